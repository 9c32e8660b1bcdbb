"""What corresponds to what across a transition: organs, offices, case kinds (each an assumption,
shown in the report), from the council's transition file (bylaws/transitions/<id>.yaml)."""
from __future__ import annotations

from engine.core.library import Library, library
from engine.core.model import Document, Transition
from engine.core.scenario import Innstilling, Scenario


def transition_data(a: str, b: str) -> Transition | None:
    return library().transition_between(a, b)


def organ_map(from_id: str, to_id: str) -> dict[str, str]:
    t = transition_data(from_id, to_id)
    m = t.map_for(from_id, to_id) if t else None
    return dict(m.organs) if m else {}


def office_map(from_id: str, to_id: str) -> dict[str, str | None]:
    t = transition_data(from_id, to_id)
    m = t.map_for(from_id, to_id) if t else None
    return dict(m.offices) if m else {}


def organ_in(from_id: str, to_id: str, organ_id: str, target: Document) -> str | None:
    """The organ of `target` that `organ_id` of `from_id` becomes, or None when it has none."""
    mapped = organ_map(from_id, to_id).get(organ_id, organ_id)
    return mapped if any(o.id == mapped for o in target.organs) else None


def _case_kind_fallback(kind: str, target: Document) -> str:
    for t in library().transitions:
        if target.id in t.documents and kind in t.case_kind_fallback:
            return t.case_kind_fallback[kind]
    return "ordinary"


def case_kind_in(kind: str, target: Document) -> str:
    """The case kind of `target` a case of `kind` is judged as (the kind itself where it exists)."""
    kinds = {k.id for k in target.case_kinds}
    if kind in kinds:
        return kind
    fallback = _case_kind_fallback(kind, target)
    return fallback if fallback in kinds else "ordinary"


def map_scenario(s: Scenario, organ: str, target: Document, from_id: str, to_id: str) -> Scenario:
    """The scenario as a meeting of `organ` in `target`: case kinds and innstillinger mapped."""
    def innst(i: Innstilling | None) -> Innstilling | None:
        if i is None:
            return None
        mapped = organ_in(from_id, to_id, i.organ, target)
        return None if mapped in (None, organ) else i.model_copy(update={"organ": mapped})

    cases = tuple(c.model_copy(update={"kind": case_kind_in(c.kind, target), "innstilling": innst(c.innstilling)})
                  for c in s.cases)
    approved_by = s.convening.agenda_approved_by
    conv = s.convening.model_copy(update={
        "innstilling": innst(s.convening.innstilling),
        "agenda_approved_by": organ_in(from_id, to_id, approved_by, target) if approved_by else None})
    return s.model_copy(update={"organ": organ, "cases": cases, "convening": conv, "bylaws": None,
                                "roster": None, "expected": None})


def mapping_assumptions(lib: Library, old: Document, new: Document) -> list[str]:
    t = lib.transition_between(old.id, new.id)
    return list(t.assumptions) if t else []
