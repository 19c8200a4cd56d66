<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AdmissibilityPanel</name>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="136"/>
        <source>Similar suggestions</source>
        <translation>Ähnliche Vorschläge</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="143"/>
        <source>Own &amp;job duty</source>
        <translation>Eigene Dienst&amp;aufgabe</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="144"/>
        <source>The proposal is part of the submitter&apos;s own duties</source>
        <translation>Der Vorschlag gehört zu den eigenen Dienstaufgaben</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="145"/>
        <source>&amp;Reason</source>
        <translation>Begrün&amp;dung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="146"/>
        <source>E&amp;xcluded persons</source>
        <translation>Ausgeschl&amp;ossene Personen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="147"/>
        <source>Checked: no excluded person among the submitters</source>
        <translation>Geprüft: keine ausgeschlossene Person unter den Einreichenden</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="148"/>
        <source>Note on &amp;similar ones</source>
        <translation>Vermerk zu ä&amp;hnlichen Vorschlägen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="149"/>
        <source>&amp;Admissible</source>
        <translation>Zu&amp;lässig</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="150"/>
        <source>– please choose –</source>
        <translation>– bitte wählen –</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="151"/>
        <source>Admissible: accept into review</source>
        <translation>Zulässig: in die Begutachtung übernehmen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="152"/>
        <source>Not admissible</source>
        <translation>Nicht zulässig: nicht in die Begutachtung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="156"/>
        <source>Save c&amp;heck</source>
        <translation>&amp;Prüfung speichern</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="159"/>
        <source>Similar suggestions (full-text search; the first received counts):</source>
        <translation>Ähnliche Vorschläge (Volltextsuche; es zählt der zuerst eingegangene):</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="192"/>
        <source>received earlier – counts first</source>
        <translation>früher eingegangen – zählt zuerst</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="192"/>
        <source>received later</source>
        <translation>später eingegangen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="197"/>
        <source>No similar suggestions found.</source>
        <translation>Keine ähnlichen Vorschläge gefunden.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="199"/>
        <source>Excluded submitters: </source>
        <translation>Ausgeschlossene Einreichende: </translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="202"/>
        <source>No submitter is excluded by the settings.</source>
        <translation>Keine einreichende Person ist laut Einstellungen ausgeschlossen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="231"/>
        <source>Check saved.</source>
        <translation>Prüfung gespeichert.</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="35"/>
        <source>&amp;Decision</source>
        <translation>Entschei&amp;dung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="36"/>
        <source>– please choose –</source>
        <translation>– bitte wählen –</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="39"/>
        <source>Decided &amp;on</source>
        <translation>Entschieden &amp;am</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="40"/>
        <source>&amp;Participants</source>
        <translation>Tei&amp;lnehmende</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="41"/>
        <source>&amp;Reasons</source>
        <translation>Begr&amp;ündung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="44"/>
        <source>&amp;Award</source>
        <translation>Pr&amp;ämie</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="45"/>
        <source>No award</source>
        <translation>Keine Prämie</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="45"/>
        <source>Calculable savings</source>
        <translation>Errechenbare Einsparung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="46"/>
        <source>Not calculable: points table</source>
        <translation>Nicht errechenbar: Punktetabelle</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="47"/>
        <source>Recognition award</source>
        <translation>Anerkennungsprämie</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="60"/>
        <source>Award calculation steps</source>
        <translation>Schritte der Prämienberechnung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="61"/>
        <source>&amp;Calculate award</source>
        <translation>Prämie bere&amp;chnen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="63"/>
        <source>&amp;Save decision</source>
        <translation>Entscheidung s&amp;peichern</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="74"/>
        <source>Calculation (printed on the decision letter)</source>
        <translation>Berechnung (wird im Entscheidungsschreiben gedruckt)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="87"/>
        <source>Savings are lasting</source>
        <translation>Die Einsparung ist dauerhaft</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="88"/>
        <source>O&amp;ne-off savings (€)</source>
        <translation>Ein&amp;malige Einsparung (€)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="89"/>
        <source>Ann&amp;ual savings (€)</source>
        <translation>&amp;Jährliche Einsparung (€)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="90"/>
        <source>First-year co&amp;sts (€)</source>
        <translation>K&amp;osten im ersten Jahr (€)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="90"/>
        <source>&amp;Lasting</source>
        <translation>Dauerha&amp;ft</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="101"/>
        <source>Benefit &amp;level</source>
        <translation>Nutzenstu&amp;fe</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="102"/>
        <source>Sco&amp;pe</source>
        <translation>Anwendungsbereic&amp;h</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="103"/>
        <source>Eff&amp;ort</source>
        <translation>Auf&amp;wand</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="104"/>
        <source>&amp;Time to implement</source>
        <translation>U&amp;msetzungszeit</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="114"/>
        <source>Recognition a&amp;mount (€)</source>
        <translation>Anerkennungsprä&amp;mie (€)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="191"/>
        <source>Decided on %1. The decision is shown read-only.</source>
        <translation>Entschieden am %1. Die Entscheidung wird nur angezeigt.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="194"/>
        <source>A decision is possible during review or in committee.</source>
        <translation>Eine Entscheidung ist während der Begutachtung oder in der Kommission möglich.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="177"/>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="218"/>
        <source>Rule set: %1</source>
        <translation>Regelwerk: %1</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="233"/>
        <source>Save decision</source>
        <translation>Entscheidung speichern</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="234"/>
        <source>Save the decision &quot;%1&quot; for %2? It cannot be changed afterwards.</source>
        <translation>Die Entscheidung „%1“ für %2 speichern? Sie kann danach nicht mehr geändert werden.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/decision_panel.py" line="243"/>
        <source>Decision saved.</source>
        <translation>Entscheidung gespeichert.</translation>
    </message>
