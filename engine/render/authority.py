"""The authority graph in words and pictures: `vedtekt authority show` as JSON, text, DOT, Mermaid,
PNG or SVG (engine.analyses.graph builds the graph from the bylaws; every word here is from the
catalogues: edge kinds `authority-edge`, node kinds `authority-kind-of-node`, the picture's legend
`authority-picture-node`, the lines `authority.show.…`).

>>> from datetime import date
>>> from engine.analyses.graph import authority_graph
>>> from engine.core.library import library
>>> G = authority_graph(library().document("folloradet"), date(2021, 2, 1))
>>> to_text(G, "en").splitlines()[1]
'Date: 2021-02-01'
"""
from __future__ import annotations

from functools import partial

import networkx as nx

from engine.analyses.graph import by_label, layers
from engine.core.rotation import norwegian_key
from engine.render.catalogue import message, word


def node_label(G: nx.MultiDiGraph, node: str, lang: str = "nb") -> str:
    """A node's name in `lang`: a derived node (an organ's leader or vice, a participant's own
    body) is worded from the catalogue (`authority.node.…`); every other name is the bylaws' own."""
    data = G.nodes[node]
    if data.get("wording"):
        message_id, args = data["wording"]
        return message(message_id, lang, args)
    return data["label"]


def _in_norwegian_order(G: nx.MultiDiGraph, nodes, lang: str = "nb") -> list[str]:
    """`nodes` in Norwegian collation of their names (the id breaks a tie): every list a reader
    sees, whether text, DOT, Mermaid or a row of the picture, has the same order."""
    return sorted(nodes, key=lambda n: (norwegian_key(node_label(G, n, lang)), n))


def _edges_json(G: nx.MultiDiGraph) -> list[dict]:
    # `kind_nb`: the contract's JSON names the bokmål word beside the id, whatever the language
    return [{"source": u, "target": v, "kind": d["kind"], "kind_nb": word("authority-edge", d["kind"], "nb"),
             "citation": d["citation"], "quote": d.get("quote"), "assumption": d.get("assumption"),
             "note": d.get("note"), "derived": d.get("derived", False)}
            for u, v, d in sorted(G.edges(data=True), key=lambda e: (e[2]["kind"], *by_label(G, e[0]), *by_label(G, e[1])))]


def to_json(G: nx.MultiDiGraph) -> dict:
    """The graph as a JSON-ready dict: ``nodes`` (with ``layer``) and ``edges``, each list in
    Norwegian collation of the names (by layer; edges by kind)."""
    lay = layers(G)
    nodes = [{"id": n, "label": d["label"], "kind": d["kind"], "exists": d["exists"],
              "supreme": d.get("supreme", False), "layer": lay[n], "citation": d.get("citation"),
              **({"decides": d["decides"]} if d.get("decides") else {})}
             for n, d in sorted(G.nodes(data=True), key=lambda nd: (lay[nd[0]], *by_label(G, nd[0])))]
    return {"document": G.graph["document"], "title": G.graph["title"], "date": G.graph["date"],
            "supreme": G.graph["supreme"], "nodes": nodes, "edges": _edges_json(G)}


def to_text(G: nx.MultiDiGraph, lang: str = "nb") -> str:
    """A readable listing: nodes by layer, then every edge with its citation."""
    lay = layers(G)
    say = partial(_say, lang)
    lines = [say("title", title=G.graph["title"]), say("date", date=G.graph["date"]), ""]
    for level in sorted(set(lay.values())):
        names = [f"{node_label(G, n, lang)} ({word('authority-kind-of-node', G.nodes[n]['kind'], lang)}"
                 + ("" if G.nodes[n]["exists"] else say("missing-on-date")) + ")"
                 for n in _in_norwegian_order(G, (n for n in lay if lay[n] == level), lang)]
        lines.append(say("level", level=level) + "; ".join(names))
    lines += ["", say("edges")]
    for e in _edges_in_norwegian_order(G, lang):
        lines.append(f"  {node_label(G, e['source'], lang)} {word('authority-edge', e['kind'], lang)} "
                     f"{node_label(G, e['target'], lang)}  [{e['citation']}]"
                     + (say("assumption") if e["assumption"] else ""))
    return "\n".join(lines) + "\n"


