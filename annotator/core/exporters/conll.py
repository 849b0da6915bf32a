"""CoNLL-2003 style BIO: one token per line, ``-DOCSTART-`` before every document.

Each line is ``TOKEN -X- _ TAG`` (the four CoNLL-2003 columns, with the POS
and chunk columns left empty), sentences are separated by a blank line. BIO
cannot nest, so where spans overlap the earlier (then the longer) one wins and
the others are counted in the manifest. A token is inside a span when they
share a character. A span that crosses a sentence break (a line break, or
``. ! ?`` before a capital) is cut there: each part starts with ``B-``, so every
sentence is strict IOB2 on its own. With the selection "all" a document appears
once per annotator; the manifest (``NAME.conll.manifest.json``) lists the order.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.core.exporters.base import (
    ExportResult,
    manifest,
    manifest_sidecar,
    output,
    write_json,
)
from annotator.core.exporters.rows import iter_bundles, plan
from annotator.core.exporters.selection import Selection
from annotator.core.exporters.tokenize import Token, sentences, tokenizer_name, tokens
from annotator.core.models import Span
from annotator.core.tasks import TaskState

if TYPE_CHECKING:
    from annotator.core.project import Project

FORMAT_NAME = "conll"
DOCSTART = "-DOCSTART- -X- -X- O"


def non_overlapping(spans: list[Span]) -> tuple[list[Span], list[Span]]:
    """(kept, dropped): earlier start first, then longer; overlapping later ones dropped."""
    kept: list[Span] = []
    dropped: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start), s.layer)):
        if kept and span.start < kept[-1].end:
            dropped.append(span)
        else:
            kept.append(span)
    return kept, dropped


def bio_tags(toks: list[Token], spans: list[Span]) -> list[str]:
    """One tag per token for non-overlapping ``spans``."""
    tags = ["O"] * len(toks)
    index = 0
    for span in sorted(spans, key=lambda s: s.start):
        while index < len(toks) and toks[index][1] <= span.start:
            index += 1
        first = True
        position = index
        while position < len(toks) and toks[position][0] < span.end:
            tags[position] = f"{'B' if first else 'I'}-{span.layer}"
            first = False
            position += 1
    return tags


def restart(tags: list[str]) -> int:
    """Make a sentence strict IOB2: an ``I-`` first tag (its span began in the sentence
    before) becomes ``B-``. Returns how many tags changed (0 or 1)."""
    if tags and tags[0].startswith("I-"):
        tags[0] = "B-" + tags[0][2:]
        return 1
    return 0


def export(project: Project, path: Path, selection: Selection, state: TaskState, *,
           layers: list[str] | None = None, use_spacy: bool | None = None) -> ExportResult:
    """Write BIO for ``layers`` (default: every layer) to the file ``path``."""
    the_plan = plan(project, selection)
    wanted = set(layers or project.codebook.layer_names())
    order: list[dict[str, object]] = []
    dropped: Counter[str] = Counter()
    hashes: list[tuple[int, str]] = []
    split = 0
    with output() as out:
        with out.file(path).open("w", encoding="utf-8", newline="\n") as handle:
            for bundle in iter_bundles(project, the_plan, state):
                doc = bundle.doc
                if bundle.views:
                    hashes.append((doc.id, doc.sha256))
                toks = tokens(doc.text, doc.language, use_spacy=use_spacy) if bundle.views else []
                for view in bundle.views:
                    kept, lost = non_overlapping([s for s in view.spans if s.layer in wanted])
                    dropped.update(s.layer for s in lost)
                    tags = bio_tags(toks, kept)
                    tag_of = dict(zip(toks, tags, strict=True))
                    handle.write(DOCSTART + "\n\n")
                    for sentence in sentences(doc.text, toks):
                        tags_here = [tag_of[tok] for tok in sentence]
                        split += restart(tags_here)
                        handle.writelines(f"{doc.text[a:b]} -X- _ {tag}\n"
                                          for (a, b), tag in zip(sentence, tags_here,
                                                                 strict=True))
                        handle.write("\n")
                    order.append({"doc_id": doc.id, "sha256": doc.sha256,
                                  "annotator": view.annotator})
        warnings = [f"{n} overlapping {layer} spans left out (BIO cannot nest)"
                    for layer, n in sorted(dropped.items())]
        if split:
            warnings.append(f"{split} spans cross a sentence break (a line break or . ! ?) "
                            "and are written as two chunks, each starting with B-")
        write_json(out.file(manifest_sidecar(path)), manifest(
            project, selection, FORMAT_NAME, annotators=the_plan.names, hashes=hashes,
            warnings=warnings, tokenizer=tokenizer_name(use_spacy), layers=sorted(wanted),
            docstart_order=order))
    return ExportResult(FORMAT_NAME, path, len(hashes), [path], warnings)
