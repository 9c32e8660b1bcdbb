"""The `vedtekt review` command: a thin click layer over engine.review (the CLI group adds it)."""
from __future__ import annotations

import sys
from datetime import date

import click

from ..errors import VedtektError
from ..options import date_option, format_option, lang_option
from .core import review_file
from .render import render


@click.command("review")
@click.argument("file", metavar="FILE")
@date_option(help="vurder navn og regler per denne datoen (ellers datoen i teksten)")
@format_option("markdown", "json", "html")
@lang_option
def review(file: str, on: date | None, fmt: str, lang: str) -> None:
    """Juridisk gjennomgang av et utkast til samarbeidsavtale (Markdown, tekst, .docx eller
    vedtektsfil .yaml) mot kommuneloven kapittel 18, seg selv og navn på datoen.

    Avslutter med kode 1 når det finnes minst ett funn av alvorlighet «error».

    Eksempel: vedtekt review drafts/utkast-folloregionen-ipr.md --format html > rapport.html
    """
    try:
        report = review_file(file, on)
    except VedtektError as exc:  # bad input: a located message, never a traceback
        click.echo(f"vedtekt: {exc}", err=True)
        sys.exit(exc.exit_code)
    click.echo(render(report, fmt, lang), nl=False)
    # sys.exit, not ctx.exit: the group runs with standalone_mode=False, which would swallow it
    sys.exit(1 if report.has_errors else 0)
