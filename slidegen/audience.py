"""(deck, profile) -> the deck for that audience: chosen content, one language, timed. Pure.

Selection. A section, slide or bullet is shown to a profile when
- its ``level`` is unset or is one of the profile's ``levels``;
- its ``audiences`` list is empty or names the profile;
- none of its ``tags`` is in the profile's ``exclude_tags``, and, when the profile lists
  ``include_tags``, it is untagged or has one of them.

Language. A text resolves to ``LANG@AUDIENCE``, else ``LANG``, else its plain form. A text the
profile's language lacks is a content error that names every such string.

Timing. A slide's minutes are given, or estimated (``estimate_minutes``) as the larger of a
rule per kind and the time to read its notes aloud (350 Hangul syllables or 140 English words
a minute). A section divider takes a quarter of a minute. When a profile has a class length
and the deck is longer, optional slides are dropped until it fits, in this order: higher
``optional`` number first, then deeper level first (deep, core, intro, none), then the slide
nearest the end of the deck first. If it still does not fit, a warning says by how much and
names the longest sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import model as m
from .text import HANGUL

DIVIDER_MINUTES = 0.25


@dataclass(frozen=True)
class Origin:
    """Where a profile was declared: a file shown to the user, the key path in it, and (for a
    shared file) its parsed source, which locates problems in it."""

    file: str
    path: tuple
    source: object = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Audience:
    """A named profile, with where it was declared."""

    name: str
    profile: m.Profile
    origin: Origin | None = None


@dataclass
class Finding:
    """A problem found for one audience, at a key path of the deck (or of ``origin``)."""

    path: tuple
    message: str
    error: bool = False
    origin: Origin | None = None


@dataclass
class ChosenSlide:
    """A slide shown to the audience (sub-items already chosen), its key path and minutes."""

    slide: m.SlideBase
    path: tuple
    minutes: float


@dataclass
class ChosenSection:
    """A section shown to the audience, with its chosen slides."""

    section: m.Section
    path: tuple
    slides: list[ChosenSlide]

    @property
    def divider(self) -> bool:
        """Whether the section opens with a divider: as set, else unless it holds the title slide."""
        if self.section.divider is not None:
            return self.section.divider
        return not any(isinstance(s.slide, m.TitleSlide) for s in self.slides)

    @property
    def minutes(self) -> float:
        divider = DIVIDER_MINUTES if self.divider else 0.0
        return divider + sum(s.minutes for s in self.slides)


@dataclass
class Cut:
    """The deck as one audience sees it."""

    deck: m.Deck
    audience: Audience
    sections: list[ChosenSection]
    findings: list[Finding] = field(default_factory=list)
    dropped: list[tuple] = field(default_factory=list)

    @property
    def lang(self) -> str:
        return self.audience.profile.language

    @property
    def minutes(self) -> float:
        return sum(s.minutes for s in self.sections)

    def pick(self, text: m.Text | None) -> str:
        """``text`` in this audience's language ('' for no text)."""
        return resolve(text, self.lang, self.audience.name)


def resolve(text: m.Text | None, lang: str, audience: str) -> str:
    """A text in ``lang`` for ``audience``: ``lang@audience``, else ``lang``, else plain, else ''."""
    if text is None:
        return ""
    for key in (f"{lang}@{audience}", lang, m.ANY_LANGUAGE):
        if key in text:
            return text[key]
    return ""


def default_audience(deck: m.Deck) -> Audience:
    """The audience of a deck that declares none: its first language, every level, no time limit."""
    return Audience("default", m.Profile(language=deck.languages[0], levels=list(m.LEVELS), minutes=600))


def audiences_of(deck: m.Deck, deck_file: str, shared: dict[str, Audience]) -> dict[str, Audience]:
    """The deck's audiences: the shared ones, overridden by the deck's own of the same name."""
    own = {name: Audience(name, profile, Origin(deck_file, ("audiences", name)))
           for name, profile in deck.audiences.items()}
    merged = {**shared, **own}
    return merged or {"default": default_audience(deck)}


