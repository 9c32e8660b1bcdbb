"""Councils are namespaces, and a bylaws file is validated whole on load (issue 13, points 1 and 4)."""
from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from engine.cli.main import main
from engine.core.errors import InputError
from engine.core.evaluate import check_file
from engine.core.library import Library, _library, library

ROOT = Path(__file__).resolve().parent.parent

# A council whose organs reuse Follo's ids, in force over all of Follo's modelled years.
OTHER_COUNCIL = """
id: testrad
title: Vedtekter for Testrådet (konstruert for testen)
council: testrad
kind: regionrad
statute: kommuneloven-2018
statute_applies: by-analogy
from: 2010-01-01
participants:
  - {id: a, name: A kommune, short: A, kind: kommune, citation: Testrådet § 1}
  - {id: b, name: B kommune, short: B, kind: kommune, citation: Testrådet § 1}
organs:
  - id: folloradet
    name: Testrådets råd
    supreme: true
    citation: Testrådet § 2
    seats:
      - {office: ordforer, per_participant: [kommune], rights: [attend, speak, propose, vote], citation: Testrådet § 2}
  - id: arbeidsutvalget
    name: Testrådets arbeidsutvalg
    citation: Testrådet § 3
    seats:
      - {office: ordforer, per_participant: [kommune], rights: [attend, speak, propose, vote], citation: Testrådet § 3}
case_kinds:
  - {id: ordinary, label: ordinær sak}
competences:
  - {case_kind: ordinary, organ: folloradet, citation: Testrådet § 2}
roster:
  people:
    - {id: test-a, name: Ordfører A, fictional: true}
    - {id: test-b, name: Ordfører B, fictional: true}
  holdings:
    - {person: test-a, office: ordforer, participant: a, from: 2010-01-01}
    - {person: test-b, office: ordforer, participant: b, from: 2010-01-01}
"""

TESTRAD_MEETING = """
name: Testrådets råd 2019 (organ-id-en er Follorådets)
council: testrad
organ: folloradet
date: 2019-03-07
chair: test-a
chair_elected: true
attendance: [{person: test-a}, {person: test-b}]
cases:
  - {id: "1/19", votes: {for: [test-a, test-b]}}
"""


@pytest.fixture(scope="module")
def bylaws_with_other_council(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bylaws") / "bylaws"
    shutil.copytree(ROOT / "bylaws", root)
    (root / "testrad.yaml").write_text(OTHER_COUNCIL, encoding="utf-8")
    return root


def _summary(verdict) -> tuple:
    return (verdict.valid, sorted((f.rule, f.case or "", f.citation) for f in verdict.findings))


FOLLO_SCENARIOS = sorted(p for folder in ("folloradet", "follomotet", "authority", "rotation")
                         for p in (ROOT / "scenarios" / folder).glob("*.yaml"))


def test_follo_scenarios_resolve_the_same_when_a_council_reuses_follos_organ_ids(bylaws_with_other_council):
    shipped, extended = library(), Library(bylaws_with_other_council)
    assert {"folloradet", "arbeidsutvalget"} <= {o.id for o in extended.document("testrad").organs}
    # a sample of every folder, including the working committee's own meetings
    au = [p for p in FOLLO_SCENARIOS if "organ: arbeidsutvalget" in p.read_text(encoding="utf-8")]
    sample = FOLLO_SCENARIOS[::6] + au
    assert au, "the sample must include arbeidsutvalget meetings"
    for path in sample:
        before, after = check_file(path, lib=shipped), check_file(path, lib=extended)
        assert after.bylaws == before.bylaws and _summary(after) == _summary(before), path


def test_the_other_councils_meeting_gets_its_own_document(bylaws_with_other_council, tmp_path):
    meeting = tmp_path / "testrad.yaml"
    meeting.write_text(TESTRAD_MEETING, encoding="utf-8")
    verdict = check_file(meeting, lib=Library(bylaws_with_other_council))
    assert verdict.bylaws.startswith("testrad ") and verdict.valid
    # without the council key it is a Follo meeting: Follorådet, where these people hold no seat
    meeting.write_text(TESTRAD_MEETING.replace("council: testrad\n", ""), encoding="utf-8")
    with pytest.raises(InputError):
        check_file(meeting, lib=Library(bylaws_with_other_council))


@pytest.mark.parametrize("council, hint", [
    ("sgn", "mente du: sogn?"),                                    # a near name: «mente du»
    ("eksempel", "angi council: ett av follo, lister-friluftsrad"),  # none near: the known councils
])
def test_an_unknown_council_is_refused_at_its_own_key_with_a_hint(tmp_path, council, hint):
    text = TESTRAD_MEETING.replace("council: testrad", f"council: {council}")
    meeting = tmp_path / "m.yaml"
    meeting.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=f"ukjent råd '{council}'") as info:
        check_file(meeting)
    line = text.splitlines().index(f"council: {council}") + 1
    assert hint in str(info.value)
    assert f"linje {line}, nøkkel council:" in str(info.value)  # its own line and key, not the date's


