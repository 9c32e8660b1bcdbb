"""Bad-input messages in the chosen language (issue 11, item 3), pydantic's wording included.

The same bad input gives the same located message (exit 2, the file, the line or key path) in
bokmål without `--lang` and in English with `--lang en`: no Norwegian word in the English, no
English pydantic wording in the bokmål. Every message id the engine raises is in both catalogues.
"""
from __future__ import annotations

import ast
import functools
import pickle
import re
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, field_validator

from engine.cli.main import main
from engine.core.errors import InputError, Message, NotModelled, at, did_you_mean
from engine.core.load import TRANSLATED, validate
from engine.core.yamlio import Located
from engine.render.catalogue import LANGS, catalogue

from .conftest import run_cli as run

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "bad-inputs"

# Words that give a Norwegian sentence away (whole words; none is also an English word here)
NORWEGIAN = re.compile(r"\b(linje|nøkkel|kolonne|ukjent|mente|ugyldig|filen|skal|mangler|fikk|ikke|utenfor|"
                       r"vedtekter|modellert|verdi|dato|perioder|eller|være|gyldig|finnes|toppnivå)\b")
# pydantic's own English (its message templates), which must never show in a bokmål message
PYDANTIC_ENGLISH = re.compile(r"Input should|should be|should have|Value error|Field required|Extra inputs|"
                              r"valid (date|integer|boolean|tuple|list|string|number)|greater than|less than|"
                              r"at least|at most|unable to|Datetimes provided")


def both(args, capsys) -> tuple[str, str]:
    """The error of `args` without --lang (bokmål) and with --lang en; both exit 2."""
    code_nb, out_nb, nb = run(args, capsys)
    code_en, out_en, en = run([*args, "--lang", "en"], capsys)
    assert (code_nb, out_nb, code_en, out_en) == (2, "", 2, ""), (nb, en)
    assert NORWEGIAN.findall(en) == [], en
    assert PYDANTIC_ENGLISH.findall(nb) == [], nb
    assert nb.startswith("vedtekt: ") and en.startswith("vedtekt: ") and "Traceback" not in nb + en
    return nb, en


@pytest.fixture
def bad_bylaws(tmp_path) -> Path:
    """Follorådet's bylaws with a misspelt key in the first organ (a bylaws file to check)."""
    data = yaml.safe_load((ROOT / "bylaws" / "folloradet.yaml").read_text(encoding="utf-8"))
    data["organs"][0]["naem"] = data["organs"][0].pop("name")
    path = tmp_path / "folloradet.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# (bad input file, bokmål fragments, English fragments): fragments derived from what is wrong
SCENARIO_CASES = [
    ("unknown-organ.yaml", ["linje 2, nøkkel organ: ukjent organ 'follorådet'", "mente du: folloradet"],
     ["line 2, key organ: unknown organ 'follorådet'", "did you mean: folloradet"]),
    ("unknown-key-top.yaml", ["nøkkel atendance: ukjent nøkkel 'atendance'", "mente du: attendance?"],
     ["key atendance: unknown key 'atendance'", "did you mean: attendance?"]),
    ("wrong-type-chair-elected.yaml", ["nøkkel chair_elected: ugyldig verdi: skal være true eller false",
                                       "(fikk «kanskje»)"],
     ["key chair_elected: invalid value: should be true or false", "(got «kanskje»)"]),
    ("wrong-type-votes.yaml", ["nøkkel cases.0.votes.for: ugyldig verdi: skal være en liste"],
     ["key cases.0.votes.for: invalid value: should be a list"]),
    ("date-as-text.yaml", ["linje 3, nøkkel date: ugyldig verdi: skal være en gyldig dato (ÅÅÅÅ-MM-DD)"],
     ["line 3, key date: invalid value: should be a valid date (YYYY-MM-DD)"]),
    ("date-feb-30.yaml", ["linje 3: ugyldig dato 2021-02-30"], ["line 3: invalid date 2021-02-30"]),
    ("date-after-modelled.yaml", ["linje 3, nøkkel date: ingen vedtekter for folloradet er modellert for 2099-02-12",
                                  "modellerte perioder: folloradet: 2012-01-01 – 2021-02-28"],
     ["line 3, key date: no bylaws for folloradet are modelled for 2099-02-12 [not-modelled]",
      "modelled periods: folloradet: 2012-01-01 – 2021-02-28"]),
    ("bad-indent.yaml", ["linje 7, kolonne 4: ugyldig YAML"], ["line 7, column 4: invalid YAML"]),
    ("negative-expected-count.yaml", ["ugyldig verdi: skal være større enn eller lik 0 (fikk «-1»)"],
     ["invalid value: should be greater than or equal to 0 (got «-1»)"]),
    ("duplicate-case-id.yaml", ["nøkkel (toppnivå): ugyldig verdi: sak-id brukt to ganger: 05/21"],
     ["key (top level): invalid value: case id(s) used twice: 05/21"]),
    ("stands-for-two.yaml", ["møter både for"], ["attends both for 'frogn-2019-fsk-a1' and for 'vestby-2019-fsk-a1'"]),
]


