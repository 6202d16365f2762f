<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../ui/articleview.cpp" line="27" />
        <source>Knowledge-base article</source>
        <translation>Wissensdatenbank-Artikel</translation>
    </message>
</context>
<context>
    <name>CodeBlockView</name>
    <message>
        <location filename="../ui/codeblockview.cpp" line="25" />
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="26" />
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="32" />
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="35" />
        <source>Copied notice</source>
        <translation>Hinweis „Kopiert“</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="36" />
        <source>Copy this command to the clipboard</source>
        <translation>Diesen Befehl in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="37" />
        <source>Copy command</source>
        <translation>Befehl kopieren</translation>
    </message>
    <message>
        <location filename="../ui/codeblockview.cpp" line="51" />
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
</context>
<context>
    <name>EnvironmentsModel</name>
    <message>
        <location filename="../models/environmentsmodel.cpp" line="19" />
        <location filename="../models/environmentsmodel.cpp" line="23" />
        <source>All environments</source>
        <translation>Alle Umgebungen</translation>
    </message>
    <message>
        <location filename="../models/environmentsmodel.cpp" line="41" />
        <source>%1, checking</source>
        <translation>%1, wird geprüft</translation>
    </message>
    <message>
        <location filename="../models/environmentsmodel.cpp" line="44" />
        <source>%1, worst result %2</source>
        <translation>%1, schlechtestes Ergebnis %2</translation>
    </message>
</context>
<context>
    <name>KbBrowser</name>
    <message>
        <location filename="../ui/kbbrowser.cpp" line="21" />
        <source>Knowledge Base — Doctor Dashboard</source>
        <translation>Wissensdatenbank — Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/kbbrowser.cpp" line="23" />
        <source>Search titles, tags and text…</source>
        <translation>Titel, Schlagwörter und Text durchsuchen …</translation>
    </message>
    <message>
        <location filename="../ui/kbbrowser.cpp" line="25" />
        <source>Search the knowledge base</source>
        <translation>Wissensdatenbank durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/kbbrowser.cpp" line="26" />
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="116" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="118" />
        <source>&amp;Open Environments File…</source>
        <translation>Umgebungsdatei ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="120" />
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="121" />
        <source>Open &amp;Demo</source>
        <translation>&amp;Demo öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="123" />
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="127" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="131" />
        <source>&amp;Run</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="132" />
        <source>Run &amp;All</source>
        <translation>&amp;Alle prüfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="134" />
        <source>Run &amp;Selected Environment</source>
        <translation>Ausgewählte &amp;Umgebung prüfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="136" />
        <source>&amp;Cancel</source>
        <translation>Ab&amp;brechen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="139" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="140" />
        <source>&amp;Pending Migrations Only</source>
        <translation>Nur &amp;ausstehende Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="145" />
        <source>&amp;Filter Migrations</source>
        <translation>Migrationen &amp;filtern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="149" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="151" />
        <source>&amp;Knowledge Base</source>
        <translation>&amp;Wissensdatenbank</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="153" />
        <source>&amp;About Doctor Dashboard</source>
        <translation>Ü&amp;ber Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="155" />
        <source>Run</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="168" />
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="177" />
        <source>Check results</source>
        <translation>Prüfergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="210" />
        <source>Command copied to the clipboard</source>
        <translation>Befehl in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="222" />
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="255" />
        <source>Cannot open environments file</source>
        <translation>Umgebungsdatei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="256" />
        <source>%1

Nothing was changed; fix the file and open it again.</source>
        <translation>%1

