"""Counterexamples as meetings: a solver pattern written as a scenario file for `vedtekt check`.

The seats of each participant are filled by the people the engine seats for the organ on the
date (engine.core.sitting.resolve); the leader's and vice leader's own seats carry their states, and
the chair is the one kommuneloven § 11-2 tredje ledd gives: the leader when present, else the
vice, else a member the meeting elects. The file's `expected` is the solver's claim (outcome,
validity, the findings the claim implies), so `vedtekt check` reports whether the rules engine
agrees with the proof engine.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from engine.core.errors import InputError, Message, os_reason
from engine.analyses.verify.encode import Pattern
from engine.analyses.verify.outcome import outcome, quorate
from engine.analyses.verify.rules import ABSENT, AGAINST, BLANK, FOR, PRESENT, CouncilRules, KindRule

CASE_ID = "1/V"


def seat_holders(rules: CouncilRules) -> dict[str, list[str]]:
    """Participant id -> the people holding its voting seats, leader and vice first."""
    from engine.core.library import library
    from engine.core.sitting import resolve

    doc = library().document(rules.document)
    sitting = resolve(doc, rules.organ, rules.on)
    people: dict[str, list[str]] = {pid: [] for pid in rules.ids}
    for role in sitting.voting_members().values():
        if role.participant in people:
            people[role.participant].append(role.person)
    for pid, persons in people.items():
        persons.sort(key=lambda p: (p != sitting.leader, p != sitting.vice, p))
    return people, sitting.leader, sitting.vice


def scenario(rules: CouncilRules, kind: KindRule, pattern: Pattern, prop_id: str, message: str) -> dict:
    holders, leader, vice = seat_holders(rules)
    states: dict[str, str] = {}
    for i, pid in enumerate(rules.ids):
        f, g, b, p = pattern.counts[i]
        queue = list(holders[pid])
        fixed = {leader: pattern.leader, vice: pattern.vice}
        need = {FOR: f, AGAINST: g, BLANK: b, PRESENT: p}
        for person in queue:  # the leader's and vice's own seats first
            if person in fixed and fixed[person] != ABSENT:
                states[person] = fixed[person]
                need[fixed[person]] -= 1
        for person in queue:
            if person in states or person in (leader, vice):
                continue
            state = next((s for s in (FOR, AGAINST, BLANK, PRESENT) if need[s] > 0), ABSENT)
            if state != ABSENT:
                need[state] -= 1
                states[person] = state
        if any(v != 0 for v in need.values()):
            raise InputError("errors.cannot-fill-seats", {"participant": pid, "property": prop_id})
    chair, elected = _chair(states, leader, vice, pattern)
    t = pattern.tally()
    votes = {s: sorted(p for p, v in states.items() if v == s) for s in (FOR, AGAINST, BLANK)}
    case = {"id": CASE_ID, "title": f"Motbevis for {prop_id}", "kind": kind.kinds[0],
            "votes": {k: v for k, v in votes.items() if v}}
    if kind.innstilling_from:
        case["innstilling"] = {"organ": kind.innstilling_from}
    claim = outcome(rules, kind, t)
    data = {
        "name": f"vedtekt verify: motbevis for {prop_id}",
        "description": f"Skrevet av vedtekt verify. Løseren hevder: {message} Møtet er løserens "
                       f"eksempel; forventet dom er løserens påstand ({_claim_text(rules, kind, t)}), "
                       "slik at vedtekt check viser om regelmotoren er enig.",
        "organ": rules.organ, "date": rules.on.isoformat(), "bylaws": rules.document,
    }
    if chair:
        data["chair"] = chair
        if elected:
            data["chair_elected"] = True
    data["attendance"] = [{"person": p} for p in sorted(states)]
    data["cases"] = [case]
    data["expected"] = _expected(rules, kind, t, claim, sorted(states))
    return data


def _chair(states, leader, vice, pattern: Pattern):
    if leader in states:
        return leader, False
    if vice in states:
        return vice, False
    if pattern.elected and pattern.elected != ABSENT:
        chosen = next((p for p, s in sorted(states.items()) if s == pattern.elected), None)
        return chosen, chosen is not None
    return None, False


def _claim_text(rules, kind, t) -> str:
    return (f"{t.for_} for, {t.against} mot, {t.blank} blanke, {t.present} til stede uten å stemme; "
            f"utfall {outcome(rules, kind, t)}; vedtaksført: {'ja' if quorate(rules, kind, t) else 'nei'}")


def _expected(rules: CouncilRules, kind: KindRule, t, claim: str, present: list[str]) -> dict:
    """The verdict the solver's reading of the law gives this meeting."""
    findings = []
    counted = t.for_ + t.against + (t.blank if kind.blank_allowed else 0)
    if counted and not quorate(rules, kind, t):
        findings.append({"rule": "quorum", "case": CASE_ID})
    tie = counted and t.for_ == t.against and t.for_ > 0 and kind.qualified is None
    if tie and kind.election:
        findings.append({"rule": "tie-in-election", "case": CASE_ID})
    elif tie and t.chair in (FOR, AGAINST):
        findings.append({"rule": "tie-decided-by-chair", "case": CASE_ID})
    elif tie:
        findings.append({"rule": "tie-without-chair-vote", "case": CASE_ID})
    cast = t.for_ + t.against
    if kind.qualified is not None and t.for_ > t.against and t.for_ < kind.qualified * cast:
        findings.append({"rule": "qualified-majority", "case": CASE_ID})
    return {"valid": not any(f["rule"] == "quorum" for f in findings),
            "why": "Løserens påstand ut fra reglene i data (vedtaksførhet, flertall, dobbeltstemme).",
            "findings": findings,
            "cases": {CASE_ID: {"outcome": claim, "for": t.for_, "against": t.against,
                                "blank": t.blank if kind.blank_allowed else 0, "rejected": 0}}}


def write(folder: Path, name: str, data: dict) -> Path:
    path = folder / f"{name}.yaml"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    except OSError as exc:
        raise InputError("errors.cannot-write-counterexample", {"reason": os_reason(exc)}, file=str(path),
                         hint=Message("errors.hint/writable-counterexamples")) from None
    return path


__all__ = ["scenario", "write", "CASE_ID"]
