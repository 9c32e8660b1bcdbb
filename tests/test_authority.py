"""The authority graph (engine/analyses/graph.py), its CLI (`vedtekt authority …`) and spending authority."""
from __future__ import annotations

import doctest
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.analyses import graph
from engine.core.errors import InputError
from engine.core.library import library
from engine.core.model import Document

from .conftest import run_cli as run

ROOT = Path(__file__).resolve().parent.parent
PAYMENTS = sorted((ROOT / "scenarios-payments").glob("*.yaml"))
FEB_2021 = date(2021, 2, 1)


@pytest.fixture(scope="module")
def doc() -> Document:
    return library().document("folloradet")


@pytest.fixture(scope="module")
def G(doc):
    return graph.authority_graph(doc, FEB_2021)


def test_docstring_examples_run():
    failures, tried = doctest.testmod(graph)
    assert tried >= 8 and failures == 0


# -- must show ---------------------------------------------------------------------------------
def test_daglig_leder_is_instructed_by_folloradets_leader(G):
    assert graph.who_instructs(G, "daglig leder") == ["leder:folloradet"]
    assert G.nodes["leder:folloradet"]["label"] == "Follorådets leder"


def test_chain_of_helsegruppen_runs_through_radmannskollegiet_to_follomotet(G):
    steps = graph.chain(G, "Helsegruppen")
    assert [s.source for s in steps] == ["helsegruppen", "radmannskollegiet", "folloradet"]
    assert steps[-1].target == "follomotet" == G.graph["supreme"]
    assert all(s.citation for s in steps)


def test_who_prepares_cases_for_follomotet(G):
    assert graph.prepares_for(G, "follomøtet") == [
        ("arbeidsutvalget", "prepares-for", "handlingsprogram 2021 kap. 1.2"),
        ("folloradet", "recommends-to", "vedtekter 2012 pkt. 4.1.4; handlingsprogram 2021 kap. 1.2")]


def test_participants_at_2019_and_2020(doc):
    before = graph.authority_graph(doc, date(2019, 6, 1))
    after = graph.authority_graph(doc, date(2020, 6, 1))
    for node in ("oppegard", "ski", "akershus-fk", "formannskap:ski", "fylkesutvalg:akershus-fk"):
        assert node in before and node not in after
    assert "nordre-follo" not in before and "nordre-follo" in after
    assert "formannskap:nordre-follo" in after
    assert before.nodes["akershus-fk"]["label"] == "Akershus fylkeskommune"


def test_every_edge_is_cited(G):
    assert all(d["citation"] for _, _, d in G.edges(data=True))
    kinds = {d["kind"] for _, _, d in G.edges(data=True)}
    assert set(graph.EDGE_KINDS) <= kinds


def test_who_decides(G):
    budget = graph.who_decides(G, "Budsjett")
    assert [(d["organ"], d["needs_innstilling_from"]) for d in budget] == [("follomotet", "folloradet")]
    assert [d["organ"] for d in graph.who_decides(G, "aarsmelding")] == ["folloradet"]
    with pytest.raises(InputError) as info:
        graph.who_decides(G, "budsjet")
    assert "budsjett" in str(info.value)


@pytest.mark.parametrize("name, node", [
    ("FOLLORAADET", "folloradet"), ("follorådet", "folloradet"), ("Daglig-leder", "sekretariatsleder"),
    ("leder av follorådet", "leder:folloradet"), ("rådmanns kollegiet", "radmannskollegiet"),
    ("Formannskapet i Aas", "formannskap:as"), ("klima og energinettverket", "klima-og-energinettverket"),
])
def test_names_match_without_case_hyphens_or_aeoeaa(G, name, node):
    assert graph.resolve_node(G, name) == node


def test_unknown_name_suggests(G):
    with pytest.raises(InputError) as info:
        graph.resolve_node(G, "helsegrupa")
    assert "mente du" in str(info.value) and "helsegruppen" in str(info.value)


def test_shipped_graph_has_no_structural_findings(G):
    assert graph.structural_check(G) == []


