"""kayseri visits ics OUT.ics --db PATH [--from DATE] [--to DATE] [--staff NAME]"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from kayseri_desktop.cli.common import Subparsers, add_db_argument, open_for_reading, thousands


def date_arg(text: str) -> dt.date:
    """A date written 2026-11-25 or 25.11.2026."""
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"“{text}” bir tarih değil (YYYY-AA-GG ya da GG.AA.YYYY)")


def add_range_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="first", type=date_arg, help="ilk gün (dahil)")
    parser.add_argument("--to", dest="last", type=date_arg, help="son gün (dahil)")


def check_range(args: argparse.Namespace) -> bool:
    if args.first and args.last and args.last < args.first:
        print("Hata: --to, --from tarihinden önce olamaz.", file=sys.stderr)
        return False
    return True


def register(sub: Subparsers) -> None:
    p = sub.add_parser("visits", help="saha ziyaretleri (iCalendar dışa aktarımı)")
    actions = p.add_subparsers(dest="action", required=True, metavar="İŞLEM")
    ics = actions.add_parser("ics", help="ziyaretleri .ics (Outlook, telefon) dosyasına yaz")
    ics.add_argument("out", type=Path, help="yazılacak .ics dosyası")
    add_db_argument(ics)
    add_range_arguments(ics)
    ics.add_argument("--staff", help="yalnız bu kişinin ziyaretleri (ad soyad)")
    ics.set_defaults(handler=run_ics)


def run_ics(args: argparse.Namespace) -> int:
    from kayseri_desktop.exchange.visits_ics import StaffNotFound, export_ics

    if not check_range(args):
        return 2
    ctx = open_for_reading(args.db)
    try:
        n = export_ics(ctx.db, args.out, args.first, args.last, staff=args.staff)
    except StaffNotFound as exc:
        print(f"Hata: {exc}", file=sys.stderr)
        return 2
    finally:
        ctx.close()
    print(f"{thousands(n)} ziyaret yazıldı: {args.out}")
    return 0
