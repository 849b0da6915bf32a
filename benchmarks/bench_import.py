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
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import corpus_realistic as corpus  # noqa: E402
from benchmarks.bench_process import BASELINES  # noqa: E402

os.environ.setdefault("ANNOTATOR_BACKUP_KEEP", "0")  # scratch projects: no rolling backups
TARGET = 1.5


@dataclass(frozen=True, slots=True)
class Timed:
    wall: float
    cpu: float
    """User + system time of the process: what a shared machine's load does not inflate."""
    peak_mb: float


def timed(args: list[str]) -> Timed:
    """One process from spawn to exit: wall time, its own CPU time and peak RSS."""
    env = {**os.environ, "ANNOTATOR_BACKUP_KEEP": "0", "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    child = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 3):
        raise SystemExit(f"{' '.join(args[1:4])} failed ({code}): "
                         f"{child.stderr.read().decode()[-2000:] if child.stderr else ''}")
    return Timed(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


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
        base = timed([sys.executable, BASELINES, "import-jsonl", str(folder),
                      str(work / "base.sqlite")])
        project = work / "ours.annotator"
        created = timed([sys.executable, "-m", "annotator", "new", str(project)])
        ours = timed([sys.executable, "-m", "annotator", "import", str(project), str(folder),
                      "--quiet"])
        wall, cpu = created.wall + ours.wall, created.cpu + ours.cpu
        ratio = wall / base.wall
        print(f"import N={args.n}: annotator new+import {wall:.2f} s ({ours.peak_mb:.0f} MB), "
              f"plain sqlite3+FTS5 {base.wall:.2f} s ({base.peak_mb:.0f} MB), "
              f"ratio {ratio:.2f} (target <= {TARGET}) -> {'OK' if ratio <= TARGET else 'MISS'}")
        print(f"  CPU time: annotator {cpu:.2f} s, baseline {base.cpu:.2f} s, "
              f"ratio {cpu / base.cpu:.2f} (what the machine's load does not change)")
        print(f"  per document: annotator {wall / args.n * 1e3:.3f} ms, "
              f"baseline {base.wall / args.n * 1e3:.3f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
