"""Small text helpers shared by the extract rules: cleaning, one-line texts, sentences, markup."""

from __future__ import annotations

import re

from ..text import plain

# Characters a YAML stream may not hold raw, or that YAML reads as line breaks.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
_SPACES = re.compile(r"\s+")
_MARKUP = re.compile(r"\*\*(?P<bold>.+?)\*\*|`(?P<code>[^`]+)`")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])[\"'”’)\]]*\s+")


def clean(text: str) -> str:
    """``text`` with line breaks as ``\\n`` and without characters a YAML file cannot carry."""
    return _NOT_PRINTABLE.sub("", _BREAKS.sub("\n", text)).replace("\ufeff", "")


def one_line(text: str) -> str:
    """``text`` cleaned, with every run of white space (line breaks too) as one space, trimmed."""
    return _SPACES.sub(" ", clean(text)).strip()


def strip_bold(markup: str) -> str:
    """Slide markup without its ``**bold**`` markers (titles are bold already); code stays."""
    out, pos = [], 0
    for match in _MARKUP.finditer(markup):
        out.append(markup[pos:match.start()])
        out.append(match.group("bold") if match.group("bold") is not None else match.group(0))
        pos = match.end()
    out.append(markup[pos:])
    return one_line("".join(out))


def flat(markup: str) -> str:
    """Slide markup as plain text (for notes, comments and alt texts)."""
    return one_line(plain(markup))


def sentences(markup: str) -> list[str]:
    """``markup`` split into sentences, never inside a ``**bold**`` or `` `code` `` span."""
    protected = [(m.start(), m.end()) for m in _MARKUP.finditer(markup)]
    out, start = [], 0
    for match in _SENTENCE_END.finditer(markup):
        cut = match.start()
        if any(a < cut < b for a, b in protected):
            continue
        piece = markup[start:cut + len(match.group(0).rstrip())].strip()
        if piece:
            out.append(piece)
        start = match.end()
    rest = markup[start:].strip()
    if rest:
        out.append(rest)
    return out

