"""The hostile-input campaign (issue 17): inputs built to hurt, run through the real CLI with a
time bound each, as a hang detector.

Each input runs in a fresh `python -m engine` process. Its bound is 20 times the *normal time*
of its command on this machine, measured first in the same run (the median of three cold runs of
`check` on a shipped scenario and of `review` on the shipped clean draft), so a loaded machine
moves the bound with it. An input fails when it exceeds its bound, exits with a code it should
not (3 is never right), prints a traceback, or lets an escape or bidi control reach the output.

    python tools/hostile.py            # the CI set (about a minute on two busy cores)
    python tools/hostile.py --full     # larger sizes (10,000 cases, 4,000 spaces, ...)
    python tools/hostile.py --markdown # the table for the README

Exit 0 when every input passes, 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine.cli import hostile as h  # noqa: E402

FACTOR = 20  # the bound: FACTOR × the command's normal time
FLOOR_S = 2.0  # no bound below this (process start-up noise)
NORMAL = {"check": ["check", "scenarios/folloradet/2021-02-quorum.yaml"],
          "review": ["review", "drafts/utkast-folloregionen-ipr.md"]}
UNSAFE = (b"\x1b", "\u202e".encode(), "\u2066".encode(), b"\x9b")


@dataclass
class Input:
    family: str
    size: str
    command: str
    make: Callable[[Path], Path]  # writes the input into the folder; returns its path
    exits: tuple[int, ...]


def text_file(name: str, text: Callable[[], str]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_text(text(), encoding="utf-8")
        return path
    return make


def special(kind: str, suffix: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / f"{kind}{suffix}"
        if kind == "fifo":
            os.mkfifo(path)
        else:
            path.symlink_to("/dev/zero")
        return path
    return make


def inputs(full: bool) -> list[Input]:
    n = (lambda quick, large: large if full else quick)
    cases, people, lines = n(1_000, 10_000), n(500, 5_000), n(2_000, 10_000)
    spaces, headings, parts = n(2_000, 4_000), n(2_000, 10_000), n(500, 5_000)
    return [
        Input("many cases", f"{cases:,} cases, 6 votes each", "check",
              text_file("cases.yaml", lambda: h.many_cases(cases)), (0, 1)),
        Input("many people", f"{people:,} attendees", "check",
              text_file("people.yaml", lambda: h.many_people(people)), (0, 1)),
        Input("many attendance lines", f"{lines:,} lines over {lines // 4:,} cases", "check",
              text_file("lines.yaml", lambda: h.many_attendance_lines(lines // 4, lines)), (0, 1)),
        Input("many cases, one on forfall", f"{cases:,} cases", "check",
              text_file("forfall.yaml", lambda: h.many_cases_with_forfall(cases)), (0, 1)),
        Input("many people × many cases", f"{people:,} listeners at {cases:,} cases", "check",
              text_file("people-cases.yaml", lambda: h.people_and_cases(people, cases)), (0, 1)),
        Input("deep lists", "200 levels", "check",
              text_file("deep.yaml", lambda: h.deep_lists(200)), (2,)),
        Input("deep flow nesting", "5,000 levels", "check",
              text_file("flow.yaml", lambda: h.deep_flow(5_000)), (2,)),
        Input("alias bomb", "10^12 values", "check",
              text_file("bomb.yaml", h.alias_bomb), (2,)),
        Input("long line", "a 9,000-character name", "check",
              text_file("long.yaml", lambda: h.long_line(9_000)), (0, 1)),
        Input("huge id", "1 MB id", "check",
              text_file("id.yaml", lambda: h.huge_value("id", 1_000_000)), (2,)),
        Input("huge integer", "5,000 digits", "check",
              text_file("int.yaml", lambda: h.huge_value("int", 5_000)), (2,)),
        Input("forged verdict line", "ESC sequences, U+202E", "check",
              text_file("forged.yaml", h.forged_name), (1,)),
        Input("device", ".yaml symlink to /dev/zero", "check", special("zero", ".yaml"), (2,)),
        Input("FIFO", "named pipe *.yaml", "check", special("fifo", ".yaml"), (2,)),
        Input("heading with spaces", f"# a + {spaces:,} spaces + b", "review",
              text_file("heading.md", lambda: h.heading_spaces(spaces)), (0, 1)),
        Input("many headings", f"{headings:,} clauses", "review",
              text_file("headings.md", lambda: h.many_headings(headings)), (0, 1)),
        Input("many participants", f"{parts:,} municipalities", "review",
              text_file("parts.md", lambda: h.many_participants(parts)), (0, 1)),
        Input("long lines (draft)", f"{lines // 20:,} lines of 5,000 characters", "review",
              text_file("lines.md", lambda: h.long_lines_draft(lines // 20, 5_000)), (0, 1)),
        Input("device (draft)", ".md symlink to /dev/zero", "review", special("zero", ".md"), (2,)),
    ]


def run(args: list[str], timeout: float) -> tuple[int | None, float, bytes, bytes]:
    start = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "engine", *args], cwd=ROOT, capture_output=True,
                              stdin=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        return None, time.perf_counter() - start, exc.stdout or b"", exc.stderr or b""
    return proc.returncode, time.perf_counter() - start, proc.stdout, proc.stderr


def normal_times(commands) -> dict[str, float]:
    """Median of three cold runs of each command on a shipped input."""
    return {cmd: statistics.median(run(NORMAL[cmd], 120)[1] for _ in range(3)) for cmd in commands}


def judge(inp: Input, path: Path, normal: dict[str, float]) -> dict:
    bound = max(FACTOR * normal[inp.command], FLOOR_S)
    code, seconds, out, err = run([inp.command, str(path)], bound)
    problems = []
    if code is None:
        problems.append(f"over the bound ({bound:.1f} s): killed")
    elif code not in inp.exits:
        problems.append(f"exit {code}, expected {'/'.join(map(str, inp.exits))}: "
                        f"{err.decode('utf-8', 'replace')[-300:]}")
    if b"Traceback" in out + err:
        problems.append("traceback")
    if any(bad in out + err for bad in UNSAFE):
        problems.append("an escape or bidi control reached the output")
    return {"family": inp.family, "size": inp.size, "command": inp.command, "exit": code,
            "seconds": round(seconds, 2), "bound_s": round(bound, 1),
            "times_normal": round(seconds / normal[inp.command], 1), "ok": not problems,
            "problems": problems}


def campaign(full: bool = False, only: str | None = None, commands=tuple(NORMAL),
             progress=print) -> dict:
    normal = normal_times(commands)
    progress("normal time: " + ", ".join(f"{c} {t:.2f} s" for c, t in normal.items())
             + f"; bound {FACTOR}× (at least {FLOOR_S} s)")
    results = []
    with tempfile.TemporaryDirectory(prefix="vedtekt-hostile-") as tmp:
        for i, inp in enumerate(inputs(full)):
            if (only and only not in inp.family) or inp.command not in commands:
                continue
            folder = Path(tmp) / str(i)
            folder.mkdir()
            result = judge(inp, inp.make(folder), normal)
            progress(f"{'ok  ' if result['ok'] else 'FAIL'} {inp.command:6} {inp.family:24} "
                     f"{result['seconds']:7.2f} s  ({result['times_normal']}× normal)  "
                     f"exit {result['exit']}  {'; '.join(result['problems'])}")
            results.append(result)
    return {"normal_s": {k: round(v, 3) for k, v in normal.items()}, "factor": FACTOR,
            "full": full, "inputs": results, "failed": sum(not r["ok"] for r in results)}


def markdown(report: dict, top: int = 8) -> str:
    rows = sorted(report["inputs"], key=lambda r: -r["times_normal"])[:top]
    lines = ["| input | size | command | exit | time | × normal | bound |", "|---|---|---|---|---|---|---|"]
    lines += [f"| {r['family']} | {r['size']} | {r['command']} | {r['exit']} | {r['seconds']} s | "
              f"{r['times_normal']} | {r['bound_s']} s |" for r in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="larger sizes")
    parser.add_argument("--only", help="only families whose name contains this")
    parser.add_argument("--command", choices=sorted(NORMAL), action="append",
                        help="only inputs of this command (repeatable; default: all)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--markdown", action="store_true", help="print the slowest as a Markdown table")
    args = parser.parse_args()
    quiet = args.json or args.markdown
    report = campaign(args.full, args.only, tuple(args.command or NORMAL),
                      progress=(lambda m: None) if quiet else print)
    if args.json:
        print(json.dumps(report, indent=1, ensure_ascii=False))
    elif args.markdown:
        print(markdown(report))
    else:
        print(f"{len(report['inputs']) - report['failed']} of {len(report['inputs'])} inputs within bounds")
    return 1 if report["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
