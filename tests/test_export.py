"""LibreOffice export: check finds exactly the planted problems, PDFs and PNGs, exit code 3.

Tests that render need LibreOffice and poppler: under CI (CI set) they fail when either is
missing; elsewhere they are skipped.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from slidegen import export
from slidegen.errors import MISSING_TOOL, SlidegenError
from slidegen.render.inspect import ParagraphInfo, RunInfo, ShapeInfo
from slidegen.text import has_hangul
from slidegen.theme import Box, FONT_DIR
from tests.conftest import EXAMPLES, copy_sample, soffice_or_skip

INSTALL = "apt-get install -y libreoffice-impress poppler-utils fonts-nanum fonts-nanum-coding"

CLEAN_LECTURE = """\
title: "점검용 강의"
subtitle: "LibreOffice로 확인합니다"
author: "슬라이드젠"
date: 2026-11-30
languages: [ko]
sections:
  - title: "기본"
    slides:
      - kind: title
      - kind: bullets
        title: "이미지와 컨테이너"
        bullets:
          - "이미지는 실행 환경의 설계도입니다"
          - text: "컨테이너는 `docker run`으로 만든 실체입니다"
            sub: ["하나의 이미지로 여러 컨테이너"]
        notes: "두 용어를 구분합니다."
      - kind: code
        title: "Dockerfile"
        language: dockerfile
        code: |
          FROM python:3.11-slim
          RUN pip install flask
          CMD ["python", "app.py"]
        caption: "세 줄짜리 Dockerfile"
        notes: "코드는 글자입니다."
      - kind: table
        title: "비교"
        columns: ["항목", "VM", "컨테이너"]
        rows:
          - ["크기", "GB", "MB"]
          - ["시작", "수십 초", "1초 미만"]
          - ["격리", "강함: 게스트 OS마다 커널이 따로 있어 무겁다", "약함: 커널을 나눠 쓰지만 가볍고 빠르다"]
        notes: "표입니다."
      - kind: image
        title: "그림"
        path: images/shapes.png
        alt: "파란 사각형과 초록 원"
        caption: "로컬 그림"
        notes: "대체 텍스트가 있습니다."
