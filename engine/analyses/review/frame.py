"""The frame a document is judged in: what kind of body it sets up, and the law at its date.

An IPR agreement (or a draft of one) is judged by chapter 18. A regional council's bylaws under
§ 27 of the 1992 act are not: they get the conversion duty of § 31-2 with its deadline, judged at
the document's own date (lawful before chapter 18 came into force, a duty with a deadline after,
an error once the deadline has passed), and the § 18-4 checklist only for comparison.
The declared checks (checks.yaml) say which rules apply to which kind.
"""
from __future__ import annotations

from datetime import date, timedelta

from engine.analyses.review.checks import applies, declared
from engine.analyses.review.model import Finding, Location, finding, sub, wrapped

# Rules that stay, downgraded to info, where they do not bind: they show what a new agreement lacks.
_FOR_COMPARISON = {"checklist-missing", "dissolution-archives"}


def apply_frame(findings: list[Finding], kind: str, incomplete: bool) -> list[Finding]:
    """Drop the findings of rules that do not apply to this kind of document; keep the checklist
    as info for comparison. In an incomplete text a missing letter may be in the missing part."""
    result = []
    for f in findings:
        if not applies(f.rule, kind):
            if f.rule not in _FOR_COMPARISON:
                continue
            f = wrapped(f, "note-for-comparison", severity="info")
        elif f.rule == "checklist-missing" and incomplete and f.severity == "error":
            f = f.model_copy(update={"severity": "info"})
        result.append(f)
    return result


# the clause that says what each kind of document is (its words: words.review-kind)
_KIND_CITATION = {"ipr": "kommuneloven § 18-1", "section27": "kommuneloven § 31-2",
                  "ko": "kommuneloven § 19-1", "regionrad": "kommuneloven § 18-1; § 31-2"}


def kind_note(kind: str, judged: str, given: bool, where: Location) -> Finding:
    """Which frame the document was judged in, and why: a lawyer can check the starting point."""
    note = finding("document-kind", "info", _KIND_CITATION[kind], where, "document-kind",
                   kind={"word": "review-kind", "value": kind},
                   source={"word": "review-kind-source", "value": "option" if given else "text"})
    return wrapped(note, "note-judged-as-ipr") if judged != kind else note


def judged_as(kind: str, on: date) -> str:
    """A council that does not say what it is, on a date when chapter 18 applied, is judged by the
    rules for an IPR (the form a political council of municipalities takes under the 2018 act);
    before that date, only by the checks that apply to any agreement."""
    if kind == "regionrad" and on >= declared().frame.chapter_18_in_force:
        return "ipr"
    return kind


def last_day_of_1992_act() -> date:
    return declared().frame.chapter_18_in_force - timedelta(days=1)


def undated_section27_note(where: Location) -> Finding:
    # the assumption declared in checks.yaml (frame.undated_section27), worded by the catalogues
    return finding(
        "assumption", "info", "engine/analyses/review/checks.yaml (forutsetning)", where,
        "undated-section27", date=last_day_of_1992_act().isoformat())


def conversion_finding(kind: str, on: date, where: Location) -> list[Finding]:
    """§ 31-2 at the document's date: lawful, a duty with its deadline, or overdue."""
    frame = declared().frame
    start, deadline = frame.chapter_18_in_force, frame.conversion_deadline
    if kind not in ("section27", "regionrad"):
        return []
    stated = kind == "section27"
    if on < start:
        severity, when = "info", "conversion-before-chapter-18"
    elif on < deadline:
        severity, when = "warning", "conversion-deadline-running"
    else:
        severity, when = ("error" if stated else "warning"), "conversion-deadline-passed"
    citation = "kommuneloven § 31-2 første og andre ledd" + ("" if stated else "; § 18-1")
    return [finding("section-27-conversion", severity, citation, where, "section-27-conversion",
                    what=sub("conversion-stated" if stated else "conversion-not-stated"),
                    when=sub(when, date=on.isoformat()),
                    duty=sub("conversion-duty", deadline=deadline.isoformat()))]
