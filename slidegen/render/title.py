"""The opening slide: an accent band, the deck title, subtitle, author and date."""

from ..theme import Box, inches
from .base import Page, background, body_frame, line_of, on_template, rect, set_title, text_box, write


def render_title(page: Page) -> None:
    """Draw the title slide on the 'Title Slide' layout."""
    theme, grid, pal, sizes = page.theme, page.theme.grid, page.theme.palette, page.theme.sizes
    parts = page.plan.parts
    if not on_template(page):
        background(page, pal.background)
        rect(page, grid.cover_band, pal.accent, name="Cover band", back=True)
        rect(page, Box(grid.margin, grid.cover_title.y - inches(0.25), inches(1.2), inches(0.08)), pal.second,
             name="Cover rule")
    set_title(page, parts["title"], sizes.cover_title, grid.cover_title, anchor="top")
    if parts["subtitle"]:
        frame = body_frame(page, grid.cover_subtitle, "subTitle", "body", name="Subtitle")
        write(frame, line_of(parts["subtitle"], sizes.cover_subtitle), theme, pal.muted)
    if parts["meta"]:
        meta = Box(grid.margin, grid.footer.y - inches(0.3), grid.width - 2 * grid.margin, inches(0.6))
        text_box(page, meta, line_of(parts["meta"], sizes.caption + 2), color=pal.muted, anchor="bottom",
                 name="Author and date")
