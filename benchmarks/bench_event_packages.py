"""Events in a return package: writing it and merging it into the master.

The master: ``--n`` short articles and two registry actors. The annotator codes
one claim per article in a local project made from her package and groups them
into events of three claims (n/3 events, n links), then writes her return
package. Timed: writing the return package, and merging it into a fresh copy
of the master. The baseline, measured in the same run, is the merge of the same
package without its ``events.jsonl`` (the spans, claims and statuses only) into
another copy; the ratio says what the events add to a merge.

    .venv/bin/python benchmarks/bench_event_packages.py --n 3000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core import Project  # noqa: E402
from annotator.core.team.package import (  # noqa: E402
    CODEBOOK,
    DELETIONS,
    DOCUMENTS,
    EVENTS,
    MANIFEST,
    REGISTRY,
    write_package,
)

os.environ.setdefault("ANNOTATOR_BACKUP_KEEP", "0")


def _master(folder: Path, n: int) -> Path:
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps({
        "text": f"Report {i}: Chancellor Katrin Vollmer urged President Vladimir Putin on day "
                f"{i} to withdraw the troops from the border.",
        "title": f"Article {i}", "language": "en", "published": "2024-11-16"}) + "\n"
        for i in range(n)), encoding="utf-8")
    path = folder / "master.annotator"
    with Project.create(path) as project:
        project.import_paths([source])
        project.add_actor("Katrin Vollmer", key="vollmer")
        project.add_actor("Vladimir Putin", key="putin")
    return path


def _work(master_path: Path, folder: Path) -> Path:
    with Project.open(master_path) as master:
        info = master.team.make_package("alice", folder / "alice.annpkg",
                                        master.document_ids())
    with Project.from_package(info.path, folder / "alice.annotator", "alice") as local:
        vollmer, putin = local.actor_by_key("vollmer"), local.actor_by_key("putin")
        assert vollmer is not None and putin is not None
        claims = []
        for index, doc_id in enumerate(local.document_ids()):
            changes = local.add_claim(doc_id, "alice", claimant_id=vollmer.id,
                                      addressee_id=putin.id, gloss="withdraw the troops",
                                      date_value=f"2024-11-{1 + index % 28:02d}")
            claims.append(changes.after.id)  # type: ignore[union-attr]
        for start in range(0, len(claims), 3):
            local.events.create("alice", f"event {start // 3}", claims[start:start + 3])
        began = time.perf_counter()
        back = local.team.return_package(folder / "alice-back.annpkg").path
        print(f"return package with {len(claims) // 3 + (len(claims) % 3 > 0)} events: "
              f"{time.perf_counter() - began:.2f} s")
    return back


def _without_events(source: Path, target: Path) -> Path:
    with zipfile.ZipFile(source) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    manifest = json.loads(members[MANIFEST])
    contents = {n: members[n] for n in (CODEBOOK, REGISTRY, DOCUMENTS, DELETIONS)}
    write_package(target, manifest, contents)
    assert EVENTS in members
    return target


def _merge(master_path: Path, copy: Path, package: Path) -> tuple[float, str]:
    shutil.copy(master_path, copy)
    with Project.open(copy) as project:
        began = time.perf_counter()
        report = project.team.merge(package)
        return time.perf_counter() - began, report.summary()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3000, help="articles (one claim each)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-evpkg-") as tmp:
        folder = Path(tmp)
        master_path = _master(folder, args.n)
        back = _work(master_path, folder)
        plain = _without_events(back, folder / "plain.annpkg")
        base, base_summary = _merge(master_path, folder / "m1.annotator", plain)
        timed, summary = _merge(master_path, folder / "m2.annotator", back)
        print(f"merge without events (baseline): {base:.2f} s  [{base_summary}]")
        print(f"merge with events:               {timed:.2f} s  [{summary}]")
        print(f"ratio with/without events: {timed / base:.2f}x  (n={args.n})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
