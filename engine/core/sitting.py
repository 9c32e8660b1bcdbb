"""Who sits in an organ on a date, and as what: seats, deputies, advisers, observers, leaders.

This is where the bylaws' composition clauses meet the roster. Everything downstream (facts,
rules) works on the `Sitting`, never on raw bylaws.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache, wraps
from typing import Callable, TypeVar

from engine.core import rotation
from engine.core.model import (LEADER_OFFICE, OBSERVER_OFFICE, VICE_OFFICE, DeputyPolicy, Document, Holding,
                               ObserverSeat, Organ, Person, Seat)

RoleKind = str  # "member" | "adviser" | "observer"


@dataclass(frozen=True)
class Role:
    person: str
    kind: RoleKind
    label: str
    rights: frozenset[str]
    participant: str | None
    seat_key: str  # the voting unit: participant id or person id
    citation: str
    group: str | None = None
    deputies: DeputyPolicy | None = None
    delegable: bool = False  # "eller en av ham/henne valgt medarbeider" (vedtekter 2012 pkt. 4.1.2)
    quote: str | None = None  # the words of the clause the role rests on (its seat's or observer seat's)

    @cached_property  # asked for every attendee, vote and seat: found once per role
    def can_vote(self) -> bool:
        return "vote" in self.rights


@dataclass(frozen=True)
class DeputyClaim:
    """A person who may stand in for one seat holder (or, unclaimed, holds a deputy office)."""

    lawful: bool
    principal: str | None
    role: Role | None  # the principal's role whose seat the deputy fills
    policy: DeputyPolicy | None  # its `kind` says which deputy rule applies; the words are the renderer's


@dataclass(eq=False)
class Sitting:
    """Who sits in an organ on a date. Compares and hashes by identity: `resolve` gives one object
    per (document, organ, date), which nothing changes once resolved (its memos only remember what
    it computes), so what is found once per sitting (per_sitting: engine.core.facts,
    engine.core.seats) is remembered in the object and goes with it."""

    doc: Document
    organ: Organ
    on: date
    people: dict[str, Person]
    roles: dict[str, list[Role]] = field(default_factory=dict)
    holdings: list[Holding] = field(default_factory=list)
    leader: str | None = None
    vice: str | None = None
    leader_participant: str | None = None
    vice_participant: str | None = None
    term: "rotation.Term | None" = None  # the rotation term in force, when leadership rotates
    _strongest: dict = field(default_factory=dict, repr=False, compare=False)  # role() memo
    _memo: dict = field(default_factory=dict, repr=False, compare=False)  # per-sitting memos (counts, claims, per_sitting)
    _names: dict = field(default_factory=dict, repr=False, compare=False)  # name() memo

    def role(self, person: str) -> Role | None:
        """The person's strongest role here: a vote beats a proposal right beats attendance."""
        try:
            return self._strongest[person]
        except KeyError:
            roles = self.roles.get(person, [])
            found = max(roles, key=lambda r: (r.can_vote, "propose" in r.rights), default=None)
            self._strongest[person] = found
            return found

    def voting_members(self) -> dict[str, Role]:
        """One role per voting unit (seat key) that has a vote (found once per sitting; callers
        only read it)."""
        units = self._memo.get("voting")
        if units is None:
            units = {}  # stored only when complete: a web request's thread may read it meanwhile
            for roles in self.roles.values():
                for r in roles:
                    if r.can_vote and r.kind == "member":
                        units.setdefault(r.seat_key, r)
            self._memo["voting"] = units
        return units

    def member_count(self) -> int:
        """Voting seats: for a per-participant vote, every participant with the seat counts."""
        if "members" not in self._memo:
            self._memo["members"] = self._member_count()
        return self._memo["members"]

    def _member_count(self) -> int:
        count = 0
        for seat in self.organ.seats:
            if "vote" not in seat.rights or not seat.member:
                continue
            if seat.vote_unit == "participant":
                count += len(self._participants_for(seat))
            else:
                count += len(self._holders(seat))
        return count

    def name(self, person: str | None) -> str:
        try:  # every fact names its people: each name is made once per sitting
            return self._names[person]
        except KeyError:
            self._names[person] = found = self._name(person)
            return found

    def _name(self, person: str | None) -> str:
        if person is None:
            return "(ingen)"
        p = self.people.get(person)
        if p is None:
            return person
        return f"{p.name} (fiktiv)" if p.fictional else p.name

    def held(self, person: str, office: str) -> list[Holding]:
        return [h for h in self.holdings_of(person) if h.office == office]

    def holdings_of(self, person: str) -> list[Holding]:
        """The person's holdings in force (the roster indexed by person once per sitting)."""
        by_person = self._memo.get("by_person")
        if by_person is None:
            by_person = {}  # stored only when complete (see voting_members)
            for h in self.holdings:
                by_person.setdefault(h.person, []).append(h)
            self._memo["by_person"] = by_person
        return by_person.get(person, [])

    def _participants_for(self, seat: Seat) -> list[str]:
        if seat.per_participant is None:
            return []
        ids = [p.id for p in self.doc.participants_on(self.on) if p.kind in seat.per_participant]
        if seat.leadership_of:
            led = self._leadership_of(seat)
            ids = [i for i in ids if i in (led.leader_participant, led.vice_participant)]
        return ids

    def _leadership_of(self, seat: Seat) -> "Sitting":
        """The sitting whose leadership `seat` follows: this organ's, or the one `leadership_of`
        names (e.g. «leiar av kommunedirektørforum er fast medlem»)."""
        if not seat.leadership_of or seat.leadership_of == self.organ.id:
            return self
        key = ("leadership_of", seat.leadership_of)
        if key not in self._memo:
            other = Sitting(self.doc, self.doc.organ(seat.leadership_of), self.on, self.people,
                            holdings=self.holdings)
            _leadership(other)
            self._memo[key] = other
        return self._memo[key]

    def _holders(self, seat: Seat) -> list[Holding]:
        if seat.office in ("leader", "vice"):
            led = self._leadership_of(seat)
            person = led.leader if seat.office == "leader" else led.vice
            return [Holding(person=person, office=seat.office)] if person else []
        parts = self._participants_for(seat)
        return [h for h in self.holdings if h.office == seat.office
                and (seat.per_participant is None or h.participant in parts)]

    # -- deputies -------------------------------------------------------------------------
    def deputy_claim(self, person: str, stands_for: str | None,
                     absent: set[str]) -> DeputyClaim | None:
        """How `person` may stand in: lawful or not, for whom. None: not standing in at all."""
        if stands_for is not None:
            return self._claim_for(person, stands_for)
        offices = self._deputy_offices()
        held = [h for h in self.holdings_of(person) if h.office in offices]
        for h in held:
            principal = self._infer_principal(h, absent)
            if principal:
                return self._claim_for(person, principal)
        if held:
            return self._claim_for(person, self._infer_principal(held[0], set()) or "")
        return None

    def _deputy_offices(self) -> frozenset[str]:
        """The deputy offices of the seats here (found once per sitting)."""
        offices = self._memo.get("deputy_offices")
        if offices is None:
            offices = self._memo["deputy_offices"] = frozenset(
                r.deputies.office for rs in self.roles.values() for r in rs if r.deputies)
        return offices

    def _claim_for(self, person: str, principal: str) -> DeputyClaim:
        """The claim of `person` to stand in for `principal`. A lawful claim is found once per
        pair and sitting (it depends on the roster only, and every scenario of the meeting day
        asks again); an unlawful one is found afresh, so the pairs an input can name (any person
        for any other) cannot grow the sitting's memo beyond the roster's deputy relations."""
        claims = self._memo.setdefault("claims", {})
        try:
            return claims[person, principal]
        except KeyError:
            claim = self._new_claim(person, principal)
            if claim.lawful:
                claims[person, principal] = claim
            return claim

    def _new_claim(self, person: str, principal: str) -> DeputyClaim:
        role = self.role(principal)
        policy = role.deputies if role else None
        if role is None or policy is None or not role.can_vote:
            return DeputyClaim(False, principal, role, policy)
        lawful = any(self._deputy_matches(h, role, policy, principal)
                     for h in self.holdings_of(person) if h.office == policy.office)
        return DeputyClaim(lawful, principal, role, policy)

    @staticmethod
    def _deputy_matches(h: Holding, role: Role, policy: DeputyPolicy, principal: str) -> bool:
        if h.participant != role.participant:
            return False
        if policy.kind == "numbered":
            return h.group == role.group
        if policy.kind == "personal":
            return h.deputy_for == principal
        return h.deputy_for in (None, principal)

    def _infer_principal(self, h: Holding, absent: set[str]) -> str | None:
        """The seat holder a deputy office holder would fill: an absent one of the group."""
        candidates = self._principals_of(h)
        chosen = [p for p in candidates if p in absent]
        return (chosen or candidates or [None])[0]

    def _principals_of(self, h: Holding) -> list[str]:
        """The seat holders a deputy office holding may stand in for, sorted (once per holding)."""
        memo = self._memo.setdefault("principals", {})
        found = memo.get(h)
        if found is None:
            found = memo[h] = sorted(
                p for p, rs in self.roles.items() for r in rs
                if r.deputies and r.deputies.office == h.office and r.participant == h.participant
                and (r.deputies.kind != "numbered" or r.group == h.group)
                and (r.deputies.kind != "personal" or h.deputy_for == p))
        return found


