"""Prepare facts: Python resolves who each attendee is and what they may do, per case.

Rules (engine/core/rules.yaml) are then conditions over single facts. Every fact is a flat dict of
str/int/bool values with a unique `id` and its kind in `t`; names, labels and citations (data)
ride along for the messages and never enter a condition. Facts hold ids and values only: the
words around them are made when a verdict is printed (engine/messages/<lang>.yaml).

Most of a fact is the same for every scenario on a sitting: the organ's and the statute's
citations, a person's role, rights and deputy claim, a case kind's competence. Those parts are
found once by the functions at the end of this module, remembered in the sitting itself
(`per_sitting`: one sitting per document, organ and date, alive while resolve keeps it) and keyed
on the person and claim, the case kind and the statute's rules (frozen, hashable), or by
`functools.lru_cache` on frozen models; each scenario merges them with the few fields that depend
on it. A scenario looks the sitting's parts up once (_SittingParts, keyed on the statute's rules):
its attendees, cases and votes then ask that bundle's plain dicts, keyed on person ids and case
kinds. Nothing derived from a scenario is cached across scenarios.
"""
from __future__ import annotations

import weakref
from datetime import date
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from engine.core.eligibility import gender_checks, ineligible_holders
from engine.core.model import (LEADER_OFFICE, CaseKind, Competence, ConvenePrerequisite, Convening,
                               Document, Organ, StatuteRule, required_count)
from engine.core.scenario import Case, Scenario
from engine.core.sitting import DeputyClaim, Role, Sitting, per_sitting, resolve

_RIGHTS_ORDER = ("attend", "speak", "propose", "vote")
# The fields each attendee, member and vote fact sets itself, on top of its cached part. The cached
# part holds them too (as None), so a fact is a copy of it with these overwritten: the copy keeps
# its size, where adding them would grow (rehash) a dict of some 40 keys once per fact.
_ATTENDEE_OWN = dict.fromkeys(("id", "principal_at_meeting"))
_MEMBER_OWN = dict.fromkeys(("id", "person", "person_name", "seat", "voted", "excluded", "case", "kind_label"))
_VOTE_OWN = dict.fromkeys(("id", "case", "value", "principal_present", "inhabil", "present", "blank_allowed",
                           "kind_label", "duplicate", "duplicate_count"))
# The fields a case fact sets itself, in the order they had when they were merged onto its kind's
# part: _CaseLaw.fields holds them (as None) at its end, so a case fact too is a copy of its part
# updated in place (a 45-key dict merged with 33 more was rebuilt and grown per case)
_CASE_OWN = dict.fromkeys((
    "id", "case", "kind", "voted", "ballot", "lot", "present_and_voting", "votes_for", "votes_against",
    "votes_blank", "tie", "chair_vote", "bylaws_quorum_count", "votes_cast", "qualified_reached",
    "simple_majority",
    # FactBuilder._agenda
    "on_agenda", "chair_objected", "objectors", "objectors_needed", "objection_by", "objection_seats",
    # FactBuilder._case_chair_fields
    "case_chair_own", "case_chair_name", "case_chair_is_leader", "case_chair_is_vice", "case_leader_available",
    "case_vice_available", "case_chair_elected", "case_chair_voting",
    # FactBuilder._innstilling_fields
    "has_innstilling", "innstilling_detail", "innstilling_given_name"))
# The same for the meeting fact (_meeting_constants holds them as None at its end)
_MEETING_OWN = dict.fromkeys((
    "chair_given", "chair_name", "chair_is_leader", "chair_is_vice", "leader_present", "vice_present",
    "chair_elected", "chair_is_voting_member", "chair_detail",
    # FactBuilder._stated_leadership
    "leader_stated", "vice_stated", "leader_stated_ok", "vice_stated_ok", "stated_leader_name", "stated_vice_name",
    # FactBuilder._convening
    "convening_known", "convened_by_entitled", "leader_forfall", "convening_demanded", "convening_demand",
    "convener_name", "convening_has_innstilling", "convening_innstilling_detail", "convening_innstilling_given_name",
    "convening_agenda_approved", "convening_agenda_detail", "convening_agenda_approved_by_name"))
_NO_ONE: frozenset[str] = frozenset()
# the deputy-order fields of everyone who is not a lawful numbered deputy (merged, never changed)
_IN_ORDER = {"deputy_out_of_order": False, "skipped_deputies": "", "skipped": ""}


class Presence(NamedTuple):
    """Who attended the meeting and who was present for each case (callers only read both)."""

    stands_for: dict[str, str | None]  # each attendee, in order of first line, and whom he or she attends for
    here: dict[str, frozenset[str]]  # case id: who was present for it


def presence(scenario: Scenario) -> Presence:
    """Who was present for which case, from attendance lines (arrivals and departures). Most lines
    name no case: their people are present for every case, so each case starts from one set of
    them, not from a set per person."""
    order = [c.id for c in scenario.cases]
    stands_for: dict[str, str | None] = {}
    everywhere: set[str] = set()  # present for every case
    partly: dict[str, set[str]] = {}  # case id: who came late or left early and was present for it
    position: dict[str, int] | None = None  # index() per line is quadratic
    for line in scenario.attendance:
        person = line.person
        if stands_for.get(person) is None:  # the first line that names whom the person attends for says it
            stands_for[person] = line.stands_for
        if not (line.from_case or line.until_case):
            everywhere.add(person)
            continue
        if position is None:
            position = {case_id: i for i, case_id in enumerate(order)}
        start = position[line.from_case] if line.from_case else 0
        end = position[line.until_case] if line.until_case else len(order) - 1
        for case_id in order[start:end + 1]:
            partly.setdefault(case_id, set()).add(person)
    all_cases = frozenset(everywhere)
    here = {case_id: all_cases | partly[case_id] if case_id in partly else all_cases for case_id in order}
    return Presence(stands_for, here)


def _rights_ids(role: Role | None) -> tuple[str, ...]:
    """The role's rights as ids in a fixed order (worded by the catalogue group check-rights)."""
    if role is None:
        return ("none",)
    return tuple(r for r in _RIGHTS_ORDER if r in role.rights)


def _deputy_kind(claim) -> str:
    """The kind of deputy the seat calls for (check-deputy-kind): the seat's policy, or any lawful
    substitute when the principal holds no seat with deputies."""
    if claim is None:
        return "none"
    if claim.role is None or claim.policy is None or not claim.role.can_vote:
        return "substitute"
    return claim.policy.kind


class _CaseView(NamedTuple):
    """One case's people (found once per case; callers only read them)."""

    here: frozenset[str]  # who was present for it
    inhabil: frozenset[str]  # who may not take part in it
    chair: str | None  # who chairs it
    seats: dict[str, str]  # the voting seats present, inhabil members left out, and who holds each


