import sqlite3

from kayseri_desktop.cli import main


def test_demo_then_check_reports_rows_and_schema(tmp_path, capsys):
    db = tmp_path / "cli.sqlite"
    assert main(["demo", "--db", str(db), "--firms", "120", "--today", "2026-11-25"]) == 0
    capsys.readouterr()
    assert main(["check", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Bütünlük   : ok" in out
    assert "firms" in out and "120" in out


def test_demo_refuses_a_filled_database_and_replace_keeps_the_old_file(tmp_path, capsys):
    db = tmp_path / "cli.sqlite"
    assert main(["demo", "--db", str(db), "--firms", "50", "--today", "2026-11-25"]) == 0
    assert main(["demo", "--db", str(db), "--firms", "60", "--today", "2026-11-25"]) == 2
    assert "Hata:" in capsys.readouterr().err
    assert main(["demo", "--db", str(db), "--firms", "60", "--replace"]) == 0
    assert len(list(tmp_path.glob("cli.sqlite.*.eski"))) == 1
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM firms").fetchone()[0] == 60
    con.close()


def test_check_on_a_file_that_is_not_a_database_says_so(tmp_path, capsys):
    bogus = tmp_path / "liste.xlsx"
    bogus.write_bytes(b"not a database at all" * 50)
    assert main(["check", "--db", str(bogus)]) == 2
    assert "SQLite veritabanı değil" in capsys.readouterr().err


def test_a_mistyped_database_path_is_refused_and_not_created(tmp_path, capsys):
    import pytest

    for args in (["check"], ["export", "firms", str(tmp_path / "f.xlsx")], ["visits", "ics",
                 str(tmp_path / "v.ics")]):  # fmt: skip
        with pytest.raises(SystemExit) as exit_:
            main([*args, "--db", str(tmp_path / "yanlis.sqlite")])
        assert exit_.value.code == 2
        assert "veritabanı bulunamadı" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    # Commands that fill a database may start a new one.
    assert main(["demo", "--db", str(tmp_path / "yeni.sqlite"), "--firms", "20"]) == 0


def test_a_reader_that_stops_early_is_no_error(monkeypatch, capsys):
    """`kayseri check | head -1`: the pipe closes before all is printed; no "Hata" then."""
    import argparse

    from kayseri_desktop import cli

    def stops_early(_args):
        raise BrokenPipeError(32, "Broken pipe")

    parser = argparse.ArgumentParser()
    parser.set_defaults(handler=stops_early)
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    assert cli.main([]) == 1
    assert capsys.readouterr().err == ""
