"""Every mutant of tools/mutate.py still finds the text it changes.

A mutant whose text was rewritten away cannot be applied, so the mutation run would stop at it (or,
left out, would silently test less): this holds the list to the code as it is, at every commit,
without running the (slow) mutation campaign itself.
"""
from __future__ import annotations

import importlib.util
import sys

import pytest

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("mutate", ROOT / "tools" / "mutate.py")
mutate = sys.modules.setdefault("mutate", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(mutate)  # registered first: its dataclasses look their module up


@pytest.mark.parametrize("number, mutant", list(enumerate(mutate.MUTANTS, start=1)),
                         ids=lambda x: str(x) if isinstance(x, int) else "")
def test_the_mutant_applies_and_changes_its_file(number, mutant):
    text = (ROOT / mutant.file).read_text(encoding="utf-8")
    mutated = mutate._apply(text, mutant)  # SystemExit naming the mutant when its text is gone
    assert mutated != text, (number, mutant.what)
    if mutant.file.endswith(".py"):  # a code mutant still compiles (one that names a gone
        compile(mutated, mutant.file, "exec")  # attribute is found by the campaign: «broken»)