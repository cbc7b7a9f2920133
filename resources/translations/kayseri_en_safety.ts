<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English for the data-safety screens (gui/safety/); see kayseri_en.ts. -->
<TS version="2.1" language="en_GB" sourcelanguage="tr_TR">
    <context>
        <name>BackupSettingsDialog</name>
        <message>
            <source>Yedekleme ayarları</source>
            <translation>Backup settings</translation>
        </message>
        <message>
            <source>Veritabanının yanındaki “yedekler” klasörü</source>
            <translation>The “yedekler” folder beside the database</translation>
        </message>
        <message>
            <source>Seç…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <source>Yedek klasörü:</source>
            <translation>Backup folder:</translation>
        </message>
        <message>
            <source>Saklanacak günlük yedek:</source>
            <translation>Daily backups to keep:</translation>
        </message>
        <message>
            <source>Saklanacak haftalık yedek:</source>
            <translation>Weekly backups to keep:</translation>
        </message>
        <message>
            <source>Yedek klasörü</source>
            <translation>Backup folder</translation>
        </message>
    </context>
    <context>
        <name>ConcurrentEdit</name>
        <message>
            <source>Kayıt silinmiş</source>
            <translation>Record deleted</translation>
        </message>
        <message>
            <source>Tamam</source>
            <translation>OK</translation>
        </message>
        <message>
            <source>Kayıt başka biri tarafından değiştirildi</source>
            <translation>Record changed by someone else</translation>
        </message>
        <message>
            <source>Yeniden yükle ve değişikliğimi uygula</source>
            <translation>Reload and apply my change</translation>
        </message>
        <message>
            <source>Değişikliğimden vazgeç</source>
            <translation>Discard my change</translation>
        </message>
        <message>
            <source>Diğer kullanıcının kaydettiği değerler:</source>
            <translation>Values saved by the other user:</translation>
        </message>
    </context>
    <context>
        <name>SafetyActions</name>
        <message>
            <source>&amp;Yedek al</source>
            <translation>&amp;Back up now</translation>
        </message>
        <message>
            <source>Yedekten &amp;geri yükle…</source>
            <translation>&amp;Restore from backup…</translation>
        </message>
        <message>
            <source>Yedekleme a&amp;yarları…</source>
            <translation>Backup se&amp;ttings…</translation>
        </message>
        <message>
            <source>Kilit kaybedildi</source>
            <translation>Lock lost</translation>
        </message>
        <message>
            <source>Bu bilgisayar uzun süre yanıt vermediği için veritabanının kilidi başka bir kopyaya geçti. Çakışmayı önlemek için uygulamayı kapatıp yeniden açın.</source>
            <translation>This computer did not respond for a long time, so the database lock passed to another copy. To avoid conflicts, close the application and open it again.</translation>
        </message>
        <message>
            <source>Yedek alınamadı</source>
            <translation>Backup failed</translation>
        </message>
        <message>
            <source>Yedek alındı</source>
            <translation>Backup made</translation>
        </message>
        <message>
            <source>Yedek alındı ve doğrulandı:
%1</source>
            <translation>Backup made and verified:
%1</translation>
        </message>
        <message>
            <source>Geri yüklenecek yedek</source>
            <translation>Backup to restore</translation>
        </message>
        <message>
            <source>SQLite veritabanları (*.sqlite *.db);;Tüm dosyalar (*)</source>
            <translation>SQLite databases (*.sqlite *.db);;All files (*)</translation>
        </message>
        <message>
            <source>Yedekten geri yükle</source>
            <translation>Restore from backup</translation>
        </message>
        <message>
            <source>%1 yedeği %2 veritabanının yerine konacak.

%3

Veritabanının şimdiki hâlinin yedeği önce alınır; bu işlem onunla geri alınabilir.</source>
            <translation>The backup %1 will replace the database %2.

%3

A backup of the database as it is now is taken first; this can be undone with it.</translation>
        </message>
        <message>
            <source>Geri yükle</source>
            <translation>Restore</translation>
        </message>
        <message>
            <source>Vazgeç</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Veritabanı açılamadı</source>
            <translation>Could not open the database</translation>
        </message>
        <message>
            <source>%1 yeniden açılamadı.</source>
            <translation>%1 could not be reopened.</translation>
        </message>
        <message>
            <source>Geri yüklenemedi</source>
            <translation>Restore failed</translation>
        </message>
        <message>
            <source>Geri yüklendi</source>
            <translation>Restored</translation>
        </message>
        <message>
            <source>%1 geri yüklendi. Önceki hâlinin yedeği:
%2</source>
            <translation>%1 was restored. Backup of the previous state:
%2</translation>
        </message>
        <message>
            <source>&amp;Sunucuya bağlan…</source>
            <translation>Connect to &amp;server…</translation>
        </message>
        <message>
            <source>Sunucuya bağlan</source>
            <translation>Connect to server</translation>
        </message>
        <message>
            <source>PostgreSQL sunucusunun adresi (bilgi işlem biriminden):
postgresql+psycopg://kullanıcı:parola@sunucu:5432/kayseri</source>
            <translation>Address of the PostgreSQL server (from IT):
postgresql+psycopg://user:password@server:5432/kayseri</translation>
        </message>
        <message>
            <source>Adres postgresql+psycopg:// ile başlamalı.</source>
            <translation>The address must start with postgresql+psycopg://.</translation>
        </message>
    </context>
    <context>
        <name>SafetyStartup</name>
        <message>
            <source>Ağ klasöründe veritabanı</source>
            <translation>Database in a network folder</translation>
        </message>
        <message>
            <source>Veritabanı bir ağ klasöründe: %1

