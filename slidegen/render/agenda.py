"""The agenda: every section with its number and minutes."""

from ..text import Para, inline
from ..theme import Box, inches
from .base import Page, chrome, line_of, rect, set_title, text_box


def render_agenda(page: Page) -> None:
    """Draw the agenda as rows: number, section title, minutes; two columns past six sections."""
    theme, grid, pal, sizes = page.theme, page.theme.grid, page.theme.palette, page.theme.sizes
    chrome(page)
    set_title(page, page.plan.title)
    rows = page.plan.parts["rows"]
    unit = page.plan.parts["unit"]
    per_column = 6
    columns = grid.body.columns(2 if len(rows) > per_column else 1, grid.gap)
    row_h = min(inches(0.75), grid.body.h // min(len(rows), per_column))
    size = sizes.body if row_h >= inches(0.6) else sizes.body_min
    for i, (number, title, minutes) in enumerate(rows):
        col = columns[i // per_column]
        y = col.y + (i % per_column) * row_h
        rect(page, Box(col.x, y + row_h - inches(0.03), col.w, inches(0.015)), pal.rule, name="Agenda rule")
        text_box(page, Box(col.x, y, inches(1.0), row_h), line_of(number, size, bold=True),
                 color=pal.accent, anchor="middle", name="Agenda number")
        text_box(page, Box(col.x + inches(1.0), y, col.w - inches(2.4), row_h),
                 [Para(inline(title), size)], anchor="middle", name="Agenda section")
        text_box(page, Box(col.x + col.w - inches(1.4), y, inches(1.4), row_h),
                 line_of(f"{minutes:g} {unit}", size, align="right"), color=pal.muted, anchor="middle",
                 name="Agenda minutes")
