"""kayseri demo --db PATH [--firms N] [--seed S] [--today YYYY-MM-DD] [--replace]

Writes, so it holds the window's one-writer lock (cli/common.py) from before the
old file is moved aside until the new one is filled.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time
from pathlib import Path

from kayseri_desktop.cli.common import (
    Refused,
    Subparsers,
    add_db_argument,
    db_path,
    print_counts,
    thousands,
    writer_lock,
)
from kayseri_desktop.cli.visits import date_arg

MAX_FIRMS = 200_000  # ten times the chamber's membership; more only fills the disk


def register(sub: Subparsers) -> None:
    p = sub.add_parser("demo", help="örnek (demo) veritabanı oluştur")
    add_db_argument(p, may_create=True)
    p.add_argument(
        "--firms",
        type=int,
        default=2400,
        help=f"firma sayısı (varsayılan 2400, en çok {thousands(MAX_FIRMS)})",
    )
    p.add_argument("--seed", type=int, default=20250919, help="rastgelelik tohumu")
    p.add_argument("--today", type=date_arg, default=None, help="bugün sayılacak tarih")
    p.add_argument("--replace", action="store_true", help="dosya varsa kenara al ve baştan oluştur")
    p.set_defaults(handler=run)


def _move_aside(path: Path) -> Path:
    aside = path.with_name(f"{path.name}.{dt.datetime.now():%Y%m%d-%H%M%S}.eski")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        extra = Path(str(path) + suffix)
        if extra.exists():
            os.replace(extra, Path(str(aside) + suffix))
    return aside


def run(args: argparse.Namespace) -> int:
    from kayseri_desktop.services import demo
    from kayseri_desktop.services.context import open_context

    if not 1 <= args.firms <= MAX_FIRMS:
        raise Refused(
            f"--firms 1 ile {thousands(MAX_FIRMS)} arasında olmalı "
            f"({thousands(args.firms)} verildi); hiçbir şey yazılmadı."
        )
    path = db_path(args.db)
    with writer_lock(args.db):
        if path is not None and path.exists() and args.replace:
            print(f"Eski dosya kenara alındı: {_move_aside(path)}")
        ctx = open_context(args.db)
        try:
            started = time.perf_counter()
            try:
                counts = demo.generate(ctx.db, firms=args.firms, seed=args.seed, today=args.today)
            except ValueError as exc:
                raise Refused(str(exc)) from None
            elapsed = time.perf_counter() - started
        finally:
            ctx.close()
    print(f"Demo veritabanı hazır: {ctx.db.display_name()} ({elapsed:.1f} sn)")
    print_counts(counts)
    return 0
