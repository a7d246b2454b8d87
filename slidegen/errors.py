"""The one error type of slidegen: problems with a file, line, column and key path."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

CONTENT = 2  # exit code: the input is wrong
MISSING_TOOL = 3  # exit code: something the command needs is not installed


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters shown as escapes (``\\n``, ``\\x07``).

    A problem quotes what it found (a key, a value, a file name), and what it found may hold
    anything; escaping keeps every problem on one line and printable in any terminal.
    """
    if text.isprintable():
        return text
    return "".join(repr(c)[1:-1] if unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") else c for c in text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a warning) in an input, located as precisely as known.

    ``line`` and ``col`` are 1-based; 0 means "the whole file". ``path`` is the key path
    in the YAML (``sections[1].slides[3].bullets``), empty when it does not apply.
    """

    file: str
    line: int = 0
    col: int = 0
    path: str = ""
    message: str = ""
    hint: str = field(default="", compare=False)

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.col}"
        text = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        return one_line(f"{text} ({self.hint})" if self.hint else text)


class SlidegenError(Exception):
    """Every problem found in one go; the command line prints them sorted and exits with ``code``."""

    def __init__(self, problems: list[Problem] | Problem, code: int = CONTENT):
        self.problems = sorted([problems] if isinstance(problems, Problem) else problems)
        self.code = code
        super().__init__("\n".join(str(p) for p in self.problems))


def fail(file: str, message: str, *, line: int = 0, col: int = 0, path: str = "",
         hint: str = "", code: int = CONTENT) -> SlidegenError:
    """Return (for ``raise``) an error with one problem."""
    return SlidegenError(Problem(file, line, col, path, message, hint), code)


def format_path(parts: tuple) -> str:
    """``('sections', 1, 'slides', 3)`` -> ``sections[1].slides[3]``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
