"""`vedtekt authority …`: the organisation and authority graph at a date (thin click layer).

networkx is imported with engine.graph, and matplotlib only when a picture is drawn; neither
is imported by `vedtekt check`.
"""
from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

import click

from .bounds import date_option_callback
from .errors import InputError, NotModelled

TEXT_JSON = click.Choice(["text", "json"])


def _date_option(f):
    return click.option("--date", "on", required=True, type=click.DateTime(["%Y-%m-%d"]),
                        callback=date_option_callback,
                        help="datoen grafen gjelder (ÅÅÅÅ-MM-DD)")(f)


def _bylaws_option(f):
    f = click.option("--council", default="follo", show_default=True,
                     help="rådet (vedtektenes `council`); dokumentet som gjelder på datoen velges")(f)
    return click.option("--bylaws", "doc_id", default=None,
                        help="vedtektsdokument (standard: rådets dokument som gjelder på datoen)")(f)


def _format_option(f):
    return click.option("--format", "fmt", type=TEXT_JSON, default="text",
                        help="text (standard) eller json")(f)


def _graph(on: datetime.datetime, doc_id: str | None, council: str = "follo"):
    from . import graph
    from .library import library

    day = on.date()
    lib = library()
    if doc_id is not None:
        doc = lib.document(doc_id, where="--bylaws")
        if not doc.in_force(day):
            raise NotModelled(f"{day} er utenfor perioden {doc.id} er modellert for "
                              f"({doc.valid_from} – {doc.valid_to or 'åpen'}) [not-modelled]")
    else:
        docs = [d for d in lib.documents.values() if d.in_force(day) and d.council == council]
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
@click.argument("node")
@_date_option
@_bylaws_option
@_format_option
def who_instructs(node, on, council, doc_id, fmt):
    """Hvem har instruksjonsmyndighet over NODE.

    Eksempel: vedtekt authority who-instructs "daglig leder" --date 2021-02-01
    """
    from . import graph

    G = _graph(on, doc_id, council)
    target = graph.resolve_node(G, node)
    bosses = graph.who_instructs(G, target)
    items = [{"node": b, "label": _label(G, b), "citation": d["citation"], "quote": d.get("quote")}
             for b in bosses for _, v, d in G.out_edges(b, data=True)
             if v == target and d["kind"] == "instructs"]
    lines = [f"Instruksjonsmyndighet over {_label(G, target)} ({G.graph['date']}):"]
    lines += [f"  {i['label']}  [{i['citation']}]" for i in items] or ["  ingen (ikke angitt i vedtektene)"]
    _emit(fmt, {"date": G.graph["date"], "document": G.graph["document"], "node": target,
                "label": _label(G, target), "instructed_by": items}, "\n".join(lines))


@authority.command("chain")
@click.argument("node")
@_date_option
@_bylaws_option
@_format_option
def chain(node, on, council, doc_id, fmt):
    """Rapporteringskjeden fra NODE opp til det øverste organet.

    Eksempel: vedtekt authority chain helsegruppen --date 2021-02-01
    """
    from . import graph

    G = _graph(on, doc_id, council)
    start = graph.resolve_node(G, node)
    steps = graph.chain(G, start)
    items = [{"from": s.source, "to": s.target, "from_label": _label(G, s.source),
              "to_label": _label(G, s.target), "kind": s.kind, "reversed": s.reversed,
              "relation_nb": _step_nb(s), "citation": s.citation} for s in steps]
    lines = [f"Kjede fra {_label(G, start)} til øverste organ ({G.graph['date']}):",
             f"  {_label(G, start)}"]
    lines += [f"  → {i['to_label']}  ({i['relation_nb']}; {i['citation']})" for i in items]
    if not items:
        lines.append("  (er selv det øverste organet)")
    _emit(fmt, {"date": G.graph["date"], "document": G.graph["document"], "node": start,
                "supreme": G.graph["supreme"], "chain": items}, "\n".join(lines))


def _step_nb(step) -> str:
    from .graph import EDGE_KINDS

    if step.reversed:
        return {"steers": "styres av", "instructs": "instrueres av", "leads": "ledes av"}[step.kind]
    return EDGE_KINDS[step.kind]


@authority.command("prepares-for")
@click.argument("node")
@_date_option
@_bylaws_option
@_format_option
def prepares_for(node, on, council, doc_id, fmt):
    """Hvem forbereder saker for NODE (og hvem avgir innstilling til det).

    Eksempel: vedtekt authority prepares-for follomøtet --date 2021-02-01
    """
    from . import graph

    G = _graph(on, doc_id, council)
    target = graph.resolve_node(G, node)
    items = [{"node": s, "label": _label(G, s), "kind": k, "relation_nb": graph.EDGE_KINDS[k],
              "citation": c} for s, k, c in graph.prepares_for(G, target)]
    lines = [f"Forbereder saker for {_label(G, target)} ({G.graph['date']}):"]
    lines += [f"  {i['label']} {i['relation_nb']} {_label(G, target)}  [{i['citation']}]"
              for i in items] or ["  ingen (ikke angitt i vedtektene)"]
    _emit(fmt, {"date": G.graph["date"], "document": G.graph["document"], "node": target,
                "label": _label(G, target), "prepared_by": items}, "\n".join(lines))


