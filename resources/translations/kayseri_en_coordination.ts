<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
  English translation of the coordination area (Kurumlar ve Projeler, Toplantılar):
  gui/projects_tab.py, gui/meetings_tab.py, gui/coordination/ and their Designer forms.
  Same format as kayseri_en.ts; one context per class (per form for .ui files).
-->
<TS version="2.1" language="en_GB" sourcelanguage="tr_TR">
<context>
    <name>ActionItemList</name>
    <message>
        <source>%1 açık eylem maddesi, %2 gecikmiş</source>
        <translation>%1 open action items, %2 late</translation>
    </message>
    <message>
        <source>Açık</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Durum</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Gecikti (%1 gün)</source>
        <translation>Late (%1 days)</translation>
    </message>
    <message>
        <source>Karar</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Karar güncellenemedi</source>
        <translation>Decision could not be updated</translation>
    </message>
    <message>
        <source>Proje</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Son tarih</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Sorumlu</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Sorumlu kurum:</source>
        <translation>Owner institution:</translation>
    </message>
    <message>
        <source>Tamamlandı</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Toplantı</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Tüm kurumlar</source>
        <translation>All institutions</translation>
    </message>
    <message>
        <source>İptal et</source>
        <translation>Cancel item</translation>
    </message>
</context>
<context>
    <name>GanttView</name>
    <message>
        <source>%1 proje çizelgede. Çubuk rengi durumu, kırmızı çerçeve geciken projeyi; baklava kilometre taşını gösterir (kırmızı: gecikmiş, yeşil: tamamlanmış).</source>
        <translation>%1 projects on the timeline. Bar colour shows the status, a red outline a late project; diamonds are milestones (red: late, green: done).</translation>
    </message>
    <message>
        <source>%1 projenin başlangıç ya da bitiş tarihi yok, çizelgede gösterilmiyor.</source>
        <translation>%1 projects have no start or end date and are not shown.</translation>
    </message>
    <message>
        <source>%1 — %2
Yürütücü: %3
%4 – %5 · %6 · ilerleme %7</source>
        <translation>%1 — %2
Lead: %3
%4 – %5 · %6 · progress %7</translation>
    </message>
    <message>
        <source>Bugün</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Gecikmede: proje ya da bir kilometre taşı süresini aştı.</source>
        <translation>Behind: the project or one of its milestones is past due.</translation>
    </message>
</context>
<context>
    <name>InstitutionDialog</name>
    <message>
        <source>E-posta:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Kurum adı:</source>
        <translation>Institution name:</translation>
    </message>
    <message>
        <source>Kurum kaydedilemedi</source>
        <translation>Institution could not be saved</translation>
    </message>
    <message>
        <source>Kurumu düzenle</source>
        <translation>Edit institution</translation>
    </message>
    <message>
        <source>Kısa ad:</source>
        <translation>Short name:</translation>
    </message>
    <message>
        <source>Telefon:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Türü:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Yeni kurum</source>
        <translation>New institution</translation>
    </message>
    <message>
        <source>İrtibat kişisi:</source>
        <translation>Contact person:</translation>
    </message>
</context>
<context>
    <name>InstitutionPageView</name>
    <message>
        <source>%1 (gecikti)</source>
        <translation>%1 (late)</translation>
    </message>
    <message>
        <source>Açık</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Açık kararlar (%1)</source>
        <translation>Open decisions (%1)</translation>
    </message>
    <message>
        <source>Açık kilometre taşları (%1)</source>
        <translation>Open milestones (%1)</translation>
    </message>
    <message>
        <source>Bitiş</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Durum</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Geciken: %1 proje, %2 kilometre taşı, %3 karar</source>
        <translation>Late: %1 projects, %2 milestones, %3 decisions</translation>
    </message>
    <message>
        <source>Gecikti</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Karar</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Kilometre taşı</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Kurum seçilmedi</source>
        <translation>No institution chosen</translation>
    </message>
    <message>
        <source>Ortak olduğu projeler (%1)</source>
        <translation>Projects as partner (%1)</translation>
    </message>
    <message>
        <source>Proje</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Rolü</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Soldaki listeden bir kurum seçin.</source>
        <translation>Choose an institution in the list on the left.</translation>
    </message>
    <message>
        <source>Son tarih</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Toplantı</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Yürüttüğü projeler (%1)</source>
        <translation>Projects led (%1)</translation>
    </message>
    <message>
        <source>İrtibat: %1</source>
        <translation>Contact: %1</translation>
    </message>
