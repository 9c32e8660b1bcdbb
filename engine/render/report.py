"""Render verdicts as text (Norwegian by default), Markdown or JSON. Returns strings; never prints.

A verdict holds no words: each finding's message is worded here, from the message catalogue of
the language asked (engine/render/messages/<lang>.yaml, message `check.<rule key>`), so the same
verdict prints in bokmål or English, now or later from its JSON (`vedtekt render`).
"""
from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import model_validator

from engine.core.base import Frozen
from engine.core.errors import invalid
from engine.core.finding import Finding, Location, Severity
from engine.core.load import validate
from engine.core.safetext import md_escape as _md
from engine.core.safetext import visible as _v
from engine.core.verdict import ScenarioVerdict
from engine.core.yamlio import Located
from engine.render.catalogue import LANGS, catalogue, message

_WORDS = {
    "nb": {"valid": "GYLDIG", "invalid": "UGYLDIG", "case": "Sak", "outcome": "utfall",
           "adopted": "vedtatt", "rejected": "falt", "not_decided": "ikke avgjort", "no_vote": "ingen votering",
           "for": "for", "against": "mot", "blank": "blanke", "rejected_votes": "ikke talt",
           "error": "FEIL", "warning": "ADVARSEL", "info": "INFO", "bylaws": "Vedtekter",
           "assumptions": "Forutsetninger (ikke i kildene)", "checked": "Kontrollerte regler",
           "summary": "{n} scenarioer: {ok} gyldige, {bad} ugyldige",
           "expected_ok": "samsvarer med forventet dom", "expected_bad": "AVVIKER fra forventet dom",
           "expected_sum": "{m} av {n} scenarioer med forventet dom samsvarer",
           "meeting": "Møtet", "organ": "Organ", "date": "Dato", "layer": "lag",
           "layers": {"statute-mandatory": "lov, ufravikelig", "bylaws": "vedtektene",
                      "statute-default": "lov, gjelder om ikke vedtektene sier annet"}},
    "en": {"valid": "VALID", "invalid": "INVALID", "case": "Case", "outcome": "outcome",
           "adopted": "adopted", "rejected": "rejected", "not_decided": "not decided", "no_vote": "no vote",
           "for": "for", "against": "against", "blank": "blank", "rejected_votes": "not counted",
           "error": "ERROR", "warning": "WARNING", "info": "INFO", "bylaws": "Bylaws",
           "assumptions": "Assumptions (not in the sources)", "checked": "Rules checked",
           "summary": "{n} scenarios: {ok} valid, {bad} invalid",
           "expected_ok": "matches the expected verdict", "expected_bad": "DIFFERS from the expected verdict",
           "expected_sum": "{m} of {n} scenarios with an expected verdict match",
           "meeting": "The meeting", "organ": "Organ", "date": "Date", "layer": "layer",
           "layers": {"statute-mandatory": "statute, mandatory", "bylaws": "bylaws",
                      "statute-default": "statute, unless the bylaws say otherwise"}},
}


def finding_message(f: Finding, lang: str = "nb") -> str:
    """The finding's sentence in `lang`. An argument that is an id of a word group `check-<name>`
    (a vote's value, a kind of deputy, a list of rights) is worded first; a word may itself use
    the finding's other arguments (e.g. how many times a vote was recorded)."""
    words = catalogue(lang)["words"]
    args: dict[str, Any] = dict(f.args)
    for name, value in f.args.items():
        group = words.get("check-" + name.replace("_", "-"))
        if group is None:
            continue
        ids = value if isinstance(value, (list, tuple)) else (value,)
        args[name] = ", ".join(group[i].format_map(f.args) for i in ids)
    return message(f.message_id, lang, args)


def finding_json(f: Finding, lang: str = "nb") -> dict:
    """One finding in the contract's shape, its message worded in `lang`; `message_id` and `args`
    let it be worded again in another language."""
    return {"rule": f.rule, "severity": f.severity, "case": f.case, "person": f.person,
            "citation": f.citation, "layer": f.layer, "message": finding_message(f, lang),
            "facts": f.facts, "assumptions": list(f.assumptions), "effect": f.effect,
            "message_id": f.message_id, "args": f.args, "quote": f.quote}


def scenario_json(v: ScenarioVerdict, lang: str = "nb") -> dict:
    """One scenario's object of `vedtekt check --format json` (contract.md)."""
    data = v.model_dump(by_alias=True, exclude_none=False, exclude={"findings"})
    data["findings"] = [finding_json(f, lang) for f in v.findings]
    order = ("file", "name", "date", "organ", "bylaws", "valid", "findings", "cases", "checked_rules",
             "assumptions", "expected")
    return {key: data[key] for key in order}


def to_json(verdicts: list[ScenarioVerdict], lang: str = "nb") -> str:
    return json.dumps({"scenarios": [scenario_json(v, lang) for v in verdicts]}, ensure_ascii=False, indent=2)


