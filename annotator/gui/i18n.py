"""The interface language: choosing it, loading the catalogues, translating the windows.

Every visible text goes through Qt's translation system, in one context
(:data:`CONTEXT`), with the English text as the key. The windows are written in
English; instead of a ``tr()`` around each literal in every module, this module
translates the widgets themselves (:func:`retranslate`): when a window is shown,
when the language changes and after each user input, it walks the window and
puts the translation of each text (window titles, labels, buttons, group
boxes, tabs, menus and actions, tooltips, placeholders, combo-box items, table
headers) in its place, remembering the English source on the widget so that a
second switch works. Texts built at run time ("Annotator: anna") are matched
against the patterns of :data:`TEMPLATES` and translated with their fields kept;
a module that shows text the walk cannot reach (cells of a table) calls
:func:`tr` itself.

The language is the one chosen in the settings (View > Language), else the
system locale's (sv, nb, de; anything else is English). Qt's own dialogs and
standard buttons take Qt's catalogue (``qtbase_sv.qm``, ``qtbase_de.qm``); Qt
ships none for Norwegian Bokmål, so the Bokmål catalogue carries the standard
buttons itself (contexts ``QPlatformTheme`` and friends).

The ``.ts`` sources live in ``annotator/resources/translations/``; the ``.qm``
files are compiled when the wheel is built (``setup.py``). A source checkout
without them compiles a ``.ts`` into the user's cache folder on first use, with
the ``lrelease`` PySide6 ships. ``python -m annotator.gui.i18n_tool`` updates the
``.ts`` files and lists what is not translated yet.
"""

from __future__ import annotations

import hashlib
import logging
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QModelIndex,
    QObject,
    QStandardPaths,
    Qt,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QStatusBar,
    QTableView,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QToolBox,
    QTreeView,
    QTreeWidget,
    QWidget,
)

from annotator.core.codebook import Codebook
from annotator.resources import resource_path

log = logging.getLogger(__name__)

CONTEXT = "annotator"
LANGUAGES: dict[str, str] = {
    "en": "English",
    "sv": "Svenska",
    "nb": "Norsk bokmål",
    "de": "Deutsch",
}
"""The interface languages, each named in itself (the Language menu shows these)."""
TRANSLATED = ("sv", "nb", "de")
_LOCALE_LANGUAGE = {"sv": "sv", "nb": "nb", "no": "nb", "nn": "nb", "de": "de", "en": "en"}

