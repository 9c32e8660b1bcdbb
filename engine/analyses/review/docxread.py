"""Read a .docx with python-docx, after checking limits on the raw zip, so that a hostile file
(a zip bomb, an XML entity bomb, a million paragraphs) is refused in well under two seconds
with a message naming the limit, instead of being parsed.

Headings come from the paragraph style (Heading N / Overskrift N / Title / Tittel) or an outline
level; numbered paragraphs (Word list numbering) become list items ('- …'); tables become
'| a | b |' rows, all in document order.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from engine.core.errors import InputError, Message

MAX_FILE_BYTES = 10 * 1024 * 1024  # the .docx itself
MAX_MEMBER_BYTES = 20 * 1024 * 1024  # any one part of the zip, once expanded
MAX_TOTAL_BYTES = 60 * 1024 * 1024  # all parts together, expanded
MAX_MEMBERS = 2000
MAX_PARAGRAPHS = 20_000

_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_PARAGRAPH_TAG = re.compile(rb"<w:p[\s>/]")
_HEADING_STYLE = ("heading", "overskrift", "title", "tittel")


def _refuse(path: Path, which: str, hint: str = "errors.hint/resave-word", **args) -> None:
    """`which` names the limit exceeded (errors.docx-limit/…), `args` its figures."""
    raise InputError("errors.docx-limit", {"limit": Message(f"errors.docx-limit/{which}", args)}, file=str(path),
                     hint=Message(hint))


def check_limits(path: Path) -> None:
    """Refuse before parsing: size of the file, of every zip member expanded, DTDs, paragraphs."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        _refuse(path, "file-size", size=size, limit=MAX_FILE_BYTES)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError("errors.docx-unreadable", {"problem": type(exc).__name__}, file=str(path),
                         hint=Message("errors.hint/resave-docx")) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            _refuse(path, "members", count=len(members), limit=MAX_MEMBERS)
        total = 0
        for member in members:  # zipfile stops reading a member at its declared size
            if member.file_size > MAX_MEMBER_BYTES:
                _refuse(path, "member-size", member=member.filename, size=member.file_size, limit=MAX_MEMBER_BYTES)
            total += member.file_size
        if total > MAX_TOTAL_BYTES:
            _refuse(path, "total-size", size=total, limit=MAX_TOTAL_BYTES)
        for member in members:
            if member.filename.lower().endswith((".xml", ".rels")):
                _check_xml(path, member.filename, _read(archive, member, path))


def _read(archive: zipfile.ZipFile, member: zipfile.ZipInfo, path: Path) -> bytes:
    try:
        return archive.read(member)
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, NotImplementedError) as exc:
        raise InputError("errors.docx-member-unreadable", {"member": member.filename, "problem": type(exc).__name__},
                         file=str(path), hint=Message("errors.hint/resave-docx")) from None


def _check_xml(path: Path, name: str, data: bytes) -> None:
    if _DTD.search(data):
        _refuse(path, "dtd", member=name)
    if name == "word/document.xml":
        count = len(_PARAGRAPH_TAG.findall(data))
        if count > MAX_PARAGRAPHS:
            _refuse(path, "paragraphs", hint="errors.hint/split-document", count=count, limit=MAX_PARAGRAPHS)


def docx_lines(path: Path) -> tuple[list[str], dict[int, bool]]:
    """Paragraphs and table rows of a .docx in document order, and which lines are headings."""
    try:
        import docx  # python-docx: the optional extra 'docx'
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:
        raise InputError("errors.docx-not-installed", file=str(path), hint="pip install 'vedtekt[docx]'") from None
    check_limits(path)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a broken file
        raise InputError("errors.docx-unreadable", {"problem": type(exc).__name__}, file=str(path),
                         hint=Message("errors.hint/resave-docx")) from None
    lines: list[str] = []
    headings: dict[int, bool] = {}
    for block in document.iter_inner_content():  # paragraphs and tables in document order
        if isinstance(block, Paragraph):
            heading = _is_heading(block)
            text = block.text
            if not heading and _is_numbered(block) and text.strip():
                text = "- " + text  # a Word list item reads as one
            lines.append(text)
            if heading:
                headings[len(lines)] = True
        elif isinstance(block, Table):
            for row in block.rows:
                lines.append("| " + " | ".join(c.text.strip().replace("|", "/") for c in row.cells) + " |")
    return lines, headings


def _is_heading(para) -> bool:
    style = (para.style.name if para.style is not None else "") or ""
    if style.lower().startswith(_HEADING_STYLE):
        return True
    outline = para._p.find(".//{*}outlineLvl")
    return outline is not None


def _is_numbered(para) -> bool:
    """Word list numbering on the paragraph itself or through its style ('List Number', 'Liste')."""
    if para._p.find("./{*}pPr/{*}numPr") is not None:
        return True
    style = para.style
    while style is not None:
        if (style.name or "").lower().startswith(("list", "liste")):
            return True
        if style.element.find("./{*}pPr/{*}numPr") is not None:
            return True
        style = style.base_style
    return False
