"""The transition report's models: ids, values and data text, never a sentence of our own.

A sentence the report makes (a note, a topic, an explanation) is a `Phrase`: a message id of the
`transition` section of the catalogues with its arguments; a value worded by a word table is a
`Word`; a list the reader sees as one text is a `Join`. engine/render/transition.py words them in
the language asked, so one report can be printed in bokmål or English. Text that is data (organ
names, titles, clause quotes, assumptions, citations) stays a plain string.
"""
from __future__ import annotations

from typing import Any, Literal, Union

from pydantic import Field

from engine.core.base import Frozen
from engine.core.finding import Finding


class Phrase(Frozen):
    """A sentence: a dotted message id (`transition.…`) and its arguments (values, Phrases, Words)."""

    message_id: str
    args: dict[str, Any] = {}


class Word(Frozen):
    """A value worded by a word table of the catalogues (`words.<group>.<value>`)."""

    group: str
    value: str


class Join(Frozen):
    """Several texts read as one, with a separator (punctuation, the same in every language)."""

    items: tuple[Any, ...]
    sep: str = ", "


Text = Union[str, Phrase, Word, Join]


def phrase(key: str, /, **args: Any) -> Phrase:
    """A Phrase of the transition section: `phrase("organ-renamed", organ="KU")`."""
    return Phrase(message_id=f"transition.{key}", args=args)


def verdict_word(valid: bool) -> Word:
    return Word(group="transition-verdict", value="valid" if valid else "invalid")


class FirstDifference(Frozen):
    """The first finding (in report order) that one verdict has and the other lacks."""

    only_under: Literal["before", "after"]
    finding: Finding


class SideResult(Frozen):
    bylaws: str
    organ: str
    valid: bool
    outcomes: dict[str, str]
    findings: int
    counterfactual: bool


class ChangedScenario(Frozen):
    scenario: str
    name: str
    date: str
    verdict_before: Word
    verdict_after: Word
    before: SideResult
    after: SideResult
    first_difference: FirstDifference | None
    explanation: Join


class GeneratedExample(Frozen):
    pattern: str
    before: Word
    after: Word
    outcome_before: str | None
    outcome_after: str | None
    first_difference: FirstDifference | None


class GeneratedFamily(Frozen):
    name: Phrase
    organ_before: str
    organ_after: str
    date: str
    case_kind: str
    method: Literal["exhaustive", "sampled"]  # sampled: a seeded random sample
    meetings: int
    changed: int
    examples: tuple[GeneratedExample, ...] = ()
    explanation: Text = ""


class OrganChange(Frozen):
    status: Literal["ceases", "continues", "renamed", "new", "unknown"]
    before: str | None
    after: str | None
    name_before: str | None
    name_after: str | None
    members_before: int
    members_after: int
    sits_before: tuple[Phrase, ...]
    sits_after: tuple[Phrase, ...]
    note: Text = ""


class RightsRow(Frozen):
    organ_before: str | None
    organ_after: str | None
    role_before: Text | None
    role_after: Text | None
    rights_before: tuple[Word, ...]
    rights_after: tuple[Word, ...]
    changed: bool
    assumption: str | None = None


class RuleChange(Frozen):
    topic: Text
    before: Text
    after: Text
    citation: str
    changed: bool
    assumption: str | None = None


class LegalStep(Frozen):
    date: str
    who: str
    what: Text
    citation: str
    status: Text
    source: str | None = None
    open_question: str | None = None
    finding: Finding | None = None  # the step's check, where the engine checks it (the name)


class TransitionReport(Frozen):
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
    scenarios_skipped: tuple[Phrase, ...]
    changed_scenarios: tuple[ChangedScenario, ...]
    generated: tuple[GeneratedFamily, ...]
    assumptions: tuple[str, ...]
    # added by issue 16: `vedtekt verify`'s answers that differ between the old and the new
    # council (engine.analyses.transition.proofs.TransitionProofs, proved when first read), or None
    verify: Any = None


def person_name(people: dict, person: str | None) -> Text:
    """A person's name from the roster (`people`: id → Person), a fictional one marked as such."""
    if person is None:
        return phrase("nobody")
    p = people.get(person)
    if p is None:
        return person
    return phrase("person-fictional", name=p.name) if p.fictional else p.name
