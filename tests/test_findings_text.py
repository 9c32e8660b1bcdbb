"""One Finding, worded at the edge (issue 11): a finding of review, authority check, payment and
calendar is one `engine.core.finding.Finding` that renders in bokmål and in English from the same
object, also after a JSON round trip; the English sentence around the data is English."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from engine.core.finding import Finding
from engine.render.finding_text import finding_message

ROOT = Path(__file__).resolve().parent.parent
# Norwegian function words that no English sentence of ours contains (the legal terms the English
# keeps, such as representantskap or innstilling, are not among them)
NORWEGIAN = re.compile(r"\b(?:ikke|har|og|er|som|til|med|kan|skal|det|ingen|avtalen|møte|møter|"
                       r"finnes|mangler|etter)\b", re.IGNORECASE)


def _review():
    from engine.analyses.review import review_file

    files = [ROOT / "drafts" / "utkast-follo-regionrad-med-feil.md",
             ROOT / "drafts" / "utkast-kystraadet-ipr-nynorsk-med-feil.md",
             ROOT / "bylaws" / "sogn-regionrad.yaml", ROOT / "bylaws" / "folloregionen.yaml"]
    return [f for path in files for f in review_file(path, date(2021, 6, 1)).findings]


def _edited(doc_id: str, relations=(), gender=None, group=None):
    """A shipped document with planted defects: extra relations, people's gender, a holding's group."""
    from engine.core.library import library
    from engine.core.model import Document

    data = library().document(doc_id).model_dump(by_alias=True)
    data["relations"] = list(data["relations"]) + list(relations)
    for person in data["roster"]["people"]:
        person["gender"] = (gender or {}).get(person["id"], person.get("gender"))
    for h in data["roster"]["holdings"]:
        h["group"] = (group or {}).get((h["person"], h["office"]), h.get("group"))
    return Document.model_validate(data)


def _authority():
    from engine.analyses import graph
    from engine.analyses.composition import composition_findings

    planted = _edited("folloradet", relations=[
        {"kind": "reports-to", "source": "follomotet", "target": "helsegruppen", "citation": "test"},
        {"kind": "instructs", "source": "radmannskollegiet", "target": "sekretariatsleder", "citation": "test"},
        {"kind": "reports-to", "source": "sekretariatsleder", "target": "leder:finnes-ikke", "citation": "test"}])
    lesja = {f"ng-lesja-{o}": "k" for o in ("ordforer", "varaordforer", "opposisjon")}
    ng = _edited("nord-gudbrandsdal-2016", gender={**lesja, "ng-dovre-ordforer": None},
                 group={("ng-sel-opposisjon", "opposisjon"): "posisjon"})
    return (graph.structural_check(graph.authority_graph(planted, date(2021, 2, 1)))
            + graph.structural_check(graph.authority_graph(_edited("folloregionen"), date(2022, 6, 1)))
            + composition_findings(ng, date(2018, 6, 1)))


def _payment():
    from engine.analyses.spending import check_payment_file

    return [f for p in sorted((ROOT / "scenarios-payments").glob("*.yaml"))
            for f in check_payment_file(p).findings]


def _calendar():
    from engine.analyses.duties import duty_calendar

    report = duty_calendar(ROOT / "scenarios" / "lister-friluftsrad", council="lister-friluftsrad")
    follo = duty_calendar(ROOT / "scenarios", year=2017)
    return [d.finding for y in (*report.years, *follo.years) for d in y.duties]


COMMANDS = {"review": _review, "authority": _authority, "payment": _payment, "calendar": _calendar}


@pytest.fixture(scope="module", params=sorted(COMMANDS))
def findings(request):
    found = COMMANDS[request.param]()
    assert found, f"{request.param}: the fixture must produce findings to test"
    return request.param, found


def _without_data(f: Finding) -> Finding:
    """The finding with every plain text argument replaced by a neutral token, so that only the
    catalogue's words remain (nested messages, words and lists keep their structure)."""
    def blank(value):
        if isinstance(value, str):
            return "X"
        if isinstance(value, dict):
            keep = ("message", "word", "value", "sep", "day-of-year", "decimal")
            return {k: (v if k in keep else blank(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [blank(v) for v in value]
        return value
    return f.model_copy(update={"args": {k: blank(v) for k, v in f.args.items()}})


def test_each_finding_is_the_one_model_and_renders_in_both_languages(findings):
    command, found = findings
    for f in found:
        assert isinstance(f, Finding)
        assert f.message_id.split(".")[0] == command and f.citation
        nb, en = finding_message(f, "nb"), finding_message(f, "en")
        assert nb and en and nb != en, (f.message_id, nb)
        assert "{" not in nb + en, (f.message_id, nb, en)


def test_a_finding_renders_the_same_after_a_json_round_trip(findings):
    _, found = findings
    for f in found:
        again = Finding.model_validate_json(f.model_dump_json())
        assert [finding_message(again, lang) for lang in ("nb", "en")] == [
            finding_message(f, lang) for lang in ("nb", "en")]


def test_the_english_sentence_around_the_data_is_english(findings):
    _, found = findings
    for f in found:
        english = finding_message(_without_data(f), "en")
        assert not NORWEGIAN.search(english), (f.message_id, english)
        norwegian = finding_message(_without_data(f), "nb")
        assert norwegian != english


def test_the_checker_of_english_catches_a_norwegian_sentence():
    planted = Finding(rule="x", severity="info", citation="c", message_id="review.term-default")
    assert NORWEGIAN.search(finding_message(planted, "nb"))
    assert not NORWEGIAN.search(finding_message(planted, "en"))


# -- every message id the code names is in the catalogues --------------------------------------
# (function, position of the message id, section it is relative to; None: a full dotted id)
_ID_ARGUMENT = {"finding": (4, "review"), "sub": (0, "review"), "wrapped": (1, "review"),
                "authority_finding": (4, "authority"), "_why": (0, "authority"),
                "_finding": (3, "payment"), "_duty": (2, "calendar"), "_part": (0, "calendar")}
_MODULES = [*sorted((ROOT / "engine" / "analyses" / "review").glob("*.py")),
            *(ROOT / "engine" / "analyses" / f"{m}.py" for m in ("graph", "composition", "spending", "duties"))]


def _literals(node):
    """The string literals an expression can take (both branches of `a if c else b`)."""
    import ast

    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


def _named_ids(path: Path) -> list[tuple[str, int]]:
    """(full message id, line) for every literal message id in `path`."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _ID_ARGUMENT:
            position, section = _ID_ARGUMENT[node.func.id]
            if node.func.id == "_finding" and path.name != "spending.py":
                continue
            if len(node.args) > position:
                found += [(f"{section}.{value}", node.lineno) for value in _literals(node.args[position])]
        if isinstance(node, ast.Dict):  # {"message": "calendar.met", ...}
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value == "message":
                    found += [(v, node.lineno) for v in _literals(value)]
    return found


def test_every_message_id_the_code_names_is_in_both_catalogues():
    from engine.render.catalogue import LANGS, message

    named = [(path.name, line, mid) for path in _MODULES for mid, line in _named_ids(path)]
    assert len(named) > 60  # the checker sees the calls (a rename would silently empty it)
    missing = []
    for name, line, mid in named:
        for lang in LANGS:
            try:
                message(mid, lang, {})
            except KeyError as exc:
                if "missing from" in str(exc):
                    missing.append(f"{name}:{line} {mid} ({lang})")
    assert missing == []


def test_the_id_checker_finds_an_id_in_a_call_and_in_a_nested_message(tmp_path):
    source = tmp_path / "m.py"
    source.write_text('finding("r", "error", "c", where, "no-such-id" if x else "term-default")\n'
                      'y = {"message": "calendar.no-such-part", "args": {}}\n')
    assert sorted(_named_ids(source)) == [("calendar.no-such-part", 2), ("review.no-such-id", 1),
                                          ("review.term-default", 1)]


def test_every_declared_check_says_in_both_languages_what_it_reads():
    from engine.analyses.review.checks import declared
    from engine.render.catalogue import LANGS, catalogue

    rules = {check.rule for check in declared().checks}
    for lang in LANGS:
        assert set(catalogue(lang)["words"]["review-reads"]) == rules
        assert set(catalogue(lang)["words"]["review-note"]) <= rules
