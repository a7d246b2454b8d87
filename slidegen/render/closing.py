"""The last slide: thanks, the message, and what the next lecture covers."""

from ..plan import closing_boxes
from ..theme import Box, inches
from .base import Page, background, line_of, on_template, rect, set_title, text_box


def render_closing(page: Page) -> None:
    """Draw the thanks in the accent band and the next lecture on a soft panel."""
    theme, grid, pal, sizes = page.theme, page.theme.grid, page.theme.palette, page.theme.sizes
    parts = page.plan.parts
    plain = on_template(page)
    ink = pal.text if plain else pal.accent_text
    title_box, message_box, panel = closing_boxes(theme)
    if not plain:
        background(page, pal.background)
        rect(page, Box(0, 0, grid.width, message_box.y + message_box.h + inches(0.15)), pal.accent,
             name="Closing band", back=True)
    set_title(page, page.plan.title, sizes.cover_title, title_box, color=ink, anchor="middle")
    if parts["message"]:
        text_box(page, message_box, line_of(parts["message"], sizes.cover_subtitle),
                 color=pal.muted if plain else ink, name="Closing message")
    if parts["next"]:
        rect(page, panel, pal.accent_soft, name="Next lecture panel")
        text_box(page, panel.inset(inches(0.3), inches(0.2)), parts["next"], name="Next lecture")
