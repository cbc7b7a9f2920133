"""Opening the application's database: the one path used by the GUI and the CLI."""

from __future__ import annotations

import getpass
import os
import socket
from dataclasses import dataclass, field
from pathlib import Path

from kayseri_desktop.data import migrations
from kayseri_desktop.data.engine import Database, make_engine, resolve_url
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

    def close(self) -> None:
        self.db.dispose()


def open_context(
    target: str | os.PathLike | None = None,
    *,
    configured: str | None = None,
    backup_dir: Path | None = None,
    readonly: bool = False,
) -> AppContext:
    """Resolve, migrate (with a verified backup first) and open the database.

    Raises migrations.SchemaError with a Turkish message when the database is from a
    newer app, is not ours, or a migration failed (in which case nothing changed).
    """
    url = resolve_url(target, configured)
    backup = None
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
        backup = migrations.upgrade(url, backup_dir=backup_dir)
    engine = make_engine(url, readonly=readonly)
    ctx = AppContext(Database(url, engine, readonly=readonly), backup_taken=backup)
    if not readonly:
        Tracker(ctx.db, ctx.bus, ctx.user)
    return ctx
