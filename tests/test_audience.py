"""Audiences: one lecture, several classes that differ in language, level and class length."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from pptx import Presentation

CASE = Path(__file__).parent / "cases" / "audiences"
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture
def lecture(workdir) -> Path:
    for name in ("lecture.yaml", "_audiences.yaml"):
        shutil.copy(CASE / name, workdir / "content" / name)
    return workdir / "content" / "lecture.yaml"


def slide_texts(path: Path) -> list[tuple[str, str]]:
    """(all text on the slide, notes) per slide."""
    out = []
    for slide in Presentation(str(path)).slides:
        texts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                texts += [c.text for row in shape.table.rows for c in row.cells]
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        out.append(("\n".join(texts), notes))
    return out


def titles(path: Path) -> list[str]:
    return [s.shapes.title.text_frame.text if s.shapes.title is not None else "" for s in Presentation(str(path)).slides]


def test_every_profile_gets_its_own_deck_with_its_language_levels_and_time(lecture, cli):
    run = cli("build", "--json")
    assert run.code == 0, run.err
    report = {d["audience"]: d for d in json.loads(run.out)["decks"]}
    assert sorted(report) == ["beginners", "developers", "english"]
    assert {a: (d["minutes"], d["class_minutes"], d["language"]) for a, d in report.items()} == {
        "beginners": (4.5, 50, "ko"), "developers": (13.75, 75, "ko"), "english": (9.75, 11, "en")}
    assert all(d["minutes"] <= d["class_minutes"] for d in report.values())


def test_the_english_deck_has_no_hangul_on_slides_or_in_notes(lecture, cli):
    assert cli("build", "--audience", "english").code == 0
    for text, notes in slide_texts(lecture.parent.parent / "output" / "lecture-english.pptx"):
        assert not HANGUL.search(text) and not HANGUL.search(notes), (text, notes)


def test_the_intro_deck_lacks_deep_and_core_content(lecture, cli):
    assert cli("build").code == 0
    out = lecture.parent.parent / "output"
    beginners = titles(out / "lecture-beginners.pptx")
    assert beginners == ["컨테이너 입문", "목차", "왜 컨테이너인가"]
    everything = " ".join(t for t, _ in slide_texts(out / "lecture-beginners.pptx"))
    assert "네임스페이스" not in everything
    developers = titles(out / "lecture-developers.pptx")
    assert developers == ["컨테이너 입문", "목차", "왜 컨테이너인가", "심화", "커널 기능", "이미지 계층",
                          "복습 질문"]
    assert "네임스페이스와 cgroup으로 격리한다" in " ".join(t for t, _ in slide_texts(out / "lecture-developers.pptx"))


def test_optional_slides_are_dropped_highest_number_first_until_it_fits(lecture, cli):
    assert cli("build", "--audience", "english").code == 0
    english = titles(lecture.parent.parent / "output" / "lecture-english.pptx")
    assert "Operations tips" not in english and "Image layers" in english


def test_the_agenda_shows_each_section_with_its_minutes(lecture, cli):
    assert cli("build", "--audience", "developers").code == 0
    slide = Presentation(str(lecture.parent.parent / "output" / "lecture-developers.pptx")).slides[1]
    rows = [s.text_frame.text for s in slide.shapes if s.name.startswith("Agenda") and s.has_text_frame
            and s.text_frame.text]
    assert slide.shapes.title.text_frame.text == "목차"
    assert rows == ["01", "소개", "5 분", "02", "심화", "9 분"]


def test_a_decks_own_profile_overrides_the_shared_one(lecture, cli):
    run = cli("build", "--json", "--audience", "english")
    assert json.loads(run.out)["decks"][0]["class_minutes"] == 11


def test_missing_translations_are_named_one_by_one(lecture, cli):
    text = lecture.read_text(encoding="utf-8")
    text = text.replace("{ko: 왜 컨테이너인가, en: Why containers}", "{ko: 왜 컨테이너인가}")
    text = text.replace("bullets: [{ko: 네임스페이스, en: Namespaces}]", "bullets: [네임스페이스]")
    text = text.replace("answer: {ko: 커널을 공유한다, en: It shares the host kernel}", "answer: {ko: 커널을 공유한다}")
    lecture.write_text(text, encoding="utf-8")
    run = cli("build")
    assert run.code == 2
    assert run.lines == [
        "content/lecture.yaml:11:16: sections[0].slides[2].title: no 'en' text for audience 'english'",
        "content/lecture.yaml:42:17: sections[1].slides[3].answer: no 'en' text for audience 'english'",
    ]
    assert not (lecture.parent.parent / "output").exists()


def test_an_unknown_audience_in_a_slide_or_text_variant_is_an_error(lecture, cli):
    text = lecture.read_text(encoding="utf-8").replace("tags: [ops]", "audiences: [opps]")
    text = text.replace("ko@developers", "ko@devs")
    lecture.write_text(text, encoding="utf-8")
    run = cli("validate")
    assert run.code == 2
    assert run.lines == [
        "content/lecture.yaml:36:21: sections[1].slides[2].audiences[0]: unknown audience 'opps' "
        "(audiences: beginners, developers, english)",
        "content/lecture.yaml:39:19: sections[1].slides[2].bullets[0].text.ko@devs: unknown audience 'devs' "
        "(audiences: beginners, developers, english)",
    ]


def test_a_deck_that_cannot_fit_is_a_warning_naming_the_overrun_and_the_longest_sections(lecture, cli):
    lecture.write_text(lecture.read_text(encoding="utf-8").replace("minutes: 11}", "minutes: 5}"), encoding="utf-8")
    run = cli("build", "--audience", "english")
    assert run.code == 0
    message = ("content/lecture.yaml:4:59: audiences.english.minutes: audience 'english': the deck takes 6.75 minutes, "
               "1.75 more than the class length of 5; longest sections: 'Introduction' (4.5 min), "
               "'In depth' (2.25 min)")
    assert run.lines[0] == message
    strict = cli("build", "--audience", "english", "--strict", "--out", "strict")
    assert strict.code == 2 and strict.lines == [message]
    assert not (lecture.parent.parent / "strict").exists()


def test_the_lecture_script_follows_the_deck_built_for_that_audience(lecture, cli):
    assert cli("build", "--audience", "developers").code == 0
    run = cli("notes", "--audience", "developers", "--stdout")
    assert run.code == 0
    headings = re.findall(r"^## \d+\. (.*)$", run.out, flags=re.M)
    assert headings == titles(lecture.parent.parent / "output" / "lecture-developers.pptx")
    times = re.findall(r"^\*(\S+) · (\S+) → (\S+)\*$", run.out, flags=re.M)
    assert times[-1][2] == "13:45"
    assert "정답: 커널을 공유한다" in run.out
    assert cli("notes").code == 0
    assert sorted(p.name for p in (lecture.parent.parent / "output").glob("*.md")) == [
        "lecture-beginners.md", "lecture-developers.md", "lecture-english.md"]


def test_a_plain_korean_string_shown_to_an_english_audience_is_a_warning(lecture, cli):
    text = lecture.read_text(encoding="utf-8").replace("bullets: [{ko: 네임스페이스, en: Namespaces}]",
                                                       "bullets: [네임스페이스]")
    text = text.replace("bullets: [{ko: 읽기 전용 계층, en: Read-only layers}]", "bullets: [읽기 전용 계층]")
    lecture.write_text(text, encoding="utf-8")
    run = cli("validate", "--audience", "english")
    assert run.code == 0
    assert run.lines[0] == ("content/lecture.yaml:32:19: sections[1].slides[1].bullets[0].text: Hangul in a text "
                            "shown to audience 'english' (en); give it an 'en' text")
    assert cli("validate", "--audience", "english", "--strict").code == 2


def test_a_shared_profile_that_cannot_fit_is_located_in_the_shared_file(lecture, cli):
    shared = lecture.parent / "_audiences.yaml"
    shared.write_text(shared.read_text(encoding="utf-8").replace("levels: [intro], minutes: 50",
                                                                  "levels: [intro], minutes: 5"), encoding="utf-8")
    lecture.write_text(lecture.read_text(encoding="utf-8").replace("minutes: 3", "minutes: 9", 1), encoding="utf-8")
    run = cli("validate", "--audience", "beginners")
    assert run.code == 0
    assert run.lines[0] == ("content/_audiences.yaml:2:55: audiences.beginners.minutes: audience 'beginners': "
                            "the deck takes 10.5 minutes, 5.5 more than the class length of 5; longest sections: "
                            "'소개' (10.5 min)")


def two_classes(title: str) -> str:
    """The head of a deck titled ``title`` for a Korean and an English class; its sections follow."""
    return (f"title: {title}\nlanguages: [ko, en]\naudiences:\n  korean: {{language: ko, minutes: 10}}\n"
            "  english: {language: en, minutes: 10}\nsections:\n")


CODE_DECK = two_classes("{ko: 도커, en: Docker}") + """\
  - title: {ko: 실습, en: Practice}
    slides:
      - kind: code
        title: {ko: 이미지 만들기, en: Build an image}
        language: bash
        notes: {ko: 이미지를 빌드합니다., en: We build the image.}
        code:
          ko: |
            # 이미지를 만든다
            docker build -t app .
          en: |
            # build the image
            docker build -t app .
      - kind: cards
        title: {ko: 명령, en: Commands}
        notes: {ko: 두 명령입니다., en: Two commands.}
        cards:
          - {title: build, body: {ko: 이미지를 만든다, en: Makes an image}, code: docker build .}
          - {title: run, body: {ko: 컨테이너를 띄운다, en: Starts a container},
             code: {ko: "docker run app  # 실행", en: "docker run app  # start"}}
