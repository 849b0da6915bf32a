"""The one-folder build's entry point: the same command line as the installed `annotator`."""

from __future__ import annotations

import sys

from annotator.cli import main

if __name__ == "__main__":
    sys.exit(main())
