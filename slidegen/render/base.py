"""What every slide kind draws with: text frames with Korean-aware runs, shapes, footers, notes.

Shapes and text are written as DrawingML with lxml rather than through python-pptx's proxies,
whose every property assignment searches the tree (that was most of a build's time). What
comes out is the XML python-pptx writes for the same calls: ``tests/test_speed.py`` and the
golden summaries hold it to that. python-pptx still makes the slides, pictures and tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from lxml import etree
from pptx.dml.color import RGBColor

from ..plan import Planned
from ..text import Para, Run, inline, language_of
from ..theme import LINE_PITCH, Box, Theme

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
PLACEHOLDER = f"{P}nvSpPr/{P}nvPr/{P}ph"
BULLET = {1: "\u2022", 2: "\u2013"}
ANCHOR = {"top": "t", "middle": "ctr", "bottom": "b"}
ALIGN = {"left": "l", "center": "ctr", "right": "r"}
AUTOFIT = {A + "noAutofit", A + "normAutofit", A + "spAutoFit"}
INSET_DEFAULTS = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}  # left unwritten, as python-pptx does
CONTROL = re.compile(r"[\x00-\x08\x0B-\x1F]")  # escaped as _xHHHH_ in run text, as python-pptx does


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
        """python-pptx's shape collection, for the shapes it builds well (pictures, tables)."""
        return self.slide.shapes

    @cached_property
    def tree(self):
        """The slide's ``p:spTree``, where the shapes drawn here go."""
        return self.slide._element.find(f"{P}cSld/{P}spTree")


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour)


def _sub(parent, tag: str, **attrs: str):
    """A DrawingML child element (``a:`` namespace), appended to ``parent``."""
    return etree.SubElement(parent, A + tag, attrs)


def _psub(parent, tag: str, **attrs: str):
    """A PresentationML child element (``p:`` namespace), appended to ``parent``."""
    return etree.SubElement(parent, P + tag, attrs)


def _solid(parent, colour: str):
    """``a:solidFill`` of an RGB colour, appended to ``parent``."""
    fill = _sub(parent, "solidFill")
    _sub(fill, "srgbClr", val=colour)
    return fill


