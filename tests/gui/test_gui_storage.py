"""The window on a full disk, on a read-only project, and with hostile HTML in an article.

A full disk is simulated as in tests/core/test_reliability_storage.py: ``PRAGMA
max_page_count`` on the session's own connection, and the pages left filled by
another annotator's spans, so the next save fails with SQLITE_FULL
(:class:`DiskFullError`). A read-only opening is ``Project.open(read_only=True)``
under the window. Each test presses the real keys and triggers the real actions.

A failed save is reported in the status bar, nothing of it is kept, earlier edits
stay and the window goes on working once space is freed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument

from annotator.core import Project
from annotator.core.errors import DiskFullError, ReadOnlyProjectError, StorageError
from annotator.gui import session as session_module
from tests.gui.conftest import ANNOTATOR
from tests.storage import Connections, raw, write_locked

TAB_DOCUMENT = 2


# ------------------------------------------------------------------ helpers


def _fill_disk(connections: Connections, project: Project) -> None:
    """Leave no room for the next save: a page limit, and every free byte taken."""
    conn = connections.of(project)
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    doc = project.documents()[0].id
    for size in (8000, 2000, 500, 100, 20, 1):
        for number in range(1000):
            try:
                project.add_span(doc, "filler", "ACTOR", 0, 1,
                                 attributes={"f": "x" * size, "n": number})
            except DiskFullError:
                break


def _free_disk(connections: Connections, project: Project) -> None:
    connections.of(project).execute(f"PRAGMA max_page_count = {2**30}")


def _mark(qtbot: Any, window: Any, start: int, end: int, key: Any = Qt.Key.Key_A) -> None:
    """Select ``text[start:end]`` in the article and press a layer key."""
    window.view.snap = False
    window.view.edit.setFocus()
    window.view.select_text(start, end)
    qtbot.keyClick(window.view.edit, key)


def _type_note(qtbot: Any, window: Any, text: str, pasted: str = "") -> None:
    """Type a note (after ``pasted`` text) into the Document tab and press Return."""
    window.form.tabs.setCurrentIndex(TAB_DOCUMENT)
    editor = window.form.document_panel.fields.editors["note"]
    editor.setFocus()
    editor.setText(pasted)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def _snapshot(window: Any) -> tuple[Any, ...]:
    """The session annotator's stored work on every document."""
    project = window.session.project
    docs = [d.id for d in project.documents()]
    return (sorted((s.uid, s.layer, s.start, s.end) for s in project.spans(annotator=ANNOTATOR)),
            [project.values(d, ANNOTATOR) for d in docs],
            [project.status(d, ANNOTATOR).value for d in docs])


EDITS: dict[str, Callable[[Any, Any], None]] = {
    "layer key": lambda qtbot, window: _mark(qtbot, window, 20, 30, Qt.Key.Key_S),
    "long note": lambda qtbot, window: _type_note(qtbot, window, " on a full disk",
                                                  pasted="n" * 6000),
    "mark done": lambda _qtbot, window: window.menu_actions["mark_done"].trigger(),
}
# SQLITE_FULL comes when the file must grow: a new span or a note needing new pages. A
# status change rewrites a row in place, which SQLite still manages at the page limit.
GROWING_EDITS = ("layer key", "long note")


@pytest.fixture()
def worked_window(qtbot: Any, window: Any) -> Iterator[Any]:
    """The window after some work: a span, a note and a status, all saved."""
    _mark(qtbot, window, 4, 13)
    _type_note(qtbot, window, "first note")
    window.menu_actions["mark_in_progress"].trigger()
    assert len(window.session.my_spans(window.doc.id)) == 1
    yield window


def _edit_on_failing_storage(qtbot: Any, window: Any, edit: str,
                             allowed: type[StorageError]) -> list[BaseException]:
    """Run one edit; returns the exceptions that escaped into Qt (only ``allowed`` ones)."""
    with qtbot.capture_exceptions() as caught:
        EDITS[edit](qtbot, window)
    escaped = [exc for _kind, exc, _tb in caught]
    assert all(isinstance(exc, allowed) for exc in escaped), escaped
    return escaped


# ---------------------------------------------------------------- full disk


@pytest.mark.parametrize("edit", GROWING_EDITS)
def test_full_disk_keeps_earlier_edits_and_the_window_recovers(
        connections: Connections, qtbot: Any, worked_window: Any, project_path: Path,
        edit: str) -> None:
    """The failed save leaves nothing half done; after space is freed the same edit works."""
    window = worked_window
    project = window.session.project
    before, undo_count = _snapshot(window), window.session.undo_stack.count()
    _fill_disk(connections, project)
    _edit_on_failing_storage(qtbot, window, edit, DiskFullError)
    assert not write_locked(project.path), "a failed save left a transaction open"
    assert _snapshot(window) == before, "the failed save changed the project"
    assert window.session.undo_stack.count() == undo_count, "a failed edit went on the undo stack"
    assert window.session.my_spans(window.doc.id) == window.view.spans or edit == "mark done"

    _free_disk(connections, project)
    window.show_document(window.doc_list.model.doc_id_at(0))
    EDITS[edit](qtbot, window)
    after = _snapshot(window)
    assert after != before, f"{edit} did not work once space was freed"
    window.session.close_project()
    with raw(project_path) as conn:
        assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
    with Project.open(project_path) as reopened:
        assert reopened.check() == []
        spans = {(s.uid, s.layer, s.start, s.end) for s in reopened.spans(annotator=ANNOTATOR)}
        assert set(before[0]) <= spans  # every earlier edit is still there
        assert set(after[0]) == spans


