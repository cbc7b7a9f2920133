"""Verified SQLite backups through the SQLite online backup API.

A backup is written to a temporary file beside its destination, checked with
``PRAGMA integrity_check`` and only then renamed into place, so a backup that
exists is a backup that opens.

The temporary file is ``<destination>.<pid>.tmp`` (and its ``-journal``); one left by a
process that was killed half-way is removed before the next backup into that folder
and on start (clean_leftovers()), never one whose process still runs, and never a file
of any other name.

Files are opened through escaped ``file:`` URIs (engine.sqlite_uri), so a path with
``#``, ``?`` or ``%`` in it names that file and no other. A medium that cannot take the
backup (disk full, read-only, I/O error) is said as such (medium_problem()); it is
never reported as a damaged database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import shutil
import sqlite3
import stat
from pathlib import Path

from kayseri_desktop.data.engine import read_only_place, sqlite_uri

MB = 1024 * 1024
TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"^(?P<base>.+?)\.(?P<pid>\d+)\.tmp(?P<companion>-journal|-wal|-shm)?$")
_OLD_TEMP_NAME = re.compile(r"^(?P<base>.+\.sqlite)\.tmp(?P<companion>-journal|-wal|-shm)?$")
_BACKUP_NAME = re.compile(r"^.+-\d{8}-\d{6}-[a-z0-9-]+\.sqlite$")

# SQLite primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF)
SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 3, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26
DAMAGE_CODES = frozenset({SQLITE_CORRUPT, SQLITE_NOTADB})


class BackupError(RuntimeError):
    """A backup could not be made or did not verify; str() is Turkish."""


def megabytes(n: int) -> str:
    """Bytes as Turkish megabytes to one decimal, rounded up ("1,5"); "0" only for none."""
    if n <= 0:
        return "0"
    tenths = -(-n * 10 // MB)  # ceiling
    return f"{tenths // 10},{tenths % 10}"


def error_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of an sqlite3 error; None when it has none."""
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def is_damage(exc: BaseException) -> bool:
    """Whether an sqlite3 error says the file's content is damaged (not the medium)."""
    return error_code(exc) in DAMAGE_CODES


def file_size(path: Path) -> int:
    """A database's size with its -wal: what a copy of it needs at most."""
    total = 0
    for p in (path, path.with_name(path.name + "-wal")):
        with contextlib.suppress(OSError):
            total += p.stat().st_size
    return total


def _existing_folder(path: Path) -> Path:
    folder = path if path.is_dir() else path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def free_bytes(path: Path) -> int | None:
    try:
        return shutil.disk_usage(_existing_folder(path)).free
    except OSError:
        return None


def full_disk_message(place: Path, need: int) -> str:
    free = free_bytes(place) or 0
    return (
        f"Disk dolu: {megabytes(need)} MB gerekli, {_existing_folder(place)} klasörünün "
        f"diskinde {megabytes(free)} MB boş. Yer açıp yeniden deneyin."
    )


def read_only_message(place: Path) -> str:
    return (
        f"{place} salt okunur bir yerde (yazma izni yok); oraya bir şey yazılamaz. "
        "Dosyayı yazılabilir bir klasöre kopyalayın ya da yazma iznini açın."
    )


def medium_problem(place: Path, need: int = 0) -> str | None:
    """Why nothing of `need` bytes can be written at place (read-only, disk full); else None."""
    if read_only_place(place):
        return read_only_message(place)
    free = free_bytes(place)
    if free is not None and free < max(need, 1):
        return full_disk_message(place, max(need, 1))
    return None


def explain(exc: BaseException, place: Path, need: int = 0) -> str:
    """A Turkish reason for an I/O failure at place: disk full, read-only, or the error."""
    full = isinstance(exc, OSError) and exc.errno == errno.ENOSPC
    full = full or error_code(exc) == SQLITE_FULL
    if full:
        return full_disk_message(place, max(need, 1))
    denied = isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM)
    if denied and place.exists() and not os.access(place, os.R_OK):
        return f"{place} okunamıyor (okuma izni yok)."
    problem = medium_problem(place, need)
    if problem is not None:
        return problem
    if isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return read_only_message(place)
    if error_code(exc) in (SQLITE_READONLY, SQLITE_PERM):
        return read_only_message(place)
    if isinstance(exc, OSError):
        return f"{place}: okuma/yazma hatası ({exc.strerror or exc})."
    return f"{place}: okuma/yazma hatası ({exc})."


