"""What the web layer asks of the library, without any HTTP: check a scenario given as text,
review an uploaded draft, and keep meetings as YAML files in one folder. Errors are the
library's InputError, with the file named «request» (never a server path)."""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import yaml

from engine.core.errors import InputError, Message, at
from engine.core.library import Library

REQUEST = "request"
MAX_BODY = 2 * 1024 * 1024  # the API's limit on a request body (larger: 413)
REVIEW_SUFFIXES = {".md", ".markdown", ".txt", ".docx", ".yaml", ".yml"}
MEETING_NAME = re.compile(r"^[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå._ -]{0,100}\.ya?ml$")


def as_request(exc: InputError) -> InputError:
    """The same message, naming the request instead of a temporary file."""
    return exc.relocated(REQUEST)


def located_from_bytes(body: bytes | str):
    """Load a scenario body (YAML, or JSON, which is YAML) with the CLI's strict loader, from
    the same bytes, so that every refusal (encoding, NUL, tags, depth …) is the CLI's."""
    from engine.core.yamlio import load_yaml

    raw = body.encode("utf-8") if isinstance(body, str) else body
    with tempfile.TemporaryDirectory(prefix="vedtekt-") as tmp:
        path = Path(tmp) / "scenario.yaml"
        path.write_bytes(raw)
        try:
            located = load_yaml(path)
        except InputError as exc:
            raise as_request(exc) from None
    located.file = REQUEST
    return located


def decode_body(body: bytes) -> str:
    try:
        return body.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        raise InputError("errors.invalid-utf8-request", {"byte": exc.start}, file=REQUEST, where=at(line)) from None


def check_body(body: bytes | str, lang: str = "nb", lib: Library | None = None) -> dict:
    """The scenario's object in `vedtekt check --format json` (its `scenarios[0]`): the body is
    written to a temporary file and judged by the CLI's own `check_file`."""
    from engine.core.errors import InternalError
    from engine.core.evaluate import check_file
    from engine.render.report import scenario_json

    raw = body.encode("utf-8") if isinstance(body, str) else body
    with tempfile.TemporaryDirectory(prefix="vedtekt-") as tmp:
        path = Path(tmp) / "scenario.yaml"
        path.write_bytes(raw)
        try:
            verdict = check_file(path, lib=lib)
        except InputError as exc:
            raise as_request(exc) from None
        except InternalError as exc:  # e.g. the two evaluations disagree: no verdict, and no path
            raise exc.relocated(REQUEST) from None
    return {**scenario_json(verdict, lang), "file": REQUEST}


def scenario_yaml(data: dict) -> str:
    """A scenario (as the page holds it: the file's keys) as the YAML text of a scenario file."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def parse_scenario(body: bytes | str) -> dict:
    """A scenario file's text as plain data for the page (validated like `vedtekt check`)."""
    from engine.core.load import validate
    from engine.core.scenario import Scenario

    located = located_from_bytes(body)
    if not isinstance(located.data, dict):
        raise InputError("errors.mapping-expected-scenario", file=REQUEST, where=at(1))
    try:
        validate(located, Scenario)
    except InputError as exc:
        raise as_request(exc) from None
    return json.loads(json.dumps(located.data, default=str))  # dates as ISO text


def review_upload(filename: str, content: bytes, on: str | None = None, lang: str = "nb") -> dict:
    """`vedtekt review --format json` of an uploaded draft; the upload lives in a temporary
    folder under a fixed name (the client's name only chooses the kind) and is deleted after."""
    from engine.analyses.review import parse_date, review_file
    from engine.render.review import to_dict

    suffix = Path(filename or "").suffix.lower()
    if suffix not in REVIEW_SUFFIXES:
        raise InputError("errors.upload-type", {"suffix": suffix or "-"}, file=REQUEST,
                         where=Message("errors.where/field", {"field": "file"}), hint=Message("errors.hint/upload-types", {"txt": ".txt"}))
    with tempfile.TemporaryDirectory(prefix="vedtekt-review-") as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(content)
        try:
            report = review_file(path, parse_date(on or None))
        except InputError as exc:
            raise as_request(exc) from None
        out = to_dict(report, lang)
    out["file"] = Path(filename).name
    return out


class Meetings:
    """Meetings as scenario files in one folder. Names are checked against a strict pattern and
    the resolved path must stay inside the folder: no client value reaches another path."""

    def __init__(self, root: Path):
        self.root = root.resolve()

    def path(self, name: str) -> Path:
        if not MEETING_NAME.match(name or "") or ".." in name:
            raise InputError("errors.meeting-name", {"name": name}, file=REQUEST, where=Message("errors.where/name"),
                             hint=Message("errors.hint/meeting-name"))
        path = (self.root / name).resolve()
        if path.parent != self.root:
            raise InputError("errors.meeting-name", {"name": name}, file=REQUEST, where=Message("errors.where/name"))
        return path

    def list(self, lang: str = "nb", lib: Library | None = None) -> list[dict]:
        from engine.core.evaluate import check_file

        out = []
        for path in sorted(self.root.glob("*.y*ml")):
            if not MEETING_NAME.match(path.name):
                continue
            entry = {"name": path.name}
            try:
                v = check_file(path, lib=lib)
                entry.update(title=v.name, date=v.date, organ=v.organ, valid=v.valid,
                             errors=sum(f.severity == "error" for f in v.findings))
            except InputError as exc:
                entry.update(valid=None, error=as_request(exc).message_text(lang))
            out.append(entry)
        return out

    def read(self, name: str) -> str:
        path = self.path(name)
        if not path.is_file():
            raise InputError("errors.meeting-missing", file=name)
        return path.read_text(encoding="utf-8")

    def save(self, name: str, text: str) -> None:
        parse_scenario(text)  # only a scenario that loads is written
        self.path(name).write_text(text, encoding="utf-8")
