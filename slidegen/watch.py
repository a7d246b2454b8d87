"""``slidegen watch``: rebuild decks on save, in one warm process, only what changed.

The process keeps its imports, the parsed decks and, for every deck and audience, the slide
plan and the bytes last written. A change to a deck's YAML, to one of its pictures or templates,
or to the folder's shared ``_audiences.yaml`` re-reads that deck and plans every audience again;
an audience whose plan did not change is not rebuilt. When only the text of some slides changed
(same slide count, same deck-wide facts, no pictures on those slides), just those slides are
drawn again and swapped into the last package: the result is byte for byte what ``slidegen
build`` writes. Anything else rebuilds the audience's deck in full.

:class:`Watcher` holds that state and does the work without any file-system watching:
``rebuild(changed_paths)`` returns what it rebuilt, so tests drive it directly. :func:`watch`
adds watchdog and the debounce: a rebuild starts at the first event, and its result is written
only once the sources have been quiet for :data:`DEBOUNCE` seconds since that rebuild began
reading them (an event in the meantime discards it and starts again), so an editor's burst of
writes during a save never shows up as a half-read file.
"""

from __future__ import annotations

import io
import queue
import signal
import struct
import sys
import time
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from .build import (SHARED_PROFILES, Built, deck_date, deck_files, display, each_audience, load, make_all,
                    prepare, write_all)
from .errors import Problem, SlidegenError

DEBOUNCE = 0.05
"""Seconds without a change, counted from when a rebuild began reading, before it is written.
Editors save in bursts of writes and renames a few milliseconds apart; a rebuild takes longer
than this anyway, so the wait seldom adds anything."""

SETTLE = 0.01
"""Seconds to gather the other events of one save (a write is an open, writes and a close, each
its own event) before reading: without it, the close often arrives mid-read and the rebuild
starts over. The gathering ends early at an event that completes a save (see :data:`SAVED`)."""

CHANGES = frozenset({"created", "modified", "moved", "deleted", "closed"})
"""The watchdog event types that mean a file changed (opening or reading one does not)."""

SAVED = "closed"
"""The event type after which a save is complete: the file was closed after writing. A rename
completes one too, for the name the file is moved to (an editor's saved copy moved into place)."""

PICTURE_KINDS = frozenset({"image", "diagram"})
"""Slide kinds that carry a picture part: a change to one of them rebuilds the whole deck."""

_REL_NOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide"
_REL_LAYOUT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout"
_REL_LINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_REL_SLIDE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide"
_PATCHABLE = frozenset({_REL_NOTES, _REL_LAYOUT, _REL_LINK, _REL_SLIDE})
_NS_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_NS_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_NS_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@dataclass
class Made:
    """One deck built for one audience, as last written: its plan, the facts of the file, the bytes."""

    plan: list
    facts: tuple
    theme: object
    built: Built
    _entries: list[tuple[str, bytes]] | None = None

    def entries(self) -> list[tuple[str, bytes]]:
        """The package's parts in file order, unpacked once."""
        if self._entries is None:
            with zipfile.ZipFile(io.BytesIO(self.built.data)) as package:
                self._entries = [(info.filename, package.read(info)) for info in package.infolist()]
        return self._entries


@dataclass
class DeckState:
    """What the watcher keeps for one deck file."""

    path: Path
    made: dict[str, Made] = field(default_factory=dict)
    depends: set[Path] = field(default_factory=set)


@dataclass
class Rebuild:
    """What one rebuild did: decks written, problems that stopped a deck, decks found unchanged."""

    built: list[Built] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    patched: int = 0
    seconds: float = 0.0

    def lines(self) -> list[str]:
        """One line per deck written: ``output/x-beginners.pptx: 34 slides in 0.21 s``."""
        return [f"{b.path}: {b.slides} slides in {self.seconds:.2f} s" for b in self.built]


@dataclass
class _Outcome:
    """A deck computed but not yet written."""

    state: DeckState
    made: dict[str, Made] = field(default_factory=dict)
    fresh: set[str] = field(default_factory=set)
    order: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    write: list[Made] = field(default_factory=list)
    patched: int = 0

    def finish(self) -> None:
        """Put the audiences in deck order; a deck with problems keeps its last good state."""
        if self.problems:
            self.made, self.write = dict(self.state.made), []
            return
        self.made = {name: self.made[name] for name in self.order if name in self.made}
        self.write = [self.made[name] for name in self.order if name in self.fresh]


def _key(path: Path) -> Path:
    return Path(path).resolve()


