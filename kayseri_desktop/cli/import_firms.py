"""kayseri import firms FILE.xlsx --db PATH [--sheet NAME] [--dry-run] [--skip-invalid]

Prints the preview's counts and every refused row (row, column, reason). Without
--skip-invalid any refused row means nothing is imported and the exit code is 1.
"""

from __future__ import annotations

import sys

from kayseri_desktop.cli.common import add_db_argument, print_counts


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


def run(args) -> int:
    from kayseri_desktop.exchange import firms_import, firms_import_write
    from kayseri_desktop.exchange.firms_mapping import FIELDS, auto_mapping, detect_header
    from kayseri_desktop.exchange.xlsx_reader import FileRefused, XlsxFile
    from kayseri_desktop.services.context import open_context

    try:
        with XlsxFile(args.file) as book:
            sheet = book.read(args.sheet)
    except FileRefused as exc:
        print(f"Hata: {exc}", file=sys.stderr)
        return 2
    if not sheet.rows:
        print(f"Hata: “{sheet.name}” sayfası boş.", file=sys.stderr)
        return 2
    header = detect_header(sheet.rows)
    headers = sheet.rows[header][1]
    mapping = auto_mapping(headers)
    print(f"Sayfa: {sheet.name}, başlık satırı: {sheet.rows[header][0]}")
    for col, field in sorted(mapping.items()):
        print(f"  {headers[col]!s:<30} → {FIELDS[field]}")
    ctx = open_context(args.db)
    try:
        try:
            plan = firms_import.preview(ctx.db, sheet, header, mapping)
        except firms_import.ImportRefused as exc:
            print(f"Hata: {exc}", file=sys.stderr)
            return 2
        counts = plan.counts()
        print("Önizleme:")
        print_counts({firms_import.STATUS_TEXT[k]: v for k, v in counts.items()})
        for problem in plan.problems():
            print(f"  REDDEDİLDİ {problem.text()}")
        if args.dry_run:
            print("Deneme (--dry-run): hiçbir şey yazılmadı.")
            return 1 if counts[firms_import.REFUSED] and not args.skip_invalid else 0
        try:
            done = firms_import_write.apply(
                ctx.db, ctx.bus, plan, user=ctx.user, skip_invalid=args.skip_invalid
            )
        except firms_import.ImportRefused as exc:
            print(f"Hata: {exc}", file=sys.stderr)
            return 1
    finally:
        ctx.close()
    print(f"Aktarıldı: {done['created']} yeni firma, {done['updated']} firma güncellendi.")
    return 0