Es wurde nichts geändert. Korrigieren Sie die Datei und öffnen Sie sie erneut.</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="273" />
        <source>Cannot create the demo</source>
        <translation>Die Demo kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="276" />
        <source>demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="341" />
        <source>Checking %1 of %2</source>
        <translation>Prüfe %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="349" />
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="349" />
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform><numerusform>%n Ergebnisse</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="447" />
        <source>Open Environments File</source>
        <translation>Umgebungsdatei öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="448" />
        <source>Environments (*.yaml *.yml);;All files (*)</source>
        <translation>Umgebungen (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="476" />
        <source>Doctor Dashboard</source>
        <translation>Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="476" />
        <source>%1 — Doctor Dashboard</source>
        <translation>%1 — Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="521" />
        <source>About Doctor Dashboard</source>
        <translation>Über Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="522" />
        <source>&lt;h3&gt;Doctor Dashboard %1&lt;/h3&gt;&lt;p&gt;Health checks for database environments: connectivity, connection pool and EF Core migrations, with fixes for Docker Compose, systemd and Kubernetes.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Doctor Dashboard %1&lt;/h3&gt;&lt;p&gt;Zustandsprüfungen für Datenbankumgebungen: Erreichbarkeit, Verbindungspool und EF-Core-Migrationen, mit Lösungen für Docker Compose, systemd und Kubernetes.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MigrationsModel</name>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="22" />
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="24" />
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="26" />
        <source>Not in expected set</source>
        <translation>Nicht in der erwarteten Menge</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="75" />
        <source>MigrationId</source>
        <translation>MigrationId</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="77" />
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="79" />
        <source>ProductVersion</source>
        <translation>ProductVersion</translation>
    </message>
    <message>
        <location filename="../models/migrationsmodel.cpp" line="81" />
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message numerus="yes">
        <location filename="../models/migrationsmodel.cpp" line="102" />
        <source>%n applied</source>
        <translation>
            <numerusform>%n angewendet</numerusform><numerusform>%n angewendet</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../models/migrationsmodel.cpp" line="104" />
        <source>%n pending</source>
        <translation>
            <numerusform>%n ausstehend</numerusform><numerusform>%n ausstehend</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../models/migrationsmodel.cpp" line="106" />
        <source>%n not in expected set</source>
        <translation>
            <numerusform>%n nicht in der erwarteten Menge</numerusform><numerusform>%n nicht in der erwarteten Menge</numerusform></translation>
    </message>
</context>
<context>
    <name>MigrationsView</name>
    <message>
        <location filename="../ui/migrationsview.cpp" line="20" />
        <source>&amp;Pending only</source>
        <translation>Nur &amp;ausstehende</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="23" />
        <location filename="../ui/migrationsview.cpp" line="66" />
        <source>Migrations</source>
        <translation>Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="25" />
        <source>Filter migrations…</source>
        <translation>Migrationen filtern …</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="27" />
        <source>Filter migrations</source>
        <translation>Migrationen filtern</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="28" />
        <source>Migration counts</source>
        <translation>Anzahl der Migrationen</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="43" />
        <source>Migrations table</source>
        <translation>Migrationstabelle</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="66" />
        <source>Migrations of %1</source>
        <translation>Migrationen von %1</translation>
    </message>
    <message>
        <location filename="../ui/migrationsview.cpp" line="69" />
        <source>select a migrations result to see its migrations</source>
        <translation>Wählen Sie ein Migrationsergebnis, um dessen Migrationen zu sehen</translation>
    </message>
</context>
<context>
    <name>RemediationPanel</name>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="69" />
        <source>Remediation panel</source>
        <translation>Behebungsbereich</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="80" />
        <source>Article badges</source>
        <translation>Artikelmerkmale</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="84" />
        <location filename="../ui/remediationpanel.cpp" line="89" />
        <source>Evidence</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="84" />
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="92" />
        <source>Fix commands by deployment style</source>
        <translation>Befehle zur Behebung nach Bereitstellungsart</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="142" />
        <source>Select a result to see how to fix it</source>
        <translation>Wählen Sie ein Ergebnis, um zu sehen, wie es behoben wird</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="163" />
        <source>%1 (no knowledge-base article)</source>
        <translation>%1 (kein Wissensdatenbank-Artikel)</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="189" />
        <source>severity: %1</source>
        <translation>Schweregrad: %1</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="256" />
        <source>No commands for this deployment style.</source>
        <translation>Keine Befehle für diese Bereitstellungsart.</translation>
    </message>
    <message>
        <location filename="../ui/remediationpanel.cpp" line="268" />
        <source>Related checks: %1</source>
        <translation>Verwandte Prüfungen: %1</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../models/resultsmodel.cpp" line="25" />
        <source>Pass</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="27" />
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="29" />
        <source>Fail</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="31" />
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="33" />
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="57" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="84" />
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="86" />
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="88" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="90" />
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="92" />
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../models/resultsmodel.cpp" line="94" />
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="21" />
        <source>Settings — Doctor Dashboard</source>
        <translation>Einstellungen — Doctor Dashboard</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="23" />
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="27" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="29" />
        <source>Knowledge-base folders</source>
        <translation>Wissensdatenbank-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="31" />
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="32" />
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="34" />
        <source>Knowledge-Base Folder</source>
        <translation>Wissensdatenbank-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="48" />
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="49" />
        <source>Extra &amp;knowledge-base folders:</source>
        <translation>Zusätzliche &amp;Wissensdatenbank-Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/settingsdialog.cpp" line="50" />
        <source>Articles in these folders add to or replace the shipped ones. Changes take effect the next time Doctor Dashboard starts.</source>
        <translation>Artikel in diesen Ordnern ergänzen oder ersetzen die mitgelieferten. Änderungen wirken beim nächsten Start von Doctor Dashboard.</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../ui/welcomepage.cpp" line="10" />
        <source>&lt;h2&gt;No environments configured yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Noch keine Umgebungen eingerichtet&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="12" />
        <source>Open an environments file (YAML) describing your databases, or try the built-in demo: three SQLite environments whose migration histories are in different states. The demo needs no server.</source>
        <translation>Öffnen Sie eine Umgebungsdatei (YAML), die Ihre Datenbanken beschreibt, oder probieren Sie die eingebaute Demo aus: drei SQLite-Umgebungen, deren Migrationsverläufe in unterschiedlichen Zuständen sind. Die Demo braucht keinen Server.</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="17" />
        <source>Try the &amp;demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="18" />
        <source>&amp;Open environments file…</source>
        <translation>Umgebungsdatei ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../ui/welcomepage.cpp" line="29" />
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
</context>
</TS>