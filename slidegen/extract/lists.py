"""Lists: two levels become bullets and sub-bullets, deeper levels go to the notes.

Code, quotes, tables and pictures inside an item become their own slides right after the bullet
slide that shows the item. A list of exactly two items compared under a "vs" heading becomes a
two-column slide when both columns fit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .blocks import Block, Heading, Item, ListBlock, Prose, Quote, Remark, Style
from .bullets import Entry, bullet_slides
from .draft import Draft, shorten
from .strings import flat, strip_bold

if TYPE_CHECKING:
    from markdown_it.tree import SyntaxTreeNode

    from .compose import Composer
    from .reader import Reading

VERSUS = re.compile(r"\bvs\b\.?|\bversus\b|\s대\s|비교", re.I)
LISTS = ("bullet_list", "ordered_list")


def read(node: "SyntaxTreeNode", reading: "Reading") -> list[Block]:
    """A list block with its items read recursively."""
    return [ListBlock([_item(child, node, reading) for child in node.children], reading.line(node))]


def _item(node: "SyntaxTreeNode", parent: "SyntaxTreeNode", reading: "Reading") -> Item:
    from . import quote
    item = Item("", reading.line(node))
    number = f"{node.info}{node.markup} " if parent.type == "ordered_list" and node.info else ""
    inner = reading.inside()
    for position, child in enumerate(node.children):
        if child.type in LISTS:
            item.children += [_item(c, child, inner) for c in child.children]
            continue
        if child.type == "paragraph":
            text_inline = inner.inline(child)
            if position == 0 and text_inline.text:
                item.text = number + text_inline.text
            elif text_inline.text:
                item.extra.append(text_inline.text)
            item.blocks += [Remark(f"Liquid left out: {t}", item.line) for t in text_inline.liquid]
            item.blocks += [Remark(f"link: {label} <{href}>", item.line) for label, href in text_inline.links]
            item.blocks += text_inline.images
            if text_inline.classes and item.blocks and isinstance(item.blocks[-1], Quote):
                item.blocks[-1].style = quote.style_of(text_inline.classes, item.blocks[-1].style)
            continue
        for block in inner.read([child]):
            if isinstance(block, (Prose, Heading)):
                if position == 0 and not item.text:
                    item.text = number + block.text
                else:
                    item.extra.append(block.text)
            elif isinstance(block, ListBlock):
                item.children += block.items
            elif isinstance(block, Style):
                if item.blocks and isinstance(item.blocks[-1], Quote):
                    item.blocks[-1].style = quote.style_of(block.classes, item.blocks[-1].style)
            else:
                item.blocks.append(block)
    return item


def _fold(item: Item, depth: int, notes: list[str], nested: list[Block]) -> None:
    """An item below the second level, as an indented line of the notes; its blocks still get slides."""
    if item.text:
        notes.append("  " * depth + "- " + flat(item.text))
    notes += ["  " * depth + "  " + flat(x) for x in item.extra]
    nested += item.blocks
    for child in item.children:
        _fold(child, depth + 1, notes, nested)


def entry_of(item: Item) -> Entry:
    """A top-level item as a bullet entry: sub-items become sub-bullets, deeper ones notes."""
    entry = Entry(item.text, label=item.text)
    entry.notes += [flat(x) for x in item.extra]
    entry.nested += item.blocks
    for child in item.children:
        if child.text:
            entry.subs.append(child.text)
        entry.notes += [flat(x) for x in child.extra]
        entry.nested += child.blocks
        deep: list[str] = []
        for grandchild in child.children:
            _fold(grandchild, 0, deep, entry.nested)
        if deep:
            entry.notes.append(f"{flat(child.text)}\n" + "\n".join(deep) if child.text else "\n".join(deep))
    entry.comments += [b.text for b in entry.nested if isinstance(b, Remark)]
    entry.nested = [b for b in entry.nested if not isinstance(b, Remark)]
    if not entry.text and entry.subs:  # an item holding only a nested list: its items move up
        entry.text, entry.subs = entry.subs[0], entry.subs[1:]
    return entry


def slides(block: ListBlock, title: str, comp: "Composer") -> list[Draft]:
    """Bullet slides (or one two-column slide) for a list under the slide title ``title``."""
    entries = [entry_of(item) for item in block.items]
    versus = _two_columns(block, title, entries, comp)
    if versus is not None:
        return versus
    return bullet_slides(title, entries, comp)


def _two_columns(block: ListBlock, title: str, entries: list[Entry], comp: "Composer") -> list[Draft] | None:
    """A two-column comparison, if the list compares two things and both columns fit."""
    items = block.items
    if len(items) != 2 or not all(i.text and i.children and all(c.text for c in i.children) for i in items):
        return None
    if not VERSUS.search(flat(title)) and not any(VERSUS.search(flat(i.text)) for i in items):
        return None
    columns, notes = [], []
    for item, entry in zip(items, entries):
        heading = strip_bold(item.text).rstrip(":").strip() or "-"
        short = shorten(heading, comp.fitter.column_heading_fits)
        if short != heading:
            notes.append(flat(heading))
        bullets = [(c.text, [g.text for g in c.children if g.text]) for c in item.children if c.text]
        if not bullets:
            return None
        columns.append((short, bullets))
        for child in item.children:
            notes += [flat(x) for x in child.extra]
            for grandchild in child.children:
                notes += [flat(x) for x in grandchild.extra]
                deep: list[str] = []
                for great in grandchild.children:
                    _fold(great, 0, deep, [])
                if deep:
                    notes.append(f"{flat(grandchild.text)}\n" + "\n".join(deep))
        notes += [flat(x) for x in item.extra]
    if not comp.fitter.columns_fit(columns[0][1], columns[1][1]):
        return None
    titles, full = comp.page_titles(title, 1)
    fields = {side: {"heading": heading, "bullets": [{"text": t, "sub": s} if s else t for t, s in bullets]}
              for side, (heading, bullets) in zip(("left", "right"), columns)}
    draft = Draft("two_column", titles[0], fields, notes=notes,
                  comments=[c for e in entries for c in e.comments])
    if full:
        draft.notes.insert(0, f"{comp.words['heading']}: {full}")
    out = [draft]
    for entry in entries:
        for nested in entry.nested:
            out += comp.slides_for(nested, entry.label or title)
    return out

