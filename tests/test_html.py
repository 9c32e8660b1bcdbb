"""Every HTML output (issue 11, item 5): check, review, transition and authority show.

Each page is parsed with the standard library's html.parser: it must be well formed (every element
that needs an end tag is closed, in order), self-contained (no script, no external stylesheet), have
`<html lang>` from --lang, a heading and real tables with header cells, and show text from a hostile
input (`<script>alert(1)</script>`, `&`) as text: escaped in the source, never as a tag.
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from engine.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = "<script>alert(1)</script> A & B"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; A &amp; B"
# elements without an end tag (HTML's void elements); every other one must be closed
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Page(HTMLParser):
    """A parsed page: its tags, its text, and every nesting error found on the way."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.source, self.open, self.errors = source, [], []
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.doctype = None
        self.feed(source)
        self.close()
        self.errors += [f"<{tag}> never closed" for tag in self.open]

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
            return
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)

    def names(self) -> set[str]:
        return {tag for tag, _ in self.tags}

    def all_text(self) -> str:
        return "".join(self.text)


def assert_sound_page(source: str, lang: str) -> Page:
    page = Page(source)
    assert page.errors == [], page.errors[:5]
    assert page.doctype is not None and page.doctype.lower() == "doctype html"
    assert page.tags[0] == ("html", {"lang": lang})
    names = page.names()
    assert {"head", "title", "style", "body", "h1", "table", "thead", "th", "td"} <= names, names
    assert not names & {"script", "link", "pre", "iframe", "img"}, names  # self-contained, no Markdown in <pre>
    assert "http://" not in source and "https://" not in source  # nothing to fetch
    return page


def assert_escaped(page: Page, hostile: str = HOSTILE, escaped: str = ESCAPED) -> None:
    """The hostile text is on the page as text (the parser reads it back) and only escaped in
    the source: no <script> element was made of it."""
    assert hostile in page.all_text()
    assert escaped in page.source
    assert "<script>" not in page.source


def run(args: list[str], capsys) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    return exit_.value.code, capsys.readouterr().out


# -- check --------------------------------------------------------------------------------------
def hostile_scenario(tmp_path: Path) -> Path:
    """The quorum scenario (invalid: 2 of 6 vote, kommuneloven § 11-9 første ledd) with hostile
    text in its name and its case title."""
    text = (ROOT / "scenarios/folloradet/2021-02-quorum.yaml").read_text(encoding="utf-8")
    text = text.replace("name: Follorådet 12. februar 2021 – for få stemmeberettigede til stede",
                        f'name: "{HOSTILE}"')
    text = text.replace("title: Høringsuttalelse om regional transportplan", f'title: "{HOSTILE}"')
    assert text.count(HOSTILE) == 2
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_check_page_has_a_table_per_scenario_and_escapes_the_scenario(tmp_path, capsys, lang):
    code, out = run(["check", str(hostile_scenario(tmp_path)), "--format", "html", "--lang", lang],
                    capsys)
    assert code == 1  # the meeting is invalid, as its expected verdict says (else 4)
    page = assert_sound_page(out, lang)
    assert_escaped(page)
    text = page.all_text()
    assert out.count("<table>") == 2  # the scenario's cases and its findings
    assert "kommuneloven § 11-9 første ledd" in text and "quorum" in text  # the finding, cited
    verdict, summary = {"nb": ("UGYLDIG", "1 scenarioer: 0 gyldige, 1 ugyldige"),
                        "en": ("INVALID", "1 scenarios: 0 valid, 1 invalid")}[lang]
    assert verdict in text and summary in text


def test_check_page_has_one_section_per_scenario(capsys):
    folder = ROOT / "scenarios/rotation"
    code, out = run(["check", str(folder), "--format", "html"], capsys)
    files = sorted(folder.rglob("*.yaml"))
    page = assert_sound_page(out, "nb")
    assert code in (0, 1)  # every verdict as expected
    assert sum(1 for tag, attrs in page.tags if tag == "section") == len(files)
    assert out.count("<table>") == 2 * len(files)
    assert f"{len(files)} av {len(files)} scenarioer med forventet dom samsvarer" in page.all_text()



def test_render_of_a_saved_verdict_gives_the_same_page_as_check(tmp_path, capsys):
    scenario = str(hostile_scenario(tmp_path))
    _, saved, = run(["check", scenario, "--format", "json"], capsys)
    (tmp_path / "verdict.json").write_text(saved, encoding="utf-8")
    _, direct = run(["check", scenario, "--format", "html", "--lang", "en"], capsys)
    code, rendered = run(["render", str(tmp_path / "verdict.json"), "--format", "html", "--lang", "en"],
                         capsys)
    assert code == 0 and rendered == direct
    assert_escaped(assert_sound_page(rendered, "en"))

# -- review -------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_review_page_has_checklist_and_findings_tables_and_escapes_the_draft(tmp_path, capsys, lang):
    draft = tmp_path / "utkast.md"
    draft.write_text(f"# Avtale {HOSTILE}\n\n## § 1 Navn {HOSTILE}\n\nRådets navn er A & B.\n",
                     encoding="utf-8")
    code, out = run(["review", str(draft), "--date", "2022-01-01", "--format", "html", "--lang", lang],
                    capsys)
    assert code == 1  # a draft without most of § 18-4 fourth paragraph: error findings
    page = assert_sound_page(out, lang)
    assert_escaped(page)
    rows = [attrs for tag, attrs in page.tags if tag == "tr"]
    assert len(rows) >= 1 + 8 + 1  # header, the letters a to h, at least one finding
    assert ("kommuneloven § 18-4 fjerde ledd" if lang == "nb" else
            "kommuneloven § 18-4 fourth paragraph") in page.all_text()


