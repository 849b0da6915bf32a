"""The guideline pane (F1): the codebook's guideline for what the annotator is on.

F1 on a field of the span, claim or document form shows that field's section; on a
span in the article or in the span list, its layer's; elsewhere the overview. The
Markdown comes from annotator.core.guidelines and is shown with HTML switched off and
no resources loaded (no images, no links followed): codebooks are data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QDockWidget, QTextBrowser, QWidget

from annotator.core import guidelines
from annotator.core.codebook import Codebook
from annotator.gui import i18n
from annotator.gui.workspace.form_fields import FieldSet

if TYPE_CHECKING:
    from annotator.gui.workspace.main_window import MainWindow

_MARKDOWN = (QTextDocument.MarkdownFeature.MarkdownDialectGitHub
             | QTextDocument.MarkdownFeature.MarkdownNoHTML)


class _Browser(QTextBrowser):
    """A text browser that never loads anything: images and links in a guideline stay text.

    An empty answer, not None: on None Qt goes on to open a local file itself."""

    def loadResource(self, _kind: int, _name: QUrl | str) -> Any:  # noqa: N802 - Qt's name
        return QByteArray()


class GuidelineDock(QDockWidget):
    """Shows one section of the guideline at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Guideline", parent)
        self.setObjectName("guideline_dock")
        self.browser = _Browser()
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName("Annotation guideline")
        self.setWidget(self.browser)
        self.section: guidelines.Section | None = None

    def show_section(self, section: guidelines.Section) -> None:
        self.section = section
        self.setWindowTitle(f"Guideline — {section.title}")
        self.browser.document().setMarkdown(section.markdown, _MARKDOWN)
        self.show()
        self.raise_()


def install(window: MainWindow) -> GuidelineDock:
    """The pane of ``window``, hidden until Help › Guideline (F1)."""
    dock = GuidelineDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    return dock


def show_here(window: MainWindow) -> None:
    """F1: the section for the focused field or the selected span, else the overview."""
    project = window.session.project
    if project is None:
        window.statusBar().showMessage("Open a project to read its guideline.", 6000)
        return
    window.guide.show_section(_section_for(window, i18n.localized(project.codebook)))


def _section_for(window: MainWindow, book: Codebook) -> guidelines.Section:
    focus = QApplication.focusWidget()
    form = window.form
    if focus is not None:
        sets: list[tuple[FieldSet | None, str, str]] = []
        if form.span_panel is not None and form.span_panel.span is not None:
            layer = form.span_panel.span.layer
            sets.append((form.span_panel.pages.get(layer), "span", layer))
        if form.claim_panel is not None:
            sets.append((form.claim_panel.fields, "claim", ""))
        if form.document_panel is not None:
            sets.append((form.document_panel.fields, "document", ""))
        for fields, scope, layer in sets:
            name = _field_of(fields, focus)
            if name:
                return guidelines.for_field(book, scope, name, layer)
    span = window.view.selected_span
    if span is not None:
        return guidelines.for_layer(book, span.layer)
    return guidelines.overview(book)


def _field_of(fields: FieldSet | None, focus: QWidget) -> str:
    if fields is None:
        return ""
    for name, editor in fields.editors.items():
        if editor is focus or editor.isAncestorOf(focus):
            return name
    return ""