"""


def code_runs(path: Path) -> list[tuple[str, str]]:
    """(text, language) of every run in the shapes named Code or '... command', slide by slide."""
    runs = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.name == "Code" or shape.name.endswith("command"):
                runs += [(r.text, r.font._rPr.get("lang")) for p in shape.text_frame.paragraphs for r in p.runs]
    return runs


def test_code_may_differ_per_language_so_each_class_reads_its_own_comments(workdir, cli):
    (workdir / "content" / "code.yaml").write_text(CODE_DECK, encoding="utf-8")
    run = cli("build")
    assert run.code == 0 and not [line for line in run.lines if line.startswith("content/")]  # no warnings
    korean = code_runs(workdir / "output" / "code-korean.pptx")
    english = code_runs(workdir / "output" / "code-english.pptx")
    assert ("# 이미지를 만든다", "ko-KR") in korean and ("# build the image", "en-US") in english
    assert "".join(text for text, _ in korean).endswith("docker build .docker run app  # 실행")
    assert "".join(text for text, _ in english).endswith("docker build .docker run app  # start")
    assert not any(HANGUL.search(text) for text, _ in english)


def test_korean_in_plain_code_shown_to_an_english_class_is_a_warning(workdir, cli):
    deck = CODE_DECK.replace("        code:\n          ko: |\n            # 이미지를 만든다\n            docker build -t app .\n"
                             "          en: |\n            # build the image\n            docker build -t app .\n",
                             "        code: |\n          # 이미지를 만든다\n          docker build -t app .\n")
    (workdir / "content" / "code.yaml").write_text(deck, encoding="utf-8")
    run = cli("validate", "--audience", "english")
    assert run.code == 0
    assert run.lines[0] == ("content/code.yaml:13:15: sections[0].slides[0].code: Hangul in a text shown to "
                            "audience 'english' (en); give it an 'en' text")
    assert cli("validate", "--audience", "korean").lines == ["1 deck(s) valid"]


def test_code_without_the_class_language_is_named_like_any_other_text(workdir, cli):
    deck = CODE_DECK.replace('code: {ko: "docker run app  # 실행", en: "docker run app  # start"}',
                             'code: {ko: "docker run app  # 실행"}')
    (workdir / "content" / "code.yaml").write_text(deck, encoding="utf-8")
    run = cli("build")
    assert run.code == 2
    assert run.lines == ["content/code.yaml:26:20: sections[0].slides[1].cards[1].code: "
                         "no 'en' text for audience 'english'"]
    assert not (workdir / "output").exists()


TABLE_DECK = two_classes("{ko: 비교, en: Compare}") + """\
  - title: {ko: 비교, en: Comparison}
    slides:
      - kind: table
        title: {ko: VM과 컨테이너, en: VMs and containers}
        notes: {ko: 둘을 비교합니다., en: We compare the two.}
        columns: ["", VM, {ko: 컨테이너, en: Container}]
        rows:
          - [{ko: 게스트 OS, en: Guest OS}, {ko: 있음, en: "yes"}, ""]
          - [{ko: 격리, en: Isolation}, ~, {ko: 프로세스 수준, en: Process level}]
"""


def table_cells(path: Path) -> list[list[str]]:
    table = next(shape.table for slide in Presentation(str(path)).slides for shape in slide.shapes
                 if getattr(shape, "has_table", False) and shape.has_table)
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_a_table_cell_may_be_blank_in_every_language(workdir, cli):
    (workdir / "content" / "compare.yaml").write_text(TABLE_DECK, encoding="utf-8")
    run = cli("build")
    assert run.code == 0 and not [line for line in run.lines if line.startswith("content/")]  # nothing missing
    assert table_cells(workdir / "output" / "compare-english.pptx") == [
        ["", "VM", "Container"], ["Guest OS", "yes", ""], ["Isolation", "", "Process level"]]
    assert table_cells(workdir / "output" / "compare-korean.pptx") == [
        ["", "VM", "컨테이너"], ["게스트 OS", "있음", ""], ["격리", "", "프로세스 수준"]]
