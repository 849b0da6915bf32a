"""`python -m annotator`: the command line (and, without a command, the window)."""

from __future__ import annotations

import sys

from annotator.cli import main

if __name__ == "__main__":
    sys.exit(main())
