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
from engine.analyses.review.lawchecks import finding
from engine.analyses.review.model import Finding, Location

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
            f = _as_info(f, " (Til sammenligning: kravet gjelder en samarbeidsavtale for et interkommunalt "
                            "politisk råd.)", " (For comparison: the requirement is for an IPR agreement.)")
        elif f.rule == "checklist-missing" and incomplete and f.severity == "error":
            f = _as_info(f, "", "")
        result.append(f)
    return result


_KIND_WORDS = {
    "ipr": ("en samarbeidsavtale for et interkommunalt politisk råd (kommuneloven kapittel 18)",
            "an agreement for an interkommunalt politisk råd (kommuneloven chapter 18)", "kommuneloven § 18-1"),
    "section27": ("vedtekter for et samarbeid etter § 27 i kommuneloven 1992",
                  "the bylaws of a cooperation under § 27 of the 1992 act", "kommuneloven § 31-2"),
    "ko": ("en samarbeidsavtale for et kommunalt oppgavefellesskap (kommuneloven kapittel 19)",
           "an agreement for a kommunalt oppgavefellesskap (kommuneloven chapter 19)", "kommuneloven § 19-1"),
    "regionrad": ("en avtale for et regionråd som ikke sier hvordan det er organisert",
                  "an agreement for a regional council that does not say how it is organised", "kommuneloven § 18-1; § 31-2"),
}


def kind_note(kind: str, judged: str, given: bool, where: Location) -> Finding:
    """Which frame the document was judged in, and why: a lawyer can check the starting point."""
    nb, en, citation = _KIND_WORDS[kind]
    source_nb, source_en = ("oppgitt med --kind", "given with --kind") if given else ("lest fra teksten", "read from the text")
    extra_nb = extra_en = ""
    if judged != kind:
        extra_nb = " Kapittel 18 gjaldt på dokumentets dato, så kravene til et IPR er brukt."
        extra_en = " Chapter 18 applied on the document's date, so the requirements for an IPR are applied."
    return finding("document-kind", "info", citation, where,
                   f"Dokumentet er vurdert som {nb} ({source_nb}).{extra_nb}",
                   f"The document is judged as {en} ({source_en}).{extra_en}")


def judged_as(kind: str, on: date) -> str:
    """A council that does not say what it is, on a date when chapter 18 applied, is judged by the
    rules for an IPR (the form a political council of municipalities takes under the 2018 act);
    before that date, only by the checks that apply to any agreement."""
    if kind == "regionrad" and on >= declared().frame.chapter_18_in_force:
        return "ipr"
    return kind


def _as_info(f: Finding, nb: str, en: str) -> Finding:
    return f.model_copy(update={"severity": "info", "message_nb": f.message_nb + nb,
                                "message_en": f.message_en + en})


def last_day_of_1992_act() -> date:
    return declared().frame.chapter_18_in_force - timedelta(days=1)


def undated_section27_note(where: Location) -> Finding:
    assumption = declared().frame.undated_section27
    on = last_day_of_1992_act().isoformat()
    return finding(
        "assumption", "info", "engine/analyses/review/checks.yaml (forutsetning)", where,
        f"Forutsetning: {' '.join(assumption.what.split())} Begrunnelse: {' '.join(assumption.why.split())}",
        f"Assumption: an undated text organised under § 27 of the 1992 act was written while that act "
        f"applied; names and titles are judged as of {on}. Use --date for its real date.")


def conversion_finding(kind: str, on: date, where: Location) -> list[Finding]:
    """§ 31-2 at the document's date: lawful, a duty with its deadline, or overdue."""
    frame = declared().frame
    start, deadline = frame.chapter_18_in_force, frame.conversion_deadline
    if kind not in ("section27", "regionrad"):
        return []
    stated = kind == "section27"
    what_nb = ("Samarbeidet er organisert etter § 27 i kommuneloven 1992." if stated else
               "Avtalen sier ikke at rådet er et interkommunalt politisk råd etter kommuneloven kapittel 18; "
               "er det organisert etter § 27 i 1992-loven, gjelder § 31-2.")
    what_en = ("The cooperation is organised under § 27 of the 1992 act." if stated else
               "The agreement does not say the council is an IPR under chapter 18; if it is organised under "
               "§ 27 of the 1992 act, § 31-2 applies.")
    duty_nb = (f"Etter § 31-2 må det være omdannet til et interkommunalt politisk råd (§ 18-1) eller et "
               f"kommunalt oppgavefellesskap (§ 19-1) senest {deadline.isoformat()}; hvert kommunestyre vedtar "
               "omdanningen og den nye samarbeidsavtalen.")
    duty_en = (f"Under § 31-2 it must be converted into an IPR (§ 18-1) or a KO (§ 19-1) by "
               f"{deadline.isoformat()} at the latest; each council decides the conversion and adopts the new agreement.")
    if on < start:
        severity = "info"
        when_nb = (f"På dokumentets dato ({on.isoformat()}) gjaldt kommuneloven 1992, og et samarbeid etter § 27 "
                   "var lovlig.")
        when_en = f"On the document's date ({on.isoformat()}) the 1992 act applied and a § 27 cooperation was lawful."
    elif on < deadline:
        severity = "warning"
        when_nb = f"Per {on.isoformat()} løper fristen fortsatt."
        when_en = f"As of {on.isoformat()} the deadline has not yet passed."
    else:
        severity = "error" if stated else "warning"
        when_nb = f"Per {on.isoformat()} er fristen ute."
        when_en = f"As of {on.isoformat()} the deadline has passed."
    citation = "kommuneloven § 31-2 første og andre ledd" + ("" if stated else "; § 18-1")
    return [finding("section-27-conversion", severity, citation, where,
                    f"{what_nb} {when_nb} {duty_nb}", f"{what_en} {when_en} {duty_en}")]
