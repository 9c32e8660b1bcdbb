"""The transition report: what changes when one council's bylaws replace another's.

The model is OpenFisca's "reform": the same situation (a meeting, with the people who held the
offices on its date) is judged under two sets of rules. For a scenario written under document A,
the other document B is applied as a *counterfactual*: B's organs, seats, rights, quorum,
competences and statute layer, with A's participants, A's people mapped into B's offices
(the transition file's `offices`) and A's leadership (who led is a fact of the meeting's world, not a rule that is
being compared; the report's leadership section compares the rules). The scenario's organ and
case kinds are mapped (bylaws/transitions/, `case_kind_in`). Every mapping is an assumption and is named
in the report.

Sections: organs (cease / continue / renamed / new, who sits before and after), rights per role,
rules that change, the legal steps with dates, the behavioural difference (`changed_scenarios`,
contract) over the shipped scenarios and generated meetings, and every assumption relied on.

The library never prints: engine/cli/transition.py renders.
"""
from __future__ import annotations

import functools
import itertools
from typing import Callable
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from engine.core.errors import InputError, NotModelled
from engine.core.evaluate import Evaluation, load_scenario
from engine.core.library import Library, library, with_roster
from engine.core.resources import display_path, scenarios_dir
from engine.core.model import Document, Holding, Leadership, Organ, Transition
from engine.core.scenario import Innstilling, Scenario
from engine.core.rotation import DAY
from engine.core.sitting import resolve
from engine.core.verdict import Finding, ScenarioVerdict

__all__ = ["transition", "TransitionReport", "counterfactual", "run_both", "compare_verdicts",
           "generated_meetings", "organ_map", "office_map"]


# -- mappings (each an assumption, shown in the report): bylaws/transitions/<id>.yaml ------------
def _transition_data(a: str, b: str) -> Transition | None:
    return library().transition_between(a, b)


def organ_map(from_id: str, to_id: str) -> dict[str, str]:
    t = _transition_data(from_id, to_id)
    m = t.map_for(from_id, to_id) if t else None
    return dict(m.organs) if m else {}


def office_map(from_id: str, to_id: str) -> dict[str, str | None]:
    t = _transition_data(from_id, to_id)
    m = t.map_for(from_id, to_id) if t else None
    return dict(m.offices) if m else {}


def _case_kind_fallback(kind: str, target: Document) -> str:
    for t in library().transitions:
        if target.id in t.documents and kind in t.case_kind_fallback:
            return t.case_kind_fallback[kind]
    return "ordinary"


def organ_in(from_id: str, to_id: str, organ_id: str, target: Document) -> str | None:
    mapped = organ_map(from_id, to_id).get(organ_id, organ_id)
    return mapped if any(o.id == mapped for o in target.organs) else None


def case_kind_in(kind: str, target: Document) -> str:
    kinds = {k.id for k in target.case_kinds}
    if kind in kinds:
        return kind
    fallback = _case_kind_fallback(kind, target)
    return fallback if fallback in kinds else "ordinary"


# -- the counterfactual document ----------------------------------------------------------------
@functools.lru_cache(maxsize=64)  # documents are frozen and hashable: cached by value
def counterfactual(rules: Document, people: Document) -> Document:
    """`rules`' organs and provisions, in `people`' world: its participants, people and leaders."""
    if rules is people:
        return rules
    holdings = _mapped_holdings(people, rules, office_map(people.id, rules.id))
    observers = list(rules.observers) + [o for o in people.observers
                                         if o.id not in {x.id for x in rules.observers}]
    data = rules.model_dump(by_alias=True)
    data.update({
        "from": None, "to": None,
        "title": f"{rules.title} [anvendt på situasjonen under {people.id}]",
        "participants": [p.model_dump(by_alias=True) for p in people.participants],
        "observers": [o.model_dump(by_alias=True) for o in observers],
        "organs": [_with_leadership(o, rules, people).model_dump(by_alias=True) for o in rules.organs],
        "roster": {"note": people.roster.note, "people": [p.model_dump() for p in people.roster.people],
                   "holdings": [h.model_dump(by_alias=True) for h in holdings]},
    })
    return Document.model_validate(data)


def _mapped_holdings(people: Document, rules: Document, offices: dict) -> list[Holding]:
    personal = {s.deputies.office for o in rules.organs for s in o.seats
                if s.deputies and s.deputies.kind == "personal"}
    principal_office = {s.deputies.office: s.office for o in rules.organs for s in o.seats if s.deputies}
    out = []
    for h in people.roster.holdings:
        office = offices.get(h.office, h.office)
        if office is None:
            continue
        if office in personal and h.deputy_for is None:
            out += _paired(h, office, principal_office[office], people)
        else:
            out.append(h.model_copy(update={"office": office}))
    return out


def _paired(h: Holding, office: str, principal_office: str, people: Document) -> list[Holding]:
    """A deputy with no named principal: one holding per principal of the same participant."""
    out = []
    for p in people.roster.holdings:
        if p.office != principal_office or p.participant != h.participant:
            continue
        start = max(d for d in (h.valid_from, p.valid_from, date.min) if d is not None)
        end = min(d for d in (h.valid_to, p.valid_to, date.max) if d is not None)
        if start <= end:
            out.append(h.model_copy(update={"office": office, "deputy_for": p.person,
                                            "valid_from": start, "valid_to": end}))
    return out


