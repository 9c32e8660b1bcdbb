"""The only module that imports durable-rules (see ../shared/design/durable-rules.md).

The rule book is compiled once per process into one ruleset. Every fact kind has a catch-all
rule so that no fact raises MessageNotHandledException. The host runs no background threads
(see QuietHost): every call into the C core comes from this module, under one lock. Sessions are small (at most
MAX_FACTS facts, split otherwise: all rules are single-fact conditions, so splitting cannot
change a result; for the same reason facts alike in every field the rules read are judged once,
see _sort_out), each gets a fresh id and is deleted after use. An exception captured in the
session state is raised as an InternalError, never swallowed.

Answers the reference path agreed with are remembered for the process (see Learning): a fact
alike in every field the rules read to one durable-rules has already judged, and the reference
agreed on, gets that verified answer instead of a new session.
"""
from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Callable

from engine.core.errors import InternalError
from engine.core.rules import RuleBook, durable_condition, fields_used

MAX_FACTS = 400  # far below the ~700 where 2.0.28 was seen to fail (durable-rules.md)
RULESET = "vedtekt"
FACT_KINDS = ("attendee", "vote", "proposal", "case", "meeting", "act", "member", "outcome", "participant")

_lock = threading.Lock()
_sessions = itertools.count()
_fired: list[tuple[str, str]] = []
_host = None
_fields: set[str] = {"t", "id"}
_rule_names: list[tuple[str, str | None]] = []
_fields_by_kind: dict[str, tuple[str, ...]] = {}
_pick_by_kind: dict[str, itemgetter] = {}  # the values of those fields, in one C call
# a fact's kind and the values of the fields the rules on its kind read (no id), in one C call:
# facts with the same are alike to every rule (_sort_out, Learning)
_read_by_kind: dict[str, Callable[[dict], object]] = {}


def _recorder(key: str):
    def action(c):
        _fired.append((key, c.m.id))
    return action


def _catch_all(c):
    return None


def _ensure_host(book: RuleBook):
    global _host
    if _host is not None:
        return _host
    from durable.engine import Host

    class QuietHost(Host):
        """durable's Host without its two background timer threads. They call into the C core
        every 0.2 s (ruleset.dispatch, dispatch_timers) while assert_facts runs in our thread:
        the fuzz campaign (tools/fuzz.py) saw error 307 and segmentation faults from that race.
        Every call here is synchronous, so nothing needs the dispatcher."""

        def _run(self):
            self._d_timer = self._t_timer = None

    ruleset = {}
    for i, rule in enumerate(book.evaluated()):  # the meeting rules and the outcome law
        cond = {"$and": [{"t": rule.fact}, durable_condition(rule.when)]}
        ruleset[f"r{i}"] = {"all": [{"m": cond}], "run": _recorder(rule.key)}
        _rule_names.append((f"r{i}", rule.key))
    for kind in FACT_KINDS:
        ruleset[f"seen_{kind}"] = {"all": [{"m": {"t": kind}}], "run": _catch_all}
        _rule_names.append((f"seen_{kind}", None))
    _fields.update(*(fields_used(rule.when) for rule in book.evaluated()))
    for kind in FACT_KINDS:
        used = set().union(*(fields_used(r.when) for r in book.evaluated() if r.fact == kind))
        if "id" in used:  # facts alike but for their id share one answer (_sort_out, Learning)
            raise InternalError("errors.internal/durable-failed", {"problem": f"a rule on {kind} reads its id"})
        _fields_by_kind[kind] = ("t", "id", *sorted(used - {"t", "id"}))
        _pick_by_kind[kind] = itemgetter(*_fields_by_kind[kind])
        _read_by_kind[kind] = itemgetter("t", *sorted(used - {"t", "id"}))
    host = QuietHost()
    host.set_rulesets({RULESET: ruleset})
    _host = host
    return host


MAX_VERIFIED = 8192  # remembered answers (one per distinct rule-visible fact; a Follorådet batch has a few hundred)


@dataclass
class Learning:
    """The answers one evaluation got from durable-rules, kept aside until the caller has compared
    them with the reference: only then (confirm) are they remembered for later facts alike."""

    pending: dict[object, frozenset[str]] = field(default_factory=dict)
    recalled: int = 0  # facts answered from what was remembered (no session)

    def confirm(self) -> None:
        with _lock:
            if len(_verified) + len(self.pending) > MAX_VERIFIED:
                _verified.clear()  # bounded: a batch of unusual facts starts the memory afresh
            if len(self.pending) <= MAX_VERIFIED:  # a batch larger than the memory is not kept
                _verified.update(self.pending)
        self.pending = {}


_verified: dict[object, frozenset[str]] = {}  # rule-visible key (_read_by_kind) -> rule keys that fired (verified)


