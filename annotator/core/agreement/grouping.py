"""Grouping the spans of several coders of one document into comparable items.

:func:`span_groups` is the one grouping that both the review queue
(:mod:`annotator.core.review`) and the agreement report's disagreement lists use, so an
item the report counts as a disagreement is the item the review window opens.
"""

from __future__ import annotations

from collections.abc import Sequence

Group = tuple[list[int], list[str], int, int]
"""``(members, sorted layers, start, end)``, members as indices into the given spans."""


def span_groups(places: Sequence[tuple[int, int]], layers: Sequence[str]) -> list[Group]:
    """Group the spans of all coders of one document into comparable items.

    ``places`` and ``layers`` describe the spans (any order). Two spans are linked when
    they overlap and share a layer, or sit at exactly the same place (whatever their
    layers); a group is a linked component. Returns ``(members, sorted layers, start,
    end)`` per group, members as indices in the given order. A sweep in start order
    finds clusters of (transitively) overlapping spans; a cluster of one layer is one
    group, and only clusters of several layers need the pairwise links.
    """
    if not places:
        return []
    order = sorted(range(len(places)), key=places.__getitem__)
    groups: list[Group] = []
    cluster: list[int] = []
    reach = -1
    layer = layers[order[0]]
    low = places[order[0]][0]
    mixed = False
    for i in order:
        start, end = places[i]
        if start >= reach and cluster:
            groups += _cluster_groups(cluster, places, layers, None if mixed else layer,
                                      (low, reach))
            cluster = []
            layer = layers[i]
            low = start
            mixed = False
        elif layers[i] != layer:
            mixed = True
        cluster.append(i)
        if end > reach:  # noqa: PLR1730 - cheaper than calling max() for every span
            reach = end
    groups += _cluster_groups(cluster, places, layers, None if mixed else layer, (low, reach))
    return groups


def _cluster_groups(cluster: list[int], places: Sequence[tuple[int, int]],
                    layers: Sequence[str], layer: str | None, extent: tuple[int, int]
                    ) -> list[Group]:
    """The groups of one cluster spanning ``extent``: all of it when it has one layer
    (``layer``), else its linked components."""
    if layer is not None:
        return [(sorted(cluster), [layer], *extent)]
    return [(members, sorted({layers[i] for i in members}),
             min(places[i][0] for i in members), max(places[i][1] for i in members))
            for members in _linked(cluster, places, layers)]


def _linked(cluster: list[int], places: Sequence[tuple[int, int]], layers: Sequence[str]
            ) -> list[list[int]]:
    """The linked components of a cluster of several layers (indices in start order)."""
    parent = {i: i for i in cluster}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    size = len(cluster)
    for pos in range(size):
        i = cluster[pos]
        end_i = places[i][1]
        for later in range(pos + 1, size):
            j = cluster[later]
            if places[j][0] >= end_i:
                break
            if layers[i] == layers[j] or places[i] == places[j]:
                parent[find(i)] = find(j)
    components: dict[int, list[int]] = {}
    for i in sorted(cluster):
        components.setdefault(find(i), []).append(i)
    return list(components.values())
