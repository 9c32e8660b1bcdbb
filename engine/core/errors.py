"""One exception hierarchy; the CLI maps each class to an exit code.

A bad-input error holds ids and values only: a message id of the catalogues' `errors` section
(`engine/messages/nb.yaml`, `en.yaml`) with its arguments, the file, the place in it and
a hint, each place and hint itself a :class:`Message`. The words are chosen when the error is
shown, in the language the user chose (`InputError.text(lang)`); `str()` gives bokmål, the
default language, so a log or a test reads the same message as a user without `--lang`.

>>> error = InputError("errors.file-missing", file="møte.yaml", hint=Message("errors.hint/check-path"))
>>> print(error.text("nb"))
møte.yaml: filen finnes ikke
  sjekk stien
>>> print(error.text("en"))
møte.yaml: the file does not exist
  check the path
>>> print(did_you_mean("quorom", ["quorum", "tie"]).text("en"))
did you mean: quorum?
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

LANGS = ("nb", "en")
DEFAULT_LANG = "nb"

# The catalogues are package data of their own (engine/messages), read by the renderers and here:
# core imports nothing above it (tests/test_layers.py), yet an exception raised in core must be able
# to say what went wrong in either language, so it reads the `errors` section as data.
_CATALOGUES = Path(__file__).resolve().parent.parent / "messages"


@cache
def _catalogue(lang: str) -> dict[str, Any]:
    import yaml

    text = (_CATALOGUES / f"{lang}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["messages"]


def _template(message_id: str, lang: str) -> Any:
    node: Any = _catalogue(lang if lang in LANGS else DEFAULT_LANG)
    for part in message_id.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


@dataclass(frozen=True)
class Message:
    """A sentence by id (`errors.…`) and its arguments; worded only by :meth:`text`.

    An argument may itself be a Message (worded in the same language) or a list of names
    (joined with commas)."""

    id: str
    args: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str = DEFAULT_LANG) -> str:
        template = _template(self.id, lang)
        args = {k: _worded(v, lang) for k, v in self.args.items()}
        try:
            return template.format_map(args)
        except (AttributeError, KeyError, IndexError, ValueError):
            # an id or argument the catalogue lacks (tests/test_error_language.py keeps them in
            # step): the id and its values, never a crash while a bad-input message is printed
            return f"{self.id} {args}" if args else self.id


def _worded(value: Any, lang: str) -> Any:
    from engine.core.safetext import Quoted

    if isinstance(value, Quoted):  # a value shortened for the message: «xxx… (1000 tegn)» in bokmål
        value = Message("errors.quote-truncated", {"start": value.start, "n": value.total})
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(_worded(v, lang)) for v in value)
    return value


def at(line: int | None = None, key: str | None = None, column: int | None = None) -> Message | None:
    """The place in a file: a line, a key path, or both (or line and column).

    >>> at(3, "cases.0.id").text("en"), at(line=7, column=4).text("nb"), at(key="date").text("nb")
    ('line 3, key cases.0.id', 'linje 7, kolonne 4', 'nøkkel date')
    """
    if line is not None and column is not None:
        return Message("errors.where/line-column", {"line": line, "column": column})
    if line is not None and key is not None:
        return Message("errors.where/line-key", {"line": line, "key": key})
    if line is not None:
        return Message("errors.where/line", {"line": line})
    if key is not None:
        return Message("errors.where/key", {"key": key})
    return None


class VedtektError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 3

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """The message for the user in `lang` (the subclasses word theirs from the catalogues)."""
        return str(self)


Place = Message | str | None  # a Message, or a language-neutral name (an option: "--date")


def _message(message_id: str, args: Mapping[str, Any] | None) -> Message:
    """An error's Message. A sentence instead of an id (code written before the catalogue) is shown
    as it is, in every language; tests/test_error_language.py refuses such a call site in engine/."""
    if not message_id.startswith("errors."):
        return Message("errors.untranslated", {"text": message_id})
    return Message(message_id, dict(args or {}))


class InputError(VedtektError):
    """Bad input or usage: the message names the file and the place in it (exit 2).

    `message_id` is an id of the catalogues' `errors` section, `args` its arguments; `where` and
    `hint` are Messages (or language-neutral text such as an option name or a shell command)."""

    exit_code = 2

    def __init__(self, message_id: str, args: Mapping[str, Any] | None = None, *,
                 file: str | None = None, where: Place = None, hint: Place = None):
        self.message = _message(message_id, args)
        self.file, self.where, self.hint = file, where, hint
        super().__init__(self.message.id)

    @property
    def message_id(self) -> str:
        return self.message.id

    def __reduce__(self):  # picklable with its id and arguments (Exception's default keeps only .args)
        return _rebuild, (type(self), self.message.id, dict(self.message.args), self.file, self.where, self.hint)

    def relocated(self, file: str | None) -> InputError:
        """The same error (same class) naming another file, e.g. the scenario that used a bad id."""
        return type(self)(self.message.id, self.message.args, file=file, where=self.where, hint=self.hint)

    def message_text(self, lang: str = DEFAULT_LANG) -> str:
        """The sentence alone (no file, place or hint), escaped for output."""
        return _visible(self.message.text(lang))

    def where_text(self, lang: str = DEFAULT_LANG) -> str | None:
        return _visible(_place(self.where, lang)) if self.where else None

    def hint_text(self, lang: str = DEFAULT_LANG) -> str | None:
        return _visible(_place(self.hint, lang)) if self.hint else None

    def text(self, lang: str = DEFAULT_LANG) -> str:
        """`file: place: sentence`, and the hint on its own indented line.

        Shown escaped: a file name or quoted value cannot move the cursor or add a line."""
        parts = [p for p in (_visible(self.file) if self.file else None, self.where_text(lang)) if p]
        message = self.message_text(lang)
        text = f"{': '.join(parts)}: {message}" if parts else message
        hint = self.hint_text(lang)
        return text + f"\n  {hint}" if hint else text

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)


def _rebuild(cls, message_id, args, file, where, hint):
    return cls(message_id, args, file=file, where=where, hint=hint)


def _place(value: Place, lang: str) -> str:
    return value.text(lang) if isinstance(value, Message) else str(value)


def _visible(text: str) -> str:
    from engine.core.safetext import visible

    return visible(text)


class NotModelled(InputError):
    """A date outside the periods the bylaws are modelled for (rule `not-modelled`)."""


class InternalError(VedtektError):
    """The engine cannot vouch for a result, e.g. durable-rules and the reference disagree (exit 3).

    Worded like InputError: `message_id` of the catalogues' `errors` section (internal/…) and its
    arguments, in the language the command line or the web page asks for; str() is bokmål."""

    exit_code = 3

    def __init__(self, message_id: str, args: Mapping[str, Any] | None = None):
        self.message = _message(message_id, args)
        super().__init__(self.message.id)

    def text(self, lang: str = DEFAULT_LANG) -> str:
        return _visible(self.message.text(lang))

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)

    def __reduce__(self):  # picklable with its id and arguments
        return type(self), (self.message.id, dict(self.message.args))

    def relocated(self, file: str) -> InternalError:
        """The same error naming `file` where it named a file (the web page's request)."""
        args = dict(self.message.args)
        if "file" in args:
            args["file"] = file
        return type(self)(self.message.id, args)


def close_names(name: str, known: Iterable[str]) -> list[str]:
    """Up to three known names close to `name` (case, accents and æøå folded), best first."""
    import difflib

    from engine.core.textnorm import fold

    folded = {fold(k): k for k in known}
    return [folded[c] for c in difflib.get_close_matches(fold(name), list(folded), n=3, cutoff=0.6)]


def did_you_mean(name: str, known: Iterable[str]) -> Message | None:
    """A 'did you mean' hint for an unknown name, or None when nothing is close.

    >>> did_you_mean("folloradt", ["folloradet", "follomotet"]).text("nb")
    'mente du: folloradet, follomotet?'
    >>> did_you_mean("xyz", ["folloradet"]) is None
    True
    """
    close = close_names(name, known)
    return Message("errors.did-you-mean", {"names": close}) if close else None


def invalid(message_id: str, **args: Any) -> Exception:
    """The error a model's validator raises: pydantic's PydanticCustomError with a catalogue id as
    its type and the arguments as its ctx, so that engine.core.load words it in the user's
    language (its own text, for a developer reading the raw ValidationError, is the bokmål one).

    >>> raise invalid("errors.id-empty")
    Traceback (most recent call last):
    pydantic_core._pydantic_core.PydanticCustomError: en id kan ikke være tom eller bare mellomrom
    """
    from pydantic_core import PydanticCustomError

    return PydanticCustomError(message_id, _template(message_id, DEFAULT_LANG) or message_id, args)


def period_args(doc: Any) -> dict[str, Any]:
    """A bylaws document's id and modelled period as message arguments (an open end: «åpen»/«open»)."""
    return {"id": doc.id, "start": doc.valid_from, "end": doc.valid_to or Message("errors.open-end")}


def period(doc: Any) -> Message:
    """A bylaws document's modelled period, `id: from – to`."""
    return Message("errors.period", period_args(doc))


def modelled_periods(docs: Iterable[Any]) -> Message:
    """The hint that lists the periods the documents are modelled for."""
    return Message("errors.hint/modelled-periods", {"periods": [period(d) for d in docs]})


#: the Norwegian word a reference check names a kind of id by → its catalogue id (errors.kind/…)
KIND_IDS = {"organ": "organ", "person": "person", "deltaker": "participant", "verv": "office",
            "sakstype": "case-kind", "relasjonsendepunkt": "relation-end", "observatør": "observer",
            "mål for encoded_as": "encoded-as-target", "deltaker eller observatør": "participant-or-observer",
            "vedtektsdokument": "document"}


def unknown_id(kind: str, value: str, known: Iterable[str] | None = None, *, file: str | None = None,
               where: Place = None) -> InputError:
    """«ukjent organ 'x'» with its 'did you mean' (`kind` an id of errors.kind/… or a word of KIND_IDS).

    >>> print(unknown_id("organ", "folloradt", ["folloradet"], where=at(key="organ")).text("en"))
    key organ: unknown organ 'folloradt'
      did you mean: folloradet?
    """
    from engine.core.safetext import quote

    what = Message(f"errors.kind/{KIND_IDS.get(kind, kind)}")
    hint = did_you_mean(value, sorted(known)) if known is not None else None
    return InputError("errors.unknown-id", {"kind": what, "id": quote(value)}, file=file, where=where, hint=hint)


#: the operating system's errors a user meets with a path, worded by the catalogues (errno name)
_OS_REASONS = ("EACCES", "EPERM", "ENOENT", "EISDIR", "ENOTDIR", "ENOSPC", "EROFS", "ELOOP",
               "ENAMETOOLONG", "EEXIST", "EBUSY", "EIO")


def os_reason(exc: OSError) -> Message | str:
    """Why a path could not be read or written, in the user's language where the catalogues word
    its errno (errors.os/EACCES …); otherwise the system's own text.

    >>> os_reason(PermissionError(13, "Permission denied")).text("nb")
    'ingen tilgang'
    """
    import errno

    name = errno.errorcode.get(exc.errno or -1, "")
    return Message(f"errors.os/{name}") if name in _OS_REASONS else str(exc.strerror or exc)


#: the json module's problems, by the catalogue id that words them (errors.json-problem/…)
JSON_PROBLEMS = {
    "Expecting value": "value",
    "Expecting property name enclosed in double quotes": "property-name",
    "Expecting ',' delimiter": "comma",
    "Expecting ':' delimiter": "colon",
    "Unterminated string starting at": "unterminated-string",
    "Extra data": "extra-data",
    "Invalid control character at": "control-character",
    "Invalid \\escape": "escape",
}


def json_problem(problem: str) -> Message | str:
    """What the json module found wrong, in the user's language where the catalogues word it."""
    slug = JSON_PROBLEMS.get(problem)
    return Message(f"errors.json-problem/{slug}") if slug else problem
