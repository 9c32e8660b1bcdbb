"""A slice of the differential fuzz campaign (tools/fuzz.py) for CI: durable-rules against the
reference evaluation on a few thousand generated scenarios, in child processes."""
import importlib
import sys
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parent.parent / "tools"


@pytest.fixture(scope="module")
def fuzz():
    # imported by name (not from a file spec) so that spawned workers can import it too
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))
    return importlib.import_module("fuzz")


def test_durable_and_reference_agree_on_a_slice(fuzz):
    summary = fuzz.campaign(2000, workers=2, seed=20260101, chunk=100, progress=False,
                            jobs_per_worker=1)  # 20 fresh processes: early-life crashes too
    assert summary["scenarios"] == 2000
    assert summary["problems"] == []
    assert summary["mismatches"] == summary["crashes"] == summary["durable_internal_errors"] == 0
    assert summary["python_exceptions"] == 0
    # the slice covers valid, invalid and refused scenarios, and Follomøtet-sized ones
    assert summary["valid"] > 100 and summary["invalid"] > 1000 and summary["refused_as_bad_input"] > 20
    assert summary["largest_scenario_facts"] > 200


def test_a_crashing_worker_is_reported_with_its_scenario_and_the_campaign_goes_on(fuzz):
    summary = fuzz.campaign(40, workers=1, seed=3, chunk=40, progress=False, crash_at=17)
    assert summary["scenarios"] == 40
    assert summary["crashes"] == 1
    (problem,) = summary["problems"]
    assert problem["n"] == 17 and problem["status"] == "crash" and problem["exitcode"] < 0
    assert problem["scenario"]["name"].endswith("17")
    assert summary["evaluated_both_paths"] + summary["refused_as_bad_input"] == 39


def test_lean_driver_fires_exactly_what_the_host_layer_fires(fuzz, monkeypatch):
    """durable_engine drives the C core directly; durable's own Python host layer must agree."""
    import engine.core.evaluate as ev
    from engine.core import durable_engine
    from engine.core.errors import VedtektError
    from engine.core.rules import rulebook
    from engine.core.scenario import Scenario
    from engine.core.yamlio import Located

    batches = []
    real = ev.Evaluation._fire

    def spy(self, facts):
        batches.append(list(facts))
        return real(self, facts)

    monkeypatch.setattr(ev.Evaluation, "_fire", spy)
    gen = fuzz.Generator(99)
    for n in range(300):
        located = Located({}, {}, "<t>")
        try:
            ev.check(Scenario.model_validate(gen.scenario(n)), located, engine="reference")
        except (VedtektError, ValueError):
            pass
    monkeypatch.setattr(ev.Evaluation, "_fire", real)
    book = rulebook()
    assert len(batches) > 400 and max(map(len, batches)) > 100
    for facts in batches:
        reference = ev.evaluate_reference(book, facts)
        assert durable_engine.evaluate(book, facts, driver="host") == reference
        assert durable_engine.evaluate(book, facts) == reference
