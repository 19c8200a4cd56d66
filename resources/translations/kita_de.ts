<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ApplicationDialog</name>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="37" />
        <source>Kita application</source>
        <translation>Kita-Antrag</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="38" />
        <source>Kita application: %1</source>
        <translation>Kita-Antrag: %1</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="49" />
        <source>&amp;Look up</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="50" />
        <source>Fill the name from the employee register</source>
        <translation>Namen aus dem Beschäftigtenverzeichnis übernehmen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="53" />
        <source>&amp;Personnel number:</source>
        <translation>&amp;Personalnummer:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="54" />
        <source>Personnel number</source>
        <translation>Personalnummer</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="55" />
        <source>&amp;Last name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="56" />
        <source>&amp;First name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="57" />
        <source>&amp;Street:</source>
        <translation>Stra&amp;ße:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="58" />
        <source>Post&amp;code and city:</source>
        <translation>P&amp;LZ und Ort:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="59" />
        <source>E-&amp;mail:</source>
        <translation>E-&amp;Mail:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="60" />
        <source>&amp;Return from parental leave:</source>
        <translation>&amp;Rückkehr aus der Elternzeit:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="61" />
        <source>&amp;Working hours per week:</source>
        <translation>&amp;Wochenarbeitszeit (Std.):</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="62" />
        <source>e.g. 30,5</source>
        <translation>z. B. 30,5</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="64" />
        <source>Single &amp;parent:</source>
        <translation>&amp;Alleinerziehend:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="66" />
        <source>S&amp;hift work:</source>
        <translation>S&amp;chichtdienst:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="68" />
        <source>Har&amp;dship:</source>
        <translation>&amp;Härtefall:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="69" />
        <source>Hardship &amp;reason:</source>
        <translation>Begründung Härte&amp;fall:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="70" />
        <source>Si&amp;bling in Kita:</source>
        <translation>&amp;Geschwisterkind in Kita:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="71" />
        <source>&amp;Child's first name:</source>
        <translation>Vorname des &amp;Kindes:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="72" />
        <source>Child's &amp;date of birth:</source>
        <translation>Geburts&amp;datum des Kindes:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="73" />
        <source>Desired s&amp;tart:</source>
        <translation>Gewünschter &amp;Beginn:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="74" />
        <source>Booking &amp;hours:</source>
        <translation>Betreuungs&amp;umfang:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="76" />
        <source>%1 hours per week</source>
        <translation>%1 Wochenstunden</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="79" />
        <source>&amp;1st choice Kita:</source>
        <translation>&amp;1. Wunsch-Kita:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="79" />
        <source>2nd choice Kita:</source>
        <translation>2. Wunsch-Kita:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="79" />
        <source>3rd choice Kita:</source>
        <translation>3. Wunsch-Kita:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="80" />
        <source>4th choice Kita:</source>
        <translation>4. Wunsch-Kita:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="80" />
        <source>5th choice Kita:</source>
        <translation>5. Wunsch-Kita:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="84" />
        <source>Re&amp;marks:</source>
        <translation>Bem&amp;erkungen:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="87" />
        <source>Recei&amp;ved on:</source>
        <translation>E&amp;ingegangen am:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="90" />
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="92" />
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="103" />
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="104" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/application_dialog.py" line="147" />
        <source>No employee with this personnel number in the register; please enter the name.</source>
        <translation>Keine Beschäftigten mit dieser Personalnummer im Verzeichnis; bitte den Namen eingeben.</translation>
    </message>
