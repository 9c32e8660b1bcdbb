"""The transition report: what changes when one council's bylaws replace another's.

The model is OpenFisca's "reform": the same situation (a meeting, with the people who held the
offices on its date) is judged under two sets of rules. For a scenario written under document A,
the other document B is applied as a *counterfactual* (counterfactual.py): B's organs, seats,
rights, quorum, competences and statute layer, with A's participants, A's people mapped into B's
offices (the transition file's `offices`) and A's leadership (who led is a fact of the meeting's
world, not a rule that is being compared; the report's leadership section compares the rules).
The scenario's organ and case kinds are mapped (maps.py). Every mapping is an assumption and is
named in the report.

Modules, one per concern: maps (what corresponds to what), counterfactual, compare (one scenario
under both, the first differing finding), scenarios (the shipped scenarios), generated (every
pattern of attendance and votes, or a seeded sample), organs (organs, who sits, rights), rules
(rules that change), leadership (leader and vice across the change), steps (legal steps and
assumptions), proofs (the answers of `vedtekt verify` that differ, side by side), model (the
report's models) and report (the report, built in order).

The library never prints and never words a sentence: engine/render/transition.py renders.
"""
from __future__ import annotations

from engine.analyses.transition.compare import compare_verdicts, run_both
from engine.analyses.transition.counterfactual import counterfactual, with_parameter
from engine.analyses.transition.generated import generated_meetings, meeting
from engine.analyses.transition.maps import office_map, organ_map
from engine.analyses.transition.model import TransitionReport
from engine.analyses.transition.report import transition

__all__ = ["transition", "TransitionReport", "counterfactual", "run_both", "compare_verdicts",
           "generated_meetings", "meeting", "organ_map", "office_map", "with_parameter"]
