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
    """Open a project; a reading command on an older schema upgrades it first (with a
    backup taken by the migration), since a read-only connection cannot."""
    from annotator.core import Project
    from annotator.core.errors import ProjectFileError
    from annotator.core.store.db import read_only_reason

    try:
        return Project.open(path, read_only=read_only)
    except ProjectFileError as exc:
        if not read_only or "schema upgrade" not in str(exc) or read_only_reason(Path(path)):
            raise
    Project.open(path).close()  # migrates, after backing the file up
    print(f"annotator: upgraded {path} to the current schema (a backup was taken first)",
          file=sys.stderr)
    return Project.open(path, read_only=True)


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
            count = project.export_native(args.out, state=state, annotators=annotators,
                                          force=args.force)
            if sys.stderr.isatty() and not args.quiet:
                print(file=sys.stderr)
            print(f"wrote {count} documents to {args.out}")
            return EXIT_OK
        if args.format == "actors":
            from annotator.core.exporters.actors_csv import export_actors_csv

            count = export_actors_csv(project, Path(args.out), force=args.force)
            print(f"wrote {count} actors to {args.out}")
            return EXIT_OK
        from annotator.core.exporters import parse_source

        selection = parse_source(args.source, status=args.status, language=args.language,
                                 batch_id=args.batch)
        options: dict[str, bool] = {"force": args.force}
        if args.predictions:
            options["predictions"] = True
        result = project.export(args.format, args.out, selection, state=state, **options)
    if sys.stderr.isatty() and not args.quiet:
        print(file=sys.stderr)
    print(result.summary())
    for warning in result.warnings:
        print(f"  warning: {warning}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from annotator.core import backup

    path = Path(args.project)
    try:
        with _project(args.project, read_only=True) as project:
            problems = project.check()
    except Exception as exc:  # noqa: BLE001 - a damaged file can fail anywhere in the check
        damage = _damage(path)
        if damage is None:
            raise
        print(f"{path}: damaged ({damage or exc})")
        print(backup.damage_offer(path))
        return EXIT_PROBLEMS
    if not problems:
        print(f"{args.project}: ok")
        return EXIT_OK
    for problem in problems:
        print(problem)
    print(backup.damage_offer(path))
    return EXIT_PROBLEMS


def _damage(path: Path) -> str | None:
    """The first integrity problem of an existing file, '' if it cannot be read, else None."""
    from annotator.core.store.maintenance import verify_file

    if not path.is_file():
        return None
    problems = verify_file(path)
    return problems[0] if problems else None


def cmd_backup(args: argparse.Namespace) -> int:
    from annotator.core import backup

    path = Path(args.project)
    if args.list:
        backups = backup.list_backups(path)
        for info in backups:
            print(info.describe())
        if not backups:
            print(f"no backups in {backup.backup_dir(path)}")
        return EXIT_OK
    with _project(args.project, read_only=True) as project:
        copy = project.backup()
    print(f"backed up {path} to {copy}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from annotator.core import backup

    path = Path(args.project)
    if args.source is None and not args.latest:
        for info in backup.list_backups(path):
            print(info.describe())
        print("choose the backup with --from FILE, or --latest for the latest good one",
              file=sys.stderr)
        return EXIT_USAGE
    chosen, saved = backup.restore_file(path, Path(args.source) if args.source else None,
                                        include_restore_copies=args.include_restore_copies)
    print(f"restored {path} from {chosen}")
    print(f"the file it replaced is kept as {saved}")
    return EXIT_OK


def cmd_sample(args: argparse.Namespace) -> int:
    from annotator.core.sample import build_sample_project

    path = build_sample_project(Path(args.project), force=args.force)
    print(f"sample project ready: {path}")
    return EXIT_OK


def cmd_suggest(args: argparse.Namespace) -> int:
    with _project(args.project, read_only=True) as project:
        doc_ids = [args.doc] if args.doc is not None else [d.id for d in project.documents()]
        rows = []
        for doc_id in doc_ids:
            for found in project.suggestions(doc_id, args.annotator, args.layer or None,
                                             suggesters=args.suggester or None):
                rows.append(_suggestion_row(doc_id, found))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:
        target = row.get("value") or (row.get("actor") or {}).get("key", "")
        print(f"{row['document']}\t{row['start']}\t{row['end']}\t{row['layer']}\t"
              f"{row['text']}\t{target}")
    return EXIT_OK


def _suggestion_row(doc_id: int, found: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"document": doc_id, "start": found.start, "end": found.end,
                           "layer": found.layer, "text": found.text, "rule": found.rule}
    if found.layer == "ACTOR":
        row["actor"] = {"key": found.actor_key, "name": found.actor_name} \
            if found.actor_key else None
    elif found.layer == "DATE":
        row["value"] = found.attributes.get("value", "")
        row["precision"] = found.attributes.get("precision", "")
        row["mod"] = found.attributes.get("mod", "")
    return row


def cmd_assign(args: argparse.Namespace) -> int:
    from annotator.core import team

    with _project(args.project) as project:
        doc_ids = _doc_ids(project, args.docs, args.all)
        if doc_ids:
            plan = project.assign(doc_ids, args.annotator, overlap=args.overlap, seed=args.seed)
        else:
            assigned = team.assignments(project)
            plan = {name: assigned.get(name, []) for name in args.annotator}
            empty = [name for name, docs in plan.items() if not docs]
            if empty:
                raise CliError(f"nothing is assigned to {', '.join(empty)}; "
                               "give --docs or --all")
        infos = project.write_packages(args.out, plan)
    for info in infos:
        print(f"wrote {info.path} for {info.annotator} ({info.documents} documents)")
    return EXIT_OK


def _doc_ids(project: Any, spec: str | None, everything: bool) -> list[int]:
    """--docs '1-20,25' or --all -> document ids; [] when neither was given."""
    if everything:
        return [d.id for d in project.documents()]
    if not spec:
        return []
    ids: list[int] = []
    for part in spec.split(","):
        first, _, last = part.strip().partition("-")
        if not first.isdigit() or (last and not last.isdigit()):
            raise CliError(f"--docs: {part.strip()!r} is not a number or a range like 1-20")
        ids.extend(range(int(first), int(last or first) + 1))
    return ids


def cmd_merge(args: argparse.Namespace) -> int:
    from annotator.core.errors import PackageError

    reports, refused = [], 0
    with _project(args.project) as project:
        for path in args.packages:
            try:
                report = project.merge_package(path, dry_run=args.dry_run)
            except PackageError as exc:
                print(f"annotator: refused {path}: {exc}", file=sys.stderr)
                refused += 1
                continue
            reports.append(report)
            if not args.json:
                print(report.summary())
                for line in [*report.warnings, *(f"kept {k}" for k in report.kept)]:
                    print(f"  {line}")
    if args.json:
        print(json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2))
    return EXIT_PROBLEMS if refused else EXIT_OK


def cmd_progress(args: argparse.Namespace) -> int:
    with _project(args.project, read_only=True) as project:
        rows = project.progress_by_annotator()
    if args.json:
        print(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not rows:
        print("no documents are assigned")
        return EXIT_OK
    width = max(9, *(len(r.annotator) for r in rows))
    print(f"{'annotator':<{width}}  assigned  not started  in progress  done  returned")
    for r in rows:
        print(f"{r.annotator:<{width}}  {r.assigned:>8}  {r.not_started:>11}  "
              f"{r.in_progress:>11}  {r.done:>4}  {r.packages_in:>8}")
    return EXIT_OK


def cmd_open(args: argparse.Namespace) -> int:
    if args.project and Path(args.project).is_file():
        from annotator.core import backup

        reason = backup.probe(Path(args.project))
        if reason is not None:
            raise CliError(f"{args.project} is damaged ({reason}); "
                           f"{backup.damage_offer(Path(args.project))}")
    from annotator.gui.app import run_gui

    return run_gui(args.project)


def _add_team_commands(sub: Any) -> None:
    """assign, merge and progress: the offline team workflow."""
    p = sub.add_parser("assign", help="assign documents and write one package per annotator")
    p.add_argument("project")
    p.add_argument("--annotator", action="append", required=True,
                   help="an annotator to assign to (repeatable)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--docs", help="document ids, e.g. 1-20,25 (default: what is "
                       "already assigned)")
    group.add_argument("--all", action="store_true", help="every document")
    p.add_argument("--overlap", type=float, help="split the documents, this fraction "
                   "(e.g. 0.1) shared by all; default: every annotator gets every document")
    p.add_argument("--seed", type=int, default=0, help="seed of the random split")
    p.add_argument("--out", required=True, help="folder for the package files")
    p.set_defaults(func=cmd_assign)

    p = sub.add_parser("merge", help="merge returned annotator packages")
    p.add_argument("project")
    p.add_argument("packages", nargs="+")
    p.add_argument("--dry-run", action="store_true", help="report, change nothing")
    p.add_argument("--json", action="store_true", help="print the reports as JSON")
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser("progress", help="assigned, not started, in progress, done per annotator")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_progress)


def _add_export_command(sub: Any) -> None:
    from annotator.core.exporters import FORMATS

    p = sub.add_parser("export", help="write the project in a dataset format")
    p.add_argument("project")
    p.add_argument("--format", default="native",
                   choices=["native", "actors", *sorted(FORMATS)],
                   help="native (lossless JSONL, the default), actors (registry CSV) or a "
                   "dataset format")
    p.add_argument("--out", required=True)
    p.add_argument("--annotator", action="append",
                   help="native: only this annotator (repeatable)")
    p.add_argument("--source", default="all", help="all | NAME | gold | gold-fallback:NAME")
    p.add_argument("--status", choices=["not_started", "in_progress", "done"])
    p.add_argument("--language")
    p.add_argument("--batch", type=int, help="import batch id")
    p.add_argument("--predictions", action="store_true",
                   help="labelstudio: write predictions instead of annotations")
    p.add_argument("--force", action="store_true",
                   help="replace an existing file or an earlier export at --out")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_export)


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

    _add_export_command(sub)

    p = sub.add_parser("check", help="integrity, foreign keys and text hashes")
    p.add_argument("project")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backup", help="copy the project into PROJECT.backups/ now")
    p.add_argument("project")
    p.add_argument("--list", action="store_true", help="list the backups instead")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="replace the project with a backup (kept first)")
    p.add_argument("project")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--from", dest="source", metavar="FILE", help="the backup to restore")
    group.add_argument("--latest", action="store_true", help="the latest good backup")
    p.add_argument("--include-restore-copies", action="store_true",
                   help="--latest may pick a copy an earlier restore took of what it replaced")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("sample", help="build the bundled sample project")
    p.add_argument("project", nargs="?", default="sample_project/sample.annotator")
    p.add_argument("--force", action="store_true", help="rebuild even if it exists")
    p.set_defaults(func=cmd_sample)

    p = sub.add_parser("suggest", help="print actor and date suggestions")
    p.add_argument("project")
    p.add_argument("--doc", type=int, help="only this document id")
    p.add_argument("--annotator", help="hide this annotator's spans and rejections")
    p.add_argument("--layer", action="append", help="only this layer (repeatable)")
    p.add_argument("--suggester", action="append",
                   help="run this suggester (repeatable; default: actors and dates)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_suggest)

    _add_team_commands(sub)
    from annotator.gui.screenshot_cli import add_parser as add_screenshot

    add_screenshot(sub)
    from annotator.gui.review.cli_commands import add_parsers as add_review_commands

    add_review_commands(sub)

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
        from annotator.core.store.maintenance import translate

        mapped = translate(exc)
        return str(mapped) if mapped is not None else f"database problem: {exc}"
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": ")
    return str(exc) or type(exc).__name__


if __name__ == "__main__":
    sys.exit(main())
