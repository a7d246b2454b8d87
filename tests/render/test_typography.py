"""Korean typography: every run says its language and names a Latin and an East Asian typeface."""

from __future__ import annotations

import re
import subprocess
import sys

from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def runs_of(prs):
    """Every text run (a:r and a:fld) of every slide and its notes, with where it is."""
    for number, slide in enumerate(prs.slides, 1):
        parts = [("slide", slide._element)]
        if slide.has_notes_slide:
            parts.append(("notes", slide.notes_slide._element))
        for where, element in parts:
            for run in element.iter(qn("a:r"), qn("a:fld")):
                yield f"slide {number} {where}", run


def test_every_run_has_lang_latin_and_ea_and_hangul_runs_are_korean(sample_decks):
    checked = hangul = 0
    for deck in sample_decks.values():
        for where, run in runs_of(Presentation(str(deck))):
            text = run.findtext(qn("a:t")) or ""
            r_pr = run.find(qn("a:rPr"))
            assert r_pr is not None, (where, text)
            children = [etree.QName(c).localname for c in r_pr]
            assert "latin" in children and "ea" in children, (where, text, children)
            assert children.index("ea") == children.index("latin") + 1, (where, text, children)
            assert r_pr.find(qn("a:latin")).get("typeface") and r_pr.find(qn("a:ea")).get("typeface")
            expected = "ko-KR" if HANGUL.search(text) else "en-US"
            assert r_pr.get("lang") == expected, (where, text)
            checked += 1
            hangul += bool(HANGUL.search(text))
    assert checked > 200 and hangul > 50


def test_the_english_deck_shows_no_hangul(sample_decks):
    prs = Presentation(str(sample_decks["english"]))
    for where, run in runs_of(prs):
        assert not HANGUL.search(run.findtext(qn("a:t")) or ""), where


def test_theme_fonts_name_the_korean_font_for_text_typed_later(sample_decks):
    prs = Presentation(str(sample_decks["korean"]))
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    theme = etree.fromstring(prs.slide_master.part.part_related_by(RT.THEME).blob)
    for group in ("a:majorFont", "a:minorFont"):
        font = next(theme.iter(qn(group)))
        assert font.find(qn("a:ea")).get("typeface") == "NanumGothic"


def test_pictures_have_alt_text_that_is_not_a_file_name(sample_decks):
    prs = Presentation(str(sample_decks["english"]))
    pictures = [s for slide in prs.slides for s in slide.shapes if s.shape_type == 13]
    assert pictures
    for picture in pictures:
        alt = picture._element.nvPicPr.cNvPr.get("descr")
        assert alt and not re.search(r"\.(png|jpe?g)$", alt), alt


def test_strict_openxml_audit_reports_no_errors(sample_decks):
    for deck in sample_decks.values():
        result = subprocess.run([sys.executable, "-m", "openxml_audit", "--policy", "strict", str(deck)],
                                capture_output=True, text=True)
        assert "Errors: 0" in result.stdout, result.stdout + result.stderr
        assert result.returncode == 0
