"""Start-up loads only what the first screen needs, and still guards the file first.

The window is started in a fresh process (``kayseri_desktop.app.main``, as the
``kayseri-desktop`` command does) with a probe that, at the first paint of the main
window, writes the names of the modules imported so far and quits. Excel, iCalendar,
the charts (pyqtgraph, numpy), Alembic and the other tabs are loaded later, on first
use; a file at an older schema is still migrated (with its backup) before the window
opens.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kayseri_desktop.data import migrations, schema_head
from kayseri_desktop.services import demo
from kayseri_desktop.services.context import open_context

DATA = Path(__file__).parent / "data"

PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

app = QApplication(sys.argv[:1])


class FirstPaint(QObject):
    done = False

    def eventFilter(self, obj, event):
        if (
            not self.done
            and event.type() == QEvent.Type.Paint
            and isinstance(obj, QWidget)
            and isinstance(obj.window(), QMainWindow)
        ):
            self.done = True
            with open(sys.argv[1], "w", encoding="utf-8") as out:
                json.dump(sorted(sys.modules), out)
            QTimer.singleShot(0, QApplication.quit)
        return False


probe = FirstPaint()
app.installEventFilter(probe)
from kayseri_desktop.app import main

sys.exit(main(sys.argv[2:]))
"""

# Libraries and modules the first screen (the Pano's tiles) does not need.
NOT_AT_START = (
    "alembic",
    "openpyxl",
    "icalendar",
    "babel",
    "phonenumbers",
    "holidays",
    "pyqtgraph",
    "numpy",
    "python_calamine",
    "rapidfuzz",
    "kayseri_desktop.exchange.xlsx",
    "kayseri_desktop.exchange.visits_ics",
    "kayseri_desktop.exchange.pack_pdf",
    "kayseri_desktop.gui.firms_tab",
    "kayseri_desktop.gui.visits_tab",
    "kayseri_desktop.gui.projects_tab",
    "kayseri_desktop.gui.meetings_tab",
    "kayseri_desktop.gui.dashboard.charts",
    "kayseri_desktop.gui.about_dialog",
)


def first_paint_modules(db: Path, home: Path) -> set[str]:
    """Start the window on ``db`` in a fresh process; the modules loaded at first paint."""
    out = home / "modules.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KAYSERI_", "XDG_"))}
    env |= {
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(out), "--db", str(db)],
        cwd=home,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return set(json.loads(out.read_text(encoding="utf-8")))


def loaded(modules: set[str], name: str) -> bool:
    return name in modules or any(m.startswith(name + ".") for m in modules)


def test_the_known_head_is_alembics_head():
    assert schema_head.known_head() == migrations.head_revision()


def test_the_head_is_read_from_the_scripts_as_written(tmp_path):
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "a.py").write_text('revision: str = "a1"\ndown_revision = None\n')
    (versions / "b.py").write_text('revision = "b2"\ndown_revision: str | None = "a1"\n')
    assert schema_head.known_head(versions) == "b2"
    (versions / "c.py").write_text('revision = "c3"\ndown_revision = "a1"\n')  # a branch
    assert schema_head.known_head(versions) is None  # unclear: Alembic decides


def test_first_paint_loads_none_of_what_the_first_screen_does_not_need(tmp_path):
    db = tmp_path / "demo.sqlite"
    ctx = open_context(db)
    try:
        demo.generate(ctx.db, firms=60, today=dt.date(2026, 11, 25))
    finally:
        ctx.close()
    modules = first_paint_modules(db, tmp_path)
    assert "kayseri_desktop.gui.dashboard_tab" in modules  # the probe saw the real window
    early = [name for name in NOT_AT_START if loaded(modules, name)]
    assert early == []


@pytest.mark.parametrize("revision", ["0004"])
def test_an_older_file_is_still_backed_up_and_migrated_before_the_window(revision, tmp_path):
    db = tmp_path / "alt.sqlite"
    shutil.copyfile(DATA / f"schema_{revision}.sqlite", db)
    modules = first_paint_modules(db, tmp_path)
    assert loaded(modules, "alembic")  # an upgrade needs it, and only then
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (schema_head.known_head(),)
        ]
    backups = list((tmp_path / "yedekler").glob(f"alt-*-gecis-oncesi-{revision}.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(revision,)]
