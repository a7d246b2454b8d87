"""A key message in a coloured panel."""

from ..plan import callout_box
from ..theme import Box, inches
from .base import Page, chrome, rect, set_title, text_box


def render_callout(page: Page) -> None:
    """Draw a soft panel with a strong left edge and the message inside."""
    theme, pal = page.theme, page.theme.palette
    chrome(page)
    set_title(page, page.plan.title)
    strong, soft = {"info": (pal.accent, pal.accent_soft), "tip": (pal.second, pal.second_soft),
                    "warning": (pal.warn, pal.warn_soft)}[page.plan.parts["style"]]
    box = callout_box(theme)
    panel = Box(box.x - inches(0.4), box.y - inches(0.3), box.w + inches(0.7), box.h + inches(0.6))
    rect(page, panel, soft, name="Callout panel")
    rect(page, Box(panel.x, panel.y, inches(0.12), panel.h), strong, name="Callout edge")
    text_box(page, box, page.plan.parts["paras"], anchor="middle", name="Callout text")
