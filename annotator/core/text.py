"""Turning raw article bytes into stored text: encoding, cleanup, language (header lines:
:mod:`annotator.core.header`).

Stored text is NFC-normalised with LF line endings and no NUL bytes; offsets
of every span are code points into exactly that text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from annotator.core.errors import UnreadableText

LANGUAGES = ("sv", "nb", "nn", "en", "de", "da")
"""Languages the detector chooses among (Norwegian is reported as ``nb``)."""


def decode_bytes(data: bytes) -> str:
    """Decode article bytes: UTF-8 (with or without BOM) first, then the best guess."""
    if not data.strip():
        raise UnreadableText("the file is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableText("broken UTF-16 text") from None
    cleaned = data.replace(b"\x00", b"")
    try:
        return cleaned.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise UnreadableText("binary data, not text")
    from charset_normalizer import from_bytes

    best = from_bytes(cleaned, cp_isolation=["cp1252", "latin_1", "iso8859_15", "utf_8"]).best()
    if best is None:
        raise UnreadableText("cannot detect the text encoding")
    return str(best)


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    nul_ratio = sample.count(0) / max(1, len(sample))
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return nul_ratio > 0.1 or controls / max(1, len(sample)) > 0.05


_LINE_END_SPACES = tuple(f"{c}\n" for c in " \t\xa0\u3000\u2009\u202f\x0b\x0c\x85")
"""Whitespace before a line end, looked for with ``in`` (several times faster than a
regular expression over the text); rarer Unicode spaces go through the full cleanup only
when the text needs it for another reason."""


def clean_text(text: str) -> str:
    """NFC, LF line endings, no NUL or BOM, no trailing whitespace lines."""
    if ("\r" not in text and "\x00" not in text and "\ufeff" not in text
            and unicodedata.is_normalized("NFC", text)
            and not text[-1:].isspace()
            and not any(end in text for end in _LINE_END_SPACES)):
        return text.strip("\n")  # already clean but for blank lines around it
    text = text.replace("\ufeff", "").replace("\x00", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


SAMPLE_CHARS = 600
"""How much text the detector reads: enough for every language of :data:`LANGUAGES` on
news prose (see docs/performance.md), a fraction of the cost of reading 4,000."""
_PARAGRAPH = re.compile(r"^[^\n]{160,}", re.MULTILINE)
_NON_LETTERS = re.compile(r"[\W\d_]+")
_CLD2_CODES = {"no": "nb", "nn": "nn", "sv": "sv", "da": "da", "en": "en", "de": "de"}


@lru_cache(maxsize=1)
def _classifier() -> Callable[[str], tuple[str, float]]:
    """py3langid's bundled model (no download), restricted to our languages."""
    from py3langid import langid

    langid.set_languages(["no" if code == "nb" else code for code in LANGUAGES])
    # py3langid ships no type information; this is the shape of its classify().
    classify: Callable[[str], tuple[str, float]] = langid.classify
    return classify


@lru_cache(maxsize=1)
def _compiled() -> Callable[[str], str] | None:
    """pycld2 (compiled CLD2, model inside the wheel): the language code of a reliable
    answer among ours, else ''; None when pycld2 is not installed."""
    try:
        import pycld2  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return None
    detect = pycld2.detect
    error = pycld2.error

    def classify(sample: str) -> str:
        try:
            reliable, _size, details = detect(sample, bestEffort=True)
        except error:  # text CLD2 cannot take (lone surrogates): let py3langid answer
            return ""
        code = _CLD2_CODES.get(details[0][1], "")
        return code if reliable else ""

    return classify


def language_sample(text: str) -> str:
    """What the detector reads: :data:`SAMPLE_CHARS` of the first paragraph-long line
    (header lines, banners and share buttons are short and often in another language),
    or of the start when there is none."""
    found = _PARAGRAPH.search(text)
    return (found.group() if found else text)[:SAMPLE_CHARS]


def detect_language(text: str) -> str:
    """A BCP-47 tag among :data:`LANGUAGES`, or '' for text too short to tell.

    CLD2 answers when it is sure; short or mixed samples go to py3langid.
    """
    sample = language_sample(text)
    if len(sample) < 20 or len(_NON_LETTERS.sub("", sample)) < 20:
        return ""
    compiled = _compiled()
    if compiled is not None and (code := compiled(sample)):
        return code
    lang, _prob = _classifier()(sample)
    return {"no": "nb"}.get(lang, lang)


def language_of_record(item: Mapping[str, Any]) -> str:
    """The language a record names: ``language``, ``lang``, ``locale`` (``sv_SE`` ->
    ``sv-SE``) or ``metadata.language``; '' when none is a non-empty string."""
    metadata = item.get("metadata")
    candidates = [item.get("language"), item.get("lang"), item.get("locale")]
    if isinstance(metadata, Mapping):
        candidates += [metadata.get("language"), metadata.get("lang")]
    for value in candidates:
        if isinstance(value, str) and value.strip():
            return value.strip().replace("_", "-")
    return ""
