"""Whole-file validation of the ids a bylaws document (and its roster) refers to.

Pydantic checks each key's shape; this checks that every id named anywhere in the file exists:
organs, participants, observers, people, case kinds and offices (and no id is defined twice). The first unknown id
is reported with the file, its line and a «mente du» suggestion (exit 2), so that a misspelt id
never surfaces later as an internal error.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from engine.core.errors import InputError, at, unknown_id
from engine.core.model import Document
from engine.core.yamlio import KeyPath, Located

# offices every organ has without a roster holding: its leader and vice (engine.core.sitting)
DERIVED_OFFICES = {"leader", "vice"}


@dataclass(frozen=True)
class Reference:
    path: KeyPath  # key path inside the file
    value: str
    kind: str  # Norwegian word for what the id names, used in the message
    in_roster: bool = False  # the path is in the roster file, not the document


def check_references(doc: Document, located: Located, roster: Located | None = None) -> None:
    """Raise InputError at the first id that `doc` names but does not define."""
    known = _known_ids(doc)
    _check_duplicates(doc, located)
    for ref in references(located.data, roster.data if roster else None, doc):
        candidates = known[ref.kind]
        if ref.value in candidates:
            continue
        where_file = roster if ref.in_roster and roster else located
        line = where_file.line_of(ref.path)
        path = ".".join(str(p) for p in ref.path)
        raise unknown_id(ref.kind, ref.value, candidates, file=where_file.file, where=at(line, path))


def _known_ids(doc: Document) -> dict[str, set[str]]:
    organs = {o.id for o in doc.organs}
    participants = {p.id for p in doc.participants}
    parties = participants | {o.id for o in doc.observers}
    offices = {h.office for h in doc.roster.holdings} | DERIVED_OFFICES
    return {
        "organ": organs,
        "deltaker": participants,
        "deltaker eller observatør": parties,
        "person": {p.id for p in doc.roster.people},
        "sakstype": {k.id for k in doc.case_kinds},
        "verv": offices,
        "relasjonsendepunkt": _relation_endpoints(doc, organs, parties, offices),
        "mål for encoded_as": _encoding_targets(doc),
    }


# encoded_as entries that name an id of the file (others name engine rules, statute rules or files)
ENCODED_AS_KEYED = {"organs", "participants", "observers", "case_kinds", "duties", "sources", "competences"}


def _encoding_targets(doc: Document) -> set[str]:
    """The `key.id` a clause may say it is encoded as."""
    targets: set[str] = set()
    keyed = {"organs": doc.organs, "participants": doc.participants, "observers": doc.observers,
             "case_kinds": doc.case_kinds, "duties": doc.duties, "sources": doc.sources}
    for key, items in keyed.items():
        targets |= {f"{key}.{item.id}" for item in items}
    targets |= {f"competences.{c.case_kind}" for c in doc.competences}
    return targets


def _relation_endpoints(doc: Document, organs: set[str], parties: set[str],
                        offices: set[str]) -> set[str]:
    leaders = {f"leder:{o}" for o in organs}
    return organs | parties | offices | leaders


def _check_duplicates(doc: Document, located: Located) -> None:
    for key, items in (("organs", doc.organs), ("participants", doc.participants),
                       ("observers", doc.observers), ("case_kinds", doc.case_kinds),
                       ("sources", doc.sources), ("duties", doc.duties)):
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                line = located.line_of((key, i, "id"))
                raise InputError("errors.id-twice", {"id": item.id, "key": key}, file=located.file,
                                 where=at(line, f"{key}.{i}.id"))
            seen.add(item.id)


def references(data: Any, roster_data: Any, doc: Document) -> Iterator[Reference]:
    """Every id reference in the raw document (and roster) data, with its key path."""
    data = data if isinstance(data, dict) else {}
    for i, comp in _items(data, "competences"):
        yield from _ref(("competences", i, "case_kind"), comp.get("case_kind"), "sakstype")
        yield from _ref(("competences", i, "organ"), comp.get("organ"), "organ")
        yield from _ref(("competences", i, "needs_innstilling_from"),
                        comp.get("needs_innstilling_from"), "organ")
    for i, duty in _items(data, "duties"):
        yield from _ref(("duties", i, "organ"), duty.get("organ"), "organ")
    for i, part in _items(data, "participants"):
        yield from _ref(("participants", i, "successor"), part.get("successor"), "deltaker")
    for i, organ in _items(data, "organs"):
        yield from _organ_refs(("organs", i), organ)
    for i, rel in _items(data, "relations"):
        for end in ("source", "target"):
            yield from _ref(("relations", i, end), rel.get(end), "relasjonsendepunkt")
    for i, clause in _items(data, "clauses"):
        targets = clause.get("encoded_as")
        for j, target in enumerate(targets if isinstance(targets, list) else []):
            # organs.x.seats names organ x; what follows the id is a part of it
            parts = str(target).split(".")
            if parts[0] in ENCODED_AS_KEYED and len(parts) > 1:
                yield from _ref(("clauses", i, "encoded_as", j), ".".join(parts[:2]), "mål for encoded_as")
    inline = data.get("roster") if isinstance(data.get("roster"), dict) else {}
    yield from _roster_refs(("roster",), inline, in_roster=False)
    if isinstance(roster_data, dict):
        yield from _roster_refs((), roster_data, in_roster=True)


def _organ_refs(base: KeyPath, organ: dict) -> Iterator[Reference]:
    for j, seat in _items(organ, "seats"):
        at = base + ("seats", j)
        yield from _ref(at + ("office",), seat.get("office"), "verv")
        yield from _ref(at + ("leadership_of",), seat.get("leadership_of"), "organ")
        eligible = seat.get("eligible")
        if isinstance(eligible, dict):
            yield from _ref(at + ("eligible", "office"), eligible.get("office"), "verv")
        deputies = seat.get("deputies")
        if isinstance(deputies, dict):
            yield from _ref(at + ("deputies", "office"), deputies.get("office"), "verv")
    for j, obs in _items(organ, "observers"):
        yield from _ref(base + ("observers", j, "observer"), obs.get("observer"),
                        "deltaker eller observatør")
    lead = organ.get("leadership")
    if isinstance(lead, dict):
        at = base + ("leadership",)
        yield from _ref(at + ("from_organ",), lead.get("from_organ"), "organ")
        yield from _ref(at + ("via_office",), lead.get("via_office"), "verv")
        yield from _ref(at + ("among_office",), lead.get("among_office"), "verv")
        anchor = lead.get("anchor")
        if isinstance(anchor, dict):
            for side in ("leader", "vice"):
                yield from _ref(at + ("anchor", side), anchor.get(side), "deltaker")
        for k, vac in _items(lead, "vacancies"):
            for side in ("participant", "leader", "vice"):
                yield from _ref(at + ("vacancies", k, side), vac.get(side), "deltaker")
            yield from _ref(at + ("vacancies", k, "person"), vac.get("person"), "person")
    conv = organ.get("convening")
    if isinstance(conv, dict):
        at = base + ("convening",)
        yield from _ref(at + ("leader_of",), conv.get("leader_of"), "organ")
        for k, pre in _items(conv, "prerequisites"):
            yield from _ref(at + ("prerequisites", k, "organ"), pre.get("organ"), "organ")


def _roster_refs(base: KeyPath, roster: dict, *, in_roster: bool) -> Iterator[Reference]:
    for i, h in _items(roster, "holdings"):
        at = base + ("holdings", i)
        for key, kind in (("person", "person"), ("deputy_for", "person"), ("organ", "organ"),
                          ("participant", "deltaker eller observatør")):
            for ref in _ref(at + (key,), h.get(key), kind):
                yield Reference(ref.path, ref.value, ref.kind, in_roster)


def _items(data: Any, key: str) -> Iterator[tuple[int, dict]]:
    seq = data.get(key) if isinstance(data, dict) else None
    if isinstance(seq, list):
        for i, item in enumerate(seq):
            if isinstance(item, dict):
                yield i, item


def _ref(path: KeyPath, value: Any, kind: str) -> Iterator[Reference]:
    if value is not None:
        yield Reference(path, str(value), kind)


def check_transition_references(transition, located: Located, documents: dict) -> None:
    """Every document, organ and office a transition file names exists in its documents."""
    def fail(path: KeyPath, kind: str, value: str, known) -> None:
        line = located.line_of(path)
        where = ".".join(str(p) for p in path)
        raise unknown_id(kind, value, known, file=located.file, where=at(line, where))

    for i, doc_id in enumerate(transition.documents):
        if doc_id not in documents:
            fail(("documents", i), "vedtektsdokument", doc_id, documents)
    for i, m in enumerate(transition.maps):
        for side, doc_id in (("from", m.from_doc), ("to", m.to_doc)):
            if doc_id not in documents:
                fail(("maps", i, side), "vedtektsdokument", doc_id, documents)
        source, target = documents[m.from_doc], documents[m.to_doc]
        for organ, other in m.organs.items():
            if organ not in {o.id for o in source.organs}:
                fail(("maps", i, "organs", organ), "organ", organ, {o.id for o in source.organs})
            if other not in {o.id for o in target.organs}:
                fail(("maps", i, "organs", organ), "organ", other, {o.id for o in target.organs})
        offices = {h.office for h in source.roster.holdings}
        for office in m.offices:
            if office not in offices:
                fail(("maps", i, "offices", office), "verv", office, offices)
    kinds = {k.id for d in transition.documents if d in documents for k in documents[d].case_kinds}
    if transition.budget and transition.budget.case_kind not in kinds:
        fail(("budget", "case_kind"), "sakstype", transition.budget.case_kind, kinds)
    for kind, fallback in transition.case_kind_fallback.items():
        if fallback not in kinds:
            fail(("case_kind_fallback", kind), "sakstype", fallback, kinds)
