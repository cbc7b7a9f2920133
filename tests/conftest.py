"""Shared fixtures: offscreen Qt, throw-away settings, a fresh database per test."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QMessageBox

from kayseri_desktop import APP_AUTHOR, APP_NAME
from kayseri_desktop.core.taxid import vkn_with_check_digit
from kayseri_desktop.core.turkish import collation_key, fold
from kayseri_desktop.data import models as m
from kayseri_desktop.services.context import open_context

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(autouse=True, scope="session")
def _widgets_application(qapp):
    """One QApplication before any test: code that only needs QtGui (the PDF writer) would
    otherwise make a QGuiApplication first, and a later widget test could not start."""
    return qapp


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch):
    """QSettings in an INI file under a temporary folder: never the user's real settings."""
    folder = tmp_path_factory.mktemp("settings")
    QCoreApplication.setOrganizationName(APP_AUTHOR)
    QCoreApplication.setApplicationName(APP_NAME)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, str(folder))
    monkeypatch.delenv("KAYSERI_DB", raising=False)
    yield folder


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite file through SQLite's own backup API."""
    src = sqlite3.connect(source)
    try:
        out = sqlite3.connect(target)
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()


@pytest.fixture(scope="session")
def _template_databases(tmp_path_factory) -> dict[str, Path]:
    """Migrated databases made once per run and copied per test (migrating takes 0.2-0.6 s;
    a copy takes milliseconds): an empty one, and one filled by the demo generator."""
    folder = tmp_path_factory.mktemp("templates")
    empty = folder / "empty.sqlite"
    open_context(empty).close()
    demo_file = folder / "demo.sqlite"
    _copy_database(empty, demo_file)
    filled = open_context(demo_file)
    try:
        from kayseri_desktop.services import demo

        demo.generate(filled.db, firms=300, today=TODAY)
    finally:
        filled.close()
    return {"empty": empty, "demo": demo_file}


@pytest.fixture
def ctx(request, tmp_path, _template_databases):
    """A fresh migrated database per test, copied from a template (the demo-filled one when
    the test also asks for demo_ctx, so that ctx and demo_ctx stay one context)."""
    kind = "demo" if "demo_ctx" in request.fixturenames else "empty"
    path = tmp_path / "t.sqlite"
    _copy_database(_template_databases[kind], path)
    context = open_context(path)
    yield context
    context.close()


def sqlite_scalar(path, sql: str):
    """One value read straight from an SQLite file, past the app's own engine."""
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def make_firm(title: str, serial: int, **values) -> m.Firm:
    """A valid firm: VKN from a serial number, sort and search keys from the title."""
    return m.Firm(
        title=title,
        tax_no=vkn_with_check_digit(f"{serial:09d}"),
        title_sort=collation_key(title),
        search_text=fold(title),
        **values,
    )


SAMPLE_TITLES = ("Dede", "Çağrı", "Cam", "İnci", "Işık")
SAMPLE_ORDER = ["Cam", "Çağrı", "Dede", "Işık", "İnci"]


def add_sample_rows(db) -> dict[str, int]:
    """A handful of rows of every kind the tabs show (when services/demo.py is absent).

    Figures relative to TODAY: 5 live firms (+1 deleted), 1 evaluated; visits 1 done,
    2 planned (1 of them in the past), 1 postponed; projects 1 running and late,
    1 done; 1 meeting with 2 open decisions (1 late) and 1 done.
    """
    with db.write() as s:
        firms = [
            make_firm(
                title, 100000001 + i, sector="mobilya", district="melikgazi", employees=10 * (i + 1)
            )
            for i, title in enumerate(SAMPLE_TITLES)
        ]
        gone = make_firm("Silinmiş A.Ş.", 100000099, deleted_at=dt.datetime(2026, 1, 1))
        s.add_all([*firms, gone])
        s.flush()
        firms[0].exports.append(m.FirmExport(year=2024, usd=1_500_000))
        firms[1].exports.append(m.FirmExport(year=2024, usd=2_250_000))
        s.add(m.Evaluation(firm_id=firms[0].id, evaluated_on=TODAY, kind="desk"))
        team = [m.Staff(name="Ayşe Yılmaz", kind="kto"), m.Staff(name="Ömer Çelik", kind="uzman")]
        s.add_all(team)

        def visit(firm, days, status):
            start = dt.datetime.combine(TODAY + dt.timedelta(days=days), dt.time(10, 0))
            return m.Visit(
                firm=firm,
                starts_at=start,
                ends_at=start + dt.timedelta(hours=2),
                status=status,
                staff=list(team),
            )

        s.add_all(
            [
                visit(firms[0], -10, "done"),
                visit(firms[1], -3, "planned"),
                visit(firms[2], 2, "planned"),
                visit(firms[3], 5, "postponed"),
            ]
        )
        kto = m.Institution(name="Kayseri Ticaret Odası", short_name="KTO", kind="oda")
        erciyes = m.Institution(name="Erciyes Üniversitesi", short_name="ERÜ", kind="universite")
        s.add_all([kto, erciyes])
        s.flush()
        running = m.Project(
            code="P-01",
            title="Dijital İhracat Akademisi",
            theme="dijital",
            roadmap_year=1,
            lead_institution_id=kto.id,
            status="running",
            start_date=dt.date(2026, 1, 1),
            end_date=dt.date(2026, 10, 31),
            progress=45,
        )
        done = m.Project(
            code="P-02",
            title="Yeşil Dönüşüm Rehberi",
            theme="yesil",
            roadmap_year=1,
            lead_institution_id=erciyes.id,
            status="done",
            progress=100,
        )
        s.add_all([running, done])
        meeting = m.Meeting(held_on=dt.date(2026, 9, 15), place="KTO Meclis Salonu")
        meeting.decisions = [
            m.Decision(text="Rapor hazırlansın", due_date=dt.date(2026, 10, 1)),
            m.Decision(text="Fuar takvimi", due_date=dt.date(2027, 2, 1)),
            m.Decision(text="Anket", status="done", closed_on=dt.date(2026, 10, 1)),
        ]
        s.add(meeting)
    return {"firms": len(firms)}


@pytest.fixture
def demo_ctx(ctx):
    """The context filled by the demo generator (300 firms, TODAY), copied from a template."""
    return ctx


@pytest.fixture
def sample_ctx(ctx):
    """The context with add_sample_rows(): small, exactly known figures."""
    add_sample_rows(ctx.db)
    return ctx


@dataclass
class MessageLog:
    shown: list[tuple[QMessageBox.Icon, str, str]] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [text for _, _, text in self.shown]


@pytest.fixture
def message_boxes(monkeypatch) -> MessageLog:
    """Record message boxes instead of showing them (app code stays untouched)."""
    log = MessageLog()

    def fake_exec(box: QMessageBox) -> int:
        log.shown.append((box.icon(), box.windowTitle(), box.text()))
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return log
