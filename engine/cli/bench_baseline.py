"""The benchmark's baseline: the Follorådet rules written by hand as plain Python.

It knows one sitting only: Follorådet on a date in 2021 (six participants, each with one vote held
by its mayor or, when the mayor is absent, by the mayor's fixed deputy; leader Frogn, vice
Nesodden), and only the scenario features the benchmark generates (engine/cli/bench.py). It works on
the scenario dict directly, without the library, the facts or the rule book, and gives what the
engine gives for those scenarios: the findings as (rule, case, person) and per case the outcome and
the tally. `vedtekt bench` checks that the two agree before it times them.
"""
from __future__ import annotations

from collections import Counter

PARTICIPANTS = ("enebakk", "frogn", "nesodden", "nordre-follo", "vestby", "as")
MAYOR = {p: f"{p}-2019-fsk-a1" for p in PARTICIPANTS}
FIXED_DEPUTY = {p: f"{p}-2019-fast-stedfortreder" for p in PARTICIPANTS}
SEAT_OF_MAYOR = {m: p for p, m in MAYOR.items()}
SEAT_OF_DEPUTY = {d: p for p, d in FIXED_DEPUTY.items()}
OBSERVERS = {"oslo-2019-observator", "statsforvalteren-2019-observator"}
NO_VOTE = {f"{p}-2019-radmann" for p in PARTICIPANTS} | {"daglig-leder"}
LEADER, VICE = MAYOR["frogn"], MAYOR["nesodden"]
MEMBERS, REQUIRED = 6, 3  # six voting participants; at least half present and voting (§ 11-9)
ELECTION_KINDS = {"valg"}
BLANK_ALLOWED = {"valg", "ansettelse"}  # elections and appointments (kommuneloven § 8-1 andre ledd)
COMPETENT_KINDS = {"ordinary", "valg", "orientering", "arsmelding", "regnskap", "innstilling"}
UNVOTED_KINDS = {"orientering"}


