<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../bochum_desktop/ui/about_dialog.py" line="18" />
        <source>About %1</source>
        <translation>Über %1</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/about_dialog.py" line="22" />
        <source>Staff-facing activities of the Bochum Strategie on one desk.</source>
        <translation>Die Beschäftigten-Aktivitäten der Bochum Strategie an einem Arbeitsplatz.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/about_dialog.py" line="23" />
        <source>Data file:</source>
        <translation>Datendatei:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/about_dialog.py" line="24" />
        <source>Log file:</source>
        <translation>Protokolldatei:</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../bochum_desktop/app.py" line="86" />
        <source>Data file cannot be opened</source>
        <translation>Datendatei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/app.py" line="88" />
        <source>The file has not been changed. What do you want to do?</source>
        <translation>Die Datei wurde nicht verändert. Wie möchten Sie fortfahren?</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/app.py" line="89" />
        <source>Open another file…</source>
        <translation>Andere Datei öffnen…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/app.py" line="93" />
        <source>Restore a backup…</source>
        <translation>Sicherung wiederherstellen…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/app.py" line="94" />
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/app.py" line="98" />
        <source>Open data file</source>
        <translation>Datendatei öffnen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/app.py" line="99" />
        <source>Data files (*.sqlite);;All files (*)</source>
        <translation>Datendateien (*.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/app.py" line="102" />
        <source>Choose backup</source>
        <translation>Sicherung wählen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/app.py" line="102" />
        <source>Backups (*.sqlite)</source>
        <translation>Sicherungen (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/app.py" line="234" />
        <source>The data file is empty. Load fictitious demo data so you can try the program?
(You can delete the demo file later and start with an empty one.)</source>
        <translation>Die Datendatei ist leer. Sollen erfundene Demodaten geladen werden, damit Sie das Programm ausprobieren können?
(Sie können die Demodatei später löschen und mit einer leeren Datei beginnen.)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/app.py" line="292" />
        <source>Bochum Desktop could not finish starting. Nothing has been changed. Details are in the log file: %1</source>
        <translation>Bochum Desktop konnte nicht fertig starten. Es wurde nichts geändert. Einzelheiten stehen in der Protokolldatei: %1</translation>
    </message>
</context>
<context>
    <name>DataTable</name>
    <message>
        <location filename="../../bochum_desktop/ui/table_view.py" line="86" />
        <source>Name, number, e-mail …</source>
        <translation>Name, Nummer, E-Mail …</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_view.py" line="89" />
        <source>Search the table</source>
        <translation>Tabelle durchsuchen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_view.py" line="90" />
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_view.py" line="93" />
        <source>Number of entries</source>
        <translation>Anzahl der Einträge</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_view.py" line="96" />
        <source>Columns…</source>
        <translation>Spalten…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_view.py" line="97" />
        <source>Choose the visible columns</source>
        <translation>Sichtbare Spalten auswählen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_view.py" line="98" />
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_view.py" line="99" />
        <source>Export the listed rows to an Excel file</source>
        <translation>Die aufgelisteten Zeilen als Excel-Datei exportieren</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_view.py" line="100" />
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_view.py" line="101" />
        <source>Export the listed rows to a PDF file</source>
        <translation>Die aufgelisteten Zeilen als PDF-Datei exportieren</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_view.py" line="115" />
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_view.py" line="165" />
        <source>Copy rows</source>
        <translation>Zeilen kopieren</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_view.py" line="379" />
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_view.py" line="382" />
        <source>1 entry</source>
        <translation>1 Eintrag</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_view.py" line="382" />
        <source>{count} entries</source>
        <translation>{count} Einträge</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_view.py" line="387" />
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
</context>
<context>
    <name>EmployeeDialog</name>
    <message>
        <location filename="../../bochum_desktop/reference/views/employee_dialog.py" line="42" />
        <source>Employee</source>
        <translation>Beschäftigte*r</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/employee_dialog.py" line="52" />
        <source>&amp;Personnel number:</source>
        <translation>&amp;Personalnummer:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/employee_dialog.py" line="54" />
        <source>&amp;Last name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/employee_dialog.py" line="55" />
        <source>&amp;First name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/employee_dialog.py" line="56" />
        <source>&amp;Org unit:</source>
        <translation>&amp;Organisationseinheit:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/employee_dialog.py" line="57" />
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/employee_dialog.py" line="58" />
        <source>P&amp;hone:</source>
        <translation>&amp;Telefon:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/employee_dialog.py" line="59" />
        <source>&amp;Active:</source>
        <translation>&amp;Aktiv:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/employee_dialog.py" line="59" />
        <source>still employed</source>
        <translation>noch beschäftigt</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/employee_dialog.py" line="61" />
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/employee_dialog.py" line="65" />
        <source>&amp;Master data</source>
        <translation>&amp;Stammdaten</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/employee_dialog.py" line="67" />
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../bochum_desktop/ui/error_dialog.py" line="30" />
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/error_dialog.py" line="35" />
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/error_dialog.py" line="39" />
        <source>Technical details</source>
        <translation>Technische Einzelheiten</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/error_dialog.py" line="44" />
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/error_dialog.py" line="63" />
        <source>An unexpected error occurred. Your saved data is safe; the last action was not completed.</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten. Ihre gespeicherten Daten sind sicher; die letzte Aktion wurde nicht ausgeführt.</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <location filename="../../bochum_desktop/ui/forms.py" line="41" />
        <source>required field</source>
        <translation>Pflichtfeld</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/forms.py" line="98" />
        <source>* required field</source>
        <translation>* Pflichtfeld</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../bochum_desktop/ui/forms.py" line="143" />
        <source>Unsaved input</source>
        <translation>Ungespeicherte Eingaben</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/forms.py" line="144" />
        <source>Discard the unsaved input?</source>
        <translation>Ungespeicherte Eingaben verwerfen?</translation>
    </message>
</context>
<context>
    <name>HistoryWidget</name>
    <message>
        <location filename="../../bochum_desktop/ui/history.py" line="28" />
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/history.py" line="28" />
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/history.py" line="28" />
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/history.py" line="28" />
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/history.py" line="28" />
        <source>Old → new</source>
        <translation>Alt → neu</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/history.py" line="30" />
        <source>Change history</source>
        <translation>Änderungsverlauf</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="52" />
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="57" />
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="65" />
        <source>Loading …</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="90" />
        <source>Checking the data file …</source>
        <translation>Datendatei wird geprüft …</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="99" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="100" />
        <source>&amp;Search…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="104" />
        <source>S&amp;ettings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="109" />
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="113" />
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="120" />
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="121" />
        <source>&amp;About…</source>
        <translation>Ü&amp;ber…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="127" />
        <source>User: %1</source>
        <translation>Benutzer*in: %1</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="128" />
        <source>Data file: %1</source>
        <translation>Datendatei: %1</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="129" />
        <source>Sync: local only</source>
        <translation>Sync: nur lokal</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="234" />
        <source>This area could not be opened. Details are in the log file.</source>
        <translation>Dieser Bereich konnte nicht geöffnet werden. Einzelheiten stehen in der Protokolldatei.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="289" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/main_window.py" line="289" />
        <source>Some changes take effect after the next start of the program.</source>
        <translation>Einige Änderungen werden erst nach dem nächsten Programmstart wirksam.</translation>
    </message>
</context>
<context>
    <name>OrgUnitDialog</name>
    <message>
        <location filename="../../bochum_desktop/reference/views/org_unit_dialog.py" line="26" />
        <source>Org unit</source>
        <translation>Organisationseinheit</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/org_unit_dialog.py" line="32" />
        <source>&amp;Code:</source>
        <translation>&amp;Kennziffer:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/org_unit_dialog.py" line="33" />
        <source>&amp;Name:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/org_unit_dialog.py" line="34" />
        <source>&amp;Active:</source>
        <translation>&amp;Aktiv:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/org_unit_dialog.py" line="34" />
        <source>in use</source>
        <translation>in Verwendung</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../bochum_desktop/ui/start_preview.py" line="249" />
        <source>Loading …</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/start_preview.py" line="252" />
        <source>The page is being loaded …</source>
        <translation>Die Seite wird geladen …</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/start_preview.py" line="254" />
        <source>Table (preview, still loading)</source>
        <translation>Tabelle (Vorschau, wird noch geladen)</translation>
    </message>
</context>
<context>
    <name>Questions</name>
    <message>
        <location filename="../../bochum_desktop/ui/forms.py" line="107" />
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/forms.py" line="108" />
        <source>&amp;No</source>
        <translation>&amp;Nein</translation>
    </message>
</context>
<context>
    <name>ReferenceFeature</name>
    <message>
        <location filename="../../bochum_desktop/reference/views/__init__.py" line="34" />
        <source>Employees</source>
        <translation>Beschäftigte</translation>
    </message>
</context>
<context>
    <name>ReferencePage</name>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="30" />
        <source>&amp;Employees</source>
        <translation>&amp;Beschäftigte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="31" />
        <source>&amp;Org units</source>
        <translation>&amp;Organisationseinheiten</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="38" />
        <source>Personnel no.</source>
        <translation>Personalnr.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="39" />
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="40" />
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="41" />
        <source>Org unit</source>
        <translation>Organisationseinheit</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="42" />
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="43" />
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="44" />
        <location filename="../../bochum_desktop/reference/views/pages.py" line="132" />
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="56" />
        <source>Employees</source>
        <translation>Beschäftigte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="60" />
        <source>&amp;New employee…</source>
        <translation>&amp;Neue*r Beschäftigte*r…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="62" />
        <source>E&amp;dit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="64" />
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="66" />
        <source>&amp;Import from Excel…</source>
        <translation>Aus Excel &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="90" />
        <source>Import employees</source>
        <translation>Beschäftigte importieren</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="99" />
        <source>Import org units</source>
        <translation>Organisationseinheiten importieren</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="114" />
        <source>Delete employee</source>
        <translation>Beschäftigte löschen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../bochum_desktop/reference/views/pages.py" line="115" />
        <source>Delete %n employee(s)? Personal data is removed; the record remains as a tombstone.</source>
        <translation>
            <numerusform>%n Beschäftigte*n löschen? Die personenbezogenen Daten werden entfernt; der Datensatz bleibt als Löschvermerk.</numerusform>
            <numerusform>%n Beschäftigte löschen? Die personenbezogenen Daten werden entfernt; die Datensätze bleiben als Löschvermerk.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="130" />
        <source>Code</source>
        <translation>Kennziffer</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="131" />
        <source>Name</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="139" />
        <source>Org units</source>
        <translation>Organisationseinheiten</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="143" />
        <source>New &amp;org unit…</source>
        <translation>Neue &amp;Organisationseinheit…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/reference/views/pages.py" line="146" />
        <source>Import from E&amp;xcel…</source>
        <translation>Aus E&amp;xcel importieren…</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../bochum_desktop/ui/search_dialog.py" line="24" />
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/search_dialog.py" line="27" />
        <source>&amp;Search for:</source>
        <translation>&amp;Suchen nach:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/search_dialog.py" line="29" />
        <source>Name, personnel number, title …</source>
        <translation>Name, Personalnummer, Titel …</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/search_dialog.py" line="34" />
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/search_dialog.py" line="52" />
        <source>Type at least two characters.</source>
        <translation>Bitte mindestens zwei Zeichen eingeben.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../bochum_desktop/ui/search_dialog.py" line="66" />
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="42" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="48" />
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="49" />
        <source>Letters</source>
        <translation>Briefe</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="55" />
        <source>Letter templates</source>
        <translation>Briefvorlagen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="85" />
        <source>&amp;Browse…</source>
        <translation>Dur&amp;chsuchen…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="89" />
        <source>&amp;Data file:</source>
        <translation>&amp;Datendatei:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="91" />
        <source>Data file</source>
        <translation>Datendatei</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="93" />
        <source>A new data file is used after the next start.</source>
        <translation>Eine neue Datendatei wird ab dem nächsten Start verwendet.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="98" />
        <source>&amp;Language:</source>
        <translation>Spr&amp;ache:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="100" />
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="101" />
        <source>The area open when the program was closed</source>
        <translation>Der Bereich, der beim Beenden offen war</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="103" />
        <source>&amp;Open at start:</source>
        <translation>Beim Start ö&amp;ffnen:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="106" />
        <source>&amp;Your name:</source>
        <translation>&amp;Ihr Name:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="109" />
        <source>Kita-Kontingent (HR)</source>
        <translation>Kita-Kontingent (Personalamt)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="110" />
        <source>Ideenmanagement: coordination</source>
        <translation>Ideenmanagement: Koordination</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="111" />
        <source>Ideenmanagement: expert review</source>
        <translation>Ideenmanagement: Begutachtung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="112" />
        <source>Ideenmanagement: committee</source>
        <translation>Ideenmanagement: Kommission</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="113" />
        <source>Interpreter pool (Lots*innen)</source>
        <translation>Lots*innen-Pool</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="114" />
        <source>Ehrenamtskarte NRW</source>
        <translation>Ehrenamtskarte NRW</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="115" />
        <source>Familienbüro</source>
        <translation>Familienbüro</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="116" />
        <source>Administration (everything)</source>
        <translation>Administration (alles)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="125" />
        <source>&amp;Roles on this desk:</source>
        <translation>&amp;Rollen an diesem Arbeitsplatz:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="128" />
        <source>Desk &amp;prefix for numbers:</source>
        <translation>&amp;Platzkürzel für Nummern:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="132" />
        <source>&amp;Backups to keep:</source>
        <translation>&amp;Sicherungen behalten:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="143" />
        <source>Form B (letterhead 45 mm)</source>
        <translation>Form B (Briefkopf 45 mm)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="144" />
        <source>Form A (letterhead 27 mm)</source>
        <translation>Form A (Briefkopf 27 mm)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="146" />
        <source>Letter &amp;form (DIN 5008):</source>
        <translation>Brief&amp;form (DIN 5008):</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="148" />
        <source>Organisation:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="149" />
        <source>Unit:</source>
        <translation>Dienststelle:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="150" />
        <source>Street:</source>
        <translation>Straße:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="151" />
        <source>Postcode and city:</source>
        <translation>PLZ und Ort:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="152" />
        <source>Contact person:</source>
        <translation>Ansprechperson:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="153" />
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="154" />
        <source>E-mail:</source>
        <translation>E-Mail:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="155" />
        <source>Website:</source>
        <translation>Internet:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="166" />
        <source>Choose data file</source>
        <translation>Datendatei wählen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="166" />
        <source>Data files (*.sqlite)</source>
        <translation>Datendateien (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/settings_dialog.py" line="205" />
        <source>The settings could not be saved: %1</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>SqlTableModel</name>
    <message>
        <location filename="../../bochum_desktop/ui/cells.py" line="24" />
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/cells.py" line="25" />
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../bochum_desktop/ui/start_page.py" line="37" />
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/start_page.py" line="44" />
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/start_page.py" line="44" />
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/start_page.py" line="44" />
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/start_page.py" line="44" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/start_page.py" line="45" />
        <source>Due items</source>
        <translation>Fällige Vorgänge</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/start_page.py" line="53" />
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/start_page.py" line="59" />
        <source>Loading …</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/start_page.py" line="77" />
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/start_page.py" line="77" />
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/start_page.py" line="77" />
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../bochum_desktop/ui/start_page.py" line="90" />
        <source>%n item(s) due</source>
        <translation>
            <numerusform>%n Vorgang fällig</numerusform>
            <numerusform>%n Vorgänge fällig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../bochum_desktop/ui/start_page.py" line="90" />
        <source>%n overdue</source>
        <translation>
            <numerusform>%n überfällig</numerusform>
            <numerusform>%n überfällig</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/start_page.py" line="92" />
        <source>Nothing is due. </source>
        <translation>Nichts ist fällig.</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <location filename="../../bochum_desktop/ui/table_export.py" line="43" />
        <source>Search: “%1”</source>
        <translation>Suche: „%1“</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_export.py" line="44" />
        <source>All entries</source>
        <translation>Alle Einträge</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_export.py" line="48" />
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_export.py" line="58" />
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_export.py" line="83" />
        <source>Writing Excel file…</source>
        <translation>Excel-Datei wird geschrieben …</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_export.py" line="100" />
        <source>Writing PDF list…</source>
        <translation>PDF-Liste wird geschrieben …</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_export.py" line="113" />
        <source>Excel files (*.xlsx)</source>
        <translation>Excel-Dateien (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ui/table_export.py" line="118" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../bochum_desktop/ui/task_runner.py" line="267" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
</TS>