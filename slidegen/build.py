"""``build()``: YAML decks -> .pptx files, as a list of stages.

read -> validate -> choose per audience -> plan -> check pictures -> draw diagrams -> render ->
write. Everything is computed before anything is written: a build with any error writes
nothing, and each deck is written to a temporary file and renamed into place.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import struct
import tempfile
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Callable

from . import model as m
from .audience import Audience, Cut, Origin, audiences_of, cut_for, unknown_variants
from .errors import CONTENT, Problem, SlidegenError, fail
from .source import Source, read_source
from .theme import Theme, get_theme
from .validate import validate_deck, validate_profiles

SHARED_PROFILES = "_audiences.yaml"
MAX_IMAGE_BYTES = 20_000_000
MAX_IMAGE_PIXELS = 40_000_000


@dataclass
class Loaded:
    """A deck read and validated, with its source for locating problems."""

    path: Path
    source: Source
    deck: m.Deck
    audiences: dict[str, Audience]

    @property
    def name(self) -> str:
        return self.path.stem

    @cached_property
    def findings(self) -> list:
        """Problems of the deck whoever it is for (variants naming no audience), found once."""
        return unknown_variants(self.deck, set(self.audiences))


@dataclass
class Built:
    """One deck built for one audience."""

    source: str
    audience: str
    path: str
    slides: int
    minutes: float
    class_minutes: int | None
    language: str
    warnings: list[str] = field(default_factory=list)
    data: bytes = b""
    planned: list = field(default_factory=list)

    def report(self) -> dict:
        """The JSON report entry."""
        return {"source": self.source, "audience": self.audience, "path": self.path, "slides": self.slides,
                "minutes": self.minutes, "class_minutes": self.class_minutes, "language": self.language,
                "warnings": self.warnings}


def display(path: Path) -> str:
    """A path as shown to the user: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def deck_files(paths: list[str] | None, content: Path = Path("content")) -> list[Path]:
    """The decks to build: the given files, or every ``content/*.yaml`` not starting with '_'."""
    if paths:
        return [Path(p) for p in paths]
    found = sorted(p for p in content.glob("*.yaml") if not p.name.startswith("_"))
    if not found:
        raise fail(str(content), "no decks found: expected .yaml files in this folder, or give deck files")
    return found


def load_shared(folder: Path, problems: list[Problem], cache: dict) -> dict[str, Audience]:
    """The shared audience profiles of a folder (``_audiences.yaml``), or none."""
    path = folder / SHARED_PROFILES
    key = path.resolve()
    if key not in cache:
        cache[key] = {}
        if path.exists():
            try:
                source = read_source(path, display=display(path))
                profiles = validate_profiles(source)
                cache[key] = {name: Audience(name, profile, Origin(source.file, ("audiences", name), source))
                              for name, profile in profiles.audiences.items()}
            except SlidegenError as exc:
                problems.extend(exc.problems)
    return cache[key]


def load(paths: list[Path]) -> list[Loaded]:
    """Read and validate every deck, reporting the problems of all files at once."""
    problems: list[Problem] = []
    shared_cache: dict = {}
    loaded = []
    for path in paths:
        try:
            source = read_source(path, display=display(path))
            deck = validate_deck(source)
        except SlidegenError as exc:
            problems.extend(exc.problems)
            continue
        shared = load_shared(path.parent, problems, shared_cache)
        loaded.append(Loaded(path, source, deck, audiences_of(deck, source.file, shared)))
    if problems:
        raise SlidegenError(problems)
    return loaded


def locate(loaded: Loaded, path: tuple, message: str, origin: Origin | None = None) -> Problem:
    """A problem at a key path of the deck, or of the file a profile came from."""
    if origin is not None and origin.file != loaded.source.file:
        if origin.source is not None:
            return origin.source.problem(path, message)
        return Problem(origin.file, 0, 0, "", message)
    return loaded.source.problem(path, message)


