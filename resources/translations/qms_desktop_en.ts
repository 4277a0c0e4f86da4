<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AgentsModel</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="46" />
        <source>Agent id</source>
        <translation>Agent id</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="47" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="48" />
        <source>Extension</source>
        <translation>Extension</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="49" />
        <source>Team</source>
        <translation>Team</translation>
    </message>
</context>
<context>
    <name>AuditController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/controller.py" line="107" />
        <source>Could not export the audit trail: {error}</source>
        <translation>Could not export the audit trail: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/controller.py" line="126" />
        <source>Could not verify the audit trail: {error}</source>
        <translation>Could not verify the audit trail: {error}</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="40" />
        <source>Export the audit trail</source>
        <translation>Export the audit trail</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="189" />
        <source>{n} entries shown; scroll down for older ones.</source>
        <translation>{n} entries shown; scroll down for older ones.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="191" />
        <source>{n} entries.</source>
        <translation>{n} entries.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="194" />
        <source>Exported {n} entries to {path}.</source>
        <translation>Exported {n} entries to {path}.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="198" />
        <source>Checking the audit trail's hash chain…</source>
        <translation>Checking the audit trail's hash chain…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="206" />
        <source>The audit trail is intact: {n} entries checked. Head {seq}:{hash}</source>
        <translation>The audit trail is intact: {n} entries checked. Head {seq}:{hash}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="212" />
        <source>The audit trail was tampered with at entry {where}: {problem}.</source>
        <translation>The audit trail was tampered with at entry {where}: {problem}.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="216" />
        <source>Entries 1–{n} before it are intact.</source>
        <translation>Entries 1–{n} before it are intact.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="235" />
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="236" />
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="237" />
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="241" />
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="243" />
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="238" />
        <source>Action:</source>
        <translation>Action:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="242" />
        <source>Outcome:</source>
        <translation>Outcome:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="244" />
        <source>Since:</source>
        <translation>Since:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="245" />
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="246" />
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="247" />
        <source>Save every entry that matches the filters as a CSV file</source>
        <translation>Save every entry that matches the filters as a CSV file</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="248" />
        <source>Verify trail</source>
        <translation>Verify trail</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="250" />
        <source>Check the hash chain of the whole trail: any entry changed, removed or inserted is found</source>
        <translation>Check the hash chain of the whole trail: any entry changed, removed or inserted is found</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/models.py" line="90" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/models.py" line="91" />
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/models.py" line="92" />
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/models.py" line="93" />
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/models.py" line="94" />
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/models.py" line="95" />
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/models.py" line="96" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>BackgroundSync</name>
    <message>
        <location filename="../../qms_desktop/ui/services/background_sync.py" line="88" />
        <source>A sync is already running; wait for it to finish.</source>
        <translation>A sync is already running; wait for it to finish.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/background_sync.py" line="101" />
        <source>The sync was stopped.</source>
        <translation>The sync was stopped.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/background_sync.py" line="106" />
        <source>Another QMS process is already syncing this database (run %1 on %2).</source>
        <translation>Another QMS process is already syncing this database (run %1 on %2).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/background_sync.py" line="114" />
        <source>Unexpected error: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/background_sync.py" line="198" />
        <source>Only IT staff and administrators can schedule the sync.</source>
        <translation>Only IT staff and administrators can schedule the sync.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/background_sync.py" line="245" />
        <source>A sync is running: reset it after the run ends.</source>
        <translation>A sync is running: reset it after the run ends.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/background_sync.py" line="250" />
        <source>Another QMS process is syncing this database: try again later.</source>
        <translation>Another QMS process is syncing this database: try again later.</translation>
    </message>
