"""A verdict against the scenario's own `expected:` block (exit 4 when they differ).

The comparison holds ids and values only, like a finding: each difference is a message id of
the catalogues' `expected` section and its arguments, worded when the verdict is printed
(engine/render/report.py), so `check --lang en` words it in English too.
"""
from __future__ import annotations

from typing import Any

from engine.core.base import Frozen
from engine.core.finding import Finding


class Difference(Frozen):
    """One way the verdict differs from `expected:` (catalogue `expected.<message_id>`)."""

    message_id: str
    args: dict[str, Any] = {}


class ExpectedCheck(Frozen):
    matches: bool
    differences: tuple[Difference, ...] = ()


def compare_expected(scenario, findings: list[Finding], cases) -> ExpectedCheck | None:
    """The scenario's `expected:` against the findings and case results (None: no expected)."""
    exp = scenario.expected
    if exp is None:
        return None
    diffs = _validity(exp, findings) + _findings(exp, findings) + _cases(exp, cases)
    return ExpectedCheck(matches=not diffs, differences=tuple(diffs))


def _validity(exp, findings: list[Finding]) -> list[Difference]:
    valid = not any(f.severity == "error" for f in findings)
    if exp.valid == valid:
        return []
    return [Difference(message_id="expected-invalid-got-valid" if valid else "expected-valid-got-invalid")]


def _findings(exp, findings: list[Finding]) -> list[Difference]:
    diffs = []
    for e in exp.findings:
        if not any(_matches(e, f) for f in findings):
            diffs.append(Difference(message_id="missing-finding",
                                    args={"rule": e.rule, "case": e.case, "person": e.person}))
    for f in findings:
        if not any(_matches(e, f) for e in exp.findings):
            diffs.append(Difference(message_id="unexpected-finding", args={
                "rule": f.rule, "case": f.case, "person": f.person, "message_id": f.message_id}))
    for rule in exp.near_miss:
        if any(f.rule == rule for f in findings):
            diffs.append(Difference(message_id="near-miss-fired", args={"rule": rule}))
    return diffs


def _cases(exp, cases) -> list[Difference]:
    diffs = []
    by_id = {c.id: c for c in cases}
    for case_id, e in exp.cases.items():
        got = by_id.get(case_id)
        if got is None:
            diffs.append(Difference(message_id="no-such-case", args={"case": case_id}))
            continue
        compared = [("outcome", e.outcome, got.outcome),
                    ("decision_status", e.decision_status, got.decision_status),
                    ("for", e.for_, got.votes.for_), ("against", e.against, got.votes.against),
                    ("blank", e.blank, got.votes.blank), ("rejected", e.rejected, got.votes.rejected)]
        for name, want, have in compared:
            if want is not None and want != have:
                diffs.append(Difference(message_id="case-differs", args={
                    "case": case_id, "field": {"word": "expected-field", "value": name},
                    "expected": _value(name, want), "got": _value(name, have)}))
    return diffs


# the word groups of a case's compared values that are ids (the counts are numbers)
_VALUE_WORDS = {"outcome": "outcome", "decision_status": "check-report-status"}


def _value(field: str, value):
    """A compared value as a finding's argument: an id as the word of its group, a count as it is."""
    group = _VALUE_WORDS.get(field)
    return {"word": group, "value": value} if group else value


def _matches(e, f: Finding) -> bool:
    return (e.rule == f.rule and e.case == f.case
            and (e.person is None or e.person == f.person)
            and (e.severity is None or e.severity == f.severity)
            and (e.effect is None or e.effect == f.effect))
