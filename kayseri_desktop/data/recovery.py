"""Damage on start: detect it, keep the damaged file aside, bring back the best backup.

diagnose() runs SQLite's quick_check. A damaged database is never deleted: it is
renamed (with its -wal and -shm companions) to ``<name>.hasarli-<stamp>`` beside
itself, and the newest backup that passes a full integrity_check is copied into its
place. The report says the backup's date and what was lost since, as far as the
damaged file can still be read (its audit log after the backup's last entry).

A file that is not an SQLite database at all (wrong header) is not "damaged": it is
left alone and the normal "not a database" message applies.

Neither is a file that cannot be read or written where it lies: a full disk, a
read-only medium, an I/O error. Only a failing integrity check on a file that could be
read is damage; the rest is a Diagnosis.problem (Turkish, saying what it is), and then
nothing is renamed, replaced or created. recover() copies the backup beside the
database (verified) before it sets anything aside, so a copy that fails leaves the
database where it was.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from kayseri_desktop.data.backup import (
    BackupError,
    clean_leftovers,
    copy_verified,
    explain,
    file_size,
    free_bytes,
    full_disk_message,
    integrity_ok,
    is_damage,
    medium_problem,
    read_only_message,
    temp_path,
)
from kayseri_desktop.data.engine import read_only_place, sqlite_uri
from kayseri_desktop.data.rotation import BackupInfo, list_backups

SQLITE_HEADER = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm")


@dataclass(frozen=True)
class Diagnosis:
    path: Path
    damaged: bool
    message: str = ""
    problem: str = ""  # Turkish: why the file cannot be checked or used here (not damage)


@dataclass
class Recovery:
    damaged_copy: Path
    backup: BackupInfo
    lost: dict[str, int] = field(default_factory=dict)  # entity -> changes after the backup
    lost_known: bool = True

    def lost_text(self) -> str:
        """Turkish: what was lost since the backup."""
        when = self.backup.taken_at.strftime("%d.%m.%Y %H:%M")
        if not self.lost_known:
            return (
                f"{when} tarihinden sonra yapılan değişiklikler kaybolmuş olabilir; "
                "hasarlı dosya okunamadığı için ayrıntı çıkarılamadı."
            )
        if not self.lost:
            return f"{when} tarihinden sonra kayıtlı bir değişiklik bulunmadı."
        parts = ", ".join(f"{ENTITY_NAMES.get(k, k)}: {n}" for k, n in sorted(self.lost.items()))
        return f"{when} tarihinden sonraki {sum(self.lost.values())} değişiklik kayboldu ({parts})."


ENTITY_NAMES = {
    "firm": "firma",
    "contact": "kişi",
    "staff": "personel",
    "visit": "ziyaret",
    "evaluation": "değerlendirme",
    "institution": "kurum",
    "project": "proje",
    "milestone": "kilometre taşı",
    "meeting": "toplantı",
    "decision": "karar",
    "target": "hedef",
    "closed_day": "kapalı gün",
    "setting": "ayar",
}


def read_header(path: Path) -> bytes:
    """The first bytes of a file; OSError when it cannot be read."""
    with open(path, "rb") as fh:
        return fh.read(len(SQLITE_HEADER))


def is_sqlite_file(path: Path) -> bool:
    try:
        return read_header(path) == SQLITE_HEADER
    except OSError:
        return False


def diagnose(path: Path) -> Diagnosis:
    """quick_check on an existing SQLite file; a missing or non-SQLite file is not damaged.

    A file that cannot be opened or read for a reason outside it (a full disk, a
    read-only place, an I/O error) is not damaged either: Diagnosis.problem says why.
    """
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return Diagnosis(path, False)
        if read_header(path) != SQLITE_HEADER:
            return Diagnosis(path, False)
        ok, message = integrity_ok(path, quick=True)
        if ok:  # quick_check skips some structures; reading the schema catches the rest
            con = sqlite3.connect(sqlite_uri(path), uri=True)
            try:
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                con.close()
    except (sqlite3.Error, OSError) as exc:
        if isinstance(exc, sqlite3.Error) and is_damage(exc):
            return Diagnosis(path, True, str(exc))
        return Diagnosis(path, False, str(exc), problem=explain(exc, path, file_size(path)))
    return Diagnosis(path, not ok, "" if ok else message)


MIN_WORKING_SPACE = 1024 * 1024  # room for the journal of a few saves


def start_problem(path: Path) -> str | None:
    """Why the window cannot work on path where it lies (Turkish), else None.

    A read-only place cannot take the lock or a single change; a disk with less than
    MIN_WORKING_SPACE free cannot take a save. The figure asked for is what the start
    needs: room for its backup (the file and its -wal) and for the journal.
    """
    place = path if path.exists() else path.parent
    if not place.exists():
        return None
    if read_only_place(place):
        return read_only_message(place)
    free = free_bytes(place)
    if free is not None and free < MIN_WORKING_SPACE:
        return full_disk_message(place, file_size(path) + MIN_WORKING_SPACE)
    return None


def _sound(path: Path) -> bool:
    try:
        return integrity_ok(path)[0]
    except (sqlite3.Error, OSError):  # unreadable where it lies: not a backup to offer
        return False


def best_backup(folder: Path, stem: str) -> BackupInfo | None:
    """The newest backup of `stem` in folder that passes a full integrity_check."""
    for info in list_backups(folder, stem):
        if _sound(info.path):
            return info
    return None


def clean_start(path: Path, backup_folder: Path) -> list[Path]:
    """On start: remove the temporary files killed runs left beside path and its backups."""
    return clean_leftovers(path.parent, frozenset({path.name})) + clean_leftovers(backup_folder)


def set_aside(path: Path, when: dt.datetime | None = None) -> Path:
    """Rename a damaged database (and its -wal/-shm) aside; returns the new name."""
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.hasarli-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.hasarli-{stamp}-{n}")
    for suffix in COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    os.replace(path, target)
    return target


def _last_audit(path: Path) -> dt.datetime | None:
    con = sqlite3.connect(sqlite_uri(path), uri=True)
    try:
        row = con.execute("SELECT max(at) FROM audit_entries").fetchone()
    finally:
        con.close()
    return dt.datetime.fromisoformat(row[0]) if row and row[0] else None


def lost_since(damaged: Path, backup: Path) -> dict[str, int] | None:
    """Audit entries in the damaged file newer than the backup's newest; None if unreadable."""
    try:
        since = _last_audit(backup)
        con = sqlite3.connect(sqlite_uri(damaged), uri=True)
        try:
            rows = con.execute(
                "SELECT entity, count(*) FROM audit_entries WHERE at > ? GROUP BY entity",
                (since.isoformat(sep=" ") if since else "",),
            ).fetchall()
        finally:
            con.close()
    except (sqlite3.Error, ValueError):
        return None
    return {entity: n for entity, n in rows}


