"""A trained model folder beside the project, and suggesting with it.

The models of ``news.annotator`` live in ``news.annotator.learned/``: one folder
per version (``v1``, ``v2``, ...; the newest few are kept) holding
``model.json`` (version, engine, when, the training set: document ids and
counts per layer and field, and the held-out evaluation) and the model files
it names, plus ``history.jsonl``, one line of evaluation per version ever
trained, for the progress view. A folder that is missing, half written or
corrupt is reported by :class:`~annotator.core.errors.ModelUnavailable` with
what to do; the registry and rule suggesters keep working.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.assist.base import Registry, Suggestion
from annotator.core.assist.learn import engines
from annotator.core.assist.learn.features import (
    decode,
    document_features,
    document_words,
    sentences,
)
from annotator.core.errors import ModelUnavailable

FORMAT = 1
KEEP_VERSIONS = 5
SUGGESTER = "learned"
_VERSION_DIR = re.compile(r"^v(\d+)$")


def models_dir(project_path: str | Path) -> Path:
    """Where the models of the project at ``project_path`` are kept."""
    path = Path(project_path)
    return path.with_name(path.name + ".learned")


@dataclass(frozen=True, slots=True)
class Proposal:
    """A learned value for a document field or a claim's event type."""

    field: str
    value: str
    confidence: float
    source: str
    alternatives: tuple[tuple[str, float], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "value": self.value,
                "confidence": round(self.confidence, 4), "source": self.source,
                "alternatives": [[v, round(p, 4)] for v, p in self.alternatives]}


def versions(folder: Path) -> list[int]:
    """The model versions present in ``folder`` (complete or not), oldest first."""
    if not folder.is_dir():
        return []
    found = [int(m.group(1)) for p in folder.iterdir()
             if p.is_dir() and (m := _VERSION_DIR.match(p.name))]
    return sorted(found)


def history(folder: Path) -> list[dict[str, Any]]:
    """The evaluation of every version trained, oldest first (lines that do not parse are
    skipped)."""
    path = folder / "history.jsonl"
    if not path.is_file():
        return []
    out = []
    for line in path.read_text("utf-8", errors="replace").splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if isinstance(item, dict):
            out.append(item)
    return out


def prune(folder: Path, keep: int = KEEP_VERSIONS) -> None:
    for version in versions(folder)[:-keep]:
        shutil.rmtree(folder / f"v{version}", ignore_errors=True)


