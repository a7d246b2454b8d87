"""Bad input: every case gets exit code 2 and one line per problem, and nothing is written.

Each case puts one bad deck beside a good one (``cases/bad/good.yaml``) in a working folder
whose ``output/`` already holds decks from an earlier build, runs ``slidegen build`` (and
``slidegen validate`` where validation alone finds the problem) and asserts the messages word
for word, the exit code, no traceback, and that every file in the folder is byte-identical
afterwards: a failed build writes nothing and leaves the previous output as it was.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from slidegen.source import MAX_BYTES

CASES = Path(__file__).resolve().parent / "cases" / "bad"
PREVIOUS = {"good-korean.pptx": b"the korean deck of an earlier build",
            "good-english.pptx": b"the english deck of an earlier build"}


def png_claiming(width: int, height: int, padding: int = 0) -> bytes:
    """A small, well-formed PNG whose header claims ``width`` x ``height`` pixels."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
            + chunk(b"tEXt", b"padding\0" + b"x" * padding) + chunk(b"IEND", b""))


def picture(name: str, data: bytes) -> Callable[[Path], None]:
    """A setup step: put ``data`` at ``content/images/NAME``."""
    def put(root: Path) -> None:
        (root / "content" / "images").mkdir(exist_ok=True)
        (root / "content" / "images" / name).write_bytes(data)
    return put


def link_outside(root: Path) -> None:
    """``content/images/link.png``: a symbolic link to a real picture outside the content folder."""
    (root / "secret.png").write_bytes(png_claiming(4, 4))
    (root / "content" / "images").mkdir(exist_ok=True)
    os.symlink(root / "secret.png", root / "content" / "images" / "link.png")


def template(name: str, change: Callable[[dict[str, bytes]], None] | None = None,
             data: bytes | None = None) -> Callable[[Path], None]:
    """A setup step: ``templates/NAME``, python-pptx's own default template with its parts changed."""
    def put(root: Path) -> None:
        (root / "templates").mkdir(exist_ok=True)
        if data is not None:
            (root / "templates" / name).write_bytes(data)
            return
        from pptx import Presentation
        buffer = io.BytesIO()
        Presentation().save(buffer)
        with zipfile.ZipFile(buffer) as package:
            parts = {part: package.read(part) for part in package.namelist()}
        if change:
            change(parts)
        with zipfile.ZipFile(root / "templates" / name, "w") as package:
            for part, body in parts.items():
                package.writestr(part, body)
    return put


def no_master(parts: dict[str, bytes]) -> None:
    del parts["ppt/slideMasters/slideMaster1.xml"]


def empty_layout(parts: dict[str, bytes]) -> None:
    parts["ppt/slideLayouts/slideLayout1.xml"] = (
        b"<p:sldLayout xmlns:p='http://schemas.openxmlformats.org/presentationml/2006/main'/>")


def word_document(parts: dict[str, bytes]) -> None:
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"presentationml.presentation.main", b"wordprocessingml.document.main")
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(b"officeDocument", b"somethingElse")


def shared_profiles(text: str) -> Callable[[Path], None]:
    """A setup step: ``content/_audiences.yaml``, the profiles every deck of the folder shares."""
    def put(root: Path) -> None:
        (root / "content" / "_audiences.yaml").write_text(text, encoding="utf-8")
    return put


@dataclass(frozen=True)
class Case:
    """A bad input and the exact lines slidegen prints for it."""

    id: str
    lines: list[str]  # ':4:1: ...' stands for 'content/FILE:4:1: ...'
    deck: str | None = None  # a file of cases/bad, copied into content/
    data: bytes | None = None  # or the bytes of content/ID.yaml
    args: tuple[str, ...] = ()
    setup: Callable[[Path], None] | None = None
    validate: bool = True  # validation alone finds it, with the same lines

    @property
    def file(self) -> str:
        return self.deck or f"{self.id}.yaml"

    @property
    def expected(self) -> list[str]:
        """The lines, those starting with ':' being about the bad deck (``content/FILE``)."""
        return [f"content/{self.file}{line}" if line.startswith(":") else line for line in self.lines]


