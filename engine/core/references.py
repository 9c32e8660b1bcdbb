"""Whole-file validation of the ids a bylaws document (and its roster) refers to.

Pydantic checks each key's shape; this checks that every id named anywhere in the file exists:
organs, participants, observers, people, case kinds, offices, the roster groups a seat's
eligibility names, the invitees a duty names, the document's statute, and every `encoded_as`
target of `clauses` whole (and no id is defined twice). The first unknown id is reported with the
file, its line and a «mente du» suggestion (exit 2), so that a misspelt id never surfaces later as
an internal error, nor as a silently different result. A transition file's maps are checked on
both sides, and a scenario's `invited` against its document's invitees.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from engine.core.errors import InputError, Message, at, did_you_mean, unknown_id
from engine.core.model import LEADER_OFFICE, OBSERVER_OFFICE, VICE_OFFICE, Document, Statute
from engine.core.rules import rulebook
from engine.core.yamlio import KeyPath, Located

# offices every organ has without a roster holding: its leader and vice (engine.core.sitting)
DERIVED_OFFICES = {"leader", "vice"}
# roster offices the engine reads by name (engine.core.sitting): an elected leadership's leder and
# nestleder, an observer's observator
ROSTER_OFFICES = frozenset({LEADER_OFFICE, VICE_OFFICE, OBSERVER_OFFICE})


@dataclass(frozen=True)
class Reference:
    path: KeyPath  # key path inside the file
    value: str
    kind: str  # what the id names: a key of errors.KIND_IDS or an errors.kind/… id, for the message
    in_roster: bool = False  # the path is in the roster file, not the document


def check_references(doc: Document, located: Located, roster: Located | None = None,
                     statutes: Mapping[str, Statute] | None = None) -> None:
    """Raise InputError at the first id that `doc` names but does not define.

    With `statutes` (the library's), the document's `statute` and the `statute.<rule>` targets of
    its clauses are checked too; without, they are left to the library that loads the file."""
    known = _known_ids(doc)
    _check_duplicates(doc, located)
    statute = _check_statute(doc, located, statutes)
    refs = list(references(located.data, roster.data if roster else None, doc))
    for ref in refs:
        candidates = known[ref.kind]
        if ref.value in candidates:
            continue
        where_file = roster if ref.in_roster and roster else located
        line = where_file.line_of(ref.path)
        path = ".".join(str(p) for p in ref.path)
        error = unknown_id(ref.kind, ref.value, candidates, file=where_file.file, where=at(line, path))
        if ref.kind == "verv" and not doc.roster.holdings:  # offices come from the roster: is it there?
            error.hint = Message("errors.hint/no-roster",
                                 {"file": str(Path(located.file).parent / "rosters" / f"{doc.id}.yaml")})
        raise error
    _check_roster_offices(located, roster, {r.value for r in refs if r.kind in ("verv", "relasjonsendepunkt")})
    _check_encoded_as(located, statute, statutes is not None)


def _check_roster_offices(located: Located, roster: Located | None, referred: set[str]) -> None:
    """Every office a roster holding names is one the document refers to (a seat, an eligibility,
    deputies, a leadership, a relation) or one the engine reads by name (ROSTER_OFFICES). Offices
    are defined by the holdings themselves, so a misspelt one would be a new office holding no
    seat, and verdicts would change silently; refused instead, with a «mente du»."""
    used = referred | ROSTER_OFFICES
    allowed = used | DERIVED_OFFICES
    source, base = (roster, ()) if roster else (located, ("roster",))
    data = source.data if roster else (located.data if isinstance(located.data, dict) else {}).get("roster")
    for i, holding in _items(data, "holdings"):
        office = holding.get("office")
        if office is not None and str(office) not in allowed:
            path = base + ("holdings", i, "office")
            raise unknown_id("verv", str(office), sorted(used), file=source.file,
                             where=at(source.line_of(path), ".".join(map(str, path))))


def _check_statute(doc: Document, located: Located,
                   statutes: Mapping[str, Statute] | None) -> Statute | None:
    """The document's statute, or the located «ukjent lov» when the library has no such statute."""
    if doc.statute is None or statutes is None:
        return None
    if doc.statute not in statutes:
        raise InputError("errors.unknown-statute", {"id": doc.statute}, file=located.file,
                         where=at(located.line_of(("statute",)), "statute"),
                         hint=did_you_mean(doc.statute, sorted(statutes)))
    return statutes[doc.statute]


def check_invited(invited: Sequence[str], doc: Document, located: Located) -> None:
    """Every group a meeting says it invited is one of its document's `invitees` (exit 2 otherwise,
    at the key `invited.N` of the scenario)."""
    if not invited:  # most meetings invite no one: no set of the document's invitees to make
        return
    known = {i.id for i in doc.invitees}
    for i, who in enumerate(invited):
        if who not in known:
            error = unknown_id("invitee", who, known, file=located.file,
                               where=at(located.line_of(("invited", i)), f"invited.{i}"))
            if not known:
                error.hint = Message("errors.hint/no-invitees", {"id": doc.id})
            raise error


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
        "invitee": {i.id for i in doc.invitees},
        # a seat's `eligible.group` is checked against the groups its roster records
        "group": {h.group for h in doc.roster.holdings if h.group},
    }


