from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = sorted((ROOT / "scenarios").rglob("*.yaml"))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT

# Hypothesis: no per-example deadline (the machine is shared; timing is the benchmark's job,
# not the tests'), and too_slow is not a failure. The default profile is derandomized: every run
# draws the same examples, so a run never fails by chance and parallel workers share no example
# database. HYPOTHESIS_PROFILE=explore draws new examples each run (to hunt for bugs; pin what it
# finds with @example).
import os  # noqa: E402

from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("vedtekt", deadline=None, suppress_health_check=[HealthCheck.too_slow],
                          derandomize=True, database=None)
settings.register_profile("explore", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "vedtekt"))


def run_cli(args, capsys) -> tuple[int, str, str]:
    """`vedtekt ARGS` as the command line runs it: (exit code, stdout, stderr)."""
    from engine.cli.main import main

    with pytest.raises(SystemExit) as exit_info:
        main([str(a) for a in args])
    out = capsys.readouterr()
    return exit_info.value.code, out.out, out.err
