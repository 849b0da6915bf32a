"""Translation benchmark: what the translation walk costs the window.

Offscreen, on the synthetic project of ``benchmarks/synthetic.py`` (N articles),
in one process: the main window switches documents (Document › Next document,
with the events a user's key press brings) in English, where no walk runs, and
then in Swedish, where every switch is followed by one walk of the window; the
ratio of the medians is the overhead. It also times one full walk of the main
window on its own and the switch to another language (catalogues loaded, every
window retranslated, the codebook's labels rebuilt). Targets: a switch in Swedish
within the 30 ms of bench_gui.py, and a walk under 15 ms.

    .venv/bin/python benchmarks/bench_i18n.py --n 100000
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("ANNOTATOR_BACKUP_KEEP", "0")  # scratch projects: no rolling backups
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

SWITCH_TARGET_MS = 30.0
WALK_TARGET_MS = 15.0


def _switches(app, window, count: int) -> list[float]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    times = []
    for _ in range(count):
        start = time.perf_counter()
        window.menu_actions["next"].trigger()
        # the release of the key that triggered it: what schedules a walk in a real session
        app.sendEvent(window, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_Down,
                                        Qt.KeyboardModifier.AltModifier))
        app.processEvents()
        window.view.edit.viewport().repaint()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents (default 100,000)")
    parser.add_argument("--switches", type=int, default=50)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached project")
    args = parser.parse_args()

    import synthetic

    from annotator.gui import i18n
    from annotator.gui.app import _application, create_window
    from annotator.gui.settings import Settings

    project = synthetic.build(args.n, force=args.rebuild)
    app = _application()
    with tempfile.TemporaryDirectory() as tmp:
        window = create_window(Settings(Path(tmp) / "bench.ini"), project, "a1")
        window.resize(1440, 860)
        window.show()
        app.processEvents()
        _switches(app, window, 5)  # warm the caches
        english = _switches(app, window, args.switches)
        began = time.perf_counter()
        i18n.set_language("sv")
        app.processEvents()
        to_swedish_ms = (time.perf_counter() - began) * 1000
        swedish = _switches(app, window, args.switches)
        walks = []
        for _ in range(20):
            began = time.perf_counter()
            i18n.retranslate(window)
            walks.append((time.perf_counter() - began) * 1000)
        widgets = len(window.findChildren(object))
        window.session.close_project()
        window.close()
    en_ms, sv_ms, walk_ms = (statistics.median(x) for x in (english, swedish, walks))
    ratio = sv_ms / en_ms if en_ms else float("inf")
    print(f"project: {args.n:,} documents; the main window has {widgets:,} objects")
    print(f"switch to next document: English median {en_ms:.1f} ms, Swedish {sv_ms:.1f} ms "
          f"(ratio {ratio:.2f}; target {SWITCH_TARGET_MS:.0f} ms) "
          f"{'OK' if sv_ms <= SWITCH_TARGET_MS else 'MISSED'}")
    print(f"one walk of the main window: median {walk_ms:.1f} ms "
          f"(target {WALK_TARGET_MS:.0f} ms) {'OK' if walk_ms <= WALK_TARGET_MS else 'MISSED'}")
    print(f"switching the language to Swedish: {to_swedish_ms:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
