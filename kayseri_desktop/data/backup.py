"""Verified SQLite backups through the SQLite online backup API.

A backup is written to a temporary file beside its destination, checked with
``PRAGMA integrity_check`` and only then renamed into place, so a backup that
exists is a backup that opens.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path


class BackupError(RuntimeError):
    """A backup could not be made or did not verify; str() is Turkish."""


def integrity_ok(path: Path, *, quick: bool = False) -> tuple[bool, str]:
    """Run integrity_check (or quick_check) on a file; (ok, first message)."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return False, str(exc)
    first = rows[0][0] if rows else "no result"
    return first == "ok", first


def backup_file(source: Path, dest: Path) -> Path:
    """Copy a live SQLite database to dest, verified; returns dest."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".tmp")
    tmp.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            out = sqlite3.connect(tmp)
            try:
                src.backup(out)
                out.execute("PRAGMA journal_mode=DELETE")
            finally:
                out.close()
        finally:
            src.close()
        ok, message = integrity_ok(tmp)
        if not ok:
            raise BackupError(f"Yedek doğrulanamadı ({message}); yedek kaydedilmedi.")
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except sqlite3.Error as exc:
        raise BackupError(f"Yedek alınamadı: {exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return dest


def default_backup_dir(db_path: Path) -> Path:
    return db_path.parent / "yedekler"


def backup_name(db_path: Path, reason: str, when: dt.datetime | None = None) -> str:
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"{db_path.stem}-{stamp}-{reason}.sqlite"
