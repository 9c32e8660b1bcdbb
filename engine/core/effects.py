"""The effect of an error: could the decision have come out otherwise without it?

Under the unwritten rules of invalidity (forvaltningsloven § 41 by analogy) a procedural error
invalidates a decision only if it may have affected its content. Each error finding gets an
`effect`, found by re-counting its case with the fault removed in every lawful way:

- a void vote from a seat that had no other valid vote: the seat voting for, against, or not at
  all (for an inhabil member: the seat's deputy voting, when the seat has deputies, fvl. § 9);
- a member wrongly kept out of an election (§ 11-10 fjerde ledd): that member voting either way;
- an unlawful chair (§ 11-2) or an inhabil one: another chair's casting vote either way or none;
- a habilitet decision taken with a member who should have stood aside (fvl. § 8 andre ledd):
  that decision re-counted without the member's vote; where it could have gone the other way,
  the case re-counted with the questioned member's status reversed (found inhabil: the member
  voting either way or not at all; found habil: the member's vote taken out and the seat's deputy
  voting either way or no one, fvl. § 9). The decision whose content counts is the case's: the
  habilitet ruling is a step towards it;
- a void vote from someone with no seat at all (observer, adviser, outsider, absent) or a
  repeated line of a counted vote: nothing lawful replaces it, so the count stands: no effect.

- too few members present and voting (kommuneloven § 11-9 første ledd): the seats without a
  valid vote present and voting, all for, all against or all blank (every split lies between
  these: more votes on one side only move the count towards that side);
- a case decided although it was not on the agenda and the chair or a third objected (§ 11-3
  femte ledd): the case not decided at this meeting, so the error counts when the votes made a
  decision (adopted or rejected) and not when they left the case undecided anyway.

Where no re-count can remove the fault, DEFAULTS gives the answer with its reason: a decision by
an organ without competence, a decision without the innstilling it needs, a meeting convened by
someone without the power to (the convener sets the agenda, § 11-3 første ledd, so a full and
unanimous meeting does not show the cases would have been the same) or without its
prerequisites (Follomøtet: Follorådet's innstilling and agenda), a proposal by someone without
the right to propose, an inhabil member's proposal or statement. Each changed the basis of the
decision or who made it, not a count, so `may-have-affected`, the cautious reading fvl. § 41
asks for: valid only when there is reason to believe the fault cannot have decided the content.
A stated leadership that contradicts the rotation touches no count: `no-effect`.

- a seat held by someone not eligible for it (the council's eligibility clause), or a participant
  whose members fail the council's composition requirement: the lawful holder (or a member of the
  other gender) would have sat instead, so each of those seats voting for, against or not at all
  in each case; the vote itself is counted (each participant elects its own members, kommuneloven
  § 18-3 første ledd), so only a re-count with the seat voting otherwise can show an effect.
"""
from __future__ import annotations

from typing import NamedTuple

from engine.core.eligibility import members_of
from engine.core.outcome import Count

MAY, NONE = "may-have-affected", "no-effect"
_VOID_WITHOUT_SEAT = {"observer-voted", "no-voting-right", "unknown-attendee", "voter-not-present"}
_NO_COUNT_TOUCHED = {"rotation-mismatch"}
# the errors Recount.effect re-counts (the rest: _VOID_WITHOUT_SEAT, _NO_COUNT_TOUCHED, DEFAULTS)
RECOUNTED = {"quorum", "not-on-agenda", "chair-not-entitled", "excluded-from-election",
             "habilitet-decided-with-member", "inhabil-participated", "deputy-not-fixed",
             "deputy-and-principal", "double-vote", "blank-vote-not-allowed", "seat-eligibility",
             "composition-gender"}

# The errors no re-count can remove: (effect, why), each reason from the clause the rule applies.
DEFAULTS: dict[str, tuple[str, str]] = {
    "wrong-organ": (MAY, "competence (the bylaws' competence clause): the competent organ, with other "
                        "members, might have decided otherwise; a decision by an organ without "
                        "competence is no decision of the competent one"),
    "missing-recommendation": (MAY, "the innstilling prepares the basis of the decision (the bylaws' "
                                    "competence clause); what it would have recommended is unknown"),
    "convened-without-authority": (
        MAY, "kommuneloven § 11-3 første ledd: «Lederen av et folkevalgt organ setter opp saksliste»; "
             "who convenes also sets the agenda and sends the documents, so a lawful summons might "
             "have brought other cases or another basis, even to a full meeting that voted as one; "
             "where the bylaws make an innstilling and an approved agenda a condition of the summons "
             "(a convening clause with prerequisites), the same holds for them"),
    "proposal-without-right": (MAY, "a proposal sets what is put to the vote (the right to propose, "
                                    "§ 11-5 / the bylaws); the votes are not recorded per proposal, so "
                                    "a lawful meeting might have voted on another question"),
    "inhabil-participated/proposal": (MAY, "fvl. § 6 første ledd: an inhabil member may not "
                                           "«tilrettelegge grunnlaget for en avgjørelse»; a proposal "
                                           "shapes the question, which no re-count can undo"),
    "inhabil-participated/statement": (MAY, "fvl. § 6 første ledd: a statement by an inhabil member "
                                            "prepares the basis of the decision and may have moved "
                                            "the others' votes, which no re-count can undo"),
}


