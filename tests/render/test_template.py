"""Templates: the deck is built on a user's masters and layouts, found by name, with its geometry."""

from __future__ import annotations

import json

import pytest
from pptx import Presentation
from pptx.util import Inches

from tests.conftest import copy_sample
from tests.templates import BOXES, MAPPING, make_template



def layout_args() -> list[str]:
    return [arg for option in MAPPING for arg in ("--layout", option)]


@pytest.fixture
def on_template(workdir, cli):
    """The sample deck built on the test template (Korean audience)."""
    copy_sample(workdir / "content")
    template = make_template(workdir / "school.pptx")
    run = cli("build", "--audience", "korean", "--template", str(template), "--json", *layout_args())
    assert run.code == 0, run.err
    return workdir / "output" / "sample-korean.pptx", run


def box_in(shape) -> tuple[float, ...]:
    return tuple(round(v / 914400, 2) for v in (shape.left, shape.top, shape.width, shape.height))


def test_every_slide_sits_on_the_mapped_layout(on_template):
    deck, _ = on_template
    layouts = [s.slide_layout.name for s in Presentation(str(deck)).slides]
    assert layouts[0] == "Cover"
    assert layouts.count("Divider") == 2
    assert layouts.count("Content") == 2  # the bullets and the summary slide
    assert set(layouts) == {"Cover", "Divider", "Content", "Headline"}


def test_text_sits_in_the_layouts_placeholders_at_the_layouts_positions(on_template):
    deck, _ = on_template
    for slide in Presentation(str(deck)).slides:
        expected = BOXES[slide.slide_layout.name]
        title = next((s for s in slide.placeholders if "TITLE" in str(s.placeholder_format.type)), None)
        if title is None:  # a quote without a title
            continue
        kind = "CENTER_TITLE" if "CENTER_TITLE" in expected else "TITLE"
        assert box_in(title) == expected[kind], slide.slide_layout.name
        if slide.slide_layout.name == "Content":
            body = next(s for s in slide.placeholders if "OBJECT" in str(s.placeholder_format.type))
            assert box_in(body) == expected["OBJECT"]
            assert body.text_frame.text.strip()


def test_the_templates_sample_slides_are_not_carried_into_the_deck(on_template):
    deck, run = on_template
    prs = Presentation(str(deck))
    assert len(prs.slides) == json.loads(run.out)["decks"][0]["slides"]
    assert all("Company sample slide" not in (s.shapes.title.text_frame.text if s.shapes.title else "")
               for s in prs.slides)


def test_colours_come_from_the_template(on_template):
    deck, _ = on_template
    slide = Presentation(str(deck)).slides[3]
    rule = next(s for s in slide.shapes if s.name == "Title rule")
    assert str(rule.fill.fore_color.rgb) == "7A1E48"


def test_a_missing_layout_falls_back_with_a_warning_naming_it(workdir, cli):
    copy_sample(workdir / "content")
    template = make_template(workdir / "school.pptx", drop=("Divider",))
    run = cli("build", "--audience", "korean", "--template", str(template), *layout_args())
    assert run.code == 0
    assert "school.pptx: template has no layout 'Divider' for section slides; using 'Headline'" in run.lines
    layouts = [s.slide_layout.name for s in Presentation(str(workdir / "output/sample-korean.pptx")).slides]
    assert "Divider" not in layouts and layouts[2] == "Headline"


def test_default_layout_names_work_without_a_mapping_on_a_powerpoint_style_template(workdir, cli):
    copy_sample(workdir / "content")
    template = make_template(workdir / "school.pptx")
    run = cli("build", "--audience", "korean", "--template", str(template))
    assert run.code == 0
    assert "school.pptx: template has no layout 'Title Slide' for title slides; using 'Title and Content'" \
        not in run.lines  # the fallbacks are named, not silently used
    assert any("template has no layout 'Title Slide'" in line for line in run.lines)


