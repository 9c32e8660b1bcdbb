"""The only module that imports durable-rules (see ../shared/design/durable-rules.md).

The rule book is compiled once per process into one ruleset. Every fact kind has a catch-all
rule so that no fact raises MessageNotHandledException. The host runs no background threads
(see QuietHost): every call into the C core comes from this module, under one lock. Sessions are small (at most
MAX_FACTS facts, split otherwise: all rules are single-fact conditions, so splitting cannot
change a result), each gets a fresh id and is deleted after use. An exception captured in the
session state is raised as an InternalError, never swallowed.
"""
from __future__ import annotations

import itertools
import threading

from .errors import InternalError
from .rules import RuleBook, durable_condition, fields_used

MAX_FACTS = 400  # far below the ~700 where 2.0.28 was seen to fail (durable-rules.md)
RULESET = "vedtekt"
FACT_KINDS = ("attendee", "vote", "proposal", "case", "meeting")

_lock = threading.Lock()
_sessions = itertools.count()
_fired: list[tuple[str, str]] = []
_host = None
_fields: set[str] = {"t", "id"}


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
    for i, rule in enumerate(book.rules):
        cond = {"$and": [{"t": rule.fact}, durable_condition(rule.when)]}
        ruleset[f"r{i}"] = {"all": [{"m": cond}], "run": _recorder(rule.key)}
    for kind in FACT_KINDS:
        ruleset[f"seen_{kind}"] = {"all": [{"m": {"t": kind}}], "run": _catch_all}
    _fields.update(*(fields_used(rule.when) for rule in book.rules))
    host = QuietHost()
    host.set_rulesets({RULESET: ruleset})
    _host = host
    return host


def evaluate(book: RuleBook, facts: list[dict]) -> set[tuple[str, str]]:
    """(rule key, fact id) for every rule that fired on the facts."""
    if not facts:
        return set()
    with _lock:
        host = _ensure_host(book)
        fired: set[tuple[str, str]] = set()
        for start in range(0, len(facts), MAX_FACTS):
            fired |= _run_session(host, facts[start:start + MAX_FACTS])
        return fired


def _run_session(host, facts: list[dict]) -> set[tuple[str, str]]:
    sid = f"s{next(_sessions)}"
    _fired.clear()
    payload = [{**_durable_safe(f), "sid": sid} for f in facts]
    try:
        host.assert_facts(RULESET, payload)
        state = host.get_state(RULESET, sid)
    except Exception as exc:  # the C core reports misuse as plain exceptions
        raise InternalError(f"durable-rules feilet: {exc}") from None
    finally:
        try:
            host.delete_state(RULESET, sid)
        except Exception:
            pass
    if isinstance(state, dict) and "exception" in state:  # an action raised
        raise InternalError(f"en regelhandling feilet i durable-rules: {state['exception']}")
    result = set(_fired)
    _fired.clear()
    return result


def _durable_safe(fact: dict) -> dict:
    """Only the fields the conditions read; display strings stay out of the engine."""
    return {k: v for k, v in fact.items() if k in _fields}
