"""The sentences of `vedtekt verify`, as ids and arguments only: the words themselves are in the
`verify` section of the message catalogues (engine/messages/{nb,en}.yaml), and
engine/render/verify.py words them in the reader's language.

Each function returns (message id, arguments). An argument is a plain value (a number, a list of
participant names, a string from the data), a `{nb, en}` label from the data, or a nested
`Words` (a part of the sentence that is itself a catalogue entry), or None (a part left out).
The renderer gives every number argument `x` the forms `x_word` / `x_Word` (a number word,
«to» / «To») and every list of names `x` the forms `x` («A, B og C») / `x_or` («A, B eller C»).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Words:
    """A part of a sentence: a catalogue id under `messages.verify` and its arguments."""

    id: str
    args: dict = field(default_factory=dict, hash=False)


def _kind(kind) -> Words:
    return Words("kind", {"label": kind.label})


def _others(others: str) -> Words:
    return Words(f"others.{others}")


def _group(rules, chosen, held) -> dict:
    return {"count": len(chosen), "n": rules.n, "names": [rules.names[i] for i in chosen],
            "seats": held, "members": rules.members}


def adopt(rules, kind, others, chosen, held, votes, minority):
    votes_part = None if votes is None else Words("adopt-votes", {"votes": votes, "members": rules.members})
    return "adopt", {**_group(rules, chosen, held), "kind": _kind(kind), "others": _others(others),
                     "votes": votes_part, "verdict": Words("adopt-minority" if minority else "adopt-no-minority")}


def nobody_adopts(rules, kind, others):
    return "nobody-adopts", {"kind": _kind(kind), "others": _others(others)}


def block(rules, kind, chosen, held, minority):
    return "block", {**_group(rules, chosen, held), "kind": _kind(kind),
                     "verdict": Words("block-minority" if minority else "block-no-minority")}


def nobody_blocks(rules, kind):
    return "nobody-blocks", {"kind": _kind(kind)}


def quorate_without(rules, missing):
    if not missing:
        return "quorate-without-any", {}
    return "quorate-without-none-of", {"names": [rules.names[i] for i in missing]}


def absence_breaks_quorum(rules, blockers):
    if not blockers:
        return "absence-breaks-none", {}
    return "absence-breaks", {"names": [rules.names[i] for i in blockers]}


def casting(rules, kind, holds):
    if holds:
        return "casting-never", {"kind": _kind(kind),
                                 "tie": Words("casting-tie-lot" if kind.election else "casting-tie-qualified")}
    return "casting-decides", {"kind": _kind(kind)}


def deadlock(rules, kind, holds):
    if holds:
        return "deadlock-never", {"kind": _kind(kind),
                                  "lot": Words("deadlock-lot") if kind.election else None,
                                  "blank": Words("deadlock-blank") if kind.blank_allowed else None}
    return "deadlock-possible", {"kind": _kind(kind)}


def declared(rules, prop, kind, chosen, held, holds):
    detail = (Words("declared-group", {**_group(rules, chosen, held), "others": _others(prop.others)})
              if chosen else Words("declared-no-group"))
    return "declared", {"label": {"nb": prop.label.nb, "en": prop.label.en},
                        "verdict": Words("declared-holds" if holds else "declared-fails"), "detail": detail}


# -- every size at once (engine/analyses/verify/ranges.py) --------------------------------------

def span(lo: int, hi: int) -> str:
    return str(lo) if lo == hi else f"{lo}–{hi}"


def _where(participants: tuple[int, int], seats: tuple[int, int]) -> Words:
    return Words("range-where", {"participants": span(*participants), "seats": span(*seats)})


def range_forall(prop: str, kind, participants, seats, broken):
    """`broken`: (participants, seats, (for, against, blank)) of the first size that breaks it."""
    claim = Words(f"range-claim.{prop.removeprefix('range:')}", {"kind": _kind(kind)})
    where = _where(participants, seats)
    if broken is None:
        return "range-holds", {"where": where, "claim": claim}
    n, s, (f, g, b) = broken
    return "range-fails", {"where": where, "claim": claim, "size": n, "seat_count": s,
                           "unit": Words("range-seat" if s == 1 else "range-seats"),
                           "tally": Words("range-tally", {"for_votes": f, "against": g, "blank": b})}


def range_formula(kind, participants, seats, formula, sizes, statute_quorum=None):
    r_note = (None if statute_quorum is None else
              Words("range-r-note", {"citation": statute_quorum.citation, "fraction": str(statute_quorum.fraction)}))
    return "range-formula", {"kind": _kind(kind), "where": _where(participants, seats), "formula": formula,
                             "r_note": r_note, "sizes": sizes}


def range_no_formula(kind, measured: dict):
    return "range-no-formula", {"kind": _kind(kind),
                                "measured": ", ".join(f"M={m}: {v}" for m, v in measured.items())}
