"""`vedtekt bench`: the project's benchmark.

Medians of (a) Follorådet scenarios per second through durable-rules with the cross-check against
the reference (engine "both"), one pass over the 500 different scenarios per round as `vedtekt
check` judges a folder (engine.core.evaluate.check_all: consecutive scenarios cross-checked in
shared sessions), each round from an empty memory of verified answers
(engine.core.durable_engine.Learning); (a1) the same with one `check()` per scenario, as the web
page judges a meeting; (a0) one `check()` per scenario with that memory emptied before every
scenario (each scenario's distinct facts all go to durable-rules, as before the memory existed),
(b) through the reference evaluation alone, (c) the hand-written plain-Python check of the same
rules (engine/cli/bench_baseline.py) in the same process, (a), (a1), (b) and (c) in alternating
rounds, with the ratios a/c and b/c; (d) the wall time of one cold `vedtekt check` of one scenario (a new process each
time, after one untimed run: compiled bytecode and the bylaws cache, as an installed package has
them); (e) every attendance × voting pattern of a six-participant Follorådet case; (f) peak memory.

Scenarios are generated in memory (no file I/O) and validated once; the timed loops call
`engine.core.evaluate.check` and `check_all`. Before timing, the engine's verdicts are compared with the baseline's:
a benchmark of a check that gives other answers would be meaningless.
"""
from __future__ import annotations

import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from itertools import product
from pathlib import Path

import click

from engine.cli.click_words import WordedCommand
from engine.cli import bench_baseline as base
from engine.core.resources import shipped

DATE = "2021-02-12"
KINDS = (("ordinary", 70), ("valg", 10), ("regnskap", 8), ("orientering", 6), ("ansettelse", 6))


# -- scenario generation -------------------------------------------------------------------------
def follo_scenario(rng: random.Random, index: int = 0) -> dict:
    """A random Follorådet meeting of 2021 (valid or broken), as a scenario dict."""
    attendance, voters = [], []
    for p in base.PARTICIPANTS:
        mayor = base.MAYOR[p]
        r = rng.random()
        if r < 0.70:
            attendance.append({"person": mayor})
            voters.append(mayor)
            if rng.random() < 0.03:  # the fixed deputy comes as well
                attendance.append({"person": base.FIXED_DEPUTY[p], "for": mayor})
                voters.append(base.FIXED_DEPUTY[p])
        elif r < 0.82:
            attendance.append({"person": base.FIXED_DEPUTY[p], "for": mayor})
            voters.append(base.FIXED_DEPUTY[p])
        elif r < 0.87:  # not the fixed deputy: a formannskap member stands in
            attendance.append({"person": f"{p}-2019-fsk-a2", "for": mayor})
            voters.append(f"{p}-2019-fsk-a2")
        if rng.random() < 0.25:
            attendance.append({"person": f"{p}-2019-radmann"})
    if rng.random() < 0.3:
        attendance.append({"person": "oslo-2019-observator"})
    if rng.random() < 0.6:
        attendance.append({"person": "daglig-leder"})
    if rng.random() < 0.04:  # in the roster, but no role in Follorådet
        attendance.append({"person": "vestby-2019-fsk-b1"})
    others = [a["person"] for a in attendance if a["person"] not in voters]
    cases = []
    for i in range(rng.choice((1, 1, 2, 3))):
        cid = f"{10 + i}/21"
        kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
        case: dict = {"id": cid, "kind": kind}
        if kind != "orientering":
            votes: dict[str, list[str]] = {"for": [], "against": [], "blank": []}
            lean = rng.random()
            for v in voters:
                r = rng.random()
                if r < 0.08:
                    continue  # does not vote
                value = "blank" if r < 0.12 else ("for" if rng.random() < lean else "against")
                votes[value].append(v)
                if rng.random() < 0.02:
                    votes[rng.choice(("for", "against"))].append(v)  # a second vote
            if others and rng.random() < 0.15:
                votes[rng.choice(("for", "against"))].append(rng.choice(others))
            if rng.random() < 0.02:  # an absent mayor's vote is recorded
                votes["for"].append(base.MAYOR[rng.choice(base.PARTICIPANTS)])
            if voters and rng.random() < 0.05:
                case["inhabil"] = [rng.choice(voters)]
            case["votes"] = {k: v for k, v in votes.items() if v}
        cases.append(case)
    if len(cases) > 1 and rng.random() < 0.1:
        line = rng.choice(attendance)
        line[rng.choice(("from_case", "until_case"))] = rng.choice(cases)["id"]
    present = {a["person"] for a in attendance}
    scenario = {"name": f"bench {index}", "organ": "folloradet", "date": DATE,
                "attendance": attendance, "cases": cases}
    chair = base.LEADER if base.LEADER in present else base.VICE if base.VICE in present else None
    mayors = [m for m in base.MAYOR.values() if m in present]
    if chair is None and mayors:
        chair = rng.choice(mayors)
        scenario["chair_elected"] = True
    if mayors and rng.random() < 0.03:
        chair = rng.choice(mayors)
    if chair:
        scenario["chair"] = chair
    return scenario


