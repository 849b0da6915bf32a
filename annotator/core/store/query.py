"""Running annotation queries: the tree of annotator.core.query as one SQL statement over spans.

Every term becomes a condition on a span row ``s`` joined to its document
``d``; claim roles, statuses, document fields and other annotators' spans are
correlated subqueries. Text comparisons fold case and diacritics through the
``ann_fold`` function registered on the connection, so ``ö`` finds ``Ö``.
Hits come in span id order, which follows import order, so a limit stops the
scan early.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from annotator.core.errors import QuerySyntaxError
from annotator.core.query import All, Any_, Hit, Node, Not, Result, Scope, Term
from annotator.core.store.base import fts_query

CONTEXT = 40
"""Characters of context on each side of a hit."""

_CLAIM_MEMBERS = (
    "SELECT cs.span_id FROM claim_spans cs JOIN claims c ON c.id = cs.claim_id WHERE {cond} "
    "UNION ALL SELECT c.date_span_id FROM claims c WHERE c.date_span_id IS NOT NULL AND {cond} "
    "UNION ALL SELECT c.source_span_id FROM claims c WHERE c.source_span_id IS NOT NULL AND {cond}"
)
_ROLES = {"claimant": "claimant_id", "addressee": "addressee_id", "object": "object_id"}
_CLAIM = (*_ROLES, "event")
"""Fields about the claim a span belongs to; side by side in one group they describe one claim."""
_FEW_CLAIMS = 20000
"""Up to this many matching claims, their spans are gathered first and drive the search."""
_STATUSES = ("not_started", "in_progress", "done")


def fold(text: str | None) -> str:
    """Case- and diacritic-insensitive form of ``text`` (what ``ann_fold`` computes in SQL)."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _all_words(haystack: str | None, words: str) -> int:
    """1 when every word of ``words`` starts a word of ``haystack`` (both folded)."""
    have = "".join(c if c.isalnum() else " " for c in fold(haystack)).split()
    return int(all(any(w.startswith(word) for w in have) for word in words.split()))


def _words(value: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in fold(value)).split())


class QueryStore:
    """The query part of the store; mixed into the Repository (uses its ``conn``)."""

    conn: sqlite3.Connection

    def find_spans(self, tree: Node, scope: Scope, *, viewer: str | None,
                   limit: int = 500) -> Result:
        """Spans matching ``tree``; with ``viewer`` only that annotator's own spans (blind)."""
        self.conn.create_function("ann_fold", 1, fold, deterministic=True)
        self.conn.create_function("ann_words", 2, _all_words, deterministic=True)
        compiler = _Compiler(self, scope, viewer)
        where, params = compiler.node(tree)
        if viewer is not None:
            where = f"({where}) AND s.annotator_id = (SELECT id FROM annotators WHERE name = ?)"
            params = [*params, viewer]
        sql = (
            "SELECT s.id, s.doc_id, d.title, a.name, s.layer, s.start, s.\"end\", s.text, "
            f"substr(d.text, max(1, s.start - {CONTEXT} + 1), min(s.start, {CONTEXT})), "
            f"substr(d.text, s.\"end\" + 1, {CONTEXT}) "
            # CROSS JOIN keeps spans the outer loop, in id order, so LIMIT ends the scan
            "FROM spans s CROSS JOIN documents d ON d.id = s.doc_id "
            "CROSS JOIN annotators a ON a.id = s.annotator_id "
            f"WHERE {where} ORDER BY s.id LIMIT ?"
        )
        rows = self.conn.execute(sql, [*params, limit + 1]).fetchall()
        hits = [Hit(*row) for row in rows[:limit]]
        return Result(hits, len(rows) > limit, compiler.notes)

    def actor_ids_named(self, value: str) -> list[int]:
        """Actors whose key, name or any alias is ``value`` (folded; a final ``*``: prefix)."""
        wanted = fold(value)
        prefix = wanted.endswith("*")
        wanted = wanted.rstrip("*")
        found: set[int] = set()
        rows = self.conn.execute(
            "SELECT id, key, canonical_name FROM actors UNION ALL "
            "SELECT actor_id, '', alias FROM actor_aliases")
        for actor_id, key, name in rows:
            for candidate in (fold(key), fold(name)):
                if candidate and (candidate.startswith(wanted) if prefix else candidate == wanted):
                    found.add(int(actor_id))
        return sorted(found)


