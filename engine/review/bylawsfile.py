"""Review a bylaws data file (engine.model.Document) with the same checklist and law checks.

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

from ..load import validate
from ..model import Document, Organ
from ..yamlio import load_yaml
from . import checklist as cl
from .core import sort_findings
from .decisions import evaluate
from .lawchecks import finding
from .loopholes import DecisionRules, Threshold
from .model import Finding, Location, Report
from .names import stale_in_names
from . import statute


def review_bylaws(path: Path, on: date | None = None) -> Report:
    located = load_yaml(path)
    doc = validate(located, Document)

    def at(*key) -> Location:
        return Location(heading=".".join(str(k) for k in key) or doc.title, line=located.line_of(key))

    on = on or doc.valid_to or doc.valid_from or date.today()
    findings: list[Finding] = [_date_note(doc, on, at("to" if doc.valid_to else "from"))]
    entries = _checklist(doc, at)
    findings += _missing(entries, doc, at)
    findings += _kind_checks(doc, at)
    findings += _organ_checks(doc, at)
    findings += stale_in_names(_names(doc, on, at), on)
    findings += _assumptions(doc, at)
    findings += _loopholes(doc, on, at)
    return Report(file=str(path), date=on.isoformat(), title=doc.title, checklist=tuple(entries),
                  findings=tuple(sort_findings(findings)))


def _date_note(doc: Document, on: date, where: Location) -> Finding:
    return finding(
        "date-from-text", "info", "vedtektsfilen", where,
        f"Vedtektene er vurdert per {on.isoformat()} (siste dag de er modellert for, med mindre --date er gitt).",
        f"The bylaws are judged as of {on.isoformat()} (the last day they are modelled for, unless --date is given).")


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


def _missing(entries, doc: Document, at) -> list[Finding]:
    result = []
    for entry in entries:
        if entry.status == "missing":
            nb, en = cl.LABELS[entry.letter]
            result.append(finding(
                "checklist-missing", "error", entry.item, at(),
                f"Vedtektene fastsetter ikke {nb} (bokstav {entry.letter}).",
                f"The bylaws do not settle {en} (letter {entry.letter})."))
    return result


def _kind_checks(doc: Document, at) -> list[Finding]:
    if doc.kind == "regionrad":
        return [finding(
            "section-27-conversion", "error", "kommuneloven § 31-2 første og andre ledd; § 18-1", at("kind"),
            f"{doc.title} er et regionråd organisert før kommuneloven 2018, ikke et interkommunalt politisk "
            "råd. Et interkommunalt samarbeid organisert etter § 27 i 1992-loven må omdannes til et IPR "
            "(§ 18-1) eller et kommunalt oppgavefellesskap (§ 19-1); hvert kommunestyre vedtar omdanningen "
            "og en ny samarbeidsavtale som fastsetter punktene i § 18-4 fjerde ledd, og navnet må inneholde "
            "«interkommunalt politisk råd».",
            f"{doc.title} is a regional council organised before the 2018 act, not an IPR. A cooperation "
            "organised under § 27 of the 1992 act must be converted into an IPR (§ 18-1) or a KO (§ 19-1); "
            "each council adopts the conversion and a new agreement settling § 18-4 fourth paragraph, and "
            "the name must contain 'interkommunalt politisk råd'.")]
    if doc.kind == "ipr" and not re.search(r"interkommunalt\s+politisk\s+råd", doc.title, re.I):
        return [finding(
            "name-missing-ipr", "error", "kommuneloven § 18-1 tredje ledd", at("title"),
            f"Navnet «{doc.title}» inneholder ikke ordene «interkommunalt politisk råd».",
            f"The name '{doc.title}' does not contain the words 'interkommunalt politisk råd'.")]
    return []


def _organ_checks(doc: Document, at) -> list[Finding]:
    result = []
    for index, organ in enumerate(doc.organs):
        for o_index, seat in enumerate(organ.observers):
            if "vote" in seat.rights:
                result.append(finding(
                    "observer-vote", "error", "kommuneloven § 18-3 første ledd",
                    at("organs", index, "observers", o_index),
                    f"Observatøren {seat.observer} har stemmerett i {organ.name}; observatører er ikke medlemmer.",
                    f"The observer {seat.observer} has a vote in {organ.name}; observers are not members."))
        if organ.supreme and doc.kind == "ipr":
            result += _deputies(organ, index, at)
    return result


def _deputies(organ: Organ, index: int, at) -> list[Finding]:
    return [finding(
        "deputies-fewer-than-members", "error", "kommuneloven § 18-3 første ledd",
        at("organs", index, "seats", s_index),
        f"Setene «{seat.label or seat.office}» i {organ.name} har ingen varamedlemmer; hver deltaker skal "
        "ha minst like mange varamedlemmer som medlemmer.",
        f"The seats '{seat.label or seat.office}' in {organ.name} have no deputies; each participant must "
        "have at least as many deputies as members.")
        for s_index, seat in enumerate(organ.seats)
        if seat.member and "vote" in seat.rights and seat.deputies is None]


def _names(doc: Document, on: date, at) -> list[tuple[str, Location]]:
    names = [(p.name_on(on), at("participants", i, "name"))
             for i, p in enumerate(doc.participants) if p.in_force(on)]
    names += [(o.name_on(on), at("observers", i, "name")) for i, o in enumerate(doc.observers)]
    for index, organ in enumerate(doc.organs):
        if not organ.in_force(on):
            continue
        names.append((organ.name, at("organs", index, "name")))
        names += [(seat.label or seat.office, at("organs", index, "seats", s))
                  for s, seat in enumerate(organ.seats)]
    return names


def _assumptions(doc: Document, at) -> list[Finding]:
    return [finding(
        "assumption", "info", "vedtektsfilen (forutsetning)", at("assumptions", i),
        f"Forutsetning: {' '.join(a.what.split())} Begrunnelse: {' '.join(a.why.split())}",
        f"Assumption (in Norwegian): {' '.join(a.what.split())}")
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
        findings = evaluate(rules, Threshold(), Threshold(statute.amendment_majority(), strict=False, casting_vote=False),
                            where, where, assumed + ["majority", "amendment"])
        result += [f.model_copy(update={"message_nb": f"{organ.name}: {f.message_nb}",
                                        "message_en": f"{organ.name}: {f.message_en}"}) for f in findings]
    return result
