"""The guideline pane: F1 shows the section of the focused field or the selected span; the
codebook's Markdown never loads a resource."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core import guidelines
from annotator.core.codebook import parse_codebook
from annotator.gui.workspace import guideline_dock
from tests.gui.test_annotating_defaults import _mark
from tests.gui.test_hostile_text import probe as probe  # the fixture, under its own name


def test_f1_on_a_claim_field_shows_that_field(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window
    _mark(win, qtbot, "air defence", Qt.Key.Key_M)
    qtbot.keyClick(win, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    claimant = win.form.claim_panel.fields.editors["claimant_id"].field
    claimant.setFocus()
    qtbot.waitUntil(claimant.hasFocus)
    qtbot.keyClick(claimant, Qt.Key.Key_F1)
    assert win.guide.isVisible()
    text = win.guide.browser.toPlainText()
    assert text.startswith("Claimant") and "not the outlet that reports it" in text


def test_f1_on_a_selected_span_shows_its_layer(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window
    (span,) = _mark(win, qtbot, "November 2024", Qt.Key.Key_D)
    win.view.select_span(span.id)
    win.view.edit.setFocus()
    qtbot.keyClick(win.view.edit, Qt.Key.Key_F1)
    text = win.guide.browser.toPlainText()
    assert text.startswith("Date") and "i går" in text and "Precision" in text


def test_the_overview_lists_every_layer(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    win = window
    win.doc_list.view.setFocus()
    win.view.select_span(None)
    qtbot.keyClick(win.doc_list.view, Qt.Key.Key_F1)
    text = win.guide.browser.toPlainText()
    for label in ("Actor", "Date", "Demand", "Source"):
        assert label in text
    assert "Annotation is blind" in text


def test_hostile_markdown_is_shown_as_text_and_loads_nothing(qtbot, probe) -> None:  # type: ignore[no-untyped-def]
    image, watch = probe
    book = parse_codebook(f'''
[codebook]
name = "x"
version = "1"
guideline = """<img src="{image}"> and ![pic]({image}) and ![ref][r]

[r]: {image}
"""
[[layers]]
name = "A"
label = "<b>A</b>"
color = "#112233"
key = "A"
examples = ["![e]({image})"]
''')
    dock = guideline_dock.GuidelineDock()
    qtbot.addWidget(dock)
    dock.show_section(guidelines.overview(book))
    dock.show_section(guidelines.for_layer(book, "A"))
    dock.show_section(guidelines.overview(book))
    dock.resize(400, 300)
    dock.show()
    dock.grab()
    text = dock.browser.toPlainText()
    assert f'<img src="{image}">' in text and "<b>A</b>" in text and "pic" in text
    assert not watch.touched(), "the guideline pane opened the image"
