"""Render verdicts as text (Norwegian by default), Markdown or JSON. Returns strings; never prints.

A verdict holds no words: each finding's message is worded here, from the message catalogue of
the language asked (engine/messages/<lang>.yaml, message `check.<rule key>`), so the same
verdict prints in bokmål or English, now or later from its JSON (`vedtekt render`).
"""
from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import model_validator

from engine.core.base import Frozen
from engine.core.errors import InputError, Message, at, invalid
from engine.core.expected import Difference, ExpectedCheck
from engine.core.finding import Finding, Location, Severity
from engine.core.load import validate
from engine.core.safetext import md_escape as _md
from engine.core.safetext import quote, visible as _v
from engine.core.verdict import ScenarioVerdict
from engine.core.yamlio import Located
from engine.render.catalogue import DEFAULT_LANG, LANGS, catalogue, severity, severity_marker
from engine.render.finding_text import UnwordableFinding, difference_message, finding_message


def _report_words(lang: str) -> dict[str, str]:
    """The words around the data in the text and Markdown reports (catalogue `check.report`),
    the same words the HTML page uses."""
    return catalogue(lang)["messages"]["check"]["report"]


def _word(group: str, value: str, lang: str) -> str:
    """A value's word from `group`; a value the group does not know is printed as it is."""
    return catalogue(lang)["words"][group].get(value, value)


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
    if v.expected is not None:  # each difference worded too, with the id and arguments it is worded from
        data["expected"]["differences"] = [{**d.model_dump(), "message": difference_message(d, lang)}
                                           for d in v.expected.differences]
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
        self.fmt, self.lang = fmt, lang
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
            self.blocks.append(_scenario_text(v, self.lang))

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
        for block in self.blocks:
            yield block + "\n\n"
        yield _summary(self.valid, self.expected, self.lang) + "\n"


def to_text(verdicts: list[ScenarioVerdict], lang: str = "nb") -> str:
    blocks = [_scenario_text(v, lang) for v in verdicts]
    blocks.append(_verdicts_summary(verdicts, lang))
    return "\n\n".join(blocks) + "\n"


def _scenario_text(v: ScenarioVerdict, lang: str) -> str:
    # every field from the input goes through _v: no name, id or file name can add a line,
    # move the cursor or reverse the text (a forged «GYLDIG» line)
    w = _report_words(lang)
    head = f"{w['valid'] if v.valid else w['invalid']}  {_v(v.file)}\n  {_v(v.name)}\n" \
           f"  {w['organ']}: {_v(v.organ)}  {w['date']}: {v.date}  {w['bylaws']}: {_v(v.bylaws)}"
    lines = [head]
    meeting = [f for f in v.findings if f.case is None]
    if meeting:
        lines.append(f"  {w['meeting']}:")
        lines += [_finding_line(f, lang) for f in meeting]
    by_case: dict = {}
    for f in v.findings:  # grouped once: a scan per case is quadratic in cases × findings
        by_case.setdefault(f.case, []).append(f)
    for c in v.cases:
        t = c.votes
        lines.append(f"  {w['case']} {_v(c.id)}{' – ' + _v(c.title) if c.title else ''}: "
                     f"{w['outcome']} {_word('outcome', c.outcome, lang)} ({t.for_} {w['for']}, "
                     f"{t.against} {w['against']}, {t.blank} {w['blank']}, {t.rejected} {w['not-counted']})"
                     f"; {_word('check-report-status', c.decision_status, lang)}")
        lines += [_finding_line(f, lang) for f in by_case.get(c.id, ())]
    if v.assumptions:
        lines.append(f"  {w['assumptions']}:")
        lines += [f"    * {_v(a)}" for a in v.assumptions]
    if v.expected is not None:
        mark = w["expected-ok"] if v.expected.matches else w["expected-differs"]
        lines.append(f"  → {mark}")
        lines += [f"    - {_v(difference_message(d, lang))}" for d in v.expected.differences]
    return "\n".join(lines)


