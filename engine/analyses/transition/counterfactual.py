"""The counterfactual document: one council's rules applied to another's world (OpenFisca's
"reform"). `rules`' organs and provisions, with `people`' participants, people (mapped into
`rules`' offices) and leaders: who led is a fact of the meeting's world, not a rule being compared."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from engine.analyses.transition.maps import office_map, organ_map
from engine.core.model import Document, Holding, Leadership, Organ

@lru_cache(maxsize=64)  # documents are frozen and hashable: cached by value
def counterfactual(rules: Document, people: Document) -> Document:
    """`rules`' organs and provisions, in `people`' world: its participants, people and leaders."""
    if rules is people:
        return rules
    return _build(rules, people)


def _build(rules: Document, people: Document) -> Document:
    holdings = _mapped_holdings(people, rules, office_map(people.id, rules.id))
    observers = list(rules.observers) + [o for o in people.observers
                                         if o.id not in {x.id for x in rules.observers}]
    data = rules.model_dump(by_alias=True)
    data.update({
        "from": None, "to": None,
        "title": f"{rules.title} [anvendt på situasjonen under {people.id}]",  # never shown: the report prints the id
        "participants": [p.model_dump(by_alias=True) for p in people.participants],
        "observers": [o.model_dump(by_alias=True) for o in observers],
        "organs": [_with_leadership(o, rules, people).model_dump(by_alias=True) for o in rules.organs],
        "roster": {"note": people.roster.note, "people": [p.model_dump() for p in people.roster.people],
                   "holdings": [h.model_dump(by_alias=True) for h in holdings]},
    })
    return Document.model_validate(data)


def _mapped_holdings(people: Document, rules: Document, offices: dict) -> list[Holding]:
    personal = {s.deputies.office for o in rules.organs for s in o.seats
                if s.deputies and s.deputies.kind == "personal"}
    principal_office = {s.deputies.office: s.office for o in rules.organs for s in o.seats if s.deputies}
    out = []
    for h in people.roster.holdings:
        office = offices.get(h.office, h.office)
        if office is None:
            continue
        if office in personal and h.deputy_for is None:
            out += _paired(h, office, principal_office[office], people)
        else:
            out.append(h.model_copy(update={"office": office}))
    return out


def _paired(h: Holding, office: str, principal_office: str, people: Document) -> list[Holding]:
    """A deputy with no named principal: one holding per principal of the same participant."""
    out = []
    for p in people.roster.holdings:
        if p.office != principal_office or p.participant != h.participant:
            continue
        start = max(d for d in (h.valid_from, p.valid_from, date.min) if d is not None)
        end = min(d for d in (h.valid_to, p.valid_to, date.max) if d is not None)
        if start <= end:
            out.append(h.model_copy(update={"office": office, "deputy_for": p.person,
                                            "valid_from": start, "valid_to": end}))
    return out


def _with_leadership(organ: Organ, rules: Document, people: Document) -> Organ:
    """The organ with the leadership of its counterpart in `people` (the rotation that applied)."""
    source = _source_rotation(organ.id, rules, people)
    if source is None:
        return organ
    return organ.model_copy(update={"leadership": source})


def _source_rotation(organ_id: str, rules: Document, people: Document) -> Leadership | None:
    from engine.core import rotation

    mapping = organ_map(people.id, rules.id)
    back = {v: k for k, v in mapping.items()}
    candidates = [k for k, v in mapping.items() if v == organ_id]
    candidates += [back.get(organ_id, organ_id)]
    for cand in candidates:
        if not any(o.id == cand for o in people.organs):
            continue
        organ = people.organ(cand)
        if organ.leadership is None or organ.leadership.kind == "derived":
            continue
        try:
            return rotation.rotation_rule(people, cand)[1]
        except LookupError:
            return organ.leadership
    return None


def with_parameter(doc: Document, organ_id: str, **quorum) -> Document:
    """A copy of `doc` with the organ's quorum set (the "reform" of one parameter)."""
    data = doc.model_dump(by_alias=True)
    for o in data["organs"]:
        if o["id"] == organ_id:
            o["quorum"] = {"citation": "endret parameter (transition-test)", **quorum}
    return Document.model_validate(data)
