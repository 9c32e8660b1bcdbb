"""Evaluate a scenario: load → resolve the sitting → prepare facts → rules (twice) → verdict.

The verdict holds ids and values only: each finding a message id and its arguments, worded in
the reader's language when it is printed (engine/render/report.py).

Stage 1 judges attendance, the meeting and every vote and proposal; the votes no error rejected
are then counted; stage 2 judges each case on its tally; the outcome law (rules.yaml `outcome:`)
then decides each case from its count, and the effect analysis re-counts cases through the same
rules. Each stage runs through the plain-Python reference and, with engine "both", every fact is
checked against durable-rules' answer before the verdict is given out: its answer on this
scenario (check_all: on a batch of consecutive scenarios, in shared sessions), or the one it gave
on a fact alike in every field the rules read earlier in the process, kept only once the
reference had agreed (engine.core.durable_engine.Learning). A disagreement is an InternalError
(exit 3), so a verdict is only printed when both paths agree.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Iterable, Iterator, Literal, NamedTuple

from engine.core import durable_engine
from engine.core import effects
from engine.core.errors import InputError, InternalError, Message, at, close_names, unknown_id
from engine.core.expected import compare_expected
from engine.core.finding import Location
from engine.core.facts import FactBuilder
from engine.core.library import Library, library, with_roster
from engine.core.load import validate
from engine.core.model import Document, Statute
from engine.core.outcome import Count, outcome_fact, read_outcomes
from engine.core.quotes import statute_quote
from engine.core.references import check_invited
from engine.core.rules import OutcomeRule, Rule, RuleBook, fields_used, rulebook
from engine.core.scenario import Scenario
from engine.core.seats import check_seats, seat_conflicts
from engine.core.sitting import Sitting, resolve
from engine.core.verdict import ScenarioVerdict, Tally
from engine.core.yamlio import Located, load_yaml

Engine = Literal["both", "reference", "durable"]


def load_scenario(path: Path | str) -> tuple[Scenario, Located]:
    located = load_yaml(path)
    if not isinstance(located.data, dict):
        raise InputError("errors.mapping-expected-scenario", file=located.file, where=at(1))
    if _is_payment(located.data):
        raise InputError("errors.not-a-meeting", file=located.file,
                         hint=Message("errors.hint/check-payment", {"file": located.file}))
    return validate(located, Scenario), located


def _is_payment(data: dict) -> bool:
    """A payment file (scenarios-payments/): judged by `vedtekt authority payment`, not `check`."""
    return "organ" not in data and ("approved_by" in data or data.get("kind") in ("payment", "commitment"))


def check_file(path: Path | str, *, engine: Engine = "both", lib: Library | None = None) -> ScenarioVerdict:
    scenario, located = load_scenario(path)
    return check(scenario, located, engine=engine, lib=lib)


def check(scenario: Scenario, located: Located, *, engine: Engine = "both",
          lib: Library | None = None) -> ScenarioVerdict:
    return _evaluation(scenario, located, engine, lib or library()).run()


BATCH_FACTS = 800  # facts held for one shared cross-check: about 25 Follorådet meetings


def check_all(scenarios: Iterable[tuple[Scenario, Located]], *, engine: Engine = "both",
              lib: Library | None = None) -> Iterator[ScenarioVerdict]:
    """check() of each (scenario, located) in turn, the verdicts in the same order. With engine
    "both", consecutive scenarios are cross-checked together, up to BATCH_FACTS facts at a time,
    in shared durable-rules sessions (fewer sessions, and facts alike across meetings asked
    once); no verdict is given out before durable-rules agreed on every fact it rests on."""
    lib = lib or library()
    waiting: list[tuple[Unchecked, ScenarioVerdict]] = []  # only these: an Evaluation is large
    held = 0
    try:
        for scenario, located in scenarios:
            evaluation = _evaluation(scenario, located, engine, lib)
            verdict = evaluation.run(defer_cross_check=True)
            if not waiting and not evaluation.unchecked.facts:  # nothing to check (engine reference)
                yield verdict
                continue
            waiting.append((evaluation.unchecked, verdict))
            held += len(evaluation.unchecked.facts)
            if held >= BATCH_FACTS:
                batch, waiting, held = waiting, [], 0  # a batch that fails is not checked twice
                yield from _released(batch)
    except Exception:
        # a later file refused (exit 2) must not hide a disagreement on an earlier one (exit 3),
        # as one check per file would have found it first
        _released(waiting)
        raise
    yield from _released(waiting)


def check_files(paths: Iterable[Path | str], *, engine: Engine = "both",
                lib: Library | None = None) -> Iterator[ScenarioVerdict]:
    """check_file() of each path in turn (check_all: cross-checked together)."""
    return check_all((load_scenario(p) for p in paths), engine=engine, lib=lib)


def _released(waiting: list[tuple[Unchecked, ScenarioVerdict]]) -> list[ScenarioVerdict]:
    """The waiting verdicts, once durable-rules agreed on every fact of them."""
    cross_check([unchecked for unchecked, _ in waiting])
    return [verdict for _, verdict in waiting]


def _evaluation(scenario: Scenario, located: Located, engine: Engine, lib: Library) -> Evaluation:
    """The scenario's evaluation under the document that judges it, its references checked."""
    organs = _organ_ids(lib)
    if scenario.organ not in organs:
        _unknown("organ", scenario.organ, ("organ",), organs, located)
    doc = _chosen(lib, scenario.organ, scenario.date, scenario.bylaws, scenario.council)
    if doc is None:  # no document: asked again with the places of the keys, for the error
        doc = _choose_at(lib, scenario, located)
    if scenario.roster:
        doc = with_roster(doc, scenario.roster)
    _check_references(scenario, located, doc)
    sitting = resolve(doc, scenario.organ, scenario.date)
    if seat_conflicts(sitting):  # one seat, one vote; the place is looked up for a broken roster only
        check_seats(sitting, located.file, at(located.line_of(("roster",)), "roster.holdings")
                    if scenario.roster else Message("errors.roster-of", {"id": doc.id}))
    return Evaluation(scenario, located.file, doc, lib, engine, sitting)


