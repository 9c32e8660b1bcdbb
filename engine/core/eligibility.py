"""Who may hold a seat, and who must sit together: the pure checks behind seat eligibility and
composition requirements (issue 13, item 3).

Both are declared in the council's bylaws data, each with its citation and quote:

- `Seat.eligible`: the holder of the seat must belong to a group in the seat's own holding
  (e.g. a representative of the opposition) or also hold an office for the same participant
  (e.g. a member of formannskapet);
- `Organ.composition`: e.g. both genders represented among each participant's members; where the roster records no gender for one of them the participant is
  not assessable (neither passed nor failed).

One implementation for both commands: `vedtekt authority check` reports them for the organ on a
date (engine.analyses.composition), and `vedtekt check` judges a meeting by them
(engine.core.facts prepares the facts, engine/core/rules.yaml holds the rules).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from engine.core.model import CompositionRule, Eligibility, Participant, Seat
from engine.core.sitting import Sitting

GenderStatus = Literal["met", "one-gender", "not-assessable"]


@dataclass(frozen=True)
class Ineligible:
    """A seat holder who does not meet the seat's eligibility rule on the sitting's date."""

    person: str
    participant: str | None
    seat: Seat
    rule: Eligibility
    why: Literal["not-in-group", "not-in-office"]
    recorded_group: str | None  # the group the roster records on the holding (None: not recorded)


@dataclass(frozen=True)
class GenderCheck:
    """One participant's members in an organ, against one both-genders requirement."""

    rule: CompositionRule
    participant: Participant
    members: tuple[str, ...]
    genders: tuple[str | None, ...]

    @property
    def status(self) -> GenderStatus:
        if None in self.genders:
            return "not-assessable"
        return "met" if len(set(self.genders)) > 1 else "one-gender"

    @property
    def unknown(self) -> int:
        return sum(g is None for g in self.genders)


def ineligible_holders(sitting: Sitting) -> list[Ineligible]:
    """Every holder of a seat of the sitting's organ who is not eligible for it on its date."""
    out = []
    for seat in sitting.organ.seats:
        rule = seat.eligible
        if rule is None or not seat.in_force(sitting.on) or not rule.in_force(sitting.on):
            continue
        for h in sitting._holders(seat):
            if rule.group is not None and h.group != rule.group:
                why = "not-in-group"
            elif rule.office is not None and not _holds_for(sitting, h.person, rule.office, h.participant):
                why = "not-in-office"
            else:
                continue
            out.append(Ineligible(h.person, h.participant, seat, rule, why, h.group))
    return out


def _holds_for(sitting: Sitting, person: str, office: str, participant: str | None) -> bool:
    """`person` holds `office` on the date, for the same participant as the seat when it has one."""
    return any(participant is None or h.participant in (None, participant)
               for h in sitting.held(person, office))


def gender_checks(sitting: Sitting) -> list[GenderCheck]:
    """Each participant's members of the organ (the roster on the sitting's date) against each
    both-genders requirement in force; participants with no members are left out."""
    if not sitting.organ.composition:  # most organs declare none: skip indexing the roster
        return []
    genders = {p.id: p.gender for p in sitting.doc.roster.people}
    out = []
    for rule in sitting.organ.composition:
        if not rule.in_force(sitting.on):
            continue
        for participant in sitting.doc.participants_on(sitting.on):
            if participant.kind not in rule.per_participant:
                continue
            members = members_of(sitting, participant.id)
            if members:
                out.append(GenderCheck(rule, participant, members, tuple(genders.get(m) for m in members)))
    return out


def members_of(sitting: Sitting, participant: str) -> tuple[str, ...]:
    """The members who sit for `participant` in the organ on the sitting's date, sorted by id."""
    return tuple(sorted({r.person for rs in sitting.roles.values() for r in rs
                         if r.kind == "member" and r.participant == participant}))
