"""The review's loophole search by seat totals (engine/analyses/review/loopholes.py, issue 14 item 6)
against the exhaustive search over every subset of participants it replaced."""
from __future__ import annotations

from fractions import Fraction
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.analyses.review.loopholes import (DecisionRules, Threshold, _carry_table, _stop_table,
                                     smallest_to_adopt, smallest_to_block)


def exhaustive_smallest(rules: DecisionRules, seats_needed):
    """The former search: every subset, smallest first, then the fewest seats, then the first
    in combinations order."""
    n = len(rules.seats)
    for size in range(1, n + 1):
        best = None
        for chosen in combinations(range(n), size):
            needed = seats_needed(sum(rules.seats[i] for i in chosen))
            if needed is not None and (best is None or needed < best[1]):
                best = (tuple(rules.names[i] for i in chosen), needed)
        if best:
            return best
    return None


_fraction = st.sampled_from([Fraction(1, 3), Fraction(1, 2), Fraction(2, 3), Fraction(3, 4), Fraction(1)])


@settings(max_examples=60)
@given(seats=st.lists(st.integers(1, 4), min_size=2, max_size=10), quorum=_fraction,
       majority=st.sampled_from([Fraction(1, 2), Fraction(2, 3), Fraction(3, 4)]), strict=st.booleans(),
       casting=st.booleans(), others=st.sampled_from(["absent", "against", "any"]))
def test_seat_totals_give_the_exhaustive_answer(seats, quorum, majority, strict, casting, others):
    rules = DecisionRules(tuple(seats), tuple(f"P{i}" for i in range(len(seats))), quorum=quorum)
    threshold = Threshold(majority, strict=strict, casting_vote=casting)
    carry = _carry_table(rules, threshold, others)
    adopt = smallest_to_adopt(rules, threshold, others)
    assert (adopt and (adopt.participants, adopt.seats)) == exhaustive_smallest(rules, lambda own: carry[own])
    stop = _stop_table(rules, threshold)
    block = smallest_to_block(rules, threshold)
    assert (block and (block.participants, block.seats)) == \
        exhaustive_smallest(rules, lambda own: own if stop[own] else None)


def test_fifty_participants_are_decided_by_seat_totals():
    """Kommuneloven § 11-9 første ledd: half of 107 seats is 54 present and voting; with the
    others away, a group carries an ordinary decision alone exactly when it holds 54 seats, so
    the fewest participants are the largest ones until 54 is reached."""
    from engine.analyses.verify.sample import large_draft

    _, names, seats = large_draft(50)
    rules = DecisionRules(tuple(seats), tuple(names))
    needed = -(-rules.members // 2)
    by_size = sorted(seats, reverse=True)
    fewest = next(k for k in range(1, 51) if sum(by_size[:k]) >= needed)
    coalition = smallest_to_adopt(rules, Threshold(), "absent")
    assert coalition.size == fewest and needed <= coalition.seats <= sum(by_size[:fewest])
