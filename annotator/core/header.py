"""What the first and last lines of a scraped article tell: claim, headline, dates, byline, outlet.

Scraped files open with site chrome and header lines before the article
(docs/input.md lists the forms): a site banner ("Norrnytt | Senaste nytt"),
breadcrumbs, the headline (sometimes twice), a teaser, a dateline in a local form,
a byline; the tail names the outlet in a copyright line, a "Go to Original –
domain" line or a broadcaster's "how we work" footer. Only the head (up to the
first paragraph-long line) and the last 2,000 characters are read, so a long file
costs no more than a short one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEAD_LINES = 16
"""At most this many non-empty lines are read as the head."""
_PARAGRAPH_CHARS = 160
"""A line this long is article text: the head ends before it."""

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
    "okt": 10, "dez": 12, "des": 12, "mai": 5, "sept": 9, "mär": 3, "maj": 5, "mrz": 3,
}
_PUBLISHED_WORDS = ("publicerad", "publisert", "published", "posted", "veröffentlicht",
                    "publiziert", "erschienen", "first published")
_UPDATED_WORDS = ("uppdaterad", "oppdatert", "updated", "last updated", "aktualisiert",
                  "stand", "endret", "ändrad")
HEADER_WORDS = re.compile(
    r"^\s*(first published|last updated|publicerad|uppdaterad|publisert|oppdatert|published|"
    r"updated|posted|veröffentlicht|publiziert|erschienen|aktualisiert|stand|endret|ändrad)"
    r"\b[:\s]*(am\s+|on\s+|den\s+)?", re.IGNORECASE)
_L = r"A-Za-zÄÖÜäöüÅåæøÆØé"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\.?\s+([{_L}]{{3,10}})\.?,?\s+(\d{{4}})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_MONTH_YEAR = re.compile(rf"\b([{_L}]{{3,10}})\s+(\d{{4}})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DIGIT = re.compile(r"\d")
_DATELINE = re.compile(
    rf"^\s*(\d{{1,2}}\.?\s+[{_L}]{{3,10}}\.?,?\s+\d{{4}}|[A-Za-z]{{3,9}}\.?\s+\d{{1,2}},?\s+"
    r"\d{4}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})\s*(kl\.?\s*[\d.:]+\s*)?([–—|·-]|$)")
"""A line opening with a date, then a dash, a bar or nothing: '15 Nov 2024 – Russian ...',
'18 Feb 2022 | Posted by admin'."""
_SECTION_DATE = re.compile(
    rf"^[^\n]{{0,60}}?[,–—-]\s*(\d{{1,2}}\.?\s+[{_L}]{{3,10}}\.?,?\s+\d{{4}})\s*$")
"""A rubric then a date: 'CONFLICT RESOLUTION - MEDIATION, 18 Nov 2024'."""
_BYLINE = re.compile(
    r"^\s*(av|by|von|tekst|text|skrevet av|skrivet av|written by|reporter)\b[:\s]+"
    r"(?P<name>[^\n,|–]{3,60})", re.IGNORECASE)
_NAME_SOURCE = re.compile(
    r"^(?P<name>[A-ZÅÄÖØÆÜ][\w'’.-]+(?: [A-ZÅÄÖØÆÜ][\w'’.-]+){1,3}) [|–] [^\n]{2,40}$")
_CRUMBS = re.compile(r"[›»>/] *\w")
_BANNER = re.compile(r"^(?P<outlet>[^\n|]{2,40}?)\s+\|\s+(?P<slogan>[^\n|]{3,80})$")
_DASH_BANNER = re.compile(r"^(?P<outlet>[^\n–—|]{2,40}?)\s+[–—]\s+(?P<slogan>[^\n]{3,80})$")
_SLOGAN_SHAPE = re.compile(
    r"(?i)\b(news|nyheter|nytt|nachrichten|journalism|journalistik|journalistikk|every|"
    r"hver|varje|jeden|since|sedan|siden|seit|for hele|för hela|für alle|you can|du kan|"
    r"independent|oberoende|uavhengig|unabhängig|nær deg|nära dig)\b")
"""Words of a site's slogan after its name: 'Riksmedia – for hele landet'."""
_NAME_LINE = re.compile(r"^[A-ZÅÄÖØÆÜ][\w'’&.-]*(?: [A-ZÅÄÖØÆÜ][\w'’&.-]*){0,2}$")
"""A site's name alone on a line: one to three capitalised words, no punctuation at the end."""
_SLOGAN_WORDS = re.compile(
    r"\b(all your news|news you can trust|in one place|latest news|breaking news|"
    r"senaste nytt|dygnet runt|nyheter døgnet|døgnet rundt|siste nytt|nachrichten aus|"
    r"aktuelle nachrichten|your source for|din källa|nyheter fra hele|oberoende röster|"
    r"independent voices|uavhengige stemmer|unabhängige stimmen)\b", re.IGNORECASE)
