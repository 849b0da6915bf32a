"""The project's outlet list: recognising a document's outlet, and reading the list from CSV.

An outlet is recognised, in this order, by its name (the outlet a record or the text
names, compared without case), by a domain (of the document's URL, or a domain the text
names, subdomains included), or by a text signature found in the first or last 2,000
characters. The matched outlet's name replaces what was detected, and its default grade
pre-fills the document's ``outlet_reliability`` for each annotator (proposed, until they
confirm or change it).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from annotator.core.models import Outlet, Rejection

GRADES = ("", "A", "B", "C", "D", "E", "F")


class OutletIndex:
    """Outlets by folded name and by domain, for matching many documents."""

    def __init__(self, outlets: Iterable[Outlet]) -> None:
        self.outlets = list(outlets)
        self._names = {o.name.casefold(): o for o in self.outlets}
        self._domains = {d.casefold().removeprefix("www."): o
                         for o in self.outlets for d in o.domains}
        self._signed = [(s, o) for o in self.outlets for s in o.signatures if s]

    def __bool__(self) -> bool:
        return bool(self.outlets)

    def match(self, named: str, url: str = "", text: str = "") -> Outlet | None:
        """The outlet of a document that names ``named`` (detected or given), has ``url``
        and ``text``; None when none of the list fits."""
        if named and (found := self._names.get(named.strip().casefold())):
            return found
        for host in (_host(url), named.strip().casefold()):
            found = self._domain(host)
            if found:
                return found
        if self._signed and text:
            ends = (text[:2000], text[-2000:])
            for signature, outlet in self._signed:
                if any(signature in part for part in ends):
                    return outlet
        return None

    def _domain(self, host: str) -> Outlet | None:
        host = host.removeprefix("www.")
        while host and "." in host:
            if found := self._domains.get(host):
                return found
            host = host.partition(".")[2]
        return None


def _host(url: str) -> str:
    if not url:
        return ""
    try:
        return (urlsplit(url if "//" in url else f"//{url}").hostname or "").casefold()
    except ValueError:
        return ""


def _cells(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split("|") if part.strip())


def read_outlets_csv(raw: str, source: str) -> tuple[list[Outlet], list[Rejection]]:
    """Outlets from CSV text with columns name, domains, signatures, grade (several
    domains or signatures joined by ``|``); the rows that are wrong, by line."""
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    if "name" not in (reader.fieldnames or []):
        return [], [Rejection(source, "the outlet CSV needs a name column (has: "
                              f"{', '.join(reader.fieldnames or [])})")]
    outlets: list[Outlet] = []
    problems: list[Rejection] = []
    for row in reader:
        name = (row.get("name") or "").strip()
        grade = (row.get("grade") or "").strip().upper()
        if not name:
            problems.append(Rejection(source, "empty name", reader.line_num))
        elif grade not in GRADES:
            problems.append(Rejection(source, f"grade {grade!r} is not one of A-F",
                                      reader.line_num))
        else:
            outlets.append(Outlet(name, _cells(row.get("domains") or ""),
                                  _cells(row.get("signatures") or ""), grade))
    return outlets, problems


def grade_of(outlets: Sequence[Outlet], name: str) -> str:
    """The default grade of the outlet called ``name`` ('' when none is listed)."""
    folded = name.casefold()
    return next((o.grade for o in outlets if o.name.casefold() == folded), "")
