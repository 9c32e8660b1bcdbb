"""Generated councils for tests and `vedtekt bench`: a draft agreement with many participants."""
from __future__ import annotations

import random
from pathlib import Path

def clean_draft() -> Path:
    from engine.core.resources import shipped

    return shipped("drafts") / "utkast-folloregionen-ipr.md"
_SYLLABLES = ("and", "berg", "dal", "ei", "fjell", "gard", "haug", "lia", "mo", "nes", "ros", "sand",
              "torp", "vik", "øy", "ås")


def place_names(n: int, seed: int = 3) -> list[str]:
    """n distinct made-up Norwegian-looking place names (seeded)."""
    rng, names = random.Random(seed), []
    while len(names) < n:
        name = (rng.choice(_SYLLABLES) + rng.choice(_SYLLABLES) + rng.choice(_SYLLABLES)).capitalize()
        if name not in names:
            names.append(name)
    return names


def large_draft(n: int = 50, seats=(1, 3), seed: int = 3) -> tuple[str, list[str], list[int]]:
    """The clean Folloregionen draft with `n` participants holding seats in the range `seats`
    (a table in § 5), as Markdown text, with the names and seats."""
    rng = random.Random(seed)
    names = place_names(n, seed)
    counts = [rng.randint(*seats) for _ in names]
    text = clean_draft().read_text(encoding="utf-8")
    old = ("Deltakere i rådet er Enebakk kommune, Frogn kommune, Nesodden kommune, Nordre Follo kommune,\n"
           "Vestby kommune og Ås kommune.")
    listed = ", ".join(f"{name} kommune" for name in names[:-1]) + f" og {names[-1]} kommune"
    text = text.replace(old, f"Deltakere i rådet er {listed}.")
    table = "| Deltaker | Medlemmer | Varamedlemmer |\n| --- | --- | --- |\n" + "".join(
        f"| {name} | {c} | {c} |\n" for name, c in zip(names, counts))
    text = text.replace("Hver deltakerkommune har ett medlem i representantskapet.",
                        "Deltakerne har følgende antall medlemmer og varamedlemmer i representantskapet:\n\n"
                        + table + "\n")
    return text, names, counts
