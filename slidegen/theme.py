"""Colours, fonts, sizes and the grid, in one place, shared by render/ and diagrams/.

Lengths are EMU (914,400 per inch, 12,700 per point); font sizes are points.

Fonts. Every run names a Latin and an East Asian typeface. slidegen uses NanumGothic (and
NanumGothicCoding for code) for both: the package carries these OFL fonts, so text is
measured with the exact metrics on any machine, diagrams draw Hangul without a system font,
and LibreOffice renders the same glyphs once the fonts are installed (``fonts-nanum`` and
``fonts-nanum-coding`` on Debian, installed by the set-up commands). On Windows or macOS
PowerPoint without Nanum fonts, the font is substituted (Malgun Gothic / Apple SD Gothic Neo);
fitting keeps a width margin (``FIT_WIDTH``) for that case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

EMU_PER_INCH = 914_400
EMU_PER_PT = 12_700

FONT_DIR = Path(__file__).parent / "fonts"
FIT_WIDTH = 0.92  # share of a box's inner width text may fill: room for font substitution
LINE_PITCH = 1.2  # line height as a multiple of the font size, as LibreOffice and PowerPoint lay out
SCRIPT_GAP = 0.25  # ems LibreOffice adds where Hangul meets other letters, digits or punctuation


# The smallest text PRODUCT.md allows, per role: body text, code, captions and sources, footers.
FLOORS: dict[str, float] = {"body": 18.0, "code": 14.0, "caption": 14.0, "footer": 10.0}


def inches(value: float) -> int:
    """Inches to EMU."""
    return round(value * EMU_PER_INCH)


def points(value: float) -> int:
    """Points to EMU."""
    return round(value * EMU_PER_PT)


class Box(NamedTuple):
    """A rectangle on the slide, in EMU."""

    x: int
    y: int
    w: int
    h: int

    def inset(self, dx: int, dy: int | None = None) -> "Box":
        """The box shrunk by ``dx`` left and right and ``dy`` top and bottom."""
        dy = dx if dy is None else dy
        return Box(self.x + dx, self.y + dy, self.w - 2 * dx, self.h - 2 * dy)

    def columns(self, n: int, gap: int) -> list["Box"]:
        """``n`` equal columns across the box with ``gap`` between them."""
        w = (self.w - gap * (n - 1)) // n
        return [Box(self.x + i * (w + gap), self.y, w, self.h) for i in range(n)]

    def split_top(self, h: int, gap: int = 0) -> tuple["Box", "Box"]:
        """A band of height ``h`` at the top and the rest below it."""
        return Box(self.x, self.y, self.w, h), Box(self.x, self.y + h + gap, self.w, self.h - h - gap)


@dataclass(frozen=True)
class Fonts:
    """Typeface names written into the deck and the files they are measured with."""

    sans: str = "NanumGothic"
    mono: str = "NanumGothicCoding"
    sans_file: Path = FONT_DIR / "NanumGothic.ttf"
    sans_bold_file: Path = FONT_DIR / "NanumGothicBold.ttf"
    mono_file: Path = FONT_DIR / "NanumGothicCoding.ttf"
    mono_bold_file: Path = FONT_DIR / "NanumGothicCodingBold.ttf"

    def file(self, mono: bool = False, bold: bool = False) -> Path:
        """The font file for a face."""
        if mono:
            return self.mono_bold_file if bold else self.mono_file
        return self.sans_bold_file if bold else self.sans_file


@dataclass(frozen=True)
class Palette:
    """Colours as RRGGBB hex. Every text colour keeps 4.5:1 contrast on the background it sits on."""

    background: str = "FFFFFF"
    text: str = "1F2933"
    muted: str = "52606D"
    accent: str = "0B5CAD"
    accent_text: str = "FFFFFF"  # text on accent fills
    accent_soft: str = "E3EEF9"  # light fill behind dark text
    second: str = "0F6E63"
    second_soft: str = "E0F2EF"
    warn: str = "A33A00"
    warn_soft: str = "FDEBDD"
    rule: str = "C9D2DC"
    code_background: str = "F5F7FA"
    code_text: str = "1F2933"
    code_keyword: str = "8A2BA8"
    code_string: str = "0F6E1E"
    code_comment: str = "5F6B76"
    code_number: str = "A33A00"
    code_name: str = "0B5CAD"
    table_header: str = "0B5CAD"
    table_stripe: str = "F1F5F9"
    series: tuple[str, ...] = ("0B5CAD", "D9822B", "0F6E63", "8E44AD")


@dataclass(frozen=True)
class Sizes:
    """Font sizes in points: a start size and the floor fitting may shrink to."""

    cover_title: float = 40
    cover_subtitle: float = 22
    title: float = 34
    title_min: float = 26
    body: float = 28
    body_min: float = 18
    sub: float = 24
    sub_min: float = 18
    code: float = 26
    code_min: float = 14
    caption: float = 14
    footer: float = 11
    section_title: float = 40
    section_number: float = 60
    card_title: float = 26
    card_body: float = 24
    card_min: float = 18
    quote: float = 32
    quote_min: float = 20


@dataclass(frozen=True)
class Grid:
    """Where things go on a 16:9 slide of 13.333 x 7.5 inches."""

    width: int = 12_192_000
    height: int = 6_858_000
    margin: int = inches(0.6)
    title_top: int = inches(0.35)
    title_height: int = inches(0.95)
    body_top: int = inches(1.5)
    footer_height: int = inches(0.4)
    gap: int = inches(0.35)
    inset_x: int = inches(0.1)
    inset_y: int = inches(0.05)
    panel_pad: int = inches(0.1)  # space between a panel's edge and the text box inside it
    bullet_indent: int = inches(0.35)
    sub_indent: int = inches(0.75)
    choice_indent: int = inches(0.65)  # numbered choices: room for a circled number
    paragraph_space: float = 0.35  # space before a paragraph, in lines of its size
    boxes: tuple[tuple[str, Box], ...] = ()  # boxes taken from a template's layouts, by property name

    def _given(self, name: str) -> Box | None:
        return dict(self.boxes).get(name)

    @property
    def slide(self) -> Box:
        return Box(0, 0, self.width, self.height)

    @property
    def title(self) -> Box:
        if self._given("title"):
            return self._given("title")
        return Box(self.margin, self.title_top, self.width - 2 * self.margin, self.title_height)

    @property
    def footer(self) -> Box:
        return Box(self.margin, self.height - self.footer_height - inches(0.1),
                   self.width - 2 * self.margin, self.footer_height)

    @property
    def body(self) -> Box:
        if self._given("body"):
            return self._given("body")
        bottom = self.footer.y - inches(0.15)
        return Box(self.margin, self.body_top, self.width - 2 * self.margin, bottom - self.body_top)

    @property
    def title_rule(self) -> Box:
        title = self.title
        return Box(title.x, title.y + title.h + inches(0.02), inches(1.2), inches(0.06))

    @property
    def progress(self) -> Box:
        return Box(0, self.height - inches(0.06), self.width, inches(0.06))

    @property
    def cover_title(self) -> Box:
        if self._given("cover_title"):
            return self._given("cover_title")
        return Box(self.margin, inches(2.2), self.width - 2 * self.margin, inches(1.9))

    @property
    def cover_subtitle(self) -> Box:
        if self._given("cover_subtitle"):
            return self._given("cover_subtitle")
        return Box(self.margin, inches(4.25), self.width - 2 * self.margin, inches(1.5))

    @property
    def cover_band(self) -> Box:
        return Box(0, 0, self.width, inches(1.4))

    @property
    def section_number(self) -> Box:
        return Box(self.margin, inches(1.6), inches(3), inches(1.2))

    @property
    def section_title(self) -> Box:
        if self._given("section_title"):
            return self._given("section_title")
        return Box(self.margin, inches(2.9), self.width - 2 * self.margin, inches(1.6))

    @property
    def section_subtitle(self) -> Box:
        if self._given("section_subtitle"):
            return self._given("section_subtitle")
        return Box(self.margin, inches(4.6), self.width - 2 * self.margin, inches(1.6))


@dataclass(frozen=True)
class DiagramStyle:
    """How diagrams are drawn. Sizes are points at the size the picture is shown, which is its own size.

    The figure fills the slide body less a caption band, so a diagram is never scaled down and
    ``small`` is the smallest type on it (14 pt, the size of sources and code).
    """

    symbol_font: str = "DejaVu Sans"  # matplotlib's own face, after the sans face: symbols Nanum lacks (U+2212)
    caption_lines: float = 2.2  # caption band left under the picture, in lines of the caption size
    heading: float = 20  # panel titles, stack names
    label: float = 18  # box and layer labels, categories
    value: float = 16  # numbers on bars
    small: float = 14  # axis ticks, legends, zone and arrow labels: the floor
    line: float = 1.5  # box outlines and axis lines
    arrow: float = 2.0  # arrow shafts
    corner: float = 0.08  # rounding of boxes, inches
    pad: float = 0.12  # space around text inside boxes and labels, inches
    gap: float = 0.3  # least space between boxes, inches


@dataclass(frozen=True)
class Theme:
    """A complete look: palette, fonts, sizes, grid; also what diagrams draw with.

    ``template`` is a .pptx/.potx whose masters and layouts the deck is built on; ``layouts``
    maps slide kinds to its layout names (see ``slidegen.layouts``).
    """

    name: str = "light"
    template: str | None = None
    layouts: tuple[tuple[str, str], ...] = ()
    palette: Palette = field(default_factory=Palette)
    fonts: Fonts = field(default_factory=Fonts)
    sizes: Sizes = field(default_factory=Sizes)
    grid: Grid = field(default_factory=Grid)
    diagram_dpi: int = 200
    diagram: DiagramStyle = field(default_factory=DiagramStyle)

    @property
    def diagram_size(self) -> tuple[float, float]:
        """Width and height in inches of a diagram figure: the slide body less a caption band."""
        body = self.grid.body
        caption = self.sizes.caption * LINE_PITCH * self.diagram.caption_lines * EMU_PER_PT
        return (int(body.w / EMU_PER_INCH * 100) / 100, int((body.h - caption) / EMU_PER_INCH * 100) / 100)

    def key(self) -> str:
        """A stable description of everything that changes how a diagram looks, for caching."""
        return repr((self.palette, self.fonts.sans, self.fonts.mono, self.diagram_dpi, 3))


THEMES: dict[str, Theme] = {
    "light": Theme(),
    "dark": Theme(name="dark", palette=Palette(
        background="111827", text="F3F4F6", muted="C4CBD4", accent="5AA9F0", accent_text="0B1220",
        accent_soft="1E3A5F", second="4FD1C5", second_soft="123B38", warn="F6AD55", warn_soft="4A2A10",
        rule="374151", code_background="1F2937", code_text="F3F4F6", code_keyword="D6A4F5",
        code_string="9AE6B4", code_comment="AAB4C0", code_number="F6AD55", code_name="7CC4FA", table_header="5AA9F0",
        table_stripe="1A2332", series=("5AA9F0", "F6AD55", "4FD1C5", "D6A4F5"))),
    "contrast": Theme(name="contrast", palette=Palette(
        background="FFFFFF", text="000000", muted="1A1A1A", accent="00307A", accent_text="FFFFFF",
        accent_soft="DCE8FA", second="004D40", second_soft="D7F0EC", warn="7A1F00", warn_soft="FBE3D6",
        rule="000000", code_background="F2F2F2", code_text="000000", code_keyword="5B1F7A",
        code_string="0B4A12", code_comment="333333", code_number="7A1F00", code_name="00307A", table_header="00307A",
        table_stripe="EDEDED", series=("00307A", "B34700", "004D40", "5B1F7A"))),
}


def get_theme(name: str | None) -> Theme:
    """The built-in theme called ``name`` (default: light); KeyError if there is none."""
    return THEMES[name or "light"]


def luminance(hex_colour: str) -> float:
    """Relative luminance of an RRGGBB colour (WCAG 2.x)."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_pairs(palette: Palette) -> list[tuple[str, str, str]]:
    """Every (what, text colour, background) pair the slides and diagrams draw."""
    p = palette
    pairs = [("body text", p.text, p.background), ("muted text", p.muted, p.background),
             ("accent text", p.accent, p.background), ("headings on accent", p.accent_text, p.accent),
             ("headings on second", p.accent_text, p.second), ("headings on warn", p.accent_text, p.warn),
             ("table header", p.accent_text, p.table_header), ("table stripe", p.text, p.table_stripe),
             ("section text", p.accent_text, p.accent)]
    for soft in ("accent_soft", "second_soft", "warn_soft"):
        pairs.append((f"text on {soft}", p.text, getattr(p, soft)))
    pairs.append(("next-lecture label", p.accent, p.accent_soft))
    for name in ("code_text", "code_keyword", "code_string", "code_comment", "code_number", "code_name"):
        pairs.append((name, getattr(p, name), p.code_background))
    return pairs
