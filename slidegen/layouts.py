"""Which layout of the base file each slide kind sits on. Pure: names in, names out.

Slide kinds map to the layout names PowerPoint's own templates use. A template with other
names is mapped with ``--layout KIND=NAME`` (or ``layouts:`` in an audience profile); ``default``
names the layout of every kind not listed. A kind whose layout the template lacks falls back
to the first present of its fallbacks, with a warning naming the missing layout.
"""

from __future__ import annotations

LAYOUTS: dict[str, str] = {
    "title": "Title Slide",
    "section": "Section Header",
    "bullets": "Title and Content",
    "summary": "Title and Content",
    "default": "Title Only",
}

FALLBACKS: tuple[str, ...] = ("Title Only", "Title and Content", "Blank")

KINDS: tuple[str, ...] = (
    "title", "section", "agenda", "bullets", "summary", "two_column", "cards", "quote", "callout", "code",
    "table", "image", "diagram", "question", "closing")


def layout_names(overrides: dict[str, str] | None = None) -> dict[str, str]:
    """The layout name of every slide kind, after ``overrides`` (kind or 'default' -> name)."""
    overrides = overrides or {}
    default = overrides.get("default", LAYOUTS["default"])
    names = {kind: overrides.get(kind, LAYOUTS.get(kind, default)) for kind in KINDS}
    names["default"] = default
    return names


def choose_layout(kind: str, available: list[str], names: dict[str, str]) -> tuple[str, str | None]:
    """The layout to use for ``kind`` among ``available``, and the missing name when it fell back."""
    wanted = names.get(kind, names.get("default", LAYOUTS["default"]))
    if wanted in available:
        return wanted, None
    for name in (names.get("default", ""),) + FALLBACKS:
        if name in available:
            return name, wanted
    return available[0], wanted


def parse_layout_options(options: list[str]) -> dict[str, str]:
    """``['section=Divider', ...]`` -> ``{'section': 'Divider'}``; raises ValueError on a bad option."""
    out = {}
    for option in options:
        kind, sep, name = option.partition("=")
        if not sep or not name.strip():
            raise ValueError(f"--layout '{option}': expected KIND=LAYOUT NAME")
        if kind not in KINDS and kind != "default":
            raise ValueError(f"--layout '{option}': unknown slide kind '{kind}' "
                             f"(kinds: {', '.join(KINDS)}, default)")
        out[kind] = name.strip()
    return out
