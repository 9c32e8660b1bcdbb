"""A verdict against its scenario's `expected:` (engine/core/expected.py): every kind of
difference is found, exit 4, and worded from the catalogue in the language asked, now and later
from the verdict's JSON (`vedtekt render`).

The scenario is scenarios/folloradet/2012-10-formannskapsmedlem-tilhorer.yaml, whose own expected
verdict (valid; a warning unknown-attendee for ski-2011-fsk-b1, who has no role in Follorådet
under vedtektene 2012 pkt. 4.1.2; case 29/12 adopted 5-0) the suite holds. Here its `expected:`
is replaced by one that is wrong on every count, so each difference below is known in advance.
"""
from __future__ import annotations

import json

import pytest
import yaml

from engine.cli.main import main

from .conftest import ROOT

SOURCE = ROOT / "scenarios" / "folloradet" / "2012-10-formannskapsmedlem-tilhorer.yaml"
WRONG = {"valid": False, "findings": [{"rule": "quorum"}], "near_miss": ["unknown-attendee"],
         "cases": {"29/12": {"outcome": "rejected", "for": 4}, "99/99": {"outcome": "adopted"}}}


@pytest.fixture
def wrong_scenario(tmp_path):
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    data["expected"] = WRONG
    path = tmp_path / "feil-forventning.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def run(args, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    return exit_info.value.code, capsys.readouterr().out


ENGLISH = ["expected invalid, but the meeting is valid",
           "expected finding missing: quorum (case –, person –)",
           "unexpected finding: unknown-attendee (case –, person ski-2011-fsk-b1)",
           "unknown-attendee should have been a near miss, but fired",
           "case 29/12: outcome expected rejected, got adopted",
           "case 29/12: for expected 4, got 5",
           "case 99/99: not in the scenario"]
BOKMAL = ["forventet ugyldig, men møtet er gyldig",
          "forventet funn mangler: quorum (sak –, person –)",
          "uventet funn: unknown-attendee (sak –, person ski-2011-fsk-b1)",
          "unknown-attendee skulle vært et nesten-brudd, men slo til",
          "sak 29/12: utfall forventet forkastet, fikk vedtatt",
          "sak 29/12: for forventet 4, fikk 5",
          "sak 99/99: finnes ikke i scenarioet"]


@pytest.mark.parametrize("lang, lines", [("en", ENGLISH), ("nb", BOKMAL)])
def test_every_difference_is_reported_in_the_language_asked(wrong_scenario, capsys, lang, lines):
    code, out = run(["check", str(wrong_scenario), "--lang", lang], capsys)
    assert code == 4
    for line in lines:
        assert line in out
    other = BOKMAL if lang == "en" else ENGLISH
    assert not any(line in out for line in other)


def test_the_json_holds_ids_and_is_worded_again_by_render(wrong_scenario, tmp_path, capsys):
    code, out = run(["check", str(wrong_scenario), "--format", "json"], capsys)
    assert code == 4
    expected = json.loads(out)["scenarios"][0]["expected"]
    assert expected["matches"] is False
    ids = [d["message_id"] for d in expected["differences"]]
    assert ids == ["expected-invalid-got-valid", "missing-finding", "unexpected-finding",
                   "near-miss-fired", "case-differs", "case-differs", "no-such-case"]
    assert expected["differences"][5]["args"] == {
        "case": "29/12", "field": {"word": "expected-field", "value": "for"}, "expected": 4, "got": 5}
    assert expected["differences"][4]["args"]["got"] == {"word": "outcome", "value": "adopted"}
    assert expected["differences"][0]["message"] == BOKMAL[0]  # worded in the language asked (nb)
    saved = tmp_path / "dom.json"
    saved.write_text(out, encoding="utf-8")
    code, again = run(["render", str(saved), "--lang", "en"], capsys)
    assert code in (0, 4)
    for line in ENGLISH:
        assert line in again


def test_a_saved_difference_with_an_unknown_id_is_refused_at_its_place(wrong_scenario, tmp_path, capsys):
    code, out = run(["check", str(wrong_scenario), "--format", "json"], capsys)
    data = json.loads(out)
    data["scenarios"][0]["expected"]["differences"][0]["message_id"] = "no-such-message"
    saved = tmp_path / "dom.json"
    saved.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["render", str(saved)])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "no-such-message" in err and "differences" in err
