"""Layered stacks side by side, such as a VM and a container host.

Each stack is a column of layers listed from the top down and standing on a common floor, so a
stack with more layers stands taller and the difference shows at a glance. A layer with
``repeat: n`` is drawn as n boxes side by side in its row (a guest OS per VM). Shared layers
(``shared: true``, the bottom layers of the stacks that list them) are drawn once, as one wide
box under all the stacks. Highlighted layers take the accent colour; shared layers the second
colour. Each stack's name stands above it.
"""

from __future__ import annotations

from typing import Callable

from matplotlib.figure import Figure

from .. import model as m
from ..theme import Theme
from . import canvas

MAX_ROW = 0.85  # tallest a layer gets, inches: a short stack stays compact
ROW_GAP = 0.07  # space between layers, inches
COPY_GAP = 0.1  # space between the copies of a repeated layer, inches
COLUMN_GAP = 0.7  # space between stacks, inches


def draw(spec: m.StacksDiagram, theme: Theme, pick: Callable) -> Figure:
    """A figure with the stacks of ``spec`` side by side; texts resolved with ``pick``."""
    pal, style = theme.palette, theme.diagram
    with canvas.style(theme):
        fig = canvas.figure(theme)
        ax = canvas.board(fig)
        width, height = fig.get_figwidth(), fig.get_figheight()
        shared = spec.shared
        own = [[layer for layer in stack.layers if not layer.shared] for stack in spec.stacks]
        heading = style.heading * canvas.LINE_SPACING / 72 + style.pad
        rows = max(len(layers) for layers in own) + len(shared)
        row = min(MAX_ROW, (height - 2 * style.pad - heading - ROW_GAP * (rows - 1)) / rows)
        used = rows * row + (rows - 1) * ROW_GAP + heading
        floor = (height - used) / 2  # centre the drawing vertically
        left, right = style.pad, width - style.pad
        columns = _columns(left, right, len(spec.stacks))
        y = floor
        for i, layer in reversed(list(enumerate(shared))):
            _layer(ax, theme, pick, layer, left, y, right - left, row, f"shared/layer{i}")
            y += row + ROW_GAP
        base = y
        for s, (stack, layers, (x, w)) in enumerate(zip(spec.stacks, own, columns)):
            y = base
            for i, layer in reversed(list(enumerate(layers))):
                _layer(ax, theme, pick, layer, x, y, w, row, f"stack{s}/layer{i}")
                y += row + ROW_GAP
            canvas.label(ax, theme, pick(stack.name), x, y - ROW_GAP + style.pad / 2, w, heading,
                         style.heading, pal.text, gid=f"stack{s}/name", bold=True)
        return canvas.finish(fig, theme)


def _columns(left: float, right: float, n: int) -> list[tuple[float, float]]:
    """``n`` columns (x, width) across ``left``..``right`` with :data:`COLUMN_GAP` between them."""
    w = (right - left - COLUMN_GAP * (n - 1)) / n
    return [(left + i * (w + COLUMN_GAP), w) for i in range(n)]


def _layer(ax, theme: Theme, pick: Callable, layer: m.Layer, x: float, y: float, w: float, h: float,
           gid: str) -> None:
    """One layer: ``repeat`` boxes side by side in the row, coloured by what the layer is."""
    pal, style = theme.palette, theme.diagram
    if layer.highlight:
        fill, edge, ink = pal.accent, pal.accent, pal.accent_text
    elif layer.shared:
        fill, edge, ink = pal.second_soft, pal.second, pal.text
    else:
        fill, edge, ink = pal.accent_soft, pal.accent, pal.text
    copy = (w - COPY_GAP * (layer.repeat - 1)) / layer.repeat
    for k in range(layer.repeat):
        cx = x + k * (copy + COPY_GAP)
        canvas.rounded(ax, theme, cx, y, copy, h, fill, edge, gid=f"{gid}/copy{k}")
        canvas.label(ax, theme, pick(layer.label(k)), cx, y, copy, h, style.label, ink, gid=f"{gid}/copy{k}/label",
                     bold=layer.highlight)
