"""The council's rotation table (`vedtekt rotation`): every term over all of a council's documents,
with the persons who held the offices, derived offices, and councils whose leader is elected.

The law of the rotation itself (who leads on a date) is engine.core.rotation; this builds the
report from it. The library never prints: engine/cli/rotation.py renders.
"""
from __future__ import annotations

from datetime import date

from pydantic import Field

from engine.core.base import Frozen
from engine.core.bounds import FIRST_YEAR, LAST_YEAR
from engine.core.errors import InputError, NotModelled
from engine.core.model import LEADER_OFFICE, VICE_OFFICE, Document, Leadership
from engine.core.rotation import DAY, Event, Term, holders, rotation_order, rotation_rule, short_name, terms
from engine.core.sitting import resolve

__all__ = ["council_terms", "rotation_report", "RotationReport", "default_years"]


# -- the council's table (the `vedtekt rotation` report) ----------------------------------------
class PersonSpan(Frozen):
    person: str
    name: str
    fictional: bool
    valid_from: date = Field(alias="from")
    valid_to: date = Field(alias="to")


class Side(Frozen):
    municipality: str
    participant: str
    person: str | None = None
    name: str | None = None
    fictional: bool | None = None
    persons: tuple[PersonSpan, ...] = ()


class Derived(Frozen):
    """An organ whose leadership or seats follow the rotation (declared in the bylaws: leadership
    `derived`, or seats with `leadership_of`), and who holds them in the term."""

    organ: str
    name: str
    leader: str | None = None  # the person leading it, when its leadership is derived
    members: tuple[str, ...] = ()  # the people sitting in it, when its seats follow a leadership


class TermOut(Frozen):
    valid_from: date = Field(alias="from")
    valid_to: date = Field(alias="to")
    leader: Side
    vice: Side
    events: tuple[Event, ...] = ()  # worded by engine/render/rotation.py
    citation: str
    sources: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()
    basis: str
    document: str
    outside_period: bool = False
    derived: tuple[Derived, ...] = ()


class RotationReport(Frozen):
    council: str
    documents: tuple[str, ...]
    period: tuple[date | None, date | None]
    first: int
    last: int
    terms: tuple[TermOut, ...]
    note: tuple[Event, ...] = ()  # notes on the whole report, worded and joined by the renderer


def council_terms(council: str | None, first: int, last: int, lib=None,
                  organ: str | None = None) -> tuple[list[Term], list[Document]]:
    """A council's terms over all its documents with a rotating leadership, in date order (of
    `organ`, or of each document's first organ whose leader rotates).

    Each document gives the terms in its own period; after the last one the rotation is carried on
    by its rule and the terms are marked `outside`.
    """
    from engine.core.library import library

    lib = lib or library()
    council = council or lib.default_council
    docs = sorted(lib.council_documents(council, where="--council"),
                  key=lambda d: d.valid_from or date.min)
    rotating = [(d, _rotating_organ(d, organ)) for d in docs]
    rotating = [(d, o) for d, o in rotating if o]
    if not rotating:
        raise InputError("errors.no-rotation", {"council": council}, where="--council")
    out: list[Term] = []
    for i, (doc, organ) in enumerate(rotating):
        is_last = i == len(rotating) - 1
        found = terms(doc, organ, first, last, split_at_period=True)
        if not is_last:
            found = [t for t in found if not t.outside or t.end < (doc.valid_from or date.min)]
        if i > 0:
            found = [t for t in found if t.start >= (doc.valid_from or date.min)]
        out += found
    return out, [d for d, _ in rotating]


def _rotating_organ(doc: Document, chosen: str | None = None) -> str | None:
    """The document's organ whose leader rotates: `chosen`, if it does, else the first such organ
    (a council may have several, e.g. a working committee and an advisers' committee)."""
    for organ in doc.organs:
        if organ.leadership is not None and organ.leadership.kind == "rotation" and chosen in (None, organ.id):
            return organ.id
    return None


#: Years shown after a council's last document when it runs until changed (no end date).
OPEN_END_YEARS = 10


def default_years(docs: list[Document]) -> tuple[int, int]:
    """The years of a council's report when none are asked for: from the year its first document
    takes effect to the year its last one ends, or, when the last runs until changed,
    `OPEN_END_YEARS` after it took effect (Follo: 2012–2031; Sogn: 2016–2019). Undated
    documents take the years of their roster's holdings.

    >>> from engine.core.library import library
    >>> default_years(library().council_documents("sogn"))
    (2016, 2019)
    """
    docs = sorted(docs, key=lambda d: d.valid_from or date.min)
    starts = [d.valid_from for d in docs if d.valid_from] or \
        [h.valid_from for d in docs for h in d.roster.holdings if h.valid_from]
    first = min(starts).year if starts else FIRST_YEAR
    last_doc = docs[-1] if docs else None
    if last_doc is not None and last_doc.valid_to is not None:
        return first, max(first, last_doc.valid_to.year)
    opened = last_doc.valid_from.year if last_doc is not None and last_doc.valid_from else first
    return first, min(LAST_YEAR, opened + OPEN_END_YEARS)


