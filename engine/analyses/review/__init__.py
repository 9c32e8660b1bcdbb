"""Legal review of draft cooperation agreements (`vedtekt review`).

Reads a draft (Markdown, plain text, .docx) or a bylaws data file, and checks it against
kommuneloven chapter 18 and § 31-2, against the names in force on its date
(bylaws/names.yaml), against itself, and for decision rules that let a minority decide; a
draft's report quotes `vedtekt verify`'s answers on its decision rules (proofs.py).
The library never prints: `render` returns the report as a string.

>>> from engine.analyses.review import review_file
>>> from engine.render.review import render
>>> report = review_file("drafts/utkast-folloregionen-ipr.md")  # doctest: +SKIP
>>> print(render(report, "markdown"))  # doctest: +SKIP
"""
from engine.analyses.review.core import parse_date, review_draft, review_file
from engine.analyses.review.model import ChecklistEntry, Finding, Location, Report

__all__ = ["review_file", "review_draft", "parse_date", "Report", "Finding",
           "ChecklistEntry", "Location"]
