"""A slide under construction, and turning it into the plain data the YAML writer prints."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .fit import Fitter
from .strings import flat, one_line, strip_bold

_ASIDE = re.compile(r"\s*[(（][^()（）]*[)）]")
COMMENT_KEY = "#"


@dataclass
class Draft:
    """One slide: its kind, title, kind-specific fields (in YAML order), notes and comments."""

    kind: str
    title: str = ""
    fields: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    def data(self) -> dict:
        """The slide as YAML data: comments first, then kind, title, fields and notes."""
        out: dict = {}
        if self.comments:
            out[COMMENT_KEY] = list(dict.fromkeys(self.comments))
        out["kind"] = self.kind
        if self.title:
            out["title"] = self.title
        out.update({k: v for k, v in self.fields.items() if v is not None})
        notes = "\n\n".join(n for n in (n.strip() for n in self.notes) if n)
        if notes:
            out["notes"] = notes
        return out


def script(draft: Draft) -> str:
    """Notes for a slide that has none: what the slide says, as plain lines a teacher can build on."""
    fields = draft.fields

    def lines(bullets: list) -> list[str]:
        out = []
        for bullet in bullets:
            if isinstance(bullet, dict):
                out.append(flat(bullet["text"]))
                out += [f"  - {flat(s)}" for s in bullet.get("sub", [])]
            else:
                out.append(flat(bullet))
        return out

    if draft.kind == "bullets":
        return "\n".join(lines(fields["bullets"]))
    if draft.kind == "two_column":
        return "\n".join(f"{flat(fields[side]['heading'])}:\n" + "\n".join(lines(fields[side]["bullets"]))
                         for side in ("left", "right"))
    if draft.kind == "callout":
        return flat(fields["text"])
    return ""


def shorten(text: str, fits: Callable[[str], bool]) -> str:
    """``text`` if it fits, else without parenthesised asides, else cut short with an ellipsis."""
    if fits(text):
        return text
    bare = one_line(_ASIDE.sub("", text))
    if bare and bare != text and fits(bare):
        return bare
    return Fitter.cut(bare or text, fits)


def slide_title(markup: str, fitter: Fitter, fallback: str = "") -> tuple[str, str]:
    """A slide title made from heading markup, fitted to the title area; and the full text if it was cut."""
    title = strip_bold(markup) or fallback or "-"
    short = shorten(title, fitter.title_fits)
    return short, ("" if short == title else flat(title))
