"""No council in the words the engine ships (issue 13, item 2): the message catalogues, the web
page's static files and templates, and the commands' help texts name no council, quote no clause
of a council's bylaws, and take a council's facts from its data.

tests/test_councils.py scans the string constants of the Python code for the same needles; this
scans what that test cannot see: YAML catalogues, JavaScript, HTML templates and docstrings that
click shows as help. The needles are the councils' own data (document, council, participant and
one-council organ ids, their organs' names and their clause citations, from `_council_needles`)
plus the Follo words an old text used («Follorådet», «stortingsrepresentanter», «vedtekter
2012», «handlingsprogram»).
"""
from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
import yaml

from engine.cli.main import cli, main
from engine.core.library import library
from tests.test_councils import _council_needles, copy_bylaws

ROOT = Path(__file__).resolve().parent.parent
WORDS = {"Follorådet", "Follomøtet", "Folloregionen", "stortingsrepresentanter", "vedtekter 2012",
         "handlingsprogram"}

#: Organ ids of one council that are also the statute's own words, with why a text may use them.
STATUTE_VOCABULARY = {
    "kommunestyrene": "kommuneloven § 18-4 andre ledd: «kommunestyrene skal selv vedta samarbeidsavtalen»; "
                      "one council's organ of the participants' municipal councils has the same id",
}


@pytest.fixture(scope="module")
def needles() -> set[str]:
    found = _council_needles()
    for doc in library().documents.values():  # the names of organs that belong to one council
        found |= {o.name for o in doc.organs if o.id in found}
    return (found | WORDS) - set(STATUTE_VOCABULARY)


def _hits(text: str, needles: set[str]) -> set[str]:
    return {n for n in needles if re.search(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", text, re.I)}


def _flatten(node, prefix=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _flatten(value, f"{prefix}{key}.")
    elif isinstance(node, str):
        yield prefix[:-1], node


def test_the_needles_cover_the_words_an_old_text_used(needles):
    assert WORDS | {"folloradet", "Follorådet", "vedtekter 2012 pkt. 4.1.3", "romsdal", "sogn"} <= needles
    assert _hits("på Follorådets vegne", needles) == set()  # a genitive is its own word …
    assert _hits("Faste stedfortredere (Follorådet)", needles) == {"Follorådet"}  # … the name is found


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_the_catalogues_name_no_council_and_quote_no_clause(lang, needles):
    data = yaml.safe_load((ROOT / "engine" / "messages" / f"{lang}.yaml").read_text(encoding="utf-8"))
    found = [(key, needle, text[:80]) for key, text in _flatten(data) for needle in _hits(text, needles)]
    assert found == []
    # and Follo's genitive, which the name needles do not see as a word
    assert [key for key, text in _flatten(data) if re.search(r"\bFollo\w*s\b", text)] == []


def test_the_web_pages_static_files_and_templates_name_no_council(needles):
    files = [p for folder in ("engine/web/static", "engine/web/templates", "engine/render/templates")
             for p in sorted((ROOT / folder).iterdir()) if p.suffix in (".js", ".html", ".css", ".j2")]
    assert len(files) >= 10
    found = [(p.relative_to(ROOT).as_posix(), n) for p in files for n in _hits(p.read_text(encoding="utf-8"), needles)]
    assert found == []


def _helps():
    """(command path, help text) of every command of `vedtekt`, as `--help` prints it."""
    def walk(command, ctx, path):
        yield " ".join(path), command.get_help(ctx)
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                yield from walk(sub, click.Context(sub, info_name=name, parent=ctx), [*path, name])

    yield from walk(cli, click.Context(cli, info_name="vedtekt"), ["vedtekt"])


def _without_examples(text: str) -> str:
    """The help without its example paragraphs: an example may name a shipped council, as an example."""
    return "\n\n".join(p for p in re.split(r"\n\s*\n", text) if not p.strip().startswith(("Eksempel:", "Example:")))


def test_help_texts_name_no_council_outside_their_examples(needles):
    helps = dict(_helps())
    assert {"vedtekt", "vedtekt rotation", "vedtekt calendar", "vedtekt authority show"} <= set(helps)
    assert "Eksempel: vedtekt check scenarios/folloradet" in helps["vedtekt check"].replace("\n", " ")  # examples kept
    found = {path: _hits(_without_examples(text), needles) for path, text in helps.items()}
    assert {path: hits for path, hits in found.items() if hits} == {}


# -- a council's facts from its data --------------------------------------------------------------
@pytest.mark.parametrize("council, years", [("sogn", "2016–2019"), ("follo", "2012–2031"),
                                            ("romsdal", "2020–2030")])
def test_the_rotation_covers_the_councils_own_years_by_default(council, years, capsys):
    """Sogn's document runs 2016-01-01 to 2019-12-31 (bylaws/sogn-regionrad.yaml); Follo's first
    from 2012 and its last, Folloregionen, from 2021 until changed (ten years shown after it);
    Romsdal's from 2020 until changed."""
    with pytest.raises(SystemExit) as exit_info:
        main(["rotation", "--council", council])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.splitlines()[0].startswith(f"Leder og nestleder – {council} {years} (")


def test_the_transition_page_is_titled_by_the_transition_the_data_declares(tmp_path):
    from engine.render.catalogue import message
    from engine.web import pages

    root = copy_bylaws(tmp_path)
    declared = root / "transitions" / "folloradet-folloregionen.yaml"
    text = declared.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("title: "))
    declared.write_text(text.replace(old, "title: Fra Prøverådet til Prøveregionen"), encoding="utf-8")
    for lang in ("nb", "en"):
        title = pages.transition_title(str(root), lang)
        assert title == message("web.page.transition_title", lang, {"title": "Fra Prøverådet til Prøveregionen"})
        assert "Follo" not in title
