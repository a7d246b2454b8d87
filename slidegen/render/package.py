"""The zip package: same input, same bytes; part names in constant time."""

from __future__ import annotations

import io
import zipfile

from pptx.opc.packuri import PackURI

FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def deterministic_zip(data: bytes) -> bytes:
    """Rewrite a zip with a fixed date and mode on every entry, keeping the entry order.

    python-pptx stamps each entry with the current time; nothing else in the package varies.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            dst.writestr(info, src.read(item.filename))
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
