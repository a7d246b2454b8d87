"""YAML text -> plain tree plus the source position of every key and value.

Only YAML's safe core is understood: no Python objects are ever constructed. The file size,
the number of values (before and after alias expansion) and the nesting depth are limited, so
a hostile file fails fast with a clear message instead of eating memory.

A file is read twice: first LibYAML's fast parser (when PyYAML has it) counts values and depth
as the events stream by, stopping at a limit, and builds the nodes when the file is sound;
a file with a syntax error is parsed again by PyYAML's own parser, whose messages are clearer.
Both give the same line and column for every node.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Problem, SlidegenError, fail, format_path

MAX_BYTES = 2_000_000
MAX_VALUES = 100_000
MAX_DEPTH = 40

FAST_LOADER = getattr(yaml, "CSafeLoader", None)  # LibYAML, when PyYAML was built with it

MERGE_TAG = "tag:yaml.org,2002:merge"
PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
STR_TAG = "tag:yaml.org,2002:str"  # a string's value is its node's text: no constructor needed


@dataclass
class Source:
    """A parsed YAML file: ``tree`` holds dicts, lists and scalars; positions are 1-based."""

    file: str
    tree: object
    values: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    keys: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: tuple, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value (or key) at ``path``, else of its nearest known parent."""
        table = self.keys if key else self.values
        while path:
            if path in table:
                return table[path]
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))

    def problem(self, path: tuple, message: str, *, key: bool = False, hint: str = "") -> Problem:
        """A problem located at ``path``."""
        line, col = self.where(path, key=key)
        return Problem(self.file, line, col, format_path(path), message, hint)


def read_limited(path: Path, name: str, what: str = "YAML") -> bytes:
    """The bytes of an input file of at most ``MAX_BYTES``; anything unreadable is an input error."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise fail(name, f"file is {size:,} bytes; the limit is {MAX_BYTES:,}")
        return path.read_bytes()
    except FileNotFoundError:
        raise fail(name, "file not found") from None
    except IsADirectoryError:
        raise fail(name, f"is a folder, not a {what} file") from None
    except PermissionError:
        raise fail(name, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise fail(name, f"cannot be read: {(exc.strerror or str(exc)).lower()}") from None


def read_source(path: Path | str, *, display: str | None = None) -> Source:
    """Read and parse a YAML file, raising a :class:`SlidegenError` for anything unreadable."""
    path = Path(path)
    name = display or str(path)
    return parse_source(read_limited(path, name), name)


def decode_text(data: bytes, name: str, what: str = "YAML") -> str:
    """UTF-8 bytes (a byte-order mark allowed) as text; anything else is an input error with its line."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise fail(name, "is UTF-16 text; save the file as UTF-8")
    if b"\x00" in data[:8192]:
        raise fail(name, f"is not a text file (it contains NUL bytes); expected UTF-8 {what}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise fail(name, f"is not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
                   line=line, col=col) from None


def parse_source(data: bytes | str, name: str) -> Source:
    """Parse YAML bytes or text named ``name`` into a :class:`Source`."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise fail(name, f"file is {len(data):,} bytes; the limit is {MAX_BYTES:,}")
        data = decode_text(data, name)
    if not data.strip():
        raise fail(name, "file is empty; expected a deck (a mapping with title and sections)")
    sound = _within_limits(data, name)
    try:
        node = yaml.compose(data, Loader=FAST_LOADER if sound and FAST_LOADER else yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        message, hint = _yaml_message(exc)
        raise fail(name, f"not valid YAML: {message}", line=line, col=col, hint=hint) from None
    except yaml.reader.ReaderError as exc:
        before = data[: exc.position]
        line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        character = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise fail(name, f"not valid YAML: the control character {character} is not allowed",
                   line=line, col=col, hint="delete it, or write it as an escape inside double quotes") from None
    except yaml.YAMLError as exc:
        raise fail(name, "not valid YAML: " + " ".join(str(exc).split())) from None
    except RecursionError:
        raise fail(name, f"nested too deeply (the limit is {MAX_DEPTH} levels)") from None
    if node is None:
        raise fail(name, "file is empty; expected a deck (a mapping with title and sections)")
    builder = _Builder(name)
    tree = builder.build(node, (), 0)
    if builder.problems:
        raise SlidegenError(builder.problems)
    return Source(name, tree, builder.values, builder.keys)


def _within_limits(text: str, name: str) -> bool:
    """Raise if ``text`` holds more than ``MAX_VALUES`` values or nests deeper than ``MAX_DEPTH``.

    Stops at the first value over a limit, before any node is built. Returns whether the whole
    stream parsed without a syntax error (a syntax error is left for the composer to report).
    """
    count = depth = 0
    try:
        for event in yaml.parse(text, Loader=FAST_LOADER or yaml.SafeLoader):
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            count += 1
            mark = event.start_mark
            if depth > MAX_DEPTH:
                raise fail(name, f"nested too deeply (the limit is {MAX_DEPTH} levels)",
                           line=mark.line + 1, col=mark.column + 1)
            if count > MAX_VALUES:
                raise fail(name, f"too many values: more than {MAX_VALUES:,} (a deck has a few thousand; "
                           "is this the right file?)", line=mark.line + 1, col=mark.column + 1)
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
    except (yaml.YAMLError, UnicodeError, ValueError, RecursionError):
        return False
    return True


# PyYAML's words for common slips -> a hint saying what probably went wrong
_YAML_HINTS = {
    "expected <block end>": "check the indentation of this line against the lines above it",
    "mapping values are not allowed here": "is this line indented too far, or does a value containing ': ' "
                                           "need quotes?",
    "cannot start any token": "put quotes around a value that starts with this character",
    "found undefined alias": "an alias '*name' needs an anchor '&name' before it",
    "could not find expected ':'": "a key needs ': ' after it, or a long text needs quotes",
}


def _yaml_message(exc: yaml.MarkedYAMLError) -> tuple[str, str]:
    """PyYAML's problem as one line of text, and a hint for the usual cause."""
    problem = " ".join(str(exc.problem or exc.context or "not valid YAML").split())
    context = " ".join(str(exc.context or "").split())
    if "found character '\\t'" in problem or "\t" in problem:
        return "a tab character; YAML indents with spaces only", ""
    if problem == "second occurrence" and context:  # a duplicate anchor
        first = exc.context_mark.line + 1 if exc.context_mark else 0
        return context.replace("; first occurrence", "") + (f" (first given at line {first})" if first else ""), ""
    if problem.startswith("but ") and context:  # "expected a single document in the stream, but found another"
        problem = f"{context}, {problem}"
    hint = next((h for k, h in _YAML_HINTS.items() if k in problem), "")
    return problem, hint


