"""kayseri restore --db PATH --from FILE: put a backup back, saving what it replaces.

Only a database of this app is accepted; before anything is replaced, what the backup
holds and what it replaces (firm count, date of the last change) are printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kayseri_desktop.cli.backup import add_policy_arguments, db_file, policy_from
from kayseri_desktop.cli.common import Subparsers, locked_message
from kayseri_desktop.data.lock import DatabaseLocked
from kayseri_desktop.services.backups import preview, restore
from kayseri_desktop.services.context import current_user


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "restore", help="bir yedeği geri yükle (önce mevcut veritabanının yedeği alınır)"
    )
    p.add_argument("--db", required=True, help="geri yüklenecek SQLite dosyası")
    p.add_argument("--from", dest="source", type=Path, required=True, help="yedek dosyası")
    add_policy_arguments(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path = db_file(args.db)
    print(preview(path, args.source).text())
    try:
        before = restore(path, args.source, policy_from(args), user=current_user())
    except DatabaseLocked as exc:  # the window (or another command) is writing to it
        print(f"Hata: {locked_message(exc)}", file=sys.stderr)
        return 2
    if before is not None:
        print(f"Önceki hâlinin yedeği: {before}")
    print(f"Geri yüklendi: {args.source} → {path}")
    return 0
