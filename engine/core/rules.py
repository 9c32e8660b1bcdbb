"""Rules as data: one declarative definition per rule, read from engine/core/rules.yaml.

A rule is a condition over one kind of prepared fact. The same definition is compiled twice:
to a plain-Python predicate (the reference evaluation) and to a durable-rules JSON ruleset
(engine/core/durable_engine.py). Nobody writes a rule twice.

Condition language (YAML):
  {field: F, eq|ne|lt|le|gt|ge: V}   V is a constant or {field: G} (another field of the fact)
  {all: [cond, ...]}                  every condition holds
  {any: [cond, ...]}                  at least one holds
"""
from __future__ import annotations

from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Annotated, Any, Callable, Literal

from pydantic import BeforeValidator, model_validator

from engine.core.base import Frozen, FrozenDict
from engine.core.load import load_model

FactKind = Literal["attendee", "vote", "proposal", "case", "meeting", "act", "member", "participant"]
Outcome = Literal["adopted", "rejected", "not_decided", "no_vote"]
Severity = Literal["error", "warning", "info"]

_PY_OPS = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
_OPS = set(_PY_OPS)
_DURABLE_OPS = {"ne": "$neq", "lt": "$lt", "le": "$lte", "gt": "$gt", "ge": "$gte"}


def _deep_frozen(value: Any) -> Any:
    """A condition as read from YAML, with every mapping a FrozenDict and every list a tuple, so
    that a rule (and the whole book) is hashable and can key a functools cache."""
    if isinstance(value, dict):
        return FrozenDict({k: _deep_frozen(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(_deep_frozen(v) for v in value)
    return value


# a rule's condition (the language in the module docstring), immutable all the way down
Condition = Annotated[FrozenDict[str, Any], BeforeValidator(_deep_frozen)]


class Rule(Frozen):
    key: str  # unique; several keys may share one contract `id`
    id: str
    fact: FactKind
    severity: Severity
    when: Condition
    citation: str | None = None
    citation_field: str | None = None
    # the fact field holding the clause's words, where the clause comes from the council's data
    quote_field: str | None = None
    layer: Literal["statute-mandatory", "statute-default", "bylaws"] | None = None
    layer_field: str | None = None
    rejects_vote: bool = False
    decides_case: bool = False  # an error of this rule leaves the case without a valid decision
    # the fact fields the finding carries for its message (engine/messages: check.<key>)
    args: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _cited(self):
        if not (self.citation or self.citation_field):
            raise ValueError(f"rule {self.key} has no citation")
        _check_condition(self.when, self.key)
        return self

    @property
    def message_id(self) -> str:
        return f"check.{self.key}"

    def cite(self, fact: dict) -> str:
        return fact.get(self.citation_field) or self.citation if self.citation_field else self.citation

    def layer_of(self, fact: dict) -> str | None:
        return fact.get(self.layer_field) if self.layer_field else self.layer

    def quote_of(self, fact: dict) -> str | None:
        return (fact.get(self.quote_field) or None) if self.quote_field else None


class OutcomeRule(Frozen):
    """One step of the outcome law (rules.yaml, `outcome:`): when its condition holds over a
    case's outcome fact, the case has `outcome`, reached as `decided_by` says. The conditions
    are exclusive: exactly one holds for every outcome fact (engine.core.outcome checks it)."""

    key: str
    fact: Literal["outcome"] = "outcome"
    when: Condition
    outcome: Outcome
    decided_by: str | None
    citation: str | None = None
    citation_field: str | None = None
    layer: Literal["statute-mandatory", "statute-default", "bylaws"] | None = None

    @model_validator(mode="after")
    def _cited(self):
        if not (self.citation or self.citation_field):
            raise ValueError(f"outcome rule {self.key} has no citation")
        _check_condition(self.when, self.key)
        return self

    def cite(self, fact: dict) -> str:
        return fact.get(self.citation_field) or self.citation if self.citation_field else self.citation


class RuleBook(Frozen):
    rules: tuple[Rule, ...]
    outcome: tuple[OutcomeRule, ...] = ()  # the outcome law: majority, casting vote, qualified, § 7-8

    @model_validator(mode="after")
    def _unique(self):
        keys = [r.key for r in self.rules + self.outcome]
        dupes = {k for k in keys if keys.count(k) > 1}
        if dupes:
            raise ValueError(f"duplicate rule keys: {sorted(dupes)}")
        return self

    def evaluated(self) -> tuple[Rule | OutcomeRule, ...]:
        """Every rule either path evaluates: the meeting rules and the outcome law."""
        return self.rules + self.outcome

    def by_id(self, rule_id: str) -> list[Rule]:
        return [r for r in self.rules if r.id == rule_id]

    # indexes read for every scenario (a scan of the book each time is quadratic); a finding's
    # shape per rule is engine.core.evaluate's _finding_shapes
    @cached_property
    def outcome_by_key(self) -> dict[str, OutcomeRule]:
        """The outcome law's rules by key (read for every case and every re-count)."""
        return {r.key: r for r in self.outcome}

    @cached_property
    def rule_ids(self) -> tuple[str, ...]:
        """The public rule ids, sorted (every verdict lists the rules it checked)."""
        return tuple(sorted({r.id for r in self.rules}))

    @cached_property
    def rejecting_keys(self) -> frozenset[str]:
        """Rule keys a firing of which voids the vote it fired on (read for every stage-1 batch)."""
        return frozenset(r.key for r in self.rules if r.rejects_vote)

    @cached_property
    def deciding_ids(self) -> frozenset[str]:
        """Rule ids an error of which leaves the case without a valid decision."""
        return frozenset(r.id for r in self.rules if r.decides_case)

    @cached_property
    def reference(self) -> Callable[[list[dict]], set[tuple[str, str]]]:
        """The reference evaluation of this book (compiled_book): looked up on the book itself for
        each batch (several per scenario), not by hashing the book each time."""
        return compiled_book(self)


RULES_FILE = Path(__file__).with_name("rules.yaml")


@lru_cache(maxsize=8)
def compiled_book(book: RuleBook) -> Callable[[list[dict]], set[tuple[str, str]]]:
    """The book's rules (the meeting rules and the outcome law) as one compiled function (once
    per book value: a rule book is frozen and hashable, so equal books share one compilation)."""
    return python_rules(book.evaluated())


@cache
def rulebook() -> RuleBook:
    return load_model(RULES_FILE, RuleBook)


def _check_condition(cond: dict, key: str) -> None:
    if not isinstance(cond, dict) or len(cond) not in (1, 2):
        raise ValueError(f"rule {key}: bad condition {cond!r}")
    if "all" in cond or "any" in cond:
        (parts,) = cond.values()
        if not isinstance(parts, (list, tuple)) or not parts:
            raise ValueError(f"rule {key}: all/any needs a non-empty list")
        for part in parts:
            _check_condition(part, key)
        return
    ops = [k for k in cond if k in _OPS]
    if "field" not in cond or len(ops) != 1:
        raise ValueError(f"rule {key}: a comparison needs 'field' and one of {sorted(_OPS)}")


def python_predicate(cond: dict) -> Callable[[dict], bool]:
    """Compile a condition to a predicate over a fact dict (the reference path): one Python
    expression with the comparisons in the condition's order and short-circuiting, without a
    call per comparison. Constants are passed by reference, never pasted into the source."""
    consts = _Constants()
    source = f"lambda f: bool({_expression(cond, consts)})"
    return eval(compile(source, "<rule>", "eval"), consts.namespace())


def python_rules(rules) -> Callable[[list[dict]], set[tuple[str, str]]]:
    """Compile every rule to ONE function over a batch of facts that returns (rule key, fact id)
    for each rule a fact fires (the reference path): per fact, a branch on its kind, then the rules
    of that kind in the book's order; no call per fact or per rule. Keys and constants are passed
    by reference, never pasted into the source.

    Consecutive rules that begin with the same comparisons (the outcome law's rules all start
    «votes counted, not blocked, qualified or not») test them once, in one `if` around the rest:
    the comparisons have no side effects, so every rule fires exactly as when tested alone, and
    each comparison still runs in the order the rules give (tests/test_rules_compiled.py)."""
    consts = _Constants()
    by_kind: dict[str, list] = {}
    for rule in rules:
        by_kind.setdefault(rule.fact, []).append(rule)
    lines = ["def fired(facts):", "    out = set()", "    add = out.add", "    for f in facts:",
             "        t = f['t']"]
    for n, (kind, of_kind) in enumerate(sorted(by_kind.items(), key=_most_numerous_first)):
        lines.append(f"        {'if' if n == 0 else 'elif'} t == {consts.ref(kind)}:")
        tests = [(consts.ref(rule.key), _conjuncts(rule.when, consts)) for rule in of_kind]
        lines += _branches(tests, depth=3)
    lines.append("    return out")
    namespace = consts.namespace()
    exec(compile("\n".join(lines), "<rules>", "exec"), namespace)
    return namespace["fired"]


# The order a fact's kind is tested in: the most numerous kinds first (a meeting has a vote and a
# member fact per seat and case, an attendee fact per person, an outcome fact per case and re-count,
# one meeting fact). Only the speed depends on it: a fact has one kind.
_KIND_ORDER = ("vote", "member", "attendee", "outcome", "case", "act", "meeting", "participant", "proposal")


def _most_numerous_first(kind_rules: tuple[str, list]) -> int:
    kind = kind_rules[0]
    return _KIND_ORDER.index(kind) if kind in _KIND_ORDER else len(_KIND_ORDER)


def _branches(tests: list[tuple[str, list[str]]], depth: int) -> list[str]:
    """The source that adds (key, fact id) for every (key, conjuncts) whose conjuncts all hold;
    a run of consecutive tests with the same first conjunct tests it once."""
    pad, lines, i = "    " * depth, [], 0
    while i < len(tests):
        key, conjuncts = tests[i]
        j = i + 1
        while conjuncts and j < len(tests) and tests[j][1][:1] == conjuncts[:1]:
            j += 1
        if not conjuncts:
            lines.append(f"{pad}add(({key}, f['id']))")
        elif j - i == 1:
            lines += [f"{pad}if {' and '.join(conjuncts)}:", f"{pad}    add(({key}, f['id']))"]
        else:
            lines.append(f"{pad}if {conjuncts[0]}:")
            lines += _branches([(k, c[1:]) for k, c in tests[i:j]], depth + 1)
        i = j
    return lines


def _conjuncts(cond: dict, consts: _Constants) -> list[str]:
    """A condition as the Python expressions that must all hold (an `all`'s parts, in order)."""
    parts = cond["all"] if "all" in cond else (cond,)
    return [_expression(part, consts) for part in parts]


class _Constants:
    """The constants of compiled conditions, each given to the code as a global name `k<i>`
    (passed by reference, never pasted into the source). Equal constants of the same type share
    one name, so that equal comparisons read the same and a shared first test is seen as one."""

    def __init__(self):
        self.values: list = []
        self._names: dict = {}

    def ref(self, value) -> str:
        try:
            key = (type(value), value)
            found = self._names.get(key)
        except TypeError:  # unhashable: a name of its own
            key = found = None
        if found is None:
            found = f"k{len(self.values)}"
            self.values.append(value)
            if key is not None:
                self._names[key] = found
        return found

    def namespace(self) -> dict:
        return {f"k{i}": value for i, value in enumerate(self.values)}


def _expression(cond: dict, consts: _Constants) -> str:
    """A condition as a Python expression over the fact `f`, its constants named by `consts`."""

    def expr(c: dict) -> str:
        if "all" in c or "any" in c:
            joiner = " and " if "all" in c else " or "
            parts = c["all"] if "all" in c else c["any"]
            return "(" + joiner.join(expr(p) for p in parts) + ")"
        (op,) = [k for k in c if k in _PY_OPS]
        value = c[op]
        right = f"f[{value['field']!r}]" if isinstance(value, dict) else consts.ref(value)
        return f"(f[{c['field']!r}] {_PY_OPS[op]} {right})"

    return expr(cond)


def durable_condition(cond: dict) -> dict:
    """Compile a condition to durable-rules' JSON condition syntax."""
    if "all" in cond:
        return {"$and": [durable_condition(c) for c in cond["all"]]}
    if "any" in cond:
        return {"$or": [durable_condition(c) for c in cond["any"]]}
    field = cond["field"]
    (op_name,) = [k for k in cond if k in _OPS]
    value = cond[op_name]
    if isinstance(value, dict):
        value = {"$m": value["field"]}
    if op_name == "eq":
        return {field: value}
    return {_DURABLE_OPS[op_name]: {field: value}}


def fields_used(cond: dict) -> set[str]:
    if "all" in cond or "any" in cond:
        (parts,) = cond.values()
        return set().union(*(fields_used(c) for c in parts))
    used = {cond["field"]}
    for key, value in cond.items():
        if key in _OPS and isinstance(value, dict):
            used.add(value["field"])
    return used
