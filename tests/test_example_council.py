"""The constructed example council, shipped in examples/eksempelradet/ (issue 13, item 3).

Eksempelrådet is no real council: its agreement (examples/eksempelradet/eksempelavtalen.md) was
written to show convening shapes no real text in the sources has. Its § 4 says:

- «Representantskapet kalles inn av lederen. Har lederen forfall, kaller nestlederen inn.»
- «Lederen skal kalle inn til møte når lederen selv eller én deltaker krever det.»
- «Årsmøtet er representantskapets ordinære møte og holdes hvert år innen utgangen av april.
  Et ekstraordinært møte er ikke årsmøte.»

So one participant's demand (1 of 4; kommuneloven § 11-2 andre ledd c alone would need a third,
that is 2) or the leader's own demand makes a meeting due; the demand obliges the leader to
convene and makes no one else a convener; the annual meeting must be an ordinary one held by
30 April («innen utgangen av april» includes the 30th), and an extraordinary meeting never counts.

Its §§ 10 and 11 show seats and leadership shapes no real text in the sources has:

- § 10, arbeidsutvalget: each member «må være medlem av formannskapet i sin kommune» (seat
  eligibility by office, against the roster's dated holdings); «Ledervervet i arbeidsutvalget går på
  omgang mellom deltakerne i alfabetisk rekkefølge etter kommunenavn, én valgperiode om gangen»;
  «Vervet skifter på arbeidsutvalgets konstituerende møte 1. november i valgåret; til da leder
  deltakeren fra forrige periode»; «A kommune har ledervervet i perioden som begynte 1. november
  2019»; «Arbeidsutvalget velger selv nestleder blant medlemmene» (an elected vice).
- § 11, kommunedirektørutvalget: «Ledervervet går på omgang mellom kommunedirektørene i alfabetisk
  rekkefølge etter kommunenavn, ett kalenderår om gangen. Utvalget har ingen nestleder.» It does not
  say who began: the order is known, the starting term is not.

So A leads the arbeidsutvalg from 1 November 2019 to 31 October 2023 and B (next in A, B, C, D) from
1 November 2023, although the kommunestyrene's new period (and D's new member) began 15 October.
"""
from __future__ import annotations

import json

import re

import pytest
import yaml

from engine.analyses.duties import duty_calendar
from engine.cli.main import main
from engine.core.evaluate import Evaluation, check_file, load_scenario
from engine.core.library import Library, library
from engine.render.finding_text import difference_message

from .conftest import ROOT

EXAMPLE = ROOT / "examples" / "eksempelradet"
BYLAWS = EXAMPLE / "bylaws"
SCENARIOS = sorted((EXAMPLE / "scenarios").glob("*.yaml"))
DOCUMENT = BYLAWS / "eksempelradet.yaml"
ROSTER = BYLAWS / "rosters" / "eksempelradet.yaml"


@pytest.fixture(scope="module")
def lib() -> Library:
    return Library(BYLAWS)