def _with_leadership(organ: Organ, rules: Document, people: Document) -> Organ:
    """The organ with the leadership of its counterpart in `people` (the rotation that applied)."""
    source = _source_rotation(organ.id, rules, people)
    if source is None:
        return organ
    return organ.model_copy(update={"leadership": source})


def _source_rotation(organ_id: str, rules: Document, people: Document) -> Leadership | None:
    from engine.core import rotation

    mapping = organ_map(people.id, rules.id)
    back = {v: k for k, v in mapping.items()}
    candidates = [k for k, v in mapping.items() if v == organ_id]
    candidates += [back.get(organ_id, organ_id)]
    for cand in candidates:
        if not any(o.id == cand for o in people.organs):
            continue
        organ = people.organ(cand)
        if organ.leadership is None or organ.leadership.kind == "derived":
            continue
        try:
            return rotation.rotation_rule(people, cand)[1]
        except LookupError:
            return organ.leadership
    return None


# -- running a scenario under both documents ----------------------------------------------------
class Out(BaseModel):
    model_config = ConfigDict(frozen=True, populate_by_name=True)


class SideResult(Out):
    bylaws: str
    organ: str
    valid: bool
    outcomes: dict[str, str]
    findings: int
    counterfactual: bool


class ChangedScenario(Out):
    scenario: str
    name: str
    date: str
    verdict_before: str
    verdict_after: str
    before: SideResult
    after: SideResult
    first_difference: dict | None
    explanation: str


def _map_scenario(s: Scenario, organ: str, target: Document, from_id: str, to_id: str) -> Scenario:
    def innst(i: Innstilling | None) -> Innstilling | None:
        if i is None:
            return None
        mapped = organ_in(from_id, to_id, i.organ, target)
        return None if mapped in (None, organ) else i.model_copy(update={"organ": mapped})

    cases = tuple(c.model_copy(update={"kind": case_kind_in(c.kind, target), "innstilling": innst(c.innstilling)})
                  for c in s.cases)
    conv = s.convening.model_copy(update={
        "innstilling": innst(s.convening.innstilling),
        "agenda_approved_by": organ_in(from_id, to_id, s.convening.agenda_approved_by, target)
        if s.convening.agenda_approved_by else None})
    return s.model_copy(update={"organ": organ, "cases": cases, "convening": conv, "bylaws": None,
                                "roster": None, "expected": None})


def run_both(scenario: Scenario, file: str, own: Document, other: Document, lib: Library,
             engine: str = "both") -> tuple[ScenarioVerdict, ScenarioVerdict, str] | None:
    """The scenario under its own document and, as a counterfactual, under the other.

    Returns (own verdict, other verdict, other organ id), or None if the organ has no counterpart.
    """
    if scenario.roster:
        own = with_roster(own, scenario.roster)
    target_organ = organ_in(own.id, other.id, scenario.organ, other)
    if target_organ is None:
        return None
    plain = scenario.model_copy(update={"bylaws": None, "roster": None})
    mine = Evaluation(plain, file, own, lib, engine).run()
    cf = counterfactual(other, own)
    mapped = _map_scenario(scenario, target_organ, other, own.id, other.id)
    theirs = Evaluation(mapped, file, cf, lib, engine).run()
    return mine, theirs, target_organ


def _key(f: Finding) -> tuple:
    return (f.rule, f.case, f.person, f.severity)


def unworded(f: Finding) -> str:
    """A finding's message id: what the report shows when no one words it (the words belong to
    engine/render; the command passes engine.render.report.finding_message as `describe`)."""
    return f.message_id


def compare_verdicts(before: ScenarioVerdict, after: ScenarioVerdict,
                     describe: Callable[[Finding], str] = unworded) -> dict | None:
    """The first finding (in report order) that one verdict has and the other lacks, or None."""
    keys_b = {_key(f) for f in before.findings}
    keys_a = {_key(f) for f in after.findings}
    merged = [("before", f) for f in before.findings if _key(f) not in keys_a] + \
             [("after", f) for f in after.findings if _key(f) not in keys_b]
    if not merged:
        return None
    case_order = {c.id: i for i, c in enumerate(before.cases)}
    sev = {"error": 0, "warning": 1, "info": 2}
    side, f = min(merged, key=lambda sf: (sev[sf[1].severity], case_order.get(sf[1].case, -1),
                                          sf[0] != "before"))
    return {"only_under": side, "rule": f.rule, "severity": f.severity, "case": f.case,
            "person": f.person, "citation": f.citation, "message": describe(f)}


def _differs(before: ScenarioVerdict, after: ScenarioVerdict) -> bool:
    return before.valid != after.valid or _outcomes(before) != _outcomes(after)


def _outcomes(v: ScenarioVerdict) -> dict[str, str]:
    return {c.id: c.outcome for c in v.cases}


def _side(v: ScenarioVerdict, organ: str, cf: bool) -> SideResult:
    return SideResult(bylaws=v.bylaws.split(" ")[0], organ=organ, valid=v.valid, outcomes=_outcomes(v),
                      findings=len(v.findings), counterfactual=cf)


