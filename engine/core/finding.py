"""One finding, for every command: check, review, authority, payment, calendar and transition.

A finding holds ids and values only: which rule, how serious, the clause it applies (citation and,
where the data has it, the clause's own words), the layer that decided (statute, statute default,
bylaws), where it was found, the facts it rests on, the assumptions it depends on, and the message
as an id with its arguments. The words are made at the edge (engine.render.catalogue), in the
language the reader asks for, so one verdict can be printed in bokmål or English later.
"""
from __future__ import annotations

from typing import Any, Literal

from engine.core.base import Frozen

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


class Location(Frozen):
    """Where a finding was made: a case and person of a meeting, a heading and line of a draft, a
    key path of a data file, or nodes of the authority graph. Every field is optional."""

    file: str | None = None
    heading: str | None = None
    line: int | None = None
    path: tuple[str | int, ...] = ()
    case: str | None = None
    person: str | None = None
    nodes: tuple[str, ...] = ()


class Finding(Frozen):
    rule: str
    severity: Severity
    citation: str
    quote: str | None = None  # the clause's words, from the council's or the statute's data
    layer: str | None = None  # statute | statute-default | bylaws | assumption
    location: Location = Location()
    facts: dict[str, Any] = {}
    assumptions: tuple[str, ...] = ()
    message_id: str  # a key of the message catalogues (engine/messages/<lang>.yaml)
    args: dict[str, Any] = {}  # the values the message is worded from: ids, numbers, dates, names
    # errors of a meeting only: could the decision have come out otherwise with the fault removed
    effect: Literal["may-have-affected", "no-effect"] | None = None

    @property
    def case(self) -> str | None:
        """The case of a meeting the finding is about (location.case), for short."""
        return self.location.case

    @property
    def person(self) -> str | None:
        """The person the finding is about (location.person), for short."""
        return self.location.person


def sort_findings(findings):
    """Errors first, then warnings and notes, each in the order they were found."""
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])