class Watcher:
    """The warm state of ``slidegen watch`` and the rebuild that uses it (no file-system watching)."""

    def __init__(self, decks: list[str] | None, out_dir: Path, *, audience: str | None = None,
                 theme_name: str | None = None, template: str | None = None,
                 layouts: dict[str, str] | None = None, strict: bool = False, allow_outside: bool = False,
                 content: Path = Path("content")):
        self.out_dir = Path(out_dir)
        self.audience = audience
        self.theme_name = theme_name
        self.template = template
        self.layouts = layouts
        self.strict = strict
        self.allow_outside = allow_outside
        self.content = Path(content) if not decks else None
        self.decks: dict[Path, DeckState] = {}
        for path in deck_files(decks, self.content or Path("content")):
            self.decks[_key(path)] = DeckState(Path(path))
        self._minis: list[tuple[object, object]] = []

    # -- what to watch -------------------------------------------------------------------------

    def folders(self) -> set[Path]:
        """Every folder holding a source of some deck (and the content folder, for new decks)."""
        out = {path.parent for state in self.decks.values() for path in self._sources(state)}
        if self.content is not None:
            out.add(_key(self.content))
        return out

    def _sources(self, state: DeckState) -> set[Path]:
        key = _key(state.path)
        return {key, key.parent / SHARED_PROFILES} | state.depends

    def affected(self, changed: Iterable[Path]) -> list[DeckState]:
        """The decks whose YAML, shared profiles, pictures or templates are among ``changed``."""
        changed = {_key(p) for p in changed}
        if self.content is not None:  # a new deck in the content folder joins the watch
            folder = _key(self.content)
            for path in changed:
                if path.parent == folder and path.suffix == ".yaml" and not path.name.startswith("_") \
                        and path not in self.decks and path.exists():
                    self.decks[path] = DeckState(self.content / path.name)
        return [state for state in self.decks.values() if self._sources(state) & changed]

    # -- the rebuild ---------------------------------------------------------------------------

    def start(self) -> Rebuild:
        """Build every deck for the first time."""
        return self.rebuild(path for state in self.decks.values() for path in self._sources(state))

    def rebuild(self, changed: Iterable[Path], since: float | None = None) -> Rebuild:
        """Rebuild what ``changed`` paths affect and write it; returns what was rebuilt."""
        since = time.perf_counter() if since is None else since
        return self.commit(self.compute(changed), since)

    def compute(self, changed: Iterable[Path]) -> list[_Outcome]:
        """Read, plan and render what ``changed`` affects, writing nothing.

        Decks to build in full are made together at the end, on several cores when the process
        has no other thread yet (the first build); see :func:`slidegen.build.make_all`.
        """
        changed = {_key(p) for p in changed}
        if any(path.suffix in (".pptx", ".potx") for path in changed):
            from . import build as build_module
            getattr(build_module, "_TEMPLATES", {}).clear()  # read changed templates again
            self._minis.clear()
        outcomes, full = [], []
        for state in self.affected(changed):
            outcomes.append(self._plan_deck(state, changed, full))
        if full:
            try:
                results = make_all([ready for _, ready, _ in full], self.out_dir, allow_outside=self.allow_outside)
            except SlidegenError as exc:  # which deck it came from is in the problems themselves
                for outcome in {id(job[0]): job[0] for job in full}.values():
                    outcome.problems.extend(exc.problems)
                results = []
            for (outcome, ready, facts), (built, errors, warnings) in zip(full, results):
                name = ready.cut.audience.name
                errors = errors + (warnings if self.strict else [])
                if errors:
                    outcome.problems.extend(errors)
                else:
                    outcome.made[name] = Made(ready.slides, facts, ready.theme, built)
                    outcome.fresh.add(name)
        for outcome in outcomes:
            outcome.finish()
        return outcomes

    def commit(self, outcomes: list[_Outcome], since: float) -> Rebuild:
        """Write every deck that has no problems (all its audiences or none) and keep its new state."""
        report = Rebuild()
        for outcome in outcomes:
            report.problems.extend(outcome.problems)
            if outcome.problems:
                continue
            if outcome.write:
                try:
                    write_all(self.out_dir, [(self._target(made).name, made.built.data) for made in outcome.write])
                except SlidegenError as exc:
                    report.problems.extend(exc.problems)
                    continue
            else:
                report.unchanged.append(display(outcome.state.path))
            report.built.extend(made.built for made in outcome.write)
            report.patched += outcome.patched
            outcome.state.made = outcome.made
            outcome.state.depends = _deps_of(outcome.state.path, outcome.made)
        report.problems = sorted(set(report.problems))
        report.seconds = time.perf_counter() - since
        return report

    def _plan_deck(self, state: DeckState, changed: set[Path], full: list) -> _Outcome:
        """Read and plan one deck; keep or patch each audience, or add it to ``full``."""
        outcome = _Outcome(state)
        if not state.path.exists():
            outcome.problems.append(Problem(display(state.path), message="file not found"))
            return outcome
        pictures_changed = bool(changed & (state.depends - {_key(state.path)}))
        try:
            loaded = load([state.path])[0]
            jobs = list(each_audience([loaded], self.audience, self.theme_name, self.template, self.layouts))
        except SlidegenError as exc:
            outcome.problems.extend(exc.problems)
            return outcome
        for deck, chosen, theme in jobs:  # deck: the Loaded deck file
            outcome.order.append(chosen.name)
            ready = prepare(deck, chosen, theme)
            problems = ready.errors + (ready.warnings if self.strict else [])
            if problems:
                outcome.problems.extend(problems)
                continue
            facts = _facts(deck.deck, ready.cut)
            old = state.made.get(chosen.name)
            if old is not None and not pictures_changed and old.facts == facts and old.theme == theme \
                    and len(old.plan) == len(ready.slides):
                changed_slides = [i for i, (a, b) in enumerate(zip(old.plan, ready.slides)) if a != b]
                if not changed_slides:
                    warnings = [str(w) for w in ready.warnings]
                    outcome.made[chosen.name] = replace(old, built=replace(old.built, warnings=warnings))
                    continue
                patched = self._patch(old, ready, changed_slides, theme, facts)
                if patched is not None:
                    outcome.made[chosen.name] = patched
                    outcome.fresh.add(chosen.name)
                    outcome.patched += 1
                    continue
            full.append((outcome, ready, facts))
        return outcome

    def _target(self, made: Made) -> Path:
        return self.out_dir / Path(made.built.path).name

    # -- slides swapped into the last package --------------------------------------------------

    def _patch(self, old: Made, ready, indices: list[int], theme, facts: tuple) -> Made | None:
        """``old`` with the slides at ``indices`` drawn again from ``ready``; None when that cannot
        give exactly what a full build gives (pictures, new relationships, another layout)."""
        new_plan = ready.slides
        if any(old.plan[i].kind in PICTURE_KINDS or new_plan[i].kind in PICTURE_KINDS for i in indices):
            return None
        entries = dict(old.entries())
        replaced: dict[str, bytes] = {}
        slide_names = _slide_parts(entries)
        if len(slide_names) != len(new_plan):
            return None
        drawing = self._mini(theme)
        for i in indices:
            drawn = _draw_alone(drawing, new_plan[i], i + 1, len(new_plan), facts[0])
            name = slide_names[i]
            rels_name = _rels_of(name)
            old_rels = _relationships(entries.get(rels_name, b""), name)
            new_rels = _relationships(drawn.rels, drawn.name)
            if _without_notes(old_rels) != _without_notes(new_rels) or \
                    any(kind not in _PATCHABLE for kind, _, _ in new_rels.values()):
                return None
            notes_old = _notes_target(old_rels)
            if (notes_old is None) != (drawn.notes is None):
                return None
            replaced[name] = drawn.slide
            if notes_old is not None:
                replaced[notes_old] = drawn.notes
        data = _splice(old.built.data, replaced)
        if data is None:
            return None
        planned = [old.built.planned[i] if i not in indices else new_plan[i] for i in range(len(new_plan))]
        built = replace(old.built, slides=len(new_plan), minutes=ready.cut.minutes,
                        warnings=[str(w) for w in ready.warnings], data=data, planned=planned)
        return Made(new_plan, facts, theme, built, [(name, replaced.get(name, part)) for name, part in old.entries()])

    def _mini(self, theme):
        """A bare canvas of ``theme`` kept for drawing single slides."""
        for known, drawing in self._minis:
            if known == theme:
                return drawing
        from .render import canvas
        drawing = canvas(theme)
        self._minis.append((theme, drawing))
        return drawing


