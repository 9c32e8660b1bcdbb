"""Text at the edge (issue 11): a verdict holds ids, and `vedtekt render` words its JSON again in
another language or format exactly as `vedtekt check` would have; the check messages live in the
catalogues, each with the arguments its rule carries."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from engine.cli.main import main
from engine.core.rules import rulebook
from engine.render.catalogue import LANGS, catalogue, fields_of

ROOT = Path(__file__).resolve().parent.parent
# chosen so that every word group of the check section (a vote's value, a kind of deputy, rights,
# an inhabil member's act, the convening and innstilling details, ...) is worded at least once
SCENARIOS = [f"scenarios/{name}.yaml" for name in (
    "sogn/2016-05-radmann-fremjar-framlegg", "authority/2021-02-follomotet-budsjett-uten-innstilling",
    "authority/2021-02-follomotet-dagsorden-godkjent-av-au", "authority/2021-02-follomotet-innkalt-av-nestleder",
    "authority/2021-02-follomotet-innkalt-uten-innstilling", "authority/2021-02-folloradet-vedtar-budsjett",
    "follomotet/2020-10-deputy-from-other-group", "follomotet/2020-12-not-on-agenda-objection",
    "folloradet/2013-09-daglig-leder-valgt-til-moteleder", "folloradet/2015-02-dobbeltstemmer",
    "folloradet/2021-02-dobbeltstemme-inhabil-leder-leder-saken", "sogn/2016-03-quorum-two-thirds",
    "folloradet/2020-08-stemmelikhet-moteleder-avgjor",
    "nord-gudbrandsdal/2019-04-opposisjonssetet-sat-i-posisjonen", "nord-gudbrandsdal/2019-06-lesja-berre-kvinner")]


def run(args, capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out = capsys.readouterr()
    return exit_info.value.code, out.out, out.err




def test_render_in_english_is_what_check_in_english_prints(capsys, tmp_path):
    paths = [str(ROOT / s) for s in SCENARIOS]
    code, nb_json, _ = run(["check", *paths, "--format", "json"], capsys)
    saved = tmp_path / "verdict.json"
    saved.write_text(nb_json, encoding="utf-8")
    worded = set()
    for fmt in ("text", "markdown", "json"):
        _, direct, _ = run(["check", *paths, "--format", fmt, "--lang", "en"], capsys)
        rendered_code, rendered, err = run(["render", str(saved), "--format", fmt, "--lang", "en"], capsys)
        assert (rendered_code, err) == (0, "")
        assert rendered == direct, fmt
    findings = [f for s in json.loads(nb_json)["scenarios"] for f in s["findings"]]
    for f in findings:
        worded |= {name for name in f["args"] if f"check-{name.replace('_', '-')}" in catalogue("en")["words"]}
    groups = {g.removeprefix("check-").replace("-", "_") for g in catalogue("en")["words"]
              if g.startswith("check-") and not g.startswith(("check-html-", "check-report-"))}
    # html-, report-: the words of the reports themselves (severity, layer, status), not of arguments
    assert worded == groups  # every word group was used, so the comparison covered it
    assert code == 1 and len(findings) >= len(SCENARIOS)


def test_render_keeps_the_norwegian_json_as_it_was(capsys, tmp_path):
    code, nb_json, _ = run(["check", str(ROOT / SCENARIOS[3]), "--format", "json"], capsys)
    saved = tmp_path / "v.json"
    saved.write_text(nb_json, encoding="utf-8")
    assert run(["render", str(saved), "--format", "json"], capsys)[1] == nb_json
    english = json.loads(run(["render", str(saved), "--format", "json", "--lang", "en"], capsys)[1])
    message = english["scenarios"][0]["findings"][0]["message"]
    assert message.startswith("The meeting was convened by"), message


@pytest.mark.parametrize("text, where", [
    ('{"scenarios": [\n  {"file": 1,\n', "linje 3, kolonne 1: ugyldig JSON"),
    ("[1, 2]", "linje 1: forventet et JSON-objekt"),
    ('{"scenarios": [{"file": "a"}]}', "nøkkel scenarios.0.name: mangler påkrevd nøkkel 'name'"),
])
def test_a_file_that_is_not_a_check_verdict_exits_2_naming_file_and_place(capsys, tmp_path, text, where):
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    code, out, err = run(["render", str(bad)], capsys)
    assert (code, out) == (2, "")
    assert f"{bad}: " in err and where in err and "Traceback" not in err


def test_a_finding_that_cannot_be_worded_is_refused_at_its_key_path(capsys, tmp_path):
    _, nb_json, _ = run(["check", str(ROOT / SCENARIOS[3]), "--format", "json"], capsys)
    data = json.loads(nb_json)
    data["scenarios"][0]["findings"][0]["args"].pop("organ_name")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, indent=2), encoding="utf-8")
    code, _, err = run(["render", str(bad), "--lang", "en"], capsys)
    assert code == 2 and "key scenarios.0.findings.0:" in err and "'organ_name'" in err  # --lang en: English


@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_a_saved_verdict_is_parsed_to_ids_and_worded_once_at_render_time(capsys, tmp_path, monkeypatch, fmt):
    """Issue 11: reading the file words nothing; each finding's message is worded once, in the
    language asked, by the renderer (it was worded in both languages while parsing, then again)."""
    import engine.render.finding_text as finding_text
    import engine.render.html as html
    import engine.render.report as report

    _, nb_json, _ = run(["check", *(str(ROOT / s) for s in SCENARIOS[:4]), "--format", "json"], capsys)
    saved = tmp_path / "verdict.json"
    saved.write_text(nb_json, encoding="utf-8")
    worded = []

    def counted(finding, lang):
        worded.append((finding.rule, lang))
        return finding_text.finding_message(finding, lang)

    monkeypatch.setattr(report, "finding_message", counted)
    monkeypatch.setattr(html, "finding_message", counted)
    code, out, err = run(["render", str(saved), "--format", fmt, "--lang", "en"], capsys)
    findings = [(f["rule"], "en") for s in json.loads(nb_json)["scenarios"] for f in s["findings"]]
    assert (code, err) == (0, "") and out
    assert sorted(worded) == sorted(findings) and len(findings) >= 4


@pytest.mark.parametrize("fmt", ["markdown", "json", "html"])
def test_an_unwordable_finding_is_refused_in_every_format(capsys, tmp_path, fmt):
    _, nb_json, _ = run(["check", str(ROOT / SCENARIOS[3]), "--format", "json"], capsys)
    data = json.loads(nb_json)
    data["scenarios"][0]["findings"][0]["args"].pop("organ_name")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, indent=2), encoding="utf-8")
    code, out, err = run(["render", str(bad), "--format", fmt], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"vedtekt: {bad}: linje ") and "nøkkel scenarios.0.findings.0: ugyldig verdi: meldingen " in err
    assert "'organ_name' mangler i args" in err


def test_every_rule_has_its_message_and_carries_every_argument_the_words_use():
    words = catalogue("nb")["words"]
    for rule in rulebook().rules:
        for lang in LANGS:
            template = catalogue(lang)["messages"]["check"][rule.key]
            needed = set(fields_of(template))
            for name in rule.args:
                for word in words.get(f"check-{name.replace('_', '-')}", {}).values():
                    needed |= fields_of(word)
            assert needed <= set(rule.args), (rule.key, lang, needed - set(rule.args))


def test_every_check_message_belongs_to_a_rule():
    keys = {r.key for r in rulebook().rules}
    section = catalogue("nb")["messages"]["check"]
    messages = {k for k in section if k not in ("_section", "explain", "summary", "list", "report")
                and not k.startswith("html-")}  # html-: the words of the HTML page (tests/test_html.py)
    assert messages == keys
    assert set(section["explain"]) <= keys
    assert set(section["summary"]) <= {r.id for r in rulebook().rules} | {"not-modelled"}
