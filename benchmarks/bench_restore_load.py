"""Restore under load: 100 restores while a span writer and an importer commit (issue #20).

Runs tests/core/restore_harness.py (odd trials restore through an open
Project, as the window does; even ones through ``annotator restore``) and
prints how many acknowledged edits there were and how many were lost (the
target is 0), the writes refused while a restore held the lock, and the
slowest restore.

    .venv/bin/python benchmarks/bench_restore_load.py [--trials 100] [--seed 1]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.core.restore_harness import main  # noqa: E402

if __name__ == "__main__":
    started = time.perf_counter()
    code = main(sys.argv[1:])
    print(f"wall time {time.perf_counter() - started:.0f} s")
    raise SystemExit(code)
