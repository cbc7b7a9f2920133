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
    <name>ClosedDaysDialog</name>
    <message>
        <source>Ekle</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Gerekçe (ör. yıllık izin, taşınma)</source>
        <translation>Reason (e.g. annual leave, moving)</translation>
    </message>
    <message>
        <source>Kapalı gün eklenemedi</source>
        <translation>Closed day not added</translation>
    </message>
    <message>
        <source>Ofisin kapalı günleri</source>
        <translation>The office's closed days</translation>
    </message>
    <message>
        <source>Resmî tatiller (bayramlar dahil) takvimde kendiliğinden görünür; burada yalnız ofisin ayrıca kapalı olduğu günleri girin.</source>
        <translation>Public holidays (the Bayrams included) appear in the calendar by themselves; enter here only the days the office is closed besides.</translation>
    </message>
    <message>
        <source>Seçileni kaldır</source>
        <translation>Remove selected</translation>
    </message>
</context>
<context>
    <name>FieldEndDialog</name>
    <message>
        <source>Kaydedilemedi</source>
        <translation>Could not save</translation>
    </message>
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
    <name>PlacePage</name>
    <message>
        <source> dk</source>
        <translation> min</translation>
    </message>
    <message>
        <source>%1 ziyaret %2 gününe planlandı.</source>
        <translation>%1 visits scheduled on %2.</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Amaç</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Aynı güne planlanacak firmaları seçin (Ctrl ya da Shift ile birden çok).</source>
        <translation>Select the firms to visit on the same day (several with Ctrl or Shift).</translation>
    </message>
    <message>
        <source>Firma</source>
        <translation>Firm</translation>
    </message>
    <message>
        <source>Firma ara…</source>
        <translation>Search firms…</translation>
    </message>
    <message>
        <source>Gün</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Planlanamadı</source>
        <translation>Not scheduled</translation>
    </message>
    <message>
        <source>Planlandı</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Saha değerlendirme ziyareti</source>
        <translation>Field assessment visit</translation>
    </message>
    <message>
        <source>Saha ekibi</source>
        <translation>Field team</translation>
    </message>
    <message>
        <source>Sektör</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Seçilenleri bu güne planla</source>
        <translation>Schedule the ticked firms on this day</translation>
    </message>
    <message>
        <source>Yol payı</source>
        <translation>Travel time</translation>
    </message>
    <message>
        <source>Ziyaret edilmemiş ve planlanmamış %1 firma</source>
        <translation>%1 firms neither visited nor planned</translation>
    </message>
    <message>
        <source>Ziyaret süresi</source>
        <translation>Visit length</translation>
    </message>
    <message>
        <source>İlk ziyaret</source>
        <translation>First visit</translation>
    </message>
    <message>
        <source>İlçe — OSB</source>
        <translation>District — OIZ</translation>
    </message>
</context>
<context>
    <name>PlanVisitDialog</name>
    <message>
        <source> dk</source>
        <translation> min</translation>
    </message>
    <message>
        <source>%1 (pasif)</source>
        <translation>%1 (retired)</translation>
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
        <source>Bu ziyaretin tarihi %1: o gün gelmeden “Yapıldı” olarak kaydedilemez. Şimdilik ertelendi ya da iptal edildi olarak kaydedebilirsiniz.</source>
        <translation>This visit is on %1: it cannot be recorded as done before that day. For now you can record it as postponed or cancelled.</translation>
    </message>
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
    <name>StaffDialog</name>
    <message>
        <source>Ad soyad</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-posta</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Kaydedilemedi</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Kişiyi düzenle</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <source>Saha ekibine kişi ekle</source>
        <translation>Add a field-team member</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Tür</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Unvan</source>
        <translation>Title</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Kaydedilemedi</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>%1: yaklaşan ziyaretler</source>
        <translation>%1: upcoming visits</translation>
    </message>
    <message>
        <source>Ad soyad</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Durum</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Düzenle…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>E-posta</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Etkin</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Firma</source>
        <translation>Firm</translation>
    </message>
    <message>
        <source>Kişi ekle…</source>
        <translation>Add person…</translation>
    </message>
    <message>
        <source>Pasif</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>Pasife al</source>
        <translation>Retire</translation>
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
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Tür</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Unvan</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Yaklaşan ziyaret</source>
        <translation>Upcoming visits</translation>
    </message>
    <message>
        <source>Yaklaşan ziyaretlerini görmek için bir kişi seçin.</source>
        <translation>Choose a person to see their upcoming visits.</translation>
    </message>
    <message>
        <source>Yeniden etkinleştir</source>
        <translation>Reactivate</translation>
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
    <name>VisitExports</name>
    <message>
        <source>%1 yazılamadı.</source>
        <translation>%1 could not be written.</translation>
    </message>
    <message>
        <source>%1 ziyaret %2 dosyasına yazıldı.</source>
        <translation>%1 visits written to %2.</translation>
    </message>
    <message>
        <source>Dışa aktarılamadı</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>Dışa aktarıldı</source>
        <translation>Exported</translation>
    </message>
    <message>
        <source>Excel çalışma kitabı (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Ziyaret takvimini Excel'e aktar</source>
        <translation>Export the visit schedule to Excel</translation>
    </message>
    <message>
        <source>Ziyaretleri iCalendar olarak aktar</source>
        <translation>Export visits as iCalendar</translation>
    </message>
    <message>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Veritabanı salt okunur açıldı; değişiklik kaydedilemez.</source>
        <translation>The database was opened read-only; changes cannot be saved.</translation>
    </message>
    <message>
        <source>%1 ziyaretini taşı</source>
        <translation>move the %1 visit</translation>
    </message>
    <message>
        <source>%1 · %2. hafta</source>
        <translation>%1 · week %2</translation>
    </message>
    <message>
        <source>Ajanda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Ay</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Bugün</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Bugüne git (Home)</source>
        <translation>Go to today (Home)</translation>
    </message>
    <message>
        <source>Düzenle…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Dışa aktar ve diğer</source>
        <translation>Export and more</translation>
    </message>
    <message>
        <source>Excel'e aktar (görünen aralık)…</source>
        <translation>Export to Excel (shown range)…</translation>
    </message>
    <message>
        <source>Hafta</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Ofisin kapalı günleri…</source>
        <translation>The office's closed days…</translation>
    </message>
    <message>
        <source>Saha ekibi</source>
        <translation>Field team</translation>
    </message>
    <message>
        <source>Sonraki (Sağ ok, PageDown)</source>
        <translation>Next (Right arrow, PageDown)</translation>
    </message>
    <message>
        <source>Sonucu kaydet…</source>
        <translation>Record outcome…</translation>
    </message>
    <message>
        <source>Takvim</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Tüm ekip</source>
        <translation>Whole team</translation>
    </message>
    <message>
        <source>Yere göre planla</source>
        <translation>Plan by place</translation>
    </message>
    <message>
        <source>Ziyaret planla…</source>
        <translation>Plan a visit…</translation>
    </message>
    <message>
        <source>Ziyaret taşınamadı</source>
        <translation>Visit not moved</translation>
    </message>
    <message>
        <source>iCalendar (.ics) olarak aktar…</source>
        <translation>Export as iCalendar (.ics)…</translation>
    </message>
    <message>
        <source>Önceki (Sol ok, PageUp)</source>
        <translation>Previous (Left arrow, PageUp)</translation>
    </message>
</context>
</TS>
