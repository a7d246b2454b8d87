"""LibreOffice as the real renderer: PDF handouts, PNG thumbnails, contact sheets and ``check``.

One ``soffice`` process converts every deck of a call (its start-up is most of the cost), with
a private profile in a fresh temporary folder (two runs at once must not share one), a time
limit, and a fontconfig file that adds the package's Nanum fonts, so decks render with their
own fonts even where ``fonts-nanum`` is not installed.

``check`` reads back what was drawn with poppler: ``pdftotext -bbox-layout`` gives every word
with its box, ``pdftohtml -xml`` the font each piece of text was drawn with. Each word is
matched to the shape whose text holds it (``render.inspect`` reads the shapes), and the checks
in ``CHECKS`` compare the two, one function per kind of problem.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import unicodedata
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterator
from xml.sax.saxutils import escape

from .errors import CONTENT, MISSING_TOOL, Problem, SlidegenError, fail
from .text import has_hangul
from .theme import FONT_DIR, FLOORS

INSTALL = "apt-get install -y libreoffice-impress poppler-utils fonts-nanum fonts-nanum-coding"
PACKAGES = {"soffice": "LibreOffice", "pdftotext": "poppler-utils", "pdftohtml": "poppler-utils",
            "pdftoppm": "poppler-utils", "pdfinfo": "poppler-utils"}

TIMEOUT = 90.0  # seconds for LibreOffice to start and convert the first deck
TIMEOUT_PER_DECK = 60.0  # seconds more for each further deck
TOLERANCE = 1.5  # points: rounding in LibreOffice's layout and in poppler's boxes

# LibreOffice writes Ascent 0 and Descent 0 into its PDF font descriptors, so poppler gives every
# word a box from its defaults: 0.95 of the font size above the baseline and 0.35 below. From that
# box come the size and the baseline, and from them the em square, where glyphs are drawn.
POPPLER_ASCENT, POPPLER_DESCENT = 0.95, 0.35
EM_ASCENT, EM_DESCENT = 0.8, 0.2

# The size floors of PRODUCT.md, and which one a shape's text must keep, found from its name.
SIZE_FLOORS = FLOORS
ROLE_LABELS = {"body": "body text", "code": "code", "caption": "captions and sources",
               "footer": "footers and slide numbers"}
ROLES: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"^(Footer|Slide [Nn]umber|Date Placeholder)"), "footer"),
    (re.compile(r"^Code\b|\bcommand$"), "code"),
    (re.compile(r"^(Caption|Attribution|Source|Author and date)\b"), "caption"),
)
FILE_NAME = re.compile(r"^[\w\-. ]+\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg)$", re.IGNORECASE)

PNG_SIZE = 1280  # pixels along a slide PNG's long side
SHEET_COLUMNS, SHEET_THUMB, SHEET_PAD, SHEET_LABEL, SHEET_TITLE = 4, 360, 16, 28, 44

Progress = Callable[[str], None] | None


# -- tools --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Tools:
    """Paths of the programs export needs; ``fc_list`` is optional (the Hangul check needs it)."""

    soffice: str
    pdftotext: str
    pdftohtml: str
    pdftoppm: str
    pdfinfo: str
    fc_list: str | None = None


def find_tools() -> Tools:
    """The programs on the PATH; a missing one is exit code 3 with the command that installs it."""
    found = {name: shutil.which(name) for name in PACKAGES}
    found["soffice"] = found["soffice"] or shutil.which("libreoffice")
    missing = [name for name, path in found.items() if path is None]
    if missing:
        what = ", ".join(f"{PACKAGES[name]} ({name})" for name in missing)
        raise SlidegenError(Problem("slidegen", message=f"{what} not found on the PATH",
                                    hint=f"install with: {INSTALL}"), MISSING_TOOL)
    return Tools(**found, fc_list=shutil.which("fc-list"))


def _run(cmd: list[str], what: str, **kw) -> bytes:
    """Run a poppler tool; its failure on our own PDF is a bug, reported with its message."""
    done = subprocess.run(cmd, capture_output=True, stdin=subprocess.DEVNULL, **kw)
    if done.returncode != 0:
        reason = done.stderr.decode(errors="replace").strip().splitlines()
        raise RuntimeError(f"{what} failed: {reason[-1] if reason else done.returncode}")
    return done.stdout


def fontconfig_file(folder: Path) -> Path:
    """A fontconfig file: the user's (or the system's) configuration plus the package's fonts."""
    base = os.environ.get("FONTCONFIG_FILE") or "fonts.conf"
    conf = folder / "slidegen-fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
                    f'<fontconfig>\n  <include ignore_missing="yes">{escape(base)}</include>\n'
                    f"  <dir>{escape(str(FONT_DIR))}</dir>\n</fontconfig>\n", encoding="utf-8")
    return conf


