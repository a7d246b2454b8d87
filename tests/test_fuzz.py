"""Fuzzing: whatever the input, ``validate`` and ``build`` succeed or exit 2 with one-line messages.

Random byte strings, YAML-ish token soup, and random YAML trees shaped like decks (the model's
keys, sometimes with wrong types, unknown keys, missing keys and odd Unicode) go through the
command line in-process. Exit code 1 (a bug), a traceback, a message that is not one located
line, a half-written deck or a changed earlier output fails the test.

In CI the examples are few and derandomized (a fixed seed per test). Locally, more:
``SLIDEGEN_FUZZ_EXAMPLES=2000 python -m pytest tests/test_fuzz.py`` runs 2000 per test, and
``SLIDEGEN_FUZZ_SEED=N`` draws a different random sequence.
"""

from __future__ import annotations

import contextlib
import copy
import io
import os
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, seed, settings
from hypothesis import strategies as st
from pptx import Presentation

from slidegen.cli import main
from slidegen.model import DIAGRAM_KINDS, SLIDE_KINDS
from tests.conftest import EXAMPLES

IMAGES = EXAMPLES / "images"
EXAMPLES = int(os.environ.get("SLIDEGEN_FUZZ_EXAMPLES", "0"))
SEED = os.environ.get("SLIDEGEN_FUZZ_SEED")
OLD_DECK = b"an earlier build's deck, which a failed build must leave alone"
# hypothesis imports libcst to print a failing example as a patch; libcst warns on import
pytestmark = pytest.mark.filterwarnings("ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")
# file:line:col: key.path: message  or  file: message, where the file is the deck (or a folder)
ONE_LINE = re.compile(r"^(content/deck\.yaml|output|--\w+)(:\d+:\d+)?: \S.*$")


def fuzz_settings(examples: int):
    """Few derandomized examples by default; ``SLIDEGEN_FUZZ_EXAMPLES`` and ``_SEED`` for long runs."""
    chosen = settings(max_examples=EXAMPLES or examples, derandomize=SEED is None, database=None,
                      deadline=None, print_blob=True,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                             HealthCheck.filter_too_much])

    def apply(test):
        test = chosen(test)
        return seed(int(SEED))(test) if SEED is not None else test
    return apply


@pytest.fixture(scope="module", autouse=True)
def shared_cache(diagram_cache):
    """Diagrams come from the run's shared cache (the command line runs in-process, without fixtures)."""
    old = os.environ.get("SLIDEGEN_CACHE")
    os.environ["SLIDEGEN_CACHE"] = str(diagram_cache)
    yield
    if old is None:
        os.environ.pop("SLIDEGEN_CACHE", None)
    else:
        os.environ["SLIDEGEN_CACHE"] = old


# ---- running the command line on one input ---------------------------------------------------

def run_on(data: bytes, command: str) -> None:
    """Run ``slidegen COMMAND content/deck.yaml`` on ``data`` and check the contract of the outcome."""
    with tempfile.TemporaryDirectory(prefix="slidegen-fuzz-") as tmp:
        root = Path(tmp)
        (root / "content").mkdir()
        shutil.copytree(IMAGES, root / "content" / "images")
        (root / "content" / "not.png").write_text("not a picture", encoding="utf-8")
        (root / "content" / "deck.yaml").write_bytes(data)
        (root / "output").mkdir()
        old = root / "output" / "deck-default.pptx"
        old.write_bytes(OLD_DECK)
        err, out = io.StringIO(), io.StringIO()
        with contextlib.chdir(root), contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            args = [command, "content/deck.yaml"] + (["--out", "output"] if command == "build" else [])
            code = main(args)
        lines = err.getvalue().splitlines()
        event(f"{command}: exit {code}")
        assert code in (0, 2), err.getvalue()
        assert "Traceback" not in err.getvalue() and "bug in slidegen" not in err.getvalue()
        for line in lines:
            assert ONE_LINE.match(line) or (code == 0 and line.startswith(("output/", "1 deck"))), line
        written = sorted(p.name for p in (root / "output").iterdir())
        if code == 2:
            assert lines, "exit 2 without a message"
            assert written == ["deck-default.pptx"]
            assert old.read_bytes() == OLD_DECK
            return
        if command == "validate":
            assert written == ["deck-default.pptx"] and old.read_bytes() == OLD_DECK
            return
        assert all(name.startswith("deck-") and name.endswith(".pptx") for name in written), written
        for name in written:
            if (root / "output" / name).read_bytes() == OLD_DECK:
                continue  # the deck has named audiences, so deck-default.pptx was not rebuilt
            with zipfile.ZipFile(root / "output" / name) as deck:
                assert deck.testzip() is None
            Presentation(str(root / "output" / name))  # python-pptx reads it back


