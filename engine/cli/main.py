"""The `vedtekt` command: a thin click layer. Parse options, call the library, print.

Library errors become messages with exit codes (contract): 2 bad input, 3 internal error,
4 a verdict that differs from its scenario's `expected` (check). Commands that live in their
own modules are imported only when called (cold start); every command gets the shared options
(engine/cli/options.py) when it is looked up.
"""
from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import click

from engine.cli.click_words import WordedGroup
from engine.cli.signals import Interrupted, catch_signals, interrupted, signals_held
from engine.cli.arguments import chosen_lang
from engine.core.errors import DEFAULT_LANG, InputError, Message, VedtektError, os_reason
from engine.cli.options import (ERROR_LANG, Choice, complete_document, complete_rule, format_option, lang_option, say,
                                with_shared_params)

LAZY_COMMANDS = {
    # name: "module:attribute" of a click command defined elsewhere
    "review": "engine.cli.review:review",
    "rotation": "engine.cli.rotation:rotation",
    "authority": "engine.cli.authority:authority",
    "transition": "engine.cli.transition:transition",
    "bench": "engine.cli.bench:bench",
    "calendar": "engine.cli.rotation:calendar",
    "examples": "engine.cli.examples:examples",
    "verify": "engine.cli.verify:verify",
    "people": "engine.cli.people:people",
    "render": "engine.cli.render:render",
    "new-scenario": "engine.cli.people:new_scenario",
    "serve": "engine.cli.serve:serve",
}


class LazyGroup(WordedGroup):
    def list_commands(self, ctx):
        available = [n for n, target in LAZY_COMMANDS.items() if _module_exists(target)]
        return sorted(set(super().list_commands(ctx)) | set(available))

    def get_command(self, ctx, name):
        command = super().get_command(ctx, name)
        if command is None and name in LAZY_COMMANDS and _module_exists(LAZY_COMMANDS[name]):
            module, attr = LAZY_COMMANDS[name].split(":")
            command = getattr(importlib.import_module(module), attr)
        return with_shared_params(command) if command is not None else None


