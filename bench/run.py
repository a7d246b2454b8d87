"""How fast is slidegen? Whole processes, timed against the floor of its stack and against pandoc.

    python bench/run.py [--runs 5] [--big-runs 3] [--sizes 100,300,1000] [--deck FILE] [--post FILE]

Every figure is the median of several runs of a whole process (start-up and imports included),
after one untimed run that fills Python's bytecode cache. For each run the operating system
reports the CPU time and the peak resident memory of the process (``os.wait4``; for a parallel
build, of its largest process). The scenarios take turns, one run of each at a time, and the
ratios at the end compare figures from this same run, so a slower or busier machine moves both
sides together. Nothing here is a test: ``tests/`` never looks at the clock.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DOCKER_DECK = ROOT / "content" / "docker-01-basics.yaml"
FALLBACK_DECK = ROOT / "examples" / "sample.yaml"
DOCKER_POST = ROOT.parent / "shared" / "seeds" / "docker-01-basics.md"


class BenchError(RuntimeError):
    """A benchmarked command failed."""


@dataclass
class Sample:
    """One run of one process."""

    wall: float
    cpu: float
    rss_mib: float
    stdout: str = ""


@dataclass
class Figure:
    """The runs of one scenario, summarised by medians."""

    label: str
    samples: list[Sample] = field(default_factory=list)
    note: str = ""

    @property
    def wall(self) -> float:
        return statistics.median(s.wall for s in self.samples)

    @property
    def cpu(self) -> float:
        return statistics.median(s.cpu for s in self.samples)

    @property
    def rss(self) -> float:
        return statistics.median(s.rss_mib for s in self.samples)

    def row(self) -> str:
        spread = f"{min(s.wall for s in self.samples):.2f}-{max(s.wall for s in self.samples):.2f}"
        note = f"  {self.note}" if self.note else ""
        return f"  {self.label:<46} {self.wall:7.2f} {spread:>11} {self.cpu:7.2f} {self.rss:8.0f}{note}"


def say(message: str) -> None:
    """Progress, on stderr, so that stdout holds only the report."""
    print(message, file=sys.stderr, flush=True)


def child_env(cache: Path | None, pycache: Path, **extra: str) -> dict[str, str]:
    """The environment of a timed process: bytecode cached (as in an installed package), the
    diagram cache at ``cache``."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    if cache is not None:
        env["SLIDEGEN_CACHE"] = str(cache)
    env.update(extra)
    return env