def _edges_in_norwegian_order(G: nx.MultiDiGraph, lang: str) -> list[dict]:
    """The edges by kind, then their ends' names in Norwegian collation."""
    key = lambda n: norwegian_key(node_label(G, n, lang))  # noqa: E731
    return sorted(_edges_json(G), key=lambda e: (e["kind"], key(e["source"]), key(e["target"]),
                                                 e["source"], e["target"]))


def _say(lang: str, key: str, **args) -> str:
    """A line of the listing or the picture (catalogue `authority.show`)."""
    return message(f"authority.show.{key}", lang, args)


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
#: Fill colour of each node style; the legend's words are the catalogues' `authority-picture-node`.
NODE_STYLE = {
    "supreme": "#f7dc6f",
    "organ": "#aed6f1",
    "admin": "#d5f5e3",
    "office": "#f5b7b1",
    "participant": "#eaeded",
    "participant-organ": "#e8daef",
    "observer": "#ffffff",
    "unknown": "#ffffff",
}


def _node_style(data: dict) -> str:
    if not data["exists"]:
        return "unknown"
    if data["kind"] == "organ":
        return "supreme" if data.get("supreme") else ("organ" if data.get("political", True) else "admin")
    return data["kind"] if data["kind"] in NODE_STYLE else "unknown"


def to_dot(G: nx.MultiDiGraph, lang: str = "nb") -> str:
    """Graphviz DOT text (ranked top-down by :func:`layers`), with a legend."""
    lay = layers(G)
    q = lambda s: '"' + str(s).replace('"', r'\"') + '"'  # noqa: E731
    out = [f"digraph {q(G.graph['document'])} {{", "  rankdir=TB;",
           f"  label={q(G.graph['title'] + ' – ' + G.graph['date'])}; labelloc=t;",
           '  node [shape=box, style="rounded,filled", fontname="Helvetica"];',
           '  edge [fontname="Helvetica", fontsize=9];']
    for level in sorted(set(lay.values())):
        members = " ".join(q(n) for n in _in_norwegian_order(G, (n for n in lay if lay[n] == level), lang))
        out.append(f"  {{ rank=same; {members} }}")
    for n in _in_norwegian_order(G, G.nodes, lang):
        d = G.nodes[n]
        out.append(f"  {q(n)} [label={q(node_label(G, n, lang))}, fillcolor={q(NODE_STYLE[_node_style(d)])}"
                   + (", color=red, penwidth=2" if not d["exists"] else "") + "];")
    for e in _edges_in_norwegian_order(G, lang):
        colour, _, style, width = EDGE_STYLE[e["kind"]]
        out.append(f"  {q(e['source'])} -> {q(e['target'])} [label={q(word('authority-edge', e['kind'], lang))}, "
                   f"color={q(colour)}, style={style}, penwidth={width}, tooltip={q(e['citation'])}];")
    out.append("}")
    return "\n".join(out) + "\n"


def to_mermaid(G: nx.MultiDiGraph, lang: str = "nb") -> str:
    """Mermaid flowchart text (top-down), one class per node kind."""
    ordered = _in_norwegian_order(G, G.nodes, lang)
    ids = {n: f"n{i}" for i, n in enumerate(ordered)}
    out = ["flowchart TD"]
    for n in ordered:
        out.append(f'  {ids[n]}["{node_label(G, n, lang)}"]:::{_node_style(G.nodes[n]).replace("-", "_")}')
    arrows = {"recommends-to": "-.->", "prepares-for": "-.->", "observes": "-.->",
              "convenes": "-.->", "instructs": "==>"}
    for e in _edges_in_norwegian_order(G, lang):
        out.append(f'  {ids[e["source"]]} {arrows.get(e["kind"], "-->")}|{word("authority-edge", e["kind"], lang)}| '
                   f'{ids[e["target"]]}')
    for style, fill in NODE_STYLE.items():
        out.append(f"  classDef {style.replace('-', '_')} fill:{fill},stroke:#555")
    return "\n".join(out) + "\n"


