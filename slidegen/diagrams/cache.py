"""The diagram cache: drawn PNGs and their alt texts, kept by key, read without matplotlib.

The folder is ``$SLIDEGEN_CACHE/diagrams`` when the ``SLIDEGEN_CACHE`` variable is set, else
``.cache/slidegen/diagrams`` under the working folder. An entry is two files, ``KEY.png`` and
``KEY.json`` (alt text and pixel size); the JSON is written last, so an entry without it is
incomplete and ignored. Every file is written to a temporary name and renamed into place, so a
reader never sees half a file. A cache that cannot be read or written is no error: the diagram is
drawn again.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

ENV = "SLIDEGEN_CACHE"
DEFAULT = Path(".cache") / "slidegen"


@dataclass(frozen=True)
class Entry:
    """A cached diagram: PNG bytes, pixel size and alt text."""

    png: bytes
    size: tuple[int, int]
    alt: str


def folder() -> Path:
    """Where diagrams are cached, from ``SLIDEGEN_CACHE`` or the working folder."""
    root = os.environ.get(ENV)
    return (Path(root) if root else Path.cwd() / DEFAULT) / "diagrams"


def load(key: str) -> Entry | None:
    """The entry stored under ``key``, or None if there is none or it cannot be read."""
    base = folder()
    try:
        meta = json.loads((base / f"{key}.json").read_text(encoding="utf-8"))
        png = (base / f"{key}.png").read_bytes()
        width, height = meta["size"]
        if len(png) != meta["bytes"]:
            return None
        return Entry(png, (int(width), int(height)), str(meta["alt"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store(key: str, entry: Entry) -> None:
    """Keep ``entry`` under ``key``; a folder that cannot be written is silently skipped."""
    base = folder()
    meta = {"alt": entry.alt, "size": list(entry.size), "bytes": len(entry.png)}
    try:
        base.mkdir(parents=True, exist_ok=True)
        _write(base / f"{key}.png", entry.png)
        _write(base / f"{key}.json", json.dumps(meta, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError:
        pass


def _write(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise
