"""PostgreSQL for several staff: concurrent edits and live changes between two copies."""

from __future__ import annotations

import threading
import time

import pytest
from concurrent_edits import one_trial
from conftest import make_firm
from pg_support import fresh_url, requires_pg
from sqlalchemy import insert

from kayseri_desktop.data import models as m
from kayseri_desktop.services import pg_notify
from kayseri_desktop.services.concurrency import ConcurrentEditError, apply_edit
from kayseri_desktop.services.context import open_context

pytestmark = requires_pg


@pytest.fixture
def pg_url(monkeypatch):
    return fresh_url(monkeypatch)


class Inbox:
    def __init__(self, bus) -> None:
        self.changes = []
        self.arrived = threading.Event()
        bus.subscribe(self._got)

    def _got(self, change) -> None:
        if change.origin == "external":
            self.changes.append(change)
            self.arrived.set()

    def wait_for(self, predicate, timeout: float = 5.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = [c for c in list(self.changes) if predicate(c)]
            if found:
                return found
            self.arrived.wait(0.05)
            self.arrived.clear()
        raise AssertionError(f"nothing arrived; got {self.changes}")


@pytest.fixture
def office(pg_url):
    a = open_context(pg_url, listen=True)
    b = open_context(pg_url, listen=True)
    assert a.live.listener.connected.wait(5) and b.live.listener.connected.wait(5)
    yield a, b
    a.close()
    b.close()


def test_concurrent_edits_are_refused_never_lost(office):
    a, b = office
    with a.db.write() as s:
        firm = make_firm("Ortak Firma", 100000321, employees=1)
        s.add(firm)
    total_lost = refusals = 0
    for n in range(15):
        lost, refused = one_trial(a.db, b.db, firm.id, n)
        total_lost += lost
        refusals += refused
    assert total_lost == 0 and refusals >= 1


def test_concurrent_edit_of_visits_and_projects_too(office):
    a, b = office
    from conftest import add_sample_rows

    add_sample_rows(a.db)
    for cls, field, value in ((m.Project, "progress", 60), (m.Visit, "purpose", "Fuar")):
        with b.db.read() as s:
            obj = s.query(cls).first()
            ident, version = obj.id, obj.version
        apply_edit(a.db, cls, ident, version, {field: value})
        with pytest.raises(ConcurrentEditError, match="başka bir kullanıcı"):
            apply_edit(b.db, cls, ident, version, {field: value})


def test_a_change_reaches_the_other_copy_with_its_ids(office):
    a, b = office
    inbox_b, inbox_a = Inbox(b.bus), Inbox(a.bus)
    with a.db.write() as s:
        firm = make_firm("Canlı Firma", 100000555)
        s.add(firm)
    got = inbox_b.wait_for(lambda c: c.entity == "firm" and firm.id in c.ids)
    assert got[0].action == "create"
    time.sleep(0.3)
    assert inbox_a.changes == []  # a copy does not hear its own changes back


def test_bulk_publish_and_huge_payload_reach_the_other_copy(office):
    a, b = office
    inbox = Inbox(b.bus)
    rows = [make_firm(f"Toplu {i}", 100100000 + i) for i in range(3000)]
    with a.bus.batch(), a.db.write() as s:
        s.execute(
            insert(m.Firm.__table__),
            [
                {
                    "title": f.title,
                    "tax_no": f.tax_no,
                    "title_sort": f.title_sort,
                    "search_text": f.search_text,
                    "version": 1,
                }
                for f in rows
            ],
        )
        a.bus.publish("firm", range(1, 3001), "create")
    got = inbox.wait_for(lambda c: c.entity == "firm")
    assert got[0].ids == frozenset()  # too many ids for one notice: "reload firms"


def test_after_a_reconnect_everything_is_refreshed(office):
    a, b = office
    inbox = Inbox(b.bus)
    listener = b.live.listener
    listener.drop_connection()
    deadline = time.monotonic() + 10
    while listener.reconnects < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert listener.reconnects == 1
    entities = {c.entity for c in inbox.wait_for(lambda c: c.ids == frozenset())}
    assert {"firm", "visit", "project", "meeting"} <= entities
    with a.db.write() as s:
        s.add(make_firm("Yeniden Bağlandı", 100000556))
    inbox.wait_for(lambda c: c.entity == "firm" and c.ids)


def test_payload_and_conninfo():
    from kayseri_desktop.services.bus import Change

    text = pg_notify.payload("x", Change("visit", frozenset({3, 1})))
    assert text == '{"s":"x","e":"visit","i":[1,3],"a":"update"}'
    assert pg_notify.conninfo("postgresql+psycopg://u:p@h:5/db") == "postgresql://u:p@h:5/db"


def test_another_users_change_reaches_the_open_window(qtbot, pg_url):
    """Two desks on one server: a firm saved at desk A appears in desk B's firms table."""
    from kayseri_desktop.gui.main_window import MainWindow

    desk_a = open_context(pg_url)
    desk_b = open_context(pg_url, listen=True)
    try:
        assert desk_b.live.listener.connected.wait(5)
        window = MainWindow(desk_b)
        qtbot.addWidget(window)
        assert window.firms_tab.model.rowCount() == 0
        with desk_a.db.write() as s:
            s.add(make_firm("Masa A'dan Gelen", 100000557))
        # the figure (milliseconds) comes from benchmarks/bench_safety.py; this is the path
        qtbot.waitUntil(lambda: window.firms_tab.model.rowCount() == 1, timeout=5000)
        window.close()
    finally:
        desk_a.close()
        desk_b.close()


def test_dosya_menu_connects_the_window_to_the_server(qtbot, pg_url, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QInputDialog

    from kayseri_desktop.gui.main_window import DATABASE_KEY, MainWindow

    local = open_context(tmp_path / "yerel.sqlite", take_lock=True)
    window = MainWindow(local)
    qtbot.addWidget(window)
    try:
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (pg_url, True))
        assert window.safety.connect_server()
        assert window.ctx.db.backend == "postgresql" and window.ctx.live.listener is not None
        assert QSettings().value(DATABASE_KEY) == pg_url
        assert not window.safety.backup_action.isEnabled()  # pg_dump's job on a server
        assert local.lock is None  # the file is free for others again
        window.close()
    finally:
        local.close()