def shows(item: m.Selectable, audience: Audience) -> bool:
    """True if the audience sees this section, slide or bullet."""
    profile = audience.profile
    if item.level is not None and item.level not in profile.levels:
        return False
    if item.audiences and audience.name not in item.audiences:
        return False
    if any(tag in profile.exclude_tags for tag in item.tags):
        return False
    if profile.include_tags and item.tags and not any(tag in profile.include_tags for tag in item.tags):
        return False
    return True


_LEAVES = (str, int, float, type(None))  # values that hold no text to walk into (a Text is a dict)


def texts(node, path: tuple, audience: Audience | None):
    """Every text reachable from ``node`` that the audience sees (None: every text), with its key path."""
    if isinstance(node, m.Text):
        yield path, node
    elif isinstance(node, m.BaseModel):
        if audience is not None and isinstance(node, m.Selectable) and not shows(node, audience):
            return
        for name, info in type(node).model_fields.items():
            value = getattr(node, name)
            if name != "audiences" and not isinstance(value, _LEAVES):
                yield from texts(value, path + (info.alias or name,), audience)
    elif isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            if not isinstance(item, _LEAVES):
                yield from texts(item, path + (i,), audience)
    elif isinstance(node, dict):
        for key, item in node.items():
            if not isinstance(item, _LEAVES):
                yield from texts(item, path + (key,), audience)


def missing_texts(deck: m.Deck, audience: Audience) -> list[Finding]:
    """A content error for every shown text that lacks the audience's language."""
    lang = audience.profile.language
    found = []
    for name in ("title", "subtitle", "author"):
        value = getattr(deck, name)
        if value is not None and not resolve(value, lang, audience.name):
            found.append(Finding((name,), f"no '{lang}' text for audience '{audience.name}'", error=True))
    for path, text in texts(deck.sections, ("sections",), audience):
        shown = resolve(text, lang, audience.name)
        if not shown:
            found.append(Finding(path, f"no '{lang}' text for audience '{audience.name}'", error=True))
        elif lang != "ko" and HANGUL.search(shown):
            found.append(Finding(path, f"Hangul in a text shown to audience '{audience.name}' ({lang}); "
                                       f"give it an '{lang}' text"))
    return found


def unknown_variants(deck: m.Deck, known: set[str]) -> list[Finding]:
    """An error for every ``LANG@AUDIENCE`` text variant or ``audiences`` entry naming no audience."""
    found = []
    for path, text in texts(deck.sections, ("sections",), None):
        for key in text:
            match = m.LANGUAGE_KEY.match(key)
            if match and match["audience"] and match["audience"] not in known:
                found.append(Finding(path + (key,), f"unknown audience '{match['audience']}' "
                                                    f"(audiences: {', '.join(sorted(known))})", error=True))
    for s, section in enumerate(deck.sections):
        items = [(("sections", s), section)] + [(("sections", s, "slides", i), sl)
                                               for i, sl in enumerate(section.slides)]
        for path, item in items:
            for j, name in enumerate(item.audiences):
                if name not in known:
                    found.append(Finding(path + ("audiences", j), f"unknown audience '{name}' "
                                                                 f"(audiences: {', '.join(sorted(known))})",
                                         error=True))
    return found


def _reading_minutes(notes: str) -> float:
    syllables = len(HANGUL.findall(notes))
    words = len(re.findall(r"[A-Za-z0-9]+", notes))
    return syllables / 350 + words / 140