def copy_bylaws(tmp: Path, source: Path = ROOT / "bylaws") -> Path:
    """A copy of a bylaws folder (the shipped one by default) at tmp/bylaws, to change in a test."""
    root = tmp / "bylaws"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(source, root)
    return root


def run_with_bylaws(root: Path, args: list[str], monkeypatch, capsys) -> tuple[int, str]:
    """A command over another bylaws folder, as the command line runs it (exit code, stdout and
    stderr); the disk cache is off, so no copy's library is stored."""
    monkeypatch.setenv("VEDTEKT_BYLAWS", str(root))
    monkeypatch.setenv("VEDTEKT_CACHE_DIR", "off")
    _library.cache_clear()
    try:
        with pytest.raises(SystemExit) as exit_info:
            main(args)
    finally:
        _library.cache_clear()
    out = capsys.readouterr()
    return exit_info.value.code, out.out + out.err


@pytest.mark.parametrize("file, right, wrong, said", [
    # an organ id: «mente du» the organ
    ("folloradet.yaml", "from_organ: folloradet", "from_organ: folloraadet",
     ["ukjent organ 'folloraadet'", "mente du: folloradet"]),
    # Lister-avtalen § 5 «Ordinært representantskapsmøte holdes hvert år innen utgangen av mai» is
    # encoded with `meeting_type: ordinært`; a misspelt type would make a duty no meeting can
    # fulfil, so the file is refused with the types a scenario may state
    ("lister-friluftsrad.yaml", "meeting_type: ordinært", "meeting_type: ordinart",
     ["ordinært, ekstraordinært", "«ordinart»"]),
])
def test_a_misspelling_in_a_bylaws_file_names_file_line_and_what_is_allowed(tmp_path, monkeypatch, capsys,
                                                                             file, right, wrong, said):
    root = copy_bylaws(tmp_path)
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert right in text
    path.write_text(text.replace(right, wrong, 1), encoding="utf-8")
    line = text[: text.index(right)].count("\n") + 1
    code, out = run_with_bylaws(root, ["bylaws"], monkeypatch, capsys)
    assert code == 2, out
    assert file in out and f"linje {line}" in out and "Traceback" not in out
    assert all(words in out for words in said), out


# every id-valued key of a bylaws file or roster, as `key: value` on one line
ID_KEYS = ("from_organ", "leadership_of", "leader_of", "organ", "observer", "participant", "person",
           "deputy_for", "case_kind", "needs_innstilling_from", "successor", "source", "target", "office",
           "via_office", "among_office", "leader", "vice", "statute", "council", "default_council",
           "group", "invited")
