"""The plan document (.docx, .pdf) and the firm scorecards, made through the real
command line on the demo database and read back: Word's heading styles, tables and
figures; PDF page counts and a rendered page that is not blank; KVKK; file names."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from conftest import TODAY, make_firm
from pypdf import PdfReader
from PySide6.QtGui import QImage
from sqlalchemy import select

from kayseri_desktop.cli import main
from kayseri_desktop.data import models as m
from kayseri_desktop.exchange.scorecard_pdf import NAME_LIMIT, safe_filename
from kayseri_desktop.services import scorecard, support_instruments
from kayseri_desktop.services.support_instruments import Instrument


def _pdf_text(path: Path) -> str:
    """The text of every page, whitespace (pypdf writes tabs between words) as spaces."""
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def _ink_share(png: Path) -> float:
    """Share of pixels that are not (nearly) white, sampled on a grid."""
    image = QImage(str(png))
    assert not image.isNull()
    seen = inked = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            seen += 1
            if image.pixelColor(x, y).lightness() < 235:
                inked += 1
    return inked / seen


def _render_first_page(pdf: Path, tmp_path: Path) -> Path:
    if shutil.which("pdftoppm"):
        prefix = tmp_path / "page"
        subprocess.run(
            ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(prefix)],
            check=True,
        )
        return next(tmp_path.glob("page*.png"))
    qtpdf = pytest.importorskip("PySide6.QtPdf")
    document = qtpdf.QPdfDocument()
    document.load(str(pdf))
    from PySide6.QtCore import QSize

    image = document.render(0, QSize(330, 470))
    out = tmp_path / "page.png"
    image.save(str(out))
    return out


@pytest.fixture
def demo_db(demo_ctx, tmp_path):
    return str(tmp_path / "t.sqlite")


def test_plan_docx_has_word_headings_tables_and_figures(demo_db, tmp_path, capsys):
    out = tmp_path / "Eylem Planı.docx"
    assert main(["action-plan", "--db", demo_db, "--out", str(out), "--today", str(TODAY)]) == 0
    assert "Eylem planı yazıldı" in capsys.readouterr().out
    doc = docx.Document(str(out))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Head")]
    assert ("Heading 1", "1. Yönetici özeti") in headings
    assert ("Heading 1", "3. Eylemler") in headings
    assert ("Heading 2", "3.2 1. Yıl — Dönüşüm") in headings
    assert ("Heading 2", "3.5 Kapsanmayan ihtiyaçlar") in headings
    assert any(style == "Heading 3" for style, _ in headings)
    assert doc.core_properties.title == "Kayseri Üretim ve İhracat Strateji Eylem Planı"
    # Figures: PNG pictures of the charts, each with a caption.
    assert len(doc.inline_shapes) == 6
    images = [r for r in doc.part.related_parts.values() if r.content_type == "image/png"]
    assert len(images) == 6 and all(img.blob[:4] == b"\x89PNG" for img in images)
    assert sum(p.style.name == "Caption" for p in doc.paragraphs) == 6
    # The summary table's figures, and the year-1 action table with its columns.
    summary = doc.tables[0]
    assert summary.rows[0].cells[0].text == "Gösterge"
    with_codes = [t for t in doc.tables if t.rows[0].cells[0].text == "Kod" and len(t.columns) == 7]
    assert len(with_codes) >= 3  # the three roadmap years (2 and 3 in the demo too)
    header = [c.text for c in with_codes[0].rows[0].cells]
    assert header == [
        "Kod",
        "Eylem",
        "Öncü kurum",
        "Destekçi kurumlar",
        "KPI: başlangıç → hedef",
        "Bağlı projeler",
        "Durum",
    ]
    first = [c.text for c in with_codes[0].rows[1].cells]
    assert first[0] == "E1.01" and "→" in first[4] and first[6]
    assert with_codes[0].rows[0]._tr.trPr.xml.count("tblHeader") == 1  # repeated on each page


def test_plan_pdf_pages_text_and_a_rendered_page(demo_db, tmp_path):
    out = tmp_path / "plan.pdf"
    assert main(["action-plan", "--db", demo_db, "--out", str(out), "--today", str(TODAY)]) == 0
    reader = PdfReader(out)
    assert 5 <= len(reader.pages) <= 20
    text = _pdf_text(out)
    for words in ("Yönetici özeti", "Tema × sektör", "Kapsanmayan ihtiyaçlar", "E1.01", "Şekil"):
        assert words in text
    assert "Sayfa 1 / " in text
    assert _ink_share(_render_first_page(out, tmp_path)) > 0.01


def test_action_plan_refuses_another_suffix_and_writes_nothing(demo_db, tmp_path, capsys):
    out = tmp_path / "plan.xlsx"
    assert main(["action-plan", "--db", demo_db, "--out", str(out)]) == 2
    assert "--out .docx" in capsys.readouterr().err
    assert not out.exists()


def _visited_firm(ctx):
    with ctx.db.read() as s:
        return s.execute(
            select(m.Firm.id, m.Firm.tax_no, m.Firm.title)
            .join(m.Visit, m.Visit.firm_id == m.Firm.id)
            .where(m.Visit.status == "done")
            .order_by(m.Firm.id)
            .limit(1)
        ).one()


def test_scorecard_of_one_firm_without_and_with_contacts(demo_ctx, demo_db, tmp_path, capsys):
    fid, tax_no, _title = _visited_firm(demo_ctx)
    with demo_ctx.db.write() as s:  # one consenting and one non-consenting contact
        s.query(m.Contact).filter(m.Contact.firm_id == fid).delete()
        s.add_all(
            [
                m.Contact(
                    firm_id=fid,
                    name="Rıza Verdi",
                    phone="+90 352 111 22 33",
                    email="riza@ornek.com.tr",
                    kvkk_consent=True,
                    kvkk_consent_date=dt.date(2025, 1, 2),
                ),
                m.Contact(
                    firm_id=fid,
                    name="Onay Yok",
                    phone="+90 352 999 88 77",
                    email="onayyok@ornek.com.tr",
                    kvkk_consent=False,
                ),
            ]
        )
        visit = s.scalars(
            select(m.Visit).where(m.Visit.firm_id == fid, m.Visit.status == "done")
        ).first()
        visit.notes = "Görüşme: onayyok@ornek.com.tr, riza@ornek.com.tr"
    out = tmp_path / "karne.pdf"
    assert main(["scorecard", "--db", demo_db, "--firm", tax_no, "--out", str(out)]) == 0
    assert "KVKK" in capsys.readouterr().out
    assert 1 <= len(PdfReader(out).pages) <= 2
    text = _pdf_text(out)
    assert "Firma Karnesi" in text and tax_no in text
    for section in ("Tema puanları", "Bulgular ve ihtiyaçlar", "Takip işleri"):
        assert section in text
    for personal in ("Rıza Verdi", "Onay Yok", "riza@ornek.com.tr", "onayyok@ornek.com.tr"):
        assert personal not in text
    assert _ink_share(_render_first_page(out, tmp_path)) > 0.01
    with_contacts = tmp_path / "yetkili.pdf"
    args = ["scorecard", "--db", demo_db, "--firm", tax_no, "--out", str(with_contacts)]
    assert main([*args, "--with-contacts"]) == 0
    text = _pdf_text(with_contacts)
    assert "Rıza Verdi" in text and "riza@ornek.com.tr" in text
    assert "Onay Yok" not in text and "onayyok@ornek.com.tr" not in text
    assert "1 yetkilinin kişisel verisi" in text


def test_scorecard_refuses_a_wrong_or_unknown_tax_number(demo_db, tmp_path, capsys):
    out = tmp_path / "karne.pdf"
    assert main(["scorecard", "--db", demo_db, "--firm", "12345", "--out", str(out)]) == 2
    assert "“12345” geçerli bir vergi numarası" in capsys.readouterr().err
    assert main(["scorecard", "--db", demo_db, "--firm", "1234567890", "--out", str(out)]) == 2
    assert "1234567890 vergi numaralı firma kayıtlı değil" in capsys.readouterr().err
    assert not out.exists()


def test_scorecards_of_every_visited_firm_in_a_folder(demo_ctx, demo_db, tmp_path):
    with demo_ctx.db.read() as s:
        visited = s.scalars(
            select(m.Firm.title).where(
                m.Firm.id.in_(select(m.Visit.firm_id).where(m.Visit.status == "done"))
            )
        ).all()
    folder = tmp_path / "karneler"
    assert main(["scorecard", "--db", demo_db, "--visited", "--out", str(folder)]) == 0
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == len(visited) > 10
    assert not list(folder.glob("*.tmp"))
    for path in files:
        assert 1 <= len(PdfReader(path).pages) <= 2


def test_batch_file_names_with_turkish_and_forbidden_characters(ctx, tmp_path):
    titles = [
        'ÇAĞRI/ÖZ: "İĞNE" <Şİş>? A.Ş.',
        'çağrı?öz* "iğne" |şiş>? a.ş.',  # the same name once sanitised, but for case
        "CON",
        "nul.",
        "Ğ" * 200,
    ]
    with ctx.db.write() as s:
        for i, title in enumerate(titles):
            f = make_firm(title, 300000001 + i, sector="gida", size_class="kucuk")
            s.add(f)
            s.flush()
            start = dt.datetime(2026, 3, 2, 10)
            s.add(
                m.Visit(
                    firm_id=f.id,
                    starts_at=start,
                    ends_at=start + dt.timedelta(hours=1),
                    status="done",
                )
            )
    folder = tmp_path / "out"
    assert (
        main(["scorecard", "--db", str(tmp_path / "t.sqlite"), "--visited", "--out", str(folder)])
        == 0
    )
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == len(titles)
    assert len({n.casefold() for n in names}) == len(titles)
    assert "çağrı_öz_ _iğne_ _şiş__ a.ş (2).pdf" in names
    for name in names:
        stem = name[: -len(".pdf")]
        assert not set('<>:"/\\|?*') & set(name)
        assert not stem.endswith((".", " "))
        assert stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL"}
        assert len(stem) <= NAME_LIMIT
    assert "ÇAĞRI_ÖZ_ _İĞNE_ _Şİş__ A.Ş.pdf" in names
    assert "_CON.pdf" in names and "_nul.pdf" in names


def test_safe_filename_rules():
    taken: set[str] = set()
    assert safe_filename("Kayseri Ağaç A.Ş.", taken) == "Kayseri Ağaç A.Ş.pdf"
    assert safe_filename("KAYSERİ AĞAÇ A.Ş.", taken) == "KAYSERİ AĞAÇ A.Ş (2).pdf"
    assert safe_filename("kayseri agac a.s", taken) == "kayseri agac a.s (3).pdf"
    assert safe_filename("  .. ", taken) == "firma.pdf"
    assert safe_filename("COM1.yedek", taken) == "_COM1.yedek.pdf"
    assert safe_filename("LPT9", taken) == "_LPT9.pdf"
    assert safe_filename("a\tb\nc", taken) == "a_b_c.pdf"
    long = safe_filename("Ş" * 300, taken)
    assert len(long) == NAME_LIMIT + len(".pdf")


def _instrument(code, needs, sizes=(), exporters="hepsi"):
    return Instrument(code, code, "Kurum", tuple(needs), tuple(sizes), exporters, "", "", None, "")


def test_support_instruments_match_needs_size_and_export_status():
    catalogue = [
        _instrument("kosgeb", ["nitelikli_personel", "belgelendirme"], ["mikro", "kucuk", "orta"]),
        _instrument("sigorta", ["finansman"], exporters="ihracatci"),
        _instrument("ilk", ["pazar_arastirma"], exporters="yeni"),
        _instrument("fuar", ["fuar_heyet"]),
    ]
    needs = ["finansman", "belgelendirme", "pazar_arastirma", "nitelikli_personel"]
    small = support_instruments.matching(catalogue, needs, size="kucuk", exports=False)
    assert [(x.instrument.code, x.needs) for x in small] == [
        ("kosgeb", ("belgelendirme", "nitelikli_personel")),
        ("ilk", ("pazar_arastirma",)),
    ]
    large = support_instruments.matching(catalogue, needs, size="buyuk", exports=True)
    assert [x.instrument.code for x in large] == ["sigorta"]
    assert support_instruments.matching(catalogue, [], size=None, exports=False) == []


def test_shipped_catalogue_is_dated_seeded_once_and_read_from_the_database(ctx):
    shipped = support_instruments.shipped()
    assert shipped.as_of is not None and "ticaret.gov.tr" in shipped.source
    assert {"tb_urge", "tb_fuar", "kosgeb_yesil", "oran_mali"} <= {
        i.code for i in shipped.instruments
    }
    with ctx.db.read() as s:  # empty table: the shipped file is what counts
        assert [i.code for i in support_instruments.catalogue(s)] == [
            i.code for i in shipped.instruments
        ]
    with ctx.db.write() as s:
        assert support_instruments.seed(s)["support_instruments"] == len(shipped.instruments)
        assert support_instruments.seed(s) == {}  # staff's table is never overwritten
        s.query(m.SupportInstrument).filter(m.SupportInstrument.code == "tb_fuar").update(
            {"active": False}
        )
    with ctx.db.read() as s:
        codes = [i.code for i in support_instruments.catalogue(s)]
    assert "tb_fuar" not in codes and "tb_urge" in codes


def test_a_broken_catalogue_line_is_named():
    text = "# as_of: 2026-01-01\ncode,name,institution,needs,sizes,exporters,eligibility,url\n"
    text += "x,X,K,uydurma,,hepsi,,\n"
    with pytest.raises(support_instruments.CatalogueError, match=r"satır 3.*uydurma"):
        support_instruments.parse(text)


def test_scorecard_of_a_large_firm_offers_no_kosgeb_support(ctx):
    with ctx.db.write() as s:
        f = make_firm(
            "BÜYÜK SANAYİ A.Ş.", 400000001, sector="metal", size_class="buyuk", employees=900
        )
        s.add(f)
        s.flush()
        start = dt.datetime(2026, 3, 2, 10)
        v = m.Visit(
            firm_id=f.id, starts_at=start, ends_at=start + dt.timedelta(hours=1), status="done"
        )
        s.add(v)
        s.flush()
        s.add(m.VisitNeed(visit_id=v.id, need="arge_urun", priority=1))
        fid = f.id
    card = scorecard.build(ctx.db, [fid])[0]
    # Of the R&D supports only TÜBİTAK 1501 is open to every size (KOSGEB, ORAN and
    # TÜBİTAK 1507 are for KOBİ).
    assert [x.instrument.code for x in card.instruments] == ["tubitak_1501"]
