"""The CLI's shared options and parameter types, declared once for every command.

One ISO date type (``--date``), one set of ``--format`` names, ``--lang nb|en``, ``--bylaws-dir``,
a writable ``--output`` path, and shell completion of rule ids, organ ids, council ids and node
names (click's ``shell_complete``). Their messages are worded in the language of ``--lang``
(``ERROR_LANG``, set by engine.cli.main before click parses the arguments).

>>> IsoDate().convert("2021-02-12", None, None) == datetime.date(2021, 2, 12)
True
"""
from __future__ import annotations

import datetime
import os
from contextvars import ContextVar
from pathlib import Path

import click
from click.shell_completion import CompletionItem

from engine.core.bounds import FIRST_DATE, LAST_DATE
from engine.core.errors import DEFAULT_LANG, Message, did_you_mean
from engine.core.safetext import quote

#: the language of `--lang` for messages about bad options, set by engine.cli.main from the
#: arguments before click parses them (an option may be converted before --lang is)
ERROR_LANG: ContextVar[str] = ContextVar("error_lang", default=DEFAULT_LANG)


def say(message_id: str, **args) -> str:
    """A message of the catalogues' errors section in the language of `--lang`."""
    return Message(message_id, args).text(ERROR_LANG.get())

#: The format names, the same everywhere a format makes sense (a command offers a subset).
FORMATS = ("text", "json", "markdown", "html")
#: The graph's own formats (`authority show`): the picture and graph-description languages.
GRAPH_FORMATS = ("dot", "mermaid", "png", "svg")


class Day(datetime.date):
    """A date that also answers ``.date()``, as the values of click.DateTime did (so code
    written for that type keeps working).

    >>> Day(2021, 2, 12).date() == datetime.date(2021, 2, 12)
    True
    """

    def date(self) -> datetime.date:
        return datetime.date(self.year, self.month, self.day)


class IsoDate(click.ParamType):
    """A calendar date written YYYY-MM-DD (ISO 8601); converts to a :class:`datetime.date`."""

    name = "ÅÅÅÅ-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, datetime.date):
            day = value if not isinstance(value, datetime.datetime) else value.date()
        else:
            try:
                day = datetime.date.fromisoformat(str(value).strip())
            except ValueError:
                self.fail(say("errors.option-date-invalid", value=quote(str(value))), param, ctx)
        if not FIRST_DATE <= day <= LAST_DATE:  # issue 17: 9999-12-31 + 1 day does not exist
            self.fail(say("errors.option-date-out-of-range", date=day, first=FIRST_DATE, last=LAST_DATE), param, ctx)
        return Day(day.year, day.month, day.day)


class Choice(click.Choice):
    """click's Choice, with a «mente du» for a misspelt value (click words the rest of the message,
    in the language of --lang: engine.cli.click_words).

    >>> Choice(["json", "text"]).get_invalid_choice_message("jsn", None).endswith("(mente du: json?)")
    True
    """

    def get_invalid_choice_message(self, value, ctx) -> str:
        hint = did_you_mean(str(value), [str(choice) for choice in self.choices])
        return super().get_invalid_choice_message(value, ctx) + (f" ({hint.text(ERROR_LANG.get())})" if hint else "")


LANG_CHOICE = Choice(["nb", "en"])


class OutputPath(click.ParamType):
    """A file the command will write: refused at once (exit 2, path named) when it cannot be."""

    name = "FIL"

    def convert(self, value, param, ctx):
        path = Path(value)
        if path.is_dir():
            self.fail(f"{path}: " + say("errors.is-a-folder"), param, ctx)
        parent = path.parent if str(path.parent) else Path(".")
        if not parent.is_dir():
            self.fail(f"{path}: " + say("errors.parent-missing", folder=parent), param, ctx)
        if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            self.fail(f"{path}: " + say("errors.not-writable"), param, ctx)
        return path


# -- completion ------------------------------------------------------------------------------
def _items(names, incomplete: str) -> list[CompletionItem]:
    start = incomplete.casefold()
    return [CompletionItem(n) for n in sorted(set(names)) if n.casefold().startswith(start)]


