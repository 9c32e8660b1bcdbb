"""The reference path's short cuts (engine.core.evaluate, engine.core.rules) give exactly the answer
of the long way they replace, and each cache is keyed on everything it reads: the person ids checked
without their places are those the located walk yields (and an unknown one is still refused at its
own key); a finding's shape is that of its rule in the book asked; the statute notes follow the
document, the statute and the side of its date."""
import importlib
import random
import sys
from pathlib import Path

import pytest

from engine.cli.bench import follo_scenario, prepared
from engine.core.evaluate import _named_people, _person_refs
from engine.core.errors import InputError
from engine.core.scenario import Scenario
from engine.core.yamlio import Located, load_yaml

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"


def _scenario_files():
    return [p for p in sorted((ROOT / "scenarios").rglob("*.yaml")) if "authority" not in p.parts]


def _fuzz_scenarios(n: int):
    if str(TOOLS) not in sys.path:
        sys.path.insert(0, str(TOOLS))
    gen = importlib.import_module("fuzz").Generator(4242)
    out = []
    for i in range(n):
        try:
            out.append(Scenario.model_validate(gen.scenario(i)))
        except Exception:  # refused as bad input: not a scenario to check references of
            continue
    return out


def _parsed_scenario_files():
    out = []
    for path in _scenario_files():
        data = load_yaml(path).data
        try:
            out.append(Scenario.model_validate(data))
        except Exception:
            continue
    return out


def test_the_people_checked_without_places_are_the_people_the_located_walk_yields():
    rng = random.Random(7)
    bench = [s for s, _ in prepared([follo_scenario(rng, i) for i in range(100)])]
    scenarios = _parsed_scenario_files() + bench + _fuzz_scenarios(300)
    assert len(scenarios) > 500
    for s in scenarios:
        assert set(filter(None, _named_people(s))) == {p for _, p in _person_refs(s)}, s.name


@pytest.mark.parametrize("where", ["attendance", "vote", "habilitet-vote", "demanded_by"])
def test_an_unknown_person_is_still_refused_at_its_own_key(where):
    from engine.core.evaluate import check
    rng = random.Random(3)
    data = follo_scenario(rng, 0)
    ghost = "no-such-person"
    if where == "attendance":
        data["attendance"] = [*data["attendance"], {"person": ghost}]
        key = f"attendance.{len(data['attendance']) - 1}.person"
    elif where == "vote":
        data["cases"][0]["votes"] = {"for": [ghost]}
        key = "cases.0.votes.for.0"
    elif where == "habilitet-vote":
        member = data["attendance"][0]["person"]
        data["cases"][0]["habilitet"] = [{"person": member, "inhabil": True, "votes": {"against": [ghost]}}]
        key = "cases.0.habilitet.0.votes.against.0"
    else:
        data["convening"] = {"demanded_by": [ghost]}
        key = "convening.demanded_by.0"
    located = Located(data, {}, "s.yaml")
    with pytest.raises(InputError) as caught:
        check(Scenario.model_validate(data), located, engine="reference")
    assert ghost in caught.value.message_text("en") and key in caught.value.where_text()


def test_the_finding_shapes_are_those_of_each_rule_of_the_book_asked():
    from engine.core.evaluate import _finding_shapes, _shown_fields
    from engine.core.rules import RuleBook, rulebook
    book = rulebook()
    shapes = _finding_shapes(book)
    assert list(shapes) == [r.key for r in book.rules]
    for i, rule in enumerate(book.rules):
        shape = shapes[rule.key]
        assert shape == (i, rule, _shown_fields(rule), rule.message_id, rule.severity == "error")
    # another book (here: the rules reversed) has its own positions: keyed on the whole book
    other = RuleBook(rules=tuple(reversed(book.rules)), outcome=book.outcome)
    assert _finding_shapes(other)[book.rules[0].key].position == len(book.rules) - 1


def test_the_statute_notes_depend_on_document_statute_and_side_of_its_date():
    from engine.core.evaluate import _statute_notes
    from engine.core.library import library
    lib = library()
    old, new = lib.document("folloradet"), lib.document("folloregionen")
    statute = lib.statute_for(old)
    before_note = {a.what.strip() for a in statute.assumptions if a.topic == "statute-before-in-force"}
    analogy = {a.what.strip() for a in old.assumptions if a.topic == "statute-by-analogy"}
    assert before_note and analogy
    assert set(_statute_notes(old, statute, True)) == analogy | before_note
    assert set(_statute_notes(old, statute, False)) == analogy
    assert new.statute_applies == "as-law" and _statute_notes(new, statute, False) == ()