FOUR = ("absent", "for", "against", "blank")
FIVE = ("absent", "present", "for", "against", "blank")


def exhaustive_six(states=FIVE) -> list[dict]:
    """Every pattern of one ordinary case: each of the six mayors in one of `states` (absent,
    present without voting, voting for, against or blank): 4^6 = 4,096 or 5^6 = 15,625."""
    return [_six_dict(pattern) for pattern in product(states, repeat=6)]


def prepared(dicts: list[dict]):
    """Validated Scenario objects with an empty line map: no file I/O in the timed loops."""
    from engine.core.scenario import Scenario
    from engine.core.yamlio import Located

    located = Located({}, {}, "<bench>")
    return [(Scenario.model_validate(d), located) for d in dicts]


def summary(verdict) -> tuple[frozenset, dict]:
    findings = frozenset((f.rule, f.case, f.person) for f in verdict.findings)
    cases = {c.id: (c.outcome, c.votes.for_, c.votes.against, c.votes.blank, c.votes.rejected)
             for c in verdict.cases}
    return findings, cases


def write_scenarios(folder: Path, n: int, seed: int = 11) -> list[Path]:
    """n generated Follorådet scenario files in `folder` (for the scale measurement)."""
    import yaml

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        path = folder / f"{i:05d}.yaml"
        path.write_text(yaml.safe_dump(follo_scenario(rng, i), allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        paths.append(path)
    return paths


def scale(counts=(1_000, 10_000)) -> dict:
    """Peak RSS and wall time of `vedtekt check FOLDER --format json` on generated folders."""
    import tempfile

    out = {}
    with tempfile.TemporaryDirectory(prefix="vedtekt-scale-") as tmp:
        for n in counts:
            folder = Path(tmp) / str(n)
            write_scenarios(folder, n)
            # VmHWM, not ru_maxrss: ru_maxrss survives exec, so a child of a big bench inherits it
            code = ("import sys, time; from engine.cli.main import main; t = time.perf_counter()\n"
                    "try:\n    main(['check', sys.argv[1], '--format', sys.argv[2]])\n"
                    "except SystemExit as e:\n    code = e.code\n"
                    "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
                    "sys.stderr.write('@@%d %s %.3f' % (code, hwm, time.perf_counter() - t))")
            for fmt in ("text", "json"):
                proc = subprocess.run([sys.executable, "-c", code, str(folder), fmt], capture_output=True,
                                      text=True)
                tail = proc.stderr.rsplit("@@", 1)[-1].split()
                out[f"{n}_{fmt}"] = {"exit": int(tail[0]), "peak_rss_mb": round(int(tail[1]) / 1024, 1),
                                     "wall_s": float(tail[2]), "output_bytes": len(proc.stdout),
                                     "summary": proc.stdout.strip().splitlines()[-2:] if fmt == "text" else None}
    return out


def scale_cases(n: int = 10_000) -> dict:
    """Wall time and peak RSS of `vedtekt check` on ONE file of `n` cases (issue 17: check is
    linear in cases, votes and attendees; each case used to scan every vote fact)."""
    import tempfile

    from engine.cli.hostile import many_cases

    with tempfile.TemporaryDirectory(prefix="vedtekt-cases-") as tmp:
        path = Path(tmp) / f"{n}-cases.yaml"
        path.write_text(many_cases(n), encoding="utf-8")
        code = ("import sys, time; from engine.cli.main import main; t = time.perf_counter()\n"
                "try:\n    main(['check', sys.argv[1]])\n"
                "except SystemExit as e:\n    code = e.code\n"
                "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
                "sys.stderr.write('@@%d %s %.3f' % (code, hwm, time.perf_counter() - t))")
        proc = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
        tail = proc.stderr.rsplit("@@", 1)[-1].split()
        return {"cases": n, "votes": 6 * n, "file_mb": round(path.stat().st_size / 2**20, 1),
                "exit": int(tail[0]), "wall_s": float(tail[2]),
                "peak_rss_mb": round(int(tail[1]) / 1024, 1),
                "summary": proc.stdout.strip().splitlines()[-1:]}


def cold_start_ratio(runs: int = 7) -> dict:
    """Issue 17 item 9: a cold `vedtekt check` of one scenario against a bare
    `python -c "import pydantic, yaml, click"`, run alternately (so both see the same load);
    medians of wall time. Target: the ratio at most 3."""
    scenario = shipped("scenarios") / "folloradet" / "2021-02-quorum.yaml"
    bare_cmd = [sys.executable, "-c", "import pydantic, yaml, click"]
    check_cmd = [sys.executable, "-m", "engine", "check", str(scenario)]
    _warm_up([bare_cmd, check_cmd])
    bare, check = [], []
    for _ in range(runs):
        for cmd, times in ((bare_cmd, bare), (check_cmd, check)):
            start = time.perf_counter()
            subprocess.run(cmd, capture_output=True)
            times.append(time.perf_counter() - start)
    b, c = statistics.median(bare), statistics.median(check)
    return {"bare_import_ms": round(b * 1000, 1), "cold_check_ms": round(c * 1000, 1),
            "ratio": round(c / b, 2), "runs": runs}


# -- measurements --------------------------------------------------------------------------------
def _rate(fn, items, seconds: float, rounds: int) -> float:
    """Median items/s over `rounds` rounds of about `seconds` each."""
    return _interleaved({"only": lambda: _timed_round(fn, items, seconds)}, rounds)["only"]


def _interleaved(judges: dict, rounds: int) -> dict[str, float]:
    """Median items/s of each judge (name: a callable that runs one round and gives its items/s)
    over `rounds` rounds, the judges' rounds taken in turn, in alternating order (first, then
    last): this machine's speed drifts over seconds, so figures that are compared (a against c,
    b against c) are each measured across the same stretch of the run."""
    rates: dict[str, list[float]] = {name: [] for name in judges}
    for n in range(rounds):
        for name, one_round in list(judges.items())[::1 if n % 2 == 0 else -1]:
            rates[name].append(one_round())
    return {name: statistics.median(r) for name, r in rates.items()}


def _timed_round(fn, items, seconds: float) -> float:
    """Items/s of passes over `items` repeated until `seconds` have gone by."""
    n, start = 0, time.perf_counter()
    while True:
        for item in items:
            fn(item)
        n += len(items)
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return n / elapsed


def _folder_round(judge_all, items) -> float:
    """Items/s of one pass of `judge_all` over the whole list, from an empty memory of verified
    durable-rules answers (engine.core.durable_engine.Learning): what checking a folder of that
    many different meetings costs, not a loop over answers remembered from earlier rounds."""
    from engine.core.durable_engine import forget_verified

    forget_verified()
    start = time.perf_counter()
    judge_all(items)
    return len(items) / (time.perf_counter() - start)


def _warm_up(commands: list[list[str]]) -> None:
    """What an installed package has before its first timed start: the engine's bytecode (pip
    compiles a wheel's modules; under PYTHONDONTWRITEBYTECODE every start would compile them all)
    and the bylaws library cache (engine.core.diskcache), written by one untimed run of each."""
    import compileall

    compileall.compile_dir(str(Path(__file__).resolve().parents[1]), quiet=2)
    for cmd in commands:
        subprocess.run(cmd, capture_output=True)


def _cold_check(runs: int, scenario: Path) -> list[float]:
    exe = shutil.which("vedtekt", path=str(Path(sys.executable).parent)) or shutil.which("vedtekt")
    cmd = [exe] if exe else [sys.executable, "-c", "from engine.cli.main import main; main()"]
    _warm_up([cmd + ["check", str(scenario)]])
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd + ["check", str(scenario)], capture_output=True)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            raise click.ClickException(f"vedtekt check failed: {proc.stderr.decode()[-400:]}")
    return times


def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "platform": platform.platform()}


