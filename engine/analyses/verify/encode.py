"""The SMT encoding of one vote of one case kind: every attendance and voting pattern at once.

Each class of participants gets integer unknowns for how many of its seats vote for, against
and blank (only where blank votes are allowed); the rest are absent. Nobody sits present
without voting: members present must vote (§ 8-1 andre ledd), and the properties are about
lawful meetings. The leader's and the vice leader's own seats get a state
each, since the chair's vote can settle a tie: the leader chairs when present, else the vice,
else a member the meeting elects (kommuneloven § 11-2 tredje ledd). The case-deciding rules of
engine/core/rules.yaml are compiled to solver terms over the same case-fact fields the engine fills,
so the quorum the solver reasons about is the rule the engine evaluates.
"""
from __future__ import annotations

from dataclasses import dataclass

from engine.core.errors import InternalError
from engine.analyses.verify.totals import classes as group_classes
from engine.core.rules import rulebook
from engine.analyses.verify.outcome import Tally, deciding_rules, outcome_case
from engine.analyses.verify.rules import ABSENT, AGAINST, BLANK, FOR, PRESENT, STATES, CouncilRules, KindRule

try:  # the solver is an optional extra; engine.cli.verify names the pip command
    import z3
except ImportError:  # pragma: no cover - exercised through the CLI message
    z3 = None

CODE = {s: i for i, s in enumerate(STATES)}  # absent 0, present 1, for 2, against 3, blank 4


@dataclass(frozen=True)
class Pattern:
    """A concrete meeting from a solver model: per participant (for, against, blank, present)
    and the states of the leader's and vice's seats and of an elected chair."""

    counts: tuple[tuple[int, int, int, int], ...]
    leader: str = ABSENT
    vice: str = ABSENT
    elected: str | None = None
    coalition: tuple[int, ...] = ()

    def tally(self) -> Tally:
        f = sum(c[0] for c in self.counts)
        g = sum(c[1] for c in self.counts)
        b = sum(c[2] for c in self.counts)
        p = sum(c[3] for c in self.counts)
        chair = next((s for s in (self.leader, self.vice, self.elected) if s not in (ABSENT, None)), None)
        return Tally(f, g, b, p, chair)


def classes(rules: CouncilRules, alone: int | None = None) -> list[tuple[int, tuple[int, ...]]]:
    """Participants the rules cannot tell apart, grouped (engine.analyses.verify.totals.classes): same
    number of seats, and neither the leader's nor the vice's participant (whose members may
    chair) nor `alone`. The solver reasons about how many of a class do what, not who: 50
    participants with 1–3 seats are 3–5 classes."""
    return group_classes(rules.seats, {rules.leader, rules.vice, alone} - {None})


