<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
  <context>
    <name>annotator</name>
    <message>
      <source> Kind </source>
      <translation> Typ </translation>
    </message>
    <message>
      <source>#{n} {path} ({count_n} documents, {when})</source>
      <translation>#{n} {path} ({count_n} dokument, {when})</translation>
    </message>
    <message>
      <source>% agree</source>
      <translation>% överens</translation>
    </message>
    <message>
      <source>&amp;About annotator</source>
      <translation>&amp;Om annotator</translation>
    </message>
    <message>
      <source>&amp;Accept suggestion (Return or click in the article)</source>
      <translation>&amp;Godta förslaget (Retur eller klick i artikeln)</translation>
    </message>
    <message>
      <source>&amp;Actor registry…</source>
      <translation>&amp;Aktörsregister…</translation>
    </message>
    <message>
      <source>&amp;Add files…</source>
      <translation>&amp;Lägg till filer…</translation>
    </message>
    <message>
      <source>&amp;Add to event</source>
      <translation>&amp;Lägg till i händelse</translation>
    </message>
    <message>
      <source>&amp;Add…</source>
      <translation>&amp;Lägg till…</translation>
    </message>
    <message>
      <source>&amp;Agreement report…</source>
      <translation>&amp;Överensstämmelserapport…</translation>
    </message>
    <message>
      <source>&amp;Aliases:</source>
      <translation>&amp;Alias:</translation>
    </message>
    <message>
      <source>&amp;Annotator:</source>
      <translation>&amp;Annotatör:</translation>
    </message>
    <message>
      <source>&amp;Assign and write packages…</source>
      <translation>&amp;Fördela och skriv paket…</translation>
    </message>
    <message>
      <source>&amp;Assist</source>
      <translation>&amp;Assistans</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>&amp;Bläddra…</translation>
    </message>
    <message>
      <source>&amp;Claims</source>
      <translation>&amp;Anspråk</translation>
    </message>
    <message>
      <source>&amp;Close window</source>
      <translation>&amp;Stäng fönstret</translation>
    </message>
    <message>
      <source>&amp;Country:</source>
      <translation>&amp;Land:</translation>
    </message>
    <message>
      <source>&amp;Create and open</source>
      <translation>&amp;Skapa och öppna</translation>
    </message>
    <message>
      <source>&amp;Create event</source>
      <translation>&amp;Skapa händelse</translation>
    </message>
    <message>
      <source>&amp;Decide</source>
      <translation>&amp;Besluta</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Ta bort</translation>
    </message>
    <message>
      <source>&amp;Destination:</source>
      <translation>&amp;Mål:</translation>
    </message>
    <message>
      <source>&amp;Document</source>
      <translation>&amp;Dokument</translation>
    </message>
    <message>
      <source>&amp;Dry run: report only, change nothing</source>
      <translation>&amp;Provkörning: rapportera bara, ändra inget</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Redigera</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>&amp;Redigera…</translation>
    </message>
    <message>
      <source>&amp;Events</source>
      <translation>&amp;Händelser</translation>
    </message>
    <message>
      <source>&amp;Events across documents…</source>
      <translation>&amp;Händelser över dokument…</translation>
    </message>
    <message>
      <source>&amp;Events of every annotator…</source>
      <translation>&amp;Alla annotatörers händelser…</translation>
    </message>
    <message>
      <source>&amp;Every document ({n})</source>
      <translation>&amp;Alla dokument ({n})</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>&amp;Exportera</translation>
    </message>
    <message>
      <source>&amp;Export native JSONL…</source>
      <translation>&amp;Exportera native JSONL…</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Arkiv</translation>
    </message>
    <message>
      <source>&amp;Find in article…</source>
      <translation>&amp;Sök i artikeln…</translation>
    </message>
    <message>
      <source>&amp;Format:</source>
      <translation>&amp;Format:</translation>
    </message>
    <message>
      <source>&amp;Guideline for this field or span</source>
      <translation>&amp;Riktlinje för det här fältet eller spannet</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Hjälp</translation>
    </message>
    <message>
      <source>&amp;Import CSV…</source>
      <translation>&amp;Importera CSV…</translation>
    </message>
    <message>
      <source>&amp;Import files…</source>
      <translation>&amp;Importera filer…</translation>
    </message>
    <message>
      <source>&amp;Key:</source>
      <translation>&amp;Nyckel:</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Kortkommandon</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>&amp;Språk</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Språk:</translation>
    </message>
    <message>
      <source>&amp;Learned suggestions pane</source>
      <translation>Panelen &amp;Inlärda förslag</translation>
    </message>
    <message>
      <source>&amp;Local project:</source>
      <translation>&amp;Lokalt projekt:</translation>
    </message>
    <message>
      <source>&amp;Merge</source>
      <translation>&amp;Slå samman</translation>
    </message>
    <message>
      <source>&amp;Merge returned packages…</source>
      <translation>&amp;Slå samman returnerade paket…</translation>
    </message>
    <message>
      <source>&amp;Merge…</source>
      <translation>&amp;Slå samman…</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Namn:</translation>
    </message>
    <message>
      <source>&amp;New project…</source>
      <translation>&amp;Nytt projekt…</translation>
    </message>
    <message>
      <source>&amp;Next document</source>
      <translation>&amp;Nästa dokument</translation>
    </message>
    <message>
      <source>&amp;Next suggestion</source>
      <translation>&amp;Nästa förslag</translation>
    </message>
    <message>
      <source>&amp;Open project…</source>
      <translation>&amp;Öppna projekt…</translation>
    </message>
    <message>
      <source>&amp;Outlet list…</source>
      <translation>&amp;Medielista…</translation>
    </message>
    <message>
      <source>&amp;Overlap:</source>
      <translation>&amp;Överlapp:</translation>
    </message>
    <message>
      <source>&amp;Package:</source>
      <translation>&amp;Paket:</translation>
    </message>
    <message>
      <source>&amp;Packages:</source>
      <translation>&amp;Paket:</translation>
    </message>
    <message>
      <source>&amp;Previous document</source>
      <translation>&amp;Föregående dokument</translation>
    </message>
    <message>
      <source>&amp;Previous suggestion</source>
      <translation>&amp;Föregående förslag</translation>
    </message>
    <message>
      <source>&amp;Progress dashboard</source>
      <translation>&amp;Översikt över framsteg</translation>
    </message>
    <message>
      <source>&amp;QID:</source>
      <translation>&amp;QID:</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Avsluta</translation>
    </message>
    <message>
      <source>&amp;Quit annotator</source>
      <translation>&amp;Avsluta annotator</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Gör om</translation>
    </message>
    <message>
      <source>&amp;Redo {command_text}</source>
      <translation>&amp;Gör om {command_text}</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>&amp;Uppdatera</translation>
    </message>
    <message>
      <source>&amp;Reject suggestion (Delete in the article)</source>
      <translation>&amp;Avvisa förslaget (Delete i artikeln)</translation>
    </message>
    <message>
      <source>&amp;Remove</source>
      <translation>&amp;Ta bort</translation>
    </message>
    <message>
      <source>&amp;Reset zoom</source>
      <translation>&amp;Återställ zoom</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>&amp;Återställ</translation>
    </message>
    <message>
      <source>&amp;Review</source>
      <translation>&amp;Granskning</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Spara</translation>
    </message>
    <message>
      <source>&amp;Sector:</source>
      <translation>&amp;Sektor:</translation>
    </message>
    <message>
      <source>&amp;Show suggestions</source>
      <translation>&amp;Visa förslag</translation>
    </message>
    <message>
      <source>&amp;Snap selections to words</source>
      <translation>&amp;Fäst markeringar vid hela ord</translation>
    </message>
    <message>
      <source>&amp;Source:</source>
      <translation>&amp;Källa:</translation>
    </message>
    <message>
      <source>&amp;Span</source>
      <translation>&amp;Spann</translation>
    </message>
    <message>
      <source>&amp;Split off</source>
      <translation>&amp;Dela av</translation>
    </message>
    <message>
      <source>&amp;Split the documents between the annotators</source>
      <translation>&amp;Dela upp dokumenten mellan annotatörerna</translation>
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
      <translation>&amp;Verktyg</translation>
    </message>
    <message>
      <source>&amp;Train now</source>
      <translation>&amp;Träna nu</translation>
    </message>
    <message>
      <source>&amp;Train suggestions from finished documents</source>
      <translation>&amp;Träna förslag på färdiga dokument</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Ångra</translation>
    </message>
    <message>
      <source>&amp;Undo {command_text}</source>
      <translation>&amp;Ångra {command_text}</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Visa</translation>
    </message>
    <message>
      <source>&amp;Write</source>
      <translation>&amp;Skriv</translation>
    </message>
    <message>
      <source>&amp;Write packages</source>
      <translation>&amp;Skriv paket</translation>
    </message>
    <message>
      <source>&amp;Write return package…</source>
      <translation>&amp;Skriv returpaket…</translation>
    </message>
    <message>
      <source>(no reason given)</source>
      <translation>(inget skäl angivet)</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(ingen)</translation>
    </message>
    <message>
      <source>(this project was not opened from a package)</source>
      <translation>(det här projektet öppnades inte från ett paket)</translation>
    </message>
    <message>
      <source>2022-02-15, 2024-11, 2022-W06, PAST_REF …</source>
      <translation>2022-02-15, 2024-11, 2022-W06, PAST_REF …</translation>
    </message>
    <message>
      <source>95% CI</source>
      <translation>95 % KI</translation>
    </message>
    <message>
      <source>&lt;b&gt;#{n} {title}&lt;/b&gt;&lt;br&gt;{label_text}</source>
      <translation>&lt;b&gt;#{n} {title}&lt;/b&gt;&lt;br&gt;{label_text}</translation>
    </message>
    <message>
      <source>&lt;b&gt;Accept a version&lt;/b&gt;</source>
      <translation>&lt;b&gt;Godta en version&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;Annotator pairs&lt;/b&gt;</source>
      <translation>&lt;b&gt;Annotatörspar&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;Annotator pairs&lt;/b&gt; — relevance (Cohen's kappa)</source>
      <translation>&lt;b&gt;Annotatörspar&lt;/b&gt; — relevans (Cohens kappa)</translation>
    </message>
    <message>
      <source>&lt;b&gt;Claim to check:&lt;/b&gt; {claim}</source>
      <translation>&lt;b&gt;Påstående att pröva:&lt;/b&gt; {claim}</translation>
    </message>
    <message>
      <source>&lt;b&gt;Confusion&lt;/b&gt; (rows: first annotator of a pair, columns: second)</source>
      <translation>&lt;b&gt;Förväxlingar&lt;/b&gt; (rader: parets första annotatör, kolumner: den andra)</translation>
    </message>
    <message>
      <source>&lt;b&gt;Confusion&lt;/b&gt; — none for this entry</source>
      <translation>&lt;b&gt;Förväxlingar&lt;/b&gt; — inga för den här posten</translation>
    </message>
    <message>
      <source>&lt;b&gt;Confusion&lt;/b&gt; — relevance (rows: first annotator of a pair, columns: second)</source>
      <translation>&lt;b&gt;Förväxlingar&lt;/b&gt; — relevans (rader: parets första annotatör, kolumner: den andra)</translation>
    </message>
    <message>
      <source>&lt;b&gt;Decision&lt;/b&gt;</source>
      <translation>&lt;b&gt;Beslut&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;{layer}&lt;/b&gt; “{text}” &lt;span style='color:#666'&gt;({start_n}–{end_n})&lt;/span&gt;{proposed_text}</source>
      <translation>&lt;b&gt;{layer}&lt;/b&gt; ”{text}” &lt;span style='color:#666'&gt;({start_n}–{end_n})&lt;/span&gt;{proposed_text}</translation>
    </message>
    <message>
      <source>&lt;br&gt;&lt;span style='color:#9a5b00'&gt;Proposed by the tool: {names} — Ctrl+K confirms, or edit below&lt;/span&gt;</source>
      <translation>&lt;br&gt;&lt;span style='color:#9a5b00'&gt;Föreslaget av verktyget: {names} — Ctrl+K bekräftar, eller redigera nedan&lt;/span&gt;</translation>
    </message>
    <message>
      <source>&lt;i&gt;No disagreement selected&lt;/i&gt;</source>
      <translation>&lt;i&gt;Ingen oenighet vald&lt;/i&gt;</translation>
    </message>
    <message>
      <source>&lt;i&gt;not decided yet&lt;/i&gt;</source>
      <translation>&lt;i&gt;inte beslutat än&lt;/i&gt;</translation>
    </message>
    <message>
      <source>&lt;i&gt;the end must come after the start&lt;/i&gt;</source>
      <translation>&lt;i&gt;slutet måste komma efter början&lt;/i&gt;</translation>
    </message>
    <message>
      <source>A   Accept all agreements in this document</source>
      <translation>A   Godta alla överensstämmelser i dokumentet</translation>
    </message>
    <message>
      <source>A&amp;dd</source>
      <translation>Lägg &amp;till</translation>
    </message>
    <message>
      <source>A&amp;djudicate disagreements…</source>
      <translation>&amp;Avgör oenigheter…</translation>
    </message>
    <message>
      <source>A&amp;nnotators:</source>
      <translation>A&amp;nnotatörer:</translation>
    </message>
    <message>
      <source>About annotator</source>
      <translation>Om annotator</translation>
    </message>
    <message>
      <source>Accept &amp;stance</source>
      <translation>Godta &amp;hållning</translation>
    </message>
    <message>
      <source>accept agreements (#{doc_n})</source>
      <translation>godta överensstämmelser (#{doc_n})</translation>
    </message>
    <message>
      <source>Accept all &amp;DATE suggestions</source>
      <translation>Godta alla &amp;DATE-förslag</translation>
    </message>
    <message>
      <source>Accept all A&amp;CTOR suggestions</source>
      <translation>Godta alla A&amp;CTOR-förslag</translation>
    </message>
    <message>
      <source>Accept all agreements</source>
      <translation>Godta alla överensstämmelser</translation>
    </message>
    <message>
      <source>Accept all DE&amp;MAND suggestions</source>
      <translation>Godta alla DE&amp;MAND-förslag</translation>
    </message>
    <message>
      <source>Accept all S&amp;OURCE suggestions</source>
      <translation>Godta alla S&amp;OURCE-förslag</translation>
    </message>
    <message>
      <source>Accept annotator {n}</source>
      <translation>Godta annotatör {n}</translation>
    </message>
    <message>
      <source>Accept into gold</source>
      <translation>Godta till guld</translation>
    </message>
    <message>
      <source>Accept suggested &amp;grade</source>
      <translation>Godta föreslagen &amp;gradering</translation>
    </message>
    <message>
      <source>accept {n} agreed (#{doc_n})</source>
      <translation>godta {n} överensstämmande (#{doc_n})</translation>
    </message>
    <message>
      <source>Accepted {n} {layer} suggestion.</source>
      <translation>Godtog {n} {layer}-förslag.</translation>
    </message>
    <message>
      <source>Accepted {n} {layer} suggestions.</source>
      <translation>Godtog {n} {layer}-förslag.</translation>
    </message>
    <message>
      <source>ACTOR F1</source>
      <translation>ACTOR F1</translation>
    </message>
    <message>
      <source>Actor registry</source>
      <translation>Aktörsregister</translation>
    </message>
    <message>
      <source>Add actor</source>
      <translation>Lägg till aktör</translation>
    </message>
    <message>
      <source>add claim</source>
      <translation>lägg till anspråk</translation>
    </message>
    <message>
      <source>Add or replace outlets from a CSV with the columns name, domains, signatures, grade (| between several)</source>
      <translation>Lägg till eller ersätt medier från en CSV med kolumnerna name, domains, signatures, grade (| mellan flera)</translation>
    </message>
    <message>
      <source>Add the package files the annotators sent back.</source>
      <translation>Lägg till paketfilerna som annotatörerna skickade tillbaka.</translation>
    </message>
    <message>
      <source>Add the selected claim to its best suggested event</source>
      <translation>Lägg till det valda anspråket i den bäst föreslagna händelsen</translation>
    </message>
    <message>
      <source>Add the selected claim to the selected event</source>
      <translation>Lägg till det valda anspråket i den valda händelsen</translation>
    </message>
    <message>
      <source>Add the typed name as a new registry actor</source>
      <translation>Lägg till det skrivna namnet som en ny aktör i registret</translation>
    </message>
    <message>
      <source>Add the typed name to the actor registry (Ctrl+Return)</source>
      <translation>Lägg till det skrivna namnet i aktörsregistret (Ctrl+Retur)</translation>
    </message>
    <message>
      <source>Add to s&amp;uggested</source>
      <translation>Lägg till i &amp;föreslagen</translation>
    </message>
    <message>
      <source>add {layer} span</source>
      <translation>lägg till {layer}-spann</translation>
    </message>
    <message>
      <source>Agreement — {name}</source>
      <translation>Överensstämmelse — {name}</translation>
    </message>
    <message>
      <source>Aliases ({language})</source>
      <translation>Alias ({language})</translation>
    </message>
    <message>
      <source>All annotators</source>
      <translation>Alla annotatörer</translation>
    </message>
    <message>
      <source>All imports</source>
      <translation>Alla importer</translation>
    </message>
    <message>
      <source>All kinds ({n})</source>
      <translation>Alla slag ({n})</translation>
    </message>
    <message>
      <source>Ambiguity</source>
      <translation>Tvetydighet</translation>
    </message>
    <message>
      <source>Annotation here is blind: every span, claim and status you record carries your name, and you see only your own work, never the other annotators', so that their agreement measures the codebook and not who copied whom. Reviewers compare the versions later and decide the gold version.</source>
      <translation>Annoteringen här är blind: varje spann, anspråk och status du registrerar bär ditt namn, och du ser bara ditt eget arbete, aldrig de andra annotatörernas, så att deras överensstämmelse mäter kodboken och inte vem som har kopierat vem. Granskare jämför versionerna senare och beslutar om guldversionen.</translation>
    </message>
    <message>
      <source>Annotator</source>
      <translation>Annotatör</translation>
    </message>
    <message>
      <source>annotator</source>
      <translation>annotator</translation>
    </message>
    <message>
      <source>Annotator error</source>
      <translation>Annotatörens fel</translation>
    </message>
    <message>
      <source>annotator {version}
Offline annotation of news articles.</source>
      <translation>annotator {version}
Annotering av nyhetsartiklar offline.</translation>
    </message>
    <message>
      <source>Annotator:</source>
      <translation>Annotatör:</translation>
    </message>
    <message>
      <source>Annotator: {name}</source>
      <translation>Annotatör: {name}</translation>
    </message>
    <message>
      <source>Annotators: {names} · documents coded by all: {n} · alpha ≥ 0.8 is usually taken as reliable, ≥ 0.667 as enough for tentative conclusions</source>
      <translation>Annotatörer: {names} · dokument kodade av alla: {n} · alfa ≥ 0,8 brukar räknas som tillförlitligt, ≥ 0,667 som tillräckligt för preliminära slutsatser</translation>
    </message>
    <message>
      <source>Another annotator's name, then Add</source>
      <translation>Ännu en annotatörs namn, sedan Lägg till</translation>
    </message>
    <message>
      <source>Any language</source>
      <translation>Alla språk</translation>
    </message>
    <message>
      <source>Any status</source>
      <translation>Alla statusar</translation>
    </message>
    <message>
      <source>Assign and write packages</source>
      <translation>Fördela och skriv paket</translation>
    </message>
    <message>
      <source>Assigned</source>
      <translation>Tilldelade</translation>
    </message>
    <message>
      <source>B&amp;rowse…</source>
      <translation>B&amp;läddra…</translation>
    </message>
    <message>
      <source>Backups of {name} (in {folder}):</source>
      <translation>Säkerhetskopior av {name} (i {folder}):</translation>
    </message>
    <message>
      <source>Boilerplate</source>
      <translation>Sidmaterial</translation>
    </message>
    <message>
      <source>Bootstrap</source>
      <translation>Bootstrap</translation>
    </message>
    <message>
      <source>Bootstrap samples for the 95% intervals (0: none)</source>
      <translation>Bootstrap-urval för 95 %-intervallen (0: inga)</translation>
    </message>
    <message>
      <source>boundary-only difference</source>
      <translation>skillnad bara i gränserna</translation>
    </message>
    <message>
      <source>brat standoff (.txt + .ann, annotation.conf)</source>
      <translation>brat standoff (.txt + .ann, annotation.conf)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Avbryt</translation>
    </message>
    <message>
      <source>Cancel the computation (Esc)</source>
      <translation>Avbryt beräkningen (Esc)</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>avbruten</translation>
    </message>
    <message>
      <source>Cancelled; nothing was written.</source>
      <translation>Avbrutet; ingenting skrevs.</translation>
    </message>
    <message>
      <source>Cancelled; the previous report (if any) is still shown.</source>
      <translation>Avbrutet; den tidigare rapporten (om någon) visas fortfarande.</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Avbryter…</translation>
    </message>
    <message>
      <source>Cannot open {path}:
{reason}</source>
      <translation>Kan inte öppna {path}:
{reason}</translation>
    </message>
    <message>
      <source>Cells starting with = + - @ get a leading apostrophe, so a spreadsheet program shows them as text instead of running them as formulas</source>
      <translation>Celler som börjar med = + - @ får en inledande apostrof, så att ett kalkylprogram visar dem som text i stället för att köra dem som formler</translation>
    </message>
    <message>
      <source>Change &amp;annotator name…</source>
      <translation>Byt &amp;annotatörsnamn…</translation>
    </message>
    <message>
      <source>change claim {fields}</source>
      <translation>ändra anspråkets {fields}</translation>
    </message>
    <message>
      <source>change {fields}</source>
      <translation>ändra {fields}</translation>
    </message>
    <message>
      <source>Choose a backup.</source>
      <translation>Välj en säkerhetskopia.</translation>
    </message>
    <message>
      <source>Choose a file for the new local project.</source>
      <translation>Välj en fil för det nya lokala projektet.</translation>
    </message>
    <message>
      <source>Choose a folder for the packages.</source>
      <translation>Välj en mapp för paketen.</translation>
    </message>
    <message>
      <source>Choose the destination file</source>
      <translation type="vanished">Välj målfilen</translation>
    </message>
    <message>
      <source>Choose the destination {target}</source>
      <translation>Välj målet ({target})</translation>
    </message>
    <message>
      <source>Choose the new local project file</source>
      <translation>Välj den nya lokala projektfilen</translation>
    </message>
    <message>
      <source>Choose the output folder</source>
      <translation>Välj utdatamappen</translation>
    </message>
    <message>
      <source>Choose the package file</source>
      <translation>Välj paketfilen</translation>
    </message>
    <message>
      <source>Choose the package file you received.</source>
      <translation>Välj paketfilen du har fått.</translation>
    </message>
    <message>
      <source>Choose the return package file</source>
      <translation>Välj returpaketfilen</translation>
    </message>
    <message>
      <source>Choose where to write the export.</source>
      <translation>Välj var exporten ska skrivas.</translation>
    </message>
    <message>
      <source>Choose where to write the return package.</source>
      <translation>Välj var returpaketet ska skrivas.</translation>
    </message>
    <message>
      <source>Claim</source>
      <translation>Anspråk</translation>
    </message>
    <message>
      <source>claim coded by only some annotators</source>
      <translation>anspråk kodat av bara några annotatörer</translation>
    </message>
    <message>
      <source>Claim date modifier</source>
      <translation type="vanished">Modifierare för anspråkets datum</translation>
    </message>
    <message>
      <source>Claims</source>
      <translation>Anspråk</translation>
    </message>
    <message>
      <source>Clear the selection (article); close the find bar</source>
      <translation>Rensa markeringen (artikeln); stäng sökfältet</translation>
    </message>
    <message>
      <source>Close</source>
      <translation type="vanished">Stäng</translation>
    </message>
    <message>
      <source>Codebook as JSON (full domains)</source>
      <translation>Kodbok som JSON (fullständiga domäner)</translation>
    </message>
    <message>
      <source>coded by {names} only</source>
      <translation>kodat bara av {names}</translation>
    </message>
    <message>
      <source>Coefficient</source>
      <translation>Koefficient</translation>
    </message>
    <message>
      <source>Compute</source>
      <translation>Beräkna</translation>
    </message>
    <message>
      <source>Compute the agreement report (F5)</source>
      <translation>Beräkna överensstämmelserapporten (F5)</translation>
    </message>
    <message>
      <source>Computing agreement…</source>
      <translation>Beräknar överensstämmelse…</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>Bekräfta</translation>
    </message>
    <message>
      <source>Confirm &amp;proposed values of the span</source>
      <translation>Bekräfta spannets &amp;föreslagna värden</translation>
    </message>
    <message>
      <source>CoNLL-2003 style BIO per token</source>
      <translation>BIO per token i CoNLL-2003-stil</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Land</translation>
    </message>
    <message>
      <source>Covers: “{text}”</source>
      <translation>Omfattar: ”{text}”</translation>
    </message>
    <message>
      <source>Create an event from the selected claims</source>
      <translation>Skapa en händelse av de valda anspråken</translation>
    </message>
    <message>
      <source>CSV tables: documents, spans, claims (PCA style)</source>
      <translation>CSV-tabeller: dokument, spann, anspråk (PCA-stil)</translation>
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
      <translation>Datum</translation>
    </message>
    <message>
      <source>decision refused: {reason}</source>
      <translation>beslutet avvisades: {reason}</translation>
    </message>
    <message>
      <source>Default grade</source>
      <translation>Standardgradering</translation>
    </message>
    <message>
      <source>delete actor</source>
      <translation>ta bort aktör</translation>
    </message>
    <message>
      <source>Delete actor</source>
      <translation>Ta bort aktör</translation>
    </message>
    <message>
      <source>delete actor {name}</source>
      <translation>ta bort aktören {name}</translation>
    </message>
    <message>
      <source>Delete claim</source>
      <translation>Ta bort anspråk</translation>
    </message>
    <message>
      <source>Delete the selected event</source>
      <translation>Ta bort den valda händelsen</translation>
    </message>
    <message>
      <source>Deleted {name}.</source>
      <translation>Tog bort {name}.</translation>
    </message>
    <message>
      <source>Demand</source>
      <translation>Krav</translation>
    </message>
    <message>
      <source>DEMAND F1</source>
      <translation>DEMAND F1</translation>
    </message>
    <message>
      <source>derived from the name</source>
      <translation>härleds från namnet</translation>
    </message>
    <message>
      <source>Detail</source>
      <translation>Detalj</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Detaljer</translation>
    </message>
    <message>
      <source>different attribute values</source>
      <translation>olika attributvärden</translation>
    </message>
    <message>
      <source>different claim attributes</source>
      <translation>olika anspråksattribut</translation>
    </message>
    <message>
      <source>different date precision or modifier</source>
      <translation>olika datumprecision eller modifierare</translation>
    </message>
    <message>
      <source>different date value</source>
      <translation>olika datumvärde</translation>
    </message>
    <message>
      <source>different document label</source>
      <translation>olika dokumentetikett</translation>
    </message>
    <message>
      <source>different labels</source>
      <translation>olika etiketter</translation>
    </message>
    <message>
      <source>different linked actor</source>
      <translation>olika länkad aktör</translation>
    </message>
    <message>
      <source>different reliability grade</source>
      <translation>olika tillförlitlighetsgrad</translation>
    </message>
    <message>
      <source>different span attributes</source>
      <translation>olika spannattribut</translation>
    </message>
    <message>
      <source>Disagreement</source>
      <translation>Oenighet</translation>
    </message>
    <message>
      <source>Disagreements</source>
      <translation>Oenigheter</translation>
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
      <translation>Dokument (gemensamt för alla annotatörer)</translation>
    </message>
    <message>
      <source>Document fields</source>
      <translation>Dokumentfält</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>Dokument</translation>
    </message>
    <message>
      <source>Documents:</source>
      <translation>Dokument:</translation>
    </message>
    <message>
      <source>Does</source>
      <translation>Gör</translation>
    </message>
    <message>
      <source>Domains</source>
      <translation>Domäner</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Klar</translation>
    </message>
    <message>
      <source>done</source>
      <translation>klar</translation>
    </message>
    <message>
      <source>Draw boilerplate in the background colour (offsets stay; the text is still there)</source>
      <translation>Rita sidmaterial i bakgrundsfärgen (positionerna består; texten finns kvar)</translation>
    </message>
    <message>
      <source>E   Edit, then accept…</source>
      <translation>E   Redigera, godta sedan…</translation>
    </message>
    <message>
      <source>E&amp;vidence for a claim line</source>
      <translation>&amp;Belägg för en påståenderad</translation>
    </message>
    <message>
      <source>E&amp;xport CSV…</source>
      <translation>E&amp;xportera CSV…</translation>
    </message>
    <message>
      <source>E&amp;xport…</source>
      <translation>E&amp;xportera…</translation>
    </message>
    <message>
      <source>e.g. layer:DATE precision:year — Return to search</source>
      <translation>t.ex. layer:DATE precision:year — Retur för att söka</translation>
    </message>
    <message>
      <source>e.g. Maria Lind or ML</source>
      <translation>t.ex. Maria Lind eller ML</translation>
    </message>
    <message>
      <source>edit</source>
      <translation>redigering</translation>
    </message>
    <message>
      <source>Edit actor</source>
      <translation>Redigera aktör</translation>
    </message>
    <message>
      <source>edit actor</source>
      <translation>redigera aktör</translation>
    </message>
    <message>
      <source>edit actor {name}</source>
      <translation>redigera aktören {name}</translation>
    </message>
    <message>
      <source>Edit the gold version</source>
      <translation>Redigera guldversionen</translation>
    </message>
    <message>
      <source>Edit the selected span's attributes (article)</source>
      <translation>Redigera det valda spannets attribut (artikeln)</translation>
    </message>
    <message>
      <source>Edit, then accept</source>
      <translation>Redigera, godta sedan</translation>
    </message>
    <message>
      <source>End</source>
      <translation>Slut</translation>
    </message>
    <message>
      <source>Enter or double-click on an entry, a bar, a pair or a cell reviews the disagreements behind it.</source>
      <translation>Retur eller dubbelklick på en post, en stapel, ett par eller en cell granskar oenigheterna bakom den.</translation>
    </message>
    <message>
      <source>Enter your name as reviewer first</source>
      <translation>Ange först ditt namn som granskare</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Händelse</translation>
    </message>
    <message>
      <source>Event ledger: events, claims, event-article crosswalk (CSV+JSON)</source>
      <translation>Händelseregister: händelser, anspråk, koppling händelse–artikel (CSV+JSON)</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>Händelser</translation>
    </message>
    <message>
      <source>Events (timeline)</source>
      <translation>Händelser (tidslinje)</translation>
    </message>
    <message>
      <source>Events of every annotator (review)</source>
      <translation>Alla annotatörers händelser (granskning)</translation>
    </message>
    <message>
      <source>Every document is done.</source>
      <translation>Alla dokument är klara.</translation>
    </message>
    <message>
      <source>Every document is started: nothing left to rank.</source>
      <translation>Alla dokument är påbörjade: inget kvar att rangordna.</translation>
    </message>
    <message>
      <source>Everything shown here is adjudicated</source>
      <translation>Allt som visas här är avgjort</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Exportera</translation>
    </message>
    <message>
      <source>Export actors</source>
      <translation>Exportera aktörer</translation>
    </message>
    <message>
      <source>Export actors to CSV</source>
      <translation>Exportera aktörer till CSV</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>Exportera CSV…</translation>
    </message>
    <message>
      <source>Export HTML…</source>
      <translation>Exportera HTML…</translation>
    </message>
    <message>
      <source>Export native JSONL</source>
      <translation>Exportera native JSONL</translation>
    </message>
    <message>
      <source>Export the agreement report</source>
      <translation>Exportera överensstämmelserapporten</translation>
    </message>
    <message>
      <source>Export the report as CSV</source>
      <translation>Exportera rapporten som CSV</translation>
    </message>
    <message>
      <source>Export the report as HTML</source>
      <translation>Exportera rapporten som HTML</translation>
    </message>
    <message>
      <source>Export {format}: name {what}</source>
      <translation>Exportera {format}: namnge {what}</translation>
    </message>
    <message>
      <source>Exported {n} actor(s) to {file}.</source>
      <translation>Exporterade {n} aktör(er) till {file}.</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Fält</translation>
    </message>
    <message>
      <source>Fields and claim type (accuracy)</source>
      <translation>Fält och anspråkstyp (träffsäkerhet)</translation>
    </message>
    <message>
      <source>Fields: layer, text, actor, claimant, addressee, object, event, reliability, credibility, status, title, outlet, language, published, doc, has, and every span attribute and document field of the codebook. Combine with OR, NOT or -, and parentheses.</source>
      <translation>Fält: layer, text, actor, claimant, addressee, object, event, reliability, credibility, status, title, outlet, language, published, doc, has samt kodbokens alla spannattribut och dokumentfält. Kombinera med OR, NOT eller - och parenteser.</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Fil</translation>
    </message>
    <message>
      <source>Filter by name, alias, QID, country…</source>
      <translation>Filtrera på namn, alias, QID, land…</translation>
    </message>
    <message>
      <source>Find &amp;annotations…</source>
      <translation>Sök &amp;annoteringar…</translation>
    </message>
    <message>
      <source>Find annotations</source>
      <translation>Sök annoteringar</translation>
    </message>
    <message>
      <source>Find in article (Return: next, Shift+Return: previous)</source>
      <translation>Sök i artikeln (Retur: nästa, Skift+Retur: föregående)</translation>
    </message>
    <message>
      <source>Find next / previous (find bar)</source>
      <translation>Sök nästa / föregående (sökfältet)</translation>
    </message>
    <message>
      <source>Find the disagreements again (F5)</source>
      <translation>Sök oenigheterna på nytt (F5)</translation>
    </message>
    <message>
      <source>Find:</source>
      <translation>Sök:</translation>
    </message>
    <message>
      <source>Finding disagreements…</source>
      <translation>Söker oenigheter…</translation>
    </message>
    <message>
      <source>Finding disagreements… {done_n} of {total_n} documents</source>
      <translation>Söker oenigheter… {done_n} av {total_n} dokument</translation>
    </message>
    <message>
      <source>Folder for the packages</source>
      <translation>Mapp för paketen</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>Form</translation>
    </message>
    <message>
      <source>Go to &amp;article</source>
      <translation>Gå till &amp;artikeln</translation>
    </message>
    <message>
      <source>Go to &amp;claims</source>
      <translation>Gå till &amp;anspråken</translation>
    </message>
    <message>
      <source>Go to &amp;document fields</source>
      <translation>Gå till &amp;dokumentfälten</translation>
    </message>
    <message>
      <source>Go to &amp;span attributes</source>
      <translation>Gå till &amp;spannattributen</translation>
    </message>
    <message>
      <source>Go to document &amp;list</source>
      <translation>Gå till dokument&amp;listan</translation>
    </message>
    <message>
      <source>gold</source>
      <translation>guld</translation>
    </message>
    <message>
      <source>Gold (adjudicated) only</source>
      <translation>Endast guld (avgjort)</translation>
    </message>
    <message>
      <source>Gold, else the chosen annotator</source>
      <translation>Guld, annars den valda annotatören</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Gradering</translation>
    </message>
    <message>
      <source>Guideline</source>
      <translation>Riktlinje</translation>
    </message>
    <message>
      <source>Guideline gap</source>
      <translation>Lucka i riktlinjerna</translation>
    </message>
    <message>
      <source>Guideline — {title}</source>
      <translation>Riktlinje — {title}</translation>
    </message>
    <message>
      <source>Held out</source>
      <translation>Undanhållna</translation>
    </message>
    <message>
      <source>Hide below confidence</source>
      <translation>Dölj under säkerhet</translation>
    </message>
    <message>
      <source>Hide boilerplate</source>
      <translation>Dölj sidmaterial</translation>
    </message>
    <message>
      <source>Hugging Face datasets (save_to_disk)  [needs hf]</source>
      <translation>Hugging Face datasets (save_to_disk)  [kräver hf]</translation>
    </message>
    <message>
      <source>Import &amp;batch:</source>
      <translation>Import&amp;omgång:</translation>
    </message>
    <message>
      <source>Import &amp;folder…</source>
      <translation>Importera &amp;mapp…</translation>
    </message>
    <message>
      <source>Import a folder of articles</source>
      <translation>Importera en mapp med artiklar</translation>
    </message>
    <message>
      <source>Import actors</source>
      <translation>Importera aktörer</translation>
    </message>
    <message>
      <source>Import actors from CSV</source>
      <translation>Importera aktörer från CSV</translation>
    </message>
    <message>
      <source>Import articles</source>
      <translation>Importera artiklar</translation>
    </message>
    <message>
      <source>Import CSV…</source>
      <translation>Importera CSV…</translation>
    </message>
    <message>
      <source>Import outlets</source>
      <translation>Importera medier</translation>
    </message>
    <message>
      <source>Import report</source>
      <translation>Importrapport</translation>
    </message>
    <message>
      <source>Imported documents of a listed outlet carry its name; its grade is proposed as the outlet reliability on an annotator's first edit of the document.</source>
      <translation>Importerade dokument från ett listat medium får dess namn; dess gradering föreslås som mediets tillförlitlighet när en annotatör först redigerar dokumentet.</translation>
    </message>
    <message>
      <source>Imported {n} new actor(s) from {file}.</source>
      <translation>Importerade {n} ny(a) aktör(er) från {file}.</translation>
    </message>
    <message>
      <source>Imported {n} outlet from {name}.</source>
      <translation>Importerade {n} medium från {name}.</translation>
    </message>
    <message>
      <source>Imported {n} outlets from {name}.</source>
      <translation>Importerade {n} medier från {name}.</translation>
    </message>
    <message>
      <source>In context</source>
      <translation>I sitt sammanhang</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>Pågår</translation>
    </message>
    <message>
      <source>ISO date of publication (YYYY-MM-DD); relative dates in the article resolve against it</source>
      <translation>Publiceringsdatum enligt ISO (ÅÅÅÅ-MM-DD); relativa datum i artikeln tolkas utifrån det</translation>
    </message>
    <message>
      <source>Keep the values the tool proposed (Ctrl+K); editing a value also makes it yours</source>
      <translation>Behåll de värden verktyget föreslog (Ctrl+K); att redigera ett värde gör det också till ditt</translation>
    </message>
    <message>
      <source>Keep {name} ({key})</source>
      <translation>Behåll {name} ({key})</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Kortkommandon</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Tangenter</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Slag</translation>
    </message>
    <message>
      <source>Label Studio JSON tasks</source>
      <translation>Label Studio JSON-uppgifter</translation>
    </message>
    <message>
      <source>Lang</source>
      <translation>Språk</translation>
    </message>
    <message>
      <source>Language (BCP-47)</source>
      <translation>Språk (BCP-47)</translation>
    </message>
    <message>
      <source>Last merged</source>
      <translation>Senast sammanslagen</translation>
    </message>
    <message>
      <source>Layer</source>
      <translation>Lager</translation>
    </message>
    <message>
      <source>Learned suggester: quality on held-out documents, by model version</source>
      <translation>Inlärda förslag: kvalitet på undanhållna dokument, per modellversion</translation>
    </message>
    <message>
      <source>Learned suggestions</source>
      <translation>Inlärda förslag</translation>
    </message>
    <message>
      <source>linked to different registry actors</source>
      <translation>länkade till olika aktörer i registret</translation>
    </message>
    <message>
      <source>List the article's actors, then the registry</source>
      <translation>Lista artikelns aktörer, sedan registret</translation>
    </message>
    <message>
      <source>Looking for a learned model…</source>
      <translation>Letar efter en inlärd modell…</translation>
    </message>
    <message>
      <source>Made &amp;for:</source>
      <translation>Gjort &amp;för:</translation>
    </message>
    <message>
      <source>Mark &amp;done and go to next unfinished</source>
      <translation>Markera som &amp;klar och gå till nästa oavslutade</translation>
    </message>
    <message>
      <source>Mark &amp;in progress again</source>
      <translation>Markera som &amp;pågående igen</translation>
    </message>
    <message>
      <source>mark done</source>
      <translation>markera som klar</translation>
    </message>
    <message>
      <source>Mark selection as article text</source>
      <translation>Markera urvalet som artikeltext</translation>
    </message>
    <message>
      <source>Mark the selected text as {layer} (no text selected: move the selected span to that layer)</source>
      <translation>Markera den valda texten som {layer} (ingen text vald: flytta det valda spannet till det lagret)</translation>
    </message>
    <message>
      <source>Mark the selection as site chrome (greyed out, left out of suggestions, exports and agreement); the arrow: mark as article text, or hide boilerplate</source>
      <translation>Markera urvalet som sidmaterial (gråtonat, utelämnat ur förslag, exporter och överensstämmelse); pilen: markera som artikeltext eller dölj sidmaterial</translation>
    </message>
    <message>
      <source>Mark the selection as {layer} ({key})
{description}</source>
      <translation>Markera urvalet som {layer} ({key})
{description}</translation>
    </message>
    <message>
      <source>mark {status}</source>
      <translation>markera {status}</translation>
    </message>
    <message>
      <source>marked by {names} only</source>
      <translation>markerat bara av {names}</translation>
    </message>
    <message>
      <source>Match rate</source>
      <translation>Träffandel</translation>
    </message>
    <message>
      <source>Me</source>
      <translation>Jag</translation>
    </message>
    <message>
      <source>Me ({name})</source>
      <translation>Jag ({name})</translation>
    </message>
    <message>
      <source>merge actors</source>
      <translation>slå samman aktörer</translation>
    </message>
    <message>
      <source>Merge actors</source>
      <translation>Slå samman aktörer</translation>
    </message>
    <message>
      <source>Merge returned packages</source>
      <translation>Slå samman returnerade paket</translation>
    </message>
    <message>
      <source>Merge the selected events</source>
      <translation>Slå ihop de valda händelserna</translation>
    </message>
    <message>
      <source>Merge two actors</source>
      <translation>Slå samman två aktörer</translation>
    </message>
    <message>
      <source>merge {dropped} into {kept}</source>
      <translation>slå samman {dropped} med {kept}</translation>
    </message>
    <message>
      <source>Merged {dropped} into {kept}.</source>
      <translation>Slog samman {dropped} med {kept}.</translation>
    </message>
    <message>
      <source>Merged {merged_n} of {total_n} package(s).</source>
      <translation>Slog samman {merged_n} av {total_n} paket.</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>Modell</translation>
    </message>
    <message>
      <source>Modifier: start, middle, end of the period, about, before …</source>
      <translation>Modifierare: början, mitten, slutet av perioden, omkring, före …</translation>
    </message>
    <message>
      <source>Move between fields</source>
      <translation>Flytta mellan fälten</translation>
    </message>
    <message>
      <source>Move the selected reports to a new event</source>
      <translation>Flytta de valda rapporterna till en ny händelse</translation>
    </message>
    <message>
      <source>Move the selected span's end by a character (Shift: by a word)</source>
      <translation>Flytta det valda spannets slut ett tecken (Skift: ett ord)</translation>
    </message>
    <message>
      <source>Move the selected span's start by a character (Shift: by a word)</source>
      <translation>Flytta det valda spannets början ett tecken (Skift: ett ord)</translation>
    </message>
    <message>
      <source>Move the selected span's start or end with the mouse</source>
      <translation>Flytta det valda spannets början eller slut med musen</translation>
    </message>
    <message>
      <source>My coding</source>
      <translation>Min kodning</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Namn</translation>
    </message>
    <message>
      <source>Native JSONL (lossless, importable)</source>
      <translation>Native JSONL (förlustfri, kan importeras)</translation>
    </message>
    <message>
      <source>New &amp;claim</source>
      <translation>Nytt &amp;anspråk</translation>
    </message>
    <message>
      <source>new actor {name}</source>
      <translation>ny aktör {name}</translation>
    </message>
    <message>
      <source>New claim</source>
      <translation>Nytt anspråk</translation>
    </message>
    <message>
      <source>New local project</source>
      <translation>Nytt lokalt projekt</translation>
    </message>
    <message>
      <source>New project</source>
      <translation>Nytt projekt</translation>
    </message>
    <message>
      <source>newly finished documents</source>
      <translation>nyss färdiga dokument</translation>
    </message>
    <message>
      <source>New…</source>
      <translation>Ny…</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>Nästa</translation>
    </message>
    <message>
      <source>Next &amp;unfinished document</source>
      <translation>Nästa &amp;oavslutade dokument</translation>
    </message>
    <message>
      <source>Next unfinished: the one the model is least sure of</source>
      <translation>Nästa ofärdiga: det modellen är minst säker på</translation>
    </message>
    <message>
      <source>No backups yet in {folder}.</source>
      <translation>Inga säkerhetskopior än i {folder}.</translation>
    </message>
    <message>
      <source>no date</source>
      <translation>inget datum</translation>
    </message>
    <message>
      <source>No disagreements behind “{field}”.</source>
      <translation>Inga oenigheter bakom ”{field}”.</translation>
    </message>
    <message>
      <source>No document</source>
      <translation>Inget dokument</translation>
    </message>
    <message>
      <source>No document of this project has a claim line to check.</source>
      <translation>Inget dokument i projektet har en påståenderad att pröva.</translation>
    </message>
    <message>
      <source>No document. Open a project with File › Open, or start one with File › New project and File › Import.</source>
      <translation>Inget dokument. Öppna ett projekt med Arkiv › Öppna, eller starta ett med Arkiv › Nytt projekt och Arkiv › Importera.</translation>
    </message>
    <message>
      <source>No documents are assigned yet: Team › Assign and write packages…</source>
      <translation>Inga dokument är tilldelade än: Team › Fördela och skriv paket…</translation>
    </message>
    <message>
      <source>No event is suggested for this claim; create one instead.</source>
      <translation>Ingen händelse föreslås för anspråket; skapa en i stället.</translation>
    </message>
    <message>
      <source>No event suggested for this claim.</source>
      <translation>Ingen händelse föreslagen för anspråket.</translation>
    </message>
    <message>
      <source>no learned model for this project yet (looked in {path}); train one with `annotator train PROJECT` or Assist &gt; Train suggestions from finished documents - the registry and date suggestions work meanwhile</source>
      <translation>ingen inlärd modell för projektet än (letade i {path}); träna en med `annotator train PROJECT` eller Assistans &gt; Träna förslag på färdiga dokument – registrets och datumreglernas förslag fungerar under tiden</translation>
    </message>
    <message>
      <source>No learned model yet: Assist › Train suggestions from finished documents.</source>
      <translation>Ingen inlärd modell än: Assistans › Träna förslag på färdiga dokument.</translation>
    </message>
    <message>
      <source>No project open — File › New project or File › Open</source>
      <translation>Inget projekt öppet — Arkiv › Nytt projekt eller Arkiv › Öppna</translation>
    </message>
    <message>
      <source>No project open.</source>
      <translation>Inget projekt öppet.</translation>
    </message>
    <message>
      <source>No suggestion selected: F8 goes to the next one.</source>
      <translation>Inget förslag valt: F8 går till nästa.</translation>
    </message>
    <message>
      <source>No suggestions here.</source>
      <translation>Inga förslag här.</translation>
    </message>
    <message>
      <source>No {layer} suggestions to accept.</source>
      <translation>Inga {layer}-förslag att godta.</translation>
    </message>
    <message>
      <source>Not a usable package: {reason}</source>
      <translation>Inte ett användbart paket: {reason}</translation>
    </message>
    <message>
      <source>not annotated</source>
      <translation>inte annoterat</translation>
    </message>
    <message>
      <source>Not deleted: {reason}</source>
      <translation>Inte borttagen: {reason}</translation>
    </message>
    <message>
      <source>Not exported: {reason}</source>
      <translation>Inte exporterat: {reason}</translation>
    </message>
    <message>
      <source>not found</source>
      <translation>hittades inte</translation>
    </message>
    <message>
      <source>Not imported: {reasons}.</source>
      <translation>Inte importerat: {reasons}.</translation>
    </message>
    <message>
      <source>Not started</source>
      <translation>Inte påbörjad</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Anteckning</translation>
    </message>
    <message>
      <source>OK</source>
      <translation type="vanished">OK</translation>
    </message>
    <message>
      <source>One annotator</source>
      <translation>En annotatör</translation>
    </message>
    <message>
      <source>Only what is &amp;already assigned to them</source>
      <translation>Bara det som &amp;redan är tilldelat dem</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>Öppna &amp;senaste</translation>
    </message>
    <message>
      <source>Open a project (File › Open) to start annotating.</source>
      <translation>Öppna ett projekt (Arkiv › Öppna) för att börja annotera.</translation>
    </message>
    <message>
      <source>Open a project first.</source>
      <translation>Öppna ett projekt först.</translation>
    </message>
    <message>
      <source>Open a project to read its guideline.</source>
      <translation>Öppna ett projekt för att läsa dess riktlinjer.</translation>
    </message>
    <message>
      <source>Open annotator &amp;package…</source>
      <translation>Öppna annotatörs&amp;paket…</translation>
    </message>
    <message>
      <source>Open annotator package</source>
      <translation>Öppna annotatörspaket</translation>
    </message>
    <message>
      <source>Open project</source>
      <translation>Öppna projekt</translation>
    </message>
    <message>
      <source>Open the bundled sample project as anna, one of its three annotators, to see coded articles; your own name is asked again next time</source>
      <translation>Öppna det medföljande exempelprojektet som anna, en av dess tre annotatörer, för att se kodade artiklar; ditt eget namn efterfrågas igen nästa gång</translation>
    </message>
    <message>
      <source>Opened read-only: {reason}. Edits cannot be saved.</source>
      <translation>Öppnat skrivskyddat: {reason}. Ändringar kan inte sparas.</translation>
    </message>
    <message>
      <source>Opened {file}: annotating as {name}. File › Write return package… when you are done.</source>
      <translation>Öppnade {file}: annoterar som {name}. Arkiv › Skriv returpaket… när du är klar.</translation>
    </message>
    <message>
      <source>optional note, kept with the decision</source>
      <translation>valfri anteckning, sparas med beslutet</translation>
    </message>
    <message>
      <source>Other aliases</source>
      <translation>Övriga alias</translation>
    </message>
    <message>
      <source>Outlet</source>
      <translation>Medium</translation>
    </message>
    <message>
      <source>Outlet grade</source>
      <translation>Mediets gradering</translation>
    </message>
    <message>
      <source>Outlet list</source>
      <translation>Medielista</translation>
    </message>
    <message>
      <source>Output &amp;folder:</source>
      <translation>Utdata&amp;mapp:</translation>
    </message>
    <message>
      <source>Package</source>
      <translation>Paket</translation>
    </message>
    <message>
      <source>Packages sent</source>
      <translation>Skickade paket</translation>
    </message>
    <message>
      <source>Parquet tables: documents, spans, claims  [needs parquet]</source>
      <translation>Parquet-tabeller: dokument, spann, anspråk  [kräver parquet]</translation>
    </message>
    <message>
      <source>Passage</source>
      <translation>Stycke</translation>
    </message>
    <message>
      <source>Passages elsewhere on this claim</source>
      <translation>Stycken på annat håll om detta anspråk</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Plats</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Framsteg</translation>
    </message>
    <message>
      <source>Progress dashboard</source>
      <translation>Översikt över framsteg</translation>
    </message>
    <message>
      <source>Proposed by the learned model</source>
      <translation>Föreslaget av den inlärda modellen</translation>
    </message>
    <message>
      <source>Publication date</source>
      <translation>Publiceringsdatum</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Publicerad</translation>
    </message>
    <message>
      <source>QID</source>
      <translation>QID</translation>
    </message>
    <message>
      <source>R   Reject (nothing into gold)</source>
      <translation>R   Avvisa (inget till guld)</translation>
    </message>
    <message>
      <source>Re-detect &amp;title, date, outlet and boilerplate</source>
      <translation>Identifiera &amp;rubrik, datum, medium och sidmaterial på nytt</translation>
    </message>
    <message>
      <source>Re-detected: {details}</source>
      <translation>Identifierat på nytt: {details}</translation>
    </message>
    <message>
      <source>Re-detection: nothing would change</source>
      <translation>Ny identifiering: inget skulle ändras</translation>
    </message>
    <message>
      <source>Read-only</source>
      <translation>Skrivskyddat</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Skäl</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Gör om</translation>
    </message>
    <message>
      <source>REFI-QDA project (.qdpx) for QualCoder, MAXQDA, ATLAS.ti, NVivo</source>
      <translation>REFI-QDA-projekt (.qdpx) för QualCoder, MAXQDA, ATLAS.ti, NVivo</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>Avvisa</translation>
    </message>
    <message>
      <source>Reliability matrices, units x coders (CSV)</source>
      <translation>Reliabilitetsmatriser, enheter x kodare (CSV)</translation>
    </message>
    <message>
      <source>Reload</source>
      <translation>Läs in igen</translation>
    </message>
    <message>
      <source>remove claim</source>
      <translation>ta bort anspråk</translation>
    </message>
    <message>
      <source>Remove span</source>
      <translation>Ta bort spann</translation>
    </message>
    <message>
      <source>remove span</source>
      <translation>ta bort spann</translation>
    </message>
    <message>
      <source>Remove the selected span (article, span list)</source>
      <translation>Ta bort det valda spannet (artikeln, spannlistan)</translation>
    </message>
    <message>
      <source>Remove the selected span (Delete in the text)</source>
      <translation>Ta bort det valda spannet (Delete i texten)</translation>
    </message>
    <message>
      <source>Replace the content of {name} with the backup taken {when} ({why})?

The current content is backed up first.</source>
      <translation>Ersätta innehållet i {name} med säkerhetskopian från {when} ({why})?

Det nuvarande innehållet säkerhetskopieras först.</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>Rapporter</translation>
    </message>
    <message>
      <source>Restore from &amp;backup…</source>
      <translation>Återställ från &amp;säkerhetskopia…</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>Återställ från säkerhetskopia</translation>
    </message>
    <message>
      <source>Restored from {chosen}; the replaced content is kept as {saved}.</source>
      <translation>Återställt från {chosen}; det ersatta innehållet sparas som {saved}.</translation>
    </message>
    <message>
      <source>Restored {name} from {chosen}; the damaged file is kept as {saved}.</source>
      <translation>Återställde {name} från {chosen}; den skadade filen sparas som {saved}.</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Resultat</translation>
    </message>
    <message>
      <source>Retrain after</source>
      <translation>Träna om efter</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>Returnerade</translation>
    </message>
    <message>
      <source>Returned packages</source>
      <translation>Returnerade paket</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>Granskning</translation>
    </message>
    <message>
      <source>Review disagreements — {name}</source>
      <translation>Granska oenigheter — {name}</translation>
    </message>
    <message>
      <source>Reviewer</source>
      <translation>Granskare</translation>
    </message>
    <message>
      <source>S&amp;eed:</source>
      <translation>Fr&amp;ö:</translation>
    </message>
    <message>
      <source>S&amp;tatus:</source>
      <translation>S&amp;tatus:</translation>
    </message>
    <message>
      <source>same value, different precision or modifier</source>
      <translation>samma värde, olika precision eller modifierare</translation>
    </message>
    <message>
      <source>Save the event's label and place</source>
      <translation>Spara händelsens namn och plats</translation>
    </message>
    <message>
      <source>Saved {name}.</source>
      <translation>Sparade {name}.</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Poäng</translation>
    </message>
    <message>
      <source>Search all articles…</source>
      <translation>Sök i alla artiklar…</translation>
    </message>
    <message>
      <source>Sector</source>
      <translation>Sektor</translation>
    </message>
    <message>
      <source>Select a span in the text or in the list above.</source>
      <translation>Välj ett spann i texten eller i listan ovan.</translation>
    </message>
    <message>
      <source>Select exactly two actors to merge.</source>
      <translation>Välj exakt två aktörer att slå samman.</translation>
    </message>
    <message>
      <source>Select one event to see its reports.</source>
      <translation>Välj en händelse för att se dess rapporter.</translation>
    </message>
    <message>
      <source>Select text in the article</source>
      <translation>Markera text i artikeln</translation>
    </message>
    <message>
      <source>Set the selected report's grade to the suggested one</source>
      <translation>Sätt den valda rapportens gradering till den föreslagna</translation>
    </message>
    <message>
      <source>set {field}</source>
      <translation>ange {field}</translation>
    </message>
    <message>
      <source>Sev.</source>
      <translation>Allv.</translation>
    </message>
    <message>
      <source>Show all</source>
      <translation>Visa alla</translation>
    </message>
    <message>
      <source>Show decided</source>
      <translation>Visa beslutade</translation>
    </message>
    <message>
      <source>Show the learned model's suggestions</source>
      <translation>Visa den inlärda modellens förslag</translation>
    </message>
    <message>
      <source>Signatures</source>
      <translation>Signaturer</translation>
    </message>
    <message>
      <source>SOURCE F1</source>
      <translation>SOURCE F1</translation>
    </message>
    <message>
      <source>Sp&amp;readsheet-safe cells (CSV)</source>
      <translation>Celler säkra för &amp;kalkylprogram (CSV)</translation>
    </message>
    <message>
      <source>spaCy DocBin (.spacy)  [needs spacy]</source>
      <translation>spaCy DocBin (.spacy)  [kräver spacy]</translation>
    </message>
    <message>
      <source>Span attributes</source>
      <translation>Spannattribut</translation>
    </message>
    <message>
      <source>span marked by only some annotators</source>
      <translation>spann markerat av bara några annotatörer</translation>
    </message>
    <message>
      <source>Spans</source>
      <translation>Spann</translation>
    </message>
    <message>
      <source>Stance is only coded for documents with a claim line.</source>
      <translation>Hållning kodas bara för dokument med en påståenderad.</translation>
    </message>
    <message>
      <source>Stance toward the claim: only for documents that start with a claim line</source>
      <translation type="vanished">Hållning till påståendet: bara för dokument som börjar med en påståenderad</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Början</translation>
    </message>
    <message>
      <source>Start a new demand frame (Ctrl+Shift+N)</source>
      <translation>Starta en ny kravram (Ctrl+Skift+N)</translation>
    </message>
    <message>
      <source>Start annotating</source>
      <translation>Börja annotera</translation>
    </message>
    <message>
      <source>Start from</source>
      <translation>Utgå från</translation>
    </message>
    <message>
      <source>Suggested</source>
      <translation>Föreslagen</translation>
    </message>
    <message>
      <source>Suggestion {index_n} of {total_n}: {preview} — Return accepts, Delete rejects</source>
      <translation>Förslag {index_n} av {total_n}: {preview} — Retur godtar, Delete avvisar</translation>
    </message>
    <message>
      <source>Suggestions are off: Assist › Show suggestions.</source>
      <translation>Förslagen är avstängda: Assistans › Visa förslag.</translation>
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
      <translation>Systemets språk</translation>
    </message>
    <message>
      <source>T&amp;ype:</source>
      <translation>T&amp;yp:</translation>
    </message>
    <message>
      <source>Take &amp;out</source>
      <translation>&amp;Ta ut</translation>
    </message>
    <message>
      <source>Take the selected reports out of the event</source>
      <translation>Ta ut de valda rapporterna ur händelsen</translation>
    </message>
    <message>
      <source>Taken</source>
      <translation>Tagna</translation>
    </message>
    <message>
      <source>The codebook has no {layer} layer.</source>
      <translation>Kodboken har inget {layer}-lager.</translation>
    </message>
    <message>
      <source>The current content is backed up before it is replaced, so a restore can itself be undone.</source>
      <translation>Det nuvarande innehållet säkerhetskopieras innan det ersätts, så att en återställning i sin tur kan ångras.</translation>
    </message>
    <message>
      <source>The other actor's names become aliases of the kept one, and every mention and claim pointing to it moves to the kept one.</source>
      <translation>Den andra aktörens namn blir alias för den som behålls, och varje omnämnande och anspråk som pekar på den flyttas till den som behålls.</translation>
    </message>
    <message>
      <source>The restore failed: {reason}</source>
      <translation>Återställningen misslyckades: {reason}</translation>
    </message>
    <message>
      <source>The whole workflow works from the keyboard.</source>
      <translation>Hela arbetsflödet fungerar från tangentbordet.</translation>
    </message>
    <message>
      <source>Tick at least one annotator (or add one).</source>
      <translation>Kryssa för minst en annotatör (eller lägg till en).</translation>
    </message>
    <message>
      <source>Tick or untick a demand span</source>
      <translation>Kryssa i eller ur ett kravspann</translation>
    </message>
    <message>
      <source>Tick the DEMAND spans of this article that belong here (Space toggles)</source>
      <translation>Kryssa för artikelns DEMAND-spann som hör hit (Mellanslag växlar)</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <source>Trained</source>
      <translation>Tränad</translation>
    </message>
    <message>
      <source>Try the sample as anna</source>
      <translation>Prova exemplet som anna</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Typ</translation>
    </message>
    <message>
      <source>type a name or alias (↓ lists the article's actors)</source>
      <translation>skriv ett namn eller alias (↓ listar artikelns aktörer)</translation>
    </message>
    <message>
      <source>Type a query, e.g. layer:DEMAND claimant:putin</source>
      <translation>Skriv en sökfråga, t.ex. layer:DEMAND claimant:putin</translation>
    </message>
    <message>
      <source>Type the new actor's name first</source>
      <translation>Skriv först den nya aktörens namn</translation>
    </message>
    <message>
      <source>UIMA CAS XMI for INCEpTION / WebAnno (with TypeSystem.xml)  [needs xmi]</source>
      <translation>UIMA CAS XMI för INCEpTION / WebAnno (med TypeSystem.xml)  [kräver xmi]</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Ångra</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>Enheter</translation>
    </message>
    <message>
      <source>Use</source>
      <translation>Använd</translation>
    </message>
    <message>
      <source>Use 1-64 letters, digits, spaces or . @ ' -</source>
      <translation>Använd 1–64 bokstäver, siffror, mellanslag eller . @ ' -</translation>
    </message>
    <message>
      <source>Use 1-64 letters, digits, spaces or . @ ' - :</source>
      <translation>Använd 1–64 bokstäver, siffror, mellanslag eller . @ ' - :</translation>
    </message>
    <message>
      <source>Use 1-64 letters, digits, spaces or . @ ' - for a name (not “gold”).</source>
      <translation>Använd 1–64 bokstäver, siffror, mellanslag eller . @ ' - i ett namn (inte ”gold”).</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Värde</translation>
    </message>
    <message>
      <source>Vs. first</source>
      <translation>Mot första</translation>
    </message>
    <message>
      <source>Welcome to annotator</source>
      <translation>Välkommen till annotator</translation>
    </message>
    <message>
      <source>Whose progress the status column and filter show</source>
      <translation>Vems framsteg statuskolumnen och filtret visar</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Varför</translation>
    </message>
    <message>
      <source>Write &amp;predictions instead of annotations (Label Studio)</source>
      <translation>Skriv &amp;prediktioner i stället för annoteringar (Label Studio)</translation>
    </message>
    <message>
      <source>Write return package</source>
      <translation>Skriv returpaket</translation>
    </message>
    <message>
      <source>Wrote {n} annotator package(s).</source>
      <translation>Skrev {n} annotatörspaket.</translation>
    </message>
    <message>
      <source>Your claims in no event</source>
      <translation>Dina anspråk utan händelse</translation>
    </message>
    <message>
      <source>your name (recorded with each decision)</source>
      <translation>ditt namn (registreras med varje beslut)</translation>
    </message>
    <message>
      <source>Your name or initials (every annotation carries it; you see only your own annotations):</source>
      <translation>Ditt namn eller dina initialer (varje annotering bär det; du ser bara dina egna annoteringar):</translation>
    </message>
    <message>
      <source>Your name or initials:</source>
      <translation>Ditt namn eller dina initialer:</translation>
    </message>
    <message>
      <source>Zoom &amp;in</source>
      <translation>Zooma &amp;in</translation>
    </message>
    <message>
      <source>Zoom &amp;out</source>
      <translation>Zooma &amp;ut</translation>
    </message>
    <message>
      <source>{count} documents for {owner}.</source>
      <translation>{count} dokument för {owner}.</translation>
    </message>
    <message>
      <source>{dest} exists. Replace it when the export is finished?</source>
      <translation>{dest} finns redan. Ersätta den när exporten är klar?</translation>
    </message>
    <message>
      <source>{done_n} of {total_n} adjudicated</source>
      <translation>{done_n} av {total_n} avgjorda</translation>
    </message>
    <message>
      <source>{done_n} of {total_n} documents done by {name}</source>
      <translation>{done_n} av {total_n} dokument klara av {name}</translation>
    </message>
    <message>
      <source>{done_n} of {total_n} done</source>
      <translation>{done_n} av {total_n} klara</translation>
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
      <translation>{label} – modifierare</translation>
    </message>
    <message>
      <source>{label}: only for documents that start with a claim line</source>
      <translation>{label}: bara för dokument som börjar med en påståenderad</translation>
    </message>
    <message>
      <source>{layer} “{text}” → {target}</source>
      <translation>{layer} ”{text}” → {target}</translation>
    </message>
    <message>
      <source>{name} [read-only] — annotator</source>
      <translation>{name} [skrivskyddat] — annotator</translation>
    </message>
    <message>
      <source>{name} is damaged and cannot be opened ({reason}).

{offer}.</source>
      <translation>{name} är skadad och kan inte öppnas ({reason}).

{offer}.</translation>
    </message>
    <message>
      <source>{name} is damaged and cannot be opened:
{reason}

The latest good backup was taken {when} ({why}).
Restore it and open the project? The damaged file is kept in {folder}.</source>
      <translation>{name} är skadad och kan inte öppnas:
{reason}

Den senaste felfria säkerhetskopian togs {when} ({why}).
Återställa den och öppna projektet? Den skadade filen sparas i {folder}.</translation>
    </message>
    <message>
      <source>{name} was not opened from a package, so there is nothing to return.</source>
      <translation>{name} öppnades inte från ett paket, så det finns inget att returnera.</translation>
    </message>
    <message>
      <source>{name} — annotator</source>
      <translation>{name} — annotator</translation>
    </message>
    <message>
      <source>{n}   Accept {name}</source>
      <translation>{n}   Godta {name}</translation>
    </message>
    <message>
      <source>{n} actor</source>
      <translation>{n} aktör</translation>
    </message>
    <message>
      <source>{n} actors</source>
      <translation>{n} aktörer</translation>
    </message>
    <message>
      <source>{n} agreed item(s) of document #{doc_n} accepted into gold</source>
      <translation>{n} överensstämmande post(er) i dokument #{doc_n} godtagna till guld</translation>
    </message>
    <message>
      <source>{n} already present</source>
      <translation>{n} fanns redan</translation>
    </message>
    <message>
      <source>{n} annotations</source>
      <translation>{n} annoteringar</translation>
    </message>
    <message>
      <source>{n} disagreements</source>
      <translation>{n} oenigheter</translation>
    </message>
    <message>
      <source>{n} document</source>
      <translation>{n} dokument</translation>
    </message>
    <message>
      <source>{n} document imported</source>
      <translation>{n} dokument importerat</translation>
    </message>
    <message>
      <source>{n} documents</source>
      <translation>{n} dokument</translation>
    </message>
    <message>
      <source>{n} documents imported</source>
      <translation>{n} dokument importerade</translation>
    </message>
    <message>
      <source>{n} outlet.</source>
      <translation>{n} medium.</translation>
    </message>
    <message>
      <source>{n} outlets.</source>
      <translation>{n} medier.</translation>
    </message>
    <message>
      <source>{n} rejected</source>
      <translation>{n} avvisade</translation>
    </message>
    <message>
      <source>{n} suggestion</source>
      <translation>{n} förslag</translation>
    </message>
    <message>
      <source>{n} suggestions</source>
      <translation>{n} förslag</translation>
    </message>
    <message>
      <source>{percent_n}% done</source>
      <translation>{percent_n} % klart</translation>
    </message>
  </context>
</TS>