def run(seconds: float = 1.0, rounds: int = 5, n_scenarios: int = 500, cold_runs: int = 7,
        seed: int = 7, progress=lambda msg: None) -> dict:
    from engine.core.durable_engine import forget_verified
    from engine.core.evaluate import check, check_all
    from engine.core.library import library

    lib = library()
    rng = random.Random(seed)
    dicts = [follo_scenario(rng, i) for i in range(n_scenarios)]
    scenarios = prepared(dicts)

    progress("verifying the engine against the baseline")
    agree = sum(summary(check(s, loc, engine="both", lib=lib)) == base.check(d)
                for (s, loc), d in zip(scenarios, dicts))
    if agree != len(dicts):
        bad = next(d for (s, loc), d in zip(scenarios, dicts)
                   if summary(check(s, loc, engine="reference", lib=lib)) != base.check(d))
        raise click.ClickException("the engine and the baseline disagree on "
                                   f"{len(dicts) - agree} scenarios, e.g. {json.dumps(bad)}")
    valid = sum(not any(r for r, _, _ in base.check(d)[0] if r not in _NOT_ERRORS) for d in dicts)

    progress("(a) durable-rules + cross-check, a folder; (a1) one check() per scenario; (b) reference;"
             " (c) hand-written baseline, in alternating rounds")
    rates = _interleaved({
        "a": lambda: _folder_round(lambda items: list(check_all(items, engine="both", lib=lib)), scenarios),
        "a1": lambda: _folder_round(lambda items: [check(s, loc, engine="both", lib=lib) for s, loc in items],
                                    scenarios),
        "b": lambda: _timed_round(lambda sl: check(sl[0], sl[1], engine="reference", lib=lib), scenarios, seconds),
        "c": lambda: _timed_round(base.check, dicts, seconds)}, rounds)
    a, a1, b, c = rates["a"], rates["a1"], rates["b"], rates["c"]
    progress("(a0) durable-rules + cross-check, nothing remembered between scenarios")
    a0 = _rate(lambda sl: (forget_verified(), check(sl[0], sl[1], engine="both", lib=lib)),
               scenarios, seconds, rounds)

    progress("(d) cold vedtekt check")
    scenario_file = shipped("scenarios") / "folloradet" / "2021-02-quorum.yaml"
    cold = _cold_check(cold_runs, scenario_file) if scenario_file.exists() else []

    progress("(d') cold check beside a bare import of pydantic, yaml and click")
    cold_ratio = cold_start_ratio(cold_runs)

    progress("(e) exhaustive six-participant case")
    exhaustive = {name: _exhaustive(check, lib, states, rounds_)
                  for name, states, rounds_ in (("absent_for_against_blank", FOUR, 3),
                                                ("absent_present_for_against_blank", FIVE, 1))}

    progress("(e) by classes, (g) 50-seat class analysis, (h) verify and review of 50 participants")
    by_class = {name: exhaustive_six_by_class(check, lib, states)
                for name, states in (("absent_for_against_blank", FOUR), ("absent_present_for_against_blank", FIVE))}
    classes_50, verify_figures = class_analysis_50(), verify_50()

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "machine": machine(),
        "scenarios": {"generated": len(dicts), "valid": valid, "seed": seed,
                      "engine_agrees_with_baseline": agree},
        "a_durable_with_crosscheck_per_s": round(a),
        "a1_durable_with_crosscheck_one_check_per_scenario_per_s": round(a1),
        "a0_durable_with_crosscheck_nothing_remembered_per_s": round(a0),
        "b_reference_per_s": round(b),
        "c_handwritten_per_s": round(c),
        "ratio_a_over_c": round(a / c, 4),
        "ratio_b_over_c": round(b / c, 4),
        "slowdown_c_over_b": round(c / b, 2),
        "d_cold_check_ms": {"median": round(statistics.median(cold) * 1000, 1) if cold else None,
                            "runs": [round(t * 1000, 1) for t in cold]},
        "d_cold_start_vs_bare_import": cold_ratio,
        "e_exhaustive_six": exhaustive,
        "e_exhaustive_six_by_class": by_class,
        "g_class_analysis_50_seats": classes_50,
        "h_verify_50_participants": verify_figures,
        "f_peak_rss_mb": round(peak_kb / 1024, 1),
        "f_peak_rss_cold_check_mb": round(child_kb / 1024, 1),
        "targets": {
            "durable_ge_3000_per_s": a >= 3000,
            "reference_within_3x_of_handwritten": c / b <= 3,
            "cold_check_lt_400_ms": bool(cold) and statistics.median(cold) < 0.4,
            "cold_check_within_3x_of_bare_import": cold_ratio["ratio"] <= 3,
            "exhaustive_six_4_states_lt_1_s": exhaustive["absent_for_against_blank"]["reference_s"] < 1.0,
            "exhaustive_six_5_states_lt_1_s": exhaustive["absent_present_for_against_blank"]["reference_s"] < 1.0,
            "exhaustive_six_by_class_each_lt_1_s": all(e["reference_s"] < 1.0 for e in by_class.values()),
            "class_analysis_50_seats_lt_5_s": classes_50["seconds"] < 5.0,
            "verify_50_participants_lt_5_s": verify_figures["seconds"] < 5.0,
            "review_50_participants_lt_5_s": verify_figures["review_50_participants_s"] < 5.0,
        },
    }


