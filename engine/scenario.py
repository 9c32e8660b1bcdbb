"""Scenario files: a meeting as data, with its expected verdict (see scenarios/README.md)."""
from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field, model_validator

from .model import Roster, Strict

VoteValue = Literal["for", "against", "blank"]
Outcome = Literal["adopted", "rejected", "not_decided", "no_vote"]


class Attendance(Strict):
    person: str
    stands_for: str | None = Field(default=None, alias="for")
    from_case: str | None = None
    until_case: str | None = None


class Innstilling(Strict):
    organ: str
    case: str | None = None
    date: datetime.date | None = None


class Proposal(Strict):
    by: str
    text: str | None = None


class Statement(Strict):
    """A recorded statement (innlegg, merknad) in the deliberation of a case."""

    by: str
    text: str | None = None


class Forfall(Strict):
    """Lawful absence (gyldig forfall, kommuneloven § 8-1 første ledd), from a case on."""

    person: str
    reason: str | None = None
    from_case: str | None = None  # default: the whole meeting


class Votes(Strict):
    """Vote lines by person. A person listed twice has voted twice."""

    for_: tuple[str, ...] = Field(default=(), alias="for")
    against: tuple[str, ...] = ()
    blank: tuple[str, ...] = ()

    def lines(self) -> list[tuple[str, str]]:
        return ([(p, "for") for p in self.for_] + [(p, "against") for p in self.against]
                + [(p, "blank") for p in self.blank])


class Habilitet(Strict):
    """The organ's decision on one member's habilitet (forvaltningsloven § 8 andre ledd)."""

    person: str
    inhabil: bool
    votes: Votes | None = None  # for: the member is inhabil; against: not inhabil


class Case(Strict):
    id: str
    title: str | None = None
    kind: str = "ordinary"
    on_agenda: bool = True
    objections: tuple[str, ...] = ()
    innstilling: Innstilling | None = None
    inhabil: tuple[str, ...] = ()
    habilitet: tuple[Habilitet, ...] = ()
    chair: str | None = None  # who chaired this case (default: the meeting's chair)
    chair_elected: bool = False  # the case's chair was elected for it (leader and vice unavailable)
    proposals: tuple[Proposal, ...] = ()
    statements: tuple[Statement, ...] = ()
    votes: Votes | None = None
    ballot: Literal[1, 2] = 1  # elections (§ 7-8): 2 = the new ballot after no one got a majority
    lot: Literal["for", "against"] | None = None  # elections: the lot drawn after a tied new ballot

    def declared_inhabil(self) -> set[str]:
        """Members declared inhabil: listed, or so decided by the organ (fvl. § 8 andre ledd)."""
        return set(self.inhabil) | {h.person for h in self.habilitet if h.inhabil}


class Convening(Strict):
    by: str | None = None
    notice_date: datetime.date | None = None
    demanded_by: tuple[str, ...] = ()
    innstilling: Innstilling | None = None
    agenda_approved_by: str | None = None


class ExpectedFinding(Strict):
    rule: str
    case: str | None = None
    person: str | None = None
    severity: Literal["error", "warning", "info"] | None = None
    effect: Literal["may-have-affected", "no-effect"] | None = None


class ExpectedCase(Strict):
    outcome: Outcome
    decision_status: Literal["valid", "invalid", "valid-despite-error"] | None = None
    for_: int | None = Field(default=None, alias="for")
    against: int | None = None
    blank: int | None = None
    rejected: int | None = None


class Expected(Strict):
    valid: bool
    findings: tuple[ExpectedFinding, ...] = ()
    near_miss: tuple[str, ...] = ()  # rule ids this meeting narrowly does not breach
    cases: dict[str, ExpectedCase] = {}
    why: str | None = None


class Scenario(Strict):
    name: str
    description: str | None = None
    organ: str
    date: datetime.date
    bylaws: str | None = None
    roster: Roster | None = None
    convening: Convening = Convening()
    chair: str | None = None
    chair_elected: bool = False
    leader: str | None = None  # who the scenario (e.g. the minutes) says leads the organ: rotation-mismatch
    vice: str | None = None  # who it says is vice leader (person id): rotation-mismatch
    invited: tuple[Literal["stortingsrepresentanter"], ...] = ()  # guests invited: `vedtekt calendar`
    attendance: tuple[Attendance, ...]
    forfall: tuple[Forfall, ...] = ()
    cases: tuple[Case, ...] = ()
    expected: Expected | None = None

    @model_validator(mode="after")
    def _unique_cases(self):
        ids = [c.id for c in self.cases]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"case id(s) used twice: {', '.join(dupes)}")
        known = set(ids)
        for line in self.attendance:
            for ref in (line.from_case, line.until_case):
                if ref is not None and ref not in known:
                    raise ValueError(f"attendance of {line.person}: unknown case '{ref}'")
            if line.from_case and line.until_case and ids.index(line.until_case) < ids.index(line.from_case):
                raise ValueError(f"attendance of {line.person}: until_case '{line.until_case}' "
                                 f"comes before from_case '{line.from_case}'")
            if line.stands_for == line.person:
                raise ValueError(f"attendance of {line.person}: a person cannot stand in for himself or herself")
        for f in self.forfall:
            if f.from_case is not None and f.from_case not in known:
                raise ValueError(f"forfall of {f.person}: unknown case '{f.from_case}'")
        for f in self.forfall:  # lawfully absent and present for the same case cannot both be true
            start = ids.index(f.from_case) if f.from_case else 0
            for line in self.attendance:
                if line.person != f.person:
                    continue
                last = ids.index(line.until_case) if line.until_case else len(ids) - 1
                if not ids or last >= start:
                    raise ValueError(f"forfall of {f.person}: the attendance lists the same person as present "
                                     f"{'at the meeting' if not ids else 'for case ' + ids[max(start, 0)]}")
        notice = self.convening.notice_date
        if notice is not None and notice > self.date:
            raise ValueError(f"convening.notice_date {notice} is after the meeting date {self.date}")
        return self

    def forfall_from(self, person: str | None) -> int | None:
        """The index of the first case `person` had forfall for (0: the whole meeting), or None."""
        ids = [c.id for c in self.cases]
        starts = [ids.index(f.from_case) if f.from_case else 0 for f in self.forfall if f.person == person]
        return min(starts) if starts else None

    def has_forfall(self, person: str | None, case_id: str | None = None) -> bool:
        """Forfall for the case (or, without a case, for the whole meeting)."""
        start = self.forfall_from(person)
        if start is None:
            return False
        if case_id is None:
            return start == 0
        return [c.id for c in self.cases].index(case_id) >= start
