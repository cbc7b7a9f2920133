<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English for the meeting pack and full-export dialogs (issue 7). -->
<TS version="2.1" language="en_GB" sourcelanguage="tr_TR">
<context>
    <name>MainWindow</name>
    <message>
        <source>Toplantı &amp;paketi hazırla…</source>
        <translation>Prepare meeting &amp;pack…</translation>
    </message>
    <message>
        <source>Tüm veriyi &amp;Excel'e aktar…</source>
        <translation>Export all data to &amp;Excel…</translation>
    </message>
</context>
<context>
    <name>MeetingPackDialog</name>
    <message>
        <source>Toplantı paketi hazırla</source>
        <translation>Prepare meeting pack</translation>
    </message>
    <message>
        <source>PDF (yazdırmak ve e-postayla göndermek için)</source>
        <translation>PDF (for printing and e-mail)</translation>
    </message>
    <message>
        <source>Excel (.xlsx, canlı grafiklerle)</source>
        <translation>Excel (.xlsx, with live charts)</translation>
    </message>
    <message>
        <source>Paket, bir önceki toplantıdan bu toplantıya kadarki dönemi kapsar. Firma yetkililerinin kişisel verileri pakete girmez.</source>
        <translation>The pack covers the period from the previous meeting up to this one. Personal data of firms' contact persons never goes into a pack.</translation>
    </message>
    <message>
        <source>&amp;Toplantı:</source>
        <translation>&amp;Meeting:</translation>
    </message>
    <message>
        <source>Biçim:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>&amp;Oluştur…</source>
        <translation>&amp;Create…</translation>
    </message>
    <message>
        <source>Paketi kaydet</source>
        <translation>Save pack</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel çalışma kitabı (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Paket hazırlanamadı</source>
        <translation>The pack could not be prepared</translation>
    </message>
    <message>
        <source>Paket hazır</source>
        <translation>Pack ready</translation>
    </message>
    <message>
        <source>Kaydedildi: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
</context>
<context>
    <name>PackDialogs</name>
    <message>
        <source>Serbest metinde geçen %1 e-posta/telefon, KVKK onayı olmayan yetkililere ait olduğu için gizlendi.</source>
        <translation>%1 e-mail addresses/phone numbers in free text belong to contact persons without KVKK consent and were masked.</translation>
    </message>
</context>
<context>
    <name>FullExportDialog</name>
    <message>
        <source>Tüm veriyi Excel'e aktar</source>
        <translation>Export all data to Excel</translation>
    </message>
    <message>
        <source>Firma yetkililerini de ekle (kişisel veri: KVKK kapsamında paylaşın)</source>
        <translation>Include firms' contact persons (personal data: share under KVKK rules)</translation>
    </message>
    <message>
        <source>&amp;Aktar…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Firmalar, değerlendirmeler, ziyaretler, kurumlar, projeler, kilometre taşları, toplantılar ve kararlar birer sayfa olarak tek dosyaya yazılır.</source>
        <translation>Firms, evaluations, visits, institutions, projects, milestones, meetings and decisions are written to one file, a sheet each.</translation>
    </message>
    <message>
        <source>Yalnızca KVKK onayı kayıtlı yetkililer yazılır; onayı olmayan %1 yetkili hangi seçenek işaretlenirse işaretlensin dışarıda kalır.</source>
        <translation>Only contact persons with recorded KVKK consent are written; the %1 without consent stay out whichever option is ticked.</translation>
    </message>
    <message>
        <source>Yazılan yetkili: %1. KVKK onayı olmayan %2 yetkili dışarıda bırakıldı (kayıtlı açık rıza olmadan kişisel veri uygulamadan çıkmaz).</source>
        <translation>Contact persons written: %1. %2 without KVKK consent were left out (personal data never leaves the app without recorded consent).</translation>
    </message>
    <message>
        <source>Dışa aktarılacak dosya</source>
        <translation>File to export to</translation>
    </message>
    <message>
        <source>Excel çalışma kitabı (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Dışa aktarılamadı</source>
        <translation>Could not export</translation>
    </message>
    <message>
        <source>Dışa aktarıldı</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>Kaydedildi: {0}</source>
        <translation>Saved: {0}</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>Toplantı paketi…</source>
        <translation>Meeting pack…</translation>
    </message>
    <message>
        <source>Seçili toplantı için Excel ya da PDF paketi hazırla</source>
        <translation>Prepare an Excel or PDF pack for the selected meeting</translation>
    </message>
</context>
</TS>
