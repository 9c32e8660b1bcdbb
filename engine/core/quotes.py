"""The words of the clause a finding cites, where the rule's own fact does not carry them.

A rule whose clause is the council's takes its quote from the council's data through the fact
(`quote_field` in engine/core/rules.yaml). A rule that cites the statute takes the statute's words
from the statute data (bylaws/statute/): the provision with the finding's citation, else (a rule
citing a part of a provision, e.g. «§ 7-10 første ledd andre punktum») the provision that names the
rule in its `engine_rules`. A combined citation («…; kommuneloven § 11-2 tredje ledd») is tried part
by part. Never a text made up here: None when the data has no words for the clause.
"""
from __future__ import annotations

from functools import lru_cache

from engine.core.model import Statute


@lru_cache(maxsize=1024)  # a statute is frozen and hashable; each finding of a rule asks again
def statute_quote(statute: Statute | None, rule_id: str, citation: str) -> str | None:
    """The statute's words for `citation` as applied by the rule `rule_id`, from the statute data."""
    if statute is None:
        return None
    for part in [citation, *citation.split("; ")]:
        found = next((r.quote for r in statute.rules if r.citation == part and r.quote), None)
        if found:
            return found
    return next((r.quote for r in statute.rules if rule_id in r.engine_rules and r.quote), None)