def forget_verified() -> None:
    """Forget every remembered answer (the benchmark measures a batch from an empty memory)."""
    with _lock:
        _verified.clear()


def evaluate(book: RuleBook, facts: list[dict], driver: str = "lean",
             learning: Learning | None = None) -> set[tuple[str, str]]:
    """(rule key, fact id) for every rule that fired on the facts. `driver` "host" goes through
    durable's Python host layer instead of driving the C core directly (see _fire_lean). With a
    `learning`, a fact alike to one already judged and verified is answered from that judgement,
    and the new answers wait in `learning` for the caller's confirm()."""
    return evaluate_groups(book, [facts], driver, learning)[0]


def evaluate_groups(book: RuleBook, groups: list[list[dict]], driver: str = "lean",
                    learning: Learning | None = None) -> list[set[tuple[str, str]]]:
    """evaluate() for several groups of facts at once (each group's ids unique within it, as one
    scenario's are), answered group by group: the facts of every group share the sessions, so a
    folder of meetings costs a few sessions, not one per meeting, and facts alike in different
    groups are asked once."""
    if not any(groups):
        return [set() for _ in groups]
    fire = _fire_host if driver == "host" else _fire_lean
    with _lock:
        host = _ensure_host(book)
        for facts in groups:
            _ensure_unique_ids(facts)
        recall = learning is not None and _is_verified_book(book)
        answers, distinct, stands_for, keys = _sort_out(groups, learning if recall else None)
        fired: set[tuple[str, int]] = set()  # (rule key, place in distinct)
        for start in range(0, len(distinct), MAX_FACTS):
            fired |= {(key, start + at) for key, at in
                      _session(host, distinct[start:start + MAX_FACTS], fire)}
        if recall:
            _learn(keys, fired, learning)
        for key, place in fired:
            for group, fid in stands_for[place]:
                answers[group].add((key, fid))
        return answers


_book_of_verified: list[RuleBook] = []


def _is_verified_book(book: RuleBook) -> bool:
    """The remembered answers are those of the first rule book a learning evaluation used: the
    answers of another book are neither recalled nor remembered."""
    if not _book_of_verified:
        _book_of_verified.append(book)
    first = _book_of_verified[0]
    return first is book or first == book


def _learn(keys: list[object | None], fired: set[tuple[str, int]], learning: Learning) -> None:
    """Each distinct fact's answer (`keys`: its rule-visible values, by place; None: not
    comparable, not remembered), pending the caller's confirm()."""
    by_place: dict[int, set[str]] = {}
    for rule, place in fired:
        by_place.setdefault(place, set()).add(rule)
    for place, key in enumerate(keys):
        if key is not None:
            learning.pending[key] = frozenset(by_place.get(place, ()))


def _sort_out(groups: list[list[dict]], learning: Learning | None) -> tuple[
        list[set[tuple[str, str]]], list[dict], list[list[tuple[int, str]]], list[object | None]]:
    """Each group's facts sorted out by the values of the fields the rules read (one key per
    fact): with a `learning`, a fact alike to one judged and verified before gets that answer
    (in answers, by group); of the rest, one fact for each distinct key goes to durable-rules
    (distinct), standing for the (group, fact id) of every fact alike (stands_for), with its key
    (keys; None: not comparable, asked on its own and not remembered). Every rule is a
    condition on one fact's fields (see the module docstring), so facts that agree on those
    fields fire the same rules: a Follorådet scenario's ~31 facts are ~13 distinct. The
    reference path still judges every fact on its own, so the cross-check compares both
    answers for every fact."""
    answers: list[set[tuple[str, str]]] = [set() for _ in groups]
    distinct: list[dict] = []
    stands_for: list[list[tuple[int, str]]] = []
    keys: list[object | None] = []
    place_of: dict[object, int] = {}
    recalled_before, read = _verified.get if learning is not None else {}.get, _read_by_kind
    recalled = 0
    for group, facts in enumerate(groups):
        answer = answers[group]
        for fact in facts:
            try:
                key = read[fact["t"]](fact)
                known = recalled_before(key)  # hashes the key: an unhashable value raises here
            except (KeyError, TypeError):  # a kind without rules, a missing field, an unhashable value
                key = known = None
            if known is not None:
                recalled += 1
                for rule in known:  # most facts fire no rule
                    answer.add((rule, fact["id"]))
                continue
            place = place_of.get(key) if key is not None else None
            if place is not None:
                stands_for[place].append((group, fact["id"]))
                continue
            if key is not None:
                place_of[key] = len(distinct)
            stands_for.append([(group, fact["id"])])
            distinct.append(fact)
            keys.append(key)
    if learning is not None:
        learning.recalled += recalled
    return answers, distinct, stands_for, keys