def _finding_line(f: Finding, lang: str) -> str:
    # issue 12: each error's effect on the decision (fvl. § 41 by analogy)
    effect = f"; {_word('check-report-effect', f.effect, lang)}" if f.effect else ""
    return (f"    {severity_marker(f.severity, lang)} {f.rule}: "
            f"{_v(finding_message(f, lang))}\n"
            f"        ({_v(f.citation)}; {_report_words(lang)['layer']}: "
            f"{_word('check-report-layer', f.layer, lang)}{effect})" + _quote_line(f))


def _quote_line(f: Finding) -> str:
    """The words of the cited clause (from the council's or the statute's data), under the citation."""
    return f"\n        «{_v(' '.join(f.quote.split()))}»" if f.quote else ""


def _summary(valid: list[bool], expected: list[bool], lang: str) -> str:
    """How many scenarios are valid, and how many verdicts match their `expected` (if any has one)."""
    w = _report_words(lang)
    text = w["summary"].format(n=len(valid), valid=sum(valid), invalid=len(valid) - sum(valid))
    if expected:
        text += "\n" + w["expected-summary"].format(matching=sum(expected), n=len(expected))
    return text


def _verdicts_summary(verdicts: list[ScenarioVerdict], lang: str) -> str:
    return _summary([v.valid for v in verdicts],
                    [v.expected.matches for v in verdicts if v.expected is not None], lang)


def to_markdown(verdicts: list[ScenarioVerdict], lang: str = "nb") -> str:
    w = _report_words(lang)
    out = []
    for v in verdicts:
        # user text through _md: Markdown and HTML in names, ids and titles stay literal text
        out.append(f"## {_md(v.name)}\n\n{_md(v.file)} · {w['organ']}: **{_md(v.organ)}** · "
                   f"{w['date']}: {v.date} · {w['bylaws']}: {_md(v.bylaws)}\n\n"
                   f"**{w['valid'] if v.valid else w['invalid']}**\n")
        # issue 12: which decisions stand, and each error's effect
        out.append(f"| {w['case']} | {w['outcome']} | {w['for']} | {w['against']} | {w['blank']} | "
                   f"{w['not-counted']} | {w['decision']} |\n|---|---|---|---|---|---|---|")
        for c in v.cases:
            out.append(f"| {_md(c.id)} | {_word('outcome', c.outcome, lang)} | {c.votes.for_} | "
                       f"{c.votes.against} | {c.votes.blank} | {c.votes.rejected} | "
                       f"{_word('check-report-status', c.decision_status, lang)} |")
        if v.findings:
            out.append("")
            for f in v.findings:
                where = f" ({w['case']} {_md(f.case)})" if f.case else ""
                effect = f" ({_word('check-report-effect', f.effect, lang)})" if f.effect else ""
                out.append(f"- **{severity(f.severity, lang)}** `{f.rule}`{where}: "
                           f"{_md(finding_message(f, lang))} — *{_md(f.citation)}*{effect}"
                           + (f" «{_md(' '.join(f.quote.split()))}»" if f.quote else ""))
        if v.assumptions:
            out.append(f"\n{w['assumptions']}:\n")
            out += [f"- {_md(a)}" for a in v.assumptions]
        if v.expected is not None:  # as the text report: the mark, then each difference
            out.append(f"\n→ {w['expected-ok'] if v.expected.matches else w['expected-differs']}\n")
            out += [f"- {_md(difference_message(d, lang))}" for d in v.expected.differences]
        out.append("")
    out.append(_verdicts_summary(verdicts, lang))
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
    def _a_check_message(self):
        """A message id of the check section (the catalogues hold the same ids in every language);
        whether its arguments word it is found when it is worded, once, by `render_saved`."""
        section, _, key = self.message_id.partition(".")
        if section != "check" or key not in catalogue(DEFAULT_LANG)["messages"]["check"]:
            raise invalid("errors.unknown-check-message", id=self.message_id)
        return self

    def as_finding(self) -> Finding:
        data = self.model_dump(exclude={"case", "person", "message"})
        return Finding(**data, location=Location(case=self.case, person=self.person))


