"""Assistance for annotators: suggested spans that an annotator accepts or rejects.

``base`` (the suggestion type and the suggester protocol), ``registry`` (suggesters by
name), the built-in suggesters ``actors``, ``dates`` and ``spacy_ner``, and ``workflow``
(suggestions inside a project).
"""
