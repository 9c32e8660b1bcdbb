"""`vedtekt verify`: the thin click layer (parse, call engine.analyses.verify.api, render)."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import click

from engine.cli.click_words import WordedCommand
from engine.core.errors import InputError, Message
from engine.cli.options import complete_organ, council_option, date_option, format_option, lang_option


def _require_solver() -> None:
    from engine.analyses.verify.encode import z3

    if z3 is None:
        raise InputError("errors.z3-not-installed", hint="pip install 'vedtekt[verify]'")


def _range(text: str | None, option: str) -> tuple[int, int] | None:
    if text is None:
        return None
    low, sep, high = text.partition("..")
    try:
        lo, hi = int(low), int(high if sep else low)
    except ValueError:
        raise InputError("errors.invalid-range", {"text": text}, where=option,
                         hint=Message("errors.hint/range-form")) from None
    if lo < 1 or hi < lo:
        raise InputError("errors.invalid-range", {"text": text}, where=option, hint=Message("errors.hint/range-bounds"))
    return lo, hi


@click.command(cls=WordedCommand)
@council_option
@click.option("--organ", shell_complete=complete_organ, help="organet (standard: det øverste organet)")
@date_option(help="datoen reglene gjelder (ÅÅÅÅ-MM-DD; standard: i dag)")
@click.option("--draft", type=click.Path(path_type=Path), help="et avtaleutkast (.md, .txt, .docx) i stedet for vedtektene")
@click.option("--property", "wanted", multiple=True, help="bare denne egenskapen (kan gjentas)")
@click.option("--properties", "declared_file", type=click.Path(path_type=Path),
              help="en fil med egne egenskaper (properties: ...)")
@click.option("--participants", help="antall deltakere som intervall, f.eks. 2..60 (alle størrelser på én gang)")
@click.option("--seats-per-participant", "seats", help="seter per deltaker som intervall, f.eks. 1..5")
@click.option("--counterexamples", type=click.Path(path_type=Path), help="skriv motbevisene som scenariofiler hit")
@format_option("text", "json")
@lang_option
def verify(council, organ, on, draft, wanted, declared_file, participants, seats, counterexamples, fmt, lang):
    """Bevis egenskaper ved rådets beslutningsregler (vedtaksførhet, flertall, dobbeltstemme,
    kvalifisert flertall, blanke stemmer, seter per deltaker) for alle oppmøte- og
    stemmemønstre, med en SMT-løser (z3). Hver egenskap holder, eller den brytes av et konkret
    møte, som kan skrives som scenariofil (--counterexamples) og vurderes av vedtekt check.
    Exit 0 når alle holder, 1 når en brytes, 2 ved feil i input.

    Eksempel: vedtekt verify --council follo --date 2022-01-01
    """
    from engine.analyses.verify import api
    from engine.render import verify as render

    _require_solver()
    day = on or date.today()
    if draft is not None:
        from engine.analyses.verify.drafts import draft_rules
        rules = draft_rules(draft, day if on else None)
    else:
        rules = api.council_rules(council, organ, day)
    part_range, seat_range = _range(participants, "--participants"), _range(seats, "--seats-per-participant")
    if part_range is not None or seat_range is not None:
        part_range = part_range or (rules.n, rules.n)
        seat_range = seat_range or (1, 1)
    result = api.run(rules, set(wanted) or None, declared_file,
                     counterexamples if draft is None else None, describe=lambda a: render.answer_text(a, "nb"))
    if part_range is not None:
        from engine.analyses.verify.ranges import over_sizes
        result.ranges = over_sizes(rules, part_range, seat_range or (1, 1), set(wanted) or None)
    if wanted:
        every = result.answers + result.ranges
        known = {a.id for a in every} | {a.id.rsplit(":", 1)[0] for a in every}
        unknown = [w for w in wanted if w not in known]
        if unknown:
            from engine.core.errors import did_you_mean
            from engine.analyses.verify.properties import BUILTIN
            raise InputError("errors.unknown-property", {"id": unknown[0]}, where="--property",
                             hint=did_you_mean(unknown[0], sorted(set(BUILTIN) | known)))
        result.answers = [a for a in result.answers if a.id in wanted or a.id.rsplit(":", 1)[0] in wanted]
    if fmt == "json":
        click.echo(json.dumps(render.as_json(result, lang), ensure_ascii=False, indent=2))
    else:
        click.echo(render.as_text(result, lang))
    raise SystemExit(0 if result.all_hold else 1)
