"""Agreement on event identity: do two annotators put the same reports in the same event?

Each annotator's claims are coded separately, so the units compared are claim
frames keyed by (document, claimant, addressee); a unit both annotators placed
in an event is compared. Two measures over those shared units:

- pairwise F1: the pairs of units one annotator puts in one event, against the
  other's pairs (precision = shared pairs / first annotator's pairs, recall the
  other way round; 1.0 when neither has any pair);
- B-cubed F1 (Bagga & Baldwin 1998): per unit, the share of its cluster in one
  clustering that is also in its cluster in the other, averaged, both ways.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from itertools import combinations

Unit = Hashable


@dataclass(frozen=True, slots=True)
class IdentityAgreement:
    first: str
    second: str
    units: int
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float

    @property
    def bcubed_f1(self) -> float:
        p, r = self.bcubed_precision, self.bcubed_recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _clusters(assign: Mapping[Unit, Hashable]) -> dict[Unit, frozenset[Unit]]:
    by: dict[Hashable, set[Unit]] = {}
    for unit, cluster in assign.items():
        by.setdefault(cluster, set()).add(unit)
    return {u: frozenset(by[c]) for u, c in assign.items()}


def _pairs(assign: Mapping[Unit, Hashable]) -> set[frozenset[Unit]]:
    by: dict[Hashable, list[Unit]] = {}
    for unit, cluster in assign.items():
        by.setdefault(cluster, []).append(unit)
    return {frozenset(p) for members in by.values() for p in combinations(members, 2)}


def bcubed(a: Mapping[Unit, Hashable], b: Mapping[Unit, Hashable]) -> tuple[float, float]:
    """B-cubed precision and recall of clustering ``a`` against ``b`` on their shared units."""
    shared = set(a) & set(b)
    if not shared:
        return 0.0, 0.0
    ca = _clusters({u: a[u] for u in shared})
    cb = _clusters({u: b[u] for u in shared})
    precision = sum(len(ca[u] & cb[u]) / len(ca[u]) for u in shared) / len(shared)
    recall = sum(len(ca[u] & cb[u]) / len(cb[u]) for u in shared) / len(shared)
    return precision, recall


def pairwise_f1(a: Mapping[Unit, Hashable], b: Mapping[Unit, Hashable]) -> float:
    shared = set(a) & set(b)
    pa = _pairs({u: a[u] for u in shared})
    pb = _pairs({u: b[u] for u in shared})
    if not pa and not pb:
        return 1.0 if shared else 0.0
    common = len(pa & pb)
    return _f1(common / len(pa) if pa else 0.0, common / len(pb) if pb else 0.0)


def compare(first: str, a: Mapping[Unit, Hashable], second: str,
            b: Mapping[Unit, Hashable]) -> IdentityAgreement:
    precision, recall = bcubed(a, b)
    return IdentityAgreement(first, second, len(set(a) & set(b)), round(pairwise_f1(a, b), 4),
                             round(precision, 4), round(recall, 4))