_CAPTION = re.compile(r"^\s*(foto|photo|bild|bilde|image|illustration)\s*:", re.IGNORECASE)
_URL = re.compile(r"https?://(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})", re.IGNORECASE)
_GO_TO_ORIGINAL = re.compile(
    r"^\s*(go to original|original source|källa|kilde|quelle|source|originally published "
    r"(?:at|by|on)|først publisert (?:hos|på)|publicerades först (?:hos|på))\s*[:–—-]?\s*"
    r"(?P<outlet>[^\n]{2,80}?)\s*$", re.IGNORECASE | re.MULTILINE)
_COPYRIGHT = re.compile(
    r"(?:copyright\s*)?©\s*(?:(?:19|20)\d\d\s+)?(?P<outlet>[^\n.,;©]{2,50}?)"
    r"(?:\s+(?:19|20)\d\d)?\s*[.,;]", re.IGNORECASE)
_HOW_WE_WORK = re.compile(
    r"^\s*(?i:så arbetar|slik jobber|slik arbeider|how|so arbeitet|wie arbeitet)\s+"
    r"(?P<outlet>[A-ZÅÄÖØÆÜ][^\n]{1,40}?)\s+(?:med|arbetar|jobber|works?|with|mit|arbeitet)\b",
    re.MULTILINE)
_ORIGIN_WORDS = ("original", "källa", "kilde", "quelle", "source", "publicerades först",
                 "først publisert")
_HOW_WORDS = ("så arbetar", "slik jobber", "slik arbeider", "how ", "so arbeitet",
              "wie arbeitet")
_WORDS = re.compile(r"[^\W\d_]+")
_SENTENCE_BREAK = re.compile(r"[^\W\d]{2}[.!?] +[^\W\d]")
_QUOTE_OPENERS = "\"'“”„«»‘’–—-"


def date_in_line(line: str) -> str:
    """An ISO date (``YYYY-MM-DD``, or ``YYYY-MM`` when only the month is given) found in a
    header line such as 'Publicerad 1 oktober 2024 kl 15.11'."""
    if not _DIGIT.search(line):
        return ""
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
    if m := _MONTH_YEAR.search(line):
        month = _MONTHS.get(m[1].lower())
        if month and 1900 <= int(m[2]) <= 2100:
            return f"{int(m[2]):04d}-{month:02d}"
    return ""


@dataclass(frozen=True, slots=True)
class Header:
    """What the first and last lines of a scraped article tell."""

    claim: str
    title: str
    published: str
    """The publication date (or, lacking one, the last update) as an ISO date or month."""
    body: str
    updated: str = ""
    byline: str = ""
    outlet: str = ""
    """The outlet the text names (banner, footer, 'Go to Original' line or URL), or ''."""
    header_lines: tuple[str, ...] = ()
    """The lines read as headline, dateline or byline (never boilerplate)."""


def _words(line: str) -> list[str]:
    return _WORDS.findall(line)


_MINOR_WORDS = frozenset("the and for but nor yet via per from with into onto over".split())


