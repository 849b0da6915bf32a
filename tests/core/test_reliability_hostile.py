"""Hostile input: random bytes, JSON, CSV, native offsets and codebooks thrown at every importer.

The property, for every input: ``Project.import_paths`` returns a report (no
exception escapes); a file that is refused is named in the report with a
reason, and the project's content is exactly what it was (same native export,
same row counts); a file that is accepted is imported whole and correctly
(every new span sits at the offsets the file gave, ``Project.check`` is clean).
``parse_codebook`` returns a codebook or raises :class:`CodebookError`, nothing else.

Example counts are modest so the suite stays fast; set RELIABILITY_EXAMPLES to
run more (the figures in docs/reliability.md come from such a run).
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core import Project
from annotator.core.codebook import default_codebook_path, parse_codebook
from annotator.core.errors import CodebookError
from annotator.core.store.maintenance import table_counts
from annotator.core.text import sha256
from tests.storage import raw, write_locked

EXAMPLES = int(os.environ.get("RELIABILITY_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=bool(os.environ.get("CI")),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much])

BASE = ("Chancellor Vollmer phoned President Putin on Monday and demanded that Russia "
        "withdraw its troops, according to Reuters.")
LAYERS = ("ACTOR", "DATE", "DEMAND", "SOURCE")
LOGGED = {"import_batches", "history"}  # an attempt is logged even when it is refused

KNOWN_INGEST_ESCAPES: tuple[type[BaseException], ...] = ()
"""Exceptions ingest._import_one still lets out for malformed *native annotation* records
(spans that are not a list, a gloss that is an object, an actor id of 10**30 ...). Found while
writing these tests; the fix (widen the ``except`` in ingest._import_one) belongs to ingest.py's
owner. Until then they are tolerated ONLY if the project is left unchanged, and counted;
test_known_ingest_escapes_are_still_open flips to failing the day they are fixed: then
empty this tuple."""

KNOWN_DUPLICATE_UID_GAP = False
"""A file naming the same span uid twice is accepted: the second copy is dropped unchecked
(ingest._write_span looks the uid up before validating), even with offsets outside the
text. Found by test_random_offsets_in_native_records; reported to ingest.py's owner (fix:
validate before the uid lookup, and refuse a uid repeated with different content in one
file). test_known_duplicate_uid_gap_is_still_open flips when fixed: then set this False."""

STATS: Counter[str] = Counter()


# ----------------------------------------------------------------- the fixture


class Target:
    """A project that hostile files are imported into, with before/after fingerprints."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.counter = itertools.count()
        self.project = Project.create(folder / "target.annotator")
        (folder / "seed.txt").write_text(BASE + "\n", encoding="utf-8")
        self.project.import_paths([folder / "seed.txt"])
        self.project.add_actor("Katrin Vollmer", key="vollmer")
        doc = self.project.documents()[0].id
        self.project.add_span(doc, "alice", "ACTOR", 11, 18)

    def path(self, suffix: str) -> Path:
        return self.folder / f"in{next(self.counter):05d}{suffix}"

    def fingerprint(self) -> tuple[str, dict[str, int]]:
        out = self.folder / "fingerprint.jsonl"
        self.project.exports.native(out, timestamp=False, force=True)
        with raw(self.project.path) as conn:
            counts = {k: v for k, v in table_counts(conn).items() if k not in LOGGED}
        return hashlib.sha256(out.read_bytes()).hexdigest(), counts

    def span_uids(self) -> set[str]:
        return {s.uid for s in self.project.spans()}

    def throw(self, path: Path, *, known: tuple[type[BaseException], ...] = ()) -> Any:
        """Import ``path`` and check the all-or-nothing property; returns the report."""
        before_docs = self.project.count_documents()
        before = self.fingerprint()
        label = _test_name()
        STATS[f"{label}: inputs"] += 1
        try:
            report = self.project.import_paths([path])
        except known as exc:  # see KNOWN_INGEST_ESCAPES
            STATS[f"{label}: known escape {type(exc).__name__}"] += 1
            assert not write_locked(self.project.path)
            assert self.fingerprint() == before, "an escaping exception changed the project"
            return None
        accepted = str(path) in report.files_accepted
        if accepted:
            STATS[f"{label}: accepted"] += 1
            assert self.project.count_documents() == before_docs + len(report.imported)
            assert self.project.check() == []
        else:
            STATS[f"{label}: refused"] += 1
            assert report.rejected, "a refused file must be reported"
            assert all(r.reason.strip() for r in report.rejected)
            assert any(r.source == str(path) for r in report.rejected)
            assert self.project.count_documents() == before_docs
            assert self.fingerprint() == before, "a refused file changed the project"
        return report


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    folder = tmp_path_factory.mktemp("hostile")
    t = Target(folder)
    yield t
    t.project.close()
    stats = os.environ.get("RELIABILITY_STATS")
    if stats:
        with open(stats, "a", encoding="utf-8") as out:
            out.write(json.dumps(dict(STATS)) + "\n")