def _verdict_word(v: ScenarioVerdict) -> str:
    return "gyldig" if v.valid else "ugyldig"


def _explain(before: ScenarioVerdict, after: ScenarioVerdict, diff: dict | None,
             organ_before: str, organ_after: str) -> str:
    parts = []
    if before.valid != after.valid:
        parts.append(f"{_verdict_word(before)} før, {_verdict_word(after)} etter")
    for cid, o in _outcomes(before).items():
        o2 = _outcomes(after).get(cid)
        if o2 != o:
            parts.append(f"sak {cid}: {_OUTCOME_NB[o]} → {_OUTCOME_NB.get(o2, o2)}")
    if diff:
        where = "bare før" if diff["only_under"] == "before" else "bare etter"
        parts.append(f"første forskjell ({where}): {diff['rule']} – {diff['message']} [{diff['citation']}]")
    kb, ka = {_key(f) for f in before.findings}, {_key(f) for f in after.findings}
    for label, mine, other in (("bare før", before.findings, ka), ("bare etter", after.findings, kb)):
        counts: dict[str, int] = {}
        for f in mine:
            if _key(f) not in other:
                counts[f.rule] = counts.get(f.rule, 0) + 1
        if counts:
            parts.append(f"alle forskjeller {label}: " + ", ".join(f"{r} ×{n}" for r, n in counts.items()))
    return "; ".join(parts)


_OUTCOME_NB = {"adopted": "vedtatt", "rejected": "falt", "not_decided": "ikke avgjort", "no_vote": "ingen votering"}


# -- generated meetings -------------------------------------------------------------------------
class GeneratedFamily(Out):
    name: str
    organ_before: str
    organ_after: str
    date: str
    case_kind: str
    method: str  # exhaustive | sampled (seeded random sample)
    meetings: int
    changed: int
    examples: tuple[dict, ...] = ()
    explanation: str = ""


def generated_meetings(doc: Document, organ_id: str, on: date, case_kind: str, *,
                       deputies: bool = False, limit: int = 4000, samples: int = 300):
    """Meetings of `organ_id` on `on`: every pattern of attendance and votes of the voting seats.

    Per seat: absent, or present and voting for or against (and, with `deputies`, the seat's
    deputy voting instead). Exhaustive when the number of patterns is at most `limit`;
    otherwise `samples` patterns drawn at random with a fixed seed
    (the same patterns on every run). The chair is the leader if present, else
    the vice, else the first member present, elected (§ 11-2 tredje ledd).
    Yields (pattern, Scenario).
    """
    sitting = resolve(doc, organ_id, on)
    seats = sorted(sitting.voting_members().values(), key=lambda r: r.seat_key)
    deputy_of = {}
    if deputies:
        for r in seats:
            dep = next((h.person for h in sitting.holdings if r.deputies and h.office == r.deputies.office
                        and h.participant == r.participant and h.deputy_for in (None, r.person)), None)
            if dep:
                deputy_of[r.person] = dep
    states = ["absent", "for", "against"] + (["dep-for", "dep-against"] if deputies else [])
    n = len(states) ** len(seats)
    if n <= limit:
        patterns = itertools.product(states, repeat=len(seats))
        method = "exhaustive"
    else:
        patterns = _sampled_patterns(states, len(seats), samples)
        method = "sampled"
    for pattern in patterns:
        yield method, pattern, _meeting(doc, sitting, seats, deputy_of, pattern, organ_id, on, case_kind)


def _sampled_patterns(states: list[str], k: int, samples: int, seed: int = 18) -> list[tuple]:
    """`samples` patterns of `k` seats drawn uniformly with a fixed seed, duplicates dropped.

    >>> _sampled_patterns(["absent", "for"], 3, 4) == _sampled_patterns(["absent", "for"], 3, 4)
    True
    """
    import random

    rng = random.Random(seed)  # seeded: the report is the same on every run
    drawn = (tuple(rng.choice(states) for _ in range(k)) for _ in range(samples))
    return list(dict.fromkeys(drawn))


def _meeting(doc, sitting, seats, deputy_of, pattern, organ_id, on, case_kind) -> Scenario:
    attendance, votes_for, votes_against = [], [], []
    for role, state in zip(seats, pattern):
        if state == "absent" or (state.startswith("dep") and role.person not in deputy_of):
            continue
        if state.startswith("dep"):
            person = deputy_of[role.person]
            attendance.append({"person": person, "for": role.person})
        else:
            person = role.person
            attendance.append({"person": person})
        (votes_for if state.endswith("for") else votes_against).append(person)
    present = [a["person"] for a in attendance]
    if sitting.leader in present:
        chair, elected = sitting.leader, False
    elif sitting.vice in present:
        chair, elected = sitting.vice, False
    else:
        chair, elected = (present[0] if present else None), bool(present)
    return Scenario.model_validate({
        "name": f"generert: {' '.join(pattern)}", "organ": organ_id, "date": on,
        "chair": chair, "chair_elected": elected, "attendance": attendance,
        "cases": [{"id": "1", "kind": case_kind, "votes": {"for": votes_for, "against": votes_against}}],
    })


