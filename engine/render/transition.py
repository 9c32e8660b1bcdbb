"""The transition report as Markdown, HTML or JSON text, in bokmål or English.

The analysis (engine.analyses.transition) builds the report from ids, values and data text; every
sentence and heading here comes from the `transition` section of the message catalogues, so
`--lang en` words the same report in English. Data text (organ names, titles, clause quotes,
assumptions, citations) is printed as it is.
"""
from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from engine.analyses.transition.model import FirstDifference, Join, Phrase, Word
from engine.analyses.transition.proofs import TransitionProofs
from engine.render.verify import answer_json, quoted
from engine.core.finding import Finding
from engine.render.catalogue import message, word
from engine.render.report import finding_message

DASH = "–"


def say(value: Any, lang: str = "nb") -> Any:
    """`value` worded in `lang`: a Phrase, Word or Join as text, a finding as its message.

    >>> say(Word(group="transition-verdict", value="invalid"), "en")
    'invalid'
    >>> say(Phrase(message_id="transition.organ-renamed", args={"organ": "KU"}), "nb")
    'videreføres som KU'
    >>> say(Join(items=("a", Word(group="transition-right", value="vote")), sep="; "), "nb")
    'a; stemme'
    """
    if isinstance(value, Phrase):
        return message(value.message_id, lang, {k: _arg(v, lang) for k, v in value.args.items()})
    if isinstance(value, Word):
        return word(value.group, value.value, lang)
    if isinstance(value, Join):
        return value.sep.join(str(_arg(v, lang)) for v in value.items)
    if isinstance(value, Finding):
        return finding_message(value, lang)
    return value


def _arg(value: Any, lang: str) -> Any:
    return "" if value is None else say(value, lang)


def finding_json(f: Finding, lang: str) -> dict:
    """A finding of the report as JSON: rule, severity, clause, layer and the worded message."""
    return {"rule": f.rule, "severity": f.severity, "citation": f.citation, "layer": f.layer,
            "message": say(f, lang)}


def first_difference_json(d: FirstDifference | None, lang: str) -> dict | None:
    """The contract's shape of the first differing finding: where, rule, clause, message."""
    if d is None:
        return None
    f = d.finding
    return {"only_under": d.only_under, "rule": f.rule, "severity": f.severity, "case": f.location.case,
            "person": f.location.person, "citation": f.citation, "message": say(f, lang)}


def json_data(value: Any, lang: str = "nb") -> Any:
    """The report as JSON data: every model by its field aliases, every text worded in `lang`."""
    if isinstance(value, TransitionProofs):
        return proofs_json(value, lang)
    if isinstance(value, (Phrase, Word, Join)):
        return say(value, lang)
    if isinstance(value, Finding):
        return finding_json(value, lang)
    if isinstance(value, FirstDifference):
        return first_difference_json(value, lang)
    if isinstance(value, BaseModel):
        return {(info.alias or name): json_data(getattr(value, name), lang)
                for name, info in type(value).model_fields.items()}
    if isinstance(value, dict):
        return {k: json_data(v, lang) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_data(v, lang) for v in value]
    return value


