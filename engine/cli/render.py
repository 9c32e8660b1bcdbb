"""`vedtekt render`: print a verdict saved as `vedtekt check --format json` in another language or
format, exactly as `check` would have printed it (the verdict holds ids; the words are made here)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from engine.cli.click_words import WordedCommand
from engine.cli.options import format_option, lang_option
from engine.core.errors import InputError, Message, at, json_problem
from engine.core.yamlio import Located, load_yaml, read_bounded

# a verdict file of 10,000 scenarios is some 40 MB of JSON; far beyond that it is not one
MAX_JSON_BYTES = 256 * 1024 * 1024
_HINT = Message("errors.hint/check-json")


@click.command(cls=WordedCommand)
@click.argument("file", type=click.Path(path_type=Path))
@format_option("text", "json", "markdown", "html")
@lang_option
def render(file, fmt, lang):
    """Skriv ut en dom fra `vedtekt check --format json` på nytt, på et annet språk eller i et
    annet format, slik `vedtekt check` ville skrevet den.

    Avslutningskode 0 når dommen er skrevet ut, 2 når filen ikke er utdata fra check.

    Eksempel: vedtekt check scenarios/ --format json > dom.json; vedtekt render dom.json --lang en
    """
    from engine.render.report import render_saved

    click.echo(render_saved(read_check_json(file), fmt, lang), nl=False)


class _LinesOnDemand:
    """The line of each key path, found only when a message needs one (a second, slower read of
    the file as YAML, of which JSON is a subset)."""

    def __init__(self, path: Path):
        self.path, self._lines = path, None

    def get(self, key, default=None):
        if self._lines is None:
            try:
                self._lines = load_yaml(self.path).lines
            except InputError:  # too large or not YAML after all: the key path alone places it
                self._lines = {}
        return self._lines.get(key, default)


def read_check_json(path: Path) -> Located:
    """The JSON document in `path`, with a located message (exit 2) when it is not JSON."""
    raw = read_bounded(path, MAX_JSON_BYTES)
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise InputError("errors.not-utf8", file=str(path), where=Message("errors.where/byte", {"byte": exc.start + 1}),
                         hint=_HINT) from None
    except json.JSONDecodeError as exc:
        raise InputError("errors.json-invalid", {"problem": json_problem(exc.msg)}, file=str(path),
                         where=at(exc.lineno, column=exc.colno), hint=_HINT) from None
    if not isinstance(data, dict):
        raise InputError("errors.json-object-expected-scenarios", file=str(path), where=at(1), hint=_HINT)
    return Located(data, _LinesOnDemand(path), str(path))
