"""The transition report as Markdown, HTML or JSON text (the analysis builds it, this renders)."""
from __future__ import annotations

_STATUS_NB = {"ceases": "opphører", "continues": "fortsetter", "renamed": "videreføres med nytt navn", "new": "nytt", "unknown": "ukjent"}


def render(report, fmt: str, lang: str = "nb") -> str:
    import json

    if fmt == "json":
        return json.dumps(report.as_json(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return to_html(report, lang)
    return to_markdown(report)


def _cell(text) -> str:
    return str(text if text not in (None, "") else "–").replace("|", "\\|").replace("\n", " ")


def to_markdown(r) -> str:
    out = [f"# Overgang: {r.from_} → {r.to}", "",
           f"- **Før:** {r.title_before} (bildet per {r.date_before})",
           f"- **Etter:** {r.title_after} (bildet per {r.date_after})",
           f"- **Scenarioer kjørt under begge:** {r.scenarios_compared}; **med endret dom eller utfall:** "
           f"{len(r.changed_scenarios)}", ""]
    out += ["## Organer", "", "| status | før | etter | stemmeberettigede før → etter | merknad |", "|---|---|---|---|---|"]
    for o in r.organs:
        out.append(f"| {_STATUS_NB[o.status]} | {_cell(o.name_before)} | {_cell(o.name_after)} | "
                   f"{o.members_before} → {o.members_after} | {_cell(o.note)} |")
    out += ["", "### Hvem sitter hvor", ""]
    for o in r.organs:
        if not (o.sits_before or o.sits_after):
            continue
        out.append(f"**{o.name_before or '–'} → {o.name_after or '–'}**")
        out += [f"- før: {line}" for line in o.sits_before] + [f"- etter: {line}" for line in o.sits_after]
        out.append("")
    out += ["## Rettigheter per rolle (møte, tale, forslag, stemme)", "",
            "| organ før → etter | rolle før | rettigheter før | rolle etter | rettigheter etter | forutsetning |",
            "|---|---|---|---|---|---|"]
    for x in r.rights:
        mark = " **(endret)**" if x.changed else ""
        out.append(f"| {_cell(x.organ_before)} → {_cell(x.organ_after)} | {_cell(x.role_before)} | "
                   f"{_cell(', '.join(x.rights_before))} | {_cell(x.role_after)}{mark} | "
                   f"{_cell(', '.join(x.rights_after))} | {_cell(x.assumption)} |")
    out += ["", "## Regler som endres", "", "| tema | før | etter | hjemmel | forutsetning |", "|---|---|---|---|---|"]
    for x in r.rules:
        topic = f"**{x.topic}**" if x.changed else x.topic
        out.append(f"| {topic} | {_cell(x.before)} | {_cell(x.after)} | {_cell(x.citation)} | {_cell(x.assumption)} |")
    out += ["", "### Ledelse og rotasjon over overgangen", "",
            "| dokument | fra | til | leder | nestleder |", "|---|---|---|---|---|"]
    for t in r.leadership:
        lead = f"{t.get('leader')} ({t.get('leader_person') or '–'})" if t.get("leader") else _cell(t.get("basis"))
        vice = f"{t.get('vice')} ({t.get('vice_person') or '–'})" if t.get("vice") else "–"
        out.append(f"| {t['document']} | {t['from']} | {t['to']} | {lead} | {vice} |")
    if r.steps:
        out += ["", "## Rettslige skritt", "", "| dato | hvem | hva | hjemmel | status | åpent spørsmål |",
                "|---|---|---|---|---|---|"]
        for s in r.steps:
            out.append(f"| {_cell(s.date)} | {_cell(s.who)} | {_cell(s.what)} {_cell(s.source) if s.source else ''} | "
                       f"{_cell(s.citation)} | {_cell(s.status)} | {_cell(s.open_question)} |")
    out += ["", f"## Scenarioer med endret dom ({len(r.changed_scenarios)} av {r.scenarios_compared})", ""]
    if not r.changed_scenarios:
        out.append("Ingen forskjeller.")
    for c in r.changed_scenarios:
        cf_b = " (kontrafaktisk)" if c.before.counterfactual else ""
        cf_a = " (kontrafaktisk)" if c.after.counterfactual else ""
        out += [f"### {c.scenario}", f"{c.name} ({c.date})", "",
                f"- før: **{c.verdict_before}** under {c.before.bylaws}/{c.before.organ}{cf_b}: "
                + ", ".join(f"{k} {v}" for k, v in c.before.outcomes.items()),
                f"- etter: **{c.verdict_after}** under {c.after.bylaws}/{c.after.organ}{cf_a}: "
                + ", ".join(f"{k} {v}" for k, v in c.after.outcomes.items()),
                f"- forklaring: {c.explanation}", ""]
    if r.scenarios_skipped:
        out += ["Ikke sammenlignet:", ""] + [f"- {s}" for s in r.scenarios_skipped] + [""]
    if r.generated:
        out += ["## Genererte møter", "", "| familie | metode | møter | endret | forklaring |", "|---|---|---|---|---|"]
        for g in r.generated:
            out.append(f"| {g.name} ({g.organ_before} → {g.organ_after}, {g.date}) | {g.method} | {g.meetings} | "
                       f"{g.changed} | {_cell(g.explanation)} |")
        for g in r.generated:
            for e in g.examples:
                d = e.get("first_difference") or {}
                out.append(f"- {g.name}, mønster `{e['pattern']}`: {e['before']} → {e['after']} "
                           f"({e['outcome_before']} → {e['outcome_after']}); {d.get('rule', '')}: {d.get('message', '')}")
        out.append("")
    out += ["## Forutsetninger rapporten bygger på", ""] + [f"{i}. {a}" for i, a in enumerate(r.assumptions, 1)]
    return "\n".join(out) + "\n"


def to_html(r, lang: str = "nb") -> str:
    """One self-contained page (templates/transition.html.j2): every part of the report as a table.

    The headings and column names are in `lang`; the report's own text (notes, explanations,
    assumptions) is the analysis's, in bokmål."""
    from engine.render.html import render_page  # Jinja2 only when a page is asked for (cold start)

    # `say` words a piece of the report's text in `lang`; today that text is already words
    return render_page("transition.html.j2", lang, r=r, say=lambda text: text)