def _ensure_unique_ids(facts: list[dict]) -> None:
    """Fact ids are unique (the answers are given back by id)."""
    if len({f["id"] for f in facts}) != len(facts):  # ids name facts; two alike would merge answers
        raise InternalError("errors.internal/duplicate-fact-id")


def _session(host, facts: list[dict], fire) -> set[tuple[str, int]]:
    """One session, whichever driver asserts its facts: (rule key, place of the fact in `facts`)
    for every firing. A fresh session id, deleted after use (also when the C core fails); each
    fact goes in under its place as its id (unique in the session, whatever groups the facts
    come from: no rule reads an id). A failure of the C core or of an action is an
    InternalError, never swallowed."""
    sid = f"s{next(_sessions)}"
    payload = [_durable_safe(f, sid, place) for place, f in enumerate(facts)]
    try:
        return {(key, int(place)) for key, place in fire(host, payload, sid)}
    except InternalError:
        raise
    except Exception as exc:  # the C core reports misuse as plain exceptions
        raise InternalError("errors.internal/durable-failed", {"problem": str(exc)}) from None
    finally:
        try:
            host.delete_state(RULESET, sid)
        except Exception:
            pass


_names: dict[str, str | None] = {}  # durable rule name -> rule key (None: a catch-all)


# Why the catch-all rules stay in the lean path too: without them the C core answers
# "not handled" (code 1) and still runs the batch (durable part ~130 instead of ~210 µs per
# Follorådet scenario), but then
# delete_state segfaulted in about 1 fresh process in 8 (a deterministic crash for some
# sequences of sessions early in a process; see the issue-7 notes in README.md).
def _fire_lean(host, payload: list[dict], sid: str) -> set[tuple[str, str]]:
    """Assert one session's facts through durable's C core, driven the way its Python host drives
    it (Ruleset.assert_facts, do_actions, _flush_actions: assert, start_action_for_state, then for
    each action update_state and complete_and_start_action), without building a Closure, a
    Content and a Promise per action: the actions only record (rule, fact id), so they are done
    here. That halves the cost per fact. The ruleset, its conditions and the C calls are those
    of the host; the results are checked against the host path in tests/test_fuzz_slice.py."""
    import json

    import durable_rules_engine as core

    handle = host.get_ruleset(RULESET)._handle
    if not _names:
        _names.update({name: key for name, key in _rule_names})
    result = core.assert_facts(handle, json.dumps(payload, ensure_ascii=False, separators=(",", ":")))
    if result[0] != 0:  # 1 not handled, 2 already observed, 3 deferred: all misuse here
        raise InternalError("errors.internal/durable-refused", {"code": result[0]})
    state_handle = result[1]
    fired: set[tuple[str, str]] = set()
    started = core.start_action_for_state(handle, state_handle)
    if started:
        state, message = started
        while message:
            # '{"<rule name>": {"m": {...the fact...}}}': a catch-all's fact is not parsed
            name = message[2:message.index('"', 2)] if message.startswith('{"') else None
            if name not in _names:
                raise InternalError("errors.internal/durable-unknown-rule", {"name": name})
            if _names[name] is not None:
                ((parsed, matched),) = json.loads(message).items()
                if parsed != name:
                    raise InternalError("errors.internal/durable-unexpected-action", {"action": message[:200]})
                fired.add((_names[name], matched["m"]["id"]))
            core.update_state(handle, state)
            message = core.complete_and_start_action(handle, state_handle)
    return fired


def _fire_host(host, payload: list[dict], sid: str) -> set[tuple[str, str]]:
    """Assert one session's facts through durable's Python host layer (a Closure per action,
    each recorded by _recorder); kept to check _fire_lean against (tests/test_fuzz_slice.py).
    The host catches an exception an action raises and writes it into the session state, so the
    state is read back here: such an exception is an InternalError, never swallowed. (The lean
    driver runs no action inside durable: what it does raises in this thread.)"""
    _fired.clear()
    try:
        host.assert_facts(RULESET, payload)
        state = host.get_state(RULESET, sid)
        if isinstance(state, dict) and "exception" in state:  # an action raised
            raise InternalError("errors.internal/durable-action-failed", {"problem": str(state["exception"])})
        return set(_fired)
    finally:
        _fired.clear()


def _durable_safe(fact: dict, sid: str, place: int) -> dict:
    """Only the fields the conditions on this kind of fact read (plus t), the fact's place in its
    session as its id, and the session id; display strings and other kinds' fields stay out of
    the engine."""
    kind = fact["t"]
    try:  # every fact of a kind has every field its rules read: picked in one call
        safe = dict(zip(_fields_by_kind[kind], _pick_by_kind[kind](fact)))
    except KeyError:  # a kind without rules, or a fact without one of the fields
        keep = _fields_by_kind.get(kind, _fields)
        safe = {k: fact[k] for k in keep if k in fact}
    safe["id"] = str(place)
    safe["sid"] = sid
    return safe
