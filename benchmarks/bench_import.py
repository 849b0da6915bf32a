"""Import benchmark: N synthetic ~3 KB articles through Project.import_paths vs plain sqlite3.

The baseline inserts the same texts with plain sqlite3 in one transaction and
builds an FTS5 index over them. Both runs start from files on disk, so both
pay for reading them. Prints both times and the ratio (target at N=100,000: 1.5).

    .venv/bin/python benchmarks/bench_import.py --n 100000
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core import Project  # noqa: E402

os.environ.setdefault("ANNOTATOR_BACKUP_KEEP", "0")  # scratch projects: no rolling backups

WORDS = {
    "sv": "förbundskanslern krävde att Ryssland drar tillbaka trupperna från gränsen enligt "
          "TT och Kreml svarade i går att Nato måste ge garantier".split(),
    "nb": "statsministeren sier at Russland må trekke styrkene tilbake fra grensen ifølge NTB "
          "og Kreml svarte i går at Nato må gi garantier".split(),
    "en": "the chancellor demanded that Russia withdraw its troops from the border according "
          "to Reuters and the Kremlin replied yesterday that NATO must give guarantees".split(),
    "de": "die Bundeskanzlerin forderte dass Russland seine Truppen von der Grenze abzieht "
          "laut dpa und der Kreml antwortete gestern die Nato müsse Garantien geben".split(),
}


def article(i: int, rng: random.Random) -> tuple[str, str]:
    lang = ("sv", "nb", "en", "de")[i % 4]
    words = WORDS[lang]
    lines = [f"Artikel {i}: " + " ".join(rng.choices(words, k=8)), ""]
    while sum(len(x) for x in lines) < 3000:
        lines.append(" ".join(rng.choices(words, k=rng.randint(12, 30))).capitalize() + ".")
    return lang, "\n".join(lines)


def write_corpus(folder: Path, n: int) -> Path:
    """One JSONL file per 1,000 articles (how large corpora usually arrive)."""
    rng = random.Random(42)
    folder.mkdir(parents=True, exist_ok=True)
    handle = None
    for i in range(n):
        if i % 1000 == 0:
            if handle:
                handle.close()
            handle = (folder / f"part{i // 1000:04d}.jsonl").open("w", encoding="utf-8")
        lang, text = article(i, rng)
        handle.write(json.dumps({"text": text, "language": lang, "title": f"Artikel {i}"},
                                ensure_ascii=False) + "\n")
    if handle:
        handle.close()
    return folder


def baseline(folder: Path, db_path: Path) -> float:
    start = time.perf_counter()
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE documents(id INTEGER PRIMARY KEY, sha256 TEXT UNIQUE, "
                 "text TEXT, title TEXT, language TEXT)")
    conn.execute("CREATE VIRTUAL TABLE fts USING fts5(title, text, content='documents', "
                 "content_rowid='id', tokenize='unicode61 remove_diacritics 2')")
    conn.execute("BEGIN")
    for part in sorted(folder.glob("*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            sha = hashlib.sha256(rec["text"].encode()).hexdigest()
            cur = conn.execute("INSERT INTO documents(sha256, text, title, language) "
                               "VALUES (?,?,?,?)", (sha, rec["text"], rec["title"],
                                                    rec["language"]))
            conn.execute("INSERT INTO fts(rowid, title, text) VALUES (?,?,?)",
                         (cur.lastrowid, rec["title"], rec["text"]))
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - start


def ours(folder: Path, db_path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    with Project.create(db_path) as project:
        report = project.import_paths([folder])
        count = len(report.imported)
    return time.perf_counter() - start, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench_import_"))
    try:
        folder = write_corpus(work / "corpus", args.n)
        base = baseline(folder, work / "base.sqlite")
        mine, count = ours(folder, work / "ours.annotator")
        assert count == args.n, f"imported {count} of {args.n}"
        ratio = mine / base
        print(f"import N={args.n}: annotator {mine:.2f} s, plain sqlite3+FTS5 {base:.2f} s, "
              f"ratio {ratio:.2f} (target <= 1.5) -> {'OK' if ratio <= 1.5 else 'MISS'}")
        print(f"  per document: annotator {mine / args.n * 1e3:.3f} ms, "
              f"baseline {base / args.n * 1e3:.3f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
