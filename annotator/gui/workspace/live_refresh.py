"""The main window's answer to other windows and processes writing the same project.

The session announces what others committed as Changes with the initiator
:data:`~annotator.core.live.EXTERNAL` (see :mod:`annotator.gui.live`).
:class:`LiveRefresh` brings the window up to date without getting in the
annotator's way: the document list is re-read keeping the current row and the
scroll position, the open document's spans are redrawn keeping the selected
span and the scroll position (the text itself never changes), and the form is
refreshed only when the annotator is not in it: while a field there has the
focus, the refresh waits until the focus leaves the form, so nothing being
typed is overwritten or committed half-way. It also shows who else has the
project open, and offers to view it read-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from annotator.core.live import EXTERNAL
from annotator.core.models import ChangeKind, Changes

if TYPE_CHECKING:
    from annotator.gui.workspace.main_window import MainWindow

NOTE_MS = 15000


class LiveRefresh:
    """Keeps one main window in step with what other connections write."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.form_pending = False
        """The form waits for the focus to leave it before showing others' edits."""
        self.shared = QLabel()
        self.shared.setObjectName("sharedNote")
        self.shared.setAccessibleName("Also open elsewhere")
        self.shared.hide()
        window.statusBar().addPermanentWidget(self.shared)
        self.offer: QMessageBox | None = None
        window.session.sig_changed.connect(self._on_session_changed)
        window.session.sig_presence.connect(self._on_session_presence)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    # ------------------------------------------------------------- refresh

    def refresh(self, changes: Changes[object]) -> None:
        """Show what another window or process changed."""
        window, session = self.window, self.window.session
        if session.project is None:
            return
        if changes.touches(ChangeKind.ACTORS):
            window.reload_actors()
        self.refresh_list()
        window.update_progress()
        doc = window.doc
        if doc is None or (changes.doc_ids and doc.id not in changes.doc_ids):
            return
        if changes.touches(ChangeKind.DOCUMENTS):
            try:
                window.doc = session.project.document(doc.id)
            except KeyError:  # deleted elsewhere (a restore): nothing left to show
                window.show_document(None)
                return
            window.view.set_meta(window.doc)
        window.view.set_spans(session.my_spans(doc.id))
        self.refresh_form()

    def refresh_list(self) -> None:
        """Re-read the document list, keeping the current row and where it is scrolled to."""
        doc_list = self.window.doc_list
        bar = doc_list.view.verticalScrollBar()
        position, rows = bar.value(), doc_list.model.rowCount()
        current = doc_list.current_doc_id()
        doc_list.model.reload()
        while doc_list.model.rowCount() < rows and doc_list.model.canFetchMore(QModelIndex()):
            doc_list.model.fetchMore(QModelIndex())
        doc_list.select_doc(current)
        bar.setValue(position)

    def refresh_form(self) -> None:
        """Fill the form from the store, unless the annotator is working in it."""
        window, session = self.window, self.window.session
        if window.doc is None or session.project is None:
            self.form_pending = False
            return
        if _inside(window.form, QApplication.focusWidget()):
            self.form_pending = True
            return
        self.form_pending = False
        doc_id = window.doc.id
        spans = session.my_spans(doc_id)
        window.form.set_spans(spans)
        window.form.set_claims(session.my_claims(doc_id))
        window.form.set_values(session.my_values(doc_id))

    # ------------------------------------------------------------ presence

    def show_presence(self, note: str) -> None:
        """Say who else has the project open, and whether its folder is unsafe."""
        self.shared.setText(f"⚠ {note}" if note else "")
        self.shared.setToolTip(note)
        self.shared.setVisible(bool(note))
        if not note:
            return
        self.window.statusBar().showMessage(note, NOTE_MS)
        if self.offer is None:
            self._tell(note, offer_read_only=bool(self.window.session.live.others()))

    def _tell(self, note: str, *, offer_read_only: bool) -> None:
        """A non-modal note; with others present, editing goes on unless the annotator
        picks read-only."""
        project = self.window.session.project
        offer_read_only = offer_read_only and project is not None and not project.read_only
        text = f"{note[:1].upper()}{note[1:]}."
        if offer_read_only:
            text += "\n\nEdits from every window are kept; you can also view it read-only."
        box = QMessageBox(QMessageBox.Icon.Warning, "annotator", text, parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)  # the note quotes a path
        keep = box.addButton("Keep editing" if offer_read_only else "OK",
                             QMessageBox.ButtonRole.AcceptRole)
        if offer_read_only:
            box.addButton("View read-only", QMessageBox.ButtonRole.ActionRole)
        box.setModal(False)
        box.buttonClicked.connect(lambda button: self._on_offer_clicked(button is not keep))
        self.offer = box
        box.show()

    def _on_offer_clicked(self, read_only: bool) -> None:
        self.offer = None
        project = self.window.session.project
        if read_only and project is not None:
            self.window.open_project(project.path, read_only=True)

    # ------------------------------------------------------------- handlers

    def _on_session_changed(self, changes: Changes[object]) -> None:
        if changes.initiator == EXTERNAL:
            self.refresh(changes)

    def _on_session_presence(self, note: str) -> None:
        self.show_presence(note)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.form_pending and not _inside(self.window.form, new):
            self.refresh_form()


def _inside(container: QWidget, widget: QWidget | None) -> bool:
    return widget is not None and (widget is container or container.isAncestorOf(widget))
