"""Name folding so that 'Ås', 'aas' and 'AAS' meet, and 'Nordre-Follo' matches 'nordre follo'."""
from __future__ import annotations

import re
import unicodedata

_SPELLED = (("æ", "ae"), ("ø", "oe"), ("å", "aa"))


def fold(name: str) -> str:
    """Lower-case, æøå spelled out, hyphens/underscores/spaces removed, accents dropped."""
    text = name.casefold()
    for letter, spelled in _SPELLED:
        text = text.replace(letter, spelled)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s\-_./]+", "", text)
