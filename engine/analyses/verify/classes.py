"""Exhaustive evaluation by classes of interchangeable members (`vedtekt bench` (e), (e') and
the 50-seat class analysis).

Members the rules cannot tell apart form a class (engine.analyses.verify.totals.classes over the
organ's seats, with the leader's and the vice's participants apart, since they chair): a
pattern's verdict is its class representative's, with the people renamed. The representative of
a pattern gives each class's members the class's states in sorted order; the engine judges each
representative once, and every pattern's verdict is read off it.

Who chairs is itself decided by the attendance (kommuneloven § 11-2: the leader when present,
else the vice): once the leader attends, the vice's member is an ordinary member, and once both
are away, neither is special any more (both are absent). So the classes are taken per chair
situation (`chair_representatives`, `chair_canonical`): the chairing member alone, the chairs
ranked above it absent, everyone else by seats. For six single-seat mayors and five states that
is 854 representatives instead of 1,750 with the leader and vice always apart.
"""
from __future__ import annotations

from collections import Counter
from functools import cache
from itertools import combinations_with_replacement, product
from math import factorial

from engine.analyses.verify.totals import classes


def member_classes(rules) -> list[tuple[int, ...]]:
    """The classes of the organ's participants (indices), from its rules (leader, vice, seats)."""
    return [members for _, members in classes(rules.seats, {rules.leader, rules.vice} - {None})]


def canonical(pattern: tuple[str, ...], groups, order: dict[str, int]):
    """(representative pattern, renaming: representative's participant -> pattern's)."""
    rep = list(pattern)
    rename = {}
    for members in groups:
        by_state = sorted(members, key=lambda i: (order[pattern[i]], i))
        for slot, source in zip(members, by_state):
            rep[slot] = pattern[source]
            rename[slot] = source
    return tuple(rep), rename


def chairs_of(rules) -> tuple[int, ...]:
    """The participants (indices) whose members chair, in the order § 11-2 calls them: leader, vice."""
    return tuple(i for i in (rules.leader, rules.vice) if i is not None)


@cache
def chair_groups(seats: tuple[int, ...], chairs: tuple[int, ...], chairing: int) -> list[tuple[int, ...]]:
    """The classes when `chairs[chairing]` chairs (the chairs before it absent; `chairing` ==
    len(chairs): none of them attends): each of those chairs alone, the rest by seats."""
    return [members for _, members in classes(seats, set(chairs[:chairing + 1]))]


def chair_representatives(seats: tuple[int, ...], chairs: tuple[int, ...], states: tuple[str, ...],
                          absent: str = "absent"):
    """Every representative pattern, per chair situation: the chairs ranked above the one who
    chairs absent, the chairing one in each state but absent, every other class a sorted
    multiset of states."""
    present = tuple(s for s in states if s != absent)
    for chairing in range(len(chairs) + 1):
        groups = chair_groups(seats, chairs, chairing)
        options = []
        for members in groups:
            if members[0] in chairs[:chairing]:
                options.append([(absent,)])
            elif chairing < len(chairs) and members[0] == chairs[chairing]:
                options.append([(s,) for s in present])
            else:
                options.append(list(combinations_with_replacement(states, len(members))))
        for choice in product(*options):
            rep = [None] * len(seats)
            for members, chosen in zip(groups, choice):
                for slot, state in zip(members, chosen):
                    rep[slot] = state
            yield tuple(rep)


def chair_canonical(pattern: tuple[str, ...], seats: tuple[int, ...], chairs: tuple[int, ...],
                    order: dict[str, int], absent: str = "absent"):
    """(representative pattern, renaming) of `pattern` under its own chair situation."""
    chairing = next((k for k, c in enumerate(chairs) if pattern[c] != absent), len(chairs))
    return canonical(pattern, chair_groups(seats, chairs, chairing), order)


def compositions(total: int, parts: int):
    """Every way to write `total` as `parts` ordered non-negative counts."""
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in compositions(total - first, parts - 1):
            yield (first,) + rest


def class_analysis(rules, kind, states=("absent", "for", "against", "blank")) -> dict:
    """Every attendance and voting pattern of one case, by class, with the plain evaluation of
    the rules (engine/analyses/verify/outcome.py, the rules.yaml conditions): per class, how many of its
    members are in each state (a representative), weighted by the number of patterns it stands
    for (a multinomial); the number of patterns ending in each outcome."""
    from engine.analyses.verify.outcome import Tally, outcome

    groups = member_classes(rules)
    fact = [factorial(k) for k in range(rules.n + 1)]
    options = []  # per class: (seat totals per state, patterns, chair state if it chairs)
    for members in groups:
        seats, size = rules.seats[members[0]], len(members)
        chairs = members[0] in (rules.leader, rules.vice)
        row = []
        for counts in compositions(size, len(states)):
            ways = fact[size]
            for k in counts:
                ways //= fact[k]
            chair = next((st for st, k in zip(states, counts) if k), None) if chairs else None
            row.append((tuple(k * seats for k in counts), ways, chair))
        options.append((members[0], row))
    index = {st: i for i, st in enumerate(states)}
    # Convolve the classes: a distribution over (for, against, blank, present, chair) seat
    # totals with the number of patterns behind each; the chairing classes (leader first) decide
    # the chair: the first of them present.
    order = sorted(range(len(options)), key=lambda c: (options[c][0] != rules.leader, options[c][0] != rules.vice))
    pick = [index.get(st) for st in ("for", "against", "blank", "present")]
    dist = {(0, 0, 0, 0, None): 1}
    reps = 1
    for c in order:
        row = options[c][1]
        reps *= len(row)
        nxt: dict = {}
        for (f, g, b, p, chair), ways in dist.items():
            for seat_totals, count, own in row:
                key = (f + (seat_totals[pick[0]] if pick[0] is not None else 0),
                       g + (seat_totals[pick[1]] if pick[1] is not None else 0),
                       b + (seat_totals[pick[2]] if pick[2] is not None else 0),
                       p + (seat_totals[pick[3]] if pick[3] is not None else 0),
                       chair if chair not in (None, "absent") else own)
                nxt[key] = nxt.get(key, 0) + ways * count
        dist = nxt
    from engine.analyses.verify.outcome import blocked, case_fact

    totals: Counter = Counter()
    quorum: dict = {}  # the case-deciding rules read the counts only, never the chair
    for (f, g, b, p, chair), ways in dist.items():
        if (f, g, b, p) not in quorum:
            quorum[f, g, b, p] = blocked(case_fact(rules, kind, Tally(f, g, b, p)))
        t = Tally(f, g, b, p, None if chair == "absent" else chair)
        totals[outcome(rules, kind, t, quorum[f, g, b, p])] += ways
    return {"representatives": reps, "evaluated": len(dist), "patterns": sum(totals.values()),
            "outcomes": dict(totals), "classes": [len(g) for g in groups]}
