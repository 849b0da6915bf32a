"""The REFI-QDA project rules (QDA-XML 1.0, project.qde) that our .qdpx relies on, as a checker.

The REFI-QDA standard publishes the project format as an XML schema; this module
restates the part of it that annotator writes and reads, element by element:
which children an element may have and in which order, how often, which
attributes it needs and what their values look like (GUIDs, colours, booleans,
integers, date-times, variable types). ``problems(root)`` lists every breach
with its element path; an empty list means the project follows these rules.
Elements of the standard that annotator never writes (cases, sets, links,
graphs, pictures, audio, video, PDF) are accepted where the standard allows
them, without looking inside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

NS = "urn:QDA-XML:project:1.0"
UNBOUNDED = -1

_GUID = re.compile(r"\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                   r"[0-9a-fA-F]{12}\}?")
_RGB = re.compile(r"#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})")
_DATETIME = re.compile(r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?")
_DATE = re.compile(r"-?\d{4,}-\d\d-\d\d(?:Z|[+-]\d\d:\d\d)?")
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
VARIABLE_TYPES = ("Text", "Boolean", "Integer", "Float", "Date", "DateTime")


def _guid(value: str) -> bool:
    # a braced GUID must close its brace and an unbraced one must not have one
    return bool(_GUID.fullmatch(value)) and value.startswith("{") == value.endswith("}")


VALUE_CHECKS = {
    "guid": _guid,
    "rgb": lambda v: bool(_RGB.fullmatch(v)),
    "boolean": lambda v: v in ("true", "false", "1", "0"),
    "integer": lambda v: bool(_INTEGER.fullmatch(v)),
    "decimal": lambda v: bool(_DECIMAL.fullmatch(v)),
    "datetime": lambda v: bool(_DATETIME.fullmatch(v)),
    "date": lambda v: bool(_DATE.fullmatch(v)),
    "variable type": lambda v: v in VARIABLE_TYPES,
    "text": lambda v: True,
}


@dataclass(frozen=True)
class Child:
    tag: str
    rule: str
    """The rule the child follows (a key of RULES), or "text" for character content."""
    least: int = 0
    most: int = 1


@dataclass(frozen=True)
class Rule:
    children: tuple[Child, ...] = ()
    """In the order the standard requires (a sequence)."""
    required: dict[str, str] = field(default_factory=dict)
    optional: dict[str, str] = field(default_factory=dict)
    any_order: bool = False
    """The children form a repeated choice instead of a sequence (Sources)."""
    opaque: bool = False
    """Accepted without looking inside (parts annotator never writes)."""
    value_choice: bool = False
    """VariableValue: a VariableRef, then at most one typed value element."""


def _c(tag: str, rule: str, least: int = 0, most: int = 1) -> Child:
    return Child(tag, rule, least, most)


_STAMPS = {"creatingUser": "guid", "creationDateTime": "datetime",
           "modifyingUser": "guid", "modifiedDateTime": "datetime"}
_REF = Rule(required={"targetGUID": "guid"})
_TEXT_SOURCE = Rule(
    children=(_c("Description", "text"), _c("PlainTextContent", "text"),
              _c("PlainTextSelection", "PlainTextSelection", 0, UNBOUNDED),
              _c("Coding", "Coding", 0, UNBOUNDED), _c("NoteRef", "Ref", 0, UNBOUNDED),
              _c("VariableValue", "VariableValue", 0, UNBOUNDED)),
    required={"guid": "guid"},
    optional={"name": "text", "richTextPath": "text", "plainTextPath": "text", **_STAMPS})

RULES: dict[str, Rule] = {
    "Project": Rule(
        children=(_c("Users", "Users"), _c("CodeBook", "CodeBook"),
                  _c("Variables", "Variables"), _c("Cases", "Opaque"),
                  _c("Sources", "Sources"), _c("Notes", "Notes"), _c("Links", "Opaque"),
                  _c("Sets", "Opaque"), _c("Graphs", "Opaque"), _c("Description", "text"),
                  _c("NoteRef", "Ref", 0, UNBOUNDED)),
        required={"name": "text"},
        optional={"origin": "text", "creatingUserGUID": "guid", "creationDateTime": "datetime",
                  "modifyingUserGUID": "guid", "modifiedDateTime": "datetime",
                  "basePath": "text"}),
    "Users": Rule(children=(_c("User", "User", 1, UNBOUNDED),)),
    "User": Rule(required={"guid": "guid"}, optional={"name": "text", "id": "text"}),
    "CodeBook": Rule(children=(_c("Codes", "Codes", 1, 1),)),
    "Codes": Rule(children=(_c("Code", "Code", 1, UNBOUNDED),)),
    "Code": Rule(
        children=(_c("Description", "text"), _c("NoteRef", "Ref", 0, UNBOUNDED),
                  _c("Code", "Code", 0, UNBOUNDED)),
        required={"guid": "guid", "name": "text", "isCodable": "boolean"},
        optional={"color": "rgb"}),
    "Variables": Rule(children=(_c("Variable", "Variable", 1, UNBOUNDED),)),
    "Variable": Rule(children=(_c("Description", "text"),),
                     required={"guid": "guid", "name": "text",
                               "typeOfVariable": "variable type"}),
    "VariableValue": Rule(value_choice=True),
    "Sources": Rule(
        children=(_c("TextSource", "TextSource"), _c("PictureSource", "Opaque"),
                  _c("PDFSource", "Opaque"), _c("AudioSource", "Opaque"),
                  _c("VideoSource", "Opaque")),
        any_order=True),
    "TextSource": _TEXT_SOURCE,
    "Notes": Rule(children=(_c("Note", "TextSource", 1, UNBOUNDED),)),
    "PlainTextSelection": Rule(
        children=(_c("Description", "text"), _c("Coding", "Coding", 0, UNBOUNDED),
                  _c("NoteRef", "Ref", 0, UNBOUNDED)),
        required={"guid": "guid", "startPosition": "integer", "endPosition": "integer"},
        optional={"name": "text", **_STAMPS}),
    "Coding": Rule(
        children=(_c("CodeRef", "Ref", 1, 1), _c("NoteRef", "Ref", 0, UNBOUNDED)),
        required={"guid": "guid"},
        optional={"creatingUser": "guid", "creationDateTime": "datetime"}),
    "Ref": _REF,
    "Opaque": Rule(opaque=True),
}

_TYPED_VALUES = {"TextValue": "text", "BooleanValue": "boolean", "IntegerValue": "integer",
                 "FloatValue": "decimal", "DateValue": "date", "DateTimeValue": "datetime"}


def _local(element: ET.Element) -> str | None:
    """The element's name in the project namespace (None for a foreign element)."""
    prefix = "{" + NS + "}"
    return element.tag[len(prefix):] if element.tag.startswith(prefix) else None


