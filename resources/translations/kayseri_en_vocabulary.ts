<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English for the import vocabulary: values page, title-change hold-back, synonyms dialog (issue 15). -->
<TS version="2.1" language="en_GB" sourcelanguage="tr_TR">
<context>
    <name>ImportWizard</name>
    <message>
        <source>%1 (öneri)</source>
        <translation>%1 (suggested)</translation>
    </message>
    <message>
        <source>%1 satır işaretlenmediği için aktarılmadı.</source>
        <translation>%1 rows were not imported because they were not ticked.</translation>
    </message>
    <message>
        <source>Anlamı</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Bekleyenlerin tümünü onayla</source>
        <translation>Confirm all waiting rows</translation>
    </message>
    <message>
        <source>Bu değerler tanınmadı ya da birden çok seçeneğe uyuyor. Her biri için bir kez seçin: seçimler eş anlamlı olarak veritabanına kaydedilir ve sonraki aktarımlarda (iş arkadaşlarınızınkiler dahil) tanınır.</source>
        <translation>These values were not recognised or fit more than one option. Choose once for each: the choices are saved in the database as synonyms and recognised in later imports (your colleagues' too).</translation>
    </message>
    <message>
        <source>Dosyadaki değer</source>
        <translation>Value in the file</translation>
    </message>
    <message>
        <source>Hatırla</source>
        <translation>Remember</translation>
    </message>
    <message>
        <source>Kaynak</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Neden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>OSB</source>
        <translation>OIZ</translation>
    </message>
    <message>
        <source>Onay bekleyen: %1 (vergi numarası başka bir firmaya ait; işaretlemediğiniz satırlar aktarılmaz)</source>
        <translation>Awaiting confirmation: %1 (the tax number belongs to a different firm; rows you do not tick are not imported)</translation>
    </message>
    <message>
        <source>Onay bekliyor</source>
        <translation>Awaiting confirmation</translation>
    </message>
    <message>
        <source>Satır sayısı</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Sektör</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Seçim</source>
        <translation>Choice</translation>
    </message>
    <message>
        <source>Tanınmayan değerler</source>
        <translation>Unrecognised values</translation>
    </message>
    <message>
        <source>boş bırak</source>
        <translation>leave empty</translation>
    </message>
    <message>
        <source>boş bırakılır</source>
        <translation>left empty</translation>
    </message>
    <message>
        <source>bu satırları reddet</source>
        <translation>refuse these rows</translation>
    </message>
    <message>
        <source>Ölçek</source>
        <translation>Size class</translation>
    </message>
    <message>
        <source>Şu değerler için seçim yapılmadı: %1. Bir seçenek, “boş bırak” ya da “bu satırları reddet” seçin.</source>
        <translation>No choice made for these values: %1. Choose an option, “leave empty” or “refuse these rows”.</translation>
    </message>
    <message>
        <source>— seçin —</source>
        <translation>— choose —</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>İçe aktarma &amp;eş anlamlıları…</source>
        <translation>Import &amp;synonyms…</translation>
    </message>
</context>
<context>
    <name>SynonymsDialog</name>
    <message>
        <source>Alan</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Anlamı</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Değişiklikleri kaydet</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <source>Ekle</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Firma listelerindeki kelimelerin uygulamadaki karşılıkları. İçe aktarırken bir kez seçilir, herkesin sonraki aktarımlarında kullanılır. Silinen bir kelime bir sonraki aktarımda yeniden sorulur.</source>
        <translation>What the words of firm lists mean in the app. Chosen once while importing, used in everyone's later imports. A deleted word is asked again by the next import.</translation>
    </message>
    <message>
        <source>Kapat</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Kaydeden</source>
        <translation>Saved by</translation>
    </message>
    <message>
        <source>Listedeki kelime</source>
        <translation>Word in the list</translation>
    </message>
    <message>
        <source>OSB</source>
        <translation>OIZ</translation>
    </message>
    <message>
        <source>Sektör</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Seçileni sil</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <source>Silinemedi</source>
        <translation>Could not delete</translation>
    </message>
    <message>
        <source>Silmek için bir satır seçin.</source>
        <translation>Select a row to delete.</translation>
    </message>
    <message>
        <source>Tarih</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>boş bırak</source>
        <translation>leave empty</translation>
    </message>
    <message>
        <source>Ölçek</source>
        <translation>Size class</translation>
    </message>
    <message>
        <source>Önce listedeki kelimeyi yazın.</source>
        <translation>Type the word from the list first.</translation>
    </message>
    <message>
        <source>İçe aktarma eş anlamlıları</source>
        <translation>Import synonyms</translation>
    </message>
</context>
</TS>
