"""Deck for one audience -> slide plan: what each slide says, at what size, split to fit. Pure.

Every text is resolved to the audience's language here, inline markup becomes runs, and
each text box is fitted: the text is measured with the real font's metrics and shrunk from
the theme's start size down to its floor; lists, tables and code that still do not fit are
split into continuation slides (a warning says so). Text that cannot be split and does not
fit at the floor is a content error on that slide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from . import model as m
from .audience import DIVIDER_MINUTES, Cut, texts
from .diagrams.glyphs import undrawable
from .text import Para, Run, block_height, count_lines, inline, plain, widest_line
from .theme import EMU_PER_PT, FIT_WIDTH, LINE_PITCH, Box, Theme, inches, points

Pick = Callable[[m.Text | None], str]

LABELS = {
    "ko": {"agenda": "목차", "continued": "계속", "answer": "정답", "summary": "정리",
           "next": "다음 강의", "thanks": "감사합니다", "minutes": "분", "question": "복습 질문",
           "source": "출처", "slides": "장"},
    "en": {"agenda": "Agenda", "continued": "cont.", "answer": "Answer", "summary": "Summary",
           "next": "Next lecture", "thanks": "Thank you", "minutes": "min", "question": "Review question",
           "source": "Source", "slides": "slides"},
}


def whole_minutes(minutes: float) -> int:
    """Minutes as shown on slides: whole, and at least 1."""
    return max(1, int(minutes + 0.5))


def labels(lang: str) -> dict[str, str]:
    """Fixed words of the slides (agenda, continued, answer, ...) in ``lang`` (English if unknown)."""
    return LABELS.get(lang, LABELS["en"])


@dataclass
class Planned:
    """One slide as it will be drawn: a render kind, resolved text and fitted sizes."""

    kind: str
    path: tuple
    title: str = ""
    notes: str = ""
    minutes: float = 0.0
    section: str = ""
    parts: dict = field(default_factory=dict)
    alt: str = ""
    lang: str = "ko"
    title_size: float = 0.0


@dataclass
class Note:
    """A warning or error found while planning, at a YAML key path."""

    path: tuple
    message: str
    error: bool = False


@dataclass
class Context:
    """What every slide planner needs: language, theme, the deck, and a place for notes."""

    pick: Pick
    lang: str
    theme: Theme
    deck: m.Deck
    section_minutes: list[tuple[str, float]] = field(default_factory=list)
    found: list[Note] = field(default_factory=list)

    @property
    def words(self) -> dict[str, str]:
        return labels(self.lang)

    def warn(self, path: tuple, message: str) -> None:
        self.found.append(Note(path, message))

    def error(self, path: tuple, message: str) -> None:
        self.found.append(Note(path, message, error=True))


# ---- fitting --------------------------------------------------------------------------------

def indents(theme: Theme) -> dict[int, int]:
    """Left indent of each paragraph level, in EMU."""
    return {1: theme.grid.bullet_indent, 2: theme.grid.sub_indent, 3: theme.grid.choice_indent}


def inner(box: Box, theme: Theme) -> Box:
    """The part of a text box that text may fill, after the frame's insets."""
    return box.inset(theme.grid.inset_x, theme.grid.inset_y)


def needed_height(paras: list[Para], box: Box, theme: Theme) -> int:
    """Height in EMU a text box as wide as ``box`` needs for ``paras``, insets included."""
    area = inner(box, theme)
    return block_height(paras, area.w, theme.fonts, indents(theme)) + 2 * theme.grid.inset_y


def fits(paras: list[Para], box: Box, theme: Theme) -> bool:
    """True if ``paras`` fit inside the text box ``box``."""
    area = inner(box, theme)
    return block_height(paras, area.w, theme.fonts, indents(theme)) <= area.h


