"""The annotation workspace: document list | article | form, with menus and the progress bar.

The window holds no domain logic: it shows what the session's project says,
forwards the annotator's requests to the session, and refreshes the parts a
:class:`~annotator.core.models.Changes` names. Everything shown is the
session annotator's own work (blind annotation).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
)

from annotator.core.models import ChangeKind, Changes, DocId, Document, ImportReport, Status
from annotator.core.project import Project
from annotator.core.project.commands import Redetect
from annotator.gui import actions as window_actions
from annotator.gui import i18n
from annotator.gui.dialogs.backup_dialog import offer_restore_if_damaged
from annotator.gui.dialogs.basic import ask_annotator_name, shortcuts_dialog
from annotator.gui.live import own_changes
from annotator.gui.session import Session
from annotator.gui.settings import DEFAULT_FONT_SIZE, Settings
from annotator.gui.text.plain import plain, tip, warn
from annotator.gui.workspace import guideline_dock, learning, search_dock
from annotator.gui.workspace.actor_picker import candidates_hint
from annotator.gui.workspace.annotation_form import AnnotationForm
from annotator.gui.workspace.document_list import DocumentList
from annotator.gui.workspace.document_view import DocumentView
from annotator.gui.workspace.import_export import ImportExport
from annotator.gui.workspace.live_refresh import LiveRefresh
from annotator.gui.workspace.suggestions import SuggestionController
from annotator.gui.workspace.tools import WindowTools

MESSAGE_MS = 6000


class MainWindow(QMainWindow):
    """The window annotators live in."""

    sig_document_shown = Signal(int)
    """A document is on screen (text, spans and form filled)."""

    def __init__(self, session: Session, settings: Settings) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self.doc: Document | None = None
        self.doc_list = DocumentList()
        self.view = DocumentView()
        self.form = AnnotationForm(session)
        self.io = ImportExport(session, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        for widget in (self.doc_list, self.view, self.form):
            self.splitter.addWidget(widget)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Documents done")
        self.progress.setFormat("%v of %m done")
        self.progress.setMaximumWidth(220)
        self.who = plain(QLabel())
        self.statusBar().addPermanentWidget(self.who)
        self.statusBar().addPermanentWidget(self.progress)
        self.menu_actions = window_actions.build(self, self._slots(), session.undo_stack)
        self.recent_menu = self.menuBar().findChild(QMenu, "recent_menu")
        self.setTabOrder(self.doc_list.view, self.view.edit)
        self.setTabOrder(self.view.edit, self.form.tabs)
        self._connect()
        self.tools = WindowTools(self)  # after _connect: its title note follows _show_project
        self._restore_layout()
        self.suggest = SuggestionController(self)
        self.learning = learning.install(self)
        self.search = search_dock.install(self)
        self.guide = guideline_dock.install(self)
        self.live = LiveRefresh(self)
        i18n.add_language_menu(self, settings)
        i18n.notifier().sig_language_changed.connect(self._on_language_changed)
        self._show_project(None)

    def _slots(self) -> dict[str, window_actions.Slot]:
        return {
            "new_project": self.ask_new_project, "open_project": self.ask_open_project,
            "import_files": self.io.ask_import_files, "import_folder": self.io.ask_import_folder,
            "export_native": self.io.ask_export_native,
            "change_annotator": self.ask_annotator, "quit": self.close,
            "find": self.view.find_bar.open_bar, "new_claim": self.form.new_claim,
            "find_annotations": lambda: self.search.open_dock(),
            "confirm_proposed": self.form.confirm_proposed,
            "guideline": lambda: guideline_dock.show_here(self),
            "zoom_in": lambda: self.zoom(+1), "zoom_out": lambda: self.zoom(-1),
            "zoom_reset": lambda: self.zoom(0), "snap": self._on_snap_toggled,
            "focus_list": self.doc_list.view.setFocus, "focus_article": self.view.edit.setFocus,
            "focus_span": self.form.focus_span_editor, "focus_claims": self.form.focus_claims,
            "focus_document": self.form.focus_document_fields,
            "mark_done": self.mark_done_and_next,
            "mark_in_progress": lambda: self.set_status(Status.IN_PROGRESS),
            "redetect": self.redetect_document,
            "next_unfinished": self.go_next_unfinished,
            "previous": lambda: self.go_neighbour(-1), "next": lambda: self.go_neighbour(+1),
            "shortcuts": self.show_shortcuts, "about": self.show_about,
            "learn_train": lambda: self.learning.train(),
            "learn_pane": lambda: self.learning.dock.show(),
            **SuggestionController.menu_slots(self), **WindowTools.menu_slots(self),
        }

    def _connect(self) -> None:
        self.session.sig_project_opened.connect(self._on_session_project_opened)
        self.session.sig_project_closed.connect(self._on_session_project_closed)
        self.session.sig_changed.connect(own_changes(self._on_session_changed))
        self.session.sig_revisit.connect(self._on_session_revisit)
        self.session.sig_error.connect(self._on_session_error)
        self.session.sig_annotator_changed.connect(self._on_session_annotator_changed)
        self.doc_list.sig_document_activated.connect(self._on_doc_list_document_activated)
        self.view.sig_span_requested.connect(self._on_view_span_requested)
        self.view.sig_span_selected.connect(self._on_view_span_selected)
        self.view.sig_boilerplate_requested.connect(self._on_view_boilerplate_requested)
        self.view.sig_delete_requested.connect(self._on_view_delete_requested)
        self.view.sig_relabel_requested.connect(self._on_view_relabel_requested)
        self.view.sig_boundary_requested.connect(self._on_view_boundary_requested)
        self.view.sig_edit_requested.connect(self.form.focus_span_editor)
        self.form.sig_span_selected.connect(self._on_form_span_selected)
        self.io.sig_export_finished.connect(self._on_io_export_finished)
        self.io.sig_import_finished.connect(self._on_io_import_finished)
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_about_to_show)

    # ------------------------------------------------------------- projects

    def open_project(self, path: str | Path, *, create: bool = False,
                     read_only: bool = False) -> Project | None:
        self.form.flush()
        self._remember_document()
        try:
            self.session.open_project(path, create=create, read_only=read_only)
        except Exception as exc:  # noqa: BLE001 - any unreadable file is reported, not fatal
            if offer_restore_if_damaged(self, path, exc):  # damaged: offers the latest backup
                return self.session.project if self.session.path == Path(path) else None
            warn(self, "annotator", f"Cannot open {path}:\n{exc}")
            return None
        self.settings.add_recent_project(path)
        return self.session.project

    def ask_new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New project", "news.annotator",
                                              "Annotator projects (*.annotator)")
        if path:
            self.open_project(path, create=True)

    def ask_open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open project", "",
                                              "Annotator projects (*.annotator);;All files (*)")
        if path:
            self.open_project(path)

    def ask_annotator(self) -> None:
        name = ask_annotator_name(self, self.session.annotator)
        if name:
            self.settings.annotator_name = name
            self.session.set_annotator(name)

    def _show_project(self, project: Project | None) -> None:
        book = i18n.localized(project.codebook) if project else None
        self.form.set_codebook(book)
        self.view.set_layers(book.layers if book else ())
        if project is not None:
            self.reload_actors()
        self.doc_list.set_project(project, self.session.annotator)
        title = f"{project.path.name} — annotator" if project else "annotator"
        self.setWindowTitle(title)
        self.who.setText(f"Annotator: {self.session.annotator}" if project else "")
        for name in ("import_files", "import_folder", "export_native", "mark_done",
                     "next_unfinished", "previous", "next", "new_claim", "mark_in_progress",
                     "redetect"):
            self.menu_actions[name].setEnabled(project is not None)
        self.update_progress()
        self.show_document(None)
        if project is not None:
            last = self.settings.last_document(project.path)
            first = self.doc_list.model.doc_id_at(0)
            self.show_document(last if last and self._exists(last) else first)
            self.view.edit.setFocus()  # ready to select and mark

    def _on_language_changed(self, _language: str) -> None:
        """The codebook's labels in the new language: the form and the layer buttons anew."""
        if self.session.project is None:
            return
        book = i18n.localized(self.session.project.codebook)
        self.form.set_codebook(book)
        self.view.set_layers(book.layers)
        self.show_document(self.doc.id if self.doc else None)

    def _exists(self, doc_id: int) -> bool:
        assert self.session.project is not None
        try:
            self.session.project.document(DocId(doc_id))
        except KeyError:
            return False
        return True

    def reload_actors(self) -> None:
        assert self.session.project is not None
        actors = self.session.project.actors()
        self.form.set_actors(actors)
        self.view.set_actor_names({int(a.id): a.canonical_name for a in actors})

    # ------------------------------------------------------------ documents

    def show_document(self, doc_id: int | None) -> None:
        """Put ``doc_id`` on screen: text, the annotator's spans, claims and values."""
        self.form.flush()
        project = self.session.project
        if project is None or doc_id is None:
            self.doc = None
            self.view.set_document(None, [])
            self.form.set_document(None, [], [], {})
            self.view.meta.setText("No document" if project else
                                   "No project open — File › New project or File › Open")
            return
        doc_id = DocId(int(doc_id))
        self.doc = project.document(doc_id)
        spans = self.session.my_spans(doc_id)
        self.view.set_document(self.doc, spans)
        self.form.set_document(self.doc, spans, self.session.my_claims(doc_id),
                               self.session.my_values(doc_id))
        self.doc_list.select_doc(doc_id)
        self.sig_document_shown.emit(int(doc_id))

    def go_neighbour(self, delta: int) -> None:
        doc_id = self.doc_list.neighbour(delta)
        if doc_id is not None:
            self.show_document(doc_id)

    def go_next_unfinished(self, *, least_sure: bool = True) -> None:
        """The next unfinished document in the list, or, with the learned pane's "least
        sure" option on, the unstarted one the model is least sure of."""
        if least_sure and self.learning.next_document():
            return
        doc_id = self.doc_list.next_unfinished()
        if doc_id is None:
            self.statusBar().showMessage("Every document is done.", MESSAGE_MS)
        else:
            self.show_document(doc_id)

    def set_status(self, status: Status) -> bool:
        if self.doc is None:
            return False
        self.form.flush()
        return self.session.set_status(self.doc.id, status)

    def mark_done_and_next(self) -> None:
        if self.set_status(Status.DONE):
            self.go_next_unfinished()

    def _refresh_current(self, kind: ChangeKind) -> None:
        if self.doc is None:
            return
        doc_id = self.doc.id
        if kind & (ChangeKind.SPANS | ChangeKind.CLAIMS):
            spans = self.session.my_spans(doc_id)
            self.view.set_spans(spans)
            self.form.set_spans(spans)
            self.form.set_claims(self.session.my_claims(doc_id))
            if self._first_edit(doc_id):  # it may have pre-filled the outlet reliability
                self.form.set_values(self.session.my_values(doc_id))
        elif ChangeKind.VALUES in kind:
            self.form.set_values(self.session.my_values(doc_id))
        elif ChangeKind.DOCUMENTS in kind:
            self.show_document(doc_id)
        if kind & (ChangeKind.SPANS | ChangeKind.CLAIMS | ChangeKind.VALUES):
            self.doc_list.model.set_status(doc_id, self.session.my_status(doc_id))

    def _first_edit(self, doc_id: DocId) -> bool:
        """Whether the list still shows 'not started' for a document the annotator has now
        begun (the list is told just after)."""
        row = self.doc_list.model.row_of(doc_id)
        return row is not None and \
            self.doc_list.model.record(row).status is Status.NOT_STARTED and \
            self.session.my_status(doc_id) is not Status.NOT_STARTED

    def update_progress(self) -> None:
        project = self.session.project
        total = project.count_documents() if project else 0
        done = project.count_documents(annotator=self.session.annotator, status="done") \
            if project else 0
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} of {total} done")
        self.progress.setToolTip(tip(f"{done} of {total} documents done by "
                                     f"{self.session.annotator}"))

    # ------------------------------------------------------------------ view

    def zoom(self, step: int) -> None:
        size = DEFAULT_FONT_SIZE if step == 0 else self.settings.font_size + step
        self.settings.font_size = size
        self.view.set_font_size(self.settings.font_size)

    def show_shortcuts(self) -> None:
        project = self.session.project
        book = i18n.localized(project.codebook) if project else None
        rows = window_actions.shortcut_rows(self.menu_actions, book)
        shortcuts_dialog(rows, self).exec()

    def show_about(self) -> None:
        from annotator import __version__

        QMessageBox.about(self, "About annotator",
                          f"annotator {__version__}\nOffline annotation of news articles.")

    def _restore_layout(self) -> None:
        if not self.settings.geometry.isEmpty():
            self.restoreGeometry(self.settings.geometry)
        else:
            self.resize(1440, 880)
        sizes = self.settings.splitter_sizes("main")
        self.splitter.setSizes(sizes if len(sizes) == 3 else [360, 660, 420])
        self.view.set_font_size(self.settings.font_size)
        self.view.snap = self.settings.snap_to_words
        self.menu_actions["snap"].setChecked(self.view.snap)

    def _remember_document(self) -> None:
        """Where to resume; written on close and project change, not on every switch
        (a QSettings write costs more than the whole switch)."""
        if self.session.project is not None and self.doc is not None:
            self.settings.set_last_document(self.session.project.path, self.doc.id)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.form.flush()
        self._remember_document()
        self.session.live.stop()  # no more polling, and the presence file goes
        self.settings.geometry = self.saveGeometry()
        self.settings.set_splitter_sizes("main", self.splitter.sizes())
        self.settings.sync()
        super().closeEvent(event)

    # -------------------------------------------------------------- handlers

    def _on_session_project_opened(self, project: Project) -> None:
        self._show_project(project)

    def _on_session_project_closed(self) -> None:
        self._show_project(None)

    def _on_session_annotator_changed(self, _name: str) -> None:
        self._show_project(self.session.project)

    def _on_session_changed(self, changes: Changes) -> None:
        kind = changes.kind
        if kind is ChangeKind.ACTORS:
            self.reload_actors()
            kind = ChangeKind.SPANS  # names shown in the span and claim lists
        if kind is ChangeKind.STATUS:
            for doc_id in changes.doc_ids:
                self.doc_list.model.set_status(doc_id, Status(changes.after))
            self.update_progress()
            return
        if kind is ChangeKind.DOCUMENTS:  # shared fields: ``after`` holds the new ones
            for doc_id in changes.doc_ids:
                self.doc_list.model.set_summary(doc_id, **changes.after)
        if kind is ChangeKind.ALL:  # an import or a merge: the list may differ anywhere
            self.doc_list.set_project(self.session.project, self.session.annotator)
            self.update_progress()
            self.doc_list.select_doc(self.doc.id if self.doc else None)
            return
        if self.doc is not None and (not changes.doc_ids or self.doc.id in changes.doc_ids):
            self._refresh_current(kind)

    def _on_session_revisit(self, doc_id: int) -> None:
        if self.doc is None or self.doc.id != doc_id:
            self.show_document(doc_id)

    def _on_session_error(self, message: str) -> None:
        self.statusBar().showMessage(message, MESSAGE_MS)
        if self.doc is not None:  # show the stored values again, not the refused ones
            self.form.set_document(self.doc, self.session.my_spans(self.doc.id),
                                   self.session.my_claims(self.doc.id),
                                   self.session.my_values(self.doc.id))

    def _on_doc_list_document_activated(self, doc_id: int) -> None:
        if self.doc is None or self.doc.id != doc_id:
            self.show_document(doc_id)

    def redetect_document(self) -> None:
        """Take what detection finds today for this document (one undoable step)."""
        if self.doc is None:
            return
        command = Redetect(self.doc.id, self.session.annotator)
        if self.session.execute(command) is None or not command.found:
            self.statusBar().showMessage("Re-detection: nothing would change", MESSAGE_MS)
            return
        self.statusBar().showMessage("Re-detected: " + "; ".join(command.found), MESSAGE_MS)

    def _on_view_boilerplate_requested(self, start: int, end: int, boilerplate: bool) -> None:
        if self.doc is not None:
            self.session.mark_boilerplate(self.doc.id, start, end, boilerplate)

    def _on_view_span_requested(self, layer: str, start: int, end: int) -> None:
        if self.doc is not None:
            span = self.session.add_span(self.doc.id, layer, start, end)
            if span is not None:
                self.view.select_span(int(span.id), scroll=False)
                self.form.select_span(int(span.id))
                hint = candidates_hint(self.session.project, span)
                if hint:
                    self.statusBar().showMessage(hint, MESSAGE_MS)

    def _on_view_span_selected(self, span_id: int | None) -> None:
        self.form.select_span(span_id)

    def _on_view_delete_requested(self, span_id: int) -> None:
        span = self.view.selected_span
        if span is not None and span.id == span_id:
            self.session.remove_span(span)

    def _on_view_relabel_requested(self, span_id: int, layer: str) -> None:
        span = self.view.selected_span
        if span is not None and span.id == span_id and span.layer != layer:
            self.session.update_span(span, layer=layer)

    def _on_view_boundary_requested(self, span_id: int, start: int, end: int) -> None:
        span = self.view.selected_span
        if span is not None and span.id == span_id:
            self.session.update_span(span, start=start, end=end)

    def _on_form_span_selected(self, span_id: int | None) -> None:
        self.view.select_span(span_id)

    def _on_snap_toggled(self) -> None:
        self.view.snap = self.menu_actions["snap"].isChecked()
        self.settings.snap_to_words = self.view.snap

    def _on_io_export_finished(self, message: str) -> None:
        self.statusBar().showMessage(message, MESSAGE_MS)

    def _on_io_import_finished(self, report: ImportReport) -> None:
        self.statusBar().showMessage(report.summary(), MESSAGE_MS)

    def _on_recent_menu_about_to_show(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_projects:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_project(p))
        if not self.settings.recent_projects:
            self.recent_menu.addAction("(none)").setEnabled(False)
