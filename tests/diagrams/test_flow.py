"""Flow diagrams: every box and arrow drawn with its label, zones around their boxes, no label on a box."""

from __future__ import annotations

import pytest
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch
from matplotlib.text import Text

from slidegen.diagrams import flow

from .conftest import CLIENT_DAEMON, WORKFLOW, by_gid, spec, texts

ROWS = {**CLIENT_DAEMON, "direction": "rows"}
ODD = {"kind": "flow", "zones": [{"id": "z", "label": "Zone"}],
       "boxes": [{"id": "a", "label": "A"}, {"id": "b", "label": "B", "zone": "z"},
                 {"id": "c", "label": "C", "zone": "z"}, {"id": "d", "label": "D", "zone": "z"},
                 {"id": "e", "label": "E"}],
       "arrows": [{"from": "b", "to": "d", "label": {"ko": "돌아서", "en": "around"}},
                  {"from": "a", "to": "e", "label": {"ko": "건너서", "en": "across"}},
                  {"from": "d", "to": "b"}, {"from": "c", "to": "a", "label": "back"}]}


def draw(raw, reader, theme):
    return flow.draw(spec(raw), theme, reader.pick)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("raw", [CLIENT_DAEMON, WORKFLOW, ROWS, ODD], ids=["zones", "chain", "rows", "routes"])
def test_every_box_and_arrow_is_drawn_with_its_label(raw, reader, theme):
    fig = draw(raw, reader, theme)
    found = by_gid(fig)
    d = spec(raw)
    for box in d.boxes:
        assert isinstance(found[f"box/{box.id}"], FancyBboxPatch)
        assert flat(found[f"box/{box.id}/label"].get_text()) == reader.pick(box.label)
    for i, arrow in enumerate(d.arrows):
        assert isinstance(found[f"arrow{i}"], FancyArrowPatch)
        if arrow.label is None:
            assert f"arrow{i}/label" not in found
        else:
            assert flat(found[f"arrow{i}/label"].get_text()) == reader.pick(arrow.label)
    assert len(fig.findobj(FancyArrowPatch)) == len(d.arrows)


def distance(point, box) -> float:
    """Inches from ``point`` to the rectangle of a box patch (0 inside it)."""
    x, y = point
    dx = max(box.get_x() - x, 0, x - box.get_x() - box.get_width())
    dy = max(box.get_y() - y, 0, y - box.get_y() - box.get_height())
    return (dx * dx + dy * dy) ** 0.5


@pytest.mark.parametrize("raw", [CLIENT_DAEMON, ROWS, ODD], ids=["zones", "rows", "routes"])
def test_arrows_leave_their_source_and_point_at_their_target(raw, reader, theme):
    fig = draw(raw, reader, theme)
    found = by_gid(fig)
    for i, arrow in enumerate(spec(raw).arrows):
        vertices = found[f"arrow{i}"].get_path().vertices[:-1]  # the last vertex closes the head
        assert distance(vertices[0], found[f"box/{arrow.source}"]) < 1e-6
        assert min(distance(v, found[f"box/{arrow.target}"]) for v in vertices) < 0.05


def test_zones_are_drawn_around_their_boxes_with_their_labels(reader, theme):
    fig = draw(CLIENT_DAEMON, reader, theme)
    found = by_gid(fig)
    for zone in spec(CLIENT_DAEMON).zones:
        region = found[f"zone/{zone.id}"]
        assert found[f"zone/{zone.id}/label"].get_text() == reader.pick(zone.label)
        for box in (b for b in spec(CLIENT_DAEMON).boxes if b.zone == zone.id):
            inner = found[f"box/{box.id}"]
            assert region.get_x() < inner.get_x() and inner.get_x() + inner.get_width() < region.get_x() + region.get_width()
            assert region.get_y() < inner.get_y() and inner.get_y() + inner.get_height() < region.get_y() + region.get_height()


def test_direction_right_puts_lanes_left_to_right_and_rows_top_to_bottom(reader, theme):
    right, rows = by_gid(draw(CLIENT_DAEMON, reader, theme)), by_gid(draw(ROWS, reader, theme))
    assert right["box/cli"].get_x() < right["box/daemon"].get_x() < right["box/hub"].get_x()
    assert right["box/daemon"].get_y() > right["box/images"].get_y() > right["box/containers"].get_y()
    assert rows["box/cli"].get_y() > rows["box/daemon"].get_y() > rows["box/hub"].get_y()
    assert rows["box/daemon"].get_x() < rows["box/images"].get_x() < rows["box/containers"].get_x()


@pytest.mark.parametrize("raw", [CLIENT_DAEMON, WORKFLOW, ROWS, ODD], ids=["zones", "chain", "rows", "routes"])
def test_no_label_covers_a_box_or_another_label_and_all_stay_in_the_picture(raw, reader, theme):
    fig = draw(raw, reader, theme)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    found = by_gid(fig)
    boxes = [a.get_window_extent(renderer) for g, a in found.items() if g.startswith("box/") and "/" not in g[4:]]
    labels = [a.get_window_extent(renderer) for g, a in found.items()
              if g.startswith("arrow") and g.endswith("/label")]
    picture = fig.bbox
    for label in labels:
        assert not any(label.overlaps(box) for box in boxes)
        assert picture.contains(*label.min) and picture.contains(*label.max)
    assert not any(a.overlaps(b) for i, a in enumerate(labels) for b in labels[i + 1:])
    for box in boxes:
        assert picture.contains(*box.min) and picture.contains(*box.max)


def test_boxes_do_not_overlap(reader, theme):
    for raw in (CLIENT_DAEMON, ROWS, ODD):
        found = by_gid(draw(raw, reader, theme), FancyBboxPatch)
        boxes = [b.get_extents() for g, b in found.items() if g.startswith("box/")]
        assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_no_text_is_smaller_than_the_floor(reader, theme):
    for raw in (CLIENT_DAEMON, WORKFLOW, ROWS):
        assert min(t.get_fontsize() for t in texts(draw(raw, reader, theme))) >= theme.diagram.small


def test_a_dollar_sign_in_a_label_is_text_not_mathematics(theme, reader):
    raw = {"kind": "flow", "boxes": [{"id": "a", "label": "$ docker run"}, {"id": "b", "label": "cost $5"}]}
    found = by_gid(draw(raw, reader, theme), Text)
    assert found["box/a/label"].get_text() == "$ docker run"
    assert not found["box/a/label"].get_parse_math()
