"""Issue 17, item 2: the review's coalition search is not exponential in participants. Past a
small size (or with equal seats) it orders participants by seats instead of trying every subset,
and it finds the same smallest coalitions."""
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.review import loopholes as lh


def _rules(seats):
    return lh.DecisionRules(seats=tuple(seats), names=tuple(f"p{i}" for i in range(len(seats))))


@settings(max_examples=60)
@given(st.lists(st.integers(1, 4), min_size=1, max_size=9), st.sampled_from(lh.OTHERS),
       st.sampled_from([Fraction(1, 2), Fraction(2, 3)]))
def test_ordering_by_seats_finds_the_smallest_coalition(seats, others, fraction):
    rules, threshold = _rules(seats), lh.Threshold(fraction=fraction)
    table = lh._carry_table(rules, threshold, others)
    exhaustive = None
    for size in range(1, len(seats) + 1):  # the old search, written out
        from itertools import combinations
        found = [c for c in combinations(range(len(seats)), size)
                 if table[sum(seats[i] for i in c)] is not None]
        if found:
            exhaustive = size
            break
    fast = lh._smallest_by_seats(rules, lambda own: table[own])
    assert (fast.size if fast else None) == exhaustive
    if fast and len(set(seats)) == 1:  # equal seats: the very same coalition
        assert fast == lh._smallest(rules, lambda own: table[own])


def test_five_hundred_participants_finish():
    rules = _rules([1] * 500)
    adopt = lh.smallest_to_adopt(rules, lh.Threshold(), "absent")
    block = lh.smallest_to_block(rules, lh.Threshold())
    # others away: the coalition must make the quorum itself, half of 500 present and voting
    # (§ 11-9 first paragraph), and then carries every vote: 250. To stop a vote all others
    # support it must outvote them, a tie going to the chair on their side: 251.
    assert adopt.size == 250 and block.size == 251