def _quietly(names_of):
    """Completion must never print a traceback into the user's shell: no data, no suggestions."""
    def complete(ctx, param, incomplete):
        try:
            return _items(names_of(), incomplete)
        except Exception:  # noqa: BLE001  (bad bylaws folder while completing: offer nothing)
            return []
    return complete


def _rule_ids():
    from engine.core.rules import rulebook

    return [r.id for r in rulebook().rules]


def _organ_ids():
    from engine.core.library import library

    return [o.id for d in library().documents.values() for o in d.organs]


def _council_ids():
    from engine.core.library import library

    return [d.council for d in library().documents.values()]


def _document_ids():
    from engine.core.library import library

    return list(library().documents)


def _node_names():
    """Node ids of the authority graph of every document (at its first day in force)."""
    from engine.analyses.graph import authority_graph
    from engine.core.library import library

    names = []
    for doc in library().documents.values():
        if doc.valid_from is not None:
            names += list(authority_graph(doc, doc.valid_from).nodes)
    return names


complete_rule = _quietly(_rule_ids)
complete_organ = _quietly(_organ_ids)
complete_council = _quietly(_council_ids)
complete_document = _quietly(_document_ids)
complete_node = _quietly(_node_names)


# -- the shared options --------------------------------------------------------------------------
def date_option(*, required: bool = False, help: str = "datoen (ÅÅÅÅ-MM-DD)", name: str = "on"):
    # no default on a required option: click 8.5 takes an explicit default=None as given and lets a
    # missing --date through (an internal error later instead of a usage error, exit 2)
    extra = {} if required else {"default": None}
    return click.option("--date", name, type=IsoDate(), required=required, help=help, **extra)


def format_option(*choices: str, default: str | None = None):
    """``--format`` with the given names (a subset of FORMATS, plus picture formats)."""
    choices = choices or ("text", "json")
    unknown = set(choices) - set(FORMATS + GRAPH_FORMATS)
    if unknown:
        raise ValueError(f"unknown format names {sorted(unknown)}")
    default = default or choices[0]
    words = ", ".join(c + (" (standard)" if c == default else "") for c in choices)
    return click.option("--format", "fmt", type=Choice(list(choices)), default=default,
                        show_default=False, help=f"utdataformat: {words}")


def lang_option(f):
    return click.option("--lang", type=LANG_CHOICE, default="nb",
                        help="språk: nb (bokmål, standard) eller en (English)")(f)


def council_option(f):
    return click.option("--council", default=None, shell_complete=complete_council,
                        help="rådets id (council i vedtektsfilene)")(f)


def output_option(f):
    return click.option("--output", "-o", type=OutputPath(), default=None,
                        help="skriv til denne filen")(f)


def _use_bylaws_dir(ctx, param, value):
    if value is not None:
        from engine.core.resources import set_bylaws_dir

        set_bylaws_dir(value)
    return value


def bylaws_dir_param() -> click.Option:
    """``--bylaws-dir DIR``: the user's own bylaws folder (wins over VEDTEKT_BYLAWS)."""
    return click.Option(["--bylaws-dir"], type=click.Path(file_okay=False, path_type=Path),
                        default=None, expose_value=False, is_eager=True, callback=_use_bylaws_dir,
                        help="egen mappe med vedtekter (standard: $VEDTEKT_BYLAWS, ellers de som "
                             "følger med vedtekt)")


def with_shared_params(command: click.Command) -> click.Command:
    """Give `command` (and every subcommand of a group) the options every command has."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            with_shared_params(sub)
    # a command that declares its own --bylaws-dir (e.g. `serve`) keeps it
    if not any(p.name == "bylaws_dir" or "--bylaws-dir" in getattr(p, "opts", ()) for p in command.params):
        command.params.append(bylaws_dir_param())
    if not isinstance(command, click.Group) and not any(p.name == "lang" for p in command.params):
        # a command that writes no text in a language (bench, serve, new-scenario) still words its
        # error messages in the language asked for (engine.cli.main reads it from the arguments)
        command.params.append(click.Option(["--lang"], type=LANG_CHOICE, default="nb",
                                           expose_value=False, help="språk for feilmeldinger: nb (standard) eller en"))
    return command