T = TypeVar("T")


def per_sitting(fn: Callable[..., T]) -> Callable[..., T]:
    """Memoise fn(sitting, *args) inside the sitting: the answers live as long as the sitting and
    no longer (resolve's cache bounds how many sittings are alive). A module-level lru_cache keyed
    on the sitting would keep up to its maxsize sittings, each with its document, alive. The other
    arguments must be hashable and everything fn reads must be in them or in the sitting; two
    threads may compute the same answer, each stores it whole."""
    @wraps(fn)
    def remembered(sitting: Sitting, *args) -> T:
        key = (fn, *args)
        try:
            return sitting._memo[key]
        except KeyError:
            sitting._memo[key] = found = fn(sitting, *args)
            return found
    return remembered


@lru_cache(maxsize=512)
def resolve(doc: Document, organ_id: str, on: date) -> Sitting:
    """The sitting of `organ_id` on `on`: every role with its rights and citation.

    Memoised by value: documents are frozen and hashable, and nothing changes a sitting after it
    is resolved (its own memos only remember what it computes)."""
    organ = doc.organ(organ_id)
    holdings = [h for h in doc.roster.holdings if h.in_force(on)]
    sitting = Sitting(doc, organ, on, {p.id: p for p in doc.roster.people}, holdings=holdings)
    _leadership(sitting)
    for seat in organ.seats:
        for h in sitting._holders(seat):
            _add(sitting, _seat_role(seat, h))
    for obs in organ.observers:
        for h in holdings:
            if h.office == OBSERVER_OFFICE and h.participant == obs.observer:
                _add(sitting, _observer_role(obs, h, _observer_name(doc, obs.observer, on)))
    return sitting