</context>
<context>
    <name>InstitutionsView</name>
    <message>
        <source>Geciken</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Kurum</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Kurumu düzenle…</source>
        <translation>Edit institution…</translation>
    </message>
    <message>
        <source>Ortak</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Türü</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Yeni kurum…</source>
        <translation>New institution…</translation>
    </message>
    <message>
        <source>Yürüttüğü</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Üye kurumlar: %1</source>
        <translation>Member institutions: %1</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Devreden karar</source>
        <translation>Carried-over decision</translation>
    </message>
    <message>
        <source>Karar %1, Son tarih: '%2' geçerli bir tarih değil (gg.aa.yyyy).</source>
        <translation>Decision %1, Due date: '%2' is not a valid date (dd.mm.yyyy).</translation>
    </message>
    <message>
        <source>Toplantı kaydedilemedi</source>
        <translation>Meeting could not be saved</translation>
    </message>
    <message>
        <source>Toplantıyı düzenle</source>
        <translation>Edit meeting</translation>
    </message>
    <message>
        <source>Yeni</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Yeni toplantı</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <source>Önceki bir toplantıdan açık kalan karar</source>
        <translation>A decision still open from an earlier meeting</translation>
    </message>
    <message>
        <source>Önceki toplantılardan açık kalan kararlar gündemden çıkarılamaz; kararı kapatmak için durumunu değiştirin.</source>
        <translation>Decisions still open from earlier meetings cannot be removed from the agenda; change the decision's status to close it.</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <source>Durum</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Gündem</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Gündem maddesi</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <source>Her karar bir eylem maddesidir; tarihler gg.aa.yyyy biçiminde girilir.</source>
        <translation>Each decision is an action item; dates are entered as dd.mm.yyyy.</translation>
    </message>
    <message>
        <source>Karar ekle</source>
        <translation>Add decision</translation>
    </message>
    <message>
        <source>Karar metni</source>
        <translation>Decision text</translation>
    </message>
    <message>
        <source>Kararlar</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Kararı çıkar</source>
        <translation>Remove decision</translation>
    </message>
    <message>
        <source>Katılımcı ekle</source>
        <translation>Add attendee</translation>
    </message>
    <message>
        <source>Katılımcılar</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>Katılımcıyı çıkar</source>
        <translation>Remove attendee</translation>
    </message>
    <message>
        <source>Kaynak</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Kişi</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Kurum</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Madde ekle</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>Maddeyi çıkar</source>
        <translation>Remove item</translation>
    </message>
    <message>
        <source>Notlar:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Proje</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Son tarih</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Sorumlu kurum</source>
        <translation>Responsible institution</translation>
    </message>
    <message>
        <source>Tarih:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Toplantı</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Yer:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <source>Önceki toplantılardan açık kalan kararlar gündeme kendiliğinden “devreden” madde olarak eklenir ve çıkarılamaz.</source>
        <translation>Decisions still open from earlier meetings are added to the agenda automatically as “carried over” items and cannot be removed.</translation>
    </message>
</context>
<context>
    <name>MeetingsTab</name>
    <message>
        <source>%1 tarihli toplantı: %2 karar, %3 gündem maddesi (%4 devreden)</source>
        <translation>Meeting of %1: %2 decisions, %3 agenda items (%4 carried over)</translation>
    </message>
    <message>
        <source>Açık eylem maddeleri</source>
        <translation>Open action items</translation>
    </message>
    <message>
        <source>Devreden karar</source>
        <translation>Carried-over decision</translation>
    </message>
    <message>
        <source>Devreden madde</source>
        <translation>Carried over</translation>
    </message>
    <message>
        <source>Gündem</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Gündem maddesi</source>
        <translation>Agenda item</translation>
    </message>
    <message>
        <source>Kararlar</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Katılımcı</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <source>Kaynak</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Proje</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Sıra</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Toplantılar</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Toplantıyı aç…</source>
        <translation>Open meeting…</translation>
    </message>
    <message>
        <source>Yeni</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Yeni toplantı…</source>
        <translation>New meeting…</translation>
    </message>
