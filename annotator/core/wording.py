"""Counted nouns in messages: "1 document", "2 documents", "12,000 spans"."""

from __future__ import annotations

_IRREGULAR = {"entry": "entries", "copy": "copies", "match": "matches"}


def count(number: int, noun: str, plural: str | None = None) -> str:
    """``number`` with ``noun`` in the singular or the plural (thousands separated)."""
    if number == 1:
        return f"1 {noun}"
    return f"{number:,} {plural or _IRREGULAR.get(noun, noun + 's')}"
