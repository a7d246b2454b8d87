"""Raw HTML in a post: its text is kept, its markup never reaches a slide.

``<summary>`` and ``<h1>``..``<h6>`` become headings, ``<img>`` a picture, ``<pre>`` code,
``<aside>`` and ``<blockquote>`` a quote, the text of other elements (``<details>``, ``<div>``,
``<p>``, ...) prose. ``<script>``, ``<style>`` and comments are left out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from . import liquid
from .blocks import Block, Code, Heading, Image, Prose, Quote, Remark
from .strings import clean, one_line

HEADINGS = {"summary": 4, "h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BREAKING = {"p", "div", "details", "section", "article", "figure", "figcaption", "li", "ul", "ol", "tr",
            "table", "br", "hr", "dl", "dt", "dd", "header", "footer", "nav", "center", "main"}
QUOTES = {"aside", "blockquote"}
HIDDEN = {"script", "style", "template", "noscript"}
BOLD = {"b", "strong"}
_EMPTY_BOLD = re.compile(r"\*\*\s*\*\*")
_EMPTY_CODE = re.compile(r"`\s*`")


class _Reader(HTMLParser):
    """Collects blocks from HTML text; tags it does not know only separate words."""

    def __init__(self, line: int):
        super().__init__(convert_charrefs=True)
        self.line = line
        self.blocks: list[Block] = []
        self.text: list[str] = []
        self.stack: list[str] = []  # the open elements that change what text becomes
        self.hidden = 0

    def _flush(self) -> None:
        text = _EMPTY_CODE.sub(" ", _EMPTY_BOLD.sub(" ", "".join(self.text)))
        text = one_line(text)
        self.text = []
        text, dropped = liquid.strip(text)
        text = one_line(text)
        self.blocks += [Remark(f"Liquid left out: {one_line(tag)}", self.line) for tag in dropped]
        if not text:
            return
        context = next((tag for tag in reversed(self.stack) if tag in HEADINGS or tag in QUOTES or tag == "pre"),
                       None)
        if context in HEADINGS:
            self.blocks.append(Heading(HEADINGS[context], text, self.line, pseudo=True))
        elif context in QUOTES:
            self.blocks.append(Quote([text], self.line))
        elif context == "pre":
            self.blocks.append(Code(text, "text", self.line))
        else:
            self.blocks.append(Prose(text, self.line))

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in HIDDEN:
            self.hidden += 1
            return
        if tag == "img":
            values = dict(attrs)
            src = one_line(liquid.strip(values.get("src") or "")[0])
            if src:
                self._flush()
                self.blocks.append(Image(src, one_line(values.get("alt") or values.get("title") or ""), self.line))
            return
        if tag in BOLD:
            self.text.append(" **")
        elif tag == "code" and "pre" not in self.stack:
            self.text.append(" `")
        if tag in HEADINGS or tag in QUOTES or tag == "pre" or tag in BREAKING:
            self._flush()
        if tag in HEADINGS or tag in QUOTES or tag == "pre":
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag in HIDDEN:
            self.hidden -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
            return
        if tag in BOLD:
            self.text.append("** ")
        elif tag == "code" and "pre" not in self.stack:
            self.text.append("` ")
        if tag == "pre" and "pre" in self.stack:
            self._flush_code()
        elif tag in HEADINGS or tag in QUOTES or tag in BREAKING:
            self._flush()
        if tag in self.stack:
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag):]

    def _flush_code(self) -> None:
        code = clean("".join(self.text)).strip("\n")
        self.text = []
        if code.strip():
            self.blocks.append(Code(code, "text", self.line))

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.text.append(data)


def read_html(content: str, line: int) -> list[Block]:
    """The blocks of an HTML fragment that starts on post line ``line``."""
    reader = _Reader(line)
    reader.feed(content)
    reader.close()
    if "pre" in reader.stack:
        reader._flush_code()
    reader._flush()
    return [_balanced(b) for b in reader.blocks]


def _balanced(block: Block) -> Block:
    """Bold or code markers from unclosed HTML tags would show literally: drop unpaired ones."""
    if isinstance(block, (Prose, Heading)) and (block.text.count("**") % 2 or block.text.count("`") % 2):
        block.text = one_line(block.text.replace("**", "").replace("`", ""))
    elif isinstance(block, Quote):
        block.paragraphs = [one_line(p.replace("**", "").replace("`", "")) if p.count("**") % 2 or p.count("`") % 2
                            else p for p in block.paragraphs]
    return block


def image_tag(content: str, line: int) -> Image | None:
    """The picture of an inline ``<img ...>`` tag, or None for any other tag."""
    found = [b for b in read_html(content, line) if isinstance(b, Image)]
    return found[0] if found else None
