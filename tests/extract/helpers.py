"""What the extract tests share: the test posts, reading an extracted deck back, planning it."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from slidegen.audience import audiences_of, cut_for, unknown_variants
from slidegen.extract import Extracted, extract_file
from slidegen.plan import plan_deck
from slidegen.source import parse_source
from slidegen.text import plain
from slidegen.theme import get_theme
from slidegen.validate import validate_deck

POSTS = Path(__file__).parent / "posts"
ALL_POSTS = sorted(p.name for p in POSTS.glob("*.md"))


def extract(name: str, out: Path) -> tuple[dict, Extracted]:
    """Extract a test post to ``out``; returns the YAML read back and the extraction."""
    extracted = extract_file(str(POSTS / name), str(out))
    return yaml.safe_load(extracted.text), extracted


def slides(data: dict) -> list[dict]:
    """Every slide of a deck, in order, each with its section's title under ``section``."""
    return [dict(slide, section=section["title"]) for section in data["sections"] for slide in section["slides"]]


def outline(data: dict) -> list[tuple[str, str]]:
    """(kind, title) of every slide."""
    return [(s["kind"], s.get("title", "")) for s in slides(data)]


def plan(text: str) -> tuple[list, list[str], list[str]]:
    """Validate and plan a deck's YAML text for its audiences: (planned slides, errors, warnings)."""
    source = parse_source(text, "deck.yaml")
    deck = validate_deck(source)
    audiences = audiences_of(deck, "deck.yaml", {})
    errors, warnings, planned = [], [], []
    errors += [finding.message for finding in unknown_variants(deck, set(audiences))]
    for audience in audiences.values():
        cut = cut_for(deck, audience)
        for finding in cut.findings:
            (errors if finding.error else warnings).append(finding.message)
        made, notes = plan_deck(cut, get_theme(None))
        planned += made
        for note in notes:
            (errors if note.error else warnings).append(note.message)
    return planned, errors, warnings


def strings(node) -> list[str]:
    """Every string in a YAML value."""
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in strings(value)]
    return []


def normal(text: str) -> str:
    """Text without slide markup, with white space as single spaces."""
    return re.sub(r"\s+", " ", plain(text)).strip()


# ---- what a post says, read without the extractor -------------------------------------------------

_FENCE = re.compile(r"^(\s*)(?:[-*+]\s+)?(`{3,}|~{3,})")
_LIQUID = re.compile(r"\{%.*?%\}|\{\{.*?\}\}")
_TAG = re.compile(r"<[^>]+>")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKER = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|>\s?|#{1,6}\s+|\[![A-Z]+\]\s*)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def post_content(path: Path) -> tuple[list[str], list[str]]:
    """The sentences (and table cells) and the code lines of a post, found with plain regular expressions."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[1]
    code: list[str] = []
    prose: list[str] = []
    fence, indent = None, 0
    for line in text.split("\n"):
        opener = _FENCE.match(line)
        if fence == "{%":
            if re.match(r"^\s*\{%-?\s*endhighlight", line):
                fence = None
            elif line.strip():
                code.append(line.rstrip())
            continue
        if fence is not None:
            if opener and opener.group(2)[0] == fence[0] and len(opener.group(2)) >= len(fence):
                fence = None
            elif line.strip():
                code.append(line[indent:].rstrip() if not line[:indent].strip() else line.strip())
            continue
        if opener:
            fence, indent = opener.group(2), line.index(opener.group(2))
            continue
        if re.match(r"^\s*\{%-?\s*highlight", line):
            fence = "{%"
            continue
        prose.append(line)
    sentences: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        joined = " ".join(paragraph)
        paragraph.clear()
        for sentence in _SENTENCE.split(joined):
            sentence = normal(sentence.replace("**", "").replace("`", ""))
            if sentence and re.search(r"\w", sentence):
                sentences.append(sentence)

    for raw in prose:
        line = _IMAGE.sub("", _TAG.sub(" ", _LIQUID.sub("", raw)))
        line = _LINK.sub(r"\1", line)
        if re.match(r"^\s*\{:.*\}\s*$", line) or re.match(r"^\s*\|?\s*:?-{3,}", line):
            continue
        if line.strip().startswith("|"):
            flush()
            sentences += [normal(c.replace("`", "").replace("**", "")) for c in line.strip().strip("|").split("|")
                          if c.strip()]
            continue
        stripped = line
        while True:
            bare = _MARKER.sub("", stripped, count=1)
            if bare == stripped:
                break
            stripped = bare
        if not stripped.strip() or stripped != line.lstrip() and _MARKER.match(line):
            flush()
        if stripped.strip():
            paragraph.append(stripped.strip())
    flush()
    return sentences, code


def deck_corpus(data: dict) -> str:
    """Every text of a deck (slides and notes), without markup, as one string to search."""
    return "\n".join(normal(s) for s in strings(data))
