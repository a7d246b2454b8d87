"""Code fences and indented code: code slides in the fence's language, split where they fit.

A code line wider than the panel at the smallest code size is wrapped (the slide says so in a
comment and the notes keep the original lines); long code is split at blank lines where possible.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import liquid
from .blocks import Block, Code
from .draft import Draft
from .strings import clean

if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode

    from .compose import Composer
    from .reader import Reading

TAB = 4
ALIASES = {"": "text", "plain": "text", "plaintext": "text", "txt": "text", "none": "text", "terminal": "console",
           "shell-session": "console", "sh-session": "console", "dockerfile": "docker", "yml": "yaml"}


def read(node: "SyntaxTreeNode", reading: "Reading") -> list[Block]:
    """A code block with its language (the first word of the fence's info string)."""
    info = clean(node.info or "").strip()
    language = info.split()[0].strip("{}.").lower() if info else ""
    code = liquid.strip_raw(clean(node.content))
    return [Code(code, language, reading.line(node), info)]


def lexer_name(language: str) -> tuple[str, bool]:
    """A Pygments lexer name for a fence language ("text" if none), and whether Pygments knows it."""
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound
    for name in (language, ALIASES.get(language)):
        if not name:
            continue
        try:
            get_lexer_by_name(name)
        except ClassNotFound:
            continue
        return name, True
    return "text", language in ALIASES


def _lines(code: str) -> list[str]:
    lines = [line.expandtabs(TAB).rstrip() for line in code.split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return lines


def _wrap(line: str, comp: "Composer") -> list[str]:
    """A code line too wide for the panel, broken into pieces that fit; continuations are indented."""
    fits = comp.fitter.code_line_fits
    if fits(line):
        return [line]
    indent = line[: len(line) - len(line.lstrip())] + "  "
    if not fits(indent + "x" * 20):
        indent = ""
    pieces, rest = [], line
    while not fits(rest):
        lo, hi = 1, len(rest)
        while lo < hi:  # the longest start of the line that fits
            mid = (lo + hi + 1) // 2
            if fits(rest[:mid]):
                lo = mid
            else:
                hi = mid - 1
        space = rest.rfind(" ", 0, lo + 1)
        cut = space if space > lo // 2 and rest[:space].strip() else lo
        pieces.append(rest[:cut].rstrip())
        rest = indent + rest[cut:].lstrip()
        if not rest.strip():
            return pieces
    pieces.append(rest)
    return pieces


def split_points(lines: list[str], per_slide: int) -> list[int]:
    """How many lines go on each slide: about as many on each, cut at a blank line where there is one."""
    counts, start = [], 0
    while start < len(lines):
        left = len(lines) - start
        if left <= per_slide:
            counts.append(left)
            break
        slides = -(-left // per_slide)
        target = -(-left // slides)
        end = start + target
        blanks = [i for i in range(start + max(1, target * 2 // 3), min(start + per_slide, len(lines)))
                  if not lines[i].strip()]
        if blanks:
            end = min(blanks, key=lambda i: abs(i - (start + target)))
        counts.append(end - start)
        start = end
    return counts


def slides(block: Code, title: str, comp: "Composer") -> list[Draft]:
    """Code slides for a code block under the slide title ``title``."""
    lines = _lines(block.code)
    if not lines:
        return []
    language, known = lexer_name(block.language)
    comments, notes = [], []
    if block.language and not known:
        comments.append(f"the fence says '{block.info}', which Pygments does not know; shown as text")
    shown: list[str] = []
    wrapped = False
    for line in lines:
        pieces = _wrap(line, comp)
        wrapped |= len(pieces) > 1
        shown += pieces
    if wrapped:
        comments.append("TODO: long code lines were wrapped to fit; the notes keep them as written")
        notes.append("\n".join(lines))
    if "\t" in block.code:
        comments.append("tabs in the code were turned into spaces")
    counts = split_points(shown, comp.fitter.code_lines())
    titles, full = comp.page_titles(title, len(counts))
    drafts, start = [], 0
    for n, count in enumerate(counts):
        chunk = shown[start:start + count]
        start += count
        while chunk and not chunk[0].strip():
            chunk.pop(0)
        while chunk and not chunk[-1].strip():
            chunk.pop()
        if chunk:
            drafts.append(Draft("code", titles[n], {"language": language, "code": "\n".join(chunk) + "\n"}))
    if drafts:
        drafts[0].notes = notes
        drafts[0].comments = comments
        if full:
            drafts[0].notes.insert(0, f"{comp.words['heading']}: {full}")
    return drafts
