"""Command-line entry points for agreement and review, for ``annotator/cli.py`` to wire.

``cmd_agreement`` imports no Qt (it runs on servers and in CI); ``cmd_review``
opens the review window on its own. :func:`add_parsers` registers both
sub-commands on the CLI's sub-parser object::

    annotator agreement PROJECT [--json] [--html FILE] [--csv FILE]
                                [--annotator NAME ...] [--bootstrap N] [--quiet]
    annotator review PROJECT [--reviewer NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from annotator.core.outputs import atomic_file, check_target


def cmd_agreement(args: argparse.Namespace) -> int:
    """Compute the agreement report; print it (a table, or JSON) and write HTML/CSV files."""
    from annotator.core import TaskState
    from annotator.core.agreement.report import agreement_report, report_csv, report_html

    path = Path(args.project)
    if not path.is_file():
        raise FileNotFoundError(f"no project file {path}")
    force = getattr(args, "force", False)
    outputs = {name: check_target(getattr(args, name), kind="file", project=path, force=force)
               for name in ("html", "csv") if getattr(args, name, None)}
    state = TaskState(_progress_printer(getattr(args, "quiet", False)))
    from annotator.cli import _project

    with _project(str(path), read_only=True) as project:
        report = agreement_report(project, annotators=getattr(args, "annotator", None) or None,
                                  bootstrap=getattr(args, "bootstrap", 200), state=state)
    if _is_tty_progress(getattr(args, "quiet", False)):
        print(file=sys.stderr)
    if "html" in outputs:
        with atomic_file(outputs["html"]) as tmp:
            tmp.write_text(report_html(report, f"Agreement report — {path.name}"),
                           encoding="utf-8")
    if "csv" in outputs:
        with atomic_file(outputs["csv"]) as tmp, tmp.open("w", encoding="utf-8",
                                                         newline="") as handle:
            handle.write(report_csv(report))
    if getattr(args, "json", False):
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_table(report)
    return 0


def _print_table(report: dict[str, Any]) -> None:
    print(f"annotators: {', '.join(report['annotators'])}; documents coded by all: "
          f"{report['documents']}")
    for entry in report["entries"]:
        value = "n/a" if entry["value"] is None else f"{entry['value']:.3f}"
        low, high = entry["ci"]
        ci = "" if low is None else f"[{low:.3f}, {high:.3f}]"
        print(f"{entry['group']}\t{entry['field']}\t{entry['coefficient']}\t{value}\t{ci}\t"
              f"n={entry['n_units']}\tdisagreements={len(entry['disagreements'])}")


def _is_tty_progress(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()


def _progress_printer(quiet: bool) -> Any:
    if not _is_tty_progress(quiet):
        return None

    def show(done: int, total: int, message: str) -> None:
        print(f"\r{done}/{total} {message[:60]:<60}", end="", file=sys.stderr, flush=True)

    return show


def cmd_review(args: argparse.Namespace) -> int:
    """Open the review window on its own on ``args.project``; returns when it is closed."""
    path = Path(args.project)
    if not path.is_file():
        raise FileNotFoundError(f"no project file {path}")
    from annotator.gui import app as composition
    from annotator.gui.review.launch import open_review_window
    from annotator.gui.settings import Settings

    # the composition root's QApplication: its style and the PySide6 6.12 None guard
    app = composition._application()
    window = open_review_window(path, None, reviewer=getattr(args, "reviewer", "") or "",
                                settings=Settings())
    window.raise_()
    return int(app.exec())


def add_parsers(sub: Any) -> None:
    """Register ``agreement`` and ``review`` on the CLI's ``add_subparsers()`` object."""
    p = sub.add_parser("agreement", help="inter-annotator agreement report")
    p.add_argument("project")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--html", metavar="FILE", help="also write the report as HTML")
    p.add_argument("--csv", metavar="FILE", help="also write the report as CSV")
    p.add_argument("--force", action="store_true",
                   help="replace existing --html/--csv files")
    p.add_argument("--annotator", action="append",
                   help="only these annotators (repeatable; default: all)")
    p.add_argument("--bootstrap", type=int, default=200,
                   help="bootstrap samples for the 95%% intervals (0: none; default 200)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(func=cmd_agreement)

    p = sub.add_parser("review", help="open the disagreement review window on a project")
    p.add_argument("project")
    p.add_argument("--reviewer", help="your name, recorded with each decision")
    p.set_defaults(func=cmd_review)
