"""Hostile text in the window: a codebook, titles and actor names made of HTML tags.

Every label, definition and description of the codebook, the document's title,
outlet and claim, its text and an actor's name hold ``<img src="PROBE">``,
where PROBE is a real image file watched with inotify. The main window, the
review window, the agreement view, the registry and the export dialog are
opened, every tooltip is shown; Qt must never open the file (it would if any
of them rendered the data as rich text), and each label showing the data must
show the tag literally. A control case proves the watch sees a rich label
that does load the image.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QToolTip, QWidget

from annotator.core import Project
from annotator.core.codebook import default_codebook_path

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the file watch uses inotify")

_IN_ACCESS, _IN_OPEN = 0x1, 0x20


class FileWatch:
    """Reports whether anything opened or read one file (Linux inotify, through libc)."""

    def __init__(self, path: Path) -> None:
        libc = ctypes.CDLL(None, use_errno=True)
        self.fd = libc.inotify_init1(os.O_NONBLOCK)
        if self.fd < 0 or libc.inotify_add_watch(self.fd, str(path).encode(),
                                                 _IN_ACCESS | _IN_OPEN) < 0:
            pytest.skip("inotify is not available here")

    def touched(self) -> bool:
        try:
            return bool(os.read(self.fd, 4096))
        except BlockingIOError:
            return False

    def close(self) -> None:
        os.close(self.fd)


@pytest.fixture()
def probe(tmp_path: Path) -> Iterator[tuple[Path, FileWatch]]:
    path = tmp_path / "probe.png"
    image = QImage(240, 240, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    assert image.save(str(path))
    watch = FileWatch(path)
    yield path, watch
    watch.close()


@pytest.fixture()
def project_path(tmp_path: Path, probe: tuple[Path, FileWatch]) -> Path:
    """The conftest's ``window`` opens this project: every text in it holds the tag."""
    return _hostile_project(tmp_path, _tag(probe[0]))


def _tag(image: Path) -> str:
    return f"<img src='{image}'>"


def _hostile_project(tmp_path: Path, tag: str) -> Path:
    source = default_codebook_path().read_text(encoding="utf-8")
    hostile = re.sub(r'\b(label|definition|description) = "', rf'\1 = "{tag} ', source)
    book = tmp_path / "hostile.toml"
    book.write_text(hostile, encoding="utf-8")
    text = (f"{tag} Olaf Scholz urged Vladimir Putin to withdraw his troops.\n\n"
            "The call took place on Friday, according to Die Zeit.")
    articles = tmp_path / "hostile.jsonl"
    articles.write_text(json.dumps({
        "text": text, "title": f"{tag} title", "outlet": f"{tag} outlet",
        "claim": f"{tag} claim", "language": "en"}) + "\n", encoding="utf-8")
    path = tmp_path / "hostile.annotator"
    with Project.create(path, codebook=book) as project:
        assert not project.import_paths([articles]).rejected
        actor = project.add_actor(f"{tag} Vladimir Putin", key="putin")
        doc_id = project.documents()[0].id
        stored = project.text(doc_id)
        start = stored.index("Vladimir Putin")
        project.add_span(doc_id, "alice", "ACTOR", 0, len(tag) + 12,
                         actor_id=actor.after.id)
        project.add_span(doc_id, "alice", "ACTOR", start, start + 14)
        project.add_span(doc_id, "bob", "SOURCE", start, start + 14)
    return path


def _labels_and_tips(tag: str) -> tuple[list[QLabel], list[tuple[QWidget, str]]]:
    labels, tips = [], []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLabel) and tag in widget.text():
            labels.append(widget)
        if widget.toolTip():
            tips.append((widget, widget.toolTip()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            for row in range(min(model.rowCount(QModelIndex()), 50)):
                for column in range(model.columnCount(QModelIndex())):
                    shown = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
                    if isinstance(shown, str) and shown:
                        tips.append((widget, shown))
    return labels, tips


def test_hostile_codebook_titles_and_names_are_shown_as_text(
        qtbot, qapp, window, tmp_path: Path,  # type: ignore[no-untyped-def]
        probe: tuple[Path, FileWatch]) -> None:
    from annotator.gui.review import open_agreement_view, open_review_window

    image, watch = probe
    tag = _tag(image)
    win = window
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()
              and p.suffix in (".toml", ".jsonl")}
    qtbot.keyClick(win.view.edit, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    review = open_review_window(win.session, win)
    qtbot.addWidget(review)
    review.show()
    agreement = open_agreement_view(win.session, win)
    qtbot.addWidget(agreement)
    agreement.show()
    registry = win.tools.open_actor_registry()
    export = win.tools.open_export()
    for shown in (win, review, agreement, registry, export):
        if shown is not None:
            shown.show()
            shown.grab()  # lays out and paints every visible widget
    qapp.processEvents()

    labels, tips = _labels_and_tips(str(image))
    for label in labels:
        label.sizeHint()  # lays the text out as showing it would, hidden tabs included
    for widget, text in tips:
        QToolTip.showText(widget.mapToGlobal(QPoint(2, 2)), text, widget)
        qapp.processEvents()
    QToolTip.hideText()
    assert not watch.touched(), "Qt opened the file an <img> tag names"
    assert labels, "the hostile data should be on screen somewhere"
    for label in labels:
        rich = label.textFormat() != Qt.TextFormat.PlainText
        assert not (rich and tag in label.text()), f"rich label shows data: {label.text()!r}"
    for widget, text in tips:
        assert tag not in text, f"tooltip of {type(widget).__name__} holds raw markup"
    visible = [label.text() for label in labels if label.isVisible()]
    assert any(tag in text for text in visible)  # the tag itself is what the user sees
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name in before}
    assert after == before
    for shown in (review, agreement, registry, export):
        if shown is not None:
            shown.close()


def test_the_file_watch_sees_a_rich_label_load_the_image(
        qtbot, probe: tuple[Path, FileWatch]) -> None:  # type: ignore[no-untyped-def]
    image, watch = probe
    label = QLabel(_tag(image))
    qtbot.addWidget(label)
    label.show()
    label.grab()
    assert label.sizeHint().height() >= 200  # the image was laid out
    assert watch.touched()
