from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted((ROOT / "scenarios").rglob("*.yaml"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT

# Hypothesis: no per-example deadline (the machine is shared; timing is the benchmark's job,
# not the tests'), and too_slow is not a failure.
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("vedtekt", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("vedtekt")
