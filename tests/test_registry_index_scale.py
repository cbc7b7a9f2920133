"""The registry index at scale: compact columns, ready orders, set-based on PostgreSQL.

- every column's descending order is what a stable descending sort gives (ties in
  title order, empty values last), though it is derived from the ascending one;
- repeated values (catalogue codes, market lists, scores) are one object per value,
  not one per firm;
- on PostgreSQL the full index comes from grouped aggregates joined to the firms and
  holds exactly what the per-firm (index seek) query gives; the demo generator and a
  large import leave the planner's statistics gathered (ANALYZE) behind them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from pg_support import fresh_url
from sqlalchemy import text

from kayseri_desktop.services import demo
from kayseri_desktop.services.context import open_context
from kayseri_desktop.services.firm_index import COLUMN_KEYS, FirmIndex, _seek_statement

TODAY = dt.date(2026, 11, 25)


def stable_descending(index: FirmIndex, key: str) -> list[int]:
    values = index._sort_values(key)
    present = [i for i in range(len(index)) if values[i] is not None]
    missing = [i for i in range(len(index)) if values[i] is None]
    return sorted(present, key=values.__getitem__, reverse=True) + missing


def test_every_order_both_ways_matches_a_stable_sort(demo_ctx):
    index = FirmIndex.load(demo_ctx.db, export_year=2025)
    index.prepare_orders()
    for key in COLUMN_KEYS:
        if key == "title":
            continue
        values = index._sort_values(key)
        ascending = index.order(key)
        present = [i for i in range(len(index)) if values[i] is not None]
        missing = [i for i in range(len(index)) if values[i] is None]
        assert ascending == sorted(present, key=values.__getitem__) + missing, key
        assert index.order(key, descending=True) == stable_descending(index, key), key
    assert index.order("title", descending=True) == list(range(len(index)))[::-1]


def test_repeated_values_are_shared_not_copied_per_firm(demo_ctx):
    index = FirmIndex.load(demo_ctx.db, export_year=2025)
    assert len(index) == 300
    for column in ("sector", "district", "size", "markets", "score"):
        values = getattr(index, column)
        distinct = {v for v in values if v is not None}
        objects = {id(v) for v in values if v is not None}
        assert len(objects) == len(distinct), column


def index_columns(index: FirmIndex) -> dict[str, list]:
    names = ("ids", "title", "tax_no", "sector", "district", "osb", "size", "employees")
    names += ("exports", "score", "visit", "visited")
    out = {name: list(getattr(index, name)) for name in names}
    out["keys"] = [sorted(k.split()) for k in index.keys]  # tags come in any order
    out["markets"] = [sorted(m.split("\x1f")) for m in index.markets]
    out["tags"] = [sorted(t.split("\x1f")) for t in index.tags]
    out["score"] = [None if s is None else round(s, 9) for s in index.score]
    return out


@pytest.fixture
def pg_demo(monkeypatch):
    ctx = open_context(fresh_url(monkeypatch))
    try:
        demo.generate(ctx.db, firms=400, today=TODAY)
        yield ctx
    finally:
        ctx.close()


def test_postgresql_full_index_is_set_based_and_matches_per_firm_lookups(pg_demo):
    db = pg_demo.db
    index = FirmIndex.load(db, export_year=2025)
    statements: list[str] = []
    from sqlalchemy import event

    def record(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        FirmIndex.load(db, export_year=2025)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    (query,) = [q for q in statements if "firms.search_text" in q]
    assert "GROUP BY" in query and "LIMIT" not in query  # grouped, not per firm
    assert "WHERE evaluations.firm_id = firms.id" not in query  # nothing correlated
    with db.read() as s:
        rows = s.connection().execute(_seek_statement(2025, None)).all()
    expected = FirmIndex(2025)
    expected._fill(sorted(rows, key=lambda r: (r[2], r[0])))
    assert len(index) == 400
    assert index_columns(index) == index_columns(expected)


def test_the_demo_on_postgresql_leaves_the_planner_statistics_gathered(pg_demo):
    with pg_demo.db.read() as s:
        analysed = s.execute(
            text(
                "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL "
                "AND relname IN ('firms', 'visits', 'evaluations', 'evaluation_scores')"
            )
        ).scalars()
        assert sorted(analysed) == ["evaluation_scores", "evaluations", "firms", "visits"]
