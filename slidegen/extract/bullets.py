"""Bullet slides from entries (a bullet, its sub-bullets, and what follows it), split where they fit.

Each entry is first made to fit a slide on its own (a text too long keeps its first sentences and
goes whole to the notes; too many sub-bullets continue under the same bullet on the next slide);
then entries are packed onto as few slides as the planner's fitting allows, and the last slide is
evened out. Slides that belong to an entry (its code, quotes, pictures) follow the slide it is on.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable

from .blocks import Block
from .fit import Fitter, even
from .strings import flat, sentences

if TYPE_CHECKING:
    from .compose import Composer
    from .draft import Draft


@dataclass
class Entry:
    """A bullet (slide markup), its sub-bullets, notes, comments, and blocks shown after it."""

    text: str
    subs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    nested: list[Block] = field(default_factory=list)
    label: str = ""
    comments: list[str] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        """True if the entry has a bullet to show (an item holding only code or a quote has none)."""
        return bool(self.text)

    def data(self):
        """The bullet as YAML data: a bare text, or text and sub-bullets."""
        return {"text": self.text, "sub": list(self.subs)} if self.subs else self.text


def lead(text: str, fits: Callable[[str], bool]) -> str:
    """The first sentences of ``text`` that fit (at least a cut-short first sentence)."""
    parts = sentences(text) or [text]
    shown = ""
    for part in parts:
        trial = f"{shown} {part}".strip()
        if not fits(trial):
            break
        shown = trial
    return shown or Fitter.cut(parts[0], fits)


def fit_entry(entry: Entry, fitter: Fitter) -> list[Entry]:
    """``entry`` as one or more entries that each fit a slide."""
    if not entry.shown:
        return [entry]
    notes = list(entry.notes)
    text = entry.text
    if not fitter.bullet_fits(text):
        text = lead(text, fitter.bullet_fits)
        notes.insert(0, flat(entry.text))
    subs = []
    for sub in entry.subs:
        if fitter.bullet_fits(sub, 2):
            subs.append(sub)
        else:
            subs.append(lead(sub, lambda t: fitter.bullet_fits(t, 2)))
            notes.append(flat(sub))
    if fitter.bullets_fit([(text, subs)]):
        return [replace(entry, text=text, subs=subs, notes=notes)]
    greedy: list[list[str]] = [[]]
    for sub in subs:
        if greedy[-1] and not fitter.bullets_fit([(text, greedy[-1] + [sub])]):
            greedy.append([])
        greedy[-1].append(sub)
    counts = even(subs, [len(c) for c in greedy], lambda chunk: fitter.bullets_fit([(text, chunk)]))
    chunks, start = [], 0
    for count in counts:
        chunks.append(subs[start:start + count])
        start += count
    out = [replace(entry, text=text, subs=chunk, notes=[], nested=[], comments=[]) for chunk in chunks]
    out[0].notes, out[0].comments = notes, list(entry.comments)
    out[-1].nested = list(entry.nested)
    return out


def bullet_slides(title: str, entries: list[Entry], comp: "Composer") -> list["Draft"]:
    """Bullet slides titled ``title`` (markup) holding ``entries``, each followed by its entries' slides."""
    from .draft import Draft
    fitted = [e for entry in entries for e in fit_entry(entry, comp.fitter)]
    shown = [e for e in fitted if e.shown]
    counts = comp.fitter.bullet_pages([(e.text, e.subs) for e in shown]) if shown else []
    titles, full = comp.page_titles(title, len(counts))
    pages: list[list[Entry]] = []
    start = 0
    for n in counts:
        pages.append(shown[start:start + n])
        start += n
    page_of: dict[int, int] = {}
    current = -1
    for e in fitted:
        if e.shown:
            current = next(i for i, page in enumerate(pages) if any(x is e for x in page))
        page_of[id(e)] = current
    drafts: list[Draft] = []
    for index in range(-1, len(pages)):
        if index >= 0:
            page = pages[index]
            drafts.append(Draft("bullets", titles[index], {"bullets": [e.data() for e in page]},
                                notes=[n for e in page for n in e.notes],
                                comments=[c for e in page for c in e.comments]))
        for e in fitted:
            if page_of[id(e)] != index:
                continue
            made: list[Draft] = []
            for block in e.nested:
                made += comp.slides_for(block, e.label or title)
            if not e.shown and (e.notes or e.comments):
                target = drafts[-1] if drafts else made[0] if made else None
                if target is None:
                    comp.leftover += e.notes
                else:
                    target.notes += e.notes
                    target.comments += e.comments
            drafts += made
    if full and drafts:
        drafts[0].notes.insert(0, f"{comp.words['heading']}: {full}")
    return drafts
