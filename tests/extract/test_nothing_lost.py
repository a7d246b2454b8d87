"""No sentence of a post is lost: every sentence, table cell and code line is on a slide or in its notes."""

from __future__ import annotations

import pytest

from tests.extract.helpers import ALL_POSTS, POSTS, deck_corpus, normal, plan, post_content, strings


@pytest.mark.parametrize("name", ALL_POSTS)
def test_every_sentence_of_the_post_is_on_a_slide_or_in_the_notes(posts, name):
    data, _ = posts[name]
    sentences, _ = post_content(POSTS / name)
    corpus = deck_corpus(data)
    assert sentences, "the post reader found no sentences"
    assert [s for s in sentences if s not in corpus] == []


@pytest.mark.parametrize("name", ALL_POSTS)
def test_every_code_line_of_the_post_is_on_a_code_slide_or_in_the_notes(posts, name):
    data, _ = posts[name]
    _, code = post_content(POSTS / name)
    lines = {line.rstrip() for text in strings(data) for line in text.split("\n")}
    assert [line for line in code if line.rstrip() not in lines] == []


@pytest.mark.parametrize("name", ALL_POSTS)
def test_the_deck_validates_and_plans_without_errors_or_warnings(posts, name):
    _, extracted = posts[name]
    planned, errors, warnings = plan(extracted.text)
    assert (errors, warnings) == ([], [])
    assert planned


@pytest.mark.parametrize("name", ALL_POSTS)
def test_every_content_slide_has_speaker_notes_or_a_todo(posts, name):
    data, extracted = posts[name]
    for section in data["sections"]:
        for slide in section["slides"]:
            if slide["kind"] in ("bullets", "two_column", "callout", "table", "code", "image"):
                assert slide.get("notes") or slide["kind"] in ("code", "table", "image"), slide
    assert normal("TODO") in extracted.text