@dataclass
class Workspace:
    """A temporary folder for one call: LibreOffice's profile, the fontconfig file, the PDFs."""

    root: Path
    tools: Tools

    @property
    def env(self) -> dict[str, str]:
        return dict(os.environ, FONTCONFIG_FILE=str(self.root / "slidegen-fonts.conf"))


@contextmanager
def workspace(tools: Tools) -> Iterator[Workspace]:
    """A fresh ``Workspace``, removed with everything in it afterwards."""
    with tempfile.TemporaryDirectory(prefix="slidegen-") as tmp:
        root = Path(tmp)
        fontconfig_file(root)
        yield Workspace(root, tools)


def to_pdf(decks: list[Path], space: Workspace, timeout: float | None = None) -> list[Path]:
    """Convert every deck to PDF with one LibreOffice process; returns the PDFs in ``decks`` order.

    The decks are copied under numbered names first: two decks may share a file name.
    """
    inbox, outbox = space.root / "in", space.root / "pdf"
    inbox.mkdir(exist_ok=True)
    outbox.mkdir(exist_ok=True)
    staged = []
    for i, deck in enumerate(decks):
        staged.append(inbox / f"{i:03d}.pptx")
        shutil.copyfile(deck, staged[-1])
    limit = timeout if timeout is not None else TIMEOUT + TIMEOUT_PER_DECK * max(0, len(decks) - 1)
    cmd = [space.tools.soffice, f"-env:UserInstallation={(space.root / 'profile').as_uri()}", "--headless",
           "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
           "--convert-to", "pdf", "--outdir", str(outbox), *map(str, staged)]
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=space.env, cwd=space.root, start_new_session=True)
    try:
        _, err = proc.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        _stop(proc)
        raise SlidegenError(Problem("soffice", message=f"LibreOffice did not finish within {limit:g} s; "
                                                       "no PDF was written",
                                    hint="is the deck very large, or LibreOffice stuck?"), MISSING_TOOL) from None
    pdfs = [outbox / f"{i:03d}.pdf" for i in range(len(decks))]
    failed = [deck for deck, pdf in zip(decks, pdfs) if not pdf.is_file() or pdf.stat().st_size == 0]
    if failed:
        reason = err.decode(errors="replace").strip().splitlines()
        hint = reason[-1] if reason else f"soffice exited with {proc.returncode}"
        raise SlidegenError([Problem(_shown(d), message="LibreOffice could not render this deck", hint=hint)
                             for d in failed], CONTENT)
    return pdfs


