"""Odd folder and file names: backup, restore and check keep every firm, through the CLI.

A path goes into an SQLite ``file:`` URI and into SQLAlchemy URLs; unescaped, ``#``
cut it ("Masa #2.sqlite" backed up an empty "Masa "), ``%41`` became "A" and ``?``
started a query. Names here are made by hypothesis from Turkish letters, spaces and
``# % ? & = ; ' " [ ]``, plus the cases once seen failing.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import add_sample_rows, make_firm
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kayseri_desktop.cli import main
from kayseri_desktop.data import migrations
from kayseri_desktop.data.engine import resolve_url, sqlite_path, sqlite_uri, sqlite_url
from kayseri_desktop.data.rotation import list_backups
from kayseri_desktop.services.context import open_context

ODD = "#%?&=;'\"[] "
ALPHABET = "abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ0123456789-_.,()+@!$~:" + ODD

names = st.text(alphabet=ALPHABET, min_size=1, max_size=70).filter(
    lambda s: s not in (".", "..") and not s.startswith("-")
)


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> tuple[Path, set[str]]:
    """A database of this app with a dozen firms, copied for every example."""
    path = tmp_path_factory.mktemp("sablon") / "sablon.sqlite"
    ctx = open_context(path)
    add_sample_rows(ctx.db)
    with ctx.db.write() as s:
        s.add_all([make_firm(f"Şablon Firma {i}", 700000001 + i) for i in range(7)])
    ctx.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path, firm_titles(path)


def firm_titles(path: Path) -> set[str]:
    con = sqlite3.connect(path)  # a plain path: no URI parsing to go wrong
    try:
        return {row[0] for row in con.execute("SELECT title FROM firms")}
    finally:
        con.close()


def test_urls_and_uris_round_trip_the_cases_seen_failing(tmp_path):
    for name in ("Masa #2.sqlite", "Yüzde %41.sqlite", "Soru?.sqlite", "a&b=c;d'e\"[x].sqlite"):
        path = tmp_path / name
        assert sqlite_path(sqlite_url(path)) == path
        assert sqlite_path(resolve_url(path)) == path
        con = sqlite3.connect(sqlite_uri(path, "rwc"), uri=True)
        con.execute("CREATE TABLE t (x)")
        con.close()
        assert path.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["Masa #2.sqlite", "Yüzde %41.sqlite", "Soru?.sqlite", "a&b=c;d'e\"[x].sqlite"]
    )


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@example(folder="Proje #3", stem="Masa #2")
@example(folder="Yüzde %41", stem="Yüzde %41")
@example(folder="Soru?", stem="Soru?")
@example(folder="Çok Uzun Klasör Adı " * 5, stem="ğüşıöç #%?" * 11)  # 176 bytes of name
@given(folder=names, stem=names)
def test_backup_restore_check_keep_every_firm_whatever_the_path(
    tmp_path_factory, template, capsys, folder, stem
):
    source, titles = template
    place = tmp_path_factory.mktemp("yer") / folder
    place.mkdir()
    db = place / f"{stem}.sqlite"
    shutil.copyfile(source, db)

    assert main(["backup", "--db", str(db)]) == 0
    (backup,) = list_backups(place / "yedekler", db.stem)
    assert firm_titles(backup.path) == titles
    out = place / f"{stem} kopya.sqlite"
    assert main(["backup", "--db", str(db), "--out", str(out)]) == 0
    assert firm_titles(out) == titles

    ctx = open_context(db)  # a change after the backup, which the restore takes back
    with ctx.db.write() as s:
        s.add(make_firm("Sonradan Eklenen", 799999991))
    ctx.close()
    assert "Sonradan Eklenen" in firm_titles(db)

    assert main(["restore", "--db", str(db), "--from", str(backup.path)]) == 0
    assert firm_titles(db) == titles
    assert main(["check", "--db", str(db)]) == 0
    printed = capsys.readouterr().out
    assert f"{len(titles)} firma" in printed  # the restore said what the backup holds

    # nothing was written beside the right files (no "Masa " from a cut-off name)
    expected = {db.name, out.name, "yedekler", db.name + "-wal", db.name + "-shm"}
    assert {p.name for p in place.iterdir()} <= expected
    assert not any(p.suffix == ".tmp" for p in (place / "yedekler").iterdir())


def test_the_migration_backup_of_an_odd_path_holds_the_data(template, tmp_path):
    source, titles = template
    db = tmp_path / "Proje #3" / "Masa #2?%41.sqlite"
    db.parent.mkdir()
    shutil.copyfile(source, db)
    migrations.downgrade(sqlite_url(db), "-1")  # as the previous version of the app left it

    ctx = open_context(db)  # migrates, after a verified backup
    ctx.close()
    assert ctx.backup_taken is not None and ctx.backup_taken.parent == db.parent / "yedekler"
    assert firm_titles(ctx.backup_taken) == titles
    assert sorted(p.name for p in db.parent.iterdir() if p.is_file())[0].startswith("Masa #2?")
