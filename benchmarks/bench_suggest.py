"""Suggestion benchmark: speed on a 5 KB article with a 2,000-actor registry, and quality.

Speed: a project holding the sample registry plus synthetic actors (2,000 in
all, each with aliases in several languages) and one ~5 KB Swedish article.
Prints the median and 95th percentile of

* actor matching alone (the index already built; its build time is printed too),
* actors + dates on the text (``run_suggesters``),
* the whole façade call ``Project.suggestions.find(doc, annotator)``, which also
  reads the document, the registry fingerprint, the annotator's spans and rejections.

The target is 50 ms for the façade call.

Quality: when the sample's ``annotations.jsonl`` exists, builds the sample
project and compares the unfiltered ACTOR and DATE suggestions with each
annotator's spans: exact (same offsets) and overlap (one-to-one, any shared
character) precision and recall, plus how often an overlap-matched ACTOR
suggestion links the same registry actor and a DATE suggestion has the same value.

    .venv/bin/python benchmarks/bench_suggest.py [--actors 2000] [--runs 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core import Project  # noqa: E402
from annotator.core.assist.actors import index_for  # noqa: E402
from annotator.core.assist.base import Registry, Suggestion, run_suggesters  # noqa: E402
from annotator.core.assist.registry import DEFAULT_SUGGESTERS, get_suggester  # noqa: E402
from annotator.core.models import Alias, Span  # noqa: E402
from annotator.core.sample import build_sample_project, sample_data_dir  # noqa: E402

os.environ.setdefault("ANNOTATOR_BACKUP_KEEP", "0")  # scratch projects: no rolling backups

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "bra", "gon", "sel",
             "mar", "ti", "jo", "han", "ber", "ström", "ov", "sky"]
TITLES = {"sv": "ministern", "nb": "ministeren", "de": "Minister", "en": "Minister"}


def synthetic_actor(number: int) -> tuple[str, list[Alias]]:
    """A made-up person with a first and last name and aliases in four languages."""
    def word(seed: int) -> str:
        return "".join(SYLLABLES[(seed // 20 ** k) % 20] for k in range(3)).title()

    first, last = word(number * 7 + 3), word(number * 13 + 11) + str(number)
    aliases = [Alias(last, "*"), Alias(f"{first[0]}. {last}", "*")]
    aliases += [Alias(f"{title} {last}", lang) for lang, title in TITLES.items()]
    return f"{first} {last}", aliases


def five_kb_article() -> str:
    text = (sample_data_dir() / "articles" / "01_sv_riksnytt_samtal.txt").read_text("utf-8")
    while len(text.encode("utf-8")) < 5 * 1024:
        text += "\n\n" + text
    return text.encode("utf-8")[:5 * 1024].decode("utf-8", "ignore")


def speed_project(folder: Path, size: int) -> tuple[Project, int]:
    project = Project.create(folder / "speed.annotator")
    project.import_actors_csv(sample_data_dir() / "actors.csv")
    rows = ["key,canonical_name,aliases"]
    for number in range(size - len(project.actors())):
        name, aliases = synthetic_actor(number)
        rows.append(f"synthetic-{number},{name},"
                    + "|".join(f"{a.lang}:{a.alias}" for a in aliases))
    registry_csv = folder / "synthetic-actors.csv"
    registry_csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    project.import_actors_csv(registry_csv)  # one transaction
    article = folder / "article.txt"
    article.write_text(five_kb_article(), encoding="utf-8")
    doc = project.import_paths([article]).imported[0]
    project.set_document_fields(doc, "bench", language="sv", published="2022-02-15")
    return project, doc


def timed(label: str, runs: int, call: Callable[[], object]) -> None:
    call()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(0.95 * len(samples)))]
    print(f"  {label:<44} median {statistics.median(samples):7.2f} ms   p95 {p95:7.2f} ms")


def bench_speed(size: int, runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project, doc = speed_project(Path(tmp), size)
        text = project.text(doc)
        reg = Registry.from_actors(project.actors())
        started = time.perf_counter()
        index = index_for(reg)
        build = (time.perf_counter() - started) * 1000
        count = len(project.suggestions.find(doc, "alice"))
        print(f"speed: {len(reg.actors)} actors ({index.size} names), article "
              f"{len(text.encode('utf-8'))} bytes / {len(text)} chars, {count} suggestions")
        print(f"  {'index build (once per registry version)':<44} {build:7.2f} ms")
        suggesters = [get_suggester(name) for name in DEFAULT_SUGGESTERS]
        timed("actor matching", runs, lambda: index.find(text, "sv"))
        timed("actors + dates on the text", runs,
              lambda: run_suggesters(text, "sv", "2022-02-15", reg, suggesters))
        timed("Project.suggestions (target 50 ms)", runs,
              lambda: project.suggestions.find(doc, "alice"))
        project.close()


# ------------------------------------------------------------------ quality

def match_counts(found: list[Suggestion], gold: list[Span]) -> dict[str, int]:
    exact = {(s.start, s.end) for s in found} & {(g.start, g.end) for g in gold}
    pairs = overlap_pairs(found, gold)
    same = sum(1 for s, g in pairs if _same_target(s, g))
    return {"found": len(found), "gold": len(gold), "exact": len(exact),
            "overlap": len(pairs), "same_target": same}


def overlap_pairs(found: list[Suggestion], gold: list[Span]) -> list[tuple[Suggestion, Span]]:
    """One-to-one pairs of overlapping spans, greedily by largest overlap."""
    candidates = sorted(
        ((min(s.end, g.end) - max(s.start, g.start), i, j)
         for i, s in enumerate(found) for j, g in enumerate(gold)
         if s.start < g.end and g.start < s.end), reverse=True)
    used_s: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _overlap, i, j in candidates:
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            pairs.append((found[i], gold[j]))
    return pairs


def _same_target(suggestion: Suggestion, span: Span) -> bool:
    if suggestion.layer == "ACTOR":
        return suggestion.actor_id == span.actor_id
    return suggestion.attributes.get("value") == span.attributes.get("value")


def bench_quality() -> None:
    if not (sample_data_dir() / "annotations.jsonl").exists():
        print("quality: the sample's annotations.jsonl not found, skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = build_sample_project(Path(tmp) / "sample.annotator")
        with Project.open(path) as project:
            totals = collect(project)
    print("quality: unfiltered suggestions vs each annotator's spans (12 sample articles)")
    print(f"  {'layer':<6} {'annotator':<9} {'sugg':>5} {'spans':>5}  "
          f"{'P exact':>7} {'R exact':>7}  {'P ovl':>6} {'R ovl':>6}  {'same link/value':>15}")
    for (layer, annotator), c in sorted(totals.items()):
        print(f"  {layer:<6} {annotator:<9} {c['found']:>5} {c['gold']:>5}  "
              f"{_ratio(c['exact'], c['found']):>7} {_ratio(c['exact'], c['gold']):>7}  "
              f"{_ratio(c['overlap'], c['found']):>6} {_ratio(c['overlap'], c['gold']):>6}  "
              f"{_ratio(c['same_target'], c['overlap']):>15}")


def collect(project: Project) -> dict[tuple[str, str], dict[str, int]]:
    totals: dict[tuple[str, str], dict[str, int]] = {}
    annotators = project.annotators()
    for summary in project.documents():
        found = project.suggestions.find(summary.id, None, ["ACTOR", "DATE"])
        for annotator in annotators:
            spans = project.spans(summary.id, annotator)
            for layer in ("ACTOR", "DATE"):
                counts = match_counts([s for s in found if s.layer == layer],
                                      [s for s in spans if s.layer == layer])
                for key in (layer, annotator), (layer, "(all)"):
                    bucket = totals.setdefault(key, dict.fromkeys(counts, 0))
                    for name, value in counts.items():
                        bucket[name] += value
    return totals


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args(argv)
    bench_speed(args.actors, args.runs)
    bench_quality()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