def choose_audiences(loaded: Loaded, wanted: str | None) -> list[Audience]:
    """The audiences to build: all, or the one asked for (an unknown name is an input error)."""
    if wanted is None:
        return list(loaded.audiences.values())
    if wanted not in loaded.audiences:
        from .validate import suggest
        names = ", ".join(sorted(loaded.audiences))
        hint = suggest(wanted, loaded.audiences) or f"audiences: {names}"
        raise SlidegenError(Problem(loaded.source.file, 0, 0, "", f"unknown audience '{wanted}'", hint))
    return [loaded.audiences[wanted]]


def check_picture(loaded: Loaded, slide_path: tuple, image: str, allow_outside: bool) -> tuple[bytes, tuple[int, int]]:
    """The bytes and pixel size of a slide's picture, after checking where it is and what it is.

    The path is relative to the deck's folder and must stay inside it (symbolic links are
    followed first) unless ``allow_outside``. The file must be a PNG, JPEG, GIF, BMP or TIFF of
    at most ``MAX_IMAGE_BYTES`` bytes and ``MAX_IMAGE_PIXELS`` pixels; a file that claims more
    pixels is refused from its header, before anything is decoded.
    """
    where = slide_path + ("path",)

    def problem(message: str) -> SlidegenError:
        return SlidegenError(loaded.source.problem(where, message))

    folder = loaded.path.parent.resolve()
    target = Path(image)
    if target.is_absolute() and not allow_outside:
        raise problem(f"'{image}' is an absolute path; give a path inside the deck's folder "
                      "(or build with --allow-outside)")
    try:
        target = (folder / target).resolve()
        if not allow_outside and target != folder and folder not in target.parents:
            raise problem(f"'{image}' lies outside the deck's folder (build with --allow-outside to allow it)")
        if not target.is_file():
            raise problem(f"image '{image}' does not exist")
        size = target.stat().st_size
        if size > MAX_IMAGE_BYTES:
            raise problem(f"image '{image}' is {size:,} bytes; the limit is {MAX_IMAGE_BYTES:,}")
        data = target.read_bytes()
    except OSError as exc:
        raise problem(f"image '{image}' cannot be read ({(exc.strerror or str(exc)).lower()})") from None
    import warnings

    from PIL import Image, UnidentifiedImageError
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the limit below is lower
            with Image.open(io.BytesIO(data)) as picture:
                if picture.width * picture.height > MAX_IMAGE_PIXELS:
                    raise problem(f"image '{image}' is {picture.width}x{picture.height} pixels; "
                                  f"the limit is {MAX_IMAGE_PIXELS:,} pixels")
                if picture.format not in ("PNG", "JPEG", "GIF", "BMP", "TIFF"):
                    raise problem(f"image '{image}' is {picture.format}; use PNG, JPEG, GIF, BMP or TIFF")
                picture.verify()
                return data, (picture.width, picture.height)
    except Image.DecompressionBombError:
        raise problem(f"image '{image}' claims more pixels than the limit of {MAX_IMAGE_PIXELS:,} "
                      "(a decompression bomb?)") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, TypeError, IndexError, EOFError,
            struct.error):  # what Pillow raises for broken files varies by format
        raise problem(f"'{image}' is not an image Pillow can read") from None


def deck_date(deck: m.Deck) -> dt.datetime:
    """The date stamped into the file: the deck's date, else SOURCE_DATE_EPOCH, else 2000-01-01."""
    if deck.date:
        return dt.datetime(deck.date.year, deck.date.month, deck.date.day)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None)
    return dt.datetime(2000, 1, 1)


@dataclass
class Prepared:
    """One deck planned for one audience and theme, with what was found on the way."""

    loaded: Loaded
    cut: Cut
    theme: Theme
    slides: list
    errors: list[Problem]
    warnings: list[Problem]


def prepare(loaded: Loaded, audience: Audience, theme: Theme) -> Prepared:
    """Choose and plan one deck for one audience (no pictures, nothing rendered)."""
    from .plan import plan_deck
    cut = cut_for(loaded.deck, audience)
    errors, warnings = [], []
    for finding in loaded.findings + cut.findings:
        problem = locate(loaded, finding.path, finding.message, finding.origin)
        (errors if finding.error else warnings).append(problem)
    slides, notes = plan_deck(cut, theme)
    for note in notes:
        problem = loaded.source.problem(note.path, note.message)
        (errors if note.error else warnings).append(problem)
    if theme.template is not None:
        from .render.template import template_warnings
        info = template_info(theme.template)
        for message in template_warnings(info, dict(theme.layouts), {s.kind for s in slides}):
            warnings.append(Problem(display(Path(theme.template)), 0, 0, "", message))
    return Prepared(loaded, cut, theme, slides, errors, warnings)


