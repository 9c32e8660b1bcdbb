"""Hostile input to `vedtekt review` (issue 17, the review's part): every regular expression the
review applies to text is free of competing unbounded quantifiers, pathological lines finish, and
a .docx over a limit is refused with a message naming the limit, before python-docx parses it."""
from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

import engine.analyses.review as review_pkg
from engine.core.errors import InputError
from engine.analyses.review import review_file
from engine.analyses.review.docxread import MAX_MEMBER_BYTES, MAX_PARAGRAPHS
from engine.analyses.review.regexlint import risks

ROOT = Path(__file__).resolve().parent.parent
OTHERS = ["loopholes"]  # engineer h16's module; it applies no pattern to text


def _module_patterns() -> dict[str, re.Pattern]:
    """Every compiled pattern a review module holds at module level (also in dicts and lists)."""
    found = {}
    for info in pkgutil.iter_modules(review_pkg.__path__):
        if info.name in OTHERS:
            continue
        module = importlib.import_module(f"engine.analyses.review.{info.name}")
        for name, value in vars(module).items():
            values = value.values() if isinstance(value, dict) else (
                value if isinstance(value, (list, tuple)) else [value])
            for item in values:
                for pattern in (item if isinstance(item, (list, tuple)) else [item]):
                    if isinstance(pattern, re.Pattern):
                        found[f"{info.name}.{name}:{pattern.pattern[:40]}"] = pattern
    return found


def _patterns_used_while_reviewing(monkeypatch) -> dict[str, tuple[str, int]]:
    """The patterns the review compiles while it reads the shipped drafts (inline re.search too)."""
    seen: dict[str, tuple[str, int]] = {}
    original = re._compile  # type: ignore[attr-defined]

    def recording(pattern, flags):
        frame = sys._getframe(1)
        while frame and frame.f_code.co_filename.endswith(("re/__init__.py", "re.py")):
            frame = frame.f_back
        if frame and "engine/analyses/review/" in frame.f_code.co_filename.replace("\\", "/") and isinstance(pattern, str):
            seen.setdefault(f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno}", (pattern, int(flags)))
        return original(pattern, flags)

    monkeypatch.setattr(re, "_compile", recording)
    others = ROOT.parent / "shared" / "domain" / "sources" / "andre-rad"
    for path in sorted((ROOT / "drafts").glob("*.md")) + sorted(others.glob("*.txt")):
        review_file(path)
    for path in sorted((ROOT / "drafts").glob("*.md")):  # so that every dated name's pattern is used:
        review_file(path, date(1990, 1, 1))  # names that came later are stale here,
        review_file(path, date(2030, 1, 1))  # names that ended are stale here
    return seen


def test_the_lint_flags_nested_adjacent_and_leading_unbounded_repeats():
    assert risks(r"^\s{0,3}#{1,6}\s+(?P<title>.+?)\s*#*\s*$")  # the old heading pattern (20 s)
    assert risks(r"(?:\s+\w+)*$")
    assert risks(r"[^.]+?\s*$")
    assert risks(r"§\s*\d+\s*[.:]?\s+x")
    assert not risks(r"^ {0,3}#{1,6} (?P<title>[^\n]*)$")
    assert not risks(r"\bnavn\s+er\s+\w+")
    assert not risks(r"^[^.]{0,60}\s*$")
    assert risks(r"(\d+(?:[.,]\d+)?)\s*%")  # the old percent pattern: 103 s on 20,000 digits
    assert not risks(r"\b\d+ ?%") and not risks(r"\s+")  # anchored by \b; a bare repeat cannot fail


def test_every_module_pattern_is_linear():
    patterns = _module_patterns()
    assert len(patterns) > 30  # the review's patterns were found at all
    risky = {name: risks(p) for name, p in patterns.items() if risks(p)}
    assert risky == {}


def test_every_pattern_used_on_the_drafts_is_linear(monkeypatch):
    used = _patterns_used_while_reviewing(monkeypatch)
    assert len(used) > 30
    risky = {where: risks(p, f) for where, (p, f) in used.items() if risks(p, f)}
    assert risky == {}


_PATHOLOGICAL = {
    "heading.md": "# a" + " " * 20_000 + "b\n",
    "heading.txt": "# a" + " " * 20_000 + "b\n",
    "paragraph.txt": "§ 3" + " " * 20_000 + ":" + " " * 20_000 + "x\n",
    "names.md": "Deltakere er " + "Aa " * 8_000 + "\n\nRådets navn er " + "x " * 8_000 + "y\n",
    "shares.md": "## Eierandeler\n\n" + "A" + " -" * 8_000 + ": x\n",
    "tabs.md": "Hver kommune har" + "\t" * 20_000 + "1 medlem\n",
    "pipes.md": "|" * 30_000 + "\n",
    "digits.md": "## § 8 Eierandeler\n\n" + "1" * 30_000 + "\n",  # the old percent pattern: minutes
    "percentages.md": "## § 8 Eierandeler\n\n" + "Aa 1 % " * 4_000 + "\n",  # line_at once per match
}


