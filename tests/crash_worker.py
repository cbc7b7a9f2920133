"""Crash-safety harness: a worker process killed with SIGKILL at random moments.

As a script, ``python crash_worker.py MODE FOLDER`` prepares its operation, prints
``ready``, performs it, prints ``done``. MODE is one of

- ``import``: a 10,000-firm .xlsx imported the way the app does it (read, preview,
  then the write: bulk statements on a second thread, one transaction) — killed
  during the write;
- ``backup``: a verified backup of a 10,000-firm database (data/backup.py);
- ``migration``: an Alembic upgrade that rebuilds the firms table (10,000 rows) and
  fills a new column, run by data/migrations.py in one transaction;
- ``restore``: a 10,000-firm backup restored over a 50-firm database
  (services/backups.py restore(), which first backs up what it replaces).

As a module, prepare()/kill_trial()/outcome() are used by tests/test_safety_crash.py
and benchmarks/bench_safety.py: the database must pass integrity_check after every
kill and hold either all of the change or none of it.
"""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROWS = 10_000
BASE_FIRMS = 50
MODES = ("import", "backup", "migration", "restore")

MIGRATION_0002 = '''"""crash test: rebuild firms with a new column and fill it"""
import sqlalchemy as sa
from alembic import op

revision = "0002_crashtest"
down_revision = "HEAD"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("firms", recreate="always") as batch:
        batch.add_column(sa.Column("crash_mark", sa.Integer(), nullable=True))
    op.execute("UPDATE firms SET crash_mark = id * 2")


def downgrade():
    with op.batch_alter_table("firms") as batch:
        batch.drop_column("crash_mark")
'''


def db_path(folder: Path) -> Path:
    return folder / "masa.sqlite"


def backup_path(folder: Path) -> Path:
    return folder / "yedek" / "masa-yedek.sqlite"


def source_path(folder: Path) -> Path:
    return folder / "kaynak" / "masa-20261124-170000-kapanis.sqlite"


def _head() -> str:
    """The app's own latest revision: the crash test's migration goes on top of it."""
    from kayseri_desktop.data import migrations

    return migrations.head_revision()


def scripts(folder: Path) -> Path:
    return folder / "db"


def firm_rows(start: int, n: int) -> list[dict]:
    from kayseri_desktop.core.taxid import vkn_with_check_digit
    from kayseri_desktop.core.turkish import collation_key, fold

    rows = []
    for i in range(start, start + n):
        title = f"Çökme Deneme Sanayi {i} A.Ş."
        rows.append(
            {
                "title": title,
                "tax_no": vkn_with_check_digit(f"{400000000 + i:09d}"),
                "title_sort": collation_key(title),
                "search_text": fold(title),
                "employees": i % 500,
                "version": 1,
            }
        )
    return rows


def import_file(folder: Path) -> Path:
    return folder / "firmalar.xlsx"


