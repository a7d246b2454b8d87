"""``slidegen watch``: only what changed is rebuilt, with the bytes of a full build; errors keep it alive."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from slidegen import diagrams
from slidegen.build import build
from slidegen.watch import Watcher
from tests.conftest import ROOT, SAMPLE, copy_sample

KO_BULLET = '{ko: "두 번째 수준의 글머리", en: "A second-level bullet"}'
KO_EDITED = '{ko: "두 번째 수준의 글머리 (고침)", en: "A second-level bullet"}'
BOTH_EDITED = '{ko: "두 번째 수준의 글머리 (고침)", en: "A second-level bullet, edited"}'


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def two_decks(workdir) -> tuple[Path, Path]:
    """The sample deck and a copy of it under another name, in ``content/``."""
    sample = copy_sample(workdir / "content")
    other = workdir / "content" / "other.yaml"
    shutil.copy(sample, other)
    return sample, other


def names(report) -> list[str]:
    return [Path(b.path).name for b in report.built]


def outputs(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.pptx"))}


def test_the_first_build_writes_every_deck_and_audience(two_decks, workdir):
    report = Watcher(None, workdir / "output").start()
    assert report.problems == []
    assert names(report) == ["other-korean.pptx", "other-english.pptx", "sample-korean.pptx",
                             "sample-english.pptx"]
    assert report.lines()[0] == f"output/other-korean.pptx: {report.built[0].slides} slides in " \
                                f"{report.seconds:.2f} s"


def test_editing_one_deck_of_two_rebuilds_only_its_audiences_whose_text_changed(two_decks, workdir):
    sample, other = two_decks
    watcher = Watcher(None, workdir / "output")
    watcher.start()
    before = outputs(workdir / "output")
    edit(sample, KO_BULLET, KO_EDITED)  # Korean text: the English deck reads the same
    report = watcher.rebuild({sample})
    assert names(report) == ["sample-korean.pptx"]
    after = outputs(workdir / "output")
    assert [name for name in after if after[name] != before[name]] == ["sample-korean.pptx"]
    edit(sample, KO_EDITED, BOTH_EDITED)
    assert names(watcher.rebuild({sample})) == ["sample-english.pptx"]


def test_a_rebuild_has_the_bytes_of_a_full_build(two_decks, workdir):
    sample, _ = two_decks
    watcher = Watcher([str(sample)], workdir / "output")
    watcher.start()
    edit(sample, KO_BULLET, BOTH_EDITED)  # a bullet in both languages
    edit(sample, "오늘 본 것을 정리합니다.", "오늘 본 것을 다시 정리합니다.")  # the Korean notes of another slide
    report = watcher.rebuild({sample})
    assert names(report) == ["sample-korean.pptx", "sample-english.pptx"]
    assert report.patched == 2  # slides swapped into the last package, not the whole deck drawn
    full = build([str(sample)], workdir / "full")
    for built in full:
        name = Path(built.path).name
        assert (workdir / "output" / name).read_bytes() == built.data


def test_a_changed_diagram_is_drawn_again_with_the_bytes_of_a_full_build(two_decks, workdir, monkeypatch):
    monkeypatch.setenv("SLIDEGEN_CACHE", str(workdir / ".cache"))  # a cold cache of its own
    sample, _ = two_decks
    watcher = Watcher([str(sample)], workdir / "output")
    watcher.start()
    before = outputs(workdir / "output")
    edit(sample, "values: [30, 0.5]", "values: [45, 0.5]")
    report = watcher.rebuild({sample})
    assert names(report) == ["sample-korean.pptx", "sample-english.pptx"] and report.problems == []
    assert all(data != before[name] for name, data in outputs(workdir / "output").items())
    monkeypatch.setenv("SLIDEGEN_CACHE", str(workdir / ".cache-full"))  # drawn afresh, as by a new process
    monkeypatch.setattr(diagrams, "_kept", {})
    for built in build([str(sample)], workdir / "full", workers=1):
        assert (workdir / "output" / Path(built.path).name).read_bytes() == built.data


def test_a_rebuild_on_a_template_has_the_bytes_of_a_full_build(two_decks, workdir):
    from tests.templates import MAPPING, make_template
    sample, _ = two_decks
    template = str(make_template(workdir / "school.pptx"))
    layouts = dict(option.split("=") for option in MAPPING)
    watcher = Watcher([str(sample)], workdir / "output", template=template, layouts=layouts)
    assert watcher.start().problems == []
    edit(sample, KO_BULLET, BOTH_EDITED)
    report = watcher.rebuild({sample})
    assert report.patched == 2
    for built in build([str(sample)], workdir / "full", template=template, layouts=layouts):
        assert (workdir / "output" / Path(built.path).name).read_bytes() == built.data
    make_template(workdir / "school.pptx", drop=("Cover",))  # the template itself changes
    report = watcher.rebuild({workdir / "school.pptx"})
    assert names(report) == ["sample-korean.pptx", "sample-english.pptx"] and report.patched == 0
    for built in build([str(sample)], workdir / "again", template=template, layouts=layouts):
        assert (workdir / "output" / Path(built.path).name).read_bytes() == built.data


def test_a_change_that_moves_slides_rebuilds_the_whole_deck_with_the_same_bytes(two_decks, workdir):
    sample, _ = two_decks
    watcher = Watcher([str(sample)], workdir / "output")
    watcher.start()
    edit(sample, "      - kind: quote\n", "      - kind: bullets\n        title: New\n        bullets: [Added]\n"
                                         "        notes: A new slide.\n      - kind: quote\n")
    report = watcher.rebuild({sample})
    assert names(report) == ["sample-korean.pptx", "sample-english.pptx"]
    assert report.patched == 0
    for built in build([str(sample)], workdir / "full"):
        assert (workdir / "output" / Path(built.path).name).read_bytes() == built.data


def test_saving_without_a_change_rebuilds_nothing(two_decks, workdir):
    sample, _ = two_decks
    watcher = Watcher(None, workdir / "output")
    watcher.start()
    sample.write_text(sample.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    report = watcher.rebuild({sample})
    assert report.built == [] and report.problems == []
    assert report.unchanged == ["content/sample.yaml"]


def test_a_content_error_is_reported_and_a_later_fix_rebuilds(two_decks, workdir):
    sample, _ = two_decks
    watcher = Watcher(None, workdir / "output")
    watcher.start()
    before = outputs(workdir / "output")
    edit(sample, "kind: cards", "kind: crads")
    report = watcher.rebuild({sample})
    assert report.built == []
    assert [str(p) for p in report.problems] == [
        "content/sample.yaml:41:15: sections[1].slides[2].kind: unknown slide kind 'crads' (did you mean 'cards'?)"]
    assert outputs(workdir / "output") == before
    edit(sample, "kind: crads", "kind: cards")
    edit(sample, KO_BULLET, KO_EDITED)
    report = watcher.rebuild({sample})
    assert report.problems == []
    assert names(report) == ["sample-korean.pptx"]


def test_a_changed_picture_rebuilds_the_decks_that_show_it(two_decks, workdir):
    watcher = Watcher(None, workdir / "output")
    watcher.start()
    picture = workdir / "content" / "images" / "shapes.png"
    from PIL import Image
    Image.new("RGB", (64, 48), "red").save(picture)
    report = watcher.rebuild({picture})
    assert sorted(names(report)) == ["other-english.pptx", "other-korean.pptx", "sample-english.pptx",
                                     "sample-korean.pptx"]
    assert report.patched == 0


def test_a_change_to_the_shared_profiles_rebuilds_every_deck_of_the_folder(workdir):
    cases = ROOT / "tests" / "cases" / "audiences"
    shutil.copy(cases / "_audiences.yaml", workdir / "content")
    shutil.copy(cases / "lecture.yaml", workdir / "content" / "one.yaml")
    shutil.copy(cases / "lecture.yaml", workdir / "content" / "two.yaml")
    watcher = Watcher(None, workdir / "output")
    assert watcher.start().problems == []
    shared = workdir / "content" / "_audiences.yaml"
    added = "  operations: {language: ko, levels: [intro], minutes: 30}\n"
    shared.write_text(shared.read_text(encoding="utf-8") + added, encoding="utf-8")
    report = watcher.rebuild({shared})
    assert names(report) == ["one-operations.pptx", "two-operations.pptx"]


def test_a_new_deck_in_the_content_folder_is_built(two_decks, workdir):
    watcher = Watcher(None, workdir / "output")
    watcher.start()
    new = workdir / "content" / "third.yaml"
    shutil.copy(SAMPLE, new)
    assert names(watcher.rebuild({new})) == ["third-korean.pptx", "third-english.pptx"]


def test_watch_rebuilds_on_save_reports_errors_and_exits_0_on_ctrl_c(two_decks, workdir):
    sample, _ = two_decks
    env = {**os.environ, "SLIDEGEN_CACHE": str(workdir / ".cache"), "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "slidegen", "watch", str(sample), "--out", "output"],
                            cwd=workdir, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8")
    lines: queue.Queue = queue.Queue()
    readers = [threading.Thread(target=lambda s=stream: [lines.put(line.rstrip("\n")) for line in s])
               for stream in (proc.stdout, proc.stderr)]
    for reader in readers:
        reader.start()

    def wait_for(text: str) -> list[str]:
        seen = []
        while not any(text in line for line in seen):
            seen.append(lines.get(timeout=120))
        return seen

    try:
        wait_for("watching 1 deck(s)")
        edit(sample, "kind: cards", "kind: crads")
        assert any("unknown slide kind 'crads'" in line for line in wait_for("still watching"))
        edit(sample, "kind: crads", "kind: cards")
        edit(sample, KO_BULLET, KO_EDITED)
        seen = wait_for("output/sample-korean.pptx: ")
        assert not any("sample-english" in line for line in seen)
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=60)
        for reader in readers:
            reader.join(timeout=10)
        proc.stdout.close()
        proc.stderr.close()
    assert code == 0


def test_gathering_a_save_stops_at_the_close_that_completes_it():
    from slidegen.watch import _drain
    events = queue.Queue()
    # vim: the deck is moved aside as a backup (a rename onto deck.yaml~), written anew, closed
    for item in [(0.0, "deck.yaml", False), (0.0, "deck.yaml~", True), (0.0, "deck.yaml", False),
                 (0.0, "deck.yaml", True), (0.0, "other.yaml", False)]:
        events.put(item)
    got = _drain(events, time.perf_counter() + 5, saved_in=lambda paths: all(p.name == "deck.yaml" for p in paths))
    assert [(path, saved) for _, path, saved in got] == [
        ("deck.yaml", False), ("deck.yaml~", True), ("deck.yaml", False), ("deck.yaml", True)]
    assert events.qsize() == 1  # the next save's event waits for the next rebuild