def test_a_4_3_template_is_reported_and_used_as_it_is(workdir, cli):
    copy_sample(workdir / "content")
    template = make_template(workdir / "old.pptx", wide=False)
    run = cli("build", "--audience", "korean", "--template", str(template), *layout_args())
    assert run.code == 0
    assert "old.pptx: template is 4:3 (10.00 x 7.50 in); slides keep its size" in run.lines
    prs = Presentation(str(workdir / "output/sample-korean.pptx"))
    assert (prs.slide_width, prs.slide_height) == (Inches(10), Inches(7.5))


def test_a_template_that_is_not_a_pptx_is_an_input_error(workdir, cli):
    copy_sample(workdir / "content")
    (workdir / "notes.txt").write_text("hello", encoding="utf-8")
    (workdir / "fake.pptx").write_text("not a zip", encoding="utf-8")
    run = cli("build", "--template", "notes.txt")
    assert (run.code, run.lines) == (2, ["notes.txt: not a PowerPoint template (expected a .pptx or .potx file)"])
    run = cli("build", "--template", "fake.pptx")
    assert run.code == 2
    assert run.lines[0].startswith("fake.pptx: not a PowerPoint template (BadZipFile")
    assert not (workdir / "output").exists()


def test_a_profile_can_choose_a_template_relative_to_its_file(workdir, cli):
    deck = copy_sample(workdir / "content")
    make_template(workdir / "content" / "school.pptx")
    text = deck.read_text(encoding="utf-8").replace(
        "korean: {language: ko, levels: [intro, core, deep], minutes: 60}",
        "korean: {language: ko, levels: [intro, core, deep], minutes: 60, template: school.pptx, "
        "layouts: {title: Cover, bullets: Content, summary: Content, section: Divider, default: Headline}}")
    deck.write_text(text, encoding="utf-8")
    assert cli("build", "--audience", "korean").code == 0
    layouts = {s.slide_layout.name for s in Presentation(str(workdir / "output/sample-korean.pptx")).slides}
    assert layouts == {"Cover", "Divider", "Content", "Headline"}


def test_layouts_command_shows_the_mapping(workdir, cli):
    template = make_template(workdir / "school.pptx")
    run = cli("layouts", str(template), *layout_args())
    assert run.code == 0
    assert "  'Divider' (master 1): slidegen uses it for section" in run.out.splitlines()
    assert "      TITLE         idx 0   at 1.00,2.60 in, 11.30 x 1.40 in" in run.out.splitlines()


def test_the_docker_lecture_builds_on_the_template_with_every_slide_on_a_mapped_layout(workdir, cli):
    import shutil
    from tests.conftest import CONTENT
    for name in ("docker-01-basics.yaml", "_audiences.yaml"):
        shutil.copy(CONTENT / name, workdir / "content" / name)
    template = make_template(workdir / "school.pptx")
    run = cli("build", "--audience", "english", "--template", str(template), *layout_args())
    assert run.code == 0, run.err
    prs = Presentation(str(workdir / "output" / "docker-01-basics-english.pptx"))
    assert {s.slide_layout.name for s in prs.slides} == {"Cover", "Divider", "Content", "Headline"}
    for slide in prs.slides:
        title = next((s for s in slide.placeholders if "TITLE" in str(s.placeholder_format.type)), None)
        if title is not None:
            kind = "CENTER_TITLE" if slide.slide_layout.name == "Cover" else "TITLE"
            assert box_in(title) == BOXES[slide.slide_layout.name][kind]


def test_slidegen_layouts_reports_a_template_it_cannot_read_through_as_an_input_error(workdir, cli):
    from tests.test_bad_input import empty_layout, template
    template("school.pptx", empty_layout)(workdir)
    run = cli("layouts", "templates/school.pptx")
    assert (run.code, run.lines) == (2, ["templates/school.pptx: not a PowerPoint template (InvalidXmlError: "
                                         "required ``<p:cSld>`` child element not present)"])