@lru_cache(maxsize=256)
def _chosen(lib: Library, organ: str, on: date, doc_id: str | None, council: str | None) -> Document | None:
    """The document a scenario of (organ, date, bylaws, council) is judged under, None when there
    is none (found once per meeting day: every scenario of a batch asks; a library never changes)."""
    try:
        if council is not None:
            lib.council_documents(council)
        return lib.choose(organ, on, doc_id, council=council)
    except InputError:
        return None


def _choose_at(lib: Library, scenario: Scenario, located: Located) -> Document:
    """lib.choose with the places of the scenario's keys: raises the error that says why no
    document judges the scenario, at its key (an unknown council at `council`, the rest at `date`)."""
    where = at(located.line_of(("date",)), "date")
    try:
        if scenario.council is not None:  # an unknown council is refused at its own key
            lib.council_documents(scenario.council, at(located.line_of(("council",)), "council"))
        return lib.choose(scenario.organ, scenario.date, scenario.bylaws, where=where,
                          council=scenario.council)
    except InputError as exc:
        raise exc.relocated(located.file) from None


@lru_cache(maxsize=4)
def _organ_ids(lib: Library) -> frozenset[str]:
    """Every organ id of the library's documents (once per library: a library never changes)."""
    return frozenset(o.id for d in lib.documents.values() for o in d.organs)


