"""`vedtekt transition`: the report on the shipped data, and its properties (issue 5).

Properties (the OpenFisca "reform" model): a document compared with itself changes nothing; a copy
that changes one parameter (the representantskap's quorum fraction) changes exactly the scenarios
and generated meetings that parameter decides, computed here independently from the tallies.
"""
from __future__ import annotations

import json
from fractions import Fraction
from math import comb

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from engine.cli.main import cli
from engine.core.evaluate import check_file
from engine.core.library import library
from engine.analyses.transition import generated_meetings, run_both, transition, with_parameter
from engine.render.catalogue import catalogue
from engine.render.transition import render

from .conftest import ROOT

IPR_SCENARIOS = ROOT / "scenarios" / "folloregionen"


@pytest.fixture(scope="module")
def shipped():
    return transition("folloradet", "folloregionen")


def test_shipped_data_has_at_least_five_changed_scenarios_each_explained(shipped):
    assert len(shipped.changed_scenarios) >= 5
    for c in shipped.changed_scenarios:
        assert c.first_difference is not None, c.scenario
        assert c.explanation.items and c.first_difference.finding.citation
        assert (c.verdict_before != c.verdict_after) or (c.before.outcomes != c.after.outcomes)


def test_report_names_the_law_and_the_assumptions(shipped):
    text = render(shipped, "markdown")
    for needle in ("Representantskapet", "§ 18-4", "§ 31-2", "Statsforvalteren", "Forutsetninger",
                   "§ 18-1 tredje ledd", "§ 18-3", "kommunedirektør"):
        assert needle in text, needle
    assert any("rotasjonen fortsetter" in a for a in shipped.assumptions)
    assert any("Samarbeidsavtalens tekst er ikke tilgjengelig" in a for a in shipped.assumptions)


