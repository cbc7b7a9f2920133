"""Write a file completely or not at all: temporary name, fsync, rename into place.

Only a regular file is ever replaced. A directory, a device, a pipe or a socket of
the target's name, or a symbolic link that leads out of the target's folder (or to
something that is not a regular file), is refused with a Turkish reason before
anything is written. A link to a regular file in the same folder is followed: the
file it names is replaced and the link keeps pointing at it.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kayseri_desktop.core import os_errors


class TargetLocked(PermissionError):
    """The finished file could not take the target's place; str() says why in Turkish."""


class TargetRefused(OSError):
    """The target is not a place a file may be written to; str() says why in Turkish."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "bir klasör"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "bir aygıt"
    if stat.S_ISFIFO(mode):
        return "bir boru (FIFO)"
    if stat.S_ISSOCK(mode):
        return "bir soket"
    return "olağan bir dosya değil"


def _refuse(target: Path, why: str) -> TargetRefused:
    return TargetRefused(
        f"“{target}” yazılmadı: bu ad {why}; yalnızca olağan bir dosyanın yerine "
        "yazılabilir. Başka bir ad ya da klasör seçin; oradaki hiçbir şeye dokunulmadı."
    )


def _no_folder(target: Path, exc: OSError) -> TargetRefused:
    return TargetRefused(
        f"“{target.name}” yazılamadı: “{target.parent}” klasörüne yazılamıyor "
        f"({os_errors.reason(exc)}). Başka bir klasör seçin; hiçbir şey yazılmadı."
    )


def writable_target(target: Path | str) -> Path:
    """The file that will really be replaced for ``target``; TargetRefused when the
    name belongs to something that is not a regular file (see the module's doc)."""
    target = Path(target)
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return target
    except OSError as exc:  # ENOTDIR: a file where a folder of the path should be
        raise _no_folder(target, exc) from exc
    if stat.S_ISLNK(info.st_mode):
        real = Path(os.path.realpath(target))
        folder = Path(os.path.realpath(target.parent))
        if real.parent != folder:
            raise _refuse(target, f"klasörün dışına ({real}) giden bir bağlantı")
        try:
            info = os.stat(real)
        except FileNotFoundError:
            return real  # a link to a file not written yet, beside it
        except OSError as exc:
            raise _refuse(target, f"denetlenemedi ({os_errors.reason(exc)})") from exc
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(target, f"{_kind(info.st_mode)} gösteren bir bağlantı")
        return real
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(target, _kind(info.st_mode))
    return target


@contextmanager
def atomic_target(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    If the block raises, the temporary file is removed and ``target`` is untouched
    (an older file of that name stays as it was). The new file gets the usual
    permissions (0666 less the umask), not mkstemp's private 0600. A target that
    cannot be replaced (on Windows: open in Excel) raises TargetLocked, which says so;
    one that is not a regular file, or a folder that cannot be written to, raises
    TargetRefused.
    """
    target = writable_target(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _no_folder(target, exc) from exc
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        writable_target(target)  # still a regular file (or nothing) just before the swap
        try:
            os.replace(tmp, target)
        except PermissionError as exc:
            raise TargetLocked(
                f"“{target.name}” yazılamadı: dosya başka bir programda (ör. Excel'de) açık "
                "ya da yazmaya kapalı. Dosyayı kapatıp yeniden deneyin ya da başka bir ad "
                "seçin; eski dosya olduğu gibi duruyor.",
            ) from exc
    except OSError as exc:
        if isinstance(exc, (TargetLocked, TargetRefused)):
            raise
        raise TargetRefused(
            f"“{target.name}” yazılamadı: {os_errors.reason(exc)}. Eski dosya (varsa) olduğu "
            "gibi duruyor."
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
