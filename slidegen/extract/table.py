"""Tables become real table slides; long tables are split by rows, wide ones by columns.

A cell too long for any table slide is cut short on the slide and kept whole in the notes;
an empty cell stays blank.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .blocks import Block, Remark, Table
from .draft import Draft
from .fit import Fitter
from .strings import flat

if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode

    from .compose import Composer
    from .reader import Reading

MAX_COLUMNS = 8  # a table slide has at most eight columns
CELL_START = 120  # characters a cut-short cell starts from; halved until the table fits


def read(node: "SyntaxTreeNode", reading: "Reading") -> list[Block]:
    """The header and rows of a table, cells in slide markup."""
    header: list[str] = []
    rows: list[list[str]] = []
    remarks: list[Block] = []
    for part in node.children:
        for tr in part.children:
            cells = []
            for cell in tr.children:
                inline = reading.inline(cell)
                cells.append(inline.text)
                remarks += [Remark(f"Liquid left out: {t}", reading.line(node)) for t in inline.liquid]
                remarks += inline.images
            if part.type == "thead":
                header = cells
            else:
                rows.append(cells)
    if not header:
        return remarks
    width = len(header)
    rows = [(row + [""] * width)[:width] for row in rows]
    return [Table(header, rows, reading.line(node))] + remarks


def slides(block: Table, title: str, comp: "Composer") -> list[Draft]:
    """Table slides: at most eight columns each (the first column repeats), rows split where they fit."""
    header = block.header
    rows = block.rows or [[""] * len(header)]
    groups = [list(range(len(header)))]
    if len(header) > MAX_COLUMNS:
        rest = list(range(1, len(header)))
        step = MAX_COLUMNS - 1
        groups = [[0] + rest[i:i + step] for i in range(0, len(rest), step)]
    drafts: list[Draft] = []
    notes: list[str] = []
    for columns in groups:
        head = [header[i] for i in columns]
        body = [[row[i] for i in columns] for row in rows]
        counts, body = _fitted(head, body, comp.fitter, notes)
        start = 0
        for count in counts:
            drafts.append(Draft("table", "", {"columns": head, "rows": body[start:start + count]}))
            start += count
    titles, full = comp.page_titles(title, len(drafts))
    for draft, text in zip(drafts, titles):
        draft.title = text
    if drafts:
        drafts[0].notes = ([f"{comp.words['heading']}: {full}"] if full else []) + list(dict.fromkeys(notes))
        if len(groups) > 1:
            drafts[0].comments.append(f"the table has {len(header)} columns; it is shown in parts with "
                                      "the first column repeated")
    return drafts


def _fitted(head: list[str], body: list[list[str]], fitter: Fitter, notes: list[str]) -> tuple[list[int], list]:
    """Rows per slide, cutting long cells short (whole in ``notes``) until every row fits a slide."""
    counts = fitter.table_pages(head, body)
    limit = CELL_START
    while counts is None and limit >= 8:
        cut = [[_cut(c, limit, notes) for c in row] for row in body]
        head_cut = [_cut(c, limit, notes) for c in head]
        counts = fitter.table_pages(head_cut, cut)
        if counts is not None:
            head[:] = head_cut
            return counts, cut
        limit //= 2
    if counts is None:  # nothing more to cut: one row per slide, the planner shrinks what it can
        return [1] * len(body), body
    return counts, body


def _cut(cell: str, limit: int, notes: list[str]) -> str:
    text = flat(cell)
    if len(text) <= limit:
        return cell
    notes.append(text)
    return Fitter.cut(text, lambda t: len(t) <= limit)
