"""Tree -> model, collecting every problem at once as ``file:line:col: key.path: message``."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import Problem, SlidegenError
from .model import AT, DIAGRAM_KINDS, SLIDE_KINDS, Deck, ProfileFile
from .source import Source

_TYPE_NAMES = {dict: "a mapping", list: "a list", str: "a string", bool: "true or false",
               int: "a number", float: "a number", type(None): "nothing"}

_EXPECTED = {
    "string_type": "expected a string",
    "list_type": "expected a list",
    "dict_type": "expected a mapping",
    "model_type": "expected a mapping",
    "model_attributes_type": "expected a mapping",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "date_type": "expected a date (YYYY-MM-DD)",
    "date_parsing": "expected a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "expected a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "expected a date (YYYY-MM-DD)",
    "text_type": "expected a text: a string or a map of language to string",
}


def describe(value: Any) -> str:
    """How a value looks to a person reading YAML: 'a mapping', 'a list', 'the string "x"'."""
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:27] + "..."
        return f"the string '{shown}'"
    for kind, name in _TYPE_NAMES.items():
        if type(value) is kind:
            return name if kind in (dict, list, type(None)) else f"{name} ({value!r})"
    return type(value).__name__


def suggest(word: str, choices) -> str:
    """A 'did you mean' hint for ``word`` among ``choices``, or an empty string."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def _unwrap(tp):
    """Strip Annotated and Optional: the bare type or Union of a field."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) == 1:
                tp = args[0]
            else:
                return tp
        else:
            return tp


def _fields(model: type[BaseModel]) -> dict[str, Any]:
    """A model's YAML keys (aliases where given) -> their annotations."""
    return {(f.alias or name): f.annotation for name, f in model.model_fields.items()}


def _walk(root: type[BaseModel], loc: tuple) -> tuple[tuple, type[BaseModel] | None]:
    """Follow a pydantic error location: the YAML key path it names and the model it ends in.

    Pydantic adds the tag of a discriminated union and the names of union members to a
    location; they are not keys in the YAML and are dropped here.
    """
    path: list = []
    tp: Any = root
    for part in loc:
        tp = _unwrap(tp)
        origin = typing.get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            fields = _fields(tp)
            if part in fields:
                path.append(part)
                tp = fields[part]
                continue
            return tuple(path) + (part,), tp
        if origin is list:
            if isinstance(part, int):
                path.append(part)
                tp = typing.get_args(tp)[0]
                continue
            return tuple(path), None
        if origin is dict:
            path.append(part)
            tp = typing.get_args(tp)[1]
            continue
        if origin in (typing.Union, types.UnionType):
            members = [_unwrap(a) for a in typing.get_args(tp)]
            chosen = next((m for m in members if isinstance(m, type) and issubclass(m, BaseModel)
                           and getattr(m.model_fields.get("kind"), "annotation", None) is not None
                           and part in typing.get_args(m.model_fields["kind"].annotation)), None)
            if chosen is None:
                chosen = next((m for m in members if getattr(m, "__name__", None) == part), None)
            if chosen is not None:
                tp = chosen
                continue
            return tuple(path), None
        return tuple(path), None
    tp = _unwrap(tp)
    return tuple(path), tp if isinstance(tp, type) and issubclass(tp, BaseModel) else None


def _problem(source: Source, root: type[BaseModel], error: dict) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    path, model = _walk(root, loc)
    value = error.get("input")
    if kind == "extra_forbidden":
        parent, model = _walk(root, loc[:-1])
        key = loc[-1]
        known = [k for k in _fields(model) if k != "kind"] if model else []
        return source.problem(parent + (key,), f"unknown key '{key}'", key=True, hint=suggest(key, known))
    if kind == "missing":
        return source.problem(path[:-1], f"missing required key '{path[-1]}'")
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        what = "diagram" if "diagram" in path else "slide"
        kinds = DIAGRAM_KINDS if what == "diagram" else SLIDE_KINDS
        if kind == "union_tag_not_found":
            return source.problem(path, f"missing required key 'kind' (one of: {', '.join(kinds)})")
        tag = error.get("ctx", {}).get("tag", "")
        return source.problem(path + ("kind",), f"unknown {what} kind '{tag}'",
                              hint=suggest(tag, kinds) or f"expected one of: {', '.join(kinds)}")
    if kind in ("text_language", "text_value"):
        return source.problem(path, error["msg"])
    if kind in _EXPECTED:
        return source.problem(path, f"{_EXPECTED[kind]}, got {describe(value)}")
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        hint = suggest(value, [e.strip(" '") for e in expected.replace(" or ", ",").split(",")])
        return source.problem(path, f"expected one of {expected}, got {describe(value)}", hint=hint)
    if kind in ("too_short", "too_long"):
        ctx = error.get("ctx", {})
        bound = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        word = "at least" if kind == "too_short" else "at most"
        noun = "item" if bound == 1 else "items"
        return source.problem(path, f"expected {word} {bound} {noun}, got {ctx.get('actual_length')}")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        ctx = error.get("ctx", {})
        bound = next(iter(ctx.values()), "")
        bound = f"{bound:g}" if isinstance(bound, (int, float)) else bound
        words = {"greater_than_equal": "at least", "less_than_equal": "at most",
                 "greater_than": "more than", "less_than": "less than"}[kind]
        return source.problem(path, f"expected a number {words} {bound}, got {value!r}")
    if kind == "string_pattern_mismatch":
        return source.problem(path, f"'{value}' is not a valid name (use lower-case letters, digits, - and _)")
    return source.problem(path, error["msg"][:1].lower() + error["msg"][1:])


def _relative(path: tuple, text: str) -> tuple[tuple, str]:
    """Split a model validator's ``arrows[0].to::message`` into the full key path and the message."""
    if AT not in text:
        return path, text
    rel, message = text.split(AT, 1)
    for name, index in re.findall(r"([A-Za-z_]+)|\[(\d+)\]", rel):
        path += (name,) if name else (int(index),)
    return path, message


def _problems(source: Source, root: type[BaseModel], error: dict) -> list[Problem]:
    if error["type"] != "value_error":
        return [_problem(source, root, error)]
    path, _ = _walk(root, tuple(error["loc"]))
    text = str(error.get("ctx", {}).get("error", error["msg"]))
    out = []
    for line in text.splitlines():
        where, message = _relative(path, line)
        out.append(source.problem(where, message))
    return out


def to_model(source: Source, root: type[BaseModel]):
    """Validate ``source.tree`` as ``root``, raising every problem at once."""
    if not isinstance(source.tree, dict):
        line, col = source.where(())
        raise SlidegenError(Problem(source.file, line, col, "",
                                    f"expected a mapping at the top of the file, got {describe(source.tree)}"))
    try:
        return root.model_validate(source.tree)
    except ValidationError as exc:
        problems = {p for e in exc.errors() for p in _problems(source, root, e)}
        raise SlidegenError(sorted(problems)) from None


def validate_deck(source: Source) -> Deck:
    """Validate a deck file's tree."""
    return to_model(source, Deck)


def validate_profiles(source: Source) -> ProfileFile:
    """Validate a shared audience file's tree."""
    return to_model(source, ProfileFile)
