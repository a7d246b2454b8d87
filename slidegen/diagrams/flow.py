"""Flow diagrams: boxes joined by labelled arrows, optionally grouped in zones.

Layout. The boxes are placed in lanes. With ``direction: right`` the lanes are columns from
left to right; with ``direction: rows`` they are rows from top to bottom. A zone is one lane,
drawn as a light rounded band with its label; a box outside every zone is a lane of its own.
Lanes come in the order of their first box in the spec; the boxes of a lane follow each other
across it (downwards in a column, rightwards in a row) in the order they are declared, each
moved towards the boxes it is joined to so that most arrows run straight. Every zone band spans
the extent of all the boxes, so the bands line up.

Arrows. An arrow between neighbouring lanes runs through the gap between them; one between boxes
of the same lane runs through the gap between those boxes, or around the lane's side when other
boxes stand between; one that jumps over lanes runs along a channel beyond the boxes. Gaps and
channels are sized from the labels that sit in them, and each label is centred on its arrow in
that free space, so no label covers a box. Several arrows on one side of a box leave it from
points spread along that side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch
from matplotlib.path import Path as MplPath

from .. import model as m
from ..theme import Theme
from . import canvas

MAX_BOX = {"x": 3.0, "y": 1.15}  # largest box, inches, by physical axis
ZONE_PAD = 0.18  # space between a zone's edge and its boxes, inches
ROOM = 0.28  # arrow shaft visible on each side of a label on a horizontal shaft, inches
ROOM_Y = 0.1  # space above and below a label in a gap between boxes stacked vertically, inches
AROUND_STEP = 0.22  # distance between arrows that go around the same lane side, inches
LABEL_WIDTH = 2.4  # widest an arrow label may grow before it wraps, inches
LABEL_PAD = 0.05  # background around an arrow label, inches


@dataclass
class Lane:
    """A column (direction right) or a row (direction rows) of boxes, maybe a zone."""

    zone: m.Zone | None
    boxes: list[m.Box] = field(default_factory=list)


@dataclass
class Route:
    """How an arrow runs: between lanes, within a lane, around a lane's side, or along the channel."""

    arrow: m.Arrow
    index: int
    kind: str
    gap: int = 0  # the lane gap (between lane gap and gap + 1) a between- or around-route uses
    shift: float = 0.0  # an around-route's offset from the middle of its gap, inches
    text: str = ""
    size: float = 0.0
    extent: tuple[float, float] = (0.0, 0.0)  # label width and height, inches


def lanes_of(spec: m.FlowDiagram) -> list[Lane]:
    """The lanes in order: one per zone that has boxes, one per box outside every zone."""
    zones = {z.id: z for z in spec.zones}
    lanes: list[Lane] = []
    by_zone: dict[str, Lane] = {}
    for box in spec.boxes:
        if box.zone is None:
            lanes.append(Lane(None, [box]))
        elif box.zone in by_zone:
            by_zone[box.zone].boxes.append(box)
        else:
            by_zone[box.zone] = Lane(zones[box.zone], [box])
            lanes.append(by_zone[box.zone])
    return lanes


def draw(spec: m.FlowDiagram, theme: Theme, pick: Callable) -> Figure:
    """A figure with the boxes, zones and arrows of ``spec``; texts resolved with ``pick``."""
    with canvas.style(theme):
        fig = canvas.figure(theme)
        ax = canvas.board(fig)
        Layout(spec, theme, pick, fig, ax).draw()
        return canvas.finish(fig, theme)


