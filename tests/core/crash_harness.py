"""Crash harness: kill a scripted annotation session with SIGKILL, then check nothing was lost.

A child process opens a project through the Python API and edits it as fast as
it can (spans added, changed and removed, claims, document values, statuses,
actors, small imports). Before each call it prints a ``begin`` line saying
what the call will change, and after the call returns an ``ack`` line with the
identity of the edit; both are flushed at once. The parent kills the child
with SIGKILL at a random moment, reopens the project and checks that

* ``PRAGMA integrity_check`` and the foreign-key check pass, through annotator
  and on a plain sqlite3 connection, and :meth:`Project.check` (text hashes,
  span offsets) finds nothing;
* every acknowledged edit is there: the state of every record the session
  touched equals the last acknowledged edit of it, or the edit that was in
  flight when the process died (it may or may not have committed);
* every file in the backup folder that carries a backup name is a good copy
  (a kill during a backup leaves at most a hidden ``.partial`` file).

    python -m tests.core.crash_harness --trials 200        # the full run
    python -m tests.core.crash_harness --trials 20 --seed 7

The pytest test (tests/core/test_crash_harness.py) runs a short version. The
child processes, the ack lines, the model of acknowledged edits and the checks
are shared with the other harnesses (tests/harness_checks.py); this module owns
the scripted session and what of the project it compares.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests import harness_checks as checks
from tests.harness_checks import Child, Model, emit, prepare_project

ANNOTATOR = "crash"
LAYERS = ("ACTOR", "DATE", "DEMAND", "SOURCE")
STATUSES = ("in_progress", "done")


# ----------------------------------------------------------------- the child


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
        emit("begin", self.number, op="add_span")
        span = self.project.add_span(doc, ANNOTATOR, self.rng.choice(LAYERS), start, end,
                                     attributes={"tag": tag}).after
        self.spans.append((span.id, span.uid, doc))
        emit("ack", self.number, key=["span", span.uid], value=tag)

    def update_span(self) -> None:
        span_id, uid, _ = self.rng.choice(self.spans)
        tag = self.token()
        emit("begin", self.number, key=["span", uid], value=tag)
        self.project.update_span(span_id, ANNOTATOR, attributes={"tag": tag})
        emit("ack", self.number, key=["span", uid], value=tag)

    def remove_span(self) -> None:
        span_id, uid, _ = self.spans.pop(self.rng.randrange(len(self.spans)))
        emit("begin", self.number, key=["span", uid], value=None)
        self.project.remove_span(span_id, ANNOTATOR)
        emit("ack", self.number, key=["span", uid], value=None)

    def add_claim(self) -> None:
        doc, _ = self.rng.choice(self.docs)
        demand = [s for s, _, d in self.spans if d == doc][:2]
        gloss = self.token()
        emit("begin", self.number, op="add_claim")
        claim = self.project.add_claim(doc, ANNOTATOR, gloss=gloss, demand_span_ids=demand,
                                       claimant_id=self.rng.choice(self.actors)).after
        emit("ack", self.number, key=["claim", claim.uid], value=gloss)

    def set_value(self) -> None:
        doc, _ = self.rng.choice(self.docs)
        value = self.token()
        key = ["value", doc, self.rng.choice(("note", "relevance_reason"))]
        emit("begin", self.number, key=key, value=value)
        self.project.set_value(doc, ANNOTATOR, key[2], value)
        emit("ack", self.number, key=key, value=value)

    def set_status(self) -> None:
        doc, _ = self.rng.choice(self.docs)
        status = self.rng.choice(STATUSES)
        emit("begin", self.number, key=["status", doc], value=status)
        self.project.set_status(doc, ANNOTATOR, status)
        emit("ack", self.number, key=["status", doc], value=status)

    def import_file(self) -> None:
        token = self.token()
        path = self.scratch / f"{token}.txt"
        path.write_text(f"Artikel {token}\n\n{checks.ARTICLE * 3}", encoding="utf-8")
        emit("begin", self.number, op="import")
        report = self.project.import_paths([path], language="sv")
        doc_id = report.imported[0]
        emit("ack", self.number, key=["doc", self.project.document(doc_id).sha256], value=True)

    def add_actor(self) -> None:
        name = f"Actor {self.token()}"
        emit("begin", self.number, op="add_actor")
        actor = self.project.add_actor(name).after
        self.actors.append(actor.id)
        emit("ack", self.number, key=["actor", actor.key], value=name)


def run_child(project_path: Path, seed: int) -> None:
    """The child process: open, say ready, edit until killed (or for a long while)."""
    from annotator.core import Project

    project = Project.open(project_path)
    with tempfile.TemporaryDirectory() as scratch:
        session = _Session(project, random.Random(seed), Path(scratch))
        emit("ready", 0)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            session.step()


# ---------------------------------------------------------------- the parent


@dataclass
class TrialResult(checks.TrialResult):
    killed_before_ready: bool = False


@dataclass
class Summary(checks.Summary):
    killed_before_ready: int = 0

    def line(self) -> str:
        return (f"{self.trials} trials, {self.acked} acknowledged edits, "
                f"{self.checked} record states checked, {self.in_flight} kills during a "
                f"call, {self.killed_before_ready} kills while opening, "
                f"{self.backups_checked} backups verified, {len(self.failures)} failures "
                f"({self.seconds:.1f} s)")


def run_session(project: Path, rng: random.Random, max_delay: float) -> tuple[list[str], bool]:
    """One child killed at a random moment; returns its output lines and if it got ready."""
    early = rng.random() < 0.1
    # a backup on every opening, so that some early kills land in the middle of one
    child = Child("tests.core.crash_harness", "--child", str(project),
                  "--seed", str(rng.getrandbits(32)),
                  env={"ANNOTATOR_BACKUP_MINUTES": "0"} if early else None)
    if early:
        time.sleep(rng.uniform(0.2, 0.8))  # somewhere in start-up, opening or the backup
    elif not child.ready.wait(30):
        child.kill()
        raise RuntimeError("the child never got ready: " + child.stderr())
    else:
        time.sleep(rng.uniform(0, max_delay))
    child.kill()
    if not child.killed and child.stderr().strip():
        raise RuntimeError(f"the child failed on its own: {child.stderr().strip()}")
    return child.lines, child.ready.is_set()


def actual_state(project: Any) -> checks.State:
    """The state of everything the session can touch, keyed as the ack lines are."""
    state: checks.State = {}
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
    """Reopen the project, run the integrity checks and compare it with the model."""
    problems, state = checks.reopen(project_path, actual_state)
    result.failures += problems
    model.compare(state, in_flight, result)


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
        in_flight = model.absorb(lines, result)
        result.killed_before_ready = not was_ready
        verify(project, model, in_flight, result)
        checked, problems = checks.backup_folder_problems(project, seen)
        result.failures += problems
        summary.add(result, checked)
        summary.killed_before_ready += result.killed_before_ready
        if log is not None:
            log(f"trial {trial + 1}: {result.acked} acked, {result.checked} checked"
                f"{', killed mid-call' if result.in_flight else ''}"
                f"{', killed while opening' if result.killed_before_ready else ''}"
                f"{', FAILED: ' + '; '.join(result.failures[:3]) if result.failures else ''}")
    summary.seconds = time.monotonic() - started
    return summary


def main(argv: list[str] | None = None) -> int:
    """Command line: the full run, or (``--child``) one scripted session."""
    parser = checks.kill_parser(__doc__.split("\n")[0], trials=200, max_delay=0.3,
                                per_project=20)
    args = parser.parse_args(argv)
    if args.child:
        run_child(Path(args.child), args.seed)
        return 0
    return checks.run_cli(args, run_trials)


if __name__ == "__main__":
    sys.exit(main())
