"""Small text helpers shared by the checks: sentences with offsets, numbers in words, lists."""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from engine.analyses.review.model import Location
from engine.analyses.review.parse import Clause

# A sentence ends at . ! ? before a capital letter, at a blank line, or before a list item;
# "jf. § 5", "pkt. 3" and "nr. 83" do not end one (no capital follows).
_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[«\"(]?[A-ZÆØÅ])|\n\s*\n|\n(?=\s*(?:[-*•·]|\d+[.)])\s)"
                       r"|\n(?=\s*\|)|(?<=\|)\n")


@dataclass
class Sentence:
    clause: Clause
    start: int
    text: str

    @property
    def line(self) -> int:
        lead = len(self.text) - len(self.text.lstrip())
        return self.clause.line_at(self.start + lead)

    def location(self) -> Location:
        return Location(heading=self.clause.heading, line=self.line)

    def line_of(self, pattern: str | re.Pattern) -> int:
        regex = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, re.IGNORECASE)
        found = regex.search(self.text)
        return self.clause.line_at(self.start + found.start()) if found else self.line


def sentences(clause: Clause) -> list[Sentence]:
    """The clause's sentences; its heading line is one of its own (a heading ends no sentence
    with a full stop, and a word processor puts no blank line after it). Split once per clause."""
    cached = clause.cache.get("sentences")
    if cached is None:
        cached = clause.cache["sentences"] = _split(clause)
    return list(cached)


def _split(clause: Clause) -> list[Sentence]:
    result, start = [], 0
    if clause.headed:
        end = clause.text.find("\n")
        end = len(clause.text) if end < 0 else end
        _add(result, clause, 0, end)
        start = end
    for boundary in _BOUNDARY.finditer(clause.text, start):
        _add(result, clause, start, boundary.start())
        start = boundary.end()
    _add(result, clause, start, len(clause.text))
    return result


def _add(result, clause, start, end) -> None:
    text = clause.text[start:end]
    if text.strip():
        result.append(Sentence(clause, start, text))


def all_sentences(clauses: list[Clause]) -> list[Sentence]:
    return [s for c in clauses for s in sentences(c)]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


NUMBER_WORDS = {
    "en": 1, "én": 1, "ett": 1, "ein": 1, "eitt": 1, "ei": 1, "to": 2, "tre": 3, "fire": 4,
    "fem": 5, "seks": 6, "sju": 7, "syv": 7, "åtte": 8, "ni": 9, "ti": 10,
}
NUMBER = r"(\d{1,3}|en|én|ett|ein|eitt|ei|to|tre|fire|fem|seks|sju|syv|åtte|ni|ti)"


def to_int(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


FRACTION_WORDS = [
    (r"\b(?:alle|samtlige|samtlege)\b", Fraction(1)),
    (r"\b(?:2/3|to\s+tredjedel(?:er|ar)?|to\s+tredelar)\b", Fraction(2, 3)),
    (r"\b(?:3/4|tre\s+fjerdedel(?:er|ar)?)\b", Fraction(3, 4)),
    (r"\b(?:1/2|halvparten|halvdelen|helvta|helvten)\b", Fraction(1, 2)),
    (r"\b(?:1/3|en\s+tredjedel|ein\s+tredjedel|ein\s+tredel)\b", Fraction(1, 3)),
    (r"\b(?:1/4|en\s+fjerdedel|ein\s+fjerdedel)\b", Fraction(1, 4)),
]


def fraction_in(text: str) -> Fraction | None:
    for pattern, value in FRACTION_WORDS:
        if re.search(pattern, text, re.IGNORECASE):
            return value
    return None


NEGATION = re.compile(r"\b(?:ikke|ikkje|ingen|uten|utan|verken|aldri)\b", re.IGNORECASE)


def split_list(text: str) -> list[str]:
    """'A, B, C og D' → [A, B, C, D]; bullets and trailing punctuation removed."""
    text = re.sub(r"^[-*•·] ?", "", flat(text))
    parts = re.split(r",|;|\b (?:og|samt|and) \b", text)
    return [p.strip(" .:;*\t\n") for p in parts if p.strip(" .:;*\t\n")]


def table_rows(clause: Clause) -> list[tuple[int, list[str]]]:
    """Markdown-style table rows '| a | b |' of a clause, separator rows left out."""
    rows = []
    for offset, line in _lines_with_offsets(clause.text):
        stripped = line.strip()
        if stripped.startswith("|") and not re.fullmatch(r"\|[\s:|-]+\|?", stripped):
            cells = [c.strip(" *") for c in stripped.strip("|").split("|")]
            rows.append((clause.line_at(offset), cells))
    return rows


def _lines_with_offsets(text: str):
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1
