"""Site chrome in scraped articles: which character ranges of a text are boilerplate.

The text never changes: boilerplate is a sorted tuple of ``(start, end)`` code-point
ranges into the stored text, each covering whole lines. The signals, each cheap
(one regular-expression scan of the text, or of its head and tail):

- prompt and chrome phrases in Swedish, Norwegian, English and German: share
  buttons, "sign up to read", subscription and log-in prompts, related-article
  headings, teasers with paywall markers ("(Plus)", "(+)", "(Abo)"), photo captions,
  copyright and fair-use notices, comment sections and captchas ("2 × 1 ="),
  "Go to Original" lines, left-over interface labels ("Details", "Quellen");
- position: the site banner and breadcrumbs above the headline, and the run of
  short lines after the last paragraph;
- repetition: a short line (or any line of the head or tail) found in several
  documents of one import is site chrome, whatever its words
  (:class:`RepeatCounter`; ingest recomputes it when a batch arrives).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from annotator.core.header import banner_outlet, is_name_line, is_navigation, is_slogan

Range = tuple[int, int]

_AT_START = (
    # share buttons
    r"(dela|del|share|teilen)( artikeln| artikkelen| this article| this| den artikel)?\s*:?"
    r".{0,20}\b(facebook|twitter|x|whatsapp|linkedin|e-?post|e-?mail)\b",
    r"(facebook|twitter|x|whatsapp|linkedin)( \| | · |, | )(facebook|twitter|x|whatsapp|"
    r"linkedin|e-?post|e-?mail|skriv ut|print)",
    r"(kopiera länk(en)?|kopier lenke(n)?|link kopieren|copy (the )?link)\s*$",
    # sign up / log in / subscribe prompts
    r"(sign up|log in|subscribe|register) (to|for) (read|continue|unlimited|access|get)",
    r"(logga in|bli prenumerant|prenumerera|redan prenumerant|köp prenumeration|"
    r"allerede abonnent|logg inn|kjøp abonnement|bli abonnent|jetzt abonnieren|"
    r"sie haben bereits ein abo|abo abschließen|jetzt registrieren|already a subscriber|"
    r"become a (member|subscriber)|support our journalism|donate)\b",
    # related articles, read more
    r"(mer från|mer om|läs (också|mer|även)|les (også|mer)|related( articles| stories)?|"
    r"read (more|also|next)|more from|mehr zum thema|mehr aus|weitere artikel|"
    r"das könnte sie auch interessieren|you may also like|most read|mest lästa|mest lest)\b",
    # captions
    r"(foto|photo|bild|bilde|image|illustration|grafik|video)\s*:",
    # copyright
    r"(copyright|©|\(c\) \d{4})",
    # comments and captchas
    r"(kommentarer|kommentare|comments?|leave a (comment|reply)|skriv en kommentar|"
    r"skriv kommentar|write a comment|det finns inga kommentarer|ingen kommentarer|"
    r"noch keine kommentare|there are no comments|be the first to comment|"
    r"sicherheitsfrage|captcha)\b",
    r"(\S+: )?\d{1,2}\s*[×x*+−-]\s*\d{1,2}\s*=\s*\S{0,3}$",
    # origin lines
    r"(go to original|originally published (at|by|on))\b",
    # interface labels left over by translating aggregators
    r"(details|quellen|kommentare|teilen|drucken|mehr|tags|share|print|skriv ut)$",
)
_ANYWHERE = (  # literal phrases, searched in the lower-cased line
    # prompts
    "för att läsa hela", "för att läsa vidare", "for å lese videre", "for å lese hele",
    "und weiterlesen", "to read the full", "to read this", "to read more", "first month for",
    "första månaden", "første måned", "cancel anytime",
    # notices
    "all rights reserved", "alle rechte vorbehalten", "allt material är skyddat", "fair use",
    "åndsverkloven", "upphovsrätt", "ohne gewähr",
    "newsletter", "nyhetsbrev", "cookies", "annonse", "anzeige", "advertisement",
    # where the text came from: 'Texten publicerades först hos ...', automatic feeds
    "publicerades först", "publicerades automatiskt", "først publisert", "first published ",
    "first appeared ", "originally appeared", "erschien zuerst", "automatically published",
    "automatically generated", "automatisk publisert", "automatisch erstellt",
)
_PAYWALL_ENDINGS = ("(plus)", "(+)", "(premium)", "(abo)", "(pluss)", "(subscriber)", " plus",
                    " +")
"""A teaser with a paywall marker: '... miljonbelopp.0 Plus', '... (Abo)'."""
_RULE_ANYWHERE = re.compile("|".join(re.escape(phrase) for phrase in _ANYWHERE))
"""One alternation of literals, case-sensitive and without a leading \\b, so that the
engine skips ahead by first character (about 1 µs a line; IGNORECASE is several times
slower)."""
_RULE_START = re.compile("(?:" + "|".join(_AT_START) + ")")
"""Matched against the lower-cased line (IGNORECASE makes every alternative slower)."""
_NOTICE_NEEDLES = ("©", "copyright", "all rights", "rechte vorbehalten", "fair use",
                   "allt material", "åndsverk", "upphovsrätt")
_RULE_MAX_CHARS = 160
"""Longer lines are article text unless they open as a notice (copyright, fair use)."""
_NOTICE_MAX_CHARS = 800
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_CRUMB = re.compile(r"[›»>] *\w")
_BULLETS = ("• ", "· ", "▪ ", "► ")
"""A bulleted line is a teaser list under a related-articles heading or after the article;
a list inside the article is article text."""
_SENTENCE_END = (".", "!", "?", ":", "”", "\"", "»", "’")
_PARAGRAPH_CHARS = 160
REPEAT_MIN_DOCUMENTS = 3
"""A line in at least this many documents of a batch is boilerplate (when it may be)."""
_REPEAT_MAX_CHARS = 400
_LONG_LINE = re.compile(r"^[^\n]{160,}", re.MULTILINE)
_SHORT_LINE = re.compile(r"^[^\n]{1,79}$", re.MULTILINE)
"""A line of the body short enough to be chrome repeated across documents."""


def _tail_start(text: str) -> int:
    """Where the lines after the last paragraph-long line begin."""
    end = len(text)
    cut = text.rfind("\n", 0, end)
    while cut >= 0 and end - cut - 1 < _PARAGRAPH_CHARS:  # walk back over short lines
        end = cut
        cut = text.rfind("\n", 0, cut)
    return end


def _line_spans(text: str, start: int, end: int) -> list[Range]:
    """(start, end) of the non-empty lines of ``text[start:end]`` up to
    :data:`_REPEAT_MAX_CHARS` long."""
    out = []
    pos = start
    for line in text[start:end].split("\n"):
        if 0 < len(line) <= _REPEAT_MAX_CHARS:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def merge(ranges: Iterable[Range], text: str = "") -> tuple[Range, ...]:
    """Sorted, overlapping ranges joined; with ``text``, ranges apart by blank lines only
    are joined too."""
    out: list[list[int]] = []
    for start, end in sorted(ranges):
        if out and (start <= out[-1][1] or (text and not text[out[-1][1]:start].strip())):
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple((a, b) for a, b in out)


def subtract(ranges: Sequence[Range], cut: Range) -> tuple[Range, ...]:
    """``ranges`` without the stretch ``cut`` (marking text as article text)."""
    out: list[Range] = []
    for start, end in ranges:
        if end <= cut[0] or start >= cut[1]:
            out.append((start, end))
            continue
        if start < cut[0]:
            out.append((start, cut[0]))
        if end > cut[1]:
            out.append((cut[1], end))
    return tuple(out)


def covered(ranges: Sequence[Range], start: int, end: int) -> bool:
    """Whether ``start:end`` lies wholly inside one boilerplate range."""
    return any(a <= start and end <= b for a, b in ranges)


def overlaps(ranges: Sequence[Range], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in ranges)


def is_rule_line(line: str) -> bool:
    """Whether a stripped line is chrome by its own words (a prompt, a button, a notice)."""
    if len(line) > _NOTICE_MAX_CHARS:
        return False
    if len(line) >= _RULE_MAX_CHARS:  # a paragraph, unless it is a notice
        low = line[:300].lower()
        return any(needle in low for needle in _NOTICE_NEEDLES)
    low = line.lower()
    return bool(_RULE_START.match(low) or low.endswith(_PAYWALL_ENDINGS)
                or _RULE_ANYWHERE.search(low) is not None)


def segment(text: str, protected: Iterable[str] = ()) -> tuple[Range, ...]:
    """The boilerplate ranges of one text, from its own lines (no other document).

    Lines equal to one of ``protected`` (the headline, datelines, the byline) are never
    boilerplate. Paragraph-long lines are article text unless one of the last two is a
    notice (copyright, fair use): most of a text is read by ``len`` alone.
    """
    keep = {line for line in protected if line}
    lines = text.split("\n")
    longs = [i for i, line in enumerate(lines) if len(line) >= _PARAGRAPH_CHARS]
    first_long, last_long = (longs[0], longs[-1]) if longs else (len(lines), len(lines))
    notices = set(longs[-2:])
    found: list[Range] = []
    pos = 0
    after_chrome = False  # the line before (blank lines aside) was boilerplate
    for index, raw in enumerate(lines):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if not raw:
            continue
        line = raw
        if raw[0].isspace() or raw[-1].isspace():
            line = raw.strip()
            start += len(raw) - len(raw.lstrip())
            end = start + len(line)
        if len(line) >= _PARAGRAPH_CHARS:
            after_chrome = index in notices and is_rule_line(line)
            if after_chrome:
                found.append((start, end))
            continue
        if not line or line in keep:
            after_chrome = False
            continue
        after_chrome = (
            is_rule_line(line) or (index < first_long and _head_chrome(line))
            or (line.startswith(_BULLETS) and (after_chrome or index > last_long))
            or (index > last_long and len(line) < 60 and not line.endswith(".")
                and len(_WORD.findall(line)) <= 8))  # labels and buttons after the article
        if after_chrome:
            found.append((start, end))
    return merge(found, text)


def _head_chrome(line: str) -> bool:
    """Above the article: a banner, a slogan, the site's name, breadcrumbs."""
    return bool(banner_outlet(line) or is_slogan(line) or is_name_line(line)
                or is_navigation(line) or len(_CRUMB.findall(line)) >= 2)


