"""The sitting of an organ on a date as a JSON-ready structure: who sits, for whom, with which
rights, who may stand in for whom, and who leads. Used by `vedtekt people`, `vedtekt
new-scenario` and the web page's `GET /api/sitting`.

Everything here is read from the library's `Sitting` (engine.core.sitting.resolve): the deputies
listed as lawful are exactly those the engine's own `deputy_claim` accepts, so the page never
offers a choice the check would call unlawful.
"""
from __future__ import annotations

from datetime import date


from engine.core.errors import InputError, Message, NotModelled, did_you_mean, modelled_periods
from engine.core.library import Library, ensure_organ, library
from engine.core.model import Document
from engine.core.sitting import Role, Sitting, resolve

_RIGHT_ORDER = ("attend", "speak", "propose", "vote")


def parse_day(text: str, where: str = "--date") -> date:
    try:
        return date.fromisoformat(str(text))
    except ValueError:
        raise InputError("errors.invalid-date", {"text": text}, where=where, hint=Message("errors.hint/iso-date")) from None


def councils(lib: Library | None = None) -> list[dict]:
    """The councils, each with its bylaws documents and their organs and periods."""
    lib = lib or library()
    out: dict[str, dict] = {}
    for doc in lib.documents.values():
        entry = out.setdefault(doc.council, {"id": doc.council, "documents": []})
        entry["documents"].append({
            "id": doc.id, "title": doc.title,
            "from": _iso(doc.valid_from), "to": _iso(doc.valid_to),
            "organs": [{"id": o.id, "name": o.name, "decides": o.decides,
                        "from": _iso(o.valid_from or doc.valid_from), "to": _iso(o.valid_to or doc.valid_to)}
                       for o in doc.organs if o.seats]})
    return sorted(out.values(), key=lambda c: c["id"])


def choose_document(organ: str, on: date, council: str | None = None,
                    lib: Library | None = None, prefix: str = "--") -> Document:
    """The bylaws document of `council` (any, when None) in which `organ` sits on `on`.
    Errors name the option (`--organ`) or, with prefix "", the query parameter (`organ`)."""
    lib = lib or library()
    if council is None:
        return lib.choose(organ, on, where=f"{prefix}organ")
    known = sorted({d.council for d in lib.documents.values()})
    if council not in known:
        raise InputError("errors.unknown-council", {"id": council}, where=f"{prefix}council",
                         hint=did_you_mean(council, known))
    docs = [d for d in lib.documents.values() if d.council == council]
    ensure_organ(docs, council, organ, where=f"{prefix}organ")
    found = [d for d in docs if d.in_force(on) and any(o.id == organ for o in d.organs)]
    if not found:
        raise NotModelled("errors.no-bylaws-for", {"what": organ, "date": on}, where=f"{prefix}date",
                          hint=modelled_periods(d for d in docs if any(o.id == organ for o in d.organs)))
    return found[0]


def sitting_on(organ: str, on: date, council: str | None = None,
               lib: Library | None = None, prefix: str = "--") -> dict:
    """The sitting as a JSON-ready dict (the shape of `vedtekt people --format json`)."""
    lib = lib or library()
    doc = choose_document(organ, on, council, lib, prefix)
    sitting = resolve(doc, organ, on)
    roles = [r for rs in sitting.roles.values() for r in rs]
    return {
        "council": doc.council,
        "bylaws": {"id": doc.id, "title": doc.title},
        "organ": {"id": sitting.organ.id, "name": sitting.organ.name,
                  "citation": sitting.organ.citation, "decides": sitting.organ.decides},
        "date": on.isoformat(),
        "members": _members_by_participant(sitting, doc, [r for r in roles if r.kind == "member"]),
        "advisers": [_person(sitting, r) for r in _sorted(roles, "adviser")],
        "observers": [_person(sitting, r) for r in _sorted(roles, "observer")],
        "leader": _leader(sitting, "leader"),
        "vice": _leader(sitting, "vice"),
        "voting_units": sitting.member_count(),
        "quorum": _quorum(sitting),
        "case_kinds": _case_kinds(doc, organ),
        "organs": [{"id": o.id, "name": o.name} for o in doc.organs],
        "others": _others(sitting, roles),
    }


def _case_kinds(doc: Document, organ: str) -> list[dict]:
    """The case kinds, with whether this organ decides each and on whose innstilling."""
    out = []
    for k in doc.case_kinds:
        here = next((c for c in doc.competences if c.case_kind == k.id and c.organ == organ), None)
        elsewhere = [c.organ for c in doc.competences if c.case_kind == k.id and c.organ != organ]
        out.append({"id": k.id, "label": k.label, "election": k.election or k.appointment,
                    "voted": k.voted, "decided_here": here is not None or not elsewhere,
                    "needs_innstilling_from": here.needs_innstilling_from if here else None,
                    "citation": here.citation if here else None})
    return out


def _sorted(roles: list[Role], kind: str) -> list[Role]:
    return sorted((r for r in roles if r.kind == kind), key=lambda r: (r.participant or "", r.person))


def _members_by_participant(sitting: Sitting, doc: Document, members: list[Role]) -> list[dict]:
    names = {p.id: p.name_on(sitting.on) for p in doc.participants}
    groups: dict[str | None, list[Role]] = {}
    for r in members:
        groups.setdefault(r.participant, []).append(r)
    out = []
    from engine.core.rotation import norwegian_key  # Norwegian alphabetical order (PyICU)

    for participant in sorted(groups, key=lambda p: (p is None, norwegian_key(names.get(p, p or "")))):
        people = sorted(groups[participant], key=lambda r: (not r.can_vote, r.group or "", r.person))
        out.append({"participant": participant,
                    "name": names.get(participant, participant) if participant else None,
                    "members": [_member(sitting, r) for r in people]})
    return out