# ---- strategies ------------------------------------------------------------------------------
# A deck is drawn valid in shape (most of them build), then ``decks()`` damages some of them.

# odd Unicode: Hangul, combining marks, right-to-left, emoji, zero-width and line separators
ODD = st.sampled_from(["도커", "e\u0301", "\u05e9\u05dc\u05d5\u05dd", "\U0001f433", "\u200b", "\u2028",
                       "\ufeff", "`code`", "**bold**", "\\", "'", '"', ": ", "# ", "&a", "*a", "!!str",
                       "\ud7a3", "A" * 200, "x" * 3000])
WORDS = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=24).filter(str.strip)
PLAIN = st.one_of(WORDS, WORDS, st.lists(st.one_of(WORDS, ODD), min_size=1, max_size=4).map(" ".join))
TEXT = st.one_of(PLAIN, st.fixed_dictionaries({"ko": PLAIN, "en": PLAIN}),
                 st.fixed_dictionaries({"ko": PLAIN, "en": PLAIN, "ko@ops": PLAIN}))
ANY_TEXT = st.text(max_size=12)
JUNK = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**20) | st.floats() | ANY_TEXT | ODD
    | st.sampled_from(["", " ", "\x07", "advanced", "fr", "-1", "2024-02-30", "../x.png"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3),
    max_leaves=6)
MINUTES = st.one_of(st.integers(0, 120), st.floats(0, 120), st.sampled_from([0, 0.5, 1, 5]))
NAME = st.sampled_from(["ops", "dev", "english"])
SELECT = {"level": st.sampled_from(["intro", "core", "deep"]),
          "audiences": st.lists(NAME, max_size=2), "tags": st.lists(st.sampled_from(["a", "b"]), max_size=2)}
COMMON = {**SELECT, "notes": TEXT, "minutes": MINUTES, "optional": st.one_of(st.booleans(), st.integers(0, 9))}


def record(required: dict, optional: dict | None = None):
    """A mapping with the required keys and some of the optional ones."""
    return st.fixed_dictionaries(required, optional=optional or {})


BULLET = st.one_of(TEXT, record({"text": TEXT}, {"sub": st.lists(TEXT, max_size=3), **SELECT}))
BULLETS = st.lists(BULLET, min_size=1, max_size=14)
VALUES = st.lists(st.one_of(st.integers(0, 10**6), st.floats(0.001, 1e9)), min_size=2, max_size=2)
# Diagram labels mostly stay within what the diagram fonts draw (ASCII and Hangul), so that most
# diagrams get drawn; mutations still put other characters there (see run_on).
DIAGRAM_WORDS = st.text(st.one_of(st.characters(min_codepoint=0x20, max_codepoint=0x7E),
                                  st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)),
                        min_size=1, max_size=20).filter(str.strip)
