"""The pieces of packaging/ that need no PyInstaller: icon, launcher, start-up probe, installer."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImageReader

from kayseri_desktop import project_root

ROOT = project_root()
PACKAGING = ROOT / "packaging"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_icon_holds_every_size_rendered_from_the_svg(qapp, tmp_path):
    make_icon = _load("make_icon")
    ico = make_icon.write_icon(tmp_path / "app.ico")
    reader = QImageReader(str(ico))
    assert reader.format() == b"ico"
    sizes = []
    while True:
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append((image.width(), image.height()))
        if not reader.jumpToNextImage():
            break
    assert sorted(sizes) == [(s, s) for s in make_icon.SIZES]
    # The 256 px entry is the SVG's red tile: opaque in the middle, transparent corner.
    big = QImageReader(str(ico))
    big.jumpToImage(len(make_icon.SIZES) - 1)
    image = big.read()
    assert image.width() == 256
    assert image.pixelColor(128, 20).red() > 150
    assert image.pixelColor(0, 0).alpha() == 0


def test_ico_container_layout():
    make_icon = _load("make_icon")
    data = make_icon.ico_bytes({16: b"A" * 10, 256: b"B" * 20})
    assert data[:6] == b"\x00\x00\x01\x00\x02\x00"
    # First entry: 16 px, 10 bytes at offset 6 + 2 * 16; second: 256 px stored as 0.
    assert data[6] == 16 and data[22] == 0
    assert data[38:48] == b"A" * 10 and data[48:] == b"B" * 20


def test_launcher_with_the_start_up_probe_shows_the_window_and_quits(tmp_path):
    """packaging/launch_gui.py (the bundle's entry script) run from source on a new database."""
    probe = _load("startup_probe")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    env[probe.ENV] = "1"
    env.pop("KAYSERI_DB", None)
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "launch_gui.py"), "--db", str(tmp_path / "k.sqlite")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines().count(probe.MARKER) == 1
    assert (tmp_path / "k.sqlite").is_file()


STUBBED_SELF_TEST = """
import importlib.util, runpy, sys
spec = importlib.util.spec_from_file_location("PySide6.QtOpenGL", {stub!r})
stub = importlib.util.module_from_spec(spec)
spec.loader.exec_module(stub)
sys.modules["PySide6.QtOpenGL"] = stub  # as in the bundle, where the binding is left out
sys.argv = [{launcher!r}, "--self-test", "--db", {db!r}]
sys.path.insert(0, {packaging!r})  # as when the launcher runs as a script
try:
    runpy.run_path({launcher!r}, run_name="__main__")
finally:
    import pyqtgraph
    from pyqtgraph.graphicsItems import PlotCurveItem
    print("useOpenGL", pyqtgraph.getConfigOption("useOpenGL"))
    print("stub", getattr(PlotCurveItem.QtOpenGL, "BUNDLE_STUB", False))
"""


def test_qtopengl_stub_fails_plainly_on_use():
    stub = _load("qtopengl_stub")
    assert not hasattr(stub, "QOpenGLBuffer")
    with pytest.raises(AttributeError, match="QOpenGLShaderProgram"):
        stub.QOpenGLShaderProgram()


def test_app_draws_every_tab_with_the_qtopengl_stub(tmp_path):
    """The bundle replaces PySide6.QtOpenGL with packaging/qtopengl_stub.py: the app's
    charts (pyqtgraph) must never need the real module. Self-test on demo data, every
    tab shown and the window painted, with the stub in place of QtOpenGL."""
    from kayseri_desktop.services import demo
    from kayseri_desktop.services.context import open_context

    db = tmp_path / "demo.sqlite"
    ctx = open_context(db)
    try:
        demo.generate(ctx.db, firms=60, today=dt.date(2026, 11, 25))
    finally:
        ctx.close()
    code = STUBBED_SELF_TEST.format(
        stub=str(PACKAGING / "qtopengl_stub.py"),
        launcher=str(PACKAGING / "launch_gui.py"),
        packaging=str(PACKAGING),
        db=str(db),
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    env.pop("KAYSERI_DB", None)
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "TAMAM Sekme “Pano” açıldı" in result.stdout
    assert "TAMAM Pencere çizildi" in result.stdout
    assert "useOpenGL False" in result.stdout
    assert "stub True" in result.stdout


def test_start_up_probe_is_idle_without_its_variable(monkeypatch):
    probe = _load("startup_probe")
    monkeypatch.delenv(probe.ENV, raising=False)
    assert probe.install() is False


def _iss() -> str:
    raw = (PACKAGING / "kayseri.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads UTF-8 scripts by their BOM"
    return raw.decode("utf-8-sig")


def test_installer_script_is_per_user_bilingual_and_keeps_the_data():
    text = _iss()
    lines = {line.strip() for line in text.splitlines()}
    assert "PrivilegesRequired=lowest" in lines
    assert r"DefaultDirName={autopf}\KayseriIhracatMasasi" in lines
    assert 'Name: "tr"; MessagesFile: "compiler:Languages\\Turkish.isl"' in lines
    assert 'Name: "en"; MessagesFile: "compiler:Default.isl"' in lines
    desktop = next(line for line in lines if line.startswith('Name: "desktopicon"'))
    assert "Flags: unchecked" in desktop
    assert any(line.startswith(r'Name: "{autoprograms}\{#AppDisplayName}"') for line in lines)
    # Nothing deletes the data folder; the uninstaller names it when it is done.
    assert "[UninstallDelete]" not in text
    assert r"{localappdata}\KTO\KayseriIhracatMasasi" in text
    assert "usPostUninstall" in text
    assert any(line.startswith("tr.DataKept=") for line in lines)
    assert any(line.startswith("en.DataKept=") for line in lines)


def test_installer_data_folder_is_where_the_app_keeps_its_database(monkeypatch, tmp_path):
    """The folder the uninstaller names is platformdirs' choice for the app on Windows."""
    from platformdirs import windows

    from kayseri_desktop import APP_AUTHOR, APP_NAME

    asked = []
    monkeypatch.setattr(windows, "get_win_folder", lambda name: asked.append(name) or str(tmp_path))
    folder = windows.Windows(APP_NAME, APP_AUTHOR, roaming=False).user_data_dir
    assert asked == ["CSIDL_LOCAL_APPDATA"]  # {localappdata} in Inno Setup
    relative = Path(folder).relative_to(tmp_path)
    assert "{localappdata}\\" + "\\".join(relative.parts) in _iss()


def test_windows_workflow_builds_self_tests_and_installs():
    text = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "runs-on: windows-latest" in text
    assert "packaging/kayseri.spec" in text
    assert "--self-test" in text
    assert "Qt Türkçe çevirisi (qtbase_tr) yüklendi" in text
    assert "packaging\\kayseri.iss" in text
    assert "tests/test_packaging_bundle.py" in text
