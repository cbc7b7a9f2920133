"""Query-planner statistics for SQLite: gathered when missing or clearly out of date.

Without statistics (sqlite_stat1) SQLite guesses, and for the registry's first screen
on 100,000 firms it guessed a plan that reads about four times as many pages: about
500 ms with a cold disk cache instead of about 120 ms (benchmarks/bench_registry.py).
A full ANALYZE of that database takes well under a second, so it runs on opening
when there are no statistics yet (a new database, one filled by the demo generator
or a bulk import, one made by an older version) or when the number of firms has
halved or doubled since they were gathered (judged by the largest id, so opening
never counts the table).

PostgreSQL's autovacuum does this too, but only some time after a bulk write: until
then the planner takes a table filled a moment ago for nearly empty. after_bulk_write()
(the demo generator and the firm import call it once their transaction committed)
runs ANALYZE at once there.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine


def stale(conn: Connection) -> bool:
    """True when SQLite has no statistics, or the firms table has grown or shrunk by 2x
    since (max(id): a lookup at the end of the table's key, not a count of its rows)."""
    if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        row = conn.exec_driver_sql(
            "SELECT stat FROM sqlite_stat1 WHERE tbl = 'firms' LIMIT 1"
        ).first()
        firms = conn.exec_driver_sql("SELECT max(id) FROM firms").scalar() or 0
        if row is None:
            return firms > 0
        counted = int(str(row[0]).split()[0] or 0)
        return not (counted / 2 <= firms <= counted * 2)
    return True


def refresh(engine: Engine) -> bool:
    """ANALYZE a writable SQLite database whose statistics are stale; True if it ran.
    The check reads only; the write lock is taken when there is something to do."""
    if engine.dialect.name != "sqlite":
        return False
    with engine.connect().execution_options(sqlite_begin="DEFERRED") as conn, conn.begin():
        if not stale(conn):
            return False
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    return True


def after_bulk_write(engine: Engine) -> bool:
    """ANALYZE a PostgreSQL database after many rows were written; True if it ran.
    (SQLite's are gathered by refresh() when the file is next opened.) Failing to
    gather them only costs speed: it is never an error for the write before."""
    if engine.dialect.name != "postgresql":
        return False
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    except Exception:  # a lock or a read-only server: the statistics wait for autovacuum
        return False
    return True
