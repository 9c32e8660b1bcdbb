"""Properties as data: a council's own (bylaws/properties/<document>.yaml) or a file given with
--properties, in the declared form of engine.analyses.verify.properties.DeclaredProperty."""
from __future__ import annotations

from pathlib import Path

from engine.core.errors import InputError, at, did_you_mean
from engine.analyses.verify.rules import CouncilRules


def properties_dir() -> Path:
    from engine.core.library import bylaws_dir

    return bylaws_dir() / "properties"


def load(rules: CouncilRules, path: Path | None = None) -> list:
    from engine.core.load import validate
    from engine.core.yamlio import load_yaml
    from engine.analyses.verify.properties import PropertyFile

    files = [path] if path is not None else []
    if path is None and rules.document:
        own = properties_dir() / f"{rules.document}.yaml"
        files += [own] if own.exists() else []
    found = []
    for file in files:
        located = load_yaml(file)
        props = validate(located, PropertyFile).properties
        for i, prop in enumerate(props):
            known = {k for kind in rules.kinds for k in kind.kinds}
            if prop.case_kind not in known:
                line = located.line_of(("properties", i, "case_kind"))
                raise InputError("errors.unknown-voted-case-kind", {"id": prop.case_kind, "organ": rules.organ_name},
                                 file=str(file), where=at(line, f"properties.{i}.case_kind"),
                                 hint=did_you_mean(prop.case_kind, sorted(known)))
        found += props
    return found
