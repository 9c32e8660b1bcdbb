"""One exception hierarchy; the CLI maps each class to an exit code."""
from __future__ import annotations


class VedtektError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 3


class InputError(VedtektError):
    """Bad input or usage: the message names the file and the place in it (exit 2)."""

    exit_code = 2

    def __init__(self, message: str, *, file: str | None = None, where: str | None = None,
                 hint: str | None = None):
        self.file, self.where, self.hint, self.bare = file, where, hint, message
        # shown escaped: a file name or quoted value cannot move the cursor or add a line
        file, where, message, hint = (_visible(x) if x else x for x in (file, where, message, hint))
        parts = [p for p in (file, where) if p]
        text = f"{': '.join(parts)}: {message}" if parts else message
        if hint:
            text += f"\n  {hint}"
        super().__init__(text)


def _visible(text: str) -> str:
    from engine.core.safetext import visible

    return visible(text)


class NotModelled(InputError):
    """A date outside the periods the bylaws are modelled for (rule `not-modelled`)."""


class InternalError(VedtektError):
    """The engine cannot vouch for a result, e.g. durable-rules and the reference disagree."""

    exit_code = 3


def did_you_mean(name: str, known: list[str] | set[str]) -> str | None:
    """A 'did you mean' hint for an unknown name, or None when nothing is close."""
    import difflib

    from engine.core.textnorm import fold

    folded = {fold(k): k for k in known}
    close = difflib.get_close_matches(fold(name), list(folded), n=3, cutoff=0.6)
    if not close:
        return None
    return "mente du: " + ", ".join(folded[c] for c in close) + "?"