class Layout:
    """Places and draws one flow diagram.

    Geometry is worked out on two axes: ``u`` runs along the lanes' order (x for direction
    right, downwards for rows) and ``v`` across a lane (downwards for right, x for rows).
    """

    def __init__(self, spec: m.FlowDiagram, theme: Theme, pick: Callable, fig: Figure, ax) -> None:
        self.spec, self.theme, self.pick, self.fig, self.ax = spec, theme, pick, fig, ax
        self.style = theme.diagram
        self.right = spec.direction == "right"
        self.width, self.height = fig.get_figwidth(), fig.get_figheight()
        self.lanes = lanes_of(spec)
        self.lane_of = {b.id: i for i, lane in enumerate(self.lanes) for b in lane.boxes}
        self.slot_of = {b.id: j for lane in self.lanes for j, b in enumerate(lane.boxes)}
        self.zoned = any(lane.zone for lane in self.lanes)

    # ---- axes ----------------------------------------------------------------------------

    def axis(self, along_u: bool) -> str:
        """The physical axis ('x' or 'y') of ``u`` (``along_u``) or of ``v``."""
        return "x" if along_u == self.right else "y"

    def span(self, extent: tuple[float, float], along_u: bool) -> float:
        """How much of the ``u`` or ``v`` axis a label of ``extent`` (width, height) takes."""
        return extent[0] if self.axis(along_u) == "x" else extent[1]

    def xy(self, u: float, v: float) -> tuple[float, float]:
        """Physical inches (y upwards) of a point (u, v)."""
        return (u, self.height - v) if self.right else (v, self.height - u)

    # ---- routes and labels -----------------------------------------------------------------

    def routes(self) -> list[Route]:
        """Every arrow with its route kind and fitted label."""
        found = []
        for index, arrow in enumerate(self.spec.arrows):
            a, b = self.lane_of[arrow.source], self.lane_of[arrow.target]
            if a == b:
                near = abs(self.slot_of[arrow.source] - self.slot_of[arrow.target]) == 1
                kind = "within" if near else "around"
                gap = a if a < len(self.lanes) - 1 or a == 0 else a - 1
                route = Route(arrow, index, kind, gap=gap)
            elif abs(a - b) == 1:
                route = Route(arrow, index, "between", gap=min(a, b))
            else:
                route = Route(arrow, index, "channel")
            if arrow.label is not None:
                size = self.style.value
                route.text, route.size = canvas.fit(self.fig, self.theme, self.pick(arrow.label), LABEL_WIDTH,
                                                    1.0, size)
                w, h = canvas.measure(self.fig, route.text, canvas.font(self.theme, route.size))
                route.extent = (w + 2 * LABEL_PAD, h + 2 * LABEL_PAD)
            found.append(route)
        for gap in {r.gap for r in found if r.kind == "around"}:
            same = [r for r in found if r.kind == "around" and r.gap == gap]
            for k, r in enumerate(same):
                r.shift = (k - (len(same) - 1) / 2) * AROUND_STEP
        return found

    # ---- sizes -------------------------------------------------------------------------------

    def draw(self) -> None:
        """Size the gaps and boxes, place the boxes, then draw zones, boxes, arrows and labels."""
        style = self.style
        routes = self.routes()
        u_total = self.width if self.right else self.height
        v_total = self.height if self.right else self.width
        margin = style.pad
        zone_head = self.zone_head()
        least = 2 * style.gap
        gaps = [least] * (len(self.lanes) - 1)
        for r in routes:
            need = self.need(r, True) if r.text else least
            if r.kind in ("between", "around") and gaps:
                edge = sum(ZONE_PAD for lane in self.lanes[r.gap:r.gap + 2] if lane.zone)
                gaps[r.gap] = max(gaps[r.gap], need + edge)
        v_gap = max([least / 1.5] + [self.need(r, False) for r in routes if r.kind == "within" and r.text])
        channel = max([0.0] + [max(self.need(r, False), least) for r in routes if r.kind == "channel"])
        pads = sum(2 * ZONE_PAD for lane in self.lanes if lane.zone)
        u_room = (u_total - 2 * margin - sum(gaps) - pads) / len(self.lanes)
        box_u = min(u_room, MAX_BOX[self.axis(True)])
        deepest = max(len(lane.boxes) for lane in self.lanes)
        v_room = v_total - 2 * margin - zone_head - channel - (2 * ZONE_PAD if self.zoned else 0)
        box_v = min(MAX_BOX[self.axis(False)], (v_room - v_gap * (deepest - 1)) / deepest)
        if self.right:  # a box grows taller, while there is room, rather than set its label smaller
            box_v = max(box_v, min(self.text_height(box_u), (v_room - v_gap * (deepest - 1)) / deepest))
        else:
            box_u = max(box_u, min(self.text_height(box_v), u_room))
        box_v = max(box_v, min(self._least_side(routes), MAX_BOX[self.axis(False)],
                               (v_room - least / 1.5 * (deepest - 1)) / deepest))
        if deepest > 1:
            v_gap = min(v_gap, max(least / 2, (v_room - box_v * deepest) / (deepest - 1)))
        used_u = len(self.lanes) * box_u + sum(gaps) + pads
        u0 = (u_total - used_u) / 2
        self.box_u, self.box_v, self.v_gap = box_u, box_v, v_gap
        self.v_top = margin + zone_head + (ZONE_PAD if self.zoned else 0)
        self.v_bottom = v_total - margin - channel - (ZONE_PAD if self.zoned else 0)
        self.lane_u: list[tuple[float, float]] = []  # (start of the lane's band, start of its boxes)
        u = u0
        for i, lane in enumerate(self.lanes):
            start = u
            u += ZONE_PAD if lane.zone else 0
            self.lane_u.append((start, u))
            u += box_u + (ZONE_PAD if lane.zone else 0)
            if i < len(gaps):
                u += gaps[i]
        self.gaps = gaps
        self.place()
        self.v_first = min(self.v.values())  # zones hug the boxes: every zone spans all of them
        self.v_last = max(self.v.values()) + box_v
        self.channel_v = self.v_last + (ZONE_PAD if self.zoned else 0) + channel / 2
        self.draw_zones(zone_head)
        self.draw_boxes()
        self.draw_arrows(routes)

    def zone_head(self) -> float:
        """Room across the lanes for the zone labels: a line above the boxes (right), a column left of them (rows)."""
        if not self.zoned:
            return 0.0
        style = self.style
        if self.right:
            return style.value * canvas.LINE_SPACING / 72 + style.pad
        widths = []
        for lane in self.lanes:
            if lane.zone is not None:
                text, size = canvas.fit(self.fig, self.theme, self.pick(lane.zone.label), LABEL_WIDTH, 1.0,
                                        style.value, bold=True)
                widths.append(canvas.measure(self.fig, text, canvas.font(self.theme, size, bold=True))[0])
        return max(widths) + 2 * style.pad

    def text_height(self, width: float) -> float:
        """The box height that holds every box label, wrapped to ``width``, at full label size."""
        style = self.style
        prop = canvas.font(self.theme, style.label)
        heights = []
        for box in self.spec.boxes:
            text, size = canvas.fit(self.fig, self.theme, self.pick(box.label), width - 2 * style.pad, 99.0,
                                    style.label)
            heights.append(canvas.measure(self.fig, text, prop)[1] + 2 * style.pad)
        return max(heights)

    def need(self, r: Route, along_u: bool) -> float:
        """The size of a gap along ``u`` (or ``v``) that holds the arrow's label.

        Across a horizontal gap the label sits on the shaft with some shaft showing each side;
        in a vertical gap it sits beside a straight shaft or on a horizontal elbow, so the gap
        only needs the label's height.
        """
        if self.axis(along_u) == "x":
            return r.extent[0] + 2 * ROOM
        return r.extent[1] + 2 * ROOM_Y

    def side_spans(self, routes: list[Route]) -> dict[tuple[str, str], float]:
        """For each box side whose arrows carry labels side by side in a gap, the spacing they need."""
        spans: dict[tuple[str, str], float] = {}
        for r in routes:
            if r.kind == "between" and r.text:
                for end, other in ((r.arrow.source, r.arrow.target), (r.arrow.target, r.arrow.source)):
                    key = (end, self.side(r, end, other))
                    spans[key] = max(spans.get(key, 0.0), self.span(r.extent, False) + LABEL_PAD)
        return spans

    def _least_side(self, routes: list[Route]) -> float:
        """The box side that fits, spread along it, the labels of the arrows that share it."""
        counts: dict[tuple[str, str], int] = {}
        for r in routes:
            if r.kind == "between" and r.text:
                for end, other in ((r.arrow.source, r.arrow.target), (r.arrow.target, r.arrow.source)):
                    key = (end, self.side(r, end, other))
                    counts[key] = counts.get(key, 0) + 1
        spans = self.side_spans(routes)
        return max([0.0] + [(n - 1) * spans[key] + 2 * self.style.corner + 2 * LABEL_PAD
                            for key, n in counts.items()])

    # ---- placing boxes -------------------------------------------------------------------

    def place(self) -> None:
        """Each box's top (along ``v``): lanes packed from the top, then moved towards their partners."""
        step = self.box_v + self.v_gap
        room = self.v_bottom - self.v_top
        self.v: dict[str, float] = {}
        for lane in self.lanes:
            used = len(lane.boxes) * step - self.v_gap
            for j, box in enumerate(lane.boxes):
                self.v[box.id] = self.v_top + max(0.0, room - used) / 2 + j * step
        partners: dict[str, list[str]] = {b.id: [] for b in self.spec.boxes}
        for arrow in self.spec.arrows:
            if self.lane_of[arrow.source] != self.lane_of[arrow.target]:
                partners[arrow.source].append(arrow.target)
                partners[arrow.target].append(arrow.source)
        full = max(len(lane.boxes) for lane in self.lanes)
        order = list(range(len(self.lanes)))
        for sweep in (order, order[::-1], order):
            for i in sweep:
                lane = self.lanes[i]
                if len(lane.boxes) == full:
                    continue
                wanted = []
                for box in lane.boxes:
                    near = [self.v[p] for p in partners[box.id]]
                    wanted.append(sum(near) / len(near) if near else self.v[box.id])
                for box, v in zip(lane.boxes, _spread(wanted, step, self.v_top, self.v_bottom - self.box_v)):
                    self.v[box.id] = v

    # ---- drawing -------------------------------------------------------------------------

    def rect(self, u: float, v: float, du: float, dv: float) -> tuple[float, float, float, float]:
        """A (u, v, du, dv) rectangle as physical (x, y, w, h) with y upwards."""
        if self.right:
            return u, self.height - v - dv, du, dv
        return v, self.height - u - du, dv, du

    def box_rect(self, box_id: str) -> tuple[float, float, float, float]:
        """The (u, v, du, dv) of a box."""
        return self.lane_u[self.lane_of[box_id]][1], self.v[box_id], self.box_u, self.box_v

    def draw_zones(self, zone_head: float) -> None:
        """Each zone as a light rounded band over all the boxes' extent, its label at the band's head."""
        pal, style = self.theme.palette, self.style
        for i, lane in enumerate(self.lanes):
            if lane.zone is None:
                continue
            start = self.lane_u[i][0]
            du = self.box_u + 2 * ZONE_PAD
            top, bottom = self.v_first - ZONE_PAD - zone_head, self.v_last + ZONE_PAD
            x, y, w, h = self.rect(start, top, du, bottom - top)
            canvas.rounded(self.ax, self.theme, x, y, w, h, pal.code_background, pal.rule,
                           gid=f"zone/{lane.zone.id}", zorder=1)
            if self.right:
                room, at, align = (w - 2 * style.pad, zone_head), (x + style.pad, y + h - style.pad / 2), "top"
            else:
                room, at, align = (zone_head - 2 * style.pad, h - style.pad), (x + style.pad, y + h / 2), "center"
            text, size = canvas.fit(self.fig, self.theme, self.pick(lane.zone.label), *room, style.value,
                                    bold=True)
            self.ax.text(*at, text, ha="left", va=align, fontproperties=canvas.font(self.theme, size, bold=True),
                         color=canvas.colour(pal.muted), linespacing=canvas.LINE_SPACING,
                         gid=f"zone/{lane.zone.id}/label", zorder=1.5)

    def draw_boxes(self) -> None:
        pal, style = self.theme.palette, self.style
        for box in self.spec.boxes:
            x, y, w, h = self.rect(*self.box_rect(box.id))
            canvas.rounded(self.ax, self.theme, x, y, w, h, pal.accent_soft, pal.accent, gid=f"box/{box.id}")
            canvas.label(self.ax, self.theme, self.pick(box.label), x, y, w, h, style.label, pal.text,
                         gid=f"box/{box.id}/label")

    def draw_arrows(self, routes: list[Route]) -> None:
        ports = self.ports(routes)
        for r in routes:
            points, at, beside = self.path(r, ports)
            self.arrow(r, points, at, beside)

    def ports(self, routes: list[Route]) -> dict[tuple[int, str], float]:
        """Where each arrow end meets its box side, as an offset along that side from its start."""
        sides: dict[tuple[str, str], list[tuple[float, int, str]]] = {}
        for r in routes:
            for end, other, which in ((r.arrow.source, r.arrow.target, "source"),
                                      (r.arrow.target, r.arrow.source, "target")):
                side = self.side(r, end, other)
                u, v, du, dv = self.box_rect(other)
                key = v + dv / 2 if side in ("u-", "u+") else u + du / 2
                sides.setdefault((end, side), []).append((key, r.index, which))
        offsets = {}
        spans = self.side_spans(routes)
        for (end, side), items in sides.items():
            length = self.box_v if side in ("u-", "u+") else self.box_u
            n = len(items)
            spacing = length / (n + 1)
            if n > 1 and (end, side) in spans:
                spacing = min(max(spacing, spans[(end, side)]), (length - 2 * self.style.corner) / (n - 1))
            items.sort()
            for k, (_, index, which) in enumerate(items):
                offsets[(index, which)] = length / 2 + (k - (n - 1) / 2) * spacing
        return offsets

    def side(self, r: Route, end: str, other: str) -> str:
        """The side of box ``end`` an arrow to or from ``other`` uses: u-/u+ (lane ends), v-/v+."""
        if r.kind == "between":
            return "u+" if self.lane_of[other] > self.lane_of[end] else "u-"
        if r.kind == "within":
            return "v+" if self.slot_of[other] > self.slot_of[end] else "v-"
        if r.kind == "around":
            return "u+" if r.gap == self.lane_of[end] else "u-"
        return "v+"

    def point(self, box_id: str, side: str, offset: float) -> tuple[float, float]:
        u, v, du, dv = self.box_rect(box_id)
        return {"u-": (u, v + offset), "u+": (u + du, v + offset),
                "v-": (u + offset, v), "v+": (u + offset, v + dv)}[side]

    def path(self, r: Route, ports) -> tuple[list[tuple[float, float]], tuple[float, float], bool]:
        """The arrow's corner points (u, v), where its label goes and whether beside the shaft (else on it)."""
        a, b = r.arrow.source, r.arrow.target
        pa = self.point(a, self.side(r, a, b), ports[(r.index, "source")])
        pb = self.point(b, self.side(r, b, a), ports[(r.index, "target")])
        if r.kind == "between":
            mid = self._gap_middle(r.gap)
            if abs(pa[1] - pb[1]) < 1e-6:
                return [pa, pb], (mid, pa[1]), self.axis(True) == "y"
            return [pa, (mid, pa[1]), (mid, pb[1]), pb], (mid, (pa[1] + pb[1]) / 2), False
        if r.kind == "within":
            if abs(pa[0] - pb[0]) < 1e-6:
                beside = self.axis(False) == "y"
                return [pa, pb], (pa[0], (pa[1] + pb[1]) / 2), beside
            mid = (pa[1] + pb[1]) / 2
            return [pa, (pa[0], mid), (pb[0], mid), pb], ((pa[0] + pb[0]) / 2, mid), False
        if r.kind == "around":
            mid = self._gap_middle(r.gap) + r.shift
            return [pa, (mid, pa[1]), (mid, pb[1]), pb], (mid, (pa[1] + pb[1]) / 2), False
        v = self.channel_v
        return [pa, (pa[0], v), (pb[0], v), pb], ((pa[0] + pb[0]) / 2, v), False

    def _gap_middle(self, gap: int) -> float:
        """The ``u`` of the middle of the gap after lane ``gap``, between the zone bands."""
        end = self.lane_u[gap][1] + self.box_u + (ZONE_PAD if self.lanes[gap].zone else 0)
        return end + self.gaps[gap] / 2 if gap < len(self.gaps) else end + 2 * self.style.gap / 2

    def ground(self, r: Route) -> str:
        """The colour under an arrow's label: a zone's fill inside a zone, else the background."""
        pal = self.theme.palette
        inside = r.kind == "within" and self.lanes[self.lane_of[r.arrow.source]].zone is not None
        return pal.code_background if inside else pal.background

    def arrow(self, r: Route, points: list[tuple[float, float]], at: tuple[float, float], beside: bool) -> None:
        """The arrow along ``points`` and its label at ``at``: on the shaft, or just right of it."""
        pal, style = self.theme.palette, self.style
        xy = [self.xy(u, v) for u, v in points]
        codes = [MplPath.MOVETO] + [MplPath.LINETO] * (len(xy) - 1)
        patch = FancyArrowPatch(path=MplPath(xy, codes), arrowstyle="-|>", mutation_scale=style.arrow * 9,
                                linewidth=style.arrow, color=canvas.colour(pal.muted), shrinkA=0, shrinkB=0,
                                joinstyle="miter", capstyle="butt", gid=f"arrow{r.index}", zorder=2.5)
        self.ax.add_patch(patch)
        if r.text:
            x, y = self.xy(*at)
            if beside:
                x += style.arrow / 72 + LABEL_PAD * 2
            self.ax.text(x, y, r.text, ha="left" if beside else "center", va="center", multialignment="center",
                         fontproperties=canvas.font(self.theme, r.size), color=canvas.colour(pal.text),
                         linespacing=canvas.LINE_SPACING, gid=f"arrow{r.index}/label", zorder=4,
                         bbox={"boxstyle": f"round,pad={LABEL_PAD * 72 / r.size:.3f}",
                               "facecolor": canvas.colour(self.ground(r)), "edgecolor": "none"})


def _spread(wanted: list[float], step: float, low: float, high: float) -> list[float]:
    """Positions as near ``wanted`` as can be, in the same order, ``step`` apart, within low..high."""
    placed = []
    for w in wanted:
        placed.append(max(w, placed[-1] + step) if placed else w)
    overflow = placed[-1] - high
    if overflow > 0:
        placed = [p - overflow for p in placed]
        for k in range(len(placed) - 2, -1, -1):
            placed[k] = min(placed[k], placed[k + 1] - step)
    if placed[0] < low:
        shift = low - placed[0]
        placed = [p + shift for p in placed]
    return placed
