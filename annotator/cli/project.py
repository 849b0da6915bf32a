"""The project commands: new, import, info, export, check, backup, restore, sample, suggest,
train, open.

Each goes through the :class:`~annotator.core.Project` façade or a core service
module (backup, exporters, sample); ``open`` hands over to the window.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from annotator.cli._common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    CliError,
    end_progress,
    open_project,
    progress_printer,
    terminal_safe,
)
from annotator.core import wording


def cmd_new(args: argparse.Namespace) -> int:
    from annotator.core import Project

    with Project.create(args.project, codebook=args.codebook) as project:
        book = project.codebook
        print(f"created {args.project} (codebook {book.name} {book.version})")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from annotator.core import TaskState

    state = TaskState(progress_printer(args.quiet))
    with open_project(args.project) as project:
        if args.actors or args.outlets:
            if len(args.paths) != 1:
                raise CliError(f"--{'actors' if args.actors else 'outlets'} takes exactly one "
                               "CSV file")
            report = (project.import_actors_csv(args.paths[0]) if args.actors
                      else project.import_outlets_csv(args.paths[0]))
        else:
            report = project.import_paths(args.paths, text_column=args.text_column,
                                          language=args.language or "", state=state,
                                          unknown=args.unknown)
    if state.total:
        end_progress(args.quiet)
    if args.json:
        print(json.dumps({
            "imported": len(report.imported), "duplicates": len(report.duplicates),
            "annotations": report.annotations, "actors": report.actors,
            "rejected": [{"source": r.source, "line": r.line, "reason": r.reason}
                         for r in report.rejected],
            "skipped": [{"source": r.source, "reason": r.reason} for r in report.skipped],
        }, ensure_ascii=False, indent=2))
    else:
        print(report.summary())
        for rejection in report.rejected:
            print(f"  rejected {terminal_safe(str(rejection))}")
        for skipped in report.skipped:
            print(f"  skipped {terminal_safe(str(skipped))}")
    return EXIT_PROBLEMS if report.rejected else EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    with open_project(args.project, read_only=True) as project:
        info = project.info()
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2, sort_keys=True))
        return EXIT_OK
    print(f"{info['path']}: {wording.count(info['documents'], 'document')}, "
          f"{wording.count(info['actors'], 'actor')}, "
          f"codebook {info['codebook']['name']} {info['codebook']['version']}")
    print("languages: " + ", ".join(f"{k or '?'} {v}" for k, v in info["by_language"].items()))
    for name, counts in info["by_annotator"].items():
        detail = ", ".join(f"{k} {v}" for k, v in counts.items())
        print(f"annotator {name}: {detail}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from annotator.core import TaskState

    if args.spreadsheet_safe and args.format not in ("csv", "actors"):
        raise CliError("--spreadsheet-safe applies to --format csv and actors only")
    state = TaskState(progress_printer(args.quiet))
    with open_project(args.project, read_only=True) as project:
        if args.format == "native":
            count = project.exports.native(args.out, state=state,
                                          annotators=args.annotator or None, force=args.force)
            end_progress(args.quiet)
            print(f"wrote {wording.count(count, 'document')} to {args.out}")
            return EXIT_OK
        if args.format == "actors":
            from annotator.core.exporters.actors_csv import export_actors_csv

            warnings: list[str] = []
            count = export_actors_csv(project, Path(args.out), force=args.force,
                                      spreadsheet_safe=args.spreadsheet_safe,
                                      warnings=warnings)
            print(f"wrote {wording.count(count, 'actor')} to {args.out}")
            for warning in warnings:
                print(f"  warning: {terminal_safe(warning)}")
            return EXIT_OK
        result = _export_dataset(project, args, state)
    end_progress(args.quiet)
    print(result.summary())
    for warning in result.warnings:
        print(f"  warning: {terminal_safe(warning)}")
    return EXIT_OK


def _export_dataset(project: Any, args: argparse.Namespace, state: Any) -> Any:
    """Export in a dataset format (not native, not actors); the ExportResult."""
    from annotator.core.exporters import parse_source

    selection = parse_source(args.source, status=args.status, language=args.language,
                             batch_id=args.batch, keep_boilerplate=args.keep_boilerplate)
    options: dict[str, bool] = {"force": args.force}
    if args.predictions:
        options["predictions"] = True
    if args.spreadsheet_safe:
        options["spreadsheet_safe"] = True
    return project.exports.write(args.format, args.out, selection, state=state, **options)


def cmd_check(args: argparse.Namespace) -> int:
    from annotator.core import Project, backup
    from annotator.core.errors import NotAProjectError, SchemaTooNewError

    path = Path(args.project)
    if args.repair:
        done = Project.repair(path)
        for line in done or [f"{path}: the schema is as annotator creates it; nothing to repair"]:
            print(line)
    try:
        with open_project(args.project, read_only=True) as project:
            problems = project.check()
            in_boilerplate = project.spans_in_boilerplate()
    except (SchemaTooNewError, NotAProjectError):
        raise  # not damage: the refusal's own line says it, and nothing opens the file
    except Exception as exc:  # noqa: BLE001 - a damaged file can fail anywhere in the check
        damage = backup.damage(path)
        if damage is None:
            raise
        print(f"{path}: damaged ({damage or exc})")
        print(backup.damage_offer(path))
        return EXIT_PROBLEMS
    _print_sharing(path)
    if in_boilerplate:
        print(f"{args.project}: {in_boilerplate} span(s) inside boilerplate (allowed; left "
              "out of exports and agreement unless --keep-boilerplate is given)")
    if not problems:
        print(f"{args.project}: ok")
        return EXIT_OK
    for problem in problems:
        print(problem)
    if any(problem.startswith("schema:") for problem in problems):
        print(f"the project opens read-only until `annotator check --repair {path}` (which "
              "backs it up first) or a restore gives it the schema annotator creates")
    if not all(problem.startswith("schema:") for problem in problems):
        print(backup.damage_offer(path))
    return EXIT_PROBLEMS


def _print_sharing(path: Path) -> None:
    """An unsafe folder (network share, sync client) and who else has the project open."""
    from annotator.core import presence

    unsafe = presence.unsafe_location(path)
    if unsafe:
        print(f"warning: {unsafe}")
    others = presence.describe_others(presence.others(path))
    if others:
        print(f"note: {path.name} is {others}")


def cmd_redetect(args: argparse.Namespace) -> int:
    """Re-run header and boilerplate detection; print what would change (or changed)."""
    with open_project(args.project, read_only=args.dry_run) as project:
        found = project.redetect(apply=not args.dry_run)
    for item in found:
        print(f"document {item.doc_id} ({terminal_safe(item.source_file)}):")
        for line in item.lines():
            print(f"  {terminal_safe(line)}")
    verb = "would change" if args.dry_run else "changed"
    print(f"{len(found)} document(s) {verb}; annotations are never touched")
    return EXIT_OK


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
    with open_project(args.project, read_only=True) as project:
        copy = project.backups.take()
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
    with open_project(args.project, read_only=True) as project:
        doc_ids = [args.doc] if args.doc is not None else [d.id for d in project.documents()]
        rows = []
        for doc_id in doc_ids:
            for found in project.suggestions.find(doc_id, args.annotator, args.layer or None,
                                             suggesters=args.suggester or None):
                rows.append(_suggestion_row(doc_id, found))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for row in rows:
        target = row.get("value") or (row.get("actor") or {}).get("key", "")
        print(f"{row['document']}\t{row['start']}\t{row['end']}\t{row['layer']}\t"
              f"{row['text']}\t{target}\t{row['confidence']:.2f}\t{row['source']}")
    return EXIT_OK


def cmd_train(args: argparse.Namespace) -> int:
    """Train the project's learned suggester and print its training set and quality."""
    from annotator.core import TaskState

    state = TaskState(progress_printer(args.quiet))
    with open_project(args.project, read_only=True) as project:
        fresh = project.suggestions.new_finished()
        try:
            result = project.suggestions.train(engine=args.engine, state=state)
        finally:
            if state.total:
                end_progress(args.quiet)
        history = project.suggestions.model_history()
    meta = result.meta
    if args.json:
        print(json.dumps(meta, ensure_ascii=False, indent=2))
        return EXIT_OK
    training, evaluation = meta["training"], meta["evaluation"]
    print(f"model v{result.version} trained in {result.seconds:.1f} s ({meta['engine']}) "
          f"into {result.folder}")
    print(f"learned from {training['annotations']} finished annotations of "
          f"{len(training['documents'])} documents ({training['from_gold']} gold, "
          f"{training['accepted_suggestions']} accepted suggestions, "
          f"{training['rejections']} rejections); "
          f"{len(training['held_out'])} documents held out")
    for layer, figures in evaluation.get("layers", {}).items():
        for source, f in figures.items():
            print(f"  {layer:<7} {source:<9} P {f['precision']:.2f}  R {f['recall']:.2f}  "
                  f"F1 {f['f1']:.2f}  accepted {f['acceptance']:.2f}  ({f['suggested']} "
                  f"suggested, {f['true']} marked)")
    for name, f in evaluation.get("fields", {}).items():
        print(f"  {name:<17} accuracy {f['accuracy']:.2f} (majority {f['majority_baseline']:.2f}"
              f", {f['examples']} held out)")
    if evaluation.get("note"):
        print(f"  {evaluation['note']}")
    for reason in meta["skipped"]:
        print(f"  not learned: {reason}")
    print(f"{fresh} finished documents were new to this model")
    if len(history) > 1:
        print("held-out F1 by version: " + ", ".join(
            f"v{h['version']} " + " ".join(
                f"{layer} {f['learned']['f1']:.2f}"
                for layer, f in h.get("evaluation", {}).get("layers", {}).items())
            for h in history))
    return EXIT_OK


