"""The rules that change: supreme organ, quorum, majority, amendments, leadership, deputies, the
statute's standing, the name, and the council's own rows (from its transition file)."""
from __future__ import annotations

from engine.analyses.transition.maps import organ_in
from engine.analyses.transition.model import Join, RuleChange, Text, Word, phrase
from engine.core.library import Library
from engine.core.model import Document, Organ


def supreme(doc: Document) -> Organ | None:
    return next((o for o in doc.organs if o.supreme), None)


def _how(doc: Document, group: str) -> Word:
    """How the statute applies: as law, or by analogy (worded per `group`)."""
    return Word(group=group, value="as-law" if doc.statute_applies == "as-law" else "by-analogy")


def _quorum_text(doc: Document, organ: Organ | None, lib: Library) -> tuple[Text, str]:
    if organ is not None and organ.quorum is not None:
        q = organ.quorum
        return phrase("quorum-bylaws", fraction=q.fraction,
                      basis=Word(group="transition-quorum-basis", value=q.basis)), q.citation
    statute = lib.statute_for(doc)
    rule = statute.rule("quorum") if statute else None
    fraction = rule.parameters.get("fraction", "1/2") if rule else "1/2"
    text = phrase("quorum-statute", fraction=fraction, how=_how(doc, "transition-quorum-how"))
    return text, rule.citation if rule else ""


def _majority_text(doc: Document) -> Text:
    return phrase("majority", how=_how(doc, "transition-majority-how"))


def _statute_text(doc: Document) -> Text:
    if doc.kind == "ipr":
        return phrase("statute-ipr")
    return phrase("statute-by-analogy" if doc.statute_applies == "by-analogy" else "statute-as-law")


def short_name(doc: Document) -> str:
    """The council's name from the document's title (without «Samarbeidsavtale for», dates)."""
    return doc.title.split("Samarbeidsavtale for ")[-1].split(" (")[0].split(" pr.")[0]


def _name_text(doc: Document, statute) -> Text:
    name = short_name(doc)
    if doc.kind != "ipr" or statute is None:
        return name
    must = str(statute.rule("ipr-name").parameters.get("must_contain", "interkommunalt politisk råd"))
    return phrase("name-meets" if must in doc.title else "name-fails", name=name, must=must)


def _amendments(doc: Document, unknown: str | None) -> tuple[Text, str, str | None]:
    comps = [c for c in doc.competences if c.case_kind.startswith("avtaleendring")]
    if not comps:
        return (unknown or phrase("amendment-not-in-sources"), "", None)
    parts, cites, assumption = [], [], None
    for c in comps:
        organ = next((o.name for o in doc.organs if o.id == c.organ), c.organ)
        label = next((k.label for k in doc.case_kinds if k.id == c.case_kind), c.case_kind)
        rule = phrase("amendment-majority", majority=c.majority) if c.majority else phrase("amendment-each-council")
        parts.append(phrase("amendment-part", label=label, organ=organ, rule=rule))
        cites.append(c.citation)
        assumption = assumption or (c.assumption.what.strip() if c.assumption else None)
    return (Join(items=tuple(parts), sep="; "), "; ".join(dict.fromkeys(cites)), assumption)


def leadership_text(organ: Organ | None) -> Text:
    """How the organ's leader and vice are found: rotation, election, or another organ's."""
    if organ is None or organ.leadership is None:
        return "-"
    lead = organ.leadership
    if lead.kind == "rotation":
        a = lead.anchor.model_dump() if lead.anchor else {}
        return phrase("leadership-rotation", year=a.get("year"), leader=a.get("leader"), vice=a.get("vice"))
    if lead.kind == "elected":
        return phrase("leadership-elected")
    return phrase("leadership-follows", organ=lead.from_organ)