class FactBuilder:
    """Builds the facts of one scenario against one sitting."""

    def __init__(self, scenario: Scenario, sitting: Sitting, statute_rules: dict, doc: Document):
        self.scenario, self.sitting, self.doc = scenario, sitting, doc
        self.statute = statute_rules
        # the sitting's shared parts, found once here: each fact then asks a plain dict
        self.parts = _sitting_parts(sitting, statute_rules["deputies"], statute_rules["quorum"],
                                    statute_rules["chair"], statute_rules["meeting-held"])
        self.common, self.kinds = self.parts.common, self.parts.kinds
        # whom each attendee attends for, and who was present for each case (every vote, seat and
        # act of a case asks)
        self.stands_for, self._here = presence(scenario)
        self.at_meeting = set(self.stands_for)
        self._absent: frozenset[str] | None = None
        self._people: dict[str, _TakingPart] = {}  # how each attendee takes part
        self.claims: dict[str, DeputyClaim | None] = {}  # how each attendee stands in, if at all
        self._absent_voters: dict[str, dict] = {}  # the vote facts' part of each voter not at the meeting
        self._lawful_deputies: list[tuple[str, str]] = []  # each lawful deputy here and whom he or she stands in for
        # who can count as a member in a case (members, lawful deputies): the per-case loops run
        # over these few, not over every attendee (2,000 listeners × 2,000 cases took minutes)
        self.member_like = self._read_standings()
        # each case's people, found once: every vote, act, seat and the case fact ask
        self._seats_by_presence: dict[tuple[frozenset[str], frozenset[str]], dict[str, str]] = {}
        self._cases = {case.id: self._case_view(case) for case in scenario.cases}

    def _read_standings(self) -> list[str]:
        """How each attendee takes part (self._people, self.claims, self._lawful_deputies), and
        those who can count as a member in a case, sorted."""
        member_like = []
        parts, known = self.parts, self.parts.people
        for person, stands_for in self.stands_for.items():
            taking = known.get((person, stands_for)) or parts.person(person, stands_for)
            if taking.standing.infers_principal:  # the seat a deputy fills depends on who is absent
                claim = self.sitting.deputy_claim(person, None, self._absent_members())
                taking = parts.taking_part(person, stands_for, taking.standing, claim)
            self._people[person] = taking
            self.claims[person] = claim = taking.claim
            if taking.member_like:
                member_like.append(person)
                if claim is not None and claim.lawful and taking.principal:
                    self._lawful_deputies.append((person, taking.principal))
        return sorted(member_like)

    def _case_view(self, case: Case) -> _CaseView:
        """Who was present for the case, who may not take part, who chairs it and the seats present."""
        here = self._here[case.id]
        inhabil = self._inhabil(case)
        chair = case.chair or self._chair_of(here, inhabil)
        return _CaseView(here, inhabil, chair, self._seats_present(here, inhabil))

    def _seats_present(self, here: frozenset[str], inhabil: frozenset[str]) -> dict[str, str]:
        """_seat_holders of a case, found once for the cases with the same people present and
        inhabil (most cases of a meeting: everyone there throughout, no one inhabil), and shared:
        callers only read it."""
        key = (here, inhabil)
        found = self._seats_by_presence.get(key)
        if found is None:
            found = self._seats_by_presence[key] = self._seat_holders(here, inhabil)
        return found

    def _inhabil(self, case: Case) -> frozenset[str]:
        """Who may not take part in the case. In elections to offentlige tillitsverv no one is
        inhabil (kommuneloven § 11-10 fjerde ledd), whatever the scenario declares."""
        if not (case.inhabil or case.habilitet):  # most cases declare no one
            return _NO_ONE
        kind = self.kinds.get(case.kind)
        return _NO_ONE if kind is not None and kind.election else frozenset(case.declared_inhabil())

    def _chair_of(self, here: frozenset[str], inhabil: frozenset[str]) -> str | None:
        """The meeting's chair; when he or she has left before the case, the vice leads it if
        present (kommuneloven § 11-2 tredje ledd)."""
        chair, vice = self.scenario.chair, self.sitting.vice
        if chair and chair not in here and vice and vice in here and vice not in inhabil:
            return vice
        return chair

    def case_chair(self, case: Case) -> str | None:
        """cases[].chair, else the meeting's chair or, when he or she has left, the vice (_chair_of)."""
        return self._cases[case.id].chair

    def _absent_members(self) -> frozenset[str]:
        """The voting members not at the meeting (whose seats a deputy may fill); found once."""
        if self._absent is None:
            members = {r.person for r in self.sitting.voting_members().values()}
            self._absent = frozenset(members - self.at_meeting)
        return self._absent

    def _stands_for(self, person: str) -> str | None:
        return self.stands_for.get(person)

    def _delegate_of(self, person: str) -> Role | None:
        """'Rådmannen ... eller en av ham/henne valgt medarbeider': the delegating role."""
        return _delegate(self.sitting, person, self._stands_for(person))

    def effective_role(self, person: str) -> Role | None:
        return self.sitting.role(person) or self._delegate_of(person)

    # -- attendance ---------------------------------------------------------------------------
    def attendee_facts(self) -> list[dict]:
        facts = []
        people = self._people
        for i, person in enumerate(sorted(self.stands_for)):
            taking = people[person]
            claim = taking.reported_claim
            fact = taking.attendee.copy()
            fact["id"] = f"a{i}"
            fact["principal_at_meeting"] = claim is not None and self._sits_with_principal(person, claim.principal)
            if claim is not None:  # the cached part holds the fields of one who stands in for no one
                fact.update(self._deputy_order(person, claim))
            facts.append(fact)
        return facts

    def _sits_with_principal(self, person: str, principal: str | None) -> bool:
        """Deputy and principal both present, and the principal not inhabil, in some case.

        A member who is inhabil or away for one case may be replaced for that case only
        (forvaltningsloven §§ 8 og 9; kommuneloven § 7-10): that is not sitting together.
        """
        if principal not in self.at_meeting:
            return False
        if not self.scenario.cases:
            return True
        return any(person in view.here and principal in view.here and principal not in view.inhabil
                   for view in self._cases.values())

    def _deputy_order(self, person: str, claim) -> dict:
        """kommuneloven § 7-10 første ledd: numbered deputies are called in their order «så langt
        som mulig». A lower-numbered deputy of the same group who neither sits nor had forfall was
        passed over (rule deputy-order)."""
        policy = claim.policy if claim and claim.lawful else None
        if policy is None or policy.kind != "numbered":
            return _IN_ORDER
        skipped: list[str] = []
        lower = self.parts.lower_deputies(person, policy.office)
        if lower:
            sitting_in = {p for p, c in self.claims.items() if c is not None}
            skipped = [p for p in lower if p not in sitting_in and self.scenario.forfall_from(p) is None]
        return {"deputy_out_of_order": bool(skipped),
                "skipped_deputies": ", ".join(self.sitting.name(p) for p in skipped),
                "skipped": ",".join(skipped)}

    # -- meeting ------------------------------------------------------------------------------
    def meeting_fact(self) -> dict:
        s, chair = self.sitting, self.scenario.chair
        role = self.effective_role(chair) if chair else None
        elected = self.scenario.chair_elected
        detail = "none"
        if chair and (s.leader in self.at_meeting or s.vice in self.at_meeting):
            detail = "leader-present"
        elif chair and not elected:
            detail = "not-elected"
        elif chair:
            detail = "not-voting-member"
        fact = self.parts.meeting.copy()  # the sitting's part, with this meeting's own fields (_MEETING_OWN) set here
        fact.update({
            "chair_given": chair is not None, "chair_name": s.name(chair),
            "chair_is_leader": chair is not None and chair == s.leader,
            "chair_is_vice": chair is not None and chair == s.vice,
            "leader_present": s.leader in self.at_meeting,
            "vice_present": s.vice in self.at_meeting,
            "chair_elected": elected,
            "chair_is_voting_member": bool(role and role.can_vote) or self._lawful_deputy(chair),
            "chair_detail": detail,
        })
        fact.update(self._declared(fact["leadership_known"]))
        return fact

    def _declared(self, leadership_known: bool) -> dict:
        """The meeting fact's fields from what the scenario states of its leadership and convening
        (_stated_leadership, _convening): they follow from the sitting and those statements only,
        so the sitting remembers them (most meetings state the same: nothing)."""
        sc = self.scenario
        key = (sc.convening, sc.has_forfall(self.parts.convening.leader), sc.leader, sc.vice)
        found = self.parts.declared.get(key)
        if found is None:
            found = {**self._stated_leadership(leadership_known), **self._convening()}
            _remember_bounded(self.parts.declared, key, found, MAX_DECLARED)
        return found

    def _convening(self) -> dict:
        """Who convened, and the prerequisites (rule convened-without-authority).

        An organ with a `convening` provision (Follomøtet: vedtekter 2012 pkt. 4.1.4) may be
        convened only by the leader it names, on its prerequisites; any other organ under
        kommuneloven § 11-2 andre ledd: its leader (b) or at least 1/3 of its members demanding
        (c); a decision of the organ itself (a) is not recorded in scenarios. Without
        `convening.by` (or without a known leader) the convening is unknown: no finding.
        The sitting's part (who leads, the provisions, the statute's third) is _convening_law's.
        """
        conv, s = self.scenario.convening, self.sitting
        law = self.parts.convening
        leader, provision, innst, agenda = law.leader, law.provision, law.innstilling, law.agenda
        leader_forfall = self.scenario.has_forfall(leader)
        demand = len({r.seat_key for p in set(conv.demanded_by) if (r := s.role(p))
                      and r.can_vote and r.kind == "member"}) if conv.demanded_by else 0
        # a demand the bylaws allow besides the statute's third (Convening.on_demand), e.g. «når ein
        # deltakar krev det»: like § 11-2 andre ledd c, it obliges the leader to convene. The
        # statute's third holds beside it: an agreement may add demanders, not take that right away
        declared = self._declared_demand(provision, conv.demanded_by) if provision else None
        demanded = demand >= law.needed > 0 or declared is not None
        given = conv.innstilling
        return {
            "convening_known": conv.by is not None and leader is not None,
            # § 11-2 andre ledd c: a demand obliges the leader to convene; it makes no one else a
            # convener. The vice convenes lawfully when the leader has forfall (§ 11-2 tredje ledd).
            "convened_by_entitled": conv.by == leader or (conv.by is not None and conv.by == law.vice
                                                          and leader_forfall),
            "leader_forfall": leader_forfall, "convening_demanded": demanded, "convening_demand": demand,
            "convener_name": s.name(conv.by) if conv.by else "",
            "convening_has_innstilling": innst is None or (given is not None and given.organ == innst.organ),
            "convening_innstilling_detail": "none" if given is None else "other",
            "convening_innstilling_given_name": self._organ_name(given.organ) if given else "",
            "convening_agenda_approved": agenda is None or conv.agenda_approved_by == agenda.organ,
            "convening_agenda_detail": "none" if conv.agenda_approved_by is None else "other",
            "convening_agenda_approved_by_name": self._organ_name(conv.agenda_approved_by)
            if conv.agenda_approved_by else "",
        }

    def _declared_demand(self, provision, demanded_by):
        """The bylaws' own demand rule (Convening.on_demand) the demand meets, if any."""
        s = self.sitting
        roles = [r for p in set(demanded_by) if (r := s.role(p)) and r.kind == "member"]
        participants = {r.participant for r in roles if r.participant}
        for rule in provision.on_demand:
            if rule.by == "participants" and len(participants) >= rule.count:
                return rule
            if rule.by == "leader" and s.leader is not None and s.leader in demanded_by:
                return rule
        return None

    def _stated_leadership(self, leadership_known: bool) -> dict:
        """rotation-mismatch (vedtekter 2012 pkt. 4.1.3): the leadership the scenario states
        (keys `leader`, `vice`), against the rotation's for the date (engine/core/rotation.py) or
        the elected one (the roster's leder/nestleder for the organ); see _meeting_constants."""
        s, sc = self.sitting, self.scenario

        def matches(stated: str | None, person: str | None, participant: str | None) -> bool:
            if stated is None or not leadership_known:
                return True
            if person is not None:
                return stated == person
            return any(h.person == stated and h.participant == participant for h in s.holdings)

        return {
            "leader_stated": sc.leader is not None, "vice_stated": sc.vice is not None,
            "leader_stated_ok": matches(sc.leader, s.leader, s.leader_participant),
            "vice_stated_ok": matches(sc.vice, s.vice, s.vice_participant),
            "stated_leader_name": s.name(sc.leader) if sc.leader else "",
            "stated_vice_name": s.name(sc.vice) if sc.vice else "",
        }

    def _lawful_deputy(self, person: str | None) -> bool:
        claim = self.claims.get(person) if person else None
        return bool(claim and claim.lawful)

    # -- votes and proposals (stage 1) -----------------------------------------------------
    def vote_facts(self, case: Case, kind: CaseKind) -> list[dict]:
        """One fact per vote line, sorted by voter and value; what depends on the voter and the
        case only is found once per voter."""
        if case.votes is None:
            return []
        values = case.votes.by_voter()
        seat_claims = self._seat_claims(values)
        view = self._cases[case.id]
        here, inhabil = view.here, view.inhabil
        case_id, people = case.id, self._people
        blank_allowed, label = kind.election or kind.appointment, kind.label
        facts = []
        for person in sorted(values):
            mine = values[person]
            taking = people.get(person)
            claim, principal = (taking.claim, taking.principal) if taking else (None, None)
            # the voter's fields (this vote's own are set below)
            voter = taking.voter if taking else self._absent_voter(person)
            principal_present = bool(principal and principal in here and principal not in inhabil)
            is_inhabil, present = person in inhabil, person in here
            for nth, value in enumerate(mine, 1):  # by_voter sorts each voter's values
                fact = voter.copy()
                fact["id"] = f"v{case_id}:{len(facts)}"
                fact["case"] = case_id
                fact["value"] = value
                fact["principal_present"] = principal_present
                fact["inhabil"] = is_inhabil
                fact["present"] = present
                fact["blank_allowed"] = blank_allowed
                fact["kind_label"] = label
                # one vote, standing in for no one (most votes): no duplicate
                fact["duplicate"] = _duplicate(nth, mine, claim, seat_claims) if claim or len(mine) > 1 else "none"
                fact["duplicate_count"] = len(mine)
                facts.append(fact)
        return facts

    def _seat_claims(self, voters) -> dict[str, int]:
        """How many distinct lawful deputies voted for each principal's seat."""
        counts: dict[str, int] = {}
        for person, principal in self._lawful_deputies:  # the few attendees who may stand in
            if person in voters:
                counts[principal] = counts.get(principal, 0) + 1
        return counts

    def _absent_voter(self, person: str) -> dict:
        """The fields of a vote cast by someone not at the meeting (an attendee's are his or her
        _TakingPart's): he or she attends for no one and stands in for no one."""
        found = self._absent_voters.get(person)
        if found is None:
            found = self._absent_voters[person] = _voter_fields(
                self.sitting, person, None, None, self.parts.deputies, self.parts.quorum)
        return found

    def proposal_facts(self, case: Case) -> list[dict]:
        facts = []
        for i, prop in enumerate(case.proposals):
            role = self.effective_role(prop.by)
            claim = self.claims.get(prop.by)
            rights = set(role.rights) if role else set()
            if claim and claim.lawful and claim.role:
                rights |= claim.role.rights
            facts.append({
                "t": "proposal", "id": f"p{case.id}:{i}", "case": case.id, "by": prop.by,
                "by_name": self.sitting.name(prop.by),
                "by_role": "role" if role else ("deputy" if claim else "none"),
                "by_label": role.label if role else "",
                "can_propose": "propose" in rights,
                "rights_citation": role.citation if role else self.sitting.organ.citation,
                "rights_quote": (role.quote if role else self.sitting.organ.quote) or "",
                **self.common,
            })
        return facts

    # -- acts in a case (stage 1): who took part in preparing or deciding it --------------------
    def act_facts(self, case: Case) -> list[dict]:
        """forvaltningsloven § 6 første ledd: an inhabil member may not «tilrettelegge grunnlaget
        for en avgjørelse eller ... treffe avgjørelse». Each recorded act in the case is a fact;
        votes are judged on the vote facts. § 8 andre ledd: the organ decides a member's
        habilitet without that member (nor another member whose habilitet is questioned in the
        same case, unless the organ would otherwise not be quorate)."""
        acts = []  # (act, person); plain loops: most cases record no statement, proposal or objection
        for statement in case.statements:
            acts.append(("statement", statement.by))
        for proposal in case.proposals:
            acts.append(("proposal", proposal.by))
        if not case.on_agenda:
            for person in case.objections:
                acts.append(("objection", person))
        view = self._cases[case.id]
        if view.chair is not None and view.chair in view.here:
            acts.append(("chair", view.chair))
        inhabil = view.inhabil
        facts = [self._act_fact(case, i, act, person, person in inhabil)
                 for i, (act, person) in enumerate(acts)]
        if not case.habilitet:
            return facts
        questioned = {h.person for h in case.habilitet}
        others_needed = self._habilitet_exception(case, questioned)
        for j, h in enumerate(case.habilitet):
            for k, (person, value) in enumerate(h.votes.lines() if h.votes else []):
                fact = self._act_fact(case, f"h{j}.{k}", "habilitet", person, False)
                fact.update({"own": person == h.person, "concerns": h.person,
                             "concerns_name": self.sitting.name(h.person),
                             "questioned_other": person in questioned and person != h.person,
                             "exception": others_needed})
                facts.append(fact)
        return facts

    def _act_fact(self, case: Case, i, act: str, person: str, inhabil: bool) -> dict:
        return {"t": "act", "id": f"x{case.id}:{i}", "case": case.id, "act": act, "person": person,
                "person_name": self.sitting.name(person),
                "inhabil": inhabil, "own": False, "questioned_other": False, "exception": False,
                "concerns": "", "concerns_name": "", **self.common}

    def _habilitet_exception(self, case: Case, questioned: set[str]) -> bool:
        """fvl. § 8 andre ledd tredje punktum: «med mindre organet ellers ikke ville være
        vedtaksført i spørsmålet» (quorum: kommuneloven § 11-9 første ledd)."""
        if len(questioned) < 2:
            return False
        seats = self._seat_persons(case, exclude=set())
        left = [s for s, p in seats.items() if p not in questioned]
        quorum = self.statute["quorum"]
        return len(left) < required_count(quorum.parameters["fraction"], self.sitting.member_count())

    # -- members present for a vote (stage 2): the duty to vote --------------------------------
    def member_facts(self, case: Case, kind: CaseKind, votes: list[dict]) -> list[dict]:
        """kommuneloven § 8-1 andre ledd: «Medlemmer som er til stede ... når en sak tas opp til
        avstemning, plikter å stemme.» One fact per seat present (its sitting member or lawful
        deputy) in a case put to a vote; § 11-10 fjerde ledd: in an election no member is inhabil,
        so a member kept out of it was wrongly excluded."""
        if not kind.voted or not votes:
            return []
        voted_seats = {v["seat"] for v in votes}
        voted_people = {v["person"] for v in votes}
        declared = case.declared_inhabil() if kind.election else _NO_ONE
        case_id, label, people = case.id, kind.label, self._people
        facts = []
        for i, (seat, person) in enumerate(sorted(self._cases[case_id].seats.items())):
            fact = people[person].member.copy()  # the seat holder's part; this seat's own fields are set here
            fact["id"] = f"s{case_id}:{i}"
            fact["seat"] = seat
            fact["voted"] = seat in voted_seats or person in voted_people
            fact["excluded"] = person in declared
            fact["case"] = case_id
            fact["kind_label"] = label
            facts.append(fact)
        return facts

    def _seat_persons(self, case: Case, exclude: set[str] | None = None) -> dict[str, str]:
        """Voting seats present for the case and who holds each (member, or lawful deputy for an
        absent or inhabil member); inhabil members are left out (found once per case, and shared:
        callers only read it), or those in `exclude`."""
        if exclude is None:
            return self._cases[case.id].seats
        return self._seat_holders(self._here[case.id], exclude)

    def _seat_holders(self, here: frozenset[str], exclude) -> dict[str, str]:
        seats: dict[str, str] = {}
        people = self._people
        for person in self.member_like:
            if person not in here or person in exclude:
                continue
            taking = people[person]
            principal = taking.principal
            if taking.deputy_seat is not None and not (principal and principal in here and principal not in exclude):
                seats.setdefault(taking.deputy_seat, person)
            elif taking.own_seat is not None:
                seats[taking.own_seat] = person
        return seats

    # -- the case (stage 2) ----------------------------------------------------------------
    def case_fact(self, case: Case, kind: CaseKind, counted: list[dict]) -> dict:
        """The case on its tally: quorum, majority, agenda, chair, competence. What depends on the
        sitting and the kind of case only is _case_law's (found once per sitting and kind)."""
        law = self.parts.case_law(kind)
        view = self._cases[case.id]
        present_members, chair = view.seats, view.chair
        tally = {"for": 0, "against": 0, "blank": 0}
        blank_counts = kind.election or kind.appointment
        seats_voting = set()  # quorum: the members' seats that voted
        chair_vote = "none"  # the chair's first vote
        for v in counted:
            value = v["value"]
            tally[value] += 1
            if (value != "blank" or blank_counts) and v["voter_role"] != "observer":
                seats_voting.add(v["seat"])
            if chair_vote == "none" and v["person"] == chair:
                chair_vote = value
        votes_for, against = tally["for"], tally["against"]
        cast = votes_for + against
        bylaws_q = self.sitting.organ.quorum
        fact = law.fields.copy()  # the kind's part, with this case's own fields (_CASE_OWN) set here
        fact.update({
            "id": f"c{case.id}", "case": case.id, "kind": case.kind,
            "voted": kind.voted and bool(counted),
            "ballot": case.ballot, "lot": case.lot or "none",
            "present_and_voting": len(seats_voting),
            "votes_for": votes_for, "votes_against": against, "votes_blank": tally["blank"],
            "tie": kind.voted and votes_for == against and votes_for > 0 and not law.majority,
            "chair_vote": chair_vote if chair_vote != "blank" else "none",
            "bylaws_quorum_count": 0 if bylaws_q is None else (
                len(present_members) if bylaws_q.basis == "present" else len(seats_voting)),
            "votes_cast": cast,
            "qualified_reached": bool(law.majority and cast > 0
                                      and Fraction(votes_for, cast) >= Fraction(law.majority)),
            "simple_majority": votes_for > against,
        })
        fact.update(self._agenda(case, present_members, chair))
        fact.update(self._case_chair_fields(case, view))
        fact.update(self._innstilling_fields(case, law.needs_innstilling_from))
        return fact

    def _case_chair_fields(self, case: Case, view: _CaseView) -> dict:
        """kommuneloven § 11-2 tredje ledd for one case: a case chaired by someone other than the
        meeting's chair (cases[].chair) must be chaired by the leader or the vice; when both are
        unavailable for the case (absent, forfall or inhabil in it), by one elected for it.
        `view`: the case's people (who chairs it: view.chair)."""
        s, own = self.sitting, case.chair
        role = self.effective_role(own) if own else None
        return {
            "case_chair_own": own is not None and own != self.scenario.chair,
            "case_chair_name": s.name(view.chair),
            "case_chair_is_leader": own is not None and own == s.leader,
            "case_chair_is_vice": own is not None and own == s.vice,
            "case_leader_available": self._available(s.leader, case, view),
            "case_vice_available": self._available(s.vice, case, view),
            "case_chair_elected": case.chair_elected,
            "case_chair_voting": bool(role and role.can_vote) or self._lawful_deputy(own),
        }

    def _available(self, person: str | None, case: Case, view: _CaseView) -> bool:
        """Present for the case, not inhabil in it and without forfall for it."""
        return (person is not None and person in view.here and person not in view.inhabil
                and not (self.scenario.forfall and self.scenario.has_forfall(person, case.id)))

    def _agenda(self, case: Case, seats: dict[str, str], chair: str | None) -> dict:
        """§ 11-3 femte ledd: «møtelederen eller 1/3 av de møtende medlemmene». Numerator and
        denominator on one basis: the seats present that may take part in the case (`seats`);
        `chair`: who chairs the case."""
        objecting = set(case.objections)
        objectors = sum(person in objecting for person in seats.values()) if objecting else 0
        fraction = self.statute["not-on-agenda"].parameters["fraction"]
        chair_objected = chair is not None and chair in objecting
        return {
            "on_agenda": case.on_agenda,
            "chair_objected": chair_objected,
            "objectors": objectors,
            "objectors_needed": required_count(fraction, len(seats)),
            "objection_by": "chair" if chair_objected else "members", "objection_seats": len(seats),
        }

    def _innstilling_fields(self, case: Case, needed: str | None) -> dict:
        """The innstilling the case has, against the one its competence needs (from organ `needed`)."""
        given = case.innstilling
        has = needed is None or (given is not None and given.organ == needed)
        detail = "given"
        if needed and given is None:
            detail = "none"
        elif needed and not has:
            detail = "other"
        return {"has_innstilling": has, "innstilling_detail": detail,
                "innstilling_given_name": self._organ_name(given.organ) if given else ""}

    def _organ_name(self, organ_id: str) -> str:
        return _organ_names(self.doc).get(organ_id, organ_id)

    def composition_facts(self) -> list[dict]:
        """Rules composition-gender: one fact per participant and both-genders requirement of the
        organ (found once per sitting, see _composition_facts; each scenario gets its own copies)."""
        return [dict(fact) for fact in self.parts.composition]


