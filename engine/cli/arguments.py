"""The language the user chose, read from the arguments before anything heavy is imported or
click parses them: usage errors (engine.cli.main) and the goodbye after a signal
(engine.cli.signals) are worded in it. Only the standard library is imported here.
"""
from __future__ import annotations

import sys

from engine.core.errors import DEFAULT_LANG, LANGS  # standard library only


def chosen_lang(argv) -> str:
    """The language of `--lang en` / `--lang=en` in the arguments (nb otherwise), read before click
    parses them, so that an error raised while parsing or before the command runs is worded in it.

    >>> chosen_lang(["check", "x.yaml", "--lang", "en"]), chosen_lang(["check", "--lang=en"]), chosen_lang(["check"])
    ('en', 'en', 'nb')
    >>> chosen_lang(["check", "--", "--lang", "en"])  # after "--": a file name, not the option
    'nb'
    """
    args = list(sys.argv[1:] if argv is None else argv)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg.removeprefix("--lang=")
        if (arg == "--lang" or arg.startswith("--lang=")) and value in LANGS:
            return value
    return DEFAULT_LANG
