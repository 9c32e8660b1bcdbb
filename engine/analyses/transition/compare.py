"""One scenario judged under both documents, and what differs between the two verdicts."""
from __future__ import annotations

from collections import Counter

from engine.analyses.transition.counterfactual import counterfactual
from engine.analyses.transition.maps import map_scenario, organ_in
from engine.analyses.transition.model import FirstDifference, Join, SideResult, Word, phrase, verdict_word
from engine.core.evaluate import Evaluation
from engine.core.finding import SEVERITY_ORDER, Finding
from engine.core.library import Library, with_roster
from engine.core.model import Document
from engine.core.scenario import Scenario
from engine.core.verdict import ScenarioVerdict


def run_both(scenario: Scenario, file: str, own: Document, other: Document, lib: Library,
             engine: str = "both") -> tuple[ScenarioVerdict, ScenarioVerdict, str] | None:
    """The scenario under its own document and, as a counterfactual, under the other.

    Returns (own verdict, other verdict, other organ id), or None if the organ has no counterpart.
    """
    if scenario.roster:
        own = with_roster(own, scenario.roster)
    target_organ = organ_in(own.id, other.id, scenario.organ, other)
    if target_organ is None:
        return None
    plain = scenario.model_copy(update={"bylaws": None, "roster": None})
    mine = Evaluation(plain, file, own, lib, engine).run()
    mapped = map_scenario(scenario, target_organ, other, own.id, other.id)
    theirs = Evaluation(mapped, file, counterfactual(other, own), lib, engine).run()
    return mine, theirs, target_organ


def _key(f: Finding) -> tuple:
    return (f.rule, f.location.case, f.location.person, f.severity)


def _only_in(mine, other) -> list[Finding]:
    keys = {_key(f) for f in other}
    return [f for f in mine if _key(f) not in keys]


def compare_verdicts(before: ScenarioVerdict, after: ScenarioVerdict) -> FirstDifference | None:
    """The first finding (in report order) that one verdict has and the other lacks, or None:
    errors first, then by case order, a finding under the old bylaws before one under the new."""
    fb, fa = before.findings, after.findings
    merged = [("before", f) for f in _only_in(fb, fa)] + [("after", f) for f in _only_in(fa, fb)]
    if not merged:
        return None
    case_order = {c.id: i for i, c in enumerate(before.cases)}
    side, f = min(merged, key=lambda sf: (SEVERITY_ORDER[sf[1].severity],
                                          case_order.get(sf[1].location.case, -1), sf[0] != "before"))
    return FirstDifference(only_under=side, finding=f)


def outcomes(v: ScenarioVerdict) -> dict[str, str]:
    return {c.id: c.outcome for c in v.cases}


def differs(before: ScenarioVerdict, after: ScenarioVerdict) -> bool:
    """A changed verdict: valid under one and not the other, or a case with another outcome."""
    return before.valid != after.valid or outcomes(before) != outcomes(after)


def side_result(v: ScenarioVerdict, organ: str, cf: bool) -> SideResult:
    return SideResult(bylaws=v.bylaws.split(" ")[0], organ=organ, valid=v.valid, outcomes=outcomes(v),
                      findings=len(v.findings), counterfactual=cf)


def _only_under(side: str) -> Word:
    return Word(group="transition-only-under", value=side)


def _outcome_word(outcome: str | None):
    return Word(group="outcome", value=outcome) if outcome else "–"


def explain(before: ScenarioVerdict, after: ScenarioVerdict, diff: FirstDifference | None) -> Join:
    """Why the verdict changed: the verdicts, each case's outcomes, the first difference and a
    count of every finding by rule that only one side has."""
    parts = []
    if before.valid != after.valid:
        parts.append(phrase("explain-verdict", before=verdict_word(before.valid), after=verdict_word(after.valid)))
    after_outcomes = outcomes(after)
    for cid, o in outcomes(before).items():
        if after_outcomes.get(cid) != o:
            parts.append(phrase("explain-outcome", case=cid, before=_outcome_word(o),
                                after=_outcome_word(after_outcomes.get(cid))))
    if diff:
        f = diff.finding
        parts.append(phrase("explain-first-difference", side=_only_under(diff.only_under), rule=f.rule,
                            message=f, citation=f.citation))
    fb, fa = before.findings, after.findings
    for side, only in (("before", _only_in(fb, fa)), ("after", _only_in(fa, fb))):
        counts = Counter(f.rule for f in only)
        if counts:
            rules = Join(items=tuple(phrase("rule-count", rule=r, n=n) for r, n in counts.items()))
            parts.append(phrase("explain-all-differences", side=_only_under(side), counts=rules))
    return Join(items=tuple(parts), sep="; ")