TABLE = [
    # ---- not YAML at all
    Case("binary", data=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", lines=[
        ": is not a text file (it contains NUL bytes); expected UTF-8 YAML"]),
    Case("euc-kr", data="title: 도커 기초\nsections: []\n".encode("euc-kr"), lines=[
        ":1:8: is not UTF-8 text (byte 0xb5); save the file as UTF-8"]),
    Case("utf-16", data="title: 도커\nsections: []\n".encode("utf-16"), lines=[
        ": is UTF-16 text; save the file as UTF-8"]),
    Case("over-the-size-limit", data=b"# padding\n" * (MAX_BYTES // 10 + 1), lines=[
        ": file is 2,000,010 bytes; the limit is 2,000,000"]),
    # ---- broken YAML
    Case("bad-indentation", deck="bad-indentation.yaml", lines=[
        ":4:4: not valid YAML: expected <block end>, but found '<block mapping start>' "
        "(check the indentation of this line against the lines above it)"]),
    Case("colon-in-value", deck="colon-in-value.yaml", lines=[
        ":1:14: not valid YAML: mapping values are not allowed here "
        "(is this line indented too far, or does a value containing ': ' need quotes?)"]),
    Case("tabs", deck="tabs.yaml", lines=[
        ":4:1: not valid YAML: a tab character; YAML indents with spaces only"]),
    Case("empty", deck="empty.yaml", lines=[
        ": file is empty; expected a deck (a mapping with title and sections)"]),
    Case("only-comments", deck="only-comments.yaml", lines=[
        ": file is empty; expected a deck (a mapping with title and sections)"]),
    Case("two-documents", deck="two-documents.yaml", lines=[
        ":3:1: not valid YAML: expected a single document in the stream, but found another document"]),
    Case("control-characters", deck="control-characters.yaml", lines=[
        ":1:8: title: contains the control character U+0007, which a slide cannot hold",
        ":7:19: sections[0].slides[0].bullets[0]: contains the control character U+0000, which a slide cannot hold"]),
    Case("raw-control-character", data=b"title: a bell \x07 rings\nsections: []\n", lines=[
        ":1:15: not valid YAML: the control character U+0007 is not allowed "
        "(delete it, or write it as an escape inside double quotes)"]),
    Case("duplicate-keys", deck="duplicate-keys.yaml", lines=[
        ":8:9: sections[0].slides[0].title: duplicate key 'title' (first given at line 6)",
        ":9:1: title: duplicate key 'title' (first given at line 1)"]),
    # ---- hostile YAML
    Case("python-object", deck="python-object.yaml", lines=[
        ":1:8: title: unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system'; "
        "slidegen reads plain YAML only",
        ":3:12: sections[0].title: unsupported tag 'tag:yaml.org,2002:python/name:os.getcwd'; "
        "slidegen reads plain YAML only"]),
    Case("alias-bomb", deck="alias-bomb.yaml", lines=[
        ":6:4: e: too many values: more than 100,000 after expanding aliases (is this an alias bomb?)"]),
    Case("too-many-values", data=b"title: Everything\nsections:\n" + b"- x\n" * 110_000, lines=[
        ":99998:3: too many values: more than 100,000 (a deck has a few thousand; is this the right file?)"]),
    Case("deep-nesting", deck="deep-nesting.yaml", lines=[
        ":3:50: nested too deeply (the limit is 40 levels)"]),
    # ---- YAML that is not a deck
    Case("list-at-top", deck="list-at-top.yaml", lines=[
        ":1:1: expected a mapping at the top of the file, got a list"]),
    Case("list-for-mapping", deck="list-for-mapping.yaml", lines=[
        ":5:9: sections[0].slides[0]: expected a mapping, got a list"]),
    Case("unknown-keys", deck="unknown-keys.yaml", lines=[
        ":5:9: sections[0].slides[0]: missing required key 'title'",
        ":6:9: sections[0].slides[0].titel: unknown key 'titel' (did you mean 'title'?)",
        ":8:9: sections[0].slides[0].colour: unknown key 'colour'"]),
    Case("wrong-types", deck="wrong-types.yaml", lines=[
        ":2:12: languages: expected a list, got the string 'ko'",
        ":5:14: sections[0].divider: expected true or false, got the string 'maybe'",
        ":9:18: sections[0].slides[0].bullets: expected a list, got a mapping",
        ":13:20: sections[0].slides[1].rows[0][1]: expected a text: a string or a map of language to string, "
        "got a list"]),
    Case("out-of-range", deck="out-of-range.yaml", lines=[
        ":3:34: audiences.short.minutes: expected a number at least 5, got 2",
        ":10:18: sections[0].slides[0].minutes: expected a number at most 120, got 500",
        ":11:19: sections[0].slides[0].optional: expected a number at most 9, got 10",
        ":14:16: sections[0].slides[1].cards: expected at most 4 items, got 5"]),
    Case("not-a-number", deck="not-a-number.yaml", lines=[
        ":12:49: sections[0].slides[0].diagram.metrics[0].series[0].values[0]: "
        "'.nan' is not a finite number; put it in quotes if it is meant as text",
        ":12:55: sections[0].slides[0].diagram.metrics[0].series[0].values[1]: "
        "'.inf' is not a finite number; put it in quotes if it is meant as text"]),
    Case("unknown-slide-kind", deck="unknown-slide-kind.yaml", lines=[
        ":5:15: sections[0].slides[0].kind: unknown slide kind 'bulets' (did you mean 'bullets'?)",
        ":8:15: sections[0].slides[1].kind: unknown slide kind 'video' (expected one of: title, agenda, bullets, "
        "two_column, cards, quote, callout, code, table, image, diagram, summary, question, closing)"]),
    Case("unknown-diagram-kind", deck="unknown-diagram-kind.yaml", lines=[
        ":7:25: sections[0].slides[0].diagram.kind: unknown diagram kind 'pie' (expected one of: bars, stacks, flow)",
        ":10:25: sections[0].slides[1].diagram.kind: unknown diagram kind 'flwo' (did you mean 'flow'?)"]),
    Case("missing-translation", deck="missing-translation.yaml", lines=[
        ":10:16: sections[0].slides[0].title: no 'en' text for audience 'english'",
        ":12:16: sections[0].slides[0].notes: no 'en' text for audience 'english'"]),
    Case("shared-profiles", deck="good.yaml", setup=shared_profiles(
        "audiences:\n  ops: {language: ko, minutes: 50, levle: deep}\n  short: {language: ko, minutes: 1}\n"), lines=[
        "content/_audiences.yaml:2:36: audiences.ops.levle: unknown key 'levle' (did you mean 'levels'?)",
        "content/_audiences.yaml:3:34: audiences.short.minutes: expected a number at least 5, got 1"]),
    # ---- the command line
    Case("unknown-audience", deck="good.yaml", args=("--audience", "englsh"), lines=[
        ": unknown audience 'englsh' (did you mean 'english'?)"]),
    Case("unknown-theme", deck="good.yaml", args=("--theme", "drak"), validate=False, lines=[
        "--theme: unknown theme 'drak' (did you mean 'dark'?)"]),
    Case("deck-not-found", deck="good.yaml", args=("content/lecture.yaml",), validate=False, lines=[
        "content/lecture.yaml: file not found"]),
    Case("deck-is-a-folder", deck="good.yaml", args=("content",), validate=False, lines=[
        "content: is a folder, not a YAML file"]),
    # ---- templates (--template)
    Case("template-missing", deck="good.yaml", args=("--template", "templates/school.pptx"), validate=False,
         lines=["templates/school.pptx: template not found"]),
    Case("template-not-pptx", deck="good.yaml", args=("--template", "templates/school.odp"), validate=False,
         setup=template("school.odp"), lines=[
        "templates/school.odp: not a PowerPoint template (expected a .pptx or .potx file)"]),
    Case("template-text", deck="good.yaml", args=("--template", "templates/school.pptx"), validate=False,
         setup=template("school.pptx", data=b"a text file that calls itself a template"), lines=[
        "templates/school.pptx: not a PowerPoint template (BadZipFile: File is not a zip file)"]),
    Case("template-word", deck="good.yaml", args=("--template", "templates/letter.potx"), validate=False,
         setup=template("letter.potx", word_document), lines=[
        "templates/letter.potx: not a PowerPoint template (KeyError: \"no relationship of type "
        "'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument' in collection\")"]),
    Case("template-no-master", deck="good.yaml", args=("--template", "templates/school.pptx"), validate=False,
         setup=template("school.pptx", no_master), lines=[
        "templates/school.pptx: not a PowerPoint template (KeyError: \"no relationship with key 'rId1'\")"]),
    Case("template-empty-layout", deck="good.yaml", args=("--template", "templates/school.pptx"), validate=False,
         setup=template("school.pptx", empty_layout), lines=[
        "templates/school.pptx: not a PowerPoint template (InvalidXmlError: required ``<p:cSld>`` child element "
        "not present)"]),
    # ---- pictures (checked by build, not by validate)
    Case("image-missing", deck="image-missing.yaml", validate=False, lines=[
        ":7:15: sections[0].slides[0].path: image 'images/gone.png' does not exist"]),
    Case("image-not-a-picture", deck="image-not-a-picture.yaml", validate=False,
         setup=picture("not-a-picture.png", (CASES / "images" / "not-a-picture.png").read_bytes()), lines=[
        ":7:15: sections[0].slides[0].path: 'images/not-a-picture.png' is not an image Pillow can read"]),
    Case("image-enormous", deck="image-enormous.yaml", validate=False,
         setup=picture("enormous.png", png_claiming(100, 100, padding=20_000_001)), lines=[
        ":7:15: sections[0].slides[0].path: image 'images/enormous.png' is 20,000,090 bytes; "
        "the limit is 20,000,000"]),
    Case("image-bomb", deck="image-bomb.yaml", validate=False,
         setup=picture("bomb.png", png_claiming(100_000, 100_000)), lines=[
        ":7:15: sections[0].slides[0].path: image 'images/bomb.png' claims more pixels than the limit of "
        "40,000,000 (a decompression bomb?)"]),
    Case("image-too-many-pixels", deck="image-too-many-pixels.yaml", validate=False,
         setup=picture("huge.png", png_claiming(10_000, 10_000)), lines=[
        ":7:15: sections[0].slides[0].path: image 'images/huge.png' is 10000x10000 pixels; "
        "the limit is 40,000,000 pixels"]),
    Case("image-outside", deck="image-outside.yaml", validate=False, lines=[
        ":7:15: sections[0].slides[0].path: '../../secret.png' lies outside the deck's folder "
        "(build with --allow-outside to allow it)"]),
    Case("image-absolute", deck="image-absolute.yaml", validate=False, lines=[
        ":7:15: sections[0].slides[0].path: '/etc/slidegen/secret.png' is an absolute path; "
        "give a path inside the deck's folder (or build with --allow-outside)"]),
    Case("image-symlink", deck="image-symlink.yaml", validate=False, setup=link_outside, lines=[
        ":7:15: sections[0].slides[0].path: 'images/link.png' lies outside the deck's folder "
        "(build with --allow-outside to allow it)"]),
]


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (the diagram cache aside) -> its bytes."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not p.is_symlink() and ".cache" not in p.parts}


