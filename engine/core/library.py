"""The shipped bylaws: documents, their rosters and the statute layer, loaded and selected by date."""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import cache
from pathlib import Path

from engine.core.errors import InputError, Message, NotModelled, Place, at, did_you_mean, modelled_periods, period_args
from engine.core.load import load_located, load_model, validate
from engine.core.model import Document, LibrarySettings, Roster, Statute, Transition
from engine.core.references import check_references, check_statute_references
from engine.core.rules import RULES_FILE
from engine.core.resources import bylaws_dir  # re-exported: --bylaws-dir, VEDTEKT_BYLAWS, package data
from engine.core.yamlio import load_yaml


def ensure_organ(docs: list[Document], council: str, organ: str, where: Place = None) -> None:
    """`organ` is an organ of one of the council's documents (exit 2 with «mente du» otherwise)."""
    organs = sorted({o.id for d in docs for o in d.organs})
    if organ not in organs:
        raise InputError("errors.unknown-organ-in-council", {"id": organ, "council": council}, where=where,
                         hint=did_you_mean(organ, organs))


class Library:
    """Every bylaws document and statute found under the bylaws folder."""

    def __init__(self, root: Path):
        self.root = root
        self.statutes = {s.id: s for s in (load_statute(p) for p in sorted((root / "statute").glob("*.yaml")))}
        settings_file = root / SETTINGS_FILE
        self.settings = (load_model(settings_file, LibrarySettings) if settings_file.exists()
                         else LibrarySettings())
        self.documents: dict[str, Document] = {}
        for path in sorted(root.glob("*.yaml")):
            if path.name in NOT_DOCUMENTS:
                continue
            doc = load_document(path, root / "rosters", self.statutes)  # statute checked with its line
            if doc.id in self.documents:
                raise InputError("errors.document-in-two-files", {"id": doc.id}, file=str(path), where=at(key="id"))
            self.documents[doc.id] = doc
        default = self.settings.default_council
        if default and self.documents and default not in {d.council for d in self.documents.values()}:
            raise InputError("errors.unknown-council", {"id": default}, file=str(settings_file),
                             where=at(key="default_council"),
                             hint=did_you_mean(default, sorted({d.council for d in self.documents.values()})))

        self.transitions = [load_transition(p, self.documents)
                            for p in sorted((root / "transitions").glob("*.yaml"))]

    def transition_between(self, a: str, b: str) -> Transition | None:
        """The transition file that covers documents `a` and `b` (either direction)."""
        return next((t for t in self.transitions if set(t.documents) == {a, b}), None)

    def document(self, doc_id: str, where: Place = None) -> Document:
        if doc_id not in self.documents:
            raise InputError("errors.unknown-document", {"id": doc_id}, where=where,
                             hint=did_you_mean(doc_id, list(self.documents)))
        return self.documents[doc_id]

    def statute_for(self, doc: Document) -> Statute | None:
        return self.statutes.get(doc.statute) if doc.statute else None

    def councils(self) -> list[str]:
        return sorted({d.council for d in self.documents.values()})

    @property
    def default_council(self) -> str | None:
        """The council of scenarios that name neither `council` nor `bylaws` (bylaws/library.yaml)."""
        return self.settings.default_council

    def council_documents(self, council: str, where: Place = None) -> list[Document]:
        docs = [d for d in self.documents.values() if d.council == council]
        if not docs:
            raise InputError("errors.unknown-council", {"id": council}, where=where,
                             hint=did_you_mean(council, self.councils())
                             or Message("errors.hint/give-council", {"councils": self.councils()}))
        return docs

    def choose(self, organ: str, on: date, doc_id: str | None = None,
               where: Place = None, council: str | None = None) -> Document:
        """The document of `council` whose organ `organ` is in force on `on`.

        Organ ids are unique only within a council, so the council is always known first: the
        one named, or the named document's, or the library's default. Adding a council can
        therefore never change which document another council's scenario gets.
        """
        if doc_id is not None:
            doc = self.document(doc_id, where)
            if council is not None and doc.council != council:
                raise InputError("errors.document-of-other-council",
                                 {"id": doc_id, "council": doc.council, "wanted": council}, where=where)
            if not doc.in_force(on):
                raise NotModelled("errors.date-outside-period", {"date": on, **period_args(doc)}, where=where)
            return doc
        council = council or self.default_council
        if council is None:
            raise InputError("errors.no-council", where=where,
                             hint=Message("errors.hint/give-council", {"councils": self.councils()}))
        docs = self.council_documents(council, where)
        ensure_organ(docs, council, organ, where)
        candidates = [d for d in docs if d.in_force(on) and any(o.id == organ for o in d.organs)]
        if not candidates:
            raise NotModelled("errors.no-bylaws-for", {"what": organ, "date": on}, where=where,
                              hint=modelled_periods(d for d in docs if any(o.id == organ for o in d.organs)))
        if len(candidates) > 1:
            raise InputError("errors.several-documents", {"organ": organ, "date": on,
                                                          "ids": [d.id for d in candidates]}, where=where)
        return candidates[0]


