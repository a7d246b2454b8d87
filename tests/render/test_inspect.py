"""Reading a deck back as plain data: names, boxes, text, sizes, typefaces, pictures, cells."""

from __future__ import annotations

import io

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from slidegen.render.inspect import inspect_deck
from slidegen.theme import Box


def png() -> io.BytesIO:
    data = io.BytesIO()
    Image.new("RGB", (40, 30), "#0B5CAD").save(data, "PNG")
    data.seek(0)
    return data


def blank_deck():
    prs = Presentation()
    prs.slide_width, prs.slide_height = Emu(12_192_000), Emu(6_858_000)
    return prs, prs.slide_layouts[6]


def reread(prs):
    out = io.BytesIO()
    prs.save(out)
    return inspect_deck(out.getvalue())


def test_a_built_deck_reads_back_with_names_boxes_text_sizes_and_typefaces(sample_decks):
    deck = inspect_deck(sample_decks["korean"])
    assert (deck.width, deck.height) == (12_192_000, 6_858_000)
    assert [s.number for s in deck.slides] == list(range(1, len(deck.slides) + 1))
    code = next(s for s in deck.slides for s in s.shapes if s.name == "Code")
    assert code.text.startswith("FROM python:3.11-slim")
    assert {r.east_asian for r in code.runs} == {"NanumGothicCoding"}
    assert min(r.size for r in code.runs) >= 14
    numbers = {slide.number: s.text for slide in deck.slides for s in slide.shapes if s.name == "Slide number"}
    assert len(numbers) > len(deck.slides) // 2
    assert all(text == str(number) for number, text in numbers.items())
    picture = next(s for slide in deck.slides for s in slide.shapes if s.picture)
    assert picture.alt == "파란 사각형과 초록 원"
    assert picture.paragraphs == ()


def test_bullets_set_on_a_paragraph_are_reported_with_it(sample_decks):
    deck = inspect_deck(sample_decks["korean"])
    bullets = [p.bullet for slide in deck.slides for s in slide.shapes for p in s.paragraphs]
    assert "\u2022" in bullets and "\u2013" in bullets


def test_boxes_are_in_emu_and_in_points():
    prs, layout = blank_deck()
    slide = prs.slides.add_slide(layout)
    shape = slide.shapes.add_textbox(Inches(1), Inches(2), Inches(3), Inches(0.5))
    shape.name = "Note"
    shape.text_frame.text = "hello"
    shape.text_frame.paragraphs[0].runs[0].font.size = Pt(13.5)
    [note] = reread(prs).slides[0].shapes
    assert note.box == Box(914_400, 1_828_800, 2_743_200, 457_200)
    assert note.box_pt == (72.0, 144.0, 288.0, 180.0)
    assert [(r.text, r.size, r.latin, r.east_asian) for r in note.runs] == [("hello", 13.5, None, None)]


def test_a_table_becomes_one_shape_per_cell_with_its_planned_box():
    prs, layout = blank_deck()
    slide = prs.slides.add_slide(layout)
    frame = slide.shapes.add_table(2, 2, Inches(1), Inches(1), Inches(4), Inches(1))
    frame.name = "Table"
    frame.table.columns[0].width = Inches(1)
    frame.table.columns[1].width = Inches(3)
    for r in range(2):
        frame.table.rows[r].height = Inches(0.5)
        for c in range(2):
            frame.table.cell(r, c).text = f"r{r}c{c}"
    cells = reread(prs).slides[0].shapes
    assert [c.name for c in cells] == ["Table row 1, column 1", "Table row 1, column 2",
                                       "Table row 2, column 1", "Table row 2, column 2"]
    assert cells[3].text == "r1c1"
    assert cells[3].box == Box(Inches(2), Inches(1.5), Inches(3), Inches(0.5))


def test_shapes_in_a_scaled_group_get_slide_coordinates():
    prs, layout = blank_deck()
    slide = prs.slides.add_slide(layout)
    group = slide.shapes.add_group_shape()
    inner = group.shapes.add_textbox(Inches(1), Inches(1), Inches(2), Inches(1))
    inner.text_frame.text = "grouped"
    xfrm = group._element.grpSpPr.find(qn("a:xfrm"))
    ext = xfrm.find(qn("a:ext"))  # twice as large as its children: a scaled group
    ext.set("cx", str(Inches(4)))
    ext.set("cy", str(Inches(2)))
    [shape] = reread(prs).slides[0].shapes
    assert shape.box == Box(Inches(1), Inches(1), Inches(4), Inches(2))


def test_pictures_report_their_description_and_hidden_slides_are_marked():
    prs, layout = blank_deck()
    slide = prs.slides.add_slide(layout)
    described = slide.shapes.add_picture(png(), Inches(1), Inches(1))
    described._element.nvPicPr.cNvPr.set("descr", "a blue rectangle")
    slide.shapes.add_picture(png(), Inches(3), Inches(1))
    hidden = prs.slides.add_slide(layout)
    hidden._element.set("show", "0")
    deck = reread(prs)
    assert [(s.picture, s.alt) for s in deck.slides[0].shapes] == [(True, "a blue rectangle"), (True, "image.png")]
    assert [s.hidden for s in deck.slides] == [False, True]
    assert [s.number for s in deck.visible] == [1]


def test_theme_font_references_resolve_to_the_theme_typefaces(sample_decks):
    prs = Presentation(str(sample_decks["korean"]))
    shape = next(s for s in prs.slides[3].shapes if s.has_text_frame and s.text_frame.text.strip())
    r_pr = shape.text_frame.paragraphs[0].runs[0]._r.get_or_add_rPr()
    r_pr.find(qn("a:ea")).set("typeface", "+mn-ea")
    r_pr.find(qn("a:latin")).set("typeface", "+mj-lt")
    run = next(s for s in reread(prs).slides[3].shapes if s.name == shape.name).runs[0]
    assert (run.latin, run.east_asian) == ("NanumGothic", "NanumGothic")


def test_a_field_and_a_line_break_are_part_of_the_text():
    prs, layout = blank_deck()
    slide = prs.slides.add_slide(layout)
    shape = slide.shapes.add_textbox(Inches(1), Inches(1), Inches(3), Inches(1))
    p = shape.text_frame.paragraphs[0]._p
    for xml in ('<a:r><a:t>page</a:t></a:r>', '<a:br/>',
                '<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum"><a:t>7</a:t></a:fld>'):
        p.append(etree.fromstring(f'<wrap xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
                                  f'{xml}</wrap>')[0])
    [read] = reread(prs).slides[0].shapes
    assert read.text == "page\n7"
