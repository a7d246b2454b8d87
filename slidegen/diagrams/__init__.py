"""Diagrams drawn from data: a spec from the deck -> a PNG picture and its alt text.

One module per kind (``bars``, ``stacks``, ``flow``), each with ``draw(spec, theme, pick) ->
matplotlib Figure``, found through :data:`DRAWERS`. This package is the only matplotlib importer,
and it imports matplotlib only when it has to draw: a diagram already in the cache (see
:mod:`.cache`) is returned without it.

Cache key: the SHA-256 of a JSON document holding :data:`VERSION`, the audience's language (the
alt text is phrased in it), the spec with every text resolved to that language (so an English
edit does not redraw the Korean picture), ``theme.key()`` and the theme's diagram style and size.
"""

from __future__ import annotations

import hashlib
import importlib
import json
from typing import Any, Callable

from .. import model as m
from . import cache
from .alt import alt_text

VERSION = 1  # raise when a change to the drawing code changes what a spec looks like

DRAWERS: dict[str, str] = {"bars": "bars", "stacks": "stacks", "flow": "flow"}
"""Diagram kind -> the module of this package whose ``draw`` function draws it."""


KEEP = 64
"""Pictures a process keeps in memory (``slidegen watch`` redraws as a chart is edited)."""

_kept: dict[str, cache.Entry] = {}


def _keep(key: str, entry: cache.Entry) -> None:
    _kept.pop(key, None)
    _kept[key] = entry
    while len(_kept) > KEEP:
        del _kept[next(iter(_kept))]


def _found(key: str) -> cache.Entry | None:
    """The picture under ``key`` kept by this process or in the cache (then kept), or None."""
    entry = _kept.get(key) or cache.load(key)
    if entry is not None:
        _keep(key, entry)
    return entry


def drawn(spec, theme, cut) -> tuple[str, cache.Entry]:
    """The cache key and picture of ``spec`` for the audience of ``cut``, drawn if nobody has yet."""
    key = cache_key(spec, theme, cut.pick, cut.lang)
    entry = _found(key)
    if entry is None:
        png, size = render(spec, theme, cut.pick)
        entry = cache.Entry(png, size, alt_text(spec, cut.pick, cut.lang))
        cache.store(key, entry)
        _keep(key, entry)
    return key, entry


def picture(spec, theme, cut) -> tuple[tuple[bytes, tuple[int, int]], str]:
    """PNG bytes and pixel size of ``spec`` drawn for the audience of ``cut``, and its alt text.

    Reuses the picture kept by this process or cached when neither the resolved spec nor the
    theme changed.
    """
    _, entry = drawn(spec, theme, cut)
    return (entry.png, entry.size), entry.alt


def to_draw(spec, theme, cut) -> str | None:
    """The cache key of ``spec`` if no one has drawn it yet, else None."""
    key = cache_key(spec, theme, cut.pick, cut.lang)
    return None if _found(key) is not None else key


def keep(key: str, entry: cache.Entry) -> None:
    """Keep a picture another process drew under ``key``."""
    _keep(key, entry)


def render(spec, theme, pick: Callable) -> tuple[bytes, tuple[int, int]]:
    """Draw ``spec`` (importing matplotlib) and return the PNG bytes and pixel size."""
    from . import canvas
    figure = drawer(spec.kind)(spec, theme, pick)
    return canvas.png(figure, theme)


def drawer(kind: str) -> Callable:
    """The ``draw`` function of a diagram kind; importing it imports matplotlib."""
    return importlib.import_module(f".{DRAWERS[kind]}", __name__).draw


def resolved(node: Any, pick: Callable) -> Any:
    """``node`` as plain JSON data, every :class:`~slidegen.model.Text` replaced by ``pick(text)``."""
    if isinstance(node, m.Text):
        return pick(node)
    if isinstance(node, m.BaseModel):
        return {info.alias or name: resolved(getattr(node, name), pick)
                for name, info in type(node).model_fields.items()}
    if isinstance(node, (list, tuple)):
        return [resolved(item, pick) for item in node]
    if isinstance(node, dict):
        return {str(k): resolved(v, pick) for k, v in node.items()}
    return node


def cache_key(spec, theme, pick: Callable, lang: str) -> str:
    """The hex SHA-256 naming a diagram in the cache (see the module docstring)."""
    document = {
        "version": VERSION,
        "lang": lang,
        "spec": resolved(spec, pick),
        "theme": theme.key(),
        "style": repr((theme.diagram, theme.diagram_size)),
    }
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