TEMPLATES: tuple[str, ...] = (
    # texts the windows build at run time; {x} is data shown as it is, {x_text} a text of
    # ours translated in turn (an undo command's name, a kind of disagreement)
    "{name} — annotator",
    "Re-detected: {details}",
    "{n} outlet.",
    "{n} outlets.",
    "Imported {n} outlet from {name}.",
    "Imported {n} outlets from {name}.",
    "Not imported: {reasons}.",
    "no learned model for this project yet (looked in {path}); train one with `annotator train "
    "PROJECT` or Assist > Train suggestions from finished documents - the registry and date "
    "suggestions work meanwhile",
    "{name} [read-only] — annotator",
    "Annotator: {name}",
    "Review disagreements — {name}",
    "&Undo {command_text}",
    "&Redo {command_text}",
    "Mark the selected text as {layer} (no text selected: move the selected span to that layer)",
    "Accept annotator {n}",
    "annotator {version}\nOffline annotation of news articles.",
    "Me ({name})",
    "{n}   Accept {name}",
    "&Every document ({n})",
    "All kinds ({n})",
    "{kind_text} ({n})",
    "{done_n} of {total_n} documents done by {name}",
    "Backups of {name} (in {folder}):",
    "Agreement — {name}",
    "Keep {name} ({key})",
    "Aliases ({language})",
    "Mark the selection as {layer} ({key})\n{description}",
    "{name} was not opened from a package, so there is nothing to return.",
    "Annotators: {names} · documents coded by all: {n} · alpha ≥ 0.8 is usually taken as "
    "reliable, ≥ 0.667 as enough for tentative conclusions",
    "#{n} {path} ({count_n} documents, {when})",
    "<b>#{n} {title}</b><br>{label_text}",
    "{kind_text}: {detail_text}",
    "{kind_text}: {detail}",
    "marked by {names} only",
    "coded by {names} only",
    "{layer} “{text}” → {target}",
    "{label}: only for documents that start with a claim line",
    "Accepted {n} {layer} suggestion.",
    "Accepted {n} {layer} suggestions.",
    "No disagreements behind “{field}”.",
    "{n} suggestion",
    "{n} suggestions",
    "{count} documents for {owner}.",
    "Cannot open {path}:\n{reason}",
    "Choose the destination {target}",
    "Deleted {name}.",
    "Export {format}: name {what}",
    "Exported {n} actor(s) to {file}.",
    "Finding disagreements… {done_n} of {total_n} documents",
    "Guideline — {title}",
    "Imported {n} new actor(s) from {file}.",
    "Merged {dropped} into {kept}.",
    "Merged {merged_n} of {total_n} package(s).",
    "No backups yet in {folder}.",
    "No {layer} suggestions to accept.",
    "Not a usable package: {reason}",
    "Not deleted: {reason}",
    "Not exported: {reason}",
    "Opened read-only: {reason}. Edits cannot be saved.",
    "Opened {file}: annotating as {name}. File › Write return package… when you are done.",
    "Replace the content of {name} with the backup taken {when} ({why})?\n\n"
    "The current content is backed up first.",
    "Restored from {chosen}; the replaced content is kept as {saved}.",
    "Restored {name} from {chosen}; the damaged file is kept as {saved}.",
    "Saved {name}.",
    "Suggestion {index_n} of {total_n}: {preview} — Return accepts, Delete rejects",
    "The codebook has no {layer} layer.",
    "The restore failed: {reason}",
    "Wrote {n} annotator package(s).",
    "decision refused: {reason}",
    "{dest} exists. Replace it when the export is finished?",
    "{n} agreed item(s) of document #{doc_n} accepted into gold",
    "{n} disagreements",
    "{name} is damaged and cannot be opened ({reason}).\n\n{offer}.",
    "{name} is damaged and cannot be opened:\n{reason}\n\nThe latest good backup was taken "
    "{when} ({why}).\nRestore it and open the project? The damaged file is kept in {folder}.",
    "{label} modifier",
    "{done_n} of {total_n} done",
    "{percent_n}% done",
    "{done_n} of {total_n} adjudicated",
    # the names of the undoable commands (Edit > Undo …), given by the core
    "add claim", "remove claim", "remove span", "delete actor", "edit", "mark done",
    "mark {status}", "merge actors", "change {fields}", "change claim {fields}",
    "accept agreements (#{doc_n})", "accept {n} agreed (#{doc_n})", "add {layer} span",
    "delete actor {name}", "edit actor", "edit actor {name}", "merge {dropped} into {kept}",
    "new actor {name}", "set {field}",
    "Covers: “{text}”",
    "{n} documents imported", "{n} document imported", "{n} already present",
    "{n} rejected", "{n} annotations", "{n} actors", "{n} actor", "cancelled",
    "{n} documents",
    "{n} document",
    "<b>Claim to check:</b> {claim}",
    "<b>{layer}</b> “{text}” <span style='color:#666'>({start_n}–{end_n})</span>{proposed_text}",
    "<br><span style='color:#9a5b00'>Proposed by the tool: {names} — Ctrl+K confirms, or edit "
    "below</span>",
)
"""The run-time texts: patterns whose ``{fields}`` match any text; a field named ``n`` or
ending in ``_n`` matches a number only."""

_SOURCE = "i18n_source_"
_SHOWN = "i18n_shown_"


# ---------------------------------------------------------------- language


def language_of_locale(name: str) -> str:
    """The interface language for a locale name (``sv_SE``, ``nb-NO``, ``de``): en if none."""
    code = name.replace("-", "_").split("_")[0].split(".")[0].lower()
    return _LOCALE_LANGUAGE.get(code, "en")


def system_language() -> str:
    """The language of the system locale (LANG, LC_ALL, LC_MESSAGES on Linux)."""
    return language_of_locale(QLocale.system().name())


def chosen_language(setting: str) -> str:
    """The setting when it names a language, else the system's."""
    return setting if setting in LANGUAGES else system_language()


# ------------------------------------------------------------- catalogues


def translations_dir() -> Path:
    """The ``.ts`` sources (and, in a built wheel, the ``.qm`` files beside them)."""
    return resource_path("translations")


def ts_path(language: str) -> Path:
    return translations_dir() / f"annotator_{language}.ts"


def lrelease() -> Path:
    """The Qt catalogue compiler PySide6 ships."""
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return Path(PySide6.__file__).parent / name


