"""A real table: coloured header row, striped rows, fitted column widths."""

from pptx.oxml.ns import qn
from pptx.util import Emu

from ..plan import code_box
from ..text import Para, inline
from ..theme import Box
from .base import Page, chrome, line_of, rgb, set_title, text_box, write

NO_STYLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # "No Style, No Grid": our colours only


def render_table(page: Page) -> None:
    """Draw the table with the plan's column widths and font size."""
    theme, pal, sizes = page.theme, page.theme.palette, page.theme.sizes
    parts = page.plan.parts
    chrome(page)
    set_title(page, page.plan.title)
    box = code_box(theme, bool(parts["caption"]))
    rows = [parts["columns"]] + parts["rows"]
    frame = page.shapes.add_table(len(rows), len(parts["columns"]), Emu(box.x), Emu(box.y), Emu(box.w),
                                  Emu(box.h // len(rows)))
    frame.name = "Table"
    table = frame.table
    table._tbl.tblPr.find(qn("a:tableStyleId")).text = NO_STYLE
    for i, width in enumerate(parts["widths"]):
        table.columns[i].width = Emu(width)
    for r, row in enumerate(rows):
        table.rows[r].height = Emu(round(parts["size"] * 1.2 * 12700) + 2 * theme.grid.inset_y)
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            header = r == 0
            cell.fill.solid()
            cell.fill.fore_color.rgb = rgb(pal.table_header if header else
                                           (pal.table_stripe if r % 2 == 0 else pal.background))
            cell.margin_left = cell.margin_right = Emu(theme.grid.inset_x)
            cell.margin_top = cell.margin_bottom = Emu(theme.grid.inset_y)
            write(cell.text_frame._txBody, [Para(inline(text, bold=header), parts["size"])], theme,
                  pal.accent_text if header else pal.text)
    if parts["caption"]:
        below = Box(box.x, box.y + box.h, box.w, theme.grid.body.y + theme.grid.body.h - box.y - box.h)
        text_box(page, below, line_of(parts["caption"], sizes.caption), color=pal.muted, anchor="middle",
                 name="Caption")
