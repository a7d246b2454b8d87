"""Numbers as diagrams and their alt texts write them: the same string on the bar and in the alt text."""

from __future__ import annotations

NO_SPACE_UNITS = frozenset({"%", "°", "×", "x"})


def number(value: float) -> str:
    """``value`` as written in the spec, thousands separated: up to six significant digits.

    ``1024.0`` -> ``'1,024'``, ``0.5`` -> ``'0.5'``, ``45.25`` -> ``'45.25'``, ``-3`` -> ``'-3'``.
    """
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def with_unit(value: float, unit: str) -> str:
    """``value`` followed by its unit: ``'512 MB'``, ``'0.5 s'``, ``'40%'``; just the number without a unit."""
    if not unit:
        return number(value)
    return f"{number(value)}{'' if unit in NO_SPACE_UNITS else ' '}{unit}"
