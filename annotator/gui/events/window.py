"""The events window: events across documents as a timeline, their reports and grades.

Left, the events the user sees (an annotator their own, a reviewer all) in
date order; in the middle, the reports of the selected event (outlet, date,
demand, the annotator's grade and the grade corroboration suggests, how each
stands against the first report) with the first report, the independent
outlets and the contradictions above them; right, the user's claims that are
in no event, with the events suggested for the selected one. A second tab
shows the evidence for a document's claim line beside the article.

Every edit (create, merge, split, rename, add to and take out of an event,
accept a suggested grade or stance) is an undoable command run through the
session on this window's own undo stack.

    python -m annotator.gui.events.window sample_project/sample.annotator
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.events import ledger
from annotator.core.events.records import Event
from annotator.core.models import GOLD, ChangeKind, Changes, DocId
from annotator.core.project import Project
from annotator.core.project import event_commands as ec
from annotator.core.project.commands import Command, UpdateClaim
from annotator.gui.events.evidence import EvidencePanel
from annotator.gui.events.models import EVENT_COLUMNS, LOOSE_COLUMNS, REPORT_COLUMNS, LooseClaim
from annotator.gui.models.record_table import RecordTableModel
from annotator.gui.session import Session
from annotator.gui.standalone import run
from annotator.gui.text.plain import plain

_REFRESH = ChangeKind.EVENTS | ChangeKind.CLAIMS | ChangeKind.DOCUMENTS


def _table(model: RecordTableModel, name: str, stretch: int) -> QTableView:
    """A read-only table; columns fit their contents except ``stretch``, which takes the rest."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setMaximumSectionSize(150)  # the text column keeps room; longer cells elide
    view.verticalHeader().hide()
    return view


