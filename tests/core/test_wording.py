"""Counted nouns in messages."""

from __future__ import annotations

from annotator.core.wording import count


def test_one_is_singular_and_the_rest_plural_with_separators() -> None:
    assert count(1, "document") == "1 document"
    assert count(0, "document") == "0 documents"
    assert count(12000, "span") == "12,000 spans"
    assert count(2, "entry") == "2 entries"
    assert count(3, "analysis", "analyses") == "3 analyses"
