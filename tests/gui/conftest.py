"""GUI test set-up: offscreen Qt, settings in tmp_path, a small project with an emoji text.

QT_QPA_PLATFORM is set here, before anything imports Qt, so the tests need
no display and no environment from the caller.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from annotator.core import Project  # noqa: E402
from annotator.gui.compat import guard_none_refcount  # noqa: E402

guard_none_refcount()  # PySide6 6.12.0 on CPython 3.11: see annotator/gui/compat.py

ANNOTATOR = "alice"

EMOJI_TEXT = (
    "🇺🇦🙏 Volodymyr Zelenskyy asked Olaf Scholz to send more air defence systems "
    "before the winter.\n\n"
    "The chancellor said on Friday that Germany would deliver two more batteries "
    "in November 2024, according to Die Zeit."
)
CLAIM_TEXT = (
    "Scholz visited Kyiv on 2 December 2024.\n\n"
    "Chancellor Olaf Scholz travelled to Kyiv by train.\n"
    "He met Selenskyj and promised further support.\n"
    "The visit had not been announced in advance.\n"
)
PLAIN_TEXT = (
    "Kremlin spokesman Dmitry Peskov rejected the demand.\n\n"
    "Moscow insists that Ukraine must renounce NATO membership, the Kremlin said on Monday."
)


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path: Path) -> None:
    """Any default QSettings (the user's real file) goes to tmp_path instead."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "qsettings"))


@pytest.fixture()
def settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    from annotator.gui.settings import Settings

    store = Settings(tmp_path / "settings.ini")
    store.annotator_name = ANNOTATOR
    return store


def build_project(path: Path, articles: Path) -> Path:
    articles.mkdir(parents=True, exist_ok=True)
    (articles / "a_emoji.txt").write_text(EMOJI_TEXT, encoding="utf-8")
    (articles / "b_claim.txt").write_text(CLAIM_TEXT, encoding="utf-8")
    (articles / "c_plain.txt").write_text(PLAIN_TEXT, encoding="utf-8")
    with Project.create(path) as project:
        report = project.import_paths([articles])
        assert not report.rejected, report.rejected
        project.add_actor("Volodymyr Zelenskyy", key="zelenskyy", country="UKR",
                          aliases=["Zelenskyj", "Selenskyj", "Zelensky"])
        project.add_actor("Olaf Scholz", key="scholz", country="DEU",
                          aliases=["Scholz", "förbundskanslern", "Bundeskanzler"])
        project.add_actor("Kremlin", key="kremlin", country="RUS", aliases=["Kreml"])
    return path


@pytest.fixture()
def project_path(tmp_path: Path) -> Path:
    return build_project(tmp_path / "test.annotator", tmp_path / "articles")


@pytest.fixture()
def window(qtbot, qapp, settings, project_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from annotator.gui.app import STYLE, create_window

    qapp.setStyleSheet(STYLE)
    win = create_window(settings, project_path)
    win.io.show_report = False
    qtbot.addWidget(win)
    win.resize(1300, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.session.close_project()