class Evaluation:
    def __init__(self, scenario: Scenario, file: str, doc: Document, lib: Library, engine: Engine,
                 sitting: Sitting | None = None):
        """`sitting`: resolve(doc, scenario.organ, scenario.date) when the caller has it already."""
        self.scenario, self.file, self.doc, self.engine = scenario, file, doc, engine
        self.book = rulebook()
        statute = lib.statute_for(doc)
        self.statute = statute
        self.sitting = sitting if sitting is not None else resolve(doc, scenario.organ, scenario.date)
        parts = _document_parts(doc, statute)
        self.builder = FactBuilder(scenario, self.sitting, parts.statute_rules, doc)
        self.kinds = self.builder.kinds  # the document's case kinds by id (the sitting's, facts.py)
        self._statute_notes = parts.statute_notes[_before(statute, scenario.date)]
        # engine "both": every batch is answered by the reference and cross-checked with
        # durable-rules by cross_check(), all stages and re-counts together (the rules are
        # single-fact conditions, so batching cannot change what fires)
        self.unchecked = Unchecked(file, self.book)
        self._outcome_ids = 0

    def run(self, *, defer_cross_check: bool = False) -> ScenarioVerdict:
        """The verdict. With engine "both" it is cross-checked before it is returned, unless the
        caller defers that to cross_check() over several evaluations (check_all): such a
        verdict must not be given out before cross_check() returned."""
        b = self.builder
        stage1 = b.attendee_facts() + [b.meeting_fact()] + b.composition_facts()
        cast_in: dict[str, list[dict]] = {}  # every vote by case (case ids are unique), read by every later step
        for case in self.scenario.cases:
            cast_in[case.id] = votes = b.vote_facts(case, self.kinds[case.kind])
            stage1 += votes + b.proposal_facts(case) + b.act_facts(case)
        fired1 = self._fire(stage1)
        rejecting = self.book.rejecting_keys
        rejected = {fid for key, fid in fired1 if key in rejecting}
        counted_in = {c.id: [f for f in cast_in[c.id] if f["id"] not in rejected] for c in self.scenario.cases}
        stage2 = [b.case_fact(c, self.kinds[c.kind], counted_in[c.id]) for c in self.scenario.cases]
        case_facts = {f["case"]: f for f in stage2}
        for c in self.scenario.cases:
            stage2 += b.member_facts(c, self.kinds[c.kind], cast_in[c.id])
        fired2 = self._fire(stage2)
        facts = {f["id"]: f for f in stage1 + stage2}
        recount = effects.Recount(self, case_facts, cast_in, counted_in, rejected)
        findings = self._findings(fired1 | fired2, facts, recount)
        cases = self._case_results(case_facts, cast_in, counted_in, findings)
        if not defer_cross_check:
            cross_check([self.unchecked])
        # the findings and case results are validated with the verdict, in one call
        verdict = ScenarioVerdict.model_validate({
            "file": self.file, "name": self.scenario.name, "date": str(self.scenario.date),
            "organ": self.scenario.organ, "bylaws": f"{self.doc.id} ({self.doc.title})",
            "valid": not any(f["severity"] == "error" for f in findings),
            "findings": findings, "cases": cases,
            "checked_rules": self.book.rule_ids,
            "assumptions": self._assumptions(),
        })
        if self.scenario.expected is None:
            return verdict
        return verdict.model_copy(update={
            "expected": compare_expected(self.scenario, verdict.findings, verdict.cases)})

    def scenario_case(self, case_id: str):
        return next(c for c in self.scenario.cases if c.id == case_id)

    def _fire(self, facts: list[dict]) -> set[tuple[str, str]]:
        if self.engine == "durable":
            return durable_engine.evaluate(self.book, facts)
        reference = self.book.reference(facts)  # evaluate_reference, without a call to pass through
        if self.engine == "both":  # durable-rules checks the same facts in cross_check()
            self.unchecked.facts += facts
            self.unchecked.fired |= reference
        return reference

    # -- the outcome law ---------------------------------------------------------------------
    def outcome_fact(self, case_fact: dict, tally: Tally | Count, counted: int, blocked: bool) -> dict:
        self._outcome_ids += 1
        return outcome_fact(f"o{self._outcome_ids}", case_fact, tally, counted, blocked)

    def decide(self, facts: list[dict]) -> list[OutcomeRule]:
        """The outcome rule that holds for each outcome fact (with both paths, the reference
        answers now and durable-rules checks every fact in cross_check())."""
        return read_outcomes(self.book, facts, self._fire(facts))

    def _findings(self, fired: set[tuple[str, str]], facts: dict[str, dict],
                  recount: effects.Recount) -> list[dict]:
        """Every finding in report order (by case, then the rule's place in the book, then fact
        id), each error with its effect (made once, complete): the mapping a Finding is validated
        from, with the verdict (run)."""
        shapes = _finding_shapes(self.book)
        statute_notes = self._statute_notes
        case_pos = {c.id: i for i, c in enumerate(self.scenario.cases)}
        ordered = sorted((case_pos.get(facts[fid].get("case"), -1), shapes[key].position, fid, key)
                         for key, fid in fired)
        out = []
        for _, _, fid, key in ordered:
            _, rule, shown_fields, message_id, is_error = shapes[key]
            fact = facts[fid]
            case, person = fact.get("case"), fact.get("person") or fact.get("by")
            shown = {k: fact[k] for k in shown_fields if k in fact and fact[k] != ""}
            args = {name: fact[name] for name in rule.args}
            effect = recount.effect(effects.Fault(rule.id, case, person, shown, args)) if is_error else None
            citation, layer = rule.cite(fact), rule.layer_of(fact)
            out.append({
                "rule": rule.id, "severity": rule.severity, "location": _location(case, person),
                "citation": citation, "layer": layer,
                "quote": rule.quote_of(fact) or statute_quote(self.statute, rule.id, citation),
                "message_id": message_id, "args": args, "facts": shown, "effect": effect,
                # a statute layer's finding rests on the scenario's statute notes
                "assumptions": statute_notes if layer and layer.startswith("statute") else ()})
        return out

    def _assumptions(self) -> tuple[str, ...]:
        return _sitting_assumptions(self.doc, self.statute, self.scenario.organ, self.scenario.date,
                                    bool(self.scenario.chair))

    def _case_results(self, case_facts: dict[str, dict], votes: dict[str, list[dict]],
                      counted_in: dict[str, list[dict]], findings: list[dict]) -> list[dict]:
        """Every case's result (the mapping a CaseResult is validated from, with the verdict);
        facts and errors indexed by case once, so the cost is linear in cases, votes and findings
        (a scan per case took minutes for 10,000 cases). `findings`: as _findings makes them."""
        errors_in = defaultdict(list)  # the error findings by case (None: the meeting's)
        for f in findings:
            if f["severity"] == "error":
                errors_in[f["location"].case].append(f)
        meeting_errors = errors_in[None]
        deciding = self.book.deciding_ids
        tallies, facts = [], []
        for c in self.scenario.cases:
            case_fact, counted = case_facts[c.id], len(counted_in[c.id])  # the case fact counted them
            tally = {"for": case_fact["votes_for"], "against": case_fact["votes_against"],
                     "blank": case_fact["votes_blank"], "rejected": len(votes[c.id]) - counted}
            blocked = any(f["rule"] in deciding for f in errors_in[c.id])
            tallies.append(tally)
            facts.append(self.outcome_fact(case_fact, Count(tally["for"], tally["against"]), counted, blocked))
        decided = self.decide(facts)
        return [self._case_result(c, tally, rule, errors_in[c.id], meeting_errors)
                for c, tally, rule in zip(self.scenario.cases, tallies, decided)]

    def _case_result(self, case, tally: dict[str, int], rule: OutcomeRule, errors: list[dict],
                     meeting_errors: list[dict]) -> dict:
        """`tally`: the case's count as the mapping a Tally is validated from (inside the CaseResult);
        `errors`: the case's error findings (as _findings makes them)."""
        bearing = errors + meeting_errors
        status = ("valid" if not bearing else
                  "invalid" if any(f["effect"] != "no-effect" for f in bearing) else "valid-despite-error")
        return {"id": case.id, "title": case.title, "kind": case.kind,
                "valid": not errors and not meeting_errors, "outcome": rule.outcome,
                "votes": tally, "decided_by": rule.decided_by, "decision_status": status,
                "chair": self.builder.case_chair(case)}


