"""`vedtekt bylaws --check FILE`: validate a new bylaws file whole and list its clauses' coverage.

The file is loaded exactly as the library loads it (strict schema, its roster from
rosters/<id>.yaml beside it, every id checked with file, line and «mente du»), and then checked
against the library: its statute exists, and its council's other documents do not overlap it in
time for the same organ. The report lists each clause of the sources with its status and what
encodes it, and every provision of the file with its citation (a provision without a clause
entry in `clauses` is listed too, so a lawyer sees what is encoded from where).
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from engine.core.errors import InputError, at, did_you_mean
from engine.core.library import library, load_document
from engine.core.model import Document


def check_bylaws_file(path: Path, fmt: str = "text", lang: str = "nb") -> str:
    path = Path(path)
    doc = load_document(path)
    lib = library()
    _check_statute(doc, lib, path)
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
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    return _text(data, lang)


def _check_statute(doc: Document, lib, path: Path) -> None:
    if doc.statute and doc.statute not in lib.statutes:
        raise InputError("errors.unknown-statute", {"id": doc.statute}, file=str(path), where=at(key="statute"),
                         hint=did_you_mean(doc.statute, list(lib.statutes)))


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


_WORDS = {
    "nb": {"ok": "gyldig", "clauses": "klausuler", "provisions": "bestemmelser og hjemmel",
           "assumption": "forutsetning", "overlap": "ADVARSEL: overlapper i tid med samme organ",
           "none": "ingen klausuler er oppført (nøkkelen clauses)"},
    "en": {"ok": "valid", "clauses": "clauses", "provisions": "provisions and citation",
           "assumption": "assumption", "overlap": "WARNING: overlaps in time with the same organ",
           "none": "no clauses are listed (key clauses)"},
}


def _text(data: dict, lang: str) -> str:
    w = _WORDS[lang]
    counts = ", ".join(f"{n} {status}" for status, n in sorted(data["counts"].items()))
    lines = [f"{data['file']}: {w['ok']} – {data['id']} ({data['council']}; {data['from']} – {data['to'] or '…'})",
             f"  {w['clauses']}: {counts or w['none']}"]
    for c in data["clauses"]:
        extra = f" → {', '.join(c['encoded_as'])}" if c.get("encoded_as") else ""
        reason = f" – {c['reason']}" if c.get("reason") else ""
        lines.append(f"    {c['status']:<13} {c['clause']}{extra}{reason}")
    lines.append(f"  {w['provisions']}:")
    lines += [f"    {p['key']}: {p['citation']}" for p in data["provisions"]]
    lines += [f"  {w['assumption']}: {a}" for a in data["assumptions"]]
    lines += [f"  {w['overlap']}: {o}" for o in data["overlaps"]]
    return "\n".join(lines) + "\n"