# -- structural checks on edited bylaws ------------------------------------------------------------
def _with_relations(doc: Document, extra: list[dict]) -> Document:
    data = doc.model_dump(by_alias=True, exclude_none=True)
    data["relations"] = list(data["relations"]) + extra
    return Document.model_validate(data)


def test_edge_to_participant_or_office_not_existing_at_the_date(doc):
    edited = _with_relations(doc, [
        {"kind": "member-of", "source": "ski", "target": "radmannskollegiet", "citation": "test 1"},
        {"kind": "reports-to", "source": "sekretariatsleder", "target": "leder:finnes-ikke",
         "citation": "test 2"}])
    # in 2019 Ski still exists: only the edge to the office that never exists is missing
    in_2019 = graph.structural_check(graph.authority_graph(edited, date(2019, 6, 1)))
    assert [(f.rule, f.location.nodes, f.citation) for f in in_2019] == [
        ("missing-node", ("sekretariatsleder", "leder:finnes-ikke"), "test 2")]
    findings = graph.structural_check(graph.authority_graph(edited, date(2021, 2, 1)))
    missing = sorted((f.location.nodes, f.citation) for f in findings if f.rule == "missing-node")
    assert missing == [(("sekretariatsleder", "leder:finnes-ikke"), "test 2"),
                       (("ski", "radmannskollegiet"), "test 1")]


def test_cycle_multiple_superiors_and_no_path(doc):
    edited = _with_relations(doc, [
        {"kind": "reports-to", "source": "follomotet", "target": "helsegruppen", "citation": "test 3"},
        {"kind": "instructs", "source": "radmannskollegiet", "target": "sekretariatsleder",
         "citation": "test 4"}])
    rules = {f.rule: f for f in graph.structural_check(graph.authority_graph(edited, FEB_2021))}
    cycle = rules["reporting-cycle"]
    assert set(cycle.location.nodes) == {"follomotet", "helsegruppen", "radmannskollegiet", "folloradet"}
    assert "test 3" in cycle.citation and "handlingsprogram 2021 kap. 1.2" in cycle.citation
    assert rules["multiple-superiors"].location.nodes[0] == "sekretariatsleder"
    assert "test 4" in rules["multiple-superiors"].citation
    lonely = _with_relations(doc, [])
    data = lonely.model_dump(by_alias=True, exclude_none=True)
    data["relations"] = [r for r in data["relations"] if r["source"] != "arbeidsutvalget"
                         and r["target"] != "arbeidsutvalget"]
    findings = graph.structural_check(graph.authority_graph(Document.model_validate(data), FEB_2021))
    assert [(f.rule, f.location.nodes) for f in findings] == [("no-path-to-supreme", ("arbeidsutvalget",))]


# -- hypothesis: the checks find exactly what was planted -----------------------------------------
@st.composite
def planted_bylaws(draw):
    """A tree of organs (reports-to up, instructs down) plus planted cycles and extra superiors."""
    n = draw(st.integers(2, 8))
    parents = [None] + [draw(st.integers(0, i - 1)) for i in range(1, n)]
    rels = []
    for i in range(1, n):
        rels.append(("reports-to", f"o{i}", f"o{parents[i]}"))
        rels.append(("instructs", f"o{parents[i]}", f"o{i}"))
    multiple = set()
    for j in range(2, n):
        others = [k for k in range(j) if k != parents[j]]
        if others and draw(st.booleans()):
            rels.append(("instructs", f"o{draw(st.sampled_from(others))}", f"o{j}"))
            multiple.add(f"o{j}")
    cycles = {"reports-to": set(), "instructs": set()}
    organs = [f"o{i}" for i in range(n)]
    for c in range(draw(st.integers(0, 3))):
        kind = draw(st.sampled_from(["reports-to", "instructs"]))
        nodes = [f"c{c}x{i}" for i in range(draw(st.integers(1, 4)))]
        organs += nodes
        rels += [(kind, a, b) for a, b in zip(nodes, nodes[1:] + nodes[:1])]
        cycles[kind].add(tuple(nodes))  # already canonical: c{c}x0 is the smallest
        if kind == "reports-to" and draw(st.booleans()):
            rels.append(("member-of", nodes[0], f"o{draw(st.integers(0, n - 1))}"))
    rels = draw(st.permutations(rels))
    doc = Document.model_validate({
        "id": "gen", "title": "generert", "council": "gen", "kind": "regionrad",
        "organs": [{"id": o, "name": o.upper(), "supreme": o == "o0", "citation": f"gen § {o}"}
                   for o in organs],
        "relations": [{"kind": k, "source": a, "target": b, "citation": f"gen rel {i}"}
                      for i, (k, a, b) in enumerate(rels)]})
    return doc, cycles, multiple


