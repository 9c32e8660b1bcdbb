"""The per-sitting bundle of fact parts (engine/core/facts.py _SittingParts) is keyed right: one
per sitting and statute rules, and within it one answer per person and whom he or she attends for,
each the same as the per-sitting functions it gathers."""
from datetime import date

from engine.core import facts
from engine.core.library import library
from engine.core.sitting import resolve

MEETING_DAY = date(2021, 2, 12)
MAYOR, DEPUTY = "frogn-2019-fsk-a1", "frogn-2019-fast-stedfortreder"


def _setting():
    doc = library().documents["folloradet"]
    statute = {r.id: r for r in library().statute_for(doc).rules}
    return doc, statute


def _rules(statute, *ids):
    return tuple(statute[i] for i in ids or ("deputies", "quorum", "chair", "meeting-held"))


def test_one_bundle_per_sitting_and_statute_rules():
    doc, statute = _setting()
    council, meeting = resolve(doc, "folloradet", MEETING_DAY), resolve(doc, "follomotet", MEETING_DAY)
    parts = facts._sitting_parts(council, *_rules(statute))
    assert facts._sitting_parts(council, *_rules(statute)) is parts
    assert facts._sitting_parts(meeting, *_rules(statute)) is not parts
    swapped = facts._sitting_parts(council, *_rules(statute, "quorum", "deputies", "chair", "meeting-held"))
    assert swapped is not parts and swapped.deputies == statute["quorum"]
    assert parts.common == facts._common(council.organ, council.on)
    assert parts.kinds == {k.id: k for k in doc.case_kinds}
    assert parts.meeting == facts._meeting_constants(council, statute["chair"], statute["meeting-held"])
    assert parts.convening == facts._convening_law(council, statute["meeting-held"])
    assert parts.composition == facts._composition_facts(council)


def test_a_case_kinds_law_is_its_own():
    doc, statute = _setting()
    sitting = resolve(doc, "follomotet", MEETING_DAY)
    parts = facts._sitting_parts(sitting, *_rules(statute))
    laws = {k.id: parts.case_law(k) for k in doc.case_kinds}
    assert all(laws[k.id] == facts._case_law(sitting, k, statute["quorum"]) for k in doc.case_kinds)
    assert all(parts.case_law(k) is laws[k.id] for k in doc.case_kinds)
    assert len({law.fields["kind_label"] for law in laws.values()}) == len(laws)


def test_how_a_person_takes_part_is_keyed_on_the_person_and_whom_he_or_she_attends_for():
    doc, statute = _setting()
    sitting = resolve(doc, "folloradet", MEETING_DAY)
    parts = facts._sitting_parts(sitting, *_rules(statute))
    named, unnamed = parts.person(DEPUTY, MAYOR), parts.person(DEPUTY, None)
    assert parts.person(DEPUTY, MAYOR) is named and parts.people[DEPUTY, MAYOR] is named
    assert named.standing == facts._standing(sitting, DEPUTY, MAYOR)
    claim = named.standing.claim
    assert named.claim == named.reported_claim == claim and claim.lawful and named.principal == MAYOR
    assert named.member_like and named.deputy_seat == "frogn" and named.own_seat is None
    assert named.attendee == facts._attendee_fields(sitting, DEPUTY, MAYOR, claim, statute["deputies"])
    assert named.voter == facts._voter_fields(sitting, DEPUTY, MAYOR, claim, statute["deputies"], statute["quorum"])
    assert named.voter["deputy_lawful"] and named.voter["seat"] == "frogn"
    assert named.member == facts._member_fields(sitting, DEPUTY) and named.member["person"] == DEPUTY
    other_day = resolve(doc, "folloradet", date(2015, 3, 1))
    assert facts._member_fields(other_day, DEPUTY)["date"] != named.member["date"]
    # attending for no one named, the seat depends on who is absent: FactBuilder finds the claim
    # per meeting (parts.taking_part), the standing says so
    assert unnamed.standing.infers_principal and unnamed.claim is None
    inferred = sitting.deputy_claim(DEPUTY, None, frozenset({MAYOR}))
    taking = parts.taking_part(DEPUTY, None, unnamed.standing, inferred)
    assert taking.claim == inferred and taking.member_like and taking.deputy_seat == "frogn"
    assert taking.voter == facts._voter_fields(sitting, DEPUTY, None, inferred, statute["deputies"], statute["quorum"])


