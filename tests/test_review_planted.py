"""Recall and precision of `vedtekt review` on every draft and agreement the project holds.

Recall: every defect planted in a draft (its `.defects.yaml`, each quoting the clause it breaks)
is found with its rule, citation, severity, heading and line. Precision: every error the review
gives is planted, or listed under `also_right` with the reason it is right; the clean drafts and
the real agreements get no error (one hand-classified exception, below, with its clause)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from engine.analyses.review import review_file
from engine.analyses.review.checks import by_rule, declared
from engine.cli.review import review
from engine.render.catalogue import word
from engine.render.finding_text import finding_message

from .test_review_drafts import _line_of  # the first line holding a text, outside the draft's HTML comment

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "drafts"
ANDRE_RAD = ROOT.parent / "shared" / "domain" / "sources" / "andre-rad"
PLANTED = sorted(DRAFTS.glob("*.defects.yaml"))
CLEAN = [DRAFTS / "utkast-folloregionen-ipr.md", DRAFTS / "avtale-ytre-sunnfjord-ipr-nynorsk.md"]

# Errors on real agreements classified by hand as right (file -> rule -> why).
RIGHT_ON_REAL = {
    "lister-friluftsrad-ko-samarbeidsavtale.txt": {
        "quorum-below-statute": "«beslutningsdyktig med de frammøtte representanter» against § 11-9 første "
                                "ledd («minst halvparten av medlemmene»), which § 19-1 fjerde ledd applies to a KO",
    },
}




def _planted(spec_path: Path):
    spec = yaml.safe_load(spec_path.read_text("utf-8"))
    draft = DRAFTS / spec["draft"]
    return spec, draft, review_file(draft)


@pytest.fixture(scope="module", params=PLANTED, ids=lambda p: p.stem)
def planted(request):
    return _planted(request.param)


def test_there_are_three_planted_drafts_with_new_kinds():
    kinds = [{d["rule"] for d in yaml.safe_load(p.read_text("utf-8"))["defects"]} for p in PLANTED]
    assert len(PLANTED) >= 3
    assert {"member-missing", "deputies-missing", "shares-not-whole", "dissolution-archives"} <= set().union(*kinds)


def test_every_planted_defect_is_found_where_it_is(planted):
    spec, draft, report = planted
    assert report.date == spec["date"].isoformat()
    for defect in spec["defects"]:
        line = _line_of(draft, defect["text"])
        hits = [f for f in report.findings if f.rule == defect["rule"] and f.location.line == line
                and f.citation == defect["citation"]]
        assert hits, (defect["rule"], line, [(f.rule, f.location.line, f.citation) for f in report.findings])
        assert hits[0].severity == defect["severity"]
        assert hits[0].location.heading == defect["heading"]


def test_every_error_is_planted_or_classified_right(planted):
    spec, draft, report = planted
    expected = {(d["rule"], _line_of(draft, d["text"])) for d in spec["defects"]}
    expected |= {(d["rule"], _line_of(draft, d["text"])) for d in spec.get("also_right") or []}
    errors = {(f.rule, f.location.line) for f in report.findings if f.severity == "error"}
    assert errors <= expected, errors - expected


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
def test_clean_agreements_have_no_error_and_every_letter(path):
    report = review_file(path)
    assert [f.rule for f in report.findings if f.severity in ("error", "warning")] == []
    assert [e.status for e in report.checklist] == ["present"] * 8


@pytest.mark.parametrize("name", sorted(p.name for p in ANDRE_RAD.glob("*.txt")) or ["none"])
def test_no_false_error_on_the_stored_agreements(name):
    path = ANDRE_RAD / name
    if not path.exists():
        pytest.skip("../shared/domain/sources/andre-rad is not beside the repository")
    errors = {f.rule for f in review_file(path).findings if f.severity == "error"}
    assert errors == set(RIGHT_ON_REAL.get(name, {}))


def test_bylaws_files_have_no_false_error():
    for name in ("folloradet.yaml", "folloregionen.yaml"):
        path = ROOT / "bylaws" / name
        if path.exists():
            assert [f.rule for f in review_file(path).findings if f.severity == "error"] == [], name


# --- the cases of the issue, on short texts ----------------------------------------------------

HEAD = ("# Samarbeidsavtale for Testrådet interkommunalt politisk råd\n\n"
        "## § 1 Deltakere\n\nDeltakere i rådet er Enebakk kommune, Frogn kommune, Vestby kommune og Ås kommune.\n\n")


def _review(tmp_path, body: str, name: str = "utkast.md"):
    path = tmp_path / name
    path.write_text(HEAD + body, encoding="utf-8")
    return review_file(path, date(2022, 1, 1))


def test_letter_d_is_read_from_what_the_clause_says(tmp_path):
    # § 18-4 fjerde ledd d) «hvilke saker rådet skal kunne behandle»: said without «formål» or «saker»
    report = _review(tmp_path, "## § 2 Arbeidet\n\nRådet skal være en pådriver for samferdsel og "
                               "næringsutvikling i regionen.\n")
    d = next(e for e in report.checklist if e.letter == "d")
    assert d.status == "present" and d.location.heading == "§ 2 Arbeidet"


def test_shares_in_a_sentence_are_summed_and_the_lead_in_is_no_participant(tmp_path):
    report = _review(tmp_path, "## § 2 Økonomi\n\nEierandelene er: Enebakk kommune 30 %, Frogn kommune 30 %, "
                               "Vestby kommune 30 % og Ås kommune 20 %.\n")
    whole = report.by_rule("shares-not-whole")
    assert whole and "110 %" in finding_message(whole[0], "nb")
    assert not report.by_rule("participants-inconsistent")


def test_shares_in_words(tmp_path):
    equal = _review(tmp_path, "## § 2 Økonomi\n\nDeltakerne har like store eierandeler.\n")
    assert not equal.by_rule("shares-not-whole")
    third = _review(tmp_path, "## § 2 Økonomi\n\nDeltakerne har en tredjedel hver av eierandelene.\n")
    assert "133" in finding_message(third.by_rule("shares-not-whole")[0], "nb")  # 4 × 1/3


def test_shares_by_population(tmp_path):
    without = _review(tmp_path, "## § 2 Økonomi\n\nEierandelene fastsettes etter folketall.\n")
    assert without.by_rule("shares-not-assessable") and not without.by_rule("shares-not-whole")
    figures = _review(tmp_path, "## § 2 Økonomi\n\nEierandelene fastsettes etter folketall:\n\n"
                                "- Enebakk 11 000\n- Frogn 16 000\n- Vestby 18 000\n")
    inconsistent = figures.by_rule("participants-inconsistent")
    assert inconsistent and "Ås" in finding_message(inconsistent[0], "nb")  # Ås has no figure, so no share


def test_participant_without_seat_and_no_deputies(tmp_path):
    report = _review(tmp_path, "## § 2 Representantskapet\n\n| Deltaker | Medlemmer |\n| --- | --- |\n"
                               "| Enebakk | 1 |\n| Frogn | 1 |\n| Vestby | 1 |\n")
    assert [finding_message(f, "nb") for f in report.by_rule("member-missing")][0].startswith("Ås")
    assert report.by_rule("deputies-missing")


# --- the declared checks -----------------------------------------------------------------------

# Rules whose citation depends on the case: the letter, the kind of body, the kind of decision,
# the name fact, or whether a reference is to a section or an organ.
_CITATION_VARIES = {"document-kind", "checklist-missing", "decision-thresholds", "minority-can-decide", "minority-can-block",
                    "quorum-below-statute", "section-27-conversion", "stale-name", "undefined-reference",
                    "assumption", "date-from-text"}


def test_every_finding_of_every_document_is_a_declared_check():
    declared_rules = set(by_rule())
    paths = sorted(DRAFTS.glob("*.md")) + sorted(ANDRE_RAD.glob("*.txt")) + sorted((ROOT / "bylaws").glob("follo*.yaml"))
    for path in paths:
        report = review_file(path)
        rules = {f.rule for f in report.findings}
        assert rules <= declared_rules, (path.name, rules - declared_rules)
        for f in report.findings:  # every finding located by clause heading and line, and cited
            assert f.location.heading and f.location.line and f.citation, (path.name, f.rule)
            if f.rule not in _CITATION_VARIES:  # the finding cites what the declared check cites
                assert f.citation == by_rule()[f.rule].citation, (path.name, f.rule, f.citation)


def test_every_declared_check_has_a_citation_and_reads_something():
    data = declared()
    assert set(data.checklist.letters) == set("abcdefgh")
    for check in data.checks:  # what each check reads is worded by the catalogues (review-reads)
        assert check.citation and check.applies_to
        assert word("review-reads", check.rule, "nb") and word("review-reads", check.rule, "en")


def test_list_checks_prints_the_declared_checks():
    result = CliRunner().invoke(review, ["--list-checks"])
    assert result.exit_code == 0
    assert "member-missing" in result.output and "§ 18-3 første ledd" in result.output
    english = CliRunner().invoke(review, ["--list-checks", "--lang", "en"])
    assert "The checks of vedtekt review" in english.output


def test_kind_option_sets_the_frame(tmp_path):
    path = tmp_path / "vedtekter.md"
    path.write_text("# Vedtekter for Testrådet\n\n## § 1 Deltakere\n\nDeltakere er Enebakk kommune og Frogn kommune.\n",
                    encoding="utf-8")
    as_27 = CliRunner().invoke(review, [str(path), "--kind", "section27", "--date", "2024-01-01", "--format", "json"])
    assert as_27.exit_code == 1 and "section-27-conversion" in as_27.output
    as_ipr = CliRunner().invoke(review, [str(path), "--kind", "ipr", "--date", "2024-01-01"])
    assert as_ipr.exit_code == 1 and "section-27-conversion" not in as_ipr.output
    bad = CliRunner().invoke(review, [str(path), "--kind", "iprr"])
    assert bad.exit_code == 2 and "mente du: ipr?" in bad.output


def test_a_council_that_does_not_say_what_it_is_is_judged_by_its_date(tmp_path):
    # After chapter 18 came into force a political council of municipalities is an IPR (§ 18-1),
    # so its agreement must settle § 18-4 a–h; before, the checklist is only for comparison.
    path = tmp_path / "avtale.md"
    path.write_text("# Samarbeidsavtale for Testregionrådet\n\n## § 1 Deltakere\n\n"
                    "Deltakere er Enebakk kommune og Frogn kommune.\n", encoding="utf-8")
    late = review_file(path, date(2022, 1, 1))
    assert {f.severity for f in late.by_rule("checklist-missing")} == {"error"}
    assert late.by_rule("section-27-conversion")[0].severity == "warning"
    early = review_file(path, date(2015, 1, 1))
    assert {f.severity for f in early.by_rule("checklist-missing")} == {"info"}
    assert early.by_rule("section-27-conversion")[0].severity == "info"


def test_participants_as_a_list_after_a_lead_in(tmp_path):
    from engine.analyses.review.extract import participants
    from engine.analyses.review.parse import read_draft

    path = tmp_path / "utkast.md"
    path.write_text("# Avtale\n\n## § 2 Deltakarar\n\nDeltakarane er følgjande kommunar:\n\n"
                    "- Askvoll kommune\n- Fjaler kommune\n- Solund kommune\n", encoding="utf-8")
    assert [p.short for p in participants(read_draft(path))[0]] == ["Askvoll", "Fjaler", "Solund"]


def test_seats_named_in_a_sentence(tmp_path):
    # § 18-3 første ledd: «Samtlige deltakere i rådet skal være representert med minst ett medlem»
    report = _review(tmp_path, "## § 2 Representantskapet\n\nEnebakk kommune har to medlemmer, Frogn "
                               "kommune har ett medlem og Vestby kommune har ett medlem. Hver kommune velger "
                               "like mange varamedlemmer.\n")
    missing = report.by_rule("member-missing")
    assert [finding_message(f, "nb").split(" har ")[0] for f in missing] == ["Ås kommune"]
    others = _review(tmp_path, "## § 2 Representantskapet\n\nEnebakk kommune har to medlemmer, de andre "
                               "kommunene har ett medlem hver. Hver kommune velger like mange varamedlemmer.\n")
    assert not others.by_rule("member-missing")
