"""A section divider: the accent colour, the section's number, title and minutes."""

from .base import Page, background, body_frame, footer, line_of, on_template, set_title, text_box, write


def render_section(page: Page) -> None:
    """Draw a divider on the 'Section Header' layout."""
    theme, grid, pal, sizes = page.theme, page.theme.grid, page.theme.palette, page.theme.sizes
    parts = page.plan.parts
    plain = on_template(page)  # on a template, its layout draws the background
    ink = pal.text if plain else pal.accent_text
    if not plain:
        background(page, pal.accent)
    number = grid.section_number
    if plain:  # the number sits just above the layout's title
        number = number._replace(y=max(0, grid.section_title.y - number.h))
    text_box(page, number, line_of(parts["number"], sizes.section_number, bold=True),
             color=pal.accent if plain else ink, anchor="bottom", name="Section number")
    set_title(page, page.plan.title, sizes.section_title, grid.section_title, color=ink, anchor="top")
    frame = body_frame(page, grid.section_subtitle, "body", "subTitle", name="Section minutes")
    write(frame, line_of(parts["subtitle"], sizes.cover_subtitle), theme, pal.muted if plain else ink)
    footer(page, pal.muted if plain else ink)
