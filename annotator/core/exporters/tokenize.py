"""Tokens for the token-based formats (CoNLL, spaCy, reliability per token).

With spaCy installed, its rule-based tokenizer for the document's language
(``spacy.blank(lang)``: no model, nothing downloaded) decides; without it, a
regular-expression tokenizer that knows the abbreviations, compounds and
numbers of Swedish, Norwegian, German and English news text. Tokens are
``(start, end)`` code-point offsets into the stored text, whitespace excluded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

Token = tuple[int, int]

_ABBREVIATIONS = {
    "sv": ("bl.a.", "t.ex.", "m.m.", "m.fl.", "osv.", "d.v.s.", "dvs.", "kl.", "ca.", "resp.",
           "jfr.", "s.k."),
    "nb": ("bl.a.", "f.eks.", "m.m.", "mv.", "osv.", "dvs.", "kl.", "ca.", "nr.", "jf.", "s.k."),
    "de": ("z.B.", "u.a.", "bzw.", "d.h.", "usw.", "Dr.", "Nr.", "ca.", "vgl.", "Mio.", "Mrd.",
           "St.", "S."),
    "en": ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Jr.", "Sr.", "etc.", "e.g.", "i.e.", "vs.",
           "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "No."),
}
_ABBREVIATIONS["nn"] = _ABBREVIATIONS["nb"]
_ABBREVIATIONS["da"] = _ABBREVIATIONS["nb"]
_CORE = r"""
    https?://[^\s<>"]*[^\s<>".,;:!?)\]}'’”»]     # a URL, without trailing punctuation
  | (?:[^\W\d_]\.){2,}                           # initialisms: U.S. z.B. d.v.s.
  | \d+(?:[.,:]\d+)*(?:[^\W\d_]+)?               # 1,000th 3.5 15.11 24h
  | -?[^\W\d_]\w*(?:[-'’]\w+)*                   # words, compounds, O'Brien, "-sjefen"
  | \S                                           # any other character on its own
"""


@lru_cache(maxsize=16)
def _pattern(lang: str) -> re.Pattern[str]:
    abbreviations = sorted(_ABBREVIATIONS.get(lang, ()), key=len, reverse=True)
    prefix = "".join(re.escape(a) + r"(?!\w)|" for a in abbreviations)
    return re.compile(prefix + _CORE, re.VERBOSE)


def regex_tokens(text: str, lang: str = "") -> list[Token]:
    """Tokens by the built-in regular expressions (``lang`` picks the abbreviations)."""
    return [m.span() for m in _pattern(base_language(lang)).finditer(text)]


def base_language(lang: str) -> str:
    """'nb-NO' -> 'nb', 'sv_SE' -> 'sv', '' -> ''."""
    return re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0] if lang else ""


@lru_cache(maxsize=16)
def spacy_blank(lang: str) -> Any:
    """``spacy.blank`` for the language (multi-language ``xx`` when spaCy has none)."""
    import spacy

    code = {"nn": "nb", "no": "nb"}.get(lang, lang) or "xx"
    try:
        return spacy.blank(code)
    except (ImportError, KeyError, ValueError):
        return spacy.blank("xx")


def spacy_available() -> bool:
    try:
        import spacy  # noqa: F401
    except ImportError:
        return False
    return True


def tokenizer_name(use_spacy: bool | None = None) -> str:
    use = spacy_available() if use_spacy is None else use_spacy
    return "spacy.blank" if use else "annotator-regex"


def tokens(text: str, lang: str = "", *, use_spacy: bool | None = None) -> list[Token]:
    """Tokens of ``text``: spaCy's blank tokenizer when available (or asked for), else regex."""
    use = spacy_available() if use_spacy is None else use_spacy
    if not use:
        return regex_tokens(text, lang)
    doc = spacy_blank(base_language(lang)).make_doc(text)
    return [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]


_END = frozenset(".!?")


def sentences(text: str, toks: list[Token]) -> list[list[Token]]:
    """Group tokens into sentences: a line break, or . ! ? before an upper-case start."""
    out: list[list[Token]] = []
    current: list[Token] = []
    for index, tok in enumerate(toks):
        if current and "\n" in text[current[-1][1]:tok[0]]:
            out.append(current)
            current = []
        current.append(tok)
        nxt = toks[index + 1] if index + 1 < len(toks) else None
        if nxt and text[tok[0]:tok[1]] in _END and _starts_sentence(text[nxt[0]:nxt[1]]):
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _starts_sentence(token: str) -> bool:
    first = token[:1]
    return first.isupper() or first in "–—-\"“”„«»'‘"


def aligned_words(text: str, toks: list[Token], spans: Iterable[Token]
                  ) -> tuple[list[str], list[bool]]:
    """Words and spaces (as ``spacy.tokens.Doc`` takes them) that rebuild ``text`` exactly,
    with a token edge at the start and end of every span.

    Tokens are split where a boundary falls inside them; whitespace becomes a
    token of its own where it is not a single space after a word, or where a span
    starts or ends inside it.
    """
    pairs = list(spans)
    cuts = sorted({p for pair in pairs for p in pair})
    starts = {a for a, _b in pairs}
    ends = {b for _a, b in pairs}
    words: list[str] = []
    spaces: list[bool] = []
    position = 0
    for start, end in toks:
        _gap(text, position, start, (cuts, starts, ends), words, spaces)
        for a, b in _pieces(start, end, cuts):
            words.append(text[a:b])
            spaces.append(False)
        position = end
    _gap(text, position, len(text), (cuts, starts, ends), words, spaces)
    return words, spaces


def _pieces(start: int, end: int, cuts: list[int]) -> list[Token]:
    inner = [c for c in cuts if start < c < end]
    edges = [start, *inner, end]
    return list(zip(edges, edges[1:], strict=False))


def _gap(text: str, start: int, end: int, edges: tuple[list[int], set[int], set[int]],
         words: list[str], spaces: list[bool]) -> None:
    if start >= end:
        return
    cuts, starts, ends = edges
    inner = [c for c in cuts if start < c < end]
    # A span that starts on this space, or ends just after it, needs it as a token.
    foldable = start not in starts and start + 1 not in ends and start + 1 not in inner
    if words and not spaces[-1] and text[start] == " " and foldable:
        spaces[-1] = True  # one plain space after a word is the word's trailing space
        start += 1
    for a, b in _pieces(start, end, inner):
        if a < b:
            words.append(text[a:b])
            spaces.append(False)