def prepare(root: Path, case: Case) -> None:
    """The good deck, the bad one, its extra files, and the outputs of an earlier build."""
    shutil.copy(CASES / "good.yaml", root / "content" / "good.yaml")
    if case.data is not None:
        (root / "content" / case.file).write_bytes(case.data)
    else:
        shutil.copy(CASES / case.deck, root / "content" / case.file)
    if case.setup:
        case.setup(root)
    (root / "output").mkdir()
    for name, data in PREVIOUS.items():
        (root / "output" / name).write_bytes(data)
    (root / "output" / f"{Path(case.file).stem}-default.pptx").write_bytes(b"an earlier deck")


@pytest.mark.parametrize("case", TABLE, ids=[c.id for c in TABLE])
def test_bad_input_gets_one_located_line_per_problem_and_nothing_is_written(case, workdir, cli):
    prepare(workdir, case)
    before = snapshot(workdir)
    run = cli("build", *case.args)
    assert "Traceback" not in run.err
    assert (run.code, run.lines) == (2, case.expected)
    assert snapshot(workdir) == before
    if case.validate:
        run = cli("validate", *case.args)
        assert (run.code, run.lines) == (2, case.expected)


# ---- the output folder -----------------------------------------------------------------------

def file_in_the_way(root: Path) -> str:
    (root / "blocked").write_text("a file, where a folder should be", encoding="utf-8")
    return "blocked/out"


