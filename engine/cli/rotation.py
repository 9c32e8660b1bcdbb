"""`vedtekt rotation` and `vedtekt calendar`: thin click commands over engine.core.rotation and engine.analyses.duties."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from engine.cli.options import complete_council, format_option, lang_option

_LANG = lang_option

_WORDS = {
    "nb": {"term": "Periode", "leader": "Leder", "vice": "Nestleder", "notes": "Merknader",
           "outside": "utenfor vedtektenes periode", "title": "Leder og nestleder",
           "none": "(ingen i rosteren)", "fictional": "fiktiv", "basis": "grunnlag",
           "derived": "Avledet"},
    "en": {"term": "Term", "leader": "Leader", "vice": "Vice", "notes": "Notes",
           "outside": "outside the bylaws' period", "title": "Leader and vice leader",
           "none": "(not in the roster)", "fictional": "fictional", "basis": "basis",
           "derived": "Derived"},
}


@click.command()
@click.option("--council", default=None, shell_complete=complete_council,
              help="rådets id (council i vedtektsfilene; standard: default_council i bylaws/library.yaml)")
@click.option("--from", "first", type=click.IntRange(1900, 2200), default=2012, show_default=True, help="første år")
@click.option("--to", "last", type=click.IntRange(1900, 2200), default=2031, show_default=True, help="siste år")
@format_option("text", "json", "markdown")
@_LANG
def rotation(council, first, last, fmt, lang):
    """Leder og nestleder for hver periode etter rotasjonen (vedtekter 2012 pkt. 4.1.3):
    kommune og person (der rosteren navngir en), vakanser som deler en periode, og
    perioder etter vedtektenes sluttdato merket som utenfor.

    Eksempel: vedtekt rotation --from 2012 --to 2031 --format json
    """
    from engine.analyses.rotation import rotation_report

    report = rotation_report(council, first, last, lang)
    if fmt == "json":
        click.echo(report.model_dump_json(by_alias=True, indent=2))
    elif fmt == "markdown":
        click.echo(_markdown(report, lang), nl=False)
    else:
        click.echo(_text(report, lang), nl=False)


def _who(side, w) -> str:
    if side.person is None and not side.participant:
        return "-"  # no vice in this leadership, or none elected in the roster
    if side.person is None:
        return f"{side.municipality} {w['none']}"
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


def _text(report, lang) -> str:
    w = _WORDS[lang]
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


def _markdown(report, lang) -> str:
    w = _WORDS[lang]
    out = [f"# {w['title']} – {report.council} {report.first}–{report.last}", "",
           f"| {w['term']} | {w['leader']} | {w['vice']} | {w['notes']} | Hjemmel |",
           "| --- | --- | --- | --- | --- |"]
    for t in report.terms:
        cell = lambda s: s.replace("|", "\\|")  # noqa: E731
        out.append(f"| {t.valid_from} – {t.valid_to} | {cell(_who(t.leader, w))} | "
                   f"{cell(_who(t.vice, w))} | {cell(_notes(t, w))} | {t.citation} |")
    if report.note:
        out += ["", f"_{report.note}_"]
    return "\n".join(out) + "\n"


@click.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--year", type=click.IntRange(1900, 2200), default=None, help="bare dette året (standard: alle år i mappen)")
@click.option("--council", default=None, shell_complete=complete_council,
              help="rådets id (standard: default_council i bylaws/library.yaml)")
@format_option("text", "json")
@_LANG
def calendar(folder, year, council, fmt, lang):
    """Pliktkalenderen: hvilke årlige og månedlige plikter et års møter (en mappe med
    scenarioer) oppfyller eller har forsømt, med hjemmel: Follomøtet minst én gang i året
    (vedtekter 2012 pkt. 4.1.4), stortingsrepresentantene invitert til Follorådet minst én gang
    i året og Follorådet «vanligvis» hver måned (handlingsprogram 2021 kap. 1.2; advarsel).
    Avslutningskode 1 når en plikt med alvorlighet «error» er forsømt.

    Eksempel: vedtekt calendar scenarios/ --year 2017 --format json
    """
    from engine.analyses.duties import duty_calendar
    from engine.render.calendar import to_json, to_text

    report = duty_calendar(folder, year=year, council=council)
    if fmt == "json":
        click.echo(to_json(report, lang))
    else:
        click.echo(to_text(report, lang), nl=False)
    sys.exit(1 if report.missed_errors else 0)