def theme_for(loaded: Loaded, audience: Audience, override: str | None, template: str | None = None,
              layouts: dict[str, str] | None = None) -> Theme:
    """The look of an audience: a built-in theme (the override, the profile's, or the default),
    then, when a template is given (``--template`` or the profile's ``template``), its layouts,
    placeholder boxes and colours on top."""
    from .theme import THEMES
    name = override or audience.profile.theme
    if name is not None and name not in THEMES:
        from .validate import suggest
        hint = suggest(name, THEMES) or f"themes: {', '.join(THEMES)}"
        where = (audience.origin.path + ("theme",)) if audience.origin and not override else ()
        problem = locate(loaded, where, f"unknown theme '{name}'", audience.origin) if where else \
            Problem("--theme", 0, 0, "", f"unknown theme '{name}'", hint)
        raise SlidegenError(Problem(problem.file, problem.line, problem.col, problem.path, problem.message, hint))
    theme = get_theme(name)
    path = template
    if path is None and audience.profile.template:
        origin = Path(audience.origin.file).parent if audience.origin else loaded.path.parent
        path = str(origin / audience.profile.template)
    if path is None:
        return theme
    from .render.template import theme_from_template
    overrides = {**audience.profile.layouts, **(layouts or {})}
    return theme_from_template(template_info(path), theme, overrides)


_TEMPLATES: dict = {}


def template_info(path: str):
    """A template's layouts, sizes and colours, read once per file and process (an unreadable
    file is an input error, see :func:`slidegen.render.template.read_template`)."""
    from .render.template import read_template
    key = str(Path(path).resolve())
    if key not in _TEMPLATES:
        _TEMPLATES[key] = read_template(path, display(Path(path)))
    return _TEMPLATES[key]


def build_one(ready: Prepared, out_dir: Path, *,
              allow_outside: bool = False) -> tuple[Built, list[Problem], list[Problem]]:
    """Check the pictures of a planned deck and render it; returns it, its errors and warnings."""
    loaded, cut, theme, errors = ready.loaded, ready.cut, ready.theme, list(ready.errors)
    slides = list(ready.slides)
    pictures = {}
    for index, planned in enumerate(slides):
        try:
            if planned.kind == "image":
                pictures[index] = check_picture(loaded, planned.path, planned.parts["path"], allow_outside)
            elif planned.kind == "diagram" and not ready.errors:  # a failed plan draws nothing
                from .diagrams import picture
                pictures[index], alt = picture(planned.parts["spec"], theme, cut)
                slides[index] = replace(planned, alt=planned.alt or alt)
        except SlidegenError as exc:
            errors.extend(exc.problems)
    audience = cut.audience
    name = f"{loaded.name}-{audience.name}.pptx"
    built = Built(loaded.source.file, audience.name, display(out_dir / name), len(slides), cut.minutes,
                  audience.profile.minutes if audience.name != "default" else None, cut.lang,
                  [str(w) for w in ready.warnings], planned=slides)
    if not errors:
        built.data = render(slides, pictures, loaded.deck, cut, theme)
    return built, errors, ready.warnings


MAX_PROPERTY = 255  # characters the file's core properties (title, author, subject) may hold


def _property(text: str | None) -> str:
    """A text for a core property: cut to ``MAX_PROPERTY`` characters, ending in an ellipsis when cut."""
    text = text or ""
    return text if len(text) <= MAX_PROPERTY else text[:MAX_PROPERTY - 1] + "\u2026"


