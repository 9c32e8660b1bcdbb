"""The report as Markdown, one self-contained HTML page, or JSON (the contract's shape)."""
from __future__ import annotations

import json

from engine.analyses.review.checklist import LABELS
from engine.analyses.review.model import Report

_TEXT = {
    "nb": {"heading": "Juridisk gjennomgang", "file": "Fil", "date": "Dato", "checklist":
           "Sjekkliste: kommuneloven § 18-4 fjerde ledd", "findings": "Funn", "none": "Ingen funn.",
           "present": "finnes", "missing": "mangler", "letter": "Bokstav", "what": "Hva",
           "status": "Status", "where": "Hvor", "line": "linje", "severity":
           {"error": "feil", "warning": "advarsel", "info": "info"},
           "summary": "{e} feil, {w} advarsler, {i} merknader"},
    "en": {"heading": "Legal review", "file": "File", "date": "Date", "checklist":
           "Checklist: kommuneloven § 18-4 fourth paragraph", "findings": "Findings", "none": "No findings.",
           "present": "present", "missing": "missing", "letter": "Letter", "what": "What",
           "status": "Status", "where": "Where", "line": "line", "severity":
           {"error": "error", "warning": "warning", "info": "info"},
           "summary": "{e} errors, {w} warnings, {i} notes"},
}


def to_dict(report: Report, lang: str = "nb") -> dict:
    """The JSON document of the contract: file, date, title, checklist, findings."""
    return {
        "file": report.file, "date": report.date, "title": report.title,
        "checklist": [{"item": e.item, "status": e.status,
                       "location": e.location.model_dump() if e.location else None}
                      for e in report.checklist],
        "findings": [{"rule": f.rule, "severity": f.severity, "citation": f.citation,
                      "location": f.location.model_dump(), "message": f.message(lang)}
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
    t = _TEXT[lang]
    out = [f"# {t['heading']}: {report.title}", "",
           f"- {t['file']}: `{report.file}`", f"- {t['date']}: {report.date}",
           f"- {_summary(report, t)}", "", f"## {t['checklist']}", "",
           f"| {t['letter']} | {t['what']} | {t['status']} | {t['where']} |", "| --- | --- | --- | --- |"]
    for e in report.checklist:
        label = LABELS[e.letter][0 if lang == "nb" else 1]
        out.append(f"| {e.letter} | {label} | {t[e.status]} | {_cell(_where(e.location, t))} |")
    out += ["", f"## {t['findings']}", ""]
    if not report.findings:
        out.append(t["none"])
    for f in report.findings:
        out.append(f"- **{t['severity'][f.severity]}** `{f.rule}` ({f.citation}; "
                   f"{_where(f.location, t)}): {f.message(lang)}")
    return "\n".join(out) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def to_html(report: Report, lang: str = "nb") -> str:
    """One self-contained page (templates/review.html.j2): the checklist and the findings as tables."""
    from engine.render.html import render_page  # Jinja2 only when a page is asked for (cold start)

    data = to_dict(report, lang)  # the contract's shape: the findings' messages in `lang`
    checklist = [{"letter": e.letter, "label": LABELS[e.letter][0 if lang == "nb" else 1],
                  "status": e.status, "location": e.location} for e in report.checklist]
    count = {s: sum(f.severity == s for f in report.findings) for s in ("error", "warning", "info")}
    return render_page("review.html.j2", lang, report=report, checklist=checklist,
                       findings=data["findings"], count=count)


RENDERERS = {"markdown": to_markdown, "json": to_json, "html": to_html}


def render(report: Report, fmt: str = "markdown", lang: str = "nb") -> str:
    return RENDERERS[fmt](report, lang)
