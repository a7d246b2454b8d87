"""How much fits on a slide, decided with the planner's own measuring on the default theme.

Extract splits content itself, at points a reader would choose, so that the planner never has
to split or shrink below what reads well: bullets and callouts stay at ``BULLET_FLOOR`` and
``CALLOUT_FLOOR`` points or more (the planner's hard floor is lower), code at the planner's floor.
Every measure is the planner's own (``shrink``, ``bullet_groups``, ``plan_table``, ``title_fits``)
on the default theme.
"""

from __future__ import annotations

import math
from typing import Callable

from .. import model as m
from ..plan import (Context, bullet_groups, callout_box, code_box, column_boxes, inner, plan_table, shrink,
                    title_fits)
from ..text import Para, Run, block_height, count_lines, inline
from ..theme import Box, Theme, get_theme, inches

BULLET_FLOOR = 24  # points: a bullet slide denser than this is split, though the planner would allow 18
CALLOUT_FLOOR = 24  # points: a callout is one message; longer text is split into several
COLUMN_FLOOR = 20  # points: two columns side by side are narrower, so a little smaller type is fine
SUB_RATIO = 20 / 24  # sub-bullets are set this much smaller than bullets (the planner's ratio)
BULLET_SHARE = 3  # a single bullet may fill at most a third of the body area; the rest goes to the notes
ELLIPSIS = "…"


def _text(value: str) -> m.Text:
    return m.Text.of(value)


