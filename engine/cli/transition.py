"""`vedtekt transition`: the transition report between two bylaws documents (a thin click layer)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from engine.cli.click_words import WordedCommand
from engine.cli.options import date_option, format_option, lang_option
from engine.render.transition import render


@click.command(cls=WordedCommand)
@click.option("--from", "from_id", required=True, help="vedtektene før overgangen (dokument-id, se vedtekt bylaws)")
@click.option("--to", "to_id", required=True, help="vedtektene etter overgangen (dokument-id, se vedtekt bylaws)")
@date_option(help="dato for bildet etter overgangen (standard: første dag de nye vedtektene gjelder)")
@format_option("markdown", "json", "html")
@click.option("--scenarios", "paths", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="scenariofiler eller mapper som kjøres under begge vedtektene (standard: scenarios/)")
@click.option("--no-generated", is_flag=True, help="hopp over genererte møter")
@lang_option
def transition(from_id, to_id, on, fmt, paths, no_generated, lang):
    """Overgangsrapport: organer, rettigheter, regler som endres, rettslige skritt med datoer,
    og scenarioer (og genererte møter) som får en annen dom under de nye vedtektene.

    Eksempel: vedtekt transition --from folloradet --to folloregionen --format json --lang en
    """
    from engine.analyses.transition import transition as build

    report = build(from_id, to_id, on, scenarios=list(paths) or None,
                   generated=not no_generated)
    click.echo(render(report, fmt, lang), nl=False)
    sys.exit(0)