@authority.command("who-decides")
@click.argument("kind")
@_date_option
@_bylaws_option
@_format_option
def who_decides(kind, on, council, doc_id, fmt):
    """Hvilket organ kan avgjøre en sakstype, og hvilken innstilling det trenger.

    Eksempel: vedtekt authority who-decides budsjett --date 2021-02-01
    """
    from . import graph

    G = _graph(on, doc_id, council)
    items = graph.who_decides(G, kind)
    for i in items:
        i["label"] = _label(G, i["organ"])
        need = i["needs_innstilling_from"]
        i["needs_innstilling_label"] = _label(G, need) if need and need in G else need
    kind_id = items[0]["case_kind"] if items else kind
    kind_label = G.graph["case_kinds"].get(kind_id, kind)
    lines = [f"Hvem avgjør «{kind_label}» ({G.graph['date']}):"]
    for i in items:
        need = (f", etter innstilling fra {i['needs_innstilling_label']}"
                if i["needs_innstilling_from"] else ", uten krav om innstilling")
        lines.append(f"  {i['label']}{need}  [{i['citation']}]"
                     + (f"\n    antakelse: {i['assumption']}" if i.get("assumption") else ""))
    if not items:
        lines.append("  ingen organ har denne myndigheten i vedtektene")
    _emit(fmt, {"date": G.graph["date"], "document": G.graph["document"], "case_kind": kind_id,
                "label": kind_label, "decided_by": items}, "\n".join(lines))


@authority.command("check")
@_date_option
@_bylaws_option
@_format_option
def check(on, council, doc_id, fmt):
    """Strukturkontroll av grafen: sirkler i instruksjon eller rapportering, flere
    overordnede med instruksjonsmyndighet, organ uten linje til øverste organ, linjer til
    verv eller deltakere som ikke finnes på datoen. Avslutningskode 1 ved funn.

    Eksempel: vedtekt authority check --date 2021-02-01
    """
    from . import graph

    G = _graph(on, doc_id, council)
    findings = graph.structural_check(G)
    lines = [f"Strukturkontroll {G.graph['document']} {G.graph['date']}: "
             + (f"{len(findings)} funn" if findings else "ingen funn")]
    lines += [f"  [{f.severity}] {f.rule}: {f.message} [{f.citation}]" for f in findings]
    _emit(fmt, {"date": G.graph["date"], "document": G.graph["document"],
                "valid": not findings, "findings": [f.model_dump() for f in findings]},
          "\n".join(lines))
    sys.exit(1 if findings else 0)


@authority.command("show")
@_date_option
@_bylaws_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "dot", "mermaid", "png", "svg"]),
              default="text", help="text (standard), json, dot, mermaid, png eller svg")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="skriv til filen (påkrevd for png og svg)")
def show(on, council, doc_id, fmt, output):
    """Vis organisasjons- og myndighetsgrafen på en dato.

    Eksempel: vedtekt authority show --date 2021-02-01 --format png --output docs/authority-2021.png
    """
    from . import graph

    G = _graph(on, doc_id, council)
    if fmt in ("png", "svg"):
        if output is None:
            raise InputError(f"--format {fmt} krever --output FIL", hint="f.eks. --output graf.png")
        graph.draw(G, str(output), fmt)
        click.echo(f"skrev {output}")
        return
    text = {"text": graph.to_text, "dot": graph.to_dot, "mermaid": graph.to_mermaid,
            "json": lambda g: json.dumps(graph.to_json(g), ensure_ascii=False, indent=2) + "\n"}[fmt](G)
    if output is not None:
        output.write_text(text, encoding="utf-8")
        click.echo(f"skrev {output}")
    else:
        click.echo(text, nl=False)


@authority.command("payment")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@_format_option
def payment(files, fmt):
    """Vurder om den som anviste en utbetaling eller forpliktelse hadde myndighet til det
    (innenfor en budsjettlinje, over linjen, uten linje). FILES er betalingsfiler (YAML) eller
    mapper med slike. Avslutningskode 1 når minst én er uten myndighet.

    Eksempel: vedtekt authority payment scenarios-payments/
    """
    from .spending import check_payment_file, to_text

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
        click.echo("\n".join(to_text(v) for v in verdicts), nl=False)
    sys.exit(0 if all(v.authorised for v in verdicts) else 1)
