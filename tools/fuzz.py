#!/usr/bin/env python
"""Differential fuzzing: durable-rules against the reference evaluation (issue 7).

Generates scenarios (valid and broken, small and Follomøtet-sized) from a seed, runs each through
the real loading, fact preparation and evaluation twice (engine "durable" and engine "reference")
and compares the whole verdicts. durable-rules runs only in child processes: a worker receives a
range of scenario numbers and answers one line per scenario; if it dies (a segmentation fault in
the C core, an abort, an out-of-memory kill), the first scenario of its range without an answer is
reported as the crash, with the scenario itself, and a fresh worker continues after it.

    python tools/fuzz.py -n 200000 --workers 2 --seed 1 --json fuzz-summary.json

Exit status 0 when there were no mismatches and no crashes, 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sys
import time
import traceback
from datetime import date, timedelta
from multiprocessing.connection import wait
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FIRST, LAST = date(2012, 1, 1), date(2021, 2, 28)  # the period Follorådet's bylaws are modelled for
ORGANS = ("folloradet", "folloradet", "follomotet", "arbeidsutvalget")


# -- generation ----------------------------------------------------------------------------------
class Generator:
    """Scenario dicts from (seed, n); deterministic, so a crash can be reproduced from its number."""

    def __init__(self, seed: int):
        from engine.core.library import library

        self.seed = seed
        self.doc = library().documents["folloradet"]
        self.people = sorted(p.id for p in self.doc.roster.people)
        self._sittings: dict = {}

    def sitting(self, organ: str, on: date):
        from engine.core.sitting import resolve

        key = (organ, on.year, on.month)
        if key not in self._sittings:
            self._sittings[key] = resolve(self.doc, organ, on)
        return self._sittings[key]

    def scenario(self, n: int) -> dict:
        rng = random.Random(f"{self.seed}:{n}")
        r = rng.random()
        if r < 0.40:
            from engine.cli.bench import follo_scenario

            return follo_scenario(rng, n)
        if r < 0.55:
            return self.random_meeting(rng, n, big=True)
        s = self.random_meeting(rng, n, big=False)
        if r > 0.95:
            self.break_input(rng, s)
        return s

    def random_meeting(self, rng: random.Random, n: int, big: bool) -> dict:
        organ = "follomotet" if big else rng.choice(ORGANS)
        on = FIRST + timedelta(days=rng.randrange((LAST - FIRST).days + 1))
        sitting = self.sitting(organ, on)
        with_role = sorted(sitting.roles)
        voting = sorted(p for p, rs in sitting.roles.items() if any(r.can_vote for r in rs))
        deputies = sorted({h.person for h in sitting.holdings
                           if "vara" in h.office or "stedfortreder" in h.office})
        attendance, chosen = [], set()
        share = rng.uniform(0.5, 1.0) if big else rng.uniform(0.2, 1.0)
        for p in with_role:
            if rng.random() < share:
                attendance.append({"person": p})
                chosen.add(p)
        for p in rng.sample(deputies, min(len(deputies), rng.randrange(0, 6 if big else 3))):
            if p in chosen:
                continue
            line = {"person": p}
            if voting and rng.random() < 0.8:
                line["for"] = rng.choice(voting)
            attendance.append(line)
            chosen.add(p)
        for _ in range(rng.choice((0, 0, 0, 1, 2))):  # someone from the roster without a role
            p = rng.choice(self.people)
            if p not in chosen:
                line = {"person": p}
                if voting and rng.random() < 0.3:
                    line["for"] = rng.choice(voting)
                attendance.append(line)
                chosen.add(p)
        if not attendance:
            attendance.append({"person": rng.choice(self.people)})
        present = [a["person"] for a in attendance]
        kinds = [k.id for k in self.doc.case_kinds]
        cases = []
        for i in range(rng.randrange(1, 7 if big else 4)):
            case: dict = {"id": f"{i + 1}/{on.year % 100:02d}", "kind": rng.choice(kinds)}
            if rng.random() < 0.1:
                case["on_agenda"] = False
                case["objections"] = rng.sample(present, min(len(present), rng.randrange(0, 4)))
            if rng.random() < 0.2:
                case["innstilling"] = {"organ": rng.choice(("folloradet", "arbeidsutvalget", "follomotet"))}
            if rng.random() < 0.1:
                case["inhabil"] = rng.sample(present, 1)
            if rng.random() < 0.2:
                case["proposals"] = [{"by": rng.choice(present)} for _ in range(rng.randrange(1, 3))]
            self.issue_12_case_fields(rng, case, present)
            if rng.random() < 0.9:
                votes: dict[str, list[str]] = {"for": [], "against": [], "blank": []}
                lean = rng.random()
                for p in present:
                    x = rng.random()
                    if x < 0.15:
                        continue
                    value = "blank" if x < 0.2 else ("for" if rng.random() < lean else "against")
                    votes[value].append(p)
                    if rng.random() < 0.01:
                        votes[rng.choice(("for", "against", "blank"))].append(p)
                if rng.random() < 0.05:
                    votes["for"].append(rng.choice(self.people))  # someone not at the meeting
                case["votes"] = {k: v for k, v in votes.items() if v}
            cases.append(case)
        if len(cases) > 1 and rng.random() < 0.2:
            line = rng.choice(attendance)
            key = rng.choice(("from_case", "until_case"))
            line[key] = rng.choice(cases)["id"]
        s = {"name": f"fuzz {n}", "organ": organ, "date": on.isoformat(),
             "attendance": attendance, "cases": cases}
        if rng.random() < 0.9:
            s["chair"] = rng.choice([sitting.leader or present[0], sitting.vice or present[0]]
                                    + present[:3])
            s["chair_elected"] = rng.random() < 0.3
        if rng.random() < 0.3:  # forfall (issue 12): members, the leader, deputies; from a case on
            pool = sorted(set(voting + deputies + [sitting.leader or present[0]]) - set(present))
            s["forfall"] = [{"person": p} for p in rng.sample(pool, min(len(pool), rng.randrange(1, 4)))]
            if s["forfall"] and cases and rng.random() < 0.3:
                s["forfall"][0]["from_case"] = rng.choice(cases)["id"]
        if rng.random() < 0.3:
            s["convening"] = {"by": rng.choice(present + [sitting.leader or present[0], sitting.vice or present[0]])}
            if organ == "follomotet" and rng.random() < 0.7:
                s["convening"]["innstilling"] = {"organ": "folloradet"}
                s["convening"]["agenda_approved_by"] = "folloradet"
        return s

    @staticmethod
    def issue_12_case_fields(rng: random.Random, case: dict, present: list[str]) -> None:
        """The per-case procedure of issue 12: a case chair, statements, habilitet decisions,
        election ballots and lots."""
        if rng.random() < 0.15:
            case["chair"] = rng.choice(present)
            case["chair_elected"] = rng.random() < 0.5
        if rng.random() < 0.15:
            case["statements"] = [{"by": rng.choice(present)} for _ in range(rng.randrange(1, 3))]
        if rng.random() < 0.1:
            voters = rng.sample(present, min(len(present), rng.randrange(1, 6)))
            case["habilitet"] = [{"person": rng.choice(present), "inhabil": rng.random() < 0.5,
                                  "votes": {"for": voters[::2], "against": voters[1::2]}}]
        if case.get("kind") == "valg" or rng.random() < 0.05:
            if rng.random() < 0.5:
                case["ballot"] = 2
                if rng.random() < 0.5:
                    case["lot"] = rng.choice(("for", "against"))

    def break_input(self, rng: random.Random, s: dict) -> None:
        """Broken input: the loader must refuse it the same way whatever the engine."""
        how = rng.randrange(5)
        if how == 0:
            s["attendance"].append({"person": "ukjent-person-" + str(rng.randrange(99))})
        elif how == 1:
            s["date"] = "2030-01-01"
        elif how == 2 and s["cases"]:
            s["cases"][0]["kind"] = "ordinær"
        elif how == 3:
            s["attendance"][0]["stemme"] = "for"
        else:
            s["cases"].append(dict(s["cases"][0])) if s["cases"] else s.pop("attendance")


# -- evaluation (in a worker) ----------------------------------------------------------------------
def evaluate(scenario: dict) -> tuple[str, object]:
    """('ok', summary) | ('input', message) | ('mismatch', detail) | ('internal', message)."""
    from pydantic import ValidationError

    from engine.core.errors import InputError, InternalError
    from engine.core.evaluate import check, validate
    from engine.core.scenario import Scenario
    from engine.core.yamlio import Located

    located = Located(scenario, {}, "<fuzz>")
    try:
        s = validate(located, Scenario)
        reference = check(s, located, engine="reference")
    except InputError as exc:
        return "input", exc.message_text()
    except ValidationError as exc:  # validate() turns these into InputErrors; belt and braces
        return "input", str(exc).splitlines()[0]
    try:
        durable = check(s, located, engine="durable")
    except InternalError as exc:
        return "internal", str(exc)
    a, b = reference.as_json(), durable.as_json()
    if a != b:
        diff = {k: (a[k], b[k]) for k in a if a[k] != b.get(k)}
        return "mismatch", json.dumps(diff, ensure_ascii=False, default=str)[:2000]
    return "ok", {"valid": a["valid"], "facts": _facts_of(s)}


def _facts_of(s) -> int:
    return len(s.attendance) + sum(len(c.votes.lines()) if c.votes else 0 for c in s.cases) + len(s.cases) + 1


def worker(conn, seed: int, crash_at: int | None = None) -> None:
    gen = Generator(seed)
    import engine.core.durable_engine  # noqa: F401  (the child owns durable-rules)

    while True:
        job = conn.recv()
        if job is None:
            return
        start, stop = job
        for n in range(start, stop):
            if n == crash_at:  # a test hook: die as the C core would
                import ctypes

                ctypes.string_at(0)
            try:
                status, detail = evaluate(gen.scenario(n))
            except Exception:  # a Python-level bug is a finding too, not a dead campaign
                status, detail = "exception", traceback.format_exc()[-1500:]
            conn.send([(n, status, detail)])  # answered before the next one starts: exact culprits
        conn.send([("done", start, stop)])


# -- the campaign (parent) -----------------------------------------------------------------------
class Worker:
    def __init__(self, ctx, seed, crash_at=None):
        self.parent, child = ctx.Pipe()
        self.proc = ctx.Process(target=worker, args=(child, seed, crash_at), daemon=True)
        self.proc.start()
        child.close()
        self.job: tuple[int, int] | None = None
        self.jobs = 0
        self.answered: set[int] = set()


def campaign(n: int, workers: int, seed: int, chunk: int = 500, progress=True,
             crash_at: int | None = None, jobs_per_worker: int = 2) -> dict:
    ctx = mp.get_context("spawn")  # the parent never imports durable-rules; children start clean
    todo = [(s, min(s + chunk, n)) for s in range(0, n, chunk)]
    todo.reverse()
    pool = [Worker(ctx, seed, crash_at) for _ in range(workers)]
    counts = {"ok": 0, "input": 0, "mismatch": 0, "internal": 0, "exception": 0, "crash": 0}
    valid = facts_max = 0
    problems: list[dict] = []
    started = time.perf_counter()
    done = last_report = restarts = 0
    for w in pool:
        w.job = todo.pop() if todo else None
        if w.job:
            w.parent.send(w.job)
    while any(w.job for w in pool):
        ready = wait([w.parent for w in pool if w.job] + [w.proc.sentinel for w in pool if w.job])
        for w in list(pool):
            if w.job is None:
                continue
            if w.parent in ready:
                try:
                    batch = w.parent.recv()
                except (EOFError, ConnectionResetError, OSError):
                    batch = None
                if batch is not None:
                    for item in batch:
                        if item[0] == "done":
                            w.jobs += 1
                            w.job = todo.pop() if todo else None
                            w.answered = set()
                            if w.job and w.jobs >= jobs_per_worker:
                                # a fresh process now and then: some crashes of the C core
                                # only happen early in a process's life
                                job, w.job = w.job, None
                                w.parent.send(None)
                                w.proc.join(timeout=10)
                                pool[pool.index(w)] = w = Worker(ctx, seed, crash_at)
                                w.job = job
                                restarts += 1
                            if w.job:
                                w.parent.send(w.job)
                            continue
                        k, status, detail = item
                        w.answered.add(k)
                        counts[status] += 1
                        done += 1
                        if status == "ok":
                            valid += detail["valid"]
                            facts_max = max(facts_max, detail["facts"])
                        elif status != "input":
                            problems.append({"n": k, "status": status, "detail": detail})
                    continue
            if not w.proc.is_alive() or (w.parent in ready and batch is None):
                w.proc.join(timeout=5)
                start, stop = w.job
                culprit = next(k for k in range(start, stop) if k not in w.answered)
                counts["crash"] += 1
                done += 1
                problems.append({"n": culprit, "status": "crash", "exitcode": w.proc.exitcode,
                                 "scenario": Generator(seed).scenario(culprit)})
                rest = (culprit + 1, stop)
                pool[pool.index(w)] = fresh = Worker(ctx, seed, crash_at)
                fresh.job = rest if rest[0] < rest[1] else (todo.pop() if todo else None)
                if fresh.job:
                    fresh.parent.send(fresh.job)
        if progress and done - last_report >= 10_000:
            last_report = done
            rate = done / (time.perf_counter() - started)
            print(f"  {done:,}/{n:,} scenarios, {rate:,.0f}/s, mismatches {counts['mismatch']}, "
                  f"crashes {counts['crash']}", file=sys.stderr, flush=True)
    for w in pool:
        if w.proc.is_alive():
            w.parent.send(None)
            w.proc.join(timeout=10)
    elapsed = time.perf_counter() - started
    return {
        "scenarios": done, "seed": seed, "workers": workers,
        "evaluated_both_paths": counts["ok"], "valid": valid, "invalid": counts["ok"] - valid,
        "refused_as_bad_input": counts["input"],
        "mismatches": counts["mismatch"], "durable_internal_errors": counts["internal"],
        "python_exceptions": counts["exception"], "crashes": counts["crash"],
        "largest_scenario_facts": facts_max, "fresh_worker_processes": workers + restarts + counts["crash"],
        "elapsed_s": round(elapsed, 1), "per_s": round(done / elapsed),
        "problems": problems[:50],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=10_000, help="number of scenarios")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=500, help="scenarios per job sent to a worker")
    ap.add_argument("--jobs-per-worker", type=int, default=2,
                    help="replace a worker by a fresh process after this many jobs")
    ap.add_argument("--json", type=Path, help="also write the summary to this file")
    ap.add_argument("--crash-at", type=int, help=argparse.SUPPRESS)  # test hook: segfault there
    args = ap.parse_args(argv)
    summary = campaign(args.n, args.workers, args.seed, args.chunk, crash_at=args.crash_at,
                       jobs_per_worker=args.jobs_per_worker)
    summary["command"] = "python tools/fuzz.py " + " ".join(argv if argv is not None else sys.argv[1:])
    text = json.dumps(summary, indent=2, ensure_ascii=False, default=str)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")
    bad = summary["mismatches"] + summary["crashes"] + summary["durable_internal_errors"] \
        + summary["python_exceptions"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
