"""The rotation (vedtekter 2012 pkt. 4.1.3): properties over arbitrary memberships, and Follo's table."""
from __future__ import annotations

import json
import unicodedata
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from engine.core.library import library
from engine.core.model import Document
from engine.analyses.rotation import rotation_report
from engine.render.rotation import rotation_json
from engine.core.rotation import leadership_on, norwegian_order, terms

from .conftest import run_cli as run

# -- an independent statement of Norwegian alphabetical order (not ICU) ------------------------------
# The Norwegian alphabet is a–z, then æ, ø, å; «aa» is read as one letter, «å» (Aasen files with
# Ås). Case and accents only break ties between names that are otherwise equal, so at the level
# that decides the order, «Å», «å», «Aa» and «aa» are one letter, and so is «aå»: «a» followed by
# «å» (a + ring) is «aa» with a ring over it, an accented «å». The letters are read left to right.
# The double letter is written «aa», «Aa» or «AA»; «aA» is two letters (as in the CLDR rules).
ALPHABET = "abcdefghijklmnopqrstuvwxyzæøå"
RING = "\u030a"  # the ring of «å» once the name is decomposed (NFD)
DOUBLE_A = ("aa", "Aa", "AA", "a" + RING, "A" + RING)


def ref_key(name: str) -> tuple[int, ...]:
    """The name's letters as positions in the Norwegian alphabet (the primary order)."""
    text, key, i = unicodedata.normalize("NFD", name), [], 0
    while i < len(text):
        if text[i:i + 2] in DOUBLE_A:
            key.append(ALPHABET.index("å"))
            i += 2
        elif unicodedata.combining(text[i]):
            i += 1  # an accent (e.g. the ring on «aå») breaks ties only
        else:
            key.append(ALPHABET.index(text[i].casefold()))
            i += 1
    return tuple(key)


def test_the_reference_order_reads_aa_and_aå_as_å():
    assert ref_key("Aasen")[0] == ref_key("Ås")[0] == ref_key("Aå")[0] == ALPHABET.index("å")
    assert ref_key("Aå") == ref_key("Å") and ref_key("Aaa") == ref_key("Åa")
    assert ref_key("Zeta") < ref_key("Ærø") < ref_key("Ørsta") < ref_key("Ås")


def test_norwegian_order_puts_æøå_after_z_and_aa_as_å():
    assert norwegian_order(["Ås", "Zeta", "Ørsta", "Ærø", "Aurskog", "Aasen", "Berg"]) == \
        ["Aurskog", "Berg", "Zeta", "Ærø", "Ørsta", "Ås", "Aasen"]


# -- generated councils ---------------------------------------------------------------------------
def _name(letters: str) -> str:
    return letters[0].upper() + letters[1:]


names = st.text(alphabet=ALPHABET, min_size=1, max_size=6).map(_name) | \
    st.text(alphabet=ALPHABET, min_size=0, max_size=4).map(lambda s: "Aa" + s)


@st.composite
def memberships(draw, min_size=2, max_size=8):
    """Distinct names (distinct also when 'Aa' is read as 'Å')."""
    chosen = draw(st.lists(names, min_size=min_size, max_size=max_size,
                           unique_by=lambda n: ref_key(n)))
    return chosen


def council(member_names: list[str], anchor_year: int, anchor_leader: int, *,
            merger: tuple[int, int, str, int] | None = None, vacancy: dict | None = None,
            on_vacancy: str = "schedule-stays", on_ceased: str = "next-in-order") -> Document:
    parts = [{"id": f"p{i}", "name": f"{n} kommune", "short": n, "kind": "kommune", "citation": "test"}
             for i, n in enumerate(member_names)]
    if merger:
        a, b, new_name, year = merger
        for i in (a, b):
            parts[i].update({"to": date(year - 1, 12, 31), "successor": "merged"})
        parts.append({"id": "merged", "name": new_name, "short": new_name, "kind": "kommune",
                      "from": date(year, 1, 1), "citation": "test"})
    leadership = {"kind": "rotation", "among_office": "ordforer", "citation": "test 4.1.3",
                  "anchor": {"year": anchor_year, "leader": f"p{anchor_leader}", "citation": "test"},
                  "on_vacancy": on_vacancy, "on_ceased": on_ceased}
    if vacancy:
        leadership["vacancies"] = [vacancy]
    return Document.model_validate({
        "id": "t", "title": "t", "council": "t", "kind": "regionrad",
        "participants": parts,
        "organs": [{"id": "m", "name": "M", "citation": "test", "leadership": leadership}],
    })


