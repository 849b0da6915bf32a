"""The session's link to other windows and processes on the same project file.

:class:`LiveLink` runs two timers while a project is open: the change poll
(every :data:`POLL_MS`, one ``PRAGMA data_version`` when nothing happened)
that turns what others committed into ``sig_changed`` Changes with the
initiator :data:`~annotator.core.live.EXTERNAL`, and the presence heartbeat
that keeps this window's entry in the project's presence folder fresh and
says, with ``sig_presence``, who else has the project open and whether its
folder is unsafe for SQLite.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.core import presence
from annotator.core.live import EXTERNAL, ChangeWatch
from annotator.core.models import Changes
from annotator.core.project import Project

POLL_MS = 250
"""How often to look for other writers: well inside the one second a refresh may take."""
HEARTBEAT_MS = int(presence.HEARTBEAT_S * 1000)
log = logging.getLogger(__name__)


def own_changes(slot: Callable[[Changes[object]], None]) -> Callable[[Changes[object]], None]:
    """``slot`` called only for this process's own edits: what other windows and
    processes wrote is refreshed in place by the window's live handler instead."""

    def forward(changes: Changes[object]) -> None:
        if changes.initiator != EXTERNAL:
            slot(changes)

    return forward


class LiveLink(QObject):
    """Change detection and presence for one session's open project."""

    sig_changed = Signal(object)
    """Another window or process wrote the project (a Changes, initiator EXTERNAL)."""
    sig_presence = Signal(str)
    """Who else has the project open, and whether its folder is unsafe; '' when neither."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._watch: ChangeWatch | None = None
        self._announcement: presence.Announcement | None = None
        self.note = ""
        """What :attr:`sig_presence` last said (set already when the project opens)."""
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.poll)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self._on_heartbeat)

    def start(self, project: Project, annotator: str) -> None:
        self.stop()
        self._project = project
        self._watch = project.change_watch()
        self._poll.start()
        if str(project.path) != ":memory:":
            self._announcement = presence.Announcement(project.path, annotator,
                                                       read_only=project.read_only)
            self._announcement.start()
            self._heartbeat.start()
        self.note = self._describe()

    def stop(self) -> None:
        self._poll.stop()
        self._heartbeat.stop()
        if self._announcement is not None:
            self._announcement.stop()
        self._project = self._watch = self._announcement = None
        self.note = ""

    def poll(self) -> Changes[None] | None:
        """What other connections wrote since the last poll (announced too); None if nothing."""
        if self._watch is None:
            return None
        try:
            changes = self._watch.poll()
        except Exception as exc:  # noqa: BLE001 - a busy or vanished file must not stop the timer
            log.debug("change poll failed: %s", exc)
            return None
        if changes is not None:
            self.sig_changed.emit(changes)
        return changes

    def others(self) -> list[presence.Presence]:
        """The other windows and processes that have the project open now."""
        if self._project is None or str(self._project.path) == ":memory:":
            return []
        token = self._announcement.token if self._announcement else ""
        return presence.others(self._project.path, token=token)

    def _describe(self) -> str:
        if self._project is None or str(self._project.path) == ":memory:":
            return ""
        parts = [presence.describe_others(self.others()),
                 presence.unsafe_location(self._project.path) or ""]
        return "; ".join(p for p in parts if p)

    def _on_heartbeat(self) -> None:
        if self._announcement is not None:
            self._announcement.beat()
        note = self._describe()
        if note != self.note:
            self.note = note
            self.sig_presence.emit(note)