def _stop(proc: subprocess.Popen) -> None:
    """End LibreOffice and the processes it started (its own process group)."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            proc.kill()
    except ProcessLookupError:
        pass
    proc.communicate()


def _shown(path: Path) -> str:
    from .build import display
    return display(path)


def page_count(pdf: Path, tools: Tools) -> int:
    """The number of pages of a PDF (pdfinfo)."""
    info = _run([tools.pdfinfo, str(pdf)], "pdfinfo").decode(errors="replace")
    found = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    return int(found.group(1)) if found else 0


# -- build --pdf / --png ------------------------------------------------------------------------

@dataclass
class Exported:
    """What was written for one deck."""

    deck: str
    pages: int
    pdf: str = ""
    pngs: list[str] = field(default_factory=list)
    contact: str = ""


def export_decks(decks: list[Path], *, pdf: bool = True, png: bool = False, progress: Progress = None,
                 timeout: float | None = None) -> list[Exported]:
    """Write ``<deck>.pdf`` next to each deck and/or ``<deck>/slide-NN.png`` and ``<deck>-contact.png``."""
    from .build import write_atomic
    tools = find_tools()
    done: list[Exported] = []
    if not decks:
        return done
    with workspace(tools) as space:
        started = time.monotonic()
        pdfs = to_pdf(decks, space, timeout)
        _say(progress, f"LibreOffice: {len(decks)} deck(s) rendered in {time.monotonic() - started:.1f} s")
        for deck, rendered in zip(decks, pdfs):
            started = time.monotonic()
            result = Exported(_shown(deck), page_count(rendered, tools))
            if pdf:
                target = deck.with_suffix(".pdf")
                write_atomic(target, rendered.read_bytes())
                result.pdf = _shown(target)
            if png:
                folder = deck.parent / deck.stem
                images = slide_pngs(rendered, folder, space)
                result.pngs = [_shown(p) for p in images]
                sheet = deck.parent / f"{deck.stem}-contact.png"
                write_atomic(sheet, contact_sheet(images, deck.name))
                result.contact = _shown(sheet)
            wrote = ", ".join(filter(None, [result.pdf, f"{_shown(folder)}/slide-*.png" if png else "", result.contact]))
            _say(progress, f"{result.deck}: {result.pages} pages -> {wrote} ({time.monotonic() - started:.1f} s)")
            done.append(result)
    return done


def _say(progress: Progress, line: str) -> None:
    if progress is not None:
        progress(line)


def slide_pngs(pdf: Path, folder: Path, space: Workspace) -> list[Path]:
    """One PNG per page as ``folder/slide-01.png`` ...; PNGs left from a longer earlier deck are removed."""
    from .build import write_atomic
    scratch = Path(tempfile.mkdtemp(prefix="png-", dir=space.root))
    _run([space.tools.pdftoppm, "-png", "-scale-to", str(PNG_SIZE), str(pdf), str(scratch / "p")], "pdftoppm")
    pages = sorted(scratch.glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    folder.mkdir(parents=True, exist_ok=True)
    digits = max(2, len(str(len(pages))))
    written = []
    for number, page in enumerate(pages, 1):
        target = folder / f"slide-{number:0{digits}d}.png"
        write_atomic(target, page.read_bytes())
        written.append(target)
    for old in folder.glob("slide-*.png"):
        if old not in written and re.fullmatch(r"slide-\d+\.png", old.name):
            old.unlink()
    return written


def contact_sheet(images: list[Path], title: str) -> bytes:
    """All slides as a grid of thumbnails, each slide's number under it, the deck's name on top (PNG)."""
    import io

    from PIL import Image, ImageDraw, ImageFont
    columns = max(1, min(SHEET_COLUMNS, len(images)))
    rows = max(1, math.ceil(len(images) / columns))
    thumb_h = round(SHEET_THUMB * 9 / 16)
    if images:
        with Image.open(images[0]) as first:
            thumb_h = round(SHEET_THUMB * first.height / first.width)
    cell_w, cell_h = SHEET_THUMB + SHEET_PAD, thumb_h + SHEET_LABEL + SHEET_PAD
    sheet = Image.new("RGB", (SHEET_PAD + columns * cell_w, SHEET_TITLE + rows * cell_h + SHEET_PAD // 2), "#E9EDF1")
    draw = ImageDraw.Draw(sheet)
    label = ImageFont.truetype(str(FONT_DIR / "NanumGothic.ttf"), 18)
    heading = ImageFont.truetype(str(FONT_DIR / "NanumGothicBold.ttf"), 22)
    draw.text((SHEET_PAD, SHEET_TITLE // 2 + 2), f"{title}: {len(images)} slides", fill="#1F2933", font=heading,
              anchor="lm")
    for i, path in enumerate(images):
        x = SHEET_PAD + (i % columns) * cell_w
        y = SHEET_TITLE + (i // columns) * cell_h
        with Image.open(path) as picture:
            thumb = picture.convert("RGB").resize((SHEET_THUMB, thumb_h), Image.Resampling.LANCZOS,
                                                  reducing_gap=2.0)
        sheet.paste(thumb, (x, y))
        draw.rectangle((x - 1, y - 1, x + SHEET_THUMB, y + thumb_h), outline="#8895A3")
        draw.text((x + SHEET_THUMB // 2, y + thumb_h + SHEET_LABEL // 2 + 1), str(i + 1), fill="#1F2933",
                  font=label, anchor="mm")
    out = io.BytesIO()
    sheet.save(out, "PNG")
    return out.getvalue()


# -- reading the PDF ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Word:
    """A word as poppler found it on a page: its box in points (origin top left) and its line.

    ``font`` is the name of the PDF font it was drawn with (subset prefix removed), filled in
    for words that hold Hangul. A ``clipped`` word is a piece of text that reaches off the page,
    boxed in whole points: good for where it is, not for its size.
    """

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    line: int
    font: str = ""
    clipped: bool = False

    @property
    def size(self) -> float:
        """The font size in points."""
        return (self.y1 - self.y0) / (POPPLER_ASCENT + POPPLER_DESCENT)

    @property
    def ink(self) -> tuple[float, float, float, float]:
        """``(left, top, right, bottom)`` of the em square the glyphs are drawn in."""
        base = self.y1 - POPPLER_DESCENT * self.size
        return self.x0, base - EM_ASCENT * self.size, self.x1, base + EM_DESCENT * self.size


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml(data: bytes) -> ET.Element:
    # poppler passes control characters from the PDF through; XML does not allow them
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", data.decode("utf-8", errors="replace"))
    return ET.fromstring(text)


def read_pdf(pdf: Path, space: Workspace) -> list[list[Word]]:
    """Every page's words in poppler's reading order, Hangul words with their font.

    ``pdftotext`` leaves out characters drawn off the page, so each piece of text that
    ``pdftohtml`` finds reaching past the page's edge is added as one more, ``clipped``, word.
    """
    root = _xml(_run([space.tools.pdftotext, "-bbox-layout", str(pdf), "-"], "pdftotext", cwd=space.root))
    pages: list[list[Word]] = []
    for page in root.iter():
        if _local(page.tag) != "page":
            continue
        words, line_no = [], 0
        for line in page.iter():
            if _local(line.tag) != "line":
                continue
            line_no += 1
            for w in line:
                if _local(w.tag) == "word" and (w.text or "").strip():
                    words.append(Word(w.text.strip(), float(w.get("xMin")), float(w.get("yMin")),
                                      float(w.get("xMax")), float(w.get("yMax")), line_no))
        pages.append(words)
    pieces = _pieces(pdf, space)
    out = []
    for number, words in enumerate(pages):
        on_page, size = pieces[number] if number < len(pieces) else ([], (math.inf, math.inf))
        words = [replace(w, font=_font_at(w, on_page)) if has_hangul(w.text) else w for w in words]
        page_box = (0.0, 0.0, *size)
        off = [Word(text, *box, line=-k, font=_pdf_font(font), clipped=True)
               for k, (box, _, font, text) in enumerate(on_page, 1) if _beyond(box, page_box)]
        out.append(words + off)
    return out


def _pieces(pdf: Path, space: Workspace) -> list[tuple[list, tuple[float, float]]]:
    """Per page, the ``pdftohtml -xml`` pieces of text (box, compact text, font, text) and the page size."""
    root = _xml(_run([space.tools.pdftohtml, "-xml", "-i", "-q", "-zoom", "1", "-stdout", str(pdf)], "pdftohtml",
                     cwd=space.root))
    out = []
    for page in root.iter("page"):
        fonts = {spec.get("id"): spec.get("family", "") for spec in page.iter("fontspec")}
        pieces = []
        for t in page.iter("text"):
            left, top = float(t.get("left", 0)), float(t.get("top", 0))
            box = (left, top, left + float(t.get("width", 0)), top + float(t.get("height", 0)))
            text = "".join(t.itertext()).strip()
            if text:
                pieces.append((box, _compact(text), fonts.get(t.get("font"), ""), text))
        out.append((pieces, (float(page.get("width", math.inf)), float(page.get("height", math.inf)))))
    return out


def _font_at(word: Word, pieces: list) -> str:
    cx, cy = (word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2
    inside = [(text, font) for (x0, y0, x1, y1), text, font, _ in pieces
              if x0 - 1 <= cx <= x1 + 1 and y0 - 1 <= cy <= y1 + 1]
    word_text = _compact(word.text)
    for text, font in inside:
        if word_text in text:
            return _pdf_font(font)
    return _pdf_font(inside[0][1]) if inside else ""


def _pdf_font(name: str) -> str:
    return re.sub(r"^[A-Z]{6}\+", "", name)


def _compact(text: str) -> str:
    """Text with every space removed: LibreOffice adds spaces where Hangul meets other letters."""
    return "".join(unicodedata.normalize("NFKC", text).split())


# -- fonts --------------------------------------------------------------------------------------

def font_key(name: str) -> str:
    """A font or family name reduced for comparing PDF font names with fontconfig's names."""
    name = _pdf_font(name).split(",")[0].split("-")[0]
    return re.sub(r"[\s_]", "", name).lower()


