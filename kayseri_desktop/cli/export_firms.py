"""kayseri export firms OUT.xlsx --db PATH [--search TEXT] [--sector S] [--district D]
[--with-contacts]"""

from __future__ import annotations

import argparse
import sys

from kayseri_desktop.cli.common import Subparsers, add_db_argument, open_for_reading, thousands


def register(sub: Subparsers) -> None:
    p = sub.add_parser("firms", help="firma sicilini Excel'e aktar")
    p.add_argument("out", metavar="ÇIKTI.xlsx")
    add_db_argument(p)
    p.add_argument("--search", default="", help="arama metni (unvan, VKN, ürün, yetkili)")
    p.add_argument("--sector", help="sektör (kod ya da ad, ör. mobilya)")
    p.add_argument("--district", help="ilçe (kod ya da ad, ör. Melikgazi)")
    p.add_argument(
        "--with-contacts",
        action="store_true",
        help="KVKK onayı olan yetkilileri de ekle (kişisel veri)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kayseri_desktop.core import firm_validation as fv
    from kayseri_desktop.exchange import firms_export
    from kayseri_desktop.services.firm_index import Filters, FirmIndex

    try:
        sector = fv.parse_sector(args.sector)
        district = fv.parse_district(args.district)
    except fv.FieldError as exc:
        print(f"Hata: {exc}", file=sys.stderr)
        return 2
    filters = Filters(
        sectors=frozenset({sector}) if sector else frozenset(),
        districts=frozenset({district}) if district else frozenset(),
    )
    ctx = open_for_reading(args.db)
    try:
        index = FirmIndex.load(ctx.db)
        rows = index.select(args.search, filters)
        # A place it cannot write to: exchange/atomic.py says why, main() prints it.
        result = firms_export.export(
            ctx.db, args.out, index, rows, with_contacts=args.with_contacts, with_details=True
        )
    finally:
        ctx.close()
    print(f"{result.path}: {thousands(result.firms)} firma yazıldı.")
    if args.with_contacts:
        print(f"Yetkililer: {thousands(result.contacts)} yazıldı. {result.note}")
    return 0
