"""`annotator events PROJECT [--json] [--annotator NAME]`: the event ledger.

Without ``--json`` one block per event: its dates, reports, independent
outlets, first report and contradictions, then each report with its grade.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from annotator.cli._common import EXIT_OK, open_project, terminal_safe


def cmd_events(args: argparse.Namespace) -> int:
    from annotator.core.events import ledger

    with open_project(args.project, read_only=True) as project:
        found = ledger.build(project, args.annotator or None)
        identity = [{"first": a.first, "second": a.second, "units": a.units,
                     "pairwise_f1": a.pairwise_f1, "bcubed_f1": round(a.bcubed_f1, 4)}
                    for a in project.events.identity_agreement()] if not args.annotator else []
    if args.json:
        json.dump({**found.as_dict(), "identity_agreement": identity}, sys.stdout,
                  ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    _print_text(found.as_dict())
    for pair in identity:
        print(f"event identity {pair['first']}-{pair['second']}: {pair['units']} shared "
              f"reports, pairwise F1 {pair['pairwise_f1']:.2f}, B-cubed F1 "
              f"{pair['bcubed_f1']:.2f}")
    return EXIT_OK


def _print_text(found: dict[str, list[dict[str, Any]]]) -> None:
    if not found["events"]:
        print("no events")
    for event in found["events"]:
        dates = event["event_date"] if event["event_date"] == event["event_date_end"] else \
            f"{event['event_date']}..{event['event_date_end']}"
        print(terminal_safe(f"{event['label']} [{event['event_type'] or '-'}] {dates or '-'}: "
                            f"{event['reports']} reports, {event['independent_outlets']} "
                            f"independent outlets, first {event['first_report_publication']} "
                            f"{event['first_report_date']}, {event['contradictions']} "
                            "contradicting"))
        for claim in found["claims"]:
            if claim["event_id"] != event["event_id"]:
                continue
            grade = claim["info_credibility"] or f"{claim['suggested_credibility']} (suggested)"
            versus = f", {claim['versus_first_report']}" if claim["versus_first_report"] else ""
            print(terminal_safe(f"  doc {claim['doc_id']} {claim['annotator']}: "
                                f"{claim['demand'][:60]} (grade {grade}{versus})"))


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("events", help="events across documents: reports, outlets, grades")
    p.add_argument("project")
    p.add_argument("--json", action="store_true", help="the full ledger as JSON")
    p.add_argument("--annotator", default="", help="only this annotator's events and links")
    p.set_defaults(func=cmd_events)
