"""Word and name pools of the demo-data generator (services/demo.py).

Plain data only: Turkish names, title words, products, countries and the texts of
projects, visits and committee decisions. Weights are relative, not percentages.
Lists are written as "|"-separated text to keep the file short.
"""

from __future__ import annotations


def _items(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split("|") if part.strip())


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _weighted(text: str) -> tuple[tuple[str, float], ...]:
    """Parse "A:3 | B:1" into (("A", 3.0), ("B", 1.0))."""
    return tuple((k.strip(), float(w)) for k, w in (p.rsplit(":", 1) for p in _items(text)))


FIRST_NAMES = _words(
    "Ahmet Mehmet Mustafa Ali Hüseyin Hasan İbrahim İsmail Osman Yusuf Murat Ömer Ramazan "
    "Halil Süleyman Abdullah Mahmut Recep Salih Fatih Kadir Emre Burak Serkan Onur Uğur "
    "Gökhan Erkan Volkan Tolga Çağrı Oğuz Selim Kemal Cemil Şükrü Nuri Orhan Erdem Tuncay "
    "Levent Barış İlker Doğan Cengiz Ayşe Fatma Emine Hatice Zeynep Elif Meryem Şerife "
    "Zehra Sultan Hanife Merve Büşra Esra Özlem Gülşen Derya Selin Ebru Tuğba Şeyma Aslı "
    "Gizem İrem Nur Ayşenur Hülya Serpil Dilek Çiğdem Gönül Nesrin Pınar Sevgi Işıl Ülkü"
)

SURNAMES = _words(
    "Yılmaz Kaya Demir Çelik Şahin Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç "
    "Aslan Çetin Kara Koç Kurt Özkan Şimşek Polat Özcan Korkmaz Çakır Erdoğan Yavuz Can "
    "Acar Şen Aktaş Güler Yalçın Güneş Bozkurt Bulut Keskin Ünal Turan Gül Özer Işık Kaplan "
    "Avcı Sarı Tekin Taş Köse Yüksel Ateş Aksoy Uçar Erdem Kocabaş Boydak Dumanlı Hasçelik "
    "Sungur Sarıoğlu Karamercan Gürbüz Kalkan Elmas Eraslan Akın Başaran Canbolat Çınar "
    "Demirci Dinçer Durmaz Ekinci Gezer Gündoğdu İnce Kahraman Karaca Karakaya Kayacan "
    "Kızıltaş Kurtoğlu Mutlu Okur Özbek Öztaş Saraç Seçkin Sönmez Şeker Tanrıverdi Tatlı "
    "Toprak Tunç Uysal Ülger Yazıcı Yüce Zengin Ağırbaş Bayraktar Büyükkılıç Çopur "
    "Develioğlu Elibol Feyzioğlu Gümüşsoy Hacıbekiroğlu İncesulu Kabakçı Kartal Kumtepe "
    "Memiş Nalbant Öksüz Palancıoğlu Rüzgar Sipahioğlu Tosun Vural Yaşar Zamantı"
)

# First words of trade names that are not surnames (places, mountains, virtues, old names).
TRADE_WORDS = _words(
    "ERCİYES ANADOLU KAPADOKYA SELÇUKLU MİMARSİNAN ARGAEUS KAYSER MAZAKA GEVHER NESİBE "
    "HUNAT SULTANSAZLIĞI ALİDAĞI KÖSEDAĞ ZAMANTI SEYHAN YAMULA AĞIRNAS GERMİR KOZAKLI "
    "ÖZGÜR GÜVEN BİRLİK İSTİKRAR ATLAS ASYA AVRASYA TOROS ÇAĞDAŞ YENİ KARTAL ŞAHİNLER "
    "ÖNDER ULUDAĞ DOĞUŞ GÜNEY KUZEY EKSEN ATILIM YÖRÜK YILDIZ NUR BEREKET İLKE MERT ERK "
    "AKSU AKYOL GÖKSU ÇINAR ARMADA ORKİDE LALE PİRAMİT ZİRVE UFUK HİSAR KALE KERVAN"
)
INITIAL_LETTERS = "ABCDEGHKLMNOPRSTYZ"

LEGAL_FORMS = _weighted("A.Ş.:35 | LTD. ŞTİ.:65")
ACTIVITIES = _weighted(
    "SANAYİ VE TİCARET:40 | SAN. VE TİC.:20 | İTHALAT İHRACAT SANAYİ VE TİCARET:12 |"
    "İNŞAAT SANAYİ VE TİCARET:6 | DIŞ TİCARET:8 | ÜRETİM PAZARLAMA SANAYİ VE TİCARET:8 |"
    "TİCARET:6"
)

