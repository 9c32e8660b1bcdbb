"""Instructions per bench scenario, counted by valgrind's callgrind (a developer's tool).

This machine's clock drifts by a few per cent over seconds and by up to a third over minutes, so a
change of 1-3 % cannot be seen in `vedtekt bench`. The number of instructions a pass executes does
not drift: two runs of one commit agree to about half a per cent. It is not a speed (the engine's dicts
cost more per instruction than the baseline's loops), so `vedtekt bench` stays the measure the
README quotes; this compares two versions of the code.

    python tools/instructions.py ref|all|base [--tree PATH]

ref: `check()` with engine "reference"; all: `check_all` with engine "both" from an empty memory of
verified answers (bench figure (a)); base: the hand-written baseline. It runs the program twice
under callgrind, with 0 and 2 passes over the 500 bench scenarios after one untimed pass, and
prints the difference per scenario. Needs valgrind (`apt-get install valgrind`); about a minute.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

PASSES = 2
SCENARIOS = 500


def workload(what: str, passes: int) -> None:
    import random

    from engine.cli import bench
    from engine.core.durable_engine import forget_verified
    from engine.core.evaluate import check, check_all
    from engine.core.library import library

    lib = library()
    rng = random.Random(7)
    dicts = [bench.follo_scenario(rng, i) for i in range(SCENARIOS)]
    scenarios = bench.prepared(dicts)
    for s, located in scenarios:  # one untimed pass: every cache the first pass fills
        check(s, located, engine="reference", lib=lib)
    for _ in range(passes):
        if what == "ref":
            for s, located in scenarios:
                check(s, located, engine="reference", lib=lib)
        elif what == "all":
            forget_verified()
            list(check_all(scenarios, engine="both", lib=lib))
        else:
            for d in dicts:
                bench.base.check(d)


def counted(tree: Path, what: str, passes: int) -> int:
    env = {**os.environ, "PYTHONPATH": str(tree), "VEDTEKT_INSTRUCTIONS_CHILD": f"{what}:{passes}"}
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                          sys.executable, __file__], cwd=tree, env=env, capture_output=True, text=True)
    found = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or not found:
        sys.exit(f"callgrind failed ({run.returncode}): {run.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("ref", "all", "base"))
    parser.add_argument("--tree", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args()
    per_scenario = (counted(args.tree, args.what, PASSES) - counted(args.tree, args.what, 0)) // (PASSES * SCENARIOS)
    print(f"{args.tree} {args.what}: {per_scenario:,} instructions per scenario")


if __name__ == "__main__":
    child = os.environ.get("VEDTEKT_INSTRUCTIONS_CHILD")
    if child:
        what, passes = child.split(":")
        workload(what, int(passes))
    else:
        main()
