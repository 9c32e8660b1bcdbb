"""The review and the transition report quote `vedtekt verify` (issue 16, item 7): the answers they
print are the answers `vedtekt verify` gives for the same draft, or the same council, organ and
date, so the two can never drift apart; and the quoted answers are escaped on the HTML pages."""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

pytest.importorskip("z3")

from engine.cli.main import main  # noqa: E402
from tests.test_html import assert_escaped, assert_sound_page  # noqa: E402

DAY = "2022-01-01"
# a participant name with markup in it, as a draft could have it: the review reads it as the name
HOSTILE = "Enebakk<script>alert(1)</script>"
ESCAPED = "Enebakk&lt;script&gt;alert(1)&lt;/script&gt;"


def run(args, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    return exit_info.value.code, capsys.readouterr().out


def verify_json(args, capsys) -> dict:
    code, out = run(["verify", *args, "--format", "json"], capsys)
    assert code in (0, 1)
    return json.loads(out)


@pytest.mark.parametrize("draft", ["utkast-follo-regionrad-med-feil.md", "utkast-folloregionen-ipr.md"])
def test_review_quotes_the_answers_of_verify_on_the_same_draft(draft, root, capsys):
    """The planted-defect draft gives Nordre Follo 4 of 10 seats, so a minority can adopt and
    block (verify: fails); the clean one holds throughout. Either way the review's JSON carries
    verify's document as it is, and its Markdown prints each answer with its citation."""
    path = str(root / "drafts" / draft)
    _, out = run(["review", path, "--date", DAY, "--format", "json"], capsys)
    proved = verify_json(["--draft", path, "--date", DAY], capsys)
    assert json.loads(out)["verify"] == proved
    assert {p["status"] for p in proved["properties"]} == ({"holds", "fails"} if "feil" in draft else {"holds"})
    _, markdown = run(["review", path, "--date", DAY, "--lang", "en"], capsys)
    english = verify_json(["--draft", path, "--date", DAY, "--lang", "en"], capsys)
    for prop in english["properties"]:
        row = next(line for line in markdown.splitlines() if f"| `{prop['id']}` |" in line)
        assert prop["message"] in row and prop["citation"] in row, prop["id"]


def _substance(prop: dict | None):
    if prop is None:
        return None
    value = prop.get("value", {})
    counts = {k: v if isinstance(v, int) else len(v) for k, v in value.items()
              if k in ("participants", "cannot_do_without", "can_break_quorum") and v is not None}
    return prop["status"], counts


def test_transition_quotes_the_answers_that_differ_as_verify_gives_them(root, capsys):
    """Follorådet (2012 bylaws) to Folloregionen (2021): for each old organ that decides and
    becomes the representantskap, each quoted side equals `vedtekt verify` for that organ and
    day, every quoted property differs in substance (status, or the number of participants the
    answer is about, or only one side has it), and every property left out is the same."""
    scenario = str(root / "scenarios/authority/2021-02-follomotet-budsjett-uten-innstilling.yaml")
    _, out = run(["transition", "--from", "folloradet", "--to", "folloregionen", "--no-generated",
                  "--scenarios", scenario, "--format", "json"], capsys)
    pairs = json.loads(out)["verify"]
    assert [(p["organ_before"], p["organ_after"]) for p in pairs] == [
        ("follomotet", "representantskapet"), ("folloradet", "representantskapet")]
    after = verify_json(["--council", "follo", "--organ", "representantskapet", "--date", pairs[0]["date_after"]], capsys)
    new = {p["id"]: p for p in after["properties"]}
    for pair in pairs:
        before = verify_json(["--council", "follo", "--organ", pair["organ_before"], "--date", pair["date_before"]],
                             capsys)
        old = {p["id"]: p for p in before["properties"]}
        quoted = {p["id"]: p for p in pair["properties"]}
        assert quoted, pair["organ_before"]
        for prop, sides in quoted.items():
            assert sides["before"] == old.get(prop) and sides["after"] == new.get(prop), prop
            assert _substance(old.get(prop)) != _substance(new.get(prop)), prop
        for prop in set(old) | set(new):
            if prop not in quoted:
                assert _substance(old.get(prop)) == _substance(new.get(prop)), prop


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_review_page_quotes_verify_and_escapes_the_names(tmp_path, root, capsys, lang):
    text = (root / "drafts" / "utkast-folloregionen-ipr.md").read_text(encoding="utf-8")
    draft = tmp_path / "utkast.md"
    draft.write_text(text.replace("Enebakk", HOSTILE), encoding="utf-8")
    _, out = run(["review", str(draft), "--date", DAY, "--format", "html", "--lang", lang], capsys)
    page = assert_sound_page(out, lang)
    assert_escaped(page, HOSTILE, ESCAPED)
    heading = {"nb": "Bevis: beslutningsreglene i utkastet", "en": "Proofs: the draft's decision rules"}[lang]
    assert heading in page.all_text() and out.count("<table>") == 3  # checklist, findings, proofs
    assert {"nb": "HOLDER", "en": "HOLDS"}[lang] in page.all_text()


@pytest.fixture(scope="module")
def made_up_pair():
    """Two made-up councils under Folloregionen's rules, a hostile participant name on each
    side: three participants (2 + 1 + 1 seats) before, six single seats after."""
    from datetime import date

    from engine.analyses.transition.proofs import ProofPair
    from engine.analyses.verify import api

    base = api.council_rules("follo", None, date(2022, 1, 1))
    before = api.run(base.with_seats((2, 1, 1), (HOSTILE, "B", "C")))
    after = api.run(base.with_seats((1,) * 6, (HOSTILE, "B", "C", "D", "E", "F")))
    return ProofPair("follomotet", "representantskapet", before, after)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_transition_page_quotes_verify_side_by_side_and_escapes_the_names(made_up_pair, lang):
    from engine.analyses.transition import transition
    from engine.render.transition import render

    assert made_up_pair.differing
    report = transition("folloradet", "folloregionen", scenarios=[], generated=False)
    proofs = SimpleNamespace(pairs=(made_up_pair,))
    page = assert_sound_page(render(report.model_copy(update={"verify": proofs}), "html", lang), lang)
    assert_escaped(page, HOSTILE, ESCAPED)
    heading = {"nb": "Bevis: beslutningsreglene før og etter", "en": "Proofs: the decision rules before and after"}
    assert heading[lang] in page.all_text()
    assert sum(1 for tag, _ in page.tags if tag == "tr") >= 1 + len(made_up_pair.differing)