# sector code -> (firm weight, title words, NACE codes, products)
_SECTOR_ROWS = (
    (
        "mobilya",
        22,
        "MOBİLYA | AHŞAP | KOLTUK | YATAK | DEKORASYON | AĞAÇ ÜRÜNLERİ",
        "31.01 | 31.02 | 31.03 | 31.09 | 16.21",
        "yatak odası takımı | koltuk takımı | yemek odası | yatak ve baza | ofis mobilyası |"
        "sunta ve MDF panel | genç odası | mutfak dolabı | sandalye | otel mobilyası",
    ),
    (
        "metal",
        18,
        "METAL | MAKİNA | MAKİNE | ÇELİK | DÖKÜM | OTOMASYON | HIRDAVAT",
        "24.10 | 24.51 | 25.11 | 25.62 | 25.73 | 28.22 | 28.29 | 28.92",
        "çelik konstrüksiyon | CNC işleme parçaları | pik döküm | tarım makinesi |"
        "asansör aksamı | vinç | sac kesme ve bükme | paslanmaz tank | vana ve bağlantı |"
        "gıda işleme makinesi",
    ),
    (
        "tekstil",
        13,
        "TEKSTİL | KONFEKSİYON | İPLİK | DOKUMA | ÖRME | HAZIR GİYİM",
        "13.10 | 13.20 | 13.30 | 14.13 | 14.14 | 14.19",
        "pamuk ipliği | denim kumaş | örme kumaş | iş elbisesi | tişört | eşofman | gömlek |"
        "tekstil boyama | nakış | çorap",
    ),
    (
        "ev_tekstili",
        6,
        "HALI | EV TEKSTİLİ | KİLİM | BATTANİYE | PERDE",
        "13.92 | 13.93 | 13.99",
        "makine halısı | el halısı | kilim | battaniye | nevresim takımı | perde | yolluk |"
        "banyo paspası | yorgan",
    ),
    (
        "gida",
        8,
        "GIDA | UN | ET ÜRÜNLERİ | SÜT ÜRÜNLERİ | ŞEKERLEME | MAKARNA",
        "10.13 | 10.51 | 10.61 | 10.71 | 10.73 | 10.82",
        "pastırma | sucuk | un | makarna | şeker ve lokum | peynir | bisküvi | mantı |"
        "kuru meyve | helva",
    ),
    (
        "elektrik",
        6,
        "ELEKTRİK | ELEKTRONİK | KABLO | AYDINLATMA | ENERJİ",
        "26.11 | 27.11 | 27.12 | 27.32 | 27.40 | 27.51",
        "enerji kablosu | LED aydınlatma | pano | transformatör | beyaz eşya |"
        "elektrik motoru | güneş paneli montaj sistemi | şalt malzemesi",
    ),
    (
        "otomotiv",
        5,
        "OTOMOTİV | OTO YEDEK PARÇA | KAROSER | FREN SİSTEMLERİ",
        "29.10 | 29.20 | 29.31 | 29.32",
        "fren balatası | römork ve dorse | karoser | otomotiv kauçuk parçası |"
        "süspansiyon parçası | egzoz sistemi | araç üstü ekipman",
    ),
    (
        "kimya",
        5,
        "KİMYA | PLASTİK | POLİMER | BOYA | KAUÇUK",
        "20.16 | 20.30 | 20.41 | 22.19 | 22.21 | 22.29",
        "PVC boru | plastik ambalaj | sanayi boyası | deterjan | kauçuk conta |"
        "polietilen film | köpük | yapıştırıcı",
    ),
    (
        "insaat",
        6,
        "YAPI MALZEMELERİ | BETON | ALÜMİNYUM | PVC DOĞRAMA | SERAMİK | TUĞLA",
        "23.32 | 23.51 | 23.61 | 23.63 | 25.12 | 16.23",
        "hazır beton | briket | alüminyum profil | PVC doğrama | çimento |"
        "yalıtım malzemesi | prefabrik yapı | kapı ve pencere",
    ),
    (
        "ambalaj",
        4,
        "AMBALAJ | KAĞIT | OLUKLU MUKAVVA | MATBAACILIK",
        "17.12 | 17.21 | 17.29 | 18.12 | 22.22",
        "oluklu mukavva kutu | karton ambalaj | kâğıt torba | etiket | ofset baskı | streç film",
    ),
    (
        "madencilik",
        3,
        "MADENCİLİK | MERMER | DOĞAL TAŞ | GRANİT | PONZA",
        "07.29 | 08.11 | 08.12 | 23.70",
        "mermer blok | traverten | ponza taşı | kireç taşı | demir cevheri | bims blok",
    ),
    (
        "savunma",
        2,
        "SAVUNMA | HAVACILIK | MÜHENDİSLİK | HASSAS İŞLEME",
        "25.40 | 26.51 | 30.30 | 33.16",
        "hassas işlenmiş parça | uçak yapısal parçası | balistik koruma | test ekipmanı |"
        "kompozit parça",
    ),
    (
        "tarim",
        2,
        "TARIM | HAYVANCILIK | TOHUM | YEM | TARIM ÜRÜNLERİ",
        "01.11 | 01.13 | 01.24 | 01.41 | 10.91",
        "kuru fasulye | patates | elma | büyükbaş hayvan | hayvan yemi | tohum | şeker pancarı",
    ),
)
SECTORS = {
    code: (weight, _items(words), _items(nace), _items(products))
    for code, weight, words, nace, products in _SECTOR_ROWS
}

