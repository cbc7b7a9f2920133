"""kayseri demo --db PATH [--firms N] [--seed S] [--today YYYY-MM-DD] [--replace]"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

from kayseri_desktop.cli.common import add_db_argument, print_counts
from kayseri_desktop.data.engine import resolve_url, sqlite_path
from kayseri_desktop.services.context import open_context


def register(sub) -> None:
    p = sub.add_parser("demo", help="örnek (demo) veritabanı oluştur")
    add_db_argument(p, may_create=True)
    p.add_argument("--firms", type=int, default=2400, help="firma sayısı (varsayılan 2400)")
    p.add_argument("--seed", type=int, default=20250919, help="rastgelelik tohumu")
    p.add_argument(
        "--today", type=dt.date.fromisoformat, default=None, help="bugün sayılacak tarih"
    )
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


def run(args) -> int:
    from kayseri_desktop.services import demo

    if args.firms < 1:
        print("Hata: --firms en az 1 olmalı.", file=sys.stderr)
        return 2
    path = sqlite_path(resolve_url(args.db))
    if path is not None and path.exists() and args.replace:
        print(f"Eski dosya kenara alındı: {_move_aside(path)}")
    ctx = open_context(args.db)
    try:
        started = time.perf_counter()
        try:
            counts = demo.generate(ctx.db, firms=args.firms, seed=args.seed, today=args.today)
        except ValueError as exc:
            print(f"Hata: {exc}", file=sys.stderr)
            return 2
        elapsed = time.perf_counter() - started
    finally:
        ctx.close()
    print(f"Demo veritabanı hazır: {ctx.db.display_name()} ({elapsed:.1f} sn)")
    print_counts(counts)
    return 0
