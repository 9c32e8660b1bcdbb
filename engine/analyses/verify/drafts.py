"""A draft agreement's decision rules for `vedtekt verify --draft FILE`: read by the review's own
extraction (engine.analyses.review: participants, seats, quorum, majorities), so verify and review judge
the same rules. Where the draft is silent the statute stands in, marked as an assumption."""
from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path

from engine.core.errors import InputError, Message
from engine.analyses.verify.rules import CouncilRules, KindRule, QuorumRule

_ASSUMED = {
    "seats": "Ett medlem per deltaker (utkastet oppgir ikke antall medlemmer).",
    "quorum": "Vedtaksførhet etter kommuneloven § 11-9 første ledd (halvparten av medlemmene til stede og stemmer).",
    "majority": "Flertall av avgitte stemmer med møteleders dobbeltstemme (kommuneloven § 11-9 andre ledd).",
    "amendment": "Minst 2/3 av avgitte stemmer for andre avtaleendringer (kommuneloven § 18-4 tredje ledd).",
}
_CHAIR = ("Hvem som leder møtet, er ikke knyttet til en bestemt deltaker: møtelederen kan være et hvilket "
          "som helst medlem som er til stede (utkastet gir ikke ledelsen på en gitt dato).")


def draft_rules(path: Path, on: date | None = None) -> CouncilRules:
    from engine.analyses.review.parse import read_draft

    return rules_of_draft(read_draft(Path(path)), on, path)


def rules_of_draft(draft, on: date | None = None, path: Path | str | None = None) -> CouncilRules:
    """The decision rules of a draft already read (engine.analyses.review.parse.Draft): the review
    quotes verify's answers on the very text it reviewed."""
    from engine.analyses.review.decisions import decision_rules
    from engine.analyses.review.extract import participants, seats

    people, _ = participants(draft)
    found = decision_rules(draft, people, seats(draft))
    if found is None:
        raise InputError("errors.draft-without-participants", file=str(path or draft.file),
                         hint=Message("errors.hint/list-participants"))
    r = found.rules
    stated = "quorum" not in found.assumed
    quorum = QuorumRule(r.quorum, r.quorum_basis, _where(found.quorum_at, "kommuneloven § 11-9 første ledd"),
                        "bylaws" if stated else "statute-mandatory", r.quorum_min)
    kinds = [_kind("ordinary", "ordinær sak", found.ordinary, _where(found.majority_at, "kommuneloven § 11-9 andre ledd")),
             KindRule(id="valg", label="valg", kinds=("valg",), election=True, blank_allowed=True,
                      citation="kommuneloven § 11-9 andre ledd; § 7-8"),
             _kind("avtaleendring", "endring i samarbeidsavtalen", found.amendment, "kommuneloven § 18-4 tredje ledd")]
    notes = tuple(_ASSUMED[a] for a in found.assumed if a in _ASSUMED) + (_CHAIR,)
    return CouncilRules(title=draft.title, organ="representantskapet", organ_name="Representantskapet",
                        names=r.names, seats=r.seats, quorums=(quorum,), kinds=tuple(kinds),
                        citations={"casting-vote": "kommuneloven § 11-9 andre ledd andre punktum"},
                        on=on, document=None, assumptions=notes, source="draft")


def _where(location, fallback: str) -> str:
    if location is None:
        return fallback
    return f"utkastet {location.heading}, linje {location.line}"


def _kind(kind_id: str, label: str, threshold, citation: str) -> KindRule:
    simple = threshold.fraction == Fraction(1, 2) and threshold.strict
    return KindRule(id=kind_id, label=label, kinds=(kind_id,), qualified=None if simple else threshold.fraction,
                    casting_vote=threshold.casting_vote, citation=citation)
