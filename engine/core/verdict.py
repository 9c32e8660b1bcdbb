"""The verdict: what `vedtekt check` reports for one scenario (shape fixed by the contract)."""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Out(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True)


class Finding(Out):
    rule: str
    severity: Literal["error", "warning", "info"]
    case: str | None = None
    person: str | None = None
    citation: str
    layer: str | None = None
    message: str
    facts: dict = {}
    assumptions: tuple[str, ...] = ()
    # errors only: could the decision have come out otherwise with the fault removed (fvl. § 41 by analogy)
    effect: Literal["may-have-affected", "no-effect"] | None = None


class Tally(Out):
    for_: int = Field(0, alias="for")
    against: int = 0
    blank: int = 0
    rejected: int = 0


class CaseResult(Out):
    id: str
    title: str | None = None
    kind: str
    valid: bool
    outcome: Literal["adopted", "rejected", "not_decided", "no_vote"]
    votes: Tally
    decided_by: str | None = None  # how the outcome was reached, e.g. majority or casting vote
    # valid: no error; invalid: an error that may have affected it; valid-despite-error: errors, none could
    decision_status: Literal["valid", "invalid", "valid-despite-error"] = "valid"
    chair: str | None = None  # who chaired the case (cases[].chair, default: the meeting's chair)


class ExpectedCheck(Out):
    matches: bool
    differences: tuple[str, ...] = ()


class ScenarioVerdict(Out):
    file: str
    name: str
    date: str
    organ: str
    bylaws: str
    valid: bool
    findings: tuple[Finding, ...]
    cases: tuple[CaseResult, ...]
    checked_rules: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()
    expected: ExpectedCheck | None = None

    def as_json(self) -> dict:
        return self.model_dump(by_alias=True, exclude_none=False)
