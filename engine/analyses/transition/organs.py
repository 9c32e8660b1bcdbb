"""Organs before and after (cease, continue, renamed, new), who sits in them, and each role's rights."""
from __future__ import annotations

from datetime import date

from engine.analyses.transition.maps import office_map, organ_in, organ_map
from engine.analyses.transition.model import Join, OrganChange, Phrase, RightsRow, Word, person_name, phrase
from engine.core.model import Document
from engine.core.sitting import resolve

NAMES_SHOWN = 6  # names listed per role; the rest are counted


def sits(doc: Document, organ: str, on: date) -> tuple[int, tuple[Phrase, ...]]:
    """The organ's voting members on `on`, and a line per role with the people holding it."""
    if not doc.in_force(on):
        return 0, ()
    s = resolve(doc, organ, on)
    groups: dict[str, list] = {}
    for person, roles in sorted(s.roles.items()):
        for r in roles:
            groups.setdefault(r.label, []).append(person_name(s.people, person))
    lines = [phrase("sits-line", label=label, count=len(names), names=Join(items=tuple(names[:NAMES_SHOWN])),
                    more=phrase("sits-more", n=len(names) - NAMES_SHOWN) if len(names) > NAMES_SHOWN else "")
             for label, names in groups.items()]
    if s.leader:
        lines.append(phrase("sits-leaders", leader=person_name(s.people, s.leader),
                            vice=person_name(s.people, s.vice)))
    return s.member_count(), tuple(lines)


def _names(old: Document, organs: list[str]) -> Join:
    return Join(items=tuple(old.organ(m).name for m in organs))


def organ_changes(old: Document, new: Document, before: date, after: date) -> list[OrganChange]:
    """Every organ of the old document with what becomes of it, then the new organs."""
    mapping = organ_map(old.id, new.id)
    out, targets = [], set()
    for o in old.organs:
        t = organ_in(old.id, new.id, o.id, new)
        targets.add(t)
        out.append(_old_organ(old, new, o, t, mapping, before, after))
    for n in new.organs:
        merged = [x for x, v in mapping.items() if v == n.id]
        if len(merged) > 1 or n.id not in targets:
            ma, sa = sits(new, n.id, after)
            note = phrase("organ-takes-over", organs=_names(old, merged)) if len(merged) > 1 else (n.note or "")
            out.append(OrganChange(status="new", before=None, after=n.id, name_before=None, name_after=n.name,
                                   members_before=0, members_after=ma, sits_before=(), sits_after=sa, note=note))
    return out


def _old_organ(old, new, o, t, mapping, before, after) -> OrganChange:
    mb, sb = sits(old, o.id, before)
    if t is None:
        return OrganChange(status="unknown", before=o.id, after=None, name_before=o.name, name_after=None,
                           members_before=mb, members_after=0, sits_before=sb, sits_after=(),
                           note=phrase("organ-unknown", document=new.id))
    n = new.organ(t)
    ma, sa = sits(new, t, after)
    merged = [x for x, v in mapping.items() if v == t]
    if t == o.id and n.name == o.name:
        status, note = "continues", ""
    elif len(merged) > 1:
        status = "ceases"
        note = phrase("organ-ceases", organ=n.name, others=_names(old, [m for m in merged if m != o.id]))
    else:
        status, note = "renamed", phrase("organ-renamed", organ=n.name)
    return OrganChange(status=status, before=o.id, after=t, name_before=o.name, name_after=n.name,
                       members_before=mb, members_after=ma, sits_before=sb, sits_after=sa, note=note)


def _rights(rights) -> tuple[Word, ...]:
    return tuple(Word(group="transition-right", value=r) for r in rights)


def _assumption(provision) -> str | None:
    return provision.assumption.what.strip() if provision is not None and provision.assumption else None


def rights_rows(old: Document, new: Document) -> list[RightsRow]:
    """Each role of each old organ (seats, then observers) beside its counterpart's rights."""
    rows = []
    offices = office_map(old.id, new.id)
    for o in old.organs:
        t = organ_in(old.id, new.id, o.id, new)
        n = new.organ(t) if t else None
        rows += [_seat_row(o, n, seat, offices) for seat in o.seats]
        rows += [_observer_row(old, new, o, n, obs) for obs in o.observers]
    return rows


def _seat_row(o, n, seat, offices) -> RightsRow:
    match = None
    if n is not None:
        office = offices.get(seat.office, seat.office)
        match = next((s for s in n.seats if s.office == office and
                      (s.per_participant is None) == (seat.per_participant is None)), None)
    rb, ra = _rights(seat.rights), _rights(match.rights) if match else ()
    return RightsRow(organ_before=o.name, organ_after=n.name if n else None,
                     role_before=seat.label or seat.office,
                     role_after=(match.label or match.office) if match else None,
                     rights_before=rb, rights_after=ra, changed=rb != ra or match is None,
                     assumption=_assumption(match))


def _observer_row(old, new, o, n, obs) -> RightsRow:
    match = next((x for x in n.observers if x.observer == obs.observer), None) if n else None
    rb, ra = _rights(obs.rights), _rights(match.rights) if match else ()
    name_b = next((x.name_on(old.valid_to or date.today()) for x in old.observers if x.id == obs.observer),
                  obs.observer)
    name_a = next((x.name for x in new.observers if x.id == obs.observer), None)
    return RightsRow(organ_before=o.name, organ_after=n.name if n else None,
                     role_before=phrase("observer-role", name=name_b),
                     role_after=phrase("observer-role", name=name_a) if match else None,
                     rights_before=rb, rights_after=ra, changed=rb != ra, assumption=_assumption(match))
