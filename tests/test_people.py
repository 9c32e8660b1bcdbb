"""`vedtekt people` and `vedtekt new-scenario`: the sitting as the law and the roster give it,
and a skeleton scenario that loads and checks as it is."""
from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from engine.cli.main import main
from engine.core.evaluate import check_file
from engine.core.library import library
from engine.analyses.people import sitting_on, skeleton_scenario


def run(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out = capsys.readouterr()
    return exc.value.code, out.out, out.err


def _members(s: dict) -> list[dict]:
    return [m for g in s["members"] for m in g["members"]]


def test_folloradet_mayors_may_only_be_replaced_by_their_fixed_deputy():
    """«Ved forfall kan de politiske representantene bare la seg representere ved sine faste
    stedfortredere» (handlingsprogram 2021 kap. 1.2): each mayor's only lawful deputy is the
    fast stedfortreder the roster gives for the same municipality on that date."""
    on = date(2021, 2, 12)
    s = sitting_on("folloradet", on)
    doc = library().document("folloradet")
    fixed = {h.participant: h.person for h in doc.roster.holdings
             if h.office == "fast-stedfortreder" and h.in_force(on)}
    voters = [m for m in _members(s) if "vote" in m["rights"]]
    assert len(voters) == s["voting_units"] == 6  # «Hver deltaker har én stemme»: six municipalities in 2021
    for m in voters:
        assert m["deputies"]["kind"] == "fixed"
        assert [p["person"] for p in m["deputies"]["people"]] == [fixed[m["participant"]]]


def test_follomotet_deputies_come_from_the_members_group_in_numbered_order():
    """Kommuneloven § 7-10 første ledd: «innkalles varamedlemmer fra den gruppen der det er
    forfall … i den nummerordenen de er valgt»."""
    on = date(2020, 9, 10)
    s = sitting_on("follomotet", on)
    doc = library().document("folloradet")
    holdings = {h.person: h for h in doc.roster.holdings if h.in_force(on)}
    for m in _members(s):
        if m["deputies"] is None:
            continue
        people = m["deputies"]["people"]
        assert people, m["person"]
        assert all(holdings[p["person"]].group == m["group"] for p in people)
        assert all(holdings[p["person"]].participant == m["participant"] for p in people)
        numbers = [p["number"] for p in people]
        assert numbers == sorted(numbers)


def test_leader_and_vice_are_those_of_the_rotation_report(capsys):
    """Vedtekter 2012 pkt. 4.1.3: the leader and vice by rotation; `people` must name the same
    municipalities as `vedtekt rotation` for the term that contains the date."""
    on = date(2017, 11, 1)  # after the 2017 vacancy: Vestby leads, Ås is vice
    code, out, _ = run(capsys, "rotation", "--from", "2017", "--to", "2017", "--format", "json")
    term = next(t for t in json.loads(out)["terms"] if t["from"] <= on.isoformat() <= t["to"])
    s = sitting_on("folloradet", on)
    assert (s["leader"]["participant"], s["vice"]["participant"]) == (
        term["leader"]["participant"], term["vice"]["participant"])


def test_observers_and_advisers_have_no_vote():
    """Observers have «tale- og forslagsrett» (handlingsprogram 2021 kap. 1.2), the head of the
    secretariat «møte- og talerett»: neither votes."""
    s = sitting_on("folloradet", date(2021, 2, 12))
    assert s["observers"] and s["advisers"]
    assert all("vote" not in p["rights"] for p in s["observers"] + s["advisers"])
    assert all("propose" in p["rights"] for p in s["observers"])


def test_people_json_is_the_sitting_and_text_names_every_member(capsys):
    code, out, _ = run(capsys, "people", "--organ", "folloradet", "--date", "2021-02-12", "--format", "json")
    assert code == 0 and json.loads(out) == sitting_on("folloradet", date(2021, 2, 12))
    code, text, _ = run(capsys, "people", "--organ", "folloradet", "--date", "2021-02-12", "--lang", "en")
    assert code == 0 and "Members:" in text
    assert all(f"[{m['person']}]" in text for m in _members(json.loads(out)))


@pytest.mark.parametrize("args, fragment", [
    (["--organ", "follorådet", "--date", "2021-02-12"], "mente du: folloradet"),
    (["--organ", "folloradet", "--date", "2021-02-30"], "gyldig dato"),
    (["--organ", "folloradet", "--date", "2005-01-01"], "not-modelled"),
    (["--organ", "folloradet", "--date", "2021-02-12", "--council", "folo"], "mente du: follo"),
])
def test_bad_arguments_are_exit_2_with_a_hint(capsys, args, fragment):
    code, _, err = run(capsys, "people", *args)
    assert code == 2 and fragment in err and "Traceback" not in err


def test_a_new_folloradet_scenario_checks_valid_as_it_is(capsys, tmp_path):
    """The skeleton has every member present and every vote for: at least half of the six
    members present and voting (kommuneloven § 11-9 første ledd), chaired by the leader
    (§ 11-2 tredje ledd); nothing in it breaks a rule."""
    out = tmp_path / "mote.yaml"
    code, _, _ = run(capsys, "new-scenario", "--organ", "folloradet", "--date", "2021-02-12", "--output", str(out))
    assert code == 0
    verdict = check_file(out)
    assert verdict.valid and [f.rule for f in verdict.findings] == []
    assert verdict.cases[0].outcome == "adopted" and verdict.cases[0].votes.for_ == 6
    code, _, err = run(capsys, "new-scenario", "--organ", "folloradet", "--date", "2021-02-12", "--output", str(out))
    assert code == 2 and "finnes allerede" in err


def _organ_dates():
    """(organ, date) pairs inside each organ's modelled period, for the property below."""
    pairs = []
    for doc in library().documents.values():
        start = doc.valid_from or date(2012, 1, 1)
        end = doc.valid_to or date(2023, 12, 31)
        pairs += [(o.id, start, end) for o in doc.organs if o.seats]
    return pairs


@settings(max_examples=8)
@given(st.sampled_from(_organ_dates()), st.integers(min_value=0, max_value=5000))
def test_every_skeleton_loads_and_checks(tmp_path_factory, spec, offset):
    organ, start, end = spec
    on = start + timedelta(days=offset)
    assume(on <= end)
    s = sitting_on(organ, on)
    path = tmp_path_factory.mktemp("skeleton") / "s.yaml"
    path.write_text(skeleton_scenario(s), encoding="utf-8")
    verdict = check_file(path)  # an InputError here would be a skeleton `vedtekt check` refuses
    assert verdict.organ == organ and verdict.date == on.isoformat()
