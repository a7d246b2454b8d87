"""Arguments in, exit codes out: the only place that turns errors into exit codes."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from pathlib import Path

from .errors import Problem, SlidegenError

BUG = 1


def cmd_build(args) -> int:
    """Build decks into the output folder."""
    from .build import build
    if args.pdf or args.png:  # a missing LibreOffice stops the build before anything is written
        from .export import find_tools
        find_tools()
    results = build(args.decks or None, Path(args.out), audience=args.audience, strict=args.strict,
                    theme_name=args.theme, allow_outside=args.allow_outside, template=args.template,
                    layouts=layout_options(args.layout))
    for built in results:
        for warning in built.warnings:
            print(warning, file=sys.stderr)
    if args.json:
        print(json.dumps({"decks": [b.report() for b in results]}, ensure_ascii=False, indent=2))
    elif not args.quiet:
        for b in results:
            limit = f" of {b.class_minutes}" if b.class_minutes else ""
            print(f"{b.path}: {b.slides} slides, {b.minutes:g}{limit} minutes ({b.audience}, {b.language})",
                  file=sys.stderr)
    if args.pdf or args.png:
        from .export import export_decks
        export_decks([Path(b.path) for b in results], pdf=args.pdf, png=args.png,
                     progress=None if args.quiet or args.json else _progress)
    return 0


def _progress(line: str) -> None:
    print(line, file=sys.stderr)


def cmd_check(args) -> int:
    """Render decks through LibreOffice and report layout problems; exit 1 when there are any."""
    from .export import check
    reports = check(args.decks or None, audience=args.audience, progress=None if args.quiet else _progress)
    for report in reports:
        for warning in report.target.warnings:
            print(warning, file=sys.stderr)
    findings = [f for r in reports for f in r.findings]
    if args.json:
        print(json.dumps({"decks": [r.as_json() for r in reports], "problems": len(findings)},
                         ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            print(finding)
        if not args.quiet:
            print(f"{len(reports)} deck(s) checked: {len(findings) or 'no'} problem(s)", file=sys.stderr)
    return 1 if findings else 0


def layout_options(options: list[str]) -> dict[str, str]:
    """``--layout KIND=NAME`` options as a mapping; a malformed one is an input error."""
    from .layouts import parse_layout_options
    try:
        return parse_layout_options(options)
    except ValueError as exc:
        raise SlidegenError(Problem("--layout", message=str(exc))) from None


def cmd_layouts(args) -> int:
    """Show a template's layouts and placeholders, and which slide kinds slidegen puts on each."""
    from .layouts import KINDS, choose_layout, layout_names
    from .render.template import read_template, template_warnings
    info = read_template(args.template)
    names = layout_names(layout_options(args.layout))
    use: dict[str, list[str]] = {}
    for kind in KINDS:
        chosen, _ = choose_layout(kind, info.names, names)
        use.setdefault(chosen, []).append(kind)
    print(f"{args.template}: {info.width / 914400:.2f} x {info.height / 914400:.2f} in, "
          f"{len(info.layouts)} layouts, {info.slides} sample slides (not carried into decks)")
    for layout in info.layouts:
        kinds = ", ".join(use.get(layout.name, [])) or "-"
        print(f"  {layout.name!r} (master {layout.master + 1}): slidegen uses it for {kinds}")
        for ph in layout.placeholders:
            box = ph.box
            print(f"      {ph.type:<13} idx {ph.idx:<3} at {box.x / 914400:.2f},{box.y / 914400:.2f} in, "
                  f"{box.w / 914400:.2f} x {box.h / 914400:.2f} in")
    for message in template_warnings(info, names, set(KINDS)):
        print(f"warning: {message}")
    return 0


def prepare_all(args) -> tuple[list, list]:
    """Every deck of the arguments planned for every (or the chosen) audience, without rendering."""
    from .build import deck_files, each_audience, load, prepare
    loaded = load(deck_files(args.decks or None))
    return loaded, [prepare(deck, audience, theme) for deck, audience, theme in
                    each_audience(loaded, args.audience, None)]


