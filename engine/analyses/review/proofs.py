"""The answers of `vedtekt verify` that the review quotes: every built-in property of the decision
rules the draft states (participants and seats, quorum, majorities, casting vote), proved or broken
by the same code as `vedtekt verify --draft FILE` (engine.analyses.verify), each with its clauses
and assumptions. The loophole findings say whether a minority can decide; these answers say it
for every attendance and voting pattern, with the meeting that shows it."""
from __future__ import annotations

from datetime import date
from functools import cached_property

from engine.analyses.review.parse import Draft
from engine.analyses.verify.api import Result, run
from engine.analyses.verify.drafts import rules_of_draft
from engine.analyses.verify.encode import z3
from engine.core.errors import InputError


class DraftProofs:
    """verify's answers on a draft's decision rules, proved when first asked for: a review whose
    findings alone are read (a search, a test, the benchmark's loophole figure) does not pay for
    the solver; the rendered report (Markdown, JSON, HTML) asks, once."""

    def __init__(self, draft: Draft, on: date | None):
        self.draft, self.on = draft, on

    @cached_property
    def result(self) -> Result | None:
        """The answers, or None when there is nothing to quote: z3-solver is not installed (an
        optional extra; the review works without it) or the draft lists fewer than two
        participants (the loophole findings say so)."""
        if z3 is None:
            return None
        try:
            rules = rules_of_draft(self.draft, self.on)
        except InputError:
            return None
        return run(rules)