def _duplicate(nth: int, lines: list[str], claim, seat_claims: dict[str, int]) -> str:
    """conflicting (different votes), repeated (the same vote again), seat (two deputies for
    one seat) or none (worded by check-duplicate). `lines`: every value the voter cast in the case."""
    if len(lines) > 1 and len(set(lines)) > 1:
        return "conflicting"
    if nth > 1:
        return "repeated"
    if claim and claim.lawful and seat_claims.get(claim.principal, 0) > 1:
        return "seat"
    return "none"


class _Standing(NamedTuple):
    """How a person attending (for `stands_for`, if named) sits in the organ."""

    role: Role | None  # the person's own role (Sitting.role)
    votes: bool  # a voting member in his or her own right
    claim: DeputyClaim | None  # how he or she stands in (for a voting member: the claim reported)
    infers_principal: bool  # a deputy attending for no one named: whose seat depends on who is absent


def _standing(sitting: Sitting, person: str, stands_for: str | None) -> _Standing:
    """How a person attending for `stands_for` sits: the roster decides it, so it is remembered
    with how the person takes part (_SittingParts.person: for the sitting's life for the pairings
    the roster defines, in a bounded memo for others), except the seat an unnamed deputy fills (FactBuilder: Sitting.deputy_claim with the absent members)."""
    role = sitting.role(person)
    # with stands_for named, Sitting.deputy_claim does not ask who is absent (frozenset())
    named = sitting.deputy_claim(person, stands_for, frozenset()) if stands_for is not None else None
    if role is not None and role.can_vote:
        return _Standing(role, True, named, False)  # the claim is reported (deputy-not-fixed)
    if role is not None and stands_for is None:
        return _Standing(role, False, None, False)  # an adviser or observer attends in that capacity
    if stands_for is not None and _delegate(sitting, person, stands_for) is not None:
        return _Standing(role, False, None, False)  # an employee attending for a rådmann who may delegate
    return _Standing(role, False, named, stands_for is None)


