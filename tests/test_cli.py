"""The CLI contract: exit codes, located messages for bad input, help on every command."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from engine.cli.main import cli

from .conftest import run_cli as run

GOOD = """\
name: t
organ: folloradet
date: 2021-02-12
chair: frogn-2019-fsk-a1
attendance:
  - person: frogn-2019-fsk-a1
  - person: nesodden-2019-fsk-a1
  - person: vestby-2019-fsk-a1
cases:
  - id: "1/21"
    votes: {for: [frogn-2019-fsk-a1, nesodden-2019-fsk-a1, vestby-2019-fsk-a1]}
"""


def write(tmp_path, text, name="s.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("text, needle", [
    ("name: [unclosed\n  date: 2021-13-45\n", "linje"),
    (GOOD.replace("organ: folloradet", "organ: folloradet\norgan: follomotet"), "står to ganger"),
    (GOOD.replace("chair:", "chiar:"), "mente du: chair?"),
    (GOOD.replace("chair: frogn-2019-fsk-a1", "chair: frogn-2019-fsk-a9"), "ukjent person 'frogn-2019-fsk-a9'"),
    (GOOD.replace("organ: folloradet", "organ: follorodet"), "mente du: folloradet"),
    (GOOD.replace("2021-02-12", "2011-02-12"), "not-modelled"),
    (GOOD.replace("2021-02-12", "2021-02-30"), "2021-02-30"),
    (GOOD.replace("votes: {for:", "kind: budget\n    votes: {for:"), "mente du: budsjett?"),
    ("", "tom"),
    ("- a\n- b\n", "mapping"),
])
def test_bad_input_exits_2_with_a_located_message(tmp_path, capsys, text, needle):
    path = write(tmp_path, text)
    code, out, err = run(["check", path], capsys)
    assert code == 2
    assert path in err and needle in err
    assert "Traceback" not in err + out


def test_unknown_key_names_its_line(tmp_path, capsys):
    path = write(tmp_path, GOOD.replace("chair:", "chiar:"))
    code, _, err = run(["check", path], capsys)
    assert code == 2 and "linje 4" in err


def test_missing_file_exits_2(capsys):
    code, _, err = run(["check", "/nonexistent/scenario.yaml"], capsys)
    assert code == 2 and "finnes ikke" in err


def test_valid_scenario_exits_0_and_json_follows_the_contract(tmp_path, capsys):
    code, out, _ = run(["check", write(tmp_path, GOOD), "--format", "json"], capsys)
    assert code == 0
    doc = json.loads(out)
    (scenario,) = doc["scenarios"]
    assert scenario["valid"] is True and scenario["findings"] == []
    assert scenario["cases"] == [{"id": "1/21", "title": None, "kind": "ordinary", "valid": True,
                                  "outcome": "adopted", "decided_by": "majority",
                                  "votes": {"for": 3, "against": 0, "blank": 0, "rejected": 0},
                                  "decision_status": "valid", "chair": scenario["cases"][0]["chair"]}]


def test_invalid_scenario_exits_1_and_english_on_request(tmp_path, capsys):
    bad = GOOD.replace("votes: {for: [", "votes: {blank: [")
    code, out, _ = run(["check", write(tmp_path, bad), "--lang", "en"], capsys)
    assert code == 1
    assert "blank-vote-not-allowed" in out and "not allowed" in out and "INVALID" in out


def test_markdown_output(tmp_path, capsys):
    code, out, _ = run(["check", write(tmp_path, GOOD), "--format", "markdown"], capsys)
    assert code == 0 and out.startswith("## t") and "| 1/21 | vedtatt |" in out


def test_explain_cites_the_statute(capsys):
    code, out, _ = run(["explain", "quorum"], capsys)
    assert code == 0 and "kommuneloven § 11-9 første ledd" in out and "halvparten" in out
    code, _, err = run(["explain", "quorm"], capsys)
    assert code == 2 and "mente du: quorum?" in err


def test_bylaws_lists_every_document_and_clause_status(capsys):
    code, out, _ = run(["bylaws", "--format", "json"], capsys)
    docs = {d["id"]: d for d in json.loads(out)["documents"]}
    assert code == 0 and {"folloradet", "sogn-regionrad"} <= set(docs)
    statuses = {c["status"] for c in docs["folloradet"]["clauses"]}
    assert statuses == {"encoded", "not-modelled", "informative"}
    assert all(c.get("reason") for c in docs["folloradet"]["clauses"] if c["status"] != "encoded")


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    for name in cli.list_commands(None):
        command = cli.get_command(None, name)
        assert command.help, f"{name} has no help"
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "vedtekt" in result.output, f"{name}: help has no example"
