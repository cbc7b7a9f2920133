"""exchange/bulk_insert: many rows to a statement, on a second thread on SQLite, all or nothing."""

from __future__ import annotations

import datetime as dt
import sys
import threading

import pytest
from conftest import make_firm
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from kayseri_desktop.data import models as m
from kayseri_desktop.exchange import bulk_insert
from kayseri_desktop.exchange.bulk_insert import Inserts

NOW = dt.datetime(2026, 11, 25, 10, 30)
FIRM_COLS = ("id", "title", "tax_no", "title_sort", "search_text", "version", "created_at",
             "updated_at")  # fmt: skip


def firm_rows(first: int, count: int) -> list[tuple]:
    rows = []
    for fid in range(first, first + count):
        firm = make_firm(f"Firma {fid}", 700_000 + fid)
        rows.append((fid, firm.title, firm.tax_no, firm.title_sort, firm.search_text, 1, NOW, NOW))
    return rows


def counts(db) -> tuple[int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(m.Firm)),
            s.scalar(select(func.count()).select_from(m.FirmMarket)),
        )


def test_rows_go_in_in_order_on_a_second_thread(ctx, monkeypatch):
    where = []
    real = bulk_insert.insert_rows

    def spy(conn, table, cols, rows):
        where.append((threading.current_thread().name, table.name, len(rows)))
        real(conn, table, cols, rows)

    monkeypatch.setattr(bulk_insert, "insert_rows", spy)
    interval = sys.getswitchinterval()
    with ctx.db.write() as s, Inserts(s.connection()) as inserts:
        inserts.put(m.Firm.__table__, FIRM_COLS, firm_rows(1, 1200))
        inserts.put(m.FirmMarket.__table__, ("firm_id", "country"), [(1, "DE"), (1200, "IQ")])
        assert sys.getswitchinterval() == bulk_insert.SWITCH_INTERVAL
    assert sys.getswitchinterval() == interval
    assert where == [("bulk-insert", "firms", 1200), ("bulk-insert", "firm_markets", 2)]
    assert counts(ctx.db) == (1200, 2)
    with ctx.db.read() as s:  # datetimes stored as SQLAlchemy reads them back
        assert s.get(m.Firm, 1200).created_at == NOW


def test_an_error_on_the_writer_thread_rolls_everything_back(ctx):
    interval = sys.getswitchinterval()
    with pytest.raises(IntegrityError), ctx.db.write() as s, Inserts(s.connection()) as inserts:
        inserts.put(m.Firm.__table__, FIRM_COLS, firm_rows(1, 600))
        inserts.put(m.FirmMarket.__table__, ("firm_id", "country"), [(1, "DE"), (1, "DE")])
        inserts.put(m.FirmMarket.__table__, ("firm_id", "country"), [(2, "FR")])
    assert counts(ctx.db) == (0, 0)
    assert sys.getswitchinterval() == interval
    assert not any(t.name == "bulk-insert" for t in threading.enumerate())


def test_an_error_in_the_caller_stops_the_writer_and_rolls_back(ctx):
    with pytest.raises(RuntimeError), ctx.db.write() as s, Inserts(s.connection()) as inserts:
        inserts.put(m.Firm.__table__, FIRM_COLS, firm_rows(1, 600))
        raise RuntimeError("the caller failed while making the next rows")
    assert counts(ctx.db) == (0, 0)
    assert not any(t.name == "bulk-insert" for t in threading.enumerate())


def test_an_in_memory_database_gets_its_rows_in_the_callers_thread():
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://")
    m.Base.metadata.create_all(engine)
    with engine.begin() as conn, Inserts(conn) as inserts:  # a thread would be refused there
        inserts.put(m.Firm.__table__, FIRM_COLS, firm_rows(1, 3))
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(m.Firm)) == 3
    engine.dispose()