DISTRICT_WEIGHTS = dict(
    _weighted(
        "kocasinan:34 | melikgazi:30 | talas:8 | hacilar:5 | incesu:6 | develi:5 | yahyali:2 |"
        "bunyan:2 | pinarbasi:1.5 | tomarza:1.2 | yesilhisar:1 | sarioglan:1 | sariz:0.6 |"
        "felahiye:0.5 | akkisla:0.4 | ozvatan:0.4"
    )
)
# When a Kocasinan firm is in a zone: Kayseri OSB or the free zone.
OSB_WEIGHTS = dict(_weighted("kayseri_osb:9 | serbest_bolge:1"))

STREETS = _items(
    "Atatürk Bulvarı | Sivas Caddesi | Osman Kavuncu Bulvarı | Kocasinan Bulvarı |"
    "Talas Caddesi | Ahmetpaşa Caddesi | Mustafa Kemal Paşa Bulvarı | Erciyes Bulvarı |"
    "Seyyid Burhaneddin Bulvarı | Tennuri Sokak | Sanayi Caddesi | İstasyon Caddesi |"
    "Vali Caddesi | Millet Caddesi | Cumhuriyet Caddesi | Kiçikapı Caddesi |"
    "Gevher Nesibe Caddesi | Anbar Sanayi Sokak"
)

CERTIFICATES = _weighted(
    "ISO 9001:0.6 | ISO 14001:0.25 | ISO 45001:0.18 | TSE:0.3 | CE:0.3 | ISO 50001:0.05 |"
    "ISO 27001:0.03"
)
SECTOR_CERTIFICATES = {
    "gida": _items("ISO 22000 | HACCP | Helal | BRC"),
    "tekstil": _items("OEKO-TEX | GOTS"),
    "ev_tekstili": _items("OEKO-TEX"),
    "otomotiv": _items("IATF 16949"),
    "savunma": _items("AS9100 | AQAP 2110"),
    "mobilya": _items("FSC"),
}

# ISO 3166-1 alpha-2 export markets of Kayseri firms, with relative weights.
MARKETS = _weighted(
    "DE:10 | IQ:12 | US:7 | GB:6 | FR:5 | IT:5 | NL:4 | RU:5 | AZ:6 | SA:6 | AE:5 | RO:4 |"
    "BG:4 | PL:3 | ES:3 | EG:4 | LY:4 | DZ:3 | MA:3 | TM:4 | KZ:4 | UZ:4 | GE:5 | SY:4 |"
    "IR:3 | KG:2 | TN:2 | JO:3 | LB:2 | KW:2 | QA:2 | IL:1 | GR:2 | BE:2 | AT:2 | SE:1 |"
    "UA:2 | BA:1 | XK:1 | AL:1 | MK:1 | NG:1 | SN:1 | ET:1 | SD:1 | YE:1 | TJ:1"
)

CONTACT_TITLES = _items(
    "Genel Müdür | Dış Ticaret Müdürü | İhracat Sorumlusu | Satış ve Pazarlama Müdürü |"
    "Yönetim Kurulu Başkanı | Fabrika Müdürü | Muhasebe Müdürü | Kalite Müdürü |"
    "Dış Ticaret Uzmanı | Üretim Müdürü"
)

# name | short name | kind | e-mail domain
INSTITUTIONS = tuple(
    tuple(p.strip() for p in row.split(";"))
    for row in _items(
        "T.C. Ticaret Bakanlığı; Ticaret Bakanlığı; bakanlik; ticaret.gov.tr |"
        "Kayseri Büyükşehir Belediyesi; KBB; belediye; kayseri.bel.tr |"
        "Kayseri Ticaret Odası; KTO; oda; kayserito.org.tr |"
        "Kayseri Sanayi Odası; KAYSO; oda; kayso.org.tr |"
        "Kayseri Ticaret Borsası; KTB; borsa; kayseriborsa.org.tr |"
        "Erciyes Üniversitesi; ERÜ; universite; erciyes.edu.tr |"
        "Abdullah Gül Üniversitesi; AGÜ; universite; agu.edu.tr |"
        "Kayseri Üniversitesi; KAYÜ; universite; kayseri.edu.tr |"
        "Orta Anadolu Kalkınma Ajansı (ORAN); ORAN; kamu; oran.org.tr |"
        "KOSGEB Kayseri Müdürlüğü; KOSGEB; kamu; kosgeb.gov.tr |"
        "Kayseri Valiliği; Valilik; kamu; kayseri.gov.tr |"
        "Orta Anadolu İhracatçı Birlikleri; OAİB; dernek; oaib.org.tr |"
        "Kayseri Sanayici ve İş İnsanları Derneği (KAYSİAD); KAYSİAD; dernek; kaysiad.org.tr |"
        "MÜSİAD Kayseri Şubesi; MÜSİAD Kayseri; dernek; musiad.org.tr |"
        "Kayseri Organize Sanayi Bölgesi Müdürlüğü; Kayseri OSB; osb; kayseriosb.org |"
        "Kayseri Ticaret İl Müdürlüğü; Ticaret İl Müdürlüğü; kamu; ticaret.gov.tr"
    )
)

