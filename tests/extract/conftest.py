"""Each test post extracted once per session."""

from __future__ import annotations

import pytest

from tests.extract.helpers import ALL_POSTS, extract


@pytest.fixture(scope="session")
def posts(tmp_path_factory) -> dict:
    """Post file name -> (YAML data read back, extraction), each written beside its own deck name."""
    out = tmp_path_factory.mktemp("extracted")
    names = {"docker-01-basics.md": "docker", "ko-kubernetes.md": "k8s", "en-git.md": "git",
             "long-logging.md": "logging"}
    return {name: extract(name, out / f"{names.get(name, name[:-3])}.yaml") for name in ALL_POSTS}
