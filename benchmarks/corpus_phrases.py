"""The words the realistic corpus is made of, per language (sv, nb, en, de).

Data only: :mod:`benchmarks.corpus_realistic` combines these into articles. The
episode is the fictional one of the sample data (Chancellor Vollmer, Prime
Minister Haugland, Foreign Minister Sandström), with the real heads of state
under the name variants each language uses.
"""

from __future__ import annotations

LANGS = ("sv", "nb", "en", "de")

MONTHS = {
    "sv": ("januari februari mars april maj juni juli augusti september oktober november "
           "december").split(),
    "nb": ("januar februar mars april mai juni juli august september oktober november "
           "desember").split(),
    "en": ("January February March April May June July August September October November "
           "December").split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
          .split(),
}

# Span material: who demands (ACTOR), of whom (ACTOR), when (DATE), what (DEMAND), per whom
# (SOURCE). A lead sentence always holds one of each, so every annotated task has five spans.
ACTORS = {
    "sv": ("Förbundskansler Vollmer", "förbundskanslern Katrin Vollmer", "president Putin",
           "Vladimir Putin", "Zelenskyj", "Volodymyr Zelenskyj", "utrikesminister Sandström",
           "statsminister Haugland", "Kremls talesperson Pavel Jermakov", "kanslern"),
    "nb": ("forbundskansler Vollmer", "kansler Katrin Vollmer", "president Putin", "Selenskyj",
           "Zelenskyj", "utenriksminister Sandström", "statsminister Haugland",
           "Kreml -sjefen", "Kremls talsperson Pavel Jermakov", "Vollmer"),
    "en": ("Chancellor Vollmer", "Katrin Vollmer", "President Putin", "Zelenskyy",
           "Volodymyr Zelenskyy", "Prime Minister Haugland", "Foreign Minister Sandström",
           "Kremlin spokesman Pavel Yermakov", "the chancellor", "Vladimir Putin"),
    "de": ("Bundeskanzlerin Vollmer", "Katrin Vollmer", "Kremlchef Putin", "Selenskyj",
           "Wolodymyr Selenskyj", "Ministerpräsident Haugland", "Außenminister Sandström",
           "Kremlsprecher Pawel Jermakow", "die Kanzlerin", "Wladimir Putin"),
}
TARGETS = {
    "sv": ("Ryssland", "Kreml", "Ukraina", "Nato", "Moskva", "EU"),
    "nb": ("Russland", "Kreml", "Ukraina", "Nato", "Moskva", "EU"),
    "en": ("Russia", "the Kremlin", "Ukraine", "NATO", "Moscow", "the EU"),
    "de": ("Russland", "der Kreml", "die Ukraine", "die Nato", "Moskau", "die EU"),
}
DEMANDS = {
    "sv": ("drar tillbaka sina trupper från gränsen", "avstår från Nato-medlemskap",
           "återvänder till förhandlingsbordet", "släpper de fängslade journalisterna",
           "öppnar en humanitär korridor", "ger skriftliga säkerhetsgarantier"),
    "nb": ("trekker styrkene tilbake fra grensen", "gir opp Nato-medlemskapet",
           "vender tilbake til forhandlingsbordet", "løslater de fengslede journalistene",
           "åpner en humanitær korridor", "gir skriftlige sikkerhetsgarantier"),
    "en": ("withdraw its troops from the border", "renounce NATO membership",
           "return to the negotiating table", "release the detained journalists",
           "open a humanitarian corridor", "give written security guarantees"),
    "de": ("seine Truppen von der Grenze abzieht", "auf die Nato-Mitgliedschaft verzichtet",
           "an den Verhandlungstisch zurückkehrt", "die inhaftierten Journalisten freilässt",
           "einen humanitären Korridor öffnet", "schriftliche Sicherheitsgarantien gibt"),
}
WHEN = {  # {d} {month} {y} are filled from the article's date
    "sv": ("på måndagen", "i går", "förra veckan", "den {d} {month} {y}", "i december 2022",
           "nästa vecka", "på fredagen", "i juni"),
    "nb": ("mandag", "i går", "forrige uke", "{d}. {month} {y}", "i desember 2022",
           "neste uke", "på fredag", "i juni"),
    "en": ("on Monday", "on Friday", "last week", "on {d} {month} {y}", "in June", "next week",
           "yesterday", "in December 2022"),
    "de": ("am Montag", "gestern", "vergangene Woche", "am {d}. {month} {y}",
           "im Dezember 2022", "nächste Woche", "am Freitag", "im Juni"),
}
AGENCIES = {
    "sv": ("TT", "Reuters", "AFP", "Nordpress", "Dagens Eko", "Sveriges Radio"),
    "nb": ("NTB", "Reuters", "AFP", "NRK", "Nordpress"),
    "en": ("Reuters", "AP", "AFP", "the BBC", "Nordpress"),
    "de": ("dpa", "Reuters", "AFP", "die Tagesschau", "epd"),
}
# {A} actor, {T} target, {D} demand, {W} when, {S} source; the lead keeps the order of the spans.
LEAD = {
    "sv": "{A} krävde {W} att {T} {D}, uppger {S}.",
    "nb": "{A} krevde {W} at {T} {D}, melder {S}.",
    "en": "{A} demanded {W} that {T} {D}, {S} reported.",
    "de": "{A} forderte {W}, dass {T} {D}, berichtet {S}.",
}
SENTENCES = {
    "sv": ("{T} svarade {W} att kravet är oacceptabelt, enligt {S}.",
           "– Det är ett tydligt besked till Moskva, säger {A}.",
           "– Vi har inget att tillägga, säger en källa nära {T} till {S}.",
           "Enligt ett pressmeddelande framhöll {A} att dörren till Nato ska stå öppen.",
           "Samtalet varade i nästan två timmar, uppger {S}.",
           "{A} besökte Kiev {W} och ska resa till Bryssel nästa vecka.",
           "Ryssland har enligt västliga bedömningar samlat mer än 100 000 soldater nära gränsen.",
           "”Vi står fast vid våra krav”, sa {A} till {S}.",
           "Det är 1 000:e dagen sedan kriget började, och inget tyder på ett snabbt slut.",
           "Kreml förnekar att någon invasion planeras."),
    "nb": ("{T} svarte {W} at kravet er uakseptabelt, ifølge {S}.",
           "– Dette er et alvorlig signal, sier {A}.",
           "{A} -møtet skjer etter flere uker med spenning, skriver {S}.",
           "Ifølge en pressemelding understreket {A} at døren til Nato skal stå åpen.",
           "Samtalen varte i nesten to timer, opplyser {S}.",
           "{A} besøkte Kyiv {W} og reiser til Brussel neste uke.",
           "Russland har ifølge vestlige anslag samlet mer enn 100 000 soldater nær grensen.",
           "«Vi står fast ved våre krav», sa {A} til {S}.",
           "Kreml -sjefen har ikke kommentert saken, melder {S}.",
           "Det er den 1000. dagen siden krigen startet."),
    "en": ("{T} replied {W} that the demand was unacceptable, according to {S}.",
           "“We will not accept any change of borders by force,” {A} said.",
           "A source close to {T} told {S} there was “nothing to add”.",
           "In a statement, {A} stressed that NATO’s door remained open.",
           "The talks were nearly two years in the making, officials told {S}.",
           "{A} visited Kyiv {W} and will travel to Brussels next week.",
           "Western estimates put more than 100,000 Russian troops near the border.",
           "“We stand by our demands,” {A} told {S}.",
           "It is the 1,000th day since the war began, with no end in sight.",
           "The Kremlin denies that any invasion is planned."),
    "de": ("{T} antwortete {W}, die Forderung sei inakzeptabel, meldet {S}.",
           "»Wir stehen fest an der Seite der Ukraine«, sagte {A}.",
           "Eine Quelle aus dem Umfeld von {T} sagte {S}, es gebe „nichts hinzuzufügen“.",
           "In einer Erklärung betonte {A}, die Tür zur Nato bleibe offen.",
           "Das Gespräch dauerte fast zwei Stunden, berichtet {S}.",
           "{A} besuchte {W} Kiew und reist nächste Woche nach Brüssel.",
           "Nach westlichen Schätzungen stehen mehr als 100.000 Soldaten an der Grenze.",
           "»Wir halten an unseren Forderungen fest«, sagte {A} der Agentur {S}.",
           "Es ist der 1000. Tag seit Kriegsbeginn.",
           "Der Kreml bestreitet, dass eine Invasion geplant sei."),
}
HEADLINES = {
    "sv": ("{A} kräver att {T} {D}", "{T}: kravet är oacceptabelt", "Nytt samtal om Ukraina"),
    "nb": ("{A} krever at {T} {D}", "{T}: kravet er uakseptabelt", "Ny samtale om Ukraina"),
    "en": ("{A} demands that {T} {D}", "{T}: the demand is unacceptable",
           "New talks on Ukraine"),
    "de": ("{A} fordert, dass {T} {D}", "{T}: Forderung inakzeptabel",
           "Neues Gespräch über die Ukraine"),
}
# Claims to judge, "X visited Y on <date>." and its kin; the names carry no lower-case title.
CLAIMS = {
    "sv": ("{N} besökte {P} den {d} {month} {y}.", "{N} träffade {M} i {P} den {d} {month} {y}."),
    "nb": ("{N} besøkte {P} {d}. {month} {y}.", "{N} møtte {M} i {P} {d}. {month} {y}."),
    "en": ("{N} visited {P} on {d} {month} {y}.", "{N} met {M} in {P} on {d} {month} {y}."),
    "de": ("{N} besuchte am {d}. {month} {y} {P}.", "{N} traf am {d}. {month} {y} {M} in {P}."),
}
CLAIM_NAMES = ("Vollmer", "Putin", "Haugland", "Sandström", "Katrin Vollmer")
PLACES = {
    "sv": ("Kiev", "Moskva", "Berlin", "Warszawa", "Oslo", "Bryssel"),
    "nb": ("Kyiv", "Moskva", "Berlin", "Warszawa", "Stockholm", "Brussel"),
    "en": ("Kyiv", "Moscow", "Berlin", "Warsaw", "Oslo", "Brussels"),
    "de": ("Kiew", "Moskau", "Berlin", "Warschau", "Oslo", "Brüssel"),
}
DATELINES = {  # {d} {m} {month} {mon} {y} {hh} {mm}
    "sv": ("Publicerad {d} {month} {y} kl {hh}.{mm}", "Uppdaterad {d} {mon} {y}",
           "{d} {mon} {y} – {hh}:{mm}"),
    "nb": ("Publisert {d}. {month} {y} kl. {hh}.{mm}", "Oppdatert {d}.{m}.{y}",
           "{d}. {mon} {y} –"),
    "en": ("{d} {mon} {y}", "{d} {mon} {y} –", "Published {month} {d}, {y}",
           "Updated {hh}:{mm} GMT, {d} {month} {y}"),
    "de": ("Veröffentlicht am {d}. {month} {y}, {hh}:{mm} Uhr", "Stand: {d}.{m}.{y}",
           "Aktualisiert am {d}.{m}.{y}"),
}
BYLINES = {
    "sv": ("Av {R}, {S}", "{R} | {S}", "Text: {R}"),
    "nb": ("Av {R}, {S}", "{R} – {S}", "Tekst: {R}"),
    "en": ("By {R}", "By {R}, {S}", "{R} | {S}"),
    "de": ("Von {R}, {S}", "Von {R}", "{R} | {S}"),
}
REPORTERS = ("Anna Lindqvist", "Kari Nordmann", "Jonas Berg", "Mia Hoffmann", "Tom Walsh",
             "Sofie Dahl", "Lena Krause", "Erik Holm", "Sarah Cole", "Ingrid Bakke")
