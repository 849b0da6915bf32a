"""The translators' tool: collect every text of the windows, update the ``.ts`` files.

``python -m annotator.gui.i18n_tool --extract`` opens the real windows and
dialogs offscreen on the bundled sample (:func:`scenes`), collects every text
the translation walk would translate (:func:`collect`), adds the run-time
patterns of :data:`~annotator.gui.i18n.TEMPLATES` and every literal passed to
``tr()`` in the GUI's sources, and merges them into
``annotator/resources/translations/annotator_<lang>.ts``: translations already
there are kept, new texts are added as unfinished, texts no longer shown are
marked vanished. ``--missing`` lists, per language, what has no translation
yet (and exits 1 when something is missing); edit the ``.ts`` files in Qt
Linguist (``pyside6-linguist``) or any text editor.

The tests open the same scenes to check that nothing visible stays English.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QWidget

from annotator.core.codebook import Attribute, Codebook, Vocabulary
from annotator.gui import i18n
from annotator.gui.actions import IN_WIDGET_KEYS

QT_CONTEXTS: dict[str, tuple[str, ...]] = {
    # the standard buttons Qt names itself; Qt ships catalogues for sv and de, not for nb
    "QPlatformTheme": ("OK", "Save", "Save All", "Open", "&Yes", "Yes to &All", "&No",
                       "N&o to All", "Abort", "Retry", "Ignore", "Close", "Cancel",
                       "Discard", "Help", "Apply", "Reset", "Restore Defaults"),
    "QMessageBox": ("Show Details...", "Hide Details...", "OK", "&OK", "About Qt"),
    "QFileDialog": ("Look in:", "File &name:", "Files of type:", "&Open", "&Save",
                    "&Choose", "Cancel", "Back", "Forward", "Parent Directory",
                    "Create New Folder", "List View", "Detail View", "All Files (*)",
                    "New Folder", "Directory:", "Name", "Size", "Type", "Date Modified"),
    "QLineEdit": ("&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete", "Select All"),
    "QWidgetTextControl": ("&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Delete",
                           "Select All", "Copy &Link Location"),
}
"""The contexts of Qt's own texts that a language without a Qt catalogue (nb) carries."""


EXTRA_SOURCES = (
    # texts of states the scenes do not pass through
    "Select a span in the text or in the list above.",
    "Your name or initials (every annotation carries it; you see only your own annotations):",
    "Use 1-64 letters, digits, spaces or . @ ' - :",
    "Use 1-64 letters, digits, spaces or . @ ' -",
)


@dataclass
class Scene:
    """One window or dialog to collect texts from, and how to open it."""

    name: str
    open: Callable[[], QWidget]


# ------------------------------------------------------------------- scenes


def _wait(signal: object, ready: Callable[[], bool], timeout_ms: int = 60_000) -> None:
    if ready():
        return
    loop = QEventLoop()
    signal.connect(lambda *_: loop.quit())  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    if not ready():
        raise TimeoutError("the window did not finish loading")


