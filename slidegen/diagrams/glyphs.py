"""Which characters the diagram fonts can draw, read from the font files without matplotlib."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from ..theme import Theme


def _symbol_file(theme: Theme) -> Path | None:
    """matplotlib's own copy of the symbol face (DejaVu Sans), found without importing matplotlib."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    name = theme.diagram.symbol_font.replace(" ", "") + ".ttf"
    path = Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf" / name
    return path if path.exists() else None


@lru_cache(maxsize=4)
def _coverage(files: tuple[str, ...]) -> frozenset[int]:
    from fontTools.ttLib import TTFont  # comes with matplotlib
    points: set[int] = set()
    for file in files:
        font = TTFont(file, lazy=True)
        points.update(font.getBestCmap() or {})
        font.close()
    return frozenset(points)


def _surely_drawn(char: str) -> bool:
    """Printable ASCII and modern Hangul syllables: every diagram font face has them."""
    return " " <= char <= "~" or "\uac00" <= char <= "\ud7a3"


def undrawable(text: str, theme: Theme) -> str:
    """The characters of ``text`` that none of the diagram fonts has, each once, in order.

    The font tables are read (about half a second) only for text beyond ASCII and Hangul.
    """
    if all(_surely_drawn(char) or char.isspace() for char in text):
        return ""
    files = [str(theme.fonts.sans_file), str(theme.fonts.sans_bold_file)]
    symbol = _symbol_file(theme)
    if symbol is not None:
        files.append(str(symbol))
    covered = _coverage(tuple(files))
    missing = []
    for char in text:
        if not char.isspace() and ord(char) not in covered and char not in missing:
            missing.append(char)
    return "".join(missing)
