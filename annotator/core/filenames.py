"""File names made from data (annotator and project names): safe, and never shared by two.

Annotator names may hold spaces, dots, apostrophes and any letters; file systems
fold case (macOS, Windows), refuse some names (``CON``, ``..``) and some
characters. :func:`safe_stem` makes one name usable as a file or folder name;
:func:`unique_stems` does it for a set of names at once so that two names that
would meet in one file (``x y`` and ``x_y``, ``Alice`` and ``alice``) get
distinct stems, chosen deterministically, and says which were changed.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

_UNSAFE = re.compile(r"[^\w.@-]+")
_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                       *(f"lpt{i}" for i in range(10))})
MAX_STEM = 64


def safe_stem(name: str, fallback: str = "unnamed") -> str:
    """``name`` as a file-name stem: letters, digits and ``_ . @ -`` only, never starting
    or ending with a dot (so never ``..``), never empty, never a name Windows reserves,
    at most :data:`MAX_STEM` characters."""
    text = unicodedata.normalize("NFKC", name)
    stem = _UNSAFE.sub("_", text).strip("._-")[:MAX_STEM].strip("._-")
    if not stem:
        return fallback
    return f"_{stem}" if stem.split(".")[0].casefold() in _RESERVED else stem


@dataclass(frozen=True, slots=True)
class Stems:
    """The stem of each name, and the names whose plain stem another name shared."""

    of: dict[str, str]
    renamed: dict[str, str] = field(default_factory=dict)

    def warnings(self, what: str) -> list[str]:
        """One line naming each disambiguated name (empty when none was)."""
        if not self.renamed:
            return []
        pairs = ", ".join(f"{name!r} as {stem}" for name, stem in sorted(self.renamed.items()))
        return [f"{what} names that map to the same file name were written apart: {pairs}"]


def unique_stems(names: Iterable[str], fallback: str = "unnamed",
                 reserved: Iterable[str] = ()) -> Stems:
    """A distinct stem for each of ``names`` (compared without case), none of them one of
    the ``reserved`` file names beside them.

    A name whose safe stem no other name shares keeps it; the names of a group
    sharing one each get the stem plus eight hex digits of the name's SHA-256,
    so the result does not depend on the order of ``names``.
    """
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for name in dict.fromkeys(names):
        groups[safe_stem(name, fallback).casefold()].append(name)
    of: dict[str, str] = {}
    renamed: dict[str, str] = {}
    for members in groups.values():
        if len(members) == 1:
            of[members[0]] = safe_stem(members[0], fallback)
            continue
        for name in members:
            digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
            of[name] = renamed[name] = f"{safe_stem(name, fallback)[:MAX_STEM - 9]}-{digest}"
    taken = {name.casefold() for name in reserved}
    for name, stem in sorted(of.items()):
        candidate, number = stem, 1
        while candidate.casefold() in taken:  # a real name like a disambiguated one
            number += 1
            candidate = of[name] = renamed[name] = f"{stem}-{number}"
        taken.add(candidate.casefold())
    return Stems(of, renamed)
