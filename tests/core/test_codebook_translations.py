"""Codebook texts in other languages: ``label_sv``, ``definition_de`` ... beside the original."""

from __future__ import annotations

import pytest

from annotator.core.codebook import load_codebook, parse_codebook
from annotator.core.errors import CodebookError


def test_codebook_translations_are_parsed_and_fall_back() -> None:
    book = load_codebook()
    swedish = book.localized("sv")
    assert swedish.layer("ACTOR").label == "Aktör" and book.layer("ACTOR").label == "Actor"
    assert swedish.vocabulary("source_reliability").get("A").label == "Helt tillförlitlig"
    assert book.localized("fr").layer("ACTOR").label == "Actor"  # no translation: the label
    assert swedish.layer_names() == book.layer_names()  # names and codes stay
    text = book.source_text.replace('label = "Actor"\n', 'label = "Actor"\nlabel_fi = 3\n', 1)
    with pytest.raises(CodebookError, match="label_fi"):
        parse_codebook(text)


def test_definitions_and_guidelines_translate_too() -> None:
    book = load_codebook()
    text = book.source_text.replace(
        'label = "Actor"\n',
        'label = "Actor"\ndescription_de = "Eine Erwähnung"\nguideline_nb = "Merk alt."\n', 1)
    parsed = parse_codebook(text)
    assert parsed.localized("de").layer("ACTOR").description == "Eine Erwähnung"
    assert parsed.localized("sv").layer("ACTOR").description == book.layer("ACTOR").description
    assert parsed.localized("nb").layer("ACTOR").guide.guideline == "Merk alt."
    assert parsed.localized("sv").layer("ACTOR").guide == parsed.layer("ACTOR").guide