@contextmanager
def scenes(folder: Path) -> Iterator[list[Scene]]:  # noqa: PLR0915 - one opener per window
    """Every window and dialog the annotators see, opened on a copy of the bundled sample in
    ``folder``. The windows are closed again afterwards."""
    from annotator.core.sample import build_sample_project
    from annotator.gui.actions import shortcut_rows
    from annotator.gui.app import create_window
    from annotator.gui.dialogs.basic import shortcuts_dialog
    from annotator.gui.dialogs.first_run import FirstRunDialog
    from annotator.gui.registry.edit_dialog import ActorEditDialog, MergeDialog
    from annotator.gui.review.launch import open_agreement_view, open_review_window
    from annotator.gui.review.review_window import ReviewWindow
    from annotator.gui.settings import Settings

    sample = build_sample_project(folder / "sample.annotator")
    settings = Settings(folder / "settings.ini")
    settings.annotator_name = "anna"
    opened: list[QWidget] = []
    window = create_window(settings, sample, "anna")
    empty = create_window(settings, None, "anna")

    def main() -> QWidget:
        window.show()
        spans = window.view.spans
        if spans:
            window.view.select_span(int(spans[0].id), scroll=False)
            window.form.select_span(int(spans[0].id))
        return window

    def review() -> ReviewWindow:
        shown = open_review_window(sample, None, reviewer="rita", settings=settings)
        _wait(shown.sig_loaded, lambda: shown.model.rowCount() > 0)
        return shown

    def gold_editor() -> QWidget:
        from annotator.gui.review.edit_dialog import GoldEditDialog

        shown = review()
        opened.append(shown)  # the dialog's window: kept open (and alive) with it
        shown.panel.edit.click()  # E: edit a version, then accept it
        QApplication.processEvents()
        dialog = shown.findChild(GoldEditDialog)
        assert dialog is not None, "the gold editor did not open"
        return dialog

    def agreement() -> QWidget:
        shown = open_agreement_view(sample, None, settings=settings)
        _wait(shown.sig_report_ready, lambda: shown.report is not None)
        return shown

    def tool(name: str) -> Callable[[], QWidget]:
        def open_it() -> QWidget:
            main()
            shown = getattr(window.tools, name)()
            assert shown is not None, name
            return shown
        return open_it

    def events(reviewer: bool) -> Callable[[], QWidget]:
        def open_it() -> QWidget:
            main()
            shown = window.tools.open_events(reviewer=reviewer)
            assert shown is not None
            return shown
        return open_it

    def learning() -> QWidget:
        main()
        window.learning.dock.show()
        return window.learning.dock

    def shortcuts() -> QWidget:
        project = window.session.project
        book = i18n.localized(project.codebook) if project else None
        return shortcuts_dialog(shortcut_rows(window.menu_actions, book), window)

    def import_report() -> QWidget:
        from annotator.core.project import Project
        from annotator.gui.dialogs.basic import import_report_dialog

        articles = folder / "to_import"
        articles.mkdir(exist_ok=True)
        (articles / "new.txt").write_text("Ett nytt samtal i Berlin.\n", encoding="utf-8")
        (articles / "broken.jsonl").write_text('{"text": "ok"}\n{not json\n', encoding="utf-8")
        with Project.create(folder / "import.annotator") as project:
            report = project.import_paths([articles])
        return import_report_dialog(report, window)

    def actors() -> tuple[object, object]:
        project = window.session.project
        assert project is not None
        found = project.actors()
        return found[0], found[1]

    choices: list[tuple[str, Callable[[], QWidget]]] = [
        ("main window", main),
        ("main window without a project", lambda: empty),
        ("review window", review),
        ("gold editor", gold_editor),
        ("agreement report", agreement),
        ("first run", lambda: FirstRunDialog()),
        ("keyboard shortcuts", shortcuts),
        ("import report", import_report),
        ("actor editor", lambda: ActorEditDialog(actors()[0])),  # type: ignore[arg-type]
        ("actor merge", lambda: MergeDialog(*actors())),  # type: ignore[arg-type]
        ("events window", events(False)),
        ("events of every annotator", events(True)),
        ("learned suggestions", learning),
        *((name.replace("_", " "), tool(name)) for name in (
            "open_export", "open_package", "write_return_package", "assign_packages",
            "merge_packages", "progress_dashboard", "restore_backup", "open_actor_registry",
            "open_outlet_list")),
    ]

    def tracked(make: Callable[[], QWidget]) -> Callable[[], QWidget]:
        def open_it() -> QWidget:
            shown = make()
            shown.show()
            QApplication.processEvents()
            i18n.notifier().flush()  # what the event loop would do within 100 ms
            opened.append(shown)
            return shown
        return open_it

    try:
        yield [Scene(name, tracked(make)) for name, make in choices]
    finally:
        for widget in reversed(opened):
            widget.close()
        for main_window in (window, empty):
            main_window.session.close_project()
            main_window.close()
        QApplication.processEvents()


# ------------------------------------------------------------------ texts


MARK = "\u2063"
"""Put before every codebook text while extracting, so that what the codebook says (and any
text built around it) is known for data wherever a window shows it."""


def marked(book: Codebook) -> Codebook:
    """``book`` with :data:`MARK` before each label, definition and description."""
    def mark(text: str) -> str:
        return MARK + text if text else text

    def attribute(attr: Attribute) -> Attribute:
        return replace(attr, label=mark(attr.label), definition=mark(attr.definition))

    vocabularies = {
        name: Vocabulary(v.name, mark(v.label), v.kind,
                         tuple(replace(x, label=mark(x.label), definition=mark(x.definition))
                               for x in v.values), v.missing, v.translations)
        for name, v in book.vocabularies.items()}
    layers = tuple(replace(layer, label=mark(layer.label), description=mark(layer.description),
                           attributes=tuple(attribute(a) for a in layer.attributes))
                   for layer in book.layers)
    return replace(book, layers=layers, vocabularies=vocabularies,
                   claim_fields=tuple(attribute(a) for a in book.claim_fields),
                   document_fields=tuple(attribute(a) for a in book.document_fields))


