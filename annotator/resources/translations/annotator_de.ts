<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
  <context>
    <name>annotator</name>
    <message>
      <source> Kind </source>
      <translation> Art </translation>
    </message>
    <message>
      <source>#{n} {path} ({count_n} documents, {when})</source>
      <translation>#{n} {path} ({count_n} Dokumente, {when})</translation>
    </message>
    <message>
      <source>% agree</source>
      <translation>% Übereinstimmung</translation>
    </message>
    <message>
      <source>&amp;About annotator</source>
      <translation>&amp;Über annotator</translation>
    </message>
    <message>
      <source>&amp;Accept suggestion (Return or click in the article)</source>
      <translation>&amp;Vorschlag annehmen (Eingabe oder Klick im Artikel)</translation>
    </message>
    <message>
      <source>&amp;Actor registry…</source>
      <translation>&amp;Akteursregister…</translation>
    </message>
    <message>
      <source>&amp;Add files…</source>
      <translation>Dateien &amp;hinzufügen…</translation>
    </message>
    <message>
      <source>&amp;Add to event</source>
      <translation>Zum Ereignis &amp;hinzufügen</translation>
    </message>
    <message>
      <source>&amp;Add…</source>
      <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
      <source>&amp;Agreement report…</source>
      <translation>&amp;Übereinstimmungsbericht…</translation>
    </message>
    <message>
      <source>&amp;Aliases:</source>
      <translation>&amp;Aliasse:</translation>
    </message>
    <message>
      <source>&amp;Annotator:</source>
      <translation>&amp;Annotator:</translation>
    </message>
    <message>
      <source>&amp;Assign and write packages…</source>
      <translation>Pakete &amp;zuweisen und schreiben…</translation>
    </message>
    <message>
      <source>&amp;Assist</source>
      <translation>&amp;Assistenz</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
      <source>&amp;Claims</source>
      <translation>&amp;Forderungen</translation>
    </message>
    <message>
      <source>&amp;Close window</source>
      <translation>Fenster &amp;schließen</translation>
    </message>
    <message>
      <source>&amp;Country:</source>
      <translation>&amp;Land:</translation>
    </message>
    <message>
      <source>&amp;Create and open</source>
      <translation>&amp;Erstellen und öffnen</translation>
    </message>
    <message>
      <source>&amp;Create event</source>
      <translation>Ereignis &amp;anlegen</translation>
    </message>
    <message>
      <source>&amp;Decide</source>
      <translation>&amp;Entscheiden</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Löschen</translation>
    </message>
    <message>
      <source>&amp;Destination:</source>
      <translation>&amp;Ziel:</translation>
    </message>
    <message>
      <source>&amp;Document</source>
      <translation>&amp;Dokument</translation>
    </message>
    <message>
      <source>&amp;Dry run: report only, change nothing</source>
      <translation>&amp;Probelauf: nur berichten, nichts ändern</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
      <source>&amp;Events</source>
      <translation>&amp;Ereignisse</translation>
    </message>
    <message>
      <source>&amp;Events across documents…</source>
      <translation>&amp;Ereignisse über Dokumente hinweg…</translation>
    </message>
    <message>
      <source>&amp;Events of every annotator…</source>
      <translation>&amp;Ereignisse aller Annotatoren…</translation>
    </message>
    <message>
      <source>&amp;Every document ({n})</source>
      <translation>&amp;Alle Dokumente ({n})</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>&amp;Exportieren</translation>
    </message>
    <message>
      <source>&amp;Export native JSONL…</source>
      <translation>Natives JSONL &amp;exportieren…</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <source>&amp;Find in article…</source>
      <translation>Im Artikel &amp;suchen…</translation>
    </message>
    <message>
      <source>&amp;Format:</source>
      <translation>&amp;Format:</translation>
    </message>
    <message>
      <source>&amp;Guideline for this field or span</source>
      <translation>&amp;Richtlinie zu diesem Feld oder Span</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <source>&amp;Import CSV…</source>
      <translation>CSV &amp;importieren…</translation>
    </message>
    <message>
      <source>&amp;Import files…</source>
      <translation>Dateien &amp;importieren…</translation>
    </message>
    <message>
      <source>&amp;Key:</source>
      <translation>&amp;Schlüssel:</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Sprache</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Sprache:</translation>
    </message>
    <message>
      <source>&amp;Learned suggestions pane</source>
      <translation>Bereich &amp;Gelernte Vorschläge</translation>
    </message>
    <message>
      <source>&amp;Local project:</source>
      <translation>&amp;Lokales Projekt:</translation>
    </message>
    <message>
      <source>&amp;Merge</source>
      <translation>&amp;Zusammenführen</translation>
    </message>
    <message>
      <source>&amp;Merge returned packages…</source>
      <translation>Zurückgegebene Pakete &amp;zusammenführen…</translation>
    </message>
    <message>
      <source>&amp;Merge…</source>
      <translation>&amp;Zusammenführen…</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Name:</translation>
    </message>
    <message>
      <source>&amp;New project…</source>
      <translation>&amp;Neues Projekt…</translation>
    </message>
    <message>
      <source>&amp;Next document</source>
      <translation>&amp;Nächstes Dokument</translation>
    </message>
    <message>
      <source>&amp;Next suggestion</source>
      <translation>&amp;Nächster Vorschlag</translation>
    </message>
    <message>
      <source>&amp;Open project…</source>
      <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
      <source>&amp;Outlet list…</source>
      <translation>&amp;Medienliste…</translation>
    </message>
    <message>
      <source>&amp;Overlap:</source>
      <translation>&amp;Überlappung:</translation>
    </message>
    <message>
      <source>&amp;Package:</source>
      <translation>&amp;Paket:</translation>
    </message>
    <message>
      <source>&amp;Packages:</source>
      <translation>&amp;Pakete:</translation>
    </message>
    <message>
      <source>&amp;Previous document</source>
      <translation>&amp;Vorheriges Dokument</translation>
    </message>
    <message>
      <source>&amp;Previous suggestion</source>
      <translation>&amp;Vorheriger Vorschlag</translation>
    </message>
    <message>
      <source>&amp;Progress dashboard</source>
      <translation>&amp;Fortschrittsübersicht</translation>
    </message>
    <message>
      <source>&amp;QID:</source>
      <translation>&amp;QID:</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <source>&amp;Quit annotator</source>
      <translation>annotator &amp;beenden</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
      <source>&amp;Redo {command_text}</source>
      <translation>{command_text} &amp;wiederherstellen</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
      <source>&amp;Reject suggestion (Delete in the article)</source>
      <translation>Vorschlag &amp;ablehnen (Entf im Artikel)</translation>
    </message>
    <message>
      <source>&amp;Remove</source>
      <translation>&amp;Entfernen</translation>
    </message>
    <message>
      <source>&amp;Reset zoom</source>
      <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
      <source>&amp;Review</source>
      <translation>&amp;Prüfung</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Speichern</translation>
    </message>
    <message>
      <source>&amp;Sector:</source>
      <translation>&amp;Sektor:</translation>
    </message>
    <message>
      <source>&amp;Show suggestions</source>
      <translation>Vorschläge &amp;anzeigen</translation>
    </message>
    <message>
      <source>&amp;Snap selections to words</source>
      <translation>Auswahl an &amp;Wortgrenzen ausrichten</translation>
    </message>
    <message>
      <source>&amp;Source:</source>
      <translation>&amp;Quelle:</translation>
    </message>
    <message>
      <source>&amp;Span</source>
      <translation>&amp;Span</translation>
    </message>
    <message>
      <source>&amp;Split off</source>
      <translation>A&amp;bspalten</translation>
    </message>
    <message>
      <source>&amp;Split the documents between the annotators</source>
      <translation>Dokumente auf die Annotatoren &amp;aufteilen</translation>
    </message>
    <message>
      <source>&amp;Team</source>
      <translation>&amp;Team</translation>
    </message>
    <message>
      <source>&amp;Title:</source>
      <translation>&amp;Titel:</translation>
    </message>
    <message>
      <source>&amp;Tools</source>
      <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
      <source>&amp;Train now</source>
      <translation>Jetzt &amp;trainieren</translation>
    </message>
    <message>
      <source>&amp;Train suggestions from finished documents</source>
      <translation>Vorschläge aus fertigen Dokumenten &amp;trainieren</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Rückgängig</translation>
    </message>
    <message>
      <source>&amp;Undo {command_text}</source>
      <translation>{command_text} &amp;rückgängig machen</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Ansicht</translation>
    </message>
    <message>
      <source>&amp;Write</source>
      <translation>&amp;Schreiben</translation>
    </message>
    <message>
      <source>&amp;Write packages</source>
      <translation>Pakete &amp;schreiben</translation>
    </message>
    <message>
      <source>&amp;Write return package…</source>
      <translation>Rückgabepaket &amp;schreiben…</translation>
    </message>
    <message>
      <source>(no reason given)</source>
      <translation>(kein Grund angegeben)</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(keine)</translation>
    </message>
    <message>
      <source>(this project was not opened from a package)</source>
      <translation>(dieses Projekt wurde nicht aus einem Paket geöffnet)</translation>
    </message>
    <message>
      <source>2022-02-15, 2024-11, 2022-W06, PAST_REF …</source>
      <translation>2022-02-15, 2024-11, 2022-W06, PAST_REF …</translation>
    </message>
    <message>
      <source>95% CI</source>
      <translation>95-%-KI</translation>
    </message>
    <message>
      <source>&lt;b&gt;#{n} {title}&lt;/b&gt;&lt;br&gt;{label_text}</source>
      <translation>&lt;b&gt;#{n} {title}&lt;/b&gt;&lt;br&gt;{label_text}</translation>
    </message>
    <message>
      <source>&lt;b&gt;Accept a version&lt;/b&gt;</source>
      <translation>&lt;b&gt;Eine Fassung annehmen&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;Annotator pairs&lt;/b&gt;</source>
      <translation>&lt;b&gt;Annotatorenpaare&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;Annotator pairs&lt;/b&gt; — relevance (Cohen's kappa)</source>
      <translation>&lt;b&gt;Annotatorenpaare&lt;/b&gt; — Relevanz (Cohens Kappa)</translation>
    </message>
    <message>
      <source>&lt;b&gt;Claim to check:&lt;/b&gt; {claim}</source>
      <translation>&lt;b&gt;Zu prüfende Behauptung:&lt;/b&gt; {claim}</translation>
    </message>
    <message>
      <source>&lt;b&gt;Confusion&lt;/b&gt; (rows: first annotator of a pair, columns: second)</source>
      <translation>&lt;b&gt;Verwechslungen&lt;/b&gt; (Zeilen: erster Annotator eines Paares, Spalten: zweiter)</translation>
    </message>
    <message>
      <source>&lt;b&gt;Confusion&lt;/b&gt; — none for this entry</source>
      <translation>&lt;b&gt;Verwechslungen&lt;/b&gt; — keine für diesen Eintrag</translation>
    </message>
    <message>
      <source>&lt;b&gt;Confusion&lt;/b&gt; — relevance (rows: first annotator of a pair, columns: second)</source>
      <translation>&lt;b&gt;Verwechslungen&lt;/b&gt; — Relevanz (Zeilen: erster Annotator eines Paares, Spalten: zweiter)</translation>
    </message>
    <message>
      <source>&lt;b&gt;Decision&lt;/b&gt;</source>
      <translation>&lt;b&gt;Entscheidung&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;{layer}&lt;/b&gt; “{text}” &lt;span style='color:#666'&gt;({start_n}–{end_n})&lt;/span&gt;{proposed_text}</source>
      <translation>&lt;b&gt;{layer}&lt;/b&gt; „{text}“ &lt;span style='color:#666'&gt;({start_n}–{end_n})&lt;/span&gt;{proposed_text}</translation>
    </message>
    <message>
      <source>&lt;br&gt;&lt;span style='color:#9a5b00'&gt;Proposed by the tool: {names} — Ctrl+K confirms, or edit below&lt;/span&gt;</source>
      <translation>&lt;br&gt;&lt;span style='color:#9a5b00'&gt;Vom Werkzeug vorgeschlagen: {names} — Strg+K bestätigt, oder unten bearbeiten&lt;/span&gt;</translation>
    </message>
    <message>
      <source>&lt;i&gt;No disagreement selected&lt;/i&gt;</source>
      <translation>&lt;i&gt;Keine Unstimmigkeit ausgewählt&lt;/i&gt;</translation>
    </message>
    <message>
      <source>&lt;i&gt;not decided yet&lt;/i&gt;</source>
      <translation>&lt;i&gt;noch nicht entschieden&lt;/i&gt;</translation>
    </message>
    <message>
      <source>&lt;i&gt;the end must come after the start&lt;/i&gt;</source>
      <translation>&lt;i&gt;das Ende muss nach dem Anfang kommen&lt;/i&gt;</translation>
    </message>
    <message>
      <source>A   Accept all agreements in this document</source>
      <translation>A   Alle Übereinstimmungen in diesem Dokument annehmen</translation>
    </message>
    <message>
      <source>A&amp;dd</source>
      <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
      <source>A&amp;djudicate disagreements…</source>
      <translation>&amp;Unstimmigkeiten entscheiden…</translation>
    </message>
    <message>
      <source>A&amp;nnotators:</source>
      <translation>A&amp;nnotatoren:</translation>
    </message>
    <message>
      <source>About annotator</source>
      <translation>Über annotator</translation>
    </message>
    <message>
      <source>Accept &amp;stance</source>
      <translation>&amp;Haltung annehmen</translation>
    </message>
    <message>
      <source>accept agreements (#{doc_n})</source>
      <translation>Übereinstimmungen annehmen (#{doc_n})</translation>
    </message>
    <message>
      <source>Accept all &amp;DATE suggestions</source>
      <translation>Alle &amp;DATE-Vorschläge annehmen</translation>
    </message>
    <message>
      <source>Accept all A&amp;CTOR suggestions</source>
      <translation>Alle A&amp;CTOR-Vorschläge annehmen</translation>
    </message>
    <message>
      <source>Accept all agreements</source>
      <translation>Alle Übereinstimmungen annehmen</translation>
    </message>
    <message>
      <source>Accept all DE&amp;MAND suggestions</source>
      <translation>Alle DE&amp;MAND-Vorschläge annehmen</translation>
    </message>
    <message>
      <source>Accept all S&amp;OURCE suggestions</source>
      <translation>Alle S&amp;OURCE-Vorschläge annehmen</translation>
    </message>
    <message>
      <source>Accept annotator {n}</source>
      <translation>Annotator {n} annehmen</translation>
    </message>
    <message>
      <source>Accept into gold</source>
      <translation>Ins Gold übernehmen</translation>
    </message>
    <message>
      <source>Accept suggested &amp;grade</source>
      <translation>Vorgeschlagene &amp;Einstufung annehmen</translation>
    </message>
    <message>
      <source>accept {n} agreed (#{doc_n})</source>
      <translation>{n} übereinstimmende annehmen (#{doc_n})</translation>
    </message>
    <message>
      <source>Accepted {n} {layer} suggestion.</source>
      <translation>{n} {layer}-Vorschlag angenommen.</translation>
    </message>
    <message>
      <source>Accepted {n} {layer} suggestions.</source>
      <translation>{n} {layer}-Vorschläge angenommen.</translation>
    </message>
    <message>
      <source>ACTOR F1</source>
      <translation>ACTOR F1</translation>
    </message>
    <message>
      <source>Actor registry</source>
      <translation>Akteursregister</translation>
    </message>
    <message>
      <source>Add actor</source>
      <translation>Akteur hinzufügen</translation>
    </message>
    <message>
      <source>add claim</source>
      <translation>Forderung hinzufügen</translation>
    </message>
    <message>
      <source>Add or replace outlets from a CSV with the columns name, domains, signatures, grade (| between several)</source>
      <translation>Medien aus einer CSV mit den Spalten name, domains, signatures, grade hinzufügen oder ersetzen (| zwischen mehreren)</translation>
    </message>
    <message>
      <source>Add the package files the annotators sent back.</source>
      <translation>Fügen Sie die Paketdateien hinzu, die die Annotatoren zurückgeschickt haben.</translation>
    </message>
    <message>
      <source>Add the selected claim to its best suggested event</source>
      <translation>Die gewählte Forderung dem am besten vorgeschlagenen Ereignis hinzufügen</translation>
    </message>
    <message>
      <source>Add the selected claim to the selected event</source>
      <translation>Die gewählte Forderung dem gewählten Ereignis hinzufügen</translation>
    </message>
    <message>
      <source>Add the typed name as a new registry actor</source>
      <translation>Den eingegebenen Namen als neuen Akteur ins Register aufnehmen</translation>
    </message>
    <message>
      <source>Add the typed name to the actor registry (Ctrl+Return)</source>
      <translation>Den eingegebenen Namen ins Akteursregister aufnehmen (Strg+Eingabe)</translation>
    </message>
    <message>
      <source>Add to s&amp;uggested</source>
      <translation>Zum &amp;vorgeschlagenen hinzufügen</translation>
    </message>
    <message>
      <source>add {layer} span</source>
      <translation>{layer}-Span hinzufügen</translation>
    </message>
    <message>
      <source>Agreement — {name}</source>
      <translation>Übereinstimmung — {name}</translation>
    </message>
    <message>
      <source>Aliases ({language})</source>
      <translation>Aliasse ({language})</translation>
    </message>
    <message>
      <source>All annotators</source>
      <translation>Alle Annotatoren</translation>
    </message>
    <message>
      <source>All imports</source>
      <translation>Alle Importe</translation>
    </message>
    <message>
      <source>All kinds ({n})</source>
      <translation>Alle Arten ({n})</translation>
    </message>
    <message>
      <source>Ambiguity</source>
      <translation>Mehrdeutigkeit</translation>
    </message>
    <message>
      <source>Annotation here is blind: every span, claim and status you record carries your name, and you see only your own work, never the other annotators', so that their agreement measures the codebook and not who copied whom. Reviewers compare the versions later and decide the gold version.</source>
      <translation>Die Annotation ist hier blind: Jeder Span, jede Forderung und jeder Status, den Sie erfassen, trägt Ihren Namen, und Sie sehen nur Ihre eigene Arbeit, nie die der anderen Annotatoren, damit ihre Übereinstimmung das Codebuch misst und nicht, wer von wem abgeschrieben hat. Prüfende vergleichen die Fassungen später und legen die Goldfassung fest.</translation>
    </message>
    <message>
      <source>Annotator</source>
      <translation>Annotator</translation>
    </message>
    <message>
      <source>annotator</source>
      <translation>annotator</translation>
    </message>
    <message>
      <source>Annotator error</source>
      <translation>Fehler des Annotators</translation>
    </message>
    <message>
      <source>annotator {version}
Offline annotation of news articles.</source>
      <translation>annotator {version}
Offline-Annotation von Nachrichtenartikeln.</translation>
    </message>
    <message>
      <source>Annotator:</source>
      <translation>Annotator:</translation>
    </message>
    <message>
      <source>Annotator: {name}</source>
      <translation>Annotator: {name}</translation>
    </message>
    <message>
      <source>Annotators: {names} · documents coded by all: {n} · alpha ≥ 0.8 is usually taken as reliable, ≥ 0.667 as enough for tentative conclusions</source>
      <translation>Annotatoren: {names} · von allen codierte Dokumente: {n} · Alpha ≥ 0,8 gilt üblicherweise als reliabel, ≥ 0,667 als ausreichend für vorläufige Schlüsse</translation>
    </message>
    <message>
      <source>Another annotator's name, then Add</source>
      <translation>Name eines weiteren Annotators, dann Hinzufügen</translation>
    </message>
    <message>
      <source>Any language</source>
      <translation>Alle Sprachen</translation>
    </message>
    <message>
      <source>Any status</source>
      <translation>Jeder Status</translation>
    </message>
    <message>
      <source>Assign and write packages</source>
      <translation>Pakete zuweisen und schreiben</translation>
    </message>
    <message>
      <source>Assigned</source>
      <translation>Zugewiesen</translation>
    </message>
    <message>
      <source>B&amp;rowse…</source>
      <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
      <source>Backups of {name} (in {folder}):</source>
      <translation>Sicherungen von {name} (in {folder}):</translation>
    </message>
    <message>
      <source>Boilerplate</source>
      <translation>Seitenbeiwerk</translation>
    </message>
    <message>
      <source>Bootstrap</source>
      <translation>Bootstrap</translation>
    </message>
    <message>
      <source>Bootstrap samples for the 95% intervals (0: none)</source>
      <translation>Bootstrap-Stichproben für die 95-%-Intervalle (0: keine)</translation>
    </message>
    <message>
      <source>boundary-only difference</source>
      <translation>Unterschied nur in den Grenzen</translation>
    </message>
    <message>
      <source>brat standoff (.txt + .ann, annotation.conf)</source>
      <translation>brat standoff (.txt + .ann, annotation.conf)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <source>Cancel the computation (Esc)</source>
      <translation>Berechnung abbrechen (Esc)</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>abgebrochen</translation>
    </message>
    <message>
      <source>Cancelled; nothing was written.</source>
      <translation>Abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
      <source>Cancelled; the previous report (if any) is still shown.</source>
      <translation>Abgebrochen; der vorige Bericht (falls vorhanden) wird weiter angezeigt.</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Wird abgebrochen…</translation>
    </message>
    <message>
      <source>Cannot open {path}:
{reason}</source>
      <translation>{path} lässt sich nicht öffnen:
{reason}</translation>
    </message>
    <message>
      <source>Cells starting with = + - @ get a leading apostrophe, so a spreadsheet program shows them as text instead of running them as formulas</source>
      <translation>Zellen, die mit = + - @ beginnen, erhalten einen führenden Apostroph, damit eine Tabellenkalkulation sie als Text zeigt, statt sie als Formeln auszuführen</translation>
    </message>
    <message>
      <source>Change &amp;annotator name…</source>
      <translation>&amp;Annotatornamen ändern…</translation>
    </message>
    <message>
      <source>change claim {fields}</source>
      <translation>{fields} der Forderung ändern</translation>
    </message>
    <message>
      <source>change {fields}</source>
      <translation>{fields} ändern</translation>
    </message>
    <message>
      <source>Choose a backup.</source>
      <translation>Wählen Sie eine Sicherung.</translation>
    </message>
    <message>
      <source>Choose a file for the new local project.</source>
      <translation>Wählen Sie eine Datei für das neue lokale Projekt.</translation>
    </message>
    <message>
      <source>Choose a folder for the packages.</source>
      <translation>Wählen Sie einen Ordner für die Pakete.</translation>
    </message>
    <message>
      <source>Choose the destination file</source>
      <translation type="vanished">Zieldatei wählen</translation>
    </message>
    <message>
      <source>Choose the destination {target}</source>
      <translation>Ziel wählen ({target})</translation>
    </message>
    <message>
      <source>Choose the new local project file</source>
      <translation>Neue lokale Projektdatei wählen</translation>
    </message>
    <message>
      <source>Choose the output folder</source>
      <translation>Ausgabeordner wählen</translation>
    </message>
    <message>
      <source>Choose the package file</source>
      <translation>Paketdatei wählen</translation>
    </message>
    <message>
      <source>Choose the package file you received.</source>
      <translation>Wählen Sie die Paketdatei, die Sie erhalten haben.</translation>
    </message>
    <message>
      <source>Choose the return package file</source>
      <translation>Rückgabepaketdatei wählen</translation>
    </message>
    <message>
      <source>Choose where to write the export.</source>
      <translation>Wählen Sie, wohin der Export geschrieben wird.</translation>
    </message>
    <message>
      <source>Choose where to write the return package.</source>
      <translation>Wählen Sie, wohin das Rückgabepaket geschrieben wird.</translation>
    </message>
    <message>
      <source>Claim</source>
      <translation>Forderung</translation>
    </message>
    <message>
      <source>claim coded by only some annotators</source>
      <translation>Forderung nur von einigen Annotatoren codiert</translation>
    </message>
    <message>
      <source>Claim date modifier</source>
      <translation type="vanished">Modifikator des Forderungsdatums</translation>
    </message>
    <message>
      <source>Claims</source>
      <translation>Forderungen</translation>
    </message>
    <message>
      <source>Clear the selection (article); close the find bar</source>
      <translation>Auswahl aufheben (Artikel); Suchleiste schließen</translation>
    </message>
    <message>
      <source>Close</source>
      <translation type="vanished">Schließen</translation>
    </message>
    <message>
      <source>Codebook as JSON (full domains)</source>
      <translation>Codebuch als JSON (vollständige Wertebereiche)</translation>
    </message>
    <message>
      <source>coded by {names} only</source>
      <translation>nur von {names} codiert</translation>
    </message>
    <message>
      <source>Coefficient</source>
      <translation>Koeffizient</translation>
    </message>
    <message>
      <source>Compute</source>
      <translation>Berechnen</translation>
    </message>
    <message>
      <source>Compute the agreement report (F5)</source>
      <translation>Übereinstimmungsbericht berechnen (F5)</translation>
    </message>
    <message>
      <source>Computing agreement…</source>
      <translation>Übereinstimmung wird berechnet…</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>Bestätigen</translation>
    </message>
    <message>
      <source>Confirm &amp;proposed values of the span</source>
      <translation>&amp;Vorgeschlagene Werte des Spans bestätigen</translation>
    </message>
    <message>
      <source>CoNLL-2003 style BIO per token</source>
      <translation>BIO pro Token im CoNLL-2003-Stil</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Land</translation>
    </message>
    <message>
      <source>Covers: “{text}”</source>
      <translation>Umfasst: „{text}“</translation>
    </message>
    <message>
      <source>Create an event from the selected claims</source>
      <translation>Aus den gewählten Forderungen ein Ereignis anlegen</translation>
    </message>
    <message>
      <source>CSV tables: documents, spans, claims (PCA style)</source>
      <translation>CSV-Tabellen: Dokumente, Spans, Forderungen (PCA-Stil)</translation>
    </message>
    <message>
      <source>D&amp;ocument</source>
      <translation>D&amp;okument</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Datum</translation>
    </message>
    <message>
      <source>DATE F1</source>
      <translation>DATE F1</translation>
    </message>
    <message>
      <source>Dates</source>
      <translation>Daten</translation>
    </message>
    <message>
      <source>decision refused: {reason}</source>
      <translation>Entscheidung abgelehnt: {reason}</translation>
    </message>
    <message>
      <source>Default grade</source>
      <translation>Standardeinstufung</translation>
    </message>
    <message>
      <source>delete actor</source>
      <translation>Akteur löschen</translation>
    </message>
    <message>
      <source>Delete actor</source>
      <translation>Akteur löschen</translation>
    </message>
    <message>
      <source>delete actor {name}</source>
      <translation>Akteur {name} löschen</translation>
    </message>
    <message>
      <source>Delete claim</source>
      <translation>Forderung löschen</translation>
    </message>
    <message>
      <source>Delete the selected event</source>
      <translation>Das gewählte Ereignis löschen</translation>
    </message>
    <message>
      <source>Deleted {name}.</source>
      <translation>{name} gelöscht.</translation>
    </message>
    <message>
      <source>Demand</source>
      <translation>Forderungsinhalt</translation>
    </message>
    <message>
      <source>DEMAND F1</source>
      <translation>DEMAND F1</translation>
    </message>
    <message>
      <source>derived from the name</source>
      <translation>aus dem Namen abgeleitet</translation>
    </message>
    <message>
      <source>Detail</source>
      <translation>Detail</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Details</translation>
    </message>
    <message>
      <source>different attribute values</source>
      <translation>unterschiedliche Attributwerte</translation>
    </message>
    <message>
      <source>different claim attributes</source>
      <translation>unterschiedliche Forderungsattribute</translation>
    </message>
    <message>
      <source>different date precision or modifier</source>
      <translation>unterschiedliche Datumsgenauigkeit oder Modifikator</translation>
    </message>
    <message>
      <source>different date value</source>
      <translation>unterschiedlicher Datumswert</translation>
    </message>
    <message>
      <source>different document label</source>
      <translation>unterschiedliches Dokumentlabel</translation>
    </message>
    <message>
      <source>different labels</source>
      <translation>unterschiedliche Labels</translation>
    </message>
    <message>
      <source>different linked actor</source>
      <translation>unterschiedlicher verknüpfter Akteur</translation>
    </message>
    <message>
      <source>different reliability grade</source>
      <translation>unterschiedliche Zuverlässigkeitsstufe</translation>
    </message>
    <message>
      <source>different span attributes</source>
      <translation>unterschiedliche Span-Attribute</translation>
    </message>
    <message>
      <source>Disagreement</source>
      <translation>Unstimmigkeit</translation>
    </message>
    <message>
      <source>Disagreements</source>
      <translation>Unstimmigkeiten</translation>
    </message>
    <message>
      <source>Doc</source>
      <translation>Dok.</translation>
    </message>
    <message>
      <source>Document</source>
      <translation>Dokument</translation>
    </message>
    <message>
      <source>Document (shared by all annotators)</source>
      <translation>Dokument (für alle Annotatoren gemeinsam)</translation>
    </message>
    <message>
      <source>Document fields</source>
      <translation>Dokumentfelder</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>Dokumente</translation>
    </message>
    <message>
      <source>Documents:</source>
      <translation>Dokumente:</translation>
    </message>
    <message>
      <source>Does</source>
      <translation>Bewirkt</translation>
    </message>
    <message>
      <source>Domains</source>
      <translation>Domains</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Fertig</translation>
    </message>
    <message>
      <source>done</source>
      <translation>fertig</translation>
    </message>
    <message>
      <source>Draw boilerplate in the background colour (offsets stay; the text is still there)</source>
      <translation>Seitenbeiwerk in der Hintergrundfarbe zeichnen (die Positionen bleiben; der Text ist noch da)</translation>
    </message>
    <message>
      <source>E   Edit, then accept…</source>
      <translation>E   Bearbeiten, dann annehmen…</translation>
    </message>
    <message>
      <source>E&amp;vidence for a claim line</source>
      <translation>&amp;Belege für eine Behauptungszeile</translation>
    </message>
    <message>
      <source>E&amp;xport CSV…</source>
      <translation>CSV e&amp;xportieren…</translation>
    </message>
    <message>
      <source>E&amp;xport…</source>
      <translation>E&amp;xportieren…</translation>
    </message>
    <message>
      <source>e.g. layer:DATE precision:year — Return to search</source>
      <translation>z. B. layer:DATE precision:year — Eingabe zum Suchen</translation>
    </message>
    <message>
      <source>e.g. Maria Lind or ML</source>
      <translation>z. B. Maria Lind oder ML</translation>
    </message>
    <message>
      <source>edit</source>
      <translation>Bearbeitung</translation>
    </message>
    <message>
      <source>Edit actor</source>
      <translation>Akteur bearbeiten</translation>
    </message>
    <message>
      <source>edit actor</source>
      <translation>Akteur bearbeiten</translation>
    </message>
    <message>
      <source>edit actor {name}</source>
      <translation>Akteur {name} bearbeiten</translation>
    </message>
    <message>
      <source>Edit the gold version</source>
      <translation>Goldfassung bearbeiten</translation>
    </message>
    <message>
      <source>Edit the selected span's attributes (article)</source>
      <translation>Attribute des gewählten Spans bearbeiten (Artikel)</translation>
    </message>
    <message>
      <source>Edit, then accept</source>
      <translation>Bearbeiten, dann annehmen</translation>
    </message>
    <message>
      <source>End</source>
      <translation>Ende</translation>
    </message>
    <message>
      <source>Enter or double-click on an entry, a bar, a pair or a cell reviews the disagreements behind it.</source>
      <translation>Eingabe oder Doppelklick auf einen Eintrag, einen Balken, ein Paar oder eine Zelle prüft die Unstimmigkeiten dahinter.</translation>
    </message>
    <message>
      <source>Enter your name as reviewer first</source>
      <translation>Geben Sie zuerst Ihren Namen als Prüfer/in ein</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Ereignis</translation>
    </message>
    <message>
      <source>Event ledger: events, claims, event-article crosswalk (CSV+JSON)</source>
      <translation>Ereignisregister: Ereignisse, Forderungen, Zuordnung Ereignis–Artikel (CSV+JSON)</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>Ereignisse</translation>
    </message>
    <message>
      <source>Events (timeline)</source>
      <translation>Ereignisse (Zeitleiste)</translation>
    </message>
    <message>
      <source>Events of every annotator (review)</source>
      <translation>Ereignisse aller Annotatoren (Prüfung)</translation>
    </message>
    <message>
      <source>Every document is done.</source>
      <translation>Alle Dokumente sind fertig.</translation>
    </message>
    <message>
      <source>Every document is started: nothing left to rank.</source>
      <translation>Jedes Dokument ist begonnen: nichts mehr zu ordnen.</translation>
    </message>
    <message>
      <source>Everything shown here is adjudicated</source>
      <translation>Alles hier Gezeigte ist entschieden</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Exportieren</translation>
    </message>
    <message>
      <source>Export actors</source>
      <translation>Akteure exportieren</translation>
    </message>
    <message>
      <source>Export actors to CSV</source>
      <translation>Akteure als CSV exportieren</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>CSV exportieren…</translation>
    </message>
    <message>
      <source>Export HTML…</source>
      <translation>HTML exportieren…</translation>
    </message>
    <message>
      <source>Export native JSONL</source>
      <translation>Natives JSONL exportieren</translation>
    </message>
    <message>
      <source>Export the agreement report</source>
      <translation>Übereinstimmungsbericht exportieren</translation>
    </message>
    <message>
      <source>Export the report as CSV</source>
      <translation>Bericht als CSV exportieren</translation>
    </message>
    <message>
      <source>Export the report as HTML</source>
      <translation>Bericht als HTML exportieren</translation>
    </message>
    <message>
      <source>Export {format}: name {what}</source>
      <translation>{format} exportieren: {what} benennen</translation>
    </message>
    <message>
      <source>Exported {n} actor(s) to {file}.</source>
      <translation>{n} Akteur(e) nach {file} exportiert.</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Feld</translation>
    </message>
    <message>
      <source>Fields and claim type (accuracy)</source>
      <translation>Felder und Forderungstyp (Genauigkeit)</translation>
    </message>
    <message>
      <source>Fields: layer, text, actor, claimant, addressee, object, event, reliability, credibility, status, title, outlet, language, published, doc, has, and every span attribute and document field of the codebook. Combine with OR, NOT or -, and parentheses.</source>
      <translation>Felder: layer, text, actor, claimant, addressee, object, event, reliability, credibility, status, title, outlet, language, published, doc, has sowie jedes Span-Attribut und Dokumentfeld des Codebuchs. Kombinierbar mit OR, NOT oder - und Klammern.</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Datei</translation>
    </message>
    <message>
      <source>Filter by name, alias, QID, country…</source>
      <translation>Nach Name, Alias, QID, Land filtern…</translation>
    </message>
    <message>
      <source>Find &amp;annotations…</source>
      <translation>&amp;Annotationen suchen…</translation>
    </message>
    <message>
      <source>Find annotations</source>
      <translation>Annotationen suchen</translation>
    </message>
    <message>
      <source>Find in article (Return: next, Shift+Return: previous)</source>
      <translation>Im Artikel suchen (Eingabe: nächster, Umschalt+Eingabe: vorheriger)</translation>
    </message>
    <message>
      <source>Find next / previous (find bar)</source>
      <translation>Nächsten / vorherigen Treffer suchen (Suchleiste)</translation>
    </message>
    <message>
      <source>Find the disagreements again (F5)</source>
      <translation>Unstimmigkeiten neu ermitteln (F5)</translation>
    </message>
    <message>
      <source>Find:</source>
      <translation>Suchen:</translation>
    </message>
    <message>
      <source>Finding disagreements…</source>
      <translation>Unstimmigkeiten werden ermittelt…</translation>
    </message>
    <message>
      <source>Finding disagreements… {done_n} of {total_n} documents</source>
      <translation>Unstimmigkeiten werden ermittelt… {done_n} von {total_n} Dokumenten</translation>
    </message>
    <message>
      <source>Folder for the packages</source>
      <translation>Ordner für die Pakete</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>Form</translation>
    </message>
    <message>
      <source>Go to &amp;article</source>
      <translation>Zum &amp;Artikel</translation>
    </message>
    <message>
      <source>Go to &amp;claims</source>
      <translation>Zu den &amp;Forderungen</translation>
    </message>
    <message>
      <source>Go to &amp;document fields</source>
      <translation>Zu den &amp;Dokumentfeldern</translation>
    </message>
    <message>
      <source>Go to &amp;span attributes</source>
      <translation>Zu den &amp;Span-Attributen</translation>
    </message>
    <message>
      <source>Go to document &amp;list</source>
      <translation>Zur Dokument&amp;liste</translation>
    </message>
    <message>
      <source>gold</source>
      <translation>Gold</translation>
    </message>
    <message>
      <source>Gold (adjudicated) only</source>
      <translation>Nur Gold (entschieden)</translation>
    </message>
    <message>
      <source>Gold, else the chosen annotator</source>
      <translation>Gold, sonst der gewählte Annotator</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Einstufung</translation>
    </message>
    <message>
      <source>Guideline</source>
      <translation>Richtlinie</translation>
    </message>
    <message>
      <source>Guideline gap</source>
      <translation>Lücke in der Richtlinie</translation>
    </message>
    <message>
      <source>Guideline — {title}</source>
      <translation>Richtlinie — {title}</translation>
    </message>
    <message>
      <source>Held out</source>
      <translation>Zurückgehalten</translation>
    </message>
    <message>
      <source>Hide below confidence</source>
      <translation>Ausblenden unter Konfidenz</translation>
    </message>
    <message>
      <source>Hide boilerplate</source>
      <translation>Seitenbeiwerk ausblenden</translation>
    </message>
    <message>
      <source>Hugging Face datasets (save_to_disk)  [needs hf]</source>
      <translation>Hugging Face datasets (save_to_disk)  [benötigt hf]</translation>
    </message>
    <message>
      <source>Import &amp;batch:</source>
      <translation>Import&amp;charge:</translation>
    </message>
    <message>
      <source>Import &amp;folder…</source>
      <translation>&amp;Ordner importieren…</translation>
    </message>
    <message>
      <source>Import a folder of articles</source>
      <translation>Einen Ordner mit Artikeln importieren</translation>
    </message>
    <message>
      <source>Import actors</source>
      <translation>Akteure importieren</translation>
    </message>
    <message>
      <source>Import actors from CSV</source>
      <translation>Akteure aus CSV importieren</translation>
    </message>
    <message>
      <source>Import articles</source>
      <translation>Artikel importieren</translation>
    </message>
    <message>
      <source>Import CSV…</source>
      <translation>CSV importieren…</translation>
    </message>
    <message>
      <source>Import outlets</source>
      <translation>Medien importieren</translation>
    </message>
    <message>
      <source>Import report</source>
      <translation>Importbericht</translation>
    </message>
    <message>
      <source>Imported documents of a listed outlet carry its name; its grade is proposed as the outlet reliability on an annotator's first edit of the document.</source>
      <translation>Importierte Dokumente eines gelisteten Mediums tragen dessen Namen; seine Einstufung wird bei der ersten Bearbeitung des Dokuments durch einen Annotator als Zuverlässigkeit des Mediums vorgeschlagen.</translation>
    </message>
    <message>
      <source>Imported {n} new actor(s) from {file}.</source>
      <translation>{n} neue(n) Akteur(e) aus {file} importiert.</translation>
    </message>
    <message>
      <source>Imported {n} outlet from {name}.</source>
      <translation>{n} Medium aus {name} importiert.</translation>
    </message>
    <message>
      <source>Imported {n} outlets from {name}.</source>
      <translation>{n} Medien aus {name} importiert.</translation>
    </message>
    <message>
      <source>In context</source>
      <translation>Im Kontext</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>In Arbeit</translation>
    </message>
    <message>
      <source>ISO date of publication (YYYY-MM-DD); relative dates in the article resolve against it</source>
      <translation>Erscheinungsdatum nach ISO (JJJJ-MM-TT); relative Datumsangaben im Artikel werden darauf bezogen</translation>
    </message>
    <message>
      <source>Keep the values the tool proposed (Ctrl+K); editing a value also makes it yours</source>
      <translation>Die vom Werkzeug vorgeschlagenen Werte übernehmen (Strg+K); wer einen Wert bearbeitet, macht ihn ebenfalls zu seinem</translation>
    </message>
    <message>
      <source>Keep {name} ({key})</source>
      <translation>{name} ({key}) behalten</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Tastenkürzel</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Tasten</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Art</translation>
    </message>
    <message>
      <source>Label Studio JSON tasks</source>
      <translation>Label-Studio-JSON-Aufgaben</translation>
    </message>
    <message>
      <source>Lang</source>
      <translation>Spr.</translation>
    </message>
    <message>
      <source>Language (BCP-47)</source>
      <translation>Sprache (BCP-47)</translation>
    </message>
    <message>
      <source>Last merged</source>
      <translation>Zuletzt zusammengeführt</translation>
    </message>
    <message>
      <source>Layer</source>
      <translation>Ebene</translation>
    </message>
    <message>
      <source>Learned suggester: quality on held-out documents, by model version</source>
      <translation>Gelernte Vorschläge: Qualität auf zurückgehaltenen Dokumenten, je Modellversion</translation>
    </message>
    <message>
      <source>Learned suggestions</source>
      <translation>Gelernte Vorschläge</translation>
    </message>
    <message>
      <source>linked to different registry actors</source>
      <translation>mit unterschiedlichen Akteuren des Registers verknüpft</translation>
    </message>
    <message>
      <source>List the article's actors, then the registry</source>
      <translation>Die Akteure des Artikels auflisten, dann das Register</translation>
    </message>
    <message>
      <source>Looking for a learned model…</source>
      <translation>Suche nach einem gelernten Modell…</translation>
    </message>
    <message>
      <source>Made &amp;for:</source>
      <translation>Erstellt &amp;für:</translation>
    </message>
    <message>
      <source>Mark &amp;done and go to next unfinished</source>
      <translation>Als &amp;fertig markieren und zum nächsten unfertigen</translation>
    </message>
    <message>
      <source>Mark &amp;in progress again</source>
      <translation>Wieder als &amp;in Arbeit markieren</translation>
    </message>
    <message>
      <source>mark done</source>
      <translation>als fertig markieren</translation>
    </message>
    <message>
      <source>Mark selection as article text</source>
      <translation>Auswahl als Artikeltext markieren</translation>
    </message>
    <message>
      <source>Mark the selected text as {layer} (no text selected: move the selected span to that layer)</source>
      <translation>Den ausgewählten Text als {layer} markieren (kein Text ausgewählt: den gewählten Span in diese Ebene verschieben)</translation>
    </message>
    <message>
      <source>Mark the selection as site chrome (greyed out, left out of suggestions, exports and agreement); the arrow: mark as article text, or hide boilerplate</source>
      <translation>Auswahl als Seitenbeiwerk markieren (ausgegraut, nicht in Vorschlägen, Exporten und Übereinstimmung); der Pfeil: als Artikeltext markieren oder Seitenbeiwerk ausblenden</translation>
    </message>
    <message>
      <source>Mark the selection as {layer} ({key})
{description}</source>
      <translation>Die Auswahl als {layer} markieren ({key})
{description}</translation>
    </message>
    <message>
      <source>mark {status}</source>
      <translation>{status} markieren</translation>
    </message>
    <message>
      <source>marked by {names} only</source>
      <translation>nur von {names} markiert</translation>
    </message>
    <message>
      <source>Match rate</source>
      <translation>Trefferquote</translation>
    </message>
    <message>
      <source>Me</source>
      <translation>Ich</translation>
    </message>
    <message>
      <source>Me ({name})</source>
      <translation>Ich ({name})</translation>
    </message>
    <message>
      <source>merge actors</source>
      <translation>Akteure zusammenführen</translation>
    </message>
    <message>
      <source>Merge actors</source>
      <translation>Akteure zusammenführen</translation>
    </message>
    <message>
      <source>Merge returned packages</source>
      <translation>Zurückgegebene Pakete zusammenführen</translation>
    </message>
    <message>
      <source>Merge the selected events</source>
      <translation>Die gewählten Ereignisse zusammenführen</translation>
    </message>
    <message>
      <source>Merge two actors</source>
      <translation>Zwei Akteure zusammenführen</translation>
    </message>
    <message>
      <source>merge {dropped} into {kept}</source>
      <translation>{dropped} in {kept} zusammenführen</translation>
    </message>
    <message>
      <source>Merged {dropped} into {kept}.</source>
      <translation>{dropped} in {kept} zusammengeführt.</translation>
    </message>
    <message>
      <source>Merged {merged_n} of {total_n} package(s).</source>
      <translation>{merged_n} von {total_n} Paket(en) zusammengeführt.</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>Modell</translation>
    </message>
    <message>
      <source>Modifier: start, middle, end of the period, about, before …</source>
      <translation>Modifikator: Anfang, Mitte, Ende des Zeitraums, etwa, vor …</translation>
    </message>
    <message>
      <source>Move between fields</source>
      <translation>Zwischen den Feldern wechseln</translation>
    </message>
    <message>
      <source>Move the selected reports to a new event</source>
      <translation>Die gewählten Berichte in ein neues Ereignis verschieben</translation>
    </message>
    <message>
      <source>Move the selected span's end by a character (Shift: by a word)</source>
      <translation>Ende des gewählten Spans um ein Zeichen verschieben (Umschalt: um ein Wort)</translation>
    </message>
    <message>
      <source>Move the selected span's start by a character (Shift: by a word)</source>
      <translation>Anfang des gewählten Spans um ein Zeichen verschieben (Umschalt: um ein Wort)</translation>
    </message>
    <message>
      <source>Move the selected span's start or end with the mouse</source>
      <translation>Anfang oder Ende des gewählten Spans mit der Maus verschieben</translation>
    </message>
    <message>
      <source>My coding</source>
      <translation>Meine Codierung</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Native JSONL (lossless, importable)</source>
      <translation>Natives JSONL (verlustfrei, importierbar)</translation>
    </message>
    <message>
      <source>New &amp;claim</source>
      <translation>Neue &amp;Forderung</translation>
    </message>
    <message>
      <source>new actor {name}</source>
      <translation>neuer Akteur {name}</translation>
    </message>
    <message>
      <source>New claim</source>
      <translation>Neue Forderung</translation>
    </message>
    <message>
      <source>New local project</source>
      <translation>Neues lokales Projekt</translation>
    </message>
    <message>
      <source>New project</source>
      <translation>Neues Projekt</translation>
    </message>
    <message>
      <source>newly finished documents</source>
      <translation>neu fertiggestellten Dokumenten</translation>
    </message>
    <message>
      <source>New…</source>
      <translation>Neu…</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>Weiter</translation>
    </message>
    <message>
      <source>Next &amp;unfinished document</source>
      <translation>Nächstes &amp;unfertiges Dokument</translation>
    </message>
    <message>
      <source>Next unfinished: the one the model is least sure of</source>
      <translation>Nächstes unfertiges: das, bei dem das Modell am unsichersten ist</translation>
    </message>
    <message>
      <source>No backups yet in {folder}.</source>
      <translation>Noch keine Sicherungen in {folder}.</translation>
    </message>
    <message>
      <source>no date</source>
      <translation>kein Datum</translation>
    </message>
    <message>
      <source>No disagreements behind “{field}”.</source>
      <translation>Keine Unstimmigkeiten hinter „{field}“.</translation>
    </message>
    <message>
      <source>No document</source>
      <translation>Kein Dokument</translation>
    </message>
    <message>
      <source>No document of this project has a claim line to check.</source>
      <translation>Kein Dokument dieses Projekts hat eine zu prüfende Behauptungszeile.</translation>
    </message>
    <message>
      <source>No document. Open a project with File › Open, or start one with File › New project and File › Import.</source>
      <translation>Kein Dokument. Öffnen Sie ein Projekt mit Datei › Öffnen oder beginnen Sie eines mit Datei › Neues Projekt und Datei › Importieren.</translation>
    </message>
    <message>
      <source>No documents are assigned yet: Team › Assign and write packages…</source>
      <translation>Noch sind keine Dokumente zugewiesen: Team › Pakete zuweisen und schreiben…</translation>
    </message>
    <message>
      <source>No event is suggested for this claim; create one instead.</source>
      <translation>Für diese Forderung wird kein Ereignis vorgeschlagen; legen Sie stattdessen eines an.</translation>
    </message>
    <message>
      <source>No event suggested for this claim.</source>
      <translation>Kein Ereignis für diese Forderung vorgeschlagen.</translation>
    </message>
    <message>
      <source>no learned model for this project yet (looked in {path}); train one with `annotator train PROJECT` or Assist &gt; Train suggestions from finished documents - the registry and date suggestions work meanwhile</source>
      <translation>für dieses Projekt noch kein gelerntes Modell (gesucht in {path}); trainieren Sie eines mit `annotator train PROJECT` oder Assistenz &gt; Vorschläge aus fertigen Dokumenten trainieren – die Vorschläge aus Register und Datumsregeln funktionieren inzwischen</translation>
    </message>
    <message>
      <source>No learned model yet: Assist › Train suggestions from finished documents.</source>
      <translation>Noch kein gelerntes Modell: Assistenz › Vorschläge aus fertigen Dokumenten trainieren.</translation>
    </message>
    <message>
      <source>No project open — File › New project or File › Open</source>
      <translation>Kein Projekt geöffnet — Datei › Neues Projekt oder Datei › Öffnen</translation>
    </message>
    <message>
      <source>No project open.</source>
      <translation>Kein Projekt geöffnet.</translation>
    </message>
    <message>
      <source>No suggestion selected: F8 goes to the next one.</source>
      <translation>Kein Vorschlag ausgewählt: F8 springt zum nächsten.</translation>
    </message>
    <message>
      <source>No suggestions here.</source>
      <translation>Hier gibt es keine Vorschläge.</translation>
    </message>
    <message>
      <source>No {layer} suggestions to accept.</source>
      <translation>Keine {layer}-Vorschläge zum Annehmen.</translation>
    </message>
    <message>
      <source>Not a usable package: {reason}</source>
      <translation>Kein verwendbares Paket: {reason}</translation>
    </message>
    <message>
      <source>not annotated</source>
      <translation>nicht annotiert</translation>
    </message>
    <message>
      <source>Not deleted: {reason}</source>
      <translation>Nicht gelöscht: {reason}</translation>
    </message>
    <message>
      <source>Not exported: {reason}</source>
      <translation>Nicht exportiert: {reason}</translation>
    </message>
    <message>
      <source>not found</source>
      <translation>nicht gefunden</translation>
    </message>
    <message>
      <source>Not imported: {reasons}.</source>
      <translation>Nicht importiert: {reasons}.</translation>
    </message>
    <message>
      <source>Not started</source>
      <translation>Nicht begonnen</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Notiz</translation>
    </message>
    <message>
      <source>OK</source>
      <translation type="vanished">OK</translation>
    </message>
    <message>
      <source>One annotator</source>
      <translation>Ein Annotator</translation>
    </message>
    <message>
      <source>Only what is &amp;already assigned to them</source>
      <translation>Nur was ihnen &amp;bereits zugewiesen ist</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
      <source>Open a project (File › Open) to start annotating.</source>
      <translation>Öffnen Sie ein Projekt (Datei › Öffnen), um mit dem Annotieren zu beginnen.</translation>
    </message>
    <message>
      <source>Open a project first.</source>
      <translation>Öffnen Sie zuerst ein Projekt.</translation>
    </message>
    <message>
      <source>Open a project to read its guideline.</source>
      <translation>Öffnen Sie ein Projekt, um seine Richtlinie zu lesen.</translation>
    </message>
    <message>
      <source>Open annotator &amp;package…</source>
      <translation>Annotator-&amp;Paket öffnen…</translation>
    </message>
    <message>
      <source>Open annotator package</source>
      <translation>Annotator-Paket öffnen</translation>
    </message>
    <message>
      <source>Open project</source>
      <translation>Projekt öffnen</translation>
    </message>
    <message>
      <source>Open the bundled sample project as anna, one of its three annotators, to see coded articles; your own name is asked again next time</source>
      <translation>Das mitgelieferte Beispielprojekt als anna öffnen, eine seiner drei Annotatorinnen, um codierte Artikel zu sehen; Ihr eigener Name wird beim nächsten Mal erneut erfragt</translation>
    </message>
    <message>
      <source>Opened read-only: {reason}. Edits cannot be saved.</source>
      <translation>Schreibgeschützt geöffnet: {reason}. Änderungen lassen sich nicht speichern.</translation>
    </message>
    <message>
      <source>Opened {file}: annotating as {name}. File › Write return package… when you are done.</source>
      <translation>{file} geöffnet: Annotation als {name}. Datei › Rückgabepaket schreiben…, wenn Sie fertig sind.</translation>
    </message>
    <message>
      <source>optional note, kept with the decision</source>
      <translation>optionale Notiz, wird mit der Entscheidung gespeichert</translation>
    </message>
    <message>
      <source>Other aliases</source>
      <translation>Weitere Aliasse</translation>
    </message>
    <message>
      <source>Outlet</source>
      <translation>Medium</translation>
    </message>
    <message>
      <source>Outlet grade</source>
      <translation>Einstufung des Mediums</translation>
    </message>
    <message>
      <source>Outlet list</source>
      <translation>Medienliste</translation>
    </message>
    <message>
      <source>Output &amp;folder:</source>
      <translation>Ausgabe&amp;ordner:</translation>
    </message>
    <message>
      <source>Package</source>
      <translation>Paket</translation>
    </message>
    <message>
      <source>Packages sent</source>
      <translation>Versandte Pakete</translation>
    </message>
    <message>
      <source>Parquet tables: documents, spans, claims  [needs parquet]</source>
      <translation>Parquet-Tabellen: Dokumente, Spans, Forderungen  [benötigt parquet]</translation>
    </message>
    <message>
      <source>Passage</source>
      <translation>Passage</translation>
    </message>
    <message>
      <source>Passages elsewhere on this claim</source>
      <translation>Passagen an anderer Stelle zu dieser Forderung</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Ort</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Fortschritt</translation>
    </message>
    <message>
      <source>Progress dashboard</source>
      <translation>Fortschrittsübersicht</translation>
    </message>
    <message>
      <source>Proposed by the learned model</source>
      <translation>Vom gelernten Modell vorgeschlagen</translation>
    </message>
    <message>
      <source>Publication date</source>
      <translation>Erscheinungsdatum</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Veröffentlicht</translation>
    </message>
    <message>
      <source>QID</source>
      <translation>QID</translation>
    </message>
    <message>
      <source>R   Reject (nothing into gold)</source>
      <translation>R   Ablehnen (nichts ins Gold)</translation>
    </message>
    <message>
      <source>Re-detect &amp;title, date, outlet and boilerplate</source>
      <translation>&amp;Titel, Datum, Medium und Seitenbeiwerk neu erkennen</translation>
    </message>
    <message>
      <source>Re-detected: {details}</source>
      <translation>Neu erkannt: {details}</translation>
    </message>
    <message>
      <source>Re-detection: nothing would change</source>
      <translation>Neuerkennung: nichts würde sich ändern</translation>
    </message>
    <message>
      <source>Read-only</source>
      <translation>Schreibgeschützt</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Begründung</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Wiederherstellen</translation>
    </message>
    <message>
      <source>REFI-QDA project (.qdpx) for QualCoder, MAXQDA, ATLAS.ti, NVivo</source>
      <translation>REFI-QDA-Projekt (.qdpx) für QualCoder, MAXQDA, ATLAS.ti, NVivo</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>Ablehnen</translation>
    </message>
    <message>
      <source>Reliability matrices, units x coders (CSV)</source>
      <translation>Reliabilitätsmatrizen, Einheiten x Codierende (CSV)</translation>
    </message>
    <message>
      <source>Reload</source>
      <translation>Neu laden</translation>
    </message>
    <message>
      <source>remove claim</source>
      <translation>Forderung entfernen</translation>
    </message>
    <message>
      <source>Remove span</source>
      <translation>Span entfernen</translation>
    </message>
    <message>
      <source>remove span</source>
      <translation>Span entfernen</translation>
    </message>
    <message>
      <source>Remove the selected span (article, span list)</source>
      <translation>Den gewählten Span entfernen (Artikel, Span-Liste)</translation>
    </message>
    <message>
      <source>Remove the selected span (Delete in the text)</source>
      <translation>Den gewählten Span entfernen (Entf im Text)</translation>
    </message>
    <message>
      <source>Replace the content of {name} with the backup taken {when} ({why})?

The current content is backed up first.</source>
      <translation>Den Inhalt von {name} durch die Sicherung vom {when} ({why}) ersetzen?

Der aktuelle Inhalt wird vorher gesichert.</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>Berichte</translation>
    </message>
    <message>
      <source>Restore from &amp;backup…</source>
      <translation>Aus &amp;Sicherung wiederherstellen…</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
      <source>Restored from {chosen}; the replaced content is kept as {saved}.</source>
      <translation>Aus {chosen} wiederhergestellt; der ersetzte Inhalt bleibt als {saved} erhalten.</translation>
    </message>
    <message>
      <source>Restored {name} from {chosen}; the damaged file is kept as {saved}.</source>
      <translation>{name} aus {chosen} wiederhergestellt; die beschädigte Datei bleibt als {saved} erhalten.</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Ergebnis</translation>
    </message>
    <message>
      <source>Retrain after</source>
      <translation>Neu trainieren nach</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>Zurückgegeben</translation>
    </message>
    <message>
      <source>Returned packages</source>
      <translation>Zurückgegebene Pakete</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>Prüfung</translation>
    </message>
    <message>
      <source>Review disagreements — {name}</source>
      <translation>Unstimmigkeiten prüfen — {name}</translation>
    </message>
    <message>
      <source>Reviewer</source>
      <translation>Prüfer/in</translation>
    </message>
    <message>
      <source>S&amp;eed:</source>
      <translation>&amp;Startwert:</translation>
    </message>
    <message>
      <source>S&amp;tatus:</source>
      <translation>S&amp;tatus:</translation>
    </message>
    <message>
      <source>same value, different precision or modifier</source>
      <translation>gleicher Wert, unterschiedliche Genauigkeit oder Modifikator</translation>
    </message>
    <message>
      <source>Save the event's label and place</source>
      <translation>Bezeichnung und Ort des Ereignisses speichern</translation>
    </message>
    <message>
      <source>Saved {name}.</source>
      <translation>{name} gespeichert.</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Wert</translation>
    </message>
    <message>
      <source>Search all articles…</source>
      <translation>Alle Artikel durchsuchen…</translation>
    </message>
    <message>
      <source>Sector</source>
      <translation>Sektor</translation>
    </message>
    <message>
      <source>Select a span in the text or in the list above.</source>
      <translation>Wählen Sie einen Span im Text oder in der Liste oben.</translation>
    </message>
    <message>
      <source>Select exactly two actors to merge.</source>
      <translation>Wählen Sie genau zwei Akteure zum Zusammenführen.</translation>
    </message>
    <message>
      <source>Select one event to see its reports.</source>
      <translation>Wählen Sie ein Ereignis, um seine Berichte zu sehen.</translation>
    </message>
    <message>
      <source>Select text in the article</source>
      <translation>Text im Artikel auswählen</translation>
    </message>
    <message>
      <source>Set the selected report's grade to the suggested one</source>
      <translation>Die Einstufung des gewählten Berichts auf die vorgeschlagene setzen</translation>
    </message>
    <message>
      <source>set {field}</source>
      <translation>{field} setzen</translation>
    </message>
    <message>
      <source>Sev.</source>
      <translation>Schw.</translation>
    </message>
    <message>
      <source>Show all</source>
      <translation>Alle anzeigen</translation>
    </message>
    <message>
      <source>Show decided</source>
      <translation>Entschiedene anzeigen</translation>
    </message>
    <message>
      <source>Show the learned model's suggestions</source>
      <translation>Vorschläge des gelernten Modells anzeigen</translation>
    </message>
    <message>
      <source>Signatures</source>
      <translation>Signaturen</translation>
    </message>
    <message>
      <source>SOURCE F1</source>
      <translation>SOURCE F1</translation>
    </message>
    <message>
      <source>Sp&amp;readsheet-safe cells (CSV)</source>
      <translation>&amp;Tabellenkalkulationssichere Zellen (CSV)</translation>
    </message>
    <message>
      <source>spaCy DocBin (.spacy)  [needs spacy]</source>
      <translation>spaCy DocBin (.spacy)  [benötigt spacy]</translation>
    </message>
    <message>
      <source>Span attributes</source>
      <translation>Span-Attribute</translation>
    </message>
    <message>
      <source>span marked by only some annotators</source>
      <translation>Span nur von einigen Annotatoren markiert</translation>
    </message>
    <message>
      <source>Spans</source>
      <translation>Spans</translation>
    </message>
    <message>
      <source>Stance is only coded for documents with a claim line.</source>
      <translation>Die Haltung wird nur für Dokumente mit einer Behauptungszeile codiert.</translation>
    </message>
    <message>
      <source>Stance toward the claim: only for documents that start with a claim line</source>
      <translation type="vanished">Haltung zur Behauptung: nur für Dokumente, die mit einer Behauptungszeile beginnen</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Anfang</translation>
    </message>
    <message>
      <source>Start a new demand frame (Ctrl+Shift+N)</source>
      <translation>Einen neuen Forderungsrahmen beginnen (Strg+Umschalt+N)</translation>
    </message>
    <message>
      <source>Start annotating</source>
      <translation>Mit dem Annotieren beginnen</translation>
    </message>
    <message>
      <source>Start from</source>
      <translation>Ausgehen von</translation>
    </message>
    <message>
      <source>Suggested</source>
      <translation>Vorgeschlagen</translation>
    </message>
    <message>
      <source>Suggestion {index_n} of {total_n}: {preview} — Return accepts, Delete rejects</source>
      <translation>Vorschlag {index_n} von {total_n}: {preview} — Eingabe nimmt an, Entf lehnt ab</translation>
    </message>
    <message>
      <source>Suggestions are off: Assist › Show suggestions.</source>
      <translation>Vorschläge sind ausgeschaltet: Assistenz › Vorschläge anzeigen.</translation>
    </message>
    <message>
      <source>sv:Zelenskyj
de:Selenskyj
*:Zelenskyy</source>
      <translation>sv:Zelenskyj
de:Selenskyj
*:Zelenskyy</translation>
    </message>
    <message>
      <source>System default</source>
      <translation>Systemsprache</translation>
    </message>
    <message>
      <source>T&amp;ype:</source>
      <translation>T&amp;yp:</translation>
    </message>
    <message>
      <source>Take &amp;out</source>
      <translation>&amp;Herausnehmen</translation>
    </message>
    <message>
      <source>Take the selected reports out of the event</source>
      <translation>Die gewählten Berichte aus dem Ereignis herausnehmen</translation>
    </message>
    <message>
      <source>Taken</source>
      <translation>Übernommen</translation>
    </message>
    <message>
      <source>The codebook has no {layer} layer.</source>
      <translation>Das Codebuch hat keine Ebene {layer}.</translation>
    </message>
    <message>
      <source>The current content is backed up before it is replaced, so a restore can itself be undone.</source>
      <translation>Der aktuelle Inhalt wird gesichert, bevor er ersetzt wird, sodass sich auch eine Wiederherstellung rückgängig machen lässt.</translation>
    </message>
    <message>
      <source>The other actor's names become aliases of the kept one, and every mention and claim pointing to it moves to the kept one.</source>
      <translation>Die Namen des anderen Akteurs werden zu Aliassen des behaltenen, und jede Erwähnung und Forderung, die auf ihn verweist, geht auf den behaltenen über.</translation>
    </message>
    <message>
      <source>The restore failed: {reason}</source>
      <translation>Die Wiederherstellung ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
      <source>The whole workflow works from the keyboard.</source>
      <translation>Der gesamte Arbeitsablauf geht über die Tastatur.</translation>
    </message>
    <message>
      <source>Tick at least one annotator (or add one).</source>
      <translation>Kreuzen Sie mindestens einen Annotator an (oder fügen Sie einen hinzu).</translation>
    </message>
    <message>
      <source>Tick or untick a demand span</source>
      <translation>Ein Forderungs-Span an- oder abwählen</translation>
    </message>
    <message>
      <source>Tick the DEMAND spans of this article that belong here (Space toggles)</source>
      <translation>Die DEMAND-Spans dieses Artikels ankreuzen, die hierher gehören (Leertaste schaltet um)</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <source>Trained</source>
      <translation>Trainiert</translation>
    </message>
    <message>
      <source>Try the sample as anna</source>
      <translation>Beispiel als anna ausprobieren</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Typ</translation>
    </message>
    <message>
      <source>type a name or alias (↓ lists the article's actors)</source>
      <translation>Namen oder Alias eingeben (↓ listet die Akteure des Artikels)</translation>
    </message>
    <message>
      <source>Type a query, e.g. layer:DEMAND claimant:putin</source>
      <translation>Geben Sie eine Abfrage ein, z. B. layer:DEMAND claimant:putin</translation>
    </message>
    <message>
      <source>Type the new actor's name first</source>
      <translation>Geben Sie zuerst den Namen des neuen Akteurs ein</translation>
    </message>
    <message>
      <source>UIMA CAS XMI for INCEpTION / WebAnno (with TypeSystem.xml)  [needs xmi]</source>
      <translation>UIMA CAS XMI für INCEpTION / WebAnno (mit TypeSystem.xml)  [benötigt xmi]</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Rückgängig</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>Einheiten</translation>
    </message>
    <message>
      <source>Use</source>
      <translation>Übernehmen</translation>
    </message>
    <message>
      <source>Use 1-64 letters, digits, spaces or . @ ' -</source>
      <translation>Verwenden Sie 1–64 Buchstaben, Ziffern, Leerzeichen oder . @ ' -</translation>
    </message>
    <message>
      <source>Use 1-64 letters, digits, spaces or . @ ' - :</source>
      <translation>Verwenden Sie 1–64 Buchstaben, Ziffern, Leerzeichen oder . @ ' - :</translation>
    </message>
    <message>
      <source>Use 1-64 letters, digits, spaces or . @ ' - for a name (not “gold”).</source>
      <translation>Verwenden Sie für einen Namen 1–64 Buchstaben, Ziffern, Leerzeichen oder . @ ' - (nicht „gold“).</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Wert</translation>
    </message>
    <message>
      <source>Vs. first</source>
      <translation>Ggü. erstem</translation>
    </message>
    <message>
      <source>Welcome to annotator</source>
      <translation>Willkommen bei annotator</translation>
    </message>
    <message>
      <source>Whose progress the status column and filter show</source>
      <translation>Wessen Fortschritt Statusspalte und Filter zeigen</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Warum</translation>
    </message>
    <message>
      <source>Write &amp;predictions instead of annotations (Label Studio)</source>
      <translation>&amp;Vorhersagen statt Annotationen schreiben (Label Studio)</translation>
    </message>
    <message>
      <source>Write return package</source>
      <translation>Rückgabepaket schreiben</translation>
    </message>
    <message>
      <source>Wrote {n} annotator package(s).</source>
      <translation>{n} Annotator-Paket(e) geschrieben.</translation>
    </message>
    <message>
      <source>Your claims in no event</source>
      <translation>Ihre Forderungen ohne Ereignis</translation>
    </message>
    <message>
      <source>your name (recorded with each decision)</source>
      <translation>Ihr Name (wird bei jeder Entscheidung vermerkt)</translation>
    </message>
    <message>
      <source>Your name or initials (every annotation carries it; you see only your own annotations):</source>
      <translation>Ihr Name oder Ihre Initialen (jede Annotation trägt ihn; Sie sehen nur Ihre eigenen Annotationen):</translation>
    </message>
    <message>
      <source>Your name or initials:</source>
      <translation>Ihr Name oder Ihre Initialen:</translation>
    </message>
    <message>
      <source>Zoom &amp;in</source>
      <translation>&amp;Vergrößern</translation>
    </message>
    <message>
      <source>Zoom &amp;out</source>
      <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
      <source>{count} documents for {owner}.</source>
      <translation>{count} Dokumente für {owner}.</translation>
    </message>
    <message>
      <source>{dest} exists. Replace it when the export is finished?</source>
      <translation>{dest} ist bereits vorhanden. Nach Abschluss des Exports ersetzen?</translation>
    </message>
    <message>
      <source>{done_n} of {total_n} adjudicated</source>
      <translation>{done_n} von {total_n} entschieden</translation>
    </message>
    <message>
      <source>{done_n} of {total_n} documents done by {name}</source>
      <translation>{done_n} von {total_n} Dokumenten von {name} fertig</translation>
    </message>
    <message>
      <source>{done_n} of {total_n} done</source>
      <translation>{done_n} von {total_n} fertig</translation>
    </message>
    <message>
      <source>{kind_text} ({n})</source>
      <translation>{kind_text} ({n})</translation>
    </message>
    <message>
      <source>{kind_text}: {detail_text}</source>
      <translation>{kind_text}: {detail_text}</translation>
    </message>
    <message>
      <source>{kind_text}: {detail}</source>
      <translation>{kind_text}: {detail}</translation>
    </message>
    <message>
      <source>{label} modifier</source>
      <translation>{label} – Modifikator</translation>
    </message>
    <message>
      <source>{label}: only for documents that start with a claim line</source>
      <translation>{label}: nur für Dokumente, die mit einer Behauptungszeile beginnen</translation>
    </message>
    <message>
      <source>{layer} “{text}” → {target}</source>
      <translation>{layer} „{text}“ → {target}</translation>
    </message>
    <message>
      <source>{name} [read-only] — annotator</source>
      <translation>{name} [schreibgeschützt] — annotator</translation>
    </message>
    <message>
      <source>{name} is damaged and cannot be opened ({reason}).

{offer}.</source>
      <translation>{name} ist beschädigt und lässt sich nicht öffnen ({reason}).

{offer}.</translation>
    </message>
    <message>
      <source>{name} is damaged and cannot be opened:
{reason}

The latest good backup was taken {when} ({why}).
Restore it and open the project? The damaged file is kept in {folder}.</source>
      <translation>{name} ist beschädigt und lässt sich nicht öffnen:
{reason}

Die letzte fehlerfreie Sicherung stammt vom {when} ({why}).
Sie wiederherstellen und das Projekt öffnen? Die beschädigte Datei bleibt in {folder} erhalten.</translation>
    </message>
    <message>
      <source>{name} was not opened from a package, so there is nothing to return.</source>
      <translation>{name} wurde nicht aus einem Paket geöffnet, daher gibt es nichts zurückzugeben.</translation>
    </message>
    <message>
      <source>{name} — annotator</source>
      <translation>{name} — annotator</translation>
    </message>
    <message>
      <source>{n}   Accept {name}</source>
      <translation>{n}   {name} annehmen</translation>
    </message>
    <message>
      <source>{n} actor</source>
      <translation>{n} Akteur</translation>
    </message>
    <message>
      <source>{n} actors</source>
      <translation>{n} Akteure</translation>
    </message>
    <message>
      <source>{n} agreed item(s) of document #{doc_n} accepted into gold</source>
      <translation>{n} übereinstimmende(r) Eintrag/Einträge von Dokument #{doc_n} ins Gold übernommen</translation>
    </message>
    <message>
      <source>{n} already present</source>
      <translation>{n} bereits vorhanden</translation>
    </message>
    <message>
      <source>{n} annotations</source>
      <translation>{n} Annotationen</translation>
    </message>
    <message>
      <source>{n} disagreements</source>
      <translation>{n} Unstimmigkeiten</translation>
    </message>
    <message>
      <source>{n} document</source>
      <translation>{n} Dokument</translation>
    </message>
    <message>
      <source>{n} document imported</source>
      <translation>{n} Dokument importiert</translation>
    </message>
    <message>
      <source>{n} documents</source>
      <translation>{n} Dokumente</translation>
    </message>
    <message>
      <source>{n} documents imported</source>
      <translation>{n} Dokumente importiert</translation>
    </message>
    <message>
      <source>{n} outlet.</source>
      <translation>{n} Medium.</translation>
    </message>
    <message>
      <source>{n} outlets.</source>
      <translation>{n} Medien.</translation>
    </message>
    <message>
      <source>{n} rejected</source>
      <translation>{n} abgelehnt</translation>
    </message>
    <message>
      <source>{n} suggestion</source>
      <translation>{n} Vorschlag</translation>
    </message>
    <message>
      <source>{n} suggestions</source>
      <translation>{n} Vorschläge</translation>
    </message>
    <message>
      <source>{percent_n}% done</source>
      <translation>{percent_n} % fertig</translation>
    </message>
  </context>
</TS>
