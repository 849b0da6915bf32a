"""Render the SVG application icon to a PNG for PyInstaller (which makes .ico/.icns from it).

    python packaging/render_icon.py build/icon/annotator.png [SIZE]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QIcon

    from annotator.resources import icon_path

    out = Path(sys.argv[1])
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 256
    app = QGuiApplication(sys.argv[:1])
    out.parent.mkdir(parents=True, exist_ok=True)
    ok = QIcon(str(icon_path())).pixmap(size, size).save(str(out), "PNG")
    del app
    if not ok:
        print(f"render_icon: cannot write {out}", file=sys.stderr)
        return 1
    print(f"rendered {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
