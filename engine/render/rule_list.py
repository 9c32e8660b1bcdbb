"""`vedtekt explain --list`: every rule id with one line each (the catalogues' `check.summary.<id>`)."""
from __future__ import annotations

import json

from engine.core.rules import rulebook
from engine.render.catalogue import catalogue, message, severity

NOT_MODELLED = "not-modelled"  # refused input (exit 2), not a rule of rules.yaml


def rule_ids() -> list[str]:
    """Every public rule id, in the order of engine/core/rules.yaml, then `not-modelled`."""
    ids = list(dict.fromkeys(r.id for r in rulebook().rules))
    return ids + [NOT_MODELLED] if NOT_MODELLED not in ids else ids


def summary(rule_id: str, lang: str) -> str:
    """The rule's one line; without a summary, its severity and citation from rules.yaml."""
    summaries = catalogue(lang)["messages"]["check"]["summary"]
    if rule_id in summaries:
        return summaries[rule_id]
    first = rulebook().by_id(rule_id)[0]
    citation = first.citation or message("check.list.citation-from-fact", lang)
    return message("check.list.no-summary", lang, {"severity": severity(first.severity, lang), "citation": citation})


def rule_list(lang: str = "nb", fmt: str = "text") -> str:
    rows = [(rule_id, summary(rule_id, lang)) for rule_id in rule_ids()]
    if fmt == "json":
        return json.dumps({"rules": [{"id": i, "summary": s} for i, s in rows]},
                          ensure_ascii=False, indent=2) + "\n"
    width = max(len(i) for i, _ in rows)
    return "".join(f"{i:<{width}}  {s}\n" for i, s in rows)
