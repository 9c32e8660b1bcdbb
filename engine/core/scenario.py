"""Scenario files: a meeting as data, with its expected verdict (see scenarios/README.md)."""
from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import Field, model_validator

from engine.core.bounds import Count, Date, Id, Text
from engine.core.base import Frozen, FrozenDict
from engine.core.errors import invalid
from engine.core.model import MeetingType, Roster

VoteValue = Literal["for", "against", "blank"]
Outcome = Literal["adopted", "rejected", "not_decided", "no_vote"]


class Attendance(Frozen):
    person: Id
    stands_for: Id | None = Field(default=None, alias="for")
    from_case: Id | None = None
    until_case: Id | None = None


class Innstilling(Frozen):
    organ: Id
    case: Id | None = None
    date: Date | None = None


class Proposal(Frozen):
    by: Id
    text: Text | None = None


class Statement(Frozen):
    """A recorded statement (innlegg, merknad) in the deliberation of a case."""

    by: Id
    text: Text | None = None


class Forfall(Frozen):
    """Lawful absence (gyldig forfall, kommuneloven § 8-1 første ledd), from a case on."""

    person: Id
    reason: Text | None = None
    from_case: Id | None = None  # default: the whole meeting


class Votes(Frozen):
    """Vote lines by person. A person listed twice has voted twice."""

    for_: tuple[Id, ...] = Field(default=(), alias="for")
    against: tuple[Id, ...] = ()
    blank: tuple[Id, ...] = ()

    def lines(self) -> list[tuple[str, str]]:
        return ([(p, "for") for p in self.for_] + [(p, "against") for p in self.against]
                + [(p, "blank") for p in self.blank])

    def by_voter(self) -> dict[str, list[str]]:
        """Each voter's values, sorted (against, blank, for)."""
        found: dict[str, list[str]] = {}
        for value, people in (("against", self.against), ("blank", self.blank), ("for", self.for_)):
            for person in people:
                found.setdefault(person, []).append(value)
        return found


class Habilitet(Frozen):
    """The organ's decision on one member's habilitet (forvaltningsloven § 8 andre ledd)."""

    person: Id
    inhabil: bool
    votes: Votes | None = None  # for: the member is inhabil; against: not inhabil


class Case(Frozen):
    id: Id
    title: Text | None = None
    kind: Id = "ordinary"
    on_agenda: bool = True
    objections: tuple[Id, ...] = ()
    innstilling: Innstilling | None = None
    inhabil: tuple[Id, ...] = ()
    habilitet: tuple[Habilitet, ...] = ()
    chair: Id | None = None  # who chaired this case (default: the meeting's chair)
    chair_elected: bool = False  # the case's chair was elected for it (leader and vice unavailable)
    proposals: tuple[Proposal, ...] = ()
    statements: tuple[Statement, ...] = ()
    votes: Votes | None = None
    ballot: Literal[1, 2] = 1  # elections (§ 7-8): 2 = the new ballot after no one got a majority
    lot: Literal["for", "against"] | None = None  # elections: the lot drawn after a tied new ballot

    def declared_inhabil(self) -> set[str]:
        """Members declared inhabil: listed, or so decided by the organ (fvl. § 8 andre ledd)."""
        return set(self.inhabil) | {h.person for h in self.habilitet if h.inhabil}


class Convening(Frozen):
    by: Id | None = None
    notice_date: Date | None = None
    demanded_by: tuple[Id, ...] = ()
    innstilling: Innstilling | None = None
    agenda_approved_by: Id | None = None


class ExpectedFinding(Frozen):
    rule: Id
    case: Id | None = None
    person: Id | None = None
    severity: Literal["error", "warning", "info"] | None = None
    effect: Literal["may-have-affected", "no-effect"] | None = None


class ExpectedCase(Frozen):
    outcome: Outcome
    decision_status: Literal["valid", "invalid", "valid-despite-error"] | None = None
    for_: Count | None = Field(default=None, alias="for")
    against: Count | None = None
    blank: Count | None = None
    rejected: Count | None = None


class Expected(Frozen):
    valid: bool
    findings: tuple[ExpectedFinding, ...] = ()
    near_miss: tuple[Id, ...] = ()  # rule ids this meeting narrowly does not breach
    cases: FrozenDict[Id, ExpectedCase] = FrozenDict()
    why: Text | None = None


