<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="47"/>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="49"/>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="48"/>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="50"/>
        <source>Seconds</source>
        <translation>Секунди</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="51"/>
        <source>Days done</source>
        <translation>Днів готово</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="55"/>
        <source>Created</source>
        <translation>Створено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="55"/>
        <source>Updated</source>
        <translation>Оновлено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="56"/>
        <source>Errors</source>
        <translation>Помилки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="110"/>
        <source>No backfill day finished yet</source>
        <translation>Ще не завершено жодного дня дозавантаження</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="144"/>
        <source>Records per run</source>
        <translation>Записів за запуск</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="145"/>
        <source>Run duration</source>
        <translation>Тривалість запуску</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/charts.py" line="146"/>
        <source>Backfill progress</source>
        <translation>Поступ дозавантаження</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="16"/>
        <source>Trust this certificate?</source>
        <translation>Довіряти цьому сертифікату?</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="20"/>
        <source>Compare the SHA-256 fingerprint with the one shown on the MediaSense server (or ask its administrator). Trust it only if they match: from then on, only this certificate is accepted.</source>
        <translation>Порівняйте відбиток SHA-256 з тим, що показує сервер MediaSense (або запитайте його адміністратора). Довіряйте, лише якщо вони збігаються: відтоді прийматиметься тільки цей сертифікат.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="35"/>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="36"/>
        <source>Subject:</source>
        <translation>Суб&apos;єкт:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="37"/>
        <source>Issuer:</source>
        <translation>Видавець:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="39"/>
        <source>Valid:</source>
        <translation>Чинний:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="40"/>
        <source>from {start} to {end}</source>
        <translation>з {start} до {end}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="47"/>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="50"/>
        <source>The certificate is self-signed (usual for MediaSense).</source>
        <translation>Сертифікат самопідписаний (звично для MediaSense).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="52"/>
        <source>The certificate has expired: ask the administrator to renew it.</source>
        <translation>Термін дії сертифіката минув: попросіть адміністратора його оновити.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/certificate_dialog.py" line="54"/>
        <source>Trust this certificate</source>
        <translation>Довіряти цьому сертифікату</translation>
    </message>
