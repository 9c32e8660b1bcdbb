"""Write bylaws/rosters/folloradet.yaml: the Follo roster, fictional where the sources name nobody.

Run once by hand (python tools/make_fictional_roster.py); the YAML is the data, this script only
documents how the fictional part was made. Real people appear only where a source names them.
"""
from __future__ import annotations

import itertools
from pathlib import Path

import yaml

FIRST = ["Astrid", "Bjørn", "Cecilie", "Dag", "Eli", "Finn", "Gro", "Hallvard", "Ingrid", "Jon",
         "Kari", "Lars", "Marit", "Nils", "Oda", "Per", "Ragnhild", "Sverre", "Tone", "Ulf",
         "Vigdis", "Øystein", "Åse", "Arne", "Berit", "Magne", "Liv", "Trond", "Sigrid", "Eirik"]
LAST = ["Prøvestad", "Eksempelsen", "Testrud", "Modellbakken", "Fiktivsen", "Utkastli", "Øvingsvik",
        "Simuleringsås", "Mønsterud", "Prototypdal", "Skissebø", "Forsøkslien", "Kladdeberg",
        "Attrapphaug", "Demoby", "Referansnes", "Plassholdersen", "Utprøvingstad", "Mockerud",
        "Sjablongvik", "Tenkteli", "Oppdiktheim"]
GROUPS = {"A": 3, "B": 2, "C": 2}  # formannskap seats per (fictional) group
PERIODS = [("2011-10-15", "2015-10-14", "2011"), ("2015-10-15", "2019-10-14", "2015"),
           ("2019-10-15", "2023-10-14", "2019")]
KOMMUNER_BEFORE = ["enebakk", "frogn", "nesodden", "oppegard", "ski", "vestby", "as"]
KOMMUNER_AFTER = ["enebakk", "frogn", "nesodden", "nordre-follo", "vestby", "as"]

names = (f"{f} {l}" for l, f in itertools.product(LAST, FIRST))
people: list[dict] = []
holdings: list[dict] = []


def person(pid: str, name: str | None = None, fictional: bool = True, note: str | None = None):
    entry = {"id": pid, "name": name or next(names), "fictional": fictional}
    if note:
        entry["note"] = note
    people.append(entry)
    return pid


def hold(pid, office, start, end, participant=None, **extra):
    h = {"person": pid, "office": office, "from": start, "to": end}
    if participant:
        h["participant"] = participant
    h.update({k: v for k, v in extra.items() if v is not None})
    holdings.append(h)


def clip(start: str, end: str, participant: str) -> tuple[str, str] | None:
    """The part of a term in which the participant existed."""
    if participant in ("oppegard", "ski", "akershus-fk"):
        end = min(end, "2019-12-31")
    if participant == "nordre-follo":
        start = max(start, "2020-01-01")
    return (start, end) if start <= end else None


def council(participant: str, start: str, end: str, tag: str, seat: str, deputy: str):
    """A formannskap (or fylkesutvalg): 7 members in 3 groups, numbered deputies per group."""
    base = f"{participant}-{tag}"
    mayor = None
    for group, size in GROUPS.items():
        for n in range(1, size + 1):
            pid = person(f"{base}-{'fu' if seat.startswith('fylk') else 'fsk'}-{group.lower()}{n}")
            hold(pid, seat, start, end, participant, group=group)
            if mayor is None:
                mayor = pid
        for n in range(1, size + 1):
            pid = person(f"{base}-vara-{group.lower()}{n}")
            hold(pid, deputy, start, end, participant, group=group, number=n)
    return mayor


for start, end, tag in PERIODS:
    parts = KOMMUNER_AFTER if tag == "2019" else KOMMUNER_BEFORE
    if tag == "2019":
        parts = KOMMUNER_BEFORE + ["nordre-follo"]
    for p in parts:
        span = clip(start, end, p)
        if not span:
            continue
        s, e = span
        mayor = council(p, s, e, tag, "formannskap-medlem", "formannskap-varamedlem")
        hold(mayor, "ordforer", s, e, p)
        fixed = person(f"{p}-{tag}-fast-stedfortreder")
        hold(fixed, "fast-stedfortreder", s, e, p)
        hold(person(f"{p}-{tag}-radmann"), "radmann", s, e, p)
        hold(person(f"{p}-{tag}-kommunalsjef-helse"), "kommunalsjef-helse", s, e, p)
    span = clip(start, end, "akershus-fk")
    if span:
        s, e = span
        mayor = council("akershus-fk", s, e, tag, "fylkesutvalg-medlem", "fylkesutvalg-varamedlem")
        hold(mayor, "ordforer", s, e, "akershus-fk")
        hold(person(f"akershus-fk-{tag}-fast-stedfortreder"), "fast-stedfortreder", s, e, "akershus-fk")
        hold(person(f"akershus-fk-{tag}-radmann"), "radmann", s, e, "akershus-fk")
    hold(person(f"oslo-{tag}-observator"), "observator", start, end, "oslo")
    hold(person(f"statsforvalteren-{tag}-observator"), "observator", start, end, "statsforvalteren")

sec = person("daglig-leder", note="Follorådets daglig leder (sekretariatsleder); navnet er fiktivt")
hold(sec, "sekretariatsleder", "2011-10-15", "2023-10-14")

roster = {
    "note": ("Fiktivt mannskap: kildene navngir nesten ingen personer i Follorådets organer. Alle "
             "personer med fictional: true er oppdiktede navn (etternavn som Prøvestad, Eksempelsen, "
             "Testrud) laget av tools/make_fictional_roster.py; formannskapene har fiktivt 7 medlemmer "
             "i tre grupper (A, B, C) med nummererte varamedlemmer. Valgperiodene er 2011, 2015 og 2019 "
             "(konstituering antatt 15. oktober). Hver ordfører står som A1 i sitt formannskap."),
    "people": people,
    "holdings": holdings,
}
out = Path(__file__).resolve().parent.parent / "bylaws" / "rosters" / "folloradet.yaml"
header = "# Generated once by tools/make_fictional_roster.py; edit by hand where a source names a person.\n"
out.write_text(header + yaml.safe_dump(roster, allow_unicode=True, sort_keys=False, width=100))
print(out, len(people), "people", len(holdings), "holdings")
