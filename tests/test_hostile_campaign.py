"""The hostile-input campaign (tools/hostile.py) is a hang detector that CI runs whole, as its own
step after the test suite (.ci/run: every `check` and `review` input built to hurt, each within 20×
the normal time of its command, with the exit code it should have, no traceback and no control
character in the output). Here, to keep the suite lean, only that the tool itself works: two of
its inputs, a FIFO and a device posing as scenario files, judged and reported as JSON."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_campaign_tool_judges_its_inputs():
    proc = subprocess.run([sys.executable, "tools/hostile.py", "--command", "check", "--only", "FIFO",
                           "--json"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    report = json.loads(proc.stdout)
    assert [r["family"] for r in report["inputs"]] == ["FIFO"]
    assert report["failed"] == 0 and proc.returncode == 0, report
    only = report["inputs"][0]
    assert only["exit"] == 2 and only["ok"] and only["bound_s"] >= 2.0
