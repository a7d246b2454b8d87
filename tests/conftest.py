"""Shared fixtures: run the command line in-process, build the sample deck once."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from slidegen.cli import main

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
EXAMPLES = ROOT / "examples"
SAMPLE = EXAMPLES / "sample.yaml"


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return self.err.strip().splitlines()


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run ``slidegen ARGS`` in a working folder; returns exit code, stdout and stderr."""
    def run(*args: str, cwd: Path | None = None) -> Run:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)
    return run


@pytest.fixture(autouse=True)
def fresh_process_pictures(monkeypatch):
    """Each test starts with no pictures kept in memory, as a new process would (the caches on
    disk are the tests' to choose)."""
    from slidegen import diagrams
    monkeypatch.setattr(diagrams, "_kept", {})


@pytest.fixture(scope="session")
def diagram_cache(tmp_path_factory) -> Path:
    """One diagram cache for the whole run: a diagram is drawn once, whichever test asks first."""
    return tmp_path_factory.mktemp("diagram-cache")


@pytest.fixture
def workdir(tmp_path, monkeypatch, diagram_cache):
    """An empty working folder with a ``content/`` folder, made the current folder.

    Diagrams come from the run's shared cache; tests of the cache itself set their own.
    """
    (tmp_path / "content").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SLIDEGEN_CACHE", str(diagram_cache))
    return tmp_path


@pytest.fixture(scope="session")
def sample_decks(tmp_path_factory, diagram_cache) -> dict[str, Path]:
    """The sample deck built once for every audience: audience name -> .pptx path."""
    from slidegen.build import build
    out = tmp_path_factory.mktemp("sample")
    old, cache = os.getcwd(), os.environ.get("SLIDEGEN_CACHE")
    os.chdir(ROOT)
    os.environ["SLIDEGEN_CACHE"] = str(diagram_cache)
    try:
        results = build([str(SAMPLE)], out)
    finally:
        os.chdir(old)
        if cache is None:
            os.environ.pop("SLIDEGEN_CACHE", None)
        else:
            os.environ["SLIDEGEN_CACHE"] = cache
    return {r.audience: out / Path(r.path).name for r in results}


def copy_sample(dest: Path) -> Path:
    """Copy the sample deck and its pictures into ``dest``; returns the deck's new path."""
    shutil.copy(SAMPLE, dest / "sample.yaml")
    shutil.copytree(EXAMPLES / "images", dest / "images", dirs_exist_ok=True)
    return dest / "sample.yaml"


def soffice_or_skip() -> str:
    """The LibreOffice binary; tests needing it fail under CI when it is missing, else skip."""
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI: apt-get install -y libreoffice-impress")
        pytest.skip("LibreOffice is not installed")
    return path
