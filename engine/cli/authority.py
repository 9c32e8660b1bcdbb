"""`vedtekt authority …`: the organisation and authority graph at a date (thin click layer).

networkx is imported with engine.analyses.graph, and matplotlib only when a picture is drawn; neither
is imported by `vedtekt check`.
"""
from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

import click

from engine.core.errors import InputError, NotModelled
from engine.cli.options import (OutputPath, complete_council, complete_node, date_option, format_option,
                      lang_option)

TEXT_JSON = click.Choice(["text", "json"])


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


_RELATION_EN = {"reports-to": "reports to", "instructs": "has the power to instruct",
                "recommends-to": "gives its innstilling to", "prepares-for": "prepares cases for",
                "steers": "is the steering group of", "leads": "leads", "member-of": "is a member of",
                "convenes": "convenes", "observes": "observes in"}
_REVERSED_EN = {"steers": "is steered by", "instructs": "is instructed by", "leads": "is led by"}


def _relation(step_or_kind, lang: str) -> str:
    """The relation in words; English from the edge kind, Norwegian from the graph's words."""
    if lang == "nb":
        return _step_nb(step_or_kind) if not isinstance(step_or_kind, str) else _edge_nb(step_or_kind)
    if isinstance(step_or_kind, str):
        return _RELATION_EN.get(step_or_kind, step_or_kind)
    if step_or_kind.reversed:
        return _REVERSED_EN.get(step_or_kind.kind, step_or_kind.kind)
    return _RELATION_EN.get(step_or_kind.kind, step_or_kind.kind)


def _edge_nb(kind: str) -> str:
    from engine.analyses.graph import EDGE_KINDS

    return EDGE_KINDS[kind]


# the words of the text answers (labels, citations and relations come from the bylaws data)
_W = {
    "nb": {"instructs": "Instruksjonsmyndighet over {n} ({d}):", "none": "ingen (ikke angitt i vedtektene)",
           "chain": "Kjede fra {n} til øverste organ ({d}):", "top": "(er selv det øverste organet)",
           "prepares": "Forbereder saker for {n} ({d}):", "decides": "Hvem avgjør «{n}» ({d}):",
           "after": ", etter innstilling fra {n}", "no_innstilling": ", uten krav om innstilling",
           "assumption": "antakelse", "nobody": "ingen organ har denne myndigheten i vedtektene",
           "check": "Strukturkontroll {n} {d}: ", "findings": "{k} funn", "no_findings": "ingen funn"},
    "en": {"instructs": "Power to instruct {n} ({d}):", "none": "none (not stated in the bylaws)",
           "chain": "Chain from {n} to the supreme organ ({d}):", "top": "(is itself the supreme organ)",
           "prepares": "Prepares cases for {n} ({d}):", "decides": "Who decides «{n}» ({d}):",
           "after": ", on the innstilling of {n}", "no_innstilling": ", no innstilling required",
           "assumption": "assumption", "nobody": "no organ has this power in the bylaws",
           "check": "Structural check {n} {d}: ", "findings": "{k} findings", "no_findings": "no findings"},
}


def _graph(on: datetime.date, doc_id: str | None, council: str | None = None):
    from engine.analyses import graph
    from engine.core.library import library

    day = on
    lib = library()
    if doc_id is not None:
        doc = lib.document(doc_id, where="--bylaws")
        if not doc.in_force(day):
            raise NotModelled(f"{day} er utenfor perioden {doc.id} er modellert for "
                              f"({doc.valid_from} – {doc.valid_to or 'åpen'}) [not-modelled]")
    else:
        council = council or lib.default_council
        docs = [d for d in lib.council_documents(council, where="--council") if d.in_force(day)]
        if not docs:
            raise NotModelled(f"ingen vedtekter for {council} er modellert for {day} [not-modelled]",
                              hint="modellerte perioder: " + ", ".join(
                                  f"{d.id}: {d.valid_from} – {d.valid_to or 'åpen'}"
                                  for d in lib.documents.values() if d.council == council)
                              or "rådet finnes ikke i bylaws/")
        if len(docs) > 1:
            raise InputError(f"flere vedtekter gjelder {day}: {', '.join(d.id for d in docs)}",
                             hint="velg ett med --bylaws")
        doc = docs[0]
    return graph.authority_graph(doc, day)


