"""The command line: `annotator new|import|...|review|desktop-install|open`, `annotator FILE`.

:func:`build_parser` assembles the command groups (:mod:`~annotator.cli.project`,
:mod:`~annotator.cli.team`, :mod:`~annotator.cli.review`); :func:`main` runs one.
Every command goes through the :class:`~annotator.core.Project` façade or a core
service module. An error is one line on stderr and a non-zero exit status, never
a traceback (``ANNOTATOR_DEBUG=1`` shows the traceback for bug reports).
Importing this package loads no Qt; the commands that open a window import it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from annotator.cli import desktop, events, project, query, review, team
from annotator.cli._common import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    CliError,
    print_error,
)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command, in the order ``annotator --help`` lists them."""
    from annotator import __version__

    parser = argparse.ArgumentParser(
        prog="annotator", description="Annotate news articles: actors, dates, demands and "
        "reliability. Without a command, opens the window.")
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command")
    project.add_parsers(sub)
    team.add_parsers(sub)
    review.add_parsers(sub)
    query.add_parsers(sub)
    events.add_parsers(sub)
    desktop.add_parsers(sub)
    project.add_open_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command (``open`` when none is given); its exit status."""
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0].endswith(".annotator"):
        argv = ["open", *argv]  # `annotator FILE.annotator`, as a file manager runs it
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["open", *argv])
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("annotator: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the CLI's promise: one line, no traceback
        if os.environ.get("ANNOTATOR_DEBUG"):
            raise
        print_error(exc)
        return EXIT_ERROR


__all__ = ["EXIT_ERROR", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE",
           "CliError", "build_parser", "main"]
