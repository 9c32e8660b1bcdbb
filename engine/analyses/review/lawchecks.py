"""A draft's text against kommuneloven chapter 18 and § 31-2 (2018 wording, quoted in each check).

Each check returns findings; none prints. Citations name only what the source texts say.
"""
from __future__ import annotations

import re

from engine.analyses.review.extract import Named, Seats, stated_name
from engine.analyses.review.model import Finding, Location, finding
from engine.analyses.review.parse import Draft
from engine.analyses.review.text import NEGATION, Sentence, all_sentences, fraction_in

_I = re.IGNORECASE


def title_location(draft: Draft) -> Location:
    """Where a finding about the whole agreement (something missing from it) points: its title."""
    return Location(heading=draft.title or None, line=draft.title_line)


# § 18-1 third paragraph: "Rådets navn skal inneholde ordene interkommunalt politisk råd."
def name_check(draft: Draft, kind: str) -> list[Finding]:
    if kind != "ipr":
        return []
    stated = stated_name(draft)
    if stated is None:
        return []  # the checklist reports a missing name (letter a)
    name, sentence = stated
    if re.search(r"interkommunalt\s+politisk\s+råd", name, _I):
        return []
    return [finding(
        "name-missing-ipr", "error", "kommuneloven § 18-1 tredje ledd", sentence.location(),
        "name-missing-ipr", name=name)]


# § 18-1 second paragraph: no enkeltvedtak, except on internal matters and grant schemes.
_ENKELTVEDTAK = re.compile(r"enkeltvedtak|dispensasjon\w*|bevilling\w*|løyve|konsesjon\w*|"
                           r"byggesak\w*|klage\w*\s+over\s+vedtak", _I)
_GRANTS_OR_INTERNAL = re.compile(r"interne\s+forhold|tilskuddsordning\w*|tilskotsordning\w*", _I)
_GIVES_AUTHORITY = re.compile(r"\b(?:kan|skal|har|gis|får)\b[^.]{0,60}\b(?:treffe|fatte|gjøre|"
                              r"gjere|avgjøre|avgjere|myndighet|mynde|innvilge|tildele|behandle)", _I)


def enkeltvedtak_check(draft: Draft) -> list[Finding]:
    findings = []
    for sentence in all_sentences(draft.clauses):
        text = sentence.text
        if not (_ENKELTVEDTAK.search(text) and _GIVES_AUTHORITY.search(text)):
            continue
        if NEGATION.search(text) or _only_allowed(text):
            continue
        findings.append(finding(
            "enkeltvedtak-authority", "error", "kommuneloven § 18-1 andre ledd",
            Location(heading=sentence.clause.heading, line=sentence.line_of(_ENKELTVEDTAK)),
            "enkeltvedtak-authority"))
    return findings


def _only_allowed(text: str) -> bool:
    other = _ENKELTVEDTAK.findall(text)
    return bool(_GRANTS_OR_INTERNAL.search(text)) and all(w.lower() == "enkeltvedtak" for w in other)


# § 18-1 first paragraph: "To eller flere kommuner eller fylkeskommuner kan sammen opprette ..."
def participant_kind_check(participants: list[Named]) -> list[Finding]:
    return [finding(
        "participant-not-municipal", "error", "kommuneloven § 18-1 første ledd", p.location(),
        "participant-not-municipal", name=p.name)
        for p in participants if p.kind == "other"]


EVERY_PARTICIPANT = "*"  # the key of a seats rule that holds for every participant


# § 18-3 first paragraph: every participant at least one member, and at least as many deputies.
def seats_check(participants: list[Named], seats: Seats) -> list[Finding]:
    findings = []
    names = [p.name for p in participants if p.kind != "other"] or [n.name for n in seats.names.values()]
    if "*" in seats.members and "*" in seats.deputies and not seats.table:  # one rule for all: one finding
        names = names[:1] and [EVERY_PARTICIPANT]
    for name in names:
        members, deputies = seats.seats_of(name), seats.deputies_of(name)
        if name == EVERY_PARTICIPANT:  # one rule for all: worded by the catalogue, not a name
            name = {"word": "review-who", "value": "every-participant"}
        if members == 0 or (members is None and seats.table):  # a seats table that leaves it out
            findings.append(finding(
                "member-missing", "error", "kommuneloven § 18-3 første ledd", seats.members_at,
                "member-missing", name=name))
        elif members and deputies is not None and deputies < members:
            findings.append(finding(
                "deputies-fewer-than-members", "error", "kommuneloven § 18-3 første ledd",
                seats.deputies_at or seats.members_at,
                "deputies-fewer-than-members", name=name, members=members, deputies=deputies))
    return findings


