"""Optimistic versioning on SQLite: the second save is refused with a Turkish message."""

from __future__ import annotations

import pytest
from concurrent_edits import one_trial
from conftest import make_firm
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from kayseri_desktop.data import models as m
from kayseri_desktop.services.concurrency import (
    ConcurrentEditError,
    apply_edit,
    guarded_write,
    reapply,
)
from kayseri_desktop.services.context import open_context


@pytest.fixture
def two_clients(tmp_path):
    path = tmp_path / "ortak.sqlite"
    a = open_context(path)
    b = open_context(path)
    with a.db.write() as s:
        firm = make_firm("Ortak Firma A.Ş.", 100000321, employees=10)
        s.add(firm)
    yield a, b, firm.id
    a.close()
    b.close()


def test_second_save_is_refused_then_reapplied(two_clients):
    a, b, ident = two_clients
    with b.db.read() as s:
        seen_by_b = s.get(m.Firm, ident).version
    apply_edit(a.db, m.Firm, ident, seen_by_b, {"employees": 55})
    with pytest.raises(ConcurrentEditError) as caught:
        apply_edit(b.db, m.Firm, ident, seen_by_b, {"employees": 70, "phone": "0352 111"})
    err = caught.value
    assert "başka bir kullanıcı tarafından değiştirildi" in str(err)
    assert err.theirs == {"employees": 55, "phone": None}
    with a.db.read() as s:
        assert s.get(m.Firm, ident).employees == 55  # nothing of b's save was written
    reapply(b.db, m.Firm, ident, {"employees": 70, "phone": "0352 111"})
    with a.db.read() as s:
        firm = s.get(m.Firm, ident)
        assert (firm.employees, firm.phone) == (70, "0352 111")


def test_stale_orm_update_becomes_a_clear_error(two_clients):
    a, b, ident = two_clients
    with pytest.raises(ConcurrentEditError, match="firma kaydı"), guarded_write(b.db) as s:
        firm = s.get(m.Firm, ident)
        # the row moves on behind the ORM's back (on PostgreSQL: another user's commit)
        s.execute(text("UPDATE firms SET version = version + 1, employees = 99"))
        firm.employees = 1
        s.flush()
    with a.db.read() as s:
        assert s.get(m.Firm, ident).employees == 10  # the whole transaction rolled back


def test_edit_of_a_purged_record_says_deleted(two_clients):
    a, b, ident = two_clients
    with a.db.write() as s:
        s.delete(s.get(m.Firm, ident))
    with pytest.raises(ConcurrentEditError, match="silindi"):
        apply_edit(b.db, m.Firm, ident, 1, {"employees": 3})


def test_simultaneous_saves_lose_nothing(two_clients):
    a, b, ident = two_clients
    total_lost = refusals = 0
    for n in range(10):
        try:
            lost, refused = one_trial(a.db, b.db, ident, n)
        except SQLAlchemyError as exc:  # pragma: no cover - would be a real failure
            pytest.fail(f"save failed outright: {exc}")
        total_lost += lost
        refusals += refused
    assert total_lost == 0
    assert refusals >= 1  # the race was real at least once
