"""The calendar of duties: what a year's meetings (a folder of scenarios) fulfil, with citations.

The duties are the bylaws' own data (`duties:` in bylaws/<document>.yaml, each cited and quoted):
for Follorådet, Follomøtet at least once a year (vedtekter 2012 pkt. 4.1.4, error when missed),
Follo's members of Stortinget invited to Follorådet at least once a year (handlingsprogram 2021
kap. 1.2; met by a scenario with `invited: [stortingsrepresentanter]`, an id of the document's
`invitees`, so no council's guests are named in the engine), and Follorådet meeting
«vanligvis 1 gang pr. måned» (a warning: «usually» allows exceptions).

A per-year duty may have a deadline inside the year (`by: "05-31"`, «innen utgangen av mai») and a
meeting type (`meeting_type: ordinært`): only meetings of that type held by that day count. A
meeting of the type held after the day does not fulfil the duty; the missed duty names it (message
`calendar.missed-per-year-late`, with each late meeting's day and file), so the reader sees a late
meeting, not a missing one.

Only the months and years inside the bylaws' period are judged: a year the document covers only in
part (Follorådet 2021, to 2021-02-28) has its annual duties `not-assessed` (info).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from typing import Any, Literal

from engine.core.base import Frozen
from engine.core.errors import InputError, Message, NotModelled, modelled_periods
from engine.core.finding import Finding
from engine.core.model import Document, DutyRule, Label
from engine.core.references import check_invited

__all__ = ["duty_calendar", "DutyCalendar", "YearDuties", "Duty", "Meeting"]


class Meeting(Frozen):
    file: str
    date: date
    organ: str
    bylaws: str
    invited: tuple[str, ...] = ()
    meeting_type: str | None = None


class Duty(Frozen):
    """A duty's status in one year, with the finding that says it (the one Finding model: the
    duty's id as its rule, how serious a miss is as its severity, the clause, and the sentence as
    an id of the catalogues' `calendar` section). The label is the bylaws' data, in both languages."""

    status: Literal["met", "missed", "not-assessed"]
    label: Label
    finding: Finding
    evidence: tuple[str, ...] = ()  # the scenario files that fulfil it
    missing_months: tuple[int, ...] = ()


class YearDuties(Frozen):
    year: int
    bylaws: str
    meetings: tuple[Meeting, ...]
    duties: tuple[Duty, ...]
    note_id: str | None = None  # a message of the catalogues' calendar section


class DutyCalendar(Frozen):
    folder: str
    council: str
    years: tuple[YearDuties, ...]
    missed_errors: int  # duties of severity error that were missed


def duty_calendar(folder: Path | str, *, year: int | None = None, council: str | None = None,
                  lib=None) -> DutyCalendar:
    """The duties of each year (or of `year`) against the meetings in the folder's scenarios."""
    from engine.core.evaluate import load_scenario
    from engine.core.library import library

    lib = lib or library()
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError("errors.folder-missing" if folder.exists() is False else "errors.not-a-folder",
                         file=str(folder), hint=Message("errors.hint/scenario-folder"))
    council = council or lib.default_council
    docs = lib.council_documents(council, where="--council")
    meetings = []
    for path in sorted(folder.rglob("*.yaml")):
        scenario, located = load_scenario(path)
        doc = lib.choose(scenario.organ, scenario.date, scenario.bylaws, where=str(path),
                         council=scenario.council)
        check_invited(scenario.invited, doc, located)  # ids of the document's `invitees`
        if doc.council == council:
            meetings.append(Meeting(file=str(path), date=scenario.date, organ=scenario.organ,
                                    bylaws=doc.id, invited=tuple(scenario.invited),
                                    meeting_type=scenario.meeting_type))
    # without --year: the years of the folder's meetings that a document of the council covers
    years = [year] if year is not None else sorted({m.date.year for m in meetings
                                                    if _has_calendar(m.date.year, docs)})
    if not years:
        raise InputError("errors.no-calendar-meetings", file=str(folder), hint=Message("errors.hint/give-year"))
    out = [_year(y, [m for m in meetings if m.date.year == y], docs) for y in years]
    missed = sum(1 for y in out for d in y.duties if d.status == "missed" and d.finding.severity == "error")
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


def _year(y: int, meetings: list[Meeting], docs: list[Document]) -> YearDuties:
    first, last = date(y, 1, 1), date(y, 12, 31)
    doc = _calendar_document(y, docs)
    covering = _covering(y, docs)
    if doc is None and covering:
        # the bylaws declare no recurring duty: nothing is missed, and the report says so
        doc = covering[0]
        held = [m for m in meetings if m.bylaws in {d.id for d in covering}]
        return YearDuties(year=y, bylaws=doc.id, meetings=tuple(sorted(held, key=lambda m: m.date)),
                          duties=(), note_id="calendar.no-duties")
    if doc is None:
        raise NotModelled("errors.no-calendar", {"year": y}, where="--year",
                          hint=modelled_periods(d for d in docs if d.duties))
    meetings = [m for m in meetings if m.bylaws == doc.id]  # another document's meetings do not count
    whole = (doc.valid_from or date.min) <= first and last <= (doc.valid_to or date.max)
    duties = [_per_year(rule, doc, y, meetings, whole) if rule.kind == "per-year"
              else _monthly(rule, doc, y, meetings) for rule in doc.duties if rule.in_force(first)]
    return YearDuties(year=y, bylaws=doc.id, meetings=tuple(sorted(meetings, key=lambda m: m.date)),
                      duties=tuple(duties))


def _organ_name(doc: Document, organ_id: str) -> str:
    return next((o.name for o in doc.organs if o.id == organ_id), organ_id)


