#!/usr/bin/env bash
# The wheel as a user gets it: build the sdist and the wheel, install the wheel into a clean
# venv under a temporary folder outside the source tree, and run the commands a newcomer runs
# first (new, sample, import, export, check, screenshot) from there, offscreen.
set -euo pipefail
SRC="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
WORK="$(mktemp -d /tmp/annotator-wheel.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen

"$PYTHON" -m venv "$WORK/build-venv"
"$WORK/build-venv/bin/python" -m pip install --quiet build 2>/dev/null
"$WORK/build-venv/bin/pyproject-build" --outdir "$WORK/dist" "$SRC" >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log"; exit 1; }
if grep -i -E "deprecat|SetuptoolsWarning" "$WORK/build.log"; then
  echo "wheel_smoke: the build printed a warning (above)"; exit 1
fi
tar tzf "$WORK"/dist/annotator-*.tar.gz >"$WORK/sdist.txt"
for wanted in annotator/resources/codebook.toml annotator/resources/icons/annotator.svg \
              annotator/resources/sample_data/annotations.jsonl LICENSE; do
  grep -q "/$wanted\$" "$WORK/sdist.txt" || { echo "wheel_smoke: the sdist lacks $wanted"; exit 1; }
done

"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet "$WORK"/dist/annotator-*.whl
cd "$WORK"  # nothing of the source tree on the path from here on
BIN="$WORK/venv/bin"
where="$("$BIN/python" -c 'import annotator; print(annotator.__file__)')"
case "$where" in "$WORK/venv/"*) ;; *) echo "wheel_smoke: imported $where"; exit 1;; esac

DATA="$("$BIN/python" -c 'from annotator.resources import sample_data_dir; print(sample_data_dir())')"
"$BIN/annotator" new news.annotator
"$BIN/annotator" import news.annotator "$DATA/articles/01_sv_riksnytt_samtal.txt"
"$BIN/annotator" import news.annotator "$DATA/actors.csv" --actors
"$BIN/annotator" info news.annotator
"$BIN/annotator" sample sample.annotator
"$BIN/annotator" export sample.annotator --format csv --out tables
"$BIN/annotator" export sample.annotator --format native --out all.jsonl
"$BIN/annotator" check sample.annotator
"$BIN/annotator" check news.annotator
"$BIN/annotator" screenshot sample.annotator --out shot.png --doc 8 2>/dev/null
test -s tables/spans.csv && test -s all.jsonl
"$BIN/python" - <<'PY'
from pathlib import Path
data = Path("shot.png").read_bytes()
assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000, len(data)
print(f"wheel_smoke: screenshot {len(data)} bytes")
PY
# the translations are compiled into the wheel: a Swedish locale gets a Swedish menu bar
ls "$("$BIN/python" -c 'from annotator.gui.i18n import translations_dir; print(translations_dir())')"/annotator_sv.qm >/dev/null
LANG=sv_SE.UTF-8 LC_ALL=sv_SE.UTF-8 "$BIN/python" - <<'PY'
from annotator.gui import i18n
from annotator.gui.app import _application, create_window
from annotator.gui.settings import Settings
from PySide6.QtWidgets import QMenu

_application()
language = i18n.set_language(i18n.chosen_language(""))
window = create_window(Settings("settings.ini"), "sample.annotator", "anna")
window.show()
titles = {m.title() for m in window.menuBar().findChildren(QMenu)}
assert language == "sv" and "&Arkiv" in titles, (language, titles)
print(f"wheel_smoke: LANG=sv_SE shows the menus {sorted(titles)[:3]}...")
PY
echo "wheel_smoke: the installed wheel works ($(du -sh "$WORK/venv" | cut -f1) venv)"