class Rendered:
    """A report built one verdict at a time, keeping only the rendered text and what the summary
    needs, so that checking 10,000 scenarios does not hold 10,000 verdict objects. `text()` is
    exactly what to_text / to_json give for the same verdicts."""

    def __init__(self, fmt: str, lang: str = "nb"):
        self.fmt, self.lang, self.words = fmt, lang, _WORDS[lang]
        self.blocks: list[str] = []
        self.valid: list[bool] = []
        self.expected: list[bool] = []

    def add(self, v: ScenarioVerdict) -> None:
        self.valid.append(v.valid)
        if v.expected is not None:
            self.expected.append(v.expected.matches)
        if self.fmt == "json":
            item = json.dumps(scenario_json(v, self.lang), ensure_ascii=False, indent=2)
            self.blocks.append("    " + item.replace("\n", "\n    "))
        else:
            self.blocks.append(_scenario_text(v, self.words, self.lang))

    def text(self) -> str:
        return "".join(self.chunks())

    def chunks(self):
        """The report in pieces (no copy of the whole report is made)."""
        if self.fmt == "json":
            if not self.blocks:
                yield json.dumps({"scenarios": []}, ensure_ascii=False, indent=2)
                return
            yield '{\n  "scenarios": [\n'
            for i, block in enumerate(self.blocks):
                yield (",\n" if i else "") + block
            yield "\n  ]\n}"
            return
        w, ok, n = self.words, sum(self.valid), len(self.valid)
        for block in self.blocks:
            yield block + "\n\n"
        summary = w["summary"].format(n=n, ok=ok, bad=n - ok)
        if self.expected:
            summary += "\n" + w["expected_sum"].format(m=sum(self.expected), n=len(self.expected))
        yield summary + "\n"


def to_text(verdicts: list[ScenarioVerdict], lang: str = "nb") -> str:
    w = _WORDS[lang]
    blocks = [_scenario_text(v, w, lang) for v in verdicts]
    blocks.append(_summary(verdicts, w))
    return "\n\n".join(blocks) + "\n"


def _scenario_text(v: ScenarioVerdict, w: dict, lang: str) -> str:
    # every field from the input goes through _v: no name, id or file name can add a line,
    # move the cursor or reverse the text (a forged «GYLDIG» line)
    head = f"{w['valid'] if v.valid else w['invalid']}  {_v(v.file)}\n  {_v(v.name)}\n" \
           f"  {w['organ']}: {_v(v.organ)}  {w['date']}: {v.date}  {w['bylaws']}: {_v(v.bylaws)}"
    lines = [head]
    meeting = [f for f in v.findings if f.case is None]
    if meeting:
        lines.append(f"  {w['meeting']}:")
        lines += [_finding_line(f, w, lang) for f in meeting]
    by_case: dict = {}
    for f in v.findings:  # grouped once: a scan per case is quadratic in cases × findings
        by_case.setdefault(f.case, []).append(f)
    for c in v.cases:
        t = c.votes
        lines.append(f"  {w['case']} {_v(c.id)}{' – ' + _v(c.title) if c.title else ''}: "
                     f"{w['outcome']} {w[c.outcome]} ({t.for_} {w['for']}, {t.against} {w['against']}, "
                     f"{t.blank} {w['blank']}, {t.rejected} {w['rejected_votes']})"
                     f"; {_STATUS[w['valid']][c.decision_status]}")
        lines += [_finding_line(f, w, lang) for f in by_case.get(c.id, ())]
    if v.assumptions:
        lines.append(f"  {w['assumptions']}:")
        lines += [f"    * {_v(a)}" for a in v.assumptions]
    if v.expected is not None:
        mark = w["expected_ok"] if v.expected.matches else w["expected_bad"]
        lines.append(f"  → {mark}")
        lines += [f"    - {_v(d)}" for d in v.expected.differences]
    return "\n".join(lines)


# issue 12: which decisions stand (fvl. § 41 by analogy); keyed by the language's word for "valid"
_STATUS = {
    "GYLDIG": {"valid": "vedtaket står", "invalid": "vedtaket er ugyldig",
               "valid-despite-error": "vedtaket står til tross for feil (feilen kan ikke ha virket inn)",
               "may-have-affected": "kan ha virket inn på vedtaket", "no-effect": "kan ikke ha virket inn",
               "column": "vedtaket"},
    "VALID": {"valid": "the decision stands", "invalid": "the decision is invalid",
              "valid-despite-error": "the decision stands despite the error (it cannot have affected it)",
              "may-have-affected": "may have affected the decision", "no-effect": "cannot have affected it",
              "column": "decision"},
}


def _finding_line(f: Finding, w: dict, lang: str) -> str:
    layer = w["layers"].get(f.layer, f.layer)
    effect = f"; {_STATUS[w['valid']][f.effect]}" if f.effect else ""
    return (f"    [{w[f.severity]}] {f.rule}: {_v(finding_message(f, lang))}\n"
            f"        ({_v(f.citation)}; {w['layer']}: {layer}{effect})" + _quote_line(f))


