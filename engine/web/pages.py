"""The data behind the other pages (organisation, rotation, transition), from the library's own
functions; the templates only lay it out."""
from __future__ import annotations

import tempfile
from datetime import date
from functools import lru_cache
from pathlib import Path

from engine.core.bounds import FIRST_YEAR, LAST_YEAR
from engine.core.errors import InputError, NotModelled
from engine.core.library import Library
from engine.core.rotation import norwegian_key
from engine.render.catalogue import word


def council_document(council: str, on: date, lib: Library):
    docs = [d for d in lib.documents.values() if d.council == council and d.in_force(on)]
    if not docs:
        raise NotModelled("errors.no-bylaws-for", {"what": council, "date": on}, where="date")
    return docs[0]


def opening_day(lib: Library) -> date:
    """The date the meeting form opens on: bylaws/library.yaml's `form_opens_on`, else the first
    day of the default council's newest document (its meetings are the likeliest), else today."""
    if lib.settings.form_opens_on is not None:
        return lib.settings.form_opens_on
    starts = [d.valid_from for d in lib.documents.values()
              if d.council == lib.default_council and d.valid_from is not None]
    return max(starts, default=date.today())


def first_organ(council: str, on: date, lib: Library) -> str:
    """The organ the meeting form opens on, from the data: the first organ of the council's document
    in force on the date that decides and is not its supreme organ (the council's working organ,
    where most meetings are held), else its first organ with seats; "" when none is in force."""
    docs = [d for d in lib.documents.values() if d.council == council and d.in_force(on)]
    organs = [o for d in docs for o in d.organs if o.seats and o.in_force(on)]
    working = [o for o in organs if o.decides and not o.supreme]
    return (working or organs)[0].id if organs else ""


def authority(council: str, on: date, node: str, kind: str, lib: Library, lang: str = "nb") -> dict:
    """The graph's nodes and the answers to the questions asked (who instructs, chain, who
    decides), each with its citation."""
    from engine.analyses import graph

    from engine.render.authority import node_label

    G = graph.authority_graph(council_document(council, on, lib), on)
    label = lambda n: node_label(G, n, lang)  # noqa: E731  (a derived office in the page's language)
    out = {"document": G.graph["document"],
           "nodes": sorted((label(n) for n, d in G.nodes(data=True) if d["kind"] != "participant"),
                           key=norwegian_key),
           "kinds": sorted(G.graph["case_kinds"].items()),
           "instructs": None, "chain": None, "decides": None}
    if node:
        target = graph.resolve_node(G, node)
        out["node_label"] = label(target)
        out["instructs"] = sorted(({"label": label(u), "citation": d["citation"]}
                                   for u, v, d in G.in_edges(target, data=True) if d["kind"] == "instructs"),
                                  key=lambda i: norwegian_key(i["label"]))
        try:
            out["chain"] = [{"label": label(s.target), "citation": s.citation,
                             "kind": word("authority-edge-reversed" if s.reversed else "authority-edge", s.kind, lang)}
                            for s in graph.chain(G, target)]
        except InputError as exc:
            out["chain_error"] = exc.message_text(lang)  # in the page's language, like its other errors
    if kind:
        out["decides"] = [{"label": label(i["organ"]),
                           "innstilling": label(i["needs_innstilling_from"])
                           if i.get("needs_innstilling_from") in G else i.get("needs_innstilling_from"),
                           "citation": i["citation"]} for i in graph.who_decides(G, kind)]
    return out


@lru_cache(maxsize=16)
def authority_svg(council: str, on: date, lib_root: str | None, lang: str = "nb") -> str:
    """The graph drawn as SVG (matplotlib, the same picture as `vedtekt authority show`), its
    legend in the page's language."""
    from engine.analyses import graph
    from engine.core.library import library
    from engine.render.authority import draw

    G = graph.authority_graph(council_document(council, on, library(lib_root)), on)
    with tempfile.TemporaryDirectory(prefix="vedtekt-svg-") as tmp:
        path = Path(tmp) / "graph.svg"
        draw(G, str(path), "svg", lang)
        return path.read_text(encoding="utf-8")


def rotation(council: str, first: int | None, last: int | None, lang: str, lib: Library) -> dict:
    from engine.analyses.rotation import rotation_report
    from engine.render.rotation import rotation_json

    if any(year is not None and not FIRST_YEAR <= year <= LAST_YEAR for year in (first, last)):
        raise InputError("errors.year-out-of-range", {"first": FIRST_YEAR, "last": LAST_YEAR}, where="start/end")
    return rotation_json(rotation_report(council, first, last, lib), lang)


@lru_cache(maxsize=2)
def _transition_report(lib_root=None):
    """The transition the bylaws data declares (before, after), over the shipped scenarios without
    the generated meetings (a page must answer in seconds); built once per server, worded per
    language by `transition`. None when the data declares no transition."""
    from engine.analyses.transition import transition as build
    from engine.core.library import library

    declared = library(lib_root).transitions
    if not declared:
        return None
    before, after = declared[0].documents
    return build(before, after, None, generated=False)


@lru_cache(maxsize=4)
def transition(lib_root=None, lang: str = "nb") -> dict:
    """The transition report as HTML in the page's language (its Markdown rendered; raw HTML in
    the Markdown is escaped: html False)."""
    from markdown_it import MarkdownIt

    from engine.render.transition import to_markdown

    report = _transition_report(lib_root)
    if report is None:
        return {"html": None, "title": None}  # the template says so, in the page's language
    return {"html": MarkdownIt("commonmark", {"html": False}).enable("table").render(to_markdown(report, lang)),
            "title": transition_title(lib_root, lang)}


def transition_title(lib_root=None, lang: str = "nb") -> str:
    """The page's heading: the declared transition's own title (data), in the catalogue's frame."""
    from engine.core.library import library
    from engine.render.catalogue import message

    return message("web.page.transition_title", lang, {"title": library(lib_root).transitions[0].title})
