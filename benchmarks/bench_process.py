"""Whole-process benchmarks: the CLI run as a user runs it, on the realistic corpus.

Every figure is one process, timed from before it is spawned until it has exited,
with its peak resident memory (``os.wait4``), next to a plain baseline process
measured in the same run (``benchmarks/process_baselines.py``: sqlite3, json and
csv and nothing else). The input is ``benchmarks/corpus_realistic.py``: N scraped
articles as JSONL records without a language field, and the same N articles as
Label Studio tasks with five spans and one document choice each.

- import: ``annotator import`` of the JSONL records, and of the Label Studio tasks;
- export: ``annotator export --format native|jsonl|csv|labelstudio`` of the project
  built from the tasks;
- ``annotator info`` and ``annotator --help`` (best of several starts), against a bare
  ``python -c pass``; the window's start to its first document (offscreen).

Targets at N = 100,000: import and export at most 1.5x their baseline, peak memory
at most 300 MB, ``info`` at most 0.3 s, the first document within 1 s.

    .venv/bin/python benchmarks/bench_process.py               # N = 2,000
    .venv/bin/python benchmarks/bench_process.py --n 100000    # the targets' size
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import corpus_realistic as corpus  # noqa: E402

BASELINES = str(ROOT / "benchmarks" / "process_baselines.py")
RATIO_TARGET, PEAK_TARGET_MB, INFO_TARGET_S, WINDOW_TARGET_S = 1.5, 300.0, 0.3, 1.0
EXPORTS = {"native": "out.jsonl", "jsonl": "bulk.jsonl", "csv": "csv",
           "labelstudio": "tasks.json"}
BASELINE_OF = {"native": "export-jsonl", "jsonl": "export-jsonl", "csv": "export-csv",
               "labelstudio": "export-labelstudio"}


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    peak_mb: float
    stdout: str


def run(args: list[str]) -> Run:
    """One process from spawn to exit: wall time, its own peak RSS, its output."""
    env = {**os.environ, "ANNOTATOR_BACKUP_KEEP": "0", "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT)}
    # As installed: bytecode cached (pip compiles on install), whatever this shell says.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryFile("w+") as out:
        started = time.perf_counter()
        child = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out,
                                 stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read()
    if child.returncode not in (0, 3):  # 3: finished, with rejected files to report
        raise SystemExit(f"{' '.join(args[1:4])} failed ({child.returncode}):\n{text[-2000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, text)  # ru_maxrss is in KiB on Linux


def annotator(*args: str) -> Run:
    return run([sys.executable, "-m", "annotator", *args])


def baseline(*args: str) -> Run:
    return run([sys.executable, BASELINES, *args])


def best(runs: int, make: object) -> Run:
    """The fastest of ``runs`` starts (start-up figures on a shared machine)."""
    results = [make() for _ in range(runs)]  # type: ignore[operator]
    return min(results, key=lambda r: r.seconds)


def verdict(ok: bool) -> str:
    return "OK" if ok else "MISS"


def compare(label: str, ours: Run, base: Run) -> dict[str, float]:
    ratio = ours.seconds / base.seconds
    ok = ratio <= RATIO_TARGET and ours.peak_mb <= PEAK_TARGET_MB
    print(f"  {label:<26} annotator {ours.seconds:7.2f} s {ours.peak_mb:6.0f} MB | baseline "
          f"{base.seconds:7.2f} s {base.peak_mb:6.0f} MB | ratio {ratio:5.2f} -> {verdict(ok)}",
          flush=True)
    return {"seconds": ours.seconds, "peak_mb": ours.peak_mb, "baseline_s": base.seconds,
            "baseline_mb": base.peak_mb, "ratio": ratio}


def bench_imports(work: Path, n: int, smoke: bool, language: str
                  ) -> tuple[Path, dict[str, dict[str, float]]]:
    """Import both corpora (the smoke run: the tasks only); returns the project built
    from the tasks (for the exports). ``language`` given skips detection."""
    figures = {}
    given = ["--language", language] if language else []
    if not smoke:
        jsonl = corpus.cached("jsonl", n)
        base = baseline("import-jsonl", str(jsonl), str(work / "base-jsonl.sqlite"))
        annotator("new", str(work / "records.annotator"))
        ours = annotator("import", str(work / "records.annotator"), str(jsonl), "--quiet",
                         *given)
        figures["import jsonl"] = compare(f"import {n:,} records", ours, base)
    tasks = corpus.cached("labelstudio", n)
    base = baseline("import-labelstudio", str(tasks), str(work / "base-ls.sqlite"))
    project = work / "tasks.annotator"
    annotator("new", str(project))
    ours = annotator("import", str(project), str(tasks), "--quiet", *given)
    figures["import labelstudio"] = compare(f"import {n:,} LS tasks", ours, base)
    return project, figures


def bench_exports(work: Path, project: Path, repeat: int, formats: list[str]
                  ) -> dict[str, dict[str, float]]:
    figures, bases = {}, {}
    for fmt in formats:
        name = EXPORTS[fmt]
        kind = BASELINE_OF[fmt]
        if kind not in bases:
            bases[kind] = best(repeat, lambda k=kind: baseline(k, str(project),
                                                                str(work / f"base-{k}")))
        ours = best(repeat, lambda f=fmt, o=name: annotator(
            "export", str(project), "--format", f, "--out", str(work / o), "--force",
            "--quiet"))
        figures[f"export {fmt}"] = compare(f"export {fmt}", ours, bases[kind])
    return figures


def bench_startup(project: Path, starts: int) -> dict[str, float]:
    bare = best(starts, lambda: run([sys.executable, "-c", "pass"]))
    info = best(starts, lambda: annotator("info", str(project)))
    plain_info = best(starts, lambda: baseline("info", str(project)))
    helps = best(starts, lambda: annotator("--help"))
    print(f"  {'annotator info':<26} {info.seconds:7.3f} s {info.peak_mb:5.0f} MB (target "
          f"{INFO_TARGET_S} s) -> {verdict(info.seconds <= INFO_TARGET_S)}; plain sqlite3 "
          f"script {plain_info.seconds:.3f} s; bare interpreter {bare.seconds:.3f} s")
    print(f"  {'annotator --help':<26} {helps.seconds:7.3f} s {helps.peak_mb:5.0f} MB")
    return {"info_s": info.seconds, "info_baseline_s": plain_info.seconds,
            "help_s": helps.seconds, "python_s": bare.seconds}


def bench_window(project: Path, starts: int) -> dict[str, float]:
    """Fresh offscreen window processes (bench_gui's child), from spawn to first paint."""
    firsts = []
    for _ in range(starts):
        spawned = time.time()
        result = run([sys.executable, str(ROOT / "benchmarks" / "bench_gui.py"), "--child",
                      str(project), "--spawned", repr(spawned), "--switches", "0"])
        data = json.loads(result.stdout.strip().splitlines()[-1])
        firsts.append(float(data["first_s"]))
    median = statistics.median(firsts)
    print(f"  {'window: first document':<26} median {median:.2f} s, worst {max(firsts):.2f} s"
          f" over {starts} starts (target {WINDOW_TARGET_S} s) -> "
          f"{verdict(median <= WINDOW_TARGET_S)}")
    return {"window_first_s": median}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="articles (default 2,000)")
    parser.add_argument("--repeat", type=int, help="best of this many exports (default: 3 "
                        "below 20,000 articles, else 1)")
    parser.add_argument("--smoke", action="store_true", help="CI: the tasks' import, one "
                        "export, one start of info and --help, no window")
    parser.add_argument("--language", default="", help="give the imports this language "
                        "(no detection), to time the exports at a size detection makes slow")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    repeat = 1 if args.smoke else args.repeat or (3 if args.n < 20_000 else 1)
    began = time.perf_counter()
    for kind in ("labelstudio",) if args.smoke else ("jsonl", "labelstudio"):
        corpus.cached(kind, args.n)
    print(f"realistic corpus of {args.n:,} articles ready after "
          f"{time.perf_counter() - began:.1f} s ({sys.platform}, {os.cpu_count()} cores)")
    work = Path(tempfile.mkdtemp(prefix="bench_process_"))
    try:
        if args.language:
            print(f"  (imports are given --language {args.language}: no language detection)")
        project, figures = bench_imports(work, args.n, args.smoke, args.language)
        figures.update(bench_exports(work, project, repeat,
                                     ["labelstudio"] if args.smoke else list(EXPORTS)))
        figures["startup"] = bench_startup(project, 1 if args.smoke else 5)
        if not args.smoke:
            figures["window"] = bench_window(project, 3)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps({"n": args.n, **figures}, indent=2), encoding="utf-8")
    return 0  # a benchmark reports; a missed target is a figure, not a failure


if __name__ == "__main__":
    raise SystemExit(main())
