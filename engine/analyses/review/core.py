"""The review of one file: read it, run the checks, and return the report (never prints)."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from engine.core.errors import InputError, Message
from engine.analyses.review import checklist as cl
from engine.analyses.review.consistency import consistency_checks
from engine.analyses.review.decisions import decision_rules, loophole_findings, quorum_check
from engine.analyses.review.extract import agreement_date, kind_of_cooperation, participants, rotation_order, seats, shares
from engine.analyses.review.frame import apply_frame, conversion_finding, judged_as, kind_note, last_day_of_1992_act, undated_section27_note
from engine.analyses.review.lawchecks import law_checks, title_location
from engine.analyses.review.model import Finding, Location, Report, finding, sort_findings, wrapped
from engine.analyses.review.text import all_sentences
from engine.analyses.review.names import stale_names
from engine.analyses.review.proofs import DraftProofs
from engine.analyses.review.parse import Draft, read_draft

YAML_SUFFIXES = {".yaml", ".yml"}


def parse_date(text: str | None) -> date | None:
    """A --date value as a date; an InputError naming the option when it is not YYYY-MM-DD."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError("errors.invalid-date", {"text": text}, where="--date", hint=Message("errors.hint/iso-date")) from None


def review_file(path: Path | str, on: date | None = None, kind: str | None = None) -> Report:
    """Review a draft agreement (.md, .txt, .docx) or a bylaws data file (.yaml). `kind` (ipr,
    section27, ko, regionrad) overrides what the text says it is."""
    path = Path(path)
    if path.suffix.lower() in YAML_SUFFIXES:
        from engine.analyses.review.bylawsfile import review_bylaws  # only needed for data files

        return review_bylaws(path, on)
    return review_draft(read_draft(path), on, kind)


def review_draft(draft: Draft, on: date | None = None, kind: str | None = None) -> Report:
    findings: list[Finding] = []
    given = kind is not None
    kind = kind or kind_of_cooperation(draft)
    on = on or _date_of(draft, kind, findings)
    entries, found = cl.checklist(draft)
    findings += _checklist_findings(draft, entries, found)
    people, _ = participants(draft)
    seat_facts = seats(draft)
    conversion = conversion_finding(kind, on, _conversion_place(draft))  # by what the text says it is
    judged = judged_as(kind, on)
    conversion.append(kind_note(kind, judged, given, title_location(draft)))
    kind = judged
    findings += law_checks(draft, people, seat_facts, kind)
    findings += stale_names(draft, on)
    rotation, _ = rotation_order(draft)
    share_facts = shares(draft, people)
    findings += consistency_checks(draft, people, seat_facts, share_facts, rotation)
    rules = decision_rules(draft, people, seat_facts)
    findings += quorum_check(rules, kind) + loophole_findings(draft, rules, amendments=kind == "ipr")
    findings = apply_frame(findings, kind, bool(draft.truncated_at)) + conversion
    return Report(file=draft.file, date=on.isoformat(), title=draft.title, checklist=tuple(entries),
                  findings=tuple(sort_findings(findings)), verify=DraftProofs(draft, on))


def _conversion_place(draft: Draft) -> Location:
    sentence = next((s for s in all_sentences(draft.clauses) if re.search(r"§\s?27\b", s.text)), None)
    return sentence.location() if sentence else title_location(draft)


def _date_of(draft: Draft, kind: str, findings: list[Finding]) -> date:
    found = agreement_date(draft)
    if found:
        findings.append(finding(
            "date-from-text", "info", "samarbeidsavtalen", title_location(draft),
            "date-from-text", date=found.isoformat()))
        return found
    if kind == "section27":  # written while the 1992 act applied: judged as of its last day
        findings.append(undated_section27_note(title_location(draft)))
        return last_day_of_1992_act()
    today = date.today()
    findings.append(finding(
        "date-assumed", "info", "samarbeidsavtalen", title_location(draft),
        "date-assumed", date=today.isoformat()))
    return today


def _checklist_findings(draft: Draft, entries, found) -> list[Finding]:
    findings = []
    for entry in entries:
        if entry.status == "missing":
            missing = finding("checklist-missing", "error", entry.item, title_location(draft),
                              "checklist-missing", letter=entry.letter,
                              what={"word": "review-letter", "value": entry.letter})
            findings.append(wrapped(missing, "note-text-incomplete") if draft.truncated_at else missing)
    if "h" in found and not cl.archives_settled(draft, found["h"]):
        findings.append(finding(
            "dissolution-archives", "error", "kommuneloven § 18-4 fjerde ledd bokstav h",
            found["h"].location(),
            "dissolution-archives"))
    if draft.truncated_at:
        findings.append(finding(
            "text-incomplete", "info", "kilden", title_location(draft),
            "text-incomplete", line=draft.truncated_at))
    return findings