@dataclass
class _Drawn:
    name: str
    slide: bytes
    rels: bytes
    notes: bytes | None


def _draw_alone(drawing, plan, number: int, total: int, deck_title: str) -> _Drawn:
    """Draw one planned slide as slide ``number`` of ``total`` on the canvas ``drawing``, take its
    parts, remove it. The same steps as one turn of :func:`slidegen.render.render_deck`'s loop.
    """
    from .render import render_slide
    prs = drawing.prs
    try:
        slide = render_slide(drawing, plan, number, total, deck_title)
        part = slide.part
        notes_blob = slide.notes_slide.part.blob if slide.has_notes_slide else None
        return _Drawn(str(part.partname).lstrip("/"), part.blob, part.rels.xml, notes_blob)
    finally:
        ids = prs.slides._sldIdLst
        for sld_id in list(ids):
            ids.remove(sld_id)
            prs.part.drop_rel(sld_id.rId)


def _facts(deck, cut) -> tuple:
    """The deck-wide facts written into every file (title, author, language, date, audience)."""
    return (cut.pick(deck.title), cut.pick(deck.author) or "", cut.pick(deck.subtitle), cut.lang,
            cut.audience.name, deck_date(deck))


def _deps_of(deck: Path, made: dict[str, Made]) -> set[Path]:
    """Pictures and templates a deck's audiences read, besides the YAML."""
    out = set()
    folder = Path(deck).parent
    for item in made.values():
        if getattr(item.theme, "template", None):
            out.add(_key(Path(item.theme.template)))
        for plan in item.plan:
            if plan.kind == "image" and plan.parts.get("path"):
                out.add(_key(folder / plan.parts["path"]))
    return out


