"""The report as Markdown, one self-contained HTML page, or JSON (the contract's shape)."""
from __future__ import annotations

import html
import json

from engine.analyses.review.checklist import LABELS
from engine.analyses.review.model import Finding, Report

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


_CSS = """body{font-family:Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:.3rem .5rem;text-align:left}
.error{color:#a00000}.warning{color:#8a5a00}.info{color:#235}.missing{color:#a00000;font-weight:bold}
li{margin:.4rem 0}code{background:#f3f3f3;padding:0 .2rem}"""


def to_html(report: Report, lang: str = "nb") -> str:
    t, e = _TEXT[lang], html.escape
    rows = "".join(
        f"<tr><td>{e(x.letter)}</td><td>{e(LABELS[x.letter][0 if lang == 'nb' else 1])}</td>"
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
            f"<span>{e(f.message(lang))}</span></li>")


RENDERERS = {"markdown": to_markdown, "json": to_json, "html": to_html}


def render(report: Report, fmt: str = "markdown", lang: str = "nb") -> str:
    return RENDERERS[fmt](report, lang)
