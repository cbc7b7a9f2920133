"""One writer per SQLite file: a lock file beside the database.

``kayseri.sqlite.lock`` holds JSON naming who has the database open for writing
(user, machine, process id, since when) and a heartbeat the holder refreshes
(``LockFile.refresh()``; the window does it every minute). A second copy of the
app reads it, tells the person who has the file, and may open it read-only.

A lock left by a crashed copy is taken over, not obeyed forever: it is stale when
it was written on this machine by a process that no longer runs, or when its
heartbeat is older than STALE_AFTER (a copy on another machine that died, or a
machine that was switched off).

The lock file is not trusted to be well formed: content that is not the JSON this
module writes (wrong types, an unparsable date, binary junk, a folder in its place)
reads as an UnreadableLock, which is stale, and so is a heartbeat further in the
future than clock differences explain (``stale_reason()`` says which, in Turkish).
Only what cannot be removed (a folder with something in it, a folder we may not
write to) stops a writer, as LockUnusable; reading never looks at the lock.

The lock is advisory and serves people: SQLite's own locking still keeps the data
consistent if two writers ever overlap (for example in the moment of a takeover).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sys
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from kayseri_desktop.core import os_errors

STALE_AFTER = dt.timedelta(minutes=10)
HEARTBEAT_SECONDS = 60


@dataclass(frozen=True)
class LockInfo:
    user: str
    machine: str
    pid: int
    since: str  # ISO 8601, local time
    heartbeat: str
    token: str

    @property
    def since_dt(self) -> dt.datetime:
        return _local(self.since)

    @property
    def heartbeat_dt(self) -> dt.datetime:
        return _local(self.heartbeat)

    @property
    def person(self) -> str:
        """The user without a trailing "@machine" (current_user() adds it)."""
        suffix = "@" + self.machine
        return self.user[: -len(suffix)] if self.user.endswith(suffix) else self.user

    def describe(self) -> str:
        """Turkish: who has the file, where, since when."""
        return (
            f"{self.person} ({self.machine} bilgisayarında, "
            f"{self.since_dt.strftime('%d.%m.%Y %H:%M')} saatinden beri)"
        )


@dataclass(frozen=True)
class UnreadableLock(LockInfo):
    """A lock file whose content is not a lock this app wrote; ``reason`` says what it is."""

    reason: str = ""

    def describe(self) -> str:
        return f"bilinmeyen biri (kilit dosyası okunamadı: {self.reason})"


def _local(text: str) -> dt.datetime:
    """An ISO 8601 time as naive local time (a time with a zone is converted)."""
    value = dt.datetime.fromisoformat(text)
    return value.astimezone().replace(tzinfo=None) if value.tzinfo else value


def _unreadable(reason: str) -> UnreadableLock:
    epoch = "1970-01-01T00:00:00"
    return UnreadableLock("bilinmeyen", "bilinmeyen", 0, epoch, epoch, "", reason)


class DatabaseLocked(RuntimeError):
    """Another live copy of the app writes to this database; str() is Turkish."""

    def __init__(self, holder: LockInfo, message: str | None = None) -> None:
        self.holder = holder
        super().__init__(
            message
            or f"Bu veritabanı şu anda {holder.describe()} tarafından açık. "
            "Aynı dosyaya aynı anda yalnızca bir kişi yazabilir; salt okunur açabilirsiniz."
        )


class LockUnusable(DatabaseLocked):
    """The lock file can be neither read as a lock nor replaced (a folder with files in
    it, a folder without write permission). Writing is refused; reading is not."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(
            _unreadable(why),
            f"Yazma kilidi alınamadı: {path} {why}. Aynı anda yalnızca bir kişinin yazması "
            "bu kilitle sağlanır; bu yüzden hiçbir şey yazılmadı. Salt okunur açabilirsiniz.",
        )


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def machine_name() -> str:
    return socket.gethostname()


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine."""
    if not 0 < pid < 2**31:  # not a process id (os.kill would overflow)
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_TEXT_FIELDS = ("user", "machine", "since", "heartbeat", "token")
MAX_LOCK_BYTES = 64 * 1024  # a real lock is a few hundred bytes


def read(path: Path) -> LockInfo | None:
    """The lock at path; None when absent. Anything that is not a lock this module wrote
    is an UnreadableLock (which is stale) saying what was found instead."""
    try:
        if path.is_dir():
            return _unreadable("bir dosya değil, klasör")
        with open(path, "rb") as fh:
            raw = fh.read(MAX_LOCK_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return _unreadable(f"okunamadı: {os_errors.reason(exc)}")
    if len(raw) > MAX_LOCK_BYTES:
        return _unreadable("çok büyük")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return _unreadable("JSON değil")
    if not isinstance(data, dict):
        return _unreadable("beklenen alanlar yok")
    missing = [k for k in (*_TEXT_FIELDS, "pid") if k not in data]
    if missing:
        return _unreadable(f"eksik alan: {', '.join(missing)}")
    wrong = [k for k in _TEXT_FIELDS if not isinstance(data[k], str)]
    pid = data["pid"]
    if isinstance(pid, bool) or not isinstance(pid, int):
        wrong.append("pid")
    if wrong:
        return _unreadable(f"alan türü yanlış: {', '.join(wrong)}")
    for key in ("since", "heartbeat"):
        try:
            _local(data[key])
        except (ValueError, OverflowError, OSError):
            return _unreadable(f"{key} bir tarih değil")
    return LockInfo(**{k: data[k] for k in LockInfo.__dataclass_fields__})


def stale_reason(info: LockInfo, *, now: dt.datetime | None = None) -> str | None:
    """Why the lock need not be obeyed (Turkish), or None when its holder may be alive.

    A heartbeat further ahead than STALE_AFTER is not believed: a clock can be a few
    minutes off, but a lock from the future would otherwise block the file for ever.
    """
    if isinstance(info, UnreadableLock):
        return f"kilit dosyası okunamadı: {info.reason}"
    now = now or dt.datetime.now()
    try:
        beat = info.heartbeat_dt
    except (ValueError, OverflowError, OSError):
        return "kilit dosyasındaki zaman okunamadı"
    if beat - now > STALE_AFTER:
        return f"kilit dosyasındaki zaman ileride ({info.heartbeat}); güvenilmedi"
    if now - beat > STALE_AFTER:
        minutes = int(STALE_AFTER.total_seconds() // 60)
        return f"{info.machine} bilgisayarından {minutes} dakikadan uzun süredir ses yok"
    if info.machine == machine_name() and not pid_alive(info.pid):
        return "kilidi alan program artık çalışmıyor"
    return None


def is_stale(info: LockInfo, *, now: dt.datetime | None = None) -> bool:
    return stale_reason(info, now=now) is not None


class LockFile:
    """The lock this process holds on one database file."""

    def __init__(self, db_path: Path, user: str) -> None:
        self.path = lock_path(db_path)
        now = dt.datetime.now().isoformat(timespec="seconds")
        self.info = LockInfo(user, machine_name(), os.getpid(), now, now, uuid.uuid4().hex)
        self.took_over: LockInfo | None = None  # the stale lock this one replaced
        self.took_over_reason: str | None = None  # and why it was stale (Turkish)

    def _create(self) -> bool:
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return False
        except OSError as exc:
            raise LockUnusable(self.path, _cannot("oluşturulamadı", exc)) from exc
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(self.info), fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        return True

    def acquire(self) -> LockFile:
        """Take the lock, taking over a stale one; raise DatabaseLocked when it is live."""
        for _ in range(3):
            if self._create():
                return self
            holder = read(self.path)
            if holder is None:
                continue  # released in between: try again
            if holder.token == self.info.token:
                return self
            if not is_stale(holder):
                raise DatabaseLocked(holder)
            # Re-read just before removing: never remove a lock someone just took.
            again = read(self.path)
            if again is not None and again == holder:
                why = stale_reason(holder)
                self._remove_stale()
                self.took_over, self.took_over_reason = holder, why
        holder = read(self.path)
        raise DatabaseLocked(holder or self.info)

    def _remove_stale(self) -> None:
        """Remove a stale lock: a file, or an empty folder in its place."""
        try:
            if self.path.is_dir() and not self.path.is_symlink():
                self.path.rmdir()
            else:
                self.path.unlink(missing_ok=True)
        except FileNotFoundError:
            pass
        except OSError as exc:
            why = "bir klasör ve içi boş değil" if self.path.is_dir() else ""
            raise LockUnusable(self.path, why or _cannot("silinemedi", exc)) from exc

    def held(self) -> bool:
        current = read(self.path)
        return current is not None and current.token == self.info.token

    def refresh(self) -> bool:
        """Renew the heartbeat; False (and nothing written) if the lock is no longer ours."""
        if not self.held():
            return False
        now = dt.datetime.now().isoformat(timespec="seconds")
        self.info = LockInfo(**{**asdict(self.info), "heartbeat": now})
        tmp = self.path.with_name(self.path.name + f".{self.info.token}.tmp")
        tmp.write_text(json.dumps(asdict(self.info), ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)
        return True

    def release(self) -> None:
        if self.held():
            self.path.unlink(missing_ok=True)


def _cannot(what: str, exc: OSError) -> str:
    return f"{what}: {os_errors.reason(exc)}"
