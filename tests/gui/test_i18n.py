"""The interface in Swedish, Norwegian Bokmål and German: nothing visible stays English.

Each window and dialog of :func:`annotator.gui.i18n_tool.scenes` is opened in each
language; every text the translation walk covers (titles, menus and actions,
labels, buttons, group boxes, tabs, tooltips, placeholders, combo items, table
headers) must be a translation from the catalogue, a run-time pattern filled in,
or the project's data (the codebook's texts, names, titles, numbers).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDialogButtonBox, QMenu

from annotator.gui import i18n
from annotator.gui.i18n_tool import (
    from_codebook,
    is_data,
    is_standard_button,
    missing,
    project_texts,
    read_ts,
    scenes,
)

KEY_STRINGS = {
    "sv": {"&File": "&Arkiv", "&Edit": "&Redigera", "&Review": "&Granskning"},
    "nb": {"&File": "&Fil", "&Edit": "&Rediger", "&Review": "&Gjennomgang"},
    "de": {"&File": "&Datei", "&Edit": "&Bearbeiten", "&Review": "&Prüfung"},
}


@pytest.fixture(autouse=True)
def _back_to_english(qapp):  # type: ignore[no-untyped-def]
    yield
    i18n.set_language("en")


def _accepted(language: str) -> set[str]:
    return {text for (context, _source), (text, kind) in
            read_ts(i18n.ts_path(language)).items()
            if context == i18n.CONTEXT and text and kind != "vanished"}


def _matches_translated_template(text: str, accepted: set[str]) -> bool:
    """``text`` fills a translated pattern, and its ``*_text`` fields are translated too."""
    for template in i18n.TEMPLATES:
        translated = i18n.tr(template)
        regex = re.escape(translated)
        for name in re.findall(r"\{(\w+)\}", translated):
            regex = regex.replace(re.escape("{" + name + "}"), f"(?P<{name}>.*?)", 1)
        match = re.fullmatch(regex, text, re.DOTALL)
        if match and all(not value or value in accepted
                         or _matches_translated_template(value, accepted)
                         for name, value in match.groupdict().items() if name.endswith("_text")):
            return True
    parts = text.split(", ")  # a list of our texts, each translated
    return len(parts) > 1 and all(p in accepted or _matches_translated_template(p, accepted)
                                  for p in parts)


@pytest.mark.parametrize("language", ["sv", "nb", "de"])
def test_no_english_left_in_any_window(qtbot, tmp_path: Path, language: str) -> None:
    i18n.set_language(language)
    accepted = _accepted(language)
    english = {s for (c, s) in read_ts(i18n.ts_path(language)) if c == i18n.CONTEXT}
    untranslated: list[str] = []
    checked = 0
    with scenes(tmp_path) as all_scenes:
        data = project_texts(tmp_path / "sample.annotator", language)
        for scene in all_scenes:
            root = scene.open()
            for owner, kind, shown in i18n.visible_texts(root):
                if not shown or is_data(owner, shown) or from_codebook(shown, data) \
                        or is_standard_button(owner):
                    continue
                checked += 1
                if shown not in accepted and not _matches_translated_template(shown, accepted):
                    untranslated.append(f"{scene.name}: {kind} {shown!r}"
                                        f"{' (English)' if shown in english else ''}")
    assert checked > 300
    assert not untranslated, "\n".join(untranslated)


@pytest.mark.parametrize("language", ["sv", "nb", "de"])
def test_menus_and_standard_buttons_are_translated(qtbot, tmp_path: Path,
                                                   language: str) -> None:
    i18n.set_language(language)
    with scenes(tmp_path) as all_scenes:
        window = all_scenes[0].open()
        titles = {m.title() for m in window.menuBar().findChildren(QMenu)}
        for english, translated in KEY_STRINGS[language].items():
            assert translated in titles and english not in titles, titles
        first_run = next(s for s in all_scenes if s.name == "first run").open()
        cancel = first_run.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text().replace("&", "") not in ("Cancel", ""), cancel.text()
        # back to English: the sources come back
        i18n.set_language("en")
        titles = {m.title() for m in window.menuBar().findChildren(QMenu)}
        assert {"&File", "&Edit", "&Review"} <= titles


def test_every_catalogue_is_complete() -> None:
    for language in i18n.TRANSLATED:
        assert missing(language) == [], language


def test_setting_overrides_the_locale(qtbot, tmp_path: Path, monkeypatch) -> None:
    from annotator.gui.settings import Settings

    assert i18n.language_of_locale("sv_SE.UTF-8") == "sv"
    assert i18n.language_of_locale("nb_NO") == "nb" == i18n.language_of_locale("no")
    assert i18n.language_of_locale("de_AT") == "de"
    assert i18n.language_of_locale("fr_FR") == "en"
    monkeypatch.setattr(i18n, "system_language", lambda: "de")
    settings = Settings(tmp_path / "s.ini")
    assert i18n.chosen_language(settings.language) == "de"  # nothing chosen: the system's
    settings.language = "sv"
    assert i18n.chosen_language(Settings(tmp_path / "s.ini").language) == "sv"
    settings.language = "en"
    assert i18n.chosen_language(Settings(tmp_path / "s.ini").language) == "en"


@pytest.mark.parametrize(("lang", "expected"), [("nb_NO.UTF-8", "nb"), ("de_DE.UTF-8", "de"),
                                                ("C.UTF-8", "en")])
def test_the_system_locale_is_read_from_the_environment(lang: str, expected: str) -> None:
    env = {**os.environ, "LANG": lang, "LC_ALL": lang, "LC_MESSAGES": lang,
           "LANGUAGE": "", "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c",
                          "from annotator.gui.i18n import system_language; "
                          "print(system_language())"],
                         env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip() == expected


def test_language_menu_switches_at_once_and_is_kept(qtbot, tmp_path: Path) -> None:
    with scenes(tmp_path) as all_scenes:
        window = all_scenes[0].open()
        menu = window.findChild(QMenu, "language_menu")
        sv = next(a for a in menu.actions() if a.objectName() == "language_sv")
        sv.trigger()
        assert i18n.current_language() == "sv"
        assert window.settings.language == "sv"
        assert "&Arkiv" in {m.title() for m in window.menuBar().findChildren(QMenu)}
        # the codebook's labels follow at once: the layer buttons and the grade choices
        buttons = {b.text() for b in window.view.findChildren(QAbstractButton)}
        assert any("Aktör" in t for t in buttons), buttons
        items = {c.itemText(i) for c in window.form.findChildren(QComboBox)
                 for i in range(c.count())}
        assert any("Helt tillförlitlig" in t for t in items), items
        german = next(a for a in menu.actions() if a.objectName() == "language_de")
        german.trigger()
        assert "&Datei" in {m.title() for m in window.menuBar().findChildren(QMenu)}
        assert any("Akteur" in b.text() for b in window.view.findChildren(QAbstractButton))


def _texts_of_modal(trigger, close) -> list[str]:  # type: ignore[no-untyped-def]
    """The texts of the modal dialog ``trigger`` opens (the real call, which blocks)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        seen.extend(text for owner, _kind, text in i18n.visible_texts(dialog)
                    if text and not is_standard_button(owner))
        close(dialog)

    QTimer.singleShot(0, look)
    trigger()
    return seen


