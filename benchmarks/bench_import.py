"""Import benchmark: the realistic scraped corpus through ``annotator import``, whole process.

The input is ``benchmarks/corpus_realistic.py``: N scraped articles as JSONL records
without a language field, with banners, repeated headlines, datelines, claim lines,
boilerplate and hundreds of outlets. Both sides run as their own process, timed
from spawn to exit: ``annotator new`` + ``annotator import`` against
``benchmarks/process_baselines.py import-jsonl`` (plain sqlite3: a documents table
with a UNIQUE sha256 and an FTS5 index, one transaction, nothing else).
Prints both times and the ratio (target at N=100,000: 1.5).

    .venv/bin/python benchmarks/bench_import.py --n 100000
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import corpus_realistic as corpus  # noqa: E402
from benchmarks.bench_process import annotator, baseline  # noqa: E402

os.environ.setdefault("ANNOTATOR_BACKUP_KEEP", "0")  # scratch projects: no rolling backups
TARGET = 1.5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args(argv)
    began = time.perf_counter()
    folder = corpus.cached("jsonl", args.n)
    print(f"realistic corpus of {args.n:,} records ready after "
          f"{time.perf_counter() - began:.1f} s")
    work = Path(tempfile.mkdtemp(prefix="bench_import_"))
    try:
        base = baseline("import-jsonl", str(folder), str(work / "base.sqlite"))
        project = work / "ours.annotator"
        created = annotator("new", str(project))
        ours = annotator("import", str(project), str(folder), "--quiet")
        mine = created.seconds + ours.seconds
        ratio = mine / base.seconds
        print(f"import N={args.n}: annotator new+import {mine:.2f} s ({ours.peak_mb:.0f} MB), "
              f"plain sqlite3+FTS5 {base.seconds:.2f} s ({base.peak_mb:.0f} MB), "
              f"ratio {ratio:.2f} (target <= {TARGET}) -> {'OK' if ratio <= TARGET else 'MISS'}")
        print(f"  per document: annotator {mine / args.n * 1e3:.3f} ms, "
              f"baseline {base.seconds / args.n * 1e3:.3f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
