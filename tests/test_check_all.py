"""A folder is judged by check_all: consecutive scenarios are cross-checked together in shared
durable-rules sessions. The verdicts must be those of one check() per scenario, and no verdict
may be given out before durable-rules agreed on every fact of its batch."""
from pathlib import Path

import pytest

from engine.core import durable_engine
from engine.core import evaluate
from engine.core.errors import InputError, InternalError
from engine.core.evaluate import check_all, check_file, check_files, load_scenario

SCENARIOS = sorted(Path("scenarios").rglob("*.yaml"))
MEETINGS = [p for p in SCENARIOS if "organ" in p.read_text(encoding="utf-8")]


def _judged_one_by_one(paths, engine="both"):
    return [check_file(p, engine=engine).as_json() for p in paths]


@pytest.mark.parametrize("batch_facts", [1, 60, evaluate.BATCH_FACTS])
def test_a_folder_checked_together_gets_the_verdicts_of_one_check_per_scenario(monkeypatch, batch_facts):
    """Whatever the batch size (1: every scenario alone; 60: a few scenarios per batch; the
    standard size: the whole folder in one or two batches), every verdict is the one a check()
    of that scenario alone gives, and durable-rules' memory starts empty each time, so the
    shared sessions really judge the facts."""
    monkeypatch.setattr(evaluate, "BATCH_FACTS", batch_facts)
    paths = [p for p in MEETINGS if p.parts[1] in ("folloradet", "folloregionen", "sogn")]
    assert len(paths) > 60
    durable_engine.forget_verified()
    together = [v.as_json() for v in check_files(paths)]
    assert together == _judged_one_by_one(paths)
    assert together == _judged_one_by_one(paths, engine="reference")


def test_the_shared_sessions_are_fewer_than_the_scenarios(monkeypatch):
    """What the batch is for: the facts of many meetings share a few sessions."""
    paths = [p for p in MEETINGS if p.parts[1] == "folloradet"]
    sessions: list[int] = []
    real_session = durable_engine._session
    monkeypatch.setattr(durable_engine, "_session",
                        lambda host, batch, fire: sessions.append(len(batch)) or real_session(host, batch, fire))
    durable_engine.forget_verified()
    list(check_files(paths))
    assert 0 < len(sessions) < len(paths) / 5, (len(sessions), len(paths))
    assert max(sessions) <= durable_engine.MAX_FACTS


def _lossy_for(victim: str, monkeypatch):
    """durable-rules planted to drop every firing on the facts of the scenario `victim`."""
    real = durable_engine.evaluate_groups

    def lossy(book, groups, driver="lean", learning=None):
        answers = real(book, groups, driver, learning)
        return [set() if any(f.get("case") == victim for f in group) else answer for group, answer in zip(groups, answers)]

    monkeypatch.setattr(durable_engine, "evaluate_groups", lossy)


def test_a_disagreement_names_the_file_and_no_verdict_of_its_batch_is_given_out(monkeypatch):
    """The last scenario of a batch disagrees: the error names its file, and check_all gives out
    no verdict at all, not even those of the earlier scenarios of the same batch."""
    paths = [Path("scenarios/folloradet/2021-02-quorum.yaml"),
             Path("scenarios/folloradet/2013-03-quorum-tre-av-atte.yaml")]
    victim_case = load_scenario(paths[1])[0].cases[0].id
    assert victim_case != load_scenario(paths[0])[0].cases[0].id
    durable_engine.forget_verified()
    _lossy_for(victim_case, monkeypatch)
    given_out = []
    with pytest.raises(InternalError, match="uenige") as caught:
        for verdict in check_all(load_scenario(p) for p in paths):
            given_out.append(verdict)
    assert given_out == []
    assert caught.value.message.args["file"] == str(paths[1])
    assert durable_engine._verified == {}  # not even the agreeing first scenario's answers are kept


def test_an_unverified_answer_from_a_failed_batch_is_not_remembered(monkeypatch):
    """A batch that disagreed confirms nothing: the next check asks durable-rules again."""
    path = Path("scenarios/folloradet/2021-02-quorum.yaml")
    victim_case = load_scenario(path)[0].cases[0].id
    durable_engine.forget_verified()
    _lossy_for(victim_case, monkeypatch)
    with pytest.raises(InternalError):
        list(check_files([path]))
    assert durable_engine._verified == {}


def test_a_batch_split_over_many_sessions_maps_every_answer_back(monkeypatch):
    """Sessions of 7 facts: a batch of 30 meetings spans many sessions, and every answer still
    reaches the fact (and the meeting) it belongs to."""
    paths = [p for p in MEETINGS if p.parts[1] == "folloradet"][:30]
    monkeypatch.setattr(durable_engine, "MAX_FACTS", 7)
    sessions: list[int] = []
    real_session = durable_engine._session
    monkeypatch.setattr(durable_engine, "_session",
                        lambda host, batch, fire: sessions.append(len(batch)) or real_session(host, batch, fire))
    durable_engine.forget_verified()
    together = [v.as_json() for v in check_files(paths)]
    assert len(sessions) > 10 and max(sessions) == 7
    assert together == _judged_one_by_one(paths, engine="reference")


def test_a_later_bad_file_does_not_hide_a_disagreement_on_an_earlier_one(monkeypatch, tmp_path):
    """One check per file found the disagreement on the first file before reading the second:
    so does a batch (exit 3 for the first file, not exit 2 for the second)."""
    good = Path("scenarios/folloradet/2021-02-quorum.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text(good.read_text(encoding="utf-8").replace("organ: folloradet", "organ: no-such-organ"),
                   encoding="utf-8")
    assert "no-such-organ" in bad.read_text(encoding="utf-8")
    durable_engine.forget_verified()
    _lossy_for(load_scenario(good)[0].cases[0].id, monkeypatch)
    with pytest.raises(InternalError) as caught:
        list(check_files([good, bad]))
    assert caught.value.message.args["file"] == str(good)
    monkeypatch.undo()
    with pytest.raises(InputError):  # without the planted fault, the bad file is refused
        list(check_files([good, bad]))