</context>
<context>
    <name>ExclusionsPage</name>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="223"/>
        <source>&amp;Committee</source>
        <translation>&amp;Kommission</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="224"/>
        <source>Committee members may not submit</source>
        <translation>Kommissionsmitglieder dürfen nicht einreichen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="225"/>
        <source>Committee &amp;members (personnel numbers)</source>
        <translation>Kommissions&amp;mitglieder (Personalnummern)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="227"/>
        <source>&amp;Heads of unit</source>
        <translation>&amp;Amtsleitungen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="228"/>
        <source>Heads of unit may not submit for their own unit</source>
        <translation>Amtsleitungen dürfen für das eigene Amt nicht einreichen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="229"/>
        <source>Heads per &amp;unit (unit code: personnel numbers)</source>
        <translation>Leitungen je Am&amp;t (Amtskennung: Personalnummern)</translation>
    </message>
</context>
<context>
    <name>Ideas</name>
    <message>
        <location filename="../../bochum_desktop/ideas/views/common.py" line="56"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>IdeasFeature</name>
    <message>
        <location filename="../../bochum_desktop/ideas/views/__init__.py" line="51"/>
        <source>Award rules</source>
        <translation>Prämienregeln</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/__init__.py" line="52"/>
        <source>Suggestion exclusions</source>
        <translation>Ausschlüsse Ideenmanagement</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/__init__.py" line="59"/>
        <source>Ideenmanagement</source>
        <translation>Ideenmanagement</translation>
    </message>
