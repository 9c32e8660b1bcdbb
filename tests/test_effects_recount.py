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
