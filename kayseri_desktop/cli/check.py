"""kayseri check --db PATH: integrity, schema version and rows per table."""

from __future__ import annotations

from kayseri_desktop.cli.common import add_db_argument, print_counts
from kayseri_desktop.data.inspection import check
from kayseri_desktop.services.context import open_context


def register(sub) -> None:
    p = sub.add_parser("check", help="bütünlük, şema sürümü ve tablo satır sayıları")
    add_db_argument(p)
    p.set_defaults(handler=run)


def run(args) -> int:
    ctx = open_context(args.db)
    try:
        report = check(ctx.db)
    finally:
        ctx.close()
    print(f"Veritabanı : {ctx.db.display_name()}")
    print(f"Bütünlük   : {report.integrity}")
    print(f"Şema       : {report.schema} (uygulamanın şeması: {report.head})")
    print("Satır sayıları:")
    print_counts(report.counts)
    return 0 if report.ok else 1