@dataclass(frozen=True)
class FontBook:
    """The fonts LibreOffice can use (through the same fontconfig file) and those with Hangul."""

    known: frozenset[str] = frozenset()
    hangul: frozenset[str] = frozenset()

    def lacks_hangul(self, name: str) -> bool:
        """True for a font known to have no Hangul glyphs; False when it has them or is unknown."""
        key = font_key(name)
        return key in self.known and key not in self.hangul


def font_book(space: Workspace) -> FontBook:
    """Ask fontconfig, as LibreOffice sees it, which fonts exist and which hold '가' (U+AC00)."""
    if space.tools.fc_list is None:
        return FontBook()

    def keys(*pattern: str) -> frozenset[str]:
        listing = _run([space.tools.fc_list, "-f", "%{family}\t%{postscriptname}\n", *pattern], "fc-list",
                       env=space.env).decode(errors="replace")
        found = set()
        for line in listing.splitlines():
            families, _, postscript = line.partition("\t")
            found.update(font_key(n) for n in families.split(",") + [postscript] if n.strip())
        return frozenset(found)
    return FontBook(keys(), keys(":charset=ac00"))


# -- matching words to shapes -------------------------------------------------------------------

def _distance(box: tuple[float, float, float, float], word: Word) -> float:
    cx, cy = (word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2
    dx = max(box[0] - cx, 0.0, cx - box[2])
    dy = max(box[1] - cy, 0.0, cy - box[3])
    return math.hypot(dx, dy)


def match_words(words: list[Word], shapes) -> list[int | None]:
    """The index in ``shapes`` of the shape each word belongs to (None: no shape holds it).

    Each shape's text (with its bullets, spaces removed) is consumed from a cursor: a word that
    continues where the shape's text stands wins, the shape of the previous word first, then
    the nearest shape. Words found in no shape (bullets a layout supplies) go with their line.
    """
    texts = {i: _compact("".join(p.bullet + p.text for p in s.paragraphs)) for i, s in enumerate(shapes)}
    texts = {i: t for i, t in texts.items() if t}
    cursor = dict.fromkeys(texts, 0)
    owner: list[int | None] = []
    last = None
    for word in words:
        needle = _compact(word.text)
        best, best_key, best_end = None, None, 0
        for i, text in texts.items():
            pos = text.find(needle, cursor[i])
            rank = 0 if pos == cursor[i] else 1
            if pos < 0:
                pos, rank = text.find(needle), 2
                if pos < 0:
                    continue
            away = _distance(shapes[i].box_pt, word)
            # a bullet or lone mark is found in many shapes: the one it is drawn in wins
            mark = len(needle) <= 2 and not needle.isalnum()
            key = (rank, mark and away > 1.0, i != last, away, i)
            if best_key is None or key < best_key:
                best, best_key, best_end = i, key, pos + len(needle)
        if best is not None and best_key[0] < 2:
            cursor[best] = best_end
        owner.append(best)
        last = best if best is not None else last
    return _adopt(words, owner, shapes)


def _adopt(words: list[Word], owner: list[int | None], shapes) -> list[int | None]:
    """Give unmatched words the shape of a matched word on their line, else of the box they lie in."""
    by_line: dict[int, list[int]] = {}
    for w, o in zip(words, owner):
        if o is not None:
            by_line.setdefault(w.line, []).append(o)
    result = []
    for w, o in zip(words, owner):
        if o is None and w.line in by_line:
            o = by_line[w.line][0]
        elif o is None:
            holders = [i for i, s in enumerate(shapes) if s.paragraphs and _distance(s.box_pt, w) == 0]
            o = min(holders, key=lambda i: shapes[i].box.w * shapes[i].box.h) if holders else None
        result.append(o)
    return result


# -- the checks ---------------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class Finding:
    """One problem ``check`` found: on a slide (0: the deck as a whole), in a shape."""

    deck: str
    slide: int
    order: int
    shape: str
    kind: str = field(compare=False)
    message: str = field(compare=False)
    amount: float = field(default=0.0, compare=False)

    def __str__(self) -> str:
        where = f"{self.deck}: slide {self.slide}" if self.slide else self.deck
        return f"{where}: {self.message}"

    def as_json(self) -> dict:
        return {"slide": self.slide or None, "kind": self.kind, "shape": self.shape or None,
                "message": self.message, "amount_pt": round(self.amount, 1)}


@dataclass
class SlideView:
    """One slide as the checks see it: the shapes from the file and the words LibreOffice drew."""

    number: int
    shapes: tuple
    words: list[Word]
    owner: list[int | None]
    width: float
    height: float
    fonts: FontBook

    def words_of(self, index: int) -> list[Word]:
        return [w for w, o in zip(self.words, self.owner) if o == index]

    def drawn(self) -> Iterator[tuple[int, object, list[Word]]]:
        """Every shape with text, with the words drawn for it."""
        for i, shape in enumerate(self.shapes):
            if shape.paragraphs:
                yield i, shape, self.words_of(i)

    def lines(self) -> list[tuple[int, tuple[float, float, float, float]]]:
        """The drawn text lines: the words of one shape on one poppler line, as one ink box."""
        boxes: dict[tuple[int, int], tuple[float, float, float, float]] = {}
        for w, o in zip(self.words, self.owner):
            if o is not None:
                key = (o, w.line)
                boxes[key] = _union(boxes[key], w.ink) if key in boxes else w.ink
        return [(o, box) for (o, _), box in boxes.items()]

    def label(self, index: int) -> str:
        """A shape's name in quotes, with its text when another shape on the slide has the same name."""
        shape = self.shapes[index]
        if shape.text.strip() and sum(s.name == shape.name for s in self.shapes) > 1:
            return f"'{shape.name}' ('{_short(shape.text)}')"
        return f"'{shape.name}'"

    def finding(self, order: int, kind: str, shape: str, message: str, amount: float = 0.0) -> Finding:
        return Finding("", self.number, order, shape, kind, message, amount)


def _union(a, b):
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def _overlap(a, b) -> tuple[float, float]:
    return min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])


