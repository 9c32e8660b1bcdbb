"""Read a draft agreement (Markdown, plain text or .docx) into clauses located by heading and line.

A clause is a heading and the lines under it up to the next heading. Its `text` starts with the
heading line itself, so that a search in the text also sees the heading, and any offset in the
text maps back to a line of the file (`Clause.line_at`).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from engine.core.errors import InputError, Message, at
from engine.core.yamlio import read_text
from engine.analyses.review.docxread import docx_lines
from engine.analyses.review.mdread import markdown_layout

MARKDOWN_SUFFIXES = {".md", ".markdown"}
# A review reads each clause with some 150 patterns: a limit well above any real agreement (the
# longest stored one is about 5 kB) keeps the time of a hostile file to seconds.
MAX_TEXT_BYTES = 512 * 1024
TEXT_SUFFIXES = {".txt", ".text"}

# Headings the drafts and the stored agreements use: "§ 3 Representantskapet", "§ 3: Rådet",
# "3. Formål", "3.1 Møter", "1-1 Navn", "• 1 Grunnlag", "Kapittel 2 …", and in plain text "## …".
# Lines reach these patterns with runs of blanks squashed to one space (`_squash_blanks`), so
# each pattern uses single optional spaces and bounded repeats: no two unbounded quantifiers can
# compete for the same characters (no catastrophic backtracking on hostile input).
_MD_HEADING = re.compile(r"^ {0,3}#{1,6} (?P<title>[^\n]*)$")
_PARAGRAPH = re.compile(r"^ ?(?:\*\*)?§ ?(?P<num>\d{1,3}[a-z]?) ?[.:]?(?: (?P<rest>[^.]{0,90}))?$")
_NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,4})\.? (?P<rest>[A-ZÆØÅ][^.:;]{0,90})$")
_DASHED = re.compile(r"^ ?(?:[•·*-] ?)?(?P<num>\d{1,2}(?:-\d{1,2})?) (?P<rest>[A-ZÆØÅ][^.:;]{0,60})$")
_CHAPTER = re.compile(r"^ ?(?:Kapittel|KAPITTEL|Kap\.|KAP\.) (?P<num>\d{1,3})\b")  # not a wrapped "kapittel 18"
_SEPARATOR = re.compile(r"^ ?[-=]{20,} ?$")
_TRUNCATED = re.compile(r"\[TEKSTEN SLUTTER HER|\[\.\.\.\]|\[…\]")


@dataclass
class Clause:
    heading: str
    number: str | None
    line: int  # the heading's line (1 for the untitled start of a document)
    text: str  # the heading line and the body, joined by newlines
    headed: bool = True  # False for the untitled start of a document (no heading line)
    cache: dict = field(default_factory=dict, repr=False, compare=False)  # derived data (sentences)

    def line_at(self, offset: int) -> int:
        """The file line of an offset in `text`: a binary search in the newline offsets, so that
        locating many matches in a long clause stays linear (no count from the start each time)."""
        newlines = self.cache.get("newlines")
        if newlines is None:
            newlines = self.cache["newlines"] = [i for i, c in enumerate(self.text) if c == "\n"]
        return self.line + bisect_left(newlines, max(0, offset))


@dataclass
class Draft:
    file: str
    title: str
    clauses: list[Clause]
    truncated_at: int | None = None  # the line where a stored partial copy breaks off
    preamble: str = ""  # a source header before the agreement text (not part of it)
    raw_lines: list[str] = field(default_factory=list)
    title_line: int = 1

    @property
    def body(self) -> str:
        return "\n".join(c.text for c in self.clauses)

    def clause_numbers(self) -> set[str]:
        return {c.number for c in self.clauses if c.number}


def read_draft(path: Path | str) -> Draft:
    """Read a .md/.txt/.docx file into a Draft; an InputError when it cannot be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError("errors.file-missing" if not path.exists() else "errors.not-a-file",
                         file=str(path), hint=Message("errors.hint/check-path"))
    literal: set[int] = set()
    continuation: set[int] = set()
    if suffix != ".docx" and path.stat().st_size > MAX_TEXT_BYTES:
        raise InputError("errors.review-file-too-large", {"size": path.stat().st_size, "limit": MAX_TEXT_BYTES},
                         file=str(path), hint=Message("errors.hint/split-file"))
    if suffix == ".docx":
        lines, styles = docx_lines(path)
    elif suffix in MARKDOWN_SUFFIXES:
        layout = markdown_layout(read_text(path))
        lines, styles, literal = layout.lines, dict(layout.headings), layout.literal
        continuation = layout.continuation
    elif suffix in TEXT_SUFFIXES or suffix == "":
        lines, styles = read_text(path).splitlines(), {}
    else:
        raise InputError("errors.file-type-unsupported", {"suffix": suffix}, file=str(path),
                         hint=Message("errors.hint/review-file-types", {"txt": ".txt"}))
    if sum(len(line) + 1 for line in lines) > MAX_TEXT_BYTES:
        raise InputError("errors.review-text-too-long", {"limit": MAX_TEXT_BYTES}, file=str(path),
                         hint=Message("errors.hint/split-agreement"))
    if not any(line.strip() for line in lines):
        raise InputError("errors.file-empty", file=str(path), where=at(1))
    return parse_lines(lines, str(path), heading_lines=styles, literal=literal,
                       markdown=suffix in MARKDOWN_SUFFIXES, continuation=continuation)