DTEXT = st.one_of(DIAGRAM_WORDS, st.fixed_dictionaries({"ko": DIAGRAM_WORDS, "en": DIAGRAM_WORDS}))
LAYER = record({"name": DTEXT}, {"shared": st.booleans(), "repeat": st.integers(1, 4), "highlight": st.booleans()})
FLOW_BOXES = [{"id": "a", "label": "A"}, {"id": "b", "label": "B", "zone": "z"}, {"id": "c", "label": "C"}]
DIAGRAMS = {
    "bars": record({"kind": st.just("bars"), "categories": st.just(["VM", {"ko": "컨테이너", "en": "Container"}]),
                    "metrics": st.lists(record({"name": DTEXT, "series": st.lists(
                        record({"name": DTEXT, "values": VALUES}), min_size=1, max_size=2)},
                        {"unit": st.sampled_from(["s", "MB", ""]), "log": st.booleans()}), min_size=1, max_size=2)},
                   {"source": DTEXT}),
    "stacks": record({"kind": st.just("stacks"), "stacks": st.lists(
        record({"name": DTEXT, "layers": st.lists(LAYER, min_size=1, max_size=4)}), min_size=1, max_size=3)}),
    "flow": record({"kind": st.just("flow"), "boxes": st.lists(st.sampled_from(FLOW_BOXES), min_size=1, max_size=3,
                                                              unique_by=lambda b: b["id"])},
                   {"arrows": st.lists(record({"from": st.sampled_from(["a", "b"]), "to": st.sampled_from(["a"])},
                                              {"label": DTEXT}), max_size=3),
                    "direction": st.sampled_from(["right", "rows"])}).map(
        lambda d: {**d, "zones": [{"id": "z", "label": "Z"}], "boxes": d["boxes"] + [FLOW_BOXES[0]]
                   if all(b["id"] != "a" for b in d["boxes"]) else d["boxes"]}),
}
assert set(DIAGRAMS) == set(DIAGRAM_KINDS)


def slide(kind: str, required: dict, optional: dict | None = None):
    return record({"kind": st.just(kind), **required}, {**COMMON, **(optional or {})})


COLUMN = record({"heading": TEXT, "bullets": BULLETS})
SLIDES = {
    "title": slide("title", {}, {"title": TEXT, "subtitle": TEXT}),
    "agenda": slide("agenda", {}),
    "bullets": slide("bullets", {"title": TEXT, "bullets": BULLETS}),
    "two_column": slide("two_column", {"title": TEXT, "left": COLUMN, "right": COLUMN},
                        {"style": st.sampled_from(["versus", "arrow"])}),
    "cards": slide("cards", {"title": TEXT, "cards": st.lists(record({"title": TEXT, "body": TEXT},
                                                                      {"code": PLAIN}), min_size=2, max_size=4)}),
    "quote": slide("quote", {"text": TEXT}, {"attribution": TEXT}),
    "callout": slide("callout", {"title": TEXT, "text": TEXT}, {"style": st.sampled_from(["info", "tip", "warning"])}),
    "code": slide("code", {"title": TEXT, "code": st.one_of(PLAIN, st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\x0b\x0c"), min_size=1, max_size=400))},
                  {"language": st.sampled_from(["python", "bash", "dockerfile", "no-such-lexer", "text"]),
                   "caption": TEXT}),
    "table": st.integers(1, 8).flatmap(lambda n: slide("table", {
        "title": TEXT, "columns": st.lists(TEXT, min_size=n, max_size=n),
        "rows": st.lists(st.lists(TEXT, min_size=n, max_size=n), min_size=1, max_size=12)}, {"caption": TEXT})),
    "image": slide("image", {"title": TEXT, "alt": TEXT, "path": st.sampled_from(
        ["images/shapes.png", "images/shapes.png", "images/../images/shapes.png", "missing.png", "not.png",
         "../deck.yaml", "/etc/passwd", "images", ""])}, {"caption": TEXT}),
    "diagram": slide("diagram", {"title": TEXT, "diagram": st.one_of(*DIAGRAMS.values())},
                     {"alt": TEXT, "caption": TEXT}),
    "summary": slide("summary", {"points": BULLETS}, {"title": TEXT}),
    "question": slide("question", {"question": TEXT, "answer": TEXT}, {"choices": st.lists(TEXT, max_size=6)}),
    "closing": slide("closing", {}, {"message": TEXT, "next": record({"title": TEXT},
                                                                     {"topics": st.lists(TEXT, max_size=4)})}),
}
assert set(SLIDES) == set(SLIDE_KINDS)
PROFILE = record({"language": st.sampled_from(["ko", "en"]), "minutes": st.integers(5, 600)},
                 {"levels": st.lists(st.sampled_from(["intro", "core", "deep"]), min_size=1, max_size=3),
                  "include_tags": st.lists(st.sampled_from(["a", "b"]), max_size=1),
                  "exclude_tags": st.lists(st.sampled_from(["a", "b"]), max_size=1),
                  "theme": st.sampled_from(["default", "dark"])})
SECTION = record({"title": TEXT, "slides": st.lists(st.one_of(*SLIDES.values()), max_size=4)},
                 {"divider": st.booleans(), **SELECT})
DECK = record({"title": TEXT, "languages": st.just(["ko", "en"]), "sections": st.lists(SECTION, min_size=1, max_size=3)},
              {"subtitle": TEXT, "author": TEXT, "date": st.dates(),
               "audiences": st.dictionaries(NAME, PROFILE, max_size=2), "source": PLAIN})


def _places(tree):
    """Every (container, key) in a tree: where a mutation can strike."""
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield tree, key
            yield from _places(value)
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield tree, index
            yield from _places(value)


@st.composite
def decks(draw):
    """A deck-shaped tree, then up to three mutations: junk values, unknown keys, lost keys, odd keys."""
    deck = copy.deepcopy(draw(DECK))  # strategies hand out shared lists: never change what they gave
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 1, 2, 3]))):
        places = list(_places(deck))
        container, key = draw(st.sampled_from(places))
        action = draw(st.sampled_from(["junk", "drop", "unknown", "odd key"]))
        if action == "junk":
            container[key] = draw(JUNK)
        elif action == "drop":
            del container[key]
        elif isinstance(container, dict):
            name = draw(st.sampled_from(["titel", "bulets", "kind", "notes", "x"]) if action == "unknown"
                        else st.one_of(ODD, ANY_TEXT, st.integers(), st.booleans()))
            container[name] = draw(JUNK)
    return deck


