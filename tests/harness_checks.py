"""What the crash and restore harnesses share: children that report, and the checks after.

The harnesses (tests/core/crash_harness.py, tests/gui/gui_crash_harness.py,
tests/core/restore_harness.py) each drive a project from child processes and
then check that nothing was lost. This module owns the parts they have in
common:

* the line protocol: a child prints one JSON object a line, flushed at once
  (:func:`emit`) -- ``{"ready": 0}`` once it can start, ``{"begin": n, ...}``
  before an edit and ``{"ack": n, "key": [...], "value": ...}`` once the edit
  has returned; a line cut short by a kill is not a record;
* :class:`Child`, a child process whose output is collected as it comes;
* :class:`Model`, what the acknowledged edits say the project must hold, and
  its comparison with what is in the file (the edit in flight when a process
  died may or may not have landed); :func:`missing` for edits that may be in
  one of several files;
* :func:`prepare_project`, the project the crash harnesses start from;
* the checks on a project after the fact: :func:`reopen` (open it as the user
  would next, :meth:`Project.check`, read its state), :func:`integrity_problems`
  (SQLite's own checks on a plain connection) and :func:`backup_folder_problems`;
* the trial figures and command line of the kill-and-check harnesses.

What each harness does in its children and which records it compares stays in
the harness.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

ARTICLE = ("Utrikesministern krävde i dag att förhandlingarna återupptas. "
           "Ambassadören sade att regeringen vill ha svar före fredag.\n")

State = dict[tuple[Any, ...], Any]
"""A project's records keyed as the ack lines key them (``("span", uid)`` -> state)."""


# ------------------------------------------------------------ the line protocol


def emit(kind: str, number: int, **payload: Any) -> None:
    """In a child: print one record and flush it, so a kill right after cannot hide it."""
    sys.stdout.write(json.dumps({kind: number, **payload}) + "\n")
    sys.stdout.flush()


def records(lines: Iterable[str], kind: str | None = None) -> list[dict[str, Any]]:
    """The complete records among ``lines`` (of ``kind`` only, when given).

    A last line without its newline was cut by the kill: the child never
    finished saying it, so it does not count.
    """
    out = [json.loads(line) for line in list(lines) if line.endswith("\n")]
    return out if kind is None else [record for record in out if kind in record]