def run_once(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> Sample:
    """Run ``cmd`` to the end; its wall time, CPU time and peak memory as the OS counted them."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise BenchError(f"{' '.join(cmd)} exited {proc.returncode}:\n{err.read().decode(errors='replace')}")
        return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                      out.read().decode("utf-8", errors="replace"))


@dataclass
class Scenario:
    """One command to time: ``prepare()`` runs before each run, untimed."""

    key: str
    label: str
    cmd: list[str]
    env: dict[str, str]
    runs: int
    prepare: Callable[[], None] | None = None
    note: str = ""


def measure(scenarios: list[Scenario]) -> dict[str, Figure]:
    """Time every scenario its number of runs, in turns: one run of each, then again.

    Each first has one untimed run. Taking turns means a machine that slows down halfway slows
    every scenario alike, so the ratios between them stay fair.
    """
    figures = {s.key: Figure(s.label, note=s.note) for s in scenarios}
    for scenario in scenarios:
        say(f"  {scenario.label.strip()} ...")
        if scenario.prepare:
            scenario.prepare()
        run_once(scenario.cmd, scenario.env)
    for round_ in range(max(s.runs for s in scenarios)):
        for scenario in (s for s in scenarios if round_ < s.runs):
            if scenario.prepare:
                scenario.prepare()
            figures[scenario.key].samples.append(run_once(scenario.cmd, scenario.env))
    return figures


def slidegen(*args: str) -> list[str]:
    return [PYTHON, "-m", "slidegen", *args]


# -- synthetic decks -----------------------------------------------------------------------------

CODE = """FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
CMD ["python", "app.py"]"""


def synthetic_deck(slides: int) -> str:
    """YAML for a deck of about ``slides`` slides: sections of bullets, code, tables and a few
    diagrams (three specs, so the diagram cache serves every size after the first)."""
    lines = ["title: Synthetic lecture", "languages: [en]", "sections:"]
    count, section = 1, 0
    lines += ["  - title: Opening", "    divider: false", "    slides:", "      - kind: title",
              "        notes: A synthetic deck for the benchmark."]
    while count < slides:
        section += 1
        lines += [f"  - title: Part {section}", "    slides:"]
        count += 1  # the section's divider
        for k in range(9):
            if count >= slides:
                break
            count += 1
            n = count
            if n % 50 == 7:
                spec = n // 50 % 3
                lines += ["      - kind: diagram", f"        title: Start-up time, case {spec}",
                          "        diagram:", "          kind: bars", "          categories: [VM, Container]",
                          "          metrics:", "            - name: Start-up time", "              unit: s",
                          f"              series: [{{name: Time, values: [{30 + spec}, 0.5]}}]",
                          "          source: Example values",
                          f"        notes: Diagram {n} compares start-up times."]
            elif k == 3:
                lines += ["      - kind: code", f"        title: A Dockerfile, slide {n}",
                          "        language: dockerfile", "        code: |"]
                lines += [f"          {line}" for line in CODE.splitlines()]
                lines += [f"        notes: Code slide {n} shows that each instruction adds a layer."]
            elif k == 6:
                lines += ["      - kind: table", f"        title: VM and container, slide {n}",
                          "        columns: [Item, VM, Container]",
                          "        rows:", "          - [Size, GB, MB]",
                          "          - [Start-up, Tens of seconds, Under a second]",
                          "          - [Isolation, Own kernel, Process level]",
                          f"        notes: Table slide {n} compares the two."]
            else:
                lines += ["      - kind: bullets", f"        title: Why containers, slide {n}", "        bullets:",
                          "          - It works on my machine, and only there",
                          "          - text: Dependencies clash between projects",
                          "            sub: [Project A needs version 1, Project B needs version 2]",
                          "          - Deployment is a manual checklist",
                          "          - An image freezes the app with its environment",
                          f"        notes: Slide {n} walks through the four problems, one by one."]
    return "\n".join(lines) + "\n"


# -- watch ---------------------------------------------------------------------------------------

TEXT_LINE = re.compile(r'^(?P<lead>\s*- \{ko: ")(?P<ko>[^"]*)(?P<mid>", en: ")(?P<en>[^"]*)(?P<tail>"\}\s*)$')


def edit_targets(text: str) -> int:
    """The index of the first line holding a bullet with a Korean and an English text."""
    for i, line in enumerate(text.splitlines(keepends=True)):
        if TEXT_LINE.match(line):
            return i
    raise BenchError("no bullet line of the form - {ko: \"...\", en: \"...\"} to edit in the deck")


def edited(text: str, index: int, language: str, on: bool) -> str:
    """``text`` with one character added to (or taken from) the ``language`` text of line ``index``."""
    lines = text.splitlines(keepends=True)
    match = TEXT_LINE.match(lines[index])
    parts = match.groupdict()
    if on:
        parts[language] += "!"
    lines[index] = "".join(parts[k] for k in ("lead", "ko", "mid", "en", "tail"))
    return "".join(lines)


class Watching:
    """A ``slidegen watch`` process and the lines it prints, each stamped when it arrived."""

    def __init__(self, cmd: list[str], env: dict[str, str]):
        self.lines: queue.Queue = queue.Queue()
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
                                     text=True, encoding="utf-8", bufsize=1)
        for stream, name in ((self.proc.stdout, "out"), (self.proc.stderr, "err")):
            threading.Thread(target=self._read, args=(stream, name), daemon=True).start()

    def _read(self, stream, name: str) -> None:
        for line in stream:
            self.lines.put((time.perf_counter(), name, line.rstrip("\n")))

    def wait_for(self, pattern: str, timeout: float) -> None:
        deadline = time.perf_counter() + timeout
        while True:
            try:
                _, name, line = self.lines.get(timeout=max(0.01, deadline - time.perf_counter()))
            except queue.Empty:
                raise BenchError(f"slidegen watch printed no '{pattern}' in {timeout:.0f} s") from None
            if name == "err" and "error" in line.lower() and pattern not in line:
                say(f"    watch: {line}")
            if pattern in line:
                return

    def batch(self, timeout: float = 60.0, quiet: float = 0.6) -> list[tuple[float, str, str]]:
        """The lines of the next rebuild: the first line, and every line until ``quiet`` s pass."""
        got = [self.lines.get(timeout=timeout)]
        while True:
            try:
                got.append(self.lines.get(timeout=quiet))
            except queue.Empty:
                return got

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()


def measure_watch(deck: Path, env: dict[str, str], runs: int) -> list[Figure]:
    """Time rebuilds after one-line text changes, from the write to the last line printed."""
    say("  slidegen watch ...")
    folder = Path(tempfile.mkdtemp(prefix="slidegen-bench-watch-"))
    try:
        shutil.copytree(deck.parent, folder / "content", ignore=shutil.ignore_patterns("*.pptx"))
        copy = folder / "content" / deck.name
        text = copy.read_text(encoding="utf-8")
        index = edit_targets(text)
        watching = Watching(slidegen("watch", str(copy), "--out", str(folder / "out")), env)
        figures = []
        try:
            watching.wait_for("watching", timeout=600)
            for language, label in (("ko", "Korean"), ("en", "English")):
                figure = Figure(f"watch: one-line {label} text change")
                rebuilt = set()
                for run in range(runs * 2):
                    time.sleep(0.4)
                    started = time.perf_counter()
                    copy.write_text(edited(text, index, language, on=run % 2 == 0), encoding="utf-8")
                    lines = watching.batch()
                    decks = [line for _, name, line in lines if name == "out" and ".pptx:" in line]
                    problems = [line for _, name, line in lines if name == "err"]
                    if problems:
                        raise BenchError("slidegen watch reported:\n" + "\n".join(problems))
                    rebuilt.add(len(decks))
                    figure.samples.append(Sample(lines[-1][0] - started, 0.0, 0.0))
                figure.note = f"{'/'.join(map(str, sorted(rebuilt)))} deck(s) rebuilt per change"
                figures.append(figure)
        finally:
            code = watching.stop()
        if code != 0:
            raise BenchError(f"slidegen watch exited {code} on Ctrl-C (expected 0)")
        return figures
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- the report ----------------------------------------------------------------------------------

def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("--runs", type=int, default=5, help="timed runs per figure (default 5)")
    args.add_argument("--big-runs", type=int, default=3, help="timed runs for decks of 300 slides or more")
    args.add_argument("--sizes", default="100,300,1000", help="synthetic deck sizes (default 100,300,1000)")
    args.add_argument("--deck", type=Path, help="the deck (default: content/docker-01-basics.yaml)")
    args.add_argument("--post", type=Path, default=DOCKER_POST, help="the Markdown post for pandoc and extract")
    opts = args.parse_args(argv)
    deck = opts.deck.resolve() if opts.deck else DOCKER_DECK if DOCKER_DECK.exists() else FALLBACK_DECK
    opts.post = opts.post.resolve()
    sizes = [int(s) for s in opts.sizes.split(",") if s.strip()]
    runs = max(1, opts.runs)
    work = Path(tempfile.mkdtemp(prefix="slidegen-bench-"))
    pycache = work / "pycache"
    warm_cache = work / "cache-warm"
    env = child_env(warm_cache, pycache)
    figures: dict[str, Figure] = {}
    notes: list[str] = []
    try:
        say(f"slidegen benchmark: {deck.relative_to(ROOT) if deck.is_relative_to(ROOT) else deck}")
        out = work / "out"
        report = json.loads(run_once(slidegen("build", str(deck), "--out", str(out), "--json"), env).stdout)
        decks = report["decks"]
        chosen = next((d for d in decks if d["audience"] == "beginners"), decks[0])
        audience, slides = chosen["audience"], chosen["slides"]
        one = slidegen("build", str(deck), "--audience", audience, "--out", str(out), "-q")
        every = slidegen("build", str(deck), "--out", str(out), "-q")

        counter = iter(range(10_000))

        def fresh_cache() -> None:
            env_cold["SLIDEGEN_CACHE"] = str(work / f"cache-cold-{next(counter)}")

        env_cold = dict(env)
        bare = [PYTHON, str(ROOT / "bench" / "bare_pptx.py"), str(slides), str(work / "bare.pptx")]
        scenarios = [
            Scenario("cold", f"cold build, {audience} (empty diagram cache)", one, env_cold, runs, fresh_cache),
            Scenario("warm", f"warm build, {audience} ({slides} slides)", one, env, runs),
            Scenario("all", f"warm build, all {len(decks)} audiences", every, env, runs,
                     note=f"{sum(d['slides'] for d in decks)} slides"),
            Scenario("all1", f"warm build, all {len(decks)} audiences, 1 process", every,
                     child_env(warm_cache, pycache, SLIDEGEN_JOBS="1"), runs),
            Scenario("bare", f"bare python-pptx script, {slides} slides", bare, env, runs),
            Scenario("stack", "  the same, importing what a build imports", bare + ["--stack"], env, runs),
        ]
        pandoc = shutil.which("pandoc")
        if pandoc and opts.post.exists():
            version = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.split("\n")[0]
            scenarios.append(Scenario("pandoc", f"{version}, Docker post -> .pptx",
                                      [pandoc, str(opts.post), "-o", str(work / "pandoc.pptx")], env, runs))
        else:
            notes.append("pandoc: skipped (" + ("not installed" if not pandoc else f"no post at {opts.post}") + ")")
        if opts.post.exists():
            scenarios.append(Scenario("extract", "slidegen extract, Docker post",
                                      slidegen("extract", str(opts.post), "-o", str(work / "extracted.yaml"),
                                               "--force"), env, runs))
        else:
            notes.append(f"slidegen extract: skipped (no post at {opts.post})")
        for size in sizes:
            path = work / f"synthetic-{size}.yaml"
            path.write_text(synthetic_deck(size), encoding="utf-8")
            scenarios.append(Scenario(f"synthetic-{size}", f"synthetic deck, {size} slides",
                                      slidegen("build", str(path), "--out", str(out), "--json"), env,
                                      runs if size < 300 else opts.big_runs))
        figures.update(measure(scenarios))
        for size in sizes:
            figure = figures[f"synthetic-{size}"]
            built = json.loads(figure.samples[-1].stdout)["decks"][0]["slides"]
            figure.note = f"{built} slides, {1000 * figure.wall / built:.1f} ms per slide"

        try:
            for figure in measure_watch(deck, env, runs):
                figures[figure.label] = figure
        except BenchError as exc:
            notes.append(f"slidegen watch: failed: {exc}")
    except BenchError as exc:
        say(f"benchmark failed: {exc}")
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"slidegen benchmark: {platform.python_implementation()} {platform.python_version()}, {cores} cores, "
          f"load average {os.getloadavg()[0]:.1f} at the end")
    print(f"deck {deck.name}; medians of {runs} runs ({opts.big_runs} for 300+ slides), each after an untimed run")
    print()
    print(f"  {'':<46} {'wall s':>7} {'wall range':>11} {'cpu s':>7} {'peak MiB':>8}")
    for figure in figures.values():
        if not figure.label.startswith("watch"):
            print(figure.row())
    for figure in figures.values():
        if figure.label.startswith("watch"):
            spread = f"{min(s.wall for s in figure.samples):.2f}-{max(s.wall for s in figure.samples):.2f}"
            print(f"  {figure.label:<46} {figure.wall:7.2f} {spread:>11} {'':>7} {'':>8}  {figure.note}")
    for note in notes:
        print(f"  {note}")

    print()
    print("targets (ratios of medians from this run)")

    def target(ok: bool, text: str) -> None:
        print(f"  {verdict(ok)}  {text}")

    warm, cold, every, bare, stack = figures["warm"], figures["cold"], figures["all"], figures["bare"], figures["stack"]
    target(warm.wall <= 1.5 * bare.wall, f"warm build of one audience / bare python-pptx, same slide count: "
                                         f"{warm.wall / bare.wall:.2f}x (at most 1.5x)")
    print(f"        the bare script importing what a build imports: {stack.wall / bare.wall:.2f}x the bare "
          f"script; the build is {warm.wall / stack.wall:.2f}x that script")
    target(every.wall <= 2.5 * warm.wall, f"all audiences warm / one audience warm: {every.wall / warm.wall:.2f}x "
                                          f"(at most 2.5x; in one process {figures['all1'].wall / warm.wall:.2f}x)")
    target(cold.wall < 3 * warm.wall, f"cold build / warm build: {cold.wall / warm.wall:.2f}x (under 3x)")
    small, big = f"synthetic-{min(sizes)}", f"synthetic-{max(sizes)}"
    if small in figures and big in figures and small != big:
        ratio = figures[big].wall / figures[small].wall
        print(f"  {verdict(ratio <= 12)}  {max(sizes)} slides / {min(sizes)} slides: {ratio:.2f}x (at most 12x; "
              f"per slide {figures[big].wall / figures[small].wall * min(sizes) / max(sizes):.2f}x)")
    pandoc = figures.get("pandoc")
    for figure in (f for f in figures.values() if f.label.startswith("watch")):
        limit = "under 0.3 s" + (f" and under pandoc's {pandoc.wall:.2f} s" if pandoc else "")
        ok = figure.wall < 0.3 and (pandoc is None or figure.wall < pandoc.wall)
        target(ok, f"{figure.label}: {figure.wall:.2f} s ({limit})")
    if pandoc:
        target(warm.rss <= pandoc.rss, f"peak memory, warm one-audience build / pandoc: {warm.rss:.0f} / "
                                       f"{pandoc.rss:.0f} MiB (no more than pandoc)")
    else:
        print("  ----  peak memory against pandoc: pandoc not installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
