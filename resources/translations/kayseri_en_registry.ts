<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
  English translation of the firm registry (issue 3): Firmalar tab, firm form,
  detail, recycle bin, import wizard, export dialog. Same format as kayseri_en.ts.
-->
<TS version="2.1" language="en_GB" sourcelanguage="tr_TR">
<context>
    <name>ExportDialog</name>
    <message>
        <source>Firmaları Excel'e aktar</source>
        <translation>Export firms to Excel</translation>
    </message>
    <message>
        <source>Görünen satırlar ve sütunlar (%1 firma)</source>
        <translation>Rows and columns shown (%1 firms)</translation>
    </message>
    <message>
        <source>Tüm sicil, tüm alanlar (%1 firma)</source>
        <translation>Whole registry, all fields (%1 firms)</translation>
    </message>
    <message>
        <source>Yetkili kişileri de ekle</source>
        <translation>Include contact persons</translation>
    </message>
    <message>
        <source>Yetkililer kişisel veridir (KVKK): yalnızca açık rıza vermiş olanlar, ayrı bir sayfaya yazılır.</source>
        <translation>Contact persons are personal data (KVKK): only those who gave explicit consent are written, on a separate sheet.</translation>
    </message>
    <message>
        <source>Dosya seç ve aktar…</source>
        <translation>Choose file and export…</translation>
    </message>
    <message>
        <source>Vazgeç</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Excel dosyası</source>
        <translation>Excel file</translation>
    </message>
    <message>
        <source>Excel çalışma kitabı (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>%1 firma %2 dosyasına yazıldı.</source>
        <translation>%1 firms written to %2.</translation>
    </message>
    <message>
        <source>Yetkili: %1 (KVKK onayı olmayan %2 kişi yazılmadı).</source>
        <translation>Contacts: %1 (%2 people without KVKK consent left out).</translation>
    </message>
    <message>
        <source>Dışa aktarıldı</source>
        <translation>Exported</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Tüm sektörler</source>
        <translation>All sectors</translation>
    </message>
    <message>
        <source>Tüm ilçeler</source>
        <translation>All districts</translation>
    </message>
    <message>
        <source>Tüm OSB'ler</source>
        <translation>All industrial zones</translation>
    </message>
    <message>
        <source>Tüm ölçekler</source>
        <translation>All sizes</translation>
    </message>
    <message>
        <source>Değerlendirme: tümü</source>
        <translation>Evaluation: all</translation>
    </message>
    <message>
        <source>Değerlendirildi</source>
        <translation>Evaluated</translation>
    </message>
    <message>
        <source>Değerlendirilmedi</source>
        <translation>Not evaluated</translation>
    </message>
    <message>
        <source>Ziyaret: tümü</source>
        <translation>Visit: all</translation>
    </message>
    <message>
        <source>Ziyaret edildi</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>Ziyaret edilmedi</source>
        <translation>Not visited</translation>
    </message>
    <message>
        <source>Tüm pazarlar</source>
        <translation>All markets</translation>
    </message>
    <message>
        <source>Tüm etiketler</source>
        <translation>All tags</translation>
    </message>
    <message>
        <source>Filtreleri temizle</source>
        <translation>Clear filters</translation>
    </message>
</context>
<context>
    <name>FirmDetailDialog</name>
    <message>
        <source>Karne oluştur…</source>
        <translation>Create scorecard…</translation>
    </message>
    <message>
        <source>Firma Karnesi'ni (.pdf) yazar: profil, tema puanları, bulgular, izlemeler ve uygun destekler. Yetkililerin kişisel verileri yazılmaz (KVKK).</source>
        <translation>Writes the Firm Scorecard (.pdf): profile, theme scores, findings, follow-ups and fitting supports. Contact persons' personal data is not written (KVKK).</translation>
    </message>
    <message>
        <source>Firma karnesini kaydet</source>
        <translation>Save the firm scorecard</translation>
    </message>
    <message>
        <source>PDF belgesi (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Karne yazılamadı</source>
        <translation>Scorecard not written</translation>
    </message>
    <message>
        <source>Karne yazıldı</source>
        <translation>Scorecard written</translation>
    </message>
    <message>
        <source>Firma karnesi yazıldı: %1 (%2 sayfa). Yetkililerin kişisel verileri yazılmadı (KVKK).</source>
        <translation>Firm scorecard written: %1 (%2 pages). Contact persons' personal data was not written (KVKK).</translation>
    </message>
    <message>
        <source>Firma: %1</source>
        <translation>Firm: %1</translation>
    </message>
    <message>
        <source>Kısa ad</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>VKN/TCKN</source>
        <translation>Tax no.</translation>
    </message>
    <message>
        <source>Sektör</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>İlçe</source>
        <translation>District</translation>
    </message>
    <message>
        <source>OSB</source>
        <translation>Industrial zone</translation>
    </message>
    <message>
        <source>Ölçek</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Çalışan</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-posta</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>İhracat (USD)</source>
        <translation>Exports (USD)</translation>
    </message>
    <message>
        <source>Pazarlar</source>
        <translation>Markets</translation>
    </message>
    <message>
        <source>Etiketler</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Ürünler</source>
        <translation>Products</translation>
    </message>
    <message>
        <source>Tarih</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Tür</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Değerlendiren</source>
        <translation>Evaluator</translation>
    </message>
    <message>
        <source>Başlangıç</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Durum</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Amaç</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Proje</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>oluşturuldu</source>
        <translation>created</translation>
    </message>
    <message>
        <source>değiştirildi</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>çöp kutusuna taşındı</source>
        <translation>moved to recycle bin</translation>
    </message>
    <message>
        <source>geri alındı</source>
        <translation>restored</translation>
    </message>
    <message>
        <source>kalıcı silindi</source>
        <translation>purged</translation>
    </message>
    <message>
        <source>Firma</source>
        <translation>Firm</translation>
    </message>
    <message>
        <source>Yetkili</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Unvan</source>
        <translation>Legal title</translation>
    </message>
    <message>
        <source>Ticaret sicil no</source>
        <translation>Trade registry no.</translation>
    </message>
    <message>
        <source>KTO üye no</source>
        <translation>KTO member no.</translation>
    </message>
    <message>
        <source>NACE kodu</source>
        <translation>NACE code</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Kuruluş yılı</source>
        <translation>Founded</translation>
    </message>
    <message>
        <source>Çalışan sayısı</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Belgeler</source>
        <translation>Certifications</translation>
    </message>
    <message>
        <source>Notlar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Ad soyad</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>KVKK onayı</source>
        <translation>KVKK consent</translation>
    </message>
    <message>
        <source>Onay tarihi</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <source>Zaman</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Kullanıcı</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Kayıt</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>İşlem</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Alan</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Eski değer</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>Yeni değer</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>Değerlendirmeler (%1)</source>
        <translation>Evaluations (%1)</translation>
    </message>
    <message>
        <source>Ziyaretler (%1)</source>
        <translation>Visits (%1)</translation>
    </message>
    <message>
        <source>Projeler (%1)</source>
        <translation>Projects (%1)</translation>
    </message>
    <message>
        <source>Değişiklik geçmişi (%1)</source>
        <translation>Change history (%1)</translation>
    </message>
    <message>
        <source>Düzenle</source>
        <translation>Edit</translation>
    </message>
</context>
<context>
    <name>FirmDialog</name>
    <message>
        <source>Yeni firma</source>
        <translation>New firm</translation>
    </message>
    <message>
        <source>Firmayı düzenle</source>
        <translation>Edit firm</translation>
    </message>
    <message>
        <source>Kaydet</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Vazgeç</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>— seçilmedi —</source>
        <translation>— not chosen —</translation>
    </message>
    <message>
        <source>Kaydedilmedi: %1 alanda düzeltme gerekiyor.</source>
        <translation>Not saved: %1 fields need correcting.</translation>
    </message>
    <message>
        <source>Kaydedilemedi</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>Firma başka biri tarafından değiştirildi</source>
        <translation>Firm changed by someone else</translation>
    </message>
    <message>
        <source>Güncel hâlini yükle</source>
        <translation>Load current version</translation>
    </message>
    <message>
        <source>Düzenlemeye dön</source>
        <translation>Back to editing</translation>
    </message>
    <message>
        <source>Firma</source>
        <translation>Firm</translation>
    </message>
    <message>
        <source>Genel</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Unvan *</source>
        <translation>Legal title *</translation>
    </message>
    <message>
        <source>Kısa ad</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>VKN / TCKN *</source>
        <translation>Tax no. (VKN / TCKN) *</translation>
    </message>
    <message>
        <source>10 haneli VKN ya da 11 haneli TCKN</source>
        <translation>10-digit VKN or 11-digit TCKN</translation>
    </message>
    <message>
        <source>Ticaret sicil no</source>
        <translation>Trade registry no.</translation>
    </message>
    <message>
        <source>KTO üye no</source>
        <translation>KTO member no.</translation>
    </message>
    <message>
        <source>NACE kodu</source>
        <translation>NACE code</translation>
    </message>
    <message>
        <source>Sektör</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>İlçe</source>
        <translation>District</translation>
    </message>
    <message>
        <source>OSB</source>
        <translation>Industrial zone</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>0352 222 12 34</source>
        <translation>0352 222 12 34</translation>
    </message>
    <message>
        <source>E-posta</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>info@firma.com.tr</source>
        <translation>info@firma.com.tr</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Kuruluş yılı</source>
        <translation>Founded</translation>
    </message>
    <message>
        <source>ör. 1998</source>
        <translation>e.g. 1998</translation>
    </message>
    <message>
        <source>Çalışan sayısı</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Yetkililer</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Ad soyad</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Görev</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>KVKK onayı</source>
        <translation>KVKK consent</translation>
    </message>
    <message>
        <source>Onay tarihi</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <source>Yetkili ekle</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <source>Yetkiliyi kaldır</source>
        <translation>Remove contact</translation>
    </message>
    <message>
        <source>İhracat</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>Yıllık ihracat (USD)</source>
        <translation>Yearly exports (USD)</translation>
    </message>
    <message>
        <source>Yıl</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>İhracat (USD)</source>
        <translation>Exports (USD)</translation>
    </message>
    <message>
        <source>Yıl ekle</source>
        <translation>Add year</translation>
    </message>
    <message>
        <source>Yılı kaldır</source>
        <translation>Remove year</translation>
    </message>
    <message>
        <source>İhracat pazarları (Türkçe ülke adları ya da ISO kodları, virgülle)</source>
        <translation>Export markets (Turkish country names or ISO codes, comma-separated)</translation>
    </message>
    <message>
        <source>ör. Almanya, Irak, ABD</source>
        <translation>e.g. Almanya, Irak, ABD</translation>
    </message>
    <message>
        <source>Ürünler ve notlar</source>
        <translation>Products and notes</translation>
    </message>
    <message>
        <source>Etiketler</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>virgülle ayırın</source>
        <translation>separate with commas</translation>
    </message>
    <message>
        <source>Ana ürünler</source>
        <translation>Main products</translation>
    </message>
    <message>
        <source>Belgeler</source>
        <translation>Certifications</translation>
    </message>
    <message>
        <source>Notlar</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>FirmTableModel</name>
    <message>
        <source>Unvan</source>
        <translation>Legal title</translation>
    </message>
    <message>
        <source>VKN/TCKN</source>
        <translation>Tax no.</translation>
    </message>
    <message>
        <source>Sektör</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>İlçe</source>
        <translation>District</translation>
    </message>
    <message>
        <source>OSB</source>
        <translation>Industrial zone</translation>
    </message>
    <message>
        <source>Ölçek</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Çalışan</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>İhracat %1 (USD)</source>
        <translation>Exports %1 (USD)</translation>
    </message>
    <message>
        <source>İhracat (USD)</source>
        <translation>Exports (USD)</translation>
    </message>
    <message>
        <source>Pazarlar</source>
        <translation>Markets</translation>
    </message>
    <message>
        <source>Puan</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Ziyaret</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Etiketler</source>
        <translation>Tags</translation>
    </message>
</context>
<context>
    <name>FirmsTab</name>
    <message>
        <source>Ziyaret planla</source>
        <translation>Plan visit</translation>
    </message>
    <message>
        <source>Geri al</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Ara: unvan, kısa ad, VKN, ürün, yetkili…</source>
        <translation>Search: title, short name, tax no., products, contacts…</translation>
    </message>
    <message>
        <source>Yeni firma</source>
        <translation>New firm</translation>
    </message>
    <message>
        <source>Düzenle</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Ayrıntılar</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Sil</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Çöp kutusu</source>
        <translation>Recycle bin</translation>
    </message>
    <message>
        <source>İçe aktar…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Dışa aktar…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Sütunlar</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Gösterilen: %1 / %2 firma</source>
        <translation>Shown: %1 / %2 firms</translation>
    </message>
    <message>
        <source>(yükleniyor…)</source>
        <translation>(loading…)</translation>
    </message>
    <message>
        <source>%1 firmayı sil</source>
        <translation>Delete %1 firms</translation>
    </message>
    <message>
        <source>%1 firma çöp kutusuna taşındı. Geri almak için Ctrl+Z.</source>
        <translation>%1 firms moved to the recycle bin. Ctrl+Z to undo.</translation>
    </message>
    <message>
        <source>Dışa aktarılamadı</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Firma listesini içe aktar</source>
        <translation>Import firm list</translation>
    </message>
    <message>
        <source>İleri &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; Geri</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>İçe aktar</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Vazgeç</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Dosya ve sayfa</source>
        <translation>File and sheet</translation>
    </message>
    <message>
        <source>Firma listesini (Excel, OpenDocument ya da CSV) ve firmaların bulunduğu sayfayı seçin.</source>
        <translation>Choose the firm list (Excel, OpenDocument or CSV) and the sheet holding the firms.</translation>
    </message>
    <message>
        <source>Gözat…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Sayfa:</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>Firma listesi</source>
        <translation>Firm list</translation>
    </message>
    <message>
        <source>Excel çalışma kitabı (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Önce bir firma listesi dosyası seçin.</source>
        <translation>Choose a firm list file first.</translation>
    </message>
    <message>
        <source>Firma listeleri (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.tsv *.txt);;Excel çalışma kitabı (*.xlsx *.xlsm *.xlsb *.xls);;OpenDocument hesap tablosu (*.ods);;CSV / sekmeyle ayrılmış metin (*.csv *.tsv *.txt);;Tüm dosyalar (*)</source>
        <translation>Firm lists (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.tsv *.txt);;Excel workbook (*.xlsx *.xlsm *.xlsb *.xls);;OpenDocument spreadsheet (*.ods);;CSV / tab-separated text (*.csv *.tsv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>%1 (gizli sayfa)</source>
        <translation>%1 (hidden sheet)</translation>
    </message>
    <message>
        <source>Seçilen sayfa boş.</source>
        <translation>The chosen sheet is empty.</translation>
    </message>
    <message>
        <source>Başlık satırı ve sütunlar</source>
        <translation>Header row and columns</translation>
    </message>
    <message>
        <source>Başlık satırı ve sütun eşleşmeleri bulundu; gerekirse düzeltin.</source>
        <translation>The header row and column mapping were found; correct them if needed.</translation>
    </message>
    <message>
        <source>Sütun</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Başlık</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Örnek</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>Alan</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Başlık satırı:</source>
        <translation>Header row:</translation>
    </message>
    <message>
        <source>— aktarma —</source>
        <translation>— do not import —</translation>
    </message>
    <message>
        <source>Aynı alan birden çok sütuna eşlenmiş: %1</source>
        <translation>The same field is mapped to several columns: %1</translation>
    </message>
    <message>
        <source>Önizleme</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Aktarım tek işlemdir: ya hepsi yazılır ya hiçbiri. Reddedilen satırları düzeltip yeniden aktarabilirsiniz.</source>
        <translation>The import is one transaction: everything is written or nothing. You can fix the refused rows and import them again.</translation>
    </message>
    <message>
        <source>Satır</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Durum</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Değer</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Neden / değişiklik</source>
        <translation>Reason / change</translation>
    </message>
    <message>
        <source>Reddedilen satırları atla, yalnızca geçerli satırları aktar</source>
        <translation>Skip refused rows, import only the valid ones</translation>
    </message>
    <message>
        <source>Reddedilenleri Excel'e kaydet…</source>
        <translation>Save refused rows to Excel…</translation>
    </message>
    <message>
        <source>Yeni: %1   Güncellenecek: %2   Değişmeyecek: %3   Reddedilen: %4</source>
        <translation>New: %1   To update: %2   Unchanged: %3   Refused: %4</translation>
    </message>
    <message>
        <source>İhracat tutarları %1 yılına yazılır.</source>
        <translation>Export figures are recorded for %1.</translation>
    </message>
    <message>
        <source>Yeni</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Güncellenecek</source>
        <translation>To update</translation>
    </message>
    <message>
        <source>Değişmeyecek</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Reddedildi</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Reddedilen satırlar</source>
        <translation>Refused rows</translation>
    </message>
    <message>
        <source>Kaydedilemedi</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>Aktarılmadı</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>Aktarıldı</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>%1 yeni firma eklendi, %2 firma güncellendi.</source>
        <translation>%1 new firms added, %2 firms updated.</translation>
    </message>
</context>
<context>
    <name>RecycleBinDialog</name>
    <message>
        <source>Çöp kutusu</source>
        <translation>Recycle bin</translation>
    </message>
    <message>
        <source>Unvan</source>
        <translation>Legal title</translation>
    </message>
    <message>
        <source>VKN/TCKN</source>
        <translation>Tax no.</translation>
    </message>
    <message>
        <source>Silinme zamanı</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <source>Seçilenleri geri al</source>
        <translation>Restore selected</translation>
    </message>
    <message>
        <source>Çöp kutusunda %1 firma var. Geri alınan firma sicile döner.</source>
        <translation>%1 firms in the recycle bin. A restored firm returns to the registry.</translation>
    </message>
</context>
</TS>
