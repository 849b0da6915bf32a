"""Generate ``annotator/resources/sample_data/annotations.jsonl``.

Three annotators' work on the 12 sample articles.

Run from the repository root::

    .venv/bin/python sample_data/make_annotations.py            # rewrite annotations.jsonl
    .venv/bin/python sample_data/make_annotations.py --table    # print the disagreement table

What it does
------------
1. Copies ``articles/``, ``actors.csv`` and ``articles_meta.csv`` into a temporary folder
   (without ``annotations.jsonl``) and builds a fresh project there with
   :func:`annotator.core.sample.build_sample_project`, i.e. exactly what a user gets from
   the raw sample files.
2. Annotates every document for ``anna``, ``ben`` and ``carla`` through the public
   :class:`~annotator.core.project.Project` API (``add_span``, ``add_claim``, ``set_value``,
   ``set_status``). ``anna`` is the careful reference coding written out in ``DOCS`` below;
   ``ben`` and ``carla`` are anna's coding plus the *deliberate disagreements* listed per
   document (``BEN`` / ``CARLA``): different span boundaries, another registry actor, a
   missed mention, another date precision, another Admiralty grade, a claim only one of them
   coded, another event type, another relevance label. Every disagreement carries a short
   "why", which ``--table`` prints as the Markdown table in ``sample_data/README.md``.
3. Exports the project with ``export_native(..., timestamp=False)``.

Offsets are never written down: every span names the exact phrase and, when the phrase
occurs more than once, a longer unique context phrase (``inside=``) that contains it, or
an explicit occurrence index (``n=``). The script stops with an error when a phrase or
its context is missing or ambiguous, so an edit of an article that breaks an annotation
is noticed at once. Relative dates are resolved here against each document's publication
date (DCT) and validated with :func:`annotator.core.timex.parse_value`.

Determinism: spans and claims normally get random uids (``models.new_uid``). This script
hands the Project a uid derived from (annotator, file name, span/claim label) instead,
so running it twice writes a byte-identical file and uids survive edits of other
annotations. Claims reference spans by those uids, so references stay consistent.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import sys
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# the data the installed package ships, which `annotator sample` builds from
HERE = ROOT / "annotator" / "resources" / "sample_data"
sys.path.insert(0, str(ROOT))

import annotator.core.project as project_module  # noqa: E402
from annotator.core.models import Status  # noqa: E402
from annotator.core.project import Project  # noqa: E402
from annotator.core.sample import build_sample_project  # noqa: E402
from annotator.core.timex import parse_value  # noqa: E402

ANNOTATORS = ("anna", "ben", "carla")
OUTPUT = HERE / "annotations.jsonl"
UID_NAMESPACE = uuid.UUID("6f1c1d4e-8a53-4f7e-9d0b-5a6e0c2b7a11")

# --------------------------------------------------------------- date resolution
# A date spec is either a literal TIMEX3 value or a function of the publication date.
When = str | Callable[[date], str]


def day(offset: int = 0) -> When:
    """The DCT plus ``offset`` days ("i dag" 0, "i går" -1, "i morgen" +1)."""
    return lambda dct: (dct + timedelta(days=offset)).isoformat()


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def weekday(name: str, direction: int) -> When:
    """A weekday name: the latest such day on or before the DCT (-1), or the first on or
    after it (+1). "on Monday" in a Monday article is that Monday."""
    target = _WEEKDAYS.index(name)

    def resolve(dct: date) -> str:
        delta = (target - dct.weekday()) % 7 if direction > 0 else -((dct.weekday() - target) % 7)
        return (dct + timedelta(days=delta)).isoformat()
    return resolve


def week(offset: int) -> When:
    """The ISO week of the DCT plus ``offset`` weeks ("last week" -1, "next week" +1)."""
    def resolve(dct: date) -> str:
        year, number, _ = (dct + timedelta(weeks=offset)).isocalendar()
        return f"{year}-W{number:02d}"
    return resolve


def month(number: int) -> When:
    """A month name without a year ("in June"): that month of the DCT's year."""
    return lambda dct: f"{dct.year}-{number:02d}"


def resolve(when: When, dct: date) -> str:
    return when if isinstance(when, str) else when(dct)


# ------------------------------------------------------------------ annotation specs
@dataclass(frozen=True)
class SpanSpec:
    label: str
    layer: str
    phrase: str
    inside: str | None = None  # a longer, unique phrase that contains ``phrase``
    n: int | None = None  # occurrence index of ``inside or phrase`` when it repeats
    actor: str | None = None
    when: When | None = None
    attrs: dict[str, Any] = field(default_factory=dict)


def A(label: str, phrase: str, actor: str, inside: str | None = None,
      n: int | None = None) -> SpanSpec:
    return SpanSpec(label, "ACTOR", phrase, inside, n, actor=actor)


def D(label: str, phrase: str, when: When, mod: str | None = None, inside: str | None = None,
      n: int | None = None) -> SpanSpec:
    return SpanSpec(label, "DATE", phrase, inside, n, when=when,
                    attrs={"mod": mod} if mod else {})


def M(label: str, phrase: str, gloss: str, inside: str | None = None,
      n: int | None = None) -> SpanSpec:
    return SpanSpec(label, "DEMAND", phrase, inside, n, attrs={"gloss": gloss})


def S(label: str, phrase: str, kind: str, grade: str, inside: str | None = None,
      n: int | None = None) -> SpanSpec:
    """A SOURCE cue with its source kind and Admiralty grade, e.g. ``"B2"``."""
    return SpanSpec(label, "SOURCE", phrase, inside, n, attrs={
        "source_kind": kind, "source_reliability": grade[0], "info_credibility": grade[1]})


@dataclass(frozen=True)
class ClaimSpec:
    """A claim frame. ``date`` / ``source`` / ``demands`` name span labels; ``grade`` is
    the Admiralty pair; ``date_value`` overrides the value taken from the date span."""

    label: str
    claimant: str
    event_type: str = "REQUEST"
    addressee: str | None = None
    object: str | None = None
    demands: tuple[str, ...] = ()
    gloss: str = ""
    position: int | None = -1
    factuality: str = "reported"
    form: str = ""
    date: str | None = None
    date_value: str | None = None
    date_mod: str | None = None
    source: str = ""
    source_span: str | None = None
    grade: str = ""
    note: str = ""


@dataclass(frozen=True)
class DocSpec:
    file: str
    spans: list[SpanSpec]
    claims: list[ClaimSpec]
    relevance: str
    reason: str
    outlet: str
    stance: str | None = None


# Disagreements: operations applied to anna's coding to get ben's or carla's.
@dataclass(frozen=True)
class Op:
    kind: str  # the category shown in the README table
    why: str


@dataclass(frozen=True)
class Miss(Op):
    label: str = ""


@dataclass(frozen=True)
class Swap(Op):
    """Replace anna's span of the same label (other boundary, actor, date or grade)."""
    span: SpanSpec = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Extra(Op):
    span: SpanSpec = None  # type: ignore[assignment]


@dataclass(frozen=True)
class ClaimMiss(Op):
    label: str = ""


@dataclass(frozen=True)
class ClaimEdit(Op):
    label: str = ""
    changes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ClaimExtra(Op):
    claim: ClaimSpec = None  # type: ignore[assignment]


@dataclass(frozen=True)
class Value(Op):
    field_name: str = ""
    value: Any = None


@dataclass(frozen=True)
class Stop(Op):
    """Leave the document unfinished: ``in_progress`` keeps only the listed span labels
    and no claims or values; ``not_started`` touches nothing."""
    status: str = "in_progress"
    keep: tuple[str, ...] = ()


