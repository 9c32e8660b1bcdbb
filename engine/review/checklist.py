"""The § 18-4 fourth paragraph checklist: what the agreement must settle, letters a to h.

Kommuneloven § 18-4 fourth paragraph (2018 wording):
  "Samarbeidsavtalen skal fastsette
   a) rådets navn
   b) om rådet er et eget rettssubjekt
   c) hvor mange medlemmer den enkelte deltakeren skal ha i representantskapet
   d) hvilke saker rådet skal kunne behandle
   e) hvilken myndighet som er lagt til rådet
   f) den enkelte deltakerens eierandel i rådet og ansvarsandel for rådets forpliktelser hvis
      ansvarsandelen avviker fra eierandelen
   g) hvordan deltakerne kan tre ut av rådet
   h) hvordan rådet skal oppløses, blant annet hvem som skal ha ansvaret for oppbevaringen av
      rådets arkiver etter at rådet er oppløst."

Each letter is recognised by what a sentence says (bokmål and nynorsk), not only by a heading:
a clause headed "Økonomi" that fixes the shares satisfies f.
"""
from __future__ import annotations

import re

from .model import ChecklistEntry, Location
from .parse import Draft
from .text import Sentence, all_sentences

ITEM = "kommuneloven § 18-4 fjerde ledd bokstav {letter}"

LABELS = {
    "a": ("rådets navn", "the council's name"),
    "b": ("om rådet er et eget rettssubjekt", "whether the council is a separate legal entity"),
    "c": ("antall medlemmer per deltaker i representantskapet",
          "the number of members each participant has in the representantskap"),
    "d": ("hvilke saker rådet kan behandle", "which matters the council may deal with"),
    "e": ("hvilken myndighet som er lagt til rådet", "what authority the council has"),
    "f": ("eierandeler (og ansvarsandeler)", "ownership (and liability) shares"),
    "g": ("hvordan en deltaker kan tre ut", "how a participant may withdraw"),
    "h": ("hvordan rådet oppløses, herunder arkivansvar",
          "how the council is dissolved, including who keeps the archives"),
}

_I = re.IGNORECASE
PATTERNS: dict[str, list[re.Pattern]] = {
    "a": [re.compile(r"\b(?:navn|namn|navnet|namnet)\s+(?:er|skal\s+være|skal\s+vere|blir|vert)\b", _I),
          re.compile(r"\b(?:kalt|heter|heiter|kalla|benevnt)\s+«?[A-ZÆØÅ]", _I)],
    "b": [re.compile(r"\b(?:eget|eige|sitt\s+eige|selvstendig|sjølvstendig)\s+"
                     r"(?:rettssubjekt|juridisk\w*\s+(?:enhet|eining|einheit|person))", _I),
          re.compile(r"\brettssubjekt\b", _I)],
    "c": [re.compile(r"(?:hver|hvert|kvar|kvart|den\s+enkelte)\s+(?:deltaker|deltakar|kommune|"
                     r"medlemskommune|deltakerkommune|deltakarkommune)\w*[^.]{0,80}?"
                     r"\b(?:medlem|representant)\w*", _I),
          re.compile(r"\b(?:medlem\w*|representant\w*)\s+(?:fra|frå)\s+(?:hver|hvert|kvar|kvart)\b", _I),
          re.compile(r"\bordfør\w*[^.]{0,40}\b(?:er|representerer)\s+(?:kommunen|deltaker|deltakar)", _I),
          re.compile(r"^\s*\|[^\n]*(?:medlemmer|representanter|seter)[^\n]*\|", _I | re.M)],
    "d": [re.compile(r"\b(?:formål|føremål|formålet|føremålet)\b", _I),
          re.compile(r"\b(?:skal|kan)\s+(?:behandle|handsame|ta\s+opp|arbeide\s+med|arbeide\s+for|"
                     r"arbeide\s+med)\b[^.]{0,40}\b(?:saker|spørsmål|oppgaver|oppgåver|interesse)", _I),
          re.compile(r"\b(?:rådets|rådet\s+sine)\s+(?:oppgaver|oppgåver|arbeidsområde\w*)\b", _I)],
    "e": [re.compile(r"\b(?:myndighet|mynde|fullmakt)\b", _I)],
    "f": [re.compile(r"\b(?:eierandel\w*|eigarandel\w*|eigardel\w*|ansvarsandel\w*|eierbrøk)\b", _I)],
    "g": [re.compile(r"\b(?:tre\s+ut|trer\s+ut|tre\s+ut|uttreden|uttre|utmelding|utmeld\w*|"
                     r"melde\s+seg\s+ut|seie\s+opp\s+deltak\w*|si\s+opp\s+deltak\w*)\b", _I)],
    "h": [re.compile(r"\b(?:oppløs\w*|oppløys\w*|avvikl\w*|nedlegg\w*|leggjast\s+ned|legges\s+ned)\b", _I)],
}
_ARCHIVES = re.compile(r"\barkiv\w*", _I)

# A clause whose heading names the topic is the better answer than one that only mentions it
# ("fordeles etter eierandelene i § 8" in the dissolution clause does not settle the shares).
HEADINGS = {
    "a": r"navn|namn", "b": r"rettslig|rettssubjekt|status", "c": r"representantskap|sammensetning|samansetjing",
    "d": r"formål|føremål|saker|oppgaver|oppgåver", "e": r"myndighet|mynde|fullmakt",
    "f": r"økonomi|økonomisk|eierandel|eigarandel|ansvar", "g": r"uttreden|uttreding|utmelding|uttre",
    "h": r"oppløsning|oppløysing|avvikling|nedlegging",
}


def checklist(draft: Draft) -> tuple[list[ChecklistEntry], dict[str, Sentence]]:
    """One entry per letter; also the sentence that satisfied each present letter."""
    found: dict[str, Sentence] = {}
    sentences = all_sentences(draft.clauses)
    for letter, patterns in PATTERNS.items():
        hit = _first_match(sentences, patterns, letter)
        if hit is not None:
            found[letter] = hit
    entries = [entry(letter, found[letter].location() if letter in found else None)
               for letter in PATTERNS]
    return entries, found


def entry(letter: str, location: Location | None) -> ChecklistEntry:
    return ChecklistEntry(letter=letter, item=ITEM.format(letter=letter),
                          status="present" if location else "missing", location=location)


def _first_match(sentences: list[Sentence], patterns: list[re.Pattern], letter: str):
    """The best sentence for a letter, chosen by what the clauses say and their numbers, so that
    the answer does not depend on the order of the clauses in the file."""
    candidates = [(_rank(sentence, index, letter), sentence)
                  for index, pattern in enumerate(patterns) for sentence in sentences
                  if pattern.search(sentence.text) and not _merely_cites_law(sentence.text, letter)]
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def _rank(sentence: Sentence, pattern_index: int, letter: str) -> tuple:
    clause = sentence.clause
    named = bool(re.search(HEADINGS[letter], clause.heading, _I)) and clause.headed
    number = tuple(int(p) for p in re.findall(r"\d+", clause.number or "")) or (10 ** 6,)
    return (not named, pattern_index, number, clause.heading, sentence.start)


def _merely_cites_law(text: str, letter: str) -> bool:
    """'kommuneloven § 18-1 andre ledd om myndighet' names the topic without settling it."""
    return letter == "e" and bool(re.search(r"\b(?:ikke|ikkje)\s+(?:nevnt|omtalt)", text, _I))


def archives_settled(draft: Draft, dissolution: Sentence) -> bool:
    """Letter h asks who keeps the archives: look in the dissolution clause."""
    return bool(_ARCHIVES.search(dissolution.clause.text))
