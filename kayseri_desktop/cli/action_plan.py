"""kayseri action-plan --db PATH --out PLAN.docx|PLAN.pdf [--today YYYY-MM-DD]"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from kayseri_desktop.cli.common import Subparsers, add_db_argument, open_for_reading


def register(sub: Subparsers) -> None:
    p = sub.add_parser(
        "action-plan", help="Üretim ve İhracat Strateji Eylem Planı belgesi (.docx ya da .pdf)"
    )
    add_db_argument(p)
    p.add_argument("--out", required=True, type=Path, help="PLAN.docx ya da PLAN.pdf")
    p.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        help="gecikmelerin hesaplandığı gün (YYYY-AA-GG; verilmezse bugün)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    suffix = args.out.suffix.lower()
    if suffix not in (".docx", ".pdf"):
        print(
            f"Hata: --out .docx (Word'de düzenlemek için) ya da .pdf ile bitmeli; "
            f"“{args.out.name}” verildi.",
            file=sys.stderr,
        )
        return 2
    from kayseri_desktop.exchange import plan_content

    started = time.perf_counter()
    ctx = open_for_reading(args.db)
    try:
        content = plan_content.build(ctx.db, today=args.today)
    finally:
        ctx.close()
    if suffix == ".docx":
        from kayseri_desktop.exchange.plan_docx import write_plan_docx

        write_plan_docx(content, args.out)
        pages = ""
    else:
        from kayseri_desktop.exchange.plan_pdf import write_plan_pdf

        pages = f", {write_plan_pdf(content, args.out)} sayfa"
    took = time.perf_counter() - started
    print(f"Eylem planı yazıldı: {args.out} ({content.date_text}{pages}; {took:.1f} sn)")
    return 0