# ------------------------------------------------------------------------ the coding
DOCS: list[DocSpec] = [
    DocSpec(
        "01_sv_riksnytt_samtal.txt",
        spans=[
            A("a_vollmer1", "förbundskansler Katrin Vollmer",
              "vollmer-katrin", inside="Tysklands förbundskansler Katrin Vollmer ringde"),
            A("a_putin1", "Rysslands president Vladimir Putin", "putin-vladimir"),
            A("a_germany", "den tyska regeringen", "germany"),
            A("a_vollmer2", "Vollmer", "vollmer-katrin", inside="krävde Vollmer att"),
            A("a_troops", "de ryska trupperna", "russia-armed-forces"),
            A("a_vollmer3", "förbundskanslern", "vollmer-katrin", inside="sade förbundskanslern"),
            A("a_kremlin", "Kremls", "kremlin", inside="Enligt Kremls sammanfattning"),
            A("a_putin2", "Putin", "putin-vladimir", inside="upprepade Putin att"),
            A("a_moscow", "Moskva", "russia", inside="att Moskva kräver"),
            A("a_ukraine", "Ukraina", "ukraine", inside="för att Ukraina aldrig"),
            A("a_nato", "Nato", "nato", inside="medlem i Nato."),
            A("a_yermakov", "Pavel Jermakov", "yermakov-pavel"),
            A("a_zelenskyy", "Volodymyr Zelenskyj", "zelenskyy-volodymyr"),
            A("a_sandstrom1", "Elin Sandström", "sandstrom-elin"),
            A("a_sandstrom2", "Sandström", "sandstrom-elin", inside="Sandström avvisar"),
            A("a_kalnins", "Tomass Kalniņš", "kalnins-tomass"),
            D("d_call", "i går kväll", day(-1)),
            D("d_today", "i dag", day(0), inside="i Berlin i dag"),
            D("d_caption", "på tisdagen", weekday("TU", -1)),
            D("d_lastweek", "förra veckan", week(-1)),
            D("d_wed", "onsdag", weekday("WE", +1), inside="på onsdag och torsdag"),
            D("d_thu", "torsdag", weekday("TH", +1), inside="på onsdag och torsdag"),
            M("m_withdraw", "de ryska trupperna vid gränsen till Ukraina dras tillbaka",
              "withdraw Russian troops from the Ukrainian border"),
            M("m_guarantee", "bindande garantier för att Ukraina aldrig blir medlem i Nato",
              "binding guarantees that Ukraine never joins NATO"),
            S("s_germany", "enligt den tyska regeringen", "spokesperson", "B2"),
            S("s_kremlin", "Enligt Kremls sammanfattning", "spokesperson", "C3"),
        ],
        claims=[
            ClaimSpec("c_withdraw", "vollmer-katrin", addressee="putin-vladimir",
                      demands=("m_withdraw",), gloss="withdraw troops from the Ukrainian border",
                      form="phone_call", date="d_call", source="spokesperson",
                      source_span="s_germany", grade="B2"),
            ClaimSpec("c_nato", "putin-vladimir", addressee="ukraine", object="nato",
                      demands=("m_guarantee",), gloss="guarantee that Ukraine never joins NATO",
                      form="phone_call", date="d_call", source="spokesperson",
                      source_span="s_kremlin", grade="C3"),
        ],
        relevance="yes", reason="Reports the Vollmer-Putin call and the demands of both sides.",
        outlet="B",
    ),
    DocSpec(
        "02_sv_nyhetsportalen_kreml.txt",
        spans=[
            A("a_kremlin1", "Kreml", "kremlin", inside="Kreml kräver att Ukraina"),
            A("a_ukraine1", "Ukraina", "ukraine", inside="Kreml kräver att Ukraina"),
            A("a_nato1", "Nato", "nato", inside="framtida medlemskap i Nato"),
            A("a_putin1", "Rysslands president Vladimir Putin", "putin-vladimir"),
            A("a_vollmer1", "förbundskansler Katrin Vollmer", "vollmer-katrin",
              inside="Tysklands förbundskansler Katrin Vollmer, skriver"),
            A("a_kremlin2", "Kreml", "kremlin", inside="pressmeddelande från Kreml"),
            A("a_putin2", "Putin", "putin-vladimir", inside="framhöll Putin"),
            A("a_yermakov", "Pavel Jermakov", "yermakov-pavel"),
            A("a_germany", "Den tyska regeringen", "germany"),
            A("a_vollmer2", "förbundskanslern", "vollmer-katrin"),
            A("a_russia", "Ryssland", "russia", inside="att Ryssland drar"),
            A("a_zelenskyy", "Volodymyr Zelenskyj", "zelenskyy-volodymyr"),
            D("d_call", "i går", day(-1), inside="telefonsamtal i går"),
            D("d_tue", "på tisdagen", weekday("TU", -1)),
            D("d_lastweek", "förra veckan", week(-1)),
            D("d_june", "i juni", month(6)),
            M("m_renounce", "avsäger sig ett framtida medlemskap i Nato",
              "renounce future NATO membership"),
            M("m_pledge", "ett skriftligt och juridiskt bindande löfte om att Ukraina aldrig "
              "ansluts till alliansen", "written, legally binding pledge that Ukraine never joins"),
            M("m_withdraw", "drar tillbaka sina trupper från gränsområdena",
              "withdraw troops from the border areas"),
            S("s_nordpress", "skriver Nordpress", "other_outlet", "C2"),
            S("s_kremlin", "Enligt ett pressmeddelande från Kreml", "spokesperson", "C3"),
            S("s_germany", "Den tyska regeringen uppger", "spokesperson", "B2"),
        ],
        claims=[
            ClaimSpec("c_nato", "kremlin", addressee="ukraine", object="nato",
                      demands=("m_renounce", "m_pledge"), gloss="renounce NATO membership",
                      form="phone_call", date="d_call", source="other_outlet",
                      source_span="s_nordpress", grade="C2"),
            ClaimSpec("c_withdraw", "vollmer-katrin", addressee="russia",
                      demands=("m_withdraw",), gloss="withdraw troops from the border areas",
                      form="phone_call", date="d_call", source="spokesperson",
                      source_span="s_germany", grade="B2"),
        ],
        relevance="yes", reason="Kremlin demand on NATO membership after the call.",
        outlet="C", stance="SUPPORTS",
    ),
    DocSpec(
        "03_sv_klarsyn_opinion.txt",
        spans=[
            A("a_kremlin1", "Kreml", "kremlin", inside="Kreml har hört"),
            A("a_vollmer1", "kansler Vollmers", "vollmer-katrin"),
            A("a_putin1", "Putins", "putin-vladimir", inside="Putins krav på"),
            A("a_ukraine1", "Ukraina", "ukraine", inside="att Ukraina ska avstå"),
            A("a_vollmer2", "förbundskansler Katrin Vollmer", "vollmer-katrin"),
            A("a_putin2", "Vladimir Putin", "putin-vladimir"),
            A("a_troops", "de ryska förbanden", "russia-armed-forces"),
            A("a_kremlin2", "Kremls", "kremlin", inside="enligt Kremls egen"),
            A("a_moscow", "Moskva", "russia", inside="presenterade Moskva"),
            A("a_kalnins", "Tomas Kalnins", "kalnins-tomass"),
            A("a_sandstrom", "Elin Sandström", "sandstrom-elin"),
            D("d_call", "i måndags", weekday("MO", -1)),
            D("d_dec2021", "i december 2021", "2021-12"),
            D("d_tue", "på tisdagen", weekday("TU", -1)),
            M("m_withdraw", "de ryska förbanden vid Ukrainas gräns skulle dras tillbaka",
              "withdraw Russian units from Ukraine's border"),
            M("m_renounce", "för all framtid avstår från medlemskap i Nato",
              "forgo NATO membership forever"),
            M("m_comment", "Ukraina ska avstå från Nato", "Ukraine to forgo NATO"),
            S("s_republished", "Återpublicerat från Östersjöposten", "other_outlet", "B2"),
            S("s_kremlin", "enligt Kremls egen sammanfattning", "spokesperson", "C3"),
        ],
        claims=[
            ClaimSpec("c_withdraw", "vollmer-katrin", addressee="putin-vladimir",
                      demands=("m_withdraw",), gloss="withdraw troops from the Ukrainian border",
                      form="phone_call", date="d_call", source="other_outlet",
                      source_span="s_republished", grade="B2"),
            ClaimSpec("c_nato", "putin-vladimir", addressee="ukraine", object="nato",
                      demands=("m_renounce",), gloss="Ukraine forgoes NATO membership",
                      form="phone_call", date="d_call", source="spokesperson",
                      source_span="s_kremlin", grade="C3"),
        ],
        relevance="yes", reason="Opinion piece, but the republished excerpt reports both demands.",
        outlet="D",
    ),
    DocSpec(
        "04_sv_ostersjoposten_nato.txt",
        spans=[
            A("a_vollmer1", "förbundskansler Katrin Vollmer", "vollmer-katrin",
              inside="När förbundskansler Katrin Vollmer"),
            A("a_putin1", "Vladimir Putin", "putin-vladimir"),
            A("a_troops", "de ryska förbanden", "russia-armed-forces"),
            A("a_kremlin1", "Kremls", "kremlin", inside="enligt Kremls egen"),
            A("a_ukraine1", "Ukraina", "ukraine", inside="att Ukraina för all framtid"),
            A("a_moscow", "Moskva", "russia", inside="presenterade Moskva"),
            A("a_nato", "Nato", "nato", inside="Både Nato och USA"),
            A("a_usa", "USA", "usa", inside="Både Nato och USA"),
            A("a_kalnins", "Tomass Kalniņš", "kalnins-tomass"),
            A("a_marquina", "Elena Marquina", "marquina-elena"),
            A("a_kremlin2", "Kremls", "kremlin", inside="uttalande Kremls krav"),
            A("a_sandstrom1", "Elin Sandström", "sandstrom-elin"),
            A("a_zelenskyy", "Volodymyr Zelenskyj", "zelenskyy-volodymyr"),
            A("a_vollmer2", "kanslern", "vollmer-katrin", inside="ska kanslern och"),
            D("d_call", "i måndags", weekday("MO", -1)),
            D("d_dec2021", "i december 2021", "2021-12"),
            D("d_january", "i januari", month(1)),
            D("d_tue", "på tisdagen", weekday("TU", -1)),
            D("d_dec2022", "i december 2022", "2022-12"),
            D("d_newyear", "vid årsskiftet därpå", "2023", mod="START"),
            M("m_withdraw", "de ryska förbanden vid Ukrainas gräns skulle dras tillbaka",
              "withdraw Russian units from Ukraine's border"),
            M("m_renounce", "för all framtid avstår från medlemskap i Nato",
              "forgo NATO membership forever"),
            S("s_kremlin", "enligt Kremls egen sammanfattning", "spokesperson", "C3"),
            S("s_marquina", "beskrev i ett uttalande", "claimant", "B2"),
        ],
        claims=[
            ClaimSpec("c_withdraw", "vollmer-katrin", addressee="putin-vladimir",
                      demands=("m_withdraw",), gloss="withdraw troops from the Ukrainian border",
                      factuality="asserted", form="phone_call", date="d_call", grade="B2"),
            ClaimSpec("c_nato", "putin-vladimir", addressee="ukraine", object="nato",
                      demands=("m_renounce",), gloss="Ukraine forgoes NATO membership",
                      form="phone_call", date="d_call", source="spokesperson",
                      source_span="s_kremlin", grade="C3"),
            ClaimSpec("c_marquina", "marquina-elena", event_type="ACCUSE", addressee="kremlin",
                      gloss="the Kremlin tries to redraw Europe's map with threats",
                      form="statement", source="claimant", source_span="s_marquina",
                      grade="B2"),
        ],
        relevance="yes", reason="Both demands and reactions from NATO, the EU and Sweden.",
        outlet="B",
    ),
    DocSpec(
        "05_nb_aggregator_kreml.txt",
        spans=[
            A("a_vollmer1", "Bundeskanzlerin Katrin Vollmer", "vollmer-katrin"),
            A("a_putin1", "Kremlin -sjefen Vladimir Putin", "putin-vladimir"),
            A("a_ukraine1", "Ukraina", "ukraine", inside="krevd igjen at Ukraina"),
            A("a_vollmer2", "Vollmer", "vollmer-katrin", inside="I går kveld Vollmer ringte"),
            A("a_putin2", "Putin", "putin-vladimir", inside="ringte Putin og"),
            A("a_albrecht", "Jonas Albrecht", "albrecht-jonas"),
            A("a_kremlin", "Kreml", "kremlin", inside="Kreml presenterte"),
            A("a_putin3", "Putin", "putin-vladimir", inside="Moskva Putin krevde"),
            A("a_yermakov", "Pavel Jermakov", "yermakov-pavel"),
            A("a_zelenskyy", "Volodymyr Selenskyj", "zelenskyy-volodymyr"),
            A("a_kalnins", "Tomas Kalnins", "kalnins-tomass"),
            D("d_call", "I går kveld", day(-1)),
            D("d_tue", "tirsdag", weekday("TU", -1), inside="kjent tirsdag fra Moskva"),
            D("d_lastweek", "forrige uke", week(-1)),
            D("d_nextweek", "neste uke", week(+1)),
            M("m_renounce", "gir avkall på NATO -medlemskap", "renounce NATO membership"),
            M("m_withdraw", "trekke hans tropper tilbake fra den ukrainske grensen",
              "withdraw his troops from the Ukrainian border"),
            M("m_guarantee", "bindende garantier at Ukraina gir avkall på et medlemskap i NATO",
              "binding guarantees that Ukraine renounces NATO membership"),
            S("s_origin", "Kilde: Hanseatische Rundschau (oversatt fra tysk)", "other_outlet",
              "B2"),
            S("s_albrecht", "informerte regjering talsmann Jonas Albrecht", "spokesperson",
              "B2"),
            S("s_moscow", "Ifølge informasjon fra Moskva", "spokesperson", "C3"),
        ],
        claims=[
            ClaimSpec("c_withdraw", "vollmer-katrin", addressee="putin-vladimir",
                      demands=("m_withdraw",), gloss="withdraw troops from the Ukrainian border",
                      form="phone_call", date="d_call", source="spokesperson",
                      source_span="s_albrecht", grade="B2"),
            ClaimSpec("c_nato", "putin-vladimir", addressee="ukraine", object="nato",
                      demands=("m_renounce", "m_guarantee"), gloss="renounce NATO membership",
                      form="phone_call", date="d_call", source="spokesperson",
                      source_span="s_moscow", grade="C3"),
        ],
        relevance="yes", reason="Machine translation of 12; both demands are reported.",
        outlet="C",
    ),
    DocSpec(
        "06_nb_riksmedia_samtale.txt",
        spans=[
            A("a_haugland1", "Ingrid Haugland", "haugland-ingrid",
              inside="Utenriksminister Ingrid Haugland avviser"),
            A("a_kremlin1", "Kremls", "kremlin", inside="avviser Kremls krav"),
            A("a_ukraine1", "Ukraina", "ukraine", inside="om at Ukraina må"),
            A("a_russia1", "Russland", "russia", inside="opp til Russland"),
            A("a_haugland2", "Haugland", "haugland-ingrid", inside="sier Haugland til"),
            A("a_vollmer1", "Katrin Vollmer", "vollmer-katrin"),
            A("a_putin1", "Russlands president Vladimir Putin", "putin-vladimir"),
            A("a_vollmer2", "Vollmer", "vollmer-katrin", inside="krevde Vollmer at"),
            A("a_russia2", "Russland", "russia", inside="at Russland trekker"),
            A("a_putin2", "Kreml-sjefen", "putin-vladimir"),
            A("a_yermakov", "Pavel Jermakov", "yermakov-pavel"),
            A("a_kalnins", "Tomass Kalniņš", "kalnins-tomass"),
            A("a_marquina", "Elena Marquina", "marquina-elena"),
            A("a_zelenskyy", "Volodymyr Zelenskyj", "zelenskyy-volodymyr"),
            A("a_whitaker", "Daniel Whitaker", "whitaker-daniel"),
            D("d_call", "mandag kveld", weekday("MO", -1)),
            D("d_yesterday1", "i går", day(-1), inside="Jermakov sa i går"),
            D("d_caption", "onsdag", weekday("WE", -1), inside="i Oslo onsdag"),
            D("d_lastweek", "forrige uke", week(-1)),
            D("d_yesterday2", "i går", day(-1), inside="takket i går"),
            D("d_nextweek", "neste uke", week(+1)),
            D("d_today", "i dag", day(0), inside="i dag og i morgen"),
            D("d_tomorrow", "i morgen", day(+1), inside="i dag og i morgen"),
            M("m_renounce", "gi avkall på Nato-medlemskap", "renounce NATO membership",
              inside="om at Ukraina må gi avkall på Nato-medlemskap"),
            M("m_withdraw", "trekker tilbake styrkene som er samlet langs grensen til Ukraina",
              "withdraw the forces massed along the Ukrainian border"),
            M("m_guarantee", "garantier for at Ukraina aldri blir medlem av alliansen",
              "guarantees that Ukraine never joins the alliance"),
            S("s_haugland", "sier Haugland til Riksmedia", "claimant", "B2"),
            S("s_kremlin", "Ifølge en pressemelding fra Kreml", "spokesperson", "C3"),
        ],
        claims=[
            ClaimSpec("c_reject", "haugland-ingrid", event_type="REJECT", addressee="kremlin",
                      object="ukraine", demands=("m_renounce",),
                      gloss="rejects the demand that Ukraine renounce NATO membership",
                      form="interview", source="claimant", source_span="s_haugland",
                      grade="B2"),
            ClaimSpec("c_withdraw", "vollmer-katrin", addressee="putin-vladimir",
                      demands=("m_withdraw",), gloss="withdraw troops from the Ukrainian border",
                      factuality="asserted", form="phone_call", date="d_call", grade="B2"),
            ClaimSpec("c_nato", "putin-vladimir", addressee="ukraine", object="nato",
                      demands=("m_guarantee",), gloss="guarantee that Ukraine never joins NATO",
                      form="phone_call", date="d_call", source="spokesperson",
                      source_span="s_kremlin", grade="C3"),
        ],
        relevance="yes", reason="Norwegian rejection of the Kremlin demand; recaps the call.",
        outlet="B",
    ),
    DocSpec(
        "07_nb_fjordavisen_utsending.txt",
        spans=[
            A("a_whitaker1", "Daniel Whitaker", "whitaker-daniel"),
            A("a_vollmer1", "Katrin Vollmer", "vollmer-katrin"),
            A("a_putin1", "Russlands president Vladimir Putin", "putin-vladimir"),
            A("a_troops", "de russiske troppene", "russia-armed-forces"),
            A("a_kremlin", "Kreml", "kremlin", inside="Fra Kreml kom"),
            A("a_moscow", "Moskva", "russia", inside="Moskva krever"),
            A("a_ukraine", "Ukraina", "ukraine", inside="at Ukraina gir opp"),
            A("a_yermakov", "Pavel Jermakov", "yermakov-pavel"),
            A("a_whitaker2", "Whitaker", "whitaker-daniel", inside="skriver Whitaker"),
            A("a_haugland", "Ingrid Haugland", "haugland-ingrid"),
            A("a_whitaker3", "den amerikanske utsendingen", "whitaker-daniel"),
            A("a_vollmer2", "kansler Vollmer", "vollmer-katrin"),
            A("a_zelenskyy", "Volodymyr Zelenskyj", "zelenskyy-volodymyr"),
            D("d_nextweek", "neste uke", week(+1), inside="til Oslo neste uke"),
            D("d_call", "mandag kveld", weekday("MO", -1)),
            D("d_tue", "tirsdag", weekday("TU", -1), inside="sa tirsdag at"),
            D("d_lastweek", "forrige uke", week(-1)),
            M("m_withdraw", "de russiske troppene trekkes tilbake fra grensen til Ukraina",
              "withdraw Russian troops from the Ukrainian border"),
            M("m_renounce", "gir opp ambisjonen om Nato-medlemskap",
              "give up the ambition of NATO membership"),
            S("s_whitaker", "skriver Whitaker i en e-post til Fjordavisen", "claimant", "B2"),
            S("s_yermakov", "Kremls talsperson Pavel Jermakov sa", "spokesperson", "B3"),
        ],
        claims=[
            ClaimSpec("c_withdraw", "vollmer-katrin", addressee="putin-vladimir",
                      demands=("m_withdraw",), gloss="withdraw troops from the Ukrainian border",
                      factuality="asserted", form="phone_call", date="d_call", grade="B2"),
            ClaimSpec("c_nato", "russia", addressee="ukraine", object="nato",
                      demands=("m_renounce",), gloss="Ukraine gives up NATO membership",
                      factuality="asserted", date="d_call", grade="B2"),
        ],
        relevance="yes", reason="US envoy trip motivated by the call; recaps both demands.",
        outlet="B",
    ),
    DocSpec(
        "08_nb_frittsyn_kommentar.txt",
        spans=[
            A("a_vollmer1", "Katrin Vollmer", "vollmer-katrin",
              inside="forbundskansleren Katrin Vollmer som tok"),
            A("a_kremlin1", "Kreml", "kremlin", inside="telefonen til Kreml"),
            A("a_putin1", "Putin", "putin-vladimir", inside="krevde hun at Putin"),
            A("a_putin2", "Kreml-sjefen", "putin-vladimir"),
            A("a_ukraine1", "Ukraina", "ukraine", inside="motkrav: Ukraina"),
            A("a_haugland1", "Ingrid Haugland", "haugland-ingrid",
              inside="«Utenriksminister Ingrid Haugland avviser"),
            A("a_haugland2", "Haugland", "haugland-ingrid", inside="Vår kommentar: Haugland"),
            A("a_vollmer2", "Vollmer", "vollmer-katrin", inside="det Vollmer som reiste"),
            A("a_zelenskyy", "Zelenskyj", "zelenskyy-volodymyr", inside="president Zelenskyj"),
            A("a_kalnins", "Kalniņš", "kalnins-tomass"),
            D("d_thisweek", "Denne uka", week(0)),
            D("d_call", "Mandag kveld", weekday("MO", -1)),
            D("d_wed", "onsdag", weekday("WE", -1), inside="publisert onsdag"),
            D("d_lastweek", "Forrige uke", week(-1)),
            D("d_yesterday", "I går", day(-1), inside="I går kom meldingen"),
            D("d_june", "i juni", month(6)),
            M("m_withdraw", "trekker styrkene tilbake fra Ukrainas grense",
              "withdraw the forces from Ukraine's border"),
            M("m_renounce", "gi avkall på Nato-medlemskap", "renounce NATO membership",
              inside="motkrav: Ukraina må gi avkall på Nato-medlemskap"),
            S("s_riksmedia", "(Riksmedia, 16.02.2022)", "other_outlet", "B2"),
        ],
        claims=[
            ClaimSpec("c_withdraw", "vollmer-katrin", addressee="putin-vladimir",
                      demands=("m_withdraw",), gloss="withdraw troops from Ukraine's border",
                      factuality="asserted", form="phone_call", date="d_call", grade="D2"),
            ClaimSpec("c_nato", "putin-vladimir", addressee="ukraine", object="nato",
                      demands=("m_renounce",), gloss="renounce NATO membership",
                      factuality="asserted", form="phone_call", date="d_call", grade="D2"),
        ],
        relevance="yes", reason="Commentary, but restates both demands and quotes Riksmedia.",
        outlet="D", stance="REFUTES",
    ),
    DocSpec(
        "09_en_eurodesk_wire.txt",
        spans=[
            A("a_vollmer1", "German Chancellor Katrin Vollmer", "vollmer-katrin"),
            A("a_putin1", "Russian President Vladimir Putin", "putin-vladimir"),
            A("a_troops", "his troops", "russia-armed-forces"),
            A("a_spokes", "a German government spokesperson", "albrecht-jonas"),
            A("a_albrecht1", "Jonas Albrecht", "albrecht-jonas"),
            A("a_vollmer2", "Vollmer", "vollmer-katrin", inside="Vollmer told Putin"),
            A("a_putin2", "Putin", "putin-vladimir", inside="Vollmer told Putin"),
            A("a_germany", "Germany", "germany", inside="that Germany stood"),
            A("a_albrecht2", "Albrecht", "albrecht-jonas", inside="Albrecht said in"),
            A("a_kremlin", "The Kremlin", "kremlin", inside="The Kremlin said"),
            A("a_putin3", "Putin", "putin-vladimir", inside="that Putin had told"),
            A("a_vollmer3", "the chancellor", "vollmer-katrin"),
            A("a_moscow", "Moscow", "russia", inside="chancellor Moscow still"),
            A("a_ukraine", "Ukraine", "ukraine", inside="commitment that Ukraine"),
            A("a_nato", "NATO", "nato", inside="never join NATO"),
            A("a_zelenskyy", "Volodymyr Zelenskyy", "zelenskyy-volodymyr"),
            A("a_kalnins", "Tomass Kalniņš", "kalnins-tomass"),
            D("d_call", "on Monday", weekday("MO", -1)),
            D("d_tonight", "tonight", day(0)),
            D("d_lastweek", "last week", week(-1)),
            D("d_tue", "on Tuesday", weekday("TU", +1)),
            D("d_june", "in June", month(6)),
            M("m_withdraw", "withdraw his troops from Ukraine's borders",
              "withdraw troops from Ukraine's borders"),
            M("m_guarantee", "legally binding guarantees on European security, including a "
              "commitment that Ukraine would never join NATO",
              "binding guarantees that Ukraine never joins NATO"),
            S("s_spokes", "a German government spokesperson said", "spokesperson", "B2"),
            S("s_albrecht", "according to spokesperson Jonas Albrecht", "spokesperson", "B2"),
            S("s_kremlin", "The Kremlin said in its own readout", "spokesperson", "C3"),
        ],
        claims=[
            ClaimSpec("c_withdraw", "vollmer-katrin", addressee="putin-vladimir",
                      object="russia-armed-forces", demands=("m_withdraw",),
                      gloss="withdraw troops from Ukraine's borders", form="phone_call",
                      date="d_call", source="spokesperson", source_span="s_spokes", grade="B2"),
            ClaimSpec("c_nato", "putin-vladimir", addressee="ukraine", object="nato",
                      demands=("m_guarantee",), gloss="guarantee that Ukraine never joins NATO",
                      form="phone_call", date="d_call", source="spokesperson",
                      source_span="s_kremlin", grade="C3"),
        ],
        relevance="yes", reason="The call itself, both demands, same day.",
        outlet="C", stance="SUPPORTS",
    ),
    DocSpec(
        "10_en_ledger_envoy.txt",
        spans=[
            A("a_whitaker1", "Daniel Whitaker", "whitaker-daniel",
              inside="Daniel Whitaker, the US special envoy"),
            A("a_vollmer1", "Chancellor Katrin Vollmer", "vollmer-katrin"),
            A("a_usa", "the State Department", "usa"),
            A("a_vollmer2", "the German leader", "vollmer-katrin"),
            A("a_putin1", "Vladimir Putin", "putin-vladimir"),
            A("a_vollmer3", "Vollmer", "vollmer-katrin", inside="call, Vollmer pressed"),
            A("a_putin2", "the Russian president", "putin-vladimir"),
            A("a_kremlin", "The Kremlin", "kremlin", inside="The Kremlin, in its readout"),
            A("a_putin3", "Putin", "putin-vladimir", inside="said Putin had instead"),
            A("a_ukraine", "Kyiv", "ukraine", inside="demand that Kyiv"),
            A("a_nato", "NATO", "nato", inside="bid to join NATO"),
            A("a_vollmer4", "Chancellor Vollmer", "vollmer-katrin",
              inside="Chancellor Vollmer said exactly"),
            A("a_whitaker2", "Whitaker", "whitaker-daniel", inside="Whitaker told the Ledger"),
            A("a_yermakov", "Pavel Yermakov", "yermakov-pavel"),
            A("a_zelenskyy", "Volodymyr Zelenskyy", "zelenskyy-volodymyr"),
            A("a_marquina", "Elena Marquina", "marquina-elena"),
            A("a_sandstrom", "Elin Sandström", "sandstrom-elin"),
            A("a_haugland", "Ingrid Haugland", "haugland-ingrid"),
            D("d_nextweek", "next week", week(+1)),
            D("d_tue", "on Tuesday", weekday("TU", -1), inside="State Department said on Tuesday"),
            D("d_call", "Monday’s", weekday("MO", -1), inside="During Monday’s call"),
            D("d_lastweek", "last week", week(-1)),
            D("d_friday", "on Friday", weekday("FR", +1)),
            M("m_withdraw", "withdraw the troops Russia has massed on Ukraine’s borders",
              "withdraw the troops massed on Ukraine's borders"),
            M("m_renounce", "formally renounce any bid to join NATO",
              "renounce any bid to join NATO"),
            S("s_state", "the State Department said", "third_party", "B2"),
            S("s_kremlin", "The Kremlin, in its readout, said", "spokesperson", "C3"),
            S("s_whitaker", "Whitaker told the Ledger", "claimant", "B2"),
            S("s_officials", "officials said", "anonymous", "C3"),
        ],
        claims=[
            ClaimSpec("c_withdraw", "vollmer-katrin", addressee="putin-vladimir",
                      demands=("m_withdraw",), gloss="withdraw troops from Ukraine's borders",
                      factuality="asserted", form="phone_call", date="d_call", grade="B2"),
            ClaimSpec("c_nato", "putin-vladimir", addressee="ukraine", object="nato",
                      demands=("m_renounce",), gloss="Ukraine renounces any NATO bid",
                      form="phone_call", date="d_call", source="spokesperson",
                      source_span="s_kremlin", grade="C3"),
            ClaimSpec("c_support", "whitaker-daniel", event_type="SUPPORT",
                      addressee="vollmer-katrin", position=1,
                      gloss="backs what Vollmer told Putin", form="interview",
                      source="claimant", source_span="s_whitaker", grade="B2"),
        ],
        relevance="yes", reason="Envoy trip, recap of the call and the Kremlin demand.",
        outlet="B",
    ),
    DocSpec(
        "11_en_truthbeacon_farm.txt",
        spans=[
            A("a_vollmer1", "German Chancellor Katrin Vollmer", "vollmer-katrin"),
            A("a_putin1", "Vladimir Putin", "putin-vladimir"),
            A("a_ukraine", "Ukraine", "ukraine", inside="that Ukraine will NEVER"),
            A("a_nato", "NATO", "nato", inside="NEVER join NATO"),
            A("a_zelenskyy", "Zelensky", "zelenskyy-volodymyr", inside="and Zelensky was"),
            A("a_vollmer2", "Vollmer", "vollmer-katrin", inside="line that Vollmer demanded"),
            A("a_putin2", "Putin", "putin-vladimir", inside="demanded Putin pull"),
            A("a_kremlin", "the Kremlin", "kremlin", inside="And the Kremlin's statement"),
            A("a_kalnins", "Kalnins", "kalnins-tomass", inside="NATO boss Kalnins"),
            A("a_marquina", "Marquina", "marquina-elena", inside="chief\" Marquina"),
            A("a_whitaker", "Whitaker", "whitaker-daniel", inside="US envoy Whitaker"),
            D("d_call", "Monday's", weekday("MO", -1), inside="during Monday's call"),
            D("d_twoyears", "nearly two years", "2020", mod="APPROX"),
            D("d_nextweek", "next week", week(+1)),
            D("d_today", "Today", day(0), inside="Today is the 1,000th day"),
            D("d_june", "in June", month(6)),
            M("m_withdraw", "pull his troops back", "pull troops back"),
            S("s_insiders", "According to multiple insiders who spoke to TruthBeacon24 on "
              "condition of anonymity", "anonymous", "E5"),
            S("s_mainstream", "The mainstream press repeated the official line",
              "other_outlet", "C2"),
        ],
        claims=[
            ClaimSpec("c_agree", "vollmer-katrin", event_type="AGREE", addressee="putin-vladimir",
                      object="ukraine", position=1,
                      gloss="agreed that Ukraine stays out of NATO (unverified)",
                      form="phone_call", date="d_call", source="anonymous",
                      source_span="s_insiders", grade="E5"),
            ClaimSpec("c_withdraw", "vollmer-katrin", addressee="putin-vladimir",
                      demands=("m_withdraw",), gloss="pull troops back", form="phone_call",
                      date="d_call", source="other_outlet", source_span="s_mainstream",
                      grade="C2"),
        ],
        relevance="yes", reason="Content farm, but it reports (alleged) outcomes of the call.",
        outlet="E", stance="SUPPORTS",
    ),
    DocSpec(
        "12_de_hanseatische_telefonat.txt",
        spans=[
            A("a_vollmer1", "Bundeskanzlerin Katrin Vollmer", "vollmer-katrin"),
            A("a_putin1", "russischen Präsidenten Wladimir Putin", "putin-vladimir"),
            A("a_troops", "seine Truppen", "russia-armed-forces"),
            A("a_albrecht1", "Jonas Albrecht", "albrecht-jonas"),
            A("a_vollmer2", "Die Kanzlerin", "vollmer-katrin"),
            A("a_germany", "Deutschland", "germany", inside="dass Deutschland zu"),
            A("a_kremlin", "Der Kreml", "kremlin"),
            A("a_putin2", "Kremlchef", "putin-vladimir"),
            A("a_ukraine", "die Ukraine", "ukraine", inside="dass die Ukraine auf"),
            A("a_nato", "Nato", "nato", inside="in der Nato verzichtet"),
            A("a_yermakov", "Pawel Jermakow", "yermakov-pavel"),
            A("a_zelenskyy", "Wolodymyr Selenskyj", "zelenskyy-volodymyr"),
            A("a_kalnins", "Tomass Kalniņš", "kalnins-tomass"),
            A("a_marquina", "Elena Marquina", "marquina-elena"),
            A("a_putin3", "Putins", "putin-vladimir", inside="nannte Putins"),
            D("d_call", "Montagabend", weekday("MO", -1)),
            D("d_tue", "am Dienstag", weekday("TU", -1), inside="Jonas Albrecht am Dienstag"),
            D("d_caption", "am Montag", weekday("MO", -1), inside="Vollmer am Montag im"),
            D("d_lastweek", "vergangene Woche", week(-1)),
            D("d_march", "Mitte März", month(3), mod="MID"),
            M("m_withdraw", "seine Truppen von der ukrainischen Grenze abzuziehen",
              "withdraw his troops from the Ukrainian border"),
            M("m_guarantee", "verbindliche Garantien dafür, dass die Ukraine auf eine "
              "Mitgliedschaft in der Nato verzichtet",
              "binding guarantees that Ukraine forgoes NATO membership"),
            S("s_albrecht", "teilte Regierungssprecher Jonas Albrecht", "spokesperson", "B2"),
            S("s_moscow", "Nach Angaben aus Moskau", "spokesperson", "C3"),
        ],
        claims=[
            ClaimSpec("c_withdraw", "vollmer-katrin", addressee="putin-vladimir",
                      object="russia-armed-forces", demands=("m_withdraw",),
                      gloss="withdraw troops from the Ukrainian border", form="phone_call",
                      date="d_call", source="spokesperson", source_span="s_albrecht",
                      grade="B2"),
            ClaimSpec("c_nato", "putin-vladimir", addressee="ukraine", object="nato",
                      demands=("m_guarantee",), gloss="guarantee that Ukraine forgoes NATO",
                      form="phone_call", date="d_call", source="spokesperson",
                      source_span="s_moscow", grade="C3"),
            ClaimSpec("c_marquina", "marquina-elena", event_type="ACCUSE",
                      addressee="putin-vladimir",
                      gloss="Putin tries to redraw Europe's borders with threats",
                      form="statement", grade="B2"),
        ],
        relevance="yes", reason="The call from the German side, both demands, reactions.",
        outlet="B",
    ),
]

