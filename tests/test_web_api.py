"""The JSON API under the page answers exactly what the CLI prints, refuses bad input with the
CLI's message (the file named «request»), and is safe to expose (token, size, paths, escaping)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[all]')")
pytest.importorskip("httpx", reason="httpx is not installed (pip install -e '.[test]')")

import warnings  # noqa: E402

with warnings.catch_warnings():  # starlette's notice that it prefers httpx2 is not ours to fix
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: E402

from engine.cli.main import main  # noqa: E402
from engine.web.app import create_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BAD = sorted((ROOT / "tests/bad-inputs").glob("*.yaml"))
SHIPPED = [ROOT / "scenarios/folloradet/2021-02-quorum.yaml",
           ROOT / "scenarios/follomotet/2019-03-quorum-27-of-56.yaml",
           ROOT / "scenarios/authority/2021-02-follomotet-innkalt-uten-innstilling.yaml"]
DRAFT = ROOT / "drafts/utkast-follo-regionrad-med-feil.md"


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app(), raise_server_exceptions=False)


def cli_json(capsys, *args) -> dict:
    with pytest.raises(SystemExit):
        main(list(args))
    return json.loads(capsys.readouterr().out)


def cli_error(capsys, *args) -> str:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    assert exc.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_check_answers_the_cli_json_object_of_the_scenario(client, capsys, path):
    expected = cli_json(capsys, "check", str(path), "--format", "json")["scenarios"][0]
    answer = client.post("/api/check", content=path.read_bytes(), headers={"content-type": "application/yaml"})
    assert answer.status_code == 200
    assert answer.json() == {**expected, "file": "request"}


def test_check_takes_json_with_the_same_keys(client, capsys):
    import yaml

    path = SHIPPED[0]
    as_json = json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str)
    expected = cli_json(capsys, "check", str(path), "--format", "json", "--lang", "en")["scenarios"][0]
    answer = client.post("/api/check?lang=en", content=as_json, headers={"content-type": "application/json"})
    assert answer.json() == {**expected, "file": "request"}


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_bad_scenarios_get_the_cli_message_with_the_file_named_request(client, capsys, path):
    message = cli_error(capsys, "check", str(path))
    answer = client.post("/api/check", content=path.read_bytes())
    assert answer.status_code in (400, 422)
    assert "Traceback" not in answer.text
    assert "vedtekt: " + answer.json()["error"] + "\n" == message.replace(str(path), "request")


@pytest.mark.parametrize("token", [None, "hemmelig"])
def test_a_body_over_two_megabytes_is_refused_with_413(token):
    client = TestClient(create_app(token=token), raise_server_exceptions=False)
    headers = {"authorization": f"Bearer {token}"} if token else {}
    announced = client.post("/api/check", content=b"name: x\n" + b"#" * (2 * 1024 * 1024), headers=headers)
    streamed = client.post("/api/check", content=(b"#" * 100_000 for _ in range(30)), headers=headers)
    upload = client.post("/api/review", files={"file": ("a.md", b"#" * (3 * 1024 * 1024))}, headers=headers)
    assert (announced.status_code, streamed.status_code, upload.status_code) == (413, 413, 413)


def test_sitting_is_the_json_of_vedtekt_people(client, capsys):
    expected = cli_json(capsys, "people", "--organ", "follomotet", "--date", "2020-09-10", "--format", "json")
    assert client.get("/api/sitting", params={"organ": "follomotet", "date": "2020-09-10"}).json() == expected


def test_sitting_refuses_unknown_organs_and_dates_not_modelled(client):
    unknown = client.get("/api/sitting", params={"organ": "follorådet", "date": "2021-02-12"})
    assert unknown.status_code == 400 and "mente du: folloradet" in unknown.json()["error"]
    early = client.get("/api/sitting", params={"organ": "folloradet", "date": "1999-01-01"})
    assert early.status_code == 400 and "not-modelled" in early.json()["error"]
    assert client.get("/api/sitting", params={"organ": "folloradet", "date": "12.02.2021"}).status_code == 400
    assert client.get("/api/sitting", params={"organ": "folloradet"}).status_code == 422


def test_councils_list_every_document_with_its_period(client):
    from engine.core.library import library

    listed = {d["id"]: d for c in client.get("/api/councils").json() for d in c["documents"]}
    assert set(listed) == set(library().documents)
    assert listed["folloradet"]["from"] == "2012-01-01" and listed["folloradet"]["to"] == "2021-02-28"


def test_review_answers_the_cli_json(client, capsys):
    expected = cli_json(capsys, "review", str(DRAFT), "--format", "json")
    with DRAFT.open("rb") as f:
        answer = client.post("/api/review", files={"file": (DRAFT.name, f, "text/markdown")})
    assert answer.status_code == 200
    assert answer.json() == {**expected, "file": DRAFT.name}


def test_review_refuses_other_kinds_of_file(client):
    answer = client.post("/api/review", files={"file": ("x.exe", b"MZ", "application/octet-stream")})
    assert answer.status_code == 400 and "filtypen" in answer.json()["error"]


def test_user_text_is_escaped_on_the_review_page(client):
    draft = b"# <script>alert(1)</script> samarbeidsavtale\n\nTekst.\n"
    page = client.post("/review", files={"file": ("utkast.md", draft, "text/markdown")})
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_downloaded_yaml_checks_the_same_as_the_json_it_came_from(client):
    scenario = client.post("/api/parse", content=SHIPPED[0].read_bytes()).json()
    text = client.post("/api/yaml", json=scenario).text
    assert client.post("/api/check", content=text).json() == client.post("/api/check", json=scenario).json()


def test_meetings_stay_inside_the_meetings_dir(tmp_path):
    meetings = tmp_path / "moter"
    meetings.mkdir()
    client = TestClient(create_app(meetings_dir=meetings), raise_server_exceptions=False)
    body = SHIPPED[0].read_bytes()
    for name in ("../utenfor.yaml", "..%2Futenfor.yaml", ".skjult.yaml", "a/b.yaml", "x.txt"):
        answer = client.put(f"/api/meetings/{name}", content=body)
        assert answer.status_code in (400, 404, 405), name
    assert not (tmp_path / "utenfor.yaml").exists()
    assert client.put("/api/meetings/kvorum.yaml", content=b"name: [").status_code == 400
    assert client.put("/api/meetings/kvorum.yaml", content=body).status_code == 200
    assert (meetings / "kvorum.yaml").read_bytes() == body
    listed = client.get("/api/meetings").json()
    assert [(m["name"], m["valid"]) for m in listed] == [("kvorum.yaml", False)]


def test_a_token_guards_every_request_when_given():
    client = TestClient(create_app(token="hemmelig"), raise_server_exceptions=False)
    assert client.get("/api/councils").status_code == 401
    assert client.get("/static/app.js").status_code == 401
    assert client.get("/api/councils", headers={"authorization": "Bearer feil"}).status_code == 401
    assert client.get("/api/councils", headers={"authorization": "Bearer hemmelig"}).status_code == 200
    assert client.get("/?token=hemmelig").status_code == 200  # sets the cookie the page then uses
    assert client.get("/api/councils").status_code == 200


def test_serve_refuses_another_address_without_a_token(capsys):
    message = cli_error(capsys, "serve", "--host", "0.0.0.0")
    assert "--token" in message


def test_the_page_weighs_less_than_200_kb(client):
    """Everything the meeting page loads before its first verdict (the page, script, style, and
    the answers it asks for at start) stays under 200 KB."""
    loads = ["/", "/static/app.js", "/static/style.css", "/api/councils", "/api/rules",
             "/api/sitting?organ=folloradet&date=2021-02-12"]
    weight = sum(len(client.get(p).content) for p in loads)
    weight += len(client.post("/api/check", content=SHIPPED[0].read_bytes()).content)
    assert weight < 200_000
    assert "http" not in client.get("/static/style.css").text  # no external fonts or resources


@pytest.mark.parametrize("path", ["/", "/review", "/rotation", "/docs", "/authority"])
def test_pages_load_nothing_from_outside(client, path):
    import re

    page = client.get(path).text
    assert not re.findall(r'(?:src|href)="(?:https?:)?//', page)


def test_the_other_pages_answer(client):
    authority = client.get("/authority", params={"date": "2021-02-01", "node": "helsegruppen", "kind": "budsjett"})
    assert authority.status_code == 200
    assert "Rådmannskollegiet" in authority.text and "vedtekter 2012 pkt. 4.1.4" in authority.text
    rotation = client.get("/rotation", params={"start": 2017, "end": 2018})
    assert rotation.status_code == 200 and "Vestby" in rotation.text
    bad = client.get("/authority", params={"date": "2021-02-01", "node": "helsegrupa"})
    assert bad.status_code == 200 and "mente du" in bad.text
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert all(f"<code>{path}</code>" in docs.text for path in client.get("/openapi.json").json()["paths"])
    transition = client.get("/transition")
    assert transition.status_code == 200 and "<table>" in transition.text  # the report's tables, rendered
    params = {"date": "2021-02-01", "node": "helsegruppen"}
    chain_nb = client.get("/authority", params=params).text
    chain_en = client.get("/authority", params={**params, "lang": "en"}).text  # the chain's relations too
    assert "(reports to; " in chain_en and "(rapporterer til; " in chain_nb and "rapporterer til" not in chain_en
    assert 'authority.svg?council=follo&amp;date=2021-02-01&amp;lang=en"' in chain_en  # the legend too
    english = client.get("/transition", params={"lang": "en"})  # the page's language, like the rest
    assert english.status_code == 200 and "<h2>Organs</h2>" in english.text and "<h2>Organer</h2>" in transition.text
    assert "<h2>Organer</h2>" not in english.text and "Rights per role" in english.text


def _quorum_sitting_people() -> tuple[list[str], list[str]]:
    from datetime import date

    from engine.analyses.people import sitting_on

    s = sitting_on("folloradet", date(2021, 2, 12))
    members = [m["person"] for g in s["members"] for m in g["members"]]
    return members, [p["person"] for p in s["observers"]]


@settings(max_examples=10)
@given(st.data())
def test_any_meeting_the_page_can_hold_downloads_to_a_file_judged_the_same(client, data):
    """Whatever attendance and votes the form holds, «Last ned» (POST /api/yaml) gives a file
    whose verdict is the verdict of the meeting on the page (POST /api/check of the JSON)."""
    members, observers = _quorum_sitting_people()
    present = data.draw(st.lists(st.sampled_from(members + observers), unique=True, max_size=8))
    votes = {p: data.draw(st.sampled_from(["for", "against", "blank", None])) for p in present}
    case = {"id": "01", "kind": data.draw(st.sampled_from(["ordinary", "valg"])),
            "votes": {k: [p for p, v in votes.items() if v == k] for k in ("for", "against", "blank")}}
    scenario = {"name": "Møte «prøve» <b>", "organ": "folloradet", "date": "2021-02-12",
                "attendance": [{"person": p} for p in present], "cases": [case]}
    text = client.post("/api/yaml", json=scenario).text
    assert client.post("/api/check", content=text).json() == client.post("/api/check", json=scenario).json()


def test_the_meeting_form_opens_on_a_day_of_the_default_council_from_the_data(tmp_path):
    """Without `form_opens_on`, the form opens on the first day of the default council's newest
    document: for Sogn regionråd that is its agreement's `from: 2016-01-01`
    (bylaws/sogn-regionrad.yaml), with its council organ chosen; Follo's shipped setting opens
    it on the worked example's 12 February 2021."""
    from .test_councils import copy_bylaws

    root = copy_bylaws(tmp_path)
    (root / "library.yaml").write_text("default_council: sogn\n", encoding="utf-8")
    page = TestClient(create_app(bylaws_dir=root)).get("/").text
    assert 'value="2016-01-01"' in page and 'data-default="sogn-radet"' in page
    follo = TestClient(create_app()).get("/").text
    assert 'value="2021-02-12"' in follo and 'data-default="folloradet"' in follo