def _exhaustive(check, lib, states, rounds: int) -> dict:
    dicts = exhaustive_six(states)
    start = time.perf_counter()
    six = prepared(dicts)
    validated = time.perf_counter() - start
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        verdicts = [check(s, loc, engine="reference", lib=lib) for s, loc in six]
        times.append(time.perf_counter() - start)
    ok = sum(summary(v) == base.check(d) for v, d in zip(verdicts, dicts))
    start = time.perf_counter()
    for s, loc in six:
        check(s, loc, engine="both", lib=lib)
    both = time.perf_counter() - start
    return {"patterns": len(six), "reference_s": round(statistics.median(times), 3),
            "validation_s": round(validated, 3), "durable_with_crosscheck_s": round(both, 3),
            "agree_with_baseline": ok, "valid": sum(v.valid for v in verdicts)}


_NOT_ERRORS = {"unknown-attendee", "deputy-not-fixed", "deputy-and-principal",
               "tie-decided-by-chair", "tie-in-election", "tie-without-chair-vote"}


def _web_round_trip(targets: dict) -> dict | None:
    """(w) the web page's check round trip (engine/web/bench.py); None without the web extra."""
    from engine.web.bench import check_round_trip

    figures = check_round_trip()
    if figures is not None:
        targets["web_check_server_time_lt_50_ms"] = figures["server_ms_median"] < 50
    return figures