class EventsWindow(QWidget):
    """Events, their reports, claims in no event, and the evidence tab."""

    sig_events_changed = Signal(object)
    """The events changed and the window shows it (the :class:`Changes`)."""

    def __init__(self, session: Session, *, reviewer: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Events" + (" of every annotator (review)" if reviewer else ""))
        self.setAccessibleName("Events")
        self.session = session
        self.reviewer = reviewer
        self.undo_stack = session.add_stack("events", self)
        self.events = RecordTableModel(EVENT_COLUMNS, key=lambda e: e.id, parent=self)
        self.reports = RecordTableModel(REPORT_COLUMNS, key=lambda r: r["claim_id"], parent=self)
        self.loose = RecordTableModel(LOOSE_COLUMNS, key=lambda c: c.claim_id, parent=self)
        self.buttons: dict[str, QPushButton] = {}
        self._evidence_stale = True
        self._build()
        self._connect()
        self.reload()

    @property
    def project(self) -> Project:
        project = self.session.project
        assert project is not None, "the events window needs an open project"
        return project

    @property
    def viewer(self) -> str | None:
        """Whose events and links are shown: the annotator's, or everyone's for a reviewer."""
        return None if self.reviewer else self.session.annotator

    @property
    def by(self) -> str:
        return GOLD if self.reviewer else self.session.annotator

    # ------------------------------------------------------------- building

    def _button(self, key: str, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.setToolTip(accessible)
        self.buttons[key] = button
        return button

    def _build(self) -> None:
        self.event_view = _table(self.events, "Events", 1)
        self.report_view = _table(self.reports, "Reports of the event", 2)
        self.loose_view = _table(self.loose, "Claims in no event", 2)
        self.label_edit = QLineEdit()
        self.label_edit.setAccessibleName("Event label")
        self.place_edit = QLineEdit()
        self.place_edit.setAccessibleName("Event place")
        self.place_edit.setPlaceholderText("Place")
        self.summary = plain(QLabel())
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Event summary")
        self.hint = plain(QLabel())
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName("Suggested events")
        self.status = plain(QLabel())
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Events messages")
        left = self._column(QLabel("Events (timeline)"), self.event_view, self._row(
            self._button("merge", "&Merge", "Merge the selected events"),
            self._button("delete", "&Delete", "Delete the selected event")),
            self._row(self.label_edit, self.place_edit,
                      self._button("rename", "&Save", "Save the event's label and place")))
        middle = self._column(self.summary, self.report_view, self._row(
            self._button("split", "&Split off", "Move the selected reports to a new event"),
            self._button("unlink", "Take &out", "Take the selected reports out of the event"),
            self._button("grade", "Accept suggested &grade",
                         "Set the selected report's grade to the suggested one")))
        right = self._column(QLabel("Your claims in no event"), self.loose_view, self.hint,
                             self._row(
            self._button("create", "&Create event", "Create an event from the selected claims"),
            self._button("link", "&Add to event", "Add the selected claim to the selected "
                         "event"),
            self._button("suggested", "Add to s&uggested",
                         "Add the selected claim to its best suggested event")))
        split = QSplitter()
        for part in (left, middle, right):
            split.addWidget(part)
        split.setSizes([330, 720, 420])
        events_tab = QWidget()
        tab_layout = QVBoxLayout(events_tab)
        tab_layout.addWidget(split, 1)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.status, 1)
        for action in self._undo_actions():
            tool = QToolButton()
            tool.setDefaultAction(action)
            tool.setAccessibleName(action.text())
            undo_row.addWidget(tool)
        tab_layout.addLayout(undo_row)
        self.evidence = EvidencePanel(self.session, self.undo_stack, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(events_tab, "&Events")
        self.tabs.addTab(self.evidence, "E&vidence for a claim line")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    @staticmethod
    def _row(*widgets: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        return row

    @staticmethod
    def _column(*parts: QWidget | QHBoxLayout) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        for part in parts:
            if isinstance(part, QHBoxLayout):
                layout.addLayout(part)
            else:
                layout.addWidget(part, 1 if isinstance(part, QTableView) else 0)
        return box

    def _undo_actions(self) -> tuple[Any, Any]:
        self.undo_action = self.undo_stack.createUndoAction(self, "Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "Redo")
        self.redo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo),
                                       QKeySequence("Ctrl+Shift+Z")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        return self.undo_action, self.redo_action

    def _connect(self) -> None:
        self.event_view.selectionModel().selectionChanged.connect(self._on_events_selected)
        self.report_view.selectionModel().selectionChanged.connect(self._on_reports_selected)
        self.loose_view.selectionModel().selectionChanged.connect(self._on_loose_selected)
        self.buttons["create"].clicked.connect(self.create_event)
        self.buttons["merge"].clicked.connect(self.merge_events)
        self.buttons["split"].clicked.connect(self.split_event)
        self.buttons["rename"].clicked.connect(self.rename_event)
        self.buttons["delete"].clicked.connect(self.delete_event)
        self.buttons["unlink"].clicked.connect(self.take_out)
        self.buttons["link"].clicked.connect(self.add_to_event)
        self.buttons["suggested"].clicked.connect(self.add_to_suggested)
        self.buttons["grade"].clicked.connect(self.accept_grade)
        self.label_edit.returnPressed.connect(self.rename_event)
        self.place_edit.returnPressed.connect(self.rename_event)
        self.tabs.currentChanged.connect(self._on_tabs_changed)
        self.session.sig_changed.connect(self._on_session_changed)
        self.session.sig_refused.connect(self._on_session_refused)
        self.session.sig_annotator_changed.connect(self._on_session_annotator_changed)

    # ---------------------------------------------------------------- state

    def reload(self, select: list[int] | None = None) -> None:
        """Re-read events and loose claims, keeping (or setting) the selected events."""
        if self.session.project is None:
            return
        keep = select if select is not None else [e.id for e in self.selected_events()]
        found = sorted(self.project.events.all(self.viewer),
                       key=lambda e: (e.earliest or "9999", e.id))
        self.events.set_rows(found)
        selection = self.event_view.selectionModel()
        for event_id in keep:
            row = self.events.find_row(event_id)
            if row is not None:
                selection.select(self.events.index(row, 0),
                                 selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        self._reload_loose()
        self.show_event()
        self._evidence_stale = True
        self._on_tabs_changed(self.tabs.currentIndex())

    def _reload_loose(self) -> None:
        project = self.project
        rows = []
        for frame in project.events.loose(self.viewer):
            doc = project.document(DocId(frame.doc_id))
            rows.append(LooseClaim(frame.claim_id, doc.id, doc.outlet, doc.published,
                                   frame.text, frame.date_value))
        self.loose.set_rows(rows)
        self._update_buttons()

    def selected_events(self) -> list[Event]:
        return self._selected(self.event_view, self.events)

    def selected_reports(self) -> list[dict[str, Any]]:
        return self._selected(self.report_view, self.reports)

    def selected_loose(self) -> list[LooseClaim]:
        return self._selected(self.loose_view, self.loose)

    @staticmethod
    def _selected(view: QTableView, model: RecordTableModel) -> list[Any]:
        rows = sorted({i.row() for i in view.selectionModel().selectedRows()})
        return [model.record(r) for r in rows]

    def show_event(self) -> None:
        """The selected event's reports, first report, outlets and contradictions."""
        chosen = self.selected_events()
        if len(chosen) != 1:
            self.reports.set_rows([])
            self.summary.setText("Select one event to see its reports." if not chosen else
                                 f"{len(chosen)} events selected.")
            self.label_edit.setText("")
            self.place_edit.setText("")
            self._update_buttons()
            return
        event = chosen[0]
        rows = ledger.Ledger()
        ledger.add_event(self.project, event, rows, self.viewer)
        info = rows.events[0]
        self.reports.set_rows(rows.claims)
        self.label_edit.setText(event.label)
        self.place_edit.setText(event.place)
        self.summary.setText(
            f"{event.label}: {info['reports']} reports in {info['documents']} documents, "
            f"{info['independent_outlets']} independent outlets; first report "
            f"{info['first_report_publication']} {info['first_report_date']}; "
            f"{info['contradictions']} contradicting the first report")
        self._update_buttons()

    def _update_buttons(self) -> None:
        events, reports, loose = (len(self.selected_events()), len(self.selected_reports()),
                                  len(self.selected_loose()))
        enabled = {"merge": events >= 2, "delete": events == 1, "rename": events == 1,
                   "split": events == 1 and 0 < reports < self.reports.rowCount(),
                   "unlink": reports >= 1, "grade": reports == 1 and not self.reviewer,
                   "create": loose >= 1, "link": loose == 1 and events == 1,
                   "suggested": loose == 1}
        for key, on in enabled.items():
            self.buttons[key].setEnabled(on)

    def _say(self, message: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #c62828" if error else "")
        self.status.setText(message)

    def _run(self, command: Command) -> list[Changes[object]] | None:
        return self.session.execute(command, self.undo_stack,
                                    refused=lambda message: self._say(message, error=True))

    # -------------------------------------------------------------- actions

    def create_event(self) -> None:
        claims = [c.claim_id for c in self.selected_loose()]
        if not claims:
            return
        command = ec.create_event(self.by, "", claims)
        if self._run(command) is not None and command.created is not None:
            self._say(f"Created an event from {len(claims)} claim(s).")
            self.reload([command.created])

    def merge_events(self) -> None:
        chosen = self.selected_events()
        if len(chosen) < 2:
            return
        target, rest = chosen[0], [e.id for e in chosen[1:]]
        if self._run(ec.merge_events(target.id, rest, self.by)) is not None:
            self._say(f"Merged {len(rest)} event(s) into {target.label}.")
            self.reload([target.id])

    def split_event(self) -> None:
        chosen, reports = self.selected_events(), self.selected_reports()
        if len(chosen) != 1 or not reports:
            return
        command = ec.split_event(chosen[0].id, [r["claim_id"] for r in reports], self.by)
        if self._run(command) is not None and command.created is not None:
            self._say(f"Split {len(reports)} report(s) off into a new event.")
            self.reload([command.created])

    def rename_event(self) -> None:
        chosen = self.selected_events()
        label, place = self.label_edit.text().strip(), self.place_edit.text().strip()
        if len(chosen) != 1 or (label, place) == (chosen[0].label, chosen[0].place):
            return
        if self._run(ec.rename_event(chosen[0].id, self.by, label, place=place)) is not None:
            self._say(f"Saved the event as {label}" + (f" ({place})." if place else "."))
            self.reload([chosen[0].id])

    def delete_event(self) -> None:
        chosen = self.selected_events()
        if len(chosen) == 1 and self._run(ec.delete_event(chosen[0].id, self.by)) is not None:
            self._say(f"Deleted {chosen[0].label}; its claims are in no event now.")
            self.reload([])

    def take_out(self) -> None:
        for report in self.selected_reports():
            if self._run(ec.unlink_claim(report["claim_id"], self.by)) is None:
                return
        self.reload()

    def add_to_event(self) -> None:
        chosen, loose = self.selected_events(), self.selected_loose()
        if len(chosen) == 1 and len(loose) == 1 and \
                self._run(ec.link_claim(chosen[0].id, loose[0].claim_id, self.by)) is not None:
            self.reload([chosen[0].id])

    def add_to_suggested(self) -> None:
        loose = self.selected_loose()
        if len(loose) != 1:
            return
        found = self.project.events.suggestions(loose[0].claim_id, self.viewer, limit=1)
        if not found:
            self._say("No event is suggested for this claim; create one instead.", error=True)
            return
        if self._run(ec.link_claim(found[0].event_id, loose[0].claim_id, self.by)) is not None:
            self._say(f"Added to the suggested event ({found[0].explanation}).")
            self.reload([found[0].event_id])

    def accept_grade(self) -> None:
        reports = self.selected_reports()
        if len(reports) != 1:
            return
        report = reports[0]
        command = UpdateClaim(report["claim_id"], report["annotator"],
                              info_credibility=report["suggested_credibility"])
        if self._run(command) is not None:
            self._say(f"Grade {report['suggested_credibility']}: {report['credibility_reason']}")
            self.show_event()

    # ------------------------------------------------------------- handlers

    def _on_session_changed(self, changes: Changes[object]) -> None:
        if changes.touches(_REFRESH):
            self.reload()
            self.sig_events_changed.emit(changes)

    def _on_session_refused(self, initiator: str, message: str) -> None:
        if initiator == self.undo_stack.objectName():
            self._say(message, error=True)

    def _on_session_annotator_changed(self, _name: str) -> None:
        self.reload([])  # blind annotation: another annotator sees other events

    def _on_tabs_changed(self, index: int) -> None:
        """The evidence is read when its tab is shown (it searches the whole project)."""
        if self.tabs.widget(index) is self.evidence and self._evidence_stale:
            self._evidence_stale = False
            self.evidence.reload()

    def _on_events_selected(self, *_args: Any) -> None:
        self.show_event()

    def _on_reports_selected(self, *_args: Any) -> None:
        reports = self.selected_reports()
        if len(reports) == 1:
            self._say(f"Suggested grade {reports[0]['credibility_reason']}")
        self._update_buttons()

    def _on_loose_selected(self, *_args: Any) -> None:
        loose = self.selected_loose()
        self.hint.setText("")
        if len(loose) == 1:
            found = self.project.events.suggestions(loose[0].claim_id, self.viewer, limit=3)
            names = {e.id: e.label for e in self.events.rows()}
            self.hint.setText("Suggested: " + "; ".join(
                f"{names.get(s.event_id, s.event_id)} ({s.explanation})" for s in found)
                if found else "No event suggested for this claim.")
        self._update_buttons()


def main(argv: list[str] | None = None) -> int:
    """Open the events window on its own (on the sample project by default)."""
    return run(EventsWindow, (1300, 700), argv, annotator="anna")


if __name__ == "__main__":
    sys.exit(main())
