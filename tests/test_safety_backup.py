"""Backups, rotation and restore: the service and `kayseri backup` / `kayseri restore`."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from conftest import add_sample_rows, make_firm, sqlite_scalar

from kayseri_desktop.cli import main
from kayseri_desktop.data.backup import BackupError
from kayseri_desktop.data.rotation import list_backups, rotate, to_keep
from kayseri_desktop.services import backups
from kayseri_desktop.services.backups import BackupPolicy, ChangeWatch
from kayseri_desktop.services.context import open_context


def firm_count(path) -> int:
    return sqlite_scalar(path, "SELECT count(*) FROM firms")


@pytest.fixture
def filled(tmp_path):
    path = tmp_path / "masa.sqlite"
    ctx = open_context(path)
    add_sample_rows(ctx.db)
    ctx.close()
    return path


def test_take_backup_names_verifies_and_copies_everything(filled, tmp_path):
    made = backups.take_backup(filled, BackupPolicy(tmp_path / "yedek"))
    assert made.parent == tmp_path / "yedek"
    assert made.name.startswith("masa-") and made.name.endswith("-elle.sqlite")
    assert firm_count(made) == firm_count(filled) == 6
    assert not list((tmp_path / "yedek").glob("*.tmp"))
    con = sqlite3.connect(made)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_startup_backup_skips_a_new_database(tmp_path):
    assert backups.startup_backup(tmp_path / "yok.sqlite") is None


def test_rotation_keeps_newest_per_day_and_week(tmp_path):
    folder = tmp_path / "y"
    folder.mkdir()
    start = dt.datetime(2026, 11, 25, 18, 0)
    for days in range(40):
        for hour in (9, 17):
            when = start - dt.timedelta(days=days) - dt.timedelta(hours=18 - hour)
            name = f"masa-{when:%Y%m%d-%H%M%S}-kapanis.sqlite"
            (folder / name).write_bytes(b"x")
    (folder / "kendi-kopyam.sqlite").write_bytes(b"mine")
    (folder / "baska-20260101-000000-kapanis.sqlite").write_bytes(b"other db")
    (folder / "masa-20250101-000000-geri-yukleme-oncesi.sqlite").write_bytes(b"undo")
    (folder / "masa-20250101-000000-elle.sqlite").write_bytes(b"by hand")
    removed = rotate(folder, "masa", keep_daily=3, keep_weekly=2)
    kept = [b for b in list_backups(folder, "masa") if b.reason == "kapanis"]
    kept_days = sorted({b.taken_at.date() for b in kept})
    # 3 newest days (their 17:00 backups) plus the newest of the previous ISO week
    assert [b.taken_at.hour for b in kept] == [17] * len(kept)
    assert kept_days[-3:] == [dt.date(2026, 11, 23), dt.date(2026, 11, 24), dt.date(2026, 11, 25)]
    assert dt.date(2026, 11, 22) in kept_days  # Sunday: newest of ISO week 47
    assert len(kept) == 4 and len(removed) == 80 - 4
    for name in (
        "kendi-kopyam.sqlite",
        "baska-20260101-000000-kapanis.sqlite",
        "masa-20250101-000000-geri-yukleme-oncesi.sqlite",
        "masa-20250101-000000-elle.sqlite",
    ):
        assert (folder / name).exists(), name


def test_rotation_always_keeps_the_newest_even_with_zero():
    assert to_keep([], 0, 0) == set()


def test_take_backup_rotates_with_the_policy(filled, tmp_path):
    policy = BackupPolicy(tmp_path / "y", keep_daily=1, keep_weekly=1)
    old = tmp_path / "y" / "masa-20250101-120000-kapanis.sqlite"
    old.parent.mkdir()
    old.write_bytes(b"eski")
    made = backups.take_backup(filled, policy, backups.REASON_CLOSE)
    assert [b.path for b in list_backups(tmp_path / "y", "masa")] == [made]


def test_change_watch_backs_up_on_close_only_after_a_local_change(filled, tmp_path):
    policy = BackupPolicy(tmp_path / "y")
    ctx = open_context(filled)
    watch = ChangeWatch(ctx.bus)
    ctx.bus.publish("firm", [1], origin="external")
    assert backups.backup_on_close(ctx.db, watch, policy) is None
    watch = ChangeWatch(ctx.bus)
    with ctx.db.write() as s:
        s.add(make_firm("Yeni Firma", 200000001))
    made = backups.backup_on_close(ctx.db, watch, policy)
    ctx.close()
    assert made is not None and made.name.endswith("-kapanis.sqlite")
    assert firm_count(made) == 7


def test_restore_backs_up_what_it_replaces(filled, tmp_path):
    policy = BackupPolicy(tmp_path / "y")
    good = backups.take_backup(filled, policy)
    ctx = open_context(filled)
    with ctx.db.write() as s:
        s.add(make_firm("Sonradan Eklenen", 200000002))
    ctx.close()
    assert firm_count(filled) == 7
    before = backups.restore(filled, good, policy, user="test")
    assert firm_count(filled) == 6
    assert before is not None and "geri-yukleme-oncesi" in before.name
    assert firm_count(before) == 7
    again = open_context(filled)  # still opens and migrates as a normal database
    again.close()


def test_restore_refuses_a_damaged_or_foreign_file_and_changes_nothing(filled, tmp_path):
    bogus = tmp_path / "bozuk.sqlite"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with pytest.raises(BackupError, match="bütünlük"):
        backups.restore(filled, bogus, BackupPolicy(tmp_path / "y"))
    assert firm_count(filled) == 6
    assert not (tmp_path / "y").exists()


def test_cli_backup_and_restore(filled, tmp_path, capsys):
    out = tmp_path / "elle.sqlite"
    assert main(["backup", "--db", str(filled), "--out", str(out)]) == 0
    assert "doğrulandı" in capsys.readouterr().out
    con = sqlite3.connect(filled)
    con.execute("DELETE FROM firms")
    con.commit()
    con.close()
    assert main(["restore", "--db", str(filled), "--from", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Önceki hâlinin yedeği" in text
    assert firm_count(filled) == 6
    saved = list_backups(filled.parent / "yedekler", "masa")
    assert [b.reason for b in saved] == ["geri-yukleme-oncesi"]
    assert firm_count(saved[0].path) == 0


def test_cli_backup_into_folder_and_refuses_postgres(filled, tmp_path, capsys):
    assert main(["backup", "--db", str(filled), "--folder", str(tmp_path / "f")]) == 0
    assert len(list_backups(tmp_path / "f", "masa")) == 1
    assert main(["backup", "--db", "postgresql+psycopg://u@h/db", "--out", "x"]) == 2
    assert "pg_dump" in capsys.readouterr().err


def test_cli_restore_refuses_while_another_copy_holds_the_lock(filled, tmp_path, capsys):
    out = tmp_path / "elle.sqlite"
    assert main(["backup", "--db", str(filled), "--out", str(out)]) == 0
    holder = open_context(filled, take_lock=True)
    try:
        assert main(["restore", "--db", str(filled), "--from", str(out)]) == 2
        assert "yalnızca bir kişi" in capsys.readouterr().err
    finally:
        holder.close()


def blank_sqlite(path):
    """A valid SQLite file with no tables in it (as a new, empty database left behind)."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.execute("DROP TABLE t")
    con.close()
    return path


