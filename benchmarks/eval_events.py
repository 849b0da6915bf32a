"""Evaluate events on the sample cluster (sample_data/events/, truth in truth.json).

Builds a project from the cluster's articles, metadata and registry, codes
every claim of the truth file through the Project API (the demand span found
by its phrase, the date as given), and prints:

* event-suggestion precision and recall: the claims in other documents that
  ``project.events.matches`` suggests for each claim, against the pairs of
  claims the truth puts in one event;
* clustering B-cubed F1: claims taken in publication order, each put in its
  best suggested event (``project.events.suggestions``) or in a new one, against
  the truth's events;
* independence: the groups of copies among the cluster's documents, against the
  truth's republished copies;
* the suggested credibility grade of every claim, and the contradiction found;
* evidence recall@5: of the truth's evidence passages for each claim line, the
  share among the five best passages ``project.events.evidence`` returns; and
  its stance suggestion against the truth;
* the stance suggestion on the bundled 12-article sample's claim lines, against
  the majority of its three annotators (text not written for these rules).

    .venv/bin/python benchmarks/eval_events.py
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core import Project  # noqa: E402
from annotator.core.events import identity, independence  # noqa: E402
from annotator.core.models import ClaimId, DocId  # noqa: E402
from annotator.core.sample import build_sample_project  # noqa: E402

CLUSTER = Path(__file__).resolve().parents[1] / "sample_data" / "events"
WHO = "eval"


def code(project: Project, truth: dict[str, Any], who: str = WHO) -> dict[str, ClaimId]:
    """Code every claim of the truth file as ``who``; truth key -> claim id."""
    by_file = {project.document(d.id).source_file: d.id for d in project.documents()}
    out: dict[str, ClaimId] = {}
    for row in truth["claims"]:
        doc = by_file[row["file"]]
        text = project.text(doc)
        start = text.index(row["demand"])
        span = project.add_span(doc, who, "DEMAND", start, start + len(row["demand"])).after
        claimant, addressee = (project.actor_by_key(row[k]) for k in ("claimant", "addressee"))
        assert span is not None and claimant is not None and addressee is not None
        claim = project.add_claim(doc, who, claimant_id=claimant.id,
                                  addressee_id=addressee.id, demand_span_ids=(span.id,),
                                  gloss=row["gloss"], date_value=row["date"],
                                  event_type=row["event_type"], form=row["form"]).after
        assert claim is not None
        out[row["key"]] = claim.id
    return out


def _suggestion_scores(project: Project, claims: dict[str, ClaimId],
                       event_of: dict[str, str]) -> tuple[float, float]:
    key_of = {v: k for k, v in claims.items()}
    suggested = correct = 0
    truth_pairs = sum(1 for a in claims for b in claims if a != b and event_of[a] == event_of[b])
    for key, claim_id in claims.items():
        for match in project.events.matches(claim_id, WHO):
            suggested += 1
            correct += event_of[key_of[match.frame.claim_id]] == event_of[key]
    return (correct / suggested if suggested else 0.0,
            correct / truth_pairs if truth_pairs else 0.0)


def _cluster(project: Project, claims: dict[str, ClaimId]) -> dict[str, int]:
    frames = {f.claim_id: f for f in project.events.frames(claims.values())}
    order = sorted(claims, key=lambda k: (project.document(DocId(frames[claims[k]].doc_id))
                                          .published, k))
    assigned: dict[str, int] = {}
    for key in order:
        best = project.events.suggestions(claims[key], WHO, limit=1)
        if best:
            project.events.link(best[0].event_id, claims[key], WHO)
            assigned[key] = best[0].event_id
        else:
            changes = project.events.create(WHO, key, [claims[key]])
            assert changes.after
            created = changes.after[0][1]
            assert created is not None
            assigned[key] = created.id
    return assigned


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    truth = json.loads((CLUSTER / "truth.json").read_text(encoding="utf-8"))
    event_of = {r["key"]: r["event"] for r in truth["claims"]}
    with tempfile.TemporaryDirectory() as tmp:
        path = build_sample_project(Path(tmp) / "events.annotator", data_dir=CLUSTER)
        with Project.open(path) as project:
            claims = code(project, truth)
            precision, recall = _suggestion_scores(project, claims, event_of)
            print(f"event suggestions: precision {precision:.2f}, recall {recall:.2f} "
                  f"({len(claims)} claims, {len(truth['events'])} events)")
            assigned = _cluster(project, claims)
            p, r = identity.bcubed(assigned, event_of)
            f1 = 0.0 if p + r == 0 else 2 * p * r / (p + r)
            print(f"clustering: B-cubed precision {p:.2f}, recall {r:.2f}, F1 {f1:.2f} "
                  f"({len(set(assigned.values()))} events found)")
            _independence(project, truth)
            _grades(project, claims)
            _evidence(project, truth)
        _sample_stance(Path(tmp))
    return 0


def _sample_stance(folder: Path) -> None:
    """The stance suggestion on the bundled sample's claim lines (data not written for the
    events rules), against the majority of its three annotators."""
    from collections import Counter

    with Project.open(build_sample_project(folder / "sample.annotator")) as project:
        agree = total = 0
        for doc_id, _outlet, _claim in project.events.claim_line_documents():
            votes = Counter(v for a in project.annotators()
                            if (v := project.values(doc_id, a).get("stance")))
            if not votes:
                continue
            total += 1
            agree += project.events.evidence(doc_id)[1].value == votes.most_common(1)[0][0]
    print(f"stance on the bundled sample's claim lines: {agree} of {total} agree with the "
          "annotators' majority")


def _independence(project: Project, truth: dict[str, Any]) -> None:
    texts = {d.id: project.text(d.id) for d in project.documents()}
    names = {d.id: project.document(d.id).source_file for d in project.documents()}
    found = [sorted(names[d] for d in g) for g in independence.groups(texts) if len(g) > 1]
    expected = [sorted(c) for c in truth["copies"]]
    print(f"independence: copy groups found {found}; truth {expected}; "
          f"{'match' if sorted(found) == sorted(expected) else 'DIFFER'}")


def _grades(project: Project, claims: dict[str, ClaimId]) -> None:
    for key, claim_id in claims.items():
        report = project.events.corroboration(claim_id, WHO)
        contradicting = [r.doc_id for r in report.reports if r.verdict == "contradicts"]
        print(f"  {key}: suggested grade {report.reason}"
              + (f"; contradicted by document {contradicting}" if contradicting else ""))


def _evidence(project: Project, truth: dict[str, Any]) -> None:
    by_file = {project.document(d.id).source_file: d.id for d in project.documents()}
    hits = total = 0
    for line in truth["claim_lines"]:
        passages, stance = project.events.evidence(by_file[line["file"]], limit=5)
        for item in line["evidence"]:
            total += 1
            hits += any(p.doc_id == by_file[item["file"]] and item["phrase"] in p.text
                        for p in passages)
        print(f"stance for {line['file']}: suggested {stance.value} ({stance.reason}), "
              f"truth {line['stance']}")
    print(f"evidence recall@5: {hits / total if total else 0.0:.2f} ({hits} of {total})")


if __name__ == "__main__":
    raise SystemExit(main())
