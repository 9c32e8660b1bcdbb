"""A draft against itself: the same participants everywhere, shares that add up, references that
resolve, and rights that do not contradict each other."""
from __future__ import annotations

import re
from fractions import Fraction

from engine.analyses.review.extract import Named, Seats, Share, key, shares_not_assessable
from engine.analyses.review.model import Finding, Location, finding, sub, wrapped
from engine.analyses.review.parse import Draft
from engine.analyses.review.text import NEGATION, all_sentences

_I = re.IGNORECASE


def participants_consistent(participants: list[Named], elsewhere: dict[str, list[Named]]) -> list[Finding]:
    """Each list of participants (seats, shares, rotation) names exactly the participant list."""
    if not participants:
        return []
    listed = {key(p.name): p.short for p in participants}
    findings = []
    for what, names in elsewhere.items():
        if not names:
            continue
        named = {key(n.name): n for n in names}
        # a participant left out of the seats table has no member: member-missing (§ 18-3) says so
        missing = [] if what == "seats" else [listed[k] for k in listed if k not in named]
        extra = [n.short for k, n in named.items() if k not in listed]
        if missing or extra:
            findings.append(_inconsistent(what, names[0].location(), missing, extra))
    return findings


def _inconsistent(what: str, location: Location, missing: list[str], extra: list[str]) -> Finding:
    """`what` is seats, shares or rotation (words.review-listed-in)."""
    parts = []
    if missing:
        parts.append(sub("participants-left-out", names=", ".join(missing)))
    if extra:
        parts.append(sub("participants-not-listed", names=", ".join(extra)))
    return finding(
        "participants-inconsistent", "error", "kommuneloven § 18-4 første ledd", location,
        "participants-inconsistent", where={"word": "review-listed-in", "value": what},
        parts={"items": parts, "sep": "; "})


# § 18-2 first paragraph: "Til sammen skal andelene utgjøre rådets samlete forpliktelser."
def shares_whole(shares: list[Share]) -> list[Finding]:
    if len(shares) < 2:
        return []
    total = sum((s.value for s in shares), Fraction(0))
    if abs(total - 1) <= Fraction(1, 200):  # rounded percentages (16,7 % × 6) are whole enough
        return []
    percent = float(total * 100)
    return [finding(
        "shares-not-whole", "error", "kommuneloven § 18-2 første ledd; § 18-4 fjerde ledd bokstav f",
        Location(heading=shares[0].heading, line=shares[0].line),
        "shares-not-whole", percent={"decimal": percent})]


# References to clauses and organs that the draft never defines.
_INTERNAL_REF = re.compile(r"(?:jf\.|jfr\.|jamfør|se|etter|i|og)\s*§\s*(\d+[a-z]?)(?![\d-])", _I)
_LAW_NEAR = re.compile(r"\b(?:kommunelov\w*|lov\w*|forvaltningslov\w*|forskrift\w*|valglov\w*|"
                       r"IKS-lov\w*|kapittel|kap\.)\W*$", _I)
_LAW_AFTER = re.compile(r"^\s*(?:[a-z]\s*)?(?:(?:første|andre|tredje|fjerde|femte)\s+ledd\s+)?"
                        r"(?:i\s+|til\s+)?(?:kommunelov\w*|lov\w*|forvaltningslov\w*|forskrift\w*)", _I)
ORGANS = {
    "arbeidsutvalget": r"arbeidsutval\w*",
    "styret": r"(?<!interkommunalt )\bstyret\b",
    "kommunedirektørutvalget": r"kommunedirektørutval\w*",
    "rådmannskollegiet": r"rådmannskollegi\w*",
    "regionstyret": r"regionstyre\w*",
    "valgkomiteen": r"valgkomit\w*|valnemnd\w*",
    "sekretariatet": r"sekretariat\w*",
    "fagrådet": r"fagråd\w*",
}
_DEFINES = re.compile(r"består\s+av|sett\s+saman\s+av|sammensatt\s+av|oppretter|opprettes|"
                      r"skal\s+ha\s+et|skal\s+bestå|ledes\s+av|leiast\s+av|ivaretas\s+av|"
                      r"legges\s+til|er\s+lagt\s+til|kjøper|kjøpe", _I)


