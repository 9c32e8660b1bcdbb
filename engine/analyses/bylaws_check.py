"""`vedtekt bylaws --check FILE`: validate a new bylaws file whole and list its clauses' coverage.

The file is loaded exactly as the library loads it (strict schema, its roster from
rosters/<id>.yaml beside it, every id checked with file, line and «mente du»), and then checked
against the library: its statute exists (with its line, and the statute rules its clauses name), and its council's other documents do not overlap it in
time for the same organ. The report lists each clause of the sources with its status and what
encodes it, and every provision of the file with its citation (a provision without a clause
entry in `clauses` is listed too, so a lawyer sees what is encoded from where).
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from engine.core.library import library, load_document
from engine.core.model import Document


def check_bylaws_file(path: Path) -> dict:
    """The check of a new bylaws file: its clauses' coverage, provisions with their citations,
    assumptions and overlaps (an InputError naming file and place when it does not load)."""
    path = Path(path)
    lib = library()
    doc = load_document(path, statutes=lib.statutes)  # its statute and statute rules: with their lines
    overlaps = _overlaps(doc, lib)
    data = {
        "file": str(path), "id": doc.id, "council": doc.council, "title": doc.title,
        "from": str(doc.valid_from) if doc.valid_from else None,
        "to": str(doc.valid_to) if doc.valid_to else None,
        "valid": True,
        "counts": dict(Counter(c.status for c in doc.clauses)),
        "clauses": [c.model_dump(exclude_defaults=True) for c in doc.clauses],
        "provisions": _provisions(doc),
        "assumptions": [a.what.strip() for a in doc.assumptions],
        "overlaps": overlaps,
    }
    return data


def _overlaps(doc: Document, lib) -> list[str]:
    """Other documents of the same council in force on an overlapping period with a shared organ."""
    out = []
    for other in lib.documents.values():
        if other.id == doc.id or other.council != doc.council:
            continue
        shared = {o.id for o in doc.organs} & {o.id for o in other.organs}
        start = max(doc.valid_from or other.valid_from, other.valid_from or doc.valid_from) \
            if (doc.valid_from or other.valid_from) else None
        end_a, end_b = doc.valid_to, other.valid_to
        end = min(e for e in (end_a, end_b) if e) if (end_a or end_b) else None
        if shared and (start is None or end is None or start <= end):
            out.append(f"{other.id}: {', '.join(sorted(shared))}")
    return out


def _provisions(doc: Document) -> list[dict]:
    rows = []
    for p in doc.participants:
        rows.append({"key": f"participants.{p.id}", "citation": p.citation})
    for o in doc.organs:
        rows.append({"key": f"organs.{o.id}", "citation": o.citation})
        rows += [{"key": f"organs.{o.id}.seats.{s.office}", "citation": s.citation} for s in o.seats]
        for name in ("quorum", "leadership", "convening"):
            part = getattr(o, name)
            if part is not None:
                rows.append({"key": f"organs.{o.id}.{name}", "citation": part.citation})
    rows += [{"key": f"competences.{c.case_kind}@{c.organ}", "citation": c.citation} for c in doc.competences]
    rows += [{"key": f"duties.{d.id}", "citation": d.citation} for d in doc.duties]
    rows += [{"key": f"relations.{r.kind}:{r.source}->{r.target}", "citation": r.citation} for r in doc.relations]
    return rows
