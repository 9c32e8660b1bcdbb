"""Load YAML files into the strict models, turning validation errors into located messages."""
from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from engine.core.errors import InputError, did_you_mean
from engine.core.safetext import quote
from engine.core.yamlio import Located, load_yaml

M = TypeVar("M", bound=BaseModel)


def load_model(path: Path | str, model: type[M]) -> M:
    located = load_yaml(path)
    if not isinstance(located.data, dict):
        raise InputError("forventet en YAML-mapping (nøkkel: verdi) øverst i filen",
                         file=located.file, where="linje 1")
    return validate(located, model)


def validate(located: Located, model: type[M]) -> M:
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        raise _located_error(exc, located, model) from None


def _located_error(exc: ValidationError, located: Located, model: type[BaseModel]) -> InputError:
    errors = exc.errors(include_url=False)
    # a misspelt key also makes the right one "missing": report the unknown key (with its
    # did-you-mean) first
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = tuple(first["loc"])
    line = located.line_of(loc)
    path = quote(".".join(str(p) for p in loc)) or "(toppnivå)"
    where = f"linje {line}, nøkkel {path}" if line else f"nøkkel {path}"
    hint = None
    if first["type"] == "extra_forbidden":
        message = f"ukjent nøkkel '{quote(loc[-1])}'"
        fields = _fields_at(model, loc[:-1])
        hint = did_you_mean(str(loc[-1]), fields) if fields else None
    elif first["type"] == "missing":
        message = f"mangler påkrevd nøkkel '{loc[-1]}'"
    else:
        message = f"ugyldig verdi: {first['msg']}"
        if "input" in first and not isinstance(first["input"], (dict, list)):
            message += f" (fikk «{quote(first['input'])}»)"
    if len(errors) > 1:
        message += f" (og {len(errors) - 1} feil til)"
    return InputError(message, file=located.file, where=where, hint=hint)


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names (and aliases) of the model reached by `loc`, for 'did you mean'."""
    current: object = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields:
            return []
        field = next((f for n, f in fields.items() if part in (n, f.alias)), None)
        if field is None:
            return []
        current = _inner_model(field.annotation)
    fields = getattr(current, "model_fields", None) or {}
    return [f.alias or n for n, f in fields.items()]


def _inner_model(annotation) -> object:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
