"""Inputs built to hurt (issue 17): generators of large and hostile scenarios and drafts.

Used by `tools/hostile.py` (the campaign, a hang detector in CI), by `vedtekt bench --scale`
(10,000 cases in one file) and by the tests. Every generator is deterministic: a size in, the
same text out.
"""
from __future__ import annotations

import json

MAYORS = ("enebakk", "frogn", "nesodden", "nordre-follo", "vestby", "as")
DATE = "2021-02-12"


def _mayor(participant: str) -> str:
    return f"{participant}-2019-fsk-a1"


def _yaml(data: dict) -> str:
    """YAML text of `data` (JSON is YAML; fast to write at any size and exact)."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def many_cases(n: int, *, title: str = "Sak") -> str:
    """A Follorådet meeting of all six mayors with `n` cases, each voted on by all six."""
    mayors = [_mayor(p) for p in MAYORS]
    cases = [{"id": f"{i + 1}/21", "title": f"{title} {i + 1}",
              "votes": {"for": mayors[: 4 + i % 3], "against": mayors[4 + i % 3:]}}
             for i in range(n)]
    return _yaml({"name": f"Follorådet med {n} saker", "organ": "folloradet", "date": DATE,
                  "chair": mayors[1], "attendance": [{"person": m} for m in mayors],
                  "cases": cases})
