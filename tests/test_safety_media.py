"""A full disk, a read-only place, a killed backup: said as what they are, nothing touched.

Run on a real small file system (tests/faults.py: a tmpfs mount, as root on CI;
skipped with the reason elsewhere). Start-up once called a healthy database on a full
disk "hasarlı", renamed it aside, failed to copy the backup in, and the next start
made a new, empty database.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import add_sample_rows
from faults import fill_disk, kill_at, read_only, remount_read_only, small_disk
from PySide6.QtWidgets import QMessageBox

from kayseri_desktop.cli import main
from kayseri_desktop.data import recovery
from kayseri_desktop.data.backup import clean_leftovers, temp_path
from kayseri_desktop.data.migrations import SchemaError
from kayseri_desktop.data.rotation import list_backups
from kayseri_desktop.gui.safety import startup
from kayseri_desktop.services.backups import BackupPolicy, take_backup
from kayseri_desktop.services.context import open_context


class Answers:
    """Every box shown; choice boxes answered with the queued labels (as a person would)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.queue: list[str] = []

    def exec(self, box: QMessageBox) -> int:
        self.shown.append((box.windowTitle(), box.text()))
        labels = [b.text() for b in box.buttons()]
        if self.queue and self.queue[0] in labels:
            wanted = self.queue.pop(0)
            next(b for b in box.buttons() if b.text() == wanted).click()
        return 0


@pytest.fixture
def answers(monkeypatch) -> Answers:
    log = Answers()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: log.exec(box))
    return log


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def firm_count(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM firms").fetchone()[0]
    finally:
        con.close()


def office_on(folder: Path) -> tuple[Path, BackupPolicy]:
    """A closed database with rows and one good backup, as after a day's work."""
    path = folder / "masa.sqlite"
    ctx = open_context(path)
    add_sample_rows(ctx.db)
    ctx.close()
    policy = BackupPolicy(folder / "yedekler")
    take_backup(path, policy)
    return path, policy


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_a_full_disk_is_said_as_such_and_the_database_is_left_alone(qapp, answers):
    with small_disk(3072) as disk:
        path, policy = office_on(disk)
        before, firms, files = digest(path), firm_count(path), names(disk)
        filler = fill_disk(disk)
        answers.queue = ["Yedeği geri yükle"]  # what the old start-up offered, and took
        assert startup.open_safely(None, path, policy=policy) is None
        titles = [title for title, _ in answers.shown]
        assert "Veritabanı hasarlı" not in titles
        assert titles == ["Veritabanı kullanılamıyor"]
        text = answers.shown[0][1]
        assert "Disk dolu:" in text and "MB gerekli" in text and "hasarlı değil" in text
        assert digest(path) == before
        companions = {"masa.sqlite-wal", "masa.sqlite-shm"}  # SQLite's own, for reading
        assert names(disk) - companions == files | {filler.name}
        assert not any(".hasarli-" in n for n in names(disk))

        # the next start, still full: the same answer, and no new empty database
        answers.shown.clear()
        assert startup.open_safely(None, path, policy=policy) is None
        assert [t for t, _ in answers.shown] == ["Veritabanı kullanılamıyor"]
        assert digest(path) == before

        filler.unlink()  # room again: the same database opens with every firm
        ctx = startup.open_safely(None, path, policy=policy)
        assert ctx is not None
        ctx.close()
        assert firm_count(path) == firms


def test_a_backup_onto_a_full_disk_says_how_much_room_it_needs(capsys):
    with small_disk(2048) as disk, small_disk(4096) as other:
        path, _ = office_on(other)
        fill_disk(disk)
        assert main(["backup", "--db", str(path), "--out", str(disk / "yedek.sqlite")]) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith("Hata: Yedek alınamadı. Disk dolu:") and "MB gerekli" in err
        assert "\n" not in err and "Traceback" not in err
        assert names(disk) == {"dolgu.bin"}  # no half-written backup, no temp file


def test_a_read_only_medium_is_not_damage_and_opens_read_only(qapp, answers):
    with small_disk(4096) as disk:
        path, policy = office_on(disk)
        before, files, firms = digest(path), names(disk), firm_count(path)
        remount_read_only(disk)
        try:
            answers.queue = ["Yedeği geri yükle"]  # what the old start-up offered
            assert startup.open_safely(None, path, policy=policy) is None
            assert [t for t, _ in answers.shown] == ["Salt okunur konum"]
            text = answers.shown[0][1]
            assert "salt okunur bir yerde" in text and "hasarlı değil" in text

            answers.queue = ["Salt okunur aç"]
            ctx = startup.open_safely(None, path, policy=policy)
            assert ctx is not None and ctx.db.readonly and ctx.lock is None
            try:
                from kayseri_desktop.data import models as m

                with ctx.db.read() as s:
                    assert s.query(m.Firm).count() == firms
            finally:
                ctx.close()
        finally:
            remount_read_only(disk, read_only=False)
        companions = {"masa.sqlite-wal", "masa.sqlite-shm"}  # SQLite's own, empty
        assert digest(path) == before and names(disk) - companions == files - companions


def test_a_read_only_folder_is_said_as_such_by_the_cli(tmp_path, capsys):
    office = tmp_path / "ofis"
    office.mkdir()
    path, _ = office_on(office)
    locked = tmp_path / "kilitli"
    locked.mkdir()
    with read_only(locked):
        assert main(["backup", "--db", str(path), "--out", str(locked / "y.sqlite")]) == 2
    err = capsys.readouterr().err.strip()
    assert "salt okunur" in err and "\n" not in err
    assert list(locked.iterdir()) == []


def test_backup_out_a_folder_is_refused_in_one_line(tmp_path, capsys, monkeypatch):
    path, _ = office_on(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["backup", "--db", str(path), "--out", "."]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "Hata: Yedek yazılamadı: . bir klasör; bir dosya adı verin."


def test_a_cli_run_shows_no_traceback_for_an_unwritable_out(tmp_path):
    path, _ = office_on(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "kayseri_desktop.cli", "backup", "--db", str(path), "--out", "."],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1])),
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1


