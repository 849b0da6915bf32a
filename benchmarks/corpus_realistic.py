"""A realistic, deterministic corpus: scraped news articles shaped like users' input.

Articles in Swedish, Norwegian, English and German from 400 outlets of very
different kinds, with what scraped files carry (the project's input-traits guide):
a claim line above some articles ("Vollmer visited Kyiv on 3 May 2023."), site
banners and breadcrumbs, headlines repeated twice, teaser lines, local datelines
("Publicerad 1 oktober 2024 kl 15.11", "18 Nov 2024 –"), bylines, share buttons,
subscription prompts, photo captions, related-article teasers with paywall
markers, copyright disclaimers, comment sections with a captcha, left-over German
labels in Norwegian aggregator copy, machine-translation artefacts ("Kreml
-sjefen") and, in plain-text files, CRLF, BOMs, Windows-1252 and trailing blanks.

Article ``i`` depends only on ``(seed, i)``, so corpora of different sizes share
their first articles and a benchmark can rebuild the same input any time.

    from benchmarks import corpus_realistic as corpus
    corpus.article(7)                          # one Article, with the truth about it
    corpus.write_text_files(folder, 1000)      # .txt files, 1,000 per sub-folder
    corpus.write_jsonl(folder, 1000)           # JSONL records without a language field
    corpus.write_labelstudio(path, 1000)       # tasks with 5 spans + 1 document choice
    corpus.write_brat(folder, 1000)            # .txt/.ann pairs and annotation.conf
    corpus.cached("jsonl", 100_000)            # written once into the temp folder

or from the shell: ``python benchmarks/corpus_realistic.py jsonl out/ --n 5000``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import corpus_phrases as P  # noqa: E402

SEED = 17
OUTLET_COUNT = 400
PER_FOLDER = 1000
LAYERS = ("ACTOR", "DATE", "DEMAND", "SOURCE")
KINDS = ("text", "jsonl", "labelstudio", "brat")
LABEL_CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="ACTOR"/><Label value="DATE"/><Label value="DEMAND"/><Label value="SOURCE"/>
  </Labels>
  <Text name="text" value="$text"/>
  <Choices name="relevance" toName="text" choice="single">
    <Choice value="yes"/><Choice value="no"/><Choice value="unsure"/>
  </Choices>
</View>"""
"""A Label Studio labelling interface matching the tasks of :func:`labelstudio_task`."""

_TLD = {"sv": "se", "nb": "no", "en": "com", "de": "de"}
_CRUMBS = {"sv": "Hem › Utrikes › Ryssland", "nb": "Forsiden › Utenriks › Russland",
           "en": "Home › World › Europe", "de": "Startseite › Politik › Ausland"}
_EPOCH = date(2022, 1, 1)


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    language: str
    kind: str
    """One of :data:`corpus_phrases.OUTLET_KINDS` (broadcaster ... content farm)."""
    domain: str


@dataclass(frozen=True, slots=True)
class Article:
    """One scraped article and the truth about it (what a perfect importer would find)."""

    index: int
    text: str
    """The file's text: header lines and boilerplate included; NFC, LF, no trailing blanks."""
    language: str
    outlet: str
    url: str
    title: str
    published: str
    """ISO date of the dateline, or '' when the article has none."""
    claim: str
    """The claim line above the article, or ''."""
    spans: tuple[tuple[str, int, int], ...]
    """Five spans of the lead sentence (layer, start, end), code points into ``text``."""
    relevance: str


