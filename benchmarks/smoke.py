"""Run every benchmark at a small N so that the suite cannot rot (CI calls this).

The figures printed at this size say nothing about performance; the full runs
are `python benchmarks/run_all.py` (see docs/performance.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SMALL_N = "300"


def main() -> int:
    # Benchmark projects are scratch files: no rolling backups of 770 MB copies.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_BACKUP_KEEP": "0"}
    failures = []
    for script in sorted(HERE.glob("bench_*.py")):
        args = [sys.executable, str(script)]
        help_text = subprocess.run([*args, "--help"], capture_output=True, text=True, env=env,
                                   check=False).stdout
        if "--n" in help_text:
            args += ["--n", SMALL_N]
        if "--smoke" in help_text:
            args.append("--smoke")
        result = subprocess.run(args, capture_output=True, text=True, env=env, check=False,
                                timeout=600)
        print(f"== {script.name} (exit {result.returncode})")
        print(result.stdout.strip()[-2000:])
        if result.returncode != 0:
            print(result.stderr.strip()[-3000:])
            failures.append(script.name)
    print(f"benchmark smoke: {len(failures)} failed: {', '.join(failures) or 'none'}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
