"""Install anywhere, one CLI style, exit codes a script can trust (issue: install anywhere).

Expected exit codes come from the contract's table (0 valid, 1 invalid, 2 bad input or usage,
3 internal error, 4 a verdict that differs from its `expected`).
"""
from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import click
import pytest
import yaml
from click.shell_completion import ShellComplete

from engine.cli.main import LAZY_COMMANDS, cli
from engine.cli.options import IsoDate
from engine.core.resources import SHIPPED, display_path, shipped
from engine.render.rule_list import rule_ids
from engine.core.rules import rulebook

from .conftest import run_cli as run

ROOT = Path(__file__).resolve().parent.parent
QUORUM = ROOT / "scenarios" / "folloradet" / "2021-02-quorum.yaml"


def all_commands():
    """(path, command) for every command and subcommand the `vedtekt` group offers."""
    ctx = click.Context(cli)
    found = []

    def walk(group, prefix):
        for name in group.list_commands(ctx):
            command = group.get_command(ctx, name)
            found.append((f"{prefix} {name}".strip(), command))
            if isinstance(command, click.Group):
                walk(command, f"{prefix} {name}")

    walk(cli, "")
    return found


# -- where the data comes from ----------------------------------------------------------------------
def test_every_shipped_folder_is_found_and_shown_by_its_user_facing_name():
    for name in SHIPPED:
        assert shipped(name).is_dir(), name
    assert display_path(shipped("scenarios") / "folloradet" / "a.yaml") == "scenarios/folloradet/a.yaml"


def test_the_wheel_build_step_ships_every_folder_the_engine_reads():
    setup_py = (ROOT / "setup.py").read_text(encoding="utf-8")
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8")
    assert "from engine.core.resources import PACKAGED, SHIPPED" in setup_py
    for name in SHIPPED:
        assert f"graft {name}" in manifest, name


def test_own_bylaws_dir_gives_the_same_verdict(tmp_path, capsys):
    own = tmp_path / "mine"
    shutil.copytree(ROOT / "bylaws", own)
    code, out, err = run(["check", QUORUM, "--bylaws-dir", own, "--format", "json"], capsys)
    assert code == 1, err  # the quorum meeting is invalid (kommuneloven § 11-9 første ledd)
    assert json.loads(out)["scenarios"][0]["findings"]