# name | kind | title | e-mail domain | active (1/0)
STAFF = tuple(
    tuple(p.strip() for p in row.split(";"))
    for row in _items(
        "Ayşe Karamercan; kto; Dış Ticaret Uzmanı; kayserito.org.tr; 1 |"
        "Mehmet Develioğlu; kto; Proje Koordinatörü; kayserito.org.tr; 1 |"
        "Zeynep Gündoğdu; kto; Dış Ticaret Uzmanı; kayserito.org.tr; 1 |"
        "Hüseyin Çopur; kto; Üye İlişkileri Uzmanı; kayserito.org.tr; 1 |"
        "Elif Sarıoğlu; kto; Proje Uzmanı; kayserito.org.tr; 1 |"
        "Burak Kızıltaş; kto; Dış Ticaret Uzman Yardımcısı; kayserito.org.tr; 0 |"
        "Prof. Dr. Kemal Feyzioğlu; universite; Öğretim Üyesi (ERÜ); erciyes.edu.tr; 1 |"
        "Doç. Dr. Selin Gümüşsoy; universite; Öğretim Üyesi (AGÜ); agu.edu.tr; 1 |"
        "Dr. Öğr. Üyesi Oğuz Kabakçı; universite; Öğretim Üyesi (KAYÜ); kayseri.edu.tr; 1 |"
        "Dr. Öğr. Üyesi Işıl Yüce; universite; Öğretim Üyesi (ERÜ); erciyes.edu.tr; 1 |"
        "Tolga Nalbant; uzman; Dijital Dönüşüm Danışmanı; kayserito.org.tr; 1 |"
        "Derya Öztaş; uzman; Yeşil Dönüşüm Danışmanı; kayserito.org.tr; 1 |"
        "Cengiz Palancıoğlu; uzman; İhracat Danışmanı; kayserito.org.tr; 1 |"
        "Gizem Elibol; uzman; Verimlilik Danışmanı; kayserito.org.tr; 0"
    )
)

# theme; roadmap year; lead (short name); target sector or -; title; description
PROJECTS = tuple(
    tuple(p.strip() for p in row.split(";"))
    for row in _items(
        "dijital; 1; KTO; -; KOBİ Dijital Olgunluk Değerlendirme Programı; Saha çalışmasındaki "
        "firmaların dijital olgunluk düzeyinin ölçülmesi ve firma bazında yol haritası. |"
        "dijital; 1; OAİB; -; E-İhracat Pazar Yerleri Eğitim ve Danışmanlık Programı; Firmaların "
        "küresel e-ticaret pazar yerlerinde mağaza açması için eğitim ve mentorluk. |"
        "dijital; 2; KAYSO; mobilya; Mobilya Sektörü Sanal Showroom Platformu; Kayseri mobilya "
        "üreticileri için çok dilli sanal showroom ve katalog altyapısı. |"
        "dijital; 3; AGÜ; metal; Akıllı Fabrika Model Fabrika Uygulamaları; Model fabrikada "
        "yalın üretim ve dijital dönüşüm üzerine uygulamalı eğitimler. |"
        "yesil; 1; KTO; -; Sınırda Karbon Düzenlemesi (SKDM) Uyum Eğitimleri; AB Yeşil "
        "Mutabakatı ve SKDM yükümlülükleri hakkında firmalara eğitim ve rehberlik. |"
        "yesil; 1; Kayseri OSB; -; OSB Çatı GES Yatırımları Rehberliği; OSB fabrikalarının "
        "çatı güneş enerjisi yatırımları için fizibilite ve finansman rehberliği. |"
        "yesil; 2; ORAN; -; Firma Karbon Ayak İzi Hesaplama Desteği; İhracatçı firmaların "
        "kapsam 1-2 emisyonlarının hesaplanması ve raporlanması. |"
        "yesil; 3; ERÜ; metal; Endüstriyel Simbiyoz Ağı; Atık ve yan ürünlerin firmalar "
        "arasında hammadde olarak değerlendirilmesi. |"
        "katma_deger; 1; KTO; mobilya; Tasarım ve Markalaşma Destek Programı; Mobilya ve ev "
        "tekstili firmalarına endüstriyel tasarım ve marka danışmanlığı. |"
        "katma_deger; 2; KAYSO; -; Yüksek Teknolojili Ürün Dönüşümü Fizibilitesi; Orta-yüksek "
        "teknolojili ürünlere geçiş için sektör bazlı fizibilite çalışması. |"
        "katma_deger; 2; KBB; mobilya; Kayseri Mobilya Markası Tanıtım Programı; Kent markası "
        "altında ortak tanıtım, fuar ve medya çalışmaları. |"
        "katma_deger; 3; KAYSİAD; savunma; Savunma Sanayii Tedarikçi Geliştirme Programı; Yerel "
        "firmaların savunma ve havacılık tedarik zincirine girişinin desteklenmesi. |"
        "kurumsal; 1; KOSGEB; -; Aile Şirketlerinde Kurumsallaşma Programı; Aile anayasası, "
        "yönetim devri ve kurumsal yönetim danışmanlığı. |"
        "kurumsal; 1; KTO; -; Dış Ticaret Departmanı Kurulum Desteği; İhracata yeni başlayan "
        "firmalarda dış ticaret biriminin kurulmasına destek. |"
        "kurumsal; 2; KAYÜ; -; Dış Ticaret Uzmanı Yetiştirme Programı; Üniversite ile ortak "
        "sertifika programı ve firmalarda staj uygulaması. |"
        "kurumsal; 3; MÜSİAD Kayseri; -; İkinci Kuşak Yönetici Akademisi; Aile şirketlerinin "
        "genç yöneticileri için liderlik ve strateji eğitimleri. |"
        "arge; 1; ERÜ; -; Üniversite-Sanayi İş Birliği Proje Pazarı; Akademisyenlerle "
        "firmaların ortak Ar-Ge projeleri için eşleştirme etkinliği. |"
        "arge; 2; KAYSO; -; Tasarım ve Ar-Ge Merkezi Kurulum Rehberliği; Ar-Ge ve tasarım "
        "merkezi belgesi almak isteyen firmalara mevzuat ve başvuru desteği. |"
        "arge; 1; KOSGEB; -; TÜBİTAK ve KOSGEB Destekleri Bilgilendirme Günleri; Ar-Ge, "
        "inovasyon ve ihracat destekleri üzerine ilçe ilçe bilgilendirme günleri. |"
        "arge; 3; AGÜ; elektrik; Ortak Prototip ve Test Laboratuvarı; KOBİ'lerin kullanımına "
        "açık prototipleme ve ürün test laboratuvarı. |"
        "kumelenme; 1; KTO; mobilya; Mobilya UR-GE Kümelenme Projesi; Ticaret Bakanlığı UR-GE "
        "desteğiyle mobilya ihracatçıları kümesi. |"
        "kumelenme; 2; KAYSO; metal; Metal ve Makine İhracat Konsorsiyumu; Makine "
        "üreticilerinin ortak pazarlama ve ihale katılımı için konsorsiyum. |"
        "kumelenme; 2; KTO; ev_tekstili; Halı ve Ev Tekstili Kümelenme Projesi; Halı ve ev "
        "tekstili firmalarının ortak tasarım, hammadde ve pazar çalışması. |"
        "kumelenme; 3; KTB; gida; Gıda İhracatçıları Ortak Lojistik Platformu; Pastırma, un ve "
        "şekerleme ihracatçıları için ortak depo ve soğuk zincir lojistiği. |"
        "ihracat; 1; OAİB; -; Irak ve Körfez Ülkeleri Ticaret Heyeti; Erbil, Bağdat, Riyad ve "
        "Dubai'ye sektörel ticaret heyeti ve ikili iş görüşmeleri. |"
        "ihracat; 1; KTO; mobilya; Almanya Mobilya Fuarı Milli Katılım Organizasyonu; Köln "
        "mobilya fuarına Kayseri firmalarının ortak standla katılımı. |"
        "ihracat; 2; Ticaret İl Müdürlüğü; -; Afrika Pazarları Alım Heyeti Programı; Kuzey ve "
        "Batı Afrika'dan alıcı firmaların Kayseri'ye davet edilmesi. |"
        "ihracat; 1; Ticaret Bakanlığı; -; Yeni İhracatçı Mentorluk Programı; İlk ihracatını "
        "yapacak firmalara deneyimli ihracatçılardan birebir mentorluk. |"
        "ihracat; 2; OAİB; tekstil; Orta Asya Türk Cumhuriyetleri Ticaret Heyeti; Taşkent, "
        "Almatı ve Bakü'ye tekstil ve makine ağırlıklı ticaret heyeti. |"
        "ihracat; 3; Valilik; -; İhracat Finansmanı ve Eximbank Bilgilendirme Buluşmaları; "
        "İhracat kredileri, sigorta ve finansman araçları üzerine firma buluşmaları."
    )
)