@click.command(cls=WordedCommand)
@click.option("--json", "as_json", is_flag=True, help="skriv resultatet som JSON")
@click.option("--seconds", type=float, default=1.0, show_default=True,
              help="varighet av hver måleomgang for (a)–(c)")
@click.option("--rounds", type=int, default=5, show_default=True, help="antall måleomganger (median)")
@click.option("--scale", is_flag=True,
              help="mål også minne og tid for vedtekt check på mapper med 1 000 og 10 000 "
                   "genererte scenarioer, og på én fil med 10 000 saker (noen minutter ekstra)")
def bench(as_json, seconds, rounds, scale):
    """Mål ytelsen: scenarioer per sekund gjennom durable-rules (med krysskontroll), gjennom
    referanseevalueringen og en håndskrevet Python-sjekk; kaldstart; uttømmende
    seks-deltaker-sak; minnetopp. Tar under ett minutt.

    Eksempel: vedtekt bench --json
    """
    say = (lambda m: None) if as_json else (lambda m: click.echo(f"… {m}", err=True))
    result = run(seconds=seconds, rounds=rounds, progress=say)
    say("(w) web: POST /api/check round trip")
    result["w_web_check_round_trip"] = _web_round_trip(result["targets"])
    if scale:
        say("scale: vedtekt check on 1,000 and 10,000 generated files")
        result["scale"] = globals()["scale"]()
        say("scale: one file with 10,000 cases")
        result["scale_cases"] = scale_cases()
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    m = result["machine"]
    click.echo(f"Maskin: {m['cpu']} ({m['nproc']} kjerner), Python {m['python']}")
    click.echo(f"(a) durable-rules + krysskontroll: {result['a_durable_with_crosscheck_per_s']:>9,} scenarioer/s")
    click.echo(f"(a1) én check() per scenario:      "
               f"{result['a1_durable_with_crosscheck_one_check_per_scenario_per_s']:>9,} scenarioer/s")
    click.echo(f"(a0) uten husket svar:             "
               f"{result['a0_durable_with_crosscheck_nothing_remembered_per_s']:>9,} scenarioer/s")
    click.echo(f"(b) referanse:                     {result['b_reference_per_s']:>9,} scenarioer/s")
    click.echo(f"(c) håndskrevet Python:            {result['c_handwritten_per_s']:>9,} scenarioer/s")
    click.echo(f"    a/c = {result['ratio_a_over_c']}, b/c = {result['ratio_b_over_c']}")
    click.echo(f"(d) kald vedtekt check: {result['d_cold_check_ms']['median']} ms (median)")
    for e in result["e_exhaustive_six"].values():
        click.echo(f"(e) {e['patterns']} mønstre, seks deltakere: {e['reference_s']} s (referanse), "
                   f"{e['durable_with_crosscheck_s']} s (durable + krysskontroll)")
    for e in result["e_exhaustive_six_by_class"].values():
        click.echo(f"(e) etter klasser: {e['patterns']} mønstre fra {e['representatives']} representanter: "
                   f"{e['reference_s']} s ({e['agree_with_baseline']} samsvarer med fasiten)")
    g, h = result["g_class_analysis_50_seats"], result["h_verify_50_participants"]
    click.echo(f"(g) 50 seter, alle 4^50 mønstre etter klasser: {g['seconds']} s")
    click.echo(f"(h) vedtekt verify, 50 deltakere: {h['seconds']} s; review av utkast med 50 deltakere: "
               f"{h['review_50_participants_s']} s")
    click.echo(f"(f) minnetopp: {result['f_peak_rss_mb']} MB")
    r = result["d_cold_start_vs_bare_import"]
    click.echo(f"(d') kald check {r['cold_check_ms']} ms mot import av pydantic, yaml, click "
               f"{r['bare_import_ms']} ms: {r['ratio']}×")
    if result["w_web_check_round_trip"]:
        g = result["w_web_check_round_trip"]
        click.echo(f"(w) nettsiden, POST /api/check: {g['server_ms_median']} ms servertid, "
                   f"{g['round_trip_ms_median']} ms tur-retur (median av {g['runs']})")
    for name, figures in result.get("scale", {}).items():
        click.echo(f"    {name}: {figures['peak_rss_mb']} MB, {figures['wall_s']} s")
    if "scale_cases" in result:
        f = result["scale_cases"]
        click.echo(f"    én fil med {f['cases']:,} saker: {f['wall_s']} s, {f['peak_rss_mb']} MB")
    for name, met in result["targets"].items():
        click.echo(f"    {'OK ' if met else 'NEI'} {name}")


