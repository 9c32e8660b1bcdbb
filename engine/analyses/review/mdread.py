"""Markdown structure from markdown-it-py: headings of any style, fenced blocks, tables, comments.

The review keeps working on the file's own lines (so that every finding keeps its line number);
markdown-it-py says what each line *is*: the line of an ATX or setext heading (with its title),
a line inside a fenced or indented code block or an HTML comment (never a heading, and the comment
is not agreement text), a table row (rewritten as `| a | b |` whatever the source's pipe style).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt


@dataclass
class MarkdownLayout:
    lines: list[str]
    headings: dict[int, str] = field(default_factory=dict)  # 1-based line -> heading title
    literal: set[int] = field(default_factory=set)  # 1-based lines that are never headings
    # 1-based lines that continue a paragraph: a heading there only in the explicit '§ 3 …' or
    # 'Kapittel 2 …' form (a draft without blank lines), never a wrapped '2020 ble …' line
    continuation: set[int] = field(default_factory=set)


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def markdown_layout(text: str) -> MarkdownLayout:
    lines = text.splitlines()
    layout = MarkdownLayout(list(lines))
    tokens = _parser().parse(text)
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        first, end = token.map
        if token.type == "heading_open":
            layout.headings[first + 1] = tokens[index + 1].content.strip()
            for underline in range(first + 1, end):  # a setext heading's ===/--- line
                layout.lines[underline] = ""
                layout.literal.add(underline + 1)
        elif token.type in ("fence", "code_block"):
            layout.literal.update(range(first + 1, end + 1))
        elif token.type == "html_block" and token.content.lstrip().startswith("<!--"):
            for number in range(first, end):  # a comment is not part of the agreement's text
                layout.lines[number] = ""
                layout.literal.add(number + 1)
        elif token.type == "paragraph_open":
            layout.continuation.update(range(first + 2, end + 1))
        elif token.type == "table_open":
            _table(tokens, index, layout)
    return layout


def _table(tokens, start: int, layout: MarkdownLayout) -> None:
    """Each row as '| a | b |'; the delimiter row left out; no row line can be a heading."""
    first, end = tokens[start].map
    layout.literal.update(range(first + 1, end + 1))
    for number in range(first, end):
        layout.lines[number] = ""
    cells: list[str] = []
    row_line = None
    for token in tokens[start + 1:]:
        if token.type == "table_close":
            break
        if token.type == "tr_open":
            cells, row_line = [], token.map[0] if token.map else None
        elif token.type == "inline":
            cells.append(token.content.strip().replace("|", "/"))
        elif token.type == "tr_close" and row_line is not None:
            layout.lines[row_line] = "| " + " | ".join(cells) + " |"