class Scenario(Frozen):
    name: Text
    description: Text | None = None
    organ: Id
    date: Date
    council: Id | None = None  # the council (bylaws `council`); default: bylaws/library.yaml
    bylaws: Id | None = None
    roster: Roster | None = None
    convening: Convening = Convening()
    chair: Id | None = None
    chair_elected: bool = False
    leader: Id | None = None  # who the scenario (e.g. the minutes) says leads the organ: rotation-mismatch
    vice: Id | None = None  # who it says is vice leader (person id): rotation-mismatch
    invited: tuple[Id, ...] = ()  # ids of the document's `invitees` invited to the meeting: `vedtekt calendar`
    meeting_type: MeetingType | None = None  # `vedtekt calendar` (DutyRule.meeting_type)
    attendance: tuple[Attendance, ...]
    forfall: tuple[Forfall, ...] = ()
    cases: tuple[Case, ...] = ()
    expected: Expected | None = None

    @model_validator(mode="after")
    def _unique_cases(self):
        from collections import Counter

        from engine.core.safetext import quote

        position = {c.id: i for i, c in enumerate(self.cases)}  # linear: 10,000 cases stay fast
        dupes = sorted(i for i, n in Counter(c.id for c in self.cases).items() if n > 1)
        if dupes:
            raise invalid("errors.case-id-twice", cases=quote(", ".join(dupes)))
        stands_for: dict[str, str] = {}
        for line in self.attendance:
            who = quote(line.person)
            if line.stands_for is not None:  # one person, one seat: never for two principals
                other = stands_for.setdefault(line.person, line.stands_for)
                if other != line.stands_for:
                    raise invalid("errors.stands-for-two", person=who, first=quote(other),
                                  second=quote(line.stands_for))
            for ref in (line.from_case, line.until_case):
                if ref is not None and ref not in position:
                    raise invalid("errors.attendance-unknown-case", person=who, case=quote(ref))
            if line.from_case and line.until_case and position[line.until_case] < position[line.from_case]:
                raise invalid("errors.attendance-until-before-from", person=who,
                              until=quote(line.until_case), start=quote(line.from_case))
            if line.stands_for == line.person:
                raise invalid("errors.attendance-stands-for-self", person=who)
        for f in self.forfall:
            if f.from_case is not None and f.from_case not in position:
                raise invalid("errors.forfall-unknown-case", person=quote(f.person), case=quote(f.from_case))
        ids = [c.id for c in self.cases]
        last_present = {}  # the last case position each person is listed present for
        for line in self.attendance:
            last = position[line.until_case] if line.until_case else len(ids) - 1
            last_present[line.person] = max(last, last_present.get(line.person, -1))
        for f in self.forfall:  # lawfully absent and present for the same case cannot both be true
            start = position[f.from_case] if f.from_case else 0
            if f.person in last_present and (not ids or last_present[f.person] >= start):
                if not ids:
                    raise invalid("errors.forfall-and-present", person=quote(f.person))
                raise invalid("errors.forfall-and-present-case", person=quote(f.person),
                              case=quote(ids[max(start, 0)]))
        notice = self.convening.notice_date
        if notice is not None and notice > self.date:
            raise invalid("errors.notice-after-meeting", notice=str(notice), date=str(self.date))
        return self

    def forfall_from(self, person: str | None) -> int | None:
        """The index of the first case `person` had forfall for (0: the whole meeting), or None."""
        if not self.forfall:  # most meetings record none: asked for each case's leader and vice
            return None
        starts = [self._case_position[f.from_case] if f.from_case else 0
                  for f in self.forfall if f.person == person]
        return min(starts) if starts else None

    @cached_property
    def _case_position(self) -> dict[str, int]:
        """Each case id's index, computed once (an index() per call is quadratic in cases)."""
        return {c.id: i for i, c in enumerate(self.cases)}

    def has_forfall(self, person: str | None, case_id: str | None = None) -> bool:
        """Forfall for the case (or, without a case, for the whole meeting)."""
        start = self.forfall_from(person)
        if start is None:
            return False
        if case_id is None:
            return start == 0
        return self._case_position[case_id] >= start