# -- encoded_as: the whole path, against what it names -------------------------------------------
# `organs.<id>.<key>`, `competences.<case kind>`, `duties.<id>`, `assumptions.<topic>`, a bare
# key of the document (`participants`, `title`): walked through the file's own data, a list's
# items named by their `id` (competences by `case_kind`, assumptions by `topic`). Besides those:
# `rules.<id>` (engine/core/rules.yaml), `statute.<rule id>` (the document's statute), `transition`
# (the council's file in transitions/), and a path with a slash: a file of the bylaws folder
# (`bylaws/budgets/…`) or a module of the engine (`engine/analyses/spending.py`).
ITEM_NAMES = ("id", "case_kind", "topic")
TRANSITION_TARGET = "transition"


def _check_encoded_as(located: Located, statute: Statute | None, statute_known: bool) -> None:
    data = located.data if isinstance(located.data, dict) else {}
    bylaws_root = Path(located.file).parent
    for i, clause in _items(data, "clauses"):
        targets = clause.get("encoded_as")
        for j, target in enumerate(targets if isinstance(targets, list) else []):
            target = str(target)
            candidates = _encoding_problem(target, data, bylaws_root, statute, statute_known)
            if candidates is not None:
                path = ("clauses", i, "encoded_as", j)
                raise unknown_id("encoded-as-target", target, candidates, file=located.file,
                                 where=at(located.line_of(path), ".".join(map(str, path))))


def _encoding_problem(target: str, data: dict, bylaws_root: Path, statute: Statute | None,
                      statute_known: bool) -> list[str] | None:
    """None when `target` names something; otherwise the targets valid where it went wrong."""
    if "/" in target:
        return _file_problem(target, bylaws_root)
    head, _, rest = target.partition(".")
    if head == "rules":  # rules.yaml, read once and cached
        return _one_of(rest, rulebook().rule_ids, "rules.")
    if head == "statute" and rest:
        if statute is None:
            # a file checked alone (no statutes given) waits for the library; a document without
            # a statute has no statute rule to name
            return None if not statute_known and data.get("statute") else []
        return _one_of(rest, [r.id for r in statute.rules], "statute.")
    if target == TRANSITION_TARGET:
        return None
    return _walk(target.split("."), data)


def _one_of(name: str, known: Sequence[str], prefix: str) -> list[str] | None:
    return None if name in known else [prefix + k for k in known]


def _walk(parts: list[str], node: Any) -> list[str] | None:
    """Follow `parts` through the file's data: keys of mappings, named items of lists."""
    done: list[str] = []
    for part in parts:
        if isinstance(node, dict):
            names = [str(k) for k in node]
            if part not in node:
                return _spelled(done, names + ([TRANSITION_TARGET, "rules", "statute"] if not done else []))
            node = node[part]
        elif isinstance(node, list):
            named = {_item_name(item): item for item in node if _item_name(item) is not None}
            if part not in named:
                return _spelled(done, list(named))
            node = named[part]
        else:
            return _spelled(done, [])
        done.append(part)
    return None