def _slide_parts(entries: dict[str, bytes]) -> list[str]:
    """The slide part names of a package, in slide order."""
    from xml.etree import ElementTree as ET
    rels = _relationships(entries.get("ppt/_rels/presentation.xml.rels", b""), "ppt/presentation.xml")
    root = ET.fromstring(entries["ppt/presentation.xml"])
    out = []
    for sld_id in root.iter(f"{_NS_P}sldId"):
        rel = rels.get(sld_id.get(f"{_NS_R}id"))
        if rel is None or rel[0] != _REL_SLIDE:
            return []
        out.append(rel[1])
    return out


def _rels_of(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels"


def _relationships(xml: bytes, part: str) -> dict[str, tuple[str, str, str]]:
    """``{rId: (type, target part or URL, mode)}`` of the rels part of ``part``."""
    from posixpath import dirname, join, normpath
    from xml.etree import ElementTree as ET
    if not xml:
        return {}
    out = {}
    for rel in ET.fromstring(xml).iter(f"{_NS_REL}Relationship"):
        kind, target, mode = rel.get("Type"), rel.get("Target"), rel.get("TargetMode", "Internal")
        if mode == "Internal":
            target = normpath(join(dirname(part), target))
        out[rel.get("Id")] = (kind, target, mode)
    return out


def _notes_target(rels: dict) -> str | None:
    return next((target for kind, target, _ in rels.values() if kind == _REL_NOTES), None)


def _without_notes(rels: dict) -> dict:
    return {rid: rel if rel[0] != _REL_NOTES else (rel[0], "", rel[2]) for rid, rel in rels.items()}


def _zip_entry(name: str, data: bytes) -> bytes:
    """A zip holding one part, its entry written as a build writes each part."""
    from .render.package import fixed_info
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(fixed_info(name), data)
    return out.getvalue()


_END = struct.Struct("<4s4H2LH")  # end of central directory
_CENTRAL = 46  # bytes of a central directory record before its name


def _records(package: bytes) -> tuple[list[tuple[str, bytes, bytes]], bytes] | None:
    """Each entry of a plain zip as (name, local record, central record), and the end record;
    None for what this reader does not handle (zip64, comments)."""
    end = len(package) - _END.size
    if end < 0 or package[end:end + 4] != b"PK\x05\x06":
        return None
    _, _, _, _, count, size, start, comment = _END.unpack_from(package, end)
    if comment or start + size != end:
        return None
    centrals, pos = [], start
    for _ in range(count):
        if package[pos:pos + 4] != b"PK\x01\x02":
            return None
        name_len, extra_len, comment_len = struct.unpack_from("<3H", package, pos + 28)
        length = _CENTRAL + name_len + extra_len + comment_len
        offset = struct.unpack_from("<L", package, pos + 42)[0]
        centrals.append((package[pos + _CENTRAL:pos + _CENTRAL + name_len].decode("utf-8"), offset,
                         package[pos:pos + length]))
        pos += length
    ends = [offset for _, offset, _ in centrals[1:]] + [start]
    if any(a >= b for (_, a, _), b in zip(centrals, ends)):
        return None
    return [(name, package[a:b], central) for (name, a, central), b in zip(centrals, ends)], package[end:]


def _splice(package: bytes, replaced: dict[str, bytes]) -> bytes | None:
    """``package`` with the parts in ``replaced`` written anew and every other part copied as it
    is, still compressed: the bytes a full build writes, without compressing it all again."""
    old = _records(package)
    if old is None:
        return None
    entries, end = old
    out, centrals = io.BytesIO(), []
    for name, local, central in entries:
        if name in replaced:
            fresh = _records(_zip_entry(name, replaced[name]))
            if fresh is None:
                return None
            (_, local, central), = fresh[0]
        centrals.append(central[:42] + struct.pack("<L", out.tell()) + central[46:])
        out.write(local)
    start = out.tell()
    out.write(b"".join(centrals))
    size = out.tell() - start
    signature, disk, disk_start, here, count, _, _, comment = _END.unpack(end)
    out.write(_END.pack(signature, disk, disk_start, here, count, size, start, comment))
    return out.getvalue()


# -- the command ---------------------------------------------------------------------------------

def _print(report: Rebuild, out=sys.stdout, err=sys.stderr) -> None:
    for line in report.lines():
        print(line, file=out, flush=True)
    for name in report.unchanged:
        print(f"{name}: no deck changed ({report.seconds:.2f} s)", file=out, flush=True)
    for problem in report.problems:
        print(problem, file=err, flush=True)
    if report.problems:
        print("slidegen watch: fix the problems above; still watching", file=err, flush=True)


def watch(decks: list[str] | None, out_dir: Path, *, debounce: float = DEBOUNCE, **options) -> int:
    """Build the decks, then rebuild on every save until Ctrl-C (which exits 0)."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    watcher = Watcher(decks, out_dir, **options)
    events: queue.Queue = queue.Queue()

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event):
            if not event.is_directory and event.event_type in CHANGES:  # not our own reads
                events.put((time.perf_counter(), event.src_path, event.event_type == SAVED))
                if getattr(event, "dest_path", ""):
                    events.put((time.perf_counter(), event.dest_path, True))

    observer = Observer()
    scheduled: set[Path] = set()

    def follow() -> None:
        for folder in sorted(watcher.folders()):
            if folder not in scheduled and folder.is_dir():
                observer.schedule(Handler(), str(folder), recursive=False)
                scheduled.add(folder)

    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started with SIGINT ignored
    signal.signal(signal.SIGTERM, _stop)
    try:
        _print(watcher.start())
        follow()
        observer.start()
        print(f"watching {len(watcher.decks)} deck(s); Ctrl-C to stop", file=sys.stderr, flush=True)
        _loop(watcher, events, debounce, follow)
    except KeyboardInterrupt:
        pass
    finally:
        if observer.is_alive():
            observer.stop()
            observer.join(timeout=2)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0


def _stop(signum, frame) -> None:
    raise KeyboardInterrupt


def _loop(watcher: Watcher, events: queue.Queue, debounce: float, follow) -> None:
    """Rebuild on each burst of events: compute at once, write once the sources were quiet.

    A result is written only if no event touching a deck arrived from the moment its rebuild
    began reading until ``debounce`` seconds after that; otherwise it is computed again.
    """
    while True:
        first, path, saved = events.get()
        pending = {Path(path)}
        if not (saved and watcher.affected(pending)):
            gathered = _drain(events, time.perf_counter() + SETTLE, saved_in=watcher.affected)
            pending |= {Path(p) for _, p, _ in gathered}
        while pending and watcher.affected(pending):
            started = time.perf_counter()
            outcomes = watcher.compute(pending)
            newer = [Path(p) for _, p, _ in _drain(events, started + debounce)]
            if watcher.affected(newer):  # the sources moved while they were read: again, with all
                pending |= set(newer)
                continue
            _print(watcher.commit(outcomes, first))
            follow()
            pending = set()




def _drain(events: queue.Queue, until: float, saved_in=None) -> list[tuple[float, str, bool]]:
    """Every event (time, path, whether it completes a save) queued now or arriving before the
    clock reads ``until``; with ``saved_in``, up to the first that completes a save of a path
    ``saved_in([path])`` is true for (an editor's backup copy moved aside does not count)."""
    out = []
    while True:
        timeout = until - time.perf_counter()
        try:
            out.append(events.get(timeout=timeout) if timeout > 0 else events.get_nowait())
        except queue.Empty:
            return out
        _, path, saved = out[-1]
        if saved and saved_in is not None and saved_in([Path(path)]):
            return out
