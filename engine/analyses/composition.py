"""Composition requirements and seat eligibility, checked against the roster on a date.

These are facts about who sits in an organ, so `vedtekt authority check` reports them with the
structural findings; `vedtekt check` judges a meeting by the same checks (engine.core.eligibility,
one implementation). Each finding cites the clause from the bylaws data, with its words. Where
the roster does not record what a requirement needs (a person's gender), the participant is
reported as not assessable rather than passed or failed.
"""
from __future__ import annotations

from datetime import date

from engine.core.eligibility import gender_checks, ineligible_holders
from engine.core.finding import Finding, Location
from engine.core.model import Document, Organ
from engine.core.sitting import resolve


def composition_findings(doc: Document, on: date) -> list[Finding]:
    """The composition and eligibility findings of `doc` on `on` (worded by the catalogues'
    `authority` section)."""
    findings: list[Finding] = []
    for organ in doc.organs:
        if not organ.in_force(on) or not (organ.composition or any(s.eligible for s in organ.seats)):
            continue
        findings += _eligibility(doc, organ, on)
        findings += _genders(doc, organ, on)
    return findings


def _finding(rule: str, severity: str, provision, nodes: tuple[str, ...], message_id: str, **args) -> Finding:
    """An authority finding citing and quoting the council's clause."""
    return Finding(rule=rule, severity=severity, citation=provision.citation, quote=provision.quote,
                   location=Location(nodes=nodes), message_id=f"authority.{message_id}",
                   args=args)


def _eligibility(doc: Document, organ: Organ, on: date) -> list[Finding]:
    sitting = resolve(doc, organ.id, on)
    out = []
    for bad in ineligible_holders(sitting):
        if bad.why == "not-in-group":
            recorded = bad.recorded_group or {"word": "authority-roster", "value": "not-recorded"}
            why = {"message": "authority.not-in-group", "args": {"group": bad.rule.group, "recorded": recorded}}
        else:
            why = {"message": "authority.not-in-office", "args": {"office": bad.rule.office}}
        out.append(_finding("seat-eligibility", "error", bad.rule, (organ.id, bad.person), "seat-eligibility",
                            person=sitting.name(bad.person), seat=bad.seat.label or bad.seat.office,
                            organ=organ.name, why=why))
    return out


def _genders(doc: Document, organ: Organ, on: date) -> list[Finding]:
    sitting = resolve(doc, organ.id, on)
    out = []
    for check in gender_checks(sitting):
        nodes = (organ.id, check.participant.id)
        if check.status == "not-assessable":
            out.append(_finding("composition-gender", "info", check.rule, nodes, "gender-not-assessable",
                                participant=check.participant.short, unknown=check.unknown,
                                members=len(check.members), organ=organ.name))
        elif check.status == "one-gender":
            out.append(_finding("composition-gender", check.rule.severity, check.rule, nodes, "one-gender",
                                participant=check.participant.short, organ=organ.name,
                                members=len(check.members),
                                gender={"word": "authority-gender", "value": check.genders[0]}))
    return out
