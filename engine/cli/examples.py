"""`vedtekt examples DIR`: copy the shipped example meetings, payments and drafts to a folder.

After `pip install vedtekt` the examples live inside the installed package; this puts a copy
where the user can read, edit and check them (`vedtekt check DIR/scenarios/`).
"""
from __future__ import annotations

import shutil
from pathlib import Path

import click

from engine.cli.click_words import WordedCommand
from engine.core.errors import InputError, Message
from engine.cli.options import lang_option
from engine.core.resources import shipped
from engine.render.catalogue import message

EXAMPLE_FOLDERS = ("scenarios", "scenarios-payments", "drafts")


def copy_examples(target: Path) -> list[Path]:
    """Copy the example folders into `target` (created); refuses to overwrite any of them."""
    if target.exists() and not target.is_dir():
        raise InputError("errors.exists-not-folder", file=str(target))
    existing = [target / name for name in EXAMPLE_FOLDERS if (target / name).exists()]
    if existing:
        raise InputError("errors.folder-exists", {"name": existing[0].name}, file=str(target),
                         hint=Message("errors.hint/other-folder"))
    copied = []
    for name in EXAMPLE_FOLDERS:
        shutil.copytree(shipped(name), target / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        copied.append(target / name)
    return copied


@click.command(cls=WordedCommand)
@click.argument("target", metavar="MAPPE", type=click.Path(file_okay=False, path_type=Path))
@lang_option
def examples(target, lang):
    """Kopier eksempelmøtene (scenarios/), betalingene (scenarios-payments/) og avtaleutkastene
    (drafts/) som følger med vedtekt, til MAPPE, slik at du kan lese, endre og sjekke dem.

    Eksempel: vedtekt examples mine-eksempler && vedtekt check mine-eksempler/scenarios/
    """
    for folder in copy_examples(target):
        count = sum(1 for p in folder.rglob("*") if p.is_file())
        click.echo(message("cli.examples-copied", lang, {"folder": folder, "count": count}))
