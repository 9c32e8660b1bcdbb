"""Leadership over time: who leads an organ on a date (vedtekter 2012 pkt. 4.1.3 and the like).

The law, Follorådet's bylaws pkt. 4.1.3 (vedtekter-2012, verbatim):

    «Follomøtets leder og nestleder velges av og blant ordførerne i follokommunene for 1 år,
    etter kommunenavn i alfabetisk rekkefølge. Den valgte leder/nestleder er også leder og
    nestleder for Follorådet i samme periode. Den valgte nestlederen vil bli leder påfølgende år.»

Encoded as parameters of the bylaws data (`Leadership` in engine/core/model.py), so that other councils
fit: the term (a year or a four-year election period), when a term starts (1 January or the
constituent meeting), whether the vice becomes the next leader, the anchor (a term the sources
name) from which the rotation follows forwards and backwards, what happens when a participant
ceases (merger), and vacancies (a leader who leaves mid-term) with `on_vacancy`.

- Order: the participants of the kinds in `among_kinds` in force at the start of each term,
  by name in Norwegian collation (ICU, locale nb: Æ, Ø, Å after Z; "Aa" as Å). A merger thus
  recomputes the order, and the rotation continues from the current leader.
- Next leader: with `vice_becomes_leader`, the vice of the term before (4.1.3 third sentence);
  otherwise the one after the leader. The vice is the one after the leader in the order.
- A participant that ceased: `on_ceased` `next-in-order` (default) gives its turn to the first
  participant whose name sorts after it; `successor` to its successor (`Participant.successor`).
- Vacancy: from its date the vice takes over and the one after the new leader becomes vice
  (unless the data names them). `on_vacancy`: `schedule-stays` (default) keeps the next term as
  planned (the vice elected for the term leads the next one, 4.1.3 third sentence);
  `schedule-shifts` lets the acting vice lead next.

`terms` gives one document's terms (engine.analyses.rotation: a council's table over all its documents);
`continue_from` continues a rotation in a later document (e.g. an IPR that keeps the turn).
The library never prints: engine/cli/rotation.py renders.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache, lru_cache

from engine.core.errors import InputError, NotModelled
from engine.core.model import Document, Leadership, Participant, Vacancy

__all__ = ["Term", "norwegian_order", "norwegian_key", "rotation_order", "terms", "leadership_on",
           "continue_from", "rotation_rule", "holders"]

DAY = timedelta(days=1)


@dataclass(frozen=True)
class Term:
    """One stretch of leadership: a whole term, or the part of it before/after a vacancy."""

    start: date
    end: date
    leader: str  # participant id
    vice: str
    citation: str
    index: int = 0  # the year the term starts in
    basis: str = "rotation"  # anchor | forward | backward | vacancy | continued
    events_nb: tuple[str, ...] = ()
    events_en: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # the anchor's or vacancy's own citation
    assumptions: tuple[str, ...] = ()
    document: str = ""
    outside: bool = False  # after (or before) the document's period

    def contains(self, on: date) -> bool:
        return self.start <= on <= self.end


# -- Norwegian order ---------------------------------------------------------------------------
@cache
def _collator():
    import icu

    return icu.Collator.createInstance(icu.Locale("nb_NO"))


def _aa_as_å(name: str) -> str:
    # ICU's nb collation treats "aa" as "å" only in some versions; make it explicit.
    return name.replace("AA", "Å").replace("Aa", "Å").replace("aa", "å") \
        if "aa" in name.casefold() else name


def norwegian_key(name: str) -> tuple:
    """A sort key: Norwegian dictionary order, ties broken by the exact spelling."""
    collator = _collator()
    return (collator.getSortKey(_aa_as_å(name)), collator.getSortKey(name), name)


def norwegian_order(names: list[str]) -> list[str]:
    """Sort names as a Norwegian dictionary does (Æ, Ø, Å after Z; 'Aa' as Å).

    >>> norwegian_order(["Ås", "Aurskog", "Ørsta", "Zeta", "Aasen"])
    ['Aurskog', 'Zeta', 'Ørsta', 'Ås', 'Aasen']
    """
    return sorted(names, key=norwegian_key)


# -- the schedule of terms ---------------------------------------------------------------------
def _constituent(rule: Leadership, year: int) -> date:
    month, _, day = rule.constituent_meeting.partition("-")
    return date(year, int(month), int(day))


def _step(rule: Leadership) -> int:
    return 1 if rule.term == "year" else 4


def _is_start_year(rule: Leadership, year: int) -> bool:
    if rule.term == "year":
        return True
    offset = 1 if rule.term_start == "calendar-year" else 0  # periods start the year after the election
    return (year - rule.election_year - offset) % 4 == 0


def _bounds(rule: Leadership, k: int) -> tuple[date, date]:
    step = _step(rule)
    if rule.term_start == "calendar-year":
        return date(k, 1, 1), date(k + step - 1, 12, 31)
    return _constituent(rule, k), _constituent(rule, k + step) - DAY


def _index_of(rule: Leadership, on: date) -> int:
    """The start year of the term containing `on`."""
    k = on.year
    while not (_is_start_year(rule, k) and _bounds(rule, k)[0] <= on):
        k -= 1
    return k


# -- membership --------------------------------------------------------------------------------
def rotation_order(doc: Document, on: date, rule: Leadership | None = None) -> list[Participant]:
    """The participants in the rotation on a date, in Norwegian order of their names."""
    kinds = rule.among_kinds if rule is not None else ("kommune",)
    members = [p for p in doc.participants_on(on) if p.kind in kinds]
    return sorted(members, key=lambda p: norwegian_key(p.short))


def short_name(doc: Document, pid: str) -> str:
    return next((p.short for p in doc.participants if p.id == pid), pid)


def _after(order: list[str], pid: str, doc: Document) -> str:
    """The participant after `pid` in the order; for one not in it, the first sorting after it."""
    if pid in order:
        return order[(order.index(pid) + 1) % len(order)]
    key = norwegian_key(short_name(doc, pid))
    later = [o for o in order if norwegian_key(short_name(doc, o)) > key]
    return later[0] if later else order[0]


def _turn_of(order: list[str], pid: str, rule: Leadership, doc: Document) -> tuple[str, str | None]:
    """Who takes the turn of `pid` in this order, and the note when `pid` has ceased."""
    if pid in order:
        return pid, None
    p = next((x for x in doc.participants if x.id == pid), None)
    if rule.on_ceased == "successor" and p is not None and p.successor in order:
        return p.successor, "successor"
    # the first that sorts at the ceased participant's place
    key = norwegian_key(short_name(doc, pid))
    later = [o for o in order if norwegian_key(short_name(doc, o)) >= key]
    return (later[0] if later else order[0]), "next-in-order"


# -- the rotation --------------------------------------------------------------------------------
def rotation_rule(doc: Document, organ_id: str) -> tuple[str, Leadership]:
    """The organ whose leadership rotates, following `derived` links."""
    organ = doc.organ(organ_id)
    rule = organ.leadership
    seen = set()
    while rule is not None and rule.kind == "derived" and rule.from_organ and organ.id not in seen:
        seen.add(organ.id)
        organ = doc.organ(rule.from_organ)
        rule = organ.leadership
    if rule is None or rule.kind != "rotation":
        raise LookupError(f"{organ_id}: leadership is not by rotation")
    return organ.id, rule


@dataclass
class _Run:
    doc: Document
    rule: Leadership
    organ: str
    orders: dict[int, list[str]] = field(default_factory=dict)

    def order(self, k: int) -> list[str]:
        if k not in self.orders:
            start = _bounds(self.rule, k)[0]
            self.orders[k] = [p.id for p in rotation_order(self.doc, start, self.rule)]
            if not self.orders[k]:
                raise NotModelled("errors.rotation-empty", {"id": self.doc.id, "date": start})
        return self.orders[k]

    def vice_of(self, k: int, leader: str) -> str:
        """The vice by turn; "" where the vice does not rotate (none, or elected: the roster's)."""
        if self.rule.vice_by != "rotation":
            return ""
        return _after(self.order(k), leader, self.doc)

    def play(self, k: int, leader: str, vice: str, basis: str, sources=()) -> list[Term]:
        """The term k from its planned leader and vice, split at each vacancy in it."""
        start, end = _bounds(self.rule, k)
        segments = [Term(start, end, leader, vice, self.rule.citation, k, basis,
                         sources=tuple(sources), document=self.doc.id)]
        for vac in sorted(self.rule.vacancies, key=lambda v: v.valid_from):
            if not (start < vac.valid_from <= end):
                continue
            current = segments[-1]
            new_leader, new_vice, nb, en = self._fill(k, current, vac)
            segments[-1] = replace(current, end=vac.valid_from - DAY)
            segments.append(Term(vac.valid_from, end, new_leader, new_vice, self.rule.citation, k,
                                 "vacancy", (nb,), (en,), (vac.citation,),
                                 (vac.assumption.what.strip(),) if vac.assumption else (),
                                 self.doc.id))
        return segments

    def _fill(self, k: int, current: Term, vac: Vacancy) -> tuple[str, str, str, str]:
        holder = current.leader if vac.office == "leader" else current.vice
        if vac.participant != holder:
            raise InputError(
                f"errors.vacancy-not-holder/{vac.office}", {"date": vac.valid_from, "participant": vac.participant,
                                                            "holder": holder},
                file=f"bylaws/{self.doc.id}.yaml", where=f"organs.{self.organ}.leadership.vacancies")
        order = [p for p in self.order(k) if p != vac.participant] or self.order(k)
        if vac.office == "leader":
            leader = vac.leader or current.vice or _after(self.order(k), vac.participant, self.doc)
            vice = vac.vice or (_after(order, leader, self.doc) if self.rule.vice_by == "rotation" else "")
        else:
            leader = vac.leader or current.leader
            vice = vac.vice or _after([p for p in order if p != leader] or order, current.vice, self.doc)
        who = self._person_name(vac.person) or short_name(self.doc, vac.participant)
        left = vac.valid_from - DAY
        s = lambda pid: short_name(self.doc, pid)  # noqa: E731
        if vac.office == "leader":
            nb = (f"lederen ({who}, {s(vac.participant)}) fratrådte {left}; {s(leader)} overtok som "
                  f"leder fra {vac.valid_from}, og {s(vice)} ble nestleder")
            en = (f"the leader ({who}, {s(vac.participant)}) left on {left}; {s(leader)} took over "
                  f"as leader from {vac.valid_from}, and {s(vice)} became vice")
        else:
            nb = (f"nestlederen ({who}, {s(vac.participant)}) fratrådte {left}; {s(vice)} ble "
                  f"nestleder fra {vac.valid_from}")
            en = (f"the vice ({who}, {s(vac.participant)}) left on {left}; {s(vice)} became vice "
                  f"from {vac.valid_from}")
        return leader, vice, nb, en

    def _person_name(self, pid: str | None) -> str | None:
        return next((p.name for p in self.doc.roster.people if p.id == pid), None) if pid else None

    def next_leader(self, k: int, segments: list[Term]) -> tuple[str, str | None]:
        """The leader of the term after k, and how a ceased participant's turn was passed on."""
        base = segments[0] if self.rule.on_vacancy == "schedule-stays" else segments[-1]
        nxt = self.order(k + _step(self.rule))
        if self.rule.vice_becomes_leader:
            return _turn_of(nxt, base.vice, self.rule, self.doc)
        return _after(nxt, base.leader, self.doc), None

    def forward(self, k: int, segments: list[Term]) -> list[Term]:
        k2 = k + _step(self.rule)
        leader, how = self.next_leader(k, segments)
        prev = segments[0] if self.rule.on_vacancy == "schedule-stays" else segments[-1]
        out = self.play(k2, leader, self.vice_of(k2, leader), "forward")
        if how:
            gone = short_name(self.doc, prev.vice if self.rule.vice_becomes_leader else prev.leader)
            out[0] = replace(out[0], events_nb=out[0].events_nb + (
                f"{gone} er ikke lenger deltaker; turen går til {short_name(self.doc, leader)} "
                f"({'etterfølgeren' if how == 'successor' else 'neste i alfabetisk rekkefølge'})",),
                events_en=out[0].events_en + (
                f"{gone} is no longer a participant; the turn passes to {short_name(self.doc, leader)} "
                f"({'its successor' if how == 'successor' else 'the next in alphabetical order'})",))
        return out

    def backward(self, k: int, known_next: str) -> list[Term]:
        """The term before k: the leader whose term leads, by the forward rule, to `known_next`."""
        k0 = k - _step(self.rule)
        order = self.order(k0)
        if known_next in order:  # try the one just before first: the plain rotation
            i = order.index(known_next)
            order = order[i:] + order[:i]
            order = order[::-1]
        for cand in order:
            segs = self.play(k0, cand, self.vice_of(k0, cand), "backward")
            if self.next_leader(k0, segs)[0] == known_next:
                return segs
        raise NotModelled("errors.rotation-backwards", {"id": self.doc.id, "term": k0, "next": known_next})


def _anchor_terms(run: _Run) -> list[Term]:
    anchor = run.rule.anchor
    leader = anchor.leader
    vice = anchor.vice or run.vice_of(anchor.year, leader)
    return run.play(anchor.year, leader, vice, "anchor", (anchor.citation,))


@lru_cache(maxsize=64)
def _known_terms(doc: Document, root: str) -> dict[int, list[Term]]:
    """The terms of `root`'s rotation worked out so far, by start year (documents are frozen and
    hashable: one chain per document, extended in place as later or earlier years are asked)."""
    run = _Run(doc, rotation_rule(doc, root)[1], root)
    anchor = _anchor_terms(run)
    return {anchor[0].index: anchor}


def _chain(doc: Document, organ_id: str, first_index: int, last_index: int) -> dict[int, list[Term]]:
    root, rule = rotation_rule(doc, organ_id)
    if not rule.start_known:
        raise LookupError(f"{root}: the rotation's starting term is not in the sources")
    chain = _known_terms(doc, root)
    run = _Run(doc, rule, root)
    step = _step(rule)
    while max(chain) < last_index:
        k = max(chain)
        chain[k + step] = run.forward(k, chain[k])
    while min(chain) > first_index:
        k = min(chain)
        chain[k - step] = run.backward(k, chain[k][0].leader)
    return chain


def terms(doc: Document, organ_id: str, first: int, last: int, *,
          split_at_period: bool = False) -> list[Term]:
    """The terms (and vacancy splits) that start or run in the years `first` to `last`.

    With `split_at_period`, a term that runs past the document's period is split at its end and
    the part outside is marked `outside`.
    """
    _, rule = rotation_rule(doc, organ_id)
    lo = _index_of(rule, date(first, 1, 1))
    hi = _index_of(rule, date(last, 12, 31))
    chain = _chain(doc, organ_id, lo, hi)
    out = [t for k in sorted(chain) if lo <= k <= hi for t in chain[k]]
    return _split_at_period(out, doc) if split_at_period else out


def _split_at_period(out: list[Term], doc: Document) -> list[Term]:
    result = []
    for t in out:
        parts = [t]
        if doc.valid_to and t.start <= doc.valid_to < t.end:
            parts = [replace(t, end=doc.valid_to), replace(t, start=doc.valid_to + DAY)]
        if doc.valid_from and parts[0].start < doc.valid_from <= parts[0].end:
            parts[:1] = [replace(parts[0], end=doc.valid_from - DAY),
                         replace(parts[0], start=doc.valid_from)]
        for p in parts:
            outside = bool((doc.valid_to and p.start > doc.valid_to)
                           or (doc.valid_from and p.end < doc.valid_from))
            result.append(replace(p, outside=outside))
    return result


def leadership_on(doc: Document, organ_id: str, on: date) -> Term | None:
    """The term (vacancy-aware) in force on a date for the organ (or the organ it follows)."""
    try:
        found = terms(doc, organ_id, on.year - 4, on.year)
    except LookupError:
        return None
    return next((t for t in found if t.contains(on)), None)


def continue_from(previous: Term, doc: Document, organ_id: str, last: int) -> list[Term]:
    """Continue a rotation in a later document from the term in force when it starts.

    For a successor council (e.g. Folloregionen IPR from 2021-03-01) whose agreement keeps the
    turn: the term in force on the day the document starts keeps `previous`'s leader and vice
    (by `_turn_of` if a participant ceased), and the rotation then follows `doc`'s own rule and
    membership up to the year `last`. `doc`'s leadership must be `rotation`; its own anchor is
    not used.
    """
    root, rule = rotation_rule(doc, organ_id)
    run = _Run(doc, rule, root)
    start = doc.valid_from or previous.end + DAY
    k = _index_of(rule, start)
    order = run.order(k)
    leader, _ = _turn_of(order, previous.leader, rule, doc)
    vice, _ = _turn_of([o for o in order if o != leader] or order, previous.vice, rule, doc)
    segs = [replace(t, start=max(t.start, start), basis="continued",
                    events_nb=t.events_nb + (f"rotasjonen videreføres fra {previous.document}",),
                    events_en=t.events_en + (f"the rotation continues from {previous.document}",))
            for t in run.play(k, leader, vice, "continued") if t.end >= start]
    out = list(segs)
    while _bounds(rule, k)[0].year < last:
        segs = run.forward(k, segs)
        k += _step(rule)
        if _bounds(rule, k)[0].year > last:
            break
        out += segs
    return out


# -- persons -------------------------------------------------------------------------------------
def holders(doc: Document, office: str, participant: str, start: date, end: date) -> list[tuple[str, date, date]]:
    """Who held `office` for `participant` between `start` and `end`: (person, from, to)."""
    out = []
    for h in doc.roster.holdings:
        if h.office != office or h.participant != participant:
            continue
        lo = max(start, h.valid_from or start)
        hi = min(end, h.valid_to or end)
        if lo <= hi:
            out.append((h.person, lo, hi))
    return sorted(out, key=lambda x: x[1])
