"""Spending authority: may the one approving a payment or commitment do so, within which line?

A budget names the office with anvisningsmyndighet, the organ it acts for and the organ that
adopts the budget (for Follo, handlingsprogram 2021 kap. 1.2: the daglig leder «har
anvisningsmyndighet på Follorådets vegne»; Follomøtet adopts the budget). The budget lines are
dated data in ``bylaws/budgets/<id>.yaml``, each quoted and cited. A payment scenario (see
scenarios/README.md, "Betalinger og forpliktelser") is judged in two parts, each cited:

1. authority: does the approver hold the office with anvisningsmyndighet on the date?
2. the line: ``within-line`` (amount plus what is already used fits the line's maximum),
   ``over-line`` (it does not), ``no-line`` (no line, or a line the programme leaves without
   money).

The verdict's ``reason`` is the first that fails, in the order no-authority, no-line,
over-line; otherwise ``within-line``.
"""
from __future__ import annotations

import datetime
from pathlib import Path
from typing import Literal

from pydantic import Field

from engine.core.errors import InputError, Message, NotModelled, at, did_you_mean, unknown_id
from engine.core.finding import Finding
from engine.core.library import Library, bylaws_dir, library
from engine.core.load import load_located
from engine.core.base import Frozen
from engine.core.model import Assumption, Provision
from engine.core.yamlio import Located

Reason = Literal["within-line", "over-line", "no-line", "no-authority"]


class BudgetLine(Provision):
    id: str
    title: str
    max: int = Field(ge=0)  # kroner; 0: the programme gives this measure no money
    form: Literal["tilskudd", "arbeidsinnsats"] = "tilskudd"


class SpendingAuthority(Provision):
    office: str  # roster office that holds anvisningsmyndighet
    label: str
    # the organ of the budget's document on whose behalf the office approves («på Follorådets
    # vegne»): its name is the data's, never a word of the catalogue; None where the source names none
    on_behalf_of: str | None = None
    within_budget: Assumption | None = None


class Budget(Provision):
    id: str
    title: str
    document: str
    adopted_by: str
    completeness: Assumption | None = None  # what the lines leave out
    authority: SpendingAuthority
    lines: tuple[BudgetLine, ...]

    def line(self, line_id: str) -> BudgetLine | None:
        return next((line for line in self.lines if line.id == line_id), None)


class PaymentExpected(Frozen):
    authorised: bool
    reason: Reason
    why: str | None = None


class Payment(Frozen):
    """A payment (anvisning/utbetaling) or commitment (tilsagn) as data."""

    name: str
    description: str | None = None
    date: datetime.date
    kind: Literal["payment", "commitment"] = "payment"
    approved_by: str  # person id in the roster
    budget: str | None = None
    line: str | None = None
    amount: int = Field(gt=0)
    earlier: int = Field(default=0, ge=0)  # already paid or committed on the line this year
    expected: PaymentExpected | None = None


class PaymentVerdict(Frozen):
    file: str
    name: str
    date: str
    kind: str
    approver: str
    approver_name: str
    budget: str
    line: str | None
    amount: int
    authorised: bool
    reason: Reason
    findings: tuple[Finding, ...]  # the part that holds has severity info, a part that fails error
    assumptions: tuple[str, ...]
    expected_matches: bool | None = None
    # (field, expected, got) for each field of `expected` the verdict differs in
    expected_differences: tuple[tuple[str, str, str], ...] = ()


def budgets_dir(root: Path | None = None) -> Path:
    return (root or bylaws_dir()) / "budgets"


def load_budgets(root: Path | None = None, lib: Library | None = None) -> dict[str, Budget]:
    """Every budget file in bylaws/budgets/, by id, each checked whole against the bylaws it
    names: its `document`, the organ that adopts it and the organ its authority acts for must
    exist, or exit 2 naming the budget file, the line and the key (with «mente du»)."""
    lib = lib or library(root)
    budgets = {}
    for path in sorted(budgets_dir(root).glob("*.yaml")):
        budget, located = load_located(path, Budget)
        _check_references(budget, located, lib)
        budgets[budget.id] = budget
    return budgets