def integrity_ok(path: Path, *, quick: bool = False) -> tuple[bool, str]:
    """Run integrity_check (or quick_check) on a file; (ok, first message).

    An error that is not about the file's content (I/O, permissions, a full disk) is
    raised, not reported as a failed check: it is not damage.
    """
    pragma = "quick_check" if quick else "integrity_check"
    try:
        con = sqlite3.connect(sqlite_uri(path), uri=True)
        try:
            rows = con.execute(f"PRAGMA {pragma}").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
        return False, str(exc)
    first = rows[0][0] if rows else "no result"
    return first == "ok", first


def temp_path(dest: Path) -> Path:
    """This process's temporary name for a file being written to dest."""
    return dest.with_name(f"{dest.name}.{os.getpid()}{TEMP_SUFFIX}")


def _process_alive(pid: int) -> bool:
    from kayseri_desktop.data.lock import pid_alive

    return pid == os.getpid() or pid_alive(pid)


def is_leftover(path: Path, also: frozenset[str] = frozenset()) -> bool:
    """Whether path is this app's temporary file from a run that is over.

    Only temporary names of backups (``<backup name>.<pid>.tmp``, and the older
    ``<name>.sqlite.tmp``) or of the file names in `also`, with their journals.
    """
    match = _TEMP_NAME.match(path.name)
    if match is not None:
        base = match["base"]
        if not (_BACKUP_NAME.match(base) or base in also):
            return False
        return not _process_alive(int(match["pid"]))
    match = _OLD_TEMP_NAME.match(path.name)
    return match is not None and bool(_BACKUP_NAME.match(match["base"]) or match["base"] in also)


def clean_leftovers(folder: Path, also: frozenset[str] = frozenset()) -> list[Path]:
    """Remove the temporary files killed runs left in folder; returns them."""
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for p in entries:
        try:
            if p.is_file() and not p.is_symlink() and is_leftover(p, also):
                p.unlink()
                removed.append(p)
        except OSError:  # read-only folder, vanished meanwhile: nothing to do
            continue
    return removed


def _remove_temp(tmp: Path) -> None:
    for p in (tmp, tmp.with_name(tmp.name + "-journal")):
        with contextlib.suppress(OSError):
            p.unlink(missing_ok=True)


def copy_verified(source: Path, tmp: Path) -> None:
    """Copy source into the new file tmp with the backup API, verified and synced.

    Raises BackupError (Turkish) and removes tmp on any failure.
    """
    try:
        src = sqlite3.connect(sqlite_uri(source), uri=True)
        try:
            out = sqlite3.connect(sqlite_uri(tmp, "rwc"), uri=True)
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
    except BackupError:
        _remove_temp(tmp)
        raise
    except (sqlite3.Error, OSError) as exc:
        _remove_temp(tmp)
        if isinstance(exc, sqlite3.Error) and is_damage(exc):
            raise BackupError(f"Yedek alınamadı: {source} okunamadı ({exc}).") from exc
        raise BackupError(
            "Yedek alınamadı. " + explain(exc, tmp.parent, file_size(source))
        ) from exc


def backup_file(source: Path, dest: Path) -> Path:
    """Copy a live SQLite database to dest, verified; returns dest."""
    if dest.is_dir():
        raise BackupError(f"Yedek yazılamadı: {dest} bir klasör; bir dosya adı verin.")
    if dest.is_symlink() or (dest.exists() and not stat.S_ISREG(dest.stat().st_mode)):
        raise BackupError(
            f"Yedek yazılamadı: {dest} sıradan bir dosya değil (aygıt ya da bağlantı); "
            "yerine yazılmaz."
        )
    if dest.parent.exists() and not dest.parent.is_dir():
        raise BackupError(f"Yedek yazılamadı: {dest.parent} bir dosya, klasör değil.")
    need = file_size(source)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError("Yedek alınamadı. " + explain(exc, dest.parent, need)) from exc
    clean_leftovers(dest.parent, frozenset({dest.name}))
    problem = medium_problem(dest.parent, need)
    if problem is not None:
        raise BackupError("Yedek alınamadı. " + problem)
    tmp = temp_path(dest)
    copy_verified(source, tmp)
    try:
        os.replace(tmp, dest)
    except OSError as exc:
        _remove_temp(tmp)
        raise BackupError("Yedek kaydedilemedi. " + explain(exc, dest, need)) from exc
    return dest


def default_backup_dir(db_path: Path) -> Path:
    return db_path.parent / "yedekler"


def backup_name(db_path: Path, reason: str, when: dt.datetime | None = None) -> str:
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"{db_path.stem}-{stamp}-{reason}.sqlite"
