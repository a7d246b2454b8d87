"""The last slide: thanks, the message, and what the next lecture covers."""

from ..text import Para, inline
from ..theme import Box, inches
from .base import Page, background, line_of, rect, set_title, text_box


def render_closing(page: Page) -> None:
    """Draw the thanks in the accent band and the next lecture on a soft panel."""
    theme, grid, pal, sizes = page.theme, page.theme.grid, page.theme.palette, page.theme.sizes
    parts = page.plan.parts
    background(page, pal.background)
    band = Box(0, 0, grid.width, inches(2.6))
    rect(page, band, pal.accent, name="Closing band", back=True)
    set_title(page, page.plan.title, sizes.cover_title, Box(grid.margin, inches(0.6), band.w - 2 * grid.margin,
                                                            inches(1.2)), color=pal.accent_text, anchor="middle")
    if parts["message"]:
        text_box(page, Box(grid.margin, inches(1.75), band.w - 2 * grid.margin, inches(0.7)),
                 line_of(parts["message"], sizes.cover_subtitle), color=pal.accent_text, anchor="top",
                 name="Closing message")
    if parts["next_title"]:
        panel = Box(grid.margin, inches(3.0), grid.width - 2 * grid.margin, inches(3.6))
        rect(page, panel, pal.accent_soft, name="Next lecture panel")
        paras = [Para(inline(parts["next_label"]), sizes.caption + 4, bold=True, color=pal.accent),
                 Para(inline(parts["next_title"]), sizes.body + 4, bold=True, space_before=0.2)]
        paras += [Para(inline(t), sizes.body, level=1, space_before=0.3) for t in parts["topics"]]
        text_box(page, panel.inset(inches(0.3), inches(0.2)), paras, name="Next lecture")