</context>
<context>
    <name>MilestoneList</name>
    <message>
        <source>%1 kilometre taşı, %2 açık, %3 gecikmiş</source>
        <translation>%1 milestones, %2 open, %3 late</translation>
    </message>
    <message>
        <source>Açık</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Durum</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Gecikti</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Kilometre taşı</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Kilometre taşı güncellenemedi</source>
        <translation>Milestone could not be updated</translation>
    </message>
    <message>
        <source>Proje</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Son tarih</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Sorumlu</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Tamamlandı</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Tamamlandı olarak işaretle</source>
        <translation>Mark as done</translation>
    </message>
    <message>
        <source>Tamamlanma</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>Tamamlanmadı olarak işaretle</source>
        <translation>Mark as not done</translation>
    </message>
</context>
<context>
    <name>ProjectDialog</name>
    <message>
        <source>Ayrı yürütülen</source>
        <translation>Run separately</translation>
    </message>
    <message>
        <source>Gecikti: son tarih geçti, tamamlanmadı.</source>
        <translation>Late: past its due date and not done.</translation>
    </message>
    <message>
        <source>Kilometre taşı %1, %2: '%3' geçerli bir tarih değil (gg.aa.yyyy).</source>
        <translation>Milestone %1, %2: '%3' is not a valid date (dd.mm.yyyy).</translation>
    </message>
    <message>
        <source>Ortak yürütülen</source>
        <translation>Run jointly</translation>
    </message>
    <message>
        <source>Proje kaydedilemedi</source>
        <translation>Project could not be saved</translation>
    </message>
    <message>
        <source>Projeyi düzenle</source>
        <translation>Edit project</translation>
    </message>
    <message>
        <source>Son tarih</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Tamamlanma</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>Yeni proje</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>— (belirtilmedi)</source>
        <translation>— (not given)</translation>
    </message>
    <message>
        <source>— seçiniz —</source>
        <translation>— choose —</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <source>Açıklama:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Başlangıç:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <source>Başlık</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Bitiş:</source>
        <translation>End:</translation>
    </message>
    <message>
        <source>Bugün tamamlandı</source>
        <translation>Done today</translation>
    </message>
    <message>
        <source>Bütçe (TL):</source>
        <translation>Budget (TRY):</translation>
    </message>
    <message>
        <source>Durum:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Ekle →</source>
        <translation>Add →</translation>
    </message>
    <message>
        <source>Eylem planı teması:</source>
        <translation>Action-plan theme:</translation>
    </message>
    <message>
        <source>Firma ara (unvan ya da VKN)…</source>
        <translation>Search firms (title or tax number)…</translation>
    </message>
    <message>
        <source>Genel</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Harcama (TL):</source>
        <translation>Spending (TRY):</translation>
    </message>
    <message>
        <source>Hedef firmalar</source>
        <translation>Target firms</translation>
    </message>
    <message>
        <source>Hedef firmalar:</source>
        <translation>Target firms:</translation>
    </message>
    <message>
        <source>Kilometre taşları</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <source>Kilometre taşı ekle</source>
        <translation>Add milestone</translation>
    </message>
    <message>
        <source>Kilometre taşını sil</source>
        <translation>Delete milestone</translation>
    </message>
    <message>
        <source>Kod:</source>
        <translation>Code:</translation>
    </message>
    <message>
        <source>Kurum</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Notlar:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Ortak ekle</source>
        <translation>Add partner</translation>
    </message>
    <message>
        <source>Ortaklar</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Ortağı çıkar</source>
        <translation>Remove partner</translation>
    </message>
    <message>
        <source>Proje</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Proje adı:</source>
        <translation>Project title:</translation>
    </message>
    <message>
        <source>Rol</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Son tarih</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Sorumlu kurum</source>
        <translation>Responsible institution</translation>
    </message>
    <message>
        <source>Tamamlanma</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>Tarihler gg.aa.yyyy biçiminde girilir; geciken kilometre taşları kırmızıyla gösterilir.</source>
        <translation>Dates are entered as dd.mm.yyyy; late milestones are shown in red.</translation>
    </message>
    <message>
        <source>Yol haritası yılı:</source>
        <translation>Roadmap year:</translation>
    </message>
    <message>
        <source>Yürütme biçimi:</source>
        <translation>Execution:</translation>
    </message>
    <message>
        <source>Yürütücü kurum:</source>
        <translation>Lead institution:</translation>
    </message>
    <message>
        <source>İlerleme (%):</source>
        <translation>Progress (%):</translation>
    </message>
    <message>
        <source>← Çıkar</source>
        <translation>← Remove</translation>
    </message>
