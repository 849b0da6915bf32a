"""`annotator query PROJECT "QUERY"`: find annotations with the query language of docs/query.md.

Prints one line per span (document, annotator, layer, offsets and the text in
its context), or JSON / CSV for scripts. ``--as NAME`` searches as that
annotator would in the window: only their own spans (blind annotation).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from annotator.cli._common import EXIT_OK, EXIT_USAGE, open_project

_COLUMNS = ("doc_id", "title", "annotator", "layer", "start", "end", "text", "before", "after",
            "span_id")


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("query", help="find annotations (layer:DEMAND claimant:putin ...)",
                       description="Find annotations. Terms are field:value, field>=value or "
                       "field:low..high; bare words search the annotated text; combine with "
                       "OR, NOT (or -) and parentheses. See docs/query.md; --fields lists fields.")
    p.add_argument("project")
    p.add_argument("query", nargs="?", help='e.g. "layer:DATE precision:year"')
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the hits as a JSON list")
    out.add_argument("--csv", action="store_true", help="print the hits as CSV")
    p.add_argument("--as", dest="viewer", metavar="NAME",
                   help="search as this annotator: only their own annotations")
    p.add_argument("--limit", type=int, default=500, help="at most this many hits (default 500)")
    p.add_argument("--fields", action="store_true", help="list the fields a query can use")
    p.set_defaults(func=cmd_query)


def cmd_query(args: argparse.Namespace) -> int:
    with open_project(args.project, read_only=True) as project:
        if args.fields:
            _print_fields(project)
            return EXIT_OK
        if not args.query:
            print("annotator: error: give a query (or --fields to list the fields)",
                  file=sys.stderr)
            return EXIT_USAGE
        if args.limit < 1:
            print("annotator: error: --limit must be at least 1", file=sys.stderr)
            return EXIT_USAGE
        result = project.find_annotations(args.query, viewer=args.viewer, limit=args.limit)
    for note in result.notes:
        print(f"annotator: note: {note}", file=sys.stderr)
    rows = [hit.to_dict() for hit in result.hits]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif args.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        for hit in result.hits:
            context = f"{hit.before}[{hit.text}]{hit.after}".replace("\n", " ")
            where = f"{hit.start}-{hit.end}"
            print(f"doc {hit.doc_id}  {hit.annotator}  {hit.layer}  {where}  {context}")
    if not args.json and not args.csv:
        count = len(result.hits)
        more = f" (the first {count}; raise --limit for more)" if result.more else ""
        print(f"{count} {'span' if count == 1 else 'spans'}{more}", file=sys.stderr)
    return EXIT_OK


def _print_fields(project: Any) -> None:
    from annotator.core.query import FIELDS, scope_of

    for name, meaning in FIELDS.items():
        print(f"{name:12} {meaning}")
    scope = scope_of(project.codebook)
    for name, kind in scope.span_attributes.items():
        print(f"{name:12} span attribute ({kind})")
    for name, kind in scope.document_fields.items():
        print(f"{name:12} document field of the span's annotator ({kind})")