# ------------------------------------------------------- the planned disagreements
BOUNDARY, ACTOR, MISSED, EXTRA, DATE, GRADE = (
    "boundary", "actor choice", "missed mention", "extra span", "date value/precision",
    "reliability grade")
CLAIM, EVENT, DOCLABEL, STATUS = "claim coded by one", "event type", "document label", "status"

BEN: dict[str, list[Op]] = {
    "01_sv_riksnytt_samtal.txt": [
        Miss(MISSED, "skips the bare title 'förbundskanslern' (ben marks names, not "
             "descriptions)", "a_vollmer3"),
        Extra(ACTOR, "marks the place 'Kiev' (a destination) as the actor Ukraine; anna "
              "marks places only when they act",
              A("a_place", "Kiev", "ukraine", inside="Kanslern besökte Kiev")),
        Miss(MISSED, "skips the genitive 'Kremls' (ben never marks genitives)", "a_kremlin"),
        Miss(MISSED, "skips the photo-caption date 'på tisdagen'", "d_caption"),
        Swap(BOUNDARY, "includes the country: 'Tysklands förbundskansler Katrin Vollmer'",
             A("a_vollmer1", "Tysklands förbundskansler Katrin Vollmer", "vollmer-katrin")),
        Swap(BOUNDARY, "demand without its location: 'dras tillbaka' only",
             M("m_withdraw", "dras tillbaka", "withdraw",
               inside="vid gränsen till Ukraina dras tillbaka")),
        ClaimExtra(CLAIM, "ben also codes Sandström rejecting Putin's demand",
                   ClaimSpec("c_reject", "sandstrom-elin", event_type="REJECT",
                             addressee="putin-vladimir", object="ukraine",
                             gloss="rejects Putin's demand on Ukraine and NATO",
                             factuality="asserted", form="interview", source="claimant",
                             grade="B2")),
    ],
    "02_sv_nyhetsportalen_kreml.txt": [
        Miss(MISSED, "skips the bare title 'förbundskanslern'", "a_vollmer2"),
        Extra(ACTOR, "marks the destination 'Kiev' as Ukraine",
              A("a_place", "Kiev", "ukraine", inside="Vollmer besökte Kiev")),
        Extra(EXTRA, "links the outlet 'Nordpress' to its registry media actor",
              A("a_nordpress", "Nordpress", "nordpress", inside="skriver Nordpress")),
        Swap(BOUNDARY, "source cue without 'Enligt ett': 'pressmeddelande från Kreml'",
             S("s_kremlin", "pressmeddelande från Kreml", "spokesperson", "C3")),
        Swap(BOUNDARY, "demand runs on: '... och återvänder till förhandlingsbordet'",
             M("m_withdraw", "drar tillbaka sina trupper från gränsområdena och återvänder "
               "till förhandlingsbordet", "withdraw troops and return to negotiations")),
        Miss(MISSED, "misses the second 'Kreml' (in the source phrase)", "a_kremlin2"),
    ],
    "03_sv_klarsyn_opinion.txt": [
        Miss(MISSED, "skips the genitive 'kansler Vollmers'", "a_vollmer1"),
        Miss(MISSED, "skips the genitive 'Putins'", "a_putin1"),
        Miss(MISSED, "skips the genitive 'Kremls'", "a_kremlin2"),
        Miss(MISSED, "does not mark demands inside the editorial comment", "m_comment"),
    ],
    "04_sv_ostersjoposten_nato.txt": [
        Miss(MISSED, "skips the bare title 'kanslern'", "a_vollmer2"),
        Miss(MISSED, "skips the genitive 'Kremls' (twice)", "a_kremlin1"),
        Miss(MISSED, "(second genitive)", "a_kremlin2"),
        Extra(EXTRA, "links 'Östersjöposten' (the outlet itself) to the registry",
              A("a_outlet", "Östersjöposten", "ostersjoposten",
                inside="säger till Östersjöposten")),
        ClaimEdit(EVENT, "Marquina's statement coded as REJECT, not ACCUSE", "c_marquina",
                  {"event_type": "REJECT"}),
        Miss(MISSED, "skips the vague 'vid årsskiftet därpå'", "d_newyear"),
    ],
    "05_nb_aggregator_kreml.txt": [
        Extra(ACTOR, "marks the destination 'Kiev' as Ukraine",
              A("a_place", "Kiev", "ukraine", inside="forrige uke til Kiev")),
        Extra(EXTRA, "links the source outlet 'Hanseatische Rundschau' to the registry",
              A("a_outlet", "Hanseatische Rundschau", "hanseatische-rundschau",
                inside="Kilde: Hanseatische Rundschau")),
        Swap(BOUNDARY, "drops the German title: 'Katrin Vollmer'",
             A("a_vollmer1", "Katrin Vollmer", "vollmer-katrin",
               inside="Bundeskanzlerin Katrin Vollmer")),
        Swap(BOUNDARY, "shorter demand: 'trekke hans tropper tilbake'",
             M("m_withdraw", "trekke hans tropper tilbake", "withdraw his troops")),
        Swap(GRADE, "machine translation: credits the original outlet C3, not B2",
             S("s_origin", "Kilde: Hanseatische Rundschau (oversatt fra tysk)",
               "other_outlet", "C3")),
    ],
    "06_nb_riksmedia_samtale.txt": [
        Miss(MISSED, "skips the genitive 'Kremls'", "a_kremlin1"),
        Miss(MISSED, "skips the photo-caption date 'onsdag'", "d_caption"),
        Extra(EXTRA, "links 'Riksmedia' (the outlet itself) to the registry",
              A("a_outlet", "Riksmedia", "riksmedia", inside="sier Haugland til Riksmedia")),
        Swap(BOUNDARY, "'Kremls talsperson Pavel Jermakov' with the title",
             A("a_yermakov", "Kremls talsperson Pavel Jermakov", "yermakov-pavel")),
        Swap(DATE, "one span 'i dag og i morgen' = 2022-02-16 ON_OR_AFTER",
             D("d_today", "i dag og i morgen", day(0), mod="ON_OR_AFTER")),
        Miss(MISSED, "(his 'i dag og i morgen' covers both days)", "d_tomorrow"),
        Swap(BOUNDARY, "shorter demand: 'trekker tilbake styrkene'",
             M("m_withdraw", "trekker tilbake styrkene", "withdraw the forces")),
    ],
    "07_nb_fjordavisen_utsending.txt": [
        Swap(BOUNDARY, "'Kremls talsperson Pavel Jermakov' with the title",
             A("a_yermakov", "Kremls talsperson Pavel Jermakov", "yermakov-pavel")),
        Swap(BOUNDARY, "appositive included: 'USAs spesialutsending for europeisk "
             "sikkerhet, Daniel Whitaker'",
             A("a_whitaker1", "USAs spesialutsending for europeisk sikkerhet, Daniel Whitaker",
               "whitaker-daniel")),
        ClaimEdit(ACTOR, "claimant of the NATO demand is the Kremlin ('Fra Kreml kom "
                  "svaret'), not Russia ('Moskva krever')", "c_nato", {"claimant": "kremlin"}),
    ],
    "08_nb_frittsyn_kommentar.txt": [
        Extra(EXTRA, "links the cited outlet 'Riksmedia' to the registry",
              A("a_outlet", "Riksmedia", "riksmedia", inside="(Riksmedia, 16.02")),
        Swap(BOUNDARY, "'den tyske forbundskansleren Katrin Vollmer' with the title",
             A("a_vollmer1", "den tyske forbundskansleren Katrin Vollmer", "vollmer-katrin")),
        ClaimEdit(GRADE, "opinion site restating the news: D3, not D2", "c_withdraw",
                  {"grade": "D3"}),
        ClaimExtra(CLAIM, "ben codes Haugland's rejection from the quoted Riksmedia excerpt",
                   ClaimSpec("c_reject", "haugland-ingrid", event_type="REJECT",
                             addressee="kremlin", object="ukraine", demands=("m_renounce",),
                             gloss="rejects the demand that Ukraine renounce NATO membership",
                             form="interview", source="other_outlet",
                             source_span="s_riksmedia", grade="B2")),
    ],
    "09_en_eurodesk_wire.txt": [
        Miss(MISSED, "skips the bare title 'the chancellor'", "a_vollmer3"),
        Extra(ACTOR, "marks the destination 'Kyiv' as Ukraine",
              A("a_place", "Kyiv", "ukraine", inside="travelled to Kyiv")),
        Swap(BOUNDARY, "source cue cut to 'The Kremlin said'",
             S("s_kremlin", "The Kremlin said", "spokesperson", "C3")),
        Swap(ACTOR, "'a German government spokesperson' linked to Germany, not Albrecht",
             A("a_spokes", "a German government spokesperson", "germany")),
        Swap(BOUNDARY, "'withdraw his troops' without 'from Ukraine's borders'",
             M("m_withdraw", "withdraw his troops", "withdraw his troops")),
        Swap(BOUNDARY, "includes the title: 'Ukrainian President Volodymyr Zelenskyy'",
             A("a_zelenskyy", "Ukrainian President Volodymyr Zelenskyy",
               "zelenskyy-volodymyr")),
    ],
    "10_en_ledger_envoy.txt": [
        Miss(MISSED, "skips the bare title 'the Russian president'", "a_putin2"),
        Miss(MISSED, "skips the bare title 'the German leader'", "a_vollmer2"),
        Swap(BOUNDARY, "'Kremlin spokesman Pavel Yermakov' with the title",
             A("a_yermakov", "Kremlin spokesman Pavel Yermakov", "yermakov-pavel")),
        Swap(BOUNDARY, "source cue cut to 'in its readout'",
             S("s_kremlin", "in its readout", "spokesperson", "C3",
               inside="The Kremlin, in its readout")),
        Swap(BOUNDARY, "'Monday' without the possessive",
             D("d_call", "Monday", weekday("MO", -1), inside="During Monday’s call")),
        ClaimMiss(CLAIM, "only anna codes Whitaker's SUPPORT for Vollmer", "c_support"),
        Swap(BOUNDARY, "shorter demand: 'withdraw the troops'",
             M("m_withdraw", "withdraw the troops", "withdraw the troops",
               inside="withdraw the troops Russia")),
    ],
    "11_en_truthbeacon_farm.txt": [
        Miss(MISSED, "misses 'Marquina' after the scare-quoted title", "a_marquina"),
        Value(DOCLABEL, "relevance 'unsure': anonymous, unverifiable claims",
              "relevance", "unsure"),
        Value(DOCLABEL, "(reason)", "relevance_reason",
              "Anonymous sources only; the site says it could not verify the claim."),
        Value(DOCLABEL, "stance NOT_ENOUGH_INFO: the article cannot back its own claim",
              "stance", "NOT_ENOUGH_INFO"),
        Swap(DATE, "'nearly two years' as PAST_REF instead of 2020 APPROX",
             D("d_twoyears", "nearly two years", "PAST_REF")),
        Swap(GRADE, "anonymous insiders graded F6 (cannot be judged), not E5",
             S("s_insiders", "According to multiple insiders who spoke to TruthBeacon24 on "
               "condition of anonymity", "anonymous", "F6")),
        ClaimEdit(GRADE, "(claim graded F6 like its source)", "c_agree", {"grade": "F6"}),
        ClaimMiss(CLAIM, "ben does not code the 'official line' withdrawal demand", "c_withdraw"),
        Swap(BOUNDARY, "'NATO boss Kalnins' with the title",
             A("a_kalnins", "NATO boss Kalnins", "kalnins-tomass")),
    ],
    "12_de_hanseatische_telefonat.txt": [
        Miss(MISSED, "skips the bare title 'Die Kanzlerin'", "a_vollmer2"),
        Extra(ACTOR, "marks the destination 'Kiew' as Ukraine",
              A("a_place", "Kiew", "ukraine", inside="nach Kiew gereist")),
        Miss(MISSED, "skips the genitive 'Putins'", "a_putin3"),
        Miss(MISSED, "skips the photo-caption date 'am Montag'", "d_caption"),
        Extra(EXTRA, "links 'Hanseatischen Rundschau' (the outlet itself) to the registry",
              A("a_outlet", "Hanseatischen Rundschau", "hanseatische-rundschau")),
        Swap(BOUNDARY, "'Wladimir Putin' without 'russischen Präsidenten'",
             A("a_putin1", "Wladimir Putin", "putin-vladimir")),
        Swap(BOUNDARY, "'am Montagabend' with the preposition",
             D("d_call", "am Montagabend", weekday("MO", -1))),
        Swap(DATE, "'Mitte März' accepted as dateparser suggested: 2022-03-15 (day)",
             D("d_march", "Mitte März", "2022-03-15")),
    ],
}

