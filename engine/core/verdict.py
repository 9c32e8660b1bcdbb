"""The verdict: what `vedtekt check` finds for one scenario, in ids and values only.

It holds no words: its findings are `engine.core.finding.Finding`s (a message id and its
arguments), and engine/render/report.py prints it as text, Markdown or the contract's JSON in
the language asked, now or later (`vedtekt render`).
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from engine.core.base import Frozen
from engine.core.expected import ExpectedCheck
from engine.core.finding import Finding


class Tally(Frozen):
    for_: int = Field(0, alias="for")
    against: int = 0
    blank: int = 0
    rejected: int = 0


class CaseResult(Frozen):
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


class ScenarioVerdict(Frozen):
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
        """The verdict as plain data, without words (for comparing two verdicts); the contract's
        JSON, with each finding's message worded, is engine.render.report.scenario_json."""
        return self.model_dump(by_alias=True, exclude_none=False)
