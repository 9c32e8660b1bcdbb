"""Bounds on every value read from input: ids, texts, counts, numbers, years and dates.

Annotated pydantic types, so a model states its bounds in its field types. Each bound is
generous for real data (the largest council has 56 members; ids are a few dozen characters)
and small enough that no value can make the engine slow or its messages huge.
"""
from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from engine.core.errors import invalid

MAX_ID = 200  # characters in an id (person, case, organ, office, rule)
MAX_TEXT = 10_000  # characters in a free text (names, titles, descriptions)
MAX_COUNT = 1_000_000  # votes, members, times: far above any council
MAX_NUMBER = 10_000  # a deputy's number in the order of deputies

# The dates the bylaws can be asked about: the first bylaws are from 2012 and Folloregionen's
# agreement runs until changed; a date outside these years is surely a typo (and 9999-12-31
# plus one day does not exist). Rotation and calendar years use the same range.
FIRST_YEAR, LAST_YEAR = 1900, 2200
FIRST_DATE = datetime.date(FIRST_YEAR, 1, 1)
LAST_DATE = datetime.date(LAST_YEAR, 12, 31)


def _printable_id(value: str) -> str:
    if not value.strip():
        raise invalid("errors.id-empty")
    if not value.isprintable():
        bad = next(ch for ch in value if not ch.isprintable())
        raise invalid("errors.id-invisible", char=f"U+{ord(bad):04X}")
    return value


def _date_in_range(value: datetime.date) -> datetime.date:
    if not FIRST_DATE <= value <= LAST_DATE:
        raise invalid("errors.date-out-of-range", date=str(value), first=str(FIRST_DATE), last=str(LAST_DATE))
    return value


Id = Annotated[str, StringConstraints(min_length=1, max_length=MAX_ID), AfterValidator(_printable_id)]
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT)]
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Number = Annotated[int, Field(ge=1, le=MAX_NUMBER)]
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
Date = Annotated[datetime.date, AfterValidator(_date_in_range)]
