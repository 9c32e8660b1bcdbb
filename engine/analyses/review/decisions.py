"""The draft's decision rules as a model, and the loophole findings from evaluating it.

Where the draft is silent the statute's rules stand in, and the finding says so: quorum and
majority from kommuneloven § 11-9 (which applies to an IPR as far as it fits, § 18-1 fourth
paragraph) and 2/3 of the votes cast for other amendments (§ 18-4 third paragraph).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from engine.analyses.review.extract import Named, Seats
from engine.analyses.review.lawchecks import amendment_fraction, amendment_sentences, title_location
from engine.analyses.review.loopholes import DecisionRules, Threshold, smallest_to_adopt, smallest_to_block
from engine.analyses.review.model import Finding, Location, finding, sub
from engine.analyses.review.parse import Draft
from engine.analyses.review.text import all_sentences, fraction_in
from engine.analyses.review import statute

_I = re.IGNORECASE
_QUORUM = re.compile(r"vedtaksfør\w*|beslutningsdyktig\w*|vedtaksdyktig\w*", _I)
_ANYONE = re.compile(r"fram\s*møtte|frem\s*møtte|møtande|de\s+som\s+møter|dei\s+som\s+møter", _I)
_MAJORITY = re.compile(r"flertall\w*|fleirtal\w*|enstemmig\w*|samrøystes", _I)


@dataclass
class TextRules:
    rules: DecisionRules
    ordinary: Threshold
    amendment: Threshold
    quorum_at: Location | None
    majority_at: Location | None
    assumed: list[str]  # what came from the statute or an assumption, for the message


def decision_rules(draft: Draft, participants: list[Named], seats: Seats) -> TextRules | None:
    if len(participants) < 2:
        return None
    assumed: list[str] = []
    counts = []
    for p in participants:
        count = seats.seats_of(p.name)
        if count is None:
            count = 1
            if "seats" not in assumed:
                assumed.append("seats")
        counts.append(count)
    quorum, quorum_min, quorum_at = _quorum(draft, assumed)
    ordinary, majority_at = _ordinary(draft, assumed)
    rules = DecisionRules(tuple(counts), tuple(p.short for p in participants), quorum=quorum,
                          quorum_min=quorum_min)
    return TextRules(rules, ordinary, _amendment(draft, assumed), quorum_at, majority_at, assumed)


def _quorum(draft: Draft, assumed: list[str]):
    for sentence in all_sentences(draft.clauses):
        if not _QUORUM.search(sentence.text):
            continue
        if _ANYONE.search(sentence.text):
            return Fraction(0), 1, sentence.location()
        value = fraction_in(sentence.text)
        if value is not None:
            return value, None, sentence.location()
    assumed.append("quorum")
    return statute.quorum_fraction(), None, None


def _ordinary(draft: Draft, assumed: list[str]):
    amendments = {id(s) for s in amendment_sentences(draft)}
    for sentence in all_sentences(draft.clauses):
        if id(sentence) in amendments or not _MAJORITY.search(sentence.text):
            continue
        if re.search(r"\bvalg\b|\bval\b", sentence.text, _I):
            continue
        if re.search(r"enstemmig|samrøystes", sentence.text, _I):
            return Threshold(Fraction(1), strict=False, casting_vote=False), sentence.location()
        if re.search(r"alminnelig|vanlig|simpelt|fler(?:tallet)?\s+av\s+de\s+avgitte", sentence.text, _I):
            return Threshold(), sentence.location()
        value = fraction_in(sentence.text)
        if value is not None and value != statute.quorum_fraction():
            return Threshold(value, strict=False, casting_vote=False), sentence.location()
        return Threshold(), sentence.location()
    assumed.append("majority")
    return Threshold(), None


def _amendment(draft: Draft, assumed: list[str]) -> Threshold:
    value = amendment_fraction(draft)
    if value == "simple":
        return Threshold()
    if value is None:
        assumed.append("amendment")
        value = statute.amendment_majority()
    return Threshold(value, strict=False, casting_vote=False)


# --- the findings ---------------------------------------------------------------------------

def loophole_findings(draft: Draft, found: TextRules | None, where: Location | None = None,
                      amendments: bool = True) -> list[Finding]:
    """`amendments`: also the § 18-4 third paragraph rule for amending the agreement (an IPR only)."""
    where = where or title_location(draft)
    if found is None:
        return [finding(
            "loophole-not-evaluated", "info", "kommuneloven § 11-9; § 18-4 tredje ledd", where,
            "loophole-not-evaluated")]
    amendments = amendment_sentences(draft)
    amendment_at = amendments[0].location() if amendments else where
    assumed = found.assumed if amendments else [a for a in found.assumed if a != "amendment"]
    return evaluate(found.rules, found.ordinary, found.amendment,
                    found.quorum_at or found.majority_at or where, amendment_at, assumed,
                    ("ordinary", "amendment") if amendments else ("ordinary",))


def evaluate(rules: DecisionRules, ordinary: Threshold, amendment: Threshold, ordinary_at: Location,
             amendment_at: Location, assumed: list[str],
             labels: tuple[str, ...] = ("ordinary", "amendment")) -> list[Finding]:
    """Minority findings (warning) and one info finding per kind of decision with the numbers."""
    findings = []
    n = len(rules.seats)
    for label, threshold, at in (("ordinary", ordinary, ordinary_at), ("amendment", amendment, amendment_at)):
        if label not in labels:
            continue
        alone = [c for c in (smallest_to_adopt(rules, threshold, "absent"),
                             smallest_to_adopt(rules, threshold, "against")) if c]
        smallest = min(alone, key=lambda c: (c.size, c.seats)) if alone else None
        any_mix = smallest_to_adopt(rules, threshold, "any")
        block = smallest_to_block(rules, threshold)
        if smallest and 2 * smallest.size < n:
            findings.append(_minority_decides(label, smallest, n, rules, at))
        if block and 2 * block.size < n and label == "ordinary":
            findings.append(_minority_blocks(label, block, n, at))
        findings.append(_summary(label, smallest, any_mix, block, n, rules, at, assumed))
    return findings


def _decision(label: str) -> dict:
    """The kind of decision (ordinary, amendment) in words: words.review-decision."""
    return {"word": "review-decision", "value": label}


_CITE = {"ordinary": "kommuneloven § 11-9; § 18-3 første ledd",
         "amendment": "kommuneloven § 18-4 tredje ledd; § 11-9"}


def _minority_decides(label, coalition, n, rules, at) -> Finding:
    return finding(
        "minority-can-decide", "warning", _CITE[label], at, "minority-can-decide",
        size=coalition.size, n=n, who=", ".join(coalition.participants), seats=coalition.seats,
        members=rules.members, decision=_decision(label))


def _minority_blocks(label, coalition, n, at) -> Finding:
    return finding(
        "minority-can-block", "warning", _CITE[label], at, "minority-can-block",
        size=coalition.size, n=n, who=", ".join(coalition.participants), decision=_decision(label))


def _summary(label, alone, any_mix, block, n, rules, at, assumed) -> Finding:
    def part(c):
        return sub("coalition", size=c.size, n=n, seats=c.seats) if c else sub("no-coalition")
    basis = [{"word": "review-assumed", "value": a} for a in assumed]
    return finding(
        "decision-thresholds", "info", _CITE[label], at, "decision-thresholds",
        decision=_decision(label), alone=part(alone), any_mix=part(any_mix), block=part(block),
        assumed=sub("assumed", basis={"items": basis, "sep": "; "}) if basis else "")


# § 11-9 first paragraph: at least half the members present and voting.
def quorum_check(found: TextRules | None, kind: str = "ipr") -> list[Finding]:
    if found is None or found.quorum_at is None:
        return []
    rules = found.rules
    if rules.quorum_min is None and rules.quorum >= statute.quorum_fraction():
        return []
    return [finding(
        "quorum-below-statute", "error",
        "kommuneloven § 11-9 første ledd; " + ("§ 19-1 fjerde ledd" if kind == "ko" else "§ 18-1 fjerde ledd"),
        found.quorum_at, "quorum-below-statute", needed=rules.quorum_needed(), members=rules.members)]
