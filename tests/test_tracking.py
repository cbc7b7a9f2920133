import datetime as dt

import pytest
from sqlalchemy import select

from kayseri_desktop.core.taxid import vkn_with_check_digit
from kayseri_desktop.data.models import AuditEntry, Firm, FirmMarket
from kayseri_desktop.services.context import open_context


@pytest.fixture
def ctx(tmp_path, monkeypatch):
    monkeypatch.setenv("KAYSERI_USER", "ayse@masa-1")
    c = open_context(tmp_path / "a.sqlite")
    yield c
    c.close()


def _audit(ctx):
    with ctx.db.read() as s:
        return [
            (a.user, a.entity, a.action, a.field, a.old_value, a.new_value)
            for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]


def test_every_write_is_audited_with_user_field_old_and_new(ctx):
    with ctx.db.write() as s:
        firm = Firm(title="ACAR MOBİLYA", tax_no=vkn_with_check_digit("100000001"), employees=12)
        s.add(firm)
    with ctx.db.write() as s:
        f = s.get(Firm, firm.id)
        f.employees = 60
        f.search_text = "ignored"
        f.markets.append(FirmMarket(country="DE"))
    with ctx.db.write() as s:
        s.get(Firm, firm.id).deleted_at = dt.datetime(2026, 11, 25, 10, 0)
    with ctx.db.write() as s:
        s.get(Firm, firm.id).deleted_at = None
    assert _audit(ctx) == [
        ("ayse@masa-1", "firm", "create", None, None, None),
        ("ayse@masa-1", "firm", "update", "employees", "12", "60"),
        ("ayse@masa-1", "firm", "update", "firm_markets", None, "DE"),
        ("ayse@masa-1", "firm", "delete", None, None, None),
        ("ayse@masa-1", "firm", "restore", None, None, None),
    ]


def test_changes_are_announced_once_per_commit_and_never_on_rollback(ctx):
    got = []
    ctx.bus.subscribe(got.append)
    with ctx.db.write() as s:
        for i in range(5):
            s.add(Firm(title=f"F{i}", tax_no=vkn_with_check_digit(f"20000000{i}")))
        s.flush()
        assert got == []
    assert [(c.entity, len(c.ids), c.action) for c in got] == [("firm", 5, "create")]
    got.clear()
    with pytest.raises(RuntimeError), ctx.db.write() as s:
        s.add(Firm(title="X", tax_no=vkn_with_check_digit("300000000")))
        s.flush()
        raise RuntimeError("user cancelled")
    assert got == []
    assert len([a for a in _audit(ctx) if a[2] == "create"]) == 5


def test_rows_without_an_integer_id_are_audited_and_announced(ctx):
    from kayseri_desktop.data.models import Setting

    got = []
    ctx.bus.subscribe(got.append)
    with ctx.db.write() as s:
        s.add(Setting(key="field_study_end", value="2026-12-31"))
    assert [(c.entity, c.ids) for c in got] == [("setting", frozenset())]
    assert _audit(ctx)[-1][1:4] == ("setting", "create", "field_study_end")