class Fault(NamedTuple):
    """What the effect of an error finding depends on: its rule id, case, person, the facts it
    shows and its message arguments (a Finding has the same attributes). The verdict asks before it makes the finding, so
    each finding is made once, with its effect."""

    rule: str
    case: str | None
    person: str | None
    facts: dict
    args: dict


class Recount:
    def __init__(self, ev, cases: dict[str, dict], votes: dict[str, list[dict]],
                 counted: dict[str, list[dict]], rejected: set[str]):
        """`cases`: each case's case fact by case id; `votes`: every vote fact by case id;
        `counted`: the votes no error voided, by case id (the evaluation's own indexes, read only);
        `rejected`: the ids of the votes an error voided."""
        self.ev = ev
        self.cases = cases
        self.votes = votes
        self._counted_in = counted
        self.rejected = rejected
        self._outcomes: dict[tuple, str] = {}
        self._voided: dict[tuple[str, str], dict] | None = None  # _vote_of's index, made when first asked

    # -- per finding -------------------------------------------------------------------------
    def effect(self, f: Fault) -> str:
        if f.rule in _NO_COUNT_TOUCHED:
            return NONE
        if f.rule in DEFAULTS:
            return DEFAULTS[f.rule][0]
        if f.rule == "quorum":
            return self._missing_seats_effect(f.case)
        if f.rule == "not-on-agenda":
            return MAY if self.outcome(f.case) in ("adopted", "rejected") else NONE
        if f.rule == "chair-not-entitled":
            return self._chair_effect(f.case)
        if f.rule == "excluded-from-election":
            return self._seat_effect(f.case, self._member_seat(f), ("for", "against", "blank", None))
        if f.rule == "habilitet-decided-with-member":
            return self._habilitet_effect(f)
        if f.rule in ("seat-eligibility", "composition-gender"):
            return self._composition_effect(f)
        if f.rule == "inhabil-participated" and "act" in f.facts:
            return self._act_effect(f)
        vote = self._vote_of(f)
        if vote is not None:
            return self._void_vote_effect(f, vote)
        return MAY  # a rule this module does not know: the cautious reading

    def _void_vote_effect(self, f: Fault, vote: dict) -> str:
        if f.rule in _VOID_WITHOUT_SEAT or vote["seat"].startswith("?"):
            return NONE
        if f.rule == "inhabil-participated":
            role = self.ev.sitting.role(vote["person"])
            if role is None or role.deputies is None:
                return NONE  # the member could only stand aside; the vote is already not counted
        return self._seat_effect(f.case, vote["seat"], ("for", "against", None))

    def _act_effect(self, f: Fault) -> str:
        act = f.facts.get("act")
        if act == "chair":
            return self._chair_effect(f.case)
        if act == "objection":
            return NONE  # an inhabil member is not among those counted for § 11-3 femte ledd
        return DEFAULTS.get(f"inhabil-participated/{act}", (MAY, ""))[0]

    def _chair_effect(self, case_id: str | None) -> str:
        cases = [case_id] if case_id else [c.id for c in self.ev.scenario.cases
                                           if not c.chair or c.chair == self.ev.scenario.chair]
        for cid in cases:
            base = self.outcome(cid)
            if any(self.outcome(cid, casting=v) != base for v in ("for", "against", "none")):
                return MAY
        return NONE

    def _composition_effect(self, f: Fault) -> str:
        """A seat filled against the council's composition clause: may-have-affected when, in some
        case, one of the seats concerned voting otherwise (for, against, not at all) changes it."""
        if f.rule == "seat-eligibility":
            people = {f.person}
        else:
            people = set(members_of(self.ev.sitting, f.args.get("participant", "")))
        seats = {role.seat_key for p in people if (role := self.ev.sitting.role(p)) is not None}
        for case_id in self.cases:
            present = {v["seat"] for v in self.votes.get(case_id, [])} | self._seats_present(case_id)
            for seat in sorted(seats & present):
                base = self.outcome(case_id)
                if any(self.outcome(case_id, add=(seat, v) if v else None, drop=seat) != base
                       for v in ("for", "against", None)):
                    return MAY
        return NONE

    def _seats_present(self, case_id: str) -> set[str]:
        case = self.ev.scenario_case(case_id)
        return set(self.ev.builder._seat_persons(case))

    def _missing_seats_effect(self, case_id: str) -> str:
        """The seats without a valid vote in the case present and voting all for, all against or
        all blank: may-have-affected when one of these differs from the case's outcome."""
        base = self.outcome(case_id)
        voted = {v["seat"] for v in self.counted(case_id)}
        missing = self.cases[case_id]["members"] - len({s for s in voted if not s.startswith("?")})
        return MAY if missing > 0 and any(
            self.outcome(case_id, extra=[(f"+{i}", value) for i in range(missing)]) != base
            for value in ("for", "against", "blank")) else NONE

    def _seat_effect(self, case_id: str, seat: str | None, values) -> str:
        if seat is None:
            return MAY
        if any(v["seat"] == seat for v in self.counted(case_id)):
            return NONE  # the seat's vote is already counted once: nothing to add
        base = self.outcome(case_id)
        return MAY if any(self.outcome(case_id, add=(seat, v)) != base for v in values if v) else NONE

    def _habilitet_effect(self, f: Fault) -> str:
        case = next(c for c in self.ev.scenario.cases if c.id == f.case)
        for h in case.habilitet:
            if h.person != f.facts.get("concerns") or h.votes is None:
                continue
            lines = [(p, v) for p, v in h.votes.lines() if p != f.person]
            yes = sum(v == "for" for _, v in lines)
            no = sum(v == "against" for _, v in lines)
            if yes != no and (yes > no) == h.inhabil:
                return NONE  # the same ruling without the member's vote
            return self._status_reversed_effect(f.case, h.person, found_inhabil=h.inhabil)
        return MAY

    def _status_reversed_effect(self, case_id: str, person: str, found_inhabil: bool) -> str:
        """The case re-counted as if the habilitet ruling on `person` had gone the other way."""
        role = self.ev.sitting.role(person)
        if role is None or not role.can_vote:
            return NONE  # no vote of his own to give or to take away
        seat = role.seat_key
        if found_inhabil:  # habil instead: the member could have voted either way
            return self._seat_effect(case_id, seat, ("for", "against", None))
        if not any(v["seat"] == seat for v in self.counted(case_id)):
            return NONE  # the seat cast no counted vote: nothing of his in the count to take out
        base = self.outcome(case_id)
        # inhabil instead: the member's vote goes; the seat's deputy may vote in his place
        values = ("for", "against", None) if role.deputies else (None,)
        return MAY if any(self.outcome(case_id, add=(seat, v) if v else None, drop=seat) != base
                          for v in values) else NONE

    # -- lookups -----------------------------------------------------------------------------
    def _vote_of(self, f: Fault) -> dict | None:
        """The person's first voided vote in the case, if any."""
        if not f.case:
            return None
        if self._voided is None:  # indexed once: each finding on a vote asks
            self._voided = {}
            for case_id, votes in self.votes.items():
                for v in votes:
                    if v["id"] in self.rejected:
                        self._voided.setdefault((case_id, v["person"]), v)
        return self._voided.get((f.case, f.person))

    def _member_seat(self, f: Fault) -> str | None:
        return f.facts.get("seat")

    def counted(self, case_id: str) -> list[dict]:
        """The case's votes that no error voided."""
        return self._counted_in.get(case_id, [])

    # -- the re-count ------------------------------------------------------------------------
    def outcome(self, case_id: str, add: tuple[str, str] | None = None, casting: str | None = None,
                extra: list[tuple[str, str]] = (), drop: str | None = None) -> str:
        """The re-counted outcome (see _recount), each variant counted once per scenario: every
        error of a case compares with the same unchanged outcome, and several errors of one seat
        ask for the same variants."""
        key = (case_id, add, casting, tuple(extra), drop)
        found = self._outcomes.get(key)
        if found is None:
            found = self._outcomes[key] = self._recount(case_id, add, casting, extra, drop)
        return found

    def _recount(self, case_id: str, add: tuple[str, str] | None, casting: str | None,
                 extra: list[tuple[str, str]], drop: str | None) -> str:
        """The case's outcome from its valid votes (plus one seat's vote, seats not present
        coming and voting, or another chair's casting vote; `drop`: a seat's votes taken out),
        with the quorum re-counted; errors outside the count are ignored. The outcome law is that
        of rules.yaml, through the same paths as the verdict's."""
        fact = self.cases[case_id]  # read only: a changed chair's vote goes to a copy
        kind = self.ev.kinds[fact["kind"]]
        counted = [(v["seat"], v["value"]) for v in self.counted(case_id) if v["seat"] != drop]
        if add is not None:
            counted.append(add)
        counted += extra
        values = [v for _, v in counted]
        tally = Count(values.count("for"), values.count("against"))
        if casting is not None:
            fact = {**fact, "chair_vote": casting}
        blocked = not self._quorate(fact, kind, counted, came=len(extra))
        (rule,) = self.ev.decide([self.ev.outcome_fact(fact, tally, len(counted), blocked)])
        return rule.outcome

    @staticmethod
    def _quorate(fact: dict, kind, counted, came: int) -> bool:
        """`came`: members not at the meeting who came and voted (present too)."""
        seats = {s for s, v in counted if v != "blank" or kind.election or kind.appointment}
        if len(seats) < fact["required"]:
            return False
        if fact["bylaws_quorum_required"]:
            # basis "present": who was present does not change with a vote
            count = (len(seats) if fact.get("bylaws_quorum_basis") == "voting"
                     else fact["bylaws_quorum_count"] + came)
            return count >= fact["bylaws_quorum_required"]
        return True
