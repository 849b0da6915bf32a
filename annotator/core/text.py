"""Turning raw article bytes into stored text: encoding, cleanup, language, header lines.

Stored text is NFC-normalised with LF line endings and no NUL bytes; offsets
of every span are code points into exactly that text.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

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


def clean_text(text: str) -> str:
    """NFC, LF line endings, no NUL or BOM, no trailing whitespace lines."""
    if ("\r" not in text and "\x00" not in text and "\ufeff" not in text
            and unicodedata.is_normalized("NFC", text)
            and not any(line[-1:].isspace() for line in text.split("\n"))):
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


@lru_cache(maxsize=1)
def _classifier() -> Callable[[str], tuple[str, float]]:
    """py3langid's bundled model (no download), restricted to our languages."""
    from py3langid import langid

    langid.set_languages(["no" if code == "nb" else code for code in LANGUAGES])
    # py3langid ships no type information; this is the shape of its classify().
    classify: Callable[[str], tuple[str, float]] = langid.classify
    return classify


def detect_language(text: str) -> str:
    """A BCP-47 tag among :data:`LANGUAGES`, or '' for text too short to tell."""
    sample = text[:4000]
    if sum(c.isalpha() for c in sample) < 20:
        return ""
    lang, _prob = _classifier()(sample)
    return {"no": "nb"}.get(lang, lang)


# --------------------------------------------------------------- header lines

_MONTHS = {
    # sv, nb, de and en month names and abbreviations -> month number
    **{m: i for i, m in enumerate(
        ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
         "oktober", "november", "december"], 1)},
    **{m: i for i, m in enumerate(
        ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september",
         "oktober", "november", "desember"], 1)},
    **{m: i for i, m in enumerate(
        ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
         "oktober", "november", "dezember"], 1)},
    **{m: i for i, m in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"], 1)},
    **{m: i for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        1)},
    "okt": 10, "dez": 12, "des": 12, "mai": 5, "sept": 9, "mär": 3, "maj": 5,
}
_HEADER_WORDS = re.compile(
    r"^\s*(publicerad|uppdaterad|publisert|oppdatert|published|updated|posted|"
    r"veröffentlicht|aktualisiert|stand)\b[:\s]*(am\s+)?", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\.?\s+([A-Za-zÄÖÜäöüÅåæøÆØé]{3,10})\.?\s+(\d{4})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b")


def date_in_line(line: str) -> str:
    """An ISO date found in a header line such as 'Publicerad 1 oktober 2024 kl 15.11'."""
    candidates: list[tuple[int, int, int]] = []
    if m := _ISO.search(line):
        candidates.append((int(m[1]), int(m[2]), int(m[3])))
    if m := _DAY_MONTH_YEAR.search(line):
        month = _MONTHS.get(m[2].lower())
        if month:
            candidates.append((int(m[3]), month, int(m[1])))
    if m := _MONTH_DAY_YEAR.search(line):
        month = _MONTHS.get(m[1].lower())
        if month:
            candidates.append((int(m[3]), month, int(m[2])))
    if m := _NUMERIC.search(line):
        candidates.append((int(m[3]), int(m[2]), int(m[1])))
    for year, month, day in candidates:
        if 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return ""


@dataclass(frozen=True, slots=True)
class Header:
    """What the first lines of a scraped article tell."""

    claim: str
    title: str
    published: str
    body: str


_SENTENCE_BREAK = re.compile(r"[^\W\d]{2}[.!?] +[^\W\d]")


def _is_claim_line(first: str, rest: list[str]) -> bool:
    """A one-line claim: one short sentence, then a blank line, then the article."""
    if not rest or rest[0].strip():
        return False
    if len(first) > 240 or not first.rstrip().endswith((".", "!", "?")):
        return False
    if first[:1] in "\"'“”„«»‘’–—-" or any(ord(c) > 0xFFFF for c in first):
        return False  # a quoted teaser or a social-media post, not a claim to check
    if _HEADER_WORDS.match(first) or date_in_line(first) == first.strip():
        return False
    remaining = [line for line in rest if line.strip()]
    return len(remaining) >= 3 and not _SENTENCE_BREAK.search(first)


def parse_header(text: str) -> Header:
    """Split off a leading claim line and read the title and publication date.

    The claim line is removed from the stored body (it is shown apart); the title
    and date lines stay in the body, because annotators may mark spans in them.
    Only the head of the text is looked at, so long files cost no more.
    """
    head = text[:2000]
    lines = head.split("\n")
    claim = ""
    body = text
    if len(lines) > 2 and _is_claim_line(lines[0].strip(), lines[1:]):
        claim = lines[0].strip()
        body = text[len(lines[0]):].lstrip("\n \t")
        lines = body[:2000].split("\n")
    title = next((line.strip() for line in lines if line.strip()), "")[:300]
    published = ""
    for line in lines[:12]:
        if _HEADER_WORDS.match(line) or len(line.strip()) < 40:
            published = date_in_line(line)
            if published:
                break
    return Header(claim=claim, title=title, published=published, body=body)
