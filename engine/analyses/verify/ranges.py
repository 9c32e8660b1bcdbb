"""For every size at once: `--participants A..B --seats-per-participant C..D`.

The council is made uniform (every participant with the same number of seats; the leader's and
vice's participants kept apart, since their members chair) and the number of participants n is
a solver unknown in [A, B]: one query per seat count proves a property for every n in the range
(members = n·seats is linear in n). Properties of the form «no meeting does X» are one
unsatisfiable query each. The fewest votes for that carry a decision is given as a formula in
the number of members M: the formula is fitted on a few sizes, its lower bound is proved for the
whole range by one query per seat count, and that it is reached is checked size by size with the
plain evaluation (engine/analyses/verify/outcome.py).
"""
from __future__ import annotations

from engine.analyses.verify import words
from engine.analyses.verify.encode import Vote, z3
from engine.analyses.verify.outcome import Tally, outcome
from engine.analyses.verify.properties import Answer, citation_of, assumption_notes
from engine.analyses.verify.rules import FOR, CouncilRules, KindRule

# ⌊(aX + k)/b⌋, simplest first: ⌊aX/b⌋, ⌈aX/b⌉ and ⌊aX/b⌋ + 1 before other offsets.
FAMILY = sorted(((a, k, b) for b in (1, 2, 3, 4, 6) for a in range(1, b + 1) for k in range(0, b + 1)),
                key=lambda akb: (akb[1] not in (0, akb[2] - 1, akb[2]), akb[2], akb[0], akb[1]))


def over_sizes(rules: CouncilRules, participants: tuple[int, int], seats: tuple[int, int],
               wanted: set[str] | None = None) -> list[Answer]:
    answers = []
    lo, hi = participants
    lo = max(lo, 1, sum(i is not None for i in (rules.leader, rules.vice)))
    span = (lo, hi, seats[0], seats[1])

    def want(name: str) -> bool:
        return wanted is None or any(w == name or w.startswith(name + ":") for w in wanted)

    for kind in rules.kinds:
        if not kind.election and want("range:no-minority-adopts"):
            answers.append(_forall(rules, kind, span, "range:no-minority-adopts", _minority_adopts))
        if not kind.election and want("range:no-minority-blocks"):
            answers.append(_forall(rules, kind, span, "range:no-minority-blocks", _minority_blocks))
        if (kind.election or kind.qualified is not None) and want("range:casting-vote-scope"):
            answers.append(_forall(rules, kind, span, "range:casting-vote-scope", lambda v, n: v.by_casting))
        if want("range:no-deadlock"):
            answers.append(_forall(rules, kind, span, "range:no-deadlock", _stuck))
        if not kind.election and not kind.blank_allowed and want("range:fewest-votes"):
            answers.append(fewest_votes(rules, kind, span))
    return answers


# -- «no meeting of any size does X» ----------------------------------------------------------

def _minority_adopts(vote: Vote, n):
    vote.coalition("absent")
    return z3.And(vote.adopted, 2 * vote.size < n)


def _minority_blocks(vote: Vote, n):
    vote.coalition("for")
    return z3.And(z3.Not(vote.adopted), 2 * vote.size < n)


def _stuck(vote: Vote, n):
    law_exit = z3.Or(z3.And(vote.F == 0, vote.G == 0), z3.And(vote.bool(vote.kind.election), vote.F == vote.G))
    return z3.And(vote.quorate, z3.Not(vote.adopted), z3.Not(vote.rejected), z3.Not(law_exit))


def _forall(rules: CouncilRules, kind: KindRule, span, prop: str, breaks) -> Answer:
    lo, hi, s_lo, s_hi = span
    broken = []
    for seats in range(s_lo, s_hi + 1):
        n = z3.Int("n", z3.Context())  # a context per query: see encode.Vote
        vote = Vote(rules, kind, uniform=(n, seats))
        goal = breaks(vote, n)  # may add the coalition's constraints to the vote
        solver = z3.Solver(ctx=n.ctx)
        solver.add(*vote.constraints, n >= lo, n <= hi, goal)
        if solver.check() == z3.sat:
            model = solver.model()
            broken.append((model.eval(n).as_long(), seats, _describe(vote, model)))
    first = broken[0] if broken else None
    message = words.range_forall(prop, kind, (lo, hi), (s_lo, s_hi), first)
    return Answer(f"{prop}:{kind.id}", "fails" if broken else "holds", citation_of(rules, kind), *message, kind,
                  value={"counterexamples": [{"participants": a, "seats": b} for a, b, _ in broken]},
                  assumptions=assumption_notes(rules, kind))


