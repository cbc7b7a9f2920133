"""kayseri check --db PATH: integrity, schema version and rows per table.

Reads only: the database is opened read-only and never migrated. On an older
schema it says so (the app updates it at its next start).
"""

from __future__ import annotations

import argparse

from sqlalchemy.exc import SQLAlchemyError

from kayseri_desktop.cli.common import (
    OLDER_SCHEMA,
    Refused,
    Subparsers,
    add_db_argument,
    open_for_reading,
    print_counts,
    schema_state,
)
from kayseri_desktop.data.inspection import check


def register(sub: Subparsers) -> None:
    p = sub.add_parser("check", help="bütünlük, şema sürümü ve tablo satır sayıları")
    add_db_argument(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    ctx = open_for_reading(args.db, allow_older=True)
    try:
        report = check(ctx.db)
    except SQLAlchemyError:  # an older schema without a table this version counts
        current, head = schema_state(args.db)
        if current == head:
            raise
        raise Refused(OLDER_SCHEMA.format(current=current or "boş", head=head)) from None
    finally:
        ctx.close()
    print(f"Veritabanı : {ctx.db.display_name()}")
    print(f"Bütünlük   : {report.integrity}")
    print(f"Şema       : {report.schema} (uygulamanın şeması: {report.head})")
    if report.schema != report.head:
        print(
            "             şema eski; uygulama bir sonraki açılışta güncelleyecek "
            "(bu komut dosyayı değiştirmedi)."
        )
    print("Satır sayıları:")
    print_counts(report.counts)
    return 0 if report.ok else 1
