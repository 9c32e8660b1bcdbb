"""The benchmark's rounds (engine/cli/bench.py): figures that are compared are measured in turn,
in alternating order, so a drift of the machine's speed during a run touches each alike. No
clock is read here: the judges report made-up rates."""
from engine.cli.bench import _interleaved


def test_the_judges_take_their_rounds_in_turn_first_then_last():
    order = []

    def judge(name):
        return lambda: order.append(name) or 1.0

    _interleaved({"a": judge("a"), "b": judge("b"), "c": judge("c")}, rounds=4)
    assert order == ["a", "b", "c", "c", "b", "a", "a", "b", "c", "c", "b", "a"]


def test_each_judge_gets_the_median_of_its_own_rounds():
    a_rates, b_rates = iter([1.0, 5.0, 3.0, 100.0, 2.0]), iter([7.0, 7.0, 8.0, 6.0, 9.0])
    rates = _interleaved({"a": lambda: next(a_rates), "b": lambda: next(b_rates)}, rounds=5)
    assert rates == {"a": 3.0, "b": 7.0}
