"""Pictures: a local picture becomes an image slide; a remote one a marked placeholder, never downloaded.

A local picture is found next to the post (or, for a site path such as ``/assets/x.png``, under
the post's folder or its parent, the site root of a Jekyll ``_posts`` folder). The deck refers to
it relative to the output YAML's folder; a picture outside that folder is copied to
``images/<deck>/`` beside the YAML, because ``slidegen build`` refuses pictures outside the
deck's folder. A picture that is missing or in a format slidegen cannot draw becomes a
placeholder too, and every placeholder is reported.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .blocks import Image
from .draft import Draft, shorten
from .fit import Fitter
from .strings import one_line, strip_bold

if TYPE_CHECKING:
    from .compose import Composer

REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
FORMATS = ("PNG", "JPEG", "GIF", "BMP", "TIFF")  # what ``slidegen build`` accepts
GENERIC_ALT = {"", "image", "img", "picture", "photo", "screenshot", "이미지", "그림", "사진", "스크린샷", "캡처"}


@dataclass
class Pictures:
    """Finds the post's local pictures and decides where the deck refers to them."""

    post_dir: Path | None
    out_dir: Path | None
    deck_name: str
    copies: dict[Path, Path] = field(default_factory=dict)

    def find(self, src: str) -> Path | None:
        """The local file ``src`` names, or None."""
        if self.post_dir is None:
            return None
        path = unquote(urlsplit(src).path)
        if not path:
            return None
        candidates = [self.post_dir / path.lstrip("/"), self.post_dir.parent / path.lstrip("/")] \
            if path.startswith("/") else [self.post_dir / path]
        return next((c.resolve() for c in candidates if c.is_file()), None)

    def refer(self, file: Path) -> str:
        """The path the deck uses for ``file``: relative to the output folder, copying it there if needed."""
        base = (self.out_dir or Path.cwd()).resolve()
        if self.out_dir is None or base in file.parents:
            return Path(os.path.relpath(file, base)).as_posix()
        if file not in self.copies:
            taken = set(self.copies.values())
            target = base / "images" / self.deck_name / file.name
            n = 2
            while target in taken:
                target = base / "images" / self.deck_name / f"{file.stem}-{n}{file.suffix}"
                n += 1
            self.copies[file] = target
        return self.copies[file].relative_to(base).as_posix()


def drawable(file: Path) -> str:
    """The reason ``slidegen build`` could not draw ``file``, or an empty string if it can."""
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError
    try:
        with PILImage.open(file) as picture:
            if picture.format not in FORMATS:
                return f"is {picture.format}; use PNG, JPEG, GIF, BMP or TIFF"
    except (UnidentifiedImageError, OSError, PILImage.DecompressionBombError):
        return "is not a picture slidegen can read"
    return ""


def _title(image: Image, title: str, comp: "Composer") -> str:
    alt = one_line(image.alt)
    if alt.casefold() in GENERIC_ALT:
        mark = f" ({comp.words['image']})"
        return shorten(strip_bold(title), lambda t: comp.fitter.title_fits(t + mark)) + mark
    return shorten(alt, comp.fitter.title_fits)


def slides(image: Image, title: str, comp: "Composer") -> list[Draft]:
    """An image slide for a local picture, else a placeholder callout (reported on stderr)."""
    src = image.src
    heading = _title(image, title, comp)
    alt = one_line(image.alt)
    if src.lower().startswith("data:"):
        comp.warn(image.line, "embedded data URI image not extracted")
        return [_placeholder(heading, comp.words["missing"], comp.words["embedded"], [comp.words["embedded"]], comp,
                             ["TODO: the post embeds this picture as a data URI; save it as a file"])]
    if REMOTE.match(src):
        comp.warn(image.line, f"remote image not downloaded: {src}")
        return [_placeholder(heading, comp.words["placeholder"], src, [comp.words["remote"], src], comp,
                             [f"remote image: {src}", "TODO: add a diagram here, or download the picture "
                                                      "and use an image slide"])]
    file = comp.pictures.find(src)
    reason = "not found" if file is None else drawable(file)
    if reason:
        comp.warn(image.line, f"image {reason}: {src}")
        return [_placeholder(heading, comp.words["missing"], src, [comp.words["missing_note"], src], comp,
                             [f"image {reason}: {src}", "TODO: add the picture or a diagram here"])]
    path = comp.pictures.refer(file)
    if path.startswith("../"):
        comp.warn(image.line, f"image lies outside the current folder: {path}; write the deck with -o to "
                              "copy it beside the deck (or build with --allow-outside)")
    draft = Draft("image", heading, {"path": path,
                                     "alt": alt if alt.casefold() not in GENERIC_ALT else f"{comp.words['image']}: "
                                                                                         f"{file.name}"})
    if alt.casefold() in GENERIC_ALT:
        draft.comments.append("TODO: describe what the picture shows in alt")
    return [draft]


def _placeholder(title: str, label: str, address: str, notes: list[str], comp: "Composer",
                 comments: list[str]) -> Draft:
    text = Fitter.cut(f"{label}: {address}", comp.fitter.callout_fits)
    return Draft("callout", title, {"style": "warning", "text": text}, notes=notes, comments=comments)