class Vote:
    """The unknowns and derived terms of one vote of `kind` under `rules`.

    Per class of interchangeable participants: totals of seats voting for, against, blank and
    present without voting; with a coalition (`coalition()`), how many of the class are in it
    and what their seats do, the others' seats following the stated behaviour.
    """

    def __init__(self, rules: CouncilRules, kind: KindRule, alone: int | None = None, uniform=None):
        """`uniform=(n, seats)`: a council of n participants (a solver term: every size at
        once) with `seats` seats each, the leader's and vice's participants first."""
        self.rules, self.kind = rules, kind
        # A context of its own: the solver's choice among equally good models depends on every
        # term the context has seen, so a shared context would make an answer's example meeting
        # (and the participants it names) depend on which properties were asked before it.
        self.ctx = uniform[0].ctx if uniform is not None else z3.Context()
        self.constraints: list = []
        if uniform is None:
            self.classes = classes(rules, alone)
            self.count = [len(members) for _, members in self.classes]
            self.members = rules.members
            self.leader_at, self.vice_at = rules.leader, rules.vice
        else:
            n, seats = uniform
            offices = [i for i in (rules.leader, rules.vice) if i is not None]
            self.classes = [(seats, (i,)) for i in range(len(offices))] + [(seats, (len(offices),))]
            self.count = [1] * len(offices) + [n - len(offices)]
            self.members = n * seats
            self.constraints.append(n >= len(offices))
            self.leader_at = 0 if rules.leader is not None else None
            self.vice_at = len(offices) - 1 if rules.vice is not None else None
        self.f, self.g, self.b, self.p = [], [], [], []
        for c, (seats, members) in enumerate(self.classes):
            f, g, b, p = (self.int(f"{x}_{c}") for x in "fgbp")
            self.f.append(f), self.g.append(g), self.b.append(b), self.p.append(p)
            self.constraints += [f >= 0, g >= 0, b >= 0, p >= 0, f + g + b + p <= seats * self.count[c]]
            if not kind.blank_allowed:
                self.constraints.append(b == 0)  # lawful patterns only (§ 8-1 andre ledd)
            # Members present must vote (§ 8-1 andre ledd): lawful meetings have nobody present
            # without voting; the column stays so a quorum of those present reads its count.
            self.constraints.append(p == 0)
        self.F, self.G, self.B, self.P = (z3.Sum(xs) for xs in (self.f, self.g, self.b, self.p))
        self.leader_state = self._office_state("leader", self.leader_at)
        self.vice_state = self._office_state("vice", self.vice_at)
        self.elected_state = self.int("elected_chair")
        self._seat_supply()
        self.chair = z3.If(self.leader_state != 0, self.leader_state,
                           z3.If(self.vice_state != 0, self.vice_state, self.elected_state))
        self.voting = self.F + self.G + self.B  # B is 0 unless blank votes count
        self.blocked = self._blocked()
        self.outcome_terms()
        self.in_coalition = None

    def int(self, name: str):
        """An integer unknown of this vote's context."""
        return z3.Int(name, self.ctx)

    def bool(self, value: bool):
        """A constant truth value of this vote's context."""
        return z3.BoolVal(value, self.ctx)

    @property
    def false(self):
        return self.bool(False)

    def class_of(self, participant: int) -> int:
        return next(c for c, (_, members) in enumerate(self.classes) if participant in members)

    def _office_state(self, name: str, index: int | None):
        state = self.int(f"{name}_state")
        self.constraints += [state >= 0, state <= 4]
        if index is None:
            self.constraints.append(state == 0)
        return state

    def _seat_supply(self) -> None:
        """The leader's and vice's seats are seats of their participant: as many of its seats in
        each state (absent included) as the offices in that state, at least; the elected
        chair's state is one some present member is in."""
        per = {}
        for index, state in ((self.leader_at, self.leader_state), (self.vice_at, self.vice_state)):
            if index is not None:
                per.setdefault(self.class_of(index), []).append(state)
        away = [seats * self.count[c] - (self.f[c] + self.g[c] + self.b[c] + self.p[c])
                for c, (seats, _) in enumerate(self.classes)]
        columns = {CODE[FOR]: self.f, CODE[AGAINST]: self.g, CODE[BLANK]: self.b, CODE[PRESENT]: self.p,
                   CODE[ABSENT]: away}
        for c, states in per.items():
            for code, column in columns.items():
                used = z3.Sum([z3.If(s == code, 1, 0) for s in states])
                self.constraints.append(used <= column[c])
        totals = {CODE[FOR]: self.F, CODE[AGAINST]: self.G, CODE[BLANK]: self.B, CODE[PRESENT]: self.P}
        e = self.elected_state
        anyone = self.F + self.G + self.B + self.P > 0
        self.constraints += [e >= 0, e <= 4, (e == 0) == z3.Not(anyone)]
        self.constraints += [z3.Implies(e == code, total >= 1) for code, total in totals.items()]

    def absent(self, participant: int):
        """`participant` (made a class of its own with `alone=`) is away."""
        c = self.class_of(participant)
        return self.f[c] + self.g[c] + self.b[c] + self.p[c] == 0

    def all_vote_except(self, participant: int):
        """Every seat of every other participant is present and votes."""
        return [self.f[c] + self.g[c] + self.b[c] == seats * self.count[c]
                for c, (seats, members) in enumerate(self.classes) if participant not in members]

    def _blocked(self):
        fact = self._fact()
        terms = []
        for rule in deciding_rules():
            try:
                terms.append(z3_condition(rule.when, fact, ctx=self.ctx))
            except KeyError as exc:
                raise InternalError("errors.internal/verify-unknown-field", {"rule": rule.key, "field": str(exc)}) from None
        return z3.Or(terms) if terms else self.false

    def _fact(self) -> dict:
        r, k = self.rules, self.kind
        fact = {"voted": self.voting > 0, "present_and_voting": self.voting, "members": self.members,
                "on_agenda": True, "chair_objected": False, "objectors": 0, "objectors_needed": 0,
                "competent": True, "needs_innstilling": k.innstilling_from is not None,
                "has_innstilling": True, "required": 0, "bylaws_quorum_count": 0,
                "bylaws_quorum_required": 0}
        for q in r.quorums:
            count = self.voting if q.basis == "present_and_voting" else self.F + self.G + self.B + self.P
            if q.layer.startswith("statute"):
                fact["required"] = self._required(q)
            else:
                fact["bylaws_quorum_count"] = count
                fact["bylaws_quorum_required"] = self._required(q)
        self.required = fact["required"]  # the statute's quorum number (a term for every size)
        return fact

    def _required(self, q):
        """The quorum's number: engine.core.model.required_count (the least whole number of members
        at least the fraction of them), as a solver term when the size is one."""
        if isinstance(self.members, int) or q.minimum is not None:
            return q.required(self.members) if isinstance(self.members, int) else q.minimum
        need = self.int(f"required_{len(self.constraints)}")
        p, d = q.fraction.numerator, q.fraction.denominator
        self.constraints += [d * need >= p * self.members, d * need < p * self.members + d]
        return need

    def outcome_terms(self) -> None:
        """adopted / rejected / not_decided / no_vote as engine/core/evaluate.py decides them: the
        outcome rules of engine/core/rules.yaml (`outcome:`) compiled to solver terms over the
        outcome fact's fields (engine.core.outcome.outcome_fact), each a term here."""
        held: dict[str, list] = {}
        by_casting = []
        fact, memo = self._outcome_fact(), {}
        for rule in rulebook().outcome:
            term = z3_condition(rule.when, fact, memo, self.ctx)
            held.setdefault(rule.outcome, []).append(term)
            if rule.decided_by == "casting-vote":
                by_casting.append(term)
        self.adopted, self.rejected, self.not_decided, self.no_vote = (
            z3.Or(held.get(o, [self.false])) for o in ("adopted", "rejected", "not_decided", "no_vote"))
        self.by_casting = z3.Or(by_casting) if by_casting else self.false
        self.quorate = z3.And(self.voting > 0, z3.Not(self.blocked))

    def _outcome_fact(self) -> dict:
        """The outcome fact as solver terms: a first ballot; the chair's valid vote, where the
        kind has a casting vote (verify.outcome.outcome_case for concrete totals)."""
        k, F, G = self.kind, self.F, self.G
        case = outcome_case(k, None)
        if k.casting_vote:
            case["chair_vote"] = z3.If(self.chair == CODE[FOR], z3.StringVal(FOR, self.ctx),
                                       z3.If(self.chair == CODE[AGAINST], z3.StringVal(AGAINST, self.ctx),
                                             z3.StringVal("none", self.ctx)))
        q = k.qualified
        cast = F + G
        reached = z3.And(cast > 0, F * q.denominator >= q.numerator * cast) if q is not None else False
        return {**case, "votes_counted": self.voting, "blocked": self.blocked, "votes_for": F,
                "votes_against": G, "votes_cast": cast, "qualified_reached": reached}

    # -- coalitions ------------------------------------------------------------------------------
    def coalition(self, others: str):
        """How many participants of each class are in the coalition (`size`, `held` seats); each
        participant outside it behaves as `others` says: absent, against (all its seats present
        voting against), for, or any mix of absent and against (`any`)."""
        self.others = others
        self.in_coalition, self.coalition_part = [], []
        for c, (seats, members) in enumerate(self.classes):
            m = self.int(f"m_{c}")
            cf, cg, cb, cp = (self.int(f"c{x}_{c}") for x in "fgbp")
            outside = (self.count[c] - m) * seats
            self.in_coalition.append(m)
            self.coalition_part.append((cf, cg, cb, cp))
            self.constraints += [m >= 0, m <= self.count[c], cf >= 0, cg >= 0, cb >= 0, cp >= 0,
                                 cf + cg + cb + cp <= m * seats]
            extra = {"absent": (0, 0, 0, 0), "against": (0, outside, 0, 0), "for": (outside, 0, 0, 0)}
            if others == "any":
                og = self.int(f"og_{c}")
                self.constraints += [og >= 0, og <= outside]
                extra["any"] = (0, og, 0, 0)
            ef, eg, eb, ep = extra[others]
            self.constraints += [self.f[c] == cf + ef, self.g[c] == cg + eg,
                                 self.b[c] == cb + eb, self.p[c] == cp + ep]
        self.size = z3.Sum(self.in_coalition)
        self.held = z3.Sum([m * seats for m, (seats, _) in zip(self.in_coalition, self.classes)])
        return self.in_coalition

    def pattern(self, model) -> Pattern:
        """A concrete meeting: the class totals dealt out to the class's participants (the
        coalition's first), each seat in one state."""
        def val(x) -> int:
            return model.eval(x, model_completion=True).as_long()
        counts: dict[int, tuple[int, int, int, int]] = {}
        chosen: list[int] = []
        for c, (seats, members) in enumerate(self.classes):
            totals = [val(x) for x in (self.f[c], self.g[c], self.b[c], self.p[c])]
            if self.in_coalition is None:
                _deal(list(members), seats, totals, counts)
                continue
            m = val(self.in_coalition[c])
            part = [val(x) for x in self.coalition_part[c]]
            chosen += list(members[:m])
            _deal(list(members[:m]), seats, part, counts)
            _deal(list(members[m:]), seats, [t - p for t, p in zip(totals, part)], counts)
        return Pattern(tuple(counts[i] for i in range(self.rules.n)), STATES[val(self.leader_state)],
                       STATES[val(self.vice_state)], STATES[val(self.elected_state)],
                       tuple(sorted(chosen)))


