"""Spans as the agreement report loads them (lean rows), and which review items among
them disagree.

A row is ``(doc_id, annotator, layer, start, end, actor_id, attributes as JSON text)``,
read in bulk instead of building ``Span`` objects. :func:`differing_items` finds the span
items of the review queue (:func:`annotator.core.review.items`: the same grouping,
:func:`~annotator.core.agreement.grouping.span_groups`, and the same item keys) that
review would flag, so the report's disagreement lists open the items review shows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Final

from annotator.core.agreement.grouping import span_groups
from annotator.core.models import DocId

SpanRow = tuple[DocId, str, str, int, int, Any, str]
NAME: Final = 1
LAYER: Final = 2
START: Final = 3
END: Final = 4
ACTOR: Final = 5
ATTRS: Final = 6


def attributes(row: SpanRow, memo: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """The span's attributes; with ``memo``, equal JSON texts share one (read-only) dict."""
    text = row[ATTRS]
    if text == "{}":
        return {}
    if memo is None:
        parsed: dict[str, Any] = json.loads(text)
        return parsed
    found = memo.get(text)
    if found is None:
        found = memo[text] = json.loads(text)
    return found


def differing_items(docs: Sequence[DocId], spans: Mapping[DocId, list[list[SpanRow]]],
                    names: list[str]) -> dict[str, list[tuple[int, str]]]:
    """Review items (groups of overlapping spans) that differ, as (document, item key) by
    layer. ``spans[doc]`` holds each annotator's rows, in the order of ``names``."""
    found: dict[str, list[tuple[int, str]]] = {}
    for d in docs:
        by_name = spans.get(d)
        if by_name is None:
            continue
        flat = [row for rows in by_name for row in rows]
        for key, layers in _differing_span_groups(flat, names):
            for layer in layers:
                found.setdefault(layer, []).append((d, key))
    return found


def _differing_span_groups(flat: list[SpanRow], names: list[str]
                           ) -> list[tuple[str, list[str]]]:
    """(item key, sorted layers) of the span items of one document that have a disagreement."""
    groups = span_groups([(r[START], r[END]) for r in flat], [r[LAYER] for r in flat])
    out = [(f"span:{'+'.join(layers)}:{start}-{end}", layers)
           for members, layers, start, end in groups
           if _group_differs([flat[i] for i in members], names)]
    out.sort(key=lambda item: item[0])
    return out


def _group_differs(members: list[SpanRow], names: list[str]) -> bool:
    """Whether review._span_disagreement finds any disagreement among these spans."""
    count = len(members)
    if count < len(names):
        return True  # someone has no span here: span_missing
    if count == len(names) and len({r[NAME] for r in members}) == count:
        return _single_spans_differ(members)
    versions = [[r for r in members if r[NAME] == n] for n in names]
    if any(not v for v in versions):
        return True  # span_missing
    return _versions_differ(versions)


def _single_spans_differ(members: list[SpanRow]) -> bool:
    """:func:`_group_differs` when every annotator has exactly one span in the group."""
    first = members[0]
    head = first[LAYER:ATTRS]  # layer, start, end, actor
    if any(r[LAYER:ATTRS] != head for r in members):
        return True
    text = first[ATTRS]
    if "NaN" not in text and all(r[ATTRS] == text for r in members):
        return False
    parsed = sorted(attributes(first).items())
    return any(sorted(attributes(r).items()) != parsed for r in members)


def _versions_differ(versions: list[list[SpanRow]]) -> bool:
    """:func:`_group_differs` on each annotator's (non-empty) spans of the group."""
    first = versions[0]
    # label and boundary: the layers and the (layer, start, end) shapes of each version
    shape = sorted((r[LAYER], r[START], r[END]) for r in first)
    if any(sorted((r[LAYER], r[START], r[END]) for r in v) != shape for v in versions[1:]):
        return True
    # actor, then every attribute check: all pass exactly when the ordered actors and the
    # ordered attribute dicts are equal across versions
    actors = [r[ACTOR] for r in first]
    if any([r[ACTOR] for r in v] != actors for v in versions[1:]):
        return True
    texts = [r[ATTRS] for r in first]
    if all([r[ATTRS] for r in v] == texts for v in versions[1:]) \
            and not any("NaN" in t for t in texts):
        return False  # the same JSON text parses to equal dicts
    parsed = [tuple(sorted(attributes(r).items())) for r in first]
    return any([tuple(sorted(attributes(r).items())) for r in v] != parsed
               for v in versions[1:])