_RULES = {
    "title": lambda s: 0.5,
    "agenda": lambda s: 1.0,
    "bullets": lambda s: 0.5 + sum(0.5 + 0.25 * len(b.sub) for b in s.bullets),
    "summary": lambda s: 0.5 + sum(0.5 + 0.25 * len(b.sub) for b in s.points),
    "two_column": lambda s: 1.0 + 0.4 * (len(s.left.bullets) + len(s.right.bullets)),
    "cards": lambda s: 0.5 + 0.75 * len(s.cards),
    "quote": lambda s: 1.0,
    "callout": lambda s: 1.0,
    "code": lambda s: 1.0 + 0.15 * max(len(code.strip().splitlines()) for code in s.code.values()),
    "table": lambda s: 1.0 + 0.25 * len(s.rows),
    "image": lambda s: 2.0,
    "diagram": lambda s: 2.0,
    "question": lambda s: 2.0 + (0.5 if s.choices else 0.0),
    "closing": lambda s: 1.0,
}


def estimate_minutes(slide: m.SlideBase, notes: str) -> float:
    """Minutes a slide takes when none are given: its kind's rule or the notes read aloud."""
    if slide.minutes is not None:
        return slide.minutes
    return round(max(_RULES[slide.kind](slide), _reading_minutes(notes)) * 4) / 4


def _choose_items(slide: m.SlideBase, audience: Audience) -> m.SlideBase:
    """The slide with the bullets the audience does not see left out."""
    updates = {}
    for name in ("bullets", "points"):
        items = getattr(slide, name, None)
        if items is not None:
            updates[name] = [b for b in items if shows(b, audience)]
    for name in ("left", "right"):
        column = getattr(slide, name, None)
        if isinstance(column, m.Column):
            updates[name] = column.model_copy(update={"bullets": [b for b in column.bullets if shows(b, audience)]})
    return slide.model_copy(update=updates) if updates else slide


def _empty(slide: m.SlideBase) -> bool:
    for name in ("bullets", "points"):
        if getattr(slide, name, None) == []:
            return True
    return isinstance(slide, m.TwoColumnSlide) and not (slide.left.bullets and slide.right.bullets)


_LEVEL_ORDER = {"deep": 3, "core": 2, "intro": 1, None: 0}


def _fit(cut: Cut) -> None:
    limit = cut.audience.profile.minutes
    candidates = [(int(c.slide.optional), _LEVEL_ORDER[c.slide.level], order, c)
                  for order, (sec, c) in enumerate((sec, c) for sec in cut.sections for c in sec.slides)
                  if c.slide.optional]
    for *_, chosen in sorted(candidates, key=lambda t: t[:3], reverse=True):
        if cut.minutes <= limit:
            break
        for section in cut.sections:
            if chosen in section.slides:
                section.slides.remove(chosen)
                cut.dropped.append(chosen.path)
    cut.sections = [s for s in cut.sections if s.slides]
    if cut.minutes > limit:
        longest = sorted(cut.sections, key=lambda s: s.minutes, reverse=True)[:3]
        names = ", ".join(f"'{cut.pick(s.section.title)}' ({s.minutes:g} min)" for s in longest)
        origin = cut.audience.origin
        cut.findings.append(Finding(
            origin.path + ("minutes",) if origin else ("sections",),
            f"audience '{cut.audience.name}': the deck takes {cut.minutes:g} minutes, "
            f"{cut.minutes - limit:g} more than the class length of {limit}; longest sections: {names}",
            origin=origin))


def cut_for(deck: m.Deck, audience: Audience) -> Cut:
    """The deck as ``audience`` sees it: chosen, checked for its language and fitted to its time.

    Problems of the deck as a whole, whoever it is for, are :func:`unknown_variants`'s.
    """
    sections = []
    for s, section in enumerate(deck.sections):
        if not shows(section, audience):
            continue
        chosen = []
        for i, slide in enumerate(section.slides):
            if not shows(slide, audience):
                continue
            slide = _choose_items(slide, audience)
            if _empty(slide):
                continue
            notes = resolve(slide.notes, audience.profile.language, audience.name)
            chosen.append(ChosenSlide(slide, ("sections", s, "slides", i), estimate_minutes(slide, notes)))
        if chosen:
            sections.append(ChosenSection(section, ("sections", s), chosen))
    cut = Cut(deck, audience, sections)
    cut.findings.extend(missing_texts(deck, audience))
    _fit(cut)
    return cut
