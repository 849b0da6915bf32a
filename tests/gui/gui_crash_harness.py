"""GUI crash harness: SIGKILL the real main window mid-session, then check nothing was lost.

The API crash harness (:mod:`tests.core.crash_harness`) drives :class:`Project`
directly; this one drives the window an annotator uses. A child process opens
the real main window offscreen on a project (:func:`annotator.gui.app.create_window`)
and runs a scripted annotation session through its widgets and actions:

* select text in ``window.view`` and press a layer key (``QTest.keyClick``): a new span;
* select a span and press another layer key (relabel) or Delete (remove);
* type a note into the Document tab's field and press Return;
* *Mark done and go to next unfinished*, *Mark in progress again*, *Next* and
  *Previous document* through the window's actions.

Before each edit the child prints a ``begin`` line (what the edit will change,
when that is known beforehand); once the window has handled the key or action
and the change is in ``window.session.project``, it prints an ``ack`` line with
the identity and the new state of what it changed. Both are flushed at once. The
parent kills the child with SIGKILL at a random moment, reopens the project with
the core API and checks that

* ``PRAGMA integrity_check`` and the foreign-key check pass, through annotator
  and on a plain sqlite3 connection, and :meth:`Project.check` finds nothing;
* every acknowledged edit is there: each span, note and status the session
  touched has the state of its last acknowledged edit, or of the edit in flight
  when the process died (it may or may not have committed);
* every named backup (the window takes a rolling backup on a worker thread
  after opening) is a good copy.

    python -m tests.gui.gui_crash_harness --trials 50          # the full run
    python -m tests.gui.gui_crash_harness --trials 5 --seed 7

The pytest test (tests/gui/test_gui_crash_harness.py) runs a short version.
The child processes, the ack lines, the model of acknowledged edits and the
checks are shared with the other harnesses (tests/harness_checks.py); this
module owns the scripted window session and what of the project it compares.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests import harness_checks as checks
from tests.harness_checks import Child, Model, emit, prepare_project

ANNOTATOR = "gui-crash"
LAYER_KEYS = {"ACTOR": "A", "DATE": "D", "DEMAND": "M", "SOURCE": "S"}
TAB_DOCUMENT = 2  # annotation_form: span, claims, document


# ----------------------------------------------------------------- the child


class _GuiSession:
    """The scripted annotator at the window: random edits, each announced and acknowledged."""

    def __init__(self, window: Any, app: Any, rng: random.Random) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        self.window = window
        self.app = app
        self.rng = rng
        self.qt = Qt
        self.qtest = QTest
        self.number = 0
        self.refused = 0

    @property
    def project(self) -> Any:
        return self.window.session.project

    @property
    def doc_id(self) -> int:
        return int(self.window.doc.id)

    def token(self) -> str:
        return f"t{self.rng.getrandbits(48):012x}"

    def _key(self, widget: Any, key: Any) -> None:
        self.qtest.keyClick(widget, key)
        self.app.processEvents()

    def _refuse(self, what: str) -> None:
        """An edit that did not land (it should not happen): said, not acknowledged."""
        self.refused += 1
        emit("refused", self.number, op=what,
             status=self.window.statusBar().currentMessage())

    def _my_span(self, span_id: int) -> Any:
        return next((s for s in self.project.spans(self.window.doc.id, annotator=ANNOTATOR)
                     if int(s.id) == span_id), None)

    def step(self) -> None:
        self.number += 1
        ops = [self.add_span] * 5 + [self.set_note] * 2 + [self.mark_done, self.go_neighbour]
        if self.window.view.spans:
            ops += [self.relabel_span] * 2 + [self.remove_span]
        if self.rng.random() < 0.1:
            ops.append(self.mark_in_progress)
        self.rng.choice(ops)()

    # ------------------------------------------------------------ spans

    def add_span(self) -> None:
        text = self.window.view.text
        start = self.rng.randrange(0, max(1, len(text) - 1))
        end = self.rng.randrange(start + 1, min(len(text), start + 40) + 1)
        layer = self.rng.choice(sorted(LAYER_KEYS))
        before = {int(s.id) for s in self.window.view.spans}
        self.window.view.edit.setFocus()
        self.window.view.select_text(start, end)
        emit("begin", self.number, op="add_span")
        self._key(self.window.view.edit, getattr(self.qt.Key, f"Key_{LAYER_KEYS[layer]}"))
        new = [s for s in self.window.view.spans if int(s.id) not in before]
        stored = self._my_span(int(new[0].id)) if len(new) == 1 else None
        if stored is None or (stored.layer, stored.start, stored.end) != (layer, start, end):
            self._refuse("add_span")
            return
        emit("ack", self.number, key=["span", stored.uid], value=[layer, start, end])

    def _pick_span(self) -> Any:
        span = self.rng.choice(self.window.view.spans)
        self.window.view.edit.setFocus()
        self.window.view.select_span(int(span.id), scroll=False)  # as a click on it does
        return span

    def relabel_span(self) -> None:
        span = self._pick_span()
        layer = self.rng.choice([n for n in sorted(LAYER_KEYS) if n != span.layer])
        value = [layer, span.start, span.end]
        emit("begin", self.number, key=["span", span.uid], value=value)
        self._key(self.window.view.edit, getattr(self.qt.Key, f"Key_{LAYER_KEYS[layer]}"))
        stored = self._my_span(int(span.id))
        if stored is None or stored.layer != layer:
            self._refuse("relabel_span")
            return
        emit("ack", self.number, key=["span", span.uid], value=value)

    def remove_span(self) -> None:
        span = self._pick_span()
        emit("begin", self.number, key=["span", span.uid], value=None)
        self._key(self.window.view.edit, self.qt.Key.Key_Delete)
        if self._my_span(int(span.id)) is not None:
            self._refuse("remove_span")
            return
        emit("ack", self.number, key=["span", span.uid], value=None)

    # -------------------------------------------------- document fields

    def set_note(self) -> None:
        form = self.window.form
        form.tabs.setCurrentIndex(TAB_DOCUMENT)
        editor = form.document_panel.fields.editors["note"]
        editor.setFocus()
        editor.clear()
        value = self.token()
        doc = self.doc_id
        self.qtest.keyClicks(editor, value)
        key = ["value", doc, "note"]
        emit("begin", self.number, key=key, value=value)
        self._key(editor, self.qt.Key.Key_Return)
        if self.project.values(doc, ANNOTATOR).get("note") != value:
            self._refuse("set_note")
            return
        emit("ack", self.number, key=key, value=value)

    # ------------------------------------------------------ the actions

    def _status(self, action: str, status: str) -> None:
        doc = self.doc_id
        key = ["status", doc]
        emit("begin", self.number, key=key, value=status)
        self.window.menu_actions[action].trigger()
        self.app.processEvents()
        if self.project.status(doc, ANNOTATOR).value != status:
            self._refuse(action)
            return
        emit("ack", self.number, key=key, value=status)

    def mark_done(self) -> None:
        self._status("mark_done", "done")

    def mark_in_progress(self) -> None:
        self._status("mark_in_progress", "in_progress")

    def go_neighbour(self) -> None:
        """Not an edit: moves to the next or previous document (flushing the form)."""
        name = self.rng.choice(("next", "previous"))
        self.window.menu_actions[name].trigger()
        self.app.processEvents()


def run_child(project_path: Path, seed: int) -> None:
    """The child process: open the window, say ready, edit until killed (or for a long while)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings

    from annotator.gui.app import _application, create_window
    from annotator.gui.settings import Settings

    def report(kind: type[BaseException], exc: BaseException, tb: Any) -> None:
        sys.stderr.write("".join(traceback.format_exception(kind, exc, tb)))
        sys.stderr.flush()

    sys.excepthook = report  # an exception in a slot is reported and the window goes on
    app = _application()
    with tempfile.TemporaryDirectory() as scratch:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, scratch)
        settings = Settings(Path(scratch) / "settings.ini")
        settings.annotator_name = ANNOTATOR
        settings.snap_to_words = False  # the span is exactly the selected characters
        window = create_window(settings, project_path, ANNOTATOR)
        window.io.show_report = False
        window.resize(1300, 800)
        window.show()
        app.processEvents()
        session = _GuiSession(window, app, random.Random(seed))
        emit("ready", 0)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            session.step()
        window.session.close_project()


