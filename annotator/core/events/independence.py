"""Independence: which documents are copies of one another.

A republished article, a wire story run by an aggregator or a machine
translation's source is not a second witness. Each text becomes a set of word
5-shingles (lower case, letters and digits only) and a MinHash signature
(datasketch, 128 permutations); two documents are copies when the estimated
containment of the smaller set in the larger reaches :data:`CONTAINMENT`
(an excerpt republished inside a longer page is still a copy), or when they
come from the same outlet. Copies are grouped transitively; each group counts
as one independent outlet.

Containment is derived from the MinHash Jaccard estimate J and the set sizes:
|A ∩ B| = J (|A| + |B|) / (1 + J).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.core.models import DocId

if TYPE_CHECKING:
    from datasketch.minhash import MinHash

SHINGLE = 5
PERMUTATIONS = 128
CONTAINMENT = 0.3
"""A document that shares this much of its (smaller) shingle set with another is a copy."""

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Signature:
    size: int
    minhash: MinHash


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


@functools.lru_cache(maxsize=4096)
def signature(text: str) -> Signature:
    """The text's shingle count and MinHash (kept for the last 4,096 texts: a ledger
    compares each document of an event with every other, once per claim)."""
    # datasketch.minhash only: the package's __init__ loads its LSH indexes, and with them
    # scipy (most of a second at start-up)
    from datasketch.minhash import MinHash

    found = shingles(text)
    minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
    minhash.update_batch([s.encode("utf-8") for s in found])
    return Signature(len(found), minhash)


def containment(a: Signature, b: Signature) -> float:
    """Estimated share of the smaller shingle set found in the larger."""
    if not a.size or not b.size:
        return 0.0
    jaccard = float(a.minhash.jaccard(b.minhash))
    common = jaccard * (a.size + b.size) / (1 + jaccard)
    return min(1.0, common / min(a.size, b.size))


def groups(texts: Mapping[DocId, str], outlets: Mapping[DocId, str] | None = None
           ) -> list[tuple[DocId, ...]]:
    """The documents grouped into independent sources (each group sorted, groups by their
    first document)."""
    ids = sorted(texts)
    parent = {d: d for d in ids}

    def find(d: DocId) -> DocId:
        while parent[d] != d:
            parent[d] = parent[parent[d]]
            d = parent[d]
        return d

    signatures = {d: signature(texts[d]) for d in ids}
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            same_outlet = bool(outlets and outlets.get(a) and
                               outlets.get(a, "").casefold() == outlets.get(b, "").casefold())
            if same_outlet or containment(signatures[a], signatures[b]) >= CONTAINMENT:
                parent[find(b)] = find(a)
    grouped: dict[DocId, list[DocId]] = {}
    for d in ids:
        grouped.setdefault(find(d), []).append(d)
    return sorted((tuple(g) for g in grouped.values()), key=lambda g: g[0])


def group_of(found: Sequence[tuple[DocId, ...]]) -> dict[DocId, int]:
    """Document -> index of its group in ``found``."""
    return {d: i for i, group in enumerate(found) for d in group}
