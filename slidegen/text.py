"""Runs and paragraphs of slide text, inline markup, and measuring them with real font metrics.

Measuring wraps text greedily at spaces (LibreOffice and PowerPoint break Korean text at the
spaces between eojeol too) and breaks a word longer than a line between characters. Widths
come from the font files the deck names, through Pillow; a line is ``LINE_PITCH`` times the
font size high.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .theme import EMU_PER_PT, FIT_WIDTH, LINE_PITCH, SCRIPT_GAP, Fonts

HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_INLINE = re.compile(r"\*\*(?P<bold>.+?)\*\*|`(?P<code>[^`]+)`")


def has_hangul(text: str) -> bool:
    """True if ``text`` contains a Hangul syllable or jamo."""
    return bool(HANGUL.search(text))


def language_of(text: str) -> str:
    """The language tag a run of ``text`` gets: ko-KR if it holds Hangul, else en-US."""
    return "ko-KR" if has_hangul(text) else "en-US"


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style. ``color`` None means the paragraph's colour."""

    text: str
    bold: bool = False
    mono: bool = False
    color: str | None = None
    italic: bool = False


@dataclass(frozen=True)
class Para:
    """A paragraph: runs, a size in points, an indent level (0 none, 1 bullet, 2 sub-bullet, 3 numbered)."""

    runs: tuple[Run, ...]
    size: float
    level: int = 0
    bold: bool = False
    color: str | None = None
    align: str = "left"
    space_before: float = 0.0  # in lines of this paragraph's size
    bullet: str = ""  # the bullet of a level-1 or level-2 paragraph, when not the theme's

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    def resized(self, size: float) -> "Para":
        """The same paragraph at another size."""
        return replace(self, size=size)


@lru_cache(maxsize=100_000)
def inline(text: str, *, bold: bool = False) -> tuple[Run, ...]:
    """Split ``**bold**`` and `` `code` `` markup into runs (kept: audiences share most texts)."""
    runs: list[Run] = []
    pos = 0
    for match in _INLINE.finditer(text):
        if match.start() > pos:
            runs.append(Run(text[pos:match.start()], bold=bold))
        if match.group("bold") is not None:
            runs.append(Run(match.group("bold"), bold=True))
        else:
            runs.append(Run(match.group("code"), bold=bold, mono=True))
        pos = match.end()
    if pos < len(text):
        runs.append(Run(text[pos:], bold=bold))
    return tuple(runs) or (Run(""),)


def plain(text: str) -> str:
    """``text`` without inline markup."""
    return "".join(r.text for r in inline(text))


@lru_cache(maxsize=8)
def _font(path: str):
    from PIL import ImageFont  # Pillow comes with matplotlib; imported only when measuring
    return ImageFont.truetype(path, size=1000)


@lru_cache(maxsize=100_000)
def _em_width(text: str, path: str) -> float:
    """Width of ``text`` in ems of the font at ``path``, with the gaps LibreOffice puts between scripts."""
    gaps = len(_SCRIPT_CHANGE.findall(text))
    return _font(path).getlength(text) / 1000 + gaps * SCRIPT_GAP


_SCRIPT_CHANGE = re.compile(r"(?<=[\uac00-\ud7a3])(?=[^\s\uac00-\ud7a3])|(?<=[^\s\uac00-\ud7a3])(?=[\uac00-\ud7a3])")


@dataclass
class _Line:
    width: float = 0.0
    words: int = 0


def _pieces(runs: tuple[Run, ...]):
    """Words with the spaces that follow them, each with its font face."""
    for run in runs:
        for piece in re.findall(r"\S+\s*|\s+", run.text):
            yield piece, run.mono, run.bold


@lru_cache(maxsize=100_000)
def count_lines(para: Para, width_emu: int, fonts: Fonts, indent_emu: int = 0) -> int:
    """How many lines ``para`` takes in a box ``width_emu`` wide (inner width, after insets).

    Remembered: audiences share most of their paragraphs, and ``slidegen watch`` plans every
    audience again after each save.
    """
    avail = (width_emu - indent_emu) * FIT_WIDTH / EMU_PER_PT / para.size  # in ems
    if avail <= 0:
        return 10_000
    lines = 1
    used = 0.0
    for piece, mono, bold in _pieces(para.runs):
        path = str(fonts.file(mono, bold or para.bold))
        word = piece.rstrip()
        w_word = _em_width(word, path) if word else 0.0
        w_all = w_word + (_em_width(piece[len(word):], path) if len(piece) > len(word) else 0.0)
        if used + w_word <= avail:
            used += w_all
            continue
        if used > 0:
            lines += 1
            used = 0.0
        if w_word <= avail:
            used = w_all
            continue
        for char in piece:  # a word longer than a line breaks between characters
            w = _em_width(char, path)
            if used + w > avail and used > 0:
                lines += 1
                used = 0.0
            used += w
    return lines


def block_height(paras: list[Para], width_emu: int, fonts: Fonts, indents: dict[int, int]) -> int:
    """Height in EMU of paragraphs stacked in a box ``width_emu`` wide (no insets)."""
    total = 0.0
    for i, para in enumerate(paras):
        n = count_lines(para, width_emu, fonts, indents.get(para.level, 0))
        total += n * para.size * LINE_PITCH
        if i:
            total += para.space_before * para.size
    return round(total * EMU_PER_PT)


def widest_line(text: str, size: float, fonts: Fonts, mono: bool = False, bold: bool = False) -> int:
    """Width in EMU of the widest line of ``text`` set unwrapped at ``size``."""
    path = str(fonts.file(mono, bold))
    return round(max(_em_width(line, path) for line in text.split("\n")) * size * EMU_PER_PT)
