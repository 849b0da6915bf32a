"""The annotation guideline as Markdown, assembled from the codebook: one section per layer,
field and code, so the window can show the section that applies to what the annotator is on.

Definitions, examples, counter-examples and guideline texts are data of the codebook
(``definition``/``description``, ``examples``, ``counter_examples``, ``guideline``). The
Markdown made here is shown with HTML and images switched off: the text is the codebook
author's, and codebooks travel inside packages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.codebook import Attribute, Codebook, Guide, Layer

SCOPES = ("span", "claim", "document")
"""Where a field lives: a span layer's attribute, the claim frame or the document."""


@dataclass(frozen=True)
class Section:
    """One part of the guideline: a title for the pane and its Markdown."""

    title: str
    markdown: str


def overview(book: Codebook) -> Section:
    """The codebook's general guideline and the one-line definition of every layer."""
    lines = [f"# {_plain(book.name)} {_plain(book.version)}", "", _plain(book.description), ""]
    if book.guideline:
        lines += [_no_images(book.guideline), ""]
    lines += ["## Layers", ""]
    lines += [f"- **{_plain(layer.label)}** (key {layer.key}): {_plain(layer.description)}"
              for layer in book.layers]
    lines += ["", "Press F1 on a span or a field to read its part of the guideline."]
    return Section(f"Guideline — {book.name}", "\n".join(lines))


def for_layer(book: Codebook, name: str) -> Section:
    """A layer: its definition, examples and guideline, then each of its attributes."""
    layer = book.layer(name)
    lines = [f"# {_plain(layer.label)}", "", _plain(layer.description), ""]
    lines += _guide_lines(layer.guide)
    for attr in layer.attributes:
        lines += _attribute_lines(book, attr, level="##")
    return Section(f"{layer.label}", "\n".join(lines))


def for_field(book: Codebook, scope: str, name: str, layer: str = "") -> Section:
    """One field: of a span layer (``scope`` "span", with ``layer``), the claim or the document."""
    attr, owner = _find(book, scope, name, layer)
    lines = [f"# {_plain(attr.label)}", f"*{_plain(owner)}*", ""]
    lines += _attribute_lines(book, attr, level="##", heading=False)
    return Section(f"{owner} › {attr.label}", "\n".join(lines))


def _find(book: Codebook, scope: str, name: str, layer: str) -> tuple[Attribute, str]:
    if scope not in SCOPES:
        raise KeyError(f"unknown scope {scope!r}; use one of {', '.join(SCOPES)}")
    if scope == "span":
        found: Layer = book.layer(layer)
        fields, owner = found.attributes, found.label
    elif scope == "claim":
        fields, owner = book.claim_fields, "Claim"
    else:
        fields, owner = book.document_fields, "Document"
    for attr in fields:
        if attr.name == name:
            return attr, owner
    raise KeyError(f"{owner} has no field {name!r}")


def _attribute_lines(book: Codebook, attr: Attribute, *, level: str,
                     heading: bool = True) -> list[str]:
    lines = [f"{level} {_plain(attr.label)}", ""] if heading else []
    if attr.definition:
        lines += [_plain(attr.definition), ""]
    lines += _guide_lines(attr.guide)
    vocabulary = book.vocabularies.get(attr.vocabulary) if attr.vocabulary else None
    if vocabulary is not None:
        for value in vocabulary.values:
            text = f"- **{_plain(value.code)}** {_plain(value.label)}"
            if value.definition:
                text += f": {_plain(value.definition)}"
            lines.append(text)
            lines += ["  " + line if line else "" for line in _guide_lines(value.guide)]
        lines.append("")
    return lines


def _guide_lines(guide: Guide) -> list[str]:
    lines: list[str] = []
    if guide.examples:
        lines += ["**Examples**", ""] + [f"- {_plain(x)}" for x in guide.examples] + [""]
    if guide.counter_examples:
        lines += ["**Not this**", ""] + [f"- {_plain(x)}" for x in guide.counter_examples] + [""]
    if guide.guideline:
        lines += [_no_images(guide.guideline), ""]
    return lines


_IMAGE = re.compile(r"!\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")


def _no_images(markdown: str) -> str:
    """A guideline's Markdown with every image reduced to its description: the pane loads
    nothing a codebook names."""
    return _IMAGE.sub(lambda m: m.group(1), markdown.strip())


def _plain(text: str) -> str:
    """A one-line text set into Markdown without its characters acting as Markdown."""
    out = " ".join(str(text).split())
    for char in "\\`*_[]<>#|!":
        out = out.replace(char, "\\" + char)
    return out
