"""Damage on start: detect it, keep the damaged file aside, bring back the best backup.

diagnose() runs SQLite's quick_check. A damaged database is never deleted: it is
renamed (with its -wal and -shm companions) to ``<name>.hasarli-<stamp>`` beside
itself, and the newest backup that passes a full integrity_check is copied into its
place. The report says the backup's date and what was lost since, as far as the
damaged file can still be read (its audit log after the backup's last entry).

A file that is not an SQLite database at all (wrong header) is not "damaged": it is
left alone and the normal "not a database" message applies.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from kayseri_desktop.data.backup import BackupError, backup_file, integrity_ok
from kayseri_desktop.data.rotation import BackupInfo, list_backups

SQLITE_HEADER = b"SQLite format 3\x00"
COMPANIONS = ("-wal", "-shm")


@dataclass(frozen=True)
class Diagnosis:
    path: Path
    damaged: bool
    message: str = ""


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


def is_sqlite_file(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def diagnose(path: Path) -> Diagnosis:
    """quick_check on an existing SQLite file; a missing or non-SQLite file is not damaged."""
    if not path.is_file() or path.stat().st_size == 0 or not is_sqlite_file(path):
        return Diagnosis(path, False)
    ok, message = integrity_ok(path, quick=True)
    if ok:
        try:  # quick_check skips some structures; reading the schema catches the rest
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                con.close()
        except sqlite3.DatabaseError as exc:
            return Diagnosis(path, True, str(exc))
    return Diagnosis(path, not ok, "" if ok else message)


def best_backup(folder: Path, stem: str) -> BackupInfo | None:
    """The newest backup of `stem` in folder that passes a full integrity_check."""
    for info in list_backups(folder, stem):
        if integrity_ok(info.path)[0]:
            return info
    return None


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
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT max(at) FROM audit_entries").fetchone()
    finally:
        con.close()
    return dt.datetime.fromisoformat(row[0]) if row and row[0] else None


def lost_since(damaged: Path, backup: Path) -> dict[str, int] | None:
    """Audit entries in the damaged file newer than the backup's newest; None if unreadable."""
    try:
        since = _last_audit(backup)
        con = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
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
    """Set the damaged file aside and put `backup` (verified again) in its place."""
    if not integrity_ok(backup.path)[0]:
        raise BackupError(f"{backup.path.name} bütünlük denetiminden geçmedi; kullanılmadı.")
    aside = set_aside(path)
    backup_file(backup.path, path)
    lost = lost_since(aside, backup.path)
    return Recovery(aside, backup, lost or {}, lost is not None)
