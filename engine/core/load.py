"""Load YAML files into the strict models, turning validation errors into located messages."""
from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from engine.core.errors import InputError, Message, at, did_you_mean
from engine.core.safetext import quote
from engine.core.yamlio import Located, load_yaml

M = TypeVar("M", bound=BaseModel)


def load_model(path: Path | str, model: type[M]) -> M:
    return load_located(path, model)[0]


def load_located(path: Path | str, model: type[M]) -> tuple[M, Located]:
    """A YAML mapping validated as `model`, with its line map (for checks that point at a key)."""
    located = load_yaml(path)
    if not isinstance(located.data, dict):
        raise InputError("errors.mapping-expected", file=located.file, where=at(1))
    return validate(located, model), located


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
    path = quote(".".join(str(p) for p in loc)) or Message("errors.where/top-level")
    hint = None
    message = error_message(first)
    if first["type"] == "extra_forbidden":
        fields = _fields_at(model, loc[:-1])
        hint = did_you_mean(str(loc[-1]), fields) if fields else None
    if len(errors) > 1:
        message = Message("errors.and-more", {"message": message, "n": len(errors) - 1})
    return InputError(message.id, message.args, file=located.file, where=at(line, path), hint=hint)


#: pydantic's error types that the catalogues word (errors.pydantic/<type>, arguments from the
#: error's ctx); any other type is worded by errors.pydantic/other with the key path
TRANSLATED = frozenset({
    "model_type", "model_attributes_type", "dict_type", "list_type", "tuple_type", "set_type",
    "frozen_set_type", "string_type", "string_too_short", "string_too_long", "string_pattern_mismatch",
    "int_type", "int_parsing", "int_parsing_size", "int_from_float", "float_type", "float_parsing",
    "bool_type", "bool_parsing", "none_required", "greater_than", "greater_than_equal", "less_than",
    "less_than_equal", "multiple_of", "finite_number", "too_short", "too_long", "literal_error", "enum",
    "date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact",
    "datetime_type", "datetime_parsing", "fraction_type", "fraction_parsing", "decimal_type",
    "decimal_parsing", "union_tag_invalid", "union_tag_not_found", "is_instance_of", "invalid_key",
    "iterable_type", "mapping_type", "recursion_loop",
})


def error_message(error: dict) -> Message:
    """One of pydantic's errors (an item of `ValidationError.errors()`) as a catalogue message:
    an unknown key, a missing key, or `ugyldig verdi: …` (also for the web API's query errors)."""
    loc = tuple(error.get("loc", ())) or ("",)
    if error["type"] == "extra_forbidden":
        return Message("errors.unknown-key", {"key": quote(loc[-1])})
    if error["type"] == "missing":
        return Message("errors.missing-key", {"key": loc[-1]})
    return _invalid_value(error, quote(".".join(str(p) for p in loc if p != "")) or Message("errors.where/top-level"))


def _invalid_value(error: dict, path) -> Message:
    """`ugyldig verdi: …` in the catalogues' words for pydantic's error type and ctx.

    The project's own validators raise PydanticCustomError whose type is a catalogue id
    (errors.…) with its arguments as ctx; pydantic's types are worded from TRANSLATED."""
    kind, ctx = error["type"], dict(error.get("ctx") or {})
    if kind.startswith("errors."):
        problem = Message(kind, ctx)
    elif kind in TRANSLATED:
        if "expected" in ctx:  # literal_error, enum: "'a', 'b' or 'c'" → a list in either language
            ctx["expected"] = [quote(v.strip("'")) for v in re.split(r", | or ", str(ctx["expected"]))]
        problem = Message(f"errors.pydantic/{kind}", {k: v for k, v in ctx.items() if k != "error"})
    else:
        problem = Message("errors.pydantic/other", {"key": path})
    if "input" in error and not isinstance(error["input"], (dict, list)):
        return Message("errors.invalid-value-got", {"problem": problem, "input": quote(error["input"])})
    return Message("errors.invalid-value", {"problem": problem})


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
