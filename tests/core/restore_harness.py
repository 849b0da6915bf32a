"""Restore under load: restore a backup while other processes keep committing, lose nothing.

Two child processes write to a project as fast as they can while the parent
restores an older backup into it:

* a *writer* adds spans one transaction at a time and prints each span's uid
  once ``add_span`` has returned (the edit is acknowledged);
* an *importer* imports small articles (a multi-row transaction each) and
  prints each article's token once ``import_paths`` has returned.

A write that meets the restore's lock may fail ("database is locked"); it is
then not acknowledged. After the restore the children go on for a moment.
Every acknowledged edit must then be in the safety copy the restore took
(committed before it) or in the project (committed after it); the project
must pass its integrity checks.

    python -m tests.core.restore_harness --trials 100          # the full run
    python -m tests.core.restore_harness --trials 5 --seed 3

The pytest test (tests/core/test_reliability_outputs.py) runs a short version.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TEXT = "Minister Lind demanded on Monday that Russia withdraw its troops from the border.\n"

_WRITER = """
import sys
from annotator.core import Project
project = Project.open(sys.argv[1])
doc = project.documents()[0].id
stop = __import__("pathlib").Path(sys.argv[2])
n = 0
while not stop.exists():
    n += 1
    try:
        span = project.add_span(doc, "alice", "ACTOR", 0, 8, attributes={"n": n})
    except Exception as exc:
        print("fail", type(exc).__name__, str(exc).replace("\\n", " "), flush=True)
        continue
    print("ack", span.after.uid, flush=True)
project.close()
"""

_IMPORTER = """
import sys, pathlib
from annotator.core import Project
project = Project.open(sys.argv[1])
stop = pathlib.Path(sys.argv[2])
folder = pathlib.Path(sys.argv[3])
n = 0
while not stop.exists():
    n += 1
    token = f"article-{n}-token"
    path = folder / f"{token}.txt"
    path.write_text(f"{token} Minister Lind met Vollmer in Oslo.\\n", encoding="utf-8")
    try:
        report = project.import_paths([path], language="en")
    except Exception as exc:
        print("fail", type(exc).__name__, str(exc).replace("\\n", " "), flush=True)
        continue
    if report.imported:
        print("ack", token, flush=True)
    else:
        print("fail rejected", report.rejected, flush=True)
project.close()
"""


@dataclass
class Trial:
    acked_spans: list[str] = field(default_factory=list)
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
        source = project.backup("manual")
    return path, source


def _start(code: str, *args: str) -> tuple[subprocess.Popen[str], list[str]]:
    child = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                             text=True, cwd=REPO)
    lines: list[str] = []

    def read() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line.rstrip("\n"))

    threading.Thread(target=read, daemon=True).start()
    return child, lines


def _contents(path: Path) -> tuple[set[str], set[str]]:
    from annotator.core import Project

    with Project.open(path, read_only=True) as project:
        uids = {s.uid for s in project.spans()}
        texts = " ".join(project.document(d.id).text for d in project.documents())
    return uids, {word for word in texts.split() if word.startswith("article-")}


def _acks(lines: list[str]) -> list[str]:
    return [line.split()[1] for line in list(lines) if line.startswith("ack ")]


def run_trial(folder: Path, rng: random.Random, *, in_window: bool = False) -> Trial:
    """One restore while both children write; ``in_window`` restores through an open Project."""
    from annotator.core import Project, backup

    path, source = _make(folder)
    stop = folder / "stop"
    inbox = folder / "inbox"
    inbox.mkdir()
    writer, writer_lines = _start(_WRITER, str(path), str(stop))
    importer, importer_lines = _start(_IMPORTER, str(path), str(stop), str(inbox))
    trial = Trial()
    try:
        deadline = time.monotonic() + 60
        while (len(_acks(writer_lines)) < 5 or len(_acks(importer_lines)) < 2) \
                and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.3))
        started = time.perf_counter()
        if in_window:
            with Project.open(path) as project:
                _chosen, saved = project.restore(source)
        else:
            _chosen, saved = backup.restore_file(path, source)
        trial.restore_seconds = time.perf_counter() - started
        time.sleep(rng.uniform(0.1, 0.4))
    finally:
        stop.touch()
        for child in (writer, importer):
            if child.wait(timeout=60) != 0:
                trial.problems.append(f"a child process ended with {child.returncode}")
    time.sleep(0.05)  # let the reader threads drain
    trial.acked_spans = _acks(writer_lines)
    trial.acked_articles = _acks(importer_lines)
    trial.failures = [line for line in writer_lines + importer_lines if line.startswith("fail")]
    saved_uids, saved_articles = _contents(saved)
    final_uids, final_articles = _contents(path)
    trial.lost = [uid for uid in trial.acked_spans if uid not in saved_uids | final_uids]
    trial.lost += [t for t in trial.acked_articles if t not in saved_articles | final_articles]
    with Project.open(path, read_only=True) as project:
        trial.problems += project.check()
    return trial


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    totals = {"spans": 0, "articles": 0, "failed": 0, "lost": 0, "problems": 0}
    slowest = 0.0
    for number in range(args.trials):
        with tempfile.TemporaryDirectory() as tmp:
            trial = run_trial(Path(tmp), rng, in_window=number % 2 == 1)
        totals["spans"] += len(trial.acked_spans)
        totals["articles"] += len(trial.acked_articles)
        totals["failed"] += len(trial.failures)
        totals["lost"] += len(trial.lost)
        totals["problems"] += len(trial.problems)
        slowest = max(slowest, trial.restore_seconds)
        if trial.lost or trial.problems:
            print(f"trial {number}: lost {trial.lost[:5]} problems {trial.problems[:3]}")
    print(f"{args.trials} trials: {totals['spans']} acknowledged spans, {totals['articles']} "
          f"acknowledged imports, {totals['failed']} writes refused while locked, "
          f"{totals['lost']} acknowledged edits lost, {totals['problems']} integrity problems; "
          f"slowest restore {slowest * 1000:.0f} ms")
    return 1 if totals["lost"] or totals["problems"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
