"""Excel export of projects, milestones and open decisions; `kayseri export projects`."""

from __future__ import annotations

import datetime as dt

from conftest import TODAY
from openpyxl import load_workbook

from kayseri_desktop.cli import main
from kayseri_desktop.exchange.projects_xlsx import export_projects
from kayseri_desktop.services import coordination as co
from kayseri_desktop.services import coordination_lists as lists
from kayseri_desktop.services import meetings as mt


def fill(db) -> None:
    kto = co.save_institution(db, co.InstitutionData("Kayseri Ticaret Odası", "oda", "KTO"))
    erü = co.save_institution(db, co.InstitutionData("Erciyes Üniversitesi", "universite", "ERÜ"))
    co.save_project(
        db,
        co.ProjectData(
            "P-01",
            '=HYPERLINK("http://kötü")',
            "dijital",
            1,
            kto,
            status="running",
            start_date=dt.date(2026, 1, 1),
            end_date=dt.date(2026, 10, 31),
            budget_try=1_250_000.5,
            spent_try=100.0,
            progress=45,
            partners=[(erü, "funder")],
            milestones=[co.MilestoneData("Açılış", dt.date(2026, 2, 1), erü)],
        ),
    )
    co.save_project(db, co.ProjectData("P-02", "Yeşil Rehber", "yesil", 2, erü, status="idea"))
    mt.save_meeting(
        db,
        mt.MeetingData(
            dt.date(2026, 9, 1),
            decisions=[
                mt.DecisionData("+90 ile başlayan telefonlar aransın", kto, dt.date(2026, 10, 1)),
                mt.DecisionData("Kapandı", erü, status="done"),
            ],
        ),
    )


def test_one_workbook_a_sheet_each_with_safe_text_and_real_dates(ctx, tmp_path):
    fill(ctx.db)
    out = tmp_path / "projeler.xlsx"
    result = export_projects(ctx.db, out, today=TODAY)
    assert (result.projects, result.milestones, result.decisions) == (2, 1, 1)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Projeler", "Kilometre Taşları", "Açık Kararlar"]
    ws = wb["Projeler"]
    header = [c.value for c in ws[1]]
    assert header[:8] == [
        "Kod", "Proje", "Tema", "Yol haritası yılı", "Yürütücü kurum", "Ortaklar", "Yürütme",
        "Durum",
    ]  # fmt: skip
    row = [c.value for c in ws[2]]
    assert row[0] == "P-01"
    assert row[1] == '=HYPERLINK("http://kötü")' and ws["B2"].data_type == "s"
    assert ws["B2"].quotePrefix
    assert row[2:8] == ["Dijitalleşme", "1. Yıl — Dönüşüm", "KTO", "ERÜ", "Ortak", "Yürüyor"]
    assert row[8] == dt.datetime(2026, 1, 1) and ws["I2"].number_format == "DD.MM.YYYY"
    assert row[10] == 1_250_000.5 and ws["K2"].number_format == "#,##0.00"
    assert row[16] == "Evet"  # late: running and past its end
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:S3"
    ms = [c.value for c in wb["Kilometre Taşları"][2]]
    assert ms[:5] == ["P-01", '=HYPERLINK("http://kötü")', "Açılış", dt.datetime(2026, 2, 1), "ERÜ"]
    assert ms[6] == "Evet"
    dec = [c.value for c in wb["Açık Kararlar"][2]]
    assert dec[1] == "+90 ile başlayan telefonlar aransın"
    assert wb["Açık Kararlar"]["B2"].quotePrefix
    assert dec[2:5] == ["KTO", dt.datetime(2026, 10, 1), "Açık"] and dec[6] == "Evet"
    assert wb["Açık Kararlar"].max_row == 2


def test_export_follows_the_project_filter(ctx, tmp_path):
    fill(ctx.db)
    out = tmp_path / "yesil.xlsx"
    result = export_projects(
        ctx.db, out, today=TODAY, project_filter=lists.ProjectFilter(theme="yesil")
    )
    assert (result.projects, result.milestones) == (1, 0)
    assert [c.value for c in load_workbook(out)["Projeler"]["A"]] == ["Kod", "P-02"]


def test_cli_exports_projects(tmp_path, capsys):
    db = tmp_path / "cli.sqlite"
    assert main(["demo", "--db", str(db), "--firms", "60", "--today", "2026-11-25"]) == 0
    capsys.readouterr()
    out = tmp_path / "çıktı" / "projeler.xlsx"
    assert main(["export", "projects", str(out), "--db", str(db), "--today", "2026-11-25"]) == 0
    printed = capsys.readouterr().out
    assert "Projeler" in printed and "30" in printed
    wb = load_workbook(out)
    assert wb.sheetnames == ["Projeler", "Kilometre Taşları", "Açık Kararlar"]
    assert wb["Projeler"].max_row == 31
    assert main(["export", "projects", str(tmp_path / "x.csv"), "--db", str(db)]) == 2
    assert ".xlsx" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()


def test_projects_tab_exports_what_it_shows(qtbot, ctx, tmp_path, message_boxes, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from kayseri_desktop.gui.projects_tab import ProjectsTab

    fill(ctx.db)
    tab = ProjectsTab(ctx.db, today=lambda: TODAY)
    qtbot.addWidget(tab)
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("idea"))
    target = tmp_path / "secim"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab.choose_export()
    written = target.with_suffix(".xlsx")
    assert [c.value for c in load_workbook(written)["Projeler"]["A"]] == ["Kod", "P-02"]
    assert message_boxes.texts() == [f"{written} yazıldı: 1 proje, 0 kilometre taşı, 1 açık karar."]
