"""Is a database path on a network share? SQLite there is how databases get corrupted.

UNC paths (``\\\\server\\share\\...`` or ``//server/share/...``) always are. On
Windows a mapped drive letter is asked of GetDriveTypeW (DRIVE_REMOTE); elsewhere
the file system type of the mount holding the path is read from /proc/mounts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PurePath

NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "sshfs",
    "fuse.sshfs",
    "9p",
    "afs",
    "ncpfs",
    "davfs",
    "fuse.davfs2",
    "glusterfs",
    "ceph",
}

WARNING = (
    "Veritabanı bir ağ klasöründe ({path}). SQLite dosyaları ağ paylaşımlarında "
    "kilitlenme sorunları yüzünden bozulabilir. Birkaç kişinin birlikte çalışması için "
    "ofis sunucusunda PostgreSQL kullanın (README: Ofis sunucusu); tek kişilik kullanımda "
    "dosyayı bu bilgisayarın yerel diskine taşıyın."
)


def is_unc(path: str) -> bool:
    text = path.replace("/", "\\")
    return text.startswith("\\\\") and not text.startswith("\\\\?\\") and len(text) > 2


def read_mounts(mounts_file: Path = Path("/proc/mounts")) -> list[tuple[str, str]]:
    """(mount point, file system type) pairs."""
    try:
        lines = mounts_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    pairs = []
    for line in lines:
        parts = line.split()
        if len(parts) >= 3:
            pairs.append((parts[1].replace("\\040", " "), parts[2]))
    return pairs


def fs_type(path: Path, mounts: list[tuple[str, str]]) -> str | None:
    """The file system type of the longest mount point containing path."""
    best, kind = -1, None
    text = str(path)
    for point, fstype in mounts:
        prefix = point.rstrip("/") + "/"
        if (text == point or text.startswith(prefix) or point == "/") and len(point) > best:
            best, kind = len(point), fstype
    return kind


if sys.platform == "win32":  # pragma: no cover - Windows only

    def _windows_remote(path: Path) -> bool:
        import ctypes

        drive = PurePath(path).drive
        if not drive:
            return False
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4)  # DRIVE_REMOTE


def is_network_path(
    path: os.PathLike[str] | str, mounts: list[tuple[str, str]] | None = None
) -> bool:
    text = os.fspath(path)
    if is_unc(text):
        return True
    if sys.platform == "win32":  # pragma: no cover
        return _windows_remote(Path(text))
    resolved = Path(text).expanduser().absolute()
    kind = fs_type(resolved, read_mounts() if mounts is None else mounts)
    return kind is not None and kind.lower() in NETWORK_FS


def network_warning(path: os.PathLike[str] | str) -> str | None:
    """The Turkish warning for a database on a network share, else None."""
    return WARNING.format(path=os.fspath(path)) if is_network_path(path) else None
