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

from engine.core.errors import InputError, Message, Place
from engine.core.sitting import Sitting, per_sitting


@per_sitting
def seat_conflicts(sitting: Sitting) -> tuple[Message, ...]:
    """Messages for every seat with two holders and every person on two participants' seats
    (once per sitting: a resolved sitting never changes, and every scenario of a meeting day
    shares it; remembered in the sitting, see per_sitting)."""
    problems = []
    for seat in sitting.organ.seats:
        if seat.vote_unit != "participant" or "vote" not in seat.rights:
            continue
        holders = defaultdict(list)
        for h in sitting._holders(seat):
            holders[h.participant].append(h.person)
        for participant, people in holders.items():
            if len(set(people)) > 1:
                problems.append(Message("errors.seat-two-holders", {
                    "participant": _short(sitting, participant), "n": len(set(people)),
                    "seat": seat.label or seat.office, "date": sitting.on,
                    "people": [sitting.name(p) for p in sorted(set(people))], "citation": seat.citation}))
    participants = defaultdict(set)
    for person, roles in sitting.roles.items():
        for role in roles:
            if role.kind == "member" and role.can_vote and role.participant:
                participants[person].add(role.participant)
    for person, parts in sorted(participants.items()):
        if len(parts) > 1:
            problems.append(Message("errors.person-two-participants", {
                "person": sitting.name(person), "date": sitting.on,
                "participants": [_short(sitting, p) for p in sorted(parts)]}))
    return tuple(problems)


def check_seats(sitting: Sitting, file: str, where: Place) -> None:
    """Refuse a sitting whose roster breaks one seat, one vote (exit 2)."""
    problems = seat_conflicts(sitting)
    if problems:
        raise InputError("errors.one-seat-one-vote-more" if len(problems) > 1 else "errors.one-seat-one-vote",
                         {"problem": problems[0], "more": len(problems) - 1}, file=file, where=where,
                         hint=Message("errors.hint/fix-roster"))


def _short(sitting: Sitting, participant: str | None) -> str:
    return next((p.short for p in sitting.doc.participants if p.id == participant), participant or "?")