def _beyond(inner, outer) -> dict[str, float]:
    """How far ``inner`` reaches past each side of ``outer``, for the sides past the tolerance."""
    sides = {"left": outer[0] - inner[0], "top": outer[1] - inner[1], "right": inner[2] - outer[2],
             "bottom": inner[3] - outer[3]}
    return {side: amount for side, amount in sides.items() if amount > TOLERANCE}


def _sides(reach: dict[str, float]) -> str:
    return " and ".join(f"{amount:.1f} pt at the {side}" for side, amount in reach.items())


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "\u2026"


def _quote(words: list[Word]) -> str:
    return _short(" ".join(w.text for w in words))


def text_outside_box(view: SlideView) -> list[Finding]:
    """Text drawn past its own shape's box (past a table cell's sides: its row grows to fit)."""
    found = []
    for i, shape, words in view.drawn():
        box = shape.box_pt
        if shape.grows:
            box = (box[0], -math.inf, box[2], math.inf)
        out = [w for w in words if _beyond(w.ink, box)]
        if out:
            reach: dict[str, float] = {}
            for w in out:
                for side, amount in _beyond(w.ink, box).items():
                    reach[side] = max(reach.get(side, 0.0), amount)
            found.append(view.finding(0, "text-outside-box", shape.name,
                                      f"text outside its box: {view.label(i)} by {_sides(reach)} "
                                      f"('{_quote(out)}')", max(reach.values())))
    return found


