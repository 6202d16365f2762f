<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../ui/articleview.cpp" line="32"/>
        <source>Knowledge-base article</source>
        <translation>Wissensdatenbank-Artikel</translation>
    </message>
</context>
<context>
    <name>CodeBlockView</name>
    <message>
        <location filename="../ui/codeblockview.cpp" line="29"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="30"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="36"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="39"/>
        <source>Copied notice</source>
        <translation>Hinweis „Kopiert“</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="40"/>
        <source>Copy this command to the clipboard</source>
        <translation>Diesen Befehl in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="41"/>
        <source>Copy command</source>
        <translation>Befehl kopieren</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="59"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="50"/>
        <source>Connection &amp;settings</source>
        <translation>&amp;Verbindungseinstellungen</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="51"/>
        <source>The service&apos;s a&amp;ppsettings.json</source>
        <translation>a&amp;ppsettings.json des Dienstes</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="54"/>
        <source>&amp;Paste Connection String</source>
        <translation>Verbindungszeichenfolge &amp;einfügen</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="65"/>
        <source>New Environment</source>
        <translation>Neue Umgebung</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="67"/>
        <source>Environment name</source>
        <translation>Name der Umgebung</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="68"/>
        <source>prod, staging, customer-a…</source>
        <translation>prod, staging, kunde-a …</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="70"/>
        <source>Deployment style</source>
        <translation>Bereitstellungsart</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="75"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="76"/>
        <source>&amp;Deployment:</source>
        <translation>&amp;Bereitstellung:</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="89"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="94"/>
        <source>Migrations and fixes</source>
        <translation>Migrationen und Behebung</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="96"/>
        <source>Pool check limits</source>
        <translation>Grenzwerte der Pool-Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="129"/>
        <source>Paste connection string</source>
        <translation>Verbindungszeichenfolge einfügen</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="130"/>
        <source>Fill the fields from an Npgsql, libpq or postgresql:// connection string on the clipboard</source>
        <translation>Die Felder aus einer Npgsql-, libpq- oder postgresql://-Verbindungszeichenfolge in der Zwischenablage füllen</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="150"/>
        <source>appsettings.json path</source>
        <translation>Pfad der appsettings.json</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="151"/>
        <source>/srv/app/appsettings.json or its folder</source>
        <translation>/srv/app/appsettings.json oder ihr Ordner</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="153"/>
        <source>.NET environment name</source>
        <translation>.NET-Umgebungsname</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="154"/>
        <source>From DOTNET_ENVIRONMENT, else Production</source>
        <translation>Aus DOTNET_ENVIRONMENT, sonst Production</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="155"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="156"/>
        <source>Choose appsettings.json</source>
        <translation>appsettings.json auswählen</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="158"/>
        <source>appsettings.json</source>
        <translation>appsettings.json</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="159"/>
        <source>JSON (*.json);;All files (*)</source>
        <translation>JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="168"/>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="171"/>
        <source>.NET &amp;environment:</source>
        <translation>.NET-&amp;Umgebung:</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="177"/>
        <source>Edit Environment</source>
        <translation>Umgebung bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="191"/>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="246"/>
        <source>Could not read the connection string: %1 Nothing was changed.</source>
        <translation>Die Verbindungszeichenfolge konnte nicht gelesen werden: %1 Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="256"/>
        <source>Filled in from the connection string.</source>
        <translation>Aus der Verbindungszeichenfolge übernommen.</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="259"/>
        <source>Filled in, with warnings:
%1</source>
        <translation>Übernommen, mit Warnungen:
