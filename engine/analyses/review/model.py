"""The review's result models: a checklist entry and the report (frozen). A finding is the one
`engine.core.finding.Finding`: its message is an id of the catalogues' `review` section with its
arguments, worded by engine.render.review in the reader's language."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from engine.core.base import Frozen
from engine.core.finding import SEVERITY_ORDER, Finding, Location

__all__ = ["Finding", "Location", "ChecklistEntry", "Report", "finding", "sub", "wrapped", "sort_findings"]


def finding(rule: str, severity: str, citation: str, location: Location, message_id: str,
            **args: Any) -> Finding:
    """A review finding; `message_id` is relative to the catalogues' `review` section."""
    return Finding(rule=rule, severity=severity, citation=citation, location=location,
                   message_id=f"review.{message_id}", args=args)


def sub(message_id: str, **args: Any) -> dict[str, Any]:
    """An argument that is itself a sentence of the `review` section, worded in the same language
    as the sentence that holds it (see engine.render.finding_text)."""
    return {"message": f"review.{message_id}", "args": args}


def wrapped(f: Finding, message_id: str, severity: str | None = None, **args: Any) -> Finding:
    """The finding with its sentence placed inside another (`{inner}` of `message_id`, with `args`),
    and with a new severity if one is given."""
    update: dict[str, Any] = {"message_id": f"review.{message_id}",
                              "args": {"inner": {"message": f.message_id, "args": f.args}, **args}}
    if severity is not None:
        update["severity"] = severity
    return f.model_copy(update=update)


class ChecklistEntry(Frozen):
    letter: str
    item: str
    status: Literal["present", "missing"]
    location: Location | None = None


class Report(Frozen):
    file: str
    date: str
    title: str
    checklist: tuple[ChecklistEntry, ...]
    findings: tuple[Finding, ...]
    # `vedtekt verify`'s answers on the draft's decision rules, proved when first read
    # (engine.analyses.review.proofs.DraftProofs; its `result` None: no participants, no
    # z3-solver), or None for a bylaws file. Left out of the model's dumps: the renderers word it.
    verify: Any = Field(default=None, exclude=True)

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def by_rule(self, rule: str) -> list[Finding]:
        return [f for f in self.findings if f.rule == rule]


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings and notes, each in the order of the text."""
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.location.line or 0, f.rule))
