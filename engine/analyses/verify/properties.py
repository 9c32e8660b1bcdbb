"""The properties `vedtekt verify` proves or breaks, built in and declared as data.

Each property is one or a few solver queries over `encode.Vote`. An answer is `holds` (the
query that would break it is unsatisfiable: no attendance and voting pattern does) or `fails`
with the pattern the solver found; the pattern becomes a scenario file (engine/analyses/verify/
meetings.py) that `vedtekt check` judges, and the engine's verdict on it must equal `claim`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from pydantic import Field

from engine.core.base import Frozen
from engine.analyses.verify.encode import Pattern, Vote, solve, z3
from engine.analyses.verify.rules import CouncilRules, KindRule
from engine.analyses.verify import words

Status = Literal["holds", "fails"]


@dataclass
class Answer:
    id: str
    status: Status
    citation: str
    message_id: str  # under `messages.verify` in the catalogues; engine/render/verify.py words it
    args: dict
    kind: KindRule | None = None
    counterexample: Pattern | None = None
    witness: Pattern | None = None  # a pattern that shows a number (fewest to adopt, ...)
    value: dict = field(default_factory=dict)
    assumptions: tuple[str, ...] = ()
    counterexample_file: str | None = None


# -- built-in properties ----------------------------------------------------------------------

def fewest(rules: CouncilRules, kind: KindRule, action: str, others: str,
           seats_below: Fraction | None = None, participants_below: Fraction | None = None):
    """The smallest coalition (participants, then seats held, then its votes) that can `action`
    (adopt or block) a decision of `kind` while the others behave as `others`; with the
    bounds, only coalitions holding less than that share of the seats (participants). Returns
    (participants, seats held, pattern) or None when no coalition can."""
    vote = Vote(rules, kind)
    vote.coalition(others)
    size, held = vote.size, vote.held
    goal = vote.adopted if action == "adopt" else z3.Not(vote.adopted)
    bounds = []
    if seats_below is not None:
        bounds.append(held * seats_below.denominator < seats_below.numerator * rules.members)
    if participants_below is not None:
        bounds.append(size * participants_below.denominator < participants_below.numerator * rules.n)
    model = solve(vote.constraints + bounds, goal, minimize=(size, held))
    if model is None:
        return None
    pattern = vote.pattern(model)
    chosen = list(pattern.coalition)
    return chosen, sum(rules.seats[i] for i in chosen), pattern


def fewest_votes(rules: CouncilRules, kind: KindRule, others: str) -> int | None:
    """The fewest members voting for that carry `kind` (others as `others`)."""
    vote = Vote(rules, kind)
    vote.coalition(others)
    model = solve(vote.constraints, vote.adopted, minimize=(vote.F,))
    return None if model is None else model.eval(vote.F, model_completion=True).as_long()


def adopt_alone(rules: CouncilRules, kind: KindRule, others: str) -> Answer:
    found = fewest(rules, kind, "adopt", others)
    votes = fewest_votes(rules, kind, others)
    cite = citation_of(rules, kind)
    if found is None:
        message = words.nobody_adopts(rules, kind, others)
        return Answer(f"adopt-{others}:{kind.id}", "holds", cite, *message, kind,
                      value={"participants": None, "members": None}, assumptions=assumption_notes(rules, kind))
    chosen, held, pattern = found
    minority = 2 * len(chosen) < rules.n
    message = words.adopt(rules, kind, others, chosen, held, votes, minority)
    return Answer(f"adopt-{others}:{kind.id}", "fails" if minority else "holds", cite, *message, kind,
                  counterexample=pattern if minority else None, witness=pattern,
                  value={"participants": len(chosen), "names": [rules.names[i] for i in chosen],
                         "seats": held, "members": votes},
                  assumptions=assumption_notes(rules, kind))


def block(rules: CouncilRules, kind: KindRule) -> Answer:
    found = fewest(rules, kind, "block", "for")
    cite = citation_of(rules, kind)
    if found is None:
        message = words.nobody_blocks(rules, kind)
        return Answer(f"block:{kind.id}", "holds", cite, *message, kind, value={"participants": None},
                      assumptions=assumption_notes(rules, kind))
    chosen, held, pattern = found
    minority = 2 * len(chosen) < rules.n
    message = words.block(rules, kind, chosen, held, minority)
    return Answer(f"block:{kind.id}", "fails" if minority else "holds", cite, *message, kind,
                  counterexample=pattern if minority else None, witness=pattern,
                  value={"participants": len(chosen), "names": [rules.names[i] for i in chosen],
                         "seats": held}, assumptions=assumption_notes(rules, kind))


def _one_per_class(rules: CouncilRules) -> dict[int, list[int]]:
    """A representative of each class of interchangeable participants -> the class."""
    from engine.analyses.verify.encode import classes
    return {members[0]: list(members) for _, members in classes(rules)}


def _without(rules: CouncilRules, kind: KindRule, i: int, goal, others_vote: bool) -> Pattern | None:
    """A meeting with participant `i` away (made a class of its own) that meets `goal(vote)`;
    with `others_vote`, every other participant's seats present and voting. None: there is none."""
    vote = Vote(rules, kind, alone=i)
    extra = vote.all_vote_except(i) if others_vote else []
    model = solve(vote.constraints + extra + [vote.absent(i)], goal(vote))
    return None if model is None else vote.pattern(model)