def shrink(paras: list[Para], box: Box, theme: Theme, start: float, floor: float,
           sub_ratio: float = 20 / 24) -> list[Para] | None:
    """``paras`` at the largest size from ``start`` down to ``floor`` that fits, or None.

    Level-2 paragraphs are set ``sub_ratio`` times the body size, never under ``floor``.
    """
    size = start
    while size >= floor:
        sized = [p.resized(max(floor, round(size * sub_ratio))) if p.level == 2 else p.resized(size)
                 for p in paras]
        if fits(sized, box, theme):
            return sized
        size -= 1
    return None


def pack(groups: list[list[Para]], box: Box, theme: Theme, size: float, floor: float) -> list[list[Para]]:
    """Greedily pack groups of paragraphs (a bullet with its subs) onto as few boxes as fit."""
    pages: list[list[Para]] = [[]]
    for group in groups:
        trial = pages[-1] + group
        if pages[-1] and shrink(trial, box, theme, size, floor) is None:
            pages.append(list(group))
        else:
            pages[-1] = trial
    return [shrink(page, box, theme, size, floor) or page for page in pages]


def number_mark(index: int) -> str:
    """The mark of the ``index``-th (from 0) numbered item: ① to ⑳, then '21.'."""
    return chr(0x2460 + index) if index < 20 else f"{index + 1}."


def bullet_groups(items: list[m.Bullet], ctx: Context, size: float, sub: float,
                  numbered: bool = False) -> list[list[Para]]:
    """Each bullet with its sub-bullets, as paragraphs; numbered items hang from ①, ②, ..."""
    groups = []
    for i, item in enumerate(items):
        mark = {"level": 3, "bullet": number_mark(i)} if numbered else {"level": 1}
        group = [Para(inline(ctx.pick(item.text)), size, space_before=ctx.theme.grid.paragraph_space, **mark)]
        group += [Para(inline(ctx.pick(s)), sub, level=2, space_before=0.15) for s in item.sub]
        groups.append(group)
    return groups


def title_fits(title: str, ctx: Context) -> float | None:
    """The largest title size that fits the title box on one or two lines, or None."""
    sizes = ctx.theme.sizes
    size = sizes.title
    while size >= sizes.title_min:
        if fits([Para(inline(title), size, bold=True)], ctx.theme.grid.title, ctx.theme):
            return size
        size -= 1
    return None


def continued(title: str, n: int, ctx: Context) -> str:
    """The title of the ``n``-th continuation slide (n = 0 is the first slide)."""
    return title if n == 0 else f"{title} ({ctx.words['continued']})"


def paged(slide: m.SlideBase, ctx: Context, path: tuple, kind: str, pages: list, **common) -> list[Planned]:
    """One planned slide per page, continuation titles marked, a warning when it split."""
    title = ctx.pick(slide.title)
    if len(pages) > 1:
        ctx.warn(path, f"too much for one slide: split into {len(pages)} slides")
    out = []
    for n, page in enumerate(pages):
        out.append(base(slide, ctx, path, kind, title=continued(title, n, ctx), **common))
        out[-1].parts.update(page)
    return out


def base(slide: m.SlideBase, ctx: Context, path: tuple, kind: str, **values) -> Planned:
    """A planned slide with the fields every kind shares."""
    planned = Planned(kind=kind, path=path, notes=ctx.pick(slide.notes), lang=ctx.lang)
    for key, value in values.items():
        setattr(planned, key, value)
    if planned.title:
        planned.title_size = title_fits(planned.title, ctx) or ctx.theme.sizes.title_min
        if title_fits(planned.title, ctx) is None:
            ctx.error(path + ("title",), "title is too long for the title area; shorten it")
    return planned


# ---- slide planners ---------------------------------------------------------------------------

def plan_title(slide: m.TitleSlide, ctx: Context, path: tuple) -> list[Planned]:
    deck = ctx.deck
    meta = " · ".join(x for x in (ctx.pick(deck.author), deck.date.isoformat() if deck.date else "") if x)
    planned = base(slide, ctx, path, "title", title="")
    planned.parts = {"title": ctx.pick(slide.title or deck.title),
                     "subtitle": ctx.pick(slide.subtitle or deck.subtitle), "meta": meta}
    return [planned]


