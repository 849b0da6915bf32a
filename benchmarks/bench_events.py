"""Event suggestions for one claim on a large project (issue #15: < 200 ms p95 at 100,000
documents).

The project: ``--n`` synthetic articles (benchmarks/synthetic.py's texts), a
registry of 200 actors, two claims per article with day, week or month dates
spread over three years and one of 40 demand glosses, and a third of the
claims already grouped into events of about five claims. It is built through
the store in bulk and cached under the system temp folder by N.

Timed: ``project.events.suggestions(claim)`` (candidate events, through the
actor-and-date index) and ``project.events.matches(claim)`` for random claims.
The baseline, measured in the same run on the same file, is a plain SQLite read
of 500 claims' rows with no condition and no ranking; the ratio says what
finding and ranking candidates cost on top.

    .venv/bin/python benchmarks/bench_events.py --n 100000 [--runs 200]
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core import Project  # noqa: E402
from annotator.core.events.records import Event, EventId, EventLink  # noqa: E402
from annotator.core.models import ActorId, Claim, ClaimId, DocId, new_uid  # noqa: E402
from annotator.core.project import rules  # noqa: E402
from annotator.core.text import sha256  # noqa: E402
from benchmarks import synthetic  # noqa: E402

os.environ.setdefault("ANNOTATOR_BACKUP_KEEP", "0")

GLOSSES = [f"{verb} {thing}" for verb in ("withdraw", "renounce", "guarantee", "stop", "open")
           for thing in ("troops from the border", "NATO membership", "gas deliveries",
                         "the talks in Geneva", "sanctions on banks", "the grain corridor",
                         "military exercises", "the embassy")]


def _date(rng: random.Random) -> str:
    day = 1 + rng.randrange(3 * 365)
    year, rest = 2022 + day // 365, day % 365
    month, dom = 1 + min(11, rest // 30), 1 + rest % 28
    kind = rng.random()
    if kind < 0.8:
        return f"{year}-{month:02d}-{dom:02d}"
    if kind < 0.9:
        return f"{year}-W{1 + rest // 7 % 52:02d}"
    return f"{year}-{month:02d}"


def project_path(n: int) -> Path:
    return Path(tempfile.gettempdir()) / f"annotator_bench_events_{n}.annotator"


def build(n: int) -> Path:
    path = project_path(n)
    if synthetic.reusable(path):
        return path
    rng = random.Random(15)
    with Project.create(path) as project:
        actors = [project.add_actor(f"Actor {k}", key=f"actor-{k}").after.id  # type: ignore[union-attr]
                  for k in range(200)]
    with synthetic.store(path) as repo:
        with repo.write():
            annotator = rules.annotator_id(repo, "a1")
        pending: list[ClaimId] = []
        for base in range(0, n, 5000):
            with repo.write():
                docs = [synthetic.article(i, rng) for i in range(base, min(n, base + 5000))]
                ids = repo.insert_documents([(d, sha256(d.text)) for d in docs], None)
                for doc_id in ids:
                    for _ in range(2):
                        claim = Claim(ClaimId(0), new_uid(), DocId(doc_id or 0), "a1",
                                      claimant_id=ActorId(rng.choice(actors)),
                                      addressee_id=ActorId(rng.choice(actors)),
                                      gloss=rng.choice(GLOSSES), date_value=_date(rng))
                        claim_id = repo.insert_claim(claim, annotator)
                        if rng.random() < 0.33:
                            pending.append(claim_id)
                while len(pending) >= 5:
                    group, pending = pending[:5], pending[5:]
                    repo.put_event(Event(EventId(0), new_uid(), "synthetic event", "a1",
                                         links=tuple(EventLink(c, "a1") for c in group)),
                                   keep_id=False)
    return path


def _times(call: Callable[[], object], runs: int) -> list[float]:
    call()
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        out.append((time.perf_counter() - started) * 1000)
    return sorted(out)


def _p95(samples: list[float]) -> float:
    return samples[min(len(samples) - 1, int(0.95 * len(samples)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="documents (default 100000)")
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    path = build(args.n)
    print(f"project: {args.n} documents, {2 * args.n} claims "
          f"(built or reused in {time.perf_counter() - started:.1f} s)")
    rng = random.Random(3)
    with Project.open(path, read_only=True) as project:
        claims = [ClaimId(rng.randint(1, 2 * args.n)) for _ in range(args.runs)]
        counter = iter(claims * 2)
        conn = sqlite3.connect(path)
        baseline = _times(lambda: conn.execute(
            "SELECT * FROM claims WHERE id >= ? LIMIT 500", (next(counter),)).fetchall(),
            args.runs)
        conn.close()
        found: list[int] = []
        cycle = iter(claims * 2)
        events = _times(lambda: found.append(len(project.events.suggestions(next(cycle)))),
                        args.runs)
        cycle = iter(claims * 2)
        matches = _times(lambda: project.events.matches(next(cycle)), args.runs)
    base95 = _p95(baseline)
    print(f"baseline (500 claim rows, no condition): p50 {statistics.median(baseline):.2f} ms, "
          f"p95 {base95:.2f} ms")
    for label, samples in (("event suggestions for one claim (target p95 < 200 ms)", events),
                           ("matching claims in other documents", matches)):
        print(f"{label}: p50 {statistics.median(samples):.2f} ms, p95 {_p95(samples):.2f} ms, "
              f"ratio {_p95(samples) / base95:.1f}x baseline")
    print(f"events suggested per claim: mean {statistics.mean(found):.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
