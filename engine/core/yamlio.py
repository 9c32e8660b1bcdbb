"""Safe YAML loading that refuses what hand-written data should never contain.

Duplicate keys, alias bombs, tags that construct objects, non-UTF-8 text and huge or deeply nested
files are refused with an `InputError` naming the file and the line. Every mapping key's line is
kept so that a validation error on a key path can name its line too.
"""
from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from engine.core.errors import InputError, Message, at, os_reason
from engine.core.safetext import quote

MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 60
MAX_NODES = 200_000

KeyPath = tuple[str | int, ...]


class Located:
    """A loaded YAML document with the line of every key path."""

    def __init__(self, data: Any, lines: dict[KeyPath, int], file: str):
        self.data, self.lines, self.file = data, lines, file

    def line_of(self, path: KeyPath) -> int | None:
        """The line of the longest prefix of `path` that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file, at most `limit`: an InputError for anything else.

    Devices, FIFOs and sockets are refused before they are opened (`/dev/zero` reports size 0
    and never ends; a FIFO blocks forever). The limit counts the bytes actually read, never the
    size the file system reports.
    """
    name = str(path)
    try:
        info = os.stat(path)  # follows symlinks: a `.yaml` link to /dev/zero is judged as a device
    except FileNotFoundError:
        raise InputError("errors.file-missing", file=name, hint=Message("errors.hint/check-path")) from None
    except OSError as exc:
        raise InputError("errors.file-unreadable", {"reason": os_reason(exc)}, file=name) from None
    _require_regular(info.st_mode, name)
    try:
        # O_NONBLOCK: should the path be swapped for a FIFO after the check, opening does not block
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError("errors.file-unreadable", {"reason": os_reason(exc)}, file=name) from None
    with os.fdopen(fd, "rb") as handle:
        _require_regular(os.fstat(fd).st_mode, name)  # the file actually opened
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise InputError("errors.file-too-large", {"limit": limit}, file=name)
    return raw


def _require_regular(mode: int, name: str) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise InputError("errors.is-a-folder", file=name)
    kind = ("fifo" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode)
            else "device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "other")
    raise InputError("errors.not-a-regular-file", {"kind": Message(f"errors.file-kind/{kind}")}, file=name,
                     hint=Message("errors.hint/regular-file"))


def read_text(path: Path) -> str:
    """The file's text, or an InputError that says why it cannot be read as UTF-8."""
    name = str(path)
    raw = read_bounded(path)
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise InputError("errors.utf32", file=name, where=at(1))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("errors.utf16", file=name, where=at(1))
    if b"\x00" in raw:
        head = raw[:400]
        if len(head) >= 4 and (head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4) \
                and b"\x00\x00" not in head:
            raise InputError("errors.utf16-no-bom", file=name, where=at(1))
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError("errors.nul-byte", file=name, where=at(line))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError("errors.invalid-utf8", {"byte": exc.start}, file=name, where=at(line)) from None
    return text.removeprefix("\ufeff")


def load_yaml(path: Path | str) -> Located:
    """Load one YAML document strictly; see the module docstring."""
    path = Path(path)
    text = read_text(path)
    name = str(path)
    try:
        data, lines = _Builder(name).build(yaml.parse(text, Loader=_LOADER))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = at(mark.line + 1, column=mark.column + 1) if mark else None
        problem = exc.problem or exc.context
        slug = YAML_PROBLEMS.get(problem or "")  # the parser's English, worded by the catalogues
        raise InputError("errors.yaml-invalid", {"problem": Message(f"errors.yaml-problem/{slug}") if slug else problem},
                         file=name, where=where) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (e.g. a control character)
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise InputError("errors.yaml-control-character", {"char": char}, file=name, where=at(line)) from None
    except yaml.YAMLError as exc:
        raise InputError("errors.yaml-invalid", {"problem": quote(str(exc), 300)}, file=name) from None
    if data is _NOTHING:
        raise InputError("errors.file-empty", file=name)
    return Located(data, lines, name)


#: the parsers' (libyaml's and PyYAML's) most frequent problems, by the catalogue id that words them;
#: any other problem is shown in the parser's own words
YAML_PROBLEMS = {
    "did not find expected key": "expected-key",
    "did not find expected '-' indicator": "expected-dash",
    "did not find expected ',' or ']'": "expected-comma-bracket",
    "did not find expected ',' or '}'": "expected-comma-brace",
    "could not find expected ':'": "expected-colon",
    "found a tab character that violates indentation": "tab",
    "found unexpected end of stream": "end-of-stream",
    "exceeded maximum nesting depth": "nesting-depth",
    "mapping values are not allowed in this context": "mapping-value",
    "mapping values are not allowed here": "mapping-value",
    "found unknown escape character": "escape",
    "found character that cannot start any token": "token-start",
    "did not find expected node content": "node-content",
    "block sequence entries are not allowed in this context": "sequence-entry",
}

_NOTHING = object()  # no document at all (an empty or comment-only file)
_NO_KEY = object()  # a mapping waiting for its next key


class _Frame:
    __slots__ = ("container", "path", "key", "anchor", "start", "line")

    def __init__(self, container, path, anchor, start, line):
        self.container, self.path, self.anchor, self.start, self.line = container, path, anchor, start, line
        self.key = _NO_KEY