def is_title_cased(line: str) -> bool:
    """'Putin Meets Xi in Beijing': every word of three letters or more capitalised but
    the few that title case leaves small."""
    words = [w for w in _words(line) if len(w) >= 3 and w.lower() not in _MINOR_WORDS]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def looks_like_headline(line: str, head: list[str]) -> bool:
    """A headline is never a claim: repeated in the head, title-cased, or ending in ! or ?."""
    stripped = line.strip()
    return (stripped.endswith(("!", "?")) or is_title_cased(stripped)
            or sum(1 for other in head if other.strip() == stripped) > 1)


def _is_claim_line(first: str, rest: list[str]) -> bool:
    """A one-line claim: one short factual sentence, then a blank line, then the article."""
    if not rest or rest[0].strip() or len(first) > 240 or not first.rstrip().endswith("."):
        return False
    if first[:1] in _QUOTE_OPENERS or any(ord(c) > 0xFFFF for c in first):
        return False  # a quoted teaser or a social-media post, not a claim to check
    if (HEADER_WORDS.match(first) or date_in_line(first) == first.strip() or _BANNER.match(first)
            or _SLOGAN_WORDS.search(first) or len(_words(first)) < 3
            or looks_like_headline(first, [first, *rest[:HEAD_LINES]])):
        return False
    remaining = [line for line in rest if line.strip()]
    return len(remaining) >= 3 and not _SENTENCE_BREAK.search(first)


def _head(body: str) -> list[str]:
    """The non-empty lines before the first paragraph-long one (at most HEAD_LINES)."""
    out: list[str] = []
    for line in body[:3000].split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if len(stripped) >= _PARAGRAPH_CHARS or len(out) >= HEAD_LINES:
            break
        out.append(stripped)
    return out


def _date_kind(line: str) -> tuple[str, str]:
    """('published' | 'updated', date) for a dateline, or ('', '')."""
    if m := HEADER_WORDS.match(line):
        word = m.group(1).lower()
        found = date_in_line(line)
        if found:
            return ("updated" if word in _UPDATED_WORDS else "published"), found
        return "", ""
    if len(line) < 40 or _DATELINE.match(line) or _SECTION_DATE.match(line):
        found = date_in_line(line)
        if found and (len(line) < 40 or _DATELINE.match(line) or _SECTION_DATE.match(line)):
            return "published", found
    return "", ""


def banner_outlet(line: str) -> str:
    """The outlet of a site banner ('Norrnytt | Senaste nytt', 'Klarsyn – Oberoende
    röster', 'EuroDesk Daily — Europe's news, every hour'), or ''."""
    if m := _BANNER.match(line):
        return m.group("outlet").strip()
    if (m := _DASH_BANNER.match(line)) and (
            _SLOGAN_WORDS.search(m.group("slogan"))
            or (is_name_line(m.group("outlet")) and _SLOGAN_SHAPE.search(m.group("slogan")))):
        return m.group("outlet").strip()
    return ""


def is_navigation(line: str) -> bool:
    """A menu bar: 'Hem | Om oss | Kontakt', 'Nyheter  Debatt  Kultur  Sport'."""
    return line.count("|") >= 2 or (line.count("  ") >= 2 and len(_words(line)) <= 12
                                    and not line.endswith((".", "!", "?")))


def is_slogan(line: str) -> bool:
    return bool(_SLOGAN_WORDS.search(line))


def is_name_line(line: str) -> bool:
    """A site's name alone on a line ('Hanseatische Zeitung')."""
    return bool(_NAME_LINE.match(line)) and not _MONTH_YEAR.search(line)


def _is_chrome(line: str) -> bool:
    """Banner, breadcrumbs, slogan, caption or a short label: never the headline."""
    if banner_outlet(line) or _SLOGAN_WORDS.search(line) or _CAPTION.match(line) \
            or is_navigation(line):
        return True
    if _URL.search(line) or _GO_TO_ORIGINAL.match(line):
        return True
    words = _words(line)
    if len(words) < 2 and not line.endswith(("!", "?")):
        return True  # a label ("Details", "Quellen"), not a headline
    return len(_CRUMBS.findall(line)) >= 2 and len(words) <= 8


