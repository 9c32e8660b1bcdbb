"""Facts read out of a draft's text: participants, seats, shares, rotation order, decision rules.

Each extractor returns what it found and where; none of them judges. The checks do that.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from engine.analyses.review.model import Location
from engine.analyses.review.parse import Draft
from engine.analyses.review.text import (NUMBER, Sentence, all_sentences, flat, split_list, table_rows,
                   to_int)
from engine.core.textnorm import fold

# Words that mark an organisation that is neither a kommune nor a fylkeskommune.
NOT_MUNICIPAL = re.compile(
    r"\b(?:lag(?:et)?|SA|AS|ASA|IKS|KF|HF|NHO|LO|KS|innovasjon norge)\b|"
    r"\b\w*(?:forening|stiftelse|universitet|høgskule|høgskole|statsforvalter|fylkesmann|departement|"
    r"direktorat|næringsråd|næringsforum|næringshage|klynge|helseforetak|vegvesen|selskap|"
    r"organisasjon|bedrift|kammer)\w*\b", re.IGNORECASE)


@dataclass
class Named:
    name: str
    line: int
    heading: str

    @property
    def short(self) -> str:
        return short_name(self.name)

    @property
    def kind(self) -> str:
        if NOT_MUNICIPAL.search(self.name):
            return "other"
        return "fylkeskommune" if re.search(r"fylkeskommun", self.name, re.I) else "kommune"

    def location(self) -> Location:
        return Location(heading=self.heading, line=self.line)


def short_name(name: str) -> str:
    name = re.sub(r"^(?:kommunene|kommunane|kommunen|kommune)\s+(?:i\s+)?", "", name.strip(),
                  flags=re.IGNORECASE)
    return re.sub(r"\b (?:kommune|fylkeskommune|kommunene)$", "", flat(name), flags=re.IGNORECASE).strip()


def key(name: str) -> str:
    return fold(short_name(name))


# --- participants ---------------------------------------------------------------------------

_PARTICIPANT_TRIGGERS = [
    re.compile(r"\b(?:deltakere|deltakarar|deltakerne|deltakarane|deltakerkommunene|"
               r"deltakarkommunane|kommunene\s+som\s+deltar[^.]{0,80}?|kommunane\s+som\s+deltek[^.]{0,80}?)"
               r"(?:\s+i\s+\S+(?:\s+\S+)?)?\s+(?:er|består\s+av|vert)\s*:?", re.IGNORECASE),
    re.compile(r"\b(?:består\s+av|sett\s+saman\s+av|satt\s+sammen\s+av|samarbeid\w*\s+mellom|"
               r"samarbeidsorgan\s+(?:mellom|for))\s+(?=kommun)", re.IGNORECASE),
]


def participants(draft: Draft) -> tuple[list[Named], Sentence | None]:
    """The participant list and the sentence that gives it, or ([], None)."""
    found = all_sentences(draft.clauses)
    for trigger in _PARTICIPANT_TRIGGERS:
        for index, sentence in enumerate(found):
            match = trigger.search(sentence.text)
            if not match:
                continue
            names = _names_after(found, index, match.end())
            if len(names) >= 2:
                return names, sentence
    return [], None


def _names_after(found: list[Sentence], index: int, end: int) -> list[Named]:
    sentence = found[index]
    rest = sentence.text[end:]
    lead = re.fullmatch(r"(?:(?:følgende|følgjande|disse|desse) )?(?:(?:kommunene|kommunane|kommuner|kommunar)(?: i)?|i)?",
                        flat(rest).strip(" :"), re.IGNORECASE)
    pieces = [] if lead else [(sentence, end, rest)]
    follow = index + 1
    while not pieces or _is_bullet(pieces[-1][2]):
        if follow >= len(found) or found[follow].clause is not sentence.clause:
            break
        nxt = found[follow]
        if pieces and not _is_bullet(nxt.text):
            break
        pieces.append((nxt, 0, nxt.text))
        follow += 1
        if not _is_bullet(nxt.text):
            break
    names = []
    for owner, offset, text in pieces:
        names += _named_items(owner, offset, text)
    return names if all(_plausible(n.name) for n in names) else []


def _is_bullet(text: str) -> bool:
    return bool(re.match(r"^\s*(?:[-*•·]|\d{1,3}[.)])\s", text))


def _named_items(sentence: Sentence, offset: int, text: str) -> list[Named]:
    text = re.sub(r"^\s*(?:[-*•·]|\d+[.)])\s+", "", text)
    text = re.sub(r"^\s*(?:kommunene|kommunane)\s+(?:i\s+)?", "", text.strip(" :"), flags=re.I)
    text = re.split(r"(?<!\b[A-ZÆØÅ])\.(?:\s|$)", text)[0]  # stop at the sentence's end
    items = []
    for item in split_list(text):
        where = sentence.text.find(item, offset)
        line = sentence.clause.line_at(sentence.start + max(where, 0))
        items.append(Named(flat(item), line, sentence.clause.heading))
    return items


def _plausible(name: str) -> bool:
    words = name.split()
    return 0 < len(words) <= 5 and name[:1].isupper()


# --- seats and deputies ---------------------------------------------------------------------

@dataclass
class Seats:
    members: dict[str, int] = field(default_factory=dict)  # key(name) -> seats; "*" = each
    deputies: dict[str, int] = field(default_factory=dict)
    names: dict[str, Named] = field(default_factory=dict)
    members_at: Location | None = None
    deputies_at: Location | None = None
    table: list[Named] = field(default_factory=list)  # participants named in a seats table

    def seats_of(self, name: str) -> int | None:
        return self.members.get(key(name), self.members.get("*"))

    def deputies_of(self, name: str) -> int | None:
        return self.deputies.get(key(name), self.deputies.get("*"))


_EACH = r"(?:hver|hvert|kvar|kvart|den\s+enkelte|kvar\s+einskild)\s+(?:deltaker\w*|deltakar\w*|" \
        r"kommune\w*|medlemskommune\w*|deltakerkommune\w*|deltakarkommune\w*|kommunestyre\w*)"
_SEATS_EACH = re.compile(_EACH + r"[^.]{0,60}?\b" + NUMBER + r"\s+(?:faste\s+)?(?:medlem\w*|representant\w*)",
                         re.IGNORECASE)
_SEATS_FROM_EACH = re.compile(NUMBER + r"\s+(?:medlem\w*|representant\w*)\s+(?:fra|frå)\s+" + _EACH,
                              re.IGNORECASE)
_MAYOR_IS_MEMBER = re.compile(r"\bordfør\w*\s+(?:er|representerer)\s+(?:kommunen\w*|deltaker\w*|"
                              r"deltakar\w*)(?:\s+sin)?(?:\s+(?:medlem|representant)\w*)?", re.IGNORECASE)
_MAYOR_REPRESENTS = re.compile(r"\bordfør\w*[^.]{0,60}\brepresenterer\s+kommunen", re.IGNORECASE)
_DEPUTIES = re.compile(r"(?:minst\s+)?(" + NUMBER[1:-1] + r"|like\s+mange)\s+(?:personlige\s+)?"
                       r"(?:varamedlem\w*|vararepresentant\w*|varamenn|varafolk)", re.IGNORECASE)
_DEPUTY_MAYOR = re.compile(r"\bvaraordfør\w*\s+(?:som|er)\s+(?:\w+\s+)?(?:vara\w*|stedfortreder\w*)",
                           re.IGNORECASE)


def seats(draft: Draft) -> Seats:
    result = Seats()
    _seats_from_tables(draft, result)
    for sentence in all_sentences(draft.clauses):
        _seats_from_sentence(sentence, result)
    return result


def _seats_from_tables(draft: Draft, result: Seats) -> None:
    for clause in draft.clauses:
        rows = table_rows(clause)
        if not rows:
            continue
        header = [c.lower() for c in rows[0][1]]
        member_col = _column(header, r"^(?!.*vara).*(medlem|representant|seter|plasser)")
        deputy_col = _column(header, r"vara")
        if member_col is None:
            continue
        for line, cells in rows[1:]:
            if _is_total(cells[0]) or len(cells) <= member_col:
                continue
            named = Named(cells[0], line, clause.heading)
            count = to_int(cells[member_col].split()[0]) if cells[member_col].split() else None
            if count is None:
                continue
            result.table.append(named)
            result.members[key(named.name)] = count
            result.names[key(named.name)] = named
            if deputy_col is not None and len(cells) > deputy_col and cells[deputy_col].split():
                deputies = to_int(cells[deputy_col].split()[0])
                if deputies is not None:
                    result.deputies[key(named.name)] = deputies
            result.members_at = result.members_at or Location(heading=clause.heading, line=rows[0][0])
            if deputy_col is not None:
                result.deputies_at = result.deputies_at or Location(heading=clause.heading, line=rows[0][0])


def _column(header: list[str], pattern: str) -> int | None:
    return next((i for i, cell in enumerate(header) if re.search(pattern, cell)), None)


def _is_total(cell: str) -> bool:
    return bool(re.match(r"^(?:sum|totalt|i alt|til sammen|samla?)\b", cell.strip(), re.IGNORECASE))


# "Nordre Follo kommune har fire medlemmer, Enebakk og Frogn har ett medlem hver": seats by name.
_NAMED_SEATS = re.compile(
    r"(?P<name>[A-ZÆØÅ][\w-]{1,30}(?: [A-ZÆØÅ][\w-]{1,30}){0,2})(?: (?:kommune|fylkeskommune))? "
    r"(?:har|får|velger|vel|skal ha) " + NUMBER + r" (?:faste )?(?:medlem|representant)")  # names keep their capital
_OTHERS_SEATS = re.compile(r"\b(?:de|dei) (?:andre|øvrige|øvrege)(?: \w{1,20})? (?:har|får|velger|vel) "
                           + NUMBER + r" (?:faste )?(?:medlem|representant)", re.IGNORECASE)


def _seats_by_name(sentence: Sentence, result: Seats) -> None:
    text = sentence.text
    if result.table or re.search(r"\bvara", text, re.I):
        return
    for match in _NAMED_SEATS.finditer(text):
        name, count = match["name"], to_int(match.group(2))
        if count is None or re.match(r"(?:hver|hvert|kvar|kvart|den|rådet|representantskapet)\b", name, re.I):
            continue
        named = Named(name, sentence.clause.line_at(sentence.start + match.start()), sentence.clause.heading)
        result.table.append(named)
        result.members[key(name)] = count
        result.names[key(name)] = named
        result.members_at = result.members_at or sentence.location()
    others = _OTHERS_SEATS.search(text)
    if others and result.table and to_int(others.group(1)):
        result.members["*"] = to_int(others.group(1))


def _seats_from_sentence(sentence: Sentence, result: Seats) -> None:
    _seats_by_name(sentence, result)
    text = sentence.text
    # the first statement of seats for each participant that is not about deputies
    members = next((m for m in (_SEATS_EACH.search(text), _SEATS_FROM_EACH.search(text))
                    if m and not re.search(r"\bvara", m.group(0), re.I)), None)
    if members and "*" not in result.members:
        count = to_int(members.group(1))
        if count:
            result.members["*"] = count
            result.members_at = sentence.location()
    elif (_MAYOR_IS_MEMBER.search(text) or _MAYOR_REPRESENTS.search(text)) and not result.members:
        result.members["*"] = 1
        result.members_at = sentence.location()
    deputies = _DEPUTIES.search(text)
    if deputies and "*" not in result.deputies and re.search(_EACH + r"|\bvelger\b|\bvel\b", text, re.I):
        word = deputies.group(1).lower()
        count = result.members.get("*") if word.startswith("like") else to_int(word)
        if count is not None:
            result.deputies["*"] = count
            result.deputies_at = Location(heading=sentence.clause.heading,
                                          line=sentence.line_of(_DEPUTIES))
    elif _DEPUTY_MAYOR.search(text) and "*" not in result.deputies:
        result.deputies["*"] = 1
        result.deputies_at = sentence.location()


# --- ownership and liability shares ---------------------------------------------------------

@dataclass
class Share:
    name: str
    value: Fraction  # of the whole (1 = 100 %)
    line: int
    heading: str


_PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d{1,4})?)\s?(?:%|prosent)", re.IGNORECASE)
_FRACTION = re.compile(r"\b(\d+)\s*/\s*(\d+)\b")
_SHARE_WORDS = re.compile(r"eierandel|eigarandel|eigardel|ansvarsandel|andel|eierbrøk|fordeling",
                          re.IGNORECASE)


def shares(draft: Draft, participants: list[Named] | None = None) -> list[Share]:
    """Per-participant shares, in every usual form: a table, 'Name: 20 %' lines, percentages in
    a sentence ('Enebakk kommune har 20 %, Frogn 30 % …'), equal shares in words ('like store
    andeler', 'en tredjedel hver') or by population with the figures. Empty when none is given
    (or by population without figures: see `shares_not_assessable`)."""
    participants = participants or []
    for clause in draft.clauses:
        if not _SHARE_WORDS.search(clause.text):
            continue
        rows = table_rows(clause)
        found = _shares_from_table(clause, rows) if rows else []
        found = found or _shares_from_lines(clause, participants)
        found = found or _shares_in_sentences(clause, participants)
        if found:
            return found
    return []


_NOT_A_NAME = re.compile(r"^(?:eierandel|eigarandel|eigardel|andel|ansvarsandel|fordeling|deltaker|deltakar|"
                         r"kommunen|kommunane|kommunene|rådet|sum|totalt|samla|til\s+sammen|i\s+alt)", re.IGNORECASE)
_NAMED_PERCENT = re.compile(
    r"(?P<name>[A-ZÆØÅ][\w-]{1,30}(?: [A-ZÆØÅ][\w-]{1,30}){0,2})(?: (?:kommune|fylkeskommune))?"
    r"(?: (?:har|får|eier|eig|med|skal\s+ha))?(?: (?:en|ein) (?:andel|del) på)?:? ?"
    r"(?P<value>\d{1,3}(?:[.,]\d{1,2})?) ?(?:%|prosent)")
_EQUAL = re.compile(r"\blike\s+store\s+(?:andel|del)\w{0,3}|\blik\s+(?:andel|del)\b|\blikt\s+fordelt|"
                    r"\bfordel\w{0,3}\s+likt\b|\blike\s+mykje\b|\blike\s+mye\b", re.IGNORECASE)
_PART_EACH = re.compile(r"\b(?:en|ein|1/)\s?(?P<part>halvdel|halvpart|tredjedel|tredel|fjerdedel|femtedel|"
                        r"sjettedel|sjudel|sjuendedel|syvendedel|åttendedel|niendedel|tidel|tiendedel|\d{1,2})\w{0,3}"
                        r"\s+(?:hver|kvar|kver|til\s+hver)\b", re.IGNORECASE)
_PARTS = {"halvdel": 2, "halvpart": 2, "tredjedel": 3, "tredel": 3, "fjerdedel": 4, "femtedel": 5,
          "sjettedel": 6, "sjudel": 7, "sjuendedel": 7, "syvendedel": 7, "åttendedel": 8, "niendedel": 9,
          "tidel": 10, "tiendedel": 10}
_BY_POPULATION = re.compile(r"\better\s+(?:folketal\w{0,3}|innbyggertal\w{0,3}|innbyggjartal\w{0,3}|"
                            r"folkemengd\w{0,3}|antall\s+innbyggere|talet\s+på\s+innbyggjarar)", re.IGNORECASE)
_NAMED_FIGURE = re.compile(r"(?P<name>[A-ZÆØÅ][\w-]{1,30}(?: [A-ZÆØÅ][\w-]{1,30}){0,2})(?: (?:kommune|fylkeskommune))?"
                           r":? ?\(?(?P<value>\d{1,3}(?:[  .]\d{3}){0,3}|\d{3,9})\b(?! ?%)")


def _shares_in_sentences(clause, participants: list[Named]) -> list[Share]:
    for sentence in sentences_of(clause):
        text = sentence.text
        if not _SHARE_WORDS.search(text) and not _PERCENT.search(text):
            continue
        found = _percent_pairs(sentence, participants)
        if found:
            return found
        if participants and _EQUAL.search(text):
            return _each(sentence, participants, Fraction(1, len(participants)))
        part = _PART_EACH.search(text)
        if participants and part:
            word = part["part"].lower()
            return _each(sentence, participants, Fraction(1, int(word) if word.isdigit() else _PARTS[word]))
        if _BY_POPULATION.search(text):
            return _population(clause, sentence, participants)
    return []


def sentences_of(clause):
    from engine.analyses.review.text import sentences

    return sentences(clause)


def _percent_pairs(sentence: Sentence, participants: list[Named]) -> list[Share]:
    known = {key(p.name) for p in participants}
    found = []
    for match in _NAMED_PERCENT.finditer(sentence.text):
        name = match["name"]
        if _NOT_A_NAME.match(name) or (known and key(name) not in known and not _looks_municipal(match[0])):
            continue
        value = Fraction(match["value"].replace(",", ".")) / 100
        found.append(Share(name, value, sentence.clause.line_at(sentence.start + match.start()),
                           sentence.clause.heading))
    return found if len(found) >= 2 else []


def _looks_municipal(text: str) -> bool:
    return bool(re.search(r"\b(?:kommune|fylkeskommune)\b", text, re.IGNORECASE))


def _each(sentence: Sentence, participants: list[Named], value: Fraction) -> list[Share]:
    line = sentence.line
    return [Share(p.name, value, line, sentence.clause.heading) for p in participants]


def _population(clause, sentence: Sentence, participants: list[Named]) -> list[Share]:
    """By population: the figures given for the participants, as fractions of their total."""
    known = {key(p.name) for p in participants}
    figures = []
    for match in _NAMED_FIGURE.finditer(clause.text):
        if known and key(match["name"]) not in known:
            continue
        value = int(re.sub(r"\D", "", match["value"]))
        if value:
            figures.append((match["name"], value, clause.line_at(match.start())))
    total = sum(v for _, v, _ in figures)
    if len(figures) < 2 or not total:
        return []
    return [Share(name, Fraction(value, total), line, clause.heading) for name, value, line in figures]


def shares_not_assessable(draft: Draft, found: list[Share]) -> Sentence | None:
    """The sentence that fixes the shares by population without giving the figures, if any
    (`found`: the shares read from the draft)."""
    if found:
        return None
    for sentence in all_sentences(draft.clauses):
        if _BY_POPULATION.search(sentence.text) and _SHARE_WORDS.search(sentence.clause.text):
            return sentence
    return None


def _shares_from_table(clause, rows) -> list[Share]:
    header = [c.lower() for c in rows[0][1]]
    col = _column(header, r"andel|eier|eigar|ansvar|%|prosent")
    if col is None:
        return []
    found = []
    for line, cells in rows[1:]:
        if len(cells) > col and not _is_total(cells[0]):
            value = _share_value(cells[col])
            if value is not None:
                found.append(Share(cells[0], value, line, clause.heading))
    return found


def _shares_from_lines(clause, participants: list[Named] | None = None) -> list[Share]:
    found = []
    for number, line in enumerate(clause.text.split("\n")):
        match = re.match(r"^\s*(?:[-*•·]\s*)?([A-ZÆØÅ][\w\s-]{1,40}?) ?[:–-] ?(\S.{0,200})$", line)
        if match and not _is_total(match.group(1)) and not _NOT_A_NAME.match(match.group(1)):
            value = _share_value(match.group(2))
            if value is not None:
                found.append(Share(match.group(1).strip(), value, clause.line + number, clause.heading))
    return found


def _share_value(text: str) -> Fraction | None:
    percent = _PERCENT.search(text)
    if percent:
        return Fraction(percent.group(1).replace(",", ".")) / 100
    fraction = _FRACTION.search(text)
    if fraction and int(fraction.group(2)):
        return Fraction(int(fraction.group(1)), int(fraction.group(2)))
    return None


# --- rotation order -------------------------------------------------------------------------

def rotation_order(draft: Draft) -> tuple[list[Named], Sentence | None]:
    """An explicit rotation order ('… på omgang i denne rekkefølgen: A, B, C'), if given."""
    for sentence in all_sentences(draft.clauses):
        if not re.search(r"omgang|rotasjon|rullerer|roterer|rullering", sentence.text, re.IGNORECASE):
            continue
        match = re.search(r"rekkj?efølgj?\w*(?:\s?er)?\s?:?\s?", sentence.text, re.IGNORECASE)
        if match and not re.search(r"alfabetisk", sentence.text[:match.end()], re.I):
            names = _named_items(sentence, match.end(), sentence.text[match.end():])
            if len(names) >= 2 and all(_plausible(n.name) for n in names):
                return names, sentence
    return [], None


# --- dates and the name --------------------------------------------------------------------

_MONTHS = {"januar": 1, "februar": 2, "mars": 3, "april": 4, "mai": 5, "juni": 6, "juli": 7,
           "august": 8, "september": 9, "oktober": 10, "november": 11, "desember": 12}
_DATE_PATTERNS = [
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), lambda m: (int(m[1]), int(m[2]), int(m[3]))),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"), lambda m: (int(m[3]), int(m[2]), int(m[1]))),
    (re.compile(r"\b(\d{1,2})\.\s*(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE),
     lambda m: (int(m[3]), _MONTHS[m[2].lower()], int(m[1]))),
]
_DATE_CONTEXT = re.compile(r"(?:vedtatt|vedteke|vedtekne|fastsatt|fastsett|sist\s+endret|sist\s+endra|"
                           r"gjeld\w*\s+fr[aå]|trer\s+i\s+kraft|i\s+kraft|pr\.|per|datert|dato)\b[^.\n]{0,60}$",
                           re.IGNORECASE)


def agreement_date(draft: Draft) -> date | None:
    """The latest date the text gives as adopted/changed/in force, else the first date in it."""
    dated, seen = [], []
    text = draft.body
    for pattern, parts in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            try:
                value = date(*parts(match))
            except ValueError:
                continue
            seen.append((match.start(), value))
            if _DATE_CONTEXT.search(text[max(0, match.start() - 70):match.start()]):
                dated.append(value)
    if dated:
        return max(dated)
    return min(seen)[1] if seen else None


_NAME_STATEMENTS = [
    re.compile(r"\b(?:navn|namn|navnet|namnet)\s+(?:er|skal\s+være|skal\s+vere|blir|vert)\s«?"
               r"(?P<name>[^.«»\n(]{1,150}?)»?\s?(?:[.,(]|$|\bsom\b|\bog\b)", re.IGNORECASE),
    re.compile(r"\b(?:kalt|heter|heiter|kalla)\s«?(?P<name>[A-ZÆØÅ][^.«»\n(]{0,150}?)»?\s?(?:[.,(]|$|\bi\s+samsvar)",
               re.IGNORECASE),
]


def stated_name(draft: Draft) -> tuple[str, Sentence] | None:
    for pattern in _NAME_STATEMENTS:
        for sentence in all_sentences(draft.clauses):
            match = pattern.search(sentence.text)
            if match:
                return flat(match["name"]).strip(" «»\"'"), sentence
    return None


def kind_of_cooperation(draft: Draft) -> str:
    """ipr, ko, section27 or regionrad (none of these stated), from what the text says it is."""
    text = flat(draft.body)
    if re.search(r"§\s*27\b", text) and re.search(r"kommunelov\w*\s+§\s*27|§\s*27\s+i\s+kommunelov",
                                                  text, re.IGNORECASE):
        return "section27"
    if re.search(r"interkommunalt\s+politisk\s+råd|kapittel\s+18\b|kap\.\s*18\b|§\s*18-\d", text,
                 re.IGNORECASE):
        return "ipr"
    if re.search(r"kommunalt\s+oppgavefellesskap|kapittel\s+19\b|kap\.\s*19\b|§\s*19-\d", text,
                 re.IGNORECASE):
        return "ko"
    return "regionrad"
