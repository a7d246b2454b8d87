"""The agenda: every section with its number and minutes."""

from ..plan import AGENDA_ROWS
from ..text import Para, inline
from ..theme import Box, inches
from .base import Page, chrome, line_of, rect, set_title, text_box


def render_agenda(page: Page) -> None:
    """Draw the agenda as rows of number, section title and minutes, in the widths the plan chose."""
    grid, pal = page.theme.grid, page.theme.palette
    parts = page.plan.parts
    chrome(page)
    set_title(page, page.plan.title)
    rows, size, row_h = parts["rows"], parts["size"], parts["row_height"]
    number_w, title_w, minutes_w = parts["widths"]
    columns = grid.body.columns(parts["columns"], grid.gap)
    for i, (number, title, minutes) in enumerate(rows):
        col = columns[i // AGENDA_ROWS]
        y = col.y + (i % AGENDA_ROWS) * row_h
        rect(page, Box(col.x, y + row_h - inches(0.03), col.w, inches(0.015)), pal.rule, name="Agenda rule")
        text_box(page, Box(col.x, y, number_w, row_h), line_of(number, size, bold=True),
                 color=pal.accent, anchor="middle", name="Agenda number")
        text_box(page, Box(col.x + number_w, y, title_w, row_h), [Para(inline(title), size)], anchor="middle",
                 name="Agenda section")
        text_box(page, Box(col.x + col.w - minutes_w, y, minutes_w, row_h),
                 line_of(minutes, size, align="right"), color=pal.muted, anchor="middle", name="Agenda minutes")