def compile_ts(source: Path, target: Path) -> None:
    """Compile one ``.ts`` into a ``.qm`` with lrelease (OSError when it fails)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([str(lrelease()), "-silent", str(source), "-qm", str(target)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0 or not target.exists():
        raise OSError(f"lrelease could not compile {source}: {done.stderr.strip()}")


def qm_path(language: str) -> Path | None:
    """The compiled catalogue of ``language``: the wheel's, else one compiled into the cache."""
    source = ts_path(language)
    built = source.with_suffix(".qm")
    if built.exists() and (not source.exists()
                           or built.stat().st_mtime >= source.stat().st_mtime):
        return built
    if not source.exists():
        return None
    digest = hashlib.sha1(source.read_bytes()).hexdigest()[:12]
    cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    target = Path(cache or Path.home() / ".cache" / "annotator") / "translations" / \
        f"annotator_{language}-{digest}.qm"
    if not target.exists():
        try:
            compile_ts(source, target)
        except OSError as exc:
            log.warning("%s; the interface stays in English", exc)
            return None
    return target


# ------------------------------------------------------------ translation


_translated: dict[str, str] = {}
"""translate() of the current language, by source (emptied at each switch)."""
_REMEMBERED = 20_000


def tr(text: str, **fields: object) -> str:
    """``text`` in the interface language, its ``{fields}`` filled in after translating."""
    out = QCoreApplication.translate(CONTEXT, text)
    return out.format(**fields) if fields else out


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for template in sorted(TEMPLATES, key=lambda t: -len(re.sub(r"\{\w+\}", "", t))):
        regex = re.escape(template)
        for name in re.findall(r"\{(\w+)\}", template):
            field = r"\d[\d,.\s]*" if name == "n" or name.endswith("_n") else ".*?"
            regex = regex.replace(re.escape("{" + name + "}"), f"(?P<{name}>{field})", 1)
        out.append((re.compile(regex, re.DOTALL), template))
    return tuple(out)


def template_of(text: str, known: Callable[[str], bool] | None = None
                ) -> tuple[str, dict[str, str]] | None:
    """The template ``text`` was built from, with its fields; None when none matches.

    A ``*_text`` field holds a text of ours, so it must be ``known`` (by default: it has a
    translation in the current language, directly or through a template of its own).
    """
    is_known = known or (lambda value: translate(value) != value)
    for pattern, template in _patterns():
        match = pattern.fullmatch(text)
        if match and all(not value or is_known(value) for name, value in
                         match.groupdict().items() if name.endswith("_text")):
            return template, match.groupdict()
    return None


def translate(text: str) -> str:
    """The translation of a shown English text: exact, else through its template (remembered
    until the language changes)."""
    out = _translated.get(text)
    if out is None:
        if len(_translated) > _REMEMBERED:  # texts with data in them come and go
            _translated.clear()
        out = _translated[text] = _translate(text)
    return out


def _translate(text: str) -> str:
    if not text or not any(c.isalpha() for c in text):
        return text
    out = QCoreApplication.translate(CONTEXT, text)
    if out != text:
        return out
    found = template_of(text)
    if found is None:
        return _list_of(text)
    template, fields = found
    filled = {k: (translate(v) if k.endswith("_text") else v) for k, v in fields.items()}
    return QCoreApplication.translate(CONTEXT, template).format(**filled)


def _list_of(text: str) -> str:
    """A list of our texts joined by commas ("3 documents imported, 1 rejected"), each part
    translated; ``text`` itself when any part is not one of ours."""
    parts = text.split(", ")
    if len(parts) < 2:
        return text
    out = [translate(part) for part in parts]
    return ", ".join(out) if all(t != p for t, p in zip(out, parts, strict=True)) else text


# ------------------------------------------------------------------- walk


_generation = [0]
"""Bumped at each language switch: a text swapped in this generation is up to date."""


def _swap(obj: QObject, key: str, current: str, setter: object) -> None:
    """Show the translation of ``obj``'s text ``key`` and remember its source.

    The source and the text shown live in two dynamic properties of the object (they
    outlive its Python wrapper); a memo on the wrapper skips texts already translated in
    this language, so a walk over an unchanged window reads each text once and writes
    nothing.
    """
    if not current:
        return
    memo: dict[str, tuple[str, str, int]] | None = getattr(obj, "_i18n_memo", None)
    entry = memo.get(key) if memo is not None else None
    if entry is not None and entry[1] == current:
        if entry[2] == _generation[0]:
            return
        source = entry[0]
    else:
        shown = obj.property(_SHOWN + key)
        source = obj.property(_SOURCE + key) if shown == current else current
    if not isinstance(source, str) or not source:
        return
    text = translate(source)
    if text != current:
        setter(text)  # type: ignore[operator]
    if entry is None or entry[0] != source or entry[1] != text:
        obj.setProperty(_SOURCE + key, source)
        obj.setProperty(_SHOWN + key, text)
    if memo is None:
        memo = {}
        try:
            obj._i18n_memo = memo  # type: ignore[attr-defined]
        except AttributeError:  # a wrapper without a __dict__: no memo, the properties hold
            return
    memo[key] = (source, text, _generation[0])