def _quote_line(f: Finding) -> str:
    """The words of the cited clause (from the council's or the statute's data), under the citation."""
    return f"\n        «{_v(' '.join(f.quote.split()))}»" if f.quote else ""


def _summary(verdicts: list[ScenarioVerdict], w: dict) -> str:
    ok = sum(v.valid for v in verdicts)
    text = w["summary"].format(n=len(verdicts), ok=ok, bad=len(verdicts) - ok)
    with_exp = [v for v in verdicts if v.expected is not None]
    if with_exp:
        text += "\n" + w["expected_sum"].format(m=sum(v.expected.matches for v in with_exp),
                                                n=len(with_exp))
    return text


def to_markdown(verdicts: list[ScenarioVerdict], lang: str = "nb") -> str:
    w = _WORDS[lang]
    out = []
    for v in verdicts:
        # user text through _md: Markdown and HTML in names, ids and titles stay literal text
        out.append(f"## {_md(v.name)}\n\n{_md(v.file)} · {w['organ']}: **{_md(v.organ)}** · "
                   f"{w['date']}: {v.date} · {w['bylaws']}: {_md(v.bylaws)}\n\n"
                   f"**{w['valid'] if v.valid else w['invalid']}**\n")
        status = _STATUS[w["valid"]]  # issue 12: which decisions stand, and each error's effect
        out.append(f"| {w['case']} | {w['outcome']} | {w['for']} | {w['against']} | {w['blank']} | "
                   f"{w['rejected_votes']} | {status['column']} |\n|---|---|---|---|---|---|---|")
        for c in v.cases:
            out.append(f"| {_md(c.id)} | {w[c.outcome]} | {c.votes.for_} | {c.votes.against} | "
                       f"{c.votes.blank} | {c.votes.rejected} | {status[c.decision_status]} |")
        if v.findings:
            out.append("")
            for f in v.findings:
                where = f" ({w['case']} {_md(f.case)})" if f.case else ""
                out.append(f"- **{w[f.severity]}** `{f.rule}`{where}: {_md(finding_message(f, lang))} — "
                           f"*{_md(f.citation)}*" + (f" ({status[f.effect]})" if f.effect else "")
                           + (f" «{_md(' '.join(f.quote.split()))}»" if f.quote else ""))
        if v.assumptions:
            out.append(f"\n{w['assumptions']}:\n")
            out += [f"- {_md(a)}" for a in v.assumptions]
        out.append("")
    out.append(_summary(verdicts, w))
    return "\n".join(out) + "\n"


# -- reading a verdict back (vedtekt render) -----------------------------------------------------
class FindingJson(Frozen):
    """A finding as `check --format json` prints it: the worded message is read and ignored (it is
    worded again, in the language asked, from `message_id` and `args`)."""

    rule: str
    severity: Severity
    case: str | None = None
    person: str | None = None
    citation: str
    layer: str | None = None
    message: str
    facts: dict[str, Any] = {}
    assumptions: tuple[str, ...] = ()
    effect: Literal["may-have-affected", "no-effect"] | None = None
    message_id: str
    args: dict[str, Any] = {}
    quote: str | None = None

    @model_validator(mode="after")
    def _wordable(self):
        """A message id of the check section whose arguments are all there, in both languages."""
        section, _, key = self.message_id.partition(".")
        if section != "check" or key not in catalogue("nb")["messages"]["check"]:
            raise invalid("errors.unknown-check-message", id=self.message_id)
        finding = self.as_finding()
        for lang in LANGS:
            try:
                finding_message(finding, lang)
            except KeyError as exc:  # an argument or a word id the message needs is not there
                raise invalid("errors.message-not-wordable", id=self.message_id, missing=str(exc)) from None
        return self

    def as_finding(self) -> Finding:
        data = self.model_dump(exclude={"case", "person", "message"})
        return Finding(**data, location=Location(case=self.case, person=self.person))


class ScenarioJson(ScenarioVerdict):
    """A verdict as `check --format json` prints it: the verdict's fields, its findings as printed."""

    findings: tuple[FindingJson, ...]

    def as_verdict(self) -> ScenarioVerdict:
        data = {name: getattr(self, name) for name in ScenarioVerdict.model_fields if name != "findings"}
        return ScenarioVerdict(**data, findings=tuple(f.as_finding() for f in self.findings))


class CheckJson(Frozen):
    """The document `vedtekt check --format json` prints."""

    scenarios: tuple[ScenarioJson, ...]


def verdicts_from_json(located: Located) -> list[ScenarioVerdict]:
    """The verdicts of a `check --format json` document (an InputError naming the key path of
    anything that is not one)."""
    return [s.as_verdict() for s in validate(located, CheckJson).scenarios]


def render(verdicts: list[ScenarioVerdict], fmt: str, lang: str = "nb") -> str:
    """The report of `vedtekt check --format fmt --lang lang` for these verdicts."""
    if fmt == "markdown":
        return to_markdown(verdicts, lang)
    rendered = Rendered(fmt, lang)
    for v in verdicts:
        rendered.add(v)
    return rendered.text()
