"""Small helpers shared by the subcommands."""

from __future__ import annotations

import argparse

from kayseri_desktop.core.turkish import thousands

__all__ = ["add_db_argument", "print_counts", "thousands"]


def add_db_argument(parser: argparse.ArgumentParser, *, may_create: bool = False) -> None:
    """--db PATH or URL. Unless the command may create it (demo, import), a SQLite file
    that does not exist is a usage error: a mistyped path must not leave a new, empty
    database behind and report on it."""
    parser.add_argument(
        "--db",
        required=True,
        type=str if may_create else _existing_database,
        help="SQLite dosyası ya da SQLAlchemy URL'si",
    )


def _existing_database(text: str) -> str:
    from kayseri_desktop.data.engine import resolve_url, sqlite_path

    path = sqlite_path(resolve_url(text))
    if path is not None and not path.is_file():
        raise argparse.ArgumentTypeError(f"veritabanı bulunamadı: {path}")
    return text


def print_counts(counts: dict[str, int]) -> None:
    for name, n in counts.items():
        print(f"  {name:<20} {thousands(n):>9}")