MILESTONES = _items(
    "Paydaş toplantısı yapıldı | Katılımcı firmalar belirlendi | İhtiyaç analizi tamamlandı |"
    "Eğitim programı başladı | Danışmanlık görüşmeleri tamamlandı | Ara rapor sunuldu |"
    "Tanıtım etkinliği düzenlendi | Saha ziyaretleri tamamlandı | Destek başvurusu yapıldı |"
    "Sözleşme imzalandı | Sonuç raporu hazırlandı"
)

VISIT_PURPOSES = _items(
    "Saha çalışması değerlendirme ziyareti | İhracata hazırlık durumunun yerinde incelenmesi |"
    "Dijital dönüşüm ihtiyaç analizi | Yeşil dönüşüm ve enerji verimliliği ön incelemesi |"
    "Kümelenme projesi katılım görüşmesi | Destek programları bilgilendirme ziyareti"
)
VISIT_NEEDS = _items(
    "dış ticaret personeli | yabancı dil bilen eleman | e-ihracat eğitimi | fuar desteği |"
    "ihracat finansmanı | ürün belgelendirme (CE) | enerji verimliliği etüdü |"
    "karbon ayak izi hesaplama | ERP ve üretim takip yazılımı | markalaşma danışmanlığı |"
    "yeni pazar araştırması | nitelikli ara eleman | Ar-Ge proje yazımı desteği |"
    "kurumsallaşma danışmanlığı | lojistik maliyetlerinin düşürülmesi"
)
VISIT_NOTES = _items(
    "Firma yetkilileri programa ilgi gösterdi. | Üretim tesisi gezildi; kapasite kullanımı "
    "yüksek. | Firma yeni pazar arayışında. | Yönetim devri sürecindeki bir aile şirketi. |"
    "İhracat işleri tek kişiyle yürütülüyor. | Enerji maliyetleri en büyük sorun olarak "
    "belirtildi."
)
POSTPONE_REASONS = _items(
    "Firma yetkilisinin yurt dışı fuar programı nedeniyle ertelendi. |"
    "Firma talebiyle ertelendi. | Üretim yoğunluğu nedeniyle ertelendi. |"
    "Ekip üyesinin rahatsızlığı nedeniyle ertelendi."
)
CANCEL_REASONS = _items(
    "Firma ziyareti kabul etmedi. | Firma faaliyetini durdurdu. |"
    "Mükerrer kayıt; başka ziyaretle birleştirildi. | Firmaya ulaşılamadı."
)
FOLLOW_UPS = _items(
    "KOSGEB destek başvurusu için bilgi gönderilecek. | UR-GE kümelenme projesine davet "
    "edilecek. | E-ihracat eğitimine kaydı yapılacak. | Fuar katılım desteği hakkında "
    "bilgilendirilecek. | Enerji verimliliği etüdü planlanacak. | Üniversite ile Ar-Ge "
    "eşleştirmesi yapılacak. | Eximbank kredi bilgisi paylaşılacak. | Ticaret heyeti programı "
    "gönderilecek."
)
FOLLOW_UP_OWNERS = _items("KTO | KOSGEB | OAİB | ORAN | ERÜ | KAYSO | Ticaret İl Müdürlüğü")