def source_text(obj: QObject, key: str, current: str) -> str:
    """The English source of a text the walk translated (the text itself otherwise)."""
    if obj.property(_SHOWN + key) == current:
        source = obj.property(_SOURCE + key)
        if isinstance(source, str):
            return source
    return current


def _action(action: QAction) -> None:
    if action.isSeparator() or action.property("i18n_data"):
        return
    stripped = action.text().replace("&", "")
    custom_tip = action.toolTip() and action.toolTip() != stripped
    _swap(action, "text", action.text(), action.setText)
    if custom_tip:
        _swap(action, "toolTip", action.toolTip(), action.setToolTip)
    _swap(action, "statusTip", action.statusTip(), action.setStatusTip)


def _tabs(widget: QTabWidget) -> None:
    for i in range(widget.count()):
        _swap(widget, f"tab{i}", widget.tabText(i), lambda t, i=i: widget.setTabText(i, t))
        _swap(widget, f"tabtip{i}", widget.tabToolTip(i),
              lambda t, i=i: widget.setTabToolTip(i, t))


def _tool_box(widget: QToolBox) -> None:
    for i in range(widget.count()):
        _swap(widget, f"item{i}", widget.itemText(i), lambda t, i=i: widget.setItemText(i, t))


def _combo(widget: QComboBox) -> None:
    if not widget.isEditable():  # an editable combo holds what the user typed: data
        for i in range(widget.count()):
            _swap(widget, f"item{i}", widget.itemText(i),
                  lambda t, i=i: widget.setItemText(i, t))


def _standard_headers(widget: QAbstractItemView) -> None:
    model = widget.model()
    if isinstance(model, QStandardItemModel):
        for i in range(model.columnCount(QModelIndex())):
            item = model.horizontalHeaderItem(i)
            if item is not None:
                source = item.data(_HEADER_SOURCE)
                text = item.text() if source is None else str(source)
                item.setData(text, _HEADER_SOURCE)
                if translate(text) != item.text():
                    item.setText(translate(text))


_HEADER_SOURCE = 0x0101  # Qt.UserRole + 1: the English header of a QStandardItemModel column


def _widget_headers(widget: QTableWidget | QTreeWidget) -> None:
    if isinstance(widget, QTreeWidget):
        head = widget.headerItem()
        for i in range(widget.columnCount()):
            _swap(widget, f"head{i}", head.text(i), lambda t, i=i: head.setText(i, t))
        return
    for i in range(widget.columnCount()):
        item = widget.horizontalHeaderItem(i)
        if item is not None:
            _swap(widget, f"head{i}", item.text(), item.setText)


def _menu(widget: QMenu) -> None:
    _swap(widget, "title", widget.title(), widget.setTitle)


def _text(widget: QLabel | QAbstractButton) -> None:
    if not widget.property("i18n_data"):
        _swap(widget, "text", widget.text(), widget.setText)


def _group(widget: QGroupBox) -> None:
    _swap(widget, "title", widget.title(), widget.setTitle)


def _placeholder(widget: QLineEdit | QPlainTextEdit | QTextEdit) -> None:
    _swap(widget, "placeholder", widget.placeholderText(), widget.setPlaceholderText)


def _status(widget: QStatusBar) -> None:
    if widget.currentMessage():
        _swap(widget, "message", widget.currentMessage(), lambda t: widget.showMessage(t, 8000))


def _message_box(widget: QMessageBox) -> None:
    _swap(widget, "informative", widget.informativeText(), widget.setInformativeText)


def _progress(widget: QProgressBar) -> None:
    _swap(widget, "format", widget.format(), widget.setFormat)


def _title(widget: QWidget) -> None:
    _swap(widget, "windowTitle", widget.windowTitle(), widget.setWindowTitle)


