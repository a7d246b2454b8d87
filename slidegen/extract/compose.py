"""Blocks -> the deck as plain data: sections from top headings, slides from the rest. Pure.

Headings of the highest level used become sections; lower headings and all-bold lines start a
new slide group. Within a group each list, code block, quote, table and picture makes slides
(``SLIDERS``); prose goes to the notes of the next slide of its group (or the last one). A group
of prose alone becomes bullet slides, or, when short and followed by another group, notes of
that group's first slide. The first section opens with the title slide and the agenda; the last
ends with a closing slide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from . import code, image, lists, quote, table
from .blocks import Block, Code, Heading, Image, ListBlock, Prose, Quote, Remark, Style, Table
from .draft import COMMENT_KEY, Draft, script, shorten
from .fit import Fitter
from .frontmatter import FrontMatter
from .image import Pictures
from .paragraph import prose_slides
from .strings import flat, one_line, strip_bold

SLIDERS: dict[type, Callable[..., list[Draft]]] = {
    ListBlock: lists.slides,
    Code: code.slides,
    Quote: quote.slides,
    Table: table.slides,
    Image: image.slides,
}
MAX_AGENDA = 12  # the agenda draws at most two columns of six rows
CARRY_CHARS = 300  # prose-only groups shorter than this become notes of the next group


@dataclass
class Composer:
    """What every slide rule needs: the language, its words, fitting, pictures and a place for warnings."""

    lang: str
    words: dict[str, str]
    fitter: Fitter
    pictures: Pictures
    name: str
    warnings: list[str] = field(default_factory=list)
    leftover: list[str] = field(default_factory=list)

    def warn(self, line: int, message: str) -> None:
        """Report ``message`` about post line ``line`` (printed on stderr)."""
        self.warnings.append(f"{self.name}:{line}: {message}")

    def slides_for(self, block: Block, title: str) -> list[Draft]:
        """The slides one block makes, under the slide title ``title`` (markup)."""
        return SLIDERS[type(block)](block, title, self)

    def page_titles(self, title: str, pages: int) -> tuple[list[str], str]:
        """Titles for ``pages`` slides from title markup (later ones marked continued), and the full
        title if it had to be shortened."""
        base = strip_bold(title).rstrip(":：").strip() or "-"
        first = shorten(base, self.fitter.title_fits)
        titles = [first]
        if pages > 1:
            mark = f" ({self.words['continued']})"
            rest = shorten(base, lambda t: self.fitter.title_fits(t + mark)) + mark
            titles += [rest] * (pages - 1)
        cut = first != base or any(not t.startswith(base) for t in titles[1:])
        return titles[:max(pages, 1)], flat(base) if cut else ""


@dataclass
class Group:
    """A run of blocks under one slide title."""

    title: str
    blocks: list[Block] = field(default_factory=list)
    headed: bool = False


@dataclass
class SectionDraft:
    """A section being made: its heading (markup) and slides."""

    title: str
    slides: list[Draft] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    divider: bool = True


def _attach(draft: Draft, notes: list[str], comments: list[str], front: bool = True) -> None:
    texts = [flat(n) if "\n" not in n else n for n in notes]
    draft.notes = texts + draft.notes if front else draft.notes + texts
    draft.comments = comments + draft.comments if front else draft.comments + comments


def group_slides(group: Group, comp: Composer, lead: list[str]) -> tuple[list[Draft], list[str], list[str]]:
    """The slides of a group; prose and remarks that found no slide come back."""
    drafts: list[Draft] = []
    pending, comments = list(lead), []
    for block in group.blocks:
        if isinstance(block, Prose):
            pending.append(block.text)
            continue
        if isinstance(block, Remark):
            comments.append(block.text)
            continue
        if isinstance(block, Style):  # a kramdown attribute line with no quote before it
            continue
        if isinstance(block, Heading):  # a heading the grouping did not split on: keep its text
            pending.append(block.text)
            continue
        made = comp.slides_for(block, group.title)
        if comp.leftover:
            if made:
                _attach(made[-1], comp.leftover, [], front=False)
            else:
                pending += comp.leftover
            comp.leftover = []
        if made:
            _attach(made[0], pending, comments)
            pending, comments = [], []
            drafts += made
    if drafts and (pending or comments):
        _attach(drafts[-1], pending, comments, front=False)
        pending, comments = [], []
    return drafts, pending, comments


def section_slides(section: SectionDraft, groups: list[Group], comp: Composer, lead: list[str]) -> list[str]:
    """Fill ``section`` with the slides of its groups; returns notes that found no slide."""
    carry = list(lead)
    carry_comments: list[str] = []
    for index, group in enumerate(groups):
        made, pending, comments = group_slides(group, comp, carry)
        carry = []
        if made:
            made[0].comments = carry_comments + made[0].comments
            carry_comments = []
            section.slides += made
            continue
        heading = [group.title] if group.headed and group.title != section.title else []
        has_next = index + 1 < len(groups)
        short = sum(len(flat(p)) for p in pending) <= CARRY_CHARS and len(pending) <= 2
        if pending and not (has_next and short):
            made = prose_slides(group.title, pending, comp)
            if made:
                made[0].comments = carry_comments + comments + made[0].comments
                carry_comments = []
                section.slides += made
            continue
        carry = heading + pending
        carry_comments += comments
    if carry or carry_comments:
        if section.slides:
            _attach(section.slides[-1], carry, carry_comments, front=False)
            return []
        section.comments += carry_comments
        return carry
    return []


def split_groups(title: str, blocks: list[Block]) -> list[Group]:
    """Blocks cut into groups at every heading below the section level and at every pseudo-heading."""
    groups = [Group(title)]
    for block in blocks:
        if isinstance(block, Heading):
            groups.append(Group(block.text, headed=True))
        else:
            groups[-1].blocks.append(block)
    if not groups[0].blocks and len(groups) > 1:
        groups.pop(0)
    return groups


def compose(matter: FrontMatter, blocks: list[Block], comp: Composer, source: str) -> dict:
    """The deck YAML data for a post's front matter and blocks."""
    words = comp.words
    title = matter.title
    headings = [b for b in blocks if isinstance(b, Heading) and not b.pseudo]
    if headings and blocks and blocks[0] is headings[0] and headings[0].level == 1 and (
            not title or flat(headings[0].text) == title) and sum(h.level == 1 for h in headings) == 1:
        title = title or flat(headings[0].text)
        blocks = blocks[1:]
        headings = headings[1:]
    title = title or "-"
    top = min((h.level for h in headings), default=None)

    intro: list[Block] = []
    parts: list[tuple[Heading, list[Block]]] = []
    for block in blocks:
        if isinstance(block, Heading) and not block.pseudo and block.level == top:
            parts.append((block, []))
        elif parts:
            parts[-1][1].append(block)
        else:
            intro.append(block)

    sections: list[SectionDraft] = []
    title_notes = [matter.description] if matter.description else []
    carry: list[str] = []
    if intro:
        if parts and all(isinstance(b, (Prose, Remark)) for b in intro):
            title_notes += [flat(b.text) for b in intro if isinstance(b, Prose)]
            intro_remarks = [b.text for b in intro if isinstance(b, Remark)]
        else:
            intro_remarks = []
            name = words["opening"] if parts else title
            section = SectionDraft(name)
            carry = section_slides(section, split_groups(name, intro), comp, [])
            sections.append(section)
    else:
        intro_remarks = []
    for heading, part in parts:
        section = SectionDraft(heading.text)
        carry = section_slides(section, split_groups(heading.text, part), comp, carry)
        if section.slides:
            sections.append(section)
        else:
            carry = [heading.text] + carry
    if carry or comp.leftover:
        carry += comp.leftover
        if sections and sections[-1].slides:
            _attach(sections[-1].slides[-1], carry, [], front=False)
        else:
            section = SectionDraft(title)
            section.slides = prose_slides(title, carry, comp)
            if section.slides:
                sections.append(section)
    if not sections:
        sections.append(SectionDraft(title))
    return _deck(matter, title, sections, comp, source, title_notes, intro_remarks)