def _known(sitting: Sitting, person: str, stands_for: str | None, claim: DeputyClaim | None) -> bool:
    """A role here, a claim to stand in for someone, or attending for a seat holder who may delegate."""
    return sitting.role(person) is not None or claim is not None \
        or _delegate(sitting, person, stands_for) is not None


def _delegate(sitting: Sitting, person: str, stands_for: str | None) -> Role | None:
    """'Rådmannen ... eller en av ham/henne valgt medarbeider': the delegating role of someone with
    no role here who attends for a seat holder that may delegate."""
    if stands_for is None or sitting.role(person) is not None:
        return None
    seat_holder = sitting.role(stands_for)
    return seat_holder if seat_holder is not None and seat_holder.delegable else None


# -- the parts of facts that depend on the sitting only -----------------------------------------
# Each is found once per key and shared by every scenario on the sitting: callers merge the dicts
# into fresh facts and never change them. The keys are immutable: a sitting (identity), frozen
# models, person ids, deputy claims (frozen dataclasses).


@lru_cache(maxsize=256)
def _common(organ: Organ, on: date) -> dict:
    """The fields every fact carries: the organ, the date and the organ's composition clause."""
    seat = organ.seats[0] if organ.seats else None
    return {"organ_name": organ.name, "date": str(on),
            "composition_citation": seat.citation if seat else organ.citation,
            "composition_quote": (seat.quote if seat else organ.quote) or ""}


