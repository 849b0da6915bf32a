"""Settings, import on a worker thread, accessibility, shortcuts, the screenshot and the offsets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QWidget,
)

from annotator.core.models import ImportReport
from annotator.gui.settings import Settings
from annotator.gui.text.offsets import OffsetMap, snap_to_words


def test_offsets_count_astral_characters_once() -> None:
    text = "🇺🇦🙏 Zelenskyy a𝄞b é"
    offsets = OffsetMap(text)
    for cp in range(len(text) + 1):
        utf16 = len(text[:cp].encode("utf-16-le")) // 2
        assert offsets.to_qt(cp) == utf16
        assert offsets.from_qt(utf16) == cp
    assert offsets.from_qt(1) == 0  # inside the first surrogate pair: its start
    assert offsets.utf16_length == len(text.encode("utf-16-le")) // 2
    assert OffsetMap("plain").to_qt(3) == 3


def test_snap_to_words() -> None:
    text = "Olaf Scholz said: withdraw  troops."
    assert snap_to_words(text, 2, 8) == (0, 11)
    assert snap_to_words(text, 4, 12) == (5, 11)  # leading space and trailing space trimmed
    assert snap_to_words(text, 18, 33) == (18, 34)
    assert snap_to_words(text, 4, 5) == (5, 5)  # only white space


def test_settings_round_trip(tmp_path: Path) -> None:
    store = Settings(tmp_path / "s.ini")
    store.font_size = 99
    store.snap_to_words = False
    store.annotator_name = " bob "
    store.set_splitter_sizes("main", [1, 2, 3])
    for name in ("a", "b", "a"):
        store.add_recent_project(tmp_path / name)
    store.set_last_document(tmp_path / "a", 7)
    store.sync()
    again = Settings(tmp_path / "s.ini")
    assert again.font_size == 32  # clamped
    assert again.snap_to_words is False
    assert again.annotator_name == "bob"
    assert again.splitter_sizes("main") == [1, 2, 3]
    assert again.recent_projects == [str(tmp_path / "a"), str(tmp_path / "b")]
    assert again.last_document(tmp_path / "a") == 7
    assert again.last_document(tmp_path / "b") is None


def test_import_on_a_worker_thread(qtbot: Any, window: Any, tmp_path: Path) -> None:
    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "new.txt").write_text("The Kremlin rejected the proposal on Tuesday, "
                                    "officials in Moscow said.", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    with qtbot.waitSignal(window.io.sig_import_finished, timeout=20000) as blocker:
        assert window.io.import_paths([str(folder)]) is not None
    report: ImportReport = blocker.args[0]
    assert len(report.imported) == 1
    assert [Path(r.source).name for r in report.rejected] == ["empty.txt"]
    assert window.doc_list.model.total == 4
    assert window.progress.text() == "0 of 4 done"
    from annotator.gui.dialogs.basic import import_report_dialog

    dialog = import_report_dialog(report, window)
    rows = dialog.table.model()
    assert rows.rowCount() == 2
    assert {rows.index(r, 0).data() for r in range(2)} == {"accepted", "rejected"}
    assert "the file is empty" in rows.index(1, 2).data()


def test_cancel_an_import(qtbot: Any, window: Any, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):
        (folder / f"a{i:03d}.txt").write_text(
            f"Article {i}: the Kremlin said on Tuesday that the talks would go on. " * 20,
            encoding="utf-8")
    with qtbot.waitSignal(window.io.sig_import_finished, timeout=30000) as blocker:
        window.io.import_paths([str(folder)])
        window.io.progress.findChild(QPushButton).click()  # the dialog's Cancel
    report: ImportReport = blocker.args[0]
    assert report.cancelled
    assert len(report.imported) < 300
    assert window.doc_list.model.total == 3 + len(report.imported)


def test_export_native_on_a_worker_thread(qtbot: Any, window: Any, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with qtbot.waitSignal(window.io.sig_export_finished, timeout=20000) as blocker:
        window.io.export_native(str(out))
    assert "Exported 3 documents" in blocker.args[0]
    assert len(out.read_text(encoding="utf-8").splitlines()) >= 3


def test_every_control_has_an_accessible_name(window: Any) -> None:
    kinds = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit)
    window.form.claim_panel.new_claim()  # the claim editor is enabled with a claim
    checked = 0
    for tab in range(window.form.tabs.count()):  # make every tab's editors visible
        window.form.tabs.setCurrentIndex(tab)
        controls = [w for w in window.findChildren(QWidget)
                    if isinstance(w, kinds) and w.isVisible()
                    and w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        checked += len(controls)
        unnamed = [
            f"{type(w).__name__} {w.objectName()} {getattr(w, 'text', lambda: '')()}"
            for w in window.findChildren(QWidget)
            if isinstance(w, kinds) and w.isVisible() and not w.accessibleName()
            and w.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not isinstance(w.parent(), (QComboBox, QTabBar))
        ]
        assert unnamed == []
    assert checked > 40


def test_none_survives_a_long_session() -> None:
    """PySide6 6.12.0 drops a reference to None per void call on CPython 3.11 (compat.py)."""
    code = ("from annotator.gui.compat import guard_none_refcount\n"
            "from PySide6.QtCore import QPoint\n"
            "guard_none_refcount()\n"
            "point = QPoint()\n"
            "for _ in range(300_000):\n"
            "    point.setX(1)\n"
            "print('alive')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False, timeout=60)
    assert result.stdout.strip() == "alive", result.stderr[-500:]


def test_help_lists_every_shortcut(window: Any) -> None:
    from annotator.gui.actions import shortcut_rows

    rows = shortcut_rows(window.menu_actions, window.session.project.codebook)
    described = {keys for keys, _ in rows}
    for action in window.menu_actions.values():
        for shortcut in getattr(action, "shortcuts", list)():
            assert any(shortcut.toString() in keys for keys in described), shortcut.toString()
    assert {"A", "D", "M", "S"} <= described
    assert any("Ctrl+Z" in keys for keys in described)


def test_render_screenshot(tmp_path: Path, project_path: Path, qapp: Any) -> None:
    from annotator.core import Project
    from annotator.gui.app import Scene, render_scene

    with Project.open(project_path) as project:
        doc_id = project.documents()[1].id
        project.add_span(doc_id, "carol", "ACTOR", 0, 6)
    out = render_scene(project_path, tmp_path / "shot.png", Scene("main", doc_id, size=(1200, 700)))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 700)


def test_tab_order_runs_list_article_form(window: Any) -> None:
    chain: list[QWidget] = []
    widget = window.doc_list.search
    while widget not in chain:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    focusable = [w for w in chain if w.isVisible()
                 and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    order = [focusable.index(w) for w in (
        window.doc_list.search, window.doc_list.status, window.doc_list.view,
        window.view.edit, window.form.tabs.findChild(QTabBar),
        window.form.span_panel.list)]
    assert order == sorted(order)
