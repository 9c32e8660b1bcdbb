"""`vedtekt people` and `vedtekt new-scenario`: the thin click layer over engine.analyses.people."""
from __future__ import annotations

import click

from engine.cli.click_words import WordedCommand
from engine.analyses.people import sitting_on, skeleton_scenario
from engine.core.errors import InputError, os_reason
from engine.cli.options import ERROR_LANG, complete_organ, council_option, date_option, format_option, lang_option
from engine.render.catalogue import message
from engine.render.people import to_text

def _common(f):
    f = council_option(f)
    f = date_option(required=True, help="møtedatoen (ÅÅÅÅ-MM-DD)")(f)
    f = click.option("--organ", required=True, shell_complete=complete_organ,
                     help="organets id (se «vedtekt bylaws»)")(f)
    return f


def _format(f):
    return lang_option(format_option("text", "json")(f))


@click.command("people", cls=WordedCommand)
@_common
@_format
def people(organ, on, council, fmt, lang):
    """Hvem sitter i organet på datoen: medlemmer per deltaker, lovlige stedfortredere (fast
    stedfortreder eller varamedlemmer i nummerorden), observatører, rådgivere, leder og nestleder,
    med id-ene et scenario bruker.

    Eksempel: vedtekt people --organ folloradet --date 2021-02-12 --format json
    """
    import json

    s = sitting_on(organ, on, council)
    click.echo(json.dumps(s, ensure_ascii=False, indent=2) if fmt == "json" else to_text(s, lang), nl=fmt != "text")


@click.command("new-scenario", cls=WordedCommand)
@_common
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=str), default=None,
              help="skriv til denne filen (ellers standard ut); en eksisterende fil overskrives ikke")
def new_scenario(organ, on, council, output):
    """Skriv et skjelett av en scenariofil for organet på datoen: alle medlemmer til stede,
    lederen som møteleder og én sak; kommentarene viser stedfortredere og observatører.
    Filen kan sjekkes som den er (vedtekt check FIL).

    Eksempel: vedtekt new-scenario --organ folloradet --date 2021-02-12 --output mote.yaml
    """
    from pathlib import Path

    text = skeleton_scenario(sitting_on(organ, on, council))
    if output is None:
        click.echo(text, nl=False)
        return
    path = Path(output)
    if path.exists():
        raise InputError("errors.file-exists", file=output, where="--output")
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError("errors.cannot-write", {"reason": os_reason(exc)}, file=output, where="--output") from None
    # new-scenario writes a bokmål skeleton, but its own line follows --lang (read by engine.cli.main)
    click.echo(message("cli.people.wrote", ERROR_LANG.get(), {"file": output}), err=True)
