"""The codebook: span layers, attributes, the claim frame, document fields and vocabularies.

A codebook is a human-edited TOML file. :func:`load_codebook` parses and
validates it and raises :class:`CodebookError` naming the file, the line and
the reason for anything malformed, so that a typo never reaches a project.
Validation is linear in the size of the codebook (a codebook travels inside
packages and is parsed at every opening), within the limits of
:mod:`annotator.core.limits`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotator.core import limits
from annotator.core.errors import CodebookError
from annotator.resources import codebook_path

ATTRIBUTE_TYPES = ("text", "choice", "ordinal", "date", "actor", "boolean", "spans")
VOCABULARY_KINDS = ("nominal", "ordinal")
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")  # with fullmatch: "$" would let "\n" through
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_TRANSLATED = re.compile(r"(label|definition|description|guideline)_([a-z]{2,3})")
"""A translated text beside its original: ``label_sv``, ``definition_de``, ``guideline_nb``."""

Translations = dict[str, str]
"""Translated texts by ``field.language`` (``label.sv``); empty for an untranslated item."""


def _no_translations() -> Translations:
    return {}


def _in(translations: Translations, key: str, language: str, original: str) -> str:
    return translations.get(f"{key}.{language}", original)


@dataclass(frozen=True, slots=True)
class Guide:
    """What annotators read about a layer, field or code: examples, counter-examples and a
    longer guideline in Markdown (the definition lives beside it, as ``definition`` or
    ``description``)."""

    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    guideline: str = ""

    def __bool__(self) -> bool:
        return bool(self.examples or self.counter_examples or self.guideline)


NO_GUIDE = Guide()


@dataclass(frozen=True, slots=True)
class VocabularyValue:
    code: str
    label: str
    definition: str = ""
    guide: Guide = NO_GUIDE
    translations: Translations = field(default_factory=_no_translations, compare=False,
                                       hash=False)

    def localized(self, language: str) -> VocabularyValue:
        t = self.translations
        return replace(self, label=_in(t, "label", language, self.label),
                       definition=_in(t, "definition", language, self.definition),
                       guide=_guide_in(self.guide, t, language))


@dataclass(frozen=True, slots=True)
class Vocabulary:
    name: str
    label: str
    kind: str
    values: tuple[VocabularyValue, ...]
    missing: tuple[str, ...] = ()
    translations: Translations = field(default_factory=_no_translations, compare=False,
                                       hash=False)
    _by_code: dict[str, VocabularyValue] = field(init=False, repr=False, compare=False,
                                                 hash=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._by_code.update((v.code, v) for v in self.values)

    def codes(self) -> list[str]:
        return [v.code for v in self.values]

    def scale(self) -> list[str]:
        """The ordered domain without the 'cannot be judged' codes."""
        return [v.code for v in self.values if v.code not in self.missing]

    def get(self, code: str) -> VocabularyValue | None:
        return self._by_code.get(code)

    def localized(self, language: str) -> Vocabulary:
        return Vocabulary(self.name, _in(self.translations, "label", language, self.label),
                          self.kind, tuple(v.localized(language) for v in self.values),
                          self.missing, self.translations)


@dataclass(frozen=True, slots=True)
class Attribute:
    name: str
    type: str
    label: str
    vocabulary: str = ""
    required: bool = False
    default: Any = None
    layer: str = ""
    requires_claim: bool = False
    definition: str = ""
    guide: Guide = NO_GUIDE
    translations: Translations = field(default_factory=_no_translations, compare=False,
                                       hash=False)

    def localized(self, language: str) -> Attribute:
        t = self.translations
        return replace(self, label=_in(t, "label", language, self.label),
                       definition=_in(t, "definition", language, self.definition),
                       guide=_guide_in(self.guide, t, language))


@dataclass(frozen=True, slots=True)
class Layer:
    name: str
    label: str
    color: str
    key: str
    description: str = ""
    attributes: tuple[Attribute, ...] = ()
    guide: Guide = NO_GUIDE
    translations: Translations = field(default_factory=_no_translations, compare=False,
                                       hash=False)

    def localized(self, language: str) -> Layer:
        t = self.translations
        return replace(self, label=_in(t, "label", language, self.label),
                       description=_in(t, "description", language, self.description),
                       attributes=tuple(a.localized(language) for a in self.attributes),
                       guide=_guide_in(self.guide, t, language))


@dataclass(frozen=True, slots=True)
class Codebook:
    name: str
    version: str
    description: str
    layers: tuple[Layer, ...]
    claim_fields: tuple[Attribute, ...]
    document_fields: tuple[Attribute, ...]
    vocabularies: dict[str, Vocabulary] = field(default_factory=dict)
    source_text: str = ""
    guideline: str = ""
    """The codebook's general guideline (Markdown), shown above every section."""
    translations: Translations = field(default_factory=_no_translations, compare=False,
                                       hash=False)

    def localized(self, language: str) -> Codebook:
        """The codebook as annotators reading ``language`` see it: each label, definition,
        description and guideline replaced by its ``_<language>`` translation where the
        codebook has one. Names, codes and keys stay as they are."""
        t = self.translations
        return replace(
            self,
            description=_in(t, "description", language, self.description),
            guideline=_in(t, "guideline", language, self.guideline),
            layers=tuple(layer.localized(language) for layer in self.layers),
            claim_fields=tuple(a.localized(language) for a in self.claim_fields),
            document_fields=tuple(a.localized(language) for a in self.document_fields),
            vocabularies={k: v.localized(language) for k, v in self.vocabularies.items()},
        )

    def layer(self, name: str) -> Layer:
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise KeyError(f"unknown layer {name!r}; the codebook has {self.layer_names()}")

    def layer_names(self) -> list[str]:
        return [layer.name for layer in self.layers]

    def document_field(self, name: str) -> Attribute:
        for attr in self.document_fields:
            if attr.name == name:
                return attr
        raise KeyError(f"unknown document field {name!r}")

    def vocabulary(self, name: str) -> Vocabulary:
        return self.vocabularies[name]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description with the full domains (for export)."""
        return {
            "name": self.name,
            "version": self.version,
            "description": self.description,
            "vocabularies": {
                name: {
                    "label": v.label,
                    "kind": v.kind,
                    "missing": list(v.missing),
                    "values": [
                        {"code": x.code, "label": x.label, "definition": x.definition}
                        for x in v.values
                    ],
                }
                for name, v in self.vocabularies.items()
            },
            "layers": [
                {
                    "name": layer.name,
                    "label": layer.label,
                    "color": layer.color,
                    "key": layer.key,
                    "description": layer.description,
                    "attributes": [_attr_dict(a) for a in layer.attributes],
                }
                for layer in self.layers
            ],
            "claim": [_attr_dict(a) for a in self.claim_fields],
            "document": [_attr_dict(a) for a in self.document_fields],
        }


def _attr_dict(attr: Attribute) -> dict[str, Any]:
    out: dict[str, Any] = {"name": attr.name, "type": attr.type, "label": attr.label}
    for key in ("vocabulary", "layer"):
        if getattr(attr, key):
            out[key] = getattr(attr, key)
    if attr.required:
        out["required"] = True
    if attr.default is not None:
        out["default"] = attr.default
    return out


def _guide_in(guide: Guide, translations: Translations, language: str) -> Guide:
    text = _in(translations, "guideline", language, guide.guideline)
    return guide if text == guide.guideline else replace(guide, guideline=text)


def default_codebook_path() -> Path:
    """The codebook the package ships (``annotator/resources/codebook.toml``)."""
    return codebook_path()


def load_codebook(path: str | Path | None = None) -> Codebook:
    """Read and validate a codebook file (the default one when ``path`` is None)."""
    path = Path(path) if path is not None else default_codebook_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CodebookError(str(path), None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise CodebookError(str(path), None, f"not UTF-8 text ({exc.reason})") from None
    return parse_codebook(text, str(path))


def parse_codebook(text: str, source: str = "<codebook>") -> Codebook:
    """Parse codebook TOML text; errors name ``source`` and the line."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limits.MAX_CODEBOOK_BYTES:
        raise CodebookError(source, None, f"{size:,} bytes, more than the limit of "
                            f"{limits.MAX_CODEBOOK_BYTES:,} for a codebook")
    try:
        data = _loads_toml(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        line = int(match.group(1)) if match else None
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise CodebookError(source, line, f"invalid TOML: {reason}") from None
    return _Validator(text, source).build(data)


def _loads_toml(text: str) -> dict[str, Any]:
    """The TOML parsed by rtoml (compiled: 30,000 codes in a fraction of a second, where
    the pure-Python tomllib takes seconds), or by tomllib when rtoml is missing or
    refuses the text, so that an error is always worded (and located) by tomllib."""
    try:
        import rtoml
    except ImportError:
        return tomllib.loads(text)
    try:
        data = rtoml.loads(text)
    except ValueError:
        return tomllib.loads(text)
    return data if isinstance(data, dict) else tomllib.loads(text)


class _Validator:
    """Turns parsed TOML into a Codebook, locating errors in the source text."""

    def __init__(self, text: str, source: str) -> None:
        self.lines = text.splitlines()
        self.text = text
        self.source = source
        self.values_seen = 0
        self.attributes_seen = 0

    def fail(self, reason: str, *needles: str) -> CodebookError:
        return CodebookError(self.source, self._line_of(needles), reason)

    def _line_of(self, needles: tuple[str, ...]) -> int | None:
        """The first line mentioning every needle, else the first mentioning any."""
        for want_all in (True, False):
            for number, line in enumerate(self.lines, start=1):
                hits = [n in line for n in needles if n]
                if hits and (all(hits) if want_all else any(hits)):
                    return number
        return None

    def build(self, data: dict[str, Any]) -> Codebook:
        head = data.get("codebook")
        if not isinstance(head, dict):
            raise self.fail("missing [codebook] table with name and version", "[codebook]")
        for key in ("name", "version"):
            if not isinstance(head.get(key), str) or not head[key].strip():
                raise self.fail(f"[codebook] needs a non-empty text '{key}'", key, "[codebook]")
        vocabularies = self._vocabularies(data.get("vocabularies", {}))
        layers = self._layers(data.get("layers"), vocabularies)
        claim = data.get("claim", {})
        document = data.get("document", {})
        if not isinstance(claim, dict) or not isinstance(document, dict):
            raise self.fail("[claim] and [document] must be tables", "[claim]", "[document]")
        claim_fields = self._attributes(claim.get("fields", []), vocabularies, "claim")
        doc_fields = self._attributes(document.get("fields", []), vocabularies, "document")
        return Codebook(
            name=head["name"],
            version=head["version"],
            description=str(head.get("description", "")),
            layers=layers,
            claim_fields=claim_fields,
            document_fields=doc_fields,
            vocabularies=vocabularies,
            source_text=self.text,
            guideline=self._text(head, "guideline", "[codebook]"),
            translations=self._translations(head, "[codebook]"),
        )

    def _text(self, spec: dict[str, Any], key: str, where: str) -> str:
        value = spec.get(key, "")
        if not isinstance(value, str):
            raise self.fail(f"{where}: '{key}' must be text", key)
        return value

    def _translations(self, spec: dict[str, Any], where: str) -> Translations:
        """The ``label_sv``, ``definition_de`` ... texts of one item, as ``label.sv``."""
        out: Translations = {}
        for key, value in spec.items():
            match = _TRANSLATED.fullmatch(key)
            if match:
                if not isinstance(value, str):
                    raise self.fail(f"{where}: '{key}' must be text", key)
                out[f"{match[1]}.{match[2]}"] = value
        return out

    def _guide(self, spec: dict[str, Any], where: str) -> Guide:
        """The examples, counter_examples and guideline of one layer, field or code."""
        lists: list[tuple[str, ...]] = []
        for key in ("examples", "counter_examples"):
            items = spec.get(key, [])
            if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
                raise self.fail(f"{where}: '{key}' must be a list of texts", key)
            lists.append(tuple(items))
        guideline = self._text(spec, "guideline", where)
        if not (lists[0] or lists[1] or guideline):
            return NO_GUIDE
        return Guide(lists[0], lists[1], guideline)

    def _vocabularies(self, raw: Any) -> dict[str, Vocabulary]:
        if not isinstance(raw, dict):
            raise self.fail("'vocabularies' must be a table", "vocabularies")
        out: dict[str, Vocabulary] = {}
        for name, spec in raw.items():
            header = f"[vocabularies.{name}]"
            if not isinstance(spec, dict):
                raise self.fail(f"vocabulary '{name}' must be a table", header)
            kind = spec.get("kind", "nominal")
            if kind not in VOCABULARY_KINDS:
                raise self.fail(
                    f"vocabulary '{name}': kind must be one of {', '.join(VOCABULARY_KINDS)}, "
                    f"not {kind!r}",
                    "kind",
                    str(kind),
                )
            values = self._values(name, spec.get("values"))
            missing = tuple(str(m) for m in spec.get("missing", ()))
            codes = {v.code for v in values}
            for code in missing:
                if code not in codes:
                    raise self.fail(f"vocabulary '{name}': missing code {code!r} is not a value",
                                    "missing")
            out[name] = Vocabulary(name, str(spec.get("label", name)), kind, values, missing,
                                   self._translations(spec, header))
        return out

    def _values(self, vocab: str, raw: Any) -> tuple[VocabularyValue, ...]:
        if not isinstance(raw, list) or not raw:
            raise self.fail(f"vocabulary '{vocab}' needs a non-empty 'values' list",
                            f"[vocabularies.{vocab}]")
        self.values_seen += len(raw)
        if self.values_seen > limits.MAX_CODEBOOK_VALUES:
            raise self.fail(f"more than {limits.MAX_CODEBOOK_VALUES:,} vocabulary values in "
                            "all, the limit for a codebook", f"[vocabularies.{vocab}]")
        values: list[VocabularyValue] = []
        codes: set[str] = set()
        for item in raw:
            if not isinstance(item, dict) or "code" not in item:
                raise self.fail(f"vocabulary '{vocab}': every value needs a 'code'", "values")
            code = str(item["code"])
            if code in codes:
                raise self.fail(f"vocabulary '{vocab}': code {code!r} appears twice",
                                f'code = "{code}"')
            codes.add(code)
            where = f"vocabulary '{vocab}' {code!r}"
            values.append(VocabularyValue(code, str(item.get("label", code)),
                                          str(item.get("definition", "")),
                                          self._guide(item, where),
                                          self._translations(item, where)))
        return tuple(values)

    def _layers(self, raw: Any, vocabularies: dict[str, Vocabulary]) -> tuple[Layer, ...]:
        if not isinstance(raw, list) or not raw:
            raise self.fail("the codebook needs at least one [[layers]] entry", "[[layers]]")
        layers: list[Layer] = []
        keys: set[str] = set()
        names: set[str] = set()
        for spec in raw:
            name = spec.get("name") if isinstance(spec, dict) else None
            if not isinstance(name, str) or not _NAME.fullmatch(name):
                raise self.fail("every layer needs a 'name' made of letters, digits and _",
                                "[[layers]]")
            if name in names:
                raise self.fail(f"layer {name!r} is defined twice", f'"{name}"')
            names.add(name)
            color = str(spec.get("color", ""))
            if not _COLOR.fullmatch(color):
                raise self.fail(f"layer {name!r}: color must look like #rrggbb, not {color!r}",
                                "color", color or "[[layers]]")
            key = str(spec.get("key", "")).upper()
            if len(key) != 1 or not key.isalnum():
                raise self.fail(f"layer {name!r}: key must be one letter or digit", "key")
            if key in keys:
                raise self.fail(f"layer {name!r}: key {key!r} is already used by another layer",
                                f'key = "{key}"')
            keys.add(key)
            attrs = self._attributes(spec.get("attributes", []), vocabularies, f"layer {name}")
            layers.append(Layer(name, str(spec.get("label", name)), color, key,
                                str(spec.get("description", "")), attrs,
                                self._guide(spec, f"layer {name!r}"),
                                self._translations(spec, f"layer {name!r}")))
        return tuple(layers)

    def _attributes(
        self, raw: Any, vocabularies: dict[str, Vocabulary], owner: str
    ) -> tuple[Attribute, ...]:
        if not isinstance(raw, list):
            raise self.fail(f"{owner}: attributes must be a list", "attributes", "fields")
        self.attributes_seen += len(raw)
        if self.attributes_seen > limits.MAX_CODEBOOK_ATTRIBUTES:
            raise self.fail(f"more than {limits.MAX_CODEBOOK_ATTRIBUTES:,} attributes and "
                            "fields in all, the limit for a codebook", "attributes", "fields")
        out: list[Attribute] = []
        for spec in raw:
            if not isinstance(spec, dict) or not isinstance(spec.get("name"), str):
                raise self.fail(f"{owner}: every attribute needs a 'name'", "name")
            name, kind = spec["name"], spec.get("type", "text")
            if kind not in ATTRIBUTE_TYPES:
                raise self.fail(
                    f"{owner}: attribute {name!r} has unknown type {kind!r} "
                    f"(allowed: {', '.join(ATTRIBUTE_TYPES)})",
                    f'"{name}"', str(kind),
                )
            vocab = str(spec.get("vocabulary", ""))
            if kind in ("choice", "ordinal") and vocab not in vocabularies:
                raise self.fail(
                    f"{owner}: attribute {name!r} needs a known vocabulary, not {vocab!r}",
                    f'"{name}"', vocab,
                )
            out.append(Attribute(name, kind, str(spec.get("label", name)), vocab,
                                 bool(spec.get("required", False)), spec.get("default"),
                                 str(spec.get("layer", "")),
                                 bool(spec.get("requires_claim", False)),
                                 self._text(spec, "definition", f"{owner}: {name!r}"),
                                 self._guide(spec, f"{owner}: {name!r}"),
                                 self._translations(spec, f"{owner}: {name!r}")))
        return tuple(out)
