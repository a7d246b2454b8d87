"""Planning: text fitted with real metrics, shrunk to the floors, split into marked continuation slides."""

from __future__ import annotations

import textwrap

from slidegen.audience import Audience, cut_for
from slidegen.model import Profile
from slidegen.plan import plan_deck
from slidegen.source import parse_source
from slidegen.theme import get_theme
from slidegen.validate import validate_deck


def plan(slides_yaml: str, language: str = "ko"):
    text = "title: T\nsections:\n  - title: S\n    divider: false\n    slides:\n" + textwrap.indent(
        textwrap.dedent(slides_yaml), "      ")
    deck = validate_deck(parse_source(text, "deck.yaml"))
    cut = cut_for(deck, Audience("all", Profile(language=language, levels=["intro", "core", "deep"], minutes=600)))
    return plan_deck(cut, get_theme("light"))


def test_short_bullets_keep_the_start_size():
    slides, found = plan("- {kind: bullets, title: 짧은 목록, bullets: [하나, 둘, 셋]}\n")
    assert found == []
    assert {p.size for p in slides[0].parts["paras"]} == {28}


def test_a_long_list_shrinks_to_the_floor_then_splits_into_marked_continuations():
    items = ", ".join(f"'항목 {i}: 컨테이너는 이미지로 만든 실행 단위이며 서로 격리되어 동작한다'" for i in range(14))
    slides, found = plan(f"- {{kind: bullets, title: 긴 목록, bullets: [{items}]}}\n")
    assert [s.title for s in slides] == ["긴 목록", "긴 목록 (계속)", "긴 목록 (계속)"][:len(slides)]
    assert len(slides) >= 2
    assert all(p.size >= 18 for s in slides for p in s.parts["paras"])
    assert sum(len(s.parts["paras"]) for s in slides) == 14
    assert [(f.path, f.message, f.error) for f in found] == [
        (("sections", 0, "slides", 0), f"too much for one slide: split into {len(slides)} slides", False)]


def test_numbered_bullets_hang_from_circled_numbers():
    slides, _ = plan("- {kind: bullets, title: 단계, numbered: true, bullets: [요청, 실행]}\n")
    assert [(p.level, p.bullet, p.text) for p in slides[0].parts["paras"]] == [(3, "①", "요청"), (3, "②", "실행")]


def test_inline_markup_becomes_bold_and_code_runs():
    slides, _ = plan("- {kind: bullets, title: t, bullets: ['**굵게** 쓰고 `docker run` 실행']}\n")
    runs = slides[0].parts["paras"][0].runs
    assert [(r.text, r.bold, r.mono) for r in runs] == [
        ("굵게", True, False), (" 쓰고 ", False, False), ("docker run", False, True), (" 실행", False, False)]


def test_a_title_too_long_for_its_area_is_an_error_on_that_title():
    title = "아주 " * 40
    _, found = plan(f"- {{kind: bullets, title: '{title}', bullets: [a]}}\n")
    assert [(f.path, f.message, f.error) for f in found] == [
        (("sections", 0, "slides", 0, "title"), "title is too long for the title area; shorten it", True)]


def test_long_code_splits_by_lines_and_keeps_the_code_floor():
    code = "\\n".join(f"echo line {i}" for i in range(40))
    slides, found = plan(f'- {{kind: code, title: c, language: bash, code: "{code}"}}\n')
    assert len(slides) >= 2 and all(s.parts["size"] >= 14 for s in slides)
    assert [line for s in slides for line in s.parts["lines"]] == [f"echo line {i}" for i in range(40)]
    assert found[0].message.startswith("too much for one slide")


def test_the_question_answer_goes_to_the_notes_not_the_slide():
    slides, _ = plan("- {kind: question, question: 왜?, answer: 커널을 공유한다, notes: 토론을 이끕니다.}\n")
    assert slides[0].notes == "정답: 커널을 공유한다\n\n토론을 이끕니다."
    assert all("커널" not in p.text for p in slides[0].parts["paras"])