# -- (e) and (e') by classes of interchangeable members; the 50-seat class analysis; verify ------
# (issue 16) One representative per class pattern is judged by the engine; every pattern's
# verdict is read off its representative, with the people renamed, and compared with the
# baseline's verdict on that very pattern.


def _six_dict(pattern: tuple[str, ...]) -> dict:
    attendance, votes = [], {"for": [], "against": [], "blank": []}
    for p, state in zip(base.PARTICIPANTS, pattern):
        if state == "absent":
            continue
        attendance.append({"person": base.MAYOR[p]})
        if state != "present":
            votes[state].append(base.MAYOR[p])
    present = {a["person"] for a in attendance}
    s = {"name": "six", "organ": "folloradet", "date": DATE, "attendance": attendance,
         "cases": [{"id": "1/21", "votes": {k: v for k, v in votes.items() if v}}]}
    chair = base.LEADER if base.LEADER in present else base.VICE if base.VICE in present else None
    if chair:
        s["chair"] = chair
    return s


def exhaustive_six_by_class(check, lib, states) -> dict:
    """(e)/(e') by classes: the classes come from Follorådet's rules on the date, per chair
    situation (§ 11-2: the leader chairs when present, else the vice; everyone else is
    interchangeable with the members of the same seats: engine.analyses.verify.classes)."""
    from datetime import date as _date

    from engine.analyses.verify.api import council_rules
    from engine.analyses.verify.classes import chair_canonical, chair_representatives, chairs_of

    start = time.perf_counter()
    rules = council_rules("follo", "folloradet", _date.fromisoformat(DATE))
    slot = [rules.ids.index(p) for p in base.PARTICIPANTS]  # bench order -> rules order
    seats = tuple(rules.seats[i] for i in slot)
    chairs = tuple(slot.index(c) for c in chairs_of(rules))
    order = {s: i for i, s in enumerate(states)}
    reps = list(chair_representatives(seats, chairs, states))
    judged = _judged_by_attendance(check, lib, reps)
    verdicts = {}
    for pattern in product(states, repeat=6):
        rep, rename = chair_canonical(pattern, seats, chairs, order)
        verdicts[pattern] = _renamed(judged[rep], rename)
    elapsed = time.perf_counter() - start
    agree = sum(v == base.check(_six_dict(p)) for p, v in verdicts.items())
    return {"patterns": len(verdicts), "chairs": len(chairs), "representatives": len(reps),
            "reference_s": round(elapsed, 3), "agree_with_baseline": agree}