def _deck(matter: FrontMatter, title: str, sections: list[SectionDraft], comp: Composer, source: str,
          title_notes: list[str], remarks: list[str]) -> dict:
    words, fitter = comp.words, comp.fitter
    count = len(sections)
    for section in sections:
        full = strip_bold(section.title) or "-"
        short = shorten(full, lambda t: fitter.divider_fits(t) and (count > MAX_AGENDA or count < 2
                                                                   or fitter.agenda_fits(t, count)))
        if short != full:
            section.comments.append(f"title shortened to fit the agenda; the heading in the post: {flat(full)}")
            known = [flat(d.title) for d in section.slides] + [n for d in section.slides[:1] for n in d.notes]
            if section.slides and not any(flat(full) in k for k in known):
                section.slides[0].notes.insert(0, f"{words['heading']}: {flat(full)}")
        section.title = short

    for section in sections:
        for draft in section.slides:
            if not any(n.strip() for n in draft.notes):
                notes = script(draft)
                if notes:
                    draft.notes = [notes]
                else:
                    draft.comments.append("TODO: write the speaker notes for this slide")
    cover = Draft("title", notes=title_notes, comments=list(remarks))
    ok_title, ok_sub = fitter.cover_fits(title, matter.description)
    if not ok_title:
        cover.fields["title"] = shorten(title, lambda t: fitter.cover_fits(t, "")[0])
        cover.comments.append("the deck title is too long for the title slide; shortened here")
    if not ok_sub:
        cover.fields["subtitle"] = shorten(matter.description, lambda t: fitter.cover_fits("-", t)[1])
        cover.comments.append("the description is too long for the title slide; shortened here")
    opening = [cover]
    if 2 <= count <= MAX_AGENDA:
        opening.append(Draft("agenda", notes=[f"{words['agenda']}: " + ", ".join(flat(s.title) for s in sections)]))
    elif count > MAX_AGENDA:
        cover.comments.append(f"TODO: the post has {count} sections, more than an agenda slide shows "
                              f"({MAX_AGENDA}); merge sections, then add '- kind: agenda' after this slide")
    sections[0].slides = opening + sections[0].slides
    sections[0].divider = False
    closing = Draft("closing", comments=["TODO: say what comes next: next: {title: ..., topics: [...]}"])
    sections[-1].slides.append(closing)

    data: dict = {COMMENT_KEY: _header(matter, source)}
    data["title"] = title
    if matter.description:
        data["subtitle"] = matter.description
    if matter.author:
        data["author"] = matter.author
    if matter.date:
        data["date"] = matter.date
    data["source"] = source
    data["languages"] = [comp.lang]
    data["sections"] = [_section(s) for s in sections]
    return data


def _section(section: SectionDraft) -> dict:
    out: dict = {}
    if section.comments:
        out[COMMENT_KEY] = list(dict.fromkeys(section.comments))
    out["title"] = section.title
    if not section.divider:
        out["divider"] = False
    out["slides"] = [s.data() for s in section.slides]
    return out


def _header(matter: FrontMatter, source: str) -> list[str]:
    from .emit import flow
    lines = [f"Lecture draft made by `slidegen extract` from {one_line(source)}.",
             "Look for the TODO comments; then `slidegen validate` and `slidegen build` this file."]
    if matter.bad_date:
        lines.append(f"the front matter date '{matter.bad_date}' is not a date (YYYY-MM-DD); left out")
    if matter.other:
        lines.append("Front matter of the post not used by the deck:")
        lines += [f"  {one_line(str(key))}: {flow(value)}" for key, value in matter.other.items()]
    return lines
