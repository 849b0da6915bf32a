"""`annotator screenshot PROJECT --out FILE.png [--doc ID]`: the main window, rendered offscreen.

For the README, the docs and bug reports. The lead wires :func:`cmd_screenshot`
into ``annotator/cli.py`` with :func:`add_parser`.
"""

from __future__ import annotations

import argparse
import os


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("screenshot", help="render the main window offscreen to a PNG")
    p.add_argument("project")
    p.add_argument("--out", required=True, help="the PNG file to write")
    p.add_argument("--doc", type=int, help="the document to show (default: the first)")
    p.add_argument("--annotator", help="whose annotations to show (default: the first "
                   "annotator who annotated the document)")
    p.add_argument("--force", action="store_true", help="replace an existing --out file")
    p.add_argument("--size", default="1440x860", help="window size, WIDTHxHEIGHT")
    p.set_defaults(func=cmd_screenshot)


def cmd_screenshot(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from annotator.gui.app import render_screenshot

    width, _, height = str(getattr(args, "size", "1440x860")).partition("x")
    out = render_screenshot(args.project, args.out, args.doc,
                            annotator=getattr(args, "annotator", None),
                            size=(int(width), int(height)),
                            force=getattr(args, "force", False))
    print(f"wrote {out}")
    return 0
