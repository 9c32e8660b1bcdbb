"""The organisation and authority graph of a council's bylaws at a date (networkx).

One function per question, graph first (``f(G, ...)``), in the networkx style. The graph is
built from the bylaws data only (``relations``, ``organs``, ``participants``, ``observers``,
``competences`` of a :class:`engine.core.model.Document`); nothing is kept by hand beside them.

Nodes (attribute ``kind``):

- ``organ``: every organ of the bylaws (``supreme`` marks the supreme organ);
- ``office``: ``leder:<organ>`` (the office of an organ's leader) and the seat offices held by
  one person (``sekretariatsleder``: the daglig leder), where a relation names them;
- ``participant``: the participants in the cooperation on the date;
- ``participant-organ``: the participants' own organs that sit in an organ, derived from seats
  per participant whose office is ``<organ>-medlem`` (``formannskap:ski``: Ski's formannskap,
  ``fylkesutvalg:akershus-fk``);
- ``observer``: the observers of each organ.

Edges (``MultiDiGraph``; attribute ``kind``): ``reports-to``, ``instructs``, ``recommends-to``
(innstilling), ``prepares-for``, ``steers``, ``leads``, ``member-of``, ``convenes`` from the
bylaws' ``relations``, and the derived ``member-of`` (participants, their organs) and
``observes`` (observers). Every edge carries ``citation`` (and ``quote``/``assumption`` where
the bylaws give them). A relation that names a node which does not exist on the date is kept,
with the node marked ``exists=False``, so that :func:`structural_check` can report it.

Examples
--------
>>> from datetime import date
>>> from engine.core.library import library
>>> G = authority_graph(library().document("folloradet"), date(2021, 2, 1))
>>> [G.nodes[n]["label"] for n in who_instructs(G, "daglig leder")]
['Follorådets leder']
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import networkx as nx

from engine.core.errors import InputError, Message, did_you_mean
from engine.core.finding import Finding, Location
from engine.core.model import Document
from engine.core.rotation import norwegian_key
from engine.core.textnorm import fold

__all__ = [
    "EDGE_KINDS", "authority_graph", "resolve_node", "who_instructs", "chain", "prepares_for",
    "who_decides", "structural_check", "layers", "upward_view", "to_json", "to_text", "to_dot",
    "to_mermaid", "draw", "authority_finding", "ChainStep",
]

#: Norwegian wording of each edge kind ("<source> <verb> <target>").
EDGE_KINDS: dict[str, str] = {
    "reports-to": "rapporterer til",
    "instructs": "har instruksjonsmyndighet over",
    "recommends-to": "avgir innstilling til",
    "prepares-for": "forbereder saker for",
    "steers": "er styringsgruppe for",
    "leads": "leder",
    "member-of": "er medlem av",
    "convenes": "innkaller",
    "observes": "er observatør i",
}

#: Edges that lead upwards from source to target, with the weight of the step in a chain.
_UP = {"reports-to": 1.0, "member-of": 2.0, "recommends-to": 3.0, "prepares-for": 3.0}
#: Edges whose target answers to the source (the upward step runs against the edge).
_DOWN = {"instructs": 2.0, "steers": 2.0, "leads": 4.0}


def authority_finding(rule: str, severity: str, citation: str, nodes: tuple[str, ...], message_id: str,
                      quote: str | None = None, **args) -> Finding:
    """A finding about the authority graph (the one Finding model): the nodes it concerns in
    `location.nodes`, its sentence as an id of the catalogues' `authority` section with arguments,
    and the words of the clauses it cites (`quote`, from the edges' and nodes' data)."""
    return Finding(rule=rule, severity=severity, citation=citation, quote=quote or None,
                   location=Location(nodes=nodes), message_id=f"authority.{message_id}", args=args)


@dataclass(frozen=True)
class ChainStep:
    """One step of a reporting chain: ``source`` answers to ``target`` through ``kind``."""

    source: str
    target: str
    kind: str
    reversed: bool  # True: the edge runs target -> source (e.g. `steers`, `instructs`)
    citation: str


# -- building ---------------------------------------------------------------------------------
def authority_graph(doc: Document, on: date) -> nx.MultiDiGraph:
    """The organisation and authority graph of `doc` on the date `on`.

    Parameters
    ----------
    doc : Document
        The bylaws (with their ``relations``).
    on : date
        Organs, participants, observers and relations not in force on this date are left out;
        a relation in force that names a node not existing on the date is kept (see
        :func:`structural_check`).

    Returns
    -------
    networkx.MultiDiGraph
        ``G.graph`` has ``document``, ``title``, ``date``, ``supreme`` and ``case_kinds``.

    Examples
    --------
    >>> from datetime import date
    >>> from engine.core.library import library
    >>> doc = library().document("folloradet")
    >>> "ski" in authority_graph(doc, date(2019, 6, 1))
    True
    >>> "ski" in authority_graph(doc, date(2020, 6, 1))
    False
    """
    G = nx.MultiDiGraph(document=doc.id, title=doc.title, date=on.isoformat(), supreme=None,
                        case_kinds={k.id: k.label for k in doc.case_kinds})
    for organ in doc.organs:
        if not organ.in_force(on):
            continue
        decides = [{"case_kind": c.case_kind, "needs_innstilling_from": c.needs_innstilling_from,
                    "citation": c.citation, "quote": c.quote, "binding": c.binding,
                    "assumption": c.assumption.what if c.assumption else None}
                   for c in doc.competences if c.organ == organ.id and c.in_force(on)]
        G.add_node(organ.id, kind="organ", label=organ.name, exists=True, supreme=organ.supreme,
                   political=organ.political, citation=organ.citation, quote=organ.quote,
                   decides=decides, aliases=[organ.name])
        if organ.supreme:
            G.graph["supreme"] = organ.id
    _participants(G, doc, on)
    for rel in doc.relations:
        if not rel.in_force(on):
            continue
        for ref in (rel.source, rel.target):
            if ref not in G:
                G.add_node(ref, **_endpoint(doc, on, ref))
        G.add_edge(rel.source, rel.target, kind=rel.kind, citation=rel.citation, quote=rel.quote,
                   assumption=rel.assumption.what if rel.assumption else None, note=rel.note,
                   derived=False)
    return G


def _participants(G: nx.MultiDiGraph, doc: Document, on: date) -> None:
    """Participants, their own organs seated in an organ, and observers (derived edges).

    A participant is a member of each political organ where the bylaws give it a voting seat of its own
    (a seat per participant, not one that follows a leadership); an organ's leader who sits in
    another organ by `leadership_of` is a member of that one. Nothing depends on the organ's id
    or place, so a council with no working committee, one or several is drawn as declared.
    """
    for p in doc.participants_on(on):
        G.add_node(p.id, kind="participant", label=p.name_on(on), exists=True, supreme=False,
                   citation=p.citation, quote=p.quote, aliases=[p.name_on(on), p.short])
    declared = {(r.source, r.target) for r in doc.relations if r.kind == "member-of" and r.in_force(on)}
    for organ in doc.organs:
        if organ.id not in G:
            continue
        for seat in organ.seats:
            if not seat.in_force(on):
                continue
            if organ.political and _own_voting_seat(seat):
                for p in doc.participants_on(on):
                    if (p.kind in seat.per_participant and not G.has_edge(p.id, organ.id)
                            and (p.id, organ.id) not in declared):
                        G.add_edge(p.id, organ.id, kind="member-of", citation=seat.citation,
                                   quote=seat.quote, assumption=None, note="deltaker i organet",
                                   derived=True)
            elif seat.office == "leader" and seat.leadership_of and seat.leadership_of != organ.id:
                office = f"leder:{seat.leadership_of}"
                if (office, organ.id) in declared or G.has_edge(office, organ.id):
                    continue
                if office not in G:
                    G.add_node(office, **_endpoint(doc, on, office))
                G.add_edge(office, organ.id, kind="member-of", citation=seat.citation,
                           quote=seat.quote, assumption=None, note=seat.label, derived=True)
    for organ in doc.organs:
        if organ.id not in G:
            continue
        for seat in organ.seats:
            if not (seat.per_participant and seat.office.endswith("-medlem") and seat.in_force(on)):
                continue
            body = seat.office.removesuffix("-medlem")
            for p in doc.participants_on(on):
                if p.kind not in seat.per_participant:
                    continue
                node = f"{body}:{p.id}"
                label = f"{body.capitalize()}et i {p.short}"
                G.add_node(node, kind="participant-organ", label=label, exists=True,
                           supreme=False, participant=p.id, citation=seat.citation,
                           quote=seat.quote, aliases=[label, f"{p.short} {body}"])
                G.add_edge(node, organ.id, kind="member-of", citation=seat.citation,
                           quote=seat.quote, assumption=None, note=None, derived=True)
        for obs in organ.observers:
            observer = next((o for o in doc.observers if o.id == obs.observer), None)
            if observer is None or not (observer.in_force(on) and obs.in_force(on)):
                continue
            G.add_node(observer.id, kind="observer", label=observer.name_on(on), exists=True,
                       supreme=False, citation=observer.citation, quote=observer.quote,
                       aliases=[observer.name_on(on), observer.name])
            G.add_edge(observer.id, organ.id, kind="observes", citation=obs.citation,
                       quote=obs.quote, assumption=None, note=None, derived=True)


def _own_voting_seat(seat) -> bool:
    return bool(seat.per_participant and seat.member and "vote" in seat.rights
                and not seat.leadership_of and not seat.office.endswith("-medlem"))


def _endpoint(doc: Document, on: date, ref: str) -> dict:
    """Node attributes for a relation endpoint that is not an organ in force."""
    base = {"supreme": False, "citation": None, "quote": None, "aliases": []}
    if ref.startswith("leder:"):
        organ = next((o for o in doc.organs if o.id == ref.removeprefix("leder:")), None)
        exists = organ is not None and organ.in_force(on) and organ.leadership is not None
        name = organ.name if organ else ref.removeprefix("leder:")
        label = f"{name}s leder"
        return {**base, "kind": "office", "label": label, "exists": exists,
                "citation": organ.leadership.citation if exists else None,
                "aliases": [label, f"leder av {name}", f"{name} leder"]}
    seats = [s for o in doc.organs for s in o.seats
             if s.office == ref and s.per_participant is None and s.leadership_of is None]
    if seats:
        labels = sorted({s.label or s.office for s in seats}, key=len)
        exists = any(s.in_force(on) for s in seats)
        return {**base, "kind": "office", "label": labels[0][:1].upper() + labels[0][1:],
                "exists": exists, "citation": seats[0].citation, "aliases": labels + [ref]}
    party = next((p for p in doc.participants if p.id == ref), None) or \
        next((o for o in doc.observers if o.id == ref), None)
    if party is not None:
        kind = "participant" if hasattr(party, "kind") else "observer"
        return {**base, "kind": kind, "label": party.name_on(on), "exists": party.in_force(on),
                "citation": party.citation, "aliases": [party.name]}
    organ = next((o for o in doc.organs if o.id == ref), None)
    if organ is not None:  # an organ not in force on the date
        return {**base, "kind": "organ", "label": organ.name, "exists": False,
                "citation": organ.citation}
    return {**base, "kind": "unknown", "label": ref, "exists": False}


# -- questions --------------------------------------------------------------------------------
def resolve_node(G: nx.MultiDiGraph, name: str) -> str:
    """The node `name` refers to: id, label or alias, ignoring case, hyphens and æøå/ae-oe-aa.

    Raises
    ------
    InputError
        For an unknown name, with a "did you mean" hint (exit 2 in the CLI).

    Examples
    --------
    >>> from datetime import date
    >>> from engine.core.library import library
    >>> G = authority_graph(library().document("folloradet"), date(2021, 2, 1))
    >>> resolve_node(G, "FOLLORAADET"), resolve_node(G, "Daglig-leder")
    ('folloradet', 'sekretariatsleder')
    """
    wanted = fold(name)
    names: dict[str, str] = {}
    for node, data in G.nodes(data=True):
        for alias in [node, data["label"], *data.get("aliases", [])]:
            names.setdefault(fold(alias), node)
    if wanted in names:
        return names[wanted]
    known = sorted({data["label"] for _, data in G.nodes(data=True)} | set(G.nodes))
    raise InputError("errors.unknown-node", {"id": name, "date": G.graph["date"]},
                     hint=did_you_mean(name, known) or Message("errors.hint/all-nodes"))


def who_instructs(G: nx.MultiDiGraph, node: str) -> list[str]:
    """The nodes with instruction authority (``instructs``) over `node`.

    Examples
    --------
    >>> from datetime import date
    >>> from engine.core.library import library
    >>> G = authority_graph(library().document("folloradet"), date(2021, 2, 1))
    >>> who_instructs(G, "sekretariatsleder")
    ['leder:folloradet']
    """
    node = resolve_node(G, node)
    return sorted({u for u, _, d in G.in_edges(node, data=True) if d["kind"] == "instructs"},
                  key=lambda n: norwegian_key(G.nodes[n]["label"]))


def upward_view(G: nx.MultiDiGraph) -> nx.DiGraph:
    """A DiGraph whose edges run from each node to those it answers to, weighted.

    ``reports-to`` (1), ``member-of`` (2), ``recommends-to`` and ``prepares-for`` (3) run
    upwards as they are; ``instructs``, ``steers`` (2) and ``leads`` (4) run downwards, so
    their reverse is the upward step. Observers answer to no one.
    """
    up = nx.DiGraph()
    up.add_nodes_from(n for n, d in G.nodes(data=True) if d["kind"] != "observer")
    for u, v, data in G.edges(data=True):
        kind = data["kind"]
        if kind in _UP:
            a, b, w, rev = u, v, _UP[kind], False
        elif kind in _DOWN:
            a, b, w, rev = v, u, _DOWN[kind], True
        else:
            continue
        if a in up and b in up and (not up.has_edge(a, b) or up[a][b]["weight"] > w):
            up.add_edge(a, b, weight=w, kind=kind, reversed=rev, citation=data["citation"])
    return up


def chain(G: nx.MultiDiGraph, node: str) -> list[ChainStep]:
    """The reporting chain from `node` up to the supreme organ (shortest weighted path).

    Returns an empty list for the supreme organ itself and raises ``InputError`` when there is
    no path (see :func:`structural_check`, rule ``no-path-to-supreme``).

    Examples
    --------
    >>> from datetime import date
    >>> from engine.core.library import library
    >>> G = authority_graph(library().document("folloradet"), date(2021, 2, 1))
    >>> [s.target for s in chain(G, "helsegruppen")]
    ['radmannskollegiet', 'folloradet', 'follomotet']
    """
    node = resolve_node(G, node)
    supreme = G.graph["supreme"]
    up = upward_view(G)
    if node == supreme:
        return []
    try:
        path = nx.shortest_path(up, node, supreme, weight="weight")
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        raise InputError("errors.no-chain", {"node": G.nodes[node]["label"], "supreme": G.nodes[supreme]["label"],
                                             "date": G.graph["date"]}) from None
    return [ChainStep(a, b, up[a][b]["kind"], up[a][b]["reversed"], up[a][b]["citation"])
            for a, b in zip(path, path[1:])]


def prepares_for(G: nx.MultiDiGraph, node: str) -> list[tuple[str, str, str]]:
    """Who prepares cases for `node`: ``(source, kind, citation)`` for each ``prepares-for``
    and ``recommends-to`` (innstilling) edge into it.

    Examples
    --------
    >>> from datetime import date
    >>> from engine.core.library import library
    >>> G = authority_graph(library().document("folloradet"), date(2021, 2, 1))
    >>> sorted(s for s, _, _ in prepares_for(G, "follomotet"))
    ['arbeidsutvalget', 'folloradet']
    """
    node = resolve_node(G, node)
    return sorted(((u, d["kind"], d["citation"]) for u, _, d in G.in_edges(node, data=True)
                   if d["kind"] in ("prepares-for", "recommends-to")),
                  key=lambda e: (norwegian_key(G.nodes[e[0]]["label"]), e[1], e[2]))


def who_decides(G: nx.MultiDiGraph, kind: str) -> list[dict]:
    """Which organs may decide cases of `kind` (id or label), and whose innstilling they need.

    Examples
    --------
    >>> from datetime import date
    >>> from engine.core.library import library
    >>> G = authority_graph(library().document("folloradet"), date(2021, 2, 1))
    >>> [(d["organ"], d["needs_innstilling_from"]) for d in who_decides(G, "budsjett")]
    [('follomotet', 'folloradet')]
    """
    kinds: dict[str, str] = G.graph["case_kinds"]
    folded = {fold(k): k for k in kinds} | {fold(v): k for k, v in kinds.items()}
    if fold(kind) not in folded:
        raise InputError("errors.unknown-id", {"kind": Message("errors.kind/case-kind"), "id": kind},
                         hint=did_you_mean(kind, sorted(set(kinds) | set(kinds.values())))
                         or Message("errors.hint/case-kinds", {"kinds": sorted(kinds)}))
    kind_id = folded[fold(kind)]
    out = []
    for node, data in G.nodes(data=True):
        for comp in data.get("decides", []):
            if comp["case_kind"] == kind_id:
                out.append({"organ": node, "case_kind": kind_id, **{k: v for k, v in comp.items()
                                                                    if k != "case_kind"}})
    return sorted(out, key=lambda d: (not G.nodes[d["organ"]]["supreme"],
                                      norwegian_key(G.nodes[d["organ"]]["label"])))


# -- structure --------------------------------------------------------------------------------
def structural_check(G: nx.MultiDiGraph) -> list[Finding]:
    """Structural findings, each cited: ``instruction-cycle``, ``reporting-cycle``,
    ``multiple-superiors``, ``no-path-to-supreme`` and ``missing-node``.

    Examples
    --------
    >>> from datetime import date
    >>> from engine.core.library import library
    >>> structural_check(authority_graph(library().document("folloradet"), date(2021, 2, 1)))
    []
    """
    findings: list[Finding] = []
    label = lambda n: G.nodes[n]["label"]  # noqa: E731
    for kind, rule in (("instructs", "instruction-cycle"), ("reports-to", "reporting-cycle")):
        sub = _kind_view(G, kind)
        for cycle in sorted(_canonical(c) for c in nx.simple_cycles(sub)):
            edges = list(zip(cycle, cycle[1:] + cycle[:1]))
            findings.append(authority_finding(
                rule, "error", _join(sub[a][b]["citation"] for a, b in edges), tuple(cycle), rule,
                quote=_join(sub[a][b].get("quote") or "" for a, b in edges), path=" → ".join(label(n) for n in cycle + cycle[:1])))
    instructs = _kind_view(G, "instructs")
    for node in sorted(instructs):
        bosses = sorted(instructs.predecessors(node))
        if len(bosses) > 1:
            findings.append(authority_finding(
                "multiple-superiors", "warning", _join(instructs[b][node]["citation"] for b in bosses),
                (node, *bosses), "multiple-superiors",
                quote=_join(instructs[b][node].get("quote") or "" for b in bosses),
                node=label(node), superiors=", ".join(label(b) for b in bosses)))
    supreme = G.graph.get("supreme")
    up = upward_view(G)
    for node, data in sorted(G.nodes(data=True)):
        if data["kind"] != "organ" or not data["exists"] or node == supreme:
            continue
        if supreme is None or not nx.has_path(up, node, supreme):
            citation = _join([data["citation"] or "", (G.nodes[supreme]["citation"] if supreme else "") or ""])
            quote = _join([data.get("quote") or "", (G.nodes[supreme].get("quote") if supreme else "") or ""])
            if supreme:
                findings.append(authority_finding("no-path-to-supreme", "warning", citation, (node,),
                                                  "no-path-to-supreme", quote=quote, node=label(node),
                                                  supreme=label(supreme)))
            else:
                findings.append(authority_finding("no-path-to-supreme", "warning", citation, (node,),
                                                  "no-supreme", quote=quote, node=label(node)))
    for u, v, data in sorted(G.edges(data=True), key=lambda e: (e[0], e[1], e[2]["kind"])):
        for end in (u, v):
            if not G.nodes[end]["exists"]:
                kind = G.nodes[end]["kind"]
                findings.append(authority_finding(
                    "missing-node", "error", data["citation"], (u, v), "missing-node", quote=data.get("quote"),
                    source=label(u), target=label(v), missing=label(end), date=G.graph["date"],
                    relation={"word": "authority-edge", "value": data["kind"]},
                    what={"word": "authority-node-kind",
                          "value": kind if kind in ("office", "participant", "observer", "organ") else "node"}))
    return findings


def _kind_view(G: nx.MultiDiGraph, kind: str) -> nx.DiGraph:
    sub = nx.DiGraph()
    for u, v, data in G.edges(data=True):
        if data["kind"] == kind:
            sub.add_edge(u, v, citation=data["citation"], quote=data.get("quote"))
    return sub


def _canonical(cycle: list[str]) -> list[str]:
    i = cycle.index(min(cycle))
    return cycle[i:] + cycle[:i]


def _join(citations) -> str:
    return "; ".join(dict.fromkeys(c for c in citations if c))


# -- layout and output ------------------------------------------------------------------------
def layers(G: nx.MultiDiGraph) -> dict[str, int]:
    """Each node's layer: 0 for the supreme organ, then the number of steps in its chain.

    Observers share the layer of the first organ they observe; nodes without a chain go below
    the rest.
    """
    supreme = G.graph.get("supreme")
    up = upward_view(G)
    out: dict[str, int] = {}
    if supreme is not None:
        paths = nx.single_source_dijkstra_path(up.reverse(copy=False), supreme, weight="weight")
        out = {n: len(p) - 1 for n, p in paths.items()}
    bottom = max(out.values(), default=-1) + 1
    for node, data in G.nodes(data=True):
        if node in out:
            continue
        if data["kind"] == "observer":
            targets = [v for _, v in G.out_edges(node)]
            out[node] = min((out.get(t, bottom) for t in targets), default=bottom)
        else:
            out[node] = bottom
    return out


def _edges_json(G: nx.MultiDiGraph) -> list[dict]:
    return [{"source": u, "target": v, "kind": d["kind"], "kind_nb": EDGE_KINDS[d["kind"]],
             "citation": d["citation"], "quote": d.get("quote"), "assumption": d.get("assumption"),
             "note": d.get("note"), "derived": d.get("derived", False)}
            for u, v, d in sorted(G.edges(data=True), key=lambda e: (e[2]["kind"], e[0], e[1]))]


def to_json(G: nx.MultiDiGraph) -> dict:
    """The graph as a JSON-ready dict: ``nodes`` (with ``layer``) and ``edges``."""
    lay = layers(G)
    nodes = [{"id": n, "label": d["label"], "kind": d["kind"], "exists": d["exists"],
              "supreme": d.get("supreme", False), "layer": lay[n], "citation": d.get("citation"),
              **({"decides": d["decides"]} if d.get("decides") else {})}
             for n, d in sorted(G.nodes(data=True), key=lambda nd: (lay[nd[0]], nd[0]))]
    return {"document": G.graph["document"], "title": G.graph["title"], "date": G.graph["date"],
            "supreme": G.graph["supreme"], "nodes": nodes, "edges": _edges_json(G)}


_KIND_NB = {"organ": "organ", "office": "verv", "participant": "deltaker",
            "participant-organ": "deltakers organ", "observer": "observatør",
            "unknown": "ukjent"}


def to_text(G: nx.MultiDiGraph) -> str:
    """A readable listing: nodes by layer, then every edge with its citation."""
    lay = layers(G)
    lines = [f"Organisasjon og myndighet: {G.graph['title']}", f"Dato: {G.graph['date']}", ""]
    for level in sorted(set(lay.values())):
        names = [f"{G.nodes[n]['label']} ({_KIND_NB[G.nodes[n]['kind']]}"
                 + ("" if G.nodes[n]["exists"] else ", finnes ikke på datoen") + ")"
                 for n in sorted((n for n in lay if lay[n] == level),
                                 key=lambda n: norwegian_key(G.nodes[n]["label"]))]
        lines.append(f"Nivå {level}: " + "; ".join(names))
    lines += ["", "Linjer:"]
    label = lambda n: norwegian_key(G.nodes[n]["label"])  # noqa: E731
    for e in sorted(_edges_json(G), key=lambda e: (e["kind"], label(e["source"]), label(e["target"]))):
        lines.append(f"  {G.nodes[e['source']]['label']} {e['kind_nb']} "
                     f"{G.nodes[e['target']]['label']}  [{e['citation']}]"
                     + (" (antakelse)" if e["assumption"] else ""))
    return "\n".join(lines) + "\n"


#: Picture and DOT style of each edge kind: colour, matplotlib line style, DOT style, width.
EDGE_STYLE = {
    "reports-to": ("#1f4e9c", "solid", "solid", 2.2),
    "instructs": ("#c0392b", "solid", "bold", 2.6),
    "recommends-to": ("#1e8449", "dashed", "dashed", 2.2),
    "prepares-for": ("#d35400", "dotted", "dotted", 2.4),
    "steers": ("#7d3c98", "solid", "solid", 1.8),
    "leads": ("#222222", "dashdot", "dashed", 1.6),
    "member-of": ("#909497", "solid", "solid", 1.0),
    "convenes": ("#a04000", "dashed", "dashed", 1.6),
    "observes": ("#b3b6b7", "dotted", "dotted", 1.0),
}
NODE_STYLE = {  # fill colour, Norwegian legend label
    "supreme": ("#f7dc6f", "øverste organ"),
    "organ": ("#aed6f1", "politisk organ"),
    "admin": ("#d5f5e3", "administrativt organ / faggruppe"),
    "office": ("#f5b7b1", "verv"),
    "participant": ("#eaeded", "deltaker"),
    "participant-organ": ("#e8daef", "deltakers organ"),
    "observer": ("#ffffff", "observatør"),
    "unknown": ("#ffffff", "finnes ikke på datoen"),
}


def _node_style(data: dict) -> str:
    if not data["exists"]:
        return "unknown"
    if data["kind"] == "organ":
        return "supreme" if data.get("supreme") else ("organ" if data.get("political", True) else "admin")
    return data["kind"] if data["kind"] in NODE_STYLE else "unknown"


def to_dot(G: nx.MultiDiGraph) -> str:
    """Graphviz DOT text (ranked top-down by :func:`layers`), with a legend."""
    lay = layers(G)
    q = lambda s: '"' + str(s).replace('"', r'\"') + '"'  # noqa: E731
    out = [f"digraph {q(G.graph['document'])} {{", "  rankdir=TB;",
           f"  label={q(G.graph['title'] + ' – ' + G.graph['date'])}; labelloc=t;",
           '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
           '  edge [fontname="Helvetica", fontsize=9];']
    for level in sorted(set(lay.values())):
        members = " ".join(q(n) for n in sorted(n for n in lay if lay[n] == level))
        out.append(f"  {{ rank=same; {members} }}")
    for n, d in sorted(G.nodes(data=True)):
        out.append(f"  {q(n)} [label={q(d['label'])}, fillcolor={q(NODE_STYLE[_node_style(d)][0])}"
                   + (", color=red, penwidth=2" if not d["exists"] else "") + "];")
    for e in _edges_json(G):
        colour, _, style, width = EDGE_STYLE[e["kind"]]
        out.append(f"  {q(e['source'])} -> {q(e['target'])} [label={q(e['kind_nb'])}, "
                   f"color={q(colour)}, style={style}, penwidth={width}, tooltip={q(e['citation'])}];")
    out.append("}")
    return "\n".join(out) + "\n"


def to_mermaid(G: nx.MultiDiGraph) -> str:
    """Mermaid flowchart text (top-down), one class per node kind."""
    ids = {n: f"n{i}" for i, n in enumerate(sorted(G.nodes))}
    out = ["flowchart TD"]
    for n, d in sorted(G.nodes(data=True)):
        out.append(f'  {ids[n]}["{d["label"]}"]:::{_node_style(d).replace("-", "_")}')
    arrows = {"recommends-to": "-.->", "prepares-for": "-.->", "observes": "-.->",
              "convenes": "-.->", "instructs": "==>"}
    for e in _edges_json(G):
        out.append(f'  {ids[e["source"]]} {arrows.get(e["kind"], "-->")}|{e["kind_nb"]}| '
                   f'{ids[e["target"]]}')
    for style, (fill, _) in NODE_STYLE.items():
        out.append(f"  classDef {style.replace('-', '_')} fill:{fill},stroke:#555")
    return "\n".join(out) + "\n"


def _positions(G: nx.MultiDiGraph, lay: dict[str, int]) -> dict[str, tuple[float, float]]:
    """Layered positions: one row per layer, top-down. The widest upper row is spread evenly
    (participants' organs to the left); each lower row sits under its neighbours above
    (barycentre), pushed apart where boxes would overlap."""
    rows: dict[int, list[str]] = {}
    for n in sorted(lay, key=lambda n: (lay[n], n)):
        rows.setdefault(lay[n], []).append(n)
    x: dict[str, float] = {}
    gap = 1.0
    for level in sorted(rows):
        row = rows[level]
        placed = [n for n in row if G.nodes[n]["kind"] != "observer"]
        if level == min(rows) or not x:
            top = sorted(placed, key=lambda n: (not G.nodes[n].get("supreme"), n))
            for i, n in enumerate(top):
                x[n] = i * gap
        else:
            def desired(n):
                near = [x[m] for m in set(G.successors(n)) | set(G.predecessors(n)) if m in x]
                return sum(near) / len(near) if near else 0.0
            group = lambda n: 0 if G.nodes[n]["kind"] in ("participant-organ", "participant") else 1  # noqa: E731
            if level == min(rows) + 1:  # the first wide row: spread evenly, centred
                order = sorted(placed, key=lambda n: (group(n), desired(n), G.degree(n), n))
                for i, n in enumerate(order):
                    x[n] = (i - (len(order) - 1) / 2) * gap
            else:
                order = sorted(placed, key=lambda n: (desired(n), n))
                want = [desired(n) for n in order]
                got = []
                for w in want:
                    got.append(max(w, got[-1] + gap) if got else w)
                shift = sum(w - g for w, g in zip(want, got)) / len(got) if got else 0.0
                for n, g in zip(order, got):
                    x[n] = g + shift
    rights = {lay[n]: max(x[m] for m in x if lay[m] == lay[n]) for n in lay if n not in x}
    for i, n in enumerate(sorted(n for n in lay if n not in x)):  # observers: right of their row
        x[n] = rights[lay[n]] + (1.6 + 1.3 * i)
    return {n: (x[n], -lay[n] + (0.3 if G.nodes[n]["kind"] == "observer" else 0.0)) for n in lay}


def draw(G: nx.MultiDiGraph, path: str, fmt: str = "png") -> None:
    """Draw the graph to `path` (PNG or SVG) with matplotlib: layered from the supreme organ
    down, edges coloured and styled by kind, a legend, Norwegian labels.

    matplotlib is imported here (not at module import) and uses the Agg backend.
    """
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.fonttype"] = "none"  # SVG text stays text (searchable, accessible)
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    full = G
    G = G.subgraph(n for n, d in G.nodes(data=True) if d["kind"] != "participant")
    lay = layers(G)
    pos = _positions(G, lay)
    n_rows = len(set(lay.values()))
    span = max(p[0] for p in pos.values()) - min(p[0] for p in pos.values()) + 1.6
    fig, ax = plt.subplots(figsize=(max(14.0, 1.75 * span + 4), 1.9 * n_rows + 2.5))
    boxes = {}
    for n, d in G.nodes(data=True):
        fill = NODE_STYLE[_node_style(d)][0]
        label = _wrap(d["label"], 18)
        boxes[n] = ax.text(*pos[n], label, ha="center", va="center", zorder=3,
                           fontsize=11 if d["kind"] == "organ" else 9.5,
                           fontweight="bold" if d.get("supreme") else "normal",
                           bbox=dict(boxstyle="round,pad=0.45", fc=fill,
                                     ec="#c0392b" if not d["exists"] else "#566573",
                                     lw=2 if not d["exists"] else 1,
                                     ls="--" if d["kind"] == "observer" else "-"))
    seen: dict[tuple[str, str], int] = {}
    for u, v, d in G.edges(data=True):
        colour, style, _, width = EDGE_STYLE[d["kind"]]
        pair = tuple(sorted((u, v)))
        k = seen.get(pair, 0)
        seen[pair] = k + 1
        rad = 0.0 if k == 0 else (0.18 * ((k + 1) // 2) * (1 if k % 2 else -1))
        ax.annotate("", xy=pos[v], xytext=pos[u], zorder=2,
                    arrowprops=dict(arrowstyle="-|>", color=colour, lw=width, ls=style,
                                    mutation_scale=16, shrinkA=2, shrinkB=2,
                                    patchA=boxes[u].get_bbox_patch(),
                                    patchB=boxes[v].get_bbox_patch(),
                                    connectionstyle=f"arc3,rad={rad}"))
    kinds = sorted({d["kind"] for _, _, d in G.edges(data=True)}, key=list(EDGE_STYLE).index)
    edge_legend = [Line2D([0], [0], color=EDGE_STYLE[k][0], ls=EDGE_STYLE[k][1],
                          lw=EDGE_STYLE[k][3] + 0.5, label=f"{EDGE_KINDS[k]}") for k in kinds]
    styles = sorted({_node_style(d) for _, d in G.nodes(data=True)}, key=list(NODE_STYLE).index)
    node_legend = [Patch(fc=NODE_STYLE[s][0], ec="#566573", label=NODE_STYLE[s][1]) for s in styles]
    first = ax.legend(handles=edge_legend, title="Linjer (pil: fra → til)", loc="upper left",
                      bbox_to_anchor=(1.0, 1.0), fontsize=10, title_fontsize=11, frameon=True)
    ax.add_artist(first)
    ax.legend(handles=node_legend, title="Noder", loc="lower left", bbox_to_anchor=(1.0, 0.0),
              fontsize=10, title_fontsize=11)
    ax.set_title(f"{G.graph['title']}\nOrganisasjon og myndighet {G.graph['date']}", fontsize=14)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 0.8, max(xs) + 0.8)
    ax.set_ylim(min(ys) - 0.6, max(ys) + 0.6)
    ax.axis("off")
    parties = [d for _, d in full.nodes(data=True) if d["kind"] == "participant"]
    members = ", ".join(sorted((d["label"] for d in parties), key=norwegian_key))
    sources = "; ".join(dict.fromkeys(d["citation"] for d in parties if d.get("citation")))
    fig.text(0.01, 0.005, f"Deltakere (medlemmer av samarbeidet, ikke tegnet): {members}.\n"
             f"Kilde: {sources}; hver linje har sin hjemmel i `vedtekt authority show --format json`.",
             fontsize=9, color="#444")
    fig.tight_layout()
    fig.savefig(path, format=fmt, dpi=110, bbox_inches="tight")
    plt.close(fig)


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text