@lru_cache(maxsize=64)
def _kinds_by_id(doc: Document) -> dict[str, CaseKind]:
    return {k.id: k for k in doc.case_kinds}


@lru_cache(maxsize=64)
def _organ_names(doc: Document) -> dict[str, str]:
    """Each organ id's name (the first organ of an id)."""
    return {o.id: o.name for o in reversed(doc.organs)}


def _attendee_fields(sitting: Sitting, person: str, stands_for: str | None, claim: DeputyClaim | None,
                     statute_deputies: StatuteRule) -> dict:
    """An attendee fact's fields that follow from the sitting, the person, whom he or she attends
    for and the deputy claim that gives (the meeting's own parts are FactBuilder.attendee_facts')."""
    return {
        "t": "attendee", **_ATTENDEE_OWN, **_IN_ORDER, "person": person, "person_name": sitting.name(person),
        # a claim of a voting member (reported_claim) comes with a role: known either way
        "known": _known(sitting, person, stands_for, claim),
        "stands_in": claim is not None,
        "deputy_lawful": bool(claim and claim.lawful),
        **_deputy_fields(sitting, claim, statute_deputies),
        **_common(sitting.organ, sitting.on),
        **_eligibility_fields(sitting, person),
    }


def _voter_fields(sitting: Sitting, person: str, stands_for: str | None, claim: DeputyClaim | None,
                  statute_deputies: StatuteRule, statute_quorum: StatuteRule) -> dict:
    """The fields of a vote that depend only on who cast it: the voter's role, rights and seat."""
    delegate = _delegate(sitting, person, stands_for)
    role = sitting.role(person) or delegate
    deputy_ok = bool(claim and claim.lawful)
    rights_role = role if role else (claim.role if claim else None)
    organ = sitting.organ
    return {
        "t": "vote", **_VOTE_OWN, "person": person, "voter_name": sitting.name(person),
        "voter_known": _known(sitting, person, stands_for, claim),
        "voter_role": "deputy" if claim else (role.kind if role else "unknown"),
        "voter_label": rights_role.label if rights_role else "-",
        "can_vote": bool(role and role.can_vote and delegate is None) or deputy_ok,
        "rights": _rights_ids(role),
        "rights_citation": (role.citation if role else organ.citation),
        "rights_quote": (role.quote if role else organ.quote) or "",
        "stands_in": claim is not None, "deputy_lawful": deputy_ok,
        "vote_unit_citation": rights_role.citation if rights_role else statute_quorum.citation,
        "vote_unit_quote": (rights_role.quote if rights_role else statute_quorum.quote) or "",
        "seat": _seat_of(person, role, claim),
        **_deputy_fields(sitting, claim, statute_deputies),
        **_common(organ, sitting.on),
    }


class _TakingPart(NamedTuple):
    """How one person attending for `stands_for` takes part in a meeting on a sitting: the same
    for every meeting, except for a deputy who names no one (whose seat depends on who is absent)."""

    standing: _Standing
    claim: DeputyClaim | None  # how his or her votes and seat stand in (a voting member's: None)
    # the claim on the attendance fact: a voting member who says he or she attends for someone
    # keeps his or her own seat and vote, and the claim is reported (deputy-not-fixed)
    reported_claim: DeputyClaim | None
    principal: str | None  # whom the claim stands in for
    member_like: bool  # can count as a member in a case: a voting member or a lawful deputy
    own_seat: str | None  # a voting member's own seat
    deputy_seat: str | None  # the seat a lawful deputy fills when its holder is away or inhabil
    attendee: dict  # the attendee fact's part
    voter: dict  # the vote facts' part
    member: dict  # the member facts' part (of a seat he or she holds in a case put to a vote)


# who attends for whom outside the roster's relations, remembered per sitting: a _TakingPart is
# about 2.3 kB, so at most some 75 MB over resolve's 512 sittings; the bench's meetings name 6
MAX_OTHER_PAIRINGS = 64
MAX_DECLARED = 64  # statements of leadership and convening remembered per sitting


def _remember_bounded(memo: dict, key, value, limit: int) -> None:
    """Remember in a memo whose keys come from the input (any scenario may add one): at most
    `limit` entries, started afresh when full."""
    if len(memo) >= limit:
        memo.clear()
    memo[key] = value


class _SittingParts:
    """The parts of facts shared by every scenario on one sitting under the statute's rules: the
    fields every fact carries, the case kinds, the meeting's constants and convening law, the
    composition facts, each case kind's law and how each person takes part. A scenario finds this
    once (_sitting_parts) and its facts then ask plain dicts keyed on person ids and case kinds,
    not per_sitting with frozen models in every key."""

    def __init__(self, sitting: Sitting, statute_deputies: StatuteRule, statute_quorum: StatuteRule,
                 statute_chair: StatuteRule, statute_meeting: StatuteRule):
        # the sitting keeps this bundle (per_sitting): a weak reference back lets both be freed as
        # soon as resolve forgets the sitting, not at the cycle collector's next pass
        self._sitting = weakref.ref(sitting)
        self.deputies, self.quorum = statute_deputies, statute_quorum
        self.common = _common(sitting.organ, sitting.on)
        self.kinds = _kinds_by_id(sitting.doc)
        self.meeting = _meeting_constants(sitting, statute_chair, statute_meeting)
        self.convening = _convening_law(sitting, statute_meeting)
        self.composition = _composition_facts(sitting)
        self._laws: dict[CaseKind, _CaseLaw] = {}
        self._lower: dict[tuple[str, str], tuple[str, ...]] = {}
        self.people: dict[tuple[str, str | None], _TakingPart] = {}  # by person and stands_for
        self.others: dict[tuple[str, str | None], _TakingPart] = {}  # the other pairings, bounded
        self.declared: dict[tuple, dict] = {}  # FactBuilder._declared, bounded

    @property
    def sitting(self) -> Sitting:
        """The sitting (alive while anyone asks: its bundle is only reached through it)."""
        return self._sitting()

    def person(self, person: str, stands_for: str | None) -> _TakingPart:
        """How the person attending for `stands_for` takes part (for a deputy who names no one,
        only the standing is meant: FactBuilder finds his or her claim per meeting). A pairing the
        roster defines (_follows_from_roster) is remembered for the sitting's life; any other an
        input can name (a formannskap member standing in, a stranger: the roster's size squared)
        in `others`, at most MAX_OTHER_PAIRINGS, started afresh when full."""
        key = (person, stands_for)
        found = self.people.get(key) or self.others.get(key)
        if found is None:
            sitting = self.sitting
            standing = _standing(sitting, person, stands_for)
            found = self.taking_part(person, stands_for, standing, standing.claim)
            if _follows_from_roster(sitting, person, stands_for, standing):
                self.people[key] = found
            else:
                _remember_bounded(self.others, key, found, MAX_OTHER_PAIRINGS)
        return found

    def taking_part(self, person: str, stands_for: str | None, standing: _Standing,
                    claim: DeputyClaim | None) -> _TakingPart:
        """How the person takes part with `claim` (his or her standing's, or the one found for
        the meeting)."""
        role, sitting = standing.role, self.sitting
        votes_claim = None if standing.votes else claim  # a voting member's claim is only reported
        lawful = bool(votes_claim and votes_claim.lawful)
        return _TakingPart(
            standing, votes_claim, claim, votes_claim.principal if votes_claim else None,
            (standing.votes and role.kind == "member") or lawful,
            role.seat_key if role and role.can_vote and role.kind == "member" else None,
            votes_claim.role.seat_key if lawful and votes_claim.role else None,
            _attendee_fields(sitting, person, stands_for, claim, self.deputies),
            _voter_fields(sitting, person, stands_for, votes_claim, self.deputies, self.quorum),
            _member_fields(sitting, person))

    def lower_deputies(self, person: str, office: str) -> tuple[str, ...]:
        """The deputies numbered before the person's own number in `office`, for the same
        participant and group, sorted (none when he or she holds no numbered `office`)."""
        key = (person, office)
        found = self._lower.get(key)
        if found is None:
            found = self._lower[key] = _lower_deputies(self.sitting, person, office)
        return found

    def case_law(self, kind: CaseKind) -> _CaseLaw:
        found = self._laws.get(kind)
        if found is None:
            found = self._laws[kind] = _case_law(self.sitting, kind, self.quorum)
        return found


