"""User templates: read a .pptx/.potx's layouts, placeholders and colours; derive a theme from them."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.exc import PythonPptxError
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from ..errors import fail
from ..layouts import choose_layout, layout_names
from ..theme import Box, Palette, Theme, contrast

POTX = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
MAX_TEMPLATE_BYTES = 50_000_000
UNREADABLE = (PythonPptxError, zipfile.BadZipFile, KeyError, ValueError, IndexError, AttributeError, TypeError,
              SyntaxError, EOFError, OSError)
"""What python-pptx raises on a file it cannot read through: a part missing, XML that breaks the
schema, a truncated zip. Each is an input error: ``FILE: not a PowerPoint template (why)``."""


@dataclass(frozen=True)
class PlaceholderInfo:
    """A placeholder of a layout: its type, index and box in EMU."""

    type: str
    idx: int
    box: Box


@dataclass(frozen=True)
class LayoutInfo:
    """A layout of a template, by name, with its placeholders."""

    master: int
    name: str
    placeholders: tuple[PlaceholderInfo, ...]

    def first(self, *types: str) -> PlaceholderInfo | None:
        """The first placeholder of one of ``types``."""
        return next((p for p in self.placeholders if p.type in types), None)


@dataclass(frozen=True)
class TemplateInfo:
    """What slidegen needs to know of a template."""

    path: str
    width: int
    height: int
    layouts: tuple[LayoutInfo, ...]
    colours: dict
    slides: int

    @property
    def names(self) -> list[str]:
        return [layout.name for layout in self.layouts]

    def layout(self, name: str) -> LayoutInfo | None:
        return next((layout for layout in self.layouts if layout.name == name), None)


def _type_name(placeholder) -> str:
    return str(placeholder.placeholder_format.type).split(".")[-1].split(" ")[0]


def _load(data: bytes):
    """A Presentation from template bytes; a .potx is opened as a presentation."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        types = src.read("[Content_Types].xml")
        if POTX.encode() not in types:
            return Presentation(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                body = src.read(item.filename)
                dst.writestr(item, body.replace(POTX.encode(), PPTX.encode()) if item.filename ==
                             "[Content_Types].xml" else body)
    return Presentation(io.BytesIO(out.getvalue()))


def open_template(path: str | Path, shown: str | None = None):
    """Open a template file as a python-pptx Presentation, or raise an input error that says why."""
    path = Path(path)
    shown = shown or str(path)
    if not path.is_file():
        raise fail(shown, "template not found")
    if path.suffix.lower() not in (".pptx", ".potx"):
        raise fail(shown, "not a PowerPoint template (expected a .pptx or .potx file)")
    if path.stat().st_size > MAX_TEMPLATE_BYTES:
        raise fail(shown, f"template is {path.stat().st_size:,} bytes; the limit is {MAX_TEMPLATE_BYTES:,}")
    try:
        return _load(path.read_bytes())
    except UNREADABLE as exc:
        raise _unreadable(shown, exc) from None


def _unreadable(shown: str, exc: BaseException):
    return fail(shown, f"not a PowerPoint template ({type(exc).__name__}: {exc})")


def _colours(prs) -> dict:
    """The template theme's colour scheme: dk1, lt1, accent1, ... -> RRGGBB."""
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    scheme = next(root.iter(qn("a:clrScheme")), None)
    out = {}
    if scheme is None:
        return out
    for child in scheme:
        name = etree.QName(child).localname
        value = child.find(qn("a:srgbClr"))
        system = child.find(qn("a:sysClr"))
        if value is not None:
            out[name] = value.get("val").upper()
        elif system is not None and system.get("lastClr"):
            out[name] = system.get("lastClr").upper()
    return out


def read_template(path: str | Path, shown: str | None = None) -> TemplateInfo:
    """The layouts, placeholders, size and colours of a template (see :data:`UNREADABLE`)."""
    shown = shown or str(path)
    prs = open_template(path, shown)
    try:
        return _describe(prs, path)
    except UNREADABLE as exc:
        raise _unreadable(shown, exc) from None


def _describe(prs, path: str | Path) -> TemplateInfo:
    layouts = []
    for m, master in enumerate(prs.slide_masters):
        for layout in master.slide_layouts:
            placeholders = tuple(
                PlaceholderInfo(_type_name(ph), ph.placeholder_format.idx,
                                Box(int(ph.left or 0), int(ph.top or 0), int(ph.width or 0), int(ph.height or 0)))
                for ph in layout.placeholders)
            layouts.append(LayoutInfo(m, layout.name, placeholders))
    return TemplateInfo(str(path), int(prs.slide_width), int(prs.slide_height), tuple(layouts), _colours(prs),
                        len(prs.slides))


def _mix(a: str, b: str, share: float) -> str:
    """``a`` mixed with ``b``: ``share`` of ``b``."""
    pa = [int(a[i:i + 2], 16) for i in (0, 2, 4)]
    pb = [int(b[i:i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(x + (y - x) * share):02X}" for x, y in zip(pa, pb))


def _readable(colour: str, background: str) -> str:
    """``colour``, darkened or lightened just enough to keep 4.5:1 contrast on ``background``."""
    towards = "000000" if contrast("000000", background) > contrast("FFFFFF", background) else "FFFFFF"
    share = 0.0
    while contrast(_mix(colour, towards, share), background) < 4.5 and share < 1:
        share += 0.05
    return _mix(colour, towards, min(share, 1))


def palette_from(colours: dict, base: Palette) -> Palette:
    """A palette in a template's colours, every text colour kept readable."""
    background = colours.get("lt1", base.background)
    text = _readable(colours.get("dk1", base.text), background)
    accent = _readable(colours.get("accent1", base.accent), background)
    second = _readable(colours.get("accent2", base.second), background)
    warn = _readable(colours.get("accent3", base.warn), background)
    on_accent = "FFFFFF" if contrast("FFFFFF", accent) >= contrast("000000", accent) else "000000"
    for strong in (accent, second, warn):
        if contrast(on_accent, strong) < 4.5:
            on_accent = text if contrast(text, strong) >= 4.5 else on_accent
    soft = [_mix(c, background, 0.88) for c in (accent, second, warn)]
    return replace(base, background=background, text=text, muted=_readable(_mix(text, background, 0.3), background),
                   accent=accent, accent_text=on_accent, second=second, warn=warn, accent_soft=soft[0],
                   second_soft=soft[1], warn_soft=soft[2], table_header=accent,
                   table_stripe=_mix(accent, background, 0.94),
                   series=tuple(colours.get(f"accent{i}", c) for i, c in zip(range(1, 5), base.series)))


def theme_from_template(info: TemplateInfo, base: Theme, overrides: dict[str, str]) -> Theme:
    """The theme of a deck built on ``info``: its size, its layouts' placeholder boxes, its colours."""
    names = layout_names(overrides)
    boxes = {}

    def box_of(kind: str, key: str, *types: str) -> None:
        name, _ = choose_layout(kind, info.names, names)
        layout = info.layout(name)
        found = layout.first(*types) if layout else None
        if found is not None and found.box.w > 0 and found.box.h > 0:
            boxes[key] = found.box

    box_of("bullets", "title", "TITLE", "CENTER_TITLE")
    box_of("bullets", "body", "BODY", "OBJECT")
    box_of("title", "cover_title", "CENTER_TITLE", "TITLE")
    box_of("title", "cover_subtitle", "SUBTITLE", "BODY")
    box_of("section", "section_title", "TITLE", "CENTER_TITLE")
    box_of("section", "section_subtitle", "BODY", "SUBTITLE")
    margin = boxes["title"].x if "title" in boxes else base.grid.margin
    grid = replace(base.grid, width=info.width, height=info.height, margin=margin,
                   boxes=tuple(sorted(boxes.items())))
    return replace(base, name=f"template:{Path(info.path).name}", grid=grid,
                   palette=palette_from(info.colours, base.palette), template=info.path,
                   layouts=tuple(sorted(overrides.items())))


def template_warnings(info: TemplateInfo, overrides: dict[str, str], kinds: set[str]) -> list[str]:
    """Warnings for a template: layouts it lacks for the kinds used, a 4:3 size."""
    names = layout_names(overrides)
    out = []
    for kind in sorted(kinds):
        chosen, missing = choose_layout(kind, info.names, names)
        if missing:
            out.append(f"template has no layout '{missing}' for {kind} slides; using '{chosen}'")
    if abs(info.width / info.height - 4 / 3) < 0.01:
        out.append(f"template is 4:3 ({info.width / 914400:.2f} x {info.height / 914400:.2f} in); "
                   "slides keep its size")
    return out


def presentation_from_template(path: str):
    """The template opened for building: its own slides removed, masters and layouts kept."""
    prs = open_template(path)
    id_list = prs.slides._sldIdLst
    for slide_id in list(id_list):
        prs.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)
    # save and reload so that slide part names start again from slide1.xml
    buffer = io.BytesIO()
    prs.save(buffer)
    return Presentation(io.BytesIO(buffer.getvalue()))
