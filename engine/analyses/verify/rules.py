"""The decision rules of one organ as a small model, read from the same data the engine judges.

`CouncilRules` holds what decides a vote: each participant's voting seats (from the sitting the
engine resolves for the organ and date), the quorum rules (the statute's `quorum` rule and the
organ's own `quorum`, each with its citation), one `KindRule` per class of case kinds (election
or appointment: blank votes allowed, § 8-1 andre ledd; election: a tie goes to lot, § 7-8, not
to the chair; a qualified majority from the competences, e.g. § 18-4 tredje ledd), and who
chairs (the leader's and vice leader's participant). Nothing here restates a number of the law:
fractions, bases and citations come from bylaws/ and bylaws/statute/.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from fractions import Fraction
from typing import Literal

from engine.core.model import Document, required_count

Basis = Literal["present", "present_and_voting"]

# A seat's state in a meeting; `present` = present without voting: a breach of § 8-1 andre ledd,
# so verify's lawful meetings never use it (the bench's (e') enumerates it).
ABSENT, PRESENT, FOR, AGAINST, BLANK = "absent", "present", "for", "against", "blank"
STATES = (ABSENT, PRESENT, FOR, AGAINST, BLANK)


@dataclass(frozen=True)
class QuorumRule:
    fraction: Fraction
    basis: Basis
    citation: str
    layer: str
    minimum: int | None = None  # an absolute minimum instead (a draft's «de frammøtte»: 1)

    def required(self, members: int) -> int:
        if self.minimum is not None:
            return self.minimum
        return required_count(str(self.fraction), members)


@dataclass(frozen=True)
class KindRule:
    """How a class of case kinds is decided (the kinds in `kinds` share one rule)."""

    id: str
    label: str
    kinds: tuple[str, ...]
    election: bool = False  # § 11-9 andre ledd: the chair's vote does not decide; § 7-8: lot
    blank_allowed: bool = False  # § 8-1 andre ledd: elections and appointments
    qualified: Fraction | None = None  # at least this share of the votes cast (≥)
    casting_vote: bool = True  # § 11-9 andre ledd andre punktum (a draft may say otherwise)
    citation: str = ""
    innstilling_from: str | None = None  # an organ whose innstilling the kind needs
    assumptions: tuple[str, ...] = ()


@dataclass(frozen=True)
class CouncilRules:
    title: str
    organ: str
    organ_name: str
    names: tuple[str, ...]  # participants' short names
    seats: tuple[int, ...]  # voting seats of each participant
    quorums: tuple[QuorumRule, ...]
    kinds: tuple[KindRule, ...]
    citations: dict = field(default_factory=dict)  # statute rule id -> citation
    leader: int | None = None  # index of the participant whose member chairs (the leader)
    vice: int | None = None
    ids: tuple[str, ...] = ()  # participant ids (for scenario files)
    on: date | None = None
    document: str | None = None
    assumptions: tuple[str, ...] = ()
    source: str = "bylaws"  # bylaws | draft | uniform

    @property
    def members(self) -> int:
        return sum(self.seats)

    @property
    def n(self) -> int:
        return len(self.seats)

    @property
    def counts_present(self) -> bool:
        """Whether members present without voting change anything (a quorum of those present)."""
        return any(q.basis == "present" for q in self.quorums)

    def kind(self, kind_id: str) -> KindRule:
        return next(k for k in self.kinds if k.id == kind_id or kind_id in k.kinds)

    def with_seats(self, seats: tuple[int, ...], names: tuple[str, ...] | None = None) -> "CouncilRules":
        """The same rules for another composition (the symbolic sizes, the tests)."""
        names = names or tuple(f"D{i + 1}" for i in range(len(seats)))
        return replace(self, seats=tuple(seats), names=names, ids=(), source="uniform",
                       leader=0 if self.leader is not None else None,
                       vice=(1 if len(seats) > 1 else 0) if self.vice is not None else None)


def _text(s: str | None) -> str:
    return " ".join((s or "").split())


def from_document(doc: Document, statute, organ_id: str, on: date) -> CouncilRules:
    """The decision rules of `organ_id` in `doc` on `on`, as the engine applies them."""
    from engine.core.sitting import resolve

    sitting = resolve(doc, organ_id, on)
    organ = sitting.organ
    participants = doc.participants_on(on)
    seats_by_participant: dict[str, int] = {p.id: 0 for p in participants}
    for role in sitting.voting_members().values():
        if role.participant in seats_by_participant:
            seats_by_participant[role.participant] += 1
    kept = [p for p in participants if seats_by_participant[p.id] > 0]
    rules = {r.id: r for r in statute.rules}
    quorums = [_statute_quorum(rules["quorum"])]
    if organ.quorum is not None and organ.quorum.in_force(on):
        quorums.append(QuorumRule(Fraction(organ.quorum.fraction), organ.quorum.basis,
                                  organ.quorum.citation, "bylaws"))
    index = {p.id: i for i, p in enumerate(kept)}
    voters = {r.person for r in sitting.voting_members().values()}
    assumptions = _assumptions(doc, organ, on)
    return CouncilRules(
        title=doc.title, organ=organ.id, organ_name=organ.name,
        names=tuple(p.short for p in kept), ids=tuple(p.id for p in kept),
        seats=tuple(seats_by_participant[p.id] for p in kept),
        quorums=tuple(quorums), kinds=tuple(_kinds(doc, organ.id, on, rules)),
        citations={k: r.citation for k, r in rules.items()},
        leader=index.get(sitting.leader_participant) if sitting.leader in voters else None,
        vice=index.get(sitting.vice_participant) if sitting.vice in voters else None,
        on=on, document=doc.id, assumptions=tuple(assumptions))


def _statute_quorum(rule) -> QuorumRule:
    params = rule.parameters
    return QuorumRule(Fraction(str(params["fraction"])), params.get("basis", "present_and_voting"),
                      rule.citation, rule.layer)


def _kinds(doc: Document, organ_id: str, on: date, rules: dict) -> list[KindRule]:
    """One KindRule per class of case kinds the organ decides by vote (kinds with the same rule
    are one class, named by its first kind)."""
    classes: dict[tuple, KindRule] = {}
    for kind in doc.case_kinds:
        if not kind.voted:
            continue
        comp = next((c for c in doc.competences if c.case_kind == kind.id and c.organ == organ_id
                     and c.in_force(on)), None)
        if comp is None:
            continue
        qualified = Fraction(comp.majority) if comp.majority else None
        key = (kind.election, kind.election or kind.appointment, qualified, comp.needs_innstilling_from)
        if key in classes:
            k = classes[key]
            classes[key] = replace(k, kinds=k.kinds + (kind.id,), label=f"{k.label}, {kind.label}")
            continue
        citation = _kind_citation(kind, qualified, comp, rules)
        notes = (_text(comp.assumption.what),) if comp.assumption and qualified else ()
        classes[key] = KindRule(
            id=kind.id, label=kind.label, kinds=(kind.id,), election=kind.election,
            blank_allowed=kind.election or kind.appointment, qualified=qualified,
            citation=citation, innstilling_from=comp.needs_innstilling_from, assumptions=notes)
    return list(classes.values())


def _kind_citation(kind, qualified, comp, rules) -> str:
    if qualified is not None:
        return comp.citation
    if kind.election:
        return f"{rules['majority'].citation}; {rules['election-tie'].citation}"
    return f"{rules['majority'].citation}; {rules['casting-vote'].citation}"


def _assumptions(doc: Document, organ, on: date) -> list[str]:
    notes = [_text(a.what) for a in doc.assumptions
             if a.topic in ("statute-by-analogy", "statute-as-law", "agreement-text-missing")]
    for seat in organ.seats:
        if "vote" in seat.rights and seat.member and seat.assumption and seat.in_force(on):
            notes.append(_text(seat.assumption.what))
    if organ.quorum is not None and organ.quorum.assumption:
        notes.append(_text(organ.quorum.assumption.what))
    return list(dict.fromkeys(notes))
