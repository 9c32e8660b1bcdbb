"""Composition requirements and seat eligibility, checked against the roster on a date.

These are facts about who sits in an organ, not about one meeting, so `vedtekt authority check`
reports them with the structural findings: each finding cites the clause from the bylaws data.
Where the roster does not record what a requirement needs (a person's gender), the participant is
reported as not assessable rather than passed or failed.
"""
from __future__ import annotations

from datetime import date

from engine.analyses.graph import authority_finding
from engine.core.finding import Finding
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


def _why(message_id: str, **args) -> dict:
    return {"message": f"authority.{message_id}", "args": args}


def _eligibility(doc: Document, organ: Organ, on: date) -> list[Finding]:
    sitting = resolve(doc, organ.id, on)
    out = []
    for seat in organ.seats:
        rule = seat.eligible
        if rule is None or not seat.in_force(on):
            continue
        for h in sitting._holders(seat):
            if rule.group is not None and h.group != rule.group:
                recorded = h.group or {"word": "authority-roster", "value": "not-recorded"}
                why = _why("not-in-group", group=rule.group, recorded=recorded)
            elif rule.office is not None and not sitting.held(h.person, rule.office):
                why = _why("not-in-office", office=rule.office)
            else:
                continue
            out.append(authority_finding(
                "seat-eligibility", "error", rule.citation, (organ.id, h.person), "seat-eligibility",
                person=sitting.name(h.person), seat=seat.label or seat.office, organ=organ.name, why=why))
    return out


def _genders(doc: Document, organ: Organ, on: date) -> list[Finding]:
    sitting = resolve(doc, organ.id, on)
    people = {p.id: p for p in doc.roster.people}
    out = []
    for rule in organ.composition:
        if not rule.in_force(on):
            continue
        for participant in doc.participants_on(on):
            if participant.kind not in rule.per_participant:
                continue
            members = sorted({r.person for rs in sitting.roles.values() for r in rs
                              if r.kind == "member" and r.participant == participant.id})
            if not members:
                continue
            genders = [people[m].gender if m in people else None for m in members]
            if None in genders:
                out.append(authority_finding(
                    "composition-gender", "info", rule.citation, (organ.id, participant.id),
                    "gender-not-assessable", participant=participant.short,
                    unknown=sum(g is None for g in genders), members=len(members), organ=organ.name))
            elif len(set(genders)) < 2:
                out.append(authority_finding(
                    "composition-gender", rule.severity, rule.citation, (organ.id, participant.id),
                    "one-gender", participant=participant.short, organ=organ.name, members=len(members),
                    gender={"word": "authority-gender", "value": genders[0]}))
    return out