def parse_lines(lines: list[str], file: str, heading_lines: dict[int, bool | str] | None = None,
                literal: set[int] | None = None, markdown: bool = False,
                continuation: set[int] | None = None) -> Draft:
    """Split lines into clauses. `heading_lines` marks lines that are headings by structure (a
    Markdown heading with its title, or a word processor's heading style); `literal` lines (code,
    tables, comments) are never headings. Without `markdown`, '# …' lines are headings too."""
    lines = [_squash_blanks(line) for line in lines]
    literal = literal or set()
    start, preamble = _skip_source_header(lines)
    end, truncated_at = _end_of_agreement(lines, start)
    clauses: list[Clause] = []
    current_head, current_num, current_line, body = None, None, start + 1, []
    for index in range(start, end):
        raw = lines[index]
        structural = (heading_lines or {}).get(index + 1, False)
        heading = None if index + 1 in literal else _heading(
            raw, structural, markdown, explicit_only=index + 1 in (continuation or ()))
        if heading:
            _close(clauses, current_head, current_num, current_line, body)
            current_head, current_num = heading
            current_line, body = index + 1, [raw]
        else:
            body.append(raw)
    _close(clauses, current_head, current_num, current_line, body)
    title, title_line = _title(clauses)
    for clause in clauses:
        clause.heading = clause.heading or title
    return Draft(file, title, clauses, truncated_at, preamble, list(lines), title_line)


def _close(clauses, heading, number, line, body) -> None:
    if any(b.strip() for b in body):
        clauses.append(Clause(heading or "", number, line, "\n".join(body), headed=heading is not None))


def _squash_blanks(line: str) -> str:
    """Runs of blanks as one space (linear), so that no pattern ever meets a long run of them;
    line numbers do not change."""
    return _BLANKS.sub(" ", line).rstrip()


_BLANKS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")


def _heading(raw: str, styled: bool | str, markdown: bool = False,
             explicit_only: bool = False) -> tuple[str, str | None] | None:
    line = raw.rstrip()
    if not line.strip():
        return None
    if isinstance(styled, str):  # a Markdown heading: its title from markdown-it-py
        return _titled(styled)
    md = None if markdown else _MD_HEADING.match(line)
    if md:
        return _titled(md["title"].rstrip("# "))
    for pattern in (_PARAGRAPH, _CHAPTER):
        found = pattern.match(line)
        if found:
            return (_squash(line.strip("* ")), found["num"])
    if explicit_only:
        return None
    for pattern in (_NUMBERED, _DASHED):
        found = pattern.match(line)
        if found:
            return (_squash(line.strip(" •·*-")), found["num"])
    if styled:
        return (_squash(line.strip()), None)
    return None


def _titled(title: str) -> tuple[str, str | None]:
    title = _squash(title).strip("* ")
    inner = _heading(title, False, True)
    return (title, inner[1] if inner else None)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _title(clauses: list[Clause]) -> tuple[str, int]:
    """The first heading or the first line of text, and its line."""
    for clause in clauses:
        if clause.heading:
            return clause.heading, clause.line
        for number, line in enumerate(clause.text.splitlines()):
            if line.strip():
                return _squash(line.strip("#* ")), clause.line + number
    return "", 1


def _skip_source_header(lines: list[str]) -> tuple[int, str]:
    """The stored copies of other councils' agreements open with a source header (URL, notes on
    completeness) ended by a line of dashes: that header is about the text, not part of it."""
    if not lines or not lines[0].strip().startswith("http"):
        return 0, ""
    for index, line in enumerate(lines[:25]):
        if _SEPARATOR.match(line):
            return index + 1, "\n".join(lines[:index])
    return 0, ""


def _end_of_agreement(lines: list[str], start: int) -> tuple[int, int | None]:
    """Stop at the marker where a stored partial copy breaks off; what follows is other material."""
    for index in range(start, len(lines)):
        if "[TEKSTEN SLUTTER HER" in lines[index]:
            return index, index + 1
        if start and _SEPARATOR.match(lines[index]):
            return index, None
    for index in range(start, len(lines)):
        if _TRUNCATED.search(lines[index]):
            return len(lines), index + 1
    return len(lines), None
