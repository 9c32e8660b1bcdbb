"""The effect of an error (issue 12 item 8, fvl. § 41 by analogy): a re-count where the fault can
be removed by one, a reasoned default where it cannot.

Expected effects are derived from the statute text (../shared/domain/sources/):
- § 11-3 femte ledd: «Et folkevalgt organ kan fatte vedtak i en sak som ikke er oppført på
  sakslisten, hvis ikke møtelederen eller 1/3 av de møtende medlemmene motsetter seg det.»
  Removing the fault means the case is not decided at this meeting.
- § 7-8: «Hvis ingen får mer enn halvparten av stemmene, holdes en ny avstemning.» A tied first
  ballot elects no one, so a case not on the agenda that ended so decided nothing to undo.
"""
from __future__ import annotations

import yaml

from engine.core import effects
from engine.core.evaluate import check_file
from engine.core.rules import rulebook

SIX = ["enebakk-2019-fsk-a1", "frogn-2019-fsk-a1", "nesodden-2019-fsk-a1", "nordre-follo-2019-fsk-a1",
       "vestby-2019-fsk-a1", "as-2019-fsk-a1"]


def _election_off_the_agenda(tmp_path, for_, against, blank):
    """Follorådet 18 February 2021: an election not on the agenda, two of six objecting (1/3)."""
    scenario = {"name": "valg utenfor sakslisten", "organ": "folloradet", "date": "2021-02-18",
                "chair": SIX[1], "attendance": [{"person": p} for p in SIX],
                "cases": [{"id": "07/21", "title": "Valg av representant", "kind": "valg",
                           "on_agenda": False, "objections": [SIX[5], SIX[0]],
                           "votes": {"for": for_, "against": against, "blank": blank}}]}
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(scenario, allow_unicode=True), encoding="utf-8")
    return check_file(path)


def test_a_case_off_the_agenda_that_decided_nothing_stands_despite_the_error(tmp_path):
    v = _election_off_the_agenda(tmp_path, SIX[:2], SIX[2:4], SIX[4:])  # 2–2: a new ballot is needed
    (agenda,) = [f for f in v.findings if f.rule == "not-on-agenda"]
    assert (agenda.effect, v.cases[0].outcome) == ("no-effect", "not_decided")
    assert v.cases[0].decision_status == "valid-despite-error" and not v.valid


def test_a_case_off_the_agenda_that_elected_someone_is_invalid(tmp_path):
    v = _election_off_the_agenda(tmp_path, SIX[:3], SIX[3:4], SIX[4:])  # 3–1: elected
    (agenda,) = [f for f in v.findings if f.rule == "not-on-agenda"]
    assert (agenda.effect, v.cases[0].outcome, v.cases[0].decision_status) == (
        "may-have-affected", "not_decided", "invalid")


def test_too_few_voting_may_have_affected_the_decision():
    """2 of 6 voted for (§ 11-9 første ledd needs 3): the four others voting against would have
    rejected the proposal, so the outcome could differ."""
    v = check_file("scenarios/folloradet/2021-02-quorum.yaml")
    (quorum,) = [f for f in v.findings if f.rule == "quorum"]
    assert quorum.effect == "may-have-affected"


def test_every_error_rule_has_a_re_count_or_a_reasoned_default():
    handled = effects.RECOUNTED | effects._VOID_WITHOUT_SEAT | effects._NO_COUNT_TOUCHED | set(effects.DEFAULTS)
    errors = {r.id for r in rulebook().rules if r.severity == "error"}
    assert errors <= handled, sorted(errors - handled)
    for rule, (effect, why) in effects.DEFAULTS.items():
        assert effect in (effects.MAY, effects.NONE) and ("§" in why or "competence" in why), rule


def test_a_habilitet_ruling_reaches_the_case_only_through_a_vote(tmp_path):
    """fvl. § 8 andre ledd: the questioned member voted on his own habilitet (2–3, 2–2 without him),
    so the ruling could have gone the other way; whether that matters is the case's count (fvl. § 41
    by analogy). In a case not put to a vote (orientering) and for someone with no vote (the daglig
    leder, «møte- og talerett», handlingsprogram 2021 kap. 1.2) there is no vote to add or take away."""
    five = [p for p in SIX if p != "nordre-follo-2019-fsk-a1"]
    ruling = {"for": five[:2], "against": five[2:]}  # Enebakk, Frogn inhabil; Nesodden, Vestby, Ås habil
    scenario = {"name": "habilitet uten stemme i saken", "organ": "folloradet", "date": "2021-02-19",
                "chair": SIX[1], "attendance": [{"person": p} for p in five] + [{"person": "daglig-leder"}],
                "cases": [{"id": "09/21", "kind": "orientering",
                           "habilitet": [{"person": SIX[4], "inhabil": False, "votes": ruling}]},
                          {"id": "10/21", "habilitet": [{"person": "daglig-leder", "inhabil": True,  # 1–1 without him
                                                         "votes": {"for": [SIX[0]], "against": [SIX[2], "daglig-leder"]}}],
                           # 3–2; one more against would tie it, and the chair (Frogn) voted against
                           "votes": {"for": [SIX[0], SIX[2], SIX[5]], "against": [SIX[1], SIX[4]]}}]}
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(scenario, allow_unicode=True), encoding="utf-8")
    v = check_file(path)
    rulings = [f for f in v.findings if f.rule == "habilitet-decided-with-member"]
    assert [(f.case, f.effect) for f in rulings] == [("09/21", "no-effect"), ("10/21", "no-effect")]
    assert [c.decision_status for c in v.cases] == ["valid-despite-error", "valid-despite-error"]