def project_texts(path: Path, language: str | None) -> set[str]:
    """The project's data as the windows show it in ``language``: the codebook's texts in
    that language (none for None), the annotators' names, the actors' names, keys and
    aliases, the documents' titles."""
    from annotator.core.project import Project

    with Project.open(path, read_only=True) as project:
        out = set(project.annotators())
        book = project.codebook
        out |= {code for v in book.vocabularies.values() for code in v.codes()}
        if language is not None:
            out |= codebook_texts(book.localized(language))
        for actor in project.actors():
            out.update((actor.canonical_name, str(actor.key)))
            out.update(actor.names())
        out.update(d.title for d in project.documents())
    return {t for t in out if t}


def codebook_texts(book: Codebook) -> set[str]:
    """Every label, definition and guideline of ``book``: data of the project."""
    out = {book.description, book.guideline}
    for vocab in book.vocabularies.values():
        out.add(vocab.label)
        out.update(t for v in vocab.values for t in (v.label, v.definition, v.code))
    for layer in book.layers:
        out.update((layer.label, layer.description, layer.name, layer.key))
        out.update(t for a in layer.attributes for t in (a.label, a.definition))
    for attr in (*book.claim_fields, *book.document_fields):
        out.update((attr.label, attr.definition))
    return {t for t in out if t}


_CODE = re.compile(r"[a-z]{2,3}")
_FORMAT = re.compile(r"%[pvm]")  # a progress bar's placeholders
_PARTS = re.compile(r"\s+—\s+|\s{2,}|&nbsp;|</?b>|,\s+")


def from_codebook(text: str, book_texts: set[str]) -> bool:
    """A text made of the codebook's codes and labels (``A — Completely reliable``,
    ``Actor  A``, ``Claimant*`` for a required field): the project's data."""
    parts = [p.rstrip("*") for p in _PARTS.split(text) if p.strip()]
    return bool(parts) and all(p in book_texts or not any(c.isalpha() for c in p)
                               for p in parts)


def is_data(owner: QObject, text: str) -> bool:
    """Texts that are the project's data, not the interface's: no letters at all, short
    lowercase codes (languages, codebook codes), or a widget that says it shows data (the
    ``i18n_data`` property: the line of a document's id, language, date, outlet and file; the
    languages' own names in the Language menu)."""
    if not any(c.isalpha() for c in _FORMAT.sub("", text)) or _CODE.fullmatch(text):
        return True
    return bool(owner.property("i18n_data"))


def collect(root: QWidget, book_texts: set[str]) -> Iterator[tuple[QObject, str, str]]:
    """The interface texts of ``root`` as (owner, kind, English source), data left out."""
    for owner, kind, text in i18n.visible_texts(root):
        if not text or is_data(owner, text) or from_codebook(text, book_texts):
            continue
        if kind in ("text", "title", "windowTitle", "toolTip", "placeholder", "statusTip"):
            text = i18n.source_text(owner, kind, text)
        if not is_standard_button(owner):
            yield owner, kind, text


def is_standard_button(owner: QObject) -> bool:
    """A dialog's standard button (OK, Cancel ...): Qt's catalogue names it."""
    if not isinstance(owner, QAbstractButton):
        return False
    box = owner.parent()
    return isinstance(box, QDialogButtonBox) and \
        box.standardButton(owner) != QDialogButtonBox.StandardButton.NoButton


SHOWN_BY: dict[str, int] = {
    # calls whose argument (by position) the windows show: their literals are sources too
    "tr": 0, "showMessage": 0, "setText": 0, "setToolTip": 0, "setStatusTip": 0,
    "setWindowTitle": 0, "setPlaceholderText": 0, "setTitle": 0, "setInformativeText": 0,
    "QLabel": 0, "QPushButton": 0, "QCheckBox": 0, "QRadioButton": 0, "QGroupBox": 0,
    "QAction": 0, "addAction": 0, "addMenu": 0, "addItem": 0, "addTab": 1, "warn": 2, "ask": 2,
    "information": 2, "warning": 2, "question": 2, "critical": 2, "about": 1,
    "getSaveFileName": 1, "getOpenFileName": 1, "getOpenFileNames": 1,
    "getExistingDirectory": 1, "_say": 0, "say": 0,
}


def sources_from_code(root: Path) -> set[str]:
    """The literal texts the modules under ``root`` pass to ``tr()`` or show directly
    (``setText("…")``, ``warn(parent, title, "…")``, ``showMessage("…")`` ...)."""
    out: set[str] = set()
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = str(getattr(node.func, "attr", None) or getattr(node.func, "id", ""))
            at = SHOWN_BY.get(name)
            if at is not None and len(node.args) > at:
                out.update(t for t in _literals(node.args[at]) if any(c.isalpha() for c in t))
    return out


