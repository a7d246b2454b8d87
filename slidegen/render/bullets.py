"""A title and bullets (two levels)."""

from .base import Page, chrome, set_title, write


def render_bullets(page: Page) -> None:
    """Draw bullets into the body placeholder of 'Title and Content'."""
    theme = page.theme
    chrome(page)
    set_title(page, page.plan.title)
    body = page.slide.placeholders[1]
    box = theme.grid.body
    body.left, body.top, body.width, body.height = box.x, box.y, box.w, box.h
    write(body.text_frame, page.plan.parts["paras"], theme)