</context>
<context>
    <name>ConnectionController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="116"/>
        <source>Enter the password to test the connection.</source>
        <translation>Введіть пароль, щоб перевірити з&apos;єднання.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="131"/>
        <source>The connection test was cancelled</source>
        <translation>Перевірку з&apos;єднання скасовано</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="132"/>
        <source>The connection test was cancelled.</source>
        <translation>Перевірку з&apos;єднання скасовано.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="147"/>
        <source>The settings are not complete</source>
        <translation>Налаштування неповні</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="184"/>
        <source>Could not fetch the certificate: {error}</source>
        <translation>Не вдалося отримати сертифікат: {error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="207"/>
        <source>Settings saved.</source>
        <translation>Налаштування збережено.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="228"/>
        <source>Settings saved. No secure keyring is available, so the password is kept in memory for this session only: you will be asked again after a restart.</source>
        <translation>Налаштування збережено. Захищеного сховища паролів немає, тому пароль зберігається в пам&apos;яті лише до кінця цього сеансу: після перезапуску його треба буде ввести знову.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="234"/>
        <source>Settings saved, but the keyring refused the password ({error}). It is kept in memory for this session only.</source>
        <translation>Налаштування збережено, але сховище паролів не прийняло пароль ({error}). Він зберігається в пам&apos;яті лише до кінця цього сеансу.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="239"/>
        <source>Settings saved. The password was stored insecurely, as you chose.</source>
        <translation>Налаштування збережено. Пароль збережено незахищено, як ви обрали.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/controller.py" line="240"/>
        <source>Settings saved. The password is in the system keyring.</source>
        <translation>Налаштування збережено. Пароль — у системному сховищі паролів.</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/models.py" line="84"/>
        <source>Enter the MediaSense API user name</source>
        <translation>Введіть ім&apos;я користувача API MediaSense</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/models.py" line="88"/>
        <source>Choose the CA certificate file (PEM)</source>
        <translation>Виберіть файл сертифіката CA (PEM)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/models.py" line="91"/>
        <source>The CA file does not exist: {path}</source>
        <translation>Файлу CA не існує: {path}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/models.py" line="98"/>
        <source>Enter the certificate&apos;s SHA-256 fingerprint (64 hexadecimal digits), or fetch it</source>
        <translation>Введіть відбиток SHA-256 сертифіката (64 шістнадцяткові цифри) або отримайте його із сервера</translation>
    </message>
</context>
<context>
    <name>ConnectionTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="357"/>
        <source>changed, not saved</source>
        <translation>змінено, не збережено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="363"/>
        <source>saved in the database</source>
        <translation>збережено в базі даних</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="364"/>
        <source>from the environment</source>
        <translation>зі змінних середовища</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="365"/>
        <source>default</source>
        <translation>типове значення</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="366"/>
        <source>demo settings</source>
        <translation>демо-налаштування</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="380"/>
        <source>Enter the server URL first.</source>
        <translation>Спочатку введіть URL сервера.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="386"/>
        <source>Choose the CA certificate file</source>
        <translation>Виберіть файл сертифіката CA</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="387"/>
        <source>Certificates (*.pem *.crt *.cer)</source>
        <translation>Сертифікати (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="387"/>
        <source>All files (*)</source>
        <translation>Усі файли (*)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="411"/>
        <source>No secure keyring is available on this computer (backend: {name}). A password you save is kept in memory until you close the app, unless you tick &quot;Store the password insecurely&quot;.</source>
        <translation>На цьому комп&apos;ютері немає захищеного сховища паролів (модуль: {name}). Збережений пароль зберігатиметься в пам&apos;яті, доки ви не закриєте програму, якщо не позначите «Зберегти пароль незахищено».</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="419"/>
        <source>Saved in the keyring: type a new one to replace it</source>
        <translation>Збережено у сховищі паролів: введіть новий, щоб замінити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="420"/>
        <source>Kept in memory for this session: type to replace it</source>
        <translation>Зберігається в пам&apos;яті до кінця сеансу: введіть, щоб замінити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="421"/>
        <source>Taken from MEDIASENSE_PASSWORD: type to override it</source>
        <translation>Узято з MEDIASENSE_PASSWORD: введіть, щоб замінити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="422"/>
        <source>The keyring is unavailable: enter the password</source>
        <translation>Сховище паролів недоступне: введіть пароль</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="423"/>
        <source>Enter the MediaSense password</source>
        <translation>Введіть пароль MediaSense</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="426"/>
        <source>A password is saved in the keyring ({name}).</source>
        <translation>Пароль збережено у сховищі паролів ({name}).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="427"/>
        <source>The password is kept in memory for this session only.</source>
        <translation>Пароль зберігається в пам&apos;яті лише до кінця цього сеансу.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="428"/>
        <source>The password comes from the MEDIASENSE_PASSWORD environment variable.</source>
        <translation>Пароль узято зі змінної середовища MEDIASENSE_PASSWORD.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="429"/>
        <source>The keyring could not be read; the password is not known.</source>
        <translation>Не вдалося прочитати сховище паролів; пароль невідомий.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="430"/>
        <source>No password is saved yet.</source>
        <translation>Пароль ще не збережено.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="480"/>
        <source>Connection successful.</source>
        <translation>З&apos;єднання встановлено.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="468"/>
        <source>The server presented this certificate (SHA-256):
{fingerprint}</source>
        <translation>Сервер надав такий сертифікат (SHA-256):
{fingerprint}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="501"/>
        <source>Certificate pinned. Press Save to keep it.</source>
        <translation>Сертифікат закріплено. Натисніть «Зберегти», щоб залишити його.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="530"/>
        <source>MediaSense server</source>
        <translation>Сервер MediaSense</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="531"/>
        <source>Server URLs:</source>
        <translation>URL сервера:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="533"/>
        <source>One URL per line: add every node of a cluster.</source>
        <translation>По одному URL у рядку: додайте кожен вузол кластера.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="534"/>
        <source>User name:</source>
        <translation>Користувач:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="535"/>
        <source>MediaSense API user</source>
        <translation>Користувач API MediaSense</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="536"/>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="538"/>
        <source>Store the password insecurely (anyone who can read your files could read it)</source>
        <translation>Зберегти пароль незахищено (його зможе прочитати будь-хто з доступом до ваших файлів)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="540"/>
        <source>Timeout:</source>
        <translation>Тайм-аут:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="541"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="542"/>
        <source>Server certificate (TLS)</source>
        <translation>Сертифікат сервера (TLS)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="543"/>
        <source>Verify with the system&apos;s certificate authorities</source>
        <translation>Перевіряти системними центрами сертифікації</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="544"/>
        <source>Verify with a CA certificate file:</source>
        <translation>Перевіряти файлом сертифіката CA:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="545"/>
        <source>Trust only the certificate with this SHA-256 fingerprint:</source>
        <translation>Довіряти лише сертифікату з цим відбитком SHA-256:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="546"/>
        <source>Accept any certificate (not secure)</source>
        <translation>Приймати будь-який сертифікат (небезпечно)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="547"/>
        <source>PEM file with the CA certificate</source>
        <translation>PEM-файл із сертифікатом CA</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="548"/>
        <source>Browse…</source>
        <translation>Огляд…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="550"/>
        <source>Fetch certificate…</source>
        <translation>Отримати сертифікат…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="554"/>
        <source>Anyone between this computer and the server could read the password and the recordings. Use this only for a short test, then pin the certificate instead.</source>
        <translation>Будь-хто між цим комп&apos;ютером і сервером зможе прочитати пароль і записи. Використовуйте це лише для короткої перевірки, а потім закріпіть сертифікат.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="559"/>
        <source>Connection test</source>
        <translation>Перевірка з&apos;єднання</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="561"/>
        <source>URL validation</source>
        <translation>Перевірка URL</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="562"/>
        <source>Authentication</source>
        <translation>Автентифікація</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="563"/>
        <source>API access</source>
        <translation>Доступ до API</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="567"/>
        <source>What to do</source>
        <translation>Що зробити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="568"/>
        <source>Review and trust this certificate…</source>
        <translation>Переглянути й довіряти цьому сертифікату…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="570"/>
        <source>Test the connection with the values above before saving; nothing is saved by a test.</source>
        <translation>Перевірте з&apos;єднання з цими значеннями перед збереженням; перевірка нічого не зберігає.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="572"/>
        <source>Test connection</source>
        <translation>Перевірити з&apos;єднання</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="573"/>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/connection/tab.py" line="574"/>
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../qms_desktop/ui/excepthook.py" line="33"/>
        <source>The error was written to the log. If it happens again, send the details to support.</source>
        <translation>Помилку записано в журнал. Якщо вона повториться, надішліть подробиці до служби підтримки.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/excepthook.py" line="53"/>
        <source>Unexpected error</source>
        <translation>Неочікувана помилка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/excepthook.py" line="54"/>
        <source>Something went wrong: {error}</source>
        <translation>Щось пішло не так: {error}</translation>
    </message>
</context>
<context>
    <name>LogTableModel</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="65"/>
        <source> … (+{0} chars)</source>
        <translation> … (+{0} симв.)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="67"/>
        <source> ⏎ (+{0} lines)</source>
        <translation> ⏎ (+{0} рядк.)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="97"/>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="98"/>
        <source>Level</source>
        <translation>Рівень</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="99"/>
        <source>Area</source>
        <translation>Область</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="100"/>
        <source>Message</source>
        <translation>Повідомлення</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="101"/>
        <source>Request ID</source>
        <translation>ID запиту</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/models.py" line="183"/>
        <source>The request id of an HTTP exchange or the correlation id of a sync run</source>
        <translation>ID запиту HTTP-обміну або ID кореляції запуску синхронізації</translation>
    </message>
</context>
<context>
    <name>LogsController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/controller.py" line="144"/>
        <source>Could not read older log entries: {0}</source>
        <translation>Не вдалося прочитати старіші записи журналу: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/controller.py" line="163"/>
        <source>Could not save the log level: {0}</source>
        <translation>Не вдалося зберегти рівень журналу: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/controller.py" line="178"/>
        <source>Could not clear the log: {0}</source>
        <translation>Не вдалося очистити журнал: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/controller.py" line="203"/>
        <source>Could not save the log: {0}</source>
        <translation>Не вдалося зберегти журнал: {0}</translation>
    </message>
</context>
<context>
    <name>LogsTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="253"/>
        <source>&amp;Show:</source>
        <translation>&amp;Показати:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="257"/>
        <source>All levels</source>
        <translation>Усі рівні</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="258"/>
        <source>Info and above</source>
        <translation>Інформація й вище</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="259"/>
        <source>Warnings and errors</source>
        <translation>Попередження й помилки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="260"/>
        <source>Errors only</source>
        <translation>Лише помилки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="263"/>
        <source>Hide non-matching</source>
        <translation>Ховати невідповідні</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="264"/>
        <source>Off: keep every row and only highlight the matches</source>
        <translation>Вимкнено: показувати всі рядки й лише підсвічувати збіги</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="265"/>
        <source>◀ Error</source>
        <translation>◀ Помилка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="266"/>
        <source>Previous error (Shift+F8)</source>
        <translation>Попередня помилка (Shift+F8)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="267"/>
        <source>Error ▶</source>
        <translation>Помилка ▶</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="268"/>
        <source>Next error (F8)</source>
        <translation>Наступна помилка (F8)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="269"/>
        <source>Follow</source>
        <translation>Стежити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="270"/>
        <source>Keep the newest entry in view (turns off when you scroll up)</source>
        <translation>Тримати найновіший запис на виду (вимикається, коли ви прокручуєте вгору)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="271"/>
        <source>Load older</source>
        <translation>Завантажити старіші</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="272"/>
        <source>Read older entries from the log files</source>
        <translation>Прочитати старіші записи з файлів журналу</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="273"/>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="275"/>
        <source>Copy</source>
        <translation>Копіювати</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="274"/>
        <source>Copy the selected rows (Ctrl+C)</source>
        <translation>Копіювати вибрані рядки (Ctrl+C)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="276"/>
        <source>Save as…</source>
        <translation>Зберегти як…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="277"/>
        <source>Save the rows shown to a text file</source>
        <translation>Зберегти показані рядки в текстовий файл</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="278"/>
        <source>Clear…</source>
        <translation>Очистити…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="279"/>
        <source>Archive the log file and start a new one</source>
        <translation>Заархівувати файл журналу й почати новий</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="280"/>
        <source>&amp;Record level:</source>
        <translation>&amp;Рівень запису:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="281"/>
        <source>What the integration log records from now on (also for the CLI)</source>
        <translation>Що журнал інтеграції записуватиме відтепер (також для командного рядка)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="282"/>
        <source>Select an entry to see its fields and exception.</source>
        <translation>Виберіть запис, щоб побачити його поля й виняток.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="300"/>
        <source>Resume ({0} new)</source>
        <translation>Продовжити ({0} нових)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="300"/>
        <source>Resume</source>
        <translation>Продовжити</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="302"/>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="310"/>
        <source>{0} of {1} entries shown</source>
        <translation>Показано {0} з {1} записів</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="314"/>
        <source>reading older entries…</source>
        <translation>читання старіших записів…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="316"/>
        <source>paused, {0} new</source>
        <translation>пауза, {0} нових</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="333"/>
        <source>Invalid regular expression: {0}</source>
        <translation>Неправильний регулярний вираз: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="448"/>
        <source>– / {0}</source>
        <translation>– / {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="450"/>
        <source>{0} / {1}</source>
        <translation>{0} / {1}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="451"/>
        <source>Errors among the rows shown</source>
        <translation>Помилки серед показаних рядків</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="481"/>
        <source>Time: {0} (UTC {1})</source>
        <translation>Час: {0} (UTC {1})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="482"/>
        <source>Level: {0}    Area: {1}    Sequence: {2}</source>
        <translation>Рівень: {0}    Область: {1}    Порядковий номер: {2}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="487"/>
        <source>Exception:</source>
        <translation>Виняток:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="489"/>
        <source>Fields:</source>
        <translation>Поля:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="503"/>
        <source>{0} rows copied</source>
        <translation>Скопійовано рядків: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="511"/>
        <source>Save log as</source>
        <translation>Зберегти журнал як</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="513"/>
        <source>Text files (*.txt *.log);;All files (*)</source>
        <translation>Текстові файли (*.txt *.log);;Усі файли (*)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="520"/>
        <source>Clear the integration log</source>
        <translation>Очистити журнал інтеграції</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="522"/>
        <source>The current log file is archived next to it and a new one is started. The view is emptied. Continue?</source>
        <translation>Поточний файл журналу буде заархівовано поруч, і почнеться новий. Перегляд буде очищено. Продовжити?</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="542"/>
        <source>Log cleared; archived as {0}</source>
        <translation>Журнал очищено; архів: {0}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="542"/>
        <source>Log cleared</source>
        <translation>Журнал очищено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/logs/tab.py" line="545"/>
        <source>{0} rows saved to {1}</source>
        <translation>Збережено рядків: {0} у {1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="171"/>
        <source>Connection: not tested yet</source>
        <translation>З&apos;єднання: ще не перевірено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="172"/>
        <source>Connection: testing…</source>
        <translation>З&apos;єднання: перевірка…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="173"/>
        <source>Connection: OK</source>
        <translation>З&apos;єднання: гаразд</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="174"/>
        <source>Connection: failed</source>
        <translation>З&apos;єднання: помилка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="182"/>
        <source>Last sync: never</source>
        <translation>Остання синхронізація: ще не було</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="186"/>
        <source>succeeded</source>
        <translation>успішна</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="187"/>
        <source>partly succeeded</source>
        <translation>частково успішна</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="188"/>
        <source>failed</source>
        <translation>не вдалася</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="189"/>
        <source>interrupted</source>
        <translation>перервана</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="190"/>
        <source>running</source>
        <translation>триває</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="195"/>
        <source>Last sync: {status} at {time} ({created} new, {updated} updated)</source>
        <translation>Остання синхронізація: {status}, {time} (нових: {created}, оновлено: {updated})</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="212"/>
        <source>QMS Desktop</source>
        <translation>QMS Desktop</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="213"/>
        <source> — demo</source>
        <translation> — демо</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="214"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="215"/>
        <source>&amp;Quit</source>
        <translation>&amp;Вийти</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="216"/>
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="217"/>
        <source>&amp;Language</source>
        <translation>&amp;Мова</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="218"/>
        <source>System</source>
        <translation>Системна</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="221"/>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="222"/>
        <source>&amp;About QMS Desktop</source>
        <translation>&amp;Про QMS Desktop</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="224"/>
        <source>QMS Desktop could not start:
{error}</source>
        <translation>Не вдалося запустити QMS Desktop:
{error}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="226"/>
        <source>Opening the database…</source>
        <translation>Відкриття бази даних…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="230"/>
        <source>Database: {url}</source>
        <translation>База даних: {url}</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="230"/>
        <source>Database: opening…</source>
        <translation>База даних: відкриття…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="244"/>
        <source>&lt;h3&gt;QMS Desktop {version}&lt;/h3&gt;&lt;p&gt;Cisco MediaSense recordings for quality management.&lt;/p&gt;&lt;p&gt;Qt {qt}&lt;br&gt;PySide6 {pyside}&lt;br&gt;Python {python}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;QMS Desktop {version}&lt;/h3&gt;&lt;p&gt;Записи Cisco MediaSense для контролю якості.&lt;/p&gt;&lt;p&gt;Qt {qt}&lt;br&gt;PySide6 {pyside}&lt;br&gt;Python {python}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/main_window.py" line="251"/>
        <source>About QMS Desktop</source>
        <translation>Про QMS Desktop</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <location filename="../../qms_desktop/ui/widgets/search_field.py" line="89"/>
        <source>Search…</source>
        <translation>Пошук…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/search_field.py" line="90"/>
        <source>Regular expression</source>
        <translation>Регулярний вираз</translation>
    </message>
</context>
<context>
    <name>StepRow</name>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="65"/>
        <source>waiting</source>
        <translation>очікує</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="66"/>
        <source>running…</source>
        <translation>виконується…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="67"/>
        <source>passed</source>
        <translation>успішно</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="68"/>
        <source>failed</source>
        <translation>помилка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="69"/>
        <source>skipped</source>
        <translation>пропущено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/widgets/step_row.py" line="79"/>
        <source>{ms} ms</source>
        <translation>{ms} мс</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="99"/>
        <source>A sync is running: reset it after the run ends.</source>
        <translation>Триває синхронізація: скиньте стан після її завершення.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="119"/>
        <source>Sync state reset: the next sync starts over with a backfill.</source>
        <translation>Стан синхронізації скинуто: наступна синхронізація почнеться з дозавантаження.</translation>
    </message>
</context>
<context>
    <name>SyncService</name>
    <message>
        <location filename="../../qms_desktop/ui/services/sync_service.py" line="88"/>
        <source>A sync is already running; wait for it to finish.</source>
        <translation>Синхронізація вже триває; дочекайтеся її завершення.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/sync_service.py" line="102"/>
        <source>The sync was stopped.</source>
        <translation>Синхронізацію зупинено.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/sync_service.py" line="108"/>
        <source>Another QMS process is already syncing this database (run %1 on %2).</source>
        <translation>Інший процес QMS уже синхронізує цю базу даних (запуск %1 на %2).</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/sync_service.py" line="118"/>
        <source>Unexpected error: %1</source>
        <translation>Неочікувана помилка: %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/sync_service.py" line="154"/>
        <source>MediaSense is not configured: enter the server and the user name in the Connection tab.</source>
        <translation>MediaSense не налаштовано: введіть сервер і ім&apos;я користувача на вкладці «З&apos;єднання».</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/sync_service.py" line="159"/>
        <source>No MediaSense password is known: enter it in the Connection tab.</source>
        <translation>Пароль MediaSense невідомий: введіть його на вкладці «З&apos;єднання».</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/sync_service.py" line="258"/>
        <source>A sync is running: reset it after the run ends.</source>
        <translation>Триває синхронізація: скиньте стан після її завершення.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/services/sync_service.py" line="262"/>
        <source>Another QMS process is syncing this database: try again later.</source>
        <translation>Інший процес QMS синхронізує цю базу даних: спробуйте пізніше.</translation>
    </message>
</context>
<context>
    <name>SyncTab</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="31"/>
        <source>Reset the sync?</source>
        <translation>Скинути синхронізацію?</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="32"/>
        <source>Reset the sync state?</source>
        <translation>Скинути стан синхронізації?</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/controller.py" line="34"/>
        <source>Reset forgets the sync checkpoint and the backfill progress. The next sync starts over: it reads today&apos;s calls again and backfills the configured number of past days.

Recordings already stored, the run history and the quarantine are kept.</source>
        <translation>Скидання забуває контрольну точку синхронізації та поступ дозавантаження. Наступна синхронізація почнеться спочатку: знову прочитає сьогоднішні дзвінки й дозавантажить налаштовану кількість минулих днів.

Уже збережені записи, історія запусків і карантин залишаться.</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="85"/>
        <source>Idle</source>
        <translation>Очікування</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="86"/>
        <source>In progress</source>
        <translation>Триває</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="87"/>
        <source>Running</source>
        <translation>Виконується</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="88"/>
        <source>Success</source>
        <translation>Успішно</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="89"/>
        <source>Partial</source>
        <translation>Частково</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="90"/>
        <source>Failed</source>
        <translation>Помилка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="91"/>
        <source>Interrupted</source>
        <translation>Перервано</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="192"/>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="193"/>
        <source>Started</source>
        <translation>Початок</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="194"/>
        <source>Duration</source>
        <translation>Тривалість</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="195"/>
        <source>Trigger</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="196"/>
        <source>Mode</source>
        <translation>Режим</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="197"/>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="93"/>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="198"/>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="107"/>
        <source>Fetched</source>
        <translation>Отримано</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="199"/>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="107"/>
        <source>Created</source>
        <translation>Створено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="200"/>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="107"/>
        <source>Updated</source>
        <translation>Оновлено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="201"/>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="107"/>
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="202"/>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="107"/>
        <source>Errors</source>
        <translation>Помилки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="205"/>
        <source>Error summary</source>
        <translation>Опис помилки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="232"/>
        <source>Session id</source>
        <translation>ID сеансу</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="233"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="234"/>
        <source>First seen</source>
        <translation>Уперше</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="235"/>
        <source>Last seen</source>
        <translation>Востаннє</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="236"/>
        <source>Seen</source>
        <translation>Разів</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/models.py" line="237"/>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="105"/>
        <source>Last run</source>
        <translation>Останній запуск</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="132"/>
        <source>Checkpoint</source>
        <translation>Контрольна точка</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="134"/>
        <source>Last sync:</source>
        <translation>Остання синхронізація:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="135"/>
        <source>Backfill:</source>
        <translation>Дозавантаження:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="137"/>
        <source>Quarantined:</source>
        <translation>У карантині:</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="145"/>
        <source>Sync now</source>
        <translation>Синхронізувати зараз</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="147"/>
        <source>Reset…</source>
        <translation>Скинути…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="148"/>
        <source>Forget the checkpoint: the next sync starts over with a backfill</source>
        <translation>Забути контрольну точку: наступна синхронізація почнеться з дозавантаження</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="149"/>
        <source>Sync automatically every</source>
        <translation>Синхронізувати автоматично кожні</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="152"/>
        <source> min</source>
        <translation> хв</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="174"/>
        <source>Select a record to see what MediaSense sent</source>
        <translation>Виберіть запис, щоб побачити, що надіслав MediaSense</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="182"/>
        <source>History</source>
        <translation>Історія</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="183"/>
        <source>Charts</source>
        <translation>Графіки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="184"/>
        <source>Quarantine</source>
        <translation>Карантин</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="229"/>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="237"/>
        <source>Run %1 · backfill day %2 of %3</source>
        <translation>Запуск %1 · день дозавантаження %2 з %3</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="241"/>
        <source>Day %v of %m</source>
        <translation>День %v з %m</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="243"/>
        <source>new and changed calls</source>
        <translation>нові та змінені дзвінки</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="243"/>
        <source>calls still in progress</source>
        <translation>дзвінки, що ще тривають</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="244"/>
        <source>Run %1 · %2</source>
        <translation>Запуск %1 · %2</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="250"/>
        <source>Pages %1 · fetched %2 · created %3 · updated %4 · errors %5</source>
        <translation>Сторінок %1 · отримано %2 · створено %3 · оновлено %4 · помилок %5</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="262"/>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="295"/>
        <source>Run %1</source>
        <translation>Запуск %1</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="281"/>
        <source>never</source>
        <translation>ще не було</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="284"/>
        <source>complete (%1 days)</source>
        <translation>завершено (днів: %1)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="286"/>
        <source>%1 of %2 days</source>
        <translation>%1 з %2 днів</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="288"/>
        <source>not started</source>
        <translation>не розпочато</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="295"/>
        <source>No sync yet</source>
        <translation>Синхронізацій ще не було</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="299"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="353"/>
        <source>Quarantine (%1)</source>
        <translation>Карантин (%1)</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/sync/tab.py" line="372"/>
        <source>Reason: %1</source>
        <translation>Причина: %1</translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="36"/>
        <source>Connection</source>
        <translation>З&apos;єднання</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="37"/>
        <source>Sync</source>
        <translation>Синхронізація</translation>
    </message>
    <message>
        <location filename="../../qms_desktop/ui/tabs/__init__.py" line="38"/>
        <source>Logs</source>
        <translation>Журнал</translation>
    </message>
</context>
</TS>