AGENDA_ROWS = 6  # sections per agenda column
AGENDA_COLUMNS = 2  # columns per agenda slide; more sections continue on another slide


def plan_agenda(slide: m.AgendaSlide, ctx: Context, path: tuple) -> list[Planned]:
    """Rows of number, section title and minutes, sized so that every row keeps to one line."""
    theme, sizes, grid = ctx.theme, ctx.theme.sizes, ctx.theme.grid
    unit = ctx.words["minutes"]
    rows = [(f"{i:02d}", title, f"{whole_minutes(minutes)} {unit}")
            for i, (title, minutes) in enumerate(ctx.section_minutes, 1)]
    per_slide = AGENDA_ROWS * AGENDA_COLUMNS
    chunks = [rows[i:i + per_slide] for i in range(0, len(rows), per_slide)] or [[]]
    columns = 2 if len(rows) > AGENDA_ROWS else 1
    column = grid.body.columns(columns, grid.gap)[0]
    row_h = min(inches(0.75), grid.body.h // max(1, min(len(rows), AGENDA_ROWS)))
    pad = 2 * grid.inset_x + inches(0.1)
    size = sizes.body
    while True:
        number_w = round(widest_line("00", size, theme.fonts, bold=True) / FIT_WIDTH) + pad
        minutes_w = round(max([widest_line(r[2], size, theme.fonts) for r in rows] or [0]) / FIT_WIDTH) + pad
        title_w = column.w - number_w - minutes_w
        one_line = all(count_lines(Para(inline(r[1]), size), title_w - 2 * grid.inset_x, theme.fonts) == 1
                       for r in rows)
        tall_enough = size * LINE_PITCH * EMU_PER_PT + 2 * grid.inset_y <= row_h
        if (one_line and tall_enough) or size <= sizes.body_min:
            break
        size -= 1
    if not (one_line and tall_enough):
        ctx.error(path, "the agenda's section titles do not fit; shorten the longest section title")
    if slide.title is None:
        slide = slide.model_copy(update={"title": m.Text.of(ctx.words["agenda"])})
    common = {"size": size, "row_height": row_h, "widths": (number_w, title_w, minutes_w), "columns": columns}
    return paged(slide, ctx, path, "agenda", [{"rows": chunk, **common} for chunk in chunks])


def plan_bullets(slide: m.BulletsSlide | m.SummarySlide, ctx: Context, path: tuple) -> list[Planned]:
    sizes, theme = ctx.theme.sizes, ctx.theme
    items = slide.bullets if isinstance(slide, m.BulletsSlide) else slide.points
    groups = bullet_groups(items, ctx, sizes.body, sizes.sub, getattr(slide, "numbered", False))
    box = theme.grid.body
    whole = shrink([p for g in groups for p in g], box, theme, sizes.body, sizes.body_min)
    pages = [whole] if whole else pack(groups, box, theme, sizes.body, sizes.body_min)
    kind = "bullets" if isinstance(slide, m.BulletsSlide) else "summary"
    if kind == "summary" and slide.title is None:
        slide = slide.model_copy(update={"title": m.Text.of(ctx.words["summary"])})
    return paged(slide, ctx, path, kind, [{"paras": page, "height": needed_height(page, box, theme)}
                                          for page in pages])


def plan_two_column(slide: m.TwoColumnSlide, ctx: Context, path: tuple) -> list[Planned]:
    sizes, theme = ctx.theme.sizes, ctx.theme
    left, right = column_boxes(theme)
    columns = []
    for key, column, box in (("left", slide.left, left), ("right", slide.right, right)):
        paras = [p for g in bullet_groups(column.bullets, ctx, sizes.body, sizes.sub) for p in g]
        fitted = shrink(paras, box, theme, sizes.body - 2, sizes.body_min)
        if fitted is None:
            ctx.error(path + (key,), f"too much text for one column even at {sizes.body_min:g} pt; "
                                     "shorten it or use a bullets slide")
            fitted = paras
        columns.append({"heading": ctx.pick(column.heading), "paras": fitted})
    size = min(p.size for c in columns for p in c["paras"] if p.level == 1)
    for c in columns:  # both columns at one size, so they read as a pair
        c["paras"] = [p.resized(size) if p.level == 1 else p for p in c["paras"]]
    planned = base(slide, ctx, path, "two_column", title=ctx.pick(slide.title))
    height = max(needed_height(c["paras"], box, theme) for c, box in zip(columns, (left, right)))
    planned.parts = {"left": columns[0], "right": columns[1], "style": slide.style, "height": height}
    return [planned]


def column_boxes(theme: Theme) -> tuple[Box, Box]:
    """The text areas under the two column headings (the arrow or 'vs' sits in the gap)."""
    grid = theme.grid
    _, below = grid.body.split_top(heading_height(theme), grid.gap / 3)
    left, right = below.columns(2, grid.gap * 3)
    return left, right


def heading_height(theme: Theme) -> int:
    """Height of a column or card heading band."""
    return round(theme.sizes.card_title * LINE_PITCH * EMU_PER_PT * 2.0)


def plan_cards(slide: m.CardsSlide, ctx: Context, path: tuple) -> list[Planned]:
    sizes, theme = ctx.theme.sizes, ctx.theme
    boxes = card_boxes(theme, len(slide.cards))
    cards = []
    for i, (card, box) in enumerate(zip(slide.cards, boxes)):
        paras = [Para(inline(ctx.pick(card.body)), sizes.card_body)]
        fitted = shrink(paras, box, theme, sizes.card_body, sizes.card_min)
        if fitted is None:
            ctx.error(path + ("cards", i, "body"), "too much text for a card; shorten it")
            fitted = paras
        title_para = Para(inline(ctx.pick(card.title)), sizes.card_title, bold=True)
        if count_lines(title_para, inner(box, theme).w, theme.fonts) > 2:
            ctx.error(path + ("cards", i, "title"), "card title is too long; shorten it")
        cards.append({"title": ctx.pick(card.title), "paras": fitted, "code": ctx.pick(card.code)})
    size = min(c["paras"][0].size for c in cards)
    for c in cards:
        c["paras"] = [p.resized(size) for p in c["paras"]]
    height = max(needed_height(c["paras"], box, theme) for c, box in zip(cards, boxes))
    planned = base(slide, ctx, path, "cards", title=ctx.pick(slide.title))
    planned.parts = {"cards": cards, "height": height}
    return [planned]


def card_command_band(theme: Theme) -> int:
    """Height kept at the foot of a card for its command."""
    return round(theme.sizes.code * LINE_PITCH * EMU_PER_PT * 2.2)


def card_boxes(theme: Theme, n: int) -> list[Box]:
    """The body text area of each of ``n`` cards (heading band and command line excluded)."""
    grid = theme.grid
    out = []
    for col in grid.body.columns(n, grid.gap):
        _, rest = col.split_top(heading_height(theme), grid.panel_pad)
        out.append(Box(rest.x + grid.inset_x, rest.y, rest.w - 2 * grid.inset_x, rest.h - card_command_band(theme)))
    return out


def plan_quote(slide: m.QuoteSlide, ctx: Context, path: tuple) -> list[Planned]:
    sizes, theme = ctx.theme.sizes, ctx.theme
    box = quote_box(theme)
    paras = shrink([Para(inline(ctx.pick(slide.text)), sizes.quote, align="center")],
                   box, theme, sizes.quote, sizes.quote_min)
    if paras is None:
        ctx.error(path + ("text",), "quote is too long for one slide; shorten it")
        paras = [Para(inline(ctx.pick(slide.text)), sizes.quote_min)]
    planned = base(slide, ctx, path, "quote", title=ctx.pick(slide.title))
    planned.parts = {"paras": paras, "attribution": ctx.pick(slide.attribution)}
    return [planned]


def quote_box(theme: Theme) -> Box:
    """Where a quotation's text goes."""
    body = theme.grid.body
    return Box(body.x + body.w // 10, body.y + body.h // 8, body.w * 8 // 10, body.h * 9 // 16)


def plan_callout(slide: m.CalloutSlide, ctx: Context, path: tuple) -> list[Planned]:
    sizes, theme = ctx.theme.sizes, ctx.theme
    box = callout_box(theme)
    paras = [Para(inline(ctx.pick(slide.text)), sizes.quote)]
    fitted = shrink(paras, box, theme, sizes.quote, sizes.body_min)
    if fitted is None:
        ctx.error(path + ("text",), "callout text is too long for one slide; shorten it")
        fitted = paras
    planned = base(slide, ctx, path, "callout", title=ctx.pick(slide.title))
    planned.parts = {"paras": fitted, "style": slide.style}
    return [planned]


def callout_box(theme: Theme) -> Box:
    """The text area inside a callout's coloured panel."""
    body = theme.grid.body
    return Box(body.x + theme.grid.gap * 2, body.y + body.h // 6, body.w - theme.grid.gap * 3, body.h * 2 // 3)


def plan_code(slide: m.CodeSlide, ctx: Context, path: tuple) -> list[Planned]:
    sizes, theme = ctx.theme.sizes, ctx.theme
    lines = ctx.pick(slide.code).rstrip("\n").split("\n")
    caption = ctx.pick(slide.caption)
    box = code_box(theme, bool(caption))
    area = inner(box.inset(0, theme.grid.panel_pad), theme)

    def fitting_size(chunk: list[str]) -> float | None:
        size = sizes.code
        while size >= sizes.code_min:
            paras = [Para((Run(line or " ", mono=True),), size) for line in chunk]
            if block_height(paras, area.w, theme.fonts, {}) <= area.h and all(
                    count_lines(p, area.w, theme.fonts) == 1 for p in paras):
                return size
            size -= 1
        return None

    pages, start = [], 0
    while start < len(lines):
        end = len(lines)
        while end > start + 1 and fitting_size(lines[start:end]) is None:
            end -= 1
        size = fitting_size(lines[start:end])
        if size is None:
            ctx.error(path + ("code",), f"line {start + 1} of the code is too long for the slide "
                                        f"even at {sizes.code_min:g} pt; break it")
            size = sizes.code_min
        chunk = [Para((Run(line or " ", mono=True),), size) for line in lines[start:end]]
        pages.append({"lines": lines[start:end], "size": size, "language": slide.language,
                      "caption": caption, "first_line": start + 1,
                      "height": block_height(chunk, area.w, theme.fonts, {}) + 2 * theme.grid.inset_y})
        start = end
    return paged(slide, ctx, path, "code", pages)


def code_box(theme: Theme, caption: bool) -> Box:
    """The code panel, leaving room for a caption line below when there is one."""
    body = theme.grid.body
    if not caption:
        return body
    return Box(body.x, body.y, body.w, body.h - round(theme.sizes.caption * LINE_PITCH * 2 * EMU_PER_PT))


def plan_table(slide: m.TableSlide, ctx: Context, path: tuple) -> list[Planned]:
    sizes, theme = ctx.theme.sizes, ctx.theme
    header = [ctx.pick(c) for c in slide.columns]
    rows = [[ctx.pick(c) for c in row] for row in slide.rows]
    caption = ctx.pick(slide.caption)
    box = code_box(theme, bool(caption))
    widths = column_widths(header, rows, box.w, sizes.body_min, theme)

    def height(chunk: list[list[str]], size: float) -> int:
        """Height of the header and ``chunk`` at ``size``; huge when a word would break inside a cell."""
        total = 0
        for row in [header] + chunk:
            for cell, w in zip(row, widths):
                words = plain(cell).split() or [""]
                if max(widest_line(word, size, theme.fonts, bold=row is header) for word in words) > \
                        (w - 2 * theme.grid.inset_x) * FIT_WIDTH:
                    return 10 ** 12
            lines = max(count_lines(Para(inline(cell), size, bold=row is header), w - 2 * theme.grid.inset_x,
                                    theme.fonts) for cell, w in zip(row, widths))
            total += round(lines * size * LINE_PITCH * EMU_PER_PT) + 2 * theme.grid.inset_y + points(6)
        return total

    def size_for(chunk):
        size = sizes.body - 2
        while size >= sizes.body_min:
            if height(chunk, size) <= box.h:
                return size
            size -= 1
        return None

    pages, start = [], 0
    while start < len(rows):
        end = len(rows)
        while end > start + 1 and size_for(rows[start:end]) is None:
            end -= 1
        size = size_for(rows[start:end])
        if size is None:
            ctx.error(path + ("rows", start), "this table row does not fit on a slide (a cell is too long, "
                                              "or a word too wide for its column); shorten its cells")
            size = sizes.body_min
        pages.append({"columns": header, "rows": rows[start:end], "size": size, "widths": widths,
                      "caption": caption})
        start = end
    return paged(slide, ctx, path, "table", pages)


def column_widths(header: list[str], rows: list[list[str]], total: int, size: float, theme: Theme) -> list[int]:
    """Column widths in EMU, shared out by the longest text of each column (at least a fair minimum)."""
    want = []
    for i, head in enumerate(header):
        texts = [head] + [row[i] for row in rows]
        want.append(max(widest_line(plain(t), size, theme.fonts) for t in texts) + 2 * theme.grid.inset_x)
    floor = total // (len(header) * 2)
    want = [max(w, floor) for w in want]
    scale = total / sum(want)
    widths = [round(w * scale) for w in want]
    widths[-1] = total - sum(widths[:-1])
    return widths


def plan_image(slide: m.ImageSlide, ctx: Context, path: tuple) -> list[Planned]:
    planned = base(slide, ctx, path, "image", title=ctx.pick(slide.title), alt=ctx.pick(slide.alt))
    planned.parts = {"path": slide.path, "caption": ctx.pick(slide.caption)}
    return [planned]


def plan_diagram(slide: m.DiagramSlide, ctx: Context, path: tuple) -> list[Planned]:
    planned = base(slide, ctx, path, "diagram", title=ctx.pick(slide.title),
                   alt=ctx.pick(slide.alt) if slide.alt else "")
    source = slide.diagram.source if isinstance(slide.diagram, m.BarsDiagram) else None
    caption = ctx.pick(slide.caption)
    if source is not None:
        cited = f"{ctx.words['source']}: {ctx.pick(source)}"
        caption = f"{caption} · {cited}" if caption else cited
    planned.parts = {"spec": slide.diagram, "caption": caption}
    for where, text in texts(slide.diagram, path + ("diagram",), None):
        missing = undrawable(ctx.pick(text), ctx.theme)
        if missing:
            shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing)
            ctx.error(where, f"the diagram fonts cannot draw {shown}; use other characters")
    return [planned]


def plan_question(slide: m.QuestionSlide, ctx: Context, path: tuple) -> list[Planned]:
    sizes, theme = ctx.theme.sizes, ctx.theme
    paras = [Para(inline(ctx.pick(slide.question)), sizes.quote, bold=True)]
    paras += [Para(inline(ctx.pick(c)), sizes.body, level=3, space_before=0.5, bullet=number_mark(i))
              for i, c in enumerate(slide.choices)]
    fitted = shrink(paras, question_box(theme), theme, sizes.quote, sizes.body_min, sub_ratio=1)
    if fitted is None:
        ctx.error(path + ("question",), "question and choices do not fit on one slide; shorten them")
        fitted = paras
    notes = ctx.pick(slide.notes)
    answer = f"{ctx.words['answer']}: {ctx.pick(slide.answer)}"
    planned = base(slide, ctx, path, "question", title=ctx.pick(slide.title) or ctx.words["question"],
                   notes=f"{answer}\n\n{notes}" if notes else answer)
    planned.parts = {"paras": fitted}
    return [planned]


def question_box(theme: Theme) -> Box:
    """The question's text area, right of its badge."""
    body = theme.grid.body
    return Box(body.x + inches(1.4), body.y, body.w - inches(1.4), body.h)


def closing_boxes(theme: Theme) -> tuple[Box, Box, Box]:
    """The closing slide's title, message and next-lecture panel."""
    grid = theme.grid
    if theme.template is not None:
        title = grid.title
    else:
        title = Box(grid.margin, inches(0.6), grid.width - 2 * grid.margin, inches(1.2))
    message = Box(title.x, title.y + title.h + inches(0.05), title.w, inches(0.7))
    top = message.y + message.h + inches(0.4)
    panel = Box(grid.margin, top, grid.width - 2 * grid.margin, grid.footer.y - inches(0.2) - top)
    return title, message, panel


def plan_closing(slide: m.ClosingSlide, ctx: Context, path: tuple) -> list[Planned]:
    sizes, theme = ctx.theme.sizes, ctx.theme
    planned = base(slide, ctx, path, "closing", title=ctx.pick(slide.title) or ctx.words["thanks"])
    paras: list[Para] = []
    if slide.next is not None:
        paras = [Para(inline(ctx.words["next"]), sizes.caption + 4, bold=True, color=theme.palette.accent),
                 Para(inline(ctx.pick(slide.next.title)), sizes.body + 4, bold=True, space_before=0.2)]
        paras += [Para(inline(ctx.pick(t)), sizes.body, level=1, space_before=0.3) for t in slide.next.topics]
        panel = closing_boxes(theme)[2].inset(inches(0.3), inches(0.2))
        if not fits(paras, panel, theme):
            fitted = shrink(paras[1:], panel.inset(0, 0)._replace(h=panel.h - round(
                (sizes.caption + 4) * LINE_PITCH * EMU_PER_PT)), theme, sizes.body, sizes.body_min)
            if fitted is None:
                ctx.error(path + ("next",), "the next lecture's topics do not fit on the closing slide; "
                                            "shorten them")
            else:
                paras = paras[:1] + fitted
    planned.parts = {"message": ctx.pick(slide.message), "next": paras}
    return [planned]


PLANNERS: dict[type, Callable[..., list[Planned]]] = {
    m.TitleSlide: plan_title,
    m.AgendaSlide: plan_agenda,
    m.BulletsSlide: plan_bullets,
    m.SummarySlide: plan_bullets,
    m.TwoColumnSlide: plan_two_column,
    m.CardsSlide: plan_cards,
    m.QuoteSlide: plan_quote,
    m.CalloutSlide: plan_callout,
    m.CodeSlide: plan_code,
    m.TableSlide: plan_table,
    m.ImageSlide: plan_image,
    m.DiagramSlide: plan_diagram,
    m.QuestionSlide: plan_question,
    m.ClosingSlide: plan_closing,
}


def plan_deck(cut: Cut, theme: Theme) -> tuple[list[Planned], list[Note]]:
    """Plan every slide of the deck as one audience sees it; returns the slides and what was found."""
    ctx = Context(cut.pick, cut.lang, theme, cut.deck,
                  [(cut.pick(s.section.title), s.minutes) for s in cut.sections])
    slides: list[Planned] = []
    for number, chosen in enumerate(cut.sections, 1):
        title = cut.pick(chosen.section.title)
        if chosen.divider:
            slides.append(Planned(kind="section", path=chosen.path, title=title, section=title, lang=cut.lang,
                                  minutes=DIVIDER_MINUTES,
                                  parts={"number": f"{number:02d}",
                                         "subtitle": f"{whole_minutes(chosen.minutes)} {ctx.words['minutes']}"}))
        for item in chosen.slides:
            produced = PLANNERS[type(item.slide)](item.slide, ctx, item.path)
            for planned in produced:  # a split slide shares its minutes among its parts
                planned.section = title
                planned.minutes = item.minutes / len(produced)
            slides.extend(produced)
    return slides, ctx.found