class _Compiler:
    """One pass over the tree; each method returns an SQL condition and its parameters."""

    def __init__(self, store: QueryStore, scope: Scope, viewer: str | None) -> None:
        self.store = store
        self.scope = scope
        self.viewer = viewer
        self.notes: list[str] = []

    def node(self, node: Node) -> tuple[str, list[Any]]:
        if isinstance(node, Not):
            inner, params = self.node(node.operand)
            return f"NOT ({inner})", params
        if isinstance(node, All):
            claim_terms = [t for t in node.operands if isinstance(t, Term) and t.field in _CLAIM]
            others = [t for t in node.operands if t not in claim_terms]
            parts = [self.node(operand) for operand in others]
            if claim_terms:
                parts.append(self._claim(claim_terms))
            return _joined(" AND ", parts)
        if isinstance(node, Any_):
            return _joined(" OR ", [self.node(operand) for operand in node.operands])
        if node.field in _CLAIM:
            return self._claim([node])
        return self.term(node)

    def _claim(self, terms: list[Term]) -> tuple[str, list[Any]]:
        """Claim terms side by side describe one claim: its roles and event type."""
        conditions: list[str] = []
        params: list[Any] = []
        for term in terms:
            if term.field == "event":
                _equality_only(term)
                conditions.append("c.event_type = ?")
                params.append(term.value.upper())
            else:
                ids = self._actors(term)
                conditions.append(f"c.{_ROLES[term.field]} IN ({_marks(ids)})")
                params.extend(ids)
        return self._in_claim(" AND ".join(conditions), params)

    def _in_claim(self, condition: str, params: list[Any]) -> tuple[str, list[Any]]:
        """The span belongs to a claim meeting ``condition`` (demand, date or source span).

        Few such claims: their spans as a set, which then drives the scan. Many: a
        check per span through the indexes, so the scan can stop at the limit.
        """
        many = self.store.conn.execute(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM claims c WHERE {condition} LIMIT {_FEW_CLAIMS})",
            params).fetchone()[0] >= _FEW_CLAIMS
        if not many:
            return f"s.id IN ({_CLAIM_MEMBERS.format(cond=condition)})", params * 3
        # CROSS JOIN: from the span to its claims, never from every matching claim to the span
        return (f"(EXISTS (SELECT 1 FROM claim_spans cs CROSS JOIN claims c ON c.id = cs.claim_id "
                f"WHERE cs.span_id = s.id AND {condition}) "
                f"OR EXISTS (SELECT 1 FROM claims c WHERE c.date_span_id = s.id AND {condition}) "
                f"OR EXISTS (SELECT 1 FROM claims c WHERE c.source_span_id = s.id "
                f"AND {condition}))", params * 3)

    def term(self, term: Term) -> tuple[str, list[Any]]:
        handler = _HANDLERS.get(term.field)
        if handler is not None:
            return handler(self, term)
        if term.field in self.scope.document_fields:
            return self._document_field(term)
        return self._attribute(term)

    # ----------------------------------------------------------- span fields

    def _layer(self, term: Term) -> tuple[str, list[Any]]:
        _equality_only(term)
        layer = term.value.upper()
        if layer not in self.scope.layers:
            raise QuerySyntaxError(term.position + 1, f"unknown layer '{term.value}'; the "
                                   f"codebook has {', '.join(self.scope.layers)}")
        return "s.layer = ?", [layer]

    def _text(self, term: Term) -> tuple[str, list[Any]]:
        _equality_only(term)
        words = _words(term.value)
        if not words:
            raise QuerySyntaxError(term.position + 1, "there is no word to search for here")
        return ("s.id IN (SELECT rowid FROM spans_fts WHERE spans_fts MATCH ?) "
                "AND ann_words(s.text, ?)", [fts_query(words), words])

    def _doctext(self, term: Term) -> tuple[str, list[Any]]:
        _equality_only(term)
        return ("s.doc_id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
                [fts_query(term.value)])

    def _actor(self, term: Term) -> tuple[str, list[Any]]:
        ids = self._actors(term)
        return f"s.actor_id IN ({_marks(ids)})", list(ids)

    def _actors(self, term: Term) -> list[int]:
        _equality_only(term)
        ids = self.store.actor_ids_named(term.value)
        if not ids:
            self.notes.append(f"no actor in the registry is called '{term.value}'")
        return ids

    def _reliability(self, term: Term) -> tuple[str, list[Any]]:
        return self._grade(term, "source_reliability")

    def _credibility(self, term: Term) -> tuple[str, list[Any]]:
        return self._grade(term, "info_credibility")

    def _grade(self, term: Term, column: str) -> tuple[str, list[Any]]:
        codes = self._codes(term, term.value.upper())
        marks = _marks(codes)
        span_sql = f"json_extract(s.attributes, '$.{column}') IN ({marks})"
        claim_sql, claim_params = self._in_claim(f"c.{column} IN ({marks})", codes)
        return f"({span_sql} OR {claim_sql})", [*codes, *claim_params]

    def _codes(self, term: Term, value: str) -> list[str]:
        """The codes ``term`` admits on its field's ordered scale."""
        order = self.scope.orders.get(term.field, ())
        value = next((code for code in order if code.casefold() == value.casefold()), value)
        if term.op in (":", "=") and term.high is None:
            if order and value not in order:
                raise QuerySyntaxError(term.position + 1, f"'{term.value}' is not a {term.field} "
                                       f"code; the codes are {', '.join(order)}")
            return [value]
        if not order:
            raise QuerySyntaxError(term.position + 1, f"{term.field} has no order to compare on")
        low, high = _bounds(term, value, order)
        return list(order[low:high + 1])

    def _annotator(self, term: Term) -> tuple[str, list[Any]]:
        _equality_only(term)
        if self.viewer is not None and term.value != self.viewer:
            raise QuerySyntaxError(term.position + 1, "annotation is blind: you can search only "
                                   "your own annotations (a reviewer searches everyone's)")
        return "s.annotator_id = (SELECT id FROM annotators WHERE name = ?)", [term.value]

    def _status(self, term: Term) -> tuple[str, list[Any]]:
        _equality_only(term)
        status = term.value.lower().replace("-", "_").replace(" ", "_")
        if status not in _STATUSES:
            raise QuerySyntaxError(term.position + 1, f"unknown status '{term.value}'; use "
                                   f"{', '.join(_STATUSES)}")
        return ("COALESCE((SELECT ds.status FROM doc_status ds WHERE ds.doc_id = s.doc_id "
                "AND ds.annotator_id = s.annotator_id), 'not_started') = ?", [status])

    def _marked(self, term: Term) -> tuple[str, list[Any]]:
        _equality_only(term)
        if self.viewer is not None:
            raise QuerySyntaxError(term.position + 1, "annotation is blind: what others marked "
                                   "is for reviewers")
        others = ("EXISTS (SELECT 1 FROM spans o WHERE o.doc_id = s.doc_id AND o.layer = s.layer "
                  "AND o.start = s.start AND o.\"end\" = s.\"end\" "
                  "AND o.annotator_id != s.annotator_id)")
        value = term.value.lower()
        if value == "alone":
            return f"NOT {others}", []
        if value == "shared":
            return others, []
        raise QuerySyntaxError(term.position + 1,
                               f"marked: takes alone or shared, not '{term.value}'")

    def _has(self, term: Term) -> tuple[str, list[Any]]:
        _equality_only(term)
        value = term.value.lower()
        if value == "claim":
            return self._in_claim("1", [])
        if value == "actor":
            return "s.actor_id IS NOT NULL", []
        if value in self.scope.span_attributes:
            return f"COALESCE(json_extract(s.attributes, '$.{value}'), '') != ''", []
        raise QuerySyntaxError(term.position + 1, f"has: takes claim, actor or a span attribute "
                               f"({', '.join(self.scope.span_attributes)}), not '{term.value}'")

    def _attribute(self, term: Term) -> tuple[str, list[Any]]:
        kind = self.scope.span_attributes.get(term.field, "text")
        column = f"COALESCE(json_extract(s.attributes, '$.{term.field}'), '')"
        return self._typed(term, column, kind)

    def _document_field(self, term: Term) -> tuple[str, list[Any]]:
        column = ("COALESCE((SELECT json_extract(v.value, '$') FROM doc_values v WHERE "
                  "v.doc_id = s.doc_id AND v.annotator_id = s.annotator_id AND v.field = '"
                  f"{term.field}'), '')")
        return self._typed(term, column, self.scope.document_fields[term.field])

    def _typed(self, term: Term, column: str, kind: str) -> tuple[str, list[Any]]:
        if kind == "date":
            return _date_condition(term, column)
        if term.field in self.scope.orders:
            codes = self._codes(term, term.value)
            return f"{column} IN ({_marks(codes)})", codes
        _equality_only(term)
        if kind == "text":
            return f"ann_words({column}, ?)", [_words(term.value)]
        return f"ann_fold({column}) = ?", [fold(term.value)]

    # ------------------------------------------------------- document fields

    def _title(self, term: Term) -> tuple[str, list[Any]]:
        _equality_only(term)
        return "ann_words(d.title, ?)", [_words(term.value)]

    def _outlet(self, term: Term) -> tuple[str, list[Any]]:
        _equality_only(term)
        return "instr(ann_fold(d.outlet), ?) > 0", [fold(term.value)]

    def _language(self, term: Term) -> tuple[str, list[Any]]:
        _equality_only(term)
        return "d.language = ?", [term.value.lower()]

    def _published(self, term: Term) -> tuple[str, list[Any]]:
        return _date_condition(term, "d.published")

    def _doc(self, term: Term) -> tuple[str, list[Any]]:
        numbers = [term.value] if term.high is None else [term.value, term.high]
        if not all(n.isdigit() for n in numbers):
            raise QuerySyntaxError(term.position + 1,
                                   f"doc: takes a document id, not '{term.value}'")
        if term.high is not None:
            return "s.doc_id BETWEEN ? AND ?", [int(term.value), int(term.high)]
        op = "=" if term.op == ":" else term.op
        return f"s.doc_id {op} ?", [int(term.value)]


_HANDLERS: dict[str, Callable[[_Compiler, Term], tuple[str, list[Any]]]] = {
    "layer": _Compiler._layer, "text": _Compiler._text, "doctext": _Compiler._doctext,
    "actor": _Compiler._actor, "reliability": _Compiler._reliability,
    "credibility": _Compiler._credibility, "annotator": _Compiler._annotator,
    "status": _Compiler._status, "marked": _Compiler._marked, "has": _Compiler._has,
    "title": _Compiler._title, "outlet": _Compiler._outlet, "language": _Compiler._language,
    "published": _Compiler._published, "doc": _Compiler._doc,
}
"""The built-in fields of annotator.core.query.FIELDS; other fields are codebook attributes."""


def _equality_only(term: Term) -> None:
    if term.op not in (":", "=") or term.high is not None:
        raise QuerySyntaxError(term.position + 1, f"{term.field} can only be matched "
                               f"({term.field}:value), not compared or given a range")


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" for _ in values) or "NULL"


def _joined(joiner: str, parts: list[tuple[str, list[Any]]]) -> tuple[str, list[Any]]:
    return joiner.join(f"({sql})" for sql, _ in parts), [p for _, params in parts for p in params]


def _bounds(term: Term, value: str, order: tuple[str, ...]) -> tuple[int, int]:
    high = next((c for c in order if term.high and c.casefold() == term.high.casefold()), term.high)
    ends = [value] if high is None else [value, high]
    for end in ends:
        if end not in order:
            raise QuerySyntaxError(term.position + 1, f"'{end}' is not a {term.field} code; "
                                   f"the codes are {', '.join(order)}")
    at = order.index(value)
    if high is not None:
        return at, order.index(high)
    return {"<": (0, at - 1), "<=": (0, at), ">": (at + 1, len(order)),
            ">=": (at, len(order))}[term.op]


def _date_condition(term: Term, column: str) -> tuple[str, list[Any]]:
    """Dates compare at the precision written: ``2024-11`` is all of November."""
    if term.high is not None:
        return (f"substr({column}, 1, ?) >= ? AND substr({column}, 1, ?) <= ?",
                [len(term.value), term.value, len(term.high), term.high])
    if term.op in (":", "="):
        return f"substr({column}, 1, ?) = ?", [len(term.value), term.value]
    return (f"{column} != '' AND substr({column}, 1, ?) {term.op} ?",
            [len(term.value), term.value])