@settings(max_examples=150, deadline=None)
@given(planted_bylaws())
def test_structural_checks_find_exactly_what_was_planted(case):
    doc, cycles, multiple = case
    findings = graph.structural_check(graph.authority_graph(doc, date(2021, 1, 1)))
    found = {kind: {f.location.nodes for f in findings if f.rule == rule}
             for kind, rule in (("reports-to", "reporting-cycle"), ("instructs", "instruction-cycle"))}
    assert found == cycles
    assert {f.location.nodes[0] for f in findings if f.rule == "multiple-superiors"} == multiple
    assert all(f.citation for f in findings)


# -- CLI -------------------------------------------------------------------------------------------
def test_cli_who_instructs(capsys):
    code, out, _ = run(["authority", "who-instructs", "daglig leder", "--date", "2021-02-01"], capsys)
    assert code == 0 and "Follorådets leder" in out and "handlingsprogram 2021 kap. 1.2" in out
    code, out, _ = run(["authority", "who-instructs", "Daglig-Leder", "--date", "2021-02-01",
                        "--format", "json"], capsys)
    data = json.loads(out)
    assert [i["node"] for i in data["instructed_by"]] == ["leder:folloradet"]


def test_cli_chain(capsys):
    code, out, _ = run(["authority", "chain", "helsegruppen", "--date", "2021-02-01", "--format", "json"], capsys)
    assert code == 0
    assert [s["to"] for s in json.loads(out)["chain"]] == ["radmannskollegiet", "folloradet", "follomotet"]
    code, out, _ = run(["authority", "chain", "Helsegruppen", "--date", "2021-02-01"], capsys)
    assert "→ Rådmannskollegiet" in out and "→ Follomøtet" in out


def test_cli_prepares_for(capsys):
    code, out, _ = run(["authority", "prepares-for", "follomoetet", "--date", "2021-02-01"], capsys)
    assert code == 0 and "Arbeidsutvalget forbereder saker for Follomøtet" in out
    assert "Follorådet avgir innstilling til Follomøtet" in out
    code, out, _ = run(["authority", "prepares-for", "Follorådet", "--date", "2021-02-01", "--format", "json"], capsys)
    assert {i["node"] for i in json.loads(out)["prepared_by"]} == {"arbeidsutvalget", "radmannskollegiet"}


def test_cli_who_decides(capsys):
    code, out, _ = run(["authority", "who-decides", "budsjett", "--date", "2021-02-01"], capsys)
    assert code == 0 and "Follomøtet, etter innstilling fra Follorådet" in out
    code, out, _ = run(["authority", "who-decides", "regnskap", "--date", "2021-02-01", "--format", "json"], capsys)
    assert [d["organ"] for d in json.loads(out)["decided_by"]] == ["folloradet"]


def test_cli_unknown_name_exits_2_with_hint(capsys):
    code, _, err = run(["authority", "chain", "helsegrupa", "--date", "2021-02-01"], capsys)
    assert code == 2 and "mente du: helsegruppen" in err and "Traceback" not in err


def test_cli_date_not_modelled_exits_2(capsys):
    code, _, err = run(["authority", "show", "--date", "1999-01-01"], capsys)
    assert code == 2 and "not-modelled" in err


def test_cli_check(capsys):
    code, out, _ = run(["authority", "check", "--date", "2021-02-01", "--format", "json"], capsys)
    assert code == 0 and json.loads(out) == {"date": "2021-02-01", "document": "folloradet",
                                             "valid": True, "findings": []}


@pytest.mark.parametrize("fmt, needle", [
    ("text", "Nivå 0: Follomøtet"), ("dot", "digraph"), ("mermaid", "flowchart TD"), ("json", '"supreme": "follomotet"')])