_DEPUTY_WORDS = re.compile(r"\bvara\w{0,12}|\bstedfortreder\w{0,3}|\bstadfortredar\w{0,3}", _I)


def deputies_missing(draft: Draft, seats: Seats) -> list[Finding]:
    """Members are fixed, but the agreement elects no deputies anywhere."""
    if not seats.members or draft.truncated_at or _DEPUTY_WORDS.search(draft.body):
        return []
    return [finding(
        "deputies-missing", "error", "kommuneloven § 18-3 første ledd", seats.members_at or title_location(draft),
        "deputies-missing")]


def representantskap_missing(draft: Draft) -> list[Finding]:
    if draft.truncated_at or re.search(r"representantskap", draft.body, _I):
        return []
    return [finding(
        "representantskap-missing", "error", "kommuneloven § 18-3 første ledd", title_location(draft),
        "representantskap-missing")]


_TERM = re.compile(r"valperiode|valgperiode|funksjonstid|velges\s+for|vert\s+valt?\s+for|veljast\s+for|"
                   r"\b(?:fire|4|to|2)\s+år\b|kommunestyreperiode", _I)
_LEADER = re.compile(r"\b(?:leder|leiar|nestleder|nestleiar)\b", _I)


def defaults_of_18_3(draft: Draft) -> list[Finding]:
    """What § 18-3 supplies where the agreement is silent (info: lawful, but said so)."""
    if draft.truncated_at:
        return []
    found = []
    if not _TERM.search(draft.body):
        found.append(finding(
            "term-default", "info", "kommuneloven § 18-3 tredje ledd", title_location(draft),
            "term-default"))
    if not _LEADER.search(draft.body):
        found.append(finding(
            "leader-default", "info", "kommuneloven § 18-3 første ledd", title_location(draft),
            "leader-default"))
    return found


# § 18-3 first paragraph: "Hvert kommunestyre eller fylkesting velger selv sine medlemmer".
_APPOINTED_BY_OTHER = re.compile(
    r"\b(?:medlem\w*|representant\w*)[^.]{0,60}\b(?:velges|vert\s+valt|oppnevnes|utpekes|peikast\s+ut)"
    r"\s+av\s+(?:formannskap\w*|ordfører\w*|ordførar\w*|representantskap\w*|rådmann\w*|"
    r"kommunedirektør\w*|daglig\s+leder|dagleg\s+leiar|arbeidsutval\w*|styre\w*)", _I)


def election_check(draft: Draft) -> list[Finding]:
    return [finding(
        "members-not-elected-by-kommunestyre", "error", "kommuneloven § 18-3 første ledd",
        s.location(),
        "members-not-elected-by-kommunestyre")
        for s in all_sentences(draft.clauses) if _APPOINTED_BY_OTHER.search(s.text)]


# § 18-4 second and third paragraphs: changes to the a–h matters by every kommunestyre; other
# changes by the representantskap with at least 2/3 of the votes cast unless the agreement says otherwise.
_AMENDMENT = re.compile(r"\b(?:endring\w*|endra|endre)\s+(?:i|av)\s+(?:denne\s+)?(?:samarbeids)?"
                        r"(?:avtale\w*|vedtekt\w*)|\bavtaleendring\w*|\bvedtektsendring\w*", _I)
_ALL_COUNCILS = re.compile(r"(?:samtlige|alle|hver|hvert|kvart|kvar|samtlege|de\s+enkelte|dei\s+einskilde)\s+"
                           r"(?:av\s+)?(?:deltaker\w*\s+|deltakar\w*\s+)?(?:kommunestyre\w*|fylkesting\w*)|"
                           r"(?:kommunestyre\w*|kommunestyra)\s+i\s+(?:samtlige|alle|samtlege)", _I)
