"""Rewrite internal source references in data files into the public documents they stand for.

Citations must name a source a user can find (not «fakta utdrag 4», «kontekst 2», «issue 3» or
«domain README», which name the project's own notes). Usage:

    python tools/public_citations.py bylaws/**/*.yaml scenarios/**/*.yaml

Comment lines are left alone; a rewritten citation inside a YAML flow mapping ({...}) is
quoted, since the public names contain commas. Prints the number of rewrites per file. Check
the result with `python -m pytest tests/test_install_and_cli_style.py -k internal`.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

#: the excerpts of folloregionen-ipr-2021-fakta.txt, by number, as the public pages they quote
FAKTA = {
    "1": "Nordre Follo kommune, nyhet 11.06.2021",
    "2": "follo.no, «Strategisk plattform vedtatt 17.12.21»",
    "3": "Nordre Follo kommune, «Interkommunalt samarbeid»",
    "4": "follo.no, uttalelse fra Folloregionen IPR om strømkostnader",
    "5": "follo.no, forsiden (ca. sommer 2021)",
}
STATSFORVALTER = "navneskiftet Fylkesmannen → Statsforvalteren 2021-01-01 (ikke i kildene; antakelse)"
FAKTA_REF = re.compile(r"(?:folloregionen-ipr-2021-fakta\.txt utdrag|fakta utdrag) (\d)(?: og (\d))?")
FIXED = [
    ("domain README (Fylkesmannen ble Statsforvalteren 2021-01-01)", STATSFORVALTER),
    ("; domain README (Names that changed)", ""),
    ("domain README; ", ""),
    ("Årsmelding 2017 (issue 3)", "Årsmelding 2017 Follorådet"),
    ("(issue 3, etter Årsmelding 2017)", "(Årsmelding 2017 Follorådet)"),
    ("issue 3 (Årsmelding 2017)", "Årsmelding 2017 Follorådet"),
    ("follorader-vedtekter-2012-delvis.txt kontekst 2 (Ås kommune: Ola Nordal ny leder i Follorådet etter "
     "Tom Anders Ludvigsen)", "Ås kommune, nyhetssak (udatert): Ola Nordal ny leder i Follorådet etter "
     "Tom Anders Ludvigsen"),
    ("med kontekst 2 (Ola Nordal", "med Ås kommunes nyhetssak (Ola Nordal"),
    ("står i oppgaven (issue 3, med Årsmelding 2017 som kilde), ikke i sources/;",
     "står i Årsmelding 2017 Follorådet, ikke i kildetekstene som følger med;"),
    ("(Årsmelding 2017, issue 3;", "(Årsmelding 2017 Follorådet;"),
    ("(issue 3)", ""),
]
FLOW_CITATION = re.compile(r"citation: ([^\"'{}][^{}]*?)(\}|, (?=[a-z_]+: ))")


def _fakta(match: re.Match) -> str:
    out = FAKTA[match.group(1)]
    return out + ("; " + FAKTA[match.group(2)] if match.group(2) else "")


def rewrite_line(line: str) -> tuple[str, int]:
    """The line with internal references replaced, and the number of replacements.

    >>> rewrite_line("  - {id: x, citation: fakta utdrag 2, quote: y}")
    ('  - {id: x, citation: "follo.no, «Strategisk plattform vedtatt 17.12.21»", quote: y}', 1)
    >>> rewrite_line("# fakta utdrag 2 stays in a comment")[1]
    0
    """
    if line.lstrip().startswith("#"):
        return line, 0
    new, count = FAKTA_REF.subn(_fakta, line)
    for old, public in FIXED:
        if old in new:
            count += new.count(old)
            new = new.replace(old, public)
    if count and "{" in new:
        new = FLOW_CITATION.sub(lambda m: f'citation: "{m.group(1)}"{m.group(2)}', new)
    return new, count


def rewrite(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    total = 0
    for i, line in enumerate(lines):
        lines[i], count = rewrite_line(line)
        total += count
    if total:
        path.write_text("\n".join(lines), encoding="utf-8")
    return total


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {rewrite(Path(name))}")
