"""Headings: ``#`` .. ``######`` and setext headings become section and slide titles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .blocks import Block, Heading, Remark

if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode

    from .reader import Reading


def read(node: "SyntaxTreeNode", reading: "Reading") -> list[Block]:
    """A heading block (inside a list or quote a heading is only a line of text, made bold)."""
    inline = reading.inline(node)
    line = reading.line(node)
    out: list[Block] = [Remark(f"Liquid left out: {tag}", line) for tag in inline.liquid]
    level = int(node.tag[1]) if node.tag[1:].isdigit() else 6
    if inline.text:
        out.append(Heading(level, inline.text, line, pseudo=reading.nested))
    out += inline.images
    return out