MEETING_PLACES = _items("KTO Meclis Salonu | Kayseri Valiliği Toplantı Salonu")
AGENDA = _items(
    "Açılış ve yoklama | Saha çalışması ilerleme raporu | Eylem planı projelerinin durumu |"
    "İhracat rakamlarının değerlendirilmesi | Kurumların yeni proje önerileri |"
    "Dilek ve temenniler"
)
DECISIONS = _items(
    "Saha çalışması bulgularının ilçe bazında raporlanmasına |"
    "Mobilya UR-GE projesinin Ticaret Bakanlığına sunulmasına |"
    "E-ihracat eğitimlerinin OSB'lerde de düzenlenmesine |"
    "Yeni ihracatçı firmalar için mentor havuzu oluşturulmasına |"
    "SKDM eğitimlerinde metal sektörüne öncelik verilmesine |"
    "Irak ticaret heyetinin takvime bağlanmasına |"
    "Kurumların proje bütçelerini bir sonraki toplantıya kadar bildirmesine |"
    "İhracat verilerinin üç ayda bir kurula sunulmasına |"
    "Dış ticaret uzmanı sertifika programının başlatılmasına |"
    "Fuar katılımlarında ortak Kayseri standı kurulmasına |"
    "Üniversite-sanayi proje pazarının yılda iki kez yapılmasına |"
    "Çatı GES rehberinin OSB firmalarına dağıtılmasına"
)

