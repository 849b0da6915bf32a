"""Plain baselines for the whole-process benchmarks: what a short script with sqlite3, json
and csv does with the same input, run as its own process exactly as the CLI is.

    python benchmarks/process_baselines.py import-jsonl FOLDER DB
    python benchmarks/process_baselines.py import-labelstudio TASKS.json DB
    python benchmarks/process_baselines.py export-jsonl|export-csv|export-labelstudio PROJECT OUT
    python benchmarks/process_baselines.py info PROJECT

Imports build a documents table with a UNIQUE sha256 and an FTS5 index (as the
project has) in one transaction, and nothing else: no cleaning, no language
detection, no header lines. Exports read a project's documents, spans and
document values with one ordered query each and write them with json.dumps or
csv.writer: no codebook, no actors, no selection.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

_SCHEMA = """
PRAGMA journal_mode=WAL;
CREATE TABLE documents(id INTEGER PRIMARY KEY, sha256 TEXT UNIQUE, text TEXT, title TEXT,
                       outlet TEXT, url TEXT);
CREATE VIRTUAL TABLE fts USING fts5(title, text, content='documents', content_rowid='id',
                                    tokenize='unicode61 remove_diacritics 2');
CREATE TABLE spans(doc_id INTEGER, layer TEXT, start INTEGER, "end" INTEGER, text TEXT);
CREATE TABLE doc_values(doc_id INTEGER, field TEXT, value TEXT);
"""


def _connect(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.executescript(_SCHEMA)
    conn.execute("BEGIN")
    return conn


def _insert(conn: sqlite3.Connection, text: str, title: str, outlet: str, url: str) -> int:
    sha = hashlib.sha256(text.encode()).hexdigest()
    cur = conn.execute("INSERT INTO documents(sha256, text, title, outlet, url) "
                       "VALUES (?,?,?,?,?)", (sha, text, title, outlet, url))
    doc_id = int(cur.lastrowid or 0)
    conn.execute("INSERT INTO fts(rowid, title, text) VALUES (?,?,?)", (doc_id, title, text))
    return doc_id


def import_jsonl(folder: Path, db: Path) -> int:
    conn = _connect(db)
    count = 0
    for part in sorted(folder.rglob("*.jsonl")):
        with part.open(encoding="utf-8") as handle:
            for line in handle:
                rec = json.loads(line)
                _insert(conn, rec["text"], rec.get("title", ""), rec.get("outlet", ""),
                        rec.get("url", ""))
                count += 1
    conn.execute("COMMIT")
    return count


def import_labelstudio(path: Path, db: Path) -> int:
    conn = _connect(db)
    tasks = json.loads(path.read_text(encoding="utf-8"))
    for task in tasks:
        data = task["data"]
        doc_id = _insert(conn, data["text"], "", data.get("outlet", ""), data.get("url", ""))
        for annotation in task.get("annotations", []):
            for res in annotation["result"]:
                value = res["value"]
                if "start" in value:
                    conn.execute('INSERT INTO spans VALUES (?,?,?,?,?)',
                                 (doc_id, value["labels"][0], value["start"], value["end"],
                                  value["text"]))
                else:
                    conn.execute("INSERT INTO doc_values VALUES (?,?,?)",
                                 (doc_id, res["from_name"], value["choices"][0]))
    conn.execute("COMMIT")
    return len(tasks)


def _bundles(project: Path) -> Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]],
                                             list[tuple[Any, ...]]]]:
    """Each document with its spans and values: three ordered queries merged."""
    conn = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    docs = conn.execute("SELECT id, sha256, text, title, outlet, url, language, published "
                        "FROM documents ORDER BY id")
    spans = conn.execute('SELECT doc_id, uid, layer, start, "end", text, actor_id, attributes '
                         "FROM spans ORDER BY doc_id, start")
    values = conn.execute("SELECT doc_id, field, value FROM doc_values ORDER BY doc_id, field")
    span, value = next(spans, None), next(values, None)
    for doc in docs:
        mine_spans, mine_values = [], []
        while span is not None and span[0] == doc[0]:
            mine_spans.append(span)
            span = next(spans, None)
        while value is not None and value[0] == doc[0]:
            mine_values.append(value)
            value = next(values, None)
        yield doc, mine_spans, mine_values


_DOC_KEYS = ("id", "sha256", "text", "title", "outlet", "url", "language", "published")


def export_jsonl(project: Path, out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for doc, spans, values in _bundles(project):
            record = dict(zip(_DOC_KEYS, doc, strict=True))
            record["spans"] = [{"uid": s[1], "layer": s[2], "start": s[3], "end": s[4],
                                "text": s[5], "actor_id": s[6], "attributes": json.loads(s[7])}
                               for s in spans]
            record["values"] = {v[1]: json.loads(v[2]) for v in values}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def export_csv(project: Path, folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    with (folder / "documents.csv").open("w", encoding="utf-8", newline="") as d_handle, \
            (folder / "spans.csv").open("w", encoding="utf-8", newline="") as s_handle:
        documents, span_rows = csv.writer(d_handle), csv.writer(s_handle)
        documents.writerow([*_DOC_KEYS, "values"])
        span_rows.writerow(["doc_id", "uid", "layer", "start", "end", "text", "actor_id",
                            "attributes"])
        for doc, spans, values in _bundles(project):
            documents.writerow([*doc, json.dumps({v[1]: v[2] for v in values})])
            span_rows.writerows(spans)
            count += 1
    return count


def export_labelstudio(project: Path, out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        handle.write("[")
        for doc, spans, values in _bundles(project):
            result: list[dict[str, Any]] = [
                {"id": s[1][:10], "from_name": "label", "to_name": "text", "type": "labels",
                 "value": {"start": s[3], "end": s[4], "text": s[5], "labels": [s[2]]}}
                for s in spans]
            result += [{"from_name": v[1], "to_name": "text", "type": "choices",
                        "value": {"choices": [json.loads(v[2])]}} for v in values]
            task = {"id": doc[0], "data": {"text": doc[2], "title": doc[3], "outlet": doc[4]},
                    "annotations": [{"result": result}]}
            handle.write(("," if count else "") + "\n" + json.dumps(task, ensure_ascii=False))
            count += 1
        handle.write("\n]\n")
    return count


def info(project: Path) -> int:
    conn = sqlite3.connect(f"file:{project}?mode=ro", uri=True)
    documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    languages = conn.execute("SELECT language, count(*) FROM documents GROUP BY language")
    statuses = conn.execute("SELECT a.name, s.status, count(*) FROM doc_status s JOIN "
                            "annotators a ON a.id = s.annotator_id GROUP BY 1, 2")
    print(f"{project}: {documents} documents")
    print("languages: " + ", ".join(f"{k or '?'} {v}" for k, v in languages))
    for name, status, count in statuses:
        print(f"annotator {name}: {status} {count}")
    return int(documents)


COMMANDS = {"import-jsonl": import_jsonl, "import-labelstudio": import_labelstudio,
            "export-jsonl": export_jsonl, "export-csv": export_csv,
            "export-labelstudio": export_labelstudio}


def main(argv: list[str]) -> int:
    if argv[0] == "info":
        info(Path(argv[1]))
        return 0
    count = COMMANDS[argv[0]](Path(argv[1]), Path(argv[2]))
    print(f"{argv[0]}: {count} documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
