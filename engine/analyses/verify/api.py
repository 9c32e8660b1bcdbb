"""`verify`: choose the decision rules (council, organ, date; or a draft), run the properties,
write the counterexamples. Returns data; engine/cli/verify.py renders it."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from engine.core.errors import InputError, Message, NotModelled, did_you_mean, modelled_periods, unknown_id
from engine.analyses.verify.rules import CouncilRules


@dataclass(eq=False)  # hashed by identity: a review or transition report holds one
class Result:
    rules: CouncilRules
    answers: list
    ranges: list = field(default_factory=list)
    files: list = field(default_factory=list)

    @property
    def all_hold(self) -> bool:
        return all(a.status == "holds" for a in self.answers + self.ranges)


def council_rules(council: str | None, organ: str | None, on: date) -> CouncilRules:
    """The rules of `organ` (default: the supreme organ) of the council's document in force on `on`."""
    from engine.core.library import library

    lib = library()
    docs = list(lib.documents.values())
    councils = sorted({d.council for d in docs})
    if council is not None and council not in councils:
        raise InputError("errors.unknown-council", {"id": council}, where="--council", hint=did_you_mean(council, councils))
    docs = [d for d in docs if council is None or d.council == council]
    if organ is not None:
        organs = sorted({o.id for d in docs for o in d.organs})
        if organ not in organs:
            raise unknown_id("organ", organ, organs, where="--organ")
        docs = [d for d in docs if any(o.id == organ for o in d.organs)]
    in_force = [d for d in docs if d.in_force(on)]
    if not in_force:
        raise NotModelled("errors.no-bylaws-on", {"date": on}, where="--date", hint=modelled_periods(docs))
    if len(in_force) > 1:
        raise InputError("errors.several-councils", {"date": on, "ids": [d.id for d in in_force]},
                         where="--council", hint=Message("errors.hint/give-option", {"option": "--council"}))
    return document_rules(in_force[0], organ, on, lib)


def document_rules(doc, organ: str | None, on: date, lib=None) -> CouncilRules:
    """The rules of `organ` (default: the supreme organ) of the bylaws document `doc` on `on`,
    as `vedtekt verify` reads them (also for the transition report's two councils)."""
    from engine.core.library import library
    from engine.analyses.verify.rules import from_document

    lib = lib or library()
    if organ is None:
        organ = next((o.id for o in doc.organs if o.supreme and o.in_force(on)), None)
        if organ is None:
            raise InputError("errors.no-supreme-organ", {"id": doc.id}, where="--organ",
                             hint=Message("errors.hint/give-option", {"option": "--organ"}))
    chosen = doc.organ(organ)
    if not chosen.in_force(on) or not chosen.decides:
        raise InputError("errors.organ-does-not-decide", {"organ": chosen.name, "date": on}, where="--organ")
    statute = lib.statute_for(doc)
    if statute is None:
        raise InputError("errors.no-statute", {"id": doc.id}, where="statute")
    rules = from_document(doc, statute, organ, on)
    if rules.n == 0:
        raise InputError("errors.no-voting-seats", {"organ": chosen.name, "date": on}, where="--organ",
                         hint=Message("errors.hint/roster-date"))
    return rules


def run(rules: CouncilRules, wanted: set[str] | None = None, declared_file: Path | None = None,
        counterexamples: Path | None = None, describe: Callable[[object], str] | None = None) -> Result:
    """The answers; with `counterexamples`, each failing property's meeting written there, its
    description the answer worded by `describe` (the renderer's, in bokmål: a scenario file's
    language)."""
    from engine.analyses.verify import declared as declared_props
    from engine.analyses.verify.properties import builtin, declared

    own = declared_props.load(rules, declared_file)  # bad input fails before any proof
    answers = builtin(rules, wanted)
    answers += [declared(rules, prop) for prop in own if wanted is None or prop.id in wanted]
    result = Result(rules, answers)
    if counterexamples is not None:
        write_counterexamples(result, counterexamples, describe=describe)
    return result


def write_counterexamples(result: Result, folder: Path, witnesses: bool = False,
                          describe: Callable[[object], str] | None = None) -> None:
    """Each counterexample as a scenario file; with `witnesses`, also the meetings that show a
    number (e.g. the smallest group that can adopt) for properties that hold. `describe` words
    an answer for the file's description (the words live in the render layer's catalogues;
    without it the description names the property only)."""
    from engine.analyses.verify.meetings import scenario, write

    rules = result.rules
    for answer in result.answers:
        pattern = answer.counterexample or (answer.witness if witnesses else None)
        if pattern is None or not rules.ids:
            continue
        suffix = "" if answer.counterexample is not None else "-vitne"
        name = f"{rules.document}-{rules.organ}-{answer.id.replace(':', '-')}{suffix}"
        data = scenario(rules, answer.kind, pattern, answer.id, describe(answer) if describe else answer.id)
        path = write(folder, name, data)
        if answer.counterexample is not None:
            answer.counterexample_file = str(path)
        result.files.append(path)