"""

# What the planted deck holds, slide by slide: (slide, kind, shape).
PLANTED = {
    (2, "text-outside-box", "Overflow"),
    (3, "text-too-small", "Tiny"),
    (4, "picture-without-alt", "Photo"),
    (5, "hangul-font", "Wrong font"),
    (6, "text-overlap", "First"),
    (7, "text-over-picture", "Label"),
    (8, "text-outside-slide", "Edge"),
}


def tools_or_skip() -> None:
    """LibreOffice and poppler, or a failure under CI and a skip elsewhere."""
    soffice_or_skip()
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail(f"poppler-utils is required in CI: {INSTALL}")
        pytest.skip("poppler-utils is not installed")


def poppler_or_skip() -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        if os.environ.get("CI"):
            pytest.fail(f"poppler-utils is required in CI: {INSTALL}")
        pytest.skip("poppler-utils is not installed")


# -- decks --------------------------------------------------------------------------------------

def png_bytes(colour: str = "#0B5CAD", size: tuple[int, int] = (400, 300)) -> io.BytesIO:
    data = io.BytesIO()
    Image.new("RGB", size, colour).save(data, "PNG")
    data.seek(0)
    return data


def text_box(slide, name: str, box: tuple[float, float, float, float], lines: list[str], size: float,
             face: str = "NanumGothic", wrap: bool = True):
    """A text box (inches) whose runs name ``face`` as both Latin and East Asian typeface."""
    shape = slide.shapes.add_textbox(*(Inches(v) for v in box))
    shape.name = name
    frame = shape.text_frame
    frame.word_wrap = wrap
    frame.auto_size = MSO_AUTO_SIZE.NONE
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.name = face
        etree.SubElement(run._r.get_or_add_rPr(), qn("a:ea")).set("typeface", face)
    return shape


def picture(slide, name: str, box: tuple[float, float, float, float], alt: str | None):
    shape = slide.shapes.add_picture(png_bytes(), *(Inches(v) for v in box))
    shape.name = name
    if alt is not None:
        shape._element.nvPicPr.cNvPr.set("descr", alt)
    return shape


def planted_deck(path: Path) -> Path:
    """Eight slides: the first clean, each other with one problem (see ``PLANTED``)."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12_192_000), Emu(6_858_000)
    layout = prs.slide_layouts[6]
    slides = [prs.slides.add_slide(layout) for _ in range(8)]

    clean = slides[0]
    text_box(clean, "Heading", (0.6, 0.4, 12, 1.0), ["깨끗한 슬라이드"], 32)
    text_box(clean, "Body", (0.6, 1.6, 7, 2.5), ["이미지는 설계도입니다", "Containers run images"], 24)
    picture(clean, "Diagram", (8.5, 1.6, 4, 3), "파란 사각형")
    text_box(clean, "Caption", (8.5, 4.7, 4, 0.5), ["그림 설명 caption"], 14)
    text_box(clean, "Footer deck", (0.6, 6.9, 4, 0.4), ["점검용 덱"], 10)

    text_box(slides[1], "Overflow", (1, 1.5, 6, 0.8), [f"{n}번째 줄 line {n}" for n in range(1, 6)], 24)

    text_box(slides[2], "Tiny", (1, 1.5, 6, 1), ["작은 글씨 tiny text"], 8)
    text_box(slides[2], "Code", (1, 3, 6, 1), ["docker run hello"], 14, face="NanumGothicCoding")
    text_box(slides[2], "Slide number", (11, 6.9, 1.5, 0.4), ["3"], 10)

    text_box(slides[3], "Body", (0.6, 0.6, 6, 1), ["설명이 없는 그림"], 24)
    picture(slides[3], "Photo", (2, 2, 5, 3.75), None)

    text_box(slides[4], "Wrong font", (1, 1.5, 8, 1), ["한글은 이 글꼴에 없다"], 24, face="DejaVu Sans")

    text_box(slides[5], "First", (1, 2, 8, 1), ["Docker 이미지"], 28)
    text_box(slides[5], "Second", (1, 2, 8, 1), ["컨테이너 실행"], 28)

    picture(slides[6], "Photo", (2, 1.5, 6, 4), "초록 사각형")
    text_box(slides[6], "Label", (3, 3, 4, 1), ["사진 위 글자"], 24)

    text_box(slides[7], "Edge", (11.5, 2, 3.5, 1), ["beyond the edge"], 24, wrap=False)
    prs.save(str(path))
    return path


@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> dict[str, Path]:
    """The planted deck and a clean lecture (YAML) with its picture."""
    folder = tmp_path_factory.mktemp("decks")
    (folder / "images").mkdir()
    shutil.copy(EXAMPLES / "images" / "shapes.png", folder / "images" / "shapes.png")
    (folder / "lecture.yaml").write_text(CLEAN_LECTURE, encoding="utf-8")
    return {"planted": planted_deck(folder / "planted.pptx"), "lecture": folder / "lecture.yaml"}


@pytest.fixture(scope="module")
def reports(decks) -> dict[str, export.DeckReport]:
    """Both decks checked in one call (one LibreOffice process), by deck name."""
    tools_or_skip()
    found = export.check([str(decks["lecture"]), str(decks["planted"])])
    return {Path(r.target.name).name: r for r in found}


# -- check --------------------------------------------------------------------------------------

def test_check_finds_exactly_the_planted_problems_on_their_slides(reports):
    report = reports["planted.pptx"]
    assert (report.slides, report.pages) == (8, 8)
    assert {(f.slide, f.kind, f.shape) for f in report.findings} == PLANTED


def test_a_lecture_built_by_slidegen_checks_clean(reports):
    report = reports["lecture-default.pptx"]
    assert report.target.source.endswith("lecture.yaml")
    assert report.slides == report.pages == 5
    assert report.findings == []


