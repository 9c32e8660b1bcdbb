"""Text and JSON of `vedtekt verify` (the contract: `properties[]` with id, status, citation,
message, counterexample). Every word comes from the `verify` section of the message catalogues:
an answer carries a message id and arguments (engine/analyses/verify/words.py), worded here."""
from __future__ import annotations

from engine.analyses.verify.words import Words
from engine.render.catalogue import LANGS, in_language, message, word


def sentence(message_id: str, args: dict, lang: str) -> str:
    """The catalogue sentence `verify.<message_id>` in `lang`, its arguments worded first."""
    return message(f"verify.{message_id}", lang, _worded(args, lang))


def answer_text(answer, lang: str) -> str:
    """An answer's message in `lang`."""
    return sentence(answer.message_id, answer.args, lang)


def _worded(args: dict, lang: str) -> dict:
    """Arguments as the templates use them: nested parts worded, left-out parts empty, numbers
    also as words (x_word, x_Word), lists of names joined (x with «og», x_or with «eller»), a
    label from the data in the reader's language."""
    out: dict = {}
    for key, value in args.items():
        if isinstance(value, Words):
            out[key] = sentence(value.id, value.args, lang)
        elif value is None:
            out[key] = ""
        elif isinstance(value, int) and not isinstance(value, bool):
            out[key], out[f"{key}_word"] = value, _number(value, lang)
            out[f"{key}_Word"] = out[f"{key}_word"][:1].upper() + out[f"{key}_word"][1:]
        elif isinstance(value, (list, tuple)):
            out[key], out[f"{key}_or"] = _join(value, "and", lang), _join(value, "or", lang)
        elif isinstance(value, dict) and set(value) == set(LANGS):
            out[key] = in_language(value, lang)
        else:
            out[key] = value
    return out


def _number(n: int, lang: str) -> str:
    try:
        return word("verify-number", str(n), lang)
    except KeyError:  # only the small numbers are written as words
        return str(n)


def _join(names, conjunction: str, lang: str) -> str:
    names = [str(n) for n in names]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {word('verify-join', conjunction, lang)} {names[-1]}"


def _basis(q, lang: str) -> str:
    if q.minimum is not None:
        return sentence("quorum-minimum", {"minimum": q.minimum}, lang)
    which = "quorum-present" if q.basis == "present" else "quorum-present-and-voting"
    return sentence(which, {"fraction": str(q.fraction)}, lang)


def _header(rules, lang: str) -> list[str]:
    seats = ", ".join(f"{n} {s}" for n, s in zip(rules.names, rules.seats))
    organ = sentence("report-organ", {"organ": rules.organ_name}, lang)
    if rules.on:
        organ += "  " + sentence("report-date", {"date": rules.on.isoformat()}, lang)
    lines = [f"{rules.title}", f"  {organ}",
             "  " + sentence("report-seats", {"seats": seats, "members": rules.members}, lang)]
    chair = [sentence(role, {"name": rules.names[i]}, lang)
             for role, i in (("report-leader", rules.leader), ("report-vice", rules.vice)) if i is not None]
    if chair:
        lines.append("  " + ", ".join(chair))
    for q in rules.quorums:
        lines.append("  " + sentence("report-quorum", {"basis": _basis(q, lang), "citation": q.citation}, lang))
    return lines


def quoted(answers, rules, lang: str) -> tuple[list[dict], list[str]]:
    """The answers as a report quotes them: per answer its id, status (and the status word),
    message, citation, the numbers of the assumptions it rests on and its counterexample (a file,
    or the meeting in words); and those assumptions, numbered in the order first met. `vedtekt
    verify`, the review and the transition report print the same rows."""
    notes: list[str] = []
    rows = []
    for answer in answers:
        refs = []
        for note in answer.assumptions:
            if note not in notes:
                notes.append(note)
            refs.append(notes.index(note) + 1)
        counter = answer.counterexample_file or (
            _pattern(rules, answer.counterexample, lang) if answer.counterexample is not None else None)
        rows.append({"id": answer.id, "status": answer.status, "status_word": word("verify-status", answer.status, lang),
                     "message": answer_text(answer, lang), "citation": answer.citation, "refs": refs,
                     "counterexample": counter})
    return rows, notes


def as_text(result, lang: str = "nb") -> str:
    rules = result.rules
    lines = _header(rules, lang) + [""]
    rows, notes = quoted(result.answers + result.ranges, rules, lang)
    for row in rows:
        lines.append(f"{row['status_word']:<7} {row['id']}")
        lines.append(f"  {row['message']}")
        refs = ", ".join(map(str, row["refs"]))
        lines.append(f"  [{row['citation']}]" + (
            "  (" + sentence("report-assumption-refs", {"refs": refs}, lang) + ")" if refs else ""))
        if row["counterexample"]:
            lines.append("  " + sentence("report-counterexample", {"where": row["counterexample"]}, lang))
    if notes:
        lines += ["", sentence("report-assumptions", {}, lang)]
        lines += [f"  {i}. {n}" for i, n in enumerate(notes, 1)]
    every = result.answers + result.ranges
    fails = sum(a.status == "fails" for a in every)
    lines += ["", sentence("report-summary", {"total": len(every), "hold": len(every) - fails, "fail": fails}, lang)]
    return "\n".join(lines)


def _pattern(rules, pattern, lang: str) -> str:
    parts = []
    for name, counts in zip(rules.names, pattern.counts):
        bits = [sentence(f"pattern-{state}", {"count": k}, lang)
                for state, k in zip(("for", "against", "blank", "present"), counts) if k]
        if bits:
            parts.append(f"{name}: {', '.join(bits)}")
    t = pattern.tally()
    chair = sentence("pattern-chair", {"state": word("verify-chair-vote", t.chair, lang)}, lang) if t.chair else ""
    return ("; ".join(parts) or sentence("pattern-nobody", {}, lang)) + chair


def as_json(result, lang: str = "nb") -> dict:
    rules = result.rules
    return {
        "title": rules.title, "document": rules.document, "organ": rules.organ,
        "date": rules.on.isoformat() if rules.on else None, "source": rules.source,
        "participants": [{"name": n, "seats": s} for n, s in zip(rules.names, rules.seats)],
        "members": rules.members,
        "quorum": [{"fraction": str(q.fraction), "basis": q.basis, "minimum": q.minimum,
                    "citation": q.citation} for q in rules.quorums],
        "properties": [answer_json(a, rules, lang) for a in result.answers + result.ranges],
        "assumptions": list(dict.fromkeys(n for a in result.answers + result.ranges for n in a.assumptions)),
    }


def answer_json(a, rules, lang: str) -> dict:
    """One answer as `vedtekt verify --format json` has it under `properties` (the contract's
    id, status, citation, message, counterexample, and more)."""
    out = {"id": a.id, "status": a.status, "citation": a.citation, "message": answer_text(a, lang),
           "counterexample": a.counterexample_file, "assumptions": list(a.assumptions)}
    if a.kind is not None:
        out["case_kinds"] = list(a.kind.kinds)
    if a.value:
        out["value"] = a.value
    if a.counterexample is not None:
        out["pattern"] = _pattern(rules, a.counterexample, lang)
    return out
