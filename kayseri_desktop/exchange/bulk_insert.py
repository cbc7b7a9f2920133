"""Bulk INSERTs of plain rows, for imports of thousands of rows in one transaction.

- ``insert_rows``: one table's rows (tuples in column order) in the fewest statements;
  on SQLite straight to the driver, many rows to a statement.
- ``Inserts``: a series of ``insert_rows`` run in order. On SQLite they run on a second
  thread: SQLite lets go of Python's lock while it inserts a statement's rows, so its
  work overlaps with the caller preparing the next rows (a 10,000-firm import spends
  about as long in each). Other backends run them at once, in the caller's thread.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import queue
import sqlite3
import sys
import threading
from collections.abc import Sequence
from types import TracebackType

from sqlalchemy import Connection, Table, insert

# Bound values per statement: SQLITE_MAX_VARIABLE_NUMBER, 32766 since SQLite 3.32 and
# 999 before, so any build of it takes the multi-row statements below.
SQLITE_VARIABLES = 32766 if sqlite3.sqlite_version_info >= (3, 32) else 999
ROWS_PER_STATEMENT = 500
# While Inserts runs a thread: how soon Python hands its lock to the thread that asks
# (5 ms by default). The writer asks after every statement SQLite has finished; at the
# default it would wait most of the time for the caller's turn to end.
SWITCH_INTERVAL = 0.0005

Row = tuple[object, ...]  # one row's values, in its columns' order


def insert_rows(conn: Connection, table: Table, cols: tuple[str, ...], rows: Sequence[Row]) -> None:
    """INSERT ``rows`` (tuples in ``cols`` order) into ``table`` on an SQLAlchemy
    connection; on SQLite straight to the driver (no per-row compiling)."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), [dict(zip(cols, r, strict=True)) for r in rows])
        return
    # Columns NULL in every row (a list without addresses, say) are left out: SQLite
    # stores NULL for them all the same, and fewer values bound per row is faster.
    empty = {
        i for i, c in enumerate(cols)
        if table.c[c].server_default is None and all(r[i] is None for r in rows)
    }  # fmt: skip
    if empty and len(empty) < len(cols):
        keep = [i for i in range(len(cols)) if i not in empty]
        pick = operator.itemgetter(*keep)
        cols = tuple(cols[i] for i in keep)
        rows = [pick(r) for r in rows] if len(keep) > 1 else [(pick(r),) for r in rows]
    head = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES "
    one = "(" + ", ".join("?" for _ in cols) + ")"

    # The text form SQLAlchemy's SQLite DateTime/Date types store and read back; only
    # the columns that hold dates are converted (the others go through untouched).
    sample = rows[0]
    dated = [i for i in range(len(cols)) if isinstance(sample[i], dt.date)]
    params: Sequence[Row] = rows
    if dated:
        converted: list[Row] = []
        shown: dict[object, object] = {None: None}  # one conversion per distinct date
        for r in rows:
            values = list(r)
            for i in dated:
                value = values[i]
                text = shown.get(value, shown)
                if text is shown:
                    text = shown[value] = sql_date(value)
                values[i] = text
            converted.append(tuple(values))
        params = converted
    # Many rows per statement: each executemany step then inserts ROWS_PER_STATEMENT
    # rows instead of one, about a third less time than one row per step.
    per = max(1, min(ROWS_PER_STATEMENT, SQLITE_VARIABLES // len(cols)))
    full = len(params) - len(params) % per
    if full:
        chain = itertools.chain.from_iterable
        conn.exec_driver_sql(
            head + ", ".join([one] * per),
            [tuple(chain(params[i : i + per])) for i in range(0, full, per)],
        )
    if full < len(params):
        conn.exec_driver_sql(head + one, params[full:])


def sql_date(value: object) -> object:
    """A date or datetime as the text SQLAlchemy's SQLite types store; others unchanged."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


_Job = tuple[Table, tuple[str, ...], Sequence[Row]]  # insert_rows' arguments


class Inserts:
    """``with Inserts(conn) as inserts: inserts.put(table, cols, rows) ...``

    The rows go in in the order put. An error in any of them is raised by the next
    ``put`` or on leaving the block, and the rest are not run; the caller's transaction
    then rolls back as usual. Use the connection for nothing else inside the block.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        # A database file: SQLAlchemy then lets its connection be used from any thread
        # (an in-memory database's connection stays with the thread that made it).
        database = conn.engine.url.database
        self.threaded = conn.dialect.name == "sqlite" and database not in (None, "", ":memory:")
        self._error: BaseException | None = None

    def __enter__(self) -> Inserts:
        if self.threaded:
            self._queue: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
            self._interval = sys.getswitchinterval()
            sys.setswitchinterval(SWITCH_INTERVAL)
            self._thread = threading.Thread(target=self._run, name="bulk-insert", daemon=True)
            self._thread.start()
        return self

    def put(self, table: Table, cols: tuple[str, ...], rows: Sequence[Row]) -> None:
        if not self.threaded:
            insert_rows(self.conn, table, cols, rows)
            return
        if self._error is not None:
            raise self._error
        self._queue.put((table, cols, rows))

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._error is None:  # after an error the rest is only drained
                try:
                    insert_rows(self.conn, *item)
                except BaseException as exc:  # handed to the caller's thread
                    self._error = exc

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self.threaded:
            return
        self._queue.put(None)
        self._thread.join()
        sys.setswitchinterval(self._interval)
        if self._error is not None and exc is None:
            raise self._error
