"""Re-running header and boilerplate detection on documents already imported.

Pure functions over :class:`~annotator.core.models.Document` values: what detection finds
today (title, publication date, outlet, byline, claim, boilerplate) next to what is
stored. The stored text never changes, so annotations keep their offsets; a claim that
detection would now split off or give back to the text is reported only (moving it
would change the text). ``Project.redetect`` applies the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annotator.core.boilerplate import RepeatCounter, merge, segment
from annotator.core.header import parse_header
from annotator.core.models import DocId, Document
from annotator.core.outlets import OutletIndex

FIELDS = ("title", "published", "outlet", "byline")
"""Document fields re-detection may set (besides the boilerplate)."""


@dataclass(slots=True)
class Redetected:
    """One document whose detection differs from what is stored: field -> (stored, found)."""

    doc_id: DocId
    source_file: str
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    claim: tuple[str, str] | None = None
    """(stored, found) when the claim line would differ: reported, never applied."""

    def lines(self) -> list[str]:
        """What would change, one line per field."""
        out = []
        for name, (old, new) in self.changes.items():
            if name == "boilerplate":
                out.append(f"boilerplate: {_describe(old)} -> {_describe(new)}")
            else:
                out.append(f"{name}: {old!r} -> {new!r}")
        if self.claim is not None:
            out.append(f"claim: {self.claim[0]!r} -> {self.claim[1]!r} (not applied: the "
                       "text would change; re-import the file to take it)")
        return out


def _describe(ranges: tuple[tuple[int, int], ...]) -> str:
    chars = sum(b - a for a, b in ranges)
    return f"{len(ranges)} range(s), {chars} characters"


def redetect(docs: Iterable[Document], outlets: OutletIndex | None = None
             ) -> list[Redetected]:
    """Every document of ``docs`` whose detection today differs from what is stored
    (the outlet matched against ``outlets``, the project's list, when given).

    Lines repeated across the documents count as boilerplate, as in an import of
    them all at once (one pass over each text; a few integers kept per short line).
    """
    repeats = RepeatCounter()
    found: list[Redetected] = []
    bases: dict[DocId, tuple[tuple[int, int], ...]] = {}
    stored_ranges: dict[DocId, tuple[tuple[int, int], ...]] = {}
    for doc in docs:
        original = f"{doc.claim}\n\n{doc.text}" if doc.claim else doc.text
        header = parse_header(original)
        result = Redetected(doc.id, doc.source_file)
        outlet = header.outlet
        if outlets:
            found_outlet = outlets.match(outlet or doc.outlet, doc.url, doc.text)
            outlet = found_outlet.name if found_outlet is not None else outlet
        detected = {"title": header.title, "published": header.published,
                    "outlet": outlet, "byline": header.byline}
        for name in FIELDS:
            new = detected[name]
            if new and new != getattr(doc, name):
                result.changes[name] = (getattr(doc, name), new)
        if header.claim != doc.claim:
            result.claim = (doc.claim, header.claim)
        protected = (*header.header_lines, doc.title, header.title)
        ranges = segment(doc.text, protected)
        repeats.add(int(doc.id), doc.text, ranges, protected, doc.byline or header.byline)
        bases[doc.id], stored_ranges[doc.id] = ranges, doc.boilerplate
        found.append(result)
    grown = repeats.ranges()
    out = []
    for result in found:
        ranges = merge(grown.get(int(result.doc_id), bases[result.doc_id]))
        if ranges != stored_ranges[result.doc_id]:
            result.changes["boilerplate"] = (stored_ranges[result.doc_id], ranges)
        if result.changes or result.claim is not None:
            out.append(result)
    return out