def _duty(rule: DutyRule, status: str, message_id: str, severity: str | None = None, *,
          evidence: tuple[str, ...] = (), missing_months: tuple[int, ...] = (), **args: Any) -> Duty:
    """A duty's status with its finding; `severity` is how serious a miss is (the rule's, unless
    the year is not assessed)."""
    finding = Finding(rule=rule.id, severity=severity or rule.severity, citation=rule.citation,
                      quote=rule.quote, message_id=f"calendar.{message_id}", args=args)
    return Duty(status=status, label=rule.label, finding=finding, evidence=evidence,
                missing_months=missing_months)


def _count(n: int) -> dict:
    """«1 møte», «2 møter»: the number of meetings, worded by the catalogues."""
    return {"message": "calendar.meetings-one" if n == 1 else "calendar.meetings-many", "args": {"count": n}}


def _not_assessed(rule: DutyRule, doc: Document, y: int, evidence: tuple[str, ...]) -> Duty:
    """A year the document covers only in part: met if the part held a meeting, else not judged."""
    if evidence:
        return _duty(rule, "met", "met", year=y, meetings=_count(len(evidence)), evidence=evidence)
    return _duty(rule, "not-assessed", "not-assessed", "info", year=y, document=doc.id,
                 start=str(doc.valid_from), end=str(doc.valid_to))


def _per_year(rule: DutyRule, doc: Document, y: int, meetings: list[Meeting], whole: bool) -> Duty:
    """At least `rule.times` meetings of the organ in the year (with the invitation, if any), held
    by the rule's deadline. A meeting of the right kind held after the deadline does not fulfil the
    duty, but a missed duty names it: the reader sees that the meeting was late, not absent."""
    deadline = _deadline(rule, y)
    counting = [m for m in meetings if m.organ == rule.organ
                and (rule.invited is None or rule.invited in m.invited)
                and (rule.meeting_type is None or m.meeting_type == rule.meeting_type)]
    held = tuple(m.file for m in counting if m.date <= deadline)
    late = sorted((m for m in counting if m.date > deadline), key=lambda m: m.date)
    if not whole:
        return _not_assessed(rule, doc, y, held)
    if len(held) >= rule.times:
        return _duty(rule, "met", "met", year=y, meetings=_count(len(held)), evidence=held)
    return _missed_per_year(rule, doc, y, held, late)


def _missed_per_year(rule: DutyRule, doc: Document, y: int, held: tuple[str, ...],
                     late: list[Meeting]) -> Duty:
    """A missed per-year duty: how many counted, of what kind, by when; and the meetings held too late."""
    args = dict(year=y, organ=_organ_name(doc, rule.organ), times=rule.times,
                meetings=_missed_count(len(held)),
                kind=_part("meeting-type", type=rule.meeting_type) if rule.meeting_type else "",
                invited=_part("invited", who=_invitee_label(doc, rule.invited)) if rule.invited else "",
                # the day of the year, worded «innen 31.5.» or «by 2023-05-31»
                within=_part("within", date={"day-of-year": _deadline(rule, y).isoformat()}) if rule.by else "")
    if not late:
        return _duty(rule, "missed", "missed-per-year", evidence=held, **args)
    # held, but after the deadline: each late meeting's day and file, worded «3.6.» / «2025-06-03»
    late_meetings = [_part("late-meeting", date={"day-of-year": m.date.isoformat()}, file=m.file) for m in late]
    return _duty(rule, "missed", "missed-per-year-late", evidence=held, **args,
                 late={"items": late_meetings, "sep": ", "})


def _invitee_label(doc: Document, invitee: str) -> dict:
    """The invited group in the data's own words, both languages («stortingsrepresentantene fra
    Follo»): the id was checked against the document's `invitees` on load."""
    label = next(i.label for i in doc.invitees if i.id == invitee)
    return {"data": {"nb": label.nb, "en": label.en}}


def _part(message_id: str, **args: Any) -> dict:
    """A part of a sentence that is itself a message of the catalogues' calendar section."""
    return {"message": f"calendar.{message_id}", "args": args}


def _missed_count(n: int) -> dict:
    """«0 møter» / «0 meeting(s)»: the count of a missed duty, worded by the catalogues."""
    return {"message": "calendar.missed-one" if n == 1 else "calendar.missed-many", "args": {"count": n}}


def _deadline(rule: DutyRule, y: int) -> date:
    if rule.by is None:
        return date(y, 12, 31)
    month, _, day = rule.by.partition("-")
    return date(y, int(month), int(day))


def _monthly(rule: DutyRule, doc: Document, y: int, meetings: list[Meeting]) -> Duty:
    """A meeting of the organ in every month of the year that lies inside the bylaws' period."""
    months = [m for m in range(1, 13) if _month_in(doc, y, m)]
    held = {m.date.month for m in meetings if m.organ == rule.organ}
    missing = tuple(m for m in months if m not in held)
    evidence = tuple(m.file for m in meetings if m.organ == rule.organ)
    organ = _organ_name(doc, rule.organ)
    if not missing:
        return _duty(rule, "met", "monthly-met", organ=organ, year=y, evidence=evidence)
    months = {"items": [{"word": "calendar-month", "value": str(m)} for m in missing], "sep": ", "}
    return _duty(rule, "missed", "monthly-missed", organ=organ, months=months, year=y,
                 evidence=evidence, missing_months=missing)


def _month_in(doc: Document, y: int, m: int) -> bool:
    """The whole month lies within the document's period."""
    first = date(y, m, 1)
    last = date(y + (m == 12), m % 12 + 1, 1).toordinal() - 1
    return (doc.valid_from or date.min) <= first and date.fromordinal(last) <= (doc.valid_to or date.max)
