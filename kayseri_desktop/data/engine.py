"""Engines and sessions: SQLite by default, any SQLAlchemy URL accepted.

SQLite connections get WAL, synchronous=FULL, foreign keys, a busy timeout, and
Python's sqlite3 implicit transactions switched off so that SQLAlchemy emits the
BEGIN itself: ``BEGIN IMMEDIATE`` for sessions that write (so a writer waits for
the lock up front instead of failing half-way), ``BEGIN`` for read sessions. DDL
runs inside those transactions too, which is what makes migrations atomic.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from platformdirs import user_data_dir
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry, NullPool

from kayseri_desktop import APP_AUTHOR, APP_NAME

ENV_DB = "KAYSERI_DB"
DEFAULT_FILENAME = "kayseri.sqlite"
BUSY_TIMEOUT_MS = 10_000


def default_db_path() -> Path:
    return Path(user_data_dir(APP_NAME, APP_AUTHOR, roaming=False)) / DEFAULT_FILENAME


def sqlite_url(path: str | os.PathLike[str]) -> str:
    """The SQLAlchemy URL of an SQLite file, its path escaped.

    A path pasted after ``sqlite:///`` is parsed as a URL: ``#`` cuts it, ``?`` starts a
    query, ``%41`` becomes ``A``. URL.create() escapes them, and make_url() gives back
    exactly the same path (sqlite_path(sqlite_url(p)) == p).
    """
    return URL.create("sqlite", database=os.fspath(path)).render_as_string(hide_password=False)


def sqlite_uri(path: str | os.PathLike[str], mode: str | None = "ro") -> str:
    """An SQLite ``file:`` URI for sqlite3.connect(..., uri=True), its path escaped.

    Every byte that means something in a URI (``# ? % & = ;``, quotes, spaces, brackets,
    letters beyond ASCII) is percent-encoded, so the URI names this file and no other.
    A Windows drive path gets the leading slash SQLite expects (file:///C:/...).
    Read-only (mode "ro") in a place where nothing can be written, the file is opened
    immutable: SQLite could not make the -shm a WAL database needs, and nobody can
    change the file there.
    """
    posix = Path(os.path.abspath(os.fspath(path))).as_posix()
    if not posix.startswith("/"):
        posix = "/" + posix
    uri = "file://" + quote(posix, safe="/:")
    if not mode:
        return uri
    if mode == "ro" and read_only_place(path):
        return f"{uri}?mode=ro&immutable=1"
    return f"{uri}?mode={mode}"


def read_only_place(path: str | os.PathLike[str]) -> bool:
    """Whether path (a file or a folder) lives where nothing can be written.

    A read-only file system (a locked USB stick, a CD, a read-only mount), a folder
    without write permission, or a file without it.
    """
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    statvfs = getattr(os, "statvfs", None)
    if statvfs is not None:
        try:
            if statvfs(folder).f_flag & os.ST_RDONLY:
                return True
        except OSError:
            pass
    if not os.access(folder, os.W_OK):
        return True
    return path.is_file() and not os.access(path, os.W_OK)


def resolve_url(target: str | os.PathLike[str] | None = None, configured: str | None = None) -> str:
    """The database to open: explicit argument, then $KAYSERI_DB, then settings, then default.

    A value containing ``://`` is a SQLAlchemy URL (``postgresql+psycopg://...``);
    anything else is a path to an SQLite file.
    """
    for candidate in (target, os.environ.get(ENV_DB), configured):
        if candidate:
            text = os.fspath(candidate)
            if "://" in text:
                return text
            return sqlite_url(Path(text).expanduser().resolve())
    return sqlite_url(default_db_path())


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL; None for other backends and in-memory databases."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def make_engine(url: str, *, readonly: bool = False, pooled: bool = True) -> Engine:
    u = make_url(url)
    if u.get_backend_name() != "sqlite":
        return create_engine(u, pool_pre_ping=True, **({} if pooled else {"poolclass": NullPool}))
    path = sqlite_path(url)
    if path is not None and not readonly:
        path.parent.mkdir(parents=True, exist_ok=True)
    kwargs: dict[str, Any] = {"connect_args": {"timeout": BUSY_TIMEOUT_MS / 1000}}
    if not pooled:
        kwargs["poolclass"] = NullPool
    if readonly and path is not None and read_only_place(path):
        # Where nothing can be written SQLite cannot make the -shm a WAL database
        # needs; opened immutable (nobody can change it there) it reads as it is.
        query = {"uri": "true", "mode": "ro", "immutable": "1"}
        u = URL.create("sqlite", database=sqlite_uri(path, None), query=query)
    engine = create_engine(u, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy's "begin" event below takes over
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        if path is not None and not readonly:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        if readonly:
            cur.execute("PRAGMA query_only=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get(
            "sqlite_begin", "DEFERRED" if readonly else "IMMEDIATE"
        )
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


class Database:
    """An open, migrated database: its URL, engine and session factories."""

    def __init__(self, url: str, engine: Engine, *, readonly: bool = False) -> None:
        self.url = url
        self.engine = engine
        self.readonly = readonly
        self._writer = sessionmaker(engine, expire_on_commit=False)
        reader_engine = engine.execution_options(sqlite_begin="DEFERRED")
        self._reader = sessionmaker(reader_engine, expire_on_commit=False)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def display_name(self) -> str:
        """What the status bar shows: the file path, or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE on SQLite): commit on success, else roll back."""
        if self.readonly:
            raise PermissionError("Veritabanı salt okunur açıldı; değişiklik kaydedilemez.")
        with self._writer.begin() as session:
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work that never takes the write lock."""
        with self._reader() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
