"""The message catalogues (issue 11): both languages have the same ids and the same arguments."""
from __future__ import annotations

from engine.render.catalogue import LANGS, catalogue, fields_of


def _flatten(node, prefix=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _flatten(value, f"{prefix}{key}.")
    else:
        yield prefix[:-1], node


def test_every_language_has_the_same_ids():
    ids = {lang: {k for k, _ in _flatten(catalogue(lang))} for lang in LANGS}
    assert ids["nb"] == ids["en"], ids["nb"] ^ ids["en"]


def test_every_message_uses_the_same_arguments_in_every_language():
    nb, en = dict(_flatten(catalogue("nb"))), dict(_flatten(catalogue("en")))
    differ = {k: (fields_of(nb[k]), fields_of(en[k])) for k in nb
              if isinstance(nb[k], str) and fields_of(nb[k]) != fields_of(en[k])}
    assert differ == {}
