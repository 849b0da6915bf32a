"""The command line: `annotator new|import|info|export|check|actors|sample|open|...`.

Every command goes through the :class:`~annotator.core.Project` façade. An
error is one line on stderr and a non-zero exit status, never a traceback
(``ANNOTATOR_DEBUG=1`` shows the traceback for bug reports).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_PROBLEMS = 0, 1, 2, 3


class CliError(Exception):
    """An error to print as one line."""


def _project(path: str, *, read_only: bool = False) -> Any:
    from annotator.core import Project

    return Project.open(path, read_only=read_only)


def cmd_new(args: argparse.Namespace) -> int:
    from annotator.core import Project

    with Project.create(args.project, codebook=args.codebook) as project:
        book = project.codebook
        print(f"created {args.project} (codebook {book.name} {book.version})")
    return EXIT_OK


def _progress_printer(quiet: bool) -> Callable[[int, int, str], None] | None:
    if quiet or not sys.stderr.isatty():
        return None

    def show(done: int, total: int, message: str) -> None:
        print(f"\r{done}/{total} {message[:60]:<60}", end="", file=sys.stderr, flush=True)

    return show


def cmd_import(args: argparse.Namespace) -> int:
    from annotator.core import TaskState

    state = TaskState(_progress_printer(args.quiet))
    with _project(args.project) as project:
        if args.actors:
            report = project.import_actors_csv(args.paths[0]) if len(args.paths) == 1 else None
            if report is None:
                raise CliError("--actors takes exactly one CSV file")
        else:
            report = project.import_paths(args.paths, text_column=args.text_column,
                                          language=args.language or "", state=state)
    if state.total and sys.stderr.isatty() and not args.quiet:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps({
            "imported": len(report.imported), "duplicates": len(report.duplicates),
            "annotations": report.annotations, "actors": report.actors,
            "rejected": [{"source": r.source, "line": r.line, "reason": r.reason}
                         for r in report.rejected],
        }, ensure_ascii=False, indent=2))
    else:
        print(report.summary())
        for rejection in report.rejected:
            print(f"  rejected {rejection}")
    return EXIT_PROBLEMS if report.rejected else EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    with _project(args.project, read_only=True) as project:
        info = project.info()
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2, sort_keys=True))
        return EXIT_OK
    print(f"{info['path']}: {info['documents']} documents, {info['actors']} actors, "
          f"codebook {info['codebook']['name']} {info['codebook']['version']}")
    print("languages: " + ", ".join(f"{k or '?'} {v}" for k, v in info["by_language"].items()))
    for name, counts in info["by_annotator"].items():
        detail = ", ".join(f"{k} {v}" for k, v in counts.items())
        print(f"annotator {name}: {detail}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from annotator.core import TaskState

    state = TaskState(_progress_printer(args.quiet))
    with _project(args.project, read_only=True) as project:
        if args.format == "native":
            annotators = args.annotator or None
            count = project.export_native(args.out, state=state, annotators=annotators)
            if sys.stderr.isatty() and not args.quiet:
                print(file=sys.stderr)
            print(f"wrote {count} documents to {args.out}")
            return EXIT_OK
        if args.format == "actors":
            from annotator.core.exporters.actors_csv import export_actors_csv

            count = export_actors_csv(project, Path(args.out))
            print(f"wrote {count} actors to {args.out}")
            return EXIT_OK
    raise CliError(f"unknown format {args.format!r}")


def cmd_check(args: argparse.Namespace) -> int:
    with _project(args.project, read_only=True) as project:
        problems = project.check()
    if not problems:
        print(f"{args.project}: ok")
        return EXIT_OK
    for problem in problems:
        print(problem)
    return EXIT_PROBLEMS


def cmd_sample(args: argparse.Namespace) -> int:
    from annotator.core.sample import build_sample_project

    path = build_sample_project(Path(args.project), force=args.force)
    print(f"sample project ready: {path}")
    return EXIT_OK


def cmd_open(args: argparse.Namespace) -> int:
    from annotator.gui.app import run_gui

    return run_gui(args.project)


def build_parser() -> argparse.ArgumentParser:
    from annotator import __version__

    parser = argparse.ArgumentParser(
        prog="annotator", description="Annotate news articles: actors, dates, demands and "
        "reliability. Without a command, opens the window.")
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("new", help="create an empty project file")
    p.add_argument("project")
    p.add_argument("--codebook", help="a codebook TOML file (default: the bundled one)")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("import", help="import article files or folders")
    p.add_argument("project")
    p.add_argument("paths", nargs="+")
    p.add_argument("--text-column", default="text", help="CSV column holding the text")
    p.add_argument("--language", help="set this language instead of detecting it")
    p.add_argument("--actors", action="store_true", help="the file is an actor registry CSV")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("info", help="counts by language, annotator and status")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("export", help="write the project in a dataset format")
    p.add_argument("project")
    p.add_argument("--format", default="native", choices=["native", "actors"])
    p.add_argument("--out", required=True)
    p.add_argument("--annotator", action="append", help="only this annotator (repeatable)")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("check", help="integrity, foreign keys and text hashes")
    p.add_argument("project")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("sample", help="build the bundled sample project")
    p.add_argument("project", nargs="?", default="sample_project/sample.annotator")
    p.add_argument("--force", action="store_true", help="rebuild even if it exists")
    p.set_defaults(func=cmd_sample)

    p = sub.add_parser("open", help="open the window (on a project, if given)")
    p.add_argument("project", nargs="?")
    p.set_defaults(func=cmd_open)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["open", *(argv or [])])
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("annotator: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the CLI's promise: one line, no traceback
        if os.environ.get("ANNOTATOR_DEBUG"):
            raise
        print(f"annotator: error: {_describe(exc)}", file=sys.stderr)
        return EXIT_ERROR


def _describe(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return str(exc.args[0]) if exc.args else "not found"
    if isinstance(exc, sqlite3.Error):
        return f"database problem: {exc}"
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
    return str(exc) or type(exc).__name__


if __name__ == "__main__":
    sys.exit(main())
