"""The ``dates`` suggester: :func:`~annotator.core.assist.dates.find_dates` as DATE
suggestions, registered in :mod:`annotator.core.assist.registry`.

An accepted suggestion's span carries the resolved value as the attributes ``value``,
``precision`` and ``mod`` (text, empty when absent).
"""

from __future__ import annotations

from typing import Any

from annotator.core.assist.base import Registry, Suggestion
from annotator.core.assist.dates import find_dates


class DateSuggester:
    """DATE spans with their values resolved against the publication date."""

    name = "dates"
    layers: tuple[str, ...] = ("DATE",)

    def suggest(self, text: str, lang: str, dct: str | None,
                registry: Registry) -> list[Suggestion]:
        return [Suggestion("DATE", found.start, found.end, found.text, str(found.rule),
                           self.name, attributes=date_attributes(found.value))
                for found in find_dates(text, lang, dct)]


def date_attributes(value: Any) -> dict[str, Any]:
    """DATE span attributes from a :class:`DateValue`: value, precision and mod (as text)."""
    return {"value": _plain_text(getattr(value, "value", value)),
            "precision": _plain_text(getattr(value, "precision", "")),
            "mod": _plain_text(getattr(value, "mod", ""))}


def _plain_text(item: Any) -> str:
    if item is None:
        return ""
    return str(getattr(item, "value", item))
