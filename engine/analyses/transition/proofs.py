"""The answers of `vedtekt verify` that change across the transition, side by side.

For each organ of the old bylaws that decides and becomes an organ of the new (the transition
file's organ map, as maps.organ_in reads it), the built-in properties are proved for both: the old
organ's rules the day before, the new organ's on the day after (engine.analyses.verify, the code
of `vedtekt verify --council C --organ O --date D`). The report quotes the properties whose answers
differ: a different status, a different number of participants in the smallest group that can
adopt or block, or participants that the council cannot do without or that can break the quorum
alone, and properties only one side has (a kind of case only one side decides by vote). The
number of seats and members is left out of the comparison: it differs whenever the size does.
"""
from __future__ import annotations

from datetime import date
from functools import cached_property

from engine.analyses.transition.maps import organ_in
from engine.analyses.verify.api import Result, document_rules, run
from engine.analyses.verify.encode import z3
from engine.core.errors import InputError
from engine.core.library import Library
from engine.core.model import Document


class ProofPair:
    """One organ before and the organ it becomes after, with verify's answers for each and the ids
    of the properties whose answers differ: first those both sides answer (the interesting ones:
    «under the old rules two participants could …»), then those only one side has; each group in
    the new side's order, then the old side's own."""

    def __init__(self, organ_before: str, organ_after: str, before: Result, after: Result):
        self.organ_before, self.organ_after = organ_before, organ_after
        self.before, self.after = before, after
        old = {a.id: a for a in before.answers}
        new = {a.id: a for a in after.answers}
        ids = list(new) + [i for i in old if i not in new]
        differing = [i for i in ids if _substance(old.get(i)) != _substance(new.get(i))]
        self.differing = tuple(sorted(differing, key=lambda i: i not in old or i not in new))

    def answers(self, prop: str):
        """(the old side's answer, the new side's answer) to `prop`; None where a side has none."""
        return (next((a for a in self.before.answers if a.id == prop), None),
                next((a for a in self.after.answers if a.id == prop), None))


def _substance(answer) -> tuple | None:
    """What a lawyer compares: holds or fails, and how many participants the answer is about."""
    if answer is None:
        return None
    counts = tuple(sorted((k, v if isinstance(v, int) else len(v)) for k, v in answer.value.items()
                          if k in ("participants", "cannot_do_without", "can_break_quorum") and v is not None))
    return answer.status, counts


class TransitionProofs:
    """The pairs, proved when first asked for (building the report for its scenarios alone does
    not pay for the solver; the rendered report asks, once)."""

    def __init__(self, old: Document, new: Document, before: date, after: date, lib: Library):
        self.old, self.new, self.before, self.after, self.lib = old, new, before, after, lib

    @cached_property
    def pairs(self) -> tuple[ProofPair, ...]:
        """Empty when z3-solver is not installed (an optional extra) or no organ pair has rules
        to prove on those dates (e.g. no roster for the day)."""
        if z3 is None:
            return ()
        found, after_rules = [], {}
        for organ in self.old.organs:
            if not (organ.decides and organ.in_force(self.before)):
                continue
            mapped = organ_in(self.old.id, self.new.id, organ.id, self.new)
            if mapped is None:
                continue
            try:
                old_rules = document_rules(self.old, organ.id, self.before, self.lib)
                if mapped not in after_rules:
                    after_rules[mapped] = run(document_rules(self.new, mapped, self.after, self.lib))
            except InputError:  # the organ takes no decisions that day, or no roster covers it
                continue
            found.append(ProofPair(organ.id, mapped, run(old_rules), after_rules[mapped]))
        return tuple(found)
