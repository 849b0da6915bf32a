"""README's screenshots are what `annotator screenshot` draws today (.ci/readme_screenshots.py)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "readme_screenshots.py"


def _script() -> ModuleType:
    """The CI script, loaded from its file (it is not part of the package)."""
    name = "_ci_readme_screenshots"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclass looks its module up while being defined
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_readme_screenshots_match_a_fresh_render() -> None:
    """Rendered by the command line in a process of its own, as a user would regenerate them."""
    assert {r.image for r in _script().recipes()} >= {"docs/screenshot-main.png",
                                                      "docs/screenshot-review.png",
                                                      "docs/screenshot-agreement.png"}
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True,
                          text=True, env=env, cwd=SCRIPT.parents[1], timeout=600)
    stale = [line for line in done.stderr.splitlines() if line.startswith("docs/")]
    assert done.returncode == 0 and not stale, stale or done.stderr[-2000:]


def test_a_changed_picture_counts_as_stale(qapp: Any, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    script = _script()
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    image.save(str(tmp_path / "a.png"))
    assert script.changed_share(tmp_path / "a.png", tmp_path / "a.png") == 0.0
    for x in range(20):  # a short label: 0.1% of the pixels
        image.setPixelColor(x, 0, QColor("black"))
    image.save(str(tmp_path / "b.png"))
    assert script.changed_share(tmp_path / "a.png", tmp_path / "b.png") > script.MAX_CHANGED
    image.scaled(201, 100).save(str(tmp_path / "c.png"))
    assert script.changed_share(tmp_path / "a.png", tmp_path / "c.png") == 1.0


def test_an_image_without_its_recipe_is_refused(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("![ok](docs/a.png)\n<!-- screenshot: --doc 1 -->\n\n![lost](docs/b.png)\n",
                      encoding="utf-8")
    with pytest.raises(ValueError, match="docs/b.png"):
        _script().recipes(readme)
    readme.write_text("![ok](docs/a.png)\n<!-- screenshot: --doc 1 -->\n", encoding="utf-8")
    assert _script().recipes(readme)[0].options == ("--doc", "1")
