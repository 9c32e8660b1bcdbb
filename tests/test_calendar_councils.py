"""A dated duty in a real council's text, judged by `vedtekt calendar` (issue 13, item 3).

Lister-avtalen § 5: «Ordinært representantskapsmøte holdes hvert år innen utgangen av mai måned.»
Read word by word:

- «Ordinært representantskapsmøte»: only a meeting of the representantskap recorded as ordinary
  counts (scenario `meeting_type: ordinært`);
- «hvert år»: the duty is judged for each year on its own;
- «innen utgangen av mai måned»: by the end of May, so 31 May itself is in time and 1 June is not.

Hence the meeting on 31 May 2021 fulfils the duty for 2021, and the ordinary meeting on 3 June
2025, the only one that year, does not: 2025's duty is missed. § 5 says «holdes» without «som
hovedregel» or the like, so the bylaws give the duty severity error, and a missed error duty is
exit 1 (contract: «for `calendar` … a duty missed»). The meeting of 3 June was held, only late:
the report must say so, not merely count zero meetings.
"""
from __future__ import annotations

import contextlib
import io
import json

import pytest

from engine.cli.main import main

from .conftest import ROOT

LISTER = ROOT / "scenarios" / "lister-friluftsrad"
SECTION_5 = "Ordinært representantskapsmøte holdes hvert år innen utgangen av mai måned."
LATE_MEETING = str(LISTER / "2025-06-ordinaert-mote-tre-dager-for-sent.yaml")
ON_TIME_MEETING = str(LISTER / "2021-05-ordinaert-mote-siste-dag-i-mai.yaml")


def _calendar(capsys, *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["calendar", str(LISTER), "--council", "lister-friluftsrad", *args])
    return exit_info.value.code, capsys.readouterr().out


@pytest.fixture(scope="module")
def lister_json():
    """The calendar's JSON for every year of Lister's scenarios, and its exit code (run once for the
    module; capsys is per test, so stdout is captured here)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit) as exit_info:
        main(["calendar", str(LISTER), "--council", "lister-friluftsrad", "--format", "json"])
    return exit_info.value.code, json.loads(out.getvalue())


def _duty(report: dict, year: int) -> dict:
    (entry,) = [y for y in report["years"] if y["year"] == year]
    (duty,) = [d for d in entry["duties"] if d["duty"] == "lister-arsmote"]
    return duty


def test_the_meeting_on_31_may_is_in_time(lister_json):
    _, report = lister_json
    duty = _duty(report, 2021)
    assert duty["status"] == "met"
    assert duty["evidence"] == [ON_TIME_MEETING]
    assert (duty["citation"], duty["quote"]) == ("Lister-avtalen § 5", SECTION_5)


def test_the_meeting_on_3_june_is_late_and_the_duty_missed(lister_json):
    code, report = lister_json
    duty = _duty(report, 2025)
    assert (duty["status"], duty["severity"]) == ("missed", "error")
    assert (duty["citation"], duty["quote"]) == ("Lister-avtalen § 5", SECTION_5)
    assert duty["evidence"] == []  # nothing fulfils it
    # the late meeting is named with its day, not hidden behind «0 møter»
    (late,) = duty["args"]["late"]["items"]
    assert late["args"] == {"date": {"day-of-year": "2025-06-03"}, "file": LATE_MEETING}
    assert "holdt etter fristen: 3.6." in duty["message"] and LATE_MEETING in duty["message"]
    assert code == 1  # a missed duty of severity error
    assert report["missed_errors"] >= 1


def test_the_late_meeting_is_worded_in_english_too(capsys):
    code, out = _calendar(capsys, "--year", "2025", "--lang", "en")
    assert code == 1
    assert "held after the deadline: 2025-06-03" in out and "by 2025-05-31" in out
    assert f"«{SECTION_5}»" in out


def test_a_year_with_the_ordinary_meeting_in_time_exits_0(capsys):
    code, out = _calendar(capsys, "--year", "2021")
    assert code == 0 and "oppfylt" in out and "Lister-avtalen § 5" in out