def test_a_voting_members_votes_stand_in_for_no_one():
    """A mayor attending «for» another keeps the vote: the claim is on the attendance fact, the
    votes and the seat carry none."""
    doc, statute = _setting()
    sitting = resolve(doc, "folloradet", MEETING_DAY)
    parts = facts._sitting_parts(sitting, *_rules(statute))
    other_mayor = parts.person("as-2019-fsk-a1", MAYOR)
    assert other_mayor.standing.votes and other_mayor.attendee["stands_in"]
    assert other_mayor.reported_claim.principal == MAYOR and other_mayor.claim is None
    assert other_mayor.own_seat == "as" and other_mayor.deputy_seat is None and other_mayor.member_like
    assert not other_mayor.voter["stands_in"] and other_mayor.voter["seat"] == "as"
    assert parts.person("as-2019-fsk-a1", None).voter == other_mayor.voter


def test_presence_from_arrivals_and_departures():
    """Present for every case unless a line names the first or last case; a person with two lines
    is present for both spans, attending for the first one named."""
    from engine.core.scenario import Scenario

    scenario = Scenario.model_validate({
        "name": "presence", "organ": "folloradet", "date": MEETING_DAY,
        "cases": [{"id": "1"}, {"id": "2"}, {"id": "3"}],
        "attendance": [{"person": "a"}, {"person": "b", "until_case": "1"},
                       {"person": "b", "from_case": "3", "for": "x"}, {"person": "c", "from_case": "2"},
                       {"person": "c", "for": "y"}]})
    stands_for, here = facts.presence(scenario)
    assert stands_for == {"a": None, "b": "x", "c": "y"}
    assert here == {"1": {"a", "b", "c"}, "2": {"a", "c"}, "3": {"a", "b", "c"}}
    no_cases = scenario.model_copy(update={"cases": (), "attendance": scenario.attendance[:1]})
    assert facts.presence(no_cases) == ({"a": None}, {})


def test_only_the_pairings_the_roster_defines_are_remembered_for_good(monkeypatch):
    """Who attends for whom is the input's to say, and any person may name any other: only a roster
    person attending for no one, or as a lawful deputy of the one named, is kept for the sitting's
    life (bounded by the roster's people and deputy relations); a stranger, a voting member naming
    someone and an unlawful claim are kept in a memo of at most MAX_OTHER_PAIRINGS, started
    afresh when full, and judged the same whether remembered or found again."""
    monkeypatch.setattr(facts, "MAX_OTHER_PAIRINGS", 50)
    doc, statute = _setting()
    sitting = resolve.__wrapped__(doc, "folloradet", MEETING_DAY)  # a fresh sitting: nothing asked yet
    parts = facts._sitting_parts(sitting, *_rules(statute))
    asked = [("no-such-person-1", None), ("as-2019-fsk-a1", MAYOR), (DEPUTY, "as-2019-fsk-a1")]
    first = [parts.person(*pair) for pair in asked]
    assert [pair for pair in asked if pair in parts.people] == []
    assert all(parts.person(*pair) is found for pair, found in zip(asked, first))  # remembered
    parts.others.clear()
    assert first == [parts.person(*pair) for pair in asked]  # the same answer, found again
    assert first[1].own_seat == "as" and not first[2].member_like  # a member keeps his or her seat
    memo_before, claims_before = len(sitting._memo), dict(sitting._memo.get("claims", {}))
    sizes = []
    for i in range(200):  # a stream of pairings grows neither the bundle nor the sitting's memo
        parts.person(DEPUTY, f"as-2019-fsk-a{i}")
        sizes.append(len(parts.others))
    assert max(sizes) == 50 and len(parts.people) == 0 and len(sitting._memo) == memo_before
    assert sitting._memo.get("claims", {}) == claims_before
    parts.person(MAYOR, None), parts.person(DEPUTY, MAYOR)
    assert (MAYOR, None) in parts.people and (DEPUTY, MAYOR) in parts.people
    assert parts.people[DEPUTY, MAYOR].member_like  # Frogn's fixed deputy stands in lawfully for its mayor


def test_each_voters_values_come_sorted():
    """Votes.by_voter gives each voter's values sorted, as vote facts number them (a voter listed
    on several sides, or twice on one, keeps every line)."""
    from engine.core.scenario import Votes

    votes = Votes.model_validate({"for": ["a", "b", "a"], "against": ["b"], "blank": ["a", "c"]})
    assert votes.by_voter() == {"b": ["against", "for"], "a": ["blank", "for", "for"], "c": ["blank"]}
    assert sorted((p, v) for p, vs in votes.by_voter().items() for v in vs) == sorted(votes.lines())


