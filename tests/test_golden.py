"""Golden decks: the summary of each generated deck matches the checked-in expectation.

Set SLIDEGEN_UPDATE_GOLDEN=1 to rewrite the expectations after an intended change, then
review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.summary import dump, summarize

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize("audience", ["korean", "english"])
def test_sample_deck_matches_its_golden_summary(sample_decks, audience):
    actual = dump(summarize(sample_decks[audience]))
    expected_path = GOLDEN / f"sample-{audience}.json"
    if os.environ.get("SLIDEGEN_UPDATE_GOLDEN"):
        expected_path.write_text(actual, encoding="utf-8")
    assert actual == expected_path.read_text(encoding="utf-8")