def text_outside_slide(view: SlideView) -> list[Finding]:
    """Text drawn past the edges of the slide."""
    page = (0.0, 0.0, view.width, view.height)
    reach: dict[int | None, dict[str, float]] = {}
    texts: dict[int | None, list[Word]] = {}
    for w, o in zip(view.words, view.owner):
        past = _beyond(w.ink, page)
        if past:
            sides = reach.setdefault(o, {})
            for side, amount in past.items():
                sides[side] = max(sides.get(side, 0.0), amount)
            texts.setdefault(o, []).append(w)
    return [view.finding(1, "text-outside-slide", view.shapes[o].name if o is not None else "",
                         f"text outside the slide: {view.label(o) if o is not None else 'text'} by {_sides(sides)} "
                         f"('{_quote(texts[o])}')", max(sides.values()))
            for o, sides in reach.items()]


def text_overlap(view: SlideView) -> list[Finding]:
    """Lines of text of different shapes drawn over each other."""
    lines = view.lines()
    worst: dict[tuple[int, int], tuple[float, float]] = {}
    for n, (a, box_a) in enumerate(lines):
        for b, box_b in lines[n + 1:]:
            if a == b:
                continue
            w, h = _overlap(box_a, box_b)
            if w > TOLERANCE and h > TOLERANCE:
                pair = (min(a, b), max(a, b))
                if pair not in worst or w * h > worst[pair][0] * worst[pair][1]:
                    worst[pair] = (w, h)
    return [view.finding(2, "text-overlap", view.shapes[a].name,
                         f"text lines overlap: {view.label(a)} and {view.label(b)} ({w:.1f} x {h:.1f} pt)", min(w, h))
            for (a, b), (w, h) in sorted(worst.items())]