def _observer_name(doc: Document, observer_id: str, on: date) -> str:
    return next((o.name_on(on) for o in doc.observers if o.id == observer_id), observer_id)


def _add(sitting: Sitting, role: Role) -> None:
    sitting.roles.setdefault(role.person, []).append(role)


def _seat_role(seat: Seat, h: Holding) -> Role:
    unit = h.participant if seat.vote_unit == "participant" and h.participant else h.person
    return Role(person=h.person, kind="member" if seat.member else "adviser",
                label=seat.label or seat.office, rights=frozenset(seat.rights),
                participant=h.participant, seat_key=unit, citation=seat.citation,
                group=h.group, deputies=seat.deputies, delegable=seat.delegable_to_employee,
                quote=seat.quote)


def _observer_role(obs: ObserverSeat, h: Holding, observer_name: str) -> Role:
    return Role(person=h.person, kind="observer", label=f"observatør for {observer_name}",
                rights=frozenset(obs.rights), participant=obs.observer, seat_key=h.person,
                citation=obs.citation, quote=obs.quote)


def _leadership(sitting: Sitting) -> None:
    term = rotation.leadership_on(sitting.doc, sitting.organ.id, sitting.on)
    if term is None:
        _elected_leadership(sitting)
        return
    organ, rule = rotation.rotation_rule(sitting.doc, sitting.organ.id)
    office = _leader_office(sitting.doc, sitting.organ.id) or rule.among_office
    sitting.term = term
    sitting.leader_participant, sitting.vice_participant = term.leader, term.vice or None
    sitting.leader = _holder(sitting, office, term.leader)
    sitting.vice = _holder(sitting, office, term.vice) if term.vice else None
    if rule.vice_by == "elected":  # the leader rotates, the vice is elected: the roster's nestleder
        vice = next((h for h in sitting.holdings if h.office == VICE_OFFICE and h.organ == organ), None)
        sitting.vice = vice.person if vice else None
        sitting.vice_participant = _participant_of(sitting, sitting.vice)


def _elected_leadership(sitting: Sitting) -> None:
    """An organ that elects its own leader and vice: the roster's `leder`/`nestleder` holdings."""
    rule = sitting.organ.leadership
    # an organ led by another's leadership (arbeidsutvalget) follows that organ's elected leaders
    organ_id = rule.from_organ if rule and rule.kind == "derived" and rule.from_organ else sitting.organ.id

    def holder(office: str) -> Holding | None:
        return next((h for h in sitting.holdings
                     if h.office == office and h.organ == organ_id), None)

    leader, vice = holder(LEADER_OFFICE), holder(VICE_OFFICE)
    sitting.leader = leader.person if leader else None
    sitting.vice = vice.person if vice else None
    sitting.leader_participant = _participant_of(sitting, sitting.leader)
    sitting.vice_participant = _participant_of(sitting, sitting.vice)


def _participant_of(sitting: Sitting, person: str | None) -> str | None:
    return next((h.participant for h in sitting.holdings
                 if h.person == person and h.participant), None)


def _leader_office(doc: Document, organ_id: str) -> str | None:
    rule = doc.organ(organ_id).leadership
    return rule.via_office if rule and rule.kind == "derived" else None


def _holder(sitting: Sitting, office: str | None, participant: str) -> str | None:
    return next((h.person for h in sitting.holdings
                 if h.office == office and h.participant == participant), None)
