"""`vedtekt calendar` as text and JSON, worded by the catalogues (section calendar, words
calendar-…); the duties' labels are the bylaws' data, in the language asked for."""
from __future__ import annotations

import json
from typing import Any

from engine.analyses.duties import Duty, DutyCalendar
from engine.render.catalogue import in_language, message, severity_marker, word
from engine.render.finding_text import finding_message


def _label(duty: Duty, lang: str) -> str:
    return in_language(duty.label, lang)


def _duty_dict(d: Duty, lang: str) -> dict[str, Any]:
    """A duty as the calendar's JSON has it, with the finding's message id and arguments added."""
    f = d.finding
    return {"duty": f.rule, "label": _label(d, lang), "status": d.status, "severity": f.severity,
            "citation": f.citation, "quote": f.quote, "message": finding_message(f, lang),
            "evidence": list(d.evidence), "missing_months": list(d.missing_months),
            "message_id": f.message_id, "args": f.args}


def to_dict(report: DutyCalendar, lang: str = "nb") -> dict[str, Any]:
    return {"folder": report.folder, "council": report.council, "years": [
        {"year": y.year, "bylaws": y.bylaws, "meetings": [m.model_dump(mode="json") for m in y.meetings],
         "duties": [_duty_dict(d, lang) for d in y.duties],
         "note": message(y.note_id, lang) if y.note_id else None} for y in report.years],
        "missed_errors": report.missed_errors}


def to_json(report: DutyCalendar, lang: str = "nb") -> str:
    return json.dumps(to_dict(report, lang), ensure_ascii=False, indent=2)


def to_text(report: DutyCalendar, lang: str = "nb") -> str:
    lines = []
    for y in report.years:
        lines.append(message("calendar.heading", lang,
                             {"year": y.year, "bylaws": y.bylaws, "count": len(y.meetings)}))
        for d in y.duties:
            status = word("calendar-status", d.status, lang)
            sev = f" {severity_marker(d.finding.severity, lang)}" if d.status == "missed" else ""
            lines.append(f"  {status:<13}{sev} {_label(d, lang)}: {finding_message(d.finding, lang)}")
            lines.append(f"  {'':<13} ({d.finding.citation})")
            if d.finding.quote:
                lines.append(f"  {'':<13} «{' '.join(d.finding.quote.split())}»")
        if y.note_id:
            lines.append(f"  {message(y.note_id, lang)}")
        lines.append("")
    return "\n".join(lines)
