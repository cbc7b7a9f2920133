<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
  English for the Pano (dashboard) area: gui/dashboard_tab.py and gui/dashboard/.
  Same format as kayseri_en.ts; one context per class.
-->
<TS version="2.1" language="en_GB" sourcelanguage="tr_TR">
<context>
    <name>BurnUpChart</name>
    <message>
        <source>Saha ziyaretleri: %1 / %2</source>
        <translation>Field visits: %1 / %2</translation>
    </message>
    <message>
        <source>Plan temposu</source>
        <translation>Planned pace</translation>
    </message>
    <message>
        <source>Yapılan</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Planlanan</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Hedef %1</source>
        <translation>Target %1</translation>
    </message>
    <message>
        <source>Bugün</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Yapılan ziyaret (toplam): %1</source>
        <translation>Visits done (total): %1</translation>
    </message>
    <message>
        <source>Plan temposu: %1</source>
        <translation>Planned pace: %1</translation>
    </message>
    <message>
        <source>O güne kadar planlanan: %1</source>
        <translation>Planned up to that day: %1</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>PNG olarak kaydet…</source>
        <translation>Save as PNG…</translation>
    </message>
    <message>
        <source>SVG olarak kaydet…</source>
        <translation>Save as SVG…</translation>
    </message>
    <message>
        <source>PNG resmi (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>SVG çizimi (*.svg)</source>
        <translation>SVG drawing (*.svg)</translation>
    </message>
    <message>
        <source>Grafiği kaydet</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <source>Grafik kaydedilemedi</source>
        <translation>Chart not saved</translation>
    </message>
    <message>
        <source>%1 yazılamadı.</source>
        <translation>Could not write %1.</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>Belirtilmemiş</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>%1: %2 firma (%3)</source>
        <translation>%1: %2 firms (%3)</translation>
    </message>
    <message>
        <source>firma</source>
        <translation>firms</translation>
    </message>
    <message>
        <source>Firmalar — sektörlere göre</source>
        <translation>Firms by sector</translation>
    </message>
    <message>
        <source>Firmalar — ilçelere göre</source>
        <translation>Firms by district</translation>
    </message>
    <message>
        <source>%1, %2: %3 USD (%4)</source>
        <translation>%1, %2: USD %3 (%4)</translation>
    </message>
    <message>
        <source>İhracat %1 — sektörlere göre</source>
        <translation>Exports %1 by sector</translation>
    </message>
    <message>
        <source>İhracat — sektörlere göre (kayıt yok)</source>
        <translation>Exports by sector (no figures)</translation>
    </message>
    <message>
        <source>milyon USD</source>
        <translation>USD million</translation>
    </message>
    <message>
        <source>%1 — %2: ortalama %3 (%4 firma)</source>
        <translation>%1 — %2: average %3 (%4 firms)</translation>
    </message>
    <message>
        <source>tüm firmalar</source>
        <translation>all firms</translation>
    </message>
    <message>
        <source>Tüm firmalar</source>
        <translation>All firms</translation>
    </message>
    <message>
        <source>Tema puanları — ortalama, %1</source>
        <translation>Theme scores — average, %1</translation>
    </message>
    <message>
        <source>Tema puanları — ortalama</source>
        <translation>Theme scores — average</translation>
    </message>
    <message>
        <source>Projeler — kurumlara göre</source>
        <translation>Projects by institution</translation>
    </message>
    <message>
        <source>Projeler — ilk %1 kurum</source>
        <translation>Projects — top %1 institutions</translation>
    </message>
    <message>
        <source>puan (1–5)</source>
        <translation>score (1–5)</translation>
    </message>
    <message>
        <source>lider</source>
        <translation>lead</translation>
    </message>
    <message>
        <source>ortak</source>
        <translation>partner</translation>
    </message>
    <message>
        <source>%1 — %2, %3: %4 proje</source>
        <translation>%1 — %2, %3: %4 projects</translation>
    </message>
    <message>
        <source>proje</source>
        <translation>projects</translation>
    </message>
    <message>
        <source>Koyu: lider</source>
        <translation>Dark: lead</translation>
    </message>
    <message>
        <source>Açık: ortak</source>
        <translation>Light: partner</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Grafikler</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Bu hafta ve gecikenler</source>
        <translation>This week and overdue</translation>
    </message>
    <message>
        <source>Program özeti</source>
        <translation>Programme overview</translation>
    </message>
    <message>
        <source>Yalnız tüm firmalar</source>
        <translation>All firms only</translation>
    </message>
    <message>
        <source>Hedefler…</source>
        <translation>Targets…</translation>
    </message>
    <message>
        <source>Tema karşılaştırması:</source>
        <translation>Compare themes with:</translation>
    </message>
    <message>
        <source>İhracat yılı:</source>
        <translation>Export year:</translation>
    </message>
    <message>
        <source>Firmalar</source>
        <translation>Firms</translation>
    </message>
    <message>
        <source>Kayıtlı firma</source>
        <translation>Registered firms</translation>
    </message>
    <message>
        <source>Değerlendirilen</source>
        <translation>Evaluated</translation>
    </message>
    <message>
        <source>Saha ziyaretleri</source>
        <translation>Field visits</translation>
    </message>
    <message>
        <source>Yapılan</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Planlanan</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>İhracat</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>milyon USD</source>
        <translation>USD million</translation>
    </message>
    <message>
        <source>Eylem planı projeleri</source>
        <translation>Action plan projects</translation>
    </message>
    <message>
        <source>Yürüyen</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Tamamlanan</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Süresi geçen</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Üst Kurul kararları</source>
        <translation>High Committee decisions</translation>
    </message>
    <message>
        <source>Açık</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Tarih</source>
        <translation>Date</translation>
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
        <source>Süresi geçen kararlar</source>
        <translation>Overdue decisions</translation>
    </message>
    <message>
        <source>Son tarih</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Karar</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Sorumlu</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Güncellendi: %1</source>
        <translation>Updated: %1</translation>
    </message>
    <message>
        <source>%1 yılı</source>
        <translation>Year %1</translation>
    </message>
    <message>
        <source>%1 · referansın %2</source>
        <translation>%1 · %2 of the baseline</translation>
    </message>
    <message>
        <source>Kayseri&apos;nin %1 ihracatı (referans): %2 milyon USD</source>
        <translation>Kayseri&apos;s exports in %1 (baseline): USD %2 million</translation>
    </message>
    <message>
        <source>Hedef %1 · %2</source>
        <translation>Target %1 · %2</translation>
    </message>
    <message>
        <source>Yalnız yapılacak ziyaretler: planlanmış ve saati gelmemiş olanlar. Yapılan, ertelenen ve iptal edilenler Ziyaret Takvimi'nde.</source>
        <translation>Only visits still to be made: planned and not yet due. Done, postponed and cancelled visits are in the Visit Calendar.</translation>
    </message>
    <message>
        <source>Sonraki toplantı %1: paketi o günün durumunu yazacak — %2 açık karar, %3 süresi geçen karar (bugün %4), %5 süresi geçen kilometre taşı (bugün %6).</source>
        <translation>Next meeting %1: its pack will show the figures as of that day — %2 open decisions, %3 overdue decisions (today %4), %5 late milestones (today %6).</translation>
    </message>
    <message>
        <source>Paket %1: %2</source>
        <translation>%1 pack: %2</translation>
    </message>
    <message>
        <source>Önümüzdeki %1 gün: %2 planlı ziyaret</source>
        <translation>Next %1 days: %2 planned visits</translation>
    </message>
    <message>
        <source>Süresi geçen kararlar: %1</source>
        <translation>Overdue decisions: %1</translation>
    </message>
    <message>
        <source>Bu hafta ve gecikenler (%1)</source>
        <translation>This week and overdue (%1)</translation>
    </message>
    <message>
        <source>Program hedefleri</source>
        <translation>Programme targets</translation>
    </message>
    <message>
        <source>Veritabanı salt okunur açıldı; hedefler değiştirilemez.</source>
        <translation>The database was opened read-only; targets cannot be changed.</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>Program hedefleri</source>
        <translation>Programme targets</translation>
    </message>
    <message>
        <source>Pano bu hedeflere göre yüzde ve tempo gösterir. Değişiklik herkes için geçerlidir.</source>
        <translation>The dashboard measures percentages and pace against these targets. A change applies to everyone.</translation>
    </message>
    <message>
        <source> milyon USD</source>
        <translation> USD million</translation>
    </message>
    <message>
        <source>Değerlendirilecek firma:</source>
        <translation>Firms to evaluate:</translation>
    </message>
    <message>
        <source>Yapılacak saha ziyareti:</source>
        <translation>Field visits to make:</translation>
    </message>
    <message>
        <source>İhracat referansı (2024):</source>
        <translation>Export baseline (2024):</translation>
    </message>
    <message>
        <source>Duyurudaki değerler: %1 firma, %2 ziyaret, %3 milyon USD.</source>
        <translation>Announced values: %1 firms, %2 visits, USD %3 million.</translation>
    </message>
</context>
</TS>