def test_a_backup_killed_midway_leaves_nothing_behind_the_next_run(tmp_path, capsys):
    path, policy = office_on(tmp_path)
    folder = policy.folder_for(path)
    pid = kill_at(
        "kayseri_desktop.data.backup:integrity_ok",
        f"""
        from kayseri_desktop.cli import main
        main(["backup", "--db", {str(path)!r}, "--folder", {str(folder)!r}])
        """,
    )
    litter = [p for p in folder.iterdir() if p.name.endswith(f".{pid}.tmp")]
    assert len(litter) == 1 and litter[0].stat().st_size > 0  # a full-size temp copy
    # and what an older version left: <backup>.sqlite.tmp with its journal
    old = folder / "masa-20261201-101010-elle.sqlite.tmp"
    old.write_bytes(b"x" * 4096)
    (folder / (old.name + "-journal")).write_bytes(b"y" * 512)
    mine = folder / "benim notlarım.tmp"  # not the app's: never touched
    mine.write_text("kişisel")

    assert main(["backup", "--db", str(path), "--folder", str(folder)]) == 0
    left = names(folder)
    assert not any(n.endswith((".tmp", ".tmp-journal")) for n in left - {mine.name})
    assert mine.name in left
    assert len(list_backups(folder, "masa")) == 2


def test_start_cleans_leftovers_but_not_a_temp_file_still_being_written(qapp, tmp_path, answers):
    path, policy = office_on(tmp_path)
    folder = policy.folder_for(path)
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        busy = folder / f"masa-20261203-090000-elle.sqlite.{sleeper.pid}.tmp"
        busy.write_bytes(b"in progress")
        dead = folder / "masa-20261203-080000-elle.sqlite.999999999.tmp"
        dead.write_bytes(b"killed")
        beside = temp_path(path).with_name(path.name + ".999999998.tmp-journal")
        beside.write_bytes(b"killed recovery copy")
        ctx = startup.open_safely(None, path, policy=policy)
        assert ctx is not None
        ctx.close()
        assert busy.exists() and not dead.exists() and not beside.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
    assert clean_leftovers(folder) == [busy]


