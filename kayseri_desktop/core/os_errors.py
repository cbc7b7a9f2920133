"""What an operating-system error means, in Turkish, for the person who caused it.

``strerror`` is English (or the system's language) and names temporary files; the
reason here names the condition so the person knows what to do about it.
"""

from __future__ import annotations

import errno
import sqlite3

_REASONS = {
    errno.ENOSPC: "disk dolu",
    errno.EDQUOT: "disk kotası doldu",
    errno.EROFS: "disk ya da klasör salt okunur (yazmaya kapalı)",
    errno.EACCES: "erişim izni yok",
    errno.EPERM: "işleme izin verilmedi (dosya kilitli ya da değiştirilemez olarak işaretli)",
    errno.ENOENT: "böyle bir dosya ya da klasör yok",
    errno.ENOTDIR: "yolun bir parçası klasör değil",
    errno.EISDIR: "bu bir klasör, dosya değil",
    errno.EEXIST: "aynı adda bir şey zaten var",
    errno.ENAMETOOLONG: "dosya adı çok uzun",
    errno.EIO: "disk okunurken ya da yazılırken donanım hatası (G/Ç hatası)",
    errno.EBUSY: "dosya başka bir program tarafından kullanılıyor",
    errno.EXDEV: "dosya başka bir diske taşınamıyor",
    errno.EMFILE: "çok fazla açık dosya",
    errno.ETXTBSY: "dosya kullanımda",
}


def reason(exc: BaseException) -> str:
    """A short Turkish reason for an OSError or an sqlite3 error (no file contents)."""
    if isinstance(exc, OSError):
        text = _REASONS.get(exc.errno or -1)
        if text is None:
            text = f"işletim sistemi hatası {exc.errno}" if exc.errno else type(exc).__name__
        return text
    if isinstance(exc, sqlite3.Error):
        return sqlite_reason(exc)
    return type(exc).__name__


def sqlite_reason(exc: BaseException) -> str:
    """SQLite's own wording for the common cases, in Turkish; otherwise its message."""
    message = str(exc).lower()
    if "disk is full" in message or "disk full" in message:
        return "disk dolu"
    if "readonly database" in message or "read-only" in message:
        return "veritabanı dosyası yazmaya kapalı (salt okunur)"
    if "disk i/o error" in message:
        return "disk okunurken ya da yazılırken hata (G/Ç hatası)"
    if "database is locked" in message or "database is busy" in message:
        return "veritabanı başka bir program tarafından kilitli"
    if "unable to open database" in message:
        return "veritabanı dosyası açılamadı"
    if "not a database" in message or "malformed" in message:
        return "dosya bir SQLite veritabanı değil ya da hasarlı"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