_EXCEPT_AMENDMENTS = re.compile(r"(?:med\s+unntak\s+av|unntatt|bortsett\s+fra)\s+endring", _I)
_COUNCILS = re.compile(r"kommunestyre\w*|kommunestyra|fylkesting\w*", _I)
# "gi innstilling til medlemskommunene om endring": the councils decide, the council proposes.
_PROPOSES_TO_COUNCILS = re.compile(r"innstilling\w*\s+til\s+(?:medlems|deltaker|deltakar)?kommun\w*", _I)
_DECIDES = re.compile(r"\b(?:vedtas|vedtar|vedtek|vedtakast|besluttes|beslutter|avgjøres|kan\s+endre\w*|"
                      r"endres\s+av|gjerast\s+av|gjøres\s+av|godkjenn\w*)\b", _I)


def amendment_sentences(draft: Draft) -> list[Sentence]:
    found = [s for s in all_sentences(draft.clauses) if _AMENDMENT.search(s.text)
             or (re.search(r"endring", s.clause.heading, _I) and re.search(r"vedta|endring", s.text, _I))]
    # "Med unntak av endringer i samarbeidsavtalen … treffes beslutninger med …" is the ordinary rule.
    return [s for s in found if not _EXCEPT_AMENDMENTS.search(s.text)]


def amendment_check(draft: Draft) -> list[Finding]:
    found = amendment_sentences(draft)
    if not found:
        return [finding(
            "amendment-default", "info", "kommuneloven § 18-4 andre og tredje ledd", title_location(draft),
            "amendment-default")]
    text = " ".join(s.text for s in found)
    if _ALL_COUNCILS.search(text) or _PROPOSES_TO_COUNCILS.search(text):
        return []
    deciding = [s for s in found if _DECIDES.search(s.text)]
    if not deciding:
        return []  # amendments are mentioned, but nobody is said to adopt them here
    where = deciding[0]
    councils = _COUNCILS.search(text)
    deciders = "councils-majority" if councils else "representantskap-alone"
    return [finding(
        "amendment-rule", "error", "kommuneloven § 18-4 andre ledd", where.location(),
        "amendment-rule", deciders={"word": "review-amendment-deciders", "value": deciders})]


def amendment_fraction(draft: Draft):
    """The representantskap's majority for other changes, if the agreement sets one (else None)."""
    for sentence in amendment_sentences(draft):
        if re.search(r"alminnelig|vanlig|simpelt", sentence.text, _I):
            return "simple"
        value = fraction_in(sentence.text)
        if value is not None and value < 1:
            return value
    return None


# Observers never vote: only the members elected under § 18-3 first paragraph sit in the representantskap.
_OBSERVER = re.compile(r"observatør\w*|statsforvalter\w*|fylkesmann\w*", _I)
_VOTE = re.compile(r"stemmerett|røysterett|tale-,\s*forslags-\s*og\s*stemmerett|rett\s+til\s+å\s+stemme", _I)


def observer_vote_check(draft: Draft) -> list[Finding]:
    findings = []
    for sentence in all_sentences(draft.clauses):
        text = sentence.text
        if _OBSERVER.search(text) and _VOTE.search(text) and not NEGATION.search(text):
            findings.append(finding(
                "observer-vote", "error", "kommuneloven § 18-3 første ledd",
                Location(heading=sentence.clause.heading, line=sentence.line_of(_VOTE)),
                "observer-vote"))
    return findings


def not_an_ipr(draft: Draft, kind: str) -> list[Finding]:
    if kind != "ko":
        return []
    return [finding(
        "not-an-ipr", "info", "kommuneloven § 19-1 og § 19-4", title_location(draft),
        "not-an-ipr")]


def law_checks(draft: Draft, participants: list[Named], seats: Seats, kind: str) -> list[Finding]:
    return (not_an_ipr(draft, kind) + name_check(draft, kind) + enkeltvedtak_check(draft)
            + participant_kind_check(participants) + seats_check(participants, seats)
            + deputies_missing(draft, seats) + representantskap_missing(draft) + defaults_of_18_3(draft)
            + election_check(draft) + amendment_check(draft) + observer_vote_check(draft))
