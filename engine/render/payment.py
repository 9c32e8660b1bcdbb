"""`vedtekt authority payment` as text and JSON, worded by the catalogues (section payment)."""
from __future__ import annotations

from typing import Any

from engine.analyses.spending import PaymentVerdict
from engine.render.catalogue import message, word
from engine.render.finding_text import finding_message


def _ok(finding) -> bool:
    """A part of the judgement that holds (info) or fails (error)."""
    return finding.severity != "error"


def to_text(v: PaymentVerdict, lang: str = "nb") -> str:
    verdict = message("payment.authorised" if v.authorised else "payment.not-authorised", lang)
    lines = [f"{v.file}: {v.name}",
             "  " + message("payment.summary", lang, {
                 "kind": word("payment-kind", v.kind, lang), "date": v.date,
                 "amount": f"{v.amount:,}".replace(",", " "), "approver": v.approver_name,
                 "verdict": verdict, "reason": word("payment-reason", v.reason, lang)})]
    for f in v.findings:
        lines.append(f"  {'✓' if _ok(f) else '✗'} {finding_message(f, lang)} [{f.citation}]"
                     + (f"\n      «{' '.join(f.quote.split())}»" if f.quote else ""))
    for a in v.assumptions:  # from the data, in its language
        lines.append(f"  {message('payment.assumption', lang)}: {a}")
    if v.expected_matches is False:
        lines.append(f"  {message('payment.differs', lang)}: " + _differences(v, lang))
    return "\n".join(lines) + "\n"


def _differences(v: PaymentVerdict, lang: str) -> str:
    """«authorised: forventet True, fikk False; …» in `lang`."""
    return "; ".join(message("payment.difference", lang, {"field": field, "expected": expected, "got": got})
                     for field, expected, got in v.expected_differences)


def to_dict(v: PaymentVerdict, lang: str = "nb") -> dict[str, Any]:
    """The verdict as its JSON has it; each finding keeps `ok`, `message` (bokmål) and
    `message_en`, and adds its severity, message id and arguments."""
    data = v.model_dump(exclude={"findings"})
    data["expected_differences"] = [message("payment.difference", "nb", dict(zip(("field", "expected", "got"), d)))
                                    for d in v.expected_differences]  # as strings, as before
    data["findings"] = [
        {"rule": f.rule, "ok": _ok(f), "citation": f.citation, "message": finding_message(f, "nb"),
         "message_en": finding_message(f, "en"), "severity": f.severity, "message_id": f.message_id,
         "args": f.args, "quote": f.quote} for f in v.findings]
    return {key: data[key] for key in type(v).model_fields}  # the fields in their declared order
