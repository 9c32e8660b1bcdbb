"""The review report as Markdown, one self-contained HTML page, or JSON (the contract's shape).

Every word comes from the message catalogues (section `review`, word groups `review-…`): the
findings' sentences from their message ids and arguments, the headings and labels from `report-…`
messages, so one report can be printed in either language.
"""
from __future__ import annotations

import json
from functools import cache

from engine.analyses.review.checks import declared
from engine.analyses.review.model import Location, Report
from engine.render.catalogue import catalogue, message, severity, word
from engine.render.finding_text import finding_message
from engine.render.verify import as_json as verify_json, quoted

_LABELS = ("heading", "file", "date", "checklist", "findings", "none", "letter", "what", "status",
           "where", "line", "summary")


@cache
def _words(lang: str) -> dict:
    """The report's headings and labels in `lang` (catalogue ids review.report-…)."""
    t = {key: message(f"review.report-{key}", lang) for key in _LABELS if key != "summary"}
    # the summary stays a template here, worded with the counts of each report by _summary
    t["summary"] = message("review.report-summary", lang, {"e": "{e}", "w": "{w}", "i": "{i}"})
    t |= {status: word("review-status", status, lang) for status in ("present", "missing")}
    return t


def _label(letter: str, lang: str) -> str:
    return word("review-letter", letter, lang)


def _location(location: Location | None) -> dict | None:
    """A location as the contract has it: heading and line."""
    return None if location is None else {"heading": location.heading, "line": location.line}


def to_dict(report: Report, lang: str = "nb") -> dict:
    """The JSON document of the contract: file, date, title, checklist, findings (each with its
    message worded in `lang`, and its message id and arguments to word it again later)."""
    return {
        "file": report.file, "date": report.date, "title": report.title,
        "checklist": [{"item": e.item, "status": e.status, "location": _location(e.location)}
                      for e in report.checklist],
        "findings": [{"rule": f.rule, "severity": f.severity, "citation": f.citation,
                      "location": _location(f.location), "message": finding_message(f, lang),
                      "message_id": f.message_id, "args": f.args}
                     for f in report.findings],
        # added by issue 16: `vedtekt verify --draft FILE --date DATE --format json` on the draft
        "verify": None if _result(report) is None else verify_json(_result(report), lang),
    }


def to_json(report: Report, lang: str = "nb") -> str:
    return json.dumps(to_dict(report, lang), ensure_ascii=False, indent=2)


def _where(location, t) -> str:
    if location is None:
        return "–"
    parts = [location.heading or ""]
    if location.line:
        parts.append(f"{t['line']} {location.line}")
    return ", ".join(p for p in parts if p)


def _summary(report: Report, t) -> str:
    count = {s: sum(f.severity == s for f in report.findings) for s in ("error", "warning", "info")}
    return t["summary"].format(e=count["error"], w=count["warning"], i=count["info"])


def to_markdown(report: Report, lang: str = "nb") -> str:
    t = _words(lang)
    out = [f"# {t['heading']}: {report.title}", "",
           f"- {t['file']}: `{report.file}`", f"- {t['date']}: {report.date}",
           f"- {_summary(report, t)}", "", f"## {t['checklist']}", "",
           f"| {t['letter']} | {t['what']} | {t['status']} | {t['where']} |", "| --- | --- | --- | --- |"]
    for e in report.checklist:
        label = _label(e.letter, lang)
        out.append(f"| {e.letter} | {label} | {t[e.status]} | {_cell(_where(e.location, t))} |")
    out += ["", f"## {t['findings']}", ""]
    if not report.findings:
        out.append(t["none"])
    for f in report.findings:
        out.append(f"- **{severity(f.severity, lang)}** `{f.rule}` ({f.citation}; "
                   f"{_where(f.location, t)}): {finding_message(f, lang)}")
    return "\n".join(out + _proofs_markdown(report, lang)) + "\n"


