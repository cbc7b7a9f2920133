"""The PyInstaller bundle, built with packaging/kayseri.spec, works on its own.

Builds the one-folder bundle once per test session (under a minute) into a
temporary folder and runs its programs the way IT would after installing:
``--self-test`` offscreen on a fresh database, on a database made at the first
schema revision, on an installed database with a later revision dropped into a copy
of the bundle (the migration runs inside the bundle, after a backup), on a database
from a newer version (refused), on the default database, in English, and the
bundled ``kayseri demo`` and ``kayseri check``. It also looks into the bundle for
the files and lazily imported modules the self-test does not reach. This is what
catches a data file or hidden import missing from the spec before anyone builds a
Windows installer.

Skipped at once when PyInstaller is not installed (it is in the ``test`` extra).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PyInstaller", reason="PyInstaller is not installed")

from alembic.script import ScriptDirectory

from kayseri_desktop import __version__, project_root
from kayseri_desktop.core.taxid import vkn_with_check_digit
from kayseri_desktop.data import migrations

pytestmark = pytest.mark.slow

ROOT = project_root()
SPEC = ROOT / "packaging" / "kayseri.spec"
APP_NAME = "KayseriIhracatMasasi"
EXE = ".exe" if sys.platform == "win32" else ""
BUILD_TIMEOUT_S = 1200
RUN_TIMEOUT_S = 180
QT_TURKISH_LOADED = "TAMAM Qt Türkçe çevirisi (qtbase_tr) yüklendi"
PASSED = "Öz sınama başarılı."
PROBE_REVISION = "9999_packaging_probe"
BINARY = re.compile(r"\.(so(\.\d+)*|dll|pyd|dylib)$")
UNUSED_QT = re.compile(
    r"Qt6?(Network|Qml|Quick|Sql|Test|Pdf|Multimedia|WebEngine|Designer|Charts|Wayland)"
)


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    """dist/KayseriIhracatMasasi built from the spec, once for the whole session."""
    base = tmp_path_factory.mktemp("pyinstaller")
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(base / "dist"),
        "--workpath",
        str(base / "build"),
        str(SPEC),
    ]
    result = subprocess.run(
        cmd, cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S, check=False
    )
    folder = base / "dist" / APP_NAME
    if result.returncode != 0 or not (folder / f"{APP_NAME}{EXE}").is_file():
        pytest.fail(f"PyInstaller failed ({result.returncode}):\n{result.stderr[-6000:]}")
    return folder


def _env(home: Path) -> dict[str, str]:
    """A clean environment: own settings folders, no Python variables, offscreen Qt."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "QT_", "KAYSERI_", "XDG_")) and k != "VIRTUAL_ENV"
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM="offscreen",
        LC_ALL="C.UTF-8",
        LANG="C.UTF-8",
    )
    return env


def run_bundle(folder: Path, program: str, *args: str, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(folder / f"{program}{EXE}"), *args],
        cwd=home,
        env=_env(home),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=RUN_TIMEOUT_S,
        check=False,
    )


def self_test(folder: Path, db: Path, *extra: str) -> subprocess.CompletedProcess:
    home = db.parent
    return run_bundle(folder, APP_NAME, "--self-test", "--db", str(db), *extra, home=home)


