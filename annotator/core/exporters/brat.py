"""brat standoff: per document a ``.txt`` (the stored text) and a ``.ann``.

Layout of the export folder::

    annotation.conf, visual.conf    entity, event and attribute types from the codebook
    actors.jsonl                    the registry (native actor records)
    manifest.json, codebook.json
    SET/                            one folder per annotator ("all"), else one for the selection
        000001_article.txt/.ann     the text exactly as stored, and its annotations
        documents.jsonl             per document: metadata, annotator, status, document
                                    fields, and the uid of every T and E line

In the ``.ann``: spans are ``T`` lines (offsets in code points; a span across
line breaks is written as fragments ``start end;start end``), choice
attributes ``A`` lines, free-text attributes ``#`` AnnotatorNotes
(``name: value``), the registry link ``N`` lines (``Registry:key`` in word
characters, ``-`` as ``_``, and ``Wikidata:QID``). A claim is an event of type
``Claim``: a ``Claim`` T line of its own as trigger (over its first demand span,
else its date or source span, a mention of its claimant, or the first word;
claims over the same words share it), with roles Demand, Demand2... (its demand
spans, in order), Claimant/Addressee/Object (an ACTOR mention of that actor),
Date and Source; its choice fields are ``claim_*`` attributes and its text
fields, and a role whose actor has no mention, notes. No line but an event
refers to a trigger, as brat requires.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core import native
from annotator.core.codebook import Attribute, Codebook
from annotator.core.exporters.base import (
    ExportResult,
    doc_file_stem,
    manifest,
    output,
    write_json,
)
from annotator.core.exporters.codebook_json import codebook_document
from annotator.core.exporters.labelstudio import claim_anchor
from annotator.core.exporters.rows import Bundle, View, iter_bundles, plan
from annotator.core.exporters.selection import ALL, Selection
from annotator.core.filenames import unique_stems
from annotator.core.models import Actor, ActorId, Claim, Span, SpanId
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project

FORMAT_NAME = "brat"
CHOICE_TYPES = ("choice", "ordinal", "boolean")
CLAIM_CHOICES = ("event_type", "position", "factuality", "form", "date_precision", "date_mod",
                 "source_reliability", "info_credibility")
CLAIM_NOTES = ("gloss", "date_value", "source", "note")
ROLES = (("Claimant", "claimant_id"), ("Addressee", "addressee_id"), ("Object", "object_id"))


EVENT = "Claim"
"""The event type of claims, and the type of their trigger T lines."""
TRIGGER_PREFIX = "trigger:"
"""documents.jsonl marks a claim's trigger T line with ``trigger:CLAIM_UID``."""


def ref_id(key: str) -> str:
    """A registry key as a brat normalisation id: word characters only (``-`` -> ``_``).

    Registry keys are slugs of ``a-z0-9-``; the importer maps the id back through
    ``actors.jsonl`` (any other character also becomes ``_``)."""
    return re.sub(r"\W", "_", key, flags=re.ASCII)


