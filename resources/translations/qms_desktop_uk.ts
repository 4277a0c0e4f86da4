<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>AgentsModel</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="46" />
        <source>Agent id</source>
        <translation>Ід. агента</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="47" />
        <source>Name</source>
        <translation>Ім'я</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="48" />
        <source>Extension</source>
        <translation>Внутрішній номер</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="49" />
        <source>Team</source>
        <translation>Команда</translation>
    </message>
</context>
<context>
    <name>AuditController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/controller.py" line="107" />
        <source>Could not export the audit trail: {error}</source>
        <translation>Не вдалося експортувати журнал аудиту: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/controller.py" line="126" />
        <source>Could not verify the audit trail: {error}</source>
        <translation>Не вдалося перевірити журнал аудиту: {error}</translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="40" />
        <source>Export the audit trail</source>
        <translation>Експорт журналу аудиту</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="189" />
        <source>{n} entries shown; scroll down for older ones.</source>
        <translation>Показано записів: {n}; прокрутіть донизу, щоб побачити старіші.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="191" />
        <source>{n} entries.</source>
        <translation>Записів: {n}.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="194" />
        <source>Exported {n} entries to {path}.</source>
        <translation>Експортовано записів: {n} у {path}.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="198" />
        <source>Checking the audit trail's hash chain…</source>
        <translation>Перевірка ланцюжка хешів журналу аудиту…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="206" />
        <source>The audit trail is intact: {n} entries checked. Head {seq}:{hash}</source>
        <translation>Журнал аудиту цілісний: перевірено записів: {n}. Голова {seq}:{hash}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="212" />
        <source>The audit trail was tampered with at entry {where}: {problem}.</source>
        <translation>Журнал аудиту змінено в записі {where}: {problem}.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="216" />
        <source>Entries 1–{n} before it are intact.</source>
        <translation>Записи 1–{n} перед ним цілісні.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="235" />
        <source>User:</source>
        <translation>Користувач:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="236" />
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="237" />
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="241" />
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="243" />
        <source>any</source>
        <translation>будь-який</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="238" />
        <source>Action:</source>
        <translation>Дія:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="242" />
        <source>Outcome:</source>
        <translation>Результат:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="244" />
        <source>Since:</source>
        <translation>Починаючи з:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="245" />
        <source>Refresh</source>
        <translation>Оновити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="246" />
        <source>Export CSV…</source>
        <translation>Експорт у CSV…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="247" />
        <source>Save every entry that matches the filters as a CSV file</source>
        <translation>Зберегти всі записи, що відповідають фільтрам, у файл CSV</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="248" />
        <source>Verify trail</source>
        <translation>Перевірити журнал</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/tab.py" line="250" />
        <source>Check the hash chain of the whole trail: any entry changed, removed or inserted is found</source>
        <translation>Перевірити ланцюжок хешів усього журналу: буде знайдено будь-який змінений, вилучений чи вставлений запис</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/models.py" line="90" />
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/models.py" line="91" />
        <source>User</source>
        <translation>Користувач</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/models.py" line="92" />
        <source>Action</source>
        <translation>Дія</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/models.py" line="93" />
        <source>Target</source>
        <translation>Об'єкт</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/models.py" line="94" />
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/models.py" line="95" />
        <source>From</source>
        <translation>Звідки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/audit/models.py" line="96" />
        <source>Detail</source>
        <translation>Подробиці</translation>
    </message>
</context>
<context>
    <name>BackgroundSync</name>
    <message>
        <location filename="../../qms_desktop/ui/services/background_sync.py" line="88" />
        <source>A sync is already running; wait for it to finish.</source>
        <translation>Синхронізація вже триває; дочекайтеся її завершення.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/background_sync.py" line="101" />
        <source>The sync was stopped.</source>
        <translation>Синхронізацію зупинено.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/background_sync.py" line="106" />
        <source>Another QMS process is already syncing this database (run %1 on %2).</source>
        <translation>Інший процес QMS уже синхронізує цю базу даних (запуск %1 на %2).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/background_sync.py" line="114" />
        <source>Unexpected error: %1</source>
        <translation>Неочікувана помилка: %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/background_sync.py" line="198" />
        <source>Only IT staff and administrators can schedule the sync.</source>
        <translation>Планувати синхронізацію можуть лише ІТ-персонал та адміністратори.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/background_sync.py" line="245" />
        <source>A sync is running: reset it after the run ends.</source>
        <translation>Триває синхронізація: скиньте стан після її завершення.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/background_sync.py" line="250" />
        <source>Another QMS process is syncing this database: try again later.</source>
        <translation>Інший процес QMS синхронізує цю базу даних: спробуйте пізніше.</translation>
    </message>
</context>
<context>
    <name>CallsModel</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="53" />
        <source>Inbound</source>
        <translation>Вхідний</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="54" />
        <source>Outbound</source>
        <translation>Вихідний</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="55" />
        <source>Internal</source>
        <translation>Внутрішній</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="77" />
        <source>Start</source>
        <translation>Початок</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="78" />
        <source>Direction</source>
        <translation>Напрямок</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="79" />
        <source>Agent</source>
        <translation>Агент</translation>
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
        <translation>Зараз збережено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="143" />
        <source>Stored now: {call}, ANI {ani}, DNIS {dnis}</source>
        <translation>Зараз збережено: {call}, ANI {ani}, DNIS {dnis}</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="17" />
        <source>Trust this certificate?</source>
        <translation>Довіряти цьому сертифікату?</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="21" />
        <source>Compare the SHA-256 fingerprint with the one shown on the MediaSense server (or ask its administrator). Trust it only if they match: from then on, only this certificate is accepted.</source>
        <translation>Порівняйте відбиток SHA-256 з тим, що показує сервер MediaSense (або запитайте його адміністратора). Довіряйте, лише якщо вони збігаються: відтоді прийматиметься тільки цей сертифікат.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="36" />
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="37" />
        <source>Subject:</source>
        <translation>Суб'єкт:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="38" />
        <source>Issuer:</source>
        <translation>Видавець:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="40" />
        <source>Valid:</source>
        <translation>Чинний:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="41" />
        <source>from {start} to {end}</source>
        <translation>з {start} до {end}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="48" />
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="51" />
        <source>The certificate is self-signed (usual for MediaSense).</source>
        <translation>Сертифікат самопідписаний (звично для MediaSense).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="53" />
        <source>The certificate has expired: ask the administrator to renew it.</source>
        <translation>Термін дії сертифіката минув: попросіть адміністратора його оновити.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="55" />
        <source>Trust this certificate</source>
        <translation>Довіряти цьому сертифікату</translation>
    </message>
</context>
<context>
    <name>ConnectionController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="125" />
        <source>Enter the password to test the connection.</source>
        <translation>Введіть пароль, щоб перевірити з'єднання.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="119" />
        <source>The connection test was cancelled</source>
        <translation>Перевірку з'єднання скасовано</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="120" />
        <source>The connection test was cancelled.</source>
        <translation>Перевірку з'єднання скасовано.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="145" />
        <source>The settings are not complete</source>
        <translation>Налаштування неповні</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="163" />
        <source>Could not fetch the certificate: {error}</source>
        <translation>Не вдалося отримати сертифікат: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="226" />
        <source>Settings saved.</source>
        <translation>Налаштування збережено.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="214" />
        <source>Settings saved. No secure keyring is available, so the password is kept in memory for this session only: you will be asked again after a restart.</source>
        <translation>Налаштування збережено. Захищеного сховища паролів немає, тому пароль зберігається в пам'яті лише до кінця цього сеансу: після перезапуску його треба буде ввести знову.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="219" />
        <source>Settings saved, but the keyring refused the password ({error}). It is kept in memory for this session only.</source>
        <translation>Налаштування збережено, але сховище паролів не прийняло пароль ({error}). Він зберігається в пам'яті лише до кінця цього сеансу.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="223" />
        <source>Settings saved. The password was stored insecurely, as you chose.</source>
        <translation>Налаштування збережено. Пароль збережено незахищено, як ви обрали.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="225" />
        <source>Settings saved. The password is in the system keyring.</source>
        <translation>Налаштування збережено. Пароль — у системному сховищі паролів.</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/models.py" line="84" />
        <source>Enter the MediaSense API user name</source>
        <translation>Введіть ім'я користувача API MediaSense</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/models.py" line="88" />
        <source>Choose the CA certificate file (PEM)</source>
        <translation>Виберіть файл сертифіката CA (PEM)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/models.py" line="91" />
        <source>The CA file does not exist: {path}</source>
        <translation>Файлу CA не існує: {path}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/models.py" line="98" />
        <source>Enter the certificate's SHA-256 fingerprint (64 hexadecimal digits), or fetch it</source>
        <translation>Введіть відбиток SHA-256 сертифіката (64 шістнадцяткові цифри) або отримайте його із сервера</translation>
    </message>