def yearly(doc: Document, first: int, last: int):
    """{year: (leader, vice)} at the start of each year (terms without vacancies)."""
    return {t.index: (t.leader, t.vice) for t in terms(doc, "m", first, last) if t.basis != "vacancy"}


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(names=memberships())
@example(names=["A", "B", "Aå"])  # once failed: a reference that read «Aå» as «a» + «å» (ICU: «å»)
def test_norwegian_order_agrees_with_the_independent_statement(names):
    assert norwegian_order(names) == sorted(names, key=ref_key)


@SETTINGS
@given(members=memberships(), anchor_year=st.integers(2000, 2030), leader_seed=st.integers(0, 7),
       before=st.integers(0, 12), after=st.integers(0, 12))
@example(members=["A", "B", "Aå"], anchor_year=2000, leader_seed=0, before=0, after=3)
def test_each_member_leads_once_per_cycle_in_norwegian_order(members, anchor_year, leader_seed,
                                                             before, after):
    leader_ix = leader_seed % len(members)
    first, last = anchor_year - before, anchor_year + after
    doc = council(members, anchor_year, leader_ix)
    got = yearly(doc, first, last)
    assert sorted(got) == list(range(first, last + 1))
    ordered = [f"p{members.index(n)}" for n in sorted(members, key=ref_key)]
    n = len(ordered)
    for y in range(first, last + 1):
        leader, vice = got[y]
        assert vice == ordered[(ordered.index(leader) + 1) % n]  # the next in alphabetical order
        if y + 1 in got:
            assert got[y + 1][0] == vice  # leader(y+1) = vice(y)
        window = [got[y + i][0] for i in range(n) if y + i in got]
        if len(window) == n:
            assert sorted(window) == sorted(ordered)  # each member exactly once per cycle
    assert got[anchor_year][0] == f"p{leader_ix}"


@SETTINGS
@given(members=memberships(min_size=3), anchor_year=st.integers(2000, 2020), data=st.data(),
       new_name=names, on_ceased=st.sampled_from(["next-in-order", "successor"]))
def test_a_merger_never_makes_a_ceased_participant_lead(members, anchor_year, data, new_name, on_ceased):
    a, b = data.draw(st.lists(st.integers(0, len(members) - 1), min_size=2, max_size=2, unique=True))
    if any(ref_key(new_name) == ref_key(m) for i, m in enumerate(members) if i not in (a, b)):
        new_name = new_name + "x"
    merge_year = anchor_year + data.draw(st.integers(1, 8))
    doc = council(members, anchor_year, data.draw(st.integers(0, len(members) - 1)),
                  merger=(a, b, new_name, merge_year), on_ceased=on_ceased)
    got = yearly(doc, anchor_year, merge_year + 10)
    for y, (leader, vice) in got.items():
        if y >= merge_year:
            assert {leader, vice}.isdisjoint({f"p{a}", f"p{b}"})
        else:
            assert "merged" not in (leader, vice)
        if y + 1 in got and got[y][1] not in (f"p{a}", f"p{b}") or (y + 1 in got and y + 1 < merge_year):
            assert got[y + 1][0] == vice  # the vice still a participant: leads next
    # after the merger the rotation is a plain cycle over the new membership
    new = [f"p{i}" for i, _ in enumerate(members) if i not in (a, b)] + ["merged"]
    later = [got[y][0] for y in range(merge_year + 1, merge_year + 1 + len(new))]
    assert sorted(later) == sorted(new)


@SETTINGS
@given(members=memberships(min_size=3), anchor_year=st.integers(2000, 2020), data=st.data(),
       on_vacancy=st.sampled_from(["schedule-stays", "schedule-shifts"]))
def test_a_vacancy_splits_the_term_and_on_vacancy_decides_the_next_leader(members, anchor_year, data,
                                                                            on_vacancy):
    base = council(members, anchor_year, 0)
    year = anchor_year + data.draw(st.integers(0, 5))
    planned = yearly(base, year, year)[year]
    day = date(year, data.draw(st.integers(2, 12)), 1)
    doc = council(members, anchor_year, 0, on_vacancy=on_vacancy,
                  vacancy={"from": day, "office": "leader", "participant": planned[0], "citation": "test"})
    split = [t for t in terms(doc, "m", year, year + 1)]
    before, after = split[0], split[1]
    assert (before.leader, before.vice, before.end) == (planned[0], planned[1], date.fromordinal(day.toordinal() - 1))
    assert after.start == day and after.leader == planned[1] and after.vice not in (planned[0], planned[1])
    nxt = split[2]
    assert nxt.start == date(year + 1, 1, 1)
    assert nxt.leader == (planned[1] if on_vacancy == "schedule-stays" else after.vice)
    assert leadership_on(doc, "m", day).leader == planned[1]
    assert leadership_on(doc, "m", date.fromordinal(day.toordinal() - 1)).leader == planned[0]