# -- the report ---------------------------------------------------------------------------------
class OrganChange(Out):
    status: str  # ceases | continues | renamed | new | unknown
    before: str | None
    after: str | None
    name_before: str | None
    name_after: str | None
    members_before: int
    members_after: int
    sits_before: tuple[str, ...]
    sits_after: tuple[str, ...]
    note: str = ""


class RightsRow(Out):
    organ_before: str | None
    organ_after: str | None
    role_before: str | None
    role_after: str | None
    rights_before: tuple[str, ...]
    rights_after: tuple[str, ...]
    changed: bool
    assumption: str | None = None


class RuleChange(Out):
    topic: str
    before: str
    after: str
    citation: str
    changed: bool
    assumption: str | None = None


class LegalStep(Out):
    date: str
    who: str
    what: str
    citation: str
    status: str
    source: str | None = None
    open_question: str | None = None


class TransitionReport(Out):
    from_: str = Field(alias="from")
    to: str
    title_before: str
    title_after: str
    date_before: str
    date_after: str
    organs: tuple[OrganChange, ...]
    rights: tuple[RightsRow, ...]
    rules: tuple[RuleChange, ...]
    leadership: tuple[dict, ...]
    steps: tuple[LegalStep, ...]
    scenarios_compared: int
    scenarios_skipped: tuple[str, ...]
    changed_scenarios: tuple[ChangedScenario, ...]
    generated: tuple[GeneratedFamily, ...]
    assumptions: tuple[str, ...]

    def as_json(self) -> dict:
        return self.model_dump(by_alias=True)


RIGHTS_NB = {"attend": "møte", "speak": "tale", "propose": "forslag", "vote": "stemme"}


def transition(from_id: str, to_id: str, on: date | None = None, *, scenarios: list[Path] | None = None,
               generated: bool = True, lib: Library | None = None, engine: str = "both",
               docs: tuple[Document, Document] | None = None,
               describe: Callable[[Finding], str] = unworded) -> TransitionReport:
    """The transition report from document `from_id` to `to_id` (the picture after: on `on`)."""
    lib = lib or library()
    old, new = docs or (lib.document(from_id), lib.document(to_id))
    after = on or new.valid_from or old.valid_to or date.today()
    if not new.in_force(after):
        raise NotModelled(f"datoen {after} er utenfor perioden {new.id} er modellert for "
                          f"({new.valid_from} – {new.valid_to or 'åpen'}) [not-modelled]")
    before = min(after - DAY, old.valid_to) if old.valid_to else after - DAY
    if old.id != new.id and old.valid_from and before < old.valid_from:
        raise NotModelled(f"{old.id} er ikke modellert før {after} [not-modelled]")
    if old.id == new.id:
        before = after
    assumptions: list[str] = []
    changed, skipped, compared = _scenario_section(old, new, lib, scenarios, engine, assumptions, describe)
    families = _generated_section(old, new, lib, after, engine, describe) if generated else []
    report = TransitionReport(**{
        "from": old.id, "to": new.id, "title_before": old.title, "title_after": new.title,
        "date_before": str(before), "date_after": str(after),
        "organs": tuple(_organs(old, new, before, after)),
        "rights": tuple(_rights(old, new)),
        "rules": tuple(_rules(old, new, lib)),
        "leadership": tuple(_leadership_table(old, new, after)),
        "steps": tuple(_steps(old, new, lib)) if old.id != new.id else (),
        "scenarios_compared": compared, "scenarios_skipped": tuple(skipped),
        "changed_scenarios": tuple(changed), "generated": tuple(families),
        "assumptions": tuple(dict.fromkeys(_all_assumptions(old, new, lib) + _mapping_assumptions(lib, old, new))),
    })
    return report


def _scenario_files(paths: list[Path] | None) -> list[Path]:
    paths = paths if paths is not None else [scenarios_dir()]
    files = []
    for p in paths:
        files += sorted(p.rglob("*.yaml")) if p.is_dir() else [p]
    return files


def _scenario_section(old, new, lib, paths, engine, assumptions, describe):
    changed, skipped, compared = [], [], 0
    for path in _scenario_files(paths):
        scenario, located = load_scenario(path)
        try:
            own = lib.choose(scenario.organ, scenario.date, scenario.bylaws,
                             council=scenario.council)
        except InputError:
            skipped.append(f"{_rel(path)}: ingen vedtekter for organet og datoen")
            continue
        if own.id not in (old.id, new.id):
            continue
        own, other = (old, new) if own.id == old.id else (new, old)
        result = run_both(scenario, located.file, own, other, lib, engine)
        if result is None:
            skipped.append(f"{_rel(path)}: organet {scenario.organ} har ikke noe motstykke i {other.id}")
            continue
        compared += 1
        mine, theirs, other_organ = result
        vb, va = (mine, theirs) if own.id == old.id else (theirs, mine)
        ob, oa = (scenario.organ, other_organ) if own.id == old.id else (other_organ, scenario.organ)
        if not _differs(vb, va):
            continue
        diff = compare_verdicts(vb, va, describe)
        changed.append(ChangedScenario(
            scenario=_rel(path), name=scenario.name, date=str(scenario.date),
            verdict_before=_verdict_word(vb), verdict_after=_verdict_word(va),
            before=_side(vb, ob, own.id != old.id), after=_side(va, oa, own.id != new.id),
            first_difference=diff, explanation=_explain(vb, va, diff, ob, oa)))
    return changed, skipped, compared