</context>
<context>
    <name>IdeasPage</name>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="46"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="49"/>
        <source>Code word</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="50"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="48"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="51"/>
        <source>Affected unit</source>
        <translation>Betroffene Organisationseinheit</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="52"/>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="53"/>
        <source>Submitters</source>
        <translation>Einreichende</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="59"/>
        <source>Suggestions</source>
        <translation>Verbesserungsvorschläge</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="62"/>
        <source>&amp;New suggestion…</source>
        <translation>&amp;Neuer Vorschlag…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="72"/>
        <source>Choose a suggestion in the list.</source>
        <translation>Bitte einen Vorschlag in der Liste auswählen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="80"/>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="82"/>
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="82"/>
        <source>Ad&amp;missibility</source>
        <translation>&amp;Zulässigkeit</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="83"/>
        <source>Re&amp;view</source>
        <translation>Be&amp;gutachtung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="83"/>
        <source>&amp;Decision</source>
        <translation>&amp;Entscheidung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="84"/>
        <source>Im&amp;plementation</source>
        <translation>&amp;Umsetzung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="91"/>
        <source>&amp;Acknowledgement letter…</source>
        <translation>Eingangsbestät&amp;igung…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="93"/>
        <source>Decision &amp;letter…</source>
        <translation>Entscheidungssch&amp;reiben…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="95"/>
        <source>&amp;Certificate…</source>
        <translation>Ur&amp;kunde…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="123"/>
        <source>&amp;Suggestions</source>
        <translation>&amp;Vorschläge</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="125"/>
        <source>S&amp;tatistics</source>
        <translation>S&amp;tatistik</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="182"/>
        <source>Acknowledgement</source>
        <translation>Eingangsbestätigung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="182"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="182"/>
        <source>Certificate</source>
        <translation>Urkunde</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="184"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/ideas_page.py" line="199"/>
        <source>Saved: %1</source>
        <translation>Gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>ImplementationPanel</name>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="329"/>
        <source>Responsible &amp;unit</source>
        <translation>Zuständige &amp;Organisationseinheit</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="330"/>
        <source>&amp;Planned for</source>
        <translation>Ge&amp;plant für</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="331"/>
        <source>&amp;Status</source>
        <translation>St&amp;and</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="334"/>
        <source>Implemented &amp;on</source>
        <translation>Umgesetzt a&amp;m</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="339"/>
        <source>Actual &amp;savings (€ per year)</source>
        <translation>Tatsäc&amp;hliche Einsparung (€ pro Jahr)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="341"/>
        <source>&amp;Reason (if not implemented)</source>
        <translation>Begrün&amp;dung (falls nicht umgesetzt)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="344"/>
        <source>Save i&amp;mplementation</source>
        <translation>Umsetzung spei&amp;chern</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="358"/>
        <source>– none –</source>
        <translation>– keine –</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="393"/>
        <source>Implementation saved.</source>
        <translation>Umsetzung gespeichert.</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="46"/>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="230"/>
        <source>New suggestion</source>
        <translation>Neuer Vorschlag</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="51"/>
        <source>&amp;Code word</source>
        <translation>&amp;Kennwort</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="52"/>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="53"/>
        <source>Current state (&amp;Ist)</source>
        <translation>&amp;Ist-Zustand</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="54"/>
        <source>&amp;Proposal (Soll)</source>
        <translation>&amp;Vorschlag (Soll)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="55"/>
        <source>Expected &amp;benefit</source>
        <translation>Erwarteter &amp;Nutzen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="60"/>
        <source>Affected &amp;unit</source>
        <translation>Betroffene &amp;Organisationseinheit</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="61"/>
        <source>– please choose –</source>
        <translation>– bitte wählen –</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="64"/>
        <source>&amp;Received at</source>
        <translation>Eingegangen a&amp;m</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="70"/>
        <source>&amp;Submitters</source>
        <translation>Einreic&amp;hende</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="71"/>
        <source>&amp;Attachments</source>
        <translation>&amp;Anlagen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="100"/>
        <source>Name or personnel number</source>
        <translation>Name oder Personalnummer</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="101"/>
        <source>Find employee</source>
        <translation>Beschäftigte suchen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="104"/>
        <source>A&amp;dd</source>
        <translation>Hin&amp;zufügen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="109"/>
        <source>Matching employees</source>
        <translation>Passende Beschäftigte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="114"/>
        <source>Submitters and shares</source>
        <translation>Einreichende und Anteile</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="115"/>
        <source>Submitter</source>
        <translation>Einreicher*in</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="115"/>
        <source>Share in %</source>
        <translation>Anteil in %</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="122"/>
        <source>&amp;Equal shares</source>
        <translation>&amp;Gleiche Anteile</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="123"/>
        <source>Clear the shares: the submitters then get equal shares</source>
        <translation>Anteile leeren: Die Einreichenden erhalten dann gleiche Anteile</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="125"/>
        <source>Remo&amp;ve submitter</source>
        <translation>Einreichende &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="177"/>
        <source>Attached files</source>
        <translation>Angehängte Dateien</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="181"/>
        <source>Add &amp;file…</source>
        <translation>&amp;Datei hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="183"/>
        <source>Remove fi&amp;le</source>
        <translation>Datei ent&amp;fernen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="195"/>
        <source>Attach a file</source>
        <translation>Datei anhängen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/intake_dialog.py" line="230"/>
        <source>Discard unsaved input?</source>
        <translation>Ungespeicherte Eingaben verwerfen?</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="54"/>
        <source>Suggestion</source>
        <translation>Vorschlag</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="56"/>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="68"/>
        <source>Attachments</source>
        <translation>Anlagen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="58"/>
        <source>Add attach&amp;ment…</source>
        <translation>&amp;Anlage hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="60"/>
        <source>Sa&amp;ve attachment as…</source>
        <translation>Anlage s&amp;peichern unter…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="79"/>
        <source> (provisional)</source>
        <translation> (vorläufig)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="81"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="81"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="82"/>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="82"/>
        <source>Code word</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="83"/>
        <source>Affected unit</source>
        <translation>Betroffene Organisationseinheit</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="84"/>
        <source>Acknowledged</source>
        <translation>Eingang bestätigt</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="84"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="90"/>
        <source>Submitters</source>
        <translation>Einreichende</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="92"/>
        <source>Current state (Ist)</source>
        <translation>Ist-Zustand</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="93"/>
        <source>Proposal (Soll)</source>
        <translation>Vorschlag (Soll)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="93"/>
        <source>Benefit</source>
        <translation>Nutzen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="96"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="100"/>
        <source>Award</source>
        <translation>Prämie</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="110"/>
        <source>Attach a file</source>
        <translation>Datei anhängen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="119"/>
        <source>Attachment added.</source>
        <translation>Anlage hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="126"/>
        <source>Save attachment</source>
        <translation>Anlage speichern</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="129"/>
        <source>Attachment saved.</source>
        <translation>Anlage gespeichert.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="241"/>
        <source>&amp;Reviewers</source>
        <translation>Gut&amp;achter*innen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="243"/>
        <source>&amp;Due on</source>
        <translation>&amp;Fällig am</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="244"/>
        <source>&amp;Assign reviewers</source>
        <translation>Gutachter*innen zu&amp;weisen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="246"/>
        <source>&amp;Forward to committee</source>
        <translation>An Ko&amp;mmission geben</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="249"/>
        <source>Review assignments</source>
        <translation>Begutachtungen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="250"/>
        <source>Reviewer</source>
        <translation>Gutachter*in</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="250"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="250"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="251"/>
        <source>Feasible</source>
        <translation>Umsetzbar</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="251"/>
        <source>Recommendation</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="251"/>
        <source>Statement</source>
        <translation>Stellungnahme</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="263"/>
        <source>Assignments and statements</source>
        <translation>Zuweisungen und Stellungnahmen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="288"/>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="291"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="291"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="312"/>
        <source>Reviewers assigned.</source>
        <translation>Gutachter*innen zugewiesen.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/case_panels.py" line="321"/>
        <source>Forwarded to the committee.</source>
        <translation>An die Kommission gegeben.</translation>
    </message>
