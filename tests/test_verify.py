"""`vedtekt verify`: the solver's answers against exhaustive enumeration, and its counterexamples
against the rules engine's verdicts (the proof engine and the rules engine check each other)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from fractions import Fraction
from itertools import combinations_with_replacement, product

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

pytest.importorskip("z3")

from engine.cli.main import main  # noqa: E402
from engine.core.evaluate import check_file  # noqa: E402
from engine.analyses.verify import api, properties as P  # noqa: E402
from engine.analyses.verify.meetings import CASE_ID  # noqa: E402
from engine.render.verify import answer_text  # noqa: E402
from engine.analyses.verify.outcome import Tally, by_casting_vote, law_sends_on, outcome, quorate  # noqa: E402
from engine.analyses.verify.rules import (ABSENT, AGAINST, BLANK, FOR, PRESENT, KindRule,  # noqa: E402
                                 QuorumRule)

FOLLO_2022 = api.council_rules("follo", None, date(2022, 1, 1))


# -- exhaustive enumeration: every seat in every lawful state ---------------------------------

def _states(rules, kind):
    return [ABSENT, FOR, AGAINST] + ([BLANK] if kind.blank_allowed else [])  # § 8-1: present members vote


def _patterns(rules, kind):
    """Every pattern (a state per seat) with every lawful chair: the leader's own seat (the first
    seat of the leader's participant) when present, else the vice's, else any member present.
    Yields (states per participant, chair states possible)."""
    owners = [i for i, s in enumerate(rules.seats) for _ in range(s)]
    first = {i: owners.index(i) for i in set(owners)}
    lead = first.get(rules.leader) if rules.leader is not None else None
    vice = first.get(rules.vice) if rules.vice is not None else None
    for states in product(_states(rules, kind), repeat=len(owners)):
        per = [[] for _ in rules.seats]
        for owner, state in zip(owners, states):
            per[owner].append(state)
        if lead is not None and states[lead] != ABSENT:
            chairs = {states[lead]}
        elif vice is not None and states[vice] != ABSENT:
            chairs = {states[vice]}
        else:
            chairs = {s for s in states if s != ABSENT} or {None}
        yield per, chairs


def _class_patterns(rules, kind):
    """The same patterns up to two symmetries the rules cannot see: the order of a
    participant's seats that do not chair, and the order of participants with the same seats
    that do not chair (the leader's and vice's participants stand apart). Per participant, its
    chairing seat (the leader's or vice's own, the first) in each state and a multiset of states
    for the rest; per class of interchangeable participants, a multiset of such rows. Every
    property asked below counts states and reads the chair from the chairing seats and the
    states present, so one pattern per class stands for all its reorderings (the answers that
    name participants are spread over the class: `enumerate_answers(..., classes=)`);
    test_class_patterns_answer_as_every_seat_order holds that against every seat in every state."""
    states = _states(rules, kind)
    chairing = {i for i in (rules.leader, rules.vice) if i is not None}
    rows = []
    for i, s in enumerate(rules.seats):
        rest = list(combinations_with_replacement(states, s - (i in chairing)))
        rows.append([(first,) + r for first in states for r in rest] if i in chairing else rest)
    groups = _classes(rules)
    for choice in product(*(combinations_with_replacement(rows[g[0]], len(g)) for g in groups)):
        per = [None] * rules.n
        for members, chosen in zip(groups, choice):
            for i, row in zip(members, chosen):
                per[i] = row
        lead = per[rules.leader][0] if rules.leader is not None else ABSENT
        vice = per[rules.vice][0] if rules.vice is not None else ABSENT
        if lead != ABSENT:
            chairs = {lead}
        elif vice != ABSENT:
            chairs = {vice}
        else:
            chairs = {s for row in per for s in row if s != ABSENT} or {None}
        yield per, chairs


def _classes(rules):
    """Participants with the same seats, neither the leader's nor the vice's, as one class."""
    groups: dict = {}
    for i, s in enumerate(rules.seats):
        groups.setdefault(("chair", i) if i in (rules.leader, rules.vice) else s, []).append(i)
    return list(groups.values())


def enumerate_answers(rules, kind, patterns, classes=None):
    """Every answer the solver gives, by enumeration in one pass over `patterns`: the smallest
    coalition (participants, seats) for each (action, others); the participants without which
    no valid decision is possible, those whose absence alone breaks the quorum; whether the
    chair's vote can decide; whether a quorate vote can end undecided. With `classes`, a
    participant found is taken with its whole class (the patterns stand for every reordering)."""
    spread = {i: set(g) for g in (classes or [[i] for i in range(rules.n)]) for i in g}
    asked = (("adopt", "absent"), ("adopt", "against"), ("adopt", "any"), ("block", "for"))
    best = dict.fromkeys(asked)
    without, breaks, casting, stuck = set(), set(), False, False
    for per, chairs in patterns:
        tallies = [_tally(per, c) for c in chairs]
        adopted = [outcome(rules, kind, t) == "adopted" for t in tallies]
        for action, others in asked:
            if any(adopted) if action == "adopt" else not all(adopted):
                inside = [i for i, row in enumerate(per) if not _CONFORMS[others](row)]
                key = (len(inside), sum(rules.seats[i] for i in inside))
                found = best[action, others]
                best[action, others] = key if found is None or key < found else found
        for t in tallies:
            q = quorate(rules, kind, t) and (t.for_ + t.against + t.counted_blank(kind)) > 0
            casting = casting or by_casting_vote(rules, kind, t)
            stuck = stuck or (q and outcome(rules, kind, t) not in ("adopted", "rejected")
                              and not law_sends_on(kind, t))
            away = [i for i, row in enumerate(per) if all(s == ABSENT for s in row)]
            if q:
                without.update(*(spread[i] for i in away))
            elif len(away) == 1 and all(s != ABSENT for j, row in enumerate(per) if j != away[0] for s in row):
                breaks.update(spread[away[0]])
    return best, without, breaks, casting, stuck


def _tally(per, chair):
    flat = [s for row in per for s in row]
    return Tally(flat.count(FOR), flat.count(AGAINST), flat.count(BLANK), flat.count(PRESENT), chair)


_CONFORMS = {"absent": lambda row: all(s == ABSENT for s in row),
             "against": lambda row: all(s == AGAINST for s in row),
             "for": lambda row: all(s == FOR for s in row),
             "any": lambda row: all(s in (ABSENT, AGAINST) for s in row)}


def _rules(seats, quorum, bylaws_quorum, qualified, election, blank, leader):
    base = FOLLO_2022.with_seats(tuple(seats))
    quorums = (QuorumRule(quorum, "present_and_voting", "kommuneloven § 11-9 første ledd", "statute-mandatory"),)
    if bylaws_quorum is not None:
        quorums += (QuorumRule(bylaws_quorum, "present", "vedtektene", "bylaws"),)
    kind = KindRule(id="k", label="k", kinds=("k",), election=election, blank_allowed=blank or election,
                    qualified=None if election else qualified, citation="test")
    lead = 0 if leader else None
    vice = (1 if len(seats) > 1 else None) if leader else None
    return replace(base, quorums=quorums, kinds=(kind,), leader=lead, vice=vice), kind


_fraction = st.sampled_from([Fraction(1, 3), Fraction(1, 2), Fraction(2, 3), Fraction(3, 4)])


# -- exhaustive enumeration for councils up to 12 participants with 1–4 seats each ------------
#
# Every participant is a bloc: its seats are interchangeable to the rules (they count votes), so a
# participant's part of a pattern is a multiset of seat states, with the first seat apart for the
# leader's and the vice's participant (that seat may chair, § 11-2). The enumeration goes through
# the participants one by one and keeps, for every vote total reachable so far (for, against,
# blank, and the state of the chairing seat when the leader or vice has been met present), the
# cheapest coalition that reaches it: a dynamic programme over every pattern of every seat, with
# the totals as the state (numpy arrays; 12 × 4 seats with blank votes: 49³ totals × 4 chair
# states). Then each reachable total is judged by the plain reading of the rules (outcome.py, the
# rules.yaml predicates), with every lawful chair: the chairing seat, else any member present.
# test_bloc_enumeration_equals_every_seat_in_every_state holds it equal to the seat-by-seat one.

np = pytest.importorskip("numpy")
INF = 1 << 30
COST = 64  # a coalition's cost: participants * COST + seats (at most 48 seats), ordered as (participants, seats)


def _rows(rules, kind, i):
    """Participant i's parts of a pattern: (for, against, blank, state of its chairing seat or
    None, its states), each seat in a lawful state; the first seat stands apart when it may chair."""
    states, seats = _states(rules, kind), rules.seats[i]
    chairing = i in (rules.leader, rules.vice)
    for first in (states if chairing else [None]):
        for rest in combinations_with_replacement(states, seats - chairing):
            row = ((first,) if chairing else ()) + rest
            yield row.count(FOR), row.count(AGAINST), row.count(BLANK), first, row


_CHAIR = {None: 0, ABSENT: 0, FOR: 1, AGAINST: 2, BLANK: 3}
_CHAIR_STATE = {1: FOR, 2: AGAINST, 3: BLANK}


def _programme(rules, kind, cost, keep=lambda i, row: True, boolean=False):
    """table[F, G, B, C]: the least cost(i, row) summed over the participants of a pattern whose
    totals are F for, G against, B blank, with C the chairing seat's state (0: neither the
    leader's nor the vice's seat present); INF (False) where no pattern reaches it. Only the
    rows `keep` allows. The leader's participant goes first, then the vice's (the vice chairs
    only when the leader's seat is absent), then the rest."""
    m = rules.members
    mb = m if kind.blank_allowed else 0
    table = np.full((m + 1, m + 1, mb + 1, 4), False if boolean else INF, dtype=bool if boolean else np.int32)
    table[0, 0, 0, 0] = True if boolean else 0
    order = [i for i in (rules.leader, rules.vice) if i is not None]
    order += [i for i in range(rules.n) if i not in order]
    for i in order:
        new = np.full_like(table, False if boolean else INF)
        for f, g, b, first, row in _rows(rules, kind, i):
            if not keep(i, row):
                continue
            part = table[:m + 1 - f, :m + 1 - g, :mb + 1 - b, :]
            part = part if boolean else part + cost(i, row)
            target = new[f:, g:, b:, :]
            merge = np.logical_or if boolean else np.minimum
            if i not in (rules.leader, rules.vice):
                target[...] = merge(target, part)
                continue
            code = _CHAIR[first]
            if i == rules.vice and rules.leader is not None:  # the leader's seat present chairs
                target[..., 1:] = merge(target[..., 1:], part[..., 1:])
            target[..., code] = merge(target[..., code], part[..., 0])
        table = new
    return table


def _judged(rules, kind):
    """Per reachable total and chair state: (some lawful chair adopts, some lawful chair does not
    adopt, quorate with a vote counted, the chair's vote decides for some chair, a quorate vote
    can end neither adopted nor rejected without the law sending it on)."""
    m = rules.members
    mb = m if kind.blank_allowed else 0
    marks = np.zeros((5, m + 1, m + 1, mb + 1, 4), dtype=bool)
    for f in range(m + 1):
        for g in range(m + 1 - f):
            for b in range(min(mb, m - f - g) + 1):
                count = Tally(f, g, b)
                is_blocked = not quorate(rules, kind, count)
                q = not is_blocked and (f + g + count.counted_blank(kind)) > 0
                by_chair = {}
                for chair in (None, FOR, AGAINST, BLANK):
                    t = Tally(f, g, b, 0, chair)
                    result = outcome(rules, kind, t, is_blocked)
                    by_chair[chair] = (result == "adopted",
                                       f == g and by_casting_vote(rules, kind, t),  # a casting vote breaks a tie only
                                       q and result not in ("adopted", "rejected") and not law_sends_on(kind, t))
                present = [s for s, k in ((FOR, f), (AGAINST, g), (BLANK, b)) if k] or [None]
                for c in range(4):
                    judged = [by_chair[chair] for chair in ([_CHAIR_STATE[c]] if c else present)]
                    marks[:, f, g, b, c] = (any(j[0] for j in judged), not all(j[0] for j in judged), q,
                                            any(j[1] for j in judged), any(j[2] for j in judged))
    return marks


def bloc_answers(rules, kind):
    """The answers enumerate_answers gives, by the dynamic programme over participants: the
    smallest coalition for each (action, others); the participants some quorate pattern does
    without, those whose absence alone (everyone else voting) breaks the quorum (each asked once
    per class of interchangeable participants, the answer spread over the class); whether the
    chair's vote can decide; whether a quorate vote can end undecided."""
    adopts, not_adopted, q, casting, stuck = _judged(rules, kind)
    best = {}
    for action, others in (("adopt", "absent"), ("adopt", "against"), ("adopt", "any"), ("block", "for")):
        def cost(i, row, others=others):
            return 0 if _CONFORMS[others](row) else COST + rules.seats[i]
        table = _programme(rules, kind, cost)
        found = table[(adopts if action == "adopt" else not_adopted) & (table < INF)]
        least = int(found.min()) if found.size else None
        best[action, others] = None if least is None else divmod(least, COST)
    reach = table < INF  # every row has a cost: reached by some pattern
    without, breaks = set(), set()
    for group in _classes(rules):
        i = group[0]
        away = _programme(rules, kind, None, lambda j, row: j != i or all(s == ABSENT for s in row), boolean=True)
        if (away & q).any():
            without.update(group)
        alone = _programme(rules, kind, None, lambda j, row: (all(s == ABSENT for s in row) if j == i
                                                             else ABSENT not in row), boolean=True)
        if (alone & ~q).any():
            breaks.update(group)
    return best, without, breaks, bool((reach & casting).any()), bool((reach & stuck).any())


@settings(max_examples=int(__import__('os').environ.get('VERIFY_EXAMPLES', 12)))
# the top of the range: twelve participants with four seats each, a chairing leader and vice,
# blank votes (an election); twelve single seats; a mix with a 2/3 bylaws quorum
@example(seats=[4] * 12, quorum=Fraction(1, 2), bylaws_quorum=None, qualified=None, election=True,
         blank=True, leader=True)
@example(seats=[1] * 12, quorum=Fraction(1, 2), bylaws_quorum=Fraction(2, 3), qualified=Fraction(2, 3),
         election=False, blank=False, leader=True)
@example(seats=[4, 3, 3, 2, 1, 1, 4, 2, 3, 1, 4], quorum=Fraction(1, 3), bylaws_quorum=Fraction(3, 4),
         qualified=Fraction(3, 4), election=False, blank=True, leader=True)
@given(seats=st.lists(st.integers(1, 4), min_size=2, max_size=12), quorum=_fraction,
       bylaws_quorum=st.none() | _fraction, qualified=st.none() | st.sampled_from([Fraction(2, 3), Fraction(3, 4)]),
       election=st.booleans(), blank=st.booleans(), leader=st.booleans())
def test_solver_answers_equal_exhaustive_enumeration(seats, quorum, bylaws_quorum, qualified, election,
                                                     blank, leader):
    rules, kind = _rules(seats, quorum, bylaws_quorum, qualified, election, blank, leader)
    fewest, without, breaks, casting, stuck = bloc_answers(rules, kind)
    for action, others in fewest:
        found = P.fewest(rules, kind, action, others)
        got = (len(found[0]), found[1]) if found else None
        assert got == fewest[action, others], (action, others)
        if found:  # the solver's own meeting does what it claims, read by the plain evaluation
            assert (outcome(rules, kind, found[2].tally()) == "adopted") == (action == "adopt")
    assert set(P.quorate_without(rules, kind).value["cannot_do_without"]) == \
        {rules.names[i] for i in range(rules.n)} - {rules.names[i] for i in without}
    assert set(P.absence_breaks_quorum(rules, kind).value["can_break_quorum"]) == {rules.names[i] for i in breaks}
    assert (P.casting_vote_scope(rules, kind).status == "fails") == casting
    assert (P.no_deadlock(rules, kind).status == "fails") == stuck


@pytest.mark.parametrize("seats, leader, election, blank", [
    ((2, 3), True, False, False), ((3, 1, 1), True, True, True), ((2, 2, 1), False, False, True),
    ((1, 1, 1, 1, 2), True, False, True), ((1, 1, 1, 1, 1, 1), False, True, False)])
def test_class_patterns_answer_as_every_seat_order(seats, leader, election, blank):
    """The enumerations above take each participant's seats, and each class of interchangeable
    participants, as a multiset (the class patterns; the blocs of the dynamic programme); every
    seat in every state (up to 4^6 patterns) gives the same answers as both."""
    rules, kind = _rules(seats, Fraction(1, 2), Fraction(2, 3), None, election, blank, leader)
    every = enumerate_answers(rules, kind, _patterns(rules, kind))
    assert every == enumerate_answers(rules, kind, _class_patterns(rules, kind), _classes(rules))
    assert bloc_answers(rules, kind) == every


# -- the engine judges every counterexample as the solver claimed ------------------------------

COUNCILS = [("follo", None, "2022-01-01"), ("follo", "folloradet", "2020-06-01"),
            ("follo", "folloradet", "2016-06-01"), ("sogn", None, "2018-06-01")]


@pytest.mark.parametrize("council, organ, day", COUNCILS)
def test_engine_verdict_on_every_counterexample_and_witness_agrees_with_the_solver(council, organ, day, tmp_path):
    rules = api.council_rules(council, organ, date.fromisoformat(day))
    result = api.run(rules)
    api.write_counterexamples(result, tmp_path, witnesses=True, describe=lambda a: answer_text(a, "nb"))
    by_file = {}
    for answer in result.answers:
        pattern = answer.counterexample or answer.witness
        if pattern is not None:
            by_file[answer.id] = (answer, pattern)
    files = sorted(tmp_path.glob("*.yaml"))
    assert len(files) == len(by_file) > 0
    for path in files:
        verdict = check_file(path)
        case = verdict.cases[0]
        assert verdict.expected.matches, (path.name, verdict.expected.differences)
        # and directly: the outcome and the quorum the solver claimed
        answer = next(a for key, (a, _) in by_file.items()
                      if path.stem.endswith(key.replace(":", "-")) or path.stem.endswith(key.replace(":", "-") + "-vitne"))
        t = (answer.counterexample or answer.witness).tally()
        assert case.id == CASE_ID and case.outcome == outcome(rules, answer.kind, t)
        assert any(f.rule == "quorum" for f in verdict.findings) == (
            not quorate(rules, answer.kind, t) and case.outcome != "no_vote")


def test_declared_property_breaks_and_its_meeting_is_judged_as_claimed(tmp_path):
    """«No set of participants holding less than half the seats can amend the agreement»
    (bylaws/properties/folloregionen.yaml): § 18-4 tredje ledd asks 2/3 of the votes *cast*, and
    § 11-9 første ledd half of the members present and voting: 2 for and 1 against of 6 is 3
    present and voting, and 2/3 of the votes cast, so two participants can amend."""
    result = api.run(FOLLO_2022, {"minority-cannot-amend"}, counterexamples=tmp_path)
    (answer,) = [a for a in result.answers if a.id == "minority-cannot-amend"]
    assert answer.status == "fails" and answer.value["participants"] == 2
    verdict = check_file(answer.counterexample_file)
    assert verdict.valid and verdict.cases[0].outcome == "adopted"
    assert (verdict.cases[0].votes.for_, verdict.cases[0].votes.against) == (2, 1)


def test_six_equal_members_statute_rules():
    """Kommuneloven § 11-9: half of 6 = 3 present and voting; a majority of the votes cast; the
    chair's vote on a tie outside elections. Three participants can adopt alone (2 for, 1
    against) and no two can; three can block (3 against 3, the leader among them)."""
    answers = {a.id: a for a in P.builtin(FOLLO_2022)}
    assert answers["adopt-absent:ordinary"].value["participants"] == 3
    assert answers["adopt-absent:ordinary"].value["members"] == 2
    assert answers["block:ordinary"].value["participants"] == 3
    assert answers["casting-vote-scope:valg"].status == "holds"
    assert answers["casting-vote-scope:avtaleendring"].status == "holds"
    assert all(a.status == "holds" for a in answers.values())


def test_sogn_four_of_nine_block_by_staying_away():
    """Sogn vedtekter § 3: «vedtaksført når minst 2/3 er til stades»: 6 of 9; four staying
    away leave five, so four (a minority) can stop any decision."""
    rules = api.council_rules("sogn", None, date(2018, 6, 1))
    answer = P.block(rules, rules.kinds[0])
    assert answer.status == "fails" and answer.value["participants"] == 4


# -- the command ---------------------------------------------------------------------------------

def run(args, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out = capsys.readouterr()
    return exit_info.value.code, out.out, out.err


def test_json_follows_the_contract(capsys):
    """§ 11-9 andre ledd andre punktum gives the chair's vote only «i andre saker enn de som
    gjelder valg», and § 18-4 tredje ledd's 2/3 of the votes cast has no tie to break: both
    casting-vote properties hold."""
    import json

    code, out, _ = run(["verify", "--council", "follo", "--date", "2022-01-01", "--format", "json",
                        "--property", "casting-vote-scope"], capsys)
    data = json.loads(out)
    assert code == 0
    assert {p["id"] for p in data["properties"]} == {"casting-vote-scope:valg", "casting-vote-scope:avtaleendring"}
    for prop in data["properties"]:
        assert {"id", "status", "citation", "message", "counterexample"} <= set(prop)
        assert prop["status"] == "holds" and prop["counterexample"] is None and prop["citation"]


def test_a_failing_property_exits_1_and_writes_its_meeting(capsys, tmp_path):
    code, out, _ = run(["verify", "--council", "sogn", "--date", "2018-06-01", "--property", "block",
                        "--counterexamples", str(tmp_path), "--lang", "en"], capsys)
    assert code == 1 and "FAILS" in out and "a minority can block" in out
    assert len(list(tmp_path.glob("*.yaml"))) == 1


@pytest.mark.parametrize("args, needle", [
    (["--council", "folo"], "mente du: follo"),
    (["--date", "2021-02-30"], "ÅÅÅÅ-MM-DD"),
    (["--council", "sogn", "--date", "2024-01-01"], "not-modelled"),
    (["--council", "follo", "--date", "2022-01-01", "--property", "no-deadlok"], "mente du: no-deadlock"),
    (["--council", "follo", "--date", "2022-01-01", "--participants", "9..2"], "ugyldig intervall"),
    (["--council", "follo", "--date", "2022-01-01", "--organ", "representantskape"], "mente du: representantskapet"),
])
def test_bad_input_is_exit_2_with_a_message(args, needle, capsys):
    code, _, err = run(["verify", *args], capsys)
    assert code == 2 and needle in err and "Traceback" not in err


def test_declared_property_file_errors_name_the_file_and_key(tmp_path, capsys):
    bad = tmp_path / "p.yaml"
    bad.write_text("properties:\n  - id: x\n    label: {nb: a, en: b}\n    citation: kommuneloven § 11-9\n"
                   "    case_kind: avtaleendrig\n", encoding="utf-8")
    code, _, err = run(["verify", "--council", "follo", "--date", "2022-01-01", "--properties", str(bad)], capsys)
    assert code == 2 and "p.yaml" in err and "properties.0.case_kind" in err and "mente du: avtaleendring" in err


def test_missing_solver_names_the_extra(monkeypatch, capsys):
    import engine.analyses.verify.encode as encode

    monkeypatch.setattr(encode, "z3", None)
    code, _, err = run(["verify", "--council", "follo", "--date", "2022-01-01"], capsys)
    assert code == 2 and "pip install 'vedtekt[verify]'" in err


def test_drafts_are_verified_with_the_reviews_reading(capsys, root):
    """The planted-defect draft gives Nordre Follo 4 of 10 seats (§ 5 table); with the statute
    quorum (5 present and voting) Nordre Follo and one more hold 5: two of seven decide."""
    code, out, _ = run(["verify", "--draft", str(root / "drafts" / "utkast-follo-regionrad-med-feil.md"),
                        "--property", "adopt-absent"], capsys)
    assert code == 1 and "To av sju deltakere" in out and "Nordre Follo" in out and "5 av 10 stemmer" in out
    code, out, _ = run(["verify", "--draft", str(root / "drafts" / "utkast-folloregionen-ipr.md")], capsys)
    assert code == 0 and "BRYTES" not in out


# -- every size at once ----------------------------------------------------------------------------

def test_range_formula_equals_the_per_size_answers():
    """The fewest votes for an ordinary decision, proved for every council of 2–8 participants
    with 1–2 seats: half the members present and voting (§ 11-9 første ledd) and a tie settled
    by the chair (andre ledd) make it ⌈M/4⌉; each size asked on its own agrees."""
    from engine.analyses.verify.ranges import over_sizes

    kind = P.ordinary_kind(FOLLO_2022)
    answer = next(a for a in over_sizes(FOLLO_2022, (2, 8), (1, 2), {"range:fewest-votes"})
                  if a.id == "range:fewest-votes:ordinary")
    assert answer.status == "holds" and answer.value["formula"] == "⌈M/4⌉"
    for n, seats in ((2, 1), (3, 2), (5, 1), (8, 2)):
        sized = FOLLO_2022.with_seats((seats,) * n)
        members = n * seats
        assert P.fewest_votes(sized, kind, "any") == -(-members // 4), (n, seats)


def test_range_property_breaks_with_a_size():
    """§ 18-4 tredje ledd: 2/3 of the votes cast. With five single seats, two against three for
    is 3/5 < 2/3: two of five (a minority) can stop an amendment the others vote for."""
    from engine.analyses.verify.ranges import over_sizes

    answer = next(a for a in over_sizes(FOLLO_2022, (2, 12), (1, 2), {"range:no-minority-blocks"})
                  if a.id == "range:no-minority-blocks:avtaleendring")
    assert answer.status == "fails" and answer.value["counterexamples"]


def test_plain_evaluation_equals_the_engine_on_every_six_mayor_class():
    """outcome.py (used by the enumeration above and the 50-seat class analysis) against the
    rules engine itself, on one representative of every class pattern of six Follorådet mayors
    (absent, for, against, blank; the classes per chair situation: 308 meetings)."""
    from engine.cli import bench
    from engine.cli.bench_baseline import LEADER, MAYOR, PARTICIPANTS, VICE
    from engine.core.evaluate import check
    from engine.analyses.verify.classes import chair_representatives, chairs_of

    rules = api.council_rules("follo", "folloradet", date.fromisoformat(bench.DATE))
    slot = [rules.ids.index(p) for p in PARTICIPANTS]
    chairs = tuple(slot.index(c) for c in chairs_of(rules))
    kind = P.ordinary_kind(rules)
    reps = list(chair_representatives(tuple(rules.seats[i] for i in slot), chairs, bench.FOUR))
    assert len(reps) == 308
    for rep, (scenario, located) in zip(reps, bench.prepared([bench._six_dict(r) for r in reps])):
        state = dict(zip((MAYOR[p] for p in PARTICIPANTS), rep))
        chair = next((state[p] for p in (LEADER, VICE) if state[p] != ABSENT), None)
        blank = rep.count(BLANK)
        t = Tally(rep.count(FOR), rep.count(AGAINST), blank, 0, chair)
        engine_case = check(scenario, located, engine="reference").cases[0]
        assert engine_case.outcome == outcome(rules, kind, t), rep


def test_chair_classes_cover_every_pattern_once():
    """Each of the 5^6 patterns has exactly one representative, and it is the pattern itself
    exactly when the pattern is a representative (§ 11-2: the leader chairs when present, else
    the vice; everyone else is interchangeable)."""
    from engine.analyses.verify.classes import chair_canonical, chair_representatives

    states = (ABSENT, PRESENT, FOR, AGAINST, BLANK)
    seats, chairs, order = (1,) * 6, (1, 2), {s: i for i, s in enumerate(states)}
    reps = list(chair_representatives(seats, chairs, states))
    images = {chair_canonical(p, seats, chairs, order)[0] for p in product(states, repeat=6)}
    assert len(reps) == len(set(reps)) == 854 and images == set(reps)
    assert all(chair_canonical(r, seats, chairs, order)[0] == r for r in reps)


def test_ranges_from_the_command_line(capsys):
    import json

    code, out, _ = run(["verify", "--council", "follo", "--date", "2022-01-01", "--participants", "2..9",
                        "--seats-per-participant", "1..3", "--property", "range:casting-vote-scope",
                        "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and {p["id"] for p in data["properties"]} == {
        "range:casting-vote-scope:valg", "range:casting-vote-scope:avtaleendring"}
    assert all(p["status"] == "holds" and "2–9" in p["message"] for p in data["properties"])


def test_an_unwritable_counterexample_folder_is_bad_input(capsys, tmp_path):
    blocker = tmp_path / "fil"
    blocker.write_text("", encoding="utf-8")
    code, _, err = run(["verify", "--council", "sogn", "--date", "2018-06-01", "--property", "block",
                        "--counterexamples", str(blocker / "under")], capsys)
    assert code == 2 and "kan ikke skrive motbeviset" in err and "Traceback" not in err


def test_every_six_mayor_pattern_gets_its_verdict_from_its_class_representative():
    """vedtekt bench (e) by classes: 308 representatives judged by the engine (one case each,
    in one meeting per attendance) stand for all 4,096 patterns; each pattern's verdict, read
    off its representative with the people renamed, equals the hand-written baseline's verdict
    on that very pattern."""
    from engine.cli import bench
    from engine.core.evaluate import check
    from engine.core.library import library

    figures = bench.exhaustive_six_by_class(check, library(), bench.FOUR)
    assert figures["representatives"] == 308 and figures["agree_with_baseline"] == figures["patterns"] == 4096


def test_every_answer_is_worded_from_the_catalogue_in_both_languages():
    """An answer carries a message id and arguments; the catalogues' verify section words it.
    Every kind of answer (built in, declared, over a range, holding and failing) gives a whole
    sentence in bokmål and in English, no argument left unworded, and the two differ."""
    from engine.analyses.verify.ranges import over_sizes

    sogn = api.run(api.council_rules("sogn", None, date(2018, 6, 1))).answers
    answers = sogn + api.run(FOLLO_2022, {"minority-cannot-amend"}).answers + over_sizes(
        FOLLO_2022, (2, 6), (1, 2), {"range:no-minority-blocks", "range:fewest-votes"})
    assert {a.status for a in answers} == {"holds", "fails"} and any(a.id.startswith("range:") for a in answers)
    for answer in answers:
        nb, en = answer_text(answer, "nb"), answer_text(answer, "en")
        assert nb != en and not any(mark in nb + en for mark in ("{", "}", "Words(", "None")), answer.id
    block = next(a for a in sogn if a.id == "block:ordinary")
    assert answer_text(block, "en").startswith("Four of nine participants (")
    assert answer_text(block, "nb").startswith("Fire av ni deltakere (")
