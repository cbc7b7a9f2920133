"""One writer per SQLite file: the lock file, its holder, read-only opening, takeover."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from kayseri_desktop.data import lock as lk
from kayseri_desktop.services.context import open_context


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "masa.sqlite"
    open_context(path).close()
    return path


def write_lock(db, **fields) -> None:
    now = dt.datetime.now().isoformat(timespec="seconds")
    data = {
        "user": "ayse@ofis-3",
        "machine": lk.machine_name(),
        "pid": 1,
        "since": now,
        "heartbeat": now,
        "token": "t0",
    }
    data.update(fields)
    lk.lock_path(db).write_text(json.dumps(data), encoding="utf-8")


def test_second_copy_is_told_who_has_it_and_may_open_read_only(db):
    first = open_context(db, take_lock=True)
    try:
        info = json.loads(lk.lock_path(db).read_text(encoding="utf-8"))
        assert {"user", "machine", "pid", "since"} <= set(info)
        with pytest.raises(lk.DatabaseLocked) as caught:
            open_context(db, take_lock=True)
        text = str(caught.value)
        assert caught.value.holder.person in text and lk.machine_name() in text
        assert "salt okunur" in text
        assert caught.value.holder.pid == info["pid"]
        second = open_context(db, readonly=True)
        try:
            assert second.db.readonly
            with pytest.raises(PermissionError), second.db.write():
                pass
        finally:
            second.close()
    finally:
        first.close()
    assert not lk.lock_path(db).exists()
    open_context(db, take_lock=True).close()


def test_lock_of_a_crashed_process_on_this_machine_is_taken_over(db):
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead_pid = int(proc.stdout)
    write_lock(db, pid=dead_pid)
    ctx = open_context(db, take_lock=True)
    try:
        assert ctx.lock is not None and ctx.lock.took_over is not None
        assert ctx.lock.took_over.pid == dead_pid
        assert ctx.lock.held()
    finally:
        ctx.close()


def test_lock_with_an_old_heartbeat_from_another_machine_is_taken_over(db):
    old = (dt.datetime.now() - lk.STALE_AFTER - dt.timedelta(minutes=1)).isoformat()
    write_lock(db, machine="baska-pc", pid=99999, heartbeat=old)
    ctx = open_context(db, take_lock=True)
    try:
        assert ctx.lock is not None and ctx.lock.took_over is not None
        assert ctx.lock.took_over.machine == "baska-pc"
        assert ctx.lock.held()
        assert json.loads(lk.lock_path(db).read_text(encoding="utf-8"))["token"] != "t0"
    finally:
        ctx.close()


def test_live_lock_from_another_machine_is_obeyed(db):
    write_lock(db, machine="baska-pc", pid=99999)
    with pytest.raises(lk.DatabaseLocked, match="baska-pc"):
        open_context(db, take_lock=True)
    assert json.loads(lk.lock_path(db).read_text(encoding="utf-8"))["token"] == "t0"


def test_live_process_on_this_machine_is_obeyed(db):
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        write_lock(db, pid=child.pid)
        with pytest.raises(lk.DatabaseLocked):
            open_context(db, take_lock=True)
    finally:
        child.kill()
        child.wait()
    open_context(db, take_lock=True).close()  # now it is a crashed holder


def test_garbage_lock_is_replaced_and_refresh_keeps_heartbeat(db):
    lk.lock_path(db).write_text("{not json", encoding="utf-8")
    held = lk.LockFile(db, "test").acquire()
    before = held.info.heartbeat
    assert held.refresh()
    assert lk.read(lk.lock_path(db)).token == held.info.token
    assert held.info.heartbeat >= before
    lk.lock_path(db).unlink()
    write_lock(db, token="someone-else")
    assert not held.refresh()  # not ours any more: untouched
    held.release()
    assert lk.read(lk.lock_path(db)).token == "someone-else"


def test_failed_open_releases_the_lock(tmp_path):
    bogus = tmp_path / "x.sqlite"
    bogus.write_bytes(b"not a database" * 100)
    with pytest.raises(Exception, match="SQLite"):
        open_context(bogus, take_lock=True)
    assert not lk.lock_path(bogus).exists()


# --- A lock file that is not what this app writes is no weapon ---------------------------

UNREADABLE_LOCKS = {
    "pid as text": lambda path: write_lock(path, pid="1234"),
    "unparsable date": lambda path: write_lock(path, since="dün öğlen", heartbeat="az önce"),
    "binary junk": lambda path: lk.lock_path(path).write_bytes(bytes(range(256)) * 4),
    "JSON list": lambda path: lk.lock_path(path).write_text("[1, 2, 3]", encoding="utf-8"),
    "missing fields": lambda path: lk.lock_path(path).write_text('{"user": "x"}'),
    "empty folder": lambda path: lk.lock_path(path).mkdir(),
}


@pytest.mark.parametrize("make", UNREADABLE_LOCKS.values(), ids=UNREADABLE_LOCKS.keys())
def test_an_unreadable_lock_is_taken_over_and_said(db, make, capsys):
    make(db)
    holder = lk.read(lk.lock_path(db))
    assert lk.is_stale(holder)
    reader = open_context(db, readonly=True)  # reading never looks at it
    reader.close()
    ctx = open_context(db, take_lock=True)
    try:
        assert ctx.lock.held() and ctx.lock.took_over_reason
        assert ctx.lock.took_over_reason.startswith("kilit dosyası okunamadı")
    finally:
        ctx.close()
    assert not lk.lock_path(db).exists()
    make(db)  # and the command line, in its own words
    from kayseri_desktop.cli import main

    assert main(["demo", "--db", str(db), "--firms", "3"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("Uyarı: eski yazma kilidi devralındı (kilit dosyası okunamadı: ")
    assert "Traceback" not in err


def test_a_pid_no_process_can_have_is_a_program_that_no_longer_runs(db):
    write_lock(db, pid=10**30)  # os.kill would overflow
    ctx = open_context(db, take_lock=True)
    try:
        assert ctx.lock.took_over_reason == "kilidi alan program artık çalışmıyor"
    finally:
        ctx.close()


def test_a_heartbeat_from_the_future_is_not_trusted(db):
    write_lock(db, machine="baska-pc", pid=4242, heartbeat="2099-01-01T09:00:00")
    assert lk.stale_reason(lk.read(lk.lock_path(db))) == (
        "kilit dosyasındaki zaman ileride (2099-01-01T09:00:00); güvenilmedi"
    )
    ctx = open_context(db, take_lock=True)
    try:
        assert ctx.lock.took_over.machine == "baska-pc"
    finally:
        ctx.close()


def test_a_heartbeat_a_few_minutes_ahead_is_a_clock_difference_and_obeyed(db):
    ahead = (dt.datetime.now() + dt.timedelta(minutes=3)).isoformat(timespec="seconds")
    write_lock(db, machine="baska-pc", pid=4242, heartbeat=ahead)
    with pytest.raises(lk.DatabaseLocked, match="baska-pc"):
        open_context(db, take_lock=True)


def test_a_time_with_a_zone_is_read_as_local_time(db):
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    write_lock(db, machine="baska-pc", pid=4242, since=now, heartbeat=now)
    with pytest.raises(lk.DatabaseLocked, match="baska-pc"):
        open_context(db, take_lock=True)


def test_a_folder_with_files_in_place_of_the_lock_blocks_writing_only(db, capsys):
    from kayseri_desktop.cli import main

    folder = lk.lock_path(db)
    folder.mkdir()
    (folder / "birinin-dosyasi.txt").write_text("dokunma", encoding="utf-8")
    with pytest.raises(lk.LockUnusable) as caught:
        open_context(db, take_lock=True)
    assert str(caught.value).startswith(f"Yazma kilidi alınamadı: {folder} bir klasör ve içi")
    assert isinstance(caught.value, lk.DatabaseLocked)  # the window offers read-only then
    reader = open_context(db, readonly=True)
    reader.close()
    assert main(["check", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["demo", "--db", str(db), "--firms", "3"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Hata: Yazma kilidi alınamadı: ") and "Traceback" not in err
    assert (folder / "birinin-dosyasi.txt").read_text(encoding="utf-8") == "dokunma"