def revision_of(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def first_revision() -> str:
    script = ScriptDirectory.from_config(migrations.alembic_config())
    bases = script.get_bases()
    assert len(bases) == 1, bases
    return bases[0]


def database_at_first_revision(path: Path) -> Path:
    """A database as the first released schema left it, with one firm in it.

    Made by running the source tree's migrations only up to the first revision, so
    it stays a faithful "old" database when later revisions are added.
    """
    migrations.upgrade(f"sqlite:///{path}", target=first_revision())
    con = sqlite3.connect(path)
    try:
        with con:
            con.execute(
                "INSERT INTO firms (title, tax_no, search_text, title_sort, version,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)",
                (
                    "Eski Şema Mobilya A.Ş.",
                    vkn_with_check_digit("123456789"),
                    "eski sema mobilya a.s.",
                    "eski sema mobilya",
                    "2025-01-02 10:00:00",
                    "2025-01-02 10:00:00",
                ),
            )
    finally:
        con.close()
    return path


def firm_titles(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT title FROM firms ORDER BY id")]
    finally:
        con.close()


def _report(result: subprocess.CompletedProcess) -> str:
    return f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def test_bundle_holds_what_the_app_reads_at_run_time(bundle):
    internal = bundle / "_internal"
    for ui in (ROOT / "ui").glob("*.ui"):
        assert (internal / "ui" / ui.name).is_file(), ui.name
    for ts in (ROOT / "resources" / "translations").glob("*.ts"):
        assert (internal / "resources" / "translations" / f"{ts.stem}.qm").is_file(), ts.name
    for version in (ROOT / "db" / "versions").glob("*.py"):
        assert (internal / "db" / "versions" / version.name).is_file(), version.name
    for path in (ROOT / "resources").rglob("*"):
        relative = path.relative_to(ROOT)
        if path.is_file() and relative.parts[1] != "translations":
            assert (internal / relative).is_file(), relative
    for name in ("db/env.py", "db/script.py.mako", "pyproject.toml", "resources/icons/app.ico"):
        assert (internal / name).is_file(), name
    # PySide6/Qt/translations on Linux and macOS, PySide6/translations on Windows.
    assert [p.name for p in internal.glob("PySide6/**/translations/qtbase_tr.qm")]
    assert (bundle / f"kayseri{EXE}").is_file()


# Imported lazily or by name (so PyInstaller cannot see them) and not all exercised by
# --self-test: the spec's hidden imports must put them in the bundle's archive.
LAZY_MODULES = (
    "kayseri_desktop.services.demo",
    "kayseri_desktop.cli.demo",
    "kayseri_desktop.cli.check",
    "alembic.ddl.sqlite",
    "alembic.op",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "babel.dates",
    "babel.numbers",
    "holidays.countries.turkey",
    "phonenumbers.data.region_TR",
    "icalendar",
    "openpyxl",
    "stdnum.tr.vkn",
    "zoneinfo",
)


def test_bundle_archive_holds_the_lazily_imported_modules(bundle):
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(bundle / f"{APP_NAME}{EXE}")).open_embedded_archive("PYZ.pyz")
    missing = [name for name in LAZY_MODULES if name not in archive.toc]
    assert missing == []
    internal = bundle / "_internal"
    assert (internal / "holidays" / "locale" / "tr" / "LC_MESSAGES" / "TR.mo").is_file()
    assert (internal / "babel" / "locale-data" / "tr.dat").is_file()
    assert (internal / "babel" / "global.dat").is_file()


def test_bundle_leaves_out_unused_qt_modules_and_languages(bundle):
    internal = bundle / "_internal"
    binaries = [p.name for p in internal.rglob("*") if BINARY.search(p.name)]
    assert any("Qt6Widgets" in name for name in binaries)
    unused = [name for name in binaries if UNUSED_QT.search(name)]
    assert unused == []
    qms = {p.name for p in internal.glob("PySide6/**/translations/*.qm")}
    assert "qtbase_tr.qm" in qms
    assert "qtbase_de.qm" not in qms
    assert {p.stem.split("_")[0] for p in internal.glob("babel/locale-data/*.dat")} <= {
        "root",
        "tr",
        "en",
    }


# Big files left out for size (see packaging/kayseri.spec), by name, so that a new hook or
# dependency bringing them back fails here rather than silently growing the installer:
# the 8 MB QtOpenGL binding (a stub stands in), Qt's software OpenGL and Direct3D
# pieces on Windows.
LEFT_OUT_BINARIES = re.compile(r"^(QtOpenGL\.|opengl32sw|d3dcompiler|libegl|libglesv2)", re.I)


def test_bundle_leaves_out_the_big_parts_the_app_does_not_use(bundle):
    from PyInstaller.archive.readers import CArchiveReader

    internal = bundle / "_internal"
    binaries = [p.name for p in internal.rglob("*") if BINARY.search(p.name)]
    assert [name for name in binaries if LEFT_OUT_BINARIES.search(name)] == []
    assert any(name.startswith("QtOpenGLWidgets.") for name in binaries)  # pyqtgraph needs it
    assert not (internal / "numpy" / "random").exists()
    assert (internal / "pyqtgraph" / "icons" / "auto.png").is_file()  # the plots' "A" button
    assert not (internal / "pyqtgraph" / "icons" / "peegee").exists()
    assert not (internal / "pyqtgraph" / "colors" / "maps").exists()
    assert (internal / "babel" / "locale-data" / "en.dat").is_file()
    assert not (internal / "babel" / "locale-data" / "en_AU.dat").exists()  # 100 variants
    archive = CArchiveReader(str(bundle / f"{APP_NAME}{EXE}")).open_embedded_archive("PYZ.pyz")
    assert not list(internal.glob("stdnum/**/*.dat"))  # IBAN, ISBN, ... number ranges
    left_out = ("numpy.random", "pydoc_data", "phonenumbers.geocoder", "PyQt6")
    assert [m for m in archive.toc if any(m == p or m.startswith(f"{p}.") for p in left_out)] == []
    # PySide6.QtOpenGL is packaging/qtopengl_stub.py, not the binding.
    assert "BUNDLE_STUB" in archive.extract("PySide6.QtOpenGL").co_names


def test_self_test_on_a_fresh_database(bundle, tmp_path):
    db = tmp_path / "yeni.sqlite"
    result = self_test(bundle, db)
    assert result.returncode == 0, _report(result)
    assert QT_TURKISH_LOADED in result.stdout
    assert f"TAMAM Sürüm {__version__}" in result.stdout
    assert PASSED in result.stdout
    head = migrations.head_revision()
    assert f"şema {head} (beklenen {head})" in result.stdout
    assert revision_of(db) == head


def test_self_test_migrates_a_database_at_the_first_schema_version(bundle, tmp_path):
    db = database_at_first_revision(tmp_path / "eski.sqlite")
    first, head = first_revision(), migrations.head_revision()
    result = self_test(bundle, db)
    assert result.returncode == 0, _report(result)
    assert QT_TURKISH_LOADED in result.stdout
    assert "TAMAM Sekme “Firmalar” açıldı" in result.stdout
    assert revision_of(db) == head
    assert firm_titles(db) == ["Eski Şema Mobilya A.Ş."]
    backups = list((tmp_path / "yedekler").glob(f"eski-*-gecis-oncesi-{first}.sqlite"))
    assert len(backups) == (0 if first == head else 1)


PROBE_MIGRATION = '''"""Packaging probe: a later revision, dropped into a copy of the bundle."""
import sqlalchemy as sa
from alembic import op

revision = {revision!r}
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "packaging_probe",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("note", sa.String(40), nullable=False, server_default="kayseri"),
    )
    with op.batch_alter_table("firms") as batch:
        batch.add_column(sa.Column("probe_flag", sa.Boolean(), nullable=True))


def downgrade():
    with op.batch_alter_table("firms") as batch:
        batch.drop_column("probe_flag")
    op.drop_table("packaging_probe")
'''


def _linked_copy(source: Path, target: Path) -> Path:
    """A copy of the bundle whose files are hard links (cheap), db/ a real copy."""
    try:
        shutil.copytree(source, target, symlinks=True, copy_function=os.link)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target, symlinks=True)
    db_dir = target / "_internal" / "db"
    shutil.rmtree(db_dir)
    shutil.copytree(source / "_internal" / "db", db_dir)
    return target


