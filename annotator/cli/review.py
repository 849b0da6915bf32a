"""The reviewing commands: agreement (the report), review (its window), screenshot::

    annotator agreement PROJECT [--json] [--html FILE] [--csv FILE] [--force]
                                [--annotator NAME ...] [--bootstrap N] [--quiet]
    annotator review PROJECT [--reviewer NAME]
    annotator screenshot PROJECT --out FILE.png [--doc ID] [--annotator NAME] [--size WxH]
                         [--window main|review|agreement]

``agreement`` never imports Qt (it runs on servers and in CI); the other two
import the window code from :mod:`annotator.gui.app` when they run, so that
importing this module loads no Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from annotator.cli._common import EXIT_OK, EXIT_USAGE, end_progress, open_project, progress_printer
from annotator.core.outputs import atomic_file, check_target


def cmd_agreement(args: argparse.Namespace) -> int:
    """Compute the agreement report; print it (a table, or JSON) and write HTML/CSV files."""
    from annotator.core import TaskState
    from annotator.core.agreement.render import report_csv, report_html

    path = Path(args.project)
    if not path.is_file():
        raise FileNotFoundError(f"no project file {path}")
    force = getattr(args, "force", False)
    outputs = {name: check_target(getattr(args, name), kind="file", project=path, force=force)
               for name in ("html", "csv") if getattr(args, name, None)}
    quiet = getattr(args, "quiet", False)
    state = TaskState(progress_printer(quiet))
    with open_project(str(path), read_only=True) as project:
        report = project.review.agreement_report(getattr(args, "annotator", None) or None,
                                                 bootstrap=getattr(args, "bootstrap", 200),
                                                 state=state, keep_boilerplate=getattr(
                                                     args, "keep_boilerplate", False))
    end_progress(quiet)
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
    return EXIT_OK


def _print_table(report: dict[str, Any]) -> None:
    print(f"annotators: {', '.join(report['annotators'])}; documents coded by all: "
          f"{report['documents']}")
    for entry in report["entries"]:
        value = "n/a" if entry["value"] is None else f"{entry['value']:.3f}"
        low, high = entry["ci"]
        ci = "" if low is None else f"[{low:.3f}, {high:.3f}]"
        print(f"{entry['group']}\t{entry['field']}\t{entry['coefficient']}\t{value}\t{ci}\t"
              f"n={entry['n_units']}\tdisagreements={len(entry['disagreements'])}")


def window_problem() -> str | None:
    """Why no window can open here, checked before Qt loads (Qt would abort); None if it can.

    Also a Qt that cannot load at all (a system library missing) is named here.
    """
    from annotator.gui.display import display_problem

    problem = display_problem()
    if problem is not None:
        return problem
    try:
        import annotator.gui.app  # noqa: F401 - loads Qt: a missing library fails here
    except (ImportError, OSError) as exc:
        return (f"Qt cannot load ({exc}); install the missing system library, "
                "e.g. on Debian/Ubuntu: sudo apt install libegl1 libgl1 libxkbcommon0")
    return None


def cmd_review(args: argparse.Namespace) -> int:
    """Open the review window on its own on ``args.project``; returns when it is closed."""
    path = Path(args.project)
    if not path.is_file():
        raise FileNotFoundError(f"no project file {path}")
    problem = window_problem()
    if problem is not None:
        print(f"annotator: error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    from annotator.gui.app import run_review

    return run_review(path, getattr(args, "reviewer", "") or "")


def cmd_screenshot(args: argparse.Namespace) -> int:
    # before the first Qt import: the screenshot needs no display
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from annotator.gui.app import Scene, render_scene

    width, _, height = str(getattr(args, "size", "1440x860")).partition("x")
    scene = Scene(getattr(args, "window", "main"), args.doc,
                  getattr(args, "annotator", None), (int(width), int(height)),
                  getattr(args, "language", "en"))
    out = render_scene(args.project, args.out, scene, force=getattr(args, "force", False))
    print(f"wrote {out}")
    return EXIT_OK


def add_parsers(sub: Any) -> None:
    """Register screenshot, agreement and review on the CLI's ``add_subparsers()`` object."""
    p = sub.add_parser("screenshot", help="render the main window offscreen to a PNG")
    p.add_argument("project")
    p.add_argument("--out", required=True, help="the PNG file to write")
    p.add_argument("--doc", type=int, help="the document to show (default: the first)")
    p.add_argument("--annotator", help="whose annotations to show (default: the first "
                   "annotator who annotated the document)")
    p.add_argument("--force", action="store_true", help="replace an existing --out file")
    p.add_argument("--size", default="1440x860", help="window size, WIDTHxHEIGHT")
    p.add_argument("--window", choices=("main", "review", "agreement"), default="main",
                   help="the window to render (review: --annotator is the reviewer)")
    p.add_argument("--language", choices=("en", "sv", "nb", "de"), default="en",
                   help="the interface language (default English, whatever the locale)")
    p.set_defaults(func=cmd_screenshot)

    p = sub.add_parser("agreement", help="inter-annotator agreement report")
    p.add_argument("project")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--keep-boilerplate", action="store_true",
                   help="also compare spans inside boilerplate (left out by default)")
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