def _deal(members: list[int], seats: int, totals: list[int], out: dict) -> None:
    pool = list(totals)
    for i in members:
        row, room = [0, 0, 0, 0], seats
        for s in range(4):
            take = min(room, pool[s])
            row[s], pool[s], room = take, pool[s] - take, room - take
        out[i] = tuple(row)
    if any(pool):
        raise InternalError("errors.internal/verify-totals")


def z3_condition(cond: dict, fact: dict, memo: dict | None = None, ctx=None):
    """A rules.yaml condition as a solver term over a fact whose fields are terms or constants
    (the same language engine.core.rules.python_predicate compiles for the reference path).
    Comparisons of constants are folded first (most outcome rules are false for a given kind),
    and `memo` keeps comparisons already built over the same fact: building solver terms is slow."""
    term = _folded(cond, fact, {} if memo is None else memo)
    return z3.BoolVal(term, ctx) if isinstance(term, bool) else term


def _folded(cond: dict, fact: dict, memo: dict):
    """The condition as a Python bool where its constants decide it, else as a solver term."""
    if "all" in cond or "any" in cond:
        every = "all" in cond
        parts = []
        for c in cond["all" if every else "any"]:
            part = _folded(c, fact, memo)
            if isinstance(part, bool):
                if part != every:  # a false part of all, a true part of any: decided
                    return part
                continue
            parts.append(part)
        if not parts:
            return every
        return parts[0] if len(parts) == 1 else (z3.And(parts) if every else z3.Or(parts))
    key = repr(sorted(cond.items()))
    if key not in memo:
        memo[key] = _comparison(cond, fact)
    return memo[key]


