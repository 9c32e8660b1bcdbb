"""Leadership over time: who leads an organ on a date (vedtekter 2012 pkt. 4.1.3 and the like).

Yearly alphabetical rotation among the participants, from an anchor year given by the sources,
forwards and backwards; membership is taken at the start of each term, so a merger recomputes
the order and the rotation continues from the current leader. Names sort by Norwegian
collation (ICU, locale nb: Æ, Ø, Å after Z; "Aa" as Å).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from .model import Document, Leadership, Participant


@dataclass(frozen=True)
class Term:
    start: date
    end: date
    leader: str  # participant id
    vice: str
    citation: str


@cache
def _collator():
    import icu

    return icu.Collator.createInstance(icu.Locale("nb_NO"))


def norwegian_order(names: list[str]) -> list[str]:
    """Sort names as a Norwegian dictionary does (Æ, Ø, Å after Z; 'Aa' as Å)."""
    collator = _collator()
    return sorted(names, key=lambda n: collator.getSortKey(_aa_as_å(n)))


def _aa_as_å(name: str) -> str:
    # ICU's nb collation treats "aa" as "å" only in some versions; make it explicit.
    return name.replace("Aa", "Å").replace("aa", "å") if "aa" in name.casefold() else name


def rotation_order(doc: Document, on: date) -> list[Participant]:
    """The participants in the rotation on a date (municipalities), in Norwegian order."""
    members = [p for p in doc.participants_on(on) if p.kind == "kommune"]
    by_name = {p.short: p for p in members}
    return [by_name[n] for n in norwegian_order(list(by_name))]


def _rotation_rule(doc: Document, organ_id: str) -> tuple[str, Leadership]:
    """The organ whose leadership rotates, following `derived` links."""
    organ = doc.organ(organ_id)
    rule = organ.leadership
    while rule is not None and rule.kind == "derived" and rule.from_organ:
        organ = doc.organ(rule.from_organ)
        rule = organ.leadership
    if rule is None or rule.kind != "rotation":
        raise LookupError(f"{organ_id}: leadership is not by rotation")
    return organ.id, rule


def terms(doc: Document, organ_id: str, first: int, last: int) -> list[Term]:
    """Yearly terms from `first` to `last` (inclusive)."""
    _, rule = _rotation_rule(doc, organ_id)
    anchor = rule.anchor or {}
    year0 = int(anchor["year"])
    leaders = {year0: (anchor["leader"], anchor["vice"])}
    for year in range(year0 + 1, last + 1):
        prev_leader, prev_vice = leaders[year - 1]
        order = [p.id for p in rotation_order(doc, date(year, 1, 1))]
        leader = prev_vice if prev_vice in order else _next_in(order, prev_leader, doc, year)
        leaders[year] = (leader, _after(order, leader))
    for year in range(year0 - 1, first - 1, -1):
        next_leader, _ = leaders[year + 1]
        order = [p.id for p in rotation_order(doc, date(year, 1, 1))]
        leader = _before(order, next_leader)
        leaders[year] = (leader, next_leader if next_leader in order else _after(order, leader))
    return [Term(date(y, 1, 1), date(y, 12, 31), *leaders[y], rule.citation)
            for y in range(first, last + 1)]


def _after(order: list[str], pid: str) -> str:
    return order[(order.index(pid) + 1) % len(order)]


def _before(order: list[str], pid: str) -> str:
    return order[(order.index(pid) - 1) % len(order)]


def _next_in(order: list[str], previous: str, doc: Document, year: int) -> str:
    """After `previous` when it is no longer a participant: the first that sorts after it."""
    prev_name = next(p.short for p in doc.participants if p.id == previous)
    names = {p.id: p.short for p in doc.participants if p.id in order}
    later = [pid for pid in order if norwegian_order([prev_name, names[pid]])[0] == prev_name]
    return later[0] if later else order[0]


def leadership_on(doc: Document, organ_id: str, on: date) -> Term | None:
    """The term in force on a date for the organ (or the organ it follows), or None."""
    try:
        (term,) = terms(doc, organ_id, on.year, on.year)
    except LookupError:
        return None
    return term
