"""How much work any one input may cost: every size, count and depth limit in one place.

A file, a package or a codebook from someone else can be made to cost
gigabytes or minutes to read (a zip bomb, a package of newlines, JSON nested
a million levels deep, an article of 188 MB on one line). Each reader checks
these limits before it does the expensive part and refuses with
:class:`~annotator.core.errors.LimitExceeded`, whose message names the limit.
docs/reliability.md lists them with the reasons for their values.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from annotator.core.errors import LimitExceeded

MiB = 1024 * 1024

# ---- imported files

MAX_IMPORT_FILE_BYTES = 512 * MiB
"""The largest file an import reads."""
MAX_DOCUMENT_CHARS = 64_000_000
"""The longest document text (code points). A news article has 5,000-20,000; the text
view shows 50 million characters in paragraphs in about half a second."""
MAX_LINE_CHARS = 500_000
"""The longest line (paragraph) of a document; a news paragraph has a few hundred. The
text view lays a line out as a whole: on an idle machine 500,000 characters show in
about 0.3 s and relayout in 0.2 s, 1,000,000 in 0.7 s and 0.4 s, and 188 million
froze it (benchmarks/bench_hostile_inputs.py measures the limit against a bare
QPlainTextEdit)."""
MAX_JSON_DEPTH = 64
"""The deepest nesting of arrays and objects in any JSON we read (ours needs 6)."""

# ---- events (native records and packages)

MAX_EVENT_TEXT_CHARS = 10_000
"""The longest label, type, place or note of an event read from a file or a package (a
label is a line, a note a paragraph or two)."""
MAX_EVENT_NAME_CHARS = 200
"""The longest uid, creator or linker name, or time stamp of an event record."""
MAX_EVENT_LINKS = 100_000
"""Claim links in one event record (the largest event of a busy year has a few hundred)."""

# ---- packages (zip files)

MAX_PACKAGE_BYTES = 1024 * MiB
MAX_PACKAGE_MEMBER_BYTES = 512 * MiB
MAX_PACKAGE_TOTAL_BYTES = 1024 * MiB
MAX_PACKAGE_MANIFEST_BYTES = 1 * MiB
MAX_PACKAGE_ENTRIES = 16
"""Central-directory entries (a package has six or seven members); checked before reading."""
MAX_PACKAGE_DIRECTORY_BYTES = 64 * 1024
"""The size of the zip central directory, likewise checked before it is read."""
MAX_PACKAGE_RATIO = 200
"""Uncompressed : compressed size of a member. JSON Lines of news text packs about 3:1
to 10:1 (every line carries its own hash); 1000:1 is a file of one repeated byte."""
MAX_PACKAGE_LINES = 2_000_000
"""Lines in a package member: counted while it is unpacked, so a member of newlines is
refused after its first megabytes."""

# ---- codebooks

MAX_CODEBOOK_BYTES = 8 * MiB
MAX_CODEBOOK_VALUES = 200_000
"""Vocabulary values in all (each is a row in pickers and a key in validation)."""
MAX_CODEBOOK_ATTRIBUTES = 2_000


def check_document_length(text: str) -> None:
    """Refuse a document text longer than :data:`MAX_DOCUMENT_CHARS`, or with a line
    longer than :data:`MAX_LINE_CHARS`."""
    if len(text) > MAX_DOCUMENT_CHARS:
        raise LimitExceeded(
            f"the text has {len(text):,} characters, more than the limit of "
            f"{MAX_DOCUMENT_CHARS:,}; split the document into parts")
    if len(text) <= MAX_LINE_CHARS:
        return
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > MAX_LINE_CHARS:
            raise LimitExceeded(
                f"a line of the text has {end - start:,} characters, more than the limit of "
                f"{MAX_LINE_CHARS:,}; break it into paragraphs")
        start = end + 1


def loads_json(text: str | bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` that refuses nesting deeper than ``max_depth`` instead of recursing.

    Raises :class:`json.JSONDecodeError` for invalid JSON, as ``json.loads`` does, and
    :class:`LimitExceeded` for too deep nesting (checked on the text before parsing, so
    the parser never recurses past the limit).
    """
    _check_depth(text if isinstance(text, str) else text.decode("utf-8", "replace"), max_depth)
    return json.loads(text)


def _check_depth(text: str, max_depth: int) -> None:
    """Refuse nesting deeper than ``max_depth``: the brackets outside strings, summed in C."""
    if text.count("[") + text.count("{") <= max_depth:
        return
    brackets = _NOT_BRACKETS.sub("", text)
    if max(accumulate(map(_STEP.__getitem__, brackets)), default=0) > max_depth:
        raise LimitExceeded(f"JSON nested deeper than {max_depth} levels")


_NOT_BRACKETS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[^\[\]{}"]+')
"""Strings (escapes included) and everything but brackets, removed in one pass."""
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1, '"': 0}