def _comparison(cond: dict, fact: dict):
    (op,) = [k for k in cond if k in ("eq", "ne", "lt", "le", "gt", "ge")]
    left, value = fact[cond["field"]], cond[op]
    right = fact[value["field"]] if isinstance(value, dict) else value
    return {"eq": lambda a, b: a == b, "ne": lambda a, b: a != b, "lt": lambda a, b: a < b,
            "le": lambda a, b: a <= b, "gt": lambda a, b: a > b, "ge": lambda a, b: a >= b}[op](left, right)


def solve(constraints, goal, minimize=()):
    """A model of constraints ∧ goal, or None when unsatisfiable. With `minimize`, each term in
    turn is brought to its least value by binary search on one incremental solver (each bound
    below the answer is a proof of unsatisfiability; faster and steadier here than z3.Optimize)."""
    solver = z3.Solver(ctx=goal.ctx)
    solver.add(*constraints, goal)
    if solver.check() != z3.sat:
        return None
    model = solver.model()
    for term in minimize:
        best, low = model.eval(term, model_completion=True).as_long(), 0
        while low < best:
            middle = (low + best) // 2
            solver.push()
            solver.add(term <= middle)
            if solver.check() == z3.sat:
                model = solver.model()
                best = model.eval(term, model_completion=True).as_long()
            else:
                low = middle + 1
            solver.pop()
        solver.add(term == best)
    return model


__all__ = ["Vote", "Pattern", "z3_condition", "solve", "z3", "CODE"]
