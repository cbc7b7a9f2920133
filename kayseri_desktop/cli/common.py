"""Small helpers shared by the subcommands."""

from __future__ import annotations

import argparse


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", required=True, help="SQLite dosyası ya da SQLAlchemy URL'si")


def thousands(n: int) -> str:
    """Turkish thousands separator: 12345 → 12.345."""
    return f"{n:,}".replace(",", ".")


def print_counts(counts: dict[str, int]) -> None:
    for name, n in counts.items():
        print(f"  {name:<20} {thousands(n):>9}")
