"""Every importer with good and bad input; each file all or nothing; the report says why."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from annotator.core import Project
from annotator.core.text import sha256

ARTICLE = (
    "Vollmer ringde Putin\n"
    "Publicerad 15 februari 2022 kl 15.11\n\n"
    "Förbundskanslern Katrin Vollmer krävde i går att Ryssland drar tillbaka sina trupper "
    "från gränsen. – Det är allvarligt, sa hon enligt TT.\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    with Project.create(tmp_path / "p.annotator") as proj:
        yield proj


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_txt_header_claim_title_date_language(project: Project, tmp_path: Path) -> None:
    text = "Vollmer called Putin on 14 February 2022.\n\n" + ARTICLE
    report = project.import_paths([write(tmp_path / "a.txt", text)])
    assert len(report.imported) == 1 and not report.rejected
    doc = project.document(report.imported[0])
    assert doc.claim == "Vollmer called Putin on 14 February 2022."
    assert not doc.text.startswith("Vollmer called")
    assert doc.title == "Vollmer ringde Putin"
    assert doc.published == "2022-02-15"
    assert doc.language == "sv"
    assert doc.sha256 == sha256(doc.text)


def test_reimport_same_text_is_noop(project: Project, tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    first = project.import_paths([path])
    second = project.import_paths([path])
    assert len(first.imported) == 1
    assert second.imported == [] and len(second.duplicates) == 1
    assert project.count_documents() == 1


def test_binary_and_empty_files_are_rejected(project: Project, tmp_path: Path) -> None:
    binary = write(tmp_path / "bin.txt", bytes(range(256)) * 20)
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.txt", b"  \n\r\n \n")
    report = project.import_paths([binary, empty, blank])
    reasons = {Path(r.source).name: r.reason for r in report.rejected}
    assert "binary" in reasons["bin.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "blank.txt" in reasons
    assert project.count_documents() == 0


def test_windows_1252_bom_nul_crlf(project: Project, tmp_path: Path) -> None:
    cp = write(tmp_path / "cp.txt", ARTICLE.replace("\n", "\r\n").encode("cp1252"))
    bom = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + ARTICLE.replace("Putin", "Putins")
                .encode("utf-8") + b"\n\n   \n")
    nul = write(tmp_path / "nul.txt", ARTICLE.replace("Ryssland", "Ryss\x00land x")
                .encode("utf-8"))
    report = project.import_paths([cp, bom, nul])
    assert not report.rejected
    texts = [project.text(d) for d in report.imported]
    assert all("\r" not in t and "\x00" not in t and "\ufeff" not in t for t in texts)
    assert "Förbundskanslern" in texts[0]  # cp1252 decoded, not mojibake
    assert texts[1].endswith("enligt TT.")  # trailing whitespace lines dropped
    assert "Ryssland x" in texts[2]


def test_nfd_input_is_stored_nfc(project: Project, tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", ARTICLE)
    assert nfd != ARTICLE
    report = project.import_paths([write(tmp_path / "nfd.txt", nfd)])
    text = project.text(report.imported[0])
    assert unicodedata.is_normalized("NFC", text)
    assert "Förbundskanslern" in text


def test_text_outside_bmp_keeps_code_point_offsets(project: Project, tmp_path: Path) -> None:
    text = "🇺🇦🙏 Zelenskyj tackade Vollmer. " + ARTICLE
    report = project.import_paths([write(tmp_path / "emoji.txt", text)])
    doc_id = report.imported[0]
    stored = project.text(doc_id)
    start = stored.index("Zelenskyj")
    span = project.add_span(doc_id, "alice", "ACTOR", start, start + 9).after
    assert span.text == "Zelenskyj"
    assert start == 4  # two regional indicators + one emoji + space: 4 code points


def test_jsonl_bad_line_rejects_whole_file_with_line(project: Project, tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"Article number {i}. " + ARTICLE}) for i in range(60)]
    lines[56] = '{"text": "broken'
    bad = write(tmp_path / "many.jsonl", "\n".join(lines))
    good = write(tmp_path / "good.jsonl", json.dumps({"text": ARTICLE, "title": "T",
                                                      "outlet": "SVT"}))
    report = project.import_paths([bad, good])
    assert any(r.line == 57 and "invalid JSON" in r.reason for r in report.rejected)
    assert project.count_documents() == 1  # nothing of many.jsonl, all of good.jsonl
    assert project.document(report.imported[0]).outlet == "SVT"


def test_json_list_and_wrong_types(project: Project, tmp_path: Path) -> None:
    ok = write(tmp_path / "list.json", json.dumps([{"text": ARTICLE}, {"text": ARTICLE + "x"}]))
    wrong = write(tmp_path / "wrong.json", json.dumps([{"text": 5}]))
    report = project.import_paths([ok, wrong])
    assert len(report.imported) == 2
    assert any("wrong.json" in r.source for r in report.rejected)


def test_csv_named_column_and_missing_column(project: Project, tmp_path: Path) -> None:
    body = ARTICLE.replace('"', "")
    good = write(tmp_path / "a.csv", f'body,title,outlet,extra\n"{body}",Samtal,SVT,x\n')
    report = project.import_paths([good], text_column="body")
    assert len(report.imported) == 1
    doc = project.document(report.imported[0])
    assert doc.title == "Samtal" and doc.outlet == "SVT" and doc.metadata == {"extra": "x"}
    missing = project.import_paths([good], text_column="text")
    assert missing.imported == []
    assert "no column named 'text'" in missing.rejected[0].reason
    assert "body" in missing.rejected[0].reason


def test_html_main_text_extracted_offline(project: Project, tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in ARTICLE.split("\n") if line)
    html = (
        "<html><head><title>Vollmer ringde Putin</title></head><body>"
        "<nav>Hem | Nyheter | Sport</nav><article><h1>Vollmer ringde Putin</h1>"
        f"{paragraphs}{paragraphs.replace('krävde', 'sa')}"
        '<img src="http://example.invalid/x.png"></article>'
        "<footer>Dela på Facebook</footer></body></html>"
    )
    report = project.import_paths([write(tmp_path / "a.html", html)])
    assert not report.rejected, report.rejected
    text = project.text(report.imported[0])
    assert "Förbundskanslern Katrin Vollmer" in text
    assert "Hem | Nyheter" not in text


def test_unsupported_suffix_and_missing_file(project: Project, tmp_path: Path) -> None:
    report = project.import_paths([write(tmp_path / "a.pdf", b"%PDF-1.4"),
                                   tmp_path / "nope.txt"])
    reasons = sorted(r.reason for r in report.rejected)
    assert any("unsupported file type .pdf" in r for r in reasons)
    assert any("not found" in r for r in reasons)


def test_folder_import_and_report(project: Project, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    write(folder / "one.txt", ARTICLE)
    write(folder / "sub" / "two.txt", ARTICLE + " Mer text.")
    write(folder / "skip.bin", b"\x00\x01")
    report = project.import_paths([folder])
    assert len(report.imported) == 2 and not report.rejected
    assert "2 documents imported" in report.summary()


@pytest.mark.slow
def test_50_mb_file(project: Project, tmp_path: Path) -> None:
    paragraph = "Förbundskanslern krävde att trupperna dras tillbaka. " * 20 + "\n"
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(paragraph)
    report = project.import_paths([big])
    assert len(report.imported) == 1
    assert project.documents()[0].length > 49_000_000


def test_cancel_stops_between_files(project: Project, tmp_path: Path) -> None:
    from annotator.core import TaskState

    for i in range(5):
        write(tmp_path / f"{i}.txt", f"Artikel {i}. " + ARTICLE)
    state = TaskState()

    def on_progress(done: int, total: int, message: str) -> None:
        if done == 2:
            state.cancel()

    state._on_progress = on_progress
    report = project.import_paths([tmp_path], state=state)
    assert report.cancelled
    assert len(report.imported) == 2
    assert project.count_documents() == 2  # whole files only


def test_quoted_teaser_is_not_a_claim(project: Project, tmp_path: Path) -> None:
    teaser = "“Diplomacy still has a pulse 🙏” — the envoy’s post set the tone.\n\n"
    dated = "Utenriksminister Haugland møtte Putin i Moskva 15. februar 2022.\n\n"
    report = project.import_paths([write(tmp_path / "t.txt", teaser + ARTICLE),
                                   write(tmp_path / "d.txt", dated + ARTICLE + " Mer.")])
    first, second = (project.document(d) for d in report.imported)
    assert first.claim == "" and first.text.startswith("“Diplomacy")
    assert second.claim.startswith("Utenriksminister Haugland")  # "15. februar" is no break
