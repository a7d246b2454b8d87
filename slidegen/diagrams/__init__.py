"""Diagrams drawn from data. Placeholder until the diagram stage lands: a 'not yet drawn' box."""

from __future__ import annotations

import io


def picture(spec, theme, cut) -> tuple[tuple[bytes, tuple[int, int]], str]:
    """PNG bytes, pixel size and alt text for a diagram spec (placeholder drawing)."""
    from PIL import Image, ImageDraw, ImageFont
    size = (1600, 800)
    image = Image.new("RGB", size, "#" + theme.palette.background)
    draw = ImageDraw.Draw(image)
    draw.rectangle((8, 8, size[0] - 8, size[1] - 8), outline="#" + theme.palette.muted, width=6)
    font = ImageFont.truetype(str(theme.fonts.sans_file), 64)
    draw.text((size[0] // 2, size[1] // 2), f"{spec.kind}: not yet drawn", fill="#" + theme.palette.text,
              font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, "PNG")
    return (out.getvalue(), size), f"A {spec.kind} diagram (not yet drawn)."
