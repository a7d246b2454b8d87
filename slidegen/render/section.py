"""A section divider: the accent colour, the section's number, title and minutes."""

from .base import Page, background, footer, line_of, set_title, text_box, write


def render_section(page: Page) -> None:
    """Draw a divider on the 'Section Header' layout."""
    theme, grid, pal, sizes = page.theme, page.theme.grid, page.theme.palette, page.theme.sizes
    parts = page.plan.parts
    background(page, pal.accent)
    text_box(page, grid.section_number, line_of(parts["number"], sizes.section_number, bold=True),
             color=pal.accent_text, anchor="bottom", name="Section number")
    set_title(page, page.plan.title, sizes.section_title, grid.section_title, color=pal.accent_text,
              anchor="top")
    body = page.slide.placeholders[1]
    box = grid.section_subtitle
    body.left, body.top, body.width, body.height = box.x, box.y, box.w, box.h
    write(body.text_frame, line_of(parts["subtitle"] or " ", sizes.cover_subtitle), theme, pal.accent_text)
    footer(page, pal.accent_text)
