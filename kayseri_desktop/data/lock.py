"""One writer per SQLite file: a lock file beside the database.

``kayseri.sqlite.lock`` holds JSON naming who has the database open for writing
(user, machine, process id, since when) and a heartbeat the holder refreshes
(``LockFile.refresh()``; the window does it every minute). A second copy of the
app reads it, tells the person who has the file, and may open it read-only.

A lock left by a crashed copy is taken over, not obeyed forever: it is stale when
it was written on this machine by a process that no longer runs, or when its
heartbeat is older than STALE_AFTER (a copy on another machine that died, or a
machine that was switched off).

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
        return dt.datetime.fromisoformat(self.since)

    @property
    def heartbeat_dt(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.heartbeat)

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


class DatabaseLocked(RuntimeError):
    """Another live copy of the app writes to this database; str() is Turkish."""

    def __init__(self, holder: LockInfo) -> None:
        self.holder = holder
        super().__init__(
            f"Bu veritabanı şu anda {holder.describe()} tarafından açık. "
            "Aynı dosyaya aynı anda yalnızca bir kişi yazabilir; salt okunur açabilirsiniz."
        )


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def machine_name() -> str:
    return socket.gethostname()


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine."""
    if pid <= 0:
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


def read(path: Path) -> LockInfo | None:
    """The lock at path; None when absent. An unreadable lock counts as stale garbage."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockInfo(**{k: data[k] for k in LockInfo.__dataclass_fields__})
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return LockInfo("?", "?", 0, "1970-01-01T00:00:00", "1970-01-01T00:00:00", "bozuk")


def is_stale(info: LockInfo, *, now: dt.datetime | None = None) -> bool:
    now = now or dt.datetime.now()
    try:
        beat = info.heartbeat_dt
    except ValueError:
        return True
    if now - beat > STALE_AFTER:
        return True
    return info.machine == machine_name() and not pid_alive(info.pid)


class LockFile:
    """The lock this process holds on one database file."""

    def __init__(self, db_path: Path, user: str) -> None:
        self.path = lock_path(db_path)
        now = dt.datetime.now().isoformat(timespec="seconds")
        self.info = LockInfo(user, machine_name(), os.getpid(), now, now, uuid.uuid4().hex)
        self.took_over: LockInfo | None = None

    def _create(self) -> bool:
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            return False
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
            if again is not None and again.token == holder.token:
                self.path.unlink(missing_ok=True)
                self.took_over = holder
        holder = read(self.path)
        raise DatabaseLocked(holder or self.info)

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