@dataclass(slots=True)
class Unchecked:
    """The facts of one evaluation the reference answered (engine "both") and its answer, until
    durable-rules has checked them (cross_check)."""

    file: str
    book: RuleBook
    facts: list[dict] = field(default_factory=list)
    fired: set[tuple[str, str]] = field(default_factory=set)

    def agree(self, durable: set[tuple[str, str]]) -> None:
        if durable != self.fired:
            only_d, only_r = sorted(durable - self.fired), sorted(self.fired - durable)
            raise InternalError("errors.internal/engines-disagree", {
                "file": self.file, "only_durable": str(only_d), "only_reference": str(only_r)})


def cross_check(batch: list[Unchecked]) -> None:
    """durable-rules on every fact the reference answered in these evaluations, in shared
    sessions, before any of their verdicts is given out. A fact alike (in every field the rules
    read) to one durable-rules judged earlier in the process, with the reference agreeing, gets
    that verified answer; a disagreement is an InternalError naming the evaluation's file;
    durable-rules' new answers are remembered only once every evaluation agreed."""
    waiting = [e for e in batch if e.facts]
    learnings = []
    for book in {id(e.book): e.book for e in waiting}.values():  # one book in practice (rulebook())
        mine = [e for e in waiting if e.book is book]
        learnings.append(learning := durable_engine.Learning())
        answers = durable_engine.evaluate_groups(book, [e.facts for e in mine], learning=learning)
        for unchecked, durable in zip(mine, answers):
            unchecked.agree(durable)
    for learning in learnings:  # every evaluation of the batch agreed
        learning.confirm()
    for unchecked in waiting:
        unchecked.facts, unchecked.fired = [], set()


class _DocumentParts(NamedTuple):
    """What every scenario judged under one document and statute reads besides its sitting."""

    statute_rules: dict  # _statute_rules
    statute_notes: tuple[tuple[str, ...], tuple[str, ...]]  # _statute_notes, by before (False, True)