def text_over_picture(view: SlideView) -> list[Finding]:
    """Text drawn on top of (or under) a picture."""
    pictures = [p for p, s in enumerate(view.shapes) if s.picture]
    found = []
    for i, shape, words in view.drawn():
        for p in pictures:
            covered = [_overlap(w.ink, view.shapes[p].box_pt) for w in words]
            covered = [(w, h) for w, h in covered if w > TOLERANCE and h > TOLERANCE]
            if covered:
                w, h = max(covered, key=lambda c: c[0] * c[1])
                found.append(view.finding(3, "text-over-picture", shape.name,
                                          f"text drawn over a picture: {view.label(i)} over {view.label(p)} "
                                          f"({w:.1f} x {h:.1f} pt)", min(w, h)))
    return found


def hangul_without_glyphs(view: SlideView) -> list[Finding]:
    """Hangul set in, or drawn with, a font that has no Hangul glyphs."""
    found = []
    for i, shape, words in view.drawn():
        declared = sorted({run.east_asian for run in shape.runs
                           if run.east_asian and has_hangul(run.text) and view.fonts.lacks_hangul(run.east_asian)})
        drawn = sorted({w.font for w in words if w.font and has_hangul(w.text)})
        tofu = [f for f in drawn if view.fonts.lacks_hangul(f)]
        if declared:
            seen = f"; LibreOffice drew it with {', '.join(repr(f) for f in drawn)}" if drawn else ""
            message = f"{view.label(i)} sets Hangul in {', '.join(repr(f) for f in declared)}{seen}"
        elif tofu:
            message = f"{view.label(i)} is drawn with {', '.join(repr(f) for f in tofu)}"
        else:
            continue
        found.append(view.finding(4, "hangul-font", shape.name, "Hangul in a font without Hangul glyphs: " + message))
    return found


def role_of(name: str) -> str:
    """Which size floor a shape's text keeps, from the shape's name: body, code, caption or footer."""
    for pattern, role in ROLES:
        if pattern.search(name):
            return role
    return "body"


def text_too_small(view: SlideView) -> list[Finding]:
    """Text under the size floor of its role, as written in the file or as drawn."""
    found = []
    for i, shape, words in view.drawn():
        sizes = [run.size for run in shape.runs if run.size and run.text.strip()]
        sizes += [w.size for w in words if not w.clipped]
        if not sizes:
            continue
        role = role_of(shape.name)
        smallest, floor = min(sizes), SIZE_FLOORS[role]
        if smallest < floor - 0.1:
            found.append(view.finding(5, "text-too-small", shape.name,
                                      f"text under the size floor: {view.label(i)} has {round(smallest, 1):g} pt "
                                      f"text; the floor for {ROLE_LABELS[role]} is {floor:g} pt", floor - smallest))
    return found


def picture_without_alt(view: SlideView) -> list[Finding]:
    """Pictures with no description, or only a file name as one."""
    found = []
    for i, shape in enumerate(view.shapes):
        if shape.picture and (not shape.alt or FILE_NAME.match(shape.alt)):
            why = f" (its description is the file name '{shape.alt}')" if shape.alt else ""
            found.append(view.finding(6, "picture-without-alt", shape.name,
                                      f"picture without alt text: {view.label(i)}{why}"))
    return found


