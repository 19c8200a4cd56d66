<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="86" />
        <source>Excel import: %1</source>
        <translation>Excel-Import: %1</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="91" />
        <source>Import file</source>
        <translation>Importdatei</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="92" />
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="94" />
        <source>&amp;Choose file…</source>
        <translation>Datei &amp;wählen…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="95" />
        <source>Save &amp;template…</source>
        <translation>&amp;Vorlage speichern…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="102" />
        <source>Choose an Excel file (.xlsx). It is checked first; nothing is imported yet.</source>
        <translation>Bitte eine Excel-Datei (.xlsx) wählen. Sie wird zuerst geprüft; dabei wird noch nichts übernommen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="106" />
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="107" />
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="106" />
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="106" />
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="106" />
        <source>Problem</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="107" />
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="107" />
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="109" />
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="110" />
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="111" />
        <source>&amp;Errors</source>
        <translation>&amp;Fehler</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="112" />
        <source>R&amp;ows</source>
        <translation>&amp;Zeilen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="115" />
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="117" />
        <source>C&amp;ancel check/import</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="123" />
        <source>Save error &amp;report…</source>
        <translation>Fehlerbericht &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="124" />
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="189" />
        <source>Still working: please wait, or cancel first.</source>
        <translation>Die Prüfung bzw. der Import läuft noch: bitte warten oder zuerst abbrechen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="206" />
        <source>Unexpected error: %1</source>
        <translation>Unerwarteter Fehler: %1</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="211" />
        <source>Cancelled. Nothing was imported.</source>
        <translation>Abgebrochen. Es wurde nichts übernommen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="216" />
        <source>Choose Excel file</source>
        <translation>Excel-Datei wählen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="216" />
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="278" />
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="292" />
        <source>Excel files (*.xlsx)</source>
        <translation>Excel-Dateien (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="226" />
        <source>Checking the file …</source>
        <translation>Die Datei wird geprüft …</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="236" />
        <source>&amp;Errors (%1)</source>
        <translation>&amp;Fehler (%1)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="237" />
        <source>R&amp;ows (%1)</source>
        <translation>&amp;Zeilen (%1)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="241" />
        <source>%1 errors in the file – nothing will be imported. Correct the file and choose it again.</source>
        <translation>%1 Fehler in der Datei – es wird nichts importiert. Bitte die Datei korrigieren und erneut wählen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="244" />
        <source>The file contains no data rows.</source>
        <translation>Die Datei enthält keine Datenzeilen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="246" />
        <source>All rows are already up to date. Nothing to import.</source>
        <translation>Alle Zeilen sind bereits aktuell. Es gibt nichts zu importieren.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="248" />
        <source>Check passed: %1 new, %2 changed, %3 unchanged. Click “Import” to save all rows.</source>
        <translation>Prüfung bestanden: %1 neu, %2 geändert, %3 unverändert. „Importieren“ übernimmt alle Zeilen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="252" />
        <source>Ignored columns: %1</source>
        <translation>Nicht verwendete Spalten: %1</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="260" />
        <source>Importing … (all rows or none)</source>
        <translation>Import läuft … (alle Zeilen oder keine)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="270" />
        <source>Imported: %1 new, %2 changed, %3 unchanged.</source>
        <translation>Importiert: %1 neu, %2 geändert, %3 unverändert.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="277" />
        <source>Save template</source>
        <translation>Vorlage speichern</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="286" />
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="302" />
        <source>Could not save: %1</source>
        <translation>Speichern nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="288" />
        <source>Template saved: %1</source>
        <translation>Vorlage gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="291" />
        <source>Save error report</source>
        <translation>Fehlerbericht speichern</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/import_dialog.py" line="304" />
        <source>Report saved: %1</source>
        <translation>Bericht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>TemplateSettingsPage</name>
    <message>
        <location filename="../../bochum_desktop/export/views/template_settings.py" line="58" />
        <source>Letter types</source>
        <translation>Briefarten</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/template_settings.py" line="59" />
        <source>&amp;Letter type</source>
        <translation>Brief&amp;art</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/template_settings.py" line="67" />
        <source>&amp;Subject</source>
        <translation>&amp;Betreff</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/template_settings.py" line="68" />
        <source>&amp;Text</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/template_settings.py" line="73" />
        <source>&amp;Placeholders (double-click inserts at the cursor)</source>
        <translation>&amp;Platzhalter (Doppelklick fügt an der Schreibmarke ein)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/template_settings.py" line="75" />
        <source>Placeholders</source>
        <translation>Platzhalter</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/template_settings.py" line="79" />
        <source>Pre&amp;view</source>
        <translation>&amp;Vorschau</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/template_settings.py" line="80" />
        <source>&amp;Restore default</source>
        <translation>&amp;Standard wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/template_settings.py" line="81" />
        <source>Sa&amp;ve</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/template_settings.py" line="87" />
        <source>Click “Preview” to see page 1 of the letter with sample values.</source>
        <translation>„Vorschau“ zeigt Seite 1 des Briefs mit Beispielwerten.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/template_settings.py" line="90" />
        <source>Letter preview</source>
        <translation>Briefvorschau</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/template_settings.py" line="155" />
        <source>Standard text.</source>
        <translation>Standardtext.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/template_settings.py" line="155" />
        <source>Changed text.</source>
        <translation>Geänderter Text.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/template_settings.py" line="205" />
        <source>Standard text loaded – “Save” keeps it.</source>
        <translation>Standardtext geladen – „Speichern“ übernimmt ihn.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/export/views/template_settings.py" line="225" />
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
</TS>