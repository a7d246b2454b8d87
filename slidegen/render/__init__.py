"""Slide plan -> .pptx bytes. The only place that imports python-pptx.

Each slide kind has one module and one function, chosen from ``RENDERERS``; each kind sits on
a named layout of the base template (``LAYOUTS``), whose placeholders are moved to the
theme's 16:9 grid so that "reset slide" in PowerPoint keeps the design.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.parts.slide import NotesSlidePart
from pptx.oxml.ns import qn
from pptx.util import Emu

from ..plan import Planned
from ..theme import Box, Theme
from .agenda import render_agenda
from ..layouts import choose_layout, layout_names
from .base import P, PLACEHOLDER, Page, drop_empty_placeholders, notes, place, placeholder_body, placeholders
from .bullets import render_bullets
from .callout import render_callout
from .cards import render_cards
from .closing import render_closing
from .code import render_code
from .package import fast_part_names, package_bytes
from .picture import render_picture
from .question import render_question
from .quote import render_quote
from .section import render_section
from .summary import render_summary
from .table import render_table
from .template import presentation_from_template
from .title import render_title
from .two_column import render_two_column

RENDERERS: dict[str, Callable[[Page], None]] = {
    "title": render_title,
    "section": render_section,
    "agenda": render_agenda,
    "bullets": render_bullets,
    "summary": render_summary,
    "two_column": render_two_column,
    "cards": render_cards,
    "quote": render_quote,
    "callout": render_callout,
    "code": render_code,
    "table": render_table,
    "image": render_picture,
    "diagram": render_picture,
    "question": render_question,
    "closing": render_closing,
}

@dataclass(frozen=True)
class DeckInfo:
    """Deck-wide facts written into the file: the title, author, language and a fixed date."""

    title: str
    author: str
    subject: str
    language: str
    keywords: str
    date: dt.datetime


def _placeholder_boxes(layout_name: str, theme: Theme) -> dict[str, Box]:
    grid = theme.grid
    footer = dict(zip(("dt", "ftr", "sldNum"), grid.footer.columns(3, grid.gap)))
    boxes = {"title": grid.title, "body": grid.body, "obj": grid.body, **footer}
    if layout_name == "Title Slide":
        boxes.update(ctrTitle=grid.cover_title, subTitle=grid.cover_subtitle)
    elif layout_name == "Section Header":
        boxes.update(title=grid.section_title, body=grid.section_subtitle)
    return boxes


def _fit_to_grid(tree, layout_name: str, theme: Theme, two_content: bool) -> None:
    """Move the placeholders of a master's or layout's ``p:spTree`` to the theme's grid."""
    boxes = _placeholder_boxes(layout_name, theme)
    columns = theme.grid.body.columns(2, theme.grid.gap)
    bodies = 0
    for sp in placeholders(tree):
        key = sp.find(PLACEHOLDER).get("type", "obj")
        key = key if key in ("title", "ctrTitle", "subTitle", "body", "obj", "dt", "ftr", "sldNum") else "body"
        box = boxes.get(key, theme.grid.body)
        if two_content and key in ("body", "obj"):
            box = columns[min(bodies, 1)]
            bodies += 1
        place(sp.find(f"{P}spPr"), box)


def _theme_fonts(prs, theme: Theme, only_missing: bool = False) -> None:
    """Name the deck's fonts in the theme parts for text typed later by hand.

    On a user template only an empty East Asian font is filled in: its Latin fonts are its brand.
    """
    for master in prs.slide_masters:
        part = master.part.part_related_by(RT.THEME)
        root = etree.fromstring(part.blob)
        for group in ("a:majorFont", "a:minorFont"):
            for el in root.iter(qn(group)):
                latin, ea = el.find(qn("a:latin")), el.find(qn("a:ea"))
                if not only_missing:
                    latin.set("typeface", theme.fonts.sans)
                if ea is not None and (not only_missing or not ea.get("typeface")):
                    ea.set("typeface", theme.fonts.sans)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def new_presentation(theme: Theme):
    """The base presentation: the user's template as it is, or ours: 16:9, layouts on the theme's grid."""
    if theme.template is not None:
        prs = presentation_from_template(theme.template)
        fast_part_names(prs)
        _theme_fonts(prs, theme, only_missing=True)
        return prs
    prs = Presentation()
    fast_part_names(prs)
    prs.slide_width, prs.slide_height = Emu(theme.grid.width), Emu(theme.grid.height)
    master = prs.slide_master
    _fit_to_grid(master.shapes._spTree, "master", theme, False)
    for layout in master.slide_layouts:
        _fit_to_grid(layout.shapes._spTree, layout.name, theme, layout.name in ("Two Content", "Comparison"))
        for props in layout._element.iter(qn("a:defRPr"), qn("a:rPr")):
            props.attrib.pop("cap", None)  # the default 'Section Header' sets titles in capitals
    _theme_fonts(prs, theme)
    return prs


