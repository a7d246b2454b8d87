"""Validation: every problem in a deck at once, each located and worded for a person."""

from __future__ import annotations

import textwrap

import pytest

from slidegen.errors import SlidegenError
from slidegen.source import parse_source
from slidegen.validate import validate_deck


def problems(yaml_text: str) -> list[str]:
    """The messages validation gives for a deck, in order."""
    source = parse_source(textwrap.dedent(yaml_text), "deck.yaml")
    with pytest.raises(SlidegenError) as caught:
        validate_deck(source)
    assert caught.value.code == 2
    return [str(p) for p in caught.value.problems]


def deck_with(slide: str) -> str:
    """A deck with one section holding ``slide`` (YAML indented for a list item)."""
    return "title: T\nsections:\n  - title: S\n    slides:\n" + textwrap.indent(textwrap.dedent(slide), "      ")


def test_unknown_key_suggests_the_nearest_key():
    assert problems(deck_with("""\
        - kind: bullets
          titel: Hello
          bullets: [a]
        """)) == [
        "deck.yaml:5:9: sections[0].slides[0]: missing required key 'title'",
        "deck.yaml:6:9: sections[0].slides[0].titel: unknown key 'titel' (did you mean 'title'?)",
    ]


def test_wrong_type_names_what_was_expected_and_what_was_given():
    assert problems(deck_with("""\
        - kind: bullets
          title: Hello
          bullets: {first: a}
        """)) == ["deck.yaml:7:18: sections[0].slides[0].bullets: expected a list, got a mapping"]


def test_unknown_slide_kind_suggests_a_kind():
    assert problems(deck_with("- {kind: bulets, title: x}\n")) == [
        "deck.yaml:5:16: sections[0].slides[0].kind: unknown slide kind 'bulets' (did you mean 'bullets'?)"]


def test_unknown_diagram_kind_lists_the_kinds_when_nothing_is_close():
    assert problems(deck_with("- {kind: diagram, title: x, diagram: {kind: pie}}\n")) == [
        "deck.yaml:5:51: sections[0].slides[0].diagram.kind: unknown diagram kind 'pie' "
        "(expected one of: bars, stacks, flow)"]


def test_values_out_of_range_and_bad_choices():
    assert problems(deck_with("""\
        - kind: bullets
          title: x
          bullets: [a]
          minutes: -1
          optional: 12
          level: advanced
        """)) == [
        "deck.yaml:8:18: sections[0].slides[0].minutes: expected a number at least 0, got -1",
        "deck.yaml:9:19: sections[0].slides[0].optional: expected a number at most 9, got 12",
        "deck.yaml:10:16: sections[0].slides[0].level: expected one of 'intro', 'core' or 'deep', "
        "got the string 'advanced'",
    ]


def test_every_problem_in_the_file_is_reported_at_once_sorted_by_line():
    found = problems("""\
        title: T
        languages: [ko, en]
        sections:
          - title: S
            slides:
              - {kind: code, title: c}
              - {kind: table, title: t, columns: [a, b], rows: [[1, 2, 3]]}
              - {kind: cards, title: c, cards: [{title: a, body: b}]}
        """)
    assert found == [
        "deck.yaml:6:9: sections[0].slides[0]: missing required key 'code'",
        "deck.yaml:7:57: sections[0].slides[1].rows[0]: has 3 cells; the table has 2 columns",
        "deck.yaml:8:40: sections[0].slides[2].cards: expected at least 2 items, got 1",
    ]


def test_text_map_with_a_bad_language_code():
    assert problems(deck_with("- {kind: bullets, title: {korean: 제목}, bullets: [a]}\n")) == [
        "deck.yaml:5:32: sections[0].slides[0].title: 'korean' is not a language code such as "
        "'ko', 'en' or 'ko@ops'"]


def test_diagram_data_errors_point_at_the_exact_key():
    found = problems(deck_with("""\
        - kind: diagram
          title: d
          diagram:
            kind: bars
            categories: [VM, Container]
            metrics:
              - name: Start-up
                unit: s
                log: true
                series: [{name: time, values: [30, 0]}]
              - name: Size
                series: [{name: size, values: [1, 2, 3]}]
        - kind: diagram
          title: f
          diagram:
            kind: flow
            boxes: [{id: client, label: Client}, {id: daemon, label: Daemon}]
            arrows: [{from: client, to: deamon, label: run}]
        """))
    assert found == [
        "deck.yaml:14:45: sections[0].slides[0].diagram.metrics[0].series[0].values: "
        "a log scale cannot show a value of 0 or less",
        "deck.yaml:16:45: sections[0].slides[0].diagram.metrics[1].series[0].values: "
        "has 3 values; there are 2 categories",
        "deck.yaml:22:39: sections[0].slides[1].diagram.arrows[0].to: 'deamon' is not a box "
        "(boxes: client, daemon)",
    ]


def test_a_list_where_a_mapping_belongs():
    assert problems("title: T\nsections: [[a]]\n") == [
        "deck.yaml:2:12: sections[0]: expected a mapping, got a list"]


def test_a_valid_deck_becomes_a_model():
    source = parse_source(deck_with("- {kind: bullets, title: {ko: 제목, en: Title}, bullets: [a, {text: b, sub: [c]}]}\n"),
                          "deck.yaml")
    deck = validate_deck(source)
    slide = deck.sections[0].slides[0]
    assert slide.title == {"ko": "제목", "en": "Title"}
    assert [b.text for b in slide.bullets] == [{"*": "a"}, {"*": "b"}]
    assert slide.bullets[1].sub == [{"*": "c"}]


def test_a_text_yaml_reads_as_true_or_false_asks_for_quotes():
    assert problems("""\
        title: yes
        sections:
          - title: S
            slides:
              - kind: table
                title: T
                columns: [Feature, Docker]
                rows: [[Isolation, {ko: 있다, en: Yes}]]
        """) == [
        "deck.yaml:1:8: title: this text reads as true (YAML takes yes, no, on and off for true and false); "
        "put it in quotes",
        "deck.yaml:8:28: sections[0].slides[0].rows[0][1]: the 'en' text reads as true (YAML takes yes, no, "
        "on and off for true and false); put it in quotes",
    ]


def test_a_stack_layer_needs_a_name_or_one_name_per_copy():
    assert problems(deck_with("""\
        - kind: diagram
          title: Stacks
          alt: Two layers
          diagram:
            kind: stacks
            stacks:
              - name: VM
                layers:
                  - {repeat: 2}
                  - {names: [App A, App B, App C], repeat: 2}
        """)) == [
        "deck.yaml:13:19: sections[0].slides[0].diagram.stacks[0].layers[0].name: a layer needs a name, "
        "or names (one per copy)",
        "deck.yaml:14:27: sections[0].slides[0].diagram.stacks[0].layers[1].names: gives 3 names for 2 copies "
        "(repeat: 2); give one name per copy",
    ]
