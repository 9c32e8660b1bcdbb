"""Review a bylaws data file (engine.core.model.Document) with the same checklist and law checks.

The data file has no text to read, so each § 18-4 letter maps to the data that settles it:
a) the title, c) the voting seats of the supreme organ, d) and e) the competences (which cases,
decided by which organ). The model has no field for b) legal entity, f) shares, g) withdrawal or
h) dissolution: those are reported missing. Locations are the YAML key and its line.
"""
from __future__ import annotations

import re
from datetime import date
from fractions import Fraction
from pathlib import Path

from engine.core.load import validate
from engine.core.model import Document, Organ
from engine.core.yamlio import load_yaml
from engine.analyses.review import checklist as cl
from engine.analyses.review.decisions import evaluate
from engine.analyses.review.frame import conversion_finding
from engine.analyses.review.loopholes import DecisionRules, Threshold
from engine.analyses.review.model import Finding, Location, Report, finding, sort_findings, wrapped
from engine.analyses.review.names import stale_in_names
from engine.analyses.review import statute


def review_bylaws(path: Path, on: date | None = None) -> Report:
    located = load_yaml(path)
    doc = validate(located, Document)

    def at(*key) -> Location:
        return Location(heading=".".join(str(k) for k in key) or doc.title, line=located.line_of(key))

    on = on or doc.valid_to or doc.valid_from or date.today()
    findings: list[Finding] = [_date_note(doc, on, at("to" if doc.valid_to else "from"))]
    entries = _checklist(doc, at)
    findings += _missing(entries, doc, at)
    findings += _kind_checks(doc, on, at)
    findings += _organ_checks(doc, at)
    findings += stale_in_names(_names(doc, on, at), on)
    # titles in the bylaws' own text are judged at the date the text was adopted (a 2012 text
    # rightly says «rådmann»); the participants' names above are those in force on `on`
    text_date = doc.valid_from or on
    findings += stale_in_names(_titles(doc, on, at), text_date)
    findings += _assumptions(doc, at)
    findings += _loopholes(doc, on, at)
    return Report(file=str(path), date=on.isoformat(), title=doc.title, checklist=tuple(entries),
                  findings=tuple(sort_findings(findings)))


def _date_note(doc: Document, on: date, where: Location) -> Finding:
    return finding(
        "date-from-text", "info", "vedtektsfilen", where,
        "bylaws-date", date=on.isoformat())


def _supreme(doc: Document) -> tuple[int, Organ] | None:
    return next(((i, o) for i, o in enumerate(doc.organs) if o.supreme), None)


def _checklist(doc: Document, at):
    supreme = _supreme(doc)
    voting = supreme and any("vote" in s.rights and s.member for s in supreme[1].seats)
    found = {
        "a": at("title") if doc.title else None,
        "c": at("organs", supreme[0], "seats") if voting else None,
        "d": at("competences") if doc.competences else None,
        "e": at("competences") if any(c.organ for c in doc.competences) else None,
    }
    return [cl.entry(letter, found.get(letter)) for letter in cl.PATTERNS]


_NOT_IN_MODEL = {"b", "f", "g", "h"}  # the data model has no field for these letters


def _missing(entries, doc: Document, at) -> list[Finding]:
    result = []
    for entry in entries:
        if entry.status != "missing":
            continue
        what = {"word": "review-letter", "value": entry.letter}
        if entry.letter in _NOT_IN_MODEL:
            result.append(finding("checklist-missing", "info", entry.item, at(),
                                  "bylaws-letter-not-in-model", what=what, letter=entry.letter))
        else:
            result.append(finding("checklist-missing", "error" if doc.kind == "ipr" else "info",
                                  entry.item, at(), "bylaws-letter-missing", what=what, letter=entry.letter))
    return result


