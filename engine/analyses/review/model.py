"""The review's own result models: a finding, a checklist entry and the report (frozen)."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from typing import Literal

Severity = Literal["error", "warning", "info"]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Location(_Frozen):
    heading: str | None = None
    line: int | None = None


class Finding(_Frozen):
    """One point of the review; the message exists in bokmål and English, the report picks one."""

    rule: str
    severity: Severity
    citation: str
    location: Location
    message_nb: str
    message_en: str

    def message(self, lang: str = "nb") -> str:
        return self.message_en if lang == "en" else self.message_nb


class ChecklistEntry(_Frozen):
    letter: str
    item: str
    status: Literal["present", "missing"]
    location: Location | None = None


class Report(_Frozen):
    file: str
    date: str
    title: str
    checklist: tuple[ChecklistEntry, ...]
    findings: tuple[Finding, ...]

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def by_rule(self, rule: str) -> list[Finding]:
        return [f for f in self.findings if f.rule == rule]


SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings and notes, each in the order of the text."""
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.location.line or 0, f.rule))
