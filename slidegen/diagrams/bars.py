"""Bar charts: one panel per metric (small multiples), categories along each panel, bars per series.

Every panel has its own unit and may use a log scale, so quantities of different units (memory
in MB, start-up time in s) sit side by side without one squashing the other. Each bar carries
its value with the unit. With one series the bars take a colour per category, the same in every
panel; with several, a colour per series and a legend. The source is not drawn: the slide cites
it in the caption under the picture.
"""

from __future__ import annotations

import math
from typing import Callable

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

from .. import model as m
from ..theme import Theme
from . import canvas
from .values import number, with_unit

HEADROOM = 1.2  # linear panels start this much above the tallest bar; the value labels then set the top
LOG_FLOOR = 3  # log panels start at a power of ten at least this many times below the smallest bar
BAR_SHARE = 0.7  # share of a category's slot the bars take
MAX_BAR = 1.6  # widest a bar gets, inches: one panel across the slide keeps slim bars
LOG_SCALE = m.Text({m.ANY_LANGUAGE: "log scale", "ko": "로그 눈금"})


def draw(spec: m.BarsDiagram, theme: Theme, pick: Callable) -> Figure:
    """A figure with one panel per metric of ``spec``; texts resolved with ``pick``."""
    style = theme.diagram
    categories = [pick(c) for c in spec.categories]
    with canvas.style(theme):
        fig = canvas.figure(theme, layout="constrained")
        fig.get_layout_engine().set(w_pad=style.pad, h_pad=style.pad / 2, wspace=0.06)
        axes = fig.subplots(1, len(spec.metrics), squeeze=False)[0]
        legend = _shared_legend(spec, pick)
        for ax, metric in zip(axes, spec.metrics):
            _panel(fig, ax, metric, categories, theme, pick, legend_here=legend is None)
        if legend is not None:
            handles = axes[0].containers
            fig.legend(handles, legend, loc="outside upper center", ncols=len(legend), fontsize=style.small)
        fig.draw_without_rendering()
        for ax, metric in zip(axes, spec.metrics):
            _category_labels(fig, ax, categories, theme)
            share = _narrow(fig, ax, metric, len(categories))
            _value_labels(fig, ax, metric, len(categories), theme, share)
        return canvas.finish(fig, theme)


def _shared_legend(spec: m.BarsDiagram, pick: Callable) -> list[str] | None:
    """The series names for one legend above all panels, when every panel has the same several series."""
    names = [tuple(pick(s.name) for s in metric.series) for metric in spec.metrics]
    if len(names[0]) > 1 and all(n == names[0] for n in names):
        return list(names[0])
    return None


def _title(metric: m.Metric, pick: Callable, log_word: str) -> str:
    notes = [n for n in (metric.unit, log_word if metric.log else "") if n]
    return pick(metric.name) + (f"\n({', '.join(notes)})" if notes else "")


def _panel(fig: Figure, ax, metric: m.Metric, categories: list[str], theme: Theme, pick: Callable,
           legend_here: bool) -> None:
    pal, style = theme.palette, theme.diagram
    n_series = len(metric.series)
    width = BAR_SHARE / n_series
    for s, series in enumerate(metric.series):
        offsets = [i - BAR_SHARE / 2 + width * (s + 0.5) for i in range(len(categories))]
        if n_series == 1:
            colours = [canvas.colour(pal.series[i % len(pal.series)]) for i in range(len(categories))]
        else:
            colours = canvas.colour(pal.series[s % len(pal.series)])
        ax.bar(offsets, series.values, width=width * 0.92, color=colours, label=pick(series.name),
               gid=f"series-{s}")
    ax.set_title(_title(metric, pick, pick(LOG_SCALE)), fontproperties=canvas.font(theme, style.heading, bold=True))
    ax.set_xticks(range(len(categories)), categories)
    ax.tick_params(axis="x", length=0, pad=style.small / 2)
    values = [v for series in metric.series for v in series.values]
    if metric.log:
        ax.set_yscale("log")
        ax.set_ylim(10 ** math.floor(math.log10(min(values) / LOG_FLOOR)), max(values) * 10)
        ax.yaxis.set_major_locator(LogLocator(base=10, numticks=6))
        ax.yaxis.set_minor_locator(NullLocator())  # no minor ticks: fewer marks, and much faster layout
    else:
        ax.set_ylim(0, max(values) * HEADROOM or 1.0)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: number(v)))
    ax.grid(axis="y", which="major")
    ax.set_axisbelow(True)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.spines["bottom"].set_color(canvas.colour(pal.muted))
    ax.tick_params(axis="y", which="both", length=0)
    ax.set_xlim(-0.5, len(categories) - 0.5)
    if legend_here and n_series > 1:
        ax.legend(loc="upper right", fontsize=style.small)


