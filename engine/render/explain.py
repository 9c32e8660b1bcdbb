"""`vedtekt explain` and `vedtekt bylaws`: the rules and the bylaws, as a lawyer would ask for them."""
from __future__ import annotations

import json

from engine.core.errors import InputError, did_you_mean
from engine.core.library import library
from engine.core.rules import rulebook
from engine.render.catalogue import catalogue, message, severity, severity_marker, word

def explain_rule(rule_id: str, lang: str = "nb", fmt: str = "text") -> str:
    book = rulebook()
    rules = book.by_id(rule_id)
    if not rules:
        raise InputError("errors.unknown-rule", {"id": rule_id}, hint=did_you_mean(rule_id, {r.id for r in book.rules}))
    # the statute provision the rule applies, as the statute data declares it (engine_rules)
    clause = next((r for s in library().statutes.values() for r in s.rules if rule_id in r.engine_rules), None)
    entries = [{
        "key": r.key, "id": r.id, "severity": r.severity, "fact": r.fact,
        "citation": r.citation or _say(lang, "from-fact", field=r.citation_field),
        "layer": r.layer or _say(lang, "from-fact", field=r.layer_field),
        "rejects_vote": r.rejects_vote, "leaves_case_undecided": r.decides_case,
        "condition": r.when, "message": _template(r.message_id, lang),
        "explain": _explanation(r.key, lang),
    } for r in rules]
    data = {"rule": rule_id, "variants": entries, "bylaws": _bylaws_clauses(rule_id),
            "statute": ({"citation": clause.citation, "layer": clause.layer, "text": " ".join(clause.quote.split())}
                        if clause and clause.quote else None)}
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    lines = [_say(lang, "rule", rule=rule_id)]
    if data["statute"]:
        s = data["statute"]
        lines += [f"  {s['citation']} ({word('check-report-layer', s['layer'], lang)}):", f"    «{s['text']}»"]
    for b in data["bylaws"]:
        quote = f"\n      «{b['quote']}»" if b.get("quote") else ""
        lines.append(f"  {b['document']} / {b['organ']}: {b['citation']}{quote}")
    for e in entries:
        lines += ["  " + _say(lang, "variant", key=e["key"], severity=severity(e["severity"], lang), fact=e["fact"],
                              citation=e["citation"]),
                  "    " + _say(lang, "condition", condition=json.dumps(e["condition"], ensure_ascii=False)),
                  "    " + _say(lang, "message", message=e["message"])]
        if e["explain"]:
            lines.append("    " + _say(lang, "explanation", explanation=e["explain"]))
    return "\n".join(lines)


def _say(lang: str, line: str, /, **args) -> str:
    """A line of `vedtekt explain` (catalogue `cli.explain`)."""
    return message(f"cli.explain.{line}", lang, args)


def _template(message_id: str, lang: str) -> str:
    """The rule's message as the catalogue words it, with its {arguments} unfilled."""
    section, key = message_id.split(".", 1)
    return catalogue(lang)["messages"][section][key]


def _explanation(key: str, lang: str) -> str | None:
    """Why the rule reads the law as it does, where the catalogue has it (check.explain.<key>)."""
    return catalogue(lang)["messages"]["check"]["explain"].get(key)


def _bylaws_clauses(rule_id: str) -> list[dict]:
    """The bylaws provisions that give a bylaws-layer rule its content, per document and organ."""
    out = []
    for doc in library().documents.values():
        for organ in doc.organs:
            for provision in _provisions_for(rule_id, doc, organ):
                entry = {"document": doc.id, "organ": organ.id, "citation": provision.citation,
                         "quote": " ".join(provision.quote.split()) if provision.quote else None}
                if entry not in out:
                    out.append(entry)
    return out


