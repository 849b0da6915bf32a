"""The annotation query language: parsing a query into a tree, with errors that name their position.

A query is a list of terms, all of which must hold (``AND`` may be written),
with ``OR``, ``NOT`` (or a leading ``-``) and parentheses:

    layer:DEMAND claimant:putin
    layer:DATE precision:year
    annotator:ben marked:alone
    (outlet:svt OR outlet:nrk) -status:done value>=2024-10-01

A term is ``field:value``, ``field=value`` or a comparison (``>``, ``>=``,
``<``, ``<=``); ``field:a..b`` is a range. A bare word or quoted phrase
searches the annotated text. The fields are in ``FIELDS``; any span attribute
or document field of the project's codebook is a field too. docs/query.md
lists them with examples. This module only parses: the store turns the tree
into SQL (annotator/core/store/query.py).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.codebook import Codebook
from annotator.core.errors import QuerySyntaxError

FIELDS: dict[str, str] = {
    "layer": "the span's layer (ACTOR, DATE, DEMAND, SOURCE ...)",
    "text": "words in the annotated text (also: a bare word or \"quoted phrase\")",
    "doctext": "words anywhere in the document's text (full-text index)",
    "actor": "the registry actor linked to the span, by name, alias or key",
    "claimant": "the span belongs to a claim whose claimant is this actor",
    "addressee": "the span belongs to a claim whose addressee is this actor",
    "object": "the span belongs to a claim whose object actor is this actor",
    "event": "the event type of a claim the span belongs to",
    "reliability": "source reliability (A-F) of the span or of its claim",
    "credibility": "information credibility (1-6) of the span or of its claim",
    "annotator": "who made the span (reviewers only, except your own name)",
    "status": "the annotator's status of the document (not_started, in_progress, done)",
    "marked": "alone (no other annotator marked the same text with the same layer) or shared",
    "has": "claim (the span is part of a claim), actor, value, gloss",
    "title": "words in the document title",
    "outlet": "the document's outlet",
    "language": "the document's language code (sv, nb, en, de ...)",
    "published": "the document's publication date (compare: published>=2024-11)",
    "doc": "the document id",
}
"""The built-in fields and what they match (shown by ``annotator query --fields``)."""

ALIASES = {"lang": "language", "type": "event", "by": "annotator", "source_reliability":
           "reliability", "info_credibility": "credibility", "id": "doc"}

_TOKEN = re.compile(
    r"""\s*(?:(?P<open>\()|(?P<close>\))|"(?P<quoted>[^"]*)"|(?P<word>[^\s()"]+))""")
_TERM = re.compile(r"(?P<field>[A-Za-z_][\w.]*)(?P<op>>=|<=|>|<|:|=)(?P<value>.*)", re.S)


@dataclass(frozen=True)
class Term:
    """One condition: ``field op value``; ``high`` is set for a range ``a..b``."""

    field: str
    op: str
    value: str
    position: int
    high: str | None = None


@dataclass(frozen=True)
class Not:
    operand: Node


@dataclass(frozen=True)
class All:
    operands: tuple[Node, ...]


@dataclass(frozen=True)
class Any_:
    operands: tuple[Node, ...]


Node = Term | Not | All | Any_


@dataclass(frozen=True)
class _Token:
    kind: str  # "open", "close", "word", "quoted"
    text: str
    position: int


def _tokens(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    at = 0
    while at < len(query):
        if not query[at:].strip():
            break
        match = _TOKEN.match(query, at)
        if match is None:  # only an unclosed quote gets here
            start = query.index('"', at)
            raise QuerySyntaxError(start + 1, "a quote is opened here and never closed")
        kind = match.lastgroup or "word"
        tokens.append(_Token(kind, match.group(kind), match.start(kind) + (kind == "quoted") * -1))
        at = match.end()
    return tokens


def parse(query: str, extra_fields: Iterable[str] = ()) -> Node:
    """The tree of ``query``; ``extra_fields``: the codebook's attribute and document-field names.

    Raises QuerySyntaxError (with a 1-based character position) for an empty
    query, an unknown field, a missing value or an unbalanced parenthesis.
    """
    known = set(FIELDS) | {name.lower() for name in extra_fields}
    parser = _Parser(_tokens(query), known, len(query))
    if not parser.tokens:
        raise QuerySyntaxError(1, "the query is empty; try layer:ACTOR or a word to find")
    node = parser.any_()
    if parser.peek() is not None:
        token = parser.peek()
        assert token is not None
        raise QuerySyntaxError(token.position + 1, "')' closes a parenthesis that was never opened")
    return node


class _Parser:
    def __init__(self, tokens: list[_Token], known: set[str], length: int) -> None:
        self.tokens = tokens
        self.known = known
        self.length = length
        self.at = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def any_(self) -> Node:
        operands = [self.all_()]
        while (token := self.peek()) is not None and token.kind == "word" and token.text == "OR":
            self.take()
            if self.peek() is None or self.peek_is_close():
                raise QuerySyntaxError(token.position + 1, "OR needs a term after it")
            operands.append(self.all_())
        return operands[0] if len(operands) == 1 else Any_(tuple(operands))

    def peek_is_close(self) -> bool:
        token = self.peek()
        return token is not None and token.kind == "close"

    def all_(self) -> Node:
        operands: list[Node] = []
        while (token := self.peek()) is not None and token.kind != "close":
            if token.kind == "word" and token.text == "OR":
                break
            if token.kind == "word" and token.text == "AND":
                self.take()
                continue
            operands.append(self.unary())
        if not operands:
            where = token.position + 1 if token is not None else self.length + 1
            raise QuerySyntaxError(where, "a term is missing here")
        return operands[0] if len(operands) == 1 else All(tuple(operands))

    def unary(self) -> Node:
        token = self.take()
        if token.kind == "word" and token.text == "NOT":
            if self.peek() is None:
                raise QuerySyntaxError(token.position + 1, "NOT needs a term after it")
            return Not(self.unary())
        if token.kind == "word" and token.text.startswith("-") and len(token.text) > 1:
            inner = _Token("word", token.text[1:], token.position + 1)
            return Not(self.term(inner))
        if token.kind == "open":
            node = self.any_()
            if not self.peek_is_close():
                raise QuerySyntaxError(token.position + 1, "this parenthesis is never closed")
            self.take()
            return node
        if token.kind == "close":
            raise QuerySyntaxError(token.position + 1,
                                   "')' closes a parenthesis that was never opened")
        return self.term(token)

    def term(self, token: _Token) -> Term:
        if token.kind == "quoted":
            if not token.text.strip():
                raise QuerySyntaxError(token.position + 1, "the quoted phrase is empty")
            return Term("text", ":", token.text, token.position)
        match = _TERM.fullmatch(token.text)
        if match is None:
            return Term("text", ":", token.text, token.position)
        field = match["field"].lower()
        field = ALIASES.get(field, field)
        if field not in self.known:
            raise QuerySyntaxError(token.position + 1, _unknown_field(match["field"], self.known))
        value = match["value"]
        if not value:
            value = self._quoted_value(token)
        if not value:
            raise QuerySyntaxError(token.position + len(token.text) + 1,
                                   f"'{match['field']}{match['op']}' needs a value after it")
        return _with_range(Term(field, match["op"], value, token.position))

    def _quoted_value(self, token: _Token) -> str:
        """``field:"two words"`` tokenises as a word ending in ':' followed by a phrase."""
        following = self.peek()
        if (following is not None and following.kind == "quoted"
                and following.position == token.position + len(token.text)):
            self.take()
            return following.text
        return ""


def _with_range(term: Term) -> Term:
    if term.op != ":" or ".." not in term.value:
        return term
    low, _, high = term.value.partition("..")
    if not low or not high:
        raise QuerySyntaxError(term.position + 1,
                               f"the range '{term.value}' needs both ends (e.g. 2024-10..2024-12)")
    return Term(term.field, ":", low, term.position, high)


def _unknown_field(name: str, known: set[str]) -> str:
    close = difflib.get_close_matches(name.lower(), sorted(known), n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return f"unknown field '{name}'{hint}; `annotator query --fields` lists them"


def fields_of(node: Node) -> list[Term]:
    """Every term of the tree, in order."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return fields_of(node.operand)
    return [term for operand in node.operands for term in fields_of(operand)]