def _write_import_file(path: Path) -> None:
    """10,000 new firms, each with a head count, a contact and two export markets."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Firmalar")
    ws.append(["Firma Unvanı", "Vergi No", "Çalışan Sayısı", "Yetkili", "İhracat Ülkeleri"])
    for row in firm_rows(BASE_FIRMS, ROWS):
        ws.append([row["title"], row["tax_no"], row["employees"], f"Yetkili {row['tax_no']}",
                   "Almanya, Irak"])  # fmt: skip
    wb.save(path)


def _insert(ctx, rows: list[dict]) -> None:
    from sqlalchemy import insert

    from kayseri_desktop.data import models as m

    with ctx.bus.batch(), ctx.db.write() as s:
        for chunk in range(0, len(rows), 500):
            s.execute(insert(m.Firm.__table__), rows[chunk : chunk + 500])
        ctx.bus.publish("firm", (), "create")


def prepare(mode: str, folder: Path) -> None:
    """A fresh database for one trial of `mode` (copied from a cached template)."""
    from kayseri_desktop.services.context import open_context

    template = folder.parent / f"template-{mode}"
    if not template.exists():
        template.mkdir(parents=True)
        if mode == "migration":
            shutil.copytree(Path(__file__).resolve().parents[1] / "db", scripts(template))
            shutil.rmtree(scripts(template) / "__pycache__", ignore_errors=True)
            (scripts(template) / "versions" / "0002_crashtest.py").write_text(
                MIGRATION_0002.replace('"HEAD"', repr(_head())), encoding="utf-8"
            )
        if mode == "restore":  # the backup to restore: 10,000 firms
            ctx = open_context(template / "buyuk.sqlite")
            _insert(ctx, firm_rows(0, ROWS))
            ctx.close()
            from kayseri_desktop.data.backup import backup_file

            backup_file(template / "buyuk.sqlite", source_path(template))
        if mode == "import":
            _write_import_file(import_file(template))
        ctx = open_context(db_path(template))
        _insert(ctx, firm_rows(0, BASE_FIRMS if mode in ("import", "restore") else ROWS))
        ctx.close()
        con = sqlite3.connect(db_path(template))
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(template, folder)


def work(mode: str, folder: Path) -> None:
    """The operation to be killed (runs in the worker process)."""
    if mode == "import":
        from kayseri_desktop.exchange import firms_import, firms_import_write
        from kayseri_desktop.exchange.firms_mapping import auto_mapping, detect_header
        from kayseri_desktop.exchange.xlsx_reader import XlsxFile
        from kayseri_desktop.services.context import open_context

        ctx = open_context(db_path(folder))
        with XlsxFile(import_file(folder)) as book:
            sheet = book.read()
        header = detect_header(sheet.rows)
        mapping = auto_mapping(sheet.rows[header][1])
        plan = firms_import.preview(ctx.db, sheet, header, mapping)
        assert plan.counts()["new"] == ROWS, plan.counts()
        print("ready", flush=True)
        firms_import_write.apply(ctx.db, ctx.bus, plan, user="crash")
        ctx.close()
    elif mode == "backup":
        from kayseri_desktop.data.backup import backup_file

        print("ready", flush=True)
        backup_file(db_path(folder), backup_path(folder))
    elif mode == "migration":
        from kayseri_desktop.data import migrations

        url = "sqlite:///" + str(db_path(folder))
        print("ready", flush=True)
        migrations.upgrade(url, backup_dir=folder / "yedek-gecis", script_location=scripts(folder))
    elif mode == "restore":
        from kayseri_desktop.services.backups import BackupPolicy, restore

        policy = BackupPolicy(folder / "yedek-geri")
        print("ready", flush=True)
        restore(db_path(folder), source_path(folder), policy, user="crash")
    else:
        raise SystemExit(f"unknown mode {mode}")
    print("done", flush=True)


def _count(path: Path, sql: str):
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def outcome(mode: str, folder: Path) -> str:
    """'all' or 'none' after a kill; raises AssertionError for anything in between."""
    db = db_path(folder)
    assert integrity(db) == "ok", f"{mode}: database failed integrity_check"
    firms = _count(db, "SELECT count(*) FROM firms")
    if mode == "import":
        assert firms in (BASE_FIRMS, BASE_FIRMS + ROWS), f"import: {firms} firms, half-written"
        new = firms - BASE_FIRMS  # and with them all of their children and audit entries
        assert _count(db, "SELECT count(*) FROM contacts") == new, "import: contacts half-written"
        assert _count(db, "SELECT count(*) FROM firm_markets") == 2 * new, "import: markets"
        created = _count(db, "SELECT count(*) FROM audit_entries WHERE user = 'crash'")
        assert created == new, f"import: {created} audit entries for {new} firms"
        return "all" if new else "none"
    if mode == "restore":
        assert firms in (BASE_FIRMS, ROWS), f"restore: {firms} firms, half-restored"
        for saved in (folder / "yedek-geri").glob("*.sqlite"):
            assert integrity(saved) == "ok", "restore: a pre-restore backup does not verify"
        return "all" if firms == ROWS else "none"
    if mode == "backup":
        assert firms == ROWS, "backup: the source database changed"
        out = backup_path(folder)
        if not out.exists():
            return "none"
        assert integrity(out) == "ok", "backup: a backup file exists that does not verify"
        assert _count(out, "SELECT count(*) FROM firms") == ROWS, "backup: incomplete backup"
        return "all"
    version = _count(db, "SELECT version_num FROM alembic_version")
    con = sqlite3.connect(db)
    try:
        columns = {row[1] for row in con.execute("PRAGMA table_info(firms)")}
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()
    assert firms == ROWS, f"migration: {firms} firms after the kill"
    if version == _head():
        assert "crash_mark" not in columns, "migration: new column but old version"
        return "none"
    assert version == "0002_crashtest" and "crash_mark" in columns
    marked = _count(db, "SELECT count(*) FROM firms WHERE crash_mark = id * 2")
    assert marked == ROWS, f"migration: only {marked} rows migrated"
    return "all"


def _spawn(mode: str, folder: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), mode, str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def measure(mode: str, folder: Path) -> float:
    """Seconds from 'ready' to 'done' in one uninterrupted run (sizes the kill window)."""
    prepare(mode, folder)
    proc = _spawn(mode, folder)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
    start = time.perf_counter()
    line = proc.stdout.readline().strip()
    elapsed = time.perf_counter() - start
    _, err = proc.communicate(timeout=120)
    assert line == "done", err
    assert outcome(mode, folder) == "all"
    return elapsed


def kill_trial(mode: str, folder: Path, window: float, rng: random.Random) -> tuple[str, bool]:
    """Prepare, start, SIGKILL after a random delay; (outcome, killed before 'done')."""
    prepare(mode, folder)
    proc = _spawn(mode, folder)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0, window))
    finished_first = proc.poll() is not None
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=60)
    mid_way = not finished_first and "done" not in out
    return outcome(mode, folder), mid_way


if __name__ == "__main__":
    work(sys.argv[1], Path(sys.argv[2]))
