"""Interface language: Qt translators and the saved language setting.

Turkish is the source language of every string in the app, so Turkish needs no
translation file of ours, only Qt's own ``qtbase_tr`` (dialog buttons, context
menus). English loads ``resources/translations/kayseri_en.qm``, built from the .ts
by scripts/build_translations.py; if it has not been built, the app stays Turkish.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from kayseri_desktop import project_root

log = logging.getLogger(__name__)

LANGUAGE_KEY = "ui/language"
LANGUAGES = ("tr", "en")
DEFAULT_LANGUAGE = "tr"
APP_CATALOGUE = "kayseri"

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


@dataclass(frozen=True)
class TranslationStatus:
    requested: str
    language: str
    qtbase_loaded: bool
    app_loaded: bool


def translations_dir() -> Path:
    return project_root() / "resources" / "translations"


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def saved_language() -> str:
    value = str(QSettings().value(LANGUAGE_KEY, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    QSettings().setValue(LANGUAGE_KEY, language)


def current_language() -> str:
    """The language actually in use (after any fallback), for catalogue labels."""
    return _current


def _install(translator: QTranslator) -> None:
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)


def remove_translators() -> None:
    """Uninstall everything install_translators() put in (tests, language switches)."""
    global _current
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    _current = DEFAULT_LANGUAGE


def install_translators(requested: str, *, qm_dir: Path | None = None) -> TranslationStatus:
    """Install the translators for ``requested`` ("tr" or "en"); returns what loaded.

    Replaces translators installed by an earlier call, so calling it twice is safe.
    """
    global _current
    remove_translators()
    language = requested if requested in LANGUAGES else DEFAULT_LANGUAGE
    if language == "en":
        # One catalogue per area of the app (kayseri_en.ts, kayseri_en_registry.ts, ...).
        folder = qm_dir or translations_dir()
        catalogues = sorted(folder.glob(f"{APP_CATALOGUE}_en*.qm"))
        loaded = []
        for qm in catalogues:
            translator = QTranslator()
            if translator.load(str(qm)):
                loaded.append(translator)
        if loaded and len(loaded) == len(catalogues):
            for translator in loaded:
                _install(translator)
            _current = "en"
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
            return TranslationStatus(requested, "en", False, True)
        qm = folder / f"{APP_CATALOGUE}_en*.qm"
        log.warning("English translation %s is missing or unreadable; using Turkish", qm)
        language = DEFAULT_LANGUAGE
    qtbase = QTranslator()
    qt_ok = qtbase.load("qtbase_tr", qt_translations_dir())
    if qt_ok:
        _install(qtbase)
    else:
        log.warning("Qt's Turkish translation qtbase_tr not found in %s", qt_translations_dir())
    _current = "tr"
    QLocale.setDefault(QLocale(QLocale.Language.Turkish, QLocale.Country.Turkey))
    return TranslationStatus(requested, "tr", qt_ok, False)
