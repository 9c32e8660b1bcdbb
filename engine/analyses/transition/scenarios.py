"""The shipped (or given) scenarios, each judged under both documents: which verdicts change."""
from __future__ import annotations

from pathlib import Path

from engine.analyses.transition.compare import compare_verdicts, differs, explain, run_both, side_result
from engine.analyses.transition.model import ChangedScenario, Phrase, phrase, verdict_word
from engine.core.errors import InputError
from engine.core.evaluate import load_scenario
from engine.core.library import Library
from engine.core.model import Document
from engine.core.resources import display_path, scenarios_dir


def scenario_files(paths: list[Path] | None) -> list[Path]:
    """The YAML files under `paths` (files or folders), or the shipped scenarios."""
    files = []
    for p in paths if paths is not None else [scenarios_dir()]:
        files += sorted(p.rglob("*.yaml")) if p.is_dir() else [p]
    return files


def scenario_section(old: Document, new: Document, lib: Library, paths: list[Path] | None,
                     engine: str) -> tuple[list[ChangedScenario], list[Phrase], int]:
    """(the changed scenarios, the skipped ones with why, how many were compared)."""
    changed, skipped, compared = [], [], 0
    for path in scenario_files(paths):
        scenario, located = load_scenario(path)
        try:
            own = lib.choose(scenario.organ, scenario.date, scenario.bylaws, council=scenario.council)
        except InputError:
            skipped.append(phrase("skipped-no-bylaws", file=display_path(path)))
            continue
        if own.id not in (old.id, new.id):
            continue
        own, other = (old, new) if own.id == old.id else (new, old)
        result = run_both(scenario, located.file, own, other, lib, engine)
        if result is None:
            skipped.append(phrase("skipped-no-counterpart", file=display_path(path), organ=scenario.organ,
                                  document=other.id))
            continue
        compared += 1
        change = _changed(path, scenario, own.id == old.id, (own.id != old.id, own.id != new.id), *result)
        if change is not None:
            changed.append(change)
    return changed, skipped, compared


def _changed(path, scenario, written_before: bool, counterfactual: tuple[bool, bool],
             mine, theirs, other_organ) -> ChangedScenario | None:
    """The scenario's entry when its verdict differs, with before and after in time order;
    `counterfactual` says for (before, after) whether that side is the counterfactual run."""
    vb, va = (mine, theirs) if written_before else (theirs, mine)
    ob, oa = (scenario.organ, other_organ) if written_before else (other_organ, scenario.organ)
    if not differs(vb, va):
        return None
    diff = compare_verdicts(vb, va)
    return ChangedScenario(
        scenario=display_path(path), name=scenario.name, date=str(scenario.date),
        verdict_before=verdict_word(vb.valid), verdict_after=verdict_word(va.valid),
        before=side_result(vb, ob, counterfactual[0]), after=side_result(va, oa, counterfactual[1]),
        first_difference=diff, explanation=explain(vb, va, diff))
