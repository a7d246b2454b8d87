"""Trust: nothing lost (killed or simultaneous builds), nothing leaked (code, network, paths, names).

Some tests run ``python -m slidegen`` as a real process: to kill it at random moments, to run
two at once, and to block the network for the process and everything it starts.
"""

from __future__ import annotations

import getpass
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from tests.conftest import ROOT, copy_sample

CASES = Path(__file__).resolve().parent / "cases" / "bad"


def slidegen(*args: str, cwd: Path, env: dict | None = None, **options) -> subprocess.Popen:
    """Start ``python -m slidegen ARGS`` in ``cwd``, with slidegen importable from this checkout."""
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(ROOT)] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]), **(env or {})}
    return subprocess.Popen([sys.executable, "-m", "slidegen", *args], cwd=cwd, env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **options)


def finish(process: subprocess.Popen, timeout: float = 600) -> tuple[int, str]:
    """Wait for a process; its exit code and stderr."""
    _, err = process.communicate(timeout=timeout)
    return process.returncode, err


# ---- nothing leaked: no code from YAML -------------------------------------------------------

def test_yaml_tags_never_construct_objects_or_run_code(workdir, cli, monkeypatch):
    marker = workdir / "ran"
    calls = []
    monkeypatch.setattr(os, "system", lambda *a: calls.append(a) or 0)
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: calls.append(a))
    (workdir / "content" / "deck.yaml").write_text(f"""\
title: !!python/object/apply:os.system ["touch {marker}"]
subtitle: !!python/object/new:subprocess.Popen [["touch", "{marker}"]]
author: !!python/object/apply:builtins.eval ["open('{marker}', 'w')"]
source: !!python/name:os.system
sections:
  - title: !!python/module:os
    slides: !!set {{a, b}}
""", encoding="utf-8")
    for command in ("validate", "build"):
        run = cli(command)
        assert run.code == 2
        assert [line.split(": ", 1)[1] for line in run.lines] == [
            "title: unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system'; slidegen reads plain YAML only",
            "subtitle: unsupported tag 'tag:yaml.org,2002:python/object/new:subprocess.Popen'; "
            "slidegen reads plain YAML only",
            "author: unsupported tag 'tag:yaml.org,2002:python/object/apply:builtins.eval'; "
            "slidegen reads plain YAML only",
            "source: unsupported tag 'tag:yaml.org,2002:python/name:os.system'; slidegen reads plain YAML only",
            "sections[0].title: unsupported tag 'tag:yaml.org,2002:python/module:os'; slidegen reads plain YAML only",
            "sections[0].slides: unsupported tag 'tag:yaml.org,2002:set'; slidegen reads plain YAML only"]
    assert not marker.exists() and calls == []


# ---- nothing leaked: no network --------------------------------------------------------------

class NetworkUsed(AssertionError):
    pass


def test_a_build_opens_no_network_socket(workdir, cli, monkeypatch):
    """Drawing diagrams, reading pictures, rendering and writing: no internet socket, no name lookup."""
    attempts = []
    real_socket = socket.socket

    class Guarded(real_socket):
        def __init__(self, family=-1, *args, **kwargs):
            if family in (socket.AF_INET, socket.AF_INET6, -1):
                attempts.append(family)
                raise NetworkUsed(f"slidegen opened a network socket (family {family})")
            super().__init__(family, *args, **kwargs)

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise NetworkUsed(f"slidegen looked up a network name: {args!r}")

    monkeypatch.setattr(socket, "socket", Guarded)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        monkeypatch.setattr(socket, name, refuse)
    copy_sample(workdir / "content")
    run = cli("build")
    assert run.code == 0, run.err
    assert attempts == []


SITECUSTOMIZE = '''\
import socket, os

_real = socket.socket
_log = os.environ["SLIDEGEN_NETWORK_LOG"]


def _refuse(what):
    with open(_log, "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()}: {what}\\n")
    raise OSError("network access is blocked in this test")


class _Guarded(_real):
    def __init__(self, family=-1, *args, **kwargs):
        if family in (socket.AF_INET, socket.AF_INET6, -1):
            _refuse(f"socket({family})")
        super().__init__(family, *args, **kwargs)


socket.socket = _Guarded
for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
    setattr(socket, _name, lambda *a, _name=_name, **k: _refuse(f"{_name}{a!r}"))
'''


def test_a_real_build_process_and_its_children_use_no_network(tmp_path):
    """The guard sits in a ``sitecustomize`` module, so it covers every Python process the build starts."""
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    work = tmp_path / "work"
    (work / "content").mkdir(parents=True)
    copy_sample(work / "content")
    log = tmp_path / "network.log"
    code, err = finish(slidegen("build", cwd=work, env={
        "PYTHONPATH": os.pathsep.join([str(guard), str(ROOT)]), "SLIDEGEN_NETWORK_LOG": str(log),
        "SLIDEGEN_CACHE": str(tmp_path / "cache"), "MPLCONFIGDIR": str(tmp_path / "mpl")}))
    assert code == 0, err
    assert not log.exists(), log.read_text(encoding="utf-8")
    assert sorted(p.name for p in (work / "output").iterdir()) == ["sample-english.pptx", "sample-korean.pptx"]


