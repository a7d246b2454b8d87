"""A review question; its answer is in the notes."""

from ..plan import question_box
from ..theme import Box, inches
from .base import Page, chrome, line_of, rect, set_title, text_box


def render_question(page: Page) -> None:
    """Draw a question badge, the question and its choices."""
    theme, grid, pal = page.theme, page.theme.grid, page.theme.palette
    chrome(page)
    set_title(page, page.plan.title)
    badge = Box(grid.body.x, grid.body.y + inches(0.1), inches(1.1), inches(1.1))
    rect(page, badge, pal.accent, shape="ellipse", name="Question badge")
    text_box(page, badge, line_of("?", 40, bold=True, align="center"), color=pal.accent_text, anchor="middle",
             name="Question mark", inset=False)
    text_box(page, question_box(theme), page.plan.parts["paras"], name="Question")