def _judged_by_attendance(check, lib, reps: list[tuple[str, ...]]) -> dict:
    """Each representative judged by the engine as one case of a meeting: the representatives
    with the same attendance (hence the same chair) share one meeting, one case each, so the
    engine builds the sitting, the attendance and the chair once per attendance instead of once
    per representative. A case's verdict is its own findings plus the meeting's (no case), with
    the case id made the single case's; that this equals the meeting of one case is what the
    comparison of every pattern with the baseline shows."""
    meetings: dict[tuple, list] = {}
    for rep in reps:
        meetings.setdefault(tuple(s == "absent" for s in rep), []).append(rep)
    dicts = [_six_meeting(group) for group in meetings.values()]
    judged = {}
    for group, (s, loc) in zip(meetings.values(), prepared(dicts)):
        findings, cases = summary(check(s, loc, engine="reference", lib=lib))
        for k, rep in enumerate(group):
            own = _case_id(k)
            judged[rep] = _split((frozenset((r, ONE_CASE, p) for r, c, p in findings if c == own)
                                  | {f for f in findings if f[1] is None}, {ONE_CASE: cases[own]}))
    return judged


ONE_CASE = "1/21"  # the case id of _six_dict's single case


def _case_id(k: int) -> str:
    return ONE_CASE if k == 0 else f"{k + 1}/21"


