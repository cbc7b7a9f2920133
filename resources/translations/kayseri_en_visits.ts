<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English for the visit calendar (Ziyaret Takvimi); one context per class. -->
<TS version="2.1" language="en_GB" sourcelanguage="tr_TR">
<context>
    <name>AgendaView</name>
    <message>
        <source>%1 ziyaret (%2 planlı)</source>
        <translation>%1 visits (%2 planned)</translation>
    </message>
    <message>
        <source>Amaç</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Başlangıç</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Bitiş</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Durum</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Firma</source>
        <translation>Firm</translation>
    </message>
    <message>
        <source>Saha ekibi</source>
        <translation>Field team</translation>
    </message>
    <message>
        <source>Tarih</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>İlçe</source>
        <translation>District</translation>
    </message>
</context>
<context>
    <name>FieldEndDialog</name>
    <message>
        <source>Bitiş tarihi</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Saha çalışması bitiş tarihi</source>
        <translation>Field study end date</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>+%1 daha</source>
        <translation>+%1 more</translation>
    </message>
</context>
<context>
    <name>PlanVisitDialog</name>
    <message>
        <source> dk</source>
        <translation> min</translation>
    </message>
    <message>
        <source>(firma seçilmedi)</source>
        <translation>(no firm chosen)</translation>
    </message>
    <message>
        <source>Amaç</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Firma</source>
        <translation>Firm</translation>
    </message>
    <message>
        <source>Firma ara (unvan, kısa ad ya da VKN)…</source>
        <translation>Search firms (title, short name or tax number)…</translation>
    </message>
    <message>
        <source>Notlar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Saha ekibi</source>
        <translation>Field team</translation>
    </message>
    <message>
        <source>Seçilen</source>
        <translation>Chosen</translation>
    </message>
    <message>
        <source>Tarih, saat, süre</source>
        <translation>Date, time, length</translation>
    </message>
    <message>
        <source>Ziyaret kaydedilemedi</source>
        <translation>Visit not saved</translation>
    </message>
    <message>
        <source>Ziyaret planla</source>
        <translation>Plan a visit</translation>
    </message>
    <message>
        <source>Ziyareti düzenle</source>
        <translation>Edit visit</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Bitiş tarihi geçti; hedefe ulaşılamadı.</source>
        <translation>The end date has passed; the target was not reached.</translation>
    </message>
    <message>
        <source>Bitiş tarihini değiştir…</source>
        <translation>Change end date…</translation>
    </message>
    <message>
        <source>Bitiş: %1 (%2 hafta kaldı)</source>
        <translation>Ends: %1 (%2 weeks left)</translation>
    </message>
    <message>
        <source>Bu hızla hedefe yetişmiyor.</source>
        <translation>At this pace the target will not be met.</translation>
    </message>
    <message>
        <source>Gereken hız: haftada %1 ziyaret</source>
        <translation>Pace needed: %1 visits a week</translation>
    </message>
    <message>
        <source>Hedefe yetişiyor.</source>
        <translation>On track for the target.</translation>
    </message>
    <message>
        <source>Kalan %1, bunun %2 tanesi henüz planlanmadı</source>
        <translation>%1 remaining, %2 of them not planned yet</translation>
    </message>
    <message>
        <source>Saha çalışması bitiş tarihi girilmemiş.</source>
        <translation>No field study end date set.</translation>
    </message>
    <message>
        <source>Saha çalışması ilerlemesi</source>
        <translation>Field study progress</translation>
    </message>
    <message>
        <source>Tarihi geçmiş, sonucu girilmemiş: %1</source>
        <translation>Past, outcome not recorded: %1</translation>
    </message>
    <message>
        <source>Yapılan %1 · ileride planlı %2</source>
        <translation>Done %1 · planned ahead %2</translation>
    </message>
    <message>
        <source>Şimdiye kadarki hız: haftada %1 ziyaret</source>
        <translation>Pace so far: %1 visits a week</translation>
    </message>
</context>
<context>
    <name>RecordVisitDialog</name>
    <message>
        <source>Ertelendi</source>
        <translation>Postponed</translation>
    </message>
    <message>
        <source>Gerekçe</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Notlar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Seçileni sil</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <source>Sonuç kaydedilemedi</source>
        <translation>Outcome not saved</translation>
    </message>
    <message>
        <source>Sorumlu</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Takip işi ekle</source>
        <translation>Add follow-up</translation>
    </message>
    <message>
        <source>Takip işleri</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Takip işleri, satır %1, Termin: “%2” bir tarih değil (gg.aa.yyyy).</source>
        <translation>Follow-ups, row %1, Due: “%2” is not a date (dd.mm.yyyy).</translation>
    </message>
    <message>
        <source>Tema puanları (1–5; boş: puanlanmadı)</source>
        <translation>Theme scores (1–5; blank: not scored)</translation>
    </message>
    <message>
        <source>Termin (gg.aa.yyyy)</source>
        <translation>Due (dd.mm.yyyy)</translation>
    </message>
    <message>
        <source>Tespit edilen ihtiyaçlar</source>
        <translation>Needs found</translation>
    </message>
    <message>
        <source>Yapıldı</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Ziyaret sonucunu kaydet</source>
        <translation>Record visit outcome</translation>
    </message>
    <message>
        <source>İhtiyaçlar</source>
        <translation>Needs</translation>
    </message>
    <message>
        <source>İptal edildi</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>İş</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>VisitConflicts</name>
    <message>
        <source>Bu ziyaret şunlarla çakışıyor:</source>
        <translation>This visit clashes with:</translation>
    </message>
    <message>
        <source>Yine de kaydet</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <source>Çakışma var</source>
        <translation>Conflict</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
</context>
</TS>
