"""Reading YAML: every unreadable file gets one clear line with its position, exit code 2."""

from __future__ import annotations

import pytest

from slidegen.source import MAX_BYTES, parse_source

BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(9)) + "title: *j\n"

CASES = [
    ("tab", b"title: x\nsections:\n  - title: a\n\tslides: []\n",
     "deck.yaml:4:1: not valid YAML: a tab character; YAML indents with spaces only"),
    ("duplicate key", b"title: x\ntitle: y\nsections: []\n",
     "deck.yaml:2:1: title: duplicate key 'title' (first given at line 1)"),
    ("broken", b"title: [x\n",
     "deck.yaml:2:1: not valid YAML: expected ',' or ']', but got '<stream end>'"),
    ("empty", b"",
     "deck.yaml: file is empty; expected a deck (a mapping with title and sections)"),
    ("only a comment", b"# nothing here\n",
     "deck.yaml: file is empty; expected a deck (a mapping with title and sections)"),
    ("binary", b"\x00\x01\x02binary",
     "deck.yaml: is not a text file (it contains NUL bytes); expected UTF-8 YAML"),
    ("wrong encoding", "title: 도커\n".encode("euc-kr"),
     "deck.yaml:1:8: is not UTF-8 text (byte 0xb5); save the file as UTF-8"),
    ("alias bomb", BOMB.encode(),
     "deck.yaml:5:4: e: too many values: more than 100,000 after expanding aliases (is this an alias bomb?)"),
    ("deep nesting", ("title: " + "[" * 100 + "]" * 100 + "\n").encode(),
     "deck.yaml:1:48: nested too deeply (the limit is 40 levels)"),
    ("python object", b"title: !!python/object/apply:os.system [echo hi]\n",
     "deck.yaml:1:8: title: unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system'; "
     "slidegen reads plain YAML only"),
    ("custom scalar tag", b"title: !shell rm -rf\n",
     "deck.yaml:1:8: title: unsupported tag '!shell'; slidegen reads plain YAML only"),
]


@pytest.mark.parametrize("name,data,message", CASES, ids=[c[0] for c in CASES])
def test_bad_yaml_gets_one_located_message(name, data, message):
    from slidegen.errors import SlidegenError
    with pytest.raises(SlidegenError) as caught:
        parse_source(data, "deck.yaml")
    assert [str(p) for p in caught.value.problems] == [message]
    assert caught.value.code == 2


def test_file_over_the_size_limit_is_refused_before_parsing():
    from slidegen.errors import SlidegenError
    with pytest.raises(SlidegenError) as caught:
        parse_source(b"#" * (MAX_BYTES + 1), "deck.yaml")
    assert str(caught.value) == "deck.yaml: file is 2,000,001 bytes; the limit is 2,000,000"


def test_positions_of_keys_and_values_are_kept():
    source = parse_source("title: x\nsections:\n  - title: a\n    slides: []\n", "deck.yaml")
    assert source.tree == {"title": "x", "sections": [{"title": "a", "slides": []}]}
    assert source.where(("sections", 0, "slides")) == (4, 13)
    assert source.where(("sections", 0, "slides"), key=True) == (4, 5)
    assert source.where(("sections", 0, "nothing", 3)) == (3, 5)


def test_merge_keys_are_expanded_and_explicit_keys_win():
    source = parse_source("base: &b {language: ko, minutes: 50}\nx: {<<: *b, minutes: 75}\n", "d.yaml")
    assert source.tree["x"] == {"minutes": 75, "language": "ko"}


def test_aliases_within_the_limit_are_allowed():
    source = parse_source("a: &a [1, 2]\nb: *a\n", "d.yaml")
    assert source.tree == {"a": [1, 2], "b": [1, 2]}
