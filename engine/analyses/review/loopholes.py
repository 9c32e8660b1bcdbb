"""Loopholes: who can adopt, amend or block, decided by seat totals.

The draft's decision rules become a small model (`DecisionRules`): each participant's seats, the
quorum (a fraction of all members, counted among those present, or present and voting), the
majority needed (a fraction of the votes cast, strict or not) and whether the chair's vote
decides a tie (kommuneloven § 11-9 second paragraph). Members present must vote (§ 8-1 second
paragraph), so every member present is a vote for or against.

For every number of seats a coalition can hold, and every split of the votes, the evaluation
asks: can a coalition holding that many seats carry a decision with its own votes (the others
all absent, all voting against, or any mix), and can it stop one (the others all voting for)?
A coalition votes as a bloc; the chair is counted on the coalition's side when it adopts and
against it when it blocks, so the answers are the worst case for the agreement. Whether a vote
passes depends only on the totals, so the question becomes which seat totals a group of k
participants can hold: a bitset per k (engine/analyses/verify/totals.py, shared with `vedtekt verify`),
O(n²) steps instead of 2^n subsets, so a 50-participant draft takes milliseconds. The group
reported is the same as the exhaustive search's: the smallest, then the fewest seats, then the
first in the order of the participants.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from engine.analyses.verify.totals import smallest_group

__all__ = ["DecisionRules", "Threshold", "Coalition", "OTHERS", "smallest_to_adopt",
           "smallest_to_block", "passes"]


@dataclass(frozen=True)
class Threshold:
    """A vote passes when `for` reaches `fraction` of the votes cast (strictly more when strict)."""

    fraction: Fraction = Fraction(1, 2)
    strict: bool = True  # "flertallet av de avgitte stemmene": more than half
    casting_vote: bool = True  # § 11-9 (2): on a tie the chair's vote decides


@dataclass(frozen=True)
class DecisionRules:
    seats: tuple[int, ...]  # seats (votes) of each participant
    names: tuple[str, ...]
    quorum: Fraction = Fraction(1, 2)  # of all members
    quorum_basis: str = "present_and_voting"  # or "present"
    quorum_min: int | None = None  # an absolute minimum instead of a fraction, e.g. 1 for "de frammøtte"

    @property
    def members(self) -> int:
        return sum(self.seats)

    def quorum_needed(self) -> int:
        if self.quorum_min is not None:
            return self.quorum_min
        need = self.quorum * self.members
        return int(need) if need.denominator == 1 else int(need) + 1


@dataclass(frozen=True)
class Coalition:
    participants: tuple[str, ...]
    seats: int

    @property
    def size(self) -> int:
        return len(self.participants)


def passes(rules: DecisionRules, threshold: Threshold, votes_for: int, votes_against: int,
           chair_for: bool) -> bool:
    """Whether a vote passes: quorum met and the majority reached (ties per the casting vote)."""
    cast = votes_for + votes_against
    if cast < rules.quorum_needed() or votes_for == 0:
        return False
    need = threshold.fraction * cast
    if votes_for > need:
        return True
    if votes_for == need:
        tie = threshold.fraction == Fraction(1, 2)
        if not threshold.strict:
            return True
        return tie and threshold.casting_vote and chair_for
    return False


OTHERS = ("absent", "against", "any")  # how the members outside the coalition behave


def _carry_table(rules: DecisionRules, threshold: Threshold, others_do: str) -> list[int | None]:
    """For each number of seats a coalition holds: those seats if, all voting for, they carry the
    vote, else None. `others_do`: the other members all stay away, all attend and vote against,
    or any mix of the two. Passing only gets easier with more votes for, so the coalition's
    members all attend. Whether a vote passes depends only on the totals, so one table serves
    every subset of participants."""
    table: list[int | None] = [None]
    for own in range(1, rules.members + 1):
        others = rules.members - own
        against_options = {"absent": [0], "against": [others]}.get(others_do, range(others + 1))
        carries = any(passes(rules, threshold, own, against, True) for against in against_options)
        table.append(own if carries else None)
    return table


def _stop_table(rules: DecisionRules, threshold: Threshold) -> list[bool]:
    """For each number of seats a coalition holds: whether it can stop a vote that every other
    member supports, by choosing how many of its own members attend and vote against. Other
    members voting for is their best case (passing only gets easier with more votes for), and
    the chair is theirs, so a tie goes against the coalition."""
    return [any(not passes(rules, threshold, rules.members - own, against, True)
                for against in range(own + 1))
            for own in range(rules.members + 1)]


def smallest_to_adopt(rules: DecisionRules, threshold: Threshold,
                      others_do: str = "any") -> Coalition | None:
    """The smallest set of participants (then fewest seats) whose votes alone carry a vote
    while the other members behave as `others_do` says (see `OTHERS`)."""
    table = _carry_table(rules, threshold, others_do)
    return _smallest(rules, lambda own: table[own])


def smallest_to_block(rules: DecisionRules, threshold: Threshold) -> Coalition | None:
    """The smallest set of participants (then fewest seats) that can stop a vote all others support."""
    table = _stop_table(rules, threshold)
    return _smallest(rules, lambda own: own if table[own] else None)


def _smallest(rules: DecisionRules, seats_needed) -> Coalition | None:
    found = smallest_group(rules.seats, lambda own: seats_needed(own) is not None)
    if found is None:
        return None
    chosen, own = found
    return Coalition(tuple(rules.names[i] for i in chosen), seats_needed(own))
