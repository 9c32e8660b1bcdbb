"""Issue 11, text at the edge: the words of both languages live in the message catalogues
(engine/messages/nb.yaml and en.yaml), not in word tables scattered over the modules.

A word table is a dict literal keyed by both "nb" and "en" whose values are text written in the
module (string literals, f-strings, or dicts and lists of them), or the same built with
`dict(nb=..., en=...)`. A dict that only passes on data in both languages (a label read from a
data file, `{"nb": label.nb, "en": label.en}`) holds no words of its own and is not one.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "engine/render/catalogue.py"
LANGUAGES = {"nb", "en"}


def _has_text(node: ast.AST) -> bool:
    return any(isinstance(n, ast.JoinedStr) or (isinstance(n, ast.Constant) and isinstance(n.value, str))
               for n in ast.walk(node))


def word_tables(source: str) -> list[int]:
    """The line of every word table in `source` (a module's text)."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            keyed = {k.value: v for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant)}
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict":
            keyed = {k.arg: k.value for k in node.keywords}
        else:
            continue
        if LANGUAGES <= set(keyed) and any(_has_text(keyed[lang]) for lang in LANGUAGES):
            lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("source, found", [
    # the shapes the last review found: report.py's _WORDS, the web page's TEXT, explain's listing
    ('_WORDS = {"nb": {"valid": "GYLDIG", "layers": {"bylaws": "vedtektene"}},\n'
     '          "en": {"valid": "VALID", "layers": {"bylaws": "bylaws"}}}', [1]),
    ('x = 1\nW = dict(nb={"open": "åpen"}, en={"open": "open"})', [2]),
    ('def f(n):\n    return {"nb": f"{n} scenarioer", "en": f"{n} scenarios"}', [2]),
    ('T = {"en": ["one"], "nb": ["én"]}', [1]),
    # not word tables: data passed on in both languages, Norwegian number words, one language
    ('label = {"nb": prop.label.nb, "en": prop.label.en}', []),
    ('NUMBER_WORDS = {"en": 1, "to": 2, "tre": 3}', []),
    ('W = {"nb": "bokmål"}', []),
])
def test_the_detector_finds_word_tables_and_nothing_else(source, found):
    assert word_tables(source) == found


def test_no_module_but_the_catalogue_holds_a_word_table():
    modules = [p for p in sorted((ROOT / "engine").rglob("*.py")) if p != CATALOGUE]
    assert len(modules) > 100  # the whole package was read, not an empty folder
    tables = {str(p.relative_to(ROOT)): lines for p in modules
              if (lines := word_tables(p.read_text(encoding="utf-8")))}
    assert tables == {}, "word tables outside the catalogues (move them to engine/messages/)"


def test_explain_in_english_has_none_of_the_bokmal_labels():
    """`vedtekt explain` once printed its labels in bokmål whatever --lang said."""
    from engine.render.explain import explain_rule

    english, bokmal = explain_rule("quorum", "en"), explain_rule("quorum", "nb")
    for label in ("Regel ", "faktum «", "hjemmel:", "vilkår:", "melding:", "(fra faktum:"):
        assert label in bokmal and label not in english, label


def test_no_two_word_groups_are_copies():
    """One group per set of words (issue 11): a page and a report that word the same values share
    the group instead of copying it (as `transition-html-status` once copied `transition-status`).
    Groups that coincide in one language only (English «attend» for both «møterett» and «møte»)
    are different words."""
    from engine.render.catalogue import LANGS, catalogue

    groups = catalogue(LANGS[0])["words"]
    by_content: dict = {}
    for group in groups:
        content = tuple(tuple(sorted(catalogue(lang)["words"][group].items())) for lang in LANGS)
        by_content.setdefault(content, []).append(group)
    assert len(groups) > 40  # every group was compared
    assert [g for g in by_content.values() if len(g) > 1] == []


def language_conditionals(source: str) -> list[int]:
    """The line of every comparison with a language code («lang == "en"», «"nb" if … else …»):
    a choice of words by language that belongs in the catalogues."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare) and isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Constant) and s.value in LANGUAGES for s in sides):
                lines.append(node.lineno)
    return lines


@pytest.mark.parametrize("source, found", [
    ('x = "missing FILE" if lang == "en" else "mangler FILE"', [1]),
    ('def f(label, lang):\n    return label.en if "en" == lang else label.nb', [2]),
    ('other = "en" if lang != "nb" else "nb"', [1]),
    # not one: a language passed on, or looked up
    ('x = word("severity", s, "nb")', []),
    ('x = getattr(label, lang)', []),
])
def test_the_detector_finds_language_conditionals(source, found):
    assert language_conditionals(source) == found


def test_no_command_renderer_or_page_chooses_words_by_language_inline():
    """engine/cli, engine/render and engine/web take their words from the catalogues (issue 11): a
    data label in both languages through catalogue.in_language, never «… if lang == "en" else …»."""
    modules = [p for folder in ("cli", "render", "web") for p in sorted((ROOT / "engine" / folder).rglob("*.py"))]
    assert len(modules) > 30
    found = {str(p.relative_to(ROOT)): lines for p in modules
             if (lines := language_conditionals(p.read_text(encoding="utf-8")))}
    assert found == {}


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_explain_words_the_layer_of_the_statute_it_quotes(lang):
    """`vedtekt explain quorum` quotes kommuneloven § 11-9 første ledd, a mandatory provision: its
    layer in the catalogue's words, not the id «statute-mandatory»."""
    from engine.render.catalogue import word
    from engine.render.explain import explain_rule

    line = explain_rule("quorum", lang).splitlines()[1]
    assert line == f"  kommuneloven § 11-9 første ledd ({word('check-report-layer', 'statute-mandatory', lang)}):"


@pytest.mark.parametrize("option, line", [([], "skrev {file}"), (["--lang", "en"], "wrote {file}")])
def test_new_scenario_says_what_it_wrote_in_the_language_asked(tmp_path, capsys, option, line):
    from engine.cli.main import main

    out = tmp_path / "mote.yaml"
    with pytest.raises(SystemExit) as exit_:
        main(["new-scenario", "--organ", "folloradet", "--date", "2021-02-12", "--output", str(out), *option])
    assert exit_.value.code == 0 and out.exists()
    assert capsys.readouterr().err == line.format(file=out) + "\n"
