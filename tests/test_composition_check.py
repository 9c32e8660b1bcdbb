"""Issue 13, item 3: seat eligibility, both-genders composition and non-binding decisions are judged
in the meeting verdict (`vedtekt check`), by the same checks `vedtekt authority check` runs."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from engine.analyses.composition import composition_findings
from engine.core.eligibility import gender_checks, ineligible_holders
from engine.core.evaluate import Evaluation, check_file, load_scenario
from engine.core.library import library
from engine.core.model import Eligibility, Person
from engine.core.rules import rulebook
from engine.core.sitting import resolve
from engine.render.explain import explain_rule

ROOT = Path(__file__).resolve().parent.parent
NG = ROOT / "scenarios" / "nord-gudbrandsdal"
ISSUE_13_RULES = {"seat-eligibility", "composition-gender", "not-binding"}
SCENARIOS = sorted(ROOT.glob("scenarios/*/*.yaml"))


def _ng_2016():
    return library().documents["nord-gudbrandsdal-2016"]


def _expected():
    return [load_scenario(p)[0].expected for p in SCENARIOS]


def test_each_new_rule_fires_in_a_scenario_and_is_narrowly_missed_in_another():
    fired = {f.rule for e in _expected() if e for f in e.findings}
    missed = {rule for e in _expected() if e for rule in e.near_miss}
    assert ISSUE_13_RULES <= fired
    assert ISSUE_13_RULES <= missed


@pytest.mark.parametrize("rule_id", sorted(ISSUE_13_RULES))
def test_each_new_rule_is_data_cited_and_explained_with_the_councils_words(rule_id):
    rules = rulebook().by_id(rule_id)
    assert rules and all(r.citation_field and r.quote_field and r.layer == "bylaws" for r in rules)
    text = explain_rule(rule_id)
    assert "«" in text and "forklaring:" in text, text


@pytest.mark.parametrize("name, day, rule, node", [
    ("2019-04-opposisjonssetet-sat-i-posisjonen.yaml", date(2019, 4, 10), "seat-eligibility", "ng-vaga-opposisjon"),
    ("2019-06-lesja-berre-kvinner.yaml", date(2019, 6, 12), "composition-gender", "lesja"),
])
def test_authority_check_and_the_meeting_verdict_report_the_same_breach(name, day, rule, node):
    structural = [f for f in composition_findings(_ng_2016(), day) if f.rule == rule]
    meeting = [f for f in check_file(NG / name).findings if f.rule == rule]
    assert [f.location.nodes[-1] for f in structural] == [node]
    assert len(meeting) == 1 and meeting[0].severity == structural[0].severity == "error"
    assert meeting[0].citation == structural[0].citation and meeting[0].quote == structural[0].quote
    assert meeting[0].quote and meeting[0].quote in (ROOT / "bylaws" / "nord-gudbrandsdal-2016.yaml").read_text("utf-8")


@pytest.mark.parametrize("path", [p for p in SCENARIOS if p.name.startswith(("2019-0", "2023-06", "2023-10"))
                                  and p.parent.name in ("nord-gudbrandsdal", "romsdal", "lister-friluftsrad")])
def test_durable_rules_and_the_reference_give_the_same_verdict(path):
    durable, reference = check_file(path, engine="durable"), check_file(path, engine="reference")
    assert durable.findings == reference.findings and durable.cases == reference.cases


def test_a_one_gender_county_is_a_warning_as_its_text_says():
    """«Krav om representasjon frå begge kjønn gjeld også som hovedregel for OFK» (§ 3): with both
    county representatives men, the requirement is failed, as a warning, not an error."""
    scenario, located = load_scenario(NG / "2019-08-ofk-kjonn-fort.yaml")
    doc = _ng_2016()
    people = tuple(Person(**{**p.model_dump(), "gender": "m"}) if p.id == "ng-ofk-1" else p
                   for p in doc.roster.people)
    doc = doc.model_copy(update={"roster": doc.roster.model_copy(update={"people": people})})
    verdict = Evaluation(scenario, located.file, doc, library(), "both").run()
    found = [(f.rule, f.severity, f.args.get("participant")) for f in verdict.findings]
    assert found == [("composition-gender", "warning", "oppland-fk")]
    assert verdict.valid


def test_an_office_eligibility_rule_is_checked_against_the_holders_other_offices():
    """Seat.eligible with `office` (e.g. «a member of formannskapet»): a holder without that office
    for the same participant is not eligible; with it, eligible."""
    doc = _ng_2016()
    organ = doc.organs[0]
    rule = Eligibility(office="ordforer", citation="NG-avtalen 2016 § 3", quote="ordførar")
    seats = tuple(s.model_copy(update={"eligible": rule}) if s.office == "opposisjon" else s for s in organ.seats)
    doc = doc.model_copy(update={"organs": (organ.model_copy(update={"seats": seats}),) + doc.organs[1:]})
    bad = ineligible_holders(resolve(doc, organ.id, date(2018, 6, 1)))
    assert {(b.person, b.why) for b in bad} == {(f"ng-{m}-opposisjon", "not-in-office")
                                                 for m in ("lesja", "dovre", "sel", "vaga", "lom", "skjak")}
    seats = tuple(s.model_copy(update={"eligible": rule}) if s.office == "ordforer" else s for s in organ.seats)
    doc = doc.model_copy(update={"organs": (organ.model_copy(update={"seats": seats}),) + doc.organs[1:]})
    assert ineligible_holders(resolve(doc, organ.id, date(2018, 6, 1))) == []


def test_gender_is_not_assessable_where_the_roster_does_not_record_it():
    checks = {c.participant.id: c.status for c in gender_checks(resolve(_ng_2016(), "regionradet", date(2019, 9, 11)))}
    assert checks == {"lesja": "met", "dovre": "met", "sel": "met", "vaga": "met", "lom": "met", "skjak": "met",
                      "oppland-fk": "not-assessable"}


@pytest.mark.parametrize("args", [["authority", "check", "--council", "nord-gudbrandsdal"],
                                  ["people", "--organ", "regionradet", "--council", "nord-gudbrandsdal"]])
def test_a_missing_required_date_is_a_usage_error_not_an_internal_one(args, capsys):
    """click 8.5 lets a required option with an explicit default=None through as None."""
    from engine.cli.main import main

    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    assert "--date" in capsys.readouterr().err


def test_a_holding_without_a_recorded_group_is_worded_as_such():
    """The roster records no group on the opposition seat's holding: not eligible, and the message
    says no group is recorded (not an empty group name)."""
    from engine.core.library import with_roster
    from engine.core.model import Holding, Roster
    from engine.render.report import finding_message

    scenario, located = load_scenario(NG / "2019-04-opposisjonssetet-tomt-ved-forfall.yaml")
    extra = Roster(people=(Person(id="ng-vaga-ny", name="Nora Dalsen", fictional=True, gender="k"),),
                   holdings=(Holding(person="ng-vaga-ny", office="opposisjon", participant="vaga",
                                     **{"from": date(2019, 4, 1), "to": date(2019, 4, 30)}),))
    doc = with_roster(_ng_2016(), extra)
    scenario = scenario.model_copy(update={"attendance": scenario.attendance + (type(scenario.attendance[0])(person="ng-vaga-ny"),)})
    verdict = Evaluation(scenario, located.file, doc, library(), "both").run()
    (finding,) = [f for f in verdict.findings if f.rule == "seat-eligibility"]
    assert finding.person == "ng-vaga-ny" and finding.args["eligibility_why"] == "no-group"
    assert "ingen gruppe" in finding_message(finding, "nb") and "no group" in finding_message(finding, "en")
