"""Properties of the review: clause order does not change the checklist, and the loophole search
agrees with a brute force over every seat's vote."""
from __future__ import annotations

from fractions import Fraction
from itertools import product
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from engine.analyses.review.checklist import checklist
from engine.analyses.review.loopholes import (DecisionRules, Threshold, passes, smallest_to_adopt,
                                     smallest_to_block)
from engine.analyses.review.parse import parse_lines, read_draft

ROOT = Path(__file__).resolve().parent.parent
CLEAN = read_draft(ROOT / "drafts" / "utkast-folloregionen-ipr.md")
CLAUSE_TEXTS = [c.text for c in CLEAN.clauses]


def _statuses(draft) -> list[str]:
    return [e.status for e in checklist(draft)[0]]


@settings(max_examples=25, deadline=None)
@given(st.permutations(range(len(CLAUSE_TEXTS))))
def test_any_order_of_clauses_gives_the_same_checklist(order):
    lines = "\n\n".join(CLAUSE_TEXTS[i] for i in order).splitlines()
    reordered = parse_lines(lines, "reordered.md")
    assert _statuses(reordered) == _statuses(CLEAN) == ["present"] * 8
    headings = {e.letter: e.location.heading for e in checklist(reordered)[0]}
    assert headings == {e.letter: e.location.heading for e in checklist(CLEAN)[0]}


# --- loopholes -------------------------------------------------------------------------------

def _brute_adopt(rules: DecisionRules, threshold: Threshold) -> int | None:
    """Fewest participants with a vote for, over every seat being for, against or absent."""
    best = None
    owners = [i for i, seats in enumerate(rules.seats) for _ in range(seats)]
    for states in product("fa-", repeat=len(owners)):
        votes_for, against = states.count("f"), states.count("a")
        if passes(rules, threshold, votes_for, against, True):
            size = len({owners[k] for k, s in enumerate(states) if s == "f"})
            best = size if best is None else min(best, size)
    return best


def _brute_block(rules: DecisionRules, threshold: Threshold) -> int | None:
    """Fewest participants that can stop a vote every other member supports (chair not theirs)."""
    n = len(rules.seats)
    best = None
    for mask in range(1, 2 ** n):
        chosen = [i for i in range(n) if mask >> i & 1]
        own = sum(rules.seats[i] for i in chosen)
        if any(not passes(rules, threshold, rules.members - own, a, True) for a in range(own + 1)):
            best = len(chosen) if best is None else min(best, len(chosen))
    return best


_fractions = st.sampled_from([Fraction(1, 3), Fraction(1, 2), Fraction(2, 3), Fraction(3, 4)])


@settings(max_examples=40, deadline=None)
@given(seats=st.lists(st.integers(1, 2), min_size=2, max_size=4), quorum=_fractions,
       majority=st.sampled_from([Fraction(1, 2), Fraction(2, 3)]), strict=st.booleans())
def test_loophole_search_agrees_with_brute_force(seats, quorum, majority, strict):
    rules = DecisionRules(tuple(seats), tuple(f"P{i}" for i in range(len(seats))), quorum=quorum)
    threshold = Threshold(majority, strict=strict)
    adopt = smallest_to_adopt(rules, threshold, "any")
    assert (adopt.size if adopt else None) == _brute_adopt(rules, threshold)
    block = smallest_to_block(rules, threshold)
    assert (block.size if block else None) == _brute_block(rules, threshold)


def test_statute_defaults_let_no_minority_decide_alone():
    rules = DecisionRules((1,) * 6, tuple("ABCDEF"))
    for others in ("absent", "against"):
        assert smallest_to_adopt(rules, Threshold(), others).size == 3
    assert smallest_to_block(rules, Threshold()).size == 4


def test_a_heavy_participant_and_a_low_quorum_are_loopholes():
    heavy = DecisionRules((4, 1, 1, 1, 1, 1), tuple("NABCDE"))
    coalition = smallest_to_adopt(heavy, Threshold(), "absent")
    assert coalition.size == 2 and "N" in coalition.participants and coalition.seats == 5
    anyone = DecisionRules((1,) * 6, tuple("ABCDEF"), quorum_min=1)
    assert smallest_to_adopt(anyone, Threshold(), "absent").size == 1


# --- shares: the same numbers in a table, a list and a sentence ------------------------------

_MUNICIPALITIES = ["Enebakk", "Frogn", "Nesodden", "Vestby", "Ås", "Askvoll"]


def _share_draft(names, percents, form: str):
    lines = ["# Samarbeidsavtale for Testrådet interkommunalt politisk råd", "", "## § 1 Deltakere", "",
             "Deltakere i rådet er " + ", ".join(f"{n} kommune" for n in names[:-1]) + f" og {names[-1]} kommune.",
             "", "## § 2 Økonomi", ""]
    if form == "table":
        lines += ["| Deltaker | Eierandel |", "| --- | --- |"] + [f"| {n} | {p} % |" for n, p in zip(names, percents)]
    elif form == "list":
        lines += ["Eierandelene er:", ""] + [f"- {n}: {p} %" for n, p in zip(names, percents)]
    else:
        lines += ["Eierandelene fordeles slik: " + ", ".join(f"{n} kommune {p} %" for n, p in zip(names, percents)) + "."]
    return parse_lines(lines, f"{form}.md")


@settings(max_examples=15)
@given(st.integers(2, 6).flatmap(lambda n: st.tuples(
    st.just(_MUNICIPALITIES[:n]), st.lists(st.integers(1, 60), min_size=n, max_size=n))))
def test_shares_read_the_same_in_every_form(case):
    from engine.analyses.review.extract import participants, shares

    names, percents = case
    read = []
    for form in ("table", "list", "sentence"):
        draft = _share_draft(names, percents, form)
        found = shares(draft, participants(draft)[0])
        read.append([(s.name.replace(" kommune", ""), s.value * 100) for s in found])
    assert read[0] == read[1] == read[2] == list(zip(names, percents))


@settings(max_examples=30)
@given(st.text(alphabet="ab \n", max_size=60), st.integers(0, 70), st.integers(1, 40))
def test_line_at_is_the_line_of_the_offset(text, offset, first_line):
    from engine.analyses.review.parse import Clause

    clause = Clause("§ 1", "1", first_line, text)
    assert clause.line_at(offset) == first_line + text.count("\n", 0, offset)