def _test_name() -> str:
    current = os.environ.get("PYTEST_CURRENT_TEST", "?")
    return current.split("::")[-1].split(" ")[0]


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# ------------------------------------------------------------------ strategies

json_scalars = (st.none() | st.booleans() | st.integers(-(2**70), 2**70)
                | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20))
json_values = st.recursive(
    json_scalars,
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids,
                                                               max_size=4),
    max_leaves=10)
record_keys = st.sampled_from(["type", "text", "title", "language", "published", "metadata",
                               "annotations", "sha256", "source_file", "key", "canonical_name",
                               "aliases", "format", "id", "outlet", "claim"])
loose_records = st.dictionaries(record_keys, json_values | st.text(min_size=1, max_size=200),
                                max_size=6)
article_texts = st.builds(lambda tail: f"{BASE} {tail}", st.text(max_size=80))
plausible_records = st.fixed_dictionaries(
    {"text": article_texts},
    optional={key: json_values | st.text(max_size=30)
              for key in ("type", "title", "language", "published", "metadata", "outlet",
                          "claim", "source_file")})
suffixes = st.sampled_from([".txt", ".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".html"])
cell_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
                    max_size=60)
cells = cell_text | st.sampled_from(["", ",", ";", '"', '""', "\n", "\r\n", "\t", "text",
                                     BASE, "2022-02-15", "sv"])


ARTICLE_COLUMNS = ("text", "title", "language", "published", "outlet", "extra")
REGISTRY_COLUMNS = ("key", "canonical_name", "aliases", "qid", "country", "type")


@st.composite
def csv_files(draw: st.DrawFn, names: tuple[str, ...] = ARTICLE_COLUMNS,
              good_cell: st.SearchStrategy[str] = article_texts) -> tuple[str, str]:
    """A CSV table: sometimes well formed (same width, a good first column), often not."""
    columns = draw(st.lists(st.sampled_from(names) | cell_text, min_size=1, max_size=5))
    if draw(st.booleans()):
        columns = [names[1] if names[0] == "key" else names[0], *columns]
        rows = draw(st.lists(st.tuples(good_cell, *[cells for _ in columns[1:]]).map(list),
                             max_size=6))
    else:
        rows = draw(st.lists(st.lists(cells, min_size=0, max_size=len(columns) + 1),
                             max_size=6))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    if draw(st.booleans()):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter)
        writer.writerow(columns)
        writer.writerows(rows)
        text = buffer.getvalue()
    else:  # no quoting at all: broken quotes and ragged rows
        text = "\n".join(delimiter.join(r) for r in [columns, *rows])
    return text, draw(st.sampled_from([".csv", ".tsv"]))


