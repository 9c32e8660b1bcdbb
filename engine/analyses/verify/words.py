"""The sentences of `vedtekt verify`, in bokmål and English: the only place its words are made."""
from __future__ import annotations

_NUM_NB = {1: "én", 2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks", 7: "sju", 8: "åtte", 9: "ni",
           10: "ti", 11: "elleve", 12: "tolv"}
_NUM_EN = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
           9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}
_OTHERS_NB = {"absent": "når de andre uteblir", "against": "når de andre møter og stemmer imot",
              "any": "når de andre uteblir eller stemmer imot", "for": "når de andre stemmer for"}
_OTHERS_EN = {"absent": "while the others stay away", "against": "while the others attend and vote against",
              "any": "while the others stay away or vote against", "for": "while the others vote for"}


def num_nb(n: int, capital: bool = False) -> str:
    word = _NUM_NB.get(n, str(n))
    return word[0].upper() + word[1:] if capital else word


def num_en(n: int, capital: bool = False) -> str:
    word = _NUM_EN.get(n, str(n))
    return word[0].upper() + word[1:] if capital else word


def _join(names: list[str], last: str) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {last} {names[-1]}"


def _kind_nb(kind) -> str:
    return f"en sak av typen «{kind.label}»"


def _kind_en(kind) -> str:
    return f"a case of the kind '{kind.label}'"


def adopt(rules, kind, others, chosen, held, votes, minority):
    n, m = rules.n, rules.members
    names = [rules.names[i] for i in chosen]
    k = len(chosen)
    nb = (f"{num_nb(k, True)} av {num_nb(n)} deltakere ({_join(names, 'og')}, {held} av {m} stemmer) kan "
          f"vedta {_kind_nb(kind)} {_OTHERS_NB[others]}")
    en = (f"{num_en(k, True)} of {num_en(n)} participants ({_join(names, 'and')}, {held} of {m} votes) can "
          f"adopt {_kind_en(kind)} {_OTHERS_EN[others]}")
    if votes is not None:
        nb += f"; færrest stemmer for som kan bære et slikt vedtak (når noen i gruppen blir borte): {votes} av {m} medlemmer"
        en += f"; the fewest votes for that can carry it (some of the group staying away): {votes} of {m} members"
    nb += ". Et mindretall av deltakerne kan altså bestemme." if minority else \
        ". Ingen mindre gruppe enn halvparten av deltakerne kan det."
    en += ". A minority of the participants can decide." if minority else \
        ". No group of fewer than half the participants can."
    return nb, en


def nobody_adopts(rules, kind, others):
    return (f"Ingen gruppe av deltakere kan vedta {_kind_nb(kind)} {_OTHERS_NB[others]}.",
            f"No group of participants can adopt {_kind_en(kind)} {_OTHERS_EN[others]}.")


def block(rules, kind, chosen, held, minority):
    n = rules.n
    names = [rules.names[i] for i in chosen]
    k = len(chosen)
    nb = (f"{num_nb(k, True)} av {num_nb(n)} deltakere ({_join(names, 'og')}, {held} av {rules.members} "
          f"stemmer) kan hindre {_kind_nb(kind)} som alle de andre stemmer for, ved å utebli eller stemme imot")
    en = (f"{num_en(k, True)} of {num_en(n)} participants ({_join(names, 'and')}, {held} of {rules.members} "
          f"votes) can stop {_kind_en(kind)} that all the others vote for, by staying away or voting against")
    nb += ": et mindretall kan blokkere." if minority else "; ingen mindre gruppe kan det."
    en += ": a minority can block." if minority else "; no smaller group can."
    return nb, en


def nobody_blocks(rules, kind):
    return (f"Ingen gruppe kan hindre {_kind_nb(kind)} som de andre stemmer for.",
            f"No group can stop {_kind_en(kind)} that the others vote for.")


def quorate_without(rules, missing):
    if not missing:
        return ("Rådet kan være vedtaksført og treffe gyldige vedtak uten hvilken som helst enkelt deltaker.",
                "The council can be quorate and decide validly without any single participant.")
    names = [rules.names[i] for i in missing]
    return (f"Uten {_join(names, 'eller')} kan rådet aldri være vedtaksført, selv når alle andre møter og stemmer.",
            f"Without {_join(names, 'or')} the council can never be quorate, even when all others attend and vote.")


def absence_breaks_quorum(rules, blockers):
    if not blockers:
        return ("Ingen enkelt deltaker kan gjøre rådet ikke vedtaksført ved å utebli når alle andre møter og stemmer.",
                "No single participant can make the council inquorate by staying away while all others attend and vote.")
    names = [rules.names[i] for i in blockers]
    return (f"{_join(names, 'eller')} kan alene gjøre rådet ikke vedtaksført ved å utebli, selv når alle andre "
            "møter og stemmer.",
            f"{_join(names, 'or')} can on its own make the council inquorate by staying away, even when all "
            "others attend and vote.")


def casting(rules, kind, holds):
    if holds:
        return (f"Møteleders stemme avgjør aldri {_kind_nb(kind)}: ved stemmelikhet gjelder "
                + ("loddtrekning eller nytt valg." if kind.election else "kravet om kvalifisert flertall."),
                f"The chair's vote never decides {_kind_en(kind)}: a tie goes to "
                + ("lot or a new ballot." if kind.election else "the qualified-majority requirement."))
    return (f"Møteleders stemme kan avgjøre {_kind_nb(kind)} ved stemmelikhet.",
            f"The chair's vote can decide {_kind_en(kind)} on a tie.")


def deadlock(rules, kind, holds):
    if holds:
        return (f"Hver vedtaksfør avstemning i {_kind_nb(kind)} ender med vedtatt eller forkastet"
                + (", unntatt stemmelikhet i valg, som avgjøres ved loddtrekning (§ 7-8)" if kind.election else "")
                + (", og unntatt når alle stemmer blankt (da stemmes det på nytt; forutsetning, kildene er tause)"
                   if kind.blank_allowed else "") + ".",
                f"Every quorate vote in {_kind_en(kind)} ends adopted or rejected"
                + (", except a tie in an election, decided by lot (§ 7-8)" if kind.election else "")
                + (", and except when everyone votes blank (the vote is taken again; an assumption, the "
                   "sources are silent)" if kind.blank_allowed else "") + ".")
    return (f"En vedtaksfør avstemning i {_kind_nb(kind)} kan ende uten at forslaget er vedtatt eller forkastet.",
            f"A quorate vote in {_kind_en(kind)} can end neither adopted nor rejected.")


def declared(rules, prop, kind, chosen, held, holds):
    names = [rules.names[i] for i in chosen]
    head_nb, head_en = prop.label.nb, prop.label.en
    if chosen:
        detail_nb = (f" Minste gruppe som kan det: {len(chosen)} av {rules.n} deltakere "
                     f"({_join(names, 'og')}, {held} av {rules.members} stemmer) {_OTHERS_NB[prop.others]}.")
        detail_en = (f" The smallest group that can: {len(chosen)} of {rules.n} participants "
                     f"({_join(names, 'and')}, {held} of {rules.members} votes) {_OTHERS_EN[prop.others]}.")
    else:
        detail_nb = " Ingen slik gruppe finnes."
        detail_en = " No such group exists."
    verdict_nb = "Holder." if holds else "Holder ikke."
    verdict_en = "Holds." if holds else "Does not hold."
    return f"{head_nb}: {verdict_nb}{detail_nb}", f"{head_en}: {verdict_en}{detail_en}"
