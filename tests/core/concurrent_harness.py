"""Crash harness, two-writer mode: two processes edit one project at once, both get SIGKILLed.

Two child processes open the same project (as two windows or a window and a
script would) and edit it as fast as they can, each as its own annotator:
spans added, changed, removed and -- the undo of a removal -- restored with
their old id and uid, claims and document values. Each call is announced
with a ``begin`` line and acknowledged with an ``ack`` line carrying the
record's id. The parent kills the two children with SIGKILL at independent
random moments (often while the other is in the middle of a write), reopens
the project and checks that

* the integrity and foreign-key checks pass, through annotator and on a plain
  sqlite3 connection, and :meth:`Project.check` finds nothing;
* every acknowledged edit of either writer is there (or the one in flight when
  that writer died);
* no id was handed out twice: every id any writer was ever given belongs to
  one uid only, in the acks and in the file, and a restore never met its id
  taken by the other writer.

State accumulates over the trials on one project (a fresh one every
``--per-project`` trials), so edits acknowledged early are checked again later.

    python -m tests.core.concurrent_harness --trials 200        # the full run
    python -m tests.core.concurrent_harness --trials 10 --seed 3

tests/core/test_two_processes.py runs a few trials in CI;
benchmarks/bench_live_refresh.py --smoke does too.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests import harness_checks as checks
from tests.harness_checks import Child, Model, emit, prepare_project

WRITERS = ("writer-a", "writer-b")
LAYERS = ("ACTOR", "DATE", "DEMAND", "SOURCE")


# ----------------------------------------------------------------- the child


class _Writer:
    """One scripted annotator: random edits of its own records, each announced and acked."""

    def __init__(self, project: Any, name: str, rng: random.Random) -> None:
        self.project = project
        self.name = name
        self.rng = rng
        self.docs = [(d.id, d.length) for d in project.documents()]
        self.spans: list[Any] = [s for s in project.spans(annotator=name)]
        self.removed: list[Any] = []  # removed spans an undo may bring back
        self.number = 0

    def token(self) -> str:
        return f"t{self.rng.getrandbits(48):012x}"

    def run(self, seconds: float) -> None:
        """Say ready, then edit until killed (or ``seconds`` have passed)."""
        emit("ready", 0)
        ends = time.monotonic() + seconds
        while time.monotonic() < ends:
            self.step()

    def step(self) -> None:
        ops = [self.add_span] * 4 + [self.set_value, self.add_claim]
        if self.spans:
            ops += [self.update_span] * 2 + [self.remove_span] * 2
        if self.removed:
            ops += [self.restore_span] * 2
        self.number += 1
        try:
            self.rng.choice(ops)()
        except Exception as exc:  # busy for too long: not acknowledged, say so
            emit("fail", self.number, error=f"{type(exc).__name__}: {exc}")

    def add_span(self) -> None:
        doc, length = self.rng.choice(self.docs)
        start = self.rng.randrange(0, max(1, length - 1))
        end = self.rng.randrange(start + 1, min(length, start + 40) + 1)
        tag = self.token()
        emit("begin", self.number, op="add_span")
        span = self.project.add_span(doc, self.name, self.rng.choice(LAYERS), start, end,
                                     attributes={"tag": tag}).after
        self.spans.append(span)
        emit("ack", self.number, key=["span", span.uid], value=tag, id=int(span.id))

    def update_span(self) -> None:
        index = self.rng.randrange(len(self.spans))
        span, tag = self.spans[index], self.token()
        emit("begin", self.number, key=["span", span.uid], value=tag)
        self.spans[index] = self.project.update_span(span.id, self.name,
                                                     attributes={"tag": tag}).after
        emit("ack", self.number, key=["span", span.uid], value=tag, id=int(span.id))

    def remove_span(self) -> None:
        span = self.spans.pop(self.rng.randrange(len(self.spans)))
        emit("begin", self.number, key=["span", span.uid], value=None)
        self.project.remove_span(span.id, self.name)
        self.removed.append(span)
        emit("ack", self.number, key=["span", span.uid], value=None, id=int(span.id))

    def restore_span(self) -> None:
        """What Ctrl+Z after a removal does: the span back with its id and uid."""
        span = self.removed.pop(self.rng.randrange(len(self.removed)))
        emit("begin", self.number, key=["span", span.uid], value=span.attributes.get("tag"))
        from annotator.core.errors import StorageError

        try:
            restored = self.project.restore_span(span).after
        except StorageError:
            raise  # busy for too long: a refused write, not a collision
        except Exception as exc:
            emit("collision", self.number, id=int(span.id), error=f"{type(exc).__name__}: {exc}")
            raise
        self.spans.append(restored)
        emit("ack", self.number, key=["span", span.uid], value=span.attributes.get("tag"),
             id=int(restored.id))

    def add_claim(self) -> None:
        doc, _ = self.rng.choice(self.docs)
        gloss = self.token()
        emit("begin", self.number, op="add_claim")
        claim = self.project.add_claim(doc, self.name, gloss=gloss).after
        emit("ack", self.number, key=["claim", claim.uid], value=gloss, id=int(claim.id))

    def set_value(self) -> None:
        doc, _ = self.rng.choice(self.docs)
        value = self.token()
        key = ["value", doc, self.name, "note"]
        emit("begin", self.number, key=key, value=value)
        self.project.set_value(doc, self.name, "note", value)
        emit("ack", self.number, key=key, value=value)


def run_child(project_path: Path, name: str, seed: int, go: Path | None) -> None:
    """Import, wait for ``go`` (the parent starts the next pair while checking this one),
    open the project, say ready, edit until killed."""
    from annotator.core import Project

    while go is not None and not go.exists():
        time.sleep(0.005)
    _Writer(Project.open(project_path), name, random.Random(seed)).run(60.0)


# ---------------------------------------------------------------- the parent


@dataclass
class Summary(checks.Summary):
    refused: int = 0
    ids: int = 0
    collisions: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.trials} trials of two concurrent writers, {self.acked} acknowledged "
                f"edits, {self.checked} record states checked, {self.in_flight} kills during "
                f"a call, {self.refused} writes refused (busy), {self.ids} distinct ids handed "
                f"out, {len(self.collisions)} id collisions, {len(self.failures)} failures "
                f"({self.seconds:.1f} s)")


def actual_state(project: Any) -> checks.State:
    state: checks.State = {}
    for name in WRITERS:
        for span in project.spans(annotator=name):
            state[("span", span.uid)] = span.attributes.get("tag")
            state[("span-id", span.uid)] = int(span.id)
        for claim in project.claims(annotator=name):
            state[("claim", claim.uid)] = claim.gloss
        for summary in project.documents():
            for field_name, value in project.values(summary.id, name).items():
                state[("value", summary.id, name, field_name)] = value
    return state


def _kill_both(children: list[Child], rng: random.Random, max_delay: float) -> None:
    """Each child dies at its own random moment once both are editing."""
    for child in children:
        if not child.ready.wait(30):
            for other in children:
                other.kill()
            raise RuntimeError("a writer never got ready: " + child.stderr())
    moments = sorted((rng.uniform(0.02, max_delay), index) for index in range(len(children)))
    started = time.monotonic()
    for moment, index in moments:
        time.sleep(max(0.0, moment - (time.monotonic() - started)))
        children[index].kill()


def _check_ids(lines: list[str], owners: dict[str, str], summary: Summary,
               failures: list[str]) -> None:
    """Every id any writer was given belongs to one uid only; a restore never collided."""
    for record in checks.records(lines):
        if "collision" in record:
            summary.collisions.append(f"restore of id {record['id']}: {record['error']}")
        if "ack" in record and "id" in record and record["key"][0] in ("span", "claim"):
            key = f"{record['key'][0]}:{record['id']}"
            owner = owners.setdefault(key, record["key"][1])
            if owner != record["key"][1]:
                failures.append(f"id {key} given to {owner} and to {record['key'][1]}")


def _stored_ids_match(state: checks.State, owners: dict[str, str], failures: list[str]) -> None:
    for key, value in state.items():
        if key[0] == "span-id" and owners.get(f"span:{value}", key[1]) != key[1]:
            failures.append(f"span id {value} is stored for {key[1]}, acked for "
                            f"{owners[f'span:{value}']}")


def _project_of(workdir: Path, trial: int, per_project: int) -> Path:
    return workdir / f"two{trial - trial % per_project:04d}.annotator"


def _spawn(workdir: Path, trial: int, per_project: int, rng: random.Random) -> list[Child]:
    """The pair of writers of ``trial``, started ahead: they wait for its go file."""
    project, go = _project_of(workdir, trial, per_project), workdir / f"go{trial:04d}"
    return [Child("tests.core.concurrent_harness", "--child", str(project), "--writer", name,
                  "--seed", str(rng.getrandbits(32)), "--go", str(go)) for name in WRITERS]


def run_trials(trials: int, workdir: Path, seed: int = 0, *, per_project: int = 20,
               max_delay: float = 0.4, log: Any = None) -> Summary:
    rng = random.Random(seed)
    summary = Summary()
    started = time.monotonic()
    model, owners = Model(), dict[str, str]()
    pending = _spawn(workdir, 0, per_project, rng) if trials else []
    for trial in range(trials):
        project = _project_of(workdir, trial, per_project)
        if trial % per_project == 0:
            summary.ids += len(owners)  # the ids of the project before
            model, owners = Model(), {}
            prepare_project(project)
        children = pending
        (workdir / f"go{trial:04d}").touch()
        _kill_both(children, rng, max_delay)
        pending = _spawn(workdir, trial + 1, per_project, rng) if trial + 1 < trials else []
        result = _judge(children, project, model, owners, summary)
        summary.add(result, 0)
        if log is not None:
            log(f"trial {trial + 1}: {result.acked} acked, {result.checked} checked"
                f"{', FAILED: ' + '; '.join(result.failures[:3]) if result.failures else ''}")
    summary.ids += len(owners)
    summary.failures += summary.collisions
    summary.seconds = time.monotonic() - started
    return summary


def _judge(children: list[Child], project: Path, model: Model, owners: dict[str, str],
           summary: Summary) -> checks.TrialResult:
    """Absorb both writers' acks, reopen the project and compare."""
    result = checks.TrialResult()
    in_flight: list[dict[str, Any]] = []
    for child in children:
        if not child.killed and child.stderr().strip():
            result.failures.append(f"a writer failed on its own: {child.stderr(500)}")
        flight = model.absorb(child.lines, result)
        if flight is not None:
            in_flight.append(flight)
        summary.refused += len(child.records("fail"))
        _check_ids(child.lines, owners, summary, result.failures)
    result.in_flight = bool(in_flight)
    problems, state = checks.reopen(project, actual_state)
    result.failures += problems
    _compare(model, state, in_flight, result)
    _stored_ids_match(state, owners, result.failures)
    return result


def _compare(model: Model, state: checks.State, in_flight: list[dict[str, Any]],
             result: checks.TrialResult) -> None:
    """Model.compare allows one edit in flight; here each writer may have had one."""
    flights = [f for f in in_flight if "key" in f]
    first = flights[0] if flights else None
    if len(flights) > 1:  # the second writer's edit in flight, resolved like the first
        key = tuple(flights[1]["key"])
        if state.get(key) == flights[1]["value"]:
            model.expected[key] = flights[1]["value"]
    model.compare(state, first, result)


def main(argv: list[str] | None = None) -> int:
    parser = checks.kill_parser(__doc__.split("\n")[0], trials=200, max_delay=0.4,
                                per_project=20)
    parser.add_argument("--writer", default=WRITERS[0], help=argparse.SUPPRESS)
    parser.add_argument("--go", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_child(Path(args.child), args.writer, args.seed, Path(args.go) if args.go else None)
        return 0
    return checks.run_cli(args, run_trials)


if __name__ == "__main__":
    sys.exit(main())
