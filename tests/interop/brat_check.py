"""A checker for brat standoff files: the constraints brat's documentation states.

brat's format (brat standoff, annotation.conf) as its documentation describes it,
checked line by line:

- ids are unique, one letter prefix and a number (``#`` for notes);
- ``T``: ``TYPE START END[;START END...]`` then the covered text, the fragments'
  texts joined by one space; offsets are inside the text and ordered; the type
  is an entity of annotation.conf, or an event type when an event uses it as trigger;
- ``E``: ``TYPE:TRIGGER ROLE:ID ...``; the trigger is a ``T`` of the same type, an
  event type of annotation.conf; every role (a repeated role carries a number,
  ``Demand2``) is declared for the event, points to an existing ``T`` or ``E`` of
  an allowed type, and the cardinality marks hold (``?`` at most one, none exactly
  one, ``+`` at least one, ``*`` any; roles count without their number);
- ``A``: ``NAME ID [VALUE]``; the attribute is declared for the target's type; a
  binary one has no value, a valued one a value from its list;
- ``R``: ``TYPE Arg1:ID Arg2:ID``, declared in ``[relations]``;
- ``N``: ``Reference ID DB:DBID`` then the text; the referenced database and id are
  word characters only (what stricter third-party parsers accept);
- ``#``: ``AnnotatorNotes ID`` then the note;
- only events refer to a trigger (brat's ``TriggerReferenceError``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_ID = re.compile(r"^(?:[TEARNM]\d+|#\d+|\*)$")
_WORD = re.compile(r"^\w+$", re.ASCII)


@dataclass
class Conf:
    entities: set[str] = field(default_factory=set)
    relations: set[str] = field(default_factory=set)
    events: dict[str, dict[str, tuple[str, set[str]]]] = field(default_factory=dict)
    """event type -> role -> (cardinality mark, allowed argument types)."""
    attributes: dict[str, tuple[set[str], list[str] | None]] = field(default_factory=dict)
    """attribute -> (types it applies to, values or None for binary)."""


def parse_conf(text: str) -> Conf:
    """annotation.conf; raises AssertionError for anything brat would not read."""
    conf = Conf()
    section = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("<") else raw.rstrip()
        if not line.strip():
            continue
        if line.startswith("["):
            section = line.strip("[]")
            assert section in ("entities", "relations", "events", "attributes"), \
                f"annotation.conf line {number}: unknown section {line}"
            continue
        name, _, rest = line.partition("\t")
        assert name and " " not in name, f"annotation.conf line {number}: bad type {name!r}"
        if section == "entities":
            assert not rest, f"annotation.conf line {number}: entities take no arguments"
            conf.entities.add(name.strip())
        elif section == "relations":
            conf.relations.add(name)
        elif section == "events":
            roles: dict[str, tuple[str, set[str]]] = {}
            for part in filter(None, (p.strip() for p in rest.split(","))):
                role, _, types = part.partition(":")
                mark = role[-1] if role[-1] in "?*+" else ""
                roles[role.rstrip("?*+")] = (mark, set(types.split("|")))
            conf.events[name] = roles
        elif section == "attributes":
            args = dict(p.strip().split(":", 1) for p in rest.split(","))
            assert "Arg" in args, f"annotation.conf line {number}: attribute without Arg"
            values = args["Value"].split("|") if "Value" in args else None
            conf.attributes[name] = (set(args["Arg"].split("|")), values)
        else:
            raise AssertionError(f"annotation.conf line {number}: outside any section")
    overlap = conf.entities & set(conf.events)
    assert not overlap, f"types both entity and event: {overlap}"
    return conf


def _type_matches(kind: str, allowed: set[str], conf: Conf) -> bool:
    if kind in allowed:
        return True
    return ("<ENTITY>" in allowed and kind in conf.entities) or \
        ("<EVENT>" in allowed and kind in conf.events)


class _Document:
    """The lines of one .ann, read in two passes (ids first, references then)."""

    def __init__(self, conf: Conf) -> None:
        self.conf = conf
        self.types: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        self.events: dict[str, tuple[str, str, list[tuple[str, str]]]] = {}
        self.refs: list[tuple[str, str]] = []
        """(referencing id, referenced id) of the lines that are not events."""
        self.problems: list[str] = []

    def first_pass(self, where: str, ident: str, body: str, tail: str | None,
                   text: str) -> bool:
        """T and E lines; False for a line left to :meth:`second_pass`."""
        if ident[0] == "T":
            self.problems += _check_t(where, ident, body, tail, text, self.types)
        elif ident[0] == "E":
            type_trigger, *args = body.split(" ")
            kind, _, trigger = type_trigger.partition(":")
            pairs = [tuple(a.split(":", 1)) for a in args]
            if not trigger or any(len(p) != 2 for p in pairs):
                self.problems.append(f"{where}: event needs TYPE:TRIGGER and ROLE:ID arguments")
            else:
                self.types[ident] = kind
                self.events[ident] = (kind, trigger, [(p[0], p[1]) for p in pairs])
        else:
            return False
        return True

    def second_pass(self, where: str, ident: str, body: str, tail: str) -> None:
        fields = body.split(" ")
        checks = {"A": self._attribute, "M": self._attribute, "R": self._relation,
                  "N": self._normalisation, "#": self._note}
        if ident[0] in checks:
            problem = checks[ident[0]](ident, fields, tail)
            if problem:
                self.problems.append(f"{where}: {problem}")
        elif ident != "*":
            self.problems.append(f"{where}: unknown line kind {ident}")

    def _attribute(self, ident: str, fields: list[str], _tail: str) -> str:
        if len(fields) not in (2, 3):
            return "attribute needs NAME ID [VALUE]"
        name, target = fields[0], fields[1]
        self.refs.append((ident, target))
        if name not in self.conf.attributes:
            return f"attribute {name} is not in annotation.conf"
        allowed, values = self.conf.attributes[name]
        if target in self.types and not _type_matches(self.types[target], allowed, self.conf):
            return f"{name} does not apply to {self.types[target]}"
        if values is None and len(fields) == 3:
            return f"binary attribute {name} has a value"
        if values is not None and (len(fields) == 2 or fields[2] not in values):
            return f"{name} value not one of {values}"
        return ""

    def _relation(self, ident: str, fields: list[str], _tail: str) -> str:
        if len(fields) != 3 or not all(f.startswith(("Arg1:", "Arg2:")) for f in fields[1:]):
            return "relation needs TYPE Arg1:ID Arg2:ID"
        self.refs.extend((ident, f.split(":", 1)[1]) for f in fields[1:])
        return "" if fields[0] in self.conf.relations else f"relation {fields[0]} undeclared"

    def _normalisation(self, ident: str, fields: list[str], _tail: str) -> str:
        if len(fields) != 3 or fields[0] != "Reference" or ":" not in fields[2]:
            return "normalisation needs Reference ID DB:DBID"
        self.refs.append((ident, fields[1]))
        db, _, dbid = fields[2].partition(":")
        if not (_WORD.match(db) and _WORD.match(dbid)):
            return f"normalisation {fields[2]} is not word characters only"
        return ""

    def _note(self, ident: str, fields: list[str], _tail: str) -> str:
        if len(fields) != 2 or fields[0] != "AnnotatorNotes":
            return "note needs AnnotatorNotes ID"
        self.refs.append((ident, fields[1]))
        return ""

    def check_events(self) -> None:
        triggers = {trigger for _kind, trigger, _args in self.events.values()}
        for eid, (kind, trigger, args) in self.events.items():
            self.problems += self._event(eid, kind, trigger, args)
        for tid, kind in self.types.items():
            if self.kinds.get(tid) == "T" and kind not in self.conf.entities \
                    and kind not in self.conf.events:
                self.problems.append(f"{tid}: type {kind} is not in annotation.conf")
        for source, target in self.refs:
            if target not in self.kinds:
                self.problems.append(f"{source}: refers to undefined {target}")
            elif target in triggers:
                self.problems.append(f"{source}: refers to trigger {target} (only events may)")

    def _event(self, eid: str, kind: str, trigger: str, args: list[tuple[str, str]]
               ) -> list[str]:
        if kind not in self.conf.events:
            return [f"{eid}: event type {kind} is not in annotation.conf"]
        problems = []
        if self.kinds.get(trigger) != "T" or self.types.get(trigger) != kind:
            problems.append(f"{eid}: trigger {trigger} is not a T of type {kind}")
        counts: dict[str, int] = {}
        roles = self.conf.events[kind]
        for role, target in args:
            base = role.rstrip("0123456789")
            counts[base] = counts.get(base, 0) + 1
            if base not in roles:
                problems.append(f"{eid}: role {role} is not declared for {kind}")
            elif target not in self.types:
                problems.append(f"{eid}: {role} refers to undefined {target}")
            elif not _type_matches(self.types[target], roles[base][1], self.conf):
                problems.append(f"{eid}: {role} cannot be a {self.types[target]}")
        for base, (mark, _types) in roles.items():
            seen = counts.get(base, 0)
            if (mark == "?" and seen > 1) or (mark == "" and seen != 1) or \
                    (mark == "+" and not seen):
                problems.append(f"{eid}: role {base}{mark} appears {seen} times")
        return problems


def check_document(ann_text: str, text: str, conf: Conf) -> list[str]:
    """Every violation of the documented constraints in one .ann (empty: valid)."""
    doc = _Document(conf)
    later: list[tuple[str, str, str, str]] = []
    for number, line in enumerate(ann_text.split("\n"), start=1):
        if not line:
            continue
        where = f"line {number}"
        parts = line.split("\t")
        ident = parts[0]
        if not _ID.match(ident):
            doc.problems.append(f"{where}: bad id {ident!r}")
            continue
        if ident in doc.kinds:
            doc.problems.append(f"{where}: duplicate id {ident}")
        doc.kinds[ident] = ident[0]
        body = parts[1] if len(parts) > 1 else ""
        tail = parts[2] if len(parts) > 2 else None
        if not doc.first_pass(where, ident, body, tail, text):
            later.append((where, ident, body, tail or ""))
    for where, ident, body, tail in later:
        doc.second_pass(where, ident, body, tail)
    doc.check_events()
    return doc.problems


def _check_t(where: str, ident: str, body: str, tail: str | None, text: str,
             types: dict[str, str]) -> list[str]:
    kind, _, offsets = body.partition(" ")
    try:
        pieces = [tuple(int(x) for x in p.split(" ")) for p in offsets.split(";")]
    except ValueError:
        return [f"{where}: offsets {offsets!r} are not START END pairs"]
    if any(len(p) != 2 for p in pieces):
        return [f"{where}: offsets {offsets!r} are not START END pairs"]
    problems = []
    previous = 0
    for start, end in pieces:
        if not (previous <= start <= end <= len(text)):
            problems.append(f"{where}: fragment {start} {end} out of order or outside the text")
        previous = end
    shown = " ".join(text[a:b] for a, b in pieces)
    if tail is None or tail != shown:
        problems.append(f"{where}: text {tail!r} is not the fragments' text {shown!r}")
    types[ident] = kind
    return problems


def check_folder(root: Path) -> dict[str, list[str]]:
    """Every .ann under ``root`` against the annotation.conf at ``root``: path -> problems."""
    conf = parse_conf((root / "annotation.conf").read_text(encoding="utf-8"))
    out: dict[str, list[str]] = {}
    for ann in sorted(root.rglob("*.ann")):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        problems = check_document(ann.read_text(encoding="utf-8"), text, conf)
        if problems:
            out[str(ann.relative_to(root))] = problems
    return out
