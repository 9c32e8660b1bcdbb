"""The page's words in the page's language, from the message catalogues (engine/messages).

The templates get them as `t` and the page's script as JSON (`T`): the catalogue's `web.page`
messages, and the words of values (an outcome, a severity, a layer, a decision's status, an
error's effect, a right, a kind of deputy) from the same word groups the reports use, so the page
and `vedtekt check` word a verdict alike.

>>> page_words("en")["rejected"], page_words("nb")["rejected"]
('rejected', 'forkastet')
>>> page_words("nb")["layers"]["bylaws"]
'vedtektene'
"""
from __future__ import annotations

from functools import cache

from engine.render.catalogue import DEFAULT_LANG, LANGS, catalogue


@cache
def page_words(lang: str) -> dict:
    """Every word of the page in `lang` (nb or en), keyed as the templates and the script use them."""
    words = catalogue(lang)["words"]
    report = catalogue(lang)["messages"]["check"]["report"]
    return {**catalogue(lang)["messages"]["web"]["page"],
            **words["outcome"], **words["severity"], **words["check-report-effect"],
            **words["right"], **words["deputy-kind"],
            "valid": report["valid"], "invalid": report["invalid"],
            "layers": words["check-report-layer"], "decision": words["check-report-status"]}


def other_lang(lang: str) -> str:
    """The language the page's switch offers: the other one of the two.

    >>> other_lang("nb"), other_lang("en")
    ('en', 'nb')
    """
    return next(other for other in LANGS if other != lang)


def lang_of(request) -> str:
    """`?lang=en` or the `lang` cookie; Norwegian bokmål otherwise."""
    lang = request.query_params.get("lang") or request.cookies.get("lang") or DEFAULT_LANG
    return lang if lang in LANGS else DEFAULT_LANG
