"""The take-away points, on a soft panel."""

from ..theme import Box, inches
from .base import Page, body_frame, chrome, rect, set_title, write


def render_summary(page: Page) -> None:
    """Draw the points like bullets, over a soft accent panel with a strong left edge."""
    theme, pal = page.theme, page.theme.palette
    chrome(page)
    set_title(page, page.plan.title)
    box = theme.grid.body
    used = min(box.h, page.plan.parts["height"] + inches(0.3))
    rect(page, Box(box.x - inches(0.15), box.y, box.w + inches(0.3), used), pal.accent_soft,
         name="Summary panel", back=True)
    rect(page, Box(box.x - inches(0.15), box.y, inches(0.1), used), pal.accent, name="Summary edge")
    write(body_frame(page, box, "body", "obj"), page.plan.parts["paras"], theme)
