"""A new codebook version with what an imported file uses and the codebook lacks.

:func:`extended` takes the codebook and :class:`Additions` (new layers, new
attributes of a layer, new document fields, new codes of a vocabulary) and returns
the TOML text of the next version: the old one's content (written anew, so its
comments are not kept) plus the additions, version ``X`` becoming ``X+import.N``.
A new choice field gets a nominal vocabulary of its own named after it, holding
the codes the file used; a new layer gets the first free shortcut key and a grey.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any

from annotator.core.codebook import Codebook, parse_codebook


@dataclass(slots=True)
class Additions:
    """What to add; a ``None`` value set means a free-text field."""

    layers: set[str] = field(default_factory=set)
    attributes: dict[tuple[str, str], set[str] | None] = field(default_factory=dict)
    document_fields: dict[str, set[str] | None] = field(default_factory=dict)
    codes: dict[str, set[str]] = field(default_factory=dict)
    """Vocabulary name -> codes to add to it."""

    def __bool__(self) -> bool:
        return bool(self.layers or self.attributes or self.document_fields or self.codes)

    def merge(self, other: Additions) -> None:
        """Add what ``other`` adds (a field free text in either stays free text)."""
        self.layers |= other.layers
        _merge(self.attributes, other.attributes)
        _merge(self.document_fields, other.document_fields)
        for vocab, new in other.codes.items():
            self.codes.setdefault(vocab, set()).update(new)

    def field(self, where: dict[Any, set[str] | None], key: Any, value: Any) -> None:
        """Note a field and, for a choice, the code it was given."""
        if value is None:
            where.setdefault(key, None)
            return
        seen = where.get(key, set())
        if seen is None:
            return
        seen.update(str(v) for v in (value if isinstance(value, list) else [value]))
        where[key] = seen


def _merge(mine: dict[Any, set[str] | None], theirs: dict[Any, set[str] | None]) -> None:
    for key, codes in theirs.items():
        if codes is None or (key in mine and mine[key] is None):
            mine[key] = None
        else:
            mine[key] = (mine.get(key) or set()) | codes


def _choice(name: str, codes: set[str] | None, vocabularies: dict[str, Any],
            label: str) -> dict[str, Any]:
    if codes is None:
        return {"name": name, "type": "text", "label": label}
    vocab = name if name not in vocabularies else f"{name}_imported"
    vocabularies[vocab] = {"label": label, "kind": "nominal",
                           "values": [{"code": c, "label": c} for c in sorted(codes)]}
    return {"name": name, "type": "choice", "vocabulary": vocab, "label": label}


def extended(book: Codebook, additions: Additions) -> str:
    """The TOML text of ``book`` with ``additions`` (validated by parsing it)."""
    data = tomllib.loads(book.source_text) if book.source_text else {}
    head = data.setdefault("codebook", {"name": book.name, "version": book.version})
    base, _, number = str(head.get("version", book.version)).partition("+import.")
    head["version"] = f"{base}+import.{int(number or 0) + 1}"
    vocabularies = data.setdefault("vocabularies", {})
    for vocab, codes in sorted(additions.codes.items()):
        values = vocabularies[vocab].setdefault("values", [])
        known = {v.get("code") for v in values}
        values += [{"code": c, "label": c} for c in sorted(codes - known)]
    layers = data.setdefault("layers", [])
    used = {str(layer.get("key", "")).upper() for layer in layers}
    for name in sorted(additions.layers):
        key = next(k for k in (*name.upper(), *"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                   if k.isalnum() and k not in used)
        used.add(key)
        layers.append({"name": name, "label": name.title(), "color": "#7f7f7f", "key": key,
                       "description": "Added on import: a label the file used."})
    by_name = {layer["name"]: layer for layer in layers}
    for (layer, name), chosen in sorted(additions.attributes.items()):
        by_name[layer].setdefault("attributes", []).append(
            _choice(name, chosen, vocabularies, name.replace("_", " ").capitalize()))
    document = data.setdefault("document", {})
    for name, chosen in sorted(additions.document_fields.items()):
        document.setdefault("fields", []).append(
            _choice(name, chosen, vocabularies, name.replace("_", " ").capitalize()))
    text = dump_toml(data)
    parse_codebook(text, "the extended codebook")
    return text


# ------------------------------------------------------------------------ TOML

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(name: str) -> str:
    return name if _BARE.match(name) else json.dumps(name, ensure_ascii=False)


def _value(value: Any) -> str:
    """A value as TOML (strings as basic strings, tables inline)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def dump_toml(data: dict[str, Any]) -> str:
    """TOML for parsed codebook data: tables and arrays of tables at the top, the rest
    inline (what :func:`tomllib.loads` reads back to ``data``)."""
    lines: list[str] = []

    def table(path: str, content: dict[str, Any]) -> None:
        plain = {k: v for k, v in content.items() if not isinstance(v, dict)}
        nested = {k: v for k, v in content.items() if isinstance(v, dict)}
        lines.append(f"[{path}]")
        lines.extend(f"{_key(k)} = {_value(v)}" for k, v in plain.items())
        lines.append("")
        for k, v in nested.items():
            table(f"{path}.{_key(k)}", v)

    for name, value in data.items():
        if isinstance(value, dict):
            table(_key(name), value)
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for item in value:
                lines.append(f"[[{_key(name)}]]")
                lines.extend(f"{_key(k)} = {_value(v)}" for k, v in item.items())
                lines.append("")
        else:
            lines.insert(0, f"{_key(name)} = {_value(value)}")
    return "\n".join(lines) + "\n"
