"""A normalised summary of a .pptx for golden tests: per slide its layout, shapes, text and notes."""

from __future__ import annotations

import json
from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

ROUND = 12700  # boxes in whole points


def _pt(value) -> int:
    return round(Emu(value or 0) / ROUND)


def shape_summary(shape) -> dict:
    """Kind, name, box in points, and text of one shape."""
    out = {"name": shape.name, "kind": shape.shape_type and str(shape.shape_type).split(".")[-1].split(" ")[0],
           "box": f"{_pt(shape.left)},{_pt(shape.top)},{_pt(shape.width)},{_pt(shape.height)}"}
    if shape.is_placeholder:
        out["placeholder"] = str(shape.placeholder_format.type).split(".")[-1].split(" ")[0]
    if shape.has_text_frame and shape.text_frame.text.strip():
        out["text"] = [p.text for p in shape.text_frame.paragraphs]
        sizes = sorted({r.font.size.pt for p in shape.text_frame.paragraphs for r in p.runs if r.font.size})
        out["sizes"] = ",".join(f"{s:g}" for s in sizes)
    if getattr(shape, "has_table", False) and shape.has_table:
        out["cells"] = [[cell.text for cell in row.cells] for row in shape.table.rows]
    if shape.shape_type is not None and "PICTURE" in str(shape.shape_type):
        out["alt"] = shape._element.nvPicPr.cNvPr.get("descr", "")
    return out


def summarize(path: Path) -> dict:
    """The golden summary of a deck."""
    prs = Presentation(str(path))
    slides = []
    for number, slide in enumerate(prs.slides, 1):
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        slides.append({"number": number, "layout": slide.slide_layout.name,
                       "shapes": [shape_summary(s) for s in slide.shapes], "notes": notes})
    return {"size": f"{_pt(prs.slide_width)}x{_pt(prs.slide_height)}", "slides": slides}


def dump(summary: dict) -> str:
    """Stable JSON text of a summary."""
    return json.dumps(summary, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