def _check_references(budget: Budget, located: Located, lib: Library) -> None:
    """The ids a budget names exist in the bylaws (the budget file and the line when one does not)."""
    def unknown(kind: str, value: str, known, *key) -> InputError:
        return unknown_id(kind, value, known, file=located.file,
                          where=at(located.line_of(key), ".".join(key)))

    if budget.document not in lib.documents:
        raise unknown("document", budget.document, lib.documents, "document")
    organs = [o.id for o in lib.document(budget.document).organs]
    if budget.adopted_by not in organs:
        raise unknown("organ", budget.adopted_by, organs, "adopted_by")
    if budget.authority.on_behalf_of is not None and budget.authority.on_behalf_of not in organs:
        raise unknown("organ", budget.authority.on_behalf_of, organs, "authority", "on_behalf_of")
    # the office with anvisningsmyndighet: a misspelt one is held by no one, and every payment
    # would be judged «no-authority» instead of refused
    offices = sorted({h.office for h in lib.document(budget.document).roster.holdings})
    if budget.authority.office not in offices:
        raise unknown("verv", budget.authority.office, offices, "authority", "office")


def budget_for(budgets: dict[str, Budget], on: datetime.date, budget_id: str | None) -> Budget:
    if budget_id is not None:
        if budget_id not in budgets:
            raise InputError("errors.unknown-budget", {"id": budget_id}, where=at(key="budget"),
                             hint=did_you_mean(budget_id, list(budgets)))
        return budgets[budget_id]
    found = [b for b in budgets.values() if b.in_force(on)]
    if len(found) != 1:
        raise NotModelled("errors.no-budget", {"date": on}, hint=Message("errors.hint/budgets", {
            "budgets": [f"{b.id} ({b.valid_from} – {b.valid_to})" for b in budgets.values()]}))
    return found[0]