ID_LINE = re.compile(r"^(?P<pre>\s*-?\s*(?P<key>" + "|".join(ID_KEYS) + r"): )(?P<id>[a-z0-9:-]+)\s*$", re.M)
# the first target of a clause's `encoded_as: [...]`, and a transition map's target (`radmann: kommunedirektor`)
ENCODED_AS = re.compile(r"(?P<key>encoded_as): \[(?P<id>[a-z0-9_./-]+)[,\]]")
MAP_TARGET = re.compile(r"^ {4}(?P<key>)[a-z0-9-]+: (?P<id>[a-z0-9-]+)\s*$", re.M)
ID_FILES = ["folloradet.yaml", "folloregionen.yaml", "sogn-regionrad.yaml", "rosters/sogn-regionrad.yaml",
            "lister-friluftsrad.yaml", "nord-gudbrandsdal-2016.yaml", "nord-gudbrandsdal-ipr-2021.yaml",
            "romsdal-ipr.yaml", "rosters/nord-gudbrandsdal-ipr-2021.yaml",
            "transitions/folloradet-folloregionen.yaml", "library.yaml"]
# keys that define a name rather than refer to one (a roster holding's office or group, a
# document's own council) or hold free text: a new value there may be lawful
DEFINING = {"council", "office", "source"}


def _id_matches(file: str, text: str) -> dict[str, list[re.Match]]:
    """The id-valued places of a file by key ("map-target": a transition map's target)."""
    found: dict[str, list[re.Match]] = {}
    patterns = [ID_LINE, ENCODED_AS] + ([MAP_TARGET] if file.startswith("transitions/") else [])
    for pattern in patterns:
        for m in pattern.finditer(text):
            found.setdefault(m["key"] or "map-target", []).append(m)
    return found


def _refers(file: str, key: str) -> bool:
    """The value at `key` must name something defined elsewhere (a roster's `group` defines one)."""
    return key not in DEFINING and not (key == "group" and file.startswith("rosters/"))


@cache
def _shipped_words() -> frozenset[str]:
    """Every word of the shipped bylaws: a mutated id outside it can name nothing."""
    files = (ROOT / "bylaws").rglob("*.yaml")
    return frozenset(w for f in files for w in re.findall(r"[A-Za-z0-9_./:-]+", f.read_text(encoding="utf-8")))


