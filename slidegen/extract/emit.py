"""Plain data -> YAML text a person can read, with comments.

PyYAML cannot write comments, so the structure is written here and every scalar is quoted by
``yaml.safe_dump`` on its own: block style throughout, keys in the order given, Unicode as is,
no folding of long lines, multi-line texts as literal blocks (``|``), short lists of scalars in
flow style (``[ko]``). A mapping's ``"#"`` key holds comment lines written above it.
"""

from __future__ import annotations

import datetime as dt
import re

import yaml

from .draft import COMMENT_KEY
from .strings import clean, one_line

_SPACES = re.compile(r"\s")
_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")  # YAML reads these as line breaks
_ODD_BREAKS = re.compile("[\r\x85\u2028\u2029]")

INDENT = 2
FLOW_WIDTH = 100  # a list of scalars shorter than this, on one line, is written in flow style


def scalar(value) -> str:
    """One scalar as YAML text on one line (strings quoted only when YAML needs it)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, int, float)) or value is None:
        text = yaml.safe_dump(value, allow_unicode=True, width=float("inf"))
    else:
        text = yaml.safe_dump(str(value), allow_unicode=True, width=float("inf"),
                              default_style='"' if _BREAKS.search(str(value)) else None)
    return text[:-5] if text.endswith("\n...\n") else text.rstrip("\n")


def flow(value) -> str:
    """Any value written on one line in YAML flow style (for comments)."""
    text = yaml.safe_dump(value, allow_unicode=True, width=float("inf"), default_flow_style=True)
    text = text[:-5] if text.endswith("\n...\n") else text.rstrip("\n")
    return one_line(text)


def _block(value: str, indent: int) -> list[str] | None:
    """A multi-line string as a literal block (header, then lines at ``indent``), if YAML allows one."""
    if _ODD_BREAKS.search(value):
        return None
    text = yaml.safe_dump(value, allow_unicode=True, width=float("inf"), default_style="|")
    if not text.startswith("|"):
        return None
    head, *lines = text.rstrip("\n").split("\n")
    out = [head]
    for line in lines:
        out.append(" " * indent + line[INDENT:] if line.strip() else "")
    return out


def _is_scalar(value) -> bool:
    return not isinstance(value, (dict, list))


def _flow_list(values: list) -> str | None:
    if not values or not all(_is_scalar(v) and "\n" not in str(v) for v in values):
        return None
    text = flow(values)
    return text if len(text) <= FLOW_WIDTH else None


def _comments(lines: list[str], pad: str) -> list[str]:
    return [f"{pad}# {_SPACES.sub(' ', clean(line)).rstrip()}".rstrip() for line in lines]


def _mapping(data: dict, indent: int, first_prefix: str | None = None) -> list[str]:
    """A mapping at ``indent``; the first key may follow ``first_prefix`` (a list item's dash)."""
    pad = " " * indent
    out: list[str] = []
    for key, value in data.items():
        if key == COMMENT_KEY:
            continue
        lead = pad
        if first_prefix is not None and not out:
            lead = first_prefix
        name = scalar(key)
        if isinstance(value, dict) and not any(k != COMMENT_KEY for k in value):
            out.append(f"{lead}{name}: {{}}")
        elif isinstance(value, dict):
            out += _comments(value.get(COMMENT_KEY, []), pad) if out or first_prefix is None else []
            out.append(f"{lead}{name}:")
            out += _mapping(value, indent + INDENT)
        elif isinstance(value, list):
            inline = _flow_list(value) if key not in ("slides", "sections", "bullets", "points", "rows",
                                                      "sub", "cards") else None
            if inline is not None or not value:
                out.append(f"{lead}{name}: {inline if inline is not None else '[]'}")
            else:
                out.append(f"{lead}{name}:")
                out += _sequence(value, indent + INDENT)
        elif isinstance(value, str) and _BREAKS.search(value):
            block = _block(value, indent + INDENT)
            if block is None:
                out.append(f"{lead}{name}: {scalar(value)}")
            else:
                out.append(f"{lead}{name}: {block[0]}")
                out += block[1:]
        else:
            out.append(f"{lead}{name}: {scalar(value)}")
    return out


def _sequence(items: list, indent: int) -> list[str]:
    pad = " " * indent
    out: list[str] = []
    for item in items:
        if isinstance(item, dict):
            out += _comments(item.get(COMMENT_KEY, []), pad)
            if any(k != COMMENT_KEY for k in item):
                out += _mapping(item, indent + INDENT, first_prefix=f"{pad}- ")
            else:
                out.append(f"{pad}- {{}}")
        elif isinstance(item, list):
            inline = _flow_list(item)
            if inline is not None:
                out.append(f"{pad}- {inline}")
            elif not item:
                out.append(f"{pad}- []")
            else:
                nested = _sequence(item, indent + INDENT)
                out.append(f"{pad}- {nested[0].lstrip()}")
                out += nested[1:]
        else:
            out.append(f"{pad}- {scalar(item)}")
    return out


def dump(data: dict) -> str:
    """The YAML text of a deck: header comments, then the mapping."""
    lines = _comments(data.get(COMMENT_KEY, []), "")
    lines += _mapping(data, 0)
    return "\n".join(lines) + "\n"
