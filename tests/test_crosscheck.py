"""Engine "both" answers from the reference and checks every batch of a scenario with
durable-rules in one session before the verdict is made: a disagreement on any stage is still
exit 3 (an InternalError), never a printed verdict."""
import pytest

from engine.core import durable_engine
from engine.core.errors import InternalError
from engine.core.evaluate import _compiled, check_file
from engine.core.rules import RuleBook, rulebook

SCENARIO = "scenarios/folloradet/2021-02-quorum.yaml"  # observer-voted (stage 1), quorum (stage 2)


@pytest.mark.parametrize("dropped", ["observer-voted", "quorum"])
def test_durable_missing_one_firing_of_any_stage_stops_the_verdict(monkeypatch, dropped):
    real = durable_engine.evaluate

    def lossy(book, facts, driver="lean"):
        return {kf for kf in real(book, facts, driver) if not kf[0].startswith(dropped)}

    monkeypatch.setattr(durable_engine, "evaluate", lossy)
    with pytest.raises(InternalError, match=f"uenige.*bare referanse: \\[\\('{dropped}"):
        check_file(SCENARIO)


def test_the_rule_book_is_a_hashable_value_compiled_once():
    book = rulebook()
    twin = RuleBook.model_validate(book.model_dump())
    assert twin == book and hash(twin) == hash(book) and twin is not book
    assert _compiled(twin) is _compiled(book)  # one compilation per value, not per object