def render(slides, pictures, deck: m.Deck, cut: Cut, theme: Theme) -> bytes:
    """The .pptx bytes of a planned deck."""
    from .render import DeckInfo, render_deck
    info = DeckInfo(title=_property(cut.pick(deck.title)), author=_property(cut.pick(deck.author)),
                    subject=_property(cut.pick(deck.subtitle)), language="ko-KR" if cut.lang == "ko" else "en-US",
                    keywords=_property(cut.audience.name), date=deck_date(deck))
    return render_deck(slides, pictures, info, theme)


def writable(out_dir: Path) -> None:
    """Raise an input error unless ``out_dir`` exists or can be made, and can be written."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=out_dir, prefix=f".slidegen-probe.{os.getpid()}-",
                                            suffix=".tmp", delete=True)
        probe.close()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise fail(str(out_dir), f"output folder cannot be written: {reason.lower()}") from None


# .NAME.PID-RANDOM.tmp: a file being written; the process id tells whether its writer still runs
_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[A-Za-z0-9_]+\.tmp$")


def _temporary(path: Path) -> tuple[int, str]:
    """A new temporary file beside ``path``, named after it and this process: (handle, name)."""
    return tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp")


def _running(pid: int) -> bool:
    """Whether a process with this id exists (so its temporary files may still be in use)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def clean_stale(out_dir: Path, names: set[str]) -> None:
    """Delete temporary files for ``names`` left in ``out_dir`` by builds that were killed.

    A temporary file whose writer still runs (a build of the same deck at the same time) is
    left alone; so is every file slidegen did not name.
    """
    try:
        entries = list(out_dir.iterdir())
    except OSError:
        return
    for entry in entries:
        found = _TEMPORARY.match(entry.name)
        if found and found["name"] in names | {"slidegen-probe"} and not _running(int(found["pid"])):
            try:
                entry.unlink()
            except OSError:
                pass


def _stage(path: Path, data: bytes) -> str:
    """Write ``data`` to a synced temporary file beside ``path``; returns its name."""
    handle, temporary = _temporary(path)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never half a file."""
    temporary = _stage(path, data)
    try:
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_all(out_dir: Path, files: list[tuple[str, bytes]]) -> None:
    """Write every file into ``out_dir``, all or nothing: each is staged first, then renamed into place.

    A file that cannot be written (a full disk, a read-only folder) is an input error naming the
    folder, and every earlier output stays as it was. Temporary files of killed builds are cleaned.
    """
    contents: dict[str, bytes] = {}
    for name, data in files:
        if name in contents and contents[name] != data:
            raise fail(display(out_dir / name), "two decks would both be written to this file; "
                                                "give the deck files different names")
        contents[name] = data
    writable(out_dir)
    clean_stale(out_dir, set(contents))
    staged: list[tuple[str, Path]] = []
    try:
        for name, data in contents.items():
            staged.append((_stage(out_dir / name, data), out_dir / name))
        while staged:
            temporary, path = staged[0]
            os.replace(temporary, path)
            staged.pop(0)
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        raise fail(str(out_dir), f"output folder cannot be written: {reason}") from None
    finally:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)
    try:  # make the renames durable; not every system can sync a folder
        folder = os.open(out_dir, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    except OSError:
        pass


def each_audience(loaded: list[Loaded], wanted: str | None, theme_name: str | None,
                  template: str | None = None, layouts: dict[str, str] | None = None):
    """Every (deck, audience, theme) to make: all audiences of every deck, or the one asked for."""
    for deck in loaded:
        for audience in choose_audiences(deck, wanted):
            yield deck, audience, theme_for(deck, audience, theme_name, template, layouts)


WORKERS_ENV = "SLIDEGEN_JOBS"
_TASKS: list = []  # what forked workers work on: inherited with the process, never pickled


def usable_cores() -> int:
    """How many processes a build runs at most: ``$SLIDEGEN_JOBS``, else the cores this process may use."""
    wanted = os.environ.get(WORKERS_ENV, "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether workers may be forked: on Linux (macOS system libraries may not survive a fork,
    Windows has none), from a process without other threads (``slidegen watch`` after its
    first build has watchdog's)."""
    import sys
    import threading
    return sys.platform.startswith("linux") and threading.active_count() == 1


