"""The effect of an error: could the decision have come out otherwise without it?

Under the unwritten rules of invalidity (forvaltningsloven § 41 by analogy) a procedural error
invalidates a decision only if it may have affected its content. Each error finding gets an
`effect`, found by re-counting its case with the fault removed in every lawful way:

- a void vote from a seat that had no other valid vote: the seat voting for, against, or not at
  all (for an inhabil member: the seat's deputy voting, when the seat has deputies, fvl. § 9);
- a member wrongly kept out of an election (§ 11-10 fjerde ledd): that member voting either way;
- an unlawful chair (§ 11-2) or an inhabil one: another chair's casting vote either way or none;
- a habilitet decision taken with a member who should have stood aside (fvl. § 8 andre ledd):
  that decision re-counted without the member's vote;
- a void vote from someone with no seat at all (observer, adviser, outsider, absent) or a
  repeated line of a counted vote: nothing lawful replaces it, so the count stands: no effect.

Where the fault is not in the count (a case that could not be decided at all: quorum, agenda,
authority, innstilling; an unlawful convening; a proposal or a statement that shaped the
deliberation) the engine cannot re-run it and says `may-have-affected`, the cautious reading.
A stated leadership that contradicts the rotation touches no count: `no-effect`.
"""
from __future__ import annotations

from fractions import Fraction

from engine.core.outcome import case_outcome
from engine.core.finding import Finding
from engine.core.verdict import Tally

MAY, NONE = "may-have-affected", "no-effect"
_VOID_WITHOUT_SEAT = {"observer-voted", "no-voting-right", "unknown-attendee", "voter-not-present"}
_NOT_IN_THE_COUNT = {"quorum", "not-on-agenda", "wrong-organ", "missing-recommendation",
                     "convened-without-authority", "proposal-without-right"}
_NO_COUNT_TOUCHED = {"rotation-mismatch"}


def with_effects(ev, findings: list[Finding], stage1: list[dict], stage2: list[dict],
                 rejected: set[str]) -> list[Finding]:
    """The findings, each error with its effect (other findings unchanged)."""
    recount = Recount(ev, stage1, stage2, rejected)
    return [f.model_copy(update={"effect": recount.effect(f)}) if f.severity == "error" else f
            for f in findings]


class Recount:
    def __init__(self, ev, stage1, stage2, rejected):
        self.ev = ev
        self.cases = {f["case"]: f for f in stage2 if f["t"] == "case"}
        self.votes: dict[str, list[dict]] = {}
        for f in stage1:
            if f["t"] == "vote":
                self.votes.setdefault(f["case"], []).append(f)
        self.rejected = rejected
        self.acts = [f for f in stage1 if f["t"] == "act"]

    # -- per finding -------------------------------------------------------------------------
    def effect(self, f: Finding) -> str:
        if f.rule in _NO_COUNT_TOUCHED:
            return NONE
        if f.rule in _NOT_IN_THE_COUNT:
            return MAY
        if f.rule == "chair-not-entitled":
            return self._chair_effect(f.case)
        if f.rule == "excluded-from-election":
            return self._seat_effect(f.case, self._member_seat(f), ("for", "against", "blank", None))
        if f.rule == "habilitet-decided-with-member":
            return self._habilitet_effect(f)
        if f.rule == "inhabil-participated" and "act" in f.facts:
            return self._act_effect(f)
        vote = self._vote_of(f)
        if vote is not None:
            return self._void_vote_effect(f, vote)
        return MAY  # a rule this module does not know: the cautious reading

    def _void_vote_effect(self, f: Finding, vote: dict) -> str:
        if f.rule in _VOID_WITHOUT_SEAT or vote["seat"].startswith("?"):
            return NONE
        if f.rule == "inhabil-participated":
            role = self.ev.sitting.role(vote["person"])
            if role is None or role.deputies is None:
                return NONE  # the member could only stand aside; the vote is already not counted
        return self._seat_effect(f.case, vote["seat"], ("for", "against", None))

    def _act_effect(self, f: Finding) -> str:
        act = f.facts.get("act")
        if act == "chair":
            return self._chair_effect(f.case)
        if act == "objection":
            return NONE  # an inhabil member is not among those counted for § 11-3 femte ledd
        return MAY  # a proposal or statement shaped the deliberation: it cannot be re-run

    def _chair_effect(self, case_id: str | None) -> str:
        cases = [case_id] if case_id else [c.id for c in self.ev.scenario.cases
                                           if not c.chair or c.chair == self.ev.scenario.chair]
        for cid in cases:
            base = self.outcome(cid)
            if any(self.outcome(cid, casting=v) != base for v in ("for", "against", "none")):
                return MAY
        return NONE

    def _seat_effect(self, case_id: str, seat: str | None, values) -> str:
        if seat is None:
            return MAY
        counted = [v for v in self.votes.get(case_id, []) if v["id"] not in self.rejected]
        if any(v["seat"] == seat for v in counted):
            return NONE  # the seat's vote is already counted once: nothing to add
        base = self.outcome(case_id)
        return MAY if any(self.outcome(case_id, add=(seat, v)) != base for v in values if v) else NONE

    def _habilitet_effect(self, f: Finding) -> str:
        case = next(c for c in self.ev.scenario.cases if c.id == f.case)
        for h in case.habilitet:
            if h.person != f.facts.get("concerns") or h.votes is None:
                continue
            lines = [(p, v) for p, v in h.votes.lines() if p != f.person]
            yes = sum(v == "for" for _, v in lines)
            no = sum(v == "against" for _, v in lines)
            if yes == no or (yes > no) != h.inhabil:
                return MAY
            return NONE
        return MAY

    # -- lookups -----------------------------------------------------------------------------
    def _vote_of(self, f: Finding) -> dict | None:
        return next((v for v in self.votes.get(f.case, []) if v["person"] == f.person
                     and v["id"] in self.rejected), None) if f.case else None

    def _member_seat(self, f: Finding) -> str | None:
        return f.facts.get("seat")

    # -- the re-count ------------------------------------------------------------------------
    def outcome(self, case_id: str, add: tuple[str, str] | None = None, casting: str | None = None) -> str:
        """The case's outcome from its valid votes (plus one seat's vote, or another chair's
        casting vote), with the quorum re-counted; errors outside the count are ignored."""
        fact = dict(self.cases[case_id])
        kind = self.ev.kinds[self.ev.scenario_case(case_id).kind]
        counted = [(v["seat"], v["value"]) for v in self.votes.get(case_id, []) if v["id"] not in self.rejected]
        if add is not None:
            counted.append(add)
        tally = Tally(**{"for": sum(v == "for" for _, v in counted),
                         "against": sum(v == "against" for _, v in counted),
                         "blank": sum(v == "blank" for _, v in counted)})
        if casting is not None:
            fact["chair_vote"] = casting
        cast = tally.for_ + tally.against
        fact["qualified_reached"] = bool(fact["qualified"] and cast > 0 and Fraction(tally.for_, cast)
                                         >= Fraction(fact["qualified_fraction"]))
        blocked = not self._quorate(fact, kind, counted)
        return case_outcome(kind, tally, counted, blocked, fact)[0]

    @staticmethod
    def _quorate(fact: dict, kind, counted) -> bool:
        seats = {s for s, v in counted if v != "blank" or kind.election or kind.appointment}
        if len(seats) < fact["required"]:
            return False
        if fact["bylaws_quorum_required"]:
            # basis "present": who was present does not change with a vote
            count = len(seats) if fact.get("bylaws_quorum_basis") == "voting" else fact["bylaws_quorum_count"]
            return count >= fact["bylaws_quorum_required"]
        return True
