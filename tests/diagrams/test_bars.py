"""Bar charts: one panel per metric, bars as tall as the data, every value labelled with its unit."""

from __future__ import annotations

import pytest
from matplotlib.patches import Rectangle

from slidegen.diagrams import bars

from .conftest import DOCKER_USAGE, spec, texts


def draw(raw, reader, theme):
    return bars.draw(spec(raw), theme, reader.pick)


def panels(fig):
    return [ax for ax in fig.axes if ax.patches]


def test_one_panel_per_metric_with_bars_as_tall_as_the_values(reader, theme):
    fig = draw(DOCKER_USAGE, reader, theme)
    axes = panels(fig)
    assert len(axes) == 3
    for ax, metric in zip(axes, DOCKER_USAGE["metrics"]):
        heights = [p.get_height() for p in ax.patches if isinstance(p, Rectangle)]
        assert heights == pytest.approx(metric["series"][0]["values"])


def test_every_bar_carries_its_value_with_the_unit(reader, theme):
    fig = draw(DOCKER_USAGE, reader, theme)
    labels = [[t.get_text() for t in ax.texts] for ax in panels(fig)]
    assert labels == [["1,024 MB", "50 MB"], ["10,000 MB", "120 MB"], ["45 s", "0.5 s"]]


def test_categories_label_each_panel_in_the_audience_language(reader, theme):
    fig = draw(DOCKER_USAGE, reader, theme)
    expected = {"ko": ["가상 머신", "컨테이너"], "en": ["Virtual machine", "Container"]}[reader.lang]
    for ax in panels(fig):
        ticks = [" ".join(t.get_text().split()) for t in ax.get_xticklabels()]
        assert ticks == expected


def test_panel_titles_name_the_metric_its_unit_and_a_log_scale(reader, theme):
    fig = draw(DOCKER_USAGE, reader, theme)
    titles = [ax.get_title() for ax in panels(fig)]
    if reader.lang == "ko":
        assert titles == ["메모리\n(MB)", "이미지 크기\n(MB, 로그 눈금)", "시작 시간\n(s, 로그 눈금)"]
    else:
        assert titles == ["Memory\n(MB)", "Image size\n(MB, log scale)", "Start-up time\n(s, log scale)"]
    assert [ax.get_yscale() for ax in panels(fig)] == ["linear", "log", "log"]


def test_log_panels_show_the_smallest_bar_and_room_for_every_label(theme, reader):
    fig = draw(DOCKER_USAGE, reader, theme)
    fig.canvas.draw()
    for ax in panels(fig):
        low, high = ax.get_ylim()
        values = [p.get_height() for p in ax.patches]
        assert low < min(values) / 2 or low == 0
        inside = ax.get_window_extent()
        for label in ax.texts:
            assert inside.contains(*label.get_window_extent().corners()[1])  # top left corner


def test_one_series_colours_bars_by_category_the_same_in_every_panel(reader, theme):
    fig = draw(DOCKER_USAGE, reader, theme)
    colours = [[p.get_facecolor() for p in ax.patches] for ax in panels(fig)]
    assert colours[0] == colours[1] == colours[2]
    assert colours[0][0] != colours[0][1]


def test_several_series_get_one_legend_and_a_colour_each(reader, theme):
    raw = {"kind": "bars", "categories": ["VM", {"ko": "컨테이너", "en": "Container"}],
           "metrics": [{"name": "RAM", "unit": "GB", "series": [
               {"name": {"ko": "최소", "en": "Least"}, "values": [1, 0.1]},
               {"name": {"ko": "보통", "en": "Typical"}, "values": [4, 0.5]}]},
               {"name": "Disk", "unit": "GB", "series": [
               {"name": {"ko": "최소", "en": "Least"}, "values": [10, 0.2]},
               {"name": {"ko": "보통", "en": "Typical"}, "values": [40, 1]}]}]}
    fig = draw(raw, reader, theme)
    (legend,) = fig.legends
    assert [t.get_text() for t in legend.get_texts()] == (["최소", "보통"] if reader.lang == "ko" else ["Least", "Typical"])
    ax = panels(fig)[0]
    assert [p.get_height() for p in ax.patches] == pytest.approx([1, 0.1, 4, 0.5])
    assert ax.patches[0].get_facecolor() == ax.patches[1].get_facecolor() != ax.patches[2].get_facecolor()
    assert [t.get_text() for t in ax.texts] == ["1 GB", "0.1 GB", "4 GB", "0.5 GB"]


def test_crowded_value_labels_stand_upright_instead_of_overlapping(theme, reader):
    raw = {"kind": "bars", "categories": list("ABCDEF"), "metrics": [{"name": "n", "unit": "ms", "series": [
        {"name": str(i), "values": [1234.5 * (i + 1)] * 6} for i in range(4)]}]}
    fig = draw(raw, reader, theme)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in panels(fig)[0].texts]
    assert {t.get_rotation() for t in panels(fig)[0].texts} == {90}
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_no_text_is_smaller_than_the_floor(reader, theme):
    fig = draw(DOCKER_USAGE, reader, theme)
    assert min(t.get_fontsize() for t in texts(fig)) >= theme.diagram.small >= 14


def test_the_source_is_left_to_the_slide_caption(reader, theme):
    fig = draw(DOCKER_USAGE, reader, theme)
    cited = reader.pick(spec(DOCKER_USAGE).source)
    assert not any(cited in t.get_text() for t in texts(fig))


def test_colours_come_from_the_theme(reader):
    from matplotlib.colors import to_hex
    from slidegen.theme import THEMES
    dark = THEMES["dark"]
    fig = bars.draw(spec(DOCKER_USAGE), dark, reader.pick)
    assert to_hex(fig.get_facecolor()).upper() == "#" + dark.palette.background
    assert to_hex(panels(fig)[0].patches[0].get_facecolor()).upper() == "#" + dark.palette.series[0]
