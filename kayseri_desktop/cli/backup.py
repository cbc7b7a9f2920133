"""kayseri backup --db PATH [--out FILE]: a verified backup of an SQLite database.

With --out the backup goes exactly there; without it, into the backup folder
(--folder, default "yedekler" beside the database) under the usual name, followed
by the rotation (--keep-daily / --keep-weekly).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kayseri_desktop.cli.common import Subparsers
from kayseri_desktop.data.backup import BackupError
from kayseri_desktop.data.engine import resolve_url, sqlite_path
from kayseri_desktop.data.rotation import DEFAULT_KEEP_DAILY, DEFAULT_KEEP_WEEKLY
from kayseri_desktop.services.backups import BackupPolicy, backup_to, take_backup


def add_policy_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--folder", type=Path, help="yedek klasörü (öntanımlı: veritabanının yanında)")
    p.add_argument("--keep-daily", type=int, default=DEFAULT_KEEP_DAILY, metavar="N")
    p.add_argument("--keep-weekly", type=int, default=DEFAULT_KEEP_WEEKLY, metavar="N")


def policy_from(args: argparse.Namespace) -> BackupPolicy:
    return BackupPolicy(args.folder, args.keep_daily, args.keep_weekly)


def db_file(value: str) -> Path:
    path = sqlite_path(resolve_url(value))
    if path is None:
        raise BackupError(
            "Yedekleme ve geri yükleme SQLite dosyaları içindir; PostgreSQL sunucusunun "
            "yedeği pg_dump ile alınır."
        )
    return path


def register(sub: Subparsers) -> None:
    p = sub.add_parser("backup", help="veritabanının doğrulanmış yedeğini al")
    p.add_argument("--db", required=True, help="SQLite dosyası")
    p.add_argument("--out", type=Path, help="yedeğin yazılacağı dosya (klasör değil)")
    add_policy_arguments(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path = db_file(args.db)
    made = backup_to(path, args.out) if args.out else take_backup(path, policy_from(args))
    print(f"Yedek alındı ve doğrulandı: {made}")
    return 0
