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

from .conftest import ROOT, run_cli

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
    code, out, _ = run_cli(args, capsys)
    return code, out


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
    assert code == 0  # render words a saved verdict; the exit codes of a check are check's
    for line in ENGLISH:
        assert line in again
    code, markdown = run(["render", str(saved), "--format", "markdown"], capsys)
    assert code == 0 and "→ AVVIKER fra forventet dom" in markdown
    assert "- sak 29/12: for forventet 4, fikk 5" in markdown


def test_a_verdict_saved_with_sentences_as_differences_is_shown_as_saved(wrong_scenario, tmp_path, capsys):
    """Before differences were ids, a saved verdict held each as a bokmål sentence: render shows it
    as it was saved, in either language."""
    code, out = run(["check", str(wrong_scenario), "--format", "json"], capsys)
    data = json.loads(out)
    data["scenarios"][0]["expected"]["differences"] = ["valid: forventet False, fikk True"]
    saved = tmp_path / "gammel-dom.json"
    saved.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, again = run(["render", str(saved), "--lang", "en"], capsys)
    assert code == 0 and "    - valid: forventet False, fikk True" in again


@pytest.mark.parametrize("args", [{}, {"case": "29/12", "field": {"word": "nope", "value": "x"}, "expected": 4, "got": 5}])
def test_a_saved_difference_that_cannot_be_worded_is_refused_at_its_place(wrong_scenario, tmp_path, capsys, args):
    """A difference edited by hand so that its message lacks an argument (or names a word the
    catalogue lacks) is bad input at its key (exit 2), as a finding's is, never an internal error."""
    code, out = run(["check", str(wrong_scenario), "--format", "json"], capsys)
    data = json.loads(out)
    data["scenarios"][0]["expected"]["differences"] = [
        {"message_id": "missing-finding" if not args else "case-differs", "args": args, "message": "x"}]
    saved = tmp_path / "dom.json"
    saved.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run_cli(["render", str(saved)], capsys)
    assert code == 2 and "kan ikke formuleres" in err and "expected.differences.0" in err


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