@pytest.mark.parametrize("name, nb_parts, en_parts", SCENARIO_CASES, ids=[c[0] for c in SCENARIO_CASES])
def test_a_bad_scenario_is_refused_in_the_chosen_language(capsys, name, nb_parts, en_parts):
    path = BAD / name
    nb, en = both(["check", str(path)], capsys)
    assert f"vedtekt: {path}: " in nb and f"vedtekt: {path}: " in en
    assert all(part in nb for part in nb_parts), nb
    assert all(part in en for part in en_parts), en


def test_a_bad_bylaws_file_is_refused_in_the_chosen_language(capsys, bad_bylaws):
    nb, en = both(["bylaws", "--check", str(bad_bylaws)], capsys)
    assert f"{bad_bylaws}: " in nb and "nøkkel organs.0.naem: ukjent nøkkel 'naem'" in nb and "mente du: name?" in nb
    assert f"{bad_bylaws}: " in en and "key organs.0.naem: unknown key 'naem'" in en and "did you mean: name?" in en


def test_a_bad_saved_verdict_is_refused_in_the_chosen_language(capsys, tmp_path):
    code, saved, _ = run(["check", str(ROOT / "scenarios/folloradet/2021-02-quorum.yaml"), "--format", "json"], capsys)
    bad = tmp_path / "dom.json"
    bad.write_text(saved.replace('"valid": false', '"valid": "kanskje"', 1), encoding="utf-8")
    nb, en = both(["render", str(bad)], capsys)
    assert re.search(r"linje \d+, nøkkel scenarios\.0\.valid: ugyldig verdi: skal være true eller false", nb), nb
    assert re.search(r"line \d+, key scenarios\.0\.valid: invalid value: should be true or false", en), en


def test_an_unknown_organ_on_the_command_line_is_refused_in_the_chosen_language(capsys):
    nb, en = both(["people", "--organ", "folloradt", "--date", "2021-02-12"], capsys)
    assert nb == "vedtekt: --organ: ukjent organ 'folloradt' i rådet 'follo'\n  mente du: folloradet, follomotet?\n"
    assert en == "vedtekt: --organ: unknown organ 'folloradt' in the council 'follo'\n  did you mean: folloradet, follomotet?\n"


def test_a_date_outside_the_modelled_periods_is_refused_in_the_chosen_language(capsys):
    nb, en = both(["people", "--organ", "folloradet", "--date", "2001-02-12"], capsys)
    assert "ingen vedtekter for folloradet er modellert for 2001-02-12 [not-modelled]" in nb
    assert "no bylaws for folloradet are modelled for 2001-02-12 [not-modelled]" in en


def test_lang_may_come_before_the_bad_option_and_the_projects_own_option_messages_follow_it(capsys):
    code, _, en = run(["people", "--lang", "en", "--date", "12.02.2021", "--organ", "folloradet"], capsys)
    assert code == 2 and "«12.02.2021» is not a valid date; write YYYY-MM-DD" in en and "skriv" not in en
    code, _, nb = run(["people", "--date", "12.02.2021", "--organ", "folloradet"], capsys)
    assert code == 2 and "«12.02.2021» er ikke en gyldig dato; skriv ÅÅÅÅ-MM-DD" in nb


def test_a_missing_file_is_named_in_either_language(capsys):
    nb, en = both(["check", "no-such-meeting.yaml"], capsys)
    assert (nb, en) == ("vedtekt: no-such-meeting.yaml: filen finnes ikke\n  sjekk stien\n",
                        "vedtekt: no-such-meeting.yaml: the file does not exist\n  check the path\n")


# -- the catalogue and the call sites --------------------------------------------------------------
def _errors_section(lang: str) -> dict:
    return catalogue(lang)["messages"]["errors"]


@functools.cache
def _engine_nodes() -> tuple[tuple[Path, ast.AST], ...]:
    """Every node of every module of the engine, with its file (parsed once for the tests below)."""
    return tuple((path, node) for path in sorted((ROOT / "engine").rglob("*.py"))
                 for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))


