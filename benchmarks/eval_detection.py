"""Detection accuracy on scraped articles: title, date, outlet, claim and boilerplate lines.

Two inputs, each imported through ``Project.import_paths`` as one batch (so lines
repeated across files count, as in a user's import):

- ``sample_data/scraped/``: hand-written originals and ``sample_data/scraped_truth.json`` (title,
  publication date, outlet, claim, the exact boilerplate lines);
- the twelve articles of the bundled sample project against its ``articles_meta.csv``
  (title, publication date, outlet), written before this detection existed;
- the first ``--n`` articles of ``benchmarks/corpus_realistic.py`` as text files (its
  truth has title, date and claim; its outlets are named by the text only sometimes,
  so outlet accuracy there counts only articles with a banner or copyright line).

Prints per-field accuracy and boilerplate line precision / recall (a line is predicted
boilerplate when a stored range covers it whole). A report, not a test: no thresholds.

    .venv/bin/python benchmarks/eval_detection.py --n 2000
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from annotator.core import Project  # noqa: E402
from annotator.core.boilerplate import covered  # noqa: E402
from benchmarks import corpus_realistic as corpus  # noqa: E402

os.environ.setdefault("ANNOTATOR_BACKUP_KEEP", "0")
SAMPLES = ROOT / "sample_data" / "scraped"
FIELDS = ("title", "published", "outlet", "claim")


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped), stripped))
        pos += len(line) + 1
    return out


def _import(folder: Path, work: Path) -> dict[str, Any]:
    """source file name -> stored document."""
    project = Project.create(work / f"{folder.name}.annotator")
    with project:
        report = project.import_paths(sorted(folder.rglob("*.txt")))
        if report.rejected:
            print("  rejected:", *map(str, report.rejected), sep="\n    ")
        docs = [project.document(d) for d in report.imported]
    return {Path(doc.source_file).name: doc for doc in docs}


def _print_fields(label: str, hits: dict[str, list[bool]]) -> None:
    print(f"{label}:")
    for name, values in hits.items():
        if values:
            print(f"  {name:<10} {sum(values) / len(values):6.1%}  ({sum(values)}/{len(values)})")


def evaluate_samples(work: Path, verbose: bool) -> None:
    truth = json.loads((SAMPLES.parent / "scraped_truth.json").read_text(encoding="utf-8"))["files"]
    docs = _import(SAMPLES, work)
    hits: dict[str, list[bool]] = {name: [] for name in FIELDS}
    tp = fp = fn = 0
    for name, expected in sorted(truth.items()):
        doc = docs[name]
        for fld in FIELDS:
            got = getattr(doc, fld)
            hits[fld].append(got == expected[fld])
            if verbose and got != expected[fld]:
                print(f"  {name} {fld}: expected {expected[fld]!r}, found {got!r}")
        wanted = set(expected["boilerplate"])
        for start, end, line in _lines(doc.text):
            predicted = covered(doc.boilerplate, start, end)
            truly = line in wanted
            tp += predicted and truly
            fp += predicted and not truly
            fn += truly and not predicted
            if verbose and predicted != truly:
                print(f"  {name} boilerplate {'missed' if truly else 'wrongly'}: {line[:70]!r}")
    _print_fields(f"sample_data/scraped ({len(truth)} files)", hits)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(f"  boilerplate lines: precision {precision:.1%}, recall {recall:.1%} "
          f"({tp} found, {fp} wrongly, {fn} missed)")


def evaluate_bundled(work: Path, verbose: bool) -> None:
    """The twelve articles of the bundled sample against their articles_meta.csv."""
    import csv

    from annotator.resources import sample_data_dir

    data = sample_data_dir()
    with (data / "articles_meta.csv").open(encoding="utf-8", newline="") as handle:
        meta = {row["file"]: row for row in csv.DictReader(handle)}
    folder = work / "bundled"
    folder.mkdir()
    for name in meta:
        (folder / name).write_bytes((data / "articles" / name).read_bytes())
    docs = _import(folder, work)
    hits: dict[str, list[bool]] = {name: [] for name in ("title", "published", "outlet")}
    for name, row in sorted(meta.items()):
        doc = docs[name]
        for fld in hits:
            expected = row[fld].strip()
            got = getattr(doc, fld).strip()
            # the bundled titles drop the emoji and a trailing ellipsis of the headline
            ok = got == expected or (fld == "title" and expected in got)
            hits[fld].append(ok)
            if verbose and not ok:
                print(f"  {name} {fld}: expected {expected!r}, found {got!r}")
    _print_fields(f"bundled sample articles ({len(meta)} files, articles_meta.csv)", hits)


def evaluate_corpus(work: Path, n: int) -> None:
    folder = work / "corpus"
    corpus.write_text_files(folder, n)
    docs = _import(folder, work)
    hits: dict[str, list[bool]] = {name: [] for name in FIELDS}
    for art in corpus.articles(n):
        doc = docs.get(f"{art.index:06d}.txt")
        if doc is None:
            continue
        hits["title"].append(doc.title == art.title)
        hits["published"].append(doc.published == art.published)
        hits["claim"].append(doc.claim == art.claim)
        if f"{art.outlet} |" in art.text or f"© {art.outlet}" in art.text:
            hits["outlet"].append(doc.outlet == art.outlet)
    _print_fields(f"realistic corpus ({n} text files)", hits)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="realistic articles (default 2,000)")
    parser.add_argument("--verbose", action="store_true", help="list every miss of the samples")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="eval_detection_") as tmp:
        evaluate_samples(Path(tmp), args.verbose)
        evaluate_bundled(Path(tmp), args.verbose)
        evaluate_corpus(Path(tmp), args.n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
