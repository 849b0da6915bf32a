"""The team commands: assign (write one package per annotator), merge (take them back), progress.

See docs/team-workflow.md for the workflow these serve.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from annotator.cli._common import EXIT_OK, EXIT_PROBLEMS, CliError, open_project
from annotator.core.wording import count


def cmd_assign(args: argparse.Namespace) -> int:
    with open_project(args.project) as project:
        doc_ids = _doc_ids(project, args.docs, args.all)
        if doc_ids:
            plan = project.team.assign(doc_ids, args.annotator, overlap=args.overlap,
                                       seed=args.seed)
        else:
            assigned = project.team.assignments()
            plan = {name: assigned.get(name, []) for name in args.annotator}
            empty = [name for name, docs in plan.items() if not docs]
            if empty:
                raise CliError(f"nothing is assigned to {', '.join(empty)}; "
                               "give --docs or --all")
        infos = project.team.write_packages(args.out, plan)
    for info in infos:
        print(f"wrote {info.path} for {info.annotator} ({count(info.documents, 'document')})")
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
    with open_project(args.project) as project:
        for path in args.packages:
            try:
                report = project.team.merge(path, dry_run=args.dry_run)
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
    with open_project(args.project, read_only=True) as project:
        rows = project.team.progress()
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


def add_parsers(sub: Any) -> None:
    """Register assign, merge and progress: the offline team workflow."""
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