def _member(sitting: Sitting, role: Role) -> dict:
    entry = _person(sitting, role)
    entry["group"] = role.group
    entry["votes_for"] = role.seat_key
    entry["deputies"] = _deputies(sitting, role)
    return entry


def _person(sitting: Sitting, role: Role) -> dict:
    return {"person": role.person, "name": sitting.name(role.person), "role": role.label,
            "participant": role.participant,
            "rights": [r for r in _RIGHT_ORDER if r in role.rights],
            "citation": role.citation, "delegable": role.delegable}


def _deputies(sitting: Sitting, role: Role) -> dict | None:
    """The member's lawful deputies, as the engine judges them (numbered ones in their order)."""
    policy = role.deputies
    if policy is None or not role.can_vote:
        return None
    candidates = [h for h in sitting.holdings
                  if h.office == policy.office and h.participant == role.participant]
    lawful = [h for h in candidates
              if (claim := sitting.deputy_claim(h.person, role.person, set())) and claim.lawful]
    lawful.sort(key=lambda h: (h.number if h.number is not None else 10**6, h.person))
    seen: set[str] = set()
    people = []
    for h in lawful:
        if h.person not in seen:
            seen.add(h.person)
            people.append({"person": h.person, "name": sitting.name(h.person), "number": h.number})
    return {"kind": policy.kind, "citation": policy.citation,
            "quote": policy.quote, "people": people}


def _leader(sitting: Sitting, which: str) -> dict | None:
    person = sitting.leader if which == "leader" else sitting.vice
    participant = sitting.leader_participant if which == "leader" else sitting.vice_participant
    if person is None and participant is None:
        return None
    rule = sitting.organ.leadership
    citation = sitting.term.citation if sitting.term else (rule.citation if rule else None)
    return {"person": person, "name": sitting.name(person) if person else None,
            "participant": participant, "citation": citation,
            "basis": rule.kind if rule else None}


def _quorum(sitting: Sitting) -> dict | None:
    q = sitting.organ.quorum
    if q is None:
        return None
    members = sitting.member_count()
    return {"fraction": q.fraction, "basis": q.basis, "members": members,
            "required": q.required(members), "citation": q.citation}


def _others(sitting: Sitting, roles: list[Role]) -> list[dict]:
    """People holding some office on the date but no role in this organ: the form offers them
    last, so that a secretary can record a wrong deputy or an uninvited guest."""
    seated = {r.person for r in roles}
    seen, out = set(), []
    for h in sitting.holdings:
        if h.person in seated or h.person in seen:
            continue
        seen.add(h.person)
        out.append({"person": h.person, "name": sitting.name(h.person), "office": h.office,
                    "participant": h.participant})
    return sorted(out, key=lambda p: (p["participant"] or "", p["person"]))


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


# -- a skeleton scenario -----------------------------------------------------------------------
def skeleton_scenario(s: dict) -> str:
    """A scenario file for the sitting `s`: every member present, the leader in the chair, and
    one case where every voting member votes for. It loads and checks as is; the comments list
    the lawful deputies and the observers, so the secretary can record what really happened."""
    q = _yaml_str
    voters = [m for g in s["members"] for m in g["members"] if "vote" in m["rights"]]
    seated = [m for g in s["members"] for m in g["members"]] + s["advisers"]
    lines = [f"# Skjelett laget av `vedtekt new-scenario --council {s['council']} --organ {s['organ']['id']} --date {s['date']}`.",
             "# Rett opp oppmøte, møteleder og saker etter protokollen, og skriv i description hvilken",
             "# lovtekst som avgjør dommen. Se scenarios/README.md for alle nøkler.",
             f"name: {q(s['organ']['name'] + ' ' + s['date'])}",
             "description: >-",
             "  Beskriv møtet og siter paragrafen som avgjør om det er gyldig.",
             f"council: {s['council']}",
             f"organ: {s['organ']['id']}",
             f"date: {s['date']}"]
    leader = s["leader"]
    if leader and leader["person"] and any(m["person"] == leader["person"] for m in seated):
        lines.append(f"chair: {leader['person']}  # leder etter {leader['citation']}")
    lines.append("attendance:")
    for m in seated:
        lines.append(f"  - person: {m['person']}  # {m['name']}, {m['role']}")
        deputies = m.get("deputies")
        if deputies and deputies["people"]:
            names = ", ".join(p["person"] for p in deputies["people"])
            lines.append(f"    # ved forfall: {names} (for: {m['person']}; {deputies['citation']})")
    for o in s["observers"]:
        lines.append(f"  # - person: {o['person']}  # {o['name']}, {o['role']} (uten stemmerett)")
    if not seated:
        lines[-1] = "attendance: []"
    kind = next((k for k in s["case_kinds"] if k["id"] == "ordinary" and k["decided_here"]), None)
    if voters and s["organ"]["decides"] and kind:
        lines += ["cases:",
                  '  - id: "01"',
                  "    title: Sak 01",
                  "    kind: ordinary"]
        if kind["needs_innstilling_from"]:
            lines.append(f"    innstilling: {{organ: {kind['needs_innstilling_from']}}}  # {kind['citation']}")
        lines += ["    votes:",
                  "      for: [" + ", ".join(m["person"] for m in voters) + "]",
                  "      against: []",
                  "      blank: []"]
    return "\n".join(lines) + "\n"


def _yaml_str(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar
