"""UIMA CAS XMI import (INCEpTION, WebAnno, our own XMI export), through dkpro-cassis.

A ``.xmi`` file is read with the ``TypeSystem.xml`` in its folder or the one above
it. Annotations of a ``webanno.custom.LAYER`` type become spans of that layer
(features: ``uid``, ``actorKey`` for the registry link, the other string features
attributes, ``extra`` JSON for the rest), ``webanno.custom.CLAIM`` annotations
claims (string features the fields, the ``roles`` links the demand, date and
source spans), and ``webanno.custom.DOCUMENT`` the document's metadata, status
and fields. Annotations belong to the DOCUMENT's ``annotator``, else to
"inception". ``actors.jsonl`` beside the annotator folders supplies the registry;
keys it lacks become actors named by ``actorName``. Needs
``pip install 'annotator[xmi]'``.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from annotator.core.errors import FileRejected
from annotator.core.importers import ImportOptions, ParsedFile, Record, read_bytes
from annotator.core.importers.brat import registry
from annotator.core.models import NewDocument
from annotator.core.text import clean_text, detect_language, sha256

DEFAULT_ANNOTATOR = "inception"
NAMESPACE = "webanno.custom."
CLAIM_TYPE = NAMESPACE + "CLAIM"
DOCUMENT_TYPE = NAMESPACE + "DOCUMENT"
TYPESYSTEM = "TypeSystem.xml"
SIDECARS = ("actors.jsonl", "manifest.json", "codebook.json")
_SPAN_OWN = ("sofa", "begin", "end", "uid", "actorKey", "actorName", "actorQid", "extra")
_ROLE_FIELDS = {"Claimant": "claimant", "Addressee": "addressee", "Object": "object"}


def is_companion(path: Path) -> bool:
    """A sidecar of an XMI export (its registry, manifest, codebook): not an input."""
    return path.name in SIDECARS and any((folder / TYPESYSTEM).exists()
                                         for folder in (path.parent, path.parent.parent))


def _cassis() -> Any:
    try:
        import cassis
    except ImportError:
        raise FileRejected("reading UIMA CAS XMI needs dkpro-cassis: "
                           "pip install 'annotator[xmi]'") from None
    return cassis


@lru_cache(maxsize=8)
def _typesystem(path: str, mtime: float) -> Any:
    return _cassis().load_typesystem(read_bytes(Path(path)).decode("utf-8"))


def typesystem_of(path: Path) -> Any:
    for folder in (path.parent, path.parent.parent):
        candidate = folder / TYPESYSTEM
        if candidate.exists():
            return _typesystem(str(candidate), candidate.stat().st_mtime)
    raise FileRejected(f"{path.name}: no {TYPESYSTEM} beside it or in the folder above")


def read(path: Path, options: ImportOptions) -> ParsedFile:
    ts = typesystem_of(path)
    try:
        cas = _cassis().load_cas_from_xmi(read_bytes(path).decode("utf-8"), typesystem=ts)
    except (ValueError, TypeError, KeyError, AttributeError, SyntaxError) as exc:
        raise FileRejected(f"{path.name} is not a CAS of this type system ({exc})") from None
    text = cas.sofa_string or ""
    if clean_text(text) != text:
        raise FileRejected(f"{path.name}: the text is not stored text (NFC, LF line ends, "
                           "no trailing spaces); its offsets would shift if it were cleaned")
    document = next(iter(cas.select(DOCUMENT_TYPE)), None) \
        if ts.contains_type(DOCUMENT_TYPE) else None
    own = _features(document) if document is not None else {}
    annotator = own.get("annotator") or DEFAULT_ANNOTATOR
    digest = sha256(text)
    spans, names = _spans(cas, ts, digest, annotator)
    claims = [_claim(c, spans, digest, annotator) for c in cas.select(CLAIM_TYPE)] \
        if ts.contains_type(CLAIM_TYPE) else []
    payload: dict[str, Any] = {"spans": list(spans.values())}
    if claims:
        payload["claims"] = claims
    extra = json.loads(own.get("extra") or "{}")
    values = {k.removeprefix("field_"): v for k, v in own.items() if k.startswith("field_")}
    values.update(extra.get("values") or {})
    if values:
        payload["values"] = values
    if extra.get("value_provenance"):
        payload["provenance"] = extra["value_provenance"]
    if own.get("status"):
        payload["status"] = own["status"]
    doc = NewDocument(
        text=text, language=options.language or str(cas.document_language or "")
        .replace("x-unspecified", "") or detect_language(text),
        title=own.get("title", ""), outlet=own.get("outlet", ""), url=own.get("url", ""),
        byline=own.get("byline", ""), published=own.get("published", ""),
        claim=own.get("claim", ""), metadata=json.loads(own.get("metadata") or "{}"),
        source_file=own.get("sourceFile") or path.name)
    actors = {str(a["key"]): a for a in registry(path)}
    for key, name in names.items():
        actors.setdefault(key, {"type": "actor", "key": key, "canonical_name": name or key})
    record = Record(doc, {annotator: payload}, digest, 1)
    return ParsedFile(str(path), [record], list(actors.values()), header={"format": "xmi"})


def _features(fs: Any) -> dict[str, str]:
    """The string features of a feature structure that are set."""
    out = {}
    for feature in fs.type.all_features:
        if feature.name in ("sofa", "begin", "end"):
            continue
        value = fs.get(feature.name)
        if isinstance(value, str) and value:
            out[feature.name] = value
    return out


def _spans(cas: Any, ts: Any, digest: str, annotator: str
           ) -> tuple[dict[int, dict[str, Any]], dict[str, str]]:
    """Spans by the id of their feature structure, and registry key -> actor name."""
    spans: dict[int, dict[str, Any]] = {}
    names: dict[str, str] = {}
    for kind in ts.get_types():
        if not kind.name.startswith(NAMESPACE) or kind.name in (CLAIM_TYPE, DOCUMENT_TYPE) \
                or not ts.subsumes("uima.tcas.Annotation", kind.name):
            continue
        layer = kind.name.removeprefix(NAMESPACE)
        for fs in cas.select(kind.name):
            own = _features(fs)
            extra = json.loads(own.pop("extra", "") or "{}")
            uid = own.pop("uid", "") or hashlib.sha256(
                f"{digest}:{annotator}:{layer}:{fs.begin}:{fs.end}".encode()).hexdigest()[:32]
            span: dict[str, Any] = {"uid": uid, "layer": layer, "start": fs.begin,
                                    "end": fs.end, "text": fs.get_covered_text()}
            key = own.pop("actorKey", "")
            if key:
                span["actor"] = key
                names[key] = own.get("actorName", "")
            attributes = {k: v for k, v in own.items() if k not in _SPAN_OWN}
            attributes.update(extra.pop("attributes", {}) or {})
            if attributes:
                span["attributes"] = attributes
            span.update(extra)
            spans[fs.xmiID] = span
    return spans, names


def _claim(fs: Any, spans: dict[int, dict[str, Any]], digest: str, annotator: str
           ) -> dict[str, Any]:
    own = _features(fs)
    extra = json.loads(own.pop("extra", "") or "{}")
    claim: dict[str, Any] = {**own, **extra}
    claim.setdefault("uid", hashlib.sha256(
        f"{digest}:{annotator}:claim:{fs.begin}:{fs.end}".encode()).hexdigest()[:32])
    if "position" in claim:
        claim["position"] = int(claim["position"])
    demand = []
    for link in (fs.roles.elements if fs.get("roles") is not None else []):
        target = spans.get(link.target.xmiID) if link.target is not None else None
        if target is None:
            continue
        if link.role == "Demand":
            demand.append(target["uid"])
        elif link.role in ("Date", "Source"):
            claim[f"{link.role.lower()}_span"] = target["uid"]
        elif link.role in _ROLE_FIELDS and _ROLE_FIELDS[link.role] not in claim \
                and target.get("actor"):
            claim[_ROLE_FIELDS[link.role]] = target["actor"]
    if demand:
        claim["demand_spans"] = demand
    return claim