def _item_name(item: Any) -> str | None:
    if isinstance(item, dict):
        return next((str(item[k]) for k in ITEM_NAMES if item.get(k) is not None), None)
    return None


def _spelled(done: list[str], names: list[str]) -> list[str]:
    return [".".join([*done, n]) for n in names]


def _file_problem(target: str, bylaws_root: Path) -> list[str] | None:
    """None when `target` is a file of the bylaws folder (`bylaws/…`, wherever the folder is) or
    a module of the engine (`engine/….py`); otherwise the files beside where it points."""
    first, _, rest = target.partition("/")
    roots = {"bylaws": bylaws_root, "engine": ENGINE_ROOT}
    if first not in roots or ".." in Path(rest).parts:
        return []
    wanted = roots[first] / rest
    if wanted.is_file():
        return None
    if not wanted.parent.is_dir():
        return []
    return sorted(f"{first}/{p.relative_to(roots[first]).as_posix()}" for p in wanted.parent.glob("*")
                  if p.is_file() and not p.name.endswith(".pyc"))


ENGINE_ROOT = Path(__file__).resolve().parent.parent  # the engine package: engine/core/..


def _relation_endpoints(doc: Document, organs: set[str], parties: set[str],
                        offices: set[str]) -> set[str]:
    leaders = {f"leder:{o}" for o in organs}
    return organs | parties | offices | leaders


def _check_duplicates(doc: Document, located: Located) -> None:
    for key, items in (("organs", doc.organs), ("participants", doc.participants),
                       ("observers", doc.observers), ("case_kinds", doc.case_kinds),
                       ("sources", doc.sources), ("duties", doc.duties), ("invitees", doc.invitees)):
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
        yield from _ref(("duties", i, "invited"), duty.get("invited"), "invitee")
    for i, part in _items(data, "participants"):
        yield from _ref(("participants", i, "successor"), part.get("successor"), "deltaker")
    for i, organ in _items(data, "organs"):
        yield from _organ_refs(("organs", i), organ)
    for i, rel in _items(data, "relations"):
        for end in ("source", "target"):
            yield from _ref(("relations", i, end), rel.get(end), "relasjonsendepunkt")
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
            yield from _ref(at + ("eligible", "group"), eligible.get("group"), "group")
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
    """Every document, organ, office and case kind a transition file names exists in its
    documents: both sides of every map (the source's ids and the target's)."""
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
        targets = {h.office for h in target.roster.holdings} | DERIVED_OFFICES
        for office, other in m.offices.items():
            if office not in offices:
                fail(("maps", i, "offices", office), "verv", office, offices)
            if other is not None and other not in targets:  # None: no counterpart
                fail(("maps", i, "offices", office), "verv", other, targets)
    kinds = {k.id for d in transition.documents if d in documents for k in documents[d].case_kinds}
    if transition.budget and transition.budget.case_kind not in kinds:
        fail(("budget", "case_kind"), "sakstype", transition.budget.case_kind, kinds)
    for kind in transition.family_notes:  # a misspelt kind would silently lose its note
        if kind not in kinds:
            fail(("family_notes", kind), "sakstype", kind, kinds)
    for kind, fallback in transition.case_kind_fallback.items():
        # a kind of one document without a counterpart, and the kind it is judged as instead
        for value in (kind, fallback):
            if value not in kinds:
                fail(("case_kind_fallback", kind), "sakstype", value, kinds)


def check_statute_references(statute: Statute, located: Located) -> None:
    """Every engine rule a statute provision says it is applied by (`engine_rules`) is a rule of
    engine/core/rules.yaml: a misspelt one would silently lose the rule's quote and `explain` link."""
    known = rulebook().rule_ids
    for i, rule in enumerate(statute.rules):
        for j, rule_id in enumerate(rule.engine_rules):
            if rule_id not in known:
                path = ("rules", i, "engine_rules", j)
                raise unknown_id("rule", rule_id, known, file=located.file,
                                 where=at(located.line_of(path), ".".join(map(str, path))))
