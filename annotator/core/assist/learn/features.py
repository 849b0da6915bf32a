"""Tokens, sentences and the features the learned models see.

A document is cut into tokens (runs of word characters, or one other
non-space character) with code-point offsets, and into sequences at line
breaks and after sentence-final punctuation. Each token gets a small dict of
string features: its form, affixes and shape, its neighbours, the language,
where it sits in the document, and whether the registry matcher or the date
rules cover it, so that the model learns which of those hits the project's
annotators keep.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

TOKEN = re.compile(r"\w+|[^\w\s]")
_FINAL = frozenset(".!?")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[list[Token]]:
    """Tokens of ``text`` grouped into sequences (lines, then sentences)."""
    out: list[list[Token]] = []
    current: list[Token] = []
    last_end = 0
    for match in TOKEN.finditer(text):
        if current and "\n" in text[last_end:match.start()]:
            out.append(current)
            current = []
        token = Token(match.start(), match.end(), match.group())
        current.append(token)
        last_end = match.end()
        if token.text in _FINAL and len(current) > 3:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


_SHAPE = str.maketrans({**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖØÆÜ"},
                        **{c: "x" for c in "abcdefghijklmnopqrstuvwxyzåäöøæüß"},
                        **{c: "d" for c in "0123456789"}})
_REPEAT = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def _shape(word: str) -> str:
    return _REPEAT.sub(r"\1\1", word.translate(_SHAPE))


Ranges = tuple[list[tuple[int, int]], list[int], list[int]]
"""Sorted, non-overlapping ranges with their starts and ends, for bisection."""


def _prepared(ranges: Sequence[tuple[int, int]]) -> Ranges:
    ordered = sorted(ranges)
    return ordered, [r[0] for r in ordered], [r[1] for r in ordered]


def _marks(tokens: Sequence[Token], ranges: Ranges) -> list[str]:
    """"B"/"I"/"" per token: whether a hit range starts at or covers it."""
    out = [""] * len(tokens)
    ordered, starts, ends = ranges
    if not ordered or not tokens:
        return out
    low, high = tokens[0].start, tokens[-1].end
    first_index = bisect.bisect_right(ends, low)
    last_index = bisect.bisect_left(starts, high)
    token_starts = [t.start for t in tokens]
    for start, end in ordered[first_index:last_index]:
        k = bisect.bisect_left(token_starts, start)
        first = True
        while k < len(tokens) and tokens[k].start < end:
            out[k] = "B" if first else "I"
            first = False
            k += 1
    return out


def document_features(seqs: Sequence[Sequence[Token]], lang: str,
                      hits: Mapping[str, Sequence[tuple[int, int]]]
                      ) -> list[list[dict[str, str]]]:
    """One feature dict per token of every sequence of one document; ``hits`` are the
    registry/rule ranges by source name (a token they cover gets that feature)."""
    ready = {name: _prepared(ranges) for name, ranges in hits.items()}
    return [_features(tokens, lang, k, ready) for k, tokens in enumerate(seqs)]


def _features(tokens: Sequence[Token], lang: str, position: int,
              hits: Mapping[str, Ranges]) -> list[dict[str, str]]:
    words = [t.text for t in tokens]
    lower = [w.lower() for w in words]
    where = "p0" if position == 0 else "p1" if position < 4 else "p2" if position < 12 else "p3"
    marks = {name: _marks(tokens, ranges) for name, ranges in hits.items()}
    cases = ["T" if w[:1].isupper() else "l" for w in words]
    feats: list[dict[str, str]] = []
    count = len(words)
    for k, word in enumerate(words):
        low = lower[k]
        item = {
            "b": "1", "w": low, "s3": low[-3:], "s2": low[-2:], "p3": low[:3],
            "sh": _shape(word), "t": cases[k],
            "lang": lang, "pos": where, "first": "1" if k == 0 else "0",
            "w-1": lower[k - 1] if k > 0 else "<s>",
            "w+1": lower[k + 1] if k + 1 < count else "</s>",
            "w-2": lower[k - 2] if k > 1 else "<s>",
            "w+2": lower[k + 2] if k + 2 < count else "</s>",
            "t-1": cases[k - 1] if k > 0 else "<s>",
            "t+1": cases[k + 1] if k + 1 < count else "</s>",
        }
        for name, mark in marks.items():
            if mark[k]:
                item[name] = mark[k]
        feats.append(item)
    return feats


def bio_labels(tokens: Sequence[Token], spans: Iterable[tuple[int, int]]) -> list[str]:
    """"B"/"I"/"O" per token for the spans (a token inside a span, or starting in it)."""
    labels = ["O"] * len(tokens)
    for start, end in sorted(spans):
        first = True
        for k, token in enumerate(tokens):
            if token.start >= end:
                break
            if token.end <= start:
                continue
            if labels[k] != "O" and first:
                break  # overlapping spans of one layer: the earlier one stands
            labels[k] = "B" if first else "I"
            first = False
    return labels


def decode(tokens: Sequence[Token], labels: Sequence[str], scores: Sequence[float]
           ) -> list[tuple[int, int, float]]:
    """Spans (start, end, confidence) of a B/I/O sequence; the confidence is the lowest
    per-token probability inside the span."""
    out: list[tuple[int, int, float]] = []
    start = end = -1
    low = 1.0
    for token, label, score in zip(tokens, labels, scores, strict=True):
        if label == "B" or (label == "I" and start < 0):
            if start >= 0:
                out.append((start, end, low))
            start, end, low = token.start, token.end, score
        elif label == "I":
            end, low = token.end, min(low, score)
        else:
            if start >= 0:
                out.append((start, end, low))
            start = -1
    if start >= 0:
        out.append((start, end, low))
    return out


def document_words(title: str, outlet: str, lang: str, text: str, limit: int = 4000
                   ) -> str:
    """The text a document classifier reads: language and outlet tags, the title and the
    start of the text."""
    return f"__lang_{lang} __outlet_{outlet.replace(' ', '_')} {title} {text[:limit]}"
