"""The YAML a person keeps editing: readable, commented, stable, and read back exactly."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from slidegen.extract import extract_text
from slidegen.extract.emit import dump
from tests.extract.helpers import ALL_POSTS, extract


@pytest.mark.parametrize("name", ALL_POSTS)
def test_extracting_the_same_post_twice_gives_the_same_bytes(tmp_path, name):
    one = extract(name, tmp_path / "a" / "deck.yaml")[1].text
    two = extract(name, tmp_path / "a" / "deck.yaml")[1].text
    assert one.encode("utf-8") == two.encode("utf-8")


def test_the_yaml_is_block_style_with_korean_as_is_and_literal_notes(posts):
    _, extracted = posts["docker-01-basics.md"]
    text = extracted.text
    assert "\\u" not in text and "\\x" not in text
    assert "title: 'Docker #1 - 기초 개념과 사용 이유'" in text
    assert "languages: [ko]" in text
    assert "\n      - kind: bullets\n        title: 왜 도커(Docker)를 사용하는가?\n        bullets:\n" in text
    assert "        code: |\n          docker build  # 이미지 생성 명령어\n" in text
    assert "notes: |-\n" in text
    assert "{" not in text.split("sections:")[1].replace("{title: ..., topics: [...]}", "")


def test_keys_come_in_reading_order(posts):
    text = posts["docker-01-basics.md"][1].text
    top = [line.split(":")[0] for line in text.splitlines() if line and not line.startswith((" ", "#"))]
    assert top == ["title", "subtitle", "date", "source", "languages", "sections"]
    callout = text[text.index("- kind: callout"):]
    assert callout.index("title:") < callout.index("text:") < callout.index("notes:")


def test_comments_point_the_teacher_at_what_to_do(posts):
    text = posts["docker-01-basics.md"][1].text
    assert text.startswith("# Lecture draft made by `slidegen extract` from ")
    assert "      # TODO: add a diagram here, or download the picture and use an image slide\n" \
           "      - kind: callout\n" in text
    assert "  # title shortened to fit the agenda; the heading in the post: " \
           "이미지(Image)와 컨테이너(Container), 도커(Docker)의 개념\n  - title: 이미지와 컨테이너, 도커의 개념\n" in text


def test_source_is_the_post_relative_to_the_yaml(posts):
    data, _ = posts["docker-01-basics.md"]
    assert data["source"].endswith("posts/docker-01-basics.md") and not data["source"].startswith("/")


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(derandomize=True, max_examples=50, deadline=None)
@given(st.recursive(st.one_of(_TEXT, st.integers(), st.booleans()),
                    lambda inner: st.one_of(st.lists(inner, max_size=4),
                                            st.dictionaries(st.text("abcxyz_", min_size=1, max_size=8), inner,
                                                            max_size=4)),
                    max_leaves=12),
       st.lists(_TEXT, max_size=3))
def test_any_plain_data_is_written_as_yaml_that_reads_back_the_same(value, comments):
    assert yaml.safe_load(dump({"#": comments, "value": value})) == {"value": value}


def test_a_post_without_front_matter_takes_its_title_from_the_heading_and_its_language_from_the_text():
    text = "# Shell basics\n\nThe shell runs commands.\n\n## Files\n\n- `ls` lists files.\n- `cd` changes folder.\n"
    data = yaml.safe_load(extract_text(text, "shell.md").text)
    assert data["title"] == "Shell basics" and data["languages"] == ["en"]
    assert [s["title"] for s in data["sections"]] == ["Files"]
    assert data["sections"][0]["slides"][0]["notes"] == "The shell runs commands."
