"""kayseri import firms FILE.xlsx --db PATH [--sheet NAME] [--dry-run] [--skip-invalid]

Prints the preview's counts and every refused row (row, column, reason). Without
--skip-invalid any refused row means nothing is imported and the exit code is 1.

A dry run only reads: the database is opened read-only and never migrated or
backed up (one on an older schema is refused, untouched; one that does not exist
yet is previewed against an empty database in a temporary folder). A real import
holds the window's one-writer lock and creates a new database only in a folder
that exists.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

from kayseri_desktop.cli.common import (
    Refused,
    add_db_argument,
    db_path,
    open_for_reading,
    open_for_writing,
    print_counts,
)


def register(sub) -> None:
    p = sub.add_parser("firms", help="firma listesini Excel'den içe aktar")
    p.add_argument("file", metavar="DOSYA.xlsx")
    add_db_argument(p, may_create=True)
    p.add_argument("--sheet", help="sayfa adı (varsayılan: ilk görünür sayfa)")
    p.add_argument("--dry-run", action="store_true", help="yalnızca önizle, hiçbir şey yazma")
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="reddedilen satırları atla, geçerli olanları aktar",
    )
    p.set_defaults(handler=run)


@contextlib.contextmanager
def _preview_database(db: str):
    """Read-only for a dry run: the database itself, or an empty one of this version's
    schema in a temporary folder when the file does not exist yet."""
    from kayseri_desktop.services.context import open_context

    path = db_path(db)
    if path is not None and not path.exists():
        if not path.parent.is_dir():
            raise Refused(f"klasör yok: {path.parent}; hiçbir şey oluşturulmadı.")
        print(f"Veritabanı henüz yok ({path}); önizleme boş bir veritabanına göre yapıldı.")
        with tempfile.TemporaryDirectory(prefix="kayseri-onizleme-") as folder:
            ctx = open_context(Path(folder) / "bos.sqlite")
            try:
                yield ctx
            finally:
                ctx.close()
        return
    ctx = open_for_reading(db)
    try:
        yield ctx
    finally:
        ctx.close()


def run(args) -> int:
    from kayseri_desktop.exchange import firms_import, firms_import_write
    from kayseri_desktop.exchange.firms_mapping import FIELDS, auto_mapping, detect_header
    from kayseri_desktop.exchange.xlsx_reader import FileRefused, XlsxFile

    try:
        with XlsxFile(args.file) as book:
            sheet = book.read(args.sheet)
    except FileRefused as exc:
        raise Refused(str(exc)) from None
    if not sheet.rows:
        raise Refused(f"“{sheet.name}” sayfası boş.")
    header = detect_header(sheet.rows)
    headers = sheet.rows[header][1]
    mapping = auto_mapping(headers)
    print(f"Sayfa: {sheet.name}, başlık satırı: {sheet.rows[header][0]}")
    for col, field in sorted(mapping.items()):
        print(f"  {headers[col]!s:<30} → {FIELDS[field]}")

    def show_preview(ctx):
        try:
            plan = firms_import.preview(ctx.db, sheet, header, mapping)
        except firms_import.ImportRefused as exc:
            raise Refused(str(exc)) from None
        counts = plan.counts()
        print("Önizleme:")
        print_counts({firms_import.STATUS_TEXT[k]: v for k, v in counts.items()})
        for problem in plan.problems():
            print(f"  REDDEDİLDİ {problem.text()}")
        return plan, counts

    if args.dry_run:
        with _preview_database(args.db) as ctx:
            _plan, counts = show_preview(ctx)
        print("Deneme (--dry-run): hiçbir şey yazılmadı.")
        return 1 if counts[firms_import.REFUSED] and not args.skip_invalid else 0

    path = db_path(args.db)
    new = path is not None and not path.exists()
    with open_for_writing(args.db, may_create=True) as ctx:
        if new:
            print(f"Yeni veritabanı oluşturuldu: {path}")
        plan, _counts = show_preview(ctx)
        try:
            done = firms_import_write.apply(
                ctx.db, ctx.bus, plan, user=ctx.user, skip_invalid=args.skip_invalid
            )
        except firms_import.ImportRefused as exc:
            print(f"Hata: {exc}", file=sys.stderr)
            return 1
    print(f"Aktarıldı: {done['created']} yeni firma, {done['updated']} firma güncellendi.")
    return 0
