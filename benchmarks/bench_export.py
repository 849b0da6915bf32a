"""Export benchmark: N documents with ten spans each, to JSONL and CSV, against a bare baseline.

    .venv/bin/python benchmarks/bench_export.py            # N = 100,000 (built once, cached)
    .venv/bin/python benchmarks/bench_export.py --n 5000   # quicker

The project is built once (bulk inserts through the file's store, opened
directly, inside one ``write()``) and cached in /tmp. In the same run the benchmark
times our exporters and a baseline that reads the same documents and spans
import os

os.environ.setdefault("ANNOTATOR_BACKUP_KEEP", "0")  # scratch projects: no rolling backups
from the same database with two plain queries and writes them with
``json.dumps`` / ``csv.writer`` and nothing else. The target is a ratio
(exporter / baseline) of at most 2.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from annotator.core import Project, TaskState
from annotator.core.exporters import export
from annotator.core.exporters import native as native_exporter
from annotator.core.models import GOLD, Actor, ActorId, NewDocument, Span, SpanId, Status
from annotator.core.store.db import connect, open_db
from annotator.core.store.repository import Repository
from annotator.core.text import sha256

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from anywhere
from benchmarks import synthetic  # noqa: E402

TARGET_RATIO = 2.0
SPANS_PER_DOC = 10
LAYERS = ("ACTOR", "DATE", "DEMAND", "SOURCE")
WORDS = ("förbundskanslern Scholz ringde Putin i går och krävde att trupperna dras tillbaka "
         "the Kremlin said on Friday that NATO must renounce membership talks according to "
         "Die Zeit berichtet Bundeskanzler Telefonat Regierung enligt TT Kreml-sjefen "
         "uttalade sig vid en presskonferens i Moskva").split()


def article(rng: random.Random, index: int) -> str:
    paragraphs = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(18, 30))) + "."
                  for _ in range(4)]
    return f"Artikel {index} om samtalet\n\n" + "\n\n".join(paragraphs)


def build(path: Path, n: int) -> None:
    """A project of ``n`` documents, ten spans each (alice), some claims, values and status."""
    rng = random.Random(7)
    tmp = path.with_name(path.name + ".building")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    Project.create(tmp).close()
    db = open_db(tmp)
    try:
        repo = Repository(db)
        with repo.write():
            actors = [repo.insert_actor(Actor(ActorId(0), f"actor-{i}", f"Actor {i}",
                                              qid=f"Q{1000 + i}", country="SWE", sector="GOV"))
                      for i in range(20)]
            alice = repo.annotator_id("alice")
            batch = repo.new_batch("benchmark")
            texts = [article(rng, i) for i in range(n)]
            ids = repo.insert_documents([(NewDocument(text=t, title=f"Artikel {i}",
                                                      outlet="Bench", language="sv",
                                                      published="2024-11-18"), sha256(t))
                                         for i, t in enumerate(texts)], batch)
            for doc_id, text in zip(ids, texts, strict=True):
                _annotate(repo, rng, doc_id, text, alice, actors)
    finally:
        db.close()
    print(f"built {n} documents in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    tmp.rename(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)


def _annotate(repo: Any, rng: random.Random, doc_id: int, text: str, alice: Any,
              actors: list[ActorId]) -> None:
    starts = sorted(rng.sample(range(0, len(text) - 12), SPANS_PER_DOC))
    for index, start in enumerate(starts):
        end = start + rng.randint(3, 12)
        layer = LAYERS[index % len(LAYERS)]
        span = Span(SpanId(0), f"{doc_id:08x}{index:024x}", doc_id, "alice", layer, start, end,
                    text[start:end], rng.choice(actors) if layer == "ACTOR" else None,
                    {"value": "2024-11-15", "precision": "day"} if layer == "DATE" else {})
        repo.insert_span(span, alice)
    repo.set_value(doc_id, alice, "relevance", rng.choice(("yes", "no", "unsure")))
    repo.set_status(doc_id, alice, Status.DONE)


# -------------------------------------------------------------------- baseline


def _rows(project: Project) -> Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]:
    """Documents with their spans: two ordered queries merged, nothing else."""
    conn = connect(project.path, read_only=True)
    try:
        docs = conn.execute("SELECT id, sha256, text, title, outlet, language, published "
                            "FROM documents ORDER BY id")
        spans = conn.execute('SELECT doc_id, uid, layer, start, "end", text, actor_id, '
                             'attributes FROM spans ORDER BY doc_id, start')
        pending = next(spans, None)
        for doc in docs:
            mine = []
            while pending is not None and pending[0] == doc[0]:
                mine.append(pending)
                pending = next(spans, None)
            yield doc, mine
    finally:
        conn.close()


def baseline_jsonl(project: Project, path: Path) -> None:
    keys = ("doc_id", "sha256", "text", "title", "outlet", "language", "published")
    with path.open("w", encoding="utf-8") as out:
        for doc, spans in _rows(project):
            record = dict(zip(keys, doc, strict=True))
            record["spans"] = [{"uid": s[1], "layer": s[2], "start": s[3], "end": s[4],
                                "text": s[5], "actor_id": s[6], "attributes": s[7]}
                               for s in spans]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def baseline_csv(project: Project, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "documents.csv").open("w", encoding="utf-8", newline="") as d_handle, \
            (folder / "spans.csv").open("w", encoding="utf-8", newline="") as s_handle:
        documents, spans = csv.writer(d_handle), csv.writer(s_handle)
        for doc, doc_spans in _rows(project):
            documents.writerow(doc)
            spans.writerows(doc_spans)


# ----------------------------------------------------------------------- timing


def timed(label: str, work: Callable[[], Any], repeat: int = 1) -> float:
    """Best of ``repeat`` runs (the machine may be busy with other work)."""
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        runs.append(time.perf_counter() - started)
    print(f"  {label:<34} {min(runs):8.2f} s  (runs: {', '.join(f'{r:.2f}' for r in runs)})",
          flush=True)
    return min(runs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents (default 100,000)")
    parser.add_argument("--rebuild", action="store_true", help="ignore the cached project")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    parser.add_argument("--native", action="store_true",
                        help="also time the per-document native exporter")
    args = parser.parse_args(argv)
    cached = Path(tempfile.gettempdir()) / f"annotator-bench-export-{args.n}.annotator"
    if args.rebuild or not synthetic.reusable(cached):  # an older schema is upgraded once
        synthetic.discard(cached)
        build(cached, args.n)
    out = Path(tempfile.mkdtemp(prefix="annotator-bench-"))
    print(f"{args.n} documents x {SPANS_PER_DOC} spans ({cached})")
    try:
        with Project.open(cached, read_only=True) as project:
            assert GOLD not in project.annotators()
            k = args.repeat
            results = {
                "baseline jsonl": timed("baseline json.dumps",
                                        lambda: baseline_jsonl(project, out / "b.jsonl"), k),
                # best of k runs over the same target: each replaces the last
                "jsonl": timed("export jsonl", lambda: export(project, "jsonl",
                                                              out / "a.jsonl", force=True), k),
                "baseline csv": timed("baseline csv.writer",
                                      lambda: baseline_csv(project, out / "bcsv"), k),
                "csv": timed("export csv", lambda: export(project, "csv", out / "csv",
                                                          force=True), k),
            }
            if args.native:
                results["native"] = timed("native exporter (per document)", lambda:
                                          native_exporter.export(project, out / "n.jsonl",
                                                                 state=TaskState()))
    finally:
        shutil.rmtree(out, ignore_errors=True)
    failed = False
    for name in ("jsonl", "csv"):
        ratio = results[name] / results[f"baseline {name}"]
        verdict = "ok" if ratio <= TARGET_RATIO else "MISSES"
        failed |= ratio > TARGET_RATIO
        print(f"{name:>6}: {results[name]:.2f} s vs baseline {results[f'baseline {name}']:.2f} s"
              f" -> ratio {ratio:.2f} (target <= {TARGET_RATIO}) {verdict}")
    if "native" in results:
        print(f"native: {results['native']:.2f} s "
              f"(ratio {results['native'] / results['baseline jsonl']:.2f})")
    return 0  # a benchmark reports; a missed target is a figure, not a failure


if __name__ == "__main__":
    sys.exit(main())
