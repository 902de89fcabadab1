<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ExpositionCheck</name>
    <message>
        <source>series of %1 has the label %2=&quot;%3&quot;, but the grouping key says %2=&quot;%4&quot;: the gateway would reject the push</source>
        <translation>eine Serie von %1 hat das Label %2=&quot;%3&quot;, der Gruppierungsschlüssel aber %2=&quot;%4&quot;: das Gateway würde den Push ablehnen</translation>
    </message>
</context>
<context>
    <name>FleetDelete</name>
    <message>
        <source>the gateway was closed before the delete started</source>
        <translation>das Gateway wurde geschlossen, bevor das Löschen begann</translation>
    </message>
</context>
<context>
    <name>GatewayClient</name>
    <message>
        <source>%1 answered 404: no Pushgateway API there (wrong URL or route prefix?)</source>
        <translation>%1 antwortete 404: dort ist keine Pushgateway-API (falsche URL oder falsches Routenpräfix?)</translation>
    </message>
    <message>
        <source>%1: no complete answer within %2 s</source>
        <translation>%1: keine vollständige Antwort innerhalb von %2 s</translation>
    </message>
    <message>
        <source>%1: answer larger than the limit of %2 MB</source>
        <translation>%1: Antwort größer als die Grenze von %2 MB</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: %3</source>
        <translation>%1 antwortete HTTP %2: %3</translation>
    </message>
    <message>
        <source>no gateway URL given</source>
        <translation>keine Gateway-URL angegeben</translation>
    </message>
    <message>
        <source>invalid gateway URL &quot;%1&quot;: %2</source>
        <translation>ungültige Gateway-URL „%1“: %2</translation>
    </message>
    <message>
        <source>gateway URL &quot;%1&quot; must use http or https</source>
        <translation>die Gateway-URL „%1“ muss http oder https verwenden</translation>
    </message>
    <message>
        <source>gateway URL &quot;%1&quot; has no host</source>
        <translation>die Gateway-URL „%1“ hat keinen Host</translation>
    </message>
    <message>
        <source>gateway URL &quot;%1&quot; must not have a query or fragment</source>
        <translation>die Gateway-URL „%1“ darf keine Abfrage und kein Fragment haben</translation>
    </message>
    <message>
        <source>%1 answered with an HTML page, not the Pushgateway API</source>
        <translation>%1 antwortete mit einer HTML-Seite, nicht mit der Pushgateway-API</translation>
    </message>
    <message>
        <source>cannot push: the grouping key has no job</source>
        <translation>Push nicht möglich: der Gruppierungsschlüssel hat keinen job</translation>
    </message>
    <message>
        <source>push to %1 rejected (HTTP %2): %3</source>
        <translation>Push an %1 abgelehnt (HTTP %2): %3</translation>
    </message>
    <message>
        <source>cannot delete: the grouping key has no job</source>
        <translation>Löschen nicht möglich: der Gruppierungsschlüssel hat keinen job</translation>
    </message>
    <message>
        <source>wipe refused: the admin API is not enabled on this gateway (start it with --web.enable-admin-api)</source>
        <translation>Leeren abgelehnt: die Admin-API ist auf diesem Gateway nicht aktiv (mit --web.enable-admin-api starten)</translation>
    </message>
    <message>
        <source>TLS: %1 refused our client certificate (%2); give a certificate and key signed by a CA the gateway trusts (pushdeckctl --cert/--key, or the connection profile)</source>
        <translation>TLS: %1 hat unser Client-Zertifikat abgelehnt (%2); ein Zertifikat und einen Schlüssel angeben, die von einer CA signiert sind, der das Gateway vertraut (pushdeckctl --cert/--key oder das Verbindungsprofil)</translation>
    </message>
    <message>
        <source>TLS: %1 requires a client certificate and none was given (%2); pass --cert and --key (or set them in the connection profile)</source>
        <translation>TLS: %1 verlangt ein Client-Zertifikat, aber keines wurde angegeben (%2); --cert und --key übergeben (oder im Verbindungsprofil setzen)</translation>
    </message>
    <message>
        <source>TLS: the certificate of %1 is not trusted (%2); pass --ca-file with the CA certificate that signed it (or set the CA file of the connection profile)</source>
        <translation>TLS: dem Zertifikat von %1 wird nicht vertraut (%2); --ca-file mit dem CA-Zertifikat übergeben, das es signiert hat (oder die CA-Datei des Verbindungsprofils setzen)</translation>
    </message>
    <message>
        <source>TLS: handshake with %1 failed: %2</source>
        <translation>TLS: Handshake mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 redirects to %2, another origin; not followed so that credentials stay with the gateway (use the final URL)</source>
        <translation>%1 leitet auf %2 um, einen anderen Ursprung; nicht gefolgt, damit die Zugangsdaten beim Gateway bleiben (die endgültige URL verwenden)</translation>
    </message>
    <message>
        <source>authentication failed at %1 (HTTP 401): the gateway did not accept the credentials (%2)</source>
        <translation>Authentifizierung bei %1 fehlgeschlagen (HTTP 401): das Gateway hat die Zugangsdaten nicht angenommen (%2)</translation>
    </message>
    <message>
        <source>none were sent; give a user and password or a token</source>
        <translation>es wurden keine gesendet; einen Benutzer und ein Passwort oder ein Token angeben</translation>
    </message>
    <message>
        <source>wrong user name, password or token?</source>
        <translation>falscher Benutzername, falsches Passwort oder Token?</translation>
    </message>
    <message>
        <source>access denied at %1 (HTTP 403): %2</source>
        <translation>Zugriff verweigert bei %1 (HTTP 403): %2</translation>
    </message>
    <message>
        <source>/metrics answered with an unknown Content-Encoding &quot;%1&quot;</source>
        <translation>/metrics antwortete mit einem unbekannten Content-Encoding „%1“</translation>
    </message>
    <message>
        <source>%1 did not answer like Prometheus (no data.version)</source>
        <translation>%1 antwortete nicht wie Prometheus (kein data.version)</translation>
    </message>
    <message>
        <source>of unknown version</source>
        <translation>unbekannter Version</translation>
    </message>
    <message>
        <source>%1 has the UTF-8 label name &quot;%2&quot;: this Pushgateway %3 runs without --push.enable-utf8-names, so it would refuse it; nothing was sent</source>
        <translation>%1 hat den UTF-8-Labelnamen „%2“: dieses Pushgateway %3 läuft ohne --push.enable-utf8-names und würde ihn ablehnen; nichts wurde gesendet</translation>
    </message>
    <message>
        <source>%1 has the UTF-8 label name &quot;%2&quot;, which needs Pushgateway 1.11 or newer started with --push.enable-utf8-names; this gateway is %3; nothing was sent</source>
        <translation>%1 hat den UTF-8-Labelnamen „%2“, der ein Pushgateway ab 1.11 mit --push.enable-utf8-names braucht; dieses Gateway ist %3; nichts wurde gesendet</translation>
    </message>
</context>
<context>
    <name>LightRefresh</name>
    <message>
        <source>/metrics line %1: malformed label set</source>
        <translation>/metrics Zeile %1: fehlerhafte Label-Menge</translation>
    </message>
    <message>
        <source>/metrics line %1: invalid value</source>
        <translation>/metrics Zeile %1: ungültiger Wert</translation>
    </message>
    <message>
        <source>/metrics answered protobuf in an unsupported encoding (%1)</source>
        <translation>/metrics antwortete mit Protobuf in einer nicht unterstützten Kodierung (%1)</translation>
    </message>
    <message>
        <source>/metrics (protobuf), byte %1: %2</source>
        <translation>/metrics (Protobuf), Byte %1: %2</translation>
    </message>
    <message>
        <source>answer larger than 2 GB</source>
        <translation>Antwort größer als 2 GB</translation>
    </message>
    <message>
        <source>truncated or invalid message length</source>
        <translation>abgeschnittene oder ungültige Nachrichtenlänge</translation>
    </message>
    <message>
        <source>message of %1 bytes, only %2 left</source>
        <translation>Nachricht mit %1 Bytes, nur %2 übrig</translation>
    </message>
    <message>
        <source>invalid field tag</source>
        <translation>ungültiges Feld-Tag</translation>
    </message>
    <message>
        <source>truncated metric family name</source>
        <translation>abgeschnittener Name der Metrikfamilie</translation>
    </message>
    <message>
        <source>malformed field %1</source>
        <translation>fehlerhaftes Feld %1</translation>
    </message>
    <message>
        <source>truncated message</source>
        <translation>abgeschnittene Nachricht</translation>
    </message>
    <message>
        <source>malformed %1 family</source>
        <translation>fehlerhafte %1-Familie</translation>
    </message>
    <message>
        <source>%1 series %2 has no value</source>
        <translation>%1 Serie %2 hat keinen Wert</translation>
    </message>
</context>
<context>
    <name>PushDeck</name>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot create the directory %1: %2</source>
        <translation>das Verzeichnis %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>cannot sync %1 to disk: %2</source>
        <translation>%1 kann nicht auf die Platte geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot replace %1: %2</source>
        <translation>%1 kann nicht ersetzt werden: %2</translation>
    </message>
    <message>
        <source>cannot create %1: %2</source>
        <translation>%1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>no file name given</source>
        <translation>kein Dateiname angegeben</translation>
    </message>
    <message>
        <source>a directory</source>
        <translation>ein Verzeichnis</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>ein Blockgerät</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>refusing to write %1: it is %2 (give a regular file, a FIFO, a character device, or - for stdout)</source>
        <translation>%1 wird nicht geschrieben: es ist %2 (eine reguläre Datei, ein FIFO, ein zeichenorientiertes Gerät oder - für die Standardausgabe angeben)</translation>
    </message>
    <message>
        <source>cannot start inflating the gzip answer</source>
        <translation>das Entpacken der gzip-Antwort kann nicht beginnen</translation>
    </message>
    <message>
        <source>the gzip answer inflates to more than the %1 MB limit</source>
        <translation>die gzip-Antwort wird entpackt größer als die Grenze von %1 MB</translation>
    </message>
    <message>
        <source>the gzip answer is truncated</source>
        <translation>die gzip-Antwort ist abgeschnitten</translation>
    </message>
    <message>
        <source>the gzip answer is corrupt: %1</source>
        <translation>die gzip-Antwort ist beschädigt: %1</translation>
    </message>
    <message>
        <source>%1 %2 does not exist</source>
        <translation>%1 %2 existiert nicht</translation>
    </message>
    <message>
        <source>%1 %2 is not a file</source>
        <translation>%1 %2 ist keine Datei</translation>
    </message>
    <message>
        <source>%1 %2 is not readable</source>
        <translation>%1 %2 ist nicht lesbar</translation>
    </message>
    <message>
        <source>%1 %2 cannot be read: %3</source>
        <translation>%1 %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>%1 %2 holds no PEM or DER certificate</source>
        <translation>%1 %2 enthält kein PEM- oder DER-Zertifikat</translation>
    </message>
    <message>
        <source>client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>client key %1 is encrypted; PushDeck needs an unencrypted key (openssl pkey -in KEY -out PLAIN)</source>
        <translation>der Client-Schlüssel %1 ist verschlüsselt; PushDeck braucht einen unverschlüsselten Schlüssel (openssl pkey -in KEY -out PLAIN)</translation>
    </message>
    <message>
        <source>client key %1 holds no RSA, EC or DSA private key</source>
        <translation>der Client-Schlüssel %1 enthält keinen privaten RSA-, EC- oder DSA-Schlüssel</translation>
    </message>
    <message>
        <source>%1 %2: cannot read: %3</source>
        <translation>%1 %2: kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>%1 %2 is empty</source>
        <translation>%1 %2 ist leer</translation>
    </message>
    <message>
        <source>no system keyring available: PushDeck&apos;s keyring module is not installed (%1)</source>
        <translation>kein System-Schlüsselbund verfügbar: das Schlüsselbund-Modul von PushDeck ist nicht installiert (%1)</translation>
    </message>
    <message>
        <source>no system keyring available: %1 belongs to another version of PushDeck</source>
        <translation>kein System-Schlüsselbund verfügbar: %1 gehört zu einer anderen Version von PushDeck</translation>
    </message>
    <message>
        <source>no secret stored for profile &quot;%1&quot; in the system keyring</source>
        <translation>kein Geheimnis für das Profil „%1“ im System-Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>the system keyring refused access: %1</source>
        <translation>der System-Schlüsselbund hat den Zugriff verweigert: %1</translation>
    </message>
    <message>
        <source>the system keyring could not delete the secret of &quot;%1&quot;: %2</source>
        <translation>der System-Schlüsselbund konnte das Geheimnis von „%1“ nicht löschen: %2</translation>
    </message>
    <message>
        <source>no system keyring available: %1</source>
        <translation>kein System-Schlüsselbund verfügbar: %1</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>no system keyring available: the keyring did not answer within %1 s</source>
        <translation>kein System-Schlüsselbund verfügbar: der Schlüsselbund antwortete nicht innerhalb von %1 s</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: %3</source>
        <translation>%1 antwortete HTTP %2: %3</translation>
    </message>
    <message>
        <source>authentication failed at %1 (HTTP 401): the gateway did not accept the credentials (%2)</source>
        <translation>Authentifizierung bei %1 fehlgeschlagen (HTTP 401): das Gateway hat die Zugangsdaten nicht angenommen (%2)</translation>
    </message>
    <message>
        <source>wrong user name, password or token?</source>
        <translation>falscher Benutzername, falsches Passwort oder Token?</translation>
    </message>
    <message>
        <source>none were sent; give a user and password or a token</source>
        <translation>es wurden keine gesendet; einen Benutzer und ein Passwort oder ein Token angeben</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>refused: %1 and the existing group %2 differ only by empty labels; with both on the gateway every push would fail. Delete %2 first or choose another key</source>
        <translation>abgelehnt: %1 und die vorhandene Gruppe %2 unterscheiden sich nur durch leere Labels; mit beiden auf dem Gateway würde jeder Push fehlschlagen. Zuerst %2 löschen oder einen anderen Schlüssel wählen</translation>
    </message>
    <message>
        <source>there is no group %1 on the gateway (any more)</source>
        <translation>es gibt keine Gruppe %1 auf dem Gateway (mehr)</translation>
    </message>
    <message>
        <source>family %1 is missing</source>
        <translation>die Familie %1 fehlt</translation>
    </message>
    <message>
        <source>family %1 differs</source>
        <translation>die Familie %1 weicht ab</translation>
    </message>
    <message>
        <source>family %1 was not pushed</source>
        <translation>die Familie %1 wurde nicht gepusht</translation>
    </message>
    <message>
        <source>%1, but the audit log could not be written: %2</source>
        <translation>%1, aber das Prüfprotokoll konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the audit log could not be written either: %1</source>
        <translation>auch das Prüfprotokoll konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>PushDeck::AgeChartView</name>
    <message>
        <source>Age of the last successful push</source>
        <translation>Alter des letzten erfolgreichen Pushs</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>%1 never pushed</source>
        <translation>%1 nie gepusht</translation>
    </message>
    <message>
        <source>No groups</source>
        <translation>Keine Gruppen</translation>
    </message>
    <message>
        <source>Age distribution chart</source>
        <translation>Diagramm der Altersverteilung</translation>
    </message>
    <message>
        <source>Age of the last push</source>
        <translation>Alter des letzten Pushs</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>never pushed</source>
        <translation>nie gepusht</translation>
    </message>
    <message>
        <source>%1, last push %2 ago
Click to show them in the table</source>
        <translation>%1, letzter Push vor %2
Klicken, um sie in der Tabelle zu zeigen</translation>
    </message>
</context>
<context>
    <name>PushDeck::AuditEntry</name>
    <message>
        <source>not an audit entry: %1</source>
        <translation>kein Eintrag des Prüfprotokolls: %1</translation>
    </message>
    <message>
        <source>audit entry without a valid time or action</source>
        <translation>Protokolleintrag ohne gültige Zeit oder Aktion</translation>
    </message>
