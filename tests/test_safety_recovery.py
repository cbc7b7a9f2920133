"""Damage on start: a real database file with damaged bytes, walked to a recovered state."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import add_sample_rows, make_firm

from kayseri_desktop.data import recovery
from kayseri_desktop.data.backup import integrity_ok
from kayseri_desktop.services.backups import BackupPolicy, take_backup
from kayseri_desktop.services.context import open_context


def damage(path, *, page: int = 3, length: int = 600) -> None:
    """Overwrite bytes in the middle of a b-tree page (not the header)."""
    page_size = 4096
    with open(path, "r+b") as fh:
        fh.seek(page_size * page + 8)
        fh.write(b"\xa5" * length)


@pytest.fixture
def office(tmp_path):
    """A database with a backup, then more changes after the backup."""
    path = tmp_path / "masa.sqlite"
    ctx = open_context(path)
    add_sample_rows(ctx.db)
    ctx.close()
    policy = BackupPolicy(tmp_path / "yedekler")
    backup = take_backup(path, policy)
    ctx = open_context(path)
    with ctx.db.write() as s:
        s.add_all([make_firm(f"Yedekten Sonra {i}", 300000001 + i) for i in range(3)])
    ctx.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path, policy, backup


def test_a_sound_database_is_not_damaged(office):
    path, _, _ = office
    assert recovery.diagnose(path).damaged is False


def test_a_file_that_is_not_sqlite_is_left_alone(tmp_path):
    other = tmp_path / "liste.xlsx"
    other.write_bytes(b"PK\x03\x04" + b"x" * 3000)
    assert recovery.diagnose(other).damaged is False
    assert recovery.diagnose(tmp_path / "yok.sqlite").damaged is False


def test_damaged_bytes_are_detected_set_aside_and_the_backup_restored(office):
    path, policy, backup = office
    pages = path.stat().st_size // 4096
    for page in range(2, pages):
        damage(path, page=page)
    diagnosis = recovery.diagnose(path)
    assert diagnosis.damaged, "quick_check did not notice damaged pages"
    damaged_bytes = path.read_bytes()

    # a broken newer "backup" must be skipped in favour of the newest good one
    broken = policy.folder_for(path) / "masa-20991231-235959-kapanis.sqlite"
    broken.write_bytes(damaged_bytes)
    best = recovery.best_backup(policy.folder_for(path), "masa")
    assert best is not None and best.path == backup

    result = recovery.recover(path, best)
    assert result.damaged_copy.exists() and result.damaged_copy.read_bytes() == damaged_bytes
    assert result.damaged_copy.name.startswith("masa.sqlite.hasarli-")
    assert integrity_ok(path)[0]
    ctx = open_context(path)
    with ctx.db.read() as s:
        from kayseri_desktop.data import models as m

        titles = {f.title for f in s.query(m.Firm)}
    ctx.close()
    assert "Yedekten Sonra 0" not in titles and "Çağrı" in titles
    text = result.lost_text()
    assert best.taken_at.strftime("%d.%m.%Y") in text
    assert "kaybol" in text


def test_lost_changes_are_counted_when_the_damaged_file_still_reads(office):
    path, policy, backup = office
    # the audit log after the backup's newest entry: the three firms added since
    lost = recovery.lost_since(path, backup)
    assert lost == {"firm": 3}
    info = recovery.best_backup(policy.folder_for(path), "masa")
    text = recovery.Recovery(path, info, lost).lost_text()
    assert "3 değişiklik kayboldu (firma: 3)" in text


def test_set_aside_moves_wal_and_shm_with_the_file(tmp_path):
    db = tmp_path / "a.sqlite"
    for name in ("a.sqlite", "a.sqlite-wal", "a.sqlite-shm"):
        (tmp_path / name).write_bytes(name.encode())
    aside = recovery.set_aside(db)
    assert not db.exists()
    assert aside.read_bytes() == b"a.sqlite"
    assert aside.with_name(aside.name + "-wal").read_bytes() == b"a.sqlite-wal"
    second = tmp_path / "a.sqlite"
    second.write_bytes(b"again")
    assert recovery.set_aside(second, when=None) != aside
