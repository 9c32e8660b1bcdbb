"""The per-sitting caches of fact building (engine/core/facts.py, engine/core/seats.py) are keyed
right: what they remember depends on everything they read, so a scenario's facts are the same
whether the caches are cold or warmed by any other scenario, and two sittings, claims or case kinds
never share an answer."""
from collections import defaultdict
from datetime import date

import pytest

from engine.core import facts
from engine.core.evaluate import load_scenario
from engine.core.library import library, with_roster
from engine.core.model import Holding, Person, Roster
from engine.core.seats import seat_conflicts
from engine.core.sitting import resolve

from .conftest import ROOT, SCENARIOS

FOLLO = ROOT / "scenarios/folloradet"
MEETING_DAY = date(2021, 2, 12)


def _facts_caches():
    """Every functools cache of engine.core.facts, and resolve's: the parts remembered per sitting
    (sitting.per_sitting) go with the sittings resolve forgets."""
    return [f for f in vars(facts).values()
            if hasattr(f, "cache_clear") and getattr(f, "__module__", None) == facts.__name__] + [resolve]


def _all_facts(scenario) -> list[dict]:
    """Every fact of the scenario, each case counted with all its votes (as FactBuilder's caller
    does when no vote is rejected)."""
    lib = library()
    doc = lib.choose(scenario.organ, scenario.date, scenario.bylaws, council=scenario.council)
    if scenario.roster:
        doc = with_roster(doc, scenario.roster)
    statute = {r.id: r for r in lib.statute_for(doc).rules}
    kinds = {k.id: k for k in doc.case_kinds}
    builder = facts.FactBuilder(scenario, resolve(doc, scenario.organ, scenario.date), statute, doc)
    out = builder.attendee_facts() + [builder.meeting_fact()] + builder.composition_facts()
    for case in scenario.cases:
        out += (builder.vote_facts(case, kinds[case.kind]) + builder.proposal_facts(case)
                + builder.act_facts(case))
    votes = defaultdict(list)
    for fact in out:
        if fact["t"] == "vote":
            votes[fact["case"]].append(fact)
    for case in scenario.cases:
        out.append(builder.case_fact(case, kinds[case.kind], votes[case.id]))
        out += builder.member_facts(case, kinds[case.kind], votes[case.id])
    return out


def _shipped_scenarios():
    found = []
    for path in SCENARIOS:
        if "authority" in path.parts:
            continue
        try:
            found.append(load_scenario(path)[0])
        except Exception:  # a scenario refused as bad input has no facts
            continue
    return found


def test_facts_are_the_same_with_cold_and_warm_caches():
    """Every shipped scenario's facts, built once with every cache of engine.core.facts emptied
    and once after all the other scenarios (of other organs, dates, rosters, deputies) have
    filled them: the same facts."""
    scenarios = _shipped_scenarios()
    assert len(scenarios) > 150
    cold = []
    for scenario in scenarios:
        for cache in _facts_caches():
            cache.cache_clear()
        cold.append(_all_facts(scenario))
    warm = [_all_facts(scenario) for scenario in reversed(scenarios)][::-1]
    assert warm == cold


def test_a_fact_is_a_fresh_dict_each_time():
    """The cached parts are merged into new facts: changing one scenario's fact (as the effect
    analysis changes a copy of a case fact) cannot reach the next scenario's."""
    scenario, _ = load_scenario(FOLLO / "2021-02-quorum.yaml")
    first = _all_facts(scenario)
    for fact in first:
        fact["organ_name"] = "changed"
        fact["person_name"] = "changed"
    again = _all_facts(scenario)
    assert all(f.get("organ_name") != "changed" and f.get("person_name") != "changed" for f in again)


def test_a_sitting_is_one_object_per_document_organ_and_date_and_keys_by_identity():
    doc = library().documents["folloradet"]
    sitting = resolve(doc, "folloradet", MEETING_DAY)
    assert resolve(doc, "folloradet", MEETING_DAY) is sitting
    other_day, other_organ = resolve(doc, "folloradet", date(2015, 3, 1)), resolve(doc, "follomotet", MEETING_DAY)
    assert len({sitting, other_day, other_organ}) == 3
    assert sitting != other_day and sitting == sitting


def test_two_sittings_give_a_person_each_sittings_fields():
    """The same mayor and the same statute rules on two sittings (Follorådet and Follomøtet, the
    same day): the cached voter and attendee fields are each sitting's own."""
    doc = library().documents["folloradet"]
    statute = {r.id: r for r in library().statute_for(doc).rules}
    council, meeting = resolve(doc, "folloradet", MEETING_DAY), resolve(doc, "follomotet", MEETING_DAY)
    mayor = "frogn-2019-fsk-a1"
    args = (mayor, None, None, statute["deputies"], statute["quorum"])
    in_council, in_meeting = facts._voter_fields(council, *args), facts._voter_fields(meeting, *args)
    assert in_council["organ_name"] != in_meeting["organ_name"]
    assert in_council["seat"] == "frogn"  # Follorådet: the participant's vote (vote_unit participant)
    assert in_council == facts._voter_fields(council, *args)
    attendee = facts._attendee_fields(council, mayor, None, None, statute["deputies"])
    assert attendee["organ_name"] == in_council["organ_name"] != in_meeting["organ_name"]