# ---- nothing leaked: no paths or names of the building machine -------------------------------

USER = "kim-teacher-5731"


def parts_of(deck: Path) -> dict[str, str]:
    """Every part of a .pptx, decoded as text where it is text."""
    with zipfile.ZipFile(deck) as package:
        return {name: package.read(name).decode("utf-8", "replace") for name in package.namelist()}


def test_a_built_deck_holds_no_path_user_name_or_home_folder_of_the_machine(tmp_path, monkeypatch, cli):
    home = tmp_path / "home" / USER
    work = home / "lectures" / "docker-course"
    (work / "content").mkdir(parents=True)
    real = {getpass.getuser(), os.path.expanduser("~"), str(ROOT), socket.gethostname()}
    try:
        real.add(os.getlogin())
    except OSError:  # no controlling terminal
        pass
    for variable in ("USER", "LOGNAME", "USERNAME"):
        monkeypatch.setenv(variable, USER)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("SLIDEGEN_CACHE", str(home / ".cache"))
    deck = copy_sample(work / "content")
    shutil.move(work / "content" / "images" / "shapes.png", work / "content" / "images" / "IMG_4411-holiday.png")
    deck.write_text(deck.read_text(encoding="utf-8").replace("images/shapes.png", "images/IMG_4411-holiday.png"),
                    encoding="utf-8")
    run = cli("build", cwd=work)
    assert run.code == 0, run.err
    assert getpass.getuser() == USER
    secrets = {str(work), str(work.resolve()), str(home), USER, "IMG_4411", "holiday", "docker-course"}
    secrets |= {s for s in real if s and len(s) > 5}  # "root" would match too much XML; its folders still count
    for built in (work / "output").glob("*.pptx"):
        for name, text in parts_of(built).items():
            for secret in secrets:
                assert secret not in text, f"{built.name}/{name} holds {secret!r}"
                assert secret not in name, f"{built.name} has a part named after {secret!r}"
        props = Presentation(str(built)).core_properties
        assert props.last_modified_by == "slidegen"
        assert props.author in ("슬라이드젠 팀", "The slidegen team")


def pictures(deck: Path) -> list[tuple[str, str]]:
    """(name, alt text) of every picture of a deck."""
    out = []
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if shape.shape_type == 13:  # MSO_SHAPE_TYPE.PICTURE
                c_nv_pr = shape._element.nvPicPr.cNvPr
                out.append((c_nv_pr.get("name"), c_nv_pr.get("descr")))
    return out


def test_a_picture_file_name_is_not_its_alt_text(workdir, cli):
    deck = copy_sample(workdir / "content")
    shutil.move(workdir / "content" / "images" / "shapes.png", workdir / "content" / "images" / "DSC0042.png")
    deck.write_text(deck.read_text(encoding="utf-8").replace("images/shapes.png", "images/DSC0042.png"),
                    encoding="utf-8")
    assert cli("build").code == 0
    found = pictures(workdir / "output" / "sample-english.pptx")
    assert ("A blue square and a green circle" in [alt for _, alt in found])
    for name, alt in found:
        assert alt and not re.search(r"\.(png|jpe?g|gif|bmp|tiff?)\b|DSC0042|[/\\]", alt, re.I), alt
        assert "DSC0042" not in name and not name.lower().endswith(".png"), name


# ---- nothing lost: killed builds and simultaneous builds -------------------------------------

def big_deck(folder: Path, title: str, slides: int = 80) -> Path:
    """A synthetic deck that takes a while to build and write: many slides and a large, noisy picture."""
    from PIL import Image
    picture_file = folder / "images" / "noise.png"
    if not picture_file.exists():
        picture_file.parent.mkdir(parents=True, exist_ok=True)
        noise = random.Random(8).randbytes(1600 * 1200 * 3)
        Image.frombytes("RGB", (1600, 1200), noise).save(picture_file, compress_level=0)
    body = "".join(f"""\
      - kind: bullets
        title: Slide {n}
        bullets: [First point of slide {n}, Second point, {{text: Third point, sub: [a detail, another]}}]
        notes: What to say on slide {n}.
""" for n in range(slides))
    path = folder / "big.yaml"
    path.write_text(f"""\
title: "{title}"
sections:
  - title: Pictures
    slides:
      - kind: image
        title: Noise
        path: images/noise.png
        alt: Random coloured dots
  - title: Bullets
    slides:
{body}""", encoding="utf-8")
    return path


def deck_title(path: Path) -> str:
    return Presentation(str(path)).core_properties.title


