"""What every slide kind draws with: text frames with Korean-aware runs, shapes, footers, notes."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from ..plan import Planned
from ..text import Para, Run, inline, language_of
from ..theme import LINE_PITCH, Box, Theme

ALIGN = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
ANCHOR = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}
BULLET = {1: "\u2022", 2: "\u2013"}


@dataclass
class Page:
    """One slide being drawn: the python-pptx slide, its plan, the theme and deck-wide facts."""

    slide: object
    plan: Planned
    theme: Theme
    number: int
    total: int
    deck_title: str
    picture: bytes | None = None
    picture_size: tuple[int, int] | None = None

    @property
    def shapes(self):
        return self.slide.shapes


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour)


def set_fonts(run, theme: Theme, text: str, mono: bool = False) -> None:
    """Give a run its language and both a Latin and an East Asian typeface (``a:latin``, ``a:ea``)."""
    r_pr = run._r.get_or_add_rPr()
    _set_rpr_fonts(r_pr, theme, text, mono)


def _set_rpr_fonts(r_pr, theme: Theme, text: str, mono: bool) -> None:
    face = theme.fonts.mono if mono else theme.fonts.sans
    r_pr.set("lang", language_of(text))
    r_pr.set("altLang", "en-US" if language_of(text) == "ko-KR" else "ko-KR")
    latin = r_pr.get_or_add_latin()
    latin.set("typeface", face)
    ea = r_pr.find(qn("a:ea"))
    if ea is None:
        ea = etree.SubElement(r_pr, qn("a:ea"))
        latin.addnext(ea)
    ea.set("typeface", face)


def frame_setup(frame, theme: Theme, anchor: str = "top", inset: bool = True) -> None:
    """Word wrap on, no auto-fit (slidegen fits text itself), the theme's insets."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = ANCHOR[anchor]
    grid = theme.grid
    frame.margin_left = frame.margin_right = Emu(grid.inset_x if inset else 0)
    frame.margin_top = frame.margin_bottom = Emu(grid.inset_y if inset else 0)


def write(frame, paras: list[Para], theme: Theme, color: str | None = None, anchor: str = "top",
          inset: bool = True) -> None:
    """Replace the text of ``frame`` with ``paras``, every run styled and tagged with its language."""
    frame_setup(frame, theme, anchor, inset)
    body = frame._txBody
    for p in body.findall(qn("a:p"))[1:]:
        body.remove(p)
    first = body.find(qn("a:p"))
    for child in list(first):
        first.remove(child)
    for i, para in enumerate(paras):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        write_para(p, para, theme, color)


def write_para(p, para: Para, theme: Theme, color: str | None) -> None:
    """Style one paragraph: alignment, exact line pitch, spacing, bullet, runs."""
    grid = theme.grid
    p.alignment = ALIGN[para.align]
    p.line_spacing = Pt(para.size * LINE_PITCH)
    if para.space_before:
        p.space_before = Pt(para.size * para.space_before)
    p_pr = p._p.get_or_add_pPr()
    if para.level:
        indent = {1: grid.bullet_indent, 2: grid.sub_indent, 3: grid.choice_indent}[para.level]
        hang = {1: grid.bullet_indent, 2: grid.sub_indent - grid.bullet_indent, 3: grid.choice_indent}[para.level]
        p_pr.set("marL", str(indent))
        p_pr.set("indent", str(-hang))
        bullet_colour = theme.palette.muted if para.level == 2 else theme.palette.accent
        _bullet(p_pr, para.bullet or BULLET[para.level], bullet_colour, theme)
    else:
        p_pr.set("marL", "0")
        p_pr.set("indent", "0")
        _no_bullet(p_pr)
    for run in para.runs:
        add_run(p, run, para, theme, color)
    end = etree.SubElement(p._p, qn("a:endParaRPr"))
    end.set("sz", str(round(para.size * 100)))
    _set_rpr_fonts(end, theme, para.text, False)