def _six_meeting(patterns: list[tuple[str, ...]]) -> dict:
    """One meeting of the six mayors, one case per pattern (the patterns share the attendance)."""
    meeting = _six_dict(patterns[0])
    meeting["cases"] = [dict(_six_dict(p)["cases"][0], id=_case_id(k)) for k, p in enumerate(patterns)]
    return meeting


def _split(verdict) -> tuple:
    """A representative's verdict with its findings split into those naming a person (renamed
    per pattern) and the rest (shared as they are)."""
    findings, cases = verdict
    personal = tuple(f for f in findings if f[2] is not None)
    return frozenset(findings) - frozenset(personal), personal, cases, (frozenset(findings), cases)


def _renamed(judged, rename: dict) -> tuple:
    shared, personal, cases, as_is = judged
    moved = {base.MAYOR[base.PARTICIPANTS[a]]: base.MAYOR[base.PARTICIPANTS[b]]
             for a, b in rename.items() if a != b}
    if not personal or not moved:
        return as_is
    return shared | {(r, c, moved.get(p, p)) for r, c, p in personal}, cases


def class_analysis_50() -> dict:
    """Every pattern of one ordinary case in a 50-seat representantskap (Folloregionen's rules,
    50 members with one seat each; absent, for, against, blank): 4^50 patterns by class."""
    from datetime import date as _date

    from engine.analyses.verify.api import council_rules
    from engine.analyses.verify.classes import class_analysis
    from engine.analyses.verify.properties import ordinary_kind

    rules = council_rules("follo", None, _date(2022, 1, 1)).with_seats((1,) * 50)
    start = time.perf_counter()
    result = class_analysis(rules, ordinary_kind(rules))
    result["seconds"] = round(time.perf_counter() - start, 3)
    result["all_patterns"] = result["patterns"] == 4 ** 50
    result["outcomes"] = {k: f"{v / 4 ** 50:.4f}" for k, v in result["outcomes"].items()}
    del result["patterns"]
    return result


def verify_50(seed: int = 5) -> dict:
    """Every built-in `vedtekt verify` property for 50 participants with 1–3 seats (seeded), and
    the review of a 50-participant draft (its loophole search by seat totals)."""
    from datetime import date as _date

    from engine.analyses.review.core import review_file
    from engine.analyses.verify.api import council_rules
    from engine.analyses.verify.encode import z3
    from engine.analyses.verify.properties import builtin
    from engine.analyses.verify.sample import large_draft

    if z3 is None:
        return {"skipped": "z3-solver er ikke installert: pip install 'vedtekt[verify]'",
                "seconds": float("nan"), "review_50_participants_s": float("nan")}

    rng = random.Random(seed)
    rules = council_rules("follo", None, _date(2022, 1, 1)).with_seats(tuple(rng.randint(1, 3) for _ in range(50)))
    start = time.perf_counter()
    answers = builtin(rules)
    proved = time.perf_counter() - start
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "utkast-50.md"
        path.write_text(large_draft(50)[0], encoding="utf-8")
        start = time.perf_counter()
        report = review_file(path)
        reviewed = time.perf_counter() - start
    return {"participants": 50, "members": rules.members, "properties": len(answers),
            "fail": sum(a.status == "fails" for a in answers), "seconds": round(proved, 3),
            "review_50_participants_s": round(reviewed, 3),
            "review_loophole_findings": len(report.by_rule("minority-can-decide") + report.by_rule("minority-can-block"))}