class _Builder:
    """Builds plain data from YAML events in one pass, without composing a node tree (composing
    a 2 MB scenario took seconds: a Python object and two marks per node).

    What is refused, and where: more than MAX_NODES values (aliases count as the values they
    expand to, so an alias bomb stops at the budget), nesting over MAX_DEPTH, duplicate keys,
    merge keys, non-scalar keys, tags other than the plain ones, a second document, undefined
    and recursive aliases. Every key path's line is kept for located messages.
    """

    def __init__(self, file: str):
        self.file = file
        self.lines: dict[KeyPath, int] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}  # anchor: (value, values it expands to)
        self.stack: list[_Frame] = []
        self.seen = 0
        self.root: Any = _NOTHING

    def build(self, events) -> tuple[Any, dict[KeyPath, int]]:
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self._fail("errors.yaml-two-documents", event)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frame = self.stack.pop()
                self._remember(frame.anchor, frame.container, self.seen - frame.start)
                self._deliver(frame.container)
            elif isinstance(event, _NODE_EVENTS):
                self._node(event)
        return self.root, self.lines

    def _fail(self, message_id: str, event, **args) -> None:
        raise InputError(message_id, args, file=self.file, where=at(event.start_mark.line + 1))

    def _node(self, event) -> None:
        top = self.stack[-1] if self.stack else None
        if top is not None and isinstance(top.container, dict) and top.key is _NO_KEY:
            self._key(top, event)
            return
        path = self._child_path(top)
        if len(self.stack) > MAX_DEPTH:
            self._fail("errors.yaml-too-deep", event, limit=MAX_DEPTH)
        self.lines.setdefault(path, event.start_mark.line + 1)
        if isinstance(event, yaml.AliasEvent):
            value, size = self._alias(event)
            self._count(event, size)
            self._deliver(value)
            return
        self._count(event, 1)
        if isinstance(event, yaml.ScalarEvent):
            value = self._scalar(event)
            self._remember(event.anchor, value, 1)
            self._deliver(value)
            return
        is_map = isinstance(event, yaml.MappingStartEvent)
        self._plain_tag(event, _MAP if is_map else _SEQ, MappingNode if is_map else SequenceNode)
        self.stack.append(_Frame({} if is_map else [], path, event.anchor, self.seen - 1,
                                 event.start_mark.line + 1))

    def _child_path(self, top: _Frame | None) -> KeyPath:
        if top is None:
            return ()
        if isinstance(top.container, list):
            return top.path + (len(top.container),)
        return top.path + (top.key,)

    def _count(self, event, size: int) -> None:
        self.seen += size
        if self.seen > MAX_NODES:
            self._fail("errors.yaml-too-many-values", event, limit=MAX_NODES)

    def _key(self, top: _Frame, event) -> None:
        if isinstance(event, yaml.AliasEvent):
            key, _ = self._alias(event)
            if isinstance(key, (dict, list)):
                self._fail("errors.yaml-key-not-scalar", event)
        elif not isinstance(event, yaml.ScalarEvent):
            self._fail("errors.yaml-key-not-scalar", event)
        else:
            if self._resolve(event) == "tag:yaml.org,2002:merge":
                self._fail("errors.yaml-merge-key", event)
            key = self._scalar(event)
            self._remember(event.anchor, key, 1)
        if not isinstance(key, (str, int)) or isinstance(key, bool):
            key = str(key)
        line = event.start_mark.line + 1
        if key in top.container:
            first = self.lines.get(top.path + (key,))
            self._fail("errors.yaml-duplicate-key", event, key=quote(key), first=first)
        self.lines[top.path + (key,)] = line
        top.key = key

    def _deliver(self, value) -> None:
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if isinstance(top.container, list):
            top.container.append(value)
        else:
            top.container[top.key] = value
            top.key = _NO_KEY

    def _alias(self, event) -> tuple[Any, int]:
        found = self.anchors.get(event.anchor)
        if found is None:
            if any(f.anchor == event.anchor for f in self.stack):
                self._fail("errors.yaml-alias-recursive", event, alias=quote(event.anchor))
            self._fail("errors.yaml-alias-undefined", event, alias=quote(event.anchor))
        return found

    def _remember(self, anchor: str | None, value, size: int) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, max(size, 1))

    @staticmethod
    def _resolve(event) -> str:
        if event.tag is None or event.tag == "!":
            return _SCALARS.resolve(ScalarNode, event.value, event.implicit)
        return event.tag

    def _plain_tag(self, event, plain: str, kind) -> None:
        tag = event.tag
        if tag is None or tag == "!":
            tag = _SCALARS.resolve(kind, None, event.implicit)
        if tag != plain:
            self._fail("errors.yaml-tag", event, tag=quote(tag))

    def _scalar(self, event) -> Any:
        tag = self._resolve(event)
        if tag == _STR:
            return event.value
        if tag not in _SAFE_SCALAR_TAGS:
            self._fail("errors.yaml-tag", event, tag=quote(tag))
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return yaml.SafeLoader.yaml_constructors[tag](_SCALARS, node)
        except (ValueError, OverflowError) as exc:
            if tag == _TIMESTAMP:
                self._fail("errors.yaml-bad-date", event, value=quote(event.value))
            if tag == _INT:  # more digits than Python converts (sys.get_int_max_str_digits)
                self._fail("errors.yaml-number-too-long", event, value=quote(event.value),
                           limit=getattr(sys, "get_int_max_str_digits", lambda: 4300)())
            self._fail("errors.yaml-bad-scalar", event, value=quote(event.value), problem=quote(str(exc), 160))


_NODE_EVENTS = (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
_STR, _SEQ, _MAP, _TIMESTAMP, _INT = (f"tag:yaml.org,2002:{t}" for t in ("str", "seq", "map", "timestamp", "int"))


_SAFE_SCALAR_TAGS = {f"tag:yaml.org,2002:{t}" for t in
                     ("str", "int", "float", "bool", "null", "timestamp")}


_SCALARS = yaml.SafeLoader("")
# libyaml's parser (when PyYAML has it) is ~12x faster and caps nesting at 1,000 levels itself;
# it only produces events here; _Builder applies every check above to them.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
