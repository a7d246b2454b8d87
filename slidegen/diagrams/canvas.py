"""What every diagram kind draws with: fonts, the theme's style, a figure, text measuring, PNG output.

Importing this module imports matplotlib; only the drawing path does so. Style is applied with a
local ``matplotlib.rc_context`` (and per-artist font properties), never by changing the global
``rcParams`` that other code may rely on.

Fonts. The theme's sans face (NanumGothic, shipped in ``slidegen/fonts``) is registered from its
file, so Hangul draws on a machine without Korean system fonts. The family list puts it first, so
Latin letters and Hangul match the slide text, and the theme's symbol face (DejaVu Sans, which
matplotlib ships) second: matplotlib falls back glyph by glyph, so the symbols NanumGothic lacks,
such as the minus sign U+2212 on axes, still render.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import struct
import textwrap
from dataclasses import dataclass
from typing import Iterator

import matplotlib
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties

from ..theme import Theme

_registered: set[str] = set()


BOLD = 700  # the weight bold labels ask for, which DejaVu Sans Bold has too


@dataclass(frozen=True)
class Faces:
    """The font family list and the weight of the regular face (bold is :data:`BOLD`)."""

    families: tuple[str, ...]
    regular: int
    bold: int = BOLD


def faces(theme: Theme) -> Faces:
    """Register the theme's sans files with matplotlib (once per process) and describe the faces.

    NanumGothicBold declares weight 600; it is also registered as 700, as matplotlib itself does
    for a face's other names, so that a bold label finds an exact weight in both faces of the
    family list and matplotlib logs no "Failed to find font weight" message.
    """
    regular_file, bold_file = str(theme.fonts.file()), str(theme.fonts.file(bold=True))
    if regular_file not in _registered:
        font_manager.fontManager.addfont(regular_file)
        _registered.add(regular_file)
    if bold_file not in _registered:
        font_manager.fontManager.addfont(bold_file)  # clears matplotlib's font lookup cache
        bold = font_manager.ttfFontProperty(font_manager.get_font(bold_file))
        if bold.weight != BOLD:
            font_manager.fontManager.ttflist.append(dataclasses.replace(bold, weight=BOLD))
        _registered.add(bold_file)
    regular = font_manager.ttfFontProperty(font_manager.get_font(regular_file))
    return Faces((regular.name, theme.diagram.symbol_font), int(regular.weight))


def colour(hex_value: str) -> str:
    """A palette colour (``RRGGBB``) as matplotlib reads it."""
    return "#" + hex_value


def rc(theme: Theme) -> dict:
    """The rcParams a diagram is drawn with, all from the theme."""
    pal, style, f = theme.palette, theme.diagram, faces(theme)
    from cycler import cycler
    return {
        "font.family": list(f.families),
        "font.size": style.small,
        "font.weight": f.regular,
        "text.parse_math": False,  # a '$' in a label is a dollar sign, not mathtext
        "text.color": colour(pal.text),
        "figure.facecolor": colour(pal.background),
        "savefig.facecolor": colour(pal.background),
        "axes.facecolor": colour(pal.background),
        "axes.edgecolor": colour(pal.muted),
        "axes.labelcolor": colour(pal.text),
        "axes.titlecolor": colour(pal.text),
        "axes.titlesize": style.heading,
        "axes.titleweight": f.bold,
        "axes.titlepad": style.small,
        "axes.linewidth": style.line,
        "axes.unicode_minus": True,
        "axes.prop_cycle": cycler(color=[colour(c) for c in pal.series]),
        "xtick.color": colour(pal.muted),
        "ytick.color": colour(pal.muted),
        "xtick.labelcolor": colour(pal.text),
        "ytick.labelcolor": colour(pal.muted),
        "xtick.labelsize": style.label,
        "ytick.labelsize": style.small,
        "grid.color": colour(pal.rule),
        "grid.linewidth": style.line / 2,
        "legend.fontsize": style.small,
        "legend.frameon": False,
        "legend.labelcolor": colour(pal.text),
        "figure.dpi": theme.diagram_dpi,
        "savefig.dpi": theme.diagram_dpi,
    }


@contextlib.contextmanager
def style(theme: Theme) -> Iterator[None]:
    """Draw inside this: the theme's rcParams, restored on leaving."""
    with matplotlib.rc_context(rc(theme)):
        yield


def figure(theme: Theme, **kwargs) -> Figure:
    """An empty figure of the diagram size with an Agg canvas (call inside :func:`style`)."""
    fig = Figure(figsize=theme.diagram_size, dpi=theme.diagram_dpi, facecolor=colour(theme.palette.background),
                 **kwargs)
    FigureCanvasAgg(fig)
    return fig