CARLA: dict[str, list[Op]] = {
    "01_sv_riksnytt_samtal.txt": [
        Swap(BOUNDARY, "'Kremls talesperson Pavel Jermakov' with the title",
             A("a_yermakov", "Kremls talesperson Pavel Jermakov", "yermakov-pavel")),
        Swap(DATE, "'förra veckan' as the month 2022-02, not the week 2022-W06",
             D("d_lastweek", "förra veckan", "2022-02")),
        Miss(MISSED, "misses 'på onsdag och torsdag'", "d_wed"),
        Miss(MISSED, "(both days)", "d_thu"),
        Miss(MISSED, "misses 'förbundskanslern' (a title, not a name)", "a_vollmer3"),
        Swap(GRADE, "Kremlin readout B2, not C3",
             S("s_kremlin", "Enligt Kremls sammanfattning", "spokesperson", "B2")),
        ClaimEdit(GRADE, "(claim graded like its source)", "c_nato", {"grade": "B2"}),
    ],
    "02_sv_nyhetsportalen_kreml.txt": [
        Miss(MISSED, "misses 'förbundskanslern'", "a_vollmer2"),
        ClaimEdit(ACTOR, "NATO demand claimed by Putin, not the Kremlin", "c_nato",
                  {"claimant": "putin-vladimir"}),
        Miss(MISSED, "misses 'Den tyska regeringen' as an actor", "a_germany"),
        Miss(MISSED, "misses 'i juni'", "d_june"),
    ],
    "03_sv_klarsyn_opinion.txt": [
        Miss(MISSED, "misses 'de ryska förbanden'", "a_troops"),
        Miss(MISSED, "misses 'Tomas Kalnins' (spelled without diacritics)", "a_kalnins"),
        Swap(GRADE, "grades the republished excerpt as the opinion site (D3)",
             S("s_republished", "Återpublicerat från Östersjöposten", "other_outlet", "D3")),
        ClaimEdit(GRADE, "(claim graded D3)", "c_withdraw", {"grade": "D3"}),
        Value(DOCLABEL, "outlet reliability E, not D", "outlet_reliability", "E"),
    ],
    "04_sv_ostersjoposten_nato.txt": [
        Miss(MISSED, "misses 'USA' in 'Både Nato och USA'", "a_usa"),
        Miss(MISSED, "misses the source cue 'beskrev i ett uttalande'", "s_marquina"),
        ClaimMiss(CLAIM, "codes no claim for Marquina", "c_marquina"),
        Miss(MISSED, "misses 'kanslern'", "a_vollmer2"),
        Miss(MISSED, "skips 'vid årsskiftet därpå'", "d_newyear"),
        Swap(DATE, "'i december 2022' read as the year 2022",
             D("d_dec2022", "i december 2022", "2022")),
    ],
    "05_nb_aggregator_kreml.txt": [
        Miss(MISSED, "misses 'Tomas Kalnins'", "a_kalnins"),
        Miss(MISSED, "misses the source line 'Kilde: ...'", "s_origin"),
        Swap(BOUNDARY, "'Vladimir Putin' without the MT artefact 'Kremlin -sjefen'",
             A("a_putin1", "Vladimir Putin", "putin-vladimir",
               inside="Kremlin -sjefen Vladimir Putin")),
        ClaimEdit(EVENT, "Vollmer's demand coded as THREATEN ('alvorlige konsekvenser')",
                  "c_withdraw", {"event_type": "THREATEN"}),
        Value(DOCLABEL, "outlet reliability D for a machine-translating aggregator",
              "outlet_reliability", "D"),
    ],
    "06_nb_riksmedia_samtale.txt": [
        Miss(MISSED, "misses 'Russland' in 'opp til Russland'", "a_russia1"),
        Swap(ACTOR, "'Kreml-sjefen' linked to the Kremlin, not Putin",
             A("a_putin2", "Kreml-sjefen", "kremlin")),
        Miss(MISSED, "misses the photo-caption 'onsdag'", "d_caption"),
        Miss(MISSED, "misses 'i morgen'", "d_tomorrow"),
        ClaimMiss(CLAIM, "codes no claim for Haugland's rejection", "c_reject"),
    ],
    "07_nb_fjordavisen_utsending.txt": [
        Stop(STATUS, "left in progress: actor spans only, no claims or labels",
             "in_progress", keep=("a_whitaker1", "a_vollmer1", "a_putin1", "a_kremlin",
                                  "a_moscow", "a_ukraine", "a_yermakov")),
    ],
    "08_nb_frittsyn_kommentar.txt": [
        Miss(MISSED, "misses 'Kalniņš'", "a_kalnins"),
        Swap(DATE, "'Denne uka' as the day of the call (2022-02-14), not the week 2022-W07",
             D("d_thisweek", "Denne uka", "2022-02-14")),
        Miss(MISSED, "misses Haugland inside the quoted excerpt", "a_haugland1"),
        ClaimEdit(DATE, "claim date 2022-02 (month), not 2022-02-14", "c_withdraw",
                  {"date": None, "date_value": "2022-02"}),
    ],
    "09_en_eurodesk_wire.txt": [
        Miss(MISSED, "misses 'Albrecht' in 'Albrecht said'", "a_albrecht2"),
        Swap(ACTOR, "'The Kremlin said' linked to Putin, not the Kremlin",
             A("a_kremlin", "The Kremlin", "putin-vladimir", inside="The Kremlin said")),
        Swap(GRADE, "government spokesperson C3, not B2",
             S("s_spokes", "a German government spokesperson said", "spokesperson", "C3")),
        ClaimEdit(GRADE, "(claim graded C3) and dated by month 2022-02", "c_withdraw",
                  {"grade": "C3", "date": None, "date_value": "2022-02"}),
        Swap(BOUNDARY, "demand cut to 'a commitment that Ukraine would never join NATO'",
             M("m_guarantee", "a commitment that Ukraine would never join NATO",
               "commitment that Ukraine never joins NATO")),
        Miss(MISSED, "misses 'tonight'", "d_tonight"),
        Miss(MISSED, "misses 'the chancellor'", "a_vollmer3"),
    ],
    "10_en_ledger_envoy.txt": [
        Swap(BOUNDARY, "'Vollmer' without 'Chancellor'",
             A("a_vollmer4", "Vollmer", "vollmer-katrin",
               inside="Chancellor Vollmer said exactly")),
        Swap(DATE, "'on Friday' as the week 2022-W07, not the day 2022-02-18",
             D("d_friday", "on Friday", week(0))),
        Stop(STATUS, "left in progress: some spans, no claims or labels", "in_progress",
             keep=("a_whitaker1", "a_vollmer1", "a_putin1", "a_vollmer4", "a_kremlin",
                   "d_nextweek", "d_call", "d_friday", "m_withdraw")),
    ],
    "11_en_truthbeacon_farm.txt": [
        Miss(MISSED, "misses 'Zelensky' (spelling variant)", "a_zelenskyy"),
        Value(DOCLABEL, "relevance 'no': a content farm, not news", "relevance", "no"),
        Value(DOCLABEL, "(reason)", "relevance_reason",
              "Content farm; sensational and unverifiable."),
        Value(DOCLABEL, "outlet reliability F (cannot be judged), not E",
              "outlet_reliability", "F"),
        ClaimMiss(CLAIM, "no claims on a document judged not relevant", "c_agree"),
        ClaimMiss(CLAIM, "(no claims)", "c_withdraw"),
        Swap(BOUNDARY, "marks 'the 1,000th day' as the date instead of 'Today'",
             D("d_today", "the 1,000th day", day(0))),
        Miss(MISSED, "misses 'nearly two years'", "d_twoyears"),
        Miss(MISSED, "misses 'Marquina'", "a_marquina"),
    ],
    "12_de_hanseatische_telefonat.txt": [
        Stop(STATUS, "not started", "not_started"),
    ],
}

