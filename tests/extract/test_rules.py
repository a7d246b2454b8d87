"""One Markdown construct at a time: what each rule makes of it."""

from __future__ import annotations

import yaml

from slidegen.extract import extract_text
from tests.extract.helpers import POSTS, plan, slides


def deck(text: str, *, hangul_in_english: bool = False, **kw) -> tuple[dict, list[str], str]:
    """Extract ``text``; returns the YAML data, the warnings and the YAML text (which must plan cleanly)."""
    extracted = extract_text(text, "post.md", **kw)
    _, errors, warnings = plan(extracted.text)
    assert errors == []
    if hangul_in_english:  # the planner rightly says an English deck shows a Korean word
        warnings = [w for w in warnings if not w.startswith("Hangul in a text shown to audience")]
    assert warnings == []
    return yaml.safe_load(extracted.text), extracted.warnings, extracted.text


def content(data: dict) -> list[dict]:
    return [s for s in slides(data) if s["kind"] not in ("title", "agenda", "closing")]


def test_a_title_too_long_for_the_title_area_is_shortened_and_the_heading_kept_in_the_notes():
    heading = "A heading that goes on and on about every single thing the section will ever talk about in class"
    data, _, _ = deck(f"## {heading}\n\n- one\n- two\n")
    slide = content(data)[0]
    assert slide["title"].endswith("…") and len(slide["title"]) < len(heading)
    assert heading in slide["notes"]


def test_more_sections_than_an_agenda_can_show_leave_the_agenda_out_with_a_todo():
    text = "\n".join(f"## Part {n}\n\n- point {n}\n" for n in range(1, 15))
    data, _, yaml_text = deck(text)
    assert len(data["sections"]) == 14
    assert "agenda" not in [s["kind"] for s in slides(data)]
    assert "the post has 14 sections, more than an agenda slide shows (12)" in yaml_text


def test_windows_line_endings_and_a_byte_order_mark_are_read():
    data, _, _ = deck("\ufeff---\r\ntitle: 윈도우\r\n---\r\n\r\n## 절\r\n\r\n- 하나\r\n- 둘\r\n")
    assert data["title"] == "윈도우"
    assert content(data)[0]["bullets"] == ["하나", "둘"]


def test_an_unknown_fence_language_is_shown_as_text_and_tabs_become_spaces():
    data, _, yaml_text = deck("## Code\n\n```nosuchlang\nif x:\n\treturn 1\n```\n")
    code = content(data)[0]
    assert code["language"] == "text" and code["code"] == "if x:\n    return 1\n"
    assert "# the fence says 'nosuchlang', which Pygments does not know; shown as text" in yaml_text
    assert "# tabs in the code were turned into spaces" in yaml_text


def test_a_table_wider_than_eight_columns_is_shown_in_parts_repeating_the_first_column():
    header = "| key | " + " | ".join(f"c{n}" for n in range(1, 11)) + " |"
    rule = "|" + "---|" * 11
    row = "| k | " + " | ".join(str(n) for n in range(1, 11)) + " |"
    data, _, _ = deck(f"## Wide\n\n{header}\n{rule}\n{row}\n")
    tables = content(data)
    assert [t["columns"][0] for t in tables] == ["key", "key"]
    assert [len(t["columns"]) for t in tables] == [8, 4]
    assert tables[1]["rows"] == [["k", "8", "9", "10"]]


def test_a_heading_with_nothing_under_it_is_kept_in_the_notes_of_the_next_slide():
    data, _, _ = deck("## Section\n\n### Empty heading\n\n### Full\n\n- a point\n")
    slide = content(data)[0]
    assert slide["title"] == "Full"
    assert "Empty heading" in slide["notes"]


def test_html_blocks_keep_their_text_and_drop_their_markup():
    text = ("## Html\n\n<div align=\"center\"><b>Strong</b> words<br>and more</div>\n\n"
            "<pre>raw  code\n  kept</pre>\n\n<!-- a hidden comment -->\n\n<script>var x = 1;</script>\n\n- a point\n")
    data, _, yaml_text = deck(text)
    made = content(data)
    assert made[0]["kind"] == "code" and made[0]["code"] == "raw  code\n  kept\n"
    assert "**Strong** words" in made[0]["notes"] or "Strong words" in made[0]["notes"]
    assert "hidden comment" not in yaml_text and "var x" not in yaml_text
    assert "<" not in "".join(str(s) for s in made)


def test_pictures_missing_in_an_unreadable_format_or_as_data_uris_become_reported_placeholders(tmp_path):
    (tmp_path / "drawing.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    text = "## Pictures\n\n![a chart](missing.png)\n\n![a drawing](drawing.svg)\n\n![dot](data:image/png;base64,AAAA)\n"
    data, warnings, _ = deck(text, post_dir=tmp_path)
    made = content(data)
    assert [(s["kind"], s["style"], s["title"]) for s in made] == [
        ("callout", "warning", "a chart"), ("callout", "warning", "a drawing"), ("callout", "warning", "dot")]
    assert warnings == ["post.md:3: image not found: missing.png",
                        "post.md:5: image is not a picture slidegen can read: drawing.svg",
                        "post.md:7: embedded data URI image not extracted"]


def test_an_english_post_with_a_few_korean_words_stays_english_and_the_reverse():
    data, _, _ = deck("## Words\n\nThe word 도커 means Docker in Korean, and it is used a lot.\n",
                      hangul_in_english=True)
    assert data["languages"] == ["en"]
    data, _, _ = deck("## 용어\n\n도커(Docker)와 쿠버네티스(Kubernetes)는 컨테이너(container) 기술이다.\n")
    assert data["languages"] == ["ko"]


def test_a_local_picture_without_an_output_file_is_referred_to_from_the_current_folder(monkeypatch):
    monkeypatch.chdir(POSTS)
    data, warnings, _ = deck("## P\n\n![구조](images/deployment.png)\n", post_dir=POSTS)
    assert content(data)[0]["path"] == "images/deployment.png" and warnings == []


def test_a_list_item_holding_only_a_nested_list_moves_its_items_up():
    data, _, _ = deck("## L\n\n- - first\n  - second\n")
    assert content(data)[0]["bullets"] == [{"text": "first", "sub": ["second"]}]
