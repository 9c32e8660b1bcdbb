"""The organisation and authority graph of a council's bylaws at a date (networkx).

One function per question, graph first (``f(G, ...)``), in the networkx style. The graph is
built from the bylaws data only (``relations``, ``organs``, ``participants``, ``observers``,
``competences`` of a :class:`engine.core.model.Document`); nothing is kept by hand beside them.

Nodes (attribute ``kind``):

- ``organ``: every organ of the bylaws (``supreme`` marks the supreme organ);
- ``office``: ``leder:<organ>`` and ``nestleder:<organ>`` (the offices of an organ's leader and
  vice, where a relation or a seat with ``leadership_of`` names them) and the seat offices held by
  one person (``sekretariatsleder``: the daglig leder), where a relation names them;
- ``participant``: the participants in the cooperation on the date;
- ``participant-organ``: the participants' own organs that sit in an organ, derived from seats
  per participant whose office is ``<body>-medlem`` (``formannskap:ski``: Ski's formannskap,
  ``fylkesutvalg:akershus-fk``), named by the seat's ``body`` («Formannskapet i Ski») or, where the
  bylaws name no body, by the office id («formannskap-medlem i Ski»).

Derived nodes (offices of a leadership, participants' bodies) carry ``wording``: the catalogue
id and arguments of their name, so that a renderer can name them in the language asked; ``label``
is that name in bokmål (the JSON's and the name a question may use).
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
from functools import partial

import networkx as nx

from engine.core.errors import LANGS, InputError, Message, did_you_mean
from engine.core.finding import Finding, Location
from engine.core.model import LEADER_OFFICE, VICE_OFFICE, Document
from engine.core.rotation import norwegian_key
from engine.core.textnorm import fold

__all__ = [
    "EDGE_KINDS", "authority_graph", "resolve_node", "who_instructs", "chain", "prepares_for",
    "who_decides", "structural_check", "layers", "upward_view", "authority_finding", "ChainStep",
    "LEADERSHIP_NODES", "by_label",
]

#: The edge kinds, ids only ("<source> <kind> <target>"); their words are the catalogues' group
#: `authority-edge` (engine/render/authority.py draws and prints the graph).
EDGE_KINDS: tuple[str, ...] = ("reports-to", "instructs", "recommends-to", "prepares-for", "steers",
                               "leads", "member-of", "convenes", "observes")

#: The offices of an organ's leadership drawn as nodes (`leder:<organ>`, `nestleder:<organ>`): a
#: seat `{office: leader|vice, leadership_of: <organ>}` makes that node a member of the seat's organ.
LEADERSHIP_NODES = {"leader": LEADER_OFFICE, "vice": VICE_OFFICE}

#: Edges that lead upwards from source to target, with the weight of the step in a chain.
_UP = {"reports-to": 1.0, "member-of": 2.0, "recommends-to": 3.0, "prepares-for": 3.0}
#: Edges whose target answers to the source (the upward step runs against the edge).
_DOWN = {"instructs": 2.0, "steers": 2.0, "leads": 4.0}


def by_label(G: nx.MultiDiGraph, node: str) -> tuple:
    """Sort key of a node: its (bokmål) label in Norwegian collation, then its id (a tie)."""
    return norwegian_key(G.nodes[node]["label"]), node


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
    (a seat per participant, not one that follows a leadership); an organ's leader or vice who
    sits in another organ by `leadership_of` is a member of that one (`leder:<organ>`,
    `nestleder:<organ>`). Nothing depends on the organ's id
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
            elif seat.office in LEADERSHIP_NODES and seat.leadership_of and seat.leadership_of != organ.id:
                office = f"{LEADERSHIP_NODES[seat.office]}:{seat.leadership_of}"
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
                wording = _participant_body_wording(seat, p.short)
                label = Message(*wording).text("nb")
                G.add_node(node, kind="participant-organ", label=label, wording=wording, exists=True,
                           supreme=False, participant=p.id, citation=seat.citation,
                           quote=seat.quote, aliases=[*_in_every_language(wording), f"{p.short} {body}"])
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


def _participant_body_wording(seat, participant: str) -> tuple[str, dict]:
    """The catalogue id and arguments naming a participant's own body seated in an organ: the
    body's name as the bylaws declare it (`body` of the seat, «formannskapet»), or, where they
    declare none, the seat's office id as it is (no grammar made in code)."""
    if seat.body:
        return "authority.node.participant-body", {"body": seat.body[:1].upper() + seat.body[1:],
                                                   "participant": participant}
    return "authority.node.participant-office", {"office": seat.office, "participant": participant}


def _in_every_language(wording: tuple[str, dict]) -> list[str]:
    """A derived node's name in every language of the catalogues: a question may use any of them
    (the web page in English lists «Leader of Follorådet»)."""
    return [Message(*wording).text(lang) for lang in LANGS]


def _endpoint(doc: Document, on: date, ref: str) -> dict:
    """Node attributes for a relation endpoint that is not an organ in force."""
    base = {"supreme": False, "citation": None, "quote": None, "aliases": []}
    prefix, _, organ_id = ref.partition(":")
    if organ_id and prefix in LEADERSHIP_NODES.values():
        organ = next((o for o in doc.organs if o.id == organ_id), None)
        exists = organ is not None and organ.in_force(on) and organ.leadership is not None
        name = organ.name if organ else organ_id
        office = next(k for k, v in LEADERSHIP_NODES.items() if v == prefix)
        wording = (f"authority.node.{office}", {"organ": name})
        label = Message(*wording).text("nb")
        return {**base, "kind": "office", "label": label, "wording": wording, "exists": exists,
                "citation": organ.leadership.citation if exists else None,
                "aliases": [*_in_every_language(wording), f"{prefix} av {name}", f"{name} {prefix}"]}
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
    by_name = partial(by_label, G)  # the order a reader expects
    for kind, rule in (("instructs", "instruction-cycle"), ("reports-to", "reporting-cycle")):
        sub = _kind_view(G, kind)
        for cycle in sorted(_canonical(c) for c in nx.simple_cycles(sub)):
            edges = list(zip(cycle, cycle[1:] + cycle[:1]))
            findings.append(authority_finding(
                rule, "error", _join(sub[a][b]["citation"] for a, b in edges), tuple(cycle), rule,
                quote=_join(sub[a][b].get("quote") or "" for a, b in edges), path=" → ".join(label(n) for n in cycle + cycle[:1])))
    instructs = _kind_view(G, "instructs")
    for node in sorted(instructs, key=by_name):
        bosses = sorted(instructs.predecessors(node), key=by_name)
        if len(bosses) > 1:
            findings.append(authority_finding(
                "multiple-superiors", "warning", _join(instructs[b][node]["citation"] for b in bosses),
                (node, *bosses), "multiple-superiors",
                quote=_join(instructs[b][node].get("quote") or "" for b in bosses),
                node=label(node), superiors=", ".join(label(b) for b in bosses)))
    supreme = G.graph.get("supreme")
    up = upward_view(G)
    for node, data in sorted(G.nodes(data=True), key=lambda nd: by_name(nd[0])):
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
    for u, v, data in sorted(G.edges(data=True), key=lambda e: (by_name(e[0]), by_name(e[1]), e[2]["kind"])):
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