@lru_cache(maxsize=256)
def _document_parts(doc: Document, statute: Statute | None) -> _DocumentParts:
    """The parts found once per document and statute (both frozen and hashable), so that a
    scenario hashes its document and statute once, not once per part."""
    return _DocumentParts(_statute_rules(statute),
                          (_statute_notes(doc, statute, False), _statute_notes(doc, statute, True) if statute else ()))


def _statute_rules(statute) -> dict:
    """The statute's rules by id (found once per statute, by _document_parts)."""
    return {r.id: r for r in statute.rules}


@lru_cache(maxsize=256)
def _sitting_assumptions(doc: Document, statute: Statute | None, organ_id: str, on: date,
                         chair_given: bool) -> tuple[str, ...]:
    """The assumptions a verdict of the sitting (doc, organ, date) rests on: the document's, the
    statute's when the meeting is before it came into force, the leadership's when a chair is
    given, and those of each seat in force that someone holds (found once per sitting and chair
    given: every scenario of a meeting day asks; documents and statutes are frozen and hashable)."""
    notes = [a.what.strip() for a in doc.assumptions]
    if _before(statute, on):
        notes += _topic(statute.assumptions, "statute-before-in-force")
    sitting = resolve(doc, organ_id, on)
    organ = sitting.organ
    if chair_given and organ.leadership and organ.leadership.assumption:
        notes.append(organ.leadership.assumption.what.strip())
    for seat in organ.seats:
        for provision in (seat, seat.deputies):
            if provision is not None and provision.assumption and provision.in_force(on):
                if _seat_in_use(sitting, seat):
                    notes.append(provision.assumption.what.strip())
    return tuple(dict.fromkeys(notes))


def _statute_notes(doc: Document, statute: Statute | None, before: bool) -> tuple[str, ...]:
    """The assumptions every statute-layer finding rests on: the statute applied by analogy (the
    document's note), and the meeting before the statute came into force (the statute's note)
    (found once per document, statute and side of its date, by _document_parts)."""
    notes = []
    if doc.statute_applies == "by-analogy":
        notes += _topic(doc.assumptions, "statute-by-analogy")
    if before:
        notes += _topic(statute.assumptions, "statute-before-in-force")
    return tuple(notes)


def _before(statute: Statute | None, on: date) -> bool:
    """The meeting was before the statute came into force (applied by analogy)."""
    return bool(statute and statute.valid_from and on < statute.valid_from)


def _seat_in_use(sitting: Sitting, seat) -> bool:
    return any(r.citation == seat.citation and r.label == (seat.label or seat.office)
               for rs in sitting.roles.values() for r in rs)


def _topic(assumptions, topic: str) -> list[str]:
    return [a.what.strip() for a in assumptions if a.topic == topic]


def evaluate_reference(book: RuleBook, facts: list[dict]) -> set[tuple[str, str]]:
    """The plain-Python evaluation of the same rule definitions: every rule on every fact."""
    return book.reference(facts)


class _Shape(NamedTuple):
    """What a finding of one rule is made of besides its fact (found once per rule book)."""

    position: int  # the rule's place in the book: the order findings of a case are reported in
    rule: Rule
    shown: tuple[str, ...]  # the fact fields a finding shows (_shown_fields)
    message_id: str
    is_error: bool


@lru_cache(maxsize=8)
def _finding_shapes(book: RuleBook) -> dict[str, _Shape]:
    """Each rule key's _Shape (once per book: a rule book is frozen and hashable)."""
    return {rule.key: _Shape(i, rule, _shown_fields(rule), rule.message_id, rule.severity == "error")
            for i, rule in enumerate(book.rules)}


@lru_cache(maxsize=4096)
def _location(case: str | None, person: str | None) -> Location:
    """A meeting finding's place, made once per (case, person): a frozen value, which the
    verdict's validation takes as it is instead of building it from a mapping each time."""
    return Location(case=case, person=person)


@lru_cache(maxsize=256)
def _shown_fields(rule: Rule) -> tuple[str, ...]:
    """The fact fields a finding shows: those its condition reads, and the counts behind them
    (once per rule: rules are frozen and hashable)."""
    keep = fields_used(rule.when) | {"members", "required", "present_and_voting", "person", "principal",
                                     "seat", "concerns", "act", "convening_demand", "convening_demand_needed"}
    return tuple(sorted(keep))


# -- input references --------------------------------------------------------------------------
@lru_cache(maxsize=512)
def _known_ids(doc: Document) -> tuple[set, set, set]:
    """The document's person, case kind and organ ids (memoised: documents are frozen, hashable)."""
    return {p.id for p in doc.roster.people}, {k.id for k in doc.case_kinds}, {o.id for o in doc.organs}