# The columns the generator fills per table, in the order of its row tuples.
# Each free-text need phrase above as a catalogue need (core/catalogues.NEEDS), so the
# demo's structured needs say what its free text says.
VISIT_NEED_CODES = {
    "dış ticaret personeli": "nitelikli_personel",
    "yabancı dil bilen eleman": "nitelikli_personel",
    "e-ihracat eğitimi": "e_ihracat",
    "fuar desteği": "fuar_heyet",
    "ihracat finansmanı": "finansman",
    "ürün belgelendirme (CE)": "belgelendirme",
    "enerji verimliliği etüdü": "yesil_skdm",
    "karbon ayak izi hesaplama": "yesil_skdm",
    "ERP ve üretim takip yazılımı": "dijital_uretim",
    "markalaşma danışmanlığı": "tasarim_marka",
    "yeni pazar araştırması": "pazar_arastirma",
    "nitelikli ara eleman": "nitelikli_personel",
    "Ar-Ge proje yazımı desteği": "arge_urun",
    "kurumsallaşma danışmanlığı": "kurumsallasma",
    "lojistik maliyetlerinin düşürülmesi": "lojistik",
}
# Needs a sector's firms report more often than others (added beside the free text).
SECTOR_NEEDS = {
    "mobilya": ("tasarim_marka", "fuar_heyet", "e_ihracat"),
    "metal": ("belgelendirme", "yesil_skdm", "nitelikli_personel"),
    "tekstil": ("yesil_skdm", "e_ihracat", "tasarim_marka"),
    "ev_tekstili": ("tasarim_marka", "e_ihracat", "fuar_heyet"),
    "gida": ("belgelendirme", "lojistik", "pazar_arastirma"),
    "elektrik": ("arge_urun", "belgelendirme", "nitelikli_personel"),
    "otomotiv": ("belgelendirme", "dijital_uretim", "yesil_skdm"),
    "kimya": ("yesil_skdm", "belgelendirme", "arge_urun"),
    "insaat": ("yesil_skdm", "lojistik", "pazar_arastirma"),
    "ambalaj": ("yesil_skdm", "dijital_uretim", "finansman"),
    "madencilik": ("lojistik", "yesil_skdm", "finansman"),
    "savunma": ("belgelendirme", "arge_urun", "nitelikli_personel"),
    "tarim": ("belgelendirme", "lojistik", "e_ihracat"),
}
# The Strategy Action Plan's actions: theme; roadmap year; lead; supporting institutions
# (comma-separated short names); needs answered ("+"-separated NEEDS codes); title;
# KPI name; KPI unit; baseline; target. Projects are linked by theme and year.
ACTIONS = tuple(
    tuple(p.strip() for p in row.split(";"))
    for row in _items(
        "dijital; 1; KTO; ERÜ, KOSGEB; dijital_uretim; Ziyaret edilen firmalarda dijital olgunluk "
        "ölçümü ve yol haritası; Yol haritası çıkarılan firma; firma; 0; 300 |"
        "dijital; 1; OAİB; KTO, Ticaret İl Müdürlüğü; e_ihracat; E-ihracat pazar yerlerinde "
        "mağaza açılmasının desteklenmesi; Pazar yerinde mağazası olan firma; firma; 35; 150 |"
        "dijital; 2; KAYSO; KTO, KBB; e_ihracat+tasarim_marka; Mobilya sektörü için sanal showroom "
        "ve çok dilli katalog; Platformdaki firma; firma; 0; 120 |"
        "dijital; 2; KOSGEB; KAYSO, ORAN; dijital_uretim; KOBİ'lerde ERP ve üretim takip "
        "yazılımlarının yaygınlaştırılması; ERP kullanan KOBİ oranı; %; 22; 40 |"
        "dijital; 3; AGÜ; KAYSO, ERÜ; dijital_uretim+nitelikli_personel; Model fabrika ile yalın "
        "ve dijital üretim eğitimleri; Eğitim alan çalışan; kişi; 0; 600 |"
        "yesil; 1; KTO; ORAN, Ticaret İl Müdürlüğü; yesil_skdm; SKDM (AB Sınırda Karbon "
        "Düzenlemesi) uyum eğitimleri; Eğitime katılan ihracatçı firma; firma; 0; 250 |"
        "yesil; 1; Kayseri OSB; ORAN, KBB; yesil_skdm+finansman; OSB'lerde çatı GES yatırımlarına "
        "rehberlik; Kurulu çatı GES gücü; MW; 18; 60 |"
        "yesil; 2; ORAN; KTO, ERÜ; yesil_skdm; İhracatçılar için karbon ayak izi hesaplama ve "
        "raporlama desteği; Karbon raporu hazırlayan firma; firma; 4; 80 |"
        "yesil; 3; ERÜ; Kayseri OSB, KAYSO; yesil_skdm; Endüstriyel simbiyoz ağının kurulması; "
        "Ağda değerlendirilen yan ürün; ton/yıl; 0; 5000 |"
        "katma_deger; 1; KTO; KAYSO, KBB; tasarim_marka; Mobilya ve ev tekstilinde tasarım ve "
        "marka danışmanlığı; Tasarım tescili alan firma; firma; 12; 60 |"
        "katma_deger; 2; KAYSO; ERÜ, AGÜ; arge_urun; Yüksek teknolojili ürünlere geçiş için "
        "sektör fizibiliteleri; Tamamlanan sektör fizibilitesi; adet; 0; 4 |"
        "katma_deger; 2; KBB; KTO, KAYSO; tasarim_marka+fuar_heyet; Kayseri mobilya kent "
        "markasının tanıtımı; Ortak marka altında tanıtılan firma; firma; 0; 80 |"
        "katma_deger; 3; KAYSİAD; KAYSO, Ticaret İl Müdürlüğü; belgelendirme+arge_urun; Savunma "
        "ve havacılık tedarik zincirine yerel tedarikçi kazandırılması; Tedarikçi onayı alan "
        "firma; firma; 6; 25 |"
        "katma_deger; 1; Ticaret İl Müdürlüğü; KTO, OAİB; belgelendirme; Pazara giriş belgeleri "
        "(CE ve ürün tescili) için yönlendirme masası; Belge desteğine yönlendirilen firma; firma; "
        "0; 120 |"
        "kurumsal; 1; KOSGEB; KTO, MÜSİAD Kayseri; kurumsallasma; Aile şirketlerinde "
        "kurumsallaşma programı; Aile anayasası hazırlayan firma; firma; 3; 40 |"
        "kurumsal; 1; KTO; OAİB; kurumsallasma+nitelikli_personel; İhracata yeni başlayan "
        "firmalarda dış ticaret birimi kurulumu; Dış ticaret birimi kuran firma; firma; 0; 50 |"
        "kurumsal; 2; KAYÜ; KTO, ERÜ; nitelikli_personel; Dış ticaret uzmanı yetiştirme ve staj "
        "programı; Sertifika alan katılımcı; kişi; 0; 200 |"
        "kurumsal; 3; MÜSİAD Kayseri; KAYSİAD, KTO; kurumsallasma; İkinci kuşak yönetici "
        "akademisi; Akademiyi bitiren yönetici; kişi; 0; 120 |"
        "kurumsal; 2; KAYSO; KOSGEB; nitelikli_personel; Meslek liseleriyle nitelikli ara eleman "
        "iş birliği; İşbaşı eğitimine alınan öğrenci; kişi; 150; 600 |"
        "arge; 1; ERÜ; AGÜ, KAYÜ, KAYSO; arge_urun; Üniversite-sanayi ortak Ar-Ge proje pazarı; "
        "Başvurusu yapılan ortak proje; adet; 8; 45 |"
        "arge; 2; KAYSO; KOSGEB; arge_urun; Ar-Ge ve tasarım merkezi kurulumuna rehberlik; Ar-Ge "
        "ve tasarım merkezi sayısı; adet; 21; 35 |"
        "arge; 1; KOSGEB; ORAN, KTO; arge_urun+finansman; Destek programları bilgilendirme "
        "günleri; Bilgilendirilen firma; firma; 0; 800 |"
        "arge; 3; AGÜ; ERÜ, KAYSO; arge_urun+belgelendirme; KOBİ'lere açık ortak prototip ve test "
        "laboratuvarı; Laboratuvarı kullanan firma; firma; 0; 70 |"
        "kumelenme; 1; KTO; OAİB, Ticaret Bakanlığı; fuar_heyet+pazar_arastirma; Mobilya UR-GE "
        "kümelenme projesi; Kümedeki ihracatçı firma; firma; 0; 25 |"
        "kumelenme; 2; KAYSO; OAİB; pazar_arastirma+fuar_heyet; Metal ve makine ihracat "
        "konsorsiyumu; Konsorsiyumla girilen yurt dışı ihale; adet; 0; 12 |"
        "kumelenme; 2; KTO; KTB, OAİB; tasarim_marka+pazar_arastirma; Halı ve ev tekstili "
        "kümelenmesi; Kümedeki firma; firma; 0; 30 |"
        "kumelenme; 3; KTB; KTO, KBB; kurumsallasma+pazar_arastirma; Gıda ihracatçıları ortak "
        "platformu; Platforma katılan gıda ihracatçısı; firma; 0; 40 |"
        "ihracat; 1; OAİB; KTO, Ticaret İl Müdürlüğü; fuar_heyet+pazar_arastirma; Irak ve Körfez "
        "ülkelerine ticaret heyetleri; Heyette yapılan ikili görüşme; adet; 0; 400 |"
        "ihracat; 1; KTO; KBB, OAİB; fuar_heyet; Yurt dışı fuarlarına ortak stantla katılım; Fuara "
        "katılan Kayserili firma; firma; 14; 60 |"
        "ihracat; 2; Ticaret İl Müdürlüğü; OAİB, KTO; pazar_arastirma; Afrika pazarları alım "
        "heyetleri; Alım heyetiyle görüşen firma; firma; 0; 150 |"
        "ihracat; 1; Ticaret Bakanlığı; KTO, OAİB; pazar_arastirma+kurumsallasma; Yeni ihracatçı "
        "mentorluk programı; İlk ihracatını yapan firma; firma; 0; 100 |"
        "ihracat; 2; OAİB; KTO, KAYSO; fuar_heyet; Orta Asya Türk cumhuriyetlerine ticaret "
        "heyetleri; Heyete katılan firma; firma; 0; 60 |"
        "ihracat; 3; Valilik; KTO, Ticaret İl Müdürlüğü; finansman; İhracat finansmanı ve kredi "
        "sigortası buluşmaları; Kredi sigortası kullanan ihracatçı; firma; 40; 140 |"
        "ihracat; 3; KTO; OAİB, Ticaret İl Müdürlüğü; pazar_arastirma+e_ihracat; Hedef pazar "
        "raporları ve pazar bilgi servisi; Yayımlanan pazar raporu; adet; 0; 20"
    )
)

