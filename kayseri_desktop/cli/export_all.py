"""kayseri export all OUT.xlsx --db PATH [--with-contacts]"""

from __future__ import annotations

import argparse
from pathlib import Path

from kayseri_desktop.cli.common import Subparsers, add_db_argument, open_for_reading, print_counts


def register(sub: Subparsers) -> None:
    p = sub.add_parser("all", help="tüm veritabanı tek çalışma kitabında (arşiv)")
    p.add_argument("out", type=Path, help="ÇIKTI.xlsx")
    add_db_argument(p)
    p.add_argument(
        "--with-contacts",
        action="store_true",
        help="firma yetkililerini de yaz (kişisel veri: KVKK)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kayseri_desktop.exchange.full_export import export_all

    ctx = open_for_reading(args.db)
    try:
        counts = export_all(ctx.db, args.out, with_contacts=args.with_contacts)
    finally:
        ctx.close()
    print(f"Yazıldı: {args.out}")
    print_counts(counts)
    if counts.note:
        print(counts.note)
    return 0