def layouts_by_name(prs) -> dict[str, object]:
    """Every layout of every master by name (the first of duplicate names wins)."""
    out = {}
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            out.setdefault(layout.name, layout)
    return out


def _shapes_of(tree) -> list:
    """Copies of the shapes of a ``p:spTree`` (its first two children are the group's own)."""
    return [copy.deepcopy(el) for el in tree[2:]]


@dataclass
class Canvas:
    """A presentation being drawn into, and what its slides share.

    python-pptx copies a layout's placeholders into each new slide, and the notes master's into
    each notes page, one property lookup at a time; that was a fifth of a build. Here the first
    slide on each layout, and the first notes page, are made by python-pptx, and later ones get
    copies of the placeholders it made.
    """

    prs: object
    theme: Theme
    layouts: dict[str, object]
    names: dict[str, str]
    _placeholders: dict[str, list] = field(default_factory=dict)
    _notes: list | None = None

    def add_slide(self, kind: str):
        """A new slide at the end, on the layout chosen for ``kind``."""
        chosen, _ = choose_layout(kind, list(self.layouts), self.names)
        layout = self.layouts[chosen]
        if chosen not in self._placeholders:
            slide = self.prs.slides.add_slide(layout)
            self._placeholders[chosen] = _shapes_of(slide.shapes._spTree)
            return slide
        rid, slide = self.prs.part.add_slide(layout)
        slide.shapes._spTree.extend(copy.deepcopy(el) for el in self._placeholders[chosen])
        self.prs.slides._sldIdLst.add_sldId(rid)
        return slide

    def notes_body(self, slide):
        """The text body of ``slide``'s notes page, which is made here."""
        if self._notes is None:
            tree = slide.notes_slide.shapes._spTree
            self._notes = _shapes_of(tree)
        else:
            part = slide.part
            master = part.package.presentation_part.notes_master_part
            notes = NotesSlidePart._add_notes_slide_part(part.package, part, master)
            part.relate_to(notes, RT.NOTES_SLIDE)
            tree = notes.notes_slide.shapes._spTree
            tree.extend(copy.deepcopy(el) for el in self._notes)
        return placeholder_body(tree, "body")


def canvas(theme: Theme) -> Canvas:
    """A new presentation of ``theme`` to draw slides into."""
    prs = new_presentation(theme)
    return Canvas(prs, theme, layouts_by_name(prs), layout_names(dict(theme.layouts)))


def render_slide(canvas: Canvas, plan: Planned, number: int, total: int, deck_title: str,
                 picture: bytes | None = None, size: tuple[int, int] | None = None):
    """Add slide ``number`` of ``total`` to the canvas, drawn from its plan on its layout; returns it."""
    slide = canvas.add_slide(plan.kind)
    page = Page(slide, plan, canvas.theme, number, total, deck_title, picture, size)
    RENDERERS[plan.kind](page)
    drop_empty_placeholders(page)
    if plan.notes.strip():
        notes(page, canvas.notes_body(slide))
    return slide


def render_deck(slides: list[Planned], pictures: dict[int, tuple[bytes, tuple[int, int]]], info: DeckInfo,
                theme: Theme) -> bytes:
    """Draw every planned slide and return the .pptx as bytes, identical for identical input.

    ``pictures`` maps a slide's index in ``slides`` to its PNG/JPEG bytes and pixel size.
    """
    drawing = canvas(theme)
    for number, plan in enumerate(slides, 1):
        picture, size = pictures.get(number - 1, (None, None))
        render_slide(drawing, plan, number, len(slides), info.title, picture, size)
    prs = drawing.prs
    props = prs.core_properties
    props.title = info.title
    props.author = info.author
    props.last_modified_by = "slidegen"
    props.subject = info.subject
    props.keywords = info.keywords
    props.comments = ""
    props.language = info.language
    props.revision = 1
    props.created = props.modified = info.date
    props.last_printed = info.date
    props.category = ""
    props.content_status = ""
    props.identifier = ""
    props.version = ""
    return package_bytes(prs)