def test_recovery_on_a_full_disk_renames_nothing(qapp, answers):
    with small_disk(3072) as disk:
        path, policy = office_on(disk)
        con = sqlite3.connect(path)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        with open(path, "r+b") as fh:  # real damage
            for page in range(2, path.stat().st_size // 4096):
                fh.seek(page * 4096 + 8)
                fh.write(b"\xa5" * 600)
        assert recovery.diagnose(path).damaged
        damaged = digest(path)
        fill_disk(disk)
        best = recovery.best_backup(policy.folder_for(path), "masa")
        assert best is not None
        with pytest.raises(recovery.BackupError, match=r"Disk dolu:.*MB gerekli"):
            recovery.recover(path, best)
        assert digest(path) == damaged
        assert not any(".hasarli-" in n or n.endswith(".tmp") for n in names(disk))


def test_a_missing_database_with_backups_is_not_silently_made_anew(qapp, tmp_path, answers):
    path, policy = office_on(tmp_path)
    firms = firm_count(path)
    path.rename(path.with_name("masa.sqlite.hasarli-20261203-101010"))  # as the old start left it
    answers.queue = ["Çık"]
    assert startup.open_safely(None, path, policy=policy) is None
    title, text = answers.shown[-1]
    assert title == "Veritabanı bulunamadı"
    assert "yedekleri var" in text and "Yeni bir veritabanı oluşturulmadı." in text
    assert not path.exists()

    answers.queue = ["En yeni yedeği geri yükle"]
    ctx = startup.open_safely(None, path, policy=policy)
    assert ctx is not None
    ctx.close()
    assert firm_count(path) == firms
    assert answers.shown[-1][0] == "Yedek geri yüklendi"


def test_a_database_whose_folder_is_gone_is_not_made_anew(qapp, tmp_path, answers):
    path = tmp_path / "usb-bellek" / "masa.sqlite"  # a disk not plugged in
    answers.queue = ["Çık"]
    assert startup.open_safely(None, path, policy=BackupPolicy()) is None
    assert answers.shown[-1][0] == "Veritabanı bulunamadı"
    assert not path.parent.exists()


def test_backup_never_replaces_what_is_not_a_regular_file(tmp_path, capsys):
    path, _ = office_on(tmp_path)
    target = tmp_path / "gercek.txt"
    target.write_text("kişisel not")
    link = tmp_path / "baglanti.sqlite"
    link.symlink_to(target)
    assert main(["backup", "--db", str(path), "--out", str(link)]) == 2
    assert "sıradan bir dosya değil" in capsys.readouterr().err
    assert link.is_symlink() and target.read_text() == "kişisel not"
    fifo = tmp_path / "boru.sqlite"  # not a regular file (as a device is), made safely here
    os.mkfifo(fifo)
    assert main(["backup", "--db", str(path), "--out", str(fifo)]) == 2
    assert "sıradan bir dosya değil" in capsys.readouterr().err
    assert fifo.is_fifo()
    assert main(["backup", "--db", str(path), "--folder", str(target)]) == 2
    assert capsys.readouterr().err.strip().endswith("gercek.txt bir dosya, klasör değil.")


def test_restore_from_a_copy_on_a_read_only_medium(tmp_path, capsys):
    office = tmp_path / "ofis"
    office.mkdir()
    path, _ = office_on(office)
    firms = firm_count(path)
    with small_disk(4096) as disk:
        stick = disk / "Masa #2 kopyası.sqlite"  # a copy of the live file: WAL mode
        stick.write_bytes(path.read_bytes())
        con = sqlite3.connect(path)
        con.execute("DELETE FROM firms WHERE deleted_at IS NOT NULL")
        con.commit()
        con.close()
        remount_read_only(disk)
        try:
            assert main(["restore", "--db", str(path), "--from", str(stick)]) == 0
        finally:
            remount_read_only(disk, read_only=False)
    assert "Yedek (Masa #2 kopyası.sqlite): 5 firma" in capsys.readouterr().out
    assert firm_count(path) == firms


def test_a_command_that_migrates_on_a_full_disk_says_disk_full_not_damaged(capsys):
    with small_disk(3072) as disk:
        path, _ = office_on(disk)
        firm_count(path)  # the last connection closes as the app's does: no -wal, no -shm
        assert not path.with_name("masa.sqlite-shm").exists()
        before = digest(path)
        fill_disk(disk)
        with pytest.raises(SchemaError) as caught:
            open_context(path)
        assert "Disk dolu:" in str(caught.value) and "hasarlı" not in str(caught.value)
        assert digest(path) == before
