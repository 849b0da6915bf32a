"""The whole performance suite at full size, one benchmark after another.

See docs/performance.md for the figures and what each target means.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    # Benchmark projects are scratch files: no rolling backups of 770 MB copies.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_BACKUP_KEEP": "0"}
    status = 0
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"== {script.name}", flush=True)
        status |= subprocess.run([sys.executable, str(script)], env=env, check=False).returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main())
