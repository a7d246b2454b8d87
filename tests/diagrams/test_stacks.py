"""Stacks: layers in order from the top down, repeated layers side by side, shared layers once across."""

from __future__ import annotations

from matplotlib.colors import to_hex
from matplotlib.patches import FancyBboxPatch

from slidegen.diagrams import stacks

from .conftest import ARCHITECTURE, NAMED_APPS, SHARED_HOST, by_gid, spec, texts


def draw(raw, reader, theme):
    return stacks.draw(spec(raw), theme, reader.pick)


def layer_names(fig, prefix: str) -> list[str]:
    """The labels of a stack's layers (first copy of each), from the top of the figure down."""
    labels = [(t.get_position()[1], t.get_text()) for gid, t in by_gid(fig).items()
              if gid.startswith(prefix) and gid.endswith("/copy0/label")]
    return [" ".join(text.split()) for _, text in sorted(labels, reverse=True)]


def test_each_stack_has_its_layers_in_order_from_the_top(reader, theme):
    fig = draw(ARCHITECTURE, reader, theme)
    for s, stack in enumerate(ARCHITECTURE["stacks"]):
        assert layer_names(fig, f"stack{s}/") == [layer["name"][reader.lang] for layer in stack["layers"]]


def test_stack_names_stand_above_their_stacks(reader, theme):
    fig = draw(ARCHITECTURE, reader, theme)
    found = by_gid(fig)
    for s, stack in enumerate(ARCHITECTURE["stacks"]):
        name = found[f"stack{s}/name"]
        assert name.get_text() == stack["name"][reader.lang]
        top = found[f"stack{s}/layer0/copy0/label"]
        assert name.get_position()[1] > top.get_position()[1]


def test_a_repeated_layer_is_drawn_once_per_copy_side_by_side(reader, theme):
    fig = draw(ARCHITECTURE, reader, theme)
    boxes = by_gid(fig, FancyBboxPatch)
    copies = [boxes[f"stack0/layer1/copy{k}"] for k in range(3)]
    assert "stack0/layer1/copy3" not in boxes
    ys = {round(b.get_y(), 6) for b in copies}
    xs = [b.get_x() for b in copies]
    assert len(ys) == 1 and xs == sorted(xs)
    assert all(a.get_x() + a.get_width() < b.get_x() for a, b in zip(copies, copies[1:]))


def test_each_copy_of_a_layer_may_have_its_own_name(reader, theme):
    fig = draw(NAMED_APPS, reader, theme)
    found = by_gid(fig)
    apps = {"ko": ["앱 A", "앱 B"], "en": ["App A", "App B"]}[reader.lang]
    assert [found[f"stack0/layer0/copy{k}/label"].get_text() for k in range(2)] == apps
    assert "stack0/layer0/copy2/label" not in found  # two names, two copies
    guest = found["stack0/layer1/copy0/label"].get_text()
    assert found["stack0/layer1/copy1/label"].get_text() == guest


def test_the_taller_stack_stands_taller_on_the_same_floor(reader, theme):
    fig = draw(ARCHITECTURE, reader, theme)
    boxes = by_gid(fig, FancyBboxPatch)
    assert round(boxes["stack0/layer4/copy0"].get_y(), 6) == round(boxes["stack1/layer3/copy0"].get_y(), 6)
    assert boxes["stack0/layer0/copy0"].get_y() > boxes["stack1/layer0/copy0"].get_y()


def test_shared_layers_are_drawn_once_across_every_stack(reader, theme):
    fig = draw(SHARED_HOST, reader, theme)
    boxes = by_gid(fig, FancyBboxPatch)
    shared = [g for g in boxes if g.startswith("shared/")]
    assert sorted(shared) == ["shared/layer0/copy0", "shared/layer1/copy0"]
    wide, a, b = boxes["shared/layer0/copy0"], boxes["stack0/layer0/copy0"], boxes["stack1/layer0/copy0"]
    assert wide.get_x() <= a.get_x() + 1e-9
    assert wide.get_x() + wide.get_width() >= b.get_x() + b.get_width() - 1e-9
    assert boxes["shared/layer0/copy0"].get_y() > boxes["shared/layer1/copy0"].get_y()
    assert a.get_y() > wide.get_y() and round(a.get_y(), 6) == round(b.get_y(), 6)


def test_highlighted_layers_take_the_accent_colour(reader, theme):
    fig = draw(ARCHITECTURE, reader, theme)
    boxes = by_gid(fig, FancyBboxPatch)
    accent = "#" + theme.palette.accent.lower()
    assert to_hex(boxes["stack0/layer1/copy2"].get_facecolor()) == accent
    assert to_hex(boxes["stack1/layer1/copy0"].get_facecolor()) == accent
    assert to_hex(boxes["stack0/layer2/copy0"].get_facecolor()) != accent


def test_no_text_is_smaller_than_the_floor(reader, theme):
    fig = draw(ARCHITECTURE, reader, theme)
    assert min(t.get_fontsize() for t in texts(fig)) >= theme.diagram.small


def test_labels_stay_inside_their_layers(reader, theme):
    fig = draw(ARCHITECTURE, reader, theme)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    found = by_gid(fig)
    for gid, patch in by_gid(fig, FancyBboxPatch).items():
        label = found[gid + "/label"]
        assert patch.get_window_extent(renderer).padded(1).contains(*label.get_window_extent(renderer).min)
        assert patch.get_window_extent(renderer).padded(1).contains(*label.get_window_extent(renderer).max)