COLUMNS = {
    "institutions": "id name short_name kind contact_name contact_email contact_phone name_sort",
    "staff": "id name kind title email phone active",
    "firms": "id title short_name tax_no trade_registry_no kto_member_no nace_code sector "
    "district osb address phone email web founded_year employees size_class products "
    "certifications search_text title_sort version created_at updated_at",
    "firm_exports": "firm_id year usd",
    "firm_markets": "firm_id country",
    "firm_tags": "firm_id tag",
    "contacts": "id firm_id name title phone email kvkk_consent kvkk_consent_date",
    "evaluations": "id firm_id visit_id evaluated_on evaluator kind notes",
    "evaluation_scores": "evaluation_id theme score",
    "visits": "id firm_id starts_at ends_at status purpose notes needs status_reason done_at "
    "version created_at",
    "visit_staff": "visit_id staff_id",
    "follow_ups": "id visit_id action owner due_date done_on",
    "projects": "id code title description theme roadmap_year lead_institution_id mode status "
    "start_date end_date budget_try spent_try progress notes version",
    "project_partners": "project_id institution_id role",
    "project_firms": "project_id firm_id",
    "milestones": "id project_id title due_date responsible_institution_id done_on",
    "meetings": "id held_on place notes",
    "meeting_attendees": "id meeting_id institution_id person",
    "decisions": "id meeting_id text owner_institution_id due_date status closed_on project_id",
    "agenda_items": "id meeting_id position text carried_decision_id",
    "targets": "key year value",
    "settings": "key value",
    "visit_needs": "visit_id need priority note",
    "actions": "id code title description theme roadmap_year lead_institution_id kpi_name "
    "kpi_unit kpi_baseline kpi_target kpi_current kpi_measured_on budget_try notes version",
    "action_needs": "action_id need",
    "action_partners": "action_id institution_id",
    "action_projects": "action_id project_id",
}