VARIANTS: dict[str, dict[str, list[Op]]] = {"anna": {}, "ben": BEN, "carla": CARLA}


# ------------------------------------------------------------------------- engine
class PhraseNotFound(LookupError):
    pass


def find(text: str, spec: SpanSpec, where: str) -> tuple[int, int]:
    """Code-point offsets of ``spec.phrase`` in the stored text (see the module docstring)."""
    needle = spec.inside or spec.phrase
    hits = []
    position = text.find(needle)
    while position != -1:
        hits.append(position)
        position = text.find(needle, position + 1)
    if not hits:
        raise PhraseNotFound(f"{where}: {needle!r} is not in the text")
    if spec.n is None and len(hits) > 1:
        raise PhraseNotFound(f"{where}: {needle!r} occurs {len(hits)} times; "
                             "give a longer inside= context or n=")
    index = spec.n or 0
    if index >= len(hits):
        raise PhraseNotFound(f"{where}: {needle!r} occurs only {len(hits)} times, not {index + 1}")
    start = hits[index]
    if spec.inside:
        inner = spec.inside.find(spec.phrase)
        if inner == -1:
            raise PhraseNotFound(f"{where}: {spec.phrase!r} is not inside {spec.inside!r}")
        if spec.inside.find(spec.phrase, inner + 1) != -1:
            raise PhraseNotFound(f"{where}: {spec.phrase!r} occurs twice in {spec.inside!r}")
        start += inner
    return start, start + len(spec.phrase)