def _deputies_text(doc: Document) -> Text:
    kinds = dict.fromkeys((o.name, s.deputies.kind) for o in doc.organs for s in o.seats
                          if s.deputies and "vote" in s.rights)
    if not kinds:
        return "-"
    return Join(items=tuple(phrase("deputies-of-organ", organ=organ,
                                   kind=Word(group="transition-deputy-kind", value=kind))
                            for organ, kind in kinds), sep="; ")


def _deputy_assumption(doc: Document) -> str | None:
    return next((s.deputies.assumption.what.strip() for o in doc.organs for s in o.seats
                 if s.deputies and s.deputies.assumption), None)


def _competence_text(doc: Document, kind: str) -> Text:
    c = next((c for c in doc.competences if c.case_kind == kind), None)
    if c is None:
        return "-"
    organ = next((o.name for o in doc.organs if o.id == c.organ), c.organ)
    inn = next((o.name for o in doc.organs if o.id == c.needs_innstilling_from), None)
    if inn:
        return phrase("competence-with-innstilling", organ=organ, by=inn)
    return phrase("competence-without-innstilling", organ=organ)


def _competence_assumption(doc: Document, kind: str) -> str | None:
    c = next((c for c in doc.competences if c.case_kind == kind), None)
    return c.assumption.what.strip() if c and c.assumption else None


def _with_citation(organ: Organ | None) -> str:
    return f"{organ.name} ({organ.citation})" if organ else "-"


def rule_changes(old: Document, new: Document, lib: Library) -> list[RuleChange]:
    """One row per topic: the rule before, after, the clause, and whether it changed."""
    rows: list[RuleChange] = []
    so, sn = supreme(old), supreme(new)
    statute = lib.statute_for(new)
    t = lib.transition_between(old.id, new.id)

    def add(topic, before, after, citation, assumption=None):
        rows.append(RuleChange(topic=topic, before=before, after=after, citation=citation,
                               changed=before != after, assumption=assumption))

    add(phrase("topic-supreme"), _with_citation(so), _with_citation(sn), "kommuneloven § 18-3 første ledd")
    for organ_old in (o for o in old.organs if o.decides and o.seats):
        target = organ_in(old.id, new.id, organ_old.id, new)
        n = new.organ(target) if target else None
        qb, cb = _quorum_text(old, organ_old, lib)
        qa, ca = _quorum_text(new, n, lib) if n else (phrase("quorum-organ-ceases"), "")
        add(phrase("topic-quorum", before=organ_old.name, after=n.name if n else "-"), qb, qa,
            f"{cb}; {ca}".strip("; "))
    add(phrase("topic-majority"), _majority_text(old), _majority_text(new),
        "kommuneloven § 11-9 andre ledd; § 18-1 fjerde ledd")
    unknown = t.amendments_unknown if t else None
    amend_b, amend_a = _amendments(old, unknown), _amendments(new, unknown)
    add(phrase("topic-amendment"), amend_b[0], amend_a[0], amend_a[1] or amend_b[1], amend_a[2])
    lead = sn.leadership if sn else None
    add(phrase("topic-leadership"), leadership_text(so), leadership_text(sn), lead.citation if lead else "",
        lead.assumption.what.strip() if lead and lead.assumption else None)
    add(phrase("topic-deputies"), _deputies_text(old), _deputies_text(new),
        "kommuneloven § 18-3 første ledd tredje punktum" if new.kind == "ipr" else "", _deputy_assumption(new))
    add(phrase("topic-statute"), _statute_text(old), _statute_text(new), "kommuneloven § 18-1 fjerde ledd")
    add(phrase("topic-name"), _name_text(old, statute), _name_text(new, statute), "kommuneloven § 18-1 tredje ledd")
    if old.id != new.id and t:
        for change in t.changes:  # the council's own rows (names, offices), from its transition file
            add(change.topic, change.before, change.after, change.citation)
    if t and t.budget:
        kind = t.budget.case_kind
        add(t.budget.topic, _competence_text(old, kind), _competence_text(new, kind), t.budget.citation,
            _competence_assumption(new, kind))
    return rows
