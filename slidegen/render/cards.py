"""Two to four cards: a term, its definition and a command."""

from ..plan import card_boxes, card_command_band, heading_height
from ..text import Para, Run
from ..theme import Box, inches
from .base import Page, chrome, line_of, rect, set_title, text_box


def render_cards(page: Page) -> None:
    """Draw each card as a soft panel with a coloured heading band and a command line at its foot."""
    theme, grid, pal, sizes = page.theme, page.theme.grid, page.theme.palette, page.theme.sizes
    cards = page.plan.parts["cards"]
    chrome(page)
    set_title(page, page.plan.title)
    columns = grid.body.columns(len(cards), grid.gap)
    strong = [pal.accent, pal.second, pal.warn, pal.text]
    has_code = any(card["code"] for card in cards)
    command = card_command_band(theme) if has_code else 0
    for i, (card, col, area) in enumerate(zip(cards, columns, card_boxes(theme, len(cards)))):
        body = Box(area.x, area.y, area.w, min(area.h, page.plan.parts["height"]))
        bottom = body.y + body.h + command + grid.panel_pad
        rect(page, Box(col.x, col.y, col.w, bottom - col.y), pal.accent_soft, shape="roundRect",
             name=f"Card {i + 1}")
        band = Box(col.x, col.y, col.w, heading_height(theme))
        rect(page, band, strong[i % len(strong)], name=f"Card {i + 1} band")
        text_box(page, band, line_of(card["title"], sizes.card_title, bold=True, align="center"),
                 color=pal.accent_text, anchor="middle", name=f"Card {i + 1} title")
        text_box(page, body, card["paras"], name=f"Card {i + 1} text")
        if card["code"]:
            line = Box(col.x + inches(0.15), body.y + body.h + inches(0.05), col.w - inches(0.3),
                       command - inches(0.1))
            rect(page, line, pal.code_background, name=f"Card {i + 1} command panel")
            text_box(page, line, [Para((Run(card["code"], mono=True, bold=True),), sizes.code_min + 2,
                                       align="center")],
                     color=pal.code_text, anchor="middle", name=f"Card {i + 1} command")