def _literals(node: ast.expr) -> list[str]:
    """The texts an argument can be: a literal, either branch of ``a if c else b``, the
    fallback of ``x or "…"``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    if isinstance(node, ast.BoolOp):
        return [t for value in node.values for t in _literals(value)]
    return []


def extract(folder: Path) -> set[str]:
    """Every source text of the interface (English), from the windows and the code."""
    from annotator.core.review import KINDS

    found: set[str] = set(i18n.TEMPLATES)
    # the review queue's kinds and details, named in the core; not every one is in the sample
    found |= {label for _severity, label in KINDS.values()}
    found |= {"linked to different registry actors", "different attribute values",
              "same value, different precision or modifier"}
    found |= set(EXTRA_SOURCES)
    found |= {text for _keys, text in IN_WIDGET_KEYS}
    found |= sources_from_code(Path(__file__).parent)
    i18n.set_language("en")
    localized = i18n.localized
    i18n.localized = marked
    try:
        with scenes(folder) as all_scenes:
            data = project_texts(folder / "sample.annotator", None)
            for scene in all_scenes:
                root = scene.open()
                for _owner, _kind, text in collect(root, data):
                    if MARK not in text and not _known(text, found):
                        found.add(text)
    finally:
        i18n.localized = localized
    return found


def _known(text: str, sources: set[str]) -> bool:
    """Whether ``text`` is one of ``sources``, fills one of their patterns, or is a list of
    such texts joined by commas."""
    if text in sources or i18n.template_of(text, lambda v: _known(v, sources)) is not None:
        return True
    parts = text.split(", ")
    return len(parts) > 1 and all(_known(p, sources) for p in parts)


# -------------------------------------------------------------------- .ts


def read_ts(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(context, source) -> (translation, type) of a ``.ts`` file (empty if none)."""
    if not path.exists():
        return {}
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            text = (node.text or "") if node is not None else ""
            kind = node.get("type", "") if node is not None else "unfinished"
            out[(name, source)] = (text, kind)
    return out


def write_ts(path: Path, language: str,
             messages: dict[tuple[str, str], tuple[str, str]]) -> None:
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_context: dict[str, list[tuple[str, tuple[str, str]]]] = {}
    for (context, source), value in messages.items():
        by_context.setdefault(context, []).append((source, value))
    for context in sorted(by_context, key=lambda c: (c != i18n.CONTEXT, c)):
        node = ET.SubElement(root, "context")
        ET.SubElement(node, "name").text = context
        for source, (text, kind) in sorted(by_context[context], key=lambda m: m[0].lower()):
            message = ET.SubElement(node, "message")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            translation.text = text
            if kind:
                translation.set("type", kind)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def merge(language: str, sources: Iterable[str]) -> dict[tuple[str, str], tuple[str, str]]:
    """The messages of ``language``'s ``.ts`` updated to ``sources`` (see the module)."""
    old = read_ts(i18n.ts_path(language))
    wanted = {(i18n.CONTEXT, s) for s in sources}
    if language == "nb":
        wanted |= {(c, s) for c, texts in QT_CONTEXTS.items() for s in texts}
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for key in wanted:
        text, kind = old.get(key, ("", "unfinished"))
        out[key] = (text, "unfinished" if not text else ("" if kind == "vanished" else kind))
    for key, (text, _kind) in old.items():
        if key not in wanted and text:
            out[key] = (text, "vanished")
    return out


def missing(language: str) -> list[str]:
    """The sources of ``language``'s ``.ts`` that have no finished translation."""
    return sorted(f"{c}: {s}" for (c, s), (text, kind) in read_ts(i18n.ts_path(language)).items()
                  if kind == "unfinished" or (not text and kind != "vanished"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annotator.gui.i18n_tool",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--extract", action="store_true",
                        help="collect every text of the windows and update the .ts files")
    parser.add_argument("--missing", action="store_true",
                        help="list the texts without a translation (exit 1 when any)")
    args = parser.parse_args(argv)
    if not (args.extract or args.missing):
        parser.error("say --extract, --missing or both")
    if args.extract:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from annotator.gui.app import _application

        _application()
        with tempfile.TemporaryDirectory() as tmp:
            sources = extract(Path(tmp))
        for language in i18n.TRANSLATED:
            messages = merge(language, sources)
            write_ts(i18n.ts_path(language), language, messages)
            print(f"{i18n.ts_path(language).name}: {len(messages)} messages")
    status = 0
    if args.missing:
        for language in i18n.TRANSLATED:
            gaps = missing(language)
            print(f"{language}: {len(gaps)} without a translation")
            for line in gaps:
                print(f"  {line}")
            status = status or (1 if gaps else 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