# characters XML 1.0, and so a .pptx, cannot hold
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class _Builder:
    """Turns composed YAML nodes into plain values, recording positions and limits."""

    def __init__(self, name: str):
        self.name = name
        self.count = 0
        self.values: dict[tuple, tuple[int, int]] = {}
        self.keys: dict[tuple, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.constructor = yaml.constructor.SafeConstructor()

    def _at(self, node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def build(self, node, path: tuple, depth: int):
        self.count += 1
        if self.count > MAX_VALUES:  # report it where the expansion started: the top-level key
            line, col = self.values.get(path[:1], self._at(node))
            raise fail(self.name, f"too many values: more than {MAX_VALUES:,} after expanding aliases "
                       "(is this an alias bomb?)", line=line, col=col, path=format_path(path[:1]))
        if depth > MAX_DEPTH:
            line, col = self._at(node)
            raise fail(self.name, f"nested too deeply (the limit is {MAX_DEPTH} levels)", line=line, col=col)
        self.values.setdefault(path, self._at(node))
        if not isinstance(node, yaml.ScalarNode) and node.tag not in PLAIN_TAGS:
            line, col = self._at(node)
            self.problems.append(Problem(self.name, line, col, format_path(path),
                                         f"unsupported tag '{node.tag}'; slidegen reads plain YAML only"))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        try:
            value = node.value if node.tag == STR_TAG else self.constructor.construct_object(node)
        except (yaml.constructor.ConstructorError, ValueError, OverflowError) as exc:
            line, col = self._at(node)
            if node.tag.startswith("tag:yaml.org,2002:python") or node.tag.startswith("!"):
                message = f"unsupported tag '{node.tag}'; slidegen reads plain YAML only"
            else:
                message = "bad value: " + (getattr(exc, "problem", None) or str(exc))
            self.problems.append(Problem(self.name, line, col, format_path(path), message))
            return None
        message = _unusable(value, node)
        if message:
            line, col = self._at(node)
            self.problems.append(Problem(self.name, line, col, format_path(path), message))
            return None
        return value

    def _pairs(self, node, depth: int):
        """Key/value node pairs of a mapping, with ``<<`` merges expanded (explicit keys win)."""
        own, merged = [], []
        for key_node, value_node in node.value:
            if key_node.tag == MERGE_TAG:
                sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
                for source in sources:
                    if isinstance(source, yaml.MappingNode):
                        merged.extend(self._pairs(source, depth + 1))
                    else:
                        line, col = self._at(source)
                        self.problems.append(Problem(self.name, line, col, "", "'<<' must merge a mapping"))
            else:
                own.append((key_node, value_node))
        explicit = {k.value for k, _ in own if isinstance(k, yaml.ScalarNode)}
        return own + [(k, v) for k, v in merged if k.value not in explicit]

    def _mapping(self, node, path: tuple, depth: int) -> dict:
        out: dict = {}
        first: dict = {}
        for key_node, value_node in self._pairs(node, depth):
            line, col = self._at(key_node)
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(self.name, line, col, format_path(path),
                                             "a key must be a plain value, not a list or mapping"))
                continue
            try:
                key = key_node.value if key_node.tag == STR_TAG else self.constructor.construct_object(key_node)
            except (yaml.constructor.ConstructorError, ValueError, OverflowError):
                key = key_node.value
            key = key if isinstance(key, str) else str(key)
            message = _unusable(key, key_node)
            if message:
                self.problems.append(Problem(self.name, line, col, format_path(path), f"key {message}"))
                continue
            if key in first:
                self.problems.append(Problem(
                    self.name, line, col, format_path(path + (key,)),
                    f"duplicate key '{key}' (first given at line {first[key]})"))
                continue
            first[key] = line
            self.keys[path + (key,)] = (line, col)
            out[key] = self.build(value_node, path + (key,), depth + 1)
        return out


def _unusable(value, node) -> str:
    """Why a scalar cannot go into a deck (a control character, not a finite number), or ''."""
    if isinstance(value, float) and not math.isfinite(value):
        return f"'{node.value}' is not a finite number; put it in quotes if it is meant as text"
    if isinstance(value, str):
        found = _NOT_IN_XML.search(value)
        if found:
            return f"contains the control character U+{ord(found.group()):04X}, which a slide cannot hold"
    return ""
