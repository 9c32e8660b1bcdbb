"""The hostile-input campaign (tools/hostile.py) as a hang detector: every `check` input built to
hurt (many cases, people and attendance lines, deep nesting, an alias bomb, huge values, a
forged verdict line, a device and a FIFO) ends within 20× the normal time of a cold `check`
on this machine, with the exit code it should have, no traceback and no control character
in the output. (The `review` inputs run in the campaign too: `python tools/hostile.py`.)"""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_check_campaign_stays_within_bounds():
    proc = subprocess.run([sys.executable, "tools/hostile.py", "--command", "check", "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    report = json.loads(proc.stdout)
    failed = [r for r in report["inputs"] if not r["ok"]]
    assert not failed, failed
    assert len(report["inputs"]) >= 12 and proc.returncode == 0
    assert {r["exit"] for r in report["inputs"]} <= {0, 1, 2}
