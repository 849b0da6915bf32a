"""Plain-text articles: one file, one document; claim line, title and date from the header."""

from __future__ import annotations

from pathlib import Path

from annotator.core.boilerplate import segment
from annotator.core.errors import FileRejected
from annotator.core.header import parse_header
from annotator.core.importers import ImportOptions, ParsedFile, Record, read_text
from annotator.core.models import NewDocument
from annotator.core.text import clean_text, detect_language


def document_from_text(raw: str, source: str, options: ImportOptions, **meta: str
                       ) -> NewDocument:
    """Clean a raw article and read what its header lines tell."""
    text = clean_text(raw)
    if not text:
        raise FileRejected("no text after cleaning (only whitespace)")
    header = parse_header(text)
    if not header.body.strip():
        raise FileRejected("no article text after the claim line")
    title = meta.get("title") or header.title
    detected = {"updated": header.updated} if header.updated else {}
    return NewDocument(
        text=header.body,
        title=title,
        outlet=meta.get("outlet") or header.outlet,
        url=meta.get("url", ""),
        byline=meta.get("byline") or header.byline,
        language=options.language or meta.get("language") or detect_language(header.body),
        published=meta.get("published") or header.published,
        claim=meta.get("claim") or header.claim,
        metadata=detected,
        source_file=source,
        boilerplate=segment(header.body, (*header.header_lines, title)),
    )


def read(path: Path, options: ImportOptions) -> ParsedFile:
    doc = document_from_text(read_text(path), path.name, options)
    return ParsedFile(source=str(path), records=[Record(doc)])