def date_attributes(spec: SpanSpec, dct: date, where: str) -> dict[str, Any]:
    assert spec.when is not None
    value = resolve(spec.when, dct)
    mod = spec.attrs.get("mod")
    try:
        parsed = parse_value(value, mod)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None
    out = {"value": parsed.value, "precision": parsed.precision.value}
    if mod:
        out["mod"] = mod
    return out


def coding_for(doc: DocSpec, ops: list[Op]) -> tuple[list[SpanSpec], list[ClaimSpec],
                                                     dict[str, Any], str]:
    """Apply an annotator's disagreements to anna's coding."""
    spans = {s.label: s for s in doc.spans}
    claims = {c.label: c for c in doc.claims}
    values: dict[str, Any] = {"relevance": doc.relevance, "relevance_reason": doc.reason,
                              "outlet_reliability": doc.outlet}
    if doc.stance:
        values["stance"] = doc.stance
    status = Status.DONE.value
    for op in ops:
        if isinstance(op, Miss):
            del spans[op.label]
        elif isinstance(op, Swap):
            if op.span.label not in spans:
                raise KeyError(f"{doc.file}: no span {op.span.label!r} to swap")
            spans[op.span.label] = op.span
        elif isinstance(op, Extra):
            spans[op.span.label] = op.span
        elif isinstance(op, ClaimMiss):
            del claims[op.label]
        elif isinstance(op, ClaimEdit):
            claims[op.label] = dataclasses.replace(claims[op.label], **op.changes)
        elif isinstance(op, ClaimExtra):
            claims[op.claim.label] = op.claim
        elif isinstance(op, Value):
            values[op.field_name] = op.value
        elif isinstance(op, Stop):
            return _stopped(doc, spans, op)
    for claim in claims.values():  # claims may only point to spans this annotator has
        refs = [*claim.demands, claim.date, claim.source_span]
        for ref in filter(None, refs):
            if ref not in spans:
                raise KeyError(f"{doc.file}: claim {claim.label} needs missing span {ref}")
    return list(spans.values()), list(claims.values()), values, status