@settings(max_examples=16, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(file=st.sampled_from(ID_FILES), key=st.sampled_from((*ID_KEYS, "encoded_as", "map-target")),
       pick=st.integers(0, 10_000), edit=st.sampled_from(["drop-last", "double-first", "suffix", "swap-case"]))
# the review's misspellings (issue 13 item 4), each once loaded with exit 0 and changed results
@example(file="nord-gudbrandsdal-2016.yaml", key="group", pick=0, edit="drop-last")
@example(file="folloradet.yaml", key="invited", pick=0, edit="suffix")
@example(file="transitions/folloradet-folloregionen.yaml", key="map-target", pick=6, edit="drop-last")
@example(file="folloradet.yaml", key="encoded_as", pick=3, edit="suffix")
def test_mutating_an_id_in_the_bylaws_never_gives_an_internal_error(tmp_path, monkeypatch, capsys, file, key,
                                                                    pick, edit):
    root = copy_bylaws(tmp_path)
    path = root / file
    text = path.read_text(encoding="utf-8")
    found = _id_matches(file, text)
    assert found, file
    if key not in found:  # the file has no such key: any of its ids
        key = sorted(found)[pick % len(found)]
    m = found[key][pick % len(found[key])]
    old = m["id"]
    new = {"drop-last": old[:-1], "double-first": old[0] + old, "suffix": old + "x",
           "swap-case": old.upper()}[edit]
    path.write_text(text[: m.start("id")] + new + text[m.end("id"):], encoding="utf-8")
    code, out = run_with_bylaws(root, ["bylaws"], monkeypatch, capsys)
    assert code in (0, 2), out
    if _refers(file, key) and new not in _shipped_words():  # names nothing: refused, never a new result
        assert code == 2, f"{file}: {key}: {old} → {new} loaded\n{out}"
    if code == 2:
        assert file.split("/")[-1] in out and "Traceback" not in out
        return
    # a mutation the loader accepts (e.g. an id changed into another valid one) must still judge
    # meetings without an internal error
    code, out = _run(root, monkeypatch, capsys, ["check", *CHECKED_AFTER_MUTATION])
    assert code in (0, 1, 2, 4), out  # 4: a verdict now differs from the scenario's expected one


CHECKED_AFTER_MUTATION = [str(ROOT / "scenarios" / p) for p in (
    "folloradet/2013-03-quorum-tre-av-atte.yaml", "sogn/2016-03-quorum-two-thirds.yaml",
    "nord-gudbrandsdal/2021-04-regionstyret-med-kommunedirektor.yaml",
    "romsdal/2021-11-budsjett-varamedlem.yaml", "lister-friluftsrad/2023-03-bemyndiget-for-ordforer.yaml")]


def _run(root: Path, monkeypatch, capsys, args: list[str]) -> tuple[int, str]:
    monkeypatch.setenv("VEDTEKT_BYLAWS", str(root))
    _library.cache_clear()
    try:
        with pytest.raises(SystemExit) as exit_info:
            main(args)
    finally:
        _library.cache_clear()
    out = capsys.readouterr()
    return exit_info.value.code, out.out + out.err


# -- no council in Python (issue 13, point 2) ---------------------------------------------------
# Not scanned: engine/analyses/review/ reads draft agreements and holds a vocabulary of Norwegian organ
# words (arbeidsutvalget, sekretariatet, ...) for spotting references in any draft; engine/bench*.py
# and engine/cli/hostile.py generate Follorådet meetings as benchmark and campaign inputs by design.
# None of them decides a verdict.
NOT_SCANNED = ("review", "bench.py", "bench_baseline.py", "hostile.py")


def _council_needles() -> set[str]:
    """Ids and clause citations that belong to one council (organ ids shared by several councils,
    like `representantskapet`, are the statute's vocabulary, not a council's)."""
    import re as _re

    lib = library()
    organ_councils: dict[str, set[str]] = {}
    needles: set[str] = set()
    for doc in lib.documents.values():
        needles |= {doc.id, doc.council}
        # participant ids of three letters (vik, lom, sel, ski) are also ordinary words and syllables
        needles |= {p.id for p in (*doc.participants, *doc.observers) if len(p.id) > 3}
        for organ in doc.organs:
            organ_councils.setdefault(organ.id, set()).add(doc.council)
        provisions = [*doc.organs, *doc.competences, *doc.duties, *doc.participants,
                      *(s for o in doc.organs for s in o.seats),
                      *(o.leadership for o in doc.organs if o.leadership)]
        for provision in provisions:
            for part in _re.split(r";\s*", provision.citation):
                if not part.startswith(("kommuneloven", "forvaltningsloven")):
                    needles.add(part.strip())
    needles |= {organ for organ, councils in organ_councils.items() if len(councils) == 1}
    return {n for n in needles if len(n) > 2}


def _string_constants(path: Path):
    """Every string literal of a module that is not a docstring (code, not documentation)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_engine_code_names_no_council_and_quotes_no_clause():
    # with the Follo words an old schema used (the scenario's `invited` literal) and old citations;
    # tests/test_no_council_in_text.py scans the catalogues, the web's files and the help texts
    needles = _council_needles() | {"stortingsrepresentanter", "vedtekter 2012", "handlingsprogram",
                                    "Follorådet", "Follomøtet", "Folloregionen"}
    assert {"folloradet", "follo", "arbeidsutvalget", "vedtekter 2012 pkt. 4.1.3", "Sogn vedtekter § 3",
            "lister-friluftsrad", "romsdal", "kommunedirektorforum"} <= needles
    found = []
    for path in sorted((ROOT / "engine").rglob("*.py")):
        if any(part in NOT_SCANNED for part in path.relative_to(ROOT / "engine").parts):
            continue
        for line, text in _string_constants(path):
            found += [f"{path.relative_to(ROOT)}:{line}: {n}" for n in needles
                      if re.search(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", text)]
    for rule in (ROOT / "engine" / "core" / "rules.yaml").read_text(encoding="utf-8").splitlines():
        if rule.strip().startswith("citation:"):
            assert rule.split(":", 1)[1].strip().startswith(("kommuneloven", "forvaltningsloven")), rule
    assert not found, found


def test_a_misspelt_organ_in_the_guides_example_names_file_line_and_suggestion(tmp_path, capsys):
    """The guide's example (bylaws/README.md, the same text as examples/eksempelradet/bylaws/; that
    it passes `vedtekt bylaws --check` is tests/test_example_council.py) with one organ misspelt:
    exit 2 with the file, the line and a suggestion."""
    example = ROOT / "examples" / "eksempelradet" / "bylaws"
    (tmp_path / "rosters").mkdir()
    shutil.copy(example / "rosters" / "eksempelradet.yaml", tmp_path / "rosters" / "eksempelradet.yaml")
    document = (example / "eksempelradet.yaml").read_text(encoding="utf-8")
    (tmp_path / "eksempelradet.yaml").write_text(
        document.replace("organ: representantskapet,", "organ: representantskapt,"), encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["bylaws", "--check", str(tmp_path / "eksempelradet.yaml")])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and "eksempelradet.yaml: linje" in err
    assert "mente du: representantskapet?" in err


@pytest.mark.parametrize("council, on, organ, participant_edges", [
    ("lister-friluftsrad", "2021-06-01", "representantskapet", 6),   # no working committee
    ("nord-gudbrandsdal", "2021-06-01", "regionstyret", 6),          # a board and an administrative forum
    ("follo", "2021-02-01", "folloradet", 6),                        # several committees and groups
])
def test_the_authority_graph_follows_declared_membership(council, on, organ, participant_edges):
    from datetime import date

    from engine.analyses import graph

    day = date.fromisoformat(on)
    doc = next(d for d in library().council_documents(council) if d.in_force(day))
    G = graph.authority_graph(doc, day)
    members = [u for u, v, d in G.in_edges(organ, data=True)
               if d["kind"] == "member-of" and G.nodes[u]["kind"] == "participant"]
    assert len(members) == participant_edges
    # no participant is attached to an organ where it has no seat of its own
    for u, v, d in G.edges(data=True):
        if d["kind"] == "member-of" and G.nodes[u]["kind"] == "participant":
            assert any(s.per_participant for s in doc.organ(v).seats), (u, v)


def test_authority_listing_is_in_norwegian_order():
    from datetime import date

    from engine.analyses import graph
    from engine.render import authority as drawn

    text = drawn.to_text(graph.authority_graph(library().document("folloradet"), date(2021, 2, 1)))
    members = [line for line in text.splitlines() if line.endswith("[handlingsprogram 2021 kap. 1.2]")
               and "kommune er medlem av Follorådet" in line]
    names = [line.split(" kommune")[0].strip() for line in members]
    assert names == ["Enebakk", "Frogn", "Nesodden", "Nordre Follo", "Vestby", "Ås"]


# -- composition and eligibility (issue 13, point 3) --------------------------------------------
def _ng_with(**changes):
    """Nord-Gudbrandsdal 2016 with some people's gender or holdings' group changed."""
    from engine.core.model import Document

    doc = library().document("nord-gudbrandsdal-2016")
    data = doc.model_dump(by_alias=True)
    for person in data["roster"]["people"]:
        if person["id"] in changes.get("gender", {}):
            person["gender"] = changes["gender"][person["id"]]
    for h in data["roster"]["holdings"]:
        if (h["person"], h["office"]) in changes.get("group", {}):
            h["group"] = changes["group"][(h["person"], h["office"])]
    return Document.model_validate(data)


def _composition(doc):
    from datetime import date

    from engine.analyses.composition import composition_findings

    return [(f.rule, f.severity, f.location.nodes[-1]) for f in composition_findings(doc, date(2018, 6, 1))]


def test_both_genders_from_each_municipality_is_checked_against_the_roster():
    # NG-avtalen 2016 § 3: «Begge kjønn skal vera representert frå kvar kommune.» Lesja's three
    # members are made all women: a breach for Lesja (error), nothing for the others.
    lesja = {f"ng-lesja-{o}": "k" for o in ("ordforer", "varaordforer", "opposisjon")}
    assert _composition(_ng_with(gender=lesja)) == [("composition-gender", "error", "lesja")]
    # «... gjeld også som hovedregel for OFK»: both county representatives men is a warning
    assert _composition(_ng_with(gender={"ng-ofk-1": "m"})) == [("composition-gender", "warning", "oppland-fk")]
    # where the roster does not record a gender, the municipality is reported as not assessable
    assert _composition(_ng_with(gender={"ng-dovre-ordforer": None})) == [("composition-gender", "info", "dovre")]
    assert _composition(library().document("nord-gudbrandsdal-2016")) == []


def test_the_opposition_seat_needs_a_member_of_the_opposition():
    # NG-avtalen 2016 § 3: «1 representant frå opposisjonen»; the roster records the group
    doc = _ng_with(group={("ng-sel-opposisjon", "opposisjon"): "posisjon"})
    assert _composition(doc) == [("seat-eligibility", "error", "ng-sel-opposisjon")]


# -- leadership variants (issue 13, point 3) -----------------------------------------------------
VESTERALEN = """
id: vesteralen-test
title: Vedtekter for et konstruert regionråd (test av ledelsesordninger)
council: vesteralen-test
kind: regionrad
statute: kommuneloven-2018
statute_applies: by-analogy
from: 2019-01-01
participants:
  - {{id: sortland, name: Sortland kommune, short: Sortland, kind: kommune, citation: test § 1}}
  - {{id: oksnes, name: Øksnes kommune, short: Øksnes, kind: kommune, citation: test § 1}}
  - {{id: andoy, name: Andøy kommune, short: Andøy, kind: kommune, citation: test § 1}}
  - {{id: bo, name: Bø kommune, short: Bø, kind: kommune, citation: test § 1}}