def test_bylaws_dir_option_wins_over_the_environment(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("VEDTEKT_BYLAWS", str(tmp_path / "nowhere"))
    code, _, err = run(["bylaws"], capsys)
    assert code == 2 and "nowhere" in err and "VEDTEKT_BYLAWS" in err
    code, out, _ = run(["bylaws", "--bylaws-dir", ROOT / "bylaws"], capsys)
    assert code == 0 and "folloradet:" in out


@pytest.mark.parametrize("layout", ["missing", "empty", "no-documents"])
def test_no_bylaws_found_is_exit_2_never_an_empty_success(tmp_path, capsys, layout):
    folder = tmp_path / "b"
    if layout != "missing":
        folder.mkdir()
    if layout == "no-documents":
        shutil.copy(ROOT / "bylaws" / "names.yaml", folder / "names.yaml")
    code, out, err = run(["bylaws", "--bylaws-dir", folder], capsys)
    assert code == 2 and out == "" and str(folder) in err and "Traceback" not in err


# -- exit codes -------------------------------------------------------------------------------------
def test_a_verdict_that_differs_from_expected_is_exit_4(tmp_path, capsys):
    data = yaml.safe_load(QUORUM.read_text(encoding="utf-8"))
    data["expected"]["valid"] = True  # the author's claim now contradicts § 11-9
    changed = tmp_path / "claims-valid.yaml"
    changed.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, out, _ = run(["check", changed], capsys)
    assert code == 4 and "AVVIKER" in out
    code, _, _ = run(["check", changed, QUORUM, "--format", "markdown"], capsys)
    assert code == 4
    assert run(["check", QUORUM], capsys)[0] == 1


def test_unwritable_output_is_exit_2_naming_the_path(tmp_path, capsys):
    target = tmp_path / "no-such-folder" / "graph.png"
    code, _, err = run(["authority", "show", "--date", "2021-02-01", "--format", "png",
                        "--output", target], capsys)
    assert code == 2 and str(target) in err and "Traceback" not in err


def test_a_payment_file_given_to_check_points_to_authority_payment(capsys):
    payment = sorted((ROOT / "scenarios-payments").glob("*.yaml"))[0]
    code, _, err = run(["check", payment], capsys)
    assert code == 2 and "vedtekt authority payment" in err and str(payment) in err


def test_calendar_without_year_judges_only_the_modelled_years(capsys):
    code, out, err = run(["calendar", ROOT / "scenarios", "--format", "json"], capsys)
    assert code in (0, 1), err
    years = [y["year"] for y in json.loads(out)["years"]]
    assert years and max(years) <= 2021 and 2022 not in years  # Follorådet's duties end 2021-02-28


def test_a_missing_optional_extra_names_the_pip_command(capsys, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if vedtekt[graph] were not installed
    code, _, err = run(["authority", "show", "--date", "2021-02-01", "--format", "png",
                        "--output", tmp_path / "g.png"], capsys)
    assert code == 2 and "pip install 'vedtekt[graph]'" in err


# -- one CLI style ------------------------------------------------------------------------------------
def test_every_command_has_bylaws_dir_and_every_date_is_one_iso_type():
    commands = all_commands()
    assert {name for name, _ in commands} >= {"check", "explain", "bylaws", "rotation", "calendar",
                                              "review", "transition", "authority show", "bench"}
    for name, command in commands:
        if isinstance(command, click.Group):
            continue
        params = {p.name: p for p in command.params}
        assert "bylaws_dir" in params, name
        dates = [p for p in command.params if "--date" in getattr(p, "opts", [])]
        assert all(isinstance(p.type, IsoDate) for p in dates), name


def test_lang_on_the_commands_that_print_words():
    with_lang = {name for name, c in all_commands() if any(p.name == "lang" for p in c.params)}
    assert with_lang >= {"check", "explain", "bylaws", "rotation", "calendar", "review",
                         "authority who-instructs", "authority chain", "authority prepares-for",
                         "authority who-decides", "authority check", "authority payment", "examples"}


def test_format_names_are_the_shared_ones():
    shared = {"text", "json", "markdown", "html", "dot", "mermaid", "png", "svg"}
    for name, command in all_commands():
        for p in command.params:
            if p.name == "fmt":
                assert set(p.type.choices) <= shared, name


@pytest.mark.parametrize("date", ["2021-13-45", "2021-02-30", "12.02.2021", "i går"])
def test_a_bad_date_is_a_usage_error(capsys, date):
    code, _, err = run(["authority", "check", "--date", date], capsys)
    assert code == 2 and date in err and "ÅÅÅÅ-MM-DD" in err


def test_english_answers_from_authority(capsys):
    code, out, _ = run(["authority", "chain", "helsegruppen", "--date", "2021-02-01", "--lang", "en"],
                       capsys)
    assert code == 0 and out.startswith("Chain from Helsegruppen to the supreme organ")
    assert "reports to" in out and "rapporterer" not in out


# -- look-ups -----------------------------------------------------------------------------------------
def test_explain_list_has_every_rule_id_once_with_one_line(capsys):
    ids = list(dict.fromkeys(r.id for r in rulebook().rules))
    for lang in ("nb", "en"):
        code, out, _ = run(["explain", "--list", "--lang", lang], capsys)
        lines = out.splitlines()
        assert code == 0 and [line.split()[0] for line in lines] == rule_ids()
        assert set(ids) <= set(rule_ids()) and all(len(line.split()) > 1 for line in lines)
    code, out, _ = run(["explain", "--list", "--format", "json", "--lang", "en"], capsys)
    quorum = next(r for r in json.loads(out)["rules"] if r["id"] == "quorum")
    assert "quorum" in quorum["summary"]


def _complete(args: list[str], incomplete: str) -> list[str]:
    return [c.value for c in ShellComplete(cli, {}, "vedtekt", "_VEDTEKT_COMPLETE")
            .get_completions(args, incomplete)]


def test_shell_completion_of_rule_council_node_and_document_ids():
    assert "quorum" in _complete(["explain"], "quo")
    assert set(_complete(["rotation", "--council"], "")) >= {"follo", "sogn"}
    assert "helsegruppen" in _complete(["authority", "chain"], "helse")
    assert "folloregionen" in _complete(["bylaws", "--document"], "follore")


def test_lazy_commands_exist():
    for name, target in LAZY_COMMANDS.items():
        assert cli.get_command(click.Context(cli), name) is not None, name


# -- no internal words in what users read -------------------------------------------------------------
INTERNAL = ("README", "issue ", "shared/", "domain", "fakta utdrag")
#: a file name of the sources (`…-utdrag.txt`); a bare extension in a list of accepted file types
#: (the web page's upload field: «.md, .txt, .docx») names no internal file
SOURCE_FILE = re.compile(r"\w\.txt\b")


def _strings(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "file":  # a source's file name in the project's archive: metadata, never printed
                continue
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)
    elif isinstance(node, str):
        yield node


def test_no_internal_words_in_the_data_users_read():
    files = [p for folder in ("bylaws", "scenarios", "scenarios-payments", "drafts")
             for p in (ROOT / folder).rglob("*.yaml")]
    files += list((ROOT / "engine").rglob("*.yaml"))
    offenders = [(str(p.relative_to(ROOT)), s[:80]) for p in files
                 for s in _strings(yaml.safe_load(p.read_text(encoding="utf-8")))
                 if any(word in s for word in INTERNAL) or SOURCE_FILE.search(s)]
    assert offenders == []