def _ids_in_engine() -> set[str]:
    """Every string literal of the engine that is an errors message id (errors.x, f"errors.x/{y}")."""
    return {node.value for _, node in _engine_nodes() if isinstance(node, ast.Constant)
            and isinstance(node.value, str) and re.fullmatch(r"errors\.[a-z0-9_/-]+", node.value)}


def test_every_message_id_the_engine_raises_is_in_both_catalogues():
    ids = _ids_in_engine()
    assert len(ids) > 150  # the scan finds them (about every InputError of the engine)
    for lang in LANGS:
        section = _errors_section(lang)
        ids -= {"errors.yaml-problem/"}  # worded from yamlio.YAML_PROBLEMS, checked below
        whole = {i for i in ids if not i.endswith("/")}  # f"errors.kind/{kind}": a family of ids
        missing = sorted(i for i in whole if not isinstance(section.get(i.removeprefix("errors.")), str))
        empty = sorted(f for f in ids - whole if not any(k.startswith(f.removeprefix("errors.")) for k in section))
        assert (missing, empty) == ([], []), lang


def test_every_translated_pydantic_type_has_its_message():
    for lang in LANGS:
        assert sorted(t for t in TRANSLATED if f"pydantic/{t}" not in _errors_section(lang)) == []


def test_no_inputerror_of_the_engine_is_a_sentence_instead_of_an_id():
    """An InputError's (or InternalError's) first argument is an errors id (or a name holding
    one), never words."""
    sentences = []
    calls = [(path, node) for path, node in _engine_nodes()
             if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("InputError", "NotModelled",
                                                                                 "InternalError")]
    for path, node in calls:
        first = node.args[0] if node.args else None
        if isinstance(first, ast.JoinedStr):
            head = first.values[0]
            literal = head.value if isinstance(head, ast.Constant) else ""
        elif isinstance(first, ast.Constant):
            literal = first.value
        else:
            continue  # a name or an expression: checked where its value is made
        if not str(literal).startswith("errors."):
            sentences.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert len(calls) > 100 and sentences == []
    assert sentences == []


# -- pydantic, the hint, the fallback and the web ---------------------------------------------------
class _Strange(BaseModel):
    when: int

    @field_validator("when")
    @classmethod
    def _refuse(cls, value):
        raise ValueError("some English text from a library")


def test_a_pydantic_error_without_a_translation_falls_back_to_the_generic_message():
    located = Located({"when": 1}, {("when",): 4}, "x.yaml")
    with pytest.raises(InputError) as info:
        validate(located, _Strange)
    assert "English" not in info.value.text("nb") + info.value.text("en")
    assert info.value.text("nb") == ("x.yaml: linje 4, nøkkel when: ugyldig verdi: verdien av when passer ikke med "
                                     "det som er tillatt her (fikk «1»)")
    assert info.value.text("en") == ("x.yaml: line 4, key when: invalid value: the value of when does not fit what "
                                     "is allowed here (got «1»)")


def test_an_error_keeps_its_id_arguments_and_class_through_pickle_and_relocation():
    error = NotModelled("errors.no-bylaws-for", {"what": "folloradet", "date": "2001-02-12"},
                        where=at(3, "date"), hint=did_you_mean("folloradt", ["folloradet"]))
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is NotModelled and copy.text("en") == error.text("en") and str(copy) == str(error)
    moved = error.relocated("request")
    assert type(moved) is NotModelled and moved.text("nb").startswith("request: linje 3, nøkkel date: ingen vedtekter")
    assert str(error) == error.text("nb") and error.message == Message(
        "errors.no-bylaws-for", {"what": "folloradet", "date": "2001-02-12"})


def test_a_sentence_given_instead_of_an_id_is_still_shown_as_it_is():
    """Code written before the catalogue (or merged from elsewhere) never turns exit 2 into a crash."""
    assert InputError("noe gikk galt", file="f.yaml").text("en") == "f.yaml: noe gikk galt"
    assert Message("errors.no-such-id", {"n": 1}).text("en") == "errors.no-such-id {'n': 1}"


def test_the_web_api_answers_bad_input_in_the_language_of_the_request():
    client = web_client()
    body = (BAD / "unknown-organ.yaml").read_bytes()
    nb = client.post("/api/check", content=body).json()
    en = client.post("/api/check?lang=en", content=body).json()
    assert nb["error"].startswith("request: linje 2, nøkkel organ: ukjent organ") and "mente du" in nb["hint"]
    assert en["error"].startswith("request: line 2, key organ: unknown organ") and "did you mean" in en["hint"]
    assert (en["message"], en["where"]) == ("unknown organ 'follorådet'", "line 2, key organ")


