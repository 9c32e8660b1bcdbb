"""The outcome of a case from its count: the outcome law of engine/core/rules.yaml (`outcome:`).

Majority (kommuneloven § 11-9 andre ledd første punktum), the chair's casting vote on a tie
(§ 11-9 andre ledd andre punktum), a qualified majority where a competence sets one (e.g.
§ 18-4 tredje ledd, 2/3 of the votes cast) and the election rounds (§ 7-8) are rules over one
outcome fact per case, evaluated like every other rule by durable-rules and by the reference
and cross-checked (engine.core.evaluate). This module only prepares the fact and reads which
rule held: no law is written here.

Shared by the evaluation and the effect analysis (engine.core.effects), which re-counts a case
without the votes an error touched.
"""
from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

from engine.core.errors import InternalError
from engine.core.rules import OutcomeRule, RuleBook
from engine.core.verdict import Tally


class Count(NamedTuple):
    """The two numbers of a count the outcome law reads (a re-count needs no whole Tally)."""

    for_: int
    against: int


def outcome_fact(fact_id: str, case_fact: dict, tally: Tally | Count, counted: int, blocked: bool) -> dict:
    """The outcome fact of a case: its count (`counted` valid votes, blank ones included; the
    tally's for and against), whether a case-deciding error stops it, and how the case is
    decided on a tie (election, ballot, lot, the chair's vote) or by a qualified majority (what
    the outcome rules read from the case fact, engine/core/facts.py FactBuilder.case_fact; one
    dict display: made for every case and every re-count)."""
    cast = tally.for_ + tally.against
    qualified = case_fact["qualified"]
    return {
        "t": "outcome", "id": fact_id, "case": case_fact["case"], "election": case_fact["election"],
        "ballot": case_fact["ballot"], "lot": case_fact["lot"], "chair_vote": case_fact["chair_vote"],
        "qualified": qualified, "qualified_fraction": case_fact["qualified_fraction"],
        "qualified_citation": case_fact["qualified_citation"],
        "votes_counted": counted, "blocked": blocked,
        "votes_for": tally.for_, "votes_against": tally.against, "votes_cast": cast,
        # «minst 2/3 av de avgitte stemmene»: at least the fraction, counted exactly
        "qualified_reached": bool(qualified) and cast > 0
        and Fraction(tally.for_, cast) >= Fraction(case_fact["qualified_fraction"]),
    }


def read_outcomes(book: RuleBook, facts: list[dict], fired: set[tuple[str, str]]) -> list[OutcomeRule]:
    """The outcome rule that held for each fact, in order. The rules are exclusive and cover
    every fact; none or two holding is a defect of the rules (exit 3), never a guess."""
    by_key = book.outcome_by_key
    held: dict[str, list[OutcomeRule]] = {}
    for key, fid in fired:
        if key in by_key:
            held.setdefault(fid, []).append(by_key[key])
    out = []
    for fact in facts:
        rules = held.get(fact["id"], [])
        if len(rules) != 1:
            raise InternalError("errors.internal/outcome-not-one", {
                "n": len(rules), "case": fact["case"], "rules": sorted(r.key for r in rules), "count": _count(fact)})
        out.append(rules[0])
    return out


def _count(fact: dict) -> str:
    return ", ".join(f"{k}={fact[k]}" for k in ("votes_counted", "votes_for", "votes_against", "blocked",
                                                 "qualified", "election", "ballot", "lot", "chair_vote"))
