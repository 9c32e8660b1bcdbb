"""The legal steps of the move (from the council's transition file, with dates, sources and
status), the name check the statute requires, and every assumption the report relies on."""
from __future__ import annotations

from engine.analyses.transition.model import LegalStep, Phrase, phrase
from engine.core.finding import Finding
from engine.core.library import Library
from engine.core.model import Document


def legal_steps(old: Document, new: Document, lib: Library) -> list[LegalStep]:
    """The legal steps as the council's transition file gives them (dates, sources, status)."""
    statute = lib.statute_for(new)
    t = lib.transition_between(old.id, new.id)
    if new.kind != "ipr" or statute is None or t is None or old.id == new.id:
        return []
    return [_step(step, new, statute) for step in t.steps]


def _step(step, new: Document, statute) -> LegalStep:
    data = step.model_dump(exclude={"check"})
    if step.check == "ipr-name":
        finding = name_finding(new, statute)
        data.update(what=Phrase(message_id=finding.message_id, args=finding.args), finding=finding,
                    status=phrase("step-met" if finding.severity == "info" else "step-not-met"))
    return LegalStep(**data)


def name_finding(new: Document, statute) -> Finding:
    """Kommuneloven § 18-1 tredje ledd: the council's name must contain «interkommunalt politisk
    råd» (the words from the statute's data). An error when it does not, a note when it does."""
    rule = statute.rule("ipr-name")
    must = str(rule.parameters.get("must_contain"))
    ok = must in new.title
    name = new.title.split("Samarbeidsavtale for ")[-1].split(" (")[0]
    return Finding(rule="ipr-name", severity="info" if ok else "error", citation=rule.citation,
                   quote=rule.quote, layer=rule.layer, facts={"title": new.title, "must_contain": must},
                   message_id="transition.step-name-ok" if ok else "transition.step-name-missing",
                   args={"name": name, "must": must})


def all_assumptions(old: Document, new: Document, lib: Library) -> list[str]:
    """Every assumption of both documents (the new one first) and the statute's first one."""
    notes = []
    for doc in (new, old) if old.id != new.id else (new,):
        notes += _document_assumptions(doc, holdings=doc is new)
    statute = lib.statute_for(new)
    if statute:
        notes += [a.what.strip() for a in statute.assumptions[:1]]
    return notes


def _document_assumptions(doc: Document, holdings: bool) -> list[str]:
    notes = [a.what.strip() for a in doc.assumptions]
    for o in doc.organs:
        for p in (o, o.leadership, *o.seats, *(s.deputies for s in o.seats), *o.observers):
            if p is not None and getattr(p, "assumption", None):
                notes.append(p.assumption.what.strip())
        if o.leadership:
            notes += [a.what.strip() for a in o.leadership.assumptions]
    notes += [c.assumption.what.strip() for c in doc.competences if c.assumption]
    if holdings:
        notes += [h.assumption.what.strip() for h in doc.roster.holdings if h.assumption]
    return notes
