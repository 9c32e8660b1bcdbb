"""Engine "both" answers from the reference and checks every batch of a scenario with
durable-rules in one session before the verdict is made: a disagreement on any stage is still
exit 3 (an InternalError), never a printed verdict."""
from pathlib import Path

import pytest

from engine.core import durable_engine
from engine.core.errors import InternalError
from engine.core.evaluate import check_file
from engine.core.rules import RuleBook, compiled_book, rulebook

SCENARIO = "scenarios/folloradet/2021-02-quorum.yaml"  # observer-voted (stage 1), quorum (stage 2)


@pytest.mark.parametrize("dropped", ["observer-voted", "quorum"])
def test_durable_missing_one_firing_of_any_stage_stops_the_verdict(monkeypatch, dropped):
    real = durable_engine.evaluate_groups

    def lossy(book, groups, driver="lean", learning=None):
        return [{kf for kf in answer if not kf[0].startswith(dropped)}
                for answer in real(book, groups, driver, learning)]

    monkeypatch.setattr(durable_engine, "evaluate_groups", lossy)
    with pytest.raises(InternalError, match=f"uenige.*bare referanse: \\[\\('{dropped}"):
        check_file(SCENARIO)


def test_the_rule_book_is_a_hashable_value_compiled_once():
    book = rulebook()
    twin = RuleBook.model_validate(book.model_dump())
    assert twin == book and hash(twin) == hash(book) and twin is not book
    assert compiled_book(twin) is compiled_book(book)  # one compilation per value, not per object
    assert twin.reference is book.reference is compiled_book(book)  # each book reads that one


def _vote_facts(scenario: str) -> list[dict]:
    """The stage-1 facts the reference path builds for a shipped scenario."""
    from engine.core.evaluate import Evaluation, load_scenario
    from engine.core.library import library

    lib = library()
    parsed, _ = load_scenario(scenario)
    doc = lib.choose(parsed.organ, parsed.date, None)
    b = Evaluation(parsed, scenario, doc, lib, "reference").builder
    facts = b.attendee_facts() + [b.meeting_fact()]
    for case in parsed.cases:
        facts += b.vote_facts(case, b.kinds[case.kind])
    return facts


def test_durable_judges_each_distinct_fact_once_and_answers_for_every_fact(monkeypatch):
    """Facts that agree on every field the rules read are one question for durable-rules; the
    answer must still reach each fact's own id, and facts that differ in a read field must not
    merge (then the reference, which judges every fact, would disagree)."""
    book = rulebook()
    facts = _vote_facts(SCENARIO)
    asked: list[int] = []
    real_session = durable_engine._session
    monkeypatch.setattr(durable_engine, "_session",
                        lambda host, batch, fire: asked.append(len(batch)) or real_session(host, batch, fire))
    durable_engine.evaluate(book, facts)
    alone, asked[:] = sum(asked), []
    twins = [{**f, "id": f"{f['id']}-twin", "person_name": "Noen Annen"} for f in facts]  # unread field differs
    answer = durable_engine.evaluate(book, facts + twins)
    reference = ev_reference(book, facts + twins)
    assert answer == reference and sum(asked) == alone < len(facts)  # twins asked nothing new
    assert {fid for _, fid in answer} & {t["id"] for t in twins}  # and got their answers
    voted = next(f for f in facts if f["t"] == "vote" and f["can_vote"])
    changed = {**voted, "id": "changed", "can_vote": False}  # a field the rules read
    reference = ev_reference(book, [voted, changed])
    fired_on = {fid: {key for key, f in reference if f == fid} for fid in (voted["id"], "changed")}
    assert fired_on[voted["id"]] != fired_on["changed"]  # so a wrong merge could not pass
    assert durable_engine.evaluate(book, [voted, changed]) == reference


def ev_reference(book, facts):
    from engine.core.evaluate import evaluate_reference

    return evaluate_reference(book, facts)


def test_two_facts_with_one_id_are_refused():
    facts = _vote_facts(SCENARIO)
    with pytest.raises(InternalError, match="samme id"):
        durable_engine.evaluate(rulebook(), [facts[0], {**facts[1], "id": facts[0]["id"]}])


def _counting_sessions(monkeypatch) -> list[int]:
    """The number of facts of each durable-rules session from now on."""
    asked: list[int] = []
    real_session = durable_engine._session
    monkeypatch.setattr(durable_engine, "_session",
                        lambda host, batch, fire: asked.append(len(batch)) or real_session(host, batch, fire))
    return asked