def test_election_period_and_constituent_meeting_terms():
    doc = council(["Berg", "Aal", "Ås"], 2019, 0)
    org = doc.organs[0]
    leadership = org.leadership.model_copy(update={"term": "election-period", "term_start": "constituent-meeting",
                                                   "constituent_meeting": "10-15", "election_year": 2019})
    doc = doc.model_copy(update={"organs": (org.model_copy(update={"leadership": leadership}),)})
    got = terms(doc, "m", 2016, 2028)
    assert [(t.start, t.end) for t in got][:3] == [
        (date(2015, 10, 15), date(2019, 10, 14)), (date(2019, 10, 15), date(2023, 10, 14)),
        (date(2023, 10, 15), date(2027, 10, 14))]
    assert [t.leader for t in got][1:3] == ["p0", "p1"]  # Berg, then Aal (read as Ål, before Ås)


# -- Follo ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def follo():
    return rotation_json(rotation_report("follo", 2012, 2031))  # the JSON `vedtekt rotation` prints


def _terms_in(report, year):
    return [t for t in report["terms"] if t["from"].startswith(str(year))]


def test_2017_ski_then_vestby_after_the_vacancy(follo):
    first, second = _terms_in(follo, 2017)
    assert (first["from"], first["to"]) == ("2017-01-01", "2017-09-30")
    assert first["leader"]["municipality"] == "Ski" and first["vice"]["municipality"] == "Vestby"
    assert first["leader"]["name"] == "Tuva Moflag" and first["leader"]["fictional"] is False
    assert (second["from"], second["to"]) == ("2017-10-01", "2017-12-31")
    assert second["leader"]["municipality"] == "Vestby" and second["vice"]["municipality"] == "Ås"
    assert any("Tuva Moflag" in e for e in second["events"])
    assert second["citation"] == "vedtekter 2012 pkt. 4.1.3"


def test_no_term_from_2020_names_a_ceased_participant(follo):
    for t in follo["terms"]:
        if t["from"] >= "2020-01-01":
            for side in ("leader", "vice"):
                assert t[side]["municipality"] not in ("Oppegård", "Ski", "Akershus")


def test_without_a_vacancy_the_vice_leads_the_next_year(follo):
    whole = [t for t in follo["terms"] if t["from"].endswith("-01-01") and t["basis"] != "vacancy"]
    by_year = {}
    for t in whole:
        by_year.setdefault(int(t["from"][:4]), t)
    vacancy_years = {int(t["from"][:4]) for t in follo["terms"] if t["basis"] == "vacancy"}
    for y in range(2012, 2031):
        if y in vacancy_years or y + 1 not in by_year:
            continue
        assert by_year[y + 1]["leader"]["municipality"] == by_year[y]["vice"]["municipality"], y


def test_the_table_runs_2012_to_2031_and_marks_the_end_of_folloradet(follo):
    years = {int(t["from"][:4]) for t in follo["terms"]}
    assert years == set(range(2012, 2032))
    assert _terms_in(follo, 2012)[0]["leader"]["municipality"] == "Ås"
    for t in follo["terms"]:
        if t["from"] > "2021-02-28":
            assert t["outside_period"] or t["document"] != "folloradet"
        else:
            assert t["document"] == "folloradet" and not t["outside_period"]
    assert any(t["to"] == "2021-02-28" for t in follo["terms"])


def test_derived_offices_follow_the_rotation(follo):
    first, second = _terms_in(follo, 2017)
    derived_first = {d["organ"]: d for d in first["derived"]}
    derived_second = {d["organ"]: d for d in second["derived"]}
    assert derived_first["radmannskollegiet"]["leader"] == "ski-2015-radmann"
    assert derived_first["helsegruppen"]["leader"] == "ski-2015-kommunalsjef-helse"
    assert derived_second["radmannskollegiet"]["leader"] == "vestby-2015-radmann"
    assert set(derived_second["arbeidsutvalget"]["members"]) == {
        "vestby-2015-fsk-a1", "as-2015-fsk-a1", "vestby-2015-radmann", "as-2015-radmann", "daglig-leder"}


def test_sitting_uses_the_vacancy_aware_terms():
    from engine.core.sitting import resolve

    doc = library().document("folloradet")
    assert resolve(doc, "folloradet", date(2017, 9, 30)).leader == "ski-2015-fsk-a1"
    s = resolve(doc, "folloradet", date(2017, 10, 1))
    assert (s.leader, s.vice) == ("vestby-2015-fsk-a1", "as-2015-fsk-a1")
    assert resolve(doc, "radmannskollegiet", date(2017, 10, 1)).leader == "vestby-2015-radmann"