def _rel(path: Path) -> str:
    return display_path(path)


def _generated_section(old, new, lib, after, engine, describe) -> list[GeneratedFamily]:
    """Generated meetings of the new document's supreme organ, run under both documents."""
    families = []
    supreme = next((o for o in new.organs if o.supreme), None)
    if supreme is None:
        return families
    organ_old = organ_in(new.id, old.id, supreme.id, old) if old is not new else supreme.id
    if organ_old is None:
        return families
    on = max(after, new.valid_from or after)
    kinds = [k.id for k in new.case_kinds if k.voted and not k.election and not k.appointment]
    for kind in sorted(set(kinds) & {"ordinary", "budsjett", "avtaleendring", "avtaleendring-a-h"}) or kinds[:1]:
        for deputies in (False, True):
            fam = _family(old, new, lib, supreme.id, organ_old, on, kind, deputies, engine, describe)
            families.append(fam)
    return families


def _family(old, new, lib, organ_new, organ_old, on, kind, deputies, engine, describe) -> GeneratedFamily:
    cf = counterfactual(old, new)
    n = changed = 0
    method = "exhaustive"
    examples = []
    for method, pattern, meeting in generated_meetings(new, organ_new, on, kind, deputies=deputies):
        n += 1
        after = Evaluation(meeting, "<generert>", new, lib, "reference").run()
        if old is new:
            before = after
        else:
            mapped = _map_scenario(meeting, organ_old, old, new.id, old.id)
            before = Evaluation(mapped, "<generert>", cf, lib, "reference").run()
        if _differs(before, after):
            changed += 1
            if len(examples) < 3:
                diff = compare_verdicts(before, after, describe)
                examples.append({"pattern": " ".join(pattern), "before": _verdict_word(before),
                                 "after": _verdict_word(after), "outcome_before": _outcomes(before).get("1"),
                                 "outcome_after": _outcomes(after).get("1"), "first_difference": diff})
    name = f"{organ_new}: {kind}{' med varamedlemmer' if deputies else ''}"
    return GeneratedFamily(name=name, organ_before=organ_old, organ_after=organ_new, date=str(on),
                           case_kind=kind, method=method, meetings=n, changed=changed,
                           examples=tuple(examples),
                           explanation=_family_explanation(kind, changed, n, _family_note(lib, old, new, kind)))


def _family_note(lib: Library, old: Document, new: Document, kind: str) -> str | None:
    t = lib.transition_between(old.id, new.id)
    return t.family_notes.get(kind) if t else None


def _family_explanation(kind: str, changed: int, n: int, note: str | None = None) -> str:
    if changed == 0:
        return ("Ingen forskjell: samme antall stemmeberettigede seter, samme krav til vedtaksførhet "
                "(§ 11-9 første ledd) og flertall (§ 11-9 andre ledd).")
    if kind == "avtaleendring-a-h":
        return ("Endringer om § 18-4 fjerde ledd a–h må vedtas av hvert kommunestyre (§ 18-4 andre ledd); "
                "representantskapet kan ikke avgjøre dem (wrong-organ).")
    return note or f"{changed} av {n} møter får en annen dom."


def _mapping_assumptions(lib: Library, old: Document, new: Document) -> list[str]:
    t = lib.transition_between(old.id, new.id)
    return list(t.assumptions) if t else []


# -- organs, rights, rules ----------------------------------------------------------------------
def _sits(doc: Document, organ: str, on: date) -> tuple[int, tuple[str, ...]]:
    if not doc.in_force(on):
        return 0, ()
    s = resolve(doc, organ, on)
    groups: dict[str, list[str]] = {}
    for person, roles in sorted(s.roles.items()):
        for r in roles:
            groups.setdefault(r.label, []).append(s.name(person))
    lines = []
    for label, names in groups.items():
        shown = ", ".join(names[:6]) + (f" og {len(names) - 6} til" if len(names) > 6 else "")
        lines.append(f"{label} ({len(names)}): {shown}")
    if s.leader:
        lines.append(f"leder: {s.name(s.leader)}; nestleder: {s.name(s.vice)}")
    return s.member_count(), tuple(lines)


