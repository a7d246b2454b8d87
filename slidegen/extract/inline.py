"""Inline Markdown (the children of an ``inline`` token) -> one text in slide markup.

Bold becomes ``**bold**`` and inline code `` `code` ``; emphasis, links and HTML tags keep only
their text; pictures are taken out of the text and returned, as are link addresses (for the
notes), Liquid tags (for a remark) and kramdown attribute lines (``{: .prompt-tip }``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it.token import Token

from . import liquid
from .blocks import Image
from .html import image_tag
from .strings import clean, one_line

IAL = re.compile(r"^\s*\{:\s*(?P<attrs>[^}]*)\}\s*$")
_BREAK_TAG = re.compile(r"^<br\s*/?>$", re.I)


@dataclass
class Inline:
    """A paragraph's text in slide markup, and what was taken out of it."""

    text: str = ""
    images: list[Image] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    liquid: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    all_bold: bool = False


@dataclass
class _Segment:
    text: str
    bold: bool = False
    code: bool = False


def render_inline(tokens: list[Token] | None, line: int) -> Inline:
    """The slide markup of inline ``tokens`` from post line ``line``."""
    out = Inline()
    segments: list[_Segment] = []
    bold = 0
    link_start: list[tuple[int, str]] = []
    for token in tokens or []:
        kind = token.type
        if kind == "text":
            ial = IAL.match(token.content)
            if ial:
                out.classes += [c.lstrip(".") for c in ial.group("attrs").split() if c.startswith(".")]
                continue
            text, dropped = liquid.strip(token.content)
            out.liquid += dropped
            segments.append(_Segment(text, bold > 0))
        elif kind == "code_inline":
            segments.append(_Segment(liquid.strip_raw(token.content), bold > 0, code=True))
        elif kind in ("softbreak", "hardbreak"):
            segments.append(_Segment(" ", bold > 0))
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold = max(0, bold - 1)
        elif kind == "image":
            src = one_line(liquid.strip(str(token.attrs.get("src", "")))[0])
            alt = one_line(liquid.strip("".join(c.content for c in token.children or []))[0])
            if src:
                out.images.append(Image(src, alt, line))
        elif kind == "link_open":
            link_start.append((len(segments), str(token.attrs.get("href", ""))))
        elif kind == "link_close" and link_start:
            start, href = link_start.pop()
            label = one_line("".join(s.text for s in segments[start:]))
            if href and label != href and not href.startswith("#"):
                out.links.append((label, href))
        elif kind == "html_inline":
            picture = image_tag(token.content, line)
            if picture is not None:
                out.images.append(picture)
            elif _BREAK_TAG.match(token.content.strip()):
                segments.append(_Segment(" ", bold > 0))
    out.text = _markup(segments)
    words = [s for s in segments if s.text.strip()]
    out.all_bold = bool(words) and all(s.bold and not s.code for s in words)
    return out


def _markup(segments: list[_Segment]) -> str:
    """Join segments into slide markup: bold runs in ``**``, code in backticks, spaces outside markers."""
    merged: list[_Segment] = []
    for seg in segments:
        seg = _Segment(clean(seg.text), seg.bold, seg.code)
        if merged and not seg.code and not merged[-1].code and merged[-1].bold == seg.bold:
            merged[-1].text += seg.text
        else:
            merged.append(seg)
    parts = []
    for seg in merged:
        if seg.code:
            text = " ".join(seg.text.split("\n"))
            parts.append(f"`{text}`" if text.strip() and "`" not in text else text)
        elif seg.bold and seg.text.strip() and "*" not in seg.text:
            core = seg.text.strip()
            lead = seg.text[: len(seg.text) - len(seg.text.lstrip())]
            trail = seg.text[len(seg.text.rstrip()):]
            parts.append(f"{lead}**{core}**{trail}")
        else:
            parts.append(seg.text)
    return one_line("".join(parts))
