"""Composition requirements and seat eligibility, checked against the roster on a date.

These are facts about who sits in an organ, not about one meeting, so `vedtekt authority check`
reports them with the structural findings: each finding cites the clause from the bylaws data.
Where the roster does not record what a requirement needs (a person's gender), the participant is
reported as not assessable rather than passed or failed.
"""
from __future__ import annotations

from datetime import date

from .graph import AuthorityFinding
from .model import Document, Organ
from .sitting import resolve


def composition_findings(doc: Document, on: date) -> list[AuthorityFinding]:
    findings: list[AuthorityFinding] = []
    for organ in doc.organs:
        if not organ.in_force(on) or not (organ.composition or any(s.eligible for s in organ.seats)):
            continue
        findings += _eligibility(doc, organ, on)
        findings += _genders(doc, organ, on)
    return findings


def _eligibility(doc: Document, organ: Organ, on: date) -> list[AuthorityFinding]:
    sitting = resolve(doc, organ.id, on)
    out = []
    for seat in organ.seats:
        rule = seat.eligible
        if rule is None or not seat.in_force(on):
            continue
        for h in sitting._holders(seat):
            if rule.group is not None and h.group != rule.group:
                why = f"hører ikke til gruppen «{rule.group}» (rosteren: {h.group or 'ikke oppgitt'})"
            elif rule.office is not None and not sitting.held(h.person, rule.office):
                why = f"har ikke vervet «{rule.office}» på datoen"
            else:
                continue
            out.append(AuthorityFinding(
                rule="seat-eligibility", severity="error", nodes=(organ.id, h.person),
                citation=rule.citation,
                message=f"{sitting.name(h.person)} har setet «{seat.label or seat.office}» i {organ.name}, "
                        f"men {why}."))
    return out


def _genders(doc: Document, organ: Organ, on: date) -> list[AuthorityFinding]:
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
                out.append(AuthorityFinding(
                    rule="composition-gender", severity="info", nodes=(organ.id, participant.id),
                    citation=rule.citation,
                    message=f"{participant.short}: kan ikke vurderes; rosteren oppgir ikke kjønn for "
                            f"{sum(g is None for g in genders)} av {len(members)} medlemmer i {organ.name}."))
            elif len(set(genders)) < 2:
                out.append(AuthorityFinding(
                    rule="composition-gender", severity=rule.severity, nodes=(organ.id, participant.id),
                    citation=rule.citation,
                    message=f"{participant.short}: begge kjønn skal være representert blant "
                            f"medlemmene i {organ.name}, men alle {len(members)} er "
                            f"{'kvinner' if genders[0] == 'k' else 'menn'}."))
    return out
