"""Offsets between stored text (Python code points) and Qt (UTF-16 code units), and word snapping.

Stored span offsets count code points; ``QTextCursor`` positions count UTF-16
code units, in which every character outside the Basic Multilingual Plane (most
emoji, flags are two of them) takes two. :class:`OffsetMap` precomputes, once per
document, the sorted code-point positions of those characters: the number of
them before a position is the prefix count of surrogate pairs, found by bisection,
so both directions cost O(log k) for k astral characters and nothing at all for
the common all-BMP text.

Nothing here imports Qt, so the conversions are tested on plain strings.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    """Converts between code-point offsets into ``text`` and UTF-16 offsets."""

    __slots__ = ("_astral", "_astral_utf16", "length")

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._astral = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 start of the k-th astral character: its code-point index plus k
        self._astral_utf16 = [cp + k for k, cp in enumerate(self._astral)]

    def to_qt(self, cp: int) -> int:
        """UTF-16 position of code-point offset ``cp``."""
        return cp + bisect.bisect_left(self._astral, cp)

    def from_qt(self, pos: int) -> int:
        """Code-point offset of UTF-16 position ``pos`` (inside a pair: the pair's start)."""
        k = bisect.bisect_left(self._astral_utf16, pos)
        # k astral characters start before pos; a pair that starts at pos - 1 splits
        if k and self._astral_utf16[k - 1] == pos - 1:
            return self._astral[k - 1]
        return pos - k

    @property
    def utf16_length(self) -> int:
        return self.length + len(self._astral)


def _is_word(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LNM" or ch == "_"


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole words and trim the white space around it.

    A selection that cut a word ("olf Sch") grows to cover it ("Olaf Scholz");
    punctuation the annotator selected on purpose stays. Returns (start, end)
    with start == end when nothing but white space was selected.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, end
    while start > 0 and _is_word(text[start - 1]) and _is_word(text[start]):
        start -= 1
    while end < len(text) and _is_word(text[end - 1]) and _is_word(text[end]):
        end += 1
    return start, end


def moved_boundary(text: str, start: int, end: int, edge: str, step: int) -> tuple[int, int]:
    """``(start, end)`` with one edge moved: ``edge`` is "start" or "end", ``step`` is -1 or +1
    for a character, -2 or +2 for a word. The span never becomes empty or leaves the text;
    a move that cannot happen returns the span unchanged."""
    by_word = abs(step) == 2
    forward = step > 0
    pos = start if edge == "start" else end
    if not by_word:
        pos += 1 if forward else -1
    elif forward:  # over the gap, then to the end of the next word (end) / its start (start)
        pos = _skip(text, pos, +1, word=edge == "start")
        pos = _skip(text, pos, +1, word=edge != "start")
    else:
        pos = _skip(text, pos, -1, word=edge == "end")
        pos = _skip(text, pos, -1, word=edge != "end")
    if edge == "start":
        return (pos, end) if 0 <= pos < end else (start, end)
    return (start, pos) if start < pos <= len(text) else (start, end)


def _skip(text: str, pos: int, direction: int, *, word: bool) -> int:
    """Move from ``pos`` over word characters (``word``) or over the others."""
    if direction > 0:
        while pos < len(text) and _is_word(text[pos]) == word:
            pos += 1
    else:
        while pos > 0 and _is_word(text[pos - 1]) == word:
            pos -= 1
    return pos
