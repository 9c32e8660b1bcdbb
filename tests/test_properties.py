"""Properties of the meeting engine over generated Follorådet meetings (hypothesis).

Each generated meeting is judged with engine="both": durable-rules and the reference must agree
or the check raises InternalError, so every example here also tests that agreement.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.core.evaluate import check
from engine.core.scenario import Scenario
from engine.core.yamlio import Located

PARTICIPANTS = ["enebakk", "frogn", "nesodden", "nordre-follo", "vestby", "as"]
MAYOR = {p: f"{p}-2019-fsk-a1" for p in PARTICIPANTS}
DEPUTY = {p: f"{p}-2019-fast-stedfortreder" for p in PARTICIPANTS}
OBSERVERS = ["oslo-2019-observator", "statsforvalteren-2019-observator"]
ADVISERS = ["frogn-2019-radmann", "daglig-leder"]
CHOICES = ["absent", "mayor", "deputy"]
VOTES = ["for", "against", "none"]

seat = st.tuples(st.sampled_from(CHOICES), st.sampled_from(VOTES))
outsider_votes = st.lists(st.tuples(st.sampled_from(OBSERVERS + ADVISERS), st.sampled_from(["for", "against"])),
                          max_size=3)


def meeting(seats, outsiders, kind="ordinary", shuffle=None) -> dict:
    attendance, votes = [], {"for": [], "against": [], "blank": []}
    for participant, (who, vote) in zip(PARTICIPANTS, seats):
        if who == "absent":
            continue
        person = MAYOR[participant] if who == "mayor" else DEPUTY[participant]
        line = {"person": person} if who == "mayor" else {"person": person, "for": MAYOR[participant]}
        attendance.append(line)
        if vote != "none":
            votes[vote].append(person)
    for person, vote in outsiders:
        if {"person": person} not in attendance:
            attendance.append({"person": person})
        votes[vote].append(person)
    if shuffle is not None:
        shuffle.shuffle(attendance)
        for key in votes:
            shuffle.shuffle(votes[key])
    return {"name": "generert", "organ": "folloradet", "date": "2021-02-12",
            "chair": MAYOR["frogn"] if seats[1][0] == "mayor" else None,
            "attendance": attendance or [{"person": "daglig-leder"}],
            "cases": [{"id": "1/21", "kind": kind, "votes": votes}]}


def judge(data: dict):
    scenario = Scenario.model_validate(data)
    return check(scenario, Located(data, {}, "<generert>"), engine="both")


def signature(verdict):
    return (verdict.valid, sorted((f.rule, f.case, f.person, f.severity) for f in verdict.findings),
            [(c.outcome, c.votes) for c in verdict.cases])


PROFILE = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROFILE
@given(st.lists(seat, min_size=6, max_size=6), outsider_votes)
def test_every_vote_is_counted_or_reported(seats, outsiders):
    data = meeting(seats, outsiders)
    verdict = judge(data)
    lines = sum(len(v) for v in data["cases"][0]["votes"].values())
    (case,) = verdict.cases
    t = case.votes
    assert t.for_ + t.against + t.blank + t.rejected == lines
    rejecting = [f for f in verdict.findings if f.case == "1/21" and f.person and f.severity == "error"]
    assert t.rejected <= len(rejecting), "a vote was rejected without a finding"
    for person, _ in outsiders:
        assert any(f.person == person for f in rejecting), f"{person}'s vote was not reported"


@PROFILE
@given(st.lists(seat, min_size=6, max_size=6), outsider_votes, st.randoms(use_true_random=False))
def test_order_of_lines_never_changes_the_verdict(seats, outsiders, rnd):
    assert signature(judge(meeting(seats, outsiders))) == signature(judge(meeting(seats, outsiders, shuffle=rnd)))


@PROFILE
@given(st.lists(seat, min_size=6, max_size=6), outsider_votes)
def test_outsiders_votes_never_change_an_outcome(seats, outsiders):
    with_them = judge(meeting(seats, outsiders)).cases[0]
    without = judge(meeting(seats, [])).cases[0]
    assert with_them.outcome == without.outcome
    assert (with_them.votes.for_, with_them.votes.against) == (without.votes.for_, without.votes.against)


@PROFILE
@given(st.lists(seat, min_size=6, max_size=6), st.sampled_from(PARTICIPANTS), st.sampled_from(["for", "against"]))
def test_adding_a_present_voting_member_never_breaks_quorum(seats, extra, vote):
    seats = list(seats)
    index = PARTICIPANTS.index(extra)
    seats[index] = ("absent", seats[index][1])  # the member who then arrives (no filtering: every example counts)
    before = judge(meeting(seats, []))
    seats[index] = ("mayor", vote)
    after = judge(meeting(seats, []))
    def quorate(v):  # a case without valid votes was never put to a lawful vote
        return v.cases[0].outcome != "no_vote" and not any(f.rule == "quorum" for f in v.findings)

    if quorate(before):
        assert quorate(after)


SMALL = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SMALL
@given(st.lists(seat, min_size=6, max_size=6), outsider_votes)
def test_every_present_seat_without_a_vote_is_named_once(seats, outsiders):
    """kommuneloven § 8-1 andre ledd: each member present who does not vote gets one did-not-vote."""
    verdict = judge(meeting(seats, outsiders))
    any_vote = any(v != "none" for who, v in seats if who != "absent") or bool(outsiders)
    silent = {(MAYOR if who == "mayor" else DEPUTY)[p] for p, (who, v) in zip(PARTICIPANTS, seats)
              if who != "absent" and v == "none"}
    named = [f.person for f in verdict.findings if f.rule == "did-not-vote"]
    assert sorted(named) == (sorted(silent) if any_vote else [])


@SMALL
@given(st.lists(seat, min_size=6, max_size=6), outsider_votes)
def test_effect_and_decision_status_follow_the_contract(seats, outsiders):
    """contract.md: every error has an effect; a case is valid without errors, invalid when one may
    have affected it, valid-despite-error otherwise; the meeting's `valid` keeps its meaning."""
    verdict = judge(meeting(seats, outsiders))
    errors = [f for f in verdict.findings if f.severity == "error"]
    assert all(f.effect in ("may-have-affected", "no-effect") for f in errors)
    assert all(f.effect is None for f in verdict.findings if f.severity != "error")
    assert verdict.valid == (not errors)
    (case,) = verdict.cases
    bearing = [f for f in errors if f.case in (None, case.id)]
    expected = ("valid" if not bearing else "invalid" if any(f.effect == "may-have-affected" for f in bearing)
                else "valid-despite-error")
    assert case.decision_status == expected


@SMALL
@given(st.lists(seat, min_size=6, max_size=6), st.sampled_from(OBSERVERS))
def test_an_observers_void_vote_never_has_an_effect(seats, observer):
    """A vote from someone with no seat is not counted; nothing lawful replaces it (fvl. § 41 by analogy)."""
    verdict = judge(meeting(seats, [(observer, "for")]))
    (finding,) = [f for f in verdict.findings if f.rule == "observer-voted"]
    assert finding.effect == "no-effect"
