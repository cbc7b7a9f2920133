"""The Pano's theme averages stay right after edits without counting every firm again.

After the first count, a firm moved to another sector, deleted or restored moves its
latest scores between the sums (read for that firm alone, from the audit log's
entries); anything else (an evaluation changed, a purge, another program writing)
counts afresh. Each test compares with a fresh count of the same database.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import event, select

from kayseri_desktop.data import models as m
from kayseri_desktop.services import dashboard_stats as stats


def same(a: stats.ThemeTotals, b: stats.ThemeTotals) -> bool:
    return a.cells.keys() == b.cells.keys() and all(
        a.cells[k][1] == b.cells[k][1] and a.cells[k][0] == pytest.approx(b.cells[k][0])
        for k in a.cells
    )


class Statements:
    """The SQL statements a block runs on this database."""

    def __init__(self, db) -> None:
        self.sql: list[str] = []
        self._engine = db.engine

    def _record(self, _conn, _cursor, statement, *_args) -> None:
        self.sql.append(statement)

    def __enter__(self) -> Statements:
        event.listen(self._engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *_exc) -> None:
        event.remove(self._engine, "before_cursor_execute", self._record)

    @property
    def full_counts(self) -> int:
        """Statements grouping every live firm's scores by sector and theme."""
        return sum("GROUP BY firms.sector, evaluation_scores.theme" in q for q in self.sql)


def evaluated_firms(db, sector: str, n: int) -> list[int]:
    with db.read() as s:
        return list(
            s.scalars(
                select(m.Firm.id)
                .join(m.Evaluation, m.Evaluation.firm_id == m.Firm.id)
                .where(m.Firm.sector == sector, m.Firm.deleted_at.is_(None))
                .distinct()
                .limit(n)
            )
        )


def test_sector_moves_deletes_and_restores_follow_without_a_fresh_count(demo_ctx):
    db = demo_ctx.db
    first = stats.current_theme_totals(db)
    assert same(first, stats.theme_totals(db))
    a, b, c = evaluated_firms(db, "metal", 3)
    with db.write() as s:
        s.get(m.Firm, a).sector = "savunma"
        s.get(m.Firm, b).deleted_at = dt.datetime(2026, 11, 25, 10)
        s.get(m.Firm, c).title = "Yeni Ad Metal A.Ş."  # no theme moves
    with Statements(db) as seen:
        moved = stats.current_theme_totals(db)
    assert seen.full_counts == 0
    assert not same(moved, first)
    assert same(moved, stats.theme_totals(db))
    assert moved.scores("metal") != first.scores("metal")

    with db.write() as s:
        s.get(m.Firm, b).deleted_at = None  # restored
        s.get(m.Firm, a).sector = "metal"  # and back
    with Statements(db) as seen:
        back = stats.current_theme_totals(db)
    assert seen.full_counts == 0
    assert same(back, first)


def test_an_evaluation_or_a_purge_counts_afresh(demo_ctx):
    db = demo_ctx.db
    stats.current_theme_totals(db)
    (firm,) = evaluated_firms(db, "gida", 1)
    with db.write() as s:
        evaluation = m.Evaluation(firm_id=firm, evaluated_on=dt.date(2026, 11, 26))
        s.add(evaluation)
        s.flush()
        for theme in ("dijital", "yesil"):
            s.add(m.EvaluationScore(evaluation_id=evaluation.id, theme=theme, score=5))
    with Statements(db) as seen:
        after = stats.current_theme_totals(db)
    assert seen.full_counts == 1
    assert same(after, stats.theme_totals(db))


def test_evaluations_written_by_another_program_are_noticed(demo_ctx):
    db = demo_ctx.db
    before = stats.current_theme_totals(db)
    (firm,) = evaluated_firms(db, "mobilya", 1)
    with sqlite3.connect(db.path) as conn:  # no audit entry, no bus
        conn.execute(
            "DELETE FROM evaluation_scores WHERE evaluation_id IN "
            "(SELECT id FROM evaluations WHERE firm_id = ?)",
            (firm,),
        )
        conn.execute("DELETE FROM evaluations WHERE firm_id = ?", (firm,))
    after = stats.current_theme_totals(db)
    assert same(after, stats.theme_totals(db))
    assert not same(after, before)