def recover(path: Path, backup: BackupInfo) -> Recovery:
    """Set the damaged file aside and put `backup` (verified again) in its place.

    The backup is first copied beside the database and verified; only then is the
    damaged file renamed and the copy renamed into its place. If the copy cannot be
    made (a full disk), BackupError says why and the damaged file stays where it was.
    """
    if not _sound(backup.path):
        raise BackupError(f"{backup.path.name} bütünlük denetiminden geçmedi; kullanılmadı.")
    problem = medium_problem(path, file_size(backup.path))
    if problem is not None:
        raise BackupError(f"Yedek geri yüklenemedi; veritabanına dokunulmadı. {problem}")
    tmp = temp_path(path)
    try:
        copy_verified(backup.path, tmp)
    except BackupError as exc:
        raise BackupError(f"{exc} Veritabanına dokunulmadı.") from exc
    try:
        aside = set_aside(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(
            "Hasarlı dosya kenara alınamadı; veritabanına dokunulmadı. " + explain(exc, path)
        ) from exc
    try:
        os.replace(tmp, path)
    except OSError as exc:  # pragma: no cover - a rename in the same folder just worked
        os.replace(aside, path)
        raise BackupError("Yedek yerine konamadı. " + explain(exc, path)) from exc
    lost = lost_since(aside, backup.path)
    return Recovery(aside, backup, lost or {}, lost is not None)