def test_cli_rotation_json_text_markdown(capsys):
    code, out, _ = run(["rotation", "--from", "2012", "--to", "2031", "--format", "json"], capsys)
    assert code == 0
    doc = json.loads(out)
    assert doc["council"] == "follo" and len(doc["terms"]) >= 21
    t = doc["terms"][0]
    assert set(t) >= {"from", "to", "leader", "vice", "events", "citation"}
    assert set(t["leader"]) >= {"municipality", "person"}
    code, out, _ = run(["rotation", "--from", "2017", "--to", "2018"], capsys)
    assert code == 0 and "Tuva Moflag" in out and "Nestleder" in out
    code, out, _ = run(["rotation", "--from", "2017", "--to", "2017", "--format", "markdown", "--lang", "en"], capsys)
    assert code == 0 and out.startswith("# Leader and vice leader") and "| 2017-10-01 – 2017-12-31 |" in out


def test_cli_rotation_bad_input_exits_2(capsys):
    code, _, err = run(["rotation", "--council", "nowhere"], capsys)
    assert code == 2 and "ukjent råd" in err
    code, _, err = run(["rotation", "--from", "2020", "--to", "2019"], capsys)
    assert code == 2


# -- the calendar of duties -------------------------------------------------------------------------
def _meeting(folder, name, organ, day, invited=None):
    text = f"name: {name}\norgan: {organ}\ndate: {day}\nattendance: []\n"
    if invited:
        text += f"invited: [{invited}]\n"
    (folder / f"{name}.yaml").write_text(text, encoding="utf-8")


def test_calendar_all_duties_met(tmp_path, capsys):
    for m in range(1, 13):
        _meeting(tmp_path, f"fr-{m}", "folloradet", f"2018-{m:02d}-10",
                 "stortingsrepresentanter" if m == 3 else None)
    _meeting(tmp_path, "fm", "follomotet", "2018-06-01")
    code, out, _ = run(["calendar", str(tmp_path), "--year", "2018", "--format", "json"], capsys)
    assert code == 0
    (year,) = json.loads(out)["years"]
    assert {d["duty"]: d["status"] for d in year["duties"]} == {
        "follomotet-annual": "met", "storting-invited": "met", "folloradet-monthly": "met"}


def test_calendar_missed_duties_are_cited(tmp_path, capsys):
    _meeting(tmp_path, "fr-1", "folloradet", "2018-01-10")
    _meeting(tmp_path, "fr-2", "folloradet", "2018-02-10")
    code, out, _ = run(["calendar", str(tmp_path), "--format", "json"], capsys)
    assert code == 1
    duties = {d["duty"]: d for d in json.loads(out)["years"][0]["duties"]}
    assert duties["follomotet-annual"]["status"] == "missed"
    assert duties["follomotet-annual"]["citation"] == "vedtekter 2012 pkt. 4.1.4"
    assert duties["storting-invited"]["status"] == "missed"
    assert duties["storting-invited"]["citation"] == "handlingsprogram 2021 kap. 1.2"
    monthly = duties["folloradet-monthly"]
    assert monthly["severity"] == "warning" and monthly["missing_months"] == list(range(3, 13))
    code, out, _ = run(["calendar", str(tmp_path), "--lang", "en"], capsys)
    assert code == 1 and "MISSED" in out and "usually" in out


def test_calendar_partial_year_and_unmodelled_year(tmp_path, capsys):
    _meeting(tmp_path, "fr-1", "folloradet", "2021-01-10")
    code, out, _ = run(["calendar", str(tmp_path), "--year", "2021", "--format", "json"], capsys)
    duties = {d["duty"]: d for d in json.loads(out)["years"][0]["duties"]}
    assert duties["follomotet-annual"]["status"] == "not-assessed"
    assert duties["folloradet-monthly"]["missing_months"] == [2]  # March on is outside the period
    assert code == 0
    code, _, err = run(["calendar", str(tmp_path), "--year", "2009"], capsys)
    assert code == 2 and "not-modelled" in err


def test_calendar_unknown_invited_value_is_bad_input(tmp_path, capsys):
    _meeting(tmp_path, "fr-1", "folloradet", "2018-01-10", "pressen")
    code, _, err = run(["calendar", str(tmp_path)], capsys)
    assert code == 2 and "invited" in err


def test_continue_from_keeps_the_turn_in_a_successor_document():
    from engine.core.rotation import continue_from

    old = council(["Berg", "Dal", "Eik"], 2020, 0)
    last = terms(old, "m", 2021, 2021)[0]  # Berg leads 2020, Dal 2021
    assert last.leader == "p1"
    new = council(["Berg", "Dal", "Eik", "Fjell"], 2030, 0)  # its own anchor is not used
    new = new.model_copy(update={"valid_from": date(2021, 3, 1)})
    got = continue_from(last, new, "m", 2023)
    assert (got[0].start, got[0].leader, got[0].vice) == (date(2021, 3, 1), "p1", "p2")
    assert [t.leader for t in got[1:]] == ["p2", "p3"]  # then Eik, Fjell
