#!/usr/bin/env python3
"""Freeze an example database for one released schema revision (run once per revision).

    .venv/bin/python scripts/make_frozen_database.py 0004

Makes tests/data/schema_<REV>.sqlite: a new file migrated to exactly that revision and
filled with a small deterministic demo, then compacted. Commit the file together with
the migration that introduced the revision; never regenerate an existing one: the point
is that it was made by that revision, so tests/test_frozen_revisions.py catches an edit
to an old migration when it upgrades the file to head.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from pathlib import Path

from kayseri_desktop.data import migrations
from kayseri_desktop.data.engine import Database, make_engine, resolve_url
from kayseri_desktop.services import demo

ROOT = Path(__file__).resolve().parent.parent
FIRMS = 40
TODAY = dt.date(2026, 11, 25)


def main(revision: str) -> int:
    target = ROOT / "tests" / "data" / f"schema_{revision}.sqlite"
    if target.exists():
        print(f"{target} zaten var; dondurulmuş bir dosya yeniden yapılmaz.", file=sys.stderr)
        return 1
    url = resolve_url(target)
    migrations.upgrade(url, revision)
    engine = make_engine(url, pooled=False)
    try:
        demo.generate(Database(url, engine), firms=FIRMS, today=TODAY)
    finally:
        engine.dispose()
    con = sqlite3.connect(target)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
        con.execute("VACUUM")
    finally:
        con.close()
    print(f"{target}: şema {revision}, {FIRMS} firma")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