@st.composite
def native_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A native document record whose annotations carry random offsets and references."""
    text = BASE + " " + draw(st.text(alphabet="abcdefgh xyz.", min_size=1, max_size=40))
    text = text.strip()
    size = len(text)
    offset = st.integers(-3, size + 3) | st.sampled_from([0, size, size - 1, 10**20])
    spans = []
    for _ in range(draw(st.integers(0, 4))):
        start, end = draw(offset), draw(offset)
        span: dict[str, Any] = {"uid": draw(st.text("0123456789abcdef", min_size=1,
                                                    max_size=12)),
                                "layer": draw(st.sampled_from([*LAYERS, "BOGUS", ""])),
                                "start": start, "end": end}
        if draw(st.booleans()) and isinstance(start, int) and isinstance(end, int):
            span["text"] = text[max(0, start):max(0, end)] if draw(st.booleans()) else "x"
        if draw(st.booleans()):
            span["actor"] = draw(st.sampled_from(["vollmer", "nobody", ""]))
        spans.append(span)
    refs = [s["uid"] for s in spans] + ["missing"]
    claims = [{"uid": draw(st.text("0123456789abcdef", min_size=1, max_size=12)),
               "demand_spans": draw(st.lists(st.sampled_from(refs), max_size=2)),
               "claimant": draw(st.sampled_from(["vollmer", "nobody", None])),
               "event_type": draw(st.sampled_from(["REQUEST", "CONSULT", "NOPE"])),
               "position": draw(st.sampled_from([None, -1, 0, 1, 2])),
               "gloss": draw(st.text(max_size=20))}
              for _ in range(draw(st.integers(0, 2)))]
    values = draw(st.dictionaries(st.sampled_from(["note", "relevance", "bogus_field"]),
                                  st.text(max_size=10) | st.sampled_from(["yes", "no"]),
                                  max_size=2))
    entry = {"spans": spans, "claims": claims, "values": values,
             "status": draw(st.sampled_from(["in_progress", "done", "nope"]))}
    record: dict[str, Any] = {"type": "document", "text": text,
                              "annotations": {draw(st.sampled_from(["bob", "carol"])): entry}}
    if draw(st.booleans()):
        record["sha256"] = sha256(text) if draw(st.booleans()) else "0" * 64
    return record


def _mutations() -> st.SearchStrategy[str]:
    lines = default_codebook_path().read_text(encoding="utf-8").splitlines()

    @st.composite
    def mutate(draw: st.DrawFn) -> str:
        out = list(lines)
        for _ in range(draw(st.integers(1, 6))):
            index = draw(st.integers(0, len(out) - 1))
            action = draw(st.sampled_from(["drop", "dup", "chars", "swap", "junk"]))
            if action == "drop":
                del out[index]
            elif action == "dup":
                out.insert(index, out[index])
            elif action == "swap":
                other = draw(st.integers(0, len(out) - 1))
                out[index], out[other] = out[other], out[index]
            elif action == "chars" and out[index]:
                at = draw(st.integers(0, len(out[index]) - 1))
                out[index] = out[index][:at] + draw(st.text(max_size=3)) + out[index][at + 1:]
            else:
                out.insert(index, draw(st.text(max_size=40)))
            if not out:
                break
        return "\n".join(out)

    return mutate()


# --------------------------------------------------------------------- the tests


@FUZZ
@given(data=st.binary(max_size=3000), suffix=suffixes)
def test_random_bytes_at_every_importer(target: Target, data: bytes, suffix: str) -> None:
    target.throw(write(target.path(suffix), data))


@FUZZ
@given(text=st.text(max_size=2000), suffix=suffixes,
       encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "utf-8-sig"]))
def test_random_text_in_any_encoding(target: Target, text: str, suffix: str, encoding: str
                                     ) -> None:
    target.throw(write(target.path(suffix), text.encode(encoding, errors="replace")))


@FUZZ
@given(value=json_values | st.lists(loose_records | plausible_records, max_size=4)
       | loose_records | plausible_records)
def test_random_json(target: Target, value: Any) -> None:
    target.throw(write(target.path(".json"), json.dumps(value)))


@FUZZ
@given(lines=st.lists(plausible_records | loose_records | json_values | st.text(max_size=40),
                      min_size=1, max_size=6))
def test_random_jsonl(target: Target, lines: list[Any]) -> None:
    body = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines)
    target.throw(write(target.path(".jsonl"), body), known=KNOWN_INGEST_ESCAPES)


@FUZZ
@given(table=csv_files())
def test_random_csv(target: Target, table: tuple[str, str]) -> None:
    text, suffix = table
    target.throw(write(target.path(suffix), text))


@FUZZ
@given(records=st.lists(native_documents(), min_size=1, max_size=3))
def test_random_offsets_in_native_records(target: Target, records: list[dict[str, Any]]
                                          ) -> None:
    path = write(target.path(".jsonl"), "\n".join(json.dumps(r) for r in records))
    before = target.span_uids()
    report = target.throw(path)
    if report is None or str(path) not in report.files_accepted:
        return
    stored = {s.uid: s for s in target.project.spans()}
    seen: set[str] = set()
    for record in records:
        for entry in record["annotations"].values():
            for span in entry["spans"]:
                if span["uid"] in before:
                    continue  # already there: a re-import merges by uid and keeps it
                if span["uid"] in seen:  # see KNOWN_DUPLICATE_UID_GAP
                    STATS["test_random_offsets_in_native_records: duplicate uid dropped"] += 1
                    continue
                seen.add(span["uid"])
                got = stored[span["uid"]]
                assert (got.start, got.end) == (span["start"], span["end"])
                assert got.text == record["text"][span["start"]:span["end"]]


@FUZZ
@given(text=st.text(max_size=400) | st.sampled_from(["", "<html>", "<p>x</p>"]),
       wrap=st.booleans())
def test_random_html(target: Target, text: str, wrap: bool) -> None:
    body = f"<html><body><article><p>{text}</p><p>{BASE}</p></article></body></html>" \
        if wrap else text
    target.throw(write(target.path(".html"), body))


@FUZZ
@given(table=csv_files(REGISTRY_COLUMNS, st.text(min_size=1, max_size=30)))
def test_random_registry_csv(target: Target, table: tuple[str, str]) -> None:
    text, _ = table
    path = write(target.path(".csv"), text)
    before = target.fingerprint()
    STATS["test_random_registry_csv: inputs"] += 1
    report = target.project.import_actors_csv(path)
    if str(path) in report.files_accepted:
        STATS["test_random_registry_csv: accepted"] += 1
    else:
        STATS["test_random_registry_csv: refused"] += 1
        assert report.rejected and target.fingerprint() == before
    assert target.project.check() == []


@FUZZ
@given(text=_mutations() | st.text(max_size=300))
def test_random_codebooks(text: str) -> None:
    STATS["test_random_codebooks: inputs"] += 1
    try:
        book = parse_codebook(text, "fuzz.toml")
    except CodebookError as exc:
        STATS["test_random_codebooks: refused"] += 1
        assert exc.reason and str(exc).startswith("fuzz.toml")
        return
    STATS["test_random_codebooks: accepted"] += 1
    assert book.name and book.version
    json.dumps(book.to_dict())


def test_malformed_native_records_are_refused_cleanly(tmp_path: Path) -> None:
    """Record shapes that once escaped ingest as TypeError and friends: now rejections."""
    target = Target(tmp_path)
    shapes = [{"spans": 5}, {"spans": [5]}, {"claims": [{"uid": "c", "gloss": {"a": 1}}]},
              {"values": [1]}, {"values": {"relevance": "maybe"}},
              {"spans": [{"uid": "s", "layer": "ACTOR", "start": 0, "end": 10 ** 30}]}]
    before = target.project.count_documents()
    for payload in shapes:
        record = {"type": "document", "text": BASE + " x", "annotations": {"bob": payload}}
        path = write(target.path(".jsonl"), json.dumps(record))
        report = target.project.import_paths([path])
        assert str(path) not in report.files_accepted, payload
        assert report.rejected and "file not imported" in report.rejected[-1].reason
    assert target.project.count_documents() == before
    target.project.close()


def test_a_repeated_span_uid_is_refused(tmp_path: Path) -> None:
    target = Target(tmp_path)
    spans = [{"uid": "d1", "layer": "ACTOR", "start": 0, "end": 10},
             {"uid": "d1", "layer": "DATE", "start": 500, "end": 400, "text": "nonsense"}]
    record = {"type": "document", "text": BASE + " y", "annotations": {"bob": {"spans": spans}}}
    path = write(target.path(".jsonl"), json.dumps(record))
    report = target.project.import_paths([path])
    target.project.close()
    assert str(path) not in report.files_accepted
    assert any("appears twice" in r.reason for r in report.rejected)