def dump(tree) -> bytes:
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=80).encode("utf-8")


TOKENS = st.sampled_from(["title", "sections", "slides", "kind", "bullets", ": ", ":", "- ", "-", "\n", "\n  ",
                          "\n    ", " ", "\t", "[", "]", "{", "}", ",", "&a ", "*a", "<<: ", "!!python/object ",
                          "! ", "? ", "'", '"', "|", ">", "#", "---\n", "...\n", "%YAML 1.1\n", "도커", "\\",
                          "\ufeff", "\x00", "\x85", "1e999", ".nan", "~", "null", "yes", "2024-02-30"])
YAMLISH = st.lists(TOKENS, max_size=60).map(lambda parts: "".join(parts).encode("utf-8"))
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "euc-kr", "latin-1", "utf-8-sig"])


@st.composite
def encoded_decks(draw):
    """A deck dumped as YAML, then perhaps re-encoded or with a few bytes cut or changed."""
    text = dump(draw(DECK)).decode("utf-8")
    encoding = draw(ENCODINGS)
    data = text.encode(encoding, "replace")
    for _ in range(draw(st.integers(0, 3))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.binary(max_size=3)) + data[at + draw(st.integers(0, 4)):]
    return data


# ---- the properties --------------------------------------------------------------------------

@fuzz_settings(40)
@given(decks())
def test_a_deck_shaped_tree_builds_or_gets_one_line_messages(tree):
    run_on(dump(tree), "build")


@fuzz_settings(15)
@given(decks())
def test_a_deck_shaped_tree_validates_or_gets_one_line_messages(tree):
    run_on(dump(tree), "validate")


@fuzz_settings(15)
@given(encoded_decks())
def test_a_damaged_or_re_encoded_deck_file_builds_or_gets_one_line_messages(data):
    run_on(data, "build")


@fuzz_settings(15)
@given(st.one_of(st.binary(max_size=300), YAMLISH))
def test_random_bytes_and_yaml_token_soup_get_one_line_messages(data):
    run_on(data, "validate")


@fuzz_settings(15)
@given(YAMLISH)
def test_yaml_token_soup_never_breaks_build(data):
    run_on(data, "build")