</context>
<context>
    <name>ReviewerPage</name>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="45"/>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="125"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="46"/>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="125"/>
        <source>Code word</source>
        <translation>Kennwort</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="47"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="48"/>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="126"/>
        <source>Affected unit</source>
        <translation>Betroffene Organisationseinheit</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="49"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="50"/>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="127"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="59"/>
        <source>Suggestion (pseudonymised)</source>
        <translation>Vorschlag (pseudonymisiert)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="60"/>
        <source>Pseudonymised: who submitted the suggestion is not shown to reviewers.</source>
        <translation>Pseudonymisiert: Wer den Vorschlag eingereicht hat, wird Gutachter*innen nicht angezeigt.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="63"/>
        <source>Statement</source>
        <translation>Stellungnahme</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="66"/>
        <source>&amp;Feasible</source>
        <translation>&amp;Umsetzbar</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="66"/>
        <source>The proposal can be implemented</source>
        <translation>Der Vorschlag ist umsetzbar</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="67"/>
        <source>&amp;One-off savings (€)</source>
        <translation>&amp;Einmalige Einsparung (€)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="69"/>
        <source>&amp;Annual savings (€)</source>
        <translation>&amp;Jährliche Einsparung (€)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="71"/>
        <source>&amp;Costs (€)</source>
        <translation>&amp;Kosten (€)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="72"/>
        <source>&amp;Recommendation</source>
        <translation>Em&amp;pfehlung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="75"/>
        <source>&amp;Statement</source>
        <translation>Stellung&amp;nahme</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="77"/>
        <source>S&amp;ubmit statement</source>
        <translation>Stellungnahme &amp;abgeben</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="79"/>
        <source>Reason for &amp;hand-back</source>
        <translation>Grund der &amp;Rückgabe</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="82"/>
        <source>Hand &amp;back review</source>
        <translation>Begutachtung &amp;zurückgeben</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="124"/>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="126"/>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="127"/>
        <source>Statement due</source>
        <translation>Stellungnahme fällig</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="131"/>
        <source>Current state (Ist)</source>
        <translation>Ist-Zustand</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="132"/>
        <source>Proposal (Soll)</source>
        <translation>Vorschlag (Soll)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="132"/>
        <source>Benefit</source>
        <translation>Nutzen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="157"/>
        <source>Statement submitted. Thank you.</source>
        <translation>Stellungnahme abgegeben. Vielen Dank.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/reviewer_page.py" line="168"/>
        <source>Review handed back.</source>
        <translation>Begutachtung zurückgegeben.</translation>
    </message>