def test_a_sitting_and_its_bundle_are_freed_together_without_the_cycle_collector():
    """The sitting keeps its bundle (per_sitting) and the bundle only a weak reference back: a
    sitting resolve forgets is freed at once, not at the cycle collector's next pass."""
    import gc
    import weakref

    doc, statute = _setting()
    gc.disable()
    try:
        sitting = resolve.__wrapped__(doc, "folloradet", MEETING_DAY)  # not kept by resolve's cache
        parts = facts._sitting_parts(sitting, *_rules(statute))
        assert parts.person(MAYOR, None).own_seat == "frogn" and parts.sitting is sitting
        gone = weakref.ref(sitting)
        del sitting, parts
        assert gone() is None
    finally:
        gc.enable()


def test_cases_with_the_same_people_present_and_inhabil_share_their_seats():
    """FactBuilder._seats_present finds the seats present once per (present, inhabil): cases
    with the same people share them, a case someone left or is inhabil in gets its own, and each
    is what _seat_holders finds afresh for that case."""
    from engine.core.scenario import Scenario

    doc, statute = _setting()
    sitting = resolve(doc, "folloradet", MEETING_DAY)
    members = sorted(r.person for r in sitting.voting_members().values())[:3]
    scenario = Scenario.model_validate({
        "name": "seats", "organ": "folloradet", "date": MEETING_DAY, "chair": members[0],
        "cases": [{"id": "1"}, {"id": "2"}, {"id": "3"}, {"id": "4", "inhabil": [members[1]]}],
        "attendance": [{"person": members[0]}, {"person": members[1]},
                       {"person": members[2], "until_case": "2"}]})
    builder = facts.FactBuilder(scenario, sitting, statute, doc)
    seats = {c.id: builder._seat_persons(c) for c in scenario.cases}
    assert seats["1"] is seats["2"]
    assert len(seats["1"]) == 3 and len(seats["3"]) == 2 and len(seats["4"]) == 1  # 3 and 4: one left
    assert members[2] not in seats["3"].values() and members[1] not in seats["4"].values()
    for case in scenario.cases:
        view = builder._cases[case.id]
        assert seats[case.id] == builder._seat_holders(view.here, view.inhabil)


def _meeting(**stated):
    from engine.core.scenario import Scenario
    return Scenario.model_validate({"name": "declared", "organ": "folloradet", "date": str(MEETING_DAY),
                                    "attendance": [{"person": MAYOR}], "cases": [], **stated})


def test_what_a_meeting_states_of_its_convening_is_remembered_per_statement_and_bounded(monkeypatch):
    """FactBuilder._declared remembers the meeting fact's convening and stated-leadership fields per
    sitting, keyed on what the scenario states. Kommuneloven § 11-2 andre ledd b: the leader
    convenes (Frogn's mayor leads Follorådet on this date by the rotation of vedtekter 2012 pkt.
    4.1.3, as the bench baseline also has it); someone else convening is not entitled. Each
    statement gets its own fields, the same as found afresh, and the memo holds at most
    MAX_DECLARED statements."""
    monkeypatch.setattr(facts, "MAX_DECLARED", 3)
    doc, statute = _setting()
    sitting = resolve(doc, "folloradet", MEETING_DAY)

    def declared(scenario):
        builder = facts.FactBuilder(scenario, sitting, statute, doc)
        fresh = {**builder._stated_leadership(True), **builder._convening()}
        fact = builder.meeting_fact()
        assert {k: fact[k] for k in fresh} == fresh
        return fact

    by_leader = declared(_meeting(convening={"by": MAYOR}))
    by_other = declared(_meeting(convening={"by": "vestby-2019-fsk-a1"}))
    assert by_leader["convened_by_entitled"] and not by_other["convened_by_entitled"]
    assert declared(_meeting(convening={"by": MAYOR}))["convened_by_entitled"]  # remembered, the same
    parts = facts._sitting_parts(sitting, *_rules(statute))
    for i in range(1, 8):
        declared(_meeting(convening={"by": f"as-2019-fsk-a{i}"}))
        assert len(parts.declared) <= 3