def _run(capsys, *args: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return exit_info.value.code, out.out


def test_enough_scenarios_ship():
    assert len(SCENARIOS) >= 8


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_each_scenario_gets_its_expected_verdict(path, lib):
    scenario, _ = load_scenario(path)
    assert scenario.expected is not None and scenario.council == "eksempel"
    verdict = check_file(path, lib=lib)
    assert verdict.expected.matches, "\n".join(difference_message(d, "en") for d in verdict.expected.differences)
    # every clause a finding cites is the example's own text or the statute, never a real council's
    assert all(f.citation.startswith(("eksempelavtalen", "kommuneloven")) for f in verdict.findings)


def test_check_from_the_command_line(capsys):
    code, out = _run(capsys, "check", str(EXAMPLE / "scenarios"), "--bylaws-dir", str(BYLAWS))
    assert code == 1  # five meetings are invalid on purpose
    assert f"{len(SCENARIOS)} av {len(SCENARIOS)} scenarioer med forventet dom samsvarer" in out


def _demand(lib, name: str) -> tuple[bool, list[str]]:
    """Whether the meeting was demanded under the example's § 4, and the rules that fired."""
    path = EXAMPLE / "scenarios" / name
    scenario, _ = load_scenario(path)
    fact = Evaluation(scenario, str(path), lib.document("eksempelradet"), lib, "reference").builder.meeting_fact()
    return fact["convening_demanded"], [f.rule for f in check_file(path, lib=lib).findings]


def test_one_participants_demand_obliges_the_leader_and_makes_no_one_else_a_convener(lib):
    # C alone demanded, the leader convened: due and lawful
    assert _demand(lib, "2021-09-krav-fra-en-deltaker.yaml") == (True, [])
    # the leader convened with no demand at all: lawful, she convenes
    assert _demand(lib, "2021-04-arsmote-lederen-kaller-inn.yaml") == (False, [])
    # C demanded and convened it itself: the demand made C no convener
    assert _demand(lib, "2021-10-deltakeren-kaller-inn-selv.yaml") == (True, ["convened-without-authority"])
    # the leader's own demand is the second rule of § 4
    assert _demand(lib, "2021-11-lederen-krever-selv.yaml") == (True, [])


def test_the_convening_finding_cites_and_quotes_the_examples_clause(lib):
    verdict = check_file(EXAMPLE / "scenarios" / "2021-12-nestlederen-kaller-inn-uten-forfall.yaml", lib=lib)
    (finding,) = verdict.findings
    assert (finding.rule, finding.citation, finding.layer) == ("convened-without-authority", "eksempelavtalen § 4", "bylaws")
    assert finding.quote == "Representantskapet kalles inn av lederen. Har lederen forfall, kaller nestlederen inn."


def test_the_calendar_judges_the_annual_meeting(lib):
    report = duty_calendar(EXAMPLE / "scenarios", council="eksempel", lib=lib)
    duties = {y.year: y.duties[0] for y in report.years}
    # 2023's meetings of the arbeidsutvalg are not the representantskap's: only 18 April counts
    assert set(duties) == {2021, 2022, 2023, 2024}
    assert {y: d.status for y, d in duties.items()} == {2021: "met", 2022: "missed", 2023: "met", 2024: "met"}
    assert [p.rsplit("/", 1)[-1] for p in duties[2023].evidence] == ["2023-04-arsmote-innen-fristen.yaml"]
    assert [p.rsplit("/", 1)[-1] for p in duties[2024].evidence] == ["2024-04-arsmote-siste-dag-i-april.yaml"]
    # 2022: the extraordinary meeting of 8 March does not count, the annual meeting of 10 May is late
    missed = duties[2022]
    assert missed.evidence == () and missed.finding.severity == "error"
    assert missed.finding.citation == "eksempelavtalen § 4"
    late = [item["args"]["date"] for item in missed.finding.args["late"]["items"]]
    assert late == [{"day-of-year": "2022-05-10"}]
    assert report.missed_errors == 1


def test_calendar_from_the_command_line(capsys):
    code, out = _run(capsys, "calendar", str(EXAMPLE / "scenarios"), "--council", "eksempel",
                     "--bylaws-dir", str(BYLAWS))
    assert code == 1
    assert "holdt etter fristen: 10.5." in out and "innen 30.4." in out


def test_bylaws_check_of_the_example_file(capsys):
    code, out = _run(capsys, "bylaws", "--check", str(DOCUMENT))
    assert code == 0 and "gyldig – eksempelradet (eksempel" in out
    assert "12 kodet, 1 informativ, 4 ikke modellert" in out  # the statuses worded, not their ids
    code, out = _run(capsys, "bylaws", "--check", str(DOCUMENT), "--lang", "en")
    assert code == 0 and "12 encoded, 1 informative, 4 not modelled" in out


def test_the_guide_shows_the_shipped_files_word_for_word():
    guide = (ROOT / "bylaws" / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", guide, re.S)
    assert blocks[0] == DOCUMENT.read_text(encoding="utf-8")
    assert blocks[1] == ROSTER.read_text(encoding="utf-8")


def test_the_statute_is_the_shipped_one():
    shipped = ROOT / "bylaws" / "statute" / "kommuneloven-2018.yaml"
    assert (BYLAWS / "statute" / "kommuneloven-2018.yaml").read_bytes() == shipped.read_bytes()


def test_every_quote_is_the_example_agreements_own_words(lib):
    text = " ".join((EXAMPLE / "eksempelavtalen.md").read_text(encoding="utf-8").split())
    data = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))

    def quotes(node):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from [value] if key == "quote" else quotes(value)
        elif isinstance(node, list):
            for item in node:
                yield from quotes(item)

    found = list(quotes(data))
    assert len(found) >= 10
    assert [q for q in found if q not in text] == []
    citations = re.findall(r"citation: ([^,}\n]+)", DOCUMENT.read_text(encoding="utf-8"))
    assert citations and all(c.startswith("eksempelavtalen") for c in citations)


