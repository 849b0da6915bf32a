"""Restore under load: restore a backup while other processes keep committing, lose nothing.

Three child processes write to a project as fast as they can while the parent
restores an older backup into it:

* a *writer* adds spans one transaction at a time and prints an ``ack`` line
  with each span's uid once ``add_span`` has returned (the edit is acknowledged);
* an *importer* imports small articles (a multi-row transaction each) and
  prints an ``ack`` line with each article's token once ``import_paths`` has
  returned;
* a *merger* merges an annotator's returned packages one after the other (each a
  larger transaction: every span of the package) and prints an ``ack`` line for
  each span of a package once ``team.merge`` has returned.

A write that meets the restore's lock may fail ("database is locked"); it is
then not acknowledged. After the restore the children go on for a moment.
Every acknowledged edit must then be in the safety copy the restore took
(committed before it) or in the project (committed after it); the project
must pass its integrity checks and every copy in the backup folder must be good.

    python -m tests.core.restore_harness --trials 100          # the full run
    python -m tests.core.restore_harness --trials 5 --seed 3

The pytest test (tests/core/test_reliability_outputs.py) runs a short version.
The child processes, their ack lines and the checks are shared with the crash
harnesses (tests/harness_checks.py); this module owns the two writers, the
restore and the before/after comparison.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests import harness_checks as checks
from tests.harness_checks import Child, emit

TEXT = "Minister Lind demanded on Monday that Russia withdraw its troops from the border.\n"


# ---------------------------------------------------------------- the children


def _refused(number: int, exc: Exception) -> None:
    emit("fail", number, error=f"{type(exc).__name__} {exc}".replace("\n", " "))


def run_writer(path: Path, stop: Path) -> None:
    """Add spans one transaction at a time until ``stop`` exists; ack each one that returned."""
    from annotator.core import Project

    project = Project.open(path)
    doc = project.documents()[0].id
    number = 0
    while not stop.exists():
        number += 1
        try:
            span = project.add_span(doc, "alice", "ACTOR", 0, 8, attributes={"n": number})
        except Exception as exc:  # a write the restore's lock refused: not acknowledged
            _refused(number, exc)
            continue
        emit("ack", number, key=["span", span.after.uid])
    project.close()


def run_importer(path: Path, stop: Path, inbox: Path) -> None:
    """Import one small article at a time until ``stop`` exists; ack each one imported."""
    from annotator.core import Project

    project = Project.open(path)
    number = 0
    while not stop.exists():
        number += 1
        token = f"article-{number}-token"
        article = inbox / f"{token}.txt"
        article.write_text(f"{token} Minister Lind met Vollmer in Oslo.\n", encoding="utf-8")
        try:
            report = project.import_paths([article], language="en")
        except Exception as exc:  # a write the restore's lock refused: not acknowledged
            _refused(number, exc)
            continue
        if report.imported:
            emit("ack", number, key=["article", token])
        else:
            emit("fail", number, error=f"rejected {report.rejected}")
    project.close()


def run_merger(path: Path, stop: Path, packages: Path) -> None:
    """Merge the returned packages in order until ``stop`` exists; ack each merged span."""
    import json

    from annotator.core import Project

    project = Project.open(path)
    for number, package in enumerate(sorted(packages.glob("*.annpkg")), start=1):
        if stop.exists():
            break
        uids = json.loads(package.with_suffix(".json").read_text(encoding="utf-8"))
        try:
            project.team.merge(package)
        except Exception as exc:  # a merge the restore's lock refused: not acknowledged
            _refused(number, exc)
            continue
        for uid in uids:
            emit("ack", number, key=["span", uid])
        time.sleep(0.04)  # a reviewer merging returns one by one: the merges span the restore
    while not stop.exists():
        time.sleep(0.01)
    project.close()


def _returns(path: Path, folder: Path, count: int) -> Path:
    """``count`` packages bob returns, each with the spans of the ones before and a new one;
    beside each, the uids of the spans it carries."""
    import json

    from annotator.core import Project

    out = folder / "returns"
    out.mkdir()
    with Project.open(path) as master:
        doc = master.documents()[0].id
        made = master.team.make_package("bob", folder / "bob.annpkg", [doc]).path
    with Project.from_package(made, folder / "bob.annotator", "bob") as local:
        for number in range(count):
            local.add_span(doc, "bob", "DEMAND", 9, 17 + number % 40, attributes={"n": number})
            package = out / f"return-{number:03d}.annpkg"
            local.team.return_package(package)
            uids = [span.uid for span in local.spans(annotator="bob")]
            package.with_suffix(".json").write_text(json.dumps(uids), encoding="utf-8")
    return out


# ------------------------------------------------------------------ the parent


@dataclass
class Trial:
    acked_spans: list[str] = field(default_factory=list)
    acked_merged: list[str] = field(default_factory=list)
    """Spans that arrived in merged packages (each counted once)."""
    acked_articles: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    restore_seconds: float = 0.0


def _make(folder: Path) -> tuple[Path, Path]:
    from annotator.core import Project

    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    path = folder / "p.annotator"
    with Project.create(path) as project:
        project.import_paths([folder / "a.txt"], language="en")
        doc = project.documents()[0].id
        for number in range(50):
            project.add_span(doc, "alice", "ACTOR", 0, 8, attributes={"n": -number})
        source = project.backups.take("manual")
    return path, source


def _contents(project: Any) -> checks.State:
    """Every span and imported article, keyed as the ack lines are."""
    state: checks.State = {("span", span.uid): True for span in project.spans()}
    for summary in project.documents():
        for word in project.document(summary.id).text.split():
            if word.startswith("article-"):
                state[("article", word)] = True
    return state


def _acked(child: Child) -> list[tuple[str, str]]:
    return [tuple(record["key"]) for record in child.records("ack")]  # type: ignore[misc]


def _restore(path: Path, source: Path, in_window: bool) -> Path:
    """Restore ``source`` into ``path``; the safety copy of what it replaced."""
    from annotator.core import Project, backup

    if in_window:
        with Project.open(path) as project:
            return project.backups.restore(source)[1]
    return backup.restore_file(path, source)[1]


def run_trial(folder: Path, rng: random.Random, *, in_window: bool = False,
              returns: int = 12) -> Trial:
    """One restore while the three children write; ``in_window`` restores through an open
    Project."""
    path, source = _make(folder)
    packages = _returns(path, folder, returns)
    stop = folder / "stop"
    inbox = folder / "inbox"
    inbox.mkdir()
    module = "tests.core.restore_harness"
    writer = Child(module, "--child", "writer", str(path), str(stop))
    importer = Child(module, "--child", "importer", str(path), str(stop), str(inbox))
    merger = Child(module, "--child", "merger", str(path), str(stop), str(packages))
    children = (writer, importer, merger)
    trial = Trial()
    try:
        deadline = time.monotonic() + 60
        while (len(_acked(writer)) < 5 or len(_acked(importer)) < 2
               or not _acked(merger)) and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.3))
        started = time.perf_counter()
        saved = _restore(path, source, in_window)
        trial.restore_seconds = time.perf_counter() - started
        time.sleep(rng.uniform(0.1, 0.4))
    finally:
        stop.touch()
        for child in children:
            if child.wait(timeout=60) != 0:
                trial.problems.append(f"a child process ended with {child.returncode}: "
                                      f"{child.stderr(500)}")
    trial.acked_spans = [uid for _, uid in _acked(writer)]
    trial.acked_merged = sorted({uid for _, uid in _acked(merger)})
    trial.acked_articles = [token for _, token in _acked(importer)]
    trial.failures = [record["error"] for child in children
                      for record in child.records("fail")]
    # an edit committed before the restore is in its safety copy, one after it in the
    # project; the safety copy's own checks are the backup folder's
    _, before = checks.reopen(saved, _contents, read_only=True)
    problems, after = checks.reopen(path, _contents, read_only=True)
    lost = checks.missing(_acked(writer) + _acked(importer) + _acked(merger), before, after)
    trial.lost = [name for _, name in lost]
    trial.problems += problems + checks.backup_folder_problems(path)[1]
    return trial
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        role, *paths = args.child
        if role == "writer":
            run_writer(Path(paths[0]), Path(paths[1]))
        elif role == "merger":
            run_merger(Path(paths[0]), Path(paths[1]), Path(paths[2]))
        else:
            run_importer(Path(paths[0]), Path(paths[1]), Path(paths[2]))
        return 0
    rng = random.Random(args.seed)
    totals = {"spans": 0, "merged": 0, "articles": 0, "failed": 0, "lost": 0, "problems": 0}
    slowest = 0.0
    for number in range(args.trials):
        with tempfile.TemporaryDirectory() as tmp:
            trial = run_trial(Path(tmp), rng, in_window=number % 2 == 1)
        totals["spans"] += len(trial.acked_spans)
        totals["merged"] += len(trial.acked_merged)
        totals["articles"] += len(trial.acked_articles)
        totals["failed"] += len(trial.failures)
        totals["lost"] += len(trial.lost)
        totals["problems"] += len(trial.problems)
        slowest = max(slowest, trial.restore_seconds)
        if trial.lost or trial.problems:
            print(f"trial {number}: lost {trial.lost[:5]} problems {trial.problems[:3]}")
    print(f"{args.trials} trials: {totals['spans']} acknowledged spans, {totals['merged']} "
          f"spans in acknowledged merges, {totals['articles']} acknowledged imports, "
          f"{totals['failed']} writes refused while locked, "
          f"{totals['lost']} acknowledged edits lost, {totals['problems']} integrity problems; "
          f"slowest restore {slowest * 1000:.0f} ms")
    return 1 if totals["lost"] or totals["problems"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
