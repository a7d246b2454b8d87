"""Themes: every text colour is readable on what it sits on (WCAG AA, 4.5:1)."""

from __future__ import annotations

import pytest

from slidegen.theme import THEMES, contrast, text_pairs


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_text_colour_meets_wcag_aa_contrast(name):
    weak = [(what, fg, bg, round(contrast(fg, bg), 2)) for what, fg, bg in text_pairs(THEMES[name].palette)
            if contrast(fg, bg) < 4.5]
    assert weak == []


def test_contrast_ratio_matches_the_wcag_examples():
    assert round(contrast("000000", "FFFFFF"), 1) == 21.0
    assert round(contrast("777777", "FFFFFF"), 2) == 4.48
    assert contrast("FFFFFF", "FFFFFF") == 1.0


def test_themes_command_lists_the_built_in_themes(cli):
    run = cli("themes")
    assert run.code == 0
    assert [line.split()[0] for line in run.out.strip().splitlines()] == sorted(THEMES)