</context>
<context>
    <name>CallsModel</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="53" />
        <source>Inbound</source>
        <translation>Inbound</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="54" />
        <source>Outbound</source>
        <translation>Outbound</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="55" />
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="77" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="78" />
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="79" />
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="80" />
        <source>ANI</source>
        <translation>ANI</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="81" />
        <source>DNIS</source>
        <translation>DNIS</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="82" />
        <source>Stored now</source>
        <translation>Stored now</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="143" />
        <source>Stored now: {call}, ANI {ani}, DNIS {dnis}</source>
        <translation>Stored now: {call}, ANI {ani}, DNIS {dnis}</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="17" />
        <source>Trust this certificate?</source>
        <translation>Trust this certificate?</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="21" />
        <source>Compare the SHA-256 fingerprint with the one shown on the MediaSense server (or ask its administrator). Trust it only if they match: from then on, only this certificate is accepted.</source>
        <translation>Compare the SHA-256 fingerprint with the one shown on the MediaSense server (or ask its administrator). Trust it only if they match: from then on, only this certificate is accepted.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="36" />
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="37" />
        <source>Subject:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="38" />
        <source>Issuer:</source>
        <translation>Issuer:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="40" />
        <source>Valid:</source>
        <translation>Valid:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="41" />
        <source>from {start} to {end}</source>
        <translation>from {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="48" />
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="51" />
        <source>The certificate is self-signed (usual for MediaSense).</source>
        <translation>The certificate is self-signed (usual for MediaSense).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="53" />
        <source>The certificate has expired: ask the administrator to renew it.</source>
        <translation>The certificate has expired: ask the administrator to renew it.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="55" />
        <source>Trust this certificate</source>
        <translation>Trust this certificate</translation>
    </message>
</context>
<context>
    <name>ConnectionController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="125" />
        <source>Enter the password to test the connection.</source>
        <translation>Enter the password to test the connection.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="119" />
        <source>The connection test was cancelled</source>
        <translation>The connection test was cancelled</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="120" />
        <source>The connection test was cancelled.</source>
        <translation>The connection test was cancelled.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="145" />
        <source>The settings are not complete</source>
        <translation>The settings are not complete</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="163" />
        <source>Could not fetch the certificate: {error}</source>
        <translation>Could not fetch the certificate: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="226" />
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="214" />
        <source>Settings saved. No secure keyring is available, so the password is kept in memory for this session only: you will be asked again after a restart.</source>
        <translation>Settings saved. No secure keyring is available, so the password is kept in memory for this session only: you will be asked again after a restart.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="219" />
        <source>Settings saved, but the keyring refused the password ({error}). It is kept in memory for this session only.</source>
        <translation>Settings saved, but the keyring refused the password ({error}). It is kept in memory for this session only.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="223" />
        <source>Settings saved. The password was stored insecurely, as you chose.</source>
        <translation>Settings saved. The password was stored insecurely, as you chose.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="225" />
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
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="223" />
        <source>changed, not saved</source>
        <translation>changed, not saved</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="229" />
        <source>saved in the database</source>
        <translation>saved in the database</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="230" />
        <source>from the environment</source>
        <translation>from the environment</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="231" />
        <source>default</source>
        <translation>default</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="232" />
        <source>demo settings</source>
        <translation>demo settings</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="247" />
        <source>Enter the server URL first.</source>
        <translation>Enter the server URL first.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="126" />
        <source>Choose the CA certificate file</source>
        <translation>Choose the CA certificate file</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="131" />
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Certificates (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="132" />
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/notices.py" line="47" />
        <source>No secure keyring is available on this computer (backend: {name}). A password you save is kept in memory until you close the app, unless you tick "Store the password insecurely".</source>
        <translation>No secure keyring is available on this computer (backend: {name}). A password you save is kept in memory until you close the app, unless you tick "Store the password insecurely".</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="124" />
        <source>Saved in the keyring: type a new one to replace it</source>
        <translation>Saved in the keyring: type a new one to replace it</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="127" />
        <source>Kept in memory for this session: type to replace it</source>
        <translation>Kept in memory for this session: type to replace it</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="130" />
        <source>Taken from MEDIASENSE_PASSWORD: type to override it</source>
        <translation>Taken from MEDIASENSE_PASSWORD: type to override it</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="133" />
        <source>The keyring is unavailable: enter the password</source>
        <translation>The keyring is unavailable: enter the password</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="136" />
        <source>Enter the MediaSense password</source>
        <translation>Enter the MediaSense password</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="139" />
        <source>A password is saved in the keyring ({name}).</source>
        <translation>A password is saved in the keyring ({name}).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="142" />
        <source>The password is kept in memory for this session only.</source>
        <translation>The password is kept in memory for this session only.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="145" />
        <source>The password comes from the MEDIASENSE_PASSWORD environment variable.</source>
        <translation>The password comes from the MEDIASENSE_PASSWORD environment variable.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="148" />
        <source>The keyring could not be read; the password is not known.</source>
        <translation>The keyring could not be read; the password is not known.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="151" />
        <source>No password is saved yet.</source>
        <translation>No password is saved yet.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/connection_test_panel.py" line="120" />
        <source>Connection successful.</source>
        <translation>Connection successful.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/connection_test_panel.py" line="108" />
        <source>The server presented this certificate (SHA-256):
{fingerprint}</source>
        <translation>The server presented this certificate (SHA-256):
{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/notices.py" line="58" />
        <source>Only an administrator can change these settings. The test uses the saved password.</source>
        <translation>Only an administrator can change these settings. The test uses the saved password.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="295" />
        <source>Certificate pinned. Press Save to keep it.</source>
        <translation>Certificate pinned. Press Save to keep it.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="157" />
        <source>MediaSense server</source>
        <translation>MediaSense server</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="158" />
        <source>Server URLs:</source>
        <translation>Server URLs:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="161" />
        <source>One URL per line: add every node of a cluster.</source>
        <translation>One URL per line: add every node of a cluster.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="163" />
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="164" />
        <source>MediaSense API user</source>
        <translation>MediaSense API user</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="165" />
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="167" />
        <source>Store the password insecurely (anyone who can read your files could read it)</source>
        <translation>Store the password insecurely (anyone who can read your files could read it)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="171" />
        <source>Timeout:</source>
        <translation>Timeout:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="172" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="141" />
        <source>Server certificate (TLS)</source>
        <translation>Server certificate (TLS)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="143" />
        <source>Verify with the system's certificate authorities</source>
        <translation>Verify with the system's certificate authorities</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="146" />
        <source>Verify with a CA certificate file:</source>
        <translation>Verify with a CA certificate file:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="149" />
        <source>Trust only the certificate with this SHA-256 fingerprint:</source>
        <translation>Trust only the certificate with this SHA-256 fingerprint:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="152" />
        <source>Accept any certificate (not secure)</source>
        <translation>Accept any certificate (not secure)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="155" />
        <source>PEM file with the CA certificate</source>
        <translation>PEM file with the CA certificate</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="157" />
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="159" />
        <source>Fetch certificate…</source>
        <translation>Fetch certificate…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="162" />
        <source>Anyone between this computer and the server could read the password and the recordings. Use this only for a short test, then pin the certificate instead.</source>
        <translation>Anyone between this computer and the server could read the password and the recordings. Use this only for a short test, then pin the certificate instead.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/connection_test_panel.py" line="132" />
        <source>Connection test</source>
        <translation>Connection test</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/connection_test_panel.py" line="137" />
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/connection_test_panel.py" line="139" />
        <source>Review and trust this certificate…</source>
        <translation>Review and trust this certificate…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/connection_test_panel.py" line="142" />
        <source>Test the connection with the values above before saving; nothing is saved by a test.</source>
        <translation>Test the connection with the values above before saving; nothing is saved by a test.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="329" />
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="330" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="331" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="25" />
        <source>URL validation</source>
        <translation>URL validation</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="26" />
        <source>Authentication</source>
        <translation>Authentication</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="27" />
        <source>API access</source>
        <translation>API access</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="33" />
        <source>No MediaSense URL is configured</source>
        <translation>No MediaSense URL is configured</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="34" />
        <source>{url!r} must start with https:// (for example https://mediasense.example:8440)</source>
        <translation>{url!r} must start with https:// (for example https://mediasense.example:8440)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="37" />
        <source>{url!r} has no host name</source>
        <translation>{url!r} has no host name</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="38" />
        <source>{url!r} has an invalid port</source>
        <translation>{url!r} has an invalid port</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="39" />
        <source>{url} uses plain HTTP: MediaSense's API is HTTPS-only (port 8440)</source>
        <translation>{url} uses plain HTTP: MediaSense's API is HTTPS-only (port 8440)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="42" />
        <source>{url} names no port: the MediaSense API normally listens on 8440</source>
        <translation>{url} names no port: the MediaSense API normally listens on 8440</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="45" />
        <source>{url} has a path; use the server's root URL, for example https://host:8440</source>
        <translation>{url} has a path; use the server's root URL, for example https://host:8440</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="48" />
        <source>{host}: put the user name and password in their own fields, not in the URL</source>
        <translation>{host}: put the user name and password in their own fields, not in the URL</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="52" />
        <source>Signed in with {method}</source>
        <translation>Signed in with {method}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="53" />
        <source>signIn (MediaSense session)</source>
        <translation>signIn (MediaSense session)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="54" />
        <source>login (session cookie)</source>
        <translation>login (session cookie)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="55" />
        <source>Basic authentication</source>
        <translation>Basic authentication</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="56" />
        <source>server time {time}</source>
        <translation>server time {time}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="57" />
        <source>getSystemTime not offered (clock skew unknown)</source>
        <translation>getSystemTime not offered (clock skew unknown)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="58" />
        <source>getSystemTime failed: {error}</source>
        <translation>getSystemTime failed: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="59" />
        <source>Session query failed: {error}</source>
        <translation>Session query failed: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="60" />
        <source>session query via {dialect} ({count} in the last hour, first page of 1)</source>
        <translation>session query via {dialect} ({count} in the last hour, first page of 1)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="63" />
        <source>MediaSense connection successful</source>
        <translation>MediaSense connection successful</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="64" />
        <source>The MediaSense URL is not valid</source>
        <translation>The MediaSense URL is not valid</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="65" />
        <source>Authentication failed: {error}</source>
        <translation>Authentication failed: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="66" />
        <source>API access failed: {error}</source>
        <translation>API access failed: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="67" />
        <source>Could not connect to MediaSense: {error}</source>
        <translation>Could not connect to MediaSense: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="68" />
        <source>Could not open a trusted connection to MediaSense: {error}</source>
        <translation>Could not open a trusted connection to MediaSense: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="72" />
        <source>Connection refused</source>
        <translation>Connection refused</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="73" />
        <source>Host name not found</source>
        <translation>Host name not found</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="74" />
        <source>No answer in time</source>
        <translation>No answer in time</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="75" />
        <source>Network failure</source>
        <translation>Network failure</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="76" />
        <source>TLS handshake failed</source>
        <translation>TLS handshake failed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="77" />
        <source>Certificate not trusted</source>
        <translation>Certificate not trusted</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="78" />
        <source>Certificate changed</source>
        <translation>Certificate changed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="79" />
        <source>Sign-in rejected</source>
        <translation>Sign-in rejected</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="80" />
        <source>Not allowed</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="81" />
        <source>API not offered</source>
        <translation>API not offered</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="82" />
        <source>MediaSense server problem</source>
        <translation>MediaSense server problem</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="83" />
        <source>Settings incomplete</source>
        <translation>Settings incomplete</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="84" />
        <source>Request refused</source>
        <translation>Request refused</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="86" />
        <source>Check the port: the MediaSense API uses 8440 (HTTPS), the media service 8446</source>
        <translation>Check the port: the MediaSense API uses 8440 (HTTPS), the media service 8446</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="89" />
        <source>Check DNS on this computer, or enter the server's IP address</source>
        <translation>Check DNS on this computer, or enter the server's IP address</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="90" />
        <source>A firewall may drop the traffic: check that port 8440 is open from this computer</source>
        <translation>A firewall may drop the traffic: check that port 8440 is open from this computer</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="93" />
        <source>The connection to {host}:{port} timed out: check that a firewall or VPN lets this computer reach port {port}, that the MediaSense service listens on it, and whether the server is overloaded</source>
        <translation>The connection to {host}:{port} timed out: check that a firewall or VPN lets this computer reach port {port}, that the MediaSense service listens on it, and whether the server is overloaded</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="98" />
        <source>Check that the URL names the HTTPS port: the MediaSense API uses 8440, the media service 8446</source>
        <translation>Check that the URL names the HTTPS port: the MediaSense API uses 8440, the media service 8446</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="102" />
        <source>Try signing in to MediaSense's Search and Play with the same user to confirm the password</source>
        <translation>Try signing in to MediaSense's Search and Play with the same user to confirm the password</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="105" />
        <source>In MediaSense administration, add the user to the API users</source>
        <translation>In MediaSense administration, add the user to the API users</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="106" />
        <source>The server may run another MediaSense version: check the version, and that the URL is the server's root (https://host:8440) without a path</source>
        <translation>The server may run another MediaSense version: check the version, and that the URL is the server's root (https://host:8440) without a path</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="111" />
        <source>Until it is renewed you can pin the current certificate's fingerprint after checking it</source>
        <translation>Until it is renewed you can pin the current certificate's fingerprint after checking it</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="114" />
        <source>Compare the certificate's fingerprint shown below with the one on the MediaSense server, then pin it; allowing any certificate is possible for a test but leaves the connection open to interception</source>
        <translation>Compare the certificate's fingerprint shown below with the one on the MediaSense server, then pin it; allowing any certificate is possible for a test but leaves the connection open to interception</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="119" />
        <source>Ask the MediaSense administrator whether the certificate was renewed before trusting it</source>
        <translation>Ask the MediaSense administrator whether the certificate was renewed before trusting it</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="122" />
        <source>Check the network between this computer and MediaSense (VPN, proxy, firewall), then test again</source>
        <translation>Check the network between this computer and MediaSense (VPN, proxy, firewall), then test again</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="126" />
        <source>Do not connect until the MediaSense administrator has read the certificate's fingerprint on the server: pin the one shown below only if the two match</source>
        <translation>Do not connect until the MediaSense administrator has read the certificate's fingerprint on the server: pin the one shown below only if the two match</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="131" />
        <source>The server clock differs from this computer's by {seconds:.0f} s: synchronize both with NTP, or recent calls may be missed</source>
        <translation>The server clock differs from this computer's by {seconds:.0f} s: synchronize both with NTP, or recent calls may be missed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="137" />
        <source>MediaSense rejected the credentials after signing in again</source>
        <translation>MediaSense rejected the credentials after signing in again</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="140" />
        <source>MediaSense rejected a fresh session</source>
        <translation>MediaSense rejected a fresh session</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="141" />
        <source>MediaSense answered {path} with invalid JSON ({reason})</source>
        <translation>MediaSense answered {path} with invalid JSON ({reason})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="142" />
        <source>MediaSense has no {path} (HTTP {status})</source>
        <translation>MediaSense has no {path} (HTTP {status})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="143" />
        <source>MediaSense refused access (HTTP 403)</source>
        <translation>MediaSense refused access (HTTP 403)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="144" />
        <source>MediaSense is rate limiting requests (HTTP 429)</source>
        <translation>MediaSense is rate limiting requests (HTTP 429)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="145" />
        <source>MediaSense answered HTTP {status}</source>
        <translation>MediaSense answered HTTP {status}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="146" />
        <source>MediaSense has too many concurrent requests</source>
        <translation>MediaSense has too many concurrent requests</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="147" />
        <source>MediaSense refused the request</source>
        <translation>MediaSense refused the request</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="148" />
        <source>{node} offers none of the login methods QMS Desktop knows (signIn, login, Basic)</source>
        <translation>{node} offers none of the login methods QMS Desktop knows (signIn, login, Basic)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="151" />
        <source>MediaSense rejected the user name or password</source>
        <translation>MediaSense rejected the user name or password</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="152" />
        <source>MediaSense refused this user access to the API</source>
        <translation>MediaSense refused this user access to the API</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="153" />
        <source>MediaSense is busy</source>
        <translation>MediaSense is busy</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="154" />
        <source>MediaSense accepted the sign-in but sent no JSESSIONID session cookie</source>
        <translation>MediaSense accepted the sign-in but sent no JSESSIONID session cookie</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="157" />
        <source>{host} did not answer within {seconds:g} s</source>
        <translation>{host} did not answer within {seconds:g} s</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="158" />
        <source>The connection to {host} timed out after {seconds:g} s</source>
        <translation>The connection to {host} timed out after {seconds:g} s</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="161" />
        <source>{host} accepted the connection but the TLS handshake timed out after {seconds:g} s</source>
        <translation>{host} accepted the connection but the TLS handshake timed out after {seconds:g} s</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="164" />
        <source>The host name {host!r} could not be resolved</source>
        <translation>The host name {host!r} could not be resolved</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="165" />
        <source>{host} refused the connection</source>
        <translation>{host} refused the connection</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="166" />
        <source>The connection to {host} broke off: {reason}</source>
        <translation>The connection to {host} broke off: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="167" />
        <source>Could not reach {host}: {reason}</source>
        <translation>Could not reach {host}: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="168" />
        <source>getSystemTime answered without currentSystemTime</source>
        <translation>getSystemTime answered without currentSystemTime</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="169" />
        <source>MediaSense answered {path} in an unexpected shape: {reason}</source>
        <translation>MediaSense answered {path} in an unexpected shape: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="172" />
        <source>MediaSense did not return session {session_id} by id ({why}), and its answer for the window around the session's start could not be read in full; the session is kept as stored</source>
        <translation>MediaSense did not return session {session_id} by id ({why}), and its answer for the window around the session's start could not be read in full; the session is kept as stored</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="177" />
        <source>{node} offers none of the session query endpoints QMS Desktop knows</source>
        <translation>{node} offers none of the session query endpoints QMS Desktop knows</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="180" />
        <source>The server's certificate does not match the pinned one ({reason})</source>
        <translation>The server's certificate does not match the pinned one ({reason})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="183" />
        <source>{host}:{port} presented a certificate other than the pinned one</source>
        <translation>{host}:{port} presented a certificate other than the pinned one</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="186" />
        <source>The server certificate has expired ({reason})</source>
        <translation>The server certificate has expired ({reason})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="187" />
        <source>The server certificate does not match the host name ({reason})</source>
        <translation>The server certificate does not match the host name ({reason})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="190" />
        <source>The server certificate is not trusted ({reason})</source>
        <translation>The server certificate is not trusted ({reason})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="191" />
        <source>The server certificate could not be verified ({reason})</source>
        <translation>The server certificate could not be verified ({reason})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="194" />
        <source>TLS handshake failed: {reason}</source>
        <translation>TLS handshake failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="196" />
        <source>The media service answered HTTP {status} without saying where to (no Location header)</source>
        <translation>The media service answered HTTP {status} without saying where to (no Location header)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="199" />
        <source>The media server {host} redirected from {from_scheme} to {to_scheme}; the MediaSense credentials are not sent there</source>
        <translation>The media server {host} redirected from {from_scheme} to {to_scheme}; the MediaSense credentials are not sent there</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="204" />
        <source>The media server {from_host} redirected to another host, {to_host}; the MediaSense credentials are not sent there</source>
        <translation>The media server {from_host} redirected to another host, {to_host}; the MediaSense credentials are not sent there</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="209" />
        <source>The media service redirected more than {limit} times</source>
        <translation>The media service redirected more than {limit} times</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="213" />
        <source>Check the MediaSense URL and connection settings</source>
        <translation>Check the MediaSense URL and connection settings</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="214" />
        <source>Check that the MediaSense host and port are right and reachable from this computer</source>
        <translation>Check that the MediaSense host and port are right and reachable from this computer</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="217" />
        <source>Nothing accepts connections on that host and port: check the port (the API uses 8440) and that the MediaSense API service is running</source>
        <translation>Nothing accepts connections on that host and port: check the port (the API uses 8440) and that the MediaSense API service is running</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="222" />
        <source>The host name does not resolve: check its spelling or use the server's IP address</source>
        <translation>The host name does not resolve: check its spelling or use the server's IP address</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="225" />
        <source>The server did not answer in time: check firewalls and VPN, or raise the timeout</source>
        <translation>The server did not answer in time: check firewalls and VPN, or raise the timeout</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="228" />
        <source>Check the server certificate</source>
        <translation>Check the server certificate</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="229" />
        <source>The server did not complete a TLS handshake: check that the port serves HTTPS (the API uses 8440, the media service 8446) and that the server accepts TLS 1.2 or later</source>
        <translation>The server did not complete a TLS handshake: check that the port serves HTTPS (the API uses 8440, the media service 8446) and that the server accepts TLS 1.2 or later</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="234" />
        <source>The server certificate has expired: ask the MediaSense administrator to renew it</source>
        <translation>The server certificate has expired: ask the MediaSense administrator to renew it</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="237" />
        <source>The certificate is not signed by a trusted authority (MediaSense uses a self-signed one by default): choose the CA file, or pin the certificate's fingerprint after checking it</source>
        <translation>The certificate is not signed by a trusted authority (MediaSense uses a self-signed one by default): choose the CA file, or pin the certificate's fingerprint after checking it</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="242" />
        <source>The certificate was issued for another name: connect with the name it was issued for</source>
        <translation>The certificate was issued for another name: connect with the name it was issued for</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="245" />
        <source>The server's certificate changed — possible interception; verify with the MediaSense administrator before accepting the new fingerprint</source>
        <translation>The server's certificate changed — possible interception; verify with the MediaSense administrator before accepting the new fingerprint</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="250" />
        <source>Check the user name and password; the user must be a Unified CM end user enabled as a MediaSense API user (a password change in Unified CM can take minutes to apply)</source>
        <translation>Check the user name and password; the user must be a Unified CM end user enabled as a MediaSense API user (a password change in Unified CM can take minutes to apply)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="255" />
        <source>The user is known but not allowed: ask the administrator to enable it as a MediaSense API user</source>
        <translation>The user is known but not allowed: ask the administrator to enable it as a MediaSense API user</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="258" />
        <source>MediaSense accepted the password but sent no JSESSIONID cookie; check that no proxy strips Set-Cookie headers, or that the server's API session service is healthy</source>
        <translation>MediaSense accepted the password but sent no JSESSIONID cookie; check that no proxy strips Set-Cookie headers, or that the server's API session service is healthy</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="263" />
        <source>The MediaSense session keeps expiring: check the server's clock and the API service</source>
        <translation>The MediaSense session keeps expiring: check the server's clock and the API service</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="266" />
        <source>This MediaSense version does not offer that API: check the version and the base URL</source>
        <translation>This MediaSense version does not offer that API: check the version and the base URL</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="269" />
        <source>MediaSense is busy with too many requests: try again in a few minutes</source>
        <translation>MediaSense is busy with too many requests: try again in a few minutes</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="272" />
        <source>MediaSense reported an internal error: check the server's health and try again later</source>
        <translation>MediaSense reported an internal error: check the server's health and try again later</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="275" />
        <source>MediaSense refused the request; the detail says why</source>
        <translation>MediaSense refused the request; the detail says why</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="276" />
        <source>MediaSense answered with data that is not valid JSON in the expected shape: check the server version</source>
        <translation>MediaSense answered with data that is not valid JSON in the expected shape: check the server version</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="280" />
        <source>The session is kept as stored; the next sync checks it again</source>
        <translation>The session is kept as stored; the next sync checks it again</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="283" />
        <source>The audio has been pruned from MediaSense (retention policy); the metadata remains</source>
        <translation>The audio has been pruned from MediaSense (retention policy); the metadata remains</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="286" />
        <source>The recording has no playable media yet (the call may still be active)</source>
        <translation>The recording has no playable media yet (the call may still be active)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="289" />
        <source>The requested byte range lies outside the recording</source>
        <translation>The requested byte range lies outside the recording</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="292" />
        <source>QMS Desktop follows media redirects only on the same host and scheme: ask the MediaSense administrator why the media service sends clients elsewhere</source>
        <translation>QMS Desktop follows media redirects only on the same host and scheme: ask the MediaSense administrator why the media service sends clients elsewhere</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="297" />
        <source>The media service keeps redirecting: check the MediaSense media service and any proxy in front of it</source>
        <translation>The media service keeps redirecting: check the MediaSense media service and any proxy in front of it</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="339" />
        <source>{category} — {message}</source>
        <translation>{category} — {message}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="348" />
        <source> (responseCode {code})</source>
        <translation> (responseCode {code})</translation>
    </message>
</context>
<context>
    <name>CoverageController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/controller.py" line="66" />
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/controller.py" line="89" />
        <source>Saved to {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/controller.py" line="99" />
        <source>Review settings saved</source>
        <translation>Review settings saved</translation>
    </message>
</context>
<context>
    <name>CoverageTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="158" />
        <source>(no agent)</source>
        <translation>(no agent)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="161" />
        <source>Team total</source>
        <translation>Team total</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="162" />
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="165" />
        <source>Target: {count} reviewed per agent per week</source>
        <translation>Target: {count} reviewed per agent per week</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="167" />
        <source>No weekly target set</source>
        <translation>No weekly target set</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="169" />
        <source>{reviewed} of {count} recordings reviewed, {minutes} min heard. {target}</source>
        <translation>{reviewed} of {count} recordings reviewed, {minutes} min heard. {target}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="202" />
        <source>Export coverage</source>
        <translation>Export coverage</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="202" />
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="215" />
        <source>Review coverage</source>
        <translation>Review coverage</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="216" />
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="217" />
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="218" />
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="226" />
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="219" />
        <source>All teams</source>
        <translation>All teams</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="220" />
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="221" />
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="222" />
        <source>Weekly target per agent</source>
        <translation>Weekly target per agent</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="223" />
        <source>Heard before marking, %</source>
        <translation>Heard before marking, %</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="224" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="227" />
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="228" />
        <source>Recordings</source>
        <translation>Recordings</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="229" />
        <source>Reviewed</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="230" />
        <source>Heard, min</source>
        <translation>Heard, min</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="231" />
        <source>Recorded, min</source>
        <translation>Recorded, min</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="232" />
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="233" />
        <source>Met</source>
        <translation>Met</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="188" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="189" />
        <source>Select a recording to see its details and play it.</source>
        <translation>Select a recording to see its details and play it.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="192" />
        <source>Call of {start}</source>
        <translation>Call of {start}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="195" />
        <source>segment {number} of {count}</source>
        <translation>segment {number} of {count}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="236" />
        <source>Audio: {status}</source>
        <translation>Audio: {status}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="263" />
        <source>Segments of this call ({count})</source>
        <translation>Segments of this call ({count})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="264" />
        <source>Double-click a segment to play it</source>
        <translation>Double-click a segment to play it</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="273" />
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="278" />
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="320" />
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="342" />
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="274" />
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="275" />
        <source>Called party</source>
        <translation>Called party</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="278" />
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="284" />
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="289" />
        <source>conference</source>
        <translation>conference</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="292" />
        <source>Participants ({count})</source>
        <translation>Participants ({count})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="302" />
        <source>Tags ({count})</source>
        <translation>Tags ({count})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="303" />
        <source>Double-click a tag to play from there</source>
        <translation>Double-click a tag to play from there</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="319" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="321" />
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="322" />
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="323" />
        <source>Caller (ANI)</source>
        <translation>Caller (ANI)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="324" />
        <source>Called (DNIS)</source>
        <translation>Called (DNIS)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="325" />
        <source>CSQ</source>
        <translation>CSQ</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="326" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="327" />
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="342" />
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="328" />
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="342" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="329" />
        <source>Wrap-up</source>
        <translation>Wrap-up</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="330" />
        <source>Codec</source>
        <translation>Codec</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="331" />
        <source>Recording id</source>
        <translation>Recording id</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="332" />
        <source>Call controller</source>
        <translation>Call controller</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="333" />
        <source>Last synced</source>
        <translation>Last synced</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="338" />
        <source>Track</source>
        <translation>Track</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="338" />
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="338" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="338" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="340" />
        <source>At</source>
        <translation>At</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="340" />
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="340" />
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="342" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>DirectoryController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="137" />
        <source>The dial plan cannot be previewed: {reason}</source>
        <translation>The dial plan cannot be previewed: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="177" />
        <source>Stopped: nothing was changed.</source>
        <translation>Stopped: nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="196" />
        <source>{n} recordings linked anew.</source>
        <translation>{n} recordings linked anew.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="201" />
        <source>The recordings were not linked anew: {reason}</source>
        <translation>The recordings were not linked anew: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="211" />
        <source>Agent {agent} saved; {relinked} recordings linked anew.</source>
        <translation>Agent {agent} saved; {relinked} recordings linked anew.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="220" />
        <source>Agent {agent} was not saved: {reason}</source>
        <translation>Agent {agent} was not saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="229" />
        <source>Dial plan saved; {relinked} recordings linked anew. The next sync uses it.</source>
        <translation>Dial plan saved; {relinked} recordings linked anew. The next sync uses it.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="238" />
        <source>The dial plan was not saved: {reason}</source>
        <translation>The dial plan was not saved: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="267" />
        <source>{file} cannot be imported: {reason}</source>
        <translation>{file} cannot be imported: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="282" />
        <source>{created} agents added, {updated} changed; {relinked} recordings linked anew.</source>
        <translation>{created} agents added, {updated} changed; {relinked} recordings linked anew.</translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="89" />
        <source>Import agents from CSV</source>
        <translation>Import agents from CSV</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="325" />
        <source>No calls are stored yet: once a sync has run, the last ones show here as this plan sees them.</source>
        <translation>No calls are stored yet: once a sync has run, the last ones show here as this plan sees them.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="328" />
        <source>The last {n} stored calls under the plan above; {changed} would change (bold).</source>
        <translation>The last {n} stored calls under the plan above; {changed} would change (bold).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="342" />
        <source>The plan above was changed: press Preview on stored calls to see its effect.</source>
        <translation>The plan above was changed: press Preview on stored calls to see its effect.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="360" />
        <source>Preview of {file}</source>
        <translation>Preview of {file}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="363" />
        <source>{created} new agents, {updated} changed, {unchanged} unchanged, {teams} new teams; {relinked} recordings will be linked anew. {errors} rows are refused and will be skipped.</source>
        <translation>{created} new agents, {updated} changed, {unchanged} unchanged, {teams} new teams; {relinked} recordings will be linked anew. {errors} rows are refused and will be skipped.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="375" />
        <source>Line {line}: {message}</source>
        <translation>Line {line}: {message}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="424" />
        <source>{n} agents in {teams} teams</source>
        <translation>{n} agents in {teams} teams</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="425" />
        <source>Agents link the extensions MediaSense records to people and teams.</source>
        <translation>Agents link the extensions MediaSense records to people and teams.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="426" />
        <source>Double-click a name, extension or team to change it</source>
        <translation>Double-click a name, extension or team to change it</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="430" />
        <source>Linking recordings to agents…</source>
        <translation>Linking recordings to agents…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="431" />
        <source>Classifying stored calls…</source>
        <translation>Classifying stored calls…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="432" />
        <source>Updating search documents…</source>
        <translation>Updating search documents…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="434" />
        <source>Linking recordings anew…</source>
        <translation>Linking recordings anew…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="437" />
        <source>Import CSV…</source>
        <translation>Import CSV…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="439" />
        <source>A CSV file with the header agent_id,name,extension,team; you see what changes before it does</source>
        <translation>A CSV file with the header agent_id,name,extension,team; you see what changes before it does</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="441" />
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="442" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="443" />
        <source>Dial plan</source>
        <translation>Dial plan</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="446" />
        <source>Internal numbers (regular expression)</source>
        <translation>Internal numbers (regular expression)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="446" />
        <source>Agent's track</source>
        <translation>Agent's track</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="446" />
        <source>Caller's track</source>
        <translation>Caller's track</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="451" />
        <source>MediaSense numbers tracks from 0. With Unified CM track 0 is the agent's phone and track 1 the far end; set the caller's track to 0 where agents mostly dial out. Saving re-links stored recordings; the next sync uses it.</source>
        <translation>MediaSense numbers tracks from 0. With Unified CM track 0 is the agent's phone and track 1 the far end; set the caller's track to 0 where agents mostly dial out. Saving re-links stored recordings; the next sync uses it.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="456" />
        <source>Save dial plan</source>
        <translation>Save dial plan</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="457" />
        <source>Preview on stored calls</source>
        <translation>Preview on stored calls</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="459" />
        <source>How the plan in the form classifies the last stored calls; nothing is saved</source>
        <translation>How the plan in the form classifies the last stored calls; nothing is saved</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="461" />
        <source>Re-link recordings</source>
        <translation>Re-link recordings</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="463" />
        <source>Recompute agent, team, direction, ANI and DNIS of every stored recording now</source>
        <translation>Recompute agent, team, direction, ANI and DNIS of every stored recording now</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="465" />
        <source>Stop</source>
        <translation>Stop</translation>
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
    <name>EvidenceController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence_controller.py" line="89" />
        <source>This link could not be opened: {error}</source>
        <translation>This link could not be opened: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence_controller.py" line="119" />
        <source>Link copied: {link}</source>
        <translation>Link copied: {link}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence_controller.py" line="175" />
        <source>The export failed: {error}</source>
        <translation>The export failed: {error}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="145" />
        <source>Choose where the export folder goes</source>
        <translation>Choose where the export folder goes</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="153" />
        <source>Say why the audio leaves MediaSense: a reason is required.</source>
        <translation>Say why the audio leaves MediaSense: a reason is required.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="156" />
        <source>Choose a new folder for the export.</source>
        <translation>Choose a new folder for the export.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="161" />
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="173" />
        <source>Fetching {what} from MediaSense ({done} of {total})</source>
        <translation>Fetching {what} from MediaSense ({done} of {total})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="181" />
        <source>Exported to {folder}. Manifest SHA-256 (kept in the audit trail): {sha}</source>
        <translation>Exported to {folder}. Manifest SHA-256 (kept in the audit trail): {sha}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="196" />
        <source>Export recording {id}</source>
        <translation>Export recording {id}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="199" />
        <source>This is the one deliberate way audio leaves MediaSense. The files, their SHA-256 and your reason are written to a new folder, and the export is recorded in the audit trail.</source>
        <translation>This is the one deliberate way audio leaves MediaSense. The files, their SHA-256 and your reason are written to a new folder, and the export is recorded in the audit trail.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="203" />
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="204" />
        <source>Why is this recording exported (case, complaint, request)?</source>
        <translation>Why is this recording exported (case, complaint, request)?</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="205" />
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="206" />
        <source>A new, empty folder</source>
        <translation>A new, empty folder</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="207" />
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="208" />
        <source>Only the clip from (s) … to (s)</source>
        <translation>Only the clip from (s) … to (s)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="209" />
        <source>Also make a zip file</source>
        <translation>Also make a zip file</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="210" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="211" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="332" />
        <source>Find recordings</source>
        <translation>Find recordings</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="334" />
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="392" />
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="335" />
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="336" />
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="337" />
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="338" />
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="339" />
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="340" />
        <source>Caller (ANI)</source>
        <translation>Caller (ANI)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="341" />
        <source>Called (DNIS)</source>
        <translation>Called (DNIS)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="342" />
        <source>CSQ</source>
        <translation>CSQ</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="343" />
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="344" />
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="345" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="346" />
        <source>Call id (CCID)</source>
        <translation>Call id (CCID)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="347" />
        <source>Review</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="352" />
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="353" />
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="354" />
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="355" />
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="356" />
        <source>All time</source>
        <translation>All time</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="357" />
        <source>Custom range</source>
        <translation>Custom range</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="361" />
        <source>All agents</source>
        <translation>All agents</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="362" />
        <source>All teams</source>
        <translation>All teams</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="363" />
        <source>Any direction</source>
        <translation>Any direction</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="366" />
        <source>Any state</source>
        <translation>Any state</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="370" />
        <source>Any</source>
        <translation>Any</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="371" />
        <source>Reviewed</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="372" />
        <source>Not reviewed</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="373" />
        <source>Partly heard</source>
        <translation>Partly heard</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="377" />
        <source>Partly heard: you heard some of it and nobody marked it reviewed</source>
        <translation>Partly heard: you heard some of it and nobody marked it reviewed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="378" />
        <source>Words in any field</source>
        <translation>Words in any field</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="379" />
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="380" />
        <source>Part of the number</source>
        <translation>Part of the number</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="381" />
        <source>Exact queue name</source>
        <translation>Exact queue name</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="383" />
        <source>Exact id: all segments</source>
        <translation>Exact id: all segments</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="384" />
        <source>Exact: every segment of that call</source>
        <translation>Exact: every segment of that call</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="385" />
        <source>tag1, tag2 (all)</source>
        <translation>tag1, tag2 (all)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="386" />
        <source>tag1, tag2 (all of them)</source>
        <translation>tag1, tag2 (all of them)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="388" />
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="389" />
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="390" />
        <source>Shortest duration in seconds</source>
        <translation>Shortest duration in seconds</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="391" />
        <source>Longest duration in seconds</source>
        <translation>Longest duration in seconds</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="393" />
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="67" />
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="67" />
        <source>Open this help</source>
        <translation>Open this help</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="68" />
        <source>Ctrl+1 … Ctrl+9</source>
        <translation>Ctrl+1 … Ctrl+9</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="68" />
        <source>Go to the first … ninth tab</source>
        <translation>Go to the first … ninth tab</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="69" />
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="69" />
        <source>Go to the search field of the current tab</source>
        <translation>Go to the search field of the current tab</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="70" />
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="70" />
        <source>Recordings: search with the filters</source>
        <translation>Recordings: search with the filters</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="71" />
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="71" />
        <source>Player: play or pause</source>
        <translation>Player: play or pause</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="72" />
        <source>← / →</source>
        <translation>← / →</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="72" />
        <source>Player: back or forward 5 seconds</source>
        <translation>Player: back or forward 5 seconds</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="73" />
        <source>Shift+← / Shift+→</source>
        <translation>Shift+← / Shift+→</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="73" />
        <source>Player: back or forward 30 seconds</source>
        <translation>Player: back or forward 30 seconds</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="74" />
        <source>Ctrl+← / Ctrl+→</source>
        <translation>Ctrl+← / Ctrl+→</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="74" />
        <source>Player: back or forward 15 seconds</source>
        <translation>Player: back or forward 15 seconds</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="75" />
        <source>[ / ] / \</source>
        <translation>[ / ] / \</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="75" />
        <source>Player: loop from here / up to here / stop looping</source>
        <translation>Player: loop from here / up to here / stop looping</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="76" />
        <source>F8 / Shift+F8</source>
        <translation>F8 / Shift+F8</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="76" />
        <source>Logs: next or previous error</source>
        <translation>Logs: next or previous error</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="77" />
        <source>Ctrl+C</source>
        <translation>Ctrl+C</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="77" />
        <source>Logs: copy the selected rows</source>
        <translation>Logs: copy the selected rows</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="78" />
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="78" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="86" />
        <location filename="../../qms_desktop/ui/help.py" line="91" />
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="90" />
        <source>QMS Desktop: user guide</source>
        <translation>QMS Desktop: user guide</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="92" />
        <source>Guide for each role</source>
        <translation>Guide for each role</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="93" />
        <source>Troubleshooting</source>
        <translation>Troubleshooting</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="102" />
        <source>QMS Desktop help</source>
        <translation>QMS Desktop help</translation>
    </message>
</context>
<context>
    <name>LogTableModel</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="67" />
        <source> … (+{0} chars)</source>
        <translation> … (+{0} chars)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="69" />
        <source> ⏎ (+{0} lines)</source>
        <translation> ⏎ (+{0} lines)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="99" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="100" />
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="101" />
        <source>Area</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="102" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="103" />
        <source>Request ID</source>
        <translation>Request ID</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="185" />
        <source>The request id of an HTTP exchange or the correlation id of a sync run</source>
        <translation>The request id of an HTTP exchange or the correlation id of a sync run</translation>
    </message>
</context>
<context>
    <name>LoginController</name>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="249" />
        <source>This account is disabled. Ask an administrator to enable it.</source>
        <translation>This account is disabled. Ask an administrator to enable it.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="252" />
        <source>Too many failed sign-ins: this user name is locked. Ask an administrator to unlock it.</source>
        <translation>Too many failed sign-ins: this user name is locked. Ask an administrator to unlock it.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="255" />
        <source>Too many failed sign-ins. Wait {n} s, then try again.</source>
        <translation>Too many failed sign-ins. Wait {n} s, then try again.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="259" />
        <source>Wrong user name or password. Check both and try again.</source>
        <translation>Wrong user name or password. Check both and try again.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="262" />
        <source>An administrator already exists: sign in with that account.</source>
        <translation>An administrator already exists: sign in with that account.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="123" />
        <source>Enter a user name.</source>
        <translation>Enter a user name.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="126" />
        <source>Use letters, digits, '.', '_', '@' or '-' in the user name, starting with a letter or digit.</source>
        <translation>Use letters, digits, '.', '_', '@' or '-' in the user name, starting with a letter or digit.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="129" />
        <source>Enter the password.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="132" />
        <source>The password needs at least {n} characters.</source>
        <translation>The password needs at least {n} characters.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="134" />
        <source>The two passwords do not match.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="186" />
        <source>Create the administrator</source>
        <translation>Create the administrator</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="186" />
        <source>Sign in to QMS Desktop</source>
        <translation>Sign in to QMS Desktop</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="190" />
        <source>&lt;b&gt;Welcome to QMS Desktop.&lt;/b&gt;&lt;br&gt;No administrator exists yet. Choose the user name and password of the first administrator account; it can add the other users later.</source>
        <translation>&lt;b&gt;Welcome to QMS Desktop.&lt;/b&gt;&lt;br&gt;No administrator exists yet. Choose the user name and password of the first administrator account; it can add the other users later.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="195" />
        <source>Sign in with your QMS Desktop account.</source>
        <translation>Sign in with your QMS Desktop account.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="204" />
        <source>Demo accounts: {admin} / {admin_pw}, {sup} / {sup_pw}</source>
        <translation>Demo accounts: {admin} / {admin_pw}, {sup} / {sup_pw}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="208" />
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="209" />
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="210" />
        <source>Repeat the password:</source>
        <translation>Repeat the password:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="212" />
        <source>At least {n} characters</source>
        <translation>At least {n} characters</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="215" />
        <source>Creating…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="215" />
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="217" />
        <source>Create and sign in</source>
        <translation>Create and sign in</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="217" />
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="218" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>LogsController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/controller.py" line="166" />
        <source>Could not read older log entries: {0}</source>
        <translation>Could not read older log entries: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/controller.py" line="179" />
        <source>Could not set the log level: {0}</source>
        <translation>Could not set the log level: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/controller.py" line="194" />
        <source>Could not clear the log: {0}</source>
        <translation>Could not clear the log: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/controller.py" line="213" />
        <source>Could not save the log: {0}</source>
        <translation>Could not save the log: {0}</translation>
    </message>
</context>
<context>
    <name>LogsTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="132" />
        <source>&amp;Show:</source>
        <translation>&amp;Show:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="136" />
        <source>All levels</source>
        <translation>All levels</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="137" />
        <source>Info and above</source>
        <translation>Info and above</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="138" />
        <source>Warnings and errors</source>
        <translation>Warnings and errors</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="139" />
        <source>Errors only</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="142" />
        <source>Hide non-matching</source>
        <translation>Hide non-matching</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="144" />
        <source>Off: keep every row and only highlight the matches</source>
        <translation>Off: keep every row and only highlight the matches</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="146" />
        <source>◀ Error</source>
        <translation>◀ Error</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="147" />
        <source>Previous error (Shift+F8)</source>
        <translation>Previous error (Shift+F8)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="148" />
        <source>Error ▶</source>
        <translation>Error ▶</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="149" />
        <source>Next error (F8)</source>
        <translation>Next error (F8)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="150" />
        <source>Follow</source>
        <translation>Follow</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="152" />
        <source>Keep the newest entry in view (turns off when you scroll up)</source>
        <translation>Keep the newest entry in view (turns off when you scroll up)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="154" />
        <source>Load older</source>
        <translation>Load older</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="155" />
        <source>Read older entries from the log files</source>
        <translation>Read older entries from the log files</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/log_view.py" line="104" />
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="156" />
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="157" />
        <source>Copy the selected rows (Ctrl+C)</source>
        <translation>Copy the selected rows (Ctrl+C)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="158" />
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="159" />
        <source>Save the rows shown to a text file</source>
        <translation>Save the rows shown to a text file</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="160" />
        <source>Clear…</source>
        <translation>Clear…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="161" />
        <source>Archive the log file and start a new one</source>
        <translation>Archive the log file and start a new one</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="162" />
        <source>&amp;Record level:</source>
        <translation>&amp;Record level:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="164" />
        <source>What the integration log records from now on (also for the CLI)</source>
        <translation>What the integration log records from now on (also for the CLI)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/details.py" line="29" />
        <source>Select an entry to see its fields and exception.</source>
        <translation>Select an entry to see its fields and exception.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="100" />
        <source>Resume ({0} new)</source>
        <translation>Resume ({0} new)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="102" />
        <source>Resume</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="105" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="182" />
        <source>{0} of {1} entries shown</source>
        <translation>{0} of {1} entries shown</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="186" />
        <source>reading older entries…</source>
        <translation>reading older entries…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="188" />
        <source>paused, {0} new</source>
        <translation>paused, {0} new</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="200" />
        <source>Invalid regular expression: {0}</source>
        <translation>Invalid regular expression: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="115" />
        <source>– / {0}</source>
        <translation>– / {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="118" />
        <source>{0} / {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="120" />
        <source>Errors among the rows shown</source>
        <translation>Errors among the rows shown</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/details.py" line="35" />
        <source>Time: {0} (UTC {1})</source>
        <translation>Time: {0} (UTC {1})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/details.py" line="38" />
        <source>Level: {0}    Area: {1}    Sequence: {2}</source>
        <translation>Level: {0}    Area: {1}    Sequence: {2}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/details.py" line="45" />
        <source>Exception:</source>
        <translation>Exception:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/details.py" line="47" />
        <source>Fields:</source>
        <translation>Fields:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="299" />
        <source>{0} rows copied</source>
        <translation>{0} rows copied</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="307" />
        <source>Save log as</source>
        <translation>Save log as</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="309" />
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation>Text files (*.txt *.log);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="316" />
        <source>Clear the integration log</source>
        <translation>Clear the integration log</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="318" />
        <source>The current log file is archived next to it and a new one is started. The view is emptied. Continue?</source>
        <translation>The current log file is archived next to it and a new one is started. The view is emptied. Continue?</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="331" />
        <source>Log cleared; archived as {0}</source>
        <translation>Log cleared; archived as {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="331" />
        <source>Log cleared</source>
        <translation>Log cleared</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="334" />
        <source>{0} rows saved to {1}</source>
        <translation>{0} rows saved to {1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="284" />
        <source>Connection: not tested yet</source>
        <translation>Connection: not tested yet</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="285" />
        <source>Connection: testing…</source>
        <translation>Connection: testing…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="286" />
        <source>Connection: OK</source>
        <translation>Connection: OK</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="287" />
        <source>Connection: failed</source>
        <translation>Connection: failed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="294" />
        <source>Last sync: never</source>
        <translation>Last sync: never</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="297" />
        <source>succeeded</source>
        <translation>succeeded</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="298" />
        <source>partly succeeded</source>
        <translation>partly succeeded</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="299" />
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="300" />
        <source>interrupted</source>
        <translation>interrupted</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="301" />
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="306" />
        <source>Last sync: {status} at {time} ({created} new, {updated} updated)</source>
        <translation>Last sync: {status} at {time} ({created} new, {updated} updated)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/formatting.py" line="24" />
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/formatting.py" line="25" />
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/formatting.py" line="26" />
        <source>IT</source>
        <translation>IT</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/formatting.py" line="27" />
        <source>System service</source>
        <translation>System service</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="328" />
        <source>Not signed in</source>
        <translation>Not signed in</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="332" />
        <source>User: {user} ({role})</source>
        <translation>User: {user} ({role})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="333" />
        <source>Teams: {teams}</source>
        <translation>Teams: {teams}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="337" />
        <source>QMS Desktop</source>
        <translation>QMS Desktop</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="337" />
        <source> — demo</source>
        <translation> — demo</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="341" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="342" />
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="343" />
        <source>Switch to demo administrator</source>
        <translation>Switch to demo administrator</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="344" />
        <source>Switch to demo supervisor</source>
        <translation>Switch to demo supervisor</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="345" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="346" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="347" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="348" />
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="351" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="352" />
        <source>&amp;User guide</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="353" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="354" />
        <source>&amp;About QMS Desktop</source>
        <translation>&amp;About QMS Desktop</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="356" />
        <source>QMS Desktop could not start:
{error}</source>
        <translation>QMS Desktop could not start:
{error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="358" />
        <source>Sign in to continue.</source>
        <translation>Sign in to continue.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="360" />
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="364" />
        <source>Database: {url}</source>
        <translation>Database: {url}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="364" />
        <source>Database: opening…</source>
        <translation>Database: opening…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="393" />
        <source>&lt;h3&gt;QMS Desktop {version}&lt;/h3&gt;&lt;p&gt;Cisco MediaSense recordings for quality management.&lt;/p&gt;&lt;p&gt;Qt {qt}&lt;br&gt;PySide6 {pyside}&lt;br&gt;Python {python}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;QMS Desktop {version}&lt;/h3&gt;&lt;p&gt;Cisco MediaSense recordings for quality management.&lt;/p&gt;&lt;p&gt;Qt {qt}&lt;br&gt;PySide6 {pyside}&lt;br&gt;Python {python}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="402" />
        <source>About QMS Desktop</source>
        <translation>About QMS Desktop</translation>
    </message>
</context>
<context>
    <name>NextStep</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="59" />
        <source>Set up the connection to MediaSense in the Connection tab: its address, user and password.</source>
        <translation>Set up the connection to MediaSense in the Connection tab: its address, user and password.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="61" />
        <source>Open the Connection tab</source>
        <translation>Open the Connection tab</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="62" />
        <source>The connection to MediaSense is not set up yet: ask an administrator to set it up.</source>
        <translation>The connection to MediaSense is not set up yet: ask an administrator to set it up.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="67" />
        <source>No recordings have been synced from MediaSense yet: ask an administrator to run a sync.</source>
        <translation>No recordings have been synced from MediaSense yet: ask an administrator to run a sync.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="71" />
        <source>No recordings have been synced yet. Sync now, or schedule the sync in the Sync tab.</source>
        <translation>No recordings have been synced yet. Sync now, or schedule the sync in the Sync tab.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="75" />
        <source>The sync has run but brought no recordings yet. The Sync tab shows what it found.</source>
        <translation>The sync has run but brought no recordings yet. The Sync tab shows what it found.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="80" />
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="81" />
        <source>Open the Sync tab</source>
        <translation>Open the Sync tab</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="84" />
        <source>Recordings are synced, but none belongs to your teams yet: ask an administrator to import the agents and teams (Directory tab) and to assign you your teams.</source>
        <translation>Recordings are synced, but none belongs to your teams yet: ask an administrator to import the agents and teams (Directory tab) and to assign you your teams.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="90" />
        <source>Agent and team show as — because no agents are known yet: import them (CSV) in the Directory tab.</source>
        <translation>Agent and team show as — because no agents are known yet: import them (CSV) in the Directory tab.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="93" />
        <source>Open the Directory tab</source>
        <translation>Open the Directory tab</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="94" />
        <source>No recordings match these filters.</source>
        <translation>No recordings match these filters.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="95" />
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
</context>
<context>
    <name>NotesController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="425" />
        <source>The notes could not be read: {error}</source>
        <translation>The notes could not be read: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="438" />
        <source>The note could not be saved: {error}</source>
        <translation>The note could not be saved: {error}</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="195" />
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="337" />
        <source>Bookmark</source>
        <translation>Bookmark</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="200" />
        <source>private</source>
        <translation>private</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="209" />
        <source>Notes ({count})</source>
        <translation>Notes ({count})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="212" />
        <source>Click a note to play from there</source>
        <translation>Click a note to play from there</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="219" />
        <source>compliance</source>
        <translation>compliance</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="220" />
        <source>coaching</source>
        <translation>coaching</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="221" />
        <source>praise</source>
        <translation>praise</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="222" />
        <source>issue</source>
        <translation>issue</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="302" />
        <source>Save note</source>
        <translation>Save note</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="302" />
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="318" />
        <source>At</source>
        <translation>At</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="318" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="333" />
        <source>Category (optional)</source>
        <translation>Category (optional)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="334" />
        <source>A note at the player's position…</source>
        <translation>A note at the player's position…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="335" />
        <source>Only me</source>
        <translation>Only me</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="336" />
        <source>A private note: nobody else sees it or finds the call by it</source>
        <translation>A private note: nobody else sees it or finds the call by it</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="338" />
        <source>Mark the player's position, with or without words</source>
        <translation>Mark the player's position, with or without words</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="339" />
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="340" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="341" />
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <location filename="../../qms_desktop/ui/widgets/audio_player.py" line="75" />
        <source>Playback is not available: the Qt multimedia module could not be loaded ({reason}). Searching and details still work.</source>
        <translation>Playback is not available: the Qt multimedia module could not be loaded ({reason}). Searching and details still work.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/audio_player.py" line="86" />
        <source>Playback is not available: Qt found no working media backend on this computer. Searching and details still work.</source>
        <translation>Playback is not available: Qt found no working media backend on this computer. Searching and details still work.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="288" />
        <source>Whole call</source>
        <translation>Whole call</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="290" />
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="291" />
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="292" />
        <source>Called party</source>
        <translation>Called party</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="296" />
        <source>Track {number}</source>
        <translation>Track {number}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="435" />
        <source>Pause (Space)</source>
        <translation>Pause (Space)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="435" />
        <source>Play (Space)</source>
        <translation>Play (Space)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="454" />
        <location filename="../../qms_desktop/ui/widgets/player.py" line="466" />
        <source>No recording selected.</source>
        <translation>No recording selected.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="457" />
        <source>No audio output device: the recording plays silently; position and seeking work</source>
        <translation>No audio output device: the recording plays silently; position and seeking work</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="459" />
        <source>Playing</source>
        <translation>Playing</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="461" />
        <location filename="../../qms_desktop/ui/widgets/player.py" line="464" />
        <source>Press Play (or Space) to listen.</source>
        <translation>Press Play (or Space) to listen.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="462" />
        <source>Loading the audio…</source>
        <translation>Loading the audio…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="463" />
        <source>Buffering…</source>
        <translation>Buffering…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="464" />
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="465" />
        <source>Finished. Press Play to listen again.</source>
        <translation>Finished. Press Play to listen again.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="479" />
        <source>Listen to</source>
        <translation>Listen to</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="480" />
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="481" />
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="482" />
        <source>Playback speed</source>
        <translation>Playback speed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="483" />
        <source>Back 5 s (←; Shift+← 30 s)</source>
        <translation>Back 5 s (←; Shift+← 30 s)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="484" />
        <source>Forward 5 s (→; Shift+→ 30 s)</source>
        <translation>Forward 5 s (→; Shift+→ 30 s)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/audio_player.py" line="331" />
        <source>The audio of this recording has been pruned from MediaSense (retention policy).</source>
        <translation>The audio of this recording has been pruned from MediaSense (retention policy).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/audio_player.py" line="335" />
        <source>Access to this audio was refused: the playback link expired or belongs to someone else. Select the recording again.</source>
        <translation>Access to this audio was refused: the playback link expired or belongs to someone else. Select the recording again.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/audio_player.py" line="341" />
        <source>MediaSense did not deliver the audio: it may be down or unreachable. Try again later.</source>
        <translation>MediaSense did not deliver the audio: it may be down or unreachable. Try again later.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/audio_player.py" line="345" />
        <source>The local playback service is not reachable. Restart QMS Desktop if this persists.</source>
        <translation>The local playback service is not reachable. Restart QMS Desktop if this persists.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/audio_player.py" line="348" />
        <source>The audio could not be played: {error}</source>
        <translation>The audio could not be played: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/audio_player.py" line="349" />
        <source>unknown error</source>
        <translation>unknown error</translation>
    </message>
</context>
<context>
    <name>RecordingActions</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="73" />
        <source>Copy link</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="74" />
        <source>Copy a link to this recording at the player's position</source>
        <translation>Copy a link to this recording at the player's position</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="75" />
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="76" />
        <source>Export the audio and its details as evidence</source>
        <translation>Export the audio and its details as evidence</translation>
    </message>
</context>
<context>
    <name>RecordingsController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="57" />
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="100" />
        <source>The audio of this recording has been pruned from MediaSense (retention policy).</source>
        <translation>The audio of this recording has been pruned from MediaSense (retention policy).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="62" />
        <source>The call is still in progress. Its audio can be played once the call has ended.</source>
        <translation>The call is still in progress. Its audio can be played once the call has ended.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="66" />
        <source>MediaSense reported no audio for this recording.</source>
        <translation>MediaSense reported no audio for this recording.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="68" />
        <source>You already have the maximum number of playbacks open. Stop another one and try again.</source>
        <translation>You already have the maximum number of playbacks open. Stop another one and try again.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="73" />
        <source>Access denied: you may not play this recording (it belongs to a team you do not supervise).</source>
        <translation>Access denied: you may not play this recording (it belongs to a team you do not supervise).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="78" />
        <source>This recording is no longer in the database. Search again.</source>
        <translation>This recording is no longer in the database. Search again.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="82" />
        <source>Playback needs the MediaSense connection and its password: set them in the Connection tab.</source>
        <translation>Playback needs the MediaSense connection and its password: set them in the Connection tab.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="87" />
        <source>The local playback service could not start: {error}</source>
        <translation>The local playback service could not start: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="90" />
        <source>The audio could not be opened: {error}</source>
        <translation>The audio could not be opened: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="104" />
        <source>Access to this audio was refused: the playback link expired or belongs to someone else. Select the recording again.</source>
        <translation>Access to this audio was refused: the playback link expired or belongs to someone else. Select the recording again.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="110" />
        <source>MediaSense did not deliver the audio: it may be down or unreachable. Try again later. ({detail})</source>
        <translation>MediaSense did not deliver the audio: it may be down or unreachable. Try again later. ({detail})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="115" />
        <source>The local playback service is not reachable: {error}</source>
        <translation>The local playback service is not reachable: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="118" />
        <source>The audio could not be opened (HTTP {status}): {detail}</source>
        <translation>The audio could not be opened (HTTP {status}): {detail}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="317" />
        <source>The search failed: {error}</source>
        <translation>The search failed: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="357" />
        <source>This recording could not be shown: {error}</source>
        <translation>This recording could not be shown: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="372" />
        <source>segment {number} of {count}</source>
        <translation>segment {number} of {count}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="434" />
        <source>Segment {number}: {start}, {duration}, {agent}</source>
        <translation>Segment {number}: {start}, {duration}, {agent}</translation>
    </message>
</context>
<context>
    <name>RecordingsTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="53" />
        <source>Inbound</source>
        <translation>Inbound</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="54" />
        <source>Outbound</source>
        <translation>Outbound</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="55" />
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="58" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="59" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="60" />
        <source>Closed with error</source>
        <translation>Closed with error</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="61" />
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="62" />
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="91" />
        <source>Available</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="92" />
        <source>Pruned</source>
        <translation>Pruned</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="93" />
        <source>Still active</source>
        <translation>Still active</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="94" />
        <source>No media</source>
        <translation>No media</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="99" />
        <source>The audio is on MediaSense and can be played.</source>
        <translation>The audio is on MediaSense and can be played.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="100" />
        <source>MediaSense removed the audio under its retention policy. The call's details are kept here, but it can no longer be played.</source>
        <translation>MediaSense removed the audio under its retention policy. The call's details are kept here, but it can no longer be played.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="105" />
        <source>The call is still in progress. Its audio can be played once the call has ended.</source>
        <translation>The call is still in progress. Its audio can be played once the call has ended.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="108" />
        <source>MediaSense recorded no audio for this session (no media address was reported).</source>
        <translation>MediaSense recorded no audio for this session (no media address was reported).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="157" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="164" />
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="172" />
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="179" />
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="184" />
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="186" />
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="188" />
        <source>ANI</source>
        <translation>ANI</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="189" />
        <source>DNIS</source>
        <translation>DNIS</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="190" />
        <source>CSQ</source>
        <translation>CSQ</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="191" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="192" />
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="193" />
        <source>Heard</source>
        <translation>Heard</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="334" />
        <source>This column cannot be sorted</source>
        <translation>This column cannot be sorted</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/tab.py" line="313" />
        <source>Hide details</source>
        <translation>Hide details</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/tab.py" line="313" />
        <source>Show details</source>
        <translation>Show details</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/tab.py" line="331" />
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/tab.py" line="337" />
        <source>No recordings match these filters.</source>
        <translation>No recordings match these filters.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/tab.py" line="339" />
        <source>Showing %1 recordings (counting…)</source>
        <translation>Showing %1 recordings (counting…)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qms_desktop/ui/tabs/recordings/tab.py" line="341" />
        <source>%n recording(s)</source>
        <translation>
            <numerusform>%n recording(s)</numerusform>
            <numerusform>%n recording(s)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/tab.py" line="344" />
        <source>Showing %1 of %2 recordings</source>
        <translation>Showing %1 of %2 recordings</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/tab.py" line="349" />
        <source>New recordings were synced: press Search to include them.</source>
        <translation>New recordings were synced: press Search to include them.</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="104" />
        <source>◀ Previous (K)</source>
        <translation>◀ Previous (K)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="105" />
        <source>Next (J) ▶</source>
        <translation>Next (J) ▶</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="106" />
        <source>End review</source>
        <translation>End review</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="112" />
        <source>Review: %1 of %2</source>
        <translation>Review: %1 of %2</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="117" />
        <source>Review: nothing to play</source>
        <translation>Review: nothing to play</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="121" />
        <source>seed %1</source>
        <translation>seed %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="123" />
        <source>hidden: %1 (teams you no longer supervise)</source>
        <translation>hidden: %1 (teams you no longer supervise)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="125" />
        <source>only the first %1 of the search</source>
        <translation>only the first %1 of the search</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="131" />
        <source>Resumed at %1</source>
        <translation>Resumed at %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="132" />
        <source>Start over</source>
        <translation>Start over</translation>
    </message>
</context>
<context>
    <name>ReviewButton</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="155" />
        <source>Review these</source>
        <translation>Review these</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="157" />
        <source>Listen to these recordings one after the other (J next, K previous; at most %1)</source>
        <translation>Listen to these recordings one after the other (J next, K previous; at most %1)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="161" />
        <source>Sample N per agent…</source>
        <translation>Sample N per agent…</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="253" />
        <source>%1 per agent</source>
        <translation>%1 per agent</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="333" />
        <source>The review playlist could not be made: %1</source>
        <translation>The review playlist could not be made: %1</translation>
    </message>
</context>
<context>
    <name>ReviewMarkBar</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review_bar.py" line="66" />
        <source>Heard by you: {percent} %</source>
        <translation>Heard by you: {percent} %</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review_bar.py" line="69" />
        <source>Reviewed by {name}</source>
        <translation>Reviewed by {name}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review_bar.py" line="70" />
        <source>Remove mark</source>
        <translation>Remove mark</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review_bar.py" line="72" />
        <source>Not reviewed</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review_bar.py" line="73" />
        <source>Mark reviewed</source>
        <translation>Mark reviewed</translation>
    </message>
</context>
<context>
    <name>SampleDialog</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="170" />
        <source>Sample per agent</source>
        <translation>Sample per agent</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="181" />
        <source>Recordings per agent:</source>
        <translation>Recordings per agent:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="182" />
        <source>Seed (the same seed draws the same sample):</source>
        <translation>Seed (the same seed draws the same sample):</translation>
    </message>
</context>
<context>
    <name>SaveSearchDialog</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="168" />
        <source>Save search</source>
        <translation>Save search</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="171" />
        <source>Share with the team</source>
        <translation>Share with the team</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="176" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>SavedSearchList</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="139" />
        <source>Saved searches</source>
        <translation>Saved searches</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="140" />
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="141" />
        <source>Save the current filters under a name</source>
        <translation>Save the current filters under a name</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="142" />
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="148" />
        <source>(new: %1)</source>
        <translation>(new: %1)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="151" />
        <source>Shared by %1</source>
        <translation>Shared by %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="151" />
        <source>Private</source>
        <translation>Private</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="152" />
        <source>Double-click or press Enter to apply its filters</source>
        <translation>Double-click or press Enter to apply its filters</translation>
    </message>
</context>
<context>
    <name>SavedSearchesController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="244" />
        <source>The saved search could not be changed: %1</source>
        <translation>The saved search could not be changed: %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="252" />
        <source>The saved search could not be opened: %1</source>
        <translation>The saved search could not be opened: %1</translation>
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
    <name>SyncCharts</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="53" />
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="53" />
        <source>new recordings</source>
        <translation>new recordings</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="54" />
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="54" />
        <source>changed since last seen</source>
        <translation>changed since last seen</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="55" />
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="55" />
        <source>quarantined or failed</source>
        <translation>quarantined or failed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="56" />
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="57" />
        <source>seen before and unchanged</source>
        <translation>seen before and unchanged</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="77" />
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="79" />
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="78" />
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="80" />
        <source>Seconds</source>
        <translation>Seconds</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="81" />
        <source>Days done</source>
        <translation>Days done</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="166" />
        <source>No backfill day finished yet</source>
        <translation>No backfill day finished yet</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="224" />
        <source>Records per run</source>
        <translation>Records per run</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="225" />
        <source>Run duration</source>
        <translation>Run duration</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="226" />
        <source>Backfill progress</source>
        <translation>Backfill progress</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="257" />
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="264" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="113" />
        <source>A sync is running: reset it after the run ends.</source>
        <translation>A sync is running: reset it after the run ends.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="121" />
        <source>The sync status could not be read: %1</source>
        <translation>The sync status could not be read: %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="136" />
        <source>Sync state reset: the next sync starts over with a backfill.</source>
        <translation>Sync state reset: the next sync starts over with a backfill.</translation>
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
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="44" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="47" />
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="49" />
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="54" />
        <source>incremental</source>
        <translation>incremental</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="55" />
        <source>backfill</source>
        <translation>backfill</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="56" />
        <source>reconcile</source>
        <translation>reconcile</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="57" />
        <source>sessions by id</source>
        <translation>sessions by id</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="90" />
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="91" />
        <source>Scheduled</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="92" />
        <source>Start-up</source>
        <translation>Start-up</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="93" />
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="100" />
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="101" />
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="102" />
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="103" />
        <source>Success</source>
        <translation>Success</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="104" />
        <source>Partial</source>
        <translation>Partial</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="105" />
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="106" />
        <source>Interrupted</source>
        <translation>Interrupted</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="207" />
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="208" />
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="209" />
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="210" />
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="211" />
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="212" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="425" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="213" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="427" />
        <source>Fetched</source>
        <translation>Fetched</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="214" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="427" />
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="215" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="427" />
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="216" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="427" />
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="219" />
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="222" />
        <source>Calls that appeared in MediaSense after the regular sync had passed their time</source>
        <translation>Calls that appeared in MediaSense after the regular sync had passed their time</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="226" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="427" />
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="229" />
        <source>Error summary</source>
        <translation>Error summary</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="256" />
        <source>Session id</source>
        <translation>Session id</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="257" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="258" />
        <source>First seen</source>
        <translation>First seen</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="259" />
        <source>Last seen</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="260" />
        <source>Seen</source>
        <translation>Seen</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="261" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="426" />
        <source>Last run</source>
        <translation>Last run</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="430" />
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="433" />
        <source>Last sync:</source>
        <translation>Last sync:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="433" />
        <source>Backfill:</source>
        <translation>Backfill:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="433" />
        <source>Quarantined:</source>
        <translation>Quarantined:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="437" />
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="438" />
        <source>Reset…</source>
        <translation>Reset…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="439" />
        <source>Forget the checkpoint: the next sync starts over with a backfill</source>
        <translation>Forget the checkpoint: the next sync starts over with a backfill</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="440" />
        <source>Sync automatically every</source>
        <translation>Sync automatically every</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="441" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="442" />
        <source>Select a record to see what MediaSense sent</source>
        <translation>Select a record to see what MediaSense sent</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="443" />
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="444" />
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="445" />
        <source>Quarantine</source>
        <translation>Quarantine</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="244" />
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="181" />
        <source>No quarantined records — every record MediaSense sent could be read.</source>
        <translation>No quarantined records — every record MediaSense sent could be read.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="253" />
        <source>Run %1 · backfill day %2 of %3</source>
        <translation>Run %1 · backfill day %2 of %3</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="257" />
        <source>Day %v of %m</source>
        <translation>Day %v of %m</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="260" />
        <source>new and changed calls</source>
        <translation>new and changed calls</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="261" />
        <source>calls still in progress</source>
        <translation>calls still in progress</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="262" />
        <source>re-checking recent calls for late arrivals</source>
        <translation>re-checking recent calls for late arrivals</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="264" />
        <source>Run %1 · %2</source>
        <translation>Run %1 · %2</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="275" />
        <source>Pages %1 · fetched %2 · created %3 · updated %4 · errors %5</source>
        <translation>Pages %1 · fetched %2 · created %3 · updated %4 · errors %5</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="288" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="324" />
        <source>Run %1</source>
        <translation>Run %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="310" />
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="313" />
        <source>complete (%1 days)</source>
        <translation>complete (%1 days)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="315" />
        <source>%1 of %2 days</source>
        <translation>%1 of %2 days</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="317" />
        <source>not started</source>
        <translation>not started</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="324" />
        <source>No sync yet</source>
        <translation>No sync yet</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="328" />
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="385" />
        <source>Quarantine (%1)</source>
        <translation>Quarantine (%1)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="404" />
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="43" />
        <source>Recordings</source>
        <translation>Recordings</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="47" />
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="48" />
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="49" />
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="50" />
        <source>Directory</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="51" />
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="52" />
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="54" />
        <source>Coverage</source>
        <translation>Coverage</translation>
    </message>
</context>
<context>
    <name>UsersController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/controller.py" line="40" />
        <source>User {name} added.</source>
        <translation>User {name} added.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/controller.py" line="44" />
        <source>{name} is disabled.</source>
        <translation>{name} is disabled.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/controller.py" line="44" />
        <source>{name} is enabled again.</source>
        <translation>{name} is enabled again.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/controller.py" line="49" />
        <source>{name} is unlocked: it can sign in again.</source>
        <translation>{name} is unlocked: it can sign in again.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="44" />
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="45" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="46" />
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="47" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="48" />
        <source>Failed sign-ins</source>
        <translation>Failed sign-ins</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="49" />
        <source>Last sign-in</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="52" />
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="53" />
        <source>locked</source>
        <translation>locked</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="54" />
        <source>delayed until {time}</source>
        <translation>delayed until {time}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="55" />
        <source>active</source>
        <translation>active</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="178" />
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="178" />
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="180" />
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="181" />
        <source>Forget this account's failed sign-ins so it can sign in again now</source>
        <translation>Forget this account's failed sign-ins so it can sign in again now</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="193" />
        <source>Add a user</source>
        <translation>Add a user</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="195" />
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="195" />
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="195" />
        <source>Teams:</source>
        <translation>Teams:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="195" />
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="198" />
        <source>T1, T2 (supervisors)</source>
        <translation>T1, T2 (supervisors)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="199" />
        <source>Team codes, comma-separated (supervisors)</source>
        <translation>Team codes, comma-separated (supervisors)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="202" />
        <source>Add user</source>
        <translation>Add user</translation>
    </message>
</context>
<context>
    <name>WaveformPanel</name>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="393" />
        <source>The waveform appears when the audio is played.</source>
        <translation>The waveform appears when the audio is played.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="423" />
        <source>Reading the waveform…</source>
        <translation>Reading the waveform…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="534" />
        <source>No waveform for this audio format.</source>
        <translation>No waveform for this audio format.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="536" />
        <source>The waveform could not be read.</source>
        <translation>The waveform could not be read.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="572" />
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="581" />
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="573" />
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="574" />
        <source>Called party</source>
        <translation>Called party</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="582" />
        <source>Other party</source>
        <translation>Other party</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="585" />
        <source>Track {number}</source>
        <translation>Track {number}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="587" />
        <source>Whole call</source>
        <translation>Whole call</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="593" />
        <source>Loop {start} – {end}</source>
        <translation>Loop {start} – {end}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="599" />
        <source>Silence {silence} · talk-over {overlap}</source>
        <translation>Silence {silence} · talk-over {overlap}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="613" />
        <source>Skip silence</source>
        <translation>Skip silence</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="615" />
        <source>Jump over pauses of both parties longer than {seconds} s</source>
        <translation>Jump over pauses of both parties longer than {seconds} s</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="620" />
        <source>Loop from here ([)</source>
        <translation>Loop from here ([)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="622" />
        <source>Loop up to here (])</source>
        <translation>Loop up to here (])</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="623" />
        <source>No loop</source>
        <translation>No loop</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="624" />
        <source>Stop looping (\)</source>
        <translation>Stop looping (\)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="625" />
        <source>−15 s</source>
        <translation>−15 s</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="626" />
        <source>Back 15 s (Ctrl+←)</source>
        <translation>Back 15 s (Ctrl+←)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="627" />
        <source>+15 s</source>
        <translation>+15 s</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="628" />
        <source>Forward 15 s (Ctrl+→)</source>
        <translation>Forward 15 s (Ctrl+→)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="630" />
        <source>Click to listen to this party alone; click again for the whole call</source>
        <translation>Click to listen to this party alone; click again for the whole call</translation>
    </message>
</context>
</TS>