def _result(report: Report):
    """The verify answers the report quotes (engine.analyses.verify.api.Result), or None."""
    return None if report.verify is None else report.verify.result


def _proofs(report: Report, lang: str) -> dict | None:
    """verify's answers on the draft as the report quotes them (engine.render.verify.quoted)."""
    result = _result(report)
    if result is None:
        return None
    rows, notes = quoted(result.answers, result.rules, lang)
    return {"rows": rows, "notes": notes}


def _proofs_markdown(report: Report, lang: str) -> list[str]:
    def say(key: str, **args) -> str:
        return message(f"review.report-verify-{key}", lang, args)
    out = ["", f"## {say('heading')}", ""]
    proofs = _proofs(report, lang)
    if proofs is None:
        return out + [say("none")]
    out += [say("intro"), "", f"| {say('status')} | {say('property')} | {say('answer')} | {say('citation')} | "
            f"{say('refs')} |", "| --- | --- | --- | --- | --- |"]
    for row in proofs["rows"]:
        answer = row["message"] + (f" {say('counterexample', where=row['counterexample'])}"
                                   if row["counterexample"] else "")
        out.append(f"| {row['status_word']} | `{row['id']}` | {_cell(answer)} | {_cell(row['citation'])} | "
                   f"{', '.join(map(str, row['refs'])) or '–'} |")
    if proofs["notes"]:
        out += ["", f"{say('assumptions')}:", ""] + [f"{i}. {n}" for i, n in enumerate(proofs["notes"], 1)]
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def to_html(report: Report, lang: str = "nb") -> str:
    """One self-contained page (templates/review.html.j2): the checklist and the findings as tables."""
    from engine.render.html import render_page  # Jinja2 only when a page is asked for (cold start)

    data = to_dict(report, lang)  # the contract's shape: the findings' messages in `lang`
    checklist = [{"letter": e.letter, "label": _label(e.letter, lang), "status": e.status,
                  "location": e.location} for e in report.checklist]
    count = {s: sum(f.severity == s for f in report.findings) for s in ("error", "warning", "info")}
    return render_page("review.html.j2", lang, report=report, checklist=checklist,
                       findings=data["findings"], count=count, proofs=_proofs(report, lang))


RENDERERS = {"markdown": to_markdown, "json": to_json, "html": to_html}


def render(report: Report, fmt: str = "markdown", lang: str = "nb") -> str:
    return RENDERERS[fmt](report, lang)


def list_checks(lang: str = "nb") -> str:
    """The declared checks (engine/analyses/review/checks.yaml) as Markdown, for a lawyer to read.
    The clauses, patterns and assumptions are data and shown as they are; what each check reads
    (and a note on it) are words of the catalogues (review-reads, review-note, by rule id)."""
    data = declared()
    out = [f"# {message('review.checks-heading', lang)}", "",
           f"## {data.checklist.citation}", "", f"> {data.checklist.quote}", ""]
    for letter, spec in data.checklist.letters.items():
        out.append(f"- **{letter}** {_label(letter, lang)}: " + " · ".join(f"`{p}`" for p in spec.patterns))
    out += ["", f"## {message('review.checks-checks', lang)}", ""]
    for check in data.checks:
        out.append(f"- `{check.rule}` ({severity(check.severity, lang)}; {check.citation}; "
                   f"{', '.join(check.applies_to)}): {word('review-reads', check.rule, lang)}")
        if check.quote:
            out.append(f"  > {check.quote}")
        if check.rule in catalogue(lang)["words"]["review-note"]:
            out.append(f"  ({word('review-note', check.rule, lang)})")
    frame = data.frame
    out += ["", f"## {message('review.checks-assumptions', lang)}", "",
            f"- {' '.join(frame.assumption.what.split())}",
            f"- {' '.join(frame.undated_section27.what.split())}"]
    return "\n".join(out) + "\n"
