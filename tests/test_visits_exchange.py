"""Visit exports: .ics parsed back with icalendar, .xlsx read back with openpyxl, the CLI."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from conftest import TODAY
from icalendar import Calendar
from openpyxl import load_workbook
from sqlalchemy import select

from kayseri_desktop.cli import main
from kayseri_desktop.data import models as m
from kayseri_desktop.exchange import visits_ics, visits_xlsx
from kayseri_desktop.services import visits as sv

FIRST, LAST = dt.date(2026, 11, 1), dt.date(2026, 11, 30)


def events(path) -> list:
    cal = Calendar.from_ical(path.read_bytes())
    return [c for c in cal.walk("VEVENT")]


def test_ics_has_one_event_per_visit_with_team_location_and_istanbul_time(demo_ctx, tmp_path):
    db = demo_ctx.db
    out = tmp_path / "z.ics"
    n = visits_ics.export_ics(db, out, FIRST, LAST)
    evs = events(out)
    assert n == len(evs) > 0
    with db.read() as s:
        visits = s.scalars(
            select(m.Visit).where(
                m.Visit.starts_at >= dt.datetime(2026, 11, 1),
                m.Visit.starts_at < dt.datetime(2026, 12, 1),
            )
        ).all()
        by_uid = {visits_ics.uid(v.id): v for v in visits}
        assert set(by_uid) == {str(e["uid"]) for e in evs}
        for e in evs:
            v = by_uid[str(e["uid"])]
            start = e.decoded("dtstart")
            assert start.tzinfo is not None and start.utcoffset() == dt.timedelta(hours=3)
            assert start.replace(tzinfo=None) == v.starts_at
            assert e.decoded("dtend").replace(tzinfo=None) == v.ends_at
            assert v.firm.title in str(e["summary"])
            assert (v.firm.address or "") in str(e["location"])
            attendees = e.get("attendee")
            attendees = attendees if isinstance(attendees, list) else [attendees]
            assert sorted(str(a.params["cn"]) for a in attendees) == sorted(p.name for p in v.staff)
            assert all(str(a).startswith("mailto:") for a in attendees)
    cal = Calendar.from_ical(out.read_bytes())
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Istanbul"]
    # exporting again gives the same UIDs (a re-import updates, not duplicates)
    again = tmp_path / "z2.ics"
    visits_ics.export_ics(db, again, FIRST, LAST)
    assert [str(e["uid"]) for e in events(again)] == [str(e["uid"]) for e in evs]


def test_ics_for_one_staff_member_and_unknown_names(demo_ctx, tmp_path):
    db = demo_ctx.db
    with db.read() as s:
        person = s.scalars(select(m.Staff).order_by(m.Staff.id)).first()
        mine = {v.id for v in s.scalars(select(m.Visit)) if person in v.staff}
    out = tmp_path / "me.ics"
    visits_ics.export_ics(db, out, None, None, staff=person.name.upper())
    assert {str(e["uid"]) for e in events(out)} == {visits_ics.uid(i) for i in mine}
    with pytest.raises(visits_ics.StaffNotFound, match="kimse yok"):
        visits_ics.export_ics(db, out, staff="Kimse Bilinmez")


def test_xlsx_schedule_has_frozen_header_findings_and_safe_text(demo_ctx, tmp_path):
    db = demo_ctx.db
    with db.write() as s:
        firm = s.scalars(select(m.Firm).order_by(m.Firm.id)).first()
        firm.title = '=HYPERLINK("x") A.Ş.'
        fid = firm.id
    with db.read() as s:
        staff_id = s.scalars(select(m.Staff.id).where(m.Staff.active)).first()
    start = dt.datetime(2026, 11, 2, 9, 0)
    with db.write() as s:
        s.execute(m.Visit.__table__.delete().where(m.Visit.firm_id == fid))
    vid = sv.plan_visit(db, sv.VisitDraft(fid, start, 60, (staff_id,), "Tanışma"))
    sv.record_done(db, vid, sv.Findings(scores={"dijital": 4, "ihracat": 2}, needs="Fuar desteği"))
    out = tmp_path / "z.xlsx"
    n = visits_xlsx.export_visits(db, out, FIRST, LAST)
    ws = load_workbook(out).active
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:K")
    header = [c.value for c in ws[1]]
    assert header[:8] == [
        "Tarih",
        "Başlangıç",
        "Bitiş",
        "Firma",
        "İlçe",
        "OSB",
        "Saha ekibi",
        "Durum",
    ]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert len(rows) == n
    mine = next(r for r in rows if r[3] == firm.title)
    assert mine[0] == dt.datetime(2026, 11, 2) and mine[1] == "09:00" and mine[7] == "Yapıldı"
    assert mine[9] == "Dijitalleşme 4, İhracata Hazırlık 2; İhtiyaçlar: Fuar desteği"
    cell = next(c for c in ws["D"] if c.value == firm.title)
    assert cell.data_type == "s" and cell.quotePrefix


def test_cli_ics_and_excel_exports(tmp_path, capsys):
    db = tmp_path / "cli.sqlite"
    assert main(["demo", "--db", str(db), "--firms", "120", "--today", TODAY.isoformat()]) == 0
    capsys.readouterr()
    out = tmp_path / "v.ics"
    assert (
        main(
            [
                "visits",
                "ics",
                str(out),
                "--db",
                str(db),
                "--from",
                "01.10.2025",
                "--to",
                "2026-12-31",
            ]
        )
        == 0
    )
    assert "ziyaret yazıldı" in capsys.readouterr().out
    assert len(events(out)) == 22
    assert main(["visits", "ics", str(out), "--db", str(db), "--staff", "Yok Böyle"]) == 2
    assert "Hata:" in capsys.readouterr().err
    xlsx = tmp_path / "v.xlsx"
    assert main(["export", "visits", str(xlsx), "--db", str(db), "--from", "2026-11-01"]) == 0
    assert load_workbook(xlsx).active.max_row >= 1
    assert (
        main(
            [
                "export",
                "visits",
                str(xlsx),
                "--db",
                str(db),
                "--from",
                "2026-11-01",
                "--to",
                "2026-10-01",
            ]
        )
        == 2
    )
    with pytest.raises(SystemExit):
        main(["export", "visits", str(xlsx), "--db", str(db), "--from", "31.02.2026"])
    assert "bir tarih değil" in capsys.readouterr().err


def test_location_adds_district_and_city_only_when_missing():
    row = visits_xlsx.ScheduleRow(
        1,
        dt.datetime(2026, 11, 2, 9),
        dt.datetime(2026, 11, 2, 10),
        "A",
        "Talas",
        "",
        "",
        [],
        [],
        "planned",
        "",
        "",
        "",
        1,
    )
    assert visits_ics.location(row) == "Talas, Kayseri"
    with_address = dataclasses.replace(row, address="Cumhuriyet Mh. 5 Talas/KAYSERİ")
    assert visits_ics.location(with_address) == "Cumhuriyet Mh. 5 Talas/KAYSERİ"
    elsewhere = dataclasses.replace(row, address="Atatürk Blv. 3 Yahyalı", district="")
    assert visits_ics.location(elsewhere) == "Atatürk Blv. 3 Yahyalı, Kayseri"
