"""Plain-text articles: one file, one document; claim line, title and date from the header."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import FileRejected
from annotator.core.importers import ImportOptions, ParsedFile, Record, read_text
from annotator.core.models import NewDocument
from annotator.core.text import clean_text, detect_language, parse_header


def document_from_text(raw: str, source: str, options: ImportOptions, **meta: str
                       ) -> NewDocument:
    """Clean a raw article and read what its header lines tell."""
    text = clean_text(raw)
    if not text:
        raise FileRejected("no text after cleaning (only whitespace)")
    header = parse_header(text)
    if not header.body.strip():
        raise FileRejected("no article text after the claim line")
    return NewDocument(
        text=header.body,
        title=meta.get("title") or header.title,
        outlet=meta.get("outlet", ""),
        url=meta.get("url", ""),
        byline=meta.get("byline", ""),
        language=options.language or meta.get("language") or detect_language(header.body),
        published=meta.get("published") or header.published,
        claim=meta.get("claim") or header.claim,
        source_file=source,
    )


def read(path: Path, options: ImportOptions) -> ParsedFile:
    doc = document_from_text(read_text(path), path.name, options)
    return ParsedFile(source=str(path), records=[Record(doc)])
