"""The bylaws models are values (issue 11 item 6): frozen, hashable, equal when their content is,
and so usable as `functools` cache keys; the caches keyed on them return the same object."""
import pickle
from datetime import date

import pytest

from engine.core import rotation, sitting
from engine.core.base import Frozen, FrozenDict
from engine.core.library import library, load_document
from engine.core.model import Document, Leadership, RotationAnchor, Statute, Transition
from engine.core.resources import shipped

BYLAWS = shipped("bylaws")


def _fresh(doc_id: str) -> Document:
    """A second, separately loaded copy of a shipped document."""
    return load_document(BYLAWS / f"{doc_id}.yaml", BYLAWS / "rosters")


def _sub_models(model: Frozen):
    """Every frozen model inside `model`, itself included."""
    yield model
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if isinstance(item, Frozen):
                yield from _sub_models(item)


@pytest.mark.parametrize("doc_id", sorted(library().documents))
def test_every_document_and_sub_model_hashes(doc_id):
    doc = library().documents[doc_id]
    kinds = set()
    for model in _sub_models(doc):
        hash(model)
        kinds.add(type(model).__name__)
    assert {"Document", "Organ", "Seat", "Holding", "Person"} <= kinds


def test_statutes_and_transitions_hash():
    lib = library()
    assert all(isinstance(hash(s), int) for s in lib.statutes.values())
    assert lib.transitions and all(isinstance(hash(t), int) for t in lib.transitions)


def test_equal_documents_hash_equal_and_distinct_documents_differ():
    shipped_doc = library().documents["folloradet"]
    again = _fresh("folloradet")
    assert again is not shipped_doc
    assert again == shipped_doc and hash(again) == hash(shipped_doc)
    other = library().documents["folloregionen"]
    assert other != shipped_doc and hash(other) != hash(shipped_doc)


def test_a_changed_copy_hashes_as_its_new_content():
    doc = library().documents["folloradet"]
    hash(doc)  # memoised on the original; the copy must not inherit it
    renamed = doc.model_copy(update={"title": "Annen tittel"})
    built = Document.model_validate({**doc.model_dump(by_alias=True), "title": "Annen tittel"})
    assert renamed == built and hash(renamed) == hash(built) != hash(doc)


def test_pickled_document_is_equal_and_hashes_equal():
    doc = library().documents["sogn-regionrad"]
    hash(doc)
    again = pickle.loads(pickle.dumps(doc))
    # a string's hash differs between processes: the memoised hash must not travel in the pickle
    assert set(again.__dict__) == set(Document.model_fields)
    assert again == doc and hash(again) == hash(doc)


def test_mapping_fields_are_frozen_and_keep_their_yaml_shape():
    lib = library()
    statute = next(iter(lib.statutes.values()))
    quorum = statute.rule("quorum")
    assert isinstance(quorum.parameters, FrozenDict) and quorum.parameters["fraction"] == "1/2"
    with pytest.raises(TypeError):
        quorum.parameters["fraction"] = "1/3"  # type: ignore[index]
    transition = lib.transitions[0]
    assert isinstance(transition.maps[0].organs, FrozenDict)
    assert isinstance(transition.model_dump()["maps"][0]["organs"], dict)
    assert Transition.model_validate(transition.model_dump(by_alias=True)) == transition
    assert Statute.model_validate(statute.model_dump(by_alias=True)) == statute


def test_the_rotation_anchor_is_a_typed_model():
    lead = library().documents["folloradet"].organ("follomotet").leadership
    assert isinstance(lead, Leadership) and isinstance(lead.anchor, RotationAnchor)
    with pytest.raises(ValueError, match="leader"):
        Leadership.model_validate({**lead.model_dump(by_alias=True), "anchor": {"year": 2017,
                                                                              "citation": "pkt. 4.1.3"}})


def test_the_sitting_cache_returns_the_same_object_for_equal_documents():
    doc, again = library().documents["folloradet"], _fresh("folloradet")
    on = date(2021, 2, 12)
    first = sitting.resolve(doc, "folloradet", on)
    assert sitting.resolve(doc, "folloradet", on) is first
    assert sitting.resolve(again, "folloradet", on) is first  # by value, not by id()
    assert sitting.resolve(doc, "folloradet", date(2021, 2, 13)) is not first