def rotation_report(council: str | None = None, first: int | None = None, last: int | None = None,
                    lib=None, organ: str | None = None) -> RotationReport:
    """The leader and vice for each term, with persons where the roster names one; what happened
    in a term and the report's notes are events (message ids with arguments), worded by
    engine/render/rotation.py in the language asked. `first` and `last` default to the council's
    own years (:func:`default_years`)."""
    from engine.core.library import ensure_organ, library

    lib = lib or library()
    council = council or lib.default_council
    own = lib.council_documents(council, where="--council")
    default_first, default_last = default_years(list(own))
    first = default_first if first is None else first
    last = default_last if last is None else last
    if last < first:
        raise InputError("errors.to-before-from-years", {"to": last, "start": first}, where="--to")
    if organ is not None:
        ensure_organ(own, council, organ, where="--organ")
    if not any(_rotating_organ(d, organ) for d in own):
        return _elected_report(council, own, first, last, organ)
    unknown = [d for d in own if (o := _rotating_organ(d, organ)) and not rotation_rule(d, o)[1].start_known]
    if unknown:
        return _unknown_start_report(council, own, unknown, first, last, organ)
    found, docs = council_terms(council, first, last, lib, organ)
    start = min((d.valid_from for d in docs if d.valid_from), default=None)
    if start is not None and first < start.year:
        raise NotModelled("errors.year-before-bylaws", {"council": council, "year": first, "start": start},
                          where="--from")
    by_id = {d.id: d for d in docs}
    rotating = {d.id: _rotating_organ(d, organ) for d in docs}  # once per document, not per term
    rules = {d.id: rotation_rule(d, rotating[d.id])[1] for d in docs}
    rows = []
    for t in found:
        doc, rule = by_id[t.document], rules[t.document]
        events = list(t.events)
        if t.outside:
            events.append(Event.of("outside-period", document=doc.id, since=doc.valid_from,
                                        until=doc.valid_to or "…"))  # «…»: in force until changed
        rows.append(TermOut(**{
            "from": t.start, "to": t.end,
            "leader": _side(doc, rule, t.leader, t.start, t.end),
            "vice": _vice_side(doc, rule, t, rotating[t.document]),
            "events": tuple(events), "citation": t.citation, "sources": t.sources,
            "assumptions": t.assumptions, "basis": t.basis, "document": t.document,
            "outside_period": t.outside,
            "derived": () if t.outside else _derived(doc, t.start),
        }))
    period = (docs[0].valid_from, docs[-1].valid_to)
    note: tuple[Event, ...] = ()
    if docs[-1].valid_to and date(last, 12, 31) > docs[-1].valid_to:
        note = (Event.of("note-in-force-until", document=docs[-1].id, until=docs[-1].valid_to),)
    return RotationReport(council=docs[0].council, documents=tuple(d.id for d in docs), period=period,
                          first=first, last=last, terms=tuple(rows), note=note)


def _side(doc: Document, rule: Leadership, pid: str, start: date, end: date) -> Side:
    spans = holders(doc, rule.among_office or "ordforer", pid, start, end)
    people = {p.id: p for p in doc.roster.people}
    persons = tuple(PersonSpan(**{"person": p, "name": people[p].name if p in people else p,
                                  "fictional": people[p].fictional if p in people else True,
                                  "from": lo, "to": hi}) for p, lo, hi in spans)
    persons = _merge_same_person(persons)
    first = persons[0] if persons else None
    return Side(municipality=short_name(doc, pid), participant=pid,
                person=first.person if first else None, name=first.name if first else None,
                fictional=first.fictional if first else None, persons=persons)


def _vice_side(doc: Document, rule: Leadership, t: Term, organ: str | None) -> Side:
    """The vice of a term: by turn, the roster's elected nestleder, or none."""
    if rule.vice_by == "rotation":
        return _side(doc, rule, t.vice, t.start, t.end)
    if rule.vice_by == "elected":
        vice = next((h for h in doc.roster.holdings if h.office == VICE_OFFICE and h.organ == organ
                     and h.in_force(t.start)), None)
        return _elected_side(doc, vice.person if vice else None, t.start, t.end)
    return Side(municipality="-", participant="")