def add_run(p, run: Run, para: Para, theme: Theme, color: str | None) -> None:
    """Append one run to paragraph ``p``."""
    r = p.add_run()
    r.text = run.text
    font = r.font
    font.size = Pt(para.size)
    font.bold = run.bold or para.bold
    if run.italic:
        font.italic = True
    colour = run.color or (theme.palette.code_text if run.mono and not color else None) or para.color or color \
        or theme.palette.text
    font.color.rgb = rgb(colour)
    set_fonts(r, theme, run.text, run.mono)


def _clear_bullets(p_pr) -> None:
    for tag in ("a:buClrTx", "a:buClr", "a:buSzTx", "a:buSzPct", "a:buSzPts", "a:buFontTx", "a:buFont",
                "a:buNone", "a:buAutoNum", "a:buChar", "a:buBlip"):
        for el in p_pr.findall(qn(tag)):
            p_pr.remove(el)


def _insert_bullet_elements(p_pr, elements) -> None:
    """Insert bullet elements in schema order: after lnSpc/spcBef/spcAft, before tabLst/defRPr."""
    anchor = None
    for tag in ("a:spcAft", "a:spcBef", "a:lnSpc"):
        anchor = p_pr.find(qn(tag))
        if anchor is not None:
            break
    for el in elements:
        if anchor is None:
            p_pr.insert(0, el)
        else:
            anchor.addnext(el)
        anchor = el


def _bullet(p_pr, char: str, colour: str, theme: Theme) -> None:
    _clear_bullets(p_pr)
    clr = etree.Element(qn("a:buClr"))
    etree.SubElement(clr, qn("a:srgbClr")).set("val", colour)
    font = etree.Element(qn("a:buFont"))
    font.set("typeface", theme.fonts.sans)
    bu = etree.Element(qn("a:buChar"))
    bu.set("char", char)
    _insert_bullet_elements(p_pr, [clr, font, bu])


def _no_bullet(p_pr) -> None:
    _clear_bullets(p_pr)
    _insert_bullet_elements(p_pr, [etree.Element(qn("a:buNone"))])


def text_box(page: Page, box: Box, paras: list[Para], *, color: str | None = None, anchor: str = "top",
             name: str = "", inset: bool = True):
    """A text box at ``box`` holding ``paras``."""
    shape = page.shapes.add_textbox(Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h))
    if name:
        shape.name = name
    write(shape.text_frame, paras, page.theme, color, anchor, inset)
    return shape


def line_of(text: str, size: float, **kw) -> list[Para]:
    """One paragraph of ``text`` (inline markup understood) at ``size``."""
    bold = kw.pop("bold", False)
    return [Para(inline(text, bold=bold), size, **kw)]


def rect(page: Page, box: Box, fill: str, *, shape=MSO_SHAPE.RECTANGLE, name: str = "", line: str | None = None,
         back: bool = False):
    """A filled shape with no outline (or a thin ``line``) and no shadow; ``back`` puts it behind all."""
    shp = page.shapes.add_shape(shape, Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h))
    shp.fill.solid()
    shp.fill.fore_color.rgb = rgb(fill)
    if line:
        shp.line.color.rgb = rgb(line)
        shp.line.width = Pt(1)
    else:
        shp.line.fill.background()
    style = shp._element.find(qn("p:style"))
    if style is not None:  # the theme style would add its shadow and outline back in some renderers
        shp._element.remove(style)
    if name:
        shp.name = name
    if shape == MSO_SHAPE.ROUNDED_RECTANGLE:
        shp.adjustments[0] = 0.08
    if back:  # behind the placeholders, which python-pptx puts first
        tree = page.shapes._spTree
        tree.remove(shp._element)
        tree.insert(2, shp._element)
    return shp


def placeholder(page: Page, *types: str):
    """The slide's first placeholder of one of ``types`` (TITLE, BODY, OBJECT, SUBTITLE...), or None."""
    for shape in page.slide.placeholders:
        if str(shape.placeholder_format.type).split(".")[-1].split(" ")[0] in types:
            return shape
    return None


def body_frame(page: Page, box: Box, *types: str, name: str = "Body"):
    """The text frame of the slide's placeholder of ``types`` moved to ``box``, or of a new text box."""
    shape = placeholder(page, *types)
    if shape is None:
        shape = page.shapes.add_textbox(Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h))
        shape.name = name
    else:
        shape.left, shape.top, shape.width, shape.height = Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h)
    return shape.text_frame