def test_pathological_lines_finish(tmp_path):
    """Each would take hours with a quadratic pattern; linear, all take about a second. The bound
    is generous (over 20× a normal run) and is a subprocess timeout, not a timing assertion."""
    for name, text in _PATHOLOGICAL.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    script = ("import sys\nfrom engine.analyses.review import review_file\n"
              "for p in sys.argv[1:]:\n    review_file(p)\nprint('done')\n")
    files = [str(tmp_path / n) for n in _PATHOLOGICAL]
    result = subprocess.run([sys.executable, "-c", script, *files], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "done" in result.stdout


# --- .docx limits ----------------------------------------------------------------------------

_CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                  'package/2006/content-types"></Types>')
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(path: Path, document_xml: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("word/document.xml", document_xml)
    return path


def _refusal(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        review_file(path)
    return str(caught.value)


def test_a_docx_member_that_expands_too_far_is_refused(tmp_path):
    body = b"<w:document " + _W.encode() + b"><w:body>" + b" " * (MAX_MEMBER_BYTES + 1) + b"</w:body></w:document>"
    message = _refusal(_docx(tmp_path / "bomb.docx", body))
    assert "bomb.docx" in message and "utpakket størrelse per del" in message
    assert "word/document.xml" in message


def test_a_docx_with_entity_definitions_is_refused(tmp_path):
    body = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ' + _W.encode()
            + b"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>")
    message = _refusal(_docx(tmp_path / "entities.docx", body))
    assert "entities.docx" in message and "entitet" in message


def test_a_docx_with_too_many_paragraphs_is_refused(tmp_path):
    body = (b"<w:document " + _W.encode() + b"><w:body>" + b"<w:p/>" * (MAX_PARAGRAPHS + 1)
            + b"</w:body></w:document>")
    message = _refusal(_docx(tmp_path / "long.docx", body))
    assert "long.docx" in message and "antall avsnitt" in message


def test_the_command_refuses_a_docx_bomb_with_exit_2(tmp_path):
    from click.testing import CliRunner

    from engine.cli.review import review

    body = b"<w:document " + _W.encode() + b"><w:body>" + b"<w:p/>" * (MAX_PARAGRAPHS + 1) + b"</w:body></w:document>"
    result = CliRunner().invoke(review, [str(_docx(tmp_path / "long.docx", body))])
    assert result.exit_code == 2
    assert "grense" in result.output and "Traceback" not in result.output


# --- Markdown structure ----------------------------------------------------------------------

def test_markdown_setext_headings_fences_and_tables(tmp_path):
    path = tmp_path / "utkast.md"
    path.write_text(
        "Samarbeidsavtale for Vestfjord interkommunalt politisk råd\n"
        "==========================================================\n\n"
        "§ 1 Navn\n--------\n\nRådets navn er Vestfjord interkommunalt politisk råd.\n\n"
        "```\n# Ikke en overskrift\n§ 9 Heller ikke\n```\n\n"
        "§ 2 Deltakere\n-------------\n\nDeltakere er Enebakk kommune og Frogn kommune.\n\n"
        "Deltaker | Medlemmer\n--- | ---\nEnebakk | 1\nFrogn | 1\n", encoding="utf-8")
    from engine.analyses.review.parse import read_draft

    draft = read_draft(path)
    assert [(c.heading, c.line) for c in draft.clauses] == [
        ("Samarbeidsavtale for Vestfjord interkommunalt politisk råd", 1), ("§ 1 Navn", 4),
        ("§ 2 Deltakere", 14)]
    assert draft.clauses[1].number == "1"
    assert "| Enebakk | 1 |" in draft.clauses[2].text


def test_a_missing_docx_extra_names_the_pip_command(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were not installed
    message = _refusal(_docx(tmp_path / "utkast.docx", b"<w:document " + _W.encode() + b"/>"))
    assert "pip install 'vedtekt[docx]'" in message and "utkast.docx" in message


def test_docx_numbered_paragraphs_are_list_items(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Samarbeidsavtale for Vestfjord interkommunalt politisk råd", level=1)
    document.add_heading("§ 2 Deltakere", level=2)
    document.add_paragraph("Deltakere i rådet er:")
    for name in ("Steigen kommune", "Hamarøy kommune", "Røst kommune"):
        document.add_paragraph(name, style="List Number")
    path = tmp_path / "utkast.docx"
    document.save(str(path))
    from engine.analyses.review.extract import participants
    from engine.analyses.review.parse import read_draft

    draft = read_draft(path)
    assert [c.heading for c in draft.clauses][-1] == "§ 2 Deltakere"
    assert [p.name for p in participants(draft)[0]] == ["Steigen kommune", "Hamarøy kommune", "Røst kommune"]


def test_a_text_over_the_review_limit_is_refused(tmp_path):
    from engine.analyses.review.parse import MAX_TEXT_BYTES

    path = tmp_path / "stor.md"
    path.write_text("# Avtale\n\n" + "a " * (MAX_TEXT_BYTES // 2 + 1), encoding="utf-8")
    message = _refusal(path)
    assert "stor.md" in message and str(MAX_TEXT_BYTES) in message


def test_markdown_clauses_without_blank_lines_and_wrapped_lines(tmp_path):
    from engine.analyses.review.parse import read_draft

    path = tmp_path / "utkast.md"
    path.write_text("# Avtale\n\n§ 1 Navn\nRådets navn er Testrådet interkommunalt politisk råd, etter\n"
                    "kapittel 18 i kommuneloven, der\n12 Kommuner deltar\n§ 2 Deltakere\n"
                    "Deltakere er Enebakk kommune og Frogn kommune.\n", encoding="utf-8")
    assert [(c.heading, c.line) for c in read_draft(path).clauses] == [
        ("Avtale", 1), ("§ 1 Navn", 3), ("§ 2 Deltakere", 7)]