def test_every_error_message_can_be_worded_in_both_languages_and_every_kind_of_id_has_a_word():
    from engine.core.errors import KIND_IDS
    from engine.core.yamlio import YAML_PROBLEMS
    from engine.render.catalogue import fields_of

    for lang in LANGS:
        section = _errors_section(lang)
        for key, template in section.items():
            if key != "_section":
                worded = Message(f"errors.{key}", {f: "x" for f in fields_of(template)}).text(lang)
                assert not worded.startswith("errors."), (lang, key)  # not the fallback for a broken template
        assert sorted(k for k in set(KIND_IDS.values()) if f"kind/{k}" not in section) == []
        assert sorted(k for k in set(YAML_PROBLEMS.values()) if f"yaml-problem/{k}" not in section) == []


def test_a_shortened_value_names_its_length_in_the_chosen_language(tmp_path, capsys):
    path = tmp_path / "long.yaml"
    path.write_text("name: x\norgan: folloradet\ndate: 2021-02-12\nattendance:\n  - person: " + "9" * 5000 + "\n")
    nb, en = both(["check", str(path)], capsys)
    assert "… (5000 tegn): tallet har for mange sifre (over 4300)" in nb
    assert "… (5000 characters): the number has too many digits (over 4300)" in en


def test_every_command_takes_lang_for_its_error_messages(capsys):
    """Commands that write no text in a language (new-scenario, serve, bench) still accept --lang."""
    from engine.cli.main import cli
    import click

    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        leaves = command.commands.values() if isinstance(command, click.Group) else [command]
        assert all(any(p.name == "lang" for p in leaf.params) for leaf in leaves), name
    nb, en = both(["new-scenario", "--organ", "folloradt", "--date", "2021-02-12"], capsys)
    assert "did you mean: folloradet, follomotet?" in en and "mente du: folloradet, follomotet?" in nb


def test_the_web_apis_own_validation_errors_follow_the_language_too():
    client = web_client()
    nb = client.get("/api/sitting", params={"organ": "folloradet"})
    en = client.get("/api/sitting", params={"organ": "folloradet", "lang": "en"})
    assert (nb.status_code, en.status_code) == (422, 422)
    assert nb.json()["error"] == "request: query.date: mangler påkrevd nøkkel 'date'"
    assert en.json()["error"] == "request: query.date: required key 'date' is missing"


def test_the_organisation_pages_chain_error_follows_the_page_language():
    """Oslo kommune observes Follomøtet but reports to no one: no chain up to the supreme organ
    (engine.analyses.graph.chain), which the page says in its own language (issue 11)."""
    import html

    client = web_client()
    query = {"date": "2021-02-01", "node": "Oslo kommune"}
    nb = html.unescape(client.get("/authority", params=query).text)
    en = html.unescape(client.get("/authority", params={**query, "lang": "en"}).text)
    assert "<p>Oslo kommune har ingen vei opp til Follomøtet i grafen 2021-02-01</p>" in nb
    assert "<p>Oslo kommune has no path up to Follomøtet in the graph on 2021-02-01</p>" in en
    assert "har ingen vei opp" not in en and "has no path up" not in nb