SETTINGS_FILE = "library.yaml"
def load_document(path: Path, rosters: Path | None = None,
                  statutes: Mapping[str, Statute] | None = None) -> Document:
    """A bylaws file with its roster (rosters/<id>.yaml), every id in both checked; with the
    library's `statutes`, also its `statute` and the statute rules its clauses name."""
    doc, located = load_located(path, Document)
    roster_located = None
    roster_file = (rosters or path.parent / "rosters") / f"{doc.id}.yaml"
    if roster_file.exists():
        roster, roster_located = load_located(roster_file, Roster)
        doc = with_roster(doc, roster)
    check_references(doc, located, roster_located, statutes)
    return doc


def load_statute(path: Path) -> Statute:
    """A statute file, the engine rules each provision names checked against rules.yaml."""
    statute, located = load_located(path, Statute)
    check_statute_references(statute, located)
    return statute


def load_transition(path: Path, documents: dict[str, Document]) -> Transition:
    """A transition file, its document, organ, office and case kind ids checked against the
    documents, both sides of every map."""
    located = load_yaml(path)
    transition = validate(located, Transition)
    from engine.core.references import check_transition_references

    check_transition_references(transition, located, documents)
    return transition


NOT_DOCUMENTS = {"names.yaml", SETTINGS_FILE}


def with_roster(doc: Document, extra: Roster) -> Document:
    """The document with `extra` people and holdings added to its roster."""
    roster = Roster(note=doc.roster.note or extra.note,
                    people=doc.roster.people + extra.people,
                    holdings=doc.roster.holdings + extra.holdings)
    # both parts are validated already, and no rule of Document spans its roster: no revalidation
    return doc.model_copy(update={"roster": roster})


def library(root: str | None = None) -> Library:
    # resolved before the cache, so --bylaws-dir and VEDTEKT_BYLAWS each get their own library
    return _library(str(root or bylaws_dir()))


@cache
def _library(root: str) -> Library:
    from engine.core.diskcache import cached

    folder = Path(root)
    # the files whose bytes decide the library, including those its validation reads: the budgets
    # an `encoded_as` may name and the rule ids of rules.yaml (`rules.<id>`, `engine_rules`)
    files = [p for pattern in ("*.yaml", "rosters/*.yaml", "statute/*.yaml", "transitions/*.yaml",
                               "budgets/*.yaml") for p in folder.glob(pattern)] + [RULES_FILE]
    lib = cached("library", str(folder.resolve()), files, lambda: Library(folder))
    if not lib.documents:  # never an empty success: say that no bylaws were found
        raise InputError("errors.no-bylaws-documents", file=root, hint=Message("errors.hint/bylaws-file", {"readme": "bylaws/README.md"}))
    return lib
