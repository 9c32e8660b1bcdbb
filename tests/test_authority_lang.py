"""`vedtekt authority show` words its text listing, DOT and Mermaid in the language of --lang
(issue 11: text at the edge). The words of relations and node kinds are the catalogue's, and so
are the names of derived nodes (an organ's leader or vice, a participant's own body: `wording`);
other labels and citations are data and stay as the bylaws write them.

The expected words are read from the catalogue and the graph (engine.analyses.graph), not from
the renderer, and each is looked for in the place the format puts it (a listing line, a DOT
`label=`, a Mermaid `|…|`), because a bokmål relation word can also be part of a data label
(«leder» in «Follorådets leder»).
"""
from __future__ import annotations

import re
from datetime import date

import pytest

from engine.analyses.graph import authority_graph
from engine.cli.main import main
from engine.core.library import library
from engine.render.catalogue import message, word

DAY = "2021-02-01"
OTHER = {"nb": "en", "en": "nb"}


@pytest.fixture(scope="module")
def G():
    return authority_graph(library().document("folloradet"), date.fromisoformat(DAY))


def show(capsys, fmt: str, *lang: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        main(["authority", "show", "--date", DAY, "--format", fmt, *lang])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def name(G, node: str, lang: str = "nb") -> str:
    """A node's name in `lang`: the catalogue's wording of a derived node, else the data's label."""
    data = G.nodes[node]
    return message(data["wording"][0], lang, data["wording"][1]) if data.get("wording") else data["label"]


def edges(G, lang: str = "nb") -> list[tuple[str, str, str, str]]:
    """(source name, kind, target name, citation) of every edge."""
    return [(name(G, u, lang), d["kind"], name(G, v, lang), d["citation"]) for u, v, d in G.edges(data=True)]


def relations(G, lang: str) -> set[str]:
    return {word("authority-edge", kind, lang) for _, kind, _, _ in edges(G)}


def differing_relations(G, lang: str) -> set[str]:
    """The relation words of `lang` that the other language words differently."""
    return {word("authority-edge", k, lang) for _, k, _, _ in edges(G)
            if word("authority-edge", k, lang) != word("authority-edge", k, OTHER[lang])}


LANGS = [("nb", ()), ("en", ("--lang", "en"))]


@pytest.mark.parametrize("lang, option", LANGS)
def test_the_listing_words_relations_kinds_and_headings_in_the_chosen_language(G, capsys, lang, option):
    out = show(capsys, "text", *option)
    lines = out.splitlines()
    for source, kind, target, citation in edges(G, lang):
        assert f"  {source} {word('authority-edge', kind, lang)} {target}  [{citation}]" in out
        other = word("authority-edge", kind, OTHER[lang])
        if other != word("authority-edge", kind, lang):
            assert not any(line.startswith(f"  {source} {other} {target}  [") for line in lines)
    for node, data in G.nodes(data=True):
        assert f"{name(G, node, lang)} ({word('authority-kind-of-node', data['kind'], lang)}" in out
    assert message("authority.show.edges", lang) in lines
    assert message("authority.show.edges", OTHER[lang]) not in lines
    assert lines[1] == message("authority.show.date", lang, {"date": DAY})


@pytest.mark.parametrize("lang, option", LANGS)
def test_dot_labels_its_edges_in_the_chosen_language(G, capsys, lang, option):
    labels = set(re.findall(r'^  "[^"]*" -> "[^"]*" \[label="([^"]*)"', show(capsys, "dot", *option), re.M))
    assert labels == relations(G, lang)
    assert not labels & differing_relations(G, OTHER[lang])


@pytest.mark.parametrize("lang, option", LANGS)
def test_mermaid_labels_its_edges_in_the_chosen_language(G, capsys, lang, option):
    labels = set(re.findall(r"^  n\d+ \S+\|([^|]*)\| n\d+$", show(capsys, "mermaid", *option), re.M))
    assert labels == relations(G, lang)
    assert not labels & differing_relations(G, OTHER[lang])


def test_the_languages_differ_in_most_relation_words(G):
    """The tests above compare something: most relation words of the graph differ between
    the languages (so an English listing in bokmål would fail them)."""
    assert len(differing_relations(G, "en")) >= 5
