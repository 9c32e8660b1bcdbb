"""Safe YAML loading that refuses what hand-written data should never contain.

Duplicate keys, alias bombs, tags that construct objects, non-UTF-8 text and huge or deeply nested
files are refused with an `InputError` naming the file and the line. Every mapping key's line is
kept so that a validation error on a key path can name its line too.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .errors import InputError
from .safetext import quote

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
        raise InputError("filen finnes ikke", file=name, hint="sjekk stien") from None
    except OSError as exc:
        raise InputError(f"filen kan ikke leses ({exc.strerror})", file=name) from None
    _require_regular(info.st_mode, name)
    try:
        # O_NONBLOCK: should the path be swapped for a FIFO after the check, opening does not block
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"filen kan ikke leses ({exc.strerror})", file=name) from None
    with os.fdopen(fd, "rb") as handle:
        _require_regular(os.fstat(fd).st_mode, name)  # the file actually opened
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise InputError(f"filen er for stor (over {limit} byte)", file=name)
    return raw


def _require_regular(mode: int, name: str) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise InputError("er en mappe, ikke en fil", file=name)
    kind = ("en FIFO (navngitt rør)" if stat.S_ISFIFO(mode) else "en socket" if stat.S_ISSOCK(mode)
            else "en enhetsfil" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "ikke en vanlig fil")
    raise InputError(f"er {kind}, ikke en vanlig fil; bare vanlige filer leses", file=name,
                     hint="oppgi en vanlig fil")


def read_text(path: Path) -> str:
    """The file's text, or an InputError that says why it cannot be read as UTF-8."""
    name = str(path)
    raw = read_bounded(path)
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise InputError("filen er UTF-32; lagre den som UTF-8", file=name, where="linje 1")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("filen er UTF-16; lagre den som UTF-8", file=name, where="linje 1")
    if b"\x00" in raw:
        head = raw[:400]
        if len(head) >= 4 and (head[1::2].count(0) > len(head) // 4 or head[0::2].count(0) > len(head) // 4) \
                and b"\x00\x00" not in head:
            raise InputError("filen ser ut til å være UTF-16 (uten byte-rekkefølgemerke); "
                             "lagre den som UTF-8", file=name, where="linje 1")
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError("filen er ikke en tekstfil (inneholder NUL-byte)", file=name,
                         where=f"linje {line}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"ugyldig UTF-8 ved byte {exc.start}; lagre filen som UTF-8",
                         file=name, where=f"linje {line}") from None
    return text.removeprefix("\ufeff")


def load_yaml(path: Path | str) -> Located:
    """Load one YAML document strictly; see the module docstring."""
    path = Path(path)
    text = read_text(path)
    name = str(path)
    try:
        _within_node_budget(text, name)
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"linje {mark.line + 1}, kolonne {mark.column + 1}" if mark else None
        raise InputError(f"ugyldig YAML: {exc.problem or exc.context}", file=name,
                         where=where) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (e.g. a control character)
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise InputError(f"ugyldig tegn {char} (kontrolltegn er ikke tillatt i YAML)", file=name,
                         where=f"linje {line}" if line else None) from None
    except yaml.YAMLError as exc:
        raise InputError(f"ugyldig YAML: {exc}", file=name) from None
    except RecursionError:
        raise InputError("for dyp nøsting i YAML", file=name) from None
    if node is None:
        raise InputError("filen er tom", file=name)
    lines: dict[KeyPath, int] = {}
    data = _construct(node, (), lines, name, 0, [0])
    return Located(data, lines, name)


_NODE_EVENTS = (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)


def _within_node_budget(text: str, file: str) -> None:
    """Refuse a document of more than MAX_NODES nodes from its event stream, before composing
    it: composing builds a Python object per node (a 3 MB list of a million values took 7 s);
    counting events stops at the budget (0.2 s). Aliases count once here; their expansion is
    counted by _construct."""
    count = 0
    for event in yaml.parse(text, Loader=_LOADER):
        if isinstance(event, _NODE_EVENTS):
            count += 1
            if count > MAX_NODES:
                raise InputError(f"for mange verdier (over {MAX_NODES})", file=file,
                                 where=f"linje {event.start_mark.line + 1}")


def _construct(node, path: KeyPath, lines, file: str, depth: int, seen: list) -> Any:
    if depth > MAX_DEPTH:
        raise InputError(f"for dyp nøsting (over {MAX_DEPTH} nivåer)", file=file,
                         where=f"linje {node.start_mark.line + 1}")
    seen[0] += 1
    if seen[0] > MAX_NODES:
        raise InputError(f"for mange verdier (over {MAX_NODES}); aliaser (*navn) som ekspanderer "
                         "eksponentielt avvises", file=file,
                         where=f"linje {node.start_mark.line + 1}")
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, MappingNode):
        return _mapping(node, path, lines, file, depth, seen)
    if isinstance(node, SequenceNode):
        _refuse_tag(node, file, "tag:yaml.org,2002:seq")
        return [_construct(item, path + (i,), lines, file, depth + 1, seen)
                for i, item in enumerate(node.value)]
    return _scalar(node, file)


def _mapping(node: MappingNode, path, lines, file, depth, seen) -> dict:
    _refuse_tag(node, file, "tag:yaml.org,2002:map")
    result: dict = {}
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise InputError("YAML-sammenslåing (<<) støttes ikke", file=file,
                             where=f"linje {key_node.start_mark.line + 1}")
        if not isinstance(key_node, ScalarNode):
            raise InputError("en nøkkel må være en enkel verdi", file=file,
                             where=f"linje {key_node.start_mark.line + 1}")
        key = _scalar(key_node, file)
        if not isinstance(key, (str, int)) or isinstance(key, bool):
            key = str(key)
        line = key_node.start_mark.line + 1
        if key in result:
            first = lines.get(path + (key,))
            raise InputError(f"nøkkelen '{quote(key)}' står to ganger (først på linje {first})",
                             file=file, where=f"linje {line}")
        lines[path + (key,)] = line
        result[key] = _construct(value_node, path + (key,), lines, file, depth + 1, seen)
    return result


_SAFE_SCALAR_TAGS = {f"tag:yaml.org,2002:{t}" for t in
                     ("str", "int", "float", "bool", "null", "timestamp")}


def _scalar(node: ScalarNode, file: str) -> Any:
    if node.tag not in _SAFE_SCALAR_TAGS:
        raise InputError(f"YAML-taggen {node.tag} er ikke tillatt", file=file,
                         where=f"linje {node.start_mark.line + 1}")
    try:
        return yaml.SafeLoader.yaml_constructors[node.tag](_SCALARS, node)
    except (ValueError, OverflowError) as exc:
        raise InputError(f"ugyldig verdi {quote(node.value)}: {quote(str(exc), 160)}", file=file,
                         where=f"linje {node.start_mark.line + 1}") from None


def _refuse_tag(node, file: str, plain: str) -> None:
    if node.tag != plain:
        raise InputError(f"YAML-taggen {node.tag} er ikke tillatt", file=file,
                         where=f"linje {node.start_mark.line + 1}")


_SCALARS = yaml.SafeLoader("")
# libyaml's parser (when PyYAML has it) is ~12x faster and caps nesting at 1,000 levels itself;
# it only composes nodes here, so the checks above apply unchanged.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
