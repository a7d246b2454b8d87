"""The Docker #1 lecture: every part of the post reaches the audiences meant to see it.

The four decks (beginners, developers, operations, english) are built once from
``content/docker-01-basics.yaml`` with the shared profiles of ``content/_audiences.yaml``, read
back with python-pptx and checked slide by slide: the post's topics by their words on the
slides, speaker notes on every content slide, English without Hangul, each deck within its
class length, review questions and a hands-on moment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from pptx import Presentation

from slidegen.build import build

ROOT = Path(__file__).resolve().parent.parent
DECK = ROOT / "content" / "docker-01-basics.yaml"
AUDIENCES = ("beginners", "developers", "operations", "english")
KOREAN = ("beginners", "developers", "operations")
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
FRAME_KINDS = {"title", "section", "agenda", "closing"}  # slides that need no lecture script

# The post's topics: the words that must be on the slides, and the Korean decks that must show them.
TOPICS = [
    ("works on my machine", ["내 컴퓨터"], KOREAN),
    ("dependency hell", ["의존성 지옥"], KOREAN),
    ("complicated deployment", ["복잡한 배포"], KOREAN),
    ("standardised, isolated environments", ["표준화", "격리"], KOREAN),
    ("the Dockerfile as the blueprint", ["Dockerfile", "설계도"], KOREAN),
    ("independent environments per project", ["독립적인 실행 환경"], KOREAN),
    ("simple, reliable deployment", ["명령어 하나로"], KOREAN),
    ("the core idea", ["박제"], KOREAN),
    ("example, result, effect", ["예시", "결과", "효과", "100%"], KOREAN),
    ("image", ["이미지", "읽기 전용 템플릿", "docker build"], KOREAN),
    ("container", ["컨테이너", "docker run"], KOREAN),
    ("Docker, the platform", ["플랫폼이자 도구", "사실 표준"], KOREAN),
    ("VM vs container", ["가상 머신", "Guest OS", "커널을 공유"], KOREAN),
    ("pros and cons", ["장점", "단점"], KOREAN),
    ("client-daemon architecture", ["클라이언트", "데몬", "dockerd", "원격"], KOREAN),
    ("registries", ["레지스트리", "Docker Hub", "사설 레지스트리"], KOREAN),
    ("wrap-up", ["오늘 배운 것"], KOREAN),
    ("next lecture", ["Docker #2", "Dockerfile 작성법", "이미지 레이어", "캐시"], KOREAN),
    ("resource usage chart", ["자원 사용량"], ("developers", "operations")),
    ("build and run in depth", ["docker build -t", "한 줄이 하는 일"], ("developers",)),
    ("kernel isolation", ["네임스페이스", "cgroups"], ("developers",)),
    ("private registry practice", ["localhost:5000", "레지스트리로 배포하기"], ("operations",)),
]

# Words that only some decks may show: dev-only, ops-only and beginner-only content stays where it belongs.
ONLY_IN = [
    ("localhost:5000", ("operations",)),
    ("네임스페이스", ("developers",)),
    ("한 줄이 하는 일", ("developers",)),
    ("붕어빵", ("beginners", "developers")),
]

# English words for the same topics, so the English deck is the same lecture.
ENGLISH_TOPICS = ["works on my machine", "Dependency hell", "deployment", "Dockerfile", "freezes",
                  "read-only template", "docker build", "docker run", "guest OS", "Pros", "Cons",
                  "daemon", "dockerd", "Docker Hub", "Private registry", "Docker #2", "image layers",
                  "build cache", "Resource usage"]


@dataclass
class Deck:
    """One built deck: the build result, the planned slide kinds and the file read back."""

    audience: str
    built: object
    kinds: list[str]
    prs: object

    def texts(self) -> list[str]:
        """The text of each slide, tables and groups included."""
        return [slide_text(slide) for slide in self.prs.slides]

    def notes(self) -> list[str]:
        """The speaker notes of each slide ('' when there are none)."""
        return [s.notes_slide.notes_text_frame.text if s.has_notes_slide else "" for s in self.prs.slides]

    def all_text(self) -> str:
        return "\n".join(self.texts())


def shape_texts(shape):
    """Every text of a shape: its text frame, table cells, grouped shapes and alt text."""
    if shape.shape_type is not None and shape.shape_type == 6:  # a group
        for inner in shape.shapes:
            yield from shape_texts(inner)
    if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
        yield shape.text_frame.text
    if getattr(shape, "has_table", False) and shape.has_table:
        for row in shape.table.rows:
            for cell in row.cells:
                yield cell.text
    descr = shape._element.xpath("./*[1]/p:cNvPr/@descr")
    if descr:
        yield descr[0]


def slide_text(slide) -> str:
    return "\n".join(t for shape in slide.shapes for t in shape_texts(shape))


@pytest.fixture(scope="module")
def decks(tmp_path_factory) -> dict[str, Deck]:
    """The lecture built once for every audience."""
    out = tmp_path_factory.mktemp("docker")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SLIDEGEN_CACHE", str(tmp_path_factory.mktemp("cache")))
        patch.chdir(ROOT)
        results = build([str(DECK)], out)
    found = {}
    for built in results:
        path = out / Path(built.path).name
        found[built.audience] = Deck(built.audience, built, [p.kind for p in built.planned],
                                     Presentation(str(path)))
    return found


def test_the_four_audiences_are_built(decks):
    assert sorted(decks) == sorted(AUDIENCES)
    for deck in decks.values():
        assert len(deck.prs.slides) == len(deck.kinds) == deck.built.slides


@pytest.mark.parametrize("audience", AUDIENCES)
def test_deck_fits_its_class_length_without_warnings(decks, audience):
    built = decks[audience].built
    assert built.class_minutes is not None
    assert built.minutes <= built.class_minutes, f"{audience}: {built.minutes} > {built.class_minutes} minutes"
    assert built.minutes >= built.class_minutes * 0.85, f"{audience}: only {built.minutes} minutes"
    assert built.warnings == []


@pytest.mark.parametrize("audience", AUDIENCES)
def test_deck_opens_with_title_and_agenda_and_ends_with_summary_and_closing(decks, audience):
    kinds = decks[audience].kinds
    assert kinds[:2] == ["title", "agenda"]
    assert kinds[-2:] == ["summary", "closing"]


@pytest.mark.parametrize("topic,words,audiences", TOPICS, ids=[t[0] for t in TOPICS])
def test_topic_of_the_post_is_on_the_slides(decks, topic, words, audiences):
    for audience in audiences:
        text = decks[audience].all_text()
        missing = [w for w in words if w not in text]
        assert not missing, f"{audience} deck lacks {topic}: {missing}"


@pytest.mark.parametrize("word,audiences", ONLY_IN, ids=[w for w, _ in ONLY_IN])
def test_audience_specific_content_stays_with_its_audience(decks, word, audiences):
    for audience in KOREAN:
        shown = word in decks[audience].all_text()
        assert shown == (audience in audiences), f"'{word}' in the {audience} deck: {shown}"


def test_english_deck_covers_the_same_topics(decks):
    text = decks["english"].all_text()
    missing = [w for w in ENGLISH_TOPICS if w not in text]
    assert not missing


@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_content_slide_has_a_lecture_script(decks, audience):
    deck = decks[audience]
    for number, (kind, notes) in enumerate(zip(deck.kinds, deck.notes()), 1):
        if kind in FRAME_KINDS:
            continue
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", notes.strip()) if s]
        assert len(sentences) >= 2, f"{audience} slide {number} ({kind}): notes {notes!r}"


def test_korean_notes_are_korean_and_english_notes_english(decks):
    for audience in KOREAN:
        for number, (kind, notes) in enumerate(zip(decks[audience].kinds, decks[audience].notes()), 1):
            if notes:
                assert HANGUL.search(notes), f"{audience} slide {number} ({kind}): notes without Hangul"


def test_english_deck_has_no_hangul_in_slides_or_notes(decks):
    deck = decks["english"]
    for number, (text, notes) in enumerate(zip(deck.texts(), deck.notes()), 1):
        assert not HANGUL.findall(text), f"slide {number}: {HANGUL.findall(text)}"
        assert not HANGUL.findall(notes), f"notes of slide {number}: {HANGUL.findall(notes)}"


@pytest.mark.parametrize("audience", AUDIENCES)
def test_deck_has_review_questions_with_answers_in_the_notes(decks, audience):
    deck = decks[audience]
    questions = [notes for kind, notes in zip(deck.kinds, deck.notes()) if kind == "question"]
    assert len(questions) >= 2
    label = "Answer" if audience == "english" else "정답"
    assert all(notes.startswith(label) for notes in questions)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_deck_has_a_hands_on_moment(decks, audience):
    deck = decks[audience]
    hands_on = [text for kind, text in zip(deck.kinds, deck.texts())
                if kind == "code" and "docker run hello-world" in text]
    assert len(hands_on) == 1


@pytest.mark.parametrize("audience", AUDIENCES)
def test_diagrams_replace_the_posts_pictures(decks, audience):
    deck = decks[audience]
    expected = 4 if audience != "beginners" else 3  # the resource chart is core level
    assert deck.kinds.count("diagram") == expected
    for kind, slide in zip(deck.kinds, deck.prs.slides):
        if kind == "diagram":
            pictures = [s for s in slide.shapes if s.shape_type == 13]
            assert len(pictures) == 1
            assert pictures[0]._element.xpath("./p:nvPicPr/p:cNvPr/@descr")[0].strip()


def test_resource_chart_cites_its_sources(decks):
    for audience, source in (("developers", "출처"), ("english", "Source")):
        deck = decks[audience]
        chart = [text for kind, text in zip(deck.kinds, deck.texts())
                 if kind == "diagram" and ("자원 사용량" in text or "Resource usage" in text)]
        assert len(chart) == 1
        assert source in chart[0] and "Docker Hub" in chart[0] and "RC25482" in chart[0]


def test_operations_get_their_own_wording(decks):
    assert "운영" in decks["operations"].texts()[0]
    assert "운영" not in decks["beginners"].texts()[0]