def _label(G, node: str) -> str:
    return G.nodes[node]["label"]


def _emit(fmt: str, data: dict, text: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(text, nl=not text.endswith("\n"))


@click.group()
def authority():
    """Organisasjon og myndighet på en dato: hvem instruerer, rapporterer til, forbereder
    saker for og avgjør hva (graf bygget fra vedtektene).

    Eksempel: vedtekt authority who-instructs "daglig leder" --date 2021-02-01
    """


@authority.command("who-instructs")
@click.argument("node", shell_complete=complete_node)
@_date_option
@_bylaws_option
@_format_option
def who_instructs(node, on, council, doc_id, fmt, lang):
    """Hvem har instruksjonsmyndighet over NODE.

    Eksempel: vedtekt authority who-instructs "daglig leder" --date 2021-02-01
    """
    from engine.analyses import graph

    G = _graph(on, doc_id, council)
    target = graph.resolve_node(G, node)
    bosses = graph.who_instructs(G, target)
    items = [{"node": b, "label": _label(G, b), "citation": d["citation"], "quote": d.get("quote")}
             for b in bosses for _, v, d in G.out_edges(b, data=True)
             if v == target and d["kind"] == "instructs"]
    w = _W[lang]
    lines = [w["instructs"].format(n=_label(G, target), d=G.graph["date"])]
    lines += [f"  {i['label']}  [{i['citation']}]" for i in items] or [f"  {w['none']}"]
    _emit(fmt, {"date": G.graph["date"], "document": G.graph["document"], "node": target,
                "label": _label(G, target), "instructed_by": items}, "\n".join(lines))


@authority.command("chain")
@click.argument("node", shell_complete=complete_node)
@_date_option
@_bylaws_option
@_format_option
def chain(node, on, council, doc_id, fmt, lang):
    """Rapporteringskjeden fra NODE opp til det øverste organet.

    Eksempel: vedtekt authority chain helsegruppen --date 2021-02-01
    """
    from engine.analyses import graph

    G = _graph(on, doc_id, council)
    start = graph.resolve_node(G, node)
    steps = graph.chain(G, start)
    items = [{"from": s.source, "to": s.target, "from_label": _label(G, s.source),
              "to_label": _label(G, s.target), "kind": s.kind, "reversed": s.reversed,
              "relation_nb": _step_nb(s), "citation": s.citation} for s in steps]
    w = _W[lang]
    lines = [w["chain"].format(n=_label(G, start), d=G.graph["date"]), f"  {_label(G, start)}"]
    lines += [f"  → {i['to_label']}  ({_relation(s, lang)}; {i['citation']})" for i, s in zip(items, steps)]
    if not items:
        lines.append(f"  {w['top']}")
    _emit(fmt, {"date": G.graph["date"], "document": G.graph["document"], "node": start,
                "supreme": G.graph["supreme"], "chain": items}, "\n".join(lines))


def _step_nb(step) -> str:
    from engine.analyses.graph import EDGE_KINDS

    if step.reversed:
        return {"steers": "styres av", "instructs": "instrueres av", "leads": "ledes av"}[step.kind]
    return EDGE_KINDS[step.kind]


@authority.command("prepares-for")
@click.argument("node", shell_complete=complete_node)
@_date_option
@_bylaws_option
@_format_option
def prepares_for(node, on, council, doc_id, fmt, lang):
    """Hvem forbereder saker for NODE (og hvem avgir innstilling til det).

    Eksempel: vedtekt authority prepares-for follomøtet --date 2021-02-01
    """
    from engine.analyses import graph

    G = _graph(on, doc_id, council)
    target = graph.resolve_node(G, node)
    items = [{"node": s, "label": _label(G, s), "kind": k, "relation_nb": graph.EDGE_KINDS[k],
              "citation": c} for s, k, c in graph.prepares_for(G, target)]
    w = _W[lang]
    lines = [w["prepares"].format(n=_label(G, target), d=G.graph["date"])]
    lines += [f"  {i['label']} {_relation(i['kind'], lang)} {_label(G, target)}  [{i['citation']}]"
              for i in items] or [f"  {w['none']}"]
    _emit(fmt, {"date": G.graph["date"], "document": G.graph["document"], "node": target,
                "label": _label(G, target), "prepared_by": items}, "\n".join(lines))


@authority.command("who-decides")
@click.argument("kind")
@_date_option
@_bylaws_option
@_format_option
def who_decides(kind, on, council, doc_id, fmt, lang):
    """Hvilket organ kan avgjøre en sakstype, og hvilken innstilling det trenger.

    Eksempel: vedtekt authority who-decides budsjett --date 2021-02-01
    """
    from engine.analyses import graph

    G = _graph(on, doc_id, council)
    items = graph.who_decides(G, kind)
    for i in items:
        i["label"] = _label(G, i["organ"])
        need = i["needs_innstilling_from"]
        i["needs_innstilling_label"] = _label(G, need) if need and need in G else need
    kind_id = items[0]["case_kind"] if items else kind
    kind_label = G.graph["case_kinds"].get(kind_id, kind)
    w = _W[lang]
    lines = [w["decides"].format(n=kind_label, d=G.graph["date"])]
    for i in items:
        need = (w["after"].format(n=i["needs_innstilling_label"])
                if i["needs_innstilling_from"] else w["no_innstilling"])
        binds = "" if i.get("binding", True) else w["not_binding"]
        lines.append(f"  {i['label']}{need}{binds}  [{i['citation']}]"
                     + (f"\n    {w['assumption']}: {i['assumption']}" if i.get("assumption") else ""))
    if not items:
        lines.append(f"  {w['nobody']}")
    _emit(fmt, {"date": G.graph["date"], "document": G.graph["document"], "case_kind": kind_id,
                "label": kind_label, "decided_by": items}, "\n".join(lines))


@authority.command("check")
@_date_option
@_bylaws_option
@_format_option
def check(on, council, doc_id, fmt, lang):
    """Strukturkontroll av grafen: sirkler i instruksjon eller rapportering, flere
    overordnede med instruksjonsmyndighet, organ uten linje til øverste organ, linjer til
    verv eller deltakere som ikke finnes på datoen. Avslutningskode 1 ved funn.

    Eksempel: vedtekt authority check --date 2021-02-01
    """
    from engine.analyses import graph

    from engine.analyses.composition import composition_findings
    from engine.core.library import library

    G = _graph(on, doc_id, council)
    findings = graph.structural_check(G)
    findings += composition_findings(library().document(G.graph["document"]),
                                     datetime.date.fromisoformat(G.graph["date"]), lang)
    failing = [f for f in findings if f.severity != "info"]
    w = _W[lang]
    lines = [w["check"].format(n=G.graph["document"], d=G.graph["date"])
             + (w["findings"].format(k=len(findings)) if findings else w["no_findings"])]
    lines += [f"  [{f.severity}] {f.rule}: {f.message} [{f.citation}]" for f in findings]
    _emit(fmt, {"date": G.graph["date"], "document": G.graph["document"],
                "valid": not failing, "findings": [f.model_dump() for f in findings]},
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
    from engine.analyses import graph

    G = _graph(on, doc_id, council)
    if fmt in ("png", "svg"):
        if output is None:
            raise InputError(f"--format {fmt} krever --output FIL", hint="f.eks. --output graf.png")
        graph.draw(G, str(output), fmt)
        click.echo(f"skrev {output}")
        return
    text = {"text": graph.to_text, "dot": graph.to_dot, "mermaid": graph.to_mermaid,
            "json": lambda g: json.dumps(graph.to_json(g), ensure_ascii=False, indent=2) + "\n",
            "html": lambda g: _html_page(graph.to_json(g), lang)}[fmt](G)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        click.echo(f"skrev {output}")
    else:
        click.echo(text, nl=False)


def _html_page(graph_json: dict, lang: str) -> str:
    from engine.render.html import authority_page

    return authority_page(graph_json, lang)


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
    from engine.analyses.spending import check_payment_file, to_text

    paths: list[Path] = []
    for p in files:
        if p.is_dir():
            paths += sorted(f for f in p.rglob("*.yaml") if f.is_file())
        elif p.exists():
            paths.append(p)
        else:
            raise InputError("filen finnes ikke", file=str(p), hint="sjekk stien")
    verdicts = [check_payment_file(p) for p in paths]
    if fmt == "json":
        click.echo(json.dumps({"payments": [v.model_dump() for v in verdicts]},
                              ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(to_text(v, lang) for v in verdicts), nl=False)
    sys.exit(0 if all(v.authorised for v in verdicts) else 1)
