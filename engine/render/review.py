"""The review report as Markdown, one self-contained HTML page, or JSON (the contract's shape).

Every word comes from the message catalogues (section `review`, word groups `review-…`): the
findings' sentences from their message ids and arguments, the headings and labels from `report-…`
messages, so one report can be printed in either language.
"""
from __future__ import annotations

import html
import json
from functools import cache

from engine.analyses.review.checks import declared
from engine.analyses.review.model import Finding, Location, Report
from engine.render.catalogue import catalogue, message, word
from engine.render.finding_text import finding_message

_LABELS = ("heading", "file", "date", "checklist", "findings", "none", "letter", "what", "status",
           "where", "line", "summary")


@cache
def _words(lang: str) -> dict:
    """The report's headings and labels in `lang` (catalogue ids review.report-…)."""
    t = {key: message(f"review.report-{key}", lang) for key in _LABELS if key != "summary"}
    # the summary stays a template here, worded with the counts of each report by _summary
    t["summary"] = message("review.report-summary", lang, {"e": "{e}", "w": "{w}", "i": "{i}"})
    t |= {status: word("review-status", status, lang) for status in ("present", "missing")}
    t["severity"] = {s: word("review-severity", s, lang) for s in ("error", "warning", "info")}
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
        out.append(f"- **{t['severity'][f.severity]}** `{f.rule}` ({f.citation}; "
                   f"{_where(f.location, t)}): {finding_message(f, lang)}")
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


_CSS = """body{font-family:Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:.3rem .5rem;text-align:left}
.error{color:#a00000}.warning{color:#8a5a00}.info{color:#235}.missing{color:#a00000;font-weight:bold}
li{margin:.4rem 0}code{background:#f3f3f3;padding:0 .2rem}"""


def to_html(report: Report, lang: str = "nb") -> str:
    t, e = _words(lang), html.escape
    rows = "".join(
        f"<tr><td>{e(x.letter)}</td><td>{e(_label(x.letter, lang))}</td>"
        f"<td class=\"{x.status}\">{e(t[x.status])}</td><td>{e(_where(x.location, t))}</td></tr>"
        for x in report.checklist)
    items = "".join(_html_finding(f, lang, t) for f in report.findings) or f"<li>{e(t['none'])}</li>"
    return (f"<!DOCTYPE html>\n<html lang=\"{'nb' if lang == 'nb' else 'en'}\"><head><meta charset=\"utf-8\">"
            f"<title>{e(t['heading'])}: {e(report.title)}</title><style>{_CSS}</style></head><body>"
            f"<h1>{e(t['heading'])}: {e(report.title)}</h1>"
            f"<p>{e(t['file'])}: <code>{e(report.file)}</code> · {e(t['date'])}: {e(report.date)} · "
            f"{e(_summary(report, t))}</p>"
            f"<h2>{e(t['checklist'])}</h2><table><tr><th>{e(t['letter'])}</th><th>{e(t['what'])}</th>"
            f"<th>{e(t['status'])}</th><th>{e(t['where'])}</th></tr>{rows}</table>"
            f"<h2>{e(t['findings'])}</h2><ul>{items}</ul></body></html>\n")


def _html_finding(f: Finding, lang: str, t) -> str:
    e = html.escape
    return (f"<li class=\"{f.severity}\"><strong>{e(t['severity'][f.severity])}</strong> "
            f"<code>{e(f.rule)}</code> ({e(f.citation)}; {e(_where(f.location, t))}): "
            f"<span>{e(finding_message(f, lang))}</span></li>")


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
        out.append(f"- `{check.rule}` ({check.severity}; {check.citation}; "
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