def check(s: dict) -> tuple[frozenset, dict]:
    """(findings as {(rule, case, person)}, {case id: (outcome, for, against, blank, rejected)})."""
    findings: set[tuple[str, str | None, str | None]] = set()
    case_ids = [c["id"] for c in s.get("cases", ())]
    present: dict[str, set[str]] = {}  # person -> case ids present for
    stands_for: dict[str, str] = {}
    for line in s["attendance"]:
        first = case_ids.index(line["from_case"]) if "from_case" in line else 0
        last = case_ids.index(line["until_case"]) if "until_case" in line else len(case_ids) - 1
        present.setdefault(line["person"], set()).update(case_ids[first:last + 1])
        if "for" in line:
            stands_for.setdefault(line["person"], line["for"])

    def lawful_deputy(person):  # the fixed deputy standing in for its own mayor
        seat = SEAT_OF_DEPUTY.get(person)
        return seat is not None and stands_for.get(person, MAYOR[seat]) == MAYOR[seat]

    def standing_in(person):  # attends for a seat holder without a role of its own
        return person in present and person in stands_for and not has_role(person)

    def sits_with_mayor(deputy):  # in some case both present and the mayor not inhabil
        mayor = MAYOR[SEAT_OF_DEPUTY[deputy]]
        if mayor not in present:
            return False
        return not case_ids or any(c["id"] in present[deputy] and c["id"] in present[mayor]
                                   and mayor not in inhabil(c) for c in s["cases"])

    def inhabil(case):  # no one is inhabil in an election (kommuneloven § 11-10 fjerde ledd)
        return () if case.get("kind", "ordinary") in ELECTION_KINDS else case.get("inhabil", ())

    def has_role(person):
        return person in SEAT_OF_MAYOR or person in OBSERVERS or person in NO_VOTE

    def known(person):  # a role, or standing in (lawfully or not) for someone at the meeting
        return has_role(person) or person in SEAT_OF_DEPUTY or (person in present and person in stands_for)

    for person in present:
        if not known(person):
            findings.add(("unknown-attendee", None, person))
        elif person in stands_for and not lawful_deputy(person) and not has_role(person):
            findings.add(("deputy-not-fixed", None, person))
        elif lawful_deputy(person) and sits_with_mayor(person):
            findings.add(("deputy-and-principal", None, person))

    chair = s.get("chair")
    if chair and chair not in (LEADER, VICE) and (
            LEADER in present or VICE in present or not s.get("chair_elected", False)
            or not (chair in SEAT_OF_MAYOR or lawful_deputy(chair))):
        findings.add(("chair-not-entitled", None, None))

    if chair == VICE and LEADER in present:  # the vice chaired although the leader was there
        findings.add(("rotation-mismatch", None, None))

    cases = {}
    for case in s.get("cases", ()):
        cid, kind = case["id"], case.get("kind", "ordinary")
        votes = case.get("votes", {})
        lines = [(p, v) for v in ("for", "against", "blank") for p in votes.get(v, ())]
        values = {}
        for p, v in lines:
            values.setdefault(p, set()).add(v)
        seen: Counter = Counter()
        counted = []
        for person, value in sorted(lines):
            seen[person] += 1
            broken = set()
            if not known(person):
                broken.add("unknown-attendee")
            elif person in OBSERVERS:
                broken.add("observer-voted")
            elif not (person in SEAT_OF_MAYOR or lawful_deputy(person) or standing_in(person)):
                broken.add("no-voting-right")  # a deputy is judged as a deputy (below) only
            if person in stands_for and not lawful_deputy(person) and not has_role(person):
                broken.add("deputy-not-fixed")
            mayor = MAYOR.get(SEAT_OF_DEPUTY.get(person))
            if lawful_deputy(person) and cid in present.get(mayor, ()) and mayor not in inhabil(case):
                broken.add("deputy-and-principal")
            if len(values[person]) > 1 or seen[person] > 1:
                broken.add("double-vote")
            if person in inhabil(case):
                broken.add("inhabil-participated")
            if known(person) and cid not in present.get(person, ()):
                broken.add("voter-not-present")
            if value == "blank" and kind not in BLANK_ALLOWED:
                broken.add("blank-vote-not-allowed")
            findings.update((rule, cid, person) for rule in broken)
            if not broken:
                counted.append((person, value))
        if chair in inhabil(case) and cid in present.get(chair, ()):  # fvl. § 6: chairing is taking part
            findings.add(("inhabil-participated", cid, chair))
        if kind not in UNVOTED_KINDS and lines:  # § 8-1 andre ledd: the duty to vote
            voted = {SEAT_OF_MAYOR.get(p) or SEAT_OF_DEPUTY.get(p) for p, _ in lines}
            for seat, mayor in MAYOR.items():
                deputy = FIXED_DEPUTY[seat]
                sits = (mayor if cid in present.get(mayor, ()) and mayor not in inhabil(case) else
                        deputy if cid in present.get(deputy, ()) and lawful_deputy(deputy)
                        and deputy not in inhabil(case) else None)
                if sits and seat not in voted:
                    excluded = kind in ELECTION_KINDS and sits in case.get("inhabil", ())
                    findings.add(("excluded-from-election" if excluded else "did-not-vote", cid, sits))
        tally = Counter(v for _, v in counted)
        seats = {SEAT_OF_MAYOR.get(p) or SEAT_OF_DEPUTY[p] for p, v in counted
                 if v != "blank" or kind in BLANK_ALLOWED}
        blocked = False
        if kind not in UNVOTED_KINDS and counted and len(seats) < REQUIRED:
            findings.add(("quorum", cid, None))
            blocked = True
        if kind not in COMPETENT_KINDS:
            findings.add(("wrong-organ", cid, None))
            blocked = True
        yes, no = tally["for"], tally["against"]
        chair_vote = next((v for p, v in counted if p == chair), "none")
        tie = kind not in UNVOTED_KINDS and yes == no > 0
        if tie and kind in ELECTION_KINDS:
            findings.add(("tie-in-election", cid, None))
        elif tie and chair_vote in ("for", "against"):
            findings.add(("tie-decided-by-chair", cid, None))
        elif tie:
            findings.add(("tie-without-chair-vote", cid, None))
        if not counted:  # no valid vote: nothing was put to a lawful vote
            outcome = "no_vote"
        elif blocked or yes == no == 0 or (yes == no and kind in ELECTION_KINDS):
            outcome = "not_decided"
        elif yes != no:
            outcome = "adopted" if yes > no else "rejected"
        else:
            outcome = "adopted" if chair_vote == "for" else "rejected"
        cases[cid] = (outcome, yes, no, tally["blank"], len(lines) - len(counted))
    return frozenset(findings), cases
