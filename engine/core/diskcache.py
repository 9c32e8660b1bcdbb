"""A validated bylaws library kept on disk between runs, as Python keeps bytecode in __pycache__.

Reading and validating every bylaws file (YAML with a line for every key, then pydantic) is most of
a cold `vedtekt check`; the result is a value of frozen models. It is stored, pickled, under a key
that is the SHA-256 of every file the library reads (names and bytes) and of the engine's own
source that shapes the models, so any change to either builds it anew; a stored library is never
trusted for other bytes. Nothing is cached where a file is not a plain readable file within the
size bound (the normal path then reports it), or where the cache folder cannot be written; and
nothing is read from a folder or file that another user owns or may write (a pickle is code).

The folder: ``VEDTEKT_CACHE_DIR``, else ``$XDG_CACHE_HOME/vedtekt``, else ``~/.cache/vedtekt``.
``VEDTEKT_CACHE_DIR=off`` turns the cache off.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

ENV_VAR = "VEDTEKT_CACHE_DIR"
MAX_FILE_BYTES = 4 * 1024 * 1024  # as engine.core.yamlio: a larger file is left to the normal path
# the modules whose source decides what a loaded library is (fields, validators, merging rosters)
SHAPING_MODULES = ("base", "bounds", "model", "load", "library", "references", "yamlio", "diskcache")


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    chosen = os.environ.get(ENV_VAR)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "0", "off", "no") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "vedtekt"


KEEP = 8  # entries of one kind kept (the newest): edited bylaws leave no trail of old ones


def cached(kind: str, scope: str, files: list[Path], build: Callable[[], T]) -> T:
    """`build()`, or what it returned before for the same `scope` (e.g. the folder read), the
    same bytes of `files` and the same engine."""
    folder = cache_dir()
    key = _key(f"{kind}\0{scope}", files) if folder is not None else None
    if key is None:
        return build()
    entry = folder / f"{kind}-{key}.pickle"
    try:
        if _private(folder) and _private(entry):
            return pickle.loads(entry.read_bytes())
    except Exception:  # missing, or unreadable (a half-written or foreign file): build anew
        pass
    value = build()
    _store(entry, value)
    _prune(folder, kind)
    return value


def _private(path: Path) -> bool:
    """Only what this user wrote and nobody else can change is unpickled (a pickle is code)."""
    info = os.stat(path)
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _key(kind: str, files: list[Path]) -> str | None:
    digest = hashlib.sha256(f"{kind}\0{sys.version}\0".encode())
    try:
        import pydantic

        digest.update(pydantic.VERSION.encode())
        here = Path(__file__).parent
        for name in SHAPING_MODULES:
            digest.update((here / f"{name}.py").read_bytes())
        for path in sorted(files):
            digest.update(f"\0{path.name}\0{path.parent.name}\0".encode())
            digest.update(_plain_file_bytes(path))
    except (OSError, ValueError):
        return None  # something odd about a file: let the normal path read and judge it
    return digest.hexdigest()


def _plain_file_bytes(path: Path) -> bytes:
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
        raise ValueError(f"not a plain file within the bound: {path}")
    with open(path, "rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise ValueError(f"too large: {path}")
    return raw


def _store(entry: Path, value) -> None:
    """Write atomically (parallel runs see the whole file or none); a failure only costs speed."""
    import tempfile  # only when writing: it imports shutil, random and the compressors

    try:
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError, RecursionError):
        pass


def _prune(folder: Path, kind: str) -> None:
    try:
        entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink()
    except OSError:
        pass
