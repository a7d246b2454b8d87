"""A quotation and its source."""

from ..plan import quote_box
from ..theme import Box, inches
from .base import Page, chrome, line_of, set_title, text_box


def render_quote(page: Page) -> None:
    """Draw a large quotation mark, the quote centred, and its attribution."""
    theme, pal, sizes = page.theme, page.theme.palette, page.theme.sizes
    parts = page.plan.parts
    chrome(page)
    if page.plan.title:
        set_title(page, page.plan.title)
    box = quote_box(theme)
    text_box(page, Box(box.x - inches(1.1), box.y - inches(0.9), inches(1.6), inches(1.8)),
             line_of("\u201c", 96, bold=True), color=pal.accent, name="Quote mark", inset=False)
    text_box(page, box, parts["paras"], anchor="middle", name="Quote")
    if parts["attribution"]:
        below = Box(box.x, box.y + box.h + inches(0.1), box.w, inches(0.6))
        text_box(page, below, line_of("\u2014 " + parts["attribution"], sizes.caption + 4, align="right"),
                 color=pal.muted, name="Attribution")