def test_cli_show_text_formats(capsys, fmt, needle):
    code, out, _ = run(["authority", "show", "--date", "2021-02-01", "--format", fmt], capsys)
    assert code == 0 and needle in out


def test_cli_show_svg_and_png(tmp_path, capsys):
    svg = tmp_path / "g.svg"
    code, _, _ = run(["authority", "show", "--date", "2019-06-01", "--format", "svg", "--output", str(svg)], capsys)
    text = svg.read_text()
    assert code == 0 and "<svg" in text and "Oppegård" in text and "Follomøtet" in text
    code, _, err = run(["authority", "show", "--date", "2021-02-01", "--format", "png"], capsys)
    assert code == 2 and "--output" in err


def test_committed_picture_exists():
    png = ROOT / "docs" / "authority-2021.png"
    assert png.exists() and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_check_does_not_import_networkx_or_matplotlib():
    code = ("import sys\nfrom engine.cli.main import main\n"
            "try:\n    main(['check', 'scenarios/folloradet/2021-02-quorum.yaml'])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in ('networkx', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


# -- spending authority ----------------------------------------------------------------------------
@pytest.mark.parametrize("path", PAYMENTS, ids=[p.name for p in PAYMENTS])
def test_payment_gets_expected_verdict(path):
    from engine.analyses.spending import check_payment_file

    verdict = check_payment_file(path)
    assert verdict.expected_matches, verdict.expected_differences
    assert all(f.citation for f in verdict.findings)


def test_payment_reasons_cover_all_kinds():
    from engine.analyses.spending import check_payment_file

    assert {check_payment_file(p).reason for p in PAYMENTS} == {
        "within-line", "over-line", "no-line", "no-authority"}


def test_cli_payment(capsys):
    code, out, _ = run(["authority", "payment", str(PAYMENTS[0]), "--format", "json"], capsys)
    data = json.loads(out)["payments"][0]
    assert code == (0 if data["authorised"] else 1)
    code, out, _ = run(["authority", "payment", "scenarios-payments/"], capsys)
    assert code == 1 and "HAR IKKE MYNDIGHET (over budsjettlinjen)" in out


def test_payment_after_folloradet_is_not_modelled(tmp_path, capsys):
    f = tmp_path / "p.yaml"
    f.write_text("name: x\ndate: 2021-06-01\napproved_by: daglig-leder\nline: bio4fuels\namount: 1\n")
    code, _, err = run(["authority", "payment", str(f)], capsys)
    assert code == 2 and "not-modelled" in err


def test_who_decides_says_when_the_decision_does_not_bind_alone(capsys):
    # Lister-avtalen § 2: a new participant «må godkjennes av representantskapsmøtet og kommunestyret
    # i hver av deltakerkommunene», so the representantskap's approval does not bind on its own
    args = ["authority", "who-decides", "ny-deltaker", "--council", "lister-friluftsrad", "--date", "2023-01-01"]
    code, out, _ = run(args, capsys)
    assert code == 0 and "(ikke bindende)" in out
    code, out, _ = run(args + ["--lang", "en"], capsys)
    assert code == 0 and "(not binding)" in out and "Who decides" in out


def test_a_payment_that_differs_from_its_expected_verdict_says_so_in_either_language(tmp_path, capsys):
    text = (ROOT / "scenarios-payments" / "2021-01-bio4fuels-innenfor.yaml").read_text(encoding="utf-8")
    wrong = tmp_path / "p.yaml"  # the expected verdict turned around: authorised is true, within-line
    wrong.write_text(text.replace("authorised: true", "authorised: false"), encoding="utf-8")
    code, out, _ = run(["authority", "payment", str(wrong)], capsys)
    assert "AVVIK fra forventet: authorised: forventet False, fikk True" in out
    code, out, _ = run(["authority", "payment", str(wrong), "--lang", "en"], capsys)
    assert "DIFFERS from the expected verdict: authorised: expected False, got True" in out
    code, out, _ = run(["authority", "payment", str(wrong), "--format", "json"], capsys)
    assert json.loads(out)["payments"][0]["expected_differences"] == ["authorised: forventet False, fikk True"]
