"""The review's declared checks (engine/analyses/review/checks.yaml): what each check reads, the clause it
rests on, and the kinds of document it applies to; `vedtekt review --list-checks` prints them
(engine.render.review.list_checks)."""
from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal

from engine.core.base import Frozen
from engine.core.load import load_model
from engine.core.model import Assumption

CHECKS_FILE = Path(__file__).with_name("checks.yaml")
Kind = Literal["ipr", "section27", "ko", "regionrad"]
KINDS: tuple[str, ...] = ("ipr", "section27", "ko", "regionrad")


class Letter(Frozen):
    heading: str
    patterns: tuple[str, ...]


class Checklist(Frozen):
    citation: str
    quote: str
    letters: dict[str, Letter]


class Check(Frozen):
    rule: str
    severity: Literal["error", "warning", "info"]
    applies_to: tuple[Kind, ...]
    citation: str
    quote: str | None = None


class Frame(Frozen):
    chapter_18_in_force: date
    conversion_years: int
    assumption: Assumption
    undated_section27: Assumption

    @property
    def conversion_deadline(self) -> date:
        start = self.chapter_18_in_force
        return start.replace(year=start.year + self.conversion_years)


class DeclaredChecks(Frozen):
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
