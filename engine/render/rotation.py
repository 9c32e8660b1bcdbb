"""`vedtekt rotation` as text and Markdown (its JSON is the report model itself), worded from the
catalogue's `rotation.report` messages."""
from __future__ import annotations

from engine.analyses.rotation import RotationReport
from engine.core.rotation import Event
from engine.render.catalogue import catalogue, message, word


def _words(lang: str) -> dict[str, str]:
    """The report's words (catalogue `rotation.report`)."""
    return catalogue(lang)["messages"]["rotation"]["report"]


def _who(side, w) -> str:
    if side.person is None and not side.participant:
        return "-"  # no vice in this leadership, or none elected in the roster
    if side.person is None:
        return f"{side.municipality} {w['not-in-roster']}"
    names = []
    for p in side.persons:
        tag = f" ({w['fictional']})" if p.fictional else ""
        span = f" [{p.valid_from}–{p.valid_to}]" if len(side.persons) > 1 else ""
        names.append(f"{p.name}{tag}{span}")
    return f"{side.municipality}: " + "; ".join(names)


def event_text(event: Event, lang: str = "nb") -> str:
    """An event of a term (or a note of the report) in `lang`; the way a ceased participant's turn
    was passed on is a word of `rotation-turn`."""
    args = dict(event.args)
    if "how" in args:
        args["how"] = word("rotation-turn", args["how"], lang)
    return message(event.message_id, lang, args)


def note_text(report: RotationReport, lang: str = "nb") -> str | None:
    """The report's notes as one line (None when it has none)."""
    return "; ".join(event_text(e, lang) for e in report.note) or None


def rotation_json(report: RotationReport, lang: str = "nb") -> dict:
    """`vedtekt rotation --format json` (contract.md): the report with its events and note worded."""
    data = report.model_dump(by_alias=True, mode="json")
    for term, row in zip(report.terms, data["terms"]):
        row["events"] = [event_text(e, lang) for e in term.events]
    data["note"] = note_text(report, lang)
    return data


def _notes(t, w, lang: str) -> str:
    notes = [event_text(e, lang) for e in t.events]
    if t.outside_period and not any(w["outside"] in n for n in notes):
        notes.append(w["outside"])
    return " / ".join(notes)


def to_text(report: RotationReport, lang: str = "nb") -> str:
    """`vedtekt rotation`: one block per term, leader, vice, notes and citation."""
    w = _words(lang)
    lines = [f"{w['title']} – {report.council} {report.first}–{report.last} "
             f"({', '.join(report.documents)})", ""]
    for t in report.terms:
        mark = "*" if t.outside_period else " "
        lines.append(f"{mark} {t.valid_from} – {t.valid_to}  {w['leader']}: {_who(t.leader, w)}")
        lines.append(f"  {' ' * 23}  {w['vice']}: {_who(t.vice, w)}")
        notes = _notes(t, w, lang)
        if notes:
            lines.append(f"  {' ' * 23}  {w['notes']}: {notes}")
        lines.append(f"  {' ' * 23}  [{t.citation}]")
    if report.note:
        lines += ["", f"* {note_text(report, lang)}"]
    return "\n".join(lines) + "\n"


def to_markdown(report: RotationReport, lang: str = "nb") -> str:
    """`vedtekt rotation --format markdown`: one table row per term."""
    w = _words(lang)
    out = [f"# {w['title']} – {report.council} {report.first}–{report.last}", "",
           f"| {w['term']} | {w['leader']} | {w['vice']} | {w['notes']} | {w['citation']} |",
           "| --- | --- | --- | --- | --- |"]
    for t in report.terms:
        cell = lambda s: s.replace("|", "\\|")  # noqa: E731
        out.append(f"| {t.valid_from} – {t.valid_to} | {cell(_who(t.leader, w))} | "
                   f"{cell(_who(t.vice, w))} | {cell(_notes(t, w, lang))} | {t.citation} |")
    if report.note:
        out += ["", f"_{note_text(report, lang)}_"]
    return "\n".join(out) + "\n"
