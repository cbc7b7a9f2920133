"""kayseri import firms FILE.xlsx --db PATH [--sheet NAME] [--dry-run] [--skip-invalid]
    [--map MAP.json] [--write-map MAP.json] [--allow-title-change]

Prints the preview's counts, the words read as sectors / OSBs / size classes, the
questions still open, every update (field: old -> new) and every refused row (row,
column, reason). Without --skip-invalid any refused row means nothing is imported and
the exit code is 1.

Words the vocabulary and the remembered synonyms do not know are answered by a map
file (exchange/import_map): ``--dry-run --write-map MAP.json`` writes the open
questions, ``--map MAP.json`` gives the answers (a real import also remembers them as
synonyms for everyone). A row whose tax number belongs to a firm of another title is
refused unless ``--allow-title-change``.

A dry run only reads: the database is opened read-only and never migrated or
backed up (one on an older schema is refused, untouched; one that does not exist
yet is previewed against an empty database in a temporary folder). A real import
holds the window's one-writer lock and creates a new database only in a folder
that exists.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kayseri_desktop.cli.common import (
    Refused,
    Subparsers,
    add_db_argument,
    db_path,
    open_for_reading,
    open_for_writing,
    print_counts,
)

if TYPE_CHECKING:
    from kayseri_desktop.exchange.firms_import import ImportPlan
    from kayseri_desktop.exchange.import_map import Choices
    from kayseri_desktop.services.context import AppContext


def register(sub: Subparsers) -> None:
    p = sub.add_parser("firms", help="firma listesini Excel'den içe aktar")
    p.add_argument("file", metavar="DOSYA")
    add_db_argument(p, may_create=True)
    p.add_argument("--sheet", help="sayfa adı (varsayılan: ilk görünür sayfa)")
    p.add_argument("--dry-run", action="store_true", help="yalnızca önizle, hiçbir şey yazma")
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="reddedilen satırları atla, geçerli olanları aktar",
    )
    p.add_argument(
        "--map",
        metavar="EŞLEME.json",
        help="tanınmayan sektör/OSB/ölçek değerlerinin karşılıkları (--write-map ile yazılır)",
    )
    p.add_argument(
        "--write-map",
        metavar="EŞLEME.json",
        help="--dry-run ile: açık soruları doldurulacak bir eşleme dosyasına yaz",
    )
    p.add_argument(
        "--allow-title-change",
        action="store_true",
        help="vergi numarası başka unvanlı bir firmaya ait satırları da güncelle",
    )
    p.set_defaults(handler=run)


@contextlib.contextmanager
def _preview_database(db: str) -> Iterator[AppContext]:
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


UPDATES_SHOWN = 50  # update lines printed; the rest are counted


def _show_plan(plan: ImportPlan) -> None:
    """Translations, open questions, held and updated rows, refusals."""
    from kayseri_desktop.core.turkish import tr_upper
    from kayseri_desktop.core.vocabulary import FIELD_NAMES
    from kayseri_desktop.core.vocabulary import FIELDS as VOCABULARY
    from kayseri_desktop.exchange import firms_import

    if plan.translations:
        print("Çevrilen değerler:")
        for t in plan.translations:
            meaning = VOCABULARY[t.field].label(t.code) if t.code else "boş bırakılır"
            print(f"  {FIELD_NAMES[t.field]} “{t.value}” → {meaning} ({t.source}), {t.rows} satır")
    updates = [r for r in plan.rows if r.status in (firms_import.UPDATE, firms_import.HELD)]
    for r in updates[:UPDATES_SHOWN]:
        changes = "; ".join(firms_import.change_text(k, *v) for k, v in r.changes.items())
        if r.status == firms_import.HELD:  # confirmed by --allow-title-change
            print(f"  UNVAN DEĞİŞECEK satır {r.row}: {r.held} {changes}")
        else:
            print(f"  {tr_upper(firms_import.STATUS_TEXT[r.status])} satır {r.row}: {changes}")
    if len(updates) > UPDATES_SHOWN:
        print(f"  … ve {len(updates) - UPDATES_SHOWN} güncelleme daha.")
    for problem in plan.problems():
        print(f"  REDDEDİLDİ {problem.text()}")
    if plan.questions:
        print(f"Sorulacak değerler ({len(plan.questions)}):")
        for q in plan.questions:
            print(f"  {FIELD_NAMES[q.field]} “{q.value}”, {q.rows} satır: {q.reason()}")
        print(
            "Bunları yanıtlamak için: --dry-run --write-map EŞLEME.json ile soruları bir "
            "dosyaya yazın, her “secim” alanını doldurun ve --map EŞLEME.json ile verin."
        )


def run(args: argparse.Namespace) -> int:
    from kayseri_desktop.exchange import firms_import, firms_import_write, import_map
    from kayseri_desktop.exchange.firms_mapping import FIELDS, auto_mapping, detect_header
    from kayseri_desktop.exchange.xlsx_reader import FileRefused, XlsxFile

    if args.write_map and not args.dry_run:
        raise Refused("--write-map yalnızca --dry-run ile kullanılır (önce sorular yazılır).")
    choices: Choices = {}
    words: dict[tuple[str, str], str] = {}
    if args.map:
        try:
            choices, words = import_map.read_map(args.map)
        except firms_import.ImportRefused as exc:
            raise Refused(str(exc)) from None

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

    def show_preview(ctx: AppContext) -> tuple[ImportPlan, dict[str, int]]:
        try:
            plan = firms_import.preview(ctx.db, sheet, header, mapping, choices=choices)
        except firms_import.ImportRefused as exc:
            raise Refused(str(exc)) from None
        if args.allow_title_change:
            plan.confirm_held()
        else:
            plan.refuse_held()  # each says why; --allow-title-change lets them through
        counts = plan.counts()
        print("Önizleme:")
        print_counts({firms_import.STATUS_TEXT[k]: v for k, v in counts.items()})
        _show_plan(plan)
        if counts[firms_import.HELD]:
            print(
                f"{counts[firms_import.HELD]} satırda vergi numarası başka unvanlı bir firmaya "
                "ait; --allow-title-change ile bu firmaların unvanı ve bilgileri değişir."
            )
        elif not args.allow_title_change and any(
            firms_import.TITLE_HELD in p.reason for p in plan.problems()
        ):
            print(
                "Vergi numarası başka bir firmaya ait satırlar reddedildi; bu firmaları "
                "yeniden adlandırmak istiyorsanız --allow-title-change ile çalıştırın."
            )
        return plan, counts

    if args.dry_run:
        with _preview_database(args.db) as ctx:
            plan, counts = show_preview(ctx)
        if args.write_map:
            try:
                written = import_map.write_map(plan, args.write_map, choices, words)
            except OSError as exc:
                raise Refused(str(exc)) from None
            print(f"Eşleme dosyası yazıldı: {written} ({len(plan.questions)} açık soru).")
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
        remembered = _remember(ctx, choices, words)
    print(f"Aktarıldı: {done['created']} yeni firma, {done['updated']} firma güncellendi.")
    if remembered:
        print(f"{remembered} eşleme eş anlamlı olarak kaydedildi; sonraki aktarımlar da tanır.")
    return 0


def _remember(ctx: AppContext, choices: Choices, words: dict[tuple[str, str], str]) -> int:
    """The map file's answers as synonyms for everyone's next import; not "reddet", and
    not an answer for a word that fits several values (the next list's firms may differ)."""
    from kayseri_desktop.core.vocabulary import vocabulary
    from kayseri_desktop.exchange.firms_import import LEAVE_EMPTY, REFUSE
    from kayseri_desktop.services import synonyms

    items = [
        (field, words[(field, k)], None if choice == LEAVE_EMPTY else choice)
        for (field, k), choice in choices.items()
        if choice != REFUSE and not vocabulary(field).ambiguous(words[(field, k)])
    ]
    return len(synonyms.save(ctx.db, ctx.bus, items, user=ctx.user))
