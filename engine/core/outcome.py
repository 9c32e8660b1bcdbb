"""The outcome of a case from its tally: majority, qualified majority, casting vote, election ties.

Shared by the evaluation (engine.core.evaluate) and the effect analysis (engine.core.effects),
which re-counts a case without the votes an error touched.
"""
from __future__ import annotations

from engine.core.model import CaseKind
from engine.core.verdict import Tally


def case_outcome(kind: CaseKind, tally: Tally, counted, blocked: bool, fact: dict):
    if not counted:  # no valid vote was cast: nothing was put to a lawful vote
        return "no_vote", None
    if blocked:
        return "not_decided", None
    if fact.get("qualified"):  # e.g. § 18-4 tredje ledd: at least 2/3 of the votes cast
        if tally.for_ + tally.against == 0:
            return "not_decided", None
        return ("adopted", "qualified-majority") if fact["qualified_reached"] else ("rejected", "qualified-majority")
    if tally.for_ > tally.against:
        return "adopted", "majority"
    if tally.for_ < tally.against:
        return "rejected", "majority"
    if tally.for_ == 0:
        return "not_decided", None
    if kind.election:  # § 7-8: a tie on the first ballot needs a new one; on the new one, a lot
        if fact.get("ballot", 1) < 2:
            return "not_decided", "new-ballot-required"
        if fact.get("lot", "none") == "none":
            return "not_decided", "lot-required"
        return ("adopted", "lot") if fact["lot"] == "for" else ("rejected", "lot")
    if fact["chair_vote"] == "for":
        return "adopted", "casting-vote"
    if fact["chair_vote"] == "against":
        return "rejected", "casting-vote"
    return "rejected", "tie-no-majority"