def cmd_validate(args) -> int:
    """Check decks (and that they fit) without writing anything."""
    loaded, prepared = prepare_all(args)
    errors = [e for ready in prepared for e in ready.errors]
    warnings = [w for ready in prepared for w in ready.warnings]
    if args.strict:
        errors += warnings
    if errors:
        raise SlidegenError(sorted(set(errors)))
    for warning in sorted(set(warnings)):
        print(warning, file=sys.stderr)
    if not args.quiet:
        print(f"{len(loaded)} deck(s) valid", file=sys.stderr)
    return 0


def cmd_notes(args) -> int:
    """Write the lecture script (Markdown) of each deck for each audience."""
    from .build import write_atomic, writable
    from .script import lecture_script
    _, prepared = prepare_all(args)
    errors = [e for ready in prepared for e in ready.errors]
    scripts = [(f"{ready.loaded.name}-{ready.cut.audience.name}.md", lecture_script(ready)) for ready in prepared]
    if errors:
        raise SlidegenError(sorted(set(errors)))
    if args.stdout:
        print("\n".join(text for _, text in scripts), end="")
        return 0
    out = Path(args.out)
    writable(out)
    for name, text in scripts:
        write_atomic(out / name, text.encode("utf-8"))
        if not args.quiet:
            print(out / name, file=sys.stderr)
    return 0


def cmd_themes(args) -> int:
    """List the built-in themes."""
    from .theme import THEMES
    for name in sorted(THEMES):
        pal = THEMES[name].palette
        print(f"{name:10} background #{pal.background}  text #{pal.text}  accent #{pal.accent}")
    return 0


def cmd_extract(args) -> int:
    """Turn a Markdown post into a deck YAML: written to -o, or printed."""
    from .extract import extract_file, write
    extracted = extract_file(args.post, args.output, force=args.force)
    for warning in extracted.warnings:
        print(warning, file=sys.stderr)
    if args.output:
        write(extracted, args.output, force=args.force)
        print(f"{args.output}: written", file=sys.stderr)
    else:
        sys.stdout.write(extracted.text)
    return 0


def cmd_watch(args) -> int:
    """Build the decks, then rebuild what each save changes, until Ctrl-C."""
    from .watch import watch
    return watch(args.decks or None, Path(args.out), audience=args.audience, theme_name=args.theme,
                 template=args.template, layouts=layout_options(args.layout), strict=args.strict,
                 allow_outside=args.allow_outside)


def cmd_schema(args) -> int:
    """Print the JSON Schema of the deck YAML."""
    from .model import Deck
    schema = Deck.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "slidegen deck"
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0


class _Parser(argparse.ArgumentParser):
    """An argument parser whose mistakes are one-line input errors (exit 2), like every other."""

    def error(self, message: str):
        raise SlidegenError(Problem(self.prog, message=f"{message} (see '{self.prog} --help')"))


def deck_options(command: argparse.ArgumentParser) -> None:
    """The options of every command that builds decks: what, where, for whom, in which look."""
    command.add_argument("decks", nargs="*", help="deck files (default: content/*.yaml)")
    command.add_argument("--out", default="output", help="output folder (default: output)")
    command.add_argument("--audience", help="build this audience only")
    command.add_argument("--theme", help="a built-in theme for every deck")
    command.add_argument("--template", help="a .pptx or .potx to build on (its masters and layouts)")
    command.add_argument("--layout", action="append", default=[], metavar="KIND=NAME",
                         help="use the template's layout NAME for slide KIND (or 'default'); repeatable")
    command.add_argument("--strict", action="store_true", help="treat warnings as errors")
    command.add_argument("--allow-outside", action="store_true", help="allow pictures outside the deck's folder")


def parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    top = _Parser(prog="slidegen", description="YAML lectures -> PowerPoint decks.")
    sub = top.add_subparsers(dest="command", required=True, parser_class=_Parser)

    build = sub.add_parser("build", help="build decks into output/")
    deck_options(build)
    build.add_argument("--json", action="store_true", help="print a JSON report on stdout")
    build.add_argument("--pdf", action="store_true", help="also write a PDF next to each deck (LibreOffice)")
    build.add_argument("--png", action="store_true", help="also write slide PNGs and a contact sheet per deck")
    build.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    build.set_defaults(run=cmd_build)

    check = sub.add_parser("check", help="render decks through LibreOffice and report layout problems")
    check.add_argument("decks", nargs="*", help=".pptx decks or .yaml lectures (default: content/*.yaml)")
    check.add_argument("--audience", help="for lectures: check this audience only")
    check.add_argument("--json", action="store_true", help="print a JSON report on stdout")
    check.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    check.set_defaults(run=cmd_check)

    validate = sub.add_parser("validate", help="check decks without building")
    validate.add_argument("decks", nargs="*")
    validate.add_argument("--audience")
    validate.add_argument("--strict", action="store_true")
    validate.add_argument("-q", "--quiet", action="store_true")
    validate.set_defaults(run=cmd_validate)

    notes = sub.add_parser("notes", help="write the lecture script of each deck and audience (Markdown)")
    notes.add_argument("decks", nargs="*")
    notes.add_argument("--audience")
    notes.add_argument("--out", default="output", help="output folder (default: output)")
    notes.add_argument("--stdout", action="store_true", help="print the scripts instead of writing files")
    notes.add_argument("-q", "--quiet", action="store_true")
    notes.set_defaults(run=cmd_notes)

    layouts = sub.add_parser("layouts", help="list a template's layouts and how slidegen maps them")
    layouts.add_argument("template", help="a .pptx or .potx file")
    layouts.add_argument("--layout", action="append", default=[], metavar="KIND=NAME")
    layouts.set_defaults(run=cmd_layouts)

    themes = sub.add_parser("themes", help="list the built-in themes")
    themes.set_defaults(run=cmd_themes)

    extract = sub.add_parser("extract", help="turn a Markdown post into a deck YAML")
    extract.add_argument("post", help="the Markdown post (.md), with or without front matter")
    extract.add_argument("-o", "--output", help="the deck YAML to write (default: print it)")
    extract.add_argument("--force", action="store_true", help="overwrite an existing output file")
    extract.set_defaults(run=cmd_extract)

    watch = sub.add_parser("watch", help="rebuild decks on every save (Ctrl-C to stop)")
    deck_options(watch)
    watch.set_defaults(run=cmd_watch)

    schema = sub.add_parser("schema", help="print the JSON Schema of the deck YAML")
    schema.set_defaults(run=cmd_schema)
    return top


def main(argv: list[str] | None = None) -> int:
    """Run slidegen; returns the exit code (0 done, 2 bad input, 3 missing tool, 1 a bug)."""
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0)
    except SlidegenError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return exc.code
    # A one-shot command makes many objects that live until it ends and few that form cycles:
    # the collector's passes over them took about 50 ms of a warm build's 0.6 s and freed nearly
    # nothing (peak memory is the same without them). watch runs for hours and keeps collecting.
    pause = gc.isenabled() and args.run is not cmd_watch
    if pause:
        gc.disable()
    try:
        return args.run(args)
    except SlidegenError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("slidegen: interrupted; nothing was written", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the one place a bug becomes a message
        print(f"slidegen: this is a bug in slidegen: {type(exc).__name__}: {exc}", file=sys.stderr)
        if os.environ.get("SLIDEGEN_DEBUG"):
            raise
        return BUG
    finally:
        if pause:
            gc.enable()


def main_exit() -> None:
    """Console-script entry point."""
    sys.exit(main())