</context>
<context>
    <name>PushDeck::AuditLog</name>
    <message>
        <source>cannot create the directory %1 for the audit log: %2</source>
        <translation>das Verzeichnis %1 für das Prüfprotokoll kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>unbekannter Grund</translation>
    </message>
    <message>
        <source>cannot open the audit log %1: %2</source>
        <translation>das Prüfprotokoll %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot append to the audit log %1: %2</source>
        <translation>an das Prüfprotokoll %1 kann nicht angehängt werden: %2</translation>
    </message>
    <message>
        <source>cannot sync the audit log %1 to disk: %2</source>
        <translation>das Prüfprotokoll %1 kann nicht auf die Platte geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot read the audit log %1: %2</source>
        <translation>das Prüfprotokoll %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>PushDeck::AuditLogDock</name>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save a copy of the whole log (JSON lines)</source>
        <translation>Eine Kopie des ganzen Protokolls speichern (JSON-Zeilen)</translation>
    </message>
    <message>
        <source>Every request</source>
        <translation>Jede Anfrage</translation>
    </message>
    <message>
        <source>Also show the entry written as each DELETE of a bulk run was answered</source>
        <translation>Auch den Eintrag zeigen, der bei jeder beantworteten DELETE-Anfrage eines Massenlaufs geschrieben wurde</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Select an entry to see every key and its outcome.</source>
        <translation>Einen Eintrag wählen, um jeden Schlüssel und sein Ergebnis zu sehen.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Lese…</translation>
    </message>
    <message numerus="yes">
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable line(s) skipped</source>
        <translation>
            <numerusform>%n unlesbare Zeile übersprungen</numerusform>
            <numerusform>%n unlesbare Zeilen übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <source>dry run: </source>
        <translation>Probelauf: </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s): </source>
        <translation>
            <numerusform>%n Schlüssel: </numerusform>
            <numerusform>%n Schlüssel: </numerusform>
        </translation>
    </message>
    <message>
        <source>(started, no result recorded)</source>
        <translation>(begonnen, kein Ergebnis aufgezeichnet)</translation>
    </message>
    <message>
        <source>(request)</source>
        <translation>(Anfrage)</translation>
    </message>
    <message>
        <source>time:     %1 (%2 UTC)</source>
        <translation>Zeit:     %1 (%2 UTC)</translation>
    </message>
    <message>
        <source>gateway:  %1</source>
        <translation>Gateway:  %1</translation>
    </message>
    <message>
        <source>action:   %1%2</source>
        <translation>Aktion:   %1%2</translation>
    </message>
    <message>
        <source> (dry run)</source>
        <translation> (Probelauf)</translation>
    </message>
    <message>
        <source>run:      %1 (%2)</source>
        <translation>Lauf:     %1 (%2)</translation>
    </message>
    <message>
        <source>snapshot: %1</source>
        <translation>Schnappschuss: %1</translation>
    </message>
    <message>
        <source>message:  %1</source>
        <translation>Meldung:  %1</translation>
    </message>
    <message>
        <source>error:    %1</source>
        <translation>Fehler:   %1</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>Das Prüfprotokoll exportieren</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl);;All files (*)</source>
        <translation>JSON-Zeilen (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
</context>
<context>
    <name>PushDeck::BulkDeleteReport</name>
    <message numerus="yes">
        <source>dry run: %n group(s) would be deleted, nothing was sent</source>
        <translation>
            <numerusform>Probelauf: %n Gruppe würde gelöscht, nichts wurde gesendet</numerusform>
            <numerusform>Probelauf: %n Gruppen würden gelöscht, nichts wurde gesendet</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing to delete</source>
        <translation>nichts zu löschen</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
</context>
<context>
    <name>PushDeck::BulkDeleteView</name>
    <message>
        <source>Stop sending</source>
        <translation>Senden stoppen</translation>
    </message>
    <message>
        <source>Stop sending DELETE requests. Requests already sent finish, then the gateway is re-read so every key still gets an accurate outcome.</source>
        <translation>Keine weiteren DELETE-Anfragen senden. Bereits gesendete Anfragen laufen zu Ende, dann wird das Gateway neu gelesen, damit jeder Schlüssel ein genaues Ergebnis bekommt.</translation>
    </message>
    <message>
        <source>%v of %m answered</source>
        <translation>%v von %m beantwortet</translation>
    </message>
    <message>
        <source>Dry run: nothing is sent.</source>
        <translation>Probelauf: nichts wird gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>Writing the undo snapshot, then deleting %n group(s), %1 at a time…</source>
        <translation>
            <numerusform>Schreibe den Schnappschuss, dann lösche %n Gruppe, %1 gleichzeitig…</numerusform>
            <numerusform>Schreibe den Schnappschuss, dann lösche %n Gruppen, %1 gleichzeitig…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n group(s), %1 at a time…</source>
        <translation>
            <numerusform>Lösche %n Gruppe, %1 gleichzeitig…</numerusform>
            <numerusform>Lösche %n Gruppen, %1 gleichzeitig…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping: requests already sent finish, then the gateway is re-read to check every key…</source>
        <translation>Stoppe: bereits gesendete Anfragen laufen zu Ende, dann wird das Gateway neu gelesen, um jeden Schlüssel zu prüfen…</translation>
    </message>
    <message>
        <source>Deleting: %1 of %2 requests answered…</source>
        <translation>Lösche: %1 von %2 Anfragen beantwortet…</translation>
    </message>
    <message>
        <source>Verifying: reading the gateway back…</source>
        <translation>Prüfe: lese das Gateway zurück…</translation>
    </message>
    <message>
        <source>Verifying: reading the gateway back (read %1; the gateway applies deletes from a queue)…</source>
        <translation>Prüfe: lese das Gateway zurück (Lesevorgang %1; das Gateway arbeitet Löschungen aus einer Warteschlange ab)…</translation>
    </message>
    <message>
        <source>Dry run finished: nothing was sent. These groups would be deleted.</source>
        <translation>Probelauf beendet: nichts wurde gesendet. Diese Gruppen würden gelöscht.</translation>
    </message>
    <message>
        <source>Stopped. Every key below has been checked against the gateway.</source>
        <translation>Gestoppt. Jeder Schlüssel unten wurde mit dem Gateway abgeglichen.</translation>
    </message>
    <message>
        <source>Finished: every group was deleted and verified gone.</source>
        <translation>Fertig: jede Gruppe wurde gelöscht, und ihr Fehlen wurde bestätigt.</translation>
    </message>
    <message>
        <source>Finished with problems: see the outcome of each key below.</source>
        <translation>Mit Problemen beendet: siehe das Ergebnis jedes Schlüssels unten.</translation>
    </message>
    <message>
        <source>Undo snapshot: %1</source>
        <translation>Schnappschuss zum Rückgängigmachen: %1</translation>
    </message>
    <message>
        <source>nothing sent (dry run)</source>
        <translation>nichts gesendet (Probelauf)</translation>
    </message>
    <message>
        <source>%1 of %2 sent, verified</source>
        <translation>%1 von %2 gesendet, geprüft</translation>
    </message>
    <message>
        <source>Stopping: keys the gateway has not confirmed are reported unverified…</source>
        <translation>Beende: Schlüssel, die das Gateway nicht bestätigt hat, werden als ungeprüft gemeldet…</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>Nicht mehr warten</translation>
    </message>
    <message>
        <source>Stop waiting for the gateway: keys it has not confirmed deleted are reported unverified. The audit log and the undo snapshot stay complete.</source>
        <translation>Nicht mehr auf das Gateway warten: Schlüssel, deren Löschen es nicht bestätigt hat, werden als ungeprüft gemeldet. Das Prüfprotokoll und der Schnappschuss zum Rückgängigmachen bleiben vollständig.</translation>
    </message>
    <message>
        <source>%1 of %2 sent, %3 unconfirmed</source>
        <translation>%1 von %2 gesendet, %3 unbestätigt</translation>
    </message>
    <message numerus="yes">
        <source>Stopped waiting: %n key(s) the gateway did not confirm are unverified (they may be deleted or not); the rest below have been checked.</source>
        <translation>
            <numerusform>Nicht mehr gewartet: %n Schlüssel, den das Gateway nicht bestätigt hat, ist ungeprüft (er ist vielleicht gelöscht, vielleicht nicht); die übrigen unten wurden geprüft.</numerusform>
            <numerusform>Nicht mehr gewartet: %n Schlüssel, die das Gateway nicht bestätigt hat, sind ungeprüft (sie sind vielleicht gelöscht, vielleicht nicht); die übrigen unten wurden geprüft.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PushDeck::BulkDeleter</name>
    <message>
        <source>the run was abandoned before it finished</source>
        <translation>der Lauf wurde vor dem Ende aufgegeben</translation>
    </message>
    <message>
        <source>dry run: nothing was sent</source>
        <translation>Probelauf: nichts wurde gesendet</translation>
    </message>
    <message>
        <source>nothing to delete</source>
        <translation>nichts zu löschen</translation>
    </message>
    <message numerus="yes">
        <source>before deleting %n group(s)</source>
        <translation>
            <numerusform>vor dem Löschen von %n Gruppe</numerusform>
            <numerusform>vor dem Löschen von %n Gruppen</numerusform>
        </translation>
    </message>
    <message>
        <source>the undo snapshot could not be written, nothing was deleted: %1</source>
        <translation>der Schnappschuss zum Rückgängigmachen konnte nicht geschrieben werden, nichts wurde gelöscht: %1</translation>
    </message>
    <message>
        <source>the audit log could not be written, nothing was sent: %1</source>
        <translation>das Prüfprotokoll konnte nicht geschrieben werden, nichts wurde gesendet: %1</translation>
    </message>
    <message>
        <source>the audit log could not be written, nothing more was sent: %1</source>
        <translation>das Prüfprotokoll konnte nicht geschrieben werden, nichts weiter wurde gesendet: %1</translation>
    </message>
    <message>
        <source>the audit log could not be written: %1</source>
        <translation>das Prüfprotokoll konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>stopped before the gateway confirmed it</source>
        <translation>gestoppt, bevor das Gateway es bestätigte</translation>
    </message>
    <message>
        <source>no answer yet when stopped</source>
        <translation>beim Stoppen noch keine Antwort</translation>
    </message>
    <message>
        <source>stopped waiting: keys the gateway had not confirmed are unverified</source>
        <translation>nicht mehr gewartet: Schlüssel, die das Gateway nicht bestätigt hatte, sind ungeprüft</translation>
    </message>
    <message>
        <source>gone before its DELETE was sent, and pushed again since</source>
        <translation>verschwunden, bevor sein DELETE gesendet wurde, und seitdem erneut gepusht</translation>
    </message>
    <message>
        <source>already gone when its DELETE was due (deleted by someone else); not sent</source>
        <translation>schon verschwunden, als sein DELETE anstand (von jemand anderem gelöscht); nicht gesendet</translation>
    </message>
    <message numerus="yes">
        <source>deleting %n previewed group(s)</source>
        <translation>
            <numerusform>lösche %n geprüfte Gruppe</numerusform>
            <numerusform>lösche %n geprüfte Gruppen</numerusform>
        </translation>
    </message>
    <message>
        <source>pushed again since the preview (push time %1, the preview showed %2)</source>
        <translation>seit der Vorschau erneut gepusht (Push-Zeit %1, die Vorschau zeigte %2)</translation>
    </message>
    <message>
        <source>a push failed since the preview (failure time %1, the preview showed %2)</source>
        <translation>seit der Vorschau ist ein Push fehlgeschlagen (Fehlerzeit %1, die Vorschau zeigte %2)</translation>
    </message>
    <message>
        <source>%1; deleted anyway, the undo snapshot holds its current content</source>
        <translation>%1; trotzdem gelöscht, der Schnappschuss zum Rückgängigmachen enthält seinen aktuellen Inhalt</translation>
    </message>
    <message>
        <source>could not re-read the push times before sending, nothing more was sent: %1</source>
        <translation>die Push-Zeiten konnten vor dem Senden nicht neu gelesen werden, nichts weiter wurde gesendet: %1</translation>
    </message>
    <message>
        <source>the undo snapshot could not be written again, nothing more was sent: %1</source>
        <translation>der Schnappschuss zum Rückgängigmachen konnte nicht erneut geschrieben werden, nichts weiter wurde gesendet: %1</translation>
    </message>
    <message numerus="yes">
        <source>stopped sending after %n connection failure(s) in a row: %1</source>
        <translation>
            <numerusform>Senden nach %n Verbindungsfehler abgebrochen: %1</numerusform>
            <numerusform>Senden nach %n Verbindungsfehlern in Folge abgebrochen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>could not read the gateway to verify: %1</source>
        <translation>das Gateway konnte zur Prüfung nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>could not read the gateway to verify within %1 s: %2</source>
        <translation>das Gateway konnte zur Prüfung nicht innerhalb von %1 s gelesen werden: %2</translation>
    </message>
    <message>
        <source>the request failed (%1), but the group is gone</source>
        <translation>die Anfrage schlug fehl (%1), aber die Gruppe ist weg</translation>
    </message>
    <message>
        <source>pushed again since the preview (push time %1)</source>
        <translation>seit der Vorschau erneut gepusht (Push-Zeit %1)</translation>
    </message>
    <message numerus="yes">
        <source>the gateway accepted the delete but still has the group after %n read(s)</source>
        <translation>
            <numerusform>das Gateway hat das Löschen angenommen, hat die Gruppe aber nach %n Lesevorgang noch</numerusform>
            <numerusform>das Gateway hat das Löschen angenommen, hat die Gruppe aber nach %n Lesevorgängen noch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; the group was still there at the last of %n read(s), the gateway may still apply the delete</source>
        <translation>
            <numerusform>%1; die Gruppe war beim letzten von %n Lesevorgang noch da, das Gateway wendet das Löschen vielleicht noch an</numerusform>
            <numerusform>%1; die Gruppe war beim letzten von %n Lesevorgängen noch da, das Gateway wendet das Löschen vielleicht noch an</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PushDeck::ChartPanel</name>
    <message>
        <source>%1: summary</source>
        <translation>%1: Zusammenfassung</translation>
    </message>
    <message>
        <source>Show the chart&apos;s numbers as a table</source>
        <translation>Die Zahlen des Diagramms als Tabelle zeigen</translation>
    </message>
    <message>
        <source>%1: show as table</source>
        <translation>%1: als Tabelle zeigen</translation>
    </message>
    <message>
        <source>%1 as a table</source>
        <translation>%1 als Tabelle</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
</context>
<context>
    <name>PushDeck::ConnectionProfile</name>
    <message>
        <source>the profile has no name</source>
        <translation>das Profil hat keinen Namen</translation>
    </message>
    <message>
        <source>basic authentication needs a user name</source>
        <translation>Basic-Authentifizierung braucht einen Benutzernamen</translation>
    </message>
    <message>
        <source>the user name must not contain &quot;:&quot; (basic authentication separates user and password with it)</source>
        <translation>der Benutzername darf kein „:“ enthalten (Basic-Authentifizierung trennt damit Benutzer und Passwort)</translation>
    </message>
    <message>
        <source>CA file, client certificate and skip verification need an https URL</source>
        <translation>CA-Datei, Client-Zertifikat und das Überspringen der Prüfung brauchen eine https-URL</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>a client key needs its client certificate</source>
        <translation>ein Client-Schlüssel braucht sein Client-Zertifikat</translation>
    </message>
    <message>
        <source>a client certificate needs its private key file</source>
        <translation>ein Client-Zertifikat braucht seine Datei mit dem privaten Schlüssel</translation>
    </message>
    <message>
        <source>client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>client key %1 does not belong to the client certificate %2</source>
        <translation>der Client-Schlüssel %1 gehört nicht zum Client-Zertifikat %2</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot;: </source>
        <translation>Profil „%1“: </translation>
    </message>
    <message>
        <source>a client certificate needs both the certificate and the key file</source>
        <translation>ein Client-Zertifikat braucht sowohl die Zertifikats- als auch die Schlüsseldatei</translation>
    </message>
    <message>
        <source>Prometheus URL: %1</source>
        <translation>Prometheus-URL: %1</translation>
    </message>
    <message>
        <source>Grafana URL: %1</source>
        <translation>Grafana-URL: %1</translation>
    </message>
</context>
<context>
    <name>PushDeck::ConnectionResolver</name>
    <message>
        <source>no connection profile &quot;%1&quot; (known: %2)</source>
        <translation>kein Verbindungsprofil „%1“ (bekannt: %2)</translation>
    </message>
    <message>
        <source>none; add one with pushdeckctl profile add, or in PushDeck&apos;s Gateway &gt; Connections</source>
        <translation>keine; eines mit pushdeckctl profile add anlegen oder in PushDeck unter Gateway &gt; Verbindungen</translation>
    </message>
    <message>
        <source>give either --password-file or --token-file, not both</source>
        <translation>entweder --password-file oder --token-file angeben, nicht beide</translation>
    </message>
    <message>
        <source>a password (%1) needs a user name: pass --user NAME (or set PUSHDECK_USER)</source>
        <translation>ein Passwort (%1) braucht einen Benutzernamen: --user NAME übergeben (oder PUSHDECK_USER setzen)</translation>
    </message>
    <message>
        <source>set PUSHDECK_PASSWORD or pass --password-file FILE</source>
        <translation>PUSHDECK_PASSWORD setzen oder --password-file DATEI übergeben</translation>
    </message>
    <message>
        <source>set PUSHDECK_TOKEN or pass --token-file FILE</source>
        <translation>PUSHDECK_TOKEN setzen oder --token-file DATEI übergeben</translation>
    </message>
    <message>
        <source>%1 authentication needs a secret: %2</source>
        <translation>%1-Authentifizierung braucht ein Geheimnis: %2</translation>
    </message>
    <message>
        <source>no system keyring to ask</source>
        <translation>kein System-Schlüsselbund zum Fragen</translation>
    </message>
    <message>
        <source>no secret for profile &quot;%1&quot;: %2; %3</source>
        <translation>kein Geheimnis für das Profil „%1“: %2; %3</translation>
    </message>
</context>
<context>
    <name>PushDeck::ConnectionsDialog</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation>z. B. produktion</translation>
    </message>
    <message>
        <source>optional, e.g. /pushgateway</source>
        <translation>optional, z. B. /pushgateway</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Basic (user and password)</source>
        <translation>Basic (Benutzer und Passwort)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>Stored in the system keyring, never in PushDeck&apos;s settings</source>
        <translation>Im System-Schlüsselbund gespeichert, nie in den Einstellungen von PushDeck</translation>
    </message>
    <message>
        <source>PEM file, added to the system CAs</source>
        <translation>PEM-Datei, zusätzlich zu den System-CAs</translation>
    </message>
    <message>
        <source>PEM client certificate (mutual TLS)</source>
        <translation>PEM-Client-Zertifikat (gegenseitiges TLS)</translation>
    </message>
    <message>
        <source>PEM private key of the client certificate</source>
        <translation>Privater PEM-Schlüssel des Client-Zertifikats</translation>
    </message>
    <message>
        <source>Skip TLS certificate verification</source>
        <translation>TLS-Zertifikatsprüfung überspringen</translation>
    </message>
    <message>
        <source>Dangerous: anyone between you and the gateway can read the credentials and fake its answers. Prefer the CA file.</source>
        <translation>Gefährlich: jeder zwischen Ihnen und dem Gateway kann die Zugangsdaten lesen und seine Antworten fälschen. Besser die CA-Datei verwenden.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Route &amp;prefix:</source>
        <translation>Routen-&amp;Präfix:</translation>
    </message>
    <message>
        <source>&amp;Authentication:</source>
        <translation>&amp;Authentifizierung:</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>Be&amp;nutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word / token:</source>
        <translation>Pass&amp;wort / Token:</translation>
    </message>
    <message>
        <source>CA file:</source>
        <translation>CA-Datei:</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Client-Zertifikat:</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Client-Schlüssel:</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Read the gateway&apos;s status with these settings</source>
        <translation>Den Status des Gateways mit diesen Einstellungen lesen</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Open in Tab</source>
        <translation>In Reiter ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Credentials over plain http</source>
        <translation>Zugangsdaten über unverschlüsseltes http</translation>
    </message>
    <message>
        <source>Testing &quot;%1&quot; sends its credentials to %2 over plain http: anyone on the network can read them.

Send them anyway?</source>
        <translation>Der Test von „%1“ sendet die Zugangsdaten über unverschlüsseltes http an %2: jeder im Netz kann sie lesen.

Trotzdem senden?</translation>
    </message>
    <message>
        <source>Certificates and keys (*.pem *.crt *.key *.cer);;All files (*)</source>
        <translation>Zertifikate und Schlüssel (*.pem *.crt *.key *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>unchanged (in the keyring)</source>
        <translation>unverändert (im Schlüsselbund)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Not saved: a profile named &quot;%1&quot; exists already</source>
        <translation>Nicht gespeichert: ein Profil namens „%1“ existiert bereits</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;. Enter the password or token again: it was stored under the old name.</source>
        <translation>„%1“ gespeichert. Das Passwort oder Token erneut eingeben: es war unter dem alten Namen gespeichert.</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;; storing the secret in the system keyring…</source>
        <translation>„%1“ gespeichert; das Geheimnis wird im System-Schlüsselbund abgelegt…</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;; the secret is in the system keyring.</source>
        <translation>„%1“ gespeichert; das Geheimnis liegt im System-Schlüsselbund.</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;, but the secret could not be stored: %2. It is kept for this session only; you will be asked for it again after a restart.</source>
        <translation>„%1“ gespeichert, aber das Geheimnis konnte nicht abgelegt werden: %2. Es wird nur für diese Sitzung behalten; nach einem Neustart wird erneut danach gefragt.</translation>
    </message>
    <message>
        <source>Removed &quot;%1&quot; and its stored secret.</source>
        <translation>„%1“ und sein gespeichertes Geheimnis entfernt.</translation>
    </message>
    <message>
        <source>Not tested: the credentials would go over plain http</source>
        <translation>Nicht getestet: die Zugangsdaten gingen über unverschlüsseltes http</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Teste…</translation>
    </message>
    <message>
        <source>OK: Pushgateway %1 answers</source>
        <translation>OK: Pushgateway %1 antwortet</translation>
    </message>
    <message>
        <source> (certificate NOT verified)</source>
        <translation> (Zertifikat NICHT geprüft)</translation>
    </message>
    <message>
        <source>Type the password or token to test</source>
        <translation>Das Passwort oder Token zum Testen eingeben</translation>
    </message>
    <message>
        <source>Type the password or token to test (%1)</source>
        <translation>Das Passwort oder Token zum Testen eingeben (%1)</translation>
    </message>
    <message>
        <source>optional: the Prometheus scraping this gateway, e.g. http://prometheus:9090</source>
        <translation>optional: das Prometheus, das dieses Gateway abfragt, z. B. http://prometheus:9090</translation>
    </message>
    <message>
        <source>Its version decides how selectors are read (Prometheus 2.x or 3); groups get &quot;Open in Prometheus&quot;</source>
        <translation>Seine Version entscheidet, wie Selektoren gelesen werden (Prometheus 2.x oder 3); Gruppen erhalten „In Prometheus öffnen“</translation>
    </message>
    <message>
        <source>optional, e.g. https://grafana.example</source>
        <translation>optional, z. B. https://grafana.example</translation>
    </message>
    <message>
        <source>P&amp;rometheus URL:</source>
        <translation>P&amp;rometheus-URL:</translation>
    </message>
    <message>
        <source>&amp;Grafana URL:</source>
        <translation>&amp;Grafana-URL:</translation>
    </message>
</context>
<context>
    <name>PushDeck::DeleteDialog</name>
    <message>
        <source>Delete groups</source>
        <translation>Gruppen löschen</translation>
    </message>
    <message>
        <source>Bulk delete by matcher</source>
        <translation>Massenlöschung per Matcher</translation>
    </message>
    <message>
        <source>A PromQL-style selector over the grouping key&apos;s labels: = != =~ !~. Regular expressions match the whole value. A label absent from a key matches as &quot;&quot;.</source>
        <translation>Ein Selektor im PromQL-Stil über die Labels des Gruppierungsschlüssels: = != =~ !~. Reguläre Ausdrücke passen auf den ganzen Wert. Ein Label, das einem Schlüssel fehlt, gilt als &quot;&quot;.</translation>
    </message>
    <message>
        <source>Re-read gateway</source>
        <translation>Gateway neu lesen</translation>
    </message>
    <message>
        <source>Read the groups from the gateway now, so the preview is current</source>
        <translation>Die Gruppen jetzt vom Gateway lesen, damit die Vorschau aktuell ist</translation>
    </message>
    <message>
        <source>Matcher:</source>
        <translation>Matcher:</translation>
    </message>
    <message>
        <source>Exactly these grouping keys are deleted: a group with more or fewer labels is a different group and is not touched, also if it appears while the delete runs. Their content is saved as an undo snapshot before the first request; Undo pushes it back (with the time of the undo as push time).</source>
        <translation>Genau diese Gruppierungsschlüssel werden gelöscht: eine Gruppe mit mehr oder weniger Labels ist eine andere Gruppe und bleibt unberührt, auch wenn sie während des Löschens erscheint. Ihr Inhalt wird vor der ersten Anfrage als Schnappschuss gesichert; Rückgängig pusht ihn zurück (mit der Zeit des Rückgängigmachens als Push-Zeit).</translation>
    </message>
    <message>
        <source>Dry run: show what would be deleted and send nothing</source>
        <translation>Probelauf: zeigen, was gelöscht würde, und nichts senden</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n group(s) from &lt;b&gt;%1&lt;/b&gt;?</source>
        <translation>
            <numerusform>%n Gruppe von &lt;b&gt;%1&lt;/b&gt; löschen?</numerusform>
            <numerusform>%n Gruppen von &lt;b&gt;%1&lt;/b&gt; löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete every group on &lt;b&gt;%1&lt;/b&gt; whose grouping key matches:</source>
        <translation>Jede Gruppe auf &lt;b&gt;%1&lt;/b&gt; löschen, deren Gruppierungsschlüssel passt:</translation>
    </message>
    <message>
        <source>Reading the gateway…</source>
        <translation>Lese das Gateway…</translation>
    </message>
    <message>
        <source>Could not read the gateway: %1</source>
        <translation>Das Gateway konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No group is selected.</source>
        <translation>Keine Gruppe ist gewählt.</translation>
    </message>
    <message>
        <source>Type a matcher. An empty matcher would select every group; to delete everything use Wipe, which asks for that explicitly.</source>
        <translation>Einen Matcher eingeben. Ein leerer Matcher würde jede Gruppe wählen; um alles zu löschen, „Leeren“ verwenden, das ausdrücklich danach fragt.</translation>
    </message>
    <message>
        <source>No group matches.</source>
        <translation>Keine Gruppe passt.</translation>
    </message>
    <message numerus="yes">
        <source>%n grouping key(s):</source>
        <translation>
            <numerusform>%n Gruppierungsschlüssel:</numerusform>
            <numerusform>%n Gruppierungsschlüssel:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n group(s) match (as of %2):</source>
        <translation>
            <numerusform>%1 von %n Gruppe passen (Stand %2):</numerusform>
            <numerusform>%1 von %n Gruppen passen (Stand %2):</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the matcher to see the preview.</source>
        <translation>Den Matcher korrigieren, um die Vorschau zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>Dry run (%n group(s))</source>
        <translation>
            <numerusform>Probelauf (%n Gruppe)</numerusform>
            <numerusform>Probelauf (%n Gruppen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n group(s)</source>
        <translation>
            <numerusform>%n Gruppe löschen</numerusform>
            <numerusform>%n Gruppen löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Use &quot;Stop sending&quot; to stop the run</source>
        <translation>„Senden stoppen“ verwenden, um den Lauf anzuhalten</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Probelauf</translation>
    </message>
</context>
<context>
    <name>PushDeck::DemoPrometheus</name>
    <message>
        <source>What Prometheus sees: the age of disk-cleanup&apos;s last push, per instance</source>
        <translation>Was Prometheus sieht: das Alter des letzten Pushs von disk-cleanup, je Instanz</translation>
    </message>
    <message>
        <source>age (s)</source>
        <translation>Alter (s)</translation>
    </message>
    <message>
        <source>age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>host-a answered</source>
        <translation>host-a antwortete</translation>
    </message>
    <message>
        <source>What Prometheus sees: up of the gateway, the age of invoice-mailer, its alert</source>
        <translation>Was Prometheus sieht: up des Gateways, das Alter von invoice-mailer, sein Alarm</translation>
    </message>
    <message>
        <source>age of invoice-mailer</source>
        <translation>Alter von invoice-mailer</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>What Prometheus sees: the pushed groups it scrapes, and up</source>
        <translation>Was Prometheus sieht: die gepushten Gruppen, die es scrapt, und up</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>most in the last 3 min</source>
        <translation>Höchstwert der letzten 3 min</translation>
    </message>
    <message>
        <source>What Prometheus sees: the scrape of the gateway</source>
        <translation>Was Prometheus sieht: den Scrape des Gateways</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <source>Prometheus is not installed (Debian package prometheus): the scenarios run without it.</source>
        <translation>Prometheus ist nicht installiert (Debian-Paket prometheus): die Szenarien laufen ohne es.</translation>
    </message>
    <message>
        <source>Starting Prometheus on %1…</source>
        <translation>Starte Prometheus auf %1…</translation>
    </message>
    <message>
        <source>Prometheus failed: %1</source>
        <translation>Prometheus fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>it stopped</source>
        <translation>es wurde beendet</translation>
    </message>
    <message>
        <source>Prometheus %1 scrapes the demo gateway every %2 s with honor_labels: true and evaluates PushDeck&apos;s generated alert rules.</source>
        <translation>Prometheus %1 scrapt das Demo-Gateway alle %2 s mit honor_labels: true und wertet die von PushDeck erzeugten Alarmregeln aus.</translation>
    </message>
    <message>
        <source>Last query failed: %1</source>
        <translation>Letzte Abfrage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>With Prometheus, this panel would show the ghost: batch_duration_seconds{instance=&quot;host-a&quot;} still answered long after host-a was renamed, its real age only in time() - push_time_seconds.</source>
        <translation>Mit Prometheus zeigte dieses Panel den Geist: batch_duration_seconds{instance=&quot;host-a&quot;} antwortete noch lange, nachdem host-a umbenannt war, sein wahres Alter nur in time() - push_time_seconds.</translation>
    </message>
    <message>
        <source>With Prometheus, this panel would show up == 1 for the gateway while invoice-mailer is dead, and the generated stale alert going pending, then firing.</source>
        <translation>Mit Prometheus zeigte dieses Panel up == 1 für das Gateway, während invoice-mailer tot ist, und den erzeugten Alarm für veraltete Daten erst im Zustand pending, dann firing.</translation>
    </message>
    <message>
        <source>With Prometheus, this panel would show the restart as a gap and the lost series.</source>
        <translation>Mit Prometheus zeigte dieses Panel den Neustart als Lücke und die verlorenen Serien.</translation>
    </message>
    <message>
        <source>With Prometheus, this panel would show the scrape itself failing: up == 0, /metrics answering 500.</source>
        <translation>Mit Prometheus zeigte dieses Panel das Fehlschlagen des Scrapes selbst: up == 0, /metrics antwortet mit 500.</translation>
    </message>
    <message>
        <source>Nothing to show in Prometheus for this scenario.</source>
        <translation>Für dieses Szenario gibt es in Prometheus nichts zu zeigen.</translation>
    </message>
    <message>
        <source>host-a&apos;s push time scraped</source>
        <translation>Push-Zeit von host-a gescrapt</translation>
    </message>
    <message>
        <source>host-b&apos;s push time scraped</source>
        <translation>Push-Zeit von host-b gescrapt</translation>
    </message>
    <message>
        <source>host-a still answered, its age past 15 s</source>
        <translation>host-a antwortete noch, sein Alter über 15 s</translation>
    </message>
    <message>
        <source>host-a&apos;s series gone</source>
        <translation>die Serien von host-a verschwunden</translation>
    </message>
    <message>
        <source>invoice-mailer&apos;s push time scraped</source>
        <translation>Push-Zeit von invoice-mailer gescrapt</translation>
    </message>
    <message>
        <source>the gateway&apos;s up, still 1</source>
        <translation>up des Gateways, noch 1</translation>
    </message>
    <message>
        <source>the generated stale alert for invoice-mailer (pending)</source>
        <translation>der erzeugte Alarm für veraltete Daten von invoice-mailer (pending)</translation>
    </message>
    <message>
        <source>the stale alert firing</source>
        <translation>der Alarm für veraltete Daten feuert</translation>
    </message>
    <message>
        <source>as many pushed groups as the table shows</source>
        <translation>so viele gepushte Gruppen, wie die Tabelle zeigt</translation>
    </message>
    <message>
        <source>the pushed series gone</source>
        <translation>die gepushten Serien verschwunden</translation>
    </message>
    <message>
        <source>the scrape failing: up == 0</source>
        <translation>der Scrape schlägt fehl: up == 0</translation>
    </message>
    <message>
        <source>inventory-sync&apos;s push time scraped</source>
        <translation>Push-Zeit von inventory-sync gescrapt</translation>
    </message>
    <message>
        <source>the scrape working again: up == 1</source>
        <translation>der Scrape funktioniert wieder: up == 1</translation>
    </message>
    <message>
        <source>Waiting for the step to finish on the gateway and show in the table…</source>
        <translation>Warte, bis der Schritt auf dem Gateway fertig ist und in der Tabelle erscheint…</translation>
    </message>
    <message>
        <source>Waiting for Prometheus to show %1: %2 (%3 s)</source>
        <translation>Warte, bis Prometheus %1 zeigt: %2 (%3 s)</translation>
    </message>
    <message>
        <source>Not seen in Prometheus within %1 s: %2</source>
        <translation>Innerhalb von %1 s nicht in Prometheus gesehen: %2</translation>
    </message>
    <message>
        <source>no series</source>
        <translation>keine Serien</translation>
    </message>
    <message>
        <source>Scrape of %1: %2</source>
        <translation>Scrape von %1: %2</translation>
    </message>
</context>
<context>
    <name>PushDeck::DemoScenarios</name>
    <message>
        <source>a step is still running</source>
        <translation>ein Schritt läuft noch</translation>
    </message>
    <message>
        <source>no scenario %1</source>
        <translation>kein Szenario %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 is still on the gateway after deleting it</source>
        <translation>%1 ist nach dem Löschen noch auf dem Gateway</translation>
    </message>
    <message>
        <source>the demo&apos;s jobs did not push again within 10 s</source>
        <translation>die Jobs der Demo haben nicht innerhalb von 10 s erneut gepusht</translation>
    </message>
    <message>
        <source>last push %1 ago</source>
        <translation>letzter Push vor %1</translation>
    </message>
    <message>
        <source>never pushed successfully</source>
        <translation>nie erfolgreich gepusht</translation>
    </message>
    <message>
        <source>not on the gateway</source>
        <translation>nicht auf dem Gateway</translation>
    </message>
    <message>
        <source>Lint %1: %2</source>
        <translation>Prüfung %1: %2</translation>
    </message>
    <message>
        <source>the Pitfalls scenarios run only on the local demo gateway (pushdeck --demo)</source>
        <translation>die Stolperfallen-Szenarien laufen nur auf dem lokalen Demo-Gateway (pushdeck --demo)</translation>
    </message>
    <message>
        <source>Pushed to /%1: HTTP %2. The job pushes every %3 s.</source>
        <translation>An /%1 gepusht: HTTP %2. Der Job pusht alle %3 s.</translation>
    </message>
    <message>
        <source>The job now pushes to /%1. host-a&apos;s group is still there:</source>
        <translation>Der Job pusht jetzt an /%1. Die Gruppe von host-a ist noch da:</translation>
    </message>
    <message>
        <source>Nobody pushes to host-a any more; its group only gets older:</source>
        <translation>Niemand pusht mehr an host-a; seine Gruppe wird nur älter:</translation>
    </message>
    <message>
        <source>Deleted %1 (DELETE /%2), and re-read the gateway: it is gone.</source>
        <translation>%1 gelöscht (DELETE /%2) und das Gateway neu gelesen: sie ist weg.</translation>
    </message>
    <message>
        <source>invoice-mailer stopped pushing. On the gateway:</source>
        <translation>invoice-mailer pusht nicht mehr. Auf dem Gateway:</translation>
    </message>
    <message>
        <source>Still no push. The values are served as before; only the age tells:</source>
        <translation>Immer noch kein Push. Die Werte werden wie vorher ausgeliefert; nur das Alter verrät es:</translation>
    </message>
    <message>
        <source>%1 groups with %2 series, all held by this one gateway process.

Persistence file: %3.</source>
        <translation>%1 Gruppen mit %2 Serien, alle in diesem einen Gateway-Prozess.

Persistenzdatei: %3.</translation>
    </message>
    <message>
        <source>none, memory only</source>
        <translation>keine, nur im Speicher</translation>
    </message>
    <message>
        <source>The demo&apos;s jobs push again, each on its own schedule.</source>
        <translation>Die Jobs der Demo pushen wieder, jeder nach seinem eigenen Zeitplan.</translation>
    </message>
    <message>
        <source>Without the demo&apos;s jobs, nothing pushes again.</source>
        <translation>Ohne die Jobs der Demo pusht nichts mehr.</translation>
    </message>
    <message>
        <source>PUT /%1: HTTP %2.</source>
        <translation>PUT /%1: HTTP %2.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>PUT /%1:
  %2

%3</source>
        <translation>PUT /%1:
  %2

%3</translation>
    </message>
    <message>
        <source>The gateway now holds both groups:
%1</source>
        <translation>Das Gateway hat jetzt beide Gruppen:
%1</translation>
    </message>
    <message>
        <source>Only one of the two groups exists; the collision did not happen.</source>
        <translation>Nur eine der beiden Gruppen existiert; die Kollision ist nicht eingetreten.</translation>
    </message>
    <message>
        <source>PUT /%1: HTTP %2, accepted: this gateway did not block the push.</source>
        <translation>PUT /%1: HTTP %2, angenommen: dieses Gateway hat den Push nicht blockiert.</translation>
    </message>
    <message>
        <source>A push from an unrelated job:

  %1

The rejected push even left an empty, failed group for %2 behind.</source>
        <translation>Ein Push eines unbeteiligten Jobs:

  %1

Der abgelehnte Push hat sogar eine leere, fehlgeschlagene Gruppe für %2 hinterlassen.</translation>
    </message>
    <message>
        <source>The lint finds no colliding groups.</source>
        <translation>Die Prüfung findet keine kollidierenden Gruppen.</translation>
    </message>
    <message>
        <source>HTTP %1: pushes work again.</source>
        <translation>HTTP %1: Pushs funktionieren wieder.</translation>
    </message>
    <message>
        <source>Deleted %1 and confirmed it is gone.

PUT /%2:
  %3

(The probe group was deleted again.)</source>
        <translation>%1 gelöscht und bestätigt, dass sie weg ist.

PUT /%2:
  %3

(Die Testgruppe wurde wieder gelöscht.)</translation>
    </message>
    <message>
        <source>Nothing happens on the gateway in this scenario: it is about where the metrics should flow.</source>
        <translation>In diesem Szenario passiert nichts auf dem Gateway: es geht darum, wohin die Metriken fließen sollten.</translation>
    </message>
    <message>
        <source>no such step</source>
        <translation>kein solcher Schritt</translation>
    </message>
    <message>
        <source>%1 of %2 groups are back.</source>
        <translation>%1 von %2 Gruppen sind zurück.</translation>
    </message>
    <message>
        <source>Still missing:
%1</source>
        <translation>Fehlen noch:
%1</translation>
    </message>
    <message>
        <source>Restarted the gateway without a persistence file.

Before: %1 groups. After: %2.

Every pushed value is gone, including the last-success timestamps that alerts look at.</source>
        <translation>Das Gateway ohne Persistenzdatei neu gestartet.

Vorher: %1 Gruppen. Nachher: %2.

Jeder gepushte Wert ist weg, auch die Zeitstempel des letzten Erfolgs, auf die Alarme schauen.</translation>
    </message>
    <message>
        <source>cannot create a directory for the persistence file: %1</source>
        <translation>für die Persistenzdatei kann kein Verzeichnis angelegt werden: %1</translation>
    </message>
    <message>
        <source>Restarted with --persistence.file=%1 (in-memory state lost once more); the jobs pushed again.

%2 groups, now also written to the file every second and on shutdown.</source>
        <translation>Mit --persistence.file=%1 neu gestartet (der Zustand im Speicher ging noch einmal verloren); die Jobs haben erneut gepusht.

%2 Gruppen, jetzt auch jede Sekunde und beim Beenden in die Datei geschrieben.</translation>
    </message>
    <message>
        <source>persistence is not on</source>
        <translation>Persistenz ist nicht an</translation>
    </message>
    <message>
        <source>Restarted with the persistence file.

Before: %1 groups. After: %2, read back from %3.</source>
        <translation>Mit der Persistenzdatei neu gestartet.

Vorher: %1 Gruppen. Nachher: %2, aus %3 zurückgelesen.</translation>
    </message>
    <message>
        <source>unexpectedly answered with %1 groups</source>
        <translation>antwortete unerwartet mit %1 Gruppen</translation>
    </message>
    <message>
        <source>The gateway is stopped. Reading it now:
  %1

For Prometheus, every series pushed by every job has disappeared at once; every push fails until the gateway is back.</source>
        <translation>Das Gateway ist gestoppt. Es jetzt zu lesen:
  %1

Für Prometheus ist jede von jedem Job gepushte Serie auf einmal verschwunden; jeder Push schlägt fehl, bis das Gateway zurück ist.</translation>
    </message>
    <message>
        <source>Started again, without a persistence file: %1 groups.</source>
        <translation>Wieder gestartet, ohne Persistenzdatei: %1 Gruppen.</translation>
    </message>
    <message>
        <source>Started again: %1 groups read back from %2.</source>
        <translation>Wieder gestartet: %1 Gruppen aus %2 zurückgelesen.</translation>
    </message>
    <message>
        <source>Scenario reset.</source>
        <translation>Szenario zurückgesetzt.</translation>
    </message>
    <message>
        <source>Scenario reset: the gateway runs in memory again and the demo&apos;s jobs pushed again (%1 groups).</source>
        <translation>Szenario zurückgesetzt: das Gateway läuft wieder im Speicher, und die Jobs der Demo haben erneut gepusht (%1 Gruppen).</translation>
    </message>
    <message>
        <source>(warning after %1, stale after %2)</source>
        <translation>(Warnung nach %1, veraltet nach %2)</translation>
    </message>
    <message>
        <source>Alert when the last push is too old:

  %1

As a Prometheus rules file:

%2</source>
        <translation>Alarmieren, wenn der letzte Push zu alt ist:

  %1

Als Prometheus-Regeldatei:

%2</translation>
    </message>
    <message>
        <source>CRITICAL colliding-keys
%1
</source>
        <translation>KRITISCH colliding-keys
%1
</translation>
    </message>
    <message>
        <source>Fix: delete one of them, usually the one with the empty-valued label.</source>
        <translation>Abhilfe: eine der beiden löschen, meist die mit dem leeren Label.</translation>
    </message>
    <message>
        <source>The text of this scenario could not be read: %1</source>
        <translation>Der Text dieses Szenarios konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the demo gateway&apos;s session is gone (its tab was closed)</source>
        <translation>die Sitzung des Demo-Gateways ist weg (ihr Reiter wurde geschlossen)</translation>
    </message>
</context>
<context>
    <name>PushDeck::DesktopNotifier</name>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
</context>
<context>
    <name>PushDeck::ExpositionEdit</name>
    <message>
        <source>Load file…</source>
        <translation>Datei laden…</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MB</source>
        <translation>%1 ist größer als %2 MB</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Load exposition text</source>
        <translation>Expositionstext laden</translation>
    </message>
    <message>
        <source>Text exposition (*.prom *.txt *.metrics);;All files (*)</source>
        <translation>Text-Exposition (*.prom *.txt *.metrics);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Checking %1 KB…</source>
        <translation>Prüfe %1 KB…</translation>
    </message>
    <message>
        <source>No metric families yet.</source>
        <translation>Noch keine Metrikfamilien.</translation>
    </message>
    <message numerus="yes">
        <source>Valid: %n metric family(ies), </source>
        <translation>
            <numerusform>Gültig: %n Metrikfamilie, </numerusform>
            <numerusform>Gültig: %n Metrikfamilien, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n series.</source>
        <translation>
            <numerusform>%n Serie.</numerusform>
            <numerusform>%n Serien.</numerusform>
        </translation>
    </message>
    <message>
        <source>Go to line %1, column %2</source>
        <translation>Zu Zeile %1, Spalte %2 gehen</translation>
    </message>
</context>
<context>
    <name>PushDeck::FamilyTreeModel</name>
    <message numerus="yes">
        <source>%n series</source>
        <translation>
            <numerusform>%n Serie</numerusform>
            <numerusform>%n Serien</numerusform>
        </translation>
    </message>
    <message>
        <source>count %1, sum %2</source>
        <translation>Anzahl %1, Summe %2</translation>
    </message>
    <message>
        <source>%1_count %2
%1_sum %3</source>
        <translation>%1_count %2
%1_sum %3</translation>
    </message>
    <message>
        <source>%1 observations ≤ %2 (cumulative)</source>
        <translation>%1 Beobachtungen ≤ %2 (kumulativ)</translation>
    </message>
    <message>
        <source>%1 quantile</source>
        <translation>%1-Quantil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <source>Metric family; series by the labels that are not part of the grouping key</source>
        <translation>Metrikfamilie; Serien nach den Labels, die nicht zum Gruppierungsschlüssel gehören</translation>
    </message>
    <message>
        <source>Metric type as pushed</source>
        <translation>Metriktyp wie gepusht</translation>
    </message>
    <message>
        <source>Sample value; count and sum for histograms and summaries</source>
        <translation>Messwert; Anzahl und Summe bei Histogrammen und Summaries</translation>
    </message>
    <message>
        <source>HELP text as pushed</source>
        <translation>HELP-Text wie gepusht</translation>
    </message>
</context>
<context>
    <name>PushDeck::FleetDeleteDialog</name>
    <message>
        <source>Delete groups on several gateways</source>
        <translation>Gruppen auf mehreren Gateways löschen</translation>
    </message>
    <message>
        <source>Delete matching groups on every gateway</source>
        <translation>Passende Gruppen auf jedem Gateway löschen</translation>
    </message>
    <message>
        <source>Prune stale groups on every gateway</source>
        <translation>Veraltete Gruppen auf jedem Gateway aufräumen</translation>
    </message>
    <message>
        <source>A selector over the grouping key&apos;s labels: = != =~ !~. The pseudo-label __gateway__ is the gateway&apos;s name (host:port/prefix) and limits the delete to some gateways.</source>
        <translation>Ein Selektor über die Labels des Gruppierungsschlüssels: = != =~ !~. Das Pseudo-Label __gateway__ ist der Name des Gateways (host:port/präfix) und beschränkt das Löschen auf einige Gateways.</translation>
    </message>
    <message>
        <source>Matcher:</source>
        <translation>Matcher:</translation>
    </message>
    <message>
        <source>Only keys matching:</source>
        <translation>Nur passende Schlüssel:</translation>
    </message>
    <message>
        <source>States:</source>
        <translation>Zustände:</translation>
    </message>
    <message>
        <source>and not pushed for at least</source>
        <translation>und nicht gepusht seit mindestens</translation>
    </message>
    <message>
        <source>any age (e.g. 7d)</source>
        <translation>beliebiges Alter (z. B. 7d)</translation>
    </message>
    <message>
        <source>Exactly these grouping keys are deleted, each on the gateway named in its row: the same key on another gateway, or a group with more or fewer labels, is not touched. Every gateway gets its own undo snapshot before its first request; Undo on its tab pushes it back.</source>
        <translation>Genau diese Gruppierungsschlüssel werden gelöscht, jeder auf dem Gateway, das in seiner Zeile steht: derselbe Schlüssel auf einem anderen Gateway oder eine Gruppe mit mehr oder weniger Labels bleibt unberührt. Jedes Gateway bekommt vor seiner ersten Anfrage einen eigenen Schnappschuss zum Rückgängigmachen; Rückgängig in seinem Reiter pusht ihn zurück.</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Grouping key</source>
        <translation>Gruppierungsschlüssel</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Stop sending</source>
        <translation>Senden stoppen</translation>
    </message>
    <message>
        <source>Stop sending on every gateway. Requests already sent finish, then each gateway is re-read so every key gets an accurate outcome.</source>
        <translation>Das Senden auf jedem Gateway stoppen. Bereits gesendete Anfragen laufen zu Ende, dann wird jedes Gateway neu gelesen, damit jeder Schlüssel ein genaues Ergebnis bekommt.</translation>
    </message>
    <message>
        <source>Dry run: show what would be deleted and send nothing</source>
        <translation>Probelauf: zeigen, was gelöscht würde, und nichts senden</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Age: %1</source>
        <translation>Alter: %1</translation>
    </message>
    <message>
        <source>Choose at least one state or an age: without either, every group would be pruned.</source>
        <translation>Mindestens einen Zustand oder ein Alter wählen: ohne beides würde jede Gruppe aufgeräumt.</translation>
    </message>
    <message>
        <source>Type a matcher. An empty matcher would select every group on every gateway.</source>
        <translation>Einen Matcher eingeben. Ein leerer Matcher würde jede Gruppe auf jedem Gateway auswählen.</translation>
    </message>
    <message>
        <source>No group is selected.</source>
        <translation>Keine Gruppe ist gewählt.</translation>
    </message>
    <message>
        <source>No group matches on any gateway.</source>
        <translation>Auf keinem Gateway passt eine Gruppe.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>to delete</source>
        <translation>zu löschen</translation>
    </message>
    <message>
        <source>nothing to delete</source>
        <translation>nichts zu löschen</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) on %1 gateway(s)</source>
        <translation>
            <numerusform>%n Gruppe auf %1 Gateway(s)</numerusform>
            <numerusform>%n Gruppen auf %1 Gateway(s)</numerusform>
        </translation>
    </message>
    <message>
        <source> (of %1 groups, as of %2)</source>
        <translation> (von %1 Gruppen, Stand %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n gateway(s)</source>
        <translation>
            <numerusform>%n Gateway</numerusform>
            <numerusform>%n Gateways</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n group(s), each on its own gateway?</source>
        <translation>
            <numerusform>Diese %n Gruppe auf ihrem Gateway löschen?</numerusform>
            <numerusform>Diese %n Gruppen löschen, jede auf ihrem eigenen Gateway?</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete every group whose grouping key matches, on &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation>Jede Gruppe löschen, deren Gruppierungsschlüssel passt, auf &lt;b&gt;%1&lt;/b&gt;:</translation>
    </message>
    <message>
        <source>Delete the groups in these states (and at least this old), on &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation>Die Gruppen in diesen Zuständen (und mindestens so alt) löschen, auf &lt;b&gt;%1&lt;/b&gt;:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message numerus="yes">
        <source>Dry run (%n group(s))</source>
        <translation>
            <numerusform>Probelauf (%n Gruppe)</numerusform>
            <numerusform>Probelauf (%n Gruppen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n group(s) on %1 gateway(s)</source>
        <translation>
            <numerusform>%n Gruppe auf %1 Gateway(s) löschen</numerusform>
            <numerusform>%n Gruppen auf %1 Gateway(s) löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Use &quot;Stop sending&quot; to stop the run</source>
        <translation>„Senden stoppen“ verwenden, um den Lauf anzuhalten</translation>
    </message>
    <message>
        <source>dry run</source>
        <translation>Probelauf</translation>
    </message>
    <message>
        <source>deleting…</source>
        <translation>lösche…</translation>
    </message>
    <message>
        <source>%v of %m answered</source>
        <translation>%v von %m beantwortet</translation>
    </message>
    <message>
        <source>verifying…</source>
        <translation>prüfe…</translation>
    </message>
    <message>
        <source>Dry run: nothing is sent.</source>
        <translation>Probelauf: nichts wird gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>Deleting on %n gateway(s) at the same time…</source>
        <translation>
            <numerusform>Lösche auf %n Gateway…</numerusform>
            <numerusform>Lösche auf %n Gateways gleichzeitig…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopping: requests already sent finish, then every gateway is re-read…</source>
        <translation>Beende: bereits gesendete Anfragen laufen zu Ende, dann wird jedes Gateway neu gelesen…</translation>
    </message>
    <message>
        <source>Undo snapshot: %1</source>
        <translation>Schnappschuss zum Rückgängigmachen: %1</translation>
    </message>
    <message>
        <source>nothing sent (dry run)</source>
        <translation>nichts gesendet (Probelauf)</translation>
    </message>
    <message>
        <source>%1 of %2 sent, verified</source>
        <translation>%1 von %2 gesendet, geprüft</translation>
    </message>
    <message>
        <source>Dry run finished: nothing was sent. These groups would be deleted.</source>
        <translation>Probelauf beendet: nichts wurde gesendet. Diese Gruppen würden gelöscht.</translation>
    </message>
    <message>
        <source>Stopped. Every key below has been checked against its gateway.</source>
        <translation>Gestoppt. Jeder Schlüssel unten wurde mit seinem Gateway abgeglichen.</translation>
    </message>
    <message>
        <source>Finished with problems: see each gateway and each key below.</source>
        <translation>Mit Problemen beendet: siehe jedes Gateway und jeden Schlüssel unten.</translation>
    </message>
    <message>
        <source>Finished: every group was deleted and verified gone on its gateway.</source>
        <translation>Fertig: jede Gruppe wurde gelöscht und ist auf ihrem Gateway nachweislich weg.</translation>
    </message>
</context>
<context>
    <name>PushDeck::FleetGroupsModel</name>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Grouping key</source>
        <translation>Gruppierungsschlüssel</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Last push</source>
        <translation>Letzter Push</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>The gateway the group is on (filter with {__gateway__=&quot;host:port&quot;})</source>
        <translation>Das Gateway, auf dem die Gruppe liegt (filtern mit {__gateway__=&quot;host:port&quot;})</translation>
    </message>
    <message>
        <source>The exact grouping key: a group with more or fewer labels is another group</source>
        <translation>Der genaue Gruppierungsschlüssel: eine Gruppe mit mehr oder weniger Labels ist eine andere Gruppe</translation>
    </message>
    <message>
        <source>The job label of the grouping key</source>
        <translation>Das job-Label des Gruppierungsschlüssels</translation>
    </message>
    <message>
        <source>Time of the last successful push (push_time_seconds), local time</source>
        <translation>Zeit des letzten erfolgreichen Pushs (push_time_seconds), Ortszeit</translation>
    </message>
    <message>
        <source>Time since the last successful push</source>
        <translation>Zeit seit dem letzten erfolgreichen Push</translation>
    </message>
    <message>
        <source>Whether the last push to this group succeeded (a failed push keeps the old data)</source>
        <translation>Ob der letzte Push an diese Gruppe erfolgreich war (ein fehlgeschlagener Push behält die alten Daten)</translation>
    </message>
    <message>
        <source>Staleness judged by the rules, the learned push cadence or the defaults</source>
        <translation>Aktualität nach den Regeln, dem gelernten Push-Rhythmus oder den Vorgaben</translation>
    </message>
</context>
<context>
    <name>PushDeck::FleetGroupsView</name>
    <message numerus="yes">
        <source>All groups on %n gateway(s): </source>
        <translation>
            <numerusform>Alle Gruppen auf %n Gateway: </numerusform>
            <numerusform>Alle Gruppen auf %n Gateways: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n Gruppe</numerusform>
            <numerusform>%n Gruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n group(s) shown</source>
        <translation>
            <numerusform>%1 von %n Gruppe gezeigt</numerusform>
            <numerusform>%1 von %n Gruppen gezeigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n selected</source>
        <translation>
            <numerusform>, %n gewählt</numerusform>
            <numerusform>, %n gewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>filter with the toolbar; {__gateway__=&quot;host:port&quot;} picks gateways</source>
        <translation>mit der Werkzeugleiste filtern; {__gateway__=&quot;host:port&quot;} wählt Gateways aus</translation>
    </message>
</context>
<context>
    <name>PushDeck::FleetModel</name>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>Grouping keys also present on another open gateway:
%1</source>
        <translation>Gruppierungsschlüssel, die es auch auf einem anderen offenen Gateway gibt:
%1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no (outdated)</source>
        <translation>nein (veraltet)</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>%1 (%2 ms)</source>
        <translation>%1 (%2 ms)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>Erreichbar</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Keys also elsewhere</source>
        <translation>Schlüssel auch anderswo</translation>
    </message>
    <message>
        <source>Last refresh</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
</context>
<context>
    <name>PushDeck::FleetOperations</name>
    <message>
        <source>Delete selected on their gateways…</source>
        <translation>Gewählte auf ihren Gateways löschen…</translation>
    </message>
    <message>
        <source>Delete the groups selected in the fleet table, each on its own gateway, after a preview that names the gateway of every group</source>
        <translation>Die in der Flottentabelle gewählten Gruppen löschen, jede auf ihrem eigenen Gateway, nach einer Vorschau, die das Gateway jeder Gruppe nennt</translation>
    </message>
    <message>
        <source>Delete matching on all gateways…</source>
        <translation>Passende auf allen Gateways löschen…</translation>
    </message>
    <message>
        <source>Delete every group whose key matches a selector on every open gateway ({__gateway__=&quot;host:port&quot;} limits it to some), with a preview</source>
        <translation>Jede Gruppe, deren Schlüssel zu einem Selektor passt, auf jedem offenen Gateway löschen ({__gateway__=&quot;host:port&quot;} beschränkt auf einige), mit Vorschau</translation>
    </message>
    <message>
        <source>Prune stale on all gateways…</source>
        <translation>Veraltete auf allen Gateways aufräumen…</translation>
    </message>
    <message>
        <source>Delete groups by staleness state and age on every open gateway, each judged by its own gateway&apos;s rules, with a preview</source>
        <translation>Gruppen nach Aktualitätszustand und Alter auf jedem offenen Gateway löschen, jede nach den Regeln ihres eigenen Gateways beurteilt, mit Vorschau</translation>
    </message>
    <message>
        <source>Read-only mode: PushDeck does not change the gateways. Turn read-only mode off (or start without --read-only) to use this.</source>
        <translation>Schreibschutz: PushDeck ändert die Gateways nicht. Den Schreibschutz ausschalten (oder ohne --read-only starten), um dies zu verwenden.</translation>
    </message>
    <message>
        <source>No gateway is open.</source>
        <translation>Kein Gateway ist offen.</translation>
    </message>
    <message>
        <source>Select groups in the fleet table first.</source>
        <translation>Zuerst Gruppen in der Flottentabelle wählen.</translation>
    </message>
    <message>
        <source>Select one or more groups in the fleet table to delete.</source>
        <translation>Eine oder mehrere Gruppen in der Flottentabelle zum Löschen wählen.</translation>
    </message>
</context>
<context>
    <name>PushDeck::GatewaySession</name>
    <message numerus="yes">
        <source>The gateway restarted at %1 UTC: %n group(s) it held before are gone (it keeps groups across restarts only with --persistence.file).</source>
        <translation>
            <numerusform>Das Gateway wurde um %1 UTC neu gestartet: %n Gruppe, die es vorher hatte, ist weg (es behält Gruppen über Neustarts nur mit --persistence.file).</numerusform>
            <numerusform>Das Gateway wurde um %1 UTC neu gestartet: %n Gruppen, die es vorher hatte, sind weg (es behält Gruppen über Neustarts nur mit --persistence.file).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PushDeck::GatewayView</name>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>Familien</translation>
    </message>
    <message>
        <source>Exposition text</source>
        <translation>Expositionstext</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Copy Grouping Key</source>
        <translation>Gruppierungsschlüssel kopieren</translation>
    </message>
    <message>
        <source>Copy as curl Delete Command</source>
        <translation>Als curl-Löschbefehl kopieren</translation>
    </message>
    <message>
        <source>Copy Exposition Text</source>
        <translation>Expositionstext kopieren</translation>
    </message>
    <message>
        <source>Select a group to see its metric families</source>
        <translation>Eine Gruppe wählen, um ihre Metrikfamilien zu sehen</translation>
    </message>
    <message>
        <source> (the latest push failed)</source>
        <translation> (der letzte Push schlug fehl)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Showing outdated data&lt;/b&gt; from %1 — the last refresh failed: %2</source>
        <translation>&lt;b&gt;Veraltete Daten&lt;/b&gt; von %1 — die letzte Aktualisierung schlug fehl: %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;No data&lt;/b&gt; — the gateway could not be read: %1</source>
        <translation>&lt;b&gt;Keine Daten&lt;/b&gt; — das Gateway konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source> · retrying in %1 s</source>
        <translation> · neuer Versuch in %1 s</translation>
    </message>
    <message>
        <source>Enter a gateway URL above (for example http://localhost:9091), or start PushDeck with --demo.</source>
        <translation>Oben eine Gateway-URL eingeben (zum Beispiel http://localhost:9091) oder PushDeck mit --demo starten.</translation>
    </message>
    <message>
        <source>This gateway holds no groups.</source>
        <translation>Dieses Gateway hat keine Gruppen.</translation>
    </message>
    <message>
        <source>No group matches the filter.</source>
        <translation>Keine Gruppe passt zum Filter.</translation>
    </message>
    <message>
        <source>The gateway could not be read.</source>
        <translation>Das Gateway konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Reading the gateway…</source>
        <translation>Lese das Gateway…</translation>
    </message>
    <message>
        <source>Outdated data</source>
        <translation>Veraltete Daten</translation>
    </message>
    <message>
        <source>Changes since you last looked</source>
        <translation>Änderungen seit Ihrem letzten Blick</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Dismiss the changes since you last looked</source>
        <translation>Die Änderungen seit Ihrem letzten Blick ausblenden</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Selected group</source>
        <translation>Gewählte Gruppe</translation>
    </message>
    <message>
        <source>Metric families of the selected group</source>
        <translation>Metrikfamilien der gewählten Gruppe</translation>
    </message>
    <message>
        <source>Exposition text of the selected group</source>
        <translation>Expositionstext der gewählten Gruppe</translation>
    </message>
    <message numerus="yes">
        <source>%n appeared</source>
        <translation>
            <numerusform>%n hinzugekommen</numerusform>
            <numerusform>%n hinzugekommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vanished</source>
        <translation>
            <numerusform>%n verschwunden</numerusform>
            <numerusform>%n verschwunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n went stale</source>
        <translation>
            <numerusform>%n veraltet</numerusform>
            <numerusform>%n veraltet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a failed push</source>
        <translation>
            <numerusform>%n mit fehlgeschlagenem Push</numerusform>
            <numerusform>%n mit fehlgeschlagenem Push</numerusform>
        </translation>
    </message>
    <message>
        <source>Since you last looked (%1, %2 ago):</source>
        <translation>Seit Ihrem letzten Blick (%1, vor %2):</translation>
    </message>
    <message>
        <source>show all groups</source>
        <translation>alle Gruppen zeigen</translation>
    </message>
    <message>
        <source>Vanished groups</source>
        <translation>Verschwundene Gruppen</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) vanished from the gateway since you last looked.</source>
        <translation>
            <numerusform>%n Gruppe ist seit Ihrem letzten Blick vom Gateway verschwunden.</numerusform>
            <numerusform>%n Gruppen sind seit Ihrem letzten Blick vom Gateway verschwunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>None of these groups is on the gateway any more.</source>
        <translation>Keine dieser Gruppen ist noch auf dem Gateway.</translation>
    </message>
    <message>
        <source>Copy as PromQL</source>
        <translation>Als PromQL kopieren</translation>
    </message>
    <message>
        <source>time() - push_time_seconds{...}: the group&apos;s age as Prometheus sees it (scraped with honor_labels: true)</source>
        <translation>time() - push_time_seconds{...}: das Alter der Gruppe, wie Prometheus es sieht (abgefragt mit honor_labels: true)</translation>
    </message>
    <message>
        <source>Open in Prometheus</source>
        <translation>In Prometheus öffnen</translation>
    </message>
</context>
<context>
    <name>PushDeck::GroupKeyEdit</name>
    <message>
        <source>The group&apos;s full label set, always with job. Values may contain anything (also / and empty values): they are sent base64-encoded where needed.</source>
        <translation>Die vollständige Label-Menge der Gruppe, immer mit job. Werte dürfen alles enthalten (auch / und leere Werte): sie werden wo nötig base64-kodiert gesendet.</translation>
    </message>
    <message>
        <source>Type a grouping key, e.g. {job=&quot;backup&quot;}.</source>
        <translation>Einen Gruppierungsschlüssel eingeben, z. B. {job=&quot;backup&quot;}.</translation>
    </message>
    <message>
        <source>Refused: the existing group %1 differs from this key only by empty labels; with both on the gateway every push would fail.</source>
        <translation>Abgelehnt: die vorhandene Gruppe %1 unterscheidet sich von diesem Schlüssel nur durch leere Labels; mit beiden auf dem Gateway würde jeder Push fehlschlagen.</translation>
    </message>
    <message>
        <source>A group with this key exists on the gateway.</source>
        <translation>Eine Gruppe mit diesem Schlüssel existiert auf dem Gateway.</translation>
    </message>
</context>
<context>
    <name>PushDeck::GroupOperations</name>
    <message>
        <source>the undo snapshot could not be written, nothing was changed: %1</source>
        <translation>der Schnappschuss zum Rückgängigmachen konnte nicht geschrieben werden, nichts wurde geändert: %1</translation>
    </message>
    <message>
        <source>cannot touch: the grouping key has no job</source>
        <translation>Auffrischen nicht möglich: der Gruppierungsschlüssel hat keinen job</translation>
    </message>
    <message>
        <source>touched %1: its push time is now %2. Warning: the data itself is unchanged, so stale data now looks fresh to every dashboard and alert that watches the push time.</source>
        <translation>%1 aufgefrischt: die Push-Zeit ist jetzt %2. Achtung: die Daten selbst sind unverändert, veraltete Daten sehen nun für jedes Dashboard und jeden Alarm, der die Push-Zeit beobachtet, frisch aus.</translation>
    </message>
    <message>
        <source>(the new push time could not be read back yet)</source>
        <translation>(die neue Push-Zeit konnte noch nicht zurückgelesen werden)</translation>
    </message>
    <message>
        <source>cannot move: a grouping key has no job</source>
        <translation>Verschieben nicht möglich: ein Gruppierungsschlüssel hat keinen job</translation>
    </message>
    <message>
        <source>cannot move %1 onto itself</source>
        <translation>%1 kann nicht auf sich selbst verschoben werden</translation>
    </message>
    <message>
        <source>%1 already exists; moving onto it would replace it (allow overwriting to do that)</source>
        <translation>%1 existiert bereits; Verschieben würde die Gruppe ersetzen (dafür Überschreiben erlauben)</translation>
    </message>
    <message>
        <source>cannot move to %1: series of %2 carry the label %3=&quot;%4&quot;, which the new key would overwrite</source>
        <translation>Verschieben nach %1 nicht möglich: Serien von %2 tragen das Label %3=&quot;%4&quot;, das der neue Schlüssel überschreiben würde</translation>
    </message>
    <message>
        <source>move %1 to %2</source>
        <translation>%1 nach %2 verschieben</translation>
    </message>
    <message>
        <source>nothing was deleted, %1 is unchanged: %2</source>
        <translation>nichts wurde gelöscht, %1 ist unverändert: %2</translation>
    </message>
    <message>
        <source>the group read back from %1 does not have the same families</source>
        <translation>die von %1 zurückgelesene Gruppe hat nicht dieselben Familien</translation>
    </message>
    <message>
        <source>move stopped before deleting, %1 is unchanged: %2</source>
        <translation>Verschieben vor dem Löschen gestoppt, %1 ist unverändert: %2</translation>
    </message>
    <message>
        <source>%1 was copied to %2, but deleting the old group failed (both exist now): %3</source>
        <translation>%1 wurde nach %2 kopiert, aber das Löschen der alten Gruppe schlug fehl (beide existieren jetzt): %3</translation>
    </message>
    <message>
        <source>moved %1 to %2 (its push time is now %3)</source>
        <translation>%1 nach %2 verschoben (die Push-Zeit ist jetzt %3)</translation>
    </message>
    <message>
        <source>the old group was still listed after the delete was accepted</source>
        <translation>die alte Gruppe war nach dem angenommenen Löschen noch aufgeführt</translation>
    </message>
    <message>
        <source>cannot push: the grouping key has no job</source>
        <translation>Push nicht möglich: der Gruppierungsschlüssel hat keinen job</translation>
    </message>
    <message>
        <source>pushed to %1 (%2)</source>
        <translation>an %1 gepusht (%2)</translation>
    </message>
    <message>
        <source>pushed the new group %1</source>
        <translation>die neue Gruppe %1 gepusht</translation>
    </message>
    <message>
        <source>the gateway stores it differently from the text: %1</source>
        <translation>das Gateway speichert es anders als der Text: %1</translation>
    </message>
    <message>
        <source>the group could not be read back</source>
        <translation>die Gruppe konnte nicht zurückgelesen werden</translation>
    </message>
    <message>
        <source>cannot copy: no target gateway</source>
        <translation>Kopieren nicht möglich: kein Ziel-Gateway</translation>
    </message>
    <message>
        <source>%1 already exists on %2; copying would replace it (allow overwriting to do that)</source>
        <translation>%1 existiert bereits auf %2; Kopieren würde die Gruppe ersetzen (dafür Überschreiben erlauben)</translation>
    </message>
    <message>
        <source>copy %1 from %2</source>
        <translation>%1 von %2 kopieren</translation>
    </message>
    <message>
        <source>copied %1 to %2 as %3</source>
        <translation>%1 nach %2 als %3 kopiert</translation>
    </message>
    <message>
        <source>the copy could not be verified to have the same families</source>
        <translation>es ließ sich nicht bestätigen, dass die Kopie dieselben Familien hat</translation>
    </message>
    <message>
        <source>wipe refused: the admin API is off on %1 (the gateway must be started with --web.enable-admin-api); nothing was deleted</source>
        <translation>Leeren abgelehnt: die Admin-API ist auf %1 aus (das Gateway muss mit --web.enable-admin-api gestartet werden); nichts wurde gelöscht</translation>
    </message>
    <message numerus="yes">
        <source>before wiping %n group(s)</source>
        <translation>
            <numerusform>vor dem Leeren von %n Gruppe</numerusform>
            <numerusform>vor dem Leeren von %n Gruppen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>wiped %n group(s)</source>
        <translation>
            <numerusform>%n Gruppe gelöscht</numerusform>
            <numerusform>%n Gruppen gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) are still listed</source>
        <translation>
            <numerusform>%n Gruppe ist noch aufgeführt</numerusform>
            <numerusform>%n Gruppen sind noch aufgeführt</numerusform>
        </translation>
    </message>
    <message>
        <source>exists on the gateway (pushed again since the snapshot)</source>
        <translation>existiert auf dem Gateway (seit dem Schnappschuss erneut gepusht)</translation>
    </message>
    <message>
        <source>the gateway would refuse its text: %1</source>
        <translation>das Gateway würde seinen Text ablehnen: %1</translation>
    </message>
    <message>
        <source>the gateway would refuse it: family %1 is a %2 here, but a %3 in %4</source>
        <translation>das Gateway würde es ablehnen: die Familie %1 ist hier ein %2, aber in %4 ein %3</translation>
    </message>
    <message>
        <source>before restoring a %1 snapshot</source>
        <translation>vor dem Wiederherstellen eines Schnappschusses von %1</translation>
    </message>
    <message>
        <source>pushed, but could not be read back: %1</source>
        <translation>gepusht, konnte aber nicht zurückgelesen werden: %1</translation>
    </message>
    <message>
        <source>pushed, but not on the gateway when read back</source>
        <translation>gepusht, beim Zurücklesen aber nicht auf dem Gateway</translation>
    </message>
    <message>
        <source>pushed, but the gateway stores it differently: %1</source>
        <translation>gepusht, aber das Gateway speichert es anders: %1</translation>
    </message>
    <message>
        <source>restored, but it shows a successful last push; it had failed</source>
        <translation>wiederhergestellt, zeigt aber einen erfolgreichen letzten Push; er war fehlgeschlagen</translation>
    </message>
    <message>
        <source>the delete was accepted, but the group is still listed</source>
        <translation>das Löschen wurde angenommen, aber die Gruppe ist noch aufgeführt</translation>
    </message>
    <message numerus="yes">
        <source>restored %n group(s) from the snapshot of %1 (%2).</source>
        <translation>
            <numerusform>%n Gruppe aus dem Schnappschuss vom %1 wiederhergestellt (%2).</numerusform>
            <numerusform>%n Gruppen aus dem Schnappschuss vom %1 wiederhergestellt (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>Their push time is now the time of this restore (%1), not the original push time: dashboards and alerts will see them as freshly pushed.</source>
        <translation>Ihre Push-Zeit ist jetzt die Zeit dieser Wiederherstellung (%1), nicht die ursprüngliche: Dashboards und Alarme sehen sie als frisch gepusht.</translation>
    </message>
    <message numerus="yes">
        <source>%n of them had a failed last push when saved and are restored in that state (marked failed again by a push the gateway refuses; failure time now).</source>
        <translation>
            <numerusform>%n davon hatte beim Speichern einen fehlgeschlagenen letzten Push und wird in diesem Zustand wiederhergestellt (durch einen Push, den das Gateway ablehnt, wieder als fehlgeschlagen markiert; Fehlerzeit jetzt).</numerusform>
            <numerusform>%n davon hatten beim Speichern einen fehlgeschlagenen letzten Push und werden in diesem Zustand wiederhergestellt (durch einen Push, den das Gateway ablehnt, wieder als fehlgeschlagen markiert; Fehlerzeit jetzt).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n group(s) the undone action had created.</source>
        <translation>
            <numerusform>%n Gruppe entfernt, die die rückgängig gemachte Aktion angelegt hatte.</numerusform>
            <numerusform>%n Gruppen entfernt, die die rückgängig gemachte Aktion angelegt hatte.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n group(s) that exist on the gateway.</source>
        <translation>
            <numerusform>%n Gruppe übersprungen, die auf dem Gateway existiert.</numerusform>
            <numerusform>%n Gruppen übersprungen, die auf dem Gateway existieren.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) failed.</source>
        <translation>
            <numerusform>%n Gruppe fehlgeschlagen.</numerusform>
            <numerusform>%n Gruppen fehlgeschlagen.</numerusform>
        </translation>
    </message>
    <message>
        <source>restored, but the gateway accepted the push meant to mark it failed again (it keeps timestamps?)</source>
        <translation>wiederhergestellt, aber das Gateway hat den Push angenommen, der sie wieder als fehlgeschlagen markieren sollte (behält es Zeitstempel?)</translation>
    </message>
    <message>
        <source>its last push had failed: restored in that state (failure time now)</source>
        <translation>ihr letzter Push war fehlgeschlagen: in diesem Zustand wiederhergestellt (Fehlerzeit jetzt)</translation>
    </message>
    <message>
        <source>restored, but not marked failed again as it was: %1</source>
        <translation>wiederhergestellt, aber nicht wie zuvor als fehlgeschlagen markiert: %1</translation>
    </message>
    <message>
        <source>nothing to undo: no snapshot store</source>
        <translation>nichts rückgängig zu machen: kein Schnappschuss-Speicher</translation>
    </message>
    <message>
        <source>nothing to undo: there are no snapshots in %1</source>
        <translation>nichts rückgängig zu machen: in %1 gibt es keine Schnappschüsse</translation>
    </message>
</context>
<context>
    <name>PushDeck::GroupTableModel</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weitere</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 has no label &quot;%2&quot;</source>
        <translation>%1 hat kein Label „%2“</translation>
    </message>
    <message>
        <source>%1=&quot;&quot;: an empty value is part of this group&apos;s key; a key without %1 is another group</source>
        <translation>%1=&quot;&quot;: ein leerer Wert gehört zum Schlüssel dieser Gruppe; ein Schlüssel ohne %1 ist eine andere Gruppe</translation>
    </message>
    <message>
        <source>No successful push yet</source>
        <translation>Noch kein erfolgreicher Push</translation>
    </message>
    <message>
        <source>Last successful push %1 ago</source>
        <translation>Letzter erfolgreicher Push vor %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>The last push failed at %1; the gateway keeps the data of the last successful push (%2)</source>
        <translation>Der letzte Push schlug um %1 fehl; das Gateway behält die Daten des letzten erfolgreichen Pushs (%2)</translation>
    </message>
    <message>
        <source>The last push succeeded; an earlier push failed at %1</source>
        <translation>Der letzte Push war erfolgreich; ein früherer Push schlug um %1 fehl</translation>
    </message>
    <message>
        <source>The last push succeeded</source>
        <translation>Der letzte Push war erfolgreich</translation>
    </message>
    <message numerus="yes">
        <source>%n series over all families</source>
        <translation>
            <numerusform>%n Serie über alle Familien</numerusform>
            <numerusform>%n Serien über alle Familien</numerusform>
        </translation>
    </message>
    <message>
        <source>The last push failed</source>
        <translation>Der letzte Push schlug fehl</translation>
    </message>
    <message numerus="yes">
        <source>Grouping-key label &quot;%1&quot;: carried by %2 of %n group(s)</source>
        <translation>
            <numerusform>Label „%1“ des Gruppierungsschlüssels: bei %2 von %n Gruppe</numerusform>
            <numerusform>Label „%1“ des Gruppierungsschlüssels: bei %2 von %n Gruppen</numerusform>
        </translation>
    </message>
    <message>
        <source>Last push</source>
        <translation>Letzter Push</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>Familien</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serien</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Time of the last successful push (push_time_seconds), local time</source>
        <translation>Zeit des letzten erfolgreichen Pushs (push_time_seconds), Ortszeit</translation>
    </message>
    <message>
        <source>Time since the last successful push</source>
        <translation>Zeit seit dem letzten erfolgreichen Push</translation>
    </message>
    <message>
        <source>Whether the last push to this group succeeded (a failed push keeps the old data)</source>
        <translation>Ob der letzte Push an diese Gruppe erfolgreich war (ein fehlgeschlagener Push behält die alten Daten)</translation>
    </message>
    <message>
        <source>Metric families pushed to this group</source>
        <translation>An diese Gruppe gepushte Metrikfamilien</translation>
    </message>
    <message>
        <source>Series over all metric families of this group</source>
        <translation>Serien über alle Metrikfamilien dieser Gruppe</translation>
    </message>
    <message>
        <source>Staleness judged by the rules, the learned push cadence or the defaults</source>
        <translation>Aktualität nach den Regeln, dem gelernten Push-Rhythmus oder den Vorgaben</translation>
    </message>
</context>
<context>
    <name>PushDeck::HttpClientConfig</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>keine solche Datei</translation>
    </message>
    <message>
        <source>follow_redirects: false is not supported by PushDeck</source>
        <translation>follow_redirects: false wird von PushDeck nicht unterstützt</translation>
    </message>
    <message>
        <source>at most one of basic_auth, bearer_token &amp; bearer_token_file must be configured</source>
        <translation>höchstens eines von basic_auth, bearer_token und bearer_token_file darf konfiguriert sein</translation>
    </message>
    <message>
        <source>authorization is not compatible with bearer_token &amp; bearer_token_file</source>
        <translation>authorization ist nicht mit bearer_token und bearer_token_file vereinbar</translation>
    </message>
    <message>
        <source>at most one of basic_auth &amp; authorization must be configured</source>
        <translation>höchstens eines von basic_auth und authorization darf konfiguriert sein</translation>
    </message>
    <message>
        <source>authorization type cannot be set to &quot;basic&quot;, use &quot;basic_auth&quot; instead</source>
        <translation>der authorization-Typ darf nicht „basic“ sein, stattdessen „basic_auth“ verwenden</translation>
    </message>
    <message>
        <source>authorization type %1 is not supported by PushDeck (only Bearer)</source>
        <translation>der authorization-Typ %1 wird von PushDeck nicht unterstützt (nur Bearer)</translation>
    </message>
    <message>
        <source>exactly one of cert or cert_file must be configured when a client key is configured</source>
        <translation>genau eines von cert oder cert_file muss konfiguriert sein, wenn ein Client-Schlüssel konfiguriert ist</translation>
    </message>
    <message>
        <source>exactly one of key or key_file must be configured when a client certificate is configured</source>
        <translation>genau eines von key oder key_file muss konfiguriert sein, wenn ein Client-Zertifikat konfiguriert ist</translation>
    </message>
</context>
<context>
    <name>PushDeck::LintModel</name>
    <message>
        <source>1 group</source>
        <translation>1 Gruppe</translation>
    </message>
    <message>
        <source>%1 groups</source>
        <translation>%1 Gruppen</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>PushDeck::LocalGateway</name>
    <message>
        <source>prometheus-pushgateway was not found (looked for %1 in PATH); install the Debian package prometheus-pushgateway or set PUSHDECK_PUSHGATEWAY</source>
        <translation>prometheus-pushgateway wurde nicht gefunden (gesucht: %1 in PATH); das Debian-Paket prometheus-pushgateway installieren oder PUSHDECK_PUSHGATEWAY setzen</translation>
    </message>
    <message>
        <source>no free port on 127.0.0.1</source>
        <translation>kein freier Port auf 127.0.0.1</translation>
    </message>
    <message>
        <source>prometheus-pushgateway exited with code %1 before it was ready: %2</source>
        <translation>prometheus-pushgateway endete mit Code %1, bevor es bereit war: %2</translation>
    </message>
    <message>
        <source>could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>prometheus-pushgateway did not answer on 127.0.0.1:%1 within the timeout</source>
        <translation>prometheus-pushgateway antwortete nicht rechtzeitig auf 127.0.0.1:%1</translation>
    </message>
</context>
<context>
    <name>PushDeck::LocalPrometheus</name>
    <message>
        <source>prometheus was not found (looked for %1 in PATH); install the Debian package prometheus or set PUSHDECK_PROMETHEUS</source>
        <translation>prometheus wurde nicht gefunden (%1 im PATH gesucht); das Debian-Paket prometheus installieren oder PUSHDECK_PROMETHEUS setzen</translation>
    </message>
    <message>
        <source>no gateway for Prometheus to scrape</source>
        <translation>kein Gateway, das Prometheus scrapen könnte</translation>
    </message>
    <message>
        <source>no free port on 127.0.0.1</source>
        <translation>kein freier Port auf 127.0.0.1</translation>
    </message>
    <message>
        <source>cannot create a directory for Prometheus: %1</source>
        <translation>es kann kein Verzeichnis für Prometheus angelegt werden: %1</translation>
    </message>
    <message>
        <source>prometheus exited with code %1 before it was ready: %2</source>
        <translation>prometheus endete mit Code %1, bevor es bereit war: %2</translation>
    </message>
    <message>
        <source>could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>prometheus did not answer on 127.0.0.1:%1 within the timeout</source>
        <translation>prometheus antwortete nicht innerhalb der Zeitgrenze auf 127.0.0.1:%1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>PushDeck::MainWindow</name>
    <message>
        <source>PushDeck</source>
        <translation>PushDeck</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read the gateway now (F5)</source>
        <translation>Das Gateway jetzt lesen (F5)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>Copy &amp;Grouping Key</source>
        <translation>&amp;Gruppierungsschlüssel kopieren</translation>
    </message>
    <message>
        <source>Copy as &amp;curl Delete Command</source>
        <translation>Als &amp;curl-Löschbefehl kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Exposition Text</source>
        <translation>&amp;Expositionstext kopieren</translation>
    </message>
    <message>
        <source>&amp;Filter</source>
        <translation>&amp;Filter</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation>&amp;Gateway</translation>
    </message>
    <message>
        <source>G&amp;roup</source>
        <translation>G&amp;ruppe</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Gateway </source>
        <translation>Gateway </translation>
    </message>
    <message>
        <source>How often the gateway is read</source>
        <translation>Wie oft das Gateway gelesen wird</translation>
    </message>
    <message>
        <source>every %1 s</source>
        <translation>alle %1 s</translation>
    </message>
    <message>
        <source>every %1 min</source>
        <translation>alle %1 min</translation>
    </message>
    <message>
        <source>Show only groups in a state</source>
        <translation>Nur Gruppen in einem Zustand zeigen</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>%1 — PushDeck</source>
        <translation>%1 — PushDeck</translation>
    </message>
    <message>
        <source>Demo gateway %1 — PushDeck</source>
        <translation>Demo-Gateway %1 — PushDeck</translation>
    </message>
    <message>
        <source>Label selector over grouping keys</source>
        <translation>Label-Selektor über Gruppierungsschlüssel</translation>
    </message>
    <message>
        <source>Text contained in the grouping key</source>
        <translation>Text im Gruppierungsschlüssel</translation>
    </message>
    <message>
        <source>1 group</source>
        <translation>1 Gruppe</translation>
    </message>
    <message>
        <source>%1 groups</source>
        <translation>%1 Gruppen</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 gezeigt</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Aktualisiere…</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Gateway unreachable</source>
        <translation>Gateway nicht erreichbar</translation>
    </message>
    <message>
        <source>Outdated</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>not refreshed yet</source>
        <translation>noch nicht aktualisiert</translation>
    </message>
    <message>
        <source>%1 · Pushgateway %2</source>
        <translation>%1 · Pushgateway %2</translation>
    </message>
    <message>
        <source>admin API on</source>
        <translation>Admin-API an</translation>
    </message>
    <message>
        <source>admin API off</source>
        <translation>Admin-API aus</translation>
    </message>
    <message>
        <source>Every open gateway, polled independently. Double-click a row to open its tab.</source>
        <translation>Jedes offene Gateway, unabhängig abgefragt. Doppelklick auf eine Zeile öffnet seinen Reiter.</translation>
    </message>
    <message>
        <source>Open in &amp;New Tab</source>
        <translation>In &amp;neuem Reiter öffnen</translation>
    </message>
    <message>
        <source>Open the URL in the gateway field in a new tab (Ctrl+T)</source>
        <translation>Die URL im Gateway-Feld in einem neuen Reiter öffnen (Strg+T)</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>Reiter &amp;schließen</translation>
    </message>
    <message>
        <source>Base URL of the Pushgateway, with its route prefix if it has one. Enter opens it in this tab, Ctrl+T in a new one.</source>
        <translation>Basis-URL des Pushgateways, mit Routenpräfix, falls vorhanden. Eingabe öffnet es in diesem Reiter, Strg+T in einem neuen.</translation>
    </message>
    <message>
        <source>Fleet</source>
        <translation>Flotte</translation>
    </message>
    <message>
        <source>Demo %1</source>
        <translation>Demo %1</translation>
    </message>
    <message>
        <source>Not connected · read-only</source>
        <translation>Nicht verbunden · schreibgeschützt</translation>
    </message>
    <message>
        <source> · read-only</source>
        <translation> · schreibgeschützt</translation>
    </message>
    <message>
        <source>refreshed %1 in %2 ms%3</source>
        <translation>aktualisiert %1 in %2 ms%3</translation>
    </message>
    <message>
        <source> (push times only)</source>
        <translation> (nur Push-Zeiten)</translation>
    </message>
    <message>
        <source>&amp;Operations</source>
        <translation>&amp;Operationen</translation>
    </message>
    <message>
        <source>&amp;Staleness</source>
        <translation>A&amp;ktualität</translation>
    </message>
    <message>
        <source>&amp;Rules and Alerts…</source>
        <translation>&amp;Regeln und Alarme…</translation>
    </message>
    <message>
        <source>Age distribution</source>
        <translation>Altersverteilung</translation>
    </message>
    <message>
        <source>Staleness over time</source>
        <translation>Aktualität im Zeitverlauf</translation>
    </message>
    <message>
        <source>Push timeline</source>
        <translation>Push-Zeitleiste</translation>
    </message>
    <message>
        <source>Value history</source>
        <translation>Werteverlauf</translation>
    </message>
    <message>
        <source>Showing %1 groups aged %2 — choose &quot;All states&quot; to show all again</source>
        <translation>Zeige %1 Gruppen im Alter %2 — „Alle Zustände“ wählen, um wieder alle zu zeigen</translation>
    </message>
    <message>
        <source>Pause polling of this gateway; ages keep ticking (Ctrl+Shift+P)</source>
        <translation>Abfragen dieses Gateways pausieren; die Alter laufen weiter (Strg+Umschalt+P)</translation>
    </message>
    <message>
        <source>Nothing to copy: select a group first.</source>
        <translation>Nichts zu kopieren: zuerst eine Gruppe wählen.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n grouping key(s).</source>
        <translation>
            <numerusform>%n Gruppierungsschlüssel kopiert.</numerusform>
            <numerusform>%n Gruppierungsschlüssel kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy &amp;Rows</source>
        <translation>&amp;Zeilen kopieren</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s) as tab-separated text.</source>
        <translation>
            <numerusform>%n Zeile als tabulatorgetrennten Text kopiert.</numerusform>
            <numerusform>%n Zeilen als tabulatorgetrennten Text kopiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n curl delete command(s).</source>
        <translation>
            <numerusform>%n curl-Löschbefehl kopiert.</numerusform>
            <numerusform>%n curl-Löschbefehle kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copied the exposition text of %1.</source>
        <translation>Den Expositionstext von %1 kopiert.</translation>
    </message>
    <message>
        <source>E&amp;xport Shown Groups…</source>
        <translation>Gezeigte Gruppen e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Write the groups the filter shows as CSV or JSON Lines</source>
        <translation>Die Gruppen, die der Filter zeigt, als CSV oder JSON Lines schreiben</translation>
    </message>
    <message>
        <source>Desktop &amp;Notifications</source>
        <translation>Desktop-&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <source>A desktop notification when groups turn stale or a push fails (at most one a minute per gateway); clicking it shows the groups</source>
        <translation>Eine Desktop-Benachrichtigung, wenn Gruppen veralten oder ein Push fehlschlägt (höchstens eine pro Minute und Gateway); ein Klick darauf zeigt die Gruppen</translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation>Gateway-URL</translation>
    </message>
    <message>
        <source>Refresh interval</source>
        <translation>Aktualisierungsintervall</translation>
    </message>
    <message>
        <source>Filter: text, or a selector like {job=~&quot;nightly.*&quot;}  ( / )</source>
        <translation>Filter: Text oder ein Selektor wie {job=~&quot;nightly.*&quot;}  ( / )</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Text contained in the grouping key, or a label selector starting with {. Enter moves to the table, Escape clears the filter.</source>
        <translation>Text im Gruppierungsschlüssel oder ein Label-Selektor, der mit { beginnt. Eingabe wechselt zur Tabelle, Esc leert den Filter.</translation>
    </message>
    <message>
        <source>State filter</source>
        <translation>Zustandsfilter</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About PushDeck</source>
        <translation>Über &amp;PushDeck</translation>
    </message>
    <message>
        <source>About PushDeck</source>
        <translation>Über PushDeck</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>No gateway is open.</source>
        <translation>Kein Gateway ist offen.</translation>
    </message>
    <message>
        <source>%1: Pushgateway %2 (revision %3, %4)</source>
        <translation>%1: Pushgateway %2 (Revision %3, %4)</translation>
    </message>
    <message>
        <source>%1: version not read yet</source>
        <translation>%1: Version noch nicht gelesen</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PushDeck %1&lt;/h3&gt;&lt;p&gt;A dashboard for the Prometheus Pushgateway: every group with its exact grouping key, last-push age and staleness, and safe, previewed clean-up.&lt;/p&gt;&lt;p&gt;Qt %2 (built with %3)&lt;br&gt;%4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PushDeck %1&lt;/h3&gt;&lt;p&gt;Ein Dashboard für das Prometheus Pushgateway: jede Gruppe mit ihrem genauen Gruppierungsschlüssel, dem Alter des letzten Pushs und ihrer Aktualität, und sicheres Aufräumen mit Vorschau.&lt;/p&gt;&lt;p&gt;Qt %2 (gebaut mit %3)&lt;br&gt;%4&lt;/p&gt;</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <source>In the filter: go to the table</source>
        <translation>Im Filter: zur Tabelle wechseln</translation>
    </message>
    <message>
        <source>In the filter: clear it</source>
        <translation>Im Filter: ihn leeren</translation>
    </message>
    <message>
        <source>Next and previous control</source>
        <translation>Nächstes und vorheriges Bedienelement</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Umschalt+Tab</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Open a gateway tab to export its groups.</source>
        <translation>Einen Gateway-Reiter öffnen, um seine Gruppen zu exportieren.</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export the shown groups</source>
        <translation>Die gezeigten Gruppen exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n group(s) to %1.</source>
        <translation>
            <numerusform>%n Gruppe nach %1 exportiert.</numerusform>
            <numerusform>%n Gruppen nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>URL to open in a new tab, then Enter</source>
        <translation>URL, die in einem neuen Reiter geöffnet wird, dann Eingabe</translation>
    </message>
    <message>
        <source>Type the gateway URL and press Enter to open it in a new tab (Escape cancels).</source>
        <translation>Die Gateway-URL eingeben und Eingabe drücken, um sie in einem neuen Reiter zu öffnen (Esc bricht ab).</translation>
    </message>
    <message>
        <source>The demo&apos;s rules: changes apply to this run and are not saved.</source>
        <translation>Die Regeln der Demo: Änderungen gelten für diesen Lauf und werden nicht gespeichert.</translation>
    </message>
    <message>
        <source>Ages</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Pushes</source>
        <translation>Pushs</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Pitfalls</source>
        <translation>Stolperfallen</translation>
    </message>
    <message>
        <source>Pitfalls and lint</source>
        <translation>Stolperfallen und Prüfung</translation>
    </message>
    <message>
        <source>&amp;Presenter Mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>Larger fonts; only the Pitfalls panel and the groups table</source>
        <translation>Größere Schriften; nur das Stolperfallen-Panel und die Gruppentabelle</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>The gateway of that notification is no longer open.</source>
        <translation>Das Gateway dieser Benachrichtigung ist nicht mehr offen.</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) from the notification selected.</source>
        <translation>
            <numerusform>%n Gruppe aus der Benachrichtigung gewählt.</numerusform>
            <numerusform>%n Gruppen aus der Benachrichtigung gewählt.</numerusform>
        </translation>
    </message>
    <message>
        <source>all groups, not only those the filter shows</source>
        <translation>alle Gruppen, nicht nur die, die der Filter zeigt</translation>
    </message>
    <message>
        <source>Invalid selector, the last valid filter still applies: %1</source>
        <translation>Ungültiger Selektor, der letzte gültige Filter gilt weiter: %1</translation>
    </message>
</context>
<context>
    <name>PushDeck::OperationKeyTable</name>
    <message>
        <source>Grouping key</source>
        <translation>Gruppierungsschlüssel</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Still present</source>
        <translation>Noch vorhanden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Nicht gesendet</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>Unbestätigt</translation>
    </message>
    <message>
        <source>never pushed</source>
        <translation>nie gepusht</translation>
    </message>
    <message>
        <source>last successful push %1</source>
        <translation>letzter erfolgreicher Push %1</translation>
    </message>
    <message>
        <source>dry run: would be deleted</source>
        <translation>Probelauf: würde gelöscht</translation>
    </message>
    <message>
        <source>still on the gateway</source>
        <translation>noch auf dem Gateway</translation>
    </message>
    <message>
        <source>no longer on the gateway (removed by someone else)</source>
        <translation>nicht mehr auf dem Gateway (von jemand anderem entfernt)</translation>
    </message>
    <message>
        <source>verified gone</source>
        <translation>Fehlen bestätigt</translation>
    </message>
    <message>
        <source>Changed since preview</source>
        <translation>Seit der Vorschau geändert</translation>
    </message>
</context>
<context>
    <name>PushDeck::OperationsController</name>
    <message>
        <source>Read-only mode: PushDeck does not change the gateway. Turn read-only mode off in the settings (or start without --read-only) to use this.</source>
        <translation>Schreibschutz: PushDeck ändert das Gateway nicht. Den Schreibschutz in den Einstellungen ausschalten (oder ohne --read-only starten), um dies zu verwenden.</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Delete the selected groups (exactly their keys), after a confirmation that lists them</source>
        <translation>Die gewählten Gruppen löschen (genau ihre Schlüssel), nach einer Bestätigung, die sie auflistet</translation>
    </message>
    <message>
        <source>&amp;Bulk delete by matcher…</source>
        <translation>&amp;Massenlöschung per Matcher…</translation>
    </message>
    <message>
        <source>Delete every group whose key matches a label matcher, with a preview and a dry run</source>
        <translation>Jede Gruppe löschen, deren Schlüssel auf einen Label-Matcher passt, mit Vorschau und Probelauf</translation>
    </message>
    <message>
        <source>&amp;Prune stale…</source>
        <translation>Veraltete &amp;aufräumen…</translation>
    </message>
    <message>
        <source>Delete groups by staleness state or age, with a preview</source>
        <translation>Gruppen nach Aktualitätszustand oder Alter löschen, mit Vorschau</translation>
    </message>
    <message>
        <source>&amp;Wipe gateway…</source>
        <translation>&amp;Gateway leeren…</translation>
    </message>
    <message>
        <source>Delete every group through the admin API, after typing the gateway&apos;s address</source>
        <translation>Jede Gruppe über die Admin-API löschen, nachdem die Adresse des Gateways eingetippt wurde</translation>
    </message>
    <message>
        <source>P&amp;ush new group…</source>
        <translation>Neue Gruppe p&amp;ushen…</translation>
    </message>
    <message>
        <source>Push exposition text to a grouping key, validated before sending</source>
        <translation>Expositionstext an einen Gruppierungsschlüssel pushen, vor dem Senden geprüft</translation>
    </message>
    <message>
        <source>&amp;Re-push…</source>
        <translation>&amp;Erneut pushen…</translation>
    </message>
    <message>
        <source>Touch, move, edit or copy the selected group</source>
        <translation>Die gewählte Gruppe auffrischen, verschieben, bearbeiten oder kopieren</translation>
    </message>
    <message>
        <source>&amp;Undo last change</source>
        <translation>Letzte Änderung &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>Push back the groups saved before the last destructive action</source>
        <translation>Die vor der letzten zerstörenden Aktion gesicherten Gruppen zurückpushen</translation>
    </message>
    <message>
        <source>&amp;Export snapshot…</source>
        <translation>Schnappschuss e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save an undo snapshot to a file</source>
        <translation>Einen Schnappschuss zum Rückgängigmachen in eine Datei speichern</translation>
    </message>
    <message>
        <source>&amp;Import snapshot…</source>
        <translation>Schnappschuss &amp;importieren…</translation>
    </message>
    <message>
        <source>Add a snapshot file to the undo snapshots (and restore it if you like)</source>
        <translation>Eine Schnappschussdatei zu den Schnappschüssen hinzufügen (und auf Wunsch wiederherstellen)</translation>
    </message>
    <message>
        <source>&amp;Audit log</source>
        <translation>&amp;Prüfprotokoll</translation>
    </message>
    <message>
        <source>Every change PushDeck made, with its outcome</source>
        <translation>Jede Änderung, die PushDeck vorgenommen hat, mit ihrem Ergebnis</translation>
    </message>
    <message>
        <source>No gateway is open.</source>
        <translation>Kein Gateway ist offen.</translation>
    </message>
    <message>
        <source>Another operation is running.</source>
        <translation>Eine andere Operation läuft.</translation>
    </message>
    <message>
        <source>Select one or more groups first.</source>
        <translation>Zuerst eine oder mehrere Gruppen wählen.</translation>
    </message>
    <message>
        <source>The gateway&apos;s admin API is off (it must be started with --web.enable-admin-api).</source>
        <translation>Die Admin-API des Gateways ist aus (es muss mit --web.enable-admin-api gestartet werden).</translation>
    </message>
    <message>
        <source>Select exactly one group.</source>
        <translation>Genau eine Gruppe wählen.</translation>
    </message>
    <message>
        <source>Last snapshot: before &quot;%1&quot; at %2</source>
        <translation>Letzter Schnappschuss: vor „%1“ um %2</translation>
    </message>
    <message>
        <source>There is no undo snapshot yet.</source>
        <translation>Es gibt noch keinen Schnappschuss zum Rückgängigmachen.</translation>
    </message>
    <message>
        <source>There is no snapshot yet.</source>
        <translation>Es gibt noch keinen Schnappschuss.</translation>
    </message>
    <message>
        <source>Select one or more groups to delete.</source>
        <translation>Eine oder mehrere Gruppen zum Löschen wählen.</translation>
    </message>
    <message>
        <source>Wipe needs the gateway&apos;s admin API (--web.enable-admin-api).</source>
        <translation>Leeren braucht die Admin-API des Gateways (--web.enable-admin-api).</translation>
    </message>
    <message>
        <source>Select exactly one group to re-push.</source>
        <translation>Genau eine Gruppe zum erneuten Pushen wählen.</translation>
    </message>
    <message>
        <source>Cannot undo: %1</source>
        <translation>Rückgängigmachen nicht möglich: %1</translation>
    </message>
    <message numerus="yes">
        <source>Restore %n group(s) saved before &quot;%1&quot; at %2?</source>
        <translation>
            <numerusform>%n Gruppe wiederherstellen, die vor „%1“ um %2 gesichert wurde?</numerusform>
            <numerusform>%n Gruppen wiederherstellen, die vor „%1“ um %2 gesichert wurden?</numerusform>
        </translation>
    </message>
    <message>
        <source>Each group is pushed back with PUT to its own key; a group that exists now is replaced by the saved content.</source>
        <translation>Jede Gruppe wird mit PUT an ihren eigenen Schlüssel zurückgepusht; eine jetzt vorhandene Gruppe wird durch den gesicherten Inhalt ersetzt.</translation>
    </message>
    <message>
        <source>Their push time will be the time of this undo, not the original push time: dashboards and alerts will see them as freshly pushed.</source>
        <translation>Ihre Push-Zeit wird die Zeit dieses Rückgängigmachens sein, nicht die ursprüngliche: Dashboards und Alarme sehen sie als frisch gepusht.</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) created by that action will be deleted: %1</source>
        <translation>
            <numerusform>%n von jener Aktion angelegte Gruppe wird gelöscht: %1</numerusform>
            <numerusform>%n von jener Aktion angelegte Gruppen werden gelöscht: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Note: the snapshot was taken on %1, but it will be restored to %2.</source>
        <translation>Hinweis: der Schnappschuss stammt von %1, wird aber auf %2 wiederhergestellt.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>Restoring %n group(s)…</source>
        <translation>
            <numerusform>Stelle %n Gruppe wieder her…</numerusform>
            <numerusform>Stelle %n Gruppen wieder her…</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo failed: %1</source>
        <translation>Rückgängigmachen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Imported %1 into the undo snapshots.</source>
        <translation>%1 in die Schnappschüsse importiert.</translation>
    </message>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>%1 kann nicht importiert werden: %2</translation>
    </message>
    <message>
        <source>There is no snapshot to export.</source>
        <translation>Es gibt keinen Schnappschuss zum Exportieren.</translation>
    </message>
    <message>
        <source>%1 — before &quot;%2&quot; (%3 KB)</source>
        <translation>%1 — vor „%2“ (%3 KB)</translation>
    </message>
    <message>
        <source>Export snapshot</source>
        <translation>Schnappschuss exportieren</translation>
    </message>
    <message>
        <source>Snapshot (newest first):</source>
        <translation>Schnappschuss (neueste zuerst):</translation>
    </message>
    <message>
        <source>PushDeck snapshots (*.json);;All files (*)</source>
        <translation>PushDeck-Schnappschüsse (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Exported the snapshot to %1.</source>
        <translation>Den Schnappschuss nach %1 exportiert.</translation>
    </message>
    <message>
        <source>Import snapshot</source>
        <translation>Schnappschuss importieren</translation>
    </message>
    <message>
        <source>Nothing to undo: there are no snapshots of this gateway in %1.</source>
        <translation>Nichts rückgängig zu machen: in %1 gibt es keine Schnappschüsse dieses Gateways.</translation>
    </message>
    <message>
        <source>%1 (pushed %2)</source>
        <translation>%1 (gepusht %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) exist on the gateway now and will be replaced by the saved content (what was pushed to them since is lost): %1</source>
        <translation>
            <numerusform>%n Gruppe existiert jetzt auf dem Gateway und wird durch den gespeicherten Inhalt ersetzt (was seitdem an sie gepusht wurde, geht verloren): %1</numerusform>
            <numerusform>%n Gruppen existieren jetzt auf dem Gateway und werden durch den gespeicherten Inhalt ersetzt (was seitdem an sie gepusht wurde, geht verloren): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) had a failed last push when saved and are restored in that state.</source>
        <translation>
            <numerusform>%n Gruppe hatte beim Speichern einen fehlgeschlagenen letzten Push und wird in diesem Zustand wiederhergestellt.</numerusform>
            <numerusform>%n Gruppen hatten beim Speichern einen fehlgeschlagenen letzten Push und werden in diesem Zustand wiederhergestellt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PushDeck::PitfallsPanel</name>
    <message>
        <source>Pitfalls, live on the demo gateway</source>
        <translation>Stolperfallen, live auf dem Demo-Gateway</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Undo this scenario&apos;s changes to the gateway and start it over</source>
        <translation>Die Änderungen dieses Szenarios am Gateway rückgängig machen und neu beginnen</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbeite…</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Press Start: each step acts on the demo gateway and shows the result here.</source>
        <translation>Start drücken: jeder Schritt wirkt auf das Demo-Gateway und zeigt hier das Ergebnis.</translation>
    </message>
    <message>
        <source>Lint: anti-patterns on this gateway</source>
        <translation>Prüfung: Anti-Muster auf diesem Gateway</translation>
    </message>
    <message>
        <source>Select a finding to see why it matters and how to fix it.</source>
        <translation>Einen Befund wählen, um zu sehen, warum er wichtig ist und wie man ihn behebt.</translation>
    </message>
    <message>
        <source>Introduction — %1 steps</source>
        <translation>Einführung — %1 Schritte</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <source>Recommended fix</source>
        <translation>Empfohlene Abhilfe</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>No gateway</source>
        <translation>Kein Gateway</translation>
    </message>
    <message>
        <source>No findings in 1 group.</source>
        <translation>Keine Befunde in 1 Gruppe.</translation>
    </message>
    <message>
        <source>No findings in %1 groups.</source>
        <translation>Keine Befunde in %1 Gruppen.</translation>
    </message>
    <message>
        <source>1 group checked</source>
        <translation>1 Gruppe geprüft</translation>
    </message>
    <message>
        <source>%1 groups checked</source>
        <translation>%1 Gruppen geprüft</translation>
    </message>
    <message>
        <source>What Prometheus sees</source>
        <translation>Was Prometheus sieht</translation>
    </message>
    <message>
        <source>Prometheus %1, scraping the gateway every %2 s</source>
        <translation>Prometheus %1, scrapt das Gateway alle %2 s</translation>
    </message>
    <message>
        <source>Waiting for the step to finish on the gateway and show in the table…</source>
        <translation>Warte, bis der Schritt auf dem Gateway fertig ist und in der Tabelle erscheint…</translation>
    </message>
    <message>
        <source>Visible in the table, this panel and Prometheus.</source>
        <translation>Sichtbar in der Tabelle, diesem Panel und Prometheus.</translation>
    </message>
    <message>
        <source>Visible in the table and this panel.</source>
        <translation>Sichtbar in der Tabelle und diesem Panel.</translation>
    </message>
</context>
<context>
    <name>PushDeck::ProfileOpener</name>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <source>Connection profiles: URL, authentication, TLS certificates</source>
        <translation>Verbindungsprofile: URL, Authentifizierung, TLS-Zertifikate</translation>
    </message>
    <message>
        <source>Open C&amp;onnection</source>
        <translation>&amp;Verbindung öffnen</translation>
    </message>
    <message>
        <source>No profiles yet</source>
        <translation>Noch keine Profile</translation>
    </message>
    <message>
        <source>Credentials over plain http</source>
        <translation>Zugangsdaten über unverschlüsseltes http</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; sends its %2 to %3 over plain http: anyone on the network can read them.

Send them anyway? (You will not be asked again for this profile.)</source>
        <translation>Das Profil „%1“ sendet %2 über unverschlüsseltes http an %3: jeder im Netz kann sie lesen.

Trotzdem senden? (Für dieses Profil wird nicht noch einmal gefragt.)</translation>
    </message>
    <message>
        <source>user name and password</source>
        <translation>Benutzername und Passwort</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Secret for %1</source>
        <translation>Geheimnis für %1</translation>
    </message>
    <message>
        <source>%1

Type the %2 for &quot;%3&quot;; it is kept for this session only:</source>
        <translation>%1

%2 für „%3“ eingeben; es wird nur für diese Sitzung behalten:</translation>
    </message>
    <message>
        <source>password of %1</source>
        <translation>Passwort von %1</translation>
    </message>
    <message>
        <source>profile &quot;%1&quot;: %2</source>
        <translation>Profil „%1“: %2</translation>
    </message>
    <message>
        <source>Not opened: &quot;%1&quot; would send credentials over plain http</source>
        <translation>Nicht geöffnet: „%1“ würde Zugangsdaten über unverschlüsseltes http senden</translation>
    </message>
    <message>
        <source>Reading the secret of &quot;%1&quot; from the system keyring…</source>
        <translation>Lese das Geheimnis von „%1“ aus dem System-Schlüsselbund…</translation>
    </message>
    <message>
        <source>Not opened: no secret for &quot;%1&quot; (%2)</source>
        <translation>Nicht geöffnet: kein Geheimnis für „%1“ (%2)</translation>
    </message>
    <message>
        <source>Cannot open &quot;%1&quot;</source>
        <translation>„%1“ kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 — TLS certificate NOT verified (skip verification is on)</source>
        <translation>%1 — TLS-Zertifikat NICHT geprüft (Prüfung überspringen ist an)</translation>
    </message>
    <message>
        <source>⚠ TLS certificate not verified</source>
        <translation>⚠ TLS-Zertifikat nicht geprüft</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; skips TLS certificate verification: anyone between you and the gateway can read the credentials and fake its answers.</source>
        <translation>Das Profil „%1“ überspringt die TLS-Zertifikatsprüfung: jeder zwischen Ihnen und dem Gateway kann die Zugangsdaten lesen und seine Antworten fälschen.</translation>
    </message>
</context>
<context>
    <name>PushDeck::PrometheusChartView</name>
    <message>
        <source>up / present</source>
        <translation>up / vorhanden</translation>
    </message>
</context>
<context>
    <name>PushDeck::PrometheusQuery</name>
    <message>
        <source>Prometheus answered with something that is not JSON: %1</source>
        <translation>Prometheus antwortete mit etwas, das kein JSON ist: %1</translation>
    </message>
    <message>
        <source>Prometheus: %1 (%2)</source>
        <translation>Prometheus: %1 (%2)</translation>
    </message>
    <message>
        <source>Prometheus answered with a result of type &quot;%1&quot;</source>
        <translation>Prometheus antwortete mit einem Ergebnis vom Typ „%1“</translation>
    </message>
    <message>
        <source>no Prometheus to ask</source>
        <translation>kein Prometheus zum Fragen</translation>
    </message>
    <message>
        <source>Prometheus at %1: %2</source>
        <translation>Prometheus auf %1: %2</translation>
    </message>
</context>
<context>
    <name>PushDeck::PruneWizard</name>
    <message>
        <source>Prune stale groups</source>
        <translation>Veraltete Gruppen aufräumen</translation>
    </message>
    <message>
        <source>Which groups?</source>
        <translation>Welche Gruppen?</translation>
    </message>
    <message>
        <source>Nothing is deleted before you have seen the exact list and confirmed it.</source>
        <translation>Nichts wird gelöscht, bevor Sie die genaue Liste gesehen und bestätigt haben.</translation>
    </message>
    <message>
        <source>Choose the groups to prune on %1. States are judged by the current staleness rules; the age is the time since the last successful push.</source>
        <translation>Die Gruppen wählen, die auf %1 aufgeräumt werden. Zustände werden nach den aktuellen Aktualitätsregeln beurteilt; das Alter ist die Zeit seit dem letzten erfolgreichen Push.</translation>
    </message>
    <message>
        <source>Staleness state is one of</source>
        <translation>Aktualitätszustand ist einer von</translation>
    </message>
    <message>
        <source>e.g. 7d, 12h, 1h30m (empty: no age criterion)</source>
        <translation>z. B. 7d, 12h, 1h30m (leer: kein Alterskriterium)</translation>
    </message>
    <message>
        <source>A Prometheus duration: ms s m h d w y, combined largest first</source>
        <translation>Eine Prometheus-Dauer: ms s m h d w y, kombiniert mit der größten Einheit zuerst</translation>
    </message>
    <message>
        <source>Minimum age:</source>
        <translation>Mindestalter:</translation>
    </message>
    <message>
        <source>state and age must both hold</source>
        <translation>Zustand und Alter müssen beide zutreffen</translation>
    </message>
    <message>
        <source>either is enough</source>
        <translation>eines genügt</translation>
    </message>
    <message>
        <source>Combine:</source>
        <translation>Verknüpfen:</translation>
    </message>
    <message>
        <source>optional, e.g. {job=~&quot;batch-.*&quot;}</source>
        <translation>optional, z. B. {job=~&quot;batch-.*&quot;}</translation>
    </message>
    <message>
        <source>Only groups whose key matches are pruned (always combined with the criteria above)</source>
        <translation>Nur Gruppen mit passendem Schlüssel werden aufgeräumt (immer zusammen mit den Kriterien oben)</translation>
    </message>
    <message>
        <source>Only keys matching:</source>
        <translation>Nur passende Schlüssel:</translation>
    </message>
    <message>
        <source>These groups would be deleted</source>
        <translation>Diese Gruppen würden gelöscht</translation>
    </message>
    <message>
        <source>Exactly these grouping keys; nothing else is touched, also if the gateway changes while the delete runs.</source>
        <translation>Genau diese Gruppierungsschlüssel; nichts anderes wird berührt, auch wenn sich das Gateway während des Löschens ändert.</translation>
    </message>
    <message>
        <source>Re-read gateway</source>
        <translation>Gateway neu lesen</translation>
    </message>
    <message>
        <source>Read the groups from the gateway now, so the preview is current</source>
        <translation>Die Gruppen jetzt vom Gateway lesen, damit die Vorschau aktuell ist</translation>
    </message>
    <message>
        <source>Dry run: show what would be deleted and send nothing</source>
        <translation>Probelauf: zeigen, was gelöscht würde, und nichts senden</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Pruning</source>
        <translation>Räume auf</translation>
    </message>
    <message>
        <source>Dry run finished</source>
        <translation>Probelauf beendet</translation>
    </message>
    <message>
        <source>Pruning finished</source>
        <translation>Aufräumen beendet</translation>
    </message>
    <message>
        <source>Minimum age: %1</source>
        <translation>Mindestalter: %1</translation>
    </message>
    <message>
        <source>Minimum age: must be longer than 0s</source>
        <translation>Mindestalter: muss länger als 0s sein</translation>
    </message>
    <message>
        <source>Matcher: %1</source>
        <translation>Matcher: %1</translation>
    </message>
    <message>
        <source>Choose at least one state or a minimum age. (A matcher alone is a bulk delete: use &quot;Bulk delete by matcher&quot; for that.)</source>
        <translation>Mindestens einen Zustand oder ein Mindestalter wählen. (Ein Matcher allein ist eine Massenlöschung: dafür „Massenlöschung per Matcher“ verwenden.)</translation>
    </message>
    <message numerus="yes">
        <source>Selects %1 of %n group(s): %2</source>
        <translation>
            <numerusform>Wählt %1 von %n Gruppe: %2</numerusform>
            <numerusform>Wählt %1 von %n Gruppen: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Minimum age %1 = %2 seconds.</source>
        <translation>Mindestalter %1 = %2 Sekunden.</translation>
    </message>
    <message>
        <source>Matcher:</source>
        <translation>Matcher:</translation>
    </message>
    <message>
        <source>No group meets %1 (groups as of %2). Nothing to prune.</source>
        <translation>Keine Gruppe erfüllt %1 (Gruppen mit Stand %2). Nichts aufzuräumen.</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s), oldest first, meet %1 (groups as of %2).</source>
        <translation>
            <numerusform>%n Gruppe erfüllt %1 (Gruppen mit Stand %2).</numerusform>
            <numerusform>%n Gruppen, die älteste zuerst, erfüllen %1 (Gruppen mit Stand %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the gateway…</source>
        <translation>Lese das Gateway…</translation>
    </message>
    <message>
        <source>Could not read the gateway: %1</source>
        <translation>Das Gateway konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;Dry run&lt;/b&gt; over the %n previewed group(s) on %1: nothing is sent, the report shows what would be deleted.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;Probelauf&lt;/b&gt; über die %n geprüfte Gruppe auf %1: nichts wird gesendet, der Bericht zeigt, was gelöscht würde.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;Probelauf&lt;/b&gt; über die %n geprüften Gruppen auf %1: nichts wird gesendet, der Bericht zeigt, was gelöscht würde.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Run dry run</source>
        <translation>Probelauf starten</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;Delete %n group(s)&lt;/b&gt; from %1.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;%n Gruppe&lt;/b&gt; von %1 &lt;b&gt;löschen&lt;/b&gt;.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;%n Gruppen&lt;/b&gt; von %1 &lt;b&gt;löschen&lt;/b&gt;.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;An undo snapshot of their exact content is written first; Undo (Ctrl+Z) pushes them back, with the time of the undo as their push time.&lt;/p&gt;&lt;p&gt;After sending, the gateway is read back and every key is reported as deleted, still present, failed or not sent.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Zuerst wird ein Schnappschuss ihres genauen Inhalts geschrieben; Rückgängig (Strg+Z) pusht sie zurück, mit der Zeit des Rückgängigmachens als Push-Zeit.&lt;/p&gt;&lt;p&gt;Nach dem Senden wird das Gateway zurückgelesen, und jeder Schlüssel wird als gelöscht, noch vorhanden, fehlgeschlagen oder nicht gesendet gemeldet.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n group(s)</source>
        <translation>
            <numerusform>%n Gruppe löschen</numerusform>
            <numerusform>%n Gruppen löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Selected by: &lt;code&gt;%1&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Gewählt durch: &lt;code&gt;%1&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The last step before anything is sent. Back returns to the list.</source>
        <translation>Der letzte Schritt, bevor etwas gesendet wird. Zurück führt zur Liste.</translation>
    </message>
    <message>
        <source>Deleting exactly the previewed groups, then reading the gateway back to check each one.</source>
        <translation>Lösche genau die geprüften Gruppen und lese dann das Gateway zurück, um jede einzelne zu prüfen.</translation>
    </message>
</context>
<context>
    <name>PushDeck::PushDialog</name>
    <message>
        <source>Push a group</source>
        <translation>Eine Gruppe pushen</translation>
    </message>
    <message>
        <source>Replace the group (PUT)</source>
        <translation>Die Gruppe ersetzen (PUT)</translation>
    </message>
    <message>
        <source>The group afterwards holds exactly the families in the text</source>
        <translation>Die Gruppe enthält danach genau die Familien im Text</translation>
    </message>
    <message>
        <source>Merge into the group (POST)</source>
        <translation>In die Gruppe einfügen (POST)</translation>
    </message>
    <message>
        <source>Families in the text replace those of the same name; other families stay</source>
        <translation>Familien im Text ersetzen die gleichnamigen; andere Familien bleiben</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>Grouping key:</source>
        <translation>Gruppierungsschlüssel:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Metrics (text exposition format; no timestamps, the gateway rejects them):</source>
        <translation>Metriken (Text-Expositionsformat; keine Zeitstempel, das Gateway lehnt sie ab):</translation>
    </message>
    <message>
        <source>This group exists: PUT replaces all its families with the text. Its current content is saved for undo first.</source>
        <translation>Diese Gruppe existiert: PUT ersetzt alle ihre Familien durch den Text. Ihr aktueller Inhalt wird vorher zum Rückgängigmachen gesichert.</translation>
    </message>
    <message>
        <source>This group exists: POST replaces only the families named in the text. Its current content is saved for undo first.</source>
        <translation>Diese Gruppe existiert: POST ersetzt nur die im Text genannten Familien. Ihr aktueller Inhalt wird vorher zum Rückgängigmachen gesichert.</translation>
    </message>
    <message>
        <source>Push (PUT)</source>
        <translation>Pushen (PUT)</translation>
    </message>
    <message>
        <source>Push (POST)</source>
        <translation>Pushen (POST)</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Not sent: the text has no metric families.</source>
        <translation>Nicht gesendet: der Text hat keine Metrikfamilien.</translation>
    </message>
    <message>
        <source>Pushing to %1 and reading it back…</source>
        <translation>Pushe an %1 und lese zurück…</translation>
    </message>
    <message>
        <source>The gateway accepted it but stores it differently from the text (see above).</source>
        <translation>Das Gateway hat es angenommen, speichert es aber anders als der Text (siehe oben).</translation>
    </message>
    <message>
        <source>Not pushed: %1</source>
        <translation>Nicht gepusht: %1</translation>
    </message>
    <message>
        <source>Rejected by the gateway, nothing was changed:
%1</source>
        <translation>Vom Gateway abgelehnt, nichts wurde geändert:
%1</translation>
    </message>
</context>
<context>
    <name>PushDeck::PushTimelineView</name>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>Failed push</source>
        <translation>Fehlgeschlagener Push</translation>
    </message>
    <message>
        <source>No pushes seen in the last %1</source>
        <translation>Keine Pushs in den letzten %1 gesehen</translation>
    </message>
    <message>
        <source>Pushes seen in the last %1</source>
        <translation>Pushs in den letzten %1</translation>
    </message>
    <message>
        <source> – older pushes dropped to save memory</source>
        <translation> – ältere Pushs verworfen, um Speicher zu sparen</translation>
    </message>
    <message>
        <source> (1 more job not shown)</source>
        <translation> (1 weiterer Job nicht gezeigt)</translation>
    </message>
    <message>
        <source> (%1 more jobs not shown)</source>
        <translation> (%1 weitere Jobs nicht gezeigt)</translation>
    </message>
    <message>
        <source>hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 Stunden</translation>
    </message>
    <message>
        <source>minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <source>Push timeline chart</source>
        <translation>Diagramm der Push-Zeitleiste</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Pushes</source>
        <translation>Pushs</translation>
    </message>
    <message>
        <source>Failed pushes</source>
        <translation>Fehlgeschlagene Pushs</translation>
    </message>
    <message>
        <source>Last push</source>
        <translation>Letzter Push</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>PushDeck::RawHttpConnection</name>
    <message>
        <source>%1: no complete answer within %2 s</source>
        <translation>%1: keine vollständige Antwort innerhalb von %2 s</translation>
    </message>
    <message>
        <source>the connection was closed before the answer was complete</source>
        <translation>die Verbindung wurde geschlossen, bevor die Antwort vollständig war</translation>
    </message>
    <message>
        <source>malformed HTTP answer</source>
        <translation>fehlerhafte HTTP-Antwort</translation>
    </message>
    <message>
        <source>not an HTTP answer</source>
        <translation>keine HTTP-Antwort</translation>
    </message>
</context>
<context>
    <name>PushDeck::RePushDialog</name>
    <message>
        <source>Re-push %1</source>
        <translation>%1 erneut pushen</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;&lt;code&gt;%1&lt;/code&gt;&lt;/b&gt;&lt;br&gt;last successful push %2 · %n family(ies)</source>
        <translation>
            <numerusform>&lt;b&gt;&lt;code&gt;%1&lt;/code&gt;&lt;/b&gt;&lt;br&gt;letzter erfolgreicher Push %2 · %n Familie</numerusform>
            <numerusform>&lt;b&gt;&lt;code&gt;%1&lt;/code&gt;&lt;/b&gt;&lt;br&gt;letzter erfolgreicher Push %2 · %n Familien</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n series</source>
        <translation>
            <numerusform>, %n Serie</numerusform>
            <numerusform>, %n Serien</numerusform>
        </translation>
    </message>
    <message>
        <source>Touch</source>
        <translation>Auffrischen</translation>
    </message>
    <message>
        <source>Move to another key</source>
        <translation>Zu einem anderen Schlüssel verschieben</translation>
    </message>
    <message>
        <source>Edit and push</source>
        <translation>Bearbeiten und pushen</translation>
    </message>
    <message>
        <source>Copy to another gateway</source>
        <translation>Auf ein anderes Gateway kopieren</translation>
    </message>
    <message>
        <source>&lt;p&gt;Touch sends an empty POST: only the group&apos;s push time (&lt;code&gt;push_time_seconds&lt;/code&gt;) changes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Warning:&lt;/b&gt; this makes stale data look fresh. Every dashboard and alert that watches the push time will believe the job just ran, while the values are as old as they were. Touch only when you know the data is still right — for example after a planned pause of the job.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Auffrischen sendet ein leeres POST: nur die Push-Zeit der Gruppe (&lt;code&gt;push_time_seconds&lt;/code&gt;) ändert sich.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Achtung:&lt;/b&gt; so sehen veraltete Daten frisch aus. Jedes Dashboard und jeder Alarm, der die Push-Zeit beobachtet, glaubt, der Job sei gerade gelaufen, während die Werte so alt sind wie vorher. Nur auffrischen, wenn die Daten sicher noch stimmen — etwa nach einer geplanten Pause des Jobs.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Replace the target group if it exists (its content is saved for undo)</source>
        <translation>Die Zielgruppe ersetzen, falls sie existiert (ihr Inhalt wird zum Rückgängigmachen gesichert)</translation>
    </message>
    <message>
        <source>New grouping key:</source>
        <translation>Neuer Gruppierungsschlüssel:</translation>
    </message>
    <message>
        <source>The group&apos;s families are pushed to the new key (the key labels replaced), read back and compared; only when they match is the old group deleted and checked gone. If anything fails, nothing is deleted. The moved group&apos;s push time is the time of the move.</source>
        <translation>Die Familien der Gruppe werden an den neuen Schlüssel gepusht (mit ersetzten Schlüssel-Labels), zurückgelesen und verglichen; nur wenn sie übereinstimmen, wird die alte Gruppe gelöscht und ihr Fehlen geprüft. Schlägt etwas fehl, wird nichts gelöscht. Die Push-Zeit der verschobenen Gruppe ist die Zeit des Verschiebens.</translation>
    </message>
    <message>
        <source>New content (without the key labels):</source>
        <translation>Neuer Inhalt (ohne die Schlüssel-Labels):</translation>
    </message>
    <message>
        <source>Changes against the current content:</source>
        <translation>Änderungen gegenüber dem aktuellen Inhalt:</translation>
    </message>
    <message>
        <source>Replace the group (PUT)</source>
        <translation>Die Gruppe ersetzen (PUT)</translation>
    </message>
    <message>
        <source>Merge (POST: only the families in the text)</source>
        <translation>Einfügen (POST: nur die Familien im Text)</translation>
    </message>
    <message>
        <source>Replace the group on the target if it exists</source>
        <translation>Die Gruppe auf dem Ziel ersetzen, falls sie existiert</translation>
    </message>
    <message>
        <source>Target gateway:</source>
        <translation>Ziel-Gateway:</translation>
    </message>
    <message>
        <source>Key on the target:</source>
        <translation>Schlüssel auf dem Ziel:</translation>
    </message>
    <message>
        <source>The group&apos;s families are pushed to the other gateway and read back there. This gateway is not changed.</source>
        <translation>Die Familien der Gruppe werden an das andere Gateway gepusht und dort zurückgelesen. Dieses Gateway wird nicht verändert.</translation>
    </message>
    <message>
        <source>That is this gateway and this key: the group itself. Use &quot;Move&quot; for another key on this gateway.</source>
        <translation>Das ist dieses Gateway mit diesem Schlüssel: die Gruppe selbst. Für einen anderen Schlüssel auf diesem Gateway „Verschieben“ verwenden.</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Type the new key</source>
        <translation>Den neuen Schlüssel eingeben</translation>
    </message>
    <message>
        <source>The target exists: allow replacing it to move onto it</source>
        <translation>Das Ziel existiert: Ersetzen erlauben, um darauf zu verschieben</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>The URL of the gateway to copy to.</source>
        <translation>Die URL des Gateways, auf das kopiert wird.</translation>
    </message>
    <message>
        <source>Copies to %1</source>
        <translation>Kopiert nach %1</translation>
    </message>
    <message>
        <source>No changes.</source>
        <translation>Keine Änderungen.</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Working: sending, then reading back to verify…</source>
        <translation>Arbeite: sende, dann lese zur Prüfung zurück…</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The original group %1 was not deleted.</source>
        <translation>Die ursprüngliche Gruppe %1 wurde nicht gelöscht.</translation>
    </message>
    <message>
        <source>Note: the read-back differs from what was sent (see above).</source>
        <translation>Hinweis: das Zurückgelesene weicht vom Gesendeten ab (siehe oben).</translation>
    </message>
    <message>
        <source>Undo snapshot: %1</source>
        <translation>Schnappschuss zum Rückgängigmachen: %1</translation>
    </message>
    <message>
        <source>Rejected by the gateway, nothing was changed:
%1</source>
        <translation>Vom Gateway abgelehnt, nichts wurde geändert:
%1</translation>
    </message>
</context>
<context>
    <name>PushDeck::Reader</name>
    <message>
        <source>%1 must be a number in a string</source>
        <translation>%1 muss eine Zahl in einer Zeichenkette sein</translation>
    </message>
    <message>
        <source>%1 is not a number: &quot;%2&quot;</source>
        <translation>%1 ist keine Zahl: „%2“</translation>
    </message>
    <message>
        <source>%1 must be an array of [name, value] pairs</source>
        <translation>%1 muss ein Array aus [Name, Wert]-Paaren sein</translation>
    </message>
    <message>
        <source>%1 must be a mapping</source>
        <translation>%1 muss eine Zuordnung (Mapping) sein</translation>
    </message>
    <message>
        <source>field %1 already set</source>
        <translation>Feld %1 ist bereits gesetzt</translation>
    </message>
    <message>
        <source>%1%2 is not supported by PushDeck</source>
        <translation>%1%2 wird von PushDeck nicht unterstützt</translation>
    </message>
    <message>
        <source>field %1 not found in %2</source>
        <translation>Feld %1 nicht gefunden in %2</translation>
    </message>
    <message>
        <source>the HTTP client config</source>
        <translation>die HTTP-Client-Konfiguration</translation>
    </message>
    <message>
        <source>%1 must be a string</source>
        <translation>%1 muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>%1 must be true or false</source>
        <translation>%1 muss true oder false sein</translation>
    </message>
    <message>
        <source>%1: %2 %3: cannot read: %4</source>
        <translation>%1: %2 %3: kann nicht gelesen werden: %4</translation>
    </message>
    <message>
        <source>at most one of %1 %2 and %3 must be configured</source>
        <translation>höchstens eines von %1 %2 und %3 darf konfiguriert sein</translation>
    </message>
</context>
<context>
    <name>PushDeck::RulesDialog</name>
    <message>
        <source>must be longer than 0s</source>
        <translation>muss länger als 0s sein</translation>
    </message>
    <message>
        <source>Staleness rules</source>
        <translation>Aktualitätsregeln</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Warning after</source>
        <translation>Warnung nach</translation>
    </message>
    <message>
        <source>Stale after</source>
        <translation>Veraltet nach</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>A label selector, e.g. {job=&quot;nightly-backup&quot;} or {job=~&quot;batch-.*&quot;,instance!=&quot;&quot;}</source>
        <translation>Ein Label-Selektor, z. B. {job=&quot;nightly-backup&quot;} oder {job=~&quot;batch-.*&quot;,instance!=&quot;&quot;}</translation>
    </message>
    <message>
        <source>A duration such as 90s, 15m, 26h or 1h30m; 0s: no warning phase</source>
        <translation>Eine Dauer wie 90s, 15m, 26h oder 1h30m; 0s: keine Warnphase</translation>
    </message>
    <message>
        <source>A duration such as 90s, 15m, 2d</source>
        <translation>Eine Dauer wie 90s, 15m, 2d</translation>
    </message>
    <message>
        <source>Current groups this rule decides (earlier rules take theirs first)</source>
        <translation>Aktuelle Gruppen, die diese Regel beurteilt (frühere Regeln nehmen sich ihre zuerst)</translation>
    </message>
    <message>
        <source>&amp;Add rule</source>
        <translation>Regel &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Groups without a rule</source>
        <translation>Gruppen ohne Regel</translation>
    </message>
    <message>
        <source>Judge by the learned push cadence (median of recent intervals)</source>
        <translation>Nach dem gelernten Push-Rhythmus beurteilen (Median der letzten Abstände)</translation>
    </message>
    <message>
        <source>Warning at</source>
        <translation>Warnung bei</translation>
    </message>
    <message>
        <source>stale at</source>
        <translation>veraltet bei</translation>
    </message>
    <message>
        <source>the cadence, after</source>
        <translation>dem Rhythmus, nach</translation>
    </message>
    <message>
        <source>intervals seen</source>
        <translation>gesehenen Abständen</translation>
    </message>
    <message>
        <source>Otherwise use the default</source>
        <translation>Sonst die Vorgabe verwenden</translation>
    </message>
    <message>
        <source>stale after</source>
        <translation>veraltet nach</translation>
    </message>
    <message>
        <source>Try a grouping key</source>
        <translation>Einen Gruppierungsschlüssel ausprobieren</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Alert &amp;rules…</source>
        <translation>Alarm&amp;regeln…</translation>
    </message>
    <message>
        <source>Generate Prometheus alerting rules that watch the same thresholds</source>
        <translation>Prometheus-Alarmregeln erzeugen, die dieselben Schwellen überwachen</translation>
    </message>
    <message>
        <source>Rule %1, %2: %3</source>
        <translation>Regel %1, %2: %3</translation>
    </message>
    <message>
        <source>warning after</source>
        <translation>Warnung nach</translation>
    </message>
    <message>
        <source>%1 is longer than stale after (%2)</source>
        <translation>%1 ist länger als „veraltet nach“ (%2)</translation>
    </message>
    <message>
        <source>Default, warning after: %1</source>
        <translation>Vorgabe, Warnung nach: %1</translation>
    </message>
    <message>
        <source>Default, stale after: %1</source>
        <translation>Vorgabe, veraltet nach: %1</translation>
    </message>
    <message>
        <source>Default, stale after: must be longer than 0s</source>
        <translation>Vorgabe, veraltet nach: muss länger als 0s sein</translation>
    </message>
    <message>
        <source>Default, warning after: %1 is longer than stale after (%2)</source>
        <translation>Vorgabe, Warnung nach: %1 ist länger als „veraltet nach“ (%2)</translation>
    </message>
    <message>
        <source>Learned cadence: the warning factor (%1×) is greater than the stale factor (%2×)</source>
        <translation>Gelernter Rhythmus: der Warnfaktor (%1×) ist größer als der Veraltet-Faktor (%2×)</translation>
    </message>
    <message>
        <source>shorter than warning after (%1)</source>
        <translation>kürzer als „Warnung nach“ (%1)</translation>
    </message>
    <message>
        <source>Type a grouping key to see which rule judges it.</source>
        <translation>Einen Gruppierungsschlüssel eingeben, um zu sehen, welche Regel ihn beurteilt.</translation>
    </message>
    <message>
        <source>Not a grouping key: %1</source>
        <translation>Kein Gruppierungsschlüssel: %1</translation>
    </message>
    <message>
        <source>Fix the rules first: %1</source>
        <translation>Zuerst die Regeln korrigieren: %1</translation>
    </message>
    <message>
        <source>%1 now, by %2.</source>
        <translation>Jetzt %1, nach %2.</translation>
    </message>
    <message>
        <source>Judged by %1.</source>
        <translation>Beurteilt nach %1.</translation>
    </message>
    <message>
        <source>No rule matches: judged by its learned cadence once %1 intervals were seen, until then by </source>
        <translation>Keine Regel passt: beurteilt nach dem gelernten Rhythmus, sobald %1 Abstände gesehen wurden, bis dahin nach </translation>
    </message>
    <message>
        <source>No rule matches: judged by </source>
        <translation>Keine Regel passt: beurteilt nach </translation>
    </message>
    <message>
        <source>the default (warning after %1, stale after %2).</source>
        <translation>der Vorgabe (Warnung nach %1, veraltet nach %2).</translation>
    </message>
    <message>
        <source>nothing (unknown).</source>
        <translation>nichts (unbekannt).</translation>
    </message>
    <message>
        <source>Import staleness rules</source>
        <translation>Aktualitätsregeln importieren</translation>
    </message>
    <message>
        <source>Rules files (*.json);;All files (*)</source>
        <translation>Regeldateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export staleness rules</source>
        <translation>Aktualitätsregeln exportieren</translation>
    </message>
    <message>
        <source>Prometheus alerting rules</source>
        <translation>Prometheus-Alarmregeln</translation>
    </message>
    <message>
        <source>Alerting rules that watch the same thresholds in Prometheus, so nobody has to watch this dashboard. Add the file to &lt;tt&gt;rule_files:&lt;/tt&gt; and scrape the Pushgateway with &lt;tt&gt;honor_labels: true&lt;/tt&gt;.</source>
        <translation>Alarmregeln, die dieselben Schwellen in Prometheus überwachen, damit niemand dieses Dashboard beobachten muss. Die Datei unter &lt;tt&gt;rule_files:&lt;/tt&gt; eintragen und das Pushgateway mit &lt;tt&gt;honor_labels: true&lt;/tt&gt; abfragen.</translation>
    </message>
    <message>
        <source>Also warning alerts (severity: warning) before groups turn stale</source>
        <translation>Auch Warnalarme (severity: warning), bevor Gruppen veralten</translation>
    </message>
    <message>
        <source>Approximate the learned cadence in PromQL (mean interval over the last day; costly on big servers)</source>
        <translation>Den gelernten Rhythmus in PromQL annähern (mittlerer Abstand über den letzten Tag; teuer auf großen Servern)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Speichern…</translation>
    </message>
    <message>
        <source>Save alerting rules</source>
        <translation>Alarmregeln speichern</translation>
    </message>
    <message>
        <source>YAML files (*.yml *.yaml);;All files (*)</source>
        <translation>YAML-Dateien (*.yml *.yaml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Each group is judged by the &lt;b&gt;first&lt;/b&gt; rule whose selector matches its grouping key. Groups no rule matches are judged by their learned push cadence, once enough pushes were seen, and otherwise by the default.</source>
        <translation>Jede Gruppe wird nach der &lt;b&gt;ersten&lt;/b&gt; Regel beurteilt, deren Selektor zu ihrem Gruppierungsschlüssel passt. Gruppen, zu denen keine Regel passt, werden nach ihrem gelernten Push-Rhythmus beurteilt, sobald genug Pushs gesehen wurden, sonst nach der Vorgabe.</translation>
    </message>
    <message>
        <source>Selector</source>
        <translation>Selektor</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Only on this gateway: its name (host:port, as on its tab) or base URL. Empty: every gateway.</source>
        <translation>Nur auf diesem Gateway: sein Name (host:port, wie auf seinem Reiter) oder seine Basis-URL. Leer: jedes Gateway.</translation>
    </message>
    <message>
        <source>selector</source>
        <translation>Selektor</translation>
    </message>
</context>
<context>
    <name>PushDeck::Snapshot</name>
    <message>
        <source>not a valid snapshot: JSON error at byte %1: %2</source>
        <translation>kein gültiger Schnappschuss: JSON-Fehler bei Byte %1: %2</translation>
    </message>
    <message>
        <source>not a PushDeck snapshot (no &quot;format&quot;: &quot;pushdeck-snapshot&quot;)</source>
        <translation>kein PushDeck-Schnappschuss (kein &quot;format&quot;: &quot;pushdeck-snapshot&quot;)</translation>
    </message>
    <message>
        <source>snapshot format version %1 is not supported (this PushDeck reads version %2)</source>
        <translation>Schnappschuss-Formatversion %1 wird nicht unterstützt (dieses PushDeck liest Version %2)</translation>
    </message>
    <message>
        <source>snapshot has no valid &quot;created&quot; time</source>
        <translation>der Schnappschuss hat keine gültige &quot;created&quot;-Zeit</translation>
    </message>
    <message>
        <source>key must be an object of label names to values</source>
        <translation>key muss ein Objekt aus Label-Namen und Werten sein</translation>
    </message>
    <message>
        <source>label %1 must have a string value</source>
        <translation>das Label %1 muss einen Zeichenkettenwert haben</translation>
    </message>
    <message>
        <source>created key %1</source>
        <translation>created-Schlüssel %1</translation>
    </message>
    <message>
        <source>snapshot has no &quot;groups&quot; array</source>
        <translation>der Schnappschuss hat kein &quot;groups&quot;-Array</translation>
    </message>
    <message>
        <source>group %1</source>
        <translation>Gruppe %1</translation>
    </message>
    <message>
        <source>group %1 %2</source>
        <translation>Gruppe %1 %2</translation>
    </message>
    <message>
        <source>invalid metric name &quot;%1&quot;</source>
        <translation>ungültiger Metrikname „%1“</translation>
    </message>
    <message>
        <source>family %1 has an unknown type &quot;%2&quot;</source>
        <translation>die Familie %1 hat einen unbekannten Typ „%2“</translation>
    </message>
    <message>
        <source>cannot write the snapshot: %1</source>
        <translation>der Schnappschuss kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>cannot read the snapshot %1: %2</source>
        <translation>der Schnappschuss %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>PushDeck::SnapshotStore</name>
    <message>
        <source>cannot remove the snapshot %1</source>
        <translation>der Schnappschuss %1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>cannot write the snapshot: %1</source>
        <translation>der Schnappschuss kann nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>PushDeck::StalenessTrendView</name>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>No polls recorded yet</source>
        <translation>Noch keine Abfragen aufgezeichnet</translation>
    </message>
    <message>
        <source>Staleness over time chart</source>
        <translation>Diagramm der Aktualität im Zeitverlauf</translation>
    </message>
    <message>
        <source>Click a state above the chart to hide it; the others rescale.</source>
        <translation>Einen Zustand über dem Diagramm anklicken, um ihn auszublenden; die anderen werden neu skaliert.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Jetzt: %1</translation>
    </message>
</context>
<context>
    <name>PushDeck::ValueHistoryView</name>
    <message>
        <source>Select a series to follow its value across polls</source>
        <translation>Eine Serie wählen, um ihren Wert über die Abfragen zu verfolgen</translation>
    </message>
    <message>
        <source> – waiting for the next poll</source>
        <translation> – warte auf die nächste Abfrage</translation>
    </message>
    <message>
        <source> – 1 value not shown (NaN or infinite)</source>
        <translation> – 1 Wert nicht gezeigt (NaN oder unendlich)</translation>
    </message>
    <message>
        <source> – %1 values not shown (NaN or infinite)</source>
        <translation> – %1 Werte nicht gezeigt (NaN oder unendlich)</translation>
    </message>
    <message>
        <source>Value history chart</source>
        <translation>Diagramm des Werteverlaufs</translation>
    </message>
    <message>
        <source>Push time</source>
        <translation>Push-Zeit</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>PushDeck::WipeDialog</name>
    <message>
        <source>Wipe the gateway</source>
        <translation>Das Gateway leeren</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;Delete all %n group(s)&lt;/b&gt; on %1 through the admin API.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;Die %n Gruppe&lt;/b&gt; auf %1 über die Admin-API &lt;b&gt;löschen&lt;/b&gt;.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;&lt;b&gt;Alle %n Gruppen&lt;/b&gt; auf %1 über die Admin-API &lt;b&gt;löschen&lt;/b&gt;.&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Delete every group&lt;/b&gt; on %1 through the admin API.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Jede Gruppe&lt;/b&gt; auf %1 über die Admin-API &lt;b&gt;löschen&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every pusher&apos;s data disappears at once; alerts on missing data may fire. An undo snapshot of every group is written first, and the gateway is read back to confirm it is empty.&lt;/p&gt;&lt;p&gt;Type the gateway&apos;s address &lt;b&gt;&lt;code&gt;%1&lt;/code&gt;&lt;/b&gt; to confirm:&lt;/p&gt;</source>
        <translation>&lt;p&gt;Die Daten aller Pusher verschwinden auf einmal; Alarme auf fehlende Daten können auslösen. Zuerst wird ein Schnappschuss jeder Gruppe geschrieben, und das Gateway wird zurückgelesen, um zu bestätigen, dass es leer ist.&lt;/p&gt;&lt;p&gt;Zur Bestätigung die Adresse des Gateways &lt;b&gt;&lt;code&gt;%1&lt;/code&gt;&lt;/b&gt; eingeben:&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Wipe everything</source>
        <translation>Alles leeren</translation>
    </message>
    <message>
        <source>Type %1 above to enable</source>
        <translation>Oben %1 eingeben, um dies freizugeben</translation>
    </message>
    <message>
        <source>Writing the undo snapshot, wiping, then reading the gateway back…</source>
        <translation>Schreibe den Schnappschuss, leere, dann lese das Gateway zurück…</translation>
    </message>
    <message>
        <source>Undo snapshot: %1</source>
        <translation>Schnappschuss zum Rückgängigmachen: %1</translation>
    </message>
    <message>
        <source>The wipe failed: %1</source>
        <translation>Das Leeren schlug fehl: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Demo gateway</source>
        <translation>Demo-Gateway</translation>
    </message>
    <message>
        <source>The demo gateway could not be started:
%1</source>
        <translation>Das Demo-Gateway konnte nicht gestartet werden:
%1</translation>
    </message>
</context>
<context>
    <name>StalenessNotifier</name>
    <message>
        <source>1 group became stale</source>
        <translation>1 Gruppe ist veraltet</translation>
    </message>
    <message>
        <source>%1 groups became stale</source>
        <translation>%1 Gruppen sind veraltet</translation>
    </message>
    <message>
        <source>1 push failed</source>
        <translation>1 Push fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 pushes failed</source>
        <translation>%1 Pushs fehlgeschlagen</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
</context>
<context>
    <name>StateIcons</name>
    <message>
        <source>Fresh</source>
        <translation>Frisch</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>pushed within its expected rhythm</source>
        <translation>im erwarteten Rhythmus gepusht</translation>
    </message>
    <message>
        <source>overdue: past the warning threshold</source>
        <translation>überfällig: jenseits der Warnschwelle</translation>
    </message>
    <message>
        <source>stale: past the stale threshold; the job may be dead</source>
        <translation>veraltet: jenseits der Veraltet-Schwelle; der Job ist vielleicht tot</translation>
    </message>
    <message>
        <source>the last push was rejected by the gateway</source>
        <translation>der letzte Push wurde vom Gateway abgelehnt</translation>
    </message>
    <message>
        <source>never pushed successfully</source>
        <translation>nie erfolgreich gepusht</translation>
    </message>
    <message>
        <source>%1 fresh</source>
        <translation>%1 frisch</translation>
    </message>
    <message>
        <source>%1 warning</source>
        <translation>%1 Warnung</translation>
    </message>
    <message>
        <source>%1 stale</source>
        <translation>%1 veraltet</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 unknown</source>
        <translation>%1 unbekannt</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A desktop dashboard for the Prometheus Pushgateway: every group with its exact grouping key, last-push age and staleness, and safe, previewed clean-up.</source>
        <translation>Ein Desktop-Dashboard für das Prometheus Pushgateway: jede Gruppe mit ihrem genauen Gruppierungsschlüssel, dem Alter des letzten Pushs und ihrer Veraltung, dazu sicheres Aufräumen mit Vorschau.</translation>
    </message>
    <message>
        <source>Open this gateway (base URL with route prefix, e.g. http://localhost:9091).</source>
        <translation>Dieses Gateway öffnen (Basis-URL mit Routen-Präfix, z. B. http://localhost:9091).</translation>
    </message>
    <message>
        <source>Start a local prometheus-pushgateway seeded with batch jobs and open it, with the guided Pitfalls; when prometheus is installed, also a local Prometheus scraping it (honor_labels, PushDeck&apos;s alert rules) whose view of each step the Pitfalls panel charts.</source>
        <translation>Ein lokales prometheus-pushgateway mit Beispiel-Batch-Jobs starten und öffnen, mit den geführten Stolperfallen; ist prometheus installiert, auch ein lokales Prometheus, das es scrapt (honor_labels, PushDecks Alarmregeln) und dessen Sicht auf jeden Schritt das Stolperfallen-Panel als Diagramm zeigt.</translation>
    </message>
    <message>
        <source>Render the main window to a PNG once the first refresh has finished, then quit.</source>
        <translation>Das Hauptfenster nach der ersten Aktualisierung als PNG speichern, dann beenden.</translation>
    </message>
    <message>
        <source>Disable every action that changes a gateway (delete, prune, wipe, push, undo).</source>
        <translation>Jede Aktion abschalten, die ein Gateway verändert (Löschen, Aufräumen, Leeren, Push, Rückgängig).</translation>
    </message>
    <message>
        <source>Open another gateway in its own tab (repeatable); the fleet overview compares them.</source>
        <translation>Ein weiteres Gateway in einem eigenen Reiter öffnen (wiederholbar); die Flotten-Übersicht vergleicht sie.</translation>
    </message>
    <message>
        <source>Judge staleness by the rules in this JSON file (the same file pushdeckctl --rules reads).</source>
        <translation>Die Veraltung nach den Regeln in dieser JSON-Datei beurteilen (dieselbe Datei, die pushdeckctl --rules liest).</translation>
    </message>
    <message>
        <source>Open this connection profile (Gateway &gt; Connections) in its own tab (repeatable). Without --profile, --gateway or --demo, the profiles open at the last exit are reopened.</source>
        <translation>Dieses Verbindungsprofil (Gateway &gt; Verbindungen) in einem eigenen Reiter öffnen (wiederholbar). Ohne --profile, --gateway oder --demo werden die beim letzten Beenden offenen Profile wieder geöffnet.</translation>
    </message>
</context>
</TS>
