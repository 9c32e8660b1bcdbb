"""Text and JSON of `vedtekt verify` (the contract: `properties[]` with id, status, citation,
message, counterexample)."""
from __future__ import annotations

_STATUS = {"nb": {"holds": "HOLDER", "fails": "BRYTES"}, "en": {"holds": "HOLDS", "fails": "FAILS"}}


def _basis(q, lang: str) -> str:
    if q.minimum is not None:
        return (f"minst {q.minimum} til stede" if lang == "nb" else f"at least {q.minimum} present")
    if lang == "nb":
        return f"minst {q.fraction} av medlemmene " + ("til stede" if q.basis == "present" else "til stede og stemmer")
    return f"at least {q.fraction} of the members " + ("present" if q.basis == "present" else "present and voting")


def _header(rules, lang: str) -> list[str]:
    nb = lang == "nb"
    seats = ", ".join(f"{n} {s}" for n, s in zip(rules.names, rules.seats))
    lines = [f"{rules.title}", f"  {'Organ' if nb else 'Organ'}: {rules.organ_name}"
             + (f"  {'Dato' if nb else 'Date'}: {rules.on}" if rules.on else "")]
    lines.append(f"  {'Seter' if nb else 'Seats'}: {seats} ({rules.members} {'medlemmer' if nb else 'members'})")
    chair = []
    if rules.leader is not None:
        chair.append(f"{'leder' if nb else 'leader'}: {rules.names[rules.leader]}")
    if rules.vice is not None:
        chair.append(f"{'nestleder' if nb else 'vice'}: {rules.names[rules.vice]}")
    if chair:
        lines.append("  " + ", ".join(chair))
    for q in rules.quorums:
        lines.append(f"  {'Vedtaksførhet' if nb else 'Quorum'}: {_basis(q, lang)} [{q.citation}]")
    return lines


def as_text(result, lang: str = "nb") -> str:
    nb = lang == "nb"
    rules = result.rules
    notes: list[str] = []
    lines = _header(rules, lang) + [""]
    for answer in result.answers + result.ranges:
        refs = []
        for note in answer.assumptions:
            if note not in notes:
                notes.append(note)
            refs.append(str(notes.index(note) + 1))
        lines.append(f"{_STATUS[lang][answer.status]:<7} {answer.id}")
        lines.append(f"  {answer.message(lang)}")
        lines.append(f"  [{answer.citation}]" + (f"  ({'forutsetning' if nb else 'assumption'} "
                                                 f"{', '.join(refs)})" if refs else ""))
        if answer.counterexample_file:
            lines.append(f"  {'Motbevis' if nb else 'Counterexample'}: {answer.counterexample_file}")
        elif answer.counterexample is not None:
            lines.append(f"  {'Motbevis' if nb else 'Counterexample'}: {_pattern(rules, answer.counterexample, lang)}")
    if notes:
        lines += ["", "Forutsetninger (ikke i kildene):" if nb else "Assumptions (not in the sources):"]
        lines += [f"  {i}. {n}" for i, n in enumerate(notes, 1)]
    every = result.answers + result.ranges
    fails = sum(a.status == "fails" for a in every)
    lines += ["", (f"{len(every)} egenskaper: {len(every) - fails} holder, {fails} brytes" if nb
                   else f"{len(every)} properties: {len(every) - fails} hold, {fails} fail")]
    return "\n".join(lines)


def _pattern(rules, pattern, lang: str) -> str:
    nb = lang == "nb"
    parts = []
    for name, (f, g, b, p) in zip(rules.names, pattern.counts):
        bits = [x for x in ((f"{f} for" if f else ""), (f"{g} {'mot' if nb else 'against'}" if g else ""),
                            (f"{b} {'blank' if nb else 'blank'}" if b else ""),
                            (f"{p} {'til stede' if nb else 'present'}" if p else "")) if x]
        if bits:
            parts.append(f"{name}: {', '.join(bits)}")
    t = pattern.tally()
    chair = f"; {'møteleder stemte' if nb else 'chair voted'} {t.chair}" if t.chair else ""
    return ("; ".join(parts) or ("ingen møter" if nb else "nobody attends")) + chair


def as_json(result, lang: str = "nb") -> dict:
    rules = result.rules
    return {
        "title": rules.title, "document": rules.document, "organ": rules.organ,
        "date": rules.on.isoformat() if rules.on else None, "source": rules.source,
        "participants": [{"name": n, "seats": s} for n, s in zip(rules.names, rules.seats)],
        "members": rules.members,
        "quorum": [{"fraction": str(q.fraction), "basis": q.basis, "minimum": q.minimum,
                    "citation": q.citation} for q in rules.quorums],
        "properties": [_answer(a, rules, lang) for a in result.answers + result.ranges],
        "assumptions": list(dict.fromkeys(n for a in result.answers + result.ranges for n in a.assumptions)),
    }


def _answer(a, rules, lang: str) -> dict:
    out = {"id": a.id, "status": a.status, "citation": a.citation, "message": a.message(lang),
           "counterexample": a.counterexample_file, "assumptions": list(a.assumptions)}
    if a.kind is not None:
        out["case_kinds"] = list(a.kind.kinds)
    if a.value:
        out["value"] = a.value
    if a.counterexample is not None:
        out["pattern"] = _pattern(rules, a.counterexample, lang)
    return out
