"""What each council's encoding could not say is listed, clause by clause (issue 13, item 6).

Read against the source texts in ../shared/domain/sources/andre-rad/, sentences with a rule in them
that the engine cannot judge must still have a clause row, so `vedtekt bylaws` shows them:

- Sogn § 3: «På fyrste rådsmøte kvart år skal det: … leggjast fram årsmelding og arbeidsplan» and
  «Det skal setjast opp møteplan for eitt år om gongen» (the calendar counts meetings and deadlines,
  not a meeting's agenda or a plan);
- Nord-Gudbrandsdal 2016 § 3: «vel leiar og nestleiar for 2 år om gongen»: the data model's `term`
  is a year or an election period, so the two years are an assumption on the roster's dates, shown
  under every meeting that names a chair.
"""
from __future__ import annotations

from engine.core.evaluate import check_file
from engine.core.library import library

from .conftest import ROOT


def _rows(document: str) -> dict[str, tuple[str, str]]:
    return {c.clause: (c.status, c.reason or "") for c in library().document(document).clauses}


def test_sogn_lists_the_first_meetings_agenda_and_the_meeting_plan_as_not_modelled():
    rows = _rows("sogn-regionrad")
    agenda = rows["Sogn vedtekter § 3 (årsmelding og arbeidsplan leggjast fram på fyrste rådsmøte kvart år)"]
    assert agenda[0] == "not-modelled" and "vedtekt calendar" in agenda[1]
    assert rows["Sogn vedtekter § 3 (møteplan for eitt år om gongen)"][0] == "not-modelled"


def test_the_two_year_term_in_nord_gudbrandsdal_is_an_assumption_shown_with_the_verdict():
    rule = library().document("nord-gudbrandsdal-2016").organ("regionradet").leadership
    assert rule.kind == "elected" and "toårsperiode" in rule.assumption.what
    verdict = check_file(ROOT / "scenarios" / "nord-gudbrandsdal" / "2017-03-fullt-regionrad.yaml")
    assert any("Toårsperioden" in note for note in verdict.assumptions)