def undefined_references(draft: Draft) -> list[Finding]:
    found = _undefined_clauses(draft) + _undefined_organs(draft)
    if draft.truncated_at:  # the definition may be in the part of the text that is missing
        found = [wrapped(f, "note-definition-may-be-missing", severity="info") for f in found]
    return found


def _undefined_clauses(draft: Draft) -> list[Finding]:
    numbers = draft.clause_numbers()
    if not numbers:
        return []
    findings = []
    for clause in draft.clauses:
        for match in _INTERNAL_REF.finditer(clause.text):
            before = clause.text[max(0, match.start() - 30):match.start() + len(match.group(0)) - len(match.group(1)) - 1]
            if _LAW_NEAR.search(before) or _LAW_AFTER.match(clause.text[match.end():match.end() + 40]):
                continue
            if match.group(1) not in numbers:
                findings.append(finding(
                    "undefined-reference", "warning", "samarbeidsavtalen (intern henvisning)",
                    Location(heading=clause.heading, line=clause.line_at(match.start())),
                    "undefined-clause", number=match.group(1)))
    return findings


def _undefined_organs(draft: Draft) -> list[Finding]:
    findings = []
    sentences = all_sentences(draft.clauses)
    for organ, pattern in ORGANS.items():
        regex = re.compile(pattern, _I)
        uses = [s for s in sentences if regex.search(s.text)]
        if not uses:
            continue
        defined = any(regex.search(c.heading) for c in draft.clauses) or any(
            _DEFINES.search(s.text) for s in uses)
        if not defined:
            first = uses[0]
            findings.append(finding(
                "undefined-reference", "warning", "kommuneloven § 18-3 fjerde ledd",
                Location(heading=first.clause.heading, line=first.line_of(regex)),
                "undefined-organ", organ=organ))
    return findings


# Rights that contradict: a role given a vote in one place and denied it (or given only the
# right to attend and speak) in another.
ROLES = {
    "kommunedirektøren": r"kommunedirektør\w*|rådm(?:a|e)nn\w*",
    "daglig leder": r"daglig\s+leder|dagleg\s+leiar|sekretariatsleder\w*",
    "Oslo kommune": r"Oslo\s+kommune",
    "varamedlemmer": r"varamedlem\w*",
}
_GRANTS_VOTE = re.compile(r"(?:tale-|forslags-|møte-)?[^.]{0,20}\bstemmerett\b|\brøysterett\b", _I)
_ONLY_SPEAKS = re.compile(r"\b(?:møte-\s+og\s+talerett|tale-\s+og\s+forslagsrett|møte-,\s*tale-\s+og\s+"
                          r"forslagsrett|talerett)\b", _I)


def rights_contradictions(draft: Draft) -> list[Finding]:
    findings = []
    sentences = all_sentences(draft.clauses)
    for role, pattern in ROLES.items():
        regex = re.compile(pattern, _I)
        gives = [s for s in sentences if regex.search(s.text) and _GRANTS_VOTE.search(s.text)
                 and not NEGATION.search(s.text)]
        denies = [s for s in sentences if regex.search(s.text) and (
            (_GRANTS_VOTE.search(s.text) and NEGATION.search(s.text))
            or (_ONLY_SPEAKS.search(s.text) and not _GRANTS_VOTE.search(s.text)))]
        if gives and denies:
            give, deny = gives[0], denies[0]
            findings.append(finding(
                "rights-contradict", "warning", "samarbeidsavtalen (motstridende bestemmelser)",
                give.location(),
                "rights-contradict", role=role, heading=deny.clause.heading, line=deny.line))
    return findings


def shares_unassessed(draft: Draft, shares: list[Share]) -> list[Finding]:
    sentence = shares_not_assessable(draft, shares)
    if sentence is None:
        return []
    return [finding(
        "shares-not-assessable", "info", "kommuneloven § 18-2 første ledd; § 18-4 fjerde ledd bokstav f",
        sentence.location(),
        "shares-not-assessable")]


def consistency_checks(draft: Draft, participants: list[Named], seats: Seats, shares: list[Share],
                       rotation: list[Named]) -> list[Finding]:
    share_names = [Named(s.name, s.line, s.heading) for s in shares]
    return (participants_consistent(participants, {"seats": seats.table, "shares": share_names,
                                                   "rotation": rotation})
            + shares_whole(shares) + shares_unassessed(draft, shares) + undefined_references(draft)
            + rights_contradictions(draft))