_KINDS: tuple[tuple[type, Callable[..., None]], ...] = (
    (QMenu, _menu), (QLabel, _text), (QAbstractButton, _text), (QGroupBox, _group),
    (QLineEdit, _placeholder), (QPlainTextEdit, _placeholder), (QTextEdit, _placeholder),
    (QStatusBar, _status), (QMessageBox, _message_box), (QTabWidget, _tabs),
    (QToolBox, _tool_box), (QComboBox, _combo), (QTableWidget, _widget_headers),
    (QTreeWidget, _widget_headers), (QAbstractItemView, _standard_headers),
    (QDockWidget, _title), (QToolBar, _title), (QProgressBar, _progress),
)
_by_class: dict[type, tuple[Callable[..., None], ...]] = {}


def _handlers(cls: type) -> tuple[Callable[..., None], ...]:
    """What a widget of ``cls`` has to translate (found once per class)."""
    found = _by_class.get(cls)
    if found is None:
        chosen: list[Callable[..., None]] = []
        for kind, handler in _KINDS:
            if issubclass(cls, kind) and handler not in chosen and not (
                    handler is _standard_headers and issubclass(cls, (QTableWidget, QTreeWidget))):
                chosen.append(handler)
        found = _by_class[cls] = tuple(chosen)
    return found


def _widget(widget: QWidget) -> None:
    if widget.isWindow():
        _swap(widget, "windowTitle", widget.windowTitle(), widget.setWindowTitle)
    _swap(widget, "toolTip", widget.toolTip(), widget.setToolTip)
    for handler in _handlers(type(widget)):
        handler(widget)