def _kind_checks(doc: Document, on: date, at) -> list[Finding]:
    if doc.kind == "regionrad":  # the § 31-2 duty at the date judged, with its deadline
        return conversion_finding("regionrad", on, at("kind"))
    if doc.kind == "ipr" and not re.search(r"interkommunalt\s+politisk\s+råd", doc.title, re.I):
        return [finding(
            "name-missing-ipr", "error", "kommuneloven § 18-1 tredje ledd", at("title"),
            "bylaws-name-missing-ipr", name=doc.title)]
    return []


def _organ_checks(doc: Document, at) -> list[Finding]:
    result = []
    for index, organ in enumerate(doc.organs):
        for o_index, seat in enumerate(organ.observers):
            if "vote" in seat.rights:
                result.append(finding(
                    "observer-vote", "error", "kommuneloven § 18-3 første ledd",
                    at("organs", index, "observers", o_index),
                    "bylaws-observer-vote", observer=seat.observer, organ=organ.name))
        if organ.supreme and doc.kind == "ipr":
            result += _deputies(organ, index, at)
    return result


def _deputies(organ: Organ, index: int, at) -> list[Finding]:
    return [finding(
        "deputies-fewer-than-members", "error", "kommuneloven § 18-3 første ledd",
        at("organs", index, "seats", s_index),
        "bylaws-seats-without-deputies", seats=seat.label or seat.office, organ=organ.name)
        for s_index, seat in enumerate(organ.seats)
        if seat.member and "vote" in seat.rights and seat.deputies is None]


def _names(doc: Document, on: date, at) -> list[tuple[str, Location]]:
    names = [(p.name_on(on), at("participants", i, "name"))
             for i, p in enumerate(doc.participants) if p.in_force(on)]
    names += [(o.name_on(on), at("observers", i, "name")) for i, o in enumerate(doc.observers)]
    return names


def _titles(doc: Document, on: date, at) -> list[tuple[str, Location]]:
    titles = []
    for index, organ in enumerate(doc.organs):
        if not organ.in_force(on):
            continue
        titles.append((organ.name, at("organs", index, "name")))
        titles += [(seat.label or seat.office, at("organs", index, "seats", s))
                   for s, seat in enumerate(organ.seats)]
    return titles


def _assumptions(doc: Document, at) -> list[Finding]:
    return [finding(
        "assumption", "info", "vedtektsfilen (forutsetning)", at("assumptions", i),
        "bylaws-assumption", what=" ".join(a.what.split()), why=" ".join(a.why.split()))
        for i, a in enumerate(doc.assumptions)]


def _loopholes(doc: Document, on: date, at) -> list[Finding]:
    """The decision rules of each deciding organ with voting seats per participant, evaluated."""
    result = []
    participants = doc.participants_on(on)
    for index, organ in enumerate(doc.organs):
        voting = [s for s in organ.seats if s.member and "vote" in s.rights and s.per_participant]
        if not organ.decides or not voting or len(participants) < 2 or not organ.in_force(on):
            continue
        assumed = [] if all(s.vote_unit == "participant" for s in voting) else ["seats"]
        seats = tuple(sum(1 for s in voting if p.kind in s.per_participant) for p in participants)
        if not any(seats):
            continue
        quorum = organ.quorum
        rules = DecisionRules(seats, tuple(p.short for p in participants),
                              quorum=Fraction(quorum.fraction) if quorum else statute.quorum_fraction(),
                              quorum_basis=quorum.basis if quorum else "present_and_voting")
        if not quorum:
            assumed.append("quorum")
        where = at("organs", index)
        # the 2/3 rule for amending the agreement (§ 18-4 third paragraph) belongs to the
        # representantskap of an IPR, not to a working committee or a pre-2018 council
        amends = organ.supreme and doc.kind == "ipr"
        findings = evaluate(rules, Threshold(), Threshold(statute.amendment_majority(), strict=False, casting_vote=False),
                            where, where, assumed + ["majority"] + (["amendment"] if amends else []),
                            ("ordinary", "amendment") if amends else ("ordinary",))
        result += [wrapped(f, "in-organ", organ=organ.name) for f in findings]
    return result
