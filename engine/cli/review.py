"""The `vedtekt review` command: a thin click layer over engine.analyses.review (the CLI group adds it)."""
from __future__ import annotations

import sys
from datetime import date

import click

from engine.cli.click_words import WordedCommand
from engine.core.errors import Message, VedtektError, did_you_mean
from engine.cli.options import ERROR_LANG, date_option, format_option, lang_option
from engine.analyses.review.checks import KINDS
from engine.render.catalogue import message
from engine.render.review import list_checks
from engine.analyses.review.core import review_file
from engine.render.review import render


class _Kind(click.Choice):
    """--kind: an unknown kind named in Norwegian, with a «mente du» suggestion."""

    def convert(self, value, param, ctx):
        if value in self.choices:
            return value
        hint = did_you_mean(str(value), list(self.choices))
        lang = ERROR_LANG.get()
        self.fail(Message("errors.unknown-document-kind", {"value": value, "kinds": list(self.choices)}).text(lang)
                  + (f" ({hint.text(lang)})" if hint else ""), param, ctx)


@click.command("review", cls=WordedCommand)
@click.argument("file", metavar="FILE", required=False)
@date_option(help="vurder navn og regler per denne datoen (ellers datoen i teksten)")
@click.option("--kind", type=_Kind(KINDS), default=None,
              help="hva slags dokument: ipr (kapittel 18), section27 (regionråd etter § 27 i 1992-loven), "
                   "ko (kapittel 19), regionrad (uoppgitt); ellers lest fra teksten")
@format_option("markdown", "json", "html")
@lang_option
@click.option("--list-checks", "list_checks_", is_flag=True,
              help="skriv ut kontrollene med hjemmel og hva de leser, og avslutt")
def review(file: str | None, on: date | None, kind: str | None, fmt: str, lang: str,
           list_checks_: bool) -> None:
    """Juridisk gjennomgang av et utkast til samarbeidsavtale (Markdown, tekst, .docx eller
    vedtektsfil .yaml) mot kommuneloven kapittel 18, seg selv og navn på datoen.

    Avslutter med kode 1 når det finnes minst ett funn av alvorlighet «error».

    Eksempel: vedtekt review drafts/utkast-folloregionen-ipr.md --format html > rapport.html
    """
    if list_checks_:
        click.echo(list_checks(lang), nl=False)
        return
    if file is None:  # a usage error, worded and shown as click's own (exit 2), like `explain`'s
        raise click.UsageError(message("review.needs-file", lang))
    try:
        report = review_file(file, on, kind)
    except VedtektError as exc:  # bad input: a located message, never a traceback
        click.echo(f"vedtekt: {exc.text(lang)}", err=True)
        sys.exit(exc.exit_code)
    click.echo(render(report, fmt, lang), nl=False)
    # sys.exit, not ctx.exit: the group runs with standalone_mode=False, which would swallow it
    sys.exit(1 if report.has_errors else 0)
