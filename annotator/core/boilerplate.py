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
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence

from annotator.core.header import banner_outlet, is_name_line, is_slogan

Range = tuple[int, int]

_AT_START = (
    # share buttons
    r"(dela|del|share|teilen)( artikeln| artikkelen| this article| this| den artikel)?\s*:?"
    r".{0,20}\b(facebook|twitter|x|whatsapp|linkedin|e-?post|e-?mail)\b",
    r"(facebook|twitter|x|whatsapp|linkedin)( \| | · |, | )(facebook|twitter|x|whatsapp|"
    r"linkedin|e-?post|e-?mail|skriv ut|print)",
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
    # bulleted teaser lists, captions
    r"[•·▪►] ",
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
_ANYWHERE = (  # searched in the lower-cased line: no IGNORECASE, no leading \b (both slow)
    r"(för att läsa (hela|vidare)|for å lese (videre|hele)|und weiterlesen|"
    r"to read (the full|this|more)|first month for|första månaden|første måned|"
    r"cancel anytime)",
    r"(all rights reserved|alle rechte vorbehalten|allt material är skyddat|"
    r"fair use|åndsverkloven|upphovsrätt|ohne gewähr)",
    r"(newsletter|nyhetsbrev|cookies|annonse|anzeige|advertisement)",
    # where the text came from: 'Texten publicerades först hos ...', automatic feeds
    r"(publicerades (först|automatiskt)|først publisert|ble først publisert|"
    r"first (published|appeared) (on|in|at|by)|originally appeared|erschien zuerst|"
    r"automatically (published|generated)|automatisk publisert|automatisch erstellt)",
    # a teaser with a paywall marker: '... miljonbelopp.0 Plus', '... (Abo)'
    r"(\((plus|\+|premium|abo|pluss|subscriber)\)| plus| \+)$",
)
_RULE_START = re.compile("(?:" + "|".join(_AT_START) + ")", re.IGNORECASE)
_RULE_ANYWHERE = re.compile("|".join(_ANYWHERE))
_NOTICE_NEEDLES = ("©", "copyright", "all rights", "rechte vorbehalten", "fair use",
                   "allt material", "åndsverk", "upphovsrätt")
_LONG_LINE = re.compile(r"^[^\n]{160,}", re.MULTILINE)
_RULE_MAX_CHARS = 160
"""Longer lines are article text unless they open as a notice (copyright, fair use)."""
_NOTICE_MAX_CHARS = 800
_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_CRUMB = re.compile(r"[›»>] *\w")
_SENTENCE_END = (".", "!", "?", ":", "”", "\"", "»", "’")
_PARAGRAPH_CHARS = 160
REPEAT_MIN_DOCUMENTS = 3
"""A line in at least this many documents of a batch is boilerplate (when it may be)."""
_REPEAT_MAX_CHARS = 400


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


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, line) of every line."""
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        yield pos, end, line
        pos = end + 1


def _zone(text: str) -> tuple[int, int]:
    """Where the first paragraph-long line starts and the last one ends."""
    first = _LONG_LINE.search(text)
    if first is None:
        return len(text), len(text)
    last = text.rfind("\n", 0, len(text))
    end = len(text)
    while last >= 0 and end - last - 1 < _PARAGRAPH_CHARS:  # walk back over short lines
        end = last
        last = text.rfind("\n", 0, last)
    return first.start(), end


def is_rule_line(line: str) -> bool:
    """Whether a stripped line is chrome by its own words (a prompt, a button, a notice)."""
    if len(line) > _NOTICE_MAX_CHARS:
        return False
    if len(line) > _RULE_MAX_CHARS:  # a paragraph, unless it is a notice
        low = line[:300].lower()
        return any(needle in low for needle in _NOTICE_NEEDLES)
    return bool(_RULE_START.match(line) or _RULE_ANYWHERE.search(line.lower()))


def segment(text: str, protected: Iterable[str] = ()) -> tuple[Range, ...]:
    """The boilerplate ranges of one text, from its own lines (no other document).

    Lines equal to one of ``protected`` (the headline, datelines, the byline) are never
    boilerplate.
    """
    keep = {line for line in protected if line}
    head_end, tail_start = _zone(text)
    found: list[Range] = []
    for start, end, raw in _lines(text):
        line = raw.strip()
        if not line or line in keep:
            continue
        if is_rule_line(line):
            found.append((start + _lead(raw), end))
        elif end <= head_end and (banner_outlet(line) or is_slogan(line) or is_name_line(line)
                                  or len(_CRUMB.findall(line)) >= 2):
            found.append((start + _lead(raw), end))
        elif start >= tail_start and len(line) < 60 and not line.endswith(".") \
                and len(_WORD.findall(line)) <= 8:
            found.append((start + _lead(raw), end))  # labels and buttons after the article
    return merge(found, text)


def _lead(line: str) -> int:
    """Leading blanks of a line are not part of its range."""
    return len(line) - len(line.lstrip())


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
        self._lines: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        self._base: dict[int, Sequence[Range]] = {}

    def add(self, doc_id: int, text: str, ranges: Sequence[Range],
            protected: Iterable[str] = (), byline: str = "") -> None:
        """Count the candidate lines of one document; ``protected`` lines (the headline)
        and, in the head, lines with a digit (datelines) or the ``byline`` never count."""
        keep = {line for line in protected if line}
        head_end, tail_start = _zone(text)
        self._base[doc_id] = ranges
        seen: set[int] = set()
        for start, end, raw in _lines(text):
            line = raw.strip()
            if not line or len(line) > _REPEAT_MAX_CHARS or line in keep:
                continue
            if start >= head_end and end <= tail_start and (
                    len(line) >= 80 or line.endswith(_SENTENCE_END)):
                continue  # a sentence of the body: repeated facts are still article text
            if start < head_end and (_DIGIT.search(line) or (byline and byline in line)):
                continue
            key = hash(line)
            if key not in seen:
                seen.add(key)
                self._counts[key] += 1
            if not covered(ranges, start, end):
                self._lines[doc_id].append((key, start + _lead(raw), end))

    def ranges(self) -> dict[int, tuple[Range, ...]]:
        """Per document id whose boilerplate grows, all its ranges: those it had and its
        lines repeated often enough."""
        out: dict[int, tuple[Range, ...]] = {}
        for doc_id, lines in self._lines.items():
            hits = [(a, b) for key, a, b in lines if self._counts[key] >= self.minimum]
            if hits:
                out[doc_id] = merge([*self._base.get(doc_id, ()), *hits])
        return out