def finish(fig: Figure, theme: Theme) -> Figure:
    """Lay the figure out and create its tick labels, so tests can read every text (inside :func:`style`)."""
    fig.canvas.draw()
    return fig


def png(fig: Figure, theme: Theme) -> tuple[bytes, tuple[int, int]]:
    """The figure as PNG bytes without software or date metadata, and its size in pixels."""
    out = io.BytesIO()
    with style(theme):
        fig.savefig(out, format="png", dpi=theme.diagram_dpi, facecolor=colour(theme.palette.background),
                    metadata={"Software": None})
    data = out.getvalue()
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk follows the 8-byte signature
    return data, (width, height)


def font(theme: Theme, size: float, bold: bool = False) -> FontProperties:
    """Font properties for a label: the theme's family list at ``size`` points."""
    f = faces(theme)
    return FontProperties(family=list(f.families), size=size, weight=f.bold if bold else f.regular)


def measure(fig: Figure, text: str, prop: FontProperties) -> tuple[float, float]:
    """Width and height in inches of ``text`` (lines split at '\\n') set in ``prop``."""
    renderer = fig.canvas.get_renderer()
    lines = text.split("\n")
    width = max(renderer.get_text_width_height_descent(line or " ", prop, ismath=False)[0] for line in lines)
    height = len(lines) * prop.get_size_in_points() * LINE_SPACING / 72
    return width / fig.dpi, height


LINE_SPACING = 1.2


def fit(fig: Figure, theme: Theme, text: str, width: float, height: float, size: float,
        bold: bool = False) -> tuple[str, float]:
    """``text`` wrapped at spaces and set no larger than ``size`` (nor below the theme's floor) to fit
    ``width`` x ``height`` inches; at the floor it may still overflow, which the caller's box allows."""
    floor = theme.diagram.small
    candidates = [size]
    while candidates[-1] - 1 >= floor:
        candidates.append(candidates[-1] - 1)
    if candidates[-1] > floor:
        candidates.append(floor)
    overflows = []
    for points in candidates:
        prop = font(theme, points, bold)
        for wrapped in _wrappings(text):
            w, h = measure(fig, wrapped, prop)
            if w <= width and h <= height:
                return wrapped, points
            if points == floor:
                overflows.append((max(w / width, h / height), wrapped))
    return min(overflows, key=lambda o: o[0])[1], floor


def _wrappings(text: str) -> list[str]:
    """``text`` as given, then broken at spaces into more and more lines, each as balanced as can be."""
    paragraphs = text.split("\n")
    longest = max(len(p) for p in paragraphs)
    by_count: dict[int, str] = {}
    for width in range(longest, 0, -1):
        lines = [line for p in paragraphs
                 for line in (textwrap.wrap(p, width=width, break_long_words=False, break_on_hyphens=False) or [""])]
        by_count[len(lines)] = "\n".join(lines)  # narrower widths overwrite: the most balanced wins
    options = [text] + [by_count[n] for n in sorted(by_count)]
    return list(dict.fromkeys(options))


def board(fig: Figure):
    """One axes over the whole figure, without axis lines, whose data unit is the inch (y upwards)."""
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, fig.get_figwidth())
    ax.set_ylim(0, fig.get_figheight())
    ax.set_axis_off()
    return ax


def rounded(ax, theme: Theme, x: float, y: float, w: float, h: float, fill: str, edge: str | None,
            gid: str, zorder: float = 2):
    """A rounded box from ``(x, y)`` (lower left) of ``w`` x ``h`` inches, in palette colours."""
    from matplotlib.patches import FancyBboxPatch
    style = theme.diagram
    corner = min(style.corner, w / 4, h / 4)
    patch = FancyBboxPatch((x, y), w, h, boxstyle=f"round,pad=0,rounding_size={corner}",
                           facecolor=colour(fill), edgecolor=colour(edge) if edge else "none",
                           linewidth=style.line if edge else 0, gid=gid, zorder=zorder)
    ax.add_patch(patch)
    return patch


def label(ax, theme: Theme, text: str, x: float, y: float, w: float, h: float, size: float,
          text_colour: str, gid: str, bold: bool = False, zorder: float = 3):
    """``text`` centred in the box ``(x, y, w, h)``, wrapped and shrunk to fit it (see :func:`fit`)."""
    pad = theme.diagram.pad
    fitted, points = fit(ax.figure, theme, text, w - 2 * pad, h - pad, size, bold)
    return ax.text(x + w / 2, y + h / 2, fitted, ha="center", va="center", multialignment="center",
                   fontproperties=font(theme, points, bold), color=colour(text_colour), linespacing=LINE_SPACING,
                   gid=gid, zorder=zorder)
