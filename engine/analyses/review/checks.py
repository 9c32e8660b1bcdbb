"""The review's declared checks (engine/analyses/review/checks.yaml): what each check reads, the clause it
rests on, and the kinds of document it applies to; `vedtekt review --list-checks` prints them."""
from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from engine.core.load import load_model
from engine.core.model import Assumption

CHECKS_FILE = Path(__file__).with_name("checks.yaml")
Kind = Literal["ipr", "section27", "ko", "regionrad"]
KINDS: tuple[str, ...] = ("ipr", "section27", "ko", "regionrad")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Words(_Strict):
    nb: str
    en: str


class Letter(_Strict):
    label: Words
    heading: str
    patterns: tuple[str, ...]


class Checklist(_Strict):
    citation: str
    quote: str
    letters: dict[str, Letter]


class Check(_Strict):
    rule: str
    severity: Literal["error", "warning", "info"]
    applies_to: tuple[Kind, ...]
    citation: str
    quote: str | None = None
    reads: Words
    note: Words | None = None


class Frame(_Strict):
    chapter_18_in_force: date
    conversion_years: int
    assumption: Assumption
    undated_section27: Assumption

    @property
    def conversion_deadline(self) -> date:
        start = self.chapter_18_in_force
        return start.replace(year=start.year + self.conversion_years)


class DeclaredChecks(_Strict):
    frame: Frame
    checklist: Checklist
    checks: tuple[Check, ...]


@cache
def declared() -> DeclaredChecks:
    return load_model(CHECKS_FILE, DeclaredChecks)


@cache
def letter_patterns() -> dict[str, list[re.Pattern]]:
    return {letter: [re.compile(p, re.IGNORECASE) for p in spec.patterns]
            for letter, spec in declared().checklist.letters.items()}


def by_rule() -> dict[str, Check]:
    return {c.rule: c for c in declared().checks}


def applies(rule: str, kind: str) -> bool:
    check = by_rule().get(rule)
    return check is None or kind in check.applies_to


def list_checks(lang: str = "nb") -> str:
    """The declared checks as Markdown, for a lawyer to read."""
    data = declared()
    nb = lang != "en"
    out = ["# " + ("Kontrollene i vedtekt review" if nb else "The checks of vedtekt review"), "",
           f"## {data.checklist.citation}", "", f"> {data.checklist.quote}", ""]
    for letter, spec in data.checklist.letters.items():
        label = spec.label.nb if nb else spec.label.en
        out.append(f"- **{letter}** {label}: " + " · ".join(f"`{p}`" for p in spec.patterns))
    out += ["", "## " + ("Kontroller" if nb else "Checks"), ""]
    for check in data.checks:
        reads = check.reads.nb if nb else check.reads.en
        out.append(f"- `{check.rule}` ({check.severity}; {check.citation}; "
                   f"{', '.join(check.applies_to)}): {reads}")
        if check.quote:
            out.append(f"  > {check.quote}")
        if check.note:
            out.append(f"  ({check.note.nb if nb else check.note.en})")
    frame = data.frame
    out += ["", "## " + ("Forutsetninger" if nb else "Assumptions"), "",
            f"- {' '.join(frame.assumption.what.split())}",
            f"- {' '.join(frame.undated_section27.what.split())}"]
    return "\n".join(out) + "\n"
