"""A title and bullets (two levels)."""

from .base import Page, body_frame, chrome, set_title, write


def render_bullets(page: Page) -> None:
    """Draw bullets into the body placeholder of 'Title and Content'."""
    theme = page.theme
    chrome(page)
    set_title(page, page.plan.title)
    write(body_frame(page, theme.grid.body, "body", "obj"), page.plan.parts["paras"], theme)
