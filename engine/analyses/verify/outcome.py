"""What the engine decides for one vote, from its totals: the plain-Python reading.

The engine (engine/core/evaluate.py, engine/core/rules.yaml) judges a case from its tally: the quorum
rules that leave a case undecided (`decides_case` rules over the case fact), then the outcome law
(rules.yaml `outcome:`): the majority of the votes cast, a qualified majority where a competence
sets one, and on a tie the chair's vote outside elections (kommuneloven § 11-9) or a new ballot
in an election (§ 7-8). The solver's encoding (engine/analyses/verify/encode.py) compiles the same
rule conditions; this module evaluates them on concrete totals (the reference path) for the
enumeration that checks the solver, and for the claims written into counterexample files.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from engine.core.evaluate import evaluate_reference
from engine.core.outcome import outcome_fact, read_outcomes
from engine.core.rules import python_predicate, rulebook
from engine.analyses.verify.rules import AGAINST, BLANK, FOR, CouncilRules, KindRule


@dataclass(frozen=True)
class Tally:
    """A vote's totals: seats voting for, against, blank, and present without voting, and the
    chair's own state (None: no chair, nobody present)."""

    for_: int = 0
    against: int = 0
    blank: int = 0
    present: int = 0
    chair: str | None = None

    def counted_blank(self, kind: KindRule) -> int:
        return self.blank if kind.blank_allowed else 0  # a blank vote elsewhere is rejected (§ 8-1)


def case_fact(rules: CouncilRules, kind: KindRule, t: Tally) -> dict:
    """The fields of the engine's case fact that the case-deciding rules read, for a lawful
    meeting (on the agenda, competent organ, innstilling given): see engine/core/facts.py."""
    blank = t.counted_blank(kind)
    voting = t.for_ + t.against + blank
    fact = {"voted": voting > 0, "present_and_voting": voting, "members": rules.members,
            "on_agenda": True, "chair_objected": False, "objectors": 0, "objectors_needed": 0,
            "competent": True, "needs_innstilling": kind.innstilling_from is not None,
            "has_innstilling": True, "required": 0, "bylaws_quorum_count": 0,
            "bylaws_quorum_required": 0}
    for q in rules.quorums:
        count = voting if q.basis == "present_and_voting" else voting + t.present + (t.blank - blank)
        if q.layer.startswith("statute"):
            fact["required"] = max(fact["required"], q.required(rules.members))
        else:
            fact["bylaws_quorum_count"] = count
            fact["bylaws_quorum_required"] = q.required(rules.members)
    return fact


def deciding_rules():
    """The rules that leave a case without a valid decision when they fire (rules.yaml)."""
    return [r for r in rulebook().rules if r.fact == "case" and r.decides_case and r.severity == "error"]


_PREDICATES: list = []


def blocked(fact: dict) -> bool:
    if not _PREDICATES:
        _PREDICATES.extend(python_predicate(r.when) for r in deciding_rules())
    return any(p(fact) for p in _PREDICATES)


def quorate(rules: CouncilRules, kind: KindRule, t: Tally) -> bool:
    return not blocked(case_fact(rules, kind, t))


def outcome(rules: CouncilRules, kind: KindRule, t: Tally, is_blocked: bool | None = None) -> str:
    """adopted | rejected | not_decided | no_vote, as engine/core/evaluate.py decides a case: the
    outcome rules of rules.yaml over the case's count (`is_blocked`: the case-deciding rules'
    answer, when the caller has it already)."""
    counted = t.for_ + t.against + t.counted_blank(kind)
    if counted and is_blocked is None:
        is_blocked = blocked(case_fact(rules, kind, t))
    chair = t.chair if kind.casting_vote and t.chair in (FOR, AGAINST) else None
    return _decided(kind, chair, t.for_, t.against, counted, bool(is_blocked))


@lru_cache(maxsize=1 << 16)
def _decided(kind: KindRule, chair: str | None, for_: int, against: int, counted: int, is_blocked: bool) -> str:
    """The outcome rule that holds (memoised: the enumerations ask the same counts many times)."""
    fact = outcome_fact("o", outcome_case(kind, chair), _Count(for_, against), counted, is_blocked)
    book = rulebook()
    (rule,) = read_outcomes(book, [fact], evaluate_reference(book, [fact]))
    return rule.outcome


class _Count(NamedTuple):
    for_: int
    against: int


def outcome_case(kind: KindRule, chair: str | None) -> dict:
    """The case fields the outcome rules read, for a first ballot of `kind` (engine/core/facts.py
    fills the same from a scenario): the chair's valid vote decides a tie only where the kind
    has a casting vote (a draft may take it away)."""
    chair_vote = chair if kind.casting_vote and chair in (FOR, AGAINST) else "none"
    return {"case": kind.id, "election": kind.election, "ballot": 1, "lot": "none", "chair_vote": chair_vote,
            "qualified": kind.qualified is not None,
            "qualified_fraction": str(kind.qualified) if kind.qualified is not None else "",
            "qualified_citation": kind.citation}


def by_casting_vote(rules: CouncilRules, kind: KindRule, t: Tally) -> bool:
    """Whether the chair's vote settled a tie (the info rule tie-decided-by-chair)."""
    return (outcome(rules, kind, t) in ("adopted", "rejected") and kind.qualified is None
            and kind.casting_vote and not kind.election and t.for_ == t.against > 0
            and t.chair in (FOR, AGAINST))


def law_sends_on(kind: KindRule, t: Tally) -> bool:
    """An election tie goes to lot (§ 7-8); a vote where nobody voted for or against (all
    blank, in an election or appointment) is taken again (an assumption: the sources are silent)."""
    return (t.for_ == 0 and t.against == 0) or (kind.election and t.for_ == t.against)


__all__ = ["Tally", "case_fact", "quorate", "outcome", "outcome_case", "by_casting_vote", "law_sends_on",
           "deciding_rules", "BLANK"]
