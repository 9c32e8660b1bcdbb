"""Issue 17, items 6 and 7: one seat, one vote; every bylaws field is law the engine applies."""
import copy

from engine.core.evaluate import check, load_scenario
from engine.core.library import library
from engine.core.model import DeputyPolicy, Document

from .conftest import ROOT

QUORUM = ROOT / "scenarios/folloradet/2021-02-quorum.yaml"


def _with_observer_rights(rights: list[str]):
    """The shipped library with Oslo's observer seat in Follorådet (2021) given `rights`."""
    lib = copy.copy(library())
    data = lib.documents["folloradet"].model_dump(by_alias=True)
    organ = next(o for o in data["organs"] if o["id"] == "folloradet")
    for seat in organ["observers"]:
        if seat["observer"] == "oslo":
            seat["rights"] = rights
    lib.documents = {**lib.documents, "folloradet": Document.model_validate(data)}
    return lib


def test_observer_granted_a_vote_in_the_data_votes_lawfully():
    """The quorum scenario: Frogn and Nesodden vote, and Oslo's observer. With the shipped rights
    («observatørstatus med tale- og forslagsrett», handlingsprogram 2021 kap. 1.2) Oslo's vote is
    rejected (observer-voted); were the data to grant the observer a vote, it would count, and
    only the members would still count toward the quorum (kommuneloven § 11-9: «medlemmene»)."""
    scenario, located = load_scenario(QUORUM)
    shipped = check(scenario, located, engine="both")
    assert "observer-voted" in {f.rule for f in shipped.findings}
    assert (shipped.cases[0].votes.for_, shipped.cases[0].votes.rejected) == (2, 1)

    granted = check(scenario, located, engine="both",
                    lib=_with_observer_rights(["attend", "speak", "propose", "vote"]))
    rules = {f.rule for f in granted.findings}
    assert "observer-voted" not in rules and "no-voting-right" not in rules
    assert (granted.cases[0].votes.for_, granted.cases[0].votes.rejected) == (3, 0)
    assert "quorum" in rules  # 2 of 6 members: the observer's vote does not make a quorum


def test_deputy_policy_has_only_fields_the_engine_reads():
    """`exclusive` changed no verdict, so it is no longer part of the schema; `layer` is read for the
    layer of a deputy finding (engine/core/facts.py _layer_of)."""
    assert set(DeputyPolicy.model_fields) == {
        "kind", "office", "citation", "quote", "assumption", "note", "valid_from", "valid_to", "layer"}


def test_each_case_tallies_at_most_the_number_of_seats():
    """Generated Follorådet meetings (fixed deputies, repeated votes, stand-ins who are not the
    fixed deputy, observers, seed 7): no case counts more votes than Follorådet has seats (six,
    «Hver deltaker har én stemme», handlingsprogram 2021 kap. 1.2)."""
    import random

    from engine.cli.bench import follo_scenario, prepared

    rng = random.Random(7)
    dicts = [follo_scenario(rng, i) for i in range(150)]
    for scenario, located in prepared(dicts):
        verdict = check(scenario, located, engine="reference")
        for case in verdict.cases:
            assert case.votes.for_ + case.votes.against + case.votes.blank <= 6, (scenario.name, case)
