"""A picture (a local image or a drawn diagram) fitted into the body, with alt text and a caption."""

import io

from pptx.util import Emu

from ..theme import Box, LINE_PITCH, EMU_PER_PT
from .base import Page, alt_text, chrome, fit_picture, line_of, set_title, text_box


def render_picture(page: Page) -> None:
    """Draw the picture as large as fits above its caption, centred."""
    theme, pal, sizes = page.theme, page.theme.palette, page.theme.sizes
    parts = page.plan.parts
    chrome(page)
    set_title(page, page.plan.title)
    body = theme.grid.body
    caption_h = round(sizes.caption * LINE_PITCH * 2.2 * EMU_PER_PT) if parts.get("caption") else 0
    area = Box(body.x, body.y, body.w, body.h - caption_h)
    place = fit_picture(area, page.picture_size)
    pic = page.shapes.add_picture(io.BytesIO(page.picture), Emu(place.x), Emu(place.y), Emu(place.w), Emu(place.h))
    alt_text(pic, page.plan.alt, page.plan.kind.title() + ": " + page.plan.title)
    if caption_h:
        below = Box(body.x, area.y + area.h, body.w, caption_h)
        text_box(page, below, line_of(parts["caption"], sizes.caption, align="center"), color=pal.muted,
                 anchor="middle", name="Caption")
