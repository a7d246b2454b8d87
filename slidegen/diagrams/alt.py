"""Alt text from a diagram spec: what the diagram shows and all of its data, in the audience's language.

Korean audiences get Korean phrasing; every other language gets English phrasing around the
deck's own (already translated) labels. Nothing here imports matplotlib.
"""

from __future__ import annotations

from typing import Callable

from .. import model as m
from .values import with_unit

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "bars": "Bar chart comparing {categories}",
        "panels": " in {n} panels",
        "log": "log scale",
        "stacks": "Layer diagram of {n} stacks, each listed from top to bottom",
        "stack": "{name}: {layers}",
        "shared": "Under every stack, shared: {layers}",
        "highlight": "{name} (highlighted)",
        "flow": "Flow diagram of {n} boxes",
        "zones": " in {n} zones",
        "boxes": "Boxes: {boxes}",
        "arrows": "Arrows: {arrows}",
        "and": " and ",
    },
    "ko": {
        "bars": "막대그래프: {categories} 비교",
        "panels": " (패널 {n}개)",
        "log": "로그 눈금",
        "stacks": "계층 구조 그림: 스택 {n}개, 각 스택은 위층부터 아래층 순서",
        "stack": "{name}: {layers}",
        "shared": "모든 스택 아래의 공유 층: {layers}",
        "highlight": "{name} (강조)",
        "flow": "흐름도: 상자 {n}개",
        "zones": ", 영역 {n}개",
        "boxes": "상자: {boxes}",
        "arrows": "화살표: {arrows}",
        "and": ", ",
    },
}


def alt_text(spec, pick: Callable, lang: str) -> str:
    """The alt text of ``spec`` with its texts resolved by ``pick``, phrased for ``lang``."""
    words = PHRASES.get(lang, PHRASES["en"])
    return WRITERS[spec.kind](spec, pick, words)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _listing(items: list[str], words: dict) -> str:
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + words["and"] + items[-1]


def alt_bars(spec: m.BarsDiagram, pick: Callable, words: dict) -> str:
    """Every value with its unit, per metric, category and series."""
    categories = [_flat(pick(c)) for c in spec.categories]
    head = words["bars"].format(categories=_listing(categories, words))
    if len(spec.metrics) > 1:
        head += words["panels"].format(n=len(spec.metrics))
    parts = [head]
    for metric in spec.metrics:
        notes = [n for n in (metric.unit, words["log"] if metric.log else "") if n]
        name = _flat(pick(metric.name)) + (f" ({', '.join(notes)})" if notes else "")
        if len(metric.series) == 1:
            values = [f"{c} {with_unit(v, metric.unit)}" for c, v in zip(categories, metric.series[0].values)]
            parts.append(f"{name}: {', '.join(values)}")
        else:
            per_category = []
            for i, c in enumerate(categories):
                values = [f"{_flat(pick(s.name))} {with_unit(s.values[i], metric.unit)}" for s in metric.series]
                per_category.append(f"{c}: {', '.join(values)}")
            parts.append(f"{name}: {'; '.join(per_category)}")
    return ". ".join(parts) + "."


def _layer(layer: m.Layer, pick: Callable, words: dict) -> str:
    if layer.names:
        name = ", ".join(_flat(pick(copy)) for copy in layer.names)
    else:
        name = _flat(pick(layer.name)) + (f" ×{layer.repeat}" if layer.repeat > 1 else "")
    if layer.highlight:
        name = words["highlight"].format(name=name)
    return name


def alt_stacks(spec: m.StacksDiagram, pick: Callable, words: dict) -> str:
    """Each stack's own layers from the top down, then the shared layers every stack stands on."""
    parts = [words["stacks"].format(n=len(spec.stacks))]
    for stack in spec.stacks:
        own = [_layer(layer, pick, words) for layer in stack.layers if not layer.shared]
        parts.append(words["stack"].format(name=_flat(pick(stack.name)), layers=", ".join(own)))
    shared = spec.shared
    if shared:
        parts.append(words["shared"].format(layers=", ".join(_layer(layer, pick, words) for layer in shared)))
    return ". ".join(parts) + "."


def alt_flow(spec: m.FlowDiagram, pick: Callable, words: dict) -> str:
    """The boxes, by zone, and every arrow as ``A -> B: label``."""
    label = {box.id: _flat(pick(box.label)) for box in spec.boxes}
    used_zones = [z for z in spec.zones if any(b.zone == z.id for b in spec.boxes)]
    head = words["flow"].format(n=len(spec.boxes))
    if used_zones:
        head += words["zones"].format(n=len(used_zones))
    parts = [head]
    for zone in used_zones:
        names = [label[b.id] for b in spec.boxes if b.zone == zone.id]
        parts.append(f"{_flat(pick(zone.label))}: {', '.join(names)}")
    loose = [label[b.id] for b in spec.boxes if b.zone is None]
    if loose:
        parts.append(words["boxes"].format(boxes=", ".join(loose)))
    if spec.arrows:
        arrows = []
        for arrow in spec.arrows:
            text = f"{label[arrow.source]} -> {label[arrow.target]}"
            if arrow.label is not None:
                text += f": {_flat(pick(arrow.label))}"
            arrows.append(text)
        parts.append(words["arrows"].format(arrows="; ".join(arrows)))
    return ". ".join(parts) + "."


WRITERS: dict[str, Callable] = {"bars": alt_bars, "stacks": alt_stacks, "flow": alt_flow}
