"""Diagram specs that cannot be drawn are content errors that name the key."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from .conftest import spec


def messages(raw) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        spec(raw)
    return [line for e in caught.value.errors() for line in e["msg"].removeprefix("Value error, ").split("\n")]


def test_bar_values_must_be_finite_numbers():
    raw = {"kind": "bars", "categories": ["a", "b"],
           "metrics": [{"name": "x", "series": [{"name": "s", "values": [1, float("inf")]}]}]}
    assert messages(raw) == ["metrics[0].series[0].values::values must be finite numbers (not .nan or .inf)"]


def test_a_layer_repeats_once_per_name_unless_told():
    def layer(**fields):
        return spec({"kind": "stacks", "stacks": [{"name": "a", "layers": [fields]}]}).stacks[0].layers[0]
    assert layer(names=["x", "y"]).repeat == 2 and layer(name="x").repeat == 1


def test_a_shared_layer_must_come_after_the_stack_own_layers():
    raw = {"kind": "stacks", "stacks": [{"name": "a", "layers": [{"name": "x", "shared": True}, {"name": "y"}]}]}
    assert messages(raw) == ["stacks[0].layers[0].shared::a shared layer spans every stack, "
                             "so it must come after the stack's own layers"]


def test_stacks_that_list_shared_layers_list_the_same_ones():
    raw = {"kind": "stacks", "stacks": [
        {"name": "a", "layers": [{"name": "y"}, {"name": "OS", "shared": True}]},
        {"name": "b", "layers": [{"name": "z"}, {"name": "OS", "shared": True}]},
        {"name": "c", "layers": [{"name": "w"}, {"name": "Kernel", "shared": True}]}]}
    assert messages(raw) == ["stacks[2].layers::lists other shared layers than stacks[0]; "
                             "list the shared layers once, in one stack"]


def test_box_and_zone_ids_are_unique_and_arrows_join_two_boxes():
    raw = {"kind": "flow", "zones": [{"id": "z", "label": "Z"}, {"id": "z", "label": "Z2"}],
           "boxes": [{"id": "a", "label": "A"}, {"id": "a", "label": "B"}], "arrows": [{"from": "a", "to": "a"}]}
    assert messages(raw) == ["zones[1].id::'z' is already the id of another zone",
                             "boxes[1].id::'a' is already the id of another box",
                             "arrows[0].to::an arrow joins two boxes; this one goes from 'a' to itself"]