def leftovers(out: Path) -> list[str]:
    """Files in the output folder other than decks under their final names."""
    return sorted(p.name for p in out.iterdir() if p.name != "big-default.pptx")


def test_a_build_killed_at_any_moment_leaves_the_old_deck_or_the_new_one_never_half(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    out = tmp_path / "output"
    env = {"SLIDEGEN_CACHE": str(tmp_path / "cache"), "MPLCONFIGDIR": str(tmp_path / "mpl")}
    big_deck(content, "Run 0")
    started = time.monotonic()
    code, err = finish(slidegen("build", "content/big.yaml", "-q", cwd=tmp_path, env=env))
    duration = time.monotonic() - started
    assert code == 0, err
    titles = {"Run 0"}
    rng = random.Random(20261130)
    # at random moments over a whole build, then the moment a temporary file appears (mid-write)
    moments = [rng.uniform(0.2, 1.0) * duration for _ in range(3)] + ["writing", "writing"]
    for run, moment in enumerate(moments, 1):
        big_deck(content, f"Run {run}")
        titles.add(f"Run {run}")
        earlier = set(os.listdir(out))
        process = slidegen("build", "content/big.yaml", "-q", cwd=tmp_path, env=env)
        if moment == "writing":
            deadline = time.monotonic() + 600
            while process.poll() is None and time.monotonic() < deadline:
                if any(name.startswith(".big-default.pptx.") for name in set(os.listdir(out)) - earlier):
                    break
        else:
            time.sleep(moment)
        process.send_signal(signal.SIGKILL)
        finish(process)
        deck = out / "big-default.pptx"
        assert deck.exists()
        with zipfile.ZipFile(deck) as package:
            assert package.testzip() is None
        assert deck_title(deck) in titles
        assert all(re.fullmatch(r"\.big-default\.pptx\.\d+-\w+\.tmp", name) for name in leftovers(out)), \
            leftovers(out)
    big_deck(content, "Final")
    code, err = finish(slidegen("build", "content/big.yaml", "-q", cwd=tmp_path, env=env))
    assert code == 0, err
    assert leftovers(out) == []  # temporary files of the killed builds are gone
    assert deck_title(out / "big-default.pptx") == "Final"


def test_only_temporary_files_of_builds_that_no_longer_run_are_cleaned(workdir, cli):
    shutil.copy(CASES / "good.yaml", workdir / "content" / "good.yaml")
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(gone.stdout)  # a process that has ended
    out = workdir / "output"
    out.mkdir()
    kept = [f".good-korean.pptx.{os.getpid()}-live.tmp",  # a build still running (this process)
            f".notes.md.{dead}-other.tmp",  # not a file this build writes
            "good-korean.pptx.tmp", "draft.tmp"]  # not named by slidegen
    cleaned = [f".good-korean.pptx.{dead}-a1b2c3.tmp", f".good-english.pptx.{dead}-d4e5f6.tmp",
               f".slidegen-probe.{dead}-g7h8.tmp"]
    for name in kept + cleaned:
        (out / name).write_bytes(b"left behind")
    assert cli("build", "-q").code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(kept + ["good-english.pptx", "good-korean.pptx"])


def test_two_builds_of_the_same_deck_at_once_both_finish_with_a_valid_deck(tmp_path):
    (tmp_path / "content").mkdir()
    big_deck(tmp_path / "content", "Together", slides=30)
    env = {"SLIDEGEN_CACHE": str(tmp_path / "cache"), "MPLCONFIGDIR": str(tmp_path / "mpl")}
    first = slidegen("build", "-q", cwd=tmp_path, env=env)
    second = slidegen("build", "-q", cwd=tmp_path, env=env)
    assert finish(first) == (0, "")
    assert finish(second) == (0, "")
    out = tmp_path / "output"
    assert leftovers(out) == []
    prs = Presentation(str(out / "big-default.pptx"))
    assert prs.core_properties.title == "Together" and len(prs.slides) > 30


# ---- bad input fails fast in a real process, too ---------------------------------------------

def test_hostile_decks_fail_fast_with_one_line_each_and_no_traceback(tmp_path):
    """An alias bomb, deep nesting and an oversized file, all at once, in a real process."""
    content = tmp_path / "content"
    content.mkdir()
    for name in ("alias-bomb.yaml", "deep-nesting.yaml", "python-object.yaml"):
        shutil.copy(CASES / name, content / name)
    (content / "huge.yaml").write_bytes(b"title: x\n" + b"# padding\n" * 300_000)
    code, err = finish(slidegen("build", cwd=tmp_path), timeout=120)
    assert code == 2
    assert "Traceback" not in err
    lines = err.splitlines()
    assert [line.split(":", 1)[0] for line in lines] == [
        "content/alias-bomb.yaml", "content/deep-nesting.yaml", "content/huge.yaml",
        "content/python-object.yaml", "content/python-object.yaml"]
    assert not (tmp_path / "output").exists()