# ---------------------------------------------------------------- the parent


@dataclass
class TrialResult(checks.TrialResult):
    """What one killed session acknowledged, refused and what the check found."""

    refused: int = 0


@dataclass
class Summary(checks.Summary):
    """The figures of a run."""

    refused: int = 0

    def line(self) -> str:
        return (f"{self.trials} trials, {self.acked} acknowledged GUI edits, "
                f"{self.checked} record states checked, {self.in_flight} kills during an "
                f"edit, {self.refused} edits refused, {self.backups_checked} backups "
                f"verified, {len(self.failures)} failures ({self.seconds:.1f} s)")


def run_session(project: Path, rng: random.Random, max_delay: float) -> list[str]:
    """One child window killed at a random moment after it is ready; returns its output."""
    child = Child("tests.gui.gui_crash_harness", "--child", str(project),
                  "--seed", str(rng.getrandbits(32)), env={"QT_QPA_PLATFORM": "offscreen"})
    if not child.ready.wait(60):
        child.kill()
        raise RuntimeError("the child window never got ready: " + child.stderr())
    time.sleep(rng.uniform(0, max_delay))
    child.kill()
    if not child.killed:
        raise RuntimeError(f"the child window ended on its own: {child.stderr()}")
    if any("Traceback" in line for line in child.errors):
        raise RuntimeError(f"an exception escaped in the child window: {child.stderr()}")
    return child.lines