def _outlet(k: int) -> Outlet:
    lang = P.LANGS[k % 4]
    prefixes, suffixes = P.OUTLET_PARTS[lang]
    combo = k // 4
    name = prefixes[combo % len(prefixes)] + suffixes[(combo // len(prefixes)) % len(suffixes)]
    if combo >= len(prefixes) * len(suffixes):
        name += f" {24 + combo // (len(prefixes) * len(suffixes))}"
    slug = name.lower().replace(" ", "").translate(str.maketrans("åäöøæü", "aaooau"))
    return Outlet(name, lang, P.OUTLET_KINDS[(k * 7 + k // 5) % len(P.OUTLET_KINDS)],
                  f"{slug}.{_TLD[lang]}")


OUTLETS: tuple[Outlet, ...] = tuple(_outlet(k) for k in range(OUTLET_COUNT))
"""The outlets; a few large ones publish most articles, hundreds publish a few."""


_SLOTS = {"A": ("ACTOR", P.ACTORS), "T": ("ACTOR", P.TARGETS), "D": ("DEMAND", P.DEMANDS),
          "W": ("DATE", P.WHEN), "S": ("SOURCE", P.AGENCIES)}


@cache
def _parsed(template: str, lang: str) -> tuple[str, tuple[tuple[str, tuple[str, ...], str], ...]]:
    """A template as its leading text and (layer, pool, following text) per slot."""
    first, *rest = template.split("{")
    return first, tuple((_SLOTS[p[0]][0], _SLOTS[p[0]][1][lang], p[2:]) for p in rest)


def _fill(template: str, rng: random.Random, lang: str, when: dict[str, Any]
          ) -> tuple[str, list[tuple[str, int, int]]]:
    """Fill {A} {T} {D} {W} {S} slots; returns the sentence (capitalised) and each slot's
    (layer, start, end)."""
    first, slots = _parsed(template, lang)
    out = [first]
    spans: list[tuple[str, int, int]] = []
    at = len(first)
    for layer, pool, after in slots:
        value = pool[int(rng.random() * len(pool))]  # rng.choice, at half the cost
        if "{" in value:
            value = value.format(**when)
        spans.append((layer, at, at + len(value)))
        out += (value, after)
        at += len(value) + len(after)
    text = "".join(out)
    return text[:1].upper() + text[1:], spans


def _sentence(rng: random.Random, lang: str, when: dict[str, Any]) -> str:
    pool = P.SENTENCES[lang]
    return _fill(pool[int(rng.random() * len(pool))], rng, lang, when)[0]


def _date_fields(rng: random.Random, lang: str) -> tuple[date, dict[str, Any]]:
    day = _EPOCH + timedelta(days=rng.randrange(1096))
    month = P.MONTHS[lang][day.month - 1]
    return day, {"d": day.day, "m": f"{day.month:02d}", "month": month,
                 "mon": month[:3] if lang == "en" else month[:3].lower(), "y": day.year,
                 "hh": f"{rng.randrange(6, 23):02d}", "mm": f"{rng.randrange(60):02d}"}


def _head(rng: random.Random, outlet: Outlet, when: dict[str, Any]
          ) -> tuple[list[str], str, bool]:
    """Banner, breadcrumbs, headline (sometimes twice), teaser, dateline and byline;
    the lines, the headline and whether a dateline is among them."""
    lang = outlet.language
    lines = []
    if outlet.kind != "broadcaster" or rng.random() < 0.5:
        lines.append(f"{outlet.name} | {P.SLOGANS[lang]}")
    if rng.random() < 0.3:
        lines.append(_CRUMBS[lang])
    headline = _fill(rng.choice(P.HEADLINES[lang]), rng, lang, when)[0]
    lines += [headline] * (2 if rng.random() < 0.2 else 1)
    if rng.random() < 0.3:
        lines.append(rng.choice(P.TEASERS[lang]) + ".")
    dated = rng.random() < 0.85
    if dated:
        lines.append(rng.choice(P.DATELINES[lang]).format(**when))
    if rng.random() < 0.6:
        lines.append(rng.choice(P.BYLINES[lang]).format(R=rng.choice(P.REPORTERS),
                                                       S=rng.choice(P.AGENCIES[lang])))
    return lines, headline, dated


def _tail(rng: random.Random, outlet: Outlet, year: int) -> list[str]:
    """Related teasers with paywall markers, share buttons, copyright, comments."""
    lang, bp = outlet.language, P.BOILERPLATE
    lines = ["", bp["related"][lang]]
    for teaser in rng.sample(P.TEASERS[lang], 2):
        lines.append(f"• {teaser}" + (f" {bp['paywall'][lang]}" if rng.random() < 0.5 else ""))
    lines += ["", bp["share"][lang]]
    if outlet.kind in ("opinion", "content farm") or rng.random() < 0.3:
        lines += ["", bp["copyright"][lang].format(O=outlet.name, y=year)]
    if outlet.kind in ("opinion", "content farm", "aggregator"):
        lines += ["", bp["comments"][lang]]
    return lines


def article(index: int, seed: int = SEED) -> Article:
    """Article ``index`` of the corpus ``seed``."""
    rng = random.Random(seed * 1_000_003 + index)
    outlet = OUTLETS[int(OUTLET_COUNT * rng.random() ** 2.5)]
    lang = outlet.language
    day, when = _date_fields(rng, lang)
    lines: list[str] = []
    claim = ""
    if rng.random() < 0.4:
        names = {"N": rng.choice(P.CLAIM_NAMES), "M": rng.choice(P.CLAIM_NAMES),
                 "P": rng.choice(P.PLACES[lang])}
        claim = rng.choice(P.CLAIMS[lang]).format(**names, **when)
        lines += [claim, ""]
    head, headline, dated = _head(rng, outlet, when)
    lines += [*head, ""]
    lead, lead_spans = _fill(P.LEAD[lang], rng, lang, when)
    offset = sum(len(line) + 1 for line in lines)
    spans = tuple((layer, offset + a, offset + b) for layer, a, b in lead_spans)
    lines.append(" ".join([lead, *(_sentence(rng, lang, when) for _ in range(2))]))
    paragraphs = rng.randint(5, 16) * (20 if rng.random() < 0.005 else 1)
    for _ in range(paragraphs):
        lines += ["", " ".join(_sentence(rng, lang, when) for _ in range(rng.randint(1, 4)))]
        roll = rng.random()
        if roll < 0.05:
            lines += ["", P.BOILERPLATE["caption"][lang].format(R=rng.choice(P.REPORTERS))]
        elif roll < 0.08:
            lines += ["", P.BOILERPLATE[rng.choice(("signup", "subscribe"))][lang]]
        elif roll < 0.11 and lang == "nb" and outlet.kind in ("aggregator", "content farm"):
            lines += ["", rng.choice(P.LEFTOVER_LABELS)]
    lines += _tail(rng, outlet, day.year)
    slug = headline.lower().replace(" ", "-")[:40].rstrip("-")
    return Article(index, "\n".join(lines), lang, outlet.name,
                   f"https://www.{outlet.domain}/{day.year}/{day.month:02d}/{slug}-{index}",
                   headline, day.isoformat() if dated else "",
                   claim, spans, rng.choice(("yes", "yes", "yes", "no", "unsure")))


def articles(n: int, seed: int = SEED, start: int = 0) -> Iterator[Article]:
    """Articles ``start`` .. ``start + n - 1``."""
    return (article(i, seed) for i in range(start, start + n))


def _part(folder: Path, index: int) -> Path:
    sub = folder / f"part{index // PER_FOLDER:03d}"
    if index % PER_FOLDER == 0:
        sub.mkdir(parents=True, exist_ok=True)
    return sub


def _file_bytes(text: str, rng: random.Random) -> bytes:
    """The bytes a scraper leaves: mostly UTF-8, some CRLF, BOM, Windows-1252, trailing blanks."""
    roll = rng.random()
    if roll < 0.04:
        return text.replace("\n", "\r\n").encode()
    if roll < 0.07:
        return b"\xef\xbb\xbf" + text.encode()
    if roll < 0.10:
        try:
            return text.encode("cp1252")
        except UnicodeEncodeError:
            return text.encode()
    if roll < 0.14:
        return (text.replace(".\n", ".  \n") + "\n \n\t\n").encode()
    return text.encode()


def write_text_files(folder: Path, n: int, seed: int = SEED) -> list[Path]:
    """``n`` plain-text articles, one file each, :data:`PER_FOLDER` per sub-folder."""
    paths = []
    for art in articles(n, seed):
        path = _part(folder, art.index) / f"{art.index:06d}.txt"
        path.write_bytes(_file_bytes(art.text, random.Random(seed * 7919 + art.index)))
        paths.append(path)
    return paths


def jsonl_record(art: Article) -> dict[str, Any]:
    """A scraper's record: url, outlet, usually a title, the text; never a language."""
    record: dict[str, Any] = {"url": art.url, "outlet": art.outlet}
    if art.index % 10 < 7:
        record["title"] = art.title
    record["text"] = art.text
    return record


def write_jsonl(folder: Path, n: int, seed: int = SEED, per_file: int = PER_FOLDER
                ) -> list[Path]:
    """``n`` records without a language field, ``per_file`` to a ``.jsonl`` file."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for base in range(0, n, per_file):
        path = folder / f"scrape{base // per_file:04d}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for art in articles(min(per_file, n - base), seed, base):
                handle.write(json.dumps(jsonl_record(art), ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def labelstudio_task(art: Article) -> dict[str, Any]:
    """A Label Studio task: the text, one annotation of 5 labelled spans and one choice."""
    rng = random.Random(art.index)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"
    result: list[dict[str, Any]] = [
        {"id": "".join(rng.choices(alphabet, k=10)), "from_name": "label", "to_name": "text",
         "type": "labels", "origin": "manual",
         "value": {"start": start, "end": end, "text": art.text[start:end], "labels": [layer]}}
        for layer, start, end in art.spans]
    result.append({"id": "".join(rng.choices(alphabet, k=10)), "from_name": "relevance",
                   "to_name": "text", "type": "choices", "origin": "manual",
                   "value": {"choices": [art.relevance]}})
    return {"data": {"text": art.text, "outlet": art.outlet, "url": art.url},
            "annotations": [{"result": result, "was_cancelled": False, "ground_truth": False}]}


def write_labelstudio(path: Path, n: int, seed: int = SEED) -> Path:
    """``n`` annotated tasks as one Label Studio JSON file (a list), written as a stream."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        handle.write("[")
        for art in articles(n, seed):
            handle.write(("," if art.index else "") + "\n")
            handle.write(json.dumps(labelstudio_task(art), ensure_ascii=False))
        handle.write("\n]\n")
    return path


def write_brat(folder: Path, n: int, seed: int = SEED) -> Path:
    """``n`` brat documents (.txt + .ann with the 5 spans) and the collection's annotation.conf."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "annotation.conf").write_text(
        "[entities]\n" + "\n".join(LAYERS) + "\n\n[relations]\n\n[events]\n\n[attributes]\n",
        encoding="utf-8")
    for art in articles(n, seed):
        stem = _part(folder, art.index) / f"{art.index:06d}"
        stem.with_suffix(".txt").write_text(art.text, encoding="utf-8")
        ann = "".join(f"T{k}\t{layer} {start} {end}\t{art.text[start:end]}\n"
                      for k, (layer, start, end) in enumerate(art.spans, start=1))
        stem.with_suffix(".ann").write_text(ann, encoding="utf-8")
    return folder


def write(kind: str, target: Path, n: int, seed: int = SEED) -> Path:
    """Write a corpus of ``kind`` (one of :data:`KINDS`); returns the folder or file."""
    if kind == "text":
        write_text_files(target, n, seed)
    elif kind == "jsonl":
        write_jsonl(target, n, seed)
    elif kind == "labelstudio":
        return write_labelstudio(target if target.suffix == ".json" else target / "tasks.json",
                                 n, seed)
    elif kind == "brat":
        write_brat(target, n, seed)
    else:
        raise ValueError(f"unknown corpus kind {kind!r}; use one of {', '.join(KINDS)}")
    return target


def cached(kind: str, n: int, seed: int = SEED) -> Path:
    """The corpus written once under the system temp folder and reused by later runs."""
    root = Path(tempfile.gettempdir()) / f"annotator_corpus_{kind}_{n}_{seed}"
    done = root / ".complete"
    target = root / "tasks.json" if kind == "labelstudio" else root / "corpus"
    if not done.exists():
        write(kind, target, n, seed)
        done.write_text("ok\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("target", type=Path, help="folder (a .json file for labelstudio)")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    print(write(args.kind, args.target, args.n, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