def _organs(old: Document, new: Document, before: date, after: date) -> list[OrganChange]:
    out = []
    mapping = organ_map(old.id, new.id)
    targets = {}
    for o in old.organs:
        t = organ_in(old.id, new.id, o.id, new)
        targets.setdefault(t, []).append(o.id)
        mb, sb = _sits(old, o.id, before)
        if t is None:
            out.append(OrganChange(status="unknown", before=o.id, after=None, name_before=o.name, name_after=None,
                                   members_before=mb, members_after=0, sits_before=sb, sits_after=(),
                                   note=f"ikke nevnt i kildene for {new.id}; om organet består, er ukjent"))
            continue
        n = new.organ(t)
        ma, sa = _sits(new, t, after)
        merged = [x for x, v in mapping.items() if v == t]
        if t == o.id and n.name == o.name:
            status, note = "continues", ""
        elif len(merged) > 1:
            status = "ceases"
            note = (f"opphører; oppgavene går til det nye organet {n.name}, som også overtar fra "
                    f"{', '.join(old.organ(m).name for m in merged if m != o.id)}")
        else:
            status, note = "renamed", f"videreføres som {n.name}"
        out.append(OrganChange(status=status, before=o.id, after=t, name_before=o.name, name_after=n.name,
                               members_before=mb, members_after=ma, sits_before=sb, sits_after=sa, note=note))
    for n in new.organs:
        merged = [x for x, v in mapping.items() if v == n.id]
        if len(merged) > 1:
            ma, sa = _sits(new, n.id, after)
            out.append(OrganChange(status="new", before=None, after=n.id, name_before=None, name_after=n.name,
                                   members_before=0, members_after=ma, sits_before=(), sits_after=sa,
                                   note=f"overtar oppgavene til {', '.join(old.organ(m).name for m in merged)}"))
        elif n.id not in targets:
            ma, sa = _sits(new, n.id, after)
            out.append(OrganChange(status="new", before=None, after=n.id, name_before=None, name_after=n.name,
                                   members_before=0, members_after=ma, sits_before=(), sits_after=sa,
                                   note=n.note or ""))
    return out


def _rights(old: Document, new: Document) -> list[RightsRow]:
    rows = []
    offices = office_map(old.id, new.id)
    for o in old.organs:
        t = organ_in(old.id, new.id, o.id, new)
        n = new.organ(t) if t else None
        for seat in o.seats:
            match = None
            if n is not None:
                office = offices.get(seat.office, seat.office)
                match = next((s for s in n.seats if s.office == office and
                              (s.per_participant is None) == (seat.per_participant is None)), None)
            rb = tuple(RIGHTS_NB[r] for r in seat.rights)
            ra = tuple(RIGHTS_NB[r] for r in match.rights) if match else ()
            note = match.assumption.what.strip() if match and match.assumption else None
            rows.append(RightsRow(organ_before=o.name, organ_after=n.name if n else None,
                                  role_before=seat.label or seat.office,
                                  role_after=(match.label or match.office) if match else None,
                                  rights_before=rb, rights_after=ra,
                                  changed=rb != ra or match is None, assumption=note))
        for obs in o.observers:
            match = next((x for x in n.observers if x.observer == obs.observer), None) if n else None
            rb = tuple(RIGHTS_NB[r] for r in obs.rights)
            ra = tuple(RIGHTS_NB[r] for r in match.rights) if match else ()
            name_b = next((x.name_on(old.valid_to or date.today()) for x in old.observers if x.id == obs.observer), obs.observer)
            name_a = next((x.name for x in new.observers if x.id == obs.observer), None)
            rows.append(RightsRow(organ_before=o.name, organ_after=n.name if n else None,
                                  role_before=f"observatør: {name_b}", role_after=f"observatør: {name_a}" if match else None,
                                  rights_before=rb, rights_after=ra, changed=rb != ra,
                                  assumption=match.assumption.what.strip() if match and match.assumption else None))
    return rows


def _supreme(doc: Document) -> Organ | None:
    return next((o for o in doc.organs if o.supreme), None)


def _quorum_text(doc: Document, organ: Organ | None, lib: Library) -> tuple[str, str]:
    statute = lib.statute_for(doc)
    if organ is not None and organ.quorum is not None:
        q = organ.quorum
        return (f"{q.fraction} av medlemmene ({'til stede' if q.basis == 'present' else 'til stede og stemmer'}), "
                f"vedtektene", q.citation)
    rule = statute.rule("quorum") if statute else None
    how = "som lov" if doc.statute_applies == "as-law" else "som bakgrunnsrett (analogi)"
    fraction = rule.parameters.get("fraction", "1/2") if rule else "1/2"
    return f"minst {fraction} av medlemmene til stede og stemmer, kommuneloven {how}", rule.citation if rule else ""


def _rules(old: Document, new: Document, lib: Library) -> list[RuleChange]:
    rows = []
    so, sn = _supreme(old), _supreme(new)
    statute = lib.statute_for(new)

    def add(topic, before, after, citation, assumption=None):
        rows.append(RuleChange(topic=topic, before=before, after=after, citation=citation,
                               changed=before != after, assumption=assumption))

    add("Øverste organ", f"{so.name} ({so.citation})" if so else "-", f"{sn.name} ({sn.citation})" if sn else "-",
        "kommuneloven § 18-3 første ledd")
    for organ_old in (o for o in old.organs if o.decides and o.seats):
        t = organ_in(old.id, new.id, organ_old.id, new)
        n = new.organ(t) if t else None
        qb, cb = _quorum_text(old, organ_old, lib)
        qa, ca = _quorum_text(new, n, lib) if n else ("(organet opphører)", "")
        add(f"Vedtaksførhet: {organ_old.name} → {n.name if n else '-'}", qb, qa, f"{cb}; {ca}".strip("; "))
    add("Flertall", _majority_text(old), _majority_text(new), "kommuneloven § 11-9 andre ledd; § 18-1 fjerde ledd")
    unknown = t.amendments_unknown if (t := lib.transition_between(old.id, new.id)) else None
    amend_b = _amendments(old, unknown)
    amend_a = _amendments(new, unknown)
    add("Endring av avtalen/vedtektene", amend_b[0], amend_a[0], amend_a[1] or amend_b[1], amend_a[2])
    add("Ledelse", _leadership_text(old, so), _leadership_text(new, sn),
        sn.leadership.citation if sn and sn.leadership else "",
        sn.leadership.assumption.what.strip() if sn and sn.leadership and sn.leadership.assumption else None)
    add("Varamedlemmer", _deputies_text(old), _deputies_text(new),
        "kommuneloven § 18-3 første ledd tredje punktum" if new.kind == "ipr" else "",
        _deputy_assumption(new))
    add("Kommuneloven", _statute_text(old), _statute_text(new), "kommuneloven § 18-1 fjerde ledd")
    add("Navn", _name_text(old, statute), _name_text(new, statute), "kommuneloven § 18-1 tredje ledd")
    t = lib.transition_between(old.id, new.id)
    if old.id != new.id and t:
        for change in t.changes:  # the council's own rows (names, offices), from its transition file
            add(change.topic, change.before, change.after, change.citation)
    if t and t.budget:
        kind = t.budget.case_kind
        add(t.budget.topic, _competence_text(old, kind), _competence_text(new, kind), t.budget.citation,
            _competence_assumption(new, kind))
    return rows


