"""Deciding by seat totals: who can carry or stop a vote depends on how many seats a group holds
and how many participants it has, not on which they are. Shared by `vedtekt verify` and the
review's loophole search (engine/analyses/review/loopholes.py); no solver needed here.
"""
from __future__ import annotations

from typing import Callable, Sequence


def reachable(seats: Sequence[int]) -> list[list[int]]:
    """reach[i][k]: a bitset of the seat totals that exactly k of the participants i, i+1, ...
    can hold together (bit s set when some k of them hold s seats). O(n²) big-integer steps
    instead of 2^n subsets."""
    n = len(seats)
    reach = [[0] * (n + 2) for _ in range(n + 1)]
    reach[n][0] = 1
    for i in range(n - 1, -1, -1):
        reach[i][0] = 1
        for k in range(1, n - i + 1):
            reach[i][k] = reach[i + 1][k] | (reach[i + 1][k - 1] << seats[i])
    return reach


def first_group(seats: Sequence[int], reach: list[list[int]], size: int, total: int) -> tuple[int, ...]:
    """The first group (in the order of itertools.combinations) of `size` participants holding
    exactly `total` seats: take each participant, in order, whenever the rest can still make it."""
    chosen: list[int] = []
    for i, s in enumerate(seats):
        if size == 0:
            break
        if total >= s and reach[i + 1][size - 1] >> (total - s) & 1:
            chosen.append(i)
            size, total = size - 1, total - s
    return tuple(chosen)


def smallest_group(seats: Sequence[int], enough: Callable[[int], bool]) -> tuple[tuple[int, ...], int] | None:
    """The smallest group of participants (then the fewest seats) whose seat total satisfies
    `enough`, as (indices, seats); the first such group in combinations order; None if none."""
    reach = reachable(seats)
    for size in range(1, len(seats) + 1):
        bits, total = reach[0][size], 0
        while bits:
            if bits & 1 and enough(total):
                return first_group(seats, reach, size, total), total
            bits >>= 1
            total += 1
    return None


def classes(seats: Sequence[int], special: set[int] = frozenset()) -> list[tuple[int, tuple[int, ...]]]:
    """Participants the rules cannot tell apart, grouped: the same number of seats and none of
    `special` (e.g. the participants whose members chair). Each class as (seats, indices)."""
    groups: dict[tuple, list[int]] = {}
    for i, s in enumerate(seats):
        key = ("one", i) if i in special else ("class", s)
        groups.setdefault(key, []).append(i)
    return [(seats[idx[0]], tuple(idx)) for idx in groups.values()]
