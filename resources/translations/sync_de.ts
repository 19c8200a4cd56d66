<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="83" />
        <source>Sync conflicts and rejected changes</source>
        <translation>Sync-Konflikte und abgelehnte Änderungen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="100" />
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="137" />
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="109" />
        <source>Before (last synced)</source>
        <translation>Vorher (zuletzt abgeglichen)</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="109" />
        <source>Mine</source>
        <translation>Meine Änderung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="109" />
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="119" />
        <source>Use &amp;my value</source>
        <translation>&amp;Meinen Wert übernehmen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="120" />
        <source>Keep the &amp;server's value</source>
        <translation>&amp;Wert vom Server behalten</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="121" />
        <source>&amp;Other value:</source>
        <translation>&amp;Anderer Wert:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="123" />
        <source>Other value</source>
        <translation>Anderer Wert</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="132" />
        <source>&amp;Apply</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="145" />
        <source>No conflicts.</source>
        <translation>Keine Konflikte.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="150" />
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="216" />
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="150" />
        <source>kept</source>
        <translation>behalten</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="156" />
        <source>{table}, field “{field}”</source>
        <translation>{table}, Feld „{field}“</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="183" />
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="183" />
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="183" />
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="183" />
        <source>Reason given by the server</source>
        <translation>Begründung des Servers</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="185" />
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="199" />
        <source>Rejected changes</source>
        <translation>Abgelehnte Änderungen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="191" />
        <source>Send &amp;again</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="193" />
        <source>&amp;Discard change</source>
        <translation>Änderung &amp;verwerfen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="216" />
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="216" />
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="217" />
        <source>erased</source>
        <translation>endgültig gelöscht</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="227" />
        <source>Conflicts ({n})</source>
        <translation>Konflikte ({n})</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/conflicts.py" line="228" />
        <source>Rejected changes ({n})</source>
        <translation>Abgelehnte Änderungen ({n})</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../bochum_desktop/sync/views/login.py" line="29" />
        <source>Log in to the sync service</source>
        <translation>Beim Sync-Dienst anmelden</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/login.py" line="39" />
        <source>&amp;Server address:</source>
        <translation>&amp;Serveradresse:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/login.py" line="40" />
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/login.py" line="41" />
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/login.py" line="57" />
        <source>Log &amp;in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/login.py" line="58" />
        <source>Log &amp;out</source>
        <translation>Ab&amp;melden</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/login.py" line="73" />
        <source>Please enter the server address starting with https://</source>
        <translation>Bitte geben Sie die Serveradresse beginnend mit https:// ein.</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/login.py" line="77" />
        <source>Please enter user name and password.</source>
        <translation>Bitte geben Sie Benutzername und Passwort ein.</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../bochum_desktop/sync/views/status.py" line="34" />
        <source>Sync status</source>
        <translation>Sync-Status</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/status.py" line="38" />
        <source>Sync &amp;now</source>
        <translation>Jetzt s&amp;ynchronisieren</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/status.py" line="39" />
        <source>Send local changes to the sync service and fetch new ones</source>
        <translation>Eigene Änderungen an den Sync-Dienst senden und neue abholen</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/status.py" line="41" />
        <source>Sync &amp;login…</source>
        <translation>Sync-Anmeldung…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/status.py" line="64" />
        <source>Sync: local only</source>
        <translation>Sync: nur lokal</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/status.py" line="67" />
        <source>Last sync: {when}</source>
        <translation>Zuletzt synchronisiert: {when}</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/status.py" line="69" />
        <source>Not synchronised yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/status.py" line="71" />
        <source>{n} pending</source>
        <translation>{n} ausstehend</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/status.py" line="73" />
        <source>{n} rejected</source>
        <translation>{n} abgelehnt</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/status.py" line="78" />
        <source>Conflicts: {n}</source>
        <translation>Konflikte: {n}</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/status.py" line="93" />
        <source>Synchronising…</source>
        <translation>Synchronisiere…</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/status.py" line="108" />
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/status.py" line="111" />
        <source>Fetching changes… {n}</source>
        <translation>Hole Änderungen… {n}</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/status.py" line="111" />
        <source>Sending changes… {n}</source>
        <translation>Sende Änderungen… {n}</translation>
    </message>
    <message>
        <location filename="../../bochum_desktop/sync/views/status.py" line="128" />
        <source>Synchronisation failed: {error}</source>
        <translation>Synchronisation fehlgeschlagen: {error}</translation>
    </message>
</context>
</TS>