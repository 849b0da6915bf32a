"""Restore under load: 100 restores while a span writer and an importer commit (issue #20).

Runs tests/core/restore_harness.py (odd trials restore through an open
Project, as the window does; even ones through ``annotator restore``) and
prints how many acknowledged edits there were and how many were lost (the
target is 0), the writes refused while a restore held the lock, and the
slowest restore.

    .venv/bin/python benchmarks/bench_restore_load.py [--trials 100] [--seed 1]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.core.restore_harness import main  # noqa: E402

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--smoke", action="store_true", help="two trials (benchmarks/smoke.py)")
    args = parser.parse_args()
    started = time.perf_counter()
    code = main(["--trials", str(2 if args.smoke else args.trials), "--seed", str(args.seed)])
    print(f"wall time {time.perf_counter() - started:.0f} s")
    raise SystemExit(code)