@pytest.mark.parametrize("edit", GROWING_EDITS)
def test_full_disk_is_said_in_the_status_bar(connections: Connections, qtbot: Any,
                                             worked_window: Any, edit: str) -> None:
    """The annotator reads that the disk is full and that earlier edits are safe."""
    window = worked_window
    _fill_disk(connections, window.session.project)
    escaped = _edit_on_failing_storage(qtbot, window, edit, DiskFullError)
    assert not escaped, f"the error escaped the slot: {escaped!r}"
    message = window.statusBar().currentMessage()
    assert "disk is full" in message and "earlier edits are safe" in message, message


# ---------------------------------------------------------------- read-only


@pytest.fixture()
def read_only_window(qtbot: Any, settings: Any, project_path: Path,
                     monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The window on a project opened read-only (as a file it cannot write is)."""
    from annotator.gui.app import create_window

    with Project.open(project_path) as project:
        doc = project.documents()[0].id
        project.add_span(doc, ANNOTATOR, "ACTOR", 4, 13)
        project.set_value(doc, ANNOTATOR, "note", "kept")
    real_open = Project.open
    monkeypatch.setattr(session_module.Project, "open",
                        lambda path, **kw: real_open(path, **{**kw, "read_only": True}))
    win = create_window(settings, project_path)
    win.io.show_report = False
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.session.project.read_only
    yield win
    win.session.close_project()


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_read_only_project_refuses_edits_and_keeps_working(
        qtbot: Any, read_only_window: Any, project_path: Path, edit: str) -> None:
    """Nothing is written, nothing crashes, and the window still shows and moves."""
    window = read_only_window
    before = _snapshot(window)
    _edit_on_failing_storage(qtbot, window, edit, ReadOnlyProjectError)
    assert _snapshot(window) == before
    assert not write_locked(window.session.project.path)
    assert window.session.undo_stack.count() == 0
    window.menu_actions["next"].trigger()  # the window goes on
    assert window.doc is not None
    window.session.close_project()
    with Project.open(project_path, read_only=True) as reopened:
        doc = reopened.documents()[0].id
        assert [(s.start, s.end) for s in reopened.spans(annotator=ANNOTATOR)] == [(4, 13)]
        assert reopened.values(doc, ANNOTATOR)["note"] == "kept"


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_read_only_project_says_why_an_edit_is_refused(
        qtbot: Any, read_only_window: Any, edit: str) -> None:
    """The refusal is a status bar message naming the read-only project, not a traceback."""
    window = read_only_window
    escaped = _edit_on_failing_storage(qtbot, window, edit, ReadOnlyProjectError)
    assert not escaped, f"the error escaped the slot: {escaped!r}"
    assert "read-only" in window.statusBar().currentMessage()


# --------------------------------------------------- no remote resources

HOSTILE = (
    'Breaking: <img src="http://example.invalid/x.png" width="900"> the minister said '
    '<a href="http://example.invalid/track">click here</a> on <b>Monday</b>.\n\n'
    '<script src="http://example.invalid/s.js"></script><iframe src="http://example.invalid/">'
    "</iframe> &amp; <link rel=stylesheet href=\"http://example.invalid/c.css\">"
)


@pytest.fixture()
def hostile_window(qtbot: Any, settings: Any, tmp_path: Path) -> Iterator[Any]:
    """A window on a project whose one article (and its claim) is full of remote HTML."""
    from annotator.gui.app import create_window

    settings.snap_to_words = False
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps([{
        "text": HOSTILE, "title": "t",
        "claim": '<img src="http://example.invalid/claim.png"> Kyiv was visited',
    }]), encoding="utf-8")
    path = tmp_path / "hostile.annotator"
    with Project.create(path) as project:
        report = project.import_paths([source])
        assert not report.rejected, report.rejected
    win = create_window(settings, path)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.session.close_project()


def test_article_html_is_shown_literally_and_loads_nothing(qtbot: Any,
                                                           hostile_window: Any) -> None:
    """The text view shows the stored characters, with no image, link or remote resource."""
    window = hostile_window
    stored = window.session.project.document(window.doc.id).text
    assert "<img" in stored and "<a href" in stored  # the importer kept the text literal
    document = window.view.edit.document()
    assert window.view.text == stored
    assert document.toPlainText() == stored
    window.grab()  # lay out and paint the whole article
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            assert not fmt.isImageFormat(), fragment.text()
            assert not fmt.isAnchor() and not fmt.anchorHref(), fragment.text()
            iterator += 1
        block = block.next()
    for url in ("http://example.invalid/x.png", "http://example.invalid/s.js",
                "http://example.invalid/c.css"):
        resource = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(url))
        assert resource is None or not resource, url


def test_claim_line_html_is_escaped(hostile_window: Any) -> None:
    """The claim line is rich text (bold label) but the claim itself is escaped."""
    claim = hostile_window.view.claim
    assert claim.isVisible()
    assert "&lt;img" in claim.text() and "<img" not in claim.text()


def test_marking_a_span_over_hostile_html_keeps_code_point_offsets(
        qtbot: Any, hostile_window: Any) -> None:
    """Offsets in the literal text are the stored ones: the markup is just characters."""
    window = hostile_window
    start = window.view.text.index("<img")
    end = window.view.text.index(">", start) + 1
    _mark(qtbot, window, start, end)
    span = window.session.my_spans(window.doc.id)[0]
    assert span.text == window.view.text[start:end] and span.text.startswith("<img src=")