def test_two_claims_give_a_person_each_claims_fields():
    """Attending for Frogn's mayor, lawfully (the fixed deputy) or not (a formannskap member who
    is not): the claim is part of the key, so the same person id with two claims gets two answers."""
    doc = library().documents["folloradet"]
    statute = {r.id: r for r in library().statute_for(doc).rules}
    sitting = resolve(doc, "folloradet", MEETING_DAY)
    mayor, person = "frogn-2019-fsk-a1", "frogn-2019-fsk-a2"
    lawful = sitting.deputy_claim("frogn-2019-fast-stedfortreder", mayor, frozenset())
    unlawful = sitting.deputy_claim(person, mayor, frozenset())
    assert lawful.lawful and not unlawful.lawful
    fields = [facts._voter_fields(sitting, person, mayor, claim, statute["deputies"], statute["quorum"])
              for claim in (lawful, unlawful, None)]
    assert [f["deputy_lawful"] for f in fields] == [True, False, False]
    assert [f["stands_in"] for f in fields] == [True, True, False]
    assert [f["principal"] for f in fields] == [mayor, mayor, ""]
    assert fields[0]["seat"] == "frogn" and fields[1]["seat"] != "frogn"


def test_how_an_attendee_sits_depends_on_whom_he_or_she_attends_for():
    """The standing is keyed on the person and stands_for: Frogn's fixed deputy attending for the
    mayor stands in lawfully; attending for no one named, whose seat depends on who is absent (found
    per scenario); a mayor attending for another keeps the vote, with the claim reported."""
    sitting = resolve(library().documents["folloradet"], "folloradet", MEETING_DAY)
    deputy, mayor = "frogn-2019-fast-stedfortreder", "frogn-2019-fsk-a1"
    named, unnamed = facts._standing(sitting, deputy, mayor), facts._standing(sitting, deputy, None)
    assert named.claim.lawful and named.claim.principal == mayor and not named.infers_principal
    assert unnamed.claim is None and unnamed.infers_principal
    other_mayor = facts._standing(sitting, "as-2019-fsk-a1", mayor)
    assert other_mayor.votes and other_mayor.claim.principal == mayor and not other_mayor.claim.lawful


def test_two_case_kinds_give_each_kinds_law():
    doc = library().documents["folloradet"]
    statute = {r.id: r for r in library().statute_for(doc).rules}
    sitting = resolve(doc, "follomotet", MEETING_DAY)
    laws = {k.id: facts._case_law(sitting, k, statute["quorum"]) for k in doc.case_kinds}
    assert len({law.fields["kind_label"] for law in laws.values()}) == len(laws)
    assert len({(law.fields["competent"], law.fields["competence_citation"]) for law in laws.values()}) > 1


@pytest.mark.parametrize("extra_mayor, conflicts", [(False, 0), (True, 1)])
def test_seat_conflicts_are_each_sittings_own(extra_mayor, conflicts):
    """One seat, one vote, remembered per sitting: a roster with a second mayor for Frogn is
    another document, so another sitting, with its own answer."""
    doc = library().documents["folloradet"]
    if extra_mayor:
        doc = with_roster(doc, Roster(
            people=(Person(id="frogn-ekstra", name="Ekstra Ordfører", fictional=True),),
            holdings=(Holding(person="frogn-ekstra", office="ordforer", participant="frogn",
                              **{"from": date(2021, 1, 1)}),)))
    assert len(seat_conflicts(resolve(doc, "folloradet", MEETING_DAY))) == conflicts


def test_the_parts_remembered_for_a_sitting_go_with_it():
    """The facts' per-sitting parts live in the sitting (sitting.per_sitting), so a sitting that
    resolve no longer keeps is freed with its document: a module cache keyed on sittings would
    have kept thousands of them (each scenario with its own roster makes a new sitting)."""
    import gc
    import weakref

    doc = library().documents["folloradet"]
    statute = {r.id: r for r in library().statute_for(doc).rules}
    sitting = resolve.__wrapped__(doc, "folloradet", MEETING_DAY)  # not kept by resolve's cache
    mayor = "frogn-2019-fsk-a1"
    rules = (statute["deputies"], statute["quorum"], statute["chair"], statute["meeting-held"])
    taking = facts._sitting_parts(sitting, *rules).person(mayor, None)
    assert facts._sitting_parts(sitting, *rules).person(mayor, None) is taking  # remembered in the sitting
    assert taking.standing.votes
    assert seat_conflicts(sitting) == ()
    gone = weakref.ref(sitting)
    del sitting
    gc.collect()
    assert gone() is None
