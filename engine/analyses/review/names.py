"""Names that did not exist on the agreement's date, from the dated facts in bylaws/names.yaml."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field

from engine.core.base import Frozen
from engine.core.load import load_model
from engine.core.model import Assumption, Dated
from engine.analyses.review.model import Finding, Location, finding, sub
from engine.analyses.review.parse import Draft
from engine.analyses.review.text import all_sentences


# Sentences that tell history ("Oppegård og Ski ble til Nordre Follo") use old names rightly.
_HISTORY = re.compile(r"\b(?:tidligere|tidlegare|ble\s+til|vart\s+til|slått\s+sammen|slått\s+saman|"
                      r"het\s+før|erstatter|avløser|videreføring|vidareføring|fram\s+til|før\s+\d{4}|"
                      r"omdann\w*)\b", re.IGNORECASE)


class Period(Dated):
    covers = Dated.in_force  # the one «is this date in force» (engine.core.model.Dated)


class DatedNameFact(Frozen):
    id: str
    name: str
    pattern: str
    case_sensitive: bool = False
    periods: tuple[Period, ...]
    replaced_by: str
    replaced_from: date | None = None
    severity: Literal["error", "warning"]
    citation: str = Field(min_length=3)
    quote: str | None = None
    note: str | None = None
    assumption: Assumption | None = None

    def valid_on(self, on: date) -> bool:
        return any(p.covers(on) for p in self.periods)

    def regex(self) -> re.Pattern:
        return re.compile(self.pattern, 0 if self.case_sensitive else re.IGNORECASE)


class NameFacts(Frozen):
    names: tuple[DatedNameFact, ...]


def name_facts(path: Path | None = None) -> NameFacts:
    """The dated names: names.yaml of the bylaws folder in use, else the shipped one."""
    if path is None:
        from engine.core.resources import bylaws_dir, shipped

        own = bylaws_dir() / "names.yaml"
        path = own if own.is_file() else shipped("bylaws") / "names.yaml"
    return _load_names(path)


@lru_cache(maxsize=4)
def _load_names(path: Path) -> NameFacts:
    return load_model(path, NameFacts)


def stale_names(draft: Draft, on: date) -> list[Finding]:
    findings: list[Finding] = []
    for fact in name_facts().names:
        if fact.valid_on(on):
            continue
        pattern = fact.regex()
        for sentence in all_sentences(draft.clauses):
            if pattern.search(sentence.text) and not _HISTORY.search(sentence.text):
                findings.append(_finding(fact, on, Location(heading=sentence.clause.heading,
                                                            line=sentence.line_of(pattern))))
                break  # one finding per name: the first use shows where to start
    return findings


def stale_in_names(names: list[tuple[str, Location]], on: date) -> list[Finding]:
    """The same check over names taken from a bylaws data file (each with its key's line)."""
    findings = []
    for fact in name_facts().names:
        if fact.valid_on(on):
            continue
        hit = next(((n, loc) for n, loc in names if fact.regex().search(n)), None)
        if hit:
            findings.append(_finding(fact, on, hit[1]))
    return findings


def _finding(fact: DatedNameFact, on: date, location: Location) -> Finding:
    # the note is data (names.yaml, in Norwegian), shown as it is in either language
    return finding(
        "stale-name", fact.severity, fact.citation, location, "stale-name",
        name=fact.name, date=on.isoformat(), periods=", ".join(_period(p) for p in fact.periods),
        replaced_by=fact.replaced_by,
        since=sub("stale-name-since", date=fact.replaced_from.isoformat()) if fact.replaced_from else "",
        note=sub("stale-name-note", note=fact.note) if fact.note else "")


def _period(period: Period) -> str:
    start = period.valid_from.isoformat() if period.valid_from else "…"
    end = period.valid_to.isoformat() if period.valid_to else "…"
    return f"{start}–{end}"
