"""The zip package: same input, same bytes; part names in constant time."""

from __future__ import annotations

import io
import zipfile

from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter

FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def fixed_info(name: str) -> zipfile.ZipInfo:
    """The zip entry header of part ``name``: a fixed date and mode, deflated."""
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 0
    return info


class _FixedEntries:
    """The zip side of python-pptx's package writer, with a fixed date and mode on every entry.

    python-pptx stamps each entry with the current time; nothing else in the package varies.
    """

    def __init__(self, zipped: zipfile.ZipFile):
        self.zipped = zipped

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        self.zipped.writestr(fixed_info(pack_uri.membername), blob)


class _FixedDateWriter(PackageWriter):
    """python-pptx's package writer (content types, package relationships, then each part and
    its relationships, in that order) writing into :class:`_FixedEntries`."""

    def _write(self) -> None:
        with zipfile.ZipFile(self._pkg_file, "w", zipfile.ZIP_DEFLATED) as zipped:
            entries = _FixedEntries(zipped)
            self._write_content_types_stream(entries)
            self._write_pkg_rels(entries)
            self._write_parts(entries)


def package_bytes(prs) -> bytes:
    """The .pptx bytes of ``prs``: the same presentation gives the same bytes."""
    package = prs.part.package
    out = io.BytesIO()
    _FixedDateWriter.write(out, package._rels, tuple(package.iter_parts()))
    return out.getvalue()


def fast_part_names(prs) -> None:
    """Give new parts their names in constant time instead of python-pptx's scan of every part.

    ``OpcPackage.next_partname`` walks all parts for each new notes slide or image, which makes
    a deck of n slides cost O(n^2). Here each name template scans once, then counts on.
    """
    package = prs.part.package
    counters: dict[str, int] = {}

    def next_partname(template: str) -> PackURI:
        if template not in counters:
            taken = {str(part.partname) for part in package.iter_parts()}
            n = 1
            while template % n in taken:
                n += 1
            counters[template] = n
        n = counters[template]
        counters[template] = n + 1
        return PackURI(template % n)

    package.next_partname = next_partname
