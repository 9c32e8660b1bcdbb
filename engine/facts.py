"""Prepare facts: Python resolves who each attendee is and what they may do, per case.

Rules (engine/rules.yaml) are then conditions over single facts. Every fact is a flat dict of
str/int/bool values with a unique `id` and its kind in `t`; display fields (names, labels,
citations) ride along for the messages and never enter a condition.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from fractions import Fraction

from .model import CaseKind, Competence, Document, required_count
from .scenario import Case, Scenario
from .sitting import Role, Sitting, resolve

_VALUE_NB = {"for": "for", "against": "mot", "blank": "blank"}
_VALUE_EN = {"for": "for", "against": "against", "blank": "blank"}
_RIGHTS_NB = {"attend": "møterett", "speak": "talerett", "propose": "forslagsrett", "vote": "stemmerett"}
_RIGHTS_EN = {"attend": "the right to attend", "speak": "to speak", "propose": "to propose", "vote": "to vote"}


@dataclass
class Attendee:
    person: str
    stands_for: str | None
    cases: set[str]  # case ids the person was present for


def presence(scenario: Scenario) -> dict[str, Attendee]:
    """Who was present for which case, from attendance lines (arrivals and departures)."""
    order = [c.id for c in scenario.cases]
    result: dict[str, Attendee] = {}
    for line in scenario.attendance:
        start = order.index(line.from_case) if line.from_case else 0
        end = order.index(line.until_case) if line.until_case else len(order) - 1
        entry = result.setdefault(line.person, Attendee(line.person, line.stands_for, set()))
        entry.stands_for = entry.stands_for or line.stands_for
        entry.cases.update(order[start:end + 1])
    return result


def _rights_text(role: Role | None, words: dict[str, str]) -> str:
    if role is None:
        return "-"
    return ", ".join(words[r] for r in ("attend", "speak", "propose", "vote") if r in role.rights)


class FactBuilder:
    """Builds the facts of one scenario against one sitting."""

    def __init__(self, scenario: Scenario, sitting: Sitting, statute_rules: dict, doc: Document):
        self.scenario, self.sitting, self.doc = scenario, sitting, doc
        self.statute = statute_rules
        self.present = presence(scenario)
        self.at_meeting = set(self.present)
        organ = sitting.organ
        self.common = {"organ_name": organ.name, "date": str(scenario.date),
                       "composition_citation": organ.seats[0].citation if organ.seats else organ.citation}
        self.claims = {p: self._claim(a) for p, a in self.present.items()}
        # a voting member who says he or she attends for someone else: the member keeps his or her
        # own seat and vote, and the claim is reported (deputy-not-fixed on the attendance)
        self.member_claims = {p: self.sitting._claim_for(p, a.stands_for) for p, a in self.present.items()
                              if a.stands_for is not None and self._holds_vote(p)}
        self._voters: dict[str, dict] = {}
        # who can count as a member in a case (members, lawful deputies): the per-case loops run
        # over these few, not over every attendee (2,000 listeners × 2,000 cases took minutes)
        self.member_like = [p for p in self.present if self._counts_as_member(p)]

    def _claim(self, a: Attendee):
        role = self.sitting.role(a.person)
        if role is not None and role.can_vote:
            return None  # a voting member attends as such
        if role is not None and a.stands_for is None:
            return None  # an adviser or observer attends in that capacity
        if a.stands_for is not None and self._delegate_of(a.person) is not None:
            return None  # an employee attending for a rådmann who may delegate
        members = {r.person for r in self.sitting.voting_members().values()}
        return self.sitting.deputy_claim(a.person, a.stands_for, members - self.at_meeting)

    def _holds_vote(self, person: str) -> bool:
        role = self.sitting.role(person)
        return role is not None and role.can_vote

    def known(self, person: str) -> bool:
        return self.sitting.role(person) is not None or self.claims.get(person) is not None \
            or self._delegate_of(person) is not None

    def _delegate_of(self, person: str) -> Role | None:
        """'Rådmannen ... eller en av ham/henne valgt medarbeider': the delegating role."""
        a = self.present.get(person)
        if a is None or a.stands_for is None or self.sitting.role(person) is not None:
            return None
        seat_holder = self.sitting.role(a.stands_for)
        return seat_holder if seat_holder is not None and seat_holder.delegable else None

    def effective_role(self, person: str) -> Role | None:
        return self.sitting.role(person) or self._delegate_of(person)

    # -- attendance ---------------------------------------------------------------------------
    def attendee_facts(self) -> list[dict]:
        facts = []
        for i, (person, a) in enumerate(sorted(self.present.items())):
            claim = self.claims.get(person) or self.member_claims.get(person)
            facts.append({
                "t": "attendee", "id": f"a{i}", "person": person,
                "person_name": self.sitting.name(person),
                "known": self.known(person),
                "stands_in": claim is not None,
                "deputy_lawful": bool(claim and claim.lawful),
                "principal_at_meeting": bool(claim and self._sits_with_principal(person, claim.principal)),
                **self._deputy_fields(claim), **self.common,
            })
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
        return any(self._present_for(person, c) and self._present_for(principal, c)
                   and principal not in c.inhabil for c in self.scenario.cases)

    def _deputy_fields(self, claim) -> dict:
        deputies = claim.policy if claim else None
        return {
            "principal": (claim.principal or "") if claim else "",
            "principal_name": self.sitting.name(claim.principal) if claim else "",
            "deputy_kind_nb": claim.kind_nb if claim else "",
            "deputy_kind_en": claim.kind_en if claim else "",
            "deputy_citation": deputies.citation if deputies else self.statute["deputies"].citation,
            "deputy_layer": self._layer_of(deputies),
        }

    def _layer_of(self, provision) -> str:
        if provision is None or provision.citation.startswith("kommuneloven"):
            return "statute-default"
        return "bylaws"

    # -- meeting ------------------------------------------------------------------------------
    def meeting_fact(self) -> dict:
        s, chair = self.sitting, self.scenario.chair
        role = self.effective_role(chair) if chair else None
        elected = self.scenario.chair_elected
        detail_nb = detail_en = ""
        if chair and (s.leader in self.at_meeting or s.vice in self.at_meeting):
            detail_nb, detail_en = ", og leder eller nestleder var til stede", \
                ", and the leader or vice was present"
        elif chair and not elected:
            detail_nb, detail_en = ", og ble ikke valgt som særskilt møteleder", \
                ", and was not elected as special chair"
        elif chair:
            detail_nb, detail_en = ", og er ikke stemmeberettiget medlem", \
                ", and is not a voting member"
        return {
            "t": "meeting", "id": "m0", **self.common,
            "chair_given": chair is not None, "chair_name": s.name(chair),
            "chair_is_leader": chair is not None and chair == s.leader,
            "chair_is_vice": chair is not None and chair == s.vice,
            "leader_present": s.leader in self.at_meeting,
            "vice_present": s.vice in self.at_meeting,
            "leader_name": s.name(s.leader), "vice_name": s.name(s.vice),
            "chair_elected": elected,
            "chair_is_voting_member": bool(role and role.can_vote) or self._lawful_deputy(chair),
            "chair_layer": "statute-mandatory",
            "chair_detail_nb": detail_nb, "chair_detail_en": detail_en,
            **self._rotation_fields(),
            **self._convening(),
        }

    def _convening(self) -> dict:
        """Who convened, and the prerequisites (rule convened-without-authority).

        An organ with a `convening` provision (Follomøtet: vedtekter 2012 pkt. 4.1.4) may be
        convened only by the leader it names, on its prerequisites; any other organ under
        kommuneloven § 11-2 andre ledd: its leader (b) or at least 1/3 of its members demanding
        (c); a decision of the organ itself (a) is not recorded in scenarios. Without
        `convening.by` (or without a known leader) the convening is unknown: no finding.
        """
        conv, s, organ = self.scenario.convening, self.sitting, self.sitting.organ
        provision = organ.convening
        leader, leader_of = s.leader, organ
        if provision is not None and provision.leader_of and provision.leader_of != organ.id:
            leader_of = self.doc.organ(provision.leader_of)
            leader = resolve(self.doc, leader_of.id, s.on).leader
        demand = len({r.seat_key for p in set(conv.demanded_by) if (r := s.role(p))
                      and r.can_vote and r.kind == "member"})
        statute = self.statute["meeting-held"]
        fraction = statute.parameters["demand_fraction"]
        needed = required_count(fraction, s.member_count())
        by_demand = provision is None and demand >= needed > 0
        needs = {p.kind: p for p in provision.prerequisites} if provision else {}
        innst, agenda = needs.get("innstilling"), needs.get("agenda-approved")
        given = conv.innstilling
        return {
            "convening_known": conv.by is not None and leader is not None,
            "convened_by_entitled": conv.by == leader or by_demand,
            "convener_name": s.name(conv.by) if conv.by else "",
            "convener_entitled_nb": f"{leader_of.name}s leder ({s.name(leader)})",
            "convener_entitled_en": f"the leader of {leader_of.name} ({s.name(leader)})",
            "convening_demand_nb": "" if provision else
            f", eller minst {fraction} av medlemmene ({needed} av {s.member_count()}) som krever det; {demand} krevde det",
            "convening_demand_en": "" if provision else
            f", or at least {fraction} of the members ({needed} of {s.member_count()}) demanding it; {demand} did",
            "convening_citation": provision.citation if provision else statute.citation,
            "convening_layer": "bylaws" if provision else statute.layer,
            "convening_needs_innstilling": innst is not None,
            "convening_has_innstilling": innst is None or (given is not None and given.organ == innst.organ),
            "convening_innstilling_organ_name": self._organ_name(innst.organ) if innst else "",
            "convening_innstilling_detail_nb": "ingen innstilling er registrert" if given is None else
            f"innstillingen kom fra {self._organ_name(given.organ)}",
            "convening_innstilling_detail_en": "none is recorded" if given is None else
            f"the innstilling came from {self._organ_name(given.organ)}",
            "convening_innstilling_citation": innst.citation if innst else "",
            "convening_needs_agenda": agenda is not None,
            "convening_agenda_approved": agenda is None or conv.agenda_approved_by == agenda.organ,
            "convening_agenda_organ_name": self._organ_name(agenda.organ) if agenda else "",
            "convening_agenda_detail_nb": "ingen godkjenning er registrert" if conv.agenda_approved_by is None
            else f"den ble godkjent av {self._organ_name(conv.agenda_approved_by)}",
            "convening_agenda_detail_en": "no approval is recorded" if conv.agenda_approved_by is None
            else f"it was approved by {self._organ_name(conv.agenda_approved_by)}",
            "convening_agenda_citation": agenda.citation if agenda else "",
        }

    def _rotation_fields(self) -> dict:
        """rotation-mismatch (vedtekter 2012 pkt. 4.1.3): the leadership the scenario states
        (keys `leader`, `vice`), against the rotation's for the date (engine/rotation.py)."""
        s, sc = self.sitting, self.scenario
        known = s.leader_participant is not None
        term = s.term if known else None
        short = {p.id: p.short for p in s.doc.participants}

        def matches(stated: str | None, person: str | None, participant: str | None) -> bool:
            if stated is None or not known:
                return True
            if person is not None:
                return stated == person
            return any(h.person == stated and h.participant == participant for h in s.holdings)

        return {
            "rotation_known": known,
            "leader_stated": sc.leader is not None, "vice_stated": sc.vice is not None,
            "leader_stated_ok": matches(sc.leader, s.leader, s.leader_participant),
            "vice_stated_ok": matches(sc.vice, s.vice, s.vice_participant),
            "stated_leader_name": s.name(sc.leader) if sc.leader else "",
            "stated_vice_name": s.name(sc.vice) if sc.vice else "",
            "rotation_leader_of": short.get(s.leader_participant or "", ""),
            "rotation_vice_of": short.get(s.vice_participant or "", ""),
            "rotation_term": f"{term.start} – {term.end}" if term else "",
        }

    def _lawful_deputy(self, person: str | None) -> bool:
        claim = self.claims.get(person) if person else None
        return bool(claim and claim.lawful)

    # -- votes and proposals (stage 1) -----------------------------------------------------
    def vote_facts(self, case: Case, kind: CaseKind) -> list[dict]:
        lines = case.votes.lines() if case.votes else []
        per_person = Counter(p for p, _ in lines)
        values = {p: {v for q, v in lines if q == p} for p in per_person}
        seen: Counter = Counter()
        seat_claims = self._seat_claims(case, {p for p, _ in lines})
        facts = []
        for i, (person, value) in enumerate(sorted(lines)):
            seen[person] += 1
            facts.append(self._vote_fact(case, kind, i, person, value, seen[person],
                                         per_person[person], values[person], seat_claims))
        return facts

    def _seat_claims(self, case: Case, voters: set[str]) -> Counter:
        """How many distinct lawful deputies voted for each principal's seat."""
        return Counter(c.principal for p in voters
                       if (c := self.claims.get(p)) is not None and c.lawful and c.principal)

    def _vote_fact(self, case, kind, i, person, value, nth, count, values, seat_claims) -> dict:
        claim = self.claims.get(person)
        duplicate, dup_nb, dup_en = self._duplicate(nth, count, values, claim, seat_claims)
        principal_present = bool(claim and claim.principal and self._present_for(claim.principal, case)
                                 and claim.principal not in case.inhabil)
        return {
            "t": "vote", "id": f"v{case.id}:{i}", "case": case.id,
            "value": value, "value_nb": _VALUE_NB[value], "value_en": _VALUE_EN[value],
            "principal_present": principal_present,
            "inhabil": person in case.inhabil,
            "present": self._present_for(person, case),
            "blank_allowed": kind.election or kind.appointment,
            "kind_label": kind.label,
            "duplicate": duplicate, "duplicate_nb": dup_nb, "duplicate_en": dup_en,
            **self._voter(person),
        }

    def _voter(self, person: str) -> dict:
        """The fields of a vote that depend only on who cast it (the same in every case)."""
        cached = self._voters.get(person)
        if cached is not None:
            return cached
        role = self.effective_role(person)
        claim = self.claims.get(person)
        deputy_ok = bool(claim and claim.lawful)
        rights_role = role if role else (claim.role if claim else None)
        fields = {
            "person": person, "voter_name": self.sitting.name(person),
            "voter_known": self.known(person),
            "voter_role": "deputy" if claim else (role.kind if role else "unknown"),
            "voter_label": rights_role.label if rights_role else "-",
            "can_vote": bool(role and role.can_vote and self._delegate_of(person) is None) or deputy_ok,
            "rights_nb": _rights_text(role, _RIGHTS_NB), "rights_en": _rights_text(role, _RIGHTS_EN),
            "rights_citation": (role.citation if role else self.sitting.organ.citation),
            "stands_in": claim is not None, "deputy_lawful": deputy_ok,
            "vote_unit_citation": self._vote_unit_citation(rights_role),
            "seat": self._seat_of(person, role, claim),
            **self._deputy_fields(claim), **self.common,
        }
        self._voters[person] = fields
        return fields

    @staticmethod
    def _duplicate(nth, count, values, claim, seat_claims) -> tuple[str, str, str]:
        if count > 1 and len(values) > 1:
            return ("conflicting", f"har stemt {count} ganger med ulikt innhold i samme sak",
                    f"voted {count} times with different votes in the same case")
        if nth > 1:
            return ("repeated", f"stemmen er ført {count} ganger i samme sak; bare én telles",
                    f"the vote is recorded {count} times in the same case; only one counts")
        if claim and claim.lawful and seat_claims[claim.principal] > 1:
            return ("seat", "flere varamedlemmer stemte for samme sete",
                    "more than one deputy voted for the same seat")
        return ("none", "", "")

    def _vote_unit_citation(self, role: Role | None) -> str:
        return role.citation if role else "kommuneloven § 11-9 første ledd"

    def _seat_of(self, person: str, role: Role | None, claim) -> str:
        if claim and claim.lawful and claim.role:
            return claim.role.seat_key
        return role.seat_key if role else f"?{person}"

    def _present_for(self, person: str, case: Case) -> bool:
        a = self.present.get(person)
        return a is not None and case.id in a.cases

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
                "by_label": role.label if role else ("vara" if claim else "uten rolle"),
                "can_propose": "propose" in rights,
                "rights_citation": role.citation if role else self.sitting.organ.citation,
                **self.common,
            })
        return facts

    # -- the case (stage 2) ----------------------------------------------------------------
    def case_fact(self, case: Case, kind: CaseKind, counted: list[dict]) -> dict:
        members = self.sitting.member_count()
        quorum = self.statute["quorum"]
        bylaws_q = self.sitting.organ.quorum
        tally = Counter(v["value"] for v in counted)
        seats_voting = {v["seat"] for v in counted if (v["value"] != "blank" or kind.election
                        or kind.appointment) and v["voter_role"] != "observer"}  # quorum: members
        present_members = self._present_members(case)
        chair_vote = next((v["value"] for v in counted if v["person"] == self.scenario.chair), "none")
        fact = {
            "t": "case", "id": f"c{case.id}", "case": case.id, "kind": case.kind,
            "kind_label": kind.label, "voted": kind.voted and bool(counted),
            "election": kind.election,
            "members": members,
            "present_and_voting": len(seats_voting),
            "required": required_count(quorum.parameters["fraction"], members),
            "quorum_citation": quorum.citation,
            "quorum_layer": quorum.layer,
            "votes_for": tally["for"], "votes_against": tally["against"], "votes_blank": tally["blank"],
            "tie": kind.voted and tally["for"] == tally["against"] and tally["for"] > 0
                   and not self._qualified_majority(case),
            "chair_vote": chair_vote if chair_vote != "blank" else "none",
            "chair_vote_nb": _VALUE_NB.get(chair_vote, ""), "chair_vote_en": _VALUE_EN.get(chair_vote, ""),
            **self._bylaws_quorum(bylaws_q, members, case, seats_voting, present_members),
            **self._agenda(case, present_members),
            **self._competence(case, kind),
            **self.common,
        }
        cast = tally["for"] + tally["against"]
        fact["votes_cast"] = cast
        fact["qualified_reached"] = bool(fact["qualified"] and cast > 0 and Fraction(tally["for"], cast)
                                         >= Fraction(fact["qualified_fraction"]))
        fact["simple_majority"] = tally["for"] > tally["against"]
        return fact

    def _present_members(self, case: Case) -> set[str]:
        """Voting seats present for the case (members, or their lawful deputies), not inhabil."""
        seats = set()
        for person in self.member_like:
            if not self._present_for(person, case) or person in case.inhabil:
                continue
            role, claim = self.sitting.role(person), self.claims.get(person)
            if claim and claim.lawful and claim.role and not (
                    claim.principal and self._present_for(claim.principal, case)):
                seats.add(claim.role.seat_key)
            elif role and role.can_vote and role.kind == "member":
                seats.add(role.seat_key)
        return seats

    def _bylaws_quorum(self, q, members, case, seats_voting, present_members) -> dict:
        if q is None:
            return {"bylaws_quorum_count": 0, "bylaws_quorum_required": 0,
                    "bylaws_quorum_citation": "", "bylaws_quorum_basis_nb": "",
                    "bylaws_quorum_basis_en": ""}
        count = len(present_members) if q.basis == "present" else len(seats_voting)
        return {
            "bylaws_quorum_count": count, "bylaws_quorum_required": q.required(members),
            "bylaws_quorum_citation": q.citation,
            "bylaws_quorum_basis_nb": "var til stede" if q.basis == "present" else "var til stede og stemte",
            "bylaws_quorum_basis_en": "were present" if q.basis == "present" else "were present and voted",
        }

    def _agenda(self, case: Case, present_members: set[str]) -> dict:
        voting_present = {p for p in self.member_like if self._present_for(p, case)}
        objectors = [p for p in case.objections if p in voting_present]
        fraction = self.statute["not-on-agenda"].parameters["fraction"]
        chair_objected = self.scenario.chair is not None and self.scenario.chair in case.objections
        return {
            "on_agenda": case.on_agenda,
            "chair_objected": chair_objected,
            "objectors": len(objectors),
            "objectors_needed": required_count(fraction, len(present_members)),
            "objection_nb": "møteleder" if chair_objected else f"{len(objectors)} av {len(present_members)} møtende medlemmer",
            "objection_en": "the chair" if chair_objected else f"{len(objectors)} of {len(present_members)} members present",
        }

    def _counts_as_member(self, person: str) -> bool:
        role, claim = self.sitting.role(person), self.claims.get(person)
        return bool((role and role.can_vote and role.kind == "member") or (claim and claim.lawful))

    def _competence(self, case: Case, kind: CaseKind) -> dict:
        organ = self.sitting.organ
        here = [c for c in self.doc.competences if c.case_kind == case.kind and c.organ == organ.id
                and c.in_force(self.scenario.date)]
        elsewhere = sorted({self._organ_name(c.organ) for c in self.doc.competences
                            if c.case_kind == case.kind and c.organ != organ.id})
        comp: Competence | None = here[0] if here else None
        needed = comp.needs_innstilling_from if comp else None
        given = case.innstilling
        has = needed is None or (given is not None and given.organ == needed)
        detail_nb = detail_en = ""
        if needed and given is None:
            detail_nb, detail_en = "ingen innstilling er registrert", "none is recorded"
        elif needed and not has:
            detail_nb = f"innstillingen kom fra {self._organ_name(given.organ)}"
            detail_en = f"the innstilling came from {self._organ_name(given.organ)}"
        elsewhere_comp = next((c for c in self.doc.competences
                               if c.case_kind == case.kind and c.organ != organ.id), None)
        return {
            "competent": comp is not None and organ.decides,
            "competence_citation": comp.citation if comp else (
                elsewhere_comp.citation if elsewhere_comp else organ.citation),
            "competent_organs_nb": f"; det er lagt til {', '.join(elsewhere)}" if elsewhere else "",
            "competent_organs_en": f"; it belongs to {', '.join(elsewhere)}" if elsewhere else "",
            "needs_innstilling": needed is not None,
            "has_innstilling": has,
            "innstilling_organ_name": self._organ_name(needed) if needed else "",
            "innstilling_detail_nb": detail_nb, "innstilling_detail_en": detail_en,
            **self._qualified_fields(comp),
        }

    def _qualified_majority(self, case: Case) -> str | None:
        """The qualified majority (fraction of votes cast) the organ's competence requires, if any."""
        comp = next((c for c in self.doc.competences if c.case_kind == case.kind
                     and c.organ == self.sitting.organ.id and c.in_force(self.scenario.date)), None)
        return comp.majority if comp else None

    @staticmethod
    def _qualified_fields(comp: Competence | None) -> dict:
        """Filled in by case_fact once the tally is known (§ 18-4 tredje ledd: 2/3 of votes cast)."""
        return {"qualified": bool(comp and comp.majority), "qualified_fraction": (comp.majority if comp else "") or "",
                "qualified_citation": comp.citation if comp and comp.majority else ""}

    def _organ_name(self, organ_id: str) -> str:
        return next((o.name for o in self.doc.organs if o.id == organ_id), organ_id)

