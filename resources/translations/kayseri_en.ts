<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
  English translation of Kayseri İhracat Koordinasyon Masası.
  Turkish is the source language; one context per class (for Designer forms, the
  form's class name). Compile with scripts/build_translations.py; the .qm is build
  output and not kept in git. tests/test_translations.py fails when a string in the
  code has no entry here.
-->
<TS version="2.1" language="en_GB" sourcelanguage="tr_TR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Hakkında</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Kayseri İhracat Koordinasyon Masası</source>
        <translation>Kayseri Export Coordination Desk</translation>
    </message>
    <message>
        <source>Kayseri Ticaret Odası — İl İhracatı Geliştirme Üst Kurulu</source>
        <translation>Kayseri Chamber of Commerce — Provincial Export Development High Committee</translation>
    </message>
    <message>
        <source>Sürüm:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Veritabanı:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Şema sürümü:</source>
        <translation>Schema version:</translation>
    </message>
    <message>
        <source>Kütüphaneler:</source>
        <translation>Libraries:</translation>
    </message>
    <message>
        <source>(uygulamanın şeması: %1)</source>
        <translation>(the application&apos;s schema: %1)</translation>
    </message>
    <message>
        <source>(salt okunur)</source>
        <translation>(read-only)</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Veritabanı açılamadı</source>
        <translation>Could not open the database</translation>
    </message>
    <message>
        <source>Veritabanı açılırken beklenmeyen hata.</source>
        <translation>Unexpected error while opening the database.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pano</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Firmalar</source>
        <translation>Firms</translation>
    </message>
    <message>
        <source>Ziyaret Takvimi</source>
        <translation>Visit Calendar</translation>
    </message>
    <message>
        <source>Kurumlar ve Projeler</source>
        <translation>Institutions and Projects</translation>
    </message>
    <message>
        <source>Toplantılar</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>&amp;Dosya</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Veritabanı &amp;aç…</source>
        <translation>&amp;Open Database…</translation>
    </message>
    <message>
        <source>Çı&amp;kış</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>Dü&amp;zen</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Geri al</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Yinele</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>&amp;Görünüm</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Dil</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Yardım</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Hakkında</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>Kayseri İhracat Koordinasyon Masası — %1</source>
        <translation>Kayseri Export Coordination Desk — %1</translation>
    </message>
    <message>
        <source>Veritabanı: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Salt okunur</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>Yazılabilir</source>
        <translation>Writable</translation>
    </message>
    <message>
        <source>Veritabanı aç</source>
        <translation>Open Database</translation>
    </message>
    <message>
        <source>SQLite veritabanları (*.sqlite *.db);;Tüm dosyalar (*)</source>
        <translation>SQLite databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Veritabanı açılamadı</source>
        <translation>Could not open the database</translation>
    </message>
    <message>
        <source>%1 açılamadı.</source>
        <translation>Could not open %1.</translation>
    </message>
    <message>
        <source>Dil</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Dil değişikliği uygulama yeniden başlatıldığında geçerli olur.</source>
        <translation>The new language takes effect when the application is restarted.</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>Tarih</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Yer</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Karar</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Açık karar</source>
        <translation>Open decisions</translation>
    </message>
    <message>
        <source>%1 toplantı, %2 açık karar</source>
        <translation>%1 meetings, %2 open decisions</translation>
    </message>
    <message>
        <source>Karar metni</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Sorumlu</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Son tarih</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Durum</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Süresi geçti</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Toplantı seçilmedi.</source>
        <translation>No meeting selected.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>%1 yazılamadı (%2); hiçbir şey yazılmadı.</source>
        <translation>%1 could not be written (%2); nothing was written.</translation>
    </message>
</context>
<context>
    <name>ProjectsTab</name>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Proje</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Yürütücü</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Durum</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>İlerleme</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Bitiş</source>
        <translation>End</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>Veritabanı açılamadı: %1</source>
        <translation>Could not open the database: %1</translation>
    </message>
    <message>
        <source>Sürüm %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Veritabanı %1, şema %2 (beklenen %3)</source>
        <translation>Database %1, schema %2 (expected %3)</translation>
    </message>
    <message>
        <source>Qt Türkçe çevirisi (qtbase_tr) yüklendi</source>
        <translation>Qt&apos;s Turkish translation (qtbase_tr) loaded</translation>
    </message>
    <message>
        <source>İngilizce çeviri (kayseri_en) yüklendi</source>
        <translation>English translation (kayseri_en) loaded</translation>
    </message>
    <message>
        <source>İstenen dil yüklenemedi: %1</source>
        <translation>Requested language could not be loaded: %1</translation>
    </message>
    <message>
        <source>Form %1 yüklendi</source>
        <translation>Form %1 loaded</translation>
    </message>
    <message>
        <source>Sekme “%1” açıldı (%2 satır)</source>
        <translation>Tab “%1” opened (%2 rows)</translation>
    </message>
    <message>
        <source>Sekme “%1” açıldı</source>
        <translation>Tab “%1” opened</translation>
    </message>
    <message>
        <source>Pencere çizildi</source>
        <translation>Window painted</translation>
    </message>
    <message>
        <source>Beklenmeyen hata: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
    <message>
        <source>TAMAM</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>HATA</source>
        <translation>FAIL</translation>
    </message>
    <message>
        <source>Öz sınama başarılı.</source>
        <translation>Self-test passed.</translation>
    </message>
    <message>
        <source>Öz sınama BAŞARISIZ.</source>
        <translation>Self-test FAILED.</translation>
    </message>
</context>
</TS>