BOILERPLATE = {
    "share": {"sv": "Dela: Facebook | X | E-post | Skriv ut",
              "nb": "Del artikkelen: Facebook | X | E-post",
              "en": "Share this article: Facebook Twitter WhatsApp Email",
              "de": "Teilen: Facebook | X | WhatsApp | E-Mail"},
    "signup": {"sv": "Logga in för att läsa hela artikeln",
               "nb": "Allerede abonnent? Logg inn for å lese videre",
               "en": "Sign up to read this article",
               "de": "Jetzt abonnieren und weiterlesen"},
    "subscribe": {"sv": "Bli prenumerant – första månaden för 1 kr",
                  "nb": "Kjøp abonnement – 1 kr første måned",
                  "en": "Subscribe for unlimited access – cancel anytime",
                  "de": "Sie haben bereits ein Abo? Hier anmelden"},
    "related": {"sv": "Mer från Utrikes", "nb": "Les også:", "en": "Related articles",
                "de": "Mehr zum Thema"},
    "paywall": {"sv": "(Plus)", "nb": "(+)", "en": "(Premium)", "de": "(Abo)"},
    "caption": {"sv": "Foto: {R}/TT", "nb": "Foto: {R} / NTB", "en": "Photo: Reuters/{R}",
                "de": "Foto: dpa/{R}"},
    "comments": {"sv": "Kommentarer (0)\nDet finns inga kommentarer ännu.",
                 "nb": "Kommentarer\nIngen kommentarer ennå.",
                 "en": "There are no comments so far.\nLeave a comment\n2 × 1 =",
                 "de": "Kommentare\nNoch keine Kommentare.\nSicherheitsfrage: 3 + 4 ="},
    "copyright": {
        "sv": "© {O} {y}. Allt material är skyddat enligt upphovsrättslagen. Citera gärna, "
              "men ange alltid källa och länka till originalartikeln.",
        "nb": "© {O} {y}. Innholdet er beskyttet etter åndsverkloven. Det er ikke tillatt å "
              "kopiere eller videreformidle innholdet uten skriftlig samtykke.",
        "en": "Copyright © {y} {O}. All rights reserved. This material may not be published, "
              "broadcast, rewritten or redistributed. Fair use notice: this site contains "
              "copyrighted material the use of which has not always been specifically "
              "authorized by the copyright owner; it is made available for purposes of "
              "criticism, comment and news reporting.",
        "de": "© {O} {y}. Alle Rechte vorbehalten. Vervielfältigung nur mit Genehmigung. "
              "Alle Angaben ohne Gewähr.",
    },
}
LEFTOVER_LABELS = ("Details", "Quellen", "Kommentare")
"""German interface labels left in Norwegian articles by a translating aggregator."""
TEASERS = {
    "sv": ("Börsen föll efter beskedet från Moskva", "Norge höjer beredskapen i norr",
           "EU:s utrikeschef: ”Vi är beredda på alla scenarier”"),
    "nb": ("Børsen falt etter beskjeden fra Moskva", "Sverige øker beredskapen i nord",
           "EUs utenrikssjef: – Vi er forberedt"),
    "en": ("Markets fall after Moscow statement", "Norway raises readiness in the north",
           "EU foreign policy chief: ‘We are prepared’"),
    "de": ("Börse fällt nach Erklärung aus Moskau", "Norwegen erhöht Bereitschaft im Norden",
           "EU-Außenbeauftragter: »Wir sind vorbereitet«"),
}
OUTLET_PARTS = {
    "sv": (("Riks", "Öster", "Norr", "Väst", "Syd", "Fri", "Klar", "Dag", "Stads", "Läns"),
           ("nytt", "posten", "bladet", "kuriren", "tidningen", "portalen", "syn", "ekot")),
    "nb": (("Riks", "Fjord", "Nord", "Vest", "Sør", "Fritt", "Dag", "By", "Fylkes", "Kyst"),
           ("avisen", "posten", "bladet", "nytt", "media", "syn", "tidende", "portalen")),
    "en": (("Euro", "Global", "Daily", "Free", "Truth", "Capital", "North", "Civic", "Open",
            "Wire"), ("desk", "ledger", "beacon", "herald", "report", "watch", "post",
                      "times")),
    "de": (("Hanse", "Nord", "Rhein", "Süd", "Frei", "Tages", "Stadt", "Land", "Elb",
            "Alpen"), ("atische", "kurier", "blatt", "bote", "zeitung", "post", "spiegel",
                       "echo")),
}
OUTLET_KINDS = ("broadcaster", "newspaper", "aggregator", "opinion", "content farm")
SLOGANS = {
    "sv": "Senaste nytt – dygnet runt", "nb": "Nyheter døgnet rundt",
    "en": "News you can trust", "de": "Nachrichten aus aller Welt",
}