def _merge_same_person(spans: tuple[PersonSpan, ...]) -> tuple[PersonSpan, ...]:
    """One span for one real person who has an id per election period (same name, no gap)."""
    merged: list[PersonSpan] = []
    for span in spans:
        last = merged[-1] if merged else None
        if (last is not None and not span.fictional and last.name == span.name
                and span.valid_from <= last.valid_to + DAY):
            merged[-1] = last.model_copy(update={"valid_to": max(last.valid_to, span.valid_to)})
        else:
            merged.append(span)
    return tuple(merged)


def _derived(doc: Document, on: date) -> tuple[Derived, ...]:
    """The organs whose leadership or seats follow the rotation on a date, as the bylaws declare."""
    out = []
    for organ in doc.organs:
        derived = organ.leadership is not None and organ.leadership.kind == "derived"
        follows = any(seat.leadership_of for seat in organ.seats)
        if not (derived or follows):
            continue
        sitting = resolve(doc, organ.id, on)
        out.append(Derived(organ=organ.id, name=organ.name, leader=sitting.leader if derived else None,
                           members=tuple(sorted(sitting.roles)) if follows else ()))
    return tuple(out)


# -- councils whose leader is elected: the roster's leder/nestleder, term by term -----------------
def _elected_report(council: str, docs: list[Document], first: int, last: int,
                    chosen: str | None = None) -> RotationReport:
    """No rotation: each elected leadership the roster records, with the clause that elects it."""
    lo, hi = date(first, 1, 1), date(last, 12, 31)
    rows = []
    for doc in sorted(docs, key=lambda d: d.valid_from or date.min):
        for organ in doc.organs:
            if organ.leadership is None or organ.leadership.kind != "elected" or chosen not in (None, organ.id):
                continue
            rows += _elected_terms(doc, organ.id, organ.leadership, lo, hi)
    rows.sort(key=lambda r: (r.valid_from, r.document))
    note = (Event.of("note-elected"),) + (() if rows else (Event.of("note-no-elected-leader"),))
    docs = sorted(docs, key=lambda d: d.valid_from or date.min)
    return RotationReport(council=council, documents=tuple(d.id for d in docs),
                          period=(docs[0].valid_from, docs[-1].valid_to), first=first, last=last,
                          terms=tuple(rows), note=note)


def _elected_terms(doc: Document, organ_id: str, rule: Leadership, lo: date, hi: date) -> list[TermOut]:
    leaders = [h for h in doc.roster.holdings if h.organ == organ_id and h.office == LEADER_OFFICE]
    out = []
    for h in sorted(leaders, key=lambda h: h.valid_from or date.min):
        start = max(lo, h.valid_from or lo, doc.valid_from or lo)
        end = min(hi, h.valid_to or hi, doc.valid_to or hi)
        if start > end:
            continue
        vice = next((v for v in doc.roster.holdings if v.organ == organ_id and v.office == VICE_OFFICE
                     and v.in_force(start)), None)
        organ_name = doc.organ(organ_id).name
        out.append(TermOut(**{
            "from": start, "to": end,
            "leader": _elected_side(doc, h.person, start, end),
            "vice": _elected_side(doc, vice.person if vice else None, start, end),
            "events": (Event.of("elected", organ=organ_name),),
            "citation": rule.citation, "sources": tuple(x for x in (h.source,) if x),
            "assumptions": tuple(a.what for a in (h.assumption,) if a),
            "basis": "elected", "document": doc.id}))
    return out


def _elected_side(doc: Document, person: str | None, on: date, end: date) -> Side:
    people = {p.id: p for p in doc.roster.people}
    participant = next((h.participant for h in doc.roster.holdings
                        if h.person == person and h.participant and h.in_force(on)), None) or ""
    p = people.get(person) if person else None
    spans = (PersonSpan(**{"person": person, "name": p.name, "fictional": p.fictional,
                           "from": on, "to": end}),) if p else ()
    return Side(municipality=short_name(doc, participant) if participant else "", participant=participant,
                person=person, name=p.name if p else None, fictional=p.fictional if p else None,
                persons=spans)


def _unknown_start_report(council: str, docs: list[Document], unknown: list[Document], first: int,
                          last: int, chosen: str | None = None) -> RotationReport:
    """A rotation whose starting term the sources do not give: the order, stated as such."""
    notes = []
    for doc in unknown:
        organ, rule = rotation_rule(doc, _rotating_organ(doc, chosen))
        on = max(date(first, 1, 1), doc.valid_from or date(first, 1, 1))
        order = ", ".join(p.short for p in rotation_order(doc, on, rule))
        notes.append(Event.of("note-start-unknown", organ=doc.organ(organ).name, order=order,
                              citation=rule.citation))
    docs = sorted(docs, key=lambda d: d.valid_from or date.min)
    return RotationReport(council=council, documents=tuple(d.id for d in docs),
                          period=(docs[0].valid_from, docs[-1].valid_to), first=first, last=last,
                          terms=(), note=tuple(notes))