class RepeatCounter:
    """Lines repeated across the documents of one batch: the strongest boilerplate signal.

    :meth:`add` records the candidate lines of a document (short lines anywhere but
    sentences in the body; any line of the head and tail); :meth:`ranges` then gives,
    per document, the ranges of its lines found in at least
    :data:`REPEAT_MIN_DOCUMENTS` documents. Memory is a few integers per candidate
    line; work is one scan of each text.
    """

    def __init__(self, minimum: int = REPEAT_MIN_DOCUMENTS) -> None:
        self.minimum = minimum
        self._counts: Counter[int] = Counter()
        self._lines: dict[int, list[tuple[int, int, int]]] = {}
        self._base: dict[int, Sequence[Range]] = {}

    def add(self, doc_id: int, text: str, ranges: Sequence[Range],
            protected: Iterable[str] = (), byline: str = "") -> None:
        """Count the candidate lines of one document and keep them for :meth:`ranges`."""
        self.remember(doc_id, ranges, self.count(text, ranges, protected, byline))

    def count(self, text: str, ranges: Sequence[Range], protected: Iterable[str] = (),
              byline: str = "") -> list[tuple[int, int, int]]:
        """Count the candidate lines of one document; its candidates outside ``ranges``
        as (key, start, end). ``protected`` lines (the headline) and, in the head, lines
        with a digit (datelines) or the ``byline`` never count.

        Short lines are found by one scan of the text; only the head and the tail are
        split into lines (paragraphs are never looked at one by one).
        """
        keep = {line for line in protected if line}
        first = _LONG_LINE.search(text)
        head_end = first.start() if first else len(text)
        tail_start = _tail_start(text) if first else len(text)
        seen: set[int] = set()
        mine: list[tuple[int, int, int]] = []
        counts = self._counts
        spans = [m.span() for m in _SHORT_LINE.finditer(text, head_end, tail_start)]
        spans += _line_spans(text, 0, head_end) + _line_spans(text, tail_start, len(text))
        for start, end in spans:
            raw = text[start:end]
            line = raw
            if raw[0].isspace() or raw[-1].isspace():
                line = raw.strip()
                start += len(raw) - len(raw.lstrip())
                end = start + len(line)
            if not line or line in keep:
                continue
            if head_end <= start and end <= tail_start and line.endswith(_SENTENCE_END):
                continue  # a sentence of the body: repeated facts are still article text
            if start < head_end and (_DIGIT.search(line) or (byline and byline in line)):
                continue
            key = hash(line)
            if key not in seen:
                seen.add(key)
                counts[key] += 1
            if not covered(ranges, start, end):
                mine.append((key, start, end))
        return mine

    def settle(self, ranges: Sequence[Range], lines: list[tuple[int, int, int]]
               ) -> tuple[tuple[Range, ...], list[tuple[int, int, int]]]:
        """``ranges`` with the ``lines`` already repeated often enough, and the lines
        that are not (yet): an import marks most repeated chrome before it writes a
        document, and only the first documents of a batch need :meth:`ranges` later."""
        minimum, counts = self.minimum, self._counts
        hits = [(a, b) for key, a, b in lines if counts[key] >= minimum]
        if not hits:
            return tuple(ranges), lines
        return merge([*ranges, *hits]), [x for x in lines if counts[x[0]] < minimum]

    def remember(self, doc_id: int, ranges: Sequence[Range],
                 lines: list[tuple[int, int, int]]) -> None:
        """Keep a written document's lines that may still reach the minimum."""
        if lines:
            self._lines[doc_id] = lines
            self._base[doc_id] = ranges

    def ranges(self) -> dict[int, tuple[Range, ...]]:
        """Per document id whose boilerplate grows, all its ranges: those it had and its
        lines repeated often enough."""
        out: dict[int, tuple[Range, ...]] = {}
        for doc_id, lines in self._lines.items():
            hits = [(a, b) for key, a, b in lines if self._counts[key] >= self.minimum]
            if hits:
                out[doc_id] = merge([*self._base.get(doc_id, ()), *hits])
        return out
