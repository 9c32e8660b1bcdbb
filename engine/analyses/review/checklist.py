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

from engine.analyses.review.model import ChecklistEntry, Location
from engine.analyses.review.parse import Draft
from engine.analyses.review.text import Sentence, all_sentences

from engine.analyses.review.checks import declared, letter_patterns

ITEM = "kommuneloven § 18-4 fjerde ledd bokstav {letter}"
_I = re.IGNORECASE

# Heading words and the patterns of each letter are data (engine/analyses/review/checks.yaml); the
# words for each letter are in the message catalogues (words.review-letter).
PATTERNS: dict[str, list[re.Pattern]] = letter_patterns()
# A clause whose heading names the topic is the better answer than one that only mentions it
# ("fordeles etter eierandelene i § 8" in the dissolution clause does not settle the shares).
HEADINGS = {letter: spec.heading for letter, spec in declared().checklist.letters.items()}
_ARCHIVES = re.compile(r"\barkiv\w*", _I)


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
