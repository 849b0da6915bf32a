#!/usr/bin/env bash
# `make dist`: the one-folder application in dist/annotator/, built by PyInstaller from a venv
# of its own (build/dist-venv: the package, its core dependencies and PyInstaller; never the
# working .venv), then smoke-tested (packaging/smoke_dist.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
DIST_VENV="${DIST_VENV:-build/dist-venv}"
if [ ! -x "$DIST_VENV/bin/pyinstaller" ]; then
  "$PYTHON" -m venv "$DIST_VENV"
  "$DIST_VENV/bin/python" -m pip install --quiet --upgrade pip
  "$DIST_VENV/bin/python" -m pip install --quiet "pyinstaller>=6.3"
fi
# the package as a wheel would install it (resources included), refreshed on every build
"$DIST_VENV/bin/python" -m pip install --quiet --force-reinstall --no-deps .
"$DIST_VENV/bin/python" -m pip install --quiet .
QT_QPA_PLATFORM=offscreen "$DIST_VENV/bin/python" packaging/render_icon.py build/icon/annotator.png
"$DIST_VENV/bin/pyinstaller" --noconfirm --log-level WARN --distpath dist \
  --workpath build/pyinstaller packaging/annotator.spec
packaging/smoke_dist.sh dist/annotator
