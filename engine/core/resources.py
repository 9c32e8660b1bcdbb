"""Where the shipped data is found: bylaws, statute, names, example scenarios and drafts.

The data lives in the checkout's top-level folders (``bylaws/``, ``scenarios/``,
``scenarios-payments/``, ``drafts/``). A wheel carries a copy of them as package data under
``engine/_shipped/`` (copied by the build step in ``setup.py``): plain files beside the package's
modules, found from this module's own path (importing importlib.resources costs a cold start
about 10 ms of CPU, for the same answer); an editable install or a plain checkout reads the folders
themselves.

The bylaws folder can be replaced by the user's own: ``--bylaws-dir DIR`` on every command
(it wins), else the environment variable ``VEDTEKT_BYLAWS``, else the shipped bylaws.

>>> shipped("bylaws").joinpath("names.yaml").is_file()
True
>>> shipped("nonsense")
Traceback (most recent call last):
...
ValueError: not a shipped folder: 'nonsense'
"""
from __future__ import annotations

import os
from pathlib import Path

from engine.core.errors import InputError, Message

#: The top-level folders a wheel carries as package data (engine/_shipped/<name>).
SHIPPED = ("bylaws", "scenarios", "scenarios-payments", "drafts")
PACKAGED = "_shipped"
ENV_VAR = "VEDTEKT_BYLAWS"

_bylaws_override: Path | None = None  # set by --bylaws-dir for the current command


def shipped(name: str) -> Path:
    """The shipped folder `name`: the wheel's package data, else the checkout's folder."""
    if name not in SHIPPED:
        raise ValueError(f"not a shipped folder: {name!r}")
    package = Path(__file__).resolve().parents[1]  # engine/
    packaged = package / PACKAGED / name
    if packaged.is_dir():
        # a wheel installed into site-packages: package data are plain files on disk
        return packaged
    return package.parent / name


def set_bylaws_dir(path: Path | str | None) -> None:
    """Use `path` as the bylaws folder for the rest of this command (None: the default)."""
    global _bylaws_override
    _bylaws_override = Path(path) if path is not None else None


def bylaws_dir() -> Path:
    """The bylaws folder in use; refuses (exit 2) one that is missing or holds no bylaws."""
    if _bylaws_override is not None:
        root, source = _bylaws_override, "--bylaws-dir"
    elif os.environ.get(ENV_VAR):
        root, source = Path(os.environ[ENV_VAR]), ENV_VAR
    else:
        root, source = shipped("bylaws"), None
    if not root.is_dir():
        raise InputError("errors.bylaws-folder-missing-from" if source else "errors.bylaws-folder-missing",
                         {"source": source}, file=str(root), hint=Message("errors.hint/bylaws-folder", {"variable": ENV_VAR}))
    if not any(p.is_file() for p in root.rglob("*.yaml")):
        raise InputError("errors.bylaws-folder-empty-from" if source else "errors.bylaws-folder-empty",
                         {"source": source}, file=str(root), hint=Message("errors.hint/bylaws-folder", {"variable": ENV_VAR}))
    return root


def scenarios_dir() -> Path:
    """The shipped example scenarios (meetings with their expected verdicts)."""
    return shipped("scenarios")


def display_path(path: Path | str) -> str:
    """A shipped file's path as the user knows it (``scenarios/…``); other paths as given.

    >>> display_path(shipped("scenarios") / "folloradet" / "x.yaml")
    'scenarios/folloradet/x.yaml'
    >>> display_path("/tmp/mine.yaml")
    '/tmp/mine.yaml'
    """
    resolved = Path(path).resolve()
    for name in SHIPPED:
        base = shipped(name).resolve()
        if resolved.is_relative_to(base):
            return str(Path(name) / resolved.relative_to(base))
    return str(path)