def _majority_text(doc: Document) -> str:
    how = "som lov" if doc.statute_applies == "as-law" else "analogi"
    return f"flertallet av de avgitte stemmene; møteleders stemme avgjør ved likhet (§ 11-9 andre ledd, {how})"


def _statute_text(doc: Document) -> str:
    if doc.kind == "ipr":
        return "gjelder som lov, så langt den passer (§ 18-1 fjerde ledd)"
    return "bakgrunnsrett der vedtektene er tause (analogi)" if doc.statute_applies == "by-analogy" else "gjelder som lov"


def _name_text(doc: Document, statute) -> str:
    name = doc.title.split("Samarbeidsavtale for ")[-1].split(" (")[0].split(" pr.")[0]
    if doc.kind != "ipr" or statute is None:
        return name
    must = str(statute.rule("ipr-name").parameters.get("must_contain", "interkommunalt politisk råd"))
    return f"{name} – {'oppfyller' if must in doc.title else 'OPPFYLLER IKKE'} kravet om «{must}»"


def _amendments(doc: Document, unknown: str | None) -> tuple[str, str, str | None]:
    comps = [c for c in doc.competences if c.case_kind.startswith("avtaleendring")]
    if not comps:
        return (unknown or "ikke i kildene", "", None)
    parts, cites, assumption = [], [], None
    for c in comps:
        organ = next((o.name for o in doc.organs if o.id == c.organ), c.organ)
        label = next((k.label for k in doc.case_kinds if k.id == c.case_kind), c.case_kind)
        rule = f"minst {c.majority} av de avgitte stemmene" if c.majority else "vedtak i hvert kommunestyre"
        parts.append(f"{label}: {organ}, {rule}")
        cites.append(c.citation)
        assumption = assumption or (c.assumption.what.strip() if c.assumption else None)
    return ("; ".join(parts), "; ".join(dict.fromkeys(cites)), assumption)


def _leadership_text(doc: Document, organ: Organ | None) -> str:
    if organ is None or organ.leadership is None:
        return "-"
    lead = organ.leadership
    if lead.kind == "rotation":
        a = lead.anchor.model_dump() if lead.anchor else {}
        return (f"går på omgang etter kommunenavn i alfabetisk rekkefølge, ett år; nestleder blir leder året etter "
                f"(anker {a.get('year')}: {a.get('leader')}/{a.get('vice')})")
    if lead.kind == "elected":
        return "velges av organet selv"
    return f"følger {lead.from_organ}"


def _deputies_text(doc: Document) -> str:
    texts = []
    for o in doc.organs:
        for s in o.seats:
            if s.deputies and "vote" in s.rights:
                kind = {"fixed": "fast stedfortreder (bare denne)", "numbered": "varamedlemmer i nummerorden (§ 7-10)",
                        "personal": "personlig varamedlem valgt av kommunestyret (minst like mange som medlemmer)"}[s.deputies.kind]
                texts.append(f"{o.name}: {kind}")
    return "; ".join(dict.fromkeys(texts)) or "-"


def _deputy_assumption(doc: Document) -> str | None:
    for o in doc.organs:
        for s in o.seats:
            if s.deputies and s.deputies.assumption:
                return s.deputies.assumption.what.strip()
    return None


def _competence_text(doc: Document, kind: str) -> str:
    comps = [c for c in doc.competences if c.case_kind == kind]
    if not comps:
        return "-"
    c = comps[0]
    organ = next((o.name for o in doc.organs if o.id == c.organ), c.organ)
    inn = next((o.name for o in doc.organs if o.id == c.needs_innstilling_from), None)
    return f"{organ}" + (f", etter innstilling fra {inn}" if inn else ", uten krav om innstilling")


def _competence_assumption(doc: Document, kind: str) -> str | None:
    c = next((c for c in doc.competences if c.case_kind == kind), None)
    return c.assumption.what.strip() if c and c.assumption else None


