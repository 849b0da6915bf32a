"""Turning raw article bytes into stored text: encoding, cleanup, language (header lines:
:mod:`annotator.core.header`).

Stored text is NFC-normalised with LF line endings and no NUL bytes; offsets
of every span are code points into exactly that text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left
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


class OffsetMap:
    """Where the code points of a text are after :func:`clean_text` (see :func:`clean_with_map`)."""

    __slots__ = ("_origins",)

    def __init__(self, origins: list[int]) -> None:
        self._origins = origins
        """For each character of the cleaned text, the offset it came from."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The cleaned offsets of the raw span ``start``-``end``: the characters that
        came from inside it (removed ones, such as a trailing space, drop out)."""
        return bisect_left(self._origins, start), bisect_left(self._origins, end)


def clean_with_map(text: str) -> tuple[str, OffsetMap]:
    """:func:`clean_text` and the map from the raw text's offsets to the cleaned one's.

    Each step keeps, per character, the raw offset it came from: BOM and NUL
    removed, CR LF and CR read as LF, NFC composed per combining sequence (the
    composed character comes from the sequence's first offset), spaces at line
    ends and blank lines around the text dropped."""
    if "\ufeff" not in text and "\x00" not in text and unicodedata.is_normalized("NFC", text):
        return _clean_lines(text)
    lines: list[list[tuple[str, int]]] = [[]]
    breaks: list[int] = []
    for char, origin in _compose(_line_ends(text)):
        if char == "\n":
            breaks.append(origin)
            lines.append([])
        else:
            lines[-1].append((char, origin))
    for line in lines:
        while line and line[-1][0].isspace():
            line.pop()
    first, last = 0, len(lines)
    while last > first and not lines[last - 1]:
        last -= 1
    while first < last and not lines[first]:
        first += 1
    out: list[tuple[str, int]] = []
    for number in range(first, last):
        if number > first:
            out.append(("\n", breaks[number - 1]))
        out.extend(lines[number])
    cleaned = "".join(c for c, _ in out)
    if cleaned != clean_text(text):  # a composition across sequences: map coarsely
        cleaned = clean_text(text)
    return cleaned, OffsetMap(_monotone([o for _, o in out], len(cleaned)))


_BREAK = re.compile(r"\r\n|\r|\n")


def _clean_lines(text: str) -> tuple[str, OffsetMap]:
    """:func:`clean_with_map` for NFC text without BOM or NUL: only line ends change,
    so whole lines are mapped at once."""
    lines: list[tuple[int, int]] = []
    breaks: list[int] = []
    start = 0
    for match in _BREAK.finditer(text):
        lines.append((start, start + len(text[start:match.start()].rstrip())))
        breaks.append(match.end() - 1)
        start = match.end()
    lines.append((start, start + len(text[start:].rstrip())))
    first, last = 0, len(lines)
    while last > first and lines[last - 1][0] == lines[last - 1][1]:
        last -= 1
    while first < last and lines[first][0] == lines[first][1]:
        first += 1
    pieces: list[str] = []
    origins: list[int] = []
    for number in range(first, last):
        if number > first:
            pieces.append("\n")
            origins.append(breaks[number - 1])
        a, b = lines[number]
        pieces.append(text[a:b])
        origins.extend(range(a, b))
    return "".join(pieces), OffsetMap(origins)


def _line_ends(text: str) -> list[tuple[str, int]]:
    """The characters with their offsets, BOM and NUL dropped, CR LF and CR as LF."""
    chars = [(c, i) for i, c in enumerate(text) if c not in "\ufeff\x00"]
    out: list[tuple[str, int]] = []
    for index, (char, origin) in enumerate(chars):
        if char != "\r":
            out.append((char, origin))
        elif index + 1 == len(chars) or chars[index + 1][0] != "\n":
            out.append(("\n", origin))
    return out


def _compose(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    start = 0
    for index in range(1, len(chars) + 1):
        if index < len(chars) and unicodedata.combining(chars[index][0]):
            continue
        piece = "".join(c for c, _ in chars[start:index])
        origin = chars[start][1] if start < len(chars) else 0
        out.extend((c, origin) for c in unicodedata.normalize("NFC", piece))
        start = index
    return out


def _monotone(origins: list[int], length: int) -> list[int]:
    """Origins made non-decreasing and as long as the cleaned text (for bisection)."""
    fixed: list[int] = []
    for origin in origins[:length]:
        fixed.append(max(origin, fixed[-1]) if fixed else origin)
    while len(fixed) < length:
        fixed.append(fixed[-1] if fixed else 0)
    return fixed


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
