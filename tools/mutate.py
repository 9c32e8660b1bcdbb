#!/usr/bin/env python
"""Mutation testing: does the suite notice when the law in the data or the code is changed?

Each mutant is one textual change to the rules (engine/core/rules.yaml), the statute data, the bylaws,
a roster or the fact preparation: flipped comparisons, changed fractions, swapped deputies,
changed citations and layers, dropped rules. Each is applied to a private copy of the checkout
(never to the working tree), the test command is run there, and the mutant counts as killed
when the tests fail. The unmutated copy must pass first, or nothing is measured.

    nice -n 10 python tools/mutate.py                      # all mutants, the scenario suite
    python tools/mutate.py --only 3 --tests tests/test_scenarios.py --json mutate.json

Exit status 0 when every mutant was killed, 1 otherwise. A mutant whose run fails because the program
broke (AttributeError, NameError, SyntaxError, ImportError) is reported as broken, not killed.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TESTS = ("tests/test_scenarios.py", "tests/test_outcome_rules.py")


@dataclass(frozen=True)
class Mutant:
    file: str
    old: str
    new: str
    what: str
    occurrence: int = 1  # which occurrence of `old` to change (1 = the first)


RULES, STATUTE = "engine/core/rules.yaml", "bylaws/statute/kommuneloven-2018.yaml"
FACTS, EFFECTS, EVALUATE, SITTING = "engine/core/facts.py", "engine/core/effects.py", "engine/core/evaluate.py", "engine/core/sitting.py"
OUTCOME = "engine/core/outcome.py"

MUTANTS = (
    # -- rules: comparisons, citations, severities, layers, dropped rules ------------------------
    Mutant(RULES, "{field: present_and_voting, lt: {field: required}}", "{field: present_and_voting, le: {field: required}}",
           "quorum: < flipped to <= (§ 11-9 første ledd)"),
    Mutant(RULES, "{field: objectors, ge: {field: objectors_needed}}", "{field: objectors, gt: {field: objectors_needed}}",
           "not-on-agenda: >= flipped to > (§ 11-3 femte ledd)"),
    Mutant(RULES, "    citation: kommuneloven § 8-1 andre ledd\n    layer: statute-mandatory\n    when: {all: [{field: value, eq: blank}",
           "    citation: kommuneloven § 8-1 første ledd\n    layer: statute-mandatory\n    when: {all: [{field: value, eq: blank}",
           "blank-vote-not-allowed: citation changed"),
    Mutant(RULES, "when: {all: [{field: voter_known, eq: true}, {field: voter_role, eq: observer}, {field: can_vote, eq: false}]}",
           "when: {field: voter_role, eq: never}", "observer-voted: rule dropped"),
    Mutant(RULES, "  - key: deputy-order/attendance\n    id: deputy-order\n    fact: attendee\n    severity: warning",
           "  - key: deputy-order/attendance\n    id: deputy-order\n    fact: attendee\n    severity: error",
           "deputy-order: severity warning -> error"),
    Mutant(RULES, "  - key: inhabil-participated\n    id: inhabil-participated\n    fact: vote\n    severity: error\n    rejects_vote: true",
           "  - key: inhabil-participated\n    id: inhabil-participated\n    fact: vote\n    severity: error\n    rejects_vote: false",
           "inhabil vote counted anyway"),
    Mutant(RULES, "  - key: not-on-agenda\n    id: not-on-agenda\n    fact: case\n    severity: error\n    decides_case: true",
           "  - key: not-on-agenda\n    id: not-on-agenda\n    fact: case\n    severity: error\n    decides_case: false",
           "not-on-agenda no longer stops the decision"),
    Mutant(RULES, "{field: election, eq: true}, {field: ballot, eq: 1}]}", "{field: election, eq: true}, {field: ballot, eq: 2}]}",
           "tie-in-election: first ballot read as the new ballot (§ 7-8)"),
    Mutant(RULES, "when: {all: [{field: voted, eq: false}, {field: excluded, eq: false}]}",
           "when: {field: voted, eq: never}", "did-not-vote: rule dropped (§ 8-1 andre ledd)"),
    Mutant(RULES, "when: {all: [{field: voted, eq: false}, {field: excluded, eq: true}]}",
           "when: {field: voted, eq: never}", "excluded-from-election: rule dropped (§ 11-10 fjerde ledd)"),
    Mutant(RULES, "        - {field: exception, eq: false}", "        - {field: exception, eq: true}",
           "habilitet-decided-with-member: quorum exception inverted (fvl. § 8 andre ledd)"),
    Mutant(RULES, "- {field: case_leader_available, eq: true}", "- {field: case_leader_available, eq: false}",
           "chair-not-entitled/case: leader availability inverted (§ 11-2 tredje ledd)"),
    Mutant(RULES, "    citation: kommuneloven § 11-10 første ledd, jf. forvaltningsloven § 6 første ledd\n    layer: statute-mandatory",
           "    citation: kommuneloven § 11-10 første ledd, jf. forvaltningsloven § 6 første ledd\n    layer: statute-default",
           "inhabil-participated/act: layer changed"),
    Mutant(RULES, "    citation: kommuneloven § 11-2 tredje ledd\n    layer_field: chair_layer",
           "    citation: kommuneloven § 11-2 andre ledd\n    layer_field: chair_layer", "chair-not-entitled: citation changed"),
    # -- statute data ---------------------------------------------------------------------------
    Mutant(STATUTE, 'parameters: {fraction: "1/2", basis: present_and_voting}',
           'parameters: {fraction: "2/3", basis: present_and_voting}', "quorum fraction 1/2 -> 2/3"),
    Mutant(STATUTE, '    parameters: {fraction: "1/3"}', '    parameters: {fraction: "1/2"}',
           "not-on-agenda fraction 1/3 -> 1/2"),
    Mutant(STATUTE, "    layer: statute-mandatory\n    citation: kommuneloven § 11-9 første ledd\n",
           "    layer: statute-mandatory\n    citation: kommuneloven § 11-9 andre ledd\n", "quorum citation changed"),
    Mutant(STATUTE, "deputy-order]  # the engine rules that apply this provision (vedtekt explain)\n    layer: statute-default",
           "deputy-order]  # the engine rules that apply this provision (vedtekt explain)\n    layer: statute-mandatory",
           "deputies layer changed"),
    Mutant(STATUTE, "parameters: {demand_fraction: \"1/3\"}", "parameters: {demand_fraction: \"1/2\"}",
           "demand for a meeting: 1/3 -> 1/2 (§ 11-2 andre ledd c)"),
    # -- bylaws and rosters -----------------------------------------------------------------------
    Mutant("bylaws/folloradet.yaml", "          kind: fixed\n          office: fast-stedfortreder",
           "          kind: personal\n          office: fast-stedfortreder", "Follorådet: fixed deputy read as personal"),
    Mutant("bylaws/folloradet.yaml", "          kind: numbered\n          office: formannskap-varamedlem",
           "          kind: fixed\n          office: formannskap-varamedlem", "Follomøtet: numbered deputies read as fixed"),
    Mutant("bylaws/rosters/folloradet.yaml", "  participant: enebakk\n  group: A\n  number: 1\n- person: enebakk-2019-vara-a2",
           "  participant: enebakk\n  group: A\n  number: 3\n- person: enebakk-2019-vara-a2",
           "roster: Enebakk's A-deputies nr. 1 and 3 swapped (2019 term)"),
    Mutant("bylaws/sogn-regionrad.yaml", '"2/3"', '"1/2"', "Sogn: quorum 2/3 -> 1/2"),
    Mutant("bylaws/folloregionen.yaml", "          kind: personal\n          office: representantskap-varamedlem",
           "          kind: numbered\n          office: representantskap-varamedlem", "Folloregionen: personal deputy read as numbered"),
    # -- fact preparation and the effect -------------------------------------------------------
    Mutant(FACTS, "return _NO_ONE if kind is not None and kind.election else",
           "return _NO_ONE if kind is None else", "no election exception to inhabilitet (§ 11-10 fjerde ledd)"),
    Mutant(FACTS, "and h.number < mine.number", "and h.number > mine.number", "deputies' numbered order reversed (§ 7-10)"),
    Mutant(FACTS, " and self.scenario.forfall_from(p) is None]", "]",
           "a deputy with forfall still counts as passed over"),
    Mutant(FACTS, "and conv.by == law.vice\n                                                          and leader_forfall)",
           "and conv.by == law.vice)", "the vice may convene without the leader's forfall"),
    Mutant(FACTS, '"objectors_needed": required_count(fraction, len(seats)),',
           '"objectors_needed": required_count(fraction, len(self.stands_for)),',
           "agenda objections: denominator on another basis, every attendee (§ 11-3 femte ledd)"),
    Mutant(FACTS, "chair = case.chair or self._chair_of(here, inhabil)", "chair = self._chair_of(here, inhabil)",
           "the case's own chair ignored (casting vote of the meeting chair)"),
    Mutant(FACTS, "and vice not in inhabil:\n            return vice",
           "and vice not in inhabil:\n            return chair",
           "the vice does not take over a case after the chair has left (§ 11-2 tredje ledd)"),
    Mutant(FACTS, '"present_and_voting": len(seats_voting),', '"present_and_voting": len(present_members),',
           "quorum counted on those present, not present and voting"),
    Mutant(FACTS, 'fact["voted"] = seat in voted_seats or person in voted_people', 'fact["voted"] = True',
           "duty to vote never breached"),
    Mutant(EFFECTS, '_VOID_WITHOUT_SEAT = {"observer-voted", ', '_VOID_WITHOUT_SEAT = {',
           "effect: an observer's void vote re-counted as a seat's"),
    Mutant(EFFECTS, '        if any(v["seat"] == seat for v in self.counted(case_id)):\n            return NONE  # the seat', "        # the seat",
           "effect: a seat's second vote counted"),
    # -- the outcome law (rules.yaml `outcome:`, engine/core/outcome.py) ---------------------------
    Mutant(RULES, "{field: ballot, ge: 2}, {field: lot, eq: for}]}\n    outcome: adopted",
           "{field: ballot, ge: 2}, {field: lot, eq: for}]}\n    outcome: rejected", "§ 7-8: the lot read the other way"),
    Mutant(RULES, "{field: chair_vote, eq: for}]}\n    outcome: adopted", "{field: chair_vote, eq: for}]}\n    outcome: rejected",
           "casting vote flipped: the chair's vote for rejects (§ 11-9 andre ledd)"),
    Mutant(RULES, "{field: chair_vote, eq: none}]}\n    outcome: rejected", "{field: chair_vote, eq: none}]}\n    outcome: adopted",
           "a tie without the chair's vote adopted (§ 11-9 andre ledd første punktum)"),
    Mutant(RULES, "    outcome: rejected\n    decided_by: majority", "    outcome: not_decided\n    decided_by: majority",
           "a majority against leaves the case undecided (§ 11-9 andre ledd)"),
    Mutant(RULES, "{field: election, eq: true}, {field: ballot, lt: 2}]}\n    outcome: not_decided",
           "{field: election, eq: true}, {field: ballot, lt: 2}]}\n    outcome: rejected",
           "§ 7-8: a tie on the first ballot rejects instead of a new ballot"),
    Mutant(RULES, "    decided_by: casting-vote\n    citation: kommuneloven § 11-9 andre ledd andre punktum",
           "    decided_by: majority\n    citation: kommuneloven § 11-9 andre ledd andre punktum",
           "casting vote labelled majority (decided_by as data)"),
    Mutant(OUTCOME, "Fraction(tally.for_, cast) >= Fraction(", "Fraction(tally.for_, cast) > Fraction(",
           "qualified majority: «minst 2/3» read as more than 2/3 (§ 18-4 tredje ledd)"),
    Mutant("bylaws/folloregionen.yaml", 'majority: "2/3"', 'majority: "1/2"',
           "Folloregionen: qualified majority 2/3 -> 1/2 (§ 18-4 tredje ledd)"),
    Mutant(EFFECTS, 'return MAY if self.outcome(f.case) in ("adopted", "rejected") else NONE', "return NONE",
           "effect: a case decided off the agenda never affected (§ 11-3 femte ledd)"),
    Mutant(EFFECTS, '    "convened-without-authority": (\n        MAY,', '    "convened-without-authority": (\n        NONE,',
           "effect: an unlawful convening never affected (§ 11-3 første ledd)"),
    Mutant(EFFECTS, 'for value in ("for", "against", "blank")) else NONE', 'for value in ("blank",)) else NONE',
           "effect: the seats missing from the quorum only voting blank (§ 11-9 første ledd)"),
    Mutant(SITTING, "            return h.group == role.group", "            return True",
           "numbered deputy from any group (§ 7-10 «fra den gruppen der det er forfall»)"),
    Mutant(RULES, "{field: tie, eq: true}, {field: election, eq: false}, {field: chair_vote, ne: none}",
           "{field: tie, eq: true}, {field: chair_vote, ne: none}", "casting vote also in elections (§ 11-9 andre ledd)"),
    Mutant(EFFECTS, "return self._status_reversed_effect(f.case, h.person, found_inhabil=h.inhabil)", "return MAY",
           "effect: a habilitet ruling that could differ invalidates the case whatever its count (fvl. § 41)"),
    Mutant(EFFECTS, "        return MAY if any(self.outcome(case_id, add=(seat, v) if v else None, drop=seat) != base\n"
                    "                          for v in values) else NONE", "        return NONE",
           "effect: a member wrongly found habil never affects the case (fvl. § 8 andre ledd, § 41)"),
)


def _copy_checkout(dest: Path) -> None:
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.split("\n")
    for name in filter(None, files):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)


def _apply(text: str, m: Mutant) -> str:
    at = -1
    for _ in range(m.occurrence):
        at = text.find(m.old, at + 1)
        if at < 0:
            raise SystemExit(f"mutant «{m.what}»: text not found in {m.file}; update tools/mutate.py")
    return text[:at] + m.new + text[at + len(m.old):]


# a failure that shows the mutant broke the program (a name it uses is gone), not the law it
# changes: such a mutant proves nothing and is reported as broken, not killed
_BROKEN = re.compile(r"^E\s+(AttributeError|NameError|SyntaxError|IndentationError|ImportError|ModuleNotFoundError)\b",
                     re.MULTILINE)


def _run_tests(copy: Path, tests: tuple[str, ...], timeout: int) -> tuple[str, str]:
    """The mutant's result (survived, killed or broken) and the test run's last line."""
    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests]
    try:
        done = subprocess.run(cmd, cwd=copy, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "killed", "timeout"
    last = (done.stdout.strip().splitlines() or [""])[-1]
    if done.returncode == 0:
        return "survived", last
    return ("broken" if _BROKEN.search(done.stdout) else "killed"), last


def _stop_cleanly(signum, frame):  # a killed run still removes its private copy
    raise SystemExit(128 + signum)


def main(argv=None) -> int:
    signal.signal(signal.SIGTERM, _stop_cleanly)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tests", nargs="*", default=list(DEFAULT_TESTS))
    ap.add_argument("--only", type=int, nargs="*", help="mutant numbers (1-based)")
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    tests = tuple(args.tests)
    chosen = [(i, m) for i, m in enumerate(MUTANTS, 1) if not args.only or i in args.only]
    results = []
    with tempfile.TemporaryDirectory(prefix="vedtekt-mutate-") as tmp:
        copy = Path(tmp)
        _copy_checkout(copy)
        probe = subprocess.run([sys.executable, "-c", "import engine; print(engine.__file__)"], cwd=copy,
                               capture_output=True, text=True).stdout.strip()
        if not probe.startswith(str(copy)):
            print(f"the copy's engine is not the one imported ({probe}); refusing to measure", file=sys.stderr)
            return 2
        result, last = _run_tests(copy, tests, args.timeout)
        ok = result == "survived"  # the unmutated copy must pass
        print(f"unmutated copy: {'pass' if ok else 'FAIL'} ({last})", flush=True)
        if not ok:
            return 2
        for i, m in chosen:
            target = copy / m.file
            original = target.read_text(encoding="utf-8")
            target.write_text(_apply(original, m), encoding="utf-8")
            start = time.perf_counter()
            verdict, last = _run_tests(copy, tests, args.timeout)
            target.write_text(original, encoding="utf-8")
            results.append({"n": i, "file": m.file, "what": m.what, "result": verdict,
                            "seconds": round(time.perf_counter() - start, 1), "tests": last})
            print(f"{i:3d} {verdict:8s} {m.file}: {m.what}  [{last}]", flush=True)
    killed = sum(r["result"] == "killed" for r in results)
    broken = [r["n"] for r in results if r["result"] == "broken"]
    print(f"\n{killed} of {len(results)} mutants killed ({100 * killed / max(1, len(results)):.1f} %) "
          f"by {' '.join(tests)}" + (f"; broken (update them): {broken}" if broken else ""))
    if args.json:
        args.json.write_text(json.dumps({"tests": tests, "killed": killed, "total": len(results),
                                         "mutants": results}, ensure_ascii=False, indent=1) + "\n")
    return 0 if killed == len(results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
