"""kayseri scorecard --db PATH (--firm VKN --out CARD.pdf | --visited --out FOLDER)
[--with-contacts]"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from kayseri_desktop.cli.common import Subparsers, add_db_argument, open_for_reading, thousands


def register(sub: Subparsers) -> None:
    p = sub.add_parser("scorecard", help="firma karnesi (.pdf): bir firma ya da ziyaret edilenler")
    add_db_argument(p)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--firm", metavar="VKN", help="firmanın vergi numarası")
    which.add_argument(
        "--visited", action="store_true", help="yerinde ziyaret edilen her firma (bir klasöre)"
    )
    p.add_argument(
        "--out", required=True, type=Path, help="KARNE.pdf (--firm) ya da KLASÖR (--visited)"
    )
    p.add_argument(
        "--with-contacts",
        action="store_true",
        help="KVKK onayı kayıtlı yetkilileri de yaz (verilmezse kişisel veri yazılmaz)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kayseri_desktop.exchange.scorecard_pdf import write_scorecard, write_scorecards
    from kayseri_desktop.services import scorecard

    if args.firm and args.out.suffix.lower() != ".pdf":
        print(f"Hata: --out .pdf ile bitmeli; “{args.out.name}” verildi.", file=sys.stderr)
        return 2
    if args.visited and args.out.exists() and not args.out.is_dir():
        print(
            f"Hata: --visited ile --out bir klasör olmalı; “{args.out}” bir dosya.",
            file=sys.stderr,
        )
        return 2
    started = time.perf_counter()
    date_text = f"{dt.date.today():%d.%m.%Y}"
    ctx = open_for_reading(args.db)
    try:
        try:
            ids = [scorecard.find_firm(ctx.db, args.firm)] if args.firm else None
            if ids is None:
                ids = scorecard.visited_firm_ids(ctx.db)
            cards = scorecard.build(ctx.db, ids, with_contacts=args.with_contacts)
        except scorecard.ScorecardError as exc:
            print(f"Hata: {exc}", file=sys.stderr)
            return 2
    finally:
        ctx.close()
    if args.firm:
        pages = write_scorecard(cards[0], args.out, date_text=date_text)
        print(f"Firma karnesi yazıldı: {args.out} ({pages} sayfa)")
    elif not cards:
        print("Yerinde ziyaret edilmiş firma yok; karne yazılmadı.")
        return 0
    else:
        paths = write_scorecards(cards, args.out, date_text=date_text)
        took = time.perf_counter() - started
        print(f"{thousands(len(paths))} firma karnesi yazıldı: {args.out} ({took:.1f} sn)")
    if not args.with_contacts:
        print("Yetkililerin kişisel verileri yazılmadı (KVKK); gerekirse --with-contacts.")
    return 0