</context>
<context>
    <name>RuleSetsPage</name>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="73"/>
        <source>Award rule sets</source>
        <translation>Prämienregelwerke</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="77"/>
        <source>&amp;Name</source>
        <translation>&amp;Bezeichnung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="78"/>
        <source>Valid &amp;from</source>
        <translation>Gültig &amp;ab</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="79"/>
        <source>Open-ended</source>
        <translation>Unbefristet</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="80"/>
        <source>Valid &amp;to</source>
        <translation>Gültig b&amp;is</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="84"/>
        <source>One-off savings rate (%)</source>
        <translation>Satz einmalige Einsparung (%)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="85"/>
        <source>Annual savings rate (%)</source>
        <translation>Satz jährliche Einsparung (%)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="86"/>
        <source>Bonus if lasting (%)</source>
        <translation>Zuschlag bei dauerhafter Einsparung (%)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="87"/>
        <source>Minimum award (€)</source>
        <translation>Mindestprämie (€)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="87"/>
        <source>Maximum award (€)</source>
        <translation>Höchstprämie (€)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="88"/>
        <source>Recognition award from (€)</source>
        <translation>Anerkennungsprämie von (€)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="89"/>
        <source>Recognition award up to (€)</source>
        <translation>Anerkennungsprämie bis (€)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="92"/>
        <source>Base amounts by benefit level (€)</source>
        <translation>Grundbeträge je Nutzenstufe (€)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="93"/>
        <source>Factors: scope</source>
        <translation>Faktoren: Anwendungsbereich</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="93"/>
        <source>Factors: effort</source>
        <translation>Faktoren: Aufwand</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="94"/>
        <source>Factors: time to implement</source>
        <translation>Faktoren: Umsetzungszeit</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="99"/>
        <source>Tables: level = value; level = value</source>
        <translation>Tabellen: Stufe = Wert; Stufe = Wert</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="100"/>
        <source>&amp;New rule set</source>
        <translation>&amp;Neues Regelwerk</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="102"/>
        <source>&amp;Save rule set</source>
        <translation>Regelwerk &amp;speichern</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="111"/>
        <source>&amp;Rule sets</source>
        <translation>&amp;Regelwerke</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="134"/>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="151"/>
        <source>New rule set (not saved yet): defaults shown; &quot;Save rule set&quot; stores it.</source>
        <translation>Neues Regelwerk (noch nicht gespeichert): Vorgabewerte; „Regelwerk speichern“ legt es an.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="153"/>
        <source>No rule set saved yet: defaults shown; &quot;Save rule set&quot; stores them.</source>
        <translation>Noch kein Regelwerk gespeichert: Vorgabewerte; „Regelwerk speichern“ legt es an.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="155"/>
        <source>Rule set</source>
        <translation>Regelwerk</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/settings_pages.py" line="206"/>
        <source>Rule set saved.</source>
        <translation>Regelwerk gespeichert.</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="65"/>
        <source>&amp;Year</source>
        <translation>&amp;Jahr</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="70"/>
        <source>All years</source>
        <translation>Alle Jahre</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="72"/>
        <source>Export to &amp;Excel…</source>
        <translation>Nach &amp;Excel exportieren…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="82"/>
        <source>Chart: suggestions per 100 staff</source>
        <translation>Diagramm: Vorschläge je 100 Beschäftigte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="84"/>
        <source>Chart: acceptance rate</source>
        <translation>Diagramm: Annahmequote</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="86"/>
        <source>Chart: savings and awards</source>
        <translation>Diagramm: Einsparungen und Prämien</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="94"/>
        <source>Statistics table</source>
        <translation>Statistiktabelle</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="96"/>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="96"/>
        <source>Unit</source>
        <translation>Organisationseinheit</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="96"/>
        <source>Suggestions</source>
        <translation>Verbesserungsvorschläge</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="96"/>
        <source>Staff</source>
        <translation>Beschäftigte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="96"/>
        <source>Per 100 staff</source>
        <translation>Je 100 Beschäftigte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="97"/>
        <source>Acceptance rate %</source>
        <translation>Annahmequote %</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="97"/>
        <source>Median lead time (days)</source>
        <translation>Median der Bearbeitungszeit (Tage)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="97"/>
        <source>Savings</source>
        <translation>Einsparung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="97"/>
        <source>Awards</source>
        <translation>Prämien</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="189"/>
        <source>Units: %1</source>
        <translation>Organisationseinheiten: %1</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="191"/>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="192"/>
        <source>Suggestions per 100 staff</source>
        <translation>Vorschläge je 100 Beschäftigte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="195"/>
        <source>Acceptance rate (%)</source>
        <translation>Annahmequote (%)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="196"/>
        <source>Acceptance rate in %</source>
        <translation>Annahmequote in %</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="199"/>
        <source>Savings and awards (€)</source>
        <translation>Einsparungen und Prämien (€)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="200"/>
        <source>Savings (plain bars)</source>
        <translation>Einsparung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="201"/>
        <source>Awards (hatched bars)</source>
        <translation>Prämien (schraffiert)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="206"/>
        <source>Export statistics</source>
        <translation>Statistik exportieren</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="206"/>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel-Dateien (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/ideas/views/stats_page.py" line="214"/>
        <source>Statistics saved: %1</source>
        <translation>Statistik gespeichert: %1</translation>
    </message>
</context>
</TS>