def escape_note(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def trigger_layer(book: Codebook) -> str:
    """The layer claims take their demand spans from (the event trigger type)."""
    for attr in book.claim_fields:
        if attr.name == "demand_span_ids" and attr.layer:
            return attr.layer
    return "DEMAND"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span cut at line breaks (brat draws one line per fragment)."""
    out: list[tuple[int, int]] = []
    position = start
    for piece in text[start:end].split("\n"):
        if piece:
            out.append((position, position + len(piece)))
        position += len(piece) + 1
    return out


class AnnWriter:
    """Builds the ``.ann`` lines of one annotator's view of one document."""

    def __init__(self, book: Codebook, actors: dict[ActorId, Actor], text: str) -> None:
        self.book, self.actors, self.text = book, actors, text
        self.lines: list[str] = []
        self.counters = {"T": 0, "A": 0, "N": 0, "#": 0, "E": 0}
        self.ids: dict[str, str] = {}
        """brat id -> span or claim uid."""
        self.t_of: dict[SpanId, str] = {}
        self.claim_triggers: dict[tuple[int, int], str] = {}
        """(start, end) -> the Claim trigger T line there."""

    def _next(self, kind: str) -> str:
        self.counters[kind] += 1
        return f"{kind}{self.counters[kind]}"

    def span(self, span: Span) -> bool:
        pieces = fragments(self.text, span.start, span.end)
        if not pieces:
            return False
        tid = self._next("T")
        offsets = ";".join(f"{a} {b}" for a, b in pieces)
        shown = " ".join(self.text[a:b] for a, b in pieces)
        self.lines.append(f"{tid}\t{span.layer} {offsets}\t{shown}")
        self.ids[tid], self.t_of[span.id] = span.uid, tid
        self._decorate(tid, span, "")
        return True

    def _decorate(self, target: str, span: Span, prefix: str) -> None:
        """The span's attributes, notes and registry link, on ``target``."""
        self._span_attributes(target, span, prefix)
        if span.actor_id is not None and span.actor_id in self.actors:
            self._normalise(target, self.actors[span.actor_id])

    def _span_attributes(self, target: str, span: Span, prefix: str) -> None:
        declared = _layer_attributes(self.book, span.layer)
        for name, value in sorted(span.attributes.items()):
            attr = declared.get(name)
            if value in (None, "", False) or (attr is not None and attr.type == "actor"):
                continue
            if attr is not None and attr.type in CHOICE_TYPES:
                self._attribute(name, target, value)
            else:
                self.note(target, f"{prefix}{name}: {value}")

    def _attribute(self, name: str, target: str, value: Any) -> None:
        aid = self._next("A")
        self.lines.append(f"{aid}\t{name} {target}" if value is True
                          else f"{aid}\t{name} {target} {value}")

    def note(self, target: str, text: str) -> None:
        self.lines.append(f"{self._next('#')}\tAnnotatorNotes {target}\t{escape_note(text)}")

    def _normalise(self, target: str, actor: Actor) -> None:
        name = escape_note(actor.canonical_name)
        self.lines.append(f"{self._next('N')}\tReference {target} Registry:{ref_id(actor.key)}"
                          f"\t{name}")
        if actor.qid:
            self.lines.append(f"{self._next('N')}\tReference {target} Wikidata:{actor.qid}"
                              f"\t{name}")

    def claim(self, claim: Claim, view: View, spans: dict[SpanId, Span]) -> bool:
        """A claim: a ``Claim`` trigger (a T line of its own over the claim's first demand
        span, else its date or source span, a mention of its claimant, the first word)
        and an E line; False when there is nothing to put the trigger on."""
        start, end = claim_anchor(claim, view, spans, self.text)
        pieces = fragments(self.text, start, end)
        if not pieces:
            return False
        tid = self.claim_triggers.get((start, end), "")
        if not tid:  # claims over the same words share one trigger, as brat prefers
            tid = self.claim_triggers[(start, end)] = self._next("T")
            offsets = ";".join(f"{a} {b}" for a, b in pieces)
            self.lines.append(f"{tid}\t{EVENT} {offsets}\t"
                              + " ".join(self.text[a:b] for a, b in pieces))
            self.ids[tid] = f"{TRIGGER_PREFIX}{claim.uid}"
        eid = self._next("E")
        args = [f"{EVENT}:{tid}"]
        demand = [self.t_of[s] for s in claim.demand_span_ids if s in self.t_of]
        args += [f"Demand{i if i > 1 else ''}:{t}" for i, t in enumerate(demand, start=1)]
        notes: list[str] = []
        for role, field_name in ROLES:
            actor_id = getattr(claim, field_name)
            if actor_id is None:
                continue
            mention = self._mention(view, actor_id, claim)
            if mention:
                args.append(f"{role}:{mention}")
            elif actor_id in self.actors:
                notes.append(f"{role.lower()}: Registry:{self.actors[actor_id].key}")
        for role, span_id in (("Date", claim.date_span_id), ("Source", claim.source_span_id)):
            if span_id is not None and span_id in self.t_of:
                args.append(f"{role}:{self.t_of[span_id]}")
        self.lines.append(f"{eid}\t{' '.join(args)}")
        self.ids[eid] = claim.uid
        self._claim_fields(eid, claim, notes)
        return True

    def _claim_fields(self, eid: str, claim: Claim, notes: list[str]) -> None:
        for name in CLAIM_CHOICES:
            value = getattr(claim, name)
            if value not in (None, ""):
                self._attribute(f"claim_{name}", eid, value)
        for name in CLAIM_NOTES:
            if getattr(claim, name):
                notes.append(f"{name}: {getattr(claim, name)}")
        for text in notes:
            self.note(eid, text)

    def _mention(self, view: View, actor_id: int, claim: Claim) -> str:
        """The T id of this annotator's ACTOR mention of the actor nearest the demand."""
        anchor = next((s.start for s in view.spans if s.id in claim.demand_span_ids), 0)
        mentions = [s for s in view.spans if s.actor_id == actor_id and s.id in self.t_of]
        if not mentions:
            return ""
        return self.t_of[min(mentions, key=lambda s: (abs(s.start - anchor), s.start)).id]

    def text_out(self) -> str:
        return "".join(line + "\n" for line in self.lines)


def _layer_attributes(book: Codebook, layer: str) -> dict[str, Attribute]:
    try:
        return {a.name: a for a in book.layer(layer).attributes}
    except KeyError:
        return {}


_ROOT_FILES = ("annotation.conf", "actors.jsonl", "codebook.json", "manifest.json")


def set_name(selection: Selection, annotator: str) -> str:
    """Whose sub-folder a view goes to: the annotator ("all"), else the selection's one
    (made a file name by :func:`annotator.core.filenames.unique_stems`)."""
    if selection.source in (ALL, "annotator"):
        return annotator
    if selection.source == "gold":
        return "gold"
    return f"gold-fallback-{selection.annotator}"


def write_view(folder: Path, bundle: Bundle, view: View, book: Codebook,
               actors: dict[ActorId, Actor], keys: dict[ActorId, str]
               ) -> tuple[dict[str, Any], int]:
    """Write one .txt/.ann pair; returns its documents.jsonl entry and claims left out."""
    doc = bundle.doc
    stem = doc_file_stem(doc.id, doc.source_file)
    writer = AnnWriter(book, actors, doc.text)
    for span in view.spans:
        writer.span(span)
    uids = {s.id: s.uid for s in view.spans}
    spans = view.span_by_id() if view.claims else {}
    loose = [native.claim_record(c, keys, uids) for c in view.claims
             if not writer.claim(c, view, spans)]
    (folder / f"{stem}.txt").write_text(doc.text, encoding="utf-8", newline="")
    (folder / f"{stem}.ann").write_text(writer.text_out(), encoding="utf-8", newline="")
    entry: dict[str, Any] = {
        "file": stem, "sha256": doc.sha256, "title": doc.title, "outlet": doc.outlet,
        "url": doc.url, "byline": doc.byline, "language": doc.language,
        "published": doc.published, "claim": doc.claim, "metadata": doc.metadata,
        "source_file": doc.source_file, "annotator": view.annotator,
        "status": view.status.value, "values": view.values, "ids": writer.ids,
    }
    if loose:
        entry["claims"] = loose
    return entry, len(loose)


def export(project: Project, path: Path, selection: Selection, state: TaskState
           ) -> ExportResult:
    """Write the brat folder ``path`` (replaced whole when finished)."""
    the_plan = plan(project, selection)
    book = project.codebook
    actors = {a.id: a for a in project.actors()}
    keys = {a_id: a.key for a_id, a in actors.items()}
    hashes: list[tuple[int, str]] = []
    loose_claims = 0
    shown = {*the_plan.names, *(n for names in the_plan.annotators.values() for n in names)}
    folders = unique_stems(sorted({set_name(selection, n) for n in shown}), "annotator",
                           reserved=_ROOT_FILES)
    with output() as out:
        root = out.directory(path)
        sidecars: dict[str, Any] = {}
        try:
            for bundle in iter_bundles(project, the_plan, state):
                if bundle.views:
                    hashes.append((bundle.doc.id, bundle.doc.sha256))
                for view in bundle.views:
                    name = folders.of[set_name(selection, view.annotator)]
                    if name not in sidecars:
                        (root / name).mkdir()
                        sidecars[name] = (root / name / "documents.jsonl").open(
                            "w", encoding="utf-8", newline="\n")
                    entry, loose = write_view(root / name, bundle, view, book, actors, keys)
                    loose_claims += loose
                    sidecars[name].write(json.dumps(entry, ensure_ascii=False,
                                                    sort_keys=True) + "\n")
        finally:
            for handle in sidecars.values():
                handle.close()
        write_conf(root, book)
        with (root / "actors.jsonl").open("w", encoding="utf-8", newline="\n") as handle:
            for actor in sorted(actors.values(), key=lambda a: a.key):
                handle.write(json.dumps(native.actor_record(actor), ensure_ascii=False) + "\n")
        warnings = [f"{loose_claims} claims have no text to put a brat trigger on; "
                    "they are kept in documents.jsonl"] if loose_claims else []
        warnings += folders.warnings("annotator")
        warnings += _ref_clashes(actors.values())
        write_json(root / "codebook.json", codebook_document(project))
        write_json(root / "manifest.json", manifest(
            project, selection, FORMAT_NAME, annotators=the_plan.names, hashes=hashes,
            warnings=warnings, sets=sorted(sidecars)))
    return ExportResult(FORMAT_NAME, path, len(hashes), [path], warnings)


def _ref_clashes(actors: Iterable[Actor]) -> list[str]:
    """Registry keys that share one normalisation id (only keys outside ``a-z0-9-``)."""
    by_ref: dict[str, list[str]] = {}
    for actor in actors:
        by_ref.setdefault(ref_id(actor.key), []).append(actor.key)
    return [f"registry keys {', '.join(sorted(keys))} share the brat id Registry:{ref}; "
            "their mentions are told apart only through actors.jsonl order"
            for ref, keys in sorted(by_ref.items()) if len(keys) > 1]


# ------------------------------------------------------------------ configuration


def annotation_conf(book: Codebook) -> str:
    demand = trigger_layer(book)
    roles = ["Claimant?:ACTOR", "Addressee?:ACTOR", "Object?:ACTOR", f"Demand*:{demand}",
             "Date?:DATE", "Source?:SOURCE"]
    known = set(book.layer_names())
    roles = [r for r in roles if r.split(":")[1] in known]
    lines = ["[entities]", *book.layer_names(), "", "[relations]",
             "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]",
             f"{EVENT}\t{', '.join(roles)}", "", "[attributes]"]
    lines += _attribute_lines(book)
    return "\n".join(lines) + "\n"


def _attribute_lines(book: Codebook) -> list[str]:
    out: list[str] = []
    for layer in book.layers:
        for attr in layer.attributes:
            if attr.type == "boolean":
                out.append(f"{attr.name}\tArg:{layer.name}")
            elif attr.type in CHOICE_TYPES and attr.vocabulary in book.vocabularies:
                codes = "|".join(book.vocabulary(attr.vocabulary).codes())
                out.append(f"{attr.name}\tArg:{layer.name}, Value:{codes}")
    fields = {a.name: a for a in book.claim_fields}
    for name in CLAIM_CHOICES:
        declared = fields.get(name)
        vocab = declared.vocabulary if declared is not None and declared.vocabulary else name
        if vocab in book.vocabularies:
            codes = "|".join(book.vocabulary(vocab).codes())
            out.append(f"claim_{name}\tArg:{EVENT}, Value:{codes}")
    return out


def visual_conf(book: Codebook) -> str:
    labels = [f"{layer.name} | {layer.label}" for layer in book.layers]
    labels.append(f"{EVENT} | Claim")
    drawing = [f"{layer.name}\tbgColor:{layer.color}" for layer in book.layers]
    drawing.append(f"{EVENT}\tbgColor:#bab0ac")
    return "\n".join(["[labels]", *labels, "", "[drawing]", *drawing]) + "\n"


def write_conf(root: Path, book: Codebook) -> None:
    (root / "annotation.conf").write_text(annotation_conf(book), encoding="utf-8")
    (root / "visual.conf").write_text(visual_conf(book), encoding="utf-8")
