"""A custom template for tests: other layout names, other positions, other colours, a sample slide."""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Inches

RENAMED = {"Title Slide": "Cover", "Title and Content": "Content", "Section Header": "Divider",
           "Title Only": "Headline"}
MAPPING = ["title=Cover", "bullets=Content", "summary=Content", "section=Divider", "default=Headline"]
ACCENT = "7A1E48"  # a plum accent instead of the default blue
BOXES = {  # layout -> placeholder type -> (left, top, width, height) in inches
    "Content": {"TITLE": (0.9, 0.5, 11.5, 0.9), "OBJECT": (0.9, 1.7, 11.5, 4.9)},
    "Headline": {"TITLE": (0.9, 0.5, 11.5, 0.9)},
    "Cover": {"CENTER_TITLE": (1.5, 2.0, 10.3, 1.6), "SUBTITLE": (1.5, 3.9, 10.3, 1.2)},
    "Divider": {"TITLE": (1.0, 2.6, 11.3, 1.4), "BODY": (1.0, 4.2, 11.3, 1.0)},
}


def make_template(path: Path, *, wide: bool = True, drop: tuple[str, ...] = ()) -> Path:
    """Write the test template to ``path`` (16:9 unless ``wide`` is False; ``drop`` removes layouts)."""
    prs = Presentation()
    if wide:
        prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    master = prs.slide_master
    for layout in list(master.slide_layouts):
        if layout.name in RENAMED:
            layout.name = RENAMED[layout.name]
        if layout.name in drop:
            master.slide_layouts.remove(layout)
            continue
        for ph in layout.placeholders:
            kind = str(ph.placeholder_format.type).split(".")[-1].split(" ")[0]
            box = BOXES.get(layout.name, {}).get(kind)
            if box:
                ph.left, ph.top, ph.width, ph.height = (Inches(v) for v in box)
    theme = master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    accent = next(root.iter(qn("a:accent1")))
    accent.find(qn("a:srgbClr")).set("val", ACCENT)
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    sample = prs.slides.add_slide(master.slide_layouts[0])
    sample.shapes.title.text = "Company sample slide: delete me"
    prs.save(str(path))
    return path
