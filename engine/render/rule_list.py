"""`vedtekt explain --list`: every rule id with one line each (engine/render/rule_summaries.yaml)."""
from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from engine.core.rules import rulebook
from engine.core.yamlio import load_yaml

SUMMARIES_FILE = Path(__file__).with_name("rule_summaries.yaml")
NOT_MODELLED = "not-modelled"  # refused input (exit 2), not a rule of rules.yaml


@cache
def summaries() -> dict[str, dict[str, str]]:
    return load_yaml(SUMMARIES_FILE).data


def rule_ids() -> list[str]:
    """Every public rule id, in the order of engine/core/rules.yaml, then `not-modelled`."""
    ids = list(dict.fromkeys(r.id for r in rulebook().rules))
    return ids + [NOT_MODELLED] if NOT_MODELLED not in ids else ids


def summary(rule_id: str, lang: str) -> str:
    """The rule's one line; without a summary, its severity and citation from rules.yaml."""
    if rule_id in summaries():
        return summaries()[rule_id][lang]
    first = rulebook().by_id(rule_id)[0]
    source = first.citation or ("hjemmel fra faktum" if lang == "nb" else "citation from the fact")
    return f"({first.severity}; {source})"


def rule_list(lang: str = "nb", fmt: str = "text") -> str:
    rows = [(rule_id, summary(rule_id, lang)) for rule_id in rule_ids()]
    if fmt == "json":
        return json.dumps({"rules": [{"id": i, "summary": s} for i, s in rows]},
                          ensure_ascii=False, indent=2) + "\n"
    width = max(len(i) for i, _ in rows)
    return "".join(f"{i:<{width}}  {s}\n" for i, s in rows)
