"""README's screenshots, rendered from the code: regenerate them, or check they are current.

Every image README.md shows from ``docs/`` is followed by a comment giving the
`annotator screenshot` options that draw it on the bundled sample project::

    ![The annotation workspace](docs/screenshot-main.png)
    <!-- screenshot: --doc 8 --annotator anna -->

    python .ci/readme_screenshots.py           # rewrite the PNGs
    python .ci/readme_screenshots.py --check   # exit 1 if one differs from a fresh render

tests/gui/test_readme_screenshots.py runs the check, so a window that changes
without its screenshot fails the suite.
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# a rendered pixel counts as changed when a channel moves by more than this (of 255)
CHANNEL_TOLERANCE = 24
# share of changed pixels still taken as the same picture; a menu added to the menu bar
# changes about 0.06% of a 1440x860 window
MAX_CHANGED = 0.0001

_IMAGE = re.compile(r"!\[[^\]]*\]\((docs/[^)\s]+\.png)\)\s*\n<!-- screenshot:(.*?)-->")
_ANY_IMAGE = re.compile(r"!\[[^\]]*\]\((docs/[^)\s]+\.png)\)")


@dataclass(frozen=True)
class Recipe:
    """One README image and the `annotator screenshot` options that draw it."""

    image: str
    options: tuple[str, ...]


def recipes(readme: Path = ROOT / "README.md") -> list[Recipe]:
    """Every docs/ image README shows, with its options; ValueError for one without."""
    text = readme.read_text(encoding="utf-8")
    found = [Recipe(m.group(1), tuple(shlex.split(m.group(2)))) for m in _IMAGE.finditer(text)]
    missing = set(_ANY_IMAGE.findall(text)) - {r.image for r in found}
    if missing:
        raise ValueError(f"{readme.name}: no '<!-- screenshot: ... -->' line after "
                         f"{', '.join(sorted(missing))}")
    return found


def render(recipe: Recipe, sample: Path, out: Path) -> None:
    """Draw ``recipe`` on the sample project into ``out`` through the command line."""
    from annotator.cli import main

    status = main(["screenshot", str(sample), "--out", str(out), "--force", *recipe.options])
    if status != 0:
        raise RuntimeError(f"annotator screenshot failed for {recipe.image}")


def changed_share(first: Path, second: Path) -> float:
    """The share of pixels that differ between two PNGs (1.0 when their sizes differ)."""
    import numpy as np
    from PySide6.QtGui import QImage

    def pixels(path: Path) -> np.ndarray:
        image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
        rows = np.frombuffer(image.constBits(), dtype=np.uint8)
        return rows.reshape(image.height(), image.bytesPerLine() // 4, 4)[
            :, :image.width(), :3].astype(np.int16)

    a, b = pixels(first), pixels(second)
    if a.shape != b.shape or a.size == 0:
        return 1.0
    return float((np.abs(a - b).max(axis=2) > CHANNEL_TOLERANCE).mean())


def stale(folder: Path) -> list[str]:
    """Render every README image into ``folder``; a line for each that differs from docs/."""
    from annotator.core.sample import build_sample_project

    sample = build_sample_project(folder / "sample.annotator")
    problems = []
    for recipe in recipes():
        fresh = folder / Path(recipe.image).name
        render(recipe, sample, fresh)
        share = changed_share(ROOT / recipe.image, fresh)
        if share > MAX_CHANGED:
            problems.append(f"{recipe.image}: {share:.3%} of the pixels differ from a fresh "
                            "render; run python .ci/readme_screenshots.py")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare instead of rewriting; exit 1 if one is stale")
    args = parser.parse_args()
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        if args.check:
            problems = stale(Path(tmp))
            for line in problems:
                print(line, file=sys.stderr)
            return 1 if problems else 0
        from annotator.core.sample import build_sample_project

        sample = build_sample_project(Path(tmp) / "sample.annotator")
        for recipe in recipes():
            render(recipe, sample, ROOT / recipe.image)
            print(f"rendered {recipe.image}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