@pytest.mark.parametrize("language", ["sv", "de"])
def test_modal_dialogs_are_translated(qtbot, tmp_path: Path, language: str) -> None:
    """About, the name prompt and a warning, opened the way the window opens them."""
    i18n.set_language(language)
    accepted = _accepted(language)
    with scenes(tmp_path) as all_scenes:
        window = all_scenes[0].open()
        about = _texts_of_modal(window.show_about, lambda d: d.accept())
        name = _texts_of_modal(window.ask_annotator, lambda d: d.reject())
        warning = _texts_of_modal(
            lambda: window.open_project(tmp_path / "missing" / "x.annotator"),
            lambda d: d.accept())
    for texts in (about, name, warning):
        assert texts, "the dialog showed nothing"
        english = [t for t in texts if any(c.isalpha() for c in t) and t not in accepted
                   and not _matches_translated_template(t, accepted)]
        assert not english, english
    assert i18n.tr("About annotator") in about


def test_undo_names_the_command_in_the_language(qtbot, tmp_path: Path) -> None:
    from annotator.core.models import Status

    i18n.set_language("de")
    with scenes(tmp_path) as all_scenes:
        window = all_scenes[0].open()
        assert window.set_status(Status.IN_PROGRESS)
        i18n.retranslate(window)
        undo = window.menu_actions["undo"]
        assert undo.text() == "{status} markieren &rückgängig machen".format(
            status="in_progress"), undo.text()
        i18n.set_language("en")
        assert undo.text() == "&Undo mark in_progress"


def test_a_screenshot_is_rendered_in_the_language_asked(qtbot, tmp_path: Path) -> None:
    from annotator.core.sample import build_sample_project
    from annotator.gui.app import Scene, render_scene

    project = build_sample_project(tmp_path / "sample.annotator")
    i18n.set_language("nb")  # what the window had: the screenshot must not keep it
    english = render_scene(project, tmp_path / "en.png", Scene(size=(900, 400)))
    german = render_scene(project, tmp_path / "de.png", Scene(size=(900, 400), language="de"))
    assert english.read_bytes() != german.read_bytes()
    assert i18n.current_language() == "nb"
    again = render_scene(project, tmp_path / "en2.png", Scene(size=(900, 400)))
    assert again.read_bytes() == english.read_bytes()  # English whatever was set before
