"""Kayseri İhracat Koordinasyon Masası (Kayseri Export Coordination Desk)."""

from __future__ import annotations

import sys
from pathlib import Path

APP_NAME = "KayseriIhracatMasasi"
APP_AUTHOR = "KTO"
DIST_NAME = "kayseri-desktop"


def project_root() -> Path:
    """Folder holding ui/, resources/ and db/: the source tree, or the PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def _read_version() -> str:
    """The one version number lives in pyproject.toml; installed metadata mirrors it."""
    pyproject = project_root() / "pyproject.toml"
    if pyproject.is_file():
        import tomllib

        with pyproject.open("rb") as fh:
            return str(tomllib.load(fh)["project"]["version"])
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DIST_NAME)
    except PackageNotFoundError:  # pragma: no cover - bundle without metadata
        return "0+unknown"


__version__ = _read_version()
