"""The bad-input corpus (tests/bad-inputs/): every file is refused with exit 2 and a precise
message naming the file (and the line or key path where there is one), quickly and without a
traceback, through the real CLI entry point (engine.cli.main)."""
from pathlib import Path

import pytest

from engine.cli.main import main

CORPUS = Path(__file__).resolve().parent / "bad-inputs"
FILES = sorted(CORPUS.glob("*.yaml"))

# What each message must say (a fragment), and whether it must name a line or key path.
EXPECT = {
    "alias-bomb.yaml": ("aliaser", True),
    "bad-indent.yaml": ("ugyldig YAML", True),
    "binary.yaml": ("NUL-byte", True),
    "bylaws-period-mismatch.yaml": ("not-modelled", True),
    "comment-only.yaml": ("filen er tom", False),
    "control-character.yaml": ("U+0007", True),
    "date-after-modelled.yaml": ("not-modelled", True),
    "date-as-text.yaml": ("nøkkel date", True),
    "date-before-modelled.yaml": ("not-modelled", True),
    "date-far-future.yaml": ("utenfor 1900-01-01 – 2200-12-31", True),
    "date-feb-30.yaml": ("2021-02-30", True),
    "control-in-id.yaml": ("synlige tegn (fant U+001B)", True),
    "empty-case-id.yaml": ("nøkkel cases.0.id", True),
    "negative-expected-count.yaml": ("større enn eller lik 0", True),
    "negative-deputy-number.yaml": ("nøkkel roster.holdings.0.number", True),
    "date-month-13.yaml": ("2021-13-45", True),
    "date-with-time.yaml": ("nøkkel date", True),
    "deep-nesting-block.yaml": ("for dyp nøsting", True),
    "deep-nesting-flow.yaml": ("for dyp nøsting", True),
    "duplicate-case-id.yaml": ("05/21", True),
    "duplicate-key-nested.yaml": ("'kind' står to ganger", True),
    "duplicate-key-top.yaml": ("'date' står to ganger", True),
    "empty.yaml": ("filen er tom", False),
    "invalid-utf8.yaml": ("ugyldig UTF-8", True),
    "latin1.yaml": ("ugyldig UTF-8", True),
    "malformed-flow.yaml": ("ugyldig YAML", True),
    "merge-key.yaml": ("sammenslåing", True),
    "missing-attendance.yaml": ("mangler påkrevd nøkkel 'attendance'", True),
    "missing-name.yaml": ("mangler påkrevd nøkkel 'name'", True),
    "multi-document.yaml": ("ugyldig YAML", True),
    "non-scalar-key.yaml": ("enkel verdi", True),
    "null-attendance.yaml": ("nøkkel attendance", True),
    "seat-two-holders.yaml": ("Frogn har 2 som har setet «ordfører»", True),
    "person-two-participants.yaml": ("har sete for flere deltakere", True),
    "stands-for-two.yaml": ("møter både for", True),
    "tab-indent.yaml": ("ugyldig YAML", True),
    "tag-binary.yaml": ("ikke tillatt", True),
    "tag-custom.yaml": ("ikke tillatt", True),
    "tag-python-name.yaml": ("ikke tillatt", True),
    "tag-python-object.yaml": ("ikke tillatt", True),
    "tag-set.yaml": ("ikke tillatt", True),
    "top-level-list.yaml": ("YAML-mapping", True),
    "top-level-scalar.yaml": ("YAML-mapping", True),
    "unclosed-quote.yaml": ("ugyldig YAML", True),
    "unknown-case-kind.yaml": ("mente du: ordinary", True),
    "unknown-from-case.yaml": ("99/21", True),
    "unknown-innstilling-organ.yaml": ("mente du: arbeidsutvalget", True),
    "unknown-key-case.yaml": ("ukjent nøkkel 'imot'", True),
    "unknown-key-top.yaml": ("mente du: attendance", True),
    "unknown-organ.yaml": ("mente du: folloradet", True),
    "unknown-person-by-name.yaml": ("oslo-2019-observator", True),
    "unknown-person.yaml": ("mente du: vestby-2019-fsk-a3", True),
    "utf16-be-bom.yaml": ("UTF-16", True),
    "utf16-le-bom.yaml": ("UTF-16", True),
    "utf16-no-bom.yaml": ("UTF-16", True),
    "utf32-bom.yaml": ("UTF-32", True),
    # A UTF-8 byte-order mark is accepted (it carries no meaning in UTF-8 and Windows editors
    # write one), so this file carries another defect after its BOM: a misspelt key.
    "utf8-bom-unknown-key.yaml": ("mente du: chair", True),
    "vote-value-misspelt.yaml": ("mente du: blank", True),
    "whitespace-only.yaml": ("filen er tom", False),
    "wrong-type-attendance.yaml": ("nøkkel attendance", True),
    "wrong-type-chair-elected.yaml": ("nøkkel chair_elected", True),
    "wrong-type-votes.yaml": ("nøkkel cases.0.votes.for", True),
}


