"""Golden decks: the summary of each generated deck matches the checked-in expectation.

Every case runs with the default look and on the custom test template. Set
SLIDEGEN_UPDATE_GOLDEN=1 to rewrite the expectations after an intended change, then review
the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from slidegen.build import build
from tests.conftest import ROOT, SAMPLE
from tests.summary import dump, summarize
from tests.templates import MAPPING, make_template

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def on_template(tmp_path_factory) -> dict[str, Path]:
    """The sample deck built on the test template, every audience."""
    out = tmp_path_factory.mktemp("golden-template")
    template = make_template(out / "school.pptx")
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        results = build([str(SAMPLE)], out, template=str(template),
                        layouts=dict(option.split("=", 1) for option in MAPPING))
    finally:
        os.chdir(old)
    return {r.audience: out / Path(r.path).name for r in results}


@pytest.mark.parametrize("look", ["default", "template"])
@pytest.mark.parametrize("audience", ["korean", "english"])
def test_sample_deck_matches_its_golden_summary(sample_decks, on_template, audience, look):
    deck = (sample_decks if look == "default" else on_template)[audience]
    actual = dump(summarize(deck))
    name = f"sample-{audience}.json" if look == "default" else f"sample-{audience}-template.json"
    expected_path = GOLDEN / name
    if os.environ.get("SLIDEGEN_UPDATE_GOLDEN"):
        expected_path.write_text(actual, encoding="utf-8")
    assert actual == expected_path.read_text(encoding="utf-8")