organs:
  - id: radet
    name: Rådet
    supreme: true
    citation: test § 2
    seats:
      - {{office: ordforer, per_participant: [kommune], rights: [attend, speak, propose, vote], citation: test § 2}}
    leadership:
      kind: rotation
      among_office: ordforer
      citation: test § 3
{leadership}
case_kinds:
  - {{id: ordinary, label: ordinær sak}}
competences:
  - {{case_kind: ordinary, organ: radet, citation: test § 2}}
roster:
  people:
    - {{id: p-sortland, name: Ordfører Sortland, fictional: true}}
    - {{id: p-oksnes, name: Ordfører Øksnes, fictional: true}}
    - {{id: p-andoy, name: Ordfører Andøy, fictional: true}}
    - {{id: p-bo, name: Ordfører Bø, fictional: true}}
  holdings:
    - {{person: p-sortland, office: ordforer, participant: sortland, from: 2019-10-15}}
    - {{person: p-oksnes, office: ordforer, participant: oksnes, from: 2019-10-15}}
    - {{person: p-andoy, office: ordforer, participant: andoy, from: 2019-10-15}}
    - {{person: p-bo, office: ordforer, participant: bo, from: 2019-10-15}}
    - {{person: p-oksnes, office: nestleder, organ: radet, from: 2019-11-01}}
