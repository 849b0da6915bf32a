"""Data shown as text, never as markup: the one escaping function, and plain widgets.

Qt guesses whether a label's, a tooltip's or a message box's text is rich text
(``Qt.mightBeRichText``) and, if it looks so, renders it as HTML, loading the
images it names: a codebook label ``<img src="/dev/zero">`` would make the
window read /dev/zero until it runs out of memory. Codebooks, names and titles
come from other people (packages travel between annotators), so every place
that shows them either sets ``Qt.PlainText`` (:func:`plain`,
:func:`warn`) or, where the text around them is rich by design, escapes them
with :func:`escape`; a tooltip holding data goes through :func:`tip`.
"""

from __future__ import annotations

import html

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def escape(text: object, *, limit: int | None = None, one_line: bool = False) -> str:
    """``text`` for use inside rich text: ``& < > "`` as entities, line breaks as
    ``<br>`` (or spaces with ``one_line``), cut to ``limit`` characters with an ellipsis."""
    value = str(text)
    if limit is not None and len(value) > limit:
        value = value[:limit - 1] + "…"
    escaped = html.escape(value)
    return escaped.replace("\n", " " if one_line else "<br>")


def tip(text: str) -> str:
    """A tooltip (or message) that shows ``text`` literally.

    Qt renders it as rich text exactly when ``Qt.mightBeRichText`` says so; such a
    text is escaped inside ``<qt>`` (so the entities display as the characters
    they stand for), any other is returned as it is and shown as plain text.
    """
    if not text or not QtGui.Qt.mightBeRichText(text):
        return text
    return f"<qt>{escape(text)}</qt>"


def plain(label: QLabel) -> QLabel:
    """``label`` set to show its text as typed, never as rich text; returned for chaining."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """``QMessageBox.warning`` with ``text`` (which often quotes data) shown literally."""
    QMessageBox.warning(parent, title, tip(text))


def ask(parent: QWidget | None, title: str, text: str, *,
        default_yes: bool = False) -> bool:
    """A Yes/No question whose ``text`` (paths, names, reasons) is shown literally;
    True when the user answers Yes."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    return QMessageBox.question(parent, title, tip(text), yes | no,
                                yes if default_yes else no) == yes