</context>
<context>
    <name>ProjectsTab</name>
    <message>
        <source>Eylem Planı</source>
        <translation>Action Plan</translation>
    </message>
    <message>
        <source>Seçilen kurumun projedeki rolü</source>
        <translation>The chosen institution's role in the project</translation>
    </message>
    <message>
        <source>Lider ya da ortak</source>
        <translation>Lead or partner</translation>
    </message>
    <message>
        <source>Lider (yürütücü)</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Ortak</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>%1 kilometre taşı gecikti</source>
        <translation>%1 milestones late</translation>
    </message>
    <message>
        <source>%1 yazılamadı.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message>
        <source>%1 yazıldı: %2 proje, %3 kilometre taşı, %4 açık karar.</source>
        <translation>%1 written: %2 projects, %3 milestones, %4 open decisions.</translation>
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
        <source>Excel'e aktar…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Eylem planı projeleri: %1 (%2 yürüyor, %3 gecikmede)</source>
        <translation>Action-plan projects: %1 (%2 running, %3 behind)</translation>
    </message>
    <message>
        <source>Gecikme</source>
        <translation>Delay</translation>
    </message>
    <message>
        <source>Kilometre taşları</source>
        <translation>Milestones</translation>
    </message>
    <message>
        <source>Kurumlar</source>
        <translation>Institutions</translation>
    </message>
    <message>
        <source>Ortaklar</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Proje gecikti</source>
        <translation>Project late</translation>
    </message>
    <message>
        <source>Proje listesi</source>
        <translation>Project list</translation>
    </message>
    <message>
        <source>Projeleri Excel'e aktar</source>
        <translation>Export projects to Excel</translation>
    </message>
    <message>
        <source>Projeyi aç…</source>
        <translation>Open project…</translation>
    </message>
    <message>
        <source>Tema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Tüm durumlar</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Tüm kurumlar</source>
        <translation>All institutions</translation>
    </message>
    <message>
        <source>Tüm temalar</source>
        <translation>All themes</translation>
    </message>
    <message>
        <source>Tüm yıllar</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Yalnız gecikenler</source>
        <translation>Late only</translation>
    </message>
    <message>
        <source>Yeni proje…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <source>Yıl</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Zaman çizelgesi</source>
        <translation>Timeline</translation>
    </message>
</context>
<context>
    <name>CoordinationDialog</name>
    <message>
        <source>Kaydet</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Vazgeç</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ActionPlanPage</name>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Eylem</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Yıl</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Tema</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Yürütücü</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Kanıt (firma)</source>
        <translation>Evidence (firms)</translation>
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
        <source>Geciken proje</source>
        <translation>Late projects</translation>
    </message>
    <message>
        <source>Eylem planını yaz…</source>
        <translation>Write the action plan…</translation>
    </message>
    <message>
        <source>Üretim ve İhracat Strateji Eylem Planı belgesini yazar: Word'de düzenlemek için .docx ya da .pdf.</source>
        <translation>Writes the Production and Export Strategy Action Plan document: .docx to edit in Word, or .pdf.</translation>
    </message>
    <message>
        <source>Kapsanmayan ihtiyaçlar</source>
        <translation>Needs not covered</translation>
    </message>
    <message>
        <source>%1 — %2 ziyaret edilen firma</source>
        <translation>%1 — %2 visited firms</translation>
    </message>
    <message>
        <source>Eylemler: %1 (%2 eylemde geciken proje var); kapsanmayan ihtiyaç: %3</source>
        <translation>Actions: %1 (%2 with late projects); needs not covered: %3</translation>
    </message>
    <message>
        <source>Word belgesi (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>Eylem planını yaz</source>
        <translation>Write the action plan</translation>
    </message>
    <message>
        <source>Eylem planı yazılamadı</source>
        <translation>Action plan not written</translation>
    </message>
    <message>
        <source>Eylem planı yazıldı: %1 (%2 sayfa).</source>
        <translation>Action plan written: %1 (%2 pages).</translation>
    </message>
    <message>
        <source>Eylem planı yazıldı: %1 (Word'de düzenlenebilir).</source>
        <translation>Action plan written: %1 (editable in Word).</translation>
    </message>
    <message>
        <source>Eylem planı yazıldı</source>
        <translation>Action plan written</translation>
    </message>
</context>
</TS>
