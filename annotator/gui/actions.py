"""The window's menus and keyboard shortcuts, in one table so Help can list them all.

The main window passes its slots; this module only builds QActions and menus
and knows the keys that live inside widgets (layer keys, Delete, Return ...),
which :func:`shortcut_rows` adds to the Help list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from annotator.core.codebook import Codebook
from annotator.gui.i18n import tr

Slot = Callable[[], object]


@dataclass(frozen=True)
class ActionSpec:
    menu: str
    name: str
    text: str
    keys: tuple[str, ...] = ()


SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("&File", "new_project", "&New project…", ("Ctrl+N",)),
    ActionSpec("&File", "open_project", "&Open project…", ("Ctrl+O",)),
    ActionSpec("&File", "import_files", "&Import files…", ("Ctrl+I",)),
    ActionSpec("&File", "import_folder", "Import &folder…", ("Ctrl+Shift+I",)),
    ActionSpec("&File", "export_native", "&Export native JSONL…", ("Ctrl+E",)),
    ActionSpec("&File", "change_annotator", "Change &annotator name…"),
    ActionSpec("&File", "quit", "&Quit", ("Ctrl+Q",)),
    ActionSpec("&Edit", "find", "&Find in article…", ("Ctrl+F",)),
    ActionSpec("&Edit", "find_annotations", "Find &annotations…", ("Ctrl+Shift+F",)),
    ActionSpec("&Edit", "new_claim", "New &claim", ("Ctrl+Shift+N",)),
    ActionSpec("&Edit", "confirm_proposed", "Confirm &proposed values of the span", ("Ctrl+K",)),
    ActionSpec("&View", "zoom_in", "Zoom &in", ("Ctrl++", "Ctrl+=")),
    ActionSpec("&View", "zoom_out", "Zoom &out", ("Ctrl+-",)),
    ActionSpec("&View", "zoom_reset", "&Reset zoom", ("Ctrl+0",)),
    ActionSpec("&View", "snap", "&Snap selections to words"),
    ActionSpec("&View", "focus_list", "Go to document &list", ("Ctrl+1",)),
    ActionSpec("&View", "focus_article", "Go to &article", ("Ctrl+2",)),
    ActionSpec("&View", "focus_span", "Go to &span attributes", ("Ctrl+3",)),
    ActionSpec("&View", "focus_claims", "Go to &claims", ("Ctrl+4",)),
    ActionSpec("&View", "focus_document", "Go to &document fields", ("Ctrl+5",)),
    ActionSpec("&Document", "mark_done", "Mark &done and go to next unfinished",
               ("Ctrl+Return", "Ctrl+Enter")),
    ActionSpec("&Document", "mark_in_progress", "Mark &in progress again"),
    ActionSpec("&Document", "redetect", "Re-detect &title, date, outlet and boilerplate"),
    ActionSpec("&Document", "next_unfinished", "Next &unfinished document", ("Alt+Shift+Down",)),
    ActionSpec("&Document", "previous", "&Previous document", ("Alt+Up",)),
    ActionSpec("&Document", "next", "&Next document", ("Alt+Down",)),
    ActionSpec("&Assist", "suggest_toggle", "&Show suggestions", ("Ctrl+G",)),
    ActionSpec("&Assist", "suggest_next", "&Next suggestion", ("F8",)),
    ActionSpec("&Assist", "suggest_previous", "&Previous suggestion", ("Shift+F8",)),
    ActionSpec("&Assist", "suggest_accept", "&Accept suggestion (Return or click in the article)",
               ("Alt+Return",)),
    ActionSpec("&Assist", "suggest_reject", "&Reject suggestion (Delete in the article)",
               ("Alt+Delete",)),
    ActionSpec("&Assist", "suggest_all_actor", "Accept all A&CTOR suggestions", ("Ctrl+Alt+A",)),
    ActionSpec("&Assist", "suggest_all_date", "Accept all &DATE suggestions", ("Ctrl+Alt+D",)),
    ActionSpec("&Assist", "suggest_all_demand", "Accept all DE&MAND suggestions",
               ("Ctrl+Alt+M",)),
    ActionSpec("&Assist", "suggest_all_source", "Accept all S&OURCE suggestions",
               ("Ctrl+Alt+S",)),
    ActionSpec("&Assist", "learn_train", "&Train suggestions from finished documents"),
    ActionSpec("&Assist", "learn_pane", "&Learned suggestions pane"),
    ActionSpec("&File", "export", "E&xport…", ("Ctrl+Shift+E",)),
    ActionSpec("&File", "open_package", "Open annotator &package…"),
    ActionSpec("&File", "write_return_package", "&Write return package…"),
    ActionSpec("&File", "restore_backup", "Restore from &backup…"),
    ActionSpec("&Tools", "actor_registry", "&Actor registry…", ("Ctrl+Shift+A",)),
    ActionSpec("&Tools", "events", "&Events across documents…", ("Ctrl+Shift+V",)),
    ActionSpec("&Tools", "outlet_list", "&Outlet list…"),
    ActionSpec("&Review", "agreement_report", "&Agreement report…", ("Ctrl+Shift+R",)),
    ActionSpec("&Review", "adjudicate", "A&djudicate disagreements…", ("Ctrl+Shift+D",)),
    ActionSpec("&Review", "events_review", "&Events of every annotator…"),
    ActionSpec("&Team", "assign_packages", "&Assign and write packages…"),
    ActionSpec("&Team", "merge_packages", "&Merge returned packages…"),
    ActionSpec("&Team", "progress_dashboard", "&Progress dashboard", ("Ctrl+Shift+P",)),
    ActionSpec("&Help", "guideline", "&Guideline for this field or span", ("F1",)),
    ActionSpec("&Help", "shortcuts", "&Keyboard shortcuts", ("Ctrl+/",)),
    ActionSpec("&Help", "about", "&About annotator"),
)

IN_WIDGET_KEYS: tuple[tuple[str, str], ...] = (
    ("Shift+Arrows, Shift+Ctrl+Arrows", "Select text in the article"),
    ("Delete / Backspace", "Remove the selected span (article, span list)"),
    ("Alt+← / Alt+→", "Move the selected span's end by a character (Shift: by a word)"),
    ("Ctrl+Alt+← / Ctrl+Alt+→",
     "Move the selected span's start by a character (Shift: by a word)"),
    ("Drag an edge", "Move the selected span's start or end with the mouse"),
    ("Return", "Edit the selected span's attributes (article)"),
    ("Escape", "Clear the selection (article); close the find bar"),
    ("Return / Shift+Return", "Find next / previous (find bar)"),
    ("↓ (empty actor field)", "List the article's actors, then the registry"),
    ("Ctrl+Return (actor field)", "Add the typed name as a new registry actor"),
    ("Space (demand spans)", "Tick or untick a demand span"),
    ("Tab / Shift+Tab", "Move between fields"),
)


def build(window: QMainWindow, slots: dict[str, Slot], undo_stack: QUndoStack
          ) -> dict[str, QAction]:
    """Create every action with its keys and the menus; returns them by name."""
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    bar = window.menuBar()
    for spec in SPECS:
        if spec.menu not in menus:
            menus[spec.menu] = bar.addMenu(spec.menu)
            if spec.menu == "&Edit":
                _add_undo(menus[spec.menu], undo_stack, actions, window)
        action = QAction(spec.text, window)
        action.setObjectName(spec.name)
        if spec.keys:
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
        slot = slots.get(spec.name)
        if slot is not None:
            action.triggered.connect(lambda _=False, s=slot: s())
        menus[spec.menu].addAction(action)
        actions[spec.name] = action
        if spec.name == "open_project":
            menus[spec.menu].addMenu("Open &recent").setObjectName("recent_menu")
        if spec.name in ("open_project", "export_native", "change_annotator", "new_claim",
                         "snap", "mark_in_progress", "suggest_all_source"):
            menus[spec.menu].addSeparator()
    actions["snap"].setCheckable(True)
    return actions


def _add_undo(menu: QMenu, stack: QUndoStack, actions: dict[str, QAction],
              window: QMainWindow) -> None:
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    menu.addAction(undo)
    menu.addAction(redo)
    menu.addSeparator()
    actions["undo"], actions["redo"] = undo, redo


def shortcut_rows(actions: dict[str, QAction], book: Codebook | None) -> list[tuple[str, str]]:
    """Every shortcut: the menu actions, the layer keys of the codebook, the in-widget keys."""
    rows: list[tuple[str, str]] = []
    for action in actions.values():
        if isinstance(action, QAction) and action.shortcuts():
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                             for s in action.shortcuts())
            rows.append((keys, action.text().replace("&", "")))
    if book is not None:
        for layer in book.layers:
            rows.append((layer.key, tr("Mark the selected text as {layer} (no text selected: "
                                       "move the selected span to that layer)",
                                       layer=layer.label)))
    rows.extend((keys, tr(text)) for keys, text in IN_WIDGET_KEYS)
    return rows