class DifferenceJson(Difference):
    """A difference from `expected:` as printed: the worded message is read and ignored (it is
    worded again, in the language asked). A verdict saved before differences were ids holds each
    as a bokmål sentence: it is kept as saved (`as-saved`)."""

    message: str

    @model_validator(mode="before")
    @classmethod
    def _a_saved_sentence(cls, data):
        if isinstance(data, str):
            return {"message_id": "as-saved", "args": {"text": data}, "message": data}
        return data

    @model_validator(mode="after")
    def _an_expected_message(self):
        if self.message_id not in catalogue(DEFAULT_LANG)["messages"]["expected"]:
            raise invalid("errors.unknown-check-message", id=self.message_id)
        for lang in LANGS:  # worded once in each language here, so printing it cannot fail later
            try:
                difference_message(self, lang)
            except (KeyError, IndexError, ValueError) as exc:  # an argument or word the message needs
                raise invalid("errors.message-not-wordable", id=self.message_id, missing=str(exc)) from None
        return self


class ExpectedJson(Frozen):
    matches: bool
    differences: tuple[DifferenceJson, ...] = ()

    def as_expected(self) -> ExpectedCheck:
        return ExpectedCheck(matches=self.matches, differences=tuple(
            Difference(message_id=d.message_id, args=d.args) for d in self.differences))


class ScenarioJson(ScenarioVerdict):
    """A verdict as `check --format json` prints it: the verdict's fields, its findings and
    differences as printed."""

    findings: tuple[FindingJson, ...]
    expected: ExpectedJson | None = None

    def as_verdict(self) -> ScenarioVerdict:
        data = {name: getattr(self, name) for name in ScenarioVerdict.model_fields
                if name not in ("findings", "expected")}
        return ScenarioVerdict(**data, findings=tuple(f.as_finding() for f in self.findings),
                               expected=self.expected.as_expected() if self.expected else None)


class CheckJson(Frozen):
    """The document `vedtekt check --format json` prints."""

    scenarios: tuple[ScenarioJson, ...]


def verdicts_from_json(located: Located) -> list[ScenarioVerdict]:
    """The verdicts of a `check --format json` document, ids and arguments as they are (an
    InputError naming the key path of anything that is not one)."""
    return [s.as_verdict() for s in validate(located, CheckJson).scenarios]


def render_saved(located: Located, fmt: str, lang: str = DEFAULT_LANG) -> str:
    """A verdict document of `check --format json` as `check --format fmt --lang lang` prints it
    (`vedtekt render`): parsed to ids and arguments, then worded once, here. A finding whose
    message cannot be worded from its arguments is refused at its key path (exit 2)."""
    verdicts = verdicts_from_json(located)
    try:
        if fmt == "html":  # the page of `vedtekt check --format html` (Jinja2 only for a page)
            from engine.render.html import check_page

            return check_page(verdicts, lang)
        return render(verdicts, fmt, lang)
    except UnwordableFinding as exc:
        raise _unwordable_at(located, verdicts, exc) from None


def _unwordable_at(located: Located, verdicts: list[ScenarioVerdict], exc: UnwordableFinding) -> InputError:
    """The refusal of a finding that cannot be worded, at its key path (scenarios.I.findings.J)."""
    path = next(("scenarios", i, "findings", j) for i, v in enumerate(verdicts)
                for j, f in enumerate(v.findings) if f is exc.finding)
    problem = Message("errors.message-not-wordable", {"id": exc.finding.message_id, "missing": exc.missing})
    return InputError("errors.invalid-value", {"problem": problem}, file=located.file,
                      where=at(located.line_of(path), quote(".".join(map(str, path)))))


def render(verdicts: list[ScenarioVerdict], fmt: str, lang: str = "nb") -> str:
    """The report of `vedtekt check --format fmt --lang lang` for these verdicts."""
    if fmt == "markdown":
        return to_markdown(verdicts, lang)
    rendered = Rendered(fmt, lang)
    for v in verdicts:
        rendered.add(v)
    return rendered.text()