def render(report, fmt: str, lang: str = "nb") -> str:
    if fmt == "json":
        return json.dumps(json_data(report, lang), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return to_html(report, lang)
    return to_markdown(report, lang)


def _cell(text) -> str:
    return str(text if text not in (None, "") else DASH).replace("|", "\\|").replace("\n", " ")


class _Words:
    """The report's sentences in one language: `t("md-organs")`, `t.say(phrase)`, `t.cell(text)`."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, name: str, **args) -> str:
        return message(f"transition.{name}", self.lang, args)

    def say(self, value) -> Any:
        return say(value, self.lang)

    def cell(self, value) -> str:
        return _cell(self.say(value))

    def table(self, columns: str) -> list[str]:
        """The header and the rule of a Markdown table whose columns the catalogue names."""
        names = [c.strip() for c in self(columns).split("|")]
        return ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]


def to_markdown(r, lang: str = "nb") -> str:
    t = _Words(lang)
    out = [f"# {t('md-title', before=r.from_, after=r.to)}", "",
           f"- {t('md-before', title=r.title_before, date=r.date_before)}",
           f"- {t('md-after', title=r.title_after, date=r.date_after)}",
           f"- {t('md-counts', compared=r.scenarios_compared, changed=len(r.changed_scenarios))}", ""]
    for section in (_organs, _who_sits, _rights, _rules, _leadership, _steps, _changed, _generated, _proofs_md):
        out += section(r, t)
    out += [f"## {t('md-assumptions')}", ""] + [f"{i}. {a}" for i, a in enumerate(r.assumptions, 1)]
    return "\n".join(out) + "\n"


def _organs(r, t: _Words) -> list[str]:
    out = [f"## {t('md-organs')}", ""] + t.table("md-organs-columns")
    for o in r.organs:
        status = word("transition-status", o.status, t.lang)
        out.append(f"| {status} | {_cell(o.name_before)} | {_cell(o.name_after)} | "
                   f"{o.members_before} → {o.members_after} | {t.cell(o.note)} |")
    return out + [""]


def _who_sits(r, t: _Words) -> list[str]:
    out = [f"### {t('md-who-sits')}", ""]
    for o in r.organs:
        if not (o.sits_before or o.sits_after):
            continue
        out.append(f"**{o.name_before or DASH} → {o.name_after or DASH}**")
        out += [f"- {t('md-sits-before', line=t.say(line))}" for line in o.sits_before]
        out += [f"- {t('md-sits-after', line=t.say(line))}" for line in o.sits_after]
        out.append("")
    return out


def _rights_text(t: _Words, rights) -> str:
    return _cell(", ".join(t.say(w) for w in rights))


def _rights(r, t: _Words) -> list[str]:
    out = [f"## {t('md-rights')}", ""] + t.table("md-rights-columns")
    for x in r.rights:
        mark = f" **{t('md-changed-mark')}**" if x.changed else ""
        out.append(f"| {_cell(x.organ_before)} → {_cell(x.organ_after)} | {t.cell(x.role_before)} | "
                   f"{_rights_text(t, x.rights_before)} | {t.cell(x.role_after)}{mark} | "
                   f"{_rights_text(t, x.rights_after)} | {_cell(x.assumption)} |")
    return out + [""]


def _rules(r, t: _Words) -> list[str]:
    out = [f"## {t('md-rules')}", ""] + t.table("md-rules-columns")
    for x in r.rules:
        topic = f"**{t.say(x.topic)}**" if x.changed else t.say(x.topic)
        out.append(f"| {topic} | {t.cell(x.before)} | {t.cell(x.after)} | {_cell(x.citation)} | "
                   f"{_cell(x.assumption)} |")
    return out + [""]


def _leadership(r, t: _Words) -> list[str]:
    out = [f"### {t('md-leadership')}", ""] + t.table("md-leadership-columns")
    for row in r.leadership:
        person = {k: t.say(row.get(k)) or DASH for k in ("leader_person", "vice_person")}
        lead = f"{row['leader']} ({person['leader_person']})" if row.get("leader") else t.cell(row.get("basis"))
        vice = f"{row['vice']} ({person['vice_person']})" if row.get("vice") else DASH
        out.append(f"| {row['document']} | {row['from']} | {row['to']} | {lead} | {vice} |")
    return out


def _steps(r, t: _Words) -> list[str]:
    if not r.steps:
        return []
    out = ["", f"## {t('md-steps')}", ""] + t.table("md-steps-columns")
    for s in r.steps:
        out.append(f"| {_cell(s.date)} | {_cell(s.who)} | {t.cell(s.what)} {_cell(s.source) if s.source else ''} | "
                   f"{_cell(s.citation)} | {t.cell(s.status)} | {_cell(s.open_question)} |")
    return out


def _side(t: _Words, which: str, verdict, side) -> str:
    cf = f" {t('md-counterfactual')}" if side.counterfactual else ""
    outcomes = ", ".join(f"{k} {v}" for k, v in side.outcomes.items())
    return t(f"md-side-{which}", verdict=t.say(verdict), bylaws=side.bylaws, organ=side.organ,
             counterfactual=cf, outcomes=outcomes)


def _changed(r, t: _Words) -> list[str]:
    out = ["", f"## {t('md-changed', changed=len(r.changed_scenarios), compared=r.scenarios_compared)}", ""]
    if not r.changed_scenarios:
        out.append(t("md-no-differences"))
    for c in r.changed_scenarios:
        out += [f"### {c.scenario}", f"{c.name} ({c.date})", "",
                f"- {_side(t, 'before', c.verdict_before, c.before)}",
                f"- {_side(t, 'after', c.verdict_after, c.after)}",
                f"- {t('md-explanation', text=t.say(c.explanation))}", ""]
    if r.scenarios_skipped:
        out += [t("md-not-compared"), ""] + [f"- {t.say(s)}" for s in r.scenarios_skipped] + [""]
    return out


def _generated(r, t: _Words) -> list[str]:
    if not r.generated:
        return []
    out = [f"## {t('md-generated')}", ""] + t.table("md-generated-columns")
    for g in r.generated:
        out.append(f"| {t.say(g.name)} ({g.organ_before} → {g.organ_after}, {g.date}) | {g.method} | "
                   f"{g.meetings} | {g.changed} | {t.cell(g.explanation)} |")
    for g in r.generated:
        for e in g.examples:
            d = first_difference_json(e.first_difference, t.lang) or {}
            out.append("- " + t("md-example", family=t.say(g.name), pattern=e.pattern, before=t.say(e.before),
                                after=t.say(e.after), outcome_before=e.outcome_before,
                                outcome_after=e.outcome_after, rule=d.get("rule", ""),
                                message=d.get("message", "")))
    return out + [""]


def proofs_json(proofs: TransitionProofs, lang: str) -> list[dict]:
    """Per organ pair, the properties whose answers differ, each side as `vedtekt verify --format
    json` has it under `properties` (null where that side has no such property)."""
    out = []
    for pair in proofs.pairs:
        sides = (pair.before.rules, pair.after.rules)
        out.append({"organ_before": pair.organ_before, "organ_after": pair.organ_after,
                    "date_before": _iso(sides[0].on), "date_after": _iso(sides[1].on),
                    "properties": [{"id": prop, **{side: None if a is None else answer_json(a, rules, lang)
                                                   for side, a, rules in zip(("before", "after"), pair.answers(prop), sides)}}
                                   for prop in pair.differing]})
    return out


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def proofs_view(r, lang: str) -> dict:
    """The proofs section as Markdown and HTML print it: per organ pair its heading and a row per
    differing property (each side's cell: status, answer, citation, assumption numbers), and each
    side's assumptions, numbered."""
    t = _Words(lang)
    if r.verify is None or not r.verify.pairs:
        return {"pairs": [], "none": t("verify-none")}
    pairs = []
    for pair in r.verify.pairs:
        sides = []
        for index, result in enumerate((pair.before, pair.after)):
            answers = [a for a in (pair.answers(p)[index] for p in pair.differing) if a is not None]
            rows, notes = quoted(answers, result.rules, lang)
            sides.append(({row["id"]: row for row in rows}, notes))
        rows = [{"id": p, "before": _verify_cell(t, sides[0][0].get(p)), "after": _verify_cell(t, sides[1][0].get(p))}
                for p in pair.differing]
        pairs.append({"heading": t("verify-pair", before=pair.before.rules.organ_name, date_before=_iso(pair.before.rules.on),
                                   after=pair.after.rules.organ_name, date_after=_iso(pair.after.rules.on)),
                      "rows": rows, "notes_before": sides[0][1], "notes_after": sides[1][1]})
    return {"pairs": pairs, "none": None}


def _verify_cell(t: _Words, row: dict | None) -> str:
    if row is None:
        return t("verify-missing")
    refs = t("verify-refs", refs=", ".join(map(str, row["refs"]))) if row["refs"] else ""
    return t("verify-cell", status=row["status_word"], message=row["message"], citation=row["citation"], refs=refs)


def _proofs_md(r, t: _Words) -> list[str]:
    view = proofs_view(r, t.lang)
    out = [f"## {t('verify-heading')}", "", t("verify-intro"), ""]
    if view["none"]:
        return out + [view["none"], ""]
    for pair in view["pairs"]:
        out += [f"### {pair['heading']}", ""]
        if not pair["rows"]:
            out += [t("verify-same"), ""]
            continue
        out += t.table("verify-columns")
        out += [f"| `{row['id']}` | {_cell(row['before'])} | {_cell(row['after'])} |" for row in pair["rows"]]
        for which in ("before", "after"):
            if pair[f"notes_{which}"]:
                out += ["", t(f"verify-assumptions-{which}"), ""]
                out += [f"{i}. {n}" for i, n in enumerate(pair[f"notes_{which}"], 1)]
        out.append("")
    return out


def to_html(r, lang: str = "nb") -> str:
    """One self-contained page (templates/transition.html.j2): every part of the report as a table,
    each sentence worded in `lang` (`say`), data text as it is."""
    from engine.render.html import render_page  # Jinja2 only when a page is asked for (cold start)

    return render_page("transition.html.j2", lang, r=r, say=lambda value: say(value, lang),
                       proofs=proofs_view(r, lang))
