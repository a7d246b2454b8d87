"""Speed by construction: cached diagrams, lazy imports, linear part naming, parallel builds.

No test here reads the clock: each checks the work done (calls counted, modules imported,
parts visited) or that a faster path gives the same bytes as the plain one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from slidegen import diagrams
from slidegen.build import build
from slidegen.errors import SlidegenError
from tests.conftest import ROOT, copy_sample

DIAGRAM = """      - kind: diagram
        title: Start-up time
        diagram:
          kind: bars
          categories: [VM, Container]
          metrics:
            - name: Start-up time
              unit: s
              series: [{name: Time, values: [30, 0.5]}]
        notes: Drawn from data.
"""

CODE = """      - kind: code
        title: A Dockerfile
        language: dockerfile
        code: |
          FROM python:3.11-slim
          CMD ["python", "app.py"]
        notes: Code as text.
"""


def bullets(n: int) -> str:
    return (f"      - kind: bullets\n        title: Slide {n}\n        bullets: [Point {n}]\n"
            f"        notes: Notes {n}.\n")


def deck(*slides: str) -> str:
    """A one-audience deck (no profiles) holding ``slides``."""
    return "title: Speed\nlanguages: [en]\nsections:\n  - title: Part\n    slides:\n" + "".join(slides)


def test_a_second_build_draws_no_diagram(workdir, monkeypatch):
    monkeypatch.setenv("SLIDEGEN_CACHE", str(workdir / ".cache"))  # a cold cache of its own
    copy_sample(workdir / "content")
    drawn = []
    real = diagrams.render
    monkeypatch.setattr(diagrams, "render", lambda *a, **k: drawn.append(a) or real(*a, **k))
    build(None, workdir / "one", workers=1)
    assert len(drawn) == 2  # the sample's one diagram, in Korean and in English
    drawn.clear()
    build(None, workdir / "two", workers=1)
    assert drawn == []
    for name in ("sample-korean.pptx", "sample-english.pptx"):
        assert (workdir / "one" / name).read_bytes() == (workdir / "two" / name).read_bytes()


PROBE = """
import json, sys
from pathlib import Path
from slidegen.build import build
build([sys.argv[1]], Path(sys.argv[2]))
heavy = ("matplotlib", "pygments", "slidegen.diagrams.canvas", "asyncio")
print(json.dumps({name: name in sys.modules for name in heavy}))
"""


def imported_by_build(workdir: Path, text: str) -> dict[str, bool]:
    """Which heavy modules a fresh process imports to build ``text`` (after one build filled the cache)."""
    path = workdir / "content" / "deck.yaml"
    path.write_text(text, encoding="utf-8")
    env = {**os.environ, "SLIDEGEN_CACHE": str(workdir / ".cache"), "PYTHONPATH": str(ROOT)}
    runs = [subprocess.run([sys.executable, "-c", PROBE, str(path), str(workdir / "output")], env=env,
                           capture_output=True, text=True, cwd=workdir) for _ in range(2)]
    for run in runs:
        assert run.returncode == 0, run.stderr
    assert json.loads(runs[0].stdout)["matplotlib"]  # the first build drew the diagram
    return json.loads(runs[1].stdout)


def test_a_warm_build_imports_neither_matplotlib_nor_pygments_without_code_slides(workdir):
    found = imported_by_build(workdir, deck(bullets(1), DIAGRAM))
    assert found == {"matplotlib": False, "pygments": False, "slidegen.diagrams.canvas": False, "asyncio": False}


def test_a_warm_build_with_code_imports_pygments_but_not_matplotlib(workdir):
    found = imported_by_build(workdir, deck(bullets(1), CODE, DIAGRAM))
    assert found == {"matplotlib": False, "pygments": True, "slidegen.diagrams.canvas": False, "asyncio": False}


def parts_visited(workdir: Path, slides: int, monkeypatch) -> int:
    """How many parts python-pptx walks over (``iter_parts``) while a deck of ``slides`` is built."""
    from pptx.opc.package import OpcPackage
    visited = [0]
    real = OpcPackage.iter_parts

    def counting(self):
        for part in real(self):
            visited[0] += 1
            yield part

    monkeypatch.setattr(OpcPackage, "iter_parts", counting)
    path = workdir / "content" / f"deck-{slides}.yaml"
    path.write_text(deck(*(bullets(n) for n in range(slides))), encoding="utf-8")
    built = build([str(path)], workdir / "output")
    assert built[0].slides >= slides
    monkeypatch.setattr(OpcPackage, "iter_parts", real)
    return visited[0]


def test_naming_new_parts_takes_work_linear_in_the_slide_count(workdir, monkeypatch):
    small, large = parts_visited(workdir, 100, monkeypatch), parts_visited(workdir, 400, monkeypatch)
    # python-pptx alone walks every part for every notes slide: 4x the slides, 16x the walking
    assert large < 5 * small


def test_a_parallel_build_gives_the_bytes_of_a_sequential_one(workdir, monkeypatch):
    import concurrent.futures
    copy_sample(workdir / "content")
    (workdir / "content" / "other.yaml").write_text(deck(bullets(1), CODE), encoding="utf-8")
    pools = []
    real = concurrent.futures.ProcessPoolExecutor

    class Counted(real):
        def __init__(self, *args, **kwargs):
            pools.append(args)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counted)
    one = build(None, workdir / "one", workers=1)
    assert pools == []
    two = build(None, workdir / "two", workers=2)
    assert len(pools) == 1
    assert [b.path.replace("two", "one") for b in two] == [b.path for b in one]
    for built in one:
        name = Path(built.path).name
        assert (workdir / "two" / name).read_bytes() == (workdir / "one" / name).read_bytes()


def log_drawing(workdir: Path, monkeypatch) -> Path:
    """A file that gets the process id of every diagram drawing, whichever process draws it."""
    log = workdir / "drawn.txt"
    real = diagrams.render

    def logged(*args, **kwargs):
        with open(log, "a", encoding="utf-8") as out:  # a file: workers are other processes
            out.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(diagrams, "render", logged)
    return log


def test_a_parallel_build_draws_each_diagram_once(workdir, monkeypatch):
    monkeypatch.setenv("SLIDEGEN_CACHE", str(workdir / ".cache"))  # a cold cache of its own
    sample = copy_sample(workdir / "content")
    shutil.copy(sample, workdir / "content" / "other.yaml")  # four jobs, two diagrams (Korean, English)
    log = log_drawing(workdir, monkeypatch)
    assert len(build(None, workdir / "one", workers=2)) == 4
    drawers = log.read_text(encoding="utf-8").splitlines()
    assert len(drawers) == 2 and len(set(drawers)) == 2 and str(os.getpid()) not in drawers  # two at once
    log.unlink()
    monkeypatch.setenv("SLIDEGEN_CACHE", str(workdir / ".cache-2"))  # drawn again, here, one after the other
    monkeypatch.setattr(diagrams, "_kept", {})  # as in a new process
    build(None, workdir / "two", workers=1)
    assert log.read_text(encoding="utf-8").splitlines() == [str(os.getpid())] * 2
    for name in ("sample-korean.pptx", "sample-english.pptx", "other-korean.pptx", "other-english.pptx"):
        assert (workdir / "one" / name).read_bytes() == (workdir / "two" / name).read_bytes()


def test_a_parallel_build_with_one_broken_deck_writes_nothing(workdir):
    deck_path = copy_sample(workdir / "content")
    (workdir / "content" / "other.yaml").write_text(deck(bullets(1)), encoding="utf-8")
    deck_path.write_text(deck_path.read_text(encoding="utf-8").replace("images/shapes.png", "images/gone.png"),
                         encoding="utf-8")
    with pytest.raises(SlidegenError) as raised:
        build(None, workdir / "output", workers=2)
    assert [p.message for p in raised.value.problems] == ["image 'images/gone.png' does not exist"]
    assert not (workdir / "output").exists()


def canonical(element) -> bytes:
    from lxml import etree
    return etree.tostring(element, method="c14n")


def test_slides_and_notes_pages_from_copied_placeholders_are_what_python_pptx_makes():
    from slidegen.layouts import choose_layout
    from slidegen.render import canvas
    from slidegen.theme import get_theme
    drawing = canvas(get_theme(None))
    first, second = drawing.add_slide("bullets"), drawing.add_slide("bullets")  # the second from copies
    layout = drawing.layouts[choose_layout("bullets", list(drawing.layouts), drawing.names)[0]]
    plain = drawing.prs.slides.add_slide(layout)  # python-pptx's own way, for comparison
    assert canonical(second.shapes._spTree) == canonical(plain.shapes._spTree)
    assert [s.slide_id for s in drawing.prs.slides] == [first.slide_id, second.slide_id, plain.slide_id]
    drawing.notes_body(first)
    body = drawing.notes_body(second)
    assert second.has_notes_slide and second.notes_slide.notes_text_frame._txBody is body
    assert second.notes_slide.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide") is second.part
    assert canonical(second.notes_slide.shapes._spTree) == canonical(plain.notes_slide.shapes._spTree)


def test_package_bytes_are_python_pptx_s_package_with_fixed_dates():
    import io
    import zipfile

    from slidegen.render import canvas
    from slidegen.render.package import FIXED_DATE, package_bytes
    from slidegen.theme import get_theme
    drawing = canvas(get_theme(None))
    drawing.notes_body(drawing.add_slide("bullets"))
    saved = io.BytesIO()
    drawing.prs.save(saved)
    ours, theirs = zipfile.ZipFile(io.BytesIO(package_bytes(drawing.prs))), zipfile.ZipFile(saved)
    assert ours.namelist() == theirs.namelist()
    for name in theirs.namelist():
        assert ours.read(name) == theirs.read(name)
    assert {info.date_time for info in ours.infolist()} == {FIXED_DATE}


def test_one_deck_draws_its_new_diagrams_in_two_processes_at_once(workdir, monkeypatch):
    monkeypatch.setenv("SLIDEGEN_CACHE", str(workdir / ".cache"))  # a cold cache of its own
    log = log_drawing(workdir, monkeypatch)
    path = workdir / "content" / "deck.yaml"
    path.write_text(deck(DIAGRAM, DIAGRAM.replace("[30, 0.5]", "[40, 1.5]")), encoding="utf-8")
    built = build([str(path)], workdir / "output", workers=2)
    drawers = log.read_text(encoding="utf-8").splitlines()
    assert len(drawers) == 2 and len(set(drawers)) == 2 and str(os.getpid()) not in drawers
    pictures = [p for p in built[0].planned if p.kind == "diagram"]
    assert len(pictures) == 2 and all(p.alt for p in pictures)


def test_a_one_shot_command_runs_without_the_cycle_collector_and_restores_it(workdir, cli, monkeypatch):
    import gc

    from slidegen import build as build_module
    sample = copy_sample(workdir)
    during = []
    real = build_module.build
    monkeypatch.setattr(build_module, "build", lambda *a, **k: during.append(gc.isenabled()) or real(*a, **k))
    assert gc.isenabled()
    assert cli("build", sample).code == 0
    assert cli("build", "missing.yaml").code == 2
    assert during == [False, False] and gc.isenabled()