def test_bundle_runs_a_later_migration_on_an_existing_database(bundle, tmp_path):
    """Alembic inside the frozen app loads a revision file and upgrades a kept database.

    Until the project has a second real revision, a probe revision is dropped into
    a copy of the bundle: the same code path an upgraded installation takes
    (backup first, batch table rebuild on SQLite, data kept).
    """
    head = migrations.head_revision()
    copy = _linked_copy(bundle, tmp_path / "bundle")
    (copy / "_internal" / "db" / "versions" / "9999_packaging_probe.py").write_text(
        PROBE_MIGRATION.format(revision=PROBE_REVISION, down=head), encoding="utf-8"
    )
    data = tmp_path / "veri"
    data.mkdir()
    db = database_at_first_revision(data / "kurulu.sqlite")
    migrations.upgrade(f"sqlite:///{db}")  # as the installed previous version left it

    result = self_test(copy, db)
    assert result.returncode == 0, _report(result)
    assert f"şema {PROBE_REVISION} (beklenen {PROBE_REVISION})" in result.stdout
    assert revision_of(db) == PROBE_REVISION
    assert firm_titles(db) == ["Eski Şema Mobilya A.Ş."]
    con = sqlite3.connect(db)
    try:
        columns = {row[1] for row in con.execute("PRAGMA table_info(firms)")}
        probe = con.execute("SELECT count(*) FROM packaging_probe").fetchone()[0]
    finally:
        con.close()
    assert "probe_flag" in columns
    assert probe == 0
    backups = list((data / "yedekler").glob(f"kurulu-*-gecis-oncesi-{head}.sqlite"))
    assert len(backups) == 1
    assert revision_of(backups[0]) == head


def test_bundle_refuses_a_database_from_a_newer_version(bundle, tmp_path):
    db = tmp_path / "yeni-surum.sqlite"
    migrations.upgrade(f"sqlite:///{db}")
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE alembic_version SET version_num = 'ffff_gelecek'")
    con.close()
    result = self_test(bundle, db)
    assert result.returncode == 2, _report(result)
    assert "daha yeni bir sürümle" in result.stderr
    assert revision_of(db) == "ffff_gelecek"