SQLite dosyaları ağ paylaşımlarında bozulabilir. Birkaç kişinin birlikte çalışması için ofis sunucusunda PostgreSQL kullanın (README: Ofis sunucusu); tek kişi çalışıyorsa dosyayı bu bilgisayarın diskine taşıyın.</source>
            <translation>The database is in a network folder: %1

SQLite files can be corrupted on network shares. For several people working together, use PostgreSQL on the office server (README: Office server); if one person works on it, move the file to this computer's disk.</translation>
        </message>
        <message>
            <source>Veritabanı hasarlı</source>
            <translation>Database damaged</translation>
        </message>
        <message>
            <source>Veritabanı bulunamadı</source>
            <translation>Database not found</translation>
        </message>
        <message>
            <source>Boş veritabanı oluştur</source>
            <translation>Create an empty database</translation>
        </message>
        <message>
            <source>%1 klasörü yok: disk takılı olmayabilir ya da klasör taşınmış olabilir. Yeni bir veritabanı oluşturulmadı.</source>
            <translation>The folder %1 does not exist: the disk may not be plugged in, or the folder may have been moved. No new database was created.</translation>
        </message>
        <message>
            <source>%1 bulunamadı; yanında kenara alınmış hasarlı bir kopyası var (%2) ama sağlam bir yedeği yok. Yeni bir veritabanı oluşturulmadı.</source>
            <translation>%1 was not found; a damaged copy set aside is beside it (%2) but there is no sound backup. No new database was created.</translation>
        </message>
        <message>
            <source>%1 bulunamadı; taşınmış ya da silinmiş olabilir. Bu veritabanının yedekleri var, en yenisi %2 tarihli. Yeni bir veritabanı oluşturulmadı.</source>
            <translation>%1 was not found; it may have been moved or deleted. This database has backups, the newest from %2. No new database was created.</translation>
        </message>
        <message>
            <source>En yeni yedeği geri yükle</source>
            <translation>Restore the newest backup</translation>
        </message>
        <message>
            <source>%1 tarihli yedek geri yüklendi: %2</source>
            <translation>The backup of %1 was restored: %2</translation>
        </message>
        <message>
            <source>Salt okunur konum</source>
            <translation>Read-only location</translation>
        </message>
        <message>
            <source>%1 salt okunur bir yerde (yazma izni yok): değişiklik kaydedilemez, yedek alınamaz. Veritabanı hasarlı değil; dosyaya dokunulmadı.

Salt okunur açarsanız bakabilir ve dışa aktarabilirsiniz. Çalışmak için dosyayı yazılabilir bir klasöre kopyalayın.</source>
            <translation>%1 is in a read-only place (no write permission): changes cannot be saved and no backup can be taken. The database is not damaged; the file was not touched.

If you open it read-only you can look and export. To work on it, copy the file to a writable folder.</translation>
        </message>
        <message>
            <source>Veritabanı kullanılamıyor</source>
            <translation>Database cannot be used</translation>
        </message>
        <message>
            <source>%1 açılmadı; dosyaya dokunulmadı (veritabanı hasarlı değil).

%2</source>
            <translation>%1 was not opened; the file was not touched (the database is not damaged).

%2</translation>
        </message>
        <message>
            <source>%1 hasarlı ve sağlam bir yedeği bulunamadı. Dosyaya dokunulmadı; bilgi işlem birimine başvurun.</source>
            <translation>%1 is damaged and no sound backup of it was found. The file was not touched; please contact IT.</translation>
        </message>
        <message>
            <source>%1 hasarlı (bütünlük denetimi başarısız).

En yeni sağlam yedek %2 tarihli. Geri yüklenirse o tarihten sonraki değişiklikler kaybolur. Hasarlı dosya silinmez, yeni bir adla kenara alınır.</source>
            <translation>%1 is damaged (integrity check failed).

The newest sound backup is from %2. If it is restored, changes made after that date are lost. The damaged file is not deleted; it is kept aside under a new name.</translation>
        </message>
        <message>
            <source>Yedeği geri yükle</source>
            <translation>Restore the backup</translation>
        </message>
        <message>
            <source>Çık</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Yedek geri yüklendi</source>
            <translation>Backup restored</translation>
        </message>
        <message>
            <source>%1 tarihli yedek geri yüklendi. %2

Hasarlı dosya: %3</source>
            <translation>The backup from %1 was restored. %2

Damaged file: %3</translation>
        </message>
        <message>
            <source>Yedek alınamadı</source>
            <translation>Backup failed</translation>
        </message>
        <message>
            <source>Açılış yedeği alınamadı: %1</source>
            <translation>The start-up backup could not be made: %1</translation>
        </message>
        <message>
            <source>Veritabanı kullanımda</source>
            <translation>Database in use</translation>
        </message>
        <message>
            <source>Bu veritabanı şu anda %1 tarafından %2 bilgisayarında %3 saatinden beri açık. Aynı dosyaya aynı anda yalnızca bir kişi yazabilir.

Salt okunur açarsanız bakabilir ve dışa aktarabilirsiniz, değişiklik yapamazsınız.</source>
            <translation>This database is open by %1 on computer %2 since %3. Only one person at a time can write to the same file.

If you open it read-only you can look and export, but not make changes.</translation>
        </message>
        <message>
            <source>Salt okunur aç</source>
            <translation>Open read-only</translation>
        </message>
        <message>
            <source>Vazgeç</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Sunucuya bağlanılamadı (%1): %2</source>
            <translation>Could not connect to the server (%1): %2</translation>
        </message>
    </context>
</TS>