def in_workers(work: Callable[[int], object], tasks: list, count: int) -> list:
    """``[work(i) for i in range(len(tasks))]`` on ``count`` forked processes, in order.

    The workers inherit ``tasks`` (and every import and parsed deck) as :data:`_TASKS`; only
    the index goes to them and only the result comes back.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    global _TASKS
    _TASKS = tasks
    try:
        with ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(work, range(len(tasks))))
    finally:
        _TASKS = []


def make_all(ready: list[Prepared], out_dir: Path, *, allow_outside: bool = False,
             workers: int | None = None) -> list[tuple[Built, list[Problem], list[Problem]]]:
    """:func:`build_one` for every planned deck, in order.

    The diagrams no cache holds are drawn first (:func:`draw_diagrams`). Then two decks or more
    are rendered in forked worker processes, one per usable core, which send back only the
    results; otherwise (one deck, a single core, no forking) one after the other.
    """
    workers = usable_cores() if workers is None else workers
    draw_diagrams(ready, workers)
    count = min(workers, len(ready))
    if count < 2 or not can_fork():
        return [build_one(one, out_dir, allow_outside=allow_outside) for one in ready]
    from . import render  # noqa: F401 - imported once here rather than in every worker
    done = in_workers(_make_job, [(one, out_dir, allow_outside) for one in ready], count)
    for status, value in done:
        if status == "error":
            raise SlidegenError(*value)
    return [value for _, value in done]


def _make_job(index: int):
    """Render deck ``index`` of :data:`_TASKS` in a worker; an input error comes back as data."""
    ready, out_dir, allow_outside = _TASKS[index]
    try:
        return "done", build_one(ready, out_dir, allow_outside=allow_outside)
    except SlidegenError as exc:  # its pickled form would lose the problems
        return "error", (exc.problems, exc.code)


def draw_diagrams(ready: list[Prepared], workers: int) -> None:
    """Draw each diagram the planned decks show that nobody has drawn yet, once.

    Audiences of one language share their diagrams. Two or more are drawn in forked workers
    (up to ``workers``), each importing matplotlib itself, and kept in this process; one is
    drawn here. A diagram that fails is left for :func:`build_one` to report.
    """
    from .diagrams import picture, to_draw
    todo: dict[str, tuple] = {}
    for one in ready:
        for planned in one.slides if not one.errors else []:
            if planned.kind == "diagram":
                key = to_draw(planned.parts["spec"], one.theme, one.cut)
                if key is not None:
                    todo.setdefault(key, (planned.parts["spec"], one.theme, one.cut))
    count = min(workers, len(todo))
    if count < 2 or not can_fork():
        for spec, theme, cut in todo.values():
            try:
                picture(spec, theme, cut)
            except SlidegenError:
                pass
        return
    from .diagrams import keep
    for result in in_workers(_draw_job, list(todo.values()), count):
        if result is not None:
            keep(*result)


def _draw_job(index: int):
    """Draw diagram ``index`` of :data:`_TASKS` in a worker: its key and picture, or None if it fails."""
    from .diagrams import drawn
    try:
        return drawn(*_TASKS[index])
    except SlidegenError:
        return None


def build(paths: list[str] | None, out_dir: Path, *, audience: str | None = None, strict: bool = False,
          theme_name: str | None = None, allow_outside: bool = False, template: str | None = None,
          layouts: dict[str, str] | None = None, workers: int | None = None) -> list[Built]:
    """Build every deck for every (or one) audience into ``out_dir``; all or nothing.

    Several decks or audiences are made on every usable core (``workers``: how many processes at
    most; default :func:`usable_cores`); the bytes are those of a build one after the other.
    """
    loaded = load(deck_files(paths))
    results: list[Built] = []
    errors: list[Problem] = []
    ready = [prepare(*job) for job in each_audience(loaded, audience, theme_name, template, layouts)]
    for built, found, warnings in make_all(ready, out_dir, allow_outside=allow_outside, workers=workers):
        errors.extend(found)
        if strict:
            errors.extend(warnings)
        results.append(built)
    if errors:
        raise SlidegenError(sorted(set(errors)), CONTENT)
    write_all(out_dir, [(Path(built.path).name, built.data) for built in results])
    return results
