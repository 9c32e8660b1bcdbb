"""The transition report from one bylaws document to another: every section, built in order."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from engine.analyses.transition.generated import generated_section
from engine.analyses.transition.leadership import leadership_table
from engine.analyses.transition.maps import mapping_assumptions
from engine.analyses.transition.model import TransitionReport
from engine.analyses.transition.organs import organ_changes, rights_rows
from engine.analyses.transition.proofs import TransitionProofs
from engine.analyses.transition.rules import rule_changes
from engine.analyses.transition.scenarios import scenario_section
from engine.analyses.transition.steps import all_assumptions, legal_steps
from engine.core.errors import NotModelled, period_args
from engine.core.library import Library, library
from engine.core.model import Document
from engine.core.rotation import DAY


def _dates(old: Document, new: Document, on: date | None) -> tuple[date, date]:
    """(the day pictured before, the day pictured after): refused outside the modelled periods."""
    after = on or new.valid_from or old.valid_to or date.today()
    if not new.in_force(after):
        raise NotModelled("errors.date-outside-period", {"date": after, **period_args(new)})
    if old.id == new.id:
        return after, after
    before = min(after - DAY, old.valid_to) if old.valid_to else after - DAY
    if old.valid_from and before < old.valid_from:
        raise NotModelled("errors.not-modelled-before", {"id": old.id, "date": after})
    return before, after


def transition(from_id: str, to_id: str, on: date | None = None, *, scenarios: list[Path] | None = None,
               generated: bool = True, lib: Library | None = None, engine: str = "both",
               docs: tuple[Document, Document] | None = None) -> TransitionReport:
    """The transition report from document `from_id` to `to_id` (the picture after: on `on`):
    ids, values and data text only, worded in either language by engine/render/transition.py."""
    lib = lib or library()
    old, new = docs or (lib.document(from_id), lib.document(to_id))
    before, after = _dates(old, new, on)
    changed, skipped, compared = scenario_section(old, new, lib, scenarios, engine)
    return TransitionReport(**{
        "from": old.id, "to": new.id, "title_before": old.title, "title_after": new.title,
        "date_before": str(before), "date_after": str(after),
        "organs": tuple(organ_changes(old, new, before, after)),
        "rights": tuple(rights_rows(old, new)),
        "rules": tuple(rule_changes(old, new, lib)),
        "leadership": tuple(leadership_table(old, new, after)),
        "steps": tuple(legal_steps(old, new, lib)),
        "scenarios_compared": compared, "scenarios_skipped": tuple(skipped),
        "changed_scenarios": tuple(changed),
        "generated": tuple(generated_section(old, new, lib, after, engine) if generated else ()),
        "assumptions": tuple(dict.fromkeys(all_assumptions(old, new, lib) + mapping_assumptions(lib, old, new))),
        "verify": TransitionProofs(old, new, before, after, lib),
    })
