"""Output no input can forge (issue 17, items 3, 4 and 8): control and bidi characters shown
escaped, Markdown and HTML in user text kept literal, JSON exact, any output encoding, and
SIGINT/SIGTERM ending with one line."""
import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from engine.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
QUORUM = ROOT / "scenarios/folloradet/2021-02-quorum.yaml"
# The forged name: cursor up, erase the line, green «GYLDIG» (YAML double-quoted \e = ESC)
FORGED_NAME = r'"\e[1A\e[2K\e[32mGYLDIG"'
FORGED_VALUE = "\x1b[1A\x1b[2K\x1b[32mGYLDIG"


def hostile_scenario(tmp_path: Path, case_id: str = "05/21") -> Path:
    """The quorum scenario (invalid: 2 of 6 present, kommuneloven § 11-9 første ledd) with a
    forging name, and a case id and title full of Markdown, HTML and a right-to-left override."""
    text = QUORUM.read_text(encoding="utf-8")
    text = text.replace("name: Follorådet 12. februar 2021 – for få stemmeberettigede til stede",
                        f"name: {FORGED_NAME}")
    text = text.replace("title: Høringsuttalelse om regional transportplan",
                        'title: "<script>alert(1)</script> | *x* \\u202Eevil"')
    text = text.replace('"05/21"', json.dumps(case_id))
    path = tmp_path / "forged.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run_on_pty(args: list[str]) -> tuple[int, bytes]:
    """Run `vedtekt ARGS` with stdout and stderr on a pseudo-terminal; its exit code and bytes."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "engine", *args], stdout=follower,
                            stderr=follower, stdin=subprocess.DEVNULL, cwd=ROOT)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return proc.wait(), b"".join(chunks)


def test_forged_name_cannot_overwrite_the_verdict_line_on_a_terminal(tmp_path):
    code, out = run_on_pty(["check", str(hostile_scenario(tmp_path))])
    assert code == 1
    assert b"\x1b" not in out and "\u202e".encode() not in out  # nothing reaches the terminal raw
    lines = out.decode("utf-8").splitlines()
    assert lines[0].startswith("UGYLDIG  ")
    assert lines[1].strip() == r"\u001b[1A\u001b[2K\u001b[32mGYLDIG"  # shown, escaped, on its own line
    assert not any(line.startswith("GYLDIG") for line in lines)


def test_newline_in_a_name_cannot_start_a_line_of_its_own(tmp_path, capsys):
    path = hostile_scenario(tmp_path)
    path.write_text(path.read_text().replace(FORGED_NAME, r'"x\nGYLDIG  alt er i orden"'))
    with pytest.raises(SystemExit):
        main(["check", str(path)])
    out = capsys.readouterr().out
    assert not any(line.startswith("GYLDIG") for line in out.splitlines())
    assert r"x\nGYLDIG  alt er i orden" in out


def test_markdown_keeps_user_text_literal_and_the_table_aligned(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["check", str(hostile_scenario(tmp_path, case_id="5|<b>21</b>")), "--format", "markdown"])
    out = capsys.readouterr().out
    assert "<script>" not in out and "<b>" not in out and "\x1b" not in out
    table = [line for line in out.splitlines() if line.startswith("|")]
    unescaped_pipes = [len(re.findall(r"(?<!\\)\|", line)) for line in table]
    assert len(set(unescaped_pipes)) == 1, table  # the id's «|» does not add a column
    assert "5\\|&lt;b&gt;21&lt;/b&gt;" in out


def test_json_stays_exact(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["check", str(hostile_scenario(tmp_path)), "--format", "json"])
    out = capsys.readouterr().out
    scenario = json.loads(out)["scenarios"][0]
    assert scenario["name"] == FORGED_VALUE
    assert scenario["cases"][0]["title"] == "<script>alert(1)</script> | *x* \u202eevil"
    assert "\u202e" not in out  # escaped as JSON's \u202e, so the bytes are safe too


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_any_output_encoding_degrades_instead_of_failing(encoding):
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    proc = subprocess.run([sys.executable, "-m", "engine", "check", str(QUORUM)], cwd=ROOT,
                          env=env, capture_output=True)
    assert proc.returncode == 1, proc.stderr  # invalid (2 of 6 present), not exit 3
    out = proc.stdout.decode(encoding)
    assert out.startswith("UGYLDIG") and "Traceback" not in proc.stderr.decode(encoding)
    assert "?" in out  # «→» (and in Latin-1 «–») became a replacement character


SIGNAL_SCRIPT = """
import os, signal, sys, time
import engine.core.evaluate as evaluate
evaluate.BATCH_FACTS = 1  # each verdict released as soon as it is judged: none may be printed yet
real = evaluate.load_scenario
calls = []
def load_then_signal(*args, **kwargs):
    calls.append(1)
    if len(calls) == 2:  # one scenario is already judged: none of its verdict may be printed
        os.kill(os.getpid(), getattr(signal, sys.argv[1]))
        time.sleep(30)
    return real(*args, **kwargs)