def _check_references(scenario: Scenario, located: Located, doc: Document) -> None:
    """Every person, case kind, organ and invited group the scenario names must exist (exit 2 otherwise)."""
    people, kinds, organs = _known_ids(doc)
    if scenario.organ not in organs:
        _unknown("organ", scenario.organ, ("organ",), organs, located)
    if not people.issuperset(filter(None, _named_people(scenario))):  # someone unknown: find the first, with its place
        for path, person in _person_refs(scenario):
            if person not in people:
                _unknown("person", person, path, people, located, names=doc)
    for i, case in enumerate(scenario.cases):
        if case.kind not in kinds:
            _unknown("sakstype", case.kind, ("cases", i, "kind"), kinds, located)
        if case.innstilling and case.innstilling.organ not in organs:
            _unknown("organ", case.innstilling.organ, ("cases", i, "innstilling", "organ"),
                     organs, located)
    check_invited(scenario.invited, doc, located)  # the document's `invitees`


def _unknown(what: str, name: str, path: tuple, known, located: Located, names=None) -> None:
    line = located.line_of(path)
    dotted = ".".join(str(p) for p in path)
    error = unknown_id(what, name, known, file=located.file, where=at(line, dotted))
    if error.hint is None and names is not None:  # a name where an id belongs: suggest the ids
        by_name = {p.name: p.id for p in names.roster.people}
        close = close_names(name, by_name)
        if close:
            error.hint = Message("errors.did-you-mean-ids", {"names": close, "ids": [by_name[n] for n in close]})
    raise error


_PERSON, _STANDS_FOR, _BY = attrgetter("person"), attrgetter("stands_for"), attrgetter("by")


def _named_people(s: Scenario) -> list[str | None]:
    """Every person id _person_refs yields, without its place (None stands for a key not given):
    the common case, everyone known, needs no path per name (attrgetter: no Python call per name;
    a list, as the caller only asks whether all are known)."""
    named = [s.chair, s.leader, s.vice, s.convening.by, *s.convening.demanded_by]
    named += map(_PERSON, s.attendance)
    named += map(_STANDS_FOR, s.attendance)
    named += map(_PERSON, s.forfall)
    for c in s.cases:
        named.append(c.chair)
        named += c.objections
        named += c.inhabil
        named += map(_BY, c.statements)
        named += map(_BY, c.proposals)
        for h in c.habilitet:
            named.append(h.person)
            if h.votes:
                named += h.votes.for_
                named += h.votes.against
                named += h.votes.blank
        if c.votes:
            named += c.votes.for_
            named += c.votes.against
            named += c.votes.blank
    return named


def _person_refs(s: Scenario):
    for i, a in enumerate(s.attendance):
        yield ("attendance", i, "person"), a.person
        if a.stands_for:
            yield ("attendance", i, "for"), a.stands_for
    if s.chair:
        yield ("chair",), s.chair
    for key in ("leader", "vice"):
        if getattr(s, key):
            yield (key,), getattr(s, key)
    if s.convening.by:
        yield ("convening", "by"), s.convening.by
    for i, p in enumerate(s.convening.demanded_by):
        yield ("convening", "demanded_by", i), p
    for i, f in enumerate(s.forfall):
        yield ("forfall", i, "person"), f.person
    for i, c in enumerate(s.cases):
        if c.chair:
            yield ("cases", i, "chair"), c.chair
        for j, st in enumerate(c.statements):
            yield ("cases", i, "statements", j, "by"), st.by
        for j, h in enumerate(c.habilitet):
            yield ("cases", i, "habilitet", j, "person"), h.person
            if h.votes:
                for key, people in (("for", h.votes.for_), ("against", h.votes.against), ("blank", h.votes.blank)):
                    for k, p in enumerate(people):
                        yield ("cases", i, "habilitet", j, "votes", key, k), p
        for j, p in enumerate(c.objections):
            yield ("cases", i, "objections", j), p
        for j, p in enumerate(c.inhabil):
            yield ("cases", i, "inhabil", j), p
        for j, p in enumerate(c.proposals):
            yield ("cases", i, "proposals", j, "by"), p.by
        if c.votes:
            for key, people in (("for", c.votes.for_), ("against", c.votes.against),
                                ("blank", c.votes.blank)):
                for j, p in enumerate(people):
                    yield ("cases", i, "votes", key, j), p