def drop_empty_placeholders(page: Page) -> None:
    """Remove placeholders left empty: they would say "Click to add text" in the editor."""
    for shape in list(page.slide.placeholders):
        if not shape.has_text_frame or not shape.text_frame.text.strip():
            shape._element.getparent().remove(shape._element)


def on_template(page: Page) -> bool:
    """True when the deck is built on a user template, whose masters draw the backgrounds."""
    return page.theme.template is not None


def set_title(page: Page, text: str, size: float | None = None, box: Box | None = None,
              color: str | None = None, anchor: str = "bottom") -> None:
    """Put ``text`` into the slide's title placeholder, placed at the theme's title box."""
    theme = page.theme
    if not text:
        return
    box = box or theme.grid.title
    frame = body_frame(page, box, "TITLE", "CENTER_TITLE", name="Title")
    size = size or page.plan.title_size or theme.sizes.title
    write(frame, line_of(text, size, bold=True), theme, color or theme.palette.text, anchor)


def chrome(page: Page) -> None:
    """The content slide furniture: background, title rule, footer (deck, section, number), progress."""
    grid, pal = page.theme.grid, page.theme.palette
    if not on_template(page):
        background(page, pal.background)
    if page.plan.title:
        rect(page, grid.title_rule, pal.accent, name="Title rule")
    footer(page, pal.muted)
    bar = grid.progress
    rect(page, bar, pal.rule, name="Progress track")
    done = max(1, round(bar.w * page.number / page.total))
    rect(page, Box(bar.x, bar.y, done, bar.h), pal.accent, name="Progress")


def background(page: Page, colour: str) -> None:
    """A solid slide background."""
    fill = page.slide.background.fill
    fill.solid()
    fill.fore_color.rgb = rgb(colour)


def footer(page: Page, colour: str) -> None:
    """Deck title (left), section (centre) and slide number (right) along the bottom."""
    theme = page.theme
    size = theme.sizes.footer
    left, middle, right = theme.grid.footer.columns(3, theme.grid.gap)
    text_box(page, left, line_of(page.deck_title, size), color=colour, anchor="middle", name="Footer deck")
    if page.plan.section and page.plan.kind != "section":
        text_box(page, middle, line_of(page.plan.section, size, align="center"), color=colour,
                 anchor="middle", name="Footer section")
    number = text_box(page, right, line_of(str(page.number), size, align="right"), color=colour,
                      anchor="middle", name="Slide number")
    _as_slide_number_field(number, page.number)


def _as_slide_number_field(shape, number: int) -> None:
    """Turn the number's run into a slide-number field, so it stays right when slides move."""
    p = shape.text_frame.paragraphs[0]._p
    r = p.find(qn("a:r"))
    fld = etree.Element(qn("a:fld"))
    fld.set("id", "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}")
    fld.set("type", "slidenum")
    for child in r:
        fld.append(copy.deepcopy(child))
    r.addprevious(fld)
    p.remove(r)


def notes(page: Page) -> None:
    """The speaker notes: the lecture script, each paragraph's runs tagged with their language."""
    text = page.plan.notes.strip()
    if not text:
        return
    frame = page.slide.notes_slide.notes_text_frame
    paras = [Para((Run(block),), 12) for block in text.split("\n")]
    write(frame, paras, page.theme, color="000000")


def alt_text(picture, text: str, name: str) -> None:
    """Describe a picture for screen readers (python-pptx writes the file name otherwise)."""
    c_nv_pr = picture._element.nvPicPr.cNvPr
    c_nv_pr.set("descr", text)
    c_nv_pr.set("name", name)


def fit_picture(box: Box, size: tuple[int, int]) -> Box:
    """The largest box of the picture's aspect ratio centred in ``box``."""
    w, h = size
    scale = min(box.w / w, box.h / h)
    pw, ph = round(w * scale), round(h * scale)
    return Box(box.x + (box.w - pw) // 2, box.y + (box.h - ph) // 2, pw, ph)
