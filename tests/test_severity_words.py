"""One wording of a finding's severity (issue 11: text at the edge): every output words it from the
catalogues' one word group `words.severity`. The text listings mark a finding with the same word
upper-case in brackets («[FEIL]»); Markdown and HTML show the word as it is.

The expected words are read from the catalogue files here, not from the renderers; the JSON of
contract.md keeps the ids (error, warning, info).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from engine.cli.main import main
from engine.render.catalogue import LANGS, catalogue

ROOT = Path(__file__).resolve().parent.parent
SEVERITIES = ("error", "warning", "info")
# a chair's casting vote: one info finding, tie-decided-by-chair (kommuneloven § 11-9 andre ledd)
TIE = ROOT / "scenarios/folloradet/2021-02-dobbeltstemme-sakens-moteleder.yaml"
DRAFT = ROOT / "drafts/utkast-follo-regionrad-med-feil.md"


def words(lang: str) -> dict[str, str]:
    return catalogue(lang)["words"]["severity"]


def marker(severity: str, lang: str) -> str:
    return f"[{words(lang)[severity].upper()}]"


def run(capsys, *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    return exit_.value.code, capsys.readouterr().out


LANG_OPTIONS = [("nb", ()), ("en", ("--lang", "en"))]


# -- the catalogue holds one severity table -------------------------------------------------------
def test_the_catalogue_has_one_group_of_severity_words():
    for lang in LANGS:
        groups = catalogue(lang)["words"]
        assert set(words(lang)) == set(SEVERITIES)
        spelled = {w.casefold() for w in words(lang).values()}
        copies = [name for name, group in groups.items() if name != "severity"
                  and len(spelled & {str(v).casefold() for v in group.values()}) >= 2]
        named = [name for name in groups if "severity" in name and name != "severity"]
        assert copies == [] and named == [], lang


def _string_constants(path: Path) -> set[str]:
    if path.suffix == ".py":
        return {n.value for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    return set(re.findall(r"""["']([^"'\n]*)["']""", path.read_text(encoding="utf-8")))


def test_no_module_or_template_spells_a_severity_itself():
    """No second table in code: no string in engine/ (Python, templates, the page's script) is a
    severity's word (bokmål, or the upper-case marker of either language) or names another group."""
    # English lower-case words are left out: «error», «warning» are the ids, «note» a common key
    every = {w for lang in LANGS for w in words(lang).values()}
    forbidden = set(words("nb").values()) | {w.upper() for w in every}
    sources = [p for p in sorted((ROOT / "engine").rglob("*"))
               if p.suffix in (".py", ".j2", ".html", ".js") and "_shipped" not in p.parts]
    assert len(sources) > 100
    found = {str(p.relative_to(ROOT)): hits for p in sources
             if (hits := {s for s in _string_constants(p)
                          if s in forbidden or re.search(r"\w-severity\b", s)} - {"check.html-severity",
                                                                                  "review.html-severity"})}
    assert found == {}


# -- every output words it from that group -------------------------------------------------------
@pytest.mark.parametrize("lang, option", LANG_OPTIONS)
def test_check_text_marks_and_markdown_and_html_word_the_severity(capsys, lang, option):
    _, text = run(capsys, "check", str(TIE), *option)
    assert f"    {marker('info', lang)} tie-decided-by-chair: " in text
    _, markdown = run(capsys, "check", str(TIE), "--format", "markdown", *option)
    assert f"- **{words(lang)['info']}** `tie-decided-by-chair`" in markdown
    _, html = run(capsys, "check", str(TIE), "--format", "html", *option)
    assert f'<tr class="info"><td>{words(lang)["info"]}</td><td><code>tie-decided-by-chair</code>' in html


@pytest.mark.parametrize("lang, option", LANG_OPTIONS)
def test_review_words_each_severity_of_its_findings(capsys, lang, option):
    _, markdown = run(capsys, "review", str(DRAFT), "--date", "2021-06-01", *option)
    shown = set(re.findall(r"^- \*\*([^*]+)\*\* `", markdown, re.M))
    assert shown == {words(lang)[s] for s in SEVERITIES}
    _, checks = run(capsys, "review", "--list-checks", *option)
    assert re.findall(r"^- `[\w-]+` \(([^;]+);", checks, re.M)
    assert set(re.findall(r"^- `[\w-]+` \(([^;]+);", checks, re.M)) <= {words(lang)[s] for s in SEVERITIES}


@pytest.mark.parametrize("lang, option", LANG_OPTIONS)
def test_authority_check_marks_its_findings(capsys, lang, option):
    """Nord-Gudbrandsdal 2019: the roster records no gender for a county member (an info finding)."""
    code, out = run(capsys, "authority", "check", "--council", "nord-gudbrandsdal", "--date", "2019-09-11", *option)
    assert code == 0 and f"  {marker('info', lang)} composition-gender: " in out


@pytest.mark.parametrize("lang, option", LANG_OPTIONS)
def test_calendar_marks_a_missed_duty(tmp_path, capsys, lang, option):
    """Two Follorådet meetings in 2018: no Follomøtet (an error) and not monthly (a warning)."""
    for month in (1, 2):
        (tmp_path / f"fr-{month}.yaml").write_text(
            f"name: m{month}\norgan: folloradet\ndate: 2018-0{month}-10\nattendance: []\n", encoding="utf-8")
    code, out = run(capsys, "calendar", str(tmp_path), *option)
    assert code == 1 and marker("error", lang) in out and marker("warning", lang) in out


@pytest.mark.parametrize("lang, option", LANG_OPTIONS)
def test_explain_words_the_severity_of_each_variant(capsys, lang, option):
    _, out = run(capsys, "explain", "quorum", *option)
    assert f"  - quorum/statute: {words(lang)['error']}, " in out


@pytest.mark.parametrize("lang", LANGS)
def test_the_web_page_words_severities_from_the_same_group(lang):
    pytest.importorskip("fastapi")
    from engine.web.i18n import page_words

    assert {s: page_words(lang)[s] for s in SEVERITIES} == words(lang)


def test_the_tie_scenario_has_the_info_finding_the_tests_look_for():
    """The fixture above holds what the law gives: a 2–2 tie outside an election, decided by the
    chair's vote (kommuneloven § 11-9 andre ledd andre punktum), which is an info finding."""
    from engine.core.evaluate import check_file

    verdict = check_file(TIE)
    assert [(f.rule, f.severity) for f in verdict.findings if f.rule == "tie-decided-by-chair"] == [
        ("tie-decided-by-chair", "info")]