@dataclass
class LearnedModel:
    """One loaded model version; suggests spans, document fields and claim types."""

    folder: Path
    meta: dict[str, Any]
    taggers: dict[tuple[str, str], Any] = field(default_factory=dict)
    classifiers: dict[str, Any] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    """One tagger serves one thread at a time (the window computes on a pool)."""

    @property
    def version(self) -> int:
        return int(self.meta["version"])

    @property
    def source(self) -> str:
        return f"learned model v{self.version}"

    @property
    def layers(self) -> tuple[str, ...]:
        return tuple(sorted({layer for layer, _lang in self.taggers}))

    @classmethod
    def load(cls, models: Path, version: int | None = None) -> LearnedModel:
        """The newest complete version (or ``version``); :class:`ModelUnavailable` says why
        there is none."""
        engines.require()
        found = versions(models)
        if not found:
            raise ModelUnavailable(
                f"no learned model for this project yet (looked in {models}); train one with "
                "`annotator train PROJECT` or Assist > Train suggestions from finished documents "
                "- the registry and "
                "date suggestions work meanwhile")
        chosen = version if version is not None else found[-1]
        folder = models / f"v{chosen}"
        try:
            meta = json.loads((folder / "model.json").read_text("utf-8"))
            if not isinstance(meta, dict) or int(meta.get("format", 0)) != FORMAT:
                raise ValueError("unknown model format")
            model = cls(folder, meta)
            for item in meta.get("taggers", []):
                model.taggers[(item["layer"], item["lang"])] = engines.load_tagger(
                    meta["engine"], folder / item["file"])
            for name, item in meta.get("classifiers", {}).items():
                model.classifiers[name] = engines.TextClassifier(folder / item["file"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelUnavailable(
                f"the learned model {folder} cannot be read ({exc}); retrain with "
                "`annotator train PROJECT` (or delete the folder) - the registry and date "
                "suggestions work meanwhile") from exc
        return model

    # ---------------------------------------------------------------- spans

    def _tagger(self, layer: str, lang: str) -> Any:
        base = (lang or "").split("-")[0].lower()
        return self.taggers.get((layer, base)) or self.taggers.get((layer, "*"))

    def spans(self, text: str, lang: str, hits: Mapping[str, Sequence[tuple[int, int]]],
              layers: Sequence[str] | None = None) -> list[tuple[str, int, int, float]]:
        """(layer, start, end, confidence) of every span the model predicts."""
        wanted = [layer for layer in self.layers if layers is None or layer in layers]
        if not wanted:
            return []
        seqs = sentences(text)
        feats = document_features(seqs, lang, hits)
        adjust = self.meta.get("text_adjust", {})
        out: list[tuple[str, int, int, float]] = []
        prepared: list[Any] = []
        for layer in wanted:
            tagger = self._tagger(layer, lang)
            if tagger is None:
                continue
            if not prepared:
                prepared = [tagger.prepare(item) for item in feats]
            counts = adjust.get(layer, {})
            for tokens, item, ready in zip(seqs, feats, prepared, strict=True):
                with self.lock:
                    labels, scores = tagger.tag(item, ready)
                for start, end, confidence in decode(tokens, labels, scores):
                    kept, rejected = counts.get(text[start:end].lower(), (0, 0))
                    if rejected:
                        confidence *= (kept + 1) / (kept + rejected + 1)
                    out.append((layer, start, end, confidence))
        return out

    def suggestions(self, text: str, lang: str, dct: str | None, registry: Registry,
                    layers: Sequence[str] | None = None) -> list[Suggestion]:
        """Learned spans as suggestions: an ACTOR linked when the registry names in its
        words are all one actor, a DATE with the value of the one date-rule match inside it
        (without one, accepting it normalises its words, as for any new DATE span)."""
        from annotator.core.assist.actors import index_for
        from annotator.core.assist.dates import find_dates
        from annotator.core.assist.dates.suggester import date_attributes

        names = index_for(registry).find(text, lang) if registry.actors else []
        dates = find_dates(text, lang, dct)
        hits = {"reg": [(s.start, s.end) for s in names],
                "date": [(d.start, d.end) for d in dates]}
        by_range = {(d.start, d.end): d.value for d in dates}
        out = []
        for layer, start, end, confidence in self.spans(text, lang, hits, layers):
            words = text[start:end]
            extra: dict[str, Any] = {}
            if layer == "ACTOR":
                inside = {s.actor_key: s for s in names if start <= s.start and s.end <= end}
                if len(inside) == 1:
                    found = next(iter(inside.values()))
                    extra = {"actor_id": found.actor_id, "actor_key": found.actor_key,
                             "actor_name": found.actor_name}
            elif layer == "DATE":
                value = by_range.get((start, end))
                if value is None:
                    within = [d.value for d in dates if start <= d.start and d.end <= end]
                    value = within[0] if len(within) == 1 else None
                if value is not None:
                    extra = {"attributes": date_attributes(value)}
                # otherwise accepting it normalises the words (core/project/defaults.py)
            out.append(Suggestion(layer, start, end, words, f"model v{self.version}",
                                  SUGGESTER, confidence=round(confidence, 4), **extra))
        return out

    # ------------------------------------------------------- fields, claim types

    def document_fields(self, title: str, outlet: str, lang: str, text: str
                        ) -> list[Proposal]:
        words = document_words(title, outlet, lang, text)
        out = []
        for name, classifier in self.classifiers.items():
            if not name.startswith("field:"):
                continue
            with self.lock:
                ranked = classifier.ranked(words)
            out.append(Proposal(name[6:], ranked[0][0], ranked[0][1], self.source,
                                tuple(ranked[1:])))
        return out

    def claim_type(self, words: str) -> Proposal | None:
        classifier = self.classifiers.get("claim:event_type")
        if classifier is None or not words.strip():
            return None
        with self.lock:
            ranked = classifier.ranked(words)
        return Proposal("event_type", ranked[0][0], ranked[0][1], self.source,
                        tuple(ranked[1:]))

    def uncertainty(self, title: str, outlet: str, lang: str, text: str
                    ) -> tuple[float, str]:
        """How unsure the model is about a document (0 sure .. 1 unsure) and why."""
        proposals = self.document_fields(title, outlet, lang, text)
        if proposals:
            worst = min(proposals, key=lambda p: p.confidence - (
                p.alternatives[0][1] if p.alternatives else 0.0))
            second = worst.alternatives[0] if worst.alternatives else ("-", 0.0)
            margin = worst.confidence - second[1]
            return (1.0 - margin,
                    f"{self.source} is unsure of {worst.field}: {worst.value} "
                    f"{worst.confidence:.2f} against {second[0]} {second[1]:.2f}")
        head = text[:1500]
        found = self.spans(head, lang, {})
        if not found:
            return 0.5, f"{self.source} finds no span in the first paragraphs"
        low = min(found, key=lambda item: item[3])
        return (1.0 - low[3], f"{self.source} is unsure of the {low[0]} "
                f"'{head[low[1]:low[2]]}' ({low[3]:.2f})")


def signal_hits(text: str, lang: str, dct: str | None, registry: Registry
                ) -> dict[str, list[tuple[int, int]]]:
    """The ranges the registry matcher and the date rules find: features of the model."""
    from annotator.core.assist.actors import index_for
    from annotator.core.assist.dates import find_dates

    hits: dict[str, list[tuple[int, int]]] = {
        "reg": [(s.start, s.end) for s in index_for(registry).find(text, lang)]
        if registry.actors else [],
        "date": [(d.start, d.end) for d in find_dates(text, lang, dct)],
    }
    return hits
