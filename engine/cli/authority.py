"""`vedtekt authority …`: the organisation and authority graph at a date (thin click layer).

networkx is imported with engine.analyses.graph, and matplotlib only when a picture is drawn; neither
is imported by `vedtekt check`.
"""
from __future__ import annotations

import datetime
import functools
import json
import sys
from pathlib import Path

import click

from engine.cli.click_words import WordedGroup
from engine.core.errors import InputError, Message, NotModelled, modelled_periods, period_args
from engine.cli.options import (OutputPath, complete_council, complete_node, date_option, format_option,
                      lang_option)
from engine.render.catalogue import message, severity_marker, word

def _date_option(f):
    return date_option(required=True, help="datoen grafen gjelder (ÅÅÅÅ-MM-DD)")(f)


def _bylaws_option(f):
    f = click.option("--council", default=None, shell_complete=complete_council,
                     help="rådet (vedtektenes `council`; standard: default_council i "
                          "bylaws/library.yaml); dokumentet som gjelder på datoen velges")(f)
    return click.option("--bylaws", "doc_id", default=None,
                        help="vedtektsdokument (standard: rådets dokument som gjelder på datoen)")(f)


def _format_option(f):
    return lang_option(format_option("text", "json")(f))


def _graph_question(command):
    """The options of every question to the graph (--date, --council, --bylaws, --format text|json,
    --lang), declared once: the command receives the graph `G` at that date instead of them."""
    @functools.wraps(command)
    def asked(on, council, doc_id, **rest):
        return command(_graph(on, doc_id, council), **rest)
    return _date_option(_bylaws_option(_format_option(asked)))


def _relation(step_or_kind, lang: str) -> str:
    """An edge kind (or a chain step, which may run against its edge) in words (the catalogues'
    word groups authority-edge and authority-edge-reversed)."""
    if isinstance(step_or_kind, str):
        return word("authority-edge", step_or_kind, lang)
    group = "authority-edge-reversed" if step_or_kind.reversed else "authority-edge"
    return word(group, step_or_kind.kind, lang)


def _say(key: str, lang: str, **args) -> str:
    """A sentence of the text answers (catalogue section authority); labels, citations and
    relations come from the bylaws data."""
    return message(f"authority.{key}", lang, args)


def _graph(on: datetime.date, doc_id: str | None, council: str | None = None):
    from engine.analyses import graph
    from engine.core.library import library

    day = on
    lib = library()
    if doc_id is not None:
        doc = lib.document(doc_id, where="--bylaws")
        if not doc.in_force(day):
            raise NotModelled("errors.date-outside-period", {"date": day, **period_args(doc)})
    else:
        council = council or lib.default_council
        docs = [d for d in lib.council_documents(council, where="--council") if d.in_force(day)]
        if not docs:
            raise NotModelled("errors.no-bylaws-for", {"what": council, "date": day},
                              hint=modelled_periods(d for d in lib.documents.values() if d.council == council))
        if len(docs) > 1:
            raise InputError("errors.several-documents-on", {"date": day, "ids": [d.id for d in docs]},
                             hint=Message("errors.hint/choose-bylaws"))
        doc = docs[0]
    return graph.authority_graph(doc, day)


def _label(G, node: str) -> str:
    """The node's label as the JSON gives it (bokmål: the bylaws' names)."""
    return G.nodes[node]["label"]


def _name(G, node: str, lang: str) -> str:
    """The node's name in a text answer: a derived node (an organ's leader or vice) in `lang`."""
    from engine.render.authority import node_label

    return node_label(G, node, lang)