def test_marked_as_constructed_everywhere(lib):
    doc = lib.document("eksempelradet")
    assert "konstruert eksempel" in doc.title and "konstruert" in doc.assumptions[0].what
    assert "KONSTRUERT EKSEMPEL" in (EXAMPLE / "eksempelavtalen.md").read_text(encoding="utf-8")
    assert "CONSTRUCTED" in (EXAMPLE / "README.md").read_text(encoding="utf-8")
    assert all(p.fictional for p in doc.roster.people)
    for path in SCENARIOS:
        scenario, _ = load_scenario(path)
        assert "(konstruert)" in scenario.name and scenario.description.startswith("KONSTRUERT EKSEMPEL")


@pytest.mark.parametrize("reviewed", [EXAMPLE / "eksempelavtalen.md", DOCUMENT], ids=["text", "bylaws-file"])
def test_the_example_agreement_is_a_lawful_ipr_agreement(reviewed, capsys):
    """kommuneloven § 18-4 fjerde ledd: «Samarbeidsavtalen skal fastsette» a–h; § 18-3 første ledd:
    each kommunestyre elects «sine medlemmer og minst like mange varamedlemmer». The example's text
    settles every letter and gives each mayor the varaordfører as deputy, so `vedtekt review` of
    the text and of the bylaws file finds no error and no warning (the file's letters b, f, g and
    h have no field in the data model: info)."""

    code, out = _run(capsys, "review", str(reviewed), "--date", "2021-01-01", "--format", "json")
    report = json.loads(out)
    assert code == 0
    assert [(f["rule"], f["severity"]) for f in report["findings"] if f["severity"] != "info"] == []
    if reviewed.suffix == ".md":
        assert {c["item"][-1]: c["status"] for c in report["checklist"]} == dict.fromkeys("abcdefgh", "present")


def test_the_real_councils_do_not_include_the_example():
    assert "eksempel" not in library().councils()
    assert not (ROOT / "bylaws" / "eksempelradet.yaml").exists()


# -- §§ 10 and 11: seat eligibility by office and three leadership shapes ------------------------
def test_a_seat_only_a_formannskap_member_may_hold(lib, capsys):
    """Arne D sits for D in the arbeidsutvalg; the roster ends his formannskap membership on
    2022-06-30. `authority check` finds him ineligible from the next day, citing § 10, and not before."""
    from datetime import date

    from engine.analyses.composition import composition_findings

    doc = lib.document("eksempelradet")

    def ineligible(on: date) -> list[tuple[str, tuple[str, ...], str]]:
        return [(f.rule, f.location.nodes, f.citation) for f in composition_findings(doc, on)]

    assert ineligible(date(2022, 6, 30)) == []
    assert ineligible(date(2022, 7, 1)) == [("seat-eligibility", ("arbeidsutvalget", "d-au-medlem"),
                                             "eksempelavtalen § 10")]
    # D's new member from 15 October 2023 is its mayor, a formannskap member: eligible again
    assert ineligible(date(2023, 10, 15)) == []
    code, out = _run(capsys, "authority", "check", "--council", "eksempel", "--date", "2022-09-13",
                     "--bylaws-dir", str(BYLAWS))
    assert code == 1 and "seat-eligibility" in out and "formannskapsmedlem" in out


def test_the_arbeidsutvalg_rotates_per_election_period_from_1_november(lib):
    from datetime import date, timedelta

    from engine.core.rotation import terms

    found = terms(lib.document("eksempelradet"), "arbeidsutvalget", 2019, 2028)
    assert [(str(t.start), str(t.end)) for t in found] == [
        ("2015-11-01", "2019-10-31"), ("2019-11-01", "2023-10-31"),
        ("2023-11-01", "2027-10-31"), ("2027-11-01", "2031-10-31")]
    assert all(a.end + timedelta(days=1) == b.start for a, b in zip(found, found[1:]))
    # the anchor is A's period; the next in A, B, C, D leads the next one; no vice by turn. The
    # 2015-2019 row (D) is the rotation read backwards from the anchor («går på omgang ... i
    # alfabetisk rekkefølge»): § 10 names no earlier leader, and the document is in force from 2020
    assert [t.leader for t in found] == ["d", "a", "b", "c"] and {t.vice for t in found} == {""}
    led = {t.leader for t in found if t.contains(date(2023, 10, 20))}
    assert led == {"a"}  # after the kommunestyrene's 15 October, before the utvalg's 1 November