def _byline(line: str) -> str:
    if m := _BYLINE.match(line):
        return m.group("name").strip()
    if (m := _NAME_SOURCE.match(line)) and len(line) < 70:
        return m.group("name").strip()
    return ""


def outlet_named(text: str, head: list[str], name_line: str = "") -> str:
    """The outlet a text names: a banner, a 'Go to Original' line, a copyright or a
    "how we work" footer, or the domain of a URL; '' when it names none."""
    for line in head[:3]:
        if found := banner_outlet(line):
            return found
    tail = text[-2000:]
    low = tail.lower()  # cheap tests first: each expression scans the whole tail
    if any(word in low for word in _ORIGIN_WORDS) and (m := _GO_TO_ORIGINAL.search(tail)):
        found = m.group("outlet").strip()
        url = _URL.search(found)
        return url.group(1).lower() if url else found
    m = (_HOW_WE_WORK.search(tail) if any(w in low for w in _HOW_WORDS) else None) or (
        _COPYRIGHT.search(tail) if "©" in tail else None)
    if m:
        return m.group("outlet").strip()
    for line in reversed(tail.rsplit("\n", 3)[1:]):  # a banner closing the page
        if found := banner_outlet(line.strip()):
            return found
    return _domain([*head, tail]) or name_line


def _domain(texts: list[str]) -> str:
    for line in texts:
        if url := _URL.search(line):
            return url.group(1).lower()
    return ""


def _read_head(head: list[str]) -> dict[str, str]:
    """Dates, byline, headline and teaser among the head lines; ``lines``: those read as
    dateline or byline, joined by newlines."""
    out = dict.fromkeys(("published", "updated", "byline", "title", "teaser", "name"), "")
    header_lines: list[str] = []
    seen: set[str] = set()
    for line in head:
        kind, found = _date_kind(line)
        if kind:
            header_lines.append(line)
            out[kind] = out[kind] or found
            continue
        if not out["title"] and banner_outlet(line):
            continue  # a site banner above the headline ("Outlet | slogan")
        if not out["byline"] and (name := _byline(line)):
            out["byline"] = name
            header_lines.append(line)
            continue
        if not out["name"] and line not in seen and is_name_line(line) and (
                out["title"] or len(head) > 2):
            out["name"] = line  # the site's name alone on a line
            continue
        if _is_chrome(line) or line in seen:
            continue
        seen.add(line)
        title = out["title"]
        if not title:
            out["title"] = line
        elif not out["teaser"] and line.endswith(".") and not title.endswith("."):
            out["teaser"] = line
        elif not out["teaser"] and title.endswith(".") and not line.endswith("."):
            out["teaser"], out["title"] = title, line  # a teaser line above the headline
    if not out["title"] and out["name"]:  # the only candidate: a short headline after all
        out["title"], out["name"] = out["name"], ""
    out["lines"] = "\n".join(header_lines)
    return out


def parse_header(text: str) -> Header:
    """Split off a leading claim line and read headline, dates, byline and outlet.

    The claim line is removed from the stored body (it is shown apart); the header
    lines stay in the body, because annotators may mark spans in them.
    """
    lines = text[:3000].split("\n")
    claim = ""
    body = text
    if len(lines) > 2 and _is_claim_line(lines[0].strip(), lines[1:]):
        claim = lines[0].strip()
        body = text[len(lines[0]):].lstrip("\n \t")
    head = _head(body)
    read = _read_head(head)
    published, updated = read["published"], read["updated"]
    title = read["title"]
    if not published:  # a dateline opening the first paragraph: '15 Nov 2024 – Russian ...'
        first = next((line for line in body[:3000].split("\n")
                      if len(line.strip()) >= _PARAGRAPH_CHARS), "")
        if first and _DATELINE.match(first):
            published = date_in_line(first[:40])
    if not title:
        title = next((line for line in head), "")
    return Header(claim=claim, title=title[:300], published=published or updated,
                  body=body, updated=updated, byline=read["byline"],
                  outlet=outlet_named(body, head, read["name"]),
                  header_lines=(*read["lines"].split("\n"), title))
