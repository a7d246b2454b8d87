"""The real client: LibreOffice renders every shipped look with nothing outside its box.

One LibreOffice run renders the sample deck in every built-in theme and on a custom template,
and the Docker lecture for every audience; ``slidegen check`` then compares what was drawn
with the shapes of each deck. This test must run in CI (it fails there without LibreOffice).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from slidegen.build import build
from tests.conftest import CONTENT, ROOT, SAMPLE, soffice_or_skip
from tests.templates import MAPPING, make_template


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    soffice_or_skip()
    from slidegen.export import check
    out = tmp_path_factory.mktemp("looks")
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        decks = []
        for theme in ("light", "dark", "contrast"):
            folder = out / theme
            build([str(SAMPLE)], folder, audience="korean", theme_name=theme)
            decks.append(folder / "sample-korean.pptx")
        template = make_template(out / "school.pptx")
        layouts = dict(option.split("=", 1) for option in MAPPING)
        build([str(SAMPLE)], out / "template", audience="english", template=str(template), layouts=layouts)
        decks.append(out / "template" / "sample-english.pptx")
        lecture = CONTENT / "docker-01-basics.yaml"
        if lecture.exists():
            for built in build([str(lecture)], out / "docker"):
                decks.append(out / "docker" / Path(built.path).name)
        return {str(r.target.path.relative_to(out)): r for r in check([str(d) for d in decks])}
    finally:
        os.chdir(old)


def test_every_look_and_every_audience_renders_with_nothing_outside_its_box(reports):
    problems = [str(f) for report in reports.values() for f in report.findings]
    assert problems == []
    assert len(reports) >= 4


def test_every_slide_becomes_one_page(reports):
    assert all(r.pages == r.slides > 10 for r in reports.values())
