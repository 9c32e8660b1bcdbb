"""Text from the input, made harmless for output: no input can move the cursor, recolour a line
or reverse the reading order of what the engine prints.

`visible` escapes one field of user text (names, ids, titles, file names) for text output,
newlines included, so a name can never start a line of its own. `VisibleStream` is the net
under every command's stdout: it escapes what reaches it except the newlines and tabs the
reports are made of. The escapes are JSON's (`\\u001b`), so JSON output through the stream is
still the same JSON, value for value. `md_escape` escapes Markdown and HTML in user text.
"""
from __future__ import annotations

import re

# Bidirectional formatting characters: embeddings, overrides (U+202E «forges» reading order),
# isolates, and the implicit marks.
_BIDI = [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
# C0, DEL and C1 controls (ESC among them), the line and paragraph separators, and the bidi set.
_UNSAFE = [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *_BIDI]
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

_FIELD = {c: _SHORT.get(chr(c), f"\\u{c:04x}") for c in _UNSAFE}
_STREAM = {c: f"\\u{c:04x}" for c in _UNSAFE if chr(c) not in "\n\t"}

_STREAM_UNSAFE = re.compile("[" + "".join(re.escape(chr(c)) for c in _STREAM) + "]")

MAX_QUOTE = 80


def visible(text: object) -> str:
    """`text` with every control, separator and bidi character shown as an escape."""
    return str(text).translate(_FIELD)


def quote(value: object, limit: int = MAX_QUOTE) -> str:
    """A bad value for an error message: escaped, and at most `limit` characters of it.

    >>> quote("x" * 100, 3)
    'xxx… (100 tegn)'
    """
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit:
        return Quoted(visible(text[:limit]), len(text))
    return visible(text)


class Quoted(str):
    """A shortened quote: as a string, the bokmål «xxx… (1000 tegn)»; an error message
    (engine.core.errors) words it in the user's language from its parts."""

    def __new__(cls, start: str, total: int):
        shown = super().__new__(cls, f"{start}… ({total} tegn)")
        shown.start, shown.total = start, total
        return shown

    def __getnewargs__(self):  # pickled with its parts
        return self.start, self.total


# Markdown's punctuation that can make markup of text placed mid-line (emphasis, code, links,
# images, tables, strike-through, headings) and HTML's metacharacters (as entities).
_MD_SPECIAL = re.compile(r"[\\`*_\[\]|~#]")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}
_HTML_CHARS = re.compile(r'[&<>"]')


def md_escape(text: object) -> str:
    """User text for a Markdown document: literal, on one line, never markup or HTML."""
    escaped = _HTML_CHARS.sub(lambda m: _HTML[m.group(0)], visible(text))
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), escaped)


class VisibleStream:
    """A text stream proxy that escapes unsafe characters in everything written to it."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        if isinstance(text, str) and _STREAM_UNSAFE.search(text):  # a scan is cheap; translate is not
            text = text.translate(_STREAM)
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)