def _stopped(doc: DocSpec, spans: dict[str, SpanSpec], op: Stop
             ) -> tuple[list[SpanSpec], list[ClaimSpec], dict[str, Any], str]:
    """An unfinished document: nothing, or only the kept spans (no claims, no values)."""
    if op.status == Status.NOT_STARTED.value:
        return [], [], {}, op.status
    missing = set(op.keep) - set(spans)
    if missing:
        raise KeyError(f"{doc.file}: Stop keeps unknown spans {sorted(missing)}")
    return [s for k, s in spans.items() if k in op.keep], [], {}, op.status


class _Uids:
    """Hands the Project the uid of the next span or claim (see the docstring)."""

    def __init__(self) -> None:
        self.pending: list[str] = []

    def __call__(self) -> str:
        if len(self.pending) != 1:
            raise RuntimeError("make_annotations: a uid was requested unexpectedly")
        return self.pending.pop()

    def set(self, *parts: str) -> None:
        self.pending = [uuid.uuid5(UID_NAMESPACE, "/".join(parts)).hex]


def annotate(project: Project, doc: DocSpec, doc_id: int, name: str, ops: list[Op],
             uids: _Uids) -> None:
    text = project.text(doc_id)
    document = project.document(doc_id)
    dct = date.fromisoformat(document.published[:10])
    actors = {a.key: a.id for a in project.actors()}
    spans, claims, values, status = coding_for(doc, ops)
    if status == Status.NOT_STARTED.value:
        return
    span_ids: dict[str, int] = {}
    span_attrs: dict[str, dict[str, Any]] = {}
    for spec in spans:
        where = f"{doc.file} [{name}] {spec.label}"
        start, end = find(text, spec, where)
        attrs = dict(spec.attrs)
        if spec.layer == "DATE":
            attrs = date_attributes(spec, dct, where)
        actor_id = None
        if spec.actor:
            if spec.actor not in actors:
                raise KeyError(f"{where}: no registry actor {spec.actor!r}")
            actor_id = actors[spec.actor]
        uids.set(name, doc.file, "span", spec.label)
        changes = project.add_span(doc_id, name, spec.layer, start, end, actor_id=actor_id,
                                   attributes=attrs)
        span_ids[spec.label] = changes.after.id
        span_attrs[spec.label] = attrs
    for claim in claims:
        fields: dict[str, Any] = {
            "claimant_id": actors[claim.claimant],
            "addressee_id": actors[claim.addressee] if claim.addressee else None,
            "object_id": actors[claim.object] if claim.object else None,
            "demand_span_ids": [span_ids[d] for d in claim.demands],
            "gloss": claim.gloss, "event_type": claim.event_type, "position": claim.position,
            "factuality": claim.factuality, "form": claim.form, "source": claim.source,
            "source_span_id": span_ids[claim.source_span] if claim.source_span else None,
            "source_reliability": claim.grade[:1], "info_credibility": claim.grade[1:],
            "note": claim.note,
        }
        if claim.date:
            date_attrs = span_attrs[claim.date]
            fields.update(date_span_id=span_ids[claim.date], date_value=date_attrs["value"],
                          date_precision=date_attrs["precision"],
                          date_mod=date_attrs.get("mod", ""))
        if claim.date_value:
            parsed = parse_value(claim.date_value, claim.date_mod)
            fields.update(date_value=parsed.value, date_precision=parsed.precision.value,
                          date_mod=claim.date_mod or "")
        uids.set(name, doc.file, "claim", claim.label)
        project.add_claim(doc_id, name, **fields)
    for field_name, value in values.items():
        if field_name == "stance" and not document.claim:
            print(f"warning: {doc.file}: no claim line was detected on import, "
                  f"so {name}'s stance {value} is not stored", file=sys.stderr)
            continue
        project.set_value(doc_id, name, field_name, value)
    if document.claim and values and "stance" not in values:
        print(f"warning: {doc.file}: a claim line was detected on import "
              f"({document.claim[:40]!r}...) but no stance is planned", file=sys.stderr)
    project.set_status(doc_id, name, status)


