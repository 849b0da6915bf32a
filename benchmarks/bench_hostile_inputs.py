"""Hostile-input benchmark: the work the limits of core/limits.py allow, against baselines.

* The text view on the longest accepted line (``MAX_LINE_CHARS`` characters, one
  paragraph): ``DocumentView.set_document`` with spans, a scroll to the middle and
  a relayout after a resize, against a bare ``QPlainTextEdit.setPlainText`` of the
  same text in the same run. Target: the view within 3x the bare widget (on an idle
  machine both take well under a second).
* A codebook of 30,000 codes: ``parse_codebook`` (validation included) against
  ``tomllib.loads`` of the same text alone. Target: faster than that baseline (it
  parses with rtoml; on an idle machine about 0.4 s).
* A package of 64 MB of newlines (under a megabyte on disk): the time to refuse it,
  against reading the same zip's central directory with ``zipfile``. Target: under
  50 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_hostile_inputs.py
    ... --smoke   # small sizes, for the smoke run
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

os.environ.setdefault("ANNOTATOR_BACKUP_KEEP", "0")  # scratch projects: no rolling backups
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.core import Project  # noqa: E402
from annotator.core.codebook import default_codebook_path, parse_codebook  # noqa: E402
from annotator.core.errors import PackageError  # noqa: E402
from annotator.core.limits import MAX_LINE_CHARS  # noqa: E402
from annotator.core.team import package as pkg  # noqa: E402

VIEW_RATIO_TARGET = 3.0
CODEBOOK_RATIO_TARGET = 1.0
PACKAGE_TARGET_S = 0.05


def _timed(action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - started


def bench_view(folder: Path, chars: int) -> bool:
    from PySide6.QtWidgets import QApplication, QPlainTextEdit

    from annotator.gui.workspace.document_view import DocumentView

    app = QApplication.instance() or QApplication([])
    line = ("Förbundskanslern krävde att trupperna dras tillbaka " * (chars // 50 + 1))
    text = f"Title\n\n{line[:chars - 7]}"
    source = folder / "long.txt"
    source.write_text(text, encoding="utf-8")
    with Project.create(folder / "long.annotator") as project:
        report = project.import_paths([source])
        assert not report.rejected, report.rejected
        doc = project.document(report.imported[0])
        for start in range(10, len(doc.text) - 20, max(1, len(doc.text) // 50)):
            project.add_span(doc.id, "alice", "ACTOR", start, start + 16)
        spans = project.spans(doc.id, "alice")
        view = DocumentView()
        view.set_layers(project.codebook.layers)
    view.resize(1100, 800)
    view.show()
    bare = QPlainTextEdit()
    bare.resize(1100, 800)
    bare.show()

    def show(widget: object, load: object) -> tuple[float, float, float]:
        edit = widget.edit if hasattr(widget, "edit") else widget  # type: ignore[attr-defined]
        loaded = _timed(lambda: (load(), app.processEvents(), edit.viewport().repaint()))  # type: ignore[operator]
        bar = edit.verticalScrollBar()
        scrolled = _timed(lambda: (bar.setValue(bar.maximum() // 2), app.processEvents(),
                                   edit.viewport().repaint()))
        resized = _timed(lambda: (widget.resize(800, 800), app.processEvents(),  # type: ignore[attr-defined]
                                  edit.viewport().repaint()))
        return loaded, scrolled, resized

    ours = show(view, lambda: view.set_document(doc, spans))
    base = show(bare, lambda: bare.setPlainText(doc.text))
    total, base_total = sum(ours), sum(base)
    ratio = total / max(base_total, 1e-9)
    print(f"text view, one line of {len(doc.text):,} characters, {len(spans)} spans:")
    for name, a, b in zip(("show", "scroll to the middle", "relayout after resize"), ours,
                          base, strict=True):
        print(f"  {name:<22} {a * 1000:8.1f} ms   bare QPlainTextEdit {b * 1000:8.1f} ms")
    print(f"  total {total:.2f} s, {ratio:.2f}x the bare widget (target {VIEW_RATIO_TARGET}x)")
    view.close()
    bare.close()
    return ratio <= VIEW_RATIO_TARGET


def bench_codebook(codes: int) -> bool:
    base = default_codebook_path().read_text(encoding="utf-8")
    text = base + '\n[vocabularies.big]\nkind = "nominal"\n' + "".join(
        f'[[vocabularies.big.values]]\ncode = "c{i}"\nlabel = "Code {i}"\n'
        for i in range(codes))
    ours = _timed(lambda: parse_codebook(text))
    baseline = _timed(lambda: tomllib.loads(text))
    ratio = ours / max(baseline, 1e-9)
    print(f"codebook of {codes:,} codes ({len(text) / 1e6:.1f} MB): parse_codebook "
          f"{ours * 1000:.0f} ms, tomllib.loads alone {baseline * 1000:.0f} ms, "
          f"{ratio:.2f}x (target {CODEBOOK_RATIO_TARGET}x)")
    return ratio <= CODEBOOK_RATIO_TARGET


def bench_package(folder: Path, megabytes: int) -> bool:
    contents = {pkg.CODEBOOK: default_codebook_path().read_bytes(), pkg.REGISTRY: b"",
                pkg.DOCUMENTS: b"\n" * (megabytes * 1024 * 1024), pkg.DELETIONS: b"{}"}
    bomb = folder / "newlines.annpkg"
    pkg.write_package(bomb, {"format": pkg.FORMAT, "format_version": pkg.FORMAT_VERSION},
                      contents)

    def refuse() -> None:
        try:
            pkg.read_package(bomb)
        except PackageError:
            return
        raise AssertionError("the package of newlines was accepted")

    ours = _timed(refuse)
    baseline = _timed(lambda: zipfile.ZipFile(bomb).infolist())
    print(f"package of {megabytes} MB of newlines ({bomb.stat().st_size / 1024:.0f} KB on "
          f"disk): refused in {ours * 1000:.1f} ms; listing its zip directory "
          f"{baseline * 1000:.1f} ms (target {PACKAGE_TARGET_S * 1000:.0f} ms)")
    return ours <= PACKAGE_TARGET_S


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="small sizes; no targets")
    args = parser.parse_args()
    chars, codes, megabytes = (50_000, 2_000, 8) if args.smoke else \
        (MAX_LINE_CHARS, 30_000, 64)
    with tempfile.TemporaryDirectory() as tmp:
        results = [bench_view(Path(tmp), chars), bench_codebook(codes),
                   bench_package(Path(tmp), megabytes)]
    met = all(results)
    print("targets met" if met else "a target was missed (figures above)")
    return 0 if met or args.smoke else 1


if __name__ == "__main__":
    sys.exit(main())
