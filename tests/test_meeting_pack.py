"""Meeting packs (.xlsx and .pdf) and the full export, checked by reading them back."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import make_firm
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import func, select

from kayseri_desktop.cli import main as cli_main
from kayseri_desktop.core.turkish import thousands
from kayseri_desktop.data import models as m
from kayseri_desktop.exchange.full_export import export_all
from kayseri_desktop.exchange.pack_files import write_pack
from kayseri_desktop.services import demo, meeting_pack

TODAY = dt.date(2026, 11, 25)
SECRET_NAME = "Zübeyde Gizlikişi"
SECRET_MAIL = "zubeyde.gizli@ornek.com.tr"
HOSTILE = '=HYPERLINK("http://kotu.example","tıkla")'


@pytest.fixture
def pack_ctx(ctx):
    demo.generate(ctx.db, firms=300, today=TODAY)
    with ctx.db.write() as s:
        meetings = s.scalars(select(m.Meeting).order_by(m.Meeting.held_on)).all()
        held = [mt for mt in meetings if mt.held_on <= TODAY]
        last = held[-1]
        firm = s.scalars(select(m.Firm).order_by(m.Firm.id)).first()
        firm.contacts.append(
            m.Contact(
                name=SECRET_NAME,
                email=SECRET_MAIL,
                phone="+90 532 000 00 00",
                kvkk_consent=True,
                kvkk_consent_date=dt.date(2026, 1, 1),
            )
        )
        owner = s.scalars(select(m.Institution).order_by(m.Institution.id)).first()
        last.decisions.append(
            m.Decision(text=HOSTILE, owner=owner, due_date=last.held_on - dt.timedelta(days=1))
        )
    ctx.meeting_id = last.id
    ctx.previous_date = held[-2].held_on
    return ctx


def _sheet_of(reference: str) -> str:
    return reference.rsplit("!", 1)[0].strip("'")


def _cells(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield ws.title, cell


def test_pack_figures_match_the_database(pack_ctx):
    pack = meeting_pack.build(pack_ctx.db, pack_ctx.meeting_id)
    with pack_ctx.db.read() as s:
        meeting = s.get(m.Meeting, pack_ctx.meeting_id)
        end = dt.datetime.combine(meeting.held_on + dt.timedelta(days=1), dt.time())
        start = dt.datetime.combine(pack_ctx.previous_date + dt.timedelta(days=1), dt.time())
        done_in_period = s.scalar(
            select(func.count())
            .select_from(m.Visit)
            .where(m.Visit.status == "done", m.Visit.starts_at >= start, m.Visit.starts_at < end)
        )
        done_total = s.scalar(
            select(func.count())
            .select_from(m.Visit)
            .where(m.Visit.status == "done", m.Visit.starts_at < end)
        )
        running = s.scalar(
            select(func.count()).select_from(m.Project).where(m.Project.status == "running")
        )
    assert pack.period_start == pack_ctx.previous_date
    assert len(pack.visits) == done_in_period > 0
    assert sum(n for _, n in pack.visits_by_district) == done_in_period
    visits_row = next(r for r in pack.summary if r.label.startswith("Yerinde ziyaret"))
    assert visits_row.now == done_total and visits_row.target == 450
    assert visits_row.change == done_in_period
    assert len(pack.projects) == running
    # Late milestones first.
    flags = [bool(p.late_milestones) for p in pack.projects]
    assert flags == sorted(flags, reverse=True)
    hostile = next(d for d in pack.decisions if d.text == HOSTILE)
    assert hostile.late and not hostile.carried_over
    assert any(d.carried_over for d in pack.decisions)


def test_pack_xlsx_sheets_charts_print_setup_and_safe_text(pack_ctx, tmp_path):
    pack = meeting_pack.build(pack_ctx.db, pack_ctx.meeting_id)
    out = write_pack(pack, tmp_path / "paket.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Özet", "Ziyaretler", "Projeler", "Kararlar", "Grafikler"]
    summary = wb["Özet"]
    rows = {r[0]: r[1:] for r in summary.iter_rows(min_row=2, max_col=5, values_only=True)}
    assert rows["Yerinde ziyaret (yapılan)"][0] == pack.summary[1].now
    assert rows["Yerinde ziyaret (yapılan)"][3] == 450
    assert summary.max_row >= len(pack.summary) + 1
    assert wb["Ziyaretler"].max_row == len(pack.visits) + 1
    assert wb["Ziyaretler"]["A2"].number_format == "DD.MM.YYYY HH:MM"
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == "$1:$1"
        assert "&P" in ws.oddFooter.right.text and "15.10.2026" not in ws.oddFooter.right.text
        assert pack.held_on.strftime("%d.%m.%Y") in ws.oddHeader.right.text
    charts = wb["Grafikler"]._charts
    assert len(charts) == 3
    for chart in charts:
        for series in chart.series:
            assert _sheet_of(series.val.numRef.f) == "Grafikler"
            assert _sheet_of((series.cat.numRef or series.cat.strRef).f) == "Grafikler"
    (target_chart,) = wb["Özet"]._charts
    assert _sheet_of(target_chart.series[0].val.numRef.f) == "Özet"
    hostile = [c for _, c in _cells(wb) if c.value == HOSTILE]
    assert hostile and all(c.data_type == "s" and c.quotePrefix for c in hostile)
    text = " ".join(str(c.value) for _, c in _cells(wb))
    assert SECRET_NAME not in text and SECRET_MAIL not in text


def test_pack_pdf_has_title_page_headings_and_page_numbers(pack_ctx, tmp_path):
    pack = meeting_pack.build(pack_ctx.db, pack_ctx.meeting_id)
    out = write_pack(pack, tmp_path / "paket.pdf")
    reader = PdfReader(out)
    pages = [" ".join(p.extract_text().split()) for p in reader.pages]  # Qt spaces words
    n = len(pages)
    assert n >= 5
    assert "Toplantı Paketi" in pages[0] and "Gündem" in pages[0]
    assert pack.held_on.strftime("%d.%m.%Y") in pages[0]
    everything = "\n".join(pages)
    for heading in (
        "1. Özet",
        "2. Ziyaretler",
        "3. Yürüyen projeler",
        "4. Açık kararlar",
        "5. Grafikler",
        "İl İhracatı Geliştirme Üst Kurulu",
        "SÜRESİ GEÇTİ",
    ):
        assert heading in everything, heading
    for i, page in enumerate(pages, start=1):
        assert f"Sayfa {i} / {n}" in page
    assert SECRET_NAME not in everything and SECRET_MAIL not in everything
    assert not list(tmp_path.glob("*.tmp"))


def test_full_export_has_a_sheet_per_kind_and_contacts_only_when_asked(pack_ctx, tmp_path):
    with pack_ctx.db.write() as s:
        s.add(make_firm("Çöp Kutusu A.Ş.", 999000001, deleted_at=dt.datetime(2026, 1, 1)))
    counts = export_all(pack_ctx.db, tmp_path / "hepsi.xlsx")
    wb = load_workbook(tmp_path / "hepsi.xlsx", read_only=True)
    assert wb.sheetnames == [
        "Firmalar",
        "Değerlendirmeler",
        "Ziyaretler",
        "Kurumlar",
        "Projeler",
        "Kilometre Taşları",
        "Toplantılar",
        "Kararlar",
    ]
    with pack_ctx.db.read() as s:
        live = s.scalar(select(func.count()).select_from(m.Firm).where(m.Firm.deleted_at.is_(None)))
        visits = s.scalar(select(func.count()).select_from(m.Visit))
    assert counts["Firmalar"] == live == 300 and counts["Ziyaretler"] == visits
    titles = [r[1] for r in wb["Firmalar"].iter_rows(min_row=2, values_only=True)]
    assert len(titles) == live
    assert "Çöp Kutusu A.Ş." not in titles
    wb.close()
    export_all(pack_ctx.db, tmp_path / "kisisel.xlsx", with_contacts=True)
    wb = load_workbook(tmp_path / "kisisel.xlsx", read_only=True)
    names = [r[1] for r in wb["Yetkililer"].iter_rows(min_row=2, values_only=True)]
    assert SECRET_NAME in names
    wb.close()


def test_command_line_pack_by_date_and_export_all(pack_ctx, tmp_path, capsys):
    db = str(pack_ctx.db.path)
    held = pack_ctx.previous_date.isoformat()
    out = tmp_path / "p.pdf"
    assert cli_main(["meeting-pack", "--db", db, "--date", held, "--out", str(out)]) == 0
    assert len(PdfReader(out).pages) >= 5
    bad = ["meeting-pack", "--db", db, "--date", "2026-02-30", "--out", str(out)]
    with pytest.raises(SystemExit):
        cli_main(bad)
    capsys.readouterr()
    none = ["meeting-pack", "--db", db, "--date", "2026-03-03", "--out", str(tmp_path / "x.xlsx")]
    assert cli_main(none) == 2
    assert "03.03.2026 tarihinde bir toplantı yok" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()
    assert cli_main(["export", "all", str(tmp_path / "a.xlsx"), "--db", db]) == 0
    assert "Firmalar" in capsys.readouterr().out


def test_counts_print_as_whole_numbers_and_only_sums_keep_decimals(pack_ctx, tmp_path):
    """Issue 18: "2.041,0 firma", "Açık karar 7,0" — counts are integers in PDF and Excel."""
    pack = meeting_pack.build(pack_ctx.db, pack_ctx.meeting_id)
    counts = [r for r in pack.summary if r.decimals == 0]
    (exports,) = [r for r in pack.summary if r.decimals]
    assert len(counts) == 7 and exports.unit == "milyon USD"
    pdf = write_pack(pack, tmp_path / "paket.pdf")
    page = " ".join(PdfReader(pdf).pages[1].extract_text().split())
    summary = page[page.index("Gösterge") : page.index("Proje sayıları")]
    for r in counts:
        figures = [r.now, r.previous, r.change, r.target]
        shown = " ".join("—" if v is None else thousands(round(v)) for v in figures)
        assert f"{r.label} {shown} " in summary, r.label
    assert re.findall(r"\d,\d", summary.split(exports.label)[0]) == []  # no decimals above
    assert re.search(re.escape(exports.label) + r" \d[\d.]*,\d ", summary)  # a sum: 3.813,6
    wb = load_workbook(write_pack(pack, tmp_path / "paket.xlsx"))
    ws = wb["Özet"]
    for i, r in enumerate(pack.summary, start=2):
        assert ws.cell(i, 1).value == r.label
        want = "#,##0" if r.decimals == 0 else "#,##0.0"
        assert [ws.cell(i, j).number_format for j in range(2, 6)] == [want] * 4, r.label
    charts = wb["Grafikler"]
    assert charts.cell(2, 2).number_format == "#,##0"  # visits per district: a count
