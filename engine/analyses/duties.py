"""The calendar of duties: what a year's meetings (a folder of scenarios) fulfil, with citations.

The duties are the bylaws' own data (`duties:` in bylaws/<document>.yaml, each cited and quoted):
for Follorådet, Follomøtet at least once a year (vedtekter 2012 pkt. 4.1.4, error when missed),
Follo's members of Stortinget invited to Follorådet at least once a year (handlingsprogram 2021
kap. 1.2; met by a scenario with `invited: [stortingsrepresentanter]`), and Follorådet meeting
«vanligvis 1 gang pr. måned» (a warning: «usually» allows exceptions).

Only the months and years inside the bylaws' period are judged: a year the document covers only in
part (Follorådet 2021, to 2021-02-28) has its annual duties `not-assessed` (info).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from engine.core.errors import InputError, NotModelled
from engine.core.model import Document, DutyRule

__all__ = ["duty_calendar", "DutyCalendar", "YearDuties", "Duty", "Meeting"]

MONTHS_NB = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
             "oktober", "november", "desember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]



class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Meeting(_Out):
    file: str
    date: date
    organ: str
    bylaws: str
    invited: tuple[str, ...] = ()
    meeting_type: str | None = None


class Duty(_Out):
    duty: str
    label: str
    status: str  # met | missed | not-assessed
    severity: str  # error | warning | info: how serious a miss is
    citation: str
    quote: str | None = None
    message: str
    evidence: tuple[str, ...] = ()  # the scenario files that fulfil it
    missing_months: tuple[int, ...] = ()


class YearDuties(_Out):
    year: int
    bylaws: str
    meetings: tuple[Meeting, ...]
    duties: tuple[Duty, ...]
    note: str | None = None


class DutyCalendar(_Out):
    folder: str
    council: str
    years: tuple[YearDuties, ...]
    missed_errors: int  # duties of severity error that were missed


def duty_calendar(folder: Path | str, *, year: int | None = None, council: str | None = None,
                  lang: str = "nb", lib=None) -> DutyCalendar:
    """The duties of each year (or of `year`) against the meetings in the folder's scenarios."""
    from engine.core.evaluate import load_scenario
    from engine.core.library import library

    lib = lib or library()
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("finner ikke mappen" if folder.exists() is False else "ikke en mappe",
                         file=str(folder), hint="oppgi en mappe med scenarioer (*.yaml)")
    council = council or lib.default_council
    docs = lib.council_documents(council, where="--council")
    meetings = []
    for path in sorted(folder.rglob("*.yaml")):
        scenario, _ = load_scenario(path)
        doc = lib.choose(scenario.organ, scenario.date, scenario.bylaws, where=str(path),
                         council=scenario.council)
        if doc.council == council:
            meetings.append(Meeting(file=str(path), date=scenario.date, organ=scenario.organ,
                                    bylaws=doc.id, invited=tuple(scenario.invited),
                                    meeting_type=scenario.meeting_type))
    # without --year: the years of the folder's meetings that a document of the council covers
    years = [year] if year is not None else sorted({m.date.year for m in meetings
                                                    if _has_calendar(m.date.year, docs)})
    if not years:
        raise InputError("mappen har ingen møter for rådet i år med modellert pliktkalender",
                         file=str(folder), hint="oppgi --year for å se pliktene for et år uten møter")
    out = [_year(y, [m for m in meetings if m.date.year == y], docs, lang) for y in years]
    missed = sum(1 for y in out for d in y.duties if d.status == "missed" and d.severity == "error")
    return DutyCalendar(folder=str(folder), council=council, years=tuple(out), missed_errors=missed)


def _calendar_document(y: int, docs: list[Document]) -> Document | None:
    """The document whose duties apply in year `y`, if any."""
    first, last = date(y, 1, 1), date(y, 12, 31)
    covering = [d for d in docs if (d.valid_from or date.min) <= last and first <= (d.valid_to or date.max)]
    return next((d for d in covering if d.duties), None)


def _covering(y: int, docs: list[Document]) -> list[Document]:
    first, last = date(y, 1, 1), date(y, 12, 31)
    return [d for d in docs if (d.valid_from or date.min) <= last and first <= (d.valid_to or date.max)]


def _has_calendar(y: int, docs: list[Document]) -> bool:
    """A year is judged when a document with duties covers it; for a council whose bylaws
    declare no duty at all, every year a document covers (the report says there are none)."""
    if not any(d.duties for d in docs):
        return bool(_covering(y, docs))
    return _calendar_document(y, docs) is not None


def _year(y: int, meetings: list[Meeting], docs: list[Document], lang: str) -> YearDuties:
    first, last = date(y, 1, 1), date(y, 12, 31)
    doc = _calendar_document(y, docs)
    covering = _covering(y, docs)
    if doc is None and covering:
        # the bylaws declare no recurring duty: nothing is missed, and the report says so
        doc = covering[0]
        held = [m for m in meetings if m.bylaws in {d.id for d in covering}]
        return YearDuties(year=y, bylaws=doc.id, meetings=tuple(sorted(held, key=lambda m: m.date)),
                          duties=(), note=("vedtektene fastsetter ingen faste plikter (møter per år, frister)"
                                           if lang == "nb" else
                                           "the bylaws set no recurring duties (meetings per year, deadlines)"))
    if doc is None:
        periods = ", ".join(f"{d.id}: {d.valid_from} – {d.valid_to or 'åpen'}" for d in docs if d.duties)
        raise NotModelled(f"ingen pliktkalender er modellert for {y} [not-modelled]",
                          where="--year", hint=f"modellerte perioder: {periods}")
    meetings = [m for m in meetings if m.bylaws == doc.id]  # another document's meetings do not count
    whole = (doc.valid_from or date.min) <= first and last <= (doc.valid_to or date.max)
    nb = lang == "nb"
    duties = [_per_year(rule, doc, y, meetings, whole, nb) if rule.kind == "per-year"
              else _monthly(rule, doc, y, meetings, nb) for rule in doc.duties if rule.in_force(first)]
    return YearDuties(year=y, bylaws=doc.id, meetings=tuple(sorted(meetings, key=lambda m: m.date)),
                      duties=tuple(duties))