class Child:
    """A child process running ``python -m module ARGS``, its output read on threads.

    ``lines`` (stdout) and the stderr lines grow while it runs; :attr:`ready`
    is set by its first ``ready`` record. Always end it with :meth:`kill` or
    :meth:`wait`, which also drain and close its pipes.
    """

    def __init__(self, module: str, *args: str, env: dict[str, str] | None = None) -> None:
        environment = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")
        environment.update(env or {})
        self.process = subprocess.Popen(
            [sys.executable, "-m", module, *args], cwd=REPO, env=environment,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self.errors: list[str] = []
        self.ready = threading.Event()
        self._readers = [threading.Thread(target=self._read_out, daemon=True),
                         threading.Thread(target=self._read_err, daemon=True)]
        for reader in self._readers:
            reader.start()

    def _read_out(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)
            if line.startswith('{"ready"'):
                self.ready.set()

    def _read_err(self) -> None:
        assert self.process.stderr is not None
        self.errors.extend(self.process.stderr)

    @property
    def returncode(self) -> int | None:
        return self.process.returncode

    @property
    def killed(self) -> bool:
        """Whether it ended by SIGKILL (and not on its own)."""
        return self.process.returncode == -signal.SIGKILL

    def stderr(self, tail: int = 2000) -> str:
        return "".join(self.errors)[-tail:]

    def records(self, kind: str | None = None) -> list[dict[str, Any]]:
        return records(self.lines, kind)

    def kill(self) -> None:
        """SIGKILL: no handler, no flush, no ``finally`` -- what a power cut leaves."""
        self.process.send_signal(signal.SIGKILL)
        self._finish(None)

    def wait(self, timeout: float) -> int:
        """Let it end on its own; its exit code."""
        return self._finish(timeout)

    def _finish(self, timeout: float | None) -> int:
        code = self.process.wait(timeout)
        for reader in self._readers:
            reader.join(10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
        return code


# --------------------------------------------------- acknowledged edits


@dataclass
class TrialResult:
    """What one killed session acknowledged and what the checks found."""

    acked: int = 0
    checked: int = 0
    in_flight: bool = False
    failures: list[str] = field(default_factory=list)


@dataclass
class Summary:
    """The figures of a run of trials; harnesses add their own counts."""

    trials: int = 0
    acked: int = 0
    checked: int = 0
    in_flight: int = 0
    backups_checked: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, result: TrialResult, backups: int) -> None:
        self.trials += 1
        self.acked += result.acked
        self.checked += result.checked
        self.in_flight += result.in_flight
        self.backups_checked += backups
        self.failures += result.failures

    def report(self, seed: int) -> int:
        """Print the run's line and its first failures; the exit code of the run."""
        print(f"seed {seed}: {self.line()}")
        for failure in self.failures[:50]:
            print(f"FAILURE {failure}")
        return 1 if self.failures else 0

    def line(self) -> str:
        return (f"{self.trials} trials, {self.acked} acknowledged edits, "
                f"{self.checked} record states checked, {self.in_flight} kills mid-edit, "
                f"{self.backups_checked} backups verified, {len(self.failures)} failures "
                f"({self.seconds:.1f} s)")


@dataclass
class Model:
    """What the acknowledged edits say the project must contain: each key's last value.

    State accumulates over the trials on one project, so an edit acknowledged
    in an early session is still checked after the later ones.
    """

    expected: State = field(default_factory=dict)

    def apply(self, key: list[Any], value: Any) -> None:
        self.expected[tuple(key)] = value

    def absorb(self, lines: Iterable[str], result: TrialResult) -> dict[str, Any] | None:
        """Apply the acknowledged edits; returns the ``begin`` record still in flight, if any."""
        in_flight: dict[str, Any] | None = None
        for record in records(lines):
            if "begin" in record:
                in_flight = record
            elif "ack" in record:
                self.apply(record["key"], record["value"])
                result.acked += 1
                in_flight = None
        result.in_flight = in_flight is not None
        return in_flight

    def compare(self, state: State, in_flight: dict[str, Any] | None,
                result: TrialResult) -> None:
        """Every expected key has its acknowledged value in ``state``, or the in-flight one."""
        flight_key = tuple(in_flight["key"]) if in_flight and "key" in in_flight else None
        for key, want in self.expected.items():
            got = state.get(key)
            result.checked += 1
            if got == want:
                continue
            if key == flight_key and got == in_flight["value"]:  # type: ignore[index]
                self.expected[key] = got  # the in-flight edit committed: it is the truth now
                continue
            result.failures.append(f"{key}: expected {want!r}, found {got!r}")


def missing(acked: Iterable[Any], *places: Iterable[Any]) -> list[Any]:
    """The acknowledged keys in none of ``places`` (the states of the files they may be in)."""
    anywhere: set[Any] = set().union(*places)
    return [item for item in acked if item not in anywhere]


# ------------------------------------------------------ checks after the fact


def prepare_project(path: Path) -> None:
    """A fresh project with a few documents and registry actors."""
    from annotator.core import Project

    articles = path.parent / f"{path.stem}-articles"
    articles.mkdir(exist_ok=True)
    for number in range(4):
        (articles / f"a{number}.txt").write_text(
            f"Artikel {number}\n\n{ARTICLE * (number + 2)}", encoding="utf-8")
    with Project.create(path) as project:
        report = project.import_paths([articles], language="sv")
        assert not report.rejected, report.rejected
        for name in ("Sverige", "Norge", "Ryssland"):
            project.add_actor(name)




def reopen(path: Path, state_of: Callable[[Any], State] | None = None, *,
           read_only: bool = False) -> tuple[list[str], State]:
    """Open ``path`` as the user would next; (problems, ``state_of(project)``).

    The problems are :meth:`Project.check`'s (annotator's integrity and
    foreign-key checks, text hashes, span offsets), then
    :func:`integrity_problems`'s. A file that does not open is a problem too.
    """
    from annotator.core import Project
    from annotator.core.errors import AnnotatorError

    problems: list[str] = []
    state: State = {}
    try:
        with Project.open(path, read_only=read_only) as project:
            problems += [f"check: {problem}" for problem in project.check()]
            state = state_of(project) if state_of is not None else {}
    except (AnnotatorError, sqlite3.Error) as exc:
        problems.append(f"cannot reopen: {type(exc).__name__}: {exc}")
    return problems + integrity_problems(path), state


def integrity_problems(path: Path) -> list[str]:
    """``PRAGMA integrity_check`` and ``foreign_key_check`` on a plain sqlite3 connection.

    This is the one place a harness talks SQL: the check must not go through
    annotator's own connection setup or checker, so that a fault there cannot
    hide damage in the file (:meth:`Project.check` runs annotator's).
    """
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)
    except sqlite3.Error as exc:
        return [f"sqlite3 cannot open {path.name}: {exc}"]
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        problems = [] if rows == ["ok"] else [f"integrity (plain sqlite3): {rows[:5]}"]
        problems += [f"foreign key (plain sqlite3): {table} row {rowid} -> {parent}"
                     for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")]
        return problems
    except sqlite3.Error as exc:
        return [f"sqlite3 cannot read {path.name}: {exc}"]
    finally:
        conn.close()


def backup_folder_problems(path: Path, seen: set[Path] | None = None) -> tuple[int, list[str]]:
    """Every file in the backup folder that carries a backup name is a good copy.

    A kill during a backup may leave only a hidden ``.partial`` file, which
    carries no backup name. Copies in ``seen`` were verified before and are
    skipped (``seen`` is updated); returns (copies checked, problems).
    """
    from annotator.core import backup

    seen = set() if seen is None else seen
    checked, problems = 0, []
    for info in backup.list_backups(path):
        if info.path in seen:
            continue
        seen.add(info.path)
        checked += 1
        problems += [f"backup {info.path.name}: {p}" for p in backup.verify_backup(info.path)]
    return checked, problems


# ------------------------------------------------------------ the command line


def kill_parser(description: str, *, trials: int, max_delay: float,
                per_project: int) -> argparse.ArgumentParser:
    """The options of the kill-and-check harnesses; ``--child`` runs one scripted session."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--trials", type=int, default=trials)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--max-delay", type=float, default=max_delay,
                        help="longest run (s) of the session before the kill")
    parser.add_argument("--per-project", type=int, default=per_project,
                        help="trials on one project before a fresh one")
    parser.add_argument("--workdir", help="keep the projects here (default: a temp folder)")
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    return parser


def run_cli(args: argparse.Namespace, run_trials: Callable[..., Summary]) -> int:
    """Run the trials ``args`` ask for, print the summary; the exit code."""
    log = None if args.quiet else (lambda message: print(message, flush=True))
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(args.workdir) if args.workdir else Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        summary = run_trials(args.trials, workdir, args.seed, per_project=args.per_project,
                             max_delay=args.max_delay, log=log)
    return summary.report(args.seed)
