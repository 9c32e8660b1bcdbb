"""The outcome law as rules (rules.yaml `outcome:`): derived from the statute, exclusive, cited,
and the same on both paths.

Expected outcomes below are read from the statute text (../shared/domain/sources/
kommuneloven-2018-utdrag.txt), not from the program:
- § 11-9 andre ledd: «Et vedtak treffes med flertallet av de avgitte stemmene ... I andre saker
  enn de som gjelder valg, er møtelederens stemme avgjørende hvis antallet stemmer for og imot et
  forslag er likt.»
- § 7-8: «Hvis ingen får mer enn halvparten av stemmene, holdes en ny avstemning. ... Hvis to
  eller flere kandidater får like mange stemmer, avgjøres valget ved loddtrekning.»
- § 18-4 tredje ledd: «minst 2/3 av de avgitte stemmene».
"""
from __future__ import annotations

import itertools

import pytest

from engine.core import durable_engine
from engine.core.errors import InternalError
from engine.core.evaluate import check_file, evaluate_reference
from engine.core.library import library
from engine.core.outcome import outcome_fact, read_outcomes
from engine.core.rules import rulebook
from engine.core.verdict import Tally

BOOK = rulebook()


def _fact(n, for_=0, against=0, blank=0, blocked=False, qualified=None, election=False, ballot=1,
          lot="none", chair_vote="none") -> dict:
    case = {"case": f"k{n}", "election": election, "ballot": ballot, "lot": lot, "chair_vote": chair_vote,
            "qualified": qualified is not None, "qualified_fraction": qualified or "",
            "qualified_citation": "kommuneloven § 18-4 tredje ledd" if qualified else ""}
    tally = Tally(**{"for": for_, "against": against, "blank": blank})
    return outcome_fact(f"o{n}", case, tally, for_ + against + blank, blocked)


def _decide(facts):
    return read_outcomes(BOOK, facts, evaluate_reference(BOOK, facts))


# (case, expected outcome, expected decided_by), each read from the statute text above
LAW = [
    (dict(for_=3, against=2), "adopted", "majority"),           # a majority of the votes cast
    (dict(for_=2, against=3), "rejected", "majority"),
    (dict(for_=3, against=2, blank=4), "adopted", "majority"),  # blank votes are not cast for or against
    (dict(for_=2, against=2, chair_vote="for"), "adopted", "casting-vote"),     # the chair's vote decides
    (dict(for_=2, against=2, chair_vote="against"), "rejected", "casting-vote"),
    (dict(for_=2, against=2), "rejected", "tie-no-majority"),   # no valid chair's vote: no majority
    (dict(for_=2, against=2, election=True, chair_vote="for"), "not_decided", "new-ballot-required"),
    (dict(for_=2, against=2, election=True, ballot=2), "not_decided", "lot-required"),
    (dict(for_=2, against=2, election=True, ballot=2, lot="for"), "adopted", "lot"),
    (dict(for_=2, against=2, election=True, ballot=2, lot="against"), "rejected", "lot"),
    (dict(for_=3, against=1, election=True), "adopted", "majority"),  # more than half of the votes cast
    (dict(for_=4, against=2, qualified="2/3"), "adopted", "qualified-majority"),   # exactly 2/3: «minst»
    (dict(for_=3, against=2, qualified="2/3"), "rejected", "qualified-majority"),  # a majority, not 2/3
    (dict(for_=2, against=2, qualified="2/3", chair_vote="for"), "rejected", "qualified-majority"),
    (dict(blank=3, qualified="2/3"), "not_decided", None),      # nothing cast for or against
    (dict(blank=3, election=True), "not_decided", None),
    (dict(), "no_vote", None),                                  # no valid vote: nothing was voted on
    (dict(for_=5, blocked=True), "not_decided", None),          # e.g. no quorum (§ 11-9 første ledd)
]


@pytest.mark.parametrize("case,outcome,decided_by", LAW)
def test_the_outcome_law_as_the_statute_reads(case, outcome, decided_by):
    (rule,) = _decide([_fact(0, **case)])
    assert (rule.outcome, rule.decided_by) == (outcome, decided_by)


def _grid() -> list[dict]:
    """Every combination of the fields the outcome rules read, over small counts."""
    combos = itertools.product(range(3), range(3), (0, 1), (False, True), (None, "2/3", "1/2"),
                               (False, True), (1, 2), ("none", "for", "against"), ("none", "for", "against"))
    return [_fact(n, *c) for n, c in enumerate(combos)]


def test_exactly_one_outcome_rule_holds_for_every_fact_and_durable_agrees():
    facts = _grid()
    reference = evaluate_reference(BOOK, facts)
    assert len(read_outcomes(BOOK, facts, reference)) == len(facts)  # raises on none or two
    assert durable_engine.evaluate(BOOK, facts) == reference


def test_two_outcomes_for_one_case_is_an_internal_error():
    fact = _fact(0, for_=3, against=2)
    fired = evaluate_reference(BOOK, [fact]) | {("outcome/majority-against", "o0")}
    with pytest.raises(InternalError, match="nøyaktig ett"):
        read_outcomes(BOOK, [fact], fired)


def test_every_outcome_rule_cites_a_statute_provision_from_data():
    """Each fixed citation is (a sentence of) a provision in the statute data; a qualified
    majority cites the competence clause of the bylaws that sets it."""
    provisions = [r.citation for s in library().statutes.values() for r in s.rules]
    for rule in BOOK.outcome:
        if rule.citation_field:
            assert rule.citation_field == "qualified_citation", rule.key
            continue
        assert any(rule.citation.startswith(p) for p in provisions), (rule.key, rule.citation)
    assert {r.decided_by for r in BOOK.outcome} >= {"majority", "casting-vote", "qualified-majority",
                                                    "new-ballot-required", "lot-required", "lot"}


def test_a_disagreement_on_the_outcome_stops_the_verdict(monkeypatch):
    """durable-rules dropping one outcome rule's firing must be exit 3, not a silent verdict."""
    real = durable_engine.evaluate_groups

    def lossy(book, groups, driver="lean", learning=None):
        return [{kf for kf in answer if not kf[0].startswith("outcome/")}
                for answer in real(book, groups, driver, learning)]

    monkeypatch.setattr(durable_engine, "evaluate_groups", lossy)
    with pytest.raises(InternalError, match="uenige"):
        check_file("scenarios/folloradet/2021-02-quorum.yaml")