def other_program(path):
    """Another program's database: sound SQLite, tables of its own."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    con.execute("CREATE TABLE firms (id INTEGER PRIMARY KEY, name TEXT)")  # a namesake table
    con.execute("INSERT INTO moz_places (url) VALUES ('https://ktonet.org.tr')")
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (blank_sqlite, "boş bir SQLite dosyası; içinde bu uygulamanın verisi yok"),
        (other_program, "başka bir programın veritabanı (bu uygulamanın tabloları yok)"),
        (lambda p: p.write_bytes(b"PK\x03\x04" + b"x" * 3000), "bir SQLite veritabanı değil"),
        (lambda p: p.write_bytes(b""), "boş bir dosya, veritabanı değil"),
    ],
    ids=["blank-sqlite", "other-program", "not-sqlite", "empty-file"],
)
def test_cli_restore_accepts_only_this_apps_database(filled, tmp_path, capsys, make, reason):
    source = tmp_path / "yabanci.sqlite"
    make(source)
    before = filled.read_bytes()
    assert main(["restore", "--db", str(filled), "--from", str(source)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("Hata: yabanci.sqlite ") and reason in err and "\n" not in err
    assert filled.read_bytes() == before and firm_count(filled) == 6
    assert not (tmp_path / "yedekler").exists()  # not even a backup was needed


def test_restore_says_what_the_backup_holds_and_what_it_replaces(filled, tmp_path, capsys):
    out = tmp_path / "elle.sqlite"
    assert main(["backup", "--db", str(filled), "--out", str(out)]) == 0
    ctx = open_context(filled)
    with ctx.db.write() as s:
        s.add_all([make_firm(f"Yeni {i}", 200000010 + i) for i in range(3)])
    ctx.close()
    preview = backups.preview(filled, out)
    assert (preview.incoming.firms, preview.current.firms) == (5, 8)  # not the deleted one
    assert preview.current.last_change >= preview.incoming.last_change
    capsys.readouterr()
    assert main(["restore", "--db", str(filled), "--from", str(out)]) == 0
    lines = capsys.readouterr().out.splitlines()
    when = preview.incoming.last_change.strftime("%d.%m.%Y %H:%M")
    assert lines[0] == f"Yedek (elle.sqlite): 5 firma, son değişiklik {when}."
    assert lines[1].startswith("Yerine konacak veritabanı (masa.sqlite): 8 firma, son değişiklik")


def test_cli_restore_while_another_process_has_the_database_open(filled, tmp_path, capsys):
    from faults import hold_lock

    out = tmp_path / "elle.sqlite"
    assert main(["backup", "--db", str(filled), "--out", str(out)]) == 0
    with hold_lock(filled, user="Ayşe Yılmaz"):
        assert main(["restore", "--db", str(filled), "--from", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Ayşe Yılmaz" in err and "Traceback" not in err
    assert firm_count(filled) == 6
    assert list_backups(filled.parent / "yedekler", "masa") == []  # not even started
