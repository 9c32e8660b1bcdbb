"""click's own sentences (usage errors, «Usage:», the help's headings) in the language of --lang.

click words everything it prints through gettext: ``_("No such option {name!r}.")``, or
``ngettext(singular, plural, n)``, and fills in the arguments afterwards (the option, the value,
the choices, the names it suggests for a misspelt one). :func:`speak_the_users_language` gives
click's modules a ``_`` and an ``ngettext`` that look click's English text up in the catalogue's
word group ``cli-click`` (engine/messages/<lang>.yaml) of the language of --lang (``ERROR_LANG``,
read from the arguments before click parses them), so a usage error is bokmål by default and
English with ``--lang en``. A text the catalogue does not have stays click's English.

>>> from engine.cli.options import ERROR_LANG
>>> restore = speak_the_users_language()
>>> import click.exceptions
>>> str(click.exceptions.NoSuchOption("--bogus").format_message())
"Ukjent valg '--bogus'."
>>> token = ERROR_LANG.set("en")
>>> str(click.exceptions.NoSuchOption("--bogus").format_message())
"No such option '--bogus'."
>>> ERROR_LANG.reset(token); restore()

click builds the usage line's placeholders (``[OPTIONS]``, ``COMMAND [ARGS]...``) without gettext;
every command of vedtekt is a :class:`WordedCommand` (a group a :class:`WordedGroup`), whose
usage line looks each piece up in the same word group.
"""
from __future__ import annotations

import gettext as _gettext_module
import sys

import click

from engine.cli.options import ERROR_LANG
from engine.render.catalogue import catalogue

#: the catalogue's word group of click's texts, keyed by click's own English text
GROUP = "cli-click"


def gettext(text: str) -> str:
    """click's `text` in the language of --lang (click's English where the catalogue has none)."""
    return catalogue(ERROR_LANG.get())["words"][GROUP].get(text, text)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural text (the same rule in bokmål as in English), translated."""
    return gettext(singular if n == 1 else plural)


#: the names under which click's modules hold gettext's functions, and what they get instead
_ORIGINAL = {"_": _gettext_module.gettext, "ngettext": _gettext_module.ngettext}
_OURS = {"_": gettext, "ngettext": ngettext}


def speak_the_users_language():
    """Give click's modules the catalogue's translations; return the function that puts click's own
    back (engine.cli.main.main runs one command at a time, and tests call it many times)."""
    replaced = [(module, name) for module_name, module in list(sys.modules.items())
                if (module_name == "click" or module_name.startswith("click.")) and module is not None
                for name, original in _ORIGINAL.items() if vars(module).get(name) is original]
    for module, name in replaced:
        setattr(module, name, _OURS[name])

    def restore() -> None:
        for module, name in replaced:
            setattr(module, name, _ORIGINAL[name])

    return restore


class WordedCommand(click.Command):
    """A command whose usage line («[OPTIONS] PATHS...») is in the language of --lang."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [gettext(piece) for piece in super().collect_usage_pieces(ctx)]


class WordedGroup(click.Group):
    """A group whose usage line («[OPTIONS] COMMAND [ARGS]...») is in the language of --lang, and
    whose subcommands are WordedCommands."""

    command_class = WordedCommand

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [gettext(piece) for piece in super().collect_usage_pieces(ctx)]
