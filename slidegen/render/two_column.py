"""Two columns: a comparison ('versus') or a problem and its solution ('arrow')."""

from ..plan import column_boxes, heading_height
from ..theme import Box, inches
from .base import Page, chrome, line_of, rect, set_title, text_box


def render_two_column(page: Page) -> None:
    """Draw two headed columns and a 'vs' badge or an arrow between them."""
    theme, grid, pal, sizes = page.theme, page.theme.grid, page.theme.palette, page.theme.sizes
    parts = page.plan.parts
    chrome(page)
    set_title(page, page.plan.title)
    boxes = column_boxes(theme)
    arrow = parts["style"] == "arrow"
    colours = [(pal.warn, pal.warn_soft), (pal.second, pal.second_soft)] if arrow else \
        [(pal.accent, pal.accent_soft), (pal.second, pal.second_soft)]
    for key, box, (strong, soft) in zip(("left", "right"), boxes, colours):
        column = parts[key]
        band = Box(box.x, grid.body.y, box.w, heading_height(theme))
        rect(page, band, strong, name=f"{key.title()} heading band")
        text_box(page, band, line_of(column["heading"], sizes.card_title, bold=True, align="center"),
                 color=pal.accent_text, anchor="middle", name=f"{key.title()} heading")
        used = min(box.h, parts["height"] + grid.panel_pad * 2)
        rect(page, Box(box.x, box.y - grid.panel_pad, box.w, used + grid.panel_pad), soft,
             name=f"{key.title()} panel")
        text_box(page, Box(box.x, box.y, box.w, used), column["paras"], name=f"{key.title()} column")
    left, right = boxes
    used = min(left.h, parts["height"] + grid.panel_pad * 2)
    middle = (grid.body.y + left.y + used) // 2
    mid = Box(left.x + left.w + inches(0.2), middle - inches(0.4),
              right.x - left.x - left.w - inches(0.4), inches(0.8))
    if arrow:
        rect(page, mid, pal.accent, shape="rightArrow", name="Arrow")
    else:
        badge = Box(mid.x + (mid.w - inches(0.8)) // 2, mid.y, inches(0.8), inches(0.8))
        rect(page, badge, pal.text, shape="ellipse", name="Versus")
        text_box(page, badge, line_of("vs", sizes.caption + 4, bold=True, align="center"),
                 color=pal.background, anchor="middle", name="Versus label", inset=False)
