"""Leader and vice per term across the change, each document by its own rule (rotation, election)."""
from __future__ import annotations

from datetime import date

from engine.analyses.transition.model import Text, person_name
from engine.analyses.transition.rules import leadership_text, supreme
from engine.core.model import LEADER_OFFICE, VICE_OFFICE, Document, Organ
from engine.core.rotation import DAY
from engine.core.sitting import resolve


def leadership_table(old: Document, new: Document, after: date) -> list[dict]:
    """Leader and vice per term across the change, from each document's own rule."""
    from engine.core import rotation

    rows = []
    for doc in ((old, new) if old.id != new.id else (new,)):
        sup = supreme(doc)
        if sup is None:
            continue
        start = doc.valid_from or date(after.year - 1, 1, 1)
        end = doc.valid_to or date(max(after.year, start.year) + 2, 12, 31)
        first, last = max(start.year, after.year - 1), min(end.year, after.year + 2)
        try:
            terms = rotation.terms(doc, sup.id, first, last)
        except Exception:  # leadership not by rotation: elected (from the roster) or not modelled
            if sup.leadership is not None and sup.leadership.kind == "elected":
                rows += _elected_rows(doc, sup, start, end)
            else:
                rows.append({"document": doc.id, "from": str(start), "to": str(end), "leader": None,
                             "vice": None, "basis": leadership_text(sup)})
            continue
        rows += [_term_row(doc, t, max(t.start, start), min(t.end, end)) for t in terms
                 if max(t.start, start) <= min(t.end, end)]
    return rows


def _term_row(doc: Document, term, first: date, last: date) -> dict:
    return {"document": doc.id, "from": str(first), "to": str(last), "leader": term.leader, "vice": term.vice,
            "leader_person": _mayor(doc, term.leader, first), "vice_person": _mayor(doc, term.vice, first),
            "citation": term.citation}


def _elected_rows(doc: Document, organ: Organ, start: date, end: date) -> list[dict]:
    """An organ that elects its own leader and vice (kommuneloven § 18-3 første ledd femte punktum):
    one row per stretch in which the roster's `leder`/`nestleder` holdings stay the same (issue 12)."""
    held = [h for h in doc.roster.holdings if h.office in (LEADER_OFFICE, VICE_OFFICE) and h.organ == organ.id]
    cuts = {start} | {h.valid_from for h in held if h.valid_from} | \
        {h.valid_to + DAY for h in held if h.valid_to}
    days = sorted(d for d in cuts if start <= d <= end)
    rows = []
    for first, nxt in zip(days, days[1:] + [end + DAY]):
        sitting = resolve(doc, organ.id, first)
        rows.append({"document": doc.id, "from": str(first), "to": str(nxt - DAY),
                     "leader": sitting.leader_participant, "vice": sitting.vice_participant,
                     "leader_person": person_name(sitting.people, sitting.leader) if sitting.leader else None,
                     "vice_person": person_name(sitting.people, sitting.vice) if sitting.vice else None,
                     "citation": organ.leadership.citation})
    return rows


def _mayor(doc: Document, participant: str, on: date) -> Text | None:
    """The mayor (ordfører) of `participant` on `on`, from the roster."""
    people = {p.id: p for p in doc.roster.people}
    h = next((h for h in doc.roster.holdings
              if h.office == "ordforer" and h.participant == participant and h.in_force(on)), None)
    return person_name(people, h.person) if h else None
