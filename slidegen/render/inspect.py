"""Read a .pptx back as plain data: per slide, every shape's name, box, text, sizes and typefaces.

This is what ``slidegen check`` compares with what LibreOffice drew. Only python-pptx and the
XML it exposes are read here; the result holds no python-pptx object, so the checks work on
plain values. Boxes ignore rotation and flips (slidegen draws neither); shapes inside groups
get boxes in slide coordinates; a table becomes one entry per cell, named
``'<table name>' row R, column C``, whose box is the cell's planned box.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from ..theme import EMU_PER_PT, Box

THEME_FACES = {"+mn-lt": ("minor", "latin"), "+mn-ea": ("minor", "ea"),
               "+mj-lt": ("major", "latin"), "+mj-ea": ("major", "ea")}


@dataclass(frozen=True)
class RunInfo:
    """A run of text as written in the file.

    ``size`` is the run's own size in points, None when it inherits one. ``latin`` and
    ``east_asian`` are the typefaces it names (theme references such as ``+mn-ea`` resolved),
    None when it names none.
    """

    text: str
    size: float | None = None
    latin: str | None = None
    east_asian: str | None = None


@dataclass(frozen=True)
class ParagraphInfo:
    """A paragraph: its bullet character ('' when none is set on the paragraph) and its runs."""

    bullet: str
    runs: tuple[RunInfo, ...]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class ShapeInfo:
    """One shape (or table cell) on a slide; ``box`` is in EMU, ``alt`` is the picture's description.

    ``grows`` is True for a table cell: a row's height is a minimum that grows to fit its
    text, so only the cell's width bounds what is drawn in it.
    """

    name: str
    box: Box
    paragraphs: tuple[ParagraphInfo, ...] = ()
    picture: bool = False
    alt: str = ""
    grows: bool = False

    @property
    def text(self) -> str:
        """The text, one line per paragraph; an empty string for a shape without text."""
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def runs(self) -> tuple[RunInfo, ...]:
        return tuple(run for p in self.paragraphs for run in p.runs)

    @property
    def box_pt(self) -> tuple[float, float, float, float]:
        """``(left, top, right, bottom)`` in points."""
        x, y, w, h = (v / EMU_PER_PT for v in self.box)
        return x, y, x + w, y + h


@dataclass(frozen=True)
class SlideInfo:
    """A slide's number (1-based), whether it is hidden, and its shapes from back to front."""

    number: int
    hidden: bool
    shapes: tuple[ShapeInfo, ...]


@dataclass(frozen=True)
class DeckShapes:
    """A whole deck: slide size in EMU and its slides."""

    width: int
    height: int
    slides: tuple[SlideInfo, ...]

    @property
    def visible(self) -> tuple[SlideInfo, ...]:
        """The slides a PDF export shows: every slide that is not hidden."""
        return tuple(s for s in self.slides if not s.hidden)