CHECKS: tuple[Callable[[SlideView], list[Finding]], ...] = (
    text_outside_box, text_outside_slide, text_overlap, text_over_picture, hangul_without_glyphs, text_too_small,
    picture_without_alt,
)


# -- check --------------------------------------------------------------------------------------

@dataclass
class Target:
    """A deck to check: its file, the name reports use, and where it came from."""

    path: Path
    name: str
    source: str = ""
    audience: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class DeckReport:
    """What ``check`` found in one deck."""

    target: Target
    slides: int
    pages: int
    seconds: float
    findings: list[Finding]

    def as_json(self) -> dict:
        return {"deck": self.target.name, "source": self.target.source or None,
                "audience": self.target.audience or None, "slides": self.slides, "pages": self.pages,
                "seconds": round(self.seconds, 2), "warnings": self.target.warnings,
                "problems": [f.as_json() for f in self.findings]}


def check_deck(target: Target, pdf: Path, space: Workspace, fonts: FontBook) -> DeckReport:
    """Compare one deck's shapes with what LibreOffice drew of it."""
    from .render.inspect import inspect_deck
    started = time.monotonic()
    deck = inspect_deck(target.path)
    pages = read_pdf(pdf, space)
    slides = deck.visible
    findings = []
    if len(pages) != len(slides):
        findings.append(Finding(target.name, 0, 0, "", "page-count",
                                f"the PDF has {len(pages)} pages for {len(slides)} slides",
                                abs(len(pages) - len(slides))))
    width, height = deck.width / 12_700, deck.height / 12_700
    for slide, words in zip(slides, pages):
        view = SlideView(slide.number, slide.shapes, words, match_words(words, slide.shapes), width, height, fonts)
        for rule in CHECKS:
            findings.extend(replace(f, deck=target.name) for f in rule(view))
    return DeckReport(target, len(slides), len(pages), time.monotonic() - started, sorted(findings))


def targets(paths: list[str] | None, folder: Path, audience: str | None) -> list[Target]:
    """The decks to check: .pptx files as given; .yaml lectures (default: content/*.yaml) built into ``folder``."""
    from .build import build, display
    paths = paths or []
    decks = [p for p in paths if p.lower().endswith(".pptx")]
    lectures = [p for p in paths if p.lower().endswith((".yaml", ".yml"))]
    wrong = [p for p in paths if p not in decks and p not in lectures]
    problems = [Problem(p, message="expected a .pptx deck or a .yaml lecture") for p in wrong]
    problems += [Problem(p, message="no such file") for p in decks if not Path(p).is_file()]
    if problems:
        raise SlidegenError(problems)
    found = []
    if lectures or not paths:
        for built in build(lectures or None, folder, audience=audience):
            found.append(Target(folder / Path(built.path).name, Path(built.path).name, built.source, built.audience,
                                built.warnings))
    found += [Target(Path(p), display(Path(p))) for p in decks]
    return found


def _readable(target: Target) -> None:
    from .render.inspect import inspect_deck
    try:
        inspect_deck(target.path)
    except Exception as exc:  # noqa: BLE001 - any failure to read the file is the file's fault
        raise fail(target.name, f"not a .pptx file python-pptx can read ({type(exc).__name__})") from None


def check(paths: list[str] | None = None, *, audience: str | None = None, progress: Progress = None,
          timeout: float | None = None) -> list[DeckReport]:
    """Render decks through LibreOffice and report, per slide, the layout problems found."""
    tools = find_tools()
    with workspace(tools) as space:
        chosen = targets(paths, space.root / "decks", audience)
        for target in chosen:
            _readable(target)
        started = time.monotonic()
        pdfs = to_pdf([t.path for t in chosen], space, timeout)
        _say(progress, f"LibreOffice: {len(chosen)} deck(s) rendered in {time.monotonic() - started:.1f} s")
        fonts = font_book(space)
        reports = []
        for target, pdf in zip(chosen, pdfs):
            report = check_deck(target, pdf, space, fonts)
            problems = len(report.findings)
            _say(progress, f"{target.name}: {report.slides} slides, {problems or 'no'} problem{'s' * (problems != 1)} "
                           f"({report.seconds:.1f} s)")
            reports.append(report)
    return reports
