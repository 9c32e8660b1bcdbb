"""Generated meetings: every pattern of attendance and votes of an organ's voting seats (or a
seeded random sample of them), run under both documents."""
from __future__ import annotations

import itertools
import random
from datetime import date

from engine.analyses.transition.compare import compare_verdicts, differs, outcomes
from engine.analyses.transition.counterfactual import counterfactual
from engine.analyses.transition.maps import map_scenario, organ_in
from engine.analyses.transition.model import GeneratedExample, GeneratedFamily, Text, phrase, verdict_word
from engine.core.evaluate import Evaluation
from engine.core.library import Library
from engine.core.model import Document
from engine.core.scenario import Scenario
from engine.core.sitting import resolve

GENERATED_FILE = "<generert>"
EXAMPLES_PER_FAMILY = 3
FAMILY_KINDS = {"ordinary", "budsjett", "avtaleendring", "avtaleendring-a-h"}


def generated_meetings(doc: Document, organ_id: str, on: date, case_kind: str, *,
                       deputies: bool = False, limit: int = 4000, samples: int = 300):
    """Meetings of `organ_id` on `on`: every pattern of attendance and votes of the voting seats.

    Per seat: absent, or present and voting for or against (and, with `deputies`, the seat's
    deputy voting instead). Exhaustive when the number of patterns is at most `limit`;
    otherwise `samples` patterns drawn at random with a fixed seed
    (the same patterns on every run). The chair is the leader if present, else
    the vice, else the first member present, elected (§ 11-2 tredje ledd).
    Yields (method, pattern, Scenario).
    """
    sitting = resolve(doc, organ_id, on)
    seats = sorted(sitting.voting_members().values(), key=lambda r: r.seat_key)
    deputy_of = _deputies_of(sitting, seats) if deputies else {}
    states = ["absent", "for", "against"] + (["dep-for", "dep-against"] if deputies else [])
    if len(states) ** len(seats) <= limit:
        method, patterns = "exhaustive", itertools.product(states, repeat=len(seats))
    else:
        method, patterns = "sampled", sampled_patterns(states, len(seats), samples)
    for pattern in patterns:
        yield method, pattern, meeting(sitting, seats, deputy_of, pattern, organ_id, on, case_kind)


def _deputies_of(sitting, seats) -> dict[str, str]:
    """Each voting member's deputy in the sitting (the first lawful one), by the member's id."""
    deputy_of = {}
    for r in seats:
        dep = next((h.person for h in sitting.holdings if r.deputies and h.office == r.deputies.office
                    and h.participant == r.participant and h.deputy_for in (None, r.person)), None)
        if dep:
            deputy_of[r.person] = dep
    return deputy_of


def sampled_patterns(states: list[str], k: int, samples: int, seed: int = 18) -> list[tuple]:
    """`samples` patterns of `k` seats drawn uniformly with a fixed seed, duplicates dropped.

    >>> sampled_patterns(["absent", "for"], 3, 4) == sampled_patterns(["absent", "for"], 3, 4)
    True
    """
    rng = random.Random(seed)  # seeded: the report is the same on every run
    drawn = (tuple(rng.choice(states) for _ in range(k)) for _ in range(samples))
    return list(dict.fromkeys(drawn))


def meeting(sitting, seats, deputy_of, pattern, organ_id, on, case_kind) -> Scenario:
    """The meeting one pattern describes: who came (member or deputy), one case, the votes."""
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
    chair, elected = _chair(sitting, present)
    return Scenario.model_validate({
        "name": f"generert: {' '.join(pattern)}", "organ": organ_id, "date": on,
        "chair": chair, "chair_elected": elected, "attendance": attendance,
        "cases": [{"id": "1", "kind": case_kind, "votes": {"for": votes_for, "against": votes_against}}],
    })


def _chair(sitting, present: list[str]) -> tuple[str | None, bool]:
    """The leader if present, else the vice, else the first present, elected for the meeting."""
    if sitting.leader in present:
        return sitting.leader, False
    if sitting.vice in present:
        return sitting.vice, False
    return (present[0] if present else None), bool(present)


def generated_section(old: Document, new: Document, lib: Library, after: date,
                      engine: str) -> list[GeneratedFamily]:
    """Generated meetings of the new document's supreme organ, run under both documents."""
    supreme = next((o for o in new.organs if o.supreme), None)
    if supreme is None:
        return []
    organ_old = organ_in(new.id, old.id, supreme.id, old) if old is not new else supreme.id
    if organ_old is None:
        return []
    on = max(after, new.valid_from or after)
    kinds = [k.id for k in new.case_kinds if k.voted and not k.election and not k.appointment]
    return [_family(old, new, lib, supreme.id, organ_old, on, kind, deputies)
            for kind in sorted(set(kinds) & FAMILY_KINDS) or kinds[:1]
            for deputies in (False, True)]


def _family(old, new, lib, organ_new, organ_old, on, kind, deputies) -> GeneratedFamily:
    cf = counterfactual(old, new)
    n = changed = 0
    method = "exhaustive"
    examples = []
    for method, pattern, generated in generated_meetings(new, organ_new, on, kind, deputies=deputies):
        n += 1
        after = Evaluation(generated, GENERATED_FILE, new, lib, "reference").run()
        before = after if old is new else Evaluation(
            map_scenario(generated, organ_old, old, new.id, old.id), GENERATED_FILE, cf, lib, "reference").run()
        if differs(before, after):
            changed += 1
            if len(examples) < EXAMPLES_PER_FAMILY:
                examples.append(GeneratedExample(
                    pattern=" ".join(pattern), before=verdict_word(before.valid),
                    after=verdict_word(after.valid), outcome_before=outcomes(before).get("1"),
                    outcome_after=outcomes(after).get("1"), first_difference=compare_verdicts(before, after)))
    name = phrase("family-name-deputies" if deputies else "family-name", organ=organ_new, kind=kind)
    note = _family_note(lib, old, new, kind)
    return GeneratedFamily(name=name, organ_before=organ_old, organ_after=organ_new, date=str(on),
                           case_kind=kind, method=method, meetings=n, changed=changed,
                           examples=tuple(examples), explanation=_family_explanation(kind, changed, n, note))


def _family_note(lib: Library, old: Document, new: Document, kind: str) -> str | None:
    t = lib.transition_between(old.id, new.id)
    return t.family_notes.get(kind) if t else None


def _family_explanation(kind: str, changed: int, n: int, note: str | None = None) -> Text:
    if changed == 0:
        return phrase("family-no-difference")
    if kind == "avtaleendring-a-h":
        return phrase("family-amendment-a-h")
    return note or phrase("family-changed", changed=changed, n=n)
