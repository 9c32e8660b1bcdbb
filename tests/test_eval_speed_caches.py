"""The reference path's caches (engine.core.evaluate) are keyed on everything they read: each is a
pure function of immutable inputs (the library, a frozen document or statute, a rule, the key of
a sitting), so two different inputs never share an answer, and a failed lookup still raises its
error at the scenario's own key."""
from datetime import date

import pytest

from engine.core.errors import InputError
from engine.core.evaluate import _chosen, _shown_fields, _sitting_assumptions, check
from engine.core.library import library
from engine.core.rules import Rule, rulebook
from engine.core.scenario import Scenario
from engine.core.yamlio import Located


def test_the_chosen_document_depends_on_organ_date_bylaws_and_council():
    lib = library()
    assert _chosen(lib, "arbeidsutvalget", date(2015, 5, 1), None, None).id == "folloradet"
    assert _chosen(lib, "arbeidsutvalget", date(2022, 5, 1), None, None).id == "folloregionen"
    assert _chosen(lib, "representantskapet", date(2022, 5, 1), None, "romsdal").id == "romsdal-ipr"
    assert _chosen(lib, "representantskapet", date(2022, 5, 1), None, None).id == "folloregionen"
    assert _chosen(lib, "arbeidsutvalget", date(2022, 5, 1), "folloradet", None) is None  # not in force
    assert _chosen(lib, "representantskapet", date(2022, 5, 1), None, "no-such-council") is None


def test_a_scenario_without_a_document_still_gets_the_error_at_its_key():
    data = {"name": "n", "organ": "folloradet", "date": "2030-01-01", "attendance": [], "cases": []}
    located = Located(data, {("date",): 4}, "s.yaml")
    for _ in range(2):  # the second time too: a failed lookup is not an answer to remember
        with pytest.raises(InputError) as caught:
            check(Scenario.model_validate(data), located, engine="reference")
        assert caught.value.file == "s.yaml" and "date" in caught.value.where_text()


def test_sitting_assumptions_depend_on_document_statute_date_and_chair():
    lib = library()
    doc = lib.document("folloregionen")
    statute = lib.statute_for(doc)
    on = date(2022, 5, 1)
    with_chair = _sitting_assumptions(doc, statute, "representantskapet", on, True)
    without = _sitting_assumptions(doc, statute, "representantskapet", on, False)
    assert len(with_chair) == len(without) + 1  # the leadership's assumption, when a chair is given
    old = lib.document("folloradet")
    before = _sitting_assumptions(old, statute, "folloradet", date(2015, 5, 1), False)
    after = _sitting_assumptions(old, statute, "folloradet", date(2020, 5, 1), False)
    no_statute = _sitting_assumptions(old, None, "folloradet", date(2015, 5, 1), False)
    # the statute's own note: for a meeting before it came into force, and only with the statute
    note = {a.what.strip() for a in statute.assumptions if a.topic == "statute-before-in-force"}
    assert note and note <= set(before) and not note & set(after) and not note & set(no_statute)


def test_the_fields_a_finding_shows_follow_the_rules_condition_not_its_key():
    rule = rulebook().rules[0]
    other = Rule.model_validate({**rule.model_dump(), "when": {"field": "something_else", "eq": True}})
    assert rule.key == other.key and rule != other
    assert "something_else" in _shown_fields(other) and "something_else" not in _shown_fields(rule)


def test_required_count_parses_each_fraction_once_and_keeps_them_apart():
    """model._share remembers a fraction's text parsed; every share of every size still gets the
    least whole number of members that is at least that share (as counted with Fractions)."""
    from fractions import Fraction

    from engine.core.model import _share, required_count

    for text in ("1/3", "2/3", "1/2", "0.5", "3/4", "1", "1/3"):  # each asked in turn, one repeated
        for members in range(0, 60):
            need = Fraction(text) * members
            assert required_count(text, members) == -(-need.numerator // need.denominator)
    assert _share("1/3") == Fraction(1, 3) and _share("2/3") == Fraction(2, 3)
    assert required_count("1/3", 7) == 3 and required_count("2/3", 7) == 5 and required_count("1/2", 7) == 4
    with pytest.raises(ValueError):  # a bad fraction is not remembered: it raises each time
        required_count("x/y", 3)
    with pytest.raises(ValueError):
        required_count("x/y", 3)


def test_the_document_parts_are_each_documents_and_statutes_own():
    """evaluate._document_parts bundles what a scenario reads per document and statute: for every
    document of the library, with its statute, each part is what its own function gives, and two
    documents get two bundles."""
    from engine.core.evaluate import _document_parts, _statute_notes, _statute_rules

    lib = library()
    bundles = {}
    for doc in lib.documents.values():
        statute = lib.statute_for(doc)
        parts = _document_parts(doc, statute)
        assert parts.statute_rules == _statute_rules(statute) == {r.id: r for r in statute.rules}
        assert parts.statute_notes == (_statute_notes(doc, statute, False), _statute_notes(doc, statute, True))
        bundles[doc.id] = parts
    old, new = bundles["folloradet"], bundles["folloregionen"]
    assert old is not new and old.statute_notes != new.statute_notes
