"""The calendar of duties: what a year's meetings (a folder of scenarios) fulfil, with citations.

Duties (each cited; the text is quoted from the sources):

- `follomotet-annual` (error when missed): vedtekter 2012 pkt. 4.1.4, «innkaller Follorådets leder
  Follomøtet til møte – minst 1 gang hvert år»; the frequency is the bylaws' own parameter
  (`organs.follomotet.convening.at_least: 1/year`). Met by a scenario of organ `follomotet` that year.
- `storting-invited` (error when missed): handlingsprogram 2021 kap. 1.2, «Stortingsrepresentantene
  fra Follo skal minst 1 gang pr. år inviteres til dialog med Follorådet.» Met by a Follorådet
  scenario that year with `invited: [stortingsrepresentanter]` (scenarios/README.md).
- `folloradet-monthly` (warning when missed): handlingsprogram 2021 kap. 1.2, «Disse møtes vanligvis
  1 gang pr. måned»: every month without a Follorådet meeting is listed; «vanligvis» (usually)
  allows exceptions, so it is a warning, never an error.

Only the months and years inside the bylaws' period are judged: a year the document covers only in
part (Follorådet 2021, to 2021-02-28) has its annual duties `not-assessed` (info).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from .errors import InputError, NotModelled
from .model import Document

__all__ = ["duty_calendar", "DutyCalendar", "YearDuties", "Duty", "Meeting"]

MONTHS_NB = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
             "oktober", "november", "desember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]

STORTING_QUOTE = "Stortingsrepresentantene fra Follo skal minst 1 gang pr. år inviteres til dialog med Follorådet."
MONTHLY_QUOTE = "Follorådet består av ordførerne og rådmennene i follokommunene. Disse møtes vanligvis 1 gang pr. måned"


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Meeting(_Out):
    file: str
    date: date
    organ: str
    bylaws: str
    invited: tuple[str, ...] = ()


class Duty(_Out):
    duty: str
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


class DutyCalendar(_Out):
    folder: str
    council: str
    years: tuple[YearDuties, ...]
    missed_errors: int  # duties of severity error that were missed


def duty_calendar(folder: Path | str, *, year: int | None = None, council: str = "follo",
                  lang: str = "nb", lib=None) -> DutyCalendar:
    """The duties of each year (or of `year`) against the meetings in the folder's scenarios."""
    from .evaluate import load_scenario
    from .library import library

    lib = lib or library()
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("finner ikke mappen" if folder.exists() is False else "ikke en mappe",
                         file=str(folder), hint="oppgi en mappe med scenarioer (*.yaml)")
    docs = [d for d in lib.documents.values() if d.council == council]
    if not docs:
        raise InputError(f"ukjent råd '{council}'", where="--council")
    meetings = []
    for path in sorted(folder.rglob("*.yaml")):
        scenario, _ = load_scenario(path)
        doc = lib.choose(scenario.organ, scenario.date, scenario.bylaws, where=str(path))
        if doc.council == council:
            meetings.append(Meeting(file=str(path), date=scenario.date, organ=scenario.organ,
                                    bylaws=doc.id, invited=tuple(scenario.invited)))
    years = [year] if year is not None else sorted({m.date.year for m in meetings})
    if not years:
        raise InputError("mappen har ingen møter for rådet", file=str(folder),
                         hint="oppgi --year for å se pliktene for et år uten møter")
    out = [_year(y, [m for m in meetings if m.date.year == y], docs, lang) for y in years]
    missed = sum(1 for y in out for d in y.duties if d.status == "missed" and d.severity == "error")
    return DutyCalendar(folder=str(folder), council=council, years=tuple(out), missed_errors=missed)


def _year(y: int, meetings: list[Meeting], docs: list[Document], lang: str) -> YearDuties:
    first, last = date(y, 1, 1), date(y, 12, 31)
    covering = [d for d in docs if (d.valid_from or date.min) <= last and first <= (d.valid_to or date.max)]
    doc = next((d for d in covering if _has(d, "follomotet") or _has(d, "folloradet")), None)
    if doc is None:
        periods = ", ".join(f"{d.id}: {d.valid_from} – {d.valid_to or 'åpen'}" for d in docs)
        raise NotModelled(f"ingen pliktkalender er modellert for {y} [not-modelled]",
                          where="--year", hint=f"modellerte perioder: {periods}")
    meetings = [m for m in meetings if m.bylaws == doc.id]  # another document's meetings do not count
    whole = (doc.valid_from or date.min) <= first and last <= (doc.valid_to or date.max)
    nb = lang == "nb"
    duties = []
    if _has(doc, "follomotet"):
        duties.append(_annual_follomotet(doc, y, meetings, whole, nb))
    if _has(doc, "folloradet"):
        duties.append(_storting(doc, y, meetings, whole, nb))
        duties.append(_monthly(doc, y, meetings, nb))
    return YearDuties(year=y, bylaws=doc.id, meetings=tuple(sorted(meetings, key=lambda m: m.date)),
                      duties=tuple(duties))


def _has(doc: Document, organ: str) -> bool:
    return any(o.id == organ for o in doc.organs)


