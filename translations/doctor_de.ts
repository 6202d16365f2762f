<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../ui/articleview.cpp" line="29"/>
        <source>Knowledge-base article</source>
        <translation>Wissensdatenbank-Artikel</translation>
    </message>
</context>
<context>
    <name>CodeBlockView</name>
    <message>
        <location filename="../ui/codeblockview.cpp" line="26"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="27"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="33"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="36"/>
        <source>Copied notice</source>
        <translation>Hinweis „Kopiert“</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="37"/>
        <source>Copy this command to the clipboard</source>
        <translation>Diesen Befehl in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="38"/>
        <source>Copy command</source>
        <translation>Befehl kopieren</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="56"/>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="46"/>
        <source>Connection &amp;settings</source>
        <translation>&amp;Verbindungseinstellungen</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="47"/>
        <source>The service&apos;s a&amp;ppsettings.json</source>
        <translation>a&amp;ppsettings.json des Dienstes</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="50"/>
        <source>&amp;Paste Connection String</source>
        <translation>Verbindungszeichenfolge &amp;einfügen</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="61"/>
        <source>New Environment</source>
        <translation>Neue Umgebung</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="63"/>
        <source>Environment name</source>
        <translation>Name der Umgebung</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="64"/>
        <source>prod, staging, customer-a…</source>
        <translation>prod, staging, kunde-a …</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="66"/>
        <source>Deployment style</source>
        <translation>Bereitstellungsart</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="71"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="72"/>
        <source>&amp;Deployment:</source>
        <translation>&amp;Bereitstellung:</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="85"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="90"/>
        <source>Migrations and fixes</source>
        <translation>Migrationen und Behebung</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="92"/>
        <source>Pool check limits</source>
        <translation>Grenzwerte der Pool-Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="125"/>
        <source>Paste connection string</source>
        <translation>Verbindungszeichenfolge einfügen</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="126"/>
        <source>Fill the fields from an Npgsql, libpq or postgresql:// connection string on the clipboard</source>
        <translation>Die Felder aus einer Npgsql-, libpq- oder postgresql://-Verbindungszeichenfolge in der Zwischenablage füllen</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="146"/>
        <source>appsettings.json path</source>
        <translation>Pfad der appsettings.json</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="147"/>
        <source>/srv/app/appsettings.json or its folder</source>
        <translation>/srv/app/appsettings.json oder ihr Ordner</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="149"/>
        <source>.NET environment name</source>
        <translation>.NET-Umgebungsname</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="150"/>
        <source>From DOTNET_ENVIRONMENT, else Production</source>
        <translation>Aus DOTNET_ENVIRONMENT, sonst Production</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="151"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="152"/>
        <source>Choose appsettings.json</source>
        <translation>appsettings.json auswählen</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="154"/>
        <source>appsettings.json</source>
        <translation>appsettings.json</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="155"/>
        <source>JSON (*.json);;All files (*)</source>
        <translation>JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="164"/>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="167"/>
        <source>.NET &amp;environment:</source>
        <translation>.NET-&amp;Umgebung:</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="173"/>
        <source>Edit Environment</source>
        <translation>Umgebung bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="187"/>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="242"/>
        <source>Could not read the connection string: %1 Nothing was changed.</source>
        <translation>Die Verbindungszeichenfolge konnte nicht gelesen werden: %1 Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="252"/>
        <source>Filled in from the connection string.</source>
        <translation>Aus der Verbindungszeichenfolge übernommen.</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="255"/>
        <source>Filled in, with warnings:
%1</source>
        <translation>Übernommen, mit Warnungen:
