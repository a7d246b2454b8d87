"""Planned deck -> the lecture script: each slide's title, minutes, running time and notes. Pure."""

from __future__ import annotations

from .plan import labels


def clock(minutes: float) -> str:
    """Minutes as ``m:ss``, or ``h:mm:ss`` from an hour: 4.25 -> '4:15', 75.5 -> '1:15:30'."""
    seconds = round(minutes * 60)
    hours, rest = divmod(seconds, 3600)
    mins, secs = divmod(rest, 60)
    return f"{hours}:{mins:02d}:{secs:02d}" if hours else f"{mins}:{secs:02d}"


SCRIPT_WORDS = {
    "ko": {"script": "강의 대본", "audience": "청중", "class": "수업 시간", "total": "전체", "no_notes": "(노트 없음)",
           "slide": "슬라이드", "at": "누적"},
    "en": {"script": "Lecture script", "audience": "Audience", "class": "Class length", "total": "Total",
           "no_notes": "(no notes)", "slide": "Slide", "at": "at"},
}


def lecture_script(ready) -> str:
    """The Markdown lecture script of a deck planned for one audience (a ``build.Prepared``)."""
    cut = ready.cut
    words = SCRIPT_WORDS.get(cut.lang, SCRIPT_WORDS["en"])
    unit = labels(cut.lang)["minutes"]
    title = cut.pick(cut.deck.title)
    profile = cut.audience.profile
    lines = [f"# {title}: {words['script']}", "",
             f"- {words['audience']}: {cut.audience.name} ({profile.language}, {', '.join(profile.levels)})",
             f"- {words['class']}: {profile.minutes} {unit}",
             f"- {words['total']}: {clock(cut.minutes)} ({len(ready.slides)} {labels(cut.lang)['slides']})", ""]
    elapsed = 0.0
    for number, slide in enumerate(ready.slides, 1):
        start = elapsed
        elapsed += slide.minutes
        heading = slide.title or slide.parts.get("title") or slide.kind
        lines.append(f"## {number}. {heading}")
        lines.append("")
        lines.append(f"*{clock(slide.minutes)} · {clock(start)} → {clock(elapsed)}*")
        lines.append("")
        lines.append(slide.notes.strip() or words["no_notes"])
        lines.append("")
    return "\n".join(lines)