def actual_state(project: Any) -> checks.State:
    """The state of everything the GUI session can touch, keyed as the ack lines are."""
    state: checks.State = {}
    for span in project.spans(annotator=ANNOTATOR):
        state[("span", span.uid)] = [span.layer, span.start, span.end]
    for summary in project.documents():
        note = project.values(summary.id, ANNOTATOR).get("note")
        if note is not None:
            state[("value", int(summary.id), "note")] = note
        state[("status", int(summary.id))] = project.status(summary.id, ANNOTATOR).value
    return state


def verify(project_path: Path, model: Model, in_flight: dict[str, Any] | None,
           result: TrialResult) -> None:
    """Reopen the project with the core API, run the integrity checks and compare."""
    problems, state = checks.reopen(project_path, actual_state)
    result.failures += problems
    model.compare(state, in_flight, result)


def run_trials(trials: int, workdir: Path, seed: int = 0, *, per_project: int = 10,
               max_delay: float = 1.0, log: Any = None) -> Summary:
    """Run ``trials`` kill-and-check trials; a fresh project every ``per_project`` trials."""
    rng = random.Random(seed)
    summary = Summary()
    started = time.monotonic()
    project, model, seen = workdir / "none", Model(), set[Path]()
    for trial in range(trials):
        if trial % per_project == 0:
            project, model, seen = workdir / f"gui{trial:04d}.annotator", Model(), set()
            prepare_project(project)
        result = TrialResult()
        lines = run_session(project, rng, max_delay)
        in_flight = model.absorb(lines, result)
        result.refused = len(checks.records(lines, "refused"))
        verify(project, model, in_flight, result)
        checked, problems = checks.backup_folder_problems(project, seen)
        result.failures += problems
        summary.add(result, checked)
        summary.refused += result.refused
        if log is not None:
            log(f"trial {trial + 1}: {result.acked} acked, {result.checked} checked"
                f"{', killed mid-edit' if result.in_flight else ''}"
                f"{f', {result.refused} refused' if result.refused else ''}"
                f"{', FAILED: ' + '; '.join(result.failures[:3]) if result.failures else ''}")
    summary.seconds = time.monotonic() - started
    return summary


def main(argv: list[str] | None = None) -> int:
    """Command line: the full run, or (``--child``) one scripted window."""
    parser = checks.kill_parser(__doc__.split("\n")[0], trials=50, max_delay=1.0,
                                per_project=10)
    args = parser.parse_args(argv)
    if args.child:
        run_child(Path(args.child), args.seed)
        return 0
    return checks.run_cli(args, run_trials)


if __name__ == "__main__":
    sys.exit(main())