def test_the_messages_say_where_and_how_far(reports):
    report = reports["planted.pptx"]
    messages = {f.kind: str(f) for f in report.findings}
    assert messages["text-outside-box"].startswith(
        f"{report.target.name}: slide 2: text outside its box: 'Overflow' by ")
    assert "pt at the bottom" in messages["text-outside-box"]
    assert "pt at the right" in messages["text-outside-slide"]
    assert "'Tiny' has 8 pt text; the floor for body text is 18 pt" in messages["text-too-small"]
    assert "'Wrong font' sets Hangul in 'DejaVu Sans'" in messages["hangul-font"]
    assert "(its description is the file name 'image.png')" in messages["picture-without-alt"]
    assert "'Label' over 'Photo'" in messages["text-over-picture"]
    assert "'First' and 'Second'" in messages["text-overlap"]
    overflow = next(f for f in report.findings if f.kind == "text-outside-box")
    assert 60 < overflow.amount < 100  # four lines of 28.8 pt past a box that holds one


def test_check_prints_a_line_per_problem_and_exits_1(decks, cli, tmp_path):
    tools_or_skip()
    run = cli("check", decks["planted"], cwd=tmp_path)
    assert run.code == 1, run.err
    lines = run.out.strip().splitlines()
    assert len(lines) == len(PLANTED)
    assert all(line.startswith(f"{decks['planted']}: slide ") for line in lines)
    assert "LibreOffice: 1 deck(s) rendered in" in run.err
    assert f"{decks['planted']}: 8 slides, 7 problems (" in run.err


def test_check_json_on_a_clean_lecture_exits_0(decks, cli):
    tools_or_skip()
    run = cli("check", "--json", "-q", decks["lecture"].name, cwd=decks["lecture"].parent)
    assert run.code == 0, run.err
    report = json.loads(run.out)
    assert report["problems"] == 0
    [deck] = report["decks"]
    assert (deck["deck"], deck["audience"], deck["slides"], deck["pages"], deck["problems"]) == (
        "lecture-default.pptx", "default", 5, 5, [])
    assert run.err == ""


def test_the_hangul_check_knows_which_fonts_have_hangul():
    tools_or_skip()
    tools = export.find_tools()
    with export.workspace(tools) as space:
        book = export.font_book(space)
    assert book.lacks_hangul("DejaVu Sans") and book.lacks_hangul("CAAAAA+DejaVuSans-Bold")
    assert not book.lacks_hangul("NanumGothic") and not book.lacks_hangul("NanumGothicCoding-Bold")
    assert not book.lacks_hangul("A font nobody has")


def test_the_package_fonts_render_hangul_without_any_system_font(decks, tmp_path, monkeypatch):
    tools_or_skip()
    bare = tmp_path / "bare.conf"
    bare.write_text(f"<?xml version='1.0'?>\n<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n",
                    encoding="utf-8")
    monkeypatch.setenv("FONTCONFIG_FILE", str(bare))
    deck = planted_deck(tmp_path / "deck.pptx")
    tools = export.find_tools()
    with export.workspace(tools) as space:
        assert str(FONT_DIR) in (space.root / "slidegen-fonts.conf").read_text(encoding="utf-8")
        [pdf] = export.to_pdf([deck], space)
        pages = export.read_pdf(pdf, space)
    assert {w.font for w in pages[0] if has_hangul(w.text)} == {"NanumGothic"}


def test_a_pdf_with_fewer_pages_than_slides_is_reported(decks, tmp_path):
    poppler_or_skip()
    pdf = tmp_path / "one.pdf"
    Image.new("RGB", (960, 540), "white").save(pdf, "PDF", resolution=72)
    tools = export.Tools("soffice", *(shutil.which(t) for t in ("pdftotext", "pdftohtml", "pdftoppm", "pdfinfo")))
    target = export.Target(decks["planted"], "planted.pptx")
    with export.workspace(tools) as space:
        report = export.check_deck(target, pdf, space, export.FontBook())
    assert (report.slides, report.pages) == (8, 1)
    assert [(f.slide, f.kind, str(f)) for f in report.findings if f.kind == "page-count"] == [
        (0, "page-count", "planted.pptx: the PDF has 1 pages for 8 slides")]