def retranslate(root: QWidget) -> None:
    """Translate every text of ``root`` and its children into the current language."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        _widget(widget)
    for action in root.findChildren(QAction):
        _action(action)


def retranslate_all() -> None:
    for widget in QApplication.topLevelWidgets():
        retranslate(widget)


def localized(book: Codebook) -> Codebook:
    """The codebook with its labels, definitions and guidelines in the interface language."""
    return book.localized(current_language())


# ------------------------------------------------------------ the switch


class _Translation(QObject):
    """The installed catalogues and the event filter that keeps windows translated."""

    sig_language_changed = Signal(str)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.language = "en"
        self.translators: list[QTranslator] = []
        self._busy = False
        self._pending = QTimer(self)  # after a user's input: at once, before the next paint
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._on_pending_timeout)
        self._later = QTimer(self)  # after a worker's result: at most ten walks a second
        self._later.setSingleShot(True)
        self._later.setInterval(100)
        self._later.timeout.connect(self._on_pending_timeout)
        self._filtering = False

    def load(self, language: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self.translators:
            app.removeTranslator(translator)
        self.translators = []
        self.language = language if language in LANGUAGES else "en"
        _generation[0] += 1
        _translated.clear()
        if self.language != "en":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            ours = qm_path(self.language)
            for path in (str(ours) if ours else "", f"{qt_dir}/qtbase_{self.language}.qm"):
                translator = QTranslator(self)
                if path and Path(path).exists() and translator.load(path):
                    app.installTranslator(translator)
                    self.translators.append(translator)
        QLocale.setDefault(QLocale(self.language if self.language != "nb" else "nb_NO"))
        # English needs no walk after this one: the windows are written in it
        if self.language != "en" and not self._filtering:
            app.installEventFilter(self)
        elif self.language == "en" and self._filtering:
            app.removeEventFilter(self)
        self._filtering = self.language != "en"
        self._walk()
        self.sig_language_changed.emit(self.language)

    def _walk(self) -> None:
        if self._busy:
            return
        self._busy = True
        try:
            retranslate_all()
        finally:
            self._busy = False

    def _on_pending_timeout(self) -> None:
        self._walk()

    def flush(self) -> None:
        """Run the walk a user's input or a worker's result has scheduled, now."""
        if self._pending.isActive() or self._later.isActive():
            self._pending.stop()
            self._later.stop()
            self._walk()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in _AFTER_INPUT:
            if not self._pending.isActive():
                self._pending.start()
        elif kind == QEvent.Type.MetaCall:
            if not self._later.isActive():
                self._later.start()
        elif kind in _BEFORE_SHOWN and isinstance(obj, QWidget) and obj.isWindow() \
                and not self._busy:
            self._busy = True
            try:
                retranslate(obj)
            finally:
                self._busy = False
        return False


_AFTER_INPUT = frozenset({
    QEvent.Type.MouseButtonRelease, QEvent.Type.KeyRelease, QEvent.Type.FocusIn,
    QEvent.Type.WindowActivate,
})
"""After these (a click, a key, a window coming forward) the windows may show new texts: one
walk runs when the event loop is next idle. A result from a worker thread (a queued call,
QEvent.MetaCall) brings one within 100 ms, so that a stream of progress reports costs at most
ten walks a second."""

_BEFORE_SHOWN = frozenset({QEvent.Type.Polish, QEvent.Type.Show})
"""A window is translated when polished (before its layout takes the texts' sizes) and again
when shown (texts set in between)."""

_state: dict[str, _Translation] = {}


def notifier() -> _Translation:
    """The application's translation state; its ``sig_language_changed`` fires after a
    switch. Created (English) on first use; a QApplication must exist."""
    app = QCoreApplication.instance()
    assert app is not None, "a QApplication comes first"
    state = _state.get("app")
    if state is None or state.parent() is not app:
        state = _state["app"] = _Translation(app)
    return state


def set_language(language: str) -> str:
    """Install the catalogues of ``language`` and translate every window; returns it."""
    state = notifier()
    state.load(language)
    return state.language


def current_language() -> str:
    state = _state.get("app")
    return state.language if state is not None else "en"


def add_language_menu(window: QMainWindow, settings: object, menu_title: str = "&View") -> QMenu:
    """A Language submenu in the window's View menu; choosing applies at once and is kept."""
    parent = next((m for m in window.menuBar().findChildren(QMenu)
                   if m.title() == menu_title or source_text(m, "title", m.title()) == menu_title),
                  None)
    host = parent if parent is not None else window.menuBar()
    menu = QMenu("&Language", host)
    menu.setObjectName("language_menu")
    group = QActionGroup(menu)
    choices: list[tuple[str, str]] = [("", "System default"), *LANGUAGES.items()]
    for code, name in choices:
        action = QAction(name, menu)
        action.setCheckable(True)
        action.setData(code)
        action.setObjectName(f"language_{code or 'system'}")
        action.setProperty("i18n_data", bool(code))  # a language's own name stays as it is
        action.setChecked(code == getattr(settings, "language", ""))
        group.addAction(action)
        menu.addAction(action)

    def choose(action: QAction) -> None:
        code = str(action.data() or "")
        settings.language = code  # type: ignore[attr-defined]
        set_language(chosen_language(code))

    group.triggered.connect(choose)
    if parent is not None:
        parent.addSeparator()
        parent.addMenu(menu)
    else:
        window.menuBar().addMenu(menu)
    return menu


def visible_texts(root: QWidget) -> Iterable[tuple[QObject, str, str]]:
    """Every text of ``root`` the walk translates, as (owner, kind, text); for the
    extraction tool and the tests."""
    for widget in [root, *root.findChildren(QWidget)]:
        yield from _texts_of(widget)
    seen: set[int] = set()
    for action in root.findChildren(QAction):
        if id(action) in seen or action.isSeparator():
            continue
        seen.add(id(action))
        yield action, "action", action.text()
        if action.statusTip():
            yield action, "statusTip", action.statusTip()


def _texts_of(widget: QWidget) -> Iterable[tuple[QObject, str, str]]:
    if widget.isWindow() or isinstance(widget, (QDockWidget, QToolBar)):
        yield widget, "windowTitle", widget.windowTitle()
    yield widget, "toolTip", widget.toolTip()
    if isinstance(widget, QMenu):
        yield widget, "title", widget.title()
    elif isinstance(widget, (QLabel, QAbstractButton)):
        yield widget, "text", widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget, "title", widget.title()
    elif isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        yield widget, "placeholder", widget.placeholderText()
    elif isinstance(widget, QProgressBar) and widget.isTextVisible():
        yield widget, "format", widget.format()
    yield from _item_texts(widget)


def _item_texts(widget: QWidget) -> Iterable[tuple[QObject, str, str]]:
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield widget, "tab", widget.tabText(i)
            yield widget, "tabToolTip", widget.tabToolTip(i)
    elif isinstance(widget, QComboBox) and not widget.isEditable():
        for i in range(widget.count()):
            yield widget, "item", widget.itemText(i)
    elif isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
        model = widget.model()
        for i in range(model.columnCount(QModelIndex())):
            header = model.headerData(i, Qt.Orientation.Horizontal)
            if isinstance(header, str):
                yield widget, "header", header


if __name__ == "__main__":  # python -m annotator.gui.i18n --extract / --missing
    from annotator.gui.i18n_tool import main

    sys.exit(main())
