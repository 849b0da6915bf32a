"""HTML pages saved from news sites: main text extracted with trafilatura, offline.

trafilatura works on the string we give it; nothing is fetched from the network.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotator.core.errors import FileRejected
from annotator.core.importers import ImportOptions, ParsedFile, Record, read_text
from annotator.core.importers.text_file import document_from_text


def read(path: Path, options: ImportOptions) -> ParsedFile:
    html = read_text(path)
    import trafilatura

    extracted = trafilatura.extract(
        html, output_format="json", with_metadata=True, include_comments=False,
        include_tables=False, favor_precision=True,
    )
    if not extracted:
        raise FileRejected("no article text found in the HTML")
    data = json.loads(extracted)
    text = data.get("text") or ""
    if not text.strip():
        raise FileRejected("no article text found in the HTML")
    meta = {
        "title": data.get("title") or "",
        "outlet": data.get("sitename") or data.get("hostname") or "",
        "url": data.get("url") or data.get("source") or "",
        "byline": data.get("author") or "",
        "published": (data.get("date") or "")[:10],
    }
    body = f"{meta['title']}\n\n{text}" if meta["title"] else text
    doc = document_from_text(body, path.name, options, **{k: v for k, v in meta.items() if v})
    return ParsedFile(source=str(path), records=[Record(doc)])
