"""The words of a finding: its message id and arguments, worded in the reader's language.

A finding's arguments are values (ids, numbers, dates, names from the data). Some sentences are
built from parts that are themselves sentences (a note appended to a finding, an organ's name
before it, a list of what is missing), so an argument may be one of these small structures,
worded in the same language as the sentence that holds it:

- `{"message": ID, "args": {...}}`: another message of the catalogue;
- `{"word": GROUP, "value": V}`: a word of the catalogue (`words.GROUP.V`);
- `{"items": [...], "sep": "; "}`: each item worded, joined by the separator;
- `{"decimal": 104.5}`: a number with the language's decimal mark (4 significant digits);
- `{"day-of-year": "2023-05-31"}`: a deadline in a year, «31.5.» in bokmål, the ISO date in English
  (the decimal mark and the date's pattern are the catalogue's word group `format`);
- `{"data": {"nb": ..., "en": ...}}`: the data's own words in both languages (a bylaws `Label`).

Everything else is used as it is. The structures are plain JSON, so a finding dumped to JSON can be
worded later, in either language.

A finding of `vedtekt check` (message ids `check.…`) words its values by name instead, because its
arguments are the facts' ids and values as the rules declare them: an argument named like a word
group `check-<name>` (a vote's value, a kind of deputy, a list of rights) holds an id (or a list of
ids) of that group, and the word may itself use the finding's other arguments.

>>> text("catalogue-demo", {"n": {"decimal": 2.5}}, "nb")
'2,5 scenarioer'
>>> text("catalogue-demo", {"n": {"decimal": 2.5}}, "en")
'2.5 scenarios'
"""
from __future__ import annotations

from datetime import date
from typing import Any

from engine.core.expected import Difference
from engine.core.finding import Finding
from engine.render.catalogue import catalogue, in_language, message, word


def text(message_id: str, args: dict[str, Any] | None, lang: str) -> str:
    """The message `message_id` in `lang`, each argument worded first."""
    return message(message_id, lang, {name: worded(value, lang) for name, value in (args or {}).items()})


def worded(value: Any, lang: str) -> Any:
    """One argument in words: a nested message, word, list or decimal; anything else as it is."""
    if isinstance(value, dict):
        if "message" in value:
            return text(value["message"], value.get("args"), lang)
        if "word" in value:
            return word(value["word"], value["value"], lang)
        if "items" in value:
            return value.get("sep", ", ").join(str(worded(item, lang)) for item in value["items"])
        if "decimal" in value:
            return f"{value['decimal']:.4g}".replace(".", word("format", "decimal-mark", lang))
        if "day-of-year" in value:
            return word("format", "day-of-year", lang).format(day=date.fromisoformat(value["day-of-year"]))
        if "data" in value:
            return in_language(value["data"], lang)
    return value


class UnwordableFinding(KeyError):
    """A finding whose message cannot be worded: an argument or a word id its message needs is not
    among its arguments (a verdict file edited by hand or written by something else: `vedtekt
    render` names its place; from the engine's own findings it is a bug)."""

    def __init__(self, finding: Finding, missing: str):
        super().__init__(missing)
        self.finding, self.missing = finding, missing


def finding_message(finding: Finding, lang: str) -> str:
    """The sentence of a finding in `lang`: the one wording helper of every command's findings."""
    try:
        args = _check_words(finding, lang) if finding.message_id.startswith("check.") else finding.args
        return text(finding.message_id, args, lang)
    except KeyError as exc:  # the argument or word id that is missing, as KeyError names it: 'organ_name'
        raise UnwordableFinding(finding, str(exc)) from None


def _check_words(finding: Finding, lang: str) -> dict[str, Any]:
    """The arguments of a `check` finding with each value of a `check-<name>` group worded (several
    ids joined by commas), e.g. `deputy_kind: fixed` → «den faste stedfortrederen»."""
    words = catalogue(lang)["words"]
    args: dict[str, Any] = dict(finding.args)
    for name, value in finding.args.items():
        group = words.get("check-" + name.replace("_", "-"))
        if group is None:
            continue
        ids = value if isinstance(value, (list, tuple)) else (value,)
        args[name] = ", ".join(group[i].format_map(finding.args) for i in ids)
    return args


def structural_finding_dict(finding: Finding, lang: str) -> dict[str, Any]:
    """A finding of `vedtekt authority check` as its JSON has it (rule, severity, citation,
    message, nodes), with the message id and arguments added to word it again later."""
    return {"rule": finding.rule, "severity": finding.severity, "citation": finding.citation,
            "message": finding_message(finding, lang), "nodes": list(finding.location.nodes),
            "message_id": finding.message_id, "args": finding.args, "quote": finding.quote}


def difference_message(d: Difference, lang: str) -> str:
    """One way a verdict differs from its scenario's `expected:` (catalogue `expected.<id>`), a
    case or person the difference has none of shown as «–»."""
    return text(f"expected.{d.message_id}", {k: "–" if v is None else v for k, v in d.args.items()}, lang)