def positions(G: nx.MultiDiGraph, lay: dict[str, int], lang: str = "nb") -> dict[str, tuple[float, float]]:
    """Layered positions: one row per layer, top-down. The widest upper row is spread evenly
    (participants' organs to the left); each lower row sits under its neighbours above
    (barycentre), pushed apart where boxes would overlap. Ties go in Norwegian collation of the
    names (Enebakk left of Ås), never by id."""
    rank = {n: i for i, n in enumerate(_in_norwegian_order(G, lay, lang))}
    rows: dict[int, list[str]] = {}
    for n in sorted(lay, key=lambda n: (lay[n], rank[n])):
        rows.setdefault(lay[n], []).append(n)
    x: dict[str, float] = {}
    gap = 1.0
    for level in sorted(rows):
        row = rows[level]
        placed = [n for n in row if G.nodes[n]["kind"] != "observer"]
        if level == min(rows) or not x:
            top = sorted(placed, key=lambda n: (not G.nodes[n].get("supreme"), rank[n]))
            for i, n in enumerate(top):
                x[n] = i * gap
        else:
            def desired(n):
                near = [x[m] for m in set(G.successors(n)) | set(G.predecessors(n)) if m in x]
                return sum(near) / len(near) if near else 0.0
            group = lambda n: 0 if G.nodes[n]["kind"] in ("participant-organ", "participant") else 1  # noqa: E731
            if level == min(rows) + 1:  # the first wide row: spread evenly, centred
                order = sorted(placed, key=lambda n: (group(n), desired(n), G.degree(n), rank[n]))
                for i, n in enumerate(order):
                    x[n] = (i - (len(order) - 1) / 2) * gap
            else:
                order = sorted(placed, key=lambda n: (desired(n), rank[n]))
                want = [desired(n) for n in order]
                got = []
                for w in want:
                    got.append(max(w, got[-1] + gap) if got else w)
                shift = sum(w - g for w, g in zip(want, got)) / len(got) if got else 0.0
                for n, g in zip(order, got):
                    x[n] = g + shift
    rights = {lay[n]: max(x[m] for m in x if lay[m] == lay[n]) for n in lay if n not in x}
    for i, n in enumerate(sorted((n for n in lay if n not in x), key=rank.get)):  # observers: right of their row
        x[n] = rights[lay[n]] + (1.6 + 1.3 * i)
    return {n: (x[n], -lay[n] + (0.3 if G.nodes[n]["kind"] == "observer" else 0.0)) for n in lay}


def draw(G: nx.MultiDiGraph, path: str, fmt: str = "png", lang: str = "nb") -> None:
    """Draw the graph to `path` (PNG or SVG) with matplotlib: layered from the supreme organ
    down, edges coloured and styled by kind, a legend, labels in `lang`.

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
    pos = positions(G, lay, lang)
    n_rows = len(set(lay.values()))
    span = max(p[0] for p in pos.values()) - min(p[0] for p in pos.values()) + 1.6
    fig, ax = plt.subplots(figsize=(max(14.0, 1.75 * span + 4), 1.9 * n_rows + 2.5))
    boxes = {}
    for n, d in G.nodes(data=True):
        fill = NODE_STYLE[_node_style(d)]
        label = _wrap(node_label(G, n, lang), 18)
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
                          lw=EDGE_STYLE[k][3] + 0.5, label=word("authority-edge", k, lang)) for k in kinds]
    styles = sorted({_node_style(d) for _, d in G.nodes(data=True)}, key=list(NODE_STYLE).index)
    node_legend = [Patch(fc=NODE_STYLE[s], ec="#566573", label=word("authority-picture-node", s, lang))
                   for s in styles]
    say = partial(_say, lang)
    first = ax.legend(handles=edge_legend, title=say("picture-edges"), loc="upper left",
                      bbox_to_anchor=(1.0, 1.0), fontsize=10, title_fontsize=11, frameon=True)
    ax.add_artist(first)
    ax.legend(handles=node_legend, title=say("picture-nodes"), loc="lower left", bbox_to_anchor=(1.0, 0.0),
              fontsize=10, title_fontsize=11)
    ax.set_title(say("picture-title", title=G.graph["title"], date=G.graph["date"]), fontsize=14)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 0.8, max(xs) + 0.8)
    ax.set_ylim(min(ys) - 0.6, max(ys) + 0.6)
    ax.axis("off")
    parties = [d for _, d in full.nodes(data=True) if d["kind"] == "participant"]
    members = ", ".join(sorted((d["label"] for d in parties), key=norwegian_key))
    sources = "; ".join(dict.fromkeys(d["citation"] for d in parties if d.get("citation")))
    fig.text(0.01, 0.005, say("picture-footer", members=members, sources=sources), fontsize=9, color="#444")
    fig.tight_layout()
    fig.savefig(path, format=fmt, dpi=110, bbox_inches="tight")
    plt.close(fig)


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text
