"""The command line and the one-writer lock, read-only commands, and no tracebacks.

Each test runs the real command (kayseri_desktop.cli.main or a `python -m` process) the
way a person types it, and looks at the files afterwards: a command that is refused
leaves the database byte-identical, and nothing a person sees is a Python traceback.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from faults import fill_disk, hold_lock, read_only, remount_read_only, small_disk

from kayseri_desktop.cli import main
from kayseri_desktop.data import lock as lk
from kayseri_desktop.data import migrations
from kayseri_desktop.data.engine import sqlite_url
from kayseri_desktop.services.context import open_context

ROOT = Path(__file__).resolve().parents[1]
OLDER = "0002"  # a released revision before head


def digest(path: Path) -> str:
    """The database file's bytes, with its WAL (where a write would land first)."""
    h = hashlib.sha256(path.read_bytes())
    wal = Path(f"{path}-wal")
    if wal.exists():
        h.update(wal.read_bytes())
    return h.hexdigest()


def firms(path: Path) -> int:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM firms").fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    """A demo database, an Excel list of other firms, and a backup of the database."""
    folder = tmp_path_factory.mktemp("sablon")
    db = folder / "masa.sqlite"
    assert main(["demo", "--db", str(db), "--firms", "40", "--today", "2026-11-25"]) == 0
    other = folder / "baska.sqlite"
    assert main(["demo", "--db", str(other), "--firms", "15", "--seed", "7"]) == 0
    xlsx = folder / "liste.xlsx"
    assert main(["export", "firms", str(xlsx), "--db", str(other)]) == 0
    backup = folder / "yedek.sqlite"
    assert main(["backup", "--db", str(other), "--out", str(backup)]) == 0
    return db, xlsx, backup


@pytest.fixture
def setup(templates, tmp_path, capsys):
    db, xlsx, backup = templates
    copy = tmp_path / "masa.sqlite"
    shutil.copy(db, copy)
    capsys.readouterr()
    return copy, xlsx, backup


def revision(db: Path) -> str:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def older_copy(db: Path) -> Path:
    """db taken back to an older schema revision, as an older version left it."""
    migrations.downgrade(sqlite_url(db), OLDER)
    assert revision(db) == OLDER
    return db


# --- 1. Every writing command takes the window's lock ---------------------------------


def writing_commands(db: Path, xlsx: Path, backup: Path) -> list[list[str]]:
    return [
        ["import", "firms", str(xlsx), "--db", str(db), "--skip-invalid"],
        ["demo", "--db", str(db), "--firms", "5", "--replace"],
        ["demo", "--db", str(db), "--firms", "5"],
        ["restore", "--db", str(db), "--from", str(backup)],
    ]


def test_writing_commands_obey_the_windows_lock_and_write_nothing(setup, capsys):
    db, xlsx, backup = setup
    with hold_lock(db, user="Ayşe Yılmaz"):
        before = digest(db)
        for argv in writing_commands(db, xlsx, backup):
            code = main(argv)
            err = capsys.readouterr().err
            assert code != 0, argv
            assert "Ayşe Yılmaz" in err and "yalnızca bir kişi yazabilir" in err, argv
            assert "Traceback" not in err
            assert digest(db) == before, argv
    assert firms(db) == 40
    assert sorted(p.name for p in db.parent.iterdir() if "eski" in p.name) == []


def test_a_lock_held_in_this_process_stops_the_import_too(setup, capsys):
    db, xlsx, _ = setup
    window = open_context(db, take_lock=True)
    try:
        before = digest(db)
        assert main(["import", "firms", str(xlsx), "--db", str(db)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("Hata: veritabanı şu anda ")
        assert digest(db) == before
    finally:
        window.close()
    assert main(["import", "firms", str(xlsx), "--db", str(db), "--skip-invalid"]) == 0
    assert firms(db) == 55
    assert not lk.lock_path(db).exists()  # released after the import


def test_demo_replace_keeps_the_lock_while_it_moves_the_file_aside(setup, capsys):
    db, _, _ = setup
    assert main(["demo", "--db", str(db), "--firms", "5", "--replace"]) == 0
    assert firms(db) == 5
    assert len(list(db.parent.glob("masa.sqlite.*.eski"))) == 1
    assert not lk.lock_path(db).exists()


# --- 2. Read-only commands and dry runs never write ------------------------------------


def reading_commands(db: Path, out: Path, xlsx: Path) -> list[list[str]]:
    return [
        ["check", "--db", str(db)],
        ["export", "firms", str(out / "f.xlsx"), "--db", str(db)],
        ["export", "visits", str(out / "z.xlsx"), "--db", str(db)],
        ["export", "projects", str(out / "p.xlsx"), "--db", str(db)],
        ["export", "all", str(out / "t.xlsx"), "--db", str(db)],
        ["visits", "ics", str(out / "v.ics"), "--db", str(db)],
        ["meeting-pack", "--db", str(db), "--meeting", "1", "--out", str(out / "m.xlsx")],
        ["import", "firms", str(xlsx), "--db", str(db), "--dry-run"],
    ]


def test_read_only_commands_and_a_dry_run_leave_the_file_byte_identical(setup, tmp_path, capsys):
    db, xlsx, _ = setup
    out = tmp_path / "cikti"
    out.mkdir()
    before = digest(db)
    for argv in reading_commands(db, out, xlsx):
        assert main(argv) == 0, (argv, capsys.readouterr().err)
        assert digest(db) == before, argv
    assert not (db.parent / "yedekler").exists()


def test_on_an_older_schema_they_say_so_and_neither_migrate_nor_back_up(setup, tmp_path, capsys):
    db, xlsx, _ = setup
    older_copy(db)
    out = tmp_path / "cikti"
    out.mkdir()
    before = digest(db)
    for argv in reading_commands(db, out, xlsx):
        code = main(argv)
        captured = capsys.readouterr()
        text = captured.out + captured.err
        assert code != 0, argv  # check: not ok while the schema is behind
        assert "şema eski; uygulama bir sonraki açılışta" in text, argv
        assert "Traceback" not in text
        assert digest(db) == before, argv
    assert revision(db) == OLDER
    assert not (db.parent / "yedekler").exists()
    assert list(out.iterdir()) == []


def test_a_dry_run_on_a_database_not_made_yet_creates_nothing(templates, tmp_path, capsys):
    _, xlsx, _ = templates
    db = tmp_path / "yeni.sqlite"
    assert main(["import", "firms", str(xlsx), "--db", str(db), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Veritabanı henüz yok" in out and "hiçbir şey yazılmadı" in out
    assert "Yeni veritabanı oluşturuldu" not in out
    assert list(tmp_path.iterdir()) == []


# --- 5. A mistyped --db for import -------------------------------------------------------


def test_import_makes_a_new_database_only_in_a_folder_that_exists(templates, tmp_path, capsys):
    _, xlsx, _ = templates
    typo = tmp_path / "Belgelerim" / "masa.sqlite"
    assert main(["import", "firms", str(xlsx), "--db", str(typo), "--skip-invalid"]) == 2
    err = capsys.readouterr().err
    assert f"klasör yok: {typo.parent}" in err and "Hiçbir şey oluşturulmadı" in err
    assert list(tmp_path.iterdir()) == []
    db = tmp_path / "masa.sqlite"
    assert main(["import", "firms", str(xlsx), "--db", str(db), "--skip-invalid"]) == 0
    assert f"Yeni veritabanı oluşturuldu: {db}" in capsys.readouterr().out
    assert firms(db) == 15


# --- 4. No traceback, a Turkish reason and a non-zero exit ---------------------------------


def run_cli(*argv: str) -> subprocess.CompletedProcess:
    """The command in its own process: what the person at the terminal really sees,
    including whatever Python prints while it shuts down."""
    return subprocess.run(
        [sys.executable, "-m", "kayseri_desktop.cli", *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )


def test_visits_over_the_whole_calendar_are_written(setup, tmp_path, capsys):
    db, _, _ = setup
    out = tmp_path / "v.ics"
    argv = ["visits", "ics", str(out), "--db", str(db), "--from", "0001-01-01"]
    assert main([*argv, "--to", "9999-12-31"]) == 0
    assert "ziyaret yazıldı" in capsys.readouterr().out
    assert out.read_bytes().count(b"BEGIN:VEVENT") > 0


def test_export_all_into_a_place_that_cannot_be_written_is_one_line(setup, tmp_path):
    db, _, _ = setup
    blocker = tmp_path / "rapor"
    blocker.write_text("a file where a folder was expected", encoding="utf-8")
    done = run_cli("export", "all", str(blocker / "arsiv.xlsx"), "--db", str(db))
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("Hata: “arsiv.xlsx”")


@pytest.mark.parametrize("kind", ["firms", "visits", "projects"])
def test_other_exports_into_such_a_place_say_why_in_turkish(setup, tmp_path, capsys, kind):
    db, _, _ = setup
    blocker = tmp_path / "rapor"
    blocker.write_text("a file where a folder was expected", encoding="utf-8")
    assert main(["export", kind, str(blocker / "liste.xlsx"), "--db", str(db)]) == 2
    assert capsys.readouterr().err == (
        f"Hata: “liste.xlsx” yazılamadı: “{blocker}” klasörüne yazılamıyor (yolun bir "
        "parçası klasör değil). Başka bir klasör seçin; hiçbir şey yazılmadı.\n"
    )


def test_an_absurd_firm_count_is_refused_before_any_work(tmp_path, capsys):
    db = tmp_path / "d.sqlite"
    assert main(["demo", "--db", str(db), "--firms", "100000000000"]) == 2
    err = capsys.readouterr().err
    assert "--firms 1 ile 200.000 arasında olmalı" in err
    assert not db.exists()


def test_import_into_an_immutable_database_is_refused_plainly(setup, capsys):
    db, xlsx, _ = setup
    made = subprocess.run(["chattr", "+i", str(db)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"chattr +i yapılamadı ({made.stderr.strip()}): değiştirilemez dosya yok")
    try:
        before = digest(db)
        assert main(["import", "firms", str(xlsx), "--db", str(db), "--skip-invalid"]) == 2
        err = capsys.readouterr().err
        assert "yazmaya kapalı" in err and "Traceback" not in err
        assert digest(db) == before
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)


def test_import_into_a_read_only_place_is_refused_plainly(setup, capsys):
    db, xlsx, _ = setup
    with read_only(db.parent):
        assert main(["import", "firms", str(xlsx), "--db", str(db), "--skip-invalid"]) == 2
        err = capsys.readouterr().err
        assert "yazmaya kapalı" in err and "Traceback" not in err
    assert firms(db) == 40


def test_import_on_a_full_disk_says_so_and_keeps_the_database(templates, capsys):
    template, xlsx, _ = templates
    with small_disk(8192) as disk:
        db = disk / "masa.sqlite"
        shutil.copy(template, db)
        filler = fill_disk(disk)
        code = main(["import", "firms", str(xlsx), "--db", str(db), "--skip-invalid"])
        err = capsys.readouterr().err
        assert code != 0
        assert "disk dolu" in err and "Traceback" not in err
        filler.unlink()
        assert firms(db) == 40


def test_read_only_media_are_not_called_damaged(templates, capsys):
    template, _, _ = templates
    with small_disk(8192) as disk:
        db = disk / "masa.sqlite"
        shutil.copy(template, db)
        remount_read_only(disk)
        code = main(["check", "--db", str(db)])
        err = capsys.readouterr().err
        assert "hasarlı" not in err and "Traceback" not in err
        if code != 0:  # SQLite cannot read WAL files beside it here: said so
            assert "yazmaya kapalı" in err


def test_two_imports_of_the_same_file_at_once_end_cleanly(setup, monkeypatch, capsys):
    """The second import starts while the first has read the list and is about to write
    (as two people pressing Enter at once): one imports, the other is told why not,
    in one line that names no firm."""
    from kayseri_desktop.exchange import firms_import_write

    db, xlsx, _ = setup
    argv = ["import", "firms", str(xlsx), "--db", str(db), "--skip-invalid"]
    real_apply = firms_import_write.apply
    other: list = []

    def the_other_one_first(*args, **kwargs):
        if not other:
            other.append("started")
            other.append(main(argv))
            other.append(capsys.readouterr())
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(firms_import_write, "apply", the_other_one_first)
    first = main(argv)
    mine = capsys.readouterr()
    con = sqlite3.connect(db)
    secrets = [r for row in con.execute("SELECT tax_no, title FROM firms") for r in row if r]
    con.close()
    assert sorted([first, other[1]]) == [0, 2]
    for result in (mine, other[2]):
        assert "Traceback" not in result.err
        assert not any(secret in result.err for secret in secrets)
    loser = other[2] if other[1] else mine
    assert loser.err.count("\n") == 1 and loser.err.startswith("Hata: veritabanı şu anda")
    assert firms(db) == 55


def test_an_unexpected_failure_is_one_line_without_its_details(monkeypatch, capsys):
    """Whatever a command did not foresee: one Turkish line; the exception's text (which
    may carry SQL parameters: tax numbers, titles) is not printed."""

    from kayseri_desktop.cli import check

    def fails(_args):
        raise RuntimeError("UNIQUE failed; parameters: ('1234567890', 'Gizli A.Ş.')")

    monkeypatch.setattr(check, "run", fails)
    assert main(["check", "--db", "sqlite://"]) != 0
    err = capsys.readouterr().err
    assert err == "Hata: beklenmeyen bir sorun oluştu (RuntimeError); işlem tamamlanamadı.\n"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["demoo"], "kayseri: hata: KOMUT: geçersiz seçim: 'demoo' (şunlardan biri olmalı:"),
        (["demo", "--db", "x", "--firms", "çok"], "--firms: geçersiz tam sayı değeri: 'çok'"),
        (["export", "firms", "f.xlsx"], "şu bağımsız değişkenler gerekli: --db"),
        (["check", "--db", "sqlite://", "fazla"], "tanınmayan bağımsız değişkenler: fazla"),
        (["export"], "kullanım: kayseri export [-h] TÜR ..."),
    ],
)
def test_argparse_speaks_turkish(argv, expected, capsys):
    with pytest.raises(SystemExit) as ended:
        main(argv)
    assert ended.value.code == 2
    err = capsys.readouterr().err
    assert expected in err
    assert "usage:" not in err and "error:" not in err and "invalid" not in err


def test_help_headings_are_turkish(capsys):
    with pytest.raises(SystemExit):
        main(["demo", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("kullanım: kayseri demo")
    assert "seçenekler:" in out and "bu yardımı göster ve çık" in out
    assert "options" not in out and "show this help" not in out
