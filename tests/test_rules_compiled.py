"""The reference path's compiled rules (engine.core.rules.python_rules) fire exactly what each
rule's own predicate says, although consecutive rules with the same first comparisons test them
once: checked on random facts over every field and constant the rule book uses."""
import random

from engine.core.rules import RuleBook, python_predicate, python_rules, rulebook


def _comparisons(cond):
    """Every (field, constant or None for another field) a condition compares."""
    if "all" in cond or "any" in cond:
        (parts,) = cond.values()
        return [c for p in parts for c in _comparisons(p)]
    (value,) = [v for k, v in cond.items() if k != "field"]
    if isinstance(value, dict):
        return [(cond["field"], None), (value["field"], None)]
    return [(cond["field"], value)]


def _one_by_one(rules, facts) -> set[tuple[str, str]]:
    predicates = [(r, python_predicate(r.when)) for r in rules]
    return {(r.key, f["id"]) for f in facts for r, holds in predicates if r.fact == f["t"] and holds(f)}


def _random_facts(rules, n: int, seed: int) -> list[dict]:
    """Facts of every kind; each field drawn from the constants the book compares it with, plus
    numbers around them (a field compared with another field or a number takes numbers only)."""
    rng = random.Random(seed)
    pools: dict[str, list] = {}
    for r in rules:
        for field, value in _comparisons(r.when):
            pools.setdefault(field, []).append(value)
    for field, seen in pools.items():
        numeric = any(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in seen)
        pools[field] = ([-1, 0, 1, 2, 3, True, False] if numeric
                        else [v for v in dict.fromkeys(seen)] + ["x", None])
    kinds = sorted({r.fact for r in rules})
    return [{"t": rng.choice(kinds), "id": f"f{i}", **{k: rng.choice(p) for k, p in pools.items()}}
            for i in range(n)]


def test_the_compiled_book_fires_what_each_rule_says_alone():
    rules = rulebook().evaluated()
    facts = _random_facts(rules, 20_000, seed=11)
    fired = python_rules(rules)(facts)
    assert fired == _one_by_one(rules, facts)
    assert len({key for key, _ in fired}) > len(rules) // 2  # the random facts reach most rules


def test_a_shared_first_comparison_is_still_each_rules_own():
    """Two rules that share a first comparison and differ after it, beside one that shares
    nothing: each fires on its own facts only."""
    book = RuleBook.model_validate({"rules": [
        {"key": "a", "id": "a", "fact": "vote", "severity": "error", "citation": "x",
         "when": {"all": [{"field": "p", "eq": True}, {"field": "q", "eq": 1}]}},
        {"key": "b", "id": "b", "fact": "vote", "severity": "error", "citation": "x",
         "when": {"all": [{"field": "p", "eq": True}, {"field": "q", "eq": 2}]}},
        {"key": "c", "id": "c", "fact": "vote", "severity": "error", "citation": "x",
         "when": {"field": "p", "eq": 1}},  # 1, not True: a constant of another type
    ]})
    facts = [{"t": "vote", "id": str(i), "p": p, "q": q}
             for i, (p, q) in enumerate([(True, 1), (True, 2), (False, 1), (1, 2), (2, 1)])]
    assert python_rules(book.rules)(facts) == _one_by_one(book.rules, facts) == {
        ("a", "0"), ("c", "0"), ("b", "1"), ("c", "1"), ("b", "3"), ("c", "3")}