def quorate_without(rules: CouncilRules, kind: KindRule) -> Answer:
    """For each participant: can the council still make a valid decision without it? The
    counterexample: everyone but the first one it cannot do without attends and votes."""
    return _quorum_property(rules, kind, "quorate-without-each", "cannot_do_without", words.quorate_without,
                            found_when=lambda i: _without(rules, kind, i, lambda v: v.quorate, False) is None,
                            meeting=lambda i: _without(rules, kind, i, lambda v: v.bool(True), True))


def absence_breaks_quorum(rules: CouncilRules, kind: KindRule) -> Answer:
    """Can one participant make the council inquorate by staying away, all others attending and
    voting? (∃ i, pattern: i absent, everyone else votes, not quorate.)"""
    def breaking(i):
        return _without(rules, kind, i, lambda v: z3.Not(v.quorate), True)
    return _quorum_property(rules, kind, "no-veto-by-absence", "can_break_quorum", words.absence_breaks_quorum,
                            found_when=lambda i: breaking(i) is not None, meeting=breaking)


def _quorum_property(rules, kind, prop_id: str, key: str, wording, found_when, meeting) -> Answer:
    """A property about each participant's absence: fails for the participants `found_when`
    holds for (each class asked once, through its first member), with `meeting` of the first."""
    found = sorted(i for first, group in _one_per_class(rules).items() if found_when(first) for i in group)
    example = meeting(found[0]) if found else None
    return Answer(prop_id, "fails" if found else "holds", _quorum_cite(rules), *wording(rules, found), kind,
                  counterexample=example, value={key: [rules.names[i] for i in found]},
                  assumptions=assumption_notes(rules, None))


def casting_vote_scope(rules: CouncilRules, kind: KindRule) -> Answer:
    """The chair's vote never decides an election or a qualified-majority case."""
    vote = Vote(rules, kind)
    model = solve(vote.constraints, vote.by_casting)
    cite = f"{rules.citations.get('casting-vote', '')}; {kind.citation}".strip("; ")
    message = words.casting(rules, kind, model is None)
    return Answer(f"casting-vote-scope:{kind.id}", "holds" if model is None else "fails", cite, *message,
                  kind, counterexample=None if model is None else vote.pattern(model),
                  assumptions=assumption_notes(rules, kind))


def no_deadlock(rules: CouncilRules, kind: KindRule) -> Answer:
    """Every quorate vote ends adopted or rejected, except where the law sends an election to
    lot or a new ballot."""
    vote = Vote(rules, kind)
    law_exit = z3.Or(z3.And(vote.F == 0, vote.G == 0),  # nobody voted on it: a new vote
                     z3.And(vote.bool(kind.election), vote.F == vote.G))  # § 7-8: lot
    stuck = z3.And(vote.quorate, z3.Not(vote.adopted), z3.Not(vote.rejected), z3.Not(law_exit))
    model = solve(vote.constraints, stuck)
    cite = citation_of(rules, kind)
    message = words.deadlock(rules, kind, model is None)
    return Answer(f"no-deadlock:{kind.id}", "holds" if model is None else "fails", cite, *message, kind,
                  counterexample=None if model is None else vote.pattern(model),
                  assumptions=assumption_notes(rules, kind))


