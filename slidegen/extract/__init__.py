"""Markdown post -> deck YAML: a lecture draft that ``slidegen build`` accepts as it is.

The stages, each a function from value to value (no files written before the last):
read the post -> split the front matter -> rewrite Liquid blocks -> parse and read blocks
(markdown-it-py, one rule per construct) -> choose the language -> compose sections and slides,
fitted with the planner's measuring -> write YAML text with comments -> (``write``) copy local
pictures next to the YAML and write it.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import fail
from ..source import decode_text, read_limited
from . import frontmatter, liquid
from .blocks import Block, Heading, Image, Item, ListBlock, Prose, Quote, Table
from .compose import Composer, compose
from .emit import dump
from .fit import Fitter
from .image import Pictures
from .reader import read_post
from .strings import clean, flat
from .words import detect_language, words

MAX_BYTES = 2_000_000


@dataclass
class Extracted:
    """The deck YAML made from a post, what to report, and the pictures to copy beside it."""

    text: str
    warnings: list[str] = field(default_factory=list)
    copies: dict[Path, Path] = field(default_factory=dict)


def read_post_file(path: Path, name: str) -> str:
    """The text of a post file; a missing, unreadable, non-UTF-8 or empty file is an input error."""
    return decode(read_limited(path, name, "Markdown"), name)


def decode(data: bytes, name: str) -> str:
    """A post's bytes as text: UTF-8 only, with the line of the first bad byte."""
    return decode_text(data, name, "Markdown")


def _texts(blocks: list[Block]) -> str:
    """The running text of the post (no code), for telling its language."""
    out: list[str] = []

    def items(entries: list[Item]) -> None:
        for item in entries:
            out.append(item.text)
            out.extend(item.extra)
            out.append(_texts(item.blocks))
            items(item.children)

    for block in blocks:
        if isinstance(block, (Heading, Prose)):
            out.append(block.text)
        elif isinstance(block, ListBlock):
            items(block.items)
        elif isinstance(block, Quote):
            out.extend(block.paragraphs)
            out.append(_texts(block.nested))
        elif isinstance(block, Image):
            out.append(block.alt)
        elif isinstance(block, Table):
            out.extend(block.header + [c for row in block.rows for c in row])
    return " ".join(flat(t) for t in out if t)


def extract_text(text: str, name: str, *, post_dir: Path | None = None, out: Path | None = None,
                 source: str | None = None) -> Extracted:
    """The deck YAML for the post ``text`` (shown as ``name`` in messages).

    ``post_dir`` is where local pictures are looked for (None: nowhere); ``out`` is the YAML file
    to be written (None: standard output), which picture paths are relative to.
    """
    text = clean(text)
    matter, body = frontmatter.split(text, name)
    body = liquid.preprocess(body)
    blocks = read_post(body, matter.lines)
    if not blocks and not matter.title:
        raise fail(name, "the post is empty: expected Markdown text (headings, paragraphs, lists, ...)")
    if not blocks:
        raise fail(name, "the post has front matter but no text after it")
    lang = detect_language(f"{matter.title} {matter.description} {_texts(blocks)}")
    out_dir = out.parent if out is not None else None
    deck_name = out.stem if out is not None else Path(name).stem
    pictures = Pictures(post_dir, out_dir, deck_name or "deck")
    comp = Composer(lang, words(lang), Fitter(lang), pictures, name)
    if not matter.title and not any(isinstance(b, Heading) and b.level == 1 and not b.pseudo for b in blocks):
        matter.title = Path(name).stem or "-"
    data = compose(matter, blocks, comp, source or name)
    return Extracted(dump(data), comp.warnings, dict(pictures.copies))


def extract_file(post: str, out: str | None = None, *, force: bool = False) -> Extracted:
    """The deck YAML for the post file ``post``; refuses to plan over an existing ``out`` unless ``force``."""
    path = Path(post)
    target = Path(out) if out else None
    if target is not None and target.exists() and not force:
        raise fail(str(target), "already exists; give --force to overwrite it, or another -o file")
    if target is not None and target.is_dir():
        raise fail(str(target), "is a folder; give a file name such as content/lecture.yaml")
    text = read_post_file(path, post)
    source = post if target is None else Path(os.path.relpath(path.resolve(), target.resolve().parent)).as_posix()
    return extract_text(text, post, post_dir=path.resolve().parent,
                        out=target.resolve() if target is not None else None, source=source)


def write(extracted: Extracted, out: str, *, force: bool = False) -> None:
    """Copy the pictures beside the YAML (never over a different file unless ``force``), then write it."""
    from ..build import write_atomic
    target = Path(out)
    for src, dest in extracted.copies.items():
        if dest.exists() and dest.read_bytes() != src.read_bytes() and not force:
            raise fail(str(dest), "already exists with other content; give --force to overwrite it")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for src, dest in extracted.copies.items():
            if not dest.exists() or dest.read_bytes() != src.read_bytes():
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dest)
        write_atomic(target, extracted.text.encode("utf-8"))
    except OSError as exc:
        raise fail(out, f"cannot be written: {(exc.strerror or str(exc)).lower()}") from None


__all__ = ["Extracted", "extract_file", "extract_text", "write"]
