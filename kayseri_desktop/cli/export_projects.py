"""kayseri export projects OUT.xlsx --db PATH: projects, milestones and open decisions."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from kayseri_desktop.cli.common import Subparsers, add_db_argument, open_for_reading, thousands
from kayseri_desktop.exchange.projects_xlsx import export_projects


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "projects", help="projeler, kilometre taşları ve açık kararlar (bir çalışma kitabı)"
    )
    p.add_argument("out", type=Path, help="yazılacak .xlsx dosyası")
    add_db_argument(p)
    p.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="gecikmeleri bu güne göre hesapla (YYYY-AA-GG; varsayılan bugün)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() != ".xlsx":
        print(f"Hata: çıktı dosyası .xlsx uzantılı olmalı: {args.out}", file=sys.stderr)
        return 2
    ctx = open_for_reading(args.db)
    try:
        result = export_projects(ctx.db, args.out, today=args.today)
    finally:
        ctx.close()
    print(f"Yazıldı: {result.path}")
    print(f"  Projeler           {thousands(result.projects):>7}")
    print(f"  Kilometre taşları  {thousands(result.milestones):>7}")
    print(f"  Açık kararlar      {thousands(result.decisions):>7}")
    return 0
