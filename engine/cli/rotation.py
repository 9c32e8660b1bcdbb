"""`vedtekt rotation` and `vedtekt calendar`: thin click commands over engine.core.rotation and engine.analyses.duties."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from engine.cli.click_words import WordedCommand
from engine.cli.options import complete_council, format_option, lang_option
from engine.core.bounds import FIRST_YEAR, LAST_YEAR

_LANG = lang_option


@click.command(cls=WordedCommand)
@click.option("--council", default=None, shell_complete=complete_council,
              help="rådets id (council i vedtektsfilene; standard: default_council i bylaws/library.yaml)")
@click.option("--from", "first", type=click.IntRange(FIRST_YEAR, LAST_YEAR), default=None,
              help="første år (standard: året rådets første vedtektsdokument trer i kraft)")
@click.option("--to", "last", type=click.IntRange(FIRST_YEAR, LAST_YEAR), default=None,
              help="siste år (standard: året rådets siste dokument slutter; uten sluttdato ti år etter at det trådte i kraft)")
@click.option("--organ", default=None,
              help="organet hvis ledelse vises (standard: det første organet med rotasjon i dokumentet)")
@format_option("text", "json", "markdown")
@_LANG
def rotation(council, first, last, organ, fmt, lang):
    """Leder og nestleder for hver periode etter rådets ledelsesordning i vedtektene (rotasjon
    eller valg; hver periode viser sin hjemmel): deltaker og person (der rosteren navngir en),
    vakanser som deler en periode, og perioder etter vedtektenes sluttdato merket som utenfor.

    Eksempel: vedtekt rotation --council sogn --format json
    """
    from engine.analyses.rotation import rotation_report
    from engine.render.rotation import rotation_json, to_markdown, to_text

    report = rotation_report(council, first, last, organ=organ)
    if fmt == "json":
        click.echo(json.dumps(rotation_json(report, lang), ensure_ascii=False, indent=2))
    elif fmt == "markdown":
        click.echo(to_markdown(report, lang), nl=False)
    else:
        click.echo(to_text(report, lang), nl=False)


@click.command(cls=WordedCommand)
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--year", type=click.IntRange(FIRST_YEAR, LAST_YEAR), default=None, help="bare dette året (standard: alle år i mappen)")
@click.option("--council", default=None, shell_complete=complete_council,
              help="rådets id (standard: default_council i bylaws/library.yaml)")
@format_option("text", "json")
@_LANG
def calendar(folder, year, council, fmt, lang):
    """Pliktkalenderen: hvilke plikter rådets vedtekter setter (`duties`: et organ skal møtes
    et antall ganger i året, eventuelt innen en frist, av en møtetype eller med inviterte; et
    organ møtes hver måned) et års møter (en mappe med scenarioer) oppfyller eller har forsømt,
    hver med hjemmelen vedtektene gir. Avslutningskode 1 når en plikt med alvorlighet «error»
    er forsømt; en plikt «som hovedregel» gir en advarsel.

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


