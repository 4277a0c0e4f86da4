<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name />
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="47" />
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="49" />
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="48" />
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="50" />
        <source>Seconds</source>
        <translation>Seconds</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="51" />
        <source>Days done</source>
        <translation>Days done</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="55" />
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="55" />
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="56" />
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="110" />
        <source>No backfill day finished yet</source>
        <translation>No backfill day finished yet</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="144" />
        <source>Records per run</source>
        <translation>Records per run</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="145" />
        <source>Run duration</source>
        <translation>Run duration</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="146" />
        <source>Backfill progress</source>
        <translation>Backfill progress</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="16" />
        <source>Trust this certificate?</source>
        <translation>Trust this certificate?</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="20" />
        <source>Compare the SHA-256 fingerprint with the one shown on the MediaSense server (or ask its administrator). Trust it only if they match: from then on, only this certificate is accepted.</source>
        <translation>Compare the SHA-256 fingerprint with the one shown on the MediaSense server (or ask its administrator). Trust it only if they match: from then on, only this certificate is accepted.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="35" />
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="36" />
        <source>Subject:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="37" />
        <source>Issuer:</source>
        <translation>Issuer:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="39" />
        <source>Valid:</source>
        <translation>Valid:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="40" />
        <source>from {start} to {end}</source>
        <translation>from {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="47" />
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="50" />
        <source>The certificate is self-signed (usual for MediaSense).</source>
        <translation>The certificate is self-signed (usual for MediaSense).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="52" />
        <source>The certificate has expired: ask the administrator to renew it.</source>
        <translation>The certificate has expired: ask the administrator to renew it.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="54" />
        <source>Trust this certificate</source>
        <translation>Trust this certificate</translation>
    </message>
</context>
<context>
    <name>ConnectionController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="116" />
        <source>Enter the password to test the connection.</source>
        <translation>Enter the password to test the connection.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="131" />
        <source>The connection test was cancelled</source>
        <translation>The connection test was cancelled</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="132" />
        <source>The connection test was cancelled.</source>
        <translation>The connection test was cancelled.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="147" />
        <source>The settings are not complete</source>
        <translation>The settings are not complete</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="184" />
        <source>Could not fetch the certificate: {error}</source>
        <translation>Could not fetch the certificate: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="207" />
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="228" />
        <source>Settings saved. No secure keyring is available, so the password is kept in memory for this session only: you will be asked again after a restart.</source>
        <translation>Settings saved. No secure keyring is available, so the password is kept in memory for this session only: you will be asked again after a restart.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="234" />
        <source>Settings saved, but the keyring refused the password ({error}). It is kept in memory for this session only.</source>
        <translation>Settings saved, but the keyring refused the password ({error}). It is kept in memory for this session only.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="239" />
        <source>Settings saved. The password was stored insecurely, as you chose.</source>
        <translation>Settings saved. The password was stored insecurely, as you chose.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="240" />
        <source>Settings saved. The password is in the system keyring.</source>
        <translation>Settings saved. The password is in the system keyring.</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/models.py" line="84" />
        <source>Enter the MediaSense API user name</source>
        <translation>Enter the MediaSense API user name</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/models.py" line="88" />
        <source>Choose the CA certificate file (PEM)</source>
        <translation>Choose the CA certificate file (PEM)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/models.py" line="91" />
        <source>The CA file does not exist: {path}</source>
        <translation>The CA file does not exist: {path}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/models.py" line="98" />
        <source>Enter the certificate's SHA-256 fingerprint (64 hexadecimal digits), or fetch it</source>
        <translation>Enter the certificate's SHA-256 fingerprint (64 hexadecimal digits), or fetch it</translation>
    </message>
</context>
<context>
    <name>ConnectionTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="357" />
        <source>changed, not saved</source>
        <translation>changed, not saved</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="363" />
        <source>saved in the database</source>
        <translation>saved in the database</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="364" />
        <source>from the environment</source>
        <translation>from the environment</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="365" />
        <source>default</source>
        <translation>default</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="366" />
        <source>demo settings</source>
        <translation>demo settings</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="380" />
        <source>Enter the server URL first.</source>
        <translation>Enter the server URL first.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="386" />
        <source>Choose the CA certificate file</source>
        <translation>Choose the CA certificate file</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="387" />
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Certificates (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="387" />
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="411" />
        <source>No secure keyring is available on this computer (backend: {name}). A password you save is kept in memory until you close the app, unless you tick "Store the password insecurely".</source>
        <translation>No secure keyring is available on this computer (backend: {name}). A password you save is kept in memory until you close the app, unless you tick "Store the password insecurely".</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="419" />
        <source>Saved in the keyring: type a new one to replace it</source>
        <translation>Saved in the keyring: type a new one to replace it</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="420" />
        <source>Kept in memory for this session: type to replace it</source>
        <translation>Kept in memory for this session: type to replace it</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="421" />
        <source>Taken from MEDIASENSE_PASSWORD: type to override it</source>
        <translation>Taken from MEDIASENSE_PASSWORD: type to override it</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="422" />
        <source>The keyring is unavailable: enter the password</source>
        <translation>The keyring is unavailable: enter the password</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="423" />
        <source>Enter the MediaSense password</source>
        <translation>Enter the MediaSense password</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="426" />
        <source>A password is saved in the keyring ({name}).</source>
        <translation>A password is saved in the keyring ({name}).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="427" />
        <source>The password is kept in memory for this session only.</source>
        <translation>The password is kept in memory for this session only.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="428" />
        <source>The password comes from the MEDIASENSE_PASSWORD environment variable.</source>
        <translation>The password comes from the MEDIASENSE_PASSWORD environment variable.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="429" />
        <source>The keyring could not be read; the password is not known.</source>
        <translation>The keyring could not be read; the password is not known.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="430" />
        <source>No password is saved yet.</source>
        <translation>No password is saved yet.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="480" />
        <source>Connection successful.</source>
        <translation>Connection successful.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="468" />
        <source>The server presented this certificate (SHA-256):
{fingerprint}</source>
        <translation>The server presented this certificate (SHA-256):
{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="501" />
        <source>Certificate pinned. Press Save to keep it.</source>
        <translation>Certificate pinned. Press Save to keep it.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="530" />
        <source>MediaSense server</source>
        <translation>MediaSense server</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="531" />
        <source>Server URLs:</source>
        <translation>Server URLs:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="533" />
        <source>One URL per line: add every node of a cluster.</source>
        <translation>One URL per line: add every node of a cluster.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="534" />
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="535" />
        <source>MediaSense API user</source>
        <translation>MediaSense API user</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="536" />
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="538" />
        <source>Store the password insecurely (anyone who can read your files could read it)</source>
        <translation>Store the password insecurely (anyone who can read your files could read it)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="540" />
        <source>Timeout:</source>
        <translation>Timeout:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="541" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="542" />
        <source>Server certificate (TLS)</source>
        <translation>Server certificate (TLS)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="543" />
        <source>Verify with the system's certificate authorities</source>
        <translation>Verify with the system's certificate authorities</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="544" />
        <source>Verify with a CA certificate file:</source>
        <translation>Verify with a CA certificate file:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="545" />
        <source>Trust only the certificate with this SHA-256 fingerprint:</source>
        <translation>Trust only the certificate with this SHA-256 fingerprint:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="546" />
        <source>Accept any certificate (not secure)</source>
        <translation>Accept any certificate (not secure)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="547" />
        <source>PEM file with the CA certificate</source>
        <translation>PEM file with the CA certificate</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="548" />
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="550" />
        <source>Fetch certificate…</source>
        <translation>Fetch certificate…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="554" />
        <source>Anyone between this computer and the server could read the password and the recordings. Use this only for a short test, then pin the certificate instead.</source>
        <translation>Anyone between this computer and the server could read the password and the recordings. Use this only for a short test, then pin the certificate instead.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="559" />
        <source>Connection test</source>
        <translation>Connection test</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="561" />
        <source>URL validation</source>
        <translation>URL validation</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="562" />
        <source>Authentication</source>
        <translation>Authentication</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="563" />
        <source>API access</source>
        <translation>API access</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="567" />
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="568" />
        <source>Review and trust this certificate…</source>
        <translation>Review and trust this certificate…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="570" />
        <source>Test the connection with the values above before saving; nothing is saved by a test.</source>
        <translation>Test the connection with the values above before saving; nothing is saved by a test.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="572" />
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="573" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="574" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../qms_desktop/ui/excepthook.py" line="33" />
        <source>The error was written to the log. If it happens again, send the details to support.</source>
        <translation>The error was written to the log. If it happens again, send the details to support.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/excepthook.py" line="53" />
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/excepthook.py" line="54" />
        <source>Something went wrong: {error}</source>
        <translation>Something went wrong: {error}</translation>
    </message>
</context>
<context>
    <name>LogTableModel</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="65" />
        <source> … (+{0} chars)</source>
        <translation> … (+{0} chars)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="67" />
        <source> ⏎ (+{0} lines)</source>
        <translation> ⏎ (+{0} lines)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="97" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="98" />
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="99" />
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="100" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="101" />
        <source>Request ID</source>
        <translation>Request ID</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="183" />
        <source>The request id of an HTTP exchange or the correlation id of a sync run</source>
        <translation>The request id of an HTTP exchange or the correlation id of a sync run</translation>
    </message>
</context>
<context>
    <name>LogsController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/controller.py" line="144" />
        <source>Could not read older log entries: {0}</source>
        <translation>Could not read older log entries: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/controller.py" line="163" />
        <source>Could not save the log level: {0}</source>
        <translation>Could not save the log level: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/controller.py" line="178" />
        <source>Could not clear the log: {0}</source>
        <translation>Could not clear the log: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/controller.py" line="203" />
        <source>Could not save the log: {0}</source>
        <translation>Could not save the log: {0}</translation>
    </message>
</context>
<context>
    <name>LogsTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="253" />
        <source>&amp;Show:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="257" />
        <source>All levels</source>
        <translation>All levels</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="258" />
        <source>Info and above</source>
        <translation>Info and above</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="259" />
        <source>Warnings and errors</source>
        <translation>Warnings and errors</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="260" />
        <source>Errors only</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="263" />
        <source>Hide non-matching</source>
        <translation>Hide non-matching</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="264" />
        <source>Off: keep every row and only highlight the matches</source>
        <translation>Off: keep every row and only highlight the matches</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="265" />
        <source>◀ Error</source>
        <translation>◀ Error</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="266" />
        <source>Previous error (Shift+F8)</source>
        <translation>Previous error (Shift+F8)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="267" />
        <source>Error ▶</source>
        <translation>Error ▶</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="268" />
        <source>Next error (F8)</source>
        <translation>Next error (F8)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="269" />
        <source>Follow</source>
        <translation>Follow</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="270" />
        <source>Keep the newest entry in view (turns off when you scroll up)</source>
        <translation>Keep the newest entry in view (turns off when you scroll up)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="271" />
        <source>Load older</source>
        <translation>Load older</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="272" />
        <source>Read older entries from the log files</source>
        <translation>Read older entries from the log files</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="273" />
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="275" />
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="274" />
        <source>Copy the selected rows (Ctrl+C)</source>
        <translation>Copy the selected rows (Ctrl+C)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="276" />
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="277" />
        <source>Save the rows shown to a text file</source>
        <translation>Save the rows shown to a text file</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="278" />
        <source>Clear…</source>
        <translation>Clear…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="279" />
        <source>Archive the log file and start a new one</source>
        <translation>Archive the log file and start a new one</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="280" />
        <source>&amp;Record level:</source>
        <translation>&amp;Record level:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="281" />
        <source>What the integration log records from now on (also for the CLI)</source>
        <translation>What the integration log records from now on (also for the CLI)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="282" />
        <source>Select an entry to see its fields and exception.</source>
        <translation>Select an entry to see its fields and exception.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="300" />
        <source>Resume ({0} new)</source>
        <translation>Resume ({0} new)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="300" />
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="302" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="310" />
        <source>{0} of {1} entries shown</source>
        <translation>{0} of {1} entries shown</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="314" />
        <source>reading older entries…</source>
        <translation>reading older entries…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="316" />
        <source>paused, {0} new</source>
        <translation>paused, {0} new</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="333" />
        <source>Invalid regular expression: {0}</source>
        <translation>Invalid regular expression: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="448" />
        <source>– / {0}</source>
        <translation>– / {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="450" />
        <source>{0} / {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="451" />
        <source>Errors among the rows shown</source>
        <translation>Errors among the rows shown</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="481" />
        <source>Time: {0} (UTC {1})</source>
        <translation>Time: {0} (UTC {1})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="482" />
        <source>Level: {0}    Area: {1}    Sequence: {2}</source>
        <translation>Level: {0}    Area: {1}    Sequence: {2}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="487" />
        <source>Exception:</source>
        <translation>Exception:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="489" />
        <source>Fields:</source>
        <translation>Fields:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="503" />
        <source>{0} rows copied</source>
        <translation>{0} rows copied</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="511" />
        <source>Save log as</source>
        <translation>Save log as</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="513" />
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation>Text files (*.txt *.log);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="520" />
        <source>Clear the integration log</source>
        <translation>Clear the integration log</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="522" />
        <source>The current log file is archived next to it and a new one is started. The view is emptied. Continue?</source>
        <translation>The current log file is archived next to it and a new one is started. The view is emptied. Continue?</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="542" />
        <source>Log cleared; archived as {0}</source>
        <translation>Log cleared; archived as {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="542" />
        <source>Log cleared</source>
        <translation>Log cleared</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="545" />
        <source>{0} rows saved to {1}</source>
        <translation>{0} rows saved to {1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="171" />
        <source>Connection: not tested yet</source>
        <translation>Connection: not tested yet</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="172" />
        <source>Connection: testing…</source>
        <translation>Connection: testing…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="173" />
        <source>Connection: OK</source>
        <translation>Connection: OK</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="174" />
        <source>Connection: failed</source>
        <translation>Connection: failed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="182" />
        <source>Last sync: never</source>
        <translation>Last sync: never</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="186" />
        <source>succeeded</source>
        <translation>succeeded</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="187" />
        <source>partly succeeded</source>
        <translation>partly succeeded</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="188" />
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="189" />
        <source>interrupted</source>
        <translation>interrupted</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="190" />
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="195" />
        <source>Last sync: {status} at {time} ({created} new, {updated} updated)</source>
        <translation>Last sync: {status} at {time} ({created} new, {updated} updated)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="212" />
        <source>QMS Desktop</source>
        <translation>QMS Desktop</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="213" />
        <source> — demo</source>
        <translation> — demo</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="214" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="215" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="216" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="217" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="218" />
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="221" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="222" />
        <source>&amp;About QMS Desktop</source>
        <translation>&amp;About QMS Desktop</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="224" />
        <source>QMS Desktop could not start:
{error}</source>
        <translation>QMS Desktop could not start:
{error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="226" />
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="230" />
        <source>Database: {url}</source>
        <translation>Database: {url}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="230" />
        <source>Database: opening…</source>
        <translation>Database: opening…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="244" />
        <source>&lt;h3&gt;QMS Desktop {version}&lt;/h3&gt;&lt;p&gt;Cisco MediaSense recordings for quality management.&lt;/p&gt;&lt;p&gt;Qt {qt}&lt;br&gt;PySide6 {pyside}&lt;br&gt;Python {python}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;QMS Desktop {version}&lt;/h3&gt;&lt;p&gt;Cisco MediaSense recordings for quality management.&lt;/p&gt;&lt;p&gt;Qt {qt}&lt;br&gt;PySide6 {pyside}&lt;br&gt;Python {python}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="251" />
        <source>About QMS Desktop</source>
        <translation>About QMS Desktop</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <location filename="../../qms_desktop/ui/widgets/search_field.py" line="89" />
        <source>Search…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/search_field.py" line="90" />
        <source>Regular expression</source>
        <translation>Regular expression</translation>
    </message>
</context>
<context>
    <name>StepRow</name>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="65" />
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="66" />
        <source>running…</source>
        <translation>running…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="67" />
        <source>passed</source>
        <translation>passed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="68" />
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="69" />
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="79" />
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="99" />
        <source>A sync is running: reset it after the run ends.</source>
        <translation>A sync is running: reset it after the run ends.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="119" />
        <source>Sync state reset: the next sync starts over with a backfill.</source>
        <translation>Sync state reset: the next sync starts over with a backfill.</translation>
    </message>
</context>
<context>
    <name>SyncService</name>
    <message>
        <location filename="../../qms_desktop/ui/services/sync_service.py" line="88" />
        <source>A sync is already running; wait for it to finish.</source>
        <translation>A sync is already running; wait for it to finish.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/sync_service.py" line="102" />
        <source>The sync was stopped.</source>
        <translation>The sync was stopped.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/sync_service.py" line="108" />
        <source>Another QMS process is already syncing this database (run %1 on %2).</source>
        <translation>Another QMS process is already syncing this database (run %1 on %2).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/sync_service.py" line="118" />
        <source>Unexpected error: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/sync_service.py" line="154" />
        <source>MediaSense is not configured: enter the server and the user name in the Connection tab.</source>
        <translation>MediaSense is not configured: enter the server and the user name in the Connection tab.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/sync_service.py" line="159" />
        <source>No MediaSense password is known: enter it in the Connection tab.</source>
        <translation>No MediaSense password is known: enter it in the Connection tab.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/sync_service.py" line="258" />
        <source>A sync is running: reset it after the run ends.</source>
        <translation>A sync is running: reset it after the run ends.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/sync_service.py" line="262" />
        <source>Another QMS process is syncing this database: try again later.</source>
        <translation>Another QMS process is syncing this database: try again later.</translation>
    </message>
</context>
<context>
    <name>SyncTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="31" />
        <source>Reset the sync?</source>
        <translation>Reset the sync?</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="32" />
        <source>Reset the sync state?</source>
        <translation>Reset the sync state?</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="34" />
        <source>Reset forgets the sync checkpoint and the backfill progress. The next sync starts over: it reads today's calls again and backfills the configured number of past days.

Recordings already stored, the run history and the quarantine are kept.</source>
        <translation>Reset forgets the sync checkpoint and the backfill progress. The next sync starts over: it reads today's calls again and backfills the configured number of past days.

Recordings already stored, the run history and the quarantine are kept.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="85" />
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="86" />
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="87" />
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="88" />
        <source>Success</source>
        <translation>Success</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="89" />
        <source>Partial</source>
        <translation>Partial</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="90" />
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="91" />
        <source>Interrupted</source>
        <translation>Interrupted</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="192" />
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="193" />
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="194" />
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="195" />
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="196" />
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="197" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="93" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="198" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="107" />
        <source>Fetched</source>
        <translation>Fetched</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="199" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="107" />
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="200" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="107" />
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="201" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="107" />
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="202" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="107" />
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="205" />
        <source>Error summary</source>
        <translation>Error summary</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="232" />
        <source>Session id</source>
        <translation>Session id</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="233" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="234" />
        <source>First seen</source>
        <translation>First seen</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="235" />
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="236" />
        <source>Seen</source>
        <translation>Seen</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="237" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="105" />
        <source>Last run</source>
        <translation>Last run</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="132" />
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="134" />
        <source>Last sync:</source>
        <translation>Last sync:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="135" />
        <source>Backfill:</source>
        <translation>Backfill:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="137" />
        <source>Quarantined:</source>
        <translation>Quarantined:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="145" />
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="147" />
        <source>Reset…</source>
        <translation>Reset…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="148" />
        <source>Forget the checkpoint: the next sync starts over with a backfill</source>
        <translation>Forget the checkpoint: the next sync starts over with a backfill</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="149" />
        <source>Sync automatically every</source>
        <translation>Sync automatically every</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="152" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="174" />
        <source>Select a record to see what MediaSense sent</source>
        <translation>Select a record to see what MediaSense sent</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="182" />
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="183" />
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="184" />
        <source>Quarantine</source>
        <translation>Quarantine</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="229" />
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="237" />
        <source>Run %1 · backfill day %2 of %3</source>
        <translation>Run %1 · backfill day %2 of %3</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="241" />
        <source>Day %v of %m</source>
        <translation>Day %v of %m</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="243" />
        <source>new and changed calls</source>
        <translation>new and changed calls</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="243" />
        <source>calls still in progress</source>
        <translation>calls still in progress</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="244" />
        <source>Run %1 · %2</source>
        <translation>Run %1 · %2</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="250" />
        <source>Pages %1 · fetched %2 · created %3 · updated %4 · errors %5</source>
        <translation>Pages %1 · fetched %2 · created %3 · updated %4 · errors %5</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="262" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="295" />
        <source>Run %1</source>
        <translation>Run %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="281" />
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="284" />
        <source>complete (%1 days)</source>
        <translation>complete (%1 days)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="286" />
        <source>%1 of %2 days</source>
        <translation>%1 of %2 days</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="288" />
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="295" />
        <source>No sync yet</source>
        <translation>No sync yet</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="299" />
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="353" />
        <source>Quarantine (%1)</source>
        <translation>Quarantine (%1)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="372" />
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="36" />
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="37" />
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="38" />
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
</context>
</TS>