"""The first-run dialog (blind annotation, the sample as anna) and the application icon."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog

from annotator.gui.dialogs.first_run import FirstRunDialog
from annotator.gui.settings import Settings


def _same_icon(first: QIcon, second: QIcon) -> bool:
    return not first.isNull() and first.pixmap(32, 32).toImage() == second.pixmap(32, 32).toImage()


def test_the_prompt_explains_blind_annotation(qtbot: Any) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    text = dialog.explanation.text()
    assert "blind" in text and "only your own" in text
    assert text.count(". ") <= 2  # one or two sentences


def test_an_invalid_name_is_refused_with_one_line(qtbot: Any) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name, "<script>")
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.choice is None
    assert dialog.error.text().startswith("Use 1-64")
    qtbot.keyClick(dialog.name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.name, "Maria Lind")
    assert dialog.error.text() == ""
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice is not None and dialog.choice.name == "Maria Lind"
    assert not dialog.choice.try_sample


def _answer_first_run(qtbot: Any, act: Any) -> None:
    """Drive the modal first-run dialog once it is open."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstRunDialog)
        act(dialog)
    QTimer.singleShot(0, answer)


def test_trying_the_sample_opens_it_as_anna_and_keeps_no_name(qtbot: Any, qapp: Any,
                                                              tmp_path: Path) -> None:
    from annotator.gui.app import start_window

    settings = Settings(tmp_path / "first.ini")
    _answer_first_run(qtbot, lambda d: qtbot.mouseClick(d.sample, Qt.MouseButton.LeftButton))
    window = start_window(settings, None, sample_path=tmp_path / "data" / "sample.annotator")
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert window.session.annotator == "anna"
        assert window.session.path == tmp_path / "data" / "sample.annotator"
        assert window.doc_list.view.model().rowCount() == 12
        window.show_document(int(window.session.project.documents()[0].id))
        assert window.view.spans  # a newcomer sees anna's annotations at once
        assert settings.annotator_name == ""  # the next start asks again
    finally:
        window.session.close_project()


def test_a_new_name_is_kept_and_cancelling_quits(qtbot: Any, qapp: Any, tmp_path: Path) -> None:
    from annotator.gui.app import start_window

    settings = Settings(tmp_path / "first.ini")
    _answer_first_run(qtbot, lambda d: d.reject())
    assert start_window(settings, None) is None
    assert settings.annotator_name == ""

    def type_name(dialog: FirstRunDialog) -> None:
        qtbot.keyClicks(dialog.name, "ML")
        qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    _answer_first_run(qtbot, type_name)
    window = start_window(settings, None)
    assert window is not None
    qtbot.addWidget(window)
    assert settings.annotator_name == "ML" and window.session.annotator == "ML"


def test_every_top_level_window_shows_the_application_icon(qtbot: Any, qapp: Any,
                                                           settings: Settings,
                                                           project_path: Path) -> None:
    from annotator.gui.app import _application, application_icon, create_window
    from annotator.gui.dialogs.basic import shortcuts_dialog
    from annotator.gui.review.launch import open_agreement_view, open_review_window

    assert _application() is qapp
    icon = application_icon()
    assert _same_icon(qapp.windowIcon(), icon)
    assert icon.pixmap(64, 64).toImage().pixelColor(128 // 4, 128 // 4).alpha() > 0
    window = create_window(settings, project_path)
    qtbot.addWidget(window)
    review = open_review_window(project_path, None, reviewer="rita", settings=settings)
    agreement = open_agreement_view(project_path, None, settings=settings, run=False)
    first = FirstRunDialog()
    shortcuts = shortcuts_dialog([("F1", "help")], window)
    for widget in (window, review, agreement, first, shortcuts):
        qtbot.addWidget(widget)
        assert _same_icon(widget.windowIcon(), icon), type(widget).__name__
    window.session.close_project()