def test_bundled_demo_generator_and_english_self_test(bundle, tmp_path):
    db = tmp_path / "demo.sqlite"
    made = run_bundle(bundle, "kayseri", "demo", "--db", str(db), "--firms", "60", home=tmp_path)
    assert made.returncode == 0, _report(made)
    checked = run_bundle(bundle, "kayseri", "check", "--db", str(db), home=tmp_path)
    assert checked.returncode == 0, _report(checked)
    assert "Bütünlük   : ok" in checked.stdout
    assert re.search(r"^\s*firms\s+60$", checked.stdout, re.MULTILINE), checked.stdout

    result = self_test(bundle, db)
    assert result.returncode == 0, _report(result)
    assert "TAMAM Sekme “Firmalar” açıldı" in result.stdout

    english = self_test(bundle, db, "--lang", "en")
    assert english.returncode == 0, _report(english)
    assert "OK    English translation (kayseri_en) loaded" in english.stdout
    assert "Self-test passed." in english.stdout


def test_bundled_command_line_exports_packs_and_backs_up(bundle, tmp_path):
    """kayseri[.exe] is a small console program that runs the window program's copy of
    the command line (its own module archive holds none of the app): every command
    that writes something runs from the bundle, output and exit codes passed through."""
    from PyInstaller.archive.readers import CArchiveReader

    cli_archive = CArchiveReader(str(bundle / f"kayseri{EXE}")).open_embedded_archive("PYZ.pyz")
    big = ("kayseri_desktop", "sqlalchemy", "alembic", "openpyxl", "numpy", "PySide6")
    assert not [m for m in cli_archive.toc if m.split(".")[0] in big]
    assert (bundle / f"kayseri{EXE}").stat().st_size < 3 * 2**20
    usage = run_bundle(bundle, "kayseri", "export", "firms", home=tmp_path)  # no OUT given
    assert usage.returncode == 2 and "ÇIKTI.xlsx" in usage.stderr, _report(usage)
    missing = run_bundle(bundle, "kayseri", "check", "--db", str(tmp_path / "yok"), home=tmp_path)
    assert missing.returncode == 2 and "veritabanı bulunamadı" in missing.stderr, _report(missing)
    assert not (tmp_path / "yok").exists()
    db = tmp_path / "demo.sqlite"
    made = run_bundle(bundle, "kayseri", "demo", "--db", str(db), "--firms", "40", home=tmp_path)
    assert made.returncode == 0, _report(made)
    con = sqlite3.connect(db)
    try:
        meeting = con.execute("SELECT min(id) FROM meetings").fetchone()[0]
    finally:
        con.close()
    commands = {
        "hepsi.xlsx": ["export", "all", "hepsi.xlsx", "--with-contacts"],
        "firmalar.xlsx": ["export", "firms", "firmalar.xlsx"],
        "ziyaretler.ics": ["visits", "ics", "ziyaretler.ics"],
        "paket.pdf": ["meeting-pack", "--meeting", str(meeting), "--out", "paket.pdf"],
        "paket.xlsx": ["meeting-pack", "--meeting", str(meeting), "--out", "paket.xlsx"],
        "yedek.sqlite": ["backup", "--out", "yedek.sqlite"],
    }
    for written, args in commands.items():
        result = run_bundle(bundle, "kayseri", *args, "--db", str(db), home=tmp_path)
        assert result.returncode == 0, f"{args}\n{_report(result)}"
        assert (tmp_path / written).stat().st_size > 0, args
    assert (tmp_path / "paket.pdf").read_bytes().startswith(b"%PDF")
    dry_run = ("import", "firms", "firmalar.xlsx", "--dry-run", "--db", str(db))
    imported = run_bundle(bundle, "kayseri", *dry_run, home=tmp_path)
    assert imported.returncode == 0, _report(imported)


@pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="XDG data folder; the Windows workflow checks %LOCALAPPDATA% after installing",
)
def test_bundle_uses_the_default_database_in_the_user_data_folder(bundle, tmp_path):
    """As after installing: no --db, no setting, no $KAYSERI_DB."""
    result = run_bundle(bundle, APP_NAME, "--self-test", home=tmp_path)
    assert result.returncode == 0, _report(result)
    default = tmp_path / "data" / "KayseriIhracatMasasi" / "kayseri.sqlite"
    assert default.is_file()
    assert f"Veritabanı {default}," in result.stdout
