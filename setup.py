"""The one build step pyproject.toml cannot say: compile the translations into the wheel.

The ``.ts`` catalogues in annotator/resources/translations are the sources; the
``.qm`` files the interface loads are generated here, with the lrelease that
PySide6 ships (PySide6-Essentials is in build-system.requires), and never
committed. An editable install skips this: it compiles a catalogue into the
user's cache on first use (annotator/gui/i18n.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

TRANSLATIONS = Path("annotator", "resources", "translations")


class BuildWithTranslations(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        import PySide6

        tool = Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32"
                                                else "lrelease")
        for source in sorted(TRANSLATIONS.glob("*.ts")):
            target = Path(self.build_lib) / source.with_suffix(".qm")
            target.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([str(tool), "-silent", str(source), "-qm", str(target)], check=True)


setup(cmdclass={"build_py": BuildWithTranslations})