def _emit(fmt: str, data: dict, text: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(text, nl=not text.endswith("\n"))


@click.group(cls=WordedGroup)
def authority():
    """Organisasjon og myndighet på en dato: hvem instruerer, rapporterer til, forbereder
    saker for og avgjør hva (graf bygget fra vedtektene).

    Eksempel: vedtekt authority who-instructs "daglig leder" --date 2021-02-01
    """


@authority.command("who-instructs")
@click.argument("node", shell_complete=complete_node)
@_graph_question
def who_instructs(G, node, fmt, lang):
    """Hvem har instruksjonsmyndighet over NODE.

    Eksempel: vedtekt authority who-instructs "daglig leder" --date 2021-02-01
    """
    from engine.analyses import graph

    target = graph.resolve_node(G, node)
    bosses = graph.who_instructs(G, target)
    items = [{"node": b, "label": _label(G, b), "citation": d["citation"], "quote": d.get("quote")}
             for b in bosses for _, v, d in G.out_edges(b, data=True)
             if v == target and d["kind"] == "instructs"]
    lines = [_say("instructs", lang, node=_name(G, target, lang), date=G.graph["date"])]
    lines += [f"  {_name(G, i['node'], lang)}  [{i['citation']}]" for i in items] or [f"  {_say('none', lang)}"]
    _emit(fmt, {"date": G.graph["date"], "document": G.graph["document"], "node": target,
                "label": _label(G, target), "instructed_by": items}, "\n".join(lines))


@authority.command("chain")
@click.argument("node", shell_complete=complete_node)
@_graph_question
def chain(G, node, fmt, lang):
    """Rapporteringskjeden fra NODE opp til det øverste organet.

    Eksempel: vedtekt authority chain helsegruppen --date 2021-02-01
    """
    from engine.analyses import graph

    start = graph.resolve_node(G, node)
    steps = graph.chain(G, start)
    items = [{"from": s.source, "to": s.target, "from_label": _label(G, s.source),
              "to_label": _label(G, s.target), "kind": s.kind, "reversed": s.reversed,
              "relation_nb": _relation(s, "nb"), "citation": s.citation} for s in steps]
    lines = [_say("chain", lang, node=_name(G, start, lang), date=G.graph["date"]), f"  {_name(G, start, lang)}"]
    lines += [f"  → {_name(G, s.target, lang)}  ({_relation(s, lang)}; {i['citation']})" for i, s in zip(items, steps)]
    if not items:
        lines.append(f"  {_say('top', lang)}")
    _emit(fmt, {"date": G.graph["date"], "document": G.graph["document"], "node": start,
                "supreme": G.graph["supreme"], "chain": items}, "\n".join(lines))


@authority.command("prepares-for")
@click.argument("node", shell_complete=complete_node)
@_graph_question
def prepares_for(G, node, fmt, lang):
    """Hvem forbereder saker for NODE (og hvem avgir innstilling til det).

    Eksempel: vedtekt authority prepares-for follomøtet --date 2021-02-01
    """
    from engine.analyses import graph

    target = graph.resolve_node(G, node)
    items = [{"node": s, "label": _label(G, s), "kind": k, "relation_nb": _relation(k, "nb"),
              "citation": c} for s, k, c in graph.prepares_for(G, target)]
    lines = [_say("prepares", lang, node=_name(G, target, lang), date=G.graph["date"])]
    lines += [f"  {_name(G, i['node'], lang)} {_relation(i['kind'], lang)} {_name(G, target, lang)}  [{i['citation']}]"
              for i in items] or [f"  {_say('none', lang)}"]
    _emit(fmt, {"date": G.graph["date"], "document": G.graph["document"], "node": target,
                "label": _label(G, target), "prepared_by": items}, "\n".join(lines))


@authority.command("who-decides")
@click.argument("kind")
@_graph_question
def who_decides(G, kind, fmt, lang):
    """Hvilket organ kan avgjøre en sakstype, og hvilken innstilling det trenger.

    Eksempel: vedtekt authority who-decides budsjett --date 2021-02-01
    """
    from engine.analyses import graph

    items = graph.who_decides(G, kind)
    for i in items:
        i["label"] = _label(G, i["organ"])
        need = i["needs_innstilling_from"]
        i["needs_innstilling_label"] = _label(G, need) if need and need in G else need
    kind_id = items[0]["case_kind"] if items else kind
    kind_label = G.graph["case_kinds"].get(kind_id, kind)
    lines = [_say("decides", lang, kind=kind_label, date=G.graph["date"])]
    for i in items:
        need = (_say("after", lang, organ=i["needs_innstilling_label"])
                if i["needs_innstilling_from"] else _say("no-innstilling", lang))
        binds = "" if i.get("binding", True) else _say("not-binding", lang)
        lines.append(f"  {i['label']}{need}{binds}  [{i['citation']}]"
                     + (f"\n    {_say('assumption', lang)}: {i['assumption']}" if i.get("assumption") else ""))
    if not items:
        lines.append(f"  {_say('nobody', lang)}")
    _emit(fmt, {"date": G.graph["date"], "document": G.graph["document"], "case_kind": kind_id,
                "label": kind_label, "decided_by": items}, "\n".join(lines))


@authority.command("check")
@_graph_question
def check(G, fmt, lang):
    """Strukturkontroll av grafen: sirkler i instruksjon eller rapportering, flere
    overordnede med instruksjonsmyndighet, organ uten linje til øverste organ, linjer til
    verv eller deltakere som ikke finnes på datoen. Avslutningskode 1 ved funn.

    Eksempel: vedtekt authority check --date 2021-02-01
    """
    from engine.analyses import graph

    from engine.analyses.composition import composition_findings
    from engine.core.library import library
    from engine.render.finding_text import finding_message, structural_finding_dict

    findings = graph.structural_check(G)
    findings += composition_findings(library().document(G.graph["document"]),
                                     datetime.date.fromisoformat(G.graph["date"]))
    failing = [f for f in findings if f.severity != "info"]
    lines = [_say("check", lang, document=G.graph["document"], date=G.graph["date"])
             + (_say("findings", lang, count=len(findings)) if findings else _say("no-findings", lang))]
    lines += [f"  {severity_marker(f.severity, lang)} {f.rule}: {finding_message(f, lang)} [{f.citation}]"
              + (f"\n      «{' '.join(f.quote.split())}»" if f.quote else "") for f in findings]
    _emit(fmt, {"date": G.graph["date"], "document": G.graph["document"], "valid": not failing,
                "findings": [structural_finding_dict(f, lang) for f in findings]},
          "\n".join(lines))
    sys.exit(1 if failing else 0)


@authority.command("show")
@_date_option
@_bylaws_option
@format_option("text", "json", "dot", "mermaid", "png", "svg", "html")
@click.option("--output", "-o", type=OutputPath(), default=None,
              help="skriv til filen (påkrevd for png og svg)")
@lang_option
def show(on, council, doc_id, fmt, output, lang):
    """Vis organisasjons- og myndighetsgrafen på en dato.

    Eksempel: vedtekt authority show --date 2021-02-01 --format png --output docs/authority-2021.png
    """
    from engine.render import authority as drawn

    G = _graph(on, doc_id, council)
    # every format follows --lang: the words of relations, kinds and legends are the catalogue's;
    # labels, citations and quotes are data and stay as the bylaws write them
    if fmt in ("png", "svg"):
        if output is None:
            raise InputError("errors.format-needs-output", {"format": fmt}, hint=Message("errors.hint/output-example"))
        drawn.draw(G, str(output), fmt, lang)
        click.echo(_say("wrote", lang, file=output))
        return
    text = {"text": drawn.to_text, "dot": drawn.to_dot, "mermaid": drawn.to_mermaid,
            "json": lambda g, _lang: json.dumps(drawn.to_json(g), ensure_ascii=False, indent=2) + "\n",
            "html": lambda g, lang: _html_page(drawn.to_json(g), lang,
                                               {n: drawn.node_label(g, n, lang) for n in g.nodes})}[fmt](G, lang)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        click.echo(_say("wrote", lang, file=output))
    else:
        click.echo(text, nl=False)


def _html_page(graph_json: dict, lang: str, names: dict[str, str]) -> str:
    from engine.render.html import authority_page

    return authority_page(graph_json, lang, names)


@authority.command("payment")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option("text", "json")
@lang_option
def payment(files, fmt, lang):
    """Vurder om den som anviste en utbetaling eller forpliktelse hadde myndighet til det
    (innenfor en budsjettlinje, over linjen, uten linje). FILES er betalingsfiler (YAML) eller
    mapper med slike. Avslutningskode 1 når minst én er uten myndighet.

    Eksempel: vedtekt authority payment scenarios-payments/
    """
    from engine.analyses.spending import check_payment_files
    from engine.render.payment import to_dict, to_text

    paths: list[Path] = []
    for p in files:
        if p.is_dir():
            paths += sorted(f for f in p.rglob("*.yaml") if f.is_file())
        elif p.exists():
            paths.append(p)
        else:
            raise InputError("errors.file-missing", file=str(p), hint=Message("errors.hint/check-path"))
    verdicts = check_payment_files(paths)
    if fmt == "json":
        click.echo(json.dumps({"payments": [to_dict(v, lang) for v in verdicts]},
                              ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(to_text(v, lang) for v in verdicts), nl=False)
    sys.exit(0 if all(v.authorised for v in verdicts) else 1)