def test_json_has_changed_scenarios_as_the_contract_says():
    result = CliRunner().invoke(cli, ["transition", "--from", "folloradet", "--to", "folloregionen",
                                      "--format", "json", "--no-generated"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["changed_scenarios"]
    first = data["changed_scenarios"][0]
    assert {"scenario", "verdict_before", "verdict_after", "first_difference"} <= set(first)
    assert set(first["first_difference"]) == {"only_under", "rule", "severity", "case", "person", "citation",
                                              "message"}
    assert all(isinstance(c["explanation"], str) and c["explanation"] for c in data["changed_scenarios"])


# the report's headings and sentences that have no arguments, as the nb catalogue words them
NB_HEADINGS = [text for key, text in catalogue("nb")["messages"]["transition"].items()
               if key.startswith("md-") and "{" not in text and "|" not in text]


def _report_text(*options: str) -> str:
    result = CliRunner().invoke(cli, ["transition", "--from", "folloradet", "--to", "folloregionen",
                                      "--no-generated", *options])
    assert result.exit_code == 0, result.output
    return result.output


def _lines(text: str) -> set[str]:
    """Each line without its Markdown heading marks (data text may use a heading's word inside)."""
    return {line.lstrip("#").strip() for line in text.splitlines()}


def test_english_report_has_no_norwegian_heading(shipped):
    english = _report_text("--lang", "en")
    assert len(NB_HEADINGS) >= 8
    assert _lines(english).isdisjoint(NB_HEADINGS), _lines(english) & set(NB_HEADINGS)
    assert "**Før:**" not in english and "**Etter:**" not in english and "forklaring:" not in english
    for heading in ("# Transition: folloradet → folloregionen", "## Organs", "## Rules that change",
                    "## Legal steps", "## Assumptions the report rests on", "invalid before, valid after"):
        assert heading in english, heading
    norwegian = _lines(render(shipped, "markdown"))
    conditional = ("Ingen forskjeller.", "Ikke sammenlignet:", "(endret)", "(kontrafaktisk)")
    assert {h for h in NB_HEADINGS if h not in conditional} <= norwegian


def test_english_json_has_the_same_shape_and_english_words(shipped):
    nb, en = json.loads(render(shipped, "json")), json.loads(render(shipped, "json", "en"))

    def shape(value):
        if isinstance(value, dict):
            return {k: shape(v) for k, v in value.items()}
        if isinstance(value, list):
            return [shape(v) for v in value]
        return type(value).__name__

    assert shape(nb) == shape(en)
    assert {c["verdict_before"] for c in en["changed_scenarios"]} <= {"valid", "invalid"}
    assert {c["verdict_before"] for c in nb["changed_scenarios"]} <= {"gyldig", "ugyldig"}
    assert nb["changed_scenarios"][0]["first_difference"]["rule"] == en["changed_scenarios"][0]["first_difference"]["rule"]


def test_html_and_markdown_render():
    for fmt, marker in (("html", "<html"), ("markdown", "# Overgang")):
        result = CliRunner().invoke(cli, ["transition", "--from", "folloradet", "--to", "folloregionen",
                                          "--format", fmt, "--no-generated"])
        assert result.exit_code == 0 and marker in result.output


def test_leadership_continues_across_the_change_without_gap_or_duplicate(shipped):
    rows = sorted(shipped.leadership, key=lambda r: r["from"])
    for a, b in zip(rows, rows[1:]):
        from datetime import date, timedelta
        assert date.fromisoformat(a["to"]) + timedelta(days=1) == date.fromisoformat(b["from"]), (a, b)
    by_day = {r["from"]: (r["leader"], r["vice"]) for r in rows}
    assert by_day["2021-01-01"] == by_day["2021-03-01"] == ("frogn", "nesodden")


def test_legal_steps_cite_the_statute(shipped):
    cites = " ".join(s.citation for s in shipped.steps)
    for needle in ("§ 18-4 andre ledd", "§ 31-2 andre ledd", "§ 18-1 tredje ledd", "§ 31-2 tredje ledd",
                   "§ 31-2 første ledd", "§ 18-3"):
        assert needle in cites, needle
    deadline = next(s for s in shipped.steps if "§ 31-2 første ledd" in s.citation)
    assert "§ 27" in deadline.open_question


# -- properties -------------------------------------------------------------------------------
def test_a_document_compared_with_itself_reports_no_differences():
    report = transition("folloregionen", "folloregionen")
    assert report.changed_scenarios == ()
    assert not any(r.changed for r in report.rules)
    assert not any(r.changed for r in report.rights)
    assert {o.status for o in report.organs} == {"continues"}
    assert all(g.changed == 0 for g in report.generated) and report.generated


_PATTERN = st.tuples(*[st.sampled_from(["absent", "for", "against", "dep-for", "dep-against"])] * 6)


@settings(max_examples=60, deadline=None)
@given(pattern=_PATTERN, kind=st.sampled_from(["ordinary", "budsjett", "avtaleendring", "avtaleendring-a-h"]))
def test_any_meeting_run_against_its_own_document_twice_gives_the_same_verdict(pattern, kind):
    from engine.analyses.transition import compare_verdicts, meeting
    from engine.core.sitting import resolve
    from datetime import date

    lib = library()
    doc = lib.document("folloregionen")
    on = date(2022, 6, 1)
    sitting = resolve(doc, "representantskapet", on)
    seats = sorted(sitting.voting_members().values(), key=lambda r: r.seat_key)
    deputy_of = {r.person: h.person for r in seats for h in sitting.holdings
                 if h.office == "representantskap-varamedlem" and h.deputy_for == r.person}
    generated = meeting(sitting, seats, deputy_of, pattern, "representantskapet", on, kind)
    a, b, _ = run_both(generated, "<generert>", doc, doc, lib, engine="reference")
    assert compare_verdicts(a, b) is None and a.valid == b.valid


def _required(fraction: str, members: int) -> int:
    need = Fraction(fraction) * members
    return -(-need.numerator // need.denominator)


# below, at and above the statute's half, and all: each side of the window the test derives
@pytest.mark.parametrize("fraction", ["1/3", "1/2", "2/3", "1"])
def test_changing_the_quorum_fraction_changes_exactly_the_meetings_it_decides(fraction):
    lib = library()
    base = lib.document("folloregionen")
    changed = with_parameter(base, "representantskapet", fraction=fraction, basis="present_and_voting")
    report = transition("folloregionen", "folloregionen", scenarios=[IPR_SCENARIOS], docs=(base, changed))
    members = 6
    low, high = _required("1/2", members), _required(fraction, members)  # statute 1/2 always applies

    expected = set()
    for path in sorted(IPR_SCENARIOS.glob("*.yaml")):
        v = check_file(path)
        if v.organ != "representantskapet":
            continue
        for c in v.cases:
            voted = c.votes.for_ + c.votes.against + c.votes.blank
            if c.outcome != "no_vote" and low <= voted < high and (v.valid or c.outcome != "not_decided"):
                expected.add(str(path.relative_to(ROOT)))
    assert {c.scenario for c in report.changed_scenarios} == expected

    # generated meetings without deputies are exhaustive: 3^6 patterns; p seats present and voting
    in_window = sum(comb(6, p) * 2 ** p for p in range(low, max(low, high)))
    for family in report.generated:
        if family.method != "exhaustive":
            continue
        blocked_anyway = family.case_kind == "avtaleendring-a-h"  # wrong-organ in every pattern
        assert family.changed == (0 if blocked_anyway else in_window), family.name


def test_generated_meetings_are_exhaustive_when_small():
    from datetime import date

    doc = library().document("folloregionen")
    meetings = list(generated_meetings(doc, "representantskapet", date(2022, 6, 1), "ordinary"))
    assert len(meetings) == 3 ** 6 and {m for m, _, _ in meetings} == {"exhaustive"}
    sampled = list(generated_meetings(doc, "representantskapet", date(2022, 6, 1), "ordinary",
                                      deputies=True, limit=100, samples=50))
    assert {m for m, _, _ in sampled} == {"sampled"} and 0 < len(sampled) <= 50


def test_unknown_document_is_a_usage_error():
    from engine.cli.main import main

    with pytest.raises(SystemExit) as exc:
        main(["transition", "--from", "folloradet", "--to", "follo-ipr"])
    assert exc.value.code == 2


def test_the_name_step_is_a_finding_of_section_18_1_third_paragraph(shipped):
    """Kommuneloven § 18-1 tredje ledd: «Rådets navn skal inneholde ordene interkommunalt politisk
    råd.» Folloregionen's name does; the same agreement under its everyday name would not."""
    from engine.analyses.transition.steps import name_finding

    lib = library()
    doc = lib.document("folloregionen")
    statute = lib.statute_for(doc)
    step = next(s for s in shipped.steps if s.finding is not None)
    assert (step.finding.rule, step.finding.severity) == ("ipr-name", "info")
    assert step.finding.citation == "kommuneloven § 18-1 tredje ledd" and step.finding.quote
    renamed = doc.model_copy(update={"title": "Samarbeidsavtale for Folloregionen (til daglig)"})
    missing = name_finding(renamed, statute)
    assert missing.severity == "error" and missing.args["must"] == "interkommunalt politisk råd"
    assert "MANGLER" in render_message(missing, "nb") and "LACKS" in render_message(missing, "en")


def render_message(finding, lang):
    from engine.render.transition import say

    return say(finding, lang)
