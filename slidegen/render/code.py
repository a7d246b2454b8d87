"""Source code as real text, coloured by Pygments token type."""

from ..text import Para, Run, language_of
from ..theme import Box, inches
from .base import Page, chrome, line_of, rect, set_title, text_box


def colour_of(token_type, palette) -> str | None:
    """The palette colour of a Pygments token type (None: the code text colour)."""
    from pygments import token as t
    for kind, colour in ((t.Comment, palette.code_comment), (t.String, palette.code_string),
                         (t.Keyword, palette.code_keyword), (t.Number, palette.code_number),
                         (t.Name.Builtin, palette.code_name), (t.Name.Function, palette.code_name),
                         (t.Name.Variable, palette.code_number), (t.Operator.Word, palette.code_keyword)):
        if token_type in kind:
            return colour
    return None


def highlight(lines: list[str], language: str, palette) -> list[list[Run]]:
    """Each line of code as coloured runs."""
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound
    try:
        lexer = get_lexer_by_name(language, stripnl=False, ensurenl=False)
    except ClassNotFound:
        lexer = get_lexer_by_name("text", stripnl=False, ensurenl=False)
    out: list[list[Run]] = [[]]
    for token_type, value in lexer.get_tokens("\n".join(lines)):
        colour = colour_of(token_type, palette)
        for i, piece in enumerate(value.split("\n")):
            if i:
                out.append([])
            if piece:
                out[-1].append(Run(piece, mono=True, color=colour,
                                   bold=token_type in _keyword() and language_of(piece) == "en-US"))
    return [line or [Run(" ", mono=True)] for line in out]


def _keyword():
    from pygments import token
    return token.Keyword


def render_code(page: Page) -> None:
    """Draw the code panel, the coloured lines and the caption."""
    from ..plan import code_box
    theme, pal, sizes = page.theme, page.theme.palette, page.theme.sizes
    parts = page.plan.parts
    chrome(page)
    set_title(page, page.plan.title)
    area = code_box(theme, bool(parts["caption"]))
    pad = theme.grid.panel_pad
    box = Box(area.x, area.y, area.w, min(area.h, parts["height"] + 2 * pad))
    rect(page, box, pal.code_background, name="Code panel", line=pal.rule)
    rect(page, Box(box.x, box.y, inches(0.08), box.h), pal.accent, name="Code edge")
    paras = [Para(tuple(runs), parts["size"]) for runs in highlight(parts["lines"], parts["language"], pal)]
    text_box(page, Box(box.x, box.y + pad, box.w, box.h - 2 * pad), paras, color=pal.code_text, name="Code")
    if parts["caption"]:
        below = Box(box.x, box.y + box.h + inches(0.05), box.w, inches(0.5))
        text_box(page, below, line_of(parts["caption"], sizes.caption), color=pal.muted, name="Caption")
