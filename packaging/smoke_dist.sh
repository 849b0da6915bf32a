#!/usr/bin/env bash
# The one-folder build starts without Python or the source tree: it builds the sample, checks
# it, renders the main window offscreen to a PNG (which must be a real, non-empty picture)
# and finds its bundled codebook for a new project.
set -euo pipefail
APP_DIR="$(cd "${1:-dist/annotator}" && pwd)"
EXE="$APP_DIR/annotator"
WORK="$(mktemp -d /tmp/annotator-dist.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
# no Python of ours on the path: the build must carry everything it loads
env -i PATH=/usr/bin:/bin HOME="$WORK" QT_QPA_PLATFORM=offscreen "$EXE" --version
env -i PATH=/usr/bin:/bin HOME="$WORK" QT_QPA_PLATFORM=offscreen "$EXE" new news.annotator
env -i PATH=/usr/bin:/bin HOME="$WORK" QT_QPA_PLATFORM=offscreen "$EXE" sample sample.annotator
env -i PATH=/usr/bin:/bin HOME="$WORK" QT_QPA_PLATFORM=offscreen "$EXE" check sample.annotator
env -i PATH=/usr/bin:/bin HOME="$WORK" QT_QPA_PLATFORM=offscreen "$EXE" \
  screenshot sample.annotator --out shot.png --doc 8 2>/dev/null
size=$(stat -c %s shot.png)
head -c 8 shot.png | od -An -c | grep -q "P   N   G" || { echo "smoke_dist: shot.png is no PNG"; exit 1; }
[ "$size" -gt 20000 ] || { echo "smoke_dist: shot.png is only $size bytes"; exit 1; }
echo "smoke_dist: the one-folder build works (screenshot $size bytes, $(du -sh "$APP_DIR" | cut -f1))"
