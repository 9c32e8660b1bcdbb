"""The shipped bylaws: documents, their rosters and the statute layer, loaded and selected by date."""
from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from .errors import InputError, NotModelled, did_you_mean
from .load import load_model
from .model import Document, Roster, Statute
from .resources import bylaws_dir  # re-exported: --bylaws-dir, VEDTEKT_BYLAWS, package data


class Library:
    """Every bylaws document and statute found under the bylaws folder."""

    def __init__(self, root: Path):
        self.root = root
        self.statutes = {s.id: s for s in (load_model(p, Statute)
                                           for p in sorted((root / "statute").glob("*.yaml")))}
        self.documents: dict[str, Document] = {}
        for path in sorted(root.glob("*.yaml")):
            if path.name in NOT_DOCUMENTS:
                continue
            doc = load_model(path, Document)
            roster_file = root / "rosters" / f"{doc.id}.yaml"
            if roster_file.exists():
                doc = with_roster(doc, load_model(roster_file, Roster))
            self.documents[doc.id] = doc

    def document(self, doc_id: str, where: str | None = None) -> Document:
        if doc_id not in self.documents:
            raise InputError(f"ukjent vedtektsdokument '{doc_id}'", where=where,
                             hint=did_you_mean(doc_id, list(self.documents)))
        return self.documents[doc_id]

    def statute_for(self, doc: Document) -> Statute | None:
        return self.statutes.get(doc.statute) if doc.statute else None

    def choose(self, organ: str, on: date, doc_id: str | None = None,
               where: str | None = None) -> Document:
        """The document whose organ `organ` is in force on `on`; refuses dates not modelled."""
        if doc_id is not None:
            doc = self.document(doc_id, where)
            if not doc.in_force(on):
                raise NotModelled(f"datoen {on} er utenfor perioden {doc.id} er modellert for "
                                  f"({doc.valid_from} – {doc.valid_to or 'åpen'}) [not-modelled]",
                                  where=where)
            return doc
        organs = {o.id for d in self.documents.values() for o in d.organs}
        if organ not in organs:
            raise InputError(f"ukjent organ '{organ}'", where=where,
                             hint=did_you_mean(organ, sorted(organs)))
        candidates = [d for d in self.documents.values()
                      if d.in_force(on) and any(o.id == organ for o in d.organs)]
        if not candidates:
            periods = ", ".join(f"{d.id}: {d.valid_from} – {d.valid_to or 'åpen'}"
                                for d in self.documents.values()
                                if any(o.id == organ for o in d.organs))
            raise NotModelled(f"ingen vedtekter for {organ} er modellert for {on} [not-modelled]",
                              where=where, hint=f"modellerte perioder: {periods}")
        if len(candidates) > 1:
            raise InputError(f"flere vedtekter gjelder {organ} {on}: "
                             f"{', '.join(d.id for d in candidates)}; angi bylaws", where=where)
        return candidates[0]


NOT_DOCUMENTS = {"names.yaml"}


def with_roster(doc: Document, extra: Roster) -> Document:
    """The document with `extra` people and holdings added to its roster."""
    roster = Roster(note=doc.roster.note or extra.note,
                    people=doc.roster.people + extra.people,
                    holdings=doc.roster.holdings + extra.holdings)
    return Document.model_validate({**doc.model_dump(by_alias=True), "roster": roster.model_dump(by_alias=True)})


def library(root: str | None = None) -> Library:
    # resolved before the cache, so --bylaws-dir and VEDTEKT_BYLAWS each get their own library
    return _library(str(root or bylaws_dir()))


@cache
def _library(root: str) -> Library:
    lib = Library(Path(root))
    if not lib.documents:  # never an empty success: say that no bylaws were found
        raise InputError("fant ingen vedtektsdokumenter i vedtektsmappen", file=root,
                         hint="en vedtektsfil ligger øverst i mappen, f.eks. folloradet.yaml")
    return lib
