"""HTML pages from Jinja2 templates: one environment, one stylesheet, every word from the catalogues.

Every HTML output of the CLI (check, review, transition, authority show) is a template in
`engine/render/templates/` rendered here. Autoescape is on for every template, so text from the
input (a scenario's title, a draft's heading, a name in the bylaws) is always escaped; nothing in
this module or the templates marks user text as safe. The stylesheet `templates/style.css` is
included into each page's `<style>`, so a page is one self-contained file (no CSS, script or
font to fetch). The words around the data come from the message catalogues: `msg("check.html-title")`
and `word("severity", "error")` inside a template.

>>> page = check_page([], "en")
>>> page.startswith("<!DOCTYPE html>"), '<html lang="en">' in page, "0 scenarios: 0 valid" in page
(True, True, True)
"""
from __future__ import annotations

from functools import cache, partial
from typing import Any

import jinja2

from engine.render import catalogue
from engine.render.finding_text import difference_message, finding_message


@cache
def environment() -> jinja2.Environment:
    """The one Jinja2 environment: package templates, autoescape on, undefined names an error."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("engine.render", "templates"),
        autoescape=True,  # every template: .html.j2 is not an extension select_autoescape knows
        undefined=jinja2.StrictUndefined,  # a misspelt variable is a bug, not an empty cell
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def render_page(template: str, lang: str, **context: Any) -> str:
    """The page `template` in `lang` (nb or en): `<html lang>` and every word in that language."""
    if lang not in catalogue.LANGS:
        raise ValueError(f"no catalogue for language {lang!r}; have {catalogue.LANGS}")
    words = {"lang": lang, "msg": partial(_message, lang), "word": partial(_word, lang)}
    return environment().get_template(template).render(**words, **context)


def _message(lang: str, message_id: str, **args: Any) -> str:
    return catalogue.message(message_id, lang, args)


def _word(lang: str, group: str, value: str) -> str:
    return catalogue.word(group, value, lang)


def check_page(verdicts, lang: str = catalogue.DEFAULT_LANG) -> str:
    """`vedtekt check --format html`: one page, per scenario a table of its cases and one of its
    findings, with the summary lines of the text report on top."""
    with_expected = [v.expected.matches for v in verdicts if v.expected is not None]
    valid = sum(v.valid for v in verdicts)
    summary = {"n": len(verdicts), "valid": valid, "invalid": len(verdicts) - valid,
               "expected": len(with_expected) if with_expected else None,
               "matching": sum(with_expected)}
    return render_page("check.html.j2", lang, verdicts=verdicts, summary=summary,
                       describe=partial(finding_message, lang=lang),
                       difference=partial(difference_message, lang=lang))


def authority_page(graph: dict, lang: str = catalogue.DEFAULT_LANG, names: dict[str, str] | None = None) -> str:
    """`vedtekt authority show --format html`: the graph's nodes, relations and decision powers as
    tables, each row with its citation. `graph` is `engine.render.authority.to_json`'s dict; `names`
    the nodes' names in `lang` where they differ from the JSON's labels (derived offices)."""
    labels = {n["id"]: n["label"] for n in graph["nodes"]} | (names or {})
    return render_page("authority.html.j2", lang, g=graph, label=lambda node: labels.get(node, node))
