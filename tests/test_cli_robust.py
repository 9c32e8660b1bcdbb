"""No input makes the CLI print a traceback or exit with anything but 0, 1 or 2: random bytes,
YAML-ish text and mutated valid scenarios, through the real entry point (engine.cli.main)."""
import contextlib
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
VALID = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "scenarios").rglob("*.yaml"))[:40]]
WORK = tempfile.TemporaryDirectory(prefix="vedtekt-robust-")
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))


def run(data: bytes) -> tuple[int, str]:
    path = Path(WORK.name) / "input.yaml"
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(["check", str(path), "--format", "json"])
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue() + err.getvalue()


def assert_clean(code, text):
    assert code in (0, 1, 2, 4), text  # 4: a mutated scenario no longer matches its `expected`
    assert "Traceback" not in text and "intern feil" not in text, text


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    assert_clean(*run(data))


YAMLISH = st.lists(st.sampled_from(list("abcæøå019 :-[]{},&*!|>'\"#%@`?\n\t") + [
    "name: ", "organ: folloradet\n", "date: 2021-02-12\n", "attendance:\n", "  - person: ",
    "frogn-2019-fsk-a1", "cases:\n", "  - id: '1'\n", "    votes:\n", "      for: [", "!!python/",
    "&a ", "*a", "<<: ", "---\n", "\ufeff", "\x00", "\x07"]), max_size=200).map("".join)


@SETTINGS
@given(YAMLISH)
def test_yamlish_text(text):
    assert_clean(*run(text.encode("utf-8", "surrogatepass")))


@st.composite
def mutated(draw):
    text = draw(st.sampled_from(VALID))
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.integers(0, 6))
        if how == 0:
            del lines[i]
        elif how == 1:
            lines.insert(i, lines[i])  # duplicate a line (often a duplicate key)
        elif how == 2:
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif how == 3:
            pos = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:pos] + draw(st.text(max_size=8)) + lines[i][pos:]
        elif how == 4:
            lines[i] = lines[i].replace("2021", draw(st.sampled_from(["2099", "2021-13", "1999", "x"])))
        elif how == 5:
            lines[i] = lines[i].replace("for:", draw(st.sampled_from(["against:", "blank:", "fro:", "for: 3\n"])))
        else:
            lines[i] = " " * draw(st.integers(0, 6)) + lines[i].lstrip()
    return "".join(lines)


@SETTINGS
@given(mutated())
def test_mutated_valid_scenarios(text):
    assert_clean(*run(text.encode("utf-8", "surrogatepass")))


def test_incremental_report_is_identical_to_the_whole_report():
    from engine.render import report
    from engine.core.evaluate import check_file

    verdicts = [check_file(p) for p in sorted((ROOT / "scenarios").rglob("*.yaml"))]
    for fmt, lang in (("json", "nb"), ("text", "nb"), ("text", "en")):
        rendered = report.Rendered(fmt, lang)
        for v in verdicts:
            rendered.add(v)
        whole = report.to_json(verdicts) if fmt == "json" else report.to_text(verdicts, lang)
        assert rendered.text() == whole
    assert report.Rendered("json").text() == report.to_json([])
    assert report.Rendered("text").text() == report.to_text([])