# -- transition ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def small_transition(tmp_path_factory):
    """The Follo transition over one shipped scenario whose verdict changes (Follomøtet's budget
    without Follorådet's innstilling), renamed to hostile text; no generated meetings (fast)."""
    from engine.analyses.transition import transition

    source = ROOT / "scenarios/authority/2021-02-follomotet-budsjett-uten-innstilling.yaml"
    text = source.read_text(encoding="utf-8")
    name = next(line for line in text.splitlines() if line.startswith("name:"))
    path = tmp_path_factory.mktemp("transition") / "hostile.yaml"
    path.write_text(text.replace(name, f'name: "{HOSTILE}"'), encoding="utf-8")
    return transition("folloradet", "folloregionen", scenarios=[path], generated=False)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_transition_page_has_real_tables_and_escapes_data(small_transition, lang):
    from engine.analyses.transition.model import GeneratedExample, GeneratedFamily, Word, phrase
    from engine.render.transition import render

    changed = small_transition.changed_scenarios
    assert [c.name for c in changed] == [HOSTILE]
    example = GeneratedExample(pattern="for for", before=Word(group="transition-verdict", value="invalid"),
                               after=Word(group="transition-verdict", value="valid"),
                               outcome_before="adopted", outcome_after=None,
                               first_difference=changed[0].first_difference)
    family = GeneratedFamily(name=phrase("family-name", organ=HOSTILE, kind="ordinary"),
                             organ_before="folloradet", organ_after="representantskapet",
                             date="2021-03-01", case_kind="ordinary", method="exhaustive", meetings=1,
                             changed=1, explanation=HOSTILE, examples=(example,))
    report = small_transition.model_copy(update={"generated": (family,), "assumptions": (HOSTILE,)})
    source = render(report, "html", lang)
    page = assert_sound_page(source, lang)
    assert_escaped(page)
    # the scenario, the family's name (its row and its example), its explanation, the assumption
    assert page.all_text().count(HOSTILE) == 5
    heads = [tag for tag, _ in page.tags if tag in ("h1", "h2", "h3")]
    assert heads[0] == "h1" and heads.count("h1") == 1 and heads.count("h2") >= 5
    assert source.count("<table>") >= 8  # organs, seats, rights, rules, leadership, steps, scenarios, generated


def test_transition_cli_html_is_a_page_not_markdown(small_transition, capsys):
    code, out = run(["transition", "--from", "folloradet", "--to", "folloregionen", "--format", "html",
                     "--no-generated", "--lang", "en", "--scenarios",
                     str(ROOT / "scenarios/authority/2021-02-follomotet-budsjett-uten-innstilling.yaml")],
                    capsys)
    assert code == 0
    page = assert_sound_page(out, "en")
    assert "| ---" not in out and "## " not in out  # no Markdown left in the page
    text = page.all_text()
    assert "Transition: folloradet → folloregionen" in text and "Rules that change" in text
    assert "Representantskapet" in text and "§ 18-4" in text


# -- authority show ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_authority_page_lists_nodes_and_cited_edges(capsys, lang):
    code, out = run(["authority", "show", "--date", "2021-02-01", "--format", "html", "--lang", lang],
                    capsys)
    assert code == 0
    page = assert_sound_page(out, lang)
    text = page.all_text()
    assert "Follomøtet" in text and "vedtekter 2012 pkt. 4.1.4" in text
    relation = {"nb": "har instruksjonsmyndighet over", "en": "has the power to instruct"}[lang]
    assert relation in text


def test_authority_page_escapes_labels_from_the_bylaws():
    from datetime import date

    from engine.analyses import graph
    from engine.render import authority as drawn
    from engine.core.library import library
    from engine.render.html import authority_page

    data = drawn.to_json(graph.authority_graph(library().document("folloradet"), date(2021, 2, 1)))
    data["nodes"][0]["label"] = HOSTILE
    data["edges"][0]["note"] = HOSTILE
    page = assert_sound_page(authority_page(data, "en"), "en")
    assert_escaped(page)
    rows = [row for row in page.source.split("<tr") if HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in row]
    assert len(rows) >= 3  # its own row, at least one relation, the note


def test_an_unknown_language_is_refused():
    from engine.render.html import check_page

    with pytest.raises(ValueError, match="no catalogue"):
        check_page([], "de")


def test_every_html_word_in_the_catalogues_is_used_by_a_template_and_exists():
    """The `html-` messages and word groups are the templates' own: none missing, none left over."""
    import re

    from engine.render.catalogue import catalogue

    templates = "".join(p.read_text(encoding="utf-8")
                        for p in (ROOT / "engine/render/templates").glob("*.html.j2"))
    used_messages = set(re.findall(r'"([a-z]+\.html-[a-z-]+)"', templates))
    used_groups = set(re.findall(r'word\("([a-z]+-html-[a-z-]+)"', templates))
    for lang in ("nb", "en"):
        messages = catalogue(lang)["messages"]
        have = {f"{section}.{key}" for section, keys in messages.items() if isinstance(keys, dict)
                for key in keys if key.startswith("html-")}
        groups = {g for g in catalogue(lang)["words"] if "-html-" in g}
        assert used_messages == have, (lang, used_messages ^ have)
        assert used_groups == groups, (lang, used_groups ^ groups)