def problems(root: ET.Element) -> list[str]:
    """Every breach of the rules in the project element ``root``."""
    found: list[str] = []
    if _local(root) != "Project":
        return [f"the root element is {root.tag}, not Project in {NS}"]
    _check(root, RULES["Project"], "Project", found)
    return found


def _check(element: ET.Element, rule: Rule, path: str, found: list[str]) -> None:
    if rule.opaque:
        return
    _attributes(element, rule, path, found)
    children = list(element)
    if rule.value_choice:
        _value(children, path, found)
        return
    if not rule.children and (children or (element.text or "").strip()):
        found.append(f"{path}: may hold nothing")
        return
    names = [_local(child) for child in children]
    for child, name in zip(children, names, strict=True):
        if name is None:
            found.append(f"{path}: {child.tag} is not an element of the project format")
    if rule.any_order:
        allowed = {c.tag: c for c in rule.children}
        for child, name in zip(children, names, strict=True):
            if name is not None and name not in allowed:
                found.append(f"{path}: {name} is not allowed here")
            elif name is not None:
                _child(child, allowed[name], f"{path}/{name}", found)
        return
    _sequence(children, names, rule.children, path, found)


def _sequence(children: list[ET.Element], names: list[str | None], expected: tuple[Child, ...],
              path: str, found: list[str]) -> None:
    at = 0
    for slot in expected:
        count = 0
        while at < len(children) and names[at] == slot.tag and (
                slot.most == UNBOUNDED or count < slot.most):
            _child(children[at], slot, f"{path}/{slot.tag}", found)
            at += 1
            count += 1
        if count < slot.least:
            found.append(f"{path}: needs {slot.least} {slot.tag}, has {count}")
    for name in names[at:]:
        if name is not None:
            found.append(f"{path}: {name} is out of order or not allowed here")


def _child(child: ET.Element, slot: Child, path: str, found: list[str]) -> None:
    if slot.rule == "text":
        if len(child):
            found.append(f"{path}: holds elements where text belongs")
        return
    _check(child, RULES[slot.rule], path, found)


def _attributes(element: ET.Element, rule: Rule, path: str, found: list[str]) -> None:
    for name in rule.required:
        if name not in element.attrib:
            found.append(f"{path}: the {name} attribute is required")
    known = {**rule.required, **rule.optional}
    for name, value in element.attrib.items():
        if name.startswith("{"):
            continue  # attributes of other namespaces (xsi, xml) are allowed
        kind = known.get(name)
        if kind is None:
            found.append(f"{path}: {name} is not an attribute of this element")
        elif not VALUE_CHECKS[kind](value):
            found.append(f"{path}: {name}={value!r} is not a valid {kind}")


def _value(children: list[ET.Element], path: str, found: list[str]) -> None:
    names = [_local(child) for child in children]
    if not names or names[0] != "VariableRef":
        found.append(f"{path}: must start with a VariableRef")
        return
    _check(children[0], _REF, f"{path}/VariableRef", found)
    rest = list(zip(children[1:], names[1:], strict=True))
    if len(rest) > 1:
        found.append(f"{path}: holds more than one value")
    for child, name in rest:
        kind = _TYPED_VALUES.get(name or "")
        if kind is None:
            found.append(f"{path}: {child.tag} is not a value element")
        elif len(child):
            found.append(f"{path}/{name}: holds elements where a value belongs")
        elif not VALUE_CHECKS[kind]((child.text or "").strip()) and kind != "text":
            found.append(f"{path}/{name}: {child.text!r} is not a valid {kind}")