</context>
<context>
    <name>ApplicationsTab</name>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="31" />
        <source>Received</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="32" />
        <source>Personnel no.</source>
        <translation>Personalnr.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="33" />
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="34" />
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="35" />
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="36" />
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="37" />
        <source>Desired start</source>
        <translation>Gewünschter Beginn</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="38" />
        <source>Hours</source>
        <translation>Std.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="39" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="51" />
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="54" />
        <source>S&amp;tatus:</source>
        <translation>Status-&amp;Filter:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="56" />
        <source>&amp;New application…</source>
        <translation>&amp;Neuer Antrag…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="57" />
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="58" />
        <source>&amp;Import from Excel…</source>
        <translation>Aus Excel im&amp;portieren…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="59" />
        <source>Applications from an Excel list: checked first, then all rows or none</source>
        <translation>Anträge aus einer Excel-Liste: erst geprüft, dann alle Zeilen oder keine</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="70" />
        <source>New stat&amp;us:</source>
        <translation>Neuer Stat&amp;us:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="73" />
        <source>reason (goes into the history)</source>
        <translation>Begründung (kommt in den Verlauf)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="74" />
        <source>Rea&amp;son:</source>
        <translation>Be&amp;gründung:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="76" />
        <source>Change st&amp;atus</source>
        <translation>Status änd&amp;ern</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="77" />
        <source>&amp;Waiting-list letter…</source>
        <translation>&amp;Wartelistenbrief…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="78" />
        <source>&amp;Rejection letter…</source>
        <translation>Absagebr&amp;ief…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="79" />
        <source>Uses the reason field as the reason of the rejection</source>
        <translation>Verwendet das Feld „Begründung“ als Grund der Absage</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="128" />
        <source>(select an application)</source>
        <translation>(Antrag auswählen)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="129" />
        <source>(no change possible)</source>
        <translation>(keine Änderung möglich)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="153" />
        <source>Import Kita applications from Excel</source>
        <translation>Kita-Anträge aus Excel importieren</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="162" />
        <source>Application saved: %1</source>
        <translation>Antrag gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="172" />
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="188" />
        <source>Please select an application first.</source>
        <translation>Bitte zuerst einen Antrag auswählen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="179" />
        <source>Possible: %1</source>
        <translation>Möglich: %1</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="183" />
        <source>Status of %1: %2</source>
        <translation>Status von %1: %2</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="194" />
        <source>Save letter</source>
        <translation>Brief speichern</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="194" />
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="205" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="201" />
        <source>Letter saved: %1</source>
        <translation>Brief gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="204" />
        <source>Export applications</source>
        <translation>Anträge exportieren</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="205" />
        <source>Excel files (*.xlsx)</source>
        <translation>Excel-Dateien (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/applications_tab.py" line="215" />
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>ContractDialog</name>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="109" />
        <source>Reserved-place contract</source>
        <translation>Belegplatzvertrag</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="113" />
        <source>&amp;Kita:</source>
        <translation>&amp;Kita:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="116" />
        <source>Kita &amp;year:</source>
        <translation>Kita-&amp;Jahr:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="118" />
        <source>Valid &amp;from:</source>
        <translation>Gültig &amp;von:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="119" />
        <source>Valid &amp;until:</source>
        <translation>Gültig &amp;bis:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="120" />
        <source>&amp;Cost per place and month (€):</source>
        <translation>K&amp;osten je Platz und Monat (€):</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="126" />
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="132" />
        <source>Places %1 %2 hours</source>
        <translation>Plätze %1 %2 Stunden</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="136" />
        <source>&amp;Places:</source>
        <translation>&amp;Plätze:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="137" />
        <source>&amp;Reason for change:</source>
        <translation>&amp;Grund der Änderung:</translation>
    </message>
</context>
<context>
    <name>KitaDialog</name>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="60" />
        <source>Partner Kita</source>
        <translation>Partner-Kita</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="64" />
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="65" />
        <source>&amp;Provider:</source>
        <translation>&amp;Träger:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="66" />
        <source>&amp;Street:</source>
        <translation>Stra&amp;ße:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="67" />
        <source>Post&amp;code:</source>
        <translation>P&amp;LZ:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="68" />
        <source>C&amp;ity:</source>
        <translation>&amp;Ort:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="69" />
        <source>&amp;Contact person:</source>
        <translation>&amp;Ansprechperson:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="70" />
        <source>P&amp;hone:</source>
        <translation>Tele&amp;fon:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="71" />
        <source>E-&amp;mail:</source>
        <translation>E-&amp;Mail:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="72" />
        <source>&amp;Active:</source>
        <translation>A&amp;ktiv:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="72" />
        <source>partner Kita</source>
        <translation>Partner-Kita</translation>
    </message>
</context>
<context>
    <name>KitaFeature</name>
    <message>
        <location filename="../../bochum_desktop/kita/views/__init__.py" line="47" />
        <location filename="../../bochum_desktop/kita/views/__init__.py" line="55" />
        <source>Kita-Kontingent</source>
        <translation>Kita-Kontingent</translation>
    </message>
</context>
<context>
    <name>KitaPage</name>
    <message>
        <location filename="../../bochum_desktop/kita/views/page.py" line="31" />
        <source>&amp;Applications</source>
        <translation>An&amp;träge</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/page.py" line="32" />
        <source>&amp;Ranking</source>
        <translation>&amp;Rangliste</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/page.py" line="33" />
        <source>&amp;Proposal</source>
        <translation>&amp;Vorschlag</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/page.py" line="34" />
        <source>&amp;Offers</source>
        <translation>Angeb&amp;ote</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/page.py" line="35" />
        <source>&amp;Kitas &amp;&amp; contracts</source>
        <translation>&amp;Kitas &amp;&amp; Verträge</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/page.py" line="36" />
        <source>Occ&amp;upancy</source>
        <translation>Be&amp;legung</translation>
    </message>
</context>
<context>
    <name>KitaSettingsPage</name>
    <message>
        <location filename="../../bochum_desktop/kita/views/settings_page.py" line="42" />
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/settings_page.py" line="44" />
        <source>&amp;Answer deadline for offers:</source>
        <translation>&amp;Antwortfrist für Angebote:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/settings_page.py" line="46" />
        <source>Points &amp;scheme valid from:</source>
        <translation>Punkte&amp;schema gültig ab:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/settings_page.py" line="48" />
        <source>&amp;Valid from (date):</source>
        <translation>&amp;Gültig ab (Datum):</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/settings_page.py" line="51" />
        <source>Return from parental leave soon: points</source>
        <translation>Baldige Rückkehr aus der Elternzeit: Punkte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/settings_page.py" line="52" />
        <source>… within days after the desired start</source>
        <translation>… höchstens Tage nach gewünschtem Beginn</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/settings_page.py" line="53" />
        <source>Single parent: points</source>
        <translation>Alleinerziehend: Punkte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/settings_page.py" line="54" />
        <source>Working hours from (full time)</source>
        <translation>Arbeitszeit ab (Vollzeit), Std.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/settings_page.py" line="55" />
        <source>Full time: points</source>
        <translation>Vollzeit: Punkte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/settings_page.py" line="56" />
        <source>Working hours from (part time)</source>
        <translation>Arbeitszeit ab (Teilzeit), Std.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/settings_page.py" line="57" />
        <source>Part time: points</source>
        <translation>Teilzeit: Punkte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/settings_page.py" line="58" />
        <source>Sibling in a wished Kita: points</source>
        <translation>Geschwisterkind in einer Wunsch-Kita: Punkte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/settings_page.py" line="59" />
        <source>Shift work: points</source>
        <translation>Schichtdienst: Punkte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/settings_page.py" line="60" />
        <source>Hardship: points</source>
        <translation>Härtefall: Punkte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/settings_page.py" line="69" />
        <source>&amp;New version…</source>
        <translation>&amp;Neue Version…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/settings_page.py" line="70" />
        <source>Copy the shown scheme as a new version with a later valid-from date</source>
        <translation>Das angezeigte Schema als neue Version mit späterem „gültig ab“ kopieren</translation>
    </message>
</context>
<context>
    <name>KitaViews</name>
    <message>
        <location filename="../../bochum_desktop/kita/views/common.py" line="34" />
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/common.py" line="68" />
        <source>yes (+%1 points)</source>
        <translation>ja (+%1 Punkte)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/common.py" line="109" />
        <source>DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/common.py" line="171" />
        <source>Discard input?</source>
        <translation>Eingaben verwerfen?</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/common.py" line="172" />
        <source>Discard unsaved input?</source>
        <translation>Ungespeicherte Eingaben verwerfen?</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="49" />
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="50" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>KitasTab</name>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="196" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="196" />
        <source>Provider</source>
        <translation>Träger</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="197" />
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="197" />
        <source>Contact</source>
        <translation>Ansprechperson</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="198" />
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="198" />
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="198" />
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="200" />
        <source>Partner Kitas</source>
        <translation>Partner-Kitas</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="203" />
        <source>Kita</source>
        <translation>Kita</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="204" />
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="205" />
        <source>U3 places</source>
        <translation>U3-Plätze</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="206" />
        <source>Ü3 places</source>
        <translation>Ü3-Plätze</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="207" />
        <source>Places by hours</source>
        <translation>Plätze nach Stunden</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="209" />
        <source>Cost per place/month</source>
        <translation>Kosten je Platz/Monat</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="210" />
        <source>Cost per month</source>
        <translation>Kosten je Monat</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="212" />
        <source>Contracts</source>
        <translation>Verträge</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="216" />
        <source>Kita &amp;year:</source>
        <translation>Kita-&amp;Jahr:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="219" />
        <source>&amp;New Kita…</source>
        <translation>&amp;Neue Kita…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="220" />
        <source>&amp;Edit Kita…</source>
        <translation>Kita &amp;bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="221" />
        <source>&amp;Import Kitas from Excel…</source>
        <translation>Kitas aus Excel &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="223" />
        <source>New &amp;contract…</source>
        <translation>Neuer V&amp;ertrag…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="224" />
        <source>Edit c&amp;ontract…</source>
        <translation>Vertra&amp;g bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="225" />
        <source>Cost overview to E&amp;xcel…</source>
        <translation>Kostenübersicht nach E&amp;xcel…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="236" />
        <source>Partner &amp;Kitas</source>
        <translation>&amp;Partner-Kitas</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="238" />
        <source>Con&amp;tracts (reserved places)</source>
        <translation>Verträge (Belegplät&amp;ze)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="271" />
        <source>Import partner Kitas from Excel</source>
        <translation>Partner-Kitas aus Excel importieren</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="299" />
        <source>Contract saved.</source>
        <translation>Vertrag gespeichert.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="308" />
        <source>Cost overview</source>
        <translation>Kostenübersicht</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="309" />
        <source>Excel files (*.xlsx)</source>
        <translation>Excel-Dateien (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/kitas_tab.py" line="316" />
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>OccupancyTab</name>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="55" />
        <source>&amp;Kita:</source>
        <translation>K&amp;ita:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="57" />
        <source>Kita &amp;year:</source>
        <translation>Kita-&amp;Jahr:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="59" />
        <source>&amp;Refresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="60" />
        <source>Occupancy of all Kitas to E&amp;xcel…</source>
        <translation>Belegung aller Kitas nach E&amp;xcel…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="62" />
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="63" />
        <source>U3 places</source>
        <translation>U3-Plätze</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="64" />
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="128" />
        <source>U3 occupied</source>
        <translation>U3 belegt</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="65" />
        <source>Ü3 places</source>
        <translation>Ü3-Plätze</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="66" />
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="129" />
        <source>Ü3 occupied</source>
        <translation>Ü3 belegt</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="67" />
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="130" />
        <source>Open offers</source>
        <translation>Offene Angebote</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="68" />
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="69" />
        <source>Turning 3</source>
        <translation>Wird 3</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="70" />
        <source>Leaving for school</source>
        <translation>Wechsel zur Schule</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="72" />
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="75" />
        <source>Occupancy per month</source>
        <translation>Belegung je Monat</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="79" />
        <source>Occupancy chart</source>
        <translation>Belegungsdiagramm</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="137" />
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="162" />
        <source>Children</source>
        <translation>Kinder</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="176" />
        <source>Occupancy to Excel</source>
        <translation>Belegung nach Excel</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="178" />
        <source>Excel files (*.xlsx)</source>
        <translation>Excel-Dateien (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/occupancy_tab.py" line="186" />
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>OffersTab</name>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="33" />
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="34" />
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="35" />
        <source>S&amp;how:</source>
        <translation>An&amp;zeigen:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="38" />
        <source>Applicant</source>
        <translation>Antragsteller*in</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="39" />
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="40" />
        <source>Kita</source>
        <translation>Kita</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="41" />
        <source>Age band</source>
        <translation>Altersgruppe</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="42" />
        <source>Hours</source>
        <translation>Std.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="43" />
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="44" />
        <source>Answer by</source>
        <translation>Antwort bis</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="45" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="46" />
        <source>Override reason</source>
        <translation>Begründung der Abweichung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="48" />
        <source>Offers</source>
        <translation>Angebote</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="50" />
        <source>&amp;Accepted</source>
        <translation>Ange&amp;nommen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="51" />
        <source>&amp;Declined, keep on waiting list</source>
        <translation>Abgelehnt, auf der &amp;Warteliste lassen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="52" />
        <source>Declined, &amp;no further offers</source>
        <translation>Abgelehnt, k&amp;eine weiteren Angebote</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="53" />
        <source>&amp;Expire overdue offers</source>
        <translation>Abgelaufene Angebote s&amp;chließen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="54" />
        <source>Offer &amp;letters…</source>
        <translation>Angebots&amp;briefe…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="55" />
        <source>Offer letters of all listed open offers into one PDF</source>
        <translation>Angebotsbriefe aller aufgelisteten offenen Angebote in eine PDF-Datei</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="94" />
        <source>Recording …</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="102" />
        <source>The answer was not saved (see the error message).</source>
        <translation>Die Antwort wurde nicht gespeichert (siehe Fehlermeldung).</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="111" />
        <source>Please select an offer first.</source>
        <translation>Bitte zuerst ein Angebot auswählen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="118" />
        <source>Record answer</source>
        <translation>Antwort erfassen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="125" />
        <source>Record the offer for %1 (%2) as accepted? %1 gets the place in %3 from %4.</source>
        <translation>Angebot für %1 (%2) als angenommen erfassen? %1 erhält den Platz in %3 ab %4.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="130" />
        <source>%1 placed in %2 from %3.</source>
        <translation>%1 hat ab %3 einen Platz in %2.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="140" />
        <source>Record the offer for %1 (%2) in %3 as declined? The application goes back on the waiting list.</source>
        <translation>Angebot für %1 (%2) in %3 als abgelehnt erfassen? Der Antrag kommt zurück auf die Warteliste.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="142" />
        <source>Record the offer for %1 (%2) in %3 as declined? The application gets no further offers.</source>
        <translation>Angebot für %1 (%2) in %3 als abgelehnt erfassen? Der Antrag erhält keine weiteren Angebote.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="151" />
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="152" />
        <source>Offer declined. Next in line for %1: %2 (compute and confirm the proposal).</source>
        <translation>Angebot abgelehnt. Als Nächste für %1: %2 (Vorschlag berechnen und bestätigen).</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="161" />
        <source>No open offer is past its answer deadline.</source>
        <translation>Kein offenes Angebot hat seine Antwortfrist überschritten.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="163" />
        <source>Close 1 expired offer? The application goes back on the waiting list.</source>
        <translation>1 abgelaufenes Angebot schließen? Der Antrag kommt zurück auf die Warteliste.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="165" />
        <source>Close %1 expired offers? The applications go back on the waiting list.</source>
        <translation>%1 abgelaufene Angebote schließen? Die Anträge kommen zurück auf die Warteliste.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="166" />
        <source>Expire offers</source>
        <translation>Abgelaufene Angebote schließen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="169" />
        <source>%1 offers expired.</source>
        <translation>%1 Angebote abgelaufen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="174" />
        <source>No open offers listed.</source>
        <translation>Keine offenen Angebote in der Liste.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="176" />
        <source>Save offer letters</source>
        <translation>Angebotsbriefe speichern</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="177" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/offers_tab.py" line="186" />
        <source>%1 letters saved: %2</source>
        <translation>%1 Briefe gespeichert: %2</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="55" />
        <source>Change proposal</source>
        <translation>Vorschlag ändern</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="59" />
        <source>&amp;Kita:</source>
        <translation>&amp;Kita:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="63" />
        <source>&amp;Reason:</source>
        <translation>&amp;Begründung:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="66" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>ProposalTab</name>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="116" />
        <source>Kita &amp;year:</source>
        <translation>Kita-&amp;Jahr:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="118" />
        <source>Start &amp;month:</source>
        <translation>Beginn&amp;monat:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="120" />
        <source>&amp;Compute proposal</source>
        <translation>Vorschlag &amp;berechnen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="121" />
        <source>Change &amp;Kita…</source>
        <translation>Kita ä&amp;ndern…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="122" />
        <source>Con&amp;firm checked → offers</source>
        <translation>Angehakte b&amp;estätigen → Angebote</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="124" />
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="125" />
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="126" />
        <source>Applicant</source>
        <translation>Antragsteller*in</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="127" />
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="128" />
        <source>Kita</source>
        <translation>Kita</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="129" />
        <source>Choice</source>
        <translation>Wunsch</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="130" />
        <source>Age band</source>
        <translation>Altersgruppe</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="131" />
        <source>Hours</source>
        <translation>Std.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="132" />
        <source>Override reason</source>
        <translation>Begründung der Abweichung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="134" />
        <source>Proposal</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="137" />
        <source>Not placed</source>
        <translation>Ohne Platz</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="138" />
        <source>&amp;Not placed (with reason):</source>
        <translation>Ohne &amp;Platz (mit Grund):</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="221" />
        <source>Kita year or start month changed: please compute the proposal again.</source>
        <translation>Kita-Jahr oder Startmonat geändert: bitte den Vorschlag neu berechnen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="244" />
        <source>Calculating the proposal for %1 …</source>
        <translation>Vorschlag für %1 wird berechnet …</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="263" />
        <source>The data has changed since this proposal was computed: please compute it again.</source>
        <translation>Die Daten haben sich seit der Berechnung dieses Vorschlags geändert: bitte neu berechnen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="274" />
        <source>%1 places proposed, %2 applications not placed.</source>
        <translation>%1 Plätze vorgeschlagen, %2 Anträge ohne Platz.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="286" />
        <source>Nothing to propose: there are no open applications.</source>
        <translation>Kein Vorschlag: Es gibt keine offenen Anträge.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="287" />
        <source>Nothing to propose: no open application wants to start in %1 or earlier — next desired start: %2.</source>
        <translation>Kein Vorschlag: Keine offenen Anträge mit gewünschtem Beginn bis %1 — nächster gewünschter Beginn: %2.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="294" />
        <source>Please select a proposal line first.</source>
        <translation>Bitte zuerst eine Vorschlagszeile auswählen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="306" />
        <source>Please compute a proposal first.</source>
        <translation>Bitte zuerst einen Vorschlag berechnen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="310" />
        <source>No proposal line is checked.</source>
        <translation>Keine Vorschlagszeile ist angehakt.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="313" />
        <source>Create 1 offer and set the answer deadline (%2)?</source>
        <translation>1 Angebot erstellen und Antwortfrist setzen (bis %2)?</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="314" />
        <source>Create %1 offers and set the answer deadlines (%2)?</source>
        <translation>%1 Angebote erstellen und Fristen setzen (Antwort bis %2)?</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="315" />
        <source>Confirm proposal</source>
        <translation>Vorschlag bestätigen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="318" />
        <source>Creating the offers …</source>
        <translation>Die Angebote werden angelegt …</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="322" />
        <source>The offers were not created (see the error message).</source>
        <translation>Die Angebote wurden nicht angelegt (siehe Fehlermeldung).</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/proposal_tab.py" line="327" />
        <source>%1 offers created. Answer by %2.</source>
        <translation>%1 Angebote erstellt. Antwort bis %2.</translation>
    </message>
</context>
<context>
    <name>RankingTab</name>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="55" />
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="56" />
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="57" />
        <source>Applicant</source>
        <translation>Antragsteller*in</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="58" />
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="59" />
        <source>Received</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="60" />
        <source>Desired start</source>
        <translation>Gewünschter Beginn</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="61" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="62" />
        <source>Why</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="62" />
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="177" />
        <source>no points</source>
        <translation>keine Punkte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="65" />
        <source>Ranking</source>
        <translation>Rangliste</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="73" />
        <source>&amp;Refresh ranking</source>
        <translation>Rangliste akt&amp;ualisieren</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="74" />
        <source>Calculating the ranking …</source>
        <translation>Rangliste wird berechnet …</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="75" />
        <source>Status of the ranking</source>
        <translation>Status der Rangliste</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="79" />
        <source>Explanation of the points</source>
        <translation>Erklärung der Punkte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="81" />
        <source>What if … (nothing is saved)</source>
        <translation>Was wäre, wenn … (nichts wird gespeichert)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="89" />
        <source>&amp;Single parent:</source>
        <translation>Alle&amp;inerziehend:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="89" />
        <source>S&amp;hift work:</source>
        <translation>S&amp;chichtdienst:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="90" />
        <source>Har&amp;dship:</source>
        <translation>Härte&amp;fall:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="91" />
        <source>&amp;Working hours per week:</source>
        <translation>&amp;Wochenarbeitszeit (Std.):</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="92" />
        <source>Return from &amp;parental leave:</source>
        <translation>Rückkehr aus der &amp;Elternzeit:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="97" />
        <source>&amp;Calculate rank</source>
        <translation>Rang &amp;berechnen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="100" />
        <source>What-if result</source>
        <translation>Ergebnis der Was-wäre-wenn-Rechnung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="110" />
        <source>Points of the selected application:</source>
        <translation>Punkte des ausgewählten Antrags:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="151" />
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="156" />
        <source>Calculating …</source>
        <translation>Wird berechnet …</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="178" />
        <source>%1 (%2): position %3 of %4</source>
        <translation>%1 (%2): Platz %3 von %4</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="181" />
        <source>Rank %1, %2 points</source>
        <translation>Rang %1, %2 Punkte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="182" />
        <source>Waiting list per wished Kita:</source>
        <translation>Warteliste je Wunsch-Kita:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="194" />
        <source>Please select an application first.</source>
        <translation>Bitte zuerst einen Antrag auswählen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/kita/views/ranking_tab.py" line="219" />
        <source>Rank %1 → %2 (points %3 → %4)</source>
        <translation>Rang %1 → %2 (Punkte %3 → %4)</translation>
    </message>
</context>
</TS>