# -- build --pdf --png --------------------------------------------------------------------------

def test_build_pdf_png_writes_a_page_per_slide_pngs_and_a_contact_sheet(workdir, cli):
    tools_or_skip()
    copy_sample(workdir / "content")
    run = cli("build", "--pdf", "--png")
    assert run.code == 0, run.err
    decks = sorted((workdir / "output").glob("*.pptx"))
    assert decks
    for deck in decks:
        slides = len(Presentation(str(deck)).slides)
        info = subprocess.run(["pdfinfo", str(deck.with_suffix(".pdf"))], capture_output=True, text=True).stdout
        assert f"Pages:           {slides}\n" in info
        pngs = sorted((workdir / "output" / deck.stem).glob("slide-*.png"))
        assert [p.name for p in pngs] == [f"slide-{n:02d}.png" for n in range(1, slides + 1)]
        with Image.open(pngs[0]) as first:
            assert first.size == (1280, 720)
        with Image.open(workdir / "output" / f"{deck.stem}-contact.png") as sheet:
            rows = -(-slides // export.SHEET_COLUMNS)
            assert sheet.width > 4 * export.SHEET_THUMB
            assert sheet.height > rows * (export.SHEET_THUMB * 9 // 16 + export.SHEET_LABEL)
        assert f"{deck.name}: {slides} pages ->" in run.err
    assert "LibreOffice: 2 deck(s) rendered in" in run.err


def test_stale_slide_pngs_of_a_longer_deck_are_removed(tmp_path):
    poppler_or_skip()
    pdf = tmp_path / "two.pdf"
    pages = [Image.new("RGB", (960, 540), colour) for colour in ("white", "grey")]
    pages[0].save(pdf, "PDF", resolution=72, save_all=True, append_images=pages[1:])
    folder = tmp_path / "deck"
    folder.mkdir()
    for n in range(1, 5):
        (folder / f"slide-{n:02d}.png").write_bytes(b"old")
    (folder / "notes.txt").write_text("mine")
    tools = export.Tools("soffice", *(shutil.which(t) for t in ("pdftotext", "pdftohtml", "pdftoppm", "pdfinfo")))
    with export.workspace(tools) as space:
        written = export.slide_pngs(pdf, folder, space)
    assert [p.name for p in written] == ["slide-01.png", "slide-02.png"]
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt", "slide-01.png", "slide-02.png"]


def test_the_contact_sheet_numbers_every_slide_in_a_grid(tmp_path):
    images = []
    for n in range(5):
        path = tmp_path / f"s{n}.png"
        Image.new("RGB", (1280, 720), (40 * n, 80, 160)).save(path)
        images.append(path)
    with Image.open(io.BytesIO(export.contact_sheet(images, "deck.pptx"))) as sheet:
        assert sheet.width == export.SHEET_PAD + 4 * (export.SHEET_THUMB + export.SHEET_PAD)
        thumb_h = export.SHEET_THUMB * 720 // 1280
        assert sheet.height == export.SHEET_TITLE + 2 * (thumb_h + export.SHEET_LABEL + export.SHEET_PAD) + \
            export.SHEET_PAD // 2
        # the fifth slide starts the second row, the sixth place stays empty
        x, y = export.SHEET_PAD + 10, export.SHEET_TITLE + thumb_h + export.SHEET_LABEL + export.SHEET_PAD + 10
        assert sheet.getpixel((x, y)) == (160, 80, 160)
        assert sheet.getpixel((x + export.SHEET_THUMB + export.SHEET_PAD, y)) == (0xE9, 0xED, 0xF1)


# -- without LibreOffice ------------------------------------------------------------------------

@pytest.fixture
def no_soffice(tmp_path, monkeypatch):
    """A PATH with poppler (when installed) but no LibreOffice."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("pdftotext", "pdftohtml", "pdftoppm", "pdfinfo", "fc-list"):
        found = shutil.which(tool)
        if found:
            (bin_dir / tool).symlink_to(found)
    monkeypatch.setenv("PATH", str(bin_dir))
    return bin_dir


def test_check_without_libreoffice_exits_3_with_the_install_command(no_soffice, decks, cli, tmp_path):
    run = cli("check", decks["planted"], cwd=tmp_path)
    assert run.code == MISSING_TOOL
    [line] = run.lines
    assert "LibreOffice (soffice) not found on the PATH" in line
    assert INSTALL in line


def test_build_pdf_without_libreoffice_exits_3_and_writes_nothing(no_soffice, workdir, cli):
    copy_sample(workdir / "content")
    for flag in ("--pdf", "--png"):
        run = cli("build", flag)
        assert run.code == MISSING_TOOL
        assert INSTALL in run.err
        assert not (workdir / "output").exists()
    assert cli("build", "-q").code == 0
    assert sorted(p.suffix for p in (workdir / "output").iterdir()) == [".pptx", ".pptx"]


def test_a_stuck_libreoffice_is_stopped_at_the_time_limit(tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho $$ > \"$(dirname \"$0\")/pid\"\nexec sleep 60\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    deck = planted_deck(tmp_path / "deck.pptx")
    tools = export.Tools(str(fake), "pdftotext", "pdftohtml", "pdftoppm", "pdfinfo")
    with export.workspace(tools) as space, pytest.raises(SlidegenError) as caught:
        export.to_pdf([deck], space, timeout=1)
    assert caught.value.code == MISSING_TOOL
    assert "LibreOffice did not finish within 1 s" in str(caught.value)
    pid = int((tmp_path / "pid").read_text())
    for _ in range(50):  # the process group was killed; wait for the kernel to reap it
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the stuck soffice process is still running")


def test_a_file_that_is_not_a_pptx_is_an_input_error(tmp_path, cli):
    broken = tmp_path / "broken.pptx"
    broken.write_bytes(b"not a zip")
    tools_or_skip()
    run = cli("check", broken, cwd=tmp_path)
    assert run.code == 2
    assert "broken.pptx: not a .pptx file python-pptx can read" in run.err


def test_check_rejects_files_that_are_neither_decks_nor_lectures(tmp_path, cli):
    tools_or_skip()
    (tmp_path / "notes.txt").write_text("x")
    run = cli("check", "notes.txt", "missing.pptx", cwd=tmp_path)
    assert run.code == 2
    assert run.lines == ["missing.pptx: no such file", "notes.txt: expected a .pptx deck or a .yaml lecture"]


# -- matching and roles, no LibreOffice needed ---------------------------------------------------

def shape(name: str, box_in: tuple[float, float, float, float], text: str) -> ShapeInfo:
    box = Box(*(Inches(v) for v in box_in))
    return ShapeInfo(name, box, tuple(ParagraphInfo("", (RunInfo(line),)) for line in text.split("\n")))


def word(text: str, x: float, y: float, size: float = 24, line: int = 1) -> export.Word:
    """A word as poppler boxes it, ``x`` and ``y`` its left and baseline in points."""
    width = len(text) * size * 0.6
    return export.Word(text, x, y - export.POPPLER_ASCENT * size, x + width, y + export.POPPLER_DESCENT * size, line)


def test_words_match_their_shape_though_libreoffice_spaces_hangul_from_punctuation():
    shapes = [shape("Title", (1, 0.5, 10, 1), "설계도, 컨테이너"), shape("Body", (1, 2, 10, 3), "설계도\n컨테이너 실행")]
    words = [word("설계도", 80, 80), word(",", 150, 80), word("컨테이너", 170, 80),
             word("설계도", 80, 180, line=2), word("컨테이너", 80, 210, line=3), word("실행", 200, 210, line=3)]
    assert export.match_words(words, shapes) == [0, 0, 0, 1, 1, 1]


def test_text_that_overflows_into_another_box_stays_with_its_own_shape():
    shapes = [shape("Upper", (1, 1, 10, 0.5), "하나 둘 셋"), shape("Lower", (1, 1.5, 10, 1), "셋 넷")]
    words = [word("하나", 80, 100), word("둘", 80, 130, line=2), word("셋", 80, 160, line=3),
             word("셋", 80, 190, line=4), word("넷", 120, 190, line=4)]
    assert export.match_words(words, shapes) == [0, 0, 0, 1, 1]


def test_a_bullet_the_layout_adds_goes_with_the_text_of_its_line():
    shapes = [shape("Body", (1, 1, 10, 3), "첫 줄")]
    assert export.match_words([word("\u2022", 72, 100), word("첫", 90, 100), word("줄", 120, 100)], shapes) == [0, 0, 0]


@pytest.mark.parametrize("name, role", [
    ("Footer deck", "footer"), ("Footer section", "footer"), ("Slide number", "footer"),
    ("Slide Number Placeholder 3", "footer"), ("Code", "code"), ("Card 2 command", "code"),
    ("Caption", "caption"), ("Attribution", "caption"), ("Author and date", "caption"), ("Title 1", "body"),
    ("Agenda section", "body"), ("Table row 2, column 1", "body"), ("Codebook", "body"),
])
def test_each_shape_keeps_the_size_floor_of_its_role(name, role):
    assert export.role_of(name) == role
    assert export.SIZE_FLOORS[role] == {"body": 18, "code": 14, "caption": 14, "footer": 10}[role]


def test_the_fontconfig_file_adds_the_package_fonts_to_the_users_configuration(tmp_path, monkeypatch):
    monkeypatch.setenv("FONTCONFIG_FILE", "/etc/custom & fonts.conf")
    text = export.fontconfig_file(tmp_path).read_text(encoding="utf-8")
    assert '<include ignore_missing="yes">/etc/custom &amp; fonts.conf</include>' in text
    assert f"<dir>{FONT_DIR}</dir>" in text
    etree.fromstring(text.encode())


def test_a_table_row_may_grow_but_a_cell_keeps_its_width():
    cell = ShapeInfo("Table row 2, column 1", Box(*(Inches(v) for v in (1, 1, 2, 0.4))),
                     (ParagraphInfo("", (RunInfo("긴 셀의 글"),)),), grows=True)
    below = [word("긴", 80, 100), word("셀의", 80, 140, line=2), word("글", 80, 170, line=3)]
    view = export.SlideView(1, (cell,), below, [0, 0, 0], 960, 540, export.FontBook())
    assert export.text_outside_box(view) == []
    wide = [word("긴", 80, 100), word("셀의", 200, 100), word("글", 250, 100)]
    view = export.SlideView(1, (cell,), wide, [0, 0, 0], 960, 540, export.FontBook())
    [finding] = export.text_outside_box(view)
    assert "at the right" in finding.message and "at the bottom" not in finding.message


def test_shapes_that_share_a_name_are_told_apart_by_their_text():
    shapes = (shape("Agenda minutes", (10, 1, 1, 0.5), "9 min"), shape("Agenda minutes", (10, 1.5, 1, 0.5), "13 min"))
    view = export.SlideView(2, shapes, [], [], 960, 540, export.FontBook())
    assert [view.label(0), view.label(1)] == ["'Agenda minutes' ('9 min')", "'Agenda minutes' ('13 min')"]


def test_bullets_of_two_columns_read_line_by_line_stay_in_their_own_column():
    shapes = [shape("Left column", (1, 1, 4, 2), "\u2022 가 \u2022 나"), shape("Right column", (6, 1, 4, 2), "\u2022 다")]
    words = [word("\u2022", 80, 100), word("가", 95, 100), word("\u2022", 440, 100), word("다", 455, 100),
             word("\u2022", 80, 130, line=2), word("나", 95, 130, line=2)]
    assert export.match_words(words, shapes) == [0, 0, 1, 1, 0, 0]