def centipoints(points: float) -> str:
    """A size in points as OOXML's hundredths of a point, rounded as python-pptx rounds ``Pt``."""
    return str(int(points * 12700) // 127)


def _fonts(r_pr, theme: Theme, text: str, mono: bool) -> None:
    """Give run properties their language and both a Latin and an East Asian typeface."""
    face = theme.fonts.mono if mono else theme.fonts.sans
    lang = language_of(text)
    r_pr.set("lang", lang)
    r_pr.set("altLang", "en-US" if lang == "ko-KR" else "ko-KR")
    _sub(r_pr, "latin", typeface=face)
    _sub(r_pr, "ea", typeface=face)


def _body_properties(body, theme: Theme, anchor: str, inset: bool) -> None:
    """Word wrap on, no auto-fit (slidegen fits text itself), the anchor and the theme's insets."""
    props = body.find(A + "bodyPr")
    for child in props:
        if child.tag in AUTOFIT:
            props.remove(child)
    no_fit = etree.Element(A + "noAutofit")
    warp = props.find(A + "prstTxWarp")  # the one child the schema puts before the autofit choice
    if warp is not None:
        warp.addnext(no_fit)
    else:
        props.insert(0, no_fit)
    props.set("wrap", "square")
    props.set("anchor", ANCHOR[anchor])
    grid = theme.grid
    for name, value in (("lIns", grid.inset_x), ("rIns", grid.inset_x), ("tIns", grid.inset_y),
                        ("bIns", grid.inset_y)):
        value = value if inset else 0
        if value == INSET_DEFAULTS[name]:
            props.attrib.pop(name, None)
        else:
            props.set(name, str(value))


def write(body, paras: list[Para], theme: Theme, color: str | None = None, anchor: str = "top",
          inset: bool = True) -> None:
    """Replace the text of the text body ``body`` (``p:txBody`` or ``a:txBody``) with ``paras``,
    every run styled and tagged with its language."""
    _body_properties(body, theme, anchor, inset)
    for p in body.findall(A + "p"):
        body.remove(p)
    for para in paras:
        write_para(_sub(body, "p"), para, theme, color)


def write_para(p, para: Para, theme: Theme, color: str | None) -> None:
    """One ``a:p``: alignment, exact line pitch, spacing, bullet, runs, end properties."""
    grid = theme.grid
    p_pr = _sub(p, "pPr", algn=ALIGN[para.align])
    _sub(_sub(p_pr, "lnSpc"), "spcPts", val=centipoints(para.size * LINE_PITCH))
    if para.space_before:
        _sub(_sub(p_pr, "spcBef"), "spcPts", val=centipoints(para.size * para.space_before))
    if para.level:
        indent = {1: grid.bullet_indent, 2: grid.sub_indent, 3: grid.choice_indent}[para.level]
        hang = {1: grid.bullet_indent, 2: grid.sub_indent - grid.bullet_indent, 3: grid.choice_indent}[para.level]
        p_pr.set("marL", str(indent))
        p_pr.set("indent", str(-hang))
        bullet_colour = theme.palette.muted if para.level == 2 else theme.palette.accent
        _sub(_sub(p_pr, "buClr"), "srgbClr", val=bullet_colour)
        _sub(p_pr, "buFont", typeface=theme.fonts.sans)
        _sub(p_pr, "buChar", char=para.bullet or BULLET[para.level])
    else:
        p_pr.set("marL", "0")
        p_pr.set("indent", "0")
        _sub(p_pr, "buNone")
    size = centipoints(para.size)
    for run in para.runs:
        add_run(p, run, para, size, theme, color)
    end = _sub(p, "endParaRPr", sz=size)
    _fonts(end, theme, para.text, False)


def add_run(p, run: Run, para: Para, size: str, theme: Theme, color: str | None) -> None:
    """Append one ``a:r`` to paragraph ``p``."""
    r = _sub(p, "r")
    r_pr = _sub(r, "rPr", sz=size, b="1" if run.bold or para.bold else "0")
    if run.italic:
        r_pr.set("i", "1")
    colour = run.color or (theme.palette.code_text if run.mono and not color else None) or para.color or color \
        or theme.palette.text
    _solid(r_pr, colour)
    _fonts(r_pr, theme, run.text, run.mono)
    _sub(r, "t").text = CONTROL.sub(lambda m: "_x%04X_" % ord(m.group()), run.text)


def _next_id(page: Page) -> int:
    """A shape id one above every shape's id on the slide (the group's own is 1)."""
    return max(int(c_nv_pr.get("id")) for c_nv_pr in page.tree.iter(P + "cNvPr")) + 1


def _new_shape(page: Page, box: Box, name: str, geometry: str = "rect", *, text_box: bool = False):
    """A ``p:sp`` with its name, position and preset geometry, added on top of the slide's shapes."""
    shape_id = _next_id(page)
    sp = etree.Element(P + "sp")
    nv = _psub(sp, "nvSpPr")
    _psub(nv, "cNvPr", id=str(shape_id), name=name or f"{'TextBox' if text_box else 'Shape'} {shape_id - 1}")
    flags = _psub(nv, "cNvSpPr")
    if text_box:
        flags.set("txBox", "1")
    _psub(nv, "nvPr")
    sp_pr = _psub(sp, "spPr")
    place(sp_pr, box)
    _sub(_sub(sp_pr, "prstGeom", prst=geometry), "avLst")
    if page.tree[-1].tag == P + "extLst":  # the schema keeps extensions last
        page.tree[-1].addprevious(sp)
    else:
        page.tree.append(sp)
    return sp


def place(sp_pr, box: Box) -> None:
    """Give a shape's ``p:spPr`` the position and size of ``box``."""
    xfrm = sp_pr.find(A + "xfrm")
    if xfrm is None:
        xfrm = etree.Element(A + "xfrm")
        sp_pr.insert(0, xfrm)
    for child in list(xfrm):
        xfrm.remove(child)
    _sub(xfrm, "off", x=str(int(box.x)), y=str(int(box.y)))  # EMU are whole numbers; grid sums may not be
    _sub(xfrm, "ext", cx=str(int(box.w)), cy=str(int(box.h)))


def _text_body(sp):
    """A new ``p:txBody`` for ``sp``: properties, list style, paragraphs to come."""
    body = _psub(sp, "txBody")
    _sub(body, "bodyPr")
    _sub(body, "lstStyle")
    return body


def text_box(page: Page, box: Box, paras: list[Para], *, color: str | None = None, anchor: str = "top",
             name: str = "", inset: bool = True):
    """A text box at ``box`` holding ``paras``; returns its ``p:sp``."""
    sp = _new_shape(page, box, name, text_box=True)
    _sub(sp.find(P + "spPr"), "noFill")
    write(_text_body(sp), paras, page.theme, color, anchor, inset)
    return sp


def line_of(text: str, size: float, **kw) -> list[Para]:
    """One paragraph of ``text`` (inline markup understood) at ``size``."""
    bold = kw.pop("bold", False)
    return [Para(inline(text, bold=bold), size, **kw)]


def rect(page: Page, box: Box, fill: str, *, shape: str = "rect", name: str = "", line: str | None = None,
         back: bool = False):
    """A filled shape of preset geometry ``shape`` (rect, roundRect, ellipse, rightArrow) with no
    outline (or a 1 pt ``line``) and no theme style, so no shadow; ``back`` puts it behind all."""
    sp = _new_shape(page, box, name, shape)
    sp_pr = sp.find(P + "spPr")
    if shape == "roundRect":
        sp_pr.find(f"{A}prstGeom/{A}avLst").append(etree.Element(A + "gd", name="adj", fmla="val 8000"))
    _solid(sp_pr, fill)
    outline = _sub(sp_pr, "ln")
    if line:
        outline.set("w", "12700")
        _solid(outline, line)
    else:
        _sub(outline, "noFill")
    body = _text_body(sp)  # empty, centred: what the editor types into the shape
    body.find(A + "bodyPr").attrib.update({"rtlCol": "0", "anchor": "ctr"})
    _sub(_sub(body, "p"), "pPr", algn="ctr")
    if back:  # behind the placeholders, after the group's own two properties
        page.tree.insert(2, sp)
    return sp


def placeholders(tree) -> list:
    """The placeholder shapes (``p:sp`` with a ``p:ph``) of a ``p:spTree``, in drawing order."""
    return [sp for sp in tree.iterchildren(P + "sp") if sp.find(PLACEHOLDER) is not None]


def placeholder(tree, *types: str):
    """The first placeholder of one of ``types`` (title, ctrTitle, body, obj, subTitle...) in a
    ``p:spTree``, or None. A ``p:ph`` without a type is an object placeholder (obj)."""
    for sp in placeholders(tree):
        if sp.find(PLACEHOLDER).get("type", "obj") in types:
            return sp
    return None


def placeholder_body(tree, *types: str):
    """The text body of the first placeholder of ``types`` in ``tree`` (made when missing)."""
    sp = placeholder(tree, *types)
    body = sp.find(P + "txBody")
    return body if body is not None else _text_body(sp)


def body_frame(page: Page, box: Box, *types: str, name: str = "Body"):
    """The text body of the slide's placeholder of ``types`` moved to ``box``, or of a new text box."""
    sp = placeholder(page.tree, *types)
    if sp is None:
        sp = _new_shape(page, box, name, text_box=True)
        _sub(sp.find(P + "spPr"), "noFill")
        return _text_body(sp)
    place(sp.find(P + "spPr"), box)
    return placeholder_body(page.tree, *types)


def drop_empty_placeholders(page: Page) -> None:
    """Remove placeholders left empty: they would say "Click to add text" in the editor."""
    for sp in placeholders(page.tree):
        if not "".join(t.text or "" for t in sp.iter(A + "t")).strip():
            page.tree.remove(sp)


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
    frame = body_frame(page, box, "title", "ctrTitle", name="Title")
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
    """A solid slide background (``p:bg``, first in ``p:cSld``)."""
    c_sld = page.tree.getparent()
    old = c_sld.find(P + "bg")
    if old is not None:
        c_sld.remove(old)
    bg = etree.Element(P + "bg")
    props = _psub(bg, "bgPr")
    _solid(props, colour)
    _sub(props, "effectLst")
    c_sld.insert(0, bg)


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
    # the number's run becomes a slide-number field, so it stays right when slides move
    run = number.find(f"{P}txBody/{A}p/{A}r")
    run.tag = A + "fld"
    run.attrib.update({"id": "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}", "type": "slidenum"})


def notes(page: Page, body) -> None:
    """The speaker notes into the notes text body ``body``: the lecture script, each paragraph's
    runs tagged with their language."""
    paras = [Para((Run(block),), 12) for block in page.plan.notes.strip().split("\n")]
    write(body, paras, page.theme, color="000000")


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