def _organ_name(doc: Document, organ_id: str) -> str:
    return next((o.name for o in doc.organs if o.id == organ_id), organ_id)


def _not_assessed(rule: DutyRule, doc: Document, y: int, nb: bool, evidence: tuple[str, ...]) -> Duty:
    """A year the document covers only in part: met if the part held a meeting, else not judged."""
    label = rule.label.nb if nb else rule.label.en
    common = {"duty": rule.id, "label": label, "citation": rule.citation, "quote": rule.quote}
    if evidence:
        return Duty(**common, status="met", severity=rule.severity,
                    message=f"{y}: " + _met_text(nb, len(evidence)), evidence=evidence)
    msg = (f"{y} er bare delvis innenfor perioden til {doc.id} ({doc.valid_from} – {doc.valid_to}); "
           "den årlige plikten vurderes ikke" if nb else
           f"{y} is only partly within the period of {doc.id} ({doc.valid_from} – {doc.valid_to}); "
           "the annual duty is not assessed")
    return Duty(**common, status="not-assessed", severity="info", message=msg)


def _met_text(nb: bool, n: int) -> str:
    return f"oppfylt ({n} møte{'r' if n != 1 else ''})" if nb else f"met ({n} meeting{'s' if n != 1 else ''})"


def _per_year(rule: DutyRule, doc: Document, y: int, meetings: list[Meeting], whole: bool,
              nb: bool) -> Duty:
    """At least `rule.times` meetings of the organ in the year (with the invitation, if any)."""
    deadline = _deadline(rule, y)
    held = tuple(m.file for m in meetings if m.organ == rule.organ
                 and (rule.invited is None or rule.invited in m.invited)
                 and (rule.meeting_type is None or m.meeting_type == rule.meeting_type)
                 and m.date <= deadline)
    if not whole:
        return _not_assessed(rule, doc, y, nb, held)
    label = rule.label.nb if nb else rule.label.en
    if len(held) >= rule.times:
        return Duty(duty=rule.id, status="met", severity=rule.severity, citation=rule.citation,
                    quote=rule.quote, label=label, message=f"{y}: " + _met_text(nb, len(held)), evidence=held)
    organ = _organ_name(doc, rule.organ)
    invited = f" med {rule.invited} invitert" if rule.invited and nb else \
        (f" with {rule.invited} invited" if rule.invited else "")
    kind = f" ({rule.meeting_type})" if rule.meeting_type else ""
    within = (f" innen {deadline.day}.{deadline.month}." if nb else f" by {deadline}") if rule.by else ""
    msg = (f"{len(held)} møte{'r' if len(held) != 1 else ''}{kind} i {organ}{invited} i {y}{within}, "
           f"minst {rule.times} kreves" if nb else
           f"{len(held)} meeting(s){kind} of {organ}{invited} in {y}{within}, at least {rule.times} required")
    return Duty(duty=rule.id, label=label, status="missed", severity=rule.severity,
                citation=rule.citation, quote=rule.quote, message=msg, evidence=held)


def _deadline(rule: DutyRule, y: int) -> date:
    if rule.by is None:
        return date(y, 12, 31)
    month, _, day = rule.by.partition("-")
    return date(y, int(month), int(day))


def _monthly(rule: DutyRule, doc: Document, y: int, meetings: list[Meeting], nb: bool) -> Duty:
    """A meeting of the organ in every month of the year that lies inside the bylaws' period."""
    months = [m for m in range(1, 13) if _month_in(doc, y, m)]
    held = {m.date.month for m in meetings if m.organ == rule.organ}
    missing = tuple(m for m in months if m not in held)
    evidence = tuple(m.file for m in meetings if m.organ == rule.organ)
    label = rule.label.nb if nb else rule.label.en
    organ = _organ_name(doc, rule.organ)
    if not missing:
        msg = (f"{organ} møttes hver måned i {y} (innenfor vedtektenes periode)" if nb else
               f"{organ} met every month of {y} (within the bylaws' period)")
        return Duty(duty=rule.id, label=label, status="met", severity=rule.severity,
                    citation=rule.citation, quote=rule.quote, message=msg, evidence=evidence)
    listed = ", ".join((MONTHS_NB if nb else MONTHS_EN)[m - 1] for m in missing)
    msg = (f"{organ} hadde ikke møte i {listed} {y}" if nb else
           f"{organ} did not meet in {listed} {y}")
    return Duty(duty=rule.id, label=label, status="missed", severity=rule.severity,
                citation=rule.citation, quote=rule.quote, message=msg, evidence=evidence,
                missing_months=missing)


def _month_in(doc: Document, y: int, m: int) -> bool:
    """The whole month lies within the document's period."""
    first = date(y, m, 1)
    last = date(y + (m == 12), m % 12 + 1, 1).toordinal() - 1
    return (doc.valid_from or date.min) <= first and date.fromordinal(last) <= (doc.valid_to or date.max)
