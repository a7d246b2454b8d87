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
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from .. import model as m
from ..theme import Theme
from . import canvas
from .values import number, with_unit

HEADROOM = 1.22  # linear panels: room above the tallest bar for its value label
LOG_HEADROOM = 0.22  # log panels: the same room, as a share of the decades shown
LOG_FLOOR = 3  # log panels start at a power of ten at least this many times below the smallest bar
BAR_SHARE = 0.7  # share of a category's slot the bars take
LOG_SCALE = m.Text({m.ANY_LANGUAGE: "log scale", "ko": "로그 눈금"})


def draw(spec: m.BarsDiagram, theme: Theme, pick: Callable) -> Figure:
    """A figure with one panel per metric of ``spec``; texts resolved with ``pick``."""
    pal, style = theme.palette, theme.diagram
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
            _value_labels(fig, ax, metric, len(categories), theme)
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
        low = 10 ** math.floor(math.log10(min(values) / LOG_FLOOR))
        high = max(values)
        decades = math.log10(high / low)
        ax.set_ylim(low, high * 10 ** (LOG_HEADROOM * decades))
        ax.yaxis.set_major_locator(LogLocator(base=10, numticks=6))
        ax.yaxis.set_minor_formatter(NullFormatter())
    else:
        low, high = min(0.0, min(values)), max(0.0, max(values))
        span = high - low or 1.0
        ax.set_ylim(low - (span * (HEADROOM - 1) if low < 0 else 0), high + span * (HEADROOM - 1))
        ax.axhline(0, color=canvas.colour(pal.muted), linewidth=style.line)
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


def _value_labels(fig: Figure, ax, metric: m.Metric, n_categories: int, theme: Theme) -> None:
    """Each bar's value with its unit above it, wrapped or shrunk (not below the floor) to its slot."""
    style = theme.diagram
    slot = ax.get_position().width * fig.get_figwidth() / n_categories * BAR_SHARE / len(metric.series)
    for container, series in zip(ax.containers, metric.series):
        texts = [with_unit(v, metric.unit) for v in series.values]
        fitted = [canvas.fit(fig, theme, t, slot * 1.25, 1.0, style.value, bold=True) for t in texts]
        size = min(points for _, points in fitted)
        labels = ax.bar_label(container, labels=[t for t, _ in fitted], padding=style.small / 3,
                              fontproperties=canvas.font(theme, size, bold=True),
                              color=canvas.colour(theme.palette.text))
        for label in labels:
            label.set_linespacing(1.0)

