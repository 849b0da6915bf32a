"""The span highlighter: its segmentation, and what it draws in real text widgets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from annotator.core.codebook import Layer
from annotator.gui.text.span_highlight import (
    MISSING_COLOR,
    TINT_ALPHA,
    SpanHighlighter,
    segments,
)

LAYERS = {name: Layer(name, name.title(), color, name[0].upper())
          for name, color in (("actor", "#1f77b4"), ("date", "#ff7f0e"),
                              ("demand", "#d62728"), ("source", "#2ca02c"))}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    layer: str
    id: int = 0


def _covering(marks: list[Mark], a: int, b: int) -> list[Mark]:
    """The definition: the marks covering all of [a, b), longest first among equal starts."""
    return sorted((m for m in marks if m.start <= a and m.end >= b),
                  key=lambda m: (m.start, -(m.end - m.start)))


def test_segments_cut_at_every_boundary() -> None:
    outer = Mark(0, 10, "actor")
    inner = Mark(2, 5, "date")
    same = Mark(2, 5, "source")
    later = Mark(12, 14, "demand")
    got = segments([later, inner, outer, same])
    assert [(a, b, [m.layer for m in cover]) for a, b, cover in got] == [
        (0, 2, ["actor"]), (2, 5, ["actor", "date", "source"]), (5, 10, ["actor"]),
        (12, 14, ["demand"])]  # nothing for the gap 10-12; equal spans in input order
    assert segments([]) == []
    assert segments([Mark(3, 3, "actor")]) == []  # empty spans cover nothing


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 15),
                          st.sampled_from(sorted(LAYERS))), max_size=12))
def test_segments_match_the_definition(raw: list[tuple[int, int, str]]) -> None:
    marks = [Mark(start, start + length, layer, i)
             for i, (start, length, layer) in enumerate(raw)]
    got = segments(marks)
    bounds = sorted({p for m in marks for p in (m.start, m.end)})
    pairs = zip(bounds, bounds[1:], strict=False)
    expected = [(a, b, _covering(marks, a, b)) for a, b in pairs if _covering(marks, a, b)]
    assert got == expected


def _edit(qtbot: Any, kind: type, text: str) -> Any:
    edit = kind()
    qtbot.addWidget(edit)
    edit.resize(600, 200)
    edit.setFont(QFont("DejaVu Sans", 12))
    edit.show()
    qtbot.waitExposed(edit)
    return edit


def _tinted(color: str, alpha: int = TINT_ALPHA) -> QColor:
    expected = QColor(color)
    expected.setAlpha(alpha)
    return expected


def test_tints_in_a_plain_text_edit_follow_code_points(qtbot: Any) -> None:
    text = "🇺🇦 Zelenskyy met      Scholz and Macron"
    edit = _edit(qtbot, QPlainTextEdit, text)
    highlighter = SpanHighlighter(edit, mark_overlaps=True)
    highlighter.set_text(text)
    highlighter.set_layers(LAYERS)
    start = text.index("Zelenskyy")
    gap = text.index("      ")
    marks = [Mark(start, start + 9, "actor"), Mark(start + 4, start + 9, "date"),
             Mark(start + 6, start + 9, "source"), Mark(gap, gap + 6, "demand")]
    highlighter.apply(highlighter.tints(marks))
    assert edit.toPlainText() == text
    selections = edit.extraSelections()
    # two astral flags: Qt positions run two ahead of the stored code points
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections] == [
        (start + 2, start + 6), (start + 6, start + 8), (start + 8, start + 11),
        (gap + 2, gap + 8)]
    first, second, third, alone = (s.format for s in selections)
    assert first.background().color() == _tinted("#1f77b4")
    assert first.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline
    assert second.underlineColor() == QColor("#ff7f0e")
    assert second.fontWeight() == QFont.Weight.DemiBold and not second.fontOverline()
    assert third.fontOverline() and third.underlineColor() == QColor("#ff7f0e")
    assert alone.background().color() == _tinted("#d62728")
    # what the screen shows: the tint behind the run of spaces
    cursor = QTextCursor(edit.document())
    cursor.setPosition(gap + 5)
    rect = edit.cursorRect(cursor)
    pixel = edit.viewport().grab().toImage().pixelColor(QPoint(rect.x() - 2, rect.center().y()))
    base = edit.palette().base().color()
    assert pixel != base and pixel.red() > pixel.blue()


def test_columns_keep_their_layout_and_draw_solids_and_missing(qtbot: Any) -> None:
    text = "Scholz asked Zelenskyy to visit Berlin in spring. " * 4
    plain = _edit(qtbot, QTextEdit, text)
    marked = _edit(qtbot, QTextEdit, text)
    plain.setPlainText(text)
    highlighter = SpanHighlighter(marked, mark_overlaps=False)
    highlighter.set_text(text)
    highlighter.set_layers(LAYERS)
    marks = [Mark(0, 22, "actor", 1), Mark(7, 40, "demand", 2), Mark(13, 22, "date", 3)]
    selections = highlighter.tints(marks)
    selections.append(highlighter.solid(13, 22, "date"))
    selections.append(highlighter.solid(50, 56, "unknown-layer"))
    selections.append(highlighter.missing(60, 70))
    highlighter.apply(selections)
    applied = marked.extraSelections()  # the formats live as long as their selections
    formats = [s.format for s in applied]
    assert not any(f.hasProperty(QTextCharFormat.Property.FontWeight) or f.fontOverline()
                   for f in formats)
    solid, unknown, missing = formats[-3:]
    assert solid.background().color() == QColor("#ff7f0e")
    assert solid.foreground().color() == QColor("white")
    assert unknown.background().color() == QColor("#888888")
    assert missing.background().style() == Qt.BrushStyle.BDiagPattern
    assert missing.background().color() == QColor(MISSING_COLOR)
    assert missing.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
    for position in (22, 49, len(text)):  # line for line as the unmarked column
        for edit in (plain, marked):
            edit.moveCursor(QTextCursor.MoveOperation.Start)
        a, b = QTextCursor(plain.document()), QTextCursor(marked.document())
        a.setPosition(position)
        b.setPosition(position)
        assert plain.cursorRect(a) == marked.cursorRect(b)


def test_suggestions_are_dashed_and_the_current_one_tinted(qtbot: Any) -> None:
    text = "Die Bundesregierung sagte am Montag"
    edit = _edit(qtbot, QPlainTextEdit, text)
    highlighter = SpanHighlighter(edit, mark_overlaps=True)
    highlighter.set_text(text)
    highlighter.set_layers(LAYERS)
    other = highlighter.suggestion(0, 3, "actor", current=False)
    current = highlighter.suggestion(29, 35, "date", current=True)
    highlighter.apply([other, current])
    applied = edit.extraSelections()
    shown = [s.format for s in applied]
    assert all(f.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline
               for f in shown)
    assert shown[0].underlineColor() == QColor("#1f77b4")
    assert shown[0].background().style() == Qt.BrushStyle.NoBrush
    assert shown[1].background().color() == _tinted("#ff7f0e", 45)
    assert shown[1].foreground().color() == QColor("#ff7f0e").darker(180)
    highlighter.set_layers({**LAYERS, "actor": Layer("actor", "Actor", "#000000", "A")})
    recoloured = highlighter.suggestion(0, 3, "actor", current=False)
    assert recoloured.format.underlineColor() == QColor("#000000")  # no stale colour
