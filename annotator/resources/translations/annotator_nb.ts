<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb" sourcelanguage="en">
  <context>
    <name>annotator</name>
    <message>
      <source> Kind </source>
      <translation> Type </translation>
    </message>
    <message>
      <source>#{n} {path} ({count_n} documents, {when})</source>
      <translation>#{n} {path} ({count_n} dokumenter, {when})</translation>
    </message>
    <message>
      <source>% agree</source>
      <translation>% enige</translation>
    </message>
    <message>
      <source>&amp;About annotator</source>
      <translation>&amp;Om annotator</translation>
    </message>
    <message>
      <source>&amp;Accept suggestion (Return or click in the article)</source>
      <translation>&amp;Godta forslaget (Retur eller klikk i artikkelen)</translation>
    </message>
    <message>
      <source>&amp;Actor registry…</source>
      <translation>&amp;Aktørregister…</translation>
    </message>
    <message>
      <source>&amp;Add files…</source>
      <translation>&amp;Legg til filer…</translation>
    </message>
    <message>
      <source>&amp;Add to event</source>
      <translation>&amp;Legg til i hendelse</translation>
    </message>
    <message>
      <source>&amp;Add…</source>
      <translation>&amp;Legg til…</translation>
    </message>
    <message>
      <source>&amp;Agreement report…</source>
      <translation>&amp;Samsvarsrapport…</translation>
    </message>
    <message>
      <source>&amp;Aliases:</source>
      <translation>&amp;Aliaser:</translation>
    </message>
    <message>
      <source>&amp;Annotator:</source>
      <translation>&amp;Annotatør:</translation>
    </message>
    <message>
      <source>&amp;Assign and write packages…</source>
      <translation>&amp;Fordel og skriv pakker…</translation>
    </message>
    <message>
      <source>&amp;Assist</source>
      <translation>&amp;Assistanse</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>&amp;Bla gjennom…</translation>
    </message>
    <message>
      <source>&amp;Claims</source>
      <translation>&amp;Krav</translation>
    </message>
    <message>
      <source>&amp;Close window</source>
      <translation>&amp;Lukk vinduet</translation>
    </message>
    <message>
      <source>&amp;Country:</source>
      <translation>&amp;Land:</translation>
    </message>
    <message>
      <source>&amp;Create and open</source>
      <translation>&amp;Opprett og åpne</translation>
    </message>
    <message>
      <source>&amp;Create event</source>
      <translation>&amp;Opprett hendelse</translation>
    </message>
    <message>
      <source>&amp;Decide</source>
      <translation>&amp;Avgjør</translation>
    </message>
    <message>
      <source>&amp;Delete</source>
      <translation>&amp;Slett</translation>
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
      <translation>&amp;Prøvekjøring: bare rapporter, endre ingenting</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Rediger</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>&amp;Rediger…</translation>
    </message>
    <message>
      <source>&amp;Events</source>
      <translation>&amp;Hendelser</translation>
    </message>
    <message>
      <source>&amp;Events across documents…</source>
      <translation>&amp;Hendelser på tvers av dokumenter…</translation>
    </message>
    <message>
      <source>&amp;Events of every annotator…</source>
      <translation>&amp;Alle annotatørers hendelser…</translation>
    </message>
    <message>
      <source>&amp;Every document ({n})</source>
      <translation>&amp;Alle dokumenter ({n})</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>&amp;Eksporter</translation>
    </message>
    <message>
      <source>&amp;Export native JSONL…</source>
      <translation>&amp;Eksporter native JSONL…</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Fil</translation>
    </message>
    <message>
      <source>&amp;Find in article…</source>
      <translation>&amp;Søk i artikkelen…</translation>
    </message>
    <message>
      <source>&amp;Format:</source>
      <translation>&amp;Format:</translation>
    </message>
    <message>
      <source>&amp;Guideline for this field or span</source>
      <translation>&amp;Retningslinje for dette feltet eller spennet</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Hjelp</translation>
    </message>
    <message>
      <source>&amp;Import CSV…</source>
      <translation>&amp;Importer CSV…</translation>
    </message>
    <message>
      <source>&amp;Import files…</source>
      <translation>&amp;Importer filer…</translation>
    </message>
    <message>
      <source>&amp;Key:</source>
      <translation>&amp;Nøkkel:</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Hurtigtaster</translation>
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
      <translation>Panelet &amp;Lærte forslag</translation>
    </message>
    <message>
      <source>&amp;Local project:</source>
      <translation>&amp;Lokalt prosjekt:</translation>
    </message>
    <message>
      <source>&amp;Merge</source>
      <translation>&amp;Slå sammen</translation>
    </message>
    <message>
      <source>&amp;Merge returned packages…</source>
      <translation>&amp;Slå sammen returnerte pakker…</translation>
    </message>
    <message>
      <source>&amp;Merge…</source>
      <translation>&amp;Slå sammen…</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Navn:</translation>
    </message>
    <message>
      <source>&amp;New project…</source>
      <translation>&amp;Nytt prosjekt…</translation>
    </message>
    <message>
      <source>&amp;Next document</source>
      <translation>&amp;Neste dokument</translation>
    </message>
    <message>
      <source>&amp;Next suggestion</source>
      <translation>&amp;Neste forslag</translation>
    </message>
    <message>
      <source>&amp;Open project…</source>
      <translation>&amp;Åpne prosjekt…</translation>
    </message>
    <message>
      <source>&amp;Outlet list…</source>
      <translation>&amp;Medieliste…</translation>
    </message>
    <message>
      <source>&amp;Overlap:</source>
      <translation>&amp;Overlapp:</translation>
    </message>
    <message>
      <source>&amp;Package:</source>
      <translation>&amp;Pakke:</translation>
    </message>
    <message>
      <source>&amp;Packages:</source>
      <translation>&amp;Pakker:</translation>
    </message>
    <message>
      <source>&amp;Previous document</source>
      <translation>&amp;Forrige dokument</translation>
    </message>
    <message>
      <source>&amp;Previous suggestion</source>
      <translation>&amp;Forrige forslag</translation>
    </message>
    <message>
      <source>&amp;Progress dashboard</source>
      <translation>&amp;Fremdriftsoversikt</translation>
    </message>
    <message>
      <source>&amp;QID:</source>
      <translation>&amp;QID:</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Avslutt</translation>
    </message>
    <message>
      <source>&amp;Quit annotator</source>
      <translation>&amp;Avslutt annotator</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Gjør om</translation>
    </message>
    <message>
      <source>&amp;Redo {command_text}</source>
      <translation>&amp;Gjør om {command_text}</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>&amp;Oppdater</translation>
    </message>
    <message>
      <source>&amp;Reject suggestion (Delete in the article)</source>
      <translation>&amp;Avvis forslaget (Delete i artikkelen)</translation>
    </message>
    <message>
      <source>&amp;Remove</source>
      <translation>&amp;Fjern</translation>
    </message>
    <message>
      <source>&amp;Reset zoom</source>
      <translation>&amp;Tilbakestill zoom</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>&amp;Gjenopprett</translation>
    </message>
    <message>
      <source>&amp;Review</source>
      <translation>&amp;Gjennomgang</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Lagre</translation>
    </message>
    <message>
      <source>&amp;Sector:</source>
      <translation>&amp;Sektor:</translation>
    </message>
    <message>
      <source>&amp;Show suggestions</source>
      <translation>&amp;Vis forslag</translation>
    </message>
    <message>
      <source>&amp;Snap selections to words</source>
      <translation>&amp;Fest markeringer til hele ord</translation>
    </message>
    <message>
      <source>&amp;Source:</source>
      <translation>&amp;Kilde:</translation>
    </message>
    <message>
      <source>&amp;Span</source>
      <translation>&amp;Spenn</translation>
    </message>
    <message>
      <source>&amp;Split off</source>
      <translation>&amp;Skill ut</translation>
    </message>
    <message>
      <source>&amp;Split the documents between the annotators</source>
      <translation>&amp;Fordel dokumentene mellom annotatørene</translation>
    </message>
    <message>
      <source>&amp;Team</source>
      <translation>&amp;Team</translation>
    </message>
    <message>
      <source>&amp;Title:</source>
      <translation>&amp;Tittel:</translation>
    </message>
    <message>
      <source>&amp;Tools</source>
      <translation>&amp;Verktøy</translation>
    </message>
    <message>
      <source>&amp;Train now</source>
      <translation>&amp;Tren nå</translation>
    </message>
    <message>
      <source>&amp;Train suggestions from finished documents</source>
      <translation>&amp;Tren forslag på ferdige dokumenter</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Angre</translation>
    </message>
    <message>
      <source>&amp;Undo {command_text}</source>
      <translation>&amp;Angre {command_text}</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Vis</translation>
    </message>
    <message>
      <source>&amp;Write</source>
      <translation>&amp;Skriv</translation>
    </message>
    <message>
      <source>&amp;Write packages</source>
      <translation>&amp;Skriv pakker</translation>
    </message>
    <message>
      <source>&amp;Write return package…</source>
      <translation>&amp;Skriv returpakke…</translation>
    </message>
    <message>
      <source>(no reason given)</source>
      <translation>(ingen grunn oppgitt)</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(ingen)</translation>
    </message>
    <message>
      <source>(this project was not opened from a package)</source>
      <translation>(dette prosjektet ble ikke åpnet fra en pakke)</translation>
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
      <translation>&lt;b&gt;Godta en versjon&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;Annotator pairs&lt;/b&gt;</source>
      <translation>&lt;b&gt;Annotatørpar&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;Annotator pairs&lt;/b&gt; — relevance (Cohen's kappa)</source>
      <translation>&lt;b&gt;Annotatørpar&lt;/b&gt; — relevans (Cohens kappa)</translation>
    </message>
    <message>
      <source>&lt;b&gt;Claim to check:&lt;/b&gt; {claim}</source>
      <translation>&lt;b&gt;Påstand som skal prøves:&lt;/b&gt; {claim}</translation>
    </message>
    <message>
      <source>&lt;b&gt;Confusion&lt;/b&gt; (rows: first annotator of a pair, columns: second)</source>
      <translation>&lt;b&gt;Forvekslinger&lt;/b&gt; (rader: parets første annotatør, kolonner: den andre)</translation>
    </message>
    <message>
      <source>&lt;b&gt;Confusion&lt;/b&gt; — none for this entry</source>
      <translation>&lt;b&gt;Forvekslinger&lt;/b&gt; — ingen for denne oppføringen</translation>
    </message>
    <message>
      <source>&lt;b&gt;Confusion&lt;/b&gt; — relevance (rows: first annotator of a pair, columns: second)</source>
      <translation>&lt;b&gt;Forvekslinger&lt;/b&gt; — relevans (rader: parets første annotatør, kolonner: den andre)</translation>
    </message>
    <message>
      <source>&lt;b&gt;Decision&lt;/b&gt;</source>
      <translation>&lt;b&gt;Avgjørelse&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;{layer}&lt;/b&gt; “{text}” &lt;span style='color:#666'&gt;({start_n}–{end_n})&lt;/span&gt;{proposed_text}</source>
      <translation>&lt;b&gt;{layer}&lt;/b&gt; «{text}» &lt;span style='color:#666'&gt;({start_n}–{end_n})&lt;/span&gt;{proposed_text}</translation>
    </message>
    <message>
      <source>&lt;br&gt;&lt;span style='color:#9a5b00'&gt;Proposed by the tool: {names} — Ctrl+K confirms, or edit below&lt;/span&gt;</source>
      <translation>&lt;br&gt;&lt;span style='color:#9a5b00'&gt;Foreslått av verktøyet: {names} — Ctrl+K bekrefter, eller rediger nedenfor&lt;/span&gt;</translation>
    </message>
    <message>
      <source>&lt;i&gt;No disagreement selected&lt;/i&gt;</source>
      <translation>&lt;i&gt;Ingen uenighet valgt&lt;/i&gt;</translation>
    </message>
    <message>
      <source>&lt;i&gt;not decided yet&lt;/i&gt;</source>
      <translation>&lt;i&gt;ikke avgjort ennå&lt;/i&gt;</translation>
    </message>
    <message>
      <source>&lt;i&gt;the end must come after the start&lt;/i&gt;</source>
      <translation>&lt;i&gt;slutten må komme etter starten&lt;/i&gt;</translation>
    </message>
    <message>
      <source>A   Accept all agreements in this document</source>
      <translation>A   Godta alle samsvar i dokumentet</translation>
    </message>
    <message>
      <source>A&amp;dd</source>
      <translation>Legg &amp;til</translation>
    </message>
    <message>
      <source>A&amp;djudicate disagreements…</source>
      <translation>&amp;Avgjør uenigheter…</translation>
    </message>
    <message>
      <source>A&amp;nnotators:</source>
      <translation>A&amp;nnotatører:</translation>
    </message>
    <message>
      <source>About annotator</source>
      <translation>Om annotator</translation>
    </message>
    <message>
      <source>Accept &amp;stance</source>
      <translation>Godta &amp;holdning</translation>
    </message>
    <message>
      <source>accept agreements (#{doc_n})</source>
      <translation>godta samsvar (#{doc_n})</translation>
    </message>
    <message>
      <source>Accept all &amp;DATE suggestions</source>
      <translation>Godta alle &amp;DATE-forslag</translation>
    </message>
    <message>
      <source>Accept all A&amp;CTOR suggestions</source>
      <translation>Godta alle A&amp;CTOR-forslag</translation>
    </message>
    <message>
      <source>Accept all agreements</source>
      <translation>Godta alle samsvar</translation>
    </message>
    <message>
      <source>Accept all DE&amp;MAND suggestions</source>
      <translation>Godta alle DE&amp;MAND-forslag</translation>
    </message>
    <message>
      <source>Accept all S&amp;OURCE suggestions</source>
      <translation>Godta alle S&amp;OURCE-forslag</translation>
    </message>
    <message>
      <source>Accept annotator {n}</source>
      <translation>Godta annotatør {n}</translation>
    </message>
    <message>
      <source>Accept into gold</source>
      <translation>Godta til gull</translation>
    </message>
    <message>
      <source>Accept suggested &amp;grade</source>
      <translation>Godta foreslått &amp;gradering</translation>
    </message>
    <message>
      <source>accept {n} agreed (#{doc_n})</source>
      <translation>godta {n} samstemte (#{doc_n})</translation>
    </message>
    <message>
      <source>Accepted {n} {layer} suggestion.</source>
      <translation>Godtok {n} {layer}-forslag.</translation>
    </message>
    <message>
      <source>Accepted {n} {layer} suggestions.</source>
      <translation>Godtok {n} {layer}-forslag.</translation>
    </message>
    <message>
      <source>ACTOR F1</source>
      <translation>ACTOR F1</translation>
    </message>
    <message>
      <source>Actor registry</source>
      <translation>Aktørregister</translation>
    </message>
    <message>
      <source>Add actor</source>
      <translation>Legg til aktør</translation>
    </message>
    <message>
      <source>add claim</source>
      <translation>legg til krav</translation>
    </message>
    <message>
      <source>Add or replace outlets from a CSV with the columns name, domains, signatures, grade (| between several)</source>
      <translation>Legg til eller erstatt medier fra en CSV med kolonnene name, domains, signatures, grade (| mellom flere)</translation>
    </message>
    <message>
      <source>Add the package files the annotators sent back.</source>
      <translation>Legg til pakkefilene annotatørene sendte tilbake.</translation>
    </message>
    <message>
      <source>Add the selected claim to its best suggested event</source>
      <translation>Legg det valgte kravet til den best foreslåtte hendelsen</translation>
    </message>
    <message>
      <source>Add the selected claim to the selected event</source>
      <translation>Legg det valgte kravet til den valgte hendelsen</translation>
    </message>
    <message>
      <source>Add the typed name as a new registry actor</source>
      <translation>Legg til det skrevne navnet som en ny aktør i registeret</translation>
    </message>
    <message>
      <source>Add the typed name to the actor registry (Ctrl+Return)</source>
      <translation>Legg til det skrevne navnet i aktørregisteret (Ctrl+Retur)</translation>
    </message>
    <message>
      <source>Add to s&amp;uggested</source>
      <translation>Legg til i &amp;foreslått</translation>
    </message>
    <message>
      <source>add {layer} span</source>
      <translation>legg til {layer}-spenn</translation>
    </message>
    <message>
      <source>Agreement — {name}</source>
      <translation>Samsvar — {name}</translation>
    </message>
    <message>
      <source>Aliases ({language})</source>
      <translation>Aliaser ({language})</translation>
    </message>
    <message>
      <source>All annotators</source>
      <translation>Alle annotatører</translation>
    </message>
    <message>
      <source>All imports</source>
      <translation>Alle importer</translation>
    </message>
    <message>
      <source>All kinds ({n})</source>
      <translation>Alle typer ({n})</translation>
    </message>
    <message>
      <source>Ambiguity</source>
      <translation>Tvetydighet</translation>
    </message>
    <message>
      <source>Annotation here is blind: every span, claim and status you record carries your name, and you see only your own work, never the other annotators', so that their agreement measures the codebook and not who copied whom. Reviewers compare the versions later and decide the gold version.</source>
      <translation>Annoteringen her er blind: hvert spenn, krav og status du registrerer, bærer navnet ditt, og du ser bare ditt eget arbeid, aldri de andre annotatørenes, slik at samsvaret mellom dem måler kodeboken og ikke hvem som har kopiert hvem. Gjennomgåere sammenligner versjonene senere og avgjør gullversjonen.</translation>
    </message>
    <message>
      <source>Annotator</source>
      <translation>Annotatør</translation>
    </message>
    <message>
      <source>annotator</source>
      <translation>annotator</translation>
    </message>
    <message>
      <source>Annotator error</source>
      <translation>Annotatørens feil</translation>
    </message>
    <message>
      <source>annotator {version}
Offline annotation of news articles.</source>
      <translation>annotator {version}
Annotering av nyhetsartikler uten nett.</translation>
    </message>
    <message>
      <source>Annotator:</source>
      <translation>Annotatør:</translation>
    </message>
    <message>
      <source>Annotator: {name}</source>
      <translation>Annotatør: {name}</translation>
    </message>
    <message>
      <source>Annotators: {names} · documents coded by all: {n} · alpha ≥ 0.8 is usually taken as reliable, ≥ 0.667 as enough for tentative conclusions</source>
      <translation>Annotatører: {names} · dokumenter kodet av alle: {n} · alfa ≥ 0,8 regnes vanligvis som pålitelig, ≥ 0,667 som nok for foreløpige konklusjoner</translation>
    </message>
    <message>
      <source>Another annotator's name, then Add</source>
      <translation>Navnet på en annotatør til, deretter Legg til</translation>
    </message>
    <message>
      <source>Any language</source>
      <translation>Alle språk</translation>
    </message>
    <message>
      <source>Any status</source>
      <translation>Alle statuser</translation>
    </message>
    <message>
      <source>Assign and write packages</source>
      <translation>Fordel og skriv pakker</translation>
    </message>
    <message>
      <source>Assigned</source>
      <translation>Tildelt</translation>
    </message>
    <message>
      <source>B&amp;rowse…</source>
      <translation>B&amp;la gjennom…</translation>
    </message>
    <message>
      <source>Backups of {name} (in {folder}):</source>
      <translation>Sikkerhetskopier av {name} (i {folder}):</translation>
    </message>
    <message>
      <source>Boilerplate</source>
      <translation>Sidestoff</translation>
    </message>
    <message>
      <source>Bootstrap</source>
      <translation>Bootstrap</translation>
    </message>
    <message>
      <source>Bootstrap samples for the 95% intervals (0: none)</source>
      <translation>Bootstrap-utvalg for 95 %-intervallene (0: ingen)</translation>
    </message>
    <message>
      <source>boundary-only difference</source>
      <translation>forskjell bare i grensene</translation>
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
      <translation>Avbryt beregningen (Esc)</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>avbrutt</translation>
    </message>
    <message>
      <source>Cancelled; nothing was written.</source>
      <translation>Avbrutt; ingenting ble skrevet.</translation>
    </message>
    <message>
      <source>Cancelled; the previous report (if any) is still shown.</source>
      <translation>Avbrutt; den forrige rapporten (om noen) vises fortsatt.</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Avbryter…</translation>
    </message>
    <message>
      <source>Cannot open {path}:
{reason}</source>
      <translation>Kan ikke åpne {path}:
{reason}</translation>
    </message>
    <message>
      <source>Cells starting with = + - @ get a leading apostrophe, so a spreadsheet program shows them as text instead of running them as formulas</source>
      <translation>Celler som begynner med = + - @ får en innledende apostrof, slik at et regnearkprogram viser dem som tekst i stedet for å kjøre dem som formler</translation>
    </message>
    <message>
      <source>Change &amp;annotator name…</source>
      <translation>Bytt &amp;annotatørnavn…</translation>
    </message>
    <message>
      <source>change claim {fields}</source>
      <translation>endre kravets {fields}</translation>
    </message>
    <message>
      <source>change {fields}</source>
      <translation>endre {fields}</translation>
    </message>
    <message>
      <source>Choose a backup.</source>
      <translation>Velg en sikkerhetskopi.</translation>
    </message>
    <message>
      <source>Choose a file for the new local project.</source>
      <translation>Velg en fil for det nye lokale prosjektet.</translation>
    </message>
    <message>
      <source>Choose a folder for the packages.</source>
      <translation>Velg en mappe for pakkene.</translation>
    </message>
    <message>
      <source>Choose the destination file</source>
      <translation type="vanished">Velg målfilen</translation>
    </message>
    <message>
      <source>Choose the destination {target}</source>
      <translation>Velg målet ({target})</translation>
    </message>
    <message>
      <source>Choose the new local project file</source>
      <translation>Velg den nye lokale prosjektfilen</translation>
    </message>
    <message>
      <source>Choose the output folder</source>
      <translation>Velg utdatamappen</translation>
    </message>
    <message>
      <source>Choose the package file</source>
      <translation>Velg pakkefilen</translation>
    </message>
    <message>
      <source>Choose the package file you received.</source>
      <translation>Velg pakkefilen du har fått.</translation>
    </message>
    <message>
      <source>Choose the return package file</source>
      <translation>Velg returpakkefilen</translation>
    </message>
    <message>
      <source>Choose where to write the export.</source>
      <translation>Velg hvor eksporten skal skrives.</translation>
    </message>
    <message>
      <source>Choose where to write the return package.</source>
      <translation>Velg hvor returpakken skal skrives.</translation>
    </message>
    <message>
      <source>Claim</source>
      <translation>Krav</translation>
    </message>
    <message>
      <source>claim coded by only some annotators</source>
      <translation>krav kodet av bare noen annotatører</translation>
    </message>
    <message>
      <source>Claim date modifier</source>
      <translation type="vanished">Modifikator for kravets dato</translation>
    </message>
    <message>
      <source>Claims</source>
      <translation>Krav</translation>
    </message>
    <message>
      <source>Clear the selection (article); close the find bar</source>
      <translation>Fjern markeringen (artikkelen); lukk søkefeltet</translation>
    </message>
    <message>
      <source>Close</source>
      <translation type="vanished">Lukk</translation>
    </message>
    <message>
      <source>Codebook as JSON (full domains)</source>
      <translation>Kodebok som JSON (fullstendige domener)</translation>
    </message>
    <message>
      <source>coded by {names} only</source>
      <translation>kodet bare av {names}</translation>
    </message>
    <message>
      <source>Coefficient</source>
      <translation>Koeffisient</translation>
    </message>
    <message>
      <source>Compute</source>
      <translation>Beregn</translation>
    </message>
    <message>
      <source>Compute the agreement report (F5)</source>
      <translation>Beregn samsvarsrapporten (F5)</translation>
    </message>
    <message>
      <source>Computing agreement…</source>
      <translation>Beregner samsvar…</translation>
    </message>
    <message>
      <source>Confirm</source>
      <translation>Bekreft</translation>
    </message>
    <message>
      <source>Confirm &amp;proposed values of the span</source>
      <translation>Bekreft spennets &amp;foreslåtte verdier</translation>
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
      <translation>Omfatter: «{text}»</translation>
    </message>
    <message>
      <source>Create an event from the selected claims</source>
      <translation>Opprett en hendelse av de valgte kravene</translation>
    </message>
    <message>
      <source>CSV tables: documents, spans, claims (PCA style)</source>
      <translation>CSV-tabeller: dokumenter, spenn, krav (PCA-stil)</translation>
    </message>
    <message>
      <source>D&amp;ocument</source>
      <translation>D&amp;okument</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Dato</translation>
    </message>
    <message>
      <source>DATE F1</source>
      <translation>DATE F1</translation>
    </message>
    <message>
      <source>Dates</source>
      <translation>Datoer</translation>
    </message>
    <message>
      <source>decision refused: {reason}</source>
      <translation>avgjørelsen ble avvist: {reason}</translation>
    </message>
    <message>
      <source>Default grade</source>
      <translation>Standardgradering</translation>
    </message>
    <message>
      <source>delete actor</source>
      <translation>slett aktør</translation>
    </message>
    <message>
      <source>Delete actor</source>
      <translation>Slett aktør</translation>
    </message>
    <message>
      <source>delete actor {name}</source>
      <translation>slett aktøren {name}</translation>
    </message>
    <message>
      <source>Delete claim</source>
      <translation>Slett krav</translation>
    </message>
    <message>
      <source>Delete the selected event</source>
      <translation>Slett den valgte hendelsen</translation>
    </message>
    <message>
      <source>Deleted {name}.</source>
      <translation>Slettet {name}.</translation>
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
      <translation>avledes fra navnet</translation>
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
      <translation>ulike attributtverdier</translation>
    </message>
    <message>
      <source>different claim attributes</source>
      <translation>ulike kravattributter</translation>
    </message>
    <message>
      <source>different date precision or modifier</source>
      <translation>ulik datopresisjon eller modifikator</translation>
    </message>
    <message>
      <source>different date value</source>
      <translation>ulik datoverdi</translation>
    </message>
    <message>
      <source>different document label</source>
      <translation>ulik dokumentetikett</translation>
    </message>
    <message>
      <source>different labels</source>
      <translation>ulike etiketter</translation>
    </message>
    <message>
      <source>different linked actor</source>
      <translation>ulik koblet aktør</translation>
    </message>
    <message>
      <source>different reliability grade</source>
      <translation>ulik pålitelighetsgrad</translation>
    </message>
    <message>
      <source>different span attributes</source>
      <translation>ulike spennattributter</translation>
    </message>
    <message>
      <source>Disagreement</source>
      <translation>Uenighet</translation>
    </message>
    <message>
      <source>Disagreements</source>
      <translation>Uenigheter</translation>
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
      <translation>Dokument (felles for alle annotatører)</translation>
    </message>
    <message>
      <source>Document fields</source>
      <translation>Dokumentfelt</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>Dokumenter</translation>
    </message>
    <message>
      <source>Documents:</source>
      <translation>Dokumenter:</translation>
    </message>
    <message>
      <source>Does</source>
      <translation>Gjør</translation>
    </message>
    <message>
      <source>Domains</source>
      <translation>Domener</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>Ferdig</translation>
    </message>
    <message>
      <source>done</source>
      <translation>ferdig</translation>
    </message>
    <message>
      <source>Draw boilerplate in the background colour (offsets stay; the text is still there)</source>
      <translation>Tegn sidestoff i bakgrunnsfargen (posisjonene består; teksten er der fortsatt)</translation>
    </message>
    <message>
      <source>E   Edit, then accept…</source>
      <translation>E   Rediger, godta deretter…</translation>
    </message>
    <message>
      <source>E&amp;vidence for a claim line</source>
      <translation>&amp;Belegg for en påstandslinje</translation>
    </message>
    <message>
      <source>E&amp;xport CSV…</source>
      <translation>E&amp;ksporter CSV…</translation>
    </message>
    <message>
      <source>E&amp;xport…</source>
      <translation>E&amp;ksporter…</translation>
    </message>
    <message>
      <source>e.g. layer:DATE precision:year — Return to search</source>
      <translation>f.eks. layer:DATE precision:year — Retur for å søke</translation>
    </message>
    <message>
      <source>e.g. Maria Lind or ML</source>
      <translation>f.eks. Maria Lind eller ML</translation>
    </message>
    <message>
      <source>edit</source>
      <translation>redigering</translation>
    </message>
    <message>
      <source>Edit actor</source>
      <translation>Rediger aktør</translation>
    </message>
    <message>
      <source>edit actor</source>
      <translation>rediger aktør</translation>
    </message>
    <message>
      <source>edit actor {name}</source>
      <translation>rediger aktøren {name}</translation>
    </message>
    <message>
      <source>Edit the gold version</source>
      <translation>Rediger gullversjonen</translation>
    </message>
    <message>
      <source>Edit the selected span's attributes (article)</source>
      <translation>Rediger attributtene til det valgte spennet (artikkelen)</translation>
    </message>
    <message>
      <source>Edit, then accept</source>
      <translation>Rediger, godta deretter</translation>
    </message>
    <message>
      <source>End</source>
      <translation>Slutt</translation>
    </message>
    <message>
      <source>Enter or double-click on an entry, a bar, a pair or a cell reviews the disagreements behind it.</source>
      <translation>Retur eller dobbeltklikk på en oppføring, en stolpe, et par eller en celle går gjennom uenighetene bak den.</translation>
    </message>
    <message>
      <source>Enter your name as reviewer first</source>
      <translation>Skriv først inn navnet ditt som gjennomgåer</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Hendelse</translation>
    </message>
    <message>
      <source>Event ledger: events, claims, event-article crosswalk (CSV+JSON)</source>
      <translation>Hendelsesregister: hendelser, krav, kobling hendelse–artikkel (CSV+JSON)</translation>
    </message>
    <message>
      <source>Events</source>
      <translation>Hendelser</translation>
    </message>
    <message>
      <source>Events (timeline)</source>
      <translation>Hendelser (tidslinje)</translation>
    </message>
    <message>
      <source>Events of every annotator (review)</source>
      <translation>Alle annotatørers hendelser (gjennomgang)</translation>
    </message>
    <message>
      <source>Every document is done.</source>
      <translation>Alle dokumenter er ferdige.</translation>
    </message>
    <message>
      <source>Every document is started: nothing left to rank.</source>
      <translation>Alle dokumenter er påbegynt: ingenting igjen å rangere.</translation>
    </message>
    <message>
      <source>Everything shown here is adjudicated</source>
      <translation>Alt som vises her, er avgjort</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Eksporter</translation>
    </message>
    <message>
      <source>Export actors</source>
      <translation>Eksporter aktører</translation>
    </message>
    <message>
      <source>Export actors to CSV</source>
      <translation>Eksporter aktører til CSV</translation>
    </message>
    <message>
      <source>Export CSV…</source>
      <translation>Eksporter CSV…</translation>
    </message>
    <message>
      <source>Export HTML…</source>
      <translation>Eksporter HTML…</translation>
    </message>
    <message>
      <source>Export native JSONL</source>
      <translation>Eksporter native JSONL</translation>
    </message>
    <message>
      <source>Export the agreement report</source>
      <translation>Eksporter samsvarsrapporten</translation>
    </message>
    <message>
      <source>Export the report as CSV</source>
      <translation>Eksporter rapporten som CSV</translation>
    </message>
    <message>
      <source>Export the report as HTML</source>
      <translation>Eksporter rapporten som HTML</translation>
    </message>
    <message>
      <source>Export {format}: name {what}</source>
      <translation>Eksporter {format}: gi navn til {what}</translation>
    </message>
    <message>
      <source>Exported {n} actor(s) to {file}.</source>
      <translation>Eksporterte {n} aktør(er) til {file}.</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Felt</translation>
    </message>
    <message>
      <source>Fields and claim type (accuracy)</source>
      <translation>Felt og kravtype (treffsikkerhet)</translation>
    </message>
    <message>
      <source>Fields: layer, text, actor, claimant, addressee, object, event, reliability, credibility, status, title, outlet, language, published, doc, has, and every span attribute and document field of the codebook. Combine with OR, NOT or -, and parentheses.</source>
      <translation>Felt: layer, text, actor, claimant, addressee, object, event, reliability, credibility, status, title, outlet, language, published, doc, has og alle spennattributter og dokumentfelt i kodeboken. Kombiner med OR, NOT eller - og parenteser.</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Fil</translation>
    </message>
    <message>
      <source>Filter by name, alias, QID, country…</source>
      <translation>Filtrer på navn, alias, QID, land…</translation>
    </message>
    <message>
      <source>Find &amp;annotations…</source>
      <translation>Søk i &amp;annoteringer…</translation>
    </message>
    <message>
      <source>Find annotations</source>
      <translation>Søk i annoteringer</translation>
    </message>
    <message>
      <source>Find in article (Return: next, Shift+Return: previous)</source>
      <translation>Søk i artikkelen (Retur: neste, Skift+Retur: forrige)</translation>
    </message>
    <message>
      <source>Find next / previous (find bar)</source>
      <translation>Søk neste / forrige (søkefeltet)</translation>
    </message>
    <message>
      <source>Find the disagreements again (F5)</source>
      <translation>Finn uenighetene på nytt (F5)</translation>
    </message>
    <message>
      <source>Find:</source>
      <translation>Søk:</translation>
    </message>
    <message>
      <source>Finding disagreements…</source>
      <translation>Finner uenigheter…</translation>
    </message>
    <message>
      <source>Finding disagreements… {done_n} of {total_n} documents</source>
      <translation>Finner uenigheter… {done_n} av {total_n} dokumenter</translation>
    </message>
    <message>
      <source>Folder for the packages</source>
      <translation>Mappe for pakkene</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>Form</translation>
    </message>
    <message>
      <source>Go to &amp;article</source>
      <translation>Gå til &amp;artikkelen</translation>
    </message>
    <message>
      <source>Go to &amp;claims</source>
      <translation>Gå til &amp;kravene</translation>
    </message>
    <message>
      <source>Go to &amp;document fields</source>
      <translation>Gå til &amp;dokumentfeltene</translation>
    </message>
    <message>
      <source>Go to &amp;span attributes</source>
      <translation>Gå til &amp;spennattributtene</translation>
    </message>
    <message>
      <source>Go to document &amp;list</source>
      <translation>Gå til dokument&amp;listen</translation>
    </message>
    <message>
      <source>gold</source>
      <translation>gull</translation>
    </message>
    <message>
      <source>Gold (adjudicated) only</source>
      <translation>Bare gull (avgjort)</translation>
    </message>
    <message>
      <source>Gold, else the chosen annotator</source>
      <translation>Gull, ellers den valgte annotatøren</translation>
    </message>
    <message>
      <source>Grade</source>
      <translation>Gradering</translation>
    </message>
    <message>
      <source>Guideline</source>
      <translation>Retningslinje</translation>
    </message>
    <message>
      <source>Guideline gap</source>
      <translation>Hull i retningslinjene</translation>
    </message>
    <message>
      <source>Guideline — {title}</source>
      <translation>Retningslinje — {title}</translation>
    </message>
    <message>
      <source>Held out</source>
      <translation>Holdt utenfor</translation>
    </message>
    <message>
      <source>Hide below confidence</source>
      <translation>Skjul under sikkerhet</translation>
    </message>
    <message>
      <source>Hide boilerplate</source>
      <translation>Skjul sidestoff</translation>
    </message>
    <message>
      <source>Hugging Face datasets (save_to_disk)  [needs hf]</source>
      <translation>Hugging Face datasets (save_to_disk)  [krever hf]</translation>
    </message>
    <message>
      <source>Import &amp;batch:</source>
      <translation>Import&amp;runde:</translation>
    </message>
    <message>
      <source>Import &amp;folder…</source>
      <translation>Importer &amp;mappe…</translation>
    </message>
    <message>
      <source>Import a folder of articles</source>
      <translation>Importer en mappe med artikler</translation>
    </message>
    <message>
      <source>Import actors</source>
      <translation>Importer aktører</translation>
    </message>
    <message>
      <source>Import actors from CSV</source>
      <translation>Importer aktører fra CSV</translation>
    </message>
    <message>
      <source>Import articles</source>
      <translation>Importer artikler</translation>
    </message>
    <message>
      <source>Import CSV…</source>
      <translation>Importer CSV…</translation>
    </message>
    <message>
      <source>Import outlets</source>
      <translation>Importer medier</translation>
    </message>
    <message>
      <source>Import report</source>
      <translation>Importrapport</translation>
    </message>
    <message>
      <source>Imported documents of a listed outlet carry its name; its grade is proposed as the outlet reliability on an annotator's first edit of the document.</source>
      <translation>Importerte dokumenter fra et listet medium får navnet; graderingen foreslås som mediets pålitelighet når en annotatør først redigerer dokumentet.</translation>
    </message>
    <message>
      <source>Imported {n} new actor(s) from {file}.</source>
      <translation>Importerte {n} ny(e) aktør(er) fra {file}.</translation>
    </message>
    <message>
      <source>Imported {n} outlet from {name}.</source>
      <translation>Importerte {n} medium fra {name}.</translation>
    </message>
    <message>
      <source>Imported {n} outlets from {name}.</source>
      <translation>Importerte {n} medier fra {name}.</translation>
    </message>
    <message>
      <source>In context</source>
      <translation>I sammenheng</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>Pågår</translation>
    </message>
    <message>
      <source>ISO date of publication (YYYY-MM-DD); relative dates in the article resolve against it</source>
      <translation>Publiseringsdato etter ISO (ÅÅÅÅ-MM-DD); relative datoer i artikkelen tolkes ut fra den</translation>
    </message>
    <message>
      <source>Keep the values the tool proposed (Ctrl+K); editing a value also makes it yours</source>
      <translation>Behold verdiene verktøyet foreslo (Ctrl+K); å redigere en verdi gjør den også til din</translation>
    </message>
    <message>
      <source>Keep {name} ({key})</source>
      <translation>Behold {name} ({key})</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Hurtigtaster</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Taster</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Label Studio JSON tasks</source>
      <translation>Label Studio JSON-oppgaver</translation>
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
      <translation>Sist slått sammen</translation>
    </message>
    <message>
      <source>Layer</source>
      <translation>Lag</translation>
    </message>
    <message>
      <source>Learned suggester: quality on held-out documents, by model version</source>
      <translation>Lærte forslag: kvalitet på dokumenter holdt utenfor, per modellversjon</translation>
    </message>
    <message>
      <source>Learned suggestions</source>
      <translation>Lærte forslag</translation>
    </message>
    <message>
      <source>linked to different registry actors</source>
      <translation>koblet til ulike aktører i registeret</translation>
    </message>
    <message>
      <source>List the article's actors, then the registry</source>
      <translation>Vis artikkelens aktører, deretter registeret</translation>
    </message>
    <message>
      <source>Looking for a learned model…</source>
      <translation>Ser etter en lært modell…</translation>
    </message>
    <message>
      <source>Made &amp;for:</source>
      <translation>Laget &amp;for:</translation>
    </message>
    <message>
      <source>Mark &amp;done and go to next unfinished</source>
      <translation>Merk som &amp;ferdig og gå til neste uferdige</translation>
    </message>
    <message>
      <source>Mark &amp;in progress again</source>
      <translation>Merk som &amp;pågående igjen</translation>
    </message>
    <message>
      <source>mark done</source>
      <translation>merk som ferdig</translation>
    </message>
    <message>
      <source>Mark selection as article text</source>
      <translation>Merk utvalget som artikkeltekst</translation>
    </message>
    <message>
      <source>Mark the selected text as {layer} (no text selected: move the selected span to that layer)</source>
      <translation>Merk den valgte teksten som {layer} (ingen tekst valgt: flytt det valgte spennet til det laget)</translation>
    </message>
    <message>
      <source>Mark the selection as site chrome (greyed out, left out of suggestions, exports and agreement); the arrow: mark as article text, or hide boilerplate</source>
      <translation>Merk utvalget som sidestoff (grått, utelatt fra forslag, eksporter og samsvar); pilen: merk som artikkeltekst eller skjul sidestoff</translation>
    </message>
    <message>
      <source>Mark the selection as {layer} ({key})
{description}</source>
      <translation>Merk utvalget som {layer} ({key})
{description}</translation>
    </message>
    <message>
      <source>mark {status}</source>
      <translation>merk {status}</translation>
    </message>
    <message>
      <source>marked by {names} only</source>
      <translation>merket bare av {names}</translation>
    </message>
    <message>
      <source>Match rate</source>
      <translation>Treffandel</translation>
    </message>
    <message>
      <source>Me</source>
      <translation>Meg</translation>
    </message>
    <message>
      <source>Me ({name})</source>
      <translation>Meg ({name})</translation>
    </message>
    <message>
      <source>merge actors</source>
      <translation>slå sammen aktører</translation>
    </message>
    <message>
      <source>Merge actors</source>
      <translation>Slå sammen aktører</translation>
    </message>
    <message>
      <source>Merge returned packages</source>
      <translation>Slå sammen returnerte pakker</translation>
    </message>
    <message>
      <source>Merge the selected events</source>
      <translation>Slå sammen de valgte hendelsene</translation>
    </message>
    <message>
      <source>Merge two actors</source>
      <translation>Slå sammen to aktører</translation>
    </message>
    <message>
      <source>merge {dropped} into {kept}</source>
      <translation>slå sammen {dropped} med {kept}</translation>
    </message>
    <message>
      <source>Merged {dropped} into {kept}.</source>
      <translation>Slo sammen {dropped} med {kept}.</translation>
    </message>
    <message>
      <source>Merged {merged_n} of {total_n} package(s).</source>
      <translation>Slo sammen {merged_n} av {total_n} pakke(r).</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>Modell</translation>
    </message>
    <message>
      <source>Modifier: start, middle, end of the period, about, before …</source>
      <translation>Modifikator: begynnelsen, midten, slutten av perioden, omtrent, før …</translation>
    </message>
    <message>
      <source>Move between fields</source>
      <translation>Flytt mellom feltene</translation>
    </message>
    <message>
      <source>Move the selected reports to a new event</source>
      <translation>Flytt de valgte rapportene til en ny hendelse</translation>
    </message>
    <message>
      <source>Move the selected span's end by a character (Shift: by a word)</source>
      <translation>Flytt slutten av det valgte spennet ett tegn (Skift: ett ord)</translation>
    </message>
    <message>
      <source>Move the selected span's start by a character (Shift: by a word)</source>
      <translation>Flytt starten av det valgte spennet ett tegn (Skift: ett ord)</translation>
    </message>
    <message>
      <source>Move the selected span's start or end with the mouse</source>
      <translation>Flytt starten eller slutten av det valgte spennet med musen</translation>
    </message>
    <message>
      <source>My coding</source>
      <translation>Min koding</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Navn</translation>
    </message>
    <message>
      <source>Native JSONL (lossless, importable)</source>
      <translation>Native JSONL (tapsfri, kan importeres)</translation>
    </message>
    <message>
      <source>New &amp;claim</source>
      <translation>Nytt &amp;krav</translation>
    </message>
    <message>
      <source>new actor {name}</source>
      <translation>ny aktør {name}</translation>
    </message>
    <message>
      <source>New claim</source>
      <translation>Nytt krav</translation>
    </message>
    <message>
      <source>New local project</source>
      <translation>Nytt lokalt prosjekt</translation>
    </message>
    <message>
      <source>New project</source>
      <translation>Nytt prosjekt</translation>
    </message>
    <message>
      <source>newly finished documents</source>
      <translation>nylig ferdige dokumenter</translation>
    </message>
    <message>
      <source>New…</source>
      <translation>Ny…</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>Neste</translation>
    </message>
    <message>
      <source>Next &amp;unfinished document</source>
      <translation>Neste &amp;uferdige dokument</translation>
    </message>
    <message>
      <source>Next unfinished: the one the model is least sure of</source>
      <translation>Neste uferdige: det modellen er minst sikker på</translation>
    </message>
    <message>
      <source>No backups yet in {folder}.</source>
      <translation>Ingen sikkerhetskopier ennå i {folder}.</translation>
    </message>
    <message>
      <source>no date</source>
      <translation>ingen dato</translation>
    </message>
    <message>
      <source>No disagreements behind “{field}”.</source>
      <translation>Ingen uenigheter bak «{field}».</translation>
    </message>
    <message>
      <source>No document</source>
      <translation>Ingen dokument</translation>
    </message>
    <message>
      <source>No document of this project has a claim line to check.</source>
      <translation>Ingen dokumenter i prosjektet har en påstandslinje å kontrollere.</translation>
    </message>
    <message>
      <source>No document. Open a project with File › Open, or start one with File › New project and File › Import.</source>
      <translation>Ingen dokumenter. Åpne et prosjekt med Fil › Åpne, eller start et med Fil › Nytt prosjekt og Fil › Importer.</translation>
    </message>
    <message>
      <source>No documents are assigned yet: Team › Assign and write packages…</source>
      <translation>Ingen dokumenter er tildelt ennå: Team › Fordel og skriv pakker…</translation>
    </message>
    <message>
      <source>No event is suggested for this claim; create one instead.</source>
      <translation>Ingen hendelse foreslås for kravet; opprett en i stedet.</translation>
    </message>
    <message>
      <source>No event suggested for this claim.</source>
      <translation>Ingen hendelse foreslått for kravet.</translation>
    </message>
    <message>
      <source>no learned model for this project yet (looked in {path}); train one with `annotator train PROJECT` or Assist &gt; Train suggestions from finished documents - the registry and date suggestions work meanwhile</source>
      <translation>ingen lært modell for prosjektet ennå (så i {path}); tren en med `annotator train PROJECT` eller Assistanse &gt; Tren forslag på ferdige dokumenter – registerets og datoreglenes forslag virker i mellomtiden</translation>
    </message>
    <message>
      <source>No learned model yet: Assist › Train suggestions from finished documents.</source>
      <translation>Ingen lært modell ennå: Assistanse › Tren forslag på ferdige dokumenter.</translation>
    </message>
    <message>
      <source>No project open — File › New project or File › Open</source>
      <translation>Ingen prosjekter åpne — Fil › Nytt prosjekt eller Fil › Åpne</translation>
    </message>
    <message>
      <source>No project open.</source>
      <translation>Ingen prosjekter åpne.</translation>
    </message>
    <message>
      <source>No suggestion selected: F8 goes to the next one.</source>
      <translation>Ingen forslag valgt: F8 går til neste.</translation>
    </message>
    <message>
      <source>No suggestions here.</source>
      <translation>Ingen forslag her.</translation>
    </message>
    <message>
      <source>No {layer} suggestions to accept.</source>
      <translation>Ingen {layer}-forslag å godta.</translation>
    </message>
    <message>
      <source>Not a usable package: {reason}</source>
      <translation>Ikke en brukbar pakke: {reason}</translation>
    </message>
    <message>
      <source>not annotated</source>
      <translation>ikke annotert</translation>
    </message>
    <message>
      <source>Not deleted: {reason}</source>
      <translation>Ikke slettet: {reason}</translation>
    </message>
    <message>
      <source>Not exported: {reason}</source>
      <translation>Ikke eksportert: {reason}</translation>
    </message>
    <message>
      <source>not found</source>
      <translation>ikke funnet</translation>
    </message>
    <message>
      <source>Not imported: {reasons}.</source>
      <translation>Ikke importert: {reasons}.</translation>
    </message>
    <message>
      <source>Not started</source>
      <translation>Ikke påbegynt</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Merknad</translation>
    </message>
    <message>
      <source>OK</source>
      <translation type="vanished">OK</translation>
    </message>
    <message>
      <source>One annotator</source>
      <translation>Én annotatør</translation>
    </message>
    <message>
      <source>Only what is &amp;already assigned to them</source>
      <translation>Bare det som &amp;allerede er tildelt dem</translation>
    </message>
    <message>
      <source>Open &amp;recent</source>
      <translation>Åpne &amp;nylige</translation>
    </message>
    <message>
      <source>Open a project (File › Open) to start annotating.</source>
      <translation>Åpne et prosjekt (Fil › Åpne) for å begynne å annotere.</translation>
    </message>
    <message>
      <source>Open a project first.</source>
      <translation>Åpne et prosjekt først.</translation>
    </message>
    <message>
      <source>Open a project to read its guideline.</source>
      <translation>Åpne et prosjekt for å lese retningslinjene.</translation>
    </message>
    <message>
      <source>Open annotator &amp;package…</source>
      <translation>Åpne annotatør&amp;pakke…</translation>
    </message>
    <message>
      <source>Open annotator package</source>
      <translation>Åpne annotatørpakke</translation>
    </message>
    <message>
      <source>Open project</source>
      <translation>Åpne prosjekt</translation>
    </message>
    <message>
      <source>Open the bundled sample project as anna, one of its three annotators, to see coded articles; your own name is asked again next time</source>
      <translation>Åpne det medfølgende eksempelprosjektet som anna, en av de tre annotatørene, for å se kodede artikler; ditt eget navn blir spurt om igjen neste gang</translation>
    </message>
    <message>
      <source>Opened read-only: {reason}. Edits cannot be saved.</source>
      <translation>Åpnet skrivebeskyttet: {reason}. Endringer kan ikke lagres.</translation>
    </message>
    <message>
      <source>Opened {file}: annotating as {name}. File › Write return package… when you are done.</source>
      <translation>Åpnet {file}: annoterer som {name}. Fil › Skriv returpakke… når du er ferdig.</translation>
    </message>
    <message>
      <source>optional note, kept with the decision</source>
      <translation>valgfri merknad, lagres med avgjørelsen</translation>
    </message>
    <message>
      <source>Other aliases</source>
      <translation>Andre aliaser</translation>
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
      <translation>Medieliste</translation>
    </message>
    <message>
      <source>Output &amp;folder:</source>
      <translation>Utdata&amp;mappe:</translation>
    </message>
    <message>
      <source>Package</source>
      <translation>Pakke</translation>
    </message>
    <message>
      <source>Packages sent</source>
      <translation>Sendte pakker</translation>
    </message>
    <message>
      <source>Parquet tables: documents, spans, claims  [needs parquet]</source>
      <translation>Parquet-tabeller: dokumenter, spenn, krav  [krever parquet]</translation>
    </message>
    <message>
      <source>Passage</source>
      <translation>Avsnitt</translation>
    </message>
    <message>
      <source>Passages elsewhere on this claim</source>
      <translation>Avsnitt andre steder om dette kravet</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>Sted</translation>
    </message>
    <message>
      <source>Progress</source>
      <translation>Fremdrift</translation>
    </message>
    <message>
      <source>Progress dashboard</source>
      <translation>Fremdriftsoversikt</translation>
    </message>
    <message>
      <source>Proposed by the learned model</source>
      <translation>Foreslått av den lærte modellen</translation>
    </message>
    <message>
      <source>Publication date</source>
      <translation>Publiseringsdato</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Publisert</translation>
    </message>
    <message>
      <source>QID</source>
      <translation>QID</translation>
    </message>
    <message>
      <source>R   Reject (nothing into gold)</source>
      <translation>R   Avvis (ingenting til gull)</translation>
    </message>
    <message>
      <source>Re-detect &amp;title, date, outlet and boilerplate</source>
      <translation>Finn &amp;tittel, dato, medium og sidestoff på nytt</translation>
    </message>
    <message>
      <source>Re-detected: {details}</source>
      <translation>Funnet på nytt: {details}</translation>
    </message>
    <message>
      <source>Re-detection: nothing would change</source>
      <translation>Ny gjenkjenning: ingenting ville endres</translation>
    </message>
    <message>
      <source>Read-only</source>
      <translation>Skrivebeskyttet</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>Begrunnelse</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Gjør om</translation>
    </message>
    <message>
      <source>REFI-QDA project (.qdpx) for QualCoder, MAXQDA, ATLAS.ti, NVivo</source>
      <translation>REFI-QDA-prosjekt (.qdpx) for QualCoder, MAXQDA, ATLAS.ti, NVivo</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>Avvis</translation>
    </message>
    <message>
      <source>Reliability matrices, units x coders (CSV)</source>
      <translation>Reliabilitetsmatriser, enheter x kodere (CSV)</translation>
    </message>
    <message>
      <source>Reload</source>
      <translation>Last inn på nytt</translation>
    </message>
    <message>
      <source>remove claim</source>
      <translation>fjern krav</translation>
    </message>
    <message>
      <source>Remove span</source>
      <translation>Fjern spenn</translation>
    </message>
    <message>
      <source>remove span</source>
      <translation>fjern spenn</translation>
    </message>
    <message>
      <source>Remove the selected span (article, span list)</source>
      <translation>Fjern det valgte spennet (artikkelen, spennlisten)</translation>
    </message>
    <message>
      <source>Remove the selected span (Delete in the text)</source>
      <translation>Fjern det valgte spennet (Delete i teksten)</translation>
    </message>
    <message>
      <source>Replace the content of {name} with the backup taken {when} ({why})?

The current content is backed up first.</source>
      <translation>Erstatte innholdet i {name} med sikkerhetskopien fra {when} ({why})?

Det nåværende innholdet sikkerhetskopieres først.</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>Rapporter</translation>
    </message>
    <message>
      <source>Restore from &amp;backup…</source>
      <translation>Gjenopprett fra &amp;sikkerhetskopi…</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>Gjenopprett fra sikkerhetskopi</translation>
    </message>
    <message>
      <source>Restored from {chosen}; the replaced content is kept as {saved}.</source>
      <translation>Gjenopprettet fra {chosen}; det erstattede innholdet er tatt vare på som {saved}.</translation>
    </message>
    <message>
      <source>Restored {name} from {chosen}; the damaged file is kept as {saved}.</source>
      <translation>Gjenopprettet {name} fra {chosen}; den skadde filen er tatt vare på som {saved}.</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Resultat</translation>
    </message>
    <message>
      <source>Retrain after</source>
      <translation>Tren på nytt etter</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>Returnert</translation>
    </message>
    <message>
      <source>Returned packages</source>
      <translation>Returnerte pakker</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>Gjennomgang</translation>
    </message>
    <message>
      <source>Review disagreements — {name}</source>
      <translation>Gå gjennom uenigheter — {name}</translation>
    </message>
    <message>
      <source>Reviewer</source>
      <translation>Gjennomgåer</translation>
    </message>
    <message>
      <source>S&amp;eed:</source>
      <translation>Fr&amp;ø:</translation>
    </message>
    <message>
      <source>S&amp;tatus:</source>
      <translation>S&amp;tatus:</translation>
    </message>
    <message>
      <source>same value, different precision or modifier</source>
      <translation>samme verdi, ulik presisjon eller modifikator</translation>
    </message>
    <message>
      <source>Save the event's label and place</source>
      <translation>Lagre hendelsens navn og sted</translation>
    </message>
    <message>
      <source>Saved {name}.</source>
      <translation>Lagret {name}.</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Poeng</translation>
    </message>
    <message>
      <source>Search all articles…</source>
      <translation>Søk i alle artikler…</translation>
    </message>
    <message>
      <source>Sector</source>
      <translation>Sektor</translation>
    </message>
    <message>
      <source>Select a span in the text or in the list above.</source>
      <translation>Velg et spenn i teksten eller i listen over.</translation>
    </message>
    <message>
      <source>Select exactly two actors to merge.</source>
      <translation>Velg nøyaktig to aktører å slå sammen.</translation>
    </message>
    <message>
      <source>Select one event to see its reports.</source>
      <translation>Velg én hendelse for å se rapportene om den.</translation>
    </message>
    <message>
      <source>Select text in the article</source>
      <translation>Merk tekst i artikkelen</translation>
    </message>
    <message>
      <source>Set the selected report's grade to the suggested one</source>
      <translation>Sett den valgte rapportens gradering til den foreslåtte</translation>
    </message>
    <message>
      <source>set {field}</source>
      <translation>angi {field}</translation>
    </message>
    <message>
      <source>Sev.</source>
      <translation>Alv.</translation>
    </message>
    <message>
      <source>Show all</source>
      <translation>Vis alle</translation>
    </message>
    <message>
      <source>Show decided</source>
      <translation>Vis avgjorte</translation>
    </message>
    <message>
      <source>Show the learned model's suggestions</source>
      <translation>Vis den lærte modellens forslag</translation>
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
      <translation>Celler trygge for &amp;regneark (CSV)</translation>
    </message>
    <message>
      <source>spaCy DocBin (.spacy)  [needs spacy]</source>
      <translation>spaCy DocBin (.spacy)  [krever spacy]</translation>
    </message>
    <message>
      <source>Span attributes</source>
      <translation>Spennattributter</translation>
    </message>
    <message>
      <source>span marked by only some annotators</source>
      <translation>spenn merket av bare noen annotatører</translation>
    </message>
    <message>
      <source>Spans</source>
      <translation>Spenn</translation>
    </message>
    <message>
      <source>Stance is only coded for documents with a claim line.</source>
      <translation>Holdning kodes bare for dokumenter med en påstandslinje.</translation>
    </message>
    <message>
      <source>Stance toward the claim: only for documents that start with a claim line</source>
      <translation type="vanished">Holdning til påstanden: bare for dokumenter som begynner med en påstandslinje</translation>
    </message>
    <message>
      <source>Start</source>
      <translation>Start</translation>
    </message>
    <message>
      <source>Start a new demand frame (Ctrl+Shift+N)</source>
      <translation>Start en ny kravramme (Ctrl+Skift+N)</translation>
    </message>
    <message>
      <source>Start annotating</source>
      <translation>Begynn å annotere</translation>
    </message>
    <message>
      <source>Start from</source>
      <translation>Ta utgangspunkt i</translation>
    </message>
    <message>
      <source>Suggested</source>
      <translation>Foreslått</translation>
    </message>
    <message>
      <source>Suggestion {index_n} of {total_n}: {preview} — Return accepts, Delete rejects</source>
      <translation>Forslag {index_n} av {total_n}: {preview} — Retur godtar, Delete avviser</translation>
    </message>
    <message>
      <source>Suggestions are off: Assist › Show suggestions.</source>
      <translation>Forslagene er slått av: Assistanse › Vis forslag.</translation>
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
      <translation>T&amp;ype:</translation>
    </message>
    <message>
      <source>Take &amp;out</source>
      <translation>&amp;Ta ut</translation>
    </message>
    <message>
      <source>Take the selected reports out of the event</source>
      <translation>Ta de valgte rapportene ut av hendelsen</translation>
    </message>
    <message>
      <source>Taken</source>
      <translation>Tatt</translation>
    </message>
    <message>
      <source>The codebook has no {layer} layer.</source>
      <translation>Kodeboken har ikke noe {layer}-lag.</translation>
    </message>
    <message>
      <source>The current content is backed up before it is replaced, so a restore can itself be undone.</source>
      <translation>Det nåværende innholdet sikkerhetskopieres før det erstattes, slik at en gjenoppretting selv kan angres.</translation>
    </message>
    <message>
      <source>The other actor's names become aliases of the kept one, and every mention and claim pointing to it moves to the kept one.</source>
      <translation>Den andre aktørens navn blir aliaser for den som beholdes, og hver omtale og hvert krav som peker på den, flyttes til den som beholdes.</translation>
    </message>
    <message>
      <source>The restore failed: {reason}</source>
      <translation>Gjenopprettingen mislyktes: {reason}</translation>
    </message>
    <message>
      <source>The whole workflow works from the keyboard.</source>
      <translation>Hele arbeidsflyten fungerer fra tastaturet.</translation>
    </message>
    <message>
      <source>Tick at least one annotator (or add one).</source>
      <translation>Kryss av minst én annotatør (eller legg til en).</translation>
    </message>
    <message>
      <source>Tick or untick a demand span</source>
      <translation>Kryss av eller fjern krysset for et kravspenn</translation>
    </message>
    <message>
      <source>Tick the DEMAND spans of this article that belong here (Space toggles)</source>
      <translation>Kryss av artikkelens DEMAND-spenn som hører hit (Mellomrom veksler)</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Tittel</translation>
    </message>
    <message>
      <source>Trained</source>
      <translation>Trent</translation>
    </message>
    <message>
      <source>Try the sample as anna</source>
      <translation>Prøv eksempelet som anna</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>type a name or alias (↓ lists the article's actors)</source>
      <translation>skriv et navn eller alias (↓ viser artikkelens aktører)</translation>
    </message>
    <message>
      <source>Type a query, e.g. layer:DEMAND claimant:putin</source>
      <translation>Skriv en spørring, f.eks. layer:DEMAND claimant:putin</translation>
    </message>
    <message>
      <source>Type the new actor's name first</source>
      <translation>Skriv først navnet på den nye aktøren</translation>
    </message>
    <message>
      <source>UIMA CAS XMI for INCEpTION / WebAnno (with TypeSystem.xml)  [needs xmi]</source>
      <translation>UIMA CAS XMI for INCEpTION / WebAnno (med TypeSystem.xml)  [krever xmi]</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Angre</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>Enheter</translation>
    </message>
    <message>
      <source>Use</source>
      <translation>Bruk</translation>
    </message>
    <message>
      <source>Use 1-64 letters, digits, spaces or . @ ' -</source>
      <translation>Bruk 1–64 bokstaver, sifre, mellomrom eller . @ ' -</translation>
    </message>
    <message>
      <source>Use 1-64 letters, digits, spaces or . @ ' - :</source>
      <translation>Bruk 1–64 bokstaver, sifre, mellomrom eller . @ ' - :</translation>
    </message>
    <message>
      <source>Use 1-64 letters, digits, spaces or . @ ' - for a name (not “gold”).</source>
      <translation>Bruk 1–64 bokstaver, sifre, mellomrom eller . @ ' - i et navn (ikke «gold»).</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>Verdi</translation>
    </message>
    <message>
      <source>Vs. first</source>
      <translation>Mot første</translation>
    </message>
    <message>
      <source>Welcome to annotator</source>
      <translation>Velkommen til annotator</translation>
    </message>
    <message>
      <source>Whose progress the status column and filter show</source>
      <translation>Hvem sin fremdrift statuskolonnen og filteret viser</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Hvorfor</translation>
    </message>
    <message>
      <source>Write &amp;predictions instead of annotations (Label Studio)</source>
      <translation>Skriv &amp;prediksjoner i stedet for annoteringer (Label Studio)</translation>
    </message>
    <message>
      <source>Write return package</source>
      <translation>Skriv returpakke</translation>
    </message>
    <message>
      <source>Wrote {n} annotator package(s).</source>
      <translation>Skrev {n} annotatørpakke(r).</translation>
    </message>
    <message>
      <source>Your claims in no event</source>
      <translation>Dine krav uten hendelse</translation>
    </message>
    <message>
      <source>your name (recorded with each decision)</source>
      <translation>navnet ditt (registreres med hver avgjørelse)</translation>
    </message>
    <message>
      <source>Your name or initials (every annotation carries it; you see only your own annotations):</source>
      <translation>Navnet eller initialene dine (hver annotering bærer dem; du ser bare dine egne annoteringer):</translation>
    </message>
    <message>
      <source>Your name or initials:</source>
      <translation>Navnet eller initialene dine:</translation>
    </message>
    <message>
      <source>Zoom &amp;in</source>
      <translation>Zoom &amp;inn</translation>
    </message>
    <message>
      <source>Zoom &amp;out</source>
      <translation>Zoom &amp;ut</translation>
    </message>
    <message>
      <source>{count} documents for {owner}.</source>
      <translation>{count} dokumenter for {owner}.</translation>
    </message>
    <message>
      <source>{dest} exists. Replace it when the export is finished?</source>
      <translation>{dest} finnes allerede. Erstatte den når eksporten er ferdig?</translation>
    </message>
    <message>
      <source>{done_n} of {total_n} adjudicated</source>
      <translation>{done_n} av {total_n} avgjort</translation>
    </message>
    <message>
      <source>{done_n} of {total_n} documents done by {name}</source>
      <translation>{done_n} av {total_n} dokumenter ferdige av {name}</translation>
    </message>
    <message>
      <source>{done_n} of {total_n} done</source>
      <translation>{done_n} av {total_n} ferdige</translation>
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
      <translation>{label} – modifikator</translation>
    </message>
    <message>
      <source>{label}: only for documents that start with a claim line</source>
      <translation>{label}: bare for dokumenter som begynner med en påstandslinje</translation>
    </message>
    <message>
      <source>{layer} “{text}” → {target}</source>
      <translation>{layer} «{text}» → {target}</translation>
    </message>
    <message>
      <source>{name} [read-only] — annotator</source>
      <translation>{name} [skrivebeskyttet] — annotator</translation>
    </message>
    <message>
      <source>{name} is damaged and cannot be opened ({reason}).

{offer}.</source>
      <translation>{name} er skadet og kan ikke åpnes ({reason}).

{offer}.</translation>
    </message>
    <message>
      <source>{name} is damaged and cannot be opened:
{reason}

The latest good backup was taken {when} ({why}).
Restore it and open the project? The damaged file is kept in {folder}.</source>
      <translation>{name} er skadet og kan ikke åpnes:
{reason}

Den siste feilfrie sikkerhetskopien ble tatt {when} ({why}).
Gjenopprette den og åpne prosjektet? Den skadde filen er tatt vare på i {folder}.</translation>
    </message>
    <message>
      <source>{name} was not opened from a package, so there is nothing to return.</source>
      <translation>{name} ble ikke åpnet fra en pakke, så det er ingenting å returnere.</translation>
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
      <translation>{n} aktør</translation>
    </message>
    <message>
      <source>{n} actors</source>
      <translation>{n} aktører</translation>
    </message>
    <message>
      <source>{n} agreed item(s) of document #{doc_n} accepted into gold</source>
      <translation>{n} samstemte element i dokument #{doc_n} godtatt til gull</translation>
    </message>
    <message>
      <source>{n} already present</source>
      <translation>{n} fantes fra før</translation>
    </message>
    <message>
      <source>{n} annotations</source>
      <translation>{n} annoteringer</translation>
    </message>
    <message>
      <source>{n} disagreements</source>
      <translation>{n} uenigheter</translation>
    </message>
    <message>
      <source>{n} document</source>
      <translation>{n} dokument</translation>
    </message>
    <message>
      <source>{n} document imported</source>
      <translation>{n} dokument importert</translation>
    </message>
    <message>
      <source>{n} documents</source>
      <translation>{n} dokumenter</translation>
    </message>
    <message>
      <source>{n} documents imported</source>
      <translation>{n} dokumenter importert</translation>
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
      <translation>{n} avvist</translation>
    </message>
    <message>
      <source>{n} suggestion</source>
      <translation>{n} forslag</translation>
    </message>
    <message>
      <source>{n} suggestions</source>
      <translation>{n} forslag</translation>
    </message>
    <message>
      <source>{percent_n}% done</source>
      <translation>{percent_n} % ferdig</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Choose</source>
      <translation>&amp;Velg</translation>
    </message>
    <message>
      <source>&amp;Open</source>
      <translation>&amp;Åpne</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Lagre</translation>
    </message>
    <message>
      <source>All Files (*)</source>
      <translation>Alle filer (*)</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Tilbake</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Avbryt</translation>
    </message>
    <message>
      <source>Create New Folder</source>
      <translation>Opprett ny mappe</translation>
    </message>
    <message>
      <source>Date Modified</source>
      <translation>Endret</translation>
    </message>
    <message>
      <source>Detail View</source>
      <translation>Detaljvisning</translation>
    </message>
    <message>
      <source>Directory:</source>
      <translation>Mappe:</translation>
    </message>
    <message>
      <source>File &amp;name:</source>
      <translation>Fil&amp;navn:</translation>
    </message>
    <message>
      <source>Files of type:</source>
      <translation>Filtype:</translation>
    </message>
    <message>
      <source>Forward</source>
      <translation>Fram</translation>
    </message>
    <message>
      <source>List View</source>
      <translation>Listevisning</translation>
    </message>
    <message>
      <source>Look in:</source>
      <translation>Se i:</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Navn</translation>
    </message>
    <message>
      <source>New Folder</source>
      <translation>Ny mappe</translation>
    </message>
    <message>
      <source>Parent Directory</source>
      <translation>Overordnet mappe</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Størrelse</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>Type</translation>
    </message>
  </context>
  <context>
    <name>QLineEdit</name>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Kopier</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Lim inn</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Gjør om</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Angre</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>Klipp &amp;ut</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Slett</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Merk alt</translation>
    </message>
  </context>
  <context>
    <name>QMessageBox</name>
    <message>
      <source>&amp;OK</source>
      <translation>&amp;OK</translation>
    </message>
    <message>
      <source>About Qt</source>
      <translation>Om Qt</translation>
    </message>
    <message>
      <source>Hide Details...</source>
      <translation>Skjul detaljer …</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>Show Details...</source>
      <translation>Vis detaljer …</translation>
    </message>
  </context>
  <context>
    <name>QPlatformTheme</name>
    <message>
      <source>&amp;No</source>
      <translation>&amp;Nei</translation>
    </message>
    <message>
      <source>&amp;Yes</source>
      <translation>&amp;Ja</translation>
    </message>
    <message>
      <source>Abort</source>
      <translation>Avbryt</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>Bruk</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Avbryt</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Lukk</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Forkast</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>Hjelp</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>Ignorer</translation>
    </message>
    <message>
      <source>N&amp;o to All</source>
      <translation>N&amp;ei til alle</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Åpne</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>Tilbakestill</translation>
    </message>
    <message>
      <source>Restore Defaults</source>
      <translation>Gjenopprett standardverdier</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>Prøv igjen</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Lagre</translation>
    </message>
    <message>
      <source>Save All</source>
      <translation>Lagre alle</translation>
    </message>
    <message>
      <source>Yes to &amp;All</source>
      <translation>Ja til &amp;alle</translation>
    </message>
  </context>
  <context>
    <name>QWidgetTextControl</name>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Kopier</translation>
    </message>
    <message>
      <source>&amp;Paste</source>
      <translation>&amp;Lim inn</translation>
    </message>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Gjør om</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Angre</translation>
    </message>
    <message>
      <source>Copy &amp;Link Location</source>
      <translation>Kopier &amp;lenkeadresse</translation>
    </message>
    <message>
      <source>Cu&amp;t</source>
      <translation>Klipp &amp;ut</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Slett</translation>
    </message>
    <message>
      <source>Select All</source>
      <translation>Merk alt</translation>
    </message>
  </context>
</TS>