def cmd_next(args: argparse.Namespace) -> int:
    """The unstarted documents the learned model is least sure about."""
    with open_project(args.project, read_only=True) as project:
        ranked = project.suggestions.least_certain(args.annotator, limit=args.limit)
    for doc_id, score, reason in ranked[:args.n]:
        print(f"{doc_id}\t{score:.3f}\t{reason}")
    return EXIT_OK


def _suggestion_row(doc_id: int, found: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"document": doc_id, "start": found.start, "end": found.end,
                           "layer": found.layer, "text": found.text, "rule": found.rule,
                           "source": found.source, "confidence": round(found.score, 4)}
    if found.layer == "ACTOR":
        row["actor"] = {"key": found.actor_key, "name": found.actor_name} \
            if found.actor_key else None
    elif found.layer == "DATE":
        row["value"] = found.attributes.get("value", "")
        row["precision"] = found.attributes.get("precision", "")
        row["mod"] = found.attributes.get("mod", "")
    return row


def cmd_open(args: argparse.Namespace) -> int:
    if args.project and Path(args.project).is_file():
        from annotator.core import Project, backup
        from annotator.core.errors import NotAProjectError, ProjectFileError

        try:
            Project.refuse_unusable(args.project)  # not ours, or too new: nothing written
        except NotAProjectError:
            raise
        except ProjectFileError:
            reason = backup.probe(Path(args.project))
            if reason is None:
                raise
            raise CliError(f"{args.project} is damaged ({reason}); "
                           f"{backup.damage_offer(Path(args.project))}") from None
    from annotator.cli.review import window_problem

    problem = window_problem()
    if problem is not None:
        print(f"annotator: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    from annotator.gui.app import run_gui

    return run_gui(args.project)


# ------------------------------------------------------------------------ parsers


def add_parsers(sub: Any) -> None:
    """Register new, import, info, export, check, backup, restore, sample, suggest and train."""
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
    p.add_argument("--unknown", choices=("refuse", "add", "metadata"), default="refuse",
                   help="Label Studio labels, fields and choices the codebook lacks: refuse "
                        "the file (the default; all are listed before any work), add them "
                        "to a new codebook version, or keep them in each document's "
                        "metadata (labelstudio_unknown)")
    p.add_argument("--outlets", action="store_true", help="the file is an outlet list CSV "
                   "(name, domains, signatures, grade; | between several)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("info", help="counts by language, annotator and status")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_info)

    _add_export_parser(sub)
    _add_file_parsers(sub)
    _add_suggest_parser(sub)


def _add_export_parser(sub: Any) -> None:
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
    p.add_argument("--keep-boilerplate", action="store_true",
                   help="keep spans inside boilerplate (site chrome), left out by default")
    p.add_argument("--predictions", action="store_true",
                   help="labelstudio: write predictions instead of annotations")
    p.add_argument("--force", action="store_true",
                   help="replace an existing file or an earlier export at --out")
    p.add_argument("--spreadsheet-safe", action="store_true",
                   help="csv, actors: prefix ' to text cells starting with = + - @ tab or CR, "
                   "so a spreadsheet never runs them as formulas")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_export)


def _add_file_parsers(sub: Any) -> None:
    """check, backup, restore and sample: the project file itself."""
    p = sub.add_parser("check", help="schema, integrity, foreign keys, text hashes and "
                       "every annotation against the codebook")
    p.add_argument("project")
    p.add_argument("--repair", action="store_true",
                   help="back the file up, then drop schema objects annotator did not create "
                   "and recreate the indexes and triggers it needs")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("redetect", help="re-run title, date, outlet, claim and boilerplate "
                       "detection on imported documents (annotations are never touched)")
    p.add_argument("project")
    p.add_argument("--dry-run", action="store_true",
                   help="only print what would change")
    p.set_defaults(func=cmd_redetect)

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


def _add_suggest_parser(sub: Any) -> None:
    p = sub.add_parser("suggest", help="print actor and date suggestions")
    p.add_argument("project")
    p.add_argument("--doc", type=int, help="only this document id")
    p.add_argument("--annotator", help="hide this annotator's spans and rejections")
    p.add_argument("--layer", action="append", help="only this layer (repeatable)")
    p.add_argument("--suggester", action="append",
                   help="run this suggester (repeatable; default: actors and dates; "
                        "'learned' is the project's trained model)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_suggest)

    p = sub.add_parser("train", help="train the project's own suggester on finished documents")
    p.add_argument("project")
    p.add_argument("--engine", choices=["crf", "linear"], default="crf",
                   help="span tagger: a CRF (default) or a per-token linear model")
    p.add_argument("--json", action="store_true", help="print the model's record as JSON")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("next", help="the unstarted documents the learned model is least sure of")
    p.add_argument("project")
    p.add_argument("--annotator", required=True)
    p.add_argument("-n", type=int, default=5, help="how many to print")
    p.add_argument("--limit", type=int, default=300, help="how many documents to score")
    p.set_defaults(func=cmd_next)


def add_open_parser(sub: Any) -> None:
    """Register ``open``, the command :func:`annotator.cli.main` runs when none is given."""
    p = sub.add_parser("open", help="open the window (on a project, if given)")
    p.add_argument("project", nargs="?")
    p.set_defaults(func=cmd_open)
