"""Crash harness: kill a scripted annotation session with SIGKILL, then check nothing was lost.

A child process opens a project through the Python API and edits it as fast as
it can (spans added, changed and removed, claims, document values, statuses,
actors, small imports). Before each call it prints a ``begin`` line saying
what the call will change, and after the call returns an ``ack`` line with the
identity of the edit; both are flushed at once. The parent kills the child
with SIGKILL at a random moment, reopens the project and checks that

* ``PRAGMA integrity_check`` and the foreign-key check pass, and
  :meth:`Project.check` (text hashes, span offsets) finds nothing;
* every acknowledged edit is there: the state of every record the session
  touched equals the last acknowledged edit of it, or the edit that was in
  flight when the process died (it may or may not have committed);
* every file in the backup folder that carries a backup name is a good copy
  (a kill during a backup leaves at most a hidden ``.partial`` file).

    python -m tests.core.crash_harness --trials 200        # the full run
    python -m tests.core.crash_harness --trials 20 --seed 7

The pytest test (tests/core/test_crash_harness.py) runs a short version.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
ANNOTATOR = "crash"
LAYERS = ("ACTOR", "DATE", "DEMAND", "SOURCE")
STATUSES = ("in_progress", "done")
ARTICLE = ("Utrikesministern krävde i dag att förhandlingarna återupptas. "
           "Ambassadören sade att regeringen vill ha svar före fredag.\n")


# ----------------------------------------------------------------- the child


def _emit(kind: str, number: int, payload: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps({kind: number, **payload}) + "\n")
    sys.stdout.flush()


class _Session:
    """The scripted annotator: random edits, each announced and acknowledged."""

    def __init__(self, project: Any, rng: random.Random, scratch: Path) -> None:
        self.project = project
        self.rng = rng
        self.scratch = scratch
        self.docs = [(d.id, d.length) for d in project.documents()]
        self.actors = [a.id for a in project.actors()]
        self.spans: list[tuple[int, str, int]] = []  # (id, uid, doc) made by this session
        self.number = 0

    def token(self) -> str:
        return f"t{self.rng.getrandbits(48):012x}"

    def step(self) -> None:
        ops = [self.add_span] * 4 + [self.set_value] * 2 + [self.add_claim, self.set_status]
        if self.spans:
            ops += [self.update_span] * 2 + [self.remove_span]
        if self.rng.random() < 0.03:
            ops = [self.import_file, self.add_actor]
        self.number += 1
        self.rng.choice(ops)()

    def _span_place(self) -> tuple[int, int, int]:
        doc, length = self.rng.choice(self.docs)
        start = self.rng.randrange(0, max(1, length - 1))
        end = self.rng.randrange(start + 1, min(length, start + 40) + 1)
        return doc, start, end

    def add_span(self) -> None:
        doc, start, end = self._span_place()
        tag = self.token()
        _emit("begin", self.number, {"op": "add_span"})
        span = self.project.add_span(doc, ANNOTATOR, self.rng.choice(LAYERS), start, end,
                                     attributes={"tag": tag}).after
        self.spans.append((span.id, span.uid, doc))
        _emit("ack", self.number, {"key": ["span", span.uid], "value": tag})

    def update_span(self) -> None:
        span_id, uid, _ = self.rng.choice(self.spans)
        tag = self.token()
        _emit("begin", self.number, {"key": ["span", uid], "value": tag})
        self.project.update_span(span_id, ANNOTATOR, attributes={"tag": tag})
        _emit("ack", self.number, {"key": ["span", uid], "value": tag})

    def remove_span(self) -> None:
        span_id, uid, _ = self.spans.pop(self.rng.randrange(len(self.spans)))
        _emit("begin", self.number, {"key": ["span", uid], "value": None})
        self.project.remove_span(span_id, ANNOTATOR)
        _emit("ack", self.number, {"key": ["span", uid], "value": None})

    def add_claim(self) -> None:
        doc, _ = self.rng.choice(self.docs)
        demand = [s for s, _, d in self.spans if d == doc][:2]
        gloss = self.token()
        _emit("begin", self.number, {"op": "add_claim"})
        claim = self.project.add_claim(doc, ANNOTATOR, gloss=gloss, demand_span_ids=demand,
                                       claimant_id=self.rng.choice(self.actors)).after
        _emit("ack", self.number, {"key": ["claim", claim.uid], "value": gloss})

    def set_value(self) -> None:
        doc, _ = self.rng.choice(self.docs)
        value = self.token()
        key = ["value", doc, self.rng.choice(("note", "relevance_reason"))]
        _emit("begin", self.number, {"key": key, "value": value})
        self.project.set_value(doc, ANNOTATOR, key[2], value)
        _emit("ack", self.number, {"key": key, "value": value})

    def set_status(self) -> None:
        doc, _ = self.rng.choice(self.docs)
        status = self.rng.choice(STATUSES)
        _emit("begin", self.number, {"key": ["status", doc], "value": status})
        self.project.set_status(doc, ANNOTATOR, status)
        _emit("ack", self.number, {"key": ["status", doc], "value": status})

    def import_file(self) -> None:
        token = self.token()
        path = self.scratch / f"{token}.txt"
        path.write_text(f"Artikel {token}\n\n{ARTICLE * 3}", encoding="utf-8")
        _emit("begin", self.number, {"op": "import"})
        report = self.project.import_paths([path], language="sv")
        doc_id = report.imported[0]
        _emit("ack", self.number, {"key": ["doc", self.project.document(doc_id).sha256],
                                   "value": True})

    def add_actor(self) -> None:
        name = f"Actor {self.token()}"
        _emit("begin", self.number, {"op": "add_actor"})
        actor = self.project.add_actor(name).after
        self.actors.append(actor.id)
        _emit("ack", self.number, {"key": ["actor", actor.key], "value": name})


def run_child(project_path: Path, seed: int) -> None:
    """The child process: open, say ready, edit until killed (or for a long while)."""
    from annotator.core import Project

    project = Project.open(project_path)
    with tempfile.TemporaryDirectory() as scratch:
        session = _Session(project, random.Random(seed), Path(scratch))
        _emit("ready", 0, {})
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            session.step()


# ---------------------------------------------------------------- the parent


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


@dataclass
class Model:
    """What the acknowledged edits say the project must contain."""

    expected: dict[tuple[Any, ...], Any] = field(default_factory=dict)

    def apply(self, key: list[Any], value: Any) -> None:
        self.expected[tuple(key)] = value


@dataclass
class TrialResult:
    acked: int = 0
    checked: int = 0
    in_flight: bool = False
    killed_before_ready: bool = False
    failures: list[str] = field(default_factory=list)


@dataclass
class Summary:
    trials: int = 0
    acked: int = 0
    checked: int = 0
    in_flight: int = 0
    killed_before_ready: int = 0
    backups_checked: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        return (f"{self.trials} trials, {self.acked} acknowledged edits, "
                f"{self.checked} record states checked, {self.in_flight} kills during a "
                f"call, {self.killed_before_ready} kills while opening, "
                f"{self.backups_checked} backups verified, {len(self.failures)} failures "
                f"({self.seconds:.1f} s)")


def _reader(stream: Any, lines: list[str], ready: threading.Event) -> None:
    for line in stream:
        lines.append(line)
        if line.startswith('{"ready"'):
            ready.set()


def _spawn(project: Path, seed: int, backup_every_open: bool) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")
    if backup_every_open:
        env["ANNOTATOR_BACKUP_MINUTES"] = "0"
    return subprocess.Popen(
        [sys.executable, "-m", "tests.core.crash_harness", "--child", str(project),
         "--seed", str(seed)],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run_session(project: Path, rng: random.Random, max_delay: float) -> tuple[list[str], bool]:
    """One child killed at a random moment; returns its output lines and if it got ready."""
    early = rng.random() < 0.1
    child = _spawn(project, rng.getrandbits(32), backup_every_open=early)
    lines: list[str] = []
    ready = threading.Event()
    reader = threading.Thread(target=_reader, args=(child.stdout, lines, ready), daemon=True)
    reader.start()
    if early:
        time.sleep(rng.uniform(0.2, 0.8))  # somewhere in start-up, opening or the backup
    else:
        if not ready.wait(30):
            child.kill()
            raise RuntimeError("the child never got ready: " + (child.stderr.read() or ""))
        time.sleep(rng.uniform(0, max_delay))
    child.send_signal(signal.SIGKILL)
    child.wait()
    reader.join(10)
    stderr = child.stderr.read() if child.stderr else ""
    child.stdout.close()  # type: ignore[union-attr]
    child.stderr.close()  # type: ignore[union-attr]
    if child.returncode != -signal.SIGKILL and stderr.strip():
        raise RuntimeError(f"the child failed on its own: {stderr.strip()[-2000:]}")
    return lines, ready.is_set()


def absorb(lines: list[str], model: Model, result: TrialResult) -> dict[str, Any] | None:
    """Apply acknowledged edits to the model; returns the edit in flight, if any."""
    in_flight: dict[str, Any] | None = None
    for line in lines:
        if not line.endswith("\n"):
            continue  # cut by the kill
        record = json.loads(line)
        if "begin" in record:
            in_flight = record
        elif "ack" in record:
            model.apply(record["key"], record["value"])
            result.acked += 1
            in_flight = None
    return in_flight


def _actual_state(project: Any) -> dict[tuple[Any, ...], Any]:
    state: dict[tuple[Any, ...], Any] = {}
    for span in project.spans(annotator=ANNOTATOR):
        state[("span", span.uid)] = span.attributes.get("tag")
    for claim in project.claims(annotator=ANNOTATOR):
        state[("claim", claim.uid)] = claim.gloss
    for summary in project.documents():
        state[("doc", summary.sha256)] = True
        for name, value in project.values(summary.id, ANNOTATOR).items():
            state[("value", summary.id, name)] = value
        state[("status", summary.id)] = project.status(summary.id, ANNOTATOR).value
    for actor in project.actors():
        state[("actor", actor.key)] = actor.canonical_name
    return state


def verify(project_path: Path, model: Model, in_flight: dict[str, Any] | None,
           result: TrialResult) -> None:
    """Reopen the project and compare it with the model."""
    from annotator.core import Project

    with Project.open(project_path) as project:
        problems = project.check()
        result.failures.extend(f"check: {p}" for p in problems)
        state = _actual_state(project)
    flight_key = tuple(in_flight["key"]) if in_flight and "key" in in_flight else None
    for key, want in model.expected.items():
        got = state.get(key)
        result.checked += 1
        if got == want:
            continue
        if key == flight_key and got == in_flight["value"]:  # type: ignore[index]
            model.expected[key] = got  # the in-flight edit committed: it is the truth now
            continue
        result.failures.append(f"{key}: expected {want!r}, found {got!r}")


def verify_backups(project_path: Path, seen: set[Path]) -> tuple[int, list[str]]:
    """Every named backup is a good copy; returns (files checked, problems)."""
    from annotator.core import backup

    checked, problems = 0, []
    for info in backup.list_backups(project_path):
        if info.path in seen:
            continue
        seen.add(info.path)
        checked += 1
        problems += [f"backup {info.path.name}: {p}" for p in backup.verify_backup(info.path)]
    return checked, problems


def run_trials(trials: int, workdir: Path, seed: int = 0, *, per_project: int = 20,
               max_delay: float = 0.3, log: Any = None) -> Summary:
    """Run ``trials`` kill-and-check trials; a fresh project every ``per_project`` trials."""
    rng = random.Random(seed)
    summary = Summary()
    started = time.monotonic()
    project, model, seen = workdir / "none", Model(), set[Path]()
    for trial in range(trials):
        if trial % per_project == 0:
            project, model, seen = workdir / f"crash{trial:04d}.annotator", Model(), set()
            prepare_project(project)
        result = TrialResult()
        lines, was_ready = run_session(project, rng, max_delay)
        in_flight = absorb(lines, model, result)
        result.in_flight = in_flight is not None
        result.killed_before_ready = not was_ready
        verify(project, model, in_flight, result)
        checked, problems = verify_backups(project, seen)
        result.failures += problems
        _add(summary, result, checked)
        if log is not None:
            log(f"trial {trial + 1}: {result.acked} acked, {result.checked} checked"
                f"{', killed mid-call' if result.in_flight else ''}"
                f"{', killed while opening' if result.killed_before_ready else ''}"
                f"{', FAILED: ' + '; '.join(result.failures[:3]) if result.failures else ''}")
    summary.seconds = time.monotonic() - started
    return summary


def _add(summary: Summary, result: TrialResult, backups: int) -> None:
    summary.trials += 1
    summary.acked += result.acked
    summary.checked += result.checked
    summary.in_flight += result.in_flight
    summary.killed_before_ready += result.killed_before_ready
    summary.backups_checked += backups
    summary.failures += result.failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--max-delay", type=float, default=0.3,
                        help="longest run (s) of the session before the kill")
    parser.add_argument("--workdir", help="keep the projects here (default: a temp folder)")
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_child(Path(args.child), args.seed)
        return 0
    log = None if args.quiet else (lambda message: print(message, flush=True))
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(args.workdir) if args.workdir else Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        summary = run_trials(args.trials, workdir, args.seed, max_delay=args.max_delay,
                             log=log)
    print(f"seed {args.seed}: {summary.line()}")
    for failure in summary.failures[:50]:
        print(f"FAILURE {failure}")
    return 1 if summary.failures else 0


if __name__ == "__main__":
    sys.exit(main())
