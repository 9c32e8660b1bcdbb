r"""A static check that a regular expression cannot backtrack catastrophically.

Python's `re` backtracks. A pattern is at risk when two unbounded quantifiers can compete for the
same characters: nested (`(?:\s+\w+)*`) or adjacent with only optional items between them
(`[^.]+?\s*$`, `\s*[.:]?\s+`). On a long run of those characters such a pattern takes
polynomial or exponential time (a heading '# a' + 2,000 spaces + 'b' used to take 20 s).

A third risk is search-level: `search` tries every start position, so a pattern whose match can
begin with an unbounded repeat (`\d+%`) rescans a long run from each position; an anchor (^,
\b) in front keeps it linear.

`risks(pattern)` parses the pattern with the standard library's own parser and reports every
such pair. The character sets are compared over a probe alphabet of the characters agreement
texts are made of (letters, digits, blanks, punctuation), which is enough to see an overlap.
Bounded repeats ({0,90}) are not unbounded: they cost at most a constant factor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

try:  # Python 3.11+
    from re import _constants as C, _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

PROBE = (" \t\n\u00a0abcxyzABCXYZæøåÆØÅéü0159_.,:;!?-–§|*#«»()[]/%'\"•+&=<>@")

_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT} | ({C.POSSESSIVE_REPEAT} if hasattr(C, "POSSESSIVE_REPEAT") else set())


@dataclass
class _Shape:
    heads: list[frozenset] = field(default_factory=list)  # alphabets of unbounded repeats at the start
    tails: list[frozenset] = field(default_factory=list)  # … at the end
    nullable: bool = True
    unbounded_inside: bool = False
    alphabet: frozenset = frozenset()


def risks(pattern: str | re.Pattern, flags: int = 0) -> list[str]:
    """Why the pattern may backtrack badly (empty when it is linear in the sense above)."""
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, pattern.flags
    if isinstance(pattern, bytes):
        pattern = pattern.decode("latin-1")
    found: list[str] = []
    items = list(P.parse(pattern, flags))
    shape = _sequence(items, bool(flags & re.IGNORECASE), bool(flags & re.DOTALL), found)
    # `search` tries every start: a match that can begin with an unbounded repeat rescans the
    # rest of a long run from each position (quadratic), unless an anchor or \b comes first
    if _leading(items, False, bool(flags & re.IGNORECASE), bool(flags & re.DOTALL)):
        found.append("leading unbounded repeat without an anchor")
    return found


def _leading(items, more_after: bool, icase: bool, dotall: bool) -> bool:
    """Whether a match can begin with an unbounded repeat that something after it can make fail
    (a bare `\\s+` cannot fail, so it is linear); an anchor or lookaround in front is safe."""
    for index, (op, av) in enumerate(items):
        rest = more_after or index < len(items) - 1
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            return False
        if op in _REPEATS:
            low, high, body = av
            if high == C.MAXREPEAT:
                return rest
            if _leading(list(body), True, icase, dotall):
                return True
            if low == 0:
                continue  # it may be absent: what follows may lead
            return False
        if op == C.SUBPATTERN:
            inner = list(av[-1])
            if _leading(inner, rest, icase, dotall):
                return True
            if _sequence(inner, icase, dotall, []).nullable:
                continue
            return False
        if op == C.BRANCH:
            return any(_leading(list(alt), rest, icase, dotall) for alt in av[1])
        return False
    return False


def _sequence(items, icase, dotall, found) -> _Shape:
    shape = _Shape(nullable=True)
    open_tails: list[frozenset] = []
    for op, av in items:
        item = _item(op, av, icase, dotall, found)
        for head in item.heads:
            if any(head & tail for tail in open_tails):
                found.append(f"adjacent unbounded repeats over {''.join(sorted(head & _union(open_tails)))!r}")
        if shape.nullable:
            shape.heads += item.heads
        open_tails = (open_tails + item.tails) if item.nullable else list(item.tails)
        shape.nullable = shape.nullable and item.nullable
        shape.unbounded_inside |= item.unbounded_inside
        shape.alphabet |= item.alphabet
    shape.tails = open_tails
    return shape


def _union(sets) -> frozenset:
    out: frozenset = frozenset()
    for s in sets:
        out |= s
    return out


def _item(op, av, icase, dotall, found) -> _Shape:
    if op in _REPEATS:
        low, high, body = av
        inner = _sequence(list(body), icase, dotall, found)
        unbounded = high == C.MAXREPEAT
        if inner.unbounded_inside and (unbounded or high > 1):
            found.append("nested unbounded repeat")
        if unbounded:
            mark = [inner.alphabet]
            return _Shape(mark, mark, low == 0 or inner.nullable, True, inner.alphabet)
        return _Shape(inner.heads, inner.tails, low == 0 or inner.nullable, inner.unbounded_inside,
                      inner.alphabet)
    if op == C.SUBPATTERN:
        add = av[1] if len(av) > 1 else 0
        return _sequence(list(av[-1]), icase or bool(add & re.IGNORECASE), dotall, found)
    if op == C.BRANCH:
        shapes = [_sequence(list(alt), icase, dotall, found) for alt in av[1]]
        return _Shape([h for s in shapes for h in s.heads], [t for s in shapes for t in s.tails],
                      any(s.nullable for s in shapes), any(s.unbounded_inside for s in shapes),
                      _union(s.alphabet for s in shapes))
    if op in (C.ASSERT, C.ASSERT_NOT):
        _sequence(list(av[1]), icase, dotall, found)
        return _Shape()
    if op in (C.AT, C.GROUPREF) or op == getattr(C, "GROUPREF_EXISTS", None):
        return _Shape()
    chars = _chars(op, av, icase, dotall)
    return _Shape([], [], False, False, chars)


def _chars(op, av, icase, dotall) -> frozenset:
    if op == C.LITERAL:
        return _fold({chr(av)}, icase)
    if op == C.NOT_LITERAL:
        return frozenset(c for c in PROBE if c not in _fold({chr(av)}, icase))
    if op == C.ANY:
        return frozenset(c for c in PROBE if dotall or c != "\n")
    if op == C.IN:
        return _in(av, icase)
    if op == C.CATEGORY:
        return _category(av)
    return frozenset(PROBE)  # unknown: assume the worst


def _fold(chars: set[str], icase: bool) -> frozenset:
    if not icase:
        return frozenset(chars)
    return frozenset(c for c in PROBE if c.lower() in {x.lower() for x in chars})


def _in(items, icase) -> frozenset:
    negate = any(op == C.NEGATE for op, _ in items)
    hit: set[str] = set()
    for op, av in items:
        if op == C.LITERAL:
            hit |= _fold({chr(av)}, icase)
        elif op == C.RANGE:
            low, high = av
            hit |= {c for c in PROBE if low <= ord(c) <= high or (icase and (
                low <= ord(c.lower()) <= high or low <= ord(c.upper()) <= high))}
        elif op == C.CATEGORY:
            hit |= _category(av)
    return frozenset(c for c in PROBE if (c in hit) != negate)


def _category(name) -> frozenset:
    tests = {
        C.CATEGORY_SPACE: str.isspace, C.CATEGORY_DIGIT: str.isdecimal,
        C.CATEGORY_WORD: lambda c: c.isalnum() or c == "_",
    }
    negated = {C.CATEGORY_NOT_SPACE: C.CATEGORY_SPACE, C.CATEGORY_NOT_DIGIT: C.CATEGORY_DIGIT,
               C.CATEGORY_NOT_WORD: C.CATEGORY_WORD}
    if name in tests:
        return frozenset(c for c in PROBE if tests[name](c))
    if name in negated:
        return frozenset(c for c in PROBE if not tests[negated[name]](c))
    return frozenset(PROBE)
