"""kayseri meeting-pack --db PATH (--meeting ID | --date YYYY-MM-DD) --out PACK.xlsx|PACK.pdf"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from kayseri_desktop.cli.common import Subparsers, add_db_argument, open_for_reading


def register(sub: Subparsers) -> None:
    p = sub.add_parser("meeting-pack", help="Üst Kurul toplantı paketi (.xlsx ya da .pdf)")
    add_db_argument(p)
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--meeting", type=int, help="toplantı numarası")
    which.add_argument("--date", type=dt.date.fromisoformat, help="toplantı tarihi (YYYY-AA-GG)")
    p.add_argument("--out", required=True, type=Path, help="PAKET.xlsx ya da PAKET.pdf")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kayseri_desktop.exchange.pack_files import write_pack
    from kayseri_desktop.services import meeting_pack

    if args.out.suffix.lower() not in (".xlsx", ".pdf"):
        print("Hata: --out .xlsx ya da .pdf ile bitmeli.", file=sys.stderr)
        return 2
    ctx = open_for_reading(args.db)
    try:
        try:
            mid = meeting_pack.find_meeting(ctx.db, meeting_id=args.meeting, on=args.date)
            pack = meeting_pack.build(ctx.db, mid)
        except meeting_pack.PackError as exc:
            print(f"Hata: {exc}", file=sys.stderr)
            return 2
        write_pack(pack, args.out)
    finally:
        ctx.close()
    print(f"Toplantı paketi yazıldı: {args.out} ({pack.held_on:%d.%m.%Y}, {pack.period_text})")
    if pack.privacy_note:
        print(pack.privacy_note)
    return 0
