"""Paragraphs: running text becomes speaker notes; an all-bold short line acts as a heading.

A group of slides made only of prose (a wrap-up, an essay-like section) still needs a slide:
its sentences become bullets and the paragraphs stay whole in the notes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .blocks import Block, Heading, Prose, Remark, Style
from .bullets import Entry, bullet_slides
from .strings import flat, sentences

if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode

    from .compose import Composer
    from .draft import Draft
    from .reader import Reading

PSEUDO_HEADING_CHARS = 80
_SENTENCE_STOP = re.compile(r"[.。]\W*$")
ALL_SENTENCES = 6  # a prose-only group with at most this many sentences shows them all


def read(node: "SyntaxTreeNode", reading: "Reading") -> list[Block]:
    """Prose, a pseudo-heading, pictures, remarks for links and Liquid, or a kramdown style line."""
    inline = reading.inline(node)
    line = reading.line(node)
    out: list[Block] = [Remark(f"Liquid left out: {tag}", line) for tag in inline.liquid]
    if inline.text:
        text = flat(inline.text)
        if (not reading.nested and inline.all_bold and len(text) <= PSEUDO_HEADING_CHARS
                and not _SENTENCE_STOP.search(text)):
            out.append(Heading(0, inline.text, line, pseudo=True))
        else:
            out.append(Prose(inline.text, line))
    out += [Remark(f"link: {label} <{href}>", line) for label, href in inline.links]
    if inline.classes:
        out.append(Style(inline.classes, line))
    out += inline.images
    return out


def prose_slides(title: str, paragraphs: list[str], comp: "Composer") -> list["Draft"]:
    """Bullet slides for a group that has only prose: its sentences, the whole text in the notes."""
    split = [sentences(p) or [p] for p in paragraphs]
    every = sum(len(s) for s in split) <= ALL_SENTENCES
    entries = []
    for paragraph, parts in zip(paragraphs, split):
        shown = parts if every else parts[:1]
        entries += [Entry(s, notes=[flat(paragraph)] if i == 0 else []) for i, s in enumerate(shown)]
    drafts = bullet_slides(title, entries, comp)
    if drafts:
        drafts[0].comments.insert(0, "TODO: made from running text; cut the bullets down to key words"
                                  if every else "TODO: made from running text (the first sentence of "
                                  "each paragraph); cut the bullets down to key words")
    return drafts
