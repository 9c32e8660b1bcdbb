"""The message catalogues: every sentence a user reads, one YAML file per language.

`engine/messages/nb.yaml` and `en.yaml` map a message id to a format string over the
message's arguments (Python `str.format` syntax: `{person}`, `{count}`). A translator edits one
file; a test holds that both languages have the same ids and the same arguments. Words that are
themselves values (a kind of deputy, an outcome, a right) are ids too, worded through the
`words.<group>.<id>` entries, so a fact never carries display text.

>>> message("catalogue-demo", "nb", {"n": 3})
'3 scenarioer'
>>> message("catalogue-demo", "en", {"n": 3})
'3 scenarios'
>>> word("outcome", "adopted", "en")
'adopted'
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from string import Formatter
from typing import Any

import yaml

LANGS = ("nb", "en")
DEFAULT_LANG = "nb"


@cache
def catalogue(lang: str) -> dict[str, Any]:
    """The catalogue of `lang` (nb or en), read once."""
    if lang not in LANGS:
        raise ValueError(f"no catalogue for language {lang!r}; have {LANGS}")
    # beside this module (also in a wheel); libyaml's loader where PyYAML has it: read on every start
    text = (Path(__file__).parent.parent / "messages" / f"{lang}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _entry(lang: str, dotted: str) -> Any:
    node: Any = catalogue(lang)
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KeyError(f"message {dotted!r} is missing from the {lang} catalogue")
        node = node[part]
    return node


def message(message_id: str, lang: str = DEFAULT_LANG, args: dict[str, Any] | None = None) -> str:
    """The sentence `message_id` in `lang`, worded from `args`."""
    template = _entry(lang, f"messages.{message_id}")
    return template.format_map(args or {})


def word(group: str, value: str, lang: str = DEFAULT_LANG) -> str:
    """The word for a value id (e.g. group `outcome`, value `adopted`)."""
    return _entry(lang, f"words.{group}.{value}")


def in_language(texts: Any, lang: str = DEFAULT_LANG) -> str:
    """Data written in both languages (a bylaws `Label` with fields `nb` and `en`, or a dict keyed by
    language) in `lang`: the data's own words, not the catalogue's.

    >>> in_language({"nb": "årsmøte", "en": "annual meeting"}, "en")
    'annual meeting'
    """
    return texts[lang] if isinstance(texts, dict) else getattr(texts, lang)


def severity(value: str, lang: str = DEFAULT_LANG) -> str:
    """A finding's severity (error, warning, info) in words: the one word group (`words.severity`)
    every output uses, in text, Markdown and HTML alike.

    >>> severity("info", "nb"), severity("info", "en")
    ('merknad', 'note')
    """
    return word("severity", value, lang)


def severity_marker(value: str, lang: str = DEFAULT_LANG) -> str:
    """The severity as the text listings mark a finding: the same word, upper-case, in brackets
    (a marker the eye finds at the start of a line; not a second table).

    >>> severity_marker("error", "nb"), severity_marker("warning", "en")
    ('[FEIL]', '[WARNING]')
    """
    return f"[{severity(value, lang).upper()}]"


def fields_of(template: str) -> set[str]:
    """The argument names a template uses (for the catalogue test)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in Formatter().parse(template) if name}
