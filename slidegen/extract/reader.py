"""Markdown text -> blocks: markdown-it-py parses, one rule per construct reads its nodes.

``READERS`` maps a node type of markdown-it's syntax tree to the rule that reads it; every rule
has the signature ``read(node, reading) -> list[Block]``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from . import code, heading, html, lists, paragraph, quote, table
from .blocks import Block, Quote, Style
from .inline import Inline, render_inline


@dataclass(frozen=True)
class Reading:
    """Where the reader is: the line offset of the body in the file, and whether inside a list or quote."""

    offset: int = 0
    nested: bool = False

    def line(self, node: SyntaxTreeNode) -> int:
        """The 1-based line of ``node`` in the post file."""
        return (node.map[0] if node.map else 0) + self.offset + 1

    def inside(self) -> "Reading":
        """The same reading, nested inside a list item or quote."""
        return replace(self, nested=True)

    def read(self, nodes) -> list[Block]:
        """The blocks of a run of sibling nodes."""
        return read_nodes(nodes, self)

    def inline(self, node: SyntaxTreeNode) -> Inline:
        """The slide markup of a node holding one ``inline`` child (paragraph, heading, table cell)."""
        child = node.children[0] if node.children else None
        tokens = child.token.children if child is not None and child.token is not None else []
        return render_inline(tokens, self.line(node))


def _html_block(node: SyntaxTreeNode, reading: Reading) -> list[Block]:
    return html.read_html(node.content, reading.line(node))


def _nothing(node: SyntaxTreeNode, reading: Reading) -> list[Block]:
    return []


READERS: dict[str, Callable[[SyntaxTreeNode, Reading], list[Block]]] = {
    "heading": heading.read,
    "paragraph": paragraph.read,
    "bullet_list": lists.read,
    "ordered_list": lists.read,
    "fence": code.read,
    "code_block": code.read,
    "blockquote": quote.read,
    "table": table.read,
    "html_block": _html_block,
    "hr": _nothing,
}


def read_nodes(nodes, reading: Reading) -> list[Block]:
    """Blocks of sibling nodes; a kramdown attribute line styles the quote before it."""
    out: list[Block] = []
    for node in nodes:
        rule = READERS.get(node.type)
        found = rule(node, reading) if rule else read_nodes(node.children, reading)
        for block in found:
            if isinstance(block, Style) and out and isinstance(out[-1], Quote):
                out[-1].style = quote.style_of(block.classes, out[-1].style)
                continue
            out.append(block)
    return out


def parser() -> MarkdownIt:
    """CommonMark with tables."""
    return MarkdownIt("commonmark").enable("table")


def read_post(body: str, offset: int) -> list[Block]:
    """The blocks of a post body whose first line is line ``offset + 1`` of the file."""
    tree = SyntaxTreeNode(parser().parse(body))
    return read_nodes(tree.children, Reading(offset))