evaluate.load_scenario = load_then_signal
from engine.cli.main import main
main(["check", sys.argv[2], sys.argv[2]])
"""


@pytest.mark.parametrize("name, code", [("SIGINT", 130), ("SIGTERM", 143)])
def test_signal_ends_with_one_line_and_no_partial_report(name, code):
    proc = subprocess.run([sys.executable, "-c", SIGNAL_SCRIPT, name, str(QUORUM)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == code
    assert proc.stdout == ""
    assert proc.stderr == "vedtekt: avbrutt\n"


def _entry_points() -> list[list[str]]:
    """`python -m engine` and the console script, each under -X importtime (which reports every
    import on stderr as it finishes: the test's clock, instead of a sleep)."""
    forms = [[sys.executable, "-X", "importtime", "-m", "engine"]]
    script = Path(sys.executable).parent / "vedtekt"
    if script.is_file():
        forms.append([sys.executable, "-X", "importtime", str(script)])
    return forms


@pytest.mark.parametrize("entry", _entry_points(), ids=lambda e: "-m engine" if "-m" in e else "vedtekt")
@pytest.mark.parametrize("name, code, lang, goodbye", [("SIGINT", 130, "nb", "vedtekt: avbrutt"),
                                                       ("SIGTERM", 143, "nb", "vedtekt: avbrutt"),
                                                       ("SIGINT", 130, "en", "vedtekt: interrupted")])
def test_a_signal_during_start_up_says_avbrutt_without_a_traceback(entry, name, code, lang, goodbye):
    """The signal comes while the heavy modules (click, pydantic, the engine) are being imported:
    sent as soon as the first import after engine.cli.entry (which installs the handler) is done.
    The goodbye is in the language of --lang, read from the arguments (click has not parsed them)."""
    proc = subprocess.Popen([*entry, "check", "scenarios/", "--lang", lang], cwd=ROOT, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seen_entry, sent = False, False
    for line in proc.stderr:
        if seen_entry:
            proc.send_signal(getattr(signal, name))
            sent = True
            break
        seen_entry = line.split(b"|")[-1].strip() == b"engine.cli.entry"
    out, err = proc.communicate(timeout=120)
    said = [line for line in err.decode().splitlines() if not line.startswith("import time:")]
    assert sent, "engine.cli.entry was never imported"
    assert proc.returncode == code, said
    assert said == [goodbye] and out == b""


def test_a_cold_check_imports_only_what_it_uses():
    """Start-up (issue 17 item 9) without a clock: a `check` of one scenario imports none of the
    packages that other commands use, nor pydantic's plugin discovery (importlib.metadata), nor
    importlib.resources; -X importtime lists every module the process imported."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "engine", "check", str(QUORUM)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr[-500:]  # the quorum scenario is invalid on purpose
    imported = {line.split("|")[-1].strip() for line in proc.stderr.splitlines()
                if line.startswith("import time:")}
    assert "engine.core.evaluate" in imported and "durable" in imported  # the check did run
    unused = {"networkx", "matplotlib", "jinja2", "rich", "docx", "z3", "fastapi", "uvicorn",
              "importlib.metadata", "importlib.resources", "engine.analyses", "engine.web"}
    assert not imported & unused, sorted(imported & unused)
