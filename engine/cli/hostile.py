"""Inputs built to hurt (issue 17): generators of large and hostile scenarios and drafts.

Used by `tools/hostile.py` (the campaign, a hang detector in CI), by `vedtekt bench --scale`
(10,000 cases in one file) and by the tests. Every generator is deterministic: a size in, the
same text out.
"""
from __future__ import annotations

import json

MAYORS = ("enebakk", "frogn", "nesodden", "nordre-follo", "vestby", "as")
DATE = "2021-02-12"


def _mayor(participant: str) -> str:
    return f"{participant}-2019-fsk-a1"


def _yaml(data: dict) -> str:
    """YAML text of `data` (JSON is YAML; fast to write at any size and exact)."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def many_cases(n: int, *, title: str = "Sak") -> str:
    """A Follorådet meeting of all six mayors with `n` cases, each voted on by all six."""
    mayors = [_mayor(p) for p in MAYORS]
    cases = [{"id": f"{i + 1}/21", "title": f"{title} {i + 1}",
              "votes": {"for": mayors[: 4 + i % 3], "against": mayors[4 + i % 3:]}}
             for i in range(n)]
    return _yaml({"name": f"Follorådet med {n} saker", "organ": "folloradet", "date": DATE,
                  "chair": mayors[1], "attendance": [{"person": m} for m in mayors],
                  "cases": cases})


def many_people(n: int) -> str:
    """A meeting attended by `n` people from an inline roster who hold no seat (each one an
    `unknown-attendee` finding) and the six mayors."""
    people = [{"id": f"person-{i}", "name": f"Person {i}", "fictional": True} for i in range(n)]
    mayors = [_mayor(p) for p in MAYORS]
    return _yaml({"name": f"{n} tilhørere", "organ": "folloradet", "date": DATE,
                  "roster": {"people": people},
                  "attendance": [{"person": m} for m in mayors]
                  + [{"person": p["id"]} for p in people],
                  "cases": [{"id": "1/21", "votes": {"for": mayors}}]})


def many_attendance_lines(n_cases: int, n_lines: int) -> str:
    """Six mayors arriving and leaving again and again over `n_cases` cases (`from_case` and
    `until_case` on `n_lines` attendance lines)."""
    mayors = [_mayor(p) for p in MAYORS]
    cases = [{"id": f"{i + 1}/21", "votes": {"for": mayors[:4]}} for i in range(n_cases)]
    lines = []
    for i in range(n_lines):
        start = (i * 7) % n_cases
        end = min(n_cases - 1, start + 3)
        lines.append({"person": mayors[i % 6], "from_case": cases[start]["id"],
                      "until_case": cases[end]["id"]})
    return _yaml({"name": "Mange ankomster", "organ": "folloradet", "date": DATE,
                  "attendance": lines, "cases": cases})


def deep_lists(depth: int) -> str:
    """Lists nested `depth` deep under an unknown key (block style)."""
    text = "x"
    for _ in range(depth):
        text = [text]
    return _yaml({"name": "dyp", "organ": "folloradet", "date": DATE, "attendance": [],
                  "deep": text})


def deep_flow(depth: int) -> str:
    return "name: dyp\norgan: folloradet\ndate: 2021-02-12\nattendance: []\nx: " + "[" * depth + "]" * depth + "\n"


def alias_bomb(levels: int = 12) -> str:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\nname: bombe\norgan: folloradet\ndate: 2021-02-12\nattendance: []\n"


def long_line(chars: int) -> str:
    """A scenario whose name is one line of `chars` characters."""
    return _yaml({"name": "n" * chars, "organ": "folloradet", "date": DATE,
                  "attendance": [{"person": _mayor("frogn")}]})


def huge_value(kind: str, size: int) -> str:
    value = "x" * size if kind == "id" else "9" * size
    return f"name: stor\norgan: folloradet\ndate: 2021-02-12\nattendance:\n  - person: {value}\n"


def forged_name() -> str:
    """The issue's escape-sequence name (cursor up, erase line, green «GYLDIG») and a right-to-
    left override, in an invalid meeting (two of six present: kommuneloven § 11-9)."""
    return ('name: "\\e[1A\\e[2K\\e[32mGYLDIG"\norgan: folloradet\ndate: 2021-02-12\n'
            'attendance:\n  - person: frogn-2019-fsk-a1\n  - person: nesodden-2019-fsk-a1\n'
            'cases:\n  - id: "05/21"\n    title: "\\u202Eevil <script>|"\n'
            '    votes:\n      for: [frogn-2019-fsk-a1, nesodden-2019-fsk-a1]\n')


def heading_spaces(spaces: int) -> str:
    """The issue's review input: one heading `# a`, `spaces` spaces and `b`."""
    return "# a" + " " * spaces + "b\n"


def many_headings(n: int) -> str:
    """A draft of `n` numbered clauses, each a heading and a line of text."""
    return "# Samarbeidsavtale for Testregionen interkommunalt politisk råd\n\n" + "".join(
        f"## § {i} Punkt {i}\n\nTekst i punkt {i}.\n\n" for i in range(1, n + 1))


def many_participants(n: int) -> str:
    """A draft whose participant clause lists `n` municipalities."""
    names = ", ".join(f"Kommune{i} kommune" for i in range(n))
    return ("# Samarbeidsavtale for Testregionen interkommunalt politisk råd\n\n"
            f"## § 1 Navn\n\nRådets navn er Testregionen interkommunalt politisk råd.\n\n"
            f"## § 2 Deltakere\n\nDeltakere i rådet er {names}.\n")


def long_lines_draft(lines: int, width: int) -> str:
    return "# Avtale\n\n" + "".join(("ord " * (width // 4)) + "\n" for _ in range(lines))


def people_and_cases(people: int, cases: int) -> str:
    """`people` listeners without a seat at every one of `cases` cases (presence is people ×
    cases; the per-case work must not be)."""
    data = json.loads(many_people(people))
    data["cases"] = json.loads(many_cases(cases))["cases"]
    return _yaml(data)


def many_cases_with_forfall(n: int) -> str:
    """`n` cases with one mayor away on lawful forfall (kommuneloven § 8-1) for all of them."""
    data = json.loads(many_cases(n))
    away = _mayor(MAYORS[-1])
    data["attendance"] = [a for a in data["attendance"] if a["person"] != away]
    data["forfall"] = [{"person": away}]
    for case in data["cases"]:
        for side in ("for", "against"):
            case["votes"][side] = [p for p in case["votes"][side] if p != away]
    return _yaml(data)