def _follows_from_roster(sitting: Sitting, person: str, stands_for: str | None, standing: _Standing) -> bool:
    """A roster person attending for no one, as a lawful deputy of the one named, or as an
    employee for a rådmann who may delegate: at most the roster's people and their deputy and
    delegation relations per sitting (any person attending for any other would be the roster's
    size squared)."""
    if person not in sitting.people:
        return False
    if stands_for is None:
        return True
    lawful = standing.claim is not None and standing.claim.lawful and not standing.votes
    return lawful or _delegate(sitting, person, stands_for) is not None


def _lower_deputies(sitting: Sitting, person: str, office: str) -> tuple[str, ...]:
    mine = next((h for h in sitting.holdings if h.person == person
                 and h.office == office and h.number is not None), None)
    if mine is None:
        return ()
    return tuple(sorted({h.person for h in sitting.holdings
                         if h.office == office and h.participant == mine.participant
                         and h.group == mine.group and h.number is not None and h.number < mine.number}))


@per_sitting
def _sitting_parts(sitting: Sitting, statute_deputies: StatuteRule, statute_quorum: StatuteRule,
                   statute_chair: StatuteRule, statute_meeting: StatuteRule) -> _SittingParts:
    return _SittingParts(sitting, statute_deputies, statute_quorum, statute_chair, statute_meeting)


def _member_fields(sitting: Sitting, person: str) -> dict:
    """A member fact's fields that follow from the sitting and the seat holder (remembered with
    how he or she takes part: _SittingParts.person)."""
    return {"t": "member", **_MEMBER_OWN, "person": person, "person_name": sitting.name(person),
            **_common(sitting.organ, sitting.on)}


def _seat_of(person: str, role: Role | None, claim) -> str:
    if claim and claim.lawful and claim.role:
        return claim.role.seat_key
    return role.seat_key if role else f"?{person}"


def _deputy_fields(sitting: Sitting, claim: DeputyClaim | None, statute_deputies: StatuteRule) -> dict:
    deputies = claim.policy if claim else None
    return {
        "principal": (claim.principal or "") if claim else "",
        "principal_name": sitting.name(claim.principal) if claim else "",
        "deputy_kind": _deputy_kind(claim),
        "deputy_citation": deputies.citation if deputies else statute_deputies.citation,
        "deputy_quote": (deputies.quote if deputies else statute_deputies.quote) or "",
        "deputy_layer": _layer_of(deputies, statute_deputies),
    }


def _layer_of(provision, statute_deputies: StatuteRule) -> str:
    """A deputy rule taken from the statute has the statute's layer (bylaws/statute data)."""
    if provision is not None and provision.layer:
        return provision.layer
    if provision is None or provision.citation.startswith("kommuneloven"):
        return statute_deputies.layer
    return "bylaws"


_ELIGIBLE = {"seat_eligible": True, "eligibility_why": "none", "seat_label": "", "eligibility_group": "",
             "eligibility_recorded": "", "eligibility_office": "", "eligibility_citation": "",
             "eligibility_quote": ""}


def _eligibility_fields(sitting: Sitting, person: str) -> dict:
    """Rule seat-eligibility: the attendee holds a seat the bylaws' eligibility rule (Seat.eligible)
    does not let him or her hold on the date (engine.core.eligibility, shared with `vedtekt
    authority check`)."""
    bad = _ineligible(sitting).get(person)
    if bad is None:
        return _ELIGIBLE
    # a group the roster does not record is worded as such, not as an empty group name
    why = "no-group" if bad.why == "not-in-group" and bad.recorded_group is None else bad.why
    return {"seat_eligible": False, "eligibility_why": why, "seat_label": bad.seat.label or bad.seat.office,
            "eligibility_group": bad.rule.group or "", "eligibility_recorded": bad.recorded_group or "",
            "eligibility_office": bad.rule.office or "", "eligibility_citation": bad.rule.citation,
            "eligibility_quote": bad.rule.quote or ""}


@per_sitting
def _ineligible(sitting: Sitting) -> dict:
    """The sitting's ineligible seat holders by person."""
    return {bad.person: bad for bad in ineligible_holders(sitting)}


@per_sitting
def _composition_facts(sitting: Sitting) -> tuple[dict, ...]:
    """One fact per participant and both-genders requirement of the organ, its members as the
    roster has them on the date (a member's absence from one meeting does not change who the
    organ is composed of)."""
    return tuple({
        "t": "participant", "id": f"g{i}", "participant": check.participant.id,
        "participant_name": check.participant.short, "organ_name": sitting.organ.name,
        "gender_status": check.status, "declared_severity": check.rule.severity,
        "gender_members": len(check.members), "gender_unknown": check.unknown,
        "gender": (check.genders[0] or "none") if check.status == "one-gender" else "none",
        "gender_rule_citation": check.rule.citation, "gender_rule_quote": check.rule.quote or "",
    } for i, check in enumerate(gender_checks(sitting)))


@per_sitting
def _meeting_constants(sitting: Sitting, statute_chair: StatuteRule, statute_meeting: StatuteRule) -> dict:
    """The meeting fact's fields that follow from the sitting: its leadership, for
    rotation-mismatch (vedtekter 2012 pkt. 4.1.3) the rotation's for the date
    (engine/core/rotation.py) or the elected one, and the convening law (_convening_law); the meeting's
    own fields (_MEETING_OWN) as None at its end."""
    term = sitting.term
    known = term is not None  # only a rotating leadership has a rotation to mismatch
    # the stated leader and vice are checked against an elected leadership too (the roster's
    # leder/nestleder for the organ, elected under the council's own clause)
    elected_term = _elected_term(sitting)
    short = {p.id: p.short for p in sitting.doc.participants}
    citation = _leadership_citation(sitting, statute_chair)
    return {
        "t": "meeting", "id": "m0",
        "leader_name": sitting.name(sitting.leader), "vice_name": sitting.name(sitting.vice),
        "chair_layer": "statute-mandatory",
        "rotation_known": known, "leadership_known": known or elected_term != "",
        "rotation_leader_of": short.get(sitting.leader_participant or "", ""),
        "rotation_vice_of": short.get(sitting.vice_participant or "", ""),
        "rotation_term": f"{term.start} – {term.end}" if term else elected_term,
        # the council's own leadership clause, from its bylaws (never a fixed text)
        "leadership_citation": citation,
        "leadership_chair_citation": f"{citation}; {statute_chair.citation}",
        "leadership_quote": _leadership_quote(sitting, statute_chair),
        **_convening_law(sitting, statute_meeting).fields,
        **_common(sitting.organ, sitting.on),
        **_MEETING_OWN,
    }


def _elected_term(sitting: Sitting) -> str:
    """An elected leader's period in office (the roster's `leder` holding for the organ)."""
    h = next((h for h in sitting.holdings if h.office == LEADER_OFFICE and h.organ == sitting.organ.id), None)
    return f"{h.valid_from} – {h.valid_to or '…'}" if h else ""


def _leadership_quote(sitting: Sitting, statute_chair: StatuteRule) -> str:
    """The words of the council's leadership clause (its rotation rule or elected leadership)."""
    if sitting.term is not None:
        return next((o.leadership.quote or "" for o in sitting.doc.organs
                     if o.leadership and o.leadership.citation == sitting.term.citation), "")
    rule = sitting.organ.leadership
    return (rule.quote if rule else statute_chair.quote) or ""


def _leadership_citation(sitting: Sitting, statute_chair: StatuteRule) -> str:
    if sitting.term is not None:
        return sitting.term.citation
    rule = sitting.organ.leadership
    return rule.citation if rule else statute_chair.citation


