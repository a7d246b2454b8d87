"""What the reader makes of a post: a flat list of blocks, each with the post line it starts on.

Texts are slide markup: ``**bold**`` and `` `code` `` as in the deck YAML, everything else plain.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass
class Heading:
    """A heading, or a paragraph that is all bold (``pseudo``) and acts as one."""

    level: int
    text: str
    line: int
    pseudo: bool = False


@dataclass
class Prose:
    """A paragraph of running text: it goes to the speaker notes of the slide it explains."""

    text: str
    line: int


@dataclass
class Item:
    """A list item: its text, nested items, nested blocks (code, quotes, ...) and further paragraphs."""

    text: str
    line: int
    children: list["Item"] = field(default_factory=list)
    blocks: list["Block"] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)


@dataclass
class ListBlock:
    """A bulleted or numbered list."""

    items: list[Item]
    line: int


@dataclass
class Code:
    """A code fence or indented code block."""

    code: str
    language: str
    line: int
    info: str = ""


@dataclass
class Quote:
    """A block quote: its paragraphs, a callout style, and blocks nested in it."""

    paragraphs: list[str]
    line: int
    style: str = "info"
    nested: list["Block"] = field(default_factory=list)


@dataclass
class Table:
    """A table: header cells and rows of cells."""

    header: list[str]
    rows: list[list[str]]
    line: int


@dataclass
class Image:
    """A picture: where it is and what it shows."""

    src: str
    alt: str
    line: int


@dataclass
class Remark:
    """Something the teacher should look at, written as a YAML comment on the next slide."""

    text: str
    line: int


@dataclass
class Style:
    """A kramdown attribute line such as ``{: .prompt-tip }``; it styles the quote before it."""

    classes: list[str]
    line: int


Block = Union[Heading, Prose, ListBlock, Code, Quote, Table, Image, Remark, Style]
