"""Opening the application's database: the one path used by the GUI and the CLI."""

from __future__ import annotations

import getpass
import os
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kayseri_desktop.data import migrations, planner_stats
from kayseri_desktop.data.engine import Database, make_engine, resolve_url, sqlite_path
from kayseri_desktop.data.lock import LockFile
from kayseri_desktop.services.bus import ChangeBus
from kayseri_desktop.services.tracking import Tracker


def current_user() -> str:
    """Who is making changes, for the audit log: $KAYSERI_USER or the OS account@machine."""
    explicit = os.environ.get("KAYSERI_USER")
    if explicit:
        return explicit
    try:
        name = getpass.getuser()
    except Exception:  # pragma: no cover - no login name (service accounts)
        name = "bilinmeyen"
    return f"{name}@{socket.gethostname()}"


@dataclass
class AppContext:
    db: Database
    bus: ChangeBus = field(default_factory=ChangeBus)
    user: str = field(default_factory=current_user)
    backup_taken: Path | None = None
    lock: LockFile | None = None  # the one-writer lock beside an SQLite file, when taken
    live: Any = None  # services.pg_notify.LiveChanges on PostgreSQL

    def close(self) -> None:
        if self.live is not None:
            self.live.close()
            self.live = None
        self.db.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def open_context(
    target: str | os.PathLike[str] | None = None,
    *,
    configured: str | None = None,
    backup_dir: Path | None = None,
    readonly: bool = False,
    take_lock: bool = False,
    listen: bool = False,
) -> AppContext:
    """Resolve, migrate (with a verified backup first) and open the database.

    Raises migrations.SchemaError with a Turkish message when the database is from a
    newer app, is not ours, or a migration failed (in which case nothing changed).
    With take_lock (the window does it), a writable SQLite file is locked for this
    copy first (data/lock.py); lock.DatabaseLocked names who has it. On PostgreSQL
    local changes are sent to other copies (NOTIFY), and with listen (the window)
    theirs arrive on ctx.bus with origin "external" (services/pg_notify.py).
    """
    url = resolve_url(target, configured)
    backup = None
    lock = None
    path = sqlite_path(url)
    if take_lock and not readonly and path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = LockFile(path, current_user()).acquire()
    if readonly:
        probe = make_engine(url, readonly=True, pooled=False)
        try:
            current = migrations.check_known(probe)
        finally:
            probe.dispose()
        if current != migrations.head_revision():
            raise migrations.SchemaError(
                "Veritabanı güncel şemada değil; salt okunur açılamaz (önce yazılabilir açın)."
            )
    else:
        try:
            backup = migrations.upgrade(url, backup_dir=backup_dir)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
    engine = make_engine(url, readonly=readonly)
    if not readonly:
        planner_stats.refresh(engine)  # SQLite: planner statistics when missing or stale
    ctx = AppContext(Database(url, engine, readonly=readonly), backup_taken=backup, lock=lock)
    if not readonly:
        Tracker(ctx.db, ctx.bus, ctx.user)
    if ctx.db.backend == "postgresql":
        from kayseri_desktop.services.pg_notify import LiveChanges

        ctx.live = LiveChanges(ctx.db, ctx.bus, listen=listen)
    return ctx