def test_the_arbeidsutvalg_leader_rotates_and_its_vice_is_elected(lib, capsys):
    from datetime import date

    from engine.core.sitting import resolve

    doc = lib.document("eksempelradet")
    before = resolve(doc, "arbeidsutvalget", date(2023, 10, 31))
    after = resolve(doc, "arbeidsutvalget", date(2023, 11, 1))
    assert (before.leader, before.leader_participant) == ("a-ordforer", "a")
    assert (after.leader, after.leader_participant) == ("b-ordforer", "b")
    # the vice is the roster's nestleder of the utvalg in both periods, not the next by turn
    assert before.vice == after.vice == "c-au-medlem"
    code, out = _run(capsys, "people", "--council", "eksempel", "--organ", "arbeidsutvalget",
                     "--date", "2023-10-20", "--bylaws-dir", str(BYLAWS))
    assert code == 0 and "Leder: Kari A (fiktiv) [a-ordforer] (a); eksempelavtalen § 10" in out


def test_a_rotation_without_a_vice_whose_start_is_unknown_is_stated_as_such(lib, capsys):
    """§ 11 gives the order (A, B, C, D by name) and no vice, but not who began: `vedtekt rotation`
    states the order and that the start is unknown; it computes no terms and names no leader."""
    from datetime import date

    from engine.core.sitting import resolve

    code, out = _run(capsys, "rotation", "--council", "eksempel", "--bylaws-dir", str(BYLAWS))
    assert code == 0
    assert ("Kommunedirektørutvalget i Eksempelrådet: ledelsen går på omgang i rekkefølgen A, B, C, D "
            "(eksempelavtalen § 11), men kildene sier ikke hvem som startet") in out
    assert "Leder:" not in out
    code, out = _run(capsys, "rotation", "--council", "eksempel", "--bylaws-dir", str(BYLAWS),
                     "--format", "json")
    assert code == 0 and '"terms": []' in out
    sitting = resolve(lib.document("eksempelradet"), "kommunedirektorutvalget", date(2022, 1, 10))
    assert (sitting.term, sitting.leader, sitting.vice) == (None, None, None)


def test_rotation_shows_the_organ_asked_for(capsys):
    """The example has two organs whose leader rotates (§§ 10 and 11): `--organ` picks one. The
    arbeidsutvalg's terms run per election period from 1 November (§ 10), A's period first in
    2020, B's from 2023-11-01; the vice is elected, so it is the roster's, not the next by turn."""
    code, out = _run(capsys, "rotation", "--council", "eksempel", "--organ", "arbeidsutvalget",
                     "--bylaws-dir", str(BYLAWS), "--format", "json")
    rows = [(t["from"], t["to"], t["leader"]["participant"]) for t in json.loads(out)["terms"]]
    assert code == 0 and ("2020-01-01", "2023-10-31", "a") in rows and ("2023-11-01", "2027-10-31", "b") in rows
    with pytest.raises(SystemExit) as exit_info:
        main(["rotation", "--council", "eksempel", "--organ", "arbeidsutvalg", "--bylaws-dir", str(BYLAWS)])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and "ukjent organ 'arbeidsutvalg'" in err and "mente du: arbeidsutvalget" in err


def test_the_authority_graph_has_the_two_new_organs_and_no_invented_ones(lib):
    from datetime import date

    from engine.analyses import graph

    G = graph.authority_graph(lib.document("eksempelradet"), date(2022, 9, 13))
    members = sorted(u for u, v, d in G.in_edges("arbeidsutvalget", data=True) if d["kind"] == "member-of")
    assert members == ["a", "b", "c", "d"]  # each participant's seat (§ 10), not a participant's own organ
    prepares = sorted((u, v) for u, v, d in G.edges(data=True) if d["kind"] == "prepares-for")
    assert prepares == [("arbeidsutvalget", "representantskapet"), ("kommunedirektorutvalget", "arbeidsutvalget")]
    assert {n for n, d in G.nodes(data=True) if d["kind"] == "organ"} == {
        "representantskapet", "arbeidsutvalget", "kommunedirektorutvalget"}
