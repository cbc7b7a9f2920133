"""kayseri export visits OUT.xlsx --db PATH [--from DATE] [--to DATE]"""

from __future__ import annotations

import argparse
from pathlib import Path

from kayseri_desktop.cli.common import Subparsers, add_db_argument, open_for_reading, thousands
from kayseri_desktop.cli.visits import add_range_arguments, check_range


def register(kinds: Subparsers) -> None:
    p = kinds.add_parser("visits", help="ziyaret takvimi (tarih, firma, ekip, durum, bulgular)")
    p.add_argument("out", type=Path, help="yazılacak .xlsx dosyası")
    add_db_argument(p)
    add_range_arguments(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kayseri_desktop.exchange.visits_xlsx import export_visits

    if not check_range(args):
        return 2
    ctx = open_for_reading(args.db)
    try:
        n = export_visits(ctx.db, args.out, args.first, args.last)
    finally:
        ctx.close()
    print(f"{thousands(n)} ziyaret yazıldı: {args.out}")
    return 0