def file_not_folder(root: Path) -> str:
    (root / "taken").write_text("a file, where a folder should be", encoding="utf-8")
    return "taken"


def read_only(root: Path) -> str:
    if os.geteuid() == 0:
        pytest.skip("a read-only folder stops no one running as root; the full-disk case covers root")
    (root / "locked").mkdir()
    (root / "locked").chmod(0o555)
    return "locked"


OUTPUTS = [
    ("a-file-in-the-way", file_in_the_way, "blocked/out: output folder cannot be written: not a directory"),
    ("a-file-not-a-folder", file_not_folder, "taken: output folder cannot be written: file exists"),
    ("read-only", read_only, "locked: output folder cannot be written: permission denied"),
]


@pytest.mark.parametrize("make,line", [c[1:] for c in OUTPUTS], ids=[c[0] for c in OUTPUTS])
def test_an_output_folder_that_cannot_be_written_is_an_input_error(make, line, workdir, cli):
    shutil.copy(CASES / "good.yaml", workdir / "content" / "good.yaml")
    out = make(workdir)
    before = snapshot(workdir)
    run = cli("build", "--out", out)
    assert (run.code, run.lines) == (2, [line])
    assert snapshot(workdir) == before


def test_a_disk_that_fills_up_mid_build_leaves_every_earlier_deck_as_it_was(workdir, cli, monkeypatch):
    shutil.copy(CASES / "good.yaml", workdir / "content" / "good.yaml")
    (workdir / "output").mkdir()
    for name, data in PREVIOUS.items():
        (workdir / "output" / name).write_bytes(data)
    before = snapshot(workdir)
    synced = []

    def fsync(handle):
        synced.append(handle)
        if len(synced) == 2:  # the second deck does not fit
            raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", fsync)
    run = cli("build")
    assert (run.code, run.lines) == (2, ["output: output folder cannot be written: no space left on device"])
    assert snapshot(workdir) == before


