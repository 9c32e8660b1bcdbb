"""The one base class of every model, input and output: strict, immutable and hashable.

`extra="forbid"` refuses a misspelt key in a hand-written file instead of ignoring it; `frozen`
makes a model a value (it cannot change after validation); `populate_by_name` lets a field with an
alias (`from`, `for`) be built by its Python name too.

A model whose fields are hashable (tuples, dates, strings, other frozen models, `FrozenDict`) is
hashable by value, so a bylaws `Document` can be a `functools.cache` key: equal documents hash
equal, and the hash is computed once per object (a document's hash walks every roster holding).

>>> class Point(Frozen):
...     x: int
...     tags: FrozenDict[str, str] = FrozenDict()
>>> a, b = Point(x=1, tags={"k": "v"}), Point(x=1, tags={"k": "v"})
>>> a == b and hash(a) == hash(b) and hash(a.model_copy(update={"x": 2})) == hash(Point(x=2, tags={"k": "v"}))
True
>>> a.tags["k"] = "w"
Traceback (most recent call last):
...
TypeError: FrozenDict is immutable
>>> a.model_dump()
{'x': 1, 'tags': {'k': 'v'}}

A `functools.cached_property` of a model (e.g. the rule book's compiled rules) is kept beside the
fields: a copy with other fields, or a pickle, leaves it behind and derives it afresh.
"""
from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, GetCoreSchemaHandler
from pydantic_core import core_schema

K = TypeVar("K")
V = TypeVar("V")

# where a model keeps its memoised hash: in the instance dict, beside (not among) its fields;
# pydantic's equality, dumps and repr look at fields only
_HASH_KEY = "_frozen_hash"


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    def __hash__(self) -> int:
        cached = self.__dict__.get(_HASH_KEY)
        if cached is None:
            values = self.__dict__
            cached = hash((type(self), *(values[name] for name in self.__pydantic_fields__)))
            values[_HASH_KEY] = cached
        return cached

    def model_copy(self, *, update: dict[str, Any] | None = None, deep: bool = False):
        copied = super().model_copy(update=update, deep=deep)
        # the copy's fields may differ: its hash and anything a cached_property derived from the
        # fields (kept in the instance dict beside them) are found afresh
        for key in [k for k in copied.__dict__ if k not in self.__pydantic_fields__]:
            del copied.__dict__[key]
        return copied

    def __getstate__(self) -> dict[Any, Any]:
        # the fields only: string hashes differ between processes (PYTHONHASHSEED), so a memoised
        # hash is never pickled, and neither is a cached_property's value (a compiled function)
        state = super().__getstate__()
        fields = self.__pydantic_fields__
        return {**state, "__dict__": {k: v for k, v in state["__dict__"].items() if k in fields}}


class FrozenDict(dict, Generic[K, V]):
    """A dict that cannot change and hashes by its items: the mapping fields of frozen models.

    Validated like `dict[K, V]` (the YAML stays a mapping) and dumped as a plain dict.
    """

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def _immutable(self, *_args, **_kwargs):
        raise TypeError("FrozenDict is immutable")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _immutable  # type: ignore
    __ior__ = _immutable  # type: ignore

    def __reduce__(self):
        return (type(self), (dict(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, _memo):
        return self

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler):
        args = getattr(source, "__args__", None) or (Any, Any)
        as_dict = handler.generate_schema(dict[args[0], args[1]])  # type: ignore[valid-type]
        return core_schema.no_info_after_validator_function(cls, as_dict)