"""


def _vesteralen(tmp_path, leadership: str) -> Library:
    root = tmp_path / "bylaws"
    shutil.copytree(ROOT / "bylaws" / "statute", root / "statute")
    (root / "vesteralen-test.yaml").write_text(VESTERALEN.format(leadership=leadership), encoding="utf-8")
    return Library(root)


def test_a_rotation_without_a_vice(tmp_path):
    from datetime import date

    from engine.analyses.rotation import rotation_report
    from engine.core.sitting import resolve

    lib = _vesteralen(tmp_path, "      anchor: {year: 2020, leader: bo, citation: test § 3}\n"
                                "      vice_by: none\n      vice_becomes_leader: false")
    report = rotation_report("vesteralen-test", 2020, 2022, lib=lib)
    # Norwegian order Andøy, Bø, Sortland, Øksnes: Bø 2020, then Sortland, then Øksnes; no vice
    assert [t.leader.participant for t in report.terms] == ["bo", "sortland", "oksnes"]
    assert {t.vice.municipality for t in report.terms} == {"-"}
    sitting = resolve(lib.document("vesteralen-test"), "radet", date(2021, 3, 1))
    assert (sitting.leader, sitting.vice) == ("p-sortland", None)


def test_a_rotating_leader_with_an_elected_vice(tmp_path):
    from datetime import date

    from engine.core.sitting import resolve

    lib = _vesteralen(tmp_path, "      anchor: {year: 2020, leader: bo, citation: test § 3}\n"
                                "      vice_by: elected\n      vice_becomes_leader: false")
    sitting = resolve(lib.document("vesteralen-test"), "radet", date(2021, 3, 1))
    assert (sitting.leader, sitting.vice, sitting.vice_participant) == ("p-sortland", "p-oksnes", "oksnes")


def test_election_period_terms_from_the_constituent_meeting_do_not_overlap(tmp_path):
    from datetime import date

    from engine.core.rotation import terms

    lib = _vesteralen(tmp_path, "      anchor: {year: 2019, leader: andoy, citation: test § 3}\n"
                                "      term: election-period\n      term_start: constituent-meeting\n"
                                "      constituent_meeting: \"11-01\"\n      election_year: 2019")
    found = terms(lib.document("vesteralen-test"), "radet", 2019, 2028)
    assert [str(t.start) for t in found] == ["2015-11-01", "2019-11-01", "2023-11-01", "2027-11-01"]
    assert all(a.end.toordinal() + 1 == b.start.toordinal() for a, b in zip(found, found[1:]))
    # the vice (the next in Norwegian order) leads the next period; the anchor's period is Andøy's
    assert [t.leader for t in found] == ["oksnes", "andoy", "bo", "sortland"]
    # the election period begins 15 October (the roster), the council's term 1 November: a
    # meeting on 2019-10-20 is still in the old term, one on 2019-11-01 in the new; no overlap
    on_20th = [t.leader for t in found if t.contains(date(2019, 10, 20))]
    on_1st = [t.leader for t in found if t.contains(date(2019, 11, 1))]
    assert (on_20th, on_1st) == (["oksnes"], ["andoy"])


def test_a_rotation_whose_first_term_is_unknown_states_the_order(tmp_path):
    from datetime import date

    from engine.analyses.rotation import rotation_report
    from engine.core.sitting import resolve

    lib = _vesteralen(tmp_path, "      vice_by: none\n      vice_becomes_leader: false")
    report = rotation_report("vesteralen-test", 2020, 2021, lib=lib)
    assert report.terms == ()
    from engine.render.rotation import note_text

    note = note_text(report)
    assert "Andøy, Bø, Sortland, Øksnes" in note and "ikke hvem som startet" in note
    # a meeting still resolves: no rotation term, the roster decides who leads (here: nobody)
    assert resolve(lib.document("vesteralen-test"), "radet", date(2021, 3, 1)).term is None


# Convening on one participant's or the leader's demand: tests/test_example_council.py, on the
# shipped constructed example (examples/eksempelradet/), which has the three cases that were here.


@pytest.mark.parametrize("council, folder, on, document", [
    ("sogn", "sogn", "2016-06-01", "sogn-regionrad"),
    ("lister-friluftsrad", "lister-friluftsrad", "2023-01-01", "lister-friluftsrad"),
    ("nord-gudbrandsdal", "nord-gudbrandsdal", "2018-06-01", "nord-gudbrandsdal-2016"),
    ("romsdal", "romsdal", "2022-01-01", "romsdal-ipr"),
])
def test_every_command_works_for_each_new_council(council, folder, on, document, capsys):
    def run(*args):
        with pytest.raises(SystemExit) as exit_info:
            main(list(args))
        out = capsys.readouterr()
        return exit_info.value.code, out.out, out.err

    code, out, err = run("check", str(ROOT / "scenarios" / folder), "--format", "json")
    assert code == 1 and "Traceback" not in err  # each folder has invalid meetings on purpose
    code, out, _ = run("rotation", "--council", council, "--from", on[:4], "--to", on[:4])
    assert code == 0 and "Leder" in out
    code, out, _ = run("authority", "show", "--council", council, "--date", on)
    assert code == 0 and "medlem av" in out
    code, out, _ = run("authority", "check", "--council", council, "--date", on)
    assert code == 0, out
    code, out, _ = run("calendar", str(ROOT / "scenarios" / folder), "--council", council)
    assert code in (0, 1) and "Pliktkalender" in out
    code, out, _ = run("bylaws", "--check", str(ROOT / "bylaws" / f"{document}.yaml"))
    assert code == 0 and "kodet" in out and "encoded" not in out


@pytest.mark.parametrize("demanders, demanded", [(19, True), (18, False)])
def test_the_statutes_third_holds_beside_the_bylaws_own_convening_rule(tmp_path, demanders, demanded):
    """kommuneloven § 11-2 andre ledd: the organ meets when «c) Minst 1/3 av medlemmene krever
    det.» Follomøtet has its own convening clause (vedtekter 2012 pkt. 4.1.4) and no demand rule
    of its own; the agreement cannot take the statute's right away, so 19 of its 56 members
    (a third rounded up) oblige the leader to convene, and 18 do not."""
    import yaml

    from engine.core.evaluate import Evaluation, load_scenario
    from engine.core.library import library

    source = ROOT / "scenarios" / "follomotet" / "2018-06-arsmelding-regnskap-wrong-organ.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["convening"]["demanded_by"] = [line["person"] for line in data["attendance"][:demanders]]
    data.pop("expected", None)
    meeting = tmp_path / "m.yaml"
    meeting.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    scenario, _ = load_scenario(meeting)
    lib = library()
    doc = lib.choose(scenario.organ, scenario.date, None)
    assert doc.organ("follomotet").convening is not None and not doc.organ("follomotet").convening.on_demand
    fact = Evaluation(scenario, str(meeting), doc, lib, "reference").builder.meeting_fact()
    assert (fact["convening_members"], fact["convening_demanded"]) == (56, demanded)


def test_bylaws_check_warns_of_a_draft_overlapping_the_councils_document(tmp_path, capsys):
    """A second Romsdal document for the same organ and period: the check still passes (a draft
    may overlap) but marks the overlap as a warning, in the one severity wording of the outputs."""
    draft = tmp_path / "romsdal-utkast.yaml"
    text = (ROOT / "bylaws" / "romsdal-ipr.yaml").read_text(encoding="utf-8")
    draft.write_text(text.replace("id: romsdal-ipr", "id: romsdal-utkast", 1), encoding="utf-8")
    (tmp_path / "rosters").mkdir()
    shutil.copy(ROOT / "bylaws" / "rosters" / "romsdal-ipr.yaml", tmp_path / "rosters" / "romsdal-utkast.yaml")
    for lang, marker in (("nb", "[ADVARSEL] overlapper i tid med samme organ: romsdal-ipr"),
                         ("en", "[WARNING] overlaps in time with the same organ: romsdal-ipr")):
        with pytest.raises(SystemExit) as exit_info:
            main(["bylaws", "--check", str(draft), "--lang", lang])
        out = capsys.readouterr().out
        assert exit_info.value.code == 0 and marker in out, out
