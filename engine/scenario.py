"""Scenario files: a meeting as data, with its expected verdict (see scenarios/README.md)."""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .bounds import Count, Date, Id, Text
from .model import Roster, Strict

VoteValue = Literal["for", "against", "blank"]
Outcome = Literal["adopted", "rejected", "not_decided", "no_vote"]


class Attendance(Strict):
    person: Id
    stands_for: Id | None = Field(default=None, alias="for")
    from_case: Id | None = None
    until_case: Id | None = None


class Innstilling(Strict):
    organ: Id
    case: Id | None = None
    date: Date | None = None


class Proposal(Strict):
    by: Id
    text: Text | None = None


class Votes(Strict):
    """Vote lines by person. A person listed twice has voted twice."""

    for_: tuple[Id, ...] = Field(default=(), alias="for")
    against: tuple[Id, ...] = ()
    blank: tuple[Id, ...] = ()

    def lines(self) -> list[tuple[str, str]]:
        return ([(p, "for") for p in self.for_] + [(p, "against") for p in self.against]
                + [(p, "blank") for p in self.blank])


class Case(Strict):
    id: Id
    title: Text | None = None
    kind: Id = "ordinary"
    on_agenda: bool = True
    objections: tuple[Id, ...] = ()
    innstilling: Innstilling | None = None
    inhabil: tuple[Id, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    votes: Votes | None = None


class Convening(Strict):
    by: Id | None = None
    notice_date: Date | None = None
    demanded_by: tuple[Id, ...] = ()
    innstilling: Innstilling | None = None
    agenda_approved_by: Id | None = None


class ExpectedFinding(Strict):
    rule: Id
    case: Id | None = None
    person: Id | None = None
    severity: Literal["error", "warning", "info"] | None = None


class ExpectedCase(Strict):
    outcome: Outcome
    for_: Count | None = Field(default=None, alias="for")
    against: Count | None = None
    blank: Count | None = None
    rejected: Count | None = None


class Expected(Strict):
    valid: bool
    findings: tuple[ExpectedFinding, ...] = ()
    near_miss: tuple[Id, ...] = ()  # rule ids this meeting narrowly does not breach
    cases: dict[Id, ExpectedCase] = {}
    why: Text | None = None


class Scenario(Strict):
    name: Text
    description: Text | None = None
    organ: Id
    date: Date
    bylaws: Id | None = None
    roster: Roster | None = None
    convening: Convening = Convening()
    chair: Id | None = None
    chair_elected: bool = False
    leader: Id | None = None  # who the scenario (e.g. the minutes) says leads the organ: rotation-mismatch
    vice: Id | None = None  # who it says is vice leader (person id): rotation-mismatch
    invited: tuple[Literal["stortingsrepresentanter"], ...] = ()  # guests invited: `vedtekt calendar`
    attendance: tuple[Attendance, ...]
    cases: tuple[Case, ...] = ()
    expected: Expected | None = None

    @model_validator(mode="after")
    def _unique_cases(self):
        from collections import Counter

        from .safetext import quote

        position = {c.id: i for i, c in enumerate(self.cases)}  # linear: 10,000 cases stay fast
        dupes = sorted(i for i, n in Counter(c.id for c in self.cases).items() if n > 1)
        if dupes:
            raise ValueError(f"case id(s) used twice: {quote(', '.join(dupes))}")
        stands_for: dict[str, str] = {}
        for line in self.attendance:
            who = quote(line.person)
            if line.stands_for is not None:  # one person, one seat: never for two principals
                other = stands_for.setdefault(line.person, line.stands_for)
                if other != line.stands_for:
                    raise ValueError(f"{who} møter både for '{quote(other)}' og for "
                                     f"'{quote(line.stands_for)}' (én person fyller ett sete)")
            for ref in (line.from_case, line.until_case):
                if ref is not None and ref not in position:
                    raise ValueError(f"attendance of {who}: unknown case '{quote(ref)}'")
            if line.from_case and line.until_case and position[line.until_case] < position[line.from_case]:
                raise ValueError(f"attendance of {who}: until_case '{quote(line.until_case)}' "
                                 f"comes before from_case '{quote(line.from_case)}'")
            if line.stands_for == line.person:
                raise ValueError(f"attendance of {who}: a person cannot stand in for himself or herself")
        notice = self.convening.notice_date
        if notice is not None and notice > self.date:
            raise ValueError(f"convening.notice_date {notice} is after the meeting date {self.date}")
        return self