class Fitter:
    """Fitting questions about slide content, answered for the default theme."""

    def __init__(self, lang: str, theme: Theme | None = None):
        self.theme = theme or get_theme(None)
        deck = m.Deck(title=_text("-"), sections=[m.Section(title=_text("-"))])
        self.ctx = Context(lambda t: "" if t is None else t.get(m.ANY_LANGUAGE, ""), lang, self.theme, deck)

    # ---- titles and one-line labels -------------------------------------------------------------

    def title_fits(self, title: str) -> bool:
        """True if ``title`` fits the title area (the planner's rule)."""
        return title_fits(title, self.ctx) is not None

    def agenda_fits(self, title: str, sections: int) -> bool:
        """True if a section title fits its agenda row on one line, with ``sections`` rows.

        Mirrors the geometry of ``render/agenda.py`` (rows of at most 0.75 in, two columns past
        six sections, 2.4 in kept for the number and the minutes).
        """
        grid, sizes = self.theme.grid, self.theme.sizes
        column = grid.body.columns(2 if sections > 6 else 1, grid.gap)[0]
        row = min(inches(0.75), grid.body.h // max(1, min(sections, 6)))
        size = sizes.body if row >= inches(0.6) else sizes.body_min
        return self._one_line(title, column.w - inches(2.4), size)

    def divider_fits(self, title: str) -> bool:
        """True if a section title fits the divider slide's title area."""
        grid, sizes = self.theme.grid, self.theme.sizes
        return shrink([Para(inline(title), sizes.section_title, bold=True)], grid.section_title, self.theme,
                      sizes.section_title, sizes.section_title) is not None

    def cover_fits(self, title: str, subtitle: str) -> tuple[bool, bool]:
        """Whether the deck title and the subtitle fit the title slide."""
        grid, sizes = self.theme.grid, self.theme.sizes
        ok_title = shrink([Para(inline(title), sizes.cover_title, bold=True)], grid.cover_title, self.theme,
                          sizes.cover_title, sizes.cover_title) is not None
        ok_sub = not subtitle or shrink([Para(inline(subtitle), sizes.cover_subtitle)], grid.cover_subtitle,
                                        self.theme, sizes.cover_subtitle, sizes.cover_subtitle) is not None
        return ok_title, ok_sub

    def column_heading_fits(self, heading: str) -> bool:
        """True if a two-column heading fits its band on one line."""
        left, _ = column_boxes(self.theme)
        return self._one_line(heading, left.w, self.theme.sizes.card_title, bold=True)

    def _one_line(self, text: str, width: int, size: float, bold: bool = False) -> bool:
        area = inner(Box(0, 0, width, inches(1)), self.theme)
        return count_lines(Para(inline(text), size, bold=bold), area.w, self.theme.fonts) == 1

    # ---- bullets ---------------------------------------------------------------------------------

    def _groups(self, bullets: list[tuple[str, list[str]]]) -> list[list[Para]]:
        items = [m.Bullet(text=_text(text), sub=[_text(s) for s in subs]) for text, subs in bullets]
        sizes = self.theme.sizes
        return bullet_groups(items, self.ctx, sizes.body, sizes.sub)

    def _readable(self, paras: list[Para], box: Box, start: float, floor: float) -> bool:
        """True if the planner fits ``paras`` in ``box`` with bullets at ``floor`` points or more
        (sub-bullets at the planner's ratio of that)."""
        sized = shrink(paras, box, self.theme, start, self.theme.sizes.body_min)
        if sized is None:
            return False
        return all(p.size >= (round(floor * SUB_RATIO) if p.level == 2 else floor) for p in sized)

    def bullets_fit(self, bullets: list[tuple[str, list[str]]], box: Box | None = None,
                    start: float | None = None, floor: float = BULLET_FLOOR) -> bool:
        """True if these bullets (text, sub-bullets) fit one body area with text at ``floor`` points or more."""
        paras = [p for g in self._groups(bullets) for p in g]
        return self._readable(paras, box or self.theme.grid.body, start or self.theme.sizes.body, floor)

    def bullet_fits(self, text: str, level: int = 1) -> bool:
        """True if one bullet (level 1) or sub-bullet (level 2) fills at most a third of the body area."""
        sizes, body = self.theme.sizes, self.theme.grid.body
        box = Box(body.x, body.y, body.w, body.h // BULLET_SHARE)
        para = Para(inline(text), sizes.body if level == 1 else sizes.sub, level=level)
        return self._readable([para], box, sizes.body, BULLET_FLOOR)

    def bullet_pages(self, bullets: list[tuple[str, list[str]]]) -> list[int]:
        """How many bullets go on each slide: packed greedily like the planner's ``pack``, then evened out.

        Every bullet must fit a slide on its own (see :meth:`bullets_fit`).
        """
        counts = [0]
        for index in range(len(bullets)):
            start = sum(counts[:-1])
            if counts[-1] and not self.bullets_fit(bullets[start:index + 1]):
                counts.append(0)
            counts[-1] += 1
        return even(bullets, counts, self.bullets_fit) if bullets else []

    def columns_fit(self, left: list[tuple[str, list[str]]], right: list[tuple[str, list[str]]]) -> bool:
        """True if both columns of a two-column slide fit with text at ``COLUMN_FLOOR`` points or more."""
        box_l, box_r = column_boxes(self.theme)
        start = self.theme.sizes.body - 2
        return (self.bullets_fit(left, box_l, start, COLUMN_FLOOR)
                and self.bullets_fit(right, box_r, start, COLUMN_FLOOR))

    # ---- callouts --------------------------------------------------------------------------------

    def callout_fits(self, text: str) -> bool:
        """True if ``text`` fits a callout panel at ``CALLOUT_FLOOR`` or more."""
        sizes = self.theme.sizes
        return shrink([Para(inline(text), sizes.quote)], callout_box(self.theme), self.theme, sizes.quote,
                      CALLOUT_FLOOR) is not None

    # ---- code ------------------------------------------------------------------------------------

    def _code_area(self) -> Box:
        return inner(code_box(self.theme, False), self.theme)

    def code_line_fits(self, line: str) -> bool:
        """True if a code line fits the code panel's width at the planner's smallest code size."""
        size = self.theme.sizes.code_min
        return count_lines(Para((Run(line or " ", mono=True),), size), self._code_area().w, self.theme.fonts) == 1

    def code_lines(self) -> int:
        """How many one-line code lines fit the code panel at the planner's smallest code size."""
        size = self.theme.sizes.code_min
        area = self._code_area()
        n = max(1, math.floor(area.h / (size * 1.2 * 12_700)))
        while n > 1 and block_height([Para((Run("x", mono=True),), size)] * n, area.w, self.theme.fonts, {}) > area.h:
            n -= 1
        return n

    # ---- tables ----------------------------------------------------------------------------------

    def table_pages(self, header: list[str], rows: list[list[str]]) -> list[int] | None:
        """Rows per slide so that each slide's table fits as the planner lays it out; None if a row cannot."""
        counts, start = [], 0
        while start < len(rows):
            n = self._table_rows_from(header, rows[start:])
            if n == 0:
                return None
            counts.append(n)
            start += n

        def fits(chunk: list[list[str]]) -> bool:
            pages = self._plan_table(header, chunk)
            return pages is not None and len(pages) == 1
        return even(rows, counts, fits)

    def _table_rows_from(self, header: list[str], rows: list[list[str]]) -> int:
        """The most leading rows that make one table slide (0 if not even one row does)."""
        def one(n: int) -> bool:
            pages = self._plan_table(header, rows[:n])
            return pages is not None and len(pages) == 1

        if not one(1):
            return 0
        good, bad = 1, None
        while bad is None and good < len(rows):  # double until a slide overflows, then halve the gap
            trial = min(len(rows), good * 2)
            if one(trial):
                good = trial
            else:
                bad = trial
        while bad is not None and bad - good > 1:
            middle = (good + bad) // 2
            if one(middle):
                good = middle
            else:
                bad = middle
        return good

    def _plan_table(self, header: list[str], rows: list[list[str]]) -> list[list] | None:
        slide = m.TableSlide(kind="table", title=_text("-"), columns=[_text(c) for c in header],
                             rows=[[_text(c) for c in row] for row in rows])
        self.ctx.found.clear()
        planned = plan_table(slide, self.ctx, ())
        errors = [n for n in self.ctx.found if n.error]
        self.ctx.found.clear()
        if errors:
            return None
        return [p.parts["rows"] for p in planned]

    # ---- cutting text to fit ---------------------------------------------------------------------

    @staticmethod
    def cut(text: str, fits: Callable[[str], bool]) -> str:
        """The longest start of ``text`` (whole words where possible) that, with an ellipsis, fits."""
        if fits(text):
            return text
        words = text.split(" ")
        lo, hi = 0, len(words)
        while lo < hi:  # the most whole words that fit
            mid = (lo + hi + 1) // 2
            if fits(" ".join(words[:mid]).rstrip(",;:") + ELLIPSIS):
                lo = mid
            else:
                hi = mid - 1
        if lo > 0:
            return _balanced(" ".join(words[:lo]).rstrip(",;:") + ELLIPSIS)
        lo, hi = 0, len(text)
        while lo < hi:  # a single long word: the most characters that fit
            mid = (lo + hi + 1) // 2
            if fits(text[:mid] + ELLIPSIS):
                lo = mid
            else:
                hi = mid - 1
        return _balanced(text[:max(lo, 1)] + ELLIPSIS)


def even(items: list, counts: list[int], fits: Callable[[list], bool]) -> list[int]:
    """The same number of pages as ``counts`` (a greedy split), with items shared out as evenly as fits."""
    pages = len(counts)
    if pages < 2:
        return counts
    base, extra = divmod(len(items), pages)
    sizes = [base + (1 if i < extra else 0) for i in range(pages)]
    start = 0
    for size in sizes:
        if size == 0 or not fits(items[start:start + size]):
            return counts
        start += size
    return sizes


def _balanced(text: str) -> str:
    """Drop markup markers left open by cutting a text short."""
    if text.count("**") % 2:
        text = text.replace("**", "")
    if text.count("`") % 2:
        text = text.replace("`", "")
    return text
