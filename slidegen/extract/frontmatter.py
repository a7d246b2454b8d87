"""Jekyll front matter: the YAML block between ``---`` lines at the top of a post.

It is read with YAML's safe loader. ``title``, ``description``, ``author``/``authors`` and ``date``
become deck metadata; every other key is kept in a comment block at the top of the deck YAML.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from ..errors import SlidegenError, fail
from ..source import parse_source
from .strings import one_line

OPEN = re.compile(r"^---[ \t]*$")
CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
USED = ("title", "description", "author", "authors", "date")


@dataclass
class FrontMatter:
    """What the front matter says, and how many lines it takes at the top of the file."""

    title: str = ""
    description: str = ""
    author: str = ""
    date: dt.date | None = None
    other: dict = field(default_factory=dict)
    lines: int = 0
    bad_date: str = ""


def split(text: str, name: str) -> tuple[FrontMatter, str]:
    """The front matter of a post and its body; a broken front matter is an input error with its line."""
    lines = text.split("\n")
    if not lines or not OPEN.match(lines[0]):
        return FrontMatter(), text
    end = next((i for i in range(1, len(lines)) if CLOSE.match(lines[i])), None)
    if end is None:
        raise fail(name, "front matter starts with '---' on line 1 but has no closing '---' line", line=1, col=1)
    block = "\n".join(lines[1:end])
    empty = all(not line.strip() or line.lstrip().startswith("#") for line in lines[1:end])
    data = {} if empty else _load(block, name)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise fail(name, f"front matter must be a mapping of keys (title, date, ...), got {type(data).__name__}",
                   line=2, col=1)
    data = {str(k): v for k, v in data.items()}
    matter = FrontMatter(lines=end + 1)
    matter.title = _text(data.get("title"))
    matter.description = _text(data.get("description"))
    matter.author = _author(data.get("author", data.get("authors")))
    matter.date, matter.bad_date = _date(data.get("date"))
    matter.other = {k: v for k, v in data.items() if k not in USED}
    return matter, "\n".join(lines[end + 1:])


def _load(block: str, name: str):
    """The front matter's YAML, read with the deck reader's limits; problems point at post lines."""
    try:
        return parse_source(block, name).tree
    except SlidegenError as exc:
        raise SlidegenError([replace(p, line=p.line + 1 if p.line else 1, col=p.col or 1,
                                     message=f"front matter: {p.message}") for p in exc.problems]) from None


def _text(value) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    return one_line(str(value))


def _author(value) -> str:
    if isinstance(value, list):
        return ", ".join(a for a in (_author(v) for v in value) if a)
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _date(value) -> tuple[dt.date | None, str]:
    if isinstance(value, dt.datetime):
        return value.date(), ""
    if isinstance(value, dt.date):
        return value, ""
    if value is None:
        return None, ""
    match = DATE.match(str(value).strip())
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3])), ""
        except ValueError:
            pass
    return None, one_line(str(value))