</context>
<context>
    <name>ConnectionTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="223" />
        <source>changed, not saved</source>
        <translation>змінено, не збережено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="229" />
        <source>saved in the database</source>
        <translation>збережено в базі даних</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="230" />
        <source>from the environment</source>
        <translation>зі змінних середовища</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="231" />
        <source>default</source>
        <translation>типове значення</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="232" />
        <source>demo settings</source>
        <translation>демо-налаштування</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="247" />
        <source>Enter the server URL first.</source>
        <translation>Спочатку введіть URL сервера.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="126" />
        <source>Choose the CA certificate file</source>
        <translation>Виберіть файл сертифіката CA</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="131" />
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Сертифікати (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="132" />
        <source>All files (*)</source>
        <translation>Усі файли (*)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/notices.py" line="47" />
        <source>No secure keyring is available on this computer (backend: {name}). A password you save is kept in memory until you close the app, unless you tick "Store the password insecurely".</source>
        <translation>На цьому комп'ютері немає захищеного сховища паролів (модуль: {name}). Збережений пароль зберігатиметься в пам'яті, доки ви не закриєте програму, якщо не позначите «Зберегти пароль незахищено».</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="124" />
        <source>Saved in the keyring: type a new one to replace it</source>
        <translation>Збережено у сховищі: введіть новий для заміни</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="127" />
        <source>Kept in memory for this session: type to replace it</source>
        <translation>Зберігається в пам'яті до кінця сеансу: введіть, щоб замінити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="130" />
        <source>Taken from MEDIASENSE_PASSWORD: type to override it</source>
        <translation>Узято з MEDIASENSE_PASSWORD: введіть, щоб замінити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="133" />
        <source>The keyring is unavailable: enter the password</source>
        <translation>Сховище паролів недоступне: введіть пароль</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="136" />
        <source>Enter the MediaSense password</source>
        <translation>Введіть пароль MediaSense</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="139" />
        <source>A password is saved in the keyring ({name}).</source>
        <translation>Пароль збережено у сховищі паролів ({name}).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="142" />
        <source>The password is kept in memory for this session only.</source>
        <translation>Пароль зберігається в пам'яті лише до кінця цього сеансу.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="145" />
        <source>The password comes from the MEDIASENSE_PASSWORD environment variable.</source>
        <translation>Пароль узято зі змінної середовища MEDIASENSE_PASSWORD.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="148" />
        <source>The keyring could not be read; the password is not known.</source>
        <translation>Не вдалося прочитати сховище паролів; пароль невідомий.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="151" />
        <source>No password is saved yet.</source>
        <translation>Пароль ще не збережено.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/connection_test_panel.py" line="120" />
        <source>Connection successful.</source>
        <translation>З'єднання встановлено.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/connection_test_panel.py" line="108" />
        <source>The server presented this certificate (SHA-256):
{fingerprint}</source>
        <translation>Сервер надав такий сертифікат (SHA-256):
{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/notices.py" line="58" />
        <source>Only an administrator can change these settings. The test uses the saved password.</source>
        <translation>Змінювати ці налаштування може лише адміністратор. Перевірка використовує збережений пароль.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="295" />
        <source>Certificate pinned. Press Save to keep it.</source>
        <translation>Сертифікат закріплено. Натисніть «Зберегти», щоб залишити його.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="157" />
        <source>MediaSense server</source>
        <translation>Сервер MediaSense</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="158" />
        <source>Server URLs:</source>
        <translation>URL сервера:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="161" />
        <source>One URL per line: add every node of a cluster.</source>
        <translation>По одному URL у рядку: додайте кожен вузол кластера.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="163" />
        <source>User name:</source>
        <translation>Користувач:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="164" />
        <source>MediaSense API user</source>
        <translation>Користувач API MediaSense</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="165" />
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="167" />
        <source>Store the password insecurely (anyone who can read your files could read it)</source>
        <translation>Зберегти пароль незахищено (його зможе прочитати будь-хто з доступом до ваших файлів)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="171" />
        <source>Timeout:</source>
        <translation>Тайм-аут:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/server_section.py" line="172" />
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="141" />
        <source>Server certificate (TLS)</source>
        <translation>Сертифікат сервера (TLS)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="143" />
        <source>Verify with the system's certificate authorities</source>
        <translation>Перевіряти системними центрами сертифікації</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="146" />
        <source>Verify with a CA certificate file:</source>
        <translation>Перевіряти файлом сертифіката CA:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="149" />
        <source>Trust only the certificate with this SHA-256 fingerprint:</source>
        <translation>Довіряти лише сертифікату з цим відбитком SHA-256:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="152" />
        <source>Accept any certificate (not secure)</source>
        <translation>Приймати будь-який сертифікат (небезпечно)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="155" />
        <source>PEM file with the CA certificate</source>
        <translation>PEM-файл із сертифікатом CA</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="157" />
        <source>Browse…</source>
        <translation>Огляд…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="159" />
        <source>Fetch certificate…</source>
        <translation>Отримати сертифікат…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tls_section.py" line="162" />
        <source>Anyone between this computer and the server could read the password and the recordings. Use this only for a short test, then pin the certificate instead.</source>
        <translation>Будь-хто між цим комп'ютером і сервером зможе прочитати пароль і записи. Використовуйте це лише для короткої перевірки, а потім закріпіть сертифікат.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/connection_test_panel.py" line="132" />
        <source>Connection test</source>
        <translation>Перевірка з'єднання</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/connection_test_panel.py" line="137" />
        <source>What to do</source>
        <translation>Що зробити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/connection_test_panel.py" line="139" />
        <source>Review and trust this certificate…</source>
        <translation>Переглянути й довіряти цьому сертифікату…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/connection_test_panel.py" line="142" />
        <source>Test the connection with the values above before saving; nothing is saved by a test.</source>
        <translation>Перевірте з'єднання з цими значеннями перед збереженням; перевірка нічого не зберігає.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="329" />
        <source>Test connection</source>
        <translation>Перевірити з'єднання</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="330" />
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="331" />
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="25" />
        <source>URL validation</source>
        <translation>Перевірка URL</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="26" />
        <source>Authentication</source>
        <translation>Автентифікація</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="27" />
        <source>API access</source>
        <translation>Доступ до API</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="33" />
        <source>No MediaSense URL is configured</source>
        <translation>URL сервера MediaSense не вказано</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="34" />
        <source>{url!r} must start with https:// (for example https://mediasense.example:8440)</source>
        <translation>{url!r} має починатися з https:// (наприклад, https://mediasense.example:8440)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="37" />
        <source>{url!r} has no host name</source>
        <translation>У {url!r} немає імені хоста</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="38" />
        <source>{url!r} has an invalid port</source>
        <translation>У {url!r} неправильний порт</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="39" />
        <source>{url} uses plain HTTP: MediaSense's API is HTTPS-only (port 8440)</source>
        <translation>{url} використовує звичайний HTTP: API MediaSense працює лише через HTTPS (порт 8440)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="42" />
        <source>{url} names no port: the MediaSense API normally listens on 8440</source>
        <translation>У {url} не вказано порт: API MediaSense зазвичай слухає порт 8440</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="45" />
        <source>{url} has a path; use the server's root URL, for example https://host:8440</source>
        <translation>У {url} є шлях; вкажіть кореневу адресу сервера, наприклад https://host:8440</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="48" />
        <source>{host}: put the user name and password in their own fields, not in the URL</source>
        <translation>{host}: вводьте ім’я користувача й пароль у відповідні поля, а не в URL</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="52" />
        <source>Signed in with {method}</source>
        <translation>Вхід виконано через {method}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="53" />
        <source>signIn (MediaSense session)</source>
        <translation>signIn (сеанс MediaSense)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="54" />
        <source>login (session cookie)</source>
        <translation>login (сеансовий cookie)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="55" />
        <source>Basic authentication</source>
        <translation>базову автентифікацію (Basic)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="56" />
        <source>server time {time}</source>
        <translation>час сервера {time}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="57" />
        <source>getSystemTime not offered (clock skew unknown)</source>
        <translation>getSystemTime недоступний (розбіжність годинників невідома)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="58" />
        <source>getSystemTime failed: {error}</source>
        <translation>Помилка getSystemTime: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="59" />
        <source>Session query failed: {error}</source>
        <translation>Не вдалося запитати сеанси: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="60" />
        <source>session query via {dialect} ({count} in the last hour, first page of 1)</source>
        <translation>запит сеансів через {dialect} (за останню годину: {count}, перша сторінка по 1)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="63" />
        <source>MediaSense connection successful</source>
        <translation>Підключення до MediaSense успішне</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="64" />
        <source>The MediaSense URL is not valid</source>
        <translation>URL сервера MediaSense неправильний</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="65" />
        <source>Authentication failed: {error}</source>
        <translation>Помилка автентифікації: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="66" />
        <source>API access failed: {error}</source>
        <translation>Помилка доступу до API: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="67" />
        <source>Could not connect to MediaSense: {error}</source>
        <translation>Не вдалося з’єднатися з MediaSense: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="68" />
        <source>Could not open a trusted connection to MediaSense: {error}</source>
        <translation>Не вдалося встановити довірене з'єднання з MediaSense: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="72" />
        <source>Connection refused</source>
        <translation>З'єднання відхилено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="73" />
        <source>Host name not found</source>
        <translation>Ім'я хоста не знайдено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="74" />
        <source>No answer in time</source>
        <translation>Немає відповіді вчасно</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="75" />
        <source>Network failure</source>
        <translation>Збій мережі</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="76" />
        <source>TLS handshake failed</source>
        <translation>Збій рукостискання TLS</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="77" />
        <source>Certificate not trusted</source>
        <translation>Сертифікат не довірений</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="78" />
        <source>Certificate changed</source>
        <translation>Сертифікат змінився</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="79" />
        <source>Sign-in rejected</source>
        <translation>Вхід відхилено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="80" />
        <source>Not allowed</source>
        <translation>Не дозволено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="81" />
        <source>API not offered</source>
        <translation>API не підтримується</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="82" />
        <source>MediaSense server problem</source>
        <translation>Проблема сервера MediaSense</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="83" />
        <source>Settings incomplete</source>
        <translation>Налаштування неповні</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="84" />
        <source>Request refused</source>
        <translation>Запит відхилено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="86" />
        <source>Check the port: the MediaSense API uses 8440 (HTTPS), the media service 8446</source>
        <translation>Перевірте порт: API MediaSense використовує 8440 (HTTPS), медіасервіс — 8446</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="89" />
        <source>Check DNS on this computer, or enter the server's IP address</source>
        <translation>Перевірте DNS на цьому комп’ютері або введіть IP-адресу сервера</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="90" />
        <source>A firewall may drop the traffic: check that port 8440 is open from this computer</source>
        <translation>Брандмауер може блокувати трафік: перевірте, що порт 8440 відкритий з цього комп’ютера</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="93" />
        <source>The connection to {host}:{port} timed out: check that a firewall or VPN lets this computer reach port {port}, that the MediaSense service listens on it, and whether the server is overloaded</source>
        <translation>Час очікування з’єднання з {host}:{port} вичерпано: перевірте, що брандмауер або VPN дозволяє цьому комп’ютеру доступ до порту {port}, що служба MediaSense слухає цей порт і чи не перевантажений сервер</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="98" />
        <source>Check that the URL names the HTTPS port: the MediaSense API uses 8440, the media service 8446</source>
        <translation>Перевірте, що в URL вказано порт HTTPS: API MediaSense використовує 8440, медіасервіс — 8446</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="102" />
        <source>Try signing in to MediaSense's Search and Play with the same user to confirm the password</source>
        <translation>Спробуйте увійти в Search and Play MediaSense під тим самим користувачем, щоб перевірити пароль</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="105" />
        <source>In MediaSense administration, add the user to the API users</source>
        <translation>В адмініструванні MediaSense додайте цього користувача до користувачів API</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="106" />
        <source>The server may run another MediaSense version: check the version, and that the URL is the server's root (https://host:8440) without a path</source>
        <translation>Можливо, на сервері інша версія MediaSense: перевірте версію і те, що URL — це коренева адреса сервера (https://host:8440) без шляху</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="111" />
        <source>Until it is renewed you can pin the current certificate's fingerprint after checking it</source>
        <translation>Доки сертифікат не оновлено, можна закріпити відбиток поточного сертифіката, попередньо перевіривши його</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="114" />
        <source>Compare the certificate's fingerprint shown below with the one on the MediaSense server, then pin it; allowing any certificate is possible for a test but leaves the connection open to interception</source>
        <translation>Порівняйте відбиток сертифіката нижче з відбитком на сервері MediaSense, а потім закріпіть його; приймати будь-який сертифікат можна для перевірки, але тоді з’єднання можна перехопити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="119" />
        <source>Ask the MediaSense administrator whether the certificate was renewed before trusting it</source>
        <translation>Перш ніж довіряти сертифікату, запитайте адміністратора MediaSense, чи його оновлювали</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="122" />
        <source>Check the network between this computer and MediaSense (VPN, proxy, firewall), then test again</source>
        <translation>Перевірте мережу між цим комп'ютером і MediaSense (VPN, проксі, брандмауер) і перевірте ще раз</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="126" />
        <source>Do not connect until the MediaSense administrator has read the certificate's fingerprint on the server: pin the one shown below only if the two match</source>
        <translation>Не підключайтеся, доки адміністратор MediaSense не прочитає відбиток сертифіката на сервері: закріпіть показаний нижче, лише якщо вони збігаються</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="131" />
        <source>The server clock differs from this computer's by {seconds:.0f} s: synchronize both with NTP, or recent calls may be missed</source>
        <translation>Годинник сервера відрізняється від годинника цього комп’ютера на {seconds:.0f} с: синхронізуйте обидва через NTP, інакше останні дзвінки можуть бути пропущені</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="137" />
        <source>MediaSense rejected the credentials after signing in again</source>
        <translation>MediaSense відхилив облікові дані після повторного входу</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="140" />
        <source>MediaSense rejected a fresh session</source>
        <translation>MediaSense відхилив новий сеанс</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="141" />
        <source>MediaSense answered {path} with invalid JSON ({reason})</source>
        <translation>MediaSense відповів на {path} неправильним JSON ({reason})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="142" />
        <source>MediaSense has no {path} (HTTP {status})</source>
        <translation>У MediaSense немає {path} (HTTP {status})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="143" />
        <source>MediaSense refused access (HTTP 403)</source>
        <translation>MediaSense відмовив у доступі (HTTP 403)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="144" />
        <source>MediaSense is rate limiting requests (HTTP 429)</source>
        <translation>MediaSense обмежує частоту запитів (HTTP 429)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="145" />
        <source>MediaSense answered HTTP {status}</source>
        <translation>MediaSense відповів HTTP {status}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="146" />
        <source>MediaSense has too many concurrent requests</source>
        <translation>MediaSense має забагато одночасних запитів</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="147" />
        <source>MediaSense refused the request</source>
        <translation>MediaSense відхилив запит</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="148" />
        <source>{node} offers none of the login methods QMS Desktop knows (signIn, login, Basic)</source>
        <translation>{node} не підтримує жодного зі способів входу, відомих QMS Desktop (signIn, login, Basic)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="151" />
        <source>MediaSense rejected the user name or password</source>
        <translation>MediaSense відхилив ім’я користувача або пароль</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="152" />
        <source>MediaSense refused this user access to the API</source>
        <translation>MediaSense не дозволив цьому користувачеві доступ до API</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="153" />
        <source>MediaSense is busy</source>
        <translation>MediaSense зайнятий</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="154" />
        <source>MediaSense accepted the sign-in but sent no JSESSIONID session cookie</source>
        <translation>MediaSense прийняв вхід, але не надіслав сеансовий cookie JSESSIONID</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="157" />
        <source>{host} did not answer within {seconds:g} s</source>
        <translation>{host} не відповів протягом {seconds:g} с</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="158" />
        <source>The connection to {host} timed out after {seconds:g} s</source>
        <translation>Час очікування з’єднання з {host} вичерпано через {seconds:g} с</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="161" />
        <source>{host} accepted the connection but the TLS handshake timed out after {seconds:g} s</source>
        <translation>{host} прийняв з’єднання, але час очікування встановлення TLS-з’єднання вичерпано через {seconds:g} с</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="164" />
        <source>The host name {host!r} could not be resolved</source>
        <translation>Не вдалося визначити адресу хоста {host!r}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="165" />
        <source>{host} refused the connection</source>
        <translation>{host} відхилив з’єднання</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="166" />
        <source>The connection to {host} broke off: {reason}</source>
        <translation>З’єднання з {host} обірвалося: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="167" />
        <source>Could not reach {host}: {reason}</source>
        <translation>Не вдалося зв’язатися з {host}: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="168" />
        <source>getSystemTime answered without currentSystemTime</source>
        <translation>getSystemTime відповів без currentSystemTime</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="169" />
        <source>MediaSense answered {path} in an unexpected shape: {reason}</source>
        <translation>MediaSense відповів на {path} у неочікуваному форматі: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="172" />
        <source>MediaSense did not return session {session_id} by id ({why}), and its answer for the window around the session's start could not be read in full; the session is kept as stored</source>
        <translation>MediaSense не повернув сеанс {session_id} за ідентифікатором ({why}), а його відповідь для проміжку довкола початку сеансу не вдалося прочитати повністю; сеанс залишено таким, як збережено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="177" />
        <source>{node} offers none of the session query endpoints QMS Desktop knows</source>
        <translation>{node} не підтримує жодного із запитів сеансів, відомих QMS Desktop</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="180" />
        <source>The server's certificate does not match the pinned one ({reason})</source>
        <translation>Сертифікат сервера не збігається із закріпленим ({reason})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="183" />
        <source>{host}:{port} presented a certificate other than the pinned one</source>
        <translation>{host}:{port} надав інший сертифікат, ніж закріплений</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="186" />
        <source>The server certificate has expired ({reason})</source>
        <translation>Термін дії сертифіката сервера минув ({reason})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="187" />
        <source>The server certificate does not match the host name ({reason})</source>
        <translation>Сертифікат сервера не відповідає імені хоста ({reason})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="190" />
        <source>The server certificate is not trusted ({reason})</source>
        <translation>Сертифікат сервера не є довіреним ({reason})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="191" />
        <source>The server certificate could not be verified ({reason})</source>
        <translation>Не вдалося перевірити сертифікат сервера ({reason})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="194" />
        <source>TLS handshake failed: {reason}</source>
        <translation>Помилка встановлення TLS-з’єднання: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="196" />
        <source>The media service answered HTTP {status} without saying where to (no Location header)</source>
        <translation>Медіасервіс відповів HTTP {status}, не вказавши, куди перейти (немає заголовка Location)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="199" />
        <source>The media server {host} redirected from {from_scheme} to {to_scheme}; the MediaSense credentials are not sent there</source>
        <translation>Медіасервер {host} переспрямував з {from_scheme} на {to_scheme}; облікові дані MediaSense туди не надсилаються</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="204" />
        <source>The media server {from_host} redirected to another host, {to_host}; the MediaSense credentials are not sent there</source>
        <translation>Медіасервер {from_host} переспрямував на інший хост, {to_host}; облікові дані MediaSense туди не надсилаються</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="209" />
        <source>The media service redirected more than {limit} times</source>
        <translation>Медіасервіс переспрямував понад {limit} разів</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="213" />
        <source>Check the MediaSense URL and connection settings</source>
        <translation>Перевірте URL сервера MediaSense і параметри підключення</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="214" />
        <source>Check that the MediaSense host and port are right and reachable from this computer</source>
        <translation>Перевірте, що хост і порт MediaSense правильні й доступні з цього комп’ютера</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="217" />
        <source>Nothing accepts connections on that host and port: check the port (the API uses 8440) and that the MediaSense API service is running</source>
        <translation>На цьому хості й порту ніщо не приймає з’єднань: перевірте порт (API використовує 8440) і те, що служба API MediaSense запущена</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="222" />
        <source>The host name does not resolve: check its spelling or use the server's IP address</source>
        <translation>Ім’я хоста не розпізнається: перевірте написання або вкажіть IP-адресу сервера</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="225" />
        <source>The server did not answer in time: check firewalls and VPN, or raise the timeout</source>
        <translation>Сервер не відповів вчасно: перевірте брандмауери та VPN або збільште тайм-аут</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="228" />
        <source>Check the server certificate</source>
        <translation>Перевірте сертифікат сервера</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="229" />
        <source>The server did not complete a TLS handshake: check that the port serves HTTPS (the API uses 8440, the media service 8446) and that the server accepts TLS 1.2 or later</source>
        <translation>Сервер не завершив встановлення TLS-з’єднання: перевірте, що порт обслуговує HTTPS (API використовує 8440, медіасервіс — 8446) і що сервер приймає TLS 1.2 або новіший</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="234" />
        <source>The server certificate has expired: ask the MediaSense administrator to renew it</source>
        <translation>Термін дії сертифіката сервера минув: попросіть адміністратора MediaSense оновити його</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="237" />
        <source>The certificate is not signed by a trusted authority (MediaSense uses a self-signed one by default): choose the CA file, or pin the certificate's fingerprint after checking it</source>
        <translation>Сертифікат не підписаний довіреним центром сертифікації (MediaSense типово використовує самопідписаний): виберіть файл CA або закріпіть відбиток сертифіката, попередньо перевіривши його</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="242" />
        <source>The certificate was issued for another name: connect with the name it was issued for</source>
        <translation>Сертифікат видано для іншого імені: підключайтеся за тим іменем, для якого його видано</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="245" />
        <source>The server's certificate changed — possible interception; verify with the MediaSense administrator before accepting the new fingerprint</source>
        <translation>Сертифікат сервера змінився — можливе перехоплення; перевірте з адміністратором MediaSense, перш ніж прийняти новий відбиток</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="250" />
        <source>Check the user name and password; the user must be a Unified CM end user enabled as a MediaSense API user (a password change in Unified CM can take minutes to apply)</source>
        <translation>Перевірте ім’я користувача й пароль; це має бути кінцевий користувач Unified CM, увімкнений як користувач API MediaSense (зміна пароля в Unified CM може набути чинності за кілька хвилин)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="255" />
        <source>The user is known but not allowed: ask the administrator to enable it as a MediaSense API user</source>
        <translation>Користувач відомий, але не має дозволу: попросіть адміністратора увімкнути його як користувача API MediaSense</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="258" />
        <source>MediaSense accepted the password but sent no JSESSIONID cookie; check that no proxy strips Set-Cookie headers, or that the server's API session service is healthy</source>
        <translation>MediaSense прийняв пароль, але не надіслав cookie JSESSIONID; перевірте, чи не вилучає проксі заголовки Set-Cookie і чи справна служба сеансів API на сервері</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="263" />
        <source>The MediaSense session keeps expiring: check the server's clock and the API service</source>
        <translation>Сеанс MediaSense постійно закінчується: перевірте годинник сервера та службу API</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="266" />
        <source>This MediaSense version does not offer that API: check the version and the base URL</source>
        <translation>Ця версія MediaSense не підтримує цей API: перевірте версію та базовий URL</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="269" />
        <source>MediaSense is busy with too many requests: try again in a few minutes</source>
        <translation>MediaSense перевантажений запитами: спробуйте ще раз за кілька хвилин</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="272" />
        <source>MediaSense reported an internal error: check the server's health and try again later</source>
        <translation>MediaSense повідомив про внутрішню помилку: перевірте стан сервера і спробуйте пізніше</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="275" />
        <source>MediaSense refused the request; the detail says why</source>
        <translation>MediaSense відхилив запит; причину вказано в подробицях</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="276" />
        <source>MediaSense answered with data that is not valid JSON in the expected shape: check the server version</source>
        <translation>MediaSense повернув дані, що не є правильним JSON очікуваного формату: перевірте версію сервера</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="280" />
        <source>The session is kept as stored; the next sync checks it again</source>
        <translation>Сеанс залишено таким, як збережено; наступна синхронізація перевірить його знову</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="283" />
        <source>The audio has been pruned from MediaSense (retention policy); the metadata remains</source>
        <translation>Аудіо видалено з MediaSense (політика зберігання); метадані залишилися</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="286" />
        <source>The recording has no playable media yet (the call may still be active)</source>
        <translation>У записі ще немає аудіо для відтворення (можливо, дзвінок ще триває)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="289" />
        <source>The requested byte range lies outside the recording</source>
        <translation>Запитаний діапазон байтів виходить за межі запису</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="292" />
        <source>QMS Desktop follows media redirects only on the same host and scheme: ask the MediaSense administrator why the media service sends clients elsewhere</source>
        <translation>QMS Desktop виконує переспрямування медіа лише в межах того самого хоста і схеми: запитайте адміністратора MediaSense, чому медіасервіс відсилає клієнтів деінде</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/core_messages.py" line="297" />
        <source>The media service keeps redirecting: check the MediaSense media service and any proxy in front of it</source>
        <translation>Медіасервіс переспрямовує без кінця: перевірте медіасервіс MediaSense і проксі перед ним, якщо він є</translation>
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
        <translation>Підрахунок…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/controller.py" line="89" />
        <source>Saved to {path}</source>
        <translation>Збережено у {path}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/controller.py" line="99" />
        <source>Review settings saved</source>
        <translation>Налаштування перевірок збережено</translation>
    </message>
</context>
<context>
    <name>CoverageTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="158" />
        <source>(no agent)</source>
        <translation>(без оператора)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="161" />
        <source>Team total</source>
        <translation>Разом по команді</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="162" />
        <source>All</source>
        <translation>Усього</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="165" />
        <source>Target: {count} reviewed per agent per week</source>
        <translation>Ціль: {count} перевірених на оператора за тиждень</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="167" />
        <source>No weekly target set</source>
        <translation>Тижневу ціль не задано</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="169" />
        <source>{reviewed} of {count} recordings reviewed, {minutes} min heard. {target}</source>
        <translation>Перевірено {reviewed} з {count} записів, прослухано {minutes} хв. {target}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="202" />
        <source>Export coverage</source>
        <translation>Експорт покриття</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="202" />
        <source>CSV files (*.csv)</source>
        <translation>Файли CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="215" />
        <source>Review coverage</source>
        <translation>Покриття перевірок</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="216" />
        <source>From</source>
        <translation>З</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="217" />
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="218" />
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="226" />
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="219" />
        <source>All teams</source>
        <translation>Усі команди</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="220" />
        <source>Show</source>
        <translation>Показати</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="221" />
        <source>Export CSV…</source>
        <translation>Експорт CSV…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="222" />
        <source>Weekly target per agent</source>
        <translation>Тижнева ціль на оператора</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="223" />
        <source>Heard before marking, %</source>
        <translation>Прослухати до позначки, %</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="224" />
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="227" />
        <source>Agent</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="228" />
        <source>Recordings</source>
        <translation>Записи</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="229" />
        <source>Reviewed</source>
        <translation>Перевірено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="230" />
        <source>Heard, min</source>
        <translation>Прослух., хв</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="231" />
        <source>Recorded, min</source>
        <translation>Записано, хв</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="232" />
        <source>Target</source>
        <translation>Ціль</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/coverage/tab.py" line="233" />
        <source>Met</source>
        <translation>Виконано</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="188" />
        <source>Details</source>
        <translation>Подробиці</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="189" />
        <source>Select a recording to see its details and play it.</source>
        <translation>Виберіть запис, щоб побачити подробиці й прослухати його.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="192" />
        <source>Call of {start}</source>
        <translation>Дзвінок {start}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="195" />
        <source>segment {number} of {count}</source>
        <translation>сегмент {number} з {count}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="236" />
        <source>Audio: {status}</source>
        <translation>Аудіо: {status}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="263" />
        <source>Segments of this call ({count})</source>
        <translation>Сегменти цього виклику ({count})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="264" />
        <source>Double-click a segment to play it</source>
        <translation>Двічі клацніть сегмент, щоб його прослухати</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="273" />
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="278" />
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="320" />
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="342" />
        <source>Agent</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="274" />
        <source>Caller</source>
        <translation>Абонент</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="275" />
        <source>Called party</source>
        <translation>Викликаний абонент</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="278" />
        <source>Customer</source>
        <translation>Клієнт</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="284" />
        <source>video</source>
        <translation>відео</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="289" />
        <source>conference</source>
        <translation>конференція</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="292" />
        <source>Participants ({count})</source>
        <translation>Учасники ({count})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="302" />
        <source>Tags ({count})</source>
        <translation>Мітки ({count})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="303" />
        <source>Double-click a tag to play from there</source>
        <translation>Двічі клацніть мітку, щоб слухати з цього місця</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="319" />
        <source>Session</source>
        <translation>Сесія</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="321" />
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="322" />
        <source>Direction</source>
        <translation>Напрямок</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="323" />
        <source>Caller (ANI)</source>
        <translation>Хто дзвонив (ANI)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="324" />
        <source>Called (DNIS)</source>
        <translation>Куди дзвонили (DNIS)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="325" />
        <source>CSQ</source>
        <translation>CSQ</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="326" />
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="327" />
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="342" />
        <source>Duration</source>
        <translation>Тривалість</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="328" />
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="342" />
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="329" />
        <source>Wrap-up</source>
        <translation>Підсумок</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="330" />
        <source>Codec</source>
        <translation>Кодек</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="331" />
        <source>Recording id</source>
        <translation>Ідентифікатор запису</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="332" />
        <source>Call controller</source>
        <translation>Контролер викликів</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="333" />
        <source>Last synced</source>
        <translation>Синхронізовано</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="338" />
        <source>Track</source>
        <translation>Доріжка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="338" />
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="338" />
        <source>Name</source>
        <translation>Ім'я</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="338" />
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="340" />
        <source>At</source>
        <translation>Момент</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="340" />
        <source>Tag</source>
        <translation>Мітка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="340" />
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/details.py" line="342" />
        <source>Start</source>
        <translation>Початок</translation>
    </message>
</context>
<context>
    <name>DirectoryController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="137" />
        <source>The dial plan cannot be previewed: {reason}</source>
        <translation>Попередній перегляд плану нумерації неможливий: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="177" />
        <source>Stopped: nothing was changed.</source>
        <translation>Зупинено: нічого не змінено.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="196" />
        <source>{n} recordings linked anew.</source>
        <translation>Записів пов’язано наново: {n}.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="201" />
        <source>The recordings were not linked anew: {reason}</source>
        <translation>Записи не пов’язано наново: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="211" />
        <source>Agent {agent} saved; {relinked} recordings linked anew.</source>
        <translation>Агента {agent} збережено; записів пов’язано наново: {relinked}.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="220" />
        <source>Agent {agent} was not saved: {reason}</source>
        <translation>Агента {agent} не збережено: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="229" />
        <source>Dial plan saved; {relinked} recordings linked anew. The next sync uses it.</source>
        <translation>План нумерації збережено; записів пов'язано заново: {relinked}. Наступна синхронізація його використає.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="238" />
        <source>The dial plan was not saved: {reason}</source>
        <translation>План нумерації не збережено: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="267" />
        <source>{file} cannot be imported: {reason}</source>
        <translation>{file} не вдається імпортувати: {reason}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/controller.py" line="282" />
        <source>{created} agents added, {updated} changed; {relinked} recordings linked anew.</source>
        <translation>Додано агентів: {created}, змінено: {updated}; записів пов’язано наново: {relinked}.</translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="89" />
        <source>Import agents from CSV</source>
        <translation>Імпорт агентів із CSV</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="325" />
        <source>No calls are stored yet: once a sync has run, the last ones show here as this plan sees them.</source>
        <translation>Дзвінків ще немає: після синхронізації тут з’являться останні — так, як їх бачить цей план.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="328" />
        <source>The last {n} stored calls under the plan above; {changed} would change (bold).</source>
        <translation>Останні збережені дзвінки ({n}) за планом вище; зміняться: {changed} (жирним).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="342" />
        <source>The plan above was changed: press Preview on stored calls to see its effect.</source>
        <translation>План вище змінено: натисніть «Перевірити на записах», щоб побачити наслідки.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="360" />
        <source>Preview of {file}</source>
        <translation>Попередній перегляд {file}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="363" />
        <source>{created} new agents, {updated} changed, {unchanged} unchanged, {teams} new teams; {relinked} recordings will be linked anew. {errors} rows are refused and will be skipped.</source>
        <translation>Нових агентів: {created}, змінених: {updated}, без змін: {unchanged}, нових команд: {teams}; записів буде пов’язано наново: {relinked}. Відхилено рядків (їх буде пропущено): {errors}.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="375" />
        <source>Line {line}: {message}</source>
        <translation>Рядок {line}: {message}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="424" />
        <source>{n} agents in {teams} teams</source>
        <translation>Агентів: {n}, команд: {teams}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="425" />
        <source>Agents link the extensions MediaSense records to people and teams.</source>
        <translation>Агенти пов’язують номери, які записує MediaSense, з людьми та командами.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="426" />
        <source>Double-click a name, extension or team to change it</source>
        <translation>Двічі клацніть ім’я, номер або команду, щоб змінити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="430" />
        <source>Linking recordings to agents…</source>
        <translation>Зв’язування записів з агентами…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="431" />
        <source>Classifying stored calls…</source>
        <translation>Класифікація збережених дзвінків…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="432" />
        <source>Updating search documents…</source>
        <translation>Оновлення пошукових документів…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="434" />
        <source>Linking recordings anew…</source>
        <translation>Повторне зв’язування записів…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="437" />
        <source>Import CSV…</source>
        <translation>Імпорт CSV…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="439" />
        <source>A CSV file with the header agent_id,name,extension,team; you see what changes before it does</source>
        <translation>Файл CSV із заголовком agent_id,name,extension,team; ви побачите зміни до того, як їх буде внесено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="441" />
        <source>Import</source>
        <translation>Імпортувати</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="442" />
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="443" />
        <source>Dial plan</source>
        <translation>План нумерації</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="446" />
        <source>Internal numbers (regular expression)</source>
        <translation>Внутрішні номери (регулярний вираз)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="446" />
        <source>Agent's track</source>
        <translation>Доріжка агента</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="446" />
        <source>Caller's track</source>
        <translation>Доріжка того, хто телефонує</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="451" />
        <source>MediaSense numbers tracks from 0. With Unified CM track 0 is the agent's phone and track 1 the far end; set the caller's track to 0 where agents mostly dial out. Saving re-links stored recordings; the next sync uses it.</source>
        <translation>MediaSense нумерує доріжки з 0. З Unified CM доріжка 0 — телефон агента, доріжка 1 — інша сторона; встановіть доріжку того, хто телефонує, на 0, якщо агенти здебільшого телефонують самі. Збереження заново пов'язує збережені записи; наступна синхронізація його використає.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="456" />
        <source>Save dial plan</source>
        <translation>Зберегти план нумерації</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="457" />
        <source>Preview on stored calls</source>
        <translation>Перевірити на записах</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="459" />
        <source>How the plan in the form classifies the last stored calls; nothing is saved</source>
        <translation>Як план із форми класифікує останні збережені дзвінки; нічого не зберігається</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="461" />
        <source>Re-link recordings</source>
        <translation>Пов’язати записи наново</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="463" />
        <source>Recompute agent, team, direction, ANI and DNIS of every stored recording now</source>
        <translation>Зараз перерахувати агента, команду, напрямок, ANI і DNIS усіх збережених записів</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/directory/tab.py" line="465" />
        <source>Stop</source>
        <translation>Зупинити</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../qms_desktop/ui/excepthook.py" line="33" />
        <source>The error was written to the log. If it happens again, send the details to support.</source>
        <translation>Помилку записано в журнал. Якщо вона повториться, надішліть подробиці до служби підтримки.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/excepthook.py" line="53" />
        <source>Unexpected error</source>
        <translation>Неочікувана помилка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/excepthook.py" line="54" />
        <source>Something went wrong: {error}</source>
        <translation>Щось пішло не так: {error}</translation>
    </message>
</context>
<context>
    <name>EvidenceController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence_controller.py" line="89" />
        <source>This link could not be opened: {error}</source>
        <translation>Не вдалося відкрити посилання: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence_controller.py" line="119" />
        <source>Link copied: {link}</source>
        <translation>Посилання скопійовано: {link}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence_controller.py" line="175" />
        <source>The export failed: {error}</source>
        <translation>Експорт не вдався: {error}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="145" />
        <source>Choose where the export folder goes</source>
        <translation>Виберіть, де створити теку експорту</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="153" />
        <source>Say why the audio leaves MediaSense: a reason is required.</source>
        <translation>Вкажіть, навіщо аудіо виходить із MediaSense: причина обов'язкова.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="156" />
        <source>Choose a new folder for the export.</source>
        <translation>Виберіть нову теку для експорту.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="161" />
        <source>Exporting…</source>
        <translation>Експортування…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="173" />
        <source>Fetching {what} from MediaSense ({done} of {total})</source>
        <translation>Отримання {what} з MediaSense ({done} з {total})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="181" />
        <source>Exported to {folder}. Manifest SHA-256 (kept in the audit trail): {sha}</source>
        <translation>Експортовано до {folder}. SHA-256 маніфесту (є в журналі аудиту): {sha}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="196" />
        <source>Export recording {id}</source>
        <translation>Експорт запису {id}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="199" />
        <source>This is the one deliberate way audio leaves MediaSense. The files, their SHA-256 and your reason are written to a new folder, and the export is recorded in the audit trail.</source>
        <translation>Це єдиний навмисний спосіб вивести аудіо з MediaSense. Файли, їхні SHA-256 і ваша причина записуються в нову теку, а експорт фіксується в журналі аудиту.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="203" />
        <source>Reason:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="204" />
        <source>Why is this recording exported (case, complaint, request)?</source>
        <translation>Навіщо експортується запис (справа, скарга, запит)?</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="205" />
        <source>Folder:</source>
        <translation>Тека:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="206" />
        <source>A new, empty folder</source>
        <translation>Нова порожня тека</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="207" />
        <source>Browse…</source>
        <translation>Огляд…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="208" />
        <source>Only the clip from (s) … to (s)</source>
        <translation>Лише фрагмент від (с) … до (с)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="209" />
        <source>Also make a zip file</source>
        <translation>Також створити zip-файл</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="210" />
        <source>Export</source>
        <translation>Експортувати</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="211" />
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="332" />
        <source>Find recordings</source>
        <translation>Пошук записів</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="334" />
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="392" />
        <source>Search</source>
        <translation>Пошук</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="335" />
        <source>Period</source>
        <translation>Період</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="336" />
        <source>Dates</source>
        <translation>Дати</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="337" />
        <source>Agent</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="338" />
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="339" />
        <source>Direction</source>
        <translation>Напрямок</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="340" />
        <source>Caller (ANI)</source>
        <translation>Хто дзвонив (ANI)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="341" />
        <source>Called (DNIS)</source>
        <translation>Куди дзвонили (DNIS)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="342" />
        <source>CSQ</source>
        <translation>CSQ</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="343" />
        <source>Duration</source>
        <translation>Тривалість</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="344" />
        <source>Tags</source>
        <translation>Мітки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="345" />
        <source>State</source>
        <translation>Стан</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="346" />
        <source>Call id (CCID)</source>
        <translation>Ідентифікатор виклику (CCID)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="347" />
        <source>Review</source>
        <translation>Перевірка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="352" />
        <source>Today</source>
        <translation>Сьогодні</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="353" />
        <source>Yesterday</source>
        <translation>Учора</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="354" />
        <source>Last 7 days</source>
        <translation>Останні 7 днів</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="355" />
        <source>This month</source>
        <translation>Цей місяць</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="356" />
        <source>All time</source>
        <translation>Увесь час</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="357" />
        <source>Custom range</source>
        <translation>Власний діапазон</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="361" />
        <source>All agents</source>
        <translation>Усі оператори</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="362" />
        <source>All teams</source>
        <translation>Усі команди</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="363" />
        <source>Any direction</source>
        <translation>Будь-який напрямок</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="366" />
        <source>Any state</source>
        <translation>Будь-який стан</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="370" />
        <source>Any</source>
        <translation>Будь-які</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="371" />
        <source>Reviewed</source>
        <translation>Перевірені</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="372" />
        <source>Not reviewed</source>
        <translation>Не перевірені</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="373" />
        <source>Partly heard</source>
        <translation>Частково прослухані</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="377" />
        <source>Partly heard: you heard some of it and nobody marked it reviewed</source>
        <translation>Частково прослухані: ви прослухали частину, і ніхто не позначив запис перевіреним</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="378" />
        <source>Words in any field</source>
        <translation>Слова в усіх полях</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="379" />
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="380" />
        <source>Part of the number</source>
        <translation>Частина номера</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="381" />
        <source>Exact queue name</source>
        <translation>Точна назва черги</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="383" />
        <source>Exact id: all segments</source>
        <translation>Точний id: усі сегменти</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="384" />
        <source>Exact: every segment of that call</source>
        <translation>Точно: усі сегменти цього виклику</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="385" />
        <source>tag1, tag2 (all)</source>
        <translation>мітка1, мітка2 (усі)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="386" />
        <source>tag1, tag2 (all of them)</source>
        <translation>мітка1, мітка2 (усі разом)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="388" />
        <source>any</source>
        <translation>будь-яка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="389" />
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="390" />
        <source>Shortest duration in seconds</source>
        <translation>Найменша тривалість у секундах</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="391" />
        <source>Longest duration in seconds</source>
        <translation>Найбільша тривалість у секундах</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/filters.py" line="393" />
        <source>Reset</source>
        <translation>Скинути</translation>
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
        <translation>Відкрити цю довідку</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="68" />
        <source>Ctrl+1 … Ctrl+9</source>
        <translation>Ctrl+1 … Ctrl+9</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="68" />
        <source>Go to the first … ninth tab</source>
        <translation>Перейти до першої … дев'ятої вкладки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="69" />
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="69" />
        <source>Go to the search field of the current tab</source>
        <translation>Перейти до поля пошуку поточної вкладки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="70" />
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="70" />
        <source>Recordings: search with the filters</source>
        <translation>Записи: шукати за фільтрами</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="71" />
        <source>Space</source>
        <translation>Пробіл</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="71" />
        <source>Player: play or pause</source>
        <translation>Програвач: відтворити або призупинити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="72" />
        <source>← / →</source>
        <translation>← / →</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="72" />
        <source>Player: back or forward 5 seconds</source>
        <translation>Програвач: на 5 секунд назад або вперед</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="73" />
        <source>Shift+← / Shift+→</source>
        <translation>Shift+← / Shift+→</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="73" />
        <source>Player: back or forward 30 seconds</source>
        <translation>Програвач: на 30 секунд назад або вперед</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="74" />
        <source>Ctrl+← / Ctrl+→</source>
        <translation>Ctrl+← / Ctrl+→</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="74" />
        <source>Player: back or forward 15 seconds</source>
        <translation>Програвач: на 15 секунд назад або вперед</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="75" />
        <source>[ / ] / \</source>
        <translation>[ / ] / \</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="75" />
        <source>Player: loop from here / up to here / stop looping</source>
        <translation>Програвач: цикл звідси / до цього місця / зупинити цикл</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="76" />
        <source>F8 / Shift+F8</source>
        <translation>F8 / Shift+F8</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="76" />
        <source>Logs: next or previous error</source>
        <translation>Журнал: наступна або попередня помилка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="77" />
        <source>Ctrl+C</source>
        <translation>Ctrl+C</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="77" />
        <source>Logs: copy the selected rows</source>
        <translation>Журнал: копіювати вибрані рядки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="78" />
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="78" />
        <source>Quit</source>
        <translation>Вийти</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="86" />
        <location filename="../../qms_desktop/ui/help.py" line="91" />
        <source>Keyboard shortcuts</source>
        <translation>Клавіатурні скорочення</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="90" />
        <source>QMS Desktop: user guide</source>
        <translation>QMS Desktop: посібник користувача</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="92" />
        <source>Guide for each role</source>
        <translation>Посібник для кожної ролі</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="93" />
        <source>Troubleshooting</source>
        <translation>Розв'язання проблем</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/help.py" line="102" />
        <source>QMS Desktop help</source>
        <translation>Довідка QMS Desktop</translation>
    </message>
</context>
<context>
    <name>LogTableModel</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="67" />
        <source> … (+{0} chars)</source>
        <translation> … (+{0} симв.)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="69" />
        <source> ⏎ (+{0} lines)</source>
        <translation> ⏎ (+{0} рядк.)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="99" />
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="100" />
        <source>Level</source>
        <translation>Рівень</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="101" />
        <source>Area</source>
        <translation>Область</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="102" />
        <source>Message</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="103" />
        <source>Request ID</source>
        <translation>ID запиту</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="185" />
        <source>The request id of an HTTP exchange or the correlation id of a sync run</source>
        <translation>ID запиту HTTP-обміну або ID кореляції запуску синхронізації</translation>
    </message>
</context>
<context>
    <name>LoginController</name>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="249" />
        <source>This account is disabled. Ask an administrator to enable it.</source>
        <translation>Цей обліковий запис вимкнено. Попросіть адміністратора ввімкнути його.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="252" />
        <source>Too many failed sign-ins: this user name is locked. Ask an administrator to unlock it.</source>
        <translation>Забагато невдалих спроб входу: це ім’я користувача заблоковано. Попросіть адміністратора розблокувати його.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="255" />
        <source>Too many failed sign-ins. Wait {n} s, then try again.</source>
        <translation>Забагато невдалих спроб входу. Зачекайте {n} с і спробуйте ще раз.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="259" />
        <source>Wrong user name or password. Check both and try again.</source>
        <translation>Неправильне ім'я користувача або пароль. Перевірте обидва й спробуйте ще раз.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="262" />
        <source>An administrator already exists: sign in with that account.</source>
        <translation>Адміністратор уже існує: увійдіть із цим обліковим записом.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="123" />
        <source>Enter a user name.</source>
        <translation>Введіть ім'я користувача.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="126" />
        <source>Use letters, digits, '.', '_', '@' or '-' in the user name, starting with a letter or digit.</source>
        <translation>Ім'я користувача може містити латинські літери, цифри, «.», «_», «@» або «-» і має починатися з літери чи цифри.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="129" />
        <source>Enter the password.</source>
        <translation>Введіть пароль.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="132" />
        <source>The password needs at least {n} characters.</source>
        <translation>Пароль має містити щонайменше {n} символів.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="134" />
        <source>The two passwords do not match.</source>
        <translation>Паролі не збігаються.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="186" />
        <source>Create the administrator</source>
        <translation>Створення адміністратора</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="186" />
        <source>Sign in to QMS Desktop</source>
        <translation>Вхід до QMS Desktop</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="190" />
        <source>&lt;b&gt;Welcome to QMS Desktop.&lt;/b&gt;&lt;br&gt;No administrator exists yet. Choose the user name and password of the first administrator account; it can add the other users later.</source>
        <translation>&lt;b&gt;Вітаємо в QMS Desktop.&lt;/b&gt;&lt;br&gt;Адміністратора ще немає. Виберіть ім'я користувача та пароль першого облікового запису адміністратора; інших користувачів він зможе додати пізніше.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="195" />
        <source>Sign in with your QMS Desktop account.</source>
        <translation>Увійдіть зі своїм обліковим записом QMS Desktop.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="204" />
        <source>Demo accounts: {admin} / {admin_pw}, {sup} / {sup_pw}</source>
        <translation>Демонстраційні облікові записи: {admin} / {admin_pw}, {sup} / {sup_pw}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="208" />
        <source>User name:</source>
        <translation>Ім'я користувача:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="209" />
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="210" />
        <source>Repeat the password:</source>
        <translation>Повторіть пароль:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="212" />
        <source>At least {n} characters</source>
        <translation>Щонайменше {n} символів</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="215" />
        <source>Creating…</source>
        <translation>Створення…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="215" />
        <source>Signing in…</source>
        <translation>Вхід…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="217" />
        <source>Create and sign in</source>
        <translation>Створити й увійти</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="217" />
        <source>Sign in</source>
        <translation>Увійти</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/login.py" line="218" />
        <source>Quit</source>
        <translation>Вийти з програми</translation>
    </message>
</context>
<context>
    <name>LogsController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/controller.py" line="166" />
        <source>Could not read older log entries: {0}</source>
        <translation>Не вдалося прочитати старіші записи журналу: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/controller.py" line="179" />
        <source>Could not set the log level: {0}</source>
        <translation>Не вдалося встановити рівень журналу: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/controller.py" line="194" />
        <source>Could not clear the log: {0}</source>
        <translation>Не вдалося очистити журнал: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/controller.py" line="213" />
        <source>Could not save the log: {0}</source>
        <translation>Не вдалося зберегти журнал: {0}</translation>
    </message>
</context>
<context>
    <name>LogsTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="132" />
        <source>&amp;Show:</source>
        <translation>&amp;Показати:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="136" />
        <source>All levels</source>
        <translation>Усі рівні</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="137" />
        <source>Info and above</source>
        <translation>Інформація й вище</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="138" />
        <source>Warnings and errors</source>
        <translation>Попередження й помилки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="139" />
        <source>Errors only</source>
        <translation>Лише помилки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="142" />
        <source>Hide non-matching</source>
        <translation>Ховати невідповідні</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="144" />
        <source>Off: keep every row and only highlight the matches</source>
        <translation>Вимкнено: показувати всі рядки й лише підсвічувати збіги</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="146" />
        <source>◀ Error</source>
        <translation>◀ Помилка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="147" />
        <source>Previous error (Shift+F8)</source>
        <translation>Попередня помилка (Shift+F8)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="148" />
        <source>Error ▶</source>
        <translation>Помилка ▶</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="149" />
        <source>Next error (F8)</source>
        <translation>Наступна помилка (F8)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="150" />
        <source>Follow</source>
        <translation>Стежити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="152" />
        <source>Keep the newest entry in view (turns off when you scroll up)</source>
        <translation>Тримати найновіший запис на виду (вимикається, коли ви прокручуєте вгору)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="154" />
        <source>Load older</source>
        <translation>Завантажити старіші</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="155" />
        <source>Read older entries from the log files</source>
        <translation>Прочитати старіші записи з файлів журналу</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/log_view.py" line="104" />
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="156" />
        <source>Copy</source>
        <translation>Копіювати</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="157" />
        <source>Copy the selected rows (Ctrl+C)</source>
        <translation>Копіювати вибрані рядки (Ctrl+C)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="158" />
        <source>Save as…</source>
        <translation>Зберегти як…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="159" />
        <source>Save the rows shown to a text file</source>
        <translation>Зберегти показані рядки в текстовий файл</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="160" />
        <source>Clear…</source>
        <translation>Очистити…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="161" />
        <source>Archive the log file and start a new one</source>
        <translation>Заархівувати файл журналу й почати новий</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="162" />
        <source>&amp;Record level:</source>
        <translation>&amp;Рівень запису:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="164" />
        <source>What the integration log records from now on (also for the CLI)</source>
        <translation>Що журнал інтеграції записуватиме відтепер (також для командного рядка)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/details.py" line="29" />
        <source>Select an entry to see its fields and exception.</source>
        <translation>Виберіть запис, щоб побачити його поля й виняток.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="100" />
        <source>Resume ({0} new)</source>
        <translation>Продовжити ({0} нових)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="102" />
        <source>Resume</source>
        <translation>Продовжити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/toolbar.py" line="105" />
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="182" />
        <source>{0} of {1} entries shown</source>
        <translation>Показано {0} з {1} записів</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="186" />
        <source>reading older entries…</source>
        <translation>читання старіших записів…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="188" />
        <source>paused, {0} new</source>
        <translation>пауза, {0} нових</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="200" />
        <source>Invalid regular expression: {0}</source>
        <translation>Неправильний регулярний вираз: {0}</translation>
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
        <translation>Помилки серед показаних рядків</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/details.py" line="35" />
        <source>Time: {0} (UTC {1})</source>
        <translation>Час: {0} (UTC {1})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/details.py" line="38" />
        <source>Level: {0}    Area: {1}    Sequence: {2}</source>
        <translation>Рівень: {0}    Область: {1}    Порядковий номер: {2}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/details.py" line="45" />
        <source>Exception:</source>
        <translation>Виняток:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/details.py" line="47" />
        <source>Fields:</source>
        <translation>Поля:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="299" />
        <source>{0} rows copied</source>
        <translation>Скопійовано рядків: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="307" />
        <source>Save log as</source>
        <translation>Зберегти журнал як</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="309" />
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation>Текстові файли (*.txt *.log);;Усі файли (*)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="316" />
        <source>Clear the integration log</source>
        <translation>Очистити журнал інтеграції</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="318" />
        <source>The current log file is archived next to it and a new one is started. The view is emptied. Continue?</source>
        <translation>Поточний файл журналу буде заархівовано поруч, і почнеться новий. Перегляд буде очищено. Продовжити?</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="331" />
        <source>Log cleared; archived as {0}</source>
        <translation>Журнал очищено; архів: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="331" />
        <source>Log cleared</source>
        <translation>Журнал очищено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="334" />
        <source>{0} rows saved to {1}</source>
        <translation>Збережено рядків: {0} у {1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="284" />
        <source>Connection: not tested yet</source>
        <translation>З'єднання: ще не перевірено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="285" />
        <source>Connection: testing…</source>
        <translation>З'єднання: перевірка…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="286" />
        <source>Connection: OK</source>
        <translation>З'єднання: гаразд</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="287" />
        <source>Connection: failed</source>
        <translation>З'єднання: помилка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="294" />
        <source>Last sync: never</source>
        <translation>Остання синхронізація: ще не було</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="297" />
        <source>succeeded</source>
        <translation>успішна</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="298" />
        <source>partly succeeded</source>
        <translation>частково успішна</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="299" />
        <source>failed</source>
        <translation>не вдалася</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="300" />
        <source>interrupted</source>
        <translation>перервана</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="301" />
        <source>running</source>
        <translation>триває</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="306" />
        <source>Last sync: {status} at {time} ({created} new, {updated} updated)</source>
        <translation>Остання синхронізація: {status}, {time} (нових: {created}, оновлено: {updated})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/formatting.py" line="24" />
        <source>Administrator</source>
        <translation>Адміністратор</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/formatting.py" line="25" />
        <source>Supervisor</source>
        <translation>Супервізор</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/formatting.py" line="26" />
        <source>IT</source>
        <translation>ІТ</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/formatting.py" line="27" />
        <source>System service</source>
        <translation>Системна служба</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="328" />
        <source>Not signed in</source>
        <translation>Вхід не виконано</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="332" />
        <source>User: {user} ({role})</source>
        <translation>Користувач: {user} ({role})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="333" />
        <source>Teams: {teams}</source>
        <translation>Команди: {teams}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="337" />
        <source>QMS Desktop</source>
        <translation>QMS Desktop</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="337" />
        <source> — demo</source>
        <translation> — демо</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="341" />
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="342" />
        <source>Sign &amp;out</source>
        <translation>Ви&amp;йти з облікового запису</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="343" />
        <source>Switch to demo administrator</source>
        <translation>Перейти до демо-адміністратора</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="344" />
        <source>Switch to demo supervisor</source>
        <translation>Перейти до демо-супервізора</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="345" />
        <source>&amp;Quit</source>
        <translation>&amp;Вийти</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="346" />
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="347" />
        <source>&amp;Language</source>
        <translation>&amp;Мова</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="348" />
        <source>System</source>
        <translation>Системна</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="351" />
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="352" />
        <source>&amp;User guide</source>
        <translation>По&amp;сібник користувача</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="353" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Клавіатурні скорочення</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="354" />
        <source>&amp;About QMS Desktop</source>
        <translation>&amp;Про QMS Desktop</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="356" />
        <source>QMS Desktop could not start:
{error}</source>
        <translation>Не вдалося запустити QMS Desktop:
{error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="358" />
        <source>Sign in to continue.</source>
        <translation>Увійдіть, щоб продовжити.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="360" />
        <source>Opening the database…</source>
        <translation>Відкриття бази даних…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="364" />
        <source>Database: {url}</source>
        <translation>База даних: {url}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="364" />
        <source>Database: opening…</source>
        <translation>База даних: відкриття…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="393" />
        <source>&lt;h3&gt;QMS Desktop {version}&lt;/h3&gt;&lt;p&gt;Cisco MediaSense recordings for quality management.&lt;/p&gt;&lt;p&gt;Qt {qt}&lt;br&gt;PySide6 {pyside}&lt;br&gt;Python {python}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;QMS Desktop {version}&lt;/h3&gt;&lt;p&gt;Записи Cisco MediaSense для контролю якості.&lt;/p&gt;&lt;p&gt;Qt {qt}&lt;br&gt;PySide6 {pyside}&lt;br&gt;Python {python}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="402" />
        <source>About QMS Desktop</source>
        <translation>Про QMS Desktop</translation>
    </message>
</context>
<context>
    <name>NextStep</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="59" />
        <source>Set up the connection to MediaSense in the Connection tab: its address, user and password.</source>
        <translation>Налаштуйте з’єднання з MediaSense на вкладці «З'єднання»: адресу, користувача й пароль.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="61" />
        <source>Open the Connection tab</source>
        <translation>Відкрити «З'єднання»</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="62" />
        <source>The connection to MediaSense is not set up yet: ask an administrator to set it up.</source>
        <translation>З’єднання з MediaSense ще не налаштоване: зверніться до адміністратора.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="67" />
        <source>No recordings have been synced from MediaSense yet: ask an administrator to run a sync.</source>
        <translation>Записи з MediaSense ще не синхронізовано: попросіть адміністратора запустити синхронізацію.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="71" />
        <source>No recordings have been synced yet. Sync now, or schedule the sync in the Sync tab.</source>
        <translation>Записи ще не синхронізовано. Синхронізуйте зараз або заплануйте на вкладці «Синхронізація».</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="75" />
        <source>The sync has run but brought no recordings yet. The Sync tab shows what it found.</source>
        <translation>Синхронізація відбулася, але записів ще немає. Що знайдено — на вкладці «Синхронізація».</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="80" />
        <source>Sync now</source>
        <translation>Синхронізувати зараз</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="81" />
        <source>Open the Sync tab</source>
        <translation>Відкрити «Синхронізація»</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="84" />
        <source>Recordings are synced, but none belongs to your teams yet: ask an administrator to import the agents and teams (Directory tab) and to assign you your teams.</source>
        <translation>Записи синхронізовано, але жоден ще не належить вашим командам: попросіть адміністратора імпортувати агентів і команди (вкладка «Довідник») та призначити вам ваші команди.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="90" />
        <source>Agent and team show as — because no agents are known yet: import them (CSV) in the Directory tab.</source>
        <translation>Агент і команда показані як —, бо агентів ще немає: імпортуйте їх (CSV) на вкладці «Довідник».</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="93" />
        <source>Open the Directory tab</source>
        <translation>Відкрити «Довідник»</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="94" />
        <source>No recordings match these filters.</source>
        <translation>Жоден запис не відповідає цим фільтрам.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/next_step.py" line="95" />
        <source>Clear filters</source>
        <translation>Скинути фільтри</translation>
    </message>
</context>
<context>
    <name>NotesController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="425" />
        <source>The notes could not be read: {error}</source>
        <translation>Не вдалося прочитати нотатки: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="438" />
        <source>The note could not be saved: {error}</source>
        <translation>Не вдалося зберегти нотатку: {error}</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="195" />
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="337" />
        <source>Bookmark</source>
        <translation>Закладка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="200" />
        <source>private</source>
        <translation>особиста</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="209" />
        <source>Notes ({count})</source>
        <translation>Нотатки ({count})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="212" />
        <source>Click a note to play from there</source>
        <translation>Клацніть нотатку, щоб слухати з цього місця</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="219" />
        <source>compliance</source>
        <translation>відповідність</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="220" />
        <source>coaching</source>
        <translation>навчання</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="221" />
        <source>praise</source>
        <translation>похвала</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="222" />
        <source>issue</source>
        <translation>проблема</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="302" />
        <source>Save note</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="302" />
        <source>Add note</source>
        <translation>Додати нотатку</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="318" />
        <source>At</source>
        <translation>Момент</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="318" />
        <source>Note</source>
        <translation>Нотатка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="333" />
        <source>Category (optional)</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="334" />
        <source>A note at the player's position…</source>
        <translation>Нотатка в поточному місці запису…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="335" />
        <source>Only me</source>
        <translation>Лише для мене</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="336" />
        <source>A private note: nobody else sees it or finds the call by it</source>
        <translation>Особиста нотатка: ніхто інший її не бачить і не знайде за нею дзвінок</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="338" />
        <source>Mark the player's position, with or without words</source>
        <translation>Позначити поточне місце запису, з текстом чи без</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="339" />
        <source>Edit</source>
        <translation>Змінити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="340" />
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/notes_panel.py" line="341" />
        <source>Delete</source>
        <translation>Видалити</translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <location filename="../../qms_desktop/ui/widgets/audio_player.py" line="75" />
        <source>Playback is not available: the Qt multimedia module could not be loaded ({reason}). Searching and details still work.</source>
        <translation>Відтворення недоступне: не вдалося завантажити модуль Qt Multimedia ({reason}). Пошук і подробиці працюють.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/audio_player.py" line="86" />
        <source>Playback is not available: Qt found no working media backend on this computer. Searching and details still work.</source>
        <translation>Відтворення недоступне: Qt не знайшов на цьому комп’ютері робочого медіарушія. Пошук і подробиці працюють.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="288" />
        <source>Whole call</source>
        <translation>Весь дзвінок</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="290" />
        <source>Agent</source>
        <translation>Агент</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="291" />
        <source>Caller</source>
        <translation>Абонент</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="292" />
        <source>Called party</source>
        <translation>Викликаний абонент</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="296" />
        <source>Track {number}</source>
        <translation>Доріжка {number}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="435" />
        <source>Pause (Space)</source>
        <translation>Пауза (Пробіл)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="435" />
        <source>Play (Space)</source>
        <translation>Відтворити (Пробіл)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="454" />
        <location filename="../../qms_desktop/ui/widgets/player.py" line="466" />
        <source>No recording selected.</source>
        <translation>Запис не вибрано.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="457" />
        <source>No audio output device: the recording plays silently; position and seeking work</source>
        <translation>Немає пристрою виведення звуку: запис відтворюється беззвучно; позиція й перемотування працюють</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="459" />
        <source>Playing</source>
        <translation>Відтворення</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="461" />
        <location filename="../../qms_desktop/ui/widgets/player.py" line="464" />
        <source>Press Play (or Space) to listen.</source>
        <translation>Натисніть «Відтворити» (або Пробіл), щоб прослухати.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="462" />
        <source>Loading the audio…</source>
        <translation>Завантаження аудіо…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="463" />
        <source>Buffering…</source>
        <translation>Буферизація…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="464" />
        <source>Paused</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="465" />
        <source>Finished. Press Play to listen again.</source>
        <translation>Кінець. Натисніть «Відтворити», щоб прослухати ще раз.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="479" />
        <source>Listen to</source>
        <translation>Слухати</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="480" />
        <source>Speed</source>
        <translation>Швидкість</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="481" />
        <source>Volume</source>
        <translation>Гучність</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="482" />
        <source>Playback speed</source>
        <translation>Швидкість відтворення</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="483" />
        <source>Back 5 s (←; Shift+← 30 s)</source>
        <translation>Назад на 5 с (←; Shift+← 30 с)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/player.py" line="484" />
        <source>Forward 5 s (→; Shift+→ 30 s)</source>
        <translation>Уперед на 5 с (→; Shift+→ 30 с)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/audio_player.py" line="331" />
        <source>The audio of this recording has been pruned from MediaSense (retention policy).</source>
        <translation>Аудіо цього запису видалено з MediaSense (політика зберігання).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/audio_player.py" line="335" />
        <source>Access to this audio was refused: the playback link expired or belongs to someone else. Select the recording again.</source>
        <translation>Доступ до аудіо відхилено: посилання для відтворення застаріло або належить іншому користувачу. Виберіть запис ще раз.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/audio_player.py" line="341" />
        <source>MediaSense did not deliver the audio: it may be down or unreachable. Try again later.</source>
        <translation>MediaSense не надав аудіо: сервер може бути вимкнений або недоступний. Спробуйте пізніше.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/audio_player.py" line="345" />
        <source>The local playback service is not reachable. Restart QMS Desktop if this persists.</source>
        <translation>Локальна служба відтворення недоступна. Якщо це повторюється, перезапустіть QMS Desktop.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/audio_player.py" line="348" />
        <source>The audio could not be played: {error}</source>
        <translation>Не вдалося відтворити аудіо: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/audio_player.py" line="349" />
        <source>unknown error</source>
        <translation>невідома помилка</translation>
    </message>
</context>
<context>
    <name>RecordingActions</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="73" />
        <source>Copy link</source>
        <translation>Копіювати посилання</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="74" />
        <source>Copy a link to this recording at the player's position</source>
        <translation>Копіювати посилання на цей запис у поточній позиції програвача</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="75" />
        <source>Export…</source>
        <translation>Експорт…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/evidence.py" line="76" />
        <source>Export the audio and its details as evidence</source>
        <translation>Експортувати аудіо та відомості як доказ</translation>
    </message>
</context>
<context>
    <name>RecordingsController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="57" />
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="100" />
        <source>The audio of this recording has been pruned from MediaSense (retention policy).</source>
        <translation>Аудіо цього запису видалено з MediaSense (політика зберігання).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="62" />
        <source>The call is still in progress. Its audio can be played once the call has ended.</source>
        <translation>Дзвінок ще триває. Його аудіо можна буде прослухати після завершення.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="66" />
        <source>MediaSense reported no audio for this recording.</source>
        <translation>MediaSense не повідомив аудіо для цього запису.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="68" />
        <source>You already have the maximum number of playbacks open. Stop another one and try again.</source>
        <translation>У вас уже відкрито максимальну кількість відтворень. Зупиніть одне з них і спробуйте ще раз.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="73" />
        <source>Access denied: you may not play this recording (it belongs to a team you do not supervise).</source>
        <translation>Доступ заборонено: ви не можете прослухати цей запис (він належить команді, яку ви не контролюєте).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="78" />
        <source>This recording is no longer in the database. Search again.</source>
        <translation>Цього запису вже немає в базі даних. Виконайте пошук ще раз.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="82" />
        <source>Playback needs the MediaSense connection and its password: set them in the Connection tab.</source>
        <translation>Для відтворення потрібне підключення до MediaSense і його пароль: задайте їх на вкладці «Підключення».</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="87" />
        <source>The local playback service could not start: {error}</source>
        <translation>Не вдалося запустити локальну службу відтворення: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="90" />
        <source>The audio could not be opened: {error}</source>
        <translation>Не вдалося відкрити аудіо: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="104" />
        <source>Access to this audio was refused: the playback link expired or belongs to someone else. Select the recording again.</source>
        <translation>Доступ до аудіо відхилено: посилання для відтворення застаріло або належить іншому користувачу. Виберіть запис ще раз.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="110" />
        <source>MediaSense did not deliver the audio: it may be down or unreachable. Try again later. ({detail})</source>
        <translation>MediaSense не надав аудіо: сервер може бути вимкнений або недоступний. Спробуйте пізніше. ({detail})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="115" />
        <source>The local playback service is not reachable: {error}</source>
        <translation>Локальна служба відтворення недоступна: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="118" />
        <source>The audio could not be opened (HTTP {status}): {detail}</source>
        <translation>Не вдалося відкрити аудіо (HTTP {status}): {detail}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="317" />
        <source>The search failed: {error}</source>
        <translation>Пошук не вдався: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="357" />
        <source>This recording could not be shown: {error}</source>
        <translation>Не вдалося показати запис: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="372" />
        <source>segment {number} of {count}</source>
        <translation>сегмент {number} з {count}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/controller.py" line="434" />
        <source>Segment {number}: {start}, {duration}, {agent}</source>
        <translation>Сегмент {number}: {start}, {duration}, {agent}</translation>
    </message>
</context>
<context>
    <name>RecordingsTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="53" />
        <source>Inbound</source>
        <translation>Вхідний</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="54" />
        <source>Outbound</source>
        <translation>Вихідний</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="55" />
        <source>Internal</source>
        <translation>Внутрішній</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="58" />
        <source>Active</source>
        <translation>Активний</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="59" />
        <source>Closed</source>
        <translation>Завершений</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="60" />
        <source>Closed with error</source>
        <translation>Завершений з помилкою</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="61" />
        <source>Deleted</source>
        <translation>Видалений</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="62" />
        <source>Unknown</source>
        <translation>Невідомий</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="91" />
        <source>Available</source>
        <translation>Доступне</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="92" />
        <source>Pruned</source>
        <translation>Видалене</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="93" />
        <source>Still active</source>
        <translation>Ще триває</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="94" />
        <source>No media</source>
        <translation>Немає аудіо</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="99" />
        <source>The audio is on MediaSense and can be played.</source>
        <translation>Аудіо є на MediaSense, його можна прослухати.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="100" />
        <source>MediaSense removed the audio under its retention policy. The call's details are kept here, but it can no longer be played.</source>
        <translation>MediaSense видалив аудіо згідно з політикою зберігання. Подробиці дзвінка збережено тут, але прослухати його вже не можна.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="105" />
        <source>The call is still in progress. Its audio can be played once the call has ended.</source>
        <translation>Дзвінок ще триває. Його аудіо можна буде прослухати після завершення.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="108" />
        <source>MediaSense recorded no audio for this session (no media address was reported).</source>
        <translation>MediaSense не записав аудіо для цієї сесії (адресу медіа не повідомлено).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="157" />
        <source>Start</source>
        <translation>Початок</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="164" />
        <source>Duration</source>
        <translation>Тривалість</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="172" />
        <source>Segments</source>
        <translation>Сегменти</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="179" />
        <source>Agent</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="184" />
        <source>Team</source>
        <translation>Команда</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="186" />
        <source>Direction</source>
        <translation>Напрямок</translation>
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
        <translation>Стан</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="192" />
        <source>Audio</source>
        <translation>Аудіо</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="193" />
        <source>Heard</source>
        <translation>Прослух.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/models.py" line="334" />
        <source>This column cannot be sorted</source>
        <translation>За цим стовпцем не можна сортувати</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/tab.py" line="313" />
        <source>Hide details</source>
        <translation>Сховати подробиці</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/tab.py" line="313" />
        <source>Show details</source>
        <translation>Показати подробиці</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/tab.py" line="331" />
        <source>Searching…</source>
        <translation>Пошук…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/tab.py" line="337" />
        <source>No recordings match these filters.</source>
        <translation>Жоден запис не відповідає цим фільтрам.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/tab.py" line="339" />
        <source>Showing %1 recordings (counting…)</source>
        <translation>Показано %1 записів (підрахунок…)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../qms_desktop/ui/tabs/recordings/tab.py" line="341" />
        <source>%n recording(s)</source>
        <translation>
            <numerusform>%n запис</numerusform>
            <numerusform>%n записи</numerusform>
            <numerusform>%n записів</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/tab.py" line="344" />
        <source>Showing %1 of %2 recordings</source>
        <translation>Показано %1 з %2 записів</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/tab.py" line="349" />
        <source>New recordings were synced: press Search to include them.</source>
        <translation>Синхронізовано нові записи: натисніть «Пошук», щоб їх показати.</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="104" />
        <source>◀ Previous (K)</source>
        <translation>◀ Попередній (K)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="105" />
        <source>Next (J) ▶</source>
        <translation>Наступний (J) ▶</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="106" />
        <source>End review</source>
        <translation>Завершити перегляд</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="112" />
        <source>Review: %1 of %2</source>
        <translation>Перегляд: %1 з %2</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="117" />
        <source>Review: nothing to play</source>
        <translation>Перегляд: нічого відтворювати</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="121" />
        <source>seed %1</source>
        <translation>зерно %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="123" />
        <source>hidden: %1 (teams you no longer supervise)</source>
        <translation>приховано: %1 (команди поза вашим наглядом)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="125" />
        <source>only the first %1 of the search</source>
        <translation>лише перші %1 з пошуку</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="131" />
        <source>Resumed at %1</source>
        <translation>Продовжено з %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="132" />
        <source>Start over</source>
        <translation>Спочатку</translation>
    </message>
</context>
<context>
    <name>ReviewButton</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="155" />
        <source>Review these</source>
        <translation>Переглянути ці</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="157" />
        <source>Listen to these recordings one after the other (J next, K previous; at most %1)</source>
        <translation>Слухати ці записи один за одним (J — наступний, K — попередній; не більше %1)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="161" />
        <source>Sample N per agent…</source>
        <translation>Вибірка N на агента…</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="253" />
        <source>%1 per agent</source>
        <translation>%1 на агента</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="333" />
        <source>The review playlist could not be made: %1</source>
        <translation>Не вдалося створити список перегляду: %1</translation>
    </message>
</context>
<context>
    <name>ReviewMarkBar</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review_bar.py" line="66" />
        <source>Heard by you: {percent} %</source>
        <translation>Ви прослухали: {percent} %</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review_bar.py" line="69" />
        <source>Reviewed by {name}</source>
        <translation>Перевірив: {name}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review_bar.py" line="70" />
        <source>Remove mark</source>
        <translation>Зняти позначку</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review_bar.py" line="72" />
        <source>Not reviewed</source>
        <translation>Не перевірено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review_bar.py" line="73" />
        <source>Mark reviewed</source>
        <translation>Позначити перевіреним</translation>
    </message>
</context>
<context>
    <name>SampleDialog</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="170" />
        <source>Sample per agent</source>
        <translation>Вибірка на агента</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="181" />
        <source>Recordings per agent:</source>
        <translation>Записів на агента:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/review.py" line="182" />
        <source>Seed (the same seed draws the same sample):</source>
        <translation>Зерно (те саме зерно дає ту саму вибірку):</translation>
    </message>
</context>
<context>
    <name>SaveSearchDialog</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="168" />
        <source>Save search</source>
        <translation>Зберегти пошук</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="171" />
        <source>Share with the team</source>
        <translation>Поділитися з командою</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="176" />
        <source>Name:</source>
        <translation>Назва:</translation>
    </message>
</context>
<context>
    <name>SavedSearchList</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="139" />
        <source>Saved searches</source>
        <translation>Збережені пошуки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="140" />
        <source>Save…</source>
        <translation>Зберегти…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="141" />
        <source>Save the current filters under a name</source>
        <translation>Зберегти поточні фільтри під назвою</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="142" />
        <source>Delete</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="148" />
        <source>(new: %1)</source>
        <translation>(нових: %1)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="151" />
        <source>Shared by %1</source>
        <translation>Спільний від %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="151" />
        <source>Private</source>
        <translation>Особистий</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="152" />
        <source>Double-click or press Enter to apply its filters</source>
        <translation>Двічі клацніть або натисніть Enter, щоб застосувати фільтри</translation>
    </message>
</context>
<context>
    <name>SavedSearchesController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="244" />
        <source>The saved search could not be changed: %1</source>
        <translation>Не вдалося змінити збережений пошук: %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/recordings/saved.py" line="252" />
        <source>The saved search could not be opened: %1</source>
        <translation>Не вдалося відкрити збережений пошук: %1</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <location filename="../../qms_desktop/ui/widgets/search_field.py" line="89" />
        <source>Search…</source>
        <translation>Пошук…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/search_field.py" line="90" />
        <source>Regular expression</source>
        <translation>Регулярний вираз</translation>
    </message>
</context>
<context>
    <name>StepRow</name>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="65" />
        <source>waiting</source>
        <translation>очікує</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="66" />
        <source>running…</source>
        <translation>виконується…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="67" />
        <source>passed</source>
        <translation>успішно</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="68" />
        <source>failed</source>
        <translation>помилка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="69" />
        <source>skipped</source>
        <translation>пропущено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="79" />
        <source>{ms} ms</source>
        <translation>{ms} мс</translation>
    </message>
</context>
<context>
    <name>SyncCharts</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="53" />
        <source>Created</source>
        <translation>Створено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="53" />
        <source>new recordings</source>
        <translation>нові записи</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="54" />
        <source>Updated</source>
        <translation>Оновлено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="54" />
        <source>changed since last seen</source>
        <translation>змінені з минулого разу</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="55" />
        <source>Errors</source>
        <translation>Помилки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="55" />
        <source>quarantined or failed</source>
        <translation>у карантині або збій</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="56" />
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="57" />
        <source>seen before and unchanged</source>
        <translation>уже бачені, без змін</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="77" />
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="79" />
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="78" />
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="80" />
        <source>Seconds</source>
        <translation>Секунди</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="81" />
        <source>Days done</source>
        <translation>Днів готово</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="166" />
        <source>No backfill day finished yet</source>
        <translation>Ще не завершено жодного дня дозавантаження</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="224" />
        <source>Records per run</source>
        <translation>Записів за запуск</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="225" />
        <source>Run duration</source>
        <translation>Тривалість запуску</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="226" />
        <source>Backfill progress</source>
        <translation>Поступ дозавантаження</translation>
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
        <translation>Триває синхронізація: скиньте стан після її завершення.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="121" />
        <source>The sync status could not be read: %1</source>
        <translation>Не вдалося прочитати стан синхронізації: %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="136" />
        <source>Sync state reset: the next sync starts over with a backfill.</source>
        <translation>Стан синхронізації скинуто: наступна синхронізація почнеться з дозавантаження.</translation>
    </message>
</context>
<context>
    <name>SyncTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="31" />
        <source>Reset the sync?</source>
        <translation>Скинути синхронізацію?</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="32" />
        <source>Reset the sync state?</source>
        <translation>Скинути стан синхронізації?</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="34" />
        <source>Reset forgets the sync checkpoint and the backfill progress. The next sync starts over: it reads today's calls again and backfills the configured number of past days.

Recordings already stored, the run history and the quarantine are kept.</source>
        <translation>Скидання забуває контрольну точку синхронізації та поступ дозавантаження. Наступна синхронізація почнеться спочатку: знову прочитає сьогоднішні дзвінки й дозавантажить налаштовану кількість минулих днів.

Уже збережені записи, історія запусків і карантин залишаться.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="44" />
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="47" />
        <source>%1 min %2 s</source>
        <translation>%1 хв %2 с</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="49" />
        <source>%1 h %2 min</source>
        <translation>%1 год %2 хв</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="54" />
        <source>incremental</source>
        <translation>інкрементна</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="55" />
        <source>backfill</source>
        <translation>дозавантаження</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="56" />
        <source>reconcile</source>
        <translation>звірка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="57" />
        <source>sessions by id</source>
        <translation>сеанси за id</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="90" />
        <source>Manual</source>
        <translation>Вручну</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="91" />
        <source>Scheduled</source>
        <translation>За розкладом</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="92" />
        <source>Start-up</source>
        <translation>Під час запуску</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="93" />
        <source>Event</source>
        <translation>Подія</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="100" />
        <source>Idle</source>
        <translation>Очікування</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="101" />
        <source>In progress</source>
        <translation>Триває</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="102" />
        <source>Running</source>
        <translation>Виконується</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="103" />
        <source>Success</source>
        <translation>Успішно</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="104" />
        <source>Partial</source>
        <translation>Частково</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="105" />
        <source>Failed</source>
        <translation>Помилка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="106" />
        <source>Interrupted</source>
        <translation>Перервано</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="207" />
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="208" />
        <source>Started</source>
        <translation>Початок</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="209" />
        <source>Duration</source>
        <translation>Тривалість</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="210" />
        <source>Trigger</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="211" />
        <source>Mode</source>
        <translation>Режим</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="212" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="425" />
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="213" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="427" />
        <source>Fetched</source>
        <translation>Отримано</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="214" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="427" />
        <source>Created</source>
        <translation>Створено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="215" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="427" />
        <source>Updated</source>
        <translation>Оновлено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="216" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="427" />
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="219" />
        <source>Late</source>
        <translation>Запізнілі</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="222" />
        <source>Calls that appeared in MediaSense after the regular sync had passed their time</source>
        <translation>Дзвінки, що з’явилися в MediaSense після того, як звичайна синхронізація вже пройшла їхній час</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="226" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="427" />
        <source>Errors</source>
        <translation>Помилки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="229" />
        <source>Error summary</source>
        <translation>Опис помилки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="256" />
        <source>Session id</source>
        <translation>ID сеансу</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="257" />
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="258" />
        <source>First seen</source>
        <translation>Уперше</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="259" />
        <source>Last seen</source>
        <translation>Востаннє</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="260" />
        <source>Seen</source>
        <translation>Разів</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="261" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="426" />
        <source>Last run</source>
        <translation>Останній запуск</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="430" />
        <source>Checkpoint</source>
        <translation>Контрольна точка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="433" />
        <source>Last sync:</source>
        <translation>Остання синхронізація:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="433" />
        <source>Backfill:</source>
        <translation>Дозавантаження:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="433" />
        <source>Quarantined:</source>
        <translation>У карантині:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="437" />
        <source>Sync now</source>
        <translation>Синхронізувати зараз</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="438" />
        <source>Reset…</source>
        <translation>Скинути…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="439" />
        <source>Forget the checkpoint: the next sync starts over with a backfill</source>
        <translation>Забути контрольну точку: наступна синхронізація почнеться з дозавантаження</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="440" />
        <source>Sync automatically every</source>
        <translation>Синхронізувати автоматично кожні</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="441" />
        <source> min</source>
        <translation> хв</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="442" />
        <source>Select a record to see what MediaSense sent</source>
        <translation>Виберіть запис, щоб побачити, що надіслав MediaSense</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="443" />
        <source>History</source>
        <translation>Історія</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="444" />
        <source>Charts</source>
        <translation>Графіки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="445" />
        <source>Quarantine</source>
        <translation>Карантин</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="244" />
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="181" />
        <source>No quarantined records — every record MediaSense sent could be read.</source>
        <translation>Карантин порожній — усі записи від MediaSense прочитано.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="253" />
        <source>Run %1 · backfill day %2 of %3</source>
        <translation>Запуск %1 · день дозавантаження %2 з %3</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="257" />
        <source>Day %v of %m</source>
        <translation>День %v з %m</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="260" />
        <source>new and changed calls</source>
        <translation>нові та змінені дзвінки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="261" />
        <source>calls still in progress</source>
        <translation>дзвінки, що ще тривають</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="262" />
        <source>re-checking recent calls for late arrivals</source>
        <translation>повторна перевірка недавніх дзвінків на запізнілі</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="264" />
        <source>Run %1 · %2</source>
        <translation>Запуск %1 · %2</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="275" />
        <source>Pages %1 · fetched %2 · created %3 · updated %4 · errors %5</source>
        <translation>Сторінок %1 · отримано %2 · створено %3 · оновлено %4 · помилок %5</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="288" />
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="324" />
        <source>Run %1</source>
        <translation>Запуск %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="310" />
        <source>never</source>
        <translation>ще не було</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="313" />
        <source>complete (%1 days)</source>
        <translation>завершено (днів: %1)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="315" />
        <source>%1 of %2 days</source>
        <translation>%1 з %2 днів</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="317" />
        <source>not started</source>
        <translation>не розпочато</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="324" />
        <source>No sync yet</source>
        <translation>Синхронізацій ще не було</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="328" />
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="385" />
        <source>Quarantine (%1)</source>
        <translation>Карантин (%1)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="404" />
        <source>Reason: %1</source>
        <translation>Причина: %1</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="43" />
        <source>Recordings</source>
        <translation>Записи</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="47" />
        <source>Connection</source>
        <translation>З'єднання</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="48" />
        <source>Sync</source>
        <translation>Синхронізація</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="49" />
        <source>Logs</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="50" />
        <source>Directory</source>
        <translation>Довідник</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="51" />
        <source>Audit</source>
        <translation>Аудит</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="52" />
        <source>Users</source>
        <translation>Користувачі</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="54" />
        <source>Coverage</source>
        <translation>Покриття</translation>
    </message>
</context>
<context>
    <name>UsersController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/controller.py" line="40" />
        <source>User {name} added.</source>
        <translation>Користувача {name} додано.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/controller.py" line="44" />
        <source>{name} is disabled.</source>
        <translation>Обліковий запис {name} вимкнено.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/controller.py" line="44" />
        <source>{name} is enabled again.</source>
        <translation>Обліковий запис {name} знову ввімкнено.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/controller.py" line="49" />
        <source>{name} is unlocked: it can sign in again.</source>
        <translation>{name} розблоковано: тепер можна знову увійти.</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="44" />
        <source>User</source>
        <translation>Користувач</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="45" />
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="46" />
        <source>Teams</source>
        <translation>Команди</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="47" />
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="48" />
        <source>Failed sign-ins</source>
        <translation>Невдалі входи</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="49" />
        <source>Last sign-in</source>
        <translation>Останній вхід</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="52" />
        <source>disabled</source>
        <translation>вимкнено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="53" />
        <source>locked</source>
        <translation>заблоковано</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="54" />
        <source>delayed until {time}</source>
        <translation>затримано до {time}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="55" />
        <source>active</source>
        <translation>активний</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="178" />
        <source>Enable</source>
        <translation>Увімкнути</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="178" />
        <source>Disable</source>
        <translation>Вимкнути</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="180" />
        <source>Unlock</source>
        <translation>Розблокувати</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="181" />
        <source>Forget this account's failed sign-ins so it can sign in again now</source>
        <translation>Забути невдалі спроби входу цього облікового запису, щоб він міг увійти вже зараз</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="193" />
        <source>Add a user</source>
        <translation>Додати користувача</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="195" />
        <source>User name:</source>
        <translation>Ім'я користувача:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="195" />
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="195" />
        <source>Teams:</source>
        <translation>Команди:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="195" />
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="198" />
        <source>T1, T2 (supervisors)</source>
        <translation>T1, T2 (супервізорам)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="199" />
        <source>Team codes, comma-separated (supervisors)</source>
        <translation>Коди команд через кому (для супервізорів)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/users/tab.py" line="202" />
        <source>Add user</source>
        <translation>Додати</translation>
    </message>
</context>
<context>
    <name>WaveformPanel</name>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="393" />
        <source>The waveform appears when the audio is played.</source>
        <translation>Хвильова форма з’явиться під час відтворення.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="423" />
        <source>Reading the waveform…</source>
        <translation>Читання хвильової форми…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="534" />
        <source>No waveform for this audio format.</source>
        <translation>Для цього формату аудіо хвильової форми немає.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="536" />
        <source>The waveform could not be read.</source>
        <translation>Не вдалося прочитати хвильову форму.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="572" />
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="581" />
        <source>Agent</source>
        <translation>Агент</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="573" />
        <source>Caller</source>
        <translation>Абонент</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="574" />
        <source>Called party</source>
        <translation>Викликаний абонент</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="582" />
        <source>Other party</source>
        <translation>Співрозмовник</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="585" />
        <source>Track {number}</source>
        <translation>Доріжка {number}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="587" />
        <source>Whole call</source>
        <translation>Весь дзвінок</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="593" />
        <source>Loop {start} – {end}</source>
        <translation>Цикл {start} – {end}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="599" />
        <source>Silence {silence} · talk-over {overlap}</source>
        <translation>Тиша {silence} · одночасно {overlap}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="613" />
        <source>Skip silence</source>
        <translation>Пропускати тишу</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="615" />
        <source>Jump over pauses of both parties longer than {seconds} s</source>
        <translation>Перескакувати паузи обох сторін, довші за {seconds} с</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="620" />
        <source>Loop from here ([)</source>
        <translation>Цикл звідси ([)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="622" />
        <source>Loop up to here (])</source>
        <translation>Цикл до цього місця (])</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="623" />
        <source>No loop</source>
        <translation>Без циклу</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="624" />
        <source>Stop looping (\)</source>
        <translation>Зупинити цикл (\)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="625" />
        <source>−15 s</source>
        <translation>−15 с</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="626" />
        <source>Back 15 s (Ctrl+←)</source>
        <translation>Назад на 15 с (Ctrl+←)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="627" />
        <source>+15 s</source>
        <translation>+15 с</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="628" />
        <source>Forward 15 s (Ctrl+→)</source>
        <translation>Уперед на 15 с (Ctrl+→)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/waveform.py" line="630" />
        <source>Click to listen to this party alone; click again for the whole call</source>
        <translation>Клацніть, щоб слухати лише цю сторону; ще раз — увесь дзвінок</translation>
    </message>
</context>
</TS>