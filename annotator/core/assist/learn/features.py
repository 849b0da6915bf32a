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


def _shape(word: str) -> str:
    shape = re.sub(r"[A-ZÅÄÖØÆÜ]", "X", word)
    shape = re.sub(r"[a-zåäöøæüß]", "x", shape)
    shape = re.sub(r"\d", "d", shape)
    return re.sub(r"(.)\1+", r"\1\1", shape)


def _marks(tokens: Sequence[Token], ranges: Sequence[tuple[int, int]]) -> list[str]:
    """"B"/"I"/"" per token: whether a hit range starts at or covers it."""
    out = [""] * len(tokens)
    if not ranges or not tokens:
        return out
    low, high = tokens[0].start, tokens[-1].end
    for start, end in ranges:
        if end <= low or start >= high:
            continue
        first = True
        for k, token in enumerate(tokens):
            if token.start >= end:
                break
            if token.end > start and token.start >= start:
                out[k] = "B" if first else "I"
                first = False
    return out


def sentence_features(tokens: Sequence[Token], lang: str, position: int,
                      hits: Mapping[str, Sequence[tuple[int, int]]]) -> list[dict[str, str]]:
    """One feature dict per token of one sequence; ``position`` is the sequence's index in
    the document, ``hits`` the registry/rule ranges by source name."""
    words = [t.text for t in tokens]
    lower = [w.lower() for w in words]
    where = "p0" if position == 0 else "p1" if position < 4 else "p2" if position < 12 else "p3"
    marks = {name: _marks(tokens, ranges) for name, ranges in hits.items()}
    feats: list[dict[str, str]] = []
    count = len(words)
    for k, word in enumerate(words):
        low = lower[k]
        item = {
            "b": "1", "w": low, "s3": low[-3:], "s2": low[-2:], "p3": low[:3],
            "sh": _shape(word), "t": "T" if word[:1].isupper() else "l",
            "lang": lang, "pos": where, "first": "1" if k == 0 else "0",
            "w-1": lower[k - 1] if k > 0 else "<s>",
            "w+1": lower[k + 1] if k + 1 < count else "</s>",
            "w-2": lower[k - 2] if k > 1 else "<s>",
            "w+2": lower[k + 2] if k + 2 < count else "</s>",
            "t-1": ("T" if words[k - 1][:1].isupper() else "l") if k > 0 else "<s>",
            "t+1": ("T" if words[k + 1][:1].isupper() else "l") if k + 1 < count else "</s>",
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
