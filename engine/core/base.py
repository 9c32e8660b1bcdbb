"""The one base class of every model, input and output: strict and immutable.

`extra="forbid"` refuses a misspelt key in a hand-written file instead of ignoring it; `frozen`
makes a model a value (it cannot change after validation, and it can be a cache key when its
fields are hashable); `populate_by_name` lets a field with an alias (`from`, `for`) be built by
its Python name too.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