def _module_exists(target: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(target.split(":")[0]) is not None


#: optional packages (module name) and the extra of pyproject.toml that installs each
OPTIONAL_EXTRAS = {"matplotlib": "graph", "docx": "docx", "z3": "verify"}

#: exit code of `check` when a verdict differs from its scenario's `expected` (contract)
EXIT_EXPECTED_DIFFERS = 4


def _print_version(ctx: click.Context, _param, value: bool) -> None:
    """`vedtekt --version`: the installed version, worded from the catalogue (click's own
    version_option words its line once, at import, before the language is known)."""
    if not value or ctx.resilient_parsing:
        return
    from importlib.metadata import version

    click.echo(say("cli.version", version=version("vedtekt")))
    ctx.exit()


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="vis versjonen og avslutt")
def cli():
    """vedtekt: vedtekter og saksbehandlingsregler for regionråd og interkommunale politiske
    råd som data (ett råd er én datafil i bylaws/), og en regelmotor som vurderer møter og vedtak.

    Eksempel: vedtekt check scenarios/
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@format_option("text", "json", "markdown", "html")
@lang_option
@click.option("--engine", type=Choice(["both", "reference", "durable"]), default="both",
              help="both (standard): durable-rules kontrollert mot referanseevalueringen")
def check(paths, fmt, lang, engine):
    """Vurder om møtene og vedtakene i scenariofilene er gyldige.

    PATHS er scenariofiler (YAML) eller mapper med slike. Avslutningskode 0 når alle er
    gyldige, 1 når minst ett er ugyldig, 4 når minst én dom avviker fra scenarioets
    forventede dom (`expected`).

    Eksempel: vedtekt check scenarios/folloradet/2021-02-quorum.yaml --format json
    """
    from engine.render import report
    from engine.core.evaluate import check_files

    files = _scenario_files(paths)
    if fmt in ("markdown", "html"):  # one document over every verdict
        verdicts = list(check_files(_progress(files), engine=engine))
        document = report.to_markdown(verdicts, lang) if fmt == "markdown" else _html_page(verdicts, lang)
        with signals_held():  # a signal now waits until the report is out: never half a report
            click.echo(document, nl=False)
        sys.exit(_check_exit([v.valid for v in verdicts],
                             [v.expected.matches for v in verdicts if v.expected is not None]))
    rendered = report.Rendered(fmt, lang)  # text and JSON: rendered as they come (memory)
    for verdict in check_files(_progress(files), engine=engine):
        rendered.add(verdict)
    with signals_held():
        for chunk in rendered.chunks():  # printed only when every file is checked (exit 2 prints no half report)
            click.echo(chunk, nl=False)
    sys.exit(_check_exit(rendered.valid, rendered.expected))


def _html_page(verdicts, lang: str) -> str:
    from engine.render.html import check_page

    return check_page(verdicts, lang)


def _check_exit(valid: list[bool], expected_matches: list[bool]) -> int:
    """0 all valid, 1 some invalid, 4 a verdict differs from its `expected` (wins over 0 and 1).

    >>> _check_exit([True, False], [True, True]), _check_exit([True], [False]), _check_exit([True], [])
    (1, 4, 0)
    """
    if not all(expected_matches):
        return EXIT_EXPECTED_DIFFERS
    return 0 if all(valid) else 1


def _progress(files: list[Path]):
    if len(files) < 200 or not sys.stderr.isatty():
        return files
    from rich.console import Console
    from rich.progress import track

    # on stderr: stdout carries the report and may be redirected to a file
    return track(files, description="Vurderer scenarioer", console=Console(stderr=True),
                 transient=True)


def _scenario_files(paths) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            # not only regular files: a FIFO or device named *.yaml is refused (exit 2), not skipped
            found = sorted(f for f in p.rglob("*.yaml") if not f.is_dir())
            if not found:
                raise InputError("errors.no-scenario-files", file=str(p))
            files += found
        elif p.exists():
            files.append(p)
        else:
            raise InputError("errors.file-missing", file=str(p), hint=Message("errors.hint/check-path"))
    return files


@cli.command()
@click.argument("rule", required=False, shell_complete=complete_rule)
@click.option("--list", "list_all", is_flag=True, help="list alle regel-id-er med én linje hver")
@lang_option
@format_option("text", "json")
def explain(rule, list_all, lang, fmt):
    """Forklar en regel: tekst, hjemmel og paragrafen den gjennomfører.

    Eksempel: vedtekt explain quorum; alle regler: vedtekt explain --list
    """
    if list_all:
        from engine.render.rule_list import rule_list

        click.echo(rule_list(lang, fmt), nl=False)
        return
    if rule is None:
        raise click.UsageError(say("errors.explain-needs-rule"))
    from engine.render.explain import explain_rule

    click.echo(explain_rule(rule, lang, fmt))


@cli.command()
@format_option("text", "json")
@click.option("--document", "doc_id", default=None, help="bare dette dokumentet",
              shell_complete=complete_document)
@click.option("--check", "check_file", type=click.Path(path_type=Path), default=None,
              help="valider en ny vedtektsfil (og rosters/<id>.yaml ved siden av) og vis klausulenes dekning")
@lang_option
def bylaws(fmt, doc_id, check_file, lang):
    """List vedtektsdokumentene og status for hver klausul i kildene
    (kodet, ikke modellert med begrunnelse, eller bare informativ).

    Eksempel: vedtekt bylaws --document folloradet
    """
    if check_file is not None:
        import json

        from engine.analyses.bylaws_check import check_bylaws_file
        from engine.render.explain import bylaws_check_text

        data = check_bylaws_file(check_file)
        text = json.dumps(data, ensure_ascii=False, indent=2) if fmt == "json" else bylaws_check_text(data, lang)
        click.echo(text, nl=False)
        return
    from engine.analyses.spending import load_budgets
    from engine.render.explain import bylaws_listing

    load_budgets()  # the budgets beside the bylaws are checked whole too (exit 2 at a wrong id)
    click.echo(bylaws_listing(fmt, doc_id, lang))


def main(argv=None):
    # pydantic looks for plugins among every installed distribution's entry points at the first
    # validation (about 45 ms of a 300 ms cold start); the CLI uses none. PYDANTIC_DISABLE_PLUGINS=0
    # in the environment turns them back on.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    from engine.core.resources import set_bylaws_dir

    set_bylaws_dir(None)  # --bylaws-dir holds for one command (tests call main many times)
    restore_streams = _guard_streams()
    restore_signals = catch_signals()
    try:
        _run(argv)
    finally:
        set_bylaws_dir(None)  # and not after it either: a library call after main() (a test) gets the default
        restore_signals()
        restore_streams()


def _run(argv) -> None:
    from engine.cli.click_words import speak_the_users_language

    lang = chosen_lang(argv)
    token = ERROR_LANG.set(lang)  # for one command: reset below (tests call main many times)
    restore_click = speak_the_users_language()  # click's usage errors in that language too
    try:
        _run_in(argv, lang)
    finally:
        restore_click()
        ERROR_LANG.reset(token)


def _run_in(argv, lang: str) -> None:
    from engine.core.safetext import quote

    try:
        cli.main(args=argv, prog_name="vedtekt", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2)
    except (click.exceptions.Abort, KeyboardInterrupt):
        interrupted(130)
    except Interrupted as exc:
        interrupted(exc.code)
    except VedtektError as exc:
        click.echo(f"vedtekt: {exc.text(lang)}", err=True)
        sys.exit(exc.exit_code)
    except ModuleNotFoundError as exc:
        extra = OPTIONAL_EXTRAS.get((exc.name or "").split(".")[0])
        if extra is None:
            raise_internal(exc, lang)
        click.echo("vedtekt: " + Message("errors.missing-extra", {"package": exc.name, "extra": extra}).text(lang),
                   err=True)
        sys.exit(2)
    except OSError as exc:
        if exc.filename is None:
            raise_internal(exc, lang)
        # a path the user gave that cannot be read or written: their input, not our bug
        reason = os_reason(exc)
        click.echo(f"vedtekt: {quote(str(exc.filename))}: {reason.text(lang) if isinstance(reason, Message) else reason}",
                   err=True)
        sys.exit(2)
    except RecursionError:
        click.echo("vedtekt: " + Message("errors.too-deep").text(lang), err=True)
        sys.exit(2)
    except Exception as exc:  # a bug: say so, without a traceback unless asked
        raise_internal(exc, lang)
    sys.exit(0)


def raise_internal(exc: Exception, lang: str = DEFAULT_LANG):
    if os.environ.get("VEDTEKT_DEBUG"):
        raise exc
    from engine.core.safetext import quote

    problem = f"{type(exc).__name__}: {quote(str(exc), 300)}"
    click.echo("vedtekt: " + Message("errors.internal", {"problem": problem}).text(lang), err=True)
    sys.exit(3)


def _guard_streams():
    """stdout escapes unsafe characters (safetext.VisibleStream); stdout and stderr degrade
    characters their encoding lacks (Latin-1, cp1252) to «?» instead of failing. Returns the
    function that undoes this (main is also called in-process by tests)."""
    from engine.core.safetext import VisibleStream

    saved = sys.stdout, sys.stderr
    for stream in saved:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "") == "strict":
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError, TypeError):
                pass  # a stream that cannot change: left as it is
    if sys.stdout is not None and not isinstance(sys.stdout, VisibleStream):
        sys.stdout = VisibleStream(sys.stdout)

    def restore():
        sys.stdout, sys.stderr = saved

    return restore
