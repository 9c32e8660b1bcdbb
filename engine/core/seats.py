"""One seat, one vote (issue 17, item 6): the roster may not give one seat two holders, nor one
person seats for two participants, on the date of a meeting.

A seat whose vote belongs to the participant (`vote_unit: participant`, e.g. Follorådet:
«Hver deltaker har én stemme som forvaltes av ordføreren», handlingsprogram 2021 kap. 1.2) has
one holder per participant; two people holding that office for the same participant on the same
date would let the participant vote twice. A person is a member for one participant only: each
municipality elects its own members («Hvert kommunestyre eller fylkesting velger selv sine
medlemmer», kommuneloven § 18-3 første ledd; applied by analogy before 2021). Both are refused as bad input (exit 2), naming the holdings.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from engine.core.errors import InputError
from engine.core.sitting import Sitting


class _Identity:
    """A cache key that is one object by identity (a Sitting compares by value and has no hash);
    it holds the object, so its id is not reused while the key is cached."""

    __slots__ = ("obj",)

    def __init__(self, obj):
        self.obj = obj

    def __hash__(self) -> int:
        return id(self.obj)

    def __eq__(self, other) -> bool:
        return isinstance(other, _Identity) and other.obj is self.obj


def seat_conflicts(sitting: Sitting) -> tuple[str, ...]:
    """Messages for every seat with two holders and every person on two participants' seats
    (once per sitting: a resolved sitting never changes, and every scenario of a meeting day
    shares it)."""
    return _conflicts(_Identity(sitting))


@lru_cache(maxsize=512)
def _conflicts(key: _Identity) -> tuple[str, ...]:
    sitting = key.obj
    problems = []
    for seat in sitting.organ.seats:
        if seat.vote_unit != "participant" or "vote" not in seat.rights:
            continue
        holders = defaultdict(list)
        for h in sitting._holders(seat):
            holders[h.participant].append(h.person)
        for participant, people in holders.items():
            if len(set(people)) > 1:
                problems.append(
                    f"{_short(sitting, participant)} har {len(set(people))} som har setet «{seat.label or seat.office}» "
                    f"{sitting.on}: {', '.join(sitting.name(p) for p in sorted(set(people)))}; hver deltaker "
                    f"har ett sete og én stemme ({seat.citation})")
    participants = defaultdict(set)
    for person, roles in sitting.roles.items():
        for role in roles:
            if role.kind == "member" and role.can_vote and role.participant:
                participants[person].add(role.participant)
    for person, parts in sorted(participants.items()):
        if len(parts) > 1:
            names = ", ".join(_short(sitting, p) for p in sorted(parts))
            problems.append(f"{sitting.name(person)} har sete for flere deltakere {sitting.on} ({names}); "
                            "et medlem velges av og representerer sin egen deltaker (jf. kommuneloven § 18-3 første "
                            "ledd: «Hvert kommunestyre eller fylkesting velger selv sine medlemmer»)")
    return tuple(problems)


def check_seats(sitting: Sitting, file: str, where: str | None) -> None:
    """Refuse a sitting whose roster breaks one seat, one vote (exit 2)."""
    problems = seat_conflicts(sitting)
    if problems:
        more = f" (og {len(problems) - 1} til)" if len(problems) > 1 else ""
        raise InputError(f"ett sete, én stemme: {problems[0]}{more}", file=file, where=where,
                         hint="rett opp rosteren (roster.holdings): én innehaver per sete og dato")


def _short(sitting: Sitting, participant: str | None) -> str:
    return next((p.short for p in sitting.doc.participants if p.id == participant), participant or "?")