def _describe(vote: Vote, model) -> tuple[int, int, int]:
    """The breaking meeting's votes: (for, against, blank)."""
    val = lambda x: model.eval(x, model_completion=True).as_long()  # noqa: E731
    return val(vote.F), val(vote.G), val(vote.B)


# -- the fewest votes for, as a formula in the number of members --------------------------------

def _least_for(rules: CouncilRules, kind: KindRule, members: int) -> int | None:
    """The fewest votes for that carry `kind` in a uniform council of `members` seats, by the
    plain evaluation: some split of the rest into against and absent, the chair voting for
    (the leader can be among those for)."""
    sized = rules.with_seats((members,))
    for f in range(1, members + 1):
        for g in range(0, members - f + 1):
            if outcome(sized, kind, Tally(f, g, 0, 0, FOR)) == "adopted":
                return f
    return None


def _reached(rules: CouncilRules, kind: KindRule, members: int, votes: int) -> bool:
    """Whether `votes` for carry `kind` in a uniform council of `members` seats (the plain
    evaluation, some number against, the chair among those for)."""
    sized = rules.with_seats((members,))
    return 0 < votes <= members and any(outcome(sized, kind, Tally(votes, g, 0, 0, FOR)) == "adopted"
                                        for g in range(0, members - votes + 1))


def _formula(a: int, k: int, b: int):
    return lambda m: (a * m + k) // b


def _formula_text(a: int, k: int, b: int) -> str:
    frac = "M" if a == b else (f"M/{b}" if a == 1 else f"{a}M/{b}")
    if b == 1:
        return f"{a}M + {k}" if k else f"{a}M"
    if k == 0:
        return f"⌊{frac}⌋"
    if k == b - 1:
        return f"⌈{frac}⌉"
    if k == b:
        return f"⌊{frac}⌋ + 1"
    return f"⌊({'' if a == 1 else a}M + {k})/{b}⌋"


def fewest_votes(rules: CouncilRules, kind: KindRule, span) -> Answer:
    lo, hi, s_lo, s_hi = span
    sizes = sorted({n * s for n in range(lo, hi + 1) for s in range(s_lo, s_hi + 1)})
    truth = {m: _least_for(rules, kind, m) for m in sizes[:10]}
    statute = [q for q in rules.quorums if q.layer.startswith("statute")]
    bases = [("M", lambda m: m)] + ([("R", statute[0].required)] if len(statute) == 1 and len(rules.quorums) == 1 else [])
    for name, base in bases:
        fits = [(a, k, b) for a, k, b in FAMILY if all(_formula(a, k, b)(base(m)) == v for m, v in truth.items())]
        for a, k, b in fits:
            formula = lambda m, f=_formula(a, k, b): f(base(m))  # noqa: E731
            if _proved_lower_bound(rules, kind, span, a, k, b, name) and all(
                    _reached(rules, kind, m, formula(m)) for m in sizes if m not in truth):
                return _found(rules, kind, span, _formula_text(a, k, b).replace("M", name), name, len(sizes),
                              statute)
    return Answer(f"range:fewest-votes:{kind.id}", "fails", citation_of(rules, kind),
                  *words.range_no_formula(kind, truth), kind,
                  value={"measured": {str(m): v for m, v in truth.items()}}, assumptions=assumption_notes(rules, kind))


def _found(rules, kind, span, text, base, count, statute) -> Answer:
    lo, hi, s_lo, s_hi = span
    message = words.range_formula(kind, (lo, hi), (s_lo, s_hi), text, count, statute[0] if base == "R" else None)
    return Answer(f"range:fewest-votes:{kind.id}", "holds", citation_of(rules, kind), *message, kind,
                  value={"formula": text, "sizes": count}, assumptions=assumption_notes(rules, kind))


def _proved_lower_bound(rules, kind, span, a, k, b, base="M") -> bool:
    """No meeting of any size in the range adopts with fewer votes for than the formula."""
    lo, hi, s_lo, s_hi = span
    for seats in range(s_lo, s_hi + 1):
        n = z3.Int("n", z3.Context())  # a context per query: see encode.Vote
        vote = Vote(rules, kind, uniform=(n, seats))
        x = vote.members if base == "M" else vote.required
        solver = z3.Solver(ctx=n.ctx)
        solver.add(*vote.constraints, n >= lo, n <= hi, vote.adopted,
                   b * vote.F < a * x + k - (b - 1))  # F < ⌊(aX + k)/b⌋
        if solver.check() != z3.unsat:
            return False
    return True
