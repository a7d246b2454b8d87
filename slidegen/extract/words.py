"""The deck's language, from the share of Hangul in the post, and the fixed words extract writes."""

from __future__ import annotations

import re

from ..plan import labels
from ..text import HANGUL

LATIN = re.compile(r"[A-Za-z]")
KOREAN_SHARE = 0.25  # Korean technical prose keeps many Latin terms; a quarter of Hangul letters is Korean

WORDS: dict[str, dict[str, str]] = {
    "ko": {
        "opening": "들어가며",
        "image": "그림",
        "placeholder": "이미지 자리",
        "remote": "원격 이미지는 내려받지 않았습니다. 그림을 내려받아 넣거나 다이어그램으로 바꾸세요.",
        "missing": "그림 파일 없음",
        "missing_note": "게시글의 그림을 찾지 못했거나 slidegen이 읽을 수 없는 형식입니다.",
        "embedded": "글에 들어 있던 data URI 그림 (추출하지 않음)",
        "heading": "게시글 제목",
        "agenda": "오늘 다룰 내용",
        "link": "링크",
    },
    "en": {
        "opening": "Introduction",
        "image": "Picture",
        "placeholder": "Image placeholder",
        "remote": "The remote image was not downloaded. Download it and use an image slide, or draw a diagram.",
        "missing": "Picture file missing",
        "missing_note": "The post's picture was not found or is in a format slidegen cannot read.",
        "embedded": "a data URI picture inside the post (not extracted)",
        "heading": "Heading in the post",
        "agenda": "Today",
        "link": "Link",
    },
}


def detect_language(text: str) -> str:
    """``ko`` when Hangul makes up at least a quarter of the letters of ``text``, else ``en``."""
    hangul = len(HANGUL.findall(text))
    latin = len(LATIN.findall(text))
    if hangul + latin == 0:
        return "en"
    return "ko" if hangul / (hangul + latin) >= KOREAN_SHARE else "en"


def words(lang: str) -> dict[str, str]:
    """The fixed words of an extracted deck in ``lang``, with the planner's labels (continued, ...)."""
    return {**labels(lang), **WORDS.get(lang, WORDS["en"])}