# ---- switches that change what is allowed ----------------------------------------------------

@pytest.mark.parametrize("deck,setup", [("image-outside.yaml", None), ("image-symlink.yaml", link_outside)],
                         ids=["relative", "symlink"])
def test_a_picture_outside_the_content_folder_is_allowed_with_allow_outside(deck, setup, workdir, cli):
    (workdir / "content" / "lecture").mkdir()
    shutil.copy(CASES / deck, workdir / "content" / "lecture" / "deck.yaml")
    if deck == "image-outside.yaml":  # ../../secret.png seen from content/lecture/
        (workdir / "secret.png").write_bytes(png_claiming(4, 4))
    else:
        setup(workdir)
        shutil.move(workdir / "content" / "images", workdir / "content" / "lecture" / "images")
    assert cli("build", "content/lecture/deck.yaml").code == 2
    run = cli("build", "content/lecture/deck.yaml", "--allow-outside")
    assert run.code == 0, run.err
    assert (workdir / "output" / "deck-default.pptx").is_file()


def test_an_absolute_picture_path_is_allowed_with_allow_outside(workdir, cli):
    picture_file = workdir / "elsewhere.png"
    picture_file.write_bytes(png_claiming(4, 4))
    text = (CASES / "image-absolute.yaml").read_text(encoding="utf-8")
    (workdir / "content" / "deck.yaml").write_text(text.replace("/etc/slidegen/secret.png", str(picture_file)),
                                                   encoding="utf-8")
    assert cli("build").code == 2
    assert cli("build", "--allow-outside").code == 0


def test_strict_turns_a_split_slide_from_a_warning_into_an_error(workdir, cli):
    shutil.copy(CASES / "strict-split.yaml", workdir / "content" / "split.yaml")
    warning = "content/split.yaml:5:9: sections[0].slides[0]: too much for one slide: split into 2 slides"
    run = cli("validate", "--strict")
    assert (run.code, run.lines) == (2, [warning])
    run = cli("build", "--strict")
    assert (run.code, run.lines) == (2, [warning])
    assert not (workdir / "output").exists()
    run = cli("build", "-q")
    assert (run.code, run.lines) == (0, [warning])
    assert (workdir / "output" / "split-default.pptx").is_file()


def test_a_diagram_label_the_fonts_cannot_draw_gets_a_located_message(workdir, cli):
    (workdir / "content" / "glyph.yaml").write_text("""\
title: Glyphs
sections:
  - title: Start
    slides:
      - kind: diagram
        title: A whale
        diagram: {kind: stacks, stacks: [{name: "\U0001f433", layers: [{name: "\u06cd"}]}]}
""", encoding="utf-8")
    run = cli("build")
    assert run.code == 2, run.err
    assert run.lines == [
        "content/glyph.yaml:7:49: sections[0].slides[0].diagram.stacks[0].name: the diagram fonts cannot draw "
        "'\U0001f433' (U+1F433); use other characters",
        "content/glyph.yaml:7:70: sections[0].slides[0].diagram.stacks[0].layers[0].name: the diagram fonts cannot "
        "draw '\u06cd' (U+06CD); use other characters"]
    assert not (workdir / "output").exists()
