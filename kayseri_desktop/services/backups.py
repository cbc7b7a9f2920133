"""Backups and restores of the SQLite store, for the window and the command line.

Every backup goes through data/backup.py backup_file() (SQLite backup API into a
temporary file, integrity_check, then rename), is named for its database and
reason, and is followed by a rotation (data/rotation.py) under the BackupPolicy
(folder and how many daily and weekly backups to keep; the window keeps them in
its settings, the command line takes them as options).

A restore accepts only a database of this app (verify_backup(): an SQLite file that
passes integrity_check, holds this app's tables and a schema revision this app
knows) and says what it holds and what it replaces (preview(): firm count and date
of the last change of each). It first backs up the database it replaces, then
copies the backup in with the SQLite backup API, which writes inside one
transaction of the destination: a crash half-way leaves the old database.
Anything else (a blank SQLite file, another program's database, a file that is not
SQLite) is refused with the reason, before anything is touched.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from kayseri_desktop.data import migrations
from kayseri_desktop.data.backup import (
    BackupError,
    backup_file,
    backup_name,
    default_backup_dir,
    explain,
    file_size,
    integrity_ok,
    is_damage,
    medium_problem,
)
from kayseri_desktop.data.engine import Database, make_engine, sqlite_uri, sqlite_url
from kayseri_desktop.data.lock import LockFile
from kayseri_desktop.data.recovery import SQLITE_HEADER, read_header
from kayseri_desktop.data.rotation import DEFAULT_KEEP_DAILY, DEFAULT_KEEP_WEEKLY, rotate
from kayseri_desktop.services.bus import Change, ChangeBus

REASON_START = "acilis"
REASON_CLOSE = "kapanis"
REASON_MANUAL = "elle"
REASON_BEFORE_RESTORE = "geri-yukleme-oncesi"

# Tables every revision of this app's schema has; a file without them is not ours.
OWN_TABLES = frozenset({"alembic_version", "firms", "audit_entries", "visits", "staff"})


@dataclass(frozen=True)
class Summary:
    """What a database file holds, for the person deciding on a restore."""

    path: Path
    firms: int
    last_change: dt.datetime | None
    revision: str | None

    def text(self) -> str:
        """Turkish: "1.234 firma, son değişiklik 03.12.2026 14:05"."""
        from kayseri_desktop.core.turkish import thousands

        if self.last_change is None:
            return f"{thousands(self.firms)} firma, değişiklik kaydı yok"
        return f"{thousands(self.firms)} firma, son değişiklik {self.last_change:%d.%m.%Y %H:%M}"


@dataclass(frozen=True)
class Preview:
    incoming: Summary
    current: Summary | None  # None: there is no database yet, or it cannot be read

    def text(self) -> str:
        lines = [f"Yedek ({self.incoming.path.name}): {self.incoming.text()}."]
        if self.current is not None:
            lines.append(
                f"Yerine konacak veritabanı ({self.current.path.name}): {self.current.text()}."
            )
        return "\n".join(lines)


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


def _parse_time(value: object) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def describe(path: Path) -> Summary:
    """Firm count (not deleted) and the date of the last change in a database of this app."""
    con = sqlite3.connect(sqlite_uri(path), uri=True)
    try:
        revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        firms = con.execute("SELECT count(*) FROM firms WHERE deleted_at IS NULL").fetchone()[0]
        times = [
            con.execute("SELECT max(at) FROM audit_entries").fetchone()[0],
            con.execute("SELECT max(updated_at) FROM firms").fetchone()[0],
        ]
    finally:
        con.close()
    stamps = [t for t in map(_parse_time, times) if t is not None]
    return Summary(path, firms, max(stamps) if stamps else None, revision and revision[0])


def verify_backup(source: Path) -> Summary:
    """Check that source is a sound database of this app; returns what it holds.

    BackupError (Turkish, naming the file and the reason) for anything else: a missing
    or unreadable file, a file that is not SQLite, a damaged one, a blank SQLite file,
    another program's database; migrations.SchemaError for one of a newer version.
    """
    name = source.name
    refused = "geri yüklenmedi"
    if not source.is_file():
        raise BackupError(f"Yedek dosyası bulunamadı: {source}")
    try:
        header = read_header(source)
    except OSError as exc:
        raise BackupError(f"{name} okunamadı; {refused}. {explain(exc, source)}") from exc
    if not header:
        raise BackupError(f"{name} boş bir dosya, veritabanı değil; {refused}.")
    if header != SQLITE_HEADER:
        raise BackupError(f"{name} bir SQLite veritabanı değil; {refused}.")
    try:
        ok, message = integrity_ok(source)
        if not ok:
            raise BackupError(f"{name} bütünlük denetiminden geçmedi ({message}); {refused}.")
        con = sqlite3.connect(sqlite_uri(source), uri=True)
        try:
            rows = con.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
            tables = {r[0] for r in rows}
        finally:
            con.close()
    except (sqlite3.Error, OSError) as exc:
        if isinstance(exc, sqlite3.Error) and is_damage(exc):
            raise BackupError(f"{name} hasarlı ({exc}); {refused}.") from exc
        raise BackupError(f"{name} okunamadı; {refused}. {explain(exc, source)}") from exc
    if not tables:
        raise BackupError(
            f"{name} boş bir SQLite dosyası; içinde bu uygulamanın verisi yok, {refused}."
        )
    if not tables >= OWN_TABLES:
        raise BackupError(
            f"{name} başka bir programın veritabanı (bu uygulamanın tabloları yok); {refused}."
        )
    probe = make_engine(sqlite_url(source.resolve()), readonly=True, pooled=False)
    try:
        revision = migrations.check_known(probe)
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        raise BackupError(f"{name} okunamadı ({reason}); {refused}.") from exc
    finally:
        probe.dispose()
    if revision is None:
        raise BackupError(
            f"{name} bu uygulamanın veritabanı değil (şema sürümü kayıtlı değil); {refused}."
        )
    try:
        return describe(source)
    except sqlite3.Error as exc:
        raise BackupError(f"{name} okunamadı ({exc}); {refused}.") from exc


def preview(db_path: Path, source: Path) -> Preview:
    """What a restore of source over db_path would bring and replace (source verified)."""
    incoming = verify_backup(source)
    current = None
    if db_path.is_file():
        try:
            current = describe(db_path)
        except sqlite3.Error:  # damaged or not ours: the restore still replaces it
            current = None
    return Preview(incoming, current)


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
    if db_path.is_dir():
        raise BackupError(f"{db_path} bir klasör; geri yükleme bir veritabanı dosyasına yapılır.")
    verify_backup(source)
    problem = medium_problem(db_path, file_size(source))
    if problem is not None:
        raise BackupError(f"Geri yüklenmedi; veritabanına dokunulmadı. {problem}")
    lock = LockFile(db_path, user or "kayseri") if db_path.exists() else None
    if lock is not None:
        try:
            lock.acquire()
        except OSError as exc:
            raise BackupError(
                "Geri yüklenmedi; veritabanına dokunulmadı. " + explain(exc, db_path)
            ) from exc
    try:
        before = None
        if db_path.exists():
            before = take_backup(
                db_path, policy, REASON_BEFORE_RESTORE, protect=frozenset({source})
            )
        db_path.parent.mkdir(parents=True, exist_ok=True)
        try:
            src = sqlite3.connect(sqlite_uri(source.resolve()), uri=True)
            try:
                dst = sqlite3.connect(db_path, timeout=10)
                try:
                    src.backup(dst)
                finally:
                    dst.close()
            finally:
                src.close()
        except (sqlite3.Error, OSError) as exc:
            raise BackupError(
                "Geri yükleme yapılamadı; veritabanı değişmedi"
                + (f" (önceki hâlinin yedeği: {before})" if before else "")
                + ". "
                + explain(exc, db_path, file_size(source))
            ) from exc
        try:
            ok, message = integrity_ok(db_path)
        except (sqlite3.Error, OSError) as exc:  # pragma: no cover - it was just written
            ok, message = False, explain(exc, db_path)
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