def build(output: Path) -> dict[str, dict[str, int]]:
    uids = _Uids()
    original_uid = project_module.new_uid
    project_module.new_uid = uids  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory(prefix="annotator-sample-") as tmp:
            data = Path(tmp) / "data"
            data.mkdir()
            shutil.copytree(HERE / "articles", data / "articles")
            for name in ("actors.csv", "articles_meta.csv"):
                shutil.copy2(HERE / name, data / name)
            path = build_sample_project(Path(tmp) / "sample.annotator", data_dir=data)
            with Project.open(path) as project:
                by_file = {project.document(s.id).source_file: s.id
                           for s in project.documents()}
                planned = {d.file for d in DOCS}
                if planned != set(by_file):
                    raise SystemExit(f"articles and DOCS differ: {sorted(planned ^ set(by_file))}")
                for doc in DOCS:
                    for name in ANNOTATORS:
                        annotate(project, doc, by_file[doc.file], name,
                                 VARIANTS[name].get(doc.file, []), uids)
                problems = project.check()
                if problems:
                    raise SystemExit("project check failed: " + "; ".join(problems))
                project.export_native(output, annotators=list(ANNOTATORS), timestamp=False)
                return {name: {"spans": len(project.spans(annotator=name)),
                               "claims": len(project.claims(annotator=name)),
                               "done": project.count_documents(annotator=name,
                                                               status=Status.DONE)}
                        for name in ANNOTATORS}
    finally:
        project_module.new_uid = original_uid


def table() -> str:
    rows = ["| article | annotator | kind | what differs from anna |", "|---|---|---|---|"]
    for doc in DOCS:
        for name in ("ben", "carla"):
            for op in VARIANTS[name].get(doc.file, []):
                if op.why.startswith("("):
                    continue  # a consequence of the row above
                rows.append(f"| {doc.file[:2]} | {name} | {op.kind} | {op.why} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", action="store_true",
                        help="print the disagreement table (Markdown) and exit")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    if args.table:
        print(table())
        return
    counts = build(args.output)
    for name, numbers in counts.items():
        print(f"{name}: {numbers['spans']} spans, {numbers['claims']} claims, "
              f"{numbers['done']} documents done")
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
