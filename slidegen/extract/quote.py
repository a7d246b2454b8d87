"""Block quotes become callouts; their code, tables and pictures become slides after them.

GitHub alerts (``> [!TIP]``) and Chirpy prompts (``{: .prompt-warning }``) choose the callout's
style. A quote too long for one panel is split at sentences over several callouts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .blocks import Block, Heading, ListBlock, Prose, Quote, Remark, Style
from .bullets import lead
from .draft import Draft
from .strings import flat, one_line, sentences

if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode

    from .compose import Composer
    from .reader import Reading

ALERT = re.compile(r"^\[!(?P<kind>NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*", re.I)
ALERT_STYLES = {"note": "info", "tip": "tip", "important": "info", "warning": "warning", "caution": "warning"}
PROMPT_STYLES = {"prompt-info": "info", "prompt-tip": "tip", "prompt-warning": "warning", "prompt-danger": "warning"}


def style_of(classes: list[str], current: str) -> str:
    """The callout style a kramdown class list asks for (``prompt-tip`` -> tip), else ``current``."""
    return next((PROMPT_STYLES[c] for c in classes if c in PROMPT_STYLES), current)


def read(node: "SyntaxTreeNode", reading: "Reading") -> list[Block]:
    """A quote: its text paragraphs (lists flattened), its style, and the blocks nested in it."""
    paragraphs: list[str] = []
    nested: list[Block] = []
    style = "info"
    for block in reading.inside().read(node.children):
        if isinstance(block, (Prose, Heading)):
            paragraphs.append(block.text)
        elif isinstance(block, ListBlock):
            _flatten(block.items, paragraphs, nested)
        elif isinstance(block, Quote):
            paragraphs += block.paragraphs
            nested += block.nested
        elif isinstance(block, Style):
            style = style_of(block.classes, style)
        else:
            nested.append(block)
    if paragraphs:
        alert = ALERT.match(paragraphs[0])
        if alert:
            style = ALERT_STYLES[alert.group("kind").lower()]
            paragraphs[0] = one_line(paragraphs[0][alert.end():])
        paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return nested
    return [Quote(paragraphs, reading.line(node), style, nested)]


def _flatten(items, paragraphs: list[str], nested: list[Block]) -> None:
    for item in items:
        if item.text:
            paragraphs.append(item.text)
        paragraphs += item.extra
        nested += item.blocks
        _flatten(item.children, paragraphs, nested)


def slides(block: Quote, title: str, comp: "Composer") -> list[Draft]:
    """Callouts holding the quote, then slides for what was nested in it."""
    fits = comp.fitter.callout_fits
    texts: list[str] = []
    notes: list[str] = []
    for paragraph in block.paragraphs:
        parts = sentences(paragraph) or [paragraph]
        for part in parts:
            if not fits(part):
                notes.append(flat(part))
                part = lead(part, fits)
            if texts and fits(f"{texts[-1]} {part}"):
                texts[-1] = f"{texts[-1]} {part}"
            else:
                texts.append(part)
    titles, full = comp.page_titles(title, len(texts))
    drafts = [Draft("callout", titles[n], {"style": block.style if block.style != "info" else None, "text": text})
              for n, text in enumerate(texts)]
    if drafts:
        drafts[0].notes = ([f"{comp.words['heading']}: {full}"] if full else []) + notes
        drafts[0].comments = [b.text for b in block.nested if isinstance(b, Remark)]
    for nested in block.nested:
        if not isinstance(nested, Remark):
            drafts += comp.slides_for(nested, title)
    return drafts
