"""picture(): PNG and alt text for a spec, the same bytes every time, drawn once and then cached."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from slidegen import diagrams
from slidegen import model as m
from slidegen.diagrams import DRAWERS, cache, cache_key, picture
from slidegen.theme import THEMES

from .conftest import ARCHITECTURE, CLIENT_DAEMON, DOCKER_USAGE, WORKFLOW, Reader, spec

ROOT = Path(__file__).resolve().parents[2]
PNG = b"\x89PNG\r\n\x1a\n"


def test_every_diagram_kind_has_a_drawer():
    assert sorted(DRAWERS) == sorted(m.DIAGRAM_KINDS)


@pytest.mark.parametrize("raw", [DOCKER_USAGE, ARCHITECTURE, CLIENT_DAEMON, WORKFLOW],
                         ids=["bars", "stacks", "flow", "chain"])
def test_each_kind_draws_a_png_of_the_slide_body_size_in_either_language(raw, reader, theme):
    (png, size), alt = picture(spec(raw), theme, reader)
    assert png.startswith(PNG)
    w, h = theme.diagram_size
    assert size == (round(w * theme.diagram_dpi), round(h * theme.diagram_dpi))
    assert alt and not alt.endswith(".png")


def test_the_figure_fits_the_slide_body_above_a_caption(theme):
    body = theme.grid.body
    w, h = theme.diagram_size
    assert w * 914400 <= body.w and h * 914400 <= body.h
    assert w >= 12 and h >= 4.5  # shown at its own size, so its 14 pt text reads as 14 pt


def test_the_png_has_no_software_or_date_metadata(theme):
    from PIL import Image
    import io
    (png, _), _ = picture(spec(DOCKER_USAGE), theme, Reader("en"))
    info = Image.open(io.BytesIO(png)).info
    assert not {"Software", "Creation Time", "Date"} & set(info)


def test_the_same_spec_gives_the_same_bytes_when_drawn_again(theme, tmp_path, monkeypatch):
    first, _ = picture(spec(CLIENT_DAEMON), theme, Reader("ko"))
    monkeypatch.setenv("SLIDEGEN_CACHE", str(tmp_path / "other"))
    monkeypatch.setattr(diagrams, "_kept", {})  # as in a new process
    second, _ = picture(spec(CLIENT_DAEMON), theme, Reader("ko"))
    assert first[0] == second[0]
    assert list((tmp_path / "other" / "diagrams").glob("*.png"))  # really drawn twice


def test_the_cache_keeps_the_png_and_the_alt_text_under_the_key(theme, tmp_path):
    d = spec(ARCHITECTURE)
    (png, size), alt = picture(d, theme, Reader("en"))
    key = cache_key(d, theme, Reader("en").pick, "en")
    folder = tmp_path / "cache" / "diagrams"
    assert (folder / f"{key}.png").read_bytes() == png
    meta = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
    assert meta["alt"] == alt and tuple(meta["size"]) == size
    assert not [p for p in folder.iterdir() if p.suffix == ".tmp" or p.name.startswith(".")]


def test_the_cache_folder_defaults_to_the_working_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("SLIDEGEN_CACHE")
    monkeypatch.chdir(tmp_path)
    assert cache.folder() == tmp_path / ".cache" / "slidegen" / "diagrams"


def test_the_key_follows_the_resolved_text_the_theme_and_the_language(theme):
    d = spec(DOCKER_USAGE)
    ko, en = Reader("ko"), Reader("en")
    key = cache_key(d, theme, ko.pick, "ko")
    assert key == cache_key(spec(DOCKER_USAGE), theme, ko.pick, "ko")
    assert key != cache_key(d, theme, en.pick, "en")
    assert key != cache_key(d, THEMES["dark"], ko.pick, "ko")
    english_edit = {**DOCKER_USAGE, "categories": [{"ko": "가상 머신", "en": "VM"}, {"ko": "컨테이너", "en": "Container"}]}
    assert cache_key(spec(english_edit), theme, ko.pick, "ko") == key  # the Korean picture is unchanged
    assert cache_key(spec(english_edit), theme, en.pick, "en") != cache_key(d, theme, en.pick, "en")
    changed = {**DOCKER_USAGE, "metrics": DOCKER_USAGE["metrics"][:2]}
    assert cache_key(spec(changed), theme, ko.pick, "ko") != key


def test_a_broken_cache_entry_is_drawn_again(theme, tmp_path):
    d = spec(WORKFLOW)
    (png, _), _ = picture(d, theme, Reader("en"))
    key = cache_key(d, theme, Reader("en").pick, "en")
    (tmp_path / "cache" / "diagrams" / f"{key}.png").write_bytes(png[:100])
    (again, _), _ = picture(d, theme, Reader("en"))
    assert again == png


def test_a_cache_that_cannot_be_written_does_not_stop_the_drawing(theme, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SLIDEGEN_CACHE", str(blocker))
    (png, _), alt = picture(spec(WORKFLOW), theme, Reader("ko"))
    assert png.startswith(PNG) and alt


def test_a_cache_hit_does_not_import_matplotlib(theme, tmp_path):
    env = {**os.environ, "SLIDEGEN_CACHE": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    script = textwrap.dedent(f"""
        import json, sys
        from tests.diagrams.conftest import DOCKER_USAGE, Reader, spec
        from slidegen.diagrams import picture
        from slidegen.theme import THEMES
        (png, size), alt = picture(spec(DOCKER_USAGE), THEMES["light"], Reader("ko"))
        print(json.dumps({{"matplotlib": "matplotlib" in sys.modules, "bytes": len(png), "alt": alt}}))
    """)
    runs = [json.loads(subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True,
                                      text=True, check=True).stdout) for _ in range(2)]
    assert runs[0]["matplotlib"] is True  # a cold cache draws
    assert runs[1]["matplotlib"] is False  # a warm one reads the file
    assert runs[0]["bytes"] == runs[1]["bytes"] and runs[0]["alt"] == runs[1]["alt"]


def test_drawing_leaves_matplotlib_settings_as_they_were(theme):
    import matplotlib
    before = dict(matplotlib.rcParams)
    picture(spec(CLIENT_DAEMON), theme, Reader("ko"))
    assert dict(matplotlib.rcParams) == before


def test_hangul_and_the_minus_sign_draw_without_a_missing_glyph(theme, recwarn):
    from slidegen.diagrams import bars
    raw = {"kind": "bars", "categories": ["가−나", "다"], "metrics": [{"name": "값 − 차이", "unit": "초",
                                                                   "series": [{"name": "x", "values": [1, 2]}]}]}
    fig = bars.draw(spec(raw), theme, Reader("ko").pick)
    fig.canvas.draw()
    assert not [w for w in recwarn if "missing from font" in str(w.message)]