def test_the_rotation_cache_keeps_one_chain_per_document():
    doc, again = library().documents["folloradet"], _fresh("folloradet")
    terms = rotation.terms(doc, "follomotet", 2015, 2018)
    assert rotation.terms(again, "follomotet", 2015, 2018) == terms
    assert rotation._known_terms(doc, "follomotet") is rotation._known_terms(again, "follomotet")


def test_in_force_is_inclusive_at_both_ends():
    doc = library().documents["folloradet"]
    assert doc.valid_from is not None and doc.valid_to is not None
    assert doc.in_force(doc.valid_from) and doc.in_force(doc.valid_to)
    assert not doc.in_force(date.fromordinal(doc.valid_from.toordinal() - 1))
    assert not doc.in_force(date.fromordinal(doc.valid_to.toordinal() + 1))


def test_review_names_use_the_one_in_force():
    from engine.analyses.review.names import Period

    period = Period.model_validate({"from": "2020-01-01", "to": "2020-12-31"})
    assert period.covers(date(2020, 12, 31)) and not period.covers(date(2021, 1, 1))
    assert Period.covers is Document.in_force


# -- the validated library kept on disk between runs (engine.core.diskcache) --------------------
def _bylaws_copy(tmp_path):
    import shutil

    root = tmp_path / "bylaws"
    shutil.copytree(BYLAWS, root)
    return root


def _load_counting(root, calls):
    from engine.core.diskcache import cached
    from engine.core.library import Library

    files = sorted(root.rglob("*.yaml"))

    def build():
        calls.append(1)
        return Library(root)

    return cached("library", str(root), files, build)


def test_the_disk_cache_returns_an_equal_library_and_rebuilds_on_any_change(tmp_path, monkeypatch):
    monkeypatch.setenv("VEDTEKT_CACHE_DIR", str(tmp_path / "cache"))
    root, calls = _bylaws_copy(tmp_path), []
    first = _load_counting(root, calls)
    second = _load_counting(root, calls)
    assert len(calls) == 1 and second is not first
    assert second.documents == first.documents and second.statutes == first.statutes
    roster = root / "rosters" / "sogn-regionrad.yaml"
    roster.write_text(roster.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    _load_counting(root, calls)
    assert len(calls) == 2  # a changed byte in any file read: built anew


def test_a_broken_cache_entry_is_rebuilt_and_off_means_off(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("VEDTEKT_CACHE_DIR", str(cache))
    root, calls = _bylaws_copy(tmp_path), []
    _load_counting(root, calls)
    for entry in cache.glob("library-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert _load_counting(root, calls).documents and len(calls) == 2
    monkeypatch.setenv("VEDTEKT_CACHE_DIR", "off")
    _load_counting(root, calls)
    _load_counting(root, calls)
    assert len(calls) == 4


def test_a_library_that_fails_to_load_is_never_cached(tmp_path, monkeypatch):
    from engine.core.errors import InputError

    cache = tmp_path / "cache"
    monkeypatch.setenv("VEDTEKT_CACHE_DIR", str(cache))
    root, calls = _bylaws_copy(tmp_path), []
    doc = root / "romsdal-ipr.yaml"
    doc.write_text(doc.read_text(encoding="utf-8").replace("council:", "councl:", 1), encoding="utf-8")
    with pytest.raises(InputError, match="councl"):
        _load_counting(root, calls)
    assert not list(cache.glob("library-*.pickle"))


def test_a_cache_folder_others_may_write_is_not_read(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("VEDTEKT_CACHE_DIR", str(cache))
    root, calls = _bylaws_copy(tmp_path), []
    _load_counting(root, calls)
    cache.chmod(0o777)
    _load_counting(root, calls)
    assert len(calls) == 2  # a folder anyone may write to could hold a planted pickle
    cache.chmod(0o700)
    _load_counting(root, calls)
    assert len(calls) == 2