%1</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="266"/>
        <source>Paste Connection String</source>
        <translation>Verbindungszeichenfolge einfügen</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="267"/>
        <source>Connection string (Npgsql, libpq or postgresql://):</source>
        <translation>Verbindungszeichenfolge (Npgsql, libpq oder postgresql://):</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="280"/>
        <source>Choose the service&apos;s appsettings.json (or the folder it is in).</source>
        <translation>Wählen Sie die appsettings.json des Dienstes (oder ihren Ordner).</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="282"/>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="287"/>
        <source>Enter the SQLite database file.</source>
        <translation>Geben Sie die SQLite-Datenbankdatei an.</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="289"/>
        <source>Enter the host: a name, an address, or the folder of the server&apos;s socket.</source>
        <translation>Geben Sie den Host an: einen Namen, eine Adresse oder den Ordner des Server-Sockets.</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="293"/>
        <source>The connection settings are not valid: %1</source>
        <translation>Die Verbindungseinstellungen sind ungültig: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="300"/>
        <source>Enter a name for the environment.</source>
        <translation>Geben Sie einen Namen für die Umgebung ein.</translation>
    </message>
    <message>
        <location filename="../ui/connectiondialog.cpp" line="302"/>
        <source>Another environment is already named &quot;%1&quot;; choose another name.</source>
        <translation>Eine andere Umgebung heißt bereits „%1“; wählen Sie einen anderen Namen.</translation>
    </message>
</context>
<context>
    <name>ConnectionFields</name>
    <message>
        <location filename="../ui/connectionfields.cpp" line="31"/>
        <source>Remember in &amp;keychain</source>
        <translation>Im &amp;Schlüsselbund merken</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="34"/>
        <location filename="../ui/connectionfields.cpp" line="169"/>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="41"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="42"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="43"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="44"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="45"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="46"/>
        <source>Remember password in keychain</source>
        <translation>Passwort im Schlüsselbund merken</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="47"/>
        <source>SSL mode</source>
        <translation>SSL-Modus</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="48"/>
        <source>Connect timeout in seconds</source>
        <translation>Verbindungs-Zeitlimit in Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="50"/>
        <source>db.example.com (several: a,b)</source>
        <translation>db.example.com (mehrere: a,b)</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="58"/>
        <source>Default (prefer)</source>
        <translation>Standard (prefer)</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="64"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="71"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="72"/>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="75"/>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="79"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="82"/>
        <source>&amp;SSL mode:</source>
        <translation>&amp;SSL-Modus:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="83"/>
        <source>Connect &amp;timeout:</source>
        <translation>Verbindungs-&amp;Zeitlimit:</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="112"/>
        <source>Trust Server Certificate</source>
        <translation>Serverzertifikat vertrauen</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="113"/>
        <source>Also kept from the connection string: %1</source>
        <translation>Außerdem aus der Verbindungszeichenfolge übernommen: %1</translation>
    </message>
    <message>
        <location filename="../ui/connectionfields.cpp" line="169"/>
        <source>&amp;Database file:</source>
        <translation>&amp;Datenbankdatei:</translation>
    </message>
</context>
<context>
    <name>ConnectionTester</name>
    <message>
        <location filename="../ui/connectiontester.cpp" line="21"/>
        <source>Test Co&amp;nnection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location filename="../ui/connectiontester.cpp" line="26"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../ui/connectiontester.cpp" line="28"/>
        <source>Testing the connection</source>
        <translation>Verbindung wird getestet</translation>
    </message>
    <message>
        <location filename="../ui/connectiontester.cpp" line="34"/>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <location filename="../ui/connectiontester.cpp" line="68"/>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/connectiontester.cpp" line="83"/>
        <source>Connected to %1 (round trip %2 ms).</source>
        <translation>Verbunden mit %1 (Antwortzeit %2 ms).</translation>
    </message>
    <message>
        <location filename="../ui/connectiontester.cpp" line="86"/>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>DeploymentText</name>
    <message>
        <location filename="../models/deploymenttext.cpp" line="12"/>
        <source>Docker Compose</source>
        <extracomment>Deployment style: the product run with Docker Compose</extracomment>
        <translation>Docker Compose</translation>
    </message>
    <message>
        <location filename="../models/deploymenttext.cpp" line="15"/>
        <source>Bare metal / systemd</source>
        <extracomment>Deployment style: installed on a host, services run by systemd</extracomment>
        <translation>Bare Metal / systemd</translation>
    </message>
    <message>
        <location filename="../models/deploymenttext.cpp" line="18"/>
        <source>Kubernetes / Helm</source>
        <extracomment>Deployment style: the product run on Kubernetes, installed with Helm</extracomment>
        <translation>Kubernetes / Helm</translation>
    </message>
</context>
<context>
    <name>EnvironmentDetailsForm</name>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="24"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="27"/>
        <source>Expected migrations source</source>
        <translation>Quelle der erwarteten Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="28"/>
        <source>Migrations folder, idempotent script or manifest</source>
        <translation>Migrations-Ordner, idempotentes Skript oder Manifest</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="30"/>
        <source>History table schema</source>
        <translation>Schema der Verlaufstabelle</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="32"/>
        <source>History table name</source>
        <translation>Name der Verlaufstabelle</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="37"/>
        <source>&amp;File…</source>
        <translation>&amp;Datei …</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="38"/>
        <source>Choose an expected migrations file</source>
        <translation>Datei mit erwarteten Migrationen auswählen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="40"/>
        <source>F&amp;older…</source>
        <translation>&amp;Ordner …</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="41"/>
        <source>Choose an expected migrations folder</source>
        <translation>Ordner mit erwarteten Migrationen auswählen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="53"/>
        <source>Placeholders</source>
        <translation>Platzhalter</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="54"/>
        <source>Placeholder</source>
        <translation>Platzhalter</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="54"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="58"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="59"/>
        <source>Add placeholder</source>
        <translation>Platzhalter hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="64"/>
        <source>Remove placeholder</source>
        <translation>Platzhalter entfernen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="88"/>
        <source>E&amp;xpected migrations:</source>
        <translation>E&amp;rwartete Migrationen:</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="89"/>
        <source>History &amp;table (schema, name):</source>
        <translation>Verlaufs&amp;tabelle (Schema, Name):</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="90"/>
        <source>&amp;Placeholders:</source>
        <translation>&amp;Platzhalter:</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="136"/>
        <source>The placeholder &lt;%1&gt; is listed twice; keep one.</source>
        <translation>Der Platzhalter &lt;%1&gt; steht zweimal in der Liste; behalten Sie einen.</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="155"/>
        <source>Expected Migrations Folder</source>
        <translation>Ordner der erwarteten Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="156"/>
        <source>Expected Migrations File</source>
        <translation>Datei der erwarteten Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/environmentdetailsform.cpp" line="157"/>
        <source>Scripts and manifests (*.sql *.txt);;All files (*)</source>
        <translation>Skripte und Manifeste (*.sql *.txt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>EnvironmentsModel</name>
    <message>
        <location filename="../models/environmentsmodel.cpp" line="21"/>
        <location filename="../models/environmentsmodel.cpp" line="25"/>
        <source>All environments</source>
        <translation>Alle Umgebungen</translation>
    </message>
    <message>
        <location filename="../models/environmentsmodel.cpp" line="42"/>
        <source>Worst result: %1</source>
        <translation>Schlechtestes Ergebnis: %1</translation>
    </message>
    <message>
        <location filename="../models/environmentsmodel.cpp" line="52"/>
        <source>%1, checking</source>
        <translation>%1, wird geprüft</translation>
    </message>
    <message>
        <location filename="../models/environmentsmodel.cpp" line="55"/>
        <source>%1, worst result %2</source>
        <translation>%1, schlechtestes Ergebnis %2</translation>
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
        <location filename="../ui/fixtabs.cpp" line="116"/>
        <source>Nothing to do: this check passed.</source>
        <translation>Nichts zu tun: Diese Prüfung ist bestanden.</translation>
    </message>
    <message>
        <location filename="../ui/fixtabs.cpp" line="119"/>
        <source>This check did not run, so there is nothing to fix here. Why: %1</source>
        <translation>Diese Prüfung lief nicht, hier ist also nichts zu beheben. Grund: %1</translation>
    </message>
    <message>
        <location filename="../ui/fixtabs.cpp" line="120"/>
        <source>no reason given.</source>
        <translation>kein Grund angegeben.</translation>
    </message>
    <message>
        <location filename="../ui/fixtabs.cpp" line="124"/>
        <source>No fix for %1 matches this result&apos;s evidence; the message above says what went wrong.</source>
        <translation>Keine Behebung für %1 passt zum Befund dieses Ergebnisses; die Meldung oben sagt, was schiefging.</translation>
    </message>
    <message>
        <location filename="../ui/fixtabs.cpp" line="130"/>
        <source>No commands for this deployment style.</source>
        <translation>Keine Befehle für diese Bereitstellungsart.</translation>
    </message>
    <message>
        <location filename="../ui/fixtabs.cpp" line="153"/>
        <source>1 other fix that does not match this result</source>
        <translation>1 weitere Behebung, die nicht zu diesem Ergebnis passt</translation>
    </message>
    <message>
        <location filename="../ui/fixtabs.cpp" line="154"/>
        <source>%1 other fixes that do not match this result</source>
        <translation>%1 weitere Behebungen, die nicht zu diesem Ergebnis passen</translation>
    </message>
    <message>
        <location filename="../ui/fixtabs.cpp" line="197"/>
        <source>When: %1</source>
        <translation>Wann: %1</translation>
    </message>
</context>
<context>
    <name>KbBrowser</name>
    <message>
        <location filename="../ui/kbbrowser.cpp" line="24"/>
        <source>Knowledge Base — Doctor Dashboard</source>
        <translation>Wissensdatenbank — Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/kbbrowser.cpp" line="26"/>
        <source>Search titles, tags and text…</source>
        <translation>Titel, Schlagwörter und Text durchsuchen …</translation>
    </message>
    <message>
        <location filename="../ui/kbbrowser.cpp" line="28"/>
        <source>Search the knowledge base</source>
        <translation>Wissensdatenbank durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/kbbrowser.cpp" line="31"/>
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
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="51"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="53"/>
        <source>&amp;Open Environments File…</source>
        <translation>Umgebungsdatei ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="55"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="56"/>
        <source>Open &amp;Demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="60"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="69"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="73"/>
        <source>&amp;Run</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="74"/>
        <source>Run &amp;All</source>
        <translation>&amp;Alle prüfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="76"/>
        <source>Run &amp;Selected Environment</source>
        <translation>Ausgewählte &amp;Umgebung prüfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="78"/>
        <source>&amp;Cancel</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="83"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="84"/>
        <source>&amp;Pending Migrations Only</source>
        <translation>Nur &amp;ausstehende Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="89"/>
        <source>&amp;Filter Migrations</source>
        <translation>Migrationen &amp;filtern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="93"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="95"/>
        <source>&amp;Knowledge Base</source>
        <translation>&amp;Wissensdatenbank</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="97"/>
        <source>&amp;About Doctor Dashboard</source>
        <translation>Ü&amp;ber Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="99"/>
        <source>Run</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="110"/>
        <source>Auto-&amp;Refresh</source>
        <translation>Automatisch a&amp;ktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="112"/>
        <source>&amp;Off</source>
        <translation>&amp;Aus</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="113"/>
        <source>Every &amp;30 Seconds</source>
        <translation>Alle &amp;30 Sekunden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="113"/>
        <source>Every &amp;Minute</source>
        <translation>Jede &amp;Minute</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="114"/>
        <source>Every &amp;5 Minutes</source>
        <translation>Alle &amp;5 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="114"/>
        <source>Every &amp;15 Minutes</source>
        <translation>Alle &amp;15 Minuten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="112"/>
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="158"/>
        <source>Command copied to the clipboard</source>
        <translation>Befehl in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="218"/>
        <source>Cannot open environments file</source>
        <translation>Umgebungsdatei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="219"/>
        <source>%1

Nothing was changed; fix the file and open it again.</source>
        <translation>%1

Es wurde nichts geändert. Korrigieren Sie die Datei und öffnen Sie sie erneut.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="237"/>
        <source>Cannot create the demo</source>
        <translation>Die Demo kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="240"/>
        <source>demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="474"/>
        <source>Open Environments File</source>
        <translation>Umgebungsdatei öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="475"/>
        <location filename="../ui/mainwindowenvironments.cpp" line="185"/>
        <source>Environments (*.yaml *.yml);;All files (*)</source>
        <translation>Umgebungen (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="484"/>
        <source>Doctor Dashboard</source>
        <translation>Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="484"/>
        <source>%1 — Doctor Dashboard</source>
        <translation>%1 — Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="173"/>
        <source>About Doctor Dashboard</source>
        <translation>Über Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowmenus.cpp" line="174"/>
        <source>&lt;h3&gt;Doctor Dashboard %1&lt;/h3&gt;&lt;p&gt;Health checks for database environments: connectivity, connection pool and EF Core migrations, with fixes for Docker Compose, systemd and Kubernetes.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Doctor Dashboard %1&lt;/h3&gt;&lt;p&gt;Zustandsprüfungen für Datenbankumgebungen: Erreichbarkeit, Verbindungspool und EF-Core-Migrationen, mit Lösungen für Docker Compose, systemd und Kubernetes.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="29"/>
        <source>&amp;New Environment…</source>
        <translation>&amp;Neue Umgebung …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="31"/>
        <source>&amp;Edit Environment…</source>
        <translation>Umgebung &amp;bearbeiten …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="38"/>
        <source>Enter &amp;Password…</source>
        <translation>&amp;Passwort eingeben …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="49"/>
        <source>&amp;Save Environments</source>
        <translation>Umgebungen &amp;speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="51"/>
        <source>Save Environments &amp;As…</source>
        <translation>Umgebungen speichern &amp;unter …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="158"/>
        <source>unsaved environments</source>
        <translation>ungespeicherte Umgebungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="169"/>
        <source>Environment &quot;%1&quot; %2; File &gt; Save Environments keeps it.</source>
        <translation>Umgebung „%1“ %2; Datei &gt; Umgebungen speichern behält sie.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="170"/>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="170"/>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="185"/>
        <source>Save Environments</source>
        <translation>Umgebungen speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="197"/>
        <source>Cannot save environments</source>
        <translation>Umgebungen können nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="198"/>
        <source>%1

Fix the cause, or choose another file with Save Environments As….</source>
        <translation>%1

Beheben Sie die Ursache oder wählen Sie mit „Umgebungen speichern unter …“ eine andere Datei.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="214"/>
        <source>Saved to %1. Passwords are not written to the file: on the next start they come from the keychain, PGPASSWORD or .pgpass, or are asked for.</source>
        <translation>In %1 gespeichert. Passwörter werden nicht in die Datei geschrieben: Beim nächsten Start kommen sie aus dem Schlüsselbund, aus PGPASSWORD oder .pgpass, oder sie werden abgefragt.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="217"/>
        <source>Saved to %1.</source>
        <translation>In %1 gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="226"/>
        <source>Unsaved environments</source>
        <translation>Ungespeicherte Umgebungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindowenvironments.cpp" line="227"/>
        <source>The environments were changed and not saved. Save them now?</source>
        <translation>Die Umgebungen wurden geändert und nicht gespeichert. Jetzt speichern?</translation>
    </message>
</context>
<context>
    <name>MigrationsFilterModel</name>
    <message>
        <location filename="../models/migrationsfiltermodel.cpp" line="199"/>
        <source>sorting %1 migrations…</source>
        <translation>%1 Migrationen werden sortiert …</translation>
    </message>
    <message>
        <location filename="../models/migrationsfiltermodel.cpp" line="204"/>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
</context>
<context>
    <name>MigrationsModel</name>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="25"/>
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="27"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="29"/>
        <source>Not in expected set</source>
        <translation>Nicht in der erwarteten Menge</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="110"/>
        <source>MigrationId</source>
        <translation>MigrationId</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="112"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="114"/>
        <source>ProductVersion</source>
        <translation>ProductVersion</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="116"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/migrationsmodel.cpp" line="143"/>
        <source>%n applied</source>
        <translation>
            <numerusform>%n angewendet</numerusform>
            <numerusform>%n angewendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/migrationsmodel.cpp" line="144"/>
        <source>%n pending</source>
        <translation>
            <numerusform>%n ausstehend</numerusform>
            <numerusform>%n ausstehend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/migrationsmodel.cpp" line="146"/>
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
        <location filename="../ui/migrationsview.cpp" line="25"/>
        <source>&amp;Pending only</source>
        <translation>Nur &amp;ausstehende</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="28"/>
        <location filename="../ui/migrationsview.cpp" line="121"/>
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="30"/>
        <source>Filter migrations…</source>
        <translation>Migrationen filtern …</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="32"/>
        <source>Filter migrations</source>
        <translation>Migrationen filtern</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="34"/>
        <source>Migration counts</source>
        <translation>Anzahl der Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="54"/>
        <source>Migrations table</source>
        <translation>Migrationstabelle</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="122"/>
        <source>Migrations of %1</source>
        <translation>Migrationen von %1</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="133"/>
        <source>select an environment or a result to see its migrations</source>
        <translation>Wählen Sie eine Umgebung oder ein Ergebnis, um die Migrationen zu sehen</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="135"/>
        <source>no migrations result yet</source>
        <translation>noch kein Migrationsergebnis</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="139"/>
        <source>from the last run; refreshing</source>
        <translation>aus der letzten Prüfung; wird aktualisiert</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <location filename="../ui/passwordprompt.cpp" line="16"/>
        <source>Remember for this &amp;session</source>
        <translation>Für diese Si&amp;tzung merken</translation>
    </message>
    <message>
        <location filename="../ui/passwordprompt.cpp" line="17"/>
        <source>Remember in &amp;keychain</source>
        <translation>Im &amp;Schlüsselbund merken</translation>
    </message>
    <message>
        <location filename="../ui/passwordprompt.cpp" line="22"/>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <location filename="../ui/passwordprompt.cpp" line="51"/>
        <source>Cancel: these environments are shown as &quot;no password given&quot; and not asked for again until you choose Enter Password… or Run Selected Environment on one of them.</source>
        <translation>Abbrechen: Diese Umgebungen werden als „kein Passwort angegeben“ angezeigt und erst wieder abgefragt, wenn Sie bei einer von ihnen „Passwort eingeben …“ oder „Ausgewählte Umgebung prüfen“ wählen.</translation>
    </message>
    <message>
        <location filename="../ui/passwordprompt.cpp" line="68"/>
        <source>Password for &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;used by %2</source>
        <translation>Passwort für &lt;b&gt;%1&lt;/b&gt;&lt;br&gt;verwendet von %2</translation>
    </message>
    <message>
        <location filename="../ui/passwordprompt.cpp" line="34"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
</context>
<context>
    <name>PoolThresholdsForm</name>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="55"/>
        <source>Warn when this share of usable connections is in use</source>
        <translation>Warnen, wenn dieser Anteil der nutzbaren Verbindungen belegt ist</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="56"/>
        <source>Fail when this share of usable connections is in use</source>
        <translation>Fehlschlagen, wenn dieser Anteil der nutzbaren Verbindungen belegt ist</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="58"/>
        <source>Warn at this many sessions idle in a transaction</source>
        <translation>Warnen ab so vielen Sitzungen, die in einer Transaktion untätig sind</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="60"/>
        <source>Count sessions idle in a transaction for longer than this</source>
        <translation>Sitzungen zählen, die länger als diese Zeit in einer Transaktion untätig sind</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="60"/>
        <location filename="../ui/poolthresholdsform.cpp" line="62"/>
        <location filename="../ui/poolthresholdsform.cpp" line="64"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="62"/>
        <source>Warn when a transaction has been open longer than this</source>
        <translation>Warnen, wenn eine Transaktion länger als diese Zeit offen ist</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="64"/>
        <source>Fail when a transaction has been open longer than this</source>
        <translation>Fehlschlagen, wenn eine Transaktion länger als diese Zeit offen ist</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="68"/>
        <source>Connections in use:</source>
        <translation>Belegte Verbindungen:</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="69"/>
        <location filename="../ui/poolthresholdsform.cpp" line="71"/>
        <source>warn at</source>
        <translation>warnen bei</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="69"/>
        <source>fail at</source>
        <translation>Fehler bei</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="70"/>
        <source>Idle in transaction:</source>
        <translation>Untätig in Transaktion:</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="71"/>
        <source>sessions idle over</source>
        <translation>Sitzungen, untätig länger als</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="72"/>
        <source>Oldest transaction:</source>
        <translation>Älteste Transaktion:</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="73"/>
        <source>warn after</source>
        <translation>warnen nach</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="73"/>
        <source>fail after</source>
        <translation>Fehler nach</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="131"/>
        <source>The pool check&apos;s connection warning (%1 %) is above its failure (%2 %).</source>
        <translation>Die Verbindungswarnung der Pool-Prüfung (%1 %) liegt über ihrer Fehlergrenze (%2 %).</translation>
    </message>
    <message>
        <location filename="../ui/poolthresholdsform.cpp" line="135"/>
        <source>The pool check&apos;s transaction warning (%1 s) is above its failure (%2 s).</source>
        <translation>Die Transaktionswarnung der Pool-Prüfung (%1 s) liegt über ihrer Fehlergrenze (%2 s).</translation>
    </message>
</context>
<context>
    <name>RemediationPanel</name>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="55"/>
        <source>fail</source>
        <comment>KB article severity: a finding fails the check</comment>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="57"/>
        <source>warn</source>
        <comment>KB article severity: a finding is a warning</comment>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="59"/>
        <source>error</source>
        <comment>KB article severity</comment>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="61"/>
        <source>critical</source>
        <comment>KB article severity</comment>
        <translation>kritisch</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="63"/>
        <source>info</source>
        <comment>KB article severity</comment>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="99"/>
        <source>Remediation panel</source>
        <translation>Behebungsbereich</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="110"/>
        <source>Article badges</source>
        <translation>Artikelmerkmale</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="114"/>
        <location filename="../ui/remediationpanel.cpp" line="119"/>
        <source>Evidence</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="114"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="173"/>
        <source>Select a result to see how to fix it</source>
        <translation>Wählen Sie ein Ergebnis, um zu sehen, wie es behoben wird</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="214"/>
        <source>%1 (no knowledge-base article)</source>
        <translation>%1 (kein Wissensdatenbank-Artikel)</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="263"/>
        <source>severity: %1</source>
        <translation>Schweregrad: %1</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="436"/>
        <source>Related checks: %1</source>
        <translation>Verwandte Prüfungen: %1</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../models/resultsmodel.cpp" line="28"/>
        <source>Pass</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="30"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="32"/>
        <source>Fail</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="34"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="36"/>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="38"/>
        <source>Not run</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="51"/>
        <source>Checked at %1; not refreshed: the run was cancelled</source>
        <translation>Geprüft um %1; nicht aktualisiert: die Prüfung wurde abgebrochen</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="53"/>
        <source>Checked at %1; a new result is on its way</source>
        <translation>Geprüft um %1; ein neues Ergebnis ist unterwegs</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="55"/>
        <source>Checked at %1</source>
        <translation>Geprüft um %1</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="57"/>
        <source>Changed since the last run: was %1, now %2</source>
        <translation>Seit der letzten Prüfung geändert: vorher %1, jetzt %2</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="82"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="112"/>
        <source>%1, changed from %2</source>
        <translation>%1, vorher %2</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="114"/>
        <source>%1, from an earlier run</source>
        <translation>%1, aus einer früheren Prüfung</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="157"/>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="159"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="161"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="163"/>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="165"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="167"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="169"/>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
</context>
<context>
    <name>ResultsProxyModel</name>
    <message numerus="yes">
        <location filename="../models/resultsproxymodel.cpp" line="54"/>
        <source>%n fail</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/resultsproxymodel.cpp" line="56"/>
        <source>%n error</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/resultsproxymodel.cpp" line="58"/>
        <source>%n not run</source>
        <translation>
            <numerusform>%n nicht ausgeführt</numerusform>
            <numerusform>%n nicht ausgeführt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/resultsproxymodel.cpp" line="60"/>
        <source>%n warn</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/resultsproxymodel.cpp" line="62"/>
        <source>%n pass</source>
        <translation>
            <numerusform>%n bestanden</numerusform>
            <numerusform>%n bestanden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/resultsproxymodel.cpp" line="64"/>
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/resultsproxymodel.cpp" line="151"/>
        <source>%n refreshing</source>
        <translation>
            <numerusform>%n wird aktualisiert</numerusform>
            <numerusform>%n werden aktualisiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../models/resultsproxymodel.cpp" line="153"/>
        <source>%n not refreshed</source>
        <translation>
            <numerusform>%n nicht aktualisiert</numerusform>
            <numerusform>%n nicht aktualisiert</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../models/resultsproxymodel.cpp" line="157"/>
        <source>, checked %1</source>
        <translation>, geprüft %1</translation>
    </message>
    <message>
        <location filename="../models/resultsproxymodel.cpp" line="157"/>
        <source>, checked %1–%2</source>
        <translation>, geprüft %1–%2</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../ui/resultsview.cpp" line="57"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="58"/>
        <source>Copy as &amp;Markdown</source>
        <translation>Als &amp;Markdown kopieren</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="59"/>
        <source>Copy as &amp;JSON</source>
        <translation>Als &amp;JSON kopieren</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="62"/>
        <source>Results summary</source>
        <translation>Zusammenfassung der Ergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="66"/>
        <source>Check results</source>
        <translation>Prüfergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="88"/>
        <source>Copy the result with its evidence and target as text</source>
        <translation>Das Ergebnis mit Befund und Ziel als Text kopieren</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="89"/>
        <source>Copy the result with its evidence and target as Markdown</source>
        <translation>Das Ergebnis mit Befund und Ziel als Markdown kopieren</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="90"/>
        <source>Copy the result as the doctor CLI&apos;s JSON report</source>
        <translation>Das Ergebnis als JSON-Bericht der doctor-CLI kopieren</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="155"/>
        <source>Result copied with its evidence</source>
        <translation>Ergebnis mit Befund kopiert</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="161"/>
        <source>Result copied as Markdown</source>
        <translation>Ergebnis als Markdown kopiert</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="168"/>
        <source>Result copied as JSON</source>
        <translation>Ergebnis als JSON kopiert</translation>
    </message>
    <message>
        <location filename="../ui/resultsview.cpp" line="179"/>
        <source>No results yet</source>
        <translation>Noch keine Ergebnisse</translation>
    </message>
</context>
<context>
    <name>RunController</name>
    <message>
        <location filename="../ui/runcontroller.cpp" line="107"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/runcontroller.cpp" line="150"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/runcontroller.cpp" line="153"/>
        <source> · next run at %1</source>
        <translation> · nächste Prüfung um %1</translation>
    </message>
    <message>
        <location filename="../ui/runcontroller.cpp" line="163"/>
        <source>Waiting for a password: %1</source>
        <translation>Warte auf ein Passwort: %1</translation>
    </message>
    <message>
        <location filename="../ui/runcontroller.cpp" line="203"/>
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
        <location filename="../ui/secretstore.cpp" line="164"/>
        <source>%1 on %2:%3</source>
        <translation>%1 auf %2:%3</translation>
    </message>
    <message>
        <location filename="../ui/secretstore.cpp" line="165"/>
        <source>the local socket</source>
        <translation>dem lokalen Socket</translation>
    </message>
    <message>
        <location filename="../ui/secretstore.cpp" line="335"/>
        <source>No keychain is available, so a password is kept only until Doctor Dashboard quits and will be asked for again next time.</source>
        <translation>Es ist kein Schlüsselbund verfügbar; ein Passwort wird daher nur bis zum Beenden von Doctor Dashboard behalten und beim nächsten Mal erneut abgefragt.</translation>
    </message>
    <message>
        <location filename="../ui/secretstore.cpp" line="458"/>
        <source>waiting for password</source>
        <translation>wartet auf Passwort</translation>
    </message>
    <message>
        <location filename="../ui/secretstore.cpp" line="460"/>
        <source>no password given</source>
        <translation>kein Passwort angegeben</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="26"/>
        <source>Settings — Doctor Dashboard</source>
        <translation>Einstellungen — Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="29"/>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="34"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="38"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="39"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="40"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="42"/>
        <source>Colour theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="46"/>
        <source>Knowledge-base folders</source>
        <translation>Wissensdatenbank-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="48"/>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="49"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="51"/>
        <source>Knowledge-Base Folder</source>
        <translation>Wissensdatenbank-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="65"/>
        <source>Knowledge-base articles and check messages are in English.</source>
        <translation>Die Artikel der Wissensdatenbank und die Meldungen der Prüfungen sind auf Englisch.</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="70"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="72"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="75"/>
        <source>Extra &amp;knowledge-base folders:</source>
        <translation>Zusätzliche &amp;Wissensdatenbank-Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="79"/>
        <source>Articles in these folders add to or replace the shipped ones. The language and the folders take effect the next time Doctor Dashboard starts; the theme at once.</source>
        <translation>Artikel in diesen Ordnern ergänzen oder ersetzen die mitgelieferten. Sprache und Ordner wirken beim nächsten Start von Doctor Dashboard, das Farbschema sofort.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../ui/welcomepage.cpp" line="31"/>
        <source>&lt;h2&gt;No environments configured yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Noch keine Umgebungen eingerichtet&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="21"/>
        <source>Try the &amp;demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="20"/>
        <source>&amp;Open environments file…</source>
        <translation>Umgebungsdatei ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="18"/>
        <source>&amp;New environment…</source>
        <translation>&amp;Neue Umgebung …</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="19"/>
        <source>&amp;Sample file…</source>
        <translation>&amp;Beispieldatei …</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="24"/>
        <source>Save Sample Environments File</source>
        <translation>Beispiel-Umgebungsdatei speichern</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="26"/>
        <source>Environments (*.yaml *.yml);;All files (*)</source>
        <translation>Umgebungen (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="33"/>
        <source>Describe the databases to check in an environments file (YAML): create the first environment here, start from a commented sample file, or open a file you have. The demo shows three SQLite environments whose migration histories are in different states, and needs no server.</source>
        <translation>Beschreiben Sie die zu prüfenden Datenbanken in einer Umgebungsdatei (YAML): Legen Sie hier die erste Umgebung an, beginnen Sie mit einer kommentierten Beispieldatei oder öffnen Sie eine vorhandene Datei. Die Demo zeigt drei SQLite-Umgebungen, deren Migrationsverläufe in unterschiedlichen Zuständen sind, und braucht keinen Server.</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="40"/>
        <source>Enter a connection, test it, and choose a file to save the environment in.</source>
        <translation>Eine Verbindung eingeben, testen und eine Datei wählen, in der die Umgebung gespeichert wird.</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="42"/>
        <source>Write a commented example environments file where you choose, and open it.</source>
        <translation>Eine kommentierte Beispiel-Umgebungsdatei an einem Ort Ihrer Wahl anlegen und öffnen.</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="61"/>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="95"/>
        <source>Cannot write the sample file</source>
        <translation>Die Beispieldatei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="96"/>
        <source>%1

Choose a folder you can write to.</source>
        <translation>%1

Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
</context>
</TS>