def ordinary_kind(rules: CouncilRules) -> KindRule | None:
    """The kind of an ordinary decision: simple majority, not an election."""
    return next((k for k in rules.kinds if not k.election and k.qualified is None and not k.blank_allowed),
                next((k for k in rules.kinds if not k.election), None))


BUILTIN = ("adopt-absent", "adopt-against", "block", "quorate-without-each", "no-veto-by-absence",
           "casting-vote-scope", "no-deadlock")


def builtin(rules: CouncilRules, wanted: set[str] | None = None) -> list[Answer]:
    def want(name: str) -> bool:
        return wanted is None or any(w == name or w.startswith(name + ":") for w in wanted)
    answers: list[Answer] = []
    for kind in rules.kinds:
        if not kind.election:
            if want("adopt-absent"):
                answers.append(adopt_alone(rules, kind, "absent"))
            if want("adopt-against"):
                answers.append(adopt_alone(rules, kind, "against"))
            if want("block"):
                answers.append(block(rules, kind))
    ordinary = ordinary_kind(rules)
    if ordinary is not None:
        if want("quorate-without-each"):
            answers.append(quorate_without(rules, ordinary))
        if want("no-veto-by-absence"):
            answers.append(absence_breaks_quorum(rules, ordinary))
    for kind in rules.kinds:
        if want("casting-vote-scope") and (kind.election or kind.qualified is not None):
            answers.append(casting_vote_scope(rules, kind))
    for kind in rules.kinds:
        if want("no-deadlock"):
            answers.append(no_deadlock(rules, kind))
    return answers


# -- properties as data ------------------------------------------------------------------------

class Label(Frozen):
    nb: str
    en: str


class DeclaredProperty(Frozen):
    """«No set of participants holding less than half the seats can amend the agreement»:

    id: minority-cannot-amend
    label: {nb: ..., en: ...}
    citation: kommuneloven § 18-4 tredje ledd
    case_kind: avtaleendring
    action: adopt            # adopt | block
    others: any              # absent | against | any (absent or against) | for
    coalition_seats_below: "1/2"
    expect: cannot           # cannot | can
    """

    id: str
    label: Label
    citation: str = Field(min_length=3)
    case_kind: str
    action: Literal["adopt", "block"] = "adopt"
    others: Literal["absent", "against", "any", "for"] = "any"
    coalition_seats_below: str | None = None
    coalition_participants_below: str | None = None
    expect: Literal["cannot", "can"] = "cannot"
    note: str | None = None


class PropertyFile(Frozen):
    properties: tuple[DeclaredProperty, ...]


def declared(rules: CouncilRules, prop: DeclaredProperty) -> Answer:
    kind = rules.kind(prop.case_kind)
    seats = Fraction(prop.coalition_seats_below) if prop.coalition_seats_below else None
    parts = Fraction(prop.coalition_participants_below) if prop.coalition_participants_below else None
    found = fewest(rules, kind, prop.action, prop.others, seats, parts)
    can = found is not None
    holds = can == (prop.expect == "can")
    chosen, held, pattern = found if found else ([], 0, None)
    message = words.declared(rules, prop, kind, chosen, held, holds)
    counter = pattern if (not holds and can) else None
    return Answer(prop.id, "holds" if holds else "fails", prop.citation, *message, kind,
                  counterexample=counter, witness=pattern,
                  value={"participants": len(chosen) if found else None,
                         "names": [rules.names[i] for i in chosen], "seats": held if found else None},
                  assumptions=assumption_notes(rules, kind))


# -- helpers ----------------------------------------------------------------------------------

def _quorum_cite(rules: CouncilRules) -> str:
    return "; ".join(dict.fromkeys(q.citation for q in rules.quorums))


def citation_of(rules: CouncilRules, kind: KindRule) -> str:
    return "; ".join(dict.fromkeys([_quorum_cite(rules), kind.citation]))


def assumption_notes(rules: CouncilRules, kind: KindRule | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(rules.assumptions + (kind.assumptions if kind else ())))
