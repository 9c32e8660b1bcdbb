"""The bylaws as data: strict, frozen pydantic models of a council's agreement and the statute.

Every provision carries a `citation` (the loader refuses one without) and, where the source has
it, the clause text in `quote`. What the sources do not give is an `assumption`, shown in every
report that rests on it. Dates are validity periods: `from` inclusive, `to` inclusive, `null`
open.
"""
from __future__ import annotations

from datetime import date
from fractions import Fraction
from functools import cache, lru_cache
from typing import Literal

from pydantic import Field, field_validator, model_validator

from engine.core.base import Frozen, FrozenDict
from engine.core.bounds import Id, Number, Year
from engine.core.errors import invalid

Right = Literal["attend", "speak", "propose", "vote"]
ParticipantKind = Literal["kommune", "fylkeskommune"]
Layer = Literal["statute-mandatory", "statute-default", "bylaws"]


@cache
def required_count(fraction: str, members: int) -> int:
    """The smallest whole number of members that is at least `fraction` of `members`: the ceiling
    of members × numerator / denominator, in whole numbers (exact, as with Fractions)."""
    share = _share(fraction)
    return -(-(share.numerator * members) // share.denominator)


@lru_cache(maxsize=64)
def _share(fraction: str) -> Fraction:
    """A fraction of the data («1/3», «2/3») parsed once (every case asks for its agenda quorum;
    parsing the text took more than the rest of the count). A bad one is asked again and raises."""
    return Fraction(fraction)


def _fraction_of(value: str) -> Fraction:
    """A fraction written as text ("1/2", "0.5"), or the located «not a fraction» error."""
    try:
        return Fraction(value)
    except (ValueError, ZeroDivisionError):
        raise invalid("errors.fraction-invalid", value=value) from None


class Assumption(Frozen):
    """A provision the sources do not give: what is assumed, why, and what changes if wrong."""

    what: str
    why: str
    if_wrong: str | None = None
    topic: str | None = None  # e.g. statute-by-analogy, statute-before-2019: lets the engine pick it


class Dated(Frozen):
    valid_from: date | None = Field(default=None, alias="from")
    valid_to: date | None = Field(default=None, alias="to")

    def in_force(self, on: date) -> bool:
        return ((self.valid_from is None or self.valid_from <= on)
                and (self.valid_to is None or on <= self.valid_to))

    @model_validator(mode="after")
    def _ordered(self):
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise invalid("errors.to-before-from", to=str(self.valid_to), start=str(self.valid_from))
        return self


class Provision(Dated):
    """Anything taken from a legal source: it must say where from."""

    citation: str = Field(min_length=3)
    quote: str | None = None
    assumption: Assumption | None = None
    note: str | None = None


class DatedName(Dated):
    name: str
    citation: str | None = None
    assumption: Assumption | None = None


class NamedParty(Provision):
    """A participant or observer: one id, and the name it had on each date."""

    id: str
    name: str
    names: tuple[DatedName, ...] = ()

    def name_on(self, on: date) -> str:
        return next((n.name for n in self.names if n.in_force(on)), self.name)


class Participant(NamedParty):
    short: str
    kind: ParticipantKind
    successor: str | None = None


class Observer(NamedParty):
    pass


class DeputyPolicy(Provision):
    """Who may stand in for an absent seat holder.

    fixed: one named person per seat (office held for the same participant);
    numbered: the deputies of the member's group, in their numbered order (§ 7-10);
    personal: the deputy elected for that one member (`deputy_for` in the roster).
    Only the deputy the policy names may stand in («bare la seg representere ved sine faste
    stedfortredere», handlingsprogram 2021 kap. 1.2); the sources give no other substitute, so
    there is no field for one (an `exclusive` flag the engine never read was removed, issue 17).
    """

    kind: Literal["fixed", "numbered", "personal"]
    office: str
    # the layer of the rule when it is the statute's own (e.g. kommuneloven § 18-3 første ledd is
    # mandatory, § 7-10 a default); unset: the bylaws' rule, or for a statute citation § 7-10's layer
    layer: Layer | None = None


class Eligibility(Provision):
    """Who may hold a seat, checked against the roster on the date (`vedtekt authority check`):
    the holder must also hold `office` for the same participant (e.g. formannskapsmedlem), or
    belong to `group` in the seat's own holding (e.g. «ein representant frå opposisjonen»)."""

    office: str | None = None
    group: str | None = None

    @model_validator(mode="after")
    def _something(self):
        if self.office is None and self.group is None:
            raise invalid("errors.eligibility-needs-office-or-group")
        return self


class CompositionRule(Provision):
    """A requirement on who sits together, checked where the roster records it.

    both-genders: among each participant's members (of `per_participant` kind) both genders are
    represented («Begge kjønn skal vera representert frå kvar kommune»); people without a recorded
    `gender` make the participant not assessable, reported as such."""

    kind: Literal["both-genders"]
    per_participant: tuple[ParticipantKind, ...] = ("kommune",)
    severity: Literal["error", "warning"] = "error"


class Seat(Provision):
    """A class of seats or attendance rights in an organ, held through a roster office.

    `office` is a roster office (e.g. `ordforer`), or a derived one: `leader` / `vice` of the
    organ named in `leadership_of`. With `leadership_of` and `per_participant`, only the
    participants holding that organ's leadership or vice leadership have the seat.
    """

    office: str
    per_participant: tuple[ParticipantKind, ...] | None = None
    leadership_of: str | None = None
    member: bool = True
    rights: tuple[Right, ...]
    vote_unit: Literal["person", "participant"] = "person"
    deputies: DeputyPolicy | None = None
    delegable_to_employee: bool = False
    label: str | None = None
    eligible: Eligibility | None = None
    # seats per participant held by the members of the participant's own body (`<body>-medlem`):
    # the body's name as the agreement gives it («formannskapet»); the authority graph names the
    # body «Formannskapet i Ås» from it, and by the office id where the bylaws give no name
    body: str | None = None


class ObserverSeat(Provision):
    observer: str
    rights: tuple[Right, ...]


class Quorum(Provision):
    fraction: str = "1/2"
    basis: Literal["present", "present_and_voting"] = "present_and_voting"

    @field_validator("fraction")
    @classmethod
    def _fraction(cls, value: str) -> str:
        if not 0 < _fraction_of(value) <= 1:
            raise invalid("errors.fraction-out-of-range", value=value)
        return value

    def required(self, members: int) -> int:
        return required_count(self.fraction, members)


class RotationAnchor(Frozen):
    """A term the sources name (leader and vice), from which the rotation follows both ways."""

    year: Year  # the year the anchored term starts in
    leader: str  # participant id
    vice: str | None = None
    citation: str = Field(min_length=3)
    assumption: Assumption | None = None


class Vacancy(Provision):
    """The leader (or vice) leaves office mid-term; `from` is the first day of the new leadership.

    `leader`/`vice`: the participants leading from that day when the sources name them;
    otherwise engine.core.rotation derives them (the vice takes over, the next in order becomes vice).
    """

    office: Literal["leader", "vice"] = "leader"
    participant: str  # whose office fell vacant
    person: str | None = None  # roster person id of the one who left
    leader: str | None = None
    vice: str | None = None

    @model_validator(mode="after")
    def _dated(self):
        if self.valid_from is None:
            raise invalid("errors.vacancy-needs-from")
        return self


class Leadership(Provision):
    """How the organ's leader and vice are found. Details of rotation: see engine.core.rotation.

    kind `elected`: the organ elects its own (no rotation, kommuneloven § 18-3 default);
    `rotation`: by turn in Norwegian alphabetical order of the participants' names, per `term`
    (a year, or a four-year election period), starting on 1 January or at the constituent
    meeting; `derived`: follows another organ's leadership.
    """

    kind: Literal["elected", "rotation", "derived"]
    from_organ: str | None = None  # derived: leadership follows this organ's
    via_office: str | None = None  # derived: the holder of this office in the leader's participant
    among_office: str | None = None  # rotation/elected: among holders of this office
    term: Literal["year", "election-period"] = "year"
    anchor: RotationAnchor | None = None
    vice_becomes_leader: bool = True
    # the vice: by turn (the one after the leader), none at all, or elected (the roster's
    # `nestleder` holding for the organ) while the leader rotates
    vice_by: Literal["rotation", "none", "elected"] = "rotation"
    on_vacancy: Literal["schedule-stays", "schedule-shifts"] = "schedule-stays"
    order: Literal["alphabetical"] = "alphabetical"
    assumptions: tuple[Assumption, ...] = ()
    # rotation details (all optional; the defaults are Follorådet's 4.1.3)
    among_kinds: tuple[ParticipantKind, ...] = ("kommune",)
    term_start: Literal["calendar-year", "constituent-meeting"] = "calendar-year"
    constituent_meeting: str = "10-15"  # MM-DD of the constituent meeting (an assumption)
    election_year: Year = 2019  # any year of local elections; periods run every four years
    on_ceased: Literal["next-in-order", "successor"] = "next-in-order"
    vacancies: tuple[Vacancy, ...] = ()

    @model_validator(mode="after")
    def _rotation_details(self):
        month, _, day = self.constituent_meeting.partition("-")
        try:
            date(2001, int(month), int(day))  # raises on a bad MM-DD
        except ValueError:
            raise invalid("errors.month-day-invalid", value=self.constituent_meeting) from None
        if self.vice_by != "rotation" and self.vice_becomes_leader:
            raise invalid("errors.vice-becomes-leader-needs-rotation")
        return self

    @property
    def start_known(self) -> bool:
        """A rotation without an anchor: the order is known, the starting term is not."""
        return self.anchor is not None


class ConvenePrerequisite(Provision):
    kind: Literal["innstilling", "agenda-approved"]
    organ: str


class DemandRule(Provision):
    """Who may demand a meeting besides the statute's third of the members (§ 11-2 andre ledd c):
    `participants`: at least `count` participants (a member of each demanding), e.g. «når ein
    deltakar krev det»; `leader`: the organ's leader."""

    by: Literal["participants", "leader"]
    count: int = Field(default=1, ge=1)


class Convening(Provision):
    by_office: Literal["leader"] = "leader"
    leader_of: str | None = None  # the organ whose leader convenes (default: the organ itself)
    prerequisites: tuple[ConvenePrerequisite, ...] = ()
    on_demand: tuple[DemandRule, ...] = ()


class Organ(Provision):
    id: str
    name: str
    supreme: bool = False
    political: bool = True
    seats: tuple[Seat, ...] = ()
    observers: tuple[ObserverSeat, ...] = ()
    quorum: Quorum | None = None
    leadership: Leadership | None = None
    convening: Convening | None = None
    composition: tuple[CompositionRule, ...] = ()
    decides: bool = True  # an organ that only prepares takes no decisions of its own


class CaseKind(Frozen):
    """A kind of case: whether it is an election or appointment (blank votes, no casting vote)."""

    id: str
    label: str
    election: bool = False
    appointment: bool = False
    voted: bool = True  # False: information only (orienteringssak), no vote expected
    # a kind no organ of the council may decide (an IPR may not make enkeltvedtak, kommuneloven
    # § 18-1 andre ledd): the clause that withholds it, which wrong-organ cites, and its layer
    withheld_by: str | None = None
    withheld_layer: Layer = "bylaws"
    quote: str | None = None


class Label(Frozen):
    nb: str
    en: str


class Invitee(Provision):
    """A group the bylaws oblige the council to invite (e.g. the region's members of parliament,
    once a year): the id that a duty's `invited` and a scenario's `invited` name. Declared in the
    data, with its clause, so any council can have an «invite X» duty without a word of it in the
    engine."""

    id: str
    label: Label


MeetingType = Literal["ordinært", "ekstraordinært"]  # a scenario's `meeting_type` (vedtekt calendar)


class DutyRule(Provision):
    """A recurring duty of the bylaws, judged by `vedtekt calendar` from a year's meetings.

    per-year: at least `times` meetings of `organ` each year (with `invited`, the id of one of the
    document's `invitees`, among the invited when given); monthly: a meeting of `organ` every month (usually: a warning when missed).
    """

    id: str
    organ: str
    kind: Literal["per-year", "monthly"]
    times: int = Field(default=1, ge=1)
    invited: str | None = None
    by: str | None = None  # MM-DD: the meetings must be held by this day of the year («innen utgangen av mai»)
    # only meetings of this type count; the same two types a scenario may state, so a misspelt
    # type is refused on load instead of making a duty no meeting can fulfil
    meeting_type: MeetingType | None = None
    severity: Literal["error", "warning"]
    label: Label

    @field_validator("by")
    @classmethod
    def _month_day(cls, value: str | None) -> str | None:
        if value is not None:
            month, _, day = value.partition("-")
            date(2001, int(month), int(day))  # raises on a bad MM-DD
        return value


class Competence(Provision):
    """Which organ decides a kind of case, and whose innstilling it needs."""

    case_kind: str
    organ: str
    needs_innstilling_from: str | None = None
    majority: str | None = None  # a qualified majority of the votes cast, e.g. "2/3" (§ 18-4 tredje ledd)
    binding: bool = True  # False: the decision only recommends; the participants decide themselves
    layer: Layer = "bylaws"  # the statute's layer when the competence is the statute's own (§ 18-4 andre ledd)

    @field_validator("majority")
    @classmethod
    def _majority(cls, value: str | None) -> str | None:
        if value is not None and not 0 < _fraction_of(value) <= 1:
            raise invalid("errors.fraction-out-of-range", value=value)
        return value


class Relation(Provision):
    kind: Literal["reports-to", "instructs", "recommends-to", "prepares-for", "steers",
                  "leads", "member-of", "convenes"]
    source: str
    target: str


class Person(Frozen):
    id: Id
    name: str
    fictional: bool = False
    gender: Literal["k", "m"] | None = None  # recorded only where a composition rule needs it
    note: str | None = None


#: The roster offices the engine reads by name (a holding's `office`): an organ's elected leader
#: and vice, and a participant's observer; every other office is the bylaws' own (a seat, its
#: deputies, an eligibility or a relation names it).
LEADER_OFFICE, VICE_OFFICE, OBSERVER_OFFICE = "leder", "nestleder", "observator"


class Holding(Dated):
    """One person holding one office, for a participant or observer, over a period."""

    person: Id
    office: Id
    participant: Id | None = None
    group: str | None = None
    number: Number | None = None  # a deputy's place in the order: from 1
    deputy_for: str | None = None
    organ: str | None = None
    source: str | None = None
    assumption: Assumption | None = None


class Roster(Frozen):
    note: str | None = None
    people: tuple[Person, ...] = ()
    holdings: tuple[Holding, ...] = ()


class ClauseStatus(Frozen):
    """For `vedtekt bylaws`: what became of each clause of the sources."""

    clause: str
    status: Literal["encoded", "not-modelled", "informative"]
    reason: str | None = None
    encoded_as: tuple[str, ...] = ()


class Source(Frozen):
    id: str
    title: str
    file: str | None = None
    url: str | None = None
    completeness: str | None = None


class Document(Dated):
    """One council's bylaws over the periods they are modelled for."""

    id: str
    title: str
    council: str
    kind: Literal["regionrad", "ipr", "ko", "statute"]
    statute: str | None = None
    sources: tuple[Source, ...] = ()
    assumptions: tuple[Assumption, ...] = ()
    participants: tuple[Participant, ...] = ()
    observers: tuple[Observer, ...] = ()
    organs: tuple[Organ, ...] = ()
    statute_applies: Literal["as-law", "by-analogy"] = "as-law"
    case_kinds: tuple[CaseKind, ...] = ()
    competences: tuple[Competence, ...] = ()
    duties: tuple[DutyRule, ...] = ()
    invitees: tuple[Invitee, ...] = ()  # the groups a duty or a meeting may name in `invited`
    relations: tuple[Relation, ...] = ()
    roster: Roster = Roster()
    clauses: tuple[ClauseStatus, ...] = ()

    def organ(self, organ_id: str) -> Organ:
        return next(o for o in self.organs if o.id == organ_id)

    def participants_on(self, on: date) -> list[Participant]:
        return [p for p in self.participants if p.in_force(on)]


class TransitionMap(Frozen):
    """How one document's organs and offices correspond to another's (one direction)."""

    from_doc: str = Field(alias="from")
    to_doc: str = Field(alias="to")
    organs: FrozenDict[str, str] = FrozenDict()
    offices: FrozenDict[str, str | None] = FrozenDict()  # None: the office has no counterpart


class TransitionStep(Frozen):
    """A legal step of the move, with its date, source and status as the sources give them.

    `check: ipr-name`: the engine states whether the new name contains the words the statute's
    `ipr-name` rule requires (what/status are then written by the engine)."""

    date: str
    who: str
    what: str | None = None
    citation: str = Field(min_length=3)
    status: str | None = None
    source: str | None = None
    open_question: str | None = None
    check: Literal["ipr-name"] | None = None

    @model_validator(mode="after")
    def _complete(self):
        if self.check is None and (self.what is None or self.status is None):
            raise invalid("errors.step-incomplete")
        return self


class TransitionChange(Frozen):
    topic: str
    before: str
    after: str
    citation: str = Field(min_length=3)


class TransitionCompetence(Frozen):
    """A competence row of the report: who decides `case_kind` before and after."""

    case_kind: str
    topic: str
    citation: str = Field(min_length=3)


class Transition(Frozen):
    """bylaws/transitions/<id>.yaml: a council's move from one document to another."""

    id: str
    title: str
    documents: tuple[str, str]  # before, after
    maps: tuple[TransitionMap, ...] = ()
    case_kind_fallback: FrozenDict[str, str] = FrozenDict()
    assumptions: tuple[str, ...] = ()
    steps: tuple[TransitionStep, ...] = ()
    changes: tuple[TransitionChange, ...] = ()
    budget: TransitionCompetence | None = None
    family_notes: FrozenDict[str, str] = FrozenDict()  # case kind → why the generated meetings' verdicts change
    amendments_unknown: str | None = None  # said of a document without an amendment clause

    def map_for(self, from_id: str, to_id: str) -> TransitionMap | None:
        return next((m for m in self.maps if m.from_doc == from_id and m.to_doc == to_id), None)


class LibrarySettings(Frozen):
    """bylaws/library.yaml: settings of the whole bylaws folder."""

    default_council: str | None = None  # the council of scenarios naming neither council nor bylaws
    # the date the web page's meeting form opens on (default: the default council's newest
    # document's first day)
    form_opens_on: date | None = None
    note: str | None = None


class StatuteRule(Provision):
    """One statutory rule: mandatory, or a default the agreement may replace."""

    id: str
    layer: Literal["statute-mandatory", "statute-default"]
    parameters: FrozenDict[str, str | int | bool | tuple[str, ...]] = FrozenDict()
    engine_rules: tuple[str, ...] = ()  # rules of engine/core/rules.yaml that apply this provision


class Statute(Dated):
    id: str
    title: str
    rules: tuple[StatuteRule, ...]
    assumptions: tuple[Assumption, ...] = ()

    def rule(self, rule_id: str) -> StatuteRule:
        return next(r for r in self.rules if r.id == rule_id)