class _ConveningLaw(NamedTuple):
    """What convening the sitting's organ is judged by (found once per sitting)."""

    provision: Convening | None  # the bylaws' own convening clause, if any
    leader: str | None  # who convenes: the organ's leader, or that of the organ the clause names
    vice: str | None
    innstilling: ConvenePrerequisite | None  # the clause's prerequisites
    agenda: ConvenePrerequisite | None
    needed: int  # members demanding a meeting under § 11-2 andre ledd c
    fields: dict  # the meeting fact's convening fields that follow from the above


@per_sitting
def _convening_law(sitting: Sitting, statute_meeting: StatuteRule) -> _ConveningLaw:
    organ = sitting.organ
    provision = organ.convening
    leader, vice, leader_of = sitting.leader, sitting.vice, organ
    if provision is not None and provision.leader_of and provision.leader_of != organ.id:
        leader_of = sitting.doc.organ(provision.leader_of)
        other = resolve(sitting.doc, leader_of.id, sitting.on)
        leader, vice = other.leader, other.vice
    fraction = statute_meeting.parameters["demand_fraction"]
    members = sitting.member_count()
    needed = required_count(fraction, members)
    needs = {p.kind: p for p in provision.prerequisites} if provision else {}
    innst, agenda = needs.get("innstilling"), needs.get("agenda-approved")
    names = _organ_names(sitting.doc)
    fields = {
        "convening_demand_needed": needed if provision is None else 0,
        "convener_leader_of": leader_of.name, "convener_leader_name": sitting.name(leader),
        "convener_vice_name": sitting.name(vice),
        # the statute's demand rule is worded with the counts; the bylaws' own needs no words
        "convening_demand_basis": "bylaws" if provision else "statute",
        "convening_members": members, "convening_demand_fraction": fraction,
        "convening_citation": provision.citation if provision else statute_meeting.citation,
        "convening_quote": (provision.quote if provision else statute_meeting.quote) or "",
        "convening_layer": "bylaws" if provision else statute_meeting.layer,
        "convening_needs_innstilling": innst is not None,
        "convening_innstilling_organ_name": names.get(innst.organ, innst.organ) if innst else "",
        "convening_innstilling_citation": innst.citation if innst else "",
        "convening_innstilling_quote": (innst.quote if innst else "") or "",
        "convening_needs_agenda": agenda is not None,
        "convening_agenda_organ_name": names.get(agenda.organ, agenda.organ) if agenda else "",
        "convening_agenda_citation": agenda.citation if agenda else "",
        "convening_agenda_quote": (agenda.quote if agenda else "") or "",
    }
    return _ConveningLaw(provision, leader, vice, innst, agenda, needed, fields)


class _CaseLaw(NamedTuple):
    """What a case of one kind is judged by on a sitting (found once per sitting and kind)."""

    needs_innstilling_from: str | None  # the organ whose innstilling the competence needs
    majority: str | None  # the qualified majority (fraction of votes cast) it requires, if any
    fields: dict  # the case fact's fields that follow from the sitting and the kind, and _CASE_OWN


@per_sitting
def _case_law(sitting: Sitting, kind: CaseKind, statute_quorum: StatuteRule) -> _CaseLaw:
    organ, members = sitting.organ, sitting.member_count()
    comp = _competences(sitting.doc, organ.id, kind.id, sitting.on)[0]
    needed = comp.needs_innstilling_from if comp else None
    fields = {
        "t": "case", "kind_label": kind.label, "election": kind.election, "members": members,
        "required": required_count(statute_quorum.parameters["fraction"], members),
        "quorum_citation": statute_quorum.citation, "quorum_layer": statute_quorum.layer,
        "leader_name": sitting.name(sitting.leader), "vice_name": sitting.name(sitting.vice),
        **_bylaws_quorum(organ, members),
        **_competence(sitting, kind),
        **_qualified_fields(comp),
        **_binding_fields(comp),
        **_common(organ, sitting.on),
        **_CASE_OWN,
    }
    return _CaseLaw(needed, comp.majority if comp else None, fields)


def _bylaws_quorum(organ: Organ, members: int) -> dict:
    """A stricter quorum of the bylaws (e.g. 2/3 present); its count is the case's."""
    q = organ.quorum
    if q is None:
        return {"bylaws_quorum_required": 0, "bylaws_quorum_basis": "",
                "bylaws_quorum_citation": "", "bylaws_quorum_quote": ""}
    return {"bylaws_quorum_required": q.required(members),
            "bylaws_quorum_basis": "present" if q.basis == "present" else "voting",
            "bylaws_quorum_citation": q.citation, "bylaws_quorum_quote": q.quote or ""}


def _competence(sitting: Sitting, kind: CaseKind) -> dict:
    """Whether the organ may decide the kind of case, and the clause that says so (or withholds it);
    whose innstilling it needs (the case's own innstilling: FactBuilder._innstilling_fields)."""
    organ = sitting.organ
    comp, elsewhere, elsewhere_comp = _competences(sitting.doc, organ.id, kind.id, sitting.on)
    needed = comp.needs_innstilling_from if comp else None
    cited = comp or elsewhere_comp
    return {
        "competent": comp is not None and organ.decides,
        "competence_citation": cited.citation if cited else (kind.withheld_by or organ.citation),
        "competence_layer": cited.layer if cited else kind.withheld_layer,
        # the clause's words: the competence's, or those of the clause that withholds the kind
        "competence_quote": (cited.quote if cited else (kind.quote if kind.withheld_by else organ.quote)) or "",
        "competent_organs": "some" if elsewhere else "none",
        "competent_organ_names": ", ".join(elsewhere),
        "needs_innstilling": needed is not None,
        "innstilling_organ_name": _organ_names(sitting.doc).get(needed, needed) if needed else "",
    }


def _qualified_fields(comp: Competence | None) -> dict:
    """The qualified majority the competence requires (§ 18-4 tredje ledd: 2/3 of votes cast);
    whether a case reaches it is the case fact's."""
    return {"qualified": bool(comp and comp.majority), "qualified_fraction": (comp.majority if comp else "") or "",
            "qualified_citation": comp.citation if comp and comp.majority else "",
            "qualified_quote": (comp.quote if comp and comp.majority else "") or ""}


def _binding_fields(comp: Competence | None) -> dict:
    """Rule not-binding: the organ's competence for the case kind says its decision does not bind
    the participants (Competence.binding false: it recommends, each participant decides)."""
    binding = comp is None or comp.binding
    return {"binding": binding, "binding_citation": "" if binding else comp.citation,
            "binding_quote": "" if binding or not comp.quote else comp.quote}


@lru_cache(maxsize=1024)
def _competences(doc: Document, organ_id: str, case_kind: str, on: date):
    """The organ's competence for the kind of case on the date (or None), the names of the other
    organs competent for it, sorted, and the first of their competences: the document's data only,
    found once per document, organ, kind and date (documents are frozen and hashable)."""
    here = next((c for c in doc.competences if c.case_kind == case_kind and c.organ == organ_id
                 and c.in_force(on)), None)
    others = [c for c in doc.competences if c.case_kind == case_kind and c.organ != organ_id]
    names = _organ_names(doc)  # the first organ of an id, as FactBuilder._organ_name
    elsewhere = sorted({names.get(c.organ, c.organ) for c in others})
    return here, elsewhere, (others[0] if others else None)
