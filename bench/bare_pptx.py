"""The floor of slidegen's stack: a bare python-pptx script writing N title-and-bullets slides (16:9).

Usage: ``python bench/bare_pptx.py N OUT.pptx [--stack]``. Nothing but python-pptx: no YAML,
no model, no fitting, no fonts, no notes. The benchmark times this whole process as the floor.
With ``--stack`` it first imports the other libraries a build of the Docker deck imports (pydantic
with its model machinery, PyYAML, Pillow, and Pygments with the two lexers its code slides use),
which splits the distance to a real build into their import time and slidegen's own work.
"""

import sys

if "--stack" in sys.argv:
    import yaml  # noqa: F401
    from PIL import Image, ImageFont  # noqa: F401
    from pydantic import BaseModel  # noqa: F401  (``import pydantic`` alone defers the model machinery)
    from pygments.lexers import get_lexer_by_name

    for language in ("bash", "dockerfile"):
        get_lexer_by_name(language)

from pptx import Presentation
from pptx.util import Emu


def main(count: int, out: str) -> None:
    """Write ``count`` slides, each a title and four bullets, to ``out``."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12192000), Emu(6858000)
    layout = prs.slide_layouts[1]  # Title and Content
    for number in range(1, count + 1):
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = f"Slide {number}: why containers"
        body = slide.placeholders[1].text_frame
        body.text = "It works on my machine, and only there"
        for line in ("Dependencies clash between projects", "Deployment is a manual checklist",
                     "An image freezes the app with its environment"):
            body.add_paragraph().text = line
    prs.save(out)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