def run_cli(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(["check", *map(str, args)])
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


def test_corpus_is_large_enough_and_fully_described():
    assert len(FILES) >= 40
    assert {f.name for f in FILES} == set(EXPECT)


@pytest.mark.parametrize("path", FILES, ids=[f.name for f in FILES])
def test_bad_input_is_refused_precisely(path, capsys):
    fragment, located = EXPECT[path.name]
    code, out, err = run_cli(capsys, path)
    assert code == 2, err
    assert "Traceback" not in out + err
    assert str(path) in err, err  # names the file
    assert fragment in err, err
    if located:
        assert "linje " in err or "nøkkel " in err, err


def test_python_tag_never_runs(capsys):
    marker = Path("/tmp/vedtekt-bad-input-pwned")
    marker.unlink(missing_ok=True)
    code, _, _ = run_cli(capsys, CORPUS / "tag-python-object.yaml")
    assert code == 2 and not marker.exists()


def test_multi_megabyte_file_is_refused_quickly(tmp_path, capsys):
    big = tmp_path / "huge.yaml"
    line = "  - person: frogn-2019-fsk-a1\n"
    big.write_text("name: stor\norgan: folloradet\ndate: 2021-02-12\nattendance:\n"
                   + line * (6 * 1024 * 1024 // len(line)))
    code, out, err = run_cli(capsys, big)
    assert code == 2 and "for stor" in err and str(big) in err and "Traceback" not in err


def test_large_file_under_the_size_limit_is_refused_by_the_node_budget(tmp_path, capsys):
    big = tmp_path / "many.yaml"
    big.write_text("name: mange\norgan: folloradet\ndate: 2021-02-12\nattendance: []\n"
                   "extra: [" + "1, " * 1_000_000 + "1]\n")  # 3 MB, a million values
    code, out, err = run_cli(capsys, big)
    assert code == 2 and str(big) in err and "linje" in err and "Traceback" not in err, err


def test_missing_file_and_directory_are_usage_errors(tmp_path, capsys):
    code, _, err = run_cli(capsys, tmp_path / "finnes-ikke.yaml")
    assert code == 2 and "finnes ikke" in err
    code, _, err = run_cli(capsys, tmp_path)
    assert code == 2 and "ingen scenariofiler" in err


@pytest.mark.parametrize("kind", ["device", "symlink-to-device", "fifo", "socket"])
def test_only_regular_files_are_read(kind, tmp_path, capsys):
    """/dev/zero reports size 0 and never ends; a FIFO blocks forever: refused before opening."""
    import os
    import socket

    path = tmp_path / f"{kind}.yaml"
    if kind == "device":
        path = Path("/dev/zero")
    elif kind == "symlink-to-device":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
    code, out, err = run_cli(capsys, path)
    assert code == 2 and out == "" and str(path) in err and "ikke en vanlig fil" in err, err


def test_reads_are_capped_by_bytes_read_not_by_reported_size(tmp_path, monkeypatch):
    """A file that grows (or lies about its size) is still cut off at the limit."""
    from engine.core import yamlio

    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: 1\n" * 100)
    monkeypatch.setattr(yamlio, "MAX_BYTES", 50)
    with pytest.raises(yamlio.InputError, match="for stor"):
        yamlio.read_bounded(path, yamlio.MAX_BYTES)
    assert yamlio.read_bounded(path, 500) == b"a: 1\n" * 100


@pytest.mark.parametrize("value, fragment", [
    ("x" * 1_000_000, "høyst 200 tegn"),  # a 1 MB id
    ("9" * 5_000, "4300"),  # a 5,000-digit integer where an id belongs
])
def test_huge_values_are_refused_with_a_short_quote(value, fragment, tmp_path, capsys):
    """Issue 17, item 5: the message quotes at most the first 80 characters of a bad value."""
    path = tmp_path / "huge-value.yaml"
    path.write_text(f"name: stor verdi\norgan: folloradet\ndate: 2021-02-12\n"
                    f"attendance:\n  - person: {value}\n")
    code, out, err = run_cli(capsys, path)
    assert code == 2 and fragment in err and str(path) in err, err[:500]
    assert len(err) < 600 and value[:81] not in err


@pytest.mark.parametrize("args", [
    ["transition", "--from", "folloradet", "--to", "folloregionen", "--date", "9999-12-31"],
    ["authority", "show", "--date", "9999-12-31"],
    ["review", "drafts/utkast-folloregionen-ipr.md", "--date", "0001-01-01"],
])
def test_date_options_stay_inside_what_the_bylaws_can_model(args, capsys):
    """Issue 17, item 5: `transition --date 9999-12-31` was exit 3 («year 10001 is out of range»)."""
    with pytest.raises(SystemExit) as exit_:
        main([*args[:1], *[str(CORPUS.parent.parent / a) if a.startswith("drafts/") else a
                           for a in args[1:]]])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "utenfor datoene" in err and "Traceback" not in err, err


def test_a_fifo_in_a_folder_is_refused_not_skipped(tmp_path, capsys):
    import os
    import shutil

    shutil.copy(CORPUS.parent.parent / "scenarios/folloradet/2021-02-quorum.yaml", tmp_path / "a.yaml")
    os.mkfifo(tmp_path / "b.yaml")
    code, out, err = run_cli(capsys, tmp_path)
    assert code == 2 and out == "" and "b.yaml" in err and "FIFO" in err, err