def assess(payment: Payment, budget: Budget, lib: Library, file: str = "") -> PaymentVerdict:
    """Judge one payment or commitment against the budget and the approver's authority."""
    doc = lib.document(budget.document)
    if not doc.in_force(payment.date) or not budget.in_force(payment.date):
        raise NotModelled(
            "errors.payment-outside-period", {"date": payment.date, "budget": budget.id, "id": doc.id,
                                              "start": max(budget.valid_from, doc.valid_from),
                                              "end": min(budget.valid_to, doc.valid_to)},
            file=file or None, where=at(key="date"), hint=Message("errors.hint/later-authority"))
    people = {p.id: p for p in doc.roster.people}
    if payment.approved_by not in people:
        raise unknown_id("person", payment.approved_by, people, file=file or None, where=at(key="approved_by"))
    name = people[payment.approved_by].name
    offices = {h.office for h in doc.roster.holdings
               if h.person == payment.approved_by and h.in_force(payment.date)}
    auth = budget.authority
    findings: list[Finding] = []
    assumptions = [budget.assumption.what] if budget.assumption else []
    if auth.within_budget:
        assumptions.append(auth.within_budget.what)
    has_authority = auth.office in offices
    wording, organ = "no-authority", {}
    if has_authority and auth.on_behalf_of:  # the organ's name from the bylaws: «på vegne av Follorådet»
        wording, organ = "authority", {"organ": doc.organ(auth.on_behalf_of).name}
    elif has_authority:
        wording = "authority-own"
    findings.append(_finding("spending-authority", has_authority, auth, wording,
                             person=name, office=auth.label, date=str(payment.date), **organ))
    line = budget.line(payment.line) if payment.line else None
    if payment.line and line is None:
        raise InputError("errors.unknown-budget-line", {"id": payment.line, "budget": budget.id},
                         file=file or None, where=at(key="line"),
                         hint=did_you_mean(payment.line, [x.id for x in budget.lines])
                         or Message("errors.hint/budget-lines", {"lines": [x.id for x in budget.lines]}))
    used = payment.earlier + payment.amount
    if line is None:
        line_reason: Reason = "no-line"
        if budget.completeness:
            assumptions.append(budget.completeness.what)
        findings.append(_finding("no-line", False, budget, "no-line", budget=budget.title,
                                 organ=lib.document(budget.document).organ(budget.adopted_by).name))
    elif line.max == 0:
        line_reason = "no-line"
        findings.append(_finding("no-line", False, line, "no-funds", line=line.title,
                                 year=budget.valid_from.year, quote=line.quote))
    elif used <= line.max:
        line_reason = "within-line"
        findings.append(_finding("within-line", True, line, "within-line", line=line.title,
                                 amount=_kr(payment.amount), used=_kr(used), earlier=_kr(payment.earlier),
                                 max=_kr(line.max)))
    else:
        line_reason = "over-line"
        findings.append(_finding("over-line", False, line, "over-line", line=line.title,
                                 amount=_kr(payment.amount), used=_kr(used), earlier=_kr(payment.earlier),
                                 max=_kr(line.max), excess=_kr(used - line.max)))
    if line is not None and line.assumption:
        assumptions.append(line.assumption.what)
    reason: Reason = "no-authority" if not has_authority else line_reason
    authorised = reason == "within-line"
    diffs: list[tuple[str, str, str]] = []
    if payment.expected is not None:
        if payment.expected.authorised != authorised:
            diffs.append(("authorised", str(payment.expected.authorised), str(authorised)))
        if payment.expected.reason != reason:
            diffs.append(("reason", payment.expected.reason, reason))
    return PaymentVerdict(
        file=file, name=payment.name, date=str(payment.date), kind=payment.kind,
        approver=payment.approved_by, approver_name=name, budget=budget.id, line=payment.line,
        amount=payment.amount, authorised=authorised, reason=reason, findings=tuple(findings),
        assumptions=tuple(dict.fromkeys(a.strip() for a in assumptions)),
        expected_matches=None if payment.expected is None else not diffs,
        expected_differences=tuple(diffs))


def check_payment_file(path: Path | str, lib: Library | None = None,
                       budgets: dict[str, Budget] | None = None) -> PaymentVerdict:
    """Load a payment scenario file and judge it (InputError, exit 2, for bad input)."""
    return check_payment_files([path], lib, budgets)[0]


def check_payment_files(paths, lib: Library | None = None,
                        budgets: dict[str, Budget] | None = None) -> list[PaymentVerdict]:
    """Load each payment file and judge it, the budgets loaded and checked once, after the first
    file (so a file's own error is reported before a budget's, as for a single file)."""
    lib = lib or library()
    verdicts = []
    for path in paths:
        payment, located = load_located(path, Payment)
        if budgets is None:
            budgets = load_budgets(lib=lib)
        try:
            budget = budget_for(budgets, payment.date, payment.budget)
        except InputError as exc:
            raise exc.relocated(located.file) from None
        verdicts.append(assess(payment, budget, lib, file=located.file))
    return verdicts


def _finding(rule: str, holds: bool, provision: Provision, message_id: str, **args) -> Finding:
    """One part of the judgement: info when it holds, error when it does not; worded by the
    catalogues' `payment` section. It cites the provision (the delegation, the budget or its line)
    with the provision's own words from the data."""
    return Finding(rule=rule, severity="info" if holds else "error", citation=provision.citation,
                   quote=provision.quote, message_id=f"payment.{message_id}", args=args)


def _kr(amount: int) -> str:
    return f"{amount:,}".replace(",", " ")


__all__ = ["Budget", "BudgetLine", "Payment", "PaymentVerdict", "load_budgets", "budget_for",
           "assess", "check_payment_file", "check_payment_files"]
