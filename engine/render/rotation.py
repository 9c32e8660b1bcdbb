"""`vedtekt rotation` as text and Markdown (its JSON is the report model itself), worded from the
catalogue's `rotation.report` messages."""
from __future__ import annotations

from engine.analyses.rotation import RotationReport
from engine.render.catalogue import catalogue


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


def _notes(t, w) -> str:
    notes = list(t.events)
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
        notes = _notes(t, w)
        if notes:
            lines.append(f"  {' ' * 23}  {w['notes']}: {notes}")
        lines.append(f"  {' ' * 23}  [{t.citation}]")
    if report.note:
        lines += ["", f"* {report.note}"]
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
                   f"{cell(_who(t.vice, w))} | {cell(_notes(t, w))} | {t.citation} |")
    if report.note:
        out += ["", f"_{report.note}_"]
    return "\n".join(out) + "\n"