def _category_labels(fig: Figure, ax, categories: list[str], theme: Theme) -> None:
    """Category names under their bars, wrapped or shrunk (not below the floor) to their slot."""
    style = theme.diagram
    slot = ax.get_position().width * fig.get_figwidth() / len(categories) - style.pad
    fitted = [canvas.fit(fig, theme, c, slot, 1.0, style.label) for c in categories]
    size = min(points for _, points in fitted)
    ax.set_xticks(range(len(categories)), [t for t, _ in fitted])
    for label in ax.get_xticklabels():
        label.set_fontproperties(canvas.font(theme, size))
        label.set_linespacing(1.1)


def _narrow(fig: Figure, ax, metric: m.Metric, n_categories: int) -> float:
    """Keep bars no wider than :data:`MAX_BAR` in a wide panel; returns the share of a slot they take."""
    slot = ax.get_position().width * fig.get_figwidth() / n_categories
    share = min(BAR_SHARE, MAX_BAR * len(metric.series) / slot)
    width = share / len(metric.series)
    for s, container in enumerate(ax.containers):
        for i, patch in enumerate(container.patches):
            patch.set_width(width * 0.92)
            patch.set_x(i - share / 2 + width * s + width * 0.04)
    return share


def _value_labels(fig: Figure, ax, metric: m.Metric, n_categories: int, theme: Theme, share: float) -> None:
    """Each bar's value with its unit above it, and room above the bars for the labels.

    A label is wrapped (between number and unit) or set smaller, not below the floor, to fit
    its bar's slot; when bars are too narrow for that, the labels stand upright.
    """
    style = theme.diagram
    slot = ax.get_position().width * fig.get_figwidth() / n_categories * share / len(metric.series)
    texts = [with_unit(v, metric.unit) for series in metric.series for v in series.values]
    fitted = [canvas.fit(fig, theme, t, slot * 1.1, 1.0, style.value, bold=True) for t in texts]
    size = min(points for _, points in fitted)
    prop = canvas.font(theme, size, bold=True)
    extents = [canvas.measure(fig, t, prop) for t, _ in fitted]
    upright = any(w > slot * 1.1 for w, _ in extents)
    if upright:
        size = style.value
        prop = canvas.font(theme, size, bold=True)
        fitted = [(t, size) for t in texts]
        tall = max(canvas.measure(fig, t, prop)[0] for t in texts)
    else:
        tall = max(h for _, h in extents)
    k = 0
    for container, series in zip(ax.containers, metric.series):
        labels = [t for t, _ in fitted[k:k + len(series.values)]]
        k += len(series.values)
        for text in ax.bar_label(container, labels=labels, padding=style.small / 3, fontproperties=prop,
                                 color=canvas.colour(theme.palette.text), rotation=90 if upright else 0):
            text.set_linespacing(1.0)
            text.set_bbox({"boxstyle": "square,pad=0.1", "facecolor": canvas.colour(theme.palette.background),
                           "edgecolor": "none"})  # a grid line behind a value does not cross it
    _room_above(fig, ax, metric, tall + style.small / 3 / 72 + style.pad)


def _room_above(fig: Figure, ax, metric: m.Metric, room: float) -> None:
    """Raise the top of the panel so ``room`` inches stay free above the tallest bar."""
    height = ax.get_position().height * fig.get_figheight()
    share = min(0.6, room / height)
    low, _ = ax.get_ylim()
    high = max(v for series in metric.series for v in series.values)
    if metric.log:
        top = (math.log10(high) - math.log10(low) * share) / (1 - share)
        ax.set_ylim(low, 10 ** top)
    else:
        top = (high - low * share) / (1 - share)
        ax.set_ylim(low, top if top > low else 1.0)  # all zeros: a unit scale, bars flat on the axis