def _leadership_table(old: Document, new: Document, after: date) -> list[dict]:
    """Leader and vice per term across the change, from each document's own rule."""
    from engine.core import rotation

    rows = []
    for doc in ((old, new) if old.id != new.id else (new,)):
        sup = _supreme(doc)
        if sup is None:
            continue
        start = doc.valid_from or date(after.year - 1, 1, 1)
        end = doc.valid_to or date(max(after.year, start.year) + 2, 12, 31)
        first, last = max(start.year, after.year - 1), min(end.year, after.year + 2)
        try:
            terms = rotation.terms(doc, sup.id, first, last)
        except Exception:  # leadership not by rotation: elected (from the roster) or not modelled
            if sup.leadership is not None and sup.leadership.kind == "elected":
                rows += _elected_rows(doc, sup, start, end)
                continue
            rows.append({"document": doc.id, "from": str(start), "to": str(end), "leader": None, "vice": None,
                         "basis": _leadership_text(doc, sup)})
            continue
        for t in terms:
            s, e = max(t.start, start), min(t.end, end)
            if s > e:
                continue
            sitting_day = s
            lead = _mayor(doc, t.leader, sitting_day)
            vice = _mayor(doc, t.vice, sitting_day)
            rows.append({"document": doc.id, "from": str(s), "to": str(e), "leader": t.leader, "vice": t.vice,
                         "leader_person": lead, "vice_person": vice, "citation": t.citation})
    return rows


def _elected_rows(doc: Document, organ: Organ, start: date, end: date) -> list[dict]:
    """An organ that elects its own leader and vice (kommuneloven § 18-3 første ledd femte punktum):
    one row per stretch in which the roster's `leder`/`nestleder` holdings stay the same (issue 12)."""
    from engine.core.sitting import resolve

    held = [h for h in doc.roster.holdings if h.office in ("leder", "nestleder") and h.organ == organ.id]
    cuts = {start} | {h.valid_from for h in held if h.valid_from} | \
        {h.valid_to + DAY for h in held if h.valid_to}
    days = sorted(d for d in cuts if start <= d <= end)
    rows = []
    for first, nxt in zip(days, days[1:] + [end + DAY]):
        sitting = resolve(doc, organ.id, first)
        rows.append({"document": doc.id, "from": str(first), "to": str(nxt - DAY),
                     "leader": sitting.leader_participant, "vice": sitting.vice_participant,
                     "leader_person": sitting.name(sitting.leader) if sitting.leader else None,
                     "vice_person": sitting.name(sitting.vice) if sitting.vice else None,
                     "citation": organ.leadership.citation})
    return rows


def _mayor(doc: Document, participant: str, on: date) -> str | None:
    people = {p.id: p for p in doc.roster.people}
    for h in doc.roster.holdings:
        if h.office == "ordforer" and h.participant == participant and h.in_force(on):
            p = people.get(h.person)
            return f"{p.name}{' (fiktiv)' if p and p.fictional else ''}" if p else h.person
    return None


# -- legal steps --------------------------------------------------------------------------------
def _steps(old: Document, new: Document, lib: Library) -> list[LegalStep]:
    """The legal steps as the council's transition file gives them (dates, sources, status)."""
    statute = lib.statute_for(new)
    t = lib.transition_between(old.id, new.id)
    if new.kind != "ipr" or statute is None or t is None:
        return []
    return [_step(step, new, statute) for step in t.steps]


def _step(step, new: Document, statute) -> LegalStep:
    data = step.model_dump(exclude={"check"})
    if step.check == "ipr-name":
        must = str(statute.rule("ipr-name").parameters.get("must_contain"))
        ok = must in new.title
        name = new.title.split("Samarbeidsavtale for ")[-1].split(" (")[0]
        data["what"] = f"Navnet «{name}» {'inneholder' if ok else 'MANGLER'} ordene «{must}»."
        data["status"] = "oppfylt" if ok else "ikke oppfylt"
    return LegalStep(**data)


def _all_assumptions(old: Document, new: Document, lib: Library) -> list[str]:
    notes = []
    for doc in (new, old) if old.id != new.id else (new,):
        notes += [a.what.strip() for a in doc.assumptions]
        for o in doc.organs:
            for p in (o, o.leadership, *o.seats, *(s.deputies for s in o.seats), *o.observers):
                if p is not None and getattr(p, "assumption", None):
                    notes.append(p.assumption.what.strip())
            if o.leadership:
                notes += [a.what.strip() for a in o.leadership.assumptions]
        for c in doc.competences:
            if c.assumption:
                notes.append(c.assumption.what.strip())
        for h in doc.roster.holdings:
            if h.assumption and doc is new:
                notes.append(h.assumption.what.strip())
    statute = lib.statute_for(new)
    if statute:
        notes += [a.what.strip() for a in statute.assumptions[:1]]
    return notes


def with_parameter(doc: Document, organ_id: str, **quorum) -> Document:
    """A copy of `doc` with the organ's quorum set (the "reform" of one parameter)."""
    data = doc.model_dump(by_alias=True)
    for o in data["organs"]:
        if o["id"] == organ_id:
            o["quorum"] = {"citation": "endret parameter (transition-test)", **quorum}
    return Document.model_validate(data)