@dataclass(frozen=True)
class Scope:
    """What the project's codebook adds to the language: its layers, attributes and scales."""

    layers: tuple[str, ...]
    span_attributes: dict[str, str]
    """Span attribute name -> type (date, choice, ordinal, text, actor)."""
    document_fields: dict[str, str]
    orders: dict[str, tuple[str, ...]]
    """Field -> its ordered codes, for ``<`` and ``>`` on ordinal fields."""

    def field_names(self) -> list[str]:
        return [*self.span_attributes, *self.document_fields]


def scope_of(codebook: Codebook) -> Scope:
    attributes = {a.name: a.type for layer in codebook.layers for a in layer.attributes}
    orders: dict[str, tuple[str, ...]] = {}
    for attr in (*[a for layer in codebook.layers for a in layer.attributes],
                 *codebook.claim_fields, *codebook.document_fields):
        if attr.vocabulary in codebook.vocabularies:
            orders.setdefault(attr.name, tuple(codebook.vocabularies[attr.vocabulary].codes()))
    for field, name in (("reliability", "source_reliability"), ("credibility", "info_credibility")):
        if name in orders:
            orders[field] = orders[name]
    return Scope(tuple(codebook.layer_names()), attributes,
                 {a.name: a.type for a in codebook.document_fields}, orders)


@dataclass(frozen=True, slots=True)
class Hit:
    """One span a query found, with the words around it."""

    span_id: int
    doc_id: int
    title: str
    annotator: str
    layer: str
    start: int
    end: int
    text: str
    before: str
    after: str

    def to_dict(self) -> dict[str, object]:
        return {"span_id": self.span_id, "doc_id": self.doc_id, "title": self.title,
                "annotator": self.annotator, "layer": self.layer, "start": self.start,
                "end": self.end, "text": self.text, "before": self.before, "after": self.after}


@dataclass(frozen=True)
class Result:
    """The hits (at most the limit asked for), whether there were more, and notes on the query."""

    hits: list[Hit]
    more: bool
    notes: list[str]
