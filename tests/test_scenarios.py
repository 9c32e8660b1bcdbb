"""Every shipped scenario gets its expected verdict (derived from the law text by its author)."""
import pytest

from engine.evaluate import check_file, load_scenario

from .conftest import ROOT, SCENARIOS


@pytest.mark.parametrize("path", SCENARIOS, ids=[str(p.relative_to(ROOT / "scenarios")) for p in SCENARIOS])
def test_scenario_gets_expected_verdict(path):
    scenario, _ = load_scenario(path)
    assert scenario.expected is not None, f"{path}: no expected verdict"
    verdict = check_file(path)
    assert verdict.expected.matches, f"{path.name}:\n  " + "\n  ".join(verdict.expected.differences)


def test_enough_scenarios_ship():
    assert len(SCENARIOS) >= 1
