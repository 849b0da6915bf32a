"""Quality and speed of the project-trained suggester, beside the registry and rule suggesters.

    .venv/bin/python benchmarks/eval_learned.py [--n 1000] [--engines crf,linear] [--spacy]

Two projects:

* the bundled sample project (12 articles, three annotators): trained on the
  documents outside the held-out fifth, evaluated on the rest;
* a realistic synthetic project of ``--n`` articles from
  ``corpus_realistic`` (banners, bylines, boilerplate, four languages), whose
  annotator marked the five spans of each lead sentence (ACTOR, ACTOR, DATE,
  DEMAND, SOURCE: selective, like real annotators), answered relevance, and
  recorded one claim per article whose event type follows the demand
  (a convention of this script: returning to talks is CONSULT, releasing
  prisoners or opening a corridor is YIELD, the rest REQUEST). 90 % are annotated
  and marked done (a fifth of those is held out by document id); the rest nobody
  started, and the least-certain ordering ranks them.

For each layer it prints exact-offset precision, recall and F1 of the learned
suggestions on the held-out documents, beside the registry (ACTOR) and date
rules (DATE) on the same documents, and the acceptance rate each would have had
(the share of suggestions overlapping a span the annotator marked). Then the
training time (target: 1,000 documents in at most 5 minutes) and the time to
suggest for one document through ``project.suggestions.find`` (target 50 ms),
with the default suggesters' time in the same run as the baseline. ``--spacy``
also trains spaCy's NER on a blank pipeline for the ACTOR layer alone, the
alternative that was measured and not chosen.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import corpus_phrases as phrases  # noqa: E402
import corpus_realistic as corpus  # noqa: E402
import synthetic  # noqa: E402

from annotator.core import Project  # noqa: E402
from annotator.core.models import Claim, ClaimId, DocId, NewDocument, Span, SpanId, Status, new_uid  # noqa: E402, E501
from annotator.core.project import rules  # noqa: E402
from annotator.core.sample import build_sample_project, sample_data_dir  # noqa: E402
from annotator.core.text import sha256  # noqa: E402

os.environ.setdefault("ANNOTATOR_BACKUP_KEEP", "0")  # scratch projects: no rolling backups

EVENT_BY_DEMAND = {2: "CONSULT", 3: "YIELD", 4: "YIELD"}
"""Index in corpus_phrases.DEMANDS[lang] -> event type (the rest: REQUEST)."""


def build_synthetic(folder: Path, n: int) -> Path:
    """A project of ``n`` realistic articles annotated on their lead sentence."""
    path = folder / f"learn-{n}.annotator"
    with Project.create(path) as project:
        project.import_actors_csv(sample_data_dir() / "actors.csv")
    rng = random.Random(16)
    arts = list(corpus.articles(n))
    with synthetic.store(path) as repo, repo.write():
        annotator = rules.annotator_id(repo, "ann")
        docs = [NewDocument(text=a.text, title=a.title, outlet=a.outlet, language=a.language,
                            published=a.published, url=a.url) for a in arts]
        ids = repo.insert_documents([(d, sha256(d.text)) for d in docs], None)
        for art, raw_id in zip(arts, ids, strict=True):
            if raw_id is None or rng.random() >= 0.9:
                continue  # a tenth nobody has started: what active learning ranks
            doc_id = DocId(raw_id)
            span_ids: dict[str, SpanId] = {}
            for layer, start, end in art.spans:
                span = Span(SpanId(0), new_uid(), doc_id, "", layer, start, end,
                            art.text[start:end])
                span_ids.setdefault(layer, repo.insert_span(span, annotator))
            demand = art.text[next(s for lay, s, _e in art.spans if lay == "DEMAND"):
                              next(e for lay, _s, e in art.spans if lay == "DEMAND")]
            pool = phrases.DEMANDS[art.language]
            kind = EVENT_BY_DEMAND.get(pool.index(demand) if demand in pool else -1,
                                       "REQUEST")
            repo.insert_claim(Claim(ClaimId(0), new_uid(), doc_id, "",
                                    demand_span_ids=(span_ids["DEMAND"],), event_type=kind),
                              annotator)
            repo.set_value(doc_id, annotator, "relevance", art.relevance)
            repo.set_status(doc_id, annotator, Status.DONE)
    return path


def spacy_measure(path: Path, layer: str = "ACTOR", epochs: int = 10) -> None:
    """The alternative that was measured, not shipped: spaCy's NER trained on a blank
    multilingual pipeline for one layer, on the same training and held-out documents."""
    import spacy
    from spacy.training import Example
    from spacy.util import filter_spans

    with Project.open(path, read_only=True) as project:
        record = project.suggestions.model().meta["training"]
        done = {int(d): project.spans(DocId(d), "ann") for d in
                [*record["documents"], *record["held_out"]]}
        texts = {d: project.text(DocId(d)) for d in done}
    nlp = spacy.blank("xx")
    ner = nlp.add_pipe("ner")
    ner.add_label(layer)

    def example(doc_id: int) -> Any:
        doc = nlp.make_doc(texts[doc_id])
        ents = [doc.char_span(s.start, s.end, label=layer, alignment_mode="expand")
                for s in done[doc_id] if s.layer == layer]
        return Example.from_dict(doc, {"entities": [(e.start_char, e.end_char, layer)
                                                    for e in filter_spans([e for e in ents if e])]})

    train = [example(d) for d in record["documents"]]
    began = time.perf_counter()
    optimizer = nlp.initialize(lambda: train)
    rng = random.Random(0)
    for _epoch in range(epochs):
        rng.shuffle(train)
        for start in range(0, len(train), 16):
            nlp.update(train[start:start + 16], sgd=optimizer, drop=0.2)
    seconds = time.perf_counter() - began
    predicted, truth = set(), set()
    times = []
    for doc_id in record["held_out"]:
        t0 = time.perf_counter()
        doc = nlp(texts[doc_id])
        times.append((time.perf_counter() - t0) * 1000)
        predicted |= {(doc_id, e.start_char, e.end_char) for e in doc.ents}
        truth |= {(doc_id, s.start, s.end) for s in done[doc_id] if s.layer == layer}
    hit = len(predicted & truth)
    precision = hit / len(predicted) if predicted else 0.0
    recall = hit / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hit else 0.0
    print(f"\n[spacy, measured only] blank pipeline NER for {layer}, {epochs} epochs on "
          f"{len(train)} documents: {seconds:.1f} s for this one layer; held-out P "
          f"{precision:.3f} R {recall:.3f} F1 {f1:.3f}; one document "
          f"{statistics.median(times):.1f} ms median")


def table(evaluation: dict[str, Any]) -> None:
    print(f"  held-out documents: {evaluation.get('held_out_documents', 0)}")
    for layer, by_source in evaluation.get("layers", {}).items():
        for source, f in by_source.items():
            print(f"  {layer:<7} {source:<8} P {f['precision']:.3f}  R {f['recall']:.3f}  "
                  f"F1 {f['f1']:.3f}  would be accepted {f['acceptance']:.3f}  "
                  f"({f['suggested']} suggested, {f['true']} marked)")
    for name, f in evaluation.get("fields", {}).items():
        print(f"  {name:<16} accuracy {f['accuracy']:.3f}  majority baseline "
              f"{f['majority_baseline']:.3f}  ({f['examples']} held out)")


def suggest_times(project: Project, doc_ids: list[DocId], suggesters: list[str] | None
                  ) -> list[float]:
    times = []
    for doc_id in doc_ids:
        began = time.perf_counter()
        project.suggestions.find(doc_id, "ann", suggesters=suggesters)
        times.append((time.perf_counter() - began) * 1000)
    return times


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95) - 1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="synthetic articles (default 1,000)")
    parser.add_argument("--engines", default="crf,linear",
                        help="span taggers to compare (crf, linear)")
    parser.add_argument("--skip-sample", action="store_true")
    parser.add_argument("--spacy", action="store_true",
                        help="also measure spaCy's NER on a blank pipeline (ACTOR only)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if not args.skip_sample:
            sample = build_sample_project(folder / "sample.annotator")
            with Project.open(sample, read_only=True) as project:
                result = project.suggestions.train()
                print(f"sample project: model v{result.version} ({result.meta['engine']}) "
                      f"from {result.meta['training']['annotations']} finished annotations "
                      f"in {result.seconds:.1f} s")
                table(result.meta["evaluation"])
        began = time.perf_counter()
        path = build_synthetic(folder, args.n)
        print(f"\nsynthetic project: {args.n} articles built in "
              f"{time.perf_counter() - began:.1f} s")
        for engine in [e.strip() for e in args.engines.split(",") if e.strip()]:
            with Project.open(path, read_only=True) as project:
                result = project.suggestions.train(engine=engine)
                training = result.meta["training"]
                print(f"\n[{engine}] model v{result.version}: trained on "
                      f"{len(training['documents'])} documents in {result.seconds:.1f} s "
                      f"(target <= 300 s for 1,000: "
                      f"{result.seconds / max(1, len(training['documents'])) * 1000:.0f} s "
                      "per 1,000)")
                table(result.meta["evaluation"])
                held = [DocId(d) for d in training["held_out"]][:60] or \
                    [DocId(d) for d in training["documents"]][:60]
                suggest_times(project, held[:3], ["learned"])  # warm the caches
                learned = suggest_times(project, held, ["learned"])
                rules_ms = suggest_times(project, held, None)
                print(f"  suggesting one document (learned): median "
                      f"{statistics.median(learned):.1f} ms, p95 {p95(learned):.1f} ms "
                      f"(target <= 50 ms); registry + rules: median "
                      f"{statistics.median(rules_ms):.1f} ms; ratio "
                      f"{statistics.median(learned) / max(statistics.median(rules_ms), 1e-6):.1f}")
                sizes = [len(project.text(d).encode("utf-8")) for d in held]
                small = [t for t, size in zip(learned, sizes, strict=True) if size <= 6144]
                if small and len(small) < len(learned):
                    big = max(range(len(sizes)), key=sizes.__getitem__)
                    print(f"  of which documents up to 6 KB ({len(small)}): median "
                          f"{statistics.median(small):.1f} ms, p95 {p95(small):.1f} ms; the "
                          f"largest ({sizes[big] / 1024:.0f} KB): {learned[big]:.0f} ms")
                began = time.perf_counter()
                ranked = project.suggestions.least_certain("ann", limit=100)
                print(f"  least-certain ordering of {len(ranked)} unstarted documents in "
                      f"{(time.perf_counter() - began) * 1000:.0f} ms"
                      + (f"; first: {ranked[0][2]}" if ranked else ""))
        if args.spacy:
            spacy_measure(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