%1</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="270"/>
        <source>Paste Connection String</source>
        <translation>Verbindungszeichenfolge einfügen</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="271"/>
        <source>Connection string (Npgsql, libpq or postgresql://):</source>
        <translation>Verbindungszeichenfolge (Npgsql, libpq oder postgresql://):</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="284"/>
        <source>Choose the service&apos;s appsettings.json (or the folder it is in).</source>
        <translation>Wählen Sie die appsettings.json des Dienstes (oder ihren Ordner).</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="286"/>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="291"/>
        <source>Enter the SQLite database file.</source>
        <translation>Geben Sie die SQLite-Datenbankdatei an.</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="293"/>
        <source>Enter the host: a name, an address, or the folder of the server&apos;s socket.</source>
        <translation>Geben Sie den Host an: einen Namen, eine Adresse oder den Ordner des Server-Sockets.</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="297"/>
        <source>The connection settings are not valid: %1</source>
        <translation>Die Verbindungseinstellungen sind ungültig: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="304"/>
        <source>Enter a name for the environment.</source>
        <translation>Geben Sie einen Namen für die Umgebung ein.</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="306"/>
        <source>Another environment is already named &quot;%1&quot;; choose another name.</source>
        <translation>Eine andere Umgebung heißt bereits „%1“; wählen Sie einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>ConnectionFields</name>
    <message>
        <location filename="../ui/connectionfields.cpp" line="34"/>
        <source>Remember in &amp;keychain</source>
        <translation>Im &amp;Schlüsselbund merken</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="37"/>
        <location filename="../ui/connectionfields.cpp" line="172"/>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="44"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="45"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="46"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="47"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="48"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="49"/>
        <source>Remember password in keychain</source>
        <translation>Passwort im Schlüsselbund merken</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="50"/>
        <source>SSL mode</source>
        <translation>SSL-Modus</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="51"/>
        <source>Connect timeout in seconds</source>
        <translation>Verbindungs-Zeitlimit in Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="53"/>
        <source>db.example.com (several: a,b)</source>
        <translation>db.example.com (mehrere: a,b)</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="61"/>
        <source>Default (prefer)</source>
        <translation>Standard (prefer)</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="67"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="74"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="75"/>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="78"/>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="82"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="85"/>
        <source>&amp;SSL mode:</source>
        <translation>&amp;SSL-Modus:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="86"/>
        <source>Connect &amp;timeout:</source>
        <translation>Verbindungs-&amp;Zeitlimit:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="115"/>
        <source>Trust Server Certificate</source>
        <translation>Serverzertifikat vertrauen</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="116"/>
        <source>Also kept from the connection string: %1</source>
        <translation>Außerdem aus der Verbindungszeichenfolge übernommen: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="172"/>
        <source>&amp;Database file:</source>
        <translation>&amp;Datenbankdatei:</translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message>
        <location filename="../ui/connectiontester.cpp" line="25"/>
        <source>Test Co&amp;nnection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location filename="../ui/connectiontester.cpp" line="30"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../ui/connectiontester.cpp" line="32"/>
        <source>Testing the connection</source>
        <translation>Verbindung wird getestet</translation>
    </message>
    <message>
        <location filename="../ui/connectiontester.cpp" line="38"/>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <location filename="../ui/connectiontester.cpp" line="72"/>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/connectiontester.cpp" line="88"/>
        <source>Connected to %1 (round trip %2 ms).</source>
        <translation>Verbunden mit %1 (Antwortzeit %2 ms).</translation>
    </message>
    <message>
        <location filename="../ui/connectiontester.cpp" line="91"/>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>DeploymentText</name>
    <message>
        <location filename="../models/deploymenttext.cpp" line="15"/>
        <source>Docker Compose</source>
        <extracomment>Deployment style: the product run with Docker Compose</extracomment>
        <translation>Docker Compose</translation>
    </message>
    <message>
        <location filename="../models/deploymenttext.cpp" line="18"/>
        <source>Bare metal / systemd</source>
        <extracomment>Deployment style: installed on a host, services run by systemd</extracomment>
        <translation>Bare Metal / systemd</translation>
    </message>
    <message>
        <location filename="../models/deploymenttext.cpp" line="21"/>
        <source>Kubernetes / Helm</source>
        <extracomment>Deployment style: the product run on Kubernetes, installed with Helm</extracomment>
        <translation>Kubernetes / Helm</translation>
    </message>
</context>
<context>
    <name>EnvironmentBadge</name>
    <message numerus="yes">
        <location filename="../models/environmentbadge.cpp" line="26"/>
        <source>sessions waiting for a lock: %n</source>
        <translation>
            <numerusform>auf eine Sperre wartende Sitzungen: %n</numerusform>
            <numerusform>auf eine Sperre wartende Sitzungen: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/environmentbadge.cpp" line="28"/>
        <source>blocked schema changes: %n</source>
        <translation>
            <numerusform>blockierte Schemaänderungen: %n</numerusform>
            <numerusform>blockierte Schemaänderungen: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/environmentbadge.cpp" line="31"/>
        <source>Root blocker: %1</source>
        <translation>Hauptblockierer: %1</translation>
    </message>
    <message>
        <location filename="../models/environmentbadge.cpp" line="39"/>
        <source>Blocked: %1</source>
        <translation>Blockiert: %1</translation>
    </message>
    <message>
        <location filename="../models/environmentbadge.cpp" line="56"/>
        <source>migration in progress</source>
        <translation>Migration läuft</translation>
    </message>
    <message>
        <location filename="../models/environmentbadge.cpp" line="56"/>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
</context>
<context>
    <name>EnvironmentDetailsForm</name>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="27"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="30"/>
        <source>Expected migrations source</source>
        <translation>Quelle der erwarteten Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="31"/>
        <source>Migrations folder, idempotent script or manifest</source>
        <translation>Migrations-Ordner, idempotentes Skript oder Manifest</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="33"/>
        <source>History table schema</source>
        <translation>Schema der Verlaufstabelle</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="35"/>
        <source>History table name</source>
        <translation>Name der Verlaufstabelle</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="40"/>
        <source>&amp;File…</source>
        <translation>&amp;Datei …</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="41"/>
        <source>Choose an expected migrations file</source>
        <translation>Datei mit erwarteten Migrationen auswählen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="43"/>
        <source>F&amp;older…</source>
        <translation>&amp;Ordner …</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="44"/>
        <source>Choose an expected migrations folder</source>
        <translation>Ordner mit erwarteten Migrationen auswählen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="56"/>
        <source>Placeholders</source>
        <translation>Platzhalter</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="57"/>
        <source>Placeholder</source>
        <translation>Platzhalter</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="57"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="61"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="62"/>
        <source>Add placeholder</source>
        <translation>Platzhalter hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="67"/>
        <source>Remove placeholder</source>
        <translation>Platzhalter entfernen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="91"/>
        <source>E&amp;xpected migrations:</source>
        <translation>E&amp;rwartete Migrationen:</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="92"/>
        <source>History &amp;table (schema, name):</source>
        <translation>Verlaufs&amp;tabelle (Schema, Name):</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="93"/>
        <source>&amp;Placeholders:</source>
        <translation>&amp;Platzhalter:</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="139"/>
        <source>The placeholder &lt;%1&gt; is listed twice; keep one.</source>
        <translation>Der Platzhalter &lt;%1&gt; steht zweimal in der Liste; behalten Sie einen.</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="158"/>
        <source>Expected Migrations Folder</source>
        <translation>Ordner der erwarteten Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="159"/>
        <source>Expected Migrations File</source>
        <translation>Datei der erwarteten Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="160"/>
        <source>Scripts and manifests (*.sql *.txt);;All files (*)</source>
        <translation>Skripte und Manifeste (*.sql *.txt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>EnvironmentsModel</name>
    <message>
        <location filename="../models/environmentsmodel.cpp" line="24"/>
        <location filename="../models/environmentsmodel.cpp" line="28"/>
        <source>All environments</source>
        <translation>Alle Umgebungen</translation>
    </message>
    <message>
        <location filename="../models/environmentsmodel.cpp" line="46"/>
        <source>Tags: %1</source>
        <translation>Schlagwörter: %1</translation>
    </message>
    <message>
        <location filename="../models/environmentsmodel.cpp" line="48"/>
        <source>Worst result: %1</source>
        <translation>Schlechtestes Ergebnis: %1</translation>
    </message>
    <message>
        <location filename="../models/environmentsmodel.cpp" line="60"/>
        <source>%1, checking</source>
        <translation>%1, wird geprüft</translation>
    </message>
    <message>
        <location filename="../models/environmentsmodel.cpp" line="63"/>
        <source>%1, worst result %2</source>
        <translation>%1, schlechtestes Ergebnis %2</translation>
    </message>
</context>
<context>
    <name>ExportReportDialog</name>
    <message>
        <location filename="../ui/exportreportdialog.cpp" line="32"/>
        <source>&amp;Redact host, database, user and client names</source>
        <translation>Host-, Datenbank-, Benutzer- und Client-Namen &amp;anonymisieren</translation>
    </message>
    <message>
        <location filename="../ui/exportreportdialog.cpp" line="35"/>
        <location filename="../ui/exportreportdialog.cpp" line="108"/>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../ui/exportreportdialog.cpp" line="42"/>
        <source>Replaces them with aliases (host-1, db-1, user-1, client-1), the same everywhere in the file. Passwords are never written.</source>
        <translation>Ersetzt sie durch Aliasse (host-1, db-1, user-1, client-1), überall in der Datei dieselben. Passwörter werden nie geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/exportreportdialog.cpp" line="50"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <location filename="../ui/exportreportdialog.cpp" line="55"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location filename="../ui/exportreportdialog.cpp" line="56"/>
        <source>F&amp;ile:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <location filename="../ui/exportreportdialog.cpp" line="60"/>
        <source>The report holds every result of the last run with its evidence, the migration matrix and the fix commands.</source>
        <translation>Der Bericht enthält jedes Ergebnis der letzten Prüfung mit seinem Befund, die Migrationsmatrix und die Befehle zur Behebung.</translation>
    </message>
    <message>
        <location filename="../ui/exportreportdialog.cpp" line="64"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/exportreportdialog.cpp" line="109"/>
        <source>%1 files (*.%2)</source>
        <translation>%1-Dateien (*.%2)</translation>
    </message>
</context>
<context>
    <name>FixTabs</name>
    <message>
        <location filename="../ui/fixtabs.cpp" line="30"/>
        <source>Fix commands by deployment style</source>
        <translation>Befehle zur Behebung nach Bereitstellungsart</translation>
    </message>
    <message>
        <location filename="../ui/fixtabs.cpp" line="121"/>
        <source>Nothing to do: this check passed.</source>
        <translation>Nichts zu tun: Diese Prüfung ist bestanden.</translation>
    </message>
    <message>
        <location filename="../ui/fixtabs.cpp" line="124"/>
        <source>This check did not run, so there is nothing to fix here. Why: %1</source>
        <translation>Diese Prüfung lief nicht, hier ist also nichts zu beheben. Grund: %1</translation>
    </message>
    <message>
        <location filename="../ui/fixtabs.cpp" line="125"/>
        <source>no reason given.</source>
        <translation>kein Grund angegeben.</translation>
    </message>
    <message>
        <location filename="../ui/fixtabs.cpp" line="129"/>
        <source>No fix for %1 matches this result&apos;s evidence; the message above says what went wrong.</source>
        <translation>Keine Behebung für %1 passt zum Befund dieses Ergebnisses; die Meldung oben sagt, was schiefging.</translation>
    </message>
    <message>
        <location filename="../ui/fixtabs.cpp" line="135"/>
        <source>No commands for this deployment style.</source>
        <translation>Keine Befehle für diese Bereitstellungsart.</translation>
    </message>
    <message>
        <location filename="../ui/fixtabs.cpp" line="158"/>
        <source>1 other fix that does not match this result</source>
        <translation>1 weitere Behebung, die nicht zu diesem Ergebnis passt</translation>
    </message>
    <message>
        <location filename="../ui/fixtabs.cpp" line="159"/>
        <source>%1 other fixes that do not match this result</source>
        <translation>%1 weitere Behebungen, die nicht zu diesem Ergebnis passen</translation>
    </message>
    <message>
        <location filename="../ui/fixtabs.cpp" line="202"/>
        <source>When: %1</source>
        <translation>Wann: %1</translation>
    </message>
</context>
<context>
    <name>FleetModel</name>
    <message>
        <location filename="../models/fleetmodel.cpp" line="70"/>
        <source>Newest result %1 UTC; oldest of the latest results %2 UTC</source>
        <translation>Neuestes Ergebnis %1 UTC; ältestes der jeweils neuesten Ergebnisse %2 UTC</translation>
    </message>
    <message>
        <location filename="../models/fleetmodel.cpp" line="74"/>
        <source>This store&apos;s runs record no shard</source>
        <translation>Die Prüfungen dieses Speichers erfassen keinen Shard</translation>
    </message>
    <message>
        <location filename="../models/fleetmodel.cpp" line="76"/>
        <source>This store records no tags (its schema predates them: doctor store upgrade)</source>
        <translation>Dieser Speicher erfasst keine Schlagwörter (sein Schema ist älter als diese: doctor store upgrade)</translation>
    </message>
    <message>
        <location filename="../models/fleetmodel.cpp" line="123"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location filename="../models/fleetmodel.cpp" line="125"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/fleetmodel.cpp" line="127"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location filename="../models/fleetmodel.cpp" line="129"/>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <location filename="../models/fleetmodel.cpp" line="131"/>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <location filename="../models/fleetmodel.cpp" line="133"/>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
</context>
<context>
    <name>FleetView</name>
    <message>
        <location filename="../ui/fleetview.cpp" line="61"/>
        <source>Check &amp;Now</source>
        <translation>Jetzt &amp;prüfen</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="62"/>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="71"/>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="73"/>
        <source>Filter environments by name</source>
        <translation>Umgebungen nach Namen filtern</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="75"/>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="78"/>
        <source>Only environments whose worst latest result has this status</source>
        <translation>Nur Umgebungen, deren schlechtestes aktuelles Ergebnis diesen Status hat</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="84"/>
        <location filename="../ui/fleetview.cpp" line="259"/>
        <source>All tags</source>
        <translation>Alle Schlagwörter</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="85"/>
        <location filename="../ui/fleetview.cpp" line="265"/>
        <source>Only environments with this tag (the environments file&apos;s tags)</source>
        <translation>Nur Umgebungen mit diesem Schlagwort (die Schlagwörter der Umgebungsdatei)</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="112"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="112"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="112"/>
        <source>Subject</source>
        <translation>Gegenstand</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="112"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="112"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="129"/>
        <source>&amp;Stored Results</source>
        <translation>&amp;Gespeicherte Ergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="130"/>
        <source>Ma&amp;trix</source>
        <translation>Ma&amp;trix</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="132"/>
        <source>Each migration&apos;s current state in the environments the filters show, as the store&apos;s newest runs saw it</source>
        <translation>Der aktuelle Zustand jeder Migration in den Umgebungen, die die Filter zeigen, wie ihn die neuesten Prüfungen des Speichers sahen</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="178"/>
        <source>Matrix: %1</source>
        <translation>Matrix: %1</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="210"/>
        <source>Fleet — %1</source>
        <translation>Flotte — %1</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="213"/>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="228"/>
        <source> · query %1 ms, loaded in %2 ms</source>
        <translation> · Abfrage %1 ms, geladen in %2 ms</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="229"/>
        <source> · this store records no shards</source>
        <translation> · dieser Speicher erfasst keine Shards</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="246"/>
        <source>1 environment</source>
        <translation>1 Umgebung</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="246"/>
        <source>%1 environments</source>
        <translation>%1 Umgebungen</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="247"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="266"/>
        <source>This store records no tags: its schema predates them (doctor store upgrade)</source>
        <translation>Dieser Speicher erfasst keine Schlagwörter: Sein Schema ist älter als diese (doctor store upgrade)</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="327"/>
        <source>Select an environment to see its stored results.</source>
        <translation>Wählen Sie eine Umgebung, um ihre gespeicherten Ergebnisse zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="331"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: its latest stored results</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: die neuesten gespeicherten Ergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="361"/>
        <source>Select an environment first</source>
        <translation>Wählen Sie zuerst eine Umgebung</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="363"/>
        <source>No environments file is loaded in the dashboard</source>
        <translation>Im Dashboard ist keine Umgebungsdatei geladen</translation>
    </message>
    <message>
        <location filename="../ui/fleetview.cpp" line="366"/>
        <source>Run the live checks on %1 now, from this desktop</source>
        <translation>Die Live-Prüfungen für %1 jetzt von diesem Rechner aus ausführen</translation>
    </message>
</context>
<context>
    <name>HistoryClient</name>
    <message>
        <location filename="../ui/historyclient.cpp" line="82"/>
        <source>Run history not recorded: %1</source>
        <translation>Prüfverlauf nicht aufgezeichnet: %1</translation>
    </message>
    <message>
        <location filename="../ui/historyclient.cpp" line="83"/>
        <source>Run history not available: %1</source>
        <translation>Prüfverlauf nicht verfügbar: %1</translation>
    </message>
</context>
<context>
    <name>KbBrowser</name>
    <message>
        <location filename="../ui/kbbrowser.cpp" line="27"/>
        <source>Knowledge Base — Doctor Dashboard</source>
        <translation>Wissensdatenbank — Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/kbbrowser.cpp" line="29"/>
        <source>Search titles, tags and text…</source>
        <translation>Titel, Schlagwörter und Text durchsuchen …</translation>
    </message>
    <message>
        <location filename="../ui/kbbrowser.cpp" line="31"/>
        <source>Search the knowledge base</source>
        <translation>Wissensdatenbank durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/kbbrowser.cpp" line="34"/>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <location filename="../ui/keychain.cpp" line="68"/>
        <source>No keychain is available (%1). Passwords are kept only until Doctor Dashboard quits and will be asked for again next time.</source>
        <translation>Es ist kein Schlüsselbund verfügbar (%1). Passwörter werden nur bis zum Beenden von Doctor Dashboard behalten und beim nächsten Mal erneut abgefragt.</translation>
    </message>
</context>
<context>
    <name>LocksTreeModel</name>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="153"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="155"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="157"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="158"/>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="172"/>
        <source>prepared</source>
        <translation>vorbereitet</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/lockstreemodel.cpp" line="173"/>
        <source>%1 · %n waiting</source>
        <translation>
            <numerusform>%1 · %n wartend</numerusform>
            <numerusform>%1 · %n wartend</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="181"/>
        <source>prepared transaction</source>
        <translation>vorbereitete Transaktion</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="182"/>
        <location filename="../models/lockstreemodel.cpp" line="201"/>
        <source>(hidden)</source>
        <translation>(verborgen)</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="185"/>
        <source>waiting %1</source>
        <translation>wartet seit %1</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="194"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="195"/>
        <source>holds %1</source>
        <translation>hält %1</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="196"/>
        <source>waits for %1</source>
        <translation>wartet auf %1</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="200"/>
        <source>gid &apos;%1&apos;</source>
        <translation>gid „%1“</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="210"/>
        <source>A prepared transaction: it holds its locks until COMMIT PREPARED or ROLLBACK PREPARED; no session shows it.</source>
        <translation>Eine vorbereitete Transaktion: Sie hält ihre Sperren bis COMMIT PREPARED oder ROLLBACK PREPARED; keine Sitzung zeigt sie an.</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="213"/>
        <source>pid %1</source>
        <translation>PID %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/lockstreemodel.cpp" line="215"/>
        <source>Root blocker: waits for no other session; sessions waiting behind it: %n</source>
        <translation>
            <numerusform>Hauptblockierer: wartet auf keine andere Sitzung; dahinter wartende Sitzungen: %n</numerusform>
            <numerusform>Hauptblockierer: wartet auf keine andere Sitzung; dahinter wartende Sitzungen: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="220"/>
        <source>a prepared transaction</source>
        <translation>eine vorbereitete Transaktion</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="221"/>
        <source>Waits for: %1</source>
        <translation>Wartet auf: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/lockstreemodel.cpp" line="223"/>
        <source>Sessions waiting behind it: %n</source>
        <translation>
            <numerusform>Dahinter wartende Sitzungen: %n</numerusform>
            <numerusform>Dahinter wartende Sitzungen: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="226"/>
        <source>A waiting DDL statement: a blocked migration; new queries on the table queue behind it</source>
        <translation>Eine wartende DDL-Anweisung: eine blockierte Migration; neue Abfragen auf der Tabelle stauen sich dahinter</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="229"/>
        <source>User %1, client %2</source>
        <translation>Benutzer %1, Client %2</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="231"/>
        <source>Application: %1</source>
        <translation>Anwendung: %1</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="233"/>
        <source>Transaction open for %1</source>
        <translation>Transaktion offen seit %1</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="235"/>
        <source>Query started %1</source>
        <translation>Abfrage gestartet am %1</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="238"/>
        <source>The query and state are hidden: the role needs pg_monitor to see other roles&apos; sessions</source>
        <translation>Abfrage und Zustand sind verborgen: Die Rolle braucht pg_monitor, um die Sitzungen anderer Rollen zu sehen</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="280"/>
        <source>root blocker</source>
        <translation>Hauptblockierer</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="305"/>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="307"/>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="309"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="311"/>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="313"/>
        <source>Lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <location filename="../models/lockstreemodel.cpp" line="315"/>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
</context>
<context>
    <name>LocksView</name>
    <message>
        <location filename="../ui/locksview.cpp" line="56"/>
        <source>&amp;Refresh Locks</source>
        <translation>Sperren a&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/locksview.cpp" line="61"/>
        <location filename="../ui/locksview.cpp" line="238"/>
        <source>Locks</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <location filename="../ui/locksview.cpp" line="65"/>
        <source>Locks status</source>
        <translation>Status der Sperren</translation>
    </message>
    <message>
        <location filename="../ui/locksview.cpp" line="71"/>
        <source>Checking locks</source>
        <translation>Sperren werden geprüft</translation>
    </message>
    <message>
        <location filename="../ui/locksview.cpp" line="73"/>
        <source>Run the locks check for this environment now</source>
        <translation>Die Sperren-Prüfung für diese Umgebung jetzt ausführen</translation>
    </message>
    <message>
        <location filename="../ui/locksview.cpp" line="80"/>
        <source>Blocking sessions</source>
        <translation>Blockierende Sitzungen</translation>
    </message>
    <message>
        <location filename="../ui/locksview.cpp" line="112"/>
        <source>Selected session</source>
        <translation>Ausgewählte Sitzung</translation>
    </message>
    <message>
        <location filename="../ui/locksview.cpp" line="238"/>
        <source>Locks of %1</source>
        <translation>Sperren von %1</translation>
    </message>
    <message>
        <location filename="../ui/locksview.cpp" line="251"/>
        <source>select an environment to see its locks</source>
        <translation>Wählen Sie eine Umgebung, um ihre Sperren zu sehen</translation>
    </message>
    <message>
        <location filename="../ui/locksview.cpp" line="253"/>
        <source>not checked yet: Refresh runs the locks check</source>
        <translation>noch nicht geprüft: „Sperren aktualisieren“ führt die Sperren-Prüfung aus</translation>
    </message>
    <message>
        <location filename="../ui/locksview.cpp" line="256"/>
        <source>refreshing…</source>
        <translation>wird aktualisiert …</translation>
    </message>
    <message>
        <location filename="../ui/locksview.cpp" line="258"/>
        <source>not refreshed (the run was cancelled)</source>
        <translation>nicht aktualisiert (die Prüfung wurde abgebrochen)</translation>
    </message>
    <message>
        <location filename="../ui/locksview.cpp" line="260"/>
        <source>checked at %1</source>
        <translation>geprüft um %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/locksview.cpp" line="266"/>
        <source>root blockers: %n</source>
        <translation>
            <numerusform>Hauptblockierer: %n</numerusform>
            <numerusform>Hauptblockierer: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/locksview.cpp" line="267"/>
        <source>waiting: %n</source>
        <translation>
            <numerusform>wartend: %n</numerusform>
            <numerusform>wartend: %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/locksview.cpp" line="328"/>
        <source>Select a session to see the commands for it, with its pid filled in.</source>
        <translation>Wählen Sie eine Sitzung, um die Befehle dafür mit eingesetzter PID zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/locksview.cpp" line="337"/>
        <source>Prepared transaction &apos;%1&apos;</source>
        <translation>Vorbereitete Transaktion „%1“</translation>
    </message>
    <message>
        <location filename="../ui/locksview.cpp" line="338"/>
        <source>pid %1</source>
        <translation>PID %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/locksview.cpp" line="347"/>
        <source>root blocker, sessions waiting behind it: %n</source>
        <translation>
            <numerusform>Hauptblockierer, dahinter wartende Sitzungen: %n</numerusform>
            <numerusform>Hauptblockierer, dahinter wartende Sitzungen: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="32"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="34"/>
        <source>&amp;Open Environments File…</source>
        <translation>Umgebungsdatei ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="36"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="37"/>
        <source>Open &amp;Demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="42"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="54"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="58"/>
        <source>&amp;Run</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="59"/>
        <source>Run &amp;All</source>
        <translation>&amp;Alle prüfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="61"/>
        <source>Run &amp;Selected Environment</source>
        <translation>Ausgewählte &amp;Umgebung prüfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="63"/>
        <source>&amp;Cancel</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="68"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="69"/>
        <source>&amp;Pending Migrations Only</source>
        <translation>Nur &amp;ausstehende Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="75"/>
        <source>&amp;Filter Migrations</source>
        <translation>Migrationen &amp;filtern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="83"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="85"/>
        <source>&amp;Knowledge Base</source>
        <translation>&amp;Wissensdatenbank</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="87"/>
        <source>&amp;About Doctor Dashboard</source>
        <translation>Ü&amp;ber Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="89"/>
        <source>Run</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="100"/>
        <source>Auto-&amp;Refresh</source>
        <translation>Automatisch a&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="102"/>
        <source>&amp;Off</source>
        <translation>&amp;Aus</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="103"/>
        <source>Every &amp;30 Seconds</source>
        <translation>Alle &amp;30 Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="103"/>
        <source>Every &amp;Minute</source>
        <translation>Jede &amp;Minute</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="104"/>
        <source>Every &amp;5 Minutes</source>
        <translation>Alle &amp;5 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="104"/>
        <source>Every &amp;15 Minutes</source>
        <translation>Alle &amp;15 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="85"/>
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="132"/>
        <location filename="../ui/mainwindowlocks.cpp" line="65"/>
        <source>Command copied to the clipboard</source>
        <translation>Befehl in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="32"/>
        <source>Cannot open environments file</source>
        <translation>Umgebungsdatei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="33"/>
        <source>%1

Nothing was changed; fix the file and open it again.</source>
        <translation>%1

Es wurde nichts geändert. Korrigieren Sie die Datei und öffnen Sie sie erneut.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="55"/>
        <source>Cannot create the demo</source>
        <translation>Die Demo kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="59"/>
        <source>demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="71"/>
        <source>Open Environments File</source>
        <translation>Umgebungsdatei öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="72"/>
        <location filename="../ui/mainwindowenvironments.cpp" line="191"/>
        <source>Environments (*.yaml *.yml);;All files (*)</source>
        <translation>Umgebungen (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="297"/>
        <source>Doctor Dashboard</source>
        <translation>Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="297"/>
        <source>%1 — Doctor Dashboard</source>
        <translation>%1 — Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="163"/>
        <source>About Doctor Dashboard</source>
        <translation>Über Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="164"/>
        <source>&lt;h3&gt;Doctor Dashboard %1&lt;/h3&gt;&lt;p&gt;Health checks for database environments: connectivity, connection pool and EF Core migrations, with fixes for Docker Compose, systemd and Kubernetes.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Doctor Dashboard %1&lt;/h3&gt;&lt;p&gt;Zustandsprüfungen für Datenbankumgebungen: Erreichbarkeit, Verbindungspool und EF-Core-Migrationen, mit Lösungen für Docker Compose, systemd und Kubernetes.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="81"/>
        <source>&amp;New Environment…</source>
        <translation>&amp;Neue Umgebung …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="83"/>
        <source>&amp;Edit Environment…</source>
        <translation>Umgebung be&amp;arbeiten …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="90"/>
        <source>Enter &amp;Password…</source>
        <translation>&amp;Passwort eingeben …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="101"/>
        <source>&amp;Save Environments</source>
        <translation>Umgebungen &amp;speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="103"/>
        <source>Save Environments &amp;As…</source>
        <translation>Umgebungen speichern &amp;unter …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="164"/>
        <source>unsaved environments</source>
        <translation>ungespeicherte Umgebungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="175"/>
        <source>Environment &quot;%1&quot; %2; File &gt; Save Environments keeps it.</source>
        <translation>Umgebung „%1“ %2; Datei &gt; Umgebungen speichern behält sie.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="176"/>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="176"/>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="191"/>
        <source>Save Environments</source>
        <translation>Umgebungen speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="203"/>
        <source>Cannot save environments</source>
        <translation>Umgebungen können nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="204"/>
        <source>%1

Fix the cause, or choose another file with Save Environments As….</source>
        <translation>%1

Beheben Sie die Ursache oder wählen Sie mit „Umgebungen speichern unter …“ eine andere Datei.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="220"/>
        <source>Saved to %1. Passwords are not written to the file: on the next start they come from the keychain, PGPASSWORD or .pgpass, or are asked for.</source>
        <translation>In %1 gespeichert. Passwörter werden nicht in die Datei geschrieben: Beim nächsten Start kommen sie aus dem Schlüsselbund, aus PGPASSWORD oder .pgpass, oder sie werden abgefragt.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="223"/>
        <source>Saved to %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="232"/>
        <source>Unsaved environments</source>
        <translation>Ungespeicherte Umgebungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="233"/>
        <source>The environments were changed and not saved. Save them now?</source>
        <translation>Die Umgebungen wurden geändert und nicht gespeichert. Jetzt speichern?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowlocks.cpp" line="40"/>
        <source>&amp;Migrations</source>
        <translation>&amp;Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowlocks.cpp" line="42"/>
        <source>&amp;Locks</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowlocks.cpp" line="101"/>
        <source>Show &amp;Migrations</source>
        <translation>&amp;Migrationen anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowlocks.cpp" line="106"/>
        <source>Show &amp;Locks</source>
        <translation>&amp;Sperren anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowreport.cpp" line="54"/>
        <source>Export &amp;Report…</source>
        <translation>Be&amp;richt exportieren …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowreport.cpp" line="55"/>
        <source>Write the results, the migration matrix and the fixes to one HTML, Markdown or JSON file</source>
        <translation>Die Ergebnisse, die Migrationsmatrix und die Behebungen in eine HTML-, Markdown- oder JSON-Datei schreiben</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowreport.cpp" line="62"/>
        <source>Nothing to export yet: run the checks first</source>
        <translation>Noch nichts zu exportieren: Führen Sie zuerst die Prüfungen aus</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowreport.cpp" line="84"/>
        <source>Report written to %1</source>
        <translation>Bericht in %1 geschrieben</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowreport.cpp" line="86"/>
        <source>Report not written to %1: %2</source>
        <translation>Bericht nicht in %1 geschrieben: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmatrix.cpp" line="54"/>
        <source>Ma&amp;trix</source>
        <translation>Ma&amp;trix</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmatrix.cpp" line="75"/>
        <source>Show Migration Ma&amp;trix</source>
        <translation>Migrationsma&amp;trix anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhistory.cpp" line="26"/>
        <source>T&amp;imeline</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhistory.cpp" line="63"/>
        <source>Show T&amp;imeline</source>
        <translation>&amp;Zeitleiste anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowhistory.cpp" line="117"/>
        <source>Run history is off: File &gt; Settings turns it on.</source>
        <translation>Der Prüfverlauf ist aus: Datei &gt; Einstellungen schaltet ihn ein.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfleet.cpp" line="27"/>
        <source>Open Results &amp;Store…</source>
        <translation>Er&amp;gebnisspeicher öffnen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfleet.cpp" line="29"/>
        <source>Open Results Store</source>
        <translation>Ergebnisspeicher öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfleet.cpp" line="30"/>
        <source>A history file, or a postgresql:// URL of a shared store (the password from PGPASSWORD or the pgpass file; a read-only role is enough):</source>
        <translation>Eine Verlaufsdatei oder eine postgresql://-URL eines gemeinsamen Speichers (das Passwort aus PGPASSWORD oder der pgpass-Datei; eine Rolle mit Lesezugriff genügt):</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowfleet.cpp" line="49"/>
        <source>%1 is not in the environments file loaded in the dashboard, so this desktop has no connection for it</source>
        <translation>%1 ist nicht in der im Dashboard geladenen Umgebungsdatei, daher hat dieser Rechner keine Verbindung dafür</translation>
    </message>
</context>
<context>
    <name>MatrixView</name>
    <message>
        <location filename="../ui/matrixview.cpp" line="43"/>
        <source>&amp;Only rows that differ</source>
        <translation>Nur a&amp;bweichende Zeilen</translation>
    </message>
    <message>
        <location filename="../ui/matrixview.cpp" line="48"/>
        <source>Migration matrix</source>
        <translation>Migrationsmatrix</translation>
    </message>
    <message>
        <location filename="../ui/matrixview.cpp" line="53"/>
        <source>Show only the migrations whose state is not the same in every environment</source>
        <translation>Nur die Migrationen zeigen, deren Zustand nicht in jeder Umgebung gleich ist</translation>
    </message>
    <message>
        <location filename="../ui/matrixview.cpp" line="54"/>
        <source>Filter migrations…</source>
        <translation>Migrationen filtern …</translation>
    </message>
    <message>
        <location filename="../ui/matrixview.cpp" line="56"/>
        <source>Filter the matrix&apos;s migrations</source>
        <translation>Die Migrationen der Matrix filtern</translation>
    </message>
    <message>
        <location filename="../ui/matrixview.cpp" line="58"/>
        <source>Matrix summary</source>
        <translation>Zusammenfassung der Matrix</translation>
    </message>
    <message>
        <location filename="../ui/matrixview.cpp" line="61"/>
        <source>Matrix legend</source>
        <translation>Legende der Matrix</translation>
    </message>
    <message>
        <location filename="../ui/matrixview.cpp" line="77"/>
        <source>Migration matrix table</source>
        <translation>Tabelle der Migrationsmatrix</translation>
    </message>
    <message>
        <location filename="../ui/matrixview.cpp" line="247"/>
        <source>Building the matrix…</source>
        <translation>Matrix wird erstellt …</translation>
    </message>
    <message>
        <location filename="../ui/matrixview.cpp" line="250"/>
        <source>No environments</source>
        <translation>Keine Umgebungen</translation>
    </message>
    <message>
        <location filename="../ui/matrixview.cpp" line="252"/>
        <source>No migrations results yet: run the checks</source>
        <translation>Noch keine Migrationsergebnisse: Führen Sie die Prüfungen aus</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/matrixview.cpp" line="253"/>
        <source>%n environment(s)</source>
        <translation>
            <numerusform>%n Umgebung</numerusform>
            <numerusform>%n Umgebungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/matrixview.cpp" line="256"/>
        <source>All %n migration(s) are in the same state everywhere</source>
        <translation>
            <numerusform>Die %n Migration ist überall im selben Zustand</numerusform>
            <numerusform>Alle %n Migrationen sind überall im selben Zustand</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/matrixview.cpp" line="257"/>
        <source>%1 of %n migration(s) differ</source>
        <translation>
            <numerusform>%1 von %n Migration weicht ab</numerusform>
            <numerusform>%1 von %n Migrationen weichen ab</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/matrixview.cpp" line="260"/>
        <source>%n shown</source>
        <translation>
            <numerusform>%n angezeigt</numerusform>
            <numerusform>%n angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/matrixview.cpp" line="279"/>
        <source>absent (neither in the history nor expected)</source>
        <translation>fehlt (weder im Verlauf noch erwartet)</translation>
    </message>
    <message>
        <location filename="../ui/matrixview.cpp" line="280"/>
        <source>unknown (no readable history)</source>
        <translation>unbekannt (kein lesbarer Verlauf)</translation>
    </message>
    <message>
        <location filename="../ui/matrixview.cpp" line="290"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>MigrationMatrixModel</name>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="95"/>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="97"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="99"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="101"/>
        <source>dirty</source>
        <translation>dirty</translation>
    </message>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="103"/>
        <source>modified</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="105"/>
        <source>ahead</source>
        <translation>voraus</translation>
    </message>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="107"/>
        <source>out of order</source>
        <translation>außer der Reihe</translation>
    </message>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="120"/>
        <source>Absent</source>
        <translation>Fehlt</translation>
    </message>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="120"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="151"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="154"/>
        <source>Neither in this environment&apos;s history nor expected there</source>
        <translation>Weder im Verlauf dieser Umgebung noch dort erwartet</translation>
    </message>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="157"/>
        <source>No readable %1 history here (no result, or it could not be read)</source>
        <translation>Hier kein lesbarer %1-Verlauf (kein Ergebnis, oder es war nicht lesbar)</translation>
    </message>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="163"/>
        <source>First seen %1: %2</source>
        <translation>Erstmals als „%1“ gesehen: %2</translation>
    </message>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="166"/>
        <source>First seen: not recorded (no run history of it yet)</source>
        <translation>Erstmals gesehen: nicht erfasst (noch kein Prüfverlauf dazu)</translation>
    </message>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="242"/>
        <source>Migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="242"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../models/migrationmatrixmodel.cpp" line="256"/>
        <source>%1: worst result %2</source>
        <translation>%1: schlechtestes Ergebnis %2</translation>
    </message>
</context>
<context>
    <name>MigrationsFilterModel</name>
    <message>
        <location filename="../models/migrationsfiltermodel.cpp" line="208"/>
        <source>sorting %1 migrations…</source>
        <translation>%1 Migrationen werden sortiert …</translation>
    </message>
    <message>
        <location filename="../models/migrationsfiltermodel.cpp" line="212"/>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
</context>
<context>
    <name>MigrationsModel</name>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="65"/>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="67"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="69"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="71"/>
        <source>Dirty</source>
        <translation>Dirty</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="73"/>
        <source>Modified</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="75"/>
        <source>Not in expected set</source>
        <translation>Nicht in der erwarteten Menge</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="77"/>
        <source>Out of order</source>
        <translation>Außer der Reihe</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="152"/>
        <source>applied %1</source>
        <translation>angewendet am %1</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="154"/>
        <source>What %1 recorded:</source>
        <translation>Was %1 aufgezeichnet hat:</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="227"/>
        <source>MigrationId</source>
        <translation>MigrationId</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="229"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="232"/>
        <source>ProductVersion</source>
        <translation>ProductVersion</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="233"/>
        <source>ProductVersion / description</source>
        <translation>ProductVersion / Beschreibung</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="234"/>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="236"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="238"/>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="240"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="242"/>
        <source>Applied at</source>
        <translation>Angewendet am</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/migrationsmodel.cpp" line="296"/>
        <source>%n applied</source>
        <translation>
            <numerusform>%n angewendet</numerusform>
            <numerusform>%n angewendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/migrationsmodel.cpp" line="298"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/migrationsmodel.cpp" line="300"/>
        <source>%n dirty</source>
        <translation>
            <numerusform>%n dirty</numerusform>
            <numerusform>%n dirty</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/migrationsmodel.cpp" line="302"/>
        <source>%n modified</source>
        <translation>
            <numerusform>%n geändert</numerusform>
            <numerusform>%n geändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/migrationsmodel.cpp" line="303"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n ausstehend</numerusform>
            <numerusform>%n ausstehend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/migrationsmodel.cpp" line="305"/>
        <source>%n out of order</source>
        <translation>
            <numerusform>%n außer der Reihe</numerusform>
            <numerusform>%n außer der Reihe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/migrationsmodel.cpp" line="307"/>
        <source>%n not in expected set</source>
        <translation>
            <numerusform>%n nicht in der erwarteten Menge</numerusform>
            <numerusform>%n nicht in der erwarteten Menge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MigrationsView</name>
    <message>
        <location filename="../ui/migrationsview.cpp" line="82"/>
        <source>&amp;Pending only</source>
        <translation>Nur &amp;ausstehende</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="86"/>
        <location filename="../ui/migrationsview.cpp" line="267"/>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="88"/>
        <source>Filter migrations…</source>
        <translation>Migrationen filtern …</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="90"/>
        <source>Filter migrations</source>
        <translation>Migrationen filtern</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="92"/>
        <source>Show migrations of state</source>
        <translation>Migrationen mit Zustand anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="93"/>
        <source>Show the migrations of one state</source>
        <translation>Die Migrationen eines Zustands anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="95"/>
        <source>Migration counts</source>
        <translation>Anzahl der Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="128"/>
        <source>Migrations table</source>
        <translation>Migrationstabelle</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="133"/>
        <source>Selected migration</source>
        <translation>Ausgewählte Migration</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="186"/>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="188"/>
        <source>Failing</source>
        <translation>Fehlerhaft</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="192"/>
        <source>Failed, dirty or modified: the states that fail the check</source>
        <translation>Fehlgeschlagen, dirty oder geändert: die Zustände, bei denen die Prüfung fehlschlägt</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="267"/>
        <source>Migrations of %1</source>
        <translation>Migrationen von %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/migrationsview.cpp" line="269"/>
        <source>%n histories</source>
        <translation>
            <numerusform>%n Verlauf</numerusform>
            <numerusform>%n Verläufe</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="306"/>
        <source>select an environment or a result to see its migrations</source>
        <translation>Wählen Sie eine Umgebung oder ein Ergebnis, um die Migrationen zu sehen</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="308"/>
        <source>no migrations result yet</source>
        <translation>noch kein Migrationsergebnis</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="313"/>
        <source>from the last run; refreshing</source>
        <translation>aus der letzten Prüfung; wird aktualisiert</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="370"/>
        <source>applied %1</source>
        <translation>angewendet am %1</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="375"/>
        <source>What %1 recorded:</source>
        <translation>Was %1 aufgezeichnet hat:</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <location filename="../ui/passwordprompt.cpp" line="19"/>
        <source>Remember for this &amp;session</source>
        <translation>Für diese Si&amp;tzung merken</translation>
    </message>
    <message>
        <location filename="../ui/passwordprompt.cpp" line="20"/>
        <source>Remember in &amp;keychain</source>
        <translation>Im &amp;Schlüsselbund merken</translation>
    </message>
    <message>
        <location filename="../ui/passwordprompt.cpp" line="25"/>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <location filename="../ui/passwordprompt.cpp" line="54"/>
        <source>Cancel: these environments are shown as &quot;no password given&quot; and not asked for again until you choose Enter Password… or Run Selected Environment on one of them.</source>
        <translation>Abbrechen: Diese Umgebungen werden als „kein Passwort angegeben“ angezeigt und erst wieder abgefragt, wenn Sie bei einer von ihnen „Passwort eingeben …“ oder „Ausgewählte Umgebung prüfen“ wählen.</translation>
    </message>
    <message>
        <location filename="../ui/passwordprompt.cpp" line="71"/>
        <source>Password for &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;used by %2</source>
        <translation>Passwort für &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;verwendet von %2</translation>
    </message>
    <message>
        <location filename="../ui/passwordprompt.cpp" line="37"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
</context>
<context>
    <name>PoolThresholdsForm</name>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="69"/>
        <source>Warn when this share of usable connections is in use</source>
        <translation>Warnen, wenn dieser Anteil der nutzbaren Verbindungen belegt ist</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="71"/>
        <source>Fail when this share of usable connections is in use</source>
        <translation>Fehlschlagen, wenn dieser Anteil der nutzbaren Verbindungen belegt ist</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="73"/>
        <source>Warn at this many sessions idle in a transaction</source>
        <translation>Warnen ab so vielen Sitzungen, die in einer Transaktion untätig sind</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="75"/>
        <source>Count sessions idle in a transaction for longer than this</source>
        <translation>Sitzungen zählen, die länger als diese Zeit in einer Transaktion untätig sind</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="75"/>
        <location filename="../ui/poolthresholdsform.cpp" line="77"/>
        <location filename="../ui/poolthresholdsform.cpp" line="79"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="77"/>
        <source>Warn when a transaction has been open longer than this</source>
        <translation>Warnen, wenn eine Transaktion länger als diese Zeit offen ist</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="79"/>
        <source>Fail when a transaction has been open longer than this</source>
        <translation>Fehlschlagen, wenn eine Transaktion länger als diese Zeit offen ist</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="83"/>
        <source>Connections in use:</source>
        <translation>Belegte Verbindungen:</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="84"/>
        <location filename="../ui/poolthresholdsform.cpp" line="86"/>
        <source>warn at</source>
        <translation>warnen bei</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="84"/>
        <source>fail at</source>
        <translation>Fehler bei</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="85"/>
        <source>Idle in transaction:</source>
        <translation>Untätig in Transaktion:</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="86"/>
        <source>sessions idle over</source>
        <translation>Sitzungen, untätig länger als</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="87"/>
        <source>Oldest transaction:</source>
        <translation>Älteste Transaktion:</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="88"/>
        <source>warn after</source>
        <translation>warnen nach</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="88"/>
        <source>fail after</source>
        <translation>Fehler nach</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="149"/>
        <source>The pool check&apos;s connection warning (%1 %) is above its failure (%2 %).</source>
        <translation>Die Verbindungswarnung der Pool-Prüfung (%1 %) liegt über ihrer Fehlergrenze (%2 %).</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="153"/>
        <source>The pool check&apos;s transaction warning (%1 s) is above its failure (%2 s).</source>
        <translation>Die Transaktionswarnung der Pool-Prüfung (%1 s) liegt über ihrer Fehlergrenze (%2 s).</translation>
    </message>
</context>
<context>
    <name>RemediationPanel</name>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="50"/>
        <source>fail</source>
        <comment>KB article severity: a finding fails the check</comment>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="52"/>
        <source>warn</source>
        <comment>KB article severity: a finding is a warning</comment>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="54"/>
        <source>error</source>
        <comment>KB article severity</comment>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="56"/>
        <source>critical</source>
        <comment>KB article severity</comment>
        <translation>kritisch</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="58"/>
        <source>info</source>
        <comment>KB article severity</comment>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="89"/>
        <source>Remediation panel</source>
        <translation>Behebungsbereich</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="100"/>
        <source>Article badges</source>
        <translation>Artikelmerkmale</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="108"/>
        <source>Failure text</source>
        <translation>Fehlertext</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="110"/>
        <location filename="../ui/remediationpanel.cpp" line="115"/>
        <source>Evidence</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="110"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="159"/>
        <source>Select a result to see how to fix it</source>
        <translation>Wählen Sie ein Ergebnis, um zu sehen, wie es behoben wird</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="206"/>
        <source>%1 (no knowledge-base article)</source>
        <translation>%1 (kein Wissensdatenbank-Artikel)</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="220"/>
        <source>What the tool recorded:</source>
        <translation>Was das Werkzeug aufgezeichnet hat:</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="221"/>
        <source>What %1 recorded:</source>
        <translation>Was %1 aufgezeichnet hat:</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="262"/>
        <source>severity: %1</source>
        <translation>Schweregrad: %1</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="298"/>
        <source>Related checks: %1</source>
        <translation>Verwandte Prüfungen: %1</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../models/resultsmodel.cpp" line="31"/>
        <source>Pass</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="33"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="35"/>
        <source>Fail</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="37"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="39"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="41"/>
        <source>Not run</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="54"/>
        <source>%1 since %2 (the first run that found it so)</source>
        <translation>%1 seit %2 (die erste Prüfung, die das so vorfand)</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="61"/>
        <source>Checked at %1; not refreshed: the run was cancelled</source>
        <translation>Geprüft um %1; nicht aktualisiert: die Prüfung wurde abgebrochen</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="63"/>
        <source>Checked at %1; a new result is on its way</source>
        <translation>Geprüft um %1; ein neues Ergebnis ist unterwegs</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="65"/>
        <source>Checked at %1</source>
        <translation>Geprüft um %1</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="67"/>
        <source>Changed since the last run: was %1, now %2</source>
        <translation>Seit der letzten Prüfung geändert: vorher %1, jetzt %2</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="104"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="134"/>
        <source>%1, changed from %2</source>
        <translation>%1, vorher %2</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="136"/>
        <source>%1, from an earlier run</source>
        <translation>%1, aus einer früheren Prüfung</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="181"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="183"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="185"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="187"/>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="189"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="191"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="193"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="195"/>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <location filename="../models/resultsmodelsince.cpp" line="12"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location filename="../models/resultsmodelsince.cpp" line="14"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../models/resultsmodelsince.cpp" line="16"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../models/resultsmodelsince.cpp" line="17"/>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
</context>
<context>
    <name>ResultsProxyModel</name>
    <message numerus="yes">
        <location filename="../models/resultsproxymodel.cpp" line="55"/>
        <source>%n fail</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/resultsproxymodel.cpp" line="57"/>
        <source>%n error</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/resultsproxymodel.cpp" line="59"/>
        <source>%n not run</source>
        <translation>
            <numerusform>%n nicht ausgeführt</numerusform>
            <numerusform>%n nicht ausgeführt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/resultsproxymodel.cpp" line="61"/>
        <source>%n warn</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/resultsproxymodel.cpp" line="63"/>
        <source>%n pass</source>
        <translation>
            <numerusform>%n bestanden</numerusform>
            <numerusform>%n bestanden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/resultsproxymodel.cpp" line="65"/>
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/resultsproxymodel.cpp" line="154"/>
        <source>%n refreshing</source>
        <translation>
            <numerusform>%n wird aktualisiert</numerusform>
            <numerusform>%n werden aktualisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/resultsproxymodel.cpp" line="156"/>
        <source>%n not refreshed</source>
        <translation>
            <numerusform>%n nicht aktualisiert</numerusform>
            <numerusform>%n nicht aktualisiert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/resultsproxymodel.cpp" line="160"/>
        <source>, checked %1</source>
        <translation>, geprüft %1</translation>
    </message>
    <message>
        <location filename="../models/resultsproxymodel.cpp" line="160"/>
        <source>, checked %1–%2</source>
        <translation>, geprüft %1–%2</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../ui/resultsview.cpp" line="61"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="62"/>
        <source>Copy as &amp;Markdown</source>
        <translation>Als &amp;Markdown kopieren</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="63"/>
        <source>Copy as &amp;JSON</source>
        <translation>Als &amp;JSON kopieren</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="66"/>
        <source>Results summary</source>
        <translation>Zusammenfassung der Ergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="70"/>
        <source>Check results</source>
        <translation>Prüfergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="95"/>
        <source>Copy the result with its evidence and target as text</source>
        <translation>Das Ergebnis mit Befund und Ziel als Text kopieren</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="96"/>
        <source>Copy the result with its evidence and target as Markdown</source>
        <translation>Das Ergebnis mit Befund und Ziel als Markdown kopieren</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="97"/>
        <source>Copy the result as the doctor CLI&apos;s JSON report</source>
        <translation>Das Ergebnis als JSON-Bericht der doctor-CLI kopieren</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="257"/>
        <source>Result copied with its evidence</source>
        <translation>Ergebnis mit Befund kopiert</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="263"/>
        <source>Result copied as Markdown</source>
        <translation>Ergebnis als Markdown kopiert</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="269"/>
        <source>Result copied as JSON</source>
        <translation>Ergebnis als JSON kopiert</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="280"/>
        <source>No results yet</source>
        <translation>Noch keine Ergebnisse</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <location filename="../ui/runcontroller.cpp" line="122"/>
        <location filename="../ui/runcontroller.cpp" line="206"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/runcontroller.cpp" line="206"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/runcontroller.cpp" line="209"/>
        <source> · next run at %1</source>
        <translation> · nächste Prüfung um %1</translation>
    </message>
    <message>
        <location filename="../ui/runcontroller.cpp" line="219"/>
        <source>Waiting for a password: %1</source>
        <translation>Warte auf ein Passwort: %1</translation>
    </message>
    <message>
        <location filename="../ui/runcontroller.cpp" line="259"/>
        <source>Not run: no password given (the password prompt was cancelled). Enter Password… on the environment, or Run Selected Environment, asks for it again.</source>
        <translation>Nicht ausgeführt: kein Passwort angegeben (die Passwortabfrage wurde abgebrochen). „Passwort eingeben …“ an der Umgebung oder „Ausgewählte Umgebung prüfen“ fragt erneut danach.</translation>
    </message>
</context>
<context>
    <name>RunStatus</name>
    <message>
        <location filename="../ui/runstatus.cpp" line="16"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/runstatus.cpp" line="53"/>
        <source>Checking %1 of %2</source>
        <translation>Prüfe %1 von %2</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <location filename="../ui/secretstore.cpp" line="79"/>
        <source>%1 on %2:%3</source>
        <translation>%1 auf %2:%3</translation>
    </message>
    <message>
        <location filename="../ui/secretstore.cpp" line="80"/>
        <source>the local socket</source>
        <translation>dem lokalen Socket</translation>
    </message>
    <message>
        <location filename="../ui/secretstore.cpp" line="235"/>
        <source>No keychain is available, so a password is kept only until Doctor Dashboard quits and will be asked for again next time.</source>
        <translation>Es ist kein Schlüsselbund verfügbar; ein Passwort wird daher nur bis zum Beenden von Doctor Dashboard behalten und beim nächsten Mal erneut abgefragt.</translation>
    </message>
    <message>
        <location filename="../ui/secretstore.cpp" line="358"/>
        <source>waiting for password</source>
        <translation>wartet auf Passwort</translation>
    </message>
    <message>
        <location filename="../ui/secretstore.cpp" line="360"/>
        <source>no password given</source>
        <translation>kein Passwort angegeben</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="34"/>
        <source>Settings — Doctor Dashboard</source>
        <translation>Einstellungen — Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="37"/>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="42"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="46"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="47"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="48"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="50"/>
        <source>Colour theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="54"/>
        <source>Knowledge-base folders</source>
        <translation>Wissensdatenbank-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="56"/>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="57"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="59"/>
        <source>Knowledge-Base Folder</source>
        <translation>Wissensdatenbank-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="73"/>
        <source>Knowledge-base articles and check messages are in English.</source>
        <translation>Die Artikel der Wissensdatenbank und die Meldungen der Prüfungen sind auf Englisch.</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="78"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="80"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="83"/>
        <source>Extra &amp;knowledge-base folders:</source>
        <translation>Zusätzliche &amp;Wissensdatenbank-Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="88"/>
        <source>Articles in these folders add to or replace the shipped ones. The language and the folders take effect the next time Doctor Dashboard starts; the theme at once.</source>
        <translation>Artikel in diesen Ordnern ergänzen oder ersetzen die mitgelieferten. Sprache und Ordner wirken beim nächsten Start von Doctor Dashboard, das Farbschema sofort.</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="113"/>
        <source>Write the shared database&apos;s URL as postgresql://user@host:5432/database.</source>
        <translation>Geben Sie die URL der gemeinsamen Datenbank als postgresql://user@host:5432/database an.</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="137"/>
        <source>Record run &amp;history</source>
        <translation>Prüf&amp;verlauf aufzeichnen</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="142"/>
        <source>Default file</source>
        <translation>Standarddatei</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="143"/>
        <source>SQLite file</source>
        <translation>SQLite-Datei</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="144"/>
        <source>Shared PostgreSQL database</source>
        <translation>Gemeinsame PostgreSQL-Datenbank</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="145"/>
        <source>Run history store</source>
        <translation>Speicher des Prüfverlaufs</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="148"/>
        <source>Run history file or URL</source>
        <translation>Datei oder URL des Prüfverlaufs</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="149"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="170"/>
        <source>Run History File</source>
        <translation>Datei des Prüfverlaufs</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="171"/>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="177"/>
        <source>History &amp;store:</source>
        <translation>Verlaufss&amp;peicher:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="200"/>
        <source>Runs are recorded in a file of your own.</source>
        <translation>Prüfungen werden in einer eigenen Datei aufgezeichnet.</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="202"/>
        <source>A SQLite file, created on first use</source>
        <translation>Eine SQLite-Datei, beim ersten Gebrauch angelegt</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="203"/>
        <source>Several people or machines may write one file at once.</source>
        <translation>Mehrere Personen oder Rechner dürfen gleichzeitig in eine Datei schreiben.</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="207"/>
        <source>The password is never saved: the connection takes it from PGPASSWORD or the password file (~/.pgpass), as psql does. A password in the URL is removed when the settings are saved.</source>
        <translation>Das Passwort wird nie gespeichert: Die Verbindung nimmt es wie psql aus PGPASSWORD oder der Passwortdatei (~/.pgpass). Ein Passwort in der URL wird beim Speichern der Einstellungen entfernt.</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="210"/>
        <source>libpq cannot read this URL; write it as postgresql://user@host:5432/database.</source>
        <translation>libpq kann diese URL nicht lesen; schreiben Sie sie als postgresql://user@host:5432/database.</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="214"/>
        <source>Runs are not recorded; the Since column and the timeline stay empty.</source>
        <translation>Prüfungen werden nicht aufgezeichnet; die Spalte „Seit“ und die Zeitleiste bleiben leer.</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../ui/timelineview.cpp" line="76"/>
        <location filename="../ui/timelineview.cpp" line="201"/>
        <source>Pending migrations</source>
        <translation>Ausstehende Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/timelineview.cpp" line="83"/>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <location filename="../ui/timelineview.cpp" line="104"/>
        <source>Select a result to see its history.</source>
        <translation>Wählen Sie ein Ergebnis, um seinen Verlauf zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/timelineview.cpp" line="109"/>
        <source>Loading the history…</source>
        <translation>Verlauf wird geladen …</translation>
    </message>
    <message>
        <location filename="../ui/timelineview.cpp" line="128"/>
        <source>No history of this result yet: each run of it adds to its timeline.</source>
        <translation>Noch kein Verlauf für dieses Ergebnis: Jede Prüfung ergänzt seine Zeitleiste.</translation>
    </message>
    <message>
        <location filename="../ui/timelineview.cpp" line="135"/>
        <source>%1 · %2 — one run, %3</source>
        <translation>%1 · %2 — eine Prüfung, %3</translation>
    </message>
    <message>
        <location filename="../ui/timelineview.cpp" line="136"/>
        <source>%1 · %2 — %3 runs since %4</source>
        <translation>%1 · %2 — %3 Prüfungen seit %4</translation>
    </message>
    <message>
        <location filename="../ui/timelineview.cpp" line="217"/>
        <source>Runs</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <location filename="../ui/timelineview.cpp" line="245"/>
        <source>Run of %1</source>
        <translation>Prüfung vom %1</translation>
    </message>
    <message>
        <location filename="../ui/timelineview.cpp" line="249"/>
        <source>Pending migrations: %1</source>
        <translation>Ausstehende Migrationen: %1</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../ui/welcomepage.cpp" line="34"/>
        <source>&lt;h2&gt;No environments configured yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Noch keine Umgebungen eingerichtet&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="24"/>
        <source>Try the &amp;demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="23"/>
        <source>&amp;Open environments file…</source>
        <translation>Umgebungsdatei ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="21"/>
        <source>&amp;New environment…</source>
        <translation>&amp;Neue Umgebung …</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="22"/>
        <source>&amp;Sample file…</source>
        <translation>&amp;Beispieldatei …</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="27"/>
        <source>Save Sample Environments File</source>
        <translation>Beispiel-Umgebungsdatei speichern</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="29"/>
        <source>Environments (*.yaml *.yml);;All files (*)</source>
        <translation>Umgebungen (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="36"/>
        <source>Describe the databases to check in an environments file (YAML): create the first environment here, start from a commented sample file, or open a file you have. The demo shows three SQLite environments whose migration histories are in different states, and needs no server.</source>
        <translation>Beschreiben Sie die zu prüfenden Datenbanken in einer Umgebungsdatei (YAML): Legen Sie hier die erste Umgebung an, beginnen Sie mit einer kommentierten Beispieldatei oder öffnen Sie eine vorhandene Datei. Die Demo zeigt drei SQLite-Umgebungen, deren Migrationsverläufe in unterschiedlichen Zuständen sind, und braucht keinen Server.</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="43"/>
        <source>Enter a connection, test it, and choose a file to save the environment in.</source>
        <translation>Eine Verbindung eingeben, testen und eine Datei wählen, in der die Umgebung gespeichert wird.</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="45"/>
        <source>Write a commented example environments file where you choose, and open it.</source>
        <translation>Eine kommentierte Beispiel-Umgebungsdatei an einem Ort Ihrer Wahl anlegen und öffnen.</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="64"/>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="98"/>
        <source>Cannot write the sample file</source>
        <translation>Die Beispieldatei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="99"/>
        <source>%1

Choose a folder you can write to.</source>
        <translation>%1

Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
</context>
</TS>
