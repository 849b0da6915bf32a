"""A synthetic project for the performance suite.

N articles of about 3 KB in four languages, ten spans and one claim per article
by annotator ``a1``, and on 10 % of the articles the same again (with small
differences) by ``a2`` and ``a3``. Built through the repository in a few large
transactions, so that building it is not what the suite measures. Cached by N
under the system temp folder.
"""

from __future__ import annotations

import contextlib
import os
import random
import tempfile
from collections.abc import Iterator
from pathlib import Path

from annotator.core import Project
from annotator.core.models import Claim, ClaimId, DocId, NewDocument, Span, SpanId, new_uid
from annotator.core.project import rules
from annotator.core.store.db import open_db
from annotator.core.store.repository import Repository
from annotator.core.text import sha256

os.environ.setdefault("ANNOTATOR_BACKUP_KEEP", "0")  # scratch projects: no rolling backups

SENTENCES = {
    "sv": ["Förbundskansler Vollmer krävde i går att Ryssland drar tillbaka sina trupper.",
           "Kreml svarade att Ukraina måste avstå från Nato-medlemskap, enligt TT.",
           "Utrikesminister Sandström sa att dörren till Nato ska stå öppen."],
    "nb": ["Statsminister Haugland sier at Russland må trekke styrkene tilbake, ifølge NTB.",
           "Kreml-sjefen krever at Ukraina gir opp Nato-medlemskapet forrige uke.",
           "Utsendingen reiser til Oslo neste uke for samtaler."],
    "en": ["Chancellor Vollmer urged President Putin on Monday to withdraw his troops.",
           "The Kremlin demanded that Ukraine renounce NATO membership, Reuters reported.",
           "The US envoy will travel to Berlin next week for talks with the chancellor."],
    "de": ["Bundeskanzlerin Vollmer forderte am Montag den Abzug der russischen Truppen.",
           "Der Kreml verlangte, dass die Ukraine auf die Nato-Mitgliedschaft verzichtet.",
           "Der US-Gesandte reist nächste Woche nach Berlin, berichtet dpa."],
}
LAYERS = ("ACTOR", "DATE", "DEMAND", "SOURCE")


def article(i: int, rng: random.Random) -> NewDocument:
    lang = ("sv", "nb", "en", "de")[i % 4]
    lines = [f"Artikel {i}: {rng.choice(SENTENCES[lang])}", ""]
    while sum(len(x) + 1 for x in lines) < 3000:
        lines.append(" ".join(rng.choice(SENTENCES[lang]) for _ in range(3)))
    return NewDocument(text="\n".join(lines), title=f"Artikel {i}", outlet=f"Outlet {i % 37}",
                       language=lang, published=f"2022-02-{1 + i % 28:02d}")


def project_path(n: int) -> Path:
    return Path(tempfile.gettempdir()) / f"annotator_bench_{n}.annotator"


@contextlib.contextmanager
def store(path: Path, *, read_only: bool = False) -> Iterator[Repository]:
    """The project file's store, opened directly: synthetic projects are filled (and
    baselines read) in bulk beside the façade, which keeps its own store private."""
    db = open_db(path, read_only=read_only)
    try:
        yield Repository(db)
    finally:
        db.close()


def reusable(path: Path) -> bool:
    """Whether a cached benchmark project can be used as it is (upgraded if older).

    A cache another checkout built (another branch's schema of the same version, a
    damaged file) is removed, so the caller builds it again instead of failing."""
    if not path.exists():
        return False
    from annotator.core.errors import AnnotatorError

    try:
        with Project.open(path) as project:
            usable = not project.read_only
    except (AnnotatorError, OSError):
        usable = False
    if not usable:
        discard(path)
    return usable


def discard(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build(n: int, *, force: bool = False) -> Path:
    path = project_path(n)
    if not force and reusable(path):
        return path
    discard(path)
    rng = random.Random(7)
    with Project.create(path) as project:
        actors = [project.add_actor(f"Actor {k}", key=f"actor-{k}").after.id for k in range(50)]
    with store(path) as repo:
        with repo.write():
            ids = [rules.annotator_id(repo, name) for name in ("a1", "a2", "a3")]
        chunk = 5000
        for base in range(0, n, chunk):
            with repo.write():
                docs = [article(i, rng) for i in range(base, min(n, base + chunk))]
                doc_ids = repo.insert_documents([(d, sha256(d.text)) for d in docs], None)
                for doc, doc_id in zip(docs, doc_ids, strict=True):
                    coders = ids if doc_id and doc_id % 10 == 0 else ids[:1]
                    for annotator_id in coders:
                        _annotate(repo, DocId(doc_id or 0), annotator_id, doc.text, actors, rng)
    return path


def _annotate(repo, doc_id: DocId, annotator_id, text: str, actors, rng) -> None:  # type: ignore[no-untyped-def]
    span_ids = []
    for k in range(10):
        start = 40 + k * 250 + rng.randint(0, 5)
        end = start + rng.randint(5, 25)
        layer = LAYERS[k % 4]
        span = Span(SpanId(0), new_uid(), doc_id, "", layer, start, end, text[start:end],
                    actor_id=rng.choice(actors) if layer == "ACTOR" else None,
                    attributes={"value": "2022-02-14", "precision": "day"}
                    if layer == "DATE" else {})
        span_ids.append(repo.insert_span(span, annotator_id))
    claim = Claim(ClaimId(0), new_uid(), doc_id, "", claimant_id=rng.choice(actors),
                  addressee_id=rng.choice(actors), demand_span_ids=(span_ids[2],),
                  position=rng.choice((-1, 0, 1)), source_reliability=rng.choice("ABC"),
                  info_credibility=rng.choice("123"))
    repo.insert_claim(claim, annotator_id)
    repo.set_value(doc_id, annotator_id, "relevance", rng.choice(("yes", "yes", "no")))
    repo.set_status(doc_id, annotator_id, rng.choice(list(_statuses())))


def _statuses():  # type: ignore[no-untyped-def]
    from annotator.core.models import Status

    return Status
