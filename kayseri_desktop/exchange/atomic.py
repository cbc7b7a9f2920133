"""Write a file completely or not at all: temporary name, fsync, rename into place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class TargetLocked(PermissionError):
    """The finished file could not take the target's place; str() says why in Turkish."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_target(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``.

    If the block raises, the temporary file is removed and ``target`` is untouched
    (an older file of that name stays as it was). The new file gets the usual
    permissions (0666 less the umask), not mkstemp's private 0600. A target that
    cannot be replaced (on Windows: open in Excel) raises TargetLocked, which says so.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        try:
            os.replace(tmp, target)
        except PermissionError as exc:
            raise TargetLocked(
                f"“{target.name}” yazılamadı: dosya başka bir programda (ör. Excel'de) açık "
                "ya da yazmaya kapalı. Dosyayı kapatıp yeniden deneyin ya da başka bir ad "
                "seçin; eski dosya olduğu gibi duruyor.",
            ) from exc
    finally:
        tmp.unlink(missing_ok=True)
