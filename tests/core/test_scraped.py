"""Scraped articles: language, header lines, outlet and boilerplate, one small case per rule."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from annotator.core import Project
from annotator.core.boilerplate import RepeatCounter, merge, segment, subtract
from annotator.core.header import date_in_line, is_title_cased, parse_header
from annotator.core.text import detect_language, language_of_record
from tests.storage import raw


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    with Project.create(tmp_path / "p.annotator") as proj:
        yield proj


PARAGRAPH = {
    "sv": "Utrikesministern sa på fredagen att regeringen inte tänker ändra sin hållning "
          "i frågan om sanktionerna, och att beskedet från Moskva inte förändrar något för "
          "de nordiska länderna.",
    "nb": "Utenriksministeren sa fredag at regjeringen ikke vil endre sitt standpunkt i "
          "spørsmålet om sanksjonene, og at beskjeden fra Moskva ikke endrer noe for de "
          "nordiske landene.",
    "da": "Udenrigsministeren sagde fredag, at regeringen ikke vil ændre sin holdning i "
          "spørgsmålet om sanktionerne, og at beskeden fra Moskva ikke ændrer noget for de "
          "nordiske lande.",
    "en": "The foreign minister said on Friday that the government would not change its "
          "position on the sanctions, and that the message from Moscow changes nothing for "
          "the Nordic countries.",
    "de": "Der Außenminister sagte am Freitag, die Regierung werde ihre Haltung zu den "
          "Sanktionen nicht ändern, und die Botschaft aus Moskau ändere nichts für die "
          "nordischen Länder.",
}


@pytest.mark.parametrize("lang", sorted(PARAGRAPH))
def test_language_of_a_paragraph(lang: str) -> None:
    banner = "Share this article: Facebook Twitter\n"  # short English chrome is not read
    assert detect_language(banner + PARAGRAPH[lang]) == lang


def test_language_named_under_other_keys() -> None:
    assert language_of_record({"lang": "en"}) == "en"
    assert language_of_record({"locale": "sv_SE"}) == "sv-SE"
    assert language_of_record({"metadata": {"language": "nb"}}) == "nb"
    assert language_of_record({"text": "x"}) == ""


def test_record_with_lang_key_is_not_detected(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": PARAGRAPH["sv"], "lang": "en"}) + "\n", "utf-8")
    doc = project.document(project.import_paths([path]).imported[0])
    assert doc.language == "en"


def test_dates_in_every_header_form() -> None:
    assert date_in_line("Publicerad 1 oktober 2024 kl 15.11") == "2024-10-01"
    assert date_in_line("Oppdatert 3.11.2024") == "2024-11-03"
    assert date_in_line("Published November 4, 2024") == "2024-11-04"
    assert date_in_line("CONFLICT RESOLUTION - MEDIATION, 18 Nov 2024") == "2024-11-18"
    assert date_in_line("Stand: 27.05.2023") == "2023-05-27"
    assert date_in_line("i november 2024") == "2024-11"  # month precision


def test_section_rubric_date_and_dateline() -> None:
    rubric = parse_header("CONFLICT RESOLUTION - MEDIATION, 18 Nov 2024\nTalks resume in "
                          "Geneva\n\n" + PARAGRAPH["en"])
    assert rubric.published == "2024-11-18" and rubric.title == "Talks resume in Geneva"
    dateline = parse_header("Talks resume in Geneva\n\n15 Nov 2024 – " + PARAGRAPH["en"])
    assert dateline.published == "2024-11-15"


def test_published_and_updated_apart() -> None:
    head = parse_header("Nytt samtal om Ukraina\nPublicerad 1 oktober 2024 kl 15.11\n"
                        "Uppdaterad 2 oktober 2024\n\n" + PARAGRAPH["sv"])
    assert (head.published, head.updated) == ("2024-10-01", "2024-10-02")
    only_updated = parse_header("Nytt samtal\nUppdaterad 2 okt 2024\n\n" + PARAGRAPH["sv"])
    assert (only_updated.published, only_updated.updated) == ("2024-10-02", "2024-10-02")


def test_aggregator_slogan_and_banner_are_not_the_title() -> None:
    slogan = parse_header("Get all your news in one place.\nRussia and Ukraine resume "
                          "talks\n\n" + PARAGRAPH["en"])
    assert slogan.title == "Russia and Ukraine resume talks"
    banner = parse_header("Norrnytt | Senaste nytt – dygnet runt\nNytt samtal om Ukraina\n\n"
                          + PARAGRAPH["sv"])
    assert banner.title == "Nytt samtal om Ukraina" and banner.outlet == "Norrnytt"


def test_teaser_above_headline_is_kept_apart() -> None:
    head = parse_header("Börsen föll efter beskedet.\nKremls krav avvisas\n\n"
                        + PARAGRAPH["sv"])
    assert head.title == "Kremls krav avvisas"


def test_repeated_exclaimed_headline_is_never_a_claim() -> None:
    text = ("Kremlsjefen møter Trump i Alaska!\n\nKremlsjefen møter Trump i Alaska!\n"
            "Av Kari Nordmann, NTB\n\n" + PARAGRAPH["nb"] + "\n\n" + PARAGRAPH["nb"])
    head = parse_header(text)
    assert head.claim == "" and head.title == "Kremlsjefen møter Trump i Alaska!"
    assert head.body == text and head.byline == "Kari Nordmann"
    assert is_title_cased("Putin Meets Xi in Beijing")
    assert not is_title_cased("Putin met Xi in Beijing on 3 May 2023.")


def test_claim_line_still_found() -> None:
    text = ("Vollmer visited Kyiv on 3 May 2023.\n\nTalks resume in Geneva\n\n"
            + PARAGRAPH["en"] + "\n\n" + PARAGRAPH["en"])
    head = parse_header(text)
    assert head.claim == "Vollmer visited Kyiv on 3 May 2023."
    assert head.body.startswith("Talks resume")


@pytest.mark.parametrize(("tail", "outlet"), [
    ("Go to Original – news.example.com", "news.example.com"),
    ("© Fjordposten 2024. Innholdet er beskyttet.", "Fjordposten"),
    ("Så arbetar Radio Nord med nyheter och fakta", "Radio Nord"),
    ("Read it at https://www.dailyledger.example/world/1", "dailyledger.example"),
])
def test_outlet_from_the_tail(tail: str, outlet: str) -> None:
    assert parse_header("Talks resume\n\n" + PARAGRAPH["en"] + "\n\n" + tail).outlet == outlet


CHROME = [
    "Dela: Facebook | X | E-post",
    "Sign up to read this article",
    "Allerede abonnent? Logg inn for å lese videre",
    "Jetzt abonnieren und weiterlesen",
    "Regeringen ger besked om miljonbelopp.0 Plus",
    "• Norge höjer beredskapen i norr (Plus)",
    "There are no comments so far.",
    "2 × 1 =",
    "Foto: Anna Lindqvist/TT",
    "Quellen",
]


@pytest.mark.parametrize("line", CHROME)
def test_chrome_lines_are_boilerplate_and_text_stays(line: str) -> None:
    text = f"Nytt samtal\n\n{PARAGRAPH['sv']}\n\n{line}\n\n{PARAGRAPH['sv']}"
    ranges = segment(text)
    start = text.index(line)
    assert ranges == ((start, start + len(line)),)
    assert text[ranges[0][0]:ranges[0][1]] == line  # offsets into the unchanged text


def test_article_sentences_and_headline_are_not_boilerplate() -> None:
    text = f"Nytt samtal om Ukraina\n\n{PARAGRAPH['sv']}\n\nDet är allvarligt, sa hon.\n\n" \
           f"{PARAGRAPH['sv']}"
    assert segment(text, ("Nytt samtal om Ukraina",)) == ()


def test_long_copyright_notice_and_tail_labels() -> None:
    notice = ("© Fjordposten 2024. Innholdet er beskyttet etter åndsverkloven. Det er ikke "
              "tillatt å kopiere eller videreformidle innholdet uten skriftlig samtykke fra "
              "redaksjonen.")
    text = f"Ny samtale\n\n{PARAGRAPH['nb']}\n\n{notice}\n\nTips oss\nDel"
    ranges = segment(text)
    assert ranges == ((text.index(notice), len(text)),)  # joined across blank lines


def test_ranges_merge_and_subtract() -> None:
    assert merge([(5, 9), (0, 3), (2, 4)]) == ((0, 4), (5, 9))
    assert subtract([(0, 10)], (3, 5)) == ((0, 3), (5, 10))
    assert subtract([(0, 10)], (0, 10)) == ()


def test_repeated_lines_count_only_in_enough_documents() -> None:
    counter = RepeatCounter(minimum=3)
    texts = {n: f"Rubrik {n}\n\n{PARAGRAPH['sv']}\n\nTipsa redaktionen här\n\n"
                f"{PARAGRAPH['sv']} {n}" for n in range(1, 4)}
    for doc_id, text in texts.items():
        counter.add(doc_id, text, (), (f"Rubrik {doc_id}",))
    found = counter.ranges()
    assert set(found) == {1, 2, 3}
    start = texts[1].index("Tipsa")
    assert found[1] == ((start, start + len("Tipsa redaktionen här")),)
    fewer = RepeatCounter(minimum=4)
    for doc_id, text in texts.items():
        fewer.add(doc_id, text, ())
    assert fewer.ranges() == {}


def test_import_marks_lines_repeated_across_the_batch(project: Project, tmp_path: Path
                                                      ) -> None:
    for n in range(4):
        (tmp_path / f"{n}.txt").write_text(
            f"Rubrik nummer {n}\n\n{PARAGRAPH['sv']} {n}\n\nTipsa redaktionen här\n\n"
            f"{PARAGRAPH['sv']}", "utf-8")
    report = project.import_paths([tmp_path])
    assert len(report.imported) == 4
    for doc_id in report.imported:
        doc = project.document(doc_id)
        assert [doc.text[a:b] for a, b in doc.boilerplate] == ["Tipsa redaktionen här"]


def test_boilerplate_travels_in_the_native_format(project: Project, tmp_path: Path) -> None:
    text = f"Nytt samtal\n\n{PARAGRAPH['sv']}\n\nDela: Facebook | X"
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": text, "sha256": _sha(text),
                                "boilerplate": [[0, 11]]}) + "\n", "utf-8")
    doc = project.document(project.import_paths([path]).imported[0])
    assert doc.boilerplate == ((0, 11),)
    bad = tmp_path / "b.jsonl"
    bad.write_text(json.dumps({"text": text + " x", "sha256": _sha(text + " x"),
                               "boilerplate": [[0, 9999]]}) + "\n", "utf-8")
    report = project.import_paths([bad])
    assert not report.imported and "boilerplate range" in str(report.rejected[0])


def _sha(text: str) -> str:
    from annotator.core.text import sha256

    return sha256(text)


def test_marking_boilerplate_is_one_undoable_command(project: Project, tmp_path: Path) -> None:
    from annotator.core.errors import ValidationError
    from annotator.core.project.commands import MarkBoilerplate

    path = tmp_path / "a.txt"
    path.write_text(f"Nytt samtal\n\n{PARAGRAPH['sv']}\n\nDela: Facebook | X", "utf-8")
    doc = project.document(project.import_paths([path]).imported[0])
    original = doc.boilerplate
    assert len(original) == 1
    mark = MarkBoilerplate(doc.id, "alice", 0, 11)
    assert mark.apply(project)
    assert project.document(doc.id).boilerplate == ((0, 11), *original)
    unmark = MarkBoilerplate(doc.id, "alice", *original[0], boilerplate=False)
    unmark.apply(project)
    assert project.document(doc.id).boilerplate == ((0, 11),)
    unmark.revert(project)
    mark.revert(project)
    assert project.document(doc.id).boilerplate == original
    assert project.document(doc.id).text == doc.text
    with pytest.raises(ValidationError):
        project.mark_boilerplate(doc.id, "alice", 5, 99999)


def test_site_name_line_and_dash_banner_name_the_outlet() -> None:
    name = parse_header("Hanseatische Zeitung\nVollmer: »Wir stehen an der Seite der "
                        "Ukraine«\nVon Mia Hoffmann\n\n" + PARAGRAPH["de"])
    assert name.outlet == "Hanseatische Zeitung"
    assert name.title.startswith("Vollmer:") and name.byline == "Mia Hoffmann"
    dash = parse_header("Klarsyn – Oberoende röster\nVarför samtalen misslyckades\n\n"
                        + PARAGRAPH["sv"])
    assert (dash.outlet, dash.title) == ("Klarsyn", "Varför samtalen misslyckades")
    short = parse_header("Neue Gespräche\nStand: 27.05.2023\n\n" + PARAGRAPH["de"])
    assert short.title == "Neue Gespräche" and short.outlet == ""


def test_origin_notice_and_site_name_are_boilerplate() -> None:
    text = (f"Hanseatische Zeitung\nGespräche in Genf\n\n{PARAGRAPH['de']}\n\n"
            "Der Text erschien zuerst in der Nordpost.")
    lines = [text[a:b] for a, b in segment(text, ("Gespräche in Genf",))]
    assert lines == ["Hanseatische Zeitung", "Der Text erschien zuerst in der Nordpost."]


def _doc_with_chrome(project: Project, tmp_path: Path) -> Any:
    text = (f"Nytt samtal\n\n{PARAGRAPH['sv']} Mötet hölls den 14 november 2024.\n\n"
            f"Foto: Anna Lindqvist/TT den 15 november 2024\n\n{PARAGRAPH['sv']}")
    path = tmp_path / "chrome.txt"
    path.write_text(text, "utf-8")
    return project.document(project.import_paths([path]).imported[0])


def test_suggestions_skip_boilerplate(project: Project, tmp_path: Path) -> None:
    doc = _doc_with_chrome(project, tmp_path)
    (start, end), = doc.boilerplate
    found = project.suggestions.find(doc.id, None)
    assert found and not [s for s in found if s.start < end and start < s.end]
    assert [s for s in found if s.end <= start]  # the article text still gets them


def test_exports_and_agreement_leave_boilerplate_spans_out(project: Project, tmp_path: Path
                                                           ) -> None:
    from annotator.core.exporters import Selection

    doc = _doc_with_chrome(project, tmp_path)
    (start, _end), = doc.boilerplate
    name = doc.text.index("Anna Lindqvist")
    for who in ("alice", "bob"):
        project.add_span(doc.id, who, "SOURCE", name, name + len("Anna Lindqvist"))
        project.add_span(doc.id, who, "SOURCE", 0, 4)
        project.set_status(doc.id, who, "done")
    assert project.spans_in_boilerplate() == 2
    out = tmp_path / "out.jsonl"
    project.exports.write("jsonl", out)
    lines = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    record = next(x for x in lines if x.get("type") == "document")
    assert [s["start"] for s in record["annotations"]["alice"]["spans"]] == [0]
    assert record["boilerplate"] == [list(r) for r in doc.boilerplate]
    kept = tmp_path / "kept.jsonl"
    project.exports.write("jsonl", kept, Selection(keep_boilerplate=True))
    record = next(json.loads(x) for x in kept.read_text("utf-8").splitlines()
                  if '"document"' in x)
    assert sorted(s["start"] for s in record["annotations"]["alice"]["spans"]) == [0, name]
    assert name > start
    left = project.review.agreement_report(bootstrap=0)
    both = project.review.agreement_report(bootstrap=0, keep_boilerplate=True)
    assert _source_units(left) == 2 and _source_units(both) == 4  # both annotators' spans


def _source_units(report: dict[str, Any]) -> int:
    entry = next(e for e in report["entries"] if e.get("group") == "spans"
                 and e["field"] == "SOURCE exact F1")
    return int(entry["n_units"])


def test_check_counts_spans_inside_boilerplate(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from annotator.cli import main

    path = tmp_path / "p.annotator"
    with Project.create(path) as project:
        doc = _doc_with_chrome(project, tmp_path)
        name = doc.text.index("Anna Lindqvist")
        project.add_span(doc.id, "alice", "SOURCE", name, name + len("Anna Lindqvist"))
    capsys.readouterr()
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "1 span(s) inside boilerplate" in out and ": ok" in out


def test_redetect_reports_then_applies_without_touching_annotations(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from annotator.cli import main

    path = tmp_path / "p.annotator"
    article = tmp_path / "a.txt"
    article.write_text(f"Norrnytt | Senaste nytt\nNytt samtal\n\n{PARAGRAPH['sv']}\n\n"
                       "Dela: Facebook | X", "utf-8")
    with Project.create(path) as project:
        doc = project.document(project.import_paths([article]).imported[0])
        project.add_span(doc.id, "alice", "SOURCE", 30, 40)
    assert doc.outlet == "Norrnytt" and len(doc.boilerplate) == 2
    with raw(path, writable=True) as conn:  # as an older import left it
        conn.execute("UPDATE documents SET boilerplate = '[]', outlet = '' WHERE id = ?",
                     (doc.id,))
        conn.commit()
    capsys.readouterr()
    assert main(["redetect", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "outlet: '' -> 'Norrnytt'" in out and "boilerplate: 0 range(s)" in out
    assert "1 document(s) would change" in out
    with Project.open(path) as project:
        assert project.document(doc.id).outlet == ""
    assert main(["redetect", str(path)]) == 0
    with Project.open(path) as project:
        after = project.document(doc.id)
        assert after.outlet == "Norrnytt" and after.boilerplate == doc.boilerplate
        assert after.text == doc.text
        assert [(s.start, s.end) for s in project.spans(doc.id)] == [(30, 40)]
    capsys.readouterr()
    assert main(["redetect", str(path), "--dry-run"]) == 0
    assert "0 document(s) would change" in capsys.readouterr().out


def test_redetect_keeps_what_was_corrected_by_hand(project: Project, tmp_path: Path) -> None:
    doc = _doc_with_chrome(project, tmp_path)
    project.set_document_fields(doc.id, "alice", title="My own title")
    project.mark_boilerplate(doc.id, "alice", 0, 5)
    found = project.redetect(apply=True)
    assert [set(f.changes) for f in found] == [{"title", "boilerplate"}]
    # what was kept by hand is still reported, never applied
    assert {k for f in project.redetect(apply=True) for k in f.changes} == {"title",
                                                                             "boilerplate"}
    stored = project.document(doc.id)
    assert stored.title == "My own title" and (0, 5) in stored.boilerplate


OUTLETS_CSV = """name,domains,signatures,grade
Radio Nord,radionord.example|rn.example,Så arbetar Radio Nord,A
Truth Beacon,truthbeacon.example,,E
"""


def test_outlet_list_from_csv_names_documents_and_prefills_the_grade(
        project: Project, tmp_path: Path) -> None:
    csv_path = tmp_path / "outlets.csv"
    csv_path.write_text(OUTLETS_CSV, "utf-8")
    report = project.import_outlets_csv(csv_path)
    assert report.outlets == 2 and not report.rejected and "2 outlets" in report.summary()
    assert [(o.name, o.domains, o.grade) for o in project.outlets()] == [
        ("Radio Nord", ("radionord.example", "rn.example"), "A"),
        ("Truth Beacon", ("truthbeacon.example",), "E")]
    by_signature = tmp_path / "a.txt"
    by_signature.write_text(f"Nytt samtal\n\n{PARAGRAPH['sv']}\n\nSå arbetar Radio Nord med "
                            "nyheter", "utf-8")
    by_url = tmp_path / "b.jsonl"
    by_url.write_text(json.dumps({"text": PARAGRAPH["en"], "outlet": "truthbeacon",
                                  "url": "https://news.truthbeacon.example/x/1"}) + "\n",
                      "utf-8")
    unknown = tmp_path / "c.txt"
    unknown.write_text(f"Nytt samtal igen\n\n{PARAGRAPH['sv']} Mer.", "utf-8")
    imported = project.import_paths([by_signature, by_url, unknown]).imported
    docs = [project.document(d) for d in imported]
    assert [d.outlet for d in docs] == ["Radio Nord", "Truth Beacon", ""]
    assert project.values(docs[0].id, "alice") == {}
    project.add_span(docs[0].id, "alice", "SOURCE", 0, 4)  # the first edit pre-fills
    assert project.values(docs[0].id, "alice") == {"outlet_reliability": "A"}
    project.set_value(docs[1].id, "alice", "outlet_reliability", "C")
    assert project.values(docs[1].id, "alice") == {"outlet_reliability": "C"}  # not replaced
    project.add_span(docs[2].id, "alice", "SOURCE", 0, 4)
    assert project.values(docs[2].id, "alice") == {}  # no outlet, nothing proposed


def test_outlet_csv_with_a_bad_grade_is_refused_whole(project: Project, tmp_path: Path
                                                      ) -> None:
    csv_path = tmp_path / "outlets.csv"
    csv_path.write_text("name,grade\nRadio Nord,A\nOther,G\n", "utf-8")
    report = project.import_outlets_csv(csv_path)
    assert project.outlets() == [] and report.rejected[0].line == 3


def test_bullets_are_chrome_only_under_a_heading_or_after_the_article() -> None:
    text = (f"Nytt samtal\n\n{PARAGRAPH['sv']}\n\n• 300 soldater har skadats\n"
            f"• Två broar är förstörda\n\n{PARAGRAPH['sv']}\n\nLäs också\n"
            "• Elpriset stiger igen i norr\n\n"
            f"{PARAGRAPH['sv']}\n\n• Isen lade sig tidigt")
    marked = [text[a:b] for a, b in segment(text, ("Nytt samtal",))]
    assert marked == ["Läs också\n• Elpriset stiger igen i norr", "• Isen lade sig tidigt"]


def test_navigation_bar_and_closing_banner() -> None:
    text = ("Hem  |  Om oss  |  Kontakt\nEuroDesk Daily — Europe's news, every hour\n"
            "Vollmer urges Putin to pull back troops\n18 Feb 2022 | Posted by admin\n\n"
            f"{PARAGRAPH['en']}\n\nThe Atlantic Ledger — Independent journalism since 1921")
    head = parse_header(text)
    assert head.title == "Vollmer urges Putin to pull back troops"
    assert head.published == "2022-02-18" and head.outlet == "EuroDesk Daily"
    marked = [text[a:b] for a, b in segment(text, head.header_lines)]
    assert marked[0].startswith("Hem  |") and "EuroDesk Daily" in marked[0]
    tail = parse_header(f"Talks resume\n\n{PARAGRAPH['en']}\n\nThe Atlantic Ledger — "
                        "Independent journalism since 1921")
    assert tail.outlet == "The Atlantic Ledger"


def test_a_line_repeated_across_small_batches_is_found_in_all(project: Project,
                                                             tmp_path: Path) -> None:
    paths = []
    for n in range(4):
        path = tmp_path / f"{n}.txt"
        path.write_text(f"Rubrik nummer {n}\n\n{PARAGRAPH['sv']} {n}\n\nTipsa redaktionen här"
                        f"\n\n{PARAGRAPH['sv']}", "utf-8")
        paths.append(path)
    first = project.import_paths(paths[:2]).imported  # two: not yet repeated enough
    assert all(project.document(d).boilerplate == () for d in first)
    project.mark_boilerplate(first[1], "alice", 0, 5)
    project.mark_boilerplate(first[1], "alice", 0, 5, boilerplate=False)  # corrected by hand
    second = project.import_paths(paths[2:]).imported
    marked = {d: [project.document(d).text[a:b] for a, b in project.document(d).boilerplate]
              for d in [*first, *second]}
    assert marked[first[0]] == marked[second[0]] == marked[second[1]] == [
        "Tipsa redaktionen här"]
    assert marked[first[1]] == []  # its boilerplate was corrected by hand: left as it is
