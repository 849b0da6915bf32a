"""Boilerplate in the document view: greyed out, hidden on request, marked from a selection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from annotator.gui.text.span_highlight import BOILERPLATE_COLOR
from annotator.gui.workspace.annotation_form import TAB_DOCUMENT
from tests.storage import raw

PARAGRAPH = ("Utrikesministern sa på fredagen att regeringen inte tänker ändra sin hållning i "
             "frågan om sanktionerna, och att beskedet från Moskva inte förändrar något för de "
             "nordiska länderna.")


def _foreground_at(window: Any, pos: int) -> str:
    for extra in window.view.edit.extraSelections():
        cursor = extra.cursor
        if cursor.selectionStart() <= pos < cursor.selectionEnd() and \
                extra.format.foreground().style() != Qt.BrushStyle.NoBrush:
            return str(extra.format.foreground().color().name())
    return ""


def test_mark_as_boilerplate_greys_it_and_undo_restores(qtbot: Any, window: Any) -> None:
    view = window.view
    doc_id = window.doc.id
    before = window.session.project.document(doc_id).boilerplate
    view.select_text(0, 5)
    qtbot.mouseClick(view.buttons["boilerplate"], Qt.MouseButton.LeftButton)
    after = window.session.project.document(doc_id).boilerplate
    assert (0, 5) in after or any(a == 0 and b >= 5 for a, b in after)
    assert view.boilerplate == after
    assert _foreground_at(window, 2) == BOILERPLATE_COLOR
    view.hide_boilerplate.trigger()  # in the Boilerplate button's menu
    base = view.edit.palette().base().color().name()
    assert _foreground_at(window, 2) == base  # hidden: drawn in the background colour
    view.select_text(1, 3)
    view.article_text_action.trigger()
    split = window.session.project.document(doc_id).boilerplate
    assert (0, 1) in split and all(not (a < 3 and 1 < b) for a, b in split)
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert window.session.project.document(doc_id).boilerplate == before
    assert view.boilerplate == before
    assert window.doc.text == window.session.project.document(doc_id).text


def test_redetect_action_takes_detection_and_undo_restores(qtbot: Any, window: Any,
                                                           tmp_path: Path) -> None:
    project = window.session.project
    article = tmp_path / "scraped.txt"
    article.write_text("Norrnytt | Senaste nytt\nNytt samtal om Ukraina\n\n" + PARAGRAPH
                       + "\n\nDela: Facebook | X", encoding="utf-8")
    doc_id = project.import_paths([article]).imported[0]
    detected = project.document(doc_id)
    assert detected.outlet == "Norrnytt" and len(detected.boilerplate) == 2
    with raw(project.path, writable=True) as conn:  # as an older import left it
        conn.execute("UPDATE documents SET boilerplate = '[]', outlet = '' WHERE id = ?",
                     (doc_id,))
        conn.commit()
    window.show_document(doc_id)
    assert window.view.boilerplate == ()
    window.menu_actions["redetect"].trigger()
    after = project.document(doc_id)
    assert (after.outlet, after.boilerplate, after.text) == (
        "Norrnytt", detected.boilerplate, detected.text)
    assert window.view.boilerplate == detected.boilerplate
    assert "outlet: '' -> 'Norrnytt'" in window.statusBar().currentMessage()
    window.session.undo_stack.undo()
    undone = project.document(doc_id)
    assert (undone.outlet, undone.boilerplate) == ("", ())
    window.session.undo_stack.redo()
    assert project.document(doc_id).boilerplate == detected.boilerplate


def test_outlet_list_window_imports_a_csv(qtbot: Any, window: Any, tmp_path: Path) -> None:
    csv_path = tmp_path / "outlets.csv"
    csv_path.write_text("name,domains,signatures,grade\nRiksnytt,riksnytt.example,,A\n",
                        encoding="utf-8")
    window.menu_actions["outlet_list"].trigger()
    dialog = window.tools.dialogs["outlet_list"]
    assert dialog.table.model().rowCount() == 0
    dialog.import_csv(csv_path)  # the button's file dialog, given its answer
    model = dialog.table.model()
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in range(4)] == [
        "Riksnytt", "riksnytt.example", "", "A"]
    assert "Imported 1 outlet from" in dialog.summary.text()
    assert window.session.project.outlets()[0].grade == "A"
    bad = tmp_path / "bad.csv"
    bad.write_text("name,grade\nX,Z\n", encoding="utf-8")
    dialog.import_csv(bad)
    assert "Not imported" in dialog.summary.text() and model.rowCount() == 1


def test_first_span_shows_the_outlet_grade_proposed(qtbot: Any, window: Any,
                                                    tmp_path: Path) -> None:
    project = window.session.project
    csv_path = tmp_path / "outlets.csv"
    csv_path.write_text("name,domains,signatures,grade\nNorrnytt,,,B\n", encoding="utf-8")
    project.import_outlets_csv(csv_path)
    article = tmp_path / "n.txt"
    article.write_text("Norrnytt | Senaste nytt\nNytt samtal om Ukraina\n\n" + PARAGRAPH,
                       encoding="utf-8")
    doc_id = project.import_paths([article]).imported[0]
    window.doc_list.set_project(project, window.session.annotator)
    window.show_document(doc_id)
    combo = window.form.document_panel.fields.editors["outlet_reliability"]
    assert combo.code() == ""
    start = window.doc.text.index("Nytt")
    window.view.select_text(start, start + 4)
    qtbot.mouseClick(window.view.buttons["ACTOR"], Qt.MouseButton.LeftButton)
    assert window.session.my_values(doc_id) == {"outlet_reliability": "B"}
    window.form.tabs.setCurrentIndex(TAB_DOCUMENT)
    assert combo.code() == "B"  # shown on this visit, not only on the next one
