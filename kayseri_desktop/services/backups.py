"""Backups and restores of the SQLite store, for the window and the command line.

Every backup goes through data/backup.py backup_file() (SQLite backup API into a
temporary file, integrity_check, then rename), is named for its database and
reason, and is followed by a rotation (data/rotation.py) under the BackupPolicy
(folder and how many daily and weekly backups to keep; the window keeps them in
its settings, the command line takes them as options).

A restore verifies the chosen file, first backs up the database it replaces, then
copies the backup in with the SQLite backup API, which writes inside one
transaction of the destination: a crash half-way leaves the old database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kayseri_desktop.data import migrations
from kayseri_desktop.data.backup import (
    BackupError,
    backup_file,
    backup_name,
    default_backup_dir,
    integrity_ok,
)
from kayseri_desktop.data.engine import Database, make_engine
from kayseri_desktop.data.lock import LockFile
from kayseri_desktop.data.rotation import DEFAULT_KEEP_DAILY, DEFAULT_KEEP_WEEKLY, rotate
from kayseri_desktop.services.bus import Change, ChangeBus

REASON_START = "acilis"
REASON_CLOSE = "kapanis"
REASON_MANUAL = "elle"
REASON_BEFORE_RESTORE = "geri-yukleme-oncesi"


@dataclass(frozen=True)
class BackupPolicy:
    folder: Path | None = None  # None: "yedekler" beside the database
    keep_daily: int = DEFAULT_KEEP_DAILY
    keep_weekly: int = DEFAULT_KEEP_WEEKLY

    def folder_for(self, db_path: Path) -> Path:
        return self.folder or default_backup_dir(db_path)


def require_file(db: Database) -> Path:
    if db.path is None:
        raise BackupError(
            "Bu veritabanı bir PostgreSQL sunucusunda; yedeğini sunucu yöneticisi "
            "pg_dump ile alır (README: Ofis sunucusu)."
        )
    return db.path


def take_backup(
    db_path: Path,
    policy: BackupPolicy = BackupPolicy(),
    reason: str = REASON_MANUAL,
    *,
    protect: frozenset[Path] = frozenset(),
) -> Path:
    """A verified backup of db_path into the policy's folder, then rotation; returns it."""
    if not db_path.is_file():
        raise BackupError(f"Yedeklenecek veritabanı bulunamadı: {db_path}")
    folder = policy.folder_for(db_path)
    made = backup_file(db_path, folder / backup_name(db_path, reason))
    rotate(
        folder,
        db_path.stem,
        keep_daily=policy.keep_daily,
        keep_weekly=policy.keep_weekly,
        protect=protect,
    )
    return made


def backup_to(db_path: Path, out: Path) -> Path:
    """A verified backup of db_path to exactly `out` (the command line's --out)."""
    if not db_path.is_file():
        raise BackupError(f"Yedeklenecek veritabanı bulunamadı: {db_path}")
    if out.resolve() == db_path.resolve():
        raise BackupError("Yedek, veritabanının kendisinin üzerine yazılamaz.")
    return backup_file(db_path, out)


def startup_backup(db_path: Path, policy: BackupPolicy = BackupPolicy()) -> Path | None:
    """The backup taken when the app starts, before any migration; None for a new file."""
    if not db_path.is_file() or db_path.stat().st_size == 0:
        return None
    return take_backup(db_path, policy, REASON_START)


def verify_backup(source: Path) -> str | None:
    """Check that source is a sound database of this app; returns its schema revision."""
    if not source.is_file():
        raise BackupError(f"Yedek dosyası bulunamadı: {source}")
    ok, message = integrity_ok(source)
    if not ok:
        raise BackupError(
            f"{source.name} bütünlük denetiminden geçmedi ({message}); geri yüklenmedi."
        )
    probe = make_engine("sqlite:///" + str(source.resolve()), readonly=True, pooled=False)
    try:
        return migrations.check_known(probe)
    finally:
        probe.dispose()


def restore(
    db_path: Path,
    source: Path,
    policy: BackupPolicy = BackupPolicy(),
    *,
    user: str = "",
) -> Path | None:
    """Replace db_path's content with the backup `source`; returns the backup taken first.

    Raises BackupError (bad source), migrations.SchemaError (not ours, or too new) or
    lock.DatabaseLocked (someone has the database open for writing).
    """
    if source.resolve() == db_path.resolve():
        raise BackupError("Veritabanı kendi üzerine geri yüklenemez.")
    verify_backup(source)
    lock = LockFile(db_path, user or "kayseri") if db_path.exists() else None
    if lock is not None:
        lock.acquire()
    try:
        before = None
        if db_path.exists():
            before = take_backup(
                db_path, policy, REASON_BEFORE_RESTORE, protect=frozenset({source})
            )
        db_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            src = sqlite3.connect(f"file:{source.resolve()}?mode=ro", uri=True)
            try:
                dst = sqlite3.connect(db_path, timeout=10)
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.close()
        except sqlite3.Error as exc:
            raise BackupError(
                f"Geri yükleme yapılamadı ({exc}); veritabanı değişmedi"
                + (f", önceki hâlinin yedeği: {before}" if before else "")
                + "."
            ) from exc
        ok, message = integrity_ok(db_path)
        if not ok:  # pragma: no cover - the backup API writes verified pages atomically
            raise BackupError(f"Geri yüklenen veritabanı doğrulanamadı ({message}).")
        return before
    finally:
        if lock is not None:
            lock.release()


class ChangeWatch:
    """Remembers whether this session changed anything, for the backup on close."""

    def __init__(self, bus: ChangeBus) -> None:
        self.changed = False
        self._unsubscribe: Callable[[], None] | None = bus.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        if change.origin == "local":
            self.changed = True

    def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None


def backup_on_close(
    db: Database, watch: ChangeWatch, policy: BackupPolicy = BackupPolicy()
) -> Path | None:
    """The backup taken when the window closes, only if something changed."""
    watch.close()
    if not watch.changed or db.path is None or db.readonly:
        return None
    return take_backup(db.path, policy, REASON_CLOSE)
