"""The statutory defaults a draft falls back on where it is silent, read from the statute data
(bylaws/statute/kommuneloven-2018.yaml), not written into the review's code."""
from __future__ import annotations

from fractions import Fraction
from functools import cache


@cache
def _rules() -> dict:
    from engine.core.library import library

    statute = library().statutes["kommuneloven-2018"]
    return {r.id: r for r in statute.rules}


def quorum_fraction() -> Fraction:
    """§ 11-9 første ledd: at least half of the members present and voting."""
    return Fraction(_rules()["quorum"].parameters["fraction"])


def amendment_majority() -> Fraction:
    """§ 18-4 tredje ledd: other amendments by at least 2/3 of the votes cast, unless agreed otherwise."""
    return Fraction(_rules()["ipr-amendment"].parameters["majority"])
