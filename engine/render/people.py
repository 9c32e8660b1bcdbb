"""`vedtekt people` as text (its JSON is the sitting dict itself), worded from the catalogue's
`cli.people` messages and the `right` and `deputy-kind` word groups the web page shares."""
from __future__ import annotations

from engine.render.catalogue import catalogue


def to_text(s: dict, lang: str = "nb") -> str:
    """`vedtekt people` as text (`s`: engine.analyses.people.sitting_on)."""
    w = catalogue(lang)["messages"]["cli"]["people"]
    rights = catalogue(lang)["words"]["right"]
    deputies = catalogue(lang)["words"]["deputy-kind"]
    lines = [w["title"].format(organ=s["organ"]["name"], date=s["date"]),
             f"{w['bylaws']}: {s['bylaws']['id']} ({s['bylaws']['title']})"]
    for key in ("leader", "vice"):
        who = s[key]
        text = f"{who['name'] or w['none']} [{who['person']}] ({who['participant']}); {who['citation']}" if who else w["none"]
        lines.append(f"{w[key]}: {text}")
    lines.append(f"{w['units']}: {s['voting_units']}")
    if s["quorum"]:
        lines.append(w["quorum"].format(**s["quorum"]) + f" ({s['quorum']['citation']})")
    lines.append(f"\n{w['members']}:")
    for group in s["members"]:
        lines.append(f"  {group['name'] or '–'}")
        for m in group["members"]:
            lines.append(f"    {m['name']} [{m['person']}] – {m['role']}; "
                         f"{', '.join(rights[r] for r in m['rights'])} ({m['citation']})")
            d = m["deputies"]
            if d is not None:
                people = ", ".join(f"{p['number']}. {p['name']} [{p['person']}]" if p["number"] is not None
                                   else f"{p['name']} [{p['person']}]" for p in d["people"])
                lines.append(f"      {deputies[d['kind']]}: {people or w['no-deputies']} ({d['citation']})")
    for key in ("advisers", "observers"):
        if s[key]:
            lines.append(f"\n{w[key]}:")
            lines += [f"  {p['name']} [{p['person']}] – {p['role']}; "
                      f"{', '.join(rights[r] for r in p['rights'])} ({p['citation']})" for p in s[key]]
    return "\n".join(lines) + "\n"
