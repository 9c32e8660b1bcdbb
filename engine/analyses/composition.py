"""Composition requirements and seat eligibility, checked against the roster on a date.

These are facts about who sits in an organ, not about one meeting, so `vedtekt authority check`
reports them with the structural findings: each finding cites the clause from the bylaws data.
Where the roster does not record what a requirement needs (a person's gender), the participant is
reported as not assessable rather than passed or failed.
"""
from __future__ import annotations

from datetime import date

from engine.analyses.graph import AuthorityFinding
from engine.core.model import Document, Organ
from engine.core.sitting import resolve


_W = {
    "nb": {"group": "hører ikke til gruppen «{g}» (rosteren: {h})", "unknown": "ikke oppgitt",
           "office": "har ikke vervet «{o}» på datoen",
           "seat": "{p} har setet «{s}» i {organ}, men {why}.",
           "not_assessable": "{p}: kan ikke vurderes; rosteren oppgir ikke kjønn for {n} av {m} medlemmer i {organ}.",
           "one_gender": "{p}: begge kjønn skal være representert blant medlemmene i {organ}, men alle {m} er {g}.",
           "k": "kvinner", "m": "menn"},
    "en": {"group": "is not in the group «{g}» (roster: {h})", "unknown": "not recorded",
           "office": "does not hold the office «{o}» on the date",
           "seat": "{p} holds the seat «{s}» in {organ}, but {why}.",
           "not_assessable": "{p}: not assessable; the roster records no gender for {n} of {m} members of {organ}.",
           "one_gender": "{p}: both genders must be represented among the members of {organ}, but all {m} are {g}.",
           "k": "women", "m": "men"},
}


def composition_findings(doc: Document, on: date, lang: str = "nb") -> list[AuthorityFinding]:
    findings: list[AuthorityFinding] = []
    w = _W[lang]
    for organ in doc.organs:
        if not organ.in_force(on) or not (organ.composition or any(s.eligible for s in organ.seats)):
            continue
        findings += _eligibility(doc, organ, on, w)
        findings += _genders(doc, organ, on, w)
    return findings


def _eligibility(doc: Document, organ: Organ, on: date, w: dict) -> list[AuthorityFinding]:
    sitting = resolve(doc, organ.id, on)
    out = []
    for seat in organ.seats:
        rule = seat.eligible
        if rule is None or not seat.in_force(on):
            continue
        for h in sitting._holders(seat):
            if rule.group is not None and h.group != rule.group:
                why = w["group"].format(g=rule.group, h=h.group or w["unknown"])
            elif rule.office is not None and not sitting.held(h.person, rule.office):
                why = w["office"].format(o=rule.office)
            else:
                continue
            out.append(AuthorityFinding(
                rule="seat-eligibility", severity="error", nodes=(organ.id, h.person),
                citation=rule.citation,
                message=w["seat"].format(p=sitting.name(h.person), s=seat.label or seat.office,
                                         organ=organ.name, why=why)))
    return out


def _genders(doc: Document, organ: Organ, on: date, w: dict) -> list[AuthorityFinding]:
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
                    message=w["not_assessable"].format(p=participant.short, n=sum(g is None for g in genders),
                                                       m=len(members), organ=organ.name)))
            elif len(set(genders)) < 2:
                out.append(AuthorityFinding(
                    rule="composition-gender", severity=rule.severity, nodes=(organ.id, participant.id),
                    citation=rule.citation,
                    message=w["one_gender"].format(p=participant.short, organ=organ.name,
                                                   m=len(members), g=w[genders[0]])))
    return out