def test_the_web_apis_own_refusals_follow_the_language_of_the_request():
    """A missing token and a body over the limit: refused in the request's language."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from engine.web.app import create_app

    guarded = TestClient(create_app(token="hemmelig"), raise_server_exceptions=False)
    assert guarded.get("/api/councils").json()["error"] == "mangler eller feil token (--token)"
    assert guarded.get("/api/councils", params={"lang": "en"}).json()["error"] == "missing or wrong token (--token)"
    client = web_client()
    big = b"x" * (3 * 1024 * 1024)
    assert client.post("/api/check", content=big).json()["error"] == "request: for stor (grensen er 2 MB)"
    assert client.post("/api/check?lang=en", content=big).json()["error"] == "request: too large (the limit is 2 MB)"


def test_a_file_that_is_not_json_is_refused_in_the_chosen_language(capsys, tmp_path):
    bad = tmp_path / "dom.json"
    bad.write_text('{"scenarios": [}\n', encoding="utf-8")
    nb, en = both(["render", str(bad)], capsys)
    assert nb == f"vedtekt: {bad}: linje 1, kolonne 16: ugyldig JSON: ventet en verdi\n  gi filen som vedtekt check --format json skrev\n"
    assert en == f"vedtekt: {bad}: line 1, column 16: invalid JSON: expecting a value\n  give the file that vedtekt check --format json wrote\n"


# -- a property: whatever field gets whatever wrong value, the message is in one language ------------
_SCENARIO = {"name": "t", "organ": "folloradet", "date": "2021-02-12", "chair_elected": False,
             "convening": {"by": "x", "notice_date": "2021-02-01"},
             "attendance": [{"person": "a", "for": "b", "from_case": "1/21"}],
             "forfall": [{"person": "c"}],
             "cases": [{"id": "1/21", "kind": "ordinary", "on_agenda": True, "innstilling": {"organ": "x"},
                        "votes": {"for": ["a"], "against": [], "blank": []}}],
             "expected": {"valid": True, "cases": {"1/21": {"outcome": "adopted", "for": 1}},
                          "findings": [{"rule": "quorum", "severity": "error"}]}}


def _paths(node, prefix=()):
    """Every key path of the sample scenario."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield prefix + (key,)
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield prefix + (i,)
            yield from _paths(value, prefix + (i,))


_WRONG = [None, -1, 3.5, True, "", "kanskje", "2021-13-45", "2021-02-12 10:30", [], ["x", 1], {}, {"x": 1},
          "x" * 300, 10**30]


def _corrupted():
    """The sample scenario with one value made wrong, or one key misspelt, everywhere in turn."""
    import copy

    for path in _paths(_SCENARIO):
        for wrong in [*_WRONG, "rename"]:
            data = copy.deepcopy(_SCENARIO)
            parent = data
            for part in path[:-1]:
                parent = parent[part]
            if wrong == "rename":
                if not isinstance(parent, dict):
                    continue
                parent[f"{path[-1]}x"] = parent.pop(path[-1])
            else:
                parent[path[-1]] = wrong
            yield data


def test_any_wrong_value_or_key_anywhere_is_refused_in_one_language():
    from engine.core.scenario import Scenario

    refused = []
    for data in _corrupted():
        try:
            validate(Located(data, {}, "x.yaml"), Scenario)
        except InputError as error:
            refused.append((error.text("nb"), error.text("en")))
    assert len(refused) > 450  # 495 of the 550 changes are refused (the others are lawful values)
    for nb, en in refused:
        assert PYDANTIC_ENGLISH.findall(nb) == [] and "errors." not in nb, nb
        assert NORWEGIAN.findall(en.replace("kanskje", "")) == [] and "errors." not in en, en
        assert nb.startswith("x.yaml: nøkkel ") and en.startswith("x.yaml: key "), (nb, en)


def web_client():
    """A test client of the web API (skips when the web extra is not installed)."""
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from engine.web.app import create_app

    return TestClient(create_app(), raise_server_exceptions=False)


def test_an_internal_error_is_worded_in_the_chosen_language(monkeypatch, capsys):
    """The cross-check's refusal (exit 3, no verdict) in bokmål by default and English on request."""
    from engine.core import durable_engine

    monkeypatch.setattr(durable_engine, "evaluate_groups",
                        lambda book, groups, driver="lean", learning=None: [set() for _ in groups])
    scenario = str(ROOT / "scenarios" / "folloradet" / "2021-02-quorum.yaml")
    for lang, words in (("nb", "durable-rules og referanseevalueringen er uenige"),
                        ("en", "durable-rules and the reference evaluation disagree")):
        with pytest.raises(SystemExit) as exit_info:
            main(["check", scenario, "--lang", lang])
        err = capsys.readouterr().err
        assert exit_info.value.code == 3 and words in err and scenario in err, err


def test_the_web_api_says_an_internal_error_in_the_language_of_the_request(monkeypatch):
    """The cross-check's refusal through the web API: 500, in the request's language, naming the
    request instead of the server's temporary file."""
    from engine.core import durable_engine

    client = web_client()
    monkeypatch.setattr(durable_engine, "evaluate_groups",
                        lambda book, groups, driver="lean", learning=None: [set() for _ in groups])
    body = (ROOT / "scenarios" / "folloradet" / "2021-02-quorum.yaml").read_bytes()
    for query, words in (("", "er uenige"), ("?lang=en", "disagree")):
        answer = client.post(f"/api/check{query}", content=body)
        error = answer.json()["error"]
        assert answer.status_code == 500 and words in error and error.startswith("request: "), error