def _provisions_for(rule_id: str, doc, organ) -> list:
    if rule_id == "observer-voted":
        return list(organ.observers)
    if rule_id in ("no-voting-right", "proposal-without-right", "double-vote"):
        return [seat for seat in organ.seats if organ.decides]
    if rule_id in ("deputy-not-fixed", "deputy-and-principal"):
        return [seat.deputies for seat in organ.seats if seat.deputies]
    if rule_id == "quorum" and organ.quorum:
        return [organ.quorum]
    if rule_id in ("rotation-mismatch", "chair-not-entitled") and organ.leadership:
        return [organ.leadership]  # each council's own leadership clause
    if rule_id == "convened-without-authority" and organ.convening:
        return [organ.convening]
    if rule_id in ("wrong-organ", "missing-recommendation"):
        return [c for c in doc.competences if c.organ == organ.id]
    if rule_id == "seat-eligibility":
        return [seat.eligible for seat in organ.seats if seat.eligible]
    if rule_id == "composition-gender":
        return list(organ.composition)
    if rule_id == "not-binding":
        return [c for c in doc.competences if c.organ == organ.id and not c.binding]
    return []


def _bylaws_words(lang: str) -> dict[str, str]:
    """The words of `vedtekt bylaws` (catalogue `cli.bylaws`)."""
    return catalogue(lang)["messages"]["cli"]["bylaws"]


def bylaws_listing(fmt: str = "text", doc_id: str | None = None, lang: str = "nb") -> str:
    lib = library()
    docs = [lib.document(doc_id)] if doc_id else list(lib.documents.values())
    data = [{
        "id": d.id, "title": d.title, "kind": d.kind, "from": str(d.valid_from),
        "to": str(d.valid_to) if d.valid_to else None,
        "organs": [o.id for o in d.organs],
        "participants": [{"id": p.id, "from": str(p.valid_from) if p.valid_from else None,
                          "to": str(p.valid_to) if p.valid_to else None} for p in d.participants],
        "assumptions": [a.what.strip() for a in d.assumptions],
        "clauses": [c.model_dump(exclude_defaults=True) for c in d.clauses],
    } for d in docs]
    if fmt == "json":
        return json.dumps({"documents": data}, ensure_ascii=False, indent=2)
    lines, w = [], _bylaws_words(lang)
    for d in data:
        lines.append(f"{d['id']}: {d['title']} ({d['kind']}; {d['from']} – {d['to'] or w['open']})")
        lines.append(f"  {w['organs']}: {', '.join(d['organs'])}")
        for c in d["clauses"]:
            reason = f" – {c['reason']}" if c.get("reason") else ""
            lines.append(f"  {_status(c['status'], lang)} {c['clause']}{reason}")
        for a in d["assumptions"]:
            lines.append(f"  {w['assumption']}: {a}")
        lines.append("")
    return "\n".join(lines)


def bylaws_check_text(data: dict, lang: str = "nb") -> str:
    """`vedtekt bylaws --check FILE` as text (`data`: engine.analyses.bylaws_check.check_bylaws_file)."""
    w = _bylaws_words(lang)
    counts = ", ".join(f"{n} {word('clause-status', status, lang)}" for status, n in sorted(data["counts"].items()))
    lines = [f"{data['file']}: {w['valid']} – {data['id']} ({data['council']}; {data['from']} – {data['to'] or '…'})",
             f"  {w['clauses']}: {counts or w['no-clauses']}"]
    for c in data["clauses"]:
        extra = f" → {', '.join(c['encoded_as'])}" if c.get("encoded_as") else ""
        reason = f" – {c['reason']}" if c.get("reason") else ""
        lines.append(f"    {_status(c['status'], lang)} {c['clause']}{extra}{reason}")
    lines.append(f"  {w['provisions']}:")
    lines += [f"    {p['key']}: {p['citation']}" for p in data["provisions"]]
    lines += [f"  {w['assumption']}: {a}" for a in data["assumptions"]]
    lines += [f"  {severity_marker('warning', lang)} {w['overlap']}: {o}" for o in data["overlaps"]]
    return "\n".join(lines) + "\n"


def _status(status: str, lang: str) -> str:
    """A clause's status in words, padded so the clauses line up (the longest word sets the width)."""
    width = max(len(word("clause-status", s, lang)) for s in ("encoded", "not-modelled", "informative"))
    return f"{word('clause-status', status, lang):<{width}}"