def _not_assessed(duty: str, severity: str, citation: str, quote: str | None, doc: Document, y: int,
                  nb: bool, evidence: tuple[str, ...]) -> Duty:
    msg = (f"{y} er bare delvis innenfor perioden til {doc.id} ({doc.valid_from} – {doc.valid_to}); "
           "den årlige plikten vurderes ikke" if nb else
           f"{y} is only partly within the period of {doc.id} ({doc.valid_from} – {doc.valid_to}); "
           "the annual duty is not assessed")
    if evidence:  # held in the part of the year inside the period: met all the same
        msg = (f"{y}: " if nb else f"{y}: ") + _met_text(nb, len(evidence))
        return Duty(duty=duty, status="met", severity=severity, citation=citation, quote=quote,
                    message=msg, evidence=evidence)
    return Duty(duty=duty, status="not-assessed", severity="info", citation=citation, quote=quote,
                message=msg)


def _met_text(nb: bool, n: int) -> str:
    return f"oppfylt ({n} møte{'r' if n != 1 else ''})" if nb else f"met ({n} meeting{'s' if n != 1 else ''})"


def _annual_follomotet(doc: Document, y: int, meetings: list[Meeting], whole: bool, nb: bool) -> Duty:
    conv = doc.organ("follomotet").convening
    citation = conv.citation if conv else "vedtekter 2012 pkt. 4.1.4"
    quote = conv.quote if conv else None
    held = tuple(m.file for m in meetings if m.organ == "follomotet")
    if not whole:
        return _not_assessed("follomotet-annual", "error", citation, quote, doc, y, nb, held)
    at_least = conv.at_least if conv and conv.at_least else "1/year"
    need = int(at_least.split("/")[0])
    if len(held) >= need:
        msg = (f"Follomøtet holdt minst {need} gang i {y}: " if nb else
               f"Follomøtet met at least {need} time(s) in {y}: ") + _met_text(nb, len(held))
        return Duty(duty="follomotet-annual", status="met", severity="error", citation=citation,
                    quote=quote, message=msg, evidence=held)
    msg = (f"Follomøtet er ikke holdt i {y}; Follorådets leder skal innkalle det minst {need} gang hvert år"
           if nb else f"Follomøtet did not meet in {y}; Follorådet's leader must convene it at least "
                      f"{need} time(s) a year")
    return Duty(duty="follomotet-annual", status="missed", severity="error", citation=citation,
                quote=quote, message=msg)


def _storting(doc: Document, y: int, meetings: list[Meeting], whole: bool, nb: bool) -> Duty:
    citation = "handlingsprogram 2021 kap. 1.2"
    held = tuple(m.file for m in meetings if m.organ == "folloradet" and "stortingsrepresentanter" in m.invited)
    if not whole:
        return _not_assessed("storting-invited", "error", citation, STORTING_QUOTE, doc, y, nb, held)
    if held:
        msg = (f"Stortingsrepresentantene fra Follo invitert til Follorådet i {y}: " if nb else
               f"Follo's members of Stortinget invited to Follorådet in {y}: ") + _met_text(nb, len(held))
        return Duty(duty="storting-invited", status="met", severity="error", citation=citation,
                    quote=STORTING_QUOTE, message=msg, evidence=held)
    msg = (f"Ingen møte i Follorådet i {y} der stortingsrepresentantene fra Follo var invitert "
           "(invited: [stortingsrepresentanter]); de skal inviteres minst én gang i året" if nb else
           f"No Follorådet meeting in {y} to which Follo's members of Stortinget were invited "
           "(invited: [stortingsrepresentanter]); they must be invited at least once a year")
    return Duty(duty="storting-invited", status="missed", severity="error", citation=citation,
                quote=STORTING_QUOTE, message=msg)


def _monthly(doc: Document, y: int, meetings: list[Meeting], nb: bool) -> Duty:
    citation = "handlingsprogram 2021 kap. 1.2"
    months = [m for m in range(1, 13) if _month_in(doc, y, m)]
    held = {m.date.month for m in meetings if m.organ == "folloradet"}
    missing = tuple(m for m in months if m not in held)
    evidence = tuple(m.file for m in meetings if m.organ == "folloradet")
    names = MONTHS_NB if nb else MONTHS_EN
    if not missing:
        msg = (f"Follorådet møttes hver måned i {y} (innenfor vedtektenes periode)" if nb else
               f"Follorådet met every month of {y} (within the bylaws' period)")
        return Duty(duty="folloradet-monthly", status="met", severity="warning", citation=citation,
                    quote=MONTHLY_QUOTE, message=msg, evidence=evidence)
    listed = ", ".join(names[m - 1] for m in missing)
    msg = (f"Follorådet hadde ikke møte i {listed} {y}; det møtes «vanligvis 1 gang pr. måned» "
           "(advarsel, ikke feil)" if nb else
           f"Follorådet did not meet in {listed} {y}; it meets 'usually once a month' "
           "(a warning, not an error)")
    return Duty(duty="folloradet-monthly", status="missed", severity="warning", citation=citation,
                quote=MONTHLY_QUOTE, message=msg, evidence=evidence, missing_months=missing)


def _month_in(doc: Document, y: int, m: int) -> bool:
    """The whole month lies within the document's period."""
    first = date(y, m, 1)
    last = date(y + (m == 12), m % 12 + 1, 1).toordinal() - 1
    return (doc.valid_from or date.min) <= first and date.fromordinal(last) <= (doc.valid_to or date.max)
