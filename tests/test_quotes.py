"""Issue 13, item 2: every finding that cites a clause carries the clause's own words, from the
data (the council's bylaws, its budgets, or the statute): `check` of every shipped scenario,
`authority check` and `calendar` of every council, `authority payment` of every payment file."""
from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pytest
from pydantic import BaseModel

from engine.analyses.composition import composition_findings
from engine.analyses.duties import duty_calendar
from engine.analyses.graph import authority_graph, structural_check
from engine.analyses.spending import check_payment_file, load_budgets
from engine.core.evaluate import check_file
from engine.core.library import library

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted(ROOT.glob("scenarios/*/*.yaml"))
PAYMENTS = sorted(ROOT.glob("scenarios-payments/*.yaml"))


def _quotes_in(model) -> set[str]:
    """Every `quote` value anywhere in a loaded model (the data as the engine reads it)."""
    found: set[str] = set()
    if isinstance(model, BaseModel):
        for name, value in model.__dict__.items():
            if name == "quote" and isinstance(value, str):
                found.add(value)
            else:
                found |= _quotes_in(value)
    elif isinstance(model, (tuple, list)):
        for item in model:
            found |= _quotes_in(item)
    elif isinstance(model, dict):
        for item in model.values():
            found |= _quotes_in(item)
    return found


@cache
def data_quotes() -> frozenset[str]:
    lib = library()
    models = [*lib.documents.values(), *lib.statutes.values(), *load_budgets().values()]
    return frozenset().union(*(_quotes_in(m) for m in models))


def _assert_quoted(findings, where: str) -> None:
    for f in findings:
        assert f.citation, f"{where}: {f.rule} has no citation"
        assert f.quote and f.quote.strip(), f"{where}: {f.rule} cites «{f.citation}» without its words"
        # a finding citing several clauses (e.g. a cycle of edges) joins their words with «; »
        parts = [f.quote] if f.quote in data_quotes() else f.quote.split("; ")
        assert all(p in data_quotes() for p in parts), f"{where}: {f.rule}: quote not in the data: {f.quote!r}"


def test_the_data_quotes_are_found():
    # the walk reaches the statute, the council's clauses and the budgets (else every check is void)
    quotes = data_quotes()
    assert any(q.startswith("For at et folkevalgt organ skal kunne treffe et vedtak") for q in quotes)
    assert "Begge kjønn skal vera representert frå kvar kommune." in quotes
    assert len(quotes) > 100


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_check_finding_quotes_its_clause(path):
    _assert_quoted(check_file(path).findings, str(path))


def test_a_council_clause_is_quoted_from_the_councils_own_document():
    """rotation-mismatch in Nord-Gudbrandsdal quotes NG-avtalen 2016 § 3, not Follo's pkt. 4.1.3."""
    verdict = check_file(ROOT / "scenarios/nord-gudbrandsdal/2019-02-feil-leiar-i-protokollen.yaml")
    (finding,) = [f for f in verdict.findings if f.rule == "rotation-mismatch"]
    assert finding.citation == "NG-avtalen 2016 § 3"
    assert finding.quote.startswith("Regionrådet konstituerer seg sjølv")


@pytest.mark.parametrize("path", PAYMENTS, ids=lambda p: p.stem)
def test_every_payment_finding_quotes_its_clause(path):
    _assert_quoted(check_payment_file(path).findings, str(path))


def _dates(doc) -> list[date]:
    """Five dates across the document's period, and the Nord-Gudbrandsdal 2019 meetings' days."""
    start = doc.valid_from or date(2012, 1, 1)
    end = doc.valid_to or date(2024, 12, 31)
    step = max((end - start) // 4, timedelta(days=1))
    meetings = {date(2019, 4, 10), date(2019, 6, 12), date(2019, 9, 11)}
    return sorted({start + step * i for i in range(5)} | {d for d in meetings if start <= d <= end})


def test_every_authority_check_finding_quotes_its_clause():
    seen = 0
    for doc in library().documents.values():
        for on in _dates(doc):
            findings = structural_check(authority_graph(doc, on)) + composition_findings(doc, on)
            _assert_quoted(findings, f"{doc.id} {on}")
            seen += len(findings)
    assert seen >= 3  # Nord-Gudbrandsdal 2019: the opposition seat, Lesja's genders, the county's


def test_every_calendar_finding_quotes_its_duty():
    lib = library()
    checked = 0
    for council in lib.councils():
        try:
            calendar = duty_calendar(ROOT / "scenarios", council=council)
        except Exception as exc:  # a council without a modelled duty calendar says so (exit 2)
            assert "pliktkalender" in str(exc), exc
            continue
        findings = [d.finding for y in calendar.years for d in y.duties]
        _assert_quoted(findings, council)
        checked += len(findings)
    assert checked >= 10  # Follo's duties over its years, and the other councils' annual meetings