def inspect_deck(source: Path | bytes) -> DeckShapes:
    """Read a .pptx file (a path or its bytes); raises whatever python-pptx raises on a broken file."""
    prs = Presentation(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    faces = _theme_faces(prs)
    slides = []
    for number, slide in enumerate(prs.slides, 1):
        shapes: list[ShapeInfo] = []
        for shape in slide.shapes:
            _collect(shape, _Transform(), faces, shapes)
        slides.append(SlideInfo(number, slide._element.get("show") in ("0", "false"), tuple(shapes)))
    return DeckShapes(int(prs.slide_width), int(prs.slide_height), tuple(slides))


@dataclass(frozen=True)
class _Transform:
    """Maps a group's child coordinates to slide coordinates (identity outside groups)."""

    dx: float = 0.0
    dy: float = 0.0
    sx: float = 1.0
    sy: float = 1.0

    def box(self, x: int, y: int, w: int, h: int) -> Box:
        return Box(round(self.dx + x * self.sx), round(self.dy + y * self.sy), round(w * self.sx),
                   round(h * self.sy))

    def inner(self, group) -> "_Transform":
        xfrm = group._element.grpSpPr.find(qn("a:xfrm"))
        if xfrm is None:
            return self
        off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
        ch_off, ch_ext = xfrm.find(qn("a:chOff")), xfrm.find(qn("a:chExt"))
        if off is None or ext is None or ch_off is None or ch_ext is None:
            return self
        cw, ch = int(ch_ext.get("cx")) or 1, int(ch_ext.get("cy")) or 1
        sx, sy = int(ext.get("cx")) / cw, int(ext.get("cy")) / ch
        ox = int(off.get("x")) - int(ch_off.get("x")) * sx
        oy = int(off.get("y")) - int(ch_off.get("y")) * sy
        return _Transform(self.dx + ox * self.sx, self.dy + oy * self.sy, self.sx * sx, self.sy * sy)


def _collect(shape, transform: _Transform, faces: dict, out: list[ShapeInfo]) -> None:
    element = shape._element
    if element.tag == qn("p:grpSp"):
        inner = transform.inner(shape)
        for child in shape.shapes:
            _collect(child, inner, faces, out)
        return
    box = transform.box(int(shape.left or 0), int(shape.top or 0), int(shape.width or 0), int(shape.height or 0))
    c_nv_pr = element.find(".//" + qn("p:cNvPr"))
    name = shape.name
    if element.tag == qn("p:pic"):
        alt = (c_nv_pr.get("descr") or "").strip() if c_nv_pr is not None else ""
        out.append(ShapeInfo(name, box, picture=True, alt=alt))
        return
    if shape.has_table:
        out.extend(_cells(shape, box, transform, faces))
        return
    body = element.find(qn("p:txBody"))
    paragraphs = _paragraphs(body, faces) if body is not None else ()
    out.append(ShapeInfo(name, box, paragraphs))


def _cells(frame, box: Box, transform: _Transform, faces: dict) -> list[ShapeInfo]:
    """Each table cell as a shape; a merged cell spans its columns and rows, covered cells are left out."""
    table = frame.table
    widths = [round(int(c.width) * transform.sx) for c in table.columns]
    heights = [round(int(r.height) * transform.sy) for r in table.rows]
    lefts = [box.x + sum(widths[:i]) for i in range(len(widths))]
    tops = [box.y + sum(heights[:i]) for i in range(len(heights))]
    cells = []
    for r, row in enumerate(table._tbl.tr_lst):
        for c, tc in enumerate(row.tc_lst):
            if tc.get("hMerge") in ("1", "true") or tc.get("vMerge") in ("1", "true"):
                continue
            span_c, span_r = int(tc.get("gridSpan", 1)), int(tc.get("rowSpan", 1))
            cell_box = Box(lefts[c], tops[r], sum(widths[c:c + span_c]), sum(heights[r:r + span_r]))
            body = tc.find(qn("a:txBody"))
            name = f"{frame.name} row {r + 1}, column {c + 1}"
            cells.append(ShapeInfo(name, cell_box, _paragraphs(body, faces) if body is not None else (), grows=True))
    return cells


def _paragraphs(body, faces: dict) -> tuple[ParagraphInfo, ...]:
    paragraphs = []
    for p in body.findall(qn("a:p")):
        p_pr = p.find(qn("a:pPr"))
        bullet = ""
        if p_pr is not None and p_pr.find(qn("a:buChar")) is not None:
            bullet = p_pr.find(qn("a:buChar")).get("char", "")
        runs = []
        for child in p:
            if child.tag in (qn("a:r"), qn("a:fld")):
                t = child.find(qn("a:t"))
                runs.append(_run(t.text or "" if t is not None else "", child.find(qn("a:rPr")), faces))
            elif child.tag == qn("a:br"):
                runs.append(RunInfo("\n"))
        paragraphs.append(ParagraphInfo(bullet, tuple(runs)))
    return tuple(paragraphs)


def _run(text: str, r_pr, faces: dict) -> RunInfo:
    if r_pr is None:
        return RunInfo(text)
    size = r_pr.get("sz")

    def face(tag: str) -> str | None:
        el = r_pr.find(qn(tag))
        if el is None or not el.get("typeface"):
            return None
        typeface = el.get("typeface")
        return faces.get(typeface, typeface) if typeface.startswith("+") else typeface

    return RunInfo(text, int(size) / 100 if size else None, face("a:latin"), face("a:ea"))


def _theme_faces(prs) -> dict[str, str | None]:
    """The theme's major and minor Latin and East Asian typefaces, keyed by their references."""
    try:
        part = prs.slide_master.part.part_related_by(RT.THEME)
        root = etree.fromstring(part.blob)
    except (KeyError, etree.XMLSyntaxError):
        return {}
    found: dict[str, str | None] = {}
    for ref, (group, script) in THEME_FACES.items():
        el = root.find(f".//{qn('a:' + group + 'Font')}/{qn('a:' + script)}")
        found[ref] = (el.get("typeface") or None) if el is not None else None
    return found