def test_a_verified_answer_is_recalled_for_a_fact_alike_and_the_verdict_is_the_same(monkeypatch):
    """Engine "both" remembers durable-rules' answers once the reference agreed: checking the same
    meeting again asks durable-rules nothing new, and the verdict is the one both paths gave."""
    durable_engine.forget_verified()
    asked = _counting_sessions(monkeypatch)
    first = check_file(SCENARIO)
    assert sum(asked) > 0
    asked.clear()
    again = check_file(SCENARIO)
    assert asked == [] and again.as_json() == first.as_json()
    assert again.as_json() == check_file(SCENARIO, engine="reference").as_json()


def test_an_answer_the_reference_disagreed_with_is_not_remembered(monkeypatch):
    """A wrong durable answer stops the verdict and is forgotten: the next check asks again."""
    durable_engine.forget_verified()
    real_session = durable_engine._session

    def lossy(host, batch, fire):
        return {kf for kf in real_session(host, batch, fire) if not kf[0].startswith("observer-voted")}

    monkeypatch.setattr(durable_engine, "_session", lossy)
    with pytest.raises(InternalError, match="uenige"):
        check_file(SCENARIO)
    monkeypatch.setattr(durable_engine, "_session", real_session)
    asked = _counting_sessions(monkeypatch)
    findings = {f.rule for f in check_file(SCENARIO).findings}
    assert "observer-voted" in findings and sum(asked) > 0


def test_a_fact_that_differs_in_a_field_the_rules_read_is_asked_anew(monkeypatch):
    """Recall is by every rule-visible field: one changed value is a new question."""
    durable_engine.forget_verified()
    book = rulebook()
    facts = _vote_facts(SCENARIO)
    learning = durable_engine.Learning()
    assert durable_engine.evaluate(book, facts, learning=learning) == ev_reference(book, facts)
    learning.confirm()
    asked = _counting_sessions(monkeypatch)
    vote = next(f for f in facts if f["t"] == "vote")
    changed = {**vote, "id": "changed", "inhabil": not vote["inhabil"]}
    renamed = {**vote, "id": "renamed", "voter_name": "Noen Annen"}  # a field no rule reads
    again = durable_engine.Learning()
    answer = durable_engine.evaluate(book, [changed, renamed], learning=again)
    assert answer == ev_reference(book, [changed, renamed])
    assert asked == [1] and again.recalled == 1  # only the changed fact went to durable-rules


def test_the_remembered_answers_are_bounded(monkeypatch):
    """At most MAX_VERIFIED answers are kept, whatever the batches (a hostile file cannot grow it)."""
    durable_engine.forget_verified()
    book = rulebook()
    scenarios = sorted(Path("scenarios/folloradet").glob("2021-*.yaml"))[:6]
    for limit in (20, 5):
        monkeypatch.setattr(durable_engine, "MAX_VERIFIED", limit)
        sizes = []
        for path in scenarios:
            learning = durable_engine.Learning()
            durable_engine.evaluate(book, _vote_facts(str(path)), learning=learning)
            learning.confirm()
            sizes.append(len(durable_engine._verified))
        assert max(sizes) <= limit and (limit == 5 or min(sizes) > 0), (limit, sizes)
    durable_engine.forget_verified()


class _RaisingRecord(list):
    """The host driver's record of firings, planted to fail in the first action."""

    def append(self, item):
        raise RuntimeError("planted failure in an action")


def test_an_action_that_raises_in_the_host_driver_is_an_internal_error(monkeypatch):
    """durable's Python host catches an exception in a rule's action and writes it into the
    session state (durable-rules.md); the host driver reads the state back and stops, so a
    failed action can never pass as «nothing fired»."""
    book, facts = rulebook(), _vote_facts(SCENARIO)
    assert durable_engine.evaluate(book, facts, driver="host")  # the facts fire rules at all
    monkeypatch.setattr(durable_engine, "_fired", _RaisingRecord())
    with pytest.raises(InternalError) as failed:
        durable_engine.evaluate(book, facts, driver="host")
    assert "planted failure in an action" in str(failed.value)


def test_a_copy_or_a_pickle_of_the_rule_book_compiles_its_own_rules():
    """The compiled reference rules are a cached_property of the book: a copy with fewer rules must
    not fire the original's rules, and a book whose rules were compiled still pickles."""
    import pickle

    book = rulebook()
    assert book.reference is book.reference  # compiled once per book
    fewer = book.model_copy(update={"rules": book.rules[:1]})
    assert fewer.reference is not book.reference
    again = pickle.loads(pickle.dumps(book))
    assert again == book and again.reference is not